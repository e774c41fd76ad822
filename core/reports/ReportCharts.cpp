// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportCharts.h"

#include "DrillDown.h"
#include "ReportRunner.h"

namespace kengele {

int ReportCharts::labelColumn(const ReportTable &table, const QString &dimension)
{
    for (int i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].key == dimension)
            return i;
    }
    return -1;
}

int ReportCharts::keyColumn(const ReportTable &table, const QString &dimension)
{
    for (int i = 0; i < table.columns.size(); ++i) {
        if (table.columns[i].key == dimension + QStringLiteral("_id"))
            return i;
    }
    return labelColumn(table, dimension);
}

namespace {

QString categoryLabel(const ReportRunner &runner, const ReportTable &table, const QVariantList &row, const QString &dimension)
{
    const QVariant cell = row.value(ReportCharts::labelColumn(table, dimension));
    return cell.typeId() == QMetaType::QDate ? runner.label(dimension, cell) : cell.toString();
}

} // namespace

ReportChart ReportCharts::single(const ReportRunner &runner, const ReportTable &table, const QString &dimension,
                                 ReportChart::Kind kind, const QString &title, const QString &valueTitle)
{
    ReportChart chart;
    chart.kind = kind;
    chart.title = title;
    chart.valueTitle = valueTitle;
    chart.dimension = dimension;
    ReportChart::Series series{table.columns.isEmpty() ? QString() : table.columns.last().title, {}};
    const int key = keyColumn(table, dimension);
    for (const QVariantList &row : table.rows) {
        chart.categories << categoryLabel(runner, table, row, dimension);
        chart.categoryKeys << runner.keyOf(dimension, row.value(key));
        series.values << row.last().toDouble();
    }
    chart.series << series;
    return chart;
}

ReportChart ReportCharts::stacked(const ReportRunner &runner, const ReportTable &table, const QString &dimension,
                                  const QString &seriesDimension, const QString &title, const QString &valueTitle)
{
    ReportChart chart;
    chart.kind = ReportChart::Kind::StackedBar;
    chart.title = title;
    chart.valueTitle = valueTitle;
    chart.dimension = dimension;
    chart.seriesDimension = seriesDimension;
    const int key = keyColumn(table, dimension);
    const int seriesKey = keyColumn(table, seriesDimension);
    QStringList seriesNames;
    for (const QVariantList &row : table.rows) {
        const QString category = runner.keyOf(dimension, row.value(key));
        if (!chart.categoryKeys.contains(category)) {
            chart.categoryKeys << category;
            chart.categories << categoryLabel(runner, table, row, dimension);
        }
        const QString name = categoryLabel(runner, table, row, seriesDimension);
        if (!seriesNames.contains(name)) {
            seriesNames << name;
            chart.seriesKeys << runner.keyOf(seriesDimension, row.value(seriesKey));
        }
    }
    for (const QString &name : std::as_const(seriesNames))
        chart.series << ReportChart::Series{name, QList<double>(chart.categories.size(), 0.0)};
    for (const QVariantList &row : table.rows) {
        const qsizetype category = chart.categoryKeys.indexOf(runner.keyOf(dimension, row.value(key)));
        const qsizetype series = seriesNames.indexOf(categoryLabel(runner, table, row, seriesDimension));
        chart.series[series].values[category] += row.last().toDouble();
    }
    return chart;
}

void ReportCharts::setMeasure(ReportChart &chart, const QString &measure)
{
    chart.measure = measure;
    if (DrillDown::supports(measure))
        return;
    // Nothing to list behind it (numbers, tokens): no click, and no pointer that suggests one.
    chart.dimension.clear();
    chart.seriesDimension.clear();
}

} // namespace kengele
