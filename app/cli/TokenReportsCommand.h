// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli tokens usage [--days N] | tokens insights | tokens alerts | tokens history [--account NAME] [--limit N]:
// what the ledger says about the tokens (TokenInsights, TokenLedger::history). Reached through TokensCommand.
class TokenReportsCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(TokenReportsCommand)

public:
    using CliCommand::CliCommand;

    // The words after "tokens" this class answers.
    static QStringList words();
    int run(const QStringList &words) override;

private:
    int usage();
    int insights();
    int alerts();
    int history();
};

} // namespace kengele
