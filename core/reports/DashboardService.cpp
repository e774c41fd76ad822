// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DashboardService.h"

#include "ReportCharts.h"
#include "ReportRunner.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace kengele {

namespace {

QJsonValue json(const QVariant &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toDouble());
}

QJsonObject totalsJson(const DashboardNumbers::Totals &totals)
{
    return {{QStringLiteral("sent"), totals.sent},
            {QStringLiteral("delivered"), totals.delivered},
            {QStringLiteral("failed"), totals.failed},
            {QStringLiteral("delivery_rate"), json(totals.deliveryRate)},
            {QStringLiteral("replies"), totals.replies},
            {QStringLiteral("opt_outs"), totals.optOuts},
            {QStringLiteral("contacts_added"), totals.contactsAdded}};
}

} // namespace

QJsonObject DashboardNumbers::toJson() const
{
    QJsonObject object = totalsJson(totals);
    object.insert(QStringLiteral("period"),
                  QJsonObject{{QStringLiteral("from"), period.from().toString(Qt::ISODate)},
                              {QStringLiteral("to"), period.to().toString(Qt::ISODate)}});
    QJsonArray networks;
    for (const Network &network : byNetwork)
        networks.append(QJsonObject{{QStringLiteral("network"), network.network},
                                    {QStringLiteral("sent"), network.sent},
                                    {QStringLiteral("delivered"), network.delivered},
                                    {QStringLiteral("failed"), network.failed}});
    object.insert(QStringLiteral("by_network"), networks);
    QJsonArray reasons;
    for (const Reason &reason : byReason)
        reasons.append(QJsonObject{{QStringLiteral("reason"), reason.reason}, {QStringLiteral("count"), reason.count}});
    object.insert(QStringLiteral("by_reason"), reasons);
    QJsonArray accounts;
    for (const Account &account : tokensByAccount)
        accounts.append(QJsonObject{{QStringLiteral("account"), account.account}, {QStringLiteral("tokens"), account.tokens}});
    object.insert(QStringLiteral("tokens_by_account"), accounts);
    QJsonObject before = totalsJson(previous);
    const Period earlier = period.previous();
    before.insert(QStringLiteral("period"),
                  QJsonObject{{QStringLiteral("from"), earlier.from().toString(Qt::ISODate)},
                              {QStringLiteral("to"), earlier.to().toString(Qt::ISODate)}});
    object.insert(QStringLiteral("previous"), before);
    return object;
}

DashboardService::DashboardService(const Database &database)
    : m_database(database)
{ }

Result<DashboardNumbers::Totals> DashboardService::totals(const Period &period) const
{
    const ReportRunner runner(m_database);
    DashboardNumbers::Totals totals;
    // One read of the summary by state gives sent, delivered and failed.
    const Result<ReportTable> byState = runner.run({QStringLiteral("sent"), {QStringLiteral("state")}, period, {}});
    if (!byState)
        return std::unexpected(byState.error());
    for (const QVariantList &row : byState->rows) {
        const qint64 count = row.last().toLongLong();
        totals.sent += count;
        if (row.first().toString() == u"delivered")
            totals.delivered = count;
        else if (row.first().toString() == u"failed")
            totals.failed = count;
    }
    if (totals.sent > 0)
        totals.deliveryRate = std::round(1000.0 * double(totals.delivered) / double(totals.sent)) / 10.0;
    struct Count {
        const char *measure;
        qint64 *into;
    };
    for (const Count &count : {Count{"replies", &totals.replies}, Count{"opt_outs", &totals.optOuts},
                               Count{"contacts_added", &totals.contactsAdded}}) {
        const Result<QVariant> value = runner.total(QString::fromLatin1(count.measure), period);
        if (!value)
            return std::unexpected(value.error());
        *count.into = value->toLongLong();
    }
    return totals;
}

Result<DashboardNumbers> DashboardService::numbers(const Period &period) const
{
    const ReportRunner runner(m_database);
    DashboardNumbers numbers;
    numbers.period = period;
    Result<DashboardNumbers::Totals> now = totals(period);
    if (!now)
        return std::unexpected(now.error());
    numbers.totals = *now;
    Result<DashboardNumbers::Totals> before = totals(period.previous());
    if (!before)
        return std::unexpected(before.error());
    numbers.previous = *before;

    const Result<ReportTable> networks
        = runner.run({QStringLiteral("sent"), {QStringLiteral("network"), QStringLiteral("state")}, period, {}});
    if (!networks)
        return std::unexpected(networks.error());
    for (const QVariantList &row : networks->rows) {
        const QString network = runner.keyOf(QStringLiteral("network"), row[0]);
        auto it = std::find_if(numbers.byNetwork.begin(), numbers.byNetwork.end(),
                               [&](const DashboardNumbers::Network &n) { return n.network == network; });
        if (it == numbers.byNetwork.end())
            it = numbers.byNetwork.insert(numbers.byNetwork.end(), DashboardNumbers::Network{network, 0, 0, 0});
        const qint64 count = row.last().toLongLong();
        it->sent += count;
        if (row[1].toString() == u"delivered")
            it->delivered += count;
        else if (row[1].toString() == u"failed")
            it->failed += count;
    }
    std::stable_sort(numbers.byNetwork.begin(), numbers.byNetwork.end(),
                     [](const DashboardNumbers::Network &a, const DashboardNumbers::Network &b) { return a.sent > b.sent; });

    const Result<ReportTable> reasons = runner.run({QStringLiteral("failed"), {QStringLiteral("reason")}, period, {}});
    if (!reasons)
        return std::unexpected(reasons.error());
    for (const QVariantList &row : reasons->rows)
        numbers.byReason << DashboardNumbers::Reason{runner.keyOf(QStringLiteral("reason"), row[0]), row.last().toLongLong()};

    const Result<ReportTable> tokens = runner.run({QStringLiteral("tokens"), {QStringLiteral("department")}, period, {}});
    if (!tokens)
        return std::unexpected(tokens.error());
    for (const QVariantList &row : tokens->rows)
        numbers.tokensByAccount << DashboardNumbers::Account{row[0].toLongLong(), row[1].toString(), row.last().toLongLong()};
    return numbers;
}

Result<ReportDocument> DashboardService::document(const Period &period, const QDateTime &now) const
{
    const ReportRunner runner(m_database);
    ReportDocument document;
    document.title = tr("Dashboard");
    document.subtitle = period.describe();
    document.generatedAt = now.toUTC();
    struct Chart {
        QString measure;
        QStringList groupBy;
        ReportChart::Kind kind;
        QString heading;
        QString valueTitle;
        QString note;
    };
    const QList<Chart> charts = {
        {QStringLiteral("delivery_rate"),
         {QStringLiteral("campaign")},
         ReportChart::Kind::Bar,
         tr("Delivery rate per campaign"),
         tr("%"),
         tr("Delivered, out of each campaign's messages sent in the period.")},
        {QStringLiteral("failed"),
         {QStringLiteral("reason")},
         ReportChart::Kind::Pie,
         tr("Failures by reason"),
         tr("Messages"),
         tr("Why messages failed, as the provider said.")},
        {QStringLiteral("sent"),
         {QStringLiteral("network"), QStringLiteral("state")},
         ReportChart::Kind::StackedBar,
         tr("Messages by network"),
         tr("Messages"),
         tr("Messages sent to each network, by what became of them.")},
        {QStringLiteral("inbound"),
         {QStringLiteral("week")},
         ReportChart::Kind::Line,
         tr("Messages received per week"),
         tr("Messages"),
         tr("Every message that came in: replies, opt-outs and prayer requests.")},
        {QStringLiteral("tokens"),
         {QStringLiteral("week"), QStringLiteral("department")},
         ReportChart::Kind::StackedBar,
         tr("Tokens used per department"),
         tr("Tokens"),
         tr("Tokens spent week by week, by the budget that paid.")},
        {QStringLiteral("contacts_added"),
         {QStringLiteral("month")},
         ReportChart::Kind::Bar,
         tr("Contacts added per month"),
         tr("Contacts"),
         tr("Contacts created each month, by hand or imported.")},
    };
    for (const Chart &chart : charts) {
        const Result<ReportTable> table = runner.run({chart.measure, chart.groupBy, period, {}});
        if (!table)
            return std::unexpected(table.error());
        ReportSection section;
        section.heading = chart.heading;
        section.note = chart.note;
        section.chart = chart.groupBy.size() == 2
            ? ReportCharts::stacked(runner, *table, chart.groupBy[0], chart.groupBy[1], chart.heading, chart.valueTitle)
            : ReportCharts::single(runner, *table, chart.groupBy[0], chart.kind, chart.heading, chart.valueTitle);
        ReportCharts::setMeasure(*section.chart, chart.measure);
        section.table = *table;
        document.sections << section;
    }
    return document;
}

} // namespace kengele
