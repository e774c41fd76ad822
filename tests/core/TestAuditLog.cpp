// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "security/AuditLog.h"
#include "storage/Database.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// The audit trail (architecture.md §7): append-only, hash-chained, and `verify` finds the first
// entry that does not hold when the file is changed behind Kengele's back: an entry changed,
// removed, two swapped, the tail cut off, or the whole trail written anew.
class TestAuditLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void entriesChainAndFilter();
    void theTableRefusesChanges();
    void anEmptyTrailHolds();
    void tampering_data();
    void tampering();
    void aRecordInARolledBackTransactionLeavesNoTrace();

private:
    AuditLog &audit() { return (*m_profile)->audit(); }
    void record(int count);
    // Runs `statements` on the database file through a connection of its own, the triggers dropped
    // first: what someone with the file and an SQLite tool could do.
    void tamper(const QStringList &statements);

    std::unique_ptr<test::TempProfile> m_profile;
};

void TestAuditLog::init()
{
    m_profile = std::make_unique<test::TempProfile>();
}

void TestAuditLog::cleanup()
{
    m_profile.reset();
}

void TestAuditLog::record(int count)
{
    for (int i = 1; i <= count; ++i) {
        audit().setActor(i % 2 ? QStringLiteral("mary") : QStringLiteral("john"));
        const QString action = i % 3 == 0 ? QStringLiteral("users.role") : QStringLiteral("contacts.edit");
        QVERIFY(audit().record(action, QStringLiteral("contact:%1").arg(i), QStringLiteral("entry %1").arg(i)));
        m_profile->clock().advanceMs(60'000);
    }
}

void TestAuditLog::tamper(const QStringList &statements)
{
    const QString name = QStringLiteral("tamper");
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName((*m_profile)->databasePath());
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_append_only_update")));
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_append_only_delete")));
        // A plain SQLite tool cannot write the trail while it is captured for the other computers
        // (the capture calls Kengele's own functions): a tamperer takes that trigger away too.
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER IF EXISTS sync_capture_audit_log_insert")));
        for (const QString &statement : statements)
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestAuditLog::entriesChainAndFilter()
{
    record(6);
    const auto all = audit().list();
    QVERIFY(all);
    QCOMPARE(all->size(), 6);
    QCOMPARE(all->first().id, 6); // newest first
    QCOMPARE(all->last().summary, QStringLiteral("entry 1"));
    QCOMPARE(all->last().device, audit().device());
    QCOMPARE(all->last().hash, AuditLog::chainHash(AuditLog::zeroHash(), all->last()));
    QCOMPARE(all->at(4).hash, AuditLog::chainHash(all->last().hash, all->at(4)));

    AuditFilter byUser;
    byUser.user = QStringLiteral("JOHN");
    QCOMPARE(audit().list(byUser)->size(), 3);
    AuditFilter byFamily;
    byFamily.action = QStringLiteral("users");
    QCOMPARE(audit().list(byFamily)->size(), 2);
    AuditFilter exact;
    exact.action = QStringLiteral("contacts.edit");
    QCOMPARE(audit().list(exact)->size(), 4);
    AuditFilter since;
    since.since = QDateTime(QDate(2026, 3, 1), QTime(9, 3), Qt::UTC); // the test clock starts at 9:00
    QCOMPARE(audit().list(since)->size(), 3);
    AuditFilter wildcard;
    wildcard.action = QStringLiteral("%");
    QCOMPARE(audit().list(wildcard)->size(), 0);

    const auto check = audit().verify();
    QVERIFY(check);
    QVERIFY(check->ok);
    QCOMPARE(check->entries, 6);
    const auto head = audit().head();
    QCOMPARE(head->first, 6);
    QCOMPARE(head->second, all->first().hash);
}

void TestAuditLog::theTableRefusesChanges()
{
    record(3);
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET summary = 'nothing happened' WHERE id = 2")));
    QVERIFY(q.lastError().text().contains(QStringLiteral("cannot be changed")));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log WHERE id = 3")));
    QVERIFY(audit().verify()->ok);
    QCOMPARE(audit().list()->size(), 3);
}

void TestAuditLog::anEmptyTrailHolds()
{
    const auto check = audit().verify();
    QVERIFY(check->ok);
    QCOMPARE(check->entries, 0);
    QCOMPARE(audit().head()->second, AuditLog::zeroHash());
}

void TestAuditLog::tampering_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<qint64>("firstBad");
    QTest::addColumn<qint64>("entries");
    QTest::addRow("an entry changed") << QStringList{u"UPDATE audit_log SET user_name = 'someone' WHERE id = 4"_s} << qint64(4)
                                      << qint64(8);
    QTest::addRow("a summary changed") << QStringList{u"UPDATE audit_log SET summary = 'nothing' WHERE id = 8"_s} << qint64(8)
                                       << qint64(8);
    QTest::addRow("an entry removed") << QStringList{u"DELETE FROM audit_log WHERE id = 5"_s} << qint64(6) << qint64(7);
    QTest::addRow("the first removed") << QStringList{u"DELETE FROM audit_log WHERE id = 1"_s} << qint64(2) << qint64(7);
    QTest::addRow("a pair swapped") << QStringList{u"UPDATE audit_log SET id = -3 WHERE id = 3"_s,
                                                   u"UPDATE audit_log SET id = 3 WHERE id = 4"_s,
                                                   u"UPDATE audit_log SET id = 4 WHERE id = -3"_s}
                                    << qint64(3) << qint64(8);
    QTest::addRow("the tail cut off") << QStringList{u"DELETE FROM audit_log WHERE id > 5"_s} << qint64(6) << qint64(5);
    QTest::addRow("the last one removed") << QStringList{u"DELETE FROM audit_log WHERE id = 8"_s} << qint64(8) << qint64(7);
    // Rewritten from entry 6 on with hashes that chain again: only the head kept outside shows it.
    QTest::addRow("the tail rewritten") << QStringList{u"DELETE FROM audit_log WHERE id > 5"_s} << qint64(8) << qint64(8);
}

void TestAuditLog::tampering()
{
    QFETCH(QStringList, statements);
    QFETCH(qint64, firstBad);
    QFETCH(qint64, entries);
    record(8);
    QVERIFY(audit().verify()->ok);
    tamper(statements);
    if (QString::fromLatin1(QTest::currentDataTag()) == QStringLiteral("the tail rewritten")) {
        // Three new entries in place of the three removed, chained properly, but without the head
        // kept outside moving (the tool that wrote them is not Kengele).
        const auto head = audit().head();
        QString previous = head->second;
        QStringList inserts;
        for (qint64 id = 6; id <= 8; ++id) {
            AuditEntry e;
            e.id = id;
            e.time = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
            e.user = QStringLiteral("mary");
            e.device = QStringLiteral("elsewhere");
            e.action = QStringLiteral("contacts.edit");
            e.object = QStringLiteral("contact:1");
            e.summary = QStringLiteral("innocent");
            e.hash = AuditLog::chainHash(previous, e);
            previous = e.hash;
            inserts << QStringLiteral("INSERT INTO audit_log(id, at, user_name, device, action, object, summary, hash) VALUES "
                                      "(%1, %2, 'mary', 'elsewhere', 'contacts.edit', 'contact:1', 'innocent', '%3')")
                           .arg(id)
                           .arg(e.time.toMSecsSinceEpoch())
                           .arg(e.hash);
        }
        tamper(inserts);
    }
    const auto check = audit().verify();
    QVERIFY(check);
    QVERIFY(!check->ok);
    QCOMPARE(check->firstBad, firstBad);
    QCOMPARE(check->entries, entries);
    QVERIFY(!check->reason.isEmpty());
}

void TestAuditLog::aRecordInARolledBackTransactionLeavesNoTrace()
{
    record(2);
    QSqlDatabase db = (*m_profile)->database().connection();
    QVERIFY(db.transaction());
    QVERIFY(audit().record(db, QStringLiteral("contacts.delete"), QStringLiteral("contact:9"), QString()));
    QVERIFY(db.rollback());
    audit().committed(); // a caller that calls it anyway moves nothing
    QCOMPARE(audit().list()->size(), 2);
    QVERIFY(audit().verify()->ok);
    record(1);
    QCOMPARE(audit().list()->first().id, 3);
    QVERIFY(audit().verify()->ok);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
