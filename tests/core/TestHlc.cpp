// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "storage/Database.h"
#include "sync/Hlc.h"
#include "sync/ReplicaSqlFunctions.h"
#include "sync/ReplicaUid.h"

#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace kengele;
using namespace Qt::StringLiterals;

class TestHlc final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void packsMillisAndCounter();
    void sendTakesPhysicalTimeWhenAhead();
    void sendCountsWhenClockIsBehind();
    void counterOverflowMovesMillisOn();
    void receiveRules_data();
    void receiveRules();
    void tooFarAheadIsFiveMinutes();
    void uuid7HasVersionVariantAndTime();
    void persistedClockIsMonotoneAcrossConnections();
};

void TestHlc::packsMillisAndCounter()
{
    const quint64 h = Hlc::pack(1764800000123, 42);
    QCOMPARE(Hlc::millis(h), 1764800000123);
    QCOMPARE(Hlc::counter(h), quint64(42));
    QVERIFY(Hlc::pack(1764800000124, 0) > Hlc::pack(1764800000123, 0xFFFF));
    QVERIFY(qint64(Hlc::pack(1764800000123, 0)) > 0); // sorts as SQLite's signed INTEGER
}

void TestHlc::sendTakesPhysicalTimeWhenAhead()
{
    QCOMPARE(Hlc::send(Hlc::pack(1000, 7), 2000), Hlc::pack(2000, 0));
    QCOMPARE(Hlc::send(0, 5), Hlc::pack(5, 0));
}

void TestHlc::sendCountsWhenClockIsBehind()
{
    // The operating system's clock went back an hour: the HLC stays monotone.
    const quint64 last = Hlc::pack(10'000'000, 3);
    const quint64 next = Hlc::send(last, 10'000'000 - 3'600'000);
    QCOMPARE(next, Hlc::pack(10'000'000, 4));
    QVERIFY(next > last);
    QCOMPARE(Hlc::send(Hlc::pack(500, 1), 500), Hlc::pack(500, 2));
}

void TestHlc::counterOverflowMovesMillisOn()
{
    const quint64 full = Hlc::pack(1000, 0xFFFF);
    QCOMPARE(Hlc::send(full, 1000), Hlc::pack(1001, 0));
    QCOMPARE(Hlc::receive(full, Hlc::pack(1000, 0xFFFF), 900), Hlc::pack(1001, 0));
    // A long burst in one millisecond stays strictly increasing.
    quint64 h = Hlc::pack(1000, 0);
    for (int i = 0; i < 200000; ++i) {
        const quint64 next = Hlc::send(h, 1000);
        QVERIFY(next > h);
        h = next;
    }
    QVERIFY(Hlc::millis(h) > 1000);
}

void TestHlc::receiveRules_data()
{
    QTest::addColumn<quint64>("local");
    QTest::addColumn<quint64>("remote");
    QTest::addColumn<qint64>("physical");
    QTest::addColumn<quint64>("expected");
    QTest::addRow("physical time wins") << Hlc::pack(100, 5) << Hlc::pack(200, 9) << qint64(300) << Hlc::pack(300, 0);
    QTest::addRow("remote ahead") << Hlc::pack(100, 5) << Hlc::pack(200, 9) << qint64(150) << Hlc::pack(200, 10);
    QTest::addRow("local ahead") << Hlc::pack(250, 5) << Hlc::pack(200, 9) << qint64(150) << Hlc::pack(250, 6);
    QTest::addRow("all equal") << Hlc::pack(200, 5) << Hlc::pack(200, 9) << qint64(200) << Hlc::pack(200, 10);
    QTest::addRow("local and remote equal, counters")
        << Hlc::pack(200, 12) << Hlc::pack(200, 3) << qint64(100) << Hlc::pack(200, 13);
}

void TestHlc::receiveRules()
{
    QFETCH(quint64, local);
    QFETCH(quint64, remote);
    QFETCH(qint64, physical);
    QFETCH(quint64, expected);
    const quint64 got = Hlc::receive(local, remote, physical);
    QCOMPARE(got, expected);
    QVERIFY(got > local);
    QVERIFY(got > remote);
}

void TestHlc::tooFarAheadIsFiveMinutes()
{
    const qint64 now = 1'764'800'000'000;
    QVERIFY(!Hlc::tooFarAhead(Hlc::pack(now + 5 * 60 * 1000, 0xFFFF), now));
    QVERIFY(Hlc::tooFarAhead(Hlc::pack(now + 5 * 60 * 1000 + 1, 0), now));
    QVERIFY(!Hlc::tooFarAhead(Hlc::pack(now - 86'400'000, 0), now));
}

void TestHlc::uuid7HasVersionVariantAndTime()
{
    const qint64 ms = 0x0190'1234'5678;
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString uid = ReplicaUid::generate(ms);
        QVERIFY2(ReplicaUid::isValid(uid), qPrintable(uid));
        QCOMPARE(uid.left(13), u"01901234-5678"_s);
        QCOMPARE(uid.at(14), u'7');
        QVERIFY(QStringView(u"89ab").contains(uid.at(19)));
        seen.insert(uid);
    }
    QCOMPARE(seen.size(), 1000);
    QVERIFY(ReplicaUid::generate(ms) < ReplicaUid::generate(ms + 1));
    QVERIFY(!ReplicaUid::isValid(u"not-a-uid"_s));
}

void TestHlc::persistedClockIsMonotoneAcrossConnections()
{
    // Two connections on one profile (the desktop and kengele-cli) share sync_state inside their
    // write transactions: stamps never repeat or go back, even with the clock stuck or going back.
    test::TempProfile profile;
    test::FixedClock &clock = profile.clock();
    Database &database = profile->database();
    QSqlQuery first(database.connection());
    auto stampAndRead = [](QSqlQuery &q) {
        if (!q.exec(u"UPDATE sync_state SET hlc = kengele_hlc_next(hlc) WHERE id = 1"_s)
            || !q.exec(u"SELECT hlc FROM sync_state"_s) || !q.next())
            return quint64(0);
        return quint64(q.value(0).toLongLong());
    };
    quint64 last = stampAndRead(first);
    QVERIFY(last > 0);
    QCOMPARE(Hlc::millis(last), clock.nowMs());
    quint64 fromThread = 0;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QSqlQuery other(database.connection());
        fromThread = stampAndRead(other);
    }));
    thread->start();
    thread->wait();
    QVERIFY(fromThread > last);
    last = fromThread;
    clock.advanceMs(-3'600'000);
    const quint64 afterJump = stampAndRead(first);
    QVERIFY(afterJump > last);
    QCOMPARE(Hlc::millis(afterJump), Hlc::millis(last));
}

QTEST_GUILESS_MAIN(TestHlc)
#include "TestHlc.moc"
