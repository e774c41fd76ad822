// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LedgerProblem.h"
#include "TokenAccount.h"
#include "TokenTransfer.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <optional>
#include <utility>

class QSqlDatabase;

namespace kengele {

class Database;

// Audits the stored token ledger against the rules TokenLedger keeps when it writes (replayed in
// the order of the transfers' clocks, the order every computer shares): every
// transfer sums to zero and moves between the accounts its kind allows; replaying the entries in
// order, no budget (reserved, spent, expired) account is ever below zero and no campaign ever gives
// up more than it reserved; releases go back to the account the campaign reserved from; each
// voucher is credited once; every entry on a budget account is divided among lots, no lot goes below
// zero in an account, a campaign gives back to each lot at most what it reserved from it, and the
// two summaries (what each account holds of each lot, spending by hour) agree with the entries. It reads one consistent snapshot
// and writes nothing. For a "check the ledger" report, and for tests after every change.
class LedgerVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(LedgerVerifier)

public:
    explicit LedgerVerifier(const Database &database);

    // What is wrong, in the order the transfers were written; empty when all is well.
    Result<QList<LedgerProblem>> verify();

private:
    using Pair = std::pair<qint64, qint64>;
    struct Entry {
        qint64 id;
        qint64 account;
        qint64 amount;
        QList<Pair> splits; // (lot, amount)
    };
    struct Transfer {
        qint64 id = 0;
        QString kindKey;
        qint64 campaignId = 0;
        qint64 created = 0; // UTC ms
    };

    Status readAccounts(const QSqlDatabase &db);
    // Entries in the order their transfers were written; a transfer's entries count together.
    Status replayEntries(const QSqlDatabase &db);
    Status findStraySplits(const QSqlDatabase &db);
    void replay(const Transfer &transfer, const QList<Entry> &entries);
    void replayLots(const Transfer &transfer, std::optional<TokenTransferKind> kind, const QList<Entry> &entries);
    Status checkHoldings(const QSqlDatabase &db);
    Status checkSpendSummary(const QSqlDatabase &db);
    void checkCampaignAccount(qint64 transferId, TokenTransferKind kind, qint64 campaignId, const QList<Entry> &entries);
    void applyAndCheckBalances(qint64 transferId, qint64 campaignId, const QList<Entry> &entries);
    Status findEmptyTransfers(const QSqlDatabase &db);
    Status findDuplicatePurchases(const QSqlDatabase &db);

    qint64 campaignKey(qint64 campaignId, const QString &ref);
    QString nameOf(qint64 accountId) const;
    std::optional<TokenAccountKind> kindOf(qint64 accountId) const;
    void report(LedgerProblem::Kind kind, qint64 transferId, qint64 accountId, qint64 campaignId, QString message);

    const Database &m_database;
    QHash<qint64, TokenAccount> m_accounts;
    QHash<qint64, qint64> m_balances; // per account, replayed so far
    QHash<qint64, qint64> m_held; // per campaign, in Reserved
    QHash<qint64, qint64> m_campaignAccounts; // per campaign, the budget account it reserved from
    QSet<qint64> m_negativeReported;
    QSet<qint64> m_overdrawnReported;
    QSet<qint64> m_seenTransfers;
    QHash<Pair, qint64> m_lotBalances; // per (account, lot), replayed so far
    QHash<Pair, qint64> m_campaignLots; // per (campaign, lot): reserved less given back
    QHash<Pair, qint64> m_spendHours; // per (hour, paying account)
    QSet<Pair> m_negativeLotReported;
    QHash<QString, qint64> m_otherCampaigns; // other computers' campaigns (campaign_ref) by a key below zero
    bool m_merged = false; // transfers from more than one computer
    QList<LedgerProblem> m_problems;
};

} // namespace kengele
