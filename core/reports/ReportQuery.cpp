// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportQuery.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace kengele {

QJsonObject ReportQuery::toJson() const
{
    QJsonObject filterObject;
    for (auto it = filters.cbegin(); it != filters.cend(); ++it)
        filterObject.insert(it.key(), it.value());
    return {{QStringLiteral("measure"), measure},
            {QStringLiteral("group_by"), QJsonArray::fromStringList(groupBy)},
            {QStringLiteral("period"), period.key()},
            {QStringLiteral("filters"), filterObject}};
}

Result<ReportQuery> ReportQuery::fromJson(const QJsonObject &json, QDate today, const QTimeZone &zone)
{
    ReportQuery query;
    query.measure = json.value(QStringLiteral("measure")).toString();
    if (query.measure.isEmpty())
        return fail(ErrorCode::InvalidInput, QCoreApplication::translate("ReportQuery", "The report names no measure."));
    for (const QJsonValue &dimension : json.value(QStringLiteral("group_by")).toArray())
        query.groupBy.append(dimension.toString());
    Result<Period> period = Period::parse(json.value(QStringLiteral("period")).toString(), today, zone);
    if (!period)
        return std::unexpected(period.error());
    query.period = *period;
    const QJsonObject filters = json.value(QStringLiteral("filters")).toObject();
    for (auto it = filters.constBegin(); it != filters.constEnd(); ++it)
        query.filters.insert(it.key(), it.value().toVariant().toString());
    return query;
}

} // namespace kengele
