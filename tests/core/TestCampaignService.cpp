// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/Recurrence.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PhoneNormalizer.h"
#include "messaging/SegmentCounter.h"
#include "storage/Database.h"
#include "tokens/TokenLedger.h"

#include <QSqlQuery>
#include <QtTest>

#include <utility>

using namespace kengele;
using kengele::test::TempProfile;

class TestCampaignService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void previewCountsWhoAndWhatItCosts();
    void launchWritesOutboxAndReservesInOneGo();
    void notEnoughTokensQueuesNothing();
    void simulatorCostsNothing();
    void badInput_data();
    void badInput();
    void scheduledLaterWaits();
    void recipientsByState();
    void unknownStoredWordsReadAsDocumented();
    void landlinesAreLeftOut();
    void launchWritesEveryRow_data();
    void launchWritesEveryRow();
    void dateIsTheDayTheMessageGoes();
    void allContactsReachesEveryoneNotOptedOut();
    void allContactsIsKeptForRepeats();
    void previewNamesWhoGetsIt();
    void audienceNamesGroupsAndPeople();
    void receivedMessageIsTheFirstRecipients();
    void costIsSummedFromWhatTheProviderReported();
    void parseCost_data();
    void parseCost();

private:
    CampaignDraft draft(const QString &body) const;
    std::unique_ptr<TempProfile> m_profile;
    qint64 m_youth = 0;
    qint64 m_choir = 0;
};

void TestCampaignService::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    m_youth = p.groups().create(QStringLiteral("Youth"))->id;
    m_choir = p.groups().create(QStringLiteral("Choir"))->id;
    const QStringList names
        = {QStringLiteral("Mary"), QStringLiteral("John"), QStringLiteral("Akinyi"), QStringLiteral("Bartholomew-Kiprotich")};
    QList<qint64> ids;
    for (int i = 0; i < names.size(); ++i) {
        ContactInput input;
        input.firstName = names.at(i);
        input.phone = QStringLiteral("07120000%1").arg(i, 2, 10, QLatin1Char('0'));
        ids << p.contacts().add(input)->id;
    }
    QVERIFY(p.groups().addMembers(m_youth, {ids[0], ids[1], ids[2]}));
    QVERIFY(p.groups().addMembers(m_choir, {ids[1], ids[3]})); // John is in both
    QVERIFY(p.contacts().optOut(QStringLiteral("0712000002"), {})); // Akinyi opted out
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 1000, QStringLiteral("test"), {}));
}

void TestCampaignService::cleanup()
{
    m_profile.reset();
}

CampaignDraft TestCampaignService::draft(const QString &body) const
{
    CampaignDraft d;
    d.name = QStringLiteral("Test");
    d.body = body;
    d.groupIds = {m_youth, m_choir};
    d.gateway = GatewayKind::AfricasTalking;
    return d;
}

void TestCampaignService::previewCountsWhoAndWhatItCosts()
{
    auto &campaigns = (*m_profile)->campaigns();
    // 150 + a name: Mary/John fit in one part; Bartholomew-Kiprotich's message needs two.
    const QString body = QStringLiteral("{first_name}: ") + QString(150, u'a');
    const auto preview = campaigns.preview(draft(body));
    QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));
    QCOMPARE(preview->recipients, 3); // Mary, John, Bartholomew
    QCOMPARE(preview->optedOut, 1); // Akinyi
    QCOMPARE(preview->duplicates, 1); // John through the choir
    QCOMPARE(preview->segments, 4);
    QCOMPARE(preview->maxSegments, 2);
    QCOMPARE(preview->tokens, 4);
    QCOMPARE(preview->balance, 1000);
    QVERIFY(preview->personalised);
    QCOMPARE(preview->encoding, SmsEncoding::Gsm7);
    QVERIFY(preview->samples.first().startsWith(QStringLiteral("Mary: ")));
}

void TestCampaignService::launchWritesOutboxAndReservesInOneGo()
{
    auto &campaigns = (*m_profile)->campaigns();
    const auto launched = campaigns.launch(draft(QStringLiteral("Habari {first_name|ndugu}, karibu {group}!")));
    QVERIFY2(launched, qPrintable(launched ? QString() : launched.error().message));
    QCOMPARE(launched->recipients, 3);
    QCOMPARE(launched->status, CampaignStatus::Queued);
    QCOMPARE(launched->states.value(MessageState::Queued), 3);
    QCOMPARE(launched->tokens, 3);
    QCOMPARE(*(*m_profile)->tokens().balance(*(*m_profile)->tokens().accountId(QStringLiteral("Main"))), 997);
    const auto rows = campaigns.recipients(launched->id, {}, 0, 10);
    QCOMPARE(rows->size(), 3);
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT text FROM outbox ORDER BY id")));
    QStringList texts;
    while (q.next())
        texts << q.value(0).toString();
    QVERIFY(texts.contains(QStringLiteral("Habari Mary, karibu Youth!")));
    QVERIFY(texts.contains(QStringLiteral("Habari John, karibu Youth!"))); // first chosen group names him
    QVERIFY(texts.contains(QStringLiteral("Habari Bartholomew-Kiprotich, karibu Choir!")));
}

void TestCampaignService::notEnoughTokensQueuesNothing()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QString(400, u'a')); // 3 parts × 3 people = 9 tokens
    d.accountName = QStringLiteral("Poor");
    QVERIFY(p.tokens().createBudgetAccount(QStringLiteral("Poor")));
    QVERIFY(p.tokens().grant(QStringLiteral("Poor"), 5, QStringLiteral("test"), {}));
    const auto launched = p.campaigns().launch(d);
    QVERIFY(!launched);
    QVERIFY2(launched.error().message.contains(QStringLiteral("9")), qPrintable(launched.error().message));
    QCOMPARE(p.campaigns().list()->size(), 0);
    QSqlQuery q(p.database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(*p.tokens().balance(*p.tokens().accountId(QStringLiteral("Poor"))), 5);
}

void TestCampaignService::simulatorCostsNothing()
{
    CampaignDraft d = draft(QStringLiteral("Hello"));
    d.gateway = GatewayKind::Simulator;
    d.chargeTokens = false;
    const auto launched = (*m_profile)->campaigns().launch(d);
    QVERIFY(launched);
    QCOMPARE(launched->tokens, 0);
    QCOMPARE(*(*m_profile)->tokens().balance(*(*m_profile)->tokens().accountId(QStringLiteral("Main"))), 1000);
}

void TestCampaignService::badInput_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("groups"); // 0 none, 1 youth+choir, 2 only opted-out person
    QTest::addColumn<qint64>("atOffsetMs");
    QTest::addColumn<QString>("expected");
    QTest::addRow("empty message") << "   " << 1 << qint64(0) << "empty";
    QTest::addRow("unknown field") << "Hi {frist_name}" << 1 << qint64(0) << "frist_name";
    QTest::addRow("nobody chosen") << "Hi" << 0 << qint64(0) << "Choose at least one";
    QTest::addRow("everyone opted out") << "Hi" << 2 << qint64(0) << "opted out";
    QTest::addRow("in the past") << "Hi" << 1 << qint64(-3600'000) << "already passed";
    QTest::addRow("too long") << QString(21 * 153, u'a') << 1 << qint64(0) << "too long";
}

void TestCampaignService::badInput()
{
    QFETCH(QString, body);
    QFETCH(int, groups);
    QFETCH(qint64, atOffsetMs);
    QFETCH(QString, expected);
    Profile &p = **m_profile;
    CampaignDraft d = draft(body);
    if (groups == 0)
        d.groupIds.clear();
    if (groups == 2) {
        d.groupIds.clear();
        d.contactIds = {p.contacts().findByPhone(QStringLiteral("0712000002"))->id};
    }
    if (atOffsetMs != 0)
        d.scheduledAt = (*m_profile).clock().nowUtc().addMSecs(atOffsetMs);
    const auto launched = p.campaigns().launch(d);
    QVERIFY(!launched);
    QVERIFY2(launched.error().message.contains(expected), qPrintable(launched.error().message));
    QCOMPARE(p.campaigns().list()->size(), 0);
}

void TestCampaignService::scheduledLaterWaits()
{
    CampaignDraft d = draft(QStringLiteral("Hi"));
    d.scheduledAt = (*m_profile).clock().nowUtc().addDays(1);
    const auto launched = (*m_profile)->campaigns().launch(d);
    QVERIFY(launched);
    QCOMPARE(launched->status, CampaignStatus::Scheduled);
    QCOMPARE(launched->scheduledAt, d.scheduledAt);
}

void TestCampaignService::recipientsByState()
{
    const auto launched = (*m_profile)->campaigns().launch(draft(QStringLiteral("Hi")));
    QVERIFY(launched);
    QCOMPARE(*(*m_profile)->campaigns().countRecipients(launched->id), 3);
    QCOMPARE(*(*m_profile)->campaigns().countRecipients(launched->id, MessageState::Failed), 0);
    QCOMPARE((*m_profile)->campaigns().recipients(launched->id, MessageState::Queued, 1, 10)->size(), 2);
}

void TestCampaignService::unknownStoredWordsReadAsDocumented()
{
    // Words no Kengele writes (a database edited by hand) read as CampaignStatus.h and
    // GatewayKind.h say: an unknown status as cancelled, an unknown gateway as the simulator.
    const auto launched = (*m_profile)->campaigns().launch(draft(QStringLiteral("Hi")));
    QVERIFY(launched);
    QCOMPARE(launched->status, CampaignStatus::Queued);
    QCOMPARE(launched->gateway, GatewayKind::AfricasTalking);
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(
        QStringLiteral("UPDATE campaigns SET status = 'Queued', gateway = 'carrier-pigeon' WHERE id = %1").arg(launched->id)));
    const auto read = (*m_profile)->campaigns().get(launched->id);
    QVERIFY(read);
    QCOMPARE(read->status, CampaignStatus::Cancelled);
    QCOMPARE(read->gateway, GatewayKind::Simulator);
    QCOMPARE(read->states.value(MessageState::Queued), 3);
    const auto listed = (*m_profile)->campaigns().list();
    QVERIFY(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().status, CampaignStatus::Cancelled);
}

void TestCampaignService::landlinesAreLeftOut()
{
    Profile &p = **m_profile;
    ContactInput office;
    office.firstName = QStringLiteral("Church office");
    office.phone = QStringLiteral("020 2222222"); // a Nairobi landline: valid, but no SMS
    const auto landline = p.contacts().add(office);
    QVERIFY2(landline, qPrintable(landline ? QString() : landline.error().message));
    QVERIFY(p.groups().addMembers(m_youth, {landline->id}));
    const auto preview = p.campaigns().preview(draft(QStringLiteral("Hi")));
    QVERIFY(preview);
    QCOMPARE(preview->recipients, 3);
    QCOMPARE(preview->cannotReceiveSms, 1);
    QVERIFY(preview->warnings.join(u' ').contains(QStringLiteral("cannot receive SMS")));
    const auto launched = p.campaigns().launch(draft(QStringLiteral("Hi")));
    QVERIFY(launched);
    QCOMPARE(*p.campaigns().countRecipients(launched->id), 3);

    // Only the landline chosen: nothing to send, and the reason says why.
    CampaignDraft only = draft(QStringLiteral("Hi"));
    only.groupIds.clear();
    only.contactIds = {landline->id};
    const auto refused = p.campaigns().preview(only);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("cannot receive SMS")), qPrintable(refused.error().message));

    // Blocks are remembered, numbers are still told apart: a mobile after a landline is kept.
    SmsReachability reach;
    QVERIFY(!reach.canReceiveSms(QStringLiteral("+254202222222")));
    QVERIFY(!reach.canReceiveSms(QStringLiteral("+254202222333")));
    QVERIFY(reach.canReceiveSms(QStringLiteral("+254712000001")));
    QVERIFY(reach.canReceiveSms(QStringLiteral("+254712000002")));
    QVERIFY(!reach.canReceiveSms(QStringLiteral("+999123456"))); // no such country
    QVERIFY(reach.canReceiveSms(QStringLiteral("+14155550123"))); // +1: fixed line or mobile
}

// The outbox is written many rows to a statement: every row arrives whole and in order, whatever
// the count (a statement's worth, one more or less, a part of one), long texts followed by shorter
// ones and texts outside ASCII included.
void TestCampaignService::launchWritesEveryRow_data()
{
    QTest::addColumn<int>("count");
    QTest::addRow("1") << 1;
    QTest::addRow("99") << 99;
    QTest::addRow("100") << 100;
    QTest::addRow("101") << 101;
    QTest::addRow("250") << 250;
}

void TestCampaignService::launchWritesEveryRow()
{
    QFETCH(int, count);
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    QVERIFY(test::fillContacts(p, count));
    QSqlDatabase db = p.database().connection();
    QSqlQuery rename(db);
    // Every third name long, every fifth one not ASCII.
    QVERIFY(rename.exec(QStringLiteral("UPDATE contacts SET first_name = 'Bartholomew-Kiprotich-Wekesa' WHERE id % 3 = 0")));
    QVERIFY(rename.exec(QStringLiteral("UPDATE contacts SET first_name = 'Nyambũra', last_name = 'Ōtieno' WHERE id % 5 = 0")));
    QList<std::pair<qint64, QString>> people; // id and phone, in id order
    QList<QStringList> expected; // phone, name, text
    QSqlQuery read(db);
    QVERIFY(read.exec(QStringLiteral("SELECT id, first_name, last_name, phone FROM contacts ORDER BY id")));
    while (read.next()) {
        const QString first = read.value(1).toString();
        const QString last = read.value(2).toString();
        people.append({read.value(0).toLongLong(), read.value(3).toString()});
        expected.append({read.value(3).toString(), first + u' ' + last,
                         QStringLiteral("Habari ") + first + QStringLiteral(", karibu Everyone!")});
    }
    read.finish();
    QCOMPARE(people.size(), count);
    const qint64 everyone = p.groups().create(QStringLiteral("Everyone"))->id;
    QList<qint64> ids;
    for (const auto &person : std::as_const(people))
        ids << person.first;
    QVERIFY(p.groups().addMembers(everyone, ids));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 10000, QStringLiteral("test"), {}));

    CampaignDraft d;
    d.body = QStringLiteral("Habari {first_name}, karibu {group}!");
    d.groupIds = {everyone};
    d.gateway = GatewayKind::AfricasTalking;
    d.priority = Priority::High;
    const auto launched = p.campaigns().launch(d);
    QVERIFY2(launched, qPrintable(launched ? QString() : launched.error().message));
    QCOMPARE(launched->recipients, count);
    QCOMPARE(launched->states.value(MessageState::Queued), count);

    QSqlQuery rows(db);
    rows.prepare(QStringLiteral("SELECT contact_id, phone, name, text, segments, state, priority, due_at, updated_at, attempts "
                                "FROM outbox WHERE campaign_id = ? ORDER BY id"));
    rows.addBindValue(launched->id);
    QVERIFY(rows.exec());
    const qint64 now = m_profile->clock().nowMs();
    int i = 0;
    while (rows.next()) {
        QVERIFY(i < count);
        QCOMPARE(rows.value(0).toLongLong(), people.at(i).first);
        QCOMPARE(rows.value(1).toString(), expected.at(i).at(0));
        QCOMPARE(rows.value(2).toString(), expected.at(i).at(1));
        QCOMPARE(rows.value(3).toString(), expected.at(i).at(2));
        QCOMPARE(rows.value(4).toInt(), SegmentCounter::count(expected.at(i).at(2)).segments);
        QCOMPARE(rows.value(5).toString(), QStringLiteral("queued"));
        QCOMPARE(rows.value(6).toInt(), int(Priority::High));
        QCOMPARE(rows.value(7).toLongLong(), now);
        QCOMPARE(rows.value(8).toLongLong(), now);
        QCOMPARE(rows.value(9).toInt(), 0);
        ++i;
    }
    QCOMPARE(i, count);
}

void TestCampaignService::dateIsTheDayTheMessageGoes()
{
    Profile &p = **m_profile;
    const QDateTime now = p.clock().nowUtc(); // Sunday 1 March 2026, 09:00 UTC
    auto dateIn = [](const QString &text) {
        return text.section(u' ', -1);
    };
    CampaignDraft d = draft(QStringLiteral("Service on {date}"));
    QCOMPARE(dateIn(p.campaigns().preview(d)->samples.value(0)), QStringLiteral("01/03/2026"));

    // Scheduled for Wednesday: the preview and the messages written now say Wednesday.
    d.scheduledAt = now.addDays(3);
    QCOMPARE(dateIn(p.campaigns().preview(d)->samples.value(0)), QStringLiteral("04/03/2026"));
    const auto launched = p.campaigns().launch(d);
    QVERIFY(launched);
    QSqlQuery rows(p.database().connection());
    rows.prepare(QStringLiteral("SELECT text FROM outbox WHERE campaign_id = ?"));
    rows.addBindValue(launched->id);
    QVERIFY(rows.exec());
    int count = 0;
    while (rows.next()) {
        QCOMPARE(rows.value(0).toString(), QStringLiteral("Service on 04/03/2026"));
        ++count;
    }
    QCOMPARE(count, 3);

    // Repeating from today, on Fridays only: the first time is Friday.
    d.scheduledAt = now.addSecs(3600);
    d.recurrence = Recurrence::weekly({Qt::Friday});
    d.repeatUntil = QDate(2026, 3, 31);
    QCOMPARE(dateIn(p.campaigns().preview(d)->samples.value(0)), QStringLiteral("06/03/2026"));
}

void TestCampaignService::audienceNamesGroupsAndPeople()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Hi"));
    d.contactIds = {p.contacts().findByPhone(QStringLiteral("0712000000"))->id,
                    p.contacts().findByPhone(QStringLiteral("0712000003"))->id};
    const auto launched = p.campaigns().launch(d);
    QVERIFY(launched);
    const auto audience = p.campaigns().audience(launched->id);
    QVERIFY2(audience, qPrintable(audience ? QString() : audience.error().message));
    QCOMPARE(audience->groups, QStringList({QStringLiteral("Youth"), QStringLiteral("Choir")}));
    QCOMPARE(audience->people, 2);

    d.groupIds.clear();
    const auto people = p.campaigns().audience(p.campaigns().launch(d)->id);
    QVERIFY(people);
    QVERIFY(people->groups.isEmpty());
    QCOMPARE(people->people, 2);
    QVERIFY(!people->allContacts);

    // "All contacts" says so, naming no group.
    CampaignDraft everyone = draft(QStringLiteral("Hi"));
    everyone.groupIds.clear();
    everyone.allContacts = true;
    const auto all = p.campaigns().audience(p.campaigns().launch(everyone)->id);
    QVERIFY(all);
    QVERIFY(all->allContacts);
    QVERIFY(all->groups.isEmpty());

    // A reply to a visitor (a number that is nobody's contact) goes to one person.
    CampaignDraft visitor = draft(QStringLiteral("Welcome"));
    visitor.groupIds.clear();
    visitor.phones = {QStringLiteral("+254799000111")};
    const auto reply = p.campaigns().audience(p.campaigns().launch(visitor)->id);
    QVERIFY(reply);
    QCOMPARE(reply->people, 1);
    QVERIFY(!p.campaigns().audience(9999));
}

void TestCampaignService::receivedMessageIsTheFirstRecipients()
{
    Profile &p = **m_profile;
    const auto launched = p.campaigns().launch(draft(QStringLiteral("Dear {first_name|friend}, join us {date}.")));
    QVERIFY(launched);
    const auto received = p.campaigns().receivedMessage(launched->id);
    QVERIFY2(received, qPrintable(received ? QString() : received.error().message));
    QCOMPARE(received->name, QStringLiteral("Mary"));
    QVERIFY2(received->text.startsWith(QStringLiteral("Dear Mary, join us ")), qPrintable(received->text));
    QVERIFY(!received->text.contains(u'{'));

    // A repeating campaign has no messages of its own: each field's fallback word, and no name.
    CampaignDraft repeating = draft(QStringLiteral("Dear {first_name|friend}, join us{last_name}."));
    repeating.recurrence = Recurrence::daily();
    repeating.repeatUntil = p.clock().nowUtc().toLocalTime().date().addDays(7);
    const auto parent = p.campaigns().launch(repeating);
    QVERIFY2(parent, qPrintable(parent ? QString() : parent.error().message));
    const auto fallback = p.campaigns().receivedMessage(parent->id);
    QVERIFY(fallback);
    QVERIFY(fallback->name.isEmpty());
    QCOMPARE(fallback->text, QStringLiteral("Dear friend, join us."));
}

void TestCampaignService::costIsSummedFromWhatTheProviderReported()
{
    Profile &p = **m_profile;
    const auto launched = p.campaigns().launch(draft(QString(200, u'a'))); // 2 parts × 3 people
    QVERIFY(launched);
    QCOMPARE(launched->stateSegments.value(MessageState::Queued), 6);
    const auto none = p.campaigns().cost(launched->id);
    QVERIFY(none);
    QCOMPARE(none->messages, 0);
    QCOMPARE(none->tenThousandths, 0);

    // As Africa's Talking reports it: two sent at KES 1.6000, one refused at "0", one without an answer.
    QSqlQuery q(p.database().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent', cost = 'KES 1.6000' WHERE id IN "
                                  "(SELECT id FROM outbox ORDER BY id LIMIT 2)")));
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'uncertain', cost = '0' WHERE id = (SELECT max(id) FROM outbox)")));
    const auto cost = p.campaigns().cost(launched->id);
    QVERIFY2(cost, qPrintable(cost ? QString() : cost.error().message));
    QCOMPARE(cost->currency, QStringLiteral("KES"));
    QCOMPARE(cost->tenThousandths, 32000);
    QCOMPARE(cost->messages, 2);
    const auto campaign = p.campaigns().get(launched->id);
    QCOMPARE(campaign->stateSegments.value(MessageState::Uncertain), 2);
    QCOMPARE(campaign->stateSegments.value(MessageState::Sent), 4);
    QCOMPARE(campaign->stateSegments.value(MessageState::Queued), 0);
}

void TestCampaignService::parseCost_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<qint64>("tenThousandths");
    QTest::addRow("Africa's Talking") << "KES 0.8000" << true << "KES" << qint64(8000);
    QTest::addRow("two decimals") << "KES 12.5" << true << "KES" << qint64(125000);
    QTest::addRow("currency after") << "1.2 USD" << true << "USD" << qint64(12000);
    QTest::addRow("refused") << "0" << true << "" << qint64(0);
    QTest::addRow("empty") << "" << false << "" << qint64(0);
    QTest::addRow("words") << "free of charge" << false << "" << qint64(0);
}

void TestCampaignService::parseCost()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, currency);
    QFETCH(qint64, tenThousandths);
    const std::optional<MessageCost> cost = CampaignService::parseCost(text);
    QCOMPARE(cost.has_value(), valid);
    if (!cost)
        return;
    QCOMPARE(cost->currency, currency);
    QCOMPARE(cost->tenThousandths, tenThousandths);
}

QTEST_GUILESS_MAIN(TestCampaignService)
#include "TestCampaignService.moc"

void TestCampaignService::allContactsReachesEveryoneNotOptedOut()
{
    Profile &p = **m_profile;
    ContactInput visitor; // in no group
    visitor.firstName = QStringLiteral("Wanjiru");
    visitor.phone = QStringLiteral("0712000099");
    QVERIFY(p.contacts().add(visitor));
    CampaignDraft d = draft(QStringLiteral("Habari {first_name}, karibu {group|kanisani}!"));
    d.groupIds.clear();
    d.allContacts = true;
    const auto preview = p.campaigns().preview(d);
    QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));
    QCOMPARE(preview->recipients, 4); // Mary, John, Bartholomew and Wanjiru; not Akinyi
    QCOMPARE(preview->optedOut, 1);
    QCOMPARE(preview->duplicates, 0); // everyone is read once
    const auto launched = p.campaigns().launch(d);
    QVERIFY2(launched, qPrintable(launched ? QString() : launched.error().message));
    QCOMPARE(launched->recipients, 4);
    QSqlQuery q(p.database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT text FROM outbox ORDER BY id")));
    QStringList texts;
    while (q.next())
        texts << q.value(0).toString();
    // {group} is a group the person belongs to, the fallback for someone in none.
    QVERIFY2(texts.contains(QStringLiteral("Habari Mary, karibu Youth!")), qPrintable(texts.join(u'|')));
    QVERIFY(texts.contains(QStringLiteral("Habari Bartholomew-Kiprotich, karibu Choir!")));
    QVERIFY(texts.contains(QStringLiteral("Habari Wanjiru, karibu kanisani!")));
    QCOMPARE(p.campaigns().draft(launched->id)->allContacts, true);
    QVERIFY(p.campaigns().draft(launched->id)->groupIds.isEmpty());

    // Everyone and some groups at once is a mistake, said plainly.
    d.groupIds = {m_youth};
    const auto both = p.campaigns().preview(d);
    QVERIFY(!both);
    QCOMPARE(both.error().code, ErrorCode::InvalidInput);

    // Nobody chosen at all is still refused.
    d.groupIds.clear();
    d.allContacts = false;
    QVERIFY(!p.campaigns().preview(d));
}

void TestCampaignService::allContactsIsKeptForRepeats()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Ibada ya Jumapili saa nne"));
    d.groupIds.clear();
    d.allContacts = true;
    d.scheduledAt = p.clock().nowUtc().addDays(1);
    d.recurrence = Recurrence::weekly({7});
    d.repeatUntil = p.clock().nowUtc().toLocalTime().date().addDays(60);
    const auto launched = p.campaigns().launch(d);
    QVERIFY2(launched, qPrintable(launched ? QString() : launched.error().message));
    const auto stored = p.campaigns().draft(launched->id);
    QVERIFY(stored);
    QVERIFY(stored->allContacts);
    QVERIFY(stored->groupIds.isEmpty() && stored->contactIds.isEmpty());
    // A change that picks groups instead is saved as groups.
    CampaignDraft changed = *stored;
    changed.allContacts = false;
    changed.groupIds = {m_choir};
    QVERIFY(p.campaigns().update(launched->id, changed, {}));
    QVERIFY(!p.campaigns().draft(launched->id)->allContacts);
    QCOMPARE(p.campaigns().draft(launched->id)->groupIds, QList<qint64>{m_choir});
}

void TestCampaignService::previewNamesWhoGetsIt()
{
    Profile &p = **m_profile;
    const auto preview = p.campaigns().preview(draft(QStringLiteral("Hello {first_name}")));
    QVERIFY(preview);
    // Mary, John (once) and Bartholomew; Akinyi opted out.
    QCOMPARE(preview->recipientIds.size(), 3);
    const Contact akinyi = *p.contacts().findByPhone(QStringLiteral("+254712000002"));
    QVERIFY(!preview->recipientIds.contains(akinyi.id));
}
