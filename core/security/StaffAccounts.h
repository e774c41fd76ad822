// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Passwords.h"
#include "Role.h"
#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QVariantList>

#include <optional>

namespace kengele {

class AuditLog;
class Clock;
class Database;

struct StaffAccount {
    qint64 id = 0;
    QString userName; // what they type to sign in: letters, digits, '.', '_' or '-'
    QString displayName; // "Mary Wanjiku"
    Role role = Role::Viewer;
    bool disabled = false; // kept, never deleted: the audit trail names them
    QDateTime created; // UTC
};

// Staff accounts, sign-in and who may do what (docs/architecture.md §7). A profile starts with no
// accounts and opens for whoever is at the computer; requireSignIn() makes the first administrator,
// and from then on nothing changes unless someone signed in whose role allows it. Services ask
// check(permission) before they change anything; a refusal changes nothing and says why.
//
// Wrong passwords: after 5 in a row, each further try waits, 30 s doubling to 15 minutes, and the
// account says how long. Every sign-in, failed or not, is in the audit trail.
class StaffAccounts final : public QObject
{
    Q_OBJECT

public:
    static constexpr int FreeFailures = 5;

    StaffAccounts(Database &database, const Clock &clock, AuditLog &audit, Passwords::Cost cost = Passwords::Cost::Moderate,
                  QObject *parent = nullptr);

    // True once an administrator turned sign-in on (there is at least one account).
    Result<bool> signInRequired() const;
    Result<QList<StaffAccount>> list() const;
    Result<StaffAccount> find(const QString &userName) const;

    // Who is signed in now; nullopt before sign-in, after lock(), and while sign-in is not required.
    std::optional<StaffAccount> signedIn() const { return m_signedIn; }
    // The user name changes are recorded under ("" while sign-in is not required).
    QString actor() const;

    // Checks the password and, when it is right, signs the account in.
    Result<StaffAccount> signIn(const QString &userName, const QString &password);
    // Locks the profile (idle time, or the person chose to): the next change needs sign-in again.
    void lock();
    // The accounts changed under this object: other computers' changes were applied (the sync
    // engine's changesApplied), or the church's accounts replaced this computer's. Reads the
    // signed-in account again: its new role applies at once; disabled or gone, the person is signed
    // out. Emits accountsChanged when the accounts differ from what this object last saw (sign-in
    // may have become required), signedInChanged when the signed-in person changed.
    void refresh();

    // Whether whoever is at the computer may do `permission`: everyone while sign-in is not
    // required; otherwise the signed-in account's role (ErrorCode::Forbidden with why), or
    // ErrorCode::SignIn when nobody is signed in.
    Status check(Permission permission) const;
    bool may(Permission permission) const { return check(permission).has_value(); }

    // Turns sign-in on: makes the first account, an administrator, and signs it in. Refused once
    // there is an account.
    Result<StaffAccount> requireSignIn(const QString &userName, const QString &displayName, const QString &password);
    // Administrators only, below.
    Result<StaffAccount> add(const QString &userName, const QString &displayName, Role role, const QString &password);
    Status setRole(const QString &userName, Role role);
    Status setDisabled(const QString &userName, bool disabled);
    Status resetPassword(const QString &userName, const QString &password);
    // Anyone signed in, for their own account.
    Status changeOwnPassword(const QString &currentPassword, const QString &newPassword);

    // How long new password hashes take (the test suite makes many accounts).
    void setCost(Passwords::Cost cost) { m_cost = cost; }

    // Why a user name cannot be used, or empty.
    static QString userNameProblem(const QString &userName);

Q_SIGNALS:
    void accountsChanged();
    void signedInChanged();

private:
    Result<StaffAccount> create(const QString &userName, const QString &displayName, Role role, const QString &password,
                                const QString &action);
    // An administrator who stays able to sign in other than `userName`.
    Result<bool> otherActiveAdministrator(const QString &userName) const;
    Status recordFailure(const StaffAccount &account, int failures);
    // `UPDATE staff SET <assignments> WHERE id = <id>` with `values` bound in order, and the audit
    // entry `action` on the account, in one transaction: both or neither. `doing` names the work in
    // an error message ("Changing the role").
    Status updateAccount(qint64 id, const QString &assignments, const QVariantList &values, const QString &action,
                         const QString &userName, const QString &summary, const QString &doing);

    Database &m_database;
    const Clock &m_clock;
    AuditLog &m_audit;
    Passwords::Cost m_cost;
    std::optional<StaffAccount> m_signedIn;
    // The accounts as refresh() last saw them (user name, name, role, disabled).
    std::optional<QStringList> m_seen;
};

} // namespace kengele
