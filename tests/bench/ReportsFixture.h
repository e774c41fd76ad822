// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "TestSupport.h"

namespace kengele::test {

// The reports' big database (issue 15's targets): 1,000,000 outbox rows (200 campaigns of 5,000 over
// the year before 30 Nov 2026 09:00 UTC, three networks, 70 % delivered, 15 % failed), 300,000
// delivery reports, 50,000 contacts, 20,000 messages in and tokens per department. Written with plain
// SQL in one transaction, through the outbox triggers that keep message_stats. Sets the profile's
// clock to that time; prints what it wrote and how long it took. False (with a warning) on failure.
bool writeMillionMessages(TempProfile &profile);

} // namespace kengele::test
