// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GroupService.h"

#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

constexpr int MaxGroupName = 60;

const QString SelectGroups = QStringLiteral("SELECT g.id, g.name, g.description, "
                                            " (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id), "
                                            " (SELECT count(*) FROM group_members gm JOIN contacts c ON c.id = gm.contact_id "
                                            "   JOIN opt_outs o ON o.phone = c.phone WHERE gm.group_id = g.id) "
                                            "FROM groups g ");

Group groupFromRow(const QSqlQuery &q)
{
    Group g;
    g.id = q.value(0).toLongLong();
    g.name = q.value(1).toString();
    g.description = q.value(2).toString();
    g.memberCount = q.value(3).toInt();
    g.optedOutCount = q.value(4).toInt();
    return g;
}

} // namespace

GroupService::GroupService(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{ }

Result<QList<Group>> GroupService::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(SelectGroups + QStringLiteral("ORDER BY g.name COLLATE NOCASE")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading groups")));
    QList<Group> groups;
    while (q.next())
        groups.append(groupFromRow(q));
    return groups;
}

Result<Group> GroupService::get(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(SelectGroups + QStringLiteral("WHERE g.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading groups")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("This group no longer exists."));
    return groupFromRow(q);
}

Result<Group> GroupService::findByName(const QString &name) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(SelectGroups + QStringLiteral("WHERE g.name = ?"));
    q.addBindValue(sqlText(name.simplified()));
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading groups")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("There is no group called “%1”.").arg(name.simplified()));
    return groupFromRow(q);
}

Result<QString> GroupService::validName(const QString &name, qint64 exceptId) const
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please give the group a name."));
    if (clean.size() > MaxGroupName)
        return fail(ErrorCode::InvalidInput, tr("A group name can have at most %1 characters.").arg(MaxGroupName));
    if (const Result<Group> existing = findByName(clean); existing && existing->id != exceptId)
        return fail(ErrorCode::Conflict, tr("There is already a group called “%1”.").arg(existing->name));
    return clean;
}

Result<Group> GroupService::create(const QString &name, const QString &description)
{
    const Result<QString> clean = validName(name, 0);
    if (!clean)
        return std::unexpected(clean.error());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO groups(name, description, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(*clean);
    q.addBindValue(sqlText(description.trimmed()));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Creating the group")));
    const qint64 id = q.lastInsertId().toLongLong();
    Q_EMIT groupsChanged();
    return get(id);
}

Result<Group> GroupService::ensure(const QString &name)
{
    if (Result<Group> existing = findByName(name); existing)
        return existing;
    return create(name);
}

Status GroupService::rename(qint64 id, const QString &name, const QString &description)
{
    const Result<QString> clean = validName(name, id);
    if (!clean)
        return std::unexpected(clean.error());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE groups SET name = ?, description = ? WHERE id = ?"));
    q.addBindValue(*clean);
    q.addBindValue(sqlText(description.trimmed()));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Renaming the group")));
    if (q.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, tr("This group no longer exists."));
    Q_EMIT groupsChanged();
    return {};
}

Status GroupService::remove(qint64 id)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM groups WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Deleting the group")));
    Q_EMIT groupsChanged();
    return {};
}

Result<int> GroupService::addMembers(qint64 groupId, const QList<qint64> &contactIds)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    QSqlQuery check(db);
    check.prepare(QStringLiteral("SELECT 1 FROM groups WHERE id = ?"));
    check.addBindValue(groupId);
    if (!check.exec())
        return std::unexpected(Database::storageError(check.lastError(), tr("Adding members")));
    if (!check.next())
        return fail(ErrorCode::NotFound, tr("This group no longer exists."));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) "
                             "SELECT ?, id, ? FROM contacts WHERE id = ?"));
    const qint64 now = m_clock.nowMs();
    int added = 0;
    for (const qint64 contactId : contactIds) {
        q.addBindValue(groupId);
        q.addBindValue(now);
        q.addBindValue(contactId);
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Adding members")));
        added += q.numRowsAffected();
    }
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (added > 0) {
        Q_EMIT membersChanged(groupId);
        Q_EMIT groupsChanged();
    }
    return added;
}

Result<int> GroupService::removeMembers(qint64 groupId, const QList<qint64> &contactIds)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM group_members WHERE group_id = ? AND contact_id = ?"));
    int removed = 0;
    for (const qint64 contactId : contactIds) {
        q.addBindValue(groupId);
        q.addBindValue(contactId);
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Removing members")));
        removed += q.numRowsAffected();
    }
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (removed > 0) {
        Q_EMIT membersChanged(groupId);
        Q_EMIT groupsChanged();
    }
    return removed;
}

} // namespace kengele
