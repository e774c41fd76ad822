// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportCsvWriter.h"

#include "ContactExporter.h"
#include "common/Log.h"

#include <QDir>
#include <QSaveFile>
#include <QTimeZone>

namespace kengele {

namespace {

const QString LineEnd = QStringLiteral("\r\n");

QList<const ReportSection *> tableSections(const ReportDocument &document)
{
    QList<const ReportSection *> sections;
    for (const ReportSection &section : document.sections) {
        if (section.table)
            sections << &section;
    }
    return sections;
}

void appendTable(QString &out, const ReportTable &table)
{
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        if (c > 0)
            out += u',';
        out += ContactExporter::csvCell(table.columns.at(c).key);
    }
    out += LineEnd;
    const auto appendRow = [&out, &table](const QVariantList &row, bool totals) {
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            if (c > 0)
                out += u',';
            const QVariant value = row.value(c);
            const ReportColumn::Kind kind = table.columns.at(c).kind;
            if (totals && c == 0 && kind == ReportColumn::Kind::Text && value.toString().isEmpty())
                out += ContactExporter::csvCell(ReportCsvWriter::tr("Total"));
            else
                out += ReportCsvWriter::field(value, kind);
        }
        out += LineEnd;
    };
    for (const QVariantList &row : table.rows)
        appendRow(row, false);
    if (!table.totals.isEmpty())
        appendRow(table.totals, true);
}

} // namespace

QString ReportCsvWriter::field(const QVariant &value, ReportColumn::Kind kind)
{
    if (value.isNull() || !value.isValid())
        return {};
    using K = ReportColumn::Kind;
    switch (kind) {
    case K::Text:
        return ContactExporter::csvCell(value.toString());
    case K::Count:
        return QString::number(value.toLongLong());
    case K::Number:
    case K::Percent:
    case K::Money:
        // 'g' with enough digits, never the locale's comma: data for other programs.
        return QString::number(value.toDouble(), 'g', 15);
    case K::Date:
        return value.toDate().toString(Qt::ISODate);
    case K::DateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODate);
    }
    return ContactExporter::csvCell(value.toString());
}

QString ReportCsvWriter::csv(const ReportTable &table)
{
    QString out;
    appendTable(out, table);
    return out;
}

QString ReportCsvWriter::csv(const ReportDocument &document)
{
    const QList<const ReportSection *> sections = tableSections(document);
    if (sections.size() == 1)
        return csv(*sections.constFirst()->table);
    QString out;
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const ReportSection &section = *sections.at(i);
        if (i > 0)
            out += LineEnd;
        const QString heading = !section.heading.isEmpty() ? section.heading : section.table->title;
        out += ContactExporter::csvCell(heading) + LineEnd;
        appendTable(out, *section.table);
    }
    return out;
}

Result<qint64> ReportCsvWriter::write(const QString &path, const ReportDocument &document)
{
    const QList<const ReportSection *> sections = tableSections(document);
    if (sections.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("This report has no table to save as CSV."));
    qint64 rows = 0;
    for (const ReportSection *section : sections)
        rows += section->table->rows.size();
    QSaveFile file(path);
    const QByteArray bytes = csv(document).toUtf8();
    const bool ok = file.open(QIODevice::WriteOnly) && file.write("\xEF\xBB\xBF", 3) == 3 && file.write(bytes) == bytes.size()
        && file.commit();
    if (!ok) {
        qCWarning(lcImport) << "cannot write the report CSV:" << file.errorString();
        return fail(ErrorCode::Io,
                    tr("Kengele could not save %1. Choose a folder you are allowed to change, and close "
                       "the file if it is open in Excel.")
                        .arg(QDir::toNativeSeparators(path)));
    }
    return rows;
}

} // namespace kengele
