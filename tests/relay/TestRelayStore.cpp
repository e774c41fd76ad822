// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The relay's store without the HTTP server: group commit with one savepoint per hook, sequence
// numbers, what may be logged of a store error, device names. Once on SQLite and once on
// PostgreSQL (KENGELE_TEST_POSTGRES; skipped without it, failed with KENGELE_REQUIRE_POSTGRES=1).
#include "RelayAdmin.h"
#include "RelayHarness.h"
#include "Secrets.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;

namespace {

// What the store's error says when it refuses a poisoned item: it must never reach a log or an
// error text.
const QString PoisonText = QStringLiteral("payment body fragment 254708374149");

relay::HookEvent hookEvent(const QString &orgId, const QString &key)
{
    return {orgId, QStringLiteral("at.delivery"), key, "{\"n\":\"" + key.toUtf8() + "\"}", 1'000};
}

relay::QuarantinedBody kept(const QString &orgId, const QString &reason)
{
    relay::QuarantinedBody body;
    body.orgId = orgId;
    body.kind = QStringLiteral("at.delivery");
    body.reason = reason;
    body.contentType = QStringLiteral("application/x-www-form-urlencoded");
    body.remote = QStringLiteral("192.0.2.7");
    body.body = "id=&status=";
    body.receivedAt = 1'000;
    return body;
}

} // namespace

class TestRelayStore : public QObject
{
    Q_OBJECT

public:
    explicit TestRelayStore(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;
    std::unique_ptr<RelayHarness> m_relay;

    bool isPostgres() const { return m_backend == RelayHarness::Backend::Postgres; }
    relay::RelayStore &store() { return m_relay->store(); }

    QString createOrg(const QString &name)
    {
        auto created
            = relay::createOrganisation(store(), m_relay->masterKey(), name, QStringLiteral("https://relay.example.org"));
        return created ? created->org.id : QString();
    }

    QStringList storedKeys(const QString &orgId)
    {
        QStringList keys;
        // After the organisation's demo voucher, its first event (docs/relay.md).
        const auto events = store().eventsAfter(orgId, 1, 100);
        if (!events)
            return {QStringLiteral("error")};
        qint64 expected = 2;
        for (const relay::StoredEvent &e : *events) {
            if (e.seq != expected++)
                return {QStringLiteral("gap before seq %1").arg(e.seq)};
            keys.append(QJsonDocument::fromJson(e.data).object().value(QLatin1String("n")).toString());
        }
        return keys;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (isPostgres())
            KENGELE_NEED_POSTGRES();
    }

    void init()
    {
        m_relay = std::make_unique<RelayHarness>(m_backend);
        QString why;
        QVERIFY2(m_relay->open(&why), qPrintable(why));
    }

    void cleanup() { m_relay.reset(); }

    // Issue 11, finding 2: a quarantined body without a Content-Type (a null QString) was bound as
    // NULL into a NOT NULL column.
    void nullTextsAreStoredEmpty()
    {
        const QString org = createOrg(QStringLiteral("St Paul's"));
        relay::QuarantinedBody body = kept(org, QStringLiteral("the body is not form data"));
        body.contentType = QString::fromLatin1(QByteArray());
        body.remote = QString();
        body.kind = QString();
        QVERIFY(body.contentType.isNull());
        const auto stored = store().append({hookEvent(org, QStringLiteral("a1"))}, {body});
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error()));
        const auto quarantine = store().quarantine(org, 10);
        QVERIFY(quarantine);
        QCOMPARE(quarantine->size(), 1);
        QVERIFY(quarantine->constFirst().contentType.isEmpty());
        QVERIFY(quarantine->constFirst().remote.isEmpty());
        QCOMPARE(storedKeys(org), QStringList{QStringLiteral("a1")});
    }

    // Issue 11, finding 2: each hook is stored in its own savepoint; one that fails is rolled back
    // alone, takes no sequence number, and its neighbours are committed.
    void aFailedItemIsRolledBackAloneAndTakesNoNumber()
    {
        const QString a = createOrg(QStringLiteral("A"));
        const QString b = createOrg(QStringLiteral("B"));
        QVERIFY(m_relay->poisonStore(PoisonText));
        const QList<relay::HookEvent> events
            = {hookEvent(a, QStringLiteral("a1")), hookEvent(a, QStringLiteral("poison")),
               hookEvent(b, QStringLiteral("b1")), hookEvent(QStringLiteral("org_nobody"), QStringLiteral("x1")),
               hookEvent(a, QStringLiteral("a2")), hookEvent(a, QStringLiteral("a1"))};
        const QList<relay::QuarantinedBody> bodies
            = {kept(a, QStringLiteral("q1")), kept(a, QStringLiteral("poison")), kept(b, QStringLiteral("q3"))};
        const auto stored = store().append(events, bodies);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error()));
        using Event = relay::EventOutcome;
        QCOMPARE(stored->events,
                 (QList<Event>{Event::Stored, Event::Failed, Event::Stored, Event::Failed, Event::Stored, Event::Duplicate}));
        using Kept = relay::QuarantineOutcome;
        QCOMPARE(stored->quarantined, (QList<Kept>{Kept::Kept, Kept::Failed, Kept::Kept}));
        QCOMPARE(stored->failures.size(), 3);
        QVERIFY2(stored->failures.at(1).contains(QLatin1String("org_nobody")), qPrintable(stored->failures.join(u'\n')));
        QCOMPARE(storedKeys(a), (QStringList{QStringLiteral("a1"), QStringLiteral("a2")}));
        QCOMPARE(storedKeys(b), QStringList{QStringLiteral("b1")});
        QCOMPARE(store().organisation(a)->lastSeq, 3);
        QCOMPARE(store().organisation(b)->lastSeq, 2);
        QCOMPARE(store().quarantine(QString(), 10)->size(), 2);
        // The next batch continues the numbers.
        QVERIFY(store().append({hookEvent(a, QStringLiteral("a3"))}, {}));
        QCOMPARE(storedKeys(a), (QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}));
    }

    // Issue 11, finding 3: a driver's database text may quote the statement, payment data and all.
    void storeErrorsCarryOnlyCodes()
    {
        const QString a = createOrg(QStringLiteral("A"));
        QVERIFY(m_relay->poisonStore(PoisonText));
        const auto stored = store().append({hookEvent(a, QStringLiteral("poison"))}, {kept(a, QStringLiteral("poison"))});
        QVERIFY(stored);
        QCOMPARE(stored->failures.size(), 2);
        for (const QString &text : stored->failures) {
            QVERIFY2(!text.contains(QLatin1String("254708374149")), qPrintable(text));
            // The engine's code says what happened: PL/pgSQL's RAISE is P0001, SQLite's RAISE(ABORT) in a
            // trigger SQLITE_CONSTRAINT_TRIGGER (1811).
            QVERIFY2(text.contains(isPostgres() ? QLatin1String("(SQLSTATE P0001)") : QLatin1String("(SQLite code 1811)")),
                     qPrintable(text));
        }
    }

    void quarantinedBodiesKeepEveryByte()
    {
        const QString org = createOrg(QStringLiteral("St Paul's"));
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        relay::QuarantinedBody body = kept(org, QStringLiteral("the body is not valid JSON"));
        body.body = "{\"a\":\"" + bytes + "\"}";
        QVERIFY(store().append({}, {body}));
        const auto quarantine = store().quarantine(org, 10);
        QVERIFY(quarantine);
        QCOMPARE(quarantine->size(), 1);
        QCOMPARE(quarantine->constFirst().body, body.body);
    }

    // Schema 1 (before purchases) is brought to schema 4 when the relay opens it, keeping its data.
    void schemaOneIsMigrated()
    {
        const QString org = createOrg(QStringLiteral("St Paul's"));
        QVERIFY(store().append({hookEvent(org, QStringLiteral("a1"))}, {}));
        {
            // Back to what a schema-1 relay left behind.
            QSqlQuery query(store().database());
            for (const char *sql :
                 {"DROP TABLE snapshot_parts", "DROP TABLE snapshots", "DROP TABLE key_grants", "DROP TABLE changes",
                  "DROP TABLE joins", "ALTER TABLE devices DROP COLUMN changes_seen",
                  "ALTER TABLE devices DROP COLUMN approved_at", "ALTER TABLE devices DROP COLUMN last_device_seq",
                  "ALTER TABLE orgs DROP COLUMN last_change_seq", "ALTER TABLE orgs DROP COLUMN changes_compacted",
                  "ALTER TABLE orgs DROP COLUMN join_version", "DROP TABLE audit_anchors", "DROP TABLE purchases",
                  "DROP TABLE relay_keys", "DROP TABLE daraja_tokens", "DROP TABLE org_prices", "DROP TABLE org_mpesa",
                  "ALTER TABLE orgs DROP COLUMN hook_secret_sealed",
                  "UPDATE relay_meta SET value = '1' WHERE key = 'schema_version'"})
                QVERIFY2(query.exec(QLatin1String(sql)), sql);
        }
        auto reopened = m_relay->openExtraStore(QStringLiteral("after-upgrade"));
        QVERIFY(reopened);
        QSqlQuery version(reopened->database());
        QVERIFY(version.exec(QStringLiteral("SELECT value FROM relay_meta WHERE key = 'schema_version'")) && version.next());
        QCOMPARE(version.value(0).toString(), QStringLiteral("5"));
        QCOMPARE(storedKeys(org), QStringList{QStringLiteral("a1")});
        QVERIFY(reopened->purchases(org, 10).value_or(QList<relay::Purchase>{{}}).isEmpty());
        // The organisation has no sealed hook secret yet: M-Pesa asks for `org rotate` first.
        relay::MpesaSetup simulator;
        simulator.simulator = true;
        const auto refused = relay::setUpMpesa(*reopened, m_relay->masterKey(), org, simulator);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QLatin1String("org rotate")), qPrintable(refused.error()));
        QVERIFY(relay::rotateHookSecret(*reopened, m_relay->masterKey(), org, QStringLiteral("https://relay.example.org")));
        QVERIFY(relay::setUpMpesa(*reopened, m_relay->masterKey(), org, simulator));
    }

    // Schema 2 (before audit anchors) gains the audit_anchors table, its data kept.
    void schemaTwoIsMigrated()
    {
        const QString org = createOrg(QStringLiteral("St Paul's"));
        QVERIFY(store().append({hookEvent(org, QStringLiteral("b1"))}, {}));
        {
            QSqlQuery query(store().database());
            for (const char *sql :
                 {"DROP TABLE snapshot_parts", "DROP TABLE snapshots", "DROP TABLE key_grants", "DROP TABLE changes",
                  "DROP TABLE joins", "ALTER TABLE devices DROP COLUMN changes_seen",
                  "ALTER TABLE devices DROP COLUMN approved_at", "ALTER TABLE devices DROP COLUMN last_device_seq",
                  "ALTER TABLE orgs DROP COLUMN last_change_seq", "ALTER TABLE orgs DROP COLUMN changes_compacted",
                  "ALTER TABLE orgs DROP COLUMN join_version", "DROP TABLE audit_anchors",
                  "UPDATE relay_meta SET value = '2' WHERE key = 'schema_version'"})
                QVERIFY2(query.exec(QLatin1String(sql)), sql);
        }
        auto reopened = m_relay->openExtraStore(QStringLiteral("after-upgrade-3"));
        QVERIFY(reopened);
        QSqlQuery version(reopened->database());
        QVERIFY(version.exec(QStringLiteral("SELECT value FROM relay_meta WHERE key = 'schema_version'")) && version.next());
        QCOMPARE(version.value(0).toString(), QStringLiteral("5"));
        QCOMPARE(storedKeys(org), QStringList{QStringLiteral("b1")});
        QVERIFY(reopened->auditAnchors(QStringLiteral("dev_none"), 10).value_or(QList<relay::AuditAnchorRecord>{{}}).isEmpty());
    }

    // Schema 3 (before sync) gains approval, the join mailbox, changes, key grants and snapshots; the
    // devices enrolled before count as approved, and a device enrolled afterwards waits.
    void schemaThreeIsMigrated()
    {
        const QString org = createOrg(QStringLiteral("St Paul's"));
        QVERIFY(store().addEnrolCode(org, QByteArray(32, 'a'), QDateTime::currentMSecsSinceEpoch() + 60000, 1));
        QVERIFY(store().addEnrolCode(org, QByteArray(32, 'b'), QDateTime::currentMSecsSinceEpoch() + 60000, 1));
        {
            QSqlQuery query(store().database());
            for (const char *sql :
                 {"DROP TABLE snapshot_parts", "DROP TABLE snapshots", "DROP TABLE key_grants", "DROP TABLE changes",
                  "DROP TABLE joins", "ALTER TABLE devices DROP COLUMN changes_seen",
                  "ALTER TABLE devices DROP COLUMN approved_at", "ALTER TABLE devices DROP COLUMN last_device_seq",
                  "ALTER TABLE orgs DROP COLUMN last_change_seq", "ALTER TABLE orgs DROP COLUMN changes_compacted",
                  "ALTER TABLE orgs DROP COLUMN join_version", "UPDATE relay_meta SET value = '3' WHERE key = 'schema_version'"})
                QVERIFY2(query.exec(QLatin1String(sql)), sql);
            // Two devices enrolled by a schema-3 relay.
            for (const char *sql : {"INSERT INTO devices (id, org_id, name, token_hash, created_at, last_seen_at, revoked_at)"
                                    " VALUES ('dev_old1', '%1', 'Office PC', 'aa', 5, 5, NULL)",
                                    "INSERT INTO devices (id, org_id, name, token_hash, created_at, last_seen_at, revoked_at)"
                                    " VALUES ('dev_old2', '%1', 'Laptop', 'bb', 6, 6, NULL)"})
                QVERIFY2(query.exec(QString::fromLatin1(sql).arg(org)), sql);
        }
        auto reopened = m_relay->openExtraStore(QStringLiteral("after-upgrade-4"));
        QVERIFY(reopened);
        QSqlQuery version(reopened->database());
        QVERIFY(version.exec(QStringLiteral("SELECT value FROM relay_meta WHERE key = 'schema_version'")) && version.next());
        QCOMPARE(version.value(0).toString(), QStringLiteral("5"));
        const auto devices = reopened->devices(org);
        QVERIFY(devices);
        QCOMPARE(devices->size(), 2);
        for (const relay::Device &device : *devices)
            QVERIFY2(device.approved(), qPrintable(device.id));
        // A device enrolled now is not the organisation's first: it waits for approval.
        const auto newcomer
            = reopened->enrol(QByteArray(32, 'a'), QStringLiteral("dev_new"), QStringLiteral("Laptop 2"), QByteArray(32, 'c'), 7);
        QVERIFY(newcomer);
        QVERIFY(!newcomer->approved());
    }

    // Schema 4 (before compaction waited for every computer) gains devices.changes_seen, 0 for all:
    // the devices that read nothing yet hold no compaction back.
    void schemaFourIsMigrated()
    {
        const QString org = createOrg(QStringLiteral("St Paul's"));
        QVERIFY(store().addEnrolCode(org, QByteArray(32, 'a'), QDateTime::currentMSecsSinceEpoch() + 60000, 1));
        QVERIFY(store().enrol(QByteArray(32, 'a'), QStringLiteral("dev_f"), QStringLiteral("Office"), QByteArray(32, 'c'), 7));
        {
            QSqlQuery query(store().database());
            for (const char *sql : {"ALTER TABLE devices DROP COLUMN changes_seen",
                                    "UPDATE relay_meta SET value = '4' WHERE key = 'schema_version'"})
                QVERIFY2(query.exec(QLatin1String(sql)), sql);
        }
        auto reopened = m_relay->openExtraStore(QStringLiteral("after-upgrade-5"));
        QVERIFY(reopened);
        QSqlQuery query(reopened->database());
        QVERIFY(query.exec(QStringLiteral("SELECT value FROM relay_meta WHERE key = 'schema_version'")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("5"));
        QVERIFY(query.exec(QStringLiteral("SELECT changes_seen FROM devices WHERE id = 'dev_f'")) && query.next());
        QCOMPARE(query.value(0).toLongLong(), 0);
    }

    // The first device of an organisation is its founder (approved at enrolment); the next one waits.
    void theFirstDeviceIsApprovedTheNextWaits()
    {
        const QString org = createOrg(QStringLiteral("St Paul's"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(store().addEnrolCode(org, QByteArray(32, 'a'), now + 60000, now));
        QVERIFY(store().addEnrolCode(org, QByteArray(32, 'b'), now + 60000, now));
        const auto founder
            = store().enrol(QByteArray(32, 'a'), QStringLiteral("dev_f"), QStringLiteral("Office"), QByteArray(32, 'c'), now);
        QVERIFY(founder);
        QVERIFY(founder->approved());
        const auto second
            = store().enrol(QByteArray(32, 'b'), QStringLiteral("dev_s"), QStringLiteral("Laptop"), QByteArray(32, 'd'), now);
        QVERIFY(second);
        QVERIFY(!second->approved());
        QVERIFY(!store().deviceByTokenHash(QByteArray(32, 'd'))->approved());
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestRelayStore>(argc, argv);
}

#include "TestRelayStore.moc"
