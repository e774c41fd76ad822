// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "common/RateLimiter.h"

#include <QtTest>

using namespace kengele;

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unlimitedAlwaysAllows();
    void burstThenSteadyRate();
    void waitTimeIsExact();
    void bigBatchLeavesADebt();
    void measuredRateStaysWithinTwoPercent_data();
    void measuredRateStaysWithinTwoPercent();
};

namespace {
struct FakeTime {
    qint64 ns = 0;
    RateLimiter::MonotonicClock clock()
    {
        return [this] {
            return ns;
        };
    }
};
} // namespace

void TestRateLimiter::unlimitedAlwaysAllows()
{
    RateLimiter limiter(0);
    QVERIFY(limiter.isUnlimited());
    for (int i = 0; i < 100000; ++i)
        QVERIFY(limiter.tryAcquire(100));
    QCOMPARE(limiter.msUntilAvailable(1000), 0);
}

void TestRateLimiter::burstThenSteadyRate()
{
    FakeTime time;
    RateLimiter limiter(100, 10, time.clock());
    int taken = 0;
    while (limiter.tryAcquire())
        ++taken;
    QCOMPARE(taken, 10); // the burst
    time.ns += 50'000'000; // 50 ms: 5 more
    taken = 0;
    while (limiter.tryAcquire())
        ++taken;
    QCOMPARE(taken, 5);
    time.ns += 10'000'000'000LL; // a long pause refills only up to the burst
    taken = 0;
    while (limiter.tryAcquire())
        ++taken;
    QCOMPARE(taken, 10);
}

void TestRateLimiter::waitTimeIsExact()
{
    FakeTime time;
    RateLimiter limiter(200, 1, time.clock());
    QVERIFY(limiter.tryAcquire());
    QVERIFY(!limiter.tryAcquire());
    QCOMPARE(limiter.msUntilAvailable(), 5);
    time.ns += 5'000'000;
    QVERIFY(limiter.tryAcquire());
}

void TestRateLimiter::bigBatchLeavesADebt()
{
    FakeTime time;
    RateLimiter limiter(100, 10, time.clock());
    // A request with 50 recipients goes when the bucket is full, then nothing for 0.5 s.
    QVERIFY(limiter.tryAcquire(50));
    QVERIFY(!limiter.tryAcquire(1));
    time.ns += 400'000'000;
    QVERIFY(!limiter.tryAcquire(1));
    time.ns += 110'000'000;
    QVERIFY(limiter.tryAcquire(1));
}

void TestRateLimiter::measuredRateStaysWithinTwoPercent_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("batch");
    QTest::addRow("10/s") << 10.0 << 1;
    QTest::addRow("250/s") << 250.0 << 1;
    QTest::addRow("5000/s") << 5000.0 << 1;
    QTest::addRow("2000/s in batches of 100") << 2000.0 << 100;
}

void TestRateLimiter::measuredRateStaysWithinTwoPercent()
{
    // Simulated time: a sender that asks whenever the limiter says it may, over 60 s.
    QFETCH(double, rate);
    QFETCH(int, batch);
    FakeTime time;
    RateLimiter limiter(rate, 0, time.clock());
    qint64 sent = 0;
    const qint64 end = 60'000'000'000LL;
    while (time.ns < end) {
        if (limiter.tryAcquire(batch))
            sent += batch;
        else
            time.ns += qMax<qint64>(1, limiter.msUntilAvailable(batch)) * 1'000'000 / 4;
    }
    const double measured = double(sent) / 60.0;
    QVERIFY2(qAbs(measured - rate) / rate < 0.02,
             qPrintable(QStringLiteral("measured %1/s for a limit of %2/s").arg(measured).arg(rate)));
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "TestRateLimiter.moc"
