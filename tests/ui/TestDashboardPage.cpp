// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/CampaignText.h"
#include "campaigns/MessageState.h"
#include "demo/DemoCongregation.h"
#include "gateway/GatewayKind.h"
#include "profile/Profile.h"
#include "reports/DashboardPage.h"
#include "reports/DashboardService.h"
#include "reports/DrillDown.h"
#include "reports/DrillDownDialog.h"
#include "settings/Settings.h"
#include "sync/FeatureLocks.h"
#include "sync/RelayEvent.h"
#include "sync/RelayLinkStore.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace kengele;
using namespace Qt::StringLiterals;

// The dashboard page on the demo congregation's year (DemoHistory) and on a new profile: the cards
// say what DashboardService says, a click on a bar lists exactly the rows DrillDown has behind it,
// the rows export whole, and an answer that came after a newer request is dropped.
class TestDashboardPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cardsShowTheServiceNumbers();
    void newProfileShowsTheEmptyState();
    void drillDownListsTheRowsBehindABar();
    void drillDownPages();
    void exportWritesEveryRow();
    void exportFailureIsSaid();
    void olderAnswerIsDropped();
    void lockedWithoutTheStarterPlan();
    void cleanupTestCase();

private:
    // The "Messages by network" chart's section, and the series and category of its failed messages
    // on the network with most failures.
    struct FailedBar {
        int section = -1;
        int series = -1;
        int category = -1;
        double value = 0;
    };
    FailedBar failedBar(const DashboardPage &page, const QString &state = u"failed"_s) const;
    void waitForNumbers(DashboardPage &page);

    std::unique_ptr<test::TempProfile> m_demo;
};

void TestDashboardPage::initTestCase()
{
    m_demo = std::make_unique<test::TempProfile>();
    QVERIFY(DemoCongregation::populate(**m_demo));
}

void TestDashboardPage::cleanupTestCase()
{
    m_demo.reset();
}

void TestDashboardPage::waitForNumbers(DashboardPage &page)
{
    QTRY_VERIFY_WITH_TIMEOUT(page.shown() && !page.isLoading(), 20000 * test::timeScale());
}

TestDashboardPage::FailedBar TestDashboardPage::failedBar(const DashboardPage &page, const QString &state) const
{
    FailedBar bar;
    const QList<ReportSection> &sections = page.shown()->document.sections;
    for (int i = 0; i < sections.size(); ++i) {
        if (sections[i].chart && sections[i].chart->dimension == u"network" && sections[i].chart->seriesDimension == u"state")
            bar.section = i;
    }
    if (bar.section < 0)
        return bar;
    const ReportChart &chart = *sections[bar.section].chart;
    bar.series = int(chart.seriesKeys.indexOf(state));
    if (bar.series < 0)
        return bar;
    const QList<double> &values = chart.series[bar.series].values;
    for (int i = 0; i < values.size(); ++i) {
        if (values[i] > bar.value) {
            bar.value = values[i];
            bar.category = i;
        }
    }
    return bar;
}

void TestDashboardPage::cardsShowTheServiceNumbers()
{
    Profile &profile = **m_demo;
    DashboardPage page(profile.database(), profile.settings(), profile.clock());
    page.setPeriodKind(Period::Kind::Last12Months);
    page.resize(1100, 800);
    page.show();
    waitForNumbers(page);
    QVERIFY(!page.isEmptyStateShown());

    const auto expected = DashboardService(profile.database()).numbers(page.period());
    QVERIFY(expected);
    QVERIFY(expected->totals.sent > 0);
    const DashboardNumbers::Totals &now = expected->totals;
    QCOMPARE(page.cardValue(DashboardPage::SentCard)->text(), CampaignText::number(now.sent));
    QCOMPARE(page.cardValue(DashboardPage::DeliveredCard)->text(), CampaignText::number(now.delivered));
    QCOMPARE(page.cardValue(DashboardPage::FailedCard)->text(), CampaignText::number(now.failed));
    QCOMPARE(page.cardValue(DashboardPage::RepliesCard)->text(), CampaignText::number(now.replies));
    QCOMPARE(page.cardValue(DashboardPage::OptOutsCard)->text(), CampaignText::number(now.optOuts));
    QCOMPARE(page.cardValue(DashboardPage::ContactsAddedCard)->text(), CampaignText::number(now.contactsAdded));
    QCOMPARE(page.cardValue(DashboardPage::DeliveryRateCard)->text(),
             QLocale().toString(now.deliveryRate.toDouble(), 'f', 1) + u'%');
    // Every card says how it moved against the period before.
    for (int card = 0; card < DashboardPage::CardCount; ++card)
        QVERIFY2(!page.cardTrend(DashboardPage::Card(card))->text().isEmpty(), qPrintable(QString::number(card)));
    const QString sentTrend = page.cardTrend(DashboardPage::SentCard)->text();
    if (now.sent != expected->previous.sent)
        QVERIFY2(sentTrend.startsWith(now.sent > expected->previous.sent ? u"▲"_s : u"▼"_s), qPrintable(sentTrend));

    // The six charts, each in its view; the one of tokens does not drill down.
    QCOMPARE(page.shown()->document.sections.size(), 6);
    for (int i = 0; i < 6; ++i)
        QVERIFY(page.chartView(i));
    for (int i = 0; i < 6; ++i) {
        const ReportChart &chart = *page.shown()->document.sections[i].chart;
        if (chart.measure == u"tokens") {
            QVERIFY(chart.dimension.isEmpty());
            QVERIFY(!page.openDrillDown(i, 0, 0));
        } else {
            QVERIFY2(!chart.dimension.isEmpty(), qPrintable(chart.title));
        }
    }
}

void TestDashboardPage::newProfileShowsTheEmptyState()
{
    test::TempProfile fresh;
    DashboardPage page(fresh->database(), fresh->settings(), fresh->clock());
    page.show();
    waitForNumbers(page);
    QVERIFY(page.isEmptyStateShown());
    auto *label = page.findChild<QLabel *>(u"dashboardEmptyLabel"_s);
    QVERIFY(label && label->isVisible());
    QVERIFY(label->text().contains(u"Nothing sent yet"_s));
    auto *send = page.findChild<QPushButton *>(u"dashboardSendButton"_s);
    QVERIFY(send && send->isVisible());
    QSignalSpy asked(&page, &DashboardPage::sendSmsRequested);
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(asked.size(), 1);

    // The demo's year is there: a month with nothing sent is not a new profile.
    Profile &demo = **m_demo;
    DashboardPage quiet(demo.database(), demo.settings(), demo.clock());
    quiet.setCustomPeriod(QDate(2001, 1, 1), QDate(2001, 1, 31));
    quiet.show();
    waitForNumbers(quiet);
    QCOMPARE(quiet.shown()->numbers.totals.sent, 0);
    QVERIFY(!quiet.isEmptyStateShown());
}

void TestDashboardPage::drillDownListsTheRowsBehindABar()
{
    Profile &profile = **m_demo;
    DashboardPage page(profile.database(), profile.settings(), profile.clock());
    page.setPeriodKind(Period::Kind::Last12Months);
    page.show();
    waitForNumbers(page);
    const FailedBar bar = failedBar(page);
    QVERIFY(bar.section >= 0);
    QVERIFY(bar.series >= 0);
    QVERIFY(bar.category >= 0);
    QVERIFY(bar.value > 0);

    // A click on the bar (its QBarSet says which) opens the dialog.
    QChartView *view = page.chartView(bar.section);
    QVERIFY(view);
    auto *series = qobject_cast<QAbstractBarSeries *>(view->chart()->series().value(0));
    QVERIFY(series);
    QBarSet *set = series->barSets().value(bar.series);
    QVERIFY(set);
    QCOMPARE(set->at(bar.category), bar.value);
    Q_EMIT set->clicked(bar.category);
    DrillDownDialog *dialog = page.findChild<DrillDownDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000 * test::timeScale());

    const ReportChart &chart = *page.shown()->document.sections[bar.section].chart;
    QCOMPARE(dialog->query().measure, chart.measure);
    QCOMPARE(dialog->query().filters.value(u"network"_s), chart.categoryKeys[bar.category]);
    QCOMPARE(dialog->query().filters.value(u"state"_s), u"failed"_s);
    const auto expected = DrillDown(profile.database()).rows(dialog->query(), DrillDownDialog::PageSize, 0);
    QVERIFY(expected);
    QCOMPARE(double(expected->total), bar.value);
    QCOMPARE(dialog->total(), expected->total);
    QTableWidget *table = dialog->table();
    QCOMPARE(table->rowCount(), int(expected->table.rows.size()));
    QCOMPARE(table->columnCount(), int(expected->table.columns.size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        QCOMPARE(table->item(row, 0)->text(), expected->table.rows[row][0].toString()); // name
        QCOMPARE(table->item(row, 1)->text(), expected->table.rows[row][1].toString()); // phone
        QCOMPARE(table->item(row, 3)->text(), CampaignText::messageState(MessageState::Failed));
    }
    auto *range = dialog->findChild<QLabel *>(u"drillDownRangeLabel"_s);
    QVERIFY(range->text().contains(QLocale().toString(expected->total)));
    dialog->close();
}

void TestDashboardPage::drillDownPages()
{
    Profile &profile = **m_demo;
    DashboardPage page(profile.database(), profile.settings(), profile.clock());
    page.setPeriodKind(Period::Kind::Last12Months);
    page.show();
    waitForNumbers(page);
    const FailedBar bar = failedBar(page, u"delivered"_s);
    QVERIFY(bar.value > DrillDownDialog::PageSize);
    DrillDownDialog *dialog = page.openDrillDown(bar.section, bar.series, bar.category);
    QVERIFY(dialog);
    QTRY_VERIFY(!dialog->isLoading());
    QCOMPARE(double(dialog->total()), bar.value);
    QCOMPARE(dialog->table()->rowCount(), DrillDownDialog::PageSize);
    auto *next = dialog->findChild<QPushButton *>(u"nextPageButton"_s);
    auto *previous = dialog->findChild<QPushButton *>(u"previousPageButton"_s);
    QVERIFY(!previous->isEnabled());
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY(!dialog->isLoading());
    QCOMPARE(dialog->offset(), DrillDownDialog::PageSize);
    const auto second = DrillDown(profile.database()).rows(dialog->query(), DrillDownDialog::PageSize, DrillDownDialog::PageSize);
    QVERIFY(second);
    QCOMPARE(dialog->table()->rowCount(), int(second->table.rows.size()));
    QCOMPARE(dialog->table()->item(0, 1)->text(), second->table.rows[0][1].toString());
    auto *range = dialog->findChild<QLabel *>(u"drillDownRangeLabel"_s);
    QVERIFY2(range->text().startsWith(u"Rows 201–"_s), qPrintable(range->text()));
    QVERIFY(previous->isEnabled());
    dialog->close();
}

void TestDashboardPage::exportWritesEveryRow()
{
    Profile &profile = **m_demo;
    DashboardPage page(profile.database(), profile.settings(), profile.clock());
    page.setPeriodKind(Period::Kind::Last12Months);
    page.show();
    waitForNumbers(page);
    const FailedBar bar = failedBar(page, u"delivered"_s);
    QVERIFY(bar.value > DrillDownDialog::PageSize);
    DrillDownDialog *dialog = page.openDrillDown(bar.section, bar.series, bar.category);
    QTRY_VERIFY(!dialog->isLoading());

    QTemporaryDir dir;
    const QString csv = dir.filePath(u"rows.csv"_s);
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QSignalSpy exported(dialog, &DrillDownDialog::exported);
    dialog->exportTo(csv);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000 * test::timeScale());
    QVERIFY2(exported[0][0].toBool(), qPrintable(exported[0][1].toString()));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    qint64 rows = 0;
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            ++rows;
    }
    QCOMPARE(rows - 1, qint64(bar.value)); // the header, then every row (not only the page shown)

    const QString xlsx = dir.filePath(u"rows.xlsx"_s);
    dialog->exportTo(xlsx);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 20000 * test::timeScale());
    QVERIFY2(exported[1][0].toBool(), qPrintable(exported[1][1].toString()));
    QFile workbook(xlsx);
    QVERIFY(workbook.open(QIODevice::ReadOnly));
    QCOMPARE(workbook.read(2), QByteArray("PK"));
    MessageBox::setNextAnswer(std::nullopt);
    dialog->close();
}

void TestDashboardPage::exportFailureIsSaid()
{
    Profile &profile = **m_demo;
    DashboardPage page(profile.database(), profile.settings(), profile.clock());
    page.setPeriodKind(Period::Kind::Last12Months);
    page.show();
    waitForNumbers(page);
    const FailedBar bar = failedBar(page);
    DrillDownDialog *dialog = page.openDrillDown(bar.section, bar.series, bar.category);
    QTRY_VERIFY(!dialog->isLoading());
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QSignalSpy exported(dialog, &DrillDownDialog::exported);
    QTemporaryDir dir;
    const QString nowhere = dir.filePath(u"no-such-folder/rows.csv"_s);
    dialog->exportTo(nowhere);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000 * test::timeScale());
    QVERIFY(!exported[0][0].toBool());
    QVERIFY2(MessageBox::lastText().contains(u"were not saved"_s), qPrintable(MessageBox::lastText()));
    QVERIFY(!QFile::exists(nowhere));
    MessageBox::setNextAnswer(std::nullopt);
    dialog->close();
}

void TestDashboardPage::olderAnswerIsDropped()
{
    Profile &profile = **m_demo;
    // This month's numbers wait until the test lets them go; the others come at once.
    QSemaphore gate;
    std::atomic<int> waiting{0};
    DashboardPage page(profile.database(), profile.settings(), profile.clock());
    // Whatever happens, no worker is left waiting when the page goes.
    const auto letGo = qScopeGuard([&gate] { gate.release(10); });
    const Database *database = &profile.database();
    page.setLoader([&gate, &waiting, database](const Period &period, const QDateTime &now) {
        if (period.kind() != Period::Kind::Last12Months) {
            ++waiting;
            gate.acquire();
        }
        return DashboardPage::load(*database, period, now);
    });
    page.show(); // this month: held back
    QTRY_COMPARE(waiting.load(), 1);
    QVERIFY(page.isLoading());
    page.setPeriodKind(Period::Kind::Last12Months);
    QTRY_VERIFY(page.shown());
    QCOMPARE(page.shown()->period.kind(), Period::Kind::Last12Months);
    const QString yearSent = page.cardValue(DashboardPage::SentCard)->text();
    QVERIFY(page.isLoading()); // this month's answer is still on its way
    gate.release();
    QTRY_COMPARE(page.droppedResults(), 1);
    QVERIFY(!page.isLoading());
    // The year's numbers stay: the older answer did not replace them.
    QCOMPARE(page.shown()->period.kind(), Period::Kind::Last12Months);
    QCOMPARE(page.cardValue(DashboardPage::SentCard)->text(), yearSent);

    // While new numbers are worked out, the page keeps showing the ones it has.
    page.setPeriodKind(Period::Kind::Last3Months);
    QTRY_COMPARE(waiting.load(), 2);
    QVERIFY(page.isLoading());
    QCOMPARE(page.cardValue(DashboardPage::SentCard)->text(), yearSent);
    QVERIFY(page.findChild<QLabel *>(u"dashboardBusyLabel"_s)->isVisible());
    gate.release();
    QTRY_VERIFY(!page.isLoading());
    QCOMPARE(page.shown()->period.kind(), Period::Kind::Last3Months);
    const auto expected = DashboardService(profile.database()).numbers(page.period());
    QVERIFY(expected);
    QCOMPARE(page.cardValue(DashboardPage::SentCard)->text(), CampaignText::number(expected->totals.sent));
    QCOMPARE(page.droppedResults(), 1);
}

void TestDashboardPage::lockedWithoutTheStarterPlan()
{
    // A relay whose operator locks features by plan, a real gateway and no plan's tokens: the page
    // says which plan the dashboard comes with and shows no numbers.
    test::TempProfile locked;
    locked->settings().setGatewayProvider(GatewayKind::AfricasTalking);
    RelayLinkStore links(locked->database(), locked.clock());
    QVERIFY(links.saveEnrolment(RelayEnrolment{u"dev_1"_s, u"secret"_s, u"org_a"_s, u"Parish"_s, QByteArray(32, 'k')}));
    const QJsonObject offer{{u"plans"_s, QJsonArray{}}, {u"lock_features"_s, true}, {u"mpesa"_s, u"sandbox"_s}};
    QVERIFY(links.saveOffer(QJsonDocument(offer).toJson(QJsonDocument::Compact)));
    DashboardPage page(locked->database(), locked->settings(), locked->clock());
    page.setFeatureLocks(&locked->features());
    QSignalSpy loaded(&page, &DashboardPage::loaded);
    page.show();
    QVERIFY(loaded.size() > 0 || loaded.wait(test::scaledMs(10000)));
    QVERIFY(!page.shown());
    bool said = false;
    for (const QLabel *label : page.findChildren<QLabel *>())
        said = said || (label->isVisible() && label->text().contains(u"Charts, reports and insights"_s));
    QVERIFY(said);
}

QTEST_MAIN(TestDashboardPage)
#include "TestDashboardPage.moc"
