// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// How long a contact saved on one computer takes to be applied on another, both online with their
// sync engines running (SyncEngine::start, default options) on an in-process relay (SQLite): the
// first founds the keys, the second joins through the real join. 50 contacts, one at a time; prints
// the median and the maximum (target: under 2 s). Run: build/tests/bench/BenchSyncLatency

#include "FakeSecretStore.h"
#include "RelayHarness.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "profile/Profile.h"
#include "storage/Database.h"
#include "sync/RelayClient.h"
#include "sync/RelayEvent.h"
#include "sync/RelayLinkStore.h"
#include "sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QtTest>

#include <algorithm>

using namespace kengele;
using namespace kengele::test;
using namespace Qt::StringLiterals;

namespace {

struct Computer {
    std::unique_ptr<TempProfile> profile;
    FakeSecretStore secrets;
    std::unique_ptr<RelayClient> client;
    std::unique_ptr<SyncEngine> engine;
    RelayHarness::Org enrolment;
};

template<typename T> std::optional<T> await(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> result;
    start([&result](T r) { result = std::move(r); });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < 30000)
        QTest::qWait(1);
    return result;
}

} // namespace

class BenchSyncLatency final : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    void connectComputer(RelayHarness &relay, Computer &c, const RelayHarness::Org &enrolment)
    {
        c.profile = std::make_unique<TempProfile>();
        c.enrolment = enrolment;
        QVERIFY(c.profile->profile().relayLinks().saveEnrolment(
            {enrolment.deviceId, enrolment.token, enrolment.id, u"Church"_s, {}}));
        c.client = std::make_unique<RelayClient>(m_network);
        c.client->setBaseUrl(relay.baseUrl());
        c.client->setToken(enrolment.token);
        c.engine = std::make_unique<SyncEngine>(c.profile->profile().database(), c.secrets, *c.client, c.profile->clock());
    }

private Q_SLOTS:
    void contactReachesTheOtherComputer()
    {
        QLoggingCategory::setFilterRules(u"kengele.relay.access=false\nkengele.*.debug=false\nkengele.sync.info=false"_s);
        RelayHarness relay(RelayHarness::Backend::Sqlite);
        QString why;
        QVERIFY2(relay.open(&why), qPrintable(why));
        QVERIFY(relay.start());
        const RelayHarness::Org org = relay.createOrgWithDevice();
        Computer a, b;
        connectComputer(relay, a, org);
        connectComputer(relay, b, relay.enrolAnother(org, u"Laptop"_s));
        QVERIFY(await<Status>([&](auto done) { a.engine->syncOnce(done); }).value());
        QVERIFY(await<Status>([&](auto done) { b.engine->syncOnce(done); }).value());
        std::optional<Result<SyncApproval>> first;
        a.engine->approve(b.enrolment.deviceId, {}, [&first](Result<SyncApproval> r) { first = std::move(r); });
        while (b.engine->safetyCode().isEmpty())
            QVERIFY(await<Status>([&](auto done) { b.engine->syncOnce(done); }).value());
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 20000);
        auto approved = await<Result<SyncApproval>>(
            [&](auto done) { a.engine->approve(b.enrolment.deviceId, b.engine->safetyCode(), done); });
        QVERIFY(approved && *approved && (*approved)->approved);
        QVERIFY(await<Status>([&](auto done) { b.engine->syncOnce(done); }).value());
        QVERIFY(b.engine->isReady());

        a.engine->start();
        b.engine->start();
        QTest::qWait(300);
        QList<qint64> times;
        for (int i = 0; i < 50; ++i) {
            const QString phone = u"0713%1"_s.arg(i, 6, 10, QChar(u'0'));
            QElapsedTimer clock;
            clock.start();
            QVERIFY(a.profile->profile().contacts().add({u"Member"_s, QString::number(i), phone, {}, {}}));
            QSqlQuery q(b.profile->profile().database().connection());
            bool arrived = false;
            while (!arrived && clock.elapsed() < 10000) {
                QTest::qWait(1);
                q.exec(u"SELECT count(*) FROM contacts WHERE last_name = '%1'"_s.arg(i));
                arrived = q.next() && q.value(0).toInt() == 1;
            }
            QVERIFY2(arrived, "the contact did not arrive within 10 s");
            times.append(clock.elapsed());
            QTest::qWait(int(QRandomGenerator::global()->bounded(200))); // not in step with the engines' timers
        }
        std::sort(times.begin(), times.end());
        const qint64 median = (times[24] + times[25]) / 2;
        qInfo("BenchSyncLatency: contact saved on one computer -> applied on the other: median %lld ms, max %lld ms, "
              "min %lld ms (n = %lld)",
              median, times.last(), times.first(), qint64(times.size()));
        a.engine->stop();
        b.engine->stop();
    }
};

QTEST_GUILESS_MAIN(BenchSyncLatency)
#include "BenchSyncLatency.moc"
