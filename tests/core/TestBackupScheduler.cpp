// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "backup/BackupRetention.h"
#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "common/Language.h"
#include "settings/Settings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Automatic backups (architecture.md §7, "Backups"): one a day, or at the next start when a day
// was missed; 7 daily, 4 weekly and 12 monthly kept; the status bar's words. A fixed clock; the
// test runs in Africa/Nairobi time (UTC+3), so days are the office's.
class TestBackupScheduler final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void retentionKeepsDaysWeeksAndMonths();
    void retentionKeepsTheNewestOfADay();
    void retentionOverAYearAndMore();
    void onlyAutomaticNamesArePruned();
    void due_data();
    void due();
    void statusWords();
    void dailyWhileRunningAndAfterAMissedDay();
};

namespace {

QDateTime local(int y, int m, int d, int h = 10, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min));
}

QList<BackupStamp> daily(const QDate &last, int days)
{
    QList<BackupStamp> stamps;
    for (int i = 0; i < days; ++i) {
        const QDateTime time(last.addDays(-i), QTime(10, 0));
        stamps.append({BackupService::fileNameFor(time), time});
    }
    return stamps;
}

} // namespace

void TestBackupScheduler::retentionKeepsDaysWeeksAndMonths()
{
    // 1 to 10 March 2026: 1 March is a Sunday (ISO week 9), 2-8 are week 10, 9-10 week 11.
    const QList<BackupStamp> stamps = daily(QDate(2026, 3, 10), 10);
    QStringList removed = BackupRetention::toRemove(stamps);
    removed.sort();
    QCOMPARE(removed, (QStringList{u"kengele-20260302-100000.kengele-backup"_s, u"kengele-20260303-100000.kengele-backup"_s}));
}

void TestBackupScheduler::retentionKeepsTheNewestOfADay()
{
    QList<BackupStamp> stamps = daily(QDate(2026, 3, 10), 3);
    stamps.append({u"kengele-20260310-080000.kengele-backup"_s, local(2026, 3, 10, 8)});
    stamps.append({u"kengele-20260310-230000.kengele-backup"_s, local(2026, 3, 10, 23)});
    QStringList removed = BackupRetention::toRemove(stamps);
    removed.sort();
    QCOMPARE(removed, (QStringList{u"kengele-20260310-080000.kengele-backup"_s, u"kengele-20260310-100000.kengele-backup"_s}));
}

void TestBackupScheduler::retentionOverAYearAndMore()
{
    const QDate last(2026, 12, 3);
    const QList<BackupStamp> stamps = daily(last, 500);
    const QStringList removed = BackupRetention::toRemove(stamps);
    QStringList kept;
    for (const BackupStamp &stamp : stamps) {
        if (!removed.contains(stamp.file))
            kept.append(stamp.file);
    }
    // The last 7 days.
    for (int i = 0; i < 7; ++i)
        QVERIFY(kept.contains(BackupService::fileNameFor(QDateTime(last.addDays(-i), QTime(10, 0)))));
    // The Sundays of the 3 weeks before this one (3 Dec 2026 is a Thursday).
    for (const QDate &sunday : {QDate(2026, 11, 29), QDate(2026, 11, 22), QDate(2026, 11, 15)})
        QVERIFY(kept.contains(BackupService::fileNameFor(QDateTime(sunday, QTime(10, 0)))));
    QVERIFY(!kept.contains(BackupService::fileNameFor(QDateTime(QDate(2026, 11, 8), QTime(10, 0)))));
    // The last day of each of the 11 months before this one, and nothing older than 12 months.
    QDate month(2026, 11, 1);
    for (int i = 0; i < 11; ++i, month = month.addMonths(-1))
        QVERIFY(kept.contains(
            BackupService::fileNameFor(QDateTime(QDate(month.year(), month.month(), month.daysInMonth()), QTime(10, 0)))));
    QVERIFY(!kept.contains(BackupService::fileNameFor(QDateTime(QDate(2025, 12, 31), QTime(10, 0)))));
    // 27 Nov to 3 Dec; weeks add 22 and 15 Nov (29 Nov is already a day kept); months add 31 Oct back
    // to 31 Jan (30 Nov is already kept).
    QCOMPARE(kept.size(), 7 + 2 + 10);
    QCOMPARE(removed.size(), 500 - kept.size());
}

void TestBackupScheduler::onlyAutomaticNamesArePruned()
{
    QCOMPARE(BackupRetention::timeFromName(u"kengele-20261203-091500.kengele-backup"_s), local(2026, 12, 3, 9, 15));
    QVERIFY(!BackupRetention::timeFromName(u"before-the-move.kengele-backup"_s).isValid());
    QVERIFY(!BackupRetention::timeFromName(u"kengele-20261203-091500.kengele-backup.txt"_s).isValid());
    QVERIFY(!BackupRetention::timeFromName(u"kengele-20261303-091500.kengele-backup"_s).isValid());
}

void TestBackupScheduler::due_data()
{
    QTest::addColumn<QDateTime>("last");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("due");
    QTest::addColumn<bool>("overdue");
    QTest::addRow("never") << QDateTime() << local(2026, 12, 3) << true << true;
    QTest::addRow("this morning") << local(2026, 12, 3, 8) << local(2026, 12, 3, 17) << false << false;
    QTest::addRow("last night, now after midnight") << local(2026, 12, 2, 23, 30) << local(2026, 12, 3, 0, 30) << true << false;
    QTest::addRow("missed three days") << local(2026, 11, 29, 9) << local(2026, 12, 3, 8) << true << false;
    QTest::addRow("7 days ago") << local(2026, 11, 26, 9) << local(2026, 12, 3, 18) << true << false;
    QTest::addRow("8 days ago") << local(2026, 11, 25, 9) << local(2026, 12, 3, 8) << true << true;
}

void TestBackupScheduler::due()
{
    QFETCH(QDateTime, last);
    QFETCH(QDateTime, now);
    QFETCH(bool, due);
    QFETCH(bool, overdue);
    QCOMPARE(BackupScheduler::isDue(last.toUTC(), now.toUTC()), due);
    QCOMPARE(BackupScheduler::isOverdue(last.toUTC(), now.toUTC()), overdue);
}

void TestBackupScheduler::statusWords()
{
    const QDateTime now = local(2026, 12, 3, 9);
    QCOMPARE(BackupScheduler::statusText({}, now), u"No backup yet"_s);
    QCOMPARE(BackupScheduler::statusText(local(2026, 12, 3, 1), now), u"Last backup: today"_s);
    QCOMPARE(BackupScheduler::statusText(local(2026, 12, 2, 23), now), u"Last backup: yesterday"_s);
    // "2 days ago" once the English plural forms are generated (translations/kengele_en.ts).
    QVERIFY(BackupScheduler::statusText(local(2026, 12, 1, 9), now).startsWith(u"Last backup: 2 day"_s));
    QVERIFY(BackupScheduler::statusText(local(2026, 11, 20, 9), now).startsWith(u"Last backup: 13 day"_s));
}

void TestBackupScheduler::dailyWhileRunningAndAfterAMissedDay()
{
    test::TempProfile profile;
    profile.clock().set(local(2026, 12, 3, 9).toUTC());
    test::FakeSecretStore secrets;
    BackupService backups(profile->database(), profile->staff(), profile->audit(), profile.clock());
    backups.setCost(Passwords::Cost::TestsOnly);
    const QString folder = QDir(profile.path()).filePath(u"usb/backups"_s);
    // Someone's own backup in the folder stays, whatever the pruning.
    QVERIFY(QDir().mkpath(folder));
    QFile mine(QDir(folder).filePath(u"before-the-move.kengele-backup"_s));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.close();

    BackupScheduler scheduler(backups, profile->settings(), secrets, profile.clock());
    QVERIFY(scheduler.setFolder(folder));
    QCOMPARE(scheduler.folder(), folder);
    QSignalSpy made(&scheduler, &BackupScheduler::backedUp);
    QSignalSpy failed(&scheduler, &BackupScheduler::automaticFailed);

    scheduler.checkNow(); // off: nothing
    QCOMPARE(made.size(), 0);
    QCOMPARE(failed.size(), 0);
    QVERIFY(scheduler.setAutomatic(true)); // on, no passphrase yet: says so
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(u"no backup passphrase"_s));

    bool stored = false;
    scheduler.setPassphrase(u"short"_s, [&](Status status) { stored = status.has_value(); });
    QVERIFY(!stored);
    scheduler.setPassphrase(u"Mlima wa Sayuni saba"_s, [&](Status status) { stored = status.has_value(); });
    QVERIFY(stored);
    QCOMPARE(secrets.values.value(BackupScheduler::PassphraseKey), u"Mlima wa Sayuni saba"_s);
    QVERIFY(!profile->settings().value(Settings::Key::BackupFolder).toString().contains(u"Sayuni"_s));

    scheduler.start(std::chrono::hours(1));
    QCOMPARE(made.size(), 1);
    QCOMPARE(scheduler.lastBackup(), profile.clock().nowUtc());
    scheduler.checkNow(); // later the same day: nothing
    profile.clock().set(local(2026, 12, 3, 23, 50).toUTC());
    scheduler.checkNow();
    QCOMPARE(made.size(), 1);
    profile.clock().set(local(2026, 12, 4, 0, 10).toUTC()); // after midnight, still running
    scheduler.checkNow();
    QCOMPARE(made.size(), 2);

    // Kengele was closed for 40 days, a backup at every start after: the folder is pruned.
    for (int day = 1; day <= 40; ++day) {
        profile.clock().set(local(2026, 12, 4, 9).addDays(day).toUTC());
        scheduler.checkNow();
    }
    QCOMPARE(made.size(), 42);
    QVERIFY(scheduler.list().size() < 20);
    QVERIFY(QFileInfo::exists(QDir(folder).filePath(u"before-the-move.kengele-backup"_s)));
    QCOMPARE(scheduler.list().first().time, profile.clock().nowUtc());
    QCOMPARE(BackupScheduler::statusText(scheduler.lastBackup(), profile.clock().nowUtc()), u"Last backup: today"_s);
    QCOMPARE(failed.size(), 1);
}

QTEST_GUILESS_MAIN(TestBackupScheduler)
#include "TestBackupScheduler.moc"
