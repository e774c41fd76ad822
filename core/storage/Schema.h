#pragma once

// Table names in one place. Columns are documented beside their CREATE statements in
// Migrations.cpp; queries live in the service that owns the table.
namespace kengele::schema {

inline constexpr int CurrentVersion = 3;

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

} // namespace kengele::schema
