// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "importexport/TextFileDecoder.h"
#include "importexport/VCardReader.h"

#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

QList<VCard> readFile(const QString &relative)
{
    const Result<DecodedText> decoded = TextFileDecoder::decodeFile(test::testDataPath(relative));
    if (!decoded)
        return {};
    VCardReader reader(decoded->text);
    QList<VCard> cards;
    VCard card;
    while (reader.next(card))
        cards.append(card);
    return cards;
}

QList<VCard> readText(const QString &text)
{
    VCardReader reader(text);
    QList<VCard> cards;
    VCard card;
    while (reader.next(card))
        cards.append(card);
    return cards;
}

} // namespace

class TestVCardReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsVersion21QuotedPrintable();
    void readsVersion30FoldedLines();
    void readsVersion40Uri();
    void escapes_data();
    void escapes();
    void recognisesVCards_data();
    void recognisesVCards();
    void keepsCardWithoutEnd();
    void ignoresNestedCards();
    void counts();
};

void TestVCardReader::readsVersion21QuotedPrintable()
{
    const QList<VCard> cards = readFile(u"import/vcard21_quoted_printable.vcf"_s);
    QCOMPARE(cards.size(), 3);

    const VCard &zoe = cards[0];
    QCOMPARE(zoe.line, 1);
    QCOMPARE(zoe.firstName, u"Zoë"_s);
    QCOMPARE(zoe.lastName, u"Wanjikũ"_s);
    QCOMPARE(zoe.formattedName, u"Zoë Wanjikũ"_s);
    QCOMPARE(zoe.phones, (QStringList{u"+254 20 2222222"_s, u"0712 100 001"_s}));
    QCOMPARE(zoe.phone, u"0712 100 001"_s); // the CELL one, though HOME comes first
    QCOMPARE(zoe.notes, u"Leads the youth choir – calls on Fridays"_s); // soft line break joined
    QCOMPARE(zoe.categories, (QStringList{u"Youth"_s, u"Choir"_s}));

    QCOMPARE(cards[1].line, 11);
    QCOMPARE(cards[1].firstName, u"Peter"_s);
    QCOMPARE(cards[1].lastName, u"Otieno"_s);
    QCOMPARE(cards[1].phone, u"+254733111222"_s); // no CELL: the first

    QCOMPARE(cards[2].line, 16);
    QCOMPARE(cards[2].formattedName, u"No Number"_s);
    QVERIFY(cards[2].phone.isEmpty());
}

void TestVCardReader::readsVersion30FoldedLines()
{
    const QList<VCard> cards = readFile(u"import/vcard30_folded.vcf"_s);
    QCOMPARE(cards.size(), 2);

    const VCard &john = cards[0];
    QCOMPARE(john.line, 1);
    QCOMPARE(john.firstName, u"John Mwangi"_s);
    QCOMPARE(john.lastName, u"Kamau"_s);
    QCOMPARE(john.phone, u"+254 722 000111"_s); // item1.TEL;TYPE=CELL, folded
    QCOMPARE(john.emails, QStringList{u"john.kamau@example.org"_s});
    QCOMPARE(john.notes, u"Deacon, treasurer; meets Tuesdays\nCall after 6pm"_s);
    QCOMPARE(john.categories, (QStringList{u"Elders"_s, u"Finance Committee"_s}));

    QCOMPARE(cards[1].line, 16);
    QCOMPARE(cards[1].formattedName, u"Grace Achieng"_s);
    QCOMPARE(cards[1].phone, u"+254-712-300-400"_s);
}

void TestVCardReader::readsVersion40Uri()
{
    const QList<VCard> cards
        = readText(u"BEGIN:VCARD\nVERSION:4.0\nFN:Joy\nTEL;VALUE=uri;TYPE=\"voice,cell\":tel:+254712300400;ext=1\n"
                   "TEL;TYPE=home:tel:+254202222222\nEND:VCARD\n"_s);
    QCOMPARE(cards.size(), 1);
    QCOMPARE(cards[0].phone, u"+254712300400"_s);
    QCOMPARE(cards[0].phones.size(), 2);
}

void TestVCardReader::escapes_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("notes");

    QTest::addRow("comma") << u"NOTE:a\\, b"_s << u"a, b"_s;
    QTest::addRow("semicolon") << u"NOTE:a\\; b"_s << u"a; b"_s;
    QTest::addRow("newline") << u"NOTE:a\\nb\\Nc"_s << u"a\nb\nc"_s;
    QTest::addRow("backslash") << u"NOTE:C:\\\\files"_s << u"C:\\files"_s;
    QTest::addRow("quoted-printable utf-8") << u"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9 =F0=9F=8E=89"_s
                                            << u"Café 🎉"_s;
    QTest::addRow("quoted-printable latin-1") << u"NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Caf=E9"_s << u"Café"_s;
    QTest::addRow("bare quoted-printable (2.1)") << u"NOTE;QUOTED-PRINTABLE:a=3Db"_s << u"a=b"_s;
}

void TestVCardReader::escapes()
{
    QFETCH(QString, line);
    QFETCH(QString, notes);
    const QList<VCard> cards = readText(u"BEGIN:VCARD\r\nVERSION:3.0\r\n"_s + line + u"\r\nEND:VCARD\r\n"_s);
    QCOMPARE(cards.size(), 1);
    QCOMPARE(cards[0].notes, notes);
}

void TestVCardReader::recognisesVCards_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("vcard");
    QTest::addRow("plain") << u"BEGIN:VCARD\nEND:VCARD"_s << true;
    QTest::addRow("lower case, blank lines first") << u"\r\n\r\nbegin:vcard\r\n"_s << true;
    QTest::addRow("bom") << u"\uFEFFBEGIN:VCARD\n"_s << true;
    QTest::addRow("csv") << u"Name,Phone\n"_s << false;
}

void TestVCardReader::recognisesVCards()
{
    QFETCH(QString, text);
    QFETCH(bool, vcard);
    QCOMPARE(VCardReader::looksLikeVCard(text), vcard);
}

void TestVCardReader::keepsCardWithoutEnd()
{
    const QList<VCard> cards = readText(u"BEGIN:VCARD\nFN:A\nTEL:0712\nEND:VCARD\nBEGIN:VCARD\nFN:B\nTEL:0713\n"_s);
    QCOMPARE(cards.size(), 2);
    QCOMPARE(cards[1].formattedName, u"B"_s);
    QCOMPARE(cards[1].line, 5);
}

void TestVCardReader::ignoresNestedCards()
{
    const QList<VCard> cards = readText(u"BEGIN:VCARD\nFN:Boss\nAGENT:\nBEGIN:VCARD\nFN:Secretary\nTEL:0799\nEND:VCARD\n"
                                        "TEL:0712\nEND:VCARD\n"_s);
    QCOMPARE(cards.size(), 1);
    QCOMPARE(cards[0].formattedName, u"Boss"_s);
    QCOMPARE(cards[0].phones, QStringList{u"0712"_s});
}

void TestVCardReader::counts()
{
    VCardReader reader(u"BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\nEND:VCARD\n"_s);
    QCOMPARE(reader.countRemaining(), 2);
    VCard card;
    QVERIFY(reader.next(card));
    QCOMPARE(reader.countRemaining(), 1);
}

QTEST_GUILESS_MAIN(TestVCardReader)
#include "TestVCardReader.moc"
