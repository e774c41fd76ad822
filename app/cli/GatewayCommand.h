// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli gateway set --provider ... | gateway balance: how SMS leave this computer.
class GatewayCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GatewayCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;
};

} // namespace kengele
