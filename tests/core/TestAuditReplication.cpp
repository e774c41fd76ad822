// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Audit entries shared between computers (architecture.md "Who may do what, and the audit trail"):
// each computer's own trail travels as grow-only operations and is kept on the others apart from
// their own chain (audit_remote). Two profiles hand each other their changes as the relay would
// (without network and encryption): an entry made on A is listed on B under A's name, in order; B's
// own chain, head and check are untouched; a received entry changed afterwards is caught by the
// check of A's trail on B; a number not arrived yet is "not arrived yet", not tampering; duplicates
// and any order of arrival give one copy; a trail written anew on A shows on B (a backup restore
// is told apart); the trail there before version 22 is queued; "Start from the church's data"
// keeps this computer's trail queued and clears the others'.

#include "SchemaRollback.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "security/AuditLog.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "sync/ChangeLog.h"
#include "sync/JoinChoice.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaSchema.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

qint64 scalar(test::TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QList<SyncOp> pending(test::TempProfile &from, bool markSent = true)
{
    ChangeLog log(from->database());
    const auto out = log.pendingOut(1000000, qint64(1) << 40);
    if (!out)
        return {};
    if (markSent)
        (void)log.markSent(out->upTo);
    return out->ops;
}

bool apply(test::TempProfile &to, const QList<SyncOp> &ops)
{
    return ReplicaApplier(to->database(), to.clock()).apply(ops).has_value();
}

QString idOf(test::TempProfile &p)
{
    return *AuditLog(p->database(), p.clock(), p.path() + u"/audit-head"_s, {}).thisComputer();
}

// The operations of one entry (by its number).
QList<SyncOp> entryOps(const QList<SyncOp> &ops, qint64 id)
{
    QList<SyncOp> out;
    for (const SyncOp &op : ops) {
        if (op.entity == ReplicaSchema::AuditEntry && op.uid.endsWith(u'/' + QString::number(id)))
            out.append(op);
    }
    return out;
}

// A version of entry `entry.id` of `computer`'s trail, as that computer would send it.
QList<SyncOp> opsFor(const QString &computer, const AuditEntry &entry, quint64 hlc)
{
    QList<SyncOp> out;
    const QList<std::pair<QString, QCborValue>> fields{{u"id"_s, entry.id},           {u"at"_s, entry.time.toMSecsSinceEpoch()},
                                                       {u"user_name"_s, entry.user},  {u"device_name"_s, entry.device},
                                                       {u"action"_s, entry.action},   {u"object"_s, entry.object},
                                                       {u"summary"_s, entry.summary}, {u"hash"_s, entry.hash}};
    for (const auto &[field, value] : fields)
        out.append(SyncOp{
            QString(ReplicaSchema::AuditEntry), computer + u'/' + QString::number(entry.id), field, value, hlc, computer, {}, 0});
    return out;
}

} // namespace

class TestAuditReplication final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void entriesMadeOnAAreListedOnBUnderAsName();
    void ownChainIsUntouched();
    void tamperedReceivedEntryIsCaught();
    void gapsAreNotArrivedYet();
    void duplicatesAndAnyOrderGiveOneCopy_data();
    void duplicatesAndAnyOrderGiveOneCopy();
    void trailWrittenAnewShows();
    void trailBeforeVersion22IsQueued();
    void startingFromTheChurchKeepsTheOwnTrail();

private:
    std::unique_ptr<test::TempProfile> m_a;
    std::unique_ptr<test::TempProfile> m_b;
    std::unique_ptr<AuditLog> m_auditA; // "Office desktop"
    std::unique_ptr<AuditLog> m_auditB; // "Pastor's laptop"
};

void TestAuditReplication::init()
{
    m_a = std::make_unique<test::TempProfile>();
    m_b = std::make_unique<test::TempProfile>();
    m_b->clock().advanceMs(45'000);
    m_auditA = std::make_unique<AuditLog>((*m_a)->database(), m_a->clock(), m_a->path() + u"/audit-head"_s, u"Office desktop"_s);
    m_auditB = std::make_unique<AuditLog>((*m_b)->database(), m_b->clock(), m_b->path() + u"/audit-head"_s, u"Pastor's laptop"_s);
}

void TestAuditReplication::cleanup()
{
    m_auditA.reset();
    m_auditB.reset();
    m_a.reset();
    m_b.reset();
}

void TestAuditReplication::entriesMadeOnAAreListedOnBUnderAsName()
{
    m_auditA->setActor(u"mary"_s);
    QVERIFY(m_auditA->record(u"users.add"_s, u"user:john"_s, u"Added John as staff"_s));
    m_a->clock().advanceMs(1000);
    QVERIFY(m_auditA->record(u"contacts.add"_s, u"contact:7"_s, u"Added a contact"_s));
    m_a->clock().advanceMs(1000);
    QVERIFY(m_auditA->record(u"tokens.grant"_s, u"account:2"_s, u"100 tokens to Main"_s));
    QVERIFY(m_auditB->record(u"signin"_s, u"user:peter"_s, u"Signed in"_s));
    QVERIFY(apply(*m_b, pending(*m_a)));

    const QString a = idOf(*m_a);
    const QString b = idOf(*m_b);
    const auto computers = m_auditB->computers();
    QVERIFY(computers);
    QCOMPARE(computers->size(), 2);
    QCOMPARE(computers->at(0).id, b);
    QVERIFY(computers->at(0).here);
    QCOMPARE(computers->at(0).entries, 1);
    QCOMPARE(computers->at(1).id, a);
    QCOMPARE(computers->at(1).name, u"Office desktop"_s);
    QCOMPARE(computers->at(1).entries, 3);
    QVERIFY(!computers->at(1).here);

    AuditFilter ofA;
    ofA.computer = a;
    const auto listed = m_auditB->list(ofA);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 3);
    // Newest first, in A's order, each as A wrote it.
    QCOMPARE(listed->at(0).id, 3);
    QCOMPARE(listed->at(2).id, 1);
    QCOMPARE(listed->at(2).action, u"users.add"_s);
    QCOMPARE(listed->at(2).user, u"mary"_s);
    for (const AuditEntry &e : *listed) {
        QCOMPARE(e.device, u"Office desktop"_s);
        QCOMPARE(e.computer, a);
    }
    const auto onA = m_auditA->list();
    QVERIFY(onA);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(listed->at(i).hash, onA->at(i).hash);
        QCOMPARE(listed->at(i).time, onA->at(i).time);
        QCOMPARE(listed->at(i).summary, onA->at(i).summary);
    }
    // Filters work on another computer's trail as on one's own.
    ofA.action = u"contacts"_s;
    QCOMPARE(m_auditB->list(ofA)->size(), 1);
    ofA.action.clear();
    ofA.user = u"MARY"_s;
    QCOMPARE(m_auditB->list(ofA)->size(), 3);

    // Every computer: by time, newest first, each entry naming its computer.
    AuditFilter all;
    all.computer = QString(AuditFilter::AllComputers);
    const auto everything = m_auditB->list(all);
    QVERIFY(everything);
    QCOMPARE(everything->size(), 4);
    QCOMPARE(everything->at(0).device, u"Pastor's laptop"_s); // B's clock is 45 s ahead
    QCOMPARE(everything->at(0).computer, b);
    QCOMPARE(everything->at(1).computer, a);
    QCOMPARE(everything->at(1).id, 3);

    const auto checked = m_auditB->verifyComputer(a);
    QVERIFY(checked);
    QVERIFY2(checked->ok, qPrintable(checked->reason));
    QCOMPARE(checked->entries, 3);
    QCOMPARE(checked->missingFrom, 0);
}

void TestAuditReplication::ownChainIsUntouched()
{
    QVERIFY(m_auditB->record(u"signin"_s, u"user:peter"_s, u"Signed in"_s));
    QVERIFY(m_auditB->record(u"lock"_s, u"user:peter"_s, u"Locked"_s));
    m_auditB->committed();
    QFile headFile(m_b->path() + u"/audit-head"_s);
    QVERIFY(headFile.open(QIODevice::ReadOnly));
    const QByteArray headBefore = headFile.readAll();
    headFile.close();
    const auto before = m_auditB->head();
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_auditA->record(u"contacts.edit"_s, u"contact:%1"_s.arg(i), u"Changed a contact"_s));
    QVERIFY(apply(*m_b, pending(*m_a)));
    m_auditB->committed();

    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM audit_log"_s), 2);
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM audit_remote"_s), 5);
    QCOMPARE(*m_auditB->head(), *before);
    QVERIFY(headFile.open(QIODevice::ReadOnly));
    QCOMPARE(headFile.readAll(), headBefore);
    const auto verified = m_auditB->verify();
    QVERIFY(verified);
    QVERIFY2(verified->ok, qPrintable(verified->reason));
    QCOMPARE(verified->entries, 2);
    QCOMPARE(m_auditB->list()->size(), 2);
    // The next entry of B's own continues B's chain.
    QVERIFY(m_auditB->record(u"lock"_s, u"user:peter"_s, u"Locked"_s));
    QCOMPARE(m_auditB->head()->first, 3);
    QVERIFY(m_auditB->verify()->ok);
    // B's own entries that came back (a snapshot, an echo) never land beside its trail.
    const QList<SyncOp> own = pending(*m_b, false);
    QVERIFY(!own.isEmpty());
    QVERIFY(apply(*m_b, own));
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM audit_remote"_s), 5);
}

void TestAuditReplication::tamperedReceivedEntryIsCaught()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_auditA->record(u"contacts.add"_s, u"contact:%1"_s.arg(i), u"Added a contact"_s));
    QVERIFY(apply(*m_b, pending(*m_a)));
    const QString a = idOf(*m_a);
    QVERIFY(m_auditB->verifyComputer(a)->ok);
    // What arrived cannot be changed...
    QSqlQuery q((*m_b)->database().connection());
    QVERIFY(!q.exec(u"UPDATE audit_remote SET summary = 'Nothing happened' WHERE entry_id = 3"_s));
    QVERIFY(!q.exec(u"DELETE FROM audit_remote WHERE entry_id = 3"_s));
    // ... unless someone takes the table's guard away, as a tamperer with the file would.
    QVERIFY(q.exec(u"DROP TRIGGER audit_remote_append_only_update"_s));
    QVERIFY(q.exec(u"UPDATE audit_remote SET summary = 'Nothing happened' WHERE entry_id = 3"_s));
    const auto checked = m_auditB->verifyComputer(a);
    QVERIFY(checked);
    QVERIFY(!checked->ok);
    QCOMPARE(checked->firstBad, 3);
    QVERIFY2(checked->reason.contains(u"changed"_s), qPrintable(checked->reason));
    // A's own check is not B's business: it holds.
    QVERIFY(m_auditA->verify()->ok);
}

void TestAuditReplication::gapsAreNotArrivedYet()
{
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_auditA->record(u"contacts.add"_s, u"contact:%1"_s.arg(i), u"Added a contact"_s));
    const QList<SyncOp> ops = pending(*m_a);
    QList<SyncOp> withoutThree;
    for (const SyncOp &op : ops) {
        if (!entryOps(ops, 3).contains(op))
            withoutThree.append(op);
    }
    QVERIFY(apply(*m_b, withoutThree));
    const QString a = idOf(*m_a);
    auto checked = m_auditB->verifyComputer(a);
    QVERIFY(checked);
    QVERIFY(checked->ok); // not tampering
    QCOMPARE(checked->entries, 5);
    QCOMPARE(checked->missingFrom, 3);
    QVERIFY2(checked->reason.contains(u"arrived"_s), qPrintable(checked->reason));
    // A changed entry after the gap is still caught.
    {
        QSqlQuery q((*m_b)->database().connection());
        QVERIFY(q.exec(u"DROP TRIGGER audit_remote_append_only_update"_s));
        QVERIFY(q.exec(u"UPDATE audit_remote SET object = 'contact:99' WHERE entry_id = 5"_s));
        checked = m_auditB->verifyComputer(a);
        QVERIFY(!checked->ok);
        QCOMPARE(checked->firstBad, 5);
        QVERIFY(q.exec(u"DELETE FROM audit_remote"_s) == false); // deleting stays refused
    }
    // Once it arrives, the whole chain is checked.
    test::TempProfile c;
    QVERIFY(apply(c, withoutThree));
    QVERIFY(apply(c, entryOps(ops, 3)));
    AuditLog onC(c->database(), c.clock(), c.path() + u"/audit-head"_s, u"Hall PC"_s);
    checked = onC.verifyComputer(a);
    QVERIFY(checked->ok);
    QCOMPARE(checked->missingFrom, 0);
    QCOMPARE(checked->entries, 6);
    QVERIFY(checked->reason.isEmpty());
}

void TestAuditReplication::duplicatesAndAnyOrderGiveOneCopy_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 5; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestAuditReplication::duplicatesAndAnyOrderGiveOneCopy()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    for (int i = 0; i < 20; ++i) {
        QVERIFY(m_auditA->record(u"contacts.add"_s, u"contact:%1"_s.arg(i), u"Added a contact"_s));
        m_a->clock().advanceMs(random.bounded(3000));
    }
    for (int i = 0; i < 7; ++i)
        QVERIFY(m_auditB->record(u"groups.add"_s, u"group:%1"_s.arg(i), u"Made a group"_s));
    const QList<SyncOp> fromA = pending(*m_a);
    // Pieces of A's changes (a batch holds whole changes: an entry's fields travel together) in
    // random order, some twice.
    QList<QList<SyncOp>> pieces;
    for (qsizetype at = 0; at < fromA.size();) {
        qsizetype end = at + 1;
        for (qint64 entries = 1 + random.bounded(4); end < fromA.size(); ++end) {
            if (fromA[end].uid != fromA[end - 1].uid && --entries == 0)
                break;
        }
        pieces.append(fromA.mid(at, end - at));
        at = end;
    }
    const qsizetype whole = pieces.size();
    for (qsizetype i = 0; i < whole; ++i) {
        if (random.bounded(3) == 0)
            pieces.append(pieces[random.bounded(whole)]);
    }
    for (qsizetype k = pieces.size() - 1; k > 0; --k)
        pieces.swapItemsAt(k, random.bounded(k + 1));
    for (const QList<SyncOp> &piece : std::as_const(pieces))
        QVERIFY(apply(*m_b, piece));
    QVERIFY(apply(*m_b, fromA));
    QVERIFY(apply(*m_a, pending(*m_b)));
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM audit_remote"_s), 20);
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM audit_remote"_s), 7);
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM audit_entries"_s), 27);
    const QByteArray dumpA = *ChangeLog((*m_a)->database()).canonicalDump();
    QCOMPARE(dumpA.count("[\"audit_entry\""), 27);
    const QByteArray dumpB = *ChangeLog((*m_b)->database()).canonicalDump();
    QCOMPARE(dumpB.split('\n'), dumpA.split('\n'));
    const auto checked = m_auditB->verifyComputer(idOf(*m_a));
    QVERIFY(checked->ok);
    QCOMPARE(checked->missingFrom, 0);
}

void TestAuditReplication::trailWrittenAnewShows()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_auditA->record(u"contacts.add"_s, u"contact:%1"_s.arg(i), u"Added a contact"_s));
    QVERIFY(apply(*m_b, pending(*m_a)));
    const QString a = idOf(*m_a);
    const QList<AuditEntry> sent = *m_auditA->list(); // newest first: 4, 3, 2, 1

    // A restores a backup that held entries 1 and 2: its trail goes on from 2 with the restore.
    AuditEntry restore{3,
                       m_a->clock().nowUtc().addSecs(600),
                       u"mary"_s,
                       u"Office desktop"_s,
                       u"backup.restore"_s,
                       u"backup"_s,
                       u"Restored the backup of Sunday"_s,
                       {},
                       {}};
    restore.time = QDateTime::fromMSecsSinceEpoch(restore.time.toMSecsSinceEpoch(), Qt::UTC);
    restore.hash = AuditLog::chainHash(sent.at(2).hash, restore);
    QVERIFY(apply(*m_b, opsFor(a, restore, 1ull << 40)));
    auto checked = m_auditB->verifyComputer(a);
    QVERIFY2(checked->ok, qPrintable(checked->reason));
    QCOMPARE(checked->replacedByRestore, 2); // entries 3 and 4 of before
    QCOMPARE(checked->entries, 5);
    AuditEntry next{4, restore.time.addSecs(5), u"mary"_s, u"Office desktop"_s, u"signin"_s, u"user:mary"_s, u"Signed in"_s, {},
                    {}};
    next.hash = AuditLog::chainHash(restore.hash, next);
    QVERIFY(apply(*m_b, opsFor(a, next, (1ull << 40) + 1)));
    checked = m_auditB->verifyComputer(a);
    QVERIFY2(checked->ok, qPrintable(checked->reason));
    QCOMPARE(checked->replacedByRestore, 2);
    AuditFilter ofA;
    ofA.computer = a;
    QCOMPARE(m_auditB->list(ofA)->size(), 6); // both versions listed

    // Without a restore, a second version of an entry is a trail written anew.
    test::TempProfile c;
    AuditLog onC(c->database(), c.clock(), c.path() + u"/audit-head"_s, u"Hall PC"_s);
    QVERIFY(apply(c, opsFor(a, sent.at(3), 1)));
    QVERIFY(apply(c, opsFor(a, sent.at(2), 2)));
    AuditEntry forged{2, sent.at(2).time, u"mary"_s, u"Office desktop"_s, u"contacts.add"_s, u"contact:1"_s, u"Nothing"_s, {},
                      {}};
    forged.hash = AuditLog::chainHash(sent.at(3).hash, forged);
    QVERIFY(apply(c, opsFor(a, forged, 3)));
    checked = onC.verifyComputer(a);
    QVERIFY(!checked->ok);
    QCOMPARE(checked->firstBad, 2);
    QVERIFY2(checked->reason.contains(u"anew"_s), qPrintable(checked->reason));

    // An operation that claims another computer's entry is not taken in as one.
    test::TempProfile d;
    QList<SyncOp> claimed = opsFor(a, sent.at(3), 1);
    for (SyncOp &op : claimed)
        op.device = u"someone-else"_s;
    QVERIFY(apply(d, claimed));
    QCOMPARE(scalar(d, u"SELECT count(*) FROM audit_remote"_s), 0);
}

void TestAuditReplication::trailBeforeVersion22IsQueued()
{
    // A profile at version 21 with a trail: version 22 queues it, in order, as this computer's own.
    QSqlDatabase db = (*m_a)->database().connection();
    QSqlQuery q(db);
    for (const char *sql : {"DROP TRIGGER sync_capture_audit_log_insert", "DROP VIEW audit_entries", "DROP TABLE audit_remote"})
        QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
    for (int i = 0; i < 25; ++i)
        QVERIFY(m_auditA->record(u"contacts.add"_s, u"contact:%1"_s.arg(i), u"Added a contact"_s));
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM change_log WHERE entity = 'audit_entry'"_s), 0);
    // Two entries of B's arrived while A was at version 21 (kept as unknown, as that version's
    // applier keeps what it does not know), and part of a third; 22 folds in the whole ones.
    QVERIFY(m_auditB->record(u"signin"_s, u"user:peter"_s, u"Signed in"_s));
    QVERIFY(m_auditB->record(u"lock"_s, u"user:peter"_s, u"Locked"_s));
    QVERIFY(m_auditB->record(u"lock"_s, u"user:peter"_s, u"Locked"_s));
    QList<SyncOp> fromB = pending(*m_b);
    fromB.removeLast();
    QSqlQuery keep(db);
    keep.prepare(u"INSERT INTO sync_unknown(entity, uid, field, value, hlc, device, user) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (const SyncOp &op : std::as_const(fromB)) {
        keep.addBindValue(op.entity);
        keep.addBindValue(op.uid);
        keep.addBindValue(op.field);
        keep.addBindValue(op.value.isInteger() ? QVariant(op.value.toInteger()) : QVariant(op.value.toString()));
        keep.addBindValue(qint64(op.hlc));
        keep.addBindValue(op.device);
        keep.addBindValue(op.user);
        QVERIFY(keep.exec());
    }
    // Versions 23 and 24 come after it and are run again too.
    QVERIFY(test::undoVersionsAfter22(db));
    QVERIFY(Migrations::apply(db, 21));
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM audit_remote"_s), 2);
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM sync_unknown WHERE entity = 'audit_entry'"_s), 7);
    QVERIFY(m_auditA->verifyComputer(idOf(*m_b))->ok);
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM change_log WHERE entity = 'audit_entry'"_s), 25);
    QVERIFY(apply(*m_b, pending(*m_a)));
    const auto checked = m_auditB->verifyComputer(idOf(*m_a));
    QVERIFY2(checked->ok, qPrintable(checked->reason));
    QCOMPARE(checked->entries, 25);
    QCOMPARE(checked->missingFrom, 0);
    // And new entries are captured again.
    QVERIFY(m_auditA->record(u"lock"_s, u"user:mary"_s, u"Locked"_s));
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM change_log WHERE entity = 'audit_entry'"_s), 26);
}

void TestAuditReplication::startingFromTheChurchKeepsTheOwnTrail()
{
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_auditA->record(u"contacts.add"_s, u"contact:%1"_s.arg(i), u"Added a contact"_s));
    QVERIFY(apply(*m_b, pending(*m_a)));
    QVERIFY(m_auditB->record(u"signin"_s, u"user:peter"_s, u"Signed in"_s));
    QVERIFY((*m_b)->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}}));
    (void)pending(*m_b); // sent before
    QVERIFY(m_auditB->record(u"lock"_s, u"user:peter"_s, u"Locked"_s));
    const qint64 own = scalar(*m_b, u"SELECT count(*) FROM audit_log"_s);
    QVERIFY(JoinChoices::clearSharedData((*m_b)->database().connection()));
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM audit_remote"_s), 0);
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM audit_log"_s), own);
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM contacts"_s), 0);
    // B's whole trail goes out again, nothing else of its own.
    const QList<SyncOp> out = pending(*m_b);
    QSet<QString> entities;
    QSet<QString> uids;
    for (const SyncOp &op : out) {
        entities.insert(op.entity);
        uids.insert(op.uid);
    }
    QCOMPARE(entities, QSet<QString>{QString(ReplicaSchema::AuditEntry)});
    QCOMPARE(uids.size(), own);
    QVERIFY(m_auditB->verify()->ok);
}

QTEST_GUILESS_MAIN(TestAuditReplication)
#include "TestAuditReplication.moc"
