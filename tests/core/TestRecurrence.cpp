// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "campaigns/Recurrence.h"

#include <QtTest>

using namespace kengele;

// Runs with TZ=Africa/Nairobi (see CMakeLists): occurrences are local times.
class TestRecurrence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rulesRoundTrip_data();
    void rulesRoundTrip();
    void unreadableRules();
    void dailyKeepsTheTimeOfDay();
    void weeklyOnChosenDays();
    void monthlyOnTheLastDayWhenShort();
    void describedForPeople();
};

void TestRecurrence::rulesRoundTrip_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addRow("once") << QString();
    QTest::addRow("daily") << QStringLiteral("FREQ=DAILY");
    QTest::addRow("weekly") << QStringLiteral("FREQ=WEEKLY;BYDAY=MO,WE,SU");
    QTest::addRow("monthly") << QStringLiteral("FREQ=MONTHLY;BYMONTHDAY=31");
}

void TestRecurrence::rulesRoundTrip()
{
    QFETCH(QString, rule);
    const auto parsed = Recurrence::fromRule(rule);
    QVERIFY(parsed);
    QCOMPARE(parsed->rule(), rule);
    QCOMPARE(parsed->isRepeating(), !rule.isEmpty());
}

void TestRecurrence::unreadableRules()
{
    for (const char *rule : {"FREQ=YEARLY", "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=XX", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY",
                             "nonsense", "FREQ=DAILY;COUNT=3"})
        QVERIFY2(!Recurrence::fromRule(QString::fromLatin1(rule)), rule);
    QVERIFY(!Recurrence::weekly({}).isValid());
    QCOMPARE(Recurrence::weekly({7, 1, 7, 9}).weekdays(), (QList<int>{1, 7}));
}

void TestRecurrence::dailyKeepsTheTimeOfDay()
{
    const Recurrence daily = Recurrence::daily();
    const QDateTime start(QDate(2026, 12, 30), QTime(7, 30));
    QCOMPARE(daily.first(start), start);
    QCOMPARE(daily.next(start), QDateTime(QDate(2026, 12, 31), QTime(7, 30)));
    QCOMPARE(daily.next(daily.next(start)), QDateTime(QDate(2027, 1, 1), QTime(7, 30)));
    // Given in UTC, answered in local time: 04:30Z is 07:30 in Nairobi.
    QCOMPARE(daily.first(start.toUTC()), start);
}

void TestRecurrence::weeklyOnChosenDays()
{
    const Recurrence r = Recurrence::weekly({Qt::Wednesday, Qt::Sunday});
    // Monday 30 November 2026, 18:00: the first is Wednesday 2 December.
    const QDateTime monday(QDate(2026, 11, 30), QTime(18, 0));
    QDateTime t = r.first(monday);
    QCOMPARE(t, QDateTime(QDate(2026, 12, 2), QTime(18, 0)));
    t = r.next(t);
    QCOMPARE(t, QDateTime(QDate(2026, 12, 6), QTime(18, 0)));
    t = r.next(t);
    QCOMPARE(t, QDateTime(QDate(2026, 12, 9), QTime(18, 0)));
    // Starting on a chosen day: that day.
    QCOMPARE(r.first(QDateTime(QDate(2026, 12, 6), QTime(8, 0))), QDateTime(QDate(2026, 12, 6), QTime(8, 0)));
}

void TestRecurrence::monthlyOnTheLastDayWhenShort()
{
    const Recurrence r = Recurrence::monthly(31);
    QDateTime t = r.first(QDateTime(QDate(2027, 1, 31), QTime(9, 0)));
    QCOMPARE(t.date(), QDate(2027, 1, 31));
    t = r.next(t);
    QCOMPARE(t.date(), QDate(2027, 2, 28));
    t = r.next(t);
    QCOMPARE(t.date(), QDate(2027, 3, 31)); // back to the 31st, not stuck on the 28th
    t = r.next(t);
    QCOMPARE(t.date(), QDate(2027, 4, 30));
    QCOMPARE(t.time(), QTime(9, 0));
    // Asked after this month's day has gone: next month.
    QCOMPARE(Recurrence::monthly(5).first(QDateTime(QDate(2026, 12, 20), QTime(9, 0))).date(), QDate(2027, 1, 5));
    QCOMPARE(Recurrence::monthly(29).first(QDateTime(QDate(2027, 2, 10), QTime(9, 0))).date(), QDate(2027, 2, 28));
}

void TestRecurrence::describedForPeople()
{
    QCOMPARE(Recurrence::daily().describe(), QStringLiteral("every day"));
    QCOMPARE(Recurrence::weekly({Qt::Sunday}).describe(), QStringLiteral("every week on Sunday"));
    QCOMPARE(Recurrence::weekly({Qt::Sunday, Qt::Wednesday, Qt::Friday}).describe(),
             QStringLiteral("every week on Wednesday, Friday and Sunday"));
    QCOMPARE(Recurrence::monthly(1).describe(), QStringLiteral("every month on day 1"));
    QCOMPARE(Recurrence::monthly(31).describe(), QStringLiteral("every month on day 31 (or the month's last day)"));
}

QTEST_GUILESS_MAIN(TestRecurrence)
#include "TestRecurrence.moc"
