// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace kengele {

// Where one message of a campaign (one outbox row) stands: the state machine of
// docs/architecture.md §4. Queued → Submitting → Sent → Delivered or Failed; a request that may or
// may not have gone out leaves it Uncertain; Cancelled before it was sent.
//
// Code compares and switches over the enum; the words exist only where the database stores them
// (outbox.state, and the SQL of OutboxStore and DeliveryReportApplier) and where kengele-cli
// prints them (docs/cli.md).
enum class MessageState { Queued, Submitting, Sent, Delivered, Failed, Uncertain, Cancelled };

// Every state, in the order a message passes through them (a new state goes here too).
inline constexpr std::array AllMessageStates{MessageState::Queued,    MessageState::Submitting, MessageState::Sent,
                                             MessageState::Delivered, MessageState::Failed,     MessageState::Uncertain,
                                             MessageState::Cancelled};

// "queued", "submitting", "sent", "delivered", "failed", "uncertain", "cancelled": the words of the
// database and of kengele-cli's output.
QString toText(MessageState state);
// The state a word names; nullopt for any other word (exact, case-sensitive), such as a
// `campaign recipients --state` that names none.
//
// The outbox's CHECK constraint allows no other word in the database. Were one read all the same,
// CampaignService reads it as Uncertain: Kengele does not know what became of that message, and an
// uncertain message is never sent again without a person's click.
std::optional<MessageState> messageStateFromText(QStringView text);

} // namespace kengele
