// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Table names in one place. Columns are documented beside their CREATE statements in
// Migrations.cpp; queries live in the service that owns the table.
namespace kengele::schema {

inline constexpr int CurrentVersion = 5;

inline constexpr char Contacts[] = "contacts";
inline constexpr char Groups[] = "groups";
inline constexpr char GroupMembers[] = "group_members";
inline constexpr char OptOuts[] = "opt_outs";
inline constexpr char Templates[] = "templates";
inline constexpr char TokenAccounts[] = "token_accounts";
inline constexpr char TokenTransfers[] = "token_transfers";
inline constexpr char TokenEntries[] = "token_entries";
inline constexpr char Campaigns[] = "campaigns";
inline constexpr char CampaignTargets[] = "campaign_targets";
inline constexpr char Outbox[] = "outbox";
inline constexpr char DeliveryReports[] = "delivery_reports";
inline constexpr char RelayLink[] = "relay_link";
inline constexpr char RelayEvents[] = "relay_events";
inline constexpr char Inbox[] = "inbox";
inline constexpr char PrayerIntake[] = "prayer_intake";

} // namespace kengele::schema
