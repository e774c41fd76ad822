// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PhoneNormalizer.h"
#include "importexport/ContactImporter.h"
#include "importexport/ImportPreview.h"
#include "importexport/ImportWriter.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtConcurrentRun>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

ContactImporter importerFor(test::TempProfile &profile)
{
    return ContactImporter(profile->database(), profile->phones(), profile->clock());
}

bool consistent(const ImportReport &report)
{
    return report.rows == report.created + report.updated + int(report.skipped.size());
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write a test file");
    return path;
}

QByteArray utf16le(const QString &text)
{
    QByteArray bytes("\xFF\xFE", 2);
    bytes.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    return bytes;
}

int contactCount(test::TempProfile &profile)
{
    const Result<int> count = profile->contacts().count();
    return count ? *count : -1;
}

Contact contact(test::TempProfile &profile, const QString &phone)
{
    const Result<Contact> found = profile->contacts().findByPhone(phone);
    return found ? *found : Contact{};
}

qint64 peakMemoryKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

QString numberedRows(int count)
{
    QString text = u"Name,Phone\n"_s;
    for (int i = 0; i < count; ++i)
        text += u"Member %1,07%2\n"_s.arg(i).arg(10000000 + i);
    return text;
}

} // namespace

class TestContactImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsFileWithBom();
    void importsSwahiliSemicolonFile();
    void listsBadRowsWithLineNumbers();
    void sameNumberInFourFormatsIsOneContact();
    void updatesStoredContacts();
    void normalisesNumbers_data();
    void normalisesNumbers();
    void normalisesExactlyLikePhoneNormalizer();
    void importsExcelUnicodeText();
    void readsWesternEuropeanWithWarning();
    void refusesFiles_data();
    void refusesFiles();
    void importsRowWith200Columns();
    void importsFiftyMegabyteFile();
    void cancelLeavesStoreUnchanged();
    void readOnlyDatabaseChangesNothing();
    void storageFailureMidwayRollsBack();
    void targetGroupGetsEveryImportedContact();
    void writesNewContactsInBatches();
    void regionOverride();
    void reportsProgressAtAModestRate();
    void guessesHeaderlessFile();
    void refusesMappingWithoutPhone();
    void usesChangedMapping();
    void importsVCards();
    void keepsContactWithUnusableEmail();
    void runsOnWorkerThread();
};

void TestContactImporter::importsFileWithBom()
{
    test::TempProfile profile;
    const Result<ImportReport> report = importerFor(profile).run(test::testDataPath(u"import/basic_bom.csv"_s));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(consistent(*report));
    QCOMPARE(report->rows, 3);
    QCOMPARE(report->created, 3);
    QCOMPARE(report->updated, 0);
    QVERIFY(report->skipped.isEmpty());
    QVERIFY(report->warnings.isEmpty());
    QCOMPARE(report->groupsCreated, (QStringList{u"Choir"_s, u"Youth"_s, u"Women"_s}));

    const Contact amina = contact(profile, u"+254712345678"_s);
    QCOMPARE(amina.firstName, u"Amina"_s);
    QCOMPARE(amina.lastName, u"Njeri"_s);
    QCOMPARE(amina.phoneRaw, u"0712 345 678"_s);
    QCOMPARE(amina.email, u"amina@example.org"_s);
    QCOMPARE(amina.source, u"import"_s);
    QCOMPARE(amina.groups, QStringList{u"Choir"_s});

    const Contact peter = contact(profile, u"+254733111222"_s);
    QCOMPARE(peter.firstName, u"Peter"_s); // "Otieno, Peter": surname first
    QCOMPARE(peter.lastName, u"Otieno"_s);
    QCOMPARE(peter.groups, (QStringList{u"Choir"_s, u"Youth"_s}));

    const Contact grace = contact(profile, u"+254722000111"_s);
    QCOMPARE(grace.firstName, u"Grace"_s);
    QCOMPARE(grace.lastName, u"Wanjiru Achieng"_s);
    QCOMPARE(grace.groups, (QStringList{u"Choir"_s, u"Women"_s}));
}

void TestContactImporter::importsSwahiliSemicolonFile()
{
    test::TempProfile profile;
    const Result<ImportReport> report = importerFor(profile).run(test::testDataPath(u"import/swahili_semicolon.csv"_s));
    QVERIFY(report);
    QVERIFY(consistent(*report));
    QCOMPARE(report->created, 3);
    const Contact juma = contact(profile, u"+254712000001"_s);
    QCOMPARE(juma.firstName, u"Juma"_s);
    QCOMPARE(juma.lastName, u"Hamisi"_s);
    QCOMPARE(juma.notes, u"Anaimba; tenor"_s);
    QCOMPARE(juma.groups, QStringList{u"Kwaya"_s});
    QCOMPARE(contact(profile, u"+254712000003"_s).firstName, u"Baraka"_s);
}

void TestContactImporter::listsBadRowsWithLineNumbers()
{
    test::TempProfile profile;
    const Result<ImportReport> report = importerFor(profile).run(test::testDataPath(u"import/bad_rows.csv"_s));
    QVERIFY(report);
    QVERIFY(consistent(*report));
    QCOMPARE(report->rows, 6);
    QCOMPARE(report->created, 3);
    // Line numbers count the lines inside quoted notes (lines 2-3 and 5-7) and the blank line 8.
    const QList<SkippedRow> expected = {
        {4, u"“0712” has too few digits to be a phone number."_s},
        {9, u"There is no phone number."_s},
        {11, u"“abc” is not a phone number."_s},
    };
    QCOMPARE(report->skipped, expected);

    QCOMPARE(contact(profile, u"+254712345678"_s).notes, u"Sings in the choir,\nleads on Sundays"_s);
    const Contact peter = contact(profile, u"+254733111222"_s);
    QCOMPARE(peter.firstName, u"Peter"_s);
    QCOMPARE(peter.lastName, u"\"Pete\" Otieno"_s);
    QCOMPARE(peter.notes, u"Line one\nline two\nline three"_s);
    QCOMPARE(contact(profile, u"+254722000111"_s).firstName, u"Grace"_s);
}

void TestContactImporter::sameNumberInFourFormatsIsOneContact()
{
    test::TempProfile profile;
    const Result<ImportReport> report = importerFor(profile).run(test::testDataPath(u"import/same_number_formats.csv"_s));
    QVERIFY(report);
    QVERIFY(consistent(*report));
    QCOMPARE(report->rows, 4);
    QCOMPARE(report->created, 1);
    QCOMPARE(report->updated, 3);
    QCOMPARE(contactCount(profile), 1);
    const Contact mary = contact(profile, u"+254712555666"_s);
    QCOMPARE(mary.firstName, u"Mama"_s); // the last row's name
    QCOMPARE(mary.lastName, u"Mary"_s);
    QCOMPARE(mary.phoneRaw, u"0712 555 666"_s); // as first stored
}

void TestContactImporter::updatesStoredContacts()
{
    test::TempProfile profile;
    ContactInput input;
    input.firstName = u"John"_s;
    input.lastName = u"Kamau"_s;
    input.phone = u"+254 712 345 678"_s;
    input.email = u"john@example.org"_s;
    input.notes = u"Elder"_s;
    QVERIFY(profile->contacts().add(input));
    input = ContactInput{u"Peter"_s, u"Otieno"_s, u"0733111222"_s, {}, {}};
    QVERIFY(profile->contacts().add(input));
    QVERIFY(profile->contacts().optOut(u"0712345678", u"STOP"_s));

    QTemporaryDir dir;
    const QString path = writeFile(dir, u"update.csv"_s,
                                   "Name,Phone,Email,Notes\n"
                                   "Johnny,0712-345-678,,Treasurer\n"
                                   "Peter Otieno,254733111222,peter@example.org,\n"
                                   "New Person,0722 000 111,,\n");
    const Result<ImportReport> report = importerFor(profile).run(path);
    QVERIFY(report);
    QVERIFY(consistent(*report));
    QCOMPARE(report->created, 1);
    QCOMPARE(report->updated, 2);
    QCOMPARE(contactCount(profile), 3);

    const Contact john = contact(profile, u"+254712345678"_s);
    QCOMPARE(john.firstName, u"Johnny"_s); // replaced
    QCOMPARE(john.lastName, u"Kamau"_s); // the file had none: kept
    QCOMPARE(john.email, u"john@example.org"_s); // kept
    QCOMPARE(john.notes, u"Treasurer"_s);
    QCOMPARE(john.phoneRaw, u"+254 712 345 678"_s);
    QCOMPARE(john.source, u"manual"_s);
    QVERIFY(john.optedOut); // opt-outs are untouched
    QCOMPARE(contact(profile, u"+254733111222"_s).email, u"peter@example.org"_s);
}

void TestContactImporter::normalisesNumbers_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("e164");
    const QString expected = u"+254712345678"_s;
    for (const QString &raw : {u"0712 345 678"_s, u"0712-345-678"_s, u"(0712) 345678"_s, u"+254 (712) 345-678"_s,
                               u"254712345678"_s, u"712345678"_s, u" 0712.345.678 "_s, u"'0712345678"_s, u"+254-712-345-678"_s,
                               // Two numbers in one cell: the first that is a phone number.
                               u"0712 345 678 / 0733 111 222"_s, u"0712345678; 0733111222"_s, u"none / 0712345678"_s})
        QTest::addRow("%s", qPrintable(raw)) << raw << expected;
}

void TestContactImporter::normalisesNumbers()
{
    QFETCH(QString, raw);
    QFETCH(QString, e164);
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"one.csv"_s, QString(u"Name,Phone\nAmina,\""_s + raw + u"\"\n"_s).toUtf8());
    const Result<ImportReport> report = importerFor(profile).run(path);
    QVERIFY(report);
    QCOMPARE(report->created, 1);
    QCOMPARE(contact(profile, e164).firstName, u"Amina"_s);
}

void TestContactImporter::normalisesExactlyLikePhoneNormalizer()
{
    // The importer hands numbers with only digits and spacing to libphonenumber without the
    // spacing (it is faster); the outcome must be what PhoneNormalizer says for the cell as written.
    const QStringList samples
        = {u"254712345678"_s,  u"255712345678"_s, u"256712345678"_s,  u"447911123456"_s, u"12015550123"_s,
           u"4915123456789"_s, u"919876543210"_s, u"2348031234567"_s, u"390612345678"_s, u"5491123456789"_s};
    const QList<int> codeLengths = {3, 3, 3, 2, 1, 2, 2, 3, 2, 2};
    QStringList raws;
    for (qsizetype s = 0; s < samples.size(); ++s) {
        const QString cc = samples[s].first(codeLengths[s]);
        const QString nsn = samples[s].sliced(codeLengths[s]);
        const QString spaced = nsn.first(3) + u' ' + nsn.sliced(3, 3) + u' ' + nsn.sliced(6);
        raws << u"+"_s + cc + u' ' + spaced << u"+"_s + cc + u'-' + nsn.first(3) + u'-' + nsn.sliced(3)
             << u"+"_s + cc + u" ("_s + nsn.first(3) + u") "_s + nsn.sliced(3) << u"00"_s + cc + u' ' + spaced
             << u"000"_s + cc + u' ' + spaced << cc + u' ' + spaced << u"+"_s + cc + u'.' + nsn.first(3) + u'.' + nsn.sliced(3)
             << u"+"_s + cc + u" 0"_s + spaced << u"+"_s + cc + u" (0) "_s + spaced << u"0"_s + spaced
             << u"(0"_s + nsn.first(3) + u") "_s + nsn.sliced(3) << spaced << u"+ "_s + cc + nsn << cc + u"-"_s + nsn
             << u"+"_s + cc + u"  "_s + nsn + u" ext. 12"_s << u"+"_s + cc + u" "_s + nsn.first(4) << u"((("_s + nsn + u")))"_s;
    }
    QString csv = u"First Name,Last Name,Phone\n"_s;
    for (qsizetype i = 0; i < raws.size(); ++i)
        csv += u"Row,"_s + QString::number(i) + u",\""_s + raws[i] + u"\"\n"_s;

    test::TempProfile profile;
    QTemporaryDir dir;
    const Result<ImportReport> report = importerFor(profile).run(writeFile(dir, u"formats.csv"_s, csv.toUtf8()));
    QVERIFY(report);
    QCOMPARE(report->rows, int(raws.size()));
    QHash<int, QString> skipped;
    for (const SkippedRow &row : report->skipped)
        skipped.insert(row.line, row.reason);
    QSet<QString> expectedPhones;
    for (qsizetype i = 0; i < raws.size(); ++i) {
        const Result<QString> expected = profile->phones().normalize(raws[i]);
        const int line = int(i) + 2;
        if (expected) {
            expectedPhones.insert(*expected);
            QVERIFY2(!skipped.contains(line), qPrintable(raws[i]));
            QVERIFY2(profile->contacts().findByPhone(*expected).has_value(), qPrintable(raws[i]));
        } else {
            QCOMPARE(skipped.value(line), expected.error().message);
        }
    }
    QCOMPARE(contactCount(profile), int(expectedPhones.size())); // no number the normaliser would not give
    QVERIFY(report->skipped.size() > 10); // the samples do include unusable numbers
}

void TestContactImporter::importsExcelUnicodeText()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString text = u"Name\tMobile\tNotes\r\nفاطمة الزهراء\t0712 900 001\tKwaya, alto\r\nJoy Wambui\t0712 900 002\t\r\n"_s;
    const QString path = writeFile(dir, u"unicode.txt"_s, utf16le(text));
    const Result<ImportReport> report = importerFor(profile).run(path);
    QVERIFY(report);
    QCOMPARE(report->created, 2);
    QVERIFY(report->warnings.isEmpty());
    const Contact fatima = contact(profile, u"+254712900001"_s);
    QCOMPARE(fatima.firstName, u"فاطمة"_s);
    QCOMPARE(fatima.lastName, u"الزهراء"_s);
    QCOMPARE(fatima.notes, u"Kwaya, alto"_s);
}

void TestContactImporter::readsWesternEuropeanWithWarning()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"latin1.csv"_s, "Name,Phone\nRen\xE9 Kamau,0712 345 678\nJos\xE9 Ol\xE9,0712 345 679\n");
    const Result<ImportReport> report = importerFor(profile).run(path);
    QVERIFY(report);
    QCOMPARE(report->created, 2);
    QCOMPARE(contact(profile, u"+254712345678"_s).firstName, u"René"_s);
    QCOMPARE(contact(profile, u"+254712345679"_s).lastName, u"Olé"_s);
    QCOMPARE(report->warnings,
             QStringList{u"The file was not saved as UTF-8, so it was read as Western European text. Check names with "
                         "special letters."_s});
}

void TestContactImporter::refusesFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("message");

    QTest::addRow("empty file") << QByteArray() << ErrorCode::InvalidInput << u"The file is empty."_s;
    QByteArray png("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", 20);
    for (int i = 0; i < 3000; ++i)
        png.append(char((i * 73 + 11) & 0xff));
    QTest::addRow("picture renamed .csv")
        << png << ErrorCode::Unsupported
        << u"This file is not a contact list (CSV or vCard); it looks like a picture, document or program."_s;
    QByteArray xlsx("PK\x03\x04\x14\x00\x06\x00\x08\x00", 10);
    xlsx += "[Content_Types].xml";
    xlsx += QByteArray(300, '\x07');
    xlsx += "xl/workbook.xml";
    QTest::addRow("workbook renamed .csv")
        << xlsx << ErrorCode::Unsupported
        << u"This is an Excel workbook, not a CSV file. In Excel choose File → Save As → CSV UTF-8, then import that file."_s;
}

void TestContactImporter::refusesFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ErrorCode, code);
    QFETCH(QString, message);
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"contacts.csv"_s, bytes);
    const Result<ImportReport> report = importerFor(profile).run(path);
    QVERIFY(!report);
    QCOMPARE(report.error().code, code);
    QCOMPARE(report.error().message, message);
    QCOMPARE(contactCount(profile), 0);
}

void TestContactImporter::importsRowWith200Columns()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    QStringList header;
    QStringList row;
    for (int i = 0; i < 200; ++i) {
        header << (i == 3 ? u"Name"_s : i == 150 ? u"Phone"_s : u"Field %1"_s.arg(i));
        row << (i == 3 ? u"Amina Njeri"_s : i == 150 ? u"0712 345 678"_s : QString::number(i));
    }
    const QString path = writeFile(dir, u"wide.csv"_s, QString(header.join(u',') + u'\n' + row.join(u',') + u'\n').toUtf8());
    const Result<ImportReport> report = importerFor(profile).run(path);
    QVERIFY(report);
    QCOMPARE(report->created, 1);
    QCOMPARE(contact(profile, u"+254712345678"_s).lastName, u"Njeri"_s);
}

void TestContactImporter::importsFiftyMegabyteFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.csv"_s);
    int rows = 0;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("First Name,Last Name,Phone,Email,Notes\n");
        const QByteArray notes
            = QByteArray("Member of the parish council and the choir; visits the sick on Thursdays. ").repeated(2);
        qint64 written = 0;
        while (written < 50LL * 1024 * 1024) {
            const QByteArray line = "Amina" + QByteArray::number(rows) + ",Njeri,07" + QByteArray::number(10000000 + rows)
                + ",amina" + QByteArray::number(rows) + "@example.org,\"" + notes + "\"\n";
            file.write(line);
            written += line.size();
            ++rows;
        }
    }
    QVERIFY(QFileInfo(path).size() >= 50LL * 1024 * 1024);

    test::TempProfile profile;
    const qint64 memoryBefore = peakMemoryKb();
    QElapsedTimer timer;
    timer.start();
    const Result<ImportReport> report = importerFor(profile).run(path);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->rows, rows);
    QCOMPARE(report->created, rows);
    QCOMPARE(contactCount(profile), rows);
    const qint64 grownMb = (peakMemoryKb() - memoryBefore) / 1024;
    qInfo("imported a 50 MB file (%d rows) in %lld ms; peak memory grew by %lld MB", rows, elapsed, grownMb);
    // The decoded text is about twice the file; everything else is streamed in chunks.
#ifndef __SANITIZE_ADDRESS__
    QVERIFY2(grownMb < 400, "the import holds far more in memory than the file itself");
#endif
}

void TestContactImporter::cancelLeavesStoreUnchanged()
{
    test::TempProfile profile;
    QVERIFY(profile->contacts().add(ContactInput{u"Existing"_s, u"Member"_s, u"0733111222"_s, {}, {}}));
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"many.csv"_s, numberedRows(10000).toUtf8());

    std::atomic_bool cancel = false;
    ImportOptions options;
    options.groupName = u"Imported"_s;
    options.progress = [&cancel](qint64 done, qint64) {
        if (done > 0)
            cancel = true;
    };
    options.isCancelled = [&cancel] {
        return cancel.load();
    };
    const Result<ImportReport> report = importerFor(profile).run(path, options);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::Cancelled);
    QCOMPARE(report.error().message, u"The import was cancelled; nothing was changed."_s);
    QCOMPARE(contactCount(profile), 1);
    QVERIFY(!profile->groups().findByName(u"Imported"_s));

    // And the store still works afterwards.
    cancel = false;
    options.progress = nullptr;
    const Result<ImportReport> again = importerFor(profile).run(path, options);
    QVERIFY(again);
    QCOMPARE(contactCount(profile), 10001);
}

void TestContactImporter::readOnlyDatabaseChangesNothing()
{
    test::TempProfile profile;
    QVERIFY(profile->contacts().add(ContactInput{u"Existing"_s, u"Member"_s, u"0733111222"_s, {}, {}}));
    // Tests run as root in CI, where file permissions do not stop writes; SQLite's query_only
    // gives the same "read-only database" refusal on this thread's connection.
    QSqlQuery pragma(profile->database().connection());
    QVERIFY(pragma.exec(u"PRAGMA query_only = ON"_s));

    ImportOptions options;
    options.groupName = u"Imported"_s;
    const Result<ImportReport> report = importerFor(profile).run(test::testDataPath(u"import/basic_bom.csv"_s), options);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::ReadOnly);
    QVERIFY2(report.error().message.contains(u"read-only"), qPrintable(report.error().message));
    QVERIFY(report.error().message.contains(u"nothing was saved"));

    QVERIFY(pragma.exec(u"PRAGMA query_only = OFF"_s));
    QCOMPARE(contactCount(profile), 1);
    QVERIFY(!profile->groups().findByName(u"Imported"_s));
}

void TestContactImporter::storageFailureMidwayRollsBack()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"many.csv"_s, numberedRows(5000).toUtf8());
    // The disk "fails" once 3,000 contacts are written: the first 3,000 must not stay.
    QSqlQuery trigger(profile->database().connection());
    QVERIFY(trigger.exec(u"CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON contacts "
                         "WHEN (SELECT count(*) FROM contacts) >= 3000 "
                         "BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END"_s));

    ImportOptions options;
    options.groupName = u"Imported"_s;
    const Result<ImportReport> report = importerFor(profile).run(path, options);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::Storage);
    QVERIFY(report.error().message.contains(u"Nothing was saved"));
    QCOMPARE(contactCount(profile), 0);
    QVERIFY(!profile->groups().findByName(u"Imported"_s));
}

void TestContactImporter::targetGroupGetsEveryImportedContact()
{
    test::TempProfile profile;
    QVERIFY(profile->contacts().add(ContactInput{u"Amina"_s, u"Njeri"_s, u"0712345678"_s, {}, {}}));
    ImportOptions options;
    options.groupName = u"  Harambee   2026 "_s;
    const Result<ImportReport> report = importerFor(profile).run(test::testDataPath(u"import/basic_bom.csv"_s), options);
    QVERIFY(report);
    QCOMPARE(report->created, 2);
    QCOMPARE(report->updated, 1);
    QVERIFY(report->groupsCreated.contains(u"Harambee 2026"_s));
    const Result<Group> group = profile->groups().findByName(u"Harambee 2026"_s);
    QVERIFY(group);
    QCOMPARE(group->memberCount, 3);

    // Importing again into an existing group (any case) adds nobody twice.
    options.groupName = u"harambee 2026"_s;
    const Result<ImportReport> again = importerFor(profile).run(test::testDataPath(u"import/basic_bom.csv"_s), options);
    QVERIFY(again);
    QCOMPARE(again->updated, 3);
    QVERIFY(again->groupsCreated.isEmpty());
    QCOMPARE(profile->groups().findByName(u"Harambee 2026"_s)->memberCount, 3);
}

// ImportWriter gathers new contacts and writes 64 to a statement. Memberships must still reach the
// right contacts, a number seen twice in the file must be one contact, and a number someone saved
// after the import read the stored numbers (here: in the middle of a batch) must be updated, not
// fail the import or be counted twice.
void TestContactImporter::writesNewContactsInBatches()
{
    test::TempProfile profile;
    QSqlDatabase db = profile->database().connection();
    QVERIFY(db.transaction());
    ImportReport report;
    ImportWriter writer(db, 1000, report);
    QVERIFY(writer.prepare(200));
    const auto phone = [](int i) {
        return u"+2547120%1"_s.arg(i, 5, 10, QLatin1Char('0'));
    };
    // Saved by someone else after prepare(): the writer still thinks it new.
    ContactStore other(db, u"test"_s);
    QVERIFY(other.insertContact(ContactRecord{u"Saved"_s, u"Elsewhere"_s, phone(70), phone(70), {}, {}}, u"manual", 1, 1));
    for (int i = 0; i < 150; ++i) {
        ImportRow row;
        row.line = i + 2;
        row.contact = ContactRecord{u"Person"_s, QString::number(i), phone(i), phone(i), {}, {}};
        row.groups = {i % 2 ? u"Odd"_s : u"Even"_s};
        QVERIFY(writer.write(row, 0));
    }
    // The first number again, far behind: an update of the contact written in the first batch.
    ImportRow again;
    again.line = 200;
    again.contact = ContactRecord{u"Person"_s, u"Again"_s, phone(0), phone(0), {}, {}};
    again.groups = {u"Odd"_s};
    QVERIFY(writer.write(again, 0));
    QVERIFY(writer.writeMemberships());
    QVERIFY(db.commit());

    QCOMPARE(report.created, 149);
    QCOMPARE(report.updated, 2); // phone(70), saved meanwhile, and phone(0) seen twice
    QCOMPARE(contactCount(profile), 150);
    QCOMPARE(contact(profile, phone(0)).lastName, u"Again"_s);
    QCOMPARE(contact(profile, phone(0)).groups, (QStringList{u"Even"_s, u"Odd"_s}));
    QCOMPARE(contact(profile, phone(70)).firstName, u"Person"_s);
    QCOMPARE(contact(profile, phone(70)).groups, QStringList{u"Even"_s});
    for (int i : {1, 63, 64, 65, 127, 128, 149})
        QCOMPARE(contact(profile, phone(i)).groups, QStringList{i % 2 ? u"Odd"_s : u"Even"_s});
    QCOMPARE(profile->groups().findByName(u"Odd"_s)->memberCount, 76);
    QCOMPARE(profile->groups().findByName(u"Even"_s)->memberCount, 75);
}

void TestContactImporter::regionOverride()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"tz.csv"_s, "Jina,Simu\nNeema,0712 345 678\n");
    ImportOptions options;
    options.region = u"tz"_s;
    const Result<ImportReport> report = importerFor(profile).run(path, options);
    QVERIFY(report);
    QCOMPARE(contact(profile, u"+255712345678"_s).firstName, u"Neema"_s);

    options.region = u"XX"_s;
    const Result<ImportReport> bad = importerFor(profile).run(path, options);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
}

void TestContactImporter::reportsProgressAtAModestRate()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"many.csv"_s, numberedRows(10000).toUtf8());
    QList<QPair<qint64, qint64>> calls;
    ImportOptions options;
    options.progress = [&calls](qint64 done, qint64 total) {
        calls.append({done, total});
    };
    const Result<ImportReport> report = importerFor(profile).run(path, options);
    QVERIFY(report);
    QCOMPARE(report->created, 10000);
    QVERIFY(calls.size() >= 3);
    QVERIFY2(calls.size() <= 20, "progress is reported too often for a queued signal");
    QCOMPARE(calls.first(), (QPair<qint64, qint64>(0, 10000)));
    QCOMPARE(calls.last(), (QPair<qint64, qint64>(10000, 10000)));
    for (qsizetype i = 1; i < calls.size(); ++i)
        QVERIFY(calls[i].first >= calls[i - 1].first);
}

void TestContactImporter::guessesHeaderlessFile()
{
    test::TempProfile profile;
    const Result<ImportReport> report = importerFor(profile).run(test::testDataPath(u"import/headerless.csv"_s));
    QVERIFY(report);
    QCOMPARE(report->rows, 4);
    QCOMPARE(report->created, 4);
    QCOMPARE(report->warnings.size(), 1);
    const Contact amina = contact(profile, u"+254712345001"_s);
    QCOMPARE(amina.firstName, u"Amina"_s);
    QCOMPARE(amina.email, u"amina@example.org"_s);
}

void TestContactImporter::refusesMappingWithoutPhone()
{
    test::TempProfile profile;
    const ColumnMapping mapping({ImportField::FullName, ImportField::Ignore, ImportField::Email});
    const Result<ImportReport> report = importerFor(profile).run(test::testDataPath(u"import/basic_bom.csv"_s), mapping);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::InvalidInput);
    QCOMPARE(contactCount(profile), 0);
}

void TestContactImporter::usesChangedMapping()
{
    test::TempProfile profile;
    Result<ImportPreview> preview = ImportPreview::load(test::testDataPath(u"import/headerless.csv"_s), profile->phones());
    QVERIFY(preview);
    QVERIFY(preview->needsMapping());
    ColumnMapping mapping = preview->mapping();
    mapping.setField(1, ImportField::Notes); // the person decides the names are notes
    preview->setMapping(mapping);
    const Result<ImportReport> report = importerFor(profile).run(*preview);
    QVERIFY(report);
    QCOMPARE(report->rows, 4); // no header row skipped
    const Contact first = contact(profile, u"+254712345001"_s);
    QVERIFY(first.firstName.isEmpty()); // a contact without a name is still imported
    QCOMPARE(first.notes, u"Amina Njeri"_s);
}

void TestContactImporter::importsVCards()
{
    test::TempProfile profile;
    const Result<ImportReport> v21 = importerFor(profile).run(test::testDataPath(u"import/vcard21_quoted_printable.vcf"_s));
    QVERIFY(v21);
    QVERIFY(consistent(*v21));
    QCOMPARE(v21->rows, 3);
    QCOMPARE(v21->created, 2);
    QCOMPARE(v21->skipped, (QList<SkippedRow>{{16, u"There is no phone number."_s}}));
    const Contact zoe = contact(profile, u"+254712100001"_s);
    QCOMPARE(zoe.firstName, u"Zoë"_s);
    QCOMPARE(zoe.lastName, u"Wanjikũ"_s);
    QCOMPARE(zoe.groups, (QStringList{u"Choir"_s, u"Youth"_s}));

    const Result<ImportReport> v30 = importerFor(profile).run(test::testDataPath(u"import/vcard30_folded.vcf"_s));
    QVERIFY(v30);
    QCOMPARE(v30->created, 2);
    const Contact john = contact(profile, u"+254722000111"_s);
    QCOMPARE(john.firstName, u"John Mwangi"_s);
    QCOMPARE(john.lastName, u"Kamau"_s);
    QCOMPARE(john.email, u"john.kamau@example.org"_s);
    QCOMPARE(john.groups, (QStringList{u"Elders"_s, u"Finance Committee"_s}));
    QCOMPARE(contact(profile, u"+254712300400"_s).lastName, u"Achieng"_s);
}

void TestContactImporter::keepsContactWithUnusableEmail()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString path
        = writeFile(dir, u"email.csv"_s, "Name,Phone,Email\nAmina,0712345678,amina at home\nPeter,0733111222,p@x.org\n");
    const Result<ImportReport> report = importerFor(profile).run(path);
    QVERIFY(report);
    QCOMPARE(report->created, 2);
    QVERIFY(contact(profile, u"+254712345678"_s).email.isEmpty());
    QCOMPARE(report->warnings.size(), 1);
    QVERIFY2(report->warnings.first().contains(u"line 2"), qPrintable(report->warnings.first()));
}

void TestContactImporter::runsOnWorkerThread()
{
    test::TempProfile profile;
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"many.csv"_s, numberedRows(3000).toUtf8());
    const ContactImporter importer = importerFor(profile);
    QThread *mainThread = QThread::currentThread();
    QFuture<Result<ImportReport>> future = QtConcurrent::run([&importer, &path, mainThread] {
        Q_ASSERT(QThread::currentThread() != mainThread);
        return importer.run(path);
    });
    future.waitForFinished();
    const Result<ImportReport> report = future.result();
    QVERIFY(report);
    QCOMPARE(report->created, 3000);
    QCOMPARE(contactCount(profile), 3000); // committed, visible to this thread's connection
}

QTEST_GUILESS_MAIN(TestContactImporter)
#include "TestContactImporter.moc"
