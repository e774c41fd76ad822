// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The PostgreSQL helpers of tests/support: scratch databases on the KENGELE_TEST_POSTGRES server.
#include "TestSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele::test;

namespace {

// Runs the statements in order on a fresh connection to url; returns the first column of the last
// one's first row, or an invalid QVariant when the connection or a statement fails.
QVariant queryOne(const QString &url, const QStringList &statements)
{
    const QString name = QStringLiteral("test-postgres-support");
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (applyPostgresUrl(db, url) && db.open()) {
            for (const QString &sql : statements) {
                QSqlQuery query(db);
                if (!query.exec(sql)) {
                    qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
                    result = QVariant();
                    break;
                }
                result = query.next() ? query.value(0) : QVariant();
            }
        } else {
            qWarning("cannot open %s: %s", qPrintable(url), qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool databaseExists(const QString &name)
{
    const QVariant n
        = queryOne(*postgresUrl(), {QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(name)});
    return n.isValid() && n.toInt() == 1;
}

} // namespace

class TestPostgresSupport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { KENGELE_NEED_POSTGRES(); }

    void scratchDatabaseIsCreatedUsableAndDropped()
    {
        const QString url = createScratchPostgresDatabase(QStringLiteral("Support-Test"));
        QVERIFY(!url.isEmpty());
        QVERIFY(url.startsWith(QLatin1String("postgres")));
        const QString name = QUrl(url).path().mid(1);
        QVERIFY2(name.startsWith(QLatin1String("support_test_")), qPrintable(name));
        QVERIFY(databaseExists(name));

        QCOMPARE(queryOne(url, {QStringLiteral("SELECT current_database()")}).toString(), name);
        QCOMPARE(queryOne(url,
                          {QStringLiteral("CREATE TABLE t(x INTEGER)"), QStringLiteral("INSERT INTO t VALUES (41), (1)"),
                           QStringLiteral("SELECT sum(x) FROM t")})
                     .toInt(),
                 42);

        QVERIFY(dropScratchPostgresDatabase(url));
        QVERIFY(!databaseExists(name));
    }

    void dropClosesConnectionsStillOpen()
    {
        const QString url = createScratchPostgresDatabase(QStringLiteral("open"));
        QVERIFY(!url.isEmpty());
        const QString connection = QStringLiteral("still-open");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            QVERIFY(applyPostgresUrl(db, url));
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QVERIFY(dropScratchPostgresDatabase(url));
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        QVERIFY(!databaseExists(QUrl(url).path().mid(1)));
    }

    void twoScratchDatabasesDiffer()
    {
        const QString a = createScratchPostgresDatabase(QStringLiteral("same"));
        const QString b = createScratchPostgresDatabase(QStringLiteral("same"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(a != b);
        QVERIFY(dropScratchPostgresDatabase(a));
        QVERIFY(dropScratchPostgresDatabase(b));
    }

    void anUnreachableServerIsReported()
    {
        const QByteArray saved = qgetenv("KENGELE_TEST_POSTGRES");
        qputenv("KENGELE_TEST_POSTGRES", "postgres://postgres@127.0.0.1:1/nothing");
        const QString reason = postgresUnavailableReason();
        qputenv("KENGELE_TEST_POSTGRES", saved);
        QVERIFY2(reason.contains(QLatin1String("cannot connect")), qPrintable(reason));

        qunsetenv("KENGELE_TEST_POSTGRES");
        QVERIFY(!postgresUrl());
        QVERIFY(postgresUnavailableReason().contains(QLatin1String("not set")));
        qputenv("KENGELE_TEST_POSTGRES", saved);
        QVERIFY(postgresUnavailableReason().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPostgresSupport)
#include "TestPostgresSupport.moc"
