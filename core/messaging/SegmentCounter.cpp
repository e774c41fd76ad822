// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SegmentCounter.h"

#include "GsmCharset.h"
#include "SmsEncoding.h"

namespace kengele {

namespace {

// The counting works on a "packed" length: the text laid out in multi-part-sized parts, plus one
// unit of padding wherever a two-unit character (an escape pair or a surrogate pair) would start
// on the last unit of a part and so must move to the next part. Plain characters cost one
// addition; only two-unit characters look at part boundaries.
void finish(SegmentInfo &info, qsizetype packed, int singlePart, int multiPart)
{
    if (info.units <= singlePart) {
        info.segments = 1;
        info.remainingInSegment = singlePart - info.units;
        return;
    }
    info.segments = int((packed + multiPart - 1) / multiPart);
    info.remainingInSegment = qsizetype(info.segments) * multiPart - packed;
}

SegmentInfo countUcs2(QStringView text, qsizetype firstNonGsm)
{
    constexpr int MultiPart = SegmentCounter::Ucs2MultiPart;
    const QChar *const data = text.data();
    const qsizetype size = text.size();

    // Everything before the first non-GSM character is GSM-7, hence in the BMP: one unit each.
    qsizetype packed = firstNonGsm;
    qsizetype pairs = 0;
    for (qsizetype i = firstNonGsm; i < size; ++i) {
        if (data[i].isHighSurrogate() && i + 1 < size && data[i + 1].isLowSurrogate()) {
            if (packed % MultiPart == MultiPart - 1)
                ++packed; // a surrogate pair is never split
            packed += 2;
            ++pairs;
            ++i;
        } else {
            ++packed; // a lone surrogate goes out as one unit
        }
    }

    SegmentInfo info;
    info.encoding = SegmentInfo::Encoding::Ucs2;
    info.units = size;
    info.characters = size - pairs;
    info.firstNonGsmIndex = firstNonGsm;
    const bool pairFirst
        = data[firstNonGsm].isHighSurrogate() && firstNonGsm + 1 < size && data[firstNonGsm + 1].isLowSurrogate();
    info.firstNonGsm = text.sliced(firstNonGsm, pairFirst ? 2 : 1).toString();
    finish(info, packed, SegmentCounter::Ucs2SinglePart, MultiPart);
    return info;
}

} // namespace

QString SegmentInfo::encodingName() const
{
    switch (encoding) {
    case Encoding::Gsm7:
        return toText(SmsEncoding::Gsm7);
    case Encoding::Ucs2:
        break;
    }
    return toText(SmsEncoding::Ucs2);
}

SegmentInfo SegmentCounter::count(QStringView text)
{
    SegmentInfo info;
    if (text.isEmpty()) {
        info.remainingInSegment = Gsm7SinglePart;
        return info;
    }

    // One pass assuming GSM-7; the first character outside it switches to UCS-2 counting.
    const QChar *const data = text.data();
    const qsizetype size = text.size();
    qsizetype packed = 0;
    qsizetype padding = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const int cost = GsmCharset::septets(data[i]);
        if (cost == 0)
            return countUcs2(text, i);
        if (cost == 2 && packed % Gsm7MultiPart == Gsm7MultiPart - 1) {
            ++packed; // an escape pair is never split
            ++padding;
        }
        packed += cost;
    }

    info.units = packed - padding;
    info.characters = size; // every GSM-7 character is a single UTF-16 unit
    finish(info, packed, Gsm7SinglePart, Gsm7MultiPart);
    return info;
}

} // namespace kengele
