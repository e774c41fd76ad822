// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SampleReports.h"
#include "importexport/ReportCsvWriter.h"
#include "importexport/ReportXlsxWriter.h"
#include "reports/ReportPdfWriter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Issue 15's targets for writing reports out: a 20-page PDF < 2 s, a 100,000-row .xlsx < 3 s.
// Each measurement builds the file from a ReportDocument already worked out (the numbers are
// core/reports' part); QBENCHMARK runs it once (-iterations to change).
class BenchReportExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pdfTwentyPages();
    void xlsxHundredThousandRows();
    void csvHundredThousandRows();

private:
    QTemporaryDir m_dir;
    ReportDocument m_big; // 100,000 rows
};

void BenchReportExport::initTestCase()
{
    m_big = test::sampleDocument(0);
    m_big.sections[1].table = test::sampleTable(100000);
}

void BenchReportExport::pdfTwentyPages()
{
    // A chart and a table of 820 rows: 20 or 21 A4 pages.
    const ReportDocument document = test::sampleDocument(820);
    ReportPageSetup setup;
    setup.organisationName = u"St John's Parish, Nakuru"_s;
    setup.locale = QLocale(QLocale::English, QLocale::Kenya);
    const QString path = m_dir.filePath(u"twenty.pdf"_s);
    int pages = 0;
    QBENCHMARK_ONCE
    {
        const Result<int> written = ReportPdfWriter::write(path, document, setup);
        QVERIFY(written);
        pages = *written;
    }
    qInfo() << "pages:" << pages << "bytes:" << QFileInfo(path).size();
    QVERIFY(pages >= 20);
}

void BenchReportExport::xlsxHundredThousandRows()
{
    const QString path = m_dir.filePath(u"big.xlsx"_s);
    QBENCHMARK_ONCE
    {
        const Result<qint64> rows = ReportXlsxWriter::write(path, m_big, m_dir.path());
        QVERIFY(rows);
        QCOMPARE(*rows, 100000 + 1);
    }
    qInfo() << "bytes:" << QFileInfo(path).size();
}

void BenchReportExport::csvHundredThousandRows()
{
    const QString path = m_dir.filePath(u"big.csv"_s);
    QBENCHMARK_ONCE
    {
        QVERIFY(ReportCsvWriter::write(path, m_big));
    }
    qInfo() << "bytes:" << QFileInfo(path).size();
}

QTEST_MAIN(BenchReportExport)
#include "BenchReportExport.moc"
