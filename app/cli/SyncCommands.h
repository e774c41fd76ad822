// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"
#include "sync/JoinChoice.h"

namespace kengele {

// sync status | sync conflicts [--limit N]: this computer's share of the organisation's sync.
class SyncCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;

    // Keeps what happens to this computer's own data when it is let in (JoinChoices); for
    // StartFromChurch an encrypted backup is made first (the passphrase as for `backup create`), its
    // file in `backupFile`. Nothing to do for a profile without shared data of its own.
    static int chooseForOwnData(CliContext &cli, JoinChoice choice, QString *backupFile);

private:
    int ownData(const QStringList &words);
};

// devices list | devices approve DEVICE [--safety-code CODE] | devices remove DEVICE.
class DevicesCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(DevicesCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;
};

} // namespace kengele
