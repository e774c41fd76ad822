// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportJson.h"

#include <QJsonArray>

namespace kengele {

namespace {

QString kindName(ReportColumn::Kind kind)
{
    switch (kind) {
    case ReportColumn::Kind::Text:
        return QStringLiteral("text");
    case ReportColumn::Kind::Count:
        return QStringLiteral("count");
    case ReportColumn::Kind::Number:
        return QStringLiteral("number");
    case ReportColumn::Kind::Percent:
        return QStringLiteral("percent");
    case ReportColumn::Kind::Money:
        return QStringLiteral("money");
    case ReportColumn::Kind::Date:
        return QStringLiteral("date");
    case ReportColumn::Kind::DateTime:
        return QStringLiteral("datetime");
    }
    return QStringLiteral("text");
}

QString chartKind(ReportChart::Kind kind)
{
    switch (kind) {
    case ReportChart::Kind::Bar:
        return QStringLiteral("bar");
    case ReportChart::Kind::StackedBar:
        return QStringLiteral("stacked_bar");
    case ReportChart::Kind::Line:
        return QStringLiteral("line");
    case ReportChart::Kind::Pie:
        return QStringLiteral("pie");
    }
    return QStringLiteral("bar");
}

QJsonValue cell(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue(QJsonValue::Null);
    switch (value.typeId()) {
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODate);
    case QMetaType::LongLong:
    case QMetaType::Int:
        return value.toLongLong();
    case QMetaType::Double:
        return value.toDouble();
    default:
        return value.toString();
    }
}

QJsonArray cells(const QVariantList &values)
{
    QJsonArray array;
    for (const QVariant &value : values)
        array.append(cell(value));
    return array;
}

} // namespace

QJsonObject ReportJson::table(const ReportTable &table)
{
    QJsonArray columns;
    for (const ReportColumn &column : table.columns)
        columns.append(QJsonObject{{QStringLiteral("key"), column.key},
                                   {QStringLiteral("title"), column.title},
                                   {QStringLiteral("kind"), kindName(column.kind)}});
    QJsonArray rows;
    for (const QVariantList &row : table.rows)
        rows.append(cells(row));
    QJsonObject object{
        {QStringLiteral("title"), table.title}, {QStringLiteral("columns"), columns}, {QStringLiteral("rows"), rows}};
    if (!table.totals.isEmpty())
        object.insert(QStringLiteral("totals"), cells(table.totals));
    return object;
}

QJsonObject ReportJson::chart(const ReportChart &chart)
{
    QJsonArray series;
    for (const ReportChart::Series &s : chart.series) {
        QJsonArray values;
        for (const double value : s.values)
            values.append(value);
        series.append(QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("values"), values}});
    }
    return {{QStringLiteral("kind"), chartKind(chart.kind)},
            {QStringLiteral("title"), chart.title},
            {QStringLiteral("value_title"), chart.valueTitle},
            {QStringLiteral("categories"), QJsonArray::fromStringList(chart.categories)},
            {QStringLiteral("series"), series},
            {QStringLiteral("dimension"), chart.dimension},
            {QStringLiteral("category_keys"), QJsonArray::fromStringList(chart.categoryKeys)}};
}

QJsonObject ReportJson::document(const ReportDocument &document)
{
    QJsonArray sections;
    for (const ReportSection &section : document.sections) {
        QJsonObject object{{QStringLiteral("heading"), section.heading}, {QStringLiteral("note"), section.note}};
        if (section.chart)
            object.insert(QStringLiteral("chart"), chart(*section.chart));
        if (section.table)
            object.insert(QStringLiteral("table"), table(*section.table));
        sections.append(object);
    }
    return {{QStringLiteral("title"), document.title},
            {QStringLiteral("subtitle"), document.subtitle},
            {QStringLiteral("generated_at"), document.generatedAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("sections"), sections}};
}

} // namespace kengele
