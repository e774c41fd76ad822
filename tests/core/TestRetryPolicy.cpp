// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "campaigns/QuietHours.h"
#include "campaigns/RetryPolicy.h"

#include <QtTest>

using namespace kengele;

// RetryPolicy and QuietHours: the two rules that decide when a message may go.
class TestRetryPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backOffGrowsWithJitterUpToACap();
    void respectsRetryAfter();
    void limitOfAttempts();
    void quietHours_data();
    void quietHours();
};

void TestRetryPolicy::backOffGrowsWithJitterUpToACap()
{
    RetryPolicy policy;
    QRandomGenerator random(42);
    qint64 previousCeiling = 0;
    for (int attempt = 1; attempt <= 12; ++attempt) {
        const qint64 ceiling = qMin(policy.maxDelayMs, policy.baseDelayMs << (attempt - 1));
        QSet<qint64> seen;
        for (int i = 0; i < 200; ++i) {
            const qint64 delay = policy.delayMs(attempt, random);
            QVERIFY(delay >= ceiling / 2);
            QVERIFY(delay <= ceiling);
            seen.insert(delay);
        }
        QVERIFY2(seen.size() > 20, "jitter spreads the retries");
        QVERIFY(ceiling >= previousCeiling);
        previousCeiling = ceiling;
    }
    QCOMPARE(previousCeiling, policy.maxDelayMs);
}

void TestRetryPolicy::respectsRetryAfter()
{
    RetryPolicy policy;
    QRandomGenerator random(1);
    QVERIFY(policy.delayMs(1, random, 30'000) >= 30'000);
}

void TestRetryPolicy::limitOfAttempts()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    QVERIFY(policy.mayRetry(1));
    QVERIFY(policy.mayRetry(2));
    QVERIFY(!policy.mayRetry(3));
}

void TestRetryPolicy::quietHours_data()
{
    QTest::addColumn<QTime>("start");
    QTest::addColumn<QTime>("end");
    QTest::addColumn<QTime>("now");
    QTest::addColumn<bool>("quiet");
    QTest::addColumn<QDateTime>("next");
    const QDate day(2026, 11, 21);
    const QDate tomorrow = day.addDays(1);
    QTest::addRow("evening, before") << QTime(21, 0) << QTime(7, 0) << QTime(20, 59) << false << QDateTime(day, QTime(20, 59));
    QTest::addRow("evening, start") << QTime(21, 0) << QTime(7, 0) << QTime(21, 0) << true << QDateTime(tomorrow, QTime(7, 0));
    QTest::addRow("midnight") << QTime(21, 0) << QTime(7, 0) << QTime(0, 30) << true << QDateTime(day, QTime(7, 0));
    QTest::addRow("morning, end") << QTime(21, 0) << QTime(7, 0) << QTime(7, 0) << false << QDateTime(day, QTime(7, 0));
    QTest::addRow("same-day window") << QTime(13, 0) << QTime(14, 0) << QTime(13, 30) << true << QDateTime(day, QTime(14, 0));
    QTest::addRow("no window") << QTime(8, 0) << QTime(8, 0) << QTime(8, 0) << false << QDateTime(day, QTime(8, 0));
}

void TestRetryPolicy::quietHours()
{
    QFETCH(QTime, start);
    QFETCH(QTime, end);
    QFETCH(QTime, now);
    QFETCH(bool, quiet);
    QFETCH(QDateTime, next);
    const QuietHours hours{start, end};
    const QDateTime at(QDate(2026, 11, 21), now);
    QCOMPARE(hours.isQuiet(at), quiet);
    QCOMPARE(hours.nextAllowed(at), next);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "TestRetryPolicy.moc"
