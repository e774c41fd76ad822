// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "common/KeyedRateLimiter.h"

#include <QtTest>

using namespace kengele;

class TestKeyedRateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachKeyHasItsOwnBucket();
    void aBucketRefillsAtTheRate();
    void unlimitedKeepsNoBuckets();
    void aFloodOfNewKeysIsForgottenAtOnce();
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

int takeAll(KeyedRateLimiter &limiter, const QString &key)
{
    int taken = 0;
    while (taken < 1000 && limiter.tryAcquire(key))
        ++taken;
    return taken;
}
} // namespace

void TestKeyedRateLimiter::eachKeyHasItsOwnBucket()
{
    FakeTime time;
    KeyedRateLimiter limiter(2, 4, 100, time.clock());
    QVERIFY(!limiter.isUnlimited());
    QCOMPARE(takeAll(limiter, QStringLiteral("10.0.0.1")), 4); // a new key starts with a full bucket
    QVERIFY(!limiter.tryAcquire(QStringLiteral("10.0.0.1")));
    QCOMPARE(takeAll(limiter, QStringLiteral("10.0.0.2")), 4); // another key is not affected
    QCOMPARE(limiter.size(), 2);
}

void TestKeyedRateLimiter::aBucketRefillsAtTheRate()
{
    FakeTime time;
    KeyedRateLimiter limiter(2, 4, 100, time.clock());
    QCOMPARE(takeAll(limiter, QStringLiteral("dev_a")), 4);
    time.ns += 499'000'000; // just under one token
    QVERIFY(!limiter.tryAcquire(QStringLiteral("dev_a")));
    time.ns += 1'000'000;
    QVERIFY(limiter.tryAcquire(QStringLiteral("dev_a")));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("dev_a")));
    time.ns += 60'000'000'000LL; // a long pause refills only up to the burst
    QCOMPARE(takeAll(limiter, QStringLiteral("dev_a")), 4);
    // Several tokens at once: taken only when they are there.
    time.ns += 1'000'000'000;
    QVERIFY(!limiter.tryAcquire(QStringLiteral("dev_a"), 3));
    QVERIFY(limiter.tryAcquire(QStringLiteral("dev_a"), 2));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("dev_a")));
}

void TestKeyedRateLimiter::unlimitedKeepsNoBuckets()
{
    KeyedRateLimiter limiter(0);
    QVERIFY(limiter.isUnlimited());
    for (int i = 0; i < 10000; ++i)
        QVERIFY(limiter.tryAcquire(QString::number(i % 7)));
    QCOMPARE(limiter.size(), 0);
}

void TestKeyedRateLimiter::aFloodOfNewKeysIsForgottenAtOnce()
{
    FakeTime time;
    KeyedRateLimiter limiter(1, 2, 3, time.clock());
    for (const QString &key : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
        QCOMPARE(takeAll(limiter, key), 2);
    QCOMPARE(limiter.size(), 3);
    QVERIFY(!limiter.tryAcquire(QStringLiteral("a"))); // a known key keeps its empty bucket
    QCOMPARE(limiter.size(), 3);
    // A fourth key forgets the others: memory stays bounded, and a forgotten key starts full again.
    QVERIFY(limiter.tryAcquire(QStringLiteral("d")));
    QCOMPARE(limiter.size(), 1);
    QCOMPARE(takeAll(limiter, QStringLiteral("a")), 2);
    QCOMPARE(limiter.size(), 2);
}

QTEST_GUILESS_MAIN(TestKeyedRateLimiter)
#include "TestKeyedRateLimiter.moc"
