// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SampleReports.h"
#include "importexport/ReportXlsxWriter.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <clocale>

using namespace kengele;
using namespace Qt::StringLiterals;

// Report tables as an Excel workbook, read back from the .xlsx (a zip of XML) with unzip: real
// numbers and dates with their formats, a bold frozen header, one sheet per table with valid and
// unique names, numbers written with '.' even under a comma locale.
class TestReportXlsxWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void writesRealNumbersAndDates();
    void headerIsBoldAndFrozen();
    void oneSheetPerTableWithUniqueNames();
    void sheetNamesAreMadeValid();
    void aCommaLocaleStillWritesPoints();
    void refusesWhatItCannotWrite();

private:
    static QByteArray part(const QString &xlsx, const QString &name);
    // The cell's style index and its <v> (or inline text), from a sheet's XML.
    static std::pair<int, QString> cell(const QByteArray &sheet, const QString &ref);
    // The number format and whether the font is bold, for a style index (styles.xml's cellXfs).
    static std::pair<QString, bool> style(const QByteArray &styles, int index);
};

QByteArray TestReportXlsxWriter::part(const QString &xlsx, const QString &name)
{
    QProcess unzip;
    unzip.start(u"unzip"_s, {u"-p"_s, xlsx, name});
    if (!unzip.waitForFinished(30000) || unzip.exitCode() != 0)
        return {};
    return unzip.readAllStandardOutput();
}

std::pair<int, QString> TestReportXlsxWriter::cell(const QByteArray &sheet, const QString &ref)
{
    const QRegularExpression pattern(u"<c r=\"%1\"( s=\"(\\d+)\")?( t=\"\\w+\")?>(.*?)</c>"_s.arg(ref));
    const QRegularExpressionMatch m = pattern.match(QString::fromUtf8(sheet));
    if (!m.hasMatch())
        return {-1, QString()};
    static const QRegularExpression inner(u"<(?:v|t)[^>]*>(.*?)</(?:v|t)>"_s);
    return {m.captured(2).isEmpty() ? 0 : m.captured(2).toInt(), inner.match(m.captured(4)).captured(1)};
}

std::pair<QString, bool> TestReportXlsxWriter::style(const QByteArray &styles, int index)
{
    const QString xml = QString::fromUtf8(styles);
    const QString xfs = xml.section(u"<cellXfs"_s, 1).section(u"</cellXfs>"_s, 0, 0);
    static const QRegularExpression xfPattern(u"<xf [^>]*>"_s);
    QStringList xf;
    for (const QRegularExpressionMatch &m : xfPattern.globalMatch(xfs))
        xf << m.captured(0);
    if (index < 0 || index >= xf.size())
        return {};
    const auto attribute = [](const QString &tag, const QString &name) {
        const QRegularExpression a(u"%1=\"(\\d+)\""_s.arg(name));
        return a.match(tag).captured(1).toInt();
    };
    const int numFmtId = attribute(xf.at(index), u"numFmtId"_s);
    const int fontId = attribute(xf.at(index), u"fontId"_s);
    QString format = QString::number(numFmtId);
    const QRegularExpression custom(u"<numFmt numFmtId=\"%1\" formatCode=\"([^\"]*)\""_s.arg(numFmtId));
    if (const QRegularExpressionMatch m = custom.match(xml); m.hasMatch())
        format = m.captured(1).replace(u"&quot;"_s, u"\""_s);
    const QString fonts = xml.section(u"<fonts"_s, 1).section(u"</fonts>"_s, 0, 0);
    const QStringList font = fonts.split(u"<font>"_s).mid(1);
    return {format, fontId < font.size() && font.at(fontId).contains(u"<b/>"_s)};
}

void TestReportXlsxWriter::cleanup()
{
    std::setlocale(LC_NUMERIC, "C");
}

void TestReportXlsxWriter::writesRealNumbersAndDates()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.xlsx"_s);
    const Result<qint64> written = ReportXlsxWriter::write(path, test::sampleDocument(5), dir.path());
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    QCOMPARE(*written, 5 + 1);
    const QByteArray sheet = part(path, u"xl/worksheets/sheet1.xml"_s);
    const QByteArray styles = part(path, u"xl/styles.xml"_s);
    QVERIFY(!sheet.isEmpty());
    QVERIFY(!styles.isEmpty());

    // Row 5 (the fourth data row): "Sunday service", 1111, 91.5 %, 888.8, 3.75, 4 March 2026, 07:30 UTC.
    QCOMPARE(cell(sheet, u"A5"_s).second, u"Sunday service"_s);
    const auto [countStyle, count] = cell(sheet, u"B5"_s);
    QCOMPARE(count, u"1111"_s);
    QCOMPARE(style(styles, countStyle).first, u"#,##0"_s);
    const auto [rateStyle, rate] = cell(sheet, u"C5"_s);
    QCOMPARE(rate.toDouble(), 0.915); // a percent is its fraction…
    QCOMPARE(style(styles, rateStyle).first, u"0.0%"_s); // …shown as 91.5%
    const auto [moneyStyle, money] = cell(sheet, u"D5"_s);
    QCOMPARE(money.toDouble(), 888.8);
    QCOMPARE(style(styles, moneyStyle).first, u"#,##0.00"_s);
    QCOMPARE(cell(sheet, u"E5"_s).second.toDouble(), 3.75);
    const auto [dateStyle, date] = cell(sheet, u"F5"_s);
    QCOMPARE(date, u"46085"_s); // Excel's serial of 2026-03-04
    QCOMPARE(style(styles, dateStyle).first, u"yyyy-mm-dd"_s);
    const auto [timeStyle, time] = cell(sheet, u"G5"_s);
    QVERIFY2(time.toDouble() > 46085 && time.toDouble() < 46086, qPrintable(time));
    QCOMPARE(style(styles, timeStyle).first, u"yyyy-mm-dd hh:mm"_s);
    // Text is text, never a formula.
    QVERIFY(!sheet.contains("<f>"));
    QVERIFY(sheet.contains("HYPERLINK"));
    // The totals row: bold, its label written in.
    const auto [totalStyle, total] = cell(sheet, u"A7"_s);
    QCOMPARE(total, u"Total"_s);
    QVERIFY(style(styles, totalStyle).second);
    QVERIFY(style(styles, cell(sheet, u"B7"_s).first).second);
    QVERIFY(!style(styles, countStyle).second);
    // Widths follow the content: the campaign column is wider than the count's.
    static const QRegularExpression col(u"<col min=\"(\\d+)\" max=\"\\d+\" width=\"([\\d.]+)\""_s);
    QMap<int, double> widths;
    for (const QRegularExpressionMatch &m : col.globalMatch(QString::fromUtf8(sheet)))
        widths.insert(m.captured(1).toInt(), m.captured(2).toDouble());
    QCOMPARE(widths.size(), 7);
    QVERIFY2(widths.value(1) > widths.value(2), qPrintable(u"%1 %2"_s.arg(widths.value(1)).arg(widths.value(2))));
}

void TestReportXlsxWriter::headerIsBoldAndFrozen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.xlsx"_s);
    QVERIFY(ReportXlsxWriter::write(path, test::sampleDocument(3)));
    const QByteArray sheet = part(path, u"xl/worksheets/sheet1.xml"_s);
    const QByteArray styles = part(path, u"xl/styles.xml"_s);
    const auto [headerStyle, header] = cell(sheet, u"A1"_s);
    QCOMPARE(header, u"Campaign"_s); // the titles, for people
    QVERIFY(style(styles, headerStyle).second);
    QCOMPARE(cell(sheet, u"G1"_s).second, u"Sent at"_s);
    QVERIFY2(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
             sheet.left(1500).constData());
    QVERIFY(sheet.contains("<autoFilter ref=\"A1:G4\"/>"));
}

void TestReportXlsxWriter::oneSheetPerTableWithUniqueNames()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.xlsx"_s);
    QVERIFY(ReportXlsxWriter::write(path, test::sampleDocument(2)));
    const QString workbook = QString::fromUtf8(part(path, u"xl/workbook.xml"_s));
    QVERIFY2(workbook.contains(u"<sheet name=\"Campaigns\" sheetId=\"1\""_s), qPrintable(workbook));
    QVERIFY(workbook.contains(u"<sheet name=\"Campaigns (2)\" sheetId=\"2\""_s));
    QVERIFY(!workbook.contains(u"sheetId=\"3\""_s)); // the chart section has no table
    const QByteArray second = part(path, u"xl/worksheets/sheet2.xml"_s);
    QCOMPARE(cell(second, u"A2"_s).second, u"Airtel"_s);
    QCOMPARE(cell(second, u"B2"_s).second, u"85"_s);
    QVERIFY(part(path, u"docProps/core.xml"_s).contains("Monthly messaging summary"));
}

void TestReportXlsxWriter::sheetNamesAreMadeValid()
{
    QCOMPARE(ReportXlsxWriter::sheetName(u"Failures: by [network]?"_s, {}), u"Failures by network"_s);
    QCOMPARE(ReportXlsxWriter::sheetName(u"'quoted'"_s, {}), u"quoted"_s);
    QCOMPARE(ReportXlsxWriter::sheetName(QString(), {}), u"Table"_s);
    const QString longName = u"Delivery rate per campaign over the last twelve months"_s;
    const QString first = ReportXlsxWriter::sheetName(longName, {});
    QCOMPARE(first.size(), 31);
    const QString second = ReportXlsxWriter::sheetName(longName, {first});
    QVERIFY(second.size() <= 31);
    QVERIFY(second.endsWith(u" (2)"_s));
    QCOMPARE(ReportXlsxWriter::sheetName(u"campaigns"_s, {u"Campaigns"_s}), u"campaigns (2)"_s);
}

void TestReportXlsxWriter::aCommaLocaleStillWritesPoints()
{
    // The machine may not have de_DE built: build it for this test when the sources are there.
    QTemporaryDir locales;
    if (!std::setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
        const int built
            = QProcess::execute(u"localedef"_s, {u"-i"_s, u"de_DE"_s, u"-f"_s, u"UTF-8"_s, locales.filePath(u"de_DE.UTF-8"_s)});
        if (built >= 0)
            qputenv("LOCPATH", QFile::encodeName(locales.path()));
        if (!std::setlocale(LC_NUMERIC, "de_DE.UTF-8"))
            QSKIP("no de_DE.UTF-8 locale here, and localedef could not make one");
    }
    QCOMPARE(QByteArray(std::localeconv()->decimal_point), QByteArray(","));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"komma.xlsx"_s);
    QVERIFY(ReportXlsxWriter::write(path, test::sampleDocument(5)));
    // The locale is left as it was found.
    QCOMPARE(QByteArray(std::localeconv()->decimal_point), QByteArray(","));
    std::setlocale(LC_NUMERIC, "C");
    qunsetenv("LOCPATH");
    const QByteArray sheet = part(path, u"xl/worksheets/sheet1.xml"_s);
    QCOMPARE(cell(sheet, u"D5"_s).second.toDouble(), 888.8);
    QCOMPARE(cell(sheet, u"C5"_s).second.toDouble(), 0.915);
    static const QRegularExpression commaValue(u"<v>[^<]*,[^<]*</v>"_s);
    QVERIFY(!commaValue.match(QString::fromUtf8(sheet)).hasMatch());
    const QByteArray styles = part(path, u"xl/styles.xml"_s);
    QVERIFY(!styles.isEmpty());
}

void TestReportXlsxWriter::refusesWhatItCannotWrite()
{
    QTemporaryDir dir;
    ReportDocument charts;
    ReportSection section;
    section.chart = test::sampleChart();
    charts.sections = {section};
    const Result<qint64> none = ReportXlsxWriter::write(dir.filePath(u"none.xlsx"_s), charts);
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::InvalidInput);
    const Result<qint64> nowhere = ReportXlsxWriter::write(dir.filePath(u"missing/r.xlsx"_s), test::sampleDocument(1));
    QVERIFY(!nowhere);
    QCOMPARE(nowhere.error().code, ErrorCode::Io);
    // A file in the way stays as it was when the new one cannot be written; a good write replaces it.
    const QString path = dir.filePath(u"kept.xlsx"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    QVERIFY(!ReportXlsxWriter::write(path, charts));
    QFile kept(path);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("old"));
    kept.close();
    QVERIFY(ReportXlsxWriter::write(path, test::sampleDocument(1)));
    QVERIFY(!part(path, u"xl/worksheets/sheet1.xml"_s).isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no partial file left
    // A very long text is cut at Excel's limit rather than refused.
    ReportDocument longText;
    ReportSection textSection;
    ReportTable table;
    table.columns = {{u"text"_s, u"Text"_s, ReportColumn::Kind::Text}};
    table.rows = {{QString(40000, u'a')}};
    textSection.table = table;
    longText.sections = {textSection};
    QVERIFY(ReportXlsxWriter::write(path, longText));
    QCOMPARE(cell(part(path, u"xl/worksheets/sheet1.xml"_s), u"A2"_s).second.size(), ReportXlsxWriter::MaxCellCharacters);
}

QTEST_GUILESS_MAIN(TestReportXlsxWriter)
#include "TestReportXlsxWriter.moc"
