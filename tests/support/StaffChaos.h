// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QRandomGenerator>

namespace kengele {
class Profile;
} // namespace kengele

namespace kengele::test {

// One random staff-account step on a profile, through StaffAccounts, for the sync tests: the
// first account (sign-in turned on), an account added (user names from a small pool, so computers
// collide: "mary" and "Mary"), a role changed, an account disabled or enabled, a password reset,
// or the person at the computer locking it. Before a change an administrator of that computer
// signs in (the test knows the two passwords in use). Refusals (the last administrator, a name
// taken) are part of the game. Hashes use the test suite's low cost.
void randomStaffChange(Profile &profile, QRandomGenerator &random);

// Once accounts exist (made here or come from another computer), the other random steps need
// someone signed in who may do them: signs in an active administrator when the person signed in
// is not one (the first by user name). False when there is none.
bool signInAnAdministrator(Profile &profile);

} // namespace kengele::test
