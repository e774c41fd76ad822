// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
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

// Each campaign's links as this computer holds them, in names, one line per campaign by uid: its
// budget, template, repeating campaign, and the groups by name and single contacts by number it
// was aimed at. Every computer links another computer's campaign to its own rows (schema 24), so
// all the church's computers must give the same text.
QByteArray campaignLinksByName(Profile &profile);

} // namespace kengele::test
