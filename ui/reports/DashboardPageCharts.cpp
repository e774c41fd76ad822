// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Dashboard page's charts: drawn for the screen, clicked through to their rows (DrillDownDialog),
// printed and saved as PDF. The cards, the period and the loading are in DashboardPage.cpp.

#include "DashboardPage.h"

#include "DrillDownDialog.h"
#include "MessageBox.h"
#include "campaigns/CampaignText.h"
#include "campaigns/MessageState.h"
#include "common/Clock.h"
#include "reports/ReportChartBuilder.h"
#include "reports/ReportPdfWriter.h"
#include "reports/ReportPrintPreview.h"
#include "reports/ReportRunner.h"
#include "security/RoleGate.h"
#include "settings/Settings.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/EmptyState.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFrame>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace kengele {

namespace {

// The days a time grouping's categories start on (its keys are ISO dates), or none for other groupings.
QList<QDate> categoryDates(const ReportChart &chart)
{
    QList<QDate> dates;
    for (const QString &key : chart.categoryKeys) {
        const QDate date = QDate::fromString(key, Qt::ISODate);
        if (!date.isValid())
            return {};
        dates << date;
    }
    return dates;
}

// The chart as the screen shows it, where a card is half a window wide: weeks and months named
// short ("2 Mar", "Apr" — "Jan 26" where a year starts), so that they fit under their bars.
ReportChart forScreen(const ReportChart &chart)
{
    ReportChart shown = chart;
    const QList<QDate> dates = categoryDates(chart);
    if (dates.isEmpty() || dates.size() != chart.categories.size())
        return shown;
    const bool months = dates.size() < 2 || dates.first().daysTo(dates.last()) / qMax<qsizetype>(1, dates.size() - 1) >= 28;
    const QLocale locale;
    for (qsizetype i = 0; i < dates.size(); ++i) {
        const QDate &date = dates[i];
        shown.categories[i]
            = months ? locale.toString(date, QStringLiteral("MMM")) : locale.toString(date, QStringLiteral("d MMM"));
    }
    // A category axis needs every name once: over more than a year, the long names stay.
    if (QSet<QString>(shown.categories.cbegin(), shown.categories.cend()).size() != shown.categories.size())
        return chart;
    return shown;
}

} // namespace

void DashboardPage::showCharts()
{
    qDeleteAll(m_chartViews);
    m_chartViews.clear();
    const ReportChartStyle style = ReportChartStyle::forPalette(palette());
    m_chartsDark = style.dark;
    const QList<ReportSection> &sections = m_shown->document.sections;
    for (int i = 0; i < sections.size(); ++i) {
        if (!sections[i].chart) {
            m_chartViews << nullptr;
            continue;
        }
        const ReportChart &chart = *sections[i].chart;
        const ReportChart shown = forScreen(chart);
        QChart *drawn = ReportChartBuilder::build(shown, style);
        tidyForScreen(drawn, shown);
        auto *view = new QChartView(drawn, m_chartsArea);
        view->setObjectName(QStringLiteral("dashboardChart%1").arg(i));
        view->setAccessibleName(chart.title);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(340);
        view->setFrameShape(QFrame::StyledPanel);
        const bool drills = !chart.dimension.isEmpty() && !chart.measure.isEmpty();
        view->setToolTip(drills
                             ? sections[i].note + QLatin1Char('\n') + tr("Click a bar, slice or point to see the rows behind it.")
                             : sections[i].note);
        if (drills)
            connectDrillDown(view, i);
        m_chartsGrid->addWidget(view, int(m_chartViews.size()) / 2, int(m_chartViews.size()) % 2);
        m_chartViews << view;
    }
}

void DashboardPage::tidyForScreen(QChart *chart, const ReportChart &report)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
        QFont font = axis->labelsFont();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
        if (report.categories.size() <= 12)
            continue;
        // Qt Charts cuts each name to its bar's width: with many bars (weeks, campaigns) the names
        // go, and the pointer names each bar or point instead.
        axis->setLabelsVisible(false);
        // (No axis title instead: Qt Charts 6.4 cuts it to the hidden labels' height.)
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            // The legend beside it names every slice (its share shows when the pointer is on it);
            // labels around it would be cut.
            const QList<QPieSlice *> slices = pie->slices();
            const QList<QLegendMarker *> markers = chart->legend()->markers(pie);
            for (int i = 0; i < slices.size(); ++i) {
                slices[i]->setLabelVisible(false);
                if (i < markers.size() && i < report.categories.size())
                    markers[i]->setLabel(report.categories[i]);
            }
            pie->setPieSize(0.8);
        }
    }
    QFont legend = chart->legend()->font();
    legend.setPointSizeF(legend.pointSizeF() * 0.9);
    chart->legend()->setFont(legend);
}

void DashboardPage::connectDrillDown(QChartView *view, int section)
{
    // The pointer becomes a hand over what can be clicked, and only there.
    const auto hover = [view](bool over) {
        if (over)
            view->setCursor(Qt::PointingHandCursor);
        else
            view->unsetCursor();
    };
    const ReportChart chart = *m_shown->document.sections[section].chart;
    // What is under the pointer, in words: "Easter Sunday: 92.5", "Safaricom, Failed: 120".
    const auto tip = [view, chart](bool over, int series, int index) {
        if (!over || index < 0 || index >= chart.categories.size()) {
            QToolTip::hideText();
            return;
        }
        const double value = chart.series.value(series).values.value(index);
        QString name = chart.categories[index];
        if (chart.series.size() > 1)
            name = tr("%1, %2").arg(name, chart.series.value(series).name);
        QToolTip::showText(QCursor::pos(),
                           tr("%1: %2").arg(name, QLocale().toString(value, 'f', std::fmod(value, 1.0) == 0 ? 0 : 1)), view);
    };
    for (QAbstractSeries *series : view->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            const QList<QBarSet *> sets = bars->barSets();
            for (int s = 0; s < sets.size(); ++s) {
                connect(sets[s], &QBarSet::clicked, this, [this, section, s](int index) { openDrillDown(section, s, index); });
                connect(sets[s], &QBarSet::hovered, view, [hover, tip, s](bool over, int index) {
                    hover(over);
                    tip(over, s, index);
                });
            }
        } else if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            const QList<QPieSlice *> slices = pie->slices();
            for (int index = 0; index < slices.size(); ++index) {
                connect(slices[index], &QPieSlice::clicked, this, [this, section, index] { openDrillDown(section, 0, index); });
                connect(slices[index], &QPieSlice::hovered, view, [hover, tip, index](bool over) {
                    hover(over);
                    tip(over, 0, index);
                });
            }
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            // A line's click is where the mouse was: the nearest week or month.
            connect(line, &QLineSeries::clicked, this,
                    [this, section](const QPointF &point) { openDrillDown(section, 0, qRound(point.x())); });
            connect(line, &QLineSeries::hovered, view, [hover, tip](const QPointF &point, bool over) {
                hover(over);
                tip(over, 0, qRound(point.x()));
            });
        }
    }
}

DrillDownDialog *DashboardPage::openDrillDown(int section, int series, int index)
{
    if (!m_shown || section < 0 || section >= m_shown->document.sections.size())
        return nullptr;
    const ReportSection &shownSection = m_shown->document.sections[section];
    if (!shownSection.chart)
        return nullptr;
    const ReportChart &chart = *shownSection.chart;
    if (chart.dimension.isEmpty() || chart.measure.isEmpty() || index < 0 || index >= chart.categoryKeys.size())
        return nullptr;
    ReportQuery query{chart.measure, {}, m_shown->period, {{chart.dimension, chart.categoryKeys[index]}}};
    QString title = tr("%1: %2").arg(chart.title, chart.categories.value(index));
    if (!chart.seriesDimension.isEmpty() && series >= 0 && series < chart.seriesKeys.size()) {
        query.filters.insert(chart.seriesDimension, chart.seriesKeys[series]);
        //: A drill-down's title: the chart, the bar clicked and its part: "Messages by network: Safaricom, delivered"
        title = tr("%1: %2, %3").arg(chart.title, chart.categories.value(index), chart.series.value(series).name);
    }
    auto *dialog = new DrillDownDialog(m_database, query, title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setExportAllowed(RoleGate::check(m_gate, Permission::ExportContacts));
    dialog->open();
    return dialog;
}

Status DashboardPage::writePdf(const QString &path) const
{
    if (!m_shown)
        return fail(ErrorCode::InvalidInput, tr("The dashboard has no numbers yet."));
    const Result<int> pages = ReportPdfWriter::write(path, m_shown->document, ReportPageSetup::fromSettings(m_settings));
    if (!pages)
        return std::unexpected(pages.error());
    return {};
}

void DashboardPage::print()
{
    if (!m_shown)
        return;
    ReportPrintPreview::exec(m_shown->document, ReportPageSetup::fromSettings(m_settings), this);
}

void DashboardPage::saveAsPdf()
{
    if (!m_shown)
        return;
    //: The file name suggested for the dashboard as a PDF
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/')
        + tr("dashboard") + QStringLiteral(".pdf");
    QString path = QFileDialog::getSaveFileName(this, tr("Save the dashboard as PDF"), suggested, tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    setCursor(Qt::BusyCursor);
    const Status written = writePdf(path);
    unsetCursor();
    if (!written)
        MessageBox::warning(
            this, tr("Save the dashboard as PDF"),
            tr("The PDF was not saved to %1.\n\n%2").arg(QDir::toNativeSeparators(path), written.error().message));
}

} // namespace kengele
