// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "reports/ReportDocument.h"

#include <QCoreApplication>
#include <QString>

namespace kengele {

// A report's tables as CSV (UTF-8 with a byte order mark, so Excel reads the accents; CRLF lines).
//
// The header row is the columns' keys ("delivered", "network"): data for other programs, stable
// across languages (ReportColumn::key). Values by kind, independent of the locale: counts as
// integers, numbers, percents (0–100) and money with a '.' decimal point and no grouping, dates as
// yyyy-MM-dd, date-times in UTC as ISO 8601 (2026-03-02T07:00:00Z); an empty field for no value.
// Every text cell is escaped against formula injection (ContactExporter::csvCell: a leading
// = + - @ tab or CR gets a '). A totals row follows the rows, its first empty text cell reading
// "Total".
//
// A document with several tables writes them one after another, each after a line with its heading
// and separated by an empty line; a single table is written bare, so spreadsheets open it directly.
class ReportCsvWriter final
{
    Q_DECLARE_TR_FUNCTIONS(kengele::ReportCsvWriter)

public:
    // Writes the document's tables to `path` (replaced whole, or left as it was on failure) and
    // returns the number of data rows written. A document with no table is refused (InvalidInput).
    static Result<qint64> write(const QString &path, const ReportDocument &document);

    // The CSV text itself (what write() puts after the byte order mark).
    static QString csv(const ReportDocument &document);
    static QString csv(const ReportTable &table);
    // One value of a column's kind as a CSV field (escaped).
    static QString field(const QVariant &value, ReportColumn::Kind kind);
};

} // namespace kengele
