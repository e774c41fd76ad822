// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "campaigns/QuietHours.h"

#include <QtTest>

using namespace kengele;

class TestQuietHours final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultIsNineAtNightToSevenInTheMorning();
    void isQuiet_data();
    void isQuiet();
    void nextAllowed_data();
    void nextAllowed();
    void nextAllowedKeepsTheTimeSpec();
};

void TestQuietHours::defaultIsNineAtNightToSevenInTheMorning()
{
    const QuietHours hours;
    QCOMPARE(hours.start, QTime(21, 0));
    QCOMPARE(hours.end, QTime(7, 0));
}

void TestQuietHours::isQuiet_data()
{
    QTest::addColumn<QTime>("start");
    QTest::addColumn<QTime>("end");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<bool>("quiet");

    // Across midnight (the default): the start is in, the end is out.
    const QTime nine(21, 0);
    const QTime seven(7, 0);
    QTest::addRow("evening before") << nine << seven << QTime(20, 59, 59) << false;
    QTest::addRow("at the start") << nine << seven << QTime(21, 0) << true;
    QTest::addRow("before midnight") << nine << seven << QTime(23, 59, 59, 999) << true;
    QTest::addRow("at midnight") << nine << seven << QTime(0, 0) << true;
    QTest::addRow("early morning") << nine << seven << QTime(6, 59, 59) << true;
    QTest::addRow("at the end") << nine << seven << QTime(7, 0) << false;
    QTest::addRow("midday") << nine << seven << QTime(12, 0) << false;
    // Within one day.
    QTest::addRow("day: before") << QTime(13, 0) << QTime(14, 0) << QTime(12, 59) << false;
    QTest::addRow("day: at the start") << QTime(13, 0) << QTime(14, 0) << QTime(13, 0) << true;
    QTest::addRow("day: inside") << QTime(13, 0) << QTime(14, 0) << QTime(13, 59, 59) << true;
    QTest::addRow("day: at the end") << QTime(13, 0) << QTime(14, 0) << QTime(14, 0) << false;
    // From midnight, and up to midnight.
    QTest::addRow("from midnight: at midnight") << QTime(0, 0) << QTime(6, 0) << QTime(0, 0) << true;
    QTest::addRow("from midnight: late evening") << QTime(0, 0) << QTime(6, 0) << QTime(23, 59) << false;
    QTest::addRow("to midnight: late evening") << QTime(22, 0) << QTime(0, 0) << QTime(23, 59, 59) << true;
    QTest::addRow("to midnight: at midnight") << QTime(22, 0) << QTime(0, 0) << QTime(0, 0) << false;
    // The same start and end: no quiet hours at all.
    QTest::addRow("none: at that time") << QTime(22, 0) << QTime(22, 0) << QTime(22, 0) << false;
    QTest::addRow("none: at night") << QTime(22, 0) << QTime(22, 0) << QTime(3, 0) << false;
    QTest::addRow("none: midnight to midnight") << QTime(0, 0) << QTime(0, 0) << QTime(0, 0) << false;
}

void TestQuietHours::isQuiet()
{
    QFETCH(QTime, start);
    QFETCH(QTime, end);
    QFETCH(QTime, time);
    QFETCH(bool, quiet);

    const QuietHours hours{start, end};
    QCOMPARE(hours.isQuiet(QDateTime(QDate(2026, 1, 14), time, Qt::UTC)), quiet);
}

void TestQuietHours::nextAllowed_data()
{
    QTest::addColumn<QTime>("start");
    QTest::addColumn<QTime>("end");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("expected");

    const QDate day(2026, 1, 14);
    const QDate next = day.addDays(1);
    const auto at = [](const QDate &date, const QTime &time) {
        return QDateTime(date, time, Qt::UTC);
    };
    const QTime nine(21, 0);
    const QTime seven(7, 0);
    QTest::addRow("not quiet: now") << nine << seven << at(day, QTime(12, 0)) << at(day, QTime(12, 0));
    QTest::addRow("at the end: now") << nine << seven << at(day, seven) << at(day, seven);
    QTest::addRow("evening: next morning") << nine << seven << at(day, QTime(22, 30)) << at(next, seven);
    QTest::addRow("at the start: next morning") << nine << seven << at(day, nine) << at(next, seven);
    QTest::addRow("after midnight: this morning") << nine << seven << at(day, QTime(3, 15)) << at(day, seven);
    QTest::addRow("within a day: its end") << QTime(13, 0) << QTime(14, 0) << at(day, QTime(13, 30)) << at(day, QTime(14, 0));
    QTest::addRow("to midnight: midnight") << QTime(22, 0) << QTime(0, 0) << at(day, QTime(23, 0)) << at(next, QTime(0, 0));
    QTest::addRow("none: now") << QTime(22, 0) << QTime(22, 0) << at(day, QTime(22, 0)) << at(day, QTime(22, 0));
    QTest::addRow("end of the year") << nine << seven << QDateTime(QDate(2026, 12, 31), QTime(23, 0), Qt::UTC)
                                     << QDateTime(QDate(2027, 1, 1), seven, Qt::UTC);
}

void TestQuietHours::nextAllowed()
{
    QFETCH(QTime, start);
    QFETCH(QTime, end);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, expected);

    const QuietHours hours{start, end};
    const QDateTime allowed = hours.nextAllowed(now);
    QCOMPARE(allowed, expected);
    QVERIFY(allowed >= now);
    QVERIFY(!hours.isQuiet(allowed));
}

void TestQuietHours::nextAllowedKeepsTheTimeSpec()
{
    const QuietHours hours;
    const QDateTime local(QDate(2026, 1, 14), QTime(23, 0), Qt::LocalTime);
    const QDateTime allowed = hours.nextAllowed(local);
    QCOMPARE(allowed.timeSpec(), Qt::LocalTime);
    QCOMPARE(allowed.date(), QDate(2026, 1, 15));
    QCOMPARE(allowed.time(), QTime(7, 0));
}

QTEST_GUILESS_MAIN(TestQuietHours)
#include "TestQuietHours.moc"
