// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LedgerStore.h"

#include "TokenKinds.h"

#include "common/Log.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <utility>

namespace kengele {

namespace {

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Error readError(const QSqlQuery &query)
{
    return Database::storageError(query.lastError(), LedgerStore::tr("Reading the token balances"));
}

Error writeError(const QSqlQuery &query)
{
    return Database::storageError(query.lastError(), LedgerStore::tr("Recording the tokens"));
}

const QString SelectAccounts
    = QStringLiteral("SELECT a.id, a.name, a.kind, a.created_at, "
                     "(SELECT coalesce(sum(e.amount), 0) FROM token_entries e WHERE e.account_id = a.id), "
                     "coalesce(a.alert_below, -1) "
                     "FROM token_accounts a ");

TokenAccount accountFromRow(const QSqlQuery &q)
{
    TokenAccount account;
    account.id = q.value(0).toLongLong();
    account.name = q.value(1).toString();
    account.kind = accountKindFromKey(q.value(2).toString());
    account.created = utc(q.value(3).toLongLong());
    account.balance = q.value(4).toLongLong();
    account.alertBelow = q.value(5).toLongLong();
    return account;
}

} // namespace

LedgerStore::LedgerStore(const QSqlDatabase &db)
    : m_db(db)
{ }

Result<QList<TokenAccount>> LedgerStore::accounts(const QString &where, const QVariantList &binds) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(SelectAccounts + where + QStringLiteral(" ORDER BY a.id"));
    for (const QVariant &value : binds)
        q.addBindValue(value);
    if (!q.exec())
        return std::unexpected(readError(q));
    QList<TokenAccount> accounts;
    while (q.next())
        accounts.append(accountFromRow(q));
    return accounts;
}

Result<TokenAccount> LedgerStore::account(qint64 accountId) const
{
    Result<QList<TokenAccount>> found = accounts(QStringLiteral("WHERE a.id = ?"), {accountId});
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return fail(ErrorCode::NotFound, tr("This token account does not exist."));
    return found->constFirst();
}

Result<TokenAccount> LedgerStore::accountByName(const QString &rawName) const
{
    const QString name = rawName.simplified();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Choose a token account."));
    Result<QList<TokenAccount>> found = accounts(QStringLiteral("WHERE a.name = ?"), {name});
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return fail(ErrorCode::NotFound, tr("There is no token account called “%1”.").arg(name));
    return found->constFirst();
}

Result<qint64> LedgerStore::accountId(const QString &rawName) const
{
    const QString name = rawName.simplified();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Choose a token account."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM token_accounts WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return std::unexpected(readError(q));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("There is no token account called “%1”.").arg(name));
    return q.value(0).toLongLong();
}

Result<TokenAccount> LedgerStore::budgetAccountByName(const QString &name) const
{
    Result<TokenAccount> account = accountByName(name);
    if (account && account->kind != TokenAccountKind::Budget) {
        return fail(ErrorCode::InvalidInput,
                    tr("“%1” is one of the ledger's own accounts. Choose a budget account such as Main.").arg(account->name));
    }
    return account;
}

QString LedgerStore::accountName(qint64 accountId) const
{
    const Result<TokenAccount> found = account(accountId);
    return found ? found->name : QString::number(accountId);
}

Result<qint64> LedgerStore::systemAccount(TokenAccountKind kind) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM token_accounts WHERE kind = ? ORDER BY id LIMIT 1"));
    q.addBindValue(accountKindKey(kind));
    if (!q.exec())
        return std::unexpected(readError(q));
    if (!q.next()) {
        qCWarning(lcTokens) << "ledger account of kind" << accountKindKey(kind) << "is missing";
        return fail(ErrorCode::Storage,
                    tr("The token ledger in this data file is incomplete. Restore the data file from a backup."));
    }
    return q.value(0).toLongLong();
}

Result<qint64> LedgerStore::balance(qint64 accountId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(sum(amount), 0) FROM token_entries WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (!q.exec() || !q.next())
        return std::unexpected(readError(q));
    return q.value(0).toLongLong();
}

Result<qint64> LedgerStore::totalBalance(TokenAccountKind kind) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(sum(e.amount), 0) FROM token_entries e "
                             "WHERE e.account_id IN (SELECT id FROM token_accounts WHERE kind = ?)"));
    q.addBindValue(accountKindKey(kind));
    if (!q.exec() || !q.next())
        return std::unexpected(readError(q));
    return q.value(0).toLongLong();
}

Result<qint64> LedgerStore::insertBudgetAccount(const QString &name, qint64 now) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO token_accounts(name, kind, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(accountKindKey(TokenAccountKind::Budget));
    q.addBindValue(now);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Creating the token account")));
    return q.lastInsertId().toLongLong();
}

Status LedgerStore::renameAccount(qint64 accountId, const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE token_accounts SET name = ? WHERE id = ?"));
    q.addBindValue(name);
    q.addBindValue(accountId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Renaming the token account")));
    return {};
}

Status LedgerStore::setAlertBelow(qint64 accountId, qint64 below) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE token_accounts SET alert_below = ? WHERE id = ?"));
    q.addBindValue(below >= 0 ? QVariant(below) : QVariant());
    q.addBindValue(accountId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the warning level")));
    return {};
}

Result<qint64> LedgerStore::insertTransfer(TokenTransferKind kind, qint64 campaignId, const QString &reference,
                                           const QString &reason, const QString &user, qint64 now, const QString &lot) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO token_transfers(kind, campaign_id, reference, reason, user_name, created_at, lot) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(transferKindKey(kind));
    q.addBindValue(campaignId > 0 ? QVariant(campaignId) : QVariant());
    q.addBindValue(sqlText(reference));
    q.addBindValue(sqlText(reason));
    q.addBindValue(sqlText(user));
    q.addBindValue(now);
    q.addBindValue(sqlText(lot));
    if (!q.exec())
        return std::unexpected(writeError(q));
    return q.lastInsertId().toLongLong();
}

Status LedgerStore::nameTransfer(qint64 transferId, const QString &nameSpace, const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE token_transfers SET uid = kengele_name_uid(?, ?) WHERE id = ?"));
    q.addBindValue(nameSpace);
    q.addBindValue(name);
    q.addBindValue(transferId);
    if (!q.exec())
        return std::unexpected(writeError(q));
    return {};
}

Status LedgerStore::nameExpiry(qint64 transferId, const QString &lotKey, qint64 accountId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE token_transfers SET uid = kengele_name_uid('expiry', ? || '/' || (SELECT uid FROM token_accounts WHERE id = ?) "
        " || '/' || (SELECT count(*) FROM token_transfers x JOIN token_entries e ON e.transfer_id = x.id AND e.amount < 0 "
        "            WHERE x.kind = 'expiry' AND x.lot = ? AND e.account_id = ? AND x.id <> ?)) WHERE id = ?"));
    for (const QVariant &value : {QVariant(lotKey), QVariant(accountId), QVariant(lotKey), QVariant(accountId),
                                  QVariant(transferId), QVariant(transferId)})
        q.addBindValue(value);
    if (!q.exec())
        return std::unexpected(writeError(q));
    return {};
}

Result<QString> LedgerStore::lotKey(qint64 lotId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(t.uid, '') FROM token_lots l LEFT JOIN token_transfers t ON t.id = l.transfer_id "
                             "WHERE l.id = ?"));
    q.addBindValue(lotId);
    if (!q.exec())
        return std::unexpected(readError(q));
    return q.next() ? q.value(0).toString() : QString();
}

Result<std::pair<qint64, qint64>> LedgerStore::insertEntries(qint64 transferId, qint64 from, qint64 to, qint64 tokens) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO token_entries(transfer_id, account_id, amount) VALUES (?, ?, ?)"));
    std::pair<qint64, qint64> ids;
    for (const auto &[account, amount] : {std::pair{from, -tokens}, std::pair{to, tokens}}) {
        q.bindValue(0, transferId);
        q.bindValue(1, account);
        q.bindValue(2, amount);
        if (!q.exec())
            return std::unexpected(writeError(q));
        (amount < 0 ? ids.first : ids.second) = q.lastInsertId().toLongLong();
    }
    return ids;
}

Result<TokenTransfer> LedgerStore::transfer(qint64 transferId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT kind, coalesce(campaign_id, 0), reference, reason, user_name, created_at "
                             "FROM token_transfers WHERE id = ?"));
    q.addBindValue(transferId);
    if (!q.exec())
        return std::unexpected(readError(q));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("This token transfer does not exist."));
    TokenTransfer transfer;
    transfer.id = transferId;
    transfer.kind = transferKindFromKey(q.value(0).toString()).value_or(TokenTransferKind::Grant);
    transfer.campaignId = q.value(1).toLongLong();
    transfer.reference = q.value(2).toString();
    transfer.reason = q.value(3).toString();
    transfer.user = q.value(4).toString();
    transfer.created = utc(q.value(5).toLongLong());
    q.finish();
    q.prepare(QStringLiteral("SELECT account_id, amount FROM token_entries WHERE transfer_id = ? ORDER BY id"));
    q.addBindValue(transferId);
    if (!q.exec())
        return std::unexpected(readError(q));
    while (q.next()) {
        const qint64 amount = q.value(1).toLongLong();
        if (amount < 0) {
            transfer.fromAccountId = q.value(0).toLongLong();
        } else {
            transfer.toAccountId = q.value(0).toLongLong();
            transfer.tokens += amount;
        }
    }
    return transfer;
}

Result<std::optional<qint64>> LedgerStore::earlierPurchase(const QString &reference, qint64 exceptTransferId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM token_transfers WHERE kind = ? AND reference = ? AND id <> ? ORDER BY id LIMIT 1"));
    q.addBindValue(transferKindKey(TokenTransferKind::Purchase));
    q.addBindValue(reference);
    q.addBindValue(exceptTransferId);
    if (!q.exec())
        return std::unexpected(readError(q));
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

// Derived from the entries of the campaign's transfers: what went into and out of Reserved, and
// the budget account the (first) reservation came from. Without an index on
// token_entries(transfer_id) SQLite scans the entries once; with one, it reads only these.
Result<CampaignTokens> LedgerStore::campaignTokens(qint64 campaignId, qint64 reservedAccount) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.kind, e.account_id, sum(e.amount) FROM token_transfers t "
                             "JOIN token_entries e ON e.transfer_id = t.id WHERE t.campaign_id = ? "
                             "GROUP BY t.kind, e.account_id ORDER BY min(t.id)"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(readError(q));
    CampaignTokens tokens;
    while (q.next()) {
        const std::optional<TokenTransferKind> kind = transferKindFromKey(q.value(0).toString());
        const qint64 account = q.value(1).toLongLong();
        const qint64 sum = q.value(2).toLongLong();
        if (account == reservedAccount) {
            tokens.held += sum;
            if (kind == TokenTransferKind::Reserve)
                tokens.reserved += sum;
            else if (kind == TokenTransferKind::Spend)
                tokens.spent -= sum;
            else if (kind == TokenTransferKind::Release)
                tokens.released -= sum;
        } else if (kind == TokenTransferKind::Reserve && sum < 0 && tokens.accountId == 0) {
            tokens.accountId = account;
        }
    }
    return tokens;
}

Result<QList<TokenHistoryEntry>> LedgerStore::history(qint64 accountId, qint64 balance, int limit) const
{
    // Newest first by entry id (the order they were written in). The other side of a transfer is the
    // entry written right before or after this one; looking only there keeps this fast without an
    // index on transfer_id.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT e.transfer_id, t.kind, e.amount, coalesce(t.campaign_id, 0), t.reference, t.reason, t.user_name, t.created_at, "
        " (SELECT a.name FROM token_entries o JOIN token_accounts a ON a.id = o.account_id "
        "  WHERE o.id IN (e.id - 1, e.id + 1) AND o.transfer_id = e.transfer_id AND o.account_id <> e.account_id LIMIT 1) "
        "FROM token_entries e JOIN token_transfers t ON t.id = e.transfer_id "
        "WHERE e.account_id = ? ORDER BY e.id DESC LIMIT ?"));
    q.addBindValue(accountId);
    q.addBindValue(qMax(limit, 0));
    if (!q.exec())
        return std::unexpected(readError(q));
    QList<TokenHistoryEntry> lines;
    qint64 running = balance;
    while (q.next()) {
        TokenHistoryEntry line;
        line.transferId = q.value(0).toLongLong();
        line.kind = transferKindFromKey(q.value(1).toString()).value_or(TokenTransferKind::Grant);
        line.amount = q.value(2).toLongLong();
        line.campaignId = q.value(3).toLongLong();
        line.reference = q.value(4).toString();
        line.reason = q.value(5).toString();
        line.user = q.value(6).toString();
        line.created = utc(q.value(7).toLongLong());
        line.counterpart = q.value(8).toString();
        line.balanceAfter = running;
        running -= line.amount;
        lines.append(line);
    }
    return lines;
}

Result<TokenUsage> LedgerStore::usage(qint64 fromMs, qint64 toMs) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.kind, sum(e.amount) FROM token_entries e JOIN token_transfers t ON t.id = e.transfer_id "
                             "WHERE e.amount > 0 AND t.created_at >= ? AND t.created_at < ? GROUP BY t.kind"));
    q.addBindValue(fromMs);
    q.addBindValue(toMs);
    if (!q.exec())
        return std::unexpected(readError(q));
    TokenUsage usage;
    while (q.next()) {
        const std::optional<TokenTransferKind> kind = transferKindFromKey(q.value(0).toString());
        if (!kind)
            continue;
        const qint64 sum = q.value(1).toLongLong();
        switch (*kind) {
        case TokenTransferKind::Grant:
            usage.granted += sum;
            break;
        case TokenTransferKind::Purchase:
            usage.purchased += sum;
            break;
        case TokenTransferKind::Reserve:
            usage.reserved += sum;
            break;
        case TokenTransferKind::Spend:
            usage.spent += sum;
            break;
        case TokenTransferKind::Release:
            usage.released += sum;
            break;
        case TokenTransferKind::Transfer:
            usage.transferred += sum;
            break;
        case TokenTransferKind::Expiry:
            usage.expired += sum;
            break;
        }
    }
    return usage;
}

} // namespace kengele
