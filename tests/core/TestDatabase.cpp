// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SchemaRollback.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

class TestDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsAndMigratesNewFile();
    void reopenKeepsData();
    void refusesNewerSchema();
    void refusesNonDatabaseFile();
    void refusesReadOnlyFile();
    void migrationFailureLeavesFileUntouched();
    void eachThreadGetsItsOwnConnection();
    void threadsOneAfterAnotherEachGetAWorkingConnection();
    void migratesFromEveryPastVersion_data();
    void migratesFromEveryPastVersion();
    void version23CountsOtherComputersStates();
    void version24NamesCampaignLinks();
};

void TestDatabase::createsAndMigratesNewFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Migrations::latestVersion());
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestDatabase::reopenKeepsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO groups(name, created_at) VALUES ('Choir', 1)")));
    }
    auto db = Database::open(path);
    QVERIFY(db);
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM groups")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Choir"));
}

void TestDatabase::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QSqlQuery q((*db)->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    auto db = Database::open(path);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NewerSchema);
    QVERIFY(db.error().message.contains(QStringLiteral("newer version of Kengele")));
    QVERIFY(db.error().message.contains(QStringLiteral("99")));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestDatabase::refusesNonDatabaseFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("Name,Phone\nMary,0712345678\n");
    f.close();
    auto db = Database::open(path);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::Unsupported);
    QVERIFY(db.error().message.contains(QStringLiteral("not a Kengele data file")));
}

void TestDatabase::refusesReadOnlyFile()
{
    if (QFileInfo(QStringLiteral("/")).isWritable() && qgetenv("USER") == "root")
        qInfo("running as root: permission bits are checked by Kengele itself, not the OS");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
    auto db = Database::open(path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::ReadOnly);
    QVERIFY(db.error().message.contains(QStringLiteral("read-only")));
}

void TestDatabase::migrationFailureLeavesFileUntouched()
{
    // A file at version 0 that already has a conflicting table: the migration fails halfway and
    // must leave nothing behind (one transaction).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE templates(x)")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    auto db = Database::open(path);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::Storage);
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw2"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'contacts'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw2"));
}

void TestDatabase::eachThreadGetsItsOwnConnection()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("k.sqlite")));
    QVERIFY(db);
    const QString mine = (*db)->connection().connectionName();
    QString theirs;
    int count = -1;
    QThread *thread = QThread::create([&] {
        QSqlDatabase c = (*db)->connection();
        theirs = c.connectionName();
        QSqlQuery q(c);
        if (q.exec(QStringLiteral("SELECT count(*) FROM contacts")) && q.next())
            count = q.value(0).toInt();
    });
    thread->start();
    QVERIFY(thread->wait(10000));
    delete thread;
    QVERIFY(!theirs.isEmpty());
    QVERIFY(theirs != mine);
    QCOMPARE(count, 0);
}

// A thread that ends closes its connection; the next thread (the same QThread address may well come
// again) gets a connection of its own that works, never the stale or refused one of its predecessor.
void TestDatabase::threadsOneAfterAnotherEachGetAWorkingConnection()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("k.sqlite")));
    QVERIFY(db);
    const QString mine = (*db)->connection().connectionName();
    QStringList names;
    for (int i = 0; i < 12; ++i) {
        QString name;
        bool wrote = false;
        int count = -1;
        QThread *thread = QThread::create([&] {
            QSqlDatabase c = (*db)->connection();
            name = c.connectionName();
            QSqlQuery q(c);
            wrote = q.exec(QStringLiteral("INSERT INTO groups(name, created_at) VALUES ('Choir %1', 0)").arg(i));
            if (q.exec(QStringLiteral("SELECT count(*) FROM groups")) && q.next())
                count = q.value(0).toInt();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY2(wrote, qPrintable(QStringLiteral("thread %1 could not write").arg(i)));
        QCOMPARE(count, i + 1);
        QVERIFY(!names.contains(name));
        QVERIFY(name != mine);
        names << name;
        // Its connection was closed when it ended; this thread's stays.
        QVERIFY(!QSqlDatabase::contains(name));
        QCOMPARE((*db)->connectionNames(), QStringList{mine});
    }
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM groups")) && q.next());
    QCOMPARE(q.value(0).toInt(), 12);
}

void TestDatabase::migratesFromEveryPastVersion_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("contacts");
    QTest::addColumn<QStringList>("outbox"); // "campaign state count", sorted
    QTest::addColumn<int>("reports"); // delivery reports tied to a message
    QTest::addColumn<int>("inbox"); // incoming messages (version 4 on)
    // tests/data/fixtures/kengele-vN.sqlite: a small congregation saved by Kengele at data version N.
    QTest::addRow("version 1") << "kengele-v1.sqlite" << 4 << QStringList() << 0 << 0;
    // Version 2 adds two campaigns (one still sending, one done), their tokens and delivery reports.
    QTest::addRow("version 2") << "kengele-v2.sqlite" << 4
                               << QStringList{QStringLiteral("1 delivered 1"), QStringLiteral("1 queued 1"),
                                              QStringLiteral("1 sent 1"), QStringLiteral("2 delivered 1"),
                                              QStringLiteral("2 failed 1")}
                               << 3 << 0;
    // Version 3 (the one queue index) adds a third campaign, on the simulator, with a message sent
    // (its report says Buffered) and one uncertain.
    QTest::addRow("version 3") << "kengele-v3.sqlite" << 4
                               << QStringList{QStringLiteral("1 delivered 1"), QStringLiteral("1 queued 1"),
                                              QStringLiteral("1 sent 1"),      QStringLiteral("2 delivered 1"),
                                              QStringLiteral("2 failed 1"),    QStringLiteral("3 sent 1"),
                                              QStringLiteral("3 uncertain 1")}
                               << 4 << 0;
    // Version 4 (the relay) adds a link to the relay, three applied events, two incoming messages
    // (one a prayer request, waiting in the intake) and a payment event kept for later.
    QTest::addRow("version 4") << "kengele-v4.sqlite" << 4
                               << QStringList{QStringLiteral("1 delivered 1"), QStringLiteral("1 queued 1"),
                                              QStringLiteral("1 sent 1"),      QStringLiteral("2 delivered 1"),
                                              QStringLiteral("2 failed 1"),    QStringLiteral("3 sent 1"),
                                              QStringLiteral("3 uncertain 1")}
                               << 4 << 2;
}

void TestDatabase::migratesFromEveryPastVersion()
{
    QFETCH(QString, fixture);
    QFETCH(int, contacts);
    QFETCH(QStringList, outbox);
    QFETCH(int, reports);
    QFETCH(int, inbox);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    QVERIFY(QFile::copy(QDir(qEnvironmentVariable("KENGELE_TEST_DATA")).filePath(QStringLiteral("fixtures/") + fixture), path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Migrations::latestVersion());
    QSqlQuery q((*db)->connection());
    // Nothing the congregation had is lost.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM contacts")) && q.next());
    QCOMPARE(q.value(0).toInt(), contacts);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM opt_outs")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM group_members")) && q.next());
    QVERIFY(q.value(0).toInt() > 0);
    QVERIFY(q.exec(QStringLiteral("SELECT body FROM templates")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Habari {first_name|ndugu}"));
    // And the newer tables exist, with the standard ledger accounts.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM token_accounts")) && q.next());
    QCOMPARE(q.value(0).toInt(), 5);
    // The messages, their states and what was paid for them are kept.
    QVERIFY(q.exec(QStringLiteral(
        "SELECT campaign_id, state, count(*) FROM outbox GROUP BY campaign_id, state ORDER BY campaign_id, state")));
    QStringList rows;
    while (q.next())
        rows << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString();
    QCOMPARE(rows, outbox);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM token_entries WHERE amount = 0")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("SELECT coalesce(sum(amount), 0) FROM token_entries")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    // Version 7: what the budgets held became one lot that never expires, split entry by entry.
    QVERIFY(q.exec(QStringLiteral(
                "SELECT count(*), coalesce(sum(expires_at IS NULL), 0), coalesce(min(plan), '') FROM token_lots WHERE id <> -1"))
            && q.next());
    QCOMPARE(q.value(0).toInt(), outbox.isEmpty() ? 0 : 1);
    QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
    QCOMPARE(q.value(2).toString(), QString());
    QVERIFY(q.exec(QStringLiteral("SELECT (SELECT coalesce(sum(e.amount), 0) FROM token_entries e JOIN token_accounts a "
                                  "ON a.id = e.account_id WHERE a.kind = 'budget'), "
                                  "(SELECT coalesce(sum(tokens), 0) FROM token_lot_holdings), "
                                  "(SELECT coalesce(sum(amount), 0) FROM token_entry_lots)"))
            && q.next());
    QCOMPARE(q.value(1).toLongLong(), q.value(0).toLongLong());
    QCOMPARE(q.value(2).toLongLong(), q.value(0).toLongLong());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM token_accounts WHERE alert_below IS NOT NULL")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    if (!outbox.isEmpty()) {
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM delivery_reports WHERE outbox_id IS NOT NULL")) && q.next());
        QCOMPARE(q.value(0).toInt(), reports);
        QVERIFY(q.exec(QStringLiteral("SELECT status FROM campaigns ORDER BY id")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("sending"));
    }
    // The outbox's indexes are those of the latest version (version 3: one queue index in place of
    // outbox_due and outbox_by_campaign_state; version 5: the unique pair by number first, no index
    // of message ids).
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name")));
    QStringList indexes;
    while (q.next())
        indexes << q.value(0).toString();
    // (version 17: rows by their last change, for publishing their states to the other computers)
    QCOMPARE(indexes,
             (QStringList{QStringLiteral("outbox_by_update"), QStringLiteral("outbox_queue"),
                          QStringLiteral("sqlite_autoindex_outbox_1")}));
    // Version 17: every campaign has a uid and is this computer's, and is in the change log.
    // Version 24: those with a budget name it by uid, in a change of their own.
    QVERIFY(
        q.exec(QStringLiteral("SELECT count(*), count(DISTINCT uid), coalesce(sum(origin = (SELECT device FROM sync_state)), 0), "
                              "(SELECT count(*) FROM change_log WHERE entity = 'campaign' AND hlc = 0), "
                              "coalesce(sum(account_id IS NOT NULL), 0), "
                              "coalesce(sum(account_uid = (SELECT a.uid FROM token_accounts a WHERE a.id = account_id)), 0), "
                              "(SELECT count(*) FROM change_log WHERE entity = 'campaign' AND hlc > 0 "
                              "AND json_extract(fields, '$.account_uid') IS NOT NULL) FROM campaigns"))
        && q.next());
    QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
    QCOMPARE(q.value(2).toInt(), q.value(0).toInt());
    QCOMPARE(q.value(3).toInt(), q.value(0).toInt());
    QCOMPARE(q.value(5).toInt(), q.value(4).toInt());
    QCOMPARE(q.value(6).toInt(), q.value(4).toInt());
    QVERIFY(q.exec(QStringLiteral("PRAGMA index_info(sqlite_autoindex_outbox_1)")));
    QStringList unique;
    while (q.next())
        unique << q.value(2).toString();
    QCOMPARE(unique, (QStringList{QStringLiteral("phone"), QStringLiteral("campaign_id")}));
    // A delivery report's message is found through it, newest campaign first, without a sort.
    QVERIFY(q.exec(
        QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE phone = '+254733111222' AND message_id = 'ATXid_sim_2' "
                       "ORDER BY campaign_id DESC LIMIT 1")));
    QStringList plan;
    while (q.next())
        plan << q.value(3).toString();
    QCOMPARE(plan, QStringList{QStringLiteral("SEARCH outbox USING INDEX sqlite_autoindex_outbox_1 (phone=?)")});
    // Rows kept their ids (delivery reports point at them), and the pair is still unique.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM delivery_reports d LEFT JOIN outbox o ON o.id = d.outbox_id "
                                  "WHERE d.outbox_id IS NOT NULL AND o.id IS NULL"))
            && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    if (!outbox.isEmpty()) {
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM outbox WHERE phone = '+254733111222' AND message_id = 'ATXid_sim_2'"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO outbox(campaign_id, phone, text, segments, due_at, updated_at) "
                                       "VALUES (1, '+254733111222', 'again', 1, 0, 0)")));
    }
    // Version 4: the relay link, its applied events, the inbox and prayer-request intake; empty
    // before version 4, kept as they were after.
    const bool relayed = inbox > 0;
    const QList<std::pair<QString, int>> relayTables = {{QStringLiteral("relay_link"), relayed ? 1 : 0},
                                                        {QStringLiteral("relay_events"), relayed ? 3 : 0},
                                                        {QStringLiteral("inbox"), inbox},
                                                        {QStringLiteral("prayer_intake"), relayed ? 1 : 0}};
    for (const auto &[table, rows] : relayTables) {
        QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next(), qPrintable(table));
        QCOMPARE(q.value(0).toInt(), rows);
    }
    if (relayed) {
        QVERIFY(q.exec(QStringLiteral("SELECT cursor FROM relay_link")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        QVERIFY(q.exec(QStringLiteral("SELECT text FROM prayer_intake")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Naomba maombi kwa mama yangu hospitalini"));
    }
    // An inbound message from a contact can be kept and tied to them; the same provider id twice is one row.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO inbox(provider_id, phone, text, received_at, contact_id, handled_as) "
                                  "VALUES ('ATin_1', '+254712345678', 'Asante', 1, 1, 'inbox')")));
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO inbox(provider_id, phone, text, received_at, handled_as) "
                                   "VALUES ('ATin_1', '+254712345678', 'Asante', 1, 'inbox')")));
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO inbox(provider_id, phone, text, received_at, handled_as) "
                                   "VALUES ('ATin_2', '+254712345678', 'x', 1, 'spam')")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO relay_events(org, seq, kind, received_at, applied_at, handled) VALUES ('org_a', "
                                  "1, 'at.inbound', 1, 1, 'inbox')")));
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO relay_events(org, seq, kind, received_at, applied_at, handled) VALUES ('org_a', "
                                   "1, 'at.inbound', 1, 1, 'inbox')")));
    // Version 11: the keyed hashes of forgotten opted-out numbers, none yet.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM forgotten_optouts")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
}

// Version 23: the states of other computers' campaigns already received are counted in the
// summaries (this computer's own campaign is not: its outbox counts it).
void TestDatabase::version23CountsOtherComputersStates()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    const auto summary = [](const QSqlDatabase &db) {
        QStringList rows;
        QSqlQuery q(db);
        q.exec(QStringLiteral(
            "SELECT s.hour, c.name, s.network, s.state, s.reason, s.messages, s.segments, s.cost_e4 FROM message_stats s "
            "JOIN campaigns c ON c.id = s.campaign_id ORDER BY 2, 4"));
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < 8; ++i)
                row << q.value(i).toString();
            rows << row.join(u'|');
        }
        return rows;
    };
    const QStringList expected{QStringLiteral("491048|Other||delivered||1|2|0"),
                               QStringLiteral("491048|Other||failed|Absent|1|2|0"), QStringLiteral("491048|Other||sent||2|4|0")};
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QSqlQuery q((*db)->connection());
        // 2026-01-07 08:00 UTC = hour 491,048; 4 messages of 7 parts in all: 2 each (rounded).
        for (const QString &sql :
             {QStringLiteral(
                  "INSERT INTO campaigns(name, body, status, gateway, recipients, segments, created_at, launched_at, uid, "
                  "origin) VALUES ('Other', 'Hi', 'done', 'simulator', 4, 7, 1767772800000, 1767772800000, 'u-other', "
                  "'another-computer')"),
              QStringLiteral(
                  "INSERT INTO campaigns(name, body, status, gateway, recipients, segments, created_at, launched_at, uid, "
                  "origin) VALUES ('Own', 'Hi', 'done', 'simulator', 1, 1, 1767772800000, 1767772800000, 'u-own', "
                  "(SELECT device FROM sync_state))"),
              QStringLiteral("INSERT INTO campaign_recipients(campaign_uid, phone, version, rank, state, reason) VALUES "
                             "('u-other', '+254700000001', 1, 6, 'delivered', ''), ('u-other', '+254700000002', 1, 5, 'failed', "
                             "'Absent'), ('u-other', '+254700000003', 1, 4, 'sent', ''), ('u-other', '+254700000004', 2, 4, "
                             "'sent', ''), ('u-other', '+254700000005', 2, 1, 'queued', ''), ('u-own', '+254700000001', 1, 6, "
                             "'delivered', '')")}) {
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
        QCOMPARE(summary((*db)->connection()), expected); // kept by the triggers
        // As a version 22 file that had received them: no triggers, nothing counted.
        QVERIFY(kengele::test::undoVersionsAfter22((*db)->connection()));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM message_stats")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 22")));
    }
    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(summary((*db)->connection()), expected);
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE 'message_stats_c%' "
                                  "OR name LIKE 'message_stats_r%'"))
            && q.next());
    QCOMPARE(q.value(0).toInt(), 7);
}

// Version 24: this computer's own campaigns name their budget, template and targets by uid (changes
// for the other computers); links another computer sent while this one was at version 23 (kept as
// unknown fields) are folded in and linked to the rows here.
void TestDatabase::version24NamesCampaignLinks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    const auto scalar = [](const QSqlDatabase &db, const QString &sql) {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    };
    {
        auto db = Database::open(path);
        QVERIFY(db);
        QSqlQuery q((*db)->connection());
        for (const QString &sql :
             {QStringLiteral("INSERT INTO groups(name, created_at, uid) VALUES ('Choir', 1, 'g-choir')"),
              QStringLiteral("INSERT INTO contacts(first_name, phone, created_at, updated_at, uid) VALUES ('Asha', "
                             "'+254700000001', 1, 1, 'k-asha')"),
              QStringLiteral(
                  "INSERT INTO templates(name, body, created_at, updated_at, uid) VALUES ('Practice', 'Hi', 1, 1, 't-practice')"),
              QStringLiteral(
                  "INSERT INTO campaigns(name, body, status, gateway, created_at, uid, origin, account_id, template_id) "
                  "VALUES ('Own', 'Hi', 'done', 'simulator', 1, 'u-own', (SELECT device FROM sync_state), "
                  "(SELECT id FROM token_accounts WHERE name = 'Main'), (SELECT id FROM templates))"),
              QStringLiteral("INSERT INTO campaign_targets(campaign_id, group_id) VALUES ((SELECT id FROM campaigns), "
                             "(SELECT id FROM groups))"),
              QStringLiteral("INSERT INTO campaign_targets(campaign_id, contact_id) VALUES ((SELECT id FROM campaigns), "
                             "(SELECT id FROM contacts))"),
              QStringLiteral("INSERT INTO campaigns(name, body, status, gateway, created_at, uid, origin) "
                             "VALUES ('Other', 'Hi', 'done', 'simulator', 1, 'u-other', 'another-computer')"),
              // It came from that computer: not this computer's change.
              QStringLiteral("DELETE FROM change_log WHERE uid = 'u-other'")}) {
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
        QVERIFY(kengele::test::undoVersionsAfter22((*db)->connection()));
        // What the other computer's version 24 sent for its campaign, kept as unknown by version 23.
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO sync_unknown(entity, uid, field, value, hlc, device, user) VALUES "
            "('campaign', 'u-other', 'account_uid', (SELECT uid FROM token_accounts WHERE name = 'Main'), 5, 'another-computer', "
            "''), "
            "('campaign', 'u-other', 'targets', '[\"group:g-choir\",\"group:g-not-here\"]', 5, 'another-computer', ''), "
            "('contact', 'k-asha', 'nickname', 'Ash', 5, 'another-computer', '')")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 22")));
    }
    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    const QSqlDatabase c = (*db)->connection();
    QCOMPARE(scalar(c, QStringLiteral("SELECT targets FROM campaigns WHERE uid = 'u-own'")).toString(),
             QStringLiteral("[\"group:g-choir\",\"contact:k-asha\"]"));
    QCOMPARE(scalar(c, QStringLiteral("SELECT template_uid FROM campaigns WHERE uid = 'u-own'")).toString(),
             QStringLiteral("t-practice"));
    QCOMPARE(scalar(c,
                    QStringLiteral("SELECT account_uid = (SELECT uid FROM token_accounts WHERE name = 'Main') "
                                   "FROM campaigns WHERE uid = 'u-own'"))
                 .toInt(),
             1);
    // Sent to the others as a change of this computer's.
    QCOMPARE(scalar(c,
                    QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'campaign' AND uid = 'u-own' "
                                   "AND json_extract(fields, '$.targets') IS NOT NULL AND hlc > 0"))
                 .toInt(),
             1);
    // The other computer's links, linked here; the group not here waits for it.
    QCOMPARE(scalar(c,
                    QStringLiteral("SELECT a.name FROM campaigns x JOIN token_accounts a ON a.id = x.account_id "
                                   "WHERE x.uid = 'u-other'"))
                 .toString(),
             QStringLiteral("Main"));
    QCOMPARE(scalar(c,
                    QStringLiteral("SELECT group_concat(g.name) FROM campaign_targets t JOIN groups g ON g.id = t.group_id "
                                   "JOIN campaigns x ON x.id = t.campaign_id WHERE x.uid = 'u-other'"))
                 .toString(),
             QStringLiteral("Choir"));
    QCOMPARE(scalar(c, QStringLiteral("SELECT uid FROM campaign_links_pending WHERE campaign_uid = 'u-other'")).toString(),
             QStringLiteral("g-not-here"));
    QCOMPARE(scalar(c,
                    QStringLiteral("SELECT hlc FROM sync_clocks WHERE entity = 'campaign' AND uid = 'u-other' "
                                   "AND field = 'account_uid'"))
                 .toInt(),
             5);
    // Folded in; another entity's unknown field stays.
    QCOMPARE(scalar(c, QStringLiteral("SELECT group_concat(entity) FROM sync_unknown")).toString(), QStringLiteral("contact"));
    // Nothing of the other computer's went out as this computer's change.
    QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM change_log WHERE uid = 'u-other' AND hlc > 0")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
