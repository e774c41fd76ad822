// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LedgerVerifier.h"

#include "TokenKinds.h"

#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
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
    m_problems.clear();

    const QSqlDatabase db = m_database.connection();
    Transaction snapshot(db); // one consistent view; rolled back, nothing is written
    for (const auto step : {&LedgerVerifier::readAccounts, &LedgerVerifier::replayEntries, &LedgerVerifier::findEmptyTransfers,
                            &LedgerVerifier::findDuplicatePurchases}) {
        if (Status done = (this->*step)(db); !done)
            return std::unexpected(done.error());
    }
    if (!m_problems.isEmpty())
        qCWarning(lcTokens) << "ledger check found" << m_problems.size() << "problems";
    return m_problems;
}

Status LedgerVerifier::readAccounts(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
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
            "SELECT e.id, e.transfer_id, t.id IS NOT NULL, t.kind, coalesce(t.campaign_id, 0), e.account_id, e.amount "
            "FROM token_entries e LEFT JOIN token_transfers t ON t.id = e.transfer_id "
            "ORDER BY e.transfer_id, e.id"))) {
        return std::unexpected(readError(q));
    }
    qint64 currentTransfer = 0;
    QString currentKind;
    qint64 currentCampaign = 0;
    QList<Entry> currentEntries;
    while (q.next()) {
        const qint64 entryId = q.value(0).toLongLong();
        const qint64 transferId = q.value(1).toLongLong();
        if (!q.value(2).toBool()) {
            report(Kind::OrphanEntry, transferId, q.value(5).toLongLong(), 0,
                   tr("Entry %1 belongs to transfer %2, which does not exist.").arg(entryId).arg(transferId));
            continue;
        }
        if (transferId != currentTransfer && !currentEntries.isEmpty()) {
            replay(currentTransfer, currentKind, currentCampaign, currentEntries);
            currentEntries.clear();
        }
        currentTransfer = transferId;
        currentKind = q.value(3).toString();
        currentCampaign = q.value(4).toLongLong();
        currentEntries.append(Entry{entryId, q.value(5).toLongLong(), q.value(6).toLongLong()});
    }
    if (!currentEntries.isEmpty())
        replay(currentTransfer, currentKind, currentCampaign, currentEntries);
    return {};
}

void LedgerVerifier::replay(qint64 transferId, const QString &kindKey, qint64 campaignId, const QList<Entry> &entries)
{
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
        if (balance < 0 && kindOf(entry.account) != TokenAccountKind::Source && !m_negativeReported.contains(entry.account)) {
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
