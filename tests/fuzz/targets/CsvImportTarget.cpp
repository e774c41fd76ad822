// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FuzzTargets.h"
#include "contacts/PhoneNormalizer.h"
#include "importexport/CsvReader.h"
#include "importexport/CsvRows.h"
#include "importexport/ImportPreview.h"
#include "importexport/TextFileDecoder.h"

#include <array>

namespace kengele::fuzz {

namespace {

// Every record of `text` read with `delimiter`: the count matches countRemaining(), lines only go
// forward, and a record with a problem has no fields.
void readAll(const QString &text, QChar delimiter)
{
    CsvReader reader(text, delimiter);
    require(!reader.delimiter().isNull(), "the CSV reader has a delimiter");
    const int expected = reader.countRemaining();
    CsvRecord record;
    int count = 0;
    int lastLine = 0;
    while (reader.next(record)) {
        ++count;
        require(count <= expected, "CsvReader::next() gives no more records than countRemaining() said");
        require(record.line > lastLine, "CSV records start on later lines");
        lastLine = record.line;
        require(record.isValid() || record.fields.isEmpty(), "a CSV record with a problem has no fields");
        require(record.fields.size() <= CsvReader::MaxColumns, "a CSV record has at most MaxColumns fields");
        for (const QString &field : std::as_const(record.fields))
            require(field.size() <= CsvReader::MaxFieldLength, "a CSV field is at most MaxFieldLength long");
        require(reader.position() <= reader.size(), "the CSV reader stays inside the text");
    }
    require(count == expected, "countRemaining() counts what next() gives");
    require(reader.atEnd(), "the CSV reader ends at the end of the text");
}

} // namespace

void csvImport(QByteArrayView bytes)
{
    const Result<DecodedText> decoded = TextFileDecoder::decode(bytes);
    if (!decoded) {
        require(!decoded.error().message.isEmpty(), "a refused file says why");
        return;
    }
    const QString &text = decoded->text;
    require(!text.isEmpty() && !text.startsWith(QChar(0xfeff)), "decoded text is not empty and has no byte order mark");
    require(!decoded->encoding.isEmpty(), "decoded text names its encoding");

    static const PhoneNormalizer phones(QStringLiteral("KE"));
    const ImportPreview preview = ImportPreview::fromText(text, phones);
    require(preview.headers().size() == preview.columnCount(), "the preview has a title for every column");
    for (const QStringList &row : preview.sampleRows())
        require(row.size() >= preview.columnCount(), "preview rows are padded to the column count");
    require(preview.rowCount() >= 0, "the preview counts rows");

    // The importer's CSV path with the preview's mapping (even for a file that looks like vCard:
    // a person can choose any mapping), then with every field on a column of its own.
    ColumnMapping mapping = preview.mapping();
    if (!mapping.hasPhone())
        mapping = ColumnMapping({ImportField::FullName, ImportField::Phone, ImportField::Email, ImportField::Notes,
                                 ImportField::Groups, ImportField::FirstName, ImportField::LastName, ImportField::Notes,
                                 ImportField::Groups});
    CsvRows rows(text, mapping);
    const int remaining = rows.remaining();
    ImportRow row;
    int count = 0;
    int lastLine = 0;
    int normalised = 0;
    while (rows.next(row)) {
        ++count;
        require(count <= remaining, "CsvRows::next() gives no more rows than remaining() said");
        require(row.line > lastLine, "import rows come in line order");
        lastLine = row.line;
        if (!row.problem.isEmpty())
            continue;
        for (const QString &group : std::as_const(row.groups))
            require(!group.isEmpty() && group == group.simplified(), "group names are simplified and not empty");
        // libphonenumber is slow: the first rows are enough to reach it with what the reader made.
        if (normalised++ < 20) {
            const Result<QString> e164 = phones.normalize(row.contact.phoneRaw);
            require(!e164 || e164->startsWith(u'+'), "a normalised number is E.164");
        }
    }
    require(count == remaining, "CsvRows::remaining() counts what next() gives");

    for (const QChar delimiter : std::array{QChar(), QChar(u','), QChar(u';'), QChar(u'\t')})
        readAll(text, delimiter);
}

} // namespace kengele::fuzz
