// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli relay connect URL --code CODE | relay sync [--once] | relay status (docs/relay.md).
class RelayCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(RelayCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;

private:
    int connectDevice(const QStringList &words);
    int chooseForOwnData(QString *backupFile);
    int sync();
    int status();
};

} // namespace kengele
