// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kengele {

// A report's tables as an Excel workbook (.xlsx, libxlsxwriter): one worksheet per section with a
// table, named after the section (sheetName: Excel's forbidden characters dropped, at most 31
// characters, unique). Row 1 holds the column titles in bold and stays frozen, with an autofilter
// over the rows; the totals row, when there is one, follows in bold.
//
// Cells are real values by ReportColumn::Kind: counts and numbers as numbers (#,##0 / General),
// money as a number with two decimals (#,##0.00), dates and date-times as Excel dates (yyyy-mm-dd,
// and yyyy-mm-dd hh:mm in local time). A percent (0–100 in the report) is written as its fraction
// with the format 0.0%, so 12.5 shows as 12.5% and sums and charts in Excel work on it. Text is
// always a string cell, never a formula. Column widths follow the longest value (6 to 60 characters).
//
// libxlsxwriter writes numbers with the C library's printf: under a locale whose decimal point is a
// comma ("de_DE") it would write "1234,5" and Excel would call the file damaged. Both mains set
// LC_NUMERIC to "C"; write() also checks, and switches LC_NUMERIC to "C" for its own run when
// something has set a comma back.
class ReportXlsxWriter final
{
    Q_DECLARE_TR_FUNCTIONS(kengele::ReportXlsxWriter)

public:
    // Excel's limits.
    static constexpr qint64 MaxRows = 1048576; // the header takes one
    static constexpr int MaxCellCharacters = 32767; // longer texts are cut there
    static constexpr int MaxSheetName = 31;

    // Writes the workbook to `path` (replaced whole, or left as it was on failure) and returns the
    // number of data rows written. `tempFolder`: where libxlsxwriter keeps its row files while
    // writing (empty: the system's). A document with no table is refused (InvalidInput).
    static Result<qint64> write(const QString &path, const ReportDocument &document, const QString &tempFolder = {});

    // `wanted` made a valid worksheet name, different (ignoring case) from every name in `taken`.
    static QString sheetName(const QString &wanted, const QStringList &taken);
};

} // namespace kengele
