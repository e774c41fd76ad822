// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "contacts/ContactService.h"
#include "storage/Database.h"
#include "sync/RelayEventApplier.h"
#include "sync/RelayLinkStore.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;

// Applying the relay's events to the local store: one transaction with the cursor, each event
// once, and what every kind does (docs/relay.md, architecture.md §3.2, §4).
class TestRelayEventApplier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cursorAndEventsCommitTogether();
    void failureMidBatchSavesNothing();
    void duplicatesAreAppliedOnce();
    void stopKeywordsOptOutWithSource_data();
    void stopKeywordsOptOutWithSource();
    void providerOptOut();
    void prayerRequestsGoToIntake();
    void inboxTiedToContact();
    void lateFailedAfterSuccessKeepsDelivered();
    void reportConfirmsAMessageWithNoReportYet();
    void darajaAndUnknownKindsAreKept();
    void otherOrganisationIsRefused();

private:
    RelayEvent event(qint64 seq, const QString &kind, const QJsonObject &data) const;
    RelayEvent inbound(qint64 seq, const QString &id, const QString &from, const QString &text) const;
    Result<RelayApplyReport> apply(const QList<RelayEvent> &events);
    qint64 scalar(const QString &sql);
    QString text(const QString &sql);
    void insertSentMessage(const QString &messageId, const QString &phone);

    std::unique_ptr<test::TempProfile> m_profile;
    std::unique_ptr<RelayEventApplier> m_applier;
};

void TestRelayEventApplier::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    Profile &p = m_profile->profile();
    m_applier = std::make_unique<RelayEventApplier>(p.database(), p.contacts(), p.tokens(), m_profile->clock());
    RelayLinkStore links(p.database(), m_profile->clock());
    QVERIFY(links.saveEnrolment(
        RelayEnrolment{QStringLiteral("dev_1"), QStringLiteral("secret"), QStringLiteral("org_a"), QStringLiteral("Parish")}));
    ContactInput mary;
    mary.firstName = QStringLiteral("Mary");
    mary.lastName = QStringLiteral("Wanjiku");
    mary.phone = QStringLiteral("0712 345 678");
    QVERIFY(p.contacts().add(mary));
}

void TestRelayEventApplier::cleanup()
{
    m_applier.reset();
    m_profile.reset();
}

RelayEvent TestRelayEventApplier::event(qint64 seq, const QString &kind, const QJsonObject &data) const
{
    return RelayEvent{seq, kind, QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC).addSecs(seq), data};
}

RelayEvent TestRelayEventApplier::inbound(qint64 seq, const QString &id, const QString &from, const QString &text) const
{
    return event(seq, QStringLiteral("at.inbound"),
                 QJsonObject{{QStringLiteral("id"), id},
                             {QStringLiteral("from"), from},
                             {QStringLiteral("to"), QStringLiteral("22384")},
                             {QStringLiteral("text"), text},
                             {QStringLiteral("date"), QStringLiteral("2026-03-01 11:00:00")},
                             {QStringLiteral("linkId"), QString()},
                             {QStringLiteral("networkCode"), QStringLiteral("63902")}});
}

Result<RelayApplyReport> TestRelayEventApplier::apply(const QList<RelayEvent> &events)
{
    return m_applier->apply(QStringLiteral("org_a"), events, events.isEmpty() ? 0 : events.constLast().seq);
}

qint64 TestRelayEventApplier::scalar(const QString &sql)
{
    QSqlQuery q(m_profile->profile().database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QString TestRelayEventApplier::text(const QString &sql)
{
    QSqlQuery q(m_profile->profile().database().connection());
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<none>");
    return q.value(0).toString();
}

void TestRelayEventApplier::insertSentMessage(const QString &messageId, const QString &phone)
{
    QSqlQuery q(m_profile->profile().database().connection());
    if (scalar(QStringLiteral("SELECT count(*) FROM campaigns")) == 0) {
        QVERIFY(q.exec(QStringLiteral("INSERT INTO campaigns(id, name, body, status, gateway, created_at) "
                                      "VALUES (1, 'Service', 'See you Sunday', 'sending', 'simulator', 0)")));
    }
    q.prepare(QStringLiteral("INSERT INTO outbox(campaign_id, phone, text, segments, state, due_at, message_id, updated_at) "
                             "VALUES (1, ?, 'See you Sunday', 1, 'sent', 0, ?, 0)"));
    q.addBindValue(phone);
    q.addBindValue(messageId);
    QVERIFY(q.exec());
}

void TestRelayEventApplier::cursorAndEventsCommitTogether()
{
    const auto report = apply({inbound(1, QStringLiteral("in1"), QStringLiteral("+254712345678"), QStringLiteral("Asante")),
                               inbound(2, QStringLiteral("in2"), QStringLiteral("+254799000111"), QStringLiteral("Hello"))});
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->applied(), 2);
    QCOMPARE(report->inbox, 2);
    QCOMPARE(report->cursor, 2);
    QCOMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM relay_events WHERE org = 'org_a'")), 2);
    QVERIFY(scalar(QStringLiteral("SELECT last_sync_at FROM relay_link")) > 0);
    // The cursor never goes back, even when asked.
    QVERIFY(m_applier->apply(QStringLiteral("org_a"), {}, 1));
    QCOMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 2);
}

void TestRelayEventApplier::failureMidBatchSavesNothing()
{
    insertSentMessage(QStringLiteral("ATXid_1"), QStringLiteral("+254712345678"));
    // The store refuses the third event (as a full disk or a bug would), after a delivery report
    // and an opt-out were applied in the same batch.
    QSqlQuery q(m_profile->profile().database().connection());
    QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON inbox WHEN NEW.provider_id = 'in_bad' "
                                  "BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
    const QList<RelayEvent> batch = {
        event(1, QStringLiteral("at.delivery"),
              QJsonObject{{QStringLiteral("id"), QStringLiteral("ATXid_1")},
                          {QStringLiteral("status"), QStringLiteral("Success")}}),
        event(2, QStringLiteral("at.optout"),
              QJsonObject{{QStringLiteral("senderId"), QStringLiteral("KENGELE")},
                          {QStringLiteral("phoneNumber"), QStringLiteral("+254733111222")}}),
        inbound(3, QStringLiteral("in_bad"), QStringLiteral("+254712345678"), QStringLiteral("Hello")),
    };
    const auto failed = apply(batch);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, ErrorCode::Storage);
    QCOMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM relay_events")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM opt_outs")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM delivery_reports")), 0);
    QCOMPARE(text(QStringLiteral("SELECT state FROM outbox")), QStringLiteral("sent"));
    // The relay hands the same batch again; now it goes in, once.
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse")));
    const auto report = apply(batch);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->applied(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 3);
    QCOMPARE(text(QStringLiteral("SELECT state FROM outbox")), QStringLiteral("delivered"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM opt_outs")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inbox")), 1);
}

void TestRelayEventApplier::duplicatesAreAppliedOnce()
{
    const QList<RelayEvent> batch
        = {inbound(1, QStringLiteral("in1"), QStringLiteral("+254712345678"), QStringLiteral("PRAY for rain")),
           inbound(2, QStringLiteral("in2"), QStringLiteral("+254712345678"), QStringLiteral("Asante"))};
    QVERIFY(apply(batch));
    // The same events again (a cursor that was lost), and the same SMS under a new seq (the
    // provider called twice): nothing more is stored.
    const auto again = apply(batch);
    QVERIFY(again);
    QCOMPARE(again->duplicates, 2);
    const auto resent = apply({inbound(3, QStringLiteral("in2"), QStringLiteral("+254712345678"), QStringLiteral("Asante"))});
    QVERIFY(resent);
    QCOMPARE(resent->duplicates, 1);
    QCOMPARE(resent->inbox, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inbox")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM prayer_intake")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 3);
}

void TestRelayEventApplier::stopKeywordsOptOutWithSource_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("reason");
    QTest::addRow("STOP") << "STOP"
                          << "STOP";
    QTest::addRow("stop all") << " stop all "
                              << "STOP ALL";
    QTest::addRow("UNSUBSCRIBE") << "Unsubscribe"
                                 << "UNSUBSCRIBE";
    QTest::addRow("ACHA") << "acha"
                          << "ACHA";
}

void TestRelayEventApplier::stopKeywordsOptOutWithSource()
{
    QFETCH(QString, message);
    QFETCH(QString, reason);
    const auto report = apply({inbound(1, QStringLiteral("in1"), QStringLiteral("+254712345678"), message)});
    QVERIFY(report);
    QCOMPARE(report->optOuts, 1);
    QCOMPARE(text(QStringLiteral("SELECT source FROM opt_outs WHERE phone = '+254712345678'")), QStringLiteral("sms"));
    QCOMPARE(text(QStringLiteral("SELECT reason FROM opt_outs WHERE phone = '+254712345678'")), reason);
    QCOMPARE(text(QStringLiteral("SELECT handled_as FROM inbox")), QStringLiteral("optout"));
    QCOMPARE(*m_profile->profile().contacts().isOptedOut(QStringLiteral("0712345678")), true);
}

void TestRelayEventApplier::providerOptOut()
{
    const auto report = apply({event(1, QStringLiteral("at.optout"),
                                     QJsonObject{{QStringLiteral("senderId"), QStringLiteral("STJOHNS")},
                                                 {QStringLiteral("phoneNumber"), QStringLiteral("+254712345678")}}),
                               event(2, QStringLiteral("at.optout"),
                                     QJsonObject{{QStringLiteral("senderId"), QStringLiteral("STJOHNS")},
                                                 {QStringLiteral("phoneNumber"), QStringLiteral("not a number")}})});
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->optOuts, 1);
    QCOMPARE(report->applied(), 2); // the unreadable number is recorded as applied, not retried forever
    QCOMPARE(text(QStringLiteral("SELECT source || ' ' || reason FROM opt_outs")), QStringLiteral("provider STJOHNS"));
}

void TestRelayEventApplier::prayerRequestsGoToIntake()
{
    const auto report = apply(
        {inbound(1, QStringLiteral("in1"), QStringLiteral("0712345678"), QStringLiteral("PRAY for my mother in hospital")),
         inbound(2, QStringLiteral("in2"), QStringLiteral("+254799000111"), QStringLiteral("ombi: kazi mpya"))});
    QVERIFY(report);
    QCOMPARE(report->prayers, 2);
    QSqlQuery q(m_profile->profile().database().connection());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT phone, contact_id IS NOT NULL, text, status, inbox_id IS NOT NULL FROM prayer_intake ORDER BY id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("+254712345678"));
    QVERIFY(q.value(1).toBool());
    QCOMPARE(q.value(2).toString(), QStringLiteral("for my mother in hospital"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("new"));
    QVERIFY(q.value(4).toBool());
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("+254799000111"));
    QVERIFY(!q.value(1).toBool());
    QCOMPARE(q.value(2).toString(), QStringLiteral("kazi mpya"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inbox WHERE handled_as = 'prayer'")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM opt_outs")), 0);
}

void TestRelayEventApplier::inboxTiedToContact()
{
    const auto report
        = apply({inbound(1, QStringLiteral("in1"), QStringLiteral("+254712345678"), QStringLiteral("Asante pastor")),
                 inbound(2, QStringLiteral("in2"), QStringLiteral("+254799000111"), QStringLiteral("Who is this?"))});
    QVERIFY(report);
    QCOMPARE(report->inbox, 2);
    QSqlQuery q(m_profile->profile().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT i.phone, c.name, i.handled_as, i.to_number, i.received_at FROM inbox i "
                                  "LEFT JOIN contacts c ON c.id = i.contact_id ORDER BY i.id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("+254712345678"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("Mary Wanjiku"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("inbox"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("22384"));
    QCOMPARE(q.value(4).toLongLong(), QDateTime(QDate(2026, 3, 1), QTime(8, 0, 1), Qt::UTC).toMSecsSinceEpoch());
    QVERIFY(q.next());
    QVERIFY(q.value(1).isNull());
}

void TestRelayEventApplier::lateFailedAfterSuccessKeepsDelivered()
{
    insertSentMessage(QStringLiteral("ATXid_9"), QStringLiteral("+254712345678"));
    const auto delivery = [&](qint64 seq, const QString &status, const QString &reason) {
        return event(seq, QStringLiteral("at.delivery"),
                     QJsonObject{{QStringLiteral("id"), QStringLiteral("ATXid_9")},
                                 {QStringLiteral("status"), status},
                                 {QStringLiteral("phoneNumber"), QStringLiteral("+254712345678")},
                                 {QStringLiteral("networkCode"), QStringLiteral("63902")},
                                 {QStringLiteral("failureReason"), reason}});
    };
    auto report = apply({delivery(1, QStringLiteral("Buffered"), QString()), delivery(2, QStringLiteral("Success"), QString())});
    QVERIFY(report);
    QCOMPARE(report->messagesChanged, 1);
    QCOMPARE(text(QStringLiteral("SELECT state FROM outbox")), QStringLiteral("delivered"));
    report = apply({delivery(3, QStringLiteral("Failed"), QStringLiteral("DeliveryFailure"))});
    QVERIFY(report);
    QCOMPARE(report->messagesChanged, 0);
    QCOMPARE(text(QStringLiteral("SELECT state FROM outbox")), QStringLiteral("delivered"));
    // ...and the late report is kept.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM delivery_reports WHERE message_id = 'ATXid_9'")), 3);
    QCOMPARE(text(QStringLiteral("SELECT failure_reason FROM delivery_reports WHERE status = 'Failed'")),
             QStringLiteral("DeliveryFailure"));
    // A report for a message nobody knows is kept too.
    QVERIFY(apply({event(4, QStringLiteral("at.delivery"),
                         QJsonObject{{QStringLiteral("id"), QStringLiteral("ATXid_unknown")},
                                     {QStringLiteral("status"), QStringLiteral("Success")}})}));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM delivery_reports WHERE outbox_id IS NULL")), 1);
}

// A message whose send got no answer (Kengele never learnt its id); its report comes through the
// relay with an id Kengele never recorded: it confirms the message, spends its token, and the
// balances are announced once the batch is committed.
void TestRelayEventApplier::reportConfirmsAMessageWithNoReportYet()
{
    Profile &p = m_profile->profile();
    m_profile->clock().set(QDateTime(QDate(2026, 3, 1), QTime(7, 30), Qt::UTC));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 10, QStringLiteral("test"), {}));
    CampaignDraft draft;
    draft.name = QStringLiteral("Service");
    draft.body = QStringLiteral("See you Sunday");
    draft.contactIds = {p.contacts().fetch({}, 0, 10)->first().id};
    draft.gateway = GatewayKind::AfricasTalking;
    const auto campaign = p.campaigns().launch(draft);
    QVERIFY(campaign);
    OutboxStore outbox(p.database(), p.tokens(), m_profile->clock());
    const auto batches = outbox.claim(10, 100, false);
    QVERIFY(batches && batches->size() == 1);
    Outcome noAnswer;
    noAnswer.outboxId = batches->first().items.first().outboxId;
    noAnswer.campaignId = campaign->id;
    noAnswer.segments = 1;
    noAnswer.charged = true;
    noAnswer.kind = Outcome::Kind::Uncertain;
    QVERIFY(outbox.apply({noAnswer}));
    QCOMPARE(text(QStringLiteral("SELECT state FROM outbox")), QStringLiteral("uncertain"));

    QSignalSpy balances(&p.tokens(), &TokenLedger::balancesChanged);
    const auto report = apply({event(1, QStringLiteral("at.delivery"),
                                     QJsonObject{{QStringLiteral("id"), QStringLiteral("ATXid_never_seen")},
                                                 {QStringLiteral("status"), QStringLiteral("Success")},
                                                 {QStringLiteral("phoneNumber"), QStringLiteral("+254712345678")},
                                                 {QStringLiteral("networkCode"), QStringLiteral("63902")}})});
    QVERIFY(report);
    QCOMPARE(report->messagesChanged, 1);
    QCOMPARE(text(QStringLiteral("SELECT state FROM outbox")), QStringLiteral("delivered"));
    QCOMPARE(text(QStringLiteral("SELECT message_id FROM outbox")), QStringLiteral("ATXid_never_seen"));
    QVERIFY(scalar(QStringLiteral("SELECT confirmed_at FROM outbox")) > 0);
    QCOMPARE(p.tokens().campaignTokens(campaign->id)->spent, 1);
    QCOMPARE(p.tokens().campaignTokens(campaign->id)->held, 0);
    QCOMPARE(balances.count(), 1);
    QVERIFY(LedgerVerifier(p.database()).verify()->isEmpty());
}

void TestRelayEventApplier::darajaAndUnknownKindsAreKept()
{
    const QJsonObject stk{{QStringLiteral("Body"),
                           QJsonObject{{QStringLiteral("stkCallback"),
                                        QJsonObject{{QStringLiteral("CheckoutRequestID"), QStringLiteral("ws_CO_1")}}}}}};
    const auto report = apply(
        {event(1, QStringLiteral("daraja.stk"), stk),
         event(2, QStringLiteral("daraja.confirmation"), QJsonObject{{QStringLiteral("TransID"), QStringLiteral("RKTQDM7W6S")}}),
         event(3, QStringLiteral("chat.envelope"), QJsonObject{{QStringLiteral("x"), 1}})});
    QVERIFY(report);
    QCOMPARE(report->kept, 3);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM relay_events WHERE handled = 'kept'")), 3);
    const QJsonObject stored
        = QJsonDocument::fromJson(text(QStringLiteral("SELECT data FROM relay_events WHERE kind = 'daraja.stk'")).toUtf8())
              .object();
    QCOMPARE(stored, stk);
    QCOMPARE(text(QStringLiteral("SELECT kind FROM relay_events WHERE seq = 3")), QStringLiteral("chat.envelope"));
    QCOMPARE(scalar(QStringLiteral("SELECT cursor FROM relay_link")), 3);
}

void TestRelayEventApplier::otherOrganisationIsRefused()
{
    const auto report
        = m_applier->apply(QStringLiteral("org_other"),
                           {inbound(1, QStringLiteral("in1"), QStringLiteral("+254712345678"), QStringLiteral("Hi"))}, 1);
    QVERIFY(!report);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inbox")), 0);
}

QTEST_GUILESS_MAIN(TestRelayEventApplier)
#include "TestRelayEventApplier.moc"
