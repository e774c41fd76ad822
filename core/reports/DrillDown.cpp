// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DrillDown.h"

#include "ReportRegistry.h"
#include "ReportRunner.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace kengele {

namespace {

QString shownPhone(const QString &phone)
{
    return phone.startsWith(u"forgotten:") ? QString() : phone;
}

} // namespace

DrillDown::DrillDown(const Database &database)
    : m_database(database)
{ }

bool DrillDown::supports(const QString &measure)
{
    const ReportMeasure *known = ReportRegistry::instance().measure(measure);
    return known && known->source != u"numbers" && known->source != u"tokens";
}

Result<DrillDownPage> DrillDown::rows(const ReportQuery &query, int limit, int offset) const
{
    ReportQuery filtersOnly = query;
    filtersOnly.groupBy.clear();
    if (Status ok = ReportRunner::validate(filtersOnly); !ok)
        return std::unexpected(ok.error());
    if (limit <= 0 || limit > MaxLimit || offset < 0)
        return fail(ErrorCode::InvalidInput, tr("A page holds 1 to %1 rows.").arg(MaxLimit));
    const ReportMeasure *measure = ReportRegistry::instance().measure(query.measure);
    if (measure->source == u"messages")
        return messages(filtersOnly, limit, offset);
    if (measure->source == u"numbers" || measure->source == u"tokens")
        return fail(ErrorCode::Unsupported,
                    tr("“%1” has no list of rows behind it here (the token statement lists tokens).").arg(measure->title));
    return others(filtersOnly, limit, offset);
}

Result<DrillDownPage> DrillDown::messages(const ReportQuery &query, int limit, int offset) const
{
    // The rows of a rate or a cost are the messages sent.
    QString state;
    if (query.measure == u"delivered" || query.measure == u"failed" || query.measure == u"uncertain")
        state = query.measure;
    const ReportRunner runner(m_database);
    ReportQuery byCampaign{
        state.isEmpty() ? QStringLiteral("sent") : state, {QStringLiteral("campaign")}, query.period, query.filters};
    const Result<ReportTable> campaigns = runner.run(byCampaign);
    if (!campaigns)
        return std::unexpected(campaigns.error());
    DrillDownPage page;
    page.table.title = tr("Messages");
    using Kind = ReportColumn::Kind;
    page.table.columns
        = {{QStringLiteral("name"), tr("Name"), Kind::Text},         {QStringLiteral("phone"), tr("Phone"), Kind::Text},
           {QStringLiteral("campaign"), tr("Campaign"), Kind::Text}, {QStringLiteral("state"), tr("State"), Kind::Text},
           {QStringLiteral("reason"), tr("Reason"), Kind::Text},     {QStringLiteral("network"), tr("Network"), Kind::Text},
           {QStringLiteral("time"), tr("Time"), Kind::DateTime}};
    QStringList ids;
    QHash<qint64, qint64> counts;
    for (const QVariantList &row : campaigns->rows) {
        if (row.last().toLongLong() > 0) {
            ids << QString::number(row[0].toLongLong());
            counts.insert(row[0].toLongLong(), row.last().toLongLong());
            page.total += row.last().toLongLong();
        }
    }
    if (ids.isEmpty())
        return page;
    // Another computer's campaigns (schema 19) have no rows in this outbox: their messages are
    // listed after this computer's, from the states that computer shared (campaign_recipients), at
    // the time the summary counts them (when the campaign began sending), with no network.
    QStringList remote;
    qint64 ownTotal = page.total;
    {
        QSqlQuery q(m_database.connection());
        if (!q.exec(QStringLiteral("SELECT id FROM campaigns WHERE id IN (%1) AND origin <> "
                                   "(SELECT device FROM sync_state WHERE id = 1)")
                        .arg(ids.join(QLatin1Char(',')))))
            return std::unexpected(Database::storageError(q.lastError(), tr("Reading the messages")));
        while (q.next()) {
            remote << q.value(0).toString();
            ids.removeAll(remote.last());
            ownTotal -= counts.value(q.value(0).toLongLong());
        }
    }
    // The conditions on one message, its columns named as given.
    const auto conditions = [&](const QString &campaign, const QStringList &campaignIds, const QString &messageState,
                                const QString &reason, const QString &network, const QString &at) {
        QStringList where = {QStringLiteral("%1 IN (%2)").arg(campaign, campaignIds.join(QLatin1Char(','))),
                             state.isEmpty() ? messageState + QStringLiteral(" IN ") + ReportRegistry::sentStates()
                                             : QStringLiteral("%1 = '%2'").arg(messageState, state),
                             QStringLiteral("%1 >= ? AND %1 < ?").arg(at)};
        QVariantList binds = {query.period.fromMs(), query.period.endMs()};
        for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it) {
            const QString &key = it.key();
            if (key == u"network") {
                where << network + QStringLiteral(" = ?");
            } else if (key == u"reason") {
                where << QStringLiteral("CASE WHEN %1 IN ('failed', 'uncertain', 'cancelled') THEN %2 ELSE '' END = ?")
                             .arg(messageState, reason);
            } else if (key == u"state") {
                where << messageState + QStringLiteral(" = ?");
            } else if (key == u"day" || key == u"week" || key == u"month") {
                where << ReportRunner::timeExpression(key, at + QStringLiteral(" / 1000"), query.period.utcOffsetSeconds())
                        + QStringLiteral(" = ?");
            } else {
                continue; // campaign, group, department: the campaigns chosen above
            }
            binds << sqlText(it.value());
        }
        return std::pair{where.join(QStringLiteral(" AND ")), binds};
    };
    const auto read = [&](const QString &sql, const QVariantList &binds, int pageLimit, qint64 pageOffset) -> Status {
        QSqlQuery q(m_database.connection());
        q.setForwardOnly(true);
        q.prepare(sql);
        for (const QVariant &bind : binds)
            q.addBindValue(bind);
        q.addBindValue(pageLimit);
        q.addBindValue(pageOffset);
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Reading the messages")));
        while (q.next()) {
            const QString messageState = q.value(3).toString();
            const bool hasReason = messageState == u"failed" || messageState == u"uncertain";
            page.table.rows << QVariantList{q.value(0).toString(),
                                            shownPhone(q.value(1).toString()),
                                            q.value(2).toString(),
                                            messageState,
                                            hasReason ? ReportRunner::reasonLabel(q.value(4).toString()) : QString(),
                                            q.value(5).toString(),
                                            QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC)};
        }
        return {};
    };
    if (!ids.isEmpty() && offset < ownTotal) {
        const QString at = QStringLiteral("coalesce(o.attempted_at, o.updated_at)");
        const auto [where, binds] = conditions(QStringLiteral("o.campaign_id"), ids, QStringLiteral("o.state"),
                                               QStringLiteral("o.reason"), QStringLiteral("o.network"), at);
        // In the index's order (campaign, state, due time), newest campaign first: a page is read
        // without sorting every row first.
        if (Status ok = read(QStringLiteral("SELECT o.name, o.phone, c.name, o.state, o.reason, o.network, %1 FROM outbox o "
                                            "JOIN campaigns c ON c.id = o.campaign_id WHERE %2 "
                                            "ORDER BY o.campaign_id DESC, o.state, o.due_at LIMIT ? OFFSET ?")
                                 .arg(at, where),
                             binds, limit, offset);
            !ok)
            return std::unexpected(ok.error());
    }
    const int left = limit - int(page.table.rows.size());
    if (!remote.isEmpty() && left > 0) {
        const QString at = QStringLiteral("max(coalesce(c.launched_at, c.created_at), coalesce(c.scheduled_at, 0))");
        const auto [where, binds] = conditions(QStringLiteral("c.id"), remote, QStringLiteral("r.state"),
                                               QStringLiteral("r.reason"), QStringLiteral("''"), at);
        if (Status ok = read(QStringLiteral("SELECT coalesce((SELECT k.name FROM contacts k WHERE k.phone = r.phone), ''), "
                                            "r.phone, c.name, r.state, r.reason, '', %1 FROM campaign_recipients r "
                                            "JOIN campaigns c ON c.uid = r.campaign_uid WHERE %2 "
                                            "ORDER BY c.id DESC, r.state, r.phone LIMIT ? OFFSET ?")
                                 .arg(at, where),
                             binds, left, std::max<qint64>(0, offset - ownTotal));
            !ok)
            return std::unexpected(ok.error());
    }
    return page;
}

Result<DrillDownPage> DrillDown::others(const ReportQuery &query, int limit, int offset) const
{
    const ReportRegistry &registry = ReportRegistry::instance();
    const ReportMeasure &measure = *registry.measure(query.measure);
    const ReportSource &source = *registry.source(measure.source);
    const ReportRunner runner(m_database);
    const Result<QVariant> total = runner.total(query.measure, query.period, query.filters);
    if (!total)
        return std::unexpected(total.error());
    DrillDownPage page;
    page.total = total->toLongLong();
    page.table.title = measure.title;
    using Kind = ReportColumn::Kind;
    page.table.columns = {{QStringLiteral("name"), tr("Name"), Kind::Text},
                          {QStringLiteral("phone"), tr("Phone"), Kind::Text},
                          {QStringLiteral("time"), tr("Time"), Kind::DateTime}};
    const QString name = source.key == u"contacts" ? QStringLiteral("f.name")
        : source.key == u"inbox"                   ? QStringLiteral("(SELECT name FROM contacts WHERE id = f.contact_id)")
                                                   : QStringLiteral("(SELECT name FROM contacts WHERE phone = f.phone)");
    QStringList where = {QStringLiteral("%1 >= ? AND %1 < ?").arg(source.time)};
    QVariantList binds = {query.period.fromMs(), query.period.endMs()};
    if (!measure.condition.isEmpty())
        where << measure.condition;
    for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it) {
        const ReportDimension *dimension = registry.dimension(it.key());
        if (dimension->kind == DimensionKind::Time) {
            where << ReportRunner::timeExpression(it.key(), source.seconds, query.period.utcOffsetSeconds())
                    + QStringLiteral(" = ?");
            binds << sqlText(it.value());
            continue;
        }
        const DimensionBinding binding = source.dimensions.value(it.key());
        where << (binding.filter.isEmpty() ? binding.value + QStringLiteral(" = ?") : binding.filter);
        binds << (dimension->kind == DimensionKind::Id ? QVariant(it.value().toLongLong()) : QVariant(sqlText(it.value())));
    }
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT coalesce(%1, ''), f.phone, %2 FROM %3 WHERE %4 ORDER BY %2 DESC LIMIT ? OFFSET ?")
                  .arg(name, source.time, source.from, where.join(QStringLiteral(" AND "))));
    for (const QVariant &bind : std::as_const(binds))
        q.addBindValue(bind);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the report's rows")));
    while (q.next())
        page.table.rows << QVariantList{q.value(0).toString(), shownPhone(q.value(1).toString()),
                                        QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC)};
    return page;
}

} // namespace kengele
