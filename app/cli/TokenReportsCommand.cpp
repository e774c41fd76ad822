// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenReportsCommand.h"

#include "TokensCommand.h"

#include "profile/Profile.h"
#include "storage/Database.h"
#include "sync/FeatureLocks.h"
#include "tokens/TokenInsights.h"
#include "tokens/TokenKinds.h"
#include "tokens/TokenLedger.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace kengele {

namespace {

constexpr int DefaultDays = 30;
constexpr int DefaultLimit = 100;
constexpr int MaxLimit = 10'000;

QJsonValue dateOrNull(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// Tokens per day with two decimals (JSON), as people read it otherwise.
double rounded(double perDay)
{
    return std::round(perDay * 100) / 100;
}

} // namespace

QStringList TokenReportsCommand::words()
{
    return {QStringLiteral("usage"), QStringLiteral("insights"), QStringLiteral("alerts"), QStringLiteral("history")};
}

int TokenReportsCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("usage"))
        return usage();
    if (sub == QStringLiteral("insights"))
        return insights();
    if (sub == QStringLiteral("alerts"))
        return alerts();
    if (sub == QStringLiteral("history"))
        return history();
    return m_cli.usage(TokensCommand::usageLine());
}

int TokenReportsCommand::usage()
{
    if (!m_cli.allowOnly({QStringLiteral("days")}))
        return BadUsage;
    int days = DefaultDays;
    if (m_cli.args().has(QStringLiteral("days"))) {
        bool ok = false;
        days = m_cli.args().value(QStringLiteral("days")).toInt(&ok);
        if (!ok || days < 1 || days > TokenInsights::MaxDays)
            return m_cli.usage(
                tr("Give the number of days as a whole number from 1 to %1: --days 90").arg(TokenInsights::MaxDays));
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status allowed = m_cli.profile().features().check(PlanFeature::Analytics); !allowed)
        return m_cli.failed(allowed.error());
    const TokenInsights insights(m_cli.profile().database(), m_cli.clock());
    const Result<TokenUsageReport> report = insights.usage(days);
    if (!report)
        return m_cli.failed(report.error());
    if (m_cli.json()) {
        QJsonArray byDay;
        for (const TokenUsageReport::Day &day : report->byDay)
            byDay.append(
                QJsonObject{{QStringLiteral("date"), day.date.toString(Qt::ISODate)}, {QStringLiteral("tokens"), day.tokens}});
        QJsonArray byAccount;
        for (const TokenUsageReport::Account &account : report->byAccount)
            byAccount.append(QJsonObject{{QStringLiteral("account"), account.name}, {QStringLiteral("tokens"), account.tokens}});
        m_cli.printJson(QJsonObject{{QStringLiteral("days"), report->days},
                                    {QStringLiteral("spent"), report->spent},
                                    {QStringLiteral("by_day"), byDay},
                                    {QStringLiteral("by_account"), byAccount}});
        return Done;
    }
    m_cli.out() << tr("Tokens spent in the last %1 days: %2").arg(report->days).arg(report->spent) << '\n';
    for (const TokenUsageReport::Day &day : report->byDay) {
        if (day.tokens > 0)
            m_cli.out() << "  " << CliContext::padded(QLocale().toString(day.date, QLocale::ShortFormat), 14) << day.tokens
                        << '\n';
    }
    for (const TokenUsageReport::Account &account : report->byAccount)
        m_cli.out() << tr("%1: %2 tokens").arg(account.name).arg(account.tokens) << '\n';
    m_cli.out() << Qt::flush;
    return Done;
}

int TokenReportsCommand::insights()
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status allowed = m_cli.profile().features().check(PlanFeature::Analytics); !allowed)
        return m_cli.failed(allowed.error());
    const TokenInsights insights(m_cli.profile().database(), m_cli.clock());
    const Result<TokenOutlook> outlook = insights.outlook();
    if (!outlook)
        return m_cli.failed(outlook.error());
    if (m_cli.json()) {
        QJsonArray expiring;
        for (const TokenOutlook::Expiring &e : outlook->expiring) {
            expiring.append(QJsonObject{{QStringLiteral("account"), e.account},
                                        {QStringLiteral("tokens"), e.tokens},
                                        {QStringLiteral("on"), e.on.toString(Qt::ISODate)}});
        }
        QJsonArray accounts;
        for (const TokenOutlook::Account &a : outlook->accounts) {
            accounts.append(QJsonObject{
                {QStringLiteral("account"), a.name},
                {QStringLiteral("balance"), a.balance},
                {QStringLiteral("per_day"), rounded(a.perDay)},
                {QStringLiteral("runs_out"), dateOrNull(a.runsOut)},
                {QStringLiteral("alert_below"), a.alertBelow >= 0 ? QJsonValue(a.alertBelow) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("needed_by_scheduled"), a.neededByScheduled}});
        }
        m_cli.printJson(QJsonObject{{QStringLiteral("balance"), outlook->balance},
                                    {QStringLiteral("per_day"), rounded(outlook->perDay)},
                                    {QStringLiteral("runs_out"), dateOrNull(outlook->runsOut)},
                                    {QStringLiteral("plan"), outlook->plan},
                                    {QStringLiteral("expiring"), expiring},
                                    {QStringLiteral("needed_by_scheduled"), outlook->neededByScheduled},
                                    {QStringLiteral("held_by_scheduled"), outlook->heldByScheduled},
                                    {QStringLiteral("accounts"), accounts},
                                    {QStringLiteral("messages"), QJsonArray::fromStringList(outlook->messages)}});
        return Done;
    }
    m_cli.out() << tr("Balance: %1 tokens").arg(outlook->balance) << '\n';
    if (!outlook->plan.isEmpty())
        m_cli.out() << tr("Plan in force: %1").arg(outlook->plan) << '\n';
    m_cli.out()
        << tr("Spent per day (last %1 days): %2").arg(TokenInsights::RateDays).arg(QLocale().toString(outlook->perDay, 'f', 1))
        << '\n';
    for (const QString &message : outlook->messages)
        m_cli.out() << message << '\n';
    m_cli.out() << Qt::flush;
    return Done;
}

int TokenReportsCommand::alerts()
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const TokenInsights insights(m_cli.profile().database(), m_cli.clock());
    const Result<QList<TokenAlert>> alerts = insights.alerts();
    if (!alerts)
        return m_cli.failed(alerts.error());
    if (m_cli.json()) {
        QJsonArray array;
        for (const TokenAlert &alert : *alerts) {
            array.append(QJsonObject{{QStringLiteral("kind"), TokenInsights::kindKey(alert.kind)},
                                     {QStringLiteral("account"), alert.account},
                                     {QStringLiteral("message"), alert.message}});
        }
        m_cli.printJson(array);
        return Done;
    }
    if (alerts->isEmpty())
        m_cli.out() << tr("Nothing to warn about.") << '\n';
    for (const TokenAlert &alert : *alerts)
        m_cli.out() << alert.message << '\n';
    m_cli.out() << Qt::flush;
    return Done;
}

int TokenReportsCommand::history()
{
    if (!m_cli.allowOnly({QStringLiteral("account"), QStringLiteral("limit")}))
        return BadUsage;
    int limit = DefaultLimit;
    if (m_cli.args().has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = m_cli.args().value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > MaxLimit)
            return m_cli.usage(tr("Give how many lines to show as a whole number from 1 to %1: --limit 50").arg(MaxLimit));
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    TokenLedger &ledger = m_cli.profile().tokens();
    QList<TokenAccount> accounts;
    if (m_cli.args().has(QStringLiteral("account"))) {
        const auto found = ledger.findAccount(m_cli.args().value(QStringLiteral("account")));
        if (!found)
            return m_cli.failed(found.error());
        accounts.append(*found);
    } else {
        const auto budgets = ledger.budgetAccounts();
        if (!budgets)
            return m_cli.failed(budgets.error());
        accounts = *budgets;
    }
    struct Line {
        QString account;
        TokenHistoryEntry entry;
    };
    QList<Line> lines;
    for (const TokenAccount &account : std::as_const(accounts)) {
        const auto entries = ledger.history(account.id, limit);
        if (!entries)
            return m_cli.failed(entries.error());
        for (const TokenHistoryEntry &entry : *entries)
            lines.append(Line{account.name, entry});
    }
    // Newest first across accounts (a transfer between two budgets shows on both).
    std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) {
        return a.entry.transferId != b.entry.transferId ? a.entry.transferId > b.entry.transferId
                                                        : a.entry.amount < b.entry.amount;
    });
    if (lines.size() > limit)
        lines.resize(limit);
    if (m_cli.json()) {
        QJsonArray array;
        for (const Line &line : std::as_const(lines)) {
            array.append(QJsonObject{{QStringLiteral("time"), CliContext::timeOrNull(line.entry.created)},
                                     {QStringLiteral("kind"), transferKindKey(line.entry.kind)},
                                     {QStringLiteral("tokens"), line.entry.amount},
                                     {QStringLiteral("account"), line.account},
                                     {QStringLiteral("reference"), line.entry.reference},
                                     {QStringLiteral("reason"), line.entry.reason},
                                     {QStringLiteral("user"), line.entry.user}});
        }
        m_cli.printJson(array);
        return Done;
    }
    for (const Line &line : std::as_const(lines)) {
        m_cli.out() << CliContext::padded(CliContext::localTime(line.entry.created), 18) << CliContext::padded(line.account, 14)
                    << CliContext::padded(TokenLedger::kindName(line.entry.kind), 26)
                    << CliContext::padded(
                           (line.entry.amount > 0 ? QStringLiteral("+") : QString()) + QString::number(line.entry.amount), 9)
                    << line.entry.reason << '\n';
    }
    m_cli.out() << Qt::flush;
    return Done;
}

} // namespace kengele
