// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Role.h"

namespace kengele {

bool allows(Role role, Permission permission)
{
    switch (permission) {
    case Permission::View:
        return true;
    case Permission::EditContacts:
    case Permission::SendCampaigns:
        return role != Role::Viewer;
    case Permission::ExportContacts:
    case Permission::Pastoral:
        return role == Role::Pastor || role == Role::Administrator;
    case Permission::ManageTokens:
    case Permission::Administer:
        return role == Role::Administrator;
    }
    return false;
}

QString toText(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Staff:
        return QStringLiteral("staff");
    case Role::Pastor:
        return QStringLiteral("pastor");
    case Role::Administrator:
        return QStringLiteral("administrator");
    }
    return QString();
}

std::optional<Role> roleFromText(const QString &text)
{
    for (const Role role : {Role::Viewer, Role::Staff, Role::Pastor, Role::Administrator}) {
        if (text.compare(toText(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

QString RoleText::name(Role role)
{
    switch (role) {
    case Role::Viewer:
        return tr("Viewer");
    case Role::Staff:
        return tr("Staff");
    case Role::Pastor:
        return tr("Pastor");
    case Role::Administrator:
        return tr("Administrator");
    }
    return QString();
}

QString RoleText::description(Role role)
{
    switch (role) {
    case Role::Viewer:
        return tr("Sees contacts, groups, templates, campaigns and reports; changes nothing.");
    case Role::Staff:
        return tr("Also edits contacts, groups and templates, imports, and sends campaigns.");
    case Role::Pastor:
        return tr("Also exports contacts and sees confidential pastoral records.");
    case Role::Administrator:
        return tr("Everything: also tokens and budgets, the gateway, the relay, staff accounts and backups.");
    }
    return QString();
}

QString RoleText::refusal(Permission permission)
{
    switch (permission) {
    case Permission::View:
        return tr("You may not see this.");
    case Permission::EditContacts:
        return tr("Your role may only look: ask a staff member or an administrator to make this change.");
    case Permission::ExportContacts:
        return tr("Only a pastor or an administrator may export members' details.");
    case Permission::SendCampaigns:
        return tr("Your role may only look: ask a staff member or an administrator to send this.");
    case Permission::Pastoral:
        return tr("Only a pastor or an administrator may see confidential pastoral records.");
    case Permission::ManageTokens:
        return tr("Only an administrator may buy, move or budget tokens.");
    case Permission::Administer:
        return tr("Only an administrator may change this.");
    }
    return QString();
}

} // namespace kengele
