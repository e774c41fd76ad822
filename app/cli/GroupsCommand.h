// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli groups list | create NAME | add NAME PHONE... | remove NAME PHONE...
class GroupsCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(GroupsCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;
};

} // namespace kengele
