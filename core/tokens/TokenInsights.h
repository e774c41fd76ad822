// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kengele {

class Clock;
class Database;

// Tokens spent over the last days, for the usage chart (TokenInsights::usage).
struct TokenUsageReport {
    struct Day {
        QDate date; // local
        qint64 tokens = 0;
        QMap<qint64, qint64> byAccount; // budget account id -> tokens (only those that spent)
    };
    struct Account {
        qint64 accountId = 0;
        QString name;
        qint64 tokens = 0;
    };
    int days = 0;
    qint64 spent = 0;
    QList<Day> byDay; // every day of the period, oldest first (today last), days without spending included
    QList<Account> byAccount; // every budget account, most spent first
};

// Where the tokens stand and where they are going (TokenInsights::outlook).
struct TokenOutlook {
    struct Account {
        qint64 accountId = 0;
        QString name;
        qint64 balance = 0;
        double perDay = 0; // spent per day over the last RateDays
        QDate runsOut; // at this rate (local); invalid: nothing spent lately
        qint64 alertBelow = -1; // -1: no warning level
        qint64 neededByScheduled = 0; // what its repeating campaigns need over the next NeedDays
    };
    struct Expiring {
        qint64 accountId = 0;
        QString account;
        qint64 tokens = 0;
        QDate on; // local date of the expiry
    };
    qint64 balance = 0; // every budget account
    double perDay = 0;
    QDate runsOut;
    QString plan; // the best plan with purchased tokens in force ("" none)
    QList<Account> accounts; // Main first, then departments in creation order
    QList<Expiring> expiring; // within ExpiringDays, soonest first
    // Repeating campaigns reserve each time they go: what they will take over the next NeedDays.
    qint64 neededByScheduled = 0;
    // One-off scheduled campaigns reserved theirs at launch: what they hold.
    qint64 heldByScheduled = 0;
    QStringList messages; // the insights as sentences for people
};

// Something to tell people about now (the status bar, `tokens alerts`).
struct TokenAlert {
    enum class Kind { BelowThreshold, RunsOut, Expiring, ScheduledNeed };
    Kind kind = Kind::BelowThreshold;
    qint64 accountId = 0; // 0: not about one account
    QString account;
    QString message; // a sentence for people
};

// Reads the ledger's summaries (what each budget holds of each lot, spending by hour) and the
// campaigns to say where the tokens are going (architecture.md §5). Reads only; no widgets. Every
// query reads a summary or an index range, never every ledger entry, so it stays fast on a ledger of
// millions of entries (BenchTokens).
class TokenInsights final
{
    Q_DECLARE_TR_FUNCTIONS(TokenInsights)

public:
    static constexpr int RateDays = 30; // the spend rate is over this many days
    static constexpr int ExpiringDays = 14; // lots expiring within this many days are shown
    static constexpr int AlertDays = 7; // running out or expiring within this many days is an alert
    static constexpr int NeedDays = 30; // how far ahead repeating campaigns are counted
    static constexpr int MaxDays = 366;

    TokenInsights(const Database &database, const Clock &clock);

    // Spent per local day and by budget account over the last `days` days (today included).
    Result<TokenUsageReport> usage(int days) const;
    Result<TokenOutlook> outlook() const;
    // Below a warning level, running out within AlertDays, tokens expiring within AlertDays,
    // repeating campaigns needing more than their account holds.
    Result<QList<TokenAlert>> alerts() const;

    static QString kindKey(TokenAlert::Kind kind); // "below_threshold", "runs_out", "expiring", "scheduled_need"

private:
    struct Spending;
    Result<Spending> spending(qint64 fromMs) const;
    QDate today() const;

    const Database &m_database;
    const Clock &m_clock;
};

} // namespace kengele
