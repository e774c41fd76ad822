// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DesktopApp.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"

#include "MainWindow.h"
#include "common/Clock.h"
#include "common/Language.h"
#include "profile/Profile.h"
#include "reports/ReportSchedules.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// The desktop runs the scheduled reports missed while it was closed as soon as it starts (once), and
// draws their PDF with the real writer.
class TestDesktopReportSchedules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missedReportRunsOnceAtStart();
};

void TestDesktopReportSchedules::missedReportRunsOnceAtStart()
{
    Language::install(u"en"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profileDir = dir.filePath(u"profile"_s);
    const QString folder = dir.filePath(u"reports"_s);
    QVERIFY(QDir().mkpath(folder));
    qint64 id = 0;
    {
        auto profile = Profile::open(profileDir, Clock::system());
        QVERIFY(profile);
        ReportScheduleDraft draft;
        draft.report = u"monthly-summary"_s;
        draft.cadence.every = ReportCadence::Every::Weekly;
        draft.cadence.day = 1;
        draft.folder = folder;
        const auto created = (*profile)->reportSchedules().create(draft);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        id = created->id;
        // Three weeks ago: the computer was off since.
        QSqlQuery q((*profile)->database().connection());
        QVERIFY(
            q.exec(u"UPDATE report_schedules SET next_due_at = %1"_s.arg(QDateTime::currentMSecsSinceEpoch() - 21LL * 86400000)));
    }
    DesktopApp app([](const QString &) { return std::make_unique<test::FakeSecretStore>(); });
    QVERIFY(app.start(profileDir));
    QVERIFY(app.window());
    QTRY_VERIFY_WITH_TIMEOUT(app.profile()->reportSchedules().get(id)->lastOutcome == ReportSchedule::Outcome::Done, 30'000);
    const QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(files.size(), 1);
    QVERIFY(files.first().startsWith(u"Weekly summary "_s));
    QFile pdf(QDir(folder).filePath(files.first()));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(app.profile()->reportSchedules().get(id)->nextDueAt > QDateTime::currentDateTimeUtc());
    // Once: nothing more is due.
    QVERIFY(app.profile()->reportSchedules().runDue(QDateTime::currentDateTimeUtc())->isEmpty());
}

QTEST_MAIN(TestDesktopReportSchedules)
#include "TestDesktopReportSchedules.moc"
