// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace kengele {

// What a report is, once its numbers are worked out: the one shape the dashboard, the report pages,
// the PDF and print writer, the spreadsheet and CSV writers, the CLI's JSON and the scheduled reports
// all read. Core fills it (core/reports); ui/reports draws its charts, on screen and as vectors in
// PDFs. Nothing here reads the database.

// One column of a report table. Its kind decides how the screen, the PDF and the spreadsheet show
// its values (a Count right-aligned with thousands separators, a Date as a date cell in .xlsx, …).
struct ReportColumn {
    enum class Kind {
        Text, // QString
        Count, // qint64
        Number, // double
        Percent, // double, 0–100
        Money, // double, Kenya shillings
        Date, // QDate (local)
        DateTime, // QDateTime (UTC; shown in local time)
    };
    QString key; // stable, for JSON and CSV headers: "delivered", "network"
    QString title; // for people, translated: "Delivered"
    Kind kind = Kind::Text;
};

struct ReportTable {
    QString title; // may be empty
    QList<ReportColumn> columns;
    QList<QVariantList> rows; // each as many values as columns, of the column's kind; a null QVariant: no value
    QVariantList totals; // empty: no totals row; else one value per column (null where none)
};

// A chart, described in numbers and words; ui/reports turns it into a Qt Charts chart.
struct ReportChart {
    enum class Kind { Bar, StackedBar, Line, Pie };
    struct Series {
        QString name; // the legend: "Delivered", "Failed"
        QList<double> values; // one per category
    };
    Kind kind = Kind::Bar;
    QString title;
    QString valueTitle; // the value axis: "Messages", "%"
    QStringList categories; // the x axis labels (or the pie's slices), for people
    QList<Series> series; // a pie shows the first only
    // Drill-down: the dimension the categories are values of ("network", "reason", "campaign",
    // "week", …; see ReportRegistry) and each category's value of it, as a query takes it ("safaricom",
    // "AbsentSubscriber", "42", "2026-03-02"). Empty dimension: the chart does not drill down.
    QString dimension;
    QStringList categoryKeys;
    // The measure the values are of ("sent", "failed", …): a click asks DrillDown for its rows over
    // the report's period, filtered by {dimension: categoryKeys[i]} (and, for a stacked bar,
    // {seriesDimension: seriesKeys[series]}). Empty: the chart does not drill down.
    QString measure;
    // A stacked bar's second grouping ("state", "department") and each series' value of it; empty
    // for one series.
    QString seriesDimension;
    QStringList seriesKeys;
};

// A heading with a chart, a table or both, and a line of explanation.
struct ReportSection {
    QString heading;
    std::optional<ReportChart> chart;
    std::optional<ReportTable> table;
    QString note;
};

struct ReportDocument {
    QString title; // "Monthly messaging summary"
    QString subtitle; // the period and filters in words: "1–31 March 2026 · Youth group"
    QDateTime generatedAt; // UTC
    QList<ReportSection> sections;
};

} // namespace kengele
