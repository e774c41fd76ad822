// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What sharing the audit trail costs on a large trail (100,000 entries, years of a busy office):
// - writing entries with and without the capture trigger (in transactions of 100 entries, each
//   entry its own AuditLog::record as the services write them);
// - migration 19 on a version-18 profile holding 100,000 entries (the trail queued);
// - applying them on another computer (ReplicaApplier), checking that computer's trail there, and
//   the page's first screen of every computer's entries (1,000 newest).
// Prints the times; asserts only that the work was done.

#include "SchemaRollback.h"
#include "TestSupport.h"
#include "security/AuditLog.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/Transaction.h"
#include "sync/ChangeLog.h"
#include "sync/ReplicaApplier.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

constexpr int Entries = 100'000;

qint64 scalar(test::TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// `count` entries, 100 to a transaction; the time it took in ms.
qint64 write(test::TempProfile &p, AuditLog &audit, int count)
{
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = p->database().connection();
    for (int done = 0; done < count;) {
        Transaction transaction(db);
        if (!transaction.began(u"bench"_s))
            return -1;
        for (int i = 0; i < 100 && done < count; ++i, ++done) {
            if (!audit.record(db, u"contacts.edit"_s, u"contact:%1"_s.arg(done), u"Changed the notes and the email"_s))
                return -1;
        }
        if (!transaction.commit())
            return -1;
        p.clock().advanceMs(1000);
    }
    return timer.elapsed();
}

// Takes the pieces of version 22 away again: the profile is as a version-21 one (and those of
// versions 23 and 24, which come after it and run again).
bool backTo18(test::TempProfile &p)
{
    QSqlQuery q(p->database().connection());
    if (!test::undoVersionsAfter22(p->database().connection()))
        return false;
    return q.exec(u"DROP TRIGGER sync_capture_audit_log_insert"_s) && q.exec(u"DROP VIEW audit_entries"_s)
        && q.exec(u"DROP TABLE audit_remote"_s) && q.exec(u"DELETE FROM change_log WHERE entity = 'audit_entry'"_s);
}

} // namespace

class BenchAuditSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void captureMigrateApply100k();
};

void BenchAuditSync::captureMigrateApply100k()
{
    // Without capture (as before version 22).
    test::TempProfile before;
    AuditLog auditBefore(before->database(), before.clock(), before.path() + u"/audit-head"_s, u"Office desktop"_s);
    QVERIFY(backTo18(before));
    const qint64 withoutMs = write(before, auditBefore, Entries);
    QVERIFY(withoutMs >= 0);

    // With capture.
    test::TempProfile a;
    AuditLog auditA(a->database(), a.clock(), a.path() + u"/audit-head"_s, u"Office desktop"_s);
    const qint64 withMs = write(a, auditA, Entries);
    QVERIFY(withMs >= 0);
    QCOMPARE(scalar(a, u"SELECT count(*) FROM change_log WHERE entity = 'audit_entry'"_s), Entries);
    qInfo("writing %d entries (100 a transaction): %lld ms without capture, %lld ms with it (%.1f us an entry more)", Entries,
          withoutMs, withMs, double(withMs - withoutMs) * 1000.0 / Entries);

    // Migration 22 on the version-21 profile with its 100,000 entries.
    QElapsedTimer timer;
    timer.start();
    QVERIFY(Migrations::apply(before->database().connection(), 21));
    const qint64 migrateMs = timer.elapsed();
    QCOMPARE(scalar(before, u"SELECT count(*) FROM change_log WHERE entity = 'audit_entry'"_s), Entries);
    qInfo("migration 22 with %d entries: %lld ms", Entries, migrateMs);

    // Another computer takes them in.
    timer.restart();
    const auto out = ChangeLog(a->database()).pendingOut(Entries + 10, qint64(1) << 40);
    QVERIFY(out);
    const qint64 readMs = timer.elapsed();
    test::TempProfile b;
    b.clock().set(a.clock().nowUtc());
    AuditLog auditB(b->database(), b.clock(), b.path() + u"/audit-head"_s, u"Pastor's laptop"_s);
    timer.restart();
    QVERIFY(ReplicaApplier(b->database(), b.clock()).apply(out->ops));
    const qint64 applyMs = timer.elapsed();
    QCOMPARE(scalar(b, u"SELECT count(*) FROM audit_remote"_s), Entries);
    const QString aId = *auditA.thisComputer();
    timer.restart();
    const auto checked = auditB.verifyComputer(aId);
    const qint64 verifyMs = timer.elapsed();
    QVERIFY(checked && checked->ok && checked->entries == Entries);
    AuditFilter page;
    page.computer = QString(AuditFilter::AllComputers);
    page.limit = 1000;
    timer.restart();
    const auto listed = auditB.list(page);
    const qint64 listMs = timer.elapsed();
    QVERIFY(listed && listed->size() == 1000);
    timer.restart();
    const auto computers = auditB.computers();
    const qint64 computersMs = timer.elapsed();
    QVERIFY(computers && computers->size() == 2);
    qInfo("on another computer: reading the %lld operations %lld ms, applying %lld ms, checking the trail %lld ms, "
          "the 1,000 newest of all computers %lld ms, the list of computers %lld ms",
          qint64(out->ops.size()), readMs, applyMs, verifyMs, listMs, computersMs);
}

QTEST_GUILESS_MAIN(BenchAuditSync)
#include "BenchAuditSync.moc"
