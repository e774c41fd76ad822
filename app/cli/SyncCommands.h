// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// sync status | sync conflicts [--limit N]: this computer's share of the organisation's sync.
class SyncCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;
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
