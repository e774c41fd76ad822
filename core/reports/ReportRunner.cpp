// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportRunner.h"

#include "ReportCharts.h"
#include "ReportRegistry.h"
#include "storage/Database.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace kengele {

namespace {

constexpr qint64 DayMs = 86400000;

} // namespace

QString ReportRunner::timeExpression(const QString &dimension, const QString &seconds, int offset)
{
    const QString at = QStringLiteral("%1 + %2, 'unixepoch'").arg(seconds).arg(offset);
    if (dimension == u"day")
        return QStringLiteral("date(%1)").arg(at);
    if (dimension == u"week") // the week's Monday
        return QStringLiteral("date(%1, 'weekday 0', '-6 days')").arg(at);
    return QStringLiteral("date(%1, 'start of month')").arg(at);
}

namespace {

QVariant measureValue(ReportColumn::Kind unit, const QVariant &value)
{
    if (value.isNull())
        return unit == ReportColumn::Kind::Count ? QVariant(qint64(0)) : QVariant();
    if (unit == ReportColumn::Kind::Count)
        return value.toLongLong();
    return value.toDouble();
}

} // namespace

ReportRunner::ReportRunner(const Database &database)
    : m_database(database)
{ }

Status ReportRunner::validate(const ReportQuery &query)
{
    const ReportRegistry &registry = ReportRegistry::instance();
    const ReportMeasure *measure = registry.measure(query.measure);
    if (!measure)
        return fail(ErrorCode::InvalidInput, tr("There is no measure called “%1”.").arg(query.measure));
    if (query.groupBy.size() > 2)
        return fail(ErrorCode::InvalidInput, tr("A report is grouped by two things at most."));
    for (const QString &dimension : query.groupBy) {
        if (!measure->groupings.contains(dimension))
            return fail(
                ErrorCode::InvalidInput,
                tr("“%1” cannot be grouped by “%2”.")
                    .arg(measure->title, registry.dimension(dimension) ? registry.dimension(dimension)->title : dimension));
    }
    for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it) {
        if (!measure->groupings.contains(it.key()))
            return fail(ErrorCode::InvalidInput, tr("“%1” cannot be narrowed by “%2”.").arg(measure->title, it.key()));
    }
    if (!query.period.from().isValid() || query.period.from() > query.period.to())
        return fail(ErrorCode::InvalidInput, tr("The report has no period."));
    return {};
}

Result<ReportRunner::Sql> ReportRunner::build(const ReportMeasure &measure, const ReportSource &source,
                                              const ReportQuery &query) const
{
    const int offset = query.period.utcOffsetSeconds();
    const ReportRegistry &registry = ReportRegistry::instance();
    QStringList values, joins;
    for (const QString &key : query.groupBy) {
        if (registry.dimension(key)->kind == DimensionKind::Time) {
            values << timeExpression(key, source.seconds, offset);
            continue;
        }
        const DimensionBinding binding = source.dimensions.value(key);
        values << binding.value;
        if (!binding.join.isEmpty() && !joins.contains(binding.join))
            joins << binding.join;
    }
    Sql sql;
    QStringList where = {QStringLiteral("%1 >= ? AND %1 < ?").arg(source.time)};
    sql.binds << query.period.fromMs() / source.timeUnitMs << (query.period.endMs() + source.timeUnitMs - 1) / source.timeUnitMs;
    if (!measure.condition.isEmpty())
        where << QStringLiteral("(%1)").arg(measure.condition);
    for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it) {
        const ReportDimension *dimension = registry.dimension(it.key());
        if (dimension->kind == DimensionKind::Time) {
            where << timeExpression(it.key(), source.seconds, offset) + QStringLiteral(" = ?");
            sql.binds << sqlText(it.value());
            continue;
        }
        const DimensionBinding binding = source.dimensions.value(it.key());
        where << (binding.filter.isEmpty() ? binding.value + QStringLiteral(" = ?") : binding.filter);
        if (dimension->kind == DimensionKind::Id) {
            bool number = false;
            const qint64 id = it.value().toLongLong(&number);
            if (!number)
                return fail(ErrorCode::InvalidInput, tr("%1: “%2” is not a number.").arg(dimension->title, it.value()));
            sql.binds << id;
        } else {
            sql.binds << sqlText(it.value());
        }
    }
    QStringList columns = values;
    columns << measure.value;
    sql.text = QStringLiteral("SELECT %1 FROM %2 %3 WHERE %4")
                   .arg(columns.join(QStringLiteral(", ")), source.from, joins.join(QLatin1Char(' ')),
                        where.join(QStringLiteral(" AND ")));
    if (!values.isEmpty()) {
        QStringList positions;
        for (int i = 1; i <= values.size(); ++i)
            positions << QString::number(i);
        sql.text += QStringLiteral(" GROUP BY ") + positions.join(QStringLiteral(", "));
    }
    return sql;
}

Result<QList<QVariantList>> ReportRunner::select(const Sql &sql) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql.text))
        return std::unexpected(Database::storageError(q.lastError(), tr("Working out the report")));
    for (const QVariant &bind : sql.binds)
        q.addBindValue(bind);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Working out the report")));
    QList<QVariantList> rows;
    const int columns = q.record().count();
    while (q.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << q.value(i);
        rows << row;
    }
    return rows;
}

Result<QVariant> ReportRunner::total(const QString &measureKey, const Period &period, const QMap<QString, QString> &filters) const
{
    const ReportQuery query{measureKey, {}, period, filters};
    if (Status ok = validate(query); !ok)
        return std::unexpected(ok.error());
    const ReportMeasure *measure = ReportRegistry::instance().measure(measureKey);
    if (measure->source == u"numbers")
        return numbers(measureKey, period);
    const Result<Sql> sql = build(*measure, *ReportRegistry::instance().source(measure->source), query);
    if (!sql)
        return std::unexpected(sql.error());
    const Result<QList<QVariantList>> rows = select(*sql);
    if (!rows)
        return std::unexpected(rows.error());
    return measureValue(measure->unit, rows->isEmpty() ? QVariant() : rows->first().first());
}

Result<QVariant> ReportRunner::numbers(const QString &measure, const Period &period) const
{
    // Each number's last delivery and last failure (number_activity, schema 13) answer for a period
    // that reaches them all (this month, the last 3 or 12 months: they end today): no later
    // delivery or failure can hide an earlier one. For a period that ends before some of them, the
    // outbox answers (below).
    {
        Sql latest;
        latest.text
            = QStringLiteral("SELECT (SELECT max(last_delivered_at) FROM number_activity WHERE last_delivered_at IS NOT NULL), "
                             "(SELECT max(last_failed_at) FROM number_activity WHERE last_failed_at IS NOT NULL)");
        const Result<QList<QVariantList>> times = select(latest);
        if (!times)
            return std::unexpected(times.error());
        const QVariantList &row = times->first();
        if (row.value(0).toLongLong() < period.endMs() && row.value(1).toLongLong() < period.endMs()) {
            Sql sql;
            if (measure == u"active_numbers") {
                sql.text = QStringLiteral("SELECT count(*) FROM number_activity WHERE last_delivered_at >= ? "
                                          "AND last_delivered_at < ?");
                sql.binds << period.endMs() - qint64(ReportRegistry::ActiveDays) * DayMs << period.endMs();
            } else {
                // Failed in the period (its last failure is in it: none came after), delivered to
                // before it and not since (its last delivery is before the period).
                sql.text = QStringLiteral("SELECT count(*) FROM number_activity WHERE last_failed_at >= ? "
                                          "AND last_failed_at < ? AND last_delivered_at < ?");
                sql.binds << period.fromMs() << period.endMs() << period.fromMs();
            }
            const Result<QList<QVariantList>> rows = select(sql);
            if (!rows)
                return std::unexpected(rows.error());
            return rows->isEmpty() ? qint64(0) : rows->first().first().toLongLong();
        }
    }
    // The campaigns the summary says had such messages, then their rows by the outbox_queue index
    // (campaign_id, state, due_at).
    Sql sql;
    if (measure == u"active_numbers") {
        const qint64 from = period.endMs() - qint64(ReportRegistry::ActiveDays) * DayMs;
        sql.text = QStringLiteral(
            "SELECT count(DISTINCT o.phone) FROM outbox o WHERE o.campaign_id IN (SELECT DISTINCT campaign_id FROM "
            "message_stats WHERE hour >= ? AND hour < ? AND state = 'delivered') AND o.state = 'delivered' "
            "AND coalesce(o.attempted_at, o.updated_at) >= ? AND coalesce(o.attempted_at, o.updated_at) < ? "
            "AND o.phone NOT LIKE 'forgotten:%'");
        sql.binds << from / 3600000 << period.endHour() << from << period.endMs();
    } else {
        sql.text
            = QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT o.phone AS phone FROM outbox o WHERE o.campaign_id IN ("
                             "SELECT DISTINCT campaign_id FROM message_stats WHERE hour >= ? AND hour < ? AND state = 'failed') "
                             "AND o.state = 'failed' AND coalesce(o.attempted_at, o.updated_at) >= ? "
                             "AND coalesce(o.attempted_at, o.updated_at) < ? AND o.phone NOT LIKE 'forgotten:%') p "
                             "WHERE EXISTS (SELECT 1 FROM outbox d WHERE d.phone = p.phone AND d.state = 'delivered' "
                             "AND coalesce(d.attempted_at, d.updated_at) < ?) "
                             "AND NOT EXISTS (SELECT 1 FROM outbox d WHERE d.phone = p.phone AND d.state = 'delivered' "
                             "AND coalesce(d.attempted_at, d.updated_at) >= ?)");
        sql.binds << period.fromHour() << period.endHour() << period.fromMs() << period.endMs() << period.fromMs()
                  << period.fromMs();
    }
    const Result<QList<QVariantList>> rows = select(sql);
    if (!rows)
        return std::unexpected(rows.error());
    return rows->isEmpty() ? qint64(0) : rows->first().first().toLongLong();
}

Result<QHash<qint64, QString>> ReportRunner::names(const QString &dimension, const QList<qint64> &ids) const
{
    QHash<qint64, QString> names;
    if (ids.isEmpty())
        return names;
    const QString table = dimension == u"campaign" ? QStringLiteral("campaigns")
        : dimension == u"group"                    ? QStringLiteral("groups")
                                                   : QStringLiteral("token_accounts");
    QStringList list;
    for (const qint64 id : ids)
        list << QString::number(id);
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT id, name FROM %1 WHERE id IN (%2)").arg(table, list.join(QLatin1Char(',')))))
        return std::unexpected(Database::storageError(q.lastError(), tr("Working out the report")));
    while (q.next())
        names.insert(q.value(0).toLongLong(), q.value(1).toString());
    return names;
}

QString ReportRunner::label(const QString &dimension, const QVariant &key) const
{
    const QLocale locale;
    const ReportDimension *known = ReportRegistry::instance().dimension(dimension);
    if (!known)
        return key.toString();
    switch (known->kind) {
    case DimensionKind::Time: {
        const QDate date = key.typeId() == QMetaType::QDate ? key.toDate() : QDate::fromString(key.toString(), Qt::ISODate);
        if (dimension == u"week")
            return tr("Week of %1").arg(locale.toString(date, QLocale::ShortFormat));
        if (dimension == u"month")
            return locale.toString(date, QStringLiteral("MMMM yyyy"));
        return locale.toString(date, QLocale::ShortFormat);
    }
    case DimensionKind::Id: {
        const Result<QHash<qint64, QString>> found = names(dimension, {key.toLongLong()});
        if (found && found->contains(key.toLongLong()))
            return found->value(key.toLongLong());
        return tr("Number %1 (deleted)").arg(key.toLongLong());
    }
    case DimensionKind::Text:
        break;
    }
    const QString text = key.toString();
    if (dimension == u"network" && text.isEmpty())
        return tr("Unknown network");
    if (dimension == u"reason" && text.isEmpty())
        return tr("No reason given");
    if (dimension == u"reason")
        return reasonLabel(text);
    return text;
}

QString ReportRunner::reasonLabel(const QString &reason)
{
    // The provider's words ("AbsentSubscriber", "Failed: UserDoesNotExist") said plainly, with them
    // after in brackets (what a provider's help desk asks for, and how keyOf() reads them back).
    const QString plain = plainReason(reason);
    //: A failure reason: plain words, then the provider's own: "Phone off or out of reach (AbsentSubscriber)"
    return plain.isEmpty() ? reason : tr("%1 (%2)").arg(plain, reason);
}

QString ReportRunner::plainReason(const QString &reason)
{
    // "Status: failureReason" (DeliveryReportApplier) or a status alone; the reason says more.
    const qsizetype colon = reason.indexOf(u": ");
    const QString status = colon < 0 ? reason : reason.left(colon);
    const QString detail = colon < 0 ? QString() : reason.mid(colon + 2);
    const QString code = detail.isEmpty() ? status : detail;
    if (code == u"AbsentSubscriber")
        return tr("Phone off or out of reach");
    if (code == u"UserInBlacklist" || code == u"UserInBlackList")
        return tr("Blocks promotional SMS");
    if (code == u"UserDoesNotExist")
        return tr("Number does not exist");
    if (code == u"DeliveryFailure")
        return tr("The network could not deliver it");
    if (code == u"InsufficientCredit")
        return tr("Not enough credit with the provider");
    if (code == u"Expired")
        return tr("The network gave up on it");
    if (code == u"UserIsInactive")
        return tr("Number not in use");
    if (code == u"UserAccountSuspended")
        return tr("Line suspended");
    if (code == u"NotNetworkSubcriber" || code == u"NotNetworkSubscriber")
        return tr("Not on that network");
    if (code == u"DoNotDisturbRejection")
        return tr("Do-not-disturb is on");
    if (code == u"Rejected" || code == u"Failed")
        return tr("Refused by the network");
    return {};
}

QString ReportRunner::keyOf(const QString &dimension, const QVariant &cell) const
{
    if (cell.typeId() == QMetaType::QDate)
        return cell.toDate().toString(Qt::ISODate);
    const QString text = cell.toString();
    if ((dimension == u"network" || dimension == u"reason") && text == label(dimension, QString()))
        return QString();
    if (dimension == u"reason" && text.endsWith(u')')) {
        // "Phone off or out of reach (AbsentSubscriber)": the provider's words in the brackets. A
        // translation's words may hold brackets too: each " (" is tried until one reads back.
        for (qsizetype at = text.indexOf(u" ("); at >= 0; at = text.indexOf(u" (", at + 1)) {
            const QString candidate = text.mid(at + 2, text.size() - at - 3);
            if (label(dimension, candidate) == text)
                return candidate;
        }
    }
    return text;
}

Result<ReportTable> ReportRunner::run(const ReportQuery &query) const
{
    if (Status ok = validate(query); !ok)
        return std::unexpected(ok.error());
    const ReportRegistry &registry = ReportRegistry::instance();
    const ReportMeasure &measure = *registry.measure(query.measure);
    ReportTable table;
    table.title = measure.title;
    if (measure.source == u"numbers") {
        const Result<QVariant> value = numbers(measure.key, query.period);
        if (!value)
            return std::unexpected(value.error());
        table.columns = {{measure.key, measure.title, measure.unit}};
        table.rows = {{*value}};
        return table;
    }
    const Result<Sql> sql = build(measure, *registry.source(measure.source), query);
    if (!sql)
        return std::unexpected(sql.error());
    Result<QList<QVariantList>> rows = select(*sql);
    if (!rows)
        return std::unexpected(rows.error());
    // The names of the campaigns, groups and departments named.
    QHash<QString, QHash<qint64, QString>> names;
    for (int d = 0; d < query.groupBy.size(); ++d) {
        const QString &key = query.groupBy[d];
        const ReportDimension *dimension = registry.dimension(key);
        if (dimension->kind == DimensionKind::Time) {
            table.columns << ReportColumn{key, dimension->title, ReportColumn::Kind::Date};
        } else if (dimension->kind == DimensionKind::Id) {
            table.columns << ReportColumn{key + QStringLiteral("_id"), tr("Number"), ReportColumn::Kind::Count}
                          << ReportColumn{key, dimension->title, ReportColumn::Kind::Text};
            QList<qint64> ids;
            for (const QVariantList &row : std::as_const(*rows))
                ids << row[d].toLongLong();
            Result<QHash<qint64, QString>> found = this->names(key, ids);
            if (!found)
                return std::unexpected(found.error());
            names.insert(key, *found);
        } else {
            table.columns << ReportColumn{key, dimension->title, ReportColumn::Kind::Text};
        }
    }
    table.columns << ReportColumn{measure.key, measure.title, measure.unit};
    const int dimensions = int(query.groupBy.size());
    // Time in order; anything else largest first, then by key.
    const bool timeFirst = dimensions > 0 && registry.dimension(query.groupBy.first())->kind == DimensionKind::Time;
    std::stable_sort(rows->begin(), rows->end(), [&](const QVariantList &a, const QVariantList &b) {
        if (timeFirst)
            return a.first().toString() < b.first().toString();
        const double x = a.last().toDouble(), y = b.last().toDouble();
        if (x != y)
            return x > y;
        return a.first().toString() < b.first().toString();
    });
    for (const QVariantList &row : std::as_const(*rows)) {
        QVariantList cells;
        for (int d = 0; d < dimensions; ++d) {
            const QString &key = query.groupBy[d];
            switch (registry.dimension(key)->kind) {
            case DimensionKind::Time:
                cells << QDate::fromString(row[d].toString(), Qt::ISODate);
                break;
            case DimensionKind::Id: {
                const qint64 id = row[d].toLongLong();
                cells << id << names.value(key).value(id, tr("Number %1 (deleted)").arg(id));
                break;
            }
            case DimensionKind::Text:
                cells << label(key, row[d]);
                break;
            }
        }
        cells << measureValue(measure.unit, row.last());
        table.rows << cells;
    }
    if (dimensions > 0) {
        const Result<QVariant> total = this->total(measure.key, query.period, query.filters);
        if (!total)
            return std::unexpected(total.error());
        for (int i = 0; i < table.columns.size() - 1; ++i)
            table.totals << QVariant();
        table.totals << *total;
    }
    return table;
}

Result<ReportDocument> ReportRunner::document(const ReportQuery &query, const QString &title, const QDateTime &now) const
{
    const Result<ReportTable> table = run(query);
    if (!table)
        return std::unexpected(table.error());
    const ReportMeasure &measure = *ReportRegistry::instance().measure(query.measure);
    ReportDocument document;
    document.title = title;
    document.subtitle = query.period.describe();
    document.generatedAt = now.toUTC();
    ReportSection section;
    section.heading = measure.title;
    section.note = measure.note;
    if (query.groupBy.size() == 1) {
        const bool time = ReportRegistry::instance().dimension(query.groupBy[0])->kind == DimensionKind::Time;
        section.chart
            = ReportCharts::single(*this, *table, query.groupBy[0], time ? ReportChart::Kind::Line : ReportChart::Kind::Bar,
                                   measure.title, measure.title);
    } else if (query.groupBy.size() == 2) {
        section.chart = ReportCharts::stacked(*this, *table, query.groupBy[0], query.groupBy[1], measure.title, measure.title);
    }
    if (section.chart)
        ReportCharts::setMeasure(*section.chart, query.measure);
    section.table = *table;
    document.sections << section;
    return document;
}

} // namespace kengele
