// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "importexport/ContactExporter.h"
#include "importexport/ContactImporter.h"
#include "importexport/CsvReader.h"
#include "importexport/TextFileDecoder.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QStringList> readCsv(const QString &path)
{
    const Result<DecodedText> decoded = TextFileDecoder::decodeFile(path);
    if (!decoded)
        return {};
    CsvReader reader(decoded->text);
    QList<QStringList> rows;
    CsvRecord record;
    while (reader.next(record))
        rows.append(record.fields);
    return rows;
}

} // namespace

class TestContactExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neutralisesAndQuotesCells_data();
    void neutralisesAndQuotesCells();
    void exportsEveryContact();
    void exportsOneGroup();
    void reportsMissingGroupAndUnwritablePath();
    void roundTripsArabicAndEmoji();
    void formulaCellsSurviveARoundTrip();
    void exportsManyContactsQuickly();
};

void TestContactExporter::neutralisesAndQuotesCells_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell");

    QTest::addRow("plain") << u"Amina"_s << u"Amina"_s;
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("formula") << u"=HYPERLINK(\"http://x\")"_s << u"\"'=HYPERLINK(\"\"http://x\"\")\""_s;
    QTest::addRow("sum") << u"=1+2"_s << u"'=1+2"_s;
    QTest::addRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
    QTest::addRow("plus formula") << u"+cmd|' /C calc'!A0"_s << u"'+cmd|' /C calc'!A0"_s;
    QTest::addRow("minus formula") << u"-2+3"_s << u"'-2+3"_s;
    QTest::addRow("e164 number") << u"+254712345678"_s << u"+254712345678"_s;
    QTest::addRow("negative number") << u"-42"_s << u"-42"_s;
    QTest::addRow("decimal") << u"-4.5"_s << u"-4.5"_s;
    QTest::addRow("plus with spaces") << u"+254 712 345 678"_s << u"'+254 712 345 678"_s;
    QTest::addRow("dash text") << u"- leads the choir"_s << u"'- leads the choir"_s;
    QTest::addRow("tab") << u"\tx"_s << u"'\tx"_s;
    QTest::addRow("carriage return") << u"\rx"_s << u"\"'\rx\""_s;
    QTest::addRow("comma") << u"Otieno, Peter"_s << u"\"Otieno, Peter\""_s;
    QTest::addRow("semicolon") << u"Choir; Youth"_s << u"\"Choir; Youth\""_s;
    QTest::addRow("quotes") << u"Peter \"Pete\""_s << u"\"Peter \"\"Pete\"\"\""_s;
    QTest::addRow("newline") << u"one\ntwo"_s << u"\"one\ntwo\""_s;
    QTest::addRow("equals later") << u"a=b"_s << u"a=b"_s;
}

void TestContactExporter::neutralisesAndQuotesCells()
{
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QCOMPARE(ContactExporter::csvCell(value), cell);
}

void TestContactExporter::exportsEveryContact()
{
    test::TempProfile profile;
    QVERIFY(profile->contacts().add(
        ContactInput{u"Peter"_s, u"Otieno"_s, u"0733 111 222"_s, u"p@example.org"_s, u"Deacon, treasurer\nTuesdays"_s}));
    QVERIFY(profile->contacts().add(ContactInput{u"Amina"_s, u"Njeri"_s, u"0712345678"_s, {}, u"=1+1"_s}));
    const Result<Contact> amina = profile->contacts().findByPhone(u"+254712345678");
    QVERIFY(amina);
    const Result<Group> choir = profile->groups().create(u"Choir"_s);
    const Result<Group> youth = profile->groups().create(u"Youth"_s);
    QVERIFY(choir && youth);
    QVERIFY(profile->groups().addMembers(youth->id, {amina->id}));
    QVERIFY(profile->groups().addMembers(choir->id, {amina->id}));
    QVERIFY(profile->contacts().optOut(u"0712345678", u"STOP"_s));

    QTemporaryDir dir;
    const QString path = dir.filePath(u"contacts.csv"_s);
    const Result<int> count = ContactExporter(profile->database()).exportCsv(path);
    QVERIFY(count);
    QCOMPARE(*count, 2);

    const QByteArray bytes = readBytes(path);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "First Name,Last Name,Phone,Email,Groups,Opted Out,Notes\r\n"));
    const QByteArray expected = "\xEF\xBB\xBF"
                                "First Name,Last Name,Phone,Email,Groups,Opted Out,Notes\r\n"
                                "Amina,Njeri,+254712345678,,\"Choir; Youth\",Yes,'=1+1\r\n"
                                "Peter,Otieno,+254733111222,p@example.org,,No,\"Deacon, treasurer\nTuesdays\"\r\n";
    QCOMPARE(bytes, expected);
}

void TestContactExporter::exportsOneGroup()
{
    test::TempProfile profile;
    QVERIFY(profile->contacts().add(ContactInput{u"Peter"_s, u"Otieno"_s, u"0733111222"_s, {}, {}}));
    const Result<Contact> amina = profile->contacts().add(ContactInput{u"Amina"_s, u"Njeri"_s, u"0712345678"_s, {}, {}});
    QVERIFY(amina);
    const Result<Group> choir = profile->groups().create(u"Choir"_s);
    QVERIFY(choir);
    QVERIFY(profile->groups().addMembers(choir->id, {amina->id}));

    QTemporaryDir dir;
    const QString path = dir.filePath(u"choir.csv"_s);
    const Result<int> count = ContactExporter(profile->database()).exportCsv(path, choir->id);
    QVERIFY(count);
    QCOMPARE(*count, 1);
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1][0], u"Amina"_s);
}

void TestContactExporter::reportsMissingGroupAndUnwritablePath()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    const Result<int> missing = ContactExporter(profile->database()).exportCsv(dir.filePath(u"x.csv"_s), 4242);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    const Result<int> unwritable = ContactExporter(profile->database()).exportCsv(dir.filePath(u"no/such/folder/x.csv"_s));
    QVERIFY(!unwritable);
    QCOMPARE(unwritable.error().code, ErrorCode::Io);
    QVERIFY(!QFile::exists(dir.filePath(u"x.csv"_s)));
}

void TestContactExporter::roundTripsArabicAndEmoji()
{
    test::TempProfile first;
    const Result<ImportReport> imported = ContactImporter(first->database(), first->phones(), first->clock())
                                              .run(test::testDataPath(u"import/unicode_names.csv"_s));
    QVERIFY(imported);
    QCOMPARE(imported->created, 3);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.csv"_s);
    QVERIFY(ContactExporter(first->database()).exportCsv(path));

    test::TempProfile second;
    const Result<ImportReport> again = ContactImporter(second->database(), second->phones(), second->clock()).run(path);
    QVERIFY(again);
    QCOMPARE(again->created, 3);
    QVERIFY(again->warnings.isEmpty());
    for (const QString &phone : {u"+254712900001"_s, u"+254712900002"_s, u"+254712900003"_s}) {
        const Result<Contact> before = first->contacts().findByPhone(phone);
        const Result<Contact> after = second->contacts().findByPhone(phone);
        QVERIFY(before && after);
        QCOMPARE(after->firstName, before->firstName);
        QCOMPARE(after->lastName, before->lastName);
    }
    QCOMPARE(second->contacts().findByPhone(u"+254712900001")->firstName, u"فاطمة"_s);
    QCOMPARE(second->contacts().findByPhone(u"+254712900002")->lastName, u"Wambui 🙏🏾"_s);
}

void TestContactExporter::formulaCellsSurviveARoundTrip()
{
    test::TempProfile first;
    QVERIFY(first->contacts().add(ContactInput{u"=Amina"_s, u"-Njeri"_s, u"0712345678"_s, {}, u"@home"_s}));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.csv"_s);
    QVERIFY(ContactExporter(first->database()).exportCsv(path));

    test::TempProfile second;
    QVERIFY(ContactImporter(second->database(), second->phones(), second->clock()).run(path));
    const Result<Contact> amina = second->contacts().findByPhone(u"+254712345678");
    QVERIFY(amina);
    QCOMPARE(amina->firstName, u"=Amina"_s);
    QCOMPARE(amina->lastName, u"-Njeri"_s);
    QCOMPARE(amina->notes, u"@home"_s);
}

void TestContactExporter::exportsManyContactsQuickly()
{
    test::TempProfile profile;
    {
        QSqlDatabase db = profile->database().connection();
        QVERIFY(db.transaction());
        QSqlQuery insert(db);
        QVERIFY(insert.prepare(u"INSERT INTO contacts(first_name, last_name, phone, created_at, updated_at) "
                               "VALUES (?, ?, ?, 0, 0)"_s));
        for (int i = 0; i < 100000; ++i) {
            insert.addBindValue(u"Member %1"_s.arg(i));
            insert.addBindValue(u"Njeri"_s);
            insert.addBindValue(u"+2547%1"_s.arg(10000000 + i));
            QVERIFY(insert.exec());
        }
        QVERIFY(db.commit());
    }
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    const Result<int> count = ContactExporter(profile->database()).exportCsv(dir.filePath(u"all.csv"_s));
    QVERIFY(count);
    QCOMPARE(*count, 100000);
    qInfo("exported 100,000 contacts in %lld ms", timer.elapsed());
}

QTEST_GUILESS_MAIN(TestContactExporter)
#include "TestContactExporter.moc"
