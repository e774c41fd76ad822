// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Access.h"

#include "AuditLog.h"
#include "StaffAccounts.h"

namespace kengele {

Access::Access(const StaffAccounts &staff, AuditLog &audit)
    : m_staff(staff)
    , m_audit(audit)
{ }

Status Access::check(Permission permission, Actor by) const
{
    if (by == Actor::Kengele)
        return {};
    return m_staff.check(permission);
}

Status Access::record(const QSqlDatabase &db, const AuditNote &note)
{
    if (note.by == Actor::Kengele)
        return m_audit.recordAs(db, QString::fromLatin1(AuditLog::AutomaticUser), note.action, note.object, note.summary);
    return m_audit.record(db, note.action, note.object, note.summary);
}

void Access::committed()
{
    m_audit.committed();
}

Status Access::record(const AuditNote &note)
{
    if (note.by == Actor::Kengele)
        return m_audit.recordAs(QString::fromLatin1(AuditLog::AutomaticUser), note.action, note.object, note.summary);
    return m_audit.record(note.action, note.object, note.summary);
}

Status Access::check(const Access *access, Permission permission, Actor by)
{
    return access ? access->check(permission, by) : Status{};
}

Status Access::record(Access *access, const AuditNote &note)
{
    return access ? access->record(note) : Status{};
}

AuditedTransaction::AuditedTransaction(Access *access, const QSqlDatabase &db)
    : m_access(access)
    , m_db(db)
    , m_transaction(db)
{ }

Status AuditedTransaction::commit(const AuditNote &note)
{
    return commit(QList<AuditNote>{note});
}

Status AuditedTransaction::commit(const QList<AuditNote> &notes)
{
    if (m_access) {
        for (const AuditNote &note : notes) {
            if (Status recorded = m_access->record(m_db, note); !recorded)
                return recorded; // the destructor rolls the change back with it
        }
    }
    if (Status done = m_transaction.commit(); !done)
        return done;
    if (m_access && !notes.isEmpty())
        m_access->committed();
    return {};
}

} // namespace kengele
