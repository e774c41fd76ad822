// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "VCardReader.h"

#include <QStringDecoder>

namespace kengele {

namespace {

struct Property {
    QString name; // upper case, without a group prefix ("item1.")
    QStringList types; // upper case TYPE values, including 2.1 bare ones (CELL, HOME, ...)
    QString encoding; // upper case ENCODING
    QString charset; // CHARSET as written
    QString valueType; // upper case VALUE
};

// Splits on `separator` outside double quotes.
QList<QStringView> splitOutsideQuotes(QStringView text, QChar separator)
{
    QList<QStringView> parts;
    bool inQuotes = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (ch == u'"')
            inQuotes = !inQuotes;
        else if (ch == separator && !inQuotes) {
            parts.append(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    parts.append(text.sliced(start));
    return parts;
}

// Position of the ':' that ends the name and parameters, or -1.
qsizetype valueSeparator(QStringView line)
{
    bool inQuotes = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar ch = line[i];
        if (ch == u'"')
            inQuotes = !inQuotes;
        else if (ch == u':' && !inQuotes)
            return i;
    }
    return -1;
}

Property parseHead(QStringView head)
{
    Property property;
    const QList<QStringView> parts = splitOutsideQuotes(head, u';');
    QStringView name = parts.first().trimmed();
    if (const qsizetype dot = name.lastIndexOf(u'.'); dot >= 0)
        name = name.sliced(dot + 1);
    property.name = name.toString().toUpper();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QStringView parameter = parts[i].trimmed();
        const qsizetype equals = parameter.indexOf(u'=');
        if (equals < 0) {
            // vCard 2.1 allows bare values: TEL;CELL;PREF or NOTE;QUOTED-PRINTABLE.
            const QString value = parameter.toString().toUpper();
            if (value == u"QUOTED-PRINTABLE" || value == u"BASE64" || value == u"8BIT" || value == u"7BIT")
                property.encoding = value;
            else if (!value.isEmpty())
                property.types.append(value);
            continue;
        }
        const QString key = parameter.first(equals).trimmed().toString().toUpper();
        QString value = parameter.sliced(equals + 1).trimmed().toString();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.sliced(1, value.size() - 2);
        if (key == u"TYPE") {
            for (const QString &type : value.split(u',', Qt::SkipEmptyParts))
                property.types.append(type.trimmed().toUpper());
        } else if (key == u"ENCODING") {
            property.encoding = value.toUpper();
        } else if (key == u"CHARSET") {
            property.charset = value;
        } else if (key == u"VALUE") {
            property.valueType = value.toUpper();
        }
    }
    return property;
}

int hexValue(QChar ch)
{
    const char16_t c = ch.unicode();
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    return -1;
}

QString decodeQuotedPrintable(QStringView value, const QString &charset)
{
    QByteArray bytes;
    bytes.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar ch = value[i];
        if (ch == u'=' && i + 2 < value.size() && hexValue(value[i + 1]) >= 0 && hexValue(value[i + 2]) >= 0) {
            bytes.append(char(hexValue(value[i + 1]) * 16 + hexValue(value[i + 2])));
            i += 2;
        } else if (ch.unicode() < 0x80) {
            bytes.append(char(ch.unicode()));
        } else {
            bytes.append(QString(ch).toUtf8());
        }
    }
    if (charset.isEmpty() || charset.compare(u"UTF-8", Qt::CaseInsensitive) == 0)
        return QString::fromUtf8(bytes);
    QStringDecoder decoder(charset.toLatin1().constData());
    if (decoder.isValid())
        return decoder.decode(bytes);
    return QString::fromUtf8(bytes);
}

// Undoes vCard text escapes: \\ \, \; \: and \n (or \N) for a line break.
QString unescape(QStringView value)
{
    if (!value.contains(u'\\'))
        return value.toString();
    QString result;
    result.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar ch = value[i];
        if (ch == u'\\' && i + 1 < value.size()) {
            const QChar escaped = value[++i];
            if (escaped == u'n' || escaped == u'N')
                result.append(u'\n');
            else
                result.append(escaped);
        } else {
            result.append(ch);
        }
    }
    return result;
}

// Splits a structured value (N, CATEGORIES) on separators that are not escaped.
QList<QStringView> splitUnescaped(QStringView value, QStringView separators)
{
    QList<QStringView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar ch = value[i];
        if (ch == u'\\') {
            ++i;
        } else if (separators.contains(ch)) {
            parts.append(value.sliced(start, i - start));
            start = i + 1;
        }
    }
    parts.append(value.sliced(start));
    return parts;
}

bool isMobile(const QStringList &types)
{
    for (const QString &type : types) {
        if (type.contains(u"CELL") || type.contains(u"MOBILE"))
            return true;
    }
    return false;
}

} // namespace

VCardReader::VCardReader(QString text)
    : m_text(std::move(text))
{
    if (m_text.startsWith(QChar(0xfeff)))
        m_pos = 1;
}

bool VCardReader::looksLikeVCard(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && (text[i].isSpace() || text[i] == QChar(0xfeff)))
        ++i;
    return text.sliced(i).startsWith(u"BEGIN:VCARD", Qt::CaseInsensitive);
}

bool VCardReader::peekLine(QStringView *line) const
{
    if (m_pos >= m_text.size())
        return false;
    const QChar *data = m_text.constData();
    qsizetype end = m_pos;
    while (end < m_text.size() && data[end] != u'\n' && data[end] != u'\r')
        ++end;
    *line = QStringView(m_text).sliced(m_pos, end - m_pos);
    return true;
}

bool VCardReader::readLine(QStringView *line)
{
    if (!peekLine(line))
        return false;
    qsizetype pos = m_pos + line->size();
    if (pos < m_text.size()) {
        if (m_text[pos] == u'\r' && pos + 1 < m_text.size() && m_text[pos + 1] == u'\n')
            ++pos;
        ++pos;
    }
    m_pos = pos;
    ++m_line;
    return true;
}

bool VCardReader::next(VCard &card)
{
    card = VCard{};
    bool inCard = false;
    bool version21 = false;
    int nested = 0;
    QString preferredPhone;

    const auto finish = [&] {
        card.phone = preferredPhone.isEmpty() ? card.phones.value(0) : preferredPhone;
        return true;
    };

    QStringView physical;
    while (readLine(&physical)) {
        const int lineNumber = m_line;
        // Unfold: a line starting with a space or tab continues the one before. vCard 3.0 and 4.0
        // drop that one whitespace character; 2.1 keeps it (it folded at a space).
        QString logical = physical.toString();
        QStringView following;
        while (peekLine(&following) && !following.isEmpty() && (following[0] == u' ' || following[0] == u'\t')) {
            readLine(&following);
            logical += version21 ? following : following.sliced(1);
        }
        const qsizetype colon = valueSeparator(logical);
        if (colon < 0)
            continue;
        const Property property = parseHead(QStringView(logical).first(colon));
        QString value = logical.sliced(colon + 1);

        if (property.encoding == u"QUOTED-PRINTABLE") {
            // Soft line breaks: a line ending in '=' continues on the next line, unindented.
            while (value.endsWith(u'=') && peekLine(&following)) {
                readLine(&following);
                value.chop(1);
                value += following;
            }
        }

        if (!inCard) {
            if (property.name == u"BEGIN" && value.trimmed().compare(u"VCARD", Qt::CaseInsensitive) == 0) {
                inCard = true;
                card.line = lineNumber;
            }
            continue;
        }
        if (property.name == u"BEGIN") {
            ++nested; // a card inside a card (AGENT): not a contact of its own here
            continue;
        }
        if (property.name == u"END") {
            if (nested > 0) {
                --nested;
                continue;
            }
            return finish();
        }
        if (nested > 0)
            continue;

        if (property.encoding == u"BASE64" || property.encoding == u"B")
            continue; // photos, sounds, keys
        if (property.encoding == u"QUOTED-PRINTABLE")
            value = decodeQuotedPrintable(value, property.charset);

        const QString &name = property.name;
        if (name == u"VERSION") {
            version21 = value.trimmed() == u"2.1";
        } else if (name == u"FN") {
            card.formattedName = unescape(value).simplified();
        } else if (name == u"N") {
            const QList<QStringView> parts = splitUnescaped(value, u";");
            card.lastName = unescape(parts.value(0)).simplified();
            QStringList given;
            for (const qsizetype index : {1, 2}) {
                const QString part = unescape(parts.value(index)).simplified();
                if (!part.isEmpty())
                    given.append(part);
            }
            card.firstName = given.join(u' ');
        } else if (name == u"TEL") {
            QString number = unescape(value).trimmed();
            if (number.startsWith(u"tel:", Qt::CaseInsensitive)) {
                number = number.sliced(4);
                if (const qsizetype parameters = number.indexOf(u';'); parameters >= 0)
                    number.truncate(parameters);
            }
            if (number.isEmpty())
                continue;
            card.phones.append(number);
            if (preferredPhone.isEmpty() && isMobile(property.types))
                preferredPhone = number;
        } else if (name == u"EMAIL") {
            const QString email = unescape(value).trimmed();
            if (!email.isEmpty())
                card.emails.append(email);
        } else if (name == u"NOTE") {
            const QString note = unescape(value).trimmed();
            if (!note.isEmpty())
                card.notes = card.notes.isEmpty() ? note : QString(card.notes + u'\n' + note);
        } else if (name == u"CATEGORIES") {
            for (const QStringView part : splitUnescaped(value, u",;")) {
                const QString category = unescape(part).simplified();
                if (!category.isEmpty() && !card.categories.contains(category, Qt::CaseInsensitive))
                    card.categories.append(category);
            }
        }
    }
    if (inCard)
        return finish(); // the file ended before END:VCARD; keep what the card had
    return false;
}

int VCardReader::countRemaining() const
{
    VCardReader copy(*this);
    VCard card;
    int count = 0;
    while (copy.next(card))
        ++count;
    return count;
}

} // namespace kengele
