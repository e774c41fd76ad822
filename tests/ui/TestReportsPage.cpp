// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/CampaignDetail.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignsPage.h"
#include "campaigns/Recurrence.h"
#include "common/Language.h"
#include "contacts/GroupService.h"
#include "demo/DemoCongregation.h"
#include "gateway/GatewayKind.h"
#include "reports/BuiltInReports.h"
#include "reports/ReportBuilderDialog.h"
#include "reports/ReportPrinter.h"
#include "reports/ReportRegistry.h"
#include "reports/ReportRunner.h"
#include "reports/ReportSchedules.h"
#include "reports/ReportTableModel.h"
#include "reports/ReportView.h"
#include "reports/ReportsPage.h"
#include "reports/SavedReports.h"
#include "reports/ScheduleReportDialog.h"
#include "reports/ScheduledReportsDialog.h"
#include "security/Passwords.h"
#include "security/RoleGate.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "sync/FeatureLocks.h"
#include "sync/RelayEvent.h"
#include "sync/RelayLinkStore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// The Reports page and the report builder on a demo congregation with a year of messaging
// (DemoHistory): the list, the numbers against BuiltInReports, results worked out on a worker thread
// (the old one stays, a stale one is dropped), saving from the builder, what a viewer may not do, and
// the files: CSV, .xlsx (read back with unzip) and PDF (pdfinfo).
class TestReportsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tableModelIsSound();
    void listsTheBuiltInReports();
    void monthlySummaryShowsTheCoreNumbers();
    void keepsTheOldResultAndDropsAStaleOne();
    void builderSavesAReportThatAppearsInTheList();
    void savingOverAnotherNameAsksFirst();
    void deletingAsksFirst();
    void exportsCsvAndExcel();
    void exportFailureSaysWhy();
    void savesAPdf();
    void campaignButtonOpensTheCampaignReport();
    void campaignListLeavesOutRepeatingCampaigns();
    void viewerCannotSave();
    void schedulesAReportAndListsIt();
    void lockedWithoutTheStarterPlan();

private:
    Profile &profile() { return **m_profile; }
    std::unique_ptr<ReportsPage> makePage();
    // Waits until the page shows the report chosen.
    static bool waitForReport(ReportsPage &page);
    static QString run(const QString &program, const QStringList &arguments);

    std::unique_ptr<test::TempProfile> m_profile;
    QTemporaryDir m_dir;
    const Period m_year = Period(QDate(2025, 3, 1), QDate(2026, 2, 28));
};

void TestReportsPage::initTestCase()
{
    QVERIFY(Language::install(u"en"_s));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::Kenya));
    m_profile = std::make_unique<test::TempProfile>();
    m_profile->clock().set(QDateTime(QDate(2026, 3, 20), QTime(9, 0), Qt::UTC));
    profile().staff().setCost(Passwords::Cost::TestsOnly);
    QVERIFY(DemoCongregation::populate(profile(), 80));
}

void TestReportsPage::init()
{
    MessageBox::setNextAnswer(std::nullopt);
}

void TestReportsPage::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
    const Result<QList<SavedReport>> saved = profile().savedReports().list();
    if (saved) {
        for (const SavedReport &report : *saved)
            QVERIFY(profile().savedReports().remove(report.name));
    }
}

std::unique_ptr<ReportsPage> TestReportsPage::makePage()
{
    auto page = std::make_unique<ReportsPage>(ReportServices{profile().builtInReports(), profile().reportRunner(),
                                                             profile().savedReports(), profile().campaigns(),
                                                             profile().settings(), profile().clock()});
    page->resize(1100, 760);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        return nullptr;
    return page;
}

bool TestReportsPage::waitForReport(ReportsPage &page)
{
    QElapsedTimer waited;
    waited.start();
    while ((page.isRunning() || !page.view()->hasDocument()) && waited.elapsed() < test::scaledMs(30000))
        QTest::qWait(20);
    return !page.isRunning() && page.view()->hasDocument();
}

QString TestReportsPage::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return u"<%1 failed: %2>"_s.arg(program, QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestReportsPage::tableModelIsSound()
{
    ReportTable table;
    table.columns = {{u"network"_s, u"Network"_s, ReportColumn::Kind::Text},
                     {u"sent"_s, u"Sent"_s, ReportColumn::Kind::Count},
                     {u"rate"_s, u"Delivery rate"_s, ReportColumn::Kind::Percent}};
    table.rows = {{u"Safaricom"_s, qint64(12345), 96.25}, {u"Airtel"_s, qint64(7), 80.0}};
    table.totals = {QVariant(), qint64(12352), 96.2};
    ReportTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTable(table, QLocale(QLocale::English, QLocale::Kenya));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(0, 1).data().toString(), u"12,345"_s);
    QVERIFY(model.index(0, 2).data().toString().endsWith(u'%'));
    QCOMPARE(model.index(2, 0).data().toString(), u"Total"_s);
    QCOMPARE(model.index(0, 1).data(Qt::UserRole).toLongLong(), qint64(12345));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Sent"_s);
    // Message states read as people say them.
    ReportDocument document;
    ReportSection section;
    ReportTable states;
    states.columns = {{u"state"_s, u"State"_s, ReportColumn::Kind::Text}, {u"sent"_s, u"Sent"_s, ReportColumn::Kind::Count}};
    states.rows = {{u"delivered"_s, qint64(3)}, {u"uncertain"_s, qint64(1)}};
    section.table = states;
    ReportChart chart;
    chart.dimension = u"state"_s;
    chart.categories = {u"delivered"_s, u"uncertain"_s};
    section.chart = chart;
    document.sections << section;
    const ReportDocument plain = ReportView::inPlainWords(document);
    QVERIFY(plain.sections[0].table->rows[0][0].toString() != u"delivered"_s);
    QCOMPARE(plain.sections[0].chart->categories[0], plain.sections[0].table->rows[0][0].toString());
}

void TestReportsPage::listsTheBuiltInReports()
{
    auto page = makePage();
    QVERIFY(page);
    QListWidget *list = page->reportList();
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts << list->item(row)->text();
    for (const BuiltInReports::Entry &entry : BuiltInReports::entries()) {
        QVERIFY2(texts.contains(entry.title), qPrintable(entry.title));
        QVERIFY2(!ReportsPage::description(entry.key).isEmpty(), qPrintable(entry.key));
    }
    QVERIFY(texts.contains(u"Saved reports"_s));
    // The first built-in report is chosen and worked out when the page shows.
    QCOMPARE(page->currentReport(), u"monthly-summary"_s);
    QVERIFY(waitForReport(*page));
    QCOMPARE(page->view()->document().title, BuiltInReports::entries().constFirst().title);
    QVERIFY(!page->findChild<QPushButton *>(u"deleteReportButton"_s)->isEnabled());
}

void TestReportsPage::monthlySummaryShowsTheCoreNumbers()
{
    auto page = makePage();
    QVERIFY(page);
    QVERIFY(page->selectReport(u"monthly-summary"_s));
    QVERIFY(waitForReport(*page));
    // Measured, not asserted (no timing assertions in tests): from the choice to the report on screen.
    QElapsedTimer timer;
    timer.start();
    page->setPeriod(m_year);
    QVERIFY(waitForReport(*page));
    qInfo("monthly summary of the demo's year on screen after %lld ms", timer.elapsed());
    const Result<ReportDocument> expected
        = profile().builtInReports().run(u"monthly-summary"_s, m_year, profile().clock().nowUtc());
    QVERIFY(expected);
    const ReportDocument &shown = page->view()->document();
    QCOMPARE(shown.subtitle, m_year.describe());
    QCOMPARE(shown.sections.size(), expected->sections.size());
    const QList<QTableView *> tables = page->view()->tableViews();
    QCOMPARE(tables.size(), expected->sections.size());
    const QLocale locale;
    bool sawSeparator = false, sawPercent = false;
    for (int s = 0; s < expected->sections.size(); ++s) {
        const ReportTable &table = *expected->sections[s].table;
        QAbstractItemModel *model = tables[s]->model();
        QCOMPARE(model->rowCount(), int(table.rows.size()) + (table.totals.isEmpty() ? 0 : 1));
        for (int r = 0; r < table.rows.size(); ++r) {
            for (int c = 0; c < table.columns.size(); ++c) {
                const QString text = model->index(r, c).data().toString();
                // A week or a month reads as the runner names it ("Week of 2 Mar 2026"); the rest as printed.
                const QString &key = table.columns[c].key;
                if (key == u"week" || key == u"month")
                    QCOMPARE(text, profile().reportRunner().label(key, table.rows[r][c]));
                else
                    QCOMPARE(text, ReportPrinter::valueText(table.rows[r][c], table.columns[c].kind, locale));
                const bool number
                    = table.columns[c].kind == ReportColumn::Kind::Count || table.columns[c].kind == ReportColumn::Kind::Number;
                if (number && table.rows[r][c].toDouble() >= 1000)
                    sawSeparator = sawSeparator || text.contains(locale.groupSeparator());
                if (table.columns[c].kind == ReportColumn::Kind::Percent && !table.rows[r][c].isNull())
                    sawPercent = sawPercent || text.endsWith(u'%');
            }
        }
    }
    QVERIFY(sawSeparator);
    QVERIFY(sawPercent);
    // "Sent" in the year, as the core counts it.
    const Result<QVariant> sent = profile().reportRunner().total(u"sent"_s, m_year);
    QVERIFY(sent && sent->toLongLong() > 1000);
    QCOMPARE(tables[0]->model()->index(0, 0).data().toString(), u"Sent"_s);
    QCOMPARE(tables[0]->model()->index(0, 1).data(Qt::UserRole).toLongLong(), sent->toLongLong());
    // A chart per section that has one.
    QCOMPARE(page->view()->chartViews().size(), 4);
}

void TestReportsPage::keepsTheOldResultAndDropsAStaleOne()
{
    auto page = makePage();
    QVERIFY(page);
    QVERIFY(waitForReport(*page));
    const QString before = page->view()->document().title;
    QSignalSpy shown(page.get(), &ReportsPage::reportShown);
    // Another period: worked out on a worker thread while the old report stays on screen.
    page->setPeriod(m_year);
    QVERIFY(page->isRunning());
    QVERIFY(page->view()->hasDocument());
    QCOMPARE(page->view()->document().title, before);
    QVERIFY(page->view()->isBusy());
    // Another report before that one arrives: the first result is dropped.
    QVERIFY(page->selectReport(u"opt-outs"_s));
    QVERIFY(waitForReport(*page));
    QTest::qWait(300);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(page->view()->document().title, u"Opt-outs"_s);
    QVERIFY(!page->view()->isBusy());
}

void TestReportsPage::builderSavesAReportThatAppearsInTheList()
{
    auto page = makePage();
    QVERIFY(page);
    QPointer<ReportBuilderDialog> builder = page->newReport();
    QVERIFY(builder);
    QVERIFY(QTest::qWaitForWindowExposed(builder));
    builder->setMeasure(u"failed"_s);
    // Only the groupings the measure allows are offered.
    auto *groupBy = builder->findChild<QComboBox *>(u"groupByCombo"_s);
    const ReportMeasure *failed = ReportRegistry::instance().measure(u"failed"_s);
    QCOMPARE(groupBy->count(), int(failed->groupings.size()) + 1);
    auto *measures = builder->findChild<QComboBox *>(u"measureCombo"_s);
    measures->setCurrentIndex(measures->findData(u"opt_outs"_s));
    QCOMPARE(groupBy->count(), int(ReportRegistry::instance().measure(u"opt_outs"_s)->groupings.size()) + 1);
    QCOMPARE(groupBy->findData(u"network"_s), -1);
    builder->setMeasure(u"failed"_s);
    builder->setGrouping(u"month"_s, u"network"_s);
    builder->setPeriod(m_year);
    // The networks the year's failures went through are offered as filter values.
    auto *dimension = builder->findChild<QComboBox *>(u"filterDimensionCombo"_s);
    dimension->setCurrentIndex(dimension->findData(u"network"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isLoadingValues(), test::scaledMs(20000));
    QVERIFY(!builder->filterValues().isEmpty());
    const QString network = builder->filterValues().constFirst().second;
    builder->findChild<QPushButton *>(u"addFilterButton"_s)->click();
    QCOMPARE(builder->query().filters.value(u"network"_s), network);
    // The preview: the document ReportRunner makes, with a chart and a table.
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isPreviewing() && builder->preview()->hasDocument(), test::scaledMs(20000));
    QTRY_VERIFY_WITH_TIMEOUT(!builder->preview()->isBusy(), test::scaledMs(20000));
    QCOMPARE(builder->preview()->tableViews().size(), 1);
    QCOMPARE(builder->preview()->chartViews().size(), 1);
    const ReportQuery query = builder->query();
    builder->setName(u"Failures per month by network"_s);
    QSignalSpy saved(builder.data(), &ReportBuilderDialog::saved);
    QVERIFY(builder->save());
    QCOMPARE(saved.count(), 1);
    // The query went in and comes back the same.
    const Result<SavedReport> stored = profile().savedReports().find(u"Failures per month by network"_s);
    QVERIFY(stored);
    const Result<ReportQuery> back = ReportQuery::fromJson(stored->query, QDate(2026, 3, 20), QTimeZone::systemTimeZone());
    QVERIFY(back);
    QCOMPARE(back->measure, query.measure);
    QCOMPARE(back->groupBy, (QStringList{u"month"_s, u"network"_s}));
    QCOMPARE(back->period.from(), m_year.from());
    QCOMPARE(back->period.to(), m_year.to());
    QCOMPARE(back->filters, query.filters);
    // At once in the list, chosen and shown under its name.
    QCOMPARE(page->currentReport(), u"Failures per month by network"_s);
    QVERIFY(page->isSavedReport());
    QVERIFY(waitForReport(*page));
    QCOMPARE(page->view()->document().title, u"Failures per month by network"_s);
    QVERIFY(page->findChild<QPushButton *>(u"deleteReportButton"_s)->isEnabled());

    // Edited: the builder opens on it.
    QPointer<ReportBuilderDialog> edit = page->editReport();
    QVERIFY(edit);
    QCOMPARE(edit->name(), u"Failures per month by network"_s);
    QCOMPARE(edit->query().measure, u"failed"_s);
    QCOMPARE(edit->query().groupBy, (QStringList{u"month"_s, u"network"_s}));
    QCOMPARE(edit->query().filters, query.filters);
    edit->reject();
}

void TestReportsPage::savingOverAnotherNameAsksFirst()
{
    QVERIFY(profile().savedReports().save(u"Replies"_s, {u"replies"_s, {u"week"_s}, m_year, {}}));
    auto page = makePage();
    QVERIFY(page);
    QPointer<ReportBuilderDialog> builder = page->newReport();
    builder->setMeasure(u"sent"_s);
    builder->setName(u"Replies"_s);
    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!builder->save());
    QVERIFY(MessageBox::lastText().contains(u"Replies"_s));
    QCOMPARE(profile().savedReports().find(u"Replies"_s)->query.value(u"measure"_s).toString(), u"replies"_s);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(builder->save());
    QCOMPARE(profile().savedReports().find(u"Replies"_s)->query.value(u"measure"_s).toString(), u"sent"_s);
    // No name: refused with a reason.
    QPointer<ReportBuilderDialog> unnamed = page->newReport();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!unnamed->save());
    QVERIFY(!MessageBox::lastText().isEmpty());
    unnamed->reject();
}

void TestReportsPage::deletingAsksFirst()
{
    QVERIFY(profile().savedReports().save(u"Weekly replies"_s, {u"replies"_s, {u"week"_s}, m_year, {}}));
    auto page = makePage();
    QVERIFY(page);
    QVERIFY(page->selectReport(u"Weekly replies"_s));
    MessageBox::setNextAnswer(QMessageBox::No);
    page->deleteReport();
    QVERIFY(MessageBox::lastText().contains(u"Weekly replies"_s));
    QVERIFY(profile().savedReports().find(u"Weekly replies"_s));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    page->deleteReport();
    QVERIFY(!profile().savedReports().find(u"Weekly replies"_s));
    QVERIFY(!page->selectReport(u"Weekly replies"_s));
}

void TestReportsPage::exportsCsvAndExcel()
{
    auto page = makePage();
    QVERIFY(page);
    QVERIFY(page->selectReport(u"monthly-summary"_s));
    page->setPeriod(m_year);
    QVERIFY(waitForReport(*page));
    const Result<QVariant> sent = profile().reportRunner().total(u"sent"_s, m_year);
    QVERIFY(sent);
    QSignalSpy finished(page.get(), &ReportsPage::exportFinished);

    const QString csv = m_dir.filePath(u"summary.csv"_s);
    page->exportFile(csv, ReportsPage::FileFormat::Csv);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, test::scaledMs(20000));
    QVERIFY2(finished[0][0].toBool(), qPrintable(finished[0][1].toString()));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains(QByteArray("Sent," + QByteArray::number(sent->toLongLong()))));

    const QString xlsx = m_dir.filePath(u"summary.xlsx"_s);
    page->exportFile(xlsx, ReportsPage::FileFormat::Xlsx);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, test::scaledMs(20000));
    QVERIFY2(finished[1][0].toBool(), qPrintable(finished[1][1].toString()));
    const QString sheet = run(u"unzip"_s, {u"-p"_s, xlsx, u"xl/worksheets/sheet1.xml"_s});
    QVERIFY2(sheet.contains(u"<v>%1</v>"_s.arg(sent->toLongLong())), qPrintable(sheet.left(400)));
    const QString listing = run(u"unzip"_s, {u"-l"_s, xlsx});
    // One sheet per table: the numbers and the four charted sections.
    QVERIFY(listing.contains(u"xl/worksheets/sheet5.xml"_s));
    QVERIFY(page->findChild<QLabel *>(u"exportStatusLabel"_s)->text().contains(u"summary.xlsx"_s));
}

void TestReportsPage::exportFailureSaysWhy()
{
    auto page = makePage();
    QVERIFY(page);
    QVERIFY(waitForReport(*page));
    QSignalSpy finished(page.get(), &ReportsPage::exportFinished);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    const QString nowhere = m_dir.filePath(u"no such folder/summary.xlsx"_s);
    page->exportFile(nowhere, ReportsPage::FileFormat::Xlsx);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, test::scaledMs(20000));
    QVERIFY(!finished[0][0].toBool());
    QVERIFY2(MessageBox::lastText().contains(u"summary.xlsx"_s), qPrintable(MessageBox::lastText()));
    QVERIFY(!QFile::exists(nowhere));
}

void TestReportsPage::savesAPdf()
{
    QCOMPARE(ReportsPage::defaultPaper(QLocale(QLocale::English, QLocale::UnitedStates)), QPageSize::Letter);
    QCOMPARE(ReportsPage::defaultPaper(QLocale(QLocale::Swahili, QLocale::Kenya)), QPageSize::A4);
    QCOMPARE(ReportsPage::defaultPaper(QLocale(QLocale::English, QLocale::Kenya)), QPageSize::A4);
    auto page = makePage();
    QVERIFY(page);
    QVERIFY(page->selectReport(u"monthly-summary"_s));
    page->setPeriod(m_year);
    QVERIFY(waitForReport(*page));
    const QString a4 = m_dir.filePath(u"summary-a4.pdf"_s);
    QElapsedTimer timer;
    timer.start();
    const Result<int> pages = page->savePdf(a4, QPageSize::A4);
    qInfo("monthly summary as a PDF: %d pages in %lld ms", pages ? *pages : -1, timer.elapsed());
    QVERIFY2(pages, pages ? "" : qPrintable(pages.error().message));
    QVERIFY(*pages >= 2);
    const QString info = run(u"pdfinfo"_s, {a4});
    QVERIFY2(info.contains(u"Pages:           %1\n"_s.arg(*pages)), qPrintable(info));
    QVERIFY2(info.contains(u"(A4)"_s), qPrintable(info));
    const QString letter = m_dir.filePath(u"summary-letter.pdf"_s);
    const Result<int> letterPages = page->savePdf(letter, QPageSize::Letter);
    QVERIFY(letterPages);
    QVERIFY(run(u"pdfinfo"_s, {letter}).contains(u"(letter)"_s));
    QVERIFY(run(u"pdftotext"_s, {a4, u"-"_s}).contains(u"Monthly messaging summary"_s));
    // Print: the preview dialog of the same report.
    QPrintPreviewDialog *preview = page->printPreview();
    QVERIFY(preview);
    delete preview;
}

void TestReportsPage::campaignButtonOpensTheCampaignReport()
{
    MainWindow window(profile());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.findChild<QListWidget *>(u"sidebarList"_s)->item(MainWindow::ReportsPageIndex)->text(), u"Reports"_s);
    // A campaign of the demo's year that went out.
    qint64 id = 0;
    QString name;
    const Result<QList<Campaign>> campaigns = profile().campaigns().list();
    QVERIFY(campaigns);
    for (const Campaign &campaign : *campaigns) {
        if (campaign.status == CampaignStatus::Done && !campaign.isRepeating()) {
            id = campaign.id;
            name = campaign.name;
            break;
        }
    }
    QVERIFY(id > 0);
    window.showPage(MainWindow::CampaignsPageIndex);
    QVERIFY(window.campaignsPage()->selectCampaign(id));
    auto *report = window.campaignsPage()->findChild<QPushButton *>(u"campaignReportButton"_s);
    QVERIFY(report && report->isVisible());
    report->click();
    QCOMPARE(window.currentPage(), MainWindow::ReportsPageIndex);
    ReportsPage *page = window.reportsPage();
    QCOMPARE(page->currentReport(), u"campaign"_s);
    QCOMPARE(page->currentCampaign(), id);
    QVERIFY(waitForReport(*page));
    QCOMPARE(page->view()->document().title, u"Campaign report: %1"_s.arg(name));
    // The campaign report has no period to choose, but a campaign.
    QVERIFY(page->findChild<QComboBox *>(u"campaignCombo"_s)->isVisible());
    QVERIFY(!page->findChild<QComboBox *>(u"periodCombo"_s)->isVisible());
}

void TestReportsPage::campaignListLeavesOutRepeatingCampaigns()
{
    // A repeating campaign sends nothing itself (its occurrences do): its report would be empty.
    const Result<QList<Group>> groups = profile().groups().list();
    QVERIFY(groups && !groups->isEmpty());
    CampaignDraft draft;
    draft.name = u"Sunday reminder every week"_s;
    draft.body = u"Service at 9am. Karibu!"_s;
    draft.groupIds = {groups->first().id};
    draft.chargeTokens = false;
    draft.scheduledAt = QDateTime(QDate(2026, 3, 22), QTime(6, 0), Qt::UTC);
    draft.recurrence = Recurrence::weekly({Qt::Sunday});
    draft.repeatUntil = QDate(2026, 4, 30);
    const Result<Campaign> repeating = profile().campaigns().launch(draft);
    QVERIFY2(repeating, qPrintable(repeating ? QString() : repeating.error().message));
    QVERIFY(repeating->isRepeating());

    const std::unique_ptr<ReportsPage> page = makePage();
    QVERIFY(page);
    const auto *combo = page->findChild<QComboBox *>(u"campaignCombo"_s);
    QVERIFY(combo && combo->count() > 0);
    QCOMPARE(combo->findData(repeating->id), -1);
    for (int i = 0; i < combo->count(); ++i)
        QVERIFY(!combo->itemText(i).startsWith(draft.name));
    QVERIFY(profile().campaigns().pauseRepeating(repeating->id));
}

void TestReportsPage::viewerCannotSave()
{
    StaffAccounts &staff = profile().staff();
    QVERIFY(staff.requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, u"our choir sings at nine"_s));
    QVERIFY(staff.add(u"vera"_s, u"Vera Achieng"_s, Role::Viewer, u"tea after the service"_s));
    QVERIFY(staff.signIn(u"vera"_s, u"tea after the service"_s));
    RoleGate gate(&staff);
    QVERIFY(!profile().savedReports().save(u"Kept"_s, {u"sent"_s, {u"month"_s}, m_year, {}}));
    auto page = makePage();
    QVERIFY(page);
    page->setRoleGate(gate);
    QPointer<ReportBuilderDialog> builder = page->newReport();
    QVERIFY(builder);
    auto *save = builder->findChild<QPushButton *>(u"saveReportButton"_s);
    QVERIFY(!save->isEnabled());
    QVERIFY(!save->toolTip().isEmpty());
    builder->setName(u"Mine"_s);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(!builder->save());
    QCOMPARE(MessageBox::lastText(), save->toolTip());
    QVERIFY(!profile().savedReports().find(u"Mine"_s));
    // The core refuses as well, whatever the screen allows.
    const Result<SavedReport> refused = profile().savedReports().save(u"Mine"_s, builder->query());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    builder->reject();
    // The viewer still reads reports.
    QVERIFY(waitForReport(*page));
    staff.signIn(u"mary"_s, u"our choir sings at nine"_s);
}

void TestReportsPage::schedulesAReportAndListsIt()
{
    auto page = makePage();
    QVERIFY(page);
    auto *schedule = page->findChild<QPushButton *>(u"scheduleReportButton"_s);
    auto *schedules = page->findChild<QPushButton *>(u"scheduledReportsButton"_s);
    QVERIFY(schedule && schedules);
    QVERIFY(schedule->isHidden() && schedules->isHidden()); // no schedules given: nothing to offer
    page->setSchedules(&profile().reportSchedules(), &profile().groups());
    QVERIFY(!schedule->isHidden() && !schedules->isHidden());

    // The campaign report is one campaign's whole life: it is not scheduled.
    QVERIFY(page->selectReport(u"campaign"_s));
    QVERIFY(!schedule->isEnabled());
    QVERIFY(!page->scheduleReport());
    QVERIFY(page->selectReport(u"monthly-summary"_s));
    QVERIFY(schedule->isEnabled());
    QPointer<ScheduleReportDialog> dialog = page->scheduleReport();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->close();

    // The list shows what goes by itself, and stops it after asking.
    ReportScheduleDraft draft;
    draft.report = u"monthly-summary"_s;
    draft.cadence.every = ReportCadence::Every::Weekly;
    draft.cadence.day = 1;
    draft.cadence.at = QTime(7, 0);
    draft.folder = m_dir.path();
    const Result<ReportSchedule> made = profile().reportSchedules().create(draft);
    QVERIFY2(made, made ? "" : qPrintable(made.error().message));
    QPointer<ScheduledReportsDialog> list = page->showSchedules();
    QVERIFY(list);
    QCOMPARE(list->list()->topLevelItemCount(), 1);
    QTreeWidgetItem *item = list->list()->topLevelItem(0);
    QCOMPARE(item->text(0), u"Monthly messaging summary"_s);
    QCOMPARE(item->text(1), u"Every Monday at %1"_s.arg(QLocale().toString(QTime(7, 0), QLocale::ShortFormat)));
    QVERIFY(item->text(2).contains(m_dir.path()));
    QCOMPARE(item->text(4), u"Not yet"_s);
    list->list()->setCurrentItem(item);
    MessageBox::setNextAnswer(QMessageBox::No);
    list->removeChosen();
    QCOMPARE(profile().reportSchedules().list()->size(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    list->removeChosen();
    QVERIFY(profile().reportSchedules().list()->isEmpty());
    QCOMPARE(list->list()->topLevelItemCount(), 0);
    QVERIFY(!list->findChild<QLabel *>(u"noSchedulesLabel"_s)->isHidden());
    list->close();
}

void TestReportsPage::lockedWithoutTheStarterPlan()
{
    // A relay whose operator locks features by plan, a real gateway and tokens of no plan: reports
    // say which plan they come with and work nothing out.
    test::TempProfile locked;
    locked->settings().setGatewayProvider(GatewayKind::AfricasTalking);
    RelayLinkStore links(locked->database(), locked.clock());
    QVERIFY(links.saveEnrolment(RelayEnrolment{u"dev_1"_s, u"secret"_s, u"org_a"_s, u"Parish"_s, QByteArray(32, 'k')}));
    const QJsonObject offer{{u"plans"_s, QJsonArray{}}, {u"lock_features"_s, true}, {u"mpesa"_s, u"sandbox"_s}};
    QVERIFY(links.saveOffer(QJsonDocument(offer).toJson(QJsonDocument::Compact)));
    QVERIFY(!locked->features().check(PlanFeature::Analytics));

    ReportsPage page(ReportServices{locked->builtInReports(), locked->reportRunner(), locked->savedReports(), locked->campaigns(),
                                    locked->settings(), locked->clock()});
    page.setFeatureLocks(&locked->features());
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.selectReport(u"monthly-summary"_s));
    page.run();
    QVERIFY(!page.isRunning());
    QVERIFY(!page.view()->hasDocument());
    bool said = false;
    for (const QLabel *label : page.view()->findChildren<QLabel *>())
        said = said || (label->isVisible() && label->text().contains(u"Charts, reports and insights"_s));
    QVERIFY(said);
    QVERIFY(!page.findChild<QPushButton *>(u"savePdfButton"_s)->isEnabled());
}

QTEST_MAIN(TestReportsPage)
#include "TestReportsPage.moc"
