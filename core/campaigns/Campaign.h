// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CampaignStatus.h"
#include "MessageState.h"
#include "Recurrence.h"
#include "gateway/GatewayKind.h"
#include "messaging/SmsEncoding.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kengele {

enum class Priority { Low = 0, Normal = 1, High = 2, Urgent = 3 };

// What a person chooses before sending (the compose page, `kengele-cli campaign send`).
struct CampaignDraft {
    QString name;
    QString body; // template text or free text
    qint64 templateId = 0; // 0: free text
    QString senderId; // empty: the gateway's default
    QList<qint64> groupIds;
    QList<qint64> contactIds; // single contacts, besides the groups
    // Everyone in Contacts who has not opted out (read again each time a repeating one goes);
    // then groupIds and contactIds stay empty.
    bool allContacts = false;
    // Numbers that are nobody's contact (E.164): a reply to a visitor who texted. Sent once, never
    // kept as a campaign target, so not for repeating campaigns.
    QStringList phones;
    Priority priority = Priority::Normal;
    QDateTime scheduledAt; // invalid: now; repeating: the first occurrence (or the first chosen day after it)
    Recurrence recurrence; // once, or daily/weekly/monthly...
    QDate repeatUntil; // ...until this local date (inclusive); a repeating draft needs one
    GatewayKind gateway = GatewayKind::Simulator;
    QString accountName = QStringLiteral("Main"); // the token budget that pays
    bool chargeTokens = true; // false for the simulator: simulated SMS cost nothing
};

// What a launch would do, shown before anything is queued.
struct CampaignPreview {
    // How many of the people who get it recipientIds names: enough to choose whose message to
    // look at, not a copy of a whole congregation on every keystroke.
    static constexpr int PreviewPeople = 300;

    int recipients = 0; // who will get a message
    int optedOut = 0; // left out: opted out
    int duplicates = 0; // left out: the same person (number) through several groups
    int cannotReceiveSms = 0; // left out: landlines and other numbers that take no SMS
    int segments = 0; // total SMS parts = tokens
    int maxSegments = 0; // the longest single message
    int tokens = 0; // what it costs (0 on the simulator)
    int balance = 0; // the paying account's balance now
    bool personalised = false;
    SmsEncoding encoding = SmsEncoding::Gsm7; // Mixed: personalised texts, some of each
    QStringList samples; // the first few messages as they will read
    QList<qint64> recipientIds; // the first people who get it (up to PreviewPeople), in the order they are sent to
    QStringList warnings; // translated: long messages, Unicode...
    // Repeating campaigns: the figures above are for the first occurrence (each one is counted
    // again when it goes, as members change); these say when and how often.
    QDateTime firstOccurrence;
    int occurrences = 0; // how many times it will go, up to the end date
};

// A campaign as stored.
struct Campaign {
    qint64 id = 0;
    QString name;
    QString body;
    QString senderId;
    Priority priority = Priority::Normal;
    CampaignStatus status = CampaignStatus::Queued; // see CampaignStatus.h
    GatewayKind gateway = GatewayKind::Simulator;
    QDateTime scheduledAt;
    QDateTime createdAt;
    QDateTime launchedAt;
    QDateTime finishedAt;
    int recipients = 0;
    int segments = 0;
    int tokens = 0;
    qint64 accountId = 0;
    QString statusReason; // why it is paused, for people
    QMap<MessageState, int> states; // outbox rows by state, every state present (0 when none)
    QMap<MessageState, int> stateSegments; // their SMS parts (tokens when charged), every state present
    Recurrence recurrence; // repeating campaigns: scheduledAt is the next occurrence
    QDateTime repeatUntil; // the last moment an occurrence may go (end of the chosen day)
    qint64 parentId = 0; // an occurrence: the repeating campaign it came from
    QString uid; // the same campaign on every computer of the church
    // Launched on this computer, which alone sends it. Another computer's campaign has no messages
    // here: its states are those its computer published (campaign_recipients), and it cannot be
    // changed, paused, resent or cancelled here.
    bool sentHere = true;

    bool isRepeating() const { return recurrence.isRepeating(); }
};

// Who a campaign went to, as it was chosen: its groups by name, and how many single people besides.
struct CampaignAudience {
    bool allContacts = false; // "All contacts": then groups and people are empty
    QStringList groups;
    int people = 0; // chosen by name, or (a reply to a visitor) numbers that are nobody's contact
};

// A message as one person received it. `name` empty: a campaign without messages of its own (a
// repeating one, a skipped time), its text with each field's fallback word.
struct ReceivedMessage {
    QString name;
    QString text;
};

// A price as the SMS provider reports it ("KES 0.8000"), or the sum of several.
struct MessageCost {
    QString currency; // empty for a plain "0" (a message that was refused)
    qint64 tenThousandths = 0;
    int messages = 0; // how many messages had a price reported (sums only)
};

// One recipient's message as the campaign page and `campaign recipients` show it.
struct OutboxRow {
    qint64 id = 0;
    QString phone;
    QString name;
    MessageState state = MessageState::Queued;
    QString reason;
    QString messageId;
    int segments = 0;
    int attempts = 0;
    QString cost;
    QString network;
    QDateTime updated;
    // When a delivery report confirmed this message after Kengele had no answer for it ("confirmed by
    // a delivery report" in its history); invalid for every other message.
    QDateTime confirmed;
};

} // namespace kengele
