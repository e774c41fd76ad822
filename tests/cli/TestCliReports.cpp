// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCall.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "common/Language.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "gateway/DeliveryReport.h"
#include "profile/Profile.h"
#include "reports/SavedReports.h"
#include "storage/Database.h"
#include "tokens/TokenLedger.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// kengele-cli dashboard and report, and the agreement issue 15 asks for: a campaign's failed messages
// are the same number in the dashboard, in `campaign status` and on the campaign page
// (CampaignService::get, which the page shows), before and after a late delivery report.
class TestCliReports final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void failedAgreesEverywhereAfterALateReport();
    void dashboardText();
    void reportListAndRun();
    void scheduleListAndRunDue();
    void saveAndDeleteAReport();

private:
    test::CliOutcome cli(const QString &line);
    void lateReport(const QString &status);
    // {dashboard, campaign status, campaign page, campaign report}'s failed count for the campaign.
    QList<qint64> failedEverywhere();

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FixedClock m_clock;
    test::FakeSecretStore m_secrets;
    qint64 m_campaign = 0;
};

void TestCliReports::init()
{
    Language::install(u"en"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(7, 0), Qt::UTC));
    auto profile = Profile::open(m_dir->filePath(u"profile"_s), m_clock);
    QVERIFY(profile);
    Profile &p = **profile;
    QVERIFY(test::fillContacts(p, 8));
    const auto group = p.groups().create(u"Choir"_s);
    const auto contacts = p.contacts().fetch({}, 0, 100);
    QList<qint64> ids;
    for (const Contact &c : *contacts)
        ids << c.id;
    QVERIFY(p.groups().addMembers(group->id, ids));
    QVERIFY(p.tokens().grant(u"Main"_s, 100, u"test"_s, {}));
    CampaignDraft draft;
    draft.name = u"Choir practice"_s;
    draft.body = u"Practice moved to 5pm"_s;
    draft.groupIds = {group->id};
    const auto launched = p.campaigns().launch(draft);
    QVERIFY(launched);
    m_campaign = launched->id;
    OutboxStore store(p.database(), p.tokens(), m_clock);
    const auto batches = store.claim(100, 100, false);
    QList<Outcome> outcomes;
    for (const WorkBatch &batch : *batches) {
        for (const WorkItem &item : batch.items)
            outcomes << Outcome{
                item.outboxId,   m_campaign, item.segments, batch.charged, Outcome::Kind::Sent, u"m%1"_s.arg(item.outboxId), {},
                u"KES 0.8000"_s, 0};
    }
    QVERIFY(store.apply(outcomes));
    QList<DeliveryReport> reports;
    for (int i = 0; i < 6; ++i) // 5 delivered, 1 failed, 2 still waiting
        reports << DeliveryReport{
            outcomes[i].messageId, i < 5 ? u"Success"_s : u"Failed"_s, {}, u"63902"_s, i < 5 ? QString() : u"AbsentSubscriber"_s,
            m_clock.nowUtc()};
    QVERIFY(store.applyDeliveryReports(reports));
}

test::CliOutcome TestCliReports::cli(const QString &line)
{
    return test::runCli(m_dir->filePath(u"profile"_s), test::cliLine(line), m_clock, m_secrets);
}

void TestCliReports::lateReport(const QString &status)
{
    auto profile = Profile::open(m_dir->filePath(u"profile"_s), m_clock);
    QVERIFY(profile);
    QSqlQuery q((*profile)->database().connection());
    QVERIFY(q.exec(u"SELECT message_id FROM outbox WHERE state = 'sent' ORDER BY id LIMIT 1"_s) && q.next());
    const QString messageId = q.value(0).toString();
    q.finish();
    OutboxStore store((*profile)->database(), (*profile)->tokens(), m_clock);
    QCOMPARE(
        *store.applyDeliveryReports({DeliveryReport{messageId, status, {}, u"63903"_s, u"DeliveryFailure"_s, m_clock.nowUtc()}}),
        1);
}

QList<qint64> TestCliReports::failedEverywhere()
{
    const auto dashboard = cli(u"--json|dashboard|--period|2026-03-01..2026-03-31"_s);
    const auto status = cli(u"--json|campaign|status|%1"_s.arg(m_campaign));
    const auto report = cli(u"report|run|campaign|--campaign|%1|--format|json"_s.arg(m_campaign));
    if (dashboard.code != 0 || status.code != 0 || report.code != 0) {
        qWarning() << dashboard.err << status.err << report.err;
        return {};
    }
    auto profile = Profile::open(m_dir->filePath(u"profile"_s), m_clock);
    const qint64 page = (*profile)->campaigns().get(m_campaign)->states.value(MessageState::Failed);
    // The campaign report's totals: sent, delivered, failed, … (rows in the registry's order).
    const QJsonArray totals = report.json()
                                  .object()
                                  .value(u"sections"_s)
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(u"table"_s)
                                  .toObject()
                                  .value(u"rows"_s)
                                  .toArray();
    return {dashboard.json().object().value(u"failed"_s).toInteger(),
            status.json().object().value(u"states"_s).toObject().value(u"failed"_s).toInteger(), page,
            totals.at(2).toArray().at(1).toInteger()};
}

void TestCliReports::failedAgreesEverywhereAfterALateReport()
{
    QCOMPARE(failedEverywhere(), (QList<qint64>{1, 1, 1, 1}));
    m_clock.advanceMs(2 * 3600000);
    lateReport(u"Failed"_s);
    QCOMPARE(failedEverywhere(), (QList<qint64>{2, 2, 2, 2}));
    lateReport(u"Success"_s);
    QCOMPARE(failedEverywhere(), (QList<qint64>{2, 2, 2, 2}));
    const QJsonObject dashboard = cli(u"--json|dashboard|--period|2026-03-01..2026-03-31"_s).json().object();
    QCOMPARE(dashboard.value(u"sent"_s).toInteger(), 8);
    QCOMPARE(dashboard.value(u"delivered"_s).toInteger(), 6);
    QCOMPARE(dashboard.value(u"delivery_rate"_s).toDouble(), 75.0);
    QCOMPARE(dashboard.value(u"by_network"_s).toArray().size(), 2);
    QCOMPARE(dashboard.value(u"tokens_by_account"_s).toArray(),
             (QJsonArray{QJsonObject{{u"account"_s, u"Main"_s}, {u"tokens"_s, 8}}}));
    QCOMPARE(dashboard.value(u"previous"_s).toObject().value(u"period"_s).toObject().value(u"from"_s).toString(),
             u"2026-02-01"_s);
}

void TestCliReports::dashboardText()
{
    const auto text = cli(u"dashboard"_s); // this month: March 2026
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains(u"Failed"_s), qPrintable(text.out));
    QVERIFY(text.out.contains(u"Safaricom"_s));
    QVERIFY(text.out.contains(u"Delivery rate"_s));
    const auto bad = cli(u"dashboard|--period|last-week"_s);
    QVERIFY(bad.code != 0);
    QVERIFY(bad.err.contains(u"last-week"_s));
}

void TestCliReports::reportListAndRun()
{
    {
        auto profile = Profile::open(m_dir->filePath(u"profile"_s), m_clock);
        SavedReports saved((*profile)->database(), m_clock);
        QVERIFY(saved.save(u"Failures by network"_s,
                           {u"failed"_s, {u"network"_s}, Period(QDate(2026, 3, 1), QDate(2026, 3, 31)), {}}));
    }
    const auto list = cli(u"--json|report|list"_s);
    QCOMPARE(list.code, 0);
    const QJsonArray reports = list.json().array();
    QCOMPARE(reports.size(), 6);
    QCOMPARE(reports.first().toObject().value(u"name"_s).toString(), u"monthly-summary"_s);
    QCOMPARE(reports.first().toObject().value(u"kind"_s).toString(), u"built-in"_s);
    QCOMPARE(reports.last().toObject().value(u"name"_s).toString(), u"Failures by network"_s);
    QCOMPARE(reports.last().toObject().value(u"kind"_s).toString(), u"saved"_s);

    const auto summary = cli(u"report|run|monthly-summary|--period|this-month|--format|json"_s);
    QCOMPARE(summary.code, 0);
    QCOMPARE(summary.json().object().value(u"title"_s).toString(), u"Monthly messaging summary"_s);
    const auto saved = cli(u"report|run|Failures by network|--format|json"_s);
    QCOMPARE(saved.code, 0);
    const QJsonObject section = saved.json().object().value(u"sections"_s).toArray().first().toObject();
    QCOMPARE(section.value(u"chart"_s).toObject().value(u"dimension"_s).toString(), u"network"_s);
    QCOMPARE(section.value(u"table"_s).toObject().value(u"totals"_s).toArray().last().toInteger(), 1);

    // Written to files: CSV (with its byte order mark), .xlsx (a zip), PDF (its pages counted).
    const QString csvPath = m_dir->filePath(u"summary.csv"_s);
    QCOMPARE(cli(u"report|run|monthly-summary|--format|csv|--out|"_s + csvPath).code, 0);
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readAll().startsWith("\xEF\xBB\xBF"));
    const QString xlsxPath = m_dir->filePath(u"summary.xlsx"_s);
    const auto xlsx = cli(u"--json|report|run|Failures by network|--format|xlsx|--out|"_s + xlsxPath);
    QVERIFY2(xlsx.code == 0, qPrintable(xlsx.err));
    QCOMPARE(xlsx.json().object().value(u"rows"_s).toInteger(), 1);
    QFile workbook(xlsxPath);
    QVERIFY(workbook.open(QIODevice::ReadOnly));
    QVERIFY(workbook.read(2) == "PK");
    const QString pdfPath = m_dir->filePath(u"summary.pdf"_s);
    const auto pdf = cli(u"--json|report|run|monthly-summary|--format|pdf|--paper|letter|--out|"_s + pdfPath);
    QVERIFY2(pdf.code == 0, qPrintable(pdf.err));
    QVERIFY(pdf.json().object().value(u"pages"_s).toInteger() >= 1);
    QFile printed(pdfPath);
    QVERIFY(printed.open(QIODevice::ReadOnly));
    QVERIFY(printed.read(5) == "%PDF-");
    // What is refused, with the reason.
    const auto noFile = cli(u"report|run|monthly-summary|--format|pdf"_s);
    QCOMPARE(noFile.code, 2);
    QVERIFY2(noFile.err.contains(u"--out"_s), qPrintable(noFile.err));
    QCOMPARE(cli(u"report|run|monthly-summary|--format|docx|--out|x.docx"_s).code, 2);
    QCOMPARE(cli(u"report|run|monthly-summary|--format|csv|--paper|a4|--out|"_s + csvPath).code, 2);
    QVERIFY(cli(u"report|run|campaign|--format|json"_s).code != 0); // which campaign?
    QVERIFY(cli(u"report|run|nothing|--format|json"_s).code != 0);
}

void TestCliReports::scheduleListAndRunDue()
{
    const QString folder = m_dir->filePath(u"reports"_s);
    QVERIFY(QDir().mkpath(folder));
    // Monday 2 March 2026, 10:00 in Nairobi: the weekly PDF first goes next Monday at 07:00.
    const auto weekly = cli(u"--json|report|schedule|monthly-summary|--every|weekly|--on|mon|--at|07:00|--to-folder|"_s + folder);
    QVERIFY2(weekly.code == 0, qPrintable(weekly.err));
    const QJsonObject w = weekly.json().object();
    QCOMPARE(w.value(u"every"_s).toString(), u"weekly"_s);
    QCOMPARE(w.value(u"on"_s).toString(), u"mon"_s);
    QCOMPARE(w.value(u"at"_s).toString(), u"07:00"_s);
    QCOMPARE(w.value(u"next_due"_s).toString(), u"2026-03-09T04:00:00.000Z"_s);
    QCOMPARE(QDir(w.value(u"to_folder"_s).toString()), QDir(folder));
    QVERIFY(w.value(u"sms_to"_s).isNull());
    QVERIFY(!w.contains(u"cost"_s));
    // The SMS summary to the choir: its cost per run, as `campaign send` counts it (simulator: no tokens).
    const auto daily = cli(u"--json|report|schedule|monthly-summary|--every|daily|--at|18:00|--sms-to|Choir"_s);
    QVERIFY2(daily.code == 0, qPrintable(daily.err));
    const QJsonObject cost = daily.json().object().value(u"cost"_s).toObject();
    QCOMPARE(cost.value(u"recipients"_s).toInt(), 8);
    QCOMPARE(cost.value(u"segments"_s).toInt(), 8);
    QCOMPARE(cost.value(u"tokens"_s).toInt(), 0);
    QVERIFY(daily.err.contains(u"8 recipient"_s));
    QCOMPARE(daily.json().object().value(u"sms_to"_s).toString(), u"Choir"_s);
    // Refused, with the reason.
    QCOMPARE(cli(u"report|schedule|monthly-summary|--every|yearly|--to-folder|"_s + folder).code, 2);
    QCOMPARE(cli(u"report|schedule|monthly-summary|--every|weekly"_s).code, 2);
    QCOMPARE(cli(u"report|schedule|monthly-summary|--every|weekly|--on|someday|--to-folder|"_s + folder).code, 2);
    QCOMPARE(cli(u"report|schedule|monthly-summary|--every|daily|--at|7pm|--to-folder|"_s + folder).code, 2);
    QCOMPARE(cli(u"report|schedule|monthly-summary|--every|weekly|--sms-to|Nobody"_s).code, 1);
    QCOMPARE(cli(u"report|schedule|no such report|--every|weekly|--to-folder|"_s + folder).code, 1);

    const auto list = cli(u"--json|report|schedules"_s);
    QCOMPARE(list.code, 0);
    QCOMPARE(list.json().array().size(), 2);
    QVERIFY(cli(u"--json|report|run-due"_s).json().object().value(u"runs"_s).toArray().isEmpty());

    // A week later, 07:30: the weekly PDF is due, and the daily SMS missed six evenings: it goes once.
    m_clock.set(QDateTime(QDate(2026, 3, 9), QTime(4, 30), Qt::UTC));
    const auto due = cli(u"--json|report|run-due|--no-wait"_s);
    QVERIFY2(due.code == 0, qPrintable(due.err));
    const QJsonArray runs = due.json().object().value(u"runs"_s).toArray();
    QCOMPARE(runs.size(), 2);
    const QJsonObject pdfRun = runs.at(0).toObject().value(u"file"_s).isNull() ? runs.at(1).toObject() : runs.at(0).toObject();
    const QJsonObject smsRun = runs.at(0).toObject().value(u"file"_s).isNull() ? runs.at(0).toObject() : runs.at(1).toObject();
    QCOMPARE(QFileInfo(pdfRun.value(u"file"_s).toString()).fileName(), u"Weekly summary 2026-03-09.pdf"_s);
    QCOMPARE(pdfRun.value(u"period"_s).toObject().value(u"from"_s).toString(), u"2026-03-02"_s);
    QCOMPARE(pdfRun.value(u"period"_s).toObject().value(u"to"_s).toString(), u"2026-03-08"_s);
    QFile pdf(pdfRun.value(u"file"_s).toString());
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 1);
    QCOMPARE(smsRun.value(u"due"_s).toString(), u"2026-03-08T15:00:00.000Z"_s); // Sunday 18:00, the latest missed
    QCOMPARE(smsRun.value(u"period"_s).toObject().value(u"from"_s).toString(), u"2026-03-07"_s);
    const qint64 campaign = smsRun.value(u"campaign"_s).toInteger();
    QVERIFY(campaign > 0);
    const auto status = cli(u"--json|campaign|status|%1"_s.arg(campaign));
    QCOMPARE(status.json().object().value(u"recipients"_s).toInt(), 8);
    // Nothing more is due; the next times are past now.
    QVERIFY(cli(u"--json|report|run-due"_s).json().object().value(u"runs"_s).toArray().isEmpty());
    const QJsonArray after = cli(u"--json|report|schedules"_s).json().array();
    QCOMPARE(after.at(0).toObject().value(u"next_due"_s).toString(), u"2026-03-16T04:00:00.000Z"_s);
    QCOMPARE(after.at(0).toObject().value(u"last_outcome"_s).toString(), u"done"_s);
    QCOMPARE(after.at(1).toObject().value(u"next_due"_s).toString(), u"2026-03-09T15:00:00.000Z"_s);
    QCOMPARE(after.at(1).toObject().value(u"last_campaign"_s).toInteger(), campaign);

    QCOMPARE(cli(u"--json|report|unschedule|%1"_s.arg(w.value(u"id"_s).toInteger())).code, 0);
    QCOMPARE(cli(u"--json|report|schedules"_s).json().array().size(), 1);
    QCOMPARE(cli(u"report|unschedule|99"_s).code, 1);
    QCOMPARE(cli(u"report|unschedule|x"_s).code, 2);
}

// QTEST_MAIN: a QApplication, as kengele-cli has, for the PDF's fonts and charts.
void TestCliReports::saveAndDeleteAReport()
{
    // The builder headless: failures by network and week in March, on Safaricom only.
    const auto saved = cli(u"--json|report|save|Safaricom failures|--measure|failed|--group-by|week,network|--period|"
                           "2026-03-01..2026-03-31|--filter|network=Safaricom"_s);
    QVERIFY2(saved.code == 0, qPrintable(saved.err));
    const QJsonObject query = saved.json().object().value(u"query"_s).toObject();
    QCOMPARE(query.value(u"measure"_s).toString(), u"failed"_s);
    QCOMPARE(query.value(u"group_by"_s).toArray(), (QJsonArray{u"week"_s, u"network"_s}));
    QCOMPARE(query.value(u"filters"_s).toObject().value(u"network"_s).toString(), u"Safaricom"_s);
    bool listed = false;
    for (const QJsonValue &report : cli(u"--json|report|list"_s).json().array())
        listed = listed || report.toObject().value(u"name"_s).toString() == u"Safaricom failures"_s;
    QVERIFY(listed);
    const auto run = cli(u"report|run|Safaricom failures|--format|json"_s);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.json().object().value(u"title"_s).toString(), u"Safaricom failures"_s);

    // What the measure does not allow, or no measure at all: exit 2, nothing saved.
    QCOMPARE(cli(u"report|save|Bad|--measure|tokens|--group-by|network"_s).code, 2);
    QCOMPARE(cli(u"report|save|Bad|--measure|nothing"_s).code, 2);
    QCOMPARE(cli(u"report|save|Bad|--group-by|week"_s).code, 2);
    QCOMPARE(cli(u"report|save|Bad|--measure|failed|--filter|network"_s).code, 2);
    QVERIFY(cli(u"report|run|Bad|--format|json"_s).code != 0);

    const auto deleted = cli(u"--json|report|delete|Safaricom failures"_s);
    QCOMPARE(deleted.code, 0);
    QCOMPARE(deleted.json().object().value(u"deleted"_s).toString(), u"Safaricom failures"_s);
    QVERIFY(cli(u"report|run|Safaricom failures|--format|json"_s).code != 0);
    QVERIFY(cli(u"report|delete|Safaricom failures"_s).code != 0);
}

QTEST_MAIN(TestCliReports)
#include "TestCliReports.moc"
