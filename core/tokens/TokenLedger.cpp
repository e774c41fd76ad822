// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Just over 700 lines: the ledger's rules (grant, buy, move, reserve, spend, release, expire, the
// overdraft check) each write one transfer through LedgerStore and LotBook; the storage and the
// lots are already in their own files, and what is left is one job.

#include "TokenLedger.h"

#include "LedgerStore.h"
#include "LotBook.h"
#include "TokenKinds.h"
#include "TokenLedgerMovement.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Savepoint.h"
#include "storage/Transaction.h"
#include "tokens/Plan.h"

#include <QLocale>
#include <QSqlError>
#include <optional>
#include <utility>

namespace kengele {

namespace {

constexpr int MaxAccountNameLength = 60;
constexpr int MaxReasonLength = 500;
constexpr int MaxReferenceLength = 200;
constexpr int MaxUserLength = 100;

// A number as people read it here ("3,200"); used with multi-argument arg() so that an account name
// containing "%2" cannot swallow the number.
QString number(qint64 n)
{
    return QLocale().toString(n);
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

// Runs work() in a transaction of its own and commits it, with its audit entries, when it succeeded.
template<typename Work, typename Notes>
auto inOwnTransaction(Access *access, const QSqlDatabase &db, Work &&work, Notes &&notesOf) -> decltype(work())
{
    AuditedTransaction transaction(access, db);
    if (Status begun = transaction.began(TokenLedger::tr("Recording the tokens")); !begun)
        return std::unexpected(begun.error());
    auto result = work();
    if (result) {
        if (Status committed = transaction.commit(notesOf(*result)); !committed)
            return std::unexpected(committed.error());
    }
    return result;
}

// The audit entry for a transfer people asked for, or Kengele made.
QList<AuditNote> noteOf(const TokenTransfer &transfer, Actor by)
{
    if (transfer.tokens == 0)
        return {}; // a voucher credited before: nothing moved now
    switch (transfer.kind) {
    case TokenTransferKind::Grant:
        return {{QStringLiteral("tokens.grant"), QStringLiteral("account:%1").arg(transfer.toAccountId),
                 QStringLiteral("%1 tokens").arg(transfer.tokens), by}};
    case TokenTransferKind::Purchase:
        return {{QStringLiteral("tokens.purchase"), QStringLiteral("account:%1").arg(transfer.toAccountId),
                 QStringLiteral("%1 tokens, voucher %2").arg(transfer.tokens).arg(transfer.reference), by}};
    case TokenTransferKind::Transfer:
        return {{QStringLiteral("tokens.transfer"), QStringLiteral("account:%1").arg(transfer.fromAccountId),
                 QStringLiteral("%1 tokens to account:%2").arg(transfer.tokens).arg(transfer.toAccountId), by}};
    case TokenTransferKind::Expiry:
        return {{QStringLiteral("tokens.expire"), QStringLiteral("account:%1").arg(transfer.fromAccountId),
                 QStringLiteral("%1 tokens").arg(transfer.tokens), by}};
    default:
        return {};
    }
}

// The account on one side of a transfer between named accounts: the budget account people named,
// or the ledger's own account of the kind the transfer needs (its id only). Accounts never change
// kind and are never deleted, so they are looked up before the write lock.
Result<TokenAccount> sideOf(const LedgerStore &store, TokenAccountKind kind, const QString &name)
{
    if (kind == TokenAccountKind::Budget)
        return store.budgetAccountByName(name);
    const Result<qint64> id = store.systemAccount(kind);
    if (!id)
        return std::unexpected(id.error());
    TokenAccount account;
    account.id = *id;
    account.kind = kind;
    return account;
}

// What a campaign holds, read under the write lock, with the ledger's Reserved account.
struct Held {
    qint64 reservedAccount = 0;
    CampaignTokens tokens;
};

Result<Held> heldBy(const LedgerStore &store, qint64 campaignId)
{
    const Result<qint64> reserved = store.systemAccount(TokenAccountKind::Reserved);
    if (!reserved)
        return std::unexpected(reserved.error());
    const Result<CampaignTokens> tokens = store.campaignTokens(campaignId, *reserved);
    if (!tokens)
        return std::unexpected(tokens.error());
    return Held{*reserved, *tokens};
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
    return LedgerStore(m_database.connection()).accounts();
}

Result<QList<TokenAccount>> TokenLedger::budgetAccounts() const
{
    return LedgerStore(m_database.connection())
        .accounts(QStringLiteral("WHERE a.kind = ?"), {accountKindKey(TokenAccountKind::Budget)});
}

Result<TokenAccount> TokenLedger::createBudgetAccount(const QString &rawName)
{
    if (Status allowed = Access::check(m_access, Permission::ManageTokens); !allowed)
        return std::unexpected(allowed.error());
    const QString name = rawName.simplified();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please give the account a name, for example “Youth”."));
    if (name.size() > MaxAccountNameLength)
        return fail(ErrorCode::InvalidInput, tr("An account name can have at most %1 characters.").arg(MaxAccountNameLength));
    const LedgerStore store(m_database.connection());
    if (const Result<TokenAccount> existing = store.accountByName(name); existing)
        return fail(ErrorCode::Conflict, tr("There is already a token account called “%1”.").arg(existing->name));
    const Result<qint64> id = store.insertBudgetAccount(name, m_clock.nowMs());
    if (!id)
        return std::unexpected(id.error());
    qCInfo(lcTokens) << "created budget account" << *id;
    if (Status recorded = Access::record(
            m_access, {QStringLiteral("tokens.account"), QStringLiteral("account:%1").arg(*id), QStringLiteral("created")});
        !recorded)
        qCWarning(lcTokens) << "the new account could not be written to the audit trail:" << recorded.error().message;
    Q_EMIT balancesChanged();
    return store.account(*id);
}

Result<TokenAccount> TokenLedger::findAccount(const QString &name) const
{
    return LedgerStore(m_database.connection()).accountByName(name);
}

Result<TokenAccount> TokenLedger::account(qint64 accountId) const
{
    return LedgerStore(m_database.connection()).account(accountId);
}

Result<qint64> TokenLedger::accountId(const QString &name) const
{
    return LedgerStore(m_database.connection()).accountId(name);
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
    return LedgerStore(m_database.connection()).totalBalance(TokenAccountKind::Budget);
}

// ---------------------------------------------------------------------------------------------
// Writing

// Every change goes through here. The transfer row is written FIRST: that takes SQLite's write
// lock (waiting for another writer to finish, not failing), so the check that follows reads the
// latest committed state and nobody can change it before this transaction ends. Then the check
// (balances, what a campaign holds) and the two entries. A refused check undoes the transfer row.
Result<TokenTransfer> TokenLedger::move(const QSqlDatabase &db, Movement movement, const Check &check) const
{
    Savepoint savepoint(db, QStringLiteral("token_ledger"), tr("Recording the tokens"));
    if (!savepoint.isActive())
        return std::unexpected(savepoint.error());
    const LedgerStore store(db);
    const qint64 now = m_clock.nowMs();
    const QString user = movement.user.left(MaxUserLength);
    const Result<qint64> transferId
        = store.insertTransfer(movement.kind, movement.campaignId, movement.reference, movement.reason, user, now, movement.lot);
    if (!transferId)
        return std::unexpected(transferId.error());
    movement.transferId = *transferId;
    if (check) {
        if (Status ok = check(store, movement); !ok)
            return std::unexpected(ok.error());
    }
    if (movement.tokens == 0)
        return TokenTransfer{}; // nothing to move; the savepoint takes the transfer row back
    if (movement.from <= 0 || movement.to <= 0 || movement.from == movement.to) {
        qCWarning(lcTokens) << "refusing a transfer without two accounts";
        return fail(ErrorCode::InvalidInput, tr("Choose two different accounts to move tokens between."));
    }
    // Named before its entries: the change log's trigger sends it under this uid.
    if (!movement.nameSpace.isEmpty()) {
        if (Status named = store.nameTransfer(*transferId, movement.nameSpace, movement.name); !named)
            return std::unexpected(named.error());
    } else if (movement.kind == TokenTransferKind::Expiry && !movement.lot.isEmpty()) {
        if (Status named = store.nameExpiry(*transferId, movement.lot, movement.from); !named)
            return std::unexpected(named.error());
    }
    const Result<std::pair<qint64, qint64>> entries
        = store.insertEntries(*transferId, movement.from, movement.to, movement.tokens);
    if (!entries)
        return std::unexpected(entries.error());
    // Entries on budget accounts are divided among lots; a spend is added to the summary by hour.
    const TransferShape shape = transferShape(movement.kind);
    const LotBook book(db);
    const bool fromBudget = shape.from == TokenAccountKind::Budget;
    const bool toBudget = shape.to == TokenAccountKind::Budget;
    // Tokens coming into an overdrawn budget pay its overdraft first; not a campaign's tokens
    // going back, which return to the lots they came from (what the campaign holds of each lot is
    // read from its entries).
    if (toBudget && movement.kind != TokenTransferKind::Release) {
        Result<LotShares> paying = book.payDebtFirst(movement.to, movement.lotsIn);
        if (!paying)
            return std::unexpected(paying.error());
        movement.lotsIn = *paying;
    }
    if ((fromBudget && LotBook::sum(movement.lotsOut) != movement.tokens)
        || (toBudget && LotBook::sum(movement.lotsIn) != movement.tokens)) {
        qCWarning(lcTokens) << "transfer" << *transferId << "lots do not add up to" << movement.tokens;
        return fail(ErrorCode::Storage,
                    tr("The token lots do not add up to the tokens moved. Run the ledger check or restore "
                       "the data file from a backup."));
    }
    if (fromBudget) {
        if (Status ok = book.record(entries->first, movement.from, movement.lotsOut, -1); !ok)
            return std::unexpected(ok.error());
    }
    if (toBudget) {
        if (Status ok = book.record(entries->second, movement.to, movement.lotsIn, +1); !ok)
            return std::unexpected(ok.error());
    }
    if (movement.kind == TokenTransferKind::Spend && movement.spendAccount > 0) {
        if (Status ok = book.addSpend(now, movement.spendAccount, movement.tokens); !ok)
            return std::unexpected(ok.error());
    }
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
    transfer.created = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    qCInfo(lcTokens) << "transfer" << transfer.id << transferKindKey(transfer.kind) << transfer.tokens << "tokens from account"
                     << transfer.fromAccountId << "to" << transfer.toAccountId << "campaign" << transfer.campaignId;
    return transfer;
}

Result<TokenTransfer> TokenLedger::moveBetweenNamed(TokenTransferKind kind, const QString &fromName, const QString &toName,
                                                    qint64 tokens, const QString &reason, const QString &user,
                                                    ShortOfTokens shortOf, const LotTerms &terms)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkTerms(terms); !ok)
        return std::unexpected(ok.error());
    const QSqlDatabase db = m_database.connection();
    const LedgerStore store(db);
    const TransferShape shape = transferShape(kind);
    const Result<TokenAccount> from = sideOf(store, shape.from, fromName);
    if (!from)
        return std::unexpected(from.error());
    const Result<TokenAccount> to = sideOf(store, shape.to, toName);
    if (!to)
        return std::unexpected(to.error());
    if (from->id == to->id)
        return fail(ErrorCode::InvalidInput, tr("Choose two different accounts to move tokens between."));

    const qint64 now = m_clock.nowMs();
    const Check enough = [shortOf, shape, &terms, now, &account = from->name](const LedgerStore &conn, Movement &m) -> Status {
        if (shortOf) {
            const Result<qint64> available = conn.balance(m.from);
            if (!available)
                return std::unexpected(available.error());
            if (*available < m.tokens)
                return fail(ErrorCode::Conflict, shortOf(account, *available, m.tokens));
        }
        const LotBook book(conn.database());
        if (shape.from == TokenAccountKind::Budget) {
            Result<LotShares> taken = book.takeSoonest(m.from, m.tokens);
            if (!taken)
                return std::unexpected(taken.error());
            m.lotsOut = *taken;
            m.lotsIn = *taken; // a transfer keeps each lot's expiry
        } else if (shape.to == TokenAccountKind::Budget) {
            const Result<qint64> lot
                = book.createLot(m.transferId, terms.plan, m.tokens, now,
                                 terms.expires.isValid() ? std::optional(terms.expires.toMSecsSinceEpoch()) : std::nullopt);
            if (!lot)
                return std::unexpected(lot.error());
            m.lotsIn = {LotShare{*lot, m.tokens}};
        }
        return {};
    };
    const Movement movement{kind, 0, from->id, to->id, tokens, 0, {}, reason.trimmed(), user};
    Result<TokenTransfer> done = inOwnTransaction(
        m_access, db, [&] { return move(db, movement, enough); },
        [](const TokenTransfer &transfer) { return noteOf(transfer, Actor::Person); });
    if (done)
        Q_EMIT balancesChanged();
    return done;
}

Result<TokenTransfer> TokenLedger::grant(const QString &accountName, qint64 tokens, const QString &reason, const QString &user,
                                         const LotTerms &terms)
{
    if (Status allowed = Access::check(m_access, Permission::ManageTokens); !allowed)
        return std::unexpected(allowed.error());
    return moveBetweenNamed(TokenTransferKind::Grant, {}, accountName, tokens, reason, user, nullptr, terms);
}

Status TokenLedger::checkTerms(const LotTerms &terms) const
{
    if (!terms.plan.isEmpty() && !Plan::find(terms.plan))
        return fail(ErrorCode::InvalidInput, tr("“%1” is not a token plan Kengele knows.").arg(terms.plan));
    if (terms.expires.isValid() && terms.expires.toMSecsSinceEpoch() <= m_clock.nowMs())
        return fail(ErrorCode::InvalidInput, tr("These tokens would expire before they are added. Choose a later end date."));
    return {};
}

Result<TokenTransfer> TokenLedger::transfer(const QString &fromAccount, const QString &toAccount, qint64 tokens,
                                            const QString &reason, const QString &user)
{
    if (Status allowed = Access::check(m_access, Permission::ManageTokens); !allowed)
        return std::unexpected(allowed.error());
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please say why the tokens are moving, for example “Youth camp reminders”."));
    return moveBetweenNamed(TokenTransferKind::Transfer, fromAccount, toAccount, tokens, reason, user,
                            [](const QString &account, qint64 available, qint64 wanted) {
                                return tr("Not enough tokens: the %1 account has %2, so %Ln token(s) cannot be moved from it. "
                                          "Nothing was changed.",
                                          nullptr, int(wanted))
                                    .arg(account, number(available));
                            });
}

Result<TokenTransfer> TokenLedger::expire(const QString &accountName, qint64 tokens, const QString &reason, const QString &user)
{
    if (Status allowed = Access::check(m_access, Permission::ManageTokens); !allowed)
        return std::unexpected(allowed.error());
    return moveBetweenNamed(TokenTransferKind::Expiry, accountName, {}, tokens, reason, user,
                            [](const QString &account, qint64 available, qint64 wanted) {
                                return tr("The %1 account has %2, so %Ln token(s) cannot expire from it. Nothing was changed.",
                                          nullptr, int(wanted))
                                    .arg(account, number(available));
                            });
}

// Idempotent on the voucher id. The check runs under the write lock (after the transfer row), so
// two windows crediting the same voucher at once credit it once.
Result<TokenPurchase> TokenLedger::purchase(const QString &accountName, qint64 tokens, const QString &voucherId,
                                            const QString &user, const LotTerms &terms)
{
    Result<TokenPurchase> done = purchaseOn(m_database.connection(), true, accountName, tokens, voucherId, user, terms);
    if (done && !done->alreadyCredited)
        Q_EMIT balancesChanged();
    return done;
}

Result<TokenPurchase> TokenLedger::purchaseInTransaction(const QSqlDatabase &db, const QString &accountName, qint64 tokens,
                                                         const QString &voucherId, const QString &user, const LotTerms &terms)
{
    return purchaseOn(db, false, accountName, tokens, voucherId, user, terms);
}

Result<TokenPurchase> TokenLedger::purchaseOn(const QSqlDatabase &db, bool ownTransaction, const QString &accountName,
                                              qint64 tokens, const QString &voucherId, const QString &user, const LotTerms &terms)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    const QString reference = voucherId.trimmed();
    if (reference.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("This payment has no voucher number, so no tokens were added."));
    if (reference.size() > MaxReferenceLength)
        return fail(ErrorCode::InvalidInput, tr("This voucher number is too long to be real, so no tokens were added."));
    const LedgerStore store(db);
    const Result<TokenAccount> to = store.budgetAccountByName(accountName);
    if (!to)
        return std::unexpected(to.error());
    const Result<qint64> world = store.systemAccount(TokenAccountKind::Source);
    if (!world)
        return std::unexpected(world.error());

    std::optional<TokenTransfer> earlier;
    const qint64 now = m_clock.nowMs();
    // The same voucher again credits nothing, whatever its terms say; its expiry may already be past.
    const Check findEarlier = [&earlier, &terms, now, this](const LedgerStore &conn, Movement &m) -> Status {
        const Result<std::optional<qint64>> earlierId = conn.earlierPurchase(m.reference, m.transferId);
        if (!earlierId)
            return std::unexpected(earlierId.error());
        if (!*earlierId) {
            if (Status ok = checkTerms(terms); !ok)
                return ok;
            const Result<qint64> lot
                = LotBook(conn.database())
                      .createLot(m.transferId, terms.plan, m.tokens, now,
                                 terms.expires.isValid() ? std::optional(terms.expires.toMSecsSinceEpoch()) : std::nullopt);
            if (!lot)
                return std::unexpected(lot.error());
            m.lotsIn = {LotShare{*lot, m.tokens}};
            // One credit per voucher on every computer: its uid comes from the voucher id.
            m.nameSpace = QStringLiteral("voucher");
            m.name = m.reference;
            return {};
        }
        Result<TokenTransfer> found = conn.transfer(**earlierId);
        if (!found)
            return std::unexpected(found.error());
        earlier = *found;
        m.tokens = 0; // credit nothing
        return {};
    };
    const Movement movement{TokenTransferKind::Purchase, 0, *world, to->id, tokens, 0, reference, {}, user};
    const auto notes = [](const TokenTransfer &transfer) {
        return noteOf(transfer, Actor::Kengele);
    };
    const Result<TokenTransfer> written = ownTransaction ? inOwnTransaction(
                                              m_access, db, [&] { return move(db, movement, findEarlier); }, notes)
                                                         : move(db, movement, findEarlier);
    if (!written)
        return std::unexpected(written.error());
    // Inside the caller's transaction (a relay batch): the entry goes with it.
    if (!ownTransaction && m_access) {
        for (const AuditNote &note : notes(*written)) {
            if (Status recorded = m_access->record(db, note); !recorded)
                return std::unexpected(recorded.error());
        }
    }
    if (!earlier)
        return TokenPurchase{*written, false};

    qCInfo(lcTokens) << "voucher already credited by transfer" << earlier->id << "- nothing added";
    if (earlier->toAccountId != to->id || earlier->tokens != tokens) {
        return fail(
            ErrorCode::Conflict,
            tr("This voucher (%1) was already used on %2 to add %Ln token(s) to the %3 account, so it cannot be used again. "
               "No tokens were added.",
               nullptr, int(earlier->tokens))
                .arg(earlier->reference, QLocale().toString(earlier->created.toLocalTime(), QLocale::ShortFormat),
                     store.accountName(earlier->toAccountId)));
    }
    return TokenPurchase{*earlier, true};
}

// ---------------------------------------------------------------------------------------------
// Campaigns. Everything these read (the accounts, what the campaign holds) is read inside the
// check, i.e. after the write lock is taken.

Result<TokenTransfer> TokenLedger::reserveInTransaction(const QSqlDatabase &db, qint64 accountId, qint64 campaignId,
                                                        qint64 tokens, const QString &user)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkCampaign(campaignId); !ok)
        return std::unexpected(ok.error());
    const Check enough = [accountId](const LedgerStore &conn, Movement &m) -> Status {
        const Result<TokenAccount> from = conn.account(accountId);
        if (!from)
            return std::unexpected(from.error());
        if (from->kind != TokenAccountKind::Budget) {
            return fail(ErrorCode::InvalidInput,
                        tr("“%1” is one of the ledger's own accounts. Choose a budget account such as Main.").arg(from->name));
        }
        const Result<Held> campaign = heldBy(conn, m.campaignId);
        if (!campaign)
            return std::unexpected(campaign.error());
        if (campaign->tokens.accountId != 0 && campaign->tokens.accountId != from->id) {
            return fail(ErrorCode::Conflict,
                        tr("This campaign already takes its tokens from the %1 account; take the rest from "
                           "that account too. Nothing was changed.")
                            .arg(conn.accountName(campaign->tokens.accountId)));
        }
        if (from->balance < 0) {
            return fail(ErrorCode::Conflict,
                        tr("The %1 budget is overdrawn by %Ln token(s): computers that were offline at the same time "
                           "together spent more than it held. Top it up (buy tokens or move some from another budget) "
                           "before sending from it. Nothing was sent.",
                           nullptr, int(-from->balance))
                            .arg(from->name));
        }
        if (from->balance < m.tokens) {
            return fail(ErrorCode::Conflict,
                        tr("Not enough tokens: this campaign needs %Ln token(s) and the %1 account has %2. "
                           "Buy more tokens or send to fewer people.",
                           nullptr, int(m.tokens))
                            .arg(from->name, number(from->balance)));
        }
        const Result<LotShares> taken = LotBook(conn.database()).takeSoonest(from->id, m.tokens);
        if (!taken)
            return std::unexpected(taken.error());
        m.lotsOut = *taken;
        m.from = from->id;
        m.to = campaign->reservedAccount;
        return {};
    };
    return move(db, Movement{TokenTransferKind::Reserve, 0, 0, 0, tokens, campaignId, {}, {}, user}, enough);
}

Result<TokenTransfer> TokenLedger::spendInTransaction(const QSqlDatabase &db, qint64 campaignId, qint64 tokens,
                                                      const QString &user)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkCampaign(campaignId); !ok)
        return std::unexpected(ok.error());
    const Check held = [](const LedgerStore &conn, Movement &m) -> Status {
        const Result<Held> campaign = heldBy(conn, m.campaignId);
        if (!campaign)
            return std::unexpected(campaign.error());
        const Result<qint64> spent = conn.systemAccount(TokenAccountKind::Spent);
        if (!spent)
            return std::unexpected(spent.error());
        if (campaign->tokens.held < m.tokens) {
            qCWarning(lcTokens) << "campaign" << m.campaignId << "holds" << campaign->tokens.held << "tokens; refused to spend"
                                << m.tokens;
            return fail(
                ErrorCode::Conflict,
                tr("This campaign has %L1 of its tokens left, so %Ln token(s) cannot be spent for it. Nothing was changed.",
                   nullptr, int(m.tokens))
                    .arg(campaign->tokens.held));
        }
        m.from = campaign->reservedAccount;
        m.to = *spent;
        m.spendAccount = campaign->tokens.accountId;
        return {};
    };
    return move(db, Movement{TokenTransferKind::Spend, 0, 0, 0, tokens, campaignId, {}, {}, user}, held);
}

Result<TokenTransfer> TokenLedger::releaseInTransaction(const QSqlDatabase &db, qint64 campaignId, qint64 tokens,
                                                        const QString &reason, const QString &user)
{
    if (Status ok = checkTokens(tokens); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkCampaign(campaignId); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    const Check held = [](const LedgerStore &conn, Movement &m) -> Status {
        const Result<Held> campaign = heldBy(conn, m.campaignId);
        if (!campaign)
            return std::unexpected(campaign.error());
        if (campaign->tokens.held < m.tokens || campaign->tokens.accountId == 0) {
            qCWarning(lcTokens) << "campaign" << m.campaignId << "holds" << campaign->tokens.held << "tokens; refused to release"
                                << m.tokens;
            return fail(
                ErrorCode::Conflict,
                tr("This campaign has %L1 of its tokens left, so %Ln token(s) cannot be given back from it. Nothing was changed.",
                   nullptr, int(m.tokens))
                    .arg(campaign->tokens.held));
        }
        const Result<LotShares> lots = LotBook(conn.database()).heldByCampaign(m.campaignId, campaign->tokens.spent);
        if (!lots)
            return std::unexpected(lots.error());
        m.lotsIn = LotBook::first(*lots, m.tokens);
        m.from = campaign->reservedAccount;
        m.to = campaign->tokens.accountId;
        return {};
    };
    return move(db, Movement{TokenTransferKind::Release, 0, 0, 0, tokens, campaignId, {}, reason.trimmed(), user}, held);
}

Result<qint64> TokenLedger::releaseAllInTransaction(const QSqlDatabase &db, qint64 campaignId, const QString &reason,
                                                    const QString &user)
{
    if (Status ok = checkCampaign(campaignId); !ok)
        return std::unexpected(ok.error());
    if (Status ok = checkReason(reason); !ok)
        return std::unexpected(ok.error());
    const Check rest = [](const LedgerStore &conn, Movement &m) -> Status {
        const Result<Held> campaign = heldBy(conn, m.campaignId);
        if (!campaign)
            return std::unexpected(campaign.error());
        m.from = campaign->reservedAccount;
        m.to = campaign->tokens.accountId;
        m.tokens = campaign->tokens.accountId != 0 ? qMax<qint64>(campaign->tokens.held, 0) : 0;
        if (m.tokens > 0) {
            const Result<LotShares> lots = LotBook(conn.database()).heldByCampaign(m.campaignId, campaign->tokens.spent);
            if (!lots)
                return std::unexpected(lots.error());
            m.lotsIn = LotBook::first(*lots, m.tokens);
        }
        return {};
    };
    const Result<TokenTransfer> done
        = move(db, Movement{TokenTransferKind::Release, 0, 0, 0, 0, campaignId, {}, reason.trimmed(), user}, rest);
    if (!done)
        return std::unexpected(done.error());
    return done->tokens;
}

Result<CampaignTokens> TokenLedger::campaignTokens(qint64 campaignId) const
{
    const Result<Held> held = heldBy(LedgerStore(m_database.connection()), campaignId);
    if (!held)
        return std::unexpected(held.error());
    return held->tokens;
}

// ---------------------------------------------------------------------------------------------
// Reading

Result<QList<TokenHistoryEntry>> TokenLedger::history(qint64 accountId, int limit) const
{
    const QSqlDatabase db = m_database.connection();
    // One read snapshot, so the running balances agree with the lines (rolled back: nothing written).
    Transaction snapshot(db);
    const LedgerStore store(db);
    const Result<TokenAccount> account = store.account(accountId);
    if (!account)
        return std::unexpected(account.error());
    return store.history(accountId, account->balance, limit);
}

Result<TokenUsage> TokenLedger::usage(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid() || to < from)
        return fail(ErrorCode::InvalidInput, tr("Choose a period whose end comes after its start."));
    return LedgerStore(m_database.connection()).usage(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
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
