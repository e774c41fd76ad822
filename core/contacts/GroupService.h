// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Group.h"
#include "common/Result.h"
#include "security/Access.h"

#include <QList>
#include <QObject>

namespace kengele {

class Clock;
class Database;

// Static groups (Youth, Choir, ...) and their members.
class GroupService final : public QObject
{
    Q_OBJECT

public:
    GroupService(Database &database, const Clock &clock, QObject *parent = nullptr);

    // Who may change groups, and the audit trail; none: everyone, unrecorded. Changes need
    // Permission::EditContacts.
    void setAccess(Access *access) { m_access = access; }

    Result<QList<Group>> list() const;
    Result<Group> get(qint64 id) const;
    Result<Group> findByName(const QString &name) const;
    Result<Group> create(const QString &name, const QString &description = {});
    // Returns the group with that name, creating it when missing.
    Result<Group> ensure(const QString &name);
    Status rename(qint64 id, const QString &name, const QString &description);
    Status remove(qint64 id);

    // Both return how many memberships actually changed (adding a member twice is harmless).
    Result<int> addMembers(qint64 groupId, const QList<qint64> &contactIds);
    Result<int> removeMembers(qint64 groupId, const QList<qint64> &contactIds);

    // Called by the bulk writers (ContactImportService, DemoCongregation) after they commit.
    void notifyBulkChange() { Q_EMIT groupsChanged(); }

Q_SIGNALS:
    void groupsChanged();
    void membersChanged(qint64 groupId);

private:
    Result<QString> validName(const QString &name, qint64 exceptId) const;

    Database &m_database;
    const Clock &m_clock;
    Access *m_access = nullptr;
};

} // namespace kengele
