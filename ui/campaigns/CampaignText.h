// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/Campaign.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kengele {

// How campaign and message states, priorities and gateways read on screen: people see these
// translated words, never the enums' database words (CampaignStatus.h, MessageState.h).
class CampaignText final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignText)

public:
    // "Waiting", "Sending", "Sent", "Delivered", "Failed", "No report yet", "Cancelled".
    static QString messageState(MessageState state);
    // The state of several messages, for the "Show:" list ("Delivered (12)"): languages such as
    // Kiswahili say it differently for many ("Zimefika") than for one ("Imefika").
    static QString messagesInState(MessageState state);
    // A sentence explaining the state, for tooltips.
    static QString messageStateHelp(MessageState state);
    // "Scheduled", "Waiting to send", "Sending", "Paused", "Finished", "Cancelled", "Repeats", "Skipped".
    static QString campaignStatus(CampaignStatus status);
    static QString priority(Priority priority);
    // "Practice mode — no SMS leaves this computer" or "Africa's Talking".
    static QString gateway(GatewayKind gateway);
    static QString simulationLabel();
    static bool isSimulation(GatewayKind gateway) { return gateway == GatewayKind::Simulator; }
    // An amount of money with 2 decimals, "KES 32.00".
    static QString money(const MessageCost &cost);
    // A price as the SMS provider reported it ("KES 0.8000") with 2 decimals; as given when it is no price.
    static QString money(const QString &reported);
    // A number with thousands separators in the interface language.
    static QString number(qint64 value);
    // A UTC time as local time, short.
    static QString localTime(const QDateTime &utc);
    // A day for people: "31 Mar 2027".
    static QString day(const QDate &date);
    // A UTC time as local weekday, day and time: "Sun 7 Dec 10:00" (the year when it is not this one).
    static QString dayAndTime(const QDateTime &utc);
    // A UTC time as local day and time, short for a list: "7 Dec 10:00" (the year when it is not this one).
    static QString shortDayAndTime(const QDateTime &utc);
    // "Repeats every week on Sunday until 31 Mar 2027".
    static QString repeats(const Recurrence &recurrence, const QDate &until);
    // The same for a stored repeating campaign (until its last day).
    static QString repeats(const Campaign &campaign);
    // Where a repeating campaign stands: "Next time: …", cancelled, or its last time gone; empty
    // for the other statuses.
    static QString repeatProgress(const Campaign &campaign);
};

} // namespace kengele
