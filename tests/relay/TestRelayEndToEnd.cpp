// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The whole path of a delivery report, as in production but on loopback: the built-in simulator
// (speaking Africa's Talking's wire format) accepts a campaign and posts its delivery reports to
// the relay's hook; the desktop's sync service pulls them from the relay's feed and applies them
// to the outbox. The relay is stopped and started again in the middle (the simulator retries its
// callbacks, the sync service backs off and resumes), and the sync service itself is restarted
// from its stored cursor. Every report must arrive once: none lost, none applied twice.
#include "FakeSecretStore.h"
#include "RelayHarness.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/Dispatcher.h"
#include "campaigns/OutboxStore.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "gateway/GatewayConnection.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelaySyncService.h"
#include "tokens/TokenLedger.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::RelayHarness;
using kengele::test::TempProfile;

class TestRelayEndToEnd final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("kengele.*.debug=false\nkengele.relay.access=false\nkengele.sync.info=false"));
    }
    void reportsTravelThroughARestartedRelayOnceEach();

private:
    static int scalar(Database &db, const QString &sql)
    {
        QSqlQuery query(db.connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
};

void TestRelayEndToEnd::reportsTravelThroughARestartedRelayOnceEach()
{
    constexpr int Members = 300;

    // The relay, with an organisation and an enrolment code.
    RelayHarness relay(RelayHarness::Backend::Sqlite);
    QString why;
    QVERIFY2(relay.open(&why), qPrintable(why));
    QVERIFY(relay.start());
    auto org = relay::createOrganisation(relay.store(), relay.masterKey(), QStringLiteral("St Paul's Church"),
                                         relay.baseUrl().toString());
    QVERIFY(org);
    auto code = relay::createEnrolCode(relay.store(), org->org.id, 24);
    QVERIFY(code);

    // The desktop: a congregation, tokens, and the link to the relay.
    TempProfile profile;
    Profile &p = *profile;
    profile.clock().set(QDateTime::currentDateTimeUtc());
    QVERIFY(test::fillContacts(p, Members));
    const qint64 group = p.groups().create(QStringLiteral("Everyone"))->id;
    QList<qint64> ids;
    const auto contacts = p.contacts().fetch({}, 0, Members);
    QVERIFY(contacts);
    for (const Contact &c : *contacts)
        ids << c.id;
    QVERIFY(p.groups().addMembers(group, ids));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 10000, QStringLiteral("test"), {}));

    QNetworkAccessManager network;
    RelayClient client(network);
    test::FakeSecretStore secrets;
    RelayConnector connector(p.settings(), secrets, p.relayLinks(), client);
    bool connected = false;
    connector.connectDevice(relay.baseUrl().toString(), code->code, QStringLiteral("Office PC"),
                            [&](Result<RelayEnrolment> result) { connected = result.has_value(); });
    QTRY_VERIFY_WITH_TIMEOUT(connected, 10000);
    client.setBaseUrl(relay.baseUrl());
    client.setToken(RelayConnector::token(secrets));
    QVERIFY(client.hasToken());

    // Sending: the simulator posts its reports only to the relay's hook, as Africa's Talking does.
    SimulatorOptions simulator;
    simulator.reportDelayMinMs = 200;
    simulator.reportDelayMaxMs = 2500;
    simulator.callbackUrl = QUrl(org->hooks.value(QLatin1String("at_delivery")).toString());
    simulator.reportsOnlyThroughCallback = true;
    std::unique_ptr<GatewayConnection> connection;
    OutboxStore outbox(p.database(), p.tokens(), p.clock());
    auto factory = [&](GatewayKind, QString *whyNot) -> SmsGateway * {
        auto made = GatewayConnection::simulation(simulator, whyNot);
        return made.release();
    };
    Dispatcher::Options options;
    options.respectQuietHours = false;
    Dispatcher dispatcher(outbox, factory, profile.clock(), options);

    CampaignDraft draft;
    draft.body = QStringLiteral("Habari {first_name|rafiki}, ibada ni saa tatu asubuhi.");
    draft.groupIds = {group};
    draft.gateway = GatewayKind::Simulator;
    const auto launched = p.campaigns().launch(draft);
    QVERIFY2(launched, launched ? "" : qPrintable(launched.error().message));
    const qint64 campaign = launched->id;

    RelaySyncService::Options syncOptions;
    syncOptions.waitSeconds = 2;
    syncOptions.firstRetryMs = 200;
    syncOptions.maxRetryMs = 1000;
    syncOptions.minPollIntervalMs = 50;
    auto sync = std::make_unique<RelaySyncService>(p.database(), p.contacts(), p.tokens(), client, profile.clock());
    sync->setOptions(syncOptions);
    bool wentOffline = false;
    connect(sync.get(), &RelaySyncService::statusChanged, this,
            [&](const RelaySyncStatus &status) { wentOffline = wentOffline || status.offlineSince.isValid(); });
    sync->start();

    QSignalSpy idle(&dispatcher, &Dispatcher::idle);
    dispatcher.start();
    QVERIFY(idle.wait(30000));
    QCOMPARE(p.campaigns().get(campaign)->states.value(MessageState::Sent)
                 + p.campaigns().get(campaign)->states.value(MessageState::Delivered),
             Members);

    auto delivered = [&] {
        return p.campaigns().get(campaign)->states.value(MessageState::Delivered);
    };
    // Some reports are through; then the relay goes away for a while.
    QTRY_VERIFY_WITH_TIMEOUT(delivered() > 0, 15000);
    relay.stop();
    QTest::qWait(1500);
    // The sync service noticed (it is offline), and the simulator keeps its reports for later.
    QVERIFY(delivered() < Members);
    QTRY_VERIFY_WITH_TIMEOUT(wentOffline, 5000);
    QVERIFY(relay.start());

    // The sync service is restarted too, from the cursor it stored.
    QTest::qWait(300);
    sync->stop();
    sync = std::make_unique<RelaySyncService>(p.database(), p.contacts(), p.tokens(), client, profile.clock());
    sync->setOptions(syncOptions);
    sync->start();

    QTRY_COMPARE_WITH_TIMEOUT(delivered(), Members, 60000);
    sync->stop();

    // The relay has each report once (the simulator's retries were duplicates or late), and the
    // desktop applied each relay event once, with its cursor at the end of the feed.
    // (After the organisation's first event, its demo voucher: docs/relay.md.)
    const auto events = relay.store().eventsAfter(org->org.id, 1, 10000);
    QVERIFY(events);
    QCOMPARE(events->size(), Members);
    Database &db = p.database();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM relay_events")), Members + 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT seq) FROM relay_events")), Members + 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT cursor FROM relay_link")), Members + 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM delivery_reports")), Members);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'delivered'")), Members);
}

QTEST_GUILESS_MAIN(TestRelayEndToEnd)
#include "TestRelayEndToEnd.moc"
