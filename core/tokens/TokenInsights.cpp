// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenInsights.h"

#include "LotBook.h"
#include "TokenAccount.h"
#include "TokenKinds.h"

#include "campaigns/Recurrence.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/Plan.h"

#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace kengele {

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 24 * HourMs;
// A repeating campaign counted up to this many times (a daily one over NeedDays is 30).
constexpr int MaxOccurrences = 1000;

Error readError(const QSqlQuery &query)
{
    return Database::storageError(query.lastError(), TokenInsights::tr("Reading the token balances"));
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString dayText(const QDate &date)
{
    //: A day as the insights say it: "3 March". Qt date format letters (d, MMMM).
    return QLocale().toString(date, TokenInsights::tr("d MMMM"));
}

// When `balance` runs out at the rate of `spent` over the last RateDays; invalid when nothing was spent.
QDate runsOutOn(const QDate &today, qint64 balance, qint64 spent)
{
    if (spent <= 0)
        return {};
    const qint64 days = qMax<qint64>(balance, 0) * TokenInsights::RateDays / spent;
    return today.addDays(qMin<qint64>(days, 36'500));
}

struct BudgetRow {
    qint64 id = 0;
    QString name;
    qint64 alertBelow = -1;
    qint64 balance = 0;
};

// Budget accounts with what they hold (the lots' summary, which the verifier keeps equal to the entries).
Result<QList<BudgetRow>> budgets(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT a.id, a.name, coalesce(a.alert_below, -1), "
                             "(SELECT coalesce(sum(h.tokens), 0) FROM token_lot_holdings h WHERE h.account_id = a.id) "
                             "FROM token_accounts a WHERE a.kind = ? ORDER BY a.id"));
    q.addBindValue(accountKindKey(TokenAccountKind::Budget));
    if (!q.exec())
        return std::unexpected(readError(q));
    QList<BudgetRow> rows;
    while (q.next())
        rows.append(BudgetRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return rows;
}

} // namespace

// Spending by hour since a moment, from the summary table.
struct TokenInsights::Spending {
    struct Hour {
        qint64 hour;
        qint64 accountId;
        qint64 tokens;
    };
    QList<Hour> hours;
};

TokenInsights::TokenInsights(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

QString TokenInsights::kindKey(TokenAlert::Kind kind)
{
    switch (kind) {
    case TokenAlert::Kind::BelowThreshold:
        return QStringLiteral("below_threshold");
    case TokenAlert::Kind::RunsOut:
        return QStringLiteral("runs_out");
    case TokenAlert::Kind::Expiring:
        return QStringLiteral("expiring");
    case TokenAlert::Kind::ScheduledNeed:
        break;
    }
    return QStringLiteral("scheduled_need");
}

QDate TokenInsights::today() const
{
    return m_clock.nowUtc().toLocalTime().date();
}

Result<TokenInsights::Spending> TokenInsights::spending(qint64 fromMs) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT hour, account_id, tokens FROM token_spend_hours WHERE hour >= ? ORDER BY hour"));
    q.addBindValue(fromMs / HourMs);
    if (!q.exec())
        return std::unexpected(readError(q));
    Spending spending;
    while (q.next())
        spending.hours.append(Spending::Hour{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    return spending;
}

Result<TokenUsageReport> TokenInsights::usage(int days) const
{
    if (days < 1 || days > MaxDays)
        return fail(ErrorCode::InvalidInput, tr("Choose between 1 and %1 days.").arg(MaxDays));
    const QSqlDatabase db = m_database.connection();
    Transaction snapshot(db); // one consistent view (rolled back: nothing written)
    const QDate last = today();
    const QDate first = last.addDays(-(days - 1));
    const Result<Spending> spent = spending(QDateTime(first, QTime(0, 0)).toMSecsSinceEpoch());
    if (!spent)
        return std::unexpected(spent.error());
    const Result<QList<BudgetRow>> accounts = budgets(db);
    if (!accounts)
        return std::unexpected(accounts.error());

    TokenUsageReport report;
    report.days = days;
    for (QDate date = first; date <= last; date = date.addDays(1))
        report.byDay.append(TokenUsageReport::Day{date, 0, {}});
    QHash<qint64, qint64> byAccount;
    for (const Spending::Hour &hour : spent->hours) {
        const QDate date = QDateTime::fromMSecsSinceEpoch(hour.hour * HourMs).toLocalTime().date();
        const qint64 index = std::clamp<qint64>(first.daysTo(date), 0, days - 1);
        TokenUsageReport::Day &day = report.byDay[index];
        day.tokens += hour.tokens;
        day.byAccount[hour.accountId] += hour.tokens;
        byAccount[hour.accountId] += hour.tokens;
        report.spent += hour.tokens;
    }
    for (const BudgetRow &account : *accounts)
        report.byAccount.append(TokenUsageReport::Account{account.id, account.name, byAccount.value(account.id)});
    std::stable_sort(report.byAccount.begin(), report.byAccount.end(),
                     [](const TokenUsageReport::Account &a, const TokenUsageReport::Account &b) { return a.tokens > b.tokens; });
    return report;
}

Result<TokenOutlook> TokenInsights::outlook() const
{
    const QSqlDatabase db = m_database.connection();
    Transaction snapshot(db); // one consistent view (rolled back: nothing written)
    const qint64 now = m_clock.nowMs();
    const QDate day = today();
    const Result<QList<BudgetRow>> accounts = budgets(db);
    if (!accounts)
        return std::unexpected(accounts.error());
    const Result<Spending> spent = spending(now - RateDays * DayMs);
    if (!spent)
        return std::unexpected(spent.error());

    TokenOutlook outlook;
    QHash<qint64, qint64> spentBy;
    qint64 spentAll = 0;
    for (const Spending::Hour &hour : spent->hours) {
        spentBy[hour.accountId] += hour.tokens;
        spentAll += hour.tokens;
    }
    QHash<qint64, int> indexOf;
    for (const BudgetRow &row : *accounts) {
        TokenOutlook::Account account;
        account.accountId = row.id;
        account.name = row.name;
        account.balance = row.balance;
        account.alertBelow = row.alertBelow;
        account.perDay = double(spentBy.value(row.id)) / RateDays;
        account.runsOut = runsOutOn(day, row.balance, spentBy.value(row.id));
        indexOf.insert(row.id, int(outlook.accounts.size()));
        outlook.accounts.append(account);
        outlook.balance += row.balance;
    }
    outlook.perDay = double(spentAll) / RateDays;
    outlook.runsOut = runsOutOn(day, outlook.balance, spentAll);

    // The plan in force: the best plan with purchased tokens that have not expired.
    const Result<QList<TokenLot>> inForce = LotBook(db).purchasedInForce(now);
    if (!inForce)
        return std::unexpected(inForce.error());
    std::optional<Plan> best;
    for (const TokenLot &lot : *inForce) {
        const std::optional<Plan> plan = Plan::find(lot.plan);
        if (plan && (!best || plan->tier > best->tier))
            best = plan;
    }
    outlook.plan = best ? best->key() : QString();

    // What expires soon, by account and day.
    const Result<QList<TokenLot>> soon
        = LotBook(db).holdings(QStringLiteral("AND a.kind = ? AND l.expires_at IS NOT NULL AND l.expires_at <= ?"),
                               {accountKindKey(TokenAccountKind::Budget), now + ExpiringDays * DayMs});
    if (!soon)
        return std::unexpected(soon.error());
    for (const TokenLot &lot : *soon) {
        const QDate on = lot.expires.toLocalTime().date();
        auto same = std::find_if(outlook.expiring.begin(), outlook.expiring.end(),
                                 [&](const TokenOutlook::Expiring &e) { return e.accountId == lot.accountId && e.on == on; });
        if (same != outlook.expiring.end())
            same->tokens += lot.remaining;
        else
            outlook.expiring.append(TokenOutlook::Expiring{lot.accountId, lot.accountName, lot.remaining, on});
    }

    // Scheduled campaigns: one-offs hold theirs; repeating ones reserve each time they go.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT coalesce(account_id, 0), tokens, status, scheduled_at, recurrence, recur_until "
                             "FROM campaigns WHERE status IN ('scheduled', 'recurring') AND tokens > 0"));
    if (!q.exec())
        return std::unexpected(readError(q));
    const QDateTime horizon = QDateTime::fromMSecsSinceEpoch(now + NeedDays * DayMs);
    while (q.next()) {
        const qint64 accountId = q.value(0).toLongLong();
        const qint64 tokens = q.value(1).toLongLong();
        if (q.value(2).toString() == QStringLiteral("scheduled")) {
            outlook.heldByScheduled += tokens;
            continue;
        }
        const std::optional<Recurrence> rule = Recurrence::fromRule(q.value(4).toString());
        if (!rule || !rule->isRepeating() || !rule->isValid() || q.value(3).isNull())
            continue;
        const QDateTime until = q.value(5).isNull() ? horizon : QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong());
        const QDateTime end = qMin(horizon, until);
        int occurrences = 0;
        for (QDateTime at = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong()).toLocalTime();
             at.isValid() && at <= end && occurrences < MaxOccurrences; at = rule->next(at)) {
            ++occurrences;
        }
        outlook.neededByScheduled += tokens * occurrences;
        if (const auto it = indexOf.constFind(accountId); it != indexOf.cend())
            outlook.accounts[*it].neededByScheduled += tokens * occurrences;
    }

    // The same, said.
    for (const TokenOutlook::Account &account : std::as_const(outlook.accounts)) {
        if (account.runsOut.isValid())
            outlook.messages
                << tr("At this rate %1 runs out on %2.").arg(tokenAccountLabel(account.name), dayText(account.runsOut));
    }
    QMap<QDate, qint64> expiringOn;
    for (const TokenOutlook::Expiring &e : std::as_const(outlook.expiring))
        expiringOn[e.on] += e.tokens;
    for (auto it = expiringOn.cbegin(); it != expiringOn.cend(); ++it)
        outlook.messages
            << tr("%Ln token(s) expire on %1.", nullptr, int(qMin<qint64>(it.value(), INT_MAX))).arg(dayText(it.key()));
    if (outlook.neededByScheduled > 0) {
        outlook.messages << tr("Your repeating campaigns need %1 tokens over the next %2 days; you have %3.")
                                .arg(number(outlook.neededByScheduled), QString::number(NeedDays), number(outlook.balance));
    }
    return outlook;
}

Result<QList<TokenAlert>> TokenInsights::alerts() const
{
    const Result<TokenOutlook> outlook = this->outlook();
    if (!outlook)
        return std::unexpected(outlook.error());
    const QDate soon = today().addDays(AlertDays);
    QList<TokenAlert> alerts;
    for (const TokenOutlook::Account &account : outlook->accounts) {
        const QString label = tokenAccountLabel(account.name);
        if (account.alertBelow >= 0 && account.balance < account.alertBelow) {
            alerts.append(TokenAlert{TokenAlert::Kind::BelowThreshold, account.accountId, account.name,
                                     tr("%1 has %2 tokens left, below its warning level of %3.")
                                         .arg(label, number(account.balance), number(account.alertBelow))});
        }
        if (account.runsOut.isValid() && account.runsOut <= soon) {
            alerts.append(TokenAlert{TokenAlert::Kind::RunsOut, account.accountId, account.name,
                                     tr("At this rate %1 runs out on %2.").arg(label, dayText(account.runsOut))});
        }
        for (const TokenOutlook::Expiring &e : outlook->expiring) {
            if (e.accountId != account.accountId || e.on > soon)
                continue;
            alerts.append(TokenAlert{
                TokenAlert::Kind::Expiring, account.accountId, account.name,
                tr("%Ln token(s) in %1 expire on %2.", nullptr, int(qMin<qint64>(e.tokens, INT_MAX))).arg(label, dayText(e.on))});
        }
        if (account.neededByScheduled > 0 && account.neededByScheduled > account.balance) {
            alerts.append(TokenAlert{
                TokenAlert::Kind::ScheduledNeed, account.accountId, account.name,
                tr("Repeating campaigns need %1 tokens from %2 over the next %3 days; it has %4.")
                    .arg(number(account.neededByScheduled), label, QString::number(NeedDays), number(account.balance))});
        }
    }
    return alerts;
}

} // namespace kengele
