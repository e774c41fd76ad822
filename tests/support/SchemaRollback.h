// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSqlDatabase>

namespace kengele::test {

// Takes the pieces of the schema versions after 22 away again, so that a test can run
// Migrations::apply from an earlier version over a profile of today (the migration tests of the
// shared settings and audit entries): version 23's summary triggers, and version 24's campaign
// links (their triggers, the table of links waiting, the columns, and the campaigns' capture
// triggers, which version 24 makes anew). False, with a warning naming the statement, when one
// fails.
bool undoVersionsAfter22(QSqlDatabase db);

} // namespace kengele::test
