// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FuzzTargets.h"
#include "contacts/PhoneNormalizer.h"
#include "importexport/ImportPreview.h"
#include "importexport/TextFileDecoder.h"
#include "importexport/VCardReader.h"
#include "importexport/VCardRows.h"

namespace kengele::fuzz {

void vcardImport(QByteArrayView bytes)
{
    const Result<DecodedText> decoded = TextFileDecoder::decode(bytes);
    if (!decoded) {
        require(!decoded.error().message.isEmpty(), "a refused file says why");
        return;
    }
    const QString &text = decoded->text;

    // The cards as the reader gives them (the importer reads any text it is handed as vCard once
    // looksLikeVCard() said so; here every text is read, so the reader meets whatever a file holds).
    VCardReader reader(text);
    const int expected = reader.countRemaining();
    VCard card;
    int count = 0;
    int lastLine = 0;
    while (reader.next(card)) {
        ++count;
        require(count <= expected, "VCardReader::next() gives no more cards than countRemaining() said");
        require(card.line > lastLine, "cards come in line order");
        lastLine = card.line;
        require(card.phone.isEmpty() == card.phones.isEmpty(), "a card has a phone exactly when it has numbers");
        require(card.phone.isEmpty() || card.phones.contains(card.phone), "the chosen phone is one of the card's numbers");
        for (const QString &phone : std::as_const(card.phones))
            require(!phone.isEmpty(), "a card's numbers are not empty");
        for (const QString &category : std::as_const(card.categories))
            require(!category.isEmpty(), "a card's categories are not empty");
        require(reader.position() <= reader.size(), "the vCard reader stays inside the text");
    }
    require(count == expected, "countRemaining() counts what next() gives");

    VCardRows rows(text);
    const int remaining = rows.remaining();
    require(remaining == expected, "VCardRows counts the reader's cards");
    ImportRow row;
    int rowCount = 0;
    while (rows.next(row)) {
        ++rowCount;
        require(row.problem.isEmpty(), "a card is never a row with a problem");
        require(row.line > 0, "a card's row has its line");
    }
    require(rowCount == remaining, "VCardRows::remaining() counts what next() gives");

    static const PhoneNormalizer phones(QStringLiteral("KE"));
    const ImportPreview preview = ImportPreview::fromText(text, phones);
    if (VCardReader::looksLikeVCard(text)) {
        require(preview.format() == ImportPreview::Format::VCard, "a vCard file previews as vCard");
        require(preview.rowCount() == expected, "the preview counts every card");
        require(preview.headers().size() == preview.columnCount(), "the preview has a title for every column");
        require(preview.sampleRows().size() == qMin(expected, int(ImportPreview::SampleRows)),
                "the preview shows the first cards");
    }
}

} // namespace kengele::fuzz
