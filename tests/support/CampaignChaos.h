// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QRandomGenerator>

namespace kengele {
class Profile;
class Clock;
} // namespace kengele

namespace kengele::test {

// One random campaign step on a profile, through the real services, for the sync tests: launch a
// practice campaign to a group (now or later), send what is due through the outbox's own steps
// (accepted, refused, tried again, no answer, delivery reports), or a person's decision (cancel,
// retry failed, resend the unanswered) on any campaign, this computer's or another's (refused then).
// Failures are part of the game.
void randomCampaignChange(Profile &profile, const Clock &clock, QRandomGenerator &random);

} // namespace kengele::test
