// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportXlsxWriter.h"

#include "common/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <array>
#include <clocale>
#include <cmath>

namespace kengele {

namespace {

using Kind = ReportColumn::Kind;
constexpr int KindCount = int(Kind::DateTime) + 1;
constexpr double MinWidth = 6;
constexpr double MaxWidth = 60;

// LC_NUMERIC is "C" for the length of the write (see the header), then what it was.
class CNumericLocale
{
public:
    CNumericLocale()
    {
        const lconv *conv = std::localeconv();
        if (conv && conv->decimal_point && qstrcmp(conv->decimal_point, ".") == 0)
            return;
        m_previous = QByteArray(std::setlocale(LC_NUMERIC, nullptr));
        qCWarning(lcImport) << "LC_NUMERIC has no '.' decimal point; using C while writing the workbook";
        std::setlocale(LC_NUMERIC, "C");
    }
    ~CNumericLocale()
    {
        if (!m_previous.isEmpty())
            std::setlocale(LC_NUMERIC, m_previous.constData());
    }
    CNumericLocale(const CNumericLocale &) = delete;
    CNumericLocale &operator=(const CNumericLocale &) = delete;

private:
    QByteArray m_previous;
};

QByteArray cellText(const QString &text)
{
    if (text.size() <= ReportXlsxWriter::MaxCellCharacters)
        return text.toUtf8();
    qsizetype cut = ReportXlsxWriter::MaxCellCharacters;
    if (text.at(cut - 1).isHighSurrogate())
        --cut; // never half a character
    return text.left(cut).toUtf8();
}

// How many characters a value takes on screen, roughly: for the column widths.
double shownWidth(const QVariant &value, Kind kind)
{
    if (value.isNull())
        return 0;
    const auto digits = [](double v) {
        const double a = std::fabs(v);
        const int whole = a < 10 ? 1 : int(std::floor(std::log10(a))) + 1;
        return double(whole + (whole - 1) / 3) + (v < 0 ? 1 : 0); // with thousands separators
    };
    switch (kind) {
    case Kind::Text:
        return double(qMin<qsizetype>(value.toString().size(), qsizetype(MaxWidth)));
    case Kind::Count:
        return digits(double(value.toLongLong()));
    case Kind::Number:
        return digits(value.toDouble()) + 3;
    case Kind::Percent:
        return digits(value.toDouble()) + 3;
    case Kind::Money:
        return digits(value.toDouble()) + 3;
    case Kind::Date:
        return 10;
    case Kind::DateTime:
        return 16;
    }
    return 0;
}

lxw_datetime excelDate(const QDate &date, const QTime &time = QTime(0, 0))
{
    return lxw_datetime{date.year(), date.month(),  date.day(),
                        time.hour(), time.minute(), double(time.second()) + time.msec() / 1000.0};
}

struct Formats {
    lxw_format *header = nullptr;
    std::array<std::array<lxw_format *, 2>, KindCount> cell{}; // [kind][bold]
};

Formats makeFormats(lxw_workbook *workbook)
{
    Formats f;
    f.header = workbook_add_format(workbook);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    for (int k = 0; k < KindCount; ++k) {
        for (int bold = 0; bold < 2; ++bold) {
            lxw_format *format = workbook_add_format(workbook);
            if (bold)
                format_set_bold(format);
            switch (Kind(k)) {
            case Kind::Text:
            case Kind::Number:
                break;
            case Kind::Count:
                format_set_num_format(format, "#,##0");
                break;
            case Kind::Percent:
                format_set_num_format(format, "0.0%");
                break;
            case Kind::Money:
                format_set_num_format(format, "#,##0.00");
                break;
            case Kind::Date:
                format_set_num_format(format, "yyyy-mm-dd");
                break;
            case Kind::DateTime:
                format_set_num_format(format, "yyyy-mm-dd hh:mm");
                break;
            }
            f.cell[std::size_t(k)][std::size_t(bold)] = format;
        }
    }
    return f;
}

// Writes one value; a null value leaves the cell empty (or bold-blank in the totals row).
lxw_error writeCell(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const QVariant &value, Kind kind, lxw_format *format)
{
    if (value.isNull() || !value.isValid())
        return LXW_NO_ERROR;
    switch (kind) {
    case Kind::Text:
        return worksheet_write_string(sheet, row, col, cellText(value.toString()).constData(), format);
    case Kind::Count:
        return worksheet_write_number(sheet, row, col, double(value.toLongLong()), format);
    case Kind::Number:
    case Kind::Money:
        return worksheet_write_number(sheet, row, col, value.toDouble(), format);
    case Kind::Percent:
        return worksheet_write_number(sheet, row, col, value.toDouble() / 100.0, format);
    case Kind::Date: {
        const QDate date = value.toDate();
        if (!date.isValid())
            return LXW_NO_ERROR;
        lxw_datetime when = excelDate(date);
        return worksheet_write_datetime(sheet, row, col, &when, format);
    }
    case Kind::DateTime: {
        const QDateTime local = value.toDateTime().toLocalTime();
        if (!local.isValid())
            return LXW_NO_ERROR;
        lxw_datetime when = excelDate(local.date(), local.time());
        return worksheet_write_datetime(sheet, row, col, &when, format);
    }
    }
    return LXW_NO_ERROR;
}

lxw_error writeTable(lxw_worksheet *sheet, const ReportTable &table, const Formats &formats)
{
    const qsizetype columns = table.columns.size();
    QList<double> widths(columns, 0);
    for (qsizetype c = 0; c < columns; ++c)
        widths[c] = double(table.columns.at(c).title.size()) + 2; // bold, and the filter's button
    const auto measure = [&](const QVariantList &row) {
        for (qsizetype c = 0; c < columns; ++c)
            widths[c] = qMax(widths.at(c), shownWidth(row.value(c), table.columns.at(c).kind));
    };
    for (const QVariantList &row : table.rows)
        measure(row);
    measure(table.totals);
    for (qsizetype c = 0; c < columns; ++c) {
        if (lxw_error e
            = worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), qBound(MinWidth, widths.at(c) + 1, MaxWidth), nullptr))
            return e;
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (columns > 0) {
        if (lxw_error e = worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.size()), lxw_col_t(columns - 1)))
            return e;
    }

    // constant_memory: rows strictly in order, each row's cells left to right.
    for (qsizetype c = 0; c < columns; ++c) {
        if (lxw_error e
            = worksheet_write_string(sheet, 0, lxw_col_t(c), cellText(table.columns.at(c).title).constData(), formats.header))
            return e;
    }
    lxw_row_t row = 1;
    for (const QVariantList &values : table.rows) {
        for (qsizetype c = 0; c < columns; ++c) {
            const Kind kind = table.columns.at(c).kind;
            if (lxw_error e = writeCell(sheet, row, lxw_col_t(c), values.value(c), kind, formats.cell[std::size_t(kind)][0]))
                return e;
        }
        ++row;
    }
    if (!table.totals.isEmpty()) {
        for (qsizetype c = 0; c < columns; ++c) {
            const Kind kind = table.columns.at(c).kind;
            QVariant value = table.totals.value(c);
            if (c == 0 && kind == Kind::Text && value.toString().isEmpty())
                value = ReportXlsxWriter::tr("Total");
            if (lxw_error e = writeCell(sheet, row, lxw_col_t(c), value, kind, formats.cell[std::size_t(kind)][1]))
                return e;
        }
    }
    return LXW_NO_ERROR;
}

} // namespace

QString ReportXlsxWriter::sheetName(const QString &wanted, const QStringList &taken)
{
    QString name;
    for (const QChar ch : wanted) {
        if (ch == u'[' || ch == u']' || ch == u':' || ch == u'*' || ch == u'?' || ch == u'/' || ch == u'\\'
            || ch.category() == QChar::Other_Control)
            name += u' ';
        else
            name += ch;
    }
    name = name.simplified();
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    while (name.endsWith(u'\''))
        name.chop(1);
    if (name.isEmpty() || name.compare(QStringLiteral("History"), Qt::CaseInsensitive) == 0)
        name = tr("Table");
    const auto cut = [](QString text, qsizetype length) {
        if (text.size() <= length)
            return text;
        if (text.at(length - 1).isHighSurrogate())
            --length;
        return text.left(length).trimmed();
    };
    const auto isTaken = [&taken](const QString &candidate) {
        return taken.contains(candidate, Qt::CaseInsensitive);
    };
    QString candidate = cut(name, MaxSheetName);
    for (int n = 2; isTaken(candidate); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        candidate = cut(name, MaxSheetName - suffix.size()) + suffix;
    }
    return candidate;
}

Result<qint64> ReportXlsxWriter::write(const QString &path, const ReportDocument &document, const QString &tempFolder)
{
    QList<const ReportSection *> sections;
    qint64 rows = 0;
    for (const ReportSection &section : document.sections) {
        if (!section.table)
            continue;
        sections << &section;
        const qint64 lines = section.table->rows.size() + (section.table->totals.isEmpty() ? 0 : 1);
        if (lines >= MaxRows) {
            return fail(ErrorCode::InvalidInput,
                        tr("This report has more rows than Excel can hold (%1). Choose a shorter period, or save it as CSV.")
                            .arg(MaxRows - 1));
        }
        rows += section.table->rows.size();
    }
    if (sections.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("This report has no table to save as a spreadsheet."));

    const auto cannotWrite = [&path] {
        return fail(ErrorCode::Io,
                    tr("Kengele could not save %1. Choose a folder you are allowed to change, and close "
                       "the file if it is open in Excel.")
                        .arg(QDir::toNativeSeparators(path)));
    };
    // Written beside the target under another name, then put in its place: a failed write leaves the
    // old file as it was.
    QTemporaryFile partial(QFileInfo(path).absolutePath() + QStringLiteral("/.kengele-XXXXXX.xlsx"));
    if (!partial.open()) {
        qCWarning(lcImport) << "cannot make the workbook's temporary file:" << partial.errorString();
        return cannotWrite();
    }
    partial.close();
    const QByteArray partialName = QFile::encodeName(partial.fileName());
    QByteArray tmpdir = QFile::encodeName(tempFolder.isEmpty() ? QDir::tempPath() : tempFolder);

    const CNumericLocale numericLocale;
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir.data();
    options.use_zip64 = LXW_TRUE;
    lxw_workbook *workbook = workbook_new_opt(partialName.constData(), &options);
    if (!workbook) {
        qCWarning(lcImport) << "libxlsxwriter could not start a workbook";
        return cannotWrite();
    }
    const QByteArray title = cellText(document.title);
    const QByteArray subject = cellText(document.subtitle);
    lxw_doc_properties properties{};
    properties.title = const_cast<char *>(title.constData());
    properties.subject = const_cast<char *>(subject.constData());
    lxw_error error = workbook_set_properties(workbook, &properties);

    const Formats formats = makeFormats(workbook);
    QStringList names;
    for (const ReportSection *section : std::as_const(sections)) {
        if (error)
            break;
        const QString wanted = !section->heading.isEmpty() ? section->heading : section->table->title;
        names << sheetName(wanted, names);
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, names.constLast().toUtf8().constData());
        if (!sheet) {
            error = LXW_ERROR_SHEETNAME_ALREADY_USED;
            break;
        }
        error = writeTable(sheet, *section->table, formats);
    }
    // The file is made only here; a failure before still has to close (and free) the workbook.
    const lxw_error closed = workbook_close(workbook);
    if (error || closed) {
        qCWarning(lcImport) << "writing the workbook failed:" << lxw_strerror(error ? error : closed);
        return cannotWrite();
    }
    if (QFile::exists(path) && !QFile::remove(path)) {
        qCWarning(lcImport) << "cannot replace the existing workbook";
        return cannotWrite();
    }
    if (!QFile::rename(partial.fileName(), path)) {
        qCWarning(lcImport) << "cannot move the workbook into place";
        return cannotWrite();
    }
    partial.setAutoRemove(false);
    return rows;
}

} // namespace kengele
