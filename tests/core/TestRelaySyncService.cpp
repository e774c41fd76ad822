// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeAfricasTalking.h"
#include "FakeRelay.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelayLinkStore.h"
#include "sync/RelaySyncService.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;

// The desktop's side of the relay over real HTTP on loopback, against a fake relay: enrolment,
// the feed by cursor, long-poll, back-off while the relay is down, and a failure mid-apply.
class TestRelaySyncService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void enrolKeepsTokenInKeychainOnly();
    void enrolExplainsWhatWentWrong_data();
    void enrolExplainsWhatWentWrong();
    void syncOnceFollowsTheCursorAcrossPages();
    void longPollWakesOnNewEvent();
    void backsOffWhileRelayIsDownThenRecovers();
    void serverErrorsAreRetried();
    void failureMidApplyRefetchesTheSameEvents();
    void refusedTokenStopsAndAsksForEnrolment();
    void backoffDelays_data();
    void backoffDelays();

private:
    void enrol();
    qint64 scalar(const QString &sql);

    std::unique_ptr<test::TempProfile> m_profile;
    std::unique_ptr<test::FakeRelay> m_relay;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RelayClient> m_client;
    std::unique_ptr<RelaySyncService> m_sync;
    test::FakeSecretStore m_secrets;
};

void TestRelaySyncService::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    m_relay = std::make_unique<test::FakeRelay>();
    QVERIFY(m_relay->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<RelayClient>(*m_network);
    Profile &p = m_profile->profile();
    m_sync = std::make_unique<RelaySyncService>(p.database(), p.contacts(), p.tokens(), *m_client, m_profile->clock());
    RelaySyncService::Options options;
    options.waitSeconds = 5;
    options.firstRetryMs = 50;
    options.maxRetryMs = 400;
    options.minPollIntervalMs = 0;
    m_sync->setOptions(options);
    m_secrets.values.clear();
    ContactInput mary;
    mary.firstName = QStringLiteral("Mary");
    mary.phone = QStringLiteral("0712345678");
    QVERIFY(p.contacts().add(mary));
}

void TestRelaySyncService::cleanup()
{
    m_sync.reset();
    m_client.reset();
    m_network.reset();
    m_relay.reset();
    m_profile.reset();
}

qint64 TestRelaySyncService::scalar(const QString &sql)
{
    QSqlQuery q(m_profile->profile().database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestRelaySyncService::enrol()
{
    m_relay->addCode(QStringLiteral("KGL-1234-5678"));
    Profile &p = m_profile->profile();
    RelayConnector connector(p.settings(), m_secrets, p.relayLinks(), *m_client);
    const auto result = test::awaitResult<Result<RelayEnrolment>>([&](auto done) {
        connector.connectDevice(m_relay->url().toString() + u'/', QStringLiteral(" KGL-1234-5678 "), QStringLiteral("Office PC"),
                                done);
    });
    QVERIFY(result);
    QVERIFY2(*result, qPrintable(*result ? QString() : result->error().message));
}

void TestRelaySyncService::enrolKeepsTokenInKeychainOnly()
{
    enrol();
    Profile &p = m_profile->profile();
    QCOMPARE(m_secrets.values.value(QString::fromLatin1(RelayConnector::TokenSecret)), m_relay->issuedToken);
    QCOMPARE(p.settings().relayUrl(), m_relay->url().toString());
    const auto link = RelayLinkStore(p.database(), m_profile->clock()).load();
    QVERIFY(link);
    QCOMPARE(link->org, QStringLiteral("org_test"));
    QCOMPARE(link->orgName, QStringLiteral("St. Test's Parish"));
    QCOMPARE(link->device, QStringLiteral("dev_1"));
    QCOMPARE(link->cursor, 0);
    // The token is nowhere but in the keychain: not in the settings file, not in the database.
    p.settings().sync();
    for (const QString &file :
         {QStringLiteral("settings.ini"), QStringLiteral("kengele.sqlite"), QStringLiteral("kengele.sqlite-wal")}) {
        QFile f(m_profile->path() + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QVERIFY2(!f.readAll().contains(m_relay->issuedToken.toUtf8()), qPrintable(file));
    }
    // The code works once.
    RelayConnector again(p.settings(), m_secrets, p.relayLinks(), *m_client);
    const auto reused = test::awaitResult<Result<RelayEnrolment>>([&](auto done) {
        again.connectDevice(m_relay->url().toString(), QStringLiteral("KGL-1234-5678"), QStringLiteral("PC"), done);
    });
    QVERIFY(reused && !*reused);
}

void TestRelaySyncService::enrolExplainsWhatWentWrong_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::addRow("not an address") << "relay dot example"
                                    << "is not the address of a relay";
    QTest::addRow("no scheme") << "relay.example.org"
                               << "is not the address of a relay";
    QTest::addRow("used or expired code") << "RELAY"
                                          << "did not accept this enrolment code";
    QTest::addRow("nobody listening") << "http://127.0.0.1:9"
                                      << "cannot reach the relay";
}

void TestRelaySyncService::enrolExplainsWhatWentWrong()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    if (url == QStringLiteral("RELAY"))
        url = m_relay->url().toString();
    Profile &p = m_profile->profile();
    RelayConnector connector(p.settings(), m_secrets, p.relayLinks(), *m_client);
    const auto result = test::awaitResult<Result<RelayEnrolment>>(
        [&](auto done) { connector.connectDevice(url, QStringLiteral("KGL-0000-0000"), QStringLiteral("PC"), done); }, 20000);
    QVERIFY(result);
    QVERIFY(!*result);
    QVERIFY2(result->error().message.contains(message), qPrintable(result->error().message));
    // Nothing was kept.
    QVERIFY(m_secrets.values.isEmpty());
    QVERIFY(p.settings().relayUrl().isEmpty());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM relay_link")), 0);
}

void TestRelaySyncService::syncOnceFollowsTheCursorAcrossPages()
{
    enrol();
    for (int i = 1; i <= 5; ++i)
        m_relay->addInbound(QStringLiteral("in%1").arg(i), QStringLiteral("+254712345678"), QStringLiteral("Message %1").arg(i));
    RelaySyncService::Options options = m_sync->options();
    options.batchLimit = 2;
    m_sync->setOptions(options);
    QSignalSpy applied(m_sync.get(), &RelaySyncService::eventsApplied);
    const auto report = test::awaitResult<Result<RelayApplyReport>>([&](auto done) { m_sync->syncUntilCaughtUp(done); });
    QVERIFY(report);
    QVERIFY2(*report, qPrintable(*report ? QString() : report->error().message));
    QCOMPARE((*report)->applied(), 5);
    QCOMPARE((*report)->inbox, 5);
    QCOMPARE((*report)->cursor, 5);
    QCOMPARE(applied.count(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 5);
    // Each request asked after what was saved, with the device token, without holding.
    const auto &asked = m_relay->feedRequests();
    QCOMPARE(asked.size(), 3);
    QCOMPARE(asked.at(0).after, 0);
    QCOMPARE(asked.at(1).after, 2);
    QCOMPARE(asked.at(2).after, 4);
    QCOMPARE(asked.at(0).wait, 0);
    QCOMPARE(asked.at(0).token, m_relay->issuedToken);
    QVERIFY(m_sync->status().connected);
    QVERIFY(m_sync->status().lastSync.isValid());
    // Again: nothing new, one request.
    const auto again = test::awaitResult<Result<RelayApplyReport>>([&](auto done) { m_sync->syncUntilCaughtUp(done); });
    QVERIFY(again && *again);
    QCOMPARE((*again)->applied(), 0);
    QCOMPARE(m_relay->feedRequests().size(), 4);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inbox")), 5);
}

void TestRelaySyncService::longPollWakesOnNewEvent()
{
    enrol();
    m_sync->start();
    QVERIFY(m_sync->isRunning());
    QTRY_COMPARE(m_relay->heldPolls(), 1);
    // The first request only asks (so "connected" shows within one round trip); the next one is
    // held at the relay until an event comes.
    QCOMPARE(m_relay->feedRequests().constFirst().wait, 0);
    QCOMPARE(m_relay->feedRequests().constLast().wait, 5);
    QVERIFY(m_sync->status().connected);
    // The held request answers as soon as an event comes: no waiting for the next poll.
    QElapsedTimer timer;
    timer.start();
    m_relay->addInbound(QStringLiteral("in1"), QStringLiteral("+254712345678"), QStringLiteral("Asante"));
    QTRY_COMPARE(scalar(QStringLiteral("SELECT count(*) FROM inbox")), 1);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE(m_relay->heldPolls(), 1);
    QCOMPARE(m_relay->feedRequests().constLast().after, 1);
    m_sync->stop();
    QVERIFY(!m_sync->status().running);
}

void TestRelaySyncService::backsOffWhileRelayIsDownThenRecovers()
{
    enrol();
    m_relay->goDown();
    QList<RelaySyncStatus> statuses;
    connect(m_sync.get(), &RelaySyncService::statusChanged, this,
            [&](const RelaySyncStatus &status) { statuses.append(status); });
    m_sync->start();
    QTRY_VERIFY(!m_sync->status().lastError.isEmpty());
    const RelaySyncStatus offline = m_sync->status();
    QVERIFY(!offline.connected);
    QVERIFY(offline.running);
    QVERIFY(offline.offlineSince.isValid());
    QVERIFY2(offline.lastError.contains(QStringLiteral("cannot reach the relay")), qPrintable(offline.lastError));
    // Several tries, each waiting longer (with jitter) up to the limit.
    QTRY_VERIFY_WITH_TIMEOUT(statuses.size() >= 6, 10000);
    QList<qint64> waits;
    for (const RelaySyncStatus &status : std::as_const(statuses)) {
        if (status.nextAttempt.isValid())
            waits << m_profile->clock().nowUtc().msecsTo(status.nextAttempt);
    }
    QVERIFY(waits.size() >= 4);
    QVERIFY2(waits.at(0) >= 40 && waits.at(0) <= 60, qPrintable(QString::number(waits.at(0))));
    QVERIFY2(waits.at(1) >= 80 && waits.at(1) <= 120, qPrintable(QString::number(waits.at(1))));
    QVERIFY2(waits.at(2) >= 160 && waits.at(2) <= 240, qPrintable(QString::number(waits.at(2))));
    for (qint64 wait : std::as_const(waits))
        QVERIFY(wait <= 400);
    QCOMPARE(m_sync->status().offlineSince, offline.offlineSince); // offline since the first failure
    // The relay comes back with what arrived meanwhile.
    m_relay->addInbound(QStringLiteral("in1"), QStringLiteral("+254712345678"), QStringLiteral("Habari"));
    QVERIFY(m_relay->comeBack());
    QTRY_COMPARE_WITH_TIMEOUT(scalar(QStringLiteral("SELECT count(*) FROM inbox")), 1, 5000);
    QTRY_VERIFY(m_sync->status().connected);
    QVERIFY(!m_sync->status().offlineSince.isValid());
    QVERIFY(m_sync->status().lastError.isEmpty());
    QVERIFY(!m_sync->status().nextAttempt.isValid());
}

void TestRelaySyncService::serverErrorsAreRetried()
{
    enrol();
    m_relay->failNext(503, 2);
    m_relay->addDelivery(QStringLiteral("ATXid_x"), QStringLiteral("Success"), QStringLiteral("+254712345678"));
    m_sync->start();
    QTRY_COMPARE(scalar(QStringLiteral("SELECT count(*) FROM delivery_reports")), 1);
    QVERIFY(m_relay->feedRequests().size() >= 3);
    QVERIFY(m_sync->status().connected);
    m_relay->failNext(429);
    m_relay->addDelivery(QStringLiteral("ATXid_y"), QStringLiteral("Success"), QStringLiteral("+254712345678"));
    QTRY_COMPARE(scalar(QStringLiteral("SELECT count(*) FROM delivery_reports")), 2);
}

void TestRelaySyncService::failureMidApplyRefetchesTheSameEvents()
{
    enrol();
    QSqlQuery q(m_profile->profile().database().connection());
    QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON inbox WHEN NEW.provider_id = 'in2' "
                                  "BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
    m_relay->addInbound(QStringLiteral("in1"), QStringLiteral("+254712345678"), QStringLiteral("STOP"));
    m_relay->addInbound(QStringLiteral("in2"), QStringLiteral("+254712345678"), QStringLiteral("Hello"));
    m_sync->start();
    QTRY_VERIFY(!m_sync->status().lastError.isEmpty());
    QVERIFY(m_sync->status().lastError.contains(QStringLiteral("Nothing was saved")));
    QCOMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM opt_outs")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM relay_events")), 0);
    // It asks again from the same cursor; once the store takes it, each event is applied once.
    QTRY_VERIFY(m_relay->feedRequests().size() >= 2);
    for (const auto &asked : m_relay->feedRequests())
        QCOMPARE(asked.after, 0);
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse")));
    QTRY_COMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inbox")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM relay_events")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM opt_outs WHERE source = 'sms'")), 1);
    QTRY_VERIFY(m_sync->status().connected);
}

void TestRelaySyncService::refusedTokenStopsAndAsksForEnrolment()
{
    enrol();
    m_relay->tokens.clear(); // the administrator revoked this device
    m_sync->start();
    QTRY_VERIFY(m_sync->status().needsEnrolment);
    QVERIFY(!m_sync->isRunning());
    QVERIFY(m_sync->status().lastError.contains(QStringLiteral("new enrolment code")));
    const int asked = int(m_relay->feedRequests().size());
    QTest::qWait(300);
    QCOMPARE(int(m_relay->feedRequests().size()), asked); // no hammering
}

void TestRelaySyncService::backoffDelays_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("minimum");
    QTest::addColumn<qint64>("expected");
    QTest::addRow("first, middle") << 1 << 0.5 << qint64(0) << qint64(2000);
    QTest::addRow("first, low jitter") << 1 << 0.0 << qint64(0) << qint64(1600);
    QTest::addRow("first, high jitter") << 1 << 1.0 << qint64(0) << qint64(2400);
    QTest::addRow("second") << 2 << 0.5 << qint64(0) << qint64(4000);
    QTest::addRow("fifth") << 5 << 0.5 << qint64(0) << qint64(32000);
    QTest::addRow("eighth") << 8 << 0.5 << qint64(0) << qint64(256000);
    QTest::addRow("capped") << 9 << 0.5 << qint64(0) << qint64(300000);
    QTest::addRow("capped, high jitter") << 20 << 1.0 << qint64(0) << qint64(300000);
    QTest::addRow("many") << 1000 << 0.5 << qint64(0) << qint64(300000);
    QTest::addRow("Retry-After wins") << 1 << 0.5 << qint64(30000) << qint64(30000);
    QTest::addRow("Retry-After capped") << 1 << 0.5 << qint64(3600000) << qint64(300000);
}

void TestRelaySyncService::backoffDelays()
{
    QFETCH(int, failures);
    QFETCH(double, random);
    QFETCH(qint64, minimum);
    QFETCH(qint64, expected);
    QCOMPARE(RelaySyncService::backoffMs(failures, RelaySyncService::Options{}, random, minimum), expected);
}

QTEST_GUILESS_MAIN(TestRelaySyncService)
#include "TestRelaySyncService.moc"
