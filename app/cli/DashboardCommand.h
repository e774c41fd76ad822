// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli dashboard [--period this-month|last-3-months|last-12-months|FROM..TO]: the numbers
// behind the dashboard's cards (DashboardService), with the period before for trends.
class DashboardCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(DashboardCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;
};

} // namespace kengele
