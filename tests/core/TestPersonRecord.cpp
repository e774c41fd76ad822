// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PastoralNotes.h"
#include "contacts/PersonRecord.h"
#include "security/AuditLog.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"
#include "tokens/TokenLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// "Everything we hold about this person" (docs/cli.md, contacts person): one answer with the contact,
// groups, messages both ways, opt-out history, prayer requests and — for pastors — the pastoral notes;
// a privacy export, so only for pastors and administrators, and recorded.
class TestPersonRecord final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void gathersEverythingAboutTheNumber();
    void pastoralNotesOnlyForThoseWhoMaySeeThem();
    void aNumberWithNoContactStillAnswers();

private:
    Profile &profile() { return m_profile->profile(); }
    std::unique_ptr<test::TempProfile> m_profile;
    qint64 m_asha = 0;
};

namespace {
const QString Asha = u"+254712000001"_s;
const QString AdminPassword = u"Mlima wa Sayuni 7"_s;
const QString OtherPassword = u"kwaya ya vijana 2026"_s;
} // namespace

void TestPersonRecord::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    profile().staff().setCost(Passwords::Cost::TestsOnly);
    profile().pastoral().setKeySource([] { return Result<QByteArray>(QByteArray(32, 'k')); });
    const auto asha = profile().contacts().add({u"Asha"_s, u"Njeri"_s, u"0712000001"_s, u"asha@example.org"_s, {}});
    QVERIFY(asha);
    m_asha = asha->id;
    QVERIFY(profile().contacts().add({u"Baraka"_s, {}, u"+254712000002"_s, {}, {}}));
    const auto choir = profile().groups().create(u"Choir"_s);
    QVERIFY(choir);
    QVERIFY(profile().groups().addMembers(choir->id, {m_asha}));
    QVERIFY(profile().tokens().grant(u"Main"_s, 50, u"start"_s, u"test"_s));
    CampaignDraft draft;
    draft.name = u"Harvest"_s;
    draft.body = u"Harvest service on Sunday, {first_name}"_s;
    draft.groupIds = {choir->id};
    draft.scheduledAt = m_profile->clock().nowUtc().addDays(1);
    QVERIFY(profile().campaigns().launch(draft));
    QSqlQuery q(profile().database().connection());
    QVERIFY(q.exec(u"INSERT INTO inbox(provider_id, phone, text, received_at, handled_as) VALUES "
                   "('p1', '+254712000001', 'Pray for my mother', 1000, 'prayer'), "
                   "('p2', '+254712000002', 'Not hers', 1000, 'inbox')"_s));
    // A campaign another computer sent, and this computer's own copy of what it shared of its own
    // (not listed again: "messages_sent" has it).
    QVERIFY(
        q.exec(u"INSERT INTO campaigns(name, body, status, gateway, created_at, launched_at, uid, origin) VALUES "
               "('Pastors'' retreat', 'Retreat on Friday', 'done', 'simulator', 1000, 1000, 'u-other', 'another-computer')"_s));
    QVERIFY(q.exec(u"INSERT INTO campaign_recipients(campaign_uid, phone, version, rank, state, reason) VALUES "
                   "('u-other', '+254712000001', 1, 6, 'delivered', ''), ('u-other', '+254712000002', 1, 6, 'delivered', ''), "
                   "((SELECT uid FROM campaigns WHERE name = 'Harvest'), '+254712000001', 1, 1, 'queued', '')"_s));
    QVERIFY(profile().contacts().optOut(Asha, u"moved away"_s));
    QVERIFY(profile().contacts().allowAgain(Asha, u"came back"_s, u"mary"_s));
    QVERIFY(profile().pastoral().write(m_asha, u"Mother in hospital"_s));
}

void TestPersonRecord::cleanup()
{
    m_profile.reset();
}

void TestPersonRecord::gathersEverythingAboutTheNumber()
{
    const auto all = profile().person().everything(u"0712 000 001"_s);
    QVERIFY2(all, all ? "" : qPrintable(all.error().message));
    const QByteArray json = QJsonDocument(*all).toJson();
    QCOMPARE(all->value(u"phone"_s).toString(), Asha);
    QCOMPARE(all->value(u"contact"_s).toObject().value(u"email"_s).toString(), u"asha@example.org"_s);
    QCOMPARE(all->value(u"groups"_s).toArray().size(), 1);
    QCOMPARE(all->value(u"groups"_s).toArray().first().toObject().value(u"name"_s).toString(), u"Choir"_s);
    const QJsonArray sent = all->value(u"messages_sent"_s).toArray();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().toObject().value(u"text"_s).toString(), u"Harvest service on Sunday, Asha"_s);
    // Another computer's campaign: its state as shared, with the campaign's text.
    const QJsonArray elsewhere = all->value(u"messages_sent_elsewhere"_s).toArray();
    QCOMPARE(elsewhere.size(), 1);
    QCOMPARE(elsewhere.first().toObject().value(u"campaign"_s).toString(), u"Pastors' retreat"_s);
    QCOMPARE(elsewhere.first().toObject().value(u"state"_s).toString(), u"delivered"_s);
    const QJsonArray received = all->value(u"messages_received"_s).toArray();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().toObject().value(u"text"_s).toString(), u"Pray for my mother"_s);
    QVERIFY(all->value(u"opt_out"_s).isNull());
    QCOMPARE(all->value(u"opt_in_history"_s).toArray().size(), 1);
    QCOMPARE(all->value(u"opt_in_history"_s).toArray().first().toObject().value(u"opted_out_reason"_s).toString(),
             u"moved away"_s);
    QVERIFY(!json.contains("Not hers"));
    QVERIFY(!json.contains("Baraka"));
    // Nobody signed in here: anyone may, so the notes are there.
    QCOMPARE(all->value(u"pastoral_notes"_s).toString(), u"Mother in hospital"_s);
    const auto entries = profile().audit().list({{}, {}, u"privacy"_s, 0});
    QVERIFY(entries && entries->size() == 1);
    QCOMPARE(entries->first().object, u"contact:%1"_s.arg(m_asha));
    QVERIFY(!entries->first().summary.contains(u"Asha"_s));
}

void TestPersonRecord::pastoralNotesOnlyForThoseWhoMaySeeThem()
{
    QVERIFY(profile().staff().requireSignIn(u"mary"_s, u"Mary"_s, AdminPassword));
    QVERIFY(profile().staff().add(u"john"_s, u"John"_s, Role::Staff, OtherPassword));
    QVERIFY(profile().staff().add(u"peter"_s, u"Peter"_s, Role::Pastor, OtherPassword));
    profile().staff().lock();
    QVERIFY(profile().staff().signIn(u"john"_s, OtherPassword));
    const auto refused = profile().person().everything(Asha);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    profile().staff().lock();
    QVERIFY(profile().staff().signIn(u"peter"_s, OtherPassword));
    const auto pastor = profile().person().everything(Asha);
    QVERIFY(pastor);
    QCOMPARE(pastor->value(u"pastoral_notes"_s).toString(), u"Mother in hospital"_s);
    const auto reads = profile().audit().list({{}, u"peter"_s, u"pastoral.read"_s, 0});
    QVERIFY(reads && reads->size() == 1);
}

void TestPersonRecord::aNumberWithNoContactStillAnswers()
{
    const auto all = profile().person().everything(u"+254712000099"_s);
    QVERIFY(all);
    QVERIFY(all->value(u"contact"_s).isNull());
    QVERIFY(all->value(u"messages_sent"_s).toArray().isEmpty());
    QVERIFY(!all->contains(u"pastoral_notes"_s));
    QVERIFY(!profile().person().everything(u"not a number"_s));
}

QTEST_GUILESS_MAIN(TestPersonRecord)
#include "TestPersonRecord.moc"
