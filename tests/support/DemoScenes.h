// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace kengele::test {

class TempProfile;

// The scenes the screenshots and the page audit both show, built the same way for both.

// This computer connected to St. Peter's Parish's relay at 17:30 on Sunday 15 March 2026 (the clock
// is set to then), which brought five SMS: a member's thanks, a visitor who is no contact, a prayer
// request, a STOP and a question. Returns what went wrong, or an empty string.
QString receiveDemoInbox(TempProfile &profile);

} // namespace kengele::test
