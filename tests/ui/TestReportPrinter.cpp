// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SampleReports.h"
#include "reports/ReportPdfWriter.h"
#include "reports/ReportPrintPreview.h"
#include "settings/Settings.h"

#include <QDir>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Reports on paper: a PDF read back with poppler's tools. Pages with the church's name, "Page x of
// y" and the table's header row repeated; charts as vectors (no pictures in the file) with their
// text; DejaVu Sans embedded; A4 or Letter; the print preview paints the same pages.
class TestReportPrinter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesCarryHeaderFooterAndRepeatedTableHeader();
    void chartsAreVectorsAndTheFontIsEmbedded();
    void letterAndA4();
    void theLogoFromSettingsIsPrinted();
    void anEmptyReportIsOnePage();
    void previewPaintsThePages();
    void valuesAreShownInTheLocale();
    void savesAPictureOfTheFirstPage();

private:
    static QString run(const QString &program, const QStringList &arguments);
    static QString pageText(const QString &pdf, int page);
    static ReportPageSetup setup(QPageSize::PageSizeId size = QPageSize::A4);

    QTemporaryDir m_dir;
    QString m_pdf; // the sample report, 300 rows, A4
    int m_pages = 0;
};

QString TestReportPrinter::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return u"<%1 failed: %2>"_s.arg(program, QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString TestReportPrinter::pageText(const QString &pdf, int page)
{
    const QString n = QString::number(page);
    return run(u"pdftotext"_s, {u"-layout"_s, u"-f"_s, n, u"-l"_s, n, pdf, u"-"_s});
}

ReportPageSetup TestReportPrinter::setup(QPageSize::PageSizeId size)
{
    ReportPageSetup setup;
    setup.organisationName = u"St John's Parish, Nakuru"_s;
    setup.pageSize = size;
    setup.locale = QLocale(QLocale::English, QLocale::Kenya);
    return setup;
}

void TestReportPrinter::initTestCase()
{
    for (const QString &tool : {u"pdftotext"_s, u"pdffonts"_s, u"pdfimages"_s, u"pdfinfo"_s, u"pdftoppm"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty())
            QFAIL(qPrintable(u"%1 is missing: install poppler-utils (scripts/dev does)"_s.arg(tool)));
    }
    m_pdf = m_dir.filePath(u"report.pdf"_s);
    const Result<int> pages = ReportPdfWriter::write(m_pdf, test::sampleDocument(300), setup());
    QVERIFY2(pages, pages ? "" : qPrintable(pages.error().message));
    m_pages = *pages;
}

void TestReportPrinter::pagesCarryHeaderFooterAndRepeatedTableHeader()
{
    QVERIFY2(m_pages >= 3, qPrintable(QString::number(m_pages)));
    QVERIFY(run(u"pdfinfo"_s, {m_pdf}).contains(u"Pages:           %1"_s.arg(m_pages)));
    const QString first = pageText(m_pdf, 1);
    QVERIFY2(first.contains(u"St John's Parish, Nakuru"_s), qPrintable(first));
    QVERIFY(first.contains(u"Monthly messaging summary"_s));
    QVERIFY(first.contains(u"1–31 March 2026 · Youth group"_s));
    QVERIFY(first.contains(u"Page 1 of %1"_s.arg(m_pages)));
    QVERIFY(first.contains(u"Generated 1 April 2026"_s) || first.contains(u"Generated Wednesday, 1 April 2026"_s));
    QVERIFY(first.contains(u"Late delivery reports are counted"_s));
    for (int page = 2; page <= m_pages; ++page) {
        const QString text = pageText(m_pdf, page);
        QVERIFY2(text.contains(u"St John's Parish, Nakuru"_s), qPrintable(text.left(400)));
        QVERIFY(text.contains(u"Page %1 of %2"_s.arg(page).arg(m_pages)));
    }
    // The long table spans pages 1 (or 2) to the next: its header row is at the top of each.
    const QString second = pageText(m_pdf, 2);
    static const QRegularExpression header(u"Campaign\\s+Delivered\\s+Delivery\\s+Cost \\(KSh\\)\\s+Replies\\s+Day\\s+Sent at"_s);
    QVERIFY2(header.match(second).hasMatch(), qPrintable(second.left(800)));
    QVERIFY(header.match(pageText(m_pdf, 3)).hasMatch() || m_pages == 3);
    // Values as people read them; the totals row at the end of the table.
    QVERIFY(first.contains(u"1,111"_s) || second.contains(u"1,111"_s));
    QString all;
    for (int page = 1; page <= m_pages; ++page)
        all += pageText(m_pdf, page);
    static const QRegularExpression totals(u"Total\\s+[\\d,]+\\s+94\\.2%"_s);
    QVERIFY(totals.match(all).hasMatch());
    QVERIFY(all.contains(u"Campaign 300"_s));
}

void TestReportPrinter::chartsAreVectorsAndTheFontIsEmbedded()
{
    // pdfimages -list: two header lines and no image.
    const QStringList images = run(u"pdfimages"_s, {u"-list"_s, m_pdf}).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(images.size(), 2);
    const QString fonts = run(u"pdffonts"_s, {m_pdf});
    QVERIFY2(fonts.contains(u"DejaVuSans"_s), qPrintable(fonts));
    QVERIFY2(fonts.contains(u"DejaVuSans-Bold"_s), qPrintable(fonts));
    for (const QString &line : fonts.split(u'\n', Qt::SkipEmptyParts).mid(2))
        QVERIFY2(line.contains(u" yes "_s), qPrintable(line)); // every font embedded
    // The chart's words are text in the PDF: its title, categories, legend and axis title.
    const QString first = pageText(m_pdf, 1);
    for (const QString &word : {u"Safaricom"_s, u"Airtel"_s, u"Telkom"_s, u"Delivered"_s, u"Failed"_s, u"Messages"_s})
        QVERIFY2(first.contains(word), qPrintable(word));
}

void TestReportPrinter::letterAndA4()
{
    static const QRegularExpression a4(u"Page size:\\s+595(\\.\\d+)? x 84[12](\\.\\d+)? pts \\(A4\\)"_s);
    QVERIFY2(a4.match(run(u"pdfinfo"_s, {m_pdf})).hasMatch(), qPrintable(run(u"pdfinfo"_s, {m_pdf})));
    const QString letter = m_dir.filePath(u"letter.pdf"_s);
    const Result<int> pages = ReportPdfWriter::write(letter, test::sampleDocument(300), setup(QPageSize::Letter));
    QVERIFY(pages);
    QVERIFY2(run(u"pdfinfo"_s, {letter}).contains(u"pts (letter)"_s), qPrintable(run(u"pdfinfo"_s, {letter})));
    QVERIFY(pageText(letter, *pages).contains(u"Page %1 of %1"_s.arg(*pages)));
}

void TestReportPrinter::theLogoFromSettingsIsPrinted()
{
    QImage logo(120, 60, QImage::Format_RGB32);
    logo.fill(QColor(0x00, 0x72, 0xb2));
    const QString logoPath = m_dir.filePath(u"logo.png"_s);
    QVERIFY(logo.save(logoPath));
    Settings settings(m_dir.filePath(u"settings.ini"_s));
    QCOMPARE(Settings::name(Settings::Key::OrganisationName), u"organisation/name"_s);
    settings.setOrganisationName(u"  Holy   Trinity, Eldoret "_s);
    settings.setOrganisationLogo(logoPath);
    const ReportPageSetup fromSettings = ReportPageSetup::fromSettings(settings);
    QCOMPARE(fromSettings.organisationName, u"Holy Trinity, Eldoret"_s);
    QCOMPARE(fromSettings.logo.size(), QSize(120, 60));
    const QString pdf = m_dir.filePath(u"logo.pdf"_s);
    ReportDocument small = test::sampleDocument(3);
    small.sections.removeFirst(); // no chart: one page
    const Result<int> pages = ReportPdfWriter::write(pdf, small, fromSettings);
    QVERIFY(pages);
    QCOMPARE(*pages, 1);
    QVERIFY(pageText(pdf, 1).contains(u"Holy Trinity, Eldoret"_s));
    const QStringList images = run(u"pdfimages"_s, {u"-list"_s, pdf}).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(images.size(), 3); // the logo, once
    // A logo that is gone prints none.
    settings.setOrganisationLogo(m_dir.filePath(u"gone.png"_s));
    QVERIFY(ReportPageSetup::fromSettings(settings).logo.isNull());
}

void TestReportPrinter::anEmptyReportIsOnePage()
{
    ReportDocument empty;
    empty.title = u"Opt-outs"_s;
    empty.generatedAt = QDateTime(QDate(2026, 4, 1), QTime(5, 0), Qt::UTC);
    const QString pdf = m_dir.filePath(u"empty.pdf"_s);
    const Result<int> pages = ReportPdfWriter::write(pdf, empty, ReportPageSetup());
    QVERIFY(pages);
    QCOMPARE(*pages, 1);
    const QString text = pageText(pdf, 1);
    QVERIFY(text.contains(u"Opt-outs"_s));
    QVERIFY(text.contains(u"Page 1 of 1"_s));
    QVERIFY(!ReportPdfWriter::write(m_dir.filePath(u"no/such/folder/x.pdf"_s), empty, ReportPageSetup()));
}

void TestReportPrinter::previewPaintsThePages()
{
    QWidget parent;
    QPrintPreviewDialog *dialog = ReportPrintPreview::create(test::sampleDocument(300), setup(QPageSize::Letter), &parent);
    QCOMPARE(dialog->objectName(), u"reportPrintPreview"_s);
    QCOMPARE(dialog->printer()->pageLayout().pageSize().id(), QPageSize::Letter);
    QPrintPreviewWidget *preview = dialog->findChild<QPrintPreviewWidget *>();
    QVERIFY(preview);
    dialog->show();
    QTRY_VERIFY_WITH_TIMEOUT(preview->pageCount() >= 3, 20000);
    dialog->close(); // deletes itself, and its printer
}

void TestReportPrinter::valuesAreShownInTheLocale()
{
    using K = ReportColumn::Kind;
    const QLocale english(QLocale::English, QLocale::Kenya);
    QCOMPARE(ReportPrinter::valueText(qint64(1234567), K::Count, english), u"1,234,567"_s);
    QCOMPARE(ReportPrinter::valueText(91.25, K::Percent, english), u"91.3%"_s);
    QCOMPARE(ReportPrinter::valueText(1234.5, K::Money, english), u"1,234.50"_s);
    QCOMPARE(ReportPrinter::valueText(3.0, K::Number, english), u"3"_s);
    QCOMPARE(ReportPrinter::valueText(3.25, K::Number, english), u"3.25"_s);
    QCOMPARE(ReportPrinter::valueText(3.5, K::Number, english), u"3.5"_s);
    QCOMPARE(ReportPrinter::valueText(QVariant(), K::Count, english), QString());
    const QLocale german(QLocale::German, QLocale::Germany);
    QCOMPARE(ReportPrinter::valueText(1234.5, K::Money, german), u"1.234,50"_s);
}

void TestReportPrinter::savesAPictureOfTheFirstPage()
{
    QDir dir(qEnvironmentVariable("KENGELE_SCREENSHOT_DIR", QDir::tempPath() + u"/kengele-screenshots"_s));
    QVERIFY(dir.mkpath(u"."_s));
    const QString prefix = dir.filePath(u"report-page-en"_s);
    QFile::remove(prefix + u".png"_s);
    run(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"60"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, u"-singlefile"_s, m_pdf, prefix});
    const QImage page(prefix + u".png"_s);
    QVERIFY(!page.isNull());
    QCOMPARE(page.width(), 496); // 210 mm at 60 dpi
    qInfo() << "saved" << prefix + u".png"_s;
}

QTEST_MAIN(TestReportPrinter)
#include "TestReportPrinter.moc"
