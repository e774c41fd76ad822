// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/DeliveryReportApplier.h"
#include "campaigns/OutboxStore.h"
#include "campaigns/OutboxWriter.h"
#include "contacts/ContactService.h"
#include "gateway/DeliveryReport.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

// The outbox state machine on its own: what claim() takes and in which order, and how a message
// moves queued -> submitting -> sent -> delivered / failed (or back to queued, or uncertain), with
// the tokens that go with it. Six people, +254712000000 to +254712000005; campaigns go through
// Africa's Talking and pay one token per part from Main.
class TestOutboxStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void claimTakesHighestPriorityFirstThenOldest();
    void claimBatchesOneTextUpToTheRequestSize();
    void duringQuietHoursOnlyUrgentIsClaimed();
    void sentThenDeliveredOrFailed();
    void retryAndRequeueGoBackToTheQueue();
    void terminalStatesNeverGoBack();
    void interruptedBecomeUncertainOnRecovery();
    void cancelLeavesWhatWasSent();
    void aNumberGetsACampaignOnce();
    void launchRowsAreWrittenInNumberOrder();
    // Delivery reports confirm messages with no report yet (Kengele never heard back).
    void reportConfirmsAnUncertainMessage();
    void failedReportConfirmsAndKeepsTokensSpent();
    void reportKeptFirstConfirmsWhenTheMessageBecomesUncertain();
    void reportKeptFirstConfirmsAnInterruptedMessage();
    void confirmWindowIsOneDayAfterTheAttempt_data();
    void confirmWindowIsOneDayAfterTheAttempt();
    void reportKeptFirstOutsideTheWindowStaysUntied();
    void neverTiedToAMessageWithAKnownId();
    void oneReportConfirmsTheOldestOfTwo();
    void withoutReportCountsWhatIsStillUnknown();

private:
    qint64 launch(const QList<int> &people, Priority priority = Priority::Normal,
                  const QString &body = QStringLiteral("Service at 9 on Sunday"));
    QString state(qint64 outboxId) const;
    QStringList states(qint64 campaignId) const; // in outbox order
    QString campaignStatus(qint64 campaignId) const;
    QVariant value(const QString &sql) const;
    qint64 balance(const QString &account) const;
    void checkLedger();
    // Launches `people`, claims them and leaves their messages uncertain (the answer never came).
    QList<WorkItem> uncertain(const QList<int> &people, qint64 *campaignId);
    static Outcome outcome(const WorkItem &item, qint64 campaignId, Outcome::Kind kind, const QString &messageId = {});
    static QList<WorkItem> items(const QList<WorkBatch> &batches);
    static QString phone(int person) { return QStringLiteral("+2547120000%1").arg(person, 2, 10, QLatin1Char('0')); }

    std::unique_ptr<TempProfile> m_profile;
    std::unique_ptr<OutboxStore> m_store;
    QList<qint64> m_people;
};

void TestOutboxStore::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    m_profile->clock().set(QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC));
    m_people.clear();
    for (int i = 0; i < 6; ++i) {
        ContactInput input;
        input.firstName = QStringLiteral("Member%1").arg(i);
        input.phone = QStringLiteral("07120000%1").arg(i, 2, 10, QLatin1Char('0'));
        const auto added = p.contacts().add(input);
        QVERIFY(added);
        QCOMPARE(added->phone, phone(i));
        m_people << added->id;
    }
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 1000, QStringLiteral("test"), {}));
    m_store = std::make_unique<OutboxStore>(p.database(), p.tokens(), p.clock());
}

void TestOutboxStore::cleanup()
{
    m_store.reset();
    m_profile.reset();
}

qint64 TestOutboxStore::launch(const QList<int> &people, Priority priority, const QString &body)
{
    CampaignDraft d;
    d.name = QStringLiteral("Test");
    d.body = body;
    for (const int person : people)
        d.contactIds << m_people.at(person);
    d.priority = priority;
    d.gateway = GatewayKind::AfricasTalking;
    const auto launched = (*m_profile)->campaigns().launch(d);
    if (!launched)
        qWarning() << launched.error().message;
    return launched ? launched->id : 0;
}

QVariant TestOutboxStore::value(const QString &sql) const
{
    QSqlQuery q((*m_profile)->database().connection());
    if (!q.exec(sql) || !q.next())
        return q.lastError().text();
    return q.value(0);
}

QString TestOutboxStore::state(qint64 outboxId) const
{
    return value(QStringLiteral("SELECT state FROM outbox WHERE id = %1").arg(outboxId)).toString();
}

QStringList TestOutboxStore::states(qint64 campaignId) const
{
    QSqlQuery q((*m_profile)->database().connection());
    QStringList out;
    if (!q.exec(QStringLiteral("SELECT state FROM outbox WHERE campaign_id = %1 ORDER BY id").arg(campaignId)))
        return {q.lastError().text()};
    while (q.next())
        out << q.value(0).toString();
    return out;
}

qint64 TestOutboxStore::balance(const QString &account) const
{
    return value(QStringLiteral("SELECT coalesce(sum(e.amount), 0) FROM token_entries e JOIN token_accounts a "
                                "ON a.id = e.account_id WHERE a.name = '%1'")
                     .arg(account))
        .toLongLong();
}

void TestOutboxStore::checkLedger()
{
    const auto problems = LedgerVerifier((*m_profile)->database()).verify();
    QVERIFY(problems);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->isEmpty() ? QString() : problems->first().message));
}

QList<WorkItem> TestOutboxStore::uncertain(const QList<int> &people, qint64 *campaignId)
{
    const qint64 id = launch(people);
    *campaignId = id;
    const QList<WorkItem> claimed = items(*m_store->claim(10, 100, false));
    QList<Outcome> outcomes;
    for (const WorkItem &item : claimed)
        outcomes << outcome(item, id, Outcome::Kind::Uncertain);
    if (!m_store->apply(outcomes))
        return {};
    return claimed;
}

QString TestOutboxStore::campaignStatus(qint64 campaignId) const
{
    return value(QStringLiteral("SELECT status FROM campaigns WHERE id = %1").arg(campaignId)).toString();
}

Outcome TestOutboxStore::outcome(const WorkItem &item, qint64 campaignId, Outcome::Kind kind, const QString &messageId)
{
    Outcome o;
    o.outboxId = item.outboxId;
    o.campaignId = campaignId;
    o.segments = item.segments;
    o.charged = true;
    o.kind = kind;
    o.messageId = messageId;
    return o;
}

QList<WorkItem> TestOutboxStore::items(const QList<WorkBatch> &batches)
{
    QList<WorkItem> all;
    for (const WorkBatch &batch : batches)
        all << batch.items;
    return all;
}

void TestOutboxStore::claimTakesHighestPriorityFirstThenOldest()
{
    TempProfile &profile = *m_profile;
    const qint64 normal = launch({0, 1}, Priority::Normal);
    profile.clock().advanceMs(60'000);
    const qint64 urgent = launch({2, 3}, Priority::Urgent);
    profile.clock().advanceMs(60'000);
    const qint64 low = launch({0}, Priority::Low);
    profile.clock().advanceMs(60'000);
    const qint64 laterNormal = launch({4, 5}, Priority::Normal);
    QVERIFY(normal && urgent && low && laterNormal);

    // Urgent first although launched later; then the normal ones, oldest first; five at most.
    const auto first = m_store->claim(5, 100, false);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first->size(), 3);
    QCOMPARE(first->at(0).campaignId, urgent);
    QCOMPARE(first->at(1).campaignId, normal);
    QCOMPARE(first->at(2).campaignId, laterNormal);
    QCOMPARE(first->at(0).items.size(), 2);
    QCOMPARE(first->at(1).items.size(), 2);
    QCOMPARE(first->at(2).items.size(), 1);
    QCOMPARE(first->at(2).items.constFirst().phone, phone(4)); // a campaign's rows in the order of their numbers
    for (const WorkItem &item : items(*first)) {
        QCOMPARE(state(item.outboxId), QStringLiteral("submitting"));
        QCOMPARE(item.attempts, 1);
        QCOMPARE(item.segments, 1);
    }
    QCOMPARE(first->at(0).text, QStringLiteral("Service at 9 on Sunday"));
    QCOMPARE(first->at(0).gateway, std::optional(GatewayKind::AfricasTalking));
    QVERIFY(first->at(0).charged);
    QCOMPARE(campaignStatus(urgent), QStringLiteral("sending"));
    QCOMPARE(campaignStatus(low), QStringLiteral("queued"));

    // Then the rest: the later normal campaign's last message before the low one.
    const auto second = m_store->claim(10, 100, false);
    QVERIFY(second);
    QCOMPARE(second->size(), 2);
    QCOMPARE(second->at(0).campaignId, laterNormal);
    QCOMPARE(second->at(0).items.constFirst().phone, phone(5));
    QCOMPARE(second->at(1).campaignId, low);
    QVERIFY(m_store->claim(10, 100, false)->isEmpty());
    QCOMPARE(*m_store->nextDue(false), 0);
}

void TestOutboxStore::claimBatchesOneTextUpToTheRequestSize()
{
    const qint64 shared = launch({0, 1, 2, 3, 4});
    const qint64 personal = launch({0, 1}, Priority::Normal, QStringLiteral("Habari {first_name}"));
    const auto batches = m_store->claim(100, 2, false);
    QVERIFY(batches);
    // One text in requests of at most two numbers; a personalised text is a request of its own.
    QList<qsizetype> sizes;
    for (const WorkBatch &batch : *batches)
        sizes << batch.items.size();
    QCOMPARE(sizes, (QList<qsizetype>{2, 2, 1, 1, 1}));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(batches->at(i).campaignId, shared);
    QCOMPARE(batches->at(3).campaignId, personal);
    QCOMPARE(batches->at(3).text, QStringLiteral("Habari Member0"));
    QCOMPARE(batches->at(4).text, QStringLiteral("Habari Member1"));
}

void TestOutboxStore::duringQuietHoursOnlyUrgentIsClaimed()
{
    TempProfile &profile = *m_profile;
    const qint64 normal = launch({0, 1});
    profile.clock().advanceMs(60'000);
    const qint64 urgent = launch({2}, Priority::Urgent);
    const qint64 urgentDue = profile.clock().nowMs();

    QCOMPARE(*m_store->nextDue(true), urgentDue);
    QCOMPARE(*m_store->nextDue(false), urgentDue - 60'000);
    const auto quiet = m_store->claim(10, 100, true);
    QVERIFY(quiet);
    QCOMPARE(quiet->size(), 1);
    QCOMPARE(quiet->constFirst().campaignId, urgent);
    QCOMPARE(states(normal), (QStringList{QStringLiteral("queued"), QStringLiteral("queued")}));
    QCOMPARE(campaignStatus(normal), QStringLiteral("queued"));
    // Nothing urgent waits any more; the normal ones go when the quiet hours end.
    QCOMPARE(*m_store->nextDue(true), 0);
    QVERIFY(m_store->claim(10, 100, true)->isEmpty());
    const auto morning = m_store->claim(10, 100, false);
    QVERIFY(morning);
    QCOMPARE(items(*morning).size(), 2);
}

void TestOutboxStore::sentThenDeliveredOrFailed()
{
    Profile &p = **m_profile;
    const qint64 id = launch({0, 1, 2});
    QCOMPARE(p.tokens().campaignTokens(id)->held, 3);
    const QList<WorkItem> claimed = items(*m_store->claim(10, 100, false));
    QCOMPARE(claimed.size(), 3);

    // The gateway took two and refused one for good.
    Outcome refused = outcome(claimed.at(2), id, Outcome::Kind::Failed);
    refused.reason = QStringLiteral("Invalid number");
    QVERIFY(m_store->apply({outcome(claimed.at(0), id, Outcome::Kind::Sent, QStringLiteral("m0")),
                            outcome(claimed.at(1), id, Outcome::Kind::Sent, QStringLiteral("m1")), refused}));
    QCOMPARE(states(id), (QStringList{QStringLiteral("sent"), QStringLiteral("sent"), QStringLiteral("failed")}));
    QCOMPARE(value(QStringLiteral("SELECT message_id FROM outbox WHERE id = %1").arg(claimed.at(0).outboxId)).toString(),
             QStringLiteral("m0"));
    QCOMPARE(value(QStringLiteral("SELECT reason FROM outbox WHERE id = %1").arg(claimed.at(2).outboxId)).toString(),
             QStringLiteral("Invalid number"));
    auto tokens = p.tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 2);
    QCOMPARE(tokens->released, 1);
    QCOMPARE(tokens->held, 0);

    // A report that is not final keeps the message sent (and notes the network).
    const QDateTime now = m_profile->clock().nowUtc();
    QCOMPARE(*m_store->applyDeliveryReports(
                 {{QStringLiteral("m0"), QStringLiteral("Buffered"), phone(0), QStringLiteral("63902"), {}, now}}),
             0);
    QCOMPARE(state(claimed.at(0).outboxId), QStringLiteral("sent"));
    QCOMPARE(value(QStringLiteral("SELECT network FROM outbox WHERE id = %1").arg(claimed.at(0).outboxId)).toString(),
             QStringLiteral("Safaricom"));

    // Final reports: one delivered, one failed.
    const auto changed = m_store->applyDeliveryReports(
        {{QStringLiteral("m0"), QStringLiteral("Success"), phone(0), QStringLiteral("63902"), {}, now},
         {QStringLiteral("m1"), QStringLiteral("Rejected"), phone(1), QStringLiteral("63903"), QStringLiteral("DeliveryFailure"),
          now}});
    QVERIFY(changed);
    QCOMPARE(*changed, 2);
    QCOMPARE(states(id), (QStringList{QStringLiteral("delivered"), QStringLiteral("failed"), QStringLiteral("failed")}));
    QCOMPARE(value(QStringLiteral("SELECT reason FROM outbox WHERE id = %1").arg(claimed.at(1).outboxId)).toString(),
             QStringLiteral("Rejected: DeliveryFailure"));
    QCOMPARE(value(QStringLiteral("SELECT network FROM outbox WHERE id = %1").arg(claimed.at(1).outboxId)).toString(),
             QStringLiteral("Airtel Kenya"));
    // Reported failures were sent, and paid for: no tokens move.
    tokens = p.tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 2);
    QCOMPARE(tokens->released, 1);

    // Everything has left the queue: the campaign is done.
    QCOMPARE(*m_store->finishCampaigns(), QList<qint64>{id});
    QCOMPARE(campaignStatus(id), QStringLiteral("done"));
    QVERIFY(m_store->finishCampaigns()->isEmpty());
}

void TestOutboxStore::retryAndRequeueGoBackToTheQueue()
{
    TempProfile &profile = *m_profile;
    const qint64 id = launch({0, 1});
    const QList<WorkItem> claimed = items(*m_store->claim(10, 100, false));
    QCOMPARE(claimed.size(), 2);
    const qint64 now = profile.clock().nowMs();

    // A retry counts the attempt and waits; a requeue (never reached the gateway) does not count it.
    Outcome retry = outcome(claimed.at(0), id, Outcome::Kind::Retry);
    retry.dueAt = now + 60'000;
    retry.reason = QStringLiteral("Kengele will try again shortly");
    Outcome requeue = outcome(claimed.at(1), id, Outcome::Kind::Requeue);
    requeue.dueAt = now;
    QVERIFY(m_store->apply({retry, requeue}));
    QCOMPARE(states(id), (QStringList{QStringLiteral("queued"), QStringLiteral("queued")}));
    QCOMPARE(value(QStringLiteral("SELECT attempts FROM outbox WHERE id = %1").arg(claimed.at(0).outboxId)).toInt(), 1);
    QCOMPARE(value(QStringLiteral("SELECT attempts FROM outbox WHERE id = %1").arg(claimed.at(1).outboxId)).toInt(), 0);
    QCOMPARE(*m_store->nextDue(false), now);
    QCOMPARE((*m_profile)->tokens().campaignTokens(id)->held, 2); // nothing spent or released

    // Now only the requeued one is due; the retry a minute later, as its second attempt.
    const QList<WorkItem> again = items(*m_store->claim(10, 100, false));
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.constFirst().outboxId, claimed.at(1).outboxId);
    QCOMPARE(again.constFirst().attempts, 1);
    QCOMPARE(*m_store->nextDue(false), now + 60'000);
    profile.clock().advanceMs(60'000);
    const QList<WorkItem> later = items(*m_store->claim(10, 100, false));
    QCOMPARE(later.size(), 1);
    QCOMPARE(later.constFirst().outboxId, claimed.at(0).outboxId);
    QCOMPARE(later.constFirst().attempts, 2);
}

void TestOutboxStore::terminalStatesNeverGoBack()
{
    Profile &p = **m_profile;
    const qint64 id = launch({0, 1, 2});
    const QList<WorkItem> claimed = items(*m_store->claim(10, 100, false));
    QVERIFY(m_store->apply({outcome(claimed.at(0), id, Outcome::Kind::Sent, QStringLiteral("m0")),
                            outcome(claimed.at(1), id, Outcome::Kind::Sent, QStringLiteral("m1")),
                            outcome(claimed.at(2), id, Outcome::Kind::Failed)}));
    const QDateTime now = m_profile->clock().nowUtc();
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("m0"), QStringLiteral("Success"), phone(0), {}, {}, now},
                                             {QStringLiteral("m1"), QStringLiteral("Failed"), phone(1), {}, {}, now}}),
             2);
    const QStringList settled{QStringLiteral("delivered"), QStringLiteral("failed"), QStringLiteral("failed")};
    QCOMPARE(states(id), settled);

    // Late or contradicting reports, the same report again: kept, but nothing moves.
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("m0"), QStringLiteral("Failed"), phone(0), {}, {}, now},
                                             {QStringLiteral("m1"), QStringLiteral("Success"), phone(1), {}, {}, now},
                                             {QStringLiteral("m0"), QStringLiteral("Success"), phone(0), {}, {}, now}}),
             0);
    QCOMPARE(states(id), settled);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM delivery_reports")).toInt(), 4);

    // An outcome for a message that is no longer being sent changes nothing and moves no tokens.
    QVERIFY(m_store->apply({outcome(claimed.at(0), id, Outcome::Kind::Failed),
                            outcome(claimed.at(2), id, Outcome::Kind::Sent, QStringLiteral("late")),
                            outcome(claimed.at(1), id, Outcome::Kind::Uncertain)}));
    QCOMPARE(states(id), settled);
    const auto tokens = p.tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 2);
    QCOMPARE(tokens->released, 1);

    // Nor do a person's decisions touch them.
    QCOMPARE(*m_store->resendUncertain(id), 0);
    QCOMPARE(*m_store->cancel(id), 0);
    QCOMPARE(states(id), settled);
    QVERIFY(m_store->claim(10, 100, false)->isEmpty());
}

void TestOutboxStore::interruptedBecomeUncertainOnRecovery()
{
    Profile &p = **m_profile;
    const qint64 id = launch({0, 1});
    const qint64 waiting = launch({2});
    QCOMPARE(items(*m_store->claim(2, 100, false)).size(), 2); // the first campaign's, then the process stops

    const auto recovered = m_store->recoverInterrupted();
    QVERIFY(recovered);
    QCOMPARE(*recovered, 2);
    QCOMPARE(states(id), (QStringList{QStringLiteral("uncertain"), QStringLiteral("uncertain")}));
    QCOMPARE(states(waiting), QStringList{QStringLiteral("queued")}); // never claimed: still waits
    QVERIFY(!value(QStringLiteral("SELECT reason FROM outbox WHERE campaign_id = %1 LIMIT 1").arg(id)).toString().isEmpty());
    QCOMPARE(*m_store->recoverInterrupted(), 0);

    // Never sent again on its own: only the other campaign's message is claimed.
    const QList<WorkItem> next = items(*m_store->claim(10, 100, false));
    QCOMPARE(next.size(), 1);
    QCOMPARE(value(QStringLiteral("SELECT campaign_id FROM outbox WHERE id = %1").arg(next.constFirst().outboxId)).toLongLong(),
             waiting);
    QCOMPARE(p.tokens().campaignTokens(id)->held, 2); // neither spent nor given back

    // A person chooses to send them again.
    QCOMPARE(*m_store->resendUncertain(id), 2);
    QCOMPARE(states(id), (QStringList{QStringLiteral("queued"), QStringLiteral("queued")}));
    QCOMPARE(campaignStatus(id), QStringLiteral("sending"));
    const QList<WorkItem> resent = items(*m_store->claim(10, 100, false));
    QCOMPARE(resent.size(), 2);
    QCOMPARE(resent.constFirst().attempts, 2);
}

void TestOutboxStore::cancelLeavesWhatWasSent()
{
    Profile &p = **m_profile;
    const qint64 id = launch({0, 1, 2});
    const QList<WorkItem> first = items(*m_store->claim(1, 100, false));
    QCOMPARE(first.size(), 1);
    QVERIFY(m_store->apply({outcome(first.constFirst(), id, Outcome::Kind::Sent, QStringLiteral("m0"))}));

    QCOMPARE(*m_store->cancel(id), 2);
    QCOMPARE(states(id), (QStringList{QStringLiteral("sent"), QStringLiteral("cancelled"), QStringLiteral("cancelled")}));
    QCOMPARE(campaignStatus(id), QStringLiteral("cancelled"));
    const auto tokens = p.tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 1);
    QCOMPARE(tokens->released, 2);
    QCOMPARE(tokens->held, 0);
    QVERIFY(m_store->claim(10, 100, false)->isEmpty());
}

void TestOutboxStore::aNumberGetsACampaignOnce()
{
    const qint64 first = launch({0, 1});
    const qint64 second = launch({2});
    QSqlDatabase db = (*m_profile)->database().connection();
    const qint64 now = m_profile->clock().nowMs();
    const NewMessage again{m_people.at(0), phone(0), QStringLiteral("Member0"), QStringLiteral("Again"), 1};
    {
        Transaction transaction(db);
        const Status refused = OutboxWriter::insertQueued(db, first, 1, now, now, {again});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Storage);
    }
    {
        Transaction transaction(db);
        const NewMessage three{m_people.at(3), phone(3), QStringLiteral("Member3"), QStringLiteral("Twice"), 1};
        QVERIFY(!OutboxWriter::insertQueued(db, second, 1, now, now, {three, three}));
    }
    QCOMPARE(states(first).size(), 2);
    QCOMPARE(states(second).size(), 1);
    // The same number in another campaign is fine.
    Transaction transaction(db);
    QVERIFY(OutboxWriter::insertQueued(db, second, 1, now, now, {again}));
    QVERIFY(transaction.commit());
    QCOMPARE(states(second).size(), 2);
}

void TestOutboxStore::launchRowsAreWrittenInNumberOrder()
{
    const qint64 id = launch({0});
    // 250 messages, given in reverse: whole statements of 100 rows and one of the rest.
    QList<NewMessage> messages;
    for (int i = 250; i > 0; --i) {
        const QString number = QStringLiteral("+2547130%1").arg(i, 5, 10, QLatin1Char('0'));
        messages.append(NewMessage{0, number, QStringLiteral("Guest %1").arg(i), QStringLiteral("Text %1").arg(i), 1 + i % 3});
    }
    QSqlDatabase db = (*m_profile)->database().connection();
    const qint64 now = m_profile->clock().nowMs();
    Transaction transaction(db);
    QVERIFY(OutboxWriter::insertQueued(db, id, int(Priority::High), now + 5, now, messages));
    QVERIFY(transaction.commit());

    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT phone, name, text, segments, priority, due_at, updated_at, contact_id IS NULL, state "
                                  "FROM outbox WHERE campaign_id = %1 AND phone LIKE '+2547130%' ORDER BY id")
                       .arg(id)));
    int i = 1;
    while (q.next()) {
        QCOMPARE(q.value(0).toString(), QStringLiteral("+2547130%1").arg(i, 5, 10, QLatin1Char('0')));
        QCOMPARE(q.value(1).toString(), QStringLiteral("Guest %1").arg(i));
        QCOMPARE(q.value(2).toString(), QStringLiteral("Text %1").arg(i));
        QCOMPARE(q.value(3).toInt(), 1 + i % 3);
        QCOMPARE(q.value(4).toInt(), int(Priority::High));
        QCOMPARE(q.value(5).toLongLong(), now + 5);
        QCOMPARE(q.value(6).toLongLong(), now);
        QVERIFY(q.value(7).toBool());
        QCOMPARE(q.value(8).toString(), QStringLiteral("queued"));
        ++i;
    }
    QCOMPARE(i, 251);
}

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "TestOutboxStore.moc"

// The request left, no answer came (a timeout), so Kengele never learnt the provider's id. A report
// for that number with an id Kengele never recorded, within a day, proves the message was sent.
void TestOutboxStore::reportConfirmsAnUncertainMessage()
{
    Profile &p = **m_profile;
    qint64 id = 0;
    const QList<WorkItem> claimed = uncertain({0, 1}, &id);
    QCOMPARE(claimed.size(), 2);
    QCOMPARE(states(id), (QStringList{QStringLiteral("uncertain"), QStringLiteral("uncertain")}));
    QCOMPARE(balance(QStringLiteral("Reserved")), 2);
    const qint64 mainBefore = balance(QStringLiteral("Main"));

    m_profile->clock().advanceMs(3 * 60 * 60 * 1000); // three hours later
    const QDateTime now = m_profile->clock().nowUtc();
    // The number as Africa's Talking writes it in a report may have lost its '+'.
    const auto changed = m_store->applyDeliveryReports(
        {{QStringLiteral("ATXid_late"), QStringLiteral("Success"), phone(0).mid(1), QStringLiteral("63902"), {}, now}});
    QVERIFY(changed);
    QCOMPARE(*changed, 1);
    const qint64 row = claimed.at(0).outboxId;
    QCOMPARE(states(id), (QStringList{QStringLiteral("delivered"), QStringLiteral("uncertain")}));
    QCOMPARE(value(QStringLiteral("SELECT message_id FROM outbox WHERE id = %1").arg(row)).toString(),
             QStringLiteral("ATXid_late"));
    QCOMPARE(value(QStringLiteral("SELECT network FROM outbox WHERE id = %1").arg(row)).toString(), QStringLiteral("Safaricom"));
    QCOMPARE(value(QStringLiteral("SELECT confirmed_at FROM outbox WHERE id = %1").arg(row)).toLongLong(),
             now.toMSecsSinceEpoch());
    QCOMPARE(value(QStringLiteral("SELECT reason FROM outbox WHERE id = %1").arg(row)).toString(),
             QStringLiteral("Confirmed by a delivery report"));
    QCOMPARE(value(QStringLiteral("SELECT outbox_id FROM delivery_reports WHERE message_id = 'ATXid_late'")).toLongLong(), row);
    // The campaign page shows it in the message's history.
    const auto rows = p.campaigns().recipients(id, MessageState::Delivered, 0, 10);
    QVERIFY(rows && rows->size() == 1);
    QCOMPARE(rows->first().confirmed, now);
    QVERIFY(!p.campaigns().recipients(id, MessageState::Uncertain, 0, 10)->first().confirmed.isValid());

    // Tokens as for any message the gateway took: spent once, the other still held.
    const auto tokens = p.tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 1);
    QCOMPARE(tokens->held, 1);
    QCOMPARE(tokens->released, 0);
    QCOMPARE(balance(QStringLiteral("Spent")), 1);
    QCOMPARE(balance(QStringLiteral("Reserved")), 1);
    QCOMPARE(balance(QStringLiteral("Main")), mainBefore);
    checkLedger();

    // The same report again, and its later statuses, find the message by its id now: nothing moves twice.
    QCOMPARE(*m_store->applyDeliveryReports(
                 {{QStringLiteral("ATXid_late"), QStringLiteral("Success"), phone(0), QStringLiteral("63902"), {}, now}}),
             0);
    QCOMPARE(p.tokens().campaignTokens(id)->spent, 1);
    checkLedger();

    // The other one is still without report; sending it again still works.
    QCOMPARE(*m_store->resendUncertain(id), 1);
    QCOMPARE(states(id), (QStringList{QStringLiteral("delivered"), QStringLiteral("queued")}));
}

void TestOutboxStore::failedReportConfirmsAndKeepsTokensSpent()
{
    Profile &p = **m_profile;
    qint64 id = 0;
    const QList<WorkItem> claimed = uncertain({0}, &id);
    QCOMPARE(claimed.size(), 1);
    const qint64 mainBefore = balance(QStringLiteral("Main"));
    const QDateTime now = m_profile->clock().nowUtc().addSecs(60);
    // A non-final report first (it proves the message was sent), then the failure.
    QCOMPARE(*m_store->applyDeliveryReports(
                 {{QStringLiteral("ATXid_f"), QStringLiteral("Buffered"), phone(0), QStringLiteral("63903"), {}, now},
                  {QStringLiteral("ATXid_f"), QStringLiteral("Rejected"), phone(0), QStringLiteral("63903"),
                   QStringLiteral("DeliveryFailure"), now}}),
             2);
    QCOMPARE(states(id), QStringList{QStringLiteral("failed")});
    QCOMPARE(value(QStringLiteral("SELECT reason FROM outbox WHERE campaign_id = %1").arg(id)).toString(),
             QStringLiteral("Rejected: DeliveryFailure"));
    QVERIFY(!value(QStringLiteral("SELECT confirmed_at FROM outbox WHERE campaign_id = %1").arg(id)).isNull());
    // A failure the network reported was sent, and paid for, like any reported failure.
    const auto tokens = p.tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 1);
    QCOMPARE(tokens->released, 0);
    QCOMPARE(tokens->held, 0);
    QCOMPARE(balance(QStringLiteral("Spent")), 1);
    QCOMPARE(balance(QStringLiteral("Reserved")), 0);
    QCOMPARE(balance(QStringLiteral("Main")), mainBefore);
    checkLedger();
}

// The report came while the request was still waiting for its answer (kept for no message); the
// answer then never came.
void TestOutboxStore::reportKeptFirstConfirmsWhenTheMessageBecomesUncertain()
{
    Profile &p = **m_profile;
    const qint64 id = launch({0, 1});
    const QList<WorkItem> claimed = items(*m_store->claim(10, 100, false));
    QCOMPARE(claimed.size(), 2);
    m_profile->clock().advanceMs(5000);
    const QDateTime now = m_profile->clock().nowUtc();
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("early"), QStringLiteral("Success"), phone(1), {}, {}, now}}), 0);
    QVERIFY(value(QStringLiteral("SELECT outbox_id FROM delivery_reports WHERE message_id = 'early'")).isNull());

    m_profile->clock().advanceMs(25000);
    QVERIFY(m_store->apply(
        {outcome(claimed.at(0), id, Outcome::Kind::Uncertain), outcome(claimed.at(1), id, Outcome::Kind::Uncertain)}));
    QCOMPARE(states(id), (QStringList{QStringLiteral("uncertain"), QStringLiteral("delivered")}));
    const qint64 row = claimed.at(1).outboxId;
    QCOMPARE(value(QStringLiteral("SELECT message_id FROM outbox WHERE id = %1").arg(row)).toString(), QStringLiteral("early"));
    QCOMPARE(value(QStringLiteral("SELECT outbox_id FROM delivery_reports WHERE message_id = 'early'")).toLongLong(), row);
    QVERIFY(!value(QStringLiteral("SELECT confirmed_at FROM outbox WHERE id = %1").arg(row)).isNull());
    const auto tokens = p.tokens().campaignTokens(id);
    QCOMPARE(tokens->spent, 1);
    QCOMPARE(tokens->held, 1);
    QCOMPARE(balance(QStringLiteral("Spent")), 1);
    QCOMPARE(balance(QStringLiteral("Reserved")), 1);
    checkLedger();
}

// kill -9 during the request: the report came before the restart marked the message uncertain.
void TestOutboxStore::reportKeptFirstConfirmsAnInterruptedMessage()
{
    Profile &p = **m_profile;
    const qint64 id = launch({0, 1, 2});
    QCOMPARE(items(*m_store->claim(10, 100, false)).size(), 3);
    m_profile->clock().advanceMs(60'000);
    const QDateTime now = m_profile->clock().nowUtc();
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("k0"), QStringLiteral("Failed"), phone(0), {}, {}, now},
                                             {QStringLiteral("k2"), QStringLiteral("Sent"), phone(2), {}, {}, now}}),
             0);
    m_profile->clock().advanceMs(60'000);
    const auto left = m_store->recoverInterrupted();
    QVERIFY(left);
    QCOMPARE(*left, 1); // still without report
    QCOMPARE(states(id), (QStringList{QStringLiteral("failed"), QStringLiteral("uncertain"), QStringLiteral("sent")}));
    QCOMPARE(p.tokens().campaignTokens(id)->spent, 2);
    QCOMPARE(p.tokens().campaignTokens(id)->held, 1);
    QCOMPARE(balance(QStringLiteral("Spent")), 2);
    checkLedger();
    // The sent one moves on with its next report, found by the id it took.
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("k2"), QStringLiteral("Success"), phone(2), {}, {}, now}}), 1);
    QCOMPARE(states(id), (QStringList{QStringLiteral("failed"), QStringLiteral("uncertain"), QStringLiteral("delivered")}));
}

void TestOutboxStore::confirmWindowIsOneDayAfterTheAttempt_data()
{
    QTest::addColumn<bool>("reportFirst");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<bool>("tied");
    const qint64 day = 24LL * 60 * 60 * 1000;
    QTest::addRow("uncertain first, exactly a day") << false << day << true;
    QTest::addRow("uncertain first, a day and 1 ms") << false << day + 1 << false;
    QTest::addRow("report first, exactly a day") << true << day << true;
    QTest::addRow("report first, a day and 1 ms") << true << day + 1 << false;
    // The report carries the relay's clock: one a few minutes behind this computer's still counts.
    const qint64 skew = DeliveryReportApplier::ClockSkewMs;
    QTest::addRow("uncertain first, stamped 10 min before") << false << -skew << true;
    QTest::addRow("uncertain first, stamped 10 min and 1 ms before") << false << -skew - 1 << false;
    QTest::addRow("report first, stamped 10 min before") << true << -skew << true;
    QTest::addRow("report first, stamped 10 min and 1 ms before") << true << -skew - 1 << false;
}

void TestOutboxStore::confirmWindowIsOneDayAfterTheAttempt()
{
    QFETCH(bool, reportFirst);
    QFETCH(qint64, after);
    QFETCH(bool, tied);
    Profile &p = **m_profile;
    const qint64 id = launch({0});
    const QList<WorkItem> claimed = items(*m_store->claim(10, 100, false));
    QCOMPARE(claimed.size(), 1);
    const QDateTime attempt = m_profile->clock().nowUtc();
    const DeliveryReport report{QStringLiteral("w"), QStringLiteral("Success"), phone(0), {}, {}, attempt.addMSecs(after)};
    if (reportFirst) {
        QVERIFY(m_store->applyDeliveryReports({report}));
        m_profile->clock().advanceMs(qMax<qint64>(after, 0) + 1000); // the restart, after the report came
        QCOMPARE(*m_store->recoverInterrupted(), tied ? 0 : 1);
    } else {
        m_profile->clock().advanceMs(30'000);
        QVERIFY(m_store->apply({outcome(claimed.first(), id, Outcome::Kind::Uncertain)}));
        m_profile->clock().advanceMs(qMax<qint64>(after, 0));
        QVERIFY(m_store->applyDeliveryReports({report}));
    }
    QCOMPARE(states(id), QStringList{tied ? QStringLiteral("delivered") : QStringLiteral("uncertain")});
    QCOMPARE(value(QStringLiteral("SELECT outbox_id IS NULL FROM delivery_reports WHERE message_id = 'w'")).toInt(),
             tied ? 0 : 1);
    QCOMPARE(p.tokens().campaignTokens(id)->spent, tied ? 1 : 0);
    checkLedger();
}

void TestOutboxStore::reportKeptFirstOutsideTheWindowStaysUntied()
{
    // A report from well before the attempt (another send to that number) confirms nothing.
    const qint64 id = launch({0});
    const QDateTime before = m_profile->clock().nowUtc().addMSecs(-DeliveryReportApplier::ClockSkewMs - 1);
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("old"), QStringLiteral("Success"), phone(0), {}, {}, before}}), 0);
    const QList<WorkItem> claimed = items(*m_store->claim(10, 100, false));
    QVERIFY(m_store->apply({outcome(claimed.first(), id, Outcome::Kind::Uncertain)}));
    QCOMPARE(states(id), QStringList{QStringLiteral("uncertain")});
    QVERIFY(value(QStringLiteral("SELECT outbox_id FROM delivery_reports WHERE message_id = 'old'")).isNull());
}

void TestOutboxStore::neverTiedToAMessageWithAKnownId()
{
    Profile &p = **m_profile;
    // Sent with id m0, then its report failed it and a person sent it again; the second try had no
    // answer. It still carries the id of the first: a report with another id is not its proof.
    const qint64 id = launch({0});
    QList<WorkItem> claimed = items(*m_store->claim(10, 100, false));
    QVERIFY(m_store->apply({outcome(claimed.first(), id, Outcome::Kind::Sent, QStringLiteral("m0"))}));
    const QDateTime now = m_profile->clock().nowUtc();
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("m0"), QStringLiteral("Failed"), phone(0), {}, {}, now}}), 1);
    QCOMPARE(*m_store->retryFailed(id), 1);
    claimed = items(*m_store->claim(10, 100, false));
    QCOMPARE(claimed.size(), 1);
    QVERIFY(m_store->apply({outcome(claimed.first(), id, Outcome::Kind::Uncertain)}));
    QCOMPARE(states(id), QStringList{QStringLiteral("uncertain")});
    const qint64 spent = p.tokens().campaignTokens(id)->spent;

    QCOMPARE(
        *m_store->applyDeliveryReports({{QStringLiteral("m1"), QStringLiteral("Success"), phone(0), {}, {}, now.addSecs(60)}}),
        0);
    QCOMPARE(states(id), QStringList{QStringLiteral("uncertain")});
    QCOMPARE(value(QStringLiteral("SELECT message_id FROM outbox WHERE campaign_id = %1").arg(id)).toString(),
             QStringLiteral("m0"));
    QVERIFY(value(QStringLiteral("SELECT outbox_id FROM delivery_reports WHERE message_id = 'm1'")).isNull());
    QCOMPARE(p.tokens().campaignTokens(id)->spent, spent);
    checkLedger();
}

void TestOutboxStore::oneReportConfirmsTheOldestOfTwo()
{
    Profile &p = **m_profile;
    qint64 first = 0;
    qint64 second = 0;
    QCOMPARE(uncertain({0}, &first).size(), 1);
    m_profile->clock().advanceMs(60 * 60 * 1000);
    QCOMPARE(uncertain({0}, &second).size(), 1);
    m_profile->clock().advanceMs(60'000);
    const QDateTime now = m_profile->clock().nowUtc();

    // One report: the older attempt.
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("r1"), QStringLiteral("Success"), phone(0), {}, {}, now}}), 1);
    QCOMPARE(states(first), QStringList{QStringLiteral("delivered")});
    QCOMPARE(states(second), QStringList{QStringLiteral("uncertain")});
    // Its next status stays with it; a second id confirms the other one.
    QCOMPARE(*m_store->applyDeliveryReports({{QStringLiteral("r1"), QStringLiteral("Failed"), phone(0), {}, {}, now},
                                             {QStringLiteral("r2"), QStringLiteral("Failed"), phone(0), {}, {}, now}}),
             1);
    QCOMPARE(states(first), QStringList{QStringLiteral("delivered")});
    QCOMPARE(states(second), QStringList{QStringLiteral("failed")});
    QCOMPARE(p.tokens().campaignTokens(first)->spent, 1);
    QCOMPARE(p.tokens().campaignTokens(second)->spent, 1);
    QCOMPARE(balance(QStringLiteral("Spent")), 2);
    QCOMPARE(balance(QStringLiteral("Reserved")), 0);
    checkLedger();

    // The same with the reports first: two kept for no message, two messages left uncertain at once.
    qint64 third = 0;
    const qint64 id = launch({1});
    const QList<WorkItem> a = items(*m_store->claim(10, 100, false));
    m_profile->clock().advanceMs(1000);
    third = launch({1});
    const QList<WorkItem> b = items(*m_store->claim(10, 100, false));
    const QDateTime later = m_profile->clock().nowUtc().addSecs(5);
    QCOMPARE(
        *m_store->applyDeliveryReports({{QStringLiteral("s1"), QStringLiteral("Success"), phone(1), {}, {}, later},
                                        {QStringLiteral("s2"), QStringLiteral("Failed"), phone(1), {}, {}, later.addSecs(1)}}),
        0);
    QVERIFY(
        m_store->apply({outcome(b.first(), third, Outcome::Kind::Uncertain), outcome(a.first(), id, Outcome::Kind::Uncertain)}));
    QCOMPARE(states(id), QStringList{QStringLiteral("delivered")}); // the older attempt took the earlier report
    QCOMPARE(states(third), QStringList{QStringLiteral("failed")});
    QCOMPARE(value(QStringLiteral("SELECT message_id FROM outbox WHERE campaign_id = %1").arg(id)).toString(),
             QStringLiteral("s1"));
    checkLedger();
}

void TestOutboxStore::withoutReportCountsWhatIsStillUnknown()
{
    qint64 id = 0;
    QCOMPARE(uncertain({0, 1, 2}, &id).size(), 3);
    auto counts = m_store->withoutReport(id);
    QVERIFY(counts);
    QCOMPARE(counts->count, 3);
    QCOMPARE(counts->recent, 3); // a report may still come for each
    QCOMPARE(*m_store->applyDeliveryReports(
                 {{QStringLiteral("x"), QStringLiteral("Success"), phone(1), {}, {}, m_profile->clock().nowUtc()}}),
             1);
    m_profile->clock().advanceMs(24LL * 60 * 60 * 1000 + 1);
    counts = m_store->withoutReport(id);
    QCOMPARE(counts->count, 2);
    QCOMPARE(counts->recent, 0);
}
