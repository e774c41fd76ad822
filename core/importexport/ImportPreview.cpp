// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ImportPreview.h"

#include "CsvReader.h"
#include "TextFileDecoder.h"
#include "VCardReader.h"
#include "contacts/PhoneNormalizer.h"

namespace kengele {

namespace {

// Cheap test first (enough digits, mostly digits), then libphonenumber.
bool looksLikePhone(QStringView cell, const PhoneNormalizer &phones)
{
    const QStringView trimmed = cell.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 30)
        return false;
    qsizetype digits = 0;
    for (const QChar ch : trimmed) {
        if (ch.isLetter())
            return false;
        digits += ch.isDigit();
    }
    if (digits < 7)
        return false;
    return phones.normalize(trimmed).has_value();
}

bool looksLikeEmail(QStringView cell)
{
    const QStringView trimmed = cell.trimmed();
    const qsizetype at = trimmed.indexOf(u'@');
    return at > 0 && at < trimmed.size() - 1 && !trimmed.contains(u' ');
}

bool hasLetters(QStringView cell)
{
    for (const QChar ch : cell) {
        if (ch.isLetter())
            return true;
    }
    return false;
}

QStringList padded(QStringList row, int columns)
{
    while (row.size() < columns)
        row.append(QString());
    return row;
}

} // namespace

Result<ImportPreview> ImportPreview::load(const QString &path, const PhoneNormalizer &phones)
{
    Result<DecodedText> decoded = TextFileDecoder::decodeFile(path);
    if (!decoded)
        return std::unexpected(decoded.error());
    ImportPreview preview = fromText(decoded->text, phones);
    preview.m_path = path;
    preview.m_encoding = decoded->encoding;
    preview.m_warnings = decoded->warnings + preview.m_warnings;
    return preview;
}

ImportPreview ImportPreview::fromText(const QString &text, const PhoneNormalizer &phones)
{
    ImportPreview preview;
    preview.m_encoding = QStringLiteral("UTF-8");

    if (VCardReader::looksLikeVCard(text)) {
        preview.m_format = Format::VCard;
        preview.m_fixedHeaders = {ColumnMapping::fieldName(ImportField::FullName), ColumnMapping::fieldName(ImportField::Phone),
                                  ColumnMapping::fieldName(ImportField::Email), ColumnMapping::fieldName(ImportField::Groups),
                                  ColumnMapping::fieldName(ImportField::Notes)};
        preview.m_columnCount = int(preview.m_fixedHeaders.size());
        preview.m_mapping = ColumnMapping(
            {ImportField::FullName, ImportField::Phone, ImportField::Email, ImportField::Groups, ImportField::Notes}, false);
        VCardReader reader(text);
        VCard card;
        while (reader.next(card)) {
            ++preview.m_records;
            if (preview.m_rows.size() < SampleRows) {
                QString name = QStringList{card.firstName, card.lastName}.join(u' ').trimmed();
                if (name.isEmpty())
                    name = card.formattedName;
                preview.m_rows.append(
                    {name, card.phone, card.emails.value(0), card.categories.join(QStringLiteral("; ")), card.notes});
            }
        }
        return preview;
    }

    preview.m_format = Format::Csv;
    CsvReader reader(text);
    preview.m_delimiter = reader.delimiter();
    CsvRecord record;
    while (preview.m_rows.size() <= GuessRows && reader.next(record)) {
        ++preview.m_records;
        if (!record.isValid()) {
            // The first record is the header even when it cannot be read (as for the importer).
            if (preview.m_records == 1)
                preview.m_rows.append(QStringList());
            continue;
        }
        preview.m_columnCount = qMax(preview.m_columnCount, int(record.fields.size()));
        preview.m_rows.append(record.fields);
    }
    preview.m_records += reader.countRemaining();
    if (preview.m_rows.isEmpty()) {
        preview.m_needsMapping = true;
        return preview;
    }

    // A phone number in the first row means the file has no header.
    bool firstRowIsData = false;
    for (const QString &cell : std::as_const(preview.m_rows.first())) {
        if (looksLikePhone(cell, phones)) {
            firstRowIsData = true;
            break;
        }
    }
    if (firstRowIsData) {
        preview.m_mapping
            = guessFromContent(preview.m_rows, preview.m_columnCount, phones,
                               ColumnMapping(QList<ImportField>(preview.m_columnCount, ImportField::Ignore), false));
        preview.m_needsMapping = true;
        return preview;
    }

    ColumnMapping mapping = ColumnMapping::fromHeaders(padded(preview.m_rows.first(), preview.m_columnCount));
    if (!mapping.hasPhone()) {
        mapping = guessFromContent(preview.m_rows.mid(1), preview.m_columnCount, phones, mapping);
        preview.m_needsMapping = true;
    }
    preview.m_mapping = mapping;
    return preview;
}

ColumnMapping ImportPreview::guessFromContent(const QList<QStringList> &rows, int columnCount, const PhoneNormalizer &phones,
                                              ColumnMapping start)
{
    ColumnMapping mapping = std::move(start);
    if (mapping.columnCount() < columnCount)
        mapping.setField(columnCount - 1, mapping.field(columnCount - 1));

    QList<int> filled(columnCount, 0);
    QList<int> phoneLike(columnCount, 0);
    QList<int> emailLike(columnCount, 0);
    QList<int> textLike(columnCount, 0);
    for (const QStringList &row : rows) {
        for (int column = 0; column < columnCount && column < row.size(); ++column) {
            const QStringView cell = QStringView(row[column]).trimmed();
            if (cell.isEmpty())
                continue;
            ++filled[column];
            if (mapping.field(column) != ImportField::Ignore)
                continue;
            if (looksLikeEmail(cell))
                ++emailLike[column];
            else if (looksLikePhone(cell, phones))
                ++phoneLike[column];
            else if (hasLetters(cell))
                ++textLike[column];
        }
    }
    const auto mostly = [&filled](const QList<int> &counts, int column) {
        return counts[column] > 0 && counts[column] * 2 > filled[column];
    };
    const auto unmapped = [&mapping](int column) {
        return mapping.field(column) == ImportField::Ignore;
    };

    if (!mapping.hasPhone()) {
        int best = -1;
        for (int column = 0; column < columnCount; ++column) {
            if (unmapped(column) && mostly(phoneLike, column) && (best < 0 || phoneLike[column] > phoneLike[best]))
                best = column;
        }
        if (best >= 0)
            mapping.setField(best, ImportField::Phone);
    }
    if (mapping.columnOf(ImportField::Email) < 0) {
        for (int column = 0; column < columnCount; ++column) {
            if (unmapped(column) && mostly(emailLike, column)) {
                mapping.setField(column, ImportField::Email);
                break;
            }
        }
    }
    const bool hasName = mapping.columnOf(ImportField::FullName) >= 0 || mapping.columnOf(ImportField::FirstName) >= 0
        || mapping.columnOf(ImportField::LastName) >= 0;
    if (!hasName) {
        for (int column = 0; column < columnCount; ++column) {
            if (unmapped(column) && mostly(textLike, column)) {
                mapping.setField(column, ImportField::FullName);
                break;
            }
        }
    }
    return mapping;
}

QStringList ImportPreview::headers() const
{
    if (m_format == Format::VCard)
        return m_fixedHeaders;
    QStringList titles;
    const bool header = m_mapping.firstRowIsHeader() && !m_rows.isEmpty();
    for (int column = 0; column < m_columnCount; ++column) {
        const QString title = header ? m_rows.first().value(column).simplified() : QString();
        titles.append(title.isEmpty() ? tr("Column %1").arg(column + 1) : title);
    }
    return titles;
}

QList<QStringList> ImportPreview::sampleRows() const
{
    const int first = m_format == Format::Csv && m_mapping.firstRowIsHeader() ? 1 : 0;
    QList<QStringList> rows;
    for (qsizetype i = first; i < m_rows.size() && rows.size() < SampleRows; ++i)
        rows.append(padded(m_rows[i], m_columnCount));
    return rows;
}

int ImportPreview::rowCount() const
{
    if (m_format == Format::Csv && m_mapping.firstRowIsHeader() && m_records > 0)
        return m_records - 1;
    return m_records;
}

} // namespace kengele
