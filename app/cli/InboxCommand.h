// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli inbox list [--unread] [--search TEXT]: incoming SMS, newest first.
class InboxCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(InboxCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;
};

} // namespace kengele
