// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "storage/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

namespace {

const QString What = QStringLiteral("Reading the test table");

} // namespace

// A QtSql SQLite connection with a table t(i INTEGER, s TEXT NOT NULL, n TEXT), opened for each test.
class TestSqliteStatement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void handleOfAQtSqlConnection();
    void bindsAndReadsBack();
    void textIsKeptUntilItsParameterIsBoundAgain();
    void execRunsAgainWithNewBindings();
    void nextStepsThroughRowsAndResetStartsOver();
    void sharesTheConnectionsTransaction();
    void invalidSqlIsNotPrepared();
    void aClosedConnectionPreparesNothing();
    void aFailedStepSaysWhy();

private:
    QStringList column(const QString &sql);

    QTemporaryDir m_dir;
    QSqlDatabase m_db;
};

void TestSqliteStatement::init()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sqlite-statement"));
    m_db.setDatabaseName(m_dir.filePath(QStringLiteral("statement.sqlite")));
    QVERIFY(m_db.open());
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("DROP TABLE IF EXISTS t")));
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(i INTEGER, s TEXT NOT NULL, n TEXT)")));
}

void TestSqliteStatement::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("sqlite-statement"));
}

QStringList TestSqliteStatement::column(const QString &sql)
{
    QSqlQuery q(m_db);
    QStringList values;
    if (!q.exec(sql))
        return {q.lastError().text()};
    while (q.next())
        values << (q.value(0).isNull() ? QStringLiteral("NULL") : q.value(0).toString());
    return values;
}

void TestSqliteStatement::handleOfAQtSqlConnection()
{
    QVERIFY(SqliteStatement::handle(m_db) != nullptr);
    QSqlDatabase closed = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("sqlite-statement-closed"));
    QVERIFY(SqliteStatement::handle(closed) == nullptr);
    closed = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("sqlite-statement-closed"));
    QVERIFY(SqliteStatement::handle(QSqlDatabase()) == nullptr);
}

void TestSqliteStatement::bindsAndReadsBack()
{
    {
        SqliteStatement insert(m_db, "INSERT INTO t(i, s, n) VALUES (?1, ?2, ?3)");
        QVERIFY(insert.isValid());
        insert.bind(1, qint64(1) << 40);
        insert.bind(2, QStringLiteral("Habari Zoë 😀"));
        insert.bindNull(3);
        QVERIFY(insert.exec());
        QCOMPARE(insert.changes(), 1);
        // An empty text is '' (the text columns are NOT NULL), never NULL.
        insert.bind(1, qint64(-7));
        insert.bind(2, QString());
        insert.bind(3, QStringView());
        QVERIFY(insert.exec());
    }
    SqliteStatement select(m_db, "SELECT i, s, n FROM t ORDER BY rowid");
    QVERIFY(select.next());
    QCOMPARE(select.columnInt64(0), qint64(1) << 40);
    QCOMPARE(select.columnText(1), QStringLiteral("Habari Zoë 😀"));
    QVERIFY(select.columnIsNull(2));
    QCOMPARE(select.columnText(2), QString());
    QVERIFY(select.next());
    QCOMPARE(select.columnInt(0), -7);
    QVERIFY(!select.columnIsNull(1));
    QCOMPARE(select.columnText(1), QString());
    QVERIFY(!select.columnIsNull(2));
    QVERIFY(!select.next());
    QVERIFY(!select.failed());
    QCOMPARE(column(QStringLiteral("SELECT typeof(n) FROM t ORDER BY rowid")),
             (QStringList{QStringLiteral("null"), QStringLiteral("text")}));
}

void TestSqliteStatement::textIsKeptUntilItsParameterIsBoundAgain()
{
    SqliteStatement insert(m_db, "INSERT INTO t(s, n) VALUES (?1, ?2)");
    // A temporary: the statement keeps its own copy of the bytes.
    insert.bind(1, QString(QStringLiteral("a longer text than the next one")));
    insert.bind(2, QString(QStringLiteral("second parameter")));
    QVERIFY(insert.exec());
    // The buffer is reused: a shorter text must not keep the end of the longer one.
    insert.bind(1, QStringLiteral("ab"));
    QVERIFY(insert.exec()); // parameter 2 still bound
    QCOMPARE(column(QStringLiteral("SELECT s FROM t ORDER BY rowid")),
             (QStringList{QStringLiteral("a longer text than the next one"), QStringLiteral("ab")}));
    QCOMPARE(column(QStringLiteral("SELECT n FROM t ORDER BY rowid")),
             (QStringList{QStringLiteral("second parameter"), QStringLiteral("second parameter")}));
    // A parameter the statement does not have is ignored.
    insert.bind(3, QStringLiteral("nowhere"));
    insert.bind(0, QStringLiteral("nowhere"));
    QVERIFY(insert.exec());
    QCOMPARE(column(QStringLiteral("SELECT count(*) FROM t")), QStringList{QStringLiteral("3")});
}

void TestSqliteStatement::execRunsAgainWithNewBindings()
{
    SqliteStatement insert(m_db, "INSERT INTO t(i, s) VALUES (?1, ?2)");
    for (int i = 0; i < 100; ++i) {
        insert.bind(1, i);
        insert.bind(2, QString::number(i * i));
        QVERIFY(insert.exec());
        QCOMPARE(insert.changes(), 1);
    }
    QCOMPARE(column(QStringLiteral("SELECT count(*) FROM t")), QStringList{QStringLiteral("100")});
    QCOMPARE(column(QStringLiteral("SELECT sum(i) FROM t")), QStringList{QStringLiteral("4950")});
    QCOMPARE(column(QStringLiteral("SELECT s FROM t WHERE i = 99")), QStringList{QStringLiteral("9801")});
    SqliteStatement update(m_db, "UPDATE t SET s = 'x' WHERE i >= ?1");
    update.bind(1, 90);
    QVERIFY(update.exec());
    QCOMPARE(update.changes(), 10);
    update.bind(1, 1000);
    QVERIFY(update.exec());
    QCOMPARE(update.changes(), 0);
}

void TestSqliteStatement::nextStepsThroughRowsAndResetStartsOver()
{
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t(i, s) VALUES (1, 'a'), (2, 'b'), (3, 'c')")));
    SqliteStatement select(m_db, "SELECT s FROM t WHERE i >= ?1 ORDER BY i");
    select.bind(1, 2);
    QStringList seen;
    while (select.next())
        seen << select.columnText(0);
    QVERIFY(!select.failed());
    QCOMPARE(seen, (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
    // Again from the start, with the same binding...
    select.reset();
    QVERIFY(select.next());
    QCOMPARE(select.columnText(0), QStringLiteral("b"));
    // ...or a new one.
    select.reset();
    select.bind(1, 3);
    QVERIFY(select.next());
    QCOMPARE(select.columnText(0), QStringLiteral("c"));
    QVERIFY(!select.next());
}

void TestSqliteStatement::sharesTheConnectionsTransaction()
{
    QVERIFY(m_db.transaction());
    {
        SqliteStatement insert(m_db, "INSERT INTO t(s) VALUES ('in the transaction')");
        QVERIFY(insert.exec());
    }
    QCOMPARE(column(QStringLiteral("SELECT count(*) FROM t")), QStringList{QStringLiteral("1")});
    QVERIFY(m_db.rollback());
    QCOMPARE(column(QStringLiteral("SELECT count(*) FROM t")), QStringList{QStringLiteral("0")});
}

void TestSqliteStatement::invalidSqlIsNotPrepared()
{
    SqliteStatement bad(m_db, "SELECT x FROM nowhere");
    QVERIFY(!bad.isValid());
    QVERIFY(!bad.next());
    QVERIFY(bad.failed());
    QVERIFY(!bad.exec());
    const Error error = bad.error(What);
    QCOMPARE(error.code, ErrorCode::Storage);
    QVERIFY2(error.message.startsWith(What), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("nowhere")), qPrintable(error.message)); // SQLite's "no such table"
    // Binding to it does nothing (and does not crash).
    bad.bind(1, 5);
    bad.bind(1, QStringLiteral("x"));
    bad.bindNull(1);
    bad.reset();
    QVERIFY(!bad.failed());
}

void TestSqliteStatement::aClosedConnectionPreparesNothing()
{
    m_db.close();
    SqliteStatement statement(m_db, "SELECT 1");
    QVERIFY(!statement.isValid());
    QVERIFY(!statement.next());
    QVERIFY(statement.failed());
    QCOMPARE(statement.changes(), 0);
    const Error error = statement.error(What);
    QCOMPARE(error.code, ErrorCode::Storage);
    QVERIFY2(error.message.startsWith(What), qPrintable(error.message));
}

void TestSqliteStatement::aFailedStepSaysWhy()
{
    SqliteStatement insert(m_db, "INSERT INTO t(i, s) VALUES (?1, ?2)");
    insert.bind(1, 1);
    insert.bindNull(2); // s is NOT NULL
    QVERIFY(!insert.exec());
    QVERIFY(insert.failed());
    const Error error = insert.error(What);
    QCOMPARE(error.code, ErrorCode::Storage);
    QVERIFY2(error.message.contains(QStringLiteral("NOT NULL")), qPrintable(error.message));
    // After a reset the statement works again.
    insert.reset();
    QVERIFY(!insert.failed());
    insert.bind(2, QStringLiteral("fine"));
    QVERIFY(insert.exec());
    QCOMPARE(column(QStringLiteral("SELECT s FROM t")), QStringList{QStringLiteral("fine")});
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "TestSqliteStatement.moc"
