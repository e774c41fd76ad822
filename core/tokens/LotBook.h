// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "TokenLot.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <optional>

namespace kengele {

// The SQL of the token ledger's lots (architecture.md §5) on one connection, inside whatever
// transaction the caller has open there: token_lots, the split of budget entries among lots
// (token_entry_lots), what each budget holds of each lot (token_lot_holdings) and the spending by
// hour (token_spend_hours). TokenLedger decides which lots move; this reads and writes them.
//
// Order: the lot that expires first comes first; lots that never expire come last; ties by age;
// the overdraft lot after all of them.
class LotBook final
{
    Q_DECLARE_TR_FUNCTIONS(LotBook)

public:
    // What a budget spent beyond its lots when computers that were offline together spent more
    // than it held (architecture.md §5): a budget's holding of it may be below zero (the budget is
    // overdrawn by that much; the next tokens that come in, except a campaign's going back, pay it
    // first) or above (tokens moved out
    // of an overdrawn budget). Created by schema version 17.
    static constexpr qint64 OverdraftLot = -1;
    // The lot order as SQL, for `token_lots l`.
    static const QString &lotOrder();

    explicit LotBook(const QSqlDatabase &db);

    // A new lot for the credit `transferId`. expiresMs nullopt: never.
    Result<qint64> createLot(qint64 transferId, const QString &plan, qint64 tokens, qint64 creditedMs,
                             std::optional<qint64> expiresMs) const;
    // `tokens` of what the budget account holds, soonest expiry first. Storage error when its lots
    // hold fewer (the balance was checked before: the lots disagree with the entries).
    Result<LotShares> takeSoonest(qint64 accountId, qint64 tokens) const;
    // What a campaign still holds, lot by lot, soonest expiry first: what it reserved from each lot,
    // less what went back to it, less its spending (`spent`, taken from the soonest lots first).
    Result<LotShares> heldByCampaign(qint64 campaignId, qint64 spent) const;
    // The first `tokens` of `shares` (all of them when they hold fewer).
    static LotShares first(const LotShares &shares, qint64 tokens);
    static qint64 sum(const LotShares &shares);

    // Tokens coming into a budget account pay its overdraft first: as many of `incoming` (in
    // order) as the account owes become shares of the overdraft lot. Same total.
    Result<LotShares> payDebtFirst(qint64 accountId, const LotShares &incoming) const;
    static LotShares payDebt(qint64 debt, const LotShares &incoming);

    // Writes the split of entry `entryId` on `accountId` (sign -1: out of the account) and updates
    // what the account holds of each lot.
    Status record(qint64 entryId, qint64 accountId, const LotShares &shares, int sign) const;
    // Adds spending to the summary by hour.
    Status addSpend(qint64 atMs, qint64 accountId, qint64 tokens) const;

    // --- Reading ---
    // Lots budget accounts hold tokens of, one row per lot and account; `where` ("AND ...") filters
    // `token_lots l`, `token_lot_holdings h` and `token_accounts a`.
    Result<QList<TokenLot>> holdings(const QString &where = {}, const QVariantList &binds = {}) const;
    // Lots with a plan that expire after nowMs, one row each; `remaining` over all budgets and
    // `accountId` the account it was credited to.
    Result<QList<TokenLot>> purchasedInForce(qint64 nowMs) const;

private:
    QSqlDatabase m_db;
};

} // namespace kengele
