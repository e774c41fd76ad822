// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "contacts/ContactService.h"
#include "inbox/InboxService.h"
#include "storage/Database.h"
#include "sync/RelayEventApplier.h"
#include "sync/RelayLinkStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;

// The inbox as the Inbox page uses it: filters, read state, the sender as a contact, and a reply
// that goes through the campaign pipeline.
class TestInboxService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsNewestFirstWithFilters();
    void markRead();
    void contactAddedLaterIsShown();
    void replyIsACampaignOfOne();
    void replyRefusesOptedOutSenders();
    void replyToAVisitorNeedsNoContact();

private:
    void receive(const QString &id, const QString &from, const QString &text);
    InboxService &inbox() { return m_profile->profile().inbox(); }

    std::unique_ptr<test::TempProfile> m_profile;
    qint64 m_seq = 0;
};

void TestInboxService::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    m_seq = 0;
    Profile &p = m_profile->profile();
    QVERIFY(RelayLinkStore(p.database(), m_profile->clock())
                .saveEnrolment(RelayEnrolment{QStringLiteral("dev_1"), QStringLiteral("t"), QStringLiteral("org_a"), QString()}));
    ContactInput mary;
    mary.firstName = QStringLiteral("Mary");
    mary.lastName = QStringLiteral("Wanjiku");
    mary.phone = QStringLiteral("0712345678");
    QVERIFY(p.contacts().add(mary));
}

void TestInboxService::cleanup()
{
    m_profile.reset();
}

void TestInboxService::receive(const QString &id, const QString &from, const QString &text)
{
    Profile &p = m_profile->profile();
    RelayEventApplier applier(p.database(), p.contacts(), p.tokens(), m_profile->clock());
    ++m_seq;
    const RelayEvent event{
        m_seq, QStringLiteral("at.inbound"), QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC).addSecs(m_seq * 60),
        QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("from"), from}, {QStringLiteral("text"), text}}};
    const auto report = applier.apply(QStringLiteral("org_a"), {event}, m_seq);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
}

void TestInboxService::listsNewestFirstWithFilters()
{
    receive(QStringLiteral("a"), QStringLiteral("+254712345678"), QStringLiteral("Asante pastor"));
    receive(QStringLiteral("b"), QStringLiteral("+254799000111"), QStringLiteral("OMBI kwa mama"));
    receive(QStringLiteral("c"), QStringLiteral("+254799000111"), QStringLiteral("stop"));
    const auto all = inbox().list({}, 0, 100);
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).text, QStringLiteral("stop"));
    QCOMPARE(all->at(0).handledAs, QStringLiteral("optout"));
    QCOMPARE(all->at(2).contactName, QStringLiteral("Mary Wanjiku"));
    QVERIFY(!all->at(2).isRead());
    QCOMPARE(*inbox().count(), 3);
    InboxQuery prayers;
    prayers.handledAs = QStringLiteral("prayer");
    QCOMPARE(*inbox().count(prayers), 1);
    InboxQuery fromNumber;
    fromNumber.phone = QStringLiteral("0799 000 111");
    QCOMPARE(*inbox().count(fromNumber), 2);
    InboxQuery byName;
    byName.search = QStringLiteral("wanjiku");
    QCOMPARE(*inbox().count(byName), 1);
    InboxQuery byDigits;
    byDigits.search = QStringLiteral("000111");
    QCOMPARE(*inbox().count(byDigits), 2);
    InboxQuery percent;
    percent.search = QStringLiteral("%");
    QCOMPARE(*inbox().count(percent), 0);
    const auto page = inbox().list({}, 1, 1);
    QVERIFY(page);
    QCOMPARE(page->size(), 1);
    QCOMPARE(page->at(0).text, QStringLiteral("OMBI kwa mama"));
}

void TestInboxService::markRead()
{
    receive(QStringLiteral("a"), QStringLiteral("+254712345678"), QStringLiteral("One"));
    receive(QStringLiteral("b"), QStringLiteral("+254712345678"), QStringLiteral("Two"));
    QCOMPARE(*inbox().unreadCount(), 2);
    QSignalSpy changed(&inbox(), &InboxService::inboxChanged);
    const auto all = inbox().list({}, 0, 10);
    QVERIFY(inbox().markRead({all->at(0).id}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(*inbox().unreadCount(), 1);
    InboxQuery unread;
    unread.unreadOnly = true;
    QCOMPARE(inbox().list(unread, 0, 10)->at(0).text, QStringLiteral("One"));
    QVERIFY(inbox().get(all->at(0).id)->isRead());
    QVERIFY(inbox().markRead({all->at(0).id}, false));
    QCOMPARE(*inbox().unreadCount(), 2);
}

void TestInboxService::contactAddedLaterIsShown()
{
    receive(QStringLiteral("a"), QStringLiteral("+254799000111"), QStringLiteral("Hello, I am new"));
    const qint64 id = inbox().list({}, 0, 1)->at(0).id;
    QCOMPARE(inbox().get(id)->contactId, 0);
    ContactInput names;
    names.firstName = QStringLiteral("John");
    names.lastName = QStringLiteral("Kamau");
    const auto added = inbox().addSenderAsContact(id, names);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    QCOMPARE(added->phone, QStringLiteral("+254799000111"));
    QCOMPARE(added->source, QStringLiteral("inbox"));
    QCOMPARE(inbox().get(id)->contactName, QStringLiteral("John Kamau"));
}

void TestInboxService::replyIsACampaignOfOne()
{
    receive(QStringLiteral("a"), QStringLiteral("+254712345678"), QStringLiteral("What time is choir?"));
    const qint64 id = inbox().list({}, 0, 1)->at(0).id;
    QSignalSpy campaigns(&m_profile->profile().campaigns(), &CampaignService::campaignsChanged);
    // The preview counts what will be sent: the text with the merge field filled in.
    const auto preview = inbox().previewReply(id, QStringLiteral("Choir is at 2pm, {first_name}."));
    QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));
    QCOMPARE(preview->recipients, 1);
    QCOMPARE(preview->segments, 1);
    QCOMPARE(preview->samples.value(0), QStringLiteral("Choir is at 2pm, Mary."));
    const auto reply = inbox().reply(id, QStringLiteral("Choir is at 2pm, {first_name}."));
    QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
    QCOMPARE(reply->recipients, 1);
    QVERIFY(reply->name.contains(QStringLiteral("Mary Wanjiku")));
    QCOMPARE(reply->gateway, GatewayKind::Simulator);
    const auto rows = m_profile->profile().campaigns().recipients(reply->id, MessageState::Queued, 0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).phone, QStringLiteral("+254712345678"));
    const InboxMessage message = *inbox().get(id);
    QCOMPARE(message.replyCampaignId, reply->id);
    QVERIFY(message.isRead());
    QVERIFY(!inbox().reply(id, QStringLiteral("   ")));
}

void TestInboxService::replyRefusesOptedOutSenders()
{
    receive(QStringLiteral("b"), QStringLiteral("+254712345678"), QStringLiteral("STOP"));
    receive(QStringLiteral("c"), QStringLiteral("+254799000222"), QStringLiteral("ACHA"));
    const auto all = inbox().list({}, 0, 10);
    const auto stopped = inbox().reply(all->at(1).id, QStringLiteral("Sorry to see you go"));
    QVERIFY(!stopped);
    QVERIFY2(stopped.error().message.contains(QStringLiteral("Mary Wanjiku has opted out")), qPrintable(stopped.error().message));
    // A visitor who opted out is refused too, by number.
    const auto visitor = inbox().reply(all->at(0).id, QStringLiteral("Sorry to see you go"));
    QVERIFY(!visitor);
    QVERIFY2(visitor.error().message.contains(QStringLiteral("+254799000222 has opted out")),
             qPrintable(visitor.error().message));
    QVERIFY(!inbox().previewReply(all->at(0).id, QStringLiteral("Hi")));
    QVERIFY(!inbox().previewReply(all->at(1).id, QStringLiteral("Hi")));
    const auto campaigns = m_profile->profile().campaigns().list();
    QVERIFY(campaigns);
    QVERIFY(campaigns->isEmpty());
}

void TestInboxService::replyToAVisitorNeedsNoContact()
{
    // A visitor texts the church: the reply goes to the number, without adding a contact first.
    receive(QStringLiteral("a"), QStringLiteral("+254799000111"), QStringLiteral("Hello, when is the service?"));
    const qint64 id = inbox().list({}, 0, 1)->at(0).id;
    const auto preview = inbox().previewReply(id, QStringLiteral("Sunday at 9:00, {first_name|friend}. Karibu!"));
    QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));
    QCOMPARE(preview->recipients, 1);
    QCOMPARE(preview->samples.value(0), QStringLiteral("Sunday at 9:00, friend. Karibu!"));
    const auto reply = inbox().reply(id, QStringLiteral("Sunday at 9:00, {first_name|friend}. Karibu!"));
    QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message));
    QCOMPARE(reply->recipients, 1);
    QVERIFY(reply->name.contains(QStringLiteral("+254799000111")));
    const auto rows = m_profile->profile().campaigns().recipients(reply->id, MessageState::Queued, 0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).phone, QStringLiteral("+254799000111"));
    QCOMPARE(inbox().get(id)->replyCampaignId, reply->id);
    // No contact was made behind the secretary's back.
    QVERIFY(!m_profile->profile().contacts().findByPhone(QStringLiteral("+254799000111")));

    // Added to contacts afterwards (as the contact dialog does): the reply is tied to the new contact.
    ContactInput names;
    names.firstName = QStringLiteral("Grace");
    names.phone = QStringLiteral("0799 000 111");
    const auto added = m_profile->profile().contacts().add(names);
    QVERIFY(added);
    QVERIFY(inbox().tieSenderToContact(id));
    QSqlQuery q(m_profile->profile().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT contact_id FROM outbox WHERE campaign_id = %1").arg(reply->id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), added->id);
}

QTEST_GUILESS_MAIN(TestInboxService)
#include "TestInboxService.moc"
