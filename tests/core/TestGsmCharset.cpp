// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "messaging/GsmCharset.h"

#include <QTest>

using namespace Qt::StringLiterals;
using kengele::GsmCharset;

namespace {

// 3GPP TS 23.038 §6.2.1, codes 0x00-0x7F in order, without 0x1B (the escape).
const QString kBasicInOrder = u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                              u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"_s;
// §6.2.1.1, the extension table: form feed ^ { } \ [ ~ ] | €.
const QString kExtension = u"\f^{}\\[~]|€"_s;

} // namespace

class TestGsmCharset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void septets_data();
    void septets();
    void basicTableIsInSpecOrder();
    void exactlyTheSpecifiedCharacters();
    void isGsm7_data();
    void isGsm7();
};

void TestGsmCharset::septets_data()
{
    QTest::addColumn<uint>("codePoint");
    QTest::addColumn<int>("expected");

    for (QChar ch : kBasicInOrder)
        QTest::addRow("basic U+%04X", uint(ch.unicode())) << uint(ch.unicode()) << 1;
    for (QChar ch : kExtension)
        QTest::addRow("extension U+%04X", uint(ch.unicode())) << uint(ch.unicode()) << 2;

    // Look-alikes and near misses that are NOT in GSM-7.
    const char32_t notGsm[] = {
        U'`',
        U'\t',
        U'\0',
        U'\x7F',
        U'\u00E7' /* ç */,
        U'\u00E1' /* á */,
        U'\u00C0' /* À */,
        U'\u00C8' /* È */,
        U'\u00E2' /* â */,
        U'\u00A0' /* NBSP */,
        U'\u2019' /* ’ */,
        U'\u201C' /* “ */,
        U'\u2013' /* – */,
        U'\u2026' /* … */,
        U'\u0391' /* Greek Α */,
        U'\u03B1' /* α */,
        U'\u03A1' /* Ρ */,
        U'\u00A2' /* ¢ */,
        U'\u00B4' /* ´ */,
        U'\u0436' /* ж */,
        U'\u00D7' /* × */,
        U'\u0080',
        char32_t(0xD83D) /* lone surrogate */,
        U'\U0001F600' /* 😀 */,
        U'\u00FF' /* ÿ */,
    };
    for (char32_t cp : notGsm)
        QTest::addRow("not GSM U+%04X", uint(cp)) << uint(cp) << 0;
}

void TestGsmCharset::septets()
{
    QFETCH(uint, codePoint);
    QFETCH(int, expected);

    QCOMPARE(GsmCharset::septets(char32_t(codePoint)), expected);
    QCOMPARE(GsmCharset::contains(char32_t(codePoint)), expected != 0);
    QCOMPARE(GsmCharset::isBasic(char32_t(codePoint)), expected == 1);
    QCOMPARE(GsmCharset::isExtension(char32_t(codePoint)), expected == 2);
    if (codePoint <= 0xFFFF)
        QCOMPARE(GsmCharset::septets(QChar(char16_t(codePoint))), expected);
}

void TestGsmCharset::basicTableIsInSpecOrder()
{
    QCOMPARE(kBasicInOrder.size(), 127);
    qsizetype next = 0;
    for (int code = 0; code < 128; ++code) {
        if (code == GsmCharset::EscapeCode) {
            QCOMPARE(GsmCharset::basicCharacter(code), char16_t(0));
            continue;
        }
        QCOMPARE(uint(GsmCharset::basicCharacter(code)), uint(kBasicInOrder.at(next++).unicode()));
    }
    QCOMPARE(GsmCharset::basicCharacter(-1), char16_t(0));
    QCOMPARE(GsmCharset::basicCharacter(128), char16_t(0));
}

void TestGsmCharset::exactlyTheSpecifiedCharacters()
{
    // Over the whole of Unicode, exactly 127 characters cost one septet and 10 cost two.
    int basic = 0;
    int extension = 0;
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
        const int cost = GsmCharset::septets(cp);
        if (cost == 1) {
            ++basic;
            QVERIFY2(kBasicInOrder.contains(QChar(char16_t(cp))), qPrintable(u"U+%1"_s.arg(uint(cp), 4, 16)));
        } else if (cost == 2) {
            ++extension;
            QVERIFY(kExtension.contains(QChar(char16_t(cp))));
        } else {
            QCOMPARE(cost, 0);
        }
    }
    QCOMPARE(basic, 127);
    QCOMPARE(extension, 10);
}

void TestGsmCharset::isGsm7_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    QTest::addRow("empty") << QString() << true;
    QTest::addRow("swahili") << u"Habari za asubuhi! Karibu ibadani saa 3:00."_s << true;
    QTest::addRow("all basic") << kBasicInOrder << true;
    QTest::addRow("all extension") << kExtension << true;
    QTest::addRow("crlf") << u"Line one\r\nLine two"_s << true;
    QTest::addRow("curly quote") << u"It\u2019s"_s << false;
    QTest::addRow("backtick") << u"`code`"_s << false;
    QTest::addRow("tab") << u"a\tb"_s << false;
    QTest::addRow("emoji") << u"Asante \U0001F64F"_s << false;
    QTest::addRow("lowercase c cedilla") << u"gar\u00E7on"_s << false;
}

void TestGsmCharset::isGsm7()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(GsmCharset::isGsm7(text), expected);
}

QTEST_GUILESS_MAIN(TestGsmCharset)
#include "TestGsmCharset.moc"
