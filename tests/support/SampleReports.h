// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "reports/ReportDocument.h"

#include <QDateTime>

namespace kengele::test {

using namespace Qt::StringLiterals;

// Report documents made by hand, for the writers' tests and benchmarks (the report numbers
// themselves come from core/reports).

// One column of every kind, `rows` rows and a totals row; the first text cells carry what CSV and
// Excel must defuse (a formula, a comma, a quote, an accent).
inline ReportTable sampleTable(int rows)
{
    using K = ReportColumn::Kind;
    ReportTable table;
    table.title = u"Deliveries by campaign"_s;
    table.columns = {{u"campaign"_s, u"Campaign"_s, K::Text},        {u"delivered"_s, u"Delivered"_s, K::Count},
                     {u"rate"_s, u"Delivery rate"_s, K::Percent},    {u"cost"_s, u"Cost (KSh)"_s, K::Money},
                     {u"per100"_s, u"Replies per 100"_s, K::Number}, {u"day"_s, u"Day"_s, K::Date},
                     {u"sent"_s, u"Sent at"_s, K::DateTime}};
    const QStringList names
        = {u"=HYPERLINK(\"http://x\")"_s, u"Choir, youth & \"elders\""_s, u"Harambee – Nyeri"_s, u"Sunday service"_s};
    qint64 delivered = 0;
    double cost = 0;
    for (int i = 0; i < rows; ++i) {
        const qint64 d = 1000 + (i * 37) % 900;
        delivered += d;
        cost += d * 0.8;
        table.rows.append(QVariantList{i < names.size() ? names.at(i) : u"Campaign %1"_s.arg(i + 1), d, 90.0 + (i % 10) * 0.5,
                                       d * 0.8, (i % 7) * 1.25, QDate(2026, 3, 1).addDays(i % 28),
                                       QDateTime(QDate(2026, 3, 1).addDays(i % 28), QTime(7, 30), Qt::UTC)});
    }
    table.totals = QVariantList{QVariant(), delivered, 94.2, cost, QVariant(), QVariant(), QVariant()};
    return table;
}

inline ReportChart sampleChart(ReportChart::Kind kind = ReportChart::Kind::Bar)
{
    ReportChart chart;
    chart.kind = kind;
    chart.title = u"Failures by network"_s;
    chart.valueTitle = u"Messages"_s;
    chart.categories = {u"Safaricom"_s, u"Airtel"_s, u"Telkom"_s, u"Other"_s};
    chart.series = {{u"Delivered"_s, {1200, 640, 210, 12}}, {u"Failed"_s, {40, 85, 22, 3}}};
    chart.dimension = u"network"_s;
    chart.categoryKeys = {u"safaricom"_s, u"airtel"_s, u"telkom"_s, u"other"_s};
    return chart;
}

// A chart section, then a table of `rows` rows (long enough for several pages), then a one-row table.
inline ReportDocument sampleDocument(int rows)
{
    ReportDocument document;
    document.title = u"Monthly messaging summary"_s;
    document.subtitle = u"1–31 March 2026 · Youth group"_s;
    document.generatedAt = QDateTime(QDate(2026, 4, 1), QTime(5, 0), Qt::UTC);
    ReportSection chart;
    chart.heading = u"Failures by network"_s;
    chart.chart = sampleChart();
    chart.note = u"Late delivery reports are counted in the week the message was sent."_s;
    ReportSection table;
    table.heading = u"Campaigns"_s;
    table.table = sampleTable(rows);
    ReportSection small;
    small.heading = u"Campaigns"_s; // the same heading: the second sheet needs another name
    ReportTable one;
    one.columns = {{u"network"_s, u"Network"_s, ReportColumn::Kind::Text}, {u"failed"_s, u"Failed"_s, ReportColumn::Kind::Count}};
    one.rows = {{u"Airtel"_s, qint64(85)}};
    small.table = one;
    document.sections = {chart, table, small};
    return document;
}

} // namespace kengele::test
