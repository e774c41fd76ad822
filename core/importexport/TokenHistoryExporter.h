// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "tokens/TokenTransfer.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace kengele {

// One line of a budget's statement with the budget it belongs to (the Tokens page lists several
// budgets' lines together).
struct TokenHistoryLine {
    QString account; // the budget's stored name ("Main", "Youth")
    TokenHistoryEntry entry;
};

// Writes token history lines (TokenLedger::history) to a CSV file that Excel opens correctly, like
// ContactExporter: UTF-8 with a byte order mark, CRLF line ends, cells that a spreadsheet would run
// as a formula defused, the file replaced only when everything was written. The columns: Date
// (local time, ISO), Budget, Kind, Tokens (+ in, - out), Balance after, Other account, Reason,
// Reference, By. The header and the kinds stay English: the file is data for spreadsheets.
class TokenHistoryExporter final
{
    Q_DECLARE_TR_FUNCTIONS(TokenHistoryExporter)

public:
    // Returns how many lines were written.
    static Result<int> exportCsv(const QString &path, const QList<TokenHistoryLine> &lines);
    // The CSV text itself (what exportCsv writes after the byte order mark).
    static QString csv(const QList<TokenHistoryLine> &lines);
    // "grant", "purchase", "reserve", "spend", "release", "transfer", "expiry".
    static QString kindKey(TokenTransferKind kind);
};

} // namespace kengele
