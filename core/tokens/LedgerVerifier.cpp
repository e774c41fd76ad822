// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LedgerVerifier.h"

#include "LotBook.h"

#include "TokenKinds.h"

#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <utility>

namespace kengele {

namespace {

using Kind = LedgerProblem::Kind;

// A number as people read it here ("3,200"); used with multi-argument arg() so that an account name
// containing "%2" cannot swallow the number.
QString number(qint64 n)
{
    return QLocale().toString(n);
}

Error readError(const QSqlQuery &query)
{
    return Database::storageError(query.lastError(), LedgerVerifier::tr("Reading the token balances"));
}

} // namespace

LedgerVerifier::LedgerVerifier(const Database &database)
    : m_database(database)
{ }

Result<QList<LedgerProblem>> LedgerVerifier::verify()
{
    m_accounts.clear();
    m_balances.clear();
    m_held.clear();
    m_campaignAccounts.clear();
    m_negativeReported.clear();
    m_overdrawnReported.clear();
    m_seenTransfers.clear();
    m_lotBalances.clear();
    m_campaignLots.clear();
    m_spendHours.clear();
    m_negativeLotReported.clear();
    m_otherCampaigns.clear();
    m_merged = false;
    m_problems.clear();

    const QSqlDatabase db = m_database.connection();
    Transaction snapshot(db); // one consistent view; rolled back, nothing is written
    for (const auto step : {&LedgerVerifier::readAccounts, &LedgerVerifier::replayEntries, &LedgerVerifier::findStraySplits,
                            &LedgerVerifier::findEmptyTransfers, &LedgerVerifier::findDuplicatePurchases,
                            &LedgerVerifier::checkHoldings, &LedgerVerifier::checkSpendSummary}) {
        if (Status done = (this->*step)(db); !done)
            return std::unexpected(done.error());
    }
    if (!m_problems.isEmpty())
        qCWarning(lcTokens) << "ledger check found" << m_problems.size() << "problems";
    return m_problems;
}

// Campaigns by the value every computer knows them by (token_transfers.campaign_ref): this
// computer's own by their id, other computers' by a number of their own below zero.
qint64 LedgerVerifier::campaignKey(qint64 campaignId, const QString &ref)
{
    if (campaignId != 0 || ref.isEmpty())
        return campaignId;
    const auto it = m_otherCampaigns.constFind(ref);
    if (it != m_otherCampaigns.cend())
        return *it;
    const qint64 key = -qint64(m_otherCampaigns.size()) - 1;
    m_otherCampaigns.insert(ref, key);
    return key;
}

Status LedgerVerifier::readAccounts(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // A ledger merged from several computers may hold overdrafts: two of them, offline, spent the
    // same tokens. A budget below zero, and the overdraft lot below zero in it, are then its
    // state, shown to people, not a broken rule; on one computer alone they are.
    if (!q.exec(QStringLiteral("SELECT count(DISTINCT device) > 1 FROM token_transfers")) || !q.next())
        return std::unexpected(readError(q));
    m_merged = q.value(0).toBool();
    if (!q.exec(QStringLiteral("SELECT id, name, kind FROM token_accounts ORDER BY id")))
        return std::unexpected(readError(q));
    while (q.next()) {
        TokenAccount account;
        account.id = q.value(0).toLongLong();
        account.name = q.value(1).toString();
        account.kind = accountKindFromKey(q.value(2).toString());
        m_accounts.insert(account.id, account);
    }
    return {};
}

Status LedgerVerifier::replayEntries(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT e.id, e.transfer_id, t.id IS NOT NULL, t.kind, coalesce(t.campaign_id, 0), e.account_id, e.amount, "
            "coalesce(t.created_at, 0), el.lot_id, el.amount, coalesce(t.campaign_ref, '') "
            "FROM token_entries e LEFT JOIN token_transfers t ON t.id = e.transfer_id "
            "LEFT JOIN token_entry_lots el ON el.entry_id = e.id "
            "ORDER BY t.hlc, t.device, e.transfer_id, e.id, el.lot_id"))) {
        return std::unexpected(readError(q));
    }
    Transfer current;
    QList<Entry> currentEntries;
    while (q.next()) {
        const qint64 entryId = q.value(0).toLongLong();
        const qint64 transferId = q.value(1).toLongLong();
        // One row per lot an entry is divided among (one row with no lot when it is not divided).
        const QVariant lot = q.value(8);
        if (!currentEntries.isEmpty() && currentEntries.constLast().id == entryId) {
            if (!lot.isNull())
                currentEntries.last().splits.append(Pair{lot.toLongLong(), q.value(9).toLongLong()});
            continue;
        }
        if (!q.value(2).toBool()) {
            report(Kind::OrphanEntry, transferId, q.value(5).toLongLong(), 0,
                   tr("Entry %1 belongs to transfer %2, which does not exist.").arg(entryId).arg(transferId));
            continue;
        }
        if (transferId != current.id && !currentEntries.isEmpty()) {
            replay(current, currentEntries);
            currentEntries.clear();
        }
        current = Transfer{transferId, q.value(3).toString(), campaignKey(q.value(4).toLongLong(), q.value(10).toString()),
                           q.value(7).toLongLong()};
        currentEntries.append(Entry{entryId, q.value(5).toLongLong(), q.value(6).toLongLong(), {}});
        if (!lot.isNull())
            currentEntries.last().splits.append(Pair{lot.toLongLong(), q.value(9).toLongLong()});
    }
    if (!currentEntries.isEmpty())
        replay(current, currentEntries);
    return {};
}

// Lot splits of entries that do not exist.
Status LedgerVerifier::findStraySplits(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT DISTINCT el.entry_id FROM token_entry_lots el "
                               "WHERE NOT EXISTS (SELECT 1 FROM token_entries e WHERE e.id = el.entry_id) ORDER BY 1")))
        return std::unexpected(readError(q));
    while (q.next()) {
        report(Kind::LotSplit, 0, 0, 0,
               tr("Entry %1 is divided among token lots, but there is no such entry.").arg(q.value(0).toLongLong()));
    }
    return {};
}

void LedgerVerifier::replay(const Transfer &transfer, const QList<Entry> &entries)
{
    const qint64 transferId = transfer.id;
    const QString &kindKey = transfer.kindKey;
    const qint64 campaignId = transfer.campaignId;
    m_seenTransfers.insert(transferId);
    qint64 sum = 0;
    for (const Entry &entry : entries)
        sum += entry.amount;
    if (sum != 0) {
        report(Kind::Unbalanced, transferId, 0, campaignId,
               tr("Transfer %1 does not balance: its entries add up to %L2 instead of 0.").arg(transferId).arg(sum));
    }

    const std::optional<TokenTransferKind> kind = transferKindFromKey(kindKey);
    bool shapeOk = kind.has_value();
    if (kind) {
        const TransferShape shape = transferShape(*kind);
        for (const Entry &entry : entries) {
            if (kindOf(entry.account) != (entry.amount < 0 ? shape.from : shape.to))
                shapeOk = false;
        }
        if (shape.campaign && campaignId == 0)
            shapeOk = false;
    }
    if (!shapeOk) {
        report(Kind::WrongAccounts, transferId, 0, campaignId,
               tr("Transfer %1 (%2) moves tokens between accounts that this kind of transfer may not touch.")
                   .arg(QString::number(transferId), kindKey));
    }
    if (kind)
        checkCampaignAccount(transferId, *kind, campaignId, entries);
    applyAndCheckBalances(transferId, campaignId, entries);
    replayLots(transfer, kind, entries);
}

// Each entry on a budget account divides among lots; the lots an account holds never go below zero;
// a campaign gives back to a lot at most what it took from it; spending is summed by hour.
void LedgerVerifier::replayLots(const Transfer &transfer, std::optional<TokenTransferKind> kind, const QList<Entry> &entries)
{
    for (const Entry &entry : entries) {
        const QList<Pair> &splits = entry.splits;
        const bool budget = kindOf(entry.account) == TokenAccountKind::Budget;
        qint64 sum = 0;
        for (const auto &[lot, amount] : splits)
            sum += amount;
        if (budget ? sum != entry.amount : !splits.isEmpty()) {
            report(Kind::LotSplit, transfer.id, entry.account, transfer.campaignId,
                   tr("Entry %1 of transfer %2 moves %L3 tokens of the %4 account, but its token lots add up to %L5.")
                       .arg(entry.id)
                       .arg(transfer.id)
                       .arg(entry.amount)
                       .arg(nameOf(entry.account))
                       .arg(sum));
        }
        for (const auto &[lot, amount] : splits) {
            const Pair key{entry.account, lot};
            const qint64 held = (m_lotBalances[key] += amount);
            if (held < 0 && !m_negativeLotReported.contains(key) && !(m_merged && lot == LotBook::OverdraftLot)) {
                m_negativeLotReported.insert(key);
                report(Kind::NegativeLot, transfer.id, entry.account, transfer.campaignId,
                       tr("The %1 account gave away more of token lot %2 than it had (%3) with transfer %4.")
                           .arg(nameOf(entry.account), QString::number(lot), number(held), QString::number(transfer.id)));
            }
            if (transfer.campaignId == 0 || !budget)
                continue;
            if (kind == TokenTransferKind::Reserve || kind == TokenTransferKind::Release) {
                const Pair campaignLot{transfer.campaignId, lot};
                const qint64 reserved = (m_campaignLots[campaignLot] -= amount);
                if (reserved < 0) {
                    report(Kind::CampaignLot, transfer.id, entry.account, transfer.campaignId,
                           tr("Campaign %1 gave back more of token lot %2 than it had set aside from it (transfer %3).")
                               .arg(QString::number(transfer.campaignId), QString::number(lot), QString::number(transfer.id)));
                }
            }
        }
        if (kind == TokenTransferKind::Spend && transfer.campaignId != 0 && entry.amount > 0)
            m_spendHours[Pair{transfer.created / 3'600'000, m_campaignAccounts.value(transfer.campaignId, 0)}] += entry.amount;
    }
}

Status LedgerVerifier::checkHoldings(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT account_id, lot_id, tokens FROM token_lot_holdings ORDER BY account_id, lot_id")))
        return std::unexpected(readError(q));
    QHash<Pair, qint64> stored;
    while (q.next())
        stored.insert(Pair{q.value(0).toLongLong(), q.value(1).toLongLong()}, q.value(2).toLongLong());
    QList<Pair> keys = stored.keys();
    for (auto it = m_lotBalances.cbegin(); it != m_lotBalances.cend(); ++it) {
        if (!stored.contains(it.key()))
            keys.append(it.key());
    }
    std::sort(keys.begin(), keys.end());
    for (const Pair &key : keys) {
        const qint64 replayed = m_lotBalances.value(key, 0);
        const qint64 kept = stored.value(key, 0);
        if (replayed != kept) {
            report(Kind::LotHoldings, 0, key.first, 0,
                   tr("The %1 account holds %2 tokens of lot %3 by its entries, but %4 by the lots' summary.")
                       .arg(nameOf(key.first), number(replayed), QString::number(key.second), number(kept)));
        }
    }
    return {};
}

Status LedgerVerifier::checkSpendSummary(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT hour, account_id, tokens FROM token_spend_hours ORDER BY hour, account_id")))
        return std::unexpected(readError(q));
    QHash<Pair, qint64> stored;
    while (q.next())
        stored.insert(Pair{q.value(0).toLongLong(), q.value(1).toLongLong()}, q.value(2).toLongLong());
    QList<Pair> keys = stored.keys();
    for (auto it = m_spendHours.cbegin(); it != m_spendHours.cend(); ++it) {
        if (!stored.contains(it.key()))
            keys.append(it.key());
    }
    std::sort(keys.begin(), keys.end());
    for (const Pair &key : keys) {
        const qint64 replayed = m_spendHours.value(key, 0);
        const qint64 kept = stored.value(key, 0);
        if (replayed != kept) {
            const QDateTime hour = QDateTime::fromMSecsSinceEpoch(key.first * 3'600'000, Qt::UTC).toLocalTime();
            report(Kind::SpendSummary, 0, key.second, 0,
                   tr("The %1 account spent %2 tokens in the hour from %3 by its entries, but %4 by the spending summary.")
                       .arg(nameOf(key.second), number(replayed), QLocale().toString(hour, QLocale::ShortFormat), number(kept)));
        }
    }
    return {};
}

// Where a campaign's tokens come from and go back to.
void LedgerVerifier::checkCampaignAccount(qint64 transferId, TokenTransferKind kind, qint64 campaignId,
                                          const QList<Entry> &entries)
{
    if (campaignId == 0 || (kind != TokenTransferKind::Reserve && kind != TokenTransferKind::Release))
        return;
    for (const Entry &entry : entries) {
        if (kindOf(entry.account) != TokenAccountKind::Budget)
            continue;
        const qint64 expected = m_campaignAccounts.value(campaignId, 0);
        if (expected == 0 && kind == TokenTransferKind::Reserve) {
            m_campaignAccounts.insert(campaignId, entry.account);
        } else if (expected != entry.account) {
            report(Kind::CampaignAccount, transferId, entry.account, campaignId,
                   tr("Campaign %1 moved tokens to or from the %2 account although it reserved them from %3 (transfer %4).")
                       .arg(QString::number(campaignId), nameOf(entry.account),
                            expected == 0 ? tr("no account") : nameOf(expected), QString::number(transferId)));
        }
    }
}

// Applies the transfer, then looks at every account and campaign it touched.
void LedgerVerifier::applyAndCheckBalances(qint64 transferId, qint64 campaignId, const QList<Entry> &entries)
{
    for (const Entry &entry : entries) {
        m_balances[entry.account] += entry.amount;
        if (campaignId != 0 && kindOf(entry.account) == TokenAccountKind::Reserved)
            m_held[campaignId] += entry.amount;
    }
    for (const Entry &entry : entries) {
        const qint64 balance = m_balances.value(entry.account);
        const bool overdraft = m_merged && kindOf(entry.account) == TokenAccountKind::Budget;
        if (balance < 0 && kindOf(entry.account) != TokenAccountKind::Source && !overdraft
            && !m_negativeReported.contains(entry.account)) {
            m_negativeReported.insert(entry.account);
            report(Kind::NegativeBalance, transferId, entry.account, campaignId,
                   tr("The %1 account went below zero (%2) with transfer %3.")
                       .arg(nameOf(entry.account), number(balance), QString::number(transferId)));
        }
    }
    if (campaignId != 0 && m_held.value(campaignId) < 0 && !m_overdrawnReported.contains(campaignId)) {
        m_overdrawnReported.insert(campaignId);
        report(Kind::CampaignOverdrawn, transferId, 0, campaignId,
               tr("Campaign %1 used or gave back more tokens than it had set aside (%L2) with transfer %3.")
                   .arg(campaignId)
                   .arg(m_held.value(campaignId))
                   .arg(transferId));
    }
}

Status LedgerVerifier::findEmptyTransfers(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id FROM token_transfers ORDER BY id")))
        return std::unexpected(readError(q));
    while (q.next()) {
        const qint64 transferId = q.value(0).toLongLong();
        if (!m_seenTransfers.contains(transferId))
            report(Kind::EmptyTransfer, transferId, 0, 0, tr("Transfer %1 has no entries.").arg(transferId));
    }
    return {};
}

Status LedgerVerifier::findDuplicatePurchases(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT reference, count(*), min(id) FROM token_transfers WHERE kind = ? "
                             "GROUP BY reference HAVING count(*) > 1 ORDER BY min(id)"));
    q.addBindValue(transferKindKey(TokenTransferKind::Purchase));
    if (!q.exec())
        return std::unexpected(readError(q));
    while (q.next()) {
        report(Kind::DuplicatePurchase, q.value(2).toLongLong(), 0, 0,
               tr("Voucher “%1” was credited %2 times.").arg(q.value(0).toString(), QString::number(q.value(1).toLongLong())));
    }
    return {};
}

QString LedgerVerifier::nameOf(qint64 accountId) const
{
    const auto it = m_accounts.constFind(accountId);
    return it == m_accounts.cend() ? QString::number(accountId) : it->name;
}

std::optional<TokenAccountKind> LedgerVerifier::kindOf(qint64 accountId) const
{
    const auto it = m_accounts.constFind(accountId);
    return it == m_accounts.cend() ? std::nullopt : std::optional(it->kind);
}

void LedgerVerifier::report(LedgerProblem::Kind kind, qint64 transferId, qint64 accountId, qint64 campaignId, QString message)
{
    m_problems.append(LedgerProblem{kind, transferId, accountId, campaignId, std::move(message)});
}

} // namespace kengele
