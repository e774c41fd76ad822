// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace kengele {

// Which SMS gateway a profile sends through (Settings → SMS gateway, `kengele-cli gateway set
// --provider`), and which one each campaign was launched for: the built-in simulator (no SMS leaves
// the computer, no tokens are spent) or Africa's Talking.
//
// Code compares and switches over the enum; the words exist only where settings.ini and the
// database store them (gateway/provider, campaigns.gateway) and where kengele-cli reads and prints
// them (docs/cli.md).
enum class GatewayKind { Simulator, AfricasTalking };

// Every gateway (a new one goes here too).
inline constexpr std::array AllGatewayKinds{GatewayKind::Simulator, GatewayKind::AfricasTalking};

// "simulator", "africastalking".
QString toText(GatewayKind kind);
// The gateway a word names; nullopt for any other word (exact, case-sensitive).
//
// Every write goes through toText(), so another word can only come from a file edited by hand. Who
// reads one decides, each for a reason of its own:
//  - Settings reads it as Simulator: the settings page already showed such a file as the
//    simulator, and nothing leaves the computer by mistake.
//  - OutboxStore hands the dispatcher no gateway for such a campaign (WorkBatch::gateway): the
//    campaign is paused with the word in the reason, and nothing is sent.
//  - CampaignService shows such a campaign as a simulation (Campaign::gateway) for the same reason
//    as Settings; it is not sent all the same (above).
std::optional<GatewayKind> gatewayKindFromText(QStringView text);

} // namespace kengele
