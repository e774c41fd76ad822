// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FuzzTargets.h"
#include "messaging/GsmCharset.h"
#include "messaging/GsmLookalikes.h"
#include "messaging/MessageTemplate.h"
#include "messaging/SegmentCounter.h"

#include <QList>

namespace kengele::fuzz {

namespace {

// What SegmentCounter says of `text` agrees with itself and with GsmCharset.
void checkSegments(const QString &text)
{
    const SegmentInfo info = SegmentCounter::count(text);
    require((info.segments == 0) == text.isEmpty(), "only an empty text has no segments");
    require(info.units >= 0 && info.characters >= 0 && info.characters <= text.size(), "segment counts are in range");
    require(info.remainingInSegment >= 0, "the room left in the last segment is not negative");
    if (info.encoding == SegmentInfo::Encoding::Gsm7) {
        require(GsmCharset::isGsm7(text), "a text counted as GSM-7 is GSM-7");
        require(info.firstNonGsmIndex == -1 && info.firstNonGsm.isEmpty(), "GSM-7 text has no first non-GSM character");
        require(info.units >= text.size() && info.units <= 2 * text.size(), "a GSM-7 character costs one or two septets");
        const qsizetype perPart = info.segments <= 1 ? SegmentCounter::Gsm7SinglePart : SegmentCounter::Gsm7MultiPart;
        require(info.units <= qsizetype(info.segments) * perPart, "GSM-7 septets fit in the segments counted");
        require(info.segments <= 1 || info.units > SegmentCounter::Gsm7SinglePart, "GSM-7 uses several parts only when needed");
    } else {
        require(!GsmCharset::isGsm7(text), "a text counted as UCS-2 is not GSM-7");
        require(info.units == text.size(), "UCS-2 units are UTF-16 units");
        require(info.firstNonGsmIndex >= 0 && info.firstNonGsmIndex < text.size(), "the first non-GSM character is in the text");
        require(!info.firstNonGsm.isEmpty() && QStringView(text).sliced(info.firstNonGsmIndex).startsWith(info.firstNonGsm),
                "the first non-GSM character is where it is said to be");
        const qsizetype perPart = info.segments <= 1 ? SegmentCounter::Ucs2SinglePart : SegmentCounter::Ucs2MultiPart;
        require(info.units <= qsizetype(info.segments) * perPart, "UCS-2 units fit in the segments counted");
        require(info.segments <= 1 || info.units > SegmentCounter::Ucs2SinglePart, "UCS-2 uses several parts only when needed");
    }
}

// The editor's look-alike advice for `text`, and that following all of it gives GSM-7.
void checkLookalikes(const QString &text)
{
    const QList<GsmLookalikes::NonGsmCharacter> found = GsmLookalikes::nonGsmCharacters(text);
    require(found.isEmpty() == GsmCharset::isGsm7(text), "look-alikes are found exactly in non-GSM text");
    bool allReplaceable = true;
    for (const GsmLookalikes::NonGsmCharacter &character : found) {
        require(character.occurrences > 0, "a non-GSM character occurs");
        require(character.firstIndex >= 0 && character.firstIndex < text.size()
                    && QStringView(text).sliced(character.firstIndex).startsWith(character.character),
                "a non-GSM character is where it is said to be");
        require(!GsmLookalikes::explanation(character).isEmpty(), "every non-GSM character is explained");
        if (character.hasReplacement)
            require(GsmCharset::isGsm7(character.replacement), "a stand-in is GSM-7");
        allReplaceable = allReplaceable && character.hasReplacement;
    }
    const QString replaced = GsmLookalikes::replaced(text);
    if (allReplaceable)
        require(GsmCharset::isGsm7(replaced), "replacing every replaceable character of such a text gives GSM-7");
    checkSegments(replaced);
}

} // namespace

void messageTemplate(QByteArrayView bytes)
{
    const qsizetype nul = bytes.indexOf('\0');
    const QString source = QString::fromUtf8(nul < 0 ? bytes : bytes.first(nul));
    MergeValues values;
    if (nul >= 0) {
        const QList<QByteArray> parts = bytes.sliced(nul + 1).toByteArray().split('\x01');
        const MergeField fields[] = {MergeField::FirstName, MergeField::LastName, MergeField::Name,
                                     MergeField::Phone,     MergeField::Group,    MergeField::Date};
        for (qsizetype i = 0; i < parts.size() && i < qsizetype(std::size(fields)); ++i)
            values.setValue(fields[i], QString::fromUtf8(parts[i]));
    }

    const MessageTemplate message(source);
    require(message.source() == source, "a template keeps its source");
    qsizetype lastStart = -1;
    for (const MessageTemplate::Token &token : message.tokens()) {
        require(token.start > lastStart && token.start < source.size(), "tokens are in order, inside the source");
        lastStart = token.start;
        if (token.kind == MessageTemplate::Token::Kind::Field) {
            require(QStringView(source).sliced(token.start).startsWith(token.text), "a field's text is its source");
            require(token.text.startsWith(u'{') && token.text.endsWith(u'}'), "a field is written in braces");
        } else {
            require(!token.text.isEmpty(), "a literal token is not empty");
        }
    }
    for (const MessageTemplate::Problem &problem : message.problems()) {
        require(problem.start >= 0 && problem.length > 0 && problem.start + problem.length <= source.size(),
                "a problem marks a part of the source");
        require(!problem.message.isEmpty(), "a problem says what it is");
    }
    const QList<MergeField> used = message.usedFields();
    require(used.isEmpty() != message.isPersonalised(), "a template is personal exactly when it uses fields");
    const Status sendable = message.checkSendable();
    require(!sendable || !message.hasProblems(), "a template with problems cannot be sent");
    require(sendable || !sendable.error().message.isEmpty(), "a template that cannot be sent says why");

    // Rendering with no values twice gives the same text; literal-only templates render as their literals.
    const QString rendered = message.render(values);
    const QString empty = message.render(MergeValues{});
    require(empty == message.render(MergeValues{}), "rendering is repeatable");
    if (!message.isPersonalised())
        require(rendered == empty, "a template without fields renders the same for everyone");
    for (const MergeField field : used)
        require(!MessageTemplate::fieldName(field).isEmpty() && !MessageTemplate::fieldLabel(field).isEmpty(),
                "fields have names");

    checkSegments(source);
    checkSegments(rendered);
    checkLookalikes(source);
    checkLookalikes(rendered);
    // The editor's "replace look-alikes" keeps a template's fields.
    const MessageTemplate replacedTemplate(GsmLookalikes::replaced(source));
    require(replacedTemplate.usedFields().size() <= used.size() || message.hasProblems(),
            "replacing look-alikes adds no fields to a template");
}

} // namespace kengele::fuzz
