// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SampleReports.h"
#include "importexport/ReportCsvWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Report tables as CSV: the byte order mark, the keys as headers, values by kind whatever the
// locale, cells quoted and defused, several tables one after another.
class TestReportCsvWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesValuesByKind();
    void defusesFormulasAndQuotes();
    void writesSeveralTablesWithTheirHeadings();
    void numbersIgnoreTheLocale();
    void aReportWithoutTablesOrAnUnwritableFolderIsRefused();
};

void TestReportCsvWriter::writesValuesByKind()
{
    ReportDocument document;
    document.title = u"One"_s;
    ReportSection section;
    section.table = test::sampleTable(5);
    document.sections = {section};
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.csv"_s);
    const Result<qint64> written = ReportCsvWriter::write(path, document);
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    QCOMPARE(*written, 5);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(u"\r\n"_s);
    QCOMPARE(lines.size(), 1 + 5 + 1 + 1); // header, rows, totals, the empty after the last CRLF
    QCOMPARE(lines.at(0), u"campaign,delivered,rate,cost,per100,day,sent"_s);
    // Row 4: "Sunday service", 1111 delivered, 91.5 %, 888.8 KSh, 3.75, 4 March, 07:30 UTC.
    QCOMPARE(lines.at(4), u"Sunday service,1111,91.5,888.8,3.75,2026-03-04,2026-03-04T07:30:00Z"_s);
    QVERIFY2(lines.at(6).startsWith(u"Total,"_s), qPrintable(lines.at(6)));
    QVERIFY(lines.at(6).endsWith(u",,,"_s)); // no values where the totals have none
    QCOMPARE(lines.at(7), QString());
}

void TestReportCsvWriter::defusesFormulasAndQuotes()
{
    const QString csv = ReportCsvWriter::csv(test::sampleTable(3));
    const QStringList lines = csv.split(u"\r\n"_s);
    QVERIFY2(lines.at(1).startsWith(u"\"'=HYPERLINK(\"\"http://x\"\")\","_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(u"\"Choir, youth & \"\"elders\"\"\","_s), qPrintable(lines.at(2)));
    QVERIFY(lines.at(3).startsWith(u"Harambee – Nyeri,"_s));
    QCOMPARE(ReportCsvWriter::field(u"+254 712"_s, ReportColumn::Kind::Text), u"'+254 712"_s);
    QCOMPARE(ReportCsvWriter::field(u"-12"_s, ReportColumn::Kind::Text), u"-12"_s); // a plain number stays
    QCOMPARE(ReportCsvWriter::field(u"@SUM(A1)"_s, ReportColumn::Kind::Text), u"'@SUM(A1)"_s);
    QCOMPARE(ReportCsvWriter::field(u"\tx"_s, ReportColumn::Kind::Text), u"'\tx"_s);
    QCOMPARE(ReportCsvWriter::field(QVariant(), ReportColumn::Kind::Count), QString());
    QCOMPARE(ReportCsvWriter::field(qint64(-5), ReportColumn::Kind::Count), u"-5"_s);
}

void TestReportCsvWriter::writesSeveralTablesWithTheirHeadings()
{
    const QString csv = ReportCsvWriter::csv(test::sampleDocument(2));
    const QStringList lines = csv.split(u"\r\n"_s);
    // The chart section has no table: two tables, each after its heading, an empty line between.
    QCOMPARE(lines.at(0), u"Campaigns"_s);
    QCOMPARE(lines.at(1), u"campaign,delivered,rate,cost,per100,day,sent"_s);
    QCOMPARE(lines.at(5), QString());
    QCOMPARE(lines.at(6), u"Campaigns"_s);
    QCOMPARE(lines.at(7), u"network,failed"_s);
    QCOMPARE(lines.at(8), u"Airtel,85"_s);
}

void TestReportCsvWriter::numbersIgnoreTheLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString number = ReportCsvWriter::field(1234.5, ReportColumn::Kind::Money);
    const QString count = ReportCsvWriter::field(qint64(1234567), ReportColumn::Kind::Count);
    QLocale::setDefault(before);
    QCOMPARE(number, u"1234.5"_s);
    QCOMPARE(count, u"1234567"_s);
}

void TestReportCsvWriter::aReportWithoutTablesOrAnUnwritableFolderIsRefused()
{
    ReportDocument charts;
    ReportSection section;
    section.chart = test::sampleChart();
    charts.sections = {section};
    QTemporaryDir dir;
    const Result<qint64> none = ReportCsvWriter::write(dir.filePath(u"none.csv"_s), charts);
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::InvalidInput);
    QVERIFY(!QFile::exists(dir.filePath(u"none.csv"_s)));
    const Result<qint64> nowhere = ReportCsvWriter::write(dir.filePath(u"missing/folder/r.csv"_s), test::sampleDocument(1));
    QVERIFY(!nowhere);
    QCOMPARE(nowhere.error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestReportCsvWriter)
#include "TestReportCsvWriter.moc"
