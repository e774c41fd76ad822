// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportChartBuilder.h"

#include "reports/ReportRegistry.h"

#include "ReportFonts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGuiApplication>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <array>
#include <cmath>

namespace kengele {

namespace {

// Slices smaller than this share of the pie carry no label of their own (the legend names them).
constexpr double SmallSlice = 0.03;
// Beyond this many categories the axis labels stand upright, so that they do not overlap.
constexpr qsizetype UprightLabelsFrom = 12;

bool allWhole(const ReportChart &chart)
{
    for (const ReportChart::Series &series : chart.series) {
        for (const double v : series.values) {
            if (std::fabs(v - std::round(v)) > 1e-9)
                return false;
        }
    }
    return true;
}

QFont sized(QFont font, qreal factor, bool bold = false)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

void addAxes(QChart *chart, const ReportChart &report, const QList<QAbstractSeries *> &all, const ReportChartStyle &style,
             double highest)
{
    auto *categories = new QBarCategoryAxis;
    categories->append(report.categories);
    categories->setLabelsFont(style.font);
    if (report.categories.size() > UprightLabelsFrom)
        categories->setLabelsAngle(-90);
    auto *values = new QValueAxis;
    values->setTitleText(report.valueTitle);
    values->setTitleFont(style.font);
    values->setLabelsFont(style.font);
    const ReportMeasure *measure = ReportRegistry::instance().measure(report.measure);
    bool whole = allWhole(report);
    if (measure && measure->unit == ReportColumn::Kind::Percent && highest <= 100) {
        // A rate never goes past 100 %: the axis neither.
        values->setRange(0, 100);
        values->setTickCount(6);
        whole = true; // 0, 20, … 100
    } else if (whole && highest < 5) {
        // Small whole counts (or none): steps of one, never "0, 0, 1, 1".
        values->setRange(0, 5);
        values->setTickCount(6);
    } else {
        values->setRange(0, highest * 1.05);
        values->applyNiceNumbers();
    }
    values->setLabelFormat(whole ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    chart->addAxis(categories, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (QAbstractSeries *series : all) {
        series->attachAxis(categories);
        series->attachAxis(values);
    }
}

} // namespace

ReportChartStyle ReportChartStyle::forPalette(const QPalette &palette)
{
    ReportChartStyle style;
    style.dark = palette.color(QPalette::Window).lightness() < 128;
    style.font = QGuiApplication::font();
    return style;
}

ReportChartStyle ReportChartStyle::forPrint()
{
    ReportChartStyle style;
    style.dark = false;
    style.font = ReportFonts::font(9);
    return style;
}

QColor ReportChartBuilder::seriesColour(int index, bool dark)
{
    static const std::array<QColor, 7> colours{{
        QColor(0x00, 0x72, 0xb2), // blue
        QColor(0xe6, 0x9f, 0x00), // orange
        QColor(0x00, 0x9e, 0x73), // bluish green
        QColor(0xcc, 0x79, 0xa7), // reddish purple
        QColor(0x56, 0xb4, 0xe9), // sky blue
        QColor(0xd5, 0x5e, 0x00), // vermilion
        QColor(0xf0, 0xe4, 0x42), // yellow
    }};
    const QColor colour = colours.at(std::size_t(index) % colours.size());
    return dark ? colour.lighter(120) : colour;
}

QChart *ReportChartBuilder::build(const ReportChart &report, const ReportChartStyle &style)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    // The theme first: setTheme() resets colours and fonts, so ours go on after it.
    chart->setTheme(style.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitle(report.title);
    chart->setTitleFont(sized(style.font, 1.2, true));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(style.font);

    const qsizetype count = report.categories.size();
    const auto valuesOf = [count](const ReportChart::Series &series) {
        QList<qreal> values(count, 0.0);
        for (qsizetype i = 0; i < count && i < series.values.size(); ++i)
            values[i] = series.values.at(i);
        return values;
    };

    switch (report.kind) {
    case ReportChart::Kind::Bar:
    case ReportChart::Kind::StackedBar: {
        const bool stacked = report.kind == ReportChart::Kind::StackedBar;
        QAbstractBarSeries *bars = stacked ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                           : static_cast<QAbstractBarSeries *>(new QBarSeries);
        QList<double> sums(count, 0.0);
        double highest = 0;
        int index = 0;
        for (const ReportChart::Series &series : report.series) {
            auto *set = new QBarSet(series.name);
            const QList<qreal> values = valuesOf(series);
            set->append(values);
            set->setColor(seriesColour(index, style.dark));
            set->setBorderColor(seriesColour(index, style.dark));
            set->setLabelFont(style.font);
            bars->append(set);
            for (qsizetype i = 0; i < count; ++i) {
                sums[i] += qMax(0.0, values.at(i));
                highest = qMax(highest, stacked ? sums.at(i) : values.at(i));
            }
            ++index;
        }
        chart->addSeries(bars);
        addAxes(chart, report, {bars}, style, highest);
        chart->legend()->setVisible(report.series.size() > 1);
        break;
    }
    case ReportChart::Kind::Line: {
        QList<QAbstractSeries *> all;
        double highest = 0;
        int index = 0;
        for (const ReportChart::Series &series : report.series) {
            auto *line = new QLineSeries;
            line->setName(series.name);
            const QList<qreal> values = valuesOf(series);
            QList<QPointF> points;
            points.reserve(count);
            for (qsizetype i = 0; i < count; ++i) {
                points.append(QPointF(qreal(i), values.at(i)));
                highest = qMax(highest, values.at(i));
            }
            line->replace(points); // one change, not one per point
            QPen pen(seriesColour(index, style.dark));
            pen.setWidthF(2);
            line->setPen(pen);
            line->setPointsVisible(count <= 31);
            chart->addSeries(line);
            all << line;
            ++index;
        }
        if (!all.isEmpty())
            addAxes(chart, report, all, style, highest);
        chart->legend()->setVisible(report.series.size() > 1);
        break;
    }
    case ReportChart::Kind::Pie: {
        auto *pie = new QPieSeries;
        const QList<qreal> values = report.series.isEmpty() ? QList<qreal>(count, 0.0) : valuesOf(report.series.constFirst());
        double total = 0;
        for (const qreal v : values)
            total += qMax<qreal>(0, v);
        for (qsizetype i = 0; i < count; ++i) {
            auto *slice = new QPieSlice(report.categories.at(i), qMax<qreal>(0, values.at(i)));
            slice->setColor(seriesColour(int(i), style.dark));
            slice->setBorderColor(style.dark ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
            slice->setLabelFont(style.font);
            const double share = total > 0 ? values.at(i) / total : 0;
            slice->setLabel(tr("%1 (%2%)").arg(report.categories.at(i), QLocale().toString(share * 100, 'f', 0)));
            slice->setLabelVisible(share >= SmallSlice);
            slice->setLabelColor(style.dark ? QColor(0xee, 0xee, 0xee) : QColor(0x20, 0x20, 0x20));
            pie->append(slice);
        }
        pie->setPieSize(0.6);
        chart->addSeries(pie);
        chart->legend()->setVisible(true);
        chart->legend()->setAlignment(Qt::AlignRight);
        break;
    }
    }
    return chart;
}

} // namespace kengele
