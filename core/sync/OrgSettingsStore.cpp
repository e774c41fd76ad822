// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OrgSettingsStore.h"

#include "ReplicaSqlFunctions.h"
#include "security/Access.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

QVariant textOrNull(const QString &value)
{
    return value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

} // namespace

OrgSettingsStore::OrgSettingsStore(Database &database)
    : m_database(database)
{ }

void OrgSettingsStore::setAccess(Access *access, QSet<QString> administrators)
{
    m_access = access;
    m_administrators = std::move(administrators);
}

Result<QHash<QString, QString>> OrgSettingsStore::readAll() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT name, value FROM org_settings WHERE value IS NOT NULL"_s))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the church's settings")));
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Status OrgSettingsStore::write(const QString &name, const QString &value)
{
    if (m_administrators.contains(name)) {
        if (Status allowed = Access::check(m_access, Permission::Administer); !allowed)
            return allowed;
    }
    const QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status began = transaction.began(tr("Saving the church's settings")); !began)
        return began;
    QSqlQuery q(db);
    q.prepare(u"UPDATE org_settings SET value = ? WHERE name = ?"_s);
    q.addBindValue(textOrNull(value));
    q.addBindValue(name);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the church's settings")));
    if (q.numRowsAffected() == 0) {
        // The first value of this setting anywhere this computer knows of: the row is made, with
        // the uid every computer gives it (created_at 0 everywhere, so only the value can differ).
        q.prepare(
            u"INSERT INTO org_settings(uid, name, value, created_at) VALUES (kengele_name_uid('org_setting', ?), ?, ?, 0)"_s);
        q.addBindValue(name);
        q.addBindValue(name);
        q.addBindValue(textOrNull(value));
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Saving the church's settings")));
    }
    return transaction.commit({u"settings.change"_s, u"setting:"_s + name, QString()});
}

Status OrgSettingsStore::adopt(const QHash<QString, QString> &values)
{
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status began = transaction.began(tr("Sharing this computer's settings")); !began)
        return began;
    // Written by hand (the triggers would stamp them now): the row, its change and its clock at 0.
    if (!ReplicaSqlFunctions::setApplying(db, true))
        return fail(ErrorCode::Storage, tr("Sharing this computer's settings failed. Nothing was changed."));
    const auto notApplying = qScopeGuard([&db] { ReplicaSqlFunctions::setApplying(db, false); });
    QSqlQuery q(db);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        q.prepare(u"SELECT 1 FROM org_settings WHERE name = ?"_s);
        q.addBindValue(it.key());
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Sharing this computer's settings")));
        if (q.next())
            continue; // the church's value (or an earlier adoption) is there already
        const QString uidOf = u"kengele_name_uid('org_setting', ?)"_s;
        const QVariant value = textOrNull(it.value());
        const QList<std::pair<QString, QVariantList>> statements{
            {u"INSERT INTO org_settings(uid, name, value, created_at) VALUES (%1, ?, ?, 0)"_s.arg(uidOf),
             {it.key(), it.key(), value}},
            {u"INSERT INTO change_log(entity, uid, fields, prev, hlc, user) "
             "VALUES ('org_setting', %1, json_object('name', ?, 'value', ?, 'created_at', 0), NULL, 0, '')"_s.arg(uidOf),
             {it.key(), it.key(), value}},
            {u"INSERT OR IGNORE INTO sync_clocks(entity, uid, field, hlc, device, prev) VALUES ('org_setting', %1, '*', 0, '', 0)"_s
                 .arg(uidOf),
             {it.key()}},
        };
        for (const auto &[statement, bound] : statements) {
            q.prepare(statement);
            for (const QVariant &v : bound)
                q.addBindValue(v);
            if (!q.exec())
                return std::unexpected(Database::storageError(q.lastError(), tr("Sharing this computer's settings")));
        }
    }
    return transaction.commit();
}

} // namespace kengele
