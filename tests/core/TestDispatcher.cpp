// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScriptedGateway.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/Dispatcher.h"
#include "campaigns/OutboxStore.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "storage/Database.h"
#include "tokens/TokenLedger.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTimer>
#include <QtTest>

using namespace kengele;
using kengele::test::ScriptedGateway;
using kengele::test::TempProfile;

// The dispatcher and the outbox state machine (architecture.md §3.1, §4) against a scripted gateway.
class TestDispatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void identicalTextGoesInBatches();
    void personalisedGoOneEachWithBoundedInFlight();
    void perRecipientOutcomes();
    void notTakenIsRetriedLater();
    void unreachableGatewayWaitsWithoutSpendingAttempts();
    void uncertainIsNeverResentAutomatically();
    void refusedPausesTheCampaign();
    void unknownGatewayPausesTheCampaign();
    void interruptedBecomesUncertainAtStart();
    void optOutDuringCampaignIsHonoured();
    void quietHoursHoldAllButUrgent();
    void quietHoursTurnedOffLetHeldMessagesGo();
    void cancelReleasesTokens();
    void everyRecipientEndsInOneState();

private:
    qint64 launch(const QString &body, Priority priority = Priority::Normal);
    bool runUntilIdle(Dispatcher &dispatcher, int timeoutMs = 10000);
    QMap<MessageState, int> states(qint64 campaignId);
    std::unique_ptr<Dispatcher> dispatcher(ScriptedGateway *gateway, Dispatcher::Options options = {});

    std::unique_ptr<TempProfile> m_profile;
    std::unique_ptr<OutboxStore> m_store;
    qint64 m_group = 0;
    QList<qint64> m_contacts;
};

void TestDispatcher::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    // Outside quiet hours: 10:00 local time today.
    m_profile->clock().set(QDateTime(QDate(2026, 3, 2), QTime(10, 0)).toUTC());
    QVERIFY(test::fillContacts(p, 250));
    m_group = p.groups().create(QStringLiteral("Everyone"))->id;
    m_contacts.clear();
    const auto contacts = p.contacts().fetch({}, 0, 1000);
    for (const Contact &c : *contacts)
        m_contacts << c.id;
    QVERIFY(p.groups().addMembers(m_group, m_contacts));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 100000, QStringLiteral("test"), {}));
    m_store = std::make_unique<OutboxStore>(p.database(), p.tokens(), p.clock());
}

void TestDispatcher::cleanup()
{
    m_store.reset();
    m_profile.reset();
}

qint64 TestDispatcher::launch(const QString &body, Priority priority)
{
    CampaignDraft d;
    d.name = QStringLiteral("Test");
    d.body = body;
    d.groupIds = {m_group};
    d.gateway = GatewayKind::AfricasTalking;
    d.priority = priority;
    const auto launched = (*m_profile)->campaigns().launch(d);
    if (!launched)
        qWarning() << launched.error().message;
    return launched ? launched->id : 0;
}

std::unique_ptr<Dispatcher> TestDispatcher::dispatcher(ScriptedGateway *gateway, Dispatcher::Options options)
{
    auto factory = [gateway](GatewayKind, QString *) -> SmsGateway * {
        return gateway;
    };
    auto made = std::make_unique<Dispatcher>(*m_store, factory, m_profile->clock(), options);
    // The dispatcher owns a gateway once it asks for one (and takes it from this parent); one it never
    // asked for (nothing to send) goes with it as its child.
    gateway->setParent(made.get());
    return made;
}

bool TestDispatcher::runUntilIdle(Dispatcher &dispatcher, int timeoutMs)
{
    QSignalSpy idle(&dispatcher, &Dispatcher::idle);
    dispatcher.start();
    if (idle.isEmpty() && !idle.wait(timeoutMs))
        return false;
    return dispatcher.isIdle();
}

QMap<MessageState, int> TestDispatcher::states(qint64 campaignId)
{
    return (*m_profile)->campaigns().get(campaignId)->states;
}

void TestDispatcher::identicalTextGoesInBatches()
{
    const qint64 id = launch(QStringLiteral("Service at 9 on Sunday"));
    auto *gateway = new ScriptedGateway;
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(id).value(MessageState::Sent), 250);
    QCOMPARE(gateway->requests.size(), 3); // 100 + 100 + 50
    QCOMPARE(gateway->requests.first().phones.size(), 100);
    QCOMPARE((*m_profile)->campaigns().get(id)->status, CampaignStatus::Done);
    const auto tokens = (*m_profile)->tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 250);
}

void TestDispatcher::personalisedGoOneEachWithBoundedInFlight()
{
    const qint64 id = launch(QStringLiteral("Dear {first_name} {last_name}"));
    auto *gateway = new ScriptedGateway;
    gateway->answerDelayMs = 2;
    Dispatcher::Options options;
    options.maxInFlight = 4;
    auto d = dispatcher(gateway, options);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(gateway->requests.size(), 250);
    QVERIFY(gateway->maxInFlight <= 4);
    QVERIFY(gateway->maxInFlight >= 2);
    QCOMPARE(states(id).value(MessageState::Sent), 250);
}

void TestDispatcher::perRecipientOutcomes()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    auto *gateway = new ScriptedGateway([](const SendRequest &request) {
        SendResult result = ScriptedGateway::acceptAll(request);
        for (RecipientResult &r : result.recipients) {
            if (r.phone.endsWith(u'1')) {
                r.outcome = RecipientResult::Outcome::PermanentFailure;
                r.status = QStringLiteral("UserInBlacklist");
                r.messageId.clear();
            }
        }
        result.recipients.removeIf([](const RecipientResult &r) { return r.phone.endsWith(u'7'); });
        return result;
    });
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    const auto s = states(id);
    QCOMPARE(s.value(MessageState::Failed), 25);
    QCOMPARE(s.value(MessageState::Uncertain), 25); // not mentioned in the answer
    QCOMPARE(s.value(MessageState::Sent), 200);
    const auto failed = (*m_profile)->campaigns().recipients(id, MessageState::Failed, 0, 1);
    QCOMPARE(failed->first().reason, QStringLiteral("UserInBlacklist"));
    const auto tokens = (*m_profile)->tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 200);
    QCOMPARE(tokens->released, 25);
    QCOMPARE(tokens->held, 25); // uncertain: held until a person decides
}

void TestDispatcher::notTakenIsRetriedLater()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    int calls = 0;
    auto *gateway = new ScriptedGateway([&calls](const SendRequest &request) {
        if (++calls == 1) {
            SendResult busy;
            busy.kind = SendResult::Kind::NotTaken;
            busy.httpStatus = 503;
            busy.message = QStringLiteral("busy");
            busy.retryAfterMs = 5000;
            return busy;
        }
        return ScriptedGateway::acceptAll(request);
    });
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(id).value(MessageState::Queued), 100); // the first batch waits
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT min(due_at), max(attempts) FROM outbox WHERE state = 'queued'")) && q.next());
    QVERIFY(q.value(0).toLongLong() >= m_profile->clock().nowMs() + 5000);
    QCOMPARE(q.value(1).toInt(), 1);
    // Later the retry goes out and succeeds.
    m_profile->clock().advanceMs(11 * 60'000);
    d->stop();
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(id).value(MessageState::Sent), 250);
}

void TestDispatcher::unreachableGatewayWaitsWithoutSpendingAttempts()
{
    const qint64 id = launch(QStringLiteral("Service at 9 on Sunday")); // identical: batches of 100
    // The internet is down for the first 3 seconds of (test) time: far more tries than the 6
    // attempts a message has.
    const qint64 backOnline = m_profile->clock().nowMs() + 3000;
    bool offlineSeen = false;
    QList<qsizetype> sizesWhileOffline; // numbers in each request that failed after the first
    auto *gateway = new ScriptedGateway([&](const SendRequest &request) {
        if (m_profile->clock().nowMs() < backOnline) {
            if (offlineSeen)
                sizesWhileOffline << request.phones.size();
            SendResult down;
            down.kind = SendResult::Kind::NotTaken;
            down.unreachable = true;
            down.message = QStringLiteral("no connection");
            return down;
        }
        return ScriptedGateway::acceptAll(request);
    });
    Dispatcher::Options options;
    options.offlineRetryMs = 100;
    options.maxOfflineRetryMs = 400;
    auto d = dispatcher(gateway, options);
    QSignalSpy offline(d.get(), &Dispatcher::gatewayOffline);
    QSignalSpy online(d.get(), &Dispatcher::gatewayOnline);
    connect(d.get(), &Dispatcher::gatewayOffline, this, [&] { offlineSeen = true; });
    // The test clock stands still by itself: move it on while the dispatcher waits.
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [this] { m_profile->clock().advanceMs(20); });
    tick.start(2);
    QSignalSpy idle(d.get(), &Dispatcher::idle);
    d->start();
    QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty() && d->isIdle(), 20000);
    tick.stop();
    const auto s = states(id);
    QCOMPARE(s.value(MessageState::Sent), 250);
    QCOMPARE(s.value(MessageState::Failed), 0);
    QVERIFY2(offline.size() >= 4, qPrintable(QString::number(offline.size()))); // several waits, doubling
    QCOMPARE(online.size(), 1);
    // While offline, one message tries the way at a time; the rest wait in the queue.
    QVERIFY(!sizesWhileOffline.isEmpty());
    for (const qsizetype size : std::as_const(sizesWhileOffline))
        QCOMPARE(size, qsizetype(1));
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT max(attempts) FROM outbox WHERE campaign_id = %1").arg(id)) && q.next());
    QCOMPARE(q.value(0).toInt(), 1); // waiting for the connection spent no attempt
    const QList<QVariant> first = offline.first();
    QCOMPARE(first.at(0).toString(), QStringLiteral("no connection"));
    QVERIFY(first.at(1).toLongLong() > 0);
}

void TestDispatcher::uncertainIsNeverResentAutomatically()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    auto *gateway = new ScriptedGateway([](const SendRequest &) {
        SendResult timeout;
        timeout.kind = SendResult::Kind::Uncertain;
        timeout.message = QStringLiteral("timed out");
        return timeout;
    });
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(id).value(MessageState::Uncertain), 250);
    const int requests = int(gateway->requests.size());
    m_profile->clock().advanceMs(3600'000);
    d->stop();
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(int(gateway->requests.size()), requests);
    // A person's click sends them again.
    gateway->script = &ScriptedGateway::acceptAll;
    QCOMPARE(*m_store->resendUncertain(id), 250);
    d->stop();
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(id).value(MessageState::Sent), 250);
}

void TestDispatcher::refusedPausesTheCampaign()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    auto *gateway = new ScriptedGateway([](const SendRequest &) {
        SendResult refused;
        refused.kind = SendResult::Kind::Refused;
        refused.httpStatus = 401;
        refused.message = QStringLiteral("Africa's Talking did not accept the API key");
        return refused;
    });
    auto d = dispatcher(gateway);
    QSignalSpy paused(d.get(), &Dispatcher::campaignPaused);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(paused.count(), 1);
    const auto campaign = (*m_profile)->campaigns().get(id);
    QCOMPARE(campaign->status, CampaignStatus::Paused);
    QVERIFY(campaign->statusReason.contains(QStringLiteral("API key")));
    QCOMPARE(campaign->states.value(MessageState::Queued), 250);
    QVERIFY(gateway->requests.size() <= Dispatcher::Options().maxInFlight); // only what was already in flight
    // Fixed and resumed: everything goes.
    gateway->script = &ScriptedGateway::acceptAll;
    QVERIFY(m_store->resume(id));
    d->stop();
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(id).value(MessageState::Sent), 250);
}

void TestDispatcher::unknownGatewayPausesTheCampaign()
{
    // A gateway name no Kengele writes (a database edited by hand): nothing is sent, and the
    // campaign waits for a person with the name in the reason (GatewayKind.h).
    const qint64 id = launch(QStringLiteral("Hello"));
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE campaigns SET gateway = 'carrier-pigeon' WHERE id = %1").arg(id)));
    int asked = 0;
    auto factory = [&asked](GatewayKind, QString *) -> SmsGateway * {
        ++asked;
        return nullptr;
    };
    Dispatcher d(*m_store, factory, m_profile->clock(), {});
    QSignalSpy paused(&d, &Dispatcher::campaignPaused);
    QVERIFY(runUntilIdle(d));
    QCOMPARE(asked, 0);
    QVERIFY(!paused.isEmpty()); // once for each batch claimed before the pause, as for any unusable gateway
    for (const QList<QVariant> &signal : std::as_const(paused)) {
        QCOMPARE(signal.at(0).toLongLong(), id);
        QCOMPARE(signal.at(1).toString(), QStringLiteral("Kengele does not know the gateway “carrier-pigeon”."));
    }
    const auto campaign = (*m_profile)->campaigns().get(id);
    QCOMPARE(campaign->status, CampaignStatus::Paused);
    QCOMPARE(campaign->statusReason, QStringLiteral("Kengele does not know the gateway “carrier-pigeon”."));
    QCOMPARE(campaign->states.value(MessageState::Queued), 250);
    QCOMPARE((*m_profile)->tokens().campaignTokens(id)->spent, 0);
}

void TestDispatcher::interruptedBecomesUncertainAtStart()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    // A claim that never got its answer: as after a crash.
    QVERIFY(m_store->claim(100, 100, false));
    QCOMPARE(states(id).value(MessageState::Submitting), 100);
    auto *gateway = new ScriptedGateway;
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(id).value(MessageState::Uncertain), 100);
    QCOMPARE(states(id).value(MessageState::Sent), 150);
    for (auto it = gateway->timesSent.cbegin(); it != gateway->timesSent.cend(); ++it)
        QCOMPARE(it.value(), 1);
}

void TestDispatcher::optOutDuringCampaignIsHonoured()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    const QString phone = (*m_profile)->contacts().get(m_contacts.last())->phone;
    QVERIFY((*m_profile)->contacts().optOut(phone, QStringLiteral("STOP"), QStringLiteral("sms")));
    auto *gateway = new ScriptedGateway;
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(id).value(MessageState::Cancelled), 1);
    QCOMPARE(states(id).value(MessageState::Sent), 249);
    QVERIFY(!gateway->timesSent.contains(phone));
    QCOMPARE((*m_profile)->tokens().campaignTokens(id)->released, 1);
}

void TestDispatcher::quietHoursHoldAllButUrgent()
{
    m_profile->clock().set(QDateTime(QDate(2026, 3, 2), QTime(22, 30)).toUTC());
    const qint64 normal = launch(QStringLiteral("Choir practice moved"));
    const qint64 urgent = launch(QStringLiteral("Funeral today at 2pm"), Priority::Urgent);
    auto *gateway = new ScriptedGateway;
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(urgent).value(MessageState::Sent), 250);
    QCOMPARE(states(normal).value(MessageState::Queued), 250);
    // Morning: the rest goes.
    m_profile->clock().set(QDateTime(QDate(2026, 3, 3), QTime(7, 1)).toUTC());
    d->stop();
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(normal).value(MessageState::Sent), 250);
}

void TestDispatcher::quietHoursTurnedOffLetHeldMessagesGo()
{
    m_profile->clock().set(QDateTime(QDate(2026, 3, 2), QTime(22, 30)).toUTC());
    const qint64 normal = launch(QStringLiteral("Choir practice moved"));
    auto *gateway = new ScriptedGateway;
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    QCOMPARE(states(normal).value(MessageState::Queued), 250);
    // Someone chooses "No quiet hours" while it runs: the held messages go at once, at night.
    d->setQuietHours(QuietHours{}, false);
    QTRY_COMPARE_WITH_TIMEOUT(states(normal).value(MessageState::Sent), 250, 10000);
}

void TestDispatcher::cancelReleasesTokens()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    QCOMPARE(*m_store->cancel(id), 250);
    const auto tokens = (*m_profile)->tokens().campaignTokens(id);
    QCOMPARE(tokens->released, 250);
    QCOMPARE(tokens->held, 0);
    auto *gateway = new ScriptedGateway;
    auto d = dispatcher(gateway);
    QVERIFY(runUntilIdle(*d));
    QVERIFY(gateway->requests.isEmpty());
    QCOMPARE((*m_profile)->campaigns().get(id)->status, CampaignStatus::Cancelled);
}

void TestDispatcher::everyRecipientEndsInOneState()
{
    // A gateway that does a bit of everything, at random but reproducibly.
    const qint64 id = launch(QStringLiteral("Dear {first_name}"));
    QRandomGenerator random(2026);
    auto *gateway = new ScriptedGateway([&random](const SendRequest &request) {
        SendResult result = ScriptedGateway::acceptAll(request);
        switch (random.bounded(10)) {
        case 0:
            result.kind = SendResult::Kind::NotTaken;
            result.recipients.clear();
            break;
        case 1:
            result.kind = SendResult::Kind::Uncertain;
            result.recipients.clear();
            break;
        case 2:
            result.recipients.first().outcome = RecipientResult::Outcome::TransientFailure;
            result.recipients.first().status = QStringLiteral("InsufficientBalance");
            break;
        case 3:
            result.recipients.first().outcome = RecipientResult::Outcome::PermanentFailure;
            result.recipients.first().status = QStringLiteral("InvalidPhoneNumber");
            break;
        default:
            break;
        }
        return result;
    });
    Dispatcher::Options options;
    options.retry.maxAttempts = 3;
    auto d = dispatcher(gateway, options);
    for (int round = 0; round < 12; ++round) {
        QVERIFY(runUntilIdle(*d));
        m_profile->clock().advanceMs(15 * 60'000);
        d->stop();
    }
    const auto s = states(id);
    QCOMPARE(s.value(MessageState::Queued) + s.value(MessageState::Submitting), 0);
    QCOMPARE(s.value(MessageState::Sent) + s.value(MessageState::Failed) + s.value(MessageState::Uncertain), 250);
    // Accepted once at most: nobody got the text twice.
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = %1 AND state = 'sent'").arg(id)) && q.next());
    QCOMPARE(q.value(0).toInt(), s.value(MessageState::Sent));
    const auto tokens = (*m_profile)->tokens().campaignTokens(id);
    QCOMPARE(tokens->reserved, tokens->spent + tokens->released + tokens->held);
    QCOMPARE(tokens->spent, s.value(MessageState::Sent));
    QCOMPARE(tokens->held, s.value(MessageState::Uncertain));
}

QTEST_GUILESS_MAIN(TestDispatcher)
#include "TestDispatcher.moc"
