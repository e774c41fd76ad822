// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeAfricasTalking.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/Dispatcher.h"
#include "campaigns/OutboxStore.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "gateway/AfricasTalkingGateway.h"
#include "gateway/GatewaySimulator.h"
#include "storage/Database.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include "gateway/HttpClient.h"
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

// A whole campaign through the production gateway code over real HTTP on loopback: the exact
// request Africa's Talking receives, and a gateway that fails in every documented way at once.
class TestCampaignDelivery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void theRequestAfricasTalkingReceives();
    void faultsOfEveryKindStillEndEveryoneInOneState();
    void deliveryReportsFollowTheTerminalRule();

private:
    qint64 launch(const QString &body, const QString &senderId = {});
    bool runUntilIdle(Dispatcher &dispatcher);
    std::unique_ptr<Dispatcher> dispatcherFor(const QUrl &url, const QString &username, const QString &key, int timeoutMs = 5000);

    std::unique_ptr<TempProfile> m_profile;
    std::unique_ptr<OutboxStore> m_store;
    kengele::HttpClient m_network;
    qint64 m_group = 0;
};

void TestCampaignDelivery::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    m_profile->clock().set(QDateTime(QDate(2026, 3, 2), QTime(10, 0)).toUTC());
    QVERIFY(test::fillContacts(p, 400));
    m_group = p.groups().create(QStringLiteral("Everyone"))->id;
    const auto contacts = p.contacts().fetch({}, 0, 1000);
    QList<qint64> ids;
    for (const Contact &c : *contacts)
        ids << c.id;
    QVERIFY(p.groups().addMembers(m_group, ids));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 100000, QStringLiteral("test"), {}));
    m_store = std::make_unique<OutboxStore>(p.database(), p.tokens(), p.clock());
}

void TestCampaignDelivery::cleanup()
{
    m_store.reset();
    m_profile.reset();
}

qint64 TestCampaignDelivery::launch(const QString &body, const QString &senderId)
{
    CampaignDraft d;
    d.body = body;
    d.groupIds = {m_group};
    d.gateway = GatewayKind::AfricasTalking;
    d.senderId = senderId;
    const auto launched = (*m_profile)->campaigns().launch(d);
    return launched ? launched->id : 0;
}

std::unique_ptr<Dispatcher> TestCampaignDelivery::dispatcherFor(const QUrl &url, const QString &username, const QString &key,
                                                                int timeoutMs)
{
    auto factory = [this, url, username, key, timeoutMs](GatewayKind, QString *) -> SmsGateway * {
        AfricasTalkingGateway::Settings settings;
        settings.username = username;
        settings.apiKey = key;
        settings.baseUrl = url;
        settings.requestTimeoutMs = timeoutMs;
        return new AfricasTalkingGateway(settings, m_network);
    };
    Dispatcher::Options options;
    options.respectQuietHours = false;
    options.retry.baseDelayMs = 100;
    options.retry.maxAttempts = 4;
    return std::make_unique<Dispatcher>(*m_store, factory, m_profile->clock(), options);
}

bool TestCampaignDelivery::runUntilIdle(Dispatcher &dispatcher)
{
    QSignalSpy idle(&dispatcher, &Dispatcher::idle);
    dispatcher.start();
    return (idle.count() > 0 || idle.wait(30000)) && dispatcher.isIdle();
}

void TestCampaignDelivery::theRequestAfricasTalkingReceives()
{
    test::FakeAfricasTalking fake;
    QVERIFY(fake.start());
    const qint64 id = launch(QStringLiteral("Karibu kanisani + join us @ 9am & bring a friend"), QStringLiteral("KANISA"));
    QVERIFY(id);
    auto dispatcher = dispatcherFor(fake.url(), QStringLiteral("church"), QStringLiteral("atsk_test"));
    QVERIFY(runUntilIdle(*dispatcher));
    QCOMPARE((*m_profile)->campaigns().get(id)->states.value(MessageState::Sent), 400);
    QCOMPARE(fake.requestCount(), 4); // 400 numbers, 100 a request
    const test::RecordedRequest &request = fake.requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QStringLiteral("/version1/messaging"));
    QCOMPARE(request.header("apiKey"), QByteArray("atsk_test"));
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
    QVERIFY(request.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
    QCOMPARE(request.field(QStringLiteral("username")), QStringLiteral("church"));
    QCOMPARE(request.field(QStringLiteral("from")), QStringLiteral("KANISA"));
    QCOMPARE(request.field(QStringLiteral("message")), QStringLiteral("Karibu kanisani + join us @ 9am & bring a friend"));
    const QStringList to = request.field(QStringLiteral("to")).split(u',');
    QCOMPARE(to.size(), 100);
    QVERIFY(to.first().startsWith(QStringLiteral("+2547"))); // '+' arrived as '+', not as a space
    QVERIFY(request.body.contains("%2B2547"));
}

void TestCampaignDelivery::faultsOfEveryKindStillEndEveryoneInOneState()
{
    SimulatorOptions options;
    options.username = QStringLiteral("church");
    options.apiKey = QStringLiteral("atsk_test");
    options.seed = 99;
    options.blacklistedFraction = 0.05;
    options.invalidNumberFraction = 0.03;
    options.serverErrorFraction = 0.10;
    options.rateLimitFraction = 0.10;
    options.malformedFraction = 0.05;
    options.neverAnswerFraction = 0.05;
    options.deliveryReports = false;
    GatewaySimulator simulator(options);
    QVERIFY(simulator.start());
    // The random mix depends on how the rows happen to be batched; the first request's fault is
    // fixed so that every kind of outcome occurs in every run.
    simulator.failNextRequests(GatewaySimulator::Fault::MalformedJson, 1);
    const qint64 id = launch(QStringLiteral("Dear {first_name}, choir practice moved to 3pm."));
    auto dispatcher = dispatcherFor(simulator.url(), options.username, options.apiKey, 700);
    for (int round = 0; round < 10; ++round) {
        QVERIFY(runUntilIdle(*dispatcher));
        m_profile->clock().advanceMs(10 * 60'000);
        dispatcher->stop();
    }
    const auto campaign = (*m_profile)->campaigns().get(id);
    const auto &s = campaign->states;
    QCOMPARE(s.value(MessageState::Queued) + s.value(MessageState::Submitting), 0);
    const int sent = s.value(MessageState::Sent);
    const int failed = s.value(MessageState::Failed);
    const int uncertain = s.value(MessageState::Uncertain);
    QCOMPARE(sent + failed + uncertain, 400);
    const SimulatorCounters c = simulator.counters();
    qInfo("sent %d, failed %d, uncertain %d; simulator: %d requests, %d taken, %d refused, %d accepted", sent, failed, uncertain,
          c.sendRequests, c.takenRequests, c.refusedRequests, c.accepted);
    // First what matters most: no number was ever accepted twice.
    QVERIFY2(simulator.numbersAcceptedMoreThanOnce().isEmpty(), qPrintable(simulator.numbersAcceptedMoreThanOnce().join(u',')));
    QVERIFY(failed > 0 && uncertain > 0 && sent > 200);
    // Failed ones carry the provider's reason.
    const auto failedRows = (*m_profile)->campaigns().recipients(id, MessageState::Failed, 0, 1000);
    for (const OutboxRow &row : *failedRows)
        QVERIFY2(!row.reason.isEmpty(), qPrintable(row.phone));
    const auto tokens = (*m_profile)->tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, sent);
    QCOMPARE(tokens->reserved, tokens->spent + tokens->released + tokens->held);
    QVERIFY(LedgerVerifier((*m_profile)->database()).verify()->isEmpty());
    QCOMPARE(campaign->status, CampaignStatus::Done);
}

void TestCampaignDelivery::deliveryReportsFollowTheTerminalRule()
{
    SimulatorOptions options;
    options.username = QStringLiteral("church");
    options.apiKey = QStringLiteral("atsk_test");
    options.seed = 5;
    options.reportDelayMinMs = 10;
    options.reportDelayMaxMs = 50;
    options.undeliverableFraction = 0.1;
    GatewaySimulator simulator(options);
    QVERIFY(simulator.start());
    // Reports come straight from the simulator (until the relay exists) and are applied in batches.
    QList<DeliveryReport> reports;
    connect(&simulator, &GatewaySimulator::deliveryReport, this, [&](const DeliveryReport &r) { reports.append(r); });
    const qint64 id = launch(QStringLiteral("Hello"));
    auto dispatcher = dispatcherFor(simulator.url(), options.username, options.apiKey);
    QVERIFY(runUntilIdle(*dispatcher));
    QTRY_COMPARE_WITH_TIMEOUT(simulator.pendingReports(), 0, 10000);
    QCOMPARE(reports.size(), 400);
    QVERIFY(m_store->applyDeliveryReports(reports));
    const auto s = (*m_profile)->campaigns().get(id)->states;
    QCOMPARE(s.value(MessageState::Delivered) + s.value(MessageState::Failed) + s.value(MessageState::Sent), 400);
    QVERIFY(s.value(MessageState::Delivered) > 300);
    QVERIFY(s.value(MessageState::Failed) > 0);
    // The same report twice is one event; a late "Failed" after "Success" does not undo delivery
    // (it is kept); an unknown message id is kept too.
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT message_id FROM outbox WHERE state = 'delivered' LIMIT 1")) && q.next());
    const QString delivered = q.value(0).toString();
    DeliveryReport late{delivered, QStringLiteral("Failed"), {}, QStringLiteral("63902"), QStringLiteral("DeliveryFailure"), {}};
    DeliveryReport unknown{QStringLiteral("ATXid_unknown"), QStringLiteral("Success"), {}, {}, {}, {}};
    QCOMPARE(*m_store->applyDeliveryReports({late, late, unknown}), 0);
    QVERIFY(q.exec(QStringLiteral("SELECT state FROM outbox WHERE message_id = '%1'").arg(delivered)) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("delivered"));
    QVERIFY(
        q.exec(QStringLiteral("SELECT count(*) FROM delivery_reports WHERE message_id IN ('%1', 'ATXid_unknown')").arg(delivered))
        && q.next());
    QCOMPARE(q.value(0).toInt(), 3); // Success + the late Failed (once) + the unknown one
    // Not every network gives a networkCode: such a report still applies. (A row still waiting
    // for its report, made so here.)
    QVERIFY(q.exec(QStringLiteral("SELECT message_id FROM outbox WHERE state = 'failed' LIMIT 1")) && q.next());
    const QString waiting = q.value(0).toString();
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE message_id = '%1'").arg(waiting)));
    QVERIFY(q.exec(QStringLiteral("DELETE FROM delivery_reports WHERE message_id = '%1'").arg(waiting)));
    DeliveryReport bare{waiting, QStringLiteral("Success"), {}, {}, {}, {}};
    const auto applied = m_store->applyDeliveryReports({bare});
    QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
    QCOMPARE(*applied, 1);

    // Reports find their message by number and id (the unique number-campaign pair). A number written without
    // its '+' is still the same number; the right id with another number is not this message.
    QVERIFY(q.exec(QStringLiteral("SELECT id, message_id, phone FROM outbox WHERE state = 'delivered' ORDER BY id LIMIT 2")));
    QList<std::tuple<qint64, QString, QString>> rows;
    while (q.next())
        rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    QCOMPARE(rows.size(), 2);
    for (const auto &row : std::as_const(rows)) {
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE id = %1").arg(std::get<0>(row))));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM delivery_reports WHERE message_id = '%1'").arg(std::get<1>(row))));
    }
    const auto &[firstId, firstMessage, firstPhone] = rows.at(0);
    const auto &[secondId, secondMessage, secondPhone] = rows.at(1);
    DeliveryReport withoutPlus{firstMessage, QStringLiteral("Success"), firstPhone.mid(1), QStringLiteral("63902"), {}, {}};
    DeliveryReport otherNumber{secondMessage,           QStringLiteral("Failed"),          firstPhone,
                               QStringLiteral("63902"), QStringLiteral("DeliveryFailure"), {}};
    QCOMPARE(*m_store->applyDeliveryReports({withoutPlus, otherNumber}), 1);
    QVERIFY(q.exec(QStringLiteral("SELECT state, network FROM outbox WHERE id = %1").arg(firstId)) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("delivered"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("Safaricom"));
    QVERIFY(q.exec(QStringLiteral("SELECT state FROM outbox WHERE id = %1").arg(secondId)) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("sent"));
    // Kept all the same, tied to no message.
    QVERIFY(q.exec(QStringLiteral("SELECT outbox_id FROM delivery_reports WHERE message_id = '%1'").arg(secondMessage))
            && q.next());
    QVERIFY(q.value(0).isNull());
    // A late report with its number is tied to its message, which stays delivered.
    DeliveryReport lateWithNumber{
        firstMessage, QStringLiteral("Failed"), firstPhone, QStringLiteral("63902"), QStringLiteral("DeliveryFailure"), {}};
    QCOMPARE(*m_store->applyDeliveryReports({lateWithNumber}), 0);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM delivery_reports WHERE message_id = '%1' AND outbox_id = %2")
                       .arg(firstMessage)
                       .arg(firstId))
            && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY(q.exec(QStringLiteral("SELECT state FROM outbox WHERE id = %1").arg(firstId)) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("delivered"));
}

QTEST_GUILESS_MAIN(TestCampaignDelivery)
#include "TestCampaignDelivery.moc"
