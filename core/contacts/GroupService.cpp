// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GroupService.h"

#include "ContactStore.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace kengele {

GroupService::GroupService(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{ }

Result<QList<Group>> GroupService::list() const
{
    return ContactStore(m_database.connection(), tr("Reading groups")).groups();
}

Result<Group> GroupService::get(qint64 id) const
{
    return foundOr(ContactStore(m_database.connection(), tr("Reading groups")).group(id), tr("This group no longer exists."));
}

Result<Group> GroupService::findByName(const QString &name) const
{
    return foundOr(ContactStore(m_database.connection(), tr("Reading groups")).groupByName(name.simplified()),
                   tr("There is no group called “%1”.").arg(name.simplified()));
}

Result<QString> GroupService::validName(const QString &name, qint64 exceptId) const
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please give the group a name."));
    if (clean.size() > MaxGroupNameLength)
        return fail(ErrorCode::InvalidInput, tr("A group name can have at most %1 characters.").arg(MaxGroupNameLength));
    if (const Result<Group> existing = findByName(clean); existing && existing->id != exceptId)
        return fail(ErrorCode::Conflict, tr("There is already a group called “%1”.").arg(existing->name));
    return clean;
}

Result<Group> GroupService::create(const QString &name, const QString &description)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    const Result<QString> clean = validName(name, 0);
    if (!clean)
        return std::unexpected(clean.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Creating the group")); !begun)
        return std::unexpected(begun.error());
    const Result<qint64> id
        = ContactStore(db, tr("Creating the group")).insertGroup(*clean, description.trimmed(), m_clock.nowMs());
    if (!id)
        return std::unexpected(id.error());
    if (Status done = transaction.commit({QStringLiteral("groups.add"), QStringLiteral("group:%1").arg(*id), QString()}); !done)
        return std::unexpected(done.error());
    Q_EMIT groupsChanged();
    return get(*id);
}

Result<Group> GroupService::ensure(const QString &name)
{
    if (Result<Group> existing = findByName(name); existing)
        return existing;
    return create(name);
}

Status GroupService::rename(qint64 id, const QString &name, const QString &description)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    const Result<QString> clean = validName(name, id);
    if (!clean)
        return std::unexpected(clean.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Renaming the group")); !begun)
        return begun;
    const Result<bool> renamed = ContactStore(db, tr("Renaming the group")).updateGroup(id, *clean, description.trimmed());
    if (!renamed)
        return std::unexpected(renamed.error());
    if (!*renamed)
        return fail(ErrorCode::NotFound, tr("This group no longer exists."));
    if (Status done = transaction.commit({QStringLiteral("groups.edit"), QStringLiteral("group:%1").arg(id), QString()}); !done)
        return done;
    Q_EMIT groupsChanged();
    return {};
}

Status GroupService::remove(qint64 id)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Deleting the group")); !begun)
        return begun;
    if (Status removed = ContactStore(db, tr("Deleting the group")).removeGroup(id); !removed)
        return removed;
    if (Status done = transaction.commit({QStringLiteral("groups.delete"), QStringLiteral("group:%1").arg(id), QString()}); !done)
        return done;
    Q_EMIT groupsChanged();
    return {};
}

Result<int> GroupService::addMembers(qint64 groupId, const QList<qint64> &contactIds)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Adding members")); !begun)
        return std::unexpected(begun.error());
    ContactStore store(db, tr("Adding members"));
    const Result<bool> exists = store.groupExists(groupId);
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists)
        return fail(ErrorCode::NotFound, tr("This group no longer exists."));
    const Result<int> added = store.addMembers(groupId, contactIds, m_clock.nowMs());
    if (!added)
        return added;
    if (Status committed = transaction.commit(
            {QStringLiteral("groups.members"), QStringLiteral("group:%1").arg(groupId), QStringLiteral("%1 added").arg(*added)});
        !committed)
        return std::unexpected(committed.error());
    if (*added > 0) {
        Q_EMIT membersChanged(groupId);
        Q_EMIT groupsChanged();
    }
    return added;
}

Result<int> GroupService::removeMembers(qint64 groupId, const QList<qint64> &contactIds)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Removing members")); !begun)
        return std::unexpected(begun.error());
    const Result<int> removed = ContactStore(db, tr("Removing members")).removeMembers(groupId, contactIds);
    if (!removed)
        return removed;
    if (Status committed = transaction.commit({QStringLiteral("groups.members"), QStringLiteral("group:%1").arg(groupId),
                                               QStringLiteral("%1 removed").arg(*removed)});
        !committed)
        return std::unexpected(committed.error());
    if (*removed > 0) {
        Q_EMIT membersChanged(groupId);
        Q_EMIT groupsChanged();
    }
    return removed;
}

} // namespace kengele
