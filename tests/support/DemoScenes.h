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

// What buyDemoTokens made: the purchases' request ids, or what went wrong.
struct DemoPurchases {
    QString error;
    QString paid;
    QString failed;
    QString waiting;
};

// Tokens bought through the relay (after receiveDemoInbox, which connected it): the relay's offer
// (starter KES 500, business KES 2,000, enterprise with no price; M-Pesa live), the demo plan's 100
// tokens, a starter plan paid with M-Pesa and credited (1,000 tokens to Main account), a Youth
// budget with 300 tokens moved to it and a warning level of 200, three weeks of SMS sent from both,
// a payment cancelled on the phone and one waiting for the PIN.
DemoPurchases buyDemoTokens(TempProfile &profile);

// The passwords of the demo staff (fast test hashes).
inline const char *const DemoAdminPassword = "our choir sings at nine";
inline const char *const DemoStaffPassword = "bells ring on sunday";

// Sign-in required, with Mary Wanjiku (administrator, signed in), John Otieno (staff), Grace Njeri
// (pastor) and Vera Achieng (viewer, disabled), a failed sign-in and a sign-in of John's, over a
// morning. Returns what went wrong, or an empty string.
QString addDemoStaff(TempProfile &profile);

// Changes the summary of audit entry `id` behind Kengele's back (as someone with the database file
// could), so that the trail's check fails there. Returns what went wrong, or an empty string.
QString tamperAuditEntry(TempProfile &profile, qint64 id);

// Two computers of one church changing the same things at the same time, for Settings → Computers →
// Recent conflicts: `here` and `other` (both fresh profiles) share a contact, a group and a template,
// then the pastor edits them on `here` and the secretary a second later on `other`, and they
// exchange their changes (ChangeLog → ReplicaApplier). Returns what went wrong, or an empty string.
QString makeDemoConflicts(TempProfile &here, TempProfile &other);

} // namespace kengele::test
