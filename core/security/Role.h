// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace kengele {

// What a staff account may do (docs/architecture.md §7, "Who may do what"). Each role may do all
// that the one before it may, and more.
enum class Role { Viewer, Staff, Pastor, Administrator };

// The kinds of action core services check before they change anything.
enum class Permission {
    View, // contacts, groups, templates, campaigns, reports
    EditContacts, // contacts, groups, templates; imports
    ExportContacts, // a privacy event: members' data leaves Kengele
    SendCampaigns, // send or schedule (spends tokens)
    Pastoral, // see and handle confidential pastoral records
    ManageTokens, // buy, transfer, department budgets
    Administer, // gateway, relay, staff accounts, backups, restore
};

// The role matrix: the one place it is written.
bool allows(Role role, Permission permission);

// "viewer", "staff", "pastor", "administrator": as stored and as the command line takes them.
QString toText(Role role);
std::optional<Role> roleFromText(const QString &text);

struct RoleText {
    Q_DECLARE_TR_FUNCTIONS(RoleText)

public:
    // "Pastor", "Mchungaji": for people.
    static QString name(Role role);
    // What the role may do, in one sentence.
    static QString description(Role role);
    // "Only an administrator may change the relay." — why a call was refused.
    static QString refusal(Permission permission);
};

} // namespace kengele
