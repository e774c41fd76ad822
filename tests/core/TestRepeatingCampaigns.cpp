// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "storage/Database.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

// Repeating campaigns (daily, weekly on chosen days, monthly, until a date) and changing a
// campaign before it goes. Runs with TZ=Africa/Nairobi: times below are Nairobi local times.
// The test clock starts on Sunday 1 March 2026, 12:00 local.
class TestRepeatingCampaigns final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void badRules_data();
    void badRules();
    void repeatingQueuesNothingUntilEachOccurrence();
    void missedOccurrencesAreSkippedAndRecorded();
    void occurrenceThatCannotPayIsSkippedNotFatal();
    void pausedRepeatingWaits();
    void editScheduledReplacesMessagesAndTokens();
    void editRefusedOnceSending();
    void editRepeatingRule();
    void sendNowSendsTheNextTimeEarly();
    void sendNowSendsAScheduledOneNow();

private:
    CampaignDraft draft(const QString &body) const;
    void setLocal(const QDate &date, const QTime &time) { m_profile->clock().set(QDateTime(date, time).toUTC()); }
    int count(const QString &sql) const;
    qint64 balance() const;
    std::unique_ptr<TempProfile> m_profile;
    qint64 m_youth = 0;
    qint64 m_choir = 0;
};

void TestRepeatingCampaigns::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    setLocal(QDate(2026, 3, 1), QTime(12, 0));
    m_youth = p.groups().create(QStringLiteral("Youth"))->id;
    m_choir = p.groups().create(QStringLiteral("Choir"))->id;
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i) {
        ContactInput input;
        input.firstName = QStringLiteral("Member%1").arg(i);
        input.phone = QStringLiteral("07120000%1").arg(i, 2, 10, QLatin1Char('0'));
        ids << p.contacts().add(input)->id;
    }
    QVERIFY(p.groups().addMembers(m_youth, {ids[0], ids[1], ids[2]}));
    QVERIFY(p.groups().addMembers(m_choir, {ids[3]}));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 1000, QStringLiteral("test"), {}));
}

void TestRepeatingCampaigns::cleanup()
{
    m_profile.reset();
}

CampaignDraft TestRepeatingCampaigns::draft(const QString &body) const
{
    CampaignDraft d;
    d.name = QStringLiteral("Sunday reminder");
    d.body = body;
    d.groupIds = {m_youth};
    d.gateway = GatewayKind::AfricasTalking;
    return d;
}

int TestRepeatingCampaigns::count(const QString &sql) const
{
    QSqlQuery q((*m_profile)->database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

qint64 TestRepeatingCampaigns::balance() const
{
    TokenLedger &tokens = (*m_profile)->tokens();
    return *tokens.balance(*tokens.accountId(QStringLiteral("Main")));
}

void TestRepeatingCampaigns::badRules_data()
{
    QTest::addColumn<int>("kind"); // 0 daily no end, 1 weekly no days, 2 end before first
    QTest::addColumn<QString>("expected");
    QTest::addRow("no end") << 0 << "needs an end date";
    QTest::addRow("weekly without days") << 1 << "at least one day";
    QTest::addRow("end before the first") << 2 << "comes before the first message";
}

void TestRepeatingCampaigns::badRules()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    CampaignDraft d = draft(QStringLiteral("Hi"));
    d.scheduledAt = QDateTime(QDate(2026, 3, 8), QTime(7, 0));
    d.recurrence = Recurrence::daily();
    if (kind == 1) {
        d.recurrence = Recurrence::weekly({});
        d.repeatUntil = QDate(2026, 6, 1);
    }
    if (kind == 2)
        d.repeatUntil = QDate(2026, 3, 7);
    for (const bool launching : {false, true}) {
        const Result<QString> message = launching ? [&]() -> Result<QString> {
            const auto r = (*m_profile)->campaigns().launch(d);
            return r ? QString() : r.error().message;
        }()
            : [&]() -> Result<QString> {
                  const auto r = (*m_profile)->campaigns().preview(d);
                  return r ? QString() : r.error().message;
              }();
        QVERIFY2(message->contains(expected), qPrintable(*message));
    }
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns")), 0);
}

void TestRepeatingCampaigns::repeatingQueuesNothingUntilEachOccurrence()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Karibu {first_name}, ibada ni saa nne."));
    d.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(10, 0)); // Monday: the first Sunday after is the 8th
    d.recurrence = Recurrence::weekly({Qt::Sunday});
    d.repeatUntil = QDate(2026, 3, 22);
    const auto preview = p.campaigns().preview(d);
    QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));
    QCOMPARE(preview->occurrences, 3); // 8, 15, 22 March
    QCOMPARE(preview->firstOccurrence, QDateTime(QDate(2026, 3, 8), QTime(10, 0)).toUTC());
    QCOMPARE(preview->tokens, 3);

    const auto parent = p.campaigns().launch(d);
    QVERIFY2(parent, qPrintable(parent ? QString() : parent.error().message));
    QCOMPARE(parent->status, CampaignStatus::Recurring);
    QVERIFY(parent->isRepeating());
    QCOMPARE(parent->scheduledAt, QDateTime(QDate(2026, 3, 8), QTime(10, 0)).toUTC());
    QCOMPARE(parent->repeatUntil.toLocalTime().date(), QDate(2026, 3, 22));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    QCOMPARE(balance(), 1000); // nothing reserved until an occurrence goes
    QCOMPARE(*p.campaigns().nextOccurrenceDue(), parent->scheduledAt.toMSecsSinceEpoch());
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 0);

    // Sunday 8 March, 10:00:30: the first occurrence, with the members of that day.
    ContactInput newcomer;
    newcomer.firstName = QStringLiteral("Newcomer");
    newcomer.phone = QStringLiteral("0712000099");
    QVERIFY(p.groups().addMembers(m_youth, {p.contacts().add(newcomer)->id}));
    setLocal(QDate(2026, 3, 8), QTime(10, 0, 30));
    const auto first = p.campaigns().launchDueOccurrences();
    QVERIFY(first);
    QCOMPARE(first->size(), 1);
    const auto child = p.campaigns().get(first->first());
    QCOMPARE(child->parentId, parent->id);
    QCOMPARE(child->status, CampaignStatus::Queued);
    QVERIFY(!child->isRepeating());
    QCOMPARE(child->recipients, 4);
    QCOMPARE(child->states.value(MessageState::Queued), 4);
    QVERIFY(child->name.startsWith(QStringLiteral("Sunday reminder — ")));
    QCOMPARE(balance(), 996);
    QCOMPARE(p.campaigns().get(parent->id)->scheduledAt, QDateTime(QDate(2026, 3, 15), QTime(10, 0)).toUTC());
    // Asking again (another window, a second `campaign run`) launches nothing more.
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 0);

    setLocal(QDate(2026, 3, 15), QTime(10, 1));
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 1);
    setLocal(QDate(2026, 3, 22), QTime(10, 1));
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 1);
    const auto ended = p.campaigns().get(parent->id);
    QCOMPARE(ended->status, CampaignStatus::Done);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE parent_id IS NOT NULL")), 3);
    QCOMPARE(balance(), 1000 - 12);
    setLocal(QDate(2026, 3, 29), QTime(10, 1));
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 0);
    QVERIFY(LedgerVerifier(p.database()).verify()->isEmpty());
}

void TestRepeatingCampaigns::missedOccurrencesAreSkippedAndRecorded()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Morning prayer at 6."));
    d.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(5, 30));
    d.recurrence = Recurrence::daily();
    d.repeatUntil = QDate(2026, 3, 31);
    const auto parent = p.campaigns().launch(d);
    QVERIFY(parent);
    // The office computer was off from the 2nd to the 5th; it is switched on on the 5th at 08:00.
    setLocal(QDate(2026, 3, 5), QTime(8, 0));
    const auto launched = p.campaigns().launchDueOccurrences();
    QVERIFY(launched);
    QCOMPARE(launched->size(), 1); // only today's, 2½ hours late; the 2nd, 3rd and 4th are not sent at once
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'skipped'")), 1);
    const auto all = p.campaigns().list();
    const auto skipped
        = std::find_if(all->cbegin(), all->cend(), [](const Campaign &c) { return c.status == CampaignStatus::Skipped; });
    QVERIFY(skipped != all->cend());
    QVERIFY2(skipped->statusReason.contains(QStringLiteral("was not running")), qPrintable(skipped->statusReason));
    QCOMPARE(skipped->parentId, parent->id);
    QCOMPARE(p.campaigns().get(parent->id)->scheduledAt, QDateTime(QDate(2026, 3, 6), QTime(5, 30)).toUTC());
    QCOMPARE(p.campaigns().get(parent->id)->status, CampaignStatus::Recurring);

    // Switched on at 20:00 on the 6th: more than 12 hours late, so not sent at night.
    setLocal(QDate(2026, 3, 6), QTime(20, 0));
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'skipped'")), 2);
    QCOMPARE(p.campaigns().get(parent->id)->scheduledAt, QDateTime(QDate(2026, 3, 7), QTime(5, 30)).toUTC());
}

void TestRepeatingCampaigns::occurrenceThatCannotPayIsSkippedNotFatal()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Hi {first_name}"));
    d.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0));
    d.recurrence = Recurrence::monthly(2);
    d.repeatUntil = QDate(2026, 12, 31);
    const auto parent = p.campaigns().launch(d);
    QVERIFY(parent);
    QVERIFY(p.tokens().expire(QStringLiteral("Main"), 999, QStringLiteral("test"), {}));
    setLocal(QDate(2026, 3, 2), QTime(9, 1));
    const auto launched = p.campaigns().launchDueOccurrences();
    QVERIFY2(launched, qPrintable(launched ? QString() : launched.error().message));
    QCOMPARE(launched->size(), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    QCOMPARE(balance(), 1);
    const auto all = p.campaigns().list();
    QCOMPARE(all->first().status, CampaignStatus::Skipped);
    QVERIFY2(all->first().statusReason.contains(QStringLiteral("Not enough tokens")), qPrintable(all->first().statusReason));
    const auto still = p.campaigns().get(parent->id);
    QCOMPARE(still->status, CampaignStatus::Recurring);
    QCOMPARE(still->scheduledAt, QDateTime(QDate(2026, 4, 2), QTime(9, 0)).toUTC());

    // Creating one the budget cannot pay even once is refused at once.
    CampaignDraft expensive = d;
    expensive.scheduledAt = QDateTime(QDate(2026, 3, 9), QTime(9, 0));
    const auto refused = p.campaigns().launch(expensive);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("Not enough tokens for the first message")),
             qPrintable(refused.error().message));
}

void TestRepeatingCampaigns::pausedRepeatingWaits()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Choir practice tonight"));
    d.scheduledAt = QDateTime(QDate(2026, 3, 4), QTime(9, 0));
    d.recurrence = Recurrence::weekly({Qt::Wednesday});
    d.repeatUntil = QDate(2026, 4, 30);
    const auto parent = p.campaigns().launch(d);
    QVERIFY(parent);
    QVERIFY(p.campaigns().pauseRepeating(parent->id));
    QCOMPARE(p.campaigns().get(parent->id)->status, CampaignStatus::Paused);
    setLocal(QDate(2026, 3, 4), QTime(9, 5));
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 0);
    QCOMPARE(*p.campaigns().nextOccurrenceDue(), 0);
    QVERIFY(p.campaigns().resumeRepeating(parent->id));
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 1);
}

void TestRepeatingCampaigns::editScheduledReplacesMessagesAndTokens()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Hi {first_name}"));
    d.scheduledAt = QDateTime(QDate(2026, 3, 5), QTime(9, 0));
    const auto launched = p.campaigns().launch(d);
    QVERIFY(launched);
    QCOMPARE(launched->status, CampaignStatus::Scheduled);
    QVERIFY(CampaignService::isEditable(*launched));
    QCOMPARE(balance(), 997);

    auto editing = p.campaigns().draft(launched->id);
    QVERIFY(editing);
    QCOMPARE(editing->body, d.body);
    QCOMPARE(editing->groupIds, d.groupIds);
    QCOMPARE(editing->scheduledAt, d.scheduledAt.toUTC());
    QCOMPARE(editing->accountName, QStringLiteral("Main"));
    QVERIFY(editing->chargeTokens);
    editing->body = QString(200, u'x'); // two parts each
    editing->groupIds = {m_youth, m_choir};
    editing->scheduledAt = QDateTime(QDate(2026, 3, 6), QTime(7, 0));
    const auto changed = p.campaigns().update(launched->id, *editing);
    QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().message));
    QCOMPARE(changed->id, launched->id);
    QCOMPARE(changed->recipients, 4);
    QCOMPARE(changed->tokens, 8);
    QCOMPARE(changed->states.value(MessageState::Queued), 4);
    QCOMPARE(changed->scheduledAt, QDateTime(QDate(2026, 3, 6), QTime(7, 0)).toUTC());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE length(text) = 200")), 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), 4);
    QCOMPARE(balance(), 992);
    QVERIFY(LedgerVerifier(p.database()).verify()->isEmpty());

    // A change that cannot be paid leaves the campaign as it was.
    editing->body = QString(1000, u'x');
    QVERIFY(p.tokens().expire(QStringLiteral("Main"), 990, QStringLiteral("test"), {}));
    QVERIFY(!p.campaigns().update(launched->id, *editing));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE length(text) = 200")), 4);
    QCOMPARE(p.campaigns().get(launched->id)->tokens, 8);
}

void TestRepeatingCampaigns::editRefusedOnceSending()
{
    Profile &p = **m_profile;
    const auto now = p.campaigns().launch(draft(QStringLiteral("Now")));
    QVERIFY(now);
    QVERIFY(!CampaignService::isEditable(*now));
    const auto refused = p.campaigns().update(now->id, draft(QStringLiteral("Changed")));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);

    CampaignDraft later = draft(QStringLiteral("Later"));
    later.scheduledAt = QDateTime(QDate(2026, 3, 5), QTime(9, 0));
    const auto scheduled = p.campaigns().launch(later);
    QVERIFY(scheduled);
    QSqlQuery q(p.database().connection());
    QVERIFY(
        q.exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE id = (SELECT min(id) FROM outbox WHERE campaign_id = %1)")
                   .arg(scheduled->id)));
    const auto late = p.campaigns().update(scheduled->id, draft(QStringLiteral("Changed")));
    QVERIFY(!late);
    QVERIFY2(late.error().message.contains(QStringLiteral("started sending")), qPrintable(late.error().message));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE text = 'Later'")), 3);
}

void TestRepeatingCampaigns::editRepeatingRule()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Fellowship"));
    d.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(18, 0));
    d.recurrence = Recurrence::weekly({Qt::Monday});
    d.repeatUntil = QDate(2026, 5, 31);
    const auto parent = p.campaigns().launch(d);
    QVERIFY(parent);
    auto editing = p.campaigns().draft(parent->id);
    QVERIFY(editing);
    QCOMPARE(editing->recurrence, d.recurrence);
    QCOMPARE(editing->repeatUntil, d.repeatUntil);
    editing->recurrence = Recurrence::weekly({Qt::Thursday});
    const auto changed = p.campaigns().update(parent->id, *editing);
    QVERIFY2(changed, qPrintable(changed ? QString() : changed.error().message));
    QCOMPARE(changed->status, CampaignStatus::Recurring);
    QCOMPARE(changed->scheduledAt, QDateTime(QDate(2026, 3, 5), QTime(18, 0)).toUTC());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);

    // Made a one-off: its messages are queued for that time, and tokens reserved.
    editing->recurrence = Recurrence();
    const auto once = p.campaigns().update(parent->id, *editing);
    QVERIFY(once);
    QCOMPARE(once->status, CampaignStatus::Scheduled);
    QCOMPARE(once->states.value(MessageState::Queued), 3);
    QCOMPARE(balance(), 997);
}

void TestRepeatingCampaigns::sendNowSendsTheNextTimeEarly()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Karibu {first_name}"));
    d.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(10, 0));
    d.recurrence = Recurrence::weekly({Qt::Sunday});
    d.repeatUntil = QDate(2026, 3, 15);
    const auto parent = p.campaigns().launch(d);
    QVERIFY(parent);
    QCOMPARE(parent->scheduledAt, QDateTime(QDate(2026, 3, 8), QTime(10, 0)).toUTC());

    // Wednesday 4 March: Sunday the 8th's time goes now; the next time is the 15th.
    setLocal(QDate(2026, 3, 4), QTime(16, 0));
    const auto sent = p.campaigns().sendNow(parent->id);
    QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().message));
    QVERIFY(*sent != parent->id);
    const auto child = p.campaigns().get(*sent);
    QCOMPARE(child->parentId, parent->id);
    QCOMPARE(child->status, CampaignStatus::Queued);
    QCOMPARE(child->recipients, 3);
    QCOMPARE(balance(), 997);
    const auto after = p.campaigns().get(parent->id);
    QCOMPARE(after->status, CampaignStatus::Recurring);
    QCOMPARE(after->scheduledAt, QDateTime(QDate(2026, 3, 15), QTime(10, 0)).toUTC());
    // Nothing more is due on Sunday the 8th.
    setLocal(QDate(2026, 3, 8), QTime(10, 1));
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 0);

    // The last time sent early: the campaign has ended.
    QVERIFY(p.campaigns().sendNow(parent->id));
    QCOMPARE(p.campaigns().get(parent->id)->status, CampaignStatus::Done);
    // Nothing left to send now.
    const auto refused = p.campaigns().sendNow(parent->id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY(LedgerVerifier(p.database()).verify()->isEmpty());

    // A time that cannot be paid is refused and not skipped: the campaign stays as it was.
    d.scheduledAt = QDateTime(QDate(2026, 3, 9), QTime(10, 0));
    d.repeatUntil = QDate(2026, 3, 29);
    const auto poor = p.campaigns().launch(d);
    QVERIFY(poor);
    QVERIFY(p.tokens().expire(QStringLiteral("Main"), balance() - 1, QStringLiteral("test"), {}));
    const auto unpaid = p.campaigns().sendNow(poor->id);
    QVERIFY(!unpaid);
    QCOMPARE(p.campaigns().get(poor->id)->scheduledAt, poor->scheduledAt);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM campaigns WHERE status = 'skipped'")), 0);
}

void TestRepeatingCampaigns::sendNowSendsAScheduledOneNow()
{
    Profile &p = **m_profile;
    CampaignDraft d = draft(QStringLiteral("Hi {first_name}"));
    d.scheduledAt = QDateTime(QDate(2026, 3, 5), QTime(9, 0));
    const auto launched = p.campaigns().launch(d);
    QVERIFY(launched);
    QCOMPARE(launched->status, CampaignStatus::Scheduled);
    const auto sent = p.campaigns().sendNow(launched->id);
    QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().message));
    QCOMPARE(*sent, launched->id);
    const auto now = p.campaigns().get(launched->id);
    QCOMPARE(now->status, CampaignStatus::Queued);
    QCOMPARE(now->states.value(MessageState::Queued), 3);
    QCOMPARE(balance(), 997);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM outbox WHERE due_at > %1").arg(p.clock().nowMs())), 0);
    // Once it has gone there is nothing to send now.
    QVERIFY(!p.campaigns().sendNow(launched->id));
}

QTEST_GUILESS_MAIN(TestRepeatingCampaigns)
#include "TestRepeatingCampaigns.moc"
