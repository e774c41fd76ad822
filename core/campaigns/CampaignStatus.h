// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace kengele {

// Where a campaign stands. A one-off goes Scheduled (its time has not come) or Queued, then Sending,
// then Done; it may be Paused (by a person, or because its gateway cannot be used) and Cancelled on
// the way. A repeating campaign is Recurring between its occurrences (and Paused, Cancelled or Done);
// an occurrence that could not go is recorded as Skipped.
//
// Code compares and switches over the enum; the words exist only where the database stores them
// (campaigns.status) and where kengele-cli prints them (docs/cli.md).
enum class CampaignStatus { Scheduled, Queued, Sending, Paused, Done, Cancelled, Recurring, Skipped };

// Every status, in the order above (a new status goes here too).
inline constexpr std::array AllCampaignStatuses{CampaignStatus::Scheduled, CampaignStatus::Queued, CampaignStatus::Sending,
                                                CampaignStatus::Paused,    CampaignStatus::Done,   CampaignStatus::Cancelled,
                                                CampaignStatus::Recurring, CampaignStatus::Skipped};

// "scheduled", "queued", "sending", "paused", "done", "cancelled", "recurring", "skipped": the words
// of the database and of kengele-cli's output.
QString toText(CampaignStatus status);
// The status a word names; nullopt for any other word (exact, case-sensitive).
//
// The campaigns table has no CHECK on status and every write goes through toText(), so another word
// can only come from a database edited by hand. CampaignService reads one as Cancelled: the
// dispatcher claims only Queued, Scheduled and Sending campaigns, so such a campaign never sends,
// and Cancelled is the status that says so and offers no action that could not work.
std::optional<CampaignStatus> campaignStatusFromText(QStringView text);

// Scheduled, Queued or Sending: it will send (or is sending) unless someone pauses or cancels it.
// These are the statuses the dispatcher claims from.
bool isUnderway(CampaignStatus status);

} // namespace kengele
