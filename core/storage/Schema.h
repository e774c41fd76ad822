#pragma once

// Table names in one place. Columns are documented beside their CREATE statements in
// Migrations.cpp; queries live in the service that owns the table.
namespace kengele::schema {

inline constexpr int CurrentVersion = 1;

inline constexpr char Contacts[] = "contacts";
inline constexpr char Groups[] = "groups";
inline constexpr char GroupMembers[] = "group_members";
inline constexpr char OptOuts[] = "opt_outs";
inline constexpr char Templates[] = "templates";

} // namespace kengele::schema
