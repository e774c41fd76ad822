// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli tokens …: changing the ledger (add, transfer, expire, threshold, rename) and the
// balances (check); the reports (usage, insights, alerts, history) are TokenReportsCommand's.
// run() hands each word to the class that does it (see Subcommands in the .cpp): a new family of
// token commands is a new class and one line there, and one line of usageLine().
class TokensCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(TokensCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;
    // Every tokens command, for a bad-usage message.
    static QString usageLine();

private:
    int add();
    int check();
    int transfer();
    int expire();
    int threshold();
    int rename();
    // --name of an option as a whole number >= 0 (or `minimum`), into `value`; Done or BadUsage (said).
    int readCount(const QString &option, qint64 minimum, qint64 &value, const QString &example);
};

} // namespace kengele
