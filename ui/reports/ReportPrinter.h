// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"

#include <QCoreApplication>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>

class QPagedPaintDevice;

namespace kengele {

class Settings;

// What goes around a printed report: the church's name and logo in every page's header, the paper.
struct ReportPageSetup {
    QString organisationName; // empty: the header shows the report's title alone
    QImage logo; // null: none
    QPageSize::PageSizeId pageSize = QPageSize::A4; // A4 or Letter
    QLocale locale; // numbers and dates in the tables and the footer

    // The name and logo from Settings → General (OrganisationName, OrganisationLogo: a logo that
    // cannot be read is left out), A4, the default locale.
    static ReportPageSetup fromSettings(const Settings &settings);
    // Portrait, 15 mm margins all round.
    QPageLayout pageLayout() const;
};

// ReportDocument -> pages, on any QPagedPaintDevice: a QPdfWriter for files and kengele-cli, a
// QPrinter for printing and print preview. Each page has a header (logo, church name, the report's
// title) and a footer (when it was generated, "Page x of y"); between them a QTextDocument laid out
// for the device: the title and subtitle, then each section's heading, chart (vectors, through
// ReportChartObjects), table (its header row repeated on every page it spans, totals in bold) and
// note. The device's own page layout is used (setPageLayout it first; ReportPdfWriter does), and
// text is in the bundled DejaVu Sans (ReportFonts). Needs a QApplication (Qt Charts).
class ReportPrinter final
{
    Q_DECLARE_TR_FUNCTIONS(kengele::ReportPrinter)

public:
    // Paints the whole report and returns the number of pages.
    static Result<int> print(const ReportDocument &document, const ReportPageSetup &setup, QPagedPaintDevice &device);

    // A value as the printed table (and a screen) shows it, in `locale`: counts with thousands
    // separators, numbers with up to two decimals, percents with one and a % sign, money with two,
    // dates and date-times (in local time) in the locale's short form; empty for no value.
    static QString valueText(const QVariant &value, ReportColumn::Kind kind, const QLocale &locale);
};

} // namespace kengele
