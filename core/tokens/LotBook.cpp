// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LotBook.h"

#include "common/Log.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace kengele {

namespace {

constexpr qint64 HourMs = 3'600'000;

// Soonest expiry first; never-expiring lots last; then oldest first; the overdraft lot at the end.
const QString LotOrder = QStringLiteral(" ORDER BY l.id = -1, l.expires_at IS NULL, l.expires_at, l.id");

Error readError(const QSqlQuery &query)
{
    return Database::storageError(query.lastError(), LotBook::tr("Reading the token balances"));
}

Error writeError(const QSqlQuery &query)
{
    return Database::storageError(query.lastError(), LotBook::tr("Recording the tokens"));
}

QDateTime utcOrInvalid(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

TokenLot lotFromRow(const QSqlQuery &q)
{
    TokenLot lot;
    lot.id = q.value(0).toLongLong();
    lot.accountId = q.value(1).toLongLong();
    lot.accountName = q.value(2).toString();
    lot.plan = q.value(3).toString();
    lot.tokens = q.value(4).toLongLong();
    lot.remaining = q.value(5).toLongLong();
    lot.credited = utcOrInvalid(q.value(6));
    lot.expires = utcOrInvalid(q.value(7));
    lot.reference = q.value(8).toString();
    return lot;
}

} // namespace

LotBook::LotBook(const QSqlDatabase &db)
    : m_db(db)
{ }

const QString &LotBook::lotOrder()
{
    return LotOrder;
}

Result<LotShares> LotBook::payDebtFirst(qint64 accountId, const LotShares &incoming) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT tokens FROM token_lot_holdings WHERE account_id = ? AND lot_id = ?"));
    q.addBindValue(accountId);
    q.addBindValue(OverdraftLot);
    if (!q.exec())
        return std::unexpected(readError(q));
    const qint64 held = q.next() ? q.value(0).toLongLong() : 0;
    return payDebt(held < 0 ? -held : 0, incoming);
}

LotShares LotBook::payDebt(qint64 debt, const LotShares &incoming)
{
    if (debt <= 0)
        return incoming;
    LotShares out;
    qint64 paid = 0;
    qint64 overdraft = 0; // the shares that go to the overdraft lot
    for (const LotShare &share : incoming) {
        const qint64 pay = qMin(debt - paid, share.tokens);
        paid += pay;
        if (share.lotId == OverdraftLot)
            overdraft += share.tokens;
        else {
            overdraft += pay;
            if (share.tokens > pay)
                out.append(LotShare{share.lotId, share.tokens - pay});
        }
    }
    if (overdraft > 0)
        out.prepend(LotShare{OverdraftLot, overdraft});
    return out;
}

Result<qint64> LotBook::createLot(qint64 transferId, const QString &plan, qint64 tokens, qint64 creditedMs,
                                  std::optional<qint64> expiresMs) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO token_lots(transfer_id, plan, tokens, credited_at, expires_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(transferId);
    q.addBindValue(sqlText(plan));
    q.addBindValue(tokens);
    q.addBindValue(creditedMs);
    q.addBindValue(expiresMs ? QVariant(*expiresMs) : QVariant());
    if (!q.exec())
        return std::unexpected(writeError(q));
    return q.lastInsertId().toLongLong();
}

Result<LotShares> LotBook::takeSoonest(qint64 accountId, qint64 tokens) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT h.lot_id, h.tokens FROM token_lot_holdings h JOIN token_lots l ON l.id = h.lot_id "
                             "WHERE h.account_id = ? AND h.tokens > 0")
              + LotOrder);
    q.addBindValue(accountId);
    if (!q.exec())
        return std::unexpected(readError(q));
    LotShares shares;
    qint64 left = tokens;
    while (left > 0 && q.next()) {
        const qint64 take = qMin(left, q.value(1).toLongLong());
        shares.append(LotShare{q.value(0).toLongLong(), take});
        left -= take;
    }
    if (left > 0) {
        qCWarning(lcTokens) << "account" << accountId << "holds" << (tokens - left) << "tokens in lots, fewer than" << tokens;
        return fail(ErrorCode::Storage,
                    tr("The token lots of this account do not add up to its balance. Run the ledger check "
                       "or restore the data file from a backup."));
    }
    return shares;
}

Result<LotShares> LotBook::heldByCampaign(qint64 campaignId, qint64 spent) const
{
    // Reservations are entries out of a budget (negative), releases entries back into it.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT l.id, -sum(el.amount) FROM token_transfers t "
                             "JOIN token_entries e ON e.transfer_id = t.id "
                             "JOIN token_entry_lots el ON el.entry_id = e.id "
                             "JOIN token_lots l ON l.id = el.lot_id "
                             "WHERE t.campaign_id = ? AND t.kind IN ('reserve', 'release') GROUP BY l.id")
              + LotOrder);
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(readError(q));
    LotShares held;
    qint64 toSpend = qMax<qint64>(spent, 0);
    while (q.next()) {
        qint64 tokens = q.value(1).toLongLong();
        const qint64 used = qMin(tokens, toSpend);
        tokens -= used;
        toSpend -= used;
        if (tokens > 0)
            held.append(LotShare{q.value(0).toLongLong(), tokens});
    }
    return held;
}

LotShares LotBook::first(const LotShares &shares, qint64 tokens)
{
    LotShares taken;
    for (const LotShare &share : shares) {
        if (tokens <= 0)
            break;
        const qint64 take = qMin(tokens, share.tokens);
        taken.append(LotShare{share.lotId, take});
        tokens -= take;
    }
    return taken;
}

qint64 LotBook::sum(const LotShares &shares)
{
    qint64 total = 0;
    for (const LotShare &share : shares)
        total += share.tokens;
    return total;
}

Status LotBook::record(qint64 entryId, qint64 accountId, const LotShares &shares, int sign) const
{
    QSqlQuery split(m_db);
    split.prepare(QStringLiteral("INSERT INTO token_entry_lots(entry_id, lot_id, amount) VALUES (?, ?, ?)"));
    // Into an account: a new row or more of one; out of it: less of the row that must be there (the
    // CHECK refuses a row below zero, and an insert is checked before its conflict is seen).
    QSqlQuery holding(m_db);
    holding.prepare(sign < 0
                        ? QStringLiteral("UPDATE token_lot_holdings SET tokens = tokens - ? WHERE account_id = ? AND lot_id = ?")
                        : QStringLiteral("INSERT INTO token_lot_holdings(tokens, account_id, lot_id) VALUES (?, ?, ?) "
                                         "ON CONFLICT(account_id, lot_id) DO UPDATE SET tokens = tokens + excluded.tokens"));
    for (const LotShare &share : shares) {
        split.bindValue(0, entryId);
        split.bindValue(1, share.lotId);
        split.bindValue(2, sign < 0 ? -share.tokens : share.tokens);
        if (!split.exec())
            return std::unexpected(writeError(split));
        holding.bindValue(0, share.tokens);
        holding.bindValue(1, accountId);
        holding.bindValue(2, share.lotId);
        if (!holding.exec())
            return std::unexpected(writeError(holding));
        if (holding.numRowsAffected() != 1) {
            qCWarning(lcTokens) << "account" << accountId << "holds nothing of lot" << share.lotId;
            return fail(ErrorCode::Storage,
                        tr("The token lots of this account do not add up to its balance. Run the ledger "
                           "check or restore the data file from a backup."));
        }
    }
    return {};
}

Status LotBook::addSpend(qint64 atMs, qint64 accountId, qint64 tokens) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO token_spend_hours(hour, account_id, tokens) VALUES (?, ?, ?) "
                             "ON CONFLICT(hour, account_id) DO UPDATE SET tokens = tokens + excluded.tokens"));
    q.addBindValue(atMs / HourMs);
    q.addBindValue(accountId);
    q.addBindValue(tokens);
    if (!q.exec())
        return std::unexpected(writeError(q));
    return {};
}

Result<QList<TokenLot>> LotBook::holdings(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT l.id, h.account_id, a.name, l.plan, l.tokens, h.tokens, l.credited_at, l.expires_at, "
                             "coalesce(t.reference, '') FROM token_lot_holdings h "
                             "JOIN token_lots l ON l.id = h.lot_id JOIN token_accounts a ON a.id = h.account_id "
                             "LEFT JOIN token_transfers t ON t.id = l.transfer_id WHERE h.tokens > 0 ")
              + where + LotOrder + QStringLiteral(", h.account_id"));
    for (const QVariant &value : binds)
        q.addBindValue(value);
    if (!q.exec())
        return std::unexpected(readError(q));
    QList<TokenLot> lots;
    while (q.next())
        lots.append(lotFromRow(q));
    return lots;
}

Result<QList<TokenLot>> LotBook::purchasedInForce(qint64 nowMs) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT l.id, coalesce(c.account_id, 0), coalesce(a.name, ''), l.plan, l.tokens, "
                             " (SELECT coalesce(sum(h.tokens), 0) FROM token_lot_holdings h WHERE h.lot_id = l.id), "
                             " l.credited_at, l.expires_at, coalesce(t.reference, '') FROM token_lots l "
                             "LEFT JOIN token_transfers t ON t.id = l.transfer_id "
                             "LEFT JOIN token_entries c ON c.transfer_id = l.transfer_id AND c.amount > 0 "
                             "LEFT JOIN token_accounts a ON a.id = c.account_id "
                             "WHERE l.plan <> '' AND l.expires_at > ?")
              + LotOrder);
    q.addBindValue(nowMs);
    if (!q.exec())
        return std::unexpected(readError(q));
    QList<TokenLot> lots;
    while (q.next())
        lots.append(lotFromRow(q));
    return lots;
}

} // namespace kengele
