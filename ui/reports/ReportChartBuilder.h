// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "reports/ReportDocument.h"

#include <QCoreApplication>
#include <QFont>
#include <QPalette>

class QChart;

namespace kengele {

// How a report chart looks: dark or light, and in which font. Qt Charts does not follow the
// palette; a chart takes ChartThemeDark or ChartThemeLight by the window's lightness.
struct ReportChartStyle {
    bool dark = false;
    QFont font; // the labels' font; its point size is the axis labels', titles are larger

    // The screen's: dark when the palette's window colour is dark, in the application's font.
    static ReportChartStyle forPalette(const QPalette &palette);
    // Paper's: light, in the bundled DejaVu Sans (ReportFonts), so a PDF reads the same everywhere.
    static ReportChartStyle forPrint();
};

// ReportChart (numbers and words) -> a Qt Charts chart, for the report pages and the dashboard as
// for PDFs and printing (ReportPrinter draws it as vectors). Bars, stacked bars and lines share a
// category axis (the ReportChart's categories) and a value axis titled with its valueTitle, starting
// at 0; a pie shows the first series, one slice per category. No animation: a chart is drawn once,
// as it is (and a printed one never waits). Needs a QApplication.
class ReportChartBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(kengele::ReportChartBuilder)

public:
    // A new chart, owned by the caller (a QChartView or QGraphicsScene takes it).
    static QChart *build(const ReportChart &chart, const ReportChartStyle &style);
    // The colours series take in turn, told apart also by people who do not see red and green
    // (Okabe and Ito's palette); slightly lighter on dark.
    static QColor seriesColour(int index, bool dark);
};

} // namespace kengele
