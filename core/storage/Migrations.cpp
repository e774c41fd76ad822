#include "Migrations.h"

#include "Database.h"
#include "Schema.h"
#include "common/Log.h"

#include <QSqlError>
#include <QSqlQuery>

#include <array>

namespace kengele {

namespace {

// Version 1: contacts, groups, opt-outs, templates.
constexpr std::array<const char *, 10> Version1 = {
    // contacts: phone is E.164 (unique), phone_raw what the person typed or the file held.
    // name is derived and stored, so sorting uses its index and searching does not rebuild it per row.
    R"(CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        name TEXT GENERATED ALWAYS AS (trim(first_name || ' ' || last_name)) STORED,
        phone TEXT NOT NULL UNIQUE,
        phone_raw TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'manual',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX contacts_by_name ON contacts(name COLLATE NOCASE, id)",
    "CREATE INDEX contacts_by_created ON contacts(created_at, id)",
    R"(CREATE TABLE groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL))",
    R"(CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (group_id, contact_id)) WITHOUT ROWID)",
    "CREATE INDEX group_members_by_contact ON group_members(contact_id)",
    // Opt-outs belong to the number, not the contact: they survive deleting and re-importing.
    R"(CREATE TABLE opt_outs (
        phone TEXT PRIMARY KEY,
        reason TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'manual',
        created_at INTEGER NOT NULL) WITHOUT ROWID)",
    R"(CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    R"(CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL) WITHOUT ROWID)",
    "INSERT INTO meta(key, value) VALUES ('created_by', 'kengele')",
};

struct Step {
    const char *const *statements;
    std::size_t count;
};

const std::array<Step, 1> Steps = {
    Step{Version1.data(), Version1.size()},
};

} // namespace

int Migrations::latestVersion()
{
    static_assert(Steps.size() == schema::CurrentVersion);
    return int(Steps.size());
}

Status Migrations::apply(QSqlDatabase db, int fromVersion)
{
    if (fromVersion >= latestVersion())
        return {};
    if (!db.transaction())
        return std::unexpected(Database::storageError(db.lastError(), Database::tr("Preparing the data file")));
    QSqlQuery query(db);
    for (int version = fromVersion + 1; version <= latestVersion(); ++version) {
        const Step &step = Steps[std::size_t(version - 1)];
        for (std::size_t i = 0; i < step.count; ++i) {
            if (!query.exec(QString::fromUtf8(step.statements[i]))) {
                const Error error = Database::storageError(query.lastError(), Database::tr("Updating the data file"));
                qCWarning(lcStorage) << "migration to" << version << "failed at statement" << i << query.lastError().text();
                query.finish();
                db.rollback();
                return std::unexpected(error);
            }
        }
        qCInfo(lcStorage) << "migrated schema to version" << version;
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestVersion())) || !db.commit()) {
        const Error error = Database::storageError(db.lastError(), Database::tr("Updating the data file"));
        db.rollback();
        return std::unexpected(error);
    }
    return {};
}

} // namespace kengele
