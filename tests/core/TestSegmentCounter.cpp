// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "messaging/GsmCharset.h"
#include "messaging/SegmentCounter.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using kengele::SegmentCounter;
using kengele::SegmentInfo;

namespace {

QString repeat(QStringView piece, qsizetype times)
{
    return piece.toString().repeated(times);
}

QString plain(qsizetype n)
{
    return repeat(u"a", n);
}

const QString kEuro = u"\u20AC"_s;
const QString kCyrillic = u"\u0436"_s; // ж: one UTF-16 unit, not GSM-7
const QString kEmoji = u"\U0001F600"_s; // 😀: a surrogate pair

// A deliberately naive reference: lay the characters out part by part.
struct Reference {
    bool ucs2 = false;
    int segments = 0;
    qsizetype units = 0;
    qsizetype remaining = 0;
};

Reference reference(const QString &text)
{
    QList<int> widths; // one entry per character as the network sees it
    bool ucs2 = false;
    for (QChar ch : text)
        ucs2 = ucs2 || kengele::GsmCharset::septets(ch) == 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (ucs2) {
            const bool pair = text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
            widths.append(pair ? 2 : 1);
            i += pair ? 1 : 0;
        } else {
            widths.append(kengele::GsmCharset::septets(text[i]));
        }
    }
    Reference ref;
    ref.ucs2 = ucs2;
    for (int w : widths)
        ref.units += w;
    const int single = ucs2 ? 70 : 160;
    const int multi = ucs2 ? 67 : 153;
    if (widths.isEmpty()) {
        ref.remaining = 160;
        return ref;
    }
    if (ref.units <= single) {
        ref.segments = 1;
        ref.remaining = single - ref.units;
        return ref;
    }
    QList<int> parts{0};
    for (int w : widths) {
        if (parts.last() + w > multi)
            parts.append(0);
        parts.last() += w;
    }
    ref.segments = int(parts.size());
    ref.remaining = multi - parts.last();
    return ref;
}

} // namespace

class TestSegmentCounter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void count_data();
    void count();
    void encodingName();
    void matchesNaiveReference();
};

void TestSegmentCounter::count_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ucs2");
    QTest::addColumn<int>("segments");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("characters");
    QTest::addColumn<int>("remaining");
    QTest::addColumn<QString>("firstNonGsm");
    QTest::addColumn<int>("firstNonGsmIndex");

    const QString none;

    // text                                   ucs2  segs units chars rem  first  index
    QTest::addRow("empty") << QString() << false << 0 << 0 << 0 << 160 << none << -1;
    QTest::addRow("one char") << u"a"_s << false << 1 << 1 << 1 << 159 << none << -1;
    QTest::addRow("swahili") << u"Habari za asubuhi"_s << false << 1 << 17 << 17 << 143 << none << -1;

    // GSM-7 boundaries: 160 in one part, then 153 per part.
    QTest::addRow("160 gsm") << plain(160) << false << 1 << 160 << 160 << 0 << none << -1;
    QTest::addRow("161 gsm") << plain(161) << false << 2 << 161 << 161 << 145 << none << -1;
    QTest::addRow("306 gsm") << plain(306) << false << 2 << 306 << 306 << 0 << none << -1;
    QTest::addRow("307 gsm") << plain(307) << false << 3 << 307 << 307 << 152 << none << -1;
    QTest::addRow("459 gsm") << plain(459) << false << 3 << 459 << 459 << 0 << none << -1;
    QTest::addRow("460 gsm") << plain(460) << false << 4 << 460 << 460 << 152 << none << -1;

    // CR and LF are one septet each; form feed and the other extension characters two.
    QTest::addRow("crlf") << u"Mungu\r\nni mwema"_s << false << 1 << 15 << 15 << 145 << none << -1;
    QTest::addRow("lf only") << u"\n"_s << false << 1 << 1 << 1 << 159 << none << -1;
    QTest::addRow("cr only") << u"\r"_s << false << 1 << 1 << 1 << 159 << none << -1;
    QTest::addRow("form feed") << u"\f"_s << false << 1 << 2 << 1 << 158 << none << -1;
    QTest::addRow("euro alone") << kEuro << false << 1 << 2 << 1 << 158 << none << -1;
    QTest::addRow("all extension chars") << u"^{}\\[~]|\u20AC\f"_s << false << 1 << 20 << 10 << 140 << none << -1;
    QTest::addRow("greek capitals") << u"\u0394\u03A6\u0393\u039B\u03A9\u03A0\u03A8\u03A3\u0398\u039E"_s << false << 1 << 10 << 10
                                    << 150 << none << -1;

    // Extension characters near the single-part limit.
    QTest::addRow("158 + euro = 160") << plain(158) + kEuro << false << 1 << 160 << 159 << 0 << none << -1;
    QTest::addRow("158 + pipe = 160") << plain(158) + u"|"_s << false << 1 << 160 << 159 << 0 << none << -1;
    QTest::addRow("159 + euro = 161") << plain(159) + kEuro << false << 2 << 161 << 160 << 145 << none << -1;
    QTest::addRow("150 + ^{} fits") << plain(150) + u"^{}"_s << false << 1 << 156 << 153 << 4 << none << -1;

    // An escape pair is never split: with one septet left in a part, it moves to the next part.
    // part 1: 152 | part 2: € + 7 = 9
    QTest::addRow("152 + euro + 7") << plain(152) + kEuro + plain(7) << false << 2 << 161 << 160 << 144 << none << -1;
    // part 1: 153 | part 2: € + 6 = 8
    QTest::addRow("153 + euro + 6") << plain(153) + kEuro + plain(6) << false << 2 << 161 << 160 << 145 << none << -1;
    // part 1: 151 + € = 153 | part 2: 8
    QTest::addRow("151 + euro + 8") << plain(151) + kEuro + plain(8) << false << 2 << 161 << 160 << 145 << none << -1;
    // part 1: 152 | part 2: € + 151 = 153 | part 3: 1
    QTest::addRow("152 + euro + 152") << plain(152) + kEuro + plain(152) << false << 3 << 306 << 305 << 152 << none << -1;
    QTest::addRow("152 + brace + 152") << plain(152) + u"{"_s + plain(152) << false << 3 << 306 << 305 << 152 << none << -1;
    // part 1: 153 | part 2: € + 151 = 153
    QTest::addRow("153 + euro + 151") << plain(153) + kEuro + plain(151) << false << 2 << 306 << 305 << 0 << none << -1;
    // 80 € = 160 septets: one part.
    QTest::addRow("80 euro") << repeat(kEuro, 80) << false << 1 << 160 << 80 << 0 << none << -1;
    // 81 €: part 1 holds 76 (152, one septet wasted) | part 2: 5 € = 10
    QTest::addRow("81 euro") << repeat(kEuro, 81) << false << 2 << 162 << 81 << 143 << none << -1;
    // 153 €: 76 | 76 | 1
    QTest::addRow("153 euro") << repeat(kEuro, 153) << false << 3 << 306 << 153 << 151 << none << -1;

    // UCS-2 boundaries: 70 in one part, then 67 per part.
    QTest::addRow("1 ucs2") << u"\u00E7"_s << true << 1 << 1 << 1 << 69 << u"\u00E7"_s << 0;
    QTest::addRow("70 ucs2") << repeat(kCyrillic, 70) << true << 1 << 70 << 70 << 0 << kCyrillic << 0;
    QTest::addRow("71 ucs2") << repeat(kCyrillic, 71) << true << 2 << 71 << 71 << 63 << kCyrillic << 0;
    QTest::addRow("134 ucs2") << repeat(kCyrillic, 134) << true << 2 << 134 << 134 << 0 << kCyrillic << 0;
    QTest::addRow("135 ucs2") << repeat(kCyrillic, 135) << true << 3 << 135 << 135 << 66 << kCyrillic << 0;

    // One non-GSM character makes the whole text UCS-2, and is reported.
    QTest::addRow("curly quote") << u"Hello \u2019world\u2019"_s << true << 1 << 13 << 13 << 57 << u"\u2019"_s << 6;
    QTest::addRow("c cedilla at end") << plain(69) + u"\u00E7"_s << true << 1 << 70 << 70 << 0 << u"\u00E7"_s << 69;
    QTest::addRow("160 gsm + c cedilla") << plain(160) + u"\u00E7"_s << true << 3 << 161 << 161 << 40 << u"\u00E7"_s << 160;
    QTest::addRow("67 + ucs2 + 3") << plain(67) + kCyrillic + plain(3) << true << 2 << 71 << 71 << 63 << kCyrillic << 67;
    QTest::addRow("68 + ucs2 + 2") << plain(68) + kCyrillic + plain(2) << true << 2 << 71 << 71 << 63 << kCyrillic << 68;
    QTest::addRow("tab") << u"a\tb"_s << true << 1 << 3 << 3 << 67 << u"\t"_s << 1;
    QTest::addRow("backtick") << u"`"_s << true << 1 << 1 << 1 << 69 << u"`"_s << 0;
    QTest::addRow("greek small alpha") << u"\u03B1"_s << true << 1 << 1 << 1 << 69 << u"\u03B1"_s << 0;
    QTest::addRow("euro in ucs2 is one unit") << kEuro + kCyrillic << true << 1 << 2 << 2 << 68 << kCyrillic << 1;

    // Surrogate pairs: two units, one character, never split across parts.
    QTest::addRow("emoji alone") << kEmoji << true << 1 << 2 << 1 << 68 << kEmoji << 0;
    QTest::addRow("35 emoji = 70") << repeat(kEmoji, 35) << true << 1 << 70 << 35 << 0 << kEmoji << 0;
    // 36 emoji: part 1 holds 33 (66 units, one wasted) | part 2: 3 emoji = 6
    QTest::addRow("36 emoji") << repeat(kEmoji, 36) << true << 2 << 72 << 36 << 61 << kEmoji << 0;
    // 66 + emoji fits one part only when the whole text does:
    QTest::addRow("66 + emoji = 68") << plain(66) + kEmoji << true << 1 << 68 << 67 << 2 << kEmoji << 66;
    // part 1: 66 | part 2: emoji + 10 = 12
    QTest::addRow("66 + emoji + 10") << plain(66) + kEmoji + plain(10) << true << 2 << 78 << 77 << 55 << kEmoji << 66;
    // part 1: 65 + emoji = 67 | part 2: 11
    QTest::addRow("65 + emoji + 11") << plain(65) + kEmoji + plain(11) << true << 2 << 78 << 77 << 56 << kEmoji << 65;
    // part 1: 66 | part 2: emoji + 65 = 67 | part 3: 2
    QTest::addRow("66 + emoji + 67 ucs2") << repeat(kCyrillic, 66) + kEmoji + repeat(kCyrillic, 67) << true << 3 << 135 << 134
                                          << 65 << kCyrillic << 0;
    // part 1: 65 + emoji = 67 | part 2: 67
    QTest::addRow("65 + emoji + 67 ucs2") << repeat(kCyrillic, 65) + kEmoji + repeat(kCyrillic, 67) << true << 2 << 134 << 133
                                          << 0 << kCyrillic << 0;
    // A lone surrogate is sent as one unit.
    QTest::addRow("lone high surrogate") << QString(QChar(char16_t(0xD83D))) << true << 1 << 1 << 1 << 69
                                         << QString(QChar(char16_t(0xD83D))) << 0;
    QTest::addRow("lone low surrogate then text")
        << QString(QChar(char16_t(0xDE00))) + u"ab"_s << true << 1 << 3 << 3 << 67 << QString(QChar(char16_t(0xDE00))) << 0;
}

void TestSegmentCounter::count()
{
    QFETCH(QString, text);
    QFETCH(bool, ucs2);
    QFETCH(int, segments);
    QFETCH(int, units);
    QFETCH(int, characters);
    QFETCH(int, remaining);
    QFETCH(QString, firstNonGsm);
    QFETCH(int, firstNonGsmIndex);

    const SegmentInfo info = SegmentCounter::count(text);
    QCOMPARE(info.encoding, ucs2 ? SegmentInfo::Encoding::Ucs2 : SegmentInfo::Encoding::Gsm7);
    QCOMPARE(info.isUnicode(), ucs2);
    QCOMPARE(info.segments, segments);
    QCOMPARE(info.units, qsizetype(units));
    QCOMPARE(info.characters, qsizetype(characters));
    QCOMPARE(info.remainingInSegment, qsizetype(remaining));
    QCOMPARE(info.firstNonGsm, firstNonGsm);
    QCOMPARE(info.firstNonGsmIndex, qsizetype(firstNonGsmIndex));
}

void TestSegmentCounter::encodingName()
{
    QCOMPARE(SegmentCounter::count(u"Amani").encodingName(), u"GSM-7"_s);
    QCOMPARE(SegmentCounter::count(u"Amani\u2019").encodingName(), u"UCS-2"_s);
    QCOMPARE(SegmentCounter::count(QStringView()).encodingName(), u"GSM-7"_s);
}

void TestSegmentCounter::matchesNaiveReference()
{
    // Random texts dense in extension characters and surrogate pairs around every boundary.
    const QString gsmPool = u"abc XYZ,.\n\u20AC{}[]^~|\\"_s;
    const QString ucs2Pool = u"ab\u2019\u0436\u20AC"_s;
    QRandomGenerator random(20251121);
    for (int round = 0; round < 20000; ++round) {
        const bool unicode = random.bounded(2) == 1;
        const int length = random.bounded(1, 480);
        QString text;
        for (int i = 0; i < length; ++i) {
            if (unicode && random.bounded(6) == 0) {
                text += kEmoji;
            } else {
                const QString &pool = unicode ? ucs2Pool : gsmPool;
                text += pool.at(random.bounded(int(pool.size())));
            }
        }
        const Reference expected = reference(text);
        const SegmentInfo info = SegmentCounter::count(text);
        QCOMPARE(info.isUnicode(), expected.ucs2);
        QCOMPARE(info.segments, expected.segments);
        QCOMPARE(info.units, expected.units);
        QCOMPARE(info.remainingInSegment, expected.remaining);
        QCOMPARE(info.characters, qsizetype(text.toUcs4().size()));
    }
}

QTEST_GUILESS_MAIN(TestSegmentCounter)
#include "TestSegmentCounter.moc"
