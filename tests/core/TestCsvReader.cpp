// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "importexport/CsvReader.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

// Records as "line:field|field|..." (bad ones as "line:!"), for compact expectations.
QStringList readAll(const QString &text, QChar delimiter = QChar())
{
    CsvReader reader(text, delimiter);
    QStringList out;
    CsvRecord record;
    while (reader.next(record)) {
        out << QString(QString::number(record.line) + u':' + (record.isValid() ? record.fields.join(u'|') : u"!"_s));
    }
    return out;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void detectsDelimiter_data();
    void detectsDelimiter();
    void countsWithoutMoving();
    void wideRowIsRead();
    void tooManyColumnsIsBadNotFatal();
    void tooLongFieldIsBadNotFatal();
    void unclosedQuoteLosesOnlyItsLine();
    void isFast();
};

void TestCsvReader::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("records");

    QTest::addRow("simple") << u"Name,Phone\nAmina,0712\n"_s << QStringList{u"1:Name|Phone"_s, u"2:Amina|0712"_s};
    QTest::addRow("no final line break") << u"a,b\n1,2"_s << QStringList{u"1:a|b"_s, u"2:1|2"_s};
    QTest::addRow("crlf") << u"a,b\r\n1,2\r\n3,4\r\n"_s << QStringList{u"1:a|b"_s, u"2:1|2"_s, u"3:3|4"_s};
    QTest::addRow("old mac cr") << u"a,b\r1,2\r"_s << QStringList{u"1:a|b"_s, u"2:1|2"_s};
    QTest::addRow("quoted comma") << u"n,p\n\"Otieno, Peter\",0712\n"_s << QStringList{u"1:n|p"_s, u"2:Otieno, Peter|0712"_s};
    QTest::addRow("doubled quotes") << u"n\n\"Peter \"\"Pete\"\" O\"\n"_s << QStringList{u"1:n"_s, u"2:Peter \"Pete\" O"_s};
    QTest::addRow("embedded newline lf") << u"n,notes,p\n\"Amina\",\"one\ntwo\",0712\nGrace,x,0722\n"_s
                                         << QStringList{u"1:n|notes|p"_s, u"2:Amina|one\ntwo|0712"_s, u"4:Grace|x|0722"_s};
    QTest::addRow("embedded newline crlf is read as lf") << u"n,notes\r\nA,\"one\r\ntwo\r\nthree\"\r\nB,y\r\n"_s
                                                         << QStringList{u"1:n|notes"_s, u"2:A|one\ntwo\nthree"_s, u"5:B|y"_s};
    QTest::addRow("blank lines skipped, lines still counted")
        << u"a,b\n\n1,2\n\r\n\n3,4\n"_s << QStringList{u"1:a|b"_s, u"3:1|2"_s, u"6:3|4"_s};
    QTest::addRow("rows of empty cells skipped") << u"a,b\n,\n1,2\n , \n"_s << QStringList{u"1:a|b"_s, u"3:1|2"_s};
    QTest::addRow("empty fields kept") << u"a,b,c\n1,,3\n,2,\n"_s << QStringList{u"1:a|b|c"_s, u"2:1||3"_s, u"3:|2|"_s};
    QTest::addRow("semicolon") << u"Jina;Simu\nJuma;0712 000 001\n"_s << QStringList{u"1:Jina|Simu"_s, u"2:Juma|0712 000 001"_s};
    QTest::addRow("tab") << u"Name\tPhone\nA, B\t0712\n"_s << QStringList{u"1:Name|Phone"_s, u"2:A, B|0712"_s};
    QTest::addRow("space before quote") << u"a,b\nx, \"y,z\"\n"_s << QStringList{u"1:a|b"_s, u"2:x|y,z"_s};
    QTest::addRow("quote inside unquoted field") << u"a,b\n5\" tall,x\n"_s << QStringList{u"1:a|b"_s, u"2:5\" tall|x"_s};
    QTest::addRow("excel sep line") << u"sep=;\nName;Phone\nA,B;0712\n"_s << QStringList{u"2:Name|Phone"_s, u"3:A,B|0712"_s};
    QTest::addRow("bom") << u"\uFEFFa,b\n1,2\n"_s << QStringList{u"1:a|b"_s, u"2:1|2"_s};
    QTest::addRow("quoted empty") << u"a,b\n\"\",2\n"_s << QStringList{u"1:a|b"_s, u"2:|2"_s};
}

void TestCsvReader::parses()
{
    QFETCH(QString, text);
    QFETCH(QStringList, records);
    QCOMPARE(readAll(text), records);
}

void TestCsvReader::detectsDelimiter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("delimiter");

    QTest::addRow("comma") << u"Name,Phone,Email\nA,1,x\nB,2,y\n"_s << u","_s;
    QTest::addRow("semicolon with decimal commas") << u"Name;Amount;Phone\nA;1,5;0712\nB;2,25;0713\n"_s << u";"_s;
    QTest::addRow("tab with commas in names") << u"Name\tPhone\nOtieno, Peter\t0712\nGrace\t0713\n"_s << u"\t"_s;
    QTest::addRow("commas inside quotes do not count") << u"Name;Phone\n\"A, B, C\";0712\n\"D, E\";0713\n"_s << u";"_s;
    QTest::addRow("single column") << u"Phone\n0712\n0713\n"_s << u","_s;
    QTest::addRow("sep hint") << u"sep=\t\nx,y\n"_s << u"\t"_s;
}

void TestCsvReader::detectsDelimiter()
{
    QFETCH(QString, text);
    QFETCH(QString, delimiter);
    QCOMPARE(QString(CsvReader::detectDelimiter(text)), delimiter);
}

void TestCsvReader::countsWithoutMoving()
{
    const QString text = u"a,b\n\n1,\"x\ny\"\n2,3\n,\n4,5"_s;
    CsvReader reader(text);
    QCOMPARE(reader.countRemaining(), 4);
    CsvRecord record;
    QVERIFY(reader.next(record));
    QCOMPARE(reader.countRemaining(), 3);
    int read = 0;
    while (reader.next(record))
        ++read;
    QCOMPARE(read, 3);
    QCOMPARE(reader.countRemaining(), 0);
}

void TestCsvReader::wideRowIsRead()
{
    QStringList header;
    QStringList row;
    for (int i = 0; i < 200; ++i) {
        header << u"Column %1"_s.arg(i);
        row << QString::number(i);
    }
    CsvReader reader(header.join(u',') + u'\n' + row.join(u',') + u'\n');
    CsvRecord record;
    QVERIFY(reader.next(record));
    QCOMPARE(record.fields.size(), 200);
    QVERIFY(reader.next(record));
    QVERIFY(record.isValid());
    QCOMPARE(record.fields.size(), 200);
    QCOMPARE(record.fields.last(), u"199"_s);
}

void TestCsvReader::tooManyColumnsIsBadNotFatal()
{
    const QString wide = QString(u",x"_s).repeated(CsvReader::MaxColumns + 5);
    CsvReader reader(u"a,b\n"_s + wide + u"\nc,d\n"_s);
    CsvRecord record;
    QVERIFY(reader.next(record));
    QVERIFY(reader.next(record));
    QVERIFY(!record.isValid());
    QCOMPARE(record.line, 2);
    QVERIFY(record.problem.contains(u"1000 columns"));
    QVERIFY(reader.next(record));
    QVERIFY(record.isValid());
    QCOMPARE(record.line, 3);
    QCOMPARE(record.fields, (QStringList{u"c"_s, u"d"_s}));
}

void TestCsvReader::tooLongFieldIsBadNotFatal()
{
    const QString huge = QString(CsvReader::MaxFieldLength + 1, u'x');
    CsvReader reader(u"a,b\n1,"_s + huge + u"\n2,\""_s + huge + u"\"\n3,ok\n"_s);
    CsvRecord record;
    QVERIFY(reader.next(record));
    for (int line : {2, 3}) {
        QVERIFY(reader.next(record));
        QVERIFY(!record.isValid());
        QCOMPARE(record.line, line);
        QVERIFY(record.problem.contains(u"10000 characters"));
    }
    QVERIFY(reader.next(record));
    QCOMPARE(record.line, 4);
    QCOMPARE(record.fields, (QStringList{u"3"_s, u"ok"_s}));
}

void TestCsvReader::unclosedQuoteLosesOnlyItsLine()
{
    // A stray quote never closed: only line 2 is lost.
    QCOMPARE(readAll(u"n,p\n\"Amina,0712\nGrace,0722\nJoy,0733\n"_s),
             (QStringList{u"1:n|p"_s, u"2:!"_s, u"3:Grace|0722"_s, u"4:Joy|0733"_s}));
    // A stray quote closed by another one lines later, followed by text: also only its line.
    QCOMPARE(readAll(u"n,p\n\"Amina,0712\nGrace,0722\n\"Joy\" M,0733\nPeter,0744\n"_s),
             (QStringList{u"1:n|p"_s, u"2:!"_s, u"3:Grace|0722"_s, u"4:Joy M|0733"_s, u"5:Peter|0744"_s}));
}

void TestCsvReader::isFast()
{
    QString text = u"First Name,Last Name,Phone,Email,Notes\n"_s;
    for (int i = 0; i < 100000; ++i)
        text += u"Amina,Njeri %1,0712 %2,amina%1@example.org,\"Choir, tenor\"\n"_s.arg(i).arg(100000 + i);
    QElapsedTimer timer;
    timer.start();
    CsvReader reader(text);
    CsvRecord record;
    int rows = 0;
    while (reader.next(record))
        ++rows;
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(rows, 100001);
    qInfo("parsed 100,000 rows in %lld ms", elapsed);
    QVERIFY2(elapsed < test::scaledMs(2000), "parsing is far slower than it should be"); // ~100 ms expected
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "TestCsvReader.moc"
