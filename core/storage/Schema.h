// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The schema version this Kengele writes. Tables and columns are documented beside their CREATE
// statements in Migrations.cpp; queries live in the service that owns the table.
namespace kengele::schema {

inline constexpr int CurrentVersion = 24;

} // namespace kengele::schema
