// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/PhoneNormalizer.h"
#include "importexport/ImportPreview.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

class TestImportPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withHeader();
    void swahiliHeaderSemicolons();
    void headerlessNeedsMapping();
    void headerWithoutPhoneColumnNeedsMapping();
    void changingTheHeaderSetting();
    void vcard();
    void samplesAtMostFiveRows();
    void refusesWorkbook();

private:
    PhoneNormalizer m_phones{u"KE"_s};
};

void TestImportPreview::withHeader()
{
    const Result<ImportPreview> preview = ImportPreview::load(test::testDataPath(u"import/basic_bom.csv"_s), m_phones);
    QVERIFY(preview);
    QCOMPARE(preview->format(), ImportPreview::Format::Csv);
    QVERIFY(!preview->needsMapping());
    QCOMPARE(preview->delimiter(), QChar(u','));
    QCOMPARE(preview->headers(), (QStringList{u"Name"_s, u"Phone"_s, u"Email"_s, u"Group"_s}));
    QCOMPARE(preview->rowCount(), 3);
    QCOMPARE(preview->sampleRows().size(), 3);
    QCOMPARE(preview->sampleRows()[1][0], u"Otieno, Peter"_s);
    QCOMPARE(preview->mapping().fields(),
             (QList<ImportField>{ImportField::FullName, ImportField::Phone, ImportField::Email, ImportField::Groups}));
    QVERIFY(preview->warnings().isEmpty());
}

void TestImportPreview::swahiliHeaderSemicolons()
{
    const Result<ImportPreview> preview = ImportPreview::load(test::testDataPath(u"import/swahili_semicolon.csv"_s), m_phones);
    QVERIFY(preview);
    QVERIFY(!preview->needsMapping());
    QCOMPARE(preview->delimiter(), QChar(u';'));
    QCOMPARE(preview->mapping().fields(),
             (QList<ImportField>{ImportField::FirstName, ImportField::LastName, ImportField::Phone, ImportField::Email,
                                 ImportField::Groups, ImportField::Notes}));
}

void TestImportPreview::headerlessNeedsMapping()
{
    const Result<ImportPreview> preview = ImportPreview::load(test::testDataPath(u"import/headerless.csv"_s), m_phones);
    QVERIFY(preview);
    QVERIFY(preview->needsMapping());
    QVERIFY(!preview->mapping().firstRowIsHeader());
    QCOMPARE(preview->headers(), (QStringList{u"Column 1"_s, u"Column 2"_s, u"Column 3"_s}));
    QCOMPARE(preview->rowCount(), 4);
    QCOMPARE(preview->sampleRows().size(), 4);
    QCOMPARE(preview->sampleRows().first().first(), u"0712345001"_s);
    QCOMPARE(preview->mapping().fields(), (QList<ImportField>{ImportField::Phone, ImportField::FullName, ImportField::Email}));
}

void TestImportPreview::headerWithoutPhoneColumnNeedsMapping()
{
    const ImportPreview preview = ImportPreview::fromText(
        u"Mshiriki,Kitu,Eneo\nAmina Njeri,0712 345 678,Kibera\nPeter,0722 000 111,Kawangware\n"_s, m_phones);
    QVERIFY(preview.needsMapping());
    QVERIFY(preview.mapping().firstRowIsHeader());
    QCOMPARE(preview.headers(), (QStringList{u"Mshiriki"_s, u"Kitu"_s, u"Eneo"_s}));
    // By content: the number column is the phone, the first text column the name.
    QCOMPARE(preview.mapping().fields(), (QList<ImportField>{ImportField::FullName, ImportField::Phone, ImportField::Ignore}));

    const ImportPreview nothing = ImportPreview::fromText(u"a,b\nx,y\n"_s, m_phones);
    QVERIFY(nothing.needsMapping());
    QVERIFY(!nothing.mapping().hasPhone());
}

void TestImportPreview::changingTheHeaderSetting()
{
    ImportPreview preview = ImportPreview::fromText(u"Jina,Simu\nAmina,0712 345 678\n"_s, m_phones);
    QVERIFY(!preview.needsMapping());
    QCOMPARE(preview.rowCount(), 1);
    ColumnMapping mapping = preview.mapping();
    mapping.setFirstRowIsHeader(false);
    mapping.setField(0, ImportField::FirstName);
    preview.setMapping(mapping);
    QCOMPARE(preview.rowCount(), 2);
    QCOMPARE(preview.headers(), (QStringList{u"Column 1"_s, u"Column 2"_s}));
    QCOMPARE(preview.sampleRows().first(), (QStringList{u"Jina"_s, u"Simu"_s}));
    QCOMPARE(preview.mapping().field(0), ImportField::FirstName);
}

void TestImportPreview::vcard()
{
    const Result<ImportPreview> preview
        = ImportPreview::load(test::testDataPath(u"import/vcard21_quoted_printable.vcf"_s), m_phones);
    QVERIFY(preview);
    QCOMPARE(preview->format(), ImportPreview::Format::VCard);
    QVERIFY(!preview->needsMapping());
    QCOMPARE(preview->rowCount(), 3);
    QCOMPARE(preview->headers().size(), 5);
    QCOMPARE(preview->sampleRows().first().first(), u"Zoë Wanjikũ"_s);
    QCOMPARE(preview->sampleRows().first()[1], u"0712 100 001"_s);
}

void TestImportPreview::samplesAtMostFiveRows()
{
    QString text = u"Name,Phone\n"_s;
    for (int i = 0; i < 80; ++i)
        text += u"Person %1,07120000%2\n"_s.arg(i).arg(i, 2, 10, QChar(u'0'));
    const ImportPreview preview = ImportPreview::fromText(text, m_phones);
    QCOMPARE(preview.sampleRows().size(), ImportPreview::SampleRows);
    QCOMPARE(preview.rowCount(), 80);
    QCOMPARE(preview.sampleRows().first(), (QStringList{u"Person 0"_s, u"0712000000"_s}));
}

void TestImportPreview::refusesWorkbook()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"contacts.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) + "xl/worksheets/sheet1.xml");
    file.close();
    const Result<ImportPreview> preview = ImportPreview::load(path, m_phones);
    QVERIFY(!preview);
    QCOMPARE(preview.error().code, ErrorCode::Unsupported);
    QVERIFY(preview.error().message.startsWith(u"This is an Excel workbook"_s));
}

QTEST_GUILESS_MAIN(TestImportPreview)
#include "TestImportPreview.moc"
