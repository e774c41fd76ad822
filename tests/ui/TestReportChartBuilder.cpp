// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DarkPalette.h"
#include "SampleReports.h"
#include "reports/ReportChartBuilder.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QtTest>

#include <memory>

using namespace kengele;
using namespace Qt::StringLiterals;

// ReportChart -> QChart: the series and categories of each kind, the value axis's title, and the
// theme following the palette (dark or light) with Kengele's series colours kept.
class TestReportChartBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barsHaveASetPerSeriesAndTheCategories();
    void stackedBarsStack();
    void linesHaveAPointPerCategory();
    void aPieShowsTheFirstSeries();
    void theThemeFollowsThePalette();
    void missingValuesAreZero();
    void ratesStopAtAHundredAndSmallCountsStepByOne();

private:
    static QBarCategoryAxis *categoryAxis(QChart *chart);
    static QValueAxis *valueAxis(QChart *chart);
};

QBarCategoryAxis *TestReportChartBuilder::categoryAxis(QChart *chart)
{
    const QList<QAbstractAxis *> axes = chart->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(axes.constFirst());
}

QValueAxis *TestReportChartBuilder::valueAxis(QChart *chart)
{
    const QList<QAbstractAxis *> axes = chart->axes(Qt::Vertical);
    return axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.constFirst());
}

void TestReportChartBuilder::barsHaveASetPerSeriesAndTheCategories()
{
    std::unique_ptr<QChart> chart(ReportChartBuilder::build(test::sampleChart(), ReportChartStyle::forPrint()));
    QCOMPARE(chart->animationOptions(), QChart::NoAnimation);
    QCOMPARE(chart->title(), u"Failures by network"_s);
    QCOMPARE(chart->series().size(), 1);
    auto *bars = qobject_cast<QBarSeries *>(chart->series().constFirst());
    QVERIFY(bars);
    QCOMPARE(bars->count(), 2);
    QCOMPARE(bars->barSets().at(0)->label(), u"Delivered"_s);
    QCOMPARE(bars->barSets().at(1)->count(), 4);
    QCOMPARE(bars->barSets().at(1)->at(1), 85.0);
    QVERIFY(categoryAxis(chart.get()));
    QCOMPARE(categoryAxis(chart.get())->categories(), test::sampleChart().categories);
    QVERIFY(valueAxis(chart.get()));
    QCOMPARE(valueAxis(chart.get())->titleText(), u"Messages"_s);
    QCOMPARE(valueAxis(chart.get())->min(), 0.0);
    QVERIFY(valueAxis(chart.get())->max() >= 1200);
    QVERIFY(chart->legend()->isVisible());
}

void TestReportChartBuilder::stackedBarsStack()
{
    std::unique_ptr<QChart> chart(
        ReportChartBuilder::build(test::sampleChart(ReportChart::Kind::StackedBar), ReportChartStyle::forPrint()));
    QCOMPARE(chart->series().size(), 1);
    auto *bars = qobject_cast<QStackedBarSeries *>(chart->series().constFirst());
    QVERIFY(bars);
    QCOMPARE(bars->count(), 2);
    QVERIFY(valueAxis(chart.get())->max() >= 1240); // Safaricom's delivered and failed on each other
}

void TestReportChartBuilder::linesHaveAPointPerCategory()
{
    std::unique_ptr<QChart> chart(
        ReportChartBuilder::build(test::sampleChart(ReportChart::Kind::Line), ReportChartStyle::forPrint()));
    QCOMPARE(chart->series().size(), 2);
    auto *line = qobject_cast<QLineSeries *>(chart->series().at(1));
    QVERIFY(line);
    QCOMPARE(line->name(), u"Failed"_s);
    QCOMPARE(line->count(), 4);
    QCOMPARE(line->at(2), QPointF(2, 22));
    QCOMPARE(categoryAxis(chart.get())->count(), 4);
    QCOMPARE(line->attachedAxes().size(), 2);
}

void TestReportChartBuilder::aPieShowsTheFirstSeries()
{
    std::unique_ptr<QChart> chart(
        ReportChartBuilder::build(test::sampleChart(ReportChart::Kind::Pie), ReportChartStyle::forPrint()));
    QCOMPARE(chart->series().size(), 1);
    auto *pie = qobject_cast<QPieSeries *>(chart->series().constFirst());
    QVERIFY(pie);
    QCOMPARE(pie->count(), 4);
    QCOMPARE(pie->slices().at(0)->value(), 1200.0);
    QVERIFY(pie->slices().at(0)->label().startsWith(u"Safaricom"_s));
    QVERIFY(pie->slices().at(0)->isLabelVisible());
    QVERIFY(!pie->slices().at(3)->isLabelVisible()); // 12 of 2,062: too thin for a label
    QVERIFY(chart->axes().isEmpty());
}

void TestReportChartBuilder::theThemeFollowsThePalette()
{
    const ReportChartStyle dark = ReportChartStyle::forPalette(test::darkPalette());
    QVERIFY(dark.dark);
    std::unique_ptr<QChart> darkChart(ReportChartBuilder::build(test::sampleChart(), dark));
    QCOMPARE(darkChart->theme(), QChart::ChartThemeDark);
    // Kengele's colours survive the theme.
    auto *bars = qobject_cast<QBarSeries *>(darkChart->series().constFirst());
    QCOMPARE(bars->barSets().at(0)->color(), ReportChartBuilder::seriesColour(0, true));

    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    const ReportChartStyle lightStyle = ReportChartStyle::forPalette(light);
    QVERIFY(!lightStyle.dark);
    std::unique_ptr<QChart> lightChart(ReportChartBuilder::build(test::sampleChart(), lightStyle));
    QCOMPARE(lightChart->theme(), QChart::ChartThemeLight);
    QCOMPARE(qobject_cast<QBarSeries *>(lightChart->series().constFirst())->barSets().at(1)->color(),
             ReportChartBuilder::seriesColour(1, false));
    QVERIFY(ReportChartBuilder::seriesColour(0, false) != ReportChartBuilder::seriesColour(1, false));
    QVERIFY(!ReportChartStyle::forPrint().dark);
}

void TestReportChartBuilder::missingValuesAreZero()
{
    ReportChart chart = test::sampleChart(ReportChart::Kind::Line);
    chart.series[0].values = {5}; // fewer values than categories
    std::unique_ptr<QChart> built(ReportChartBuilder::build(chart, ReportChartStyle::forPrint()));
    auto *line = qobject_cast<QLineSeries *>(built->series().constFirst());
    QCOMPARE(line->count(), 4);
    QCOMPARE(line->at(3).y(), 0.0);
}

void TestReportChartBuilder::ratesStopAtAHundredAndSmallCountsStepByOne()
{
    ReportChart rate;
    rate.kind = ReportChart::Kind::Bar;
    rate.measure = u"delivery_rate"_s;
    rate.valueTitle = u"%"_s;
    rate.categories = {u"Easter"_s, u"Harvest"_s};
    rate.series = {{u"Delivery rate"_s, {97.5, 91.0}}};
    std::unique_ptr<QChart> chart(ReportChartBuilder::build(rate, ReportChartStyle::forPrint()));
    QCOMPARE(valueAxis(chart.get())->max(), 100.0);
    QCOMPARE(valueAxis(chart.get())->tickCount(), 6);

    // Two replies at most (or none): 0 to 5 in whole steps, not labels that repeat.
    ReportChart few;
    few.kind = ReportChart::Kind::Bar;
    few.measure = u"replies"_s;
    few.categories = {u"Easter"_s, u"Harvest"_s};
    few.series = {{u"Replies"_s, {2, 0}}};
    chart.reset(ReportChartBuilder::build(few, ReportChartStyle::forPrint()));
    QCOMPARE(valueAxis(chart.get())->max(), 5.0);
    QCOMPARE(valueAxis(chart.get())->tickCount(), 6);
    QCOMPARE(valueAxis(chart.get())->labelFormat(), u"%.0f"_s);
    few.series = {{u"Replies"_s, {0, 0}}};
    chart.reset(ReportChartBuilder::build(few, ReportChartStyle::forPrint()));
    QCOMPARE(valueAxis(chart.get())->max(), 5.0);
}

QTEST_MAIN(TestReportChartBuilder)
#include "TestReportChartBuilder.moc"
