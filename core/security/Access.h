// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Role.h"
#include "common/Result.h"
#include "storage/Transaction.h"

#include <QSqlDatabase>
#include <QString>

namespace kengele {

class AuditLog;
class StaffAccounts;

// Who a change is made for. A person's change is checked against the role of whoever is signed in
// and recorded under their name. Kengele's own work (a member's STOP reply arriving through the
// relay, a voucher credited, expired tokens, the dispatcher pausing a campaign) is never refused —
// it must not wait for someone to sign in — and is recorded under AuditLog::AutomaticUser.
enum class Actor { Person, Kengele };

// One line for the audit trail: what was done to what, in a few words (never a message text, a
// member's name or a secret).
struct AuditNote {
    QString action; // "contacts.add"
    QString object; // "contact:42"
    QString summary;
    Actor by = Actor::Person;
};

// The door every change goes through in the core services: "may the person at the computer do
// this?" and "note in the audit trail that it was done". The Profile gives every service the same
// one. A service built on its own (the unit tests of that service) has none: everything is allowed
// and nothing is recorded — hence the static forms that take a pointer.
class Access final
{
public:
    Access(const StaffAccounts &staff, AuditLog &audit);

    Status check(Permission permission, Actor by = Actor::Person) const;
    // Adds the entry inside the caller's transaction; committed() after that commits.
    Status record(const QSqlDatabase &db, const AuditNote &note);
    void committed();
    // Adds the entry in a transaction of its own (for changes that are not in the database).
    Status record(const AuditNote &note);

    static Status check(const Access *access, Permission permission, Actor by = Actor::Person);
    static Status record(Access *access, const AuditNote &note);

private:
    const StaffAccounts &m_staff;
    AuditLog &m_audit;
};

// A write transaction whose audit entry is committed with it, or not at all: a change without its
// entry, or an entry for a change that was rolled back, cannot happen.
class AuditedTransaction final
{
public:
    AuditedTransaction(Access *access, const QSqlDatabase &db);

    Status began(const QString &what) const { return m_transaction.began(what); }
    // Writes the entry, commits, and moves the audit trail's head on.
    Status commit(const AuditNote &note);
    // Commits several entries at once (a bulk change that touched several objects).
    Status commit(const QList<AuditNote> &notes);

private:
    Access *m_access;
    QSqlDatabase m_db;
    Transaction m_transaction;
};

} // namespace kengele
