// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace kengele {

// What a credit (grant, purchase) brings besides its tokens: the plan it came with and when its
// unused tokens expire (architecture.md §5).
struct LotTerms {
    QString plan; // "" added by hand, else Plan::key()
    QDateTime expires; // invalid: never
};

// Tokens of one credit that a budget account holds now. Spending draws from the lot that expires
// first; a transfer between budgets keeps each lot's expiry; at expiry the rest moves to Expired.
struct TokenLot {
    qint64 id = 0;
    qint64 accountId = 0; // the budget account that holds `remaining` of it
    QString accountName;
    QString plan; // "" added by hand (or held before lots existed), else Plan::key()
    qint64 tokens = 0; // credited
    qint64 remaining = 0; // in that budget account now
    QDateTime credited; // UTC
    QDateTime expires; // UTC; invalid: never
    QString reference; // the credit's reference (a purchase: the voucher id)
};

// A part of an entry on a budget account: `tokens` of one lot. Internal to the ledger (LotBook).
struct LotShare {
    qint64 lotId = 0;
    qint64 tokens = 0;
};
using LotShares = QList<LotShare>;

} // namespace kengele
