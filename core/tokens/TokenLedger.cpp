// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenLedger.h"

#include "TokenKinds.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Savepoint.h"
#include "storage/Transaction.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <optional>
#include <utility>

namespace kengele {

// One transfer about to be written: `tokens` from one account to another. A check may fill in the
// accounts (it runs once the write lock is held) or set tokens to 0 (nothing to do).
struct TokenLedger::Movement {
    TokenTransferKind kind = TokenTransferKind::Grant;
    qint64 transferId = 0; // set by move() before the check runs
    qint64 from = 0;
    qint64 to = 0;
    qint64 tokens = 0;
    qint64 campaignId = 0;
    QString reference;
    QString reason;
    QString user;
};

namespace {

constexpr int MaxAccountNameLength = 60;
constexpr int MaxReasonLength = 500;
constexpr int MaxReferenceLength = 200;
constexpr int MaxUserLength = 100;

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// A number as people read it here ("3,200"); used with multi-argument arg() so that an account name
// containing "%2" cannot swallow the number.
QString number(qint64 n)
{
    return QLocale().toString(n);
}

Error queryError(const QSqlQuery &query, const QString &what)
{
    return Database::storageError(query.lastError(), what);
}

QString readingWhat()
{
    return TokenLedger::tr("Reading the token balances");
}

QString writingWhat()
{
    return TokenLedger::tr("Recording the tokens");
}

Status checkTokens(qint64 tokens)
{
    if (tokens <= 0)
        return fail(ErrorCode::InvalidInput, TokenLedger::tr("The number of tokens must be at least 1."));
    if (tokens > TokenLedger::MaxTokensPerTransfer) {
        return fail(ErrorCode::InvalidInput,
                    TokenLedger::tr("At most %L1 tokens can be moved at once.").arg(TokenLedger::MaxTokensPerTransfer));
    }
    return {};
}

Status checkCampaign(qint64 campaignId)
{
    if (campaignId <= 0)
        return fail(ErrorCode::InvalidInput, TokenLedger::tr("The tokens must belong to a campaign, but none was given."));
    return {};
}

Status checkReason(const QString &reason)
{
    if (reason.size() > MaxReasonLength)
        return fail(ErrorCode::InvalidInput, TokenLedger::tr("A reason can have at most %1 characters.").arg(MaxReasonLength));
    return {};
}

// Runs work() in a transaction of its own and commits when it succeeded.
template<typename Work> auto inOwnTransaction(const QSqlDatabase &db, Work &&work) -> decltype(work())
{
    Transaction transaction(db);
    if (!transaction.isActive()) {
        qCWarning(lcTokens) << "could not begin a transaction:" << db.lastError().text();
        return fail(ErrorCode::Storage,
                    TokenLedger::tr("The tokens could not be changed just now because the data file is busy. "
                                    "Try again in a moment; nothing was changed."));
    }
    auto result = work();
    if (result) {
        if (Status committed = transaction.commit(); !committed)
            return std::unexpected(committed.error());
    }
    return result;
}

const QString SelectAccounts
    = QStringLiteral("SELECT a.id, a.name, a.kind, a.created_at, "
                     "(SELECT coalesce(sum(e.amount), 0) FROM token_entries e WHERE e.account_id = a.id) "
                     "FROM token_accounts a ");

TokenAccount accountFromRow(const QSqlQuery &q)
{
    TokenAccount account;
    account.id = q.value(0).toLongLong();
    account.name = q.value(1).toString();
    account.kind = accountKindFromKey(q.value(2).toString());
    account.created = utc(q.value(3).toLongLong());
    account.balance = q.value(4).toLongLong();
    return account;
}

Result<QList<TokenAccount>> readAccounts(const QSqlDatabase &db, const QString &where, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(SelectAccounts + where + QStringLiteral(" ORDER BY a.id"));
    for (const QVariant &value : binds)
        q.addBindValue(value);
    if (!q.exec())
        return std::unexpected(queryError(q, readingWhat()));
    QList<TokenAccount> accounts;
    while (q.next())
        accounts.append(accountFromRow(q));
    return accounts;
}

Result<TokenAccount> readAccount(const QSqlDatabase &db, qint64 accountId)
{
    Result<QList<TokenAccount>> found = readAccounts(db, QStringLiteral("WHERE a.id = ?"), {accountId});
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return fail(ErrorCode::NotFound, TokenLedger::tr("This token account does not exist."));
    return found->constFirst();
}

Result<TokenAccount> readAccountByName(const QSqlDatabase &db, const QString &rawName)
{
    const QString name = rawName.simplified();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidInput, TokenLedger::tr("Choose a token account."));
    Result<QList<TokenAccount>> found = readAccounts(db, QStringLiteral("WHERE a.name = ?"), {name});
    if (!found)
        return std::unexpected(found.error());
    if (found->isEmpty())
        return fail(ErrorCode::NotFound, TokenLedger::tr("There is no token account called “%1”.").arg(name));
    return found->constFirst();
}

Result<TokenAccount> readBudgetAccountByName(const QSqlDatabase &db, const QString &name)
{
    Result<TokenAccount> account = readAccountByName(db, name);
    if (account && account->kind != TokenAccountKind::Budget) {
        return fail(ErrorCode::InvalidInput,
                    TokenLedger::tr("“%1” is one of the ledger's own accounts. Choose a budget account such as Main.")
                        .arg(account->name));
    }
    return account;
}

// The ledger's own accounts (World, Reserved, Spent, Expired): one of each kind, seeded by the schema.
Result<qint64> systemAccount(const QSqlDatabase &db, TokenAccountKind kind)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM token_accounts WHERE kind = ? ORDER BY id LIMIT 1"));
    q.addBindValue(accountKindKey(kind));
    if (!q.exec())
        return std::unexpected(queryError(q, readingWhat()));
    if (!q.next()) {
        qCWarning(lcTokens) << "ledger account of kind" << accountKindKey(kind) << "is missing";
        return fail(ErrorCode::Storage,
                    TokenLedger::tr("The token ledger in this data file is incomplete. Restore the data file from a backup."));
    }
    return q.value(0).toLongLong();
}

Result<qint64> accountBalance(const QSqlDatabase &db, qint64 accountId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT coalesce(sum(amount), 0) FROM token_entries WHERE account_id = ?"));
    q.addBindValue(accountId);
    if (!q.exec() || !q.next())
        return std::unexpected(queryError(q, readingWhat()));
    return q.value(0).toLongLong();
}

QString accountName(const QSqlDatabase &db, qint64 accountId)
{
    const Result<TokenAccount> account = readAccount(db, accountId);
    return account ? account->name : QString::number(accountId);
}

// Derived from the entries of the campaign's transfers: what went into and out of Reserved, and
// the budget account the (first) reservation came from. Without an index on
// token_entries(transfer_id) SQLite scans the entries once; with one, it reads only these.
Result<CampaignTokens> readCampaignTokens(const QSqlDatabase &db, qint64 campaignId, qint64 reservedAccount)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.kind, e.account_id, sum(e.amount) FROM token_transfers t "
                             "JOIN token_entries e ON e.transfer_id = t.id WHERE t.campaign_id = ? "
                             "GROUP BY t.kind, e.account_id ORDER BY min(t.id)"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(queryError(q, readingWhat()));
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

Result<qint64> insertTransfer(const QSqlDatabase &db, const QString &kind, qint64 campaignId, const QString &reference,
                              const QString &reason, const QString &user, qint64 now)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO token_transfers(kind, campaign_id, reference, reason, user_name, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(kind);
    q.addBindValue(campaignId > 0 ? QVariant(campaignId) : QVariant());
    q.addBindValue(sqlText(reference));
    q.addBindValue(sqlText(reason));
    q.addBindValue(sqlText(user));
    q.addBindValue(now);
    if (!q.exec())
        return std::unexpected(queryError(q, writingWhat()));
    return q.lastInsertId().toLongLong();
}

Status insertEntries(const QSqlDatabase &db, qint64 transferId, qint64 from, qint64 to, qint64 tokens)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO token_entries(transfer_id, account_id, amount) VALUES (?, ?, ?)"));
    for (const auto &[account, amount] : {std::pair{from, -tokens}, std::pair{to, tokens}}) {
        q.bindValue(0, transferId);
        q.bindValue(1, account);
        q.bindValue(2, amount);
        if (!q.exec())
            return std::unexpected(queryError(q, writingWhat()));
    }
    return {};
}

// A stored transfer with its two entries (only used for the rare duplicate-voucher answer).
Result<TokenTransfer> readTransfer(const QSqlDatabase &db, qint64 transferId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind, coalesce(campaign_id, 0), reference, reason, user_name, created_at "
                             "FROM token_transfers WHERE id = ?"));
    q.addBindValue(transferId);
    if (!q.exec())
        return std::unexpected(queryError(q, readingWhat()));
    if (!q.next())
        return fail(ErrorCode::NotFound, TokenLedger::tr("This token transfer does not exist."));
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
        return std::unexpected(queryError(q, readingWhat()));
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

} // namespace

TokenLedger::TokenLedger(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{ }

// ---------------------------------------------------------------------------------------------
// Accounts

Result<QList<TokenAccount>> TokenLedger::list() const
{
    return readAccounts(m_database.connection(), {}, {});
}

Result<QList<TokenAccount>> TokenLedger::budgetAccounts() const
{
    return readAccounts(m_database.connection(), QStringLiteral("WHERE a.kind = ?"), {accountKindKey(TokenAccountKind::Budget)});
}

Result<TokenAccount> TokenLedger::createBudgetAccount(const QString &rawName)
{
    const QString name = rawName.simplified();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please give the account a name, for example “Youth”."));
    if (name.size() > MaxAccountNameLength)
        return fail(ErrorCode::InvalidInput, tr("An account name can have at most %1 characters.").arg(MaxAccountNameLength));
    QSqlDatabase db = m_database.connection();
    if (const Result<TokenAccount> existing = readAccountByName(db, name); existing)
        return fail(ErrorCode::Conflict, tr("There is already a token account called “%1”.").arg(existing->name));

    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO token_accounts(name, kind, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(accountKindKey(TokenAccountKind::Budget));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return std::unexpected(queryError(q, tr("Creating the token account")));
    const qint64 id = q.lastInsertId().toLongLong();
    qCInfo(lcTokens) << "created budget account" << id;
    Q_EMIT balancesChanged();
    return readAccount(db, id);
}

Result<TokenAccount> TokenLedger::findAccount(const QString &name) const
{
    return readAccountByName(m_database.connection(), name);
}

Result<TokenAccount> TokenLedger::account(qint64 accountId) const
{
    return readAccount(m_database.connection(), accountId);
}

Result<qint64> TokenLedger::accountId(const QString &rawName) const
{
    const QString name = rawName.simplified();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Choose a token account."));
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id FROM token_accounts WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return std::unexpected(queryError(q, readingWhat()));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("There is no token account called “%1”.").arg(name));
    return q.value(0).toLongLong();
}

Result<qint64> TokenLedger::balance(qint64 accountId) const
{
    const Result<TokenAccount> found = account(accountId);
    if (!found)
        return std::unexpected(found.error());
    return found->balance;
}

Result<qint64> TokenLedger::totalBudgetBalance() const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT coalesce(sum(e.amount), 0) FROM token_entries e "
                             "WHERE e.account_id IN (SELECT id FROM token_accounts WHERE kind = ?)"));
    q.addBindValue(accountKindKey(TokenAccountKind::Budget));
    if (!q.exec() || !q.next())
        return std::unexpected(queryError(q, readingWhat()));
    return q.value(0).toLongLong();
}

// ---------------------------------------------------------------------------------------------
// Writing

// Every change goes through here. The transfer row is written FIRST: that takes SQLite's write
// lock (waiting for another writer to finish, not failing), so the check that follows reads the
// latest committed state and nobody can change it before this transaction ends. Then the check
// (balances, what a campaign holds) and the two entries. A refused check undoes the transfer row.
Result<TokenTransfer> TokenLedger::move(const QSqlDatabase &db, Movement movement, const Check &check) const
{
    Savepoint savepoint(db, QStringLiteral("token_ledger"), writingWhat());
    if (!savepoint.isActive())
        return std::unexpected(savepoint.error());
    const qint64 now = m_clock.nowMs();
    const QString user = movement.user.left(MaxUserLength);
    const Result<qint64> transferId
        = insertTransfer(db, transferKindKey(movement.kind), movement.campaignId, movement.reference, movement.reason, user, now);
    if (!transferId)
        return std::unexpected(transferId.error());
    movement.transferId = *transferId;
    if (check) {
        if (Status ok = check(db, movement); !ok)
            return std::unexpected(ok.error());
    }
    if (movement.tokens == 0)
        return TokenTransfer{}; // nothing to move; the savepoint takes the transfer row back
    if (movement.from <= 0 || movement.to <= 0 || movement.from == movement.to) {
        qCWarning(lcTokens) << "refusing a transfer without two accounts";
        return fail(ErrorCode::InvalidInput, tr("Choose two different accounts to move tokens between."));
    }
    if (Status ok = insertEntries(db, *transferId, movement.from, movement.to, movement.tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = savepoint.release(); !ok)
        return std::unexpected(ok.error());

    TokenTransfer transfer;
    transfer.id = *transferId;
    transfer.kind = movement.kind;
    transfer.fromAccountId = movement.from;
    transfer.toAccountId = movement.to;
    transfer.tokens = movement.tokens;
    transfer.campaignId = movement.campaignId;
    transfer.reference = movement.reference;
    transfer.reason = movement.reason;
    transfer.user = user;
    transfer.created = utc(now);
    qCInfo(lcTokens) << "transfer" << transfer.id << transferKindKey(transfer.kind) << transfer.tokens << "tokens from account"
                     << transfer.fromAccountId << "to" << transfer.toAccountId << "campaign" << transfer.campaignId;
    return transfer;
}

Result<TokenTransfer> TokenLedger::grant(const QString &accountName, qint64 tokens, const QString &reason, const QString &user)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    // Accounts never change kind and are never deleted: they are looked up before the write lock.
    const QSqlDatabase db = m_database.connection();
    const Result<TokenAccount> to = readBudgetAccountByName(db, accountName);
    if (!to)
        return std::unexpected(to.error());
    const Result<qint64> world = systemAccount(db, TokenAccountKind::Source);
    if (!world)
        return std::unexpected(world.error());
    const Movement movement{TokenTransferKind::Grant, 0, *world, to->id, tokens, 0, {}, reason.trimmed(), user};
    Result<TokenTransfer> done = inOwnTransaction(db, [&] { return move(db, movement, {}); });
    if (done)
        Q_EMIT balancesChanged();
    return done;
}

Result<TokenPurchase> TokenLedger::purchase(const QString &accountName, qint64 tokens, const QString &voucherId,
                                            const QString &user)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    const QString reference = voucherId.trimmed();
    if (reference.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("This payment has no voucher number, so no tokens were added."));
    if (reference.size() > MaxReferenceLength)
        return fail(ErrorCode::InvalidInput, tr("This voucher number is too long to be real, so no tokens were added."));
    const QSqlDatabase db = m_database.connection();
    const Result<TokenAccount> to = readBudgetAccountByName(db, accountName);
    if (!to)
        return std::unexpected(to.error());
    const Result<qint64> world = systemAccount(db, TokenAccountKind::Source);
    if (!world)
        return std::unexpected(world.error());
    const Movement movement{TokenTransferKind::Purchase, 0, *world, to->id, tokens, 0, reference, {}, user};
    Result<TokenPurchase> done = inOwnTransaction(db, [&] { return purchaseIn(db, movement); });
    if (done && !done->alreadyCredited)
        Q_EMIT balancesChanged();
    return done;
}

// Idempotent on the voucher id. The check runs under the write lock (after the transfer row), so
// two windows crediting the same voucher at once credit it once.
Result<TokenPurchase> TokenLedger::purchaseIn(const QSqlDatabase &db, Movement movement) const
{
    std::optional<TokenTransfer> earlier;
    const Check findEarlier = [&](const QSqlDatabase &conn, Movement &m) -> Status {
        QSqlQuery q(conn);
        q.prepare(
            QStringLiteral("SELECT id FROM token_transfers WHERE kind = ? AND reference = ? AND id <> ? ORDER BY id LIMIT 1"));
        q.addBindValue(transferKindKey(TokenTransferKind::Purchase));
        q.addBindValue(m.reference);
        q.addBindValue(m.transferId);
        if (!q.exec())
            return std::unexpected(queryError(q, readingWhat()));
        if (!q.next())
            return {};
        const qint64 earlierId = q.value(0).toLongLong();
        q.finish();
        Result<TokenTransfer> found = readTransfer(conn, earlierId);
        if (!found)
            return std::unexpected(found.error());
        earlier = *found;
        m.tokens = 0; // credit nothing
        return {};
    };
    const qint64 account = movement.to;
    const qint64 tokens = movement.tokens;
    Result<TokenTransfer> written = move(db, std::move(movement), findEarlier);
    if (!written)
        return std::unexpected(written.error());
    if (!earlier)
        return TokenPurchase{*written, false};

    qCInfo(lcTokens) << "voucher already credited by transfer" << earlier->id << "- nothing added";
    if (earlier->toAccountId != account || earlier->tokens != tokens) {
        return fail(
            ErrorCode::Conflict,
            tr("This voucher (%1) was already used on %2 to add %Ln token(s) to the %3 account, so it cannot be used again. "
               "No tokens were added.",
               nullptr, int(earlier->tokens))
                .arg(earlier->reference, QLocale().toString(earlier->created.toLocalTime(), QLocale::ShortFormat),
                     accountName(db, earlier->toAccountId)));
    }
    return TokenPurchase{*earlier, true};
}

Result<TokenTransfer> TokenLedger::transfer(const QString &fromAccount, const QString &toAccount, qint64 tokens,
                                            const QString &reason, const QString &user)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please say why the tokens are moving, for example “Youth camp reminders”."));
    if (Status ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    const QSqlDatabase db = m_database.connection();
    const Result<TokenAccount> from = readBudgetAccountByName(db, fromAccount);
    if (!from)
        return std::unexpected(from.error());
    const Result<TokenAccount> to = readBudgetAccountByName(db, toAccount);
    if (!to)
        return std::unexpected(to.error());
    if (from->id == to->id)
        return fail(ErrorCode::InvalidInput, tr("Choose two different accounts to move tokens between."));

    const Movement movement{TokenTransferKind::Transfer, 0, from->id, to->id, tokens, 0, {}, reason.trimmed(), user};
    const QString fromName = from->name;
    const Check enough = [&fromName](const QSqlDatabase &conn, Movement &m) -> Status {
        const Result<qint64> available = accountBalance(conn, m.from);
        if (!available)
            return std::unexpected(available.error());
        if (*available < m.tokens) {
            return fail(
                ErrorCode::Conflict,
                tr("Not enough tokens: the %1 account has %2, so %Ln token(s) cannot be moved from it. Nothing was changed.",
                   nullptr, int(m.tokens))
                    .arg(fromName, number(*available)));
        }
        return {};
    };
    Result<TokenTransfer> done = inOwnTransaction(db, [&] { return move(db, movement, enough); });
    if (done)
        Q_EMIT balancesChanged();
    return done;
}

Result<TokenTransfer> TokenLedger::expire(const QString &accountName, qint64 tokens, const QString &reason, const QString &user)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    const QSqlDatabase db = m_database.connection();
    const Result<TokenAccount> from = readBudgetAccountByName(db, accountName);
    if (!from)
        return std::unexpected(from.error());
    const Result<qint64> expired = systemAccount(db, TokenAccountKind::Expired);
    if (!expired)
        return std::unexpected(expired.error());

    const Movement movement{TokenTransferKind::Expiry, 0, from->id, *expired, tokens, 0, {}, reason.trimmed(), user};
    const QString fromName = from->name;
    const Check enough = [&fromName](const QSqlDatabase &conn, Movement &m) -> Status {
        const Result<qint64> available = accountBalance(conn, m.from);
        if (!available)
            return std::unexpected(available.error());
        if (*available < m.tokens) {
            return fail(
                ErrorCode::Conflict,
                tr("The %1 account has %2, so %Ln token(s) cannot expire from it. Nothing was changed.", nullptr, int(m.tokens))
                    .arg(fromName, number(*available)));
        }
        return {};
    };
    Result<TokenTransfer> done = inOwnTransaction(db, [&] { return move(db, movement, enough); });
    if (done)
        Q_EMIT balancesChanged();
    return done;
}

// ---------------------------------------------------------------------------------------------
// Campaigns. Everything these read (the accounts, what the campaign holds) is read inside the
// check, i.e. after the write lock is taken.

Result<TokenTransfer> TokenLedger::reserveIn(const QSqlDatabase &db, qint64 accountId, qint64 campaignId, qint64 tokens,
                                             const QString &user) const
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkCampaign(campaignId); !ok)
        return std::unexpected(ok.error());
    const Check enough = [accountId](const QSqlDatabase &conn, Movement &m) -> Status {
        const Result<TokenAccount> from = readAccount(conn, accountId);
        if (!from)
            return std::unexpected(from.error());
        if (from->kind != TokenAccountKind::Budget) {
            return fail(ErrorCode::InvalidInput,
                        tr("“%1” is one of the ledger's own accounts. Choose a budget account such as Main.").arg(from->name));
        }
        const Result<qint64> reserved = systemAccount(conn, TokenAccountKind::Reserved);
        if (!reserved)
            return std::unexpected(reserved.error());
        const Result<CampaignTokens> campaign = readCampaignTokens(conn, m.campaignId, *reserved);
        if (!campaign)
            return std::unexpected(campaign.error());
        if (campaign->accountId != 0 && campaign->accountId != from->id) {
            return fail(ErrorCode::Conflict,
                        tr("This campaign already takes its tokens from the %1 account; take the rest from "
                           "that account too. Nothing was changed.")
                            .arg(accountName(conn, campaign->accountId)));
        }
        if (from->balance < m.tokens) {
            return fail(ErrorCode::Conflict,
                        tr("Not enough tokens: this campaign needs %Ln token(s) and the %1 account has %2. "
                           "Buy more tokens or send to fewer people.",
                           nullptr, int(m.tokens))
                            .arg(from->name, number(from->balance)));
        }
        m.from = from->id;
        m.to = *reserved;
        return {};
    };
    return move(db, Movement{TokenTransferKind::Reserve, 0, 0, 0, tokens, campaignId, {}, {}, user}, enough);
}

Result<TokenTransfer> TokenLedger::spendIn(const QSqlDatabase &db, qint64 campaignId, qint64 tokens, const QString &user) const
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkCampaign(campaignId); !ok)
        return std::unexpected(ok.error());
    const Check held = [](const QSqlDatabase &conn, Movement &m) -> Status {
        const Result<qint64> reserved = systemAccount(conn, TokenAccountKind::Reserved);
        if (!reserved)
            return std::unexpected(reserved.error());
        const Result<qint64> spent = systemAccount(conn, TokenAccountKind::Spent);
        if (!spent)
            return std::unexpected(spent.error());
        const Result<CampaignTokens> campaign = readCampaignTokens(conn, m.campaignId, *reserved);
        if (!campaign)
            return std::unexpected(campaign.error());
        if (campaign->held < m.tokens) {
            qCWarning(lcTokens) << "campaign" << m.campaignId << "holds" << campaign->held << "tokens; refused to spend"
                                << m.tokens;
            return fail(
                ErrorCode::Conflict,
                tr("This campaign has %L1 of its tokens left, so %Ln token(s) cannot be spent for it. Nothing was changed.",
                   nullptr, int(m.tokens))
                    .arg(campaign->held));
        }
        m.from = *reserved;
        m.to = *spent;
        return {};
    };
    return move(db, Movement{TokenTransferKind::Spend, 0, 0, 0, tokens, campaignId, {}, {}, user}, held);
}

Result<TokenTransfer> TokenLedger::releaseIn(const QSqlDatabase &db, qint64 campaignId, qint64 tokens, const QString &reason,
                                             const QString &user) const
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkCampaign(campaignId); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    const Check held = [](const QSqlDatabase &conn, Movement &m) -> Status {
        const Result<qint64> reserved = systemAccount(conn, TokenAccountKind::Reserved);
        if (!reserved)
            return std::unexpected(reserved.error());
        const Result<CampaignTokens> campaign = readCampaignTokens(conn, m.campaignId, *reserved);
        if (!campaign)
            return std::unexpected(campaign.error());
        if (campaign->held < m.tokens || campaign->accountId == 0) {
            qCWarning(lcTokens) << "campaign" << m.campaignId << "holds" << campaign->held << "tokens; refused to release"
                                << m.tokens;
            return fail(
                ErrorCode::Conflict,
                tr("This campaign has %L1 of its tokens left, so %Ln token(s) cannot be given back from it. Nothing was changed.",
                   nullptr, int(m.tokens))
                    .arg(campaign->held));
        }
        m.from = *reserved;
        m.to = campaign->accountId;
        return {};
    };
    return move(db, Movement{TokenTransferKind::Release, 0, 0, 0, tokens, campaignId, {}, reason.trimmed(), user}, held);
}

Result<qint64> TokenLedger::releaseAllIn(const QSqlDatabase &db, qint64 campaignId, const QString &reason,
                                         const QString &user) const
{
    if (Status ok = checkCampaign(campaignId); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    const Check rest = [](const QSqlDatabase &conn, Movement &m) -> Status {
        const Result<qint64> reserved = systemAccount(conn, TokenAccountKind::Reserved);
        if (!reserved)
            return std::unexpected(reserved.error());
        const Result<CampaignTokens> campaign = readCampaignTokens(conn, m.campaignId, *reserved);
        if (!campaign)
            return std::unexpected(campaign.error());
        m.from = *reserved;
        m.to = campaign->accountId;
        m.tokens = campaign->accountId != 0 ? qMax<qint64>(campaign->held, 0) : 0;
        return {};
    };
    const Result<TokenTransfer> done
        = move(db, Movement{TokenTransferKind::Release, 0, 0, 0, 0, campaignId, {}, reason.trimmed(), user}, rest);
    if (!done)
        return std::unexpected(done.error());
    return done->tokens;
}

Status TokenLedger::reserveInTransaction(const QSqlDatabase &db, qint64 accountId, qint64 campaignId, qint64 tokens,
                                         const QString &user)
{
    const Result<TokenTransfer> done = reserveIn(db, accountId, campaignId, tokens, user);
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Status TokenLedger::spendInTransaction(const QSqlDatabase &db, qint64 campaignId, qint64 tokens, const QString &user)
{
    const Result<TokenTransfer> done = spendIn(db, campaignId, tokens, user);
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Status TokenLedger::releaseInTransaction(const QSqlDatabase &db, qint64 campaignId, qint64 tokens, const QString &reason,
                                         const QString &user)
{
    const Result<TokenTransfer> done = releaseIn(db, campaignId, tokens, reason, user);
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Result<qint64> TokenLedger::releaseAllInTransaction(const QSqlDatabase &db, qint64 campaignId, const QString &reason,
                                                    const QString &user)
{
    return releaseAllIn(db, campaignId, reason, user);
}

Result<CampaignTokens> TokenLedger::campaignTokensInTransaction(const QSqlDatabase &db, qint64 campaignId) const
{
    const Result<qint64> reserved = systemAccount(db, TokenAccountKind::Reserved);
    if (!reserved)
        return std::unexpected(reserved.error());
    return readCampaignTokens(db, campaignId, *reserved);
}

Result<TokenTransfer> TokenLedger::reserve(qint64 accountId, qint64 campaignId, qint64 tokens, const QString &user)
{
    const QSqlDatabase db = m_database.connection();
    Result<TokenTransfer> done = inOwnTransaction(db, [&] { return reserveIn(db, accountId, campaignId, tokens, user); });
    if (done)
        Q_EMIT balancesChanged();
    return done;
}

Result<TokenTransfer> TokenLedger::spend(qint64 campaignId, qint64 tokens, const QString &user)
{
    const QSqlDatabase db = m_database.connection();
    Result<TokenTransfer> done = inOwnTransaction(db, [&] { return spendIn(db, campaignId, tokens, user); });
    if (done)
        Q_EMIT balancesChanged();
    return done;
}

Result<TokenTransfer> TokenLedger::release(qint64 campaignId, qint64 tokens, const QString &reason, const QString &user)
{
    const QSqlDatabase db = m_database.connection();
    Result<TokenTransfer> done = inOwnTransaction(db, [&] { return releaseIn(db, campaignId, tokens, reason, user); });
    if (done)
        Q_EMIT balancesChanged();
    return done;
}

Result<qint64> TokenLedger::releaseAll(qint64 campaignId, const QString &reason, const QString &user)
{
    const QSqlDatabase db = m_database.connection();
    Result<qint64> done = inOwnTransaction(db, [&] { return releaseAllIn(db, campaignId, reason, user); });
    if (done && *done > 0)
        Q_EMIT balancesChanged();
    return done;
}

Result<CampaignTokens> TokenLedger::campaignTokens(qint64 campaignId) const
{
    return campaignTokensInTransaction(m_database.connection(), campaignId);
}

// ---------------------------------------------------------------------------------------------
// Reading

Result<QList<TokenHistoryEntry>> TokenLedger::history(qint64 accountId, int limit) const
{
    const QSqlDatabase db = m_database.connection();
    // One read snapshot, so the running balances agree with the lines (rolled back: nothing written).
    Transaction snapshot(db);
    const Result<TokenAccount> account = readAccount(db, accountId);
    if (!account)
        return std::unexpected(account.error());

    // Newest first by entry id (the order they were written in). The other side of a transfer is the
    // entry written right before or after this one; looking only there keeps this fast without an
    // index on transfer_id.
    QSqlQuery q(db);
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
        return std::unexpected(queryError(q, readingWhat()));
    QList<TokenHistoryEntry> lines;
    qint64 running = account->balance;
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

Result<TokenUsage> TokenLedger::usage(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid() || to < from)
        return fail(ErrorCode::InvalidInput, tr("Choose a period whose end comes after its start."));
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t.kind, sum(e.amount) FROM token_entries e JOIN token_transfers t ON t.id = e.transfer_id "
                             "WHERE e.amount > 0 AND t.created_at >= ? AND t.created_at < ? GROUP BY t.kind"));
    q.addBindValue(from.toMSecsSinceEpoch());
    q.addBindValue(to.toMSecsSinceEpoch());
    if (!q.exec())
        return std::unexpected(queryError(q, readingWhat()));
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

QString TokenLedger::kindName(TokenTransferKind kind)
{
    switch (kind) {
    case TokenTransferKind::Grant:
        return tr("Added");
    case TokenTransferKind::Purchase:
        return tr("Bought");
    case TokenTransferKind::Reserve:
        return tr("Set aside for a campaign");
    case TokenTransferKind::Spend:
        return tr("Used for SMS");
    case TokenTransferKind::Release:
        return tr("Returned from a campaign");
    case TokenTransferKind::Transfer:
        return tr("Moved between accounts");
    case TokenTransferKind::Expiry:
        break;
    }
    return tr("Expired");
}

} // namespace kengele
