// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringView>

namespace kengele {

// What a text costs to send: its encoding, how many SMS parts (segments) it takes, and how close
// it is to the next part. One token pays for one segment to one recipient.
struct SegmentInfo {
    enum class Encoding { Gsm7, Ucs2 };

    Encoding encoding = Encoding::Gsm7;
    int segments = 0; // 0 for an empty text
    qsizetype units = 0; // septets for GSM-7 (an extension character counts 2),
                         // UTF-16 code units for UCS-2 (an emoji counts 2)
    qsizetype characters = 0; // Unicode code points, as a person would count them
    qsizetype remainingInSegment = 0; // units that still fit before another segment is needed
    QString firstNonGsm; // the character that forced UCS-2 (a whole code point); empty for GSM-7
    qsizetype firstNonGsmIndex = -1; // its UTF-16 index in the text; -1 for GSM-7

    // "GSM-7" or "UCS-2" (technical names, not translated): toText() of SmsEncoding.
    QString encodingName() const;
    bool isUnicode() const { return encoding == Encoding::Ucs2; }
};

// Counts SMS segments exactly as the network splits them (3GPP TS 23.038 / 23.040):
//  - GSM-7: up to 160 septets in one part; when concatenated, 153 per part (the user-data header
//    takes the rest), and an extension character's escape pair is never split across parts.
//  - UCS-2: up to 70 UTF-16 units in one part; 67 per part when concatenated, and a surrogate pair
//    is never split across parts.
// count() makes one pass over the text and allocates nothing for GSM-7 texts (one small string for
// the offending character otherwise), so it can run on every keystroke and over whole campaigns.
class SegmentCounter final
{
public:
    SegmentCounter() = delete;

    static SegmentInfo count(QStringView text);

    static constexpr int Gsm7SinglePart = 160;
    static constexpr int Gsm7MultiPart = 153;
    static constexpr int Ucs2SinglePart = 70;
    static constexpr int Ucs2MultiPart = 67;
};

} // namespace kengele
