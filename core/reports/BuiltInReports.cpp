// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BuiltInReports.h"

#include "ReportCharts.h"
#include "ReportRegistry.h"
#include "ReportRunner.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

using Kind = ReportColumn::Kind;

ReportSection section(const QString &heading, const QString &note = {})
{
    ReportSection s;
    s.heading = heading;
    s.note = note;
    return s;
}

} // namespace

QList<BuiltInReports::Entry> BuiltInReports::entries()
{
    return {{QStringLiteral("monthly-summary"), tr("Monthly messaging summary")},
            {QStringLiteral("campaign"), tr("Campaign report")},
            {QStringLiteral("failed-numbers"), tr("Failed numbers to clean up")},
            {QStringLiteral("opt-outs"), tr("Opt-outs")},
            {QStringLiteral("token-statement"), tr("Token statement per department")}};
}

bool BuiltInReports::isBuiltIn(const QString &key)
{
    const QList<Entry> all = entries();
    return std::any_of(all.cbegin(), all.cend(), [&](const Entry &entry) { return entry.key == key; });
}

BuiltInReports::BuiltInReports(const Database &database)
    : m_database(database)
{ }

Result<ReportDocument> BuiltInReports::run(const QString &key, const Period &period, const QDateTime &now,
                                           qint64 campaignId) const
{
    Result<ReportDocument> document = fail(ErrorCode::NotFound, tr("There is no built-in report called “%1”.").arg(key));
    if (key == u"monthly-summary")
        document = monthlySummary(period);
    else if (key == u"campaign")
        document = campaign(campaignId, now.toTimeZone(period.zone()).date());
    else if (key == u"failed-numbers")
        document = failedNumbers(period);
    else if (key == u"opt-outs")
        document = optOuts(period);
    else if (key == u"token-statement")
        document = tokenStatement(period);
    if (document) {
        document->generatedAt = now.toUTC();
        for (const Entry &entry : entries()) {
            if (entry.key == key && document->title.isEmpty())
                document->title = entry.title;
        }
        if (document->subtitle.isEmpty())
            document->subtitle = period.describe();
    }
    return document;
}

Result<ReportTable> BuiltInReports::totals(const QStringList &measures, const Period &period,
                                           const QMap<QString, QString> &filters) const
{
    const ReportRunner runner(m_database);
    ReportTable table;
    table.columns = {{QStringLiteral("measure"), tr("Measure"), Kind::Text},
                     {QStringLiteral("value"), tr("This period"), Kind::Number},
                     {QStringLiteral("previous"), tr("Period before"), Kind::Number}};
    for (const QString &key : measures) {
        const ReportMeasure *measure = ReportRegistry::instance().measure(key);
        const Result<QVariant> now = runner.total(key, period, filters);
        if (!now)
            return std::unexpected(now.error());
        const Result<QVariant> before = runner.total(key, period.previous(), filters);
        if (!before)
            return std::unexpected(before.error());
        // One column holds every measure's values, so the row says the unit a rate or an amount is in.
        QString title = measure->title;
        if (measure->unit == Kind::Percent)
            //: A measure in percent in the "In numbers" table: "Delivery rate (%)"
            title = tr("%1 (%)").arg(measure->title);
        else if (measure->unit == Kind::Money)
            //: A measure in shillings in the "In numbers" table: "Cost (KES)"
            title = tr("%1 (KES)").arg(measure->title);
        table.rows << QVariantList{title, *now, *before};
    }
    return table;
}

Result<ReportDocument> BuiltInReports::monthlySummary(const Period &period) const
{
    const ReportRunner runner(m_database);
    ReportDocument document;
    ReportSection overview = section(tr("In numbers"), tr("Each figure beside the same figure for the period before."));
    Result<ReportTable> numbers = totals({QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("failed"),
                                          QStringLiteral("delivery_rate"), QStringLiteral("replies"), QStringLiteral("opt_outs"),
                                          QStringLiteral("cost"), QStringLiteral("cost_per_delivered"), QStringLiteral("tokens"),
                                          QStringLiteral("contacts_added"), QStringLiteral("active_numbers")},
                                         period, {});
    if (!numbers)
        return std::unexpected(numbers.error());
    overview.table = *numbers;
    document.sections << overview;
    struct Part {
        QString measure;
        QString dimension;
        ReportChart::Kind kind;
        QString heading;
    };
    for (const Part &part :
         {Part{QStringLiteral("delivered"), QStringLiteral("week"), ReportChart::Kind::Line, tr("Delivered per week")},
          Part{QStringLiteral("delivery_rate"), QStringLiteral("campaign"), ReportChart::Kind::Bar,
               tr("Delivery rate per campaign")},
          Part{QStringLiteral("failed"), QStringLiteral("reason"), ReportChart::Kind::Pie, tr("Failures by reason")},
          Part{QStringLiteral("failed"), QStringLiteral("network"), ReportChart::Kind::Bar, tr("Failures by network")}}) {
        const Result<ReportTable> table = runner.run({part.measure, {part.dimension}, period, {}});
        if (!table)
            return std::unexpected(table.error());
        ReportSection s = section(part.heading);
        s.chart = ReportCharts::single(runner, *table, part.dimension, part.kind, part.heading, table->columns.last().title);
        s.table = *table;
        document.sections << s;
    }
    return document;
}

Result<ReportDocument> BuiltInReports::campaign(qint64 campaignId, QDate today) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT name, created_at FROM campaigns WHERE id = ?"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("There is no campaign number %1.").arg(campaignId));
    const QString name = q.value(0).toString();
    const QDate created = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC).toLocalTime().date();
    // Its whole life: from the day it was made to today (messages are counted by when they went).
    const Period life(std::min(created, today), today);
    const QMap<QString, QString> only = {{QStringLiteral("campaign"), QString::number(campaignId)}};
    const ReportRunner runner(m_database);
    ReportDocument document;
    document.title = tr("Campaign report: %1").arg(name);
    document.subtitle = life.describe();
    ReportSection overview = section(tr("Totals"));
    ReportTable totals;
    totals.columns
        = {{QStringLiteral("measure"), tr("Measure"), Kind::Text}, {QStringLiteral("value"), tr("Value"), Kind::Number}};
    for (const QString &key : {QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("failed"),
                               QStringLiteral("uncertain"), QStringLiteral("delivery_rate"), QStringLiteral("replies"),
                               QStringLiteral("opt_outs"), QStringLiteral("cost"), QStringLiteral("cost_per_delivered")}) {
        const Result<QVariant> value = runner.total(key, life, only);
        if (!value)
            return std::unexpected(value.error());
        totals.rows << QVariantList{ReportRegistry::instance().measure(key)->title, *value};
    }
    overview.table = totals;
    document.sections << overview;
    struct Part {
        QString measure;
        QString dimension;
        ReportChart::Kind kind;
        QString heading;
    };
    for (const Part &part :
         {Part{QStringLiteral("delivered"), QStringLiteral("day"), ReportChart::Kind::Line, tr("Deliveries by day")},
          Part{QStringLiteral("failed"), QStringLiteral("reason"), ReportChart::Kind::Pie, tr("Failures by reason")},
          Part{QStringLiteral("failed"), QStringLiteral("network"), ReportChart::Kind::Bar, tr("Failures by network")},
          Part{QStringLiteral("replies"), QStringLiteral("day"), ReportChart::Kind::Bar, tr("Replies by day")}}) {
        const Result<ReportTable> table = runner.run({part.measure, {part.dimension}, life, only});
        if (!table)
            return std::unexpected(table.error());
        ReportSection s = section(part.heading);
        s.chart = ReportCharts::single(runner, *table, part.dimension, part.kind, part.heading, table->columns.last().title);
        s.table = *table;
        document.sections << s;
    }
    return document;
}

Result<ReportDocument> BuiltInReports::failedNumbers(const Period &period) const
{
    // The campaigns with failures in the period (the summary), then their failed rows by the
    // outbox_queue index; one row per number, most failures first.
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT o.phone, max(o.name), count(*), max(coalesce(o.attempted_at, o.updated_at)), "
        "(SELECT r.reason FROM outbox r WHERE r.phone = o.phone AND r.state = 'failed' "
        " ORDER BY coalesce(r.attempted_at, r.updated_at) DESC LIMIT 1), max(o.network), "
        "(SELECT max(coalesce(d.attempted_at, d.updated_at)) FROM outbox d WHERE d.phone = o.phone AND d.state = 'delivered') "
        "FROM outbox o WHERE o.campaign_id IN (SELECT DISTINCT campaign_id FROM message_stats WHERE hour >= ? AND hour < ? "
        "AND state = 'failed') AND o.state = 'failed' AND coalesce(o.attempted_at, o.updated_at) >= ? "
        "AND coalesce(o.attempted_at, o.updated_at) < ? AND o.phone NOT LIKE 'forgotten:%' "
        "GROUP BY o.phone ORDER BY count(*) DESC, o.phone"));
    q.addBindValue(period.fromHour());
    q.addBindValue(period.endHour());
    q.addBindValue(period.fromMs());
    q.addBindValue(period.endMs());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the failed numbers")));
    ReportTable table;
    table.columns = {{QStringLiteral("phone"), tr("Phone"), Kind::Text},
                     {QStringLiteral("name"), tr("Name"), Kind::Text},
                     {QStringLiteral("failures"), tr("Failures"), Kind::Count},
                     {QStringLiteral("last_failed"), tr("Last failed"), Kind::DateTime},
                     {QStringLiteral("reason"), tr("Last reason"), Kind::Text},
                     {QStringLiteral("network"), tr("Network"), Kind::Text},
                     {QStringLiteral("last_delivered"), tr("Last delivered"), Kind::DateTime}};
    while (q.next()) {
        const QVariant delivered
            = q.value(6).isNull() ? QVariant() : QVariant(QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC));
        table.rows << QVariantList{q.value(0).toString(),
                                   q.value(1).toString(),
                                   q.value(2).toLongLong(),
                                   QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC),
                                   ReportRunner::reasonLabel(q.value(4).toString()),
                                   q.value(5).toString(),
                                   delivered};
    }
    ReportDocument document;
    ReportSection s = section(tr("Numbers whose messages failed"),
                              tr("Check these numbers with their owners, or remove them. A number that no message ever reached "
                                 "is probably wrong."));
    s.table = table;
    document.sections << s;
    return document;
}

Result<ReportDocument> BuiltInReports::optOuts(const Period &period) const
{
    const ReportRunner runner(m_database);
    ReportDocument document;
    const Result<ReportTable> perMonth = runner.run({QStringLiteral("opt_outs"), {QStringLiteral("month")}, period, {}});
    if (!perMonth)
        return std::unexpected(perMonth.error());
    ReportSection chart = section(tr("Opt-outs per month"));
    chart.chart
        = ReportCharts::single(runner, *perMonth, QStringLiteral("month"), ReportChart::Kind::Bar, chart.heading, tr("Numbers"));
    chart.table = *perMonth;
    document.sections << chart;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT f.phone, coalesce((SELECT name FROM contacts WHERE phone = f.phone), ''), f.reason, "
                             "f.source, f.at, f.ended FROM ("
                             "SELECT phone, reason, source, created_at AS at, NULL AS ended FROM opt_outs UNION ALL "
                             "SELECT phone, opted_out_reason, opted_out_source, opted_out_at, created_at FROM opt_ins WHERE "
                             "opted_out_at IS NOT NULL) f "
                             "WHERE f.at >= ? AND f.at < ? ORDER BY f.at DESC"));
    q.addBindValue(period.fromMs());
    q.addBindValue(period.endMs());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the opt-outs")));
    ReportTable table;
    table.columns = {{QStringLiteral("phone"), tr("Phone"), Kind::Text},
                     {QStringLiteral("name"), tr("Name"), Kind::Text},
                     {QStringLiteral("reason"), tr("Reason"), Kind::Text},
                     {QStringLiteral("source"), tr("How"), Kind::Text},
                     {QStringLiteral("opted_out"), tr("Opted out"), Kind::DateTime},
                     {QStringLiteral("allowed_again"), tr("Allowed again"), Kind::DateTime}};
    while (q.next()) {
        table.rows << QVariantList{
            q.value(0).toString(),
            q.value(1).toString(),
            q.value(2).toString(),
            q.value(3).toString(),
            QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC),
            q.value(5).isNull() ? QVariant() : QVariant(QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC))};
    }
    ReportSection list
        = section(tr("Every opt-out"), tr("For a number allowed to receive messages again since, the last column says when."));
    list.table = table;
    document.sections << list;
    return document;
}

Result<ReportDocument> BuiltInReports::tokenStatement(const Period &period) const
{
    const ReportRunner runner(m_database);
    ReportDocument document;
    const Result<ReportTable> perWeek
        = runner.run({QStringLiteral("tokens"), {QStringLiteral("week"), QStringLiteral("department")}, period, {}});
    if (!perWeek)
        return std::unexpected(perWeek.error());
    ReportSection chart = section(tr("Tokens used per department"));
    chart.chart = ReportCharts::stacked(runner, *perWeek, QStringLiteral("week"), QStringLiteral("department"), chart.heading,
                                        tr("Tokens"));
    chart.table = *perWeek;
    document.sections << chart;
    // Every movement on a department's budget in the period, account by account.
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral(
        "SELECT a.name, t.created_at, t.kind, e.amount, t.reason, coalesce(c.name, ''), t.user_name "
        "FROM token_transfers t JOIN token_entries e ON e.transfer_id = t.id JOIN token_accounts a ON a.id = e.account_id "
        "LEFT JOIN campaigns c ON c.id = t.campaign_id WHERE a.kind = 'budget' AND t.created_at >= ? AND t.created_at < ? "
        "ORDER BY a.name COLLATE NOCASE, t.created_at, t.id"));
    q.addBindValue(period.fromMs());
    q.addBindValue(period.endMs());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the token ledger")));
    ReportTable table;
    table.columns = {{QStringLiteral("account"), tr("Department"), Kind::Text},
                     {QStringLiteral("time"), tr("Time"), Kind::DateTime},
                     {QStringLiteral("kind"), tr("Kind"), Kind::Text},
                     {QStringLiteral("tokens"), tr("Tokens"), Kind::Count},
                     {QStringLiteral("reason"), tr("Reason"), Kind::Text},
                     {QStringLiteral("campaign"), tr("Campaign"), Kind::Text},
                     {QStringLiteral("user"), tr("By"), Kind::Text}};
    while (q.next()) {
        table.rows << QVariantList{q.value(0).toString(), QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC),
                                   q.value(2).toString(), q.value(3).toLongLong(),
                                   q.value(4).toString(), q.value(5).toString(),
                                   q.value(6).toString()};
    }
    ReportSection list = section(tr("Movements on each department's budget"),
                                 tr("Reserved when a campaign is launched, released for messages that were not sent."));
    list.table = table;
    document.sections << list;
    return document;
}

} // namespace kengele
