// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "sync/Hlc.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaSchema.h"
#include "sync/ReplicaSqlFunctions.h"
#include "sync/SyncOpCodec.h"
#include "templates/TemplateService.h"

#include <QCborArray>
#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

QList<SyncOp> outgoing(test::TempProfile &p)
{
    auto out = ChangeLog(p->database()).pendingOut(1'000'000);
    if (!out)
        qFatal("pendingOut failed: %s", qPrintable(out.error().message));
    return out->ops;
}

ReplicaApplier::Report apply(test::TempProfile &to, const QList<SyncOp> &ops)
{
    auto report = ReplicaApplier(to->database(), to.clock()).apply(ops);
    if (!report)
        qFatal("apply failed: %s", qPrintable(report.error().message));
    return *report;
}

void deliver(test::TempProfile &from, test::TempProfile &to)
{
    apply(to, outgoing(from));
}

QByteArray dump(test::TempProfile &p)
{
    auto d = ChangeLog(p->database()).canonicalDump();
    if (!d)
        qFatal("dump failed");
    return *d;
}

qint64 scalar(test::TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

QString text(test::TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        return QString();
    return q.value(0).toString();
}

const qint64 T0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();

SyncOp op(const QString &entity, const QString &uid, const QString &field, const QCborValue &value, quint64 hlc,
          const QString &device, quint64 prev = 0)
{
    return SyncOp{entity, uid, field, value, hlc, device, u"tester"_s, prev};
}

QList<SyncOp> createContact(const QString &uid, const QString &phone, const QString &first, quint64 hlc, const QString &device)
{
    return {op(u"contact"_s, uid, u"phone"_s, phone, hlc, device), op(u"contact"_s, uid, u"first_name"_s, first, hlc, device),
            op(u"contact"_s, uid, u"created_at"_s, qint64(T0), hlc, device)};
}

const QString U1 = u"01900000-0000-7000-8000-000000000001"_s;
const QString U2 = u"01900000-0000-7000-8000-000000000002"_s;

} // namespace

class TestReplicaApplier final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void existingRowsGetUidsAndGoOut();
    void localChangesAreCaptured();
    void capturedChangesFailLoudlyWithoutFunctions();
    void lwwTieBrokenByDevice();
    void tombstoneBeatsOlderEdit();
    void editAfterDeleteDoesNotResurrect();
    void membershipAddWins();
    void stopWinsOverConcurrentStart();
    void samePhoneContactsBecomeOne();
    void sameNameGroupsAndTemplatesBecomeOne();
    void reapplyIsNoOp();
    void unknownFieldsAndEntitiesAreKept();
    void futureOpIsParkedThenApplied();
    void concurrentEditsAreListedAsConflicts();
    void codecRoundTripsAndRefusesNewerReaders();
};

void TestReplicaApplier::existingRowsGetUidsAndGoOut()
{
    // A profile from before sharing (schema 4: 4 contacts, 3 groups, 8 memberships, 1 opt-out,
    // 1 template): every row gets a uid and is queued as this computer's own change, so joining
    // with data of its own merges it in (the "merge" choice).
    QTemporaryDir dir;
    const QString path = dir.filePath(u"k.sqlite"_s);
    QVERIFY(QFile::copy(QDir(qEnvironmentVariable("KENGELE_TEST_DATA")).filePath(u"fixtures/kengele-v4.sqlite"_s), path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(u"SELECT (SELECT count(*) FROM contacts WHERE uid IS NULL), (SELECT count(DISTINCT uid) FROM contacts), "
                   "(SELECT count(*) FROM groups WHERE uid IS NULL), (SELECT count(*) FROM templates WHERE uid IS NULL)"_s)
            && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(q.value(1).toInt(), 4);
    QCOMPARE(q.value(2).toInt(), 0);
    QCOMPARE(q.value(3).toInt(), 0);
    const auto out = ChangeLog(**db).pendingOut(1000);
    QVERIFY(out);
    QMap<QString, int> rows;
    for (const SyncOp &o : out->ops) {
        if (o.field == u"phone" || o.field == u"name" || o.field == u"add" || o.field == u"kind")
            ++rows[o.entity];
        // Version 17: the ledger's transfers keep their order (their row id as clock). Version 24
        // names the campaigns' links as new changes (the other computers already have the
        // campaigns, stamped 0).
        const bool link = o.entity == u"campaign"
            && QStringList{u"account_uid"_s, u"template_uid"_s, u"parent_uid"_s, u"targets"_s}.contains(o.field);
        if (o.entity != u"token_transfer" && !link)
            QCOMPARE(o.hlc, quint64(0));
    }
    QCOMPARE(rows.value(u"contact"_s), 4);
    QCOMPARE(rows.value(u"group"_s), 3);
    QCOMPARE(rows.value(u"template"_s), 1);
    QCOMPARE(rows.value(u"membership"_s), 8);
    QCOMPARE(rows.value(u"opt_out"_s), 1);
    // Another computer that applies them holds the same data. Its clock is today's: the links'
    // changes were stamped by this machine's clock when the file was opened (a stamp minutes ahead of
    // the other computer's clock would wait).
    test::TempProfile other;
    other.clock().set(QDateTime::currentDateTimeUtc());
    apply(other, out->ops);
    const auto mine = ChangeLog(**db).canonicalDump();
    QVERIFY(mine);
    QCOMPARE(dump(other), *mine);
}

void TestReplicaApplier::localChangesAreCaptured()
{
    test::TempProfile p;
    p->database().replicaContext().setUser(u"secretary"_s);
    auto c = p->contacts().add({u"Asha"_s, u"Otieno"_s, u"0712000001"_s, {}, {}});
    QVERIFY(c);
    QVERIFY(p->contacts().update(c->id, {u"Asha"_s, u"Otieno"_s, u"0712000001"_s, {}, u"Leads the choir"_s}));
    const QList<SyncOp> ops = outgoing(p);
    QVERIFY(!ops.isEmpty());
    const QString uid = text(p, u"SELECT uid FROM contacts"_s);
    QVERIFY(!uid.isEmpty());
    int notes = 0;
    for (const SyncOp &o : ops) {
        if (o.entity == ReplicaSchema::AuditEntry)
            continue; // the changes' audit entries travel too
        QCOMPARE(o.uid, uid);
        QCOMPARE(o.user, u"secretary"_s);
        if (o.field == u"notes" && o.value.toString() == u"Leads the choir")
            ++notes;
    }
    QCOMPARE(notes, 1);
    // The update sent only the field that changed, with the creation's clock as the one it replaced.
    const auto contactOp = std::find_if(ops.crbegin(), ops.crend(), [](const SyncOp &o) { return o.entity == u"contact"; });
    QVERIFY(contactOp != ops.crend());
    const SyncOp last = *contactOp;
    QCOMPARE(last.field, u"notes"_s);
    QVERIFY(last.prev > 0 && last.prev < last.hlc);
    // Sent: nothing pending any more.
    auto out = ChangeLog(p->database()).pendingOut(1000);
    QVERIFY(ChangeLog(p->database()).markSent(out->upTo));
    QCOMPARE(ChangeLog(p->database()).status()->pendingOut, 0);
}

void TestReplicaApplier::capturedChangesFailLoudlyWithoutFunctions()
{
    test::TempProfile p;
    const QString path = p->database().path();
    {
        QSqlDatabase bare = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bare"_s);
        bare.setDatabaseName(path);
        QVERIFY(bare.open());
        QSqlQuery q(bare);
        QVERIFY(!q.exec(u"INSERT INTO groups(name, created_at) VALUES ('Choir', 1)"_s));
        QVERIFY(q.lastError().text().contains(u"no such function"_s));
    }
    QSqlDatabase::removeDatabase(u"bare"_s);
    QCOMPARE(scalar(p, u"SELECT count(*) FROM groups"_s), 0);
}

void TestReplicaApplier::lwwTieBrokenByDevice()
{
    const quint64 h0 = Hlc::pack(T0, 0);
    const quint64 h1 = Hlc::pack(T0 + 10, 0);
    QList<SyncOp> ops = createContact(U1, u"+254712000001"_s, u"Asha"_s, h0, u"dev-a"_s);
    ops << op(u"contact"_s, U1, u"first_name"_s, u"Ann"_s, h1, u"dev-a"_s, h0)
        << op(u"contact"_s, U1, u"first_name"_s, u"Bob"_s, h1, u"dev-b"_s, h0);
    test::TempProfile forward;
    test::TempProfile backward;
    for (const SyncOp &o : ops)
        apply(forward, {o});
    for (qsizetype i = ops.size() - 1; i >= 0; --i)
        apply(backward, {ops[i]});
    QCOMPARE(text(forward, u"SELECT first_name FROM contacts"_s), u"Bob"_s);
    QCOMPARE(dump(forward), dump(backward));
}

void TestReplicaApplier::tombstoneBeatsOlderEdit()
{
    const QList<SyncOp> create = createContact(U1, u"+254712000001"_s, u"Asha"_s, Hlc::pack(T0, 0), u"dev-a"_s);
    test::TempProfile p;
    apply(p, create);
    QCOMPARE(scalar(p, u"SELECT count(*) FROM contacts"_s), 1);
    apply(p, {op(u"contact"_s, U1, u"_deleted"_s, 1, Hlc::pack(T0 + 20, 0), u"dev-b"_s)});
    QCOMPARE(scalar(p, u"SELECT count(*) FROM contacts"_s), 0);
    apply(p, {op(u"contact"_s, U1, u"first_name"_s, u"Old edit"_s, Hlc::pack(T0 + 10, 0), u"dev-a"_s)});
    QCOMPARE(scalar(p, u"SELECT count(*) FROM contacts"_s), 0);
}

void TestReplicaApplier::editAfterDeleteDoesNotResurrect()
{
    test::TempProfile p;
    apply(p, createContact(U1, u"+254712000001"_s, u"Asha"_s, Hlc::pack(T0, 0), u"dev-a"_s));
    apply(p, {op(u"contact"_s, U1, u"_deleted"_s, 1, Hlc::pack(T0 + 10, 0), u"dev-b"_s)});
    apply(p, {op(u"contact"_s, U1, u"first_name"_s, u"Later edit"_s, Hlc::pack(T0 + 99, 0), u"dev-a"_s)});
    QCOMPARE(scalar(p, u"SELECT count(*) FROM contacts"_s), 0);
    // The same through the services: one computer deletes, the other edits later; both end deleted.
    test::TempProfile a;
    test::TempProfile b;
    auto c = a->contacts().add({u"Asha"_s, {}, u"0712000002"_s, {}, {}});
    QVERIFY(c);
    deliver(a, b);
    QVERIFY(a->contacts().remove({c->id}));
    b.clock().advanceMs(5000);
    const qint64 idOnB = scalar(b, u"SELECT id FROM contacts"_s);
    QVERIFY(b->contacts().update(idOnB, {u"Asha B"_s, {}, u"0712000002"_s, {}, {}}));
    deliver(a, b);
    deliver(b, a);
    QCOMPARE(scalar(a, u"SELECT count(*) FROM contacts"_s), 0);
    QCOMPARE(scalar(b, u"SELECT count(*) FROM contacts"_s), 0);
}

void TestReplicaApplier::membershipAddWins()
{
    test::TempProfile a;
    test::TempProfile b;
    auto g = a->groups().create(u"Choir"_s);
    auto c = a->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}});
    QVERIFY(g && c);
    QCOMPARE(*a->groups().addMembers(g->id, {c->id}), 1);
    deliver(a, b);
    QCOMPARE(scalar(b, u"SELECT count(*) FROM group_members"_s), 1);
    const qint64 gOnB = scalar(b, u"SELECT id FROM groups"_s);
    const qint64 cOnB = scalar(b, u"SELECT id FROM contacts"_s);
    // Offline: a removes her; b removes and adds her back (an add a never saw).
    QVERIFY(a->groups().removeMembers(g->id, {c->id}));
    QVERIFY(b->groups().removeMembers(gOnB, {cOnB}));
    QVERIFY(b->groups().addMembers(gOnB, {cOnB}));
    deliver(a, b);
    deliver(b, a);
    QCOMPARE(scalar(a, u"SELECT count(*) FROM group_members"_s), 1);
    QCOMPARE(scalar(b, u"SELECT count(*) FROM group_members"_s), 1);
    QCOMPARE(dump(a), dump(b));
    // A remove that saw every add removes her everywhere.
    QVERIFY(a->groups().removeMembers(g->id, {c->id}));
    deliver(a, b);
    QCOMPARE(scalar(b, u"SELECT count(*) FROM group_members"_s), 0);
}

void TestReplicaApplier::stopWinsOverConcurrentStart()
{
    test::TempProfile a;
    test::TempProfile b;
    auto c = a->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}});
    QVERIFY(c);
    QVERIFY(a->contacts().optOut(u"+254712000001", u"STOP"_s, u"sms"_s, Actor::Kengele));
    deliver(a, b);
    QVERIFY(*b->contacts().isOptedOut(u"+254712000001"));
    // b allows SMS again while a, offline, receives another STOP and a staff edit of the contact.
    QVERIFY(b->contacts().allowAgain(u"+254712000001", u"Asked at church"_s, u"secretary"_s));
    a.clock().advanceMs(1000);
    QVERIFY(a->contacts().optOut(u"+254712000001", u"STOP again"_s, u"sms"_s, Actor::Kengele));
    QVERIFY(a->contacts().update(c->id, {u"Asha"_s, u"Otieno"_s, u"0712000001"_s, {}, {}}));
    deliver(b, a);
    deliver(a, b);
    QVERIFY(*a->contacts().isOptedOut(u"+254712000001"));
    QVERIFY(*b->contacts().isOptedOut(u"+254712000001"));
    QCOMPARE(dump(a), dump(b));
    // A START that saw every STOP ends it everywhere.
    QVERIFY(b->contacts().allowAgain(u"+254712000001", u"Asked again"_s, u"secretary"_s));
    deliver(b, a);
    QVERIFY(!*a->contacts().isOptedOut(u"+254712000001"));
}

void TestReplicaApplier::samePhoneContactsBecomeOne()
{
    test::TempProfile a;
    test::TempProfile b;
    b.clock().advanceMs(60'000);
    auto ga = a->groups().create(u"Choir"_s);
    auto ca = a->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, u"From a"_s});
    auto gb = b->groups().create(u"Youth"_s);
    auto cb = b->contacts().add({u"Asha"_s, u"Otieno"_s, u"+254 712 000001"_s, u"asha@example.org"_s, {}});
    auto other = b->contacts().add({u"Baraka"_s, {}, u"0712000002"_s, {}, {}});
    QVERIFY(ga && ca && gb && cb && other);
    QVERIFY(a->groups().addMembers(ga->id, {ca->id}));
    QVERIFY(b->groups().addMembers(gb->id, {cb->id, other->id}));
    deliver(a, b);
    deliver(b, a);
    deliver(a, b); // the alias a found
    for (test::TempProfile *p : {&a, &b}) {
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM contacts WHERE phone = '+254712000001'"_s), 1);
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM contacts"_s), 2);
        // Her memberships from both computers are on the one contact.
        QCOMPARE(scalar(*p,
                        u"SELECT count(*) FROM group_members m JOIN contacts c ON c.id = m.contact_id "
                        "WHERE c.phone = '+254712000001'"_s),
                 2);
        // Fields merged by last writer: b's values are newer; a's notes are the only notes.
        QCOMPARE(text(*p, u"SELECT last_name FROM contacts WHERE phone = '+254712000001'"_s), u"Otieno"_s);
    }
    QCOMPARE(dump(a), dump(b));
    // The canonical uid is the smaller one, whichever computer saw which first.
    const QString uid = text(a, u"SELECT uid FROM contacts WHERE phone = '+254712000001'"_s);
    QCOMPARE(uid, std::min(text(a, u"SELECT canonical FROM sync_aliases"_s), uid));
    // Later changes to either uid land on the one contact.
    QVERIFY(b->contacts().update(scalar(b, u"SELECT id FROM contacts WHERE phone = '+254712000001'"_s),
                                 {u"Asha"_s, u"Otieno"_s, u"0712000001"_s, {}, u"Edited on b"_s}));
    deliver(b, a);
    QCOMPARE(text(a, u"SELECT notes FROM contacts WHERE phone = '+254712000001'"_s), u"Edited on b"_s);
}

void TestReplicaApplier::sameNameGroupsAndTemplatesBecomeOne()
{
    test::TempProfile a;
    test::TempProfile b;
    auto ga = a->groups().create(u"Choir"_s, u"Sunday choir"_s);
    auto gb = b->groups().create(u"choir"_s);
    auto ca = a->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}});
    auto cb = b->contacts().add({u"Baraka"_s, {}, u"0712000002"_s, {}, {}});
    QVERIFY(ga && gb && ca && cb);
    QVERIFY(a->groups().addMembers(ga->id, {ca->id}));
    QVERIFY(b->groups().addMembers(gb->id, {cb->id}));
    QVERIFY(a->templates().save(u"Welcome"_s, u"Karibu {first_name}"_s));
    QVERIFY(b->templates().save(u"welcome"_s, u"Welcome, {first_name}"_s));
    deliver(b, a);
    deliver(a, b);
    deliver(b, a);
    for (test::TempProfile *p : {&a, &b}) {
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM groups"_s), 1);
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM templates"_s), 1);
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM group_members"_s), 2);
    }
    QCOMPARE(dump(a), dump(b));
}

void TestReplicaApplier::reapplyIsNoOp()
{
    test::TempProfile a;
    test::TempProfile b;
    auto g = a->groups().create(u"Choir"_s);
    auto c = a->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}});
    QVERIFY(g && c);
    QVERIFY(a->groups().addMembers(g->id, {c->id}));
    QVERIFY(a->contacts().optOut(u"+254712000001", u"STOP"_s));
    QVERIFY(a->contacts().remove({c->id}));
    const QList<SyncOp> ops = outgoing(a);
    const ReplicaApplier::Report first = apply(b, ops);
    QVERIFY(first.applied > 0);
    const QByteArray before = dump(b);
    const ReplicaApplier::Report again = apply(b, ops + ops);
    QCOMPARE(again.applied, 0);
    QCOMPARE(dump(b), before);
    QCOMPARE(dump(a), before);
}

void TestReplicaApplier::unknownFieldsAndEntitiesAreKept()
{
    test::TempProfile p;
    QList<SyncOp> ops = createContact(U1, u"+254712000001"_s, u"Asha"_s, Hlc::pack(T0, 0), u"dev-a"_s);
    ops << op(u"contact"_s, U1, u"nickname"_s, u"Ash"_s, Hlc::pack(T0, 0), u"dev-a"_s)
        << op(u"prayer_request"_s, U2, u"title"_s, u"For the harvest"_s, Hlc::pack(T0, 1), u"dev-a"_s);
    const ReplicaApplier::Report report = apply(p, ops);
    QCOMPARE(report.unknown, 2);
    QCOMPARE(scalar(p, u"SELECT count(*) FROM contacts"_s), 1);
    QCOMPARE(scalar(p, u"SELECT count(*) FROM sync_unknown"_s), 2);
    QVERIFY(dump(p).contains("nickname"));
    // A newer write of an unknown field wins, an older one does not.
    apply(p, {op(u"contact"_s, U1, u"nickname"_s, u"Older"_s, Hlc::pack(T0 - 5, 0), u"dev-b"_s)});
    QCOMPARE(text(p, u"SELECT value FROM sync_unknown WHERE field = 'nickname'"_s), u"Ash"_s);
}

void TestReplicaApplier::futureOpIsParkedThenApplied()
{
    test::TempProfile p;
    const quint64 clockBefore = quint64(scalar(p, u"SELECT hlc FROM sync_state"_s));
    const qint64 now = p.clock().nowMs();
    const ReplicaApplier::Report report
        = apply(p, createContact(U1, u"+254712000001"_s, u"From the future"_s, Hlc::pack(now + 10 * 60 * 1000, 0), u"dev-x"_s));
    QCOMPARE(report.parked, 3);
    QCOMPARE(scalar(p, u"SELECT count(*) FROM contacts"_s), 0);
    QCOMPARE(ChangeLog(p->database()).status()->parked, 3);
    QCOMPARE(quint64(scalar(p, u"SELECT hlc FROM sync_state"_s)), clockBefore); // the clock did not move
    p.clock().advanceMs(4 * 60 * 1000);
    QCOMPARE(ReplicaApplier(p->database(), p.clock()).retryParked()->unparked, 0);
    p.clock().advanceMs(2 * 60 * 1000);
    const auto later = ReplicaApplier(p->database(), p.clock()).retryParked();
    QVERIFY(later);
    QCOMPARE(later->unparked, 3);
    QCOMPARE(text(p, u"SELECT first_name FROM contacts"_s), u"From the future"_s);
    QCOMPARE(ChangeLog(p->database()).status()->parked, 0);
}

void TestReplicaApplier::concurrentEditsAreListedAsConflicts()
{
    test::TempProfile a;
    test::TempProfile b;
    auto c = a->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}});
    QVERIFY(c);
    deliver(a, b);
    a->database().replicaContext().setUser(u"pastor"_s);
    b->database().replicaContext().setUser(u"secretary"_s);
    QVERIFY(a->contacts().update(c->id, {u"Asha"_s, {}, u"0712000001"_s, {}, u"Visit on Tuesday"_s}));
    b.clock().advanceMs(1000);
    QVERIFY(b->contacts().update(scalar(b, u"SELECT id FROM contacts"_s),
                                 {u"Asha"_s, {}, u"0712000001"_s, {}, u"Moved to Nakuru"_s}));
    deliver(a, b);
    deliver(b, a);
    QCOMPARE(dump(a), dump(b));
    for (test::TempProfile *p : {&a, &b}) {
        QCOMPARE(text(*p, u"SELECT notes FROM contacts"_s), u"Moved to Nakuru"_s);
        const auto conflicts = ChangeLog((*p)->database()).conflicts();
        QVERIFY(conflicts);
        QCOMPARE(conflicts->size(), 1);
        const SyncConflict &k = conflicts->first();
        QCOMPARE(k.field, u"notes"_s);
        QCOMPARE(k.kept.toString(), u"Moved to Nakuru"_s);
        QCOMPARE(k.lost.toString(), u"Visit on Tuesday"_s);
        QCOMPARE(k.keptUser, u"secretary"_s);
        QCOMPARE(k.lostUser, u"pastor"_s);
        // For people: the contact's name, and which value was written on this computer.
        QCOMPARE(k.label, u"Asha"_s);
        QCOMPARE(k.keptHere, p == &b);
        QCOMPARE(k.lostHere, p == &a);
        const QJsonObject json = k.toJson();
        for (const char *key : {"entity", "id", "field", "kept", "lost", "time"})
            QVERIFY2(json.contains(QLatin1StringView(key)), key);
    }
    // A later edit that saw the other is no conflict.
    a.clock().advanceMs(5000);
    QVERIFY(a->contacts().update(c->id, {u"Asha"_s, {}, u"0712000001"_s, {}, u"Moved to Nakuru; visit"_s}));
    deliver(a, b);
    QCOMPARE(ChangeLog(b->database()).conflicts()->size(), 1);
}

void TestReplicaApplier::codecRoundTripsAndRefusesNewerReaders()
{
    QList<SyncOp> ops = createContact(U1, u"+254712000001"_s, u"Asha"_s, Hlc::pack(T0, 3), u"dev-a"_s);
    ops << op(u"membership"_s, U1 + u'/' + U2, u"remove"_s, QCborArray{u"1@x"_s, u"2@y"_s}, Hlc::pack(T0, 4), u"dev-a"_s, 7);
    const QByteArray bytes = SyncOpCodec::encodeOps(ops);
    const auto decoded = SyncOpCodec::decodeOps(bytes);
    QVERIFY(decoded);
    QCOMPARE(decoded->ops, ops);
    QCOMPARE(decoded->minReader, 1);
    QVERIFY(!SyncOpCodec::decodeOps("not cbor"));
    QCborMap newer = QCborValue::fromCbor(bytes).toMap();
    newer.insert(u"min_reader"_s, 99);
    const auto refused = SyncOpCodec::decodeOps(QCborValue(newer).toCbor());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NewerSchema);
}

QTEST_GUILESS_MAIN(TestReplicaApplier)
#include "TestReplicaApplier.moc"
