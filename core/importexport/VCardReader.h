// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

namespace kengele {

// What a contact card holds that Kengele uses.
struct VCard {
    int line = 0; // the line of its BEGIN:VCARD, 1-based
    QString formattedName; // FN
    QString firstName; // from N (given and additional names)
    QString lastName; // from N (family name)
    QStringList phones; // every TEL, in the order of the card
    QString phone; // the mobile number (TYPE=CELL) if the card marks one, else the first TEL
    QStringList emails;
    QString notes;
    QStringList categories; // CATEGORIES: Kengele groups
};

// Reads vCard 2.1, 3.0 and 4.0 files as phones and address books export them: folded lines,
// backslash escapes, group prefixes (item1.TEL), 2.1 style bare parameters (TEL;CELL) and
// quoted-printable values with soft line breaks and a CHARSET. Unknown properties are ignored.
class VCardReader final
{
public:
    explicit VCardReader(QString text);

    // True when the text starts (after blank lines) with BEGIN:VCARD.
    static bool looksLikeVCard(QStringView text);

    // Reads the next card; false when there are no more.
    bool next(VCard &card);

    // Cards still to come, without moving the reader.
    int countRemaining() const;

    qsizetype position() const { return m_pos; }
    qsizetype size() const { return m_text.size(); }

private:
    // One physical line; false at the end of the text.
    bool readLine(QStringView *line);
    bool peekLine(QStringView *line) const;

    QString m_text;
    qsizetype m_pos = 0;
    int m_line = 0; // number of the line most recently read
};

} // namespace kengele
