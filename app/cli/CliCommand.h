// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliContext.h"

#include <QStringList>

namespace kengele {

// One family of kengele-cli commands (contacts, campaign, relay, ...): made for one run, given the
// words after the family's name ("campaign status 12" → {"status", "12"}). Registered, with its
// help, in CliCommandTable.
class CliCommand
{
public:
    static constexpr int Done = CliContext::Done;
    static constexpr int Failed = CliContext::Failed;
    static constexpr int BadUsage = CliContext::BadUsage;

    explicit CliCommand(CliContext &context)
        : m_cli(context)
    { }
    virtual ~CliCommand() = default;
    CliCommand(const CliCommand &) = delete;
    CliCommand &operator=(const CliCommand &) = delete;

    // The exit status.
    virtual int run(const QStringList &words) = 0;

protected:
    CliContext &m_cli;
};

} // namespace kengele
