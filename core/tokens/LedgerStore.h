// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CampaignTokens.h"
#include "TokenAccount.h"
#include "TokenTransfer.h"
#include "TokenUsage.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QVariantList>
#include <optional>
#include <utility>

namespace kengele {

// The SQL of the token ledger's main tables (token_accounts, token_transfers, token_entries; the lots
// are LotBook's) on one connection, inside whatever transaction the caller has open there. It reads
// and writes rows and sums; the rules (what may move, when, and under which lock) are TokenLedger's.
class LedgerStore final
{
    Q_DECLARE_TR_FUNCTIONS(LedgerStore)

public:
    explicit LedgerStore(const QSqlDatabase &db);
    const QSqlDatabase &database() const { return m_db; }

    // --- Accounts, each with its balance (the sum of its entries) ---
    // `where` filters `token_accounts a` (empty: all), in creation order.
    Result<QList<TokenAccount>> accounts(const QString &where = {}, const QVariantList &binds = {}) const;
    Result<TokenAccount> account(qint64 accountId) const;
    Result<TokenAccount> accountByName(const QString &name) const; // the name simplified; NotFound when none
    Result<qint64> accountId(const QString &name) const; // accountByName without the balance
    // The same, refused (InvalidInput) for the ledger's own accounts.
    Result<TokenAccount> budgetAccountByName(const QString &name) const;
    // The account's name, or its number when it cannot be read (for messages).
    QString accountName(qint64 accountId) const;
    // The ledger's own accounts (World, Reserved, Spent, Expired): one of each kind, seeded by the schema.
    Result<qint64> systemAccount(TokenAccountKind kind) const;
    Result<qint64> balance(qint64 accountId) const;
    Result<qint64> totalBalance(TokenAccountKind kind) const;
    Result<qint64> insertBudgetAccount(const QString &name, qint64 now) const;
    Status renameAccount(qint64 accountId, const QString &name) const;
    // below -1: no warning.
    Status setAlertBelow(qint64 accountId, qint64 below) const;

    // --- Transfers ---
    // `lot`: an expiry's lot (lotKey). The uid is given when the transfer's second entry is written
    // (the change log's trigger), unless nameTransfer gave one before.
    Result<qint64> insertTransfer(TokenTransferKind kind, qint64 campaignId, const QString &reference, const QString &reason,
                                  const QString &user, qint64 now, const QString &lot = {}) const;
    // Gives a transfer a name-based uid (ReplicaUid::fromName): every computer that writes the same
    // transfer (a voucher's credit: namespace "voucher", the voucher id) writes the same row.
    Status nameTransfer(qint64 transferId, const QString &nameSpace, const QString &name) const;
    // An expiry of lot `lotKey` from `accountId`: named by the lot, the account and how many times
    // that account's part of the lot expired before, so two computers expiring the same lot at
    // midnight write one transfer.
    Status nameExpiry(qint64 transferId, const QString &lotKey, qint64 accountId) const;
    // A lot as other computers know it: the uid of the credit that made it ("" for the lot of a
    // ledger from before lots, and the overdraft lot).
    Result<QString> lotKey(qint64 lotId) const;
    // The two entries of a transfer: -tokens from one account, +tokens to the other; their ids (from, to).
    Result<std::pair<qint64, qint64>> insertEntries(qint64 transferId, qint64 from, qint64 to, qint64 tokens) const;
    // A stored transfer with its entries.
    Result<TokenTransfer> transfer(qint64 transferId) const;
    // The first purchase of a voucher other than `exceptTransferId`; nullopt when there is none.
    Result<std::optional<qint64>> earlierPurchase(const QString &reference, qint64 exceptTransferId) const;

    // --- Derived ---
    // What a campaign reserved, spent, released and holds, from the entries of its transfers;
    // `reservedAccount` is the ledger's Reserved account.
    Result<CampaignTokens> campaignTokens(qint64 campaignId, qint64 reservedAccount) const;
    // The account's lines, newest first, at most `limit`; the running balances end at `balance`.
    Result<QList<TokenHistoryEntry>> history(qint64 accountId, qint64 balance, int limit) const;
    // Tokens moved in [fromMs, toMs), by kind.
    Result<TokenUsage> usage(qint64 fromMs, qint64 toMs) const;

private:
    QSqlDatabase m_db;
};

} // namespace kengele
