// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/GroupService.h"
#include "demo/DemoCongregation.h"
#include "profile/Profile.h"
#include "reports/ReportPdfWriter.h"
#include "reports/ReportSchedules.h"
#include "settings/Settings.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace kengele;
using namespace Qt::StringLiterals;

// What the desktop does on the GUI thread for scheduled reports: the check each minute, and a due
// weekly summary (worked out over the demo congregation's year of messages, drawn as a PDF with
// its charts, and its SMS summary launched to a group). Medians of 5 runs.
class BenchReportSchedules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkWhenNothingIsDue();
    void dueWeeklySummaryPdfAndSms();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_folder;
    test::FixedClock m_clock{QDateTime(QDate(2026, 11, 2), QTime(7, 0), Qt::UTC)};
    std::unique_ptr<Profile> m_profile;
    qint64 m_group = 0;
};

void BenchReportSchedules::initTestCase()
{
    auto opened = Profile::open(m_dir.path(), m_clock);
    QVERIFY(opened);
    m_profile = std::move(*opened);
    QVERIFY(DemoCongregation::populate(*m_profile));
    // The demo's year of messages ends on 2 November: the weeks run here are inside it.
    m_clock.set(QDateTime(QDate(2026, 10, 1), QTime(7, 0), Qt::UTC));
    const auto groups = m_profile->groups().list();
    QVERIFY(groups && !groups->isEmpty());
    m_group = groups->first().id;
    const ReportPageSetup setup = ReportPageSetup::fromSettings(m_profile->settings());
    m_profile->reportSchedules().setDocumentWriter(
        [setup](const QString &path, const ReportDocument &document) { return ReportPdfWriter::write(path, document, setup); });
    qInfo() << "group for the SMS:" << groups->first().memberCount << "members";
}

void BenchReportSchedules::checkWhenNothingIsDue()
{
    ReportScheduleDraft draft;
    draft.report = u"monthly-summary"_s;
    draft.cadence.every = ReportCadence::Every::Weekly;
    draft.cadence.day = 1;
    draft.folder = m_folder.path();
    for (int i = 0; i < 20; ++i)
        QVERIFY(m_profile->reportSchedules().create(draft));
    QList<qint64> times;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 1000; ++i)
            QVERIFY(*m_profile->reportSchedules().nextDue() > m_clock.nowMs());
        times << timer.nsecsElapsed() / 1000;
    }
    std::sort(times.begin(), times.end());
    qInfo() << "1,000 checks with 20 schedules, µs, sorted:" << times;
    QSqlQuery q(m_profile->database().connection());
    QVERIFY(q.exec(u"DELETE FROM report_schedules"_s));
}

void BenchReportSchedules::dueWeeklySummaryPdfAndSms()
{
    ReportScheduleDraft draft;
    draft.report = u"monthly-summary"_s;
    draft.cadence.every = ReportCadence::Every::Weekly;
    draft.cadence.day = 1;
    draft.folder = m_folder.path();
    draft.smsGroupId = m_group;
    const auto created = m_profile->reportSchedules().create(draft);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    QList<qint64> times;
    QDateTime now = created->nextDueAt;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        const auto runs = m_profile->reportSchedules().runDue(now);
        times << timer.elapsed();
        QVERIFY(runs && runs->size() == 1);
        QVERIFY2(runs->first().ok, qPrintable(runs->first().problem));
        if (run == 0)
            qInfo() << "PDF bytes:" << QFileInfo(runs->first().file).size();
        now = now.addDays(7);
    }
    std::sort(times.begin(), times.end());
    qInfo() << "a due weekly summary (report, PDF, SMS launch), ms, sorted:" << times;
    QTest::setBenchmarkResult(qreal(times.at(times.size() / 2)), QTest::WalltimeMilliseconds);
}

QTEST_MAIN(BenchReportSchedules)
#include "BenchReportSchedules.moc"
