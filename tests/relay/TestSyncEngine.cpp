// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Three computers (three profiles, three keychains) and one in-process relay on SQLite, through the
// sync engine (core/sync/SyncEngine): the first founds the congregation's keys, the two others join
// through the real join (safety codes compared), then all three change shared data at random through
// the services, sync in random order with offline spells and one relay restart, and end with the same
// data byte for byte (ChangeLog::canonicalDump), nothing twice and a clean token ledger. Then
// refusals end to end: a forged batch, a batch sealed with a stale key epoch, and a removed
// computer's keys: refused with their code, nothing applied.

#include "FakeSecretStore.h"
#include "RelayHarness.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "profile/Profile.h"
#include "security/Access.h"
#include "storage/Database.h"
#include "sync/BatchCipher.h"
#include "sync/ChangeLog.h"
#include "sync/DeviceIdentity.h"
#include "sync/OrgKeyRing.h"
#include "sync/RelayClient.h"
#include "sync/RelayEvent.h"
#include "sync/RelayLinkStore.h"
#include "sync/SyncEngine.h"
#include "sync/SyncOpCodec.h"
#include "templates/TemplateService.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
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
        // Some data before the others join: they fill themselves from the relay's changes.
        for (int i = 0; i < 8; ++i)
            randomChange(*computers[0].profile, random);
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
        for (Computer &c : computers) {
            TempProfile &p = *c.profile;
            const SyncEngineStatus status = *c.engine->status();
            QCOMPARE(status.pendingOut, 0);
            QCOMPARE(status.parked, 0);
            QCOMPARE(status.refused, 0);
            QCOMPARE(scalar(p, u"SELECT count(*) - count(DISTINCT phone) FROM contacts"_s), 0);
            QCOMPARE(scalar(p, u"SELECT count(*) FROM sync_devices WHERE state = 1"_s), 3);
            const auto problems = LedgerVerifier(p->database()).verify();
            QVERIFY(problems);
            QStringList report;
            for (const LedgerProblem &problem : *problems)
                report << problem.message;
            QVERIFY2(problems->isEmpty(), qPrintable(report.join(u'\n')));
            // Each voucher once, across all computers; no transfer still waiting for its accounts.
            QCOMPARE(scalar(p, u"SELECT count(*) - count(DISTINCT reference) FROM token_transfers WHERE kind = 'purchase'"_s), 0);
            QCOMPARE(scalar(p, u"SELECT count(*) FROM token_transfers_waiting"_s), 0);
            dumps.append(*ChangeLog(p->database()).canonicalDump());
        }
        QVERIFY(dumps[0].count('\n') > 3);
        QVERIFY(dumps[0].contains("[\"token_transfer\""));
        QVERIFY2(dumps[0] == dumps[1], "computers 1 and 2 differ");
        QVERIFY2(dumps[0] == dumps[2], "computers 1 and 3 differ");
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
