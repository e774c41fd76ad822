// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Three computers (three profiles, three keychains) and one in-process relay on SQLite, through the
// sync engine (core/sync/SyncEngine): the first founds the congregation's keys, the two others join
// through the real join (safety codes compared), then all three change shared data at random through
// the services, sync in random order with offline spells and one relay restart, and end with the same
// data byte for byte (ChangeLog::canonicalDump), nothing twice and a clean token ledger. Then
// refusals end to end: a forged batch, a batch sealed with a stale key epoch, and a removed
// computer's keys: refused with their code, nothing applied.

#include "CampaignChaos.h"
#include "DemoScenes.h"
#include "FakeSecretStore.h"
#include "RelayHarness.h"
#include "StaffChaos.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PhoneNormalizer.h"
#include "profile/Profile.h"
#include "security/Access.h"
#include "security/AuditLog.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/BatchCipher.h"
#include "sync/ChangeLog.h"
#include "sync/DeviceIdentity.h"
#include "sync/OrgKeyRing.h"
#include "sync/RelayClient.h"
#include "sync/RelayEvent.h"
#include "sync/RelayLinkStore.h"
#include "sync/ReplicaSqlFunctions.h"
#include "sync/SnapshotService.h"
#include "sync/SyncEngine.h"
#include "sync/SyncOpCodec.h"
#include "templates/TemplateService.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <memory>
#include <vector>

using namespace kengele;
using namespace kengele::test;
using namespace Qt::StringLiterals;

namespace {

struct Computer {
    std::unique_ptr<TempProfile> profile;
    FakeSecretStore secrets;
    std::unique_ptr<RelayClient> client;
    std::unique_ptr<SyncEngine> engine;
    RelayHarness::Org enrolment;
    bool online = true;
};

template<typename T> std::optional<T> await(const std::function<void(std::function<void(T)>)> &start, int timeoutMs = 30000)
{
    std::optional<T> result;
    start([&result](T r) { result = std::move(r); });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < timeoutMs)
        QTest::qWait(2);
    return result;
}

Status syncOnce(Computer &c)
{
    auto done = await<Status>([&c](auto finish) { c.engine->syncOnce(finish); });
    return done ? *done : fail(ErrorCode::Io, u"sync did not finish"_s);
}

template<typename T> QByteArray why(const Result<T> &r)
{
    return r ? QByteArray() : r.error().message.toUtf8();
}

qint64 scalar(TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QList<qint64> ids(TempProfile &p, const QString &sql)
{
    QList<qint64> out;
    QSqlQuery q(p->database().connection());
    q.exec(sql);
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

// The shared settings as each computer's Settings reads them (its cache followed every change).
QByteArray sharedSettings(kengele::Profile &p)
{
    kengele::Settings &s = p.settings();
    return QStringList{u"settings"_s,        s.quietHoursText(), s.gatewaySenderId(),
                       s.organisationName(), s.phoneRegion(),    p.phones().defaultRegion()}
        .join(u'|')
        .toUtf8();
}

// The organisation's settings (quiet hours, the sender id, the church's name, the phone region),
// through Settings as the pages and kengele-cli set them: the computers collide on the same ones.
void randomSettingChange(kengele::Profile &p, QRandomGenerator &random)
{
    kengele::Settings &settings = p.settings();
    switch (random.bounded(5)) {
    case 0:
        (void)settings.setQuietHoursText(u"%1:00-0%2:00"_s.arg(19 + random.bounded(4)).arg(5 + random.bounded(3)));
        break;
    case 1:
        settings.setQuietHoursOff();
        break;
    case 2:
        settings.setGatewaySenderId(random.bounded(4) == 0 ? QString() : u"CHURCH%1"_s.arg(random.bounded(3)));
        break;
    case 3:
        settings.setOrganisationName(u"St Paul's %1"_s.arg(random.bounded(3)));
        break;
    default:
        settings.setPhoneRegion(random.bounded(3) == 0 ? u"UG"_s : u"KE"_s);
        break;
    }
}

void randomChange(TempProfile &p, QRandomGenerator &random)
{
    static const QStringList firstNames{u"Asha"_s, u"Baraka"_s, u"Chebet"_s, u"Daudi"_s, u"Esther"_s, u"Faith"_s};
    static const QStringList groupNames{u"Choir"_s, u"choir"_s, u"Youth"_s, u"Elders"_s, u"Ushers"_s};
    static const QStringList templateNames{u"Welcome"_s, u"welcome"_s, u"Reminder"_s, u"Thanks"_s};
    auto phone = [&random] {
        return u"07120000%1"_s.arg(int(random.bounded(40)), 2, 10, QChar(u'0'));
    };
    auto pick = [&random](const QList<qint64> &list) {
        return list.isEmpty() ? qint64(0) : list[random.bounded(list.size())];
    };
    const QList<qint64> contacts = ids(p, u"SELECT id FROM contacts ORDER BY id"_s);
    const QList<qint64> groups = ids(p, u"SELECT id FROM groups ORDER BY id"_s);
    const QList<qint64> templates = ids(p, u"SELECT id FROM templates ORDER BY id"_s);
    // Staff accounts (the other steps need an administrator signed in once there are accounts).
    if (random.bounded(100) < 18) {
        randomStaffChange(*p, random);
        return;
    }
    signInAnAdministrator(*p);
    // Campaigns: launched, sent (only by the computer that launched each), cancelled, retried.
    if (random.bounded(100) < 25) {
        randomCampaignChange(*p, p.clock(), random);
        return;
    }
    if (random.bounded(100) < 10) {
        randomSettingChange(*p, random);
        return;
    }
    const int kind = int(random.bounded(100));
    if (kind < 25) {
        (void)p->contacts().add({firstNames[random.bounded(firstNames.size())], {}, phone(), {}, {}});
    } else if (kind < 40 && !contacts.isEmpty()) {
        const qint64 id = pick(contacts);
        if (const auto c = p->contacts().get(id)) {
            ContactInput input{c->firstName, c->lastName, c->phone, c->email, c->notes};
            if (random.bounded(2) == 0)
                input.firstName = firstNames[random.bounded(firstNames.size())];
            else
                input.lastName = u"Family %1"_s.arg(random.bounded(5));
            (void)p->contacts().update(id, input);
        }
    } else if (kind < 46 && !contacts.isEmpty()) {
        (void)p->contacts().remove({pick(contacts)});
    } else if (kind < 54) {
        (void)p->groups().create(groupNames[random.bounded(groupNames.size())], u"about"_s);
    } else if (kind < 57 && !groups.isEmpty()) {
        (void)p->groups().remove(pick(groups));
    } else if (kind < 72 && !groups.isEmpty() && !contacts.isEmpty()) {
        (void)p->groups().addMembers(pick(groups), {pick(contacts), pick(contacts)});
    } else if (kind < 80 && !groups.isEmpty() && !contacts.isEmpty()) {
        (void)p->groups().removeMembers(pick(groups), {pick(contacts)});
    } else if (kind < 87) {
        (void)p->contacts().optOut(u"+2547120000%1"_s.arg(int(random.bounded(40)), 2, 10, QChar(u'0')), u"STOP"_s, u"sms"_s,
                                   Actor::Kengele);
    } else if (kind < 90) {
        (void)p->contacts().allowAgain(u"+2547120000%1"_s.arg(int(random.bounded(40)), 2, 10, QChar(u'0')), u"Asked in person"_s,
                                       u"secretary"_s);
    } else if (kind < 97) {
        (void)p->templates().save(templateNames[random.bounded(templateNames.size())], u"Body %1"_s.arg(random.bounded(100)));
    } else if (!templates.isEmpty()) {
        (void)p->templates().remove(pick(templates));
    }
}

// The token ledger: grants, vouchers (the same few on every computer), budgets with the same
// names, transfers between them, campaigns that reserve, spend and give back. Refusals change nothing.
void randomLedgerChange(TempProfile &p, QRandomGenerator &random)
{
    static const QStringList budgets{u"Main"_s, u"Youth"_s, u"youth"_s, u"Women"_s};
    TokenLedger &ledger = p->tokens();
    const QString budget = budgets[random.bounded(budgets.size())];
    const int kind = int(random.bounded(100));
    if (kind < 20) {
        (void)ledger.grant(budget, 10 + random.bounded(40), u"Top-up"_s, u"treasurer"_s);
    } else if (kind < 32) {
        const int voucher = int(random.bounded(4));
        (void)ledger.purchase(u"Main"_s, 30 * (voucher + 1), u"vch_%1"_s.arg(voucher), u"kengele"_s,
                              {u"starter"_s, p.clock().nowUtc().addDays(30)});
    } else if (kind < 42) {
        (void)ledger.createBudgetAccount(budget);
    } else if (kind < 65) {
        (void)ledger.transfer(budget, budgets[random.bounded(budgets.size())], 1 + random.bounded(40), u"Retreat"_s,
                              u"treasurer"_s);
    } else {
        const QSqlDatabase db = p->database().connection();
        const auto account = ledger.accountId(budget);
        if (!account)
            return;
        const qint64 campaign = 1 + random.bounded(1000);
        const qint64 tokens = 1 + random.bounded(60);
        if (!ledger.reserveInTransaction(db, *account, campaign, tokens, u"secretary"_s))
            return;
        if (const qint64 spent = random.bounded(tokens + 1); spent > 0)
            (void)ledger.spendInTransaction(db, campaign, spent, u"secretary"_s);
        if (random.bounded(2) == 0)
            (void)ledger.releaseAllInTransaction(db, campaign, u"Finished"_s, u"secretary"_s);
    }
}

} // namespace

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RelayHarness> m_relay;
    QNetworkAccessManager m_network;
    RelayHarness::Org m_org;

    void connectComputer(Computer &c, const RelayHarness::Org &enrolment)
    {
        c.profile = std::make_unique<TempProfile>();
        c.enrolment = enrolment;
        RelayEnrolment e{enrolment.deviceId, enrolment.token, enrolment.id, u"St Paul's Church"_s, {}};
        QVERIFY(c.profile->profile().relayLinks().saveEnrolment(e));
        c.client = std::make_unique<RelayClient>(m_network);
        c.client->setBaseUrl(m_relay->baseUrl());
        c.client->setToken(enrolment.token);
        c.engine = std::make_unique<SyncEngine>(c.profile->profile().database(), c.secrets, *c.client, c.profile->clock());
        // As the desktop and kengele-cli wire it: the signed-in person follows shared account changes.
        connect(c.engine.get(), &SyncEngine::changesApplied, &c.profile->profile().staff(), &StaffAccounts::refresh);
    }

    // The real join: the newcomer asks, the approver answers, both show the code, the approver
    // approves with the code the newcomer shows.
    void join(Computer &approver, Computer &newcomer)
    {
        {
            const Status first = syncOnce(newcomer); // commitment posted
            QVERIFY2(first, why(first).constData());
        }
        QVERIFY(newcomer.engine->isWaitingForApproval());
        QCOMPARE(newcomer.engine->status()->toJson().value(u"waiting_for_approval"_s).toBool(), true);
        std::optional<Result<SyncApproval>> first;
        approver.engine->approve(newcomer.enrolment.deviceId, {}, [&first](Result<SyncApproval> r) { first = std::move(r); });
        QElapsedTimer clock;
        clock.start();
        while (newcomer.engine->safetyCode().isEmpty() && clock.elapsed() < 20000) {
            QVERIFY(syncOnce(newcomer));
            QTest::qWait(5);
        }
        const QString code = newcomer.engine->safetyCode();
        QVERIFY(!code.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 20000);
        QVERIFY2(*first, why(*first).constData());
        QVERIFY(!(*first)->approved);
        QCOMPARE((*first)->safetyCode, code);
        // A wrong code is refused, nothing approved.
        auto wrong = await<Result<SyncApproval>>([&](auto done) {
            approver.engine->approve(newcomer.enrolment.deviceId, u"0000 0000"_s == code ? u"1111 1111"_s : u"0000 0000"_s, done);
        });
        QVERIFY(wrong && !*wrong);
        auto approved
            = await<Result<SyncApproval>>([&](auto done) { approver.engine->approve(newcomer.enrolment.deviceId, code, done); });
        QVERIFY(approved);
        QVERIFY2(*approved, why(*approved).constData());
        QVERIFY((*approved)->approved);
        QVERIFY(syncOnce(newcomer));
        QVERIFY(newcomer.engine->isReady());
        QVERIFY(!newcomer.engine->isWaitingForApproval());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(u"kengele.relay.access=false\nkengele.*.debug=false\nkengele.sync.info=false"_s);
    }

    void init()
    {
        m_relay = std::make_unique<RelayHarness>(RelayHarness::Backend::Sqlite);
        QString why;
        QVERIFY2(m_relay->open(&why), qPrintable(why));
        QVERIFY(m_relay->start());
        m_org = m_relay->createOrgWithDevice();
    }

    void cleanup() { m_relay.reset(); }

    void threeComputersConverge_data()
    {
        QTest::addColumn<quint32>("seed");
        const int seeds
            = qEnvironmentVariableIsSet("KENGELE_SYNC_SEEDS") ? qEnvironmentVariableIntValue("KENGELE_SYNC_SEEDS") : 20;
        for (quint32 seed = 1; seed <= quint32(seeds); ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }

    void threeComputersConverge()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        std::vector<Computer> computers(3);
        connectComputer(computers[0], m_org);
        QVERIFY(syncOnce(computers[0])); // founds the keys
        QVERIFY(computers[0].engine->isReady());
        QVERIFY(OrgKeyRing::load(computers[0].secrets).value().has_value());
        // Some data before the others join: they fill themselves from the relay's changes. Sign-in
        // is on there: the newcomers get its accounts and ask for sign-in too.
        computers[0].profile->profile().staff().setCost(Passwords::Cost::TestsOnly);
        QVERIFY(computers[0].profile->profile().staff().requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, u"Mlima wa Sayuni 7"_s));
        for (int i = 0; i < 8; ++i)
            randomChange(*computers[0].profile, random);
        {
            // At least one campaign, whatever the seed: the newcomers replay it and its states.
            TempProfile &first = *computers[0].profile;
            (void)first->contacts().add({u"Neema"_s, {}, u"0712000099"_s, {}, {}});
            CampaignDraft d;
            d.name = u"Welcome"_s;
            d.body = u"Karibu {first_name|friend}"_s;
            d.allContacts = true;
            d.gateway = GatewayKind::Simulator;
            d.chargeTokens = false;
            QVERIFY(first->campaigns().launch(d));
        }
        QVERIFY(computers[0].profile->profile().tokens().grant(u"Main"_s, 100, u"Demo"_s, u"treasurer"_s));
        for (int i = 0; i < 3; ++i)
            randomLedgerChange(*computers[0].profile, random);
        QVERIFY(syncOnce(computers[0]));
        connectComputer(computers[1], m_relay->enrolAnother(m_org, u"Pastor's laptop"_s));
        join(computers[0], computers[1]);
        if (QTest::currentTestFailed())
            return;
        connectComputer(computers[2], m_relay->enrolAnother(m_org, u"Hall PC"_s));
        join(computers[1], computers[2]); // approved by a computer that joined itself
        if (QTest::currentTestFailed())
            return;

        const int restartAt = 20 + int(random.bounded(40));
        for (int step = 0; step < 90; ++step) {
            Computer &c = computers[std::size_t(random.bounded(3))];
            for (Computer &each : computers)
                each.profile->clock().advanceMs(random.bounded(2000));
            if (random.bounded(100) < 8)
                c.online = !c.online;
            if (step == restartAt) {
                m_relay->stop();
                QVERIFY(m_relay->start()); // the same database file
            }
            const int action = int(random.bounded(100));
            if (action < 40)
                randomChange(*c.profile, random);
            else if (action < 60)
                randomLedgerChange(*c.profile, random);
            else if (c.online)
                (void)syncOnce(c); // a failure (the relay restarting) is tried again later
        }
        for (int round = 0; round < 3; ++round) {
            for (Computer &c : computers) {
                c.online = true;
                const Status synced = syncOnce(c);
                QVERIFY2(synced, why(synced).constData());
            }
        }
        QList<QByteArray> dumps;
        QList<qint64> campaigns;
        QList<qint64> recipients;
        for (Computer &c : computers) {
            TempProfile &p = *c.profile;
            const SyncEngineStatus status = *c.engine->status();
            QCOMPARE(status.pendingOut, 0);
            QCOMPARE(status.parked, 0);
            QCOMPARE(status.refused, 0);
            QCOMPARE(scalar(p, u"SELECT count(*) - count(DISTINCT phone) FROM contacts"_s), 0);
            QCOMPARE(scalar(p, u"SELECT count(*) FROM sync_devices WHERE state = 1"_s), 3);
            // One account per user name, an administrator who can sign in, and sign-in asked for
            // everywhere (the first computer turned it on).
            QCOMPARE(scalar(p, u"SELECT count(*) - count(DISTINCT lower(user_name)) FROM staff"_s), 0);
            QCOMPARE(scalar(p, u"SELECT count(*) FROM staff WHERE role = 'administrator' AND disabled = 0"_s) > 0, true);
            QCOMPARE(p->staff().signInRequired().value_or(false), true);
            // Only a campaign's own computer has messages for it; its states reached everyone.
            QCOMPARE(scalar(p,
                            u"SELECT count(*) FROM outbox o JOIN campaigns c ON c.id = o.campaign_id "
                            "WHERE c.origin <> (SELECT device FROM sync_state)"_s),
                     0);
            campaigns.append(scalar(p, u"SELECT count(*) FROM campaigns"_s));
            recipients.append(scalar(p, u"SELECT count(*) FROM campaign_recipients"_s));
            const auto problems = LedgerVerifier(p->database()).verify();
            QVERIFY(problems);
            QStringList report;
            for (const LedgerProblem &problem : *problems)
                report << problem.message;
            QVERIFY2(problems->isEmpty(), qPrintable(report.join(u'\n')));
            // Each voucher once, across all computers; no transfer still waiting for its accounts.
            QCOMPARE(scalar(p, u"SELECT count(*) - count(DISTINCT reference) FROM token_transfers WHERE kind = 'purchase'"_s), 0);
            QCOMPARE(scalar(p, u"SELECT count(*) FROM token_transfers_waiting"_s), 0);
            dumps.append(*ChangeLog(p->database()).canonicalDump() + sharedSettings(*p) + '\n' + test::campaignLinksByName(*p));
        }
        QVERIFY(dumps[0].count('\n') > 3);
        QVERIFY2(campaigns[0] > 0 && recipients[0] > 0, "no campaign was launched");
        qInfo("%lld campaigns, %lld recipients' states", campaigns[0], recipients[0]);
        QVERIFY(dumps[0].contains("[\"token_transfer\""));
        QVERIFY(dumps[0].contains("[\"staff\""));
        // Every computer's audit trail on every computer, each received trail whole and unbroken.
        QVERIFY(dumps[0].contains("[\"audit_entry\""));
        for (Computer &c : computers) {
            for (Computer &other : computers) {
                const QString id = *(*other.profile)->audit().thisComputer();
                const auto checked = (*c.profile)->audit().verifyComputer(id);
                QVERIFY2(checked && checked->ok && checked->missingFrom == 0, qPrintable(id));
                QCOMPARE(checked->entries, scalar(*other.profile, u"SELECT count(*) FROM audit_log"_s));
            }
        }
        QVERIFY2(dumps[0] == dumps[1], "computers 1 and 2 differ");
        QVERIFY2(dumps[0] == dumps[2], "computers 1 and 3 differ");
    }

    // A snapshot on the relay: a new computer fills itself from it (not change by change), with the
    // others' progress and keys; a computer that was offline when it was made still finds every
    // change it missed (the relay waits for it); all three end with the same data, nothing refused.
    void aNewComputerFillsFromTheSnapshot()
    {
        QRandomGenerator random(7);
        std::vector<Computer> computers(3);
        Computer &a = computers[0];
        Computer &b = computers[1];
        Computer &c = computers[2];
        connectComputer(a, m_org);
        QVERIFY(syncOnce(a));
        a.profile->profile().database().replicaContext().setUser(u"secretary"_s);
        a.profile->profile().staff().setCost(Passwords::Cost::TestsOnly);
        QVERIFY(a.profile->profile().staff().requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, u"Mlima wa Sayuni 7"_s));
        for (int i = 0; i < 30; ++i)
            randomChange(*a.profile, random);
        QVERIFY(syncOnce(a));
        connectComputer(b, m_relay->enrolAnother(m_org, u"Pastor's laptop"_s));
        join(a, b);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(syncOnce(b));
        for (int i = 0; i < 20; ++i)
            randomChange(*b.profile, random);
        QVERIFY(syncOnce(b));
        // B goes offline; A reads B's changes, changes more, and saves a snapshot.
        for (int i = 0; i < 20; ++i)
            randomChange(*a.profile, random);
        auto uploaded = await<Result<SnapshotUploaded>>([&](auto done) { a.engine->uploadSnapshot(done); });
        QVERIFY(uploaded);
        QVERIFY2(*uploaded, why(*uploaded).constData());
        const qint64 covers = (*uploaded)->header.covers;
        QVERIFY(covers > 0);
        for (int i = 0; i < 10; ++i)
            randomChange(*a.profile, random);
        QVERIFY(syncOnce(a));

        connectComputer(c, m_relay->enrolAnother(m_org, u"Hall PC"_s));
        QList<bool> contactsReady;
        connect(c.engine.get(), &SyncEngine::filling, this,
                [&contactsReady](qint64, qint64, bool ready) { contactsReady.append(ready); });
        join(a, c);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(syncOnce(c));
        QCOMPARE(scalar(*c.profile, u"SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sync.snapshot_covers'"_s), covers);
        QVERIFY(!contactsReady.isEmpty());
        QVERIFY(contactsReady.last());
        // The staff accounts came with the snapshot: sign-in is asked for, and an administrator's
        // password made on another computer lets them in here.
        QVERIFY(scalar(*c.profile, u"SELECT count(*) FROM staff"_s) > 0);
        QCOMPARE(c.profile->profile().staff().signInRequired().value_or(false), true);
        QVERIFY(signInAnAdministrator(c.profile->profile()));
        for (int i = 0; i < 10; ++i)
            randomChange(*c.profile, random);
        for (int round = 0; round < 2; ++round) {
            for (Computer &each : computers) {
                const Status synced = syncOnce(each);
                QVERIFY2(synced, why(synced).constData());
            }
        }
        QList<QByteArray> dumps;
        for (Computer &each : computers) {
            const SyncEngineStatus status = *each.engine->status();
            QCOMPARE(status.pendingOut, 0);
            QCOMPARE(status.parked, 0);
            QCOMPARE(status.refused, 0);
            dumps.append(*ChangeLog(each.profile->profile().database()).canonicalDump());
        }
        QVERIFY(dumps[0].count('\n') > 10);
        QVERIFY2(dumps[0] == dumps[1], "computers 1 and 2 differ");
        QVERIFY2(dumps[0] == dumps[2], "computers 1 and 3 differ");
        // The list of computers says who works on each (the author of its latest change: with
        // sign-in on, the person signed in there then).
        auto listed = await<Result<QList<SyncDeviceEntry>>>([&](auto done) { c.engine->listDevices(done); });
        QVERIFY(listed && *listed);
        QSqlQuery author(a.profile->profile().database().connection());
        QVERIFY(author.exec(u"SELECT user FROM change_log WHERE user <> '' ORDER BY seq DESC LIMIT 1"_s) && author.next());
        QVERIFY(!author.value(0).toString().isEmpty());
        bool sawOffice = false;
        for (const SyncDeviceEntry &entry : **listed) {
            if (entry.device == a.enrolment.deviceId) {
                QCOMPARE(entry.user, author.value(0).toString());
                sawOffice = true;
            }
        }
        QVERIFY(sawOffice);
        // Everyone has read past the snapshot: the relay let the changes it covers go.
        QSqlQuery left(m_relay->store().database());
        QVERIFY(left.exec(u"SELECT count(*) FROM changes WHERE seq <= %1"_s.arg(covers)) && left.next());
        QCOMPARE(left.value(0).toInt(), 0);
    }

    // The real engines fill the relay (batches, key grants, the join, a snapshot) with a contact, a
    // number, a note, a group and a template's text: none is in the relay's SQLite file or its
    // write-ahead log. The computer's name, which the relay keeps in the clear, is found there: the
    // search can find what is there.
    void theRelayStoresNoPlaintext()
    {
        const QList<QByteArray> planted = {"Wanjiru Nyambura-Kamau",
                                           "+254722987654",
                                           "0722987654",
                                           "Pray for Mzee Otieno before his operation",
                                           "Youth Choir Mombasa Road",
                                           "Karibu kwa ibada ya Jumapili saa nne asubuhi"};
        std::vector<Computer> computers(2);
        Computer &a = computers[0];
        Computer &b = computers[1];
        connectComputer(a, m_org);
        QVERIFY(syncOnce(a));
        Profile &office = a.profile->profile();
        QVERIFY(office.contacts().add(
            {u"Wanjiru"_s, u"Nyambura-Kamau"_s, u"0722987654"_s, {}, u"Pray for Mzee Otieno before his operation"_s}));
        QVERIFY(office.groups().create(u"Youth Choir Mombasa Road"_s, {}));
        QVERIFY(office.templates().save(u"Sunday"_s, u"Karibu kwa ibada ya Jumapili saa nne asubuhi"_s));
        QVERIFY(syncOnce(a));
        connectComputer(b, m_relay->enrolAnother(m_org, u"Secretary desk Q7X"_s));
        join(a, b);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(syncOnce(b));
        QVERIFY(b.profile->profile().contacts().findByPhone(u"+254722987654"_s));
        auto uploaded = await<Result<SnapshotUploaded>>([&](auto done) { a.engine->uploadSnapshot(done); });
        QVERIFY(uploaded && *uploaded);
        m_relay->stop(); // its connections flushed
        QByteArray stored;
        const QString path = m_relay->databaseLocation().mid(u"sqlite:"_s.size());
        for (const QString &file : QStringList{path, path + u"-wal"_s}) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                stored += f.readAll();
        }
        QVERIFY(stored.size() > 10000);
        QVERIFY(stored.contains("Secretary desk Q7X"));
        for (const QByteArray &value : planted)
            QVERIFY2(!stored.contains(value), value.constData());
    }

    // What a hostile relay could hand a computer: a batch from a computer still waiting for
    // approval, one of the organisation's own batches again, and a batch a removed computer sealed
    // with the keys it had. None is applied; each is noted with its reason.
    void aHostileRelayGetsNothingApplied()
    {
        std::vector<Computer> computers(4);
        Computer &a = computers[0];
        Computer &b = computers[1];
        Computer &pending = computers[2];
        Computer &gone = computers[3];
        connectComputer(a, m_org);
        QVERIFY(syncOnce(a));
        QVERIFY(a.profile->profile().contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}}));
        QVERIFY(syncOnce(a));
        connectComputer(b, m_relay->enrolAnother(m_org, u"Pastor's laptop"_s));
        join(a, b);
        connectComputer(gone, m_relay->enrolAnother(m_org, u"Old laptop"_s));
        join(a, gone);
        connectComputer(pending, m_relay->enrolAnother(m_org, u"Stranger"_s));
        QVERIFY(syncOnce(pending));
        QVERIFY(pending.engine->isWaitingForApproval());
        for (Computer *each : {&a, &b, &gone})
            QVERIFY(syncOnce(*each));
        QSqlDatabase relayDb = m_relay->store().database();
        auto lastSeq = [&relayDb] {
            QSqlQuery q(relayDb);
            return q.exec(u"SELECT max(seq) FROM changes"_s) && q.next() ? q.value(0).toLongLong() : -1;
        };
        // Stores a batch as the relay's next change, as a relay that lies would.
        auto inject = [&](const QString &device, qint64 deviceSeq, qint64 epoch, const QByteArray &batch) {
            const qint64 seq = lastSeq() + 1;
            QSqlQuery q(relayDb);
            q.prepare(u"INSERT INTO changes(org_id, seq, device_id, device_seq, epoch, batch, digest, received_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, 'x', 0)"_s);
            q.addBindValue(m_org.id);
            q.addBindValue(seq);
            q.addBindValue(device);
            q.addBindValue(deviceSeq);
            q.addBindValue(epoch);
            q.addBindValue(batch);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QVERIFY(QSqlQuery(relayDb).exec(u"UPDATE orgs SET last_change_seq = %1 WHERE id = '%2'"_s.arg(seq).arg(m_org.id)));
        };
        SyncOp op;
        op.entity = u"contact"_s;
        op.uid = u"0190f000-0000-7000-8000-000000000009"_s;
        op.field = u"first_name"_s;
        op.value = u"Injected"_s;
        op.hlc = quint64(1) << 40;
        op.device = u"someone"_s;
        const QByteArray plain = SyncOpCodec::encodeOps({op});
        // The removed computer seals a batch with the keys it holds before it is removed.
        const OrgKeyRing goneRing = *OrgKeyRing::load(gone.secrets).value();
        const DeviceIdentity goneIdentity = *DeviceIdentity::load(gone.secrets).value();
        QSqlQuery next(gone.profile->profile().database().connection());
        QVERIFY(next.exec(u"SELECT next_seq FROM sync_engine"_s) && next.next());
        const qint64 goneSeq = next.value(0).toLongLong();
        const auto goneBatch
            = BatchCipher(m_org.id, goneRing).seal(goneIdentity, gone.enrolment.deviceId, quint64(goneSeq), plain);
        QVERIFY(goneBatch);
        auto removed = await<Status>([&](auto done) { a.engine->removeDevice(gone.enrolment.deviceId, done); });
        QVERIFY(removed && *removed);
        QVERIFY(syncOnce(b));
        const QByteArray before = *ChangeLog(b.profile->profile().database()).canonicalDump();

        // 1. From the computer still waiting: it holds no keys; a relay could still hand over its bytes.
        {
            OrgKeyRing someRing = OrgKeyRing::createFirst();
            const DeviceIdentity strangerIdentity = *DeviceIdentity::load(pending.secrets).value();
            const auto sealed = BatchCipher(m_org.id, someRing).seal(strangerIdentity, pending.enrolment.deviceId, 1, plain);
            QVERIFY(sealed);
            inject(pending.enrolment.deviceId, 1, 1, sealed->blob);
        }
        // 2. The founder's first batch, handed over again under a new number.
        {
            QSqlQuery q(relayDb);
            QVERIFY(q.exec(u"SELECT device_seq, epoch, batch FROM changes WHERE device_id = '%1' ORDER BY seq LIMIT 1"_s.arg(
                        a.enrolment.deviceId))
                    && q.next());
            const qint64 deviceSeq = q.value(0).toLongLong();
            const qint64 epoch = q.value(1).toLongLong();
            const QByteArray batch = q.value(2).toByteArray();
            q.finish();
            QVERIFY(QSqlQuery(relayDb).exec(
                u"DELETE FROM changes WHERE device_id = '%1' AND device_seq = %2"_s.arg(a.enrolment.deviceId).arg(deviceSeq)));
            inject(a.enrolment.deviceId, deviceSeq, epoch, batch);
        }
        // 3. The removed computer's batch, delivered after its removal.
        QVERIFY(QSqlQuery(relayDb).exec(u"UPDATE devices SET revoked_at = NULL WHERE id = '%1'"_s.arg(gone.enrolment.deviceId)));
        inject(gone.enrolment.deviceId, goneSeq, goneBatch->label.epoch, goneBatch->blob);

        QVERIFY(syncOnce(b));
        const SyncEngineStatus status = *b.engine->status();
        QCOMPARE(status.parked, 1); // the waiting computer's batch: not in the roster, never opened
        QCOMPARE(status.refusals.value(u"replayed"_s), 1);
        QCOMPARE(status.refusals.value(u"device-removed"_s), 1);
        QCOMPARE(*ChangeLog(b.profile->profile().database()).canonicalDump(), before);
        QVERIFY(!b.profile->profile().contacts().findByPhone(u"+254712000001"_s)->firstName.contains(u"Injected"_s));
    }

    // Letting a computer in and removing one are an administrator's acts: the engine itself refuses
    // them to anyone else signed in (the window greys its buttons, the CLI checks too), and nothing
    // reaches the relay.
    // Recent conflicts name the other computer, once its changes have come in: "secretary on
    // “Pastor's laptop”", not "another computer".
    void conflictsNameTheOtherComputer()
    {
        Computer a;
        Computer b;
        connectComputer(a, m_org);
        QVERIFY(syncOnce(a));
        connectComputer(b, m_relay->enrolAnother(m_org, u"Pastor's laptop"_s));
        join(a, b);
        if (QTest::currentTestFailed())
            return;
        Result<Contact> asha = a.profile->profile().contacts().add({u"Asha"_s, u"Wanjiru"_s, u"0712000001"_s, {}, {}});
        QVERIFY(asha);
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));
        const Result<Contact> onB = b.profile->profile().contacts().findByPhone(u"+254712000001"_s);
        QVERIFY(onB && onB->id > 0);
        a.profile->profile().database().replicaContext().setUser(u"pastor"_s);
        b.profile->profile().database().replicaContext().setUser(u"secretary"_s);
        QVERIFY(a.profile->profile().contacts().update(asha->id,
                                                       {u"Asha"_s, u"Wanjiru"_s, u"0712000001"_s, {}, u"Visit on Tuesday"_s}));
        b.profile->clock().advanceMs(1000);
        QVERIFY(b.profile->profile().contacts().update(onB->id,
                                                       {u"Asha"_s, u"Wanjiru"_s, u"0712000001"_s, {}, u"Moved to Nakuru"_s}));
        QVERIFY(syncOnce(a));
        QVERIFY(syncOnce(b));
        QVERIFY(syncOnce(a));
        const Result<QList<SyncConflict>> onA = ChangeLog(a.profile->profile().database()).conflicts(10);
        QVERIFY(onA);
        QCOMPARE(onA->size(), 1);
        QCOMPARE(onA->first().keptUser, u"secretary"_s);
        QCOMPARE(onA->first().keptComputer, u"Pastor's laptop"_s);
        QVERIFY(onA->first().lostHere);
        QCOMPARE(onA->first().toJson().value(u"kept_computer"_s).toString(), u"Pastor's laptop"_s);
    }

    void approvingNeedsAnAdministrator()
    {
        Computer founder;
        connectComputer(founder, m_org);
        QVERIFY(syncOnce(founder));
        Computer newcomer;
        connectComputer(newcomer, m_relay->enrolAnother(m_org, u"Office laptop"_s));
        QVERIFY(syncOnce(newcomer));
        QVERIFY(newcomer.engine->isWaitingForApproval());
        const QString problem = test::addDemoStaff(*founder.profile);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        TempProfile &p = *founder.profile;
        QVERIFY(p->staff().signIn(u"john"_s, QString::fromLatin1(test::DemoStaffPassword))); // Role::Staff
        founder.engine->setAccess(&p->access());
        auto approved = await<Result<SyncApproval>>(
            [&](auto done) { founder.engine->approve(newcomer.enrolment.deviceId, QString(), done); });
        QVERIFY(approved && !*approved);
        QCOMPARE(approved->error().code, ErrorCode::Forbidden);
        auto removed = await<Status>([&](auto done) { founder.engine->removeDevice(newcomer.enrolment.deviceId, done); });
        QVERIFY(removed && !*removed);
        QCOMPARE(removed->error().code, ErrorCode::Forbidden);
        // Nothing was sent: the newcomer still waits with no code.
        QVERIFY(syncOnce(newcomer));
        QVERIFY(newcomer.engine->safetyCode().isEmpty());
        // An administrator may.
        p->staff().lock();
        QVERIFY(p->staff().signIn(u"mary"_s, QString::fromLatin1(test::DemoAdminPassword)));
        founder.engine->setApproveWaitSeconds(0);
        approved = await<Result<SyncApproval>>(
            [&](auto done) { founder.engine->approve(newcomer.enrolment.deviceId, QString(), done); });
        QVERIFY(approved);
        QVERIFY2(*approved, why(*approved).constData());
    }

    // A forged batch (signed by a key that is not the sender's), one sealed with a stale epoch after
    // a rotation, and a removed computer's batch: refused, with their code, nothing applied.
    void refusals()
    {
        std::vector<Computer> computers(3);
        connectComputer(computers[0], m_org);
        QVERIFY(syncOnce(computers[0]));
        QVERIFY(computers[0].profile->profile().contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}}));
        QVERIFY(syncOnce(computers[0]));
        connectComputer(computers[1], m_relay->enrolAnother(m_org, u"Pastor's laptop"_s));
        join(computers[0], computers[1]);
        connectComputer(computers[2], m_relay->enrolAnother(m_org, u"Hall PC"_s));
        join(computers[0], computers[2]);
        QVERIFY(syncOnce(computers[1]));
        QVERIFY(syncOnce(computers[2]));
        Computer &a = computers[0];
        Computer &b = computers[1];
        Computer &c = computers[2];
        const QByteArray before = *ChangeLog(a.profile->profile().database()).canonicalDump();
        QCOMPARE(*ChangeLog(b.profile->profile().database()).canonicalDump(), before);

        auto post = [&](Computer &as, qint64 seq, const SealedBatch &sealed) {
            auto receipt = await<RelayResult<RelayChangeReceipt>>(
                [&](auto done) { as.client->postChangeBatch(seq, sealed.label.epoch, sealed.blob, done); });
            return receipt && *receipt;
        };
        SyncOp op;
        op.entity = u"contact"_s;
        op.uid = u"0190f000-0000-7000-8000-000000000001"_s;
        op.field = u"first_name"_s;
        op.value = u"Forged"_s;
        op.hlc = quint64(1) << 40;
        op.device = u"someone"_s;
        const QByteArray plain = SyncOpCodec::encodeOps({op});

        // Forged: sealed with the right key but signed by another computer's key, posted as C's.
        {
            OrgKeyRing ring = *OrgKeyRing::load(c.secrets).value();
            BatchCipher cipher(m_org.id, ring);
            const DeviceIdentity stranger = DeviceIdentity::generate();
            QSqlQuery q(c.profile->profile().database().connection());
            q.exec(u"SELECT next_seq FROM sync_engine"_s);
            q.next();
            const qint64 seq = q.value(0).toLongLong();
            auto sealed = cipher.seal(stranger, c.enrolment.deviceId, quint64(seq), plain);
            QVERIFY(sealed);
            QVERIFY(post(c, seq, *sealed));
            QSqlQuery bump(c.profile->profile().database().connection());
            bump.exec(u"UPDATE sync_engine SET next_seq = next_seq + 1"_s);
        }
        QVERIFY(syncOnce(b));
        QCOMPARE(b.engine->status()->refusals.value(u"bad-signature"_s), 1);
        QCOMPARE(*ChangeLog(b.profile->profile().database()).canonicalDump(), before);

        // A removes C: new epoch 2 granted to B; C's old-epoch batch afterwards is refused by B.
        auto removed = await<Status>([&](auto done) { a.engine->removeDevice(c.enrolment.deviceId, done); });
        QVERIFY(removed);
        QVERIFY2(*removed, why(*removed).constData());
        QVERIFY(syncOnce(b));
        QCOMPARE(b.engine->status()->epoch, 2u);
        QCOMPARE(scalar(*b.profile, u"SELECT state FROM sync_devices WHERE id = '%1'"_s.arg(c.enrolment.deviceId)), 2);
        QVERIFY(!OrgKeyRing::load(c.secrets).value()->hasEpoch(2));
        // C cannot post any more (the relay revoked it); B, compromised, posts with the old epoch
        // after having written with epoch 2: refused as stale.
        QVERIFY(b.profile->profile().contacts().add({u"Baraka"_s, {}, u"0712000002"_s, {}, {}}));
        QVERIFY(syncOnce(b));
        QVERIFY(syncOnce(a));
        const QByteArray afterB = *ChangeLog(a.profile->profile().database()).canonicalDump();
        QCOMPARE(*ChangeLog(b.profile->profile().database()).canonicalDump(), afterB);
        {
            OrgKeyRing ring = OrgKeyRing::load(b.secrets).value()->onlyEpoch(1);
            BatchCipher cipher(m_org.id, ring);
            const DeviceIdentity me = *DeviceIdentity::load(b.secrets).value();
            QSqlQuery q(b.profile->profile().database().connection());
            q.exec(u"SELECT next_seq FROM sync_engine"_s);
            q.next();
            const qint64 seq = q.value(0).toLongLong();
            auto sealed = cipher.seal(me, b.enrolment.deviceId, quint64(seq), plain);
            QVERIFY(sealed);
            QCOMPARE(sealed->label.epoch, 1u);
            QVERIFY(post(b, seq, *sealed));
        }
        QVERIFY(syncOnce(a));
        QCOMPARE(a.engine->status()->refusals.value(u"stale-epoch"_s), 1);
        QCOMPARE(*ChangeLog(a.profile->profile().database()).canonicalDump(), afterB);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestSyncEngine test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestSyncEngine.moc"
