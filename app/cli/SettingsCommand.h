// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli settings quiet-hours [21:00-07:00|off]: the profile's settings that have no command
// of their own (the gateway's are `gateway set`).
class SettingsCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SettingsCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;

private:
    // Shows the quiet hours, or sets them from "21:00-07:00" or "off".
    int quietHours(const QStringList &words);
};

} // namespace kengele
