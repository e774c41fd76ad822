// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Campaign.h"
#include "CampaignRenderer.h"
#include "RecipientSnapshot.h"
#include "RecurringLauncher.h"
#include "common/Result.h"
#include "security/Access.h"
#include "settings/Settings.h"
#include "tokens/Plan.h"

#include <QObject>

#include <functional>
#include <optional>

class QSqlDatabase;

namespace kengele {

class Clock;
class Database;
class ForgottenOptOuts;
class TokenLedger;

// Campaigns: preview (what a send would do and cost), launch (architecture.md §3.1: snapshot the recipients,
// render every message, write the outbox rows and reserve the tokens in ONE transaction), and the
// campaign list. Dispatching the outbox is the Dispatcher's job.
//
// The façade the pages and the CLI call: RecipientSnapshot reads who it goes to, CampaignRenderer
// renders and counts the messages, RecurringLauncher launches the occurrences of repeating ones.
class CampaignService final : public QObject
{
    Q_OBJECT

public:
    // The longest campaign name kept (characters).
    static constexpr int MaxNameLength = 100;

    // Limits that protect the budget; the caller may change them (settings).
    struct Limits {
        int warnSegments = 10; // a message longer than this gets a warning
        int maxSegments = Settings::DefaultMaxSegmentsPerMessage; // a message longer than this is refused
        qint64 pastScheduleGraceMs = 60'000;
        // An occurrence of a repeating campaign later than this (the computer was off) is skipped
        // and recorded, rather than sent at an odd hour or several at once.
        qint64 missedOccurrenceGraceMs = 12LL * 3600 * 1000;
    };

    CampaignService(Database &database, TokenLedger &ledger, const Clock &clock, QObject *parent = nullptr);

    void setLimits(const Limits &limits) { m_limits = limits; }

    // Asked whether the plan in force has a feature (FeatureLocks) before a campaign is scheduled
    // for later or made to repeat (Scheduling) or marked urgent (PrioritySending); a refusal is the
    // launch's or the change's answer, with what the feature needs. Unset: nothing is locked.
    // Campaigns already scheduled keep their times when a plan ends.
    using FeatureGate = std::function<Status(PlanFeature)>;
    void setFeatureGate(FeatureGate gate) { m_featureGate = std::move(gate); }
    // Who may send (Permission::SendCampaigns), and the audit trail; none: everyone, unrecorded.
    // launchDueOccurrences() is Kengele's own work and is not checked.
    void setAccess(Access *access) { m_access = access; }
    // Numbers that opted out before their person was forgotten: left out of every preview, launch
    // and occurrence like opted-out ones (none: not checked).
    void setForgottenOptOuts(ForgottenOptOuts *forgotten) { m_forgotten = forgotten; }
    Status checkFeatures(const CampaignDraft &draft) const;
    // The first feature the draft uses that the plan lacks, and why (as checkFeatures says it).
    std::optional<PlanFeature> lockedFeature(const CampaignDraft &draft, Error *why = nullptr) const;
    const Limits &limits() const { return m_limits; }

    Result<CampaignPreview> preview(const CampaignDraft &draft, int samples = 3) const;
    // Once: snapshot, outbox rows and token reservation in one transaction. Repeating: stores the
    // campaign as `recurring`; each occurrence is launched like a one-off when it is due
    // (launchDueOccurrences), with the members and balance of that day. `by` Actor::Kengele: Kengele's
    // own launch (a scheduled report's SMS summary), not checked and audited under AutomaticUser.
    Result<Campaign> launch(const CampaignDraft &draft, const QString &userName = {}, Actor by = Actor::Person);

    // What the campaign was made from, to edit it or to launch its next occurrence.
    Result<CampaignDraft> draft(qint64 id) const;
    // Scheduled campaigns that have not started, and repeating ones, can be changed: in one
    // transaction their queued messages and reservation are replaced by the new draft's.
    static bool isEditable(const Campaign &campaign);
    Result<Campaign> update(qint64 id, const CampaignDraft &draft, const QString &userName = {});
    // Pausing a repeating campaign holds its next occurrences (running ones are paused on their own).
    Status pauseRepeating(qint64 id);
    Status resumeRepeating(qint64 id);
    // Sends now instead of waiting: a scheduled campaign that has not started (its messages are
    // made again for today's members, as an edit would), or a repeating campaign's next time (the
    // time after it is then the next). Returns the campaign that goes: the same one, or the new
    // time of the repeating one. A time that cannot go now (not enough tokens) is refused and the
    // repeating campaign stays as it was.
    Result<qint64> sendNow(qint64 id, const QString &userName = {});

    // Launches the occurrences of repeating campaigns that are due now. One that cannot go (nobody
    // left, not enough tokens) or was missed by more than the grace is recorded as `skipped` with
    // the reason. Returns the launched occurrences.
    Result<QList<qint64>> launchDueOccurrences(const QString &userName = {});
    // When the next occurrence of any repeating campaign is due (UTC ms); 0 when none.
    Result<qint64> nextOccurrenceDue() const;

    Result<Campaign> get(qint64 id) const;
    // Newest first.
    Result<QList<Campaign>> list() const;

    // The campaign's messages, optionally only those in one state (nullopt: every state), in outbox order.
    Result<int> countRecipients(qint64 campaignId, std::optional<MessageState> state = std::nullopt) const;
    Result<QList<OutboxRow>> recipients(qint64 campaignId, std::optional<MessageState> state, int offset, int limit) const;

    // Who the campaign was sent to, as it was chosen (groups deleted since are left out).
    Result<CampaignAudience> audience(qint64 campaignId) const;
    // The message as its first recipient received it; for a campaign without messages of its own,
    // its text with each field's fallback word ({date}: the day of its next time, or today).
    Result<ReceivedMessage> receivedMessage(qint64 campaignId) const;
    // What the SMS provider reported the campaign's messages cost, summed (in the currency most
    // of them were reported in; prices in another currency are left out).
    Result<MessageCost> cost(qint64 campaignId) const;
    // "KES 0.8000", "0.8 KES", "0" (currency empty); nullopt when it is no price.
    static std::optional<MessageCost> parseCost(QStringView text);

Q_SIGNALS:
    void campaignsChanged();

private:
    struct Rendered {
        RecipientSnapshot recipients;
        CampaignRenderer messages;
        CampaignPreview preview;
    };
    Result<Rendered> render(const CampaignDraft &draft, int samples) const;
    Status checkRepeat(const CampaignDraft &draft, QDateTime *first, int *occurrences) const;
    // Writes (existingId 0: inserts) a campaign from a draft inside the caller's transaction.
    Result<qint64> write(const QSqlDatabase &db, const CampaignDraft &draft, const QString &userName, qint64 existingId,
                         qint64 parentId);

    Database &m_database;
    TokenLedger &m_ledger;
    const Clock &m_clock;
    Limits m_limits;
    RecurringLauncher m_recurring;
    FeatureGate m_featureGate;
    Access *m_access = nullptr;
    ForgottenOptOuts *m_forgotten = nullptr;
};

} // namespace kengele
