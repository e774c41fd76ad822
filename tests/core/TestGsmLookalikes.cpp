// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "messaging/GsmCharset.h"
#include "messaging/GsmLookalikes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using kengele::GsmCharset;
using kengele::GsmLookalikes;
using Kind = kengele::GsmLookalikes::Kind;

class TestGsmLookalikes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaced_data();
    void replaced();
    void everyReplacementIsGsm7();
    void kindOf_data();
    void kindOf();
    void nonGsmCharacters();
    void nonGsmCharactersOfGsmText();
    void explanation_data();
    void explanation();
};

void TestGsmLookalikes::replaced_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("gsm unchanged") << u"Habari {jina}, karibu! \u20AC5 @ 10:00\r\n\u00C9\u00E8\u00C7\u00DF\u00C5"_s
                                   << u"Habari {jina}, karibu! \u20AC5 @ 10:00\r\n\u00C9\u00E8\u00C7\u00DF\u00C5"_s;
    QTest::addRow("curly single") << u"\u2018Yesu\u2019 \u201Ax\u201B \u2032 \u02BCya"_s << u"'Yesu' 'x' ' 'ya"_s;
    QTest::addRow("curly double") << u"\u201CAmen\u201D \u201Ex\u2033 \u00ABy\u00BB \u201Fz"_s << u"\"Amen\" \"x\" \"y\" \"z"_s;
    QTest::addRow("angle single") << u"\u2039a\u203A"_s << u"'a'"_s;
    QTest::addRow("accents as quotes") << u"\u00B4quoted`"_s << u"'quoted'"_s;
    QTest::addRow("dashes") << u"a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h"_s << u"a-b-c-d-e-f-g-h"_s;
    QTest::addRow("ellipsis") << u"Subiri\u2026"_s << u"Subiri..."_s;
    QTest::addRow("spaces") << u"a\u00A0b\u2002c\u2009d\u202Fe\u3000f\u200Ag\u205Fh\u1680i"_s << u"a b c d e f g h i"_s;
    QTest::addRow("tab") << u"Jina:\tAmani"_s << u"Jina: Amani"_s;
    QTest::addRow("line separators") << u"a\u2028b\u2029c"_s << u"a\nb\nc"_s;
    QTest::addRow("bullets") << u"\u2022 moja\n\u2023 mbili\n\u25E6 tatu"_s << u"- moja\n- mbili\n- tatu"_s;
    QTest::addRow("lowercase accents")
        << u"\u00E1\u00ED\u00F3\u00FA \u00E2\u00EA\u00EE\u00F4\u00FB \u00E3\u00F5 \u00EB\u00EF\u00FF\u00FD"_s
        << u"aiou aeiou ao eiyy"_s;
    QTest::addRow("uppercase accents")
        << u"\u00C1\u00CD\u00D3\u00DA \u00C2\u00CA\u00CE\u00D4\u00DB \u00C3\u00D5 \u00C0\u00C8\u00CC\u00D2\u00D9"_s
        << u"AIOU AEIOU AO AEIOU"_s;
    QTest::addRow("c cedilla") << u"gar\u00E7on"_s << u"gar\u00C7on"_s;
    QTest::addRow("gsm accents kept") << u"caf\u00E9 na\u00EFve r\u00E9sum\u00E9"_s << u"caf\u00E9 naive r\u00E9sum\u00E9"_s;
    QTest::addRow("polish") << u"\u0141\u00F3d\u017A"_s << u"Lodz"_s;
    QTest::addRow("vietnamese double diacritic") << u"\u1EC7"_s << u"e"_s;
    QTest::addRow("ligature") << u"\u0152uvre \u0153"_s << u"OEuvre oe"_s;
    QTest::addRow("decomposed e acute") << u"e\u0301"_s << u"\u00E9"_s;
    QTest::addRow("decomposed a acute") << u"a\u0301"_s << u"a"_s;
    QTest::addRow("stray combining mark") << u"\u0301x"_s << u"x"_s;
    QTest::addRow("ohm and angstrom signs") << u"\u2126 \u212B"_s << u"\u03A9 \u00C5"_s;
    QTest::addRow("invisible removed") << u"\u200Bzero\uFEFFwidth\u00ADs\u200E"_s << u"zerowidths"_s;
    QTest::addRow("emoji kept") << u"Asante \U0001F64F\u2019"_s << u"Asante \U0001F64F'"_s;
    QTest::addRow("zero-width joiner kept") << u"\U0001F468\u200D\U0001F469"_s << u"\U0001F468\u200D\U0001F469"_s;
    QTest::addRow("other scripts kept") << u"\u0416\u0438\u0437\u043D\u044C \u4F60"_s
                                        << u"\u0416\u0438\u0437\u043D\u044C \u4F60"_s;
    QTest::addRow("lone surrogate kept") << QString(QChar(char16_t(0xD83D))) << QString(QChar(char16_t(0xD83D)));
}

void TestGsmLookalikes::replaced()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(GsmLookalikes::replaced(text), expected);
}

void TestGsmLookalikes::everyReplacementIsGsm7()
{
    int replaceable = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        const auto replacement = GsmLookalikes::replacementFor(cp);
        if (GsmCharset::contains(cp)) {
            QVERIFY(!replacement);
            continue;
        }
        if (!replacement)
            continue;
        ++replaceable;
        QVERIFY2(GsmCharset::isGsm7(*replacement), qPrintable(u"U+%1"_s.arg(uint(cp), 4, 16, QLatin1Char('0'))));
        QVERIFY(replacement->size() <= 3);
    }
    // At least the listed look-alikes plus the decomposable Latin letters.
    QVERIFY2(replaceable > 300, qPrintable(QString::number(replaceable)));
}

void TestGsmLookalikes::kindOf_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<Kind>("kind");

    QTest::addRow("right single quote") << 0x2019u << Kind::CurlyQuote;
    QTest::addRow("left double quote") << 0x201Cu << Kind::CurlyQuote;
    QTest::addRow("guillemet") << 0x00ABu << Kind::QuotationMark;
    QTest::addRow("backtick") << 0x0060u << Kind::AccentMark;
    QTest::addRow("combining acute") << 0x0301u << Kind::AccentMark;
    QTest::addRow("em dash") << 0x2014u << Kind::Dash;
    QTest::addRow("minus") << 0x2212u << Kind::Dash;
    QTest::addRow("ellipsis") << 0x2026u << Kind::Ellipsis;
    QTest::addRow("no-break space") << 0x00A0u << Kind::Space;
    QTest::addRow("tab") << 0x0009u << Kind::Tab;
    QTest::addRow("line separator") << 0x2028u << Kind::LineSeparator;
    QTest::addRow("bullet") << 0x2022u << Kind::Bullet;
    QTest::addRow("a acute") << 0x00E1u << Kind::AccentedLetter;
    QTest::addRow("c cedilla") << 0x00E7u << Kind::AccentedLetter;
    QTest::addRow("oe") << 0x0153u << Kind::Lookalike;
    QTest::addRow("greek question mark") << 0x037Eu << Kind::Lookalike;
    QTest::addRow("zero-width space") << 0x200Bu << Kind::Invisible;
    QTest::addRow("emoji") << 0x1F600u << Kind::Emoji;
    QTest::addRow("heart") << 0x2764u << Kind::Emoji;
    QTest::addRow("cyrillic") << 0x0436u << Kind::Other;
    QTest::addRow("chinese") << 0x4F60u << Kind::Other;
}

void TestGsmLookalikes::kindOf()
{
    QFETCH(uint, codePoint);
    QFETCH(Kind, kind);
    QCOMPARE(GsmLookalikes::kindOf(char32_t(codePoint)), kind);
}

void TestGsmLookalikes::nonGsmCharacters()
{
    //                 0123 4 5678901 2 3 45 6
    const QString text = u"It\u2019s \u2018fine\u2019 \U0001F600 \u00E7\u2019"_s;
    const auto found = GsmLookalikes::nonGsmCharacters(text);
    QCOMPARE(found.size(), 4);

    QCOMPARE(found[0].character, u"\u2019"_s);
    QCOMPARE(uint(found[0].codePoint), 0x2019u);
    QCOMPARE(found[0].firstIndex, qsizetype(2));
    QCOMPARE(found[0].occurrences, 3);
    QCOMPARE(found[0].kind, Kind::CurlyQuote);
    QVERIFY(found[0].hasReplacement);
    QCOMPARE(found[0].replacement, u"'"_s);

    QCOMPARE(found[1].character, u"\u2018"_s);
    QCOMPARE(found[1].firstIndex, qsizetype(5));
    QCOMPARE(found[1].occurrences, 1);

    QCOMPARE(found[2].character, u"\U0001F600"_s);
    QCOMPARE(uint(found[2].codePoint), 0x1F600u);
    QCOMPARE(found[2].firstIndex, qsizetype(12));
    QCOMPARE(found[2].kind, Kind::Emoji);
    QVERIFY(!found[2].hasReplacement);
    QVERIFY(found[2].replacement.isEmpty());

    QCOMPARE(found[3].character, u"\u00E7"_s);
    QCOMPARE(found[3].firstIndex, qsizetype(15));
    QCOMPARE(found[3].kind, Kind::AccentedLetter);
    QCOMPARE(found[3].replacement, u"\u00C7"_s);

    // The invisible ones: a stand-in that is empty means "remove it".
    const auto invisible = GsmLookalikes::nonGsmCharacters(u"a\u200Bb");
    QCOMPARE(invisible.size(), 1);
    QVERIFY(invisible[0].hasReplacement);
    QVERIFY(invisible[0].replacement.isEmpty());
}

void TestGsmLookalikes::nonGsmCharactersOfGsmText()
{
    QVERIFY(GsmLookalikes::nonGsmCharacters(u"Habari \u20AC{}[]").isEmpty());
    QVERIFY(GsmLookalikes::nonGsmCharacters(QStringView()).isEmpty());
}

void TestGsmLookalikes::explanation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("curly quote")
        << u"\u2019"_s
        << u"\u2019 (curly quote) makes the message use special characters (70 per SMS part) \u2014 replace with '"_s;
    QTest::addRow("ellipsis")
        << u"\u2026"_s
        << u"\u2026 (ellipsis) makes the message use special characters (70 per SMS part) \u2014 replace with ..."_s;
    QTest::addRow("no-break space")
        << u"\u00A0"_s
        << u"U+00A0 (special space) makes the message use special characters (70 per SMS part) \u2014 replace with a space"_s;
    QTest::addRow("tab")
        << u"\t"_s << u"U+0009 (tab) makes the message use special characters (70 per SMS part) \u2014 replace with a space"_s;
    QTest::addRow("line separator")
        << u"\u2028"_s
        << u"U+2028 (line separator) makes the message use special characters (70 per SMS part) \u2014 replace with a line break"_s;
    QTest::addRow("zero-width space")
        << u"\u200B"_s
        << u"U+200B (invisible character) makes the message use special characters (70 per SMS part) \u2014 remove it"_s;
    QTest::addRow("emoji")
        << u"\U0001F600"_s
        << u"\U0001F600 (emoji or symbol) makes the message use special characters (70 per SMS part) \u2014 there is no plain letter for it"_s;
    QTest::addRow("cyrillic")
        << u"\u0436"_s
        << u"\u0436 (uncommon character) makes the message use special characters (70 per SMS part) \u2014 there is no plain letter for it"_s;
    QTest::addRow("a acute")
        << u"\u00E1"_s
        << u"\u00E1 (accented letter) makes the message use special characters (70 per SMS part) \u2014 replace with a"_s;
}

void TestGsmLookalikes::explanation()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto found = GsmLookalikes::nonGsmCharacters(text);
    QCOMPARE(found.size(), 1);
    QCOMPARE(GsmLookalikes::explanation(found.first()), expected);
}

QTEST_GUILESS_MAIN(TestGsmLookalikes)
#include "TestGsmLookalikes.moc"
