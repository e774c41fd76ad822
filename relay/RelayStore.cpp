// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayStore.h"
#include "RelayStoreSql.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

namespace kengele::relay {

namespace {

constexpr int SchemaVersion = 5;

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QByteArray unhex(const QVariant &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

} // namespace

using storesql::rolledBack;

std::expected<DatabaseLocation, QString> DatabaseLocation::parse(const QString &text)
{
    DatabaseLocation location;
    if (text.startsWith(QLatin1String("sqlite:"))) {
        location.kind = Kind::Sqlite;
        location.path = text.mid(7);
        if (location.path.startsWith(QLatin1String("//")))
            location.path = location.path.mid(2);
        if (location.path.isEmpty())
            return std::unexpected(
                QStringLiteral("The SQLite location needs a file path, e.g. sqlite:/var/lib/kengele/relay.db."));
        return location;
    }
    if (text.startsWith(QLatin1String("postgres://")) || text.startsWith(QLatin1String("postgresql://"))) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return std::unexpected(
                QStringLiteral("The PostgreSQL location is not a valid URL: expected postgres://user@host[:port]/database."));
        location.kind = Kind::Postgres;
        location.host = url.host();
        location.port = url.port(5432);
        location.user = url.userName();
        location.password = url.password();
        location.database = url.path().mid(1);
        if (location.database.isEmpty())
            return std::unexpected(
                QStringLiteral("The PostgreSQL location names no database: expected postgres://user@host[:port]/database."));
        QStringList options;
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto &item : items)
            options << item.first + QLatin1Char('=') + item.second;
        location.options = options.join(QLatin1Char(';'));
        return location;
    }
    return std::unexpected(
        QStringLiteral("Unknown database location \"%1\": use sqlite:PATH or postgres://user@host/database.").arg(text));
}

QString DatabaseLocation::describe() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:") + path;
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

RelayStore::RelayStore(const QString &connectionName, bool postgres)
    : m_connectionName(connectionName)
    , m_postgres(postgres)
{ }

RelayStore::~RelayStore()
{
    m_prepared.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::expected<std::unique_ptr<RelayStore>, QString> RelayStore::open(const DatabaseLocation &location,
                                                                     const QString &connectionName)
{
    const bool postgres = location.kind == DatabaseLocation::Kind::Postgres;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), connectionName);
        if (postgres) {
            db.setHostName(location.host);
            db.setPort(location.port);
            db.setUserName(location.user);
            db.setPassword(location.password);
            db.setDatabaseName(location.database);
            db.setConnectOptions(location.options);
        } else {
            db.setDatabaseName(location.path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
    }
    std::unique_ptr<RelayStore> store(new RelayStore(connectionName, postgres));
    QSqlDatabase db = store->database();
    if (!db.isValid())
        return std::unexpected(
            QStringLiteral("The database driver for %1 is not installed (package %2).")
                .arg(location.describe(), postgres ? QStringLiteral("libqt6sql6-psql") : QStringLiteral("libqt6sql6-sqlite")));
    // The server's own words here: no statement has run yet, and they say what is wrong (a wrong
    // password, a server that does not answer, a file that cannot be opened).
    if (!db.open())
        return std::unexpected(QStringLiteral("Cannot open the database %1: %2").arg(location.describe(), db.lastError().text()));
    if (postgres) {
        // Keep PostgreSQL's "already exists, skipping" notices out of the relay's log.
        if (auto ok = store->exec(QStringLiteral("SET client_min_messages TO warning")); !ok)
            return std::unexpected(ok.error());
    } else {
        for (const auto *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            if (auto ok = store->exec(QLatin1String(pragma)); !ok)
                return std::unexpected(ok.error());
        }
    }
    if (auto ok = store->migrate(); !ok)
        return std::unexpected(QStringLiteral("Cannot prepare the database %1: %2").arg(location.describe(), ok.error()));
    return store;
}

QSqlDatabase RelayStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString RelayStore::error(const QSqlError &sqlError) const
{
    QString text = sqlError.driverText().isEmpty() ? QStringLiteral("database error") : sqlError.driverText();
    if (!sqlError.nativeErrorCode().isEmpty())
        text += (m_postgres ? QStringLiteral(" (SQLSTATE %1)") : QStringLiteral(" (SQLite code %1)"))
                    .arg(sqlError.nativeErrorCode());
    return text;
}

QString RelayStore::error(const QSqlQuery &query) const
{
    return error(query.lastError());
}

std::expected<void, QString> RelayStore::exec(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql))
        return std::unexpected(error(query));
    return {};
}

QSqlQuery &RelayStore::prepared(const QString &sql)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        QSqlQuery query(database());
        query.prepare(sql);
        it = m_prepared.insert(sql, query);
    }
    return it.value();
}

bool RelayStore::begin()
{
    // SQLite: take the write lock at once, so a transaction that reads first cannot fail later
    // because another process (an administrator's command) wrote in between.
    if (m_postgres)
        return database().transaction();
    QSqlQuery query(database());
    return query.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

bool RelayStore::ping()
{
    QSqlQuery query(database());
    return query.exec(QStringLiteral("SELECT 1")) && query.next();
}

std::expected<void, QString> RelayStore::migrate()
{
    QSqlDatabase db = database();
    if (!begin())
        return std::unexpected(error(db.lastError()));
    if (m_postgres) {
        // Several relay processes may start at once against one database.
        if (auto ok = exec(QStringLiteral("SELECT pg_advisory_xact_lock(72650401)")); !ok)
            return rolledBack(db, ok.error());
    }
    if (auto ok = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS relay_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")); !ok)
        return rolledBack(db, ok.error());
    int version = 0;
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT value FROM relay_meta WHERE key = 'schema_version'")))
            return rolledBack(db, error(query));
        if (query.next())
            version = query.value(0).toInt();
    }
    if (version > SchemaVersion)
        return rolledBack(db,
                          QStringLiteral("this database was written by a newer kengele-relay (schema %1; this one knows %2)")
                              .arg(version)
                              .arg(SchemaVersion));
    if (version < 1) {
        const QString serial = m_postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY");
        const QString blob = m_postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
        const QStringList statements = {
            QStringLiteral("CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL, secret_hash TEXT NOT NULL,"
                           " last_seq BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE enrol_codes (code_hash TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id),"
                           " expires_at BIGINT NOT NULL, used_at BIGINT, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE devices (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id),"
                           " name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL,"
                           " last_seen_at BIGINT, revoked_at BIGINT)"),
            QStringLiteral("CREATE INDEX devices_by_org ON devices(org_id)"),
            QStringLiteral("CREATE TABLE events (org_id TEXT NOT NULL REFERENCES orgs(id), seq BIGINT NOT NULL,"
                           " kind TEXT NOT NULL, dedupe_key TEXT NOT NULL, received_at BIGINT NOT NULL, data TEXT NOT NULL,"
                           " PRIMARY KEY (org_id, seq), UNIQUE (org_id, kind, dedupe_key))"),
            QStringLiteral("CREATE TABLE quarantine (id %1, org_id TEXT, kind TEXT NOT NULL, reason TEXT NOT NULL,"
                           " content_type TEXT NOT NULL, remote TEXT NOT NULL, body %2 NOT NULL, received_at BIGINT NOT NULL)")
                .arg(serial, blob),
            QStringLiteral("CREATE INDEX quarantine_by_org ON quarantine(org_id, received_at)"),
            QStringLiteral("INSERT INTO relay_meta (key, value) VALUES ('schema_version', '1')"),
        };
        for (const QString &sql : statements) {
            if (auto ok = exec(sql); !ok)
                return rolledBack(db, ok.error());
        }
    }
    if (version < 2) {
        // Buying tokens with M-Pesa (docs/relay.md): settings and prices per organisation, the
        // purchases, the Daraja token cache, the voucher key. Secrets are sealed (MasterKey).
        const QStringList statements = {
            QStringLiteral("ALTER TABLE orgs ADD COLUMN hook_secret_sealed TEXT"),
            QStringLiteral("CREATE TABLE org_mpesa (org_id TEXT PRIMARY KEY REFERENCES orgs(id), shortcode TEXT NOT NULL,"
                           " till TEXT NOT NULL, environment TEXT NOT NULL, base_url TEXT NOT NULL, simulator INTEGER NOT NULL,"
                           " consumer_key_sealed TEXT NOT NULL, consumer_secret_sealed TEXT NOT NULL,"
                           " passkey_sealed TEXT NOT NULL, updated_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE org_prices (org_id TEXT PRIMARY KEY REFERENCES orgs(id), starter_kes BIGINT,"
                           " business_kes BIGINT, enterprise_kes BIGINT, lock_features INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE daraja_tokens (org_id TEXT PRIMARY KEY REFERENCES orgs(id), token_sealed TEXT,"
                           " expires_at BIGINT NOT NULL DEFAULT 0, lease_owner TEXT, lease_until BIGINT NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE purchases (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id),"
                " request_id TEXT NOT NULL, plan TEXT NOT NULL, tokens BIGINT NOT NULL, validity_days INTEGER NOT NULL,"
                " amount_kes BIGINT NOT NULL, phone TEXT NOT NULL, account TEXT NOT NULL, state TEXT NOT NULL,"
                " reason TEXT NOT NULL, result_code TEXT NOT NULL, receipt TEXT NOT NULL,"
                " checkout_request_id TEXT UNIQUE, merchant_request_id TEXT NOT NULL, voucher_id TEXT NOT NULL,"
                " simulated INTEGER NOT NULL, requested_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
                " callback_received INTEGER NOT NULL DEFAULT 0, next_query_at BIGINT NOT NULL DEFAULT 0,"
                " query_attempts INTEGER NOT NULL DEFAULT 0, claim_owner TEXT, claim_until BIGINT NOT NULL DEFAULT 0,"
                " UNIQUE (org_id, request_id))"),
            QStringLiteral("CREATE INDEX purchases_by_org ON purchases(org_id, requested_at)"),
            QStringLiteral("CREATE INDEX purchases_waiting ON purchases(state, next_query_at)"),
            QStringLiteral("CREATE TABLE relay_keys (name TEXT PRIMARY KEY, public_key TEXT NOT NULL,"
                           " secret_sealed TEXT NOT NULL, created_at BIGINT NOT NULL)"),
            QStringLiteral("DELETE FROM relay_meta WHERE key = 'schema_version'"),
            QStringLiteral("INSERT INTO relay_meta (key, value) VALUES ('schema_version', '2')"),
        };
        for (const QString &sql : statements) {
            if (auto ok = exec(sql); !ok)
                return rolledBack(db, ok.error());
        }
    }
    if (version < 3) {
        // The desktops' daily audit anchors (docs/relay.md, "Audit anchors"): a count and a hash
        // per device and UTC day, nothing of the congregation's.
        const QStringList statements = {
            QStringLiteral("CREATE TABLE audit_anchors (device_id TEXT NOT NULL REFERENCES devices(id),"
                           " org_id TEXT NOT NULL REFERENCES orgs(id), day TEXT NOT NULL, entries BIGINT NOT NULL,"
                           " hash TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (device_id, day))"),
            QStringLiteral("DELETE FROM relay_meta WHERE key = 'schema_version'"),
            QStringLiteral("INSERT INTO relay_meta (key, value) VALUES ('schema_version', '3')"),
        };
        for (const QString &sql : statements) {
            if (auto ok = exec(sql); !ok)
                return rolledBack(db, ok.error());
        }
    }
    if (version < 4) {
        // Several computers, one congregation (docs/relay.md, "Sync between a church's computers"):
        // device approval, the join mailbox, the change batches, the key grants and the snapshots.
        // Everything of the congregation's in them is ciphertext the relay cannot read. Devices
        // enrolled before this version count as approved.
        const QString serial = m_postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY");
        const QString blob = m_postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
        const QStringList statements = {
            QStringLiteral("ALTER TABLE devices ADD COLUMN approved_at BIGINT"),
            QStringLiteral("UPDATE devices SET approved_at = created_at"),
            QStringLiteral("ALTER TABLE devices ADD COLUMN last_device_seq BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE orgs ADD COLUMN last_change_seq BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE orgs ADD COLUMN changes_compacted BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE orgs ADD COLUMN join_version BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE TABLE joins (device_id TEXT PRIMARY KEY REFERENCES devices(id),"
                           " org_id TEXT NOT NULL REFERENCES orgs(id), state TEXT NOT NULL, commitment TEXT NOT NULL,"
                           " approver TEXT, approver_keys TEXT, reveal TEXT, sealed_grant TEXT, version BIGINT NOT NULL,"
                           " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX joins_by_org ON joins(org_id, state)"),
            QStringLiteral("CREATE TABLE changes (org_id TEXT NOT NULL REFERENCES orgs(id), seq BIGINT NOT NULL,"
                           " device_id TEXT NOT NULL REFERENCES devices(id), device_seq BIGINT NOT NULL, epoch BIGINT NOT NULL,"
                           " batch %1 NOT NULL, digest TEXT NOT NULL, received_at BIGINT NOT NULL,"
                           " PRIMARY KEY (org_id, seq), UNIQUE (device_id, device_seq))")
                .arg(blob),
            QStringLiteral("CREATE TABLE key_grants (device_id TEXT NOT NULL REFERENCES devices(id),"
                           " org_id TEXT NOT NULL REFERENCES orgs(id), epoch BIGINT NOT NULL, from_device TEXT NOT NULL,"
                           " sealed_grant TEXT NOT NULL, received_at BIGINT NOT NULL,"
                           " PRIMARY KEY (device_id, epoch, from_device))"),
            QStringLiteral("CREATE TABLE snapshots (id %1, org_id TEXT NOT NULL REFERENCES orgs(id),"
                           " device_id TEXT NOT NULL REFERENCES devices(id), covers BIGINT NOT NULL, epoch BIGINT NOT NULL,"
                           " parts INTEGER NOT NULL, bytes BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,"
                           " completed_at BIGINT)")
                .arg(serial),
            QStringLiteral("CREATE INDEX snapshots_by_org ON snapshots(org_id, completed_at)"),
            QStringLiteral("CREATE TABLE snapshot_parts (snapshot_id BIGINT NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,"
                           " part INTEGER NOT NULL, data %1 NOT NULL, PRIMARY KEY (snapshot_id, part))")
                .arg(blob),
            QStringLiteral("DELETE FROM relay_meta WHERE key = 'schema_version'"),
            QStringLiteral("INSERT INTO relay_meta (key, value) VALUES ('schema_version', '4')"),
        };
        for (const QString &sql : statements) {
            if (auto ok = exec(sql); !ok)
                return rolledBack(db, ok.error());
        }
    }
    if (version < 5) {
        // How far each computer has read the changes (the `after` of its GET /v1/changes): a
        // snapshot deletes only the changes every approved computer has read (docs/relay.md,
        // "Snapshots and compaction").
        const QStringList statements = {
            QStringLiteral("ALTER TABLE devices ADD COLUMN changes_seen BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("DELETE FROM relay_meta WHERE key = 'schema_version'"),
            QStringLiteral("INSERT INTO relay_meta (key, value) VALUES ('schema_version', '5')"),
        };
        for (const QString &sql : statements) {
            if (auto ok = exec(sql); !ok)
                return rolledBack(db, ok.error());
        }
    }
    if (!db.commit())
        return rolledBack(db, error(db.lastError()));
    return {};
}

std::expected<Organisation, QString> RelayStore::createOrganisation(const QString &id, const QString &name,
                                                                    const QByteArray &secretHash, qint64 now)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO orgs (id, name, secret_hash, last_seq, created_at) VALUES (?, ?, ?, 0, ?)"));
    query.addBindValue(id);
    query.addBindValue(name);
    query.addBindValue(hex(secretHash));
    query.addBindValue(now);
    if (!query.exec())
        return std::unexpected(error(query));
    return Organisation{id, name, secretHash, 0, now};
}

std::optional<Organisation> RelayStore::organisation(const QString &id)
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT id, name, secret_hash, last_seq, created_at FROM orgs WHERE id = ?"));
    query.bindValue(0, id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    Organisation org{query.value(0).toString(), query.value(1).toString(), unhex(query.value(2)), query.value(3).toLongLong(),
                     query.value(4).toLongLong()};
    query.finish();
    return org;
}

QByteArray RelayStore::hookSecretHash(const QString &orgId)
{
    // Always exactly one row (NULL when there is no such organisation): the same work either way.
    QSqlQuery &query = prepared(QStringLiteral("SELECT o.secret_hash FROM (SELECT CAST(? AS TEXT) AS wanted) w"
                                               " LEFT JOIN orgs o ON o.id = w.wanted"));
    query.bindValue(0, orgId);
    QByteArray hash;
    if (query.exec() && query.next())
        hash = unhex(query.value(0));
    query.finish();
    return hash;
}

std::expected<QList<Organisation>, QString> RelayStore::organisations()
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT id, name, secret_hash, last_seq, created_at FROM orgs ORDER BY created_at, id")))
        return std::unexpected(error(query));
    QList<Organisation> result;
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString(), unhex(query.value(2)), query.value(3).toLongLong(),
                       query.value(4).toLongLong()});
    return result;
}

std::expected<void, QString> RelayStore::setSecretHash(const QString &orgId, const QByteArray &secretHash)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE orgs SET secret_hash = ? WHERE id = ?"));
    query.addBindValue(hex(secretHash));
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    if (query.numRowsAffected() != 1)
        return std::unexpected(QStringLiteral("There is no organisation %1.").arg(orgId));
    return {};
}

std::expected<int, QString> RelayStore::advanceSequences(qint64 by)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE orgs SET last_seq = last_seq + ?"));
    query.addBindValue(by);
    if (!query.exec())
        return std::unexpected(error(query));
    return query.numRowsAffected();
}

std::expected<void, QString> RelayStore::addEnrolCode(const QString &orgId, const QByteArray &codeHash, qint64 expiresAt,
                                                      qint64 now)
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("INSERT INTO enrol_codes (code_hash, org_id, expires_at, used_at, created_at) VALUES (?, ?, ?, NULL, ?)"));
    query.addBindValue(hex(codeHash));
    query.addBindValue(orgId);
    query.addBindValue(expiresAt);
    query.addBindValue(now);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

std::expected<Device, EnrolProblem> RelayStore::enrol(const QByteArray &codeHash, const QString &deviceId, const QString &name,
                                                      const QByteArray &tokenHash, qint64 now)
{
    QSqlDatabase db = database();
    if (!begin())
        return std::unexpected(EnrolProblem::Storage);
    QString orgId;
    {
        QSqlQuery query(db);
        query.prepare(m_postgres
                          ? QStringLiteral("SELECT org_id, expires_at, used_at FROM enrol_codes WHERE code_hash = ? FOR UPDATE")
                          : QStringLiteral("SELECT org_id, expires_at, used_at FROM enrol_codes WHERE code_hash = ?"));
        query.addBindValue(hex(codeHash));
        if (!query.exec())
            return rolledBack(db, EnrolProblem::Storage);
        if (!query.next())
            return rolledBack(db, EnrolProblem::UnknownCode);
        if (!query.value(2).isNull())
            return rolledBack(db, EnrolProblem::UsedCode);
        if (query.value(1).toLongLong() <= now)
            return rolledBack(db, EnrolProblem::ExpiredCode);
        orgId = query.value(0).toString();
    }
    QSqlQuery use(db);
    use.prepare(QStringLiteral("UPDATE enrol_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL"));
    use.addBindValue(now);
    use.addBindValue(hex(codeHash));
    if (!use.exec())
        return rolledBack(db, EnrolProblem::Storage);
    if (use.numRowsAffected() != 1)
        return rolledBack(db, EnrolProblem::UsedCode);
    // The organisation's first computer (none approved and still enrolled) is its founder and is
    // approved at once; every later one waits for an approved computer to let it in.
    bool founder = false;
    {
        if (m_postgres) { // two first enrolments at once: only one is the founder
            QSqlQuery lock(db);
            lock.prepare(QStringLiteral("SELECT id FROM orgs WHERE id = ? FOR UPDATE"));
            lock.addBindValue(orgId);
            if (!lock.exec())
                return rolledBack(db, EnrolProblem::Storage);
        }
        QSqlQuery others(db);
        others.prepare(QStringLiteral("SELECT COUNT(*) FROM devices WHERE org_id = ? AND approved_at IS NOT NULL"
                                      " AND revoked_at IS NULL"));
        others.addBindValue(orgId);
        if (!others.exec() || !others.next())
            return rolledBack(db, EnrolProblem::Storage);
        founder = others.value(0).toLongLong() == 0;
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO devices (id, org_id, name, token_hash, created_at, last_seen_at, revoked_at,"
                                  " approved_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)"));
    const QString cleanName = cleanDeviceName(name);
    insert.addBindValue(deviceId);
    insert.addBindValue(orgId);
    insert.addBindValue(cleanName);
    insert.addBindValue(hex(tokenHash));
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(founder ? QVariant(now) : QVariant(QMetaType(QMetaType::LongLong)));
    if (!insert.exec())
        return rolledBack(db, EnrolProblem::Storage);
    if (!db.commit())
        return rolledBack(db, EnrolProblem::Storage);
    return Device{deviceId, orgId, cleanName, now, now, 0, founder ? now : 0};
}

QString RelayStore::cleanDeviceName(const QString &name)
{
    constexpr qsizetype MaxLength = 100;
    QString clean;
    clean.reserve(name.size());
    bool afterControl = false;
    for (const QChar c : name) {
        const bool control = c.category() == QChar::Other_Control;
        if (!control)
            clean.append(c);
        else if (!afterControl)
            clean.append(u' '); // a run of them is one space: "Office\r\nPC" is "Office PC"
        afterControl = control;
    }
    clean = clean.trimmed();
    if (clean.size() > MaxLength) // never half of a character that takes two UTF-16 units
        clean.truncate(clean.at(MaxLength - 1).isHighSurrogate() ? MaxLength - 1 : MaxLength);
    clean = clean.trimmed();
    return clean.isEmpty() ? QStringLiteral("Desktop") : clean;
}

std::optional<Device> RelayStore::deviceByTokenHash(const QByteArray &tokenHash)
{
    QSqlQuery &query
        = prepared(QStringLiteral("SELECT id, org_id, name, created_at, last_seen_at, revoked_at, approved_at FROM devices"
                                  " WHERE token_hash = ?"));
    query.bindValue(0, hex(tokenHash));
    if (!query.exec() || !query.next())
        return std::nullopt;
    Device device{query.value(0).toString(),   query.value(1).toString(),   query.value(2).toString(),
                  query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
                  query.value(6).toLongLong()};
    query.finish();
    return device;
}

std::expected<QList<Device>, QString> RelayStore::devices(const QString &orgId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id, org_id, name, created_at, last_seen_at, revoked_at, approved_at FROM devices"
                                 " WHERE org_id = ? ORDER BY created_at, id"));
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    QList<Device> result;
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
                       query.value(6).toLongLong()});
    return result;
}

std::expected<bool, QString> RelayStore::revokeDevice(const QString &deviceId, qint64 now)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"));
    query.addBindValue(now);
    query.addBindValue(deviceId);
    if (!query.exec())
        return std::unexpected(error(query));
    return query.numRowsAffected() == 1;
}

bool RelayStore::isDeviceActive(const QString &deviceId)
{
    QSqlQuery &query = prepared(QStringLiteral("SELECT revoked_at FROM devices WHERE id = ?"));
    query.bindValue(0, deviceId);
    const bool active = query.exec() && query.next() && query.value(0).toLongLong() == 0;
    query.finish();
    return active;
}

void RelayStore::touchDevice(const QString &deviceId, qint64 now)
{
    QSqlQuery &query = prepared(QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"));
    query.bindValue(0, now);
    query.bindValue(1, deviceId);
    query.exec();
}

} // namespace kengele::relay
