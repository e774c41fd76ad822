// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "messaging/SegmentCounter.h"
#include "reports/ReportSchedules.h"
#include "security/AuditLog.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "tokens/Plan.h"
#include "tokens/TokenLedger.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <vector>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone Nairobi("Africa/Nairobi");

QDateTime utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

QDateTime nairobi(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Nairobi).toUTC();
}

ReportCadence cadence(ReportCadence::Every every, int day, QTime at)
{
    ReportCadence c;
    c.every = every;
    c.day = day;
    c.at = at;
    return c;
}

} // namespace

class TestReportSchedules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dueTimes_data();
    void dueTimes();
    void periodJustEnded_data();
    void periodJustEnded();
    void fileNames();
    void severalMissedRunsRunOnce();
    void claimedOnceByTwoRunners();
    void claimedOnceUnderConcurrentRunners();
    void pdfAppearsInTheFolderAndIsReplacedWhole();
    void smsGoesThroughThePipelineOnce();
    void refusalsAndPermissions();
    void smsScheduleNeedsAPlanThatSchedules();

private:
    Profile &profile() { return **m_profile; }
    ReportSchedules &schedules() { return profile().reportSchedules(); }
    // Counts its calls and writes a small stand-in PDF.
    void useFakeWriter(ReportSchedules &schedules);
    qint64 weeklyPdf();

    std::unique_ptr<test::TempProfile> m_profile;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folderPath;
    std::shared_ptr<std::atomic<int>> m_writes = std::make_shared<std::atomic<int>>(0);
    qint64 m_leaders = 0;
    QList<qint64> m_leaderIds;
};

void TestReportSchedules::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_folderPath = m_dir->path();
    m_profile = std::make_unique<test::TempProfile>();
    profile().staff().setCost(Passwords::Cost::TestsOnly);
    schedules().setTimeZone(Nairobi);
    *m_writes = 0;
    // Monday 2 November 2026, 10:00 in Nairobi.
    m_profile->clock().set(nairobi(2026, 11, 2, 10, 0));
    m_leaders = profile().groups().create(u"Leaders"_s)->id;
    m_leaderIds.clear();
    for (int i = 0; i < 3; ++i) {
        ContactInput input;
        input.firstName = u"Leader%1"_s.arg(i);
        input.phone = u"07220000%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        const auto added = profile().contacts().add(input);
        QVERIFY2(added, added ? "" : qPrintable(added.error().message));
        m_leaderIds << added->id;
    }
    QVERIFY(profile().groups().addMembers(m_leaders, m_leaderIds));
    QVERIFY(profile().contacts().optOut(u"0722000002"_s, {})); // the third opted out
    useFakeWriter(schedules());
}

void TestReportSchedules::cleanup()
{
    m_profile.reset();
    m_dir.reset();
}

void TestReportSchedules::useFakeWriter(ReportSchedules &s)
{
    s.setDocumentWriter([writes = m_writes](const QString &path, const ReportDocument &document) -> Result<int> {
        ++*writes;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return fail(ErrorCode::Io, file.errorString());
        file.write("%PDF-1.4 fake: " + document.title.toUtf8());
        return 1;
    });
}

qint64 TestReportSchedules::weeklyPdf()
{
    ReportScheduleDraft draft;
    draft.report = u"monthly-summary"_s;
    draft.cadence = cadence(ReportCadence::Every::Weekly, 1, QTime(7, 0));
    draft.folder = m_folderPath;
    const auto created = schedules().create(draft);
    if (!created)
        qWarning("%s", qPrintable(created.error().message));
    return created ? created->id : 0;
}

void TestReportSchedules::dueTimes_data()
{
    QTest::addColumn<int>("every");
    QTest::addColumn<int>("day");
    QTest::addColumn<QTime>("at");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("next");
    QTest::addColumn<QDateTime>("lastAtOrBefore"); // of `after`
    using E = ReportCadence::Every;
    // Nairobi is UTC+3 all year: 07:00 there is 04:00 UTC, every day of the year.
    QTest::addRow("weekly: a minute before")
        << int(E::Weekly) << 1 << QTime(7, 0) << utc(2026, 11, 30, 3, 59) << utc(2026, 11, 30, 4, 0) << utc(2026, 11, 23, 4, 0);
    QTest::addRow("weekly: at the time, the next week")
        << int(E::Weekly) << 1 << QTime(7, 0) << utc(2026, 11, 30, 4, 0) << utc(2026, 12, 7, 4, 0) << utc(2026, 11, 30, 4, 0);
    QTest::addRow("weekly sunday across the year") << int(E::Weekly) << 7 << QTime(18, 30) << nairobi(2026, 12, 28, 9, 0)
                                                   << nairobi(2027, 1, 3, 18, 30) << nairobi(2026, 12, 27, 18, 30);
    QTest::addRow("monthly 31st in February") << int(E::Monthly) << 31 << QTime(7, 0) << nairobi(2026, 1, 31, 8, 0)
                                              << nairobi(2026, 2, 28, 7, 0) << nairobi(2026, 1, 31, 7, 0);
    QTest::addRow("monthly 31st after February") << int(E::Monthly) << 31 << QTime(7, 0) << nairobi(2026, 2, 28, 7, 0)
                                                 << nairobi(2026, 3, 31, 7, 0) << nairobi(2026, 2, 28, 7, 0);
    QTest::addRow("monthly 30th, leap February") << int(E::Monthly) << 30 << QTime(7, 0) << nairobi(2028, 2, 1, 0, 0)
                                                 << nairobi(2028, 2, 29, 7, 0) << nairobi(2028, 1, 30, 7, 0);
    QTest::addRow("monthly 30th, April") << int(E::Monthly) << 30 << QTime(7, 0) << nairobi(2026, 4, 1, 0, 0)
                                         << nairobi(2026, 4, 30, 7, 0) << nairobi(2026, 3, 30, 7, 0);
    // Local midnight on the 1st is 21:00 UTC on the last day of the month before.
    QTest::addRow("monthly 1st at midnight, year end") << int(E::Monthly) << 1 << QTime(0, 0) << utc(2026, 11, 30, 21, 0)
                                                       << utc(2026, 12, 31, 21, 0) << utc(2026, 11, 30, 21, 0);
    QTest::addRow("daily late evening, new year") << int(E::Daily) << 0 << QTime(23, 30) << nairobi(2026, 12, 31, 23, 30)
                                                  << nairobi(2027, 1, 1, 23, 30) << nairobi(2026, 12, 31, 23, 30);
    QTest::addRow("daily, later the same day") << int(E::Daily) << 0 << QTime(7, 0) << nairobi(2026, 3, 1, 6, 0)
                                               << nairobi(2026, 3, 1, 7, 0) << nairobi(2026, 2, 28, 7, 0);
}

void TestReportSchedules::dueTimes()
{
    QFETCH(int, every);
    QFETCH(int, day);
    QFETCH(QTime, at);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, next);
    QFETCH(QDateTime, lastAtOrBefore);
    const ReportCadence c = cadence(ReportCadence::Every(every), day, at);
    QVERIFY(c.isValid());
    QCOMPARE(c.nextAfter(after, Nairobi), next);
    QCOMPARE(c.lastAtOrBefore(after, Nairobi), lastAtOrBefore);
}

void TestReportSchedules::periodJustEnded_data()
{
    QTest::addColumn<int>("every");
    QTest::addColumn<QDate>("runDay");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    using E = ReportCadence::Every;
    QTest::addRow("daily: yesterday") << int(E::Daily) << QDate(2026, 3, 1) << QDate(2026, 2, 28) << QDate(2026, 2, 28);
    QTest::addRow("weekly on Monday: last week")
        << int(E::Weekly) << QDate(2026, 11, 30) << QDate(2026, 11, 23) << QDate(2026, 11, 29);
    QTest::addRow("weekly on Sunday: the week before")
        << int(E::Weekly) << QDate(2026, 12, 6) << QDate(2026, 11, 23) << QDate(2026, 11, 29);
    QTest::addRow("weekly across months") << int(E::Weekly) << QDate(2026, 12, 9) << QDate(2026, 11, 30) << QDate(2026, 12, 6);
    QTest::addRow("monthly: last month") << int(E::Monthly) << QDate(2027, 1, 1) << QDate(2026, 12, 1) << QDate(2026, 12, 31);
    QTest::addRow("monthly: February") << int(E::Monthly) << QDate(2028, 3, 15) << QDate(2028, 2, 1) << QDate(2028, 2, 29);
}

void TestReportSchedules::periodJustEnded()
{
    QFETCH(int, every);
    QFETCH(QDate, runDay);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    const Period period = cadence(ReportCadence::Every(every), 1, QTime(7, 0)).periodBefore(runDay, Nairobi);
    QCOMPARE(period.from(), from);
    QCOMPARE(period.to(), to);
}

void TestReportSchedules::fileNames()
{
    QCOMPARE(ReportSchedules::fileName(u"Weekly summary"_s, QDate(2026, 11, 30)), u"Weekly summary 2026-11-30.pdf"_s);
    QCOMPARE(ReportSchedules::fileName(u"Youth/Choir: failures?"_s, QDate(2026, 11, 30)),
             u"Youth-Choir- failures- 2026-11-30.pdf"_s);
    QCOMPARE(ReportSchedules::fileName(u"..hidden"_s, QDate(2026, 1, 2)), u"hidden 2026-01-02.pdf"_s);
}

void TestReportSchedules::severalMissedRunsRunOnce()
{
    const qint64 id = weeklyPdf();
    QVERIFY(id > 0);
    QCOMPARE(schedules().get(id)->nextDueAt, nairobi(2026, 11, 9, 7, 0));
    // Nothing is due before its time.
    QVERIFY(schedules().runDue(nairobi(2026, 11, 9, 6, 59))->isEmpty());
    // The computer was off for four Mondays; Kengele starts on Wednesday 2 December.
    const QDateTime start = nairobi(2026, 12, 2, 8, 15);
    const auto runs = schedules().runDue(start);
    QVERIFY2(runs, runs ? "" : qPrintable(runs.error().message));
    QCOMPARE(runs->size(), 1);
    QVERIFY2(runs->first().ok, qPrintable(runs->first().problem));
    // For the latest time missed, covering the week before it.
    QCOMPARE(runs->first().dueAt, nairobi(2026, 11, 30, 7, 0));
    QCOMPARE(runs->first().period.from(), QDate(2026, 11, 23));
    QCOMPARE(runs->first().period.to(), QDate(2026, 11, 29));
    QCOMPARE(m_writes->load(), 1);
    const ReportSchedule after = *schedules().get(id);
    QCOMPARE(after.nextDueAt, nairobi(2026, 12, 7, 7, 0));
    QCOMPARE(after.lastRunAt, start);
    QCOMPARE(after.lastOutcome, ReportSchedule::Outcome::Done);
    // Started again the same day: nothing more.
    QVERIFY(schedules().runDue(start.addSecs(600))->isEmpty());
    QCOMPARE(m_writes->load(), 1);
    QCOMPARE(*schedules().nextDue(), nairobi(2026, 12, 7, 7, 0).toMSecsSinceEpoch());
}

void TestReportSchedules::claimedOnceByTwoRunners()
{
    const qint64 id = weeklyPdf();
    QVERIFY(id > 0);
    // A second process on the same data folder (a second window, kengele-cli in cron).
    auto other = Profile::open(m_profile->path(), m_profile->clock());
    QVERIFY(other);
    (*other)->reportSchedules().setTimeZone(Nairobi);
    useFakeWriter((*other)->reportSchedules());
    const QDateTime now = nairobi(2026, 11, 9, 7, 0);
    QCOMPARE(schedules().runDue(now)->size(), 1);
    QCOMPARE((*other)->reportSchedules().runDue(now)->size(), 0);
    QCOMPARE(m_writes->load(), 1);
}

void TestReportSchedules::claimedOnceUnderConcurrentRunners()
{
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids << weeklyPdf();
    QVERIFY(!ids.contains(0));
    std::vector<std::unique_ptr<Profile>> others;
    for (int i = 0; i < 2; ++i) {
        auto opened = Profile::open(m_profile->path(), m_profile->clock());
        QVERIFY(opened);
        (*opened)->reportSchedules().setTimeZone(Nairobi);
        useFakeWriter((*opened)->reportSchedules());
        others.push_back(std::move(*opened));
    }
    const QDateTime now = nairobi(2026, 11, 23, 7, 0);
    QSemaphore ready, go;
    std::atomic<int> runs = 0, failures = 0;
    QList<QThread *> threads;
    for (auto &other : others) {
        ReportSchedules *s = &other->reportSchedules();
        threads << QThread::create([&, s] {
            ready.release();
            go.acquire();
            const auto done = s->runDue(now);
            if (done)
                runs += int(done->size());
            else
                ++failures;
        });
        threads.last()->start();
    }
    ready.acquire(2);
    go.release(2);
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    QCOMPARE(runs.load(), 5);
    QCOMPARE(m_writes->load(), 5);
    for (const qint64 id : std::as_const(ids))
        QCOMPARE(schedules().get(id)->nextDueAt, nairobi(2026, 11, 30, 7, 0));
}

void TestReportSchedules::pdfAppearsInTheFolderAndIsReplacedWhole()
{
    const qint64 id = weeklyPdf();
    QVERIFY(id > 0);
    const auto runs = schedules().runDue(nairobi(2026, 11, 30, 7, 0));
    QCOMPARE(runs->size(), 1);
    const QString expected = QDir(m_folderPath).filePath(u"Weekly summary 2026-11-30.pdf"_s);
    QCOMPARE(runs->first().file, expected);
    QCOMPARE(QDir(m_folderPath).entryList(QDir::Files | QDir::Hidden), QStringList{u"Weekly summary 2026-11-30.pdf"_s});
    QFile file(expected);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF"));
    file.close();
    QCOMPARE(schedules().get(id)->lastDetail, expected);

    // A run whose writing fails leaves what was there and no half-written file, and says why.
    QFile::remove(expected);
    QVERIFY(QFile(expected).open(QIODevice::WriteOnly));
    schedules().setDocumentWriter([](const QString &path, const ReportDocument &) -> Result<int> {
        QFile partial(path);
        if (partial.open(QIODevice::WriteOnly))
            partial.write("%PDF half");
        return fail(ErrorCode::Io, u"The disk is full."_s);
    });
    m_profile->clock().set(nairobi(2026, 11, 30, 9, 0));
    // Run again for the same day (its time moved back by hand, as if the schedule were edited).
    QSqlQuery q(profile().database().connection());
    QVERIFY(q.exec(u"UPDATE report_schedules SET next_due_at = %1"_s.arg(nairobi(2026, 11, 30, 7, 0).toMSecsSinceEpoch())));
    const auto failed = schedules().runDue(nairobi(2026, 11, 30, 9, 0));
    QCOMPARE(failed->size(), 1);
    QVERIFY(!failed->first().ok);
    QCOMPARE(failed->first().problem, u"The disk is full."_s);
    QCOMPARE(QDir(m_folderPath).entryList(QDir::Files | QDir::Hidden), QStringList{u"Weekly summary 2026-11-30.pdf"_s});
    QCOMPARE(QFileInfo(expected).size(), 0);
    QCOMPARE(schedules().get(id)->lastOutcome, ReportSchedule::Outcome::Failed);
    // And a folder that went away is a failed run, not a failed round.
    QVERIFY(m_dir->remove());
    useFakeWriter(schedules());
    QVERIFY(q.exec(u"UPDATE report_schedules SET next_due_at = 0"_s));
    const auto gone = schedules().runDue(nairobi(2026, 11, 30, 9, 0));
    QVERIFY(gone);
    QCOMPARE(gone->size(), 1);
    QVERIFY(!gone->first().ok);
}

void TestReportSchedules::smsGoesThroughThePipelineOnce()
{
    profile().settings().setGatewayProvider(GatewayKind::AfricasTalking);
    QVERIFY(profile().tokens().grant(u"Main"_s, 100, u"test"_s, {}));
    ReportScheduleDraft draft;
    draft.report = u"monthly-summary"_s;
    draft.cadence = cadence(ReportCadence::Every::Weekly, 1, QTime(7, 0));
    draft.smsGroupId = m_leaders;
    const auto created = schedules().create(draft, u"mary"_s);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    // The cost of each run, as the compose dialog works it out: two leaders, one part each.
    QVERIFY(created->costPerRun);
    QCOMPARE(created->costPerRun->recipients, 2);
    QCOMPARE(created->costPerRun->optedOut, 1);
    QCOMPARE(created->costPerRun->segments, 2);
    QCOMPARE(created->costPerRun->tokens, 2);
    QCOMPARE(created->costPerRun->balance, 100);
    QCOMPARE(created->smsGroup, u"Leaders"_s);

    // Missed twice; runs once.
    const auto runs = schedules().runDue(nairobi(2026, 11, 18, 12, 0));
    QVERIFY2(runs, runs ? "" : qPrintable(runs.error().message));
    QCOMPARE(runs->size(), 1);
    QVERIFY2(runs->first().ok, qPrintable(runs->first().problem));
    const qint64 campaignId = runs->first().campaignId;
    QVERIFY(campaignId > 0);
    QCOMPARE(m_writes->load(), 0); // no folder: no PDF
    const auto campaign = profile().campaigns().get(campaignId);
    QCOMPARE(campaign->recipients, 2);
    QCOMPARE(campaign->tokens, 2);
    QCOMPARE(campaign->name, u"Weekly summary 2026-11-16"_s);
    const auto rows = profile().campaigns().recipients(campaignId, {}, 0, 10);
    QStringList phones;
    for (const OutboxRow &row : *rows)
        phones << row.phone;
    phones.sort();
    QCOMPARE(phones, (QStringList{u"+254722000000"_s, u"+254722000001"_s})); // not the one who opted out
    // One short GSM-7 part, with the week in plain ASCII.
    const auto received = profile().campaigns().receivedMessage(campaignId);
    QVERIFY(received->text.startsWith(u"Kengele week 9-15 Nov: sent 0, delivered 0, "_s));
    const SegmentInfo info = SegmentCounter::count(received->text);
    QCOMPARE(info.encoding, SegmentInfo::Encoding::Gsm7);
    QCOMPARE(info.segments, 1);
    // Tokens reserved once.
    const qint64 main = *profile().tokens().accountId(u"Main"_s);
    QCOMPARE(*profile().tokens().balance(main), 98);
    QVERIFY(schedules().runDue(nairobi(2026, 11, 18, 12, 5))->isEmpty());
    QCOMPARE(*profile().tokens().balance(main), 98);
    QCOMPARE(profile().campaigns().list()->size(), 1);
    QCOMPARE(schedules().get(created->id)->lastCampaignId, campaignId);

    // Audited: the schedule by the person, the run and the launch by Kengele.
    QStringList actions;
    const auto entries = profile().audit().list();
    for (const AuditEntry &entry : *entries) {
        if (entry.action == u"reports.run" || entry.action == u"campaigns.launch")
            QCOMPARE(entry.user, QString::fromLatin1(AuditLog::AutomaticUser));
        actions << entry.action;
    }
    QVERIFY(actions.contains(u"reports.schedule"_s));
    QVERIFY(actions.contains(u"reports.run"_s));
    QVERIFY(actions.contains(u"campaigns.launch"_s));

    // Not enough tokens: a failed run that says so; nothing is queued, the schedule moves on.
    QVERIFY(profile().tokens().createBudgetAccount(u"Empty"_s));
    QSqlQuery q(profile().database().connection());
    QVERIFY(q.exec(u"UPDATE report_schedules SET account = 'Empty'"_s));
    const auto poor = schedules().runDue(nairobi(2026, 11, 23, 7, 0));
    QCOMPARE(poor->size(), 1);
    QVERIFY(!poor->first().ok);
    QVERIFY(!poor->first().problem.isEmpty());
    QCOMPARE(profile().campaigns().list()->size(), 1);
    QCOMPARE(schedules().get(created->id)->nextDueAt, nairobi(2026, 11, 30, 7, 0));
}

void TestReportSchedules::refusalsAndPermissions()
{
    ReportScheduleDraft draft;
    draft.report = u"monthly-summary"_s;
    draft.cadence = cadence(ReportCadence::Every::Weekly, 1, QTime(7, 0));
    QCOMPARE(schedules().create(draft).error().code, ErrorCode::InvalidInput); // goes nowhere
    draft.folder = QDir(m_folderPath).filePath(u"missing"_s);
    QCOMPARE(schedules().create(draft).error().code, ErrorCode::InvalidInput);
    draft.folder = m_folderPath;
    draft.report = u"no such report"_s;
    QCOMPARE(schedules().create(draft).error().code, ErrorCode::NotFound);
    draft.report = u"campaign"_s;
    QCOMPARE(schedules().create(draft).error().code, ErrorCode::InvalidInput);
    draft.report = u"opt-outs"_s;
    draft.cadence.day = 8;
    QCOMPARE(schedules().create(draft).error().code, ErrorCode::InvalidInput);
    draft.cadence.day = 1;
    draft.period = u"next-year"_s;
    QCOMPARE(schedules().create(draft).error().code, ErrorCode::InvalidInput);
    draft.period.clear();

    QVERIFY(profile().staff().requireSignIn(u"admin"_s, u"Admin"_s, u"correct horse battery"_s));
    QVERIFY(profile().staff().add(u"viewer"_s, u"Viewer"_s, Role::Viewer, u"correct horse battery"_s));
    QVERIFY(profile().staff().add(u"staff"_s, u"Staff"_s, Role::Staff, u"correct horse battery"_s));
    profile().staff().lock();
    QVERIFY(profile().staff().signIn(u"viewer"_s, u"correct horse battery"_s));
    QCOMPARE(schedules().create(draft).error().code, ErrorCode::Forbidden);
    draft.folder.clear();
    draft.smsGroupId = m_leaders;
    QCOMPARE(schedules().create(draft).error().code, ErrorCode::Forbidden);
    profile().staff().lock();
    QVERIFY(profile().staff().signIn(u"staff"_s, u"correct horse battery"_s));
    const auto created = schedules().create(draft);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    QCOMPARE(created->report, u"opt-outs"_s);
    QCOMPARE(schedules().list()->size(), 1);
    profile().staff().lock();
    QVERIFY(profile().staff().signIn(u"viewer"_s, u"correct horse battery"_s));
    QCOMPARE(schedules().remove(created->id).error().code, ErrorCode::Forbidden);
    // Kengele's own run needs nobody signed in who may send.
    const auto runs = schedules().runDue(nairobi(2026, 11, 9, 7, 0));
    QCOMPARE(runs->size(), 1);
    QVERIFY2(runs->first().ok, qPrintable(runs->first().problem));
    profile().staff().lock();
    QVERIFY(profile().staff().signIn(u"staff"_s, u"correct horse battery"_s));
    QVERIFY(schedules().remove(created->id));
    QCOMPARE(schedules().list()->size(), 0);
    QCOMPARE(schedules().remove(created->id).error().code, ErrorCode::NotFound);
    bool unscheduled = false;
    const auto entries = profile().audit().list();
    for (const AuditEntry &entry : *entries)
        unscheduled = unscheduled || (entry.action == u"reports.unschedule" && entry.user == u"staff");
    QVERIFY(unscheduled);
}

void TestReportSchedules::smsScheduleNeedsAPlanThatSchedules()
{
    profile().settings().setGatewayProvider(GatewayKind::AfricasTalking);
    profile().campaigns().setFeatureGate([](PlanFeature feature) -> Status {
        if (feature == PlanFeature::Scheduling)
            return fail(ErrorCode::Forbidden, u"Scheduling needs the business plan."_s);
        return {};
    });
    ReportScheduleDraft draft;
    draft.report = u"monthly-summary"_s;
    draft.cadence = cadence(ReportCadence::Every::Weekly, 1, QTime(7, 0));
    draft.smsGroupId = m_leaders;
    const auto refused = schedules().create(draft);
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, u"Scheduling needs the business plan."_s);
    // A PDF is not a campaign: not locked.
    draft.smsGroupId = 0;
    draft.folder = m_folderPath;
    QVERIFY(schedules().create(draft));
}

QTEST_GUILESS_MAIN(TestReportSchedules)
#include "TestReportSchedules.moc"
