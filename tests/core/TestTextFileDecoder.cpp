// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "importexport/TextFileDecoder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

QByteArray utf16le(const QString &text, bool bom)
{
    QByteArray bytes = bom ? QByteArray("\xFF\xFE", 2) : QByteArray();
    for (const QChar ch : text) {
        bytes.append(char(ch.unicode() & 0xff));
        bytes.append(char(ch.unicode() >> 8));
    }
    return bytes;
}

QByteArray utf16be(const QString &text, bool bom)
{
    QByteArray bytes = bom ? QByteArray("\xFE\xFF", 2) : QByteArray();
    for (const QChar ch : text) {
        bytes.append(char(ch.unicode() >> 8));
        bytes.append(char(ch.unicode() & 0xff));
    }
    return bytes;
}

const QString WesternWarning = QStringLiteral(
    "The file was not saved as UTF-8, so it was read as Western European text. Check names with special letters.");
const QString ExcelMessage = QStringLiteral(
    "This is an Excel workbook, not a CSV file. In Excel choose File → Save As → CSV UTF-8, then import that file.");
const QString BinaryMessage
    = QStringLiteral("This file is not a contact list (CSV or vCard); it looks like a picture, document or program.");

} // namespace

class TestTextFileDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesText_data();
    void decodesText();
    void refuses_data();
    void refuses();
    void refusesHugeFile();
    void reportsMissingFile();
    void decodesFromFile();
};

void TestTextFileDecoder::decodesText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<bool>("warned");

    const QString csv = QStringLiteral("Name,Phone\r\nZoë Wanjikũ,0712 345 678\r\n");
    QTest::addRow("utf8 without bom") << csv.toUtf8() << csv << u"UTF-8"_s << false;
    QTest::addRow("utf8 with bom") << QByteArray("\xEF\xBB\xBF" + csv.toUtf8()) << csv << u"UTF-8"_s << false;
    const QString tabbed = QStringLiteral("Name\tPhone\r\nفاطمة\t0712 345 678\r\n");
    QTest::addRow("utf16le with bom (Excel Unicode text)") << utf16le(tabbed, true) << tabbed << u"UTF-16LE"_s << false;
    QTest::addRow("utf16le without bom") << utf16le(tabbed, false) << tabbed << u"UTF-16LE"_s << false;
    QTest::addRow("utf16be with bom") << utf16be(tabbed, true) << tabbed << u"UTF-16BE"_s << false;
    QTest::addRow("utf16be without bom") << utf16be(tabbed, false) << tabbed << u"UTF-16BE"_s << false;
    QTest::addRow("latin-1") << QByteArray("Name,Phone\nRen\xE9 Kamau,0712 345 678\n")
                             << u"Name,Phone\nRené Kamau,0712 345 678\n"_s << u"Windows-1252"_s << true;
    QTest::addRow("windows-1252 quotes and euro")
        << QByteArray("Notes\n\x93Mzee\x94 paid \x80 5\n") << u"Notes\n“Mzee” paid € 5\n"_s << u"Windows-1252"_s << true;
    QTest::addRow("ascii") << QByteArray("a,b\n") << u"a,b\n"_s << u"UTF-8"_s << false;
    // Files joined together, or saved again by a program that adds a mark (FuzzCsvImport found it):
    // no mark is left to stick to the first column's name.
    QTest::addRow("utf8 with three boms") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBF" + csv.toUtf8()) << csv
                                          << u"UTF-8"_s << false;
    QTest::addRow("utf16le with three boms")
        << QByteArray("\xFF\xFE\xFF\xFE\xFF\xFE" + utf16le(tabbed, true)) << tabbed << u"UTF-16LE"_s << false;
}

void TestTextFileDecoder::decodesText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, encoding);
    QFETCH(bool, warned);

    const Result<DecodedText> decoded = TextFileDecoder::decode(bytes);
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().message));
    QCOMPARE(decoded->text, text);
    QCOMPARE(decoded->encoding, encoding);
    QCOMPARE(!decoded->warnings.isEmpty(), warned);
    if (warned)
        QCOMPARE(decoded->warnings.first(), WesternWarning);
}

void TestTextFileDecoder::refuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");

    QTest::addRow("empty") << QByteArray() << ErrorCode::InvalidInput << u"The file is empty."_s;
    QTest::addRow("only a bom") << QByteArray("\xEF\xBB\xBF") << ErrorCode::InvalidInput << u"The file is empty."_s;
    QTest::addRow("only boms") << QByteArray("\xFF\xFE\xFF\xFE\xFF\xFE\xFF\xFE") << ErrorCode::InvalidInput
                               << u"The file is empty."_s;
    QTest::addRow("only blank lines") << QByteArray("\r\n\r\n  \n") << ErrorCode::InvalidInput << u"The file is empty."_s;

    QByteArray xlsx("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", 14);
    xlsx += "[Content_Types].xml";
    xlsx += QByteArray(200, '\x01');
    xlsx += "xl/workbook.xml";
    QTest::addRow("xlsx renamed .csv") << xlsx << ErrorCode::Unsupported << ExcelMessage;
    QTest::addRow("old xls") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00\x00", 12) << ErrorCode::Unsupported
                             << ExcelMessage;

    QByteArray png("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", 16);
    for (int i = 0; i < 4000; ++i)
        png.append(char((i * 37) & 0xff));
    QTest::addRow("png renamed .csv") << png << ErrorCode::Unsupported << BinaryMessage;

    QByteArray elf("\x7F"
                   "ELF\x02\x01\x01",
                   7);
    elf += QByteArray(500, '\0');
    QTest::addRow("program") << elf << ErrorCode::Unsupported << BinaryMessage;

    QByteArray controls;
    for (int i = 0; i < 2000; ++i)
        controls.append(i % 10 == 0 ? '\x02' : 'a');
    QTest::addRow("many control characters") << controls << ErrorCode::Unsupported << BinaryMessage;

    QTest::addRow("pdf") << QByteArray("%PDF-1.4\n%âãÏÓ\n1 0 obj\n") << ErrorCode::Unsupported << BinaryMessage;
    QByteArray docx("PK\x03\x04\x14\x00", 6);
    docx += "word/document.xml";
    QTest::addRow("word document") << docx << ErrorCode::Unsupported << BinaryMessage;
}

void TestTextFileDecoder::refuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);

    const Result<DecodedText> decoded = TextFileDecoder::decode(bytes);
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, code);
    QCOMPARE(decoded.error().message, message);
}

void TestTextFileDecoder::refusesHugeFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(TextFileDecoder::MaxFileSize + 1)); // sparse: no real disk space used
    file.close();

    const Result<DecodedText> decoded = TextFileDecoder::decodeFile(path);
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, ErrorCode::Unsupported);
    QVERIFY2(decoded.error().message.contains(u"100 MB"), qPrintable(decoded.error().message));
}

void TestTextFileDecoder::reportsMissingFile()
{
    const Result<DecodedText> decoded = TextFileDecoder::decodeFile(QStringLiteral("/nonexistent/contacts.csv"));
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, ErrorCode::NotFound);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const Result<DecodedText> empty = TextFileDecoder::decodeFile(path);
    QVERIFY(!empty);
    QCOMPARE(empty.error().message, u"The file is empty."_s);
}

void TestTextFileDecoder::decodesFromFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("excel.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QString text = QStringLiteral("Name\tMobile\r\nJoy 🎉\t0712 900 002\r\n");
    file.write(utf16le(text, true));
    file.close();

    const Result<DecodedText> decoded = TextFileDecoder::decodeFile(path);
    QVERIFY(decoded);
    QCOMPARE(decoded->text, text);
    QCOMPARE(decoded->encoding, u"UTF-16LE"_s);
}

QTEST_GUILESS_MAIN(TestTextFileDecoder)
#include "TestTextFileDecoder.moc"
