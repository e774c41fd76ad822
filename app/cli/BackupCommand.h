// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli backup create [--to FILE] | backup restore FILE | backup list | backup folder [DIR]
// The passphrase: KENGELE_BACKUP_PASSPHRASE, else the next line of standard input (after the
// sign-in password when that comes from standard input too), else the automatic backups'
// passphrase from the keychain.
class BackupCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;

private:
    // The passphrase, or "" with the reason said.
};

} // namespace kengele
