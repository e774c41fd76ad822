// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli tokens add --tokens N [--account NAME] [--reason TEXT] | tokens check [--account NAME].
class TokensCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(TokensCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;
};

} // namespace kengele
