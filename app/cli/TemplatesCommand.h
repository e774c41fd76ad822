// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli templates list | show NAME | save NAME (--text T | --file F) | delete NAME.
class TemplatesCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(TemplatesCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;
};

} // namespace kengele
