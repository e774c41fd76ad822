// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CampaignTokens.h"
#include "TokenAccount.h"
#include "TokenLot.h"
#include "TokenTransfer.h"
#include "TokenUsage.h"
#include "common/Result.h"
#include "security/Access.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <functional>

namespace kengele {

class Clock;
class Database;
class LedgerStore;

// The double-entry token ledger (architecture.md §5). One token pays for one SMS part to one recipient.
//
// Every change is a transfer (kind, reference, reason, user, UTC time, campaign id where relevant)
// made of entries that sum to zero; a balance is the sum of an account's entries, never a stored
// counter. A budget account never goes below zero and a campaign never gives up more than it still
// holds: each check runs inside the same transaction as the write it guards, after that transaction
// has taken SQLite's write lock, so two writers (threads, windows, the CLI) cannot both pass it.
//
// Two ways to change the ledger:
//  - grant, purchase, transfer, expire, expireDue, createBudgetAccount, renameBudgetAccount and
//    setAlertThreshold commit on their own and emit balancesChanged() afterwards;
//  - the campaign methods (...InTransaction) join the caller's open transaction on `db` (they
//    neither begin nor commit it), so a campaign launch can write its outbox rows and reserve its
//    tokens atomically; with no transaction open on `db`, each is a transaction of its own.
//    A refused call leaves nothing of its own behind (it works inside a Savepoint) and does not
//    disturb the caller's earlier writes; the caller decides whether to roll back. They do not emit:
//    call notifyBulkChange() after committing. Do them after the transaction's first write (as a
//    launch does), or first thing: a transaction that only read before it may be refused as "busy"
//    when another program wrote in between (never overdrawn).
//
// LedgerVerifier checks a stored ledger against these rules; LedgerStore holds the SQL.
class TokenLedger final : public QObject
{
    Q_OBJECT

public:
    // The most one transfer may move; protects the sums from absurd input.
    static constexpr qint64 MaxTokensPerTransfer = 1'000'000'000;

    TokenLedger(Database &database, const Clock &clock, QObject *parent = nullptr);

    // Who may manage tokens, and the audit trail; none: everyone, unrecorded. grant, transfer,
    // expire and the budget accounts need Permission::ManageTokens; vouchers credited and tokens
    // expired on time are Kengele's work, recorded but never refused. Campaigns reserve and spend
    // under their own check (SendCampaigns).
    void setAccess(Access *access) { m_access = access; }

    // --- Accounts (each with its balance) ---
    Result<QList<TokenAccount>> list() const; // every account, in creation order
    Result<QList<TokenAccount>> budgetAccounts() const; // Main first, then departments in creation order
    Result<TokenAccount> createBudgetAccount(const QString &name);
    // A department's budget under a new name (its tokens, lots and campaigns stay). Main keeps its name.
    Result<TokenAccount> renameBudgetAccount(const QString &name, const QString &newName);
    // Warn (TokenInsights' alerts) when the budget account holds fewer than `below` tokens; -1: never.
    Result<TokenAccount> setAlertThreshold(const QString &accountName, qint64 below);
    Result<TokenAccount> findAccount(const QString &name) const; // case-insensitive
    Result<TokenAccount> account(qint64 accountId) const;
    Result<qint64> accountId(const QString &name) const; // findAccount without the balance
    Result<qint64> balance(qint64 accountId) const;
    Result<qint64> totalBudgetBalance() const;

    // --- Tokens in and between budgets ---
    // Every credit is a lot with the plan and the expiry of `terms` (default: added by hand, never
    // expires). Spending, reserving, transferring and expiring draw from the lot that expires first;
    // a transfer keeps each lot's expiry; a release goes back to the lots the campaign reserved from.
    //
    // World -> budget: the demo plan, a manual top-up.
    Result<TokenTransfer> grant(const QString &accountName, qint64 tokens, const QString &reason, const QString &user,
                                const LotTerms &terms = {});
    // World -> budget for a verified voucher (the caller checks the signature). Once per voucher id:
    // the same id again returns the earlier credit with alreadyCredited set and adds nothing; the
    // same id with a different account or number of tokens is refused (Conflict).
    Result<TokenPurchase> purchase(const QString &accountName, qint64 tokens, const QString &voucherId, const QString &user,
                                   const LotTerms &terms = {});
    // The same inside the caller's open transaction on `db` (a relay batch that carries the
    // voucher): neither begins nor commits it, and does not emit (call notifyBulkChange() after
    // committing).
    Result<TokenPurchase> purchaseInTransaction(const QSqlDatabase &db, const QString &accountName, qint64 tokens,
                                                const QString &voucherId, const QString &user, const LotTerms &terms = {});
    // Budget -> budget, with a reason; refused when the source has too few.
    Result<TokenTransfer> transfer(const QString &fromAccount, const QString &toAccount, qint64 tokens, const QString &reason,
                                   const QString &user);
    // Budget -> Expired, soonest-expiring lots first. Refused beyond the balance.
    Result<TokenTransfer> expire(const QString &accountName, qint64 tokens, const QString &reason, const QString &user);
    // Moves the rest of every lot whose expiry has come (the Clock's now) to Expired, one transfer
    // per lot and budget account. Tokens a launched campaign holds are not in a budget, so they stay
    // (released after their lot's expiry, they expire at the next run). Idempotent: a second run
    // moves nothing more. Returns the tokens moved now.
    Result<qint64> expireDue(const QString &user);

    // --- Lots ---
    // Every lot with remaining > 0 in a budget account, soonest expiry first (one row per lot and account).
    Result<QList<TokenLot>> lots() const;
    // Lots with a plan that expire after `now` (whatever remains of them), soonest expiry first.
    Result<QList<TokenLot>> purchasedLotsInForce(const QDateTime &now) const;

    // --- Campaigns ---
    // Budget -> Reserved when a campaign is launched. Refused (Conflict, "Not enough tokens: ...")
    // when the account has too few, and when the campaign already holds tokens from another account
    // (a campaign draws on one budget account, so releases know where to go back to).
    Result<TokenTransfer> reserveInTransaction(const QSqlDatabase &db, qint64 accountId, qint64 campaignId, qint64 tokens,
                                               const QString &user);
    // Reserved -> Spent when the gateway took messages. Refused beyond what the campaign holds.
    Result<TokenTransfer> spendInTransaction(const QSqlDatabase &db, qint64 campaignId, qint64 tokens, const QString &user);
    // Reserved -> the campaign's budget account (permanent failure, cancel). Refused beyond what it holds.
    Result<TokenTransfer> releaseInTransaction(const QSqlDatabase &db, qint64 campaignId, qint64 tokens, const QString &reason,
                                               const QString &user);
    // Releases whatever the campaign still holds (end of a campaign, cancel); returns how many (0: nothing written).
    Result<qint64> releaseAllInTransaction(const QSqlDatabase &db, qint64 campaignId, const QString &reason, const QString &user);
    // What the campaign reserved, spent, released and still holds. Read on this thread's connection:
    // inside a transaction open there, it sees that transaction's uncommitted writes.
    Result<CampaignTokens> campaignTokens(qint64 campaignId) const;

    // --- Reading ---
    // The account's lines, newest first, at most `limit`.
    Result<QList<TokenHistoryEntry>> history(qint64 accountId, int limit = 100) const;
    // Tokens moved in [from, to), by kind.
    Result<TokenUsage> usage(const QDateTime &from, const QDateTime &to) const;
    // "Grant", "Purchase", ... as shown to people.
    static QString kindName(TokenTransferKind kind);

    // Called by callers of the ...InTransaction methods after they commit.
    void notifyBulkChange() { Q_EMIT balancesChanged(); }

Q_SIGNALS:
    void balancesChanged();

private:
    struct Movement;
    using Check = std::function<Status(const LedgerStore &, Movement &)>;
    // How an account too short for a transfer or an expiry is told.
    using ShortOfTokens = QString (*)(const QString &accountName, qint64 available, qint64 tokens);

    // Writes one transfer, inside a Savepoint on `db`; see the .cpp.
    Result<TokenTransfer> move(const QSqlDatabase &db, Movement movement, const Check &check) const;
    Result<TokenPurchase> purchaseOn(const QSqlDatabase &db, bool ownTransaction, const QString &accountName, qint64 tokens,
                                     const QString &voucherId, const QString &user, const LotTerms &terms);
    // grant, transfer and expire: between accounts named by people (or the ledger's own account of
    // the kind the transfer needs), in a transaction of its own.
    Result<TokenTransfer> moveBetweenNamed(TokenTransferKind kind, const QString &fromName, const QString &toName, qint64 tokens,
                                           const QString &reason, const QString &user, ShortOfTokens shortOf,
                                           const LotTerms &terms = {});
    Status checkTerms(const LotTerms &terms) const;

    Database &m_database;
    const Clock &m_clock;
    Access *m_access = nullptr;
};

} // namespace kengele
