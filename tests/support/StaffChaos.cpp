// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StaffChaos.h"

#include "profile/Profile.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"

using namespace Qt::StringLiterals;

namespace kengele::test {

namespace {
const QStringList KnownPasswords{u"Mlima wa Sayuni 7"_s, u"kwaya ya vijana 2026"_s};
} // namespace

bool signInAnAdministrator(Profile &profile)
{
    StaffAccounts &staff = profile.staff();
    staff.setCost(Passwords::Cost::TestsOnly);
    if (staff.signedIn() && staff.signedIn()->role == Role::Administrator)
        return true;
    const Result<QList<StaffAccount>> accounts = staff.list();
    if (!accounts || accounts->isEmpty())
        return false;
    QStringList administrators;
    for (const StaffAccount &a : *accounts) {
        if (a.role == Role::Administrator && !a.disabled)
            administrators << a.userName;
    }
    administrators.sort(Qt::CaseInsensitive);
    for (const QString &who : std::as_const(administrators)) {
        for (const QString &password : KnownPasswords) {
            if (staff.signIn(who, password))
                return true;
        }
    }
    return false;
}

void randomStaffChange(Profile &profile, QRandomGenerator &random)
{
    static const QStringList users{u"mary"_s, u"Mary"_s, u"peter"_s, u"grace"_s, u"john"_s};
    static const QStringList names{u"Mary Wanjiku"_s, u"Peter Otieno"_s, u"Grace"_s, u"John Kamau"_s};
    const QStringList &passwords = KnownPasswords;
    static const QList<Role> roles{Role::Viewer, Role::Staff, Role::Pastor, Role::Administrator};
    StaffAccounts &staff = profile.staff();
    staff.setCost(Passwords::Cost::TestsOnly);
    const QString user = users[random.bounded(users.size())];
    const QString password = passwords[random.bounded(passwords.size())];
    const Result<QList<StaffAccount>> accounts = staff.list();
    if (!accounts)
        return;
    if (accounts->isEmpty()) {
        (void)staff.requireSignIn(user, names[random.bounded(names.size())], password);
        return;
    }
    if (!signInAnAdministrator(profile))
        return;
    // Half the time an administrator's account: two computers apart taking away two
    // administrators' rights is what the merge must repair.
    QStringList administrators;
    for (const StaffAccount &a : *accounts) {
        if (a.role == Role::Administrator)
            administrators << a.userName;
    }
    const bool anAdministrator = !administrators.isEmpty() && random.bounded(2) == 0;
    const QString other = anAdministrator ? administrators[random.bounded(administrators.size())]
                                          : (*accounts)[random.bounded(accounts->size())].userName;
    const int kind = int(random.bounded(100));
    if (kind < 30)
        (void)staff.add(user, names[random.bounded(names.size())], roles[random.bounded(roles.size())], password);
    else if (kind < 55)
        (void)staff.setRole(other, roles[random.bounded(anAdministrator ? 3 : 4)]);
    else if (kind < 75)
        (void)staff.setDisabled(other, anAdministrator || random.bounded(3) != 0);
    else if (kind < 92)
        (void)staff.resetPassword(other, password);
    else
        staff.lock();
}

} // namespace kengele::test
