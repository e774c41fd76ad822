// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Encrypted snapshots (core/sync/Snapshot*): three computers change shared data at random (as in
// TestSyncConvergence), one writes a snapshot, a new computer loads it and then gets only the
// changes after it; at the end it holds what the others hold, and what a computer that replayed
// every change holds (the clocks, tags and aliases came across). Every refusal (cut short, a
// chunk changed, another organisation, another key, an unknown or forged writer, a profile that is
// not empty) leaves the target profile as it was.

#include "CampaignChaos.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/CampaignStatePublisher.h"
#include "sync/ChangeLog.h"
#include "sync/DeviceIdentity.h"
#include "sync/OrgKeyRing.h"
#include "sync/ReplicaApplier.h"
#include "sync/SnapshotReader.h"
#include "sync/SnapshotService.h"
#include "sync/SnapshotWriter.h"
#include "sync/SyncOpCodec.h"
#include "templates/TemplateService.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <memory>
#include <vector>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

const QString Org = u"org_stpauls"_s;
const QString WriterDevice = u"dev_office"_s;

struct Batch {
    int from = 0;
    QByteArray bytes;
};

struct Computer {
    std::unique_ptr<test::TempProfile> profile;
    bool online = true;
    QList<int> delivered;
};

QList<qint64> ids(test::TempProfile &p, const QString &sql)
{
    QList<qint64> out;
    QSqlQuery q(p->database().connection());
    q.exec(sql);
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

qint64 scalar(test::TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QByteArray dump(test::TempProfile &p)
{
    auto d = ChangeLog(p->database()).canonicalDump();
    if (!d)
        qFatal("dump failed");
    return *d;
}

// Everything of the shared tables and their side tables, device ids as they are.
QByteArray fullState(test::TempProfile &p)
{
    QByteArray out = dump(p);
    QSqlQuery q(p->database().connection());
    for (const QString &sql :
         {u"SELECT entity, uid, field, hlc, device, user, prev, quote(value) FROM sync_clocks ORDER BY 1, 2, 3"_s,
          u"SELECT tag, entity, a, b, removed FROM sync_tags ORDER BY 1"_s,
          u"SELECT entity, uid, canonical FROM sync_aliases ORDER BY 1, 2"_s, u"SELECT count(*) FROM sync_parked"_s,
          u"SELECT count(*) FROM sync_conflicts"_s}) {
        q.exec(sql);
        while (q.next()) {
            QStringList cells;
            for (int c = 0; q.value(c).isValid(); ++c)
                cells << q.value(c).toString();
            out += cells.join(u'|').toUtf8() + '\n';
        }
    }
    return out;
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

void randomChange(test::TempProfile &p, QRandomGenerator &random)
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
    if (random.bounded(100) < 20) { // campaigns and their states travel in snapshots too
        test::randomCampaignChange(*p, p.clock(), random);
        return;
    }
    if (random.bounded(100) < 5) { // and the organisation's settings
        randomSettingChange(*p, random);
        return;
    }
    const int kind = int(random.bounded(100));
    if (kind < 22) {
        (void)p->contacts().add({firstNames[random.bounded(firstNames.size())], {}, phone(), {}, {}});
    } else if (kind < 40 && !contacts.isEmpty()) {
        const qint64 id = pick(contacts);
        if (const auto c = p->contacts().get(id)) {
            ContactInput input{c->firstName, c->lastName, c->phone, c->email, c->notes};
            switch (random.bounded(4)) {
            case 0:
                input.firstName = firstNames[random.bounded(firstNames.size())];
                break;
            case 1:
                input.notes = u"note %1"_s.arg(random.bounded(1000));
                break;
            case 2:
                input.lastName = u"Family %1"_s.arg(random.bounded(5));
                break;
            default:
                input.phone = phone();
                break;
            }
            (void)p->contacts().update(id, input);
        }
    } else if (kind < 46 && !contacts.isEmpty()) {
        (void)p->contacts().remove({pick(contacts)});
    } else if (kind < 54) {
        (void)p->groups().create(groupNames[random.bounded(groupNames.size())], u"about %1"_s.arg(random.bounded(3)));
    } else if (kind < 56 && !groups.isEmpty()) {
        (void)p->groups().remove(pick(groups));
    } else if (kind < 58 && !groups.isEmpty()) {
        (void)p->groups().rename(pick(groups), groupNames[random.bounded(groupNames.size())], u"renamed"_s);
    } else if (kind < 72 && !groups.isEmpty() && !contacts.isEmpty()) {
        (void)p->groups().addMembers(pick(groups), {pick(contacts), pick(contacts)});
    } else if (kind < 80 && !groups.isEmpty() && !contacts.isEmpty()) {
        (void)p->groups().removeMembers(pick(groups), {pick(contacts)});
    } else if (kind < 86) {
        (void)p->contacts().optOut(u"+2547120000%1"_s.arg(int(random.bounded(40)), 2, 10, QChar(u'0')), u"STOP"_s, u"sms"_s,
                                   Actor::Kengele);
    } else if (kind < 90) {
        (void)p->contacts().allowAgain(u"+2547120000%1"_s.arg(int(random.bounded(40)), 2, 10, QChar(u'0')), u"Asked in person"_s,
                                       u"secretary"_s);
    } else if (kind < 96) {
        (void)p->templates().save(templateNames[random.bounded(templateNames.size())], u"Body %1"_s.arg(random.bounded(100)));
    } else if (!templates.isEmpty()) {
        (void)p->templates().remove(pick(templates));
    }
}

bool publish(std::vector<Computer> &computers, int i, QList<Batch> &relay)
{
    test::TempProfile &p = *computers[std::size_t(i)].profile;
    if (!CampaignStatePublisher(p->database(), p.clock()).publish())
        return false;
    ChangeLog log(p->database());
    bool any = false;
    for (;;) {
        const auto out = log.pendingOut(50);
        if (!out || out->ops.isEmpty())
            return any;
        relay.append({i, SyncOpCodec::encodeOps(out->ops)});
        computers[std::size_t(i)].delivered.append(int(relay.size() - 1));
        if (!log.markSent(out->upTo))
            return any;
        any = true;
    }
}

bool deliverTo(test::TempProfile &p, const QByteArray &batch)
{
    const auto decoded = SyncOpCodec::decodeOps(batch);
    return decoded && ReplicaApplier(p->database(), p.clock()).apply(decoded->ops).has_value();
}

bool deliver(std::vector<Computer> &computers, int to, const QList<Batch> &relay, int batch)
{
    Computer &c = computers[std::size_t(to)];
    if (!deliverTo(*c.profile, relay[batch].bytes))
        return false;
    if (!c.delivered.contains(batch))
        c.delivered.append(batch);
    return true;
}

struct Crypto {
    OrgKeyRing keys = OrgKeyRing::createFirst();
    DeviceIdentity writer = DeviceIdentity::generate();
    BatchCipher::DeviceLookup lookup() const
    {
        const DevicePublicKeys pub = writer.publicKeys();
        return [pub](const QString &id) -> std::optional<DeviceRecord> {
            if (id != WriterDevice)
                return std::nullopt;
            return DeviceRecord{id, u"Office"_s, pub, DeviceRecord::State::Approved, 0, 0};
        };
    }
};

// The blob's chunks: [start of the length, end of the chunk) each.
QList<std::pair<qsizetype, qsizetype>> chunks(const QByteArray &blob)
{
    QList<std::pair<qsizetype, qsizetype>> out;
    qsizetype at = 8 + 4 + qFromBigEndian<quint32>(blob.constData() + 8) + 24;
    while (at < blob.size() - 64) {
        const qsizetype length = qFromBigEndian<quint32>(blob.constData() + at);
        out.append({at, at + 4 + length});
        at += 4 + length;
    }
    return out;
}

QByteArray resign(const QByteArray &unsignedPart, const DeviceIdentity &as)
{
    return unsignedPart + as.sign(SnapshotFormat::signingMessage(unsignedPart));
}

} // namespace

class TestSnapshot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotPlusTailEqualsFullReplay_data();
    void snapshotPlusTailEqualsFullReplay();
    void carriesClocksAliasesUnknownAndConflicts();
    void refusalsLeaveTheProfileAsItWas();
    void policy();
};

void TestSnapshot::snapshotPlusTailEqualsFullReplay_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 6; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestSnapshot::snapshotPlusTailEqualsFullReplay()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    std::vector<Computer> computers;
    const qint64 skews[] = {0, -150'000, 170'000};
    for (int i = 0; i < 3; ++i) {
        Computer c;
        c.profile = std::make_unique<test::TempProfile>();
        c.profile->clock().advanceMs(skews[i]);
        computers.push_back(std::move(c));
    }
    QList<Batch> relay;
    auto step = [&](int count) {
        for (int n = 0; n < count; ++n) {
            const int i = int(random.bounded(int(computers.size())));
            Computer &c = computers[std::size_t(i)];
            for (Computer &each : computers)
                each.profile->clock().advanceMs(random.bounded(2000));
            if (random.bounded(100) < 6)
                c.online = !c.online;
            const int action = int(random.bounded(100));
            if (action < 55) {
                randomChange(*c.profile, random);
            } else if (action < 70) {
                if (c.online)
                    publish(computers, i, relay);
            } else if (c.online && !relay.isEmpty()) {
                QList<int> waiting;
                for (int b = 0; b < relay.size(); ++b) {
                    if (!c.delivered.contains(b))
                        waiting.append(b);
                }
                const int batch = waiting.isEmpty() ? int(random.bounded(relay.size())) : waiting[random.bounded(waiting.size())];
                QVERIFY(deliver(computers, i, relay, batch));
            }
        }
    };
    step(160);
    if (QTest::currentTestFailed())
        return;

    // The writer has everything the relay has (its cursor), and its own changes are on it.
    Computer &writer = computers[0];
    publish(computers, 0, relay);
    for (int b = 0; b < relay.size(); ++b) {
        if (!writer.delivered.contains(b))
            QVERIFY(deliver(computers, 0, relay, b));
    }
    const int covers = int(relay.size());
    Crypto crypto;
    auto blob = SnapshotWriter(writer.profile->profile().database(), crypto.keys, crypto.writer, Org, WriterDevice)
                    .write(covers, writer.profile->clock().nowMs(), QCborMap{{u"cursor"_s, covers}});
    QVERIFY2(blob, qPrintable(blob ? QString() : blob.error().message));
    QVERIFY(blob->counts.rows > 0);

    // A new computer joins: the snapshot, then only the changes after it.
    Computer joined;
    joined.profile = std::make_unique<test::TempProfile>();
    joined.profile->clock().set(writer.profile->clock().nowUtc());
    auto opened = SnapshotReader::open(blob->bytes, Org, crypto.keys, crypto.lookup());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    QList<SnapshotProgress> seen;
    auto restored
        = SnapshotRestorer((*joined.profile)->database()).restore(*opened, [&](const SnapshotProgress &p) { seen.append(p); });
    QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message));
    QCOMPARE(restored->covers, qint64(covers));
    QCOMPARE(restored->engineState.value(u"cursor"_s).toInteger(), qint64(covers));
    QCOMPARE(restored->counts.rows, blob->counts.rows);
    QVERIFY(!seen.isEmpty());
    QVERIFY(seen.last().done);
    const auto ready = std::find_if(seen.begin(), seen.end(), [](const SnapshotProgress &p) { return p.contactsReady; });
    QVERIFY(ready != seen.end());
    QCOMPARE(ready->loaded.contacts, blob->counts.contacts);
    QCOMPARE(dump(*joined.profile), dump(*writer.profile));
    QCOMPARE(scalar(*joined.profile, u"SELECT count(*) FROM change_log"_s), 0); // nothing of it is the joiner's own
    // Every computer's audit trail came with it, the writer's own included (kept apart from the
    // newcomer's own, empty trail).
    QVERIFY(dump(*writer.profile).contains("[\"audit_entry\""));
    QCOMPARE(scalar(*joined.profile, u"SELECT count(*) FROM audit_remote"_s),
             scalar(*writer.profile, u"SELECT count(*) FROM audit_entries"_s));
    QCOMPARE(scalar(*joined.profile, u"SELECT count(*) FROM audit_log"_s), 0);
    for (int b = 0; b < covers; ++b)
        joined.delivered.append(b); // compacted on the relay: never delivered
    computers.push_back(std::move(joined));

    // Everyone (the newcomer too) goes on changing things.
    step(120);
    if (QTest::currentTestFailed())
        return;
    qint64 latest = 0;
    for (Computer &c : computers)
        latest = std::max(latest, c.profile->clock().nowMs());
    for (Computer &c : computers) {
        c.online = true;
        c.profile->clock().set(QDateTime::fromMSecsSinceEpoch(latest + 10 * 60 * 1000, Qt::UTC));
        QVERIFY(ReplicaApplier((*c.profile)->database(), c.profile->clock()).retryParked());
    }
    for (int round = 0; round < 6; ++round) {
        bool any = false;
        for (int i = 0; i < int(computers.size()); ++i)
            any = publish(computers, i, relay) || any;
        for (int i = 0; i < int(computers.size()); ++i) {
            for (int b = 0; b < relay.size(); ++b) {
                if (!computers[std::size_t(i)].delivered.contains(b))
                    QVERIFY(deliver(computers, i, relay, b));
            }
        }
        if (!any && round > 0)
            break;
    }
    // A computer that replayed every change from the start.
    test::TempProfile replay;
    replay.clock().set(QDateTime::fromMSecsSinceEpoch(latest + 10 * 60 * 1000, Qt::UTC));
    for (int round = 0; round < 2; ++round) {
        for (const Batch &b : std::as_const(relay))
            QVERIFY(deliverTo(replay, b.bytes));
    }
    const QByteArray expected = dump(replay);
    QVERIFY(expected.count('\n') > 5);
    for (std::size_t i = 0; i < computers.size(); ++i)
        QVERIFY2(dump(*computers[i].profile) == expected, qPrintable(u"computer %1 differs from the full replay"_s.arg(i + 1)));
}

void TestSnapshot::carriesClocksAliasesUnknownAndConflicts()
{
    // One computer with its own changes and another's (the same number: an alias; concurrent edits:
    // a conflict; a field of a newer Kengele), deletions and opt-outs.
    test::TempProfile a;
    test::TempProfile b;
    b.clock().advanceMs(1000);
    auto choir = a->groups().create(u"Choir"_s);
    auto asha = a->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}});
    auto baraka = a->contacts().add({u"Baraka"_s, {}, u"0712000002"_s, {}, {}});
    QVERIFY(choir && asha && baraka);
    QVERIFY(a->groups().addMembers(choir->id, {asha->id, baraka->id}));
    QVERIFY(a->templates().save(u"Welcome"_s, u"Karibu"_s));
    QVERIFY(a->contacts().optOut(u"+254712000009"_s, u"STOP"_s, u"sms"_s, Actor::Kengele));
    auto gone = a->contacts().add({u"Chebet"_s, {}, u"0712000003"_s, {}, {}});
    QVERIFY(gone && a->contacts().remove({gone->id}));
    auto bAsha = b->contacts().add({u"Asha B"_s, u"Otieno"_s, u"+254 712 000001"_s, {}, u"From b"_s});
    QVERIFY(bAsha);
    QVERIFY(a->contacts().update(baraka->id, {u"Baraka A"_s, {}, u"0712000002"_s, {}, {}}));
    auto fromB = ChangeLog(b->database()).pendingOut(1000);
    QVERIFY(fromB);
    QList<SyncOp> ops = fromB->ops;
    ops.append(SyncOp{u"contact"_s, u"01900000-0000-7000-8000-0000000000ff"_s, u"pronouns"_s, u"she"_s, fromB->ops.last().hlc + 1,
                      fromB->ops.last().device, u"tester"_s, 0});
    ops.append(SyncOp{u"prayer_request"_s, u"01900000-0000-7000-8000-0000000000fe"_s, u"text"_s, u"x"_s,
                      fromB->ops.last().hlc + 2, fromB->ops.last().device, u"tester"_s, 0});
    QVERIFY(ReplicaApplier(a->database(), a.clock()).apply(ops));
    QVERIFY(scalar(a, u"SELECT count(*) FROM sync_aliases"_s) >= 1);
    QVERIFY(scalar(a, u"SELECT count(*) FROM sync_unknown"_s) >= 1);

    Crypto crypto;
    auto blob = SnapshotWriter(a->database(), crypto.keys, crypto.writer, Org, WriterDevice).write(7, a.clock().nowMs());
    QVERIFY(blob);
    test::TempProfile c;
    c.clock().set(a.clock().nowUtc());
    auto opened = SnapshotReader::open(blob->bytes, Org, crypto.keys, crypto.lookup());
    QVERIFY(opened);
    QVERIFY(SnapshotRestorer(c->database()).restore(*opened));
    QCOMPARE(dump(c), dump(a));
    // The clocks of this computer's own writes ('' on the writer) carry the writer's replica id.
    QCOMPARE(scalar(c, u"SELECT count(*) FROM sync_clocks WHERE device = ''"_s), 0);
    QCOMPARE(scalar(c, u"SELECT count(*) FROM sync_clocks"_s), scalar(a, u"SELECT count(*) FROM sync_clocks"_s));
    QCOMPARE(scalar(c, u"SELECT count(*) FROM sync_tags"_s), scalar(a, u"SELECT count(*) FROM sync_tags"_s));
    QCOMPARE(scalar(c, u"SELECT count(*) FROM sync_conflicts"_s), scalar(a, u"SELECT count(*) FROM sync_conflicts"_s));
    QVERIFY(scalar(c, u"SELECT hlc FROM sync_state"_s) >= scalar(a, u"SELECT hlc FROM sync_state"_s));
    QCOMPARE(scalar(c, u"SELECT value FROM meta WHERE key = 'sync.snapshot_covers'"_s), 7);

    // Further changes on both, delivered both ways: they still agree (an edit on the newcomer
    // beats the old value; a late write from b for a field a already overwrote loses on both).
    QVERIFY(c->contacts().update(scalar(c, u"SELECT id FROM contacts WHERE phone = '+254712000002'"_s),
                                 {u"Baraka C"_s, {}, u"0712000002"_s, {}, u"Usher"_s}));
    QVERIFY(b->contacts().update(bAsha->id, {u"Asha Late"_s, u"Otieno"_s, u"+254 712 000001"_s, {}, u"From b"_s}));
    QVERIFY(a->contacts().remove({asha->id}));
    QVERIFY(c->groups().removeMembers(scalar(c, u"SELECT id FROM groups"_s),
                                      {scalar(c, u"SELECT id FROM contacts WHERE phone = '+254712000002'"_s)}));
    const auto fromA = ChangeLog(a->database()).pendingOut(100000);
    const auto fromC = ChangeLog(c->database()).pendingOut(100000);
    const auto fromB2 = ChangeLog(b->database()).pendingOut(100000);
    QVERIFY(fromA && fromC && fromB2);
    QVERIFY(!fromC->ops.isEmpty());
    QVERIFY(ReplicaApplier(c->database(), c.clock()).apply(fromA->ops + fromB2->ops));
    QVERIFY(ReplicaApplier(a->database(), a.clock()).apply(fromC->ops + fromB2->ops));
    QCOMPARE(dump(c), dump(a));
    QCOMPARE(scalar(c, u"SELECT count(*) FROM sync_clocks"_s), scalar(a, u"SELECT count(*) FROM sync_clocks"_s));
}

void TestSnapshot::refusalsLeaveTheProfileAsItWas()
{
    test::TempProfile a;
    for (int i = 0; i < 40; ++i)
        QVERIFY(a->contacts().add({u"Member %1"_s.arg(i), {}, u"07120001%1"_s.arg(i, 2, 10, QChar(u'0')), {}, {}}));
    // Enough rows for several chunks (random notes do not compress).
    for (int i = 0; i < 300; ++i) {
        QByteArray noise(1500, Qt::Uninitialized);
        for (char &ch : noise)
            ch = char(QRandomGenerator::global()->bounded(256));
        QVERIFY(a->contacts().add(
            {u"Noise %1"_s.arg(i), {}, u"0713%1"_s.arg(i, 6, 10, QChar(u'0')), {}, QString::fromLatin1(noise.toBase64())}));
    }
    QVERIFY(a->groups().create(u"Choir"_s));
    Crypto crypto;
    auto blob = SnapshotWriter(a->database(), crypto.keys, crypto.writer, Org, WriterDevice).write(3, a.clock().nowMs());
    QVERIFY(blob);
    const QByteArray good = blob->bytes;
    const auto parts = chunks(good);
    QVERIFY2(parts.size() >= 3, "the test needs several chunks");

    test::TempProfile target;
    QVERIFY(target->contacts().add({u"Mine"_s, {}, u"0799000001"_s, {}, {}}));
    QVERIFY(target->contacts().remove({scalar(target, u"SELECT id FROM contacts"_s)}));
    // `target` holds a tombstone: not empty. `empty` is a fresh profile.
    test::TempProfile empty;
    const QByteArray before = fullState(empty);
    const qint64 hlcBefore = scalar(empty, u"SELECT hlc FROM sync_state"_s);

    auto tryRestore = [&](const QByteArray &bytes, const QString &org, const OrgKeyRing &keys,
                          const BatchCipher::DeviceLookup &lookup) -> std::optional<SnapshotRefusal> {
        auto opened = SnapshotReader::open(bytes, org, keys, lookup);
        if (!opened)
            return opened.error().reason;
        auto restored = SnapshotRestorer(empty->database()).restore(*opened);
        if (!restored)
            return restored.error().reason;
        return std::nullopt;
    };
    auto check = [&](const char *what, const QByteArray &bytes, SnapshotRefusal expected, const QString &org,
                     const OrgKeyRing &keys, const BatchCipher::DeviceLookup &lookup) {
        const auto refusal = tryRestore(bytes, org, keys, lookup);
        QVERIFY2(refusal.has_value(), what);
        QVERIFY2(
            *refusal == expected,
            qPrintable(u"%1: refused as %2"_s.arg(QLatin1StringView(what), QLatin1StringView(SnapshotFormat::code(*refusal)))));
        QVERIFY2(fullState(empty) == before, what);
        QCOMPARE(scalar(empty, u"SELECT hlc FROM sync_state"_s), hlcBefore);
    };
    const auto lookup = crypto.lookup();

    // Cut short.
    check("cut", good.left(good.size() / 2), SnapshotRefusal::BadSignature, Org, crypto.keys, lookup);
    check("header only", good.left(20), SnapshotRefusal::Malformed, Org, crypto.keys, lookup);
    // Cut before the FINAL chunk and signed again by the writer (a writer that stopped early, or
    // its key in the wrong hands): only the FINAL check sees it.
    check("before FINAL", resign(good.left(parts.last().first), crypto.writer), SnapshotRefusal::Truncated, Org, crypto.keys,
          lookup);
    // Something after the FINAL chunk.
    check("after FINAL",
          resign(good.left(good.size() - 64) + good.mid(parts.first().first, parts.first().second - parts.first().first),
                 crypto.writer),
          SnapshotRefusal::Truncated, Org, crypto.keys, lookup);
    // A chunk changed.
    QByteArray changed = good;
    changed[parts[1].first + 40] = char(changed[parts[1].first + 40] ^ 0x01);
    check("changed chunk", changed, SnapshotRefusal::BadSignature, Org, crypto.keys, lookup);
    check("changed chunk, signed again", resign(changed.left(changed.size() - 64), crypto.writer),
          SnapshotRefusal::DecryptionFailed, Org, crypto.keys, lookup);
    // Two chunks swapped, signed again.
    QByteArray swapped = good.left(parts[1].first) + good.mid(parts[2].first, parts[2].second - parts[2].first)
        + good.mid(parts[1].first, parts[1].second - parts[1].first) + good.mid(parts[2].second);
    check("swapped chunks", resign(swapped.left(swapped.size() - 64), crypto.writer), SnapshotRefusal::DecryptionFailed, Org,
          crypto.keys, lookup);
    // Another organisation: asked for, or relabelled in the clear header (and signed again).
    check("other org", good, SnapshotRefusal::WrongOrganisation, u"org_other"_s, crypto.keys, lookup);
    SnapshotHeader relabelled{u"org_other"_s, WriterDevice, 1, 3, 0};
    const QByteArray oldPrefix = SnapshotFormat::prefix({Org, WriterDevice, 1, 3, blob->header.created});
    QVERIFY(good.startsWith(oldPrefix));
    relabelled.created = blob->header.created;
    const QByteArray moved = SnapshotFormat::prefix(relabelled) + good.mid(oldPrefix.size(), good.size() - 64 - oldPrefix.size());
    check("relabelled org", resign(moved, crypto.writer), SnapshotRefusal::DecryptionFailed, u"org_other"_s, crypto.keys, lookup);
    SnapshotHeader otherCover{Org, WriterDevice, 1, 999, blob->header.created};
    check("relabelled cover",
          resign(SnapshotFormat::prefix(otherCover) + good.mid(oldPrefix.size(), good.size() - 64 - oldPrefix.size()),
                 crypto.writer),
          SnapshotRefusal::DecryptionFailed, Org, crypto.keys, lookup);
    // Another key for the epoch; an epoch this computer does not hold.
    const OrgKeyRing otherKeys = OrgKeyRing::createFirst();
    check("other key", good, SnapshotRefusal::DecryptionFailed, Org, otherKeys, lookup);
    OrgKeyRing rotated = crypto.keys.clone();
    (void)rotated.rotate();
    auto newer = SnapshotWriter(a->database(), rotated, crypto.writer, Org, WriterDevice).write(3, a.clock().nowMs());
    QVERIFY(newer);
    QCOMPARE(newer->header.epoch, 2u);
    check("unknown epoch", newer->bytes, SnapshotRefusal::UnknownEpoch, Org, crypto.keys, lookup);
    // Signed by someone else, or by a computer this one does not know or has not approved.
    const DeviceIdentity forger = DeviceIdentity::generate();
    check("forged", resign(good.left(good.size() - 64), forger), SnapshotRefusal::BadSignature, Org, crypto.keys, lookup);
    check("unknown device", good, SnapshotRefusal::UnknownDevice, Org, crypto.keys,
          [](const QString &) { return std::optional<DeviceRecord>(); });
    const DevicePublicKeys pub = crypto.writer.publicKeys();
    check("pending device", good, SnapshotRefusal::DeviceNotApproved, Org, crypto.keys, [pub](const QString &id) {
        return std::optional(DeviceRecord{id, u"Office"_s, pub, DeviceRecord::State::Pending, 0, 0});
    });
    check("garbage", QByteArray(5000, 'x'), SnapshotRefusal::Malformed, Org, crypto.keys, lookup);

    // A profile that already holds shared data is not overwritten.
    const QByteArray targetBefore = fullState(target);
    auto opened = SnapshotReader::open(good, Org, crypto.keys, lookup);
    QVERIFY(opened);
    auto refused = SnapshotRestorer(target->database()).restore(*opened);
    QVERIFY(!refused);
    QCOMPARE(refused.error().reason, SnapshotRefusal::ProfileNotEmpty);
    QCOMPARE(fullState(target), targetBefore);

    // Loading fails after the contacts were saved (here a trigger refuses the groups, as a full
    // disk would): the contacts are taken out again.
    test::TempProfile failing;
    const QByteArray failingBefore = fullState(failing);
    QSqlQuery trap(failing->database().connection());
    QVERIFY(
        trap.exec(u"CREATE TEMP TRIGGER snapshot_trap BEFORE INSERT ON groups BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s));
    bool sawContacts = false;
    auto broken = SnapshotRestorer(failing->database()).restore(*opened, [&](const SnapshotProgress &p) {
        sawContacts = sawContacts || (p.contactsReady && scalar(failing, u"SELECT count(*) FROM contacts"_s) == 340);
    });
    QVERIFY(!broken);
    QCOMPARE(broken.error().reason, SnapshotRefusal::Storage);
    QVERIFY(sawContacts);
    QCOMPARE(fullState(failing), failingBefore);
    QCOMPARE(scalar(failing, u"SELECT count(*) FROM contacts"_s), 0);

    // And the good one loads.
    QVERIFY(!tryRestore(good, Org, crypto.keys, lookup).has_value());
    QCOMPARE(dump(empty), dump(a));
}

void TestSnapshot::policy()
{
    const qint64 now = QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 day = 24 * 3600 * 1000LL;
    SnapshotPolicyInput in{0, now - 30 * day, now, 0, true};
    QVERIFY(!SnapshotPolicy::shouldUpload(in)); // nothing new
    in.changesSinceSnapshot = 10;
    QVERIFY(SnapshotPolicy::shouldUpload(in)); // a month old
    in.pendingOut = 3;
    QVERIFY(!SnapshotPolicy::shouldUpload(in)); // its own changes first
    in.pendingOut = 0;
    in.lastSnapshotAt = now - 2 * day;
    QVERIFY(!SnapshotPolicy::shouldUpload(in));
    in.changesSinceSnapshot = SnapshotPolicy::ManyChanges;
    QVERIFY(SnapshotPolicy::shouldUpload(in));
    in.preferred = false;
    QVERIFY(!SnapshotPolicy::shouldUpload(in));
    in.changesSinceSnapshot = 2 * SnapshotPolicy::ManyChanges;
    QVERIFY(SnapshotPolicy::shouldUpload(in));
    in.changesSinceSnapshot = 5;
    in.lastSnapshotAt = now - 10 * day;
    QVERIFY(!SnapshotPolicy::shouldUpload(in));
    in.lastSnapshotAt = now - 15 * day;
    QVERIFY(SnapshotPolicy::shouldUpload(in));
    in.lastSnapshotAt.reset();
    QVERIFY(!SnapshotPolicy::shouldUpload(in));
    // The first one waits for many changes, even on the preferred computer.
    in.preferred = true;
    QVERIFY(!SnapshotPolicy::shouldUpload(in));
    in.changesSinceSnapshot = SnapshotPolicy::ManyChanges;
    QVERIFY(SnapshotPolicy::shouldUpload(in));
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "TestSnapshot.moc"
