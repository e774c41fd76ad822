// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "storage/Savepoint.h"
#include "storage/Transaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

namespace {

const QString What = QStringLiteral("Recording the test");

// Two connections on one SQLite file with a table `t(v TEXT)`: the first writes, the second sees
// only what was committed. A third one writes without waiting for a lock (busy timeout 0), as
// another thread of Kengele would, but at once.
class TwoConnections final
{
public:
    TwoConnections()
    {
        m_writer = open(QStringLiteral("savepoint-writer"));
        m_reader = open(QStringLiteral("savepoint-reader"));
        m_other = open(QStringLiteral("savepoint-other"), QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
        QSqlQuery q(m_writer);
        if (!q.exec(QStringLiteral("CREATE TABLE t(v TEXT NOT NULL)")))
            qFatal("could not create the table: %s", qPrintable(q.lastError().text()));
    }
    ~TwoConnections()
    {
        for (QSqlDatabase *db : {&m_writer, &m_reader, &m_other}) {
            const QString name = db->connectionName();
            db->close();
            *db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
        }
    }
    TwoConnections(const TwoConnections &) = delete;
    TwoConnections &operator=(const TwoConnections &) = delete;

    QSqlDatabase &writer() { return m_writer; }
    QSqlDatabase &other() { return m_other; }

    bool insert(const QString &value) { return insert(m_writer, value); }
    // Written by the third connection, which gives up at once when the file is locked.
    bool insertFromOther(const QString &value) { return insert(m_other, value); }
    // The values as the writer sees them (its own uncommitted writes too), in order.
    QStringList seenByWriter() { return values(m_writer); }
    // The committed values.
    QStringList committed() { return values(m_reader); }

private:
    QSqlDatabase open(const QString &name, const QString &options = {})
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_dir.filePath(QStringLiteral("savepoint.sqlite")));
        db.setConnectOptions(options);
        if (!db.open())
            qFatal("could not open the test database: %s", qPrintable(db.lastError().text()));
        return db;
    }
    static bool insert(const QSqlDatabase &db, const QString &value)
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO t(v) VALUES (?)"));
        q.addBindValue(value);
        return q.exec();
    }
    static QStringList values(const QSqlDatabase &db)
    {
        QSqlQuery q(db);
        QStringList out;
        if (!q.exec(QStringLiteral("SELECT v FROM t ORDER BY rowid")))
            qFatal("could not read the table: %s", qPrintable(q.lastError().text()));
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    QTemporaryDir m_dir;
    QSqlDatabase m_writer;
    QSqlDatabase m_reader;
    QSqlDatabase m_other;
};

} // namespace

class TestSavepoint final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releasedWritesJoinTheCallersTransaction();
    void unreleasedUndoesOnlyItsOwnWrites();
    void rollbackUndoesAtOnce();
    void withoutATransactionItIsItsOwn();
    void withoutATransactionUnreleasedLeavesNothing();
    void nestedWithTheSameName();
    void closedConnectionCannotBegin();
    void transactionHoldsTheWriteLockFromTheStart();
    void transactionThatCannotBeginSaysWhy();
};

void TestSavepoint::releasedWritesJoinTheCallersTransaction()
{
    TwoConnections db;
    Transaction transaction(db.writer());
    QVERIFY(transaction.isActive());
    QVERIFY(db.insert(QStringLiteral("caller")));
    {
        Savepoint savepoint(db.writer(), QStringLiteral("step"), What);
        QVERIFY(savepoint.isActive());
        QVERIFY(db.insert(QStringLiteral("step")));
        QVERIFY(savepoint.release());
        QVERIFY(!savepoint.isActive());
    }
    QCOMPARE(db.seenByWriter(), (QStringList{QStringLiteral("caller"), QStringLiteral("step")}));
    // Released into the caller's transaction: nothing is committed before the caller commits...
    QCOMPARE(db.committed(), QStringList());
    QVERIFY(transaction.commit());
    QCOMPARE(db.committed(), (QStringList{QStringLiteral("caller"), QStringLiteral("step")}));
}

void TestSavepoint::unreleasedUndoesOnlyItsOwnWrites()
{
    TwoConnections db;
    Transaction transaction(db.writer());
    QVERIFY(db.insert(QStringLiteral("before")));
    {
        Savepoint savepoint(db.writer(), QStringLiteral("step"), What);
        QVERIFY(savepoint.isActive());
        QVERIFY(db.insert(QStringLiteral("refused")));
        QCOMPARE(db.seenByWriter().size(), 2);
    } // goes without release(): a refused step
    QCOMPARE(db.seenByWriter(), QStringList{QStringLiteral("before")});
    // The caller's transaction is still open and goes on.
    QVERIFY(db.insert(QStringLiteral("after")));
    QVERIFY(transaction.commit());
    QCOMPARE(db.committed(), (QStringList{QStringLiteral("before"), QStringLiteral("after")}));
}

void TestSavepoint::rollbackUndoesAtOnce()
{
    TwoConnections db;
    Transaction transaction(db.writer());
    QVERIFY(db.insert(QStringLiteral("kept")));
    Savepoint savepoint(db.writer(), QStringLiteral("step"), What);
    QVERIFY(db.insert(QStringLiteral("undone")));
    QVERIFY(savepoint.rollback());
    QVERIFY(!savepoint.isActive());
    QCOMPARE(db.seenByWriter(), QStringList{QStringLiteral("kept")});
    // Closed: neither can happen again.
    QCOMPARE(savepoint.release().error().code, ErrorCode::Storage);
    QVERIFY(!savepoint.release().error().message.isEmpty());
    QVERIFY(!savepoint.rollback());
    QVERIFY(transaction.commit());
    QCOMPARE(db.committed(), QStringList{QStringLiteral("kept")});
}

void TestSavepoint::withoutATransactionItIsItsOwn()
{
    TwoConnections db;
    {
        Savepoint savepoint(db.writer(), QStringLiteral("alone"), What);
        QVERIFY(savepoint.isActive());
        QVERIFY(db.insert(QStringLiteral("one")));
        QCOMPARE(db.committed(), QStringList()); // not before release
        QVERIFY(savepoint.release());
    }
    QCOMPARE(db.committed(), QStringList{QStringLiteral("one")});
    // The connection is back outside any transaction: a new one begins.
    Transaction next(db.writer());
    QVERIFY(next.isActive());
}

void TestSavepoint::withoutATransactionUnreleasedLeavesNothing()
{
    TwoConnections db;
    {
        Savepoint savepoint(db.writer(), QStringLiteral("alone"), What);
        QVERIFY(db.insert(QStringLiteral("one")));
    }
    QCOMPARE(db.seenByWriter(), QStringList());
    QCOMPARE(db.committed(), QStringList());
    Transaction next(db.writer());
    QVERIFY(next.isActive());
}

void TestSavepoint::nestedWithTheSameName()
{
    TwoConnections db;
    Savepoint outer(db.writer(), QStringLiteral("step"), What);
    QVERIFY(db.insert(QStringLiteral("outer")));
    {
        Savepoint inner(db.writer(), QStringLiteral("step"), What);
        QVERIFY(inner.isActive());
        QVERIFY(db.insert(QStringLiteral("inner")));
    } // the inner one (the newest of that name) is undone, the outer one's write stays
    QCOMPARE(db.seenByWriter(), QStringList{QStringLiteral("outer")});
    QVERIFY(outer.release());
    QCOMPARE(db.committed(), QStringList{QStringLiteral("outer")});
}

void TestSavepoint::closedConnectionCannotBegin()
{
    TwoConnections db;
    db.writer().close();
    Savepoint savepoint(db.writer(), QStringLiteral("step"), What);
    QVERIFY(!savepoint.isActive());
    QCOMPARE(savepoint.error().code, ErrorCode::Storage);
    QVERIFY2(savepoint.error().message.startsWith(What), qPrintable(savepoint.error().message));
    QCOMPARE(savepoint.release().error().message, savepoint.error().message);
}

void TestSavepoint::transactionHoldsTheWriteLockFromTheStart()
{
    TwoConnections db;
    Transaction transaction(db.writer());
    QVERIFY(transaction.isActive());
    // Nothing written yet (a transaction reads first, e.g. a balance), and still no other connection
    // can write: had it written now, this transaction's first write would be refused as busy.
    QVERIFY(!db.insertFromOther(QStringLiteral("other")));
    QVERIFY(db.insert(QStringLiteral("mine")));
    QVERIFY(transaction.commit());
    QVERIFY(db.insertFromOther(QStringLiteral("other")));
    QCOMPARE(db.committed(), (QStringList{QStringLiteral("mine"), QStringLiteral("other")}));
}

void TestSavepoint::transactionThatCannotBeginSaysWhy()
{
    TwoConnections db;
    Transaction holding(db.writer());
    QVERIFY(holding.began(What));
    Transaction refused(db.other()); // gives up at once: the writer holds the lock
    QVERIFY(!refused.isActive());
    const Status why = refused.began(What);
    QVERIFY(!why);
    QCOMPARE(why.error().code, ErrorCode::Storage);
    QVERIFY2(why.error().message.startsWith(What), qPrintable(why.error().message));
    QVERIFY2(why.error().message.contains(QStringLiteral("busy")), qPrintable(why.error().message));
    QVERIFY(!refused.commit());
    QVERIFY(holding.commit());
}

QTEST_GUILESS_MAIN(TestSavepoint)
#include "TestSavepoint.moc"
