// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>

namespace kengele {

// What an account is for (architecture.md §5). People choose budget accounts (the organisation's Main account
// and one per department); the other kinds are the ledger's bookkeeping: where granted and bought
// tokens come from (source), tokens held for queued messages (reserved), and where they end (spent,
// expired).
enum class TokenAccountKind { Source, Budget, Reserved, Spent, Expired };

struct TokenAccount {
    qint64 id = 0;
    QString name;
    TokenAccountKind kind = TokenAccountKind::Budget;
    qint64 balance = 0; // the sum of the account's entries when it was read
    QDateTime created; // UTC
    qint64 alertBelow = -1; // budget accounts: warn when the balance falls below this; -1: no warning
};

// The account's name as a screen shows it: the organisation's built-in "Main" is "Main account" (in
// Kiswahili "Akaunti kuu"); a department's budget keeps the name someone gave it. The ledger, the
// settings and kengele-cli keep using the stored name.
QString tokenAccountLabel(const QString &name);

} // namespace kengele
