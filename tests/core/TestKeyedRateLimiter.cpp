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
    void aFloodOfNewKeysCannotRefillADrainedBucket();
    void twoHundredThousandAddressesStayUnderTheCap();
    void sweepForgetsIdleBuckets();
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

// Issue 11, finding 7: a full table used to forget every bucket, so an attacker who had used up
// an address's bucket got it back full by sending from a few thousand other addresses.
void TestKeyedRateLimiter::aFloodOfNewKeysCannotRefillADrainedBucket()
{
    FakeTime time;
    KeyedRateLimiter limiter(1, 2, 100, time.clock());
    QCOMPARE(takeAll(limiter, QStringLiteral("attacker")), 2);
    QCOMPARE(takeAll(limiter, QStringLiteral("busy")), 2);
    for (int i = 0; i < 10000; ++i)
        QVERIFY(limiter.tryAcquire(QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256)));
    QVERIFY(limiter.size() <= 100);
    QVERIFY(!limiter.tryAcquire(QStringLiteral("attacker")));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("busy")));
    time.ns += 1'000'000'000; // one token back, as for any address
    QVERIFY(limiter.tryAcquire(QStringLiteral("attacker")));
    QVERIFY(!limiter.tryAcquire(QStringLiteral("attacker")));
}

// Issue 11, finding 7: 200,000 X-Forwarded-For addresses grew the table by 25 MB.
void TestKeyedRateLimiter::twoHundredThousandAddressesStayUnderTheCap()
{
    FakeTime time;
    KeyedRateLimiter limiter(2, 4, KeyedRateLimiter::DefaultMaxKeys, time.clock());
    QCOMPARE(limiter.maxKeys(), 50000);
    qsizetype largest = 0;
    for (int i = 0; i < 200000; ++i) {
        limiter.tryAcquire(QStringLiteral("198.%1.%2.%3").arg(i >> 16).arg((i >> 8) & 255).arg(i & 255));
        largest = std::max(largest, limiter.size());
        time.ns += 20'000; // 50,000 new addresses a second
    }
    QVERIFY2(largest <= limiter.maxKeys(), qPrintable(QString::number(largest)));
    // The default cap, on the real clock: a flood faster than any bucket refills.
    KeyedRateLimiter flooded(2, 4);
    QCOMPARE(flooded.maxKeys(), KeyedRateLimiter::DefaultMaxKeys);
    for (int i = 0; i < 200000; ++i)
        flooded.tryAcquire(QString::number(i));
    QVERIFY(flooded.size() <= flooded.maxKeys());
}

void TestKeyedRateLimiter::sweepForgetsIdleBuckets()
{
    FakeTime time;
    KeyedRateLimiter limiter(1, 2, 100, time.clock());
    QCOMPARE(takeAll(limiter, QStringLiteral("a")), 2);
    QVERIFY(limiter.tryAcquire(QStringLiteral("b")));
    QCOMPARE(limiter.size(), 2);
    limiter.sweep();
    QCOMPARE(limiter.size(), 2);
    time.ns += 1'000'000'000; // b is full again, a is not
    limiter.sweep();
    QCOMPARE(limiter.size(), 1);
    QVERIFY(!limiter.tryAcquire(QStringLiteral("a"), 2)); // a kept its bucket (one token)
    time.ns += 2'000'000'000;
    limiter.sweep();
    QCOMPARE(limiter.size(), 0);
    // A forgotten key starts full, as it would have been.
    QCOMPARE(takeAll(limiter, QStringLiteral("a")), 2);
}

QTEST_GUILESS_MAIN(TestKeyedRateLimiter)
#include "TestKeyedRateLimiter.moc"
