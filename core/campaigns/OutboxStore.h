// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeliveryReportApplier.h"
#include "common/Result.h"
#include "gateway/GatewayKind.h"
#include "security/Access.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QSqlDatabase;

namespace kengele {

class Clock;
class Database;
class TokenLedger;
struct DeliveryReport;

// One message of a claimed batch.
struct WorkItem {
    qint64 outboxId = 0;
    QString phone;
    int segments = 0;
    int attempts = 0; // including the one being made
};

// Messages with the same text from one campaign, sent in one request.
struct WorkBatch {
    qint64 campaignId = 0;
    QString text;
    QString senderId;
    // The campaign's gateway. nullopt when the name stored with the campaign is none this Kengele
    // knows (unknownGateway holds it): the dispatcher pauses the campaign, saying so, and sends
    // nothing (GatewayKind.h).
    std::optional<GatewayKind> gateway;
    QString unknownGateway;
    bool charged = false; // the campaign reserved tokens
    QList<WorkItem> items;
};

// What became of one message after its request.
struct Outcome {
    enum class Kind { Sent, Failed, Retry, Uncertain, Requeue };
    qint64 outboxId = 0;
    qint64 campaignId = 0;
    int segments = 0;
    bool charged = false;
    Kind kind = Kind::Sent;
    QString messageId;
    QString reason;
    QString cost;
    qint64 dueAt = 0; // Retry and Requeue: when to try again
};

// The outbox state machine of architecture.md §4, in SQL. Every change of state is committed before the
// next step: rows become `submitting` in one transaction BEFORE their request goes out; results are
// applied in one transaction together with the token ledger (spend on acceptance, release on
// permanent failure or cancel).
class OutboxStore final
{
    Q_DECLARE_TR_FUNCTIONS(OutboxStore)

public:
    OutboxStore(Database &database, TokenLedger &ledger, const Clock &clock);

    // At start: rows still `submitting` were interrupted and may have been sent. They become
    // `uncertain` and are never sent again without a person's click, unless a delivery report that
    // came meanwhile confirms them (DeliveryReportApplier). Returns how many are left uncertain.
    Result<int> recoverInterrupted();

    // Claims up to maxMessages due messages (highest priority first, then oldest), grouped into
    // batches of identical text of at most maxPerRequest numbers, and marks them `submitting`.
    // Numbers opted out since launch are cancelled here instead (their tokens released).
    // During quiet hours only urgent messages are claimed.
    Result<QList<WorkBatch>> claim(int maxMessages, int maxPerRequest, bool quietHours);

    Status apply(const QList<Outcome> &outcomes);

    // Campaigns whose messages have all left the queue become `done`.
    Result<QList<qint64>> finishCampaigns();
    // The earliest due time of a queued message that may go (for sleeping); 0 when none.
    Result<qint64> nextDue(bool quietHours);

    // Delivery reports, applied by DeliveryReportApplier (architecture.md §4): each is kept (once per
    // message id and status, unknown ids and statuses too) and moves its message from `sent` to
    // `delivered` or `failed`; a message already delivered or failed never goes back. Returns how
    // many messages changed.
    Result<int> applyDeliveryReports(const QList<DeliveryReport> &reports);
    // The same inside the caller's transaction (the relay sync commits a batch of events and its
    // cursor together).
    // confirmed (optional) counts the uncertain messages a report confirmed (tokens were spent: call
    // TokenLedger::notifyBulkChange() after committing).
    Result<int> applyDeliveryReportsInTransaction(const QList<DeliveryReport> &reports, int *confirmed = nullptr);

    // A campaign's messages with no delivery report yet (`uncertain`): Kengele sent them but never
    // heard back. recent: those attempted less than a day ago, which a delivery report may still
    // confirm; sending them again now risks a second SMS to each that did go out.
    struct WithoutReport {
        int count = 0;
        int recent = 0;
    };
    Result<WithoutReport> withoutReport(qint64 campaignId) const;

    // A person's decisions. resendUncertain queues the messages with no report yet again.
    // These are a person's decisions: they need Permission::SendCampaigns and are recorded in the
    // audit trail (setAccess). The dispatcher pauses as Actor::Kengele: never refused, not recorded.
    Result<int> resendUncertain(qint64 campaignId);
    Result<int> retryFailed(qint64 campaignId);
    Result<int> cancel(qint64 campaignId);
    Status pause(qint64 campaignId, const QString &reason, Actor by = Actor::Person);
    Status resume(qint64 campaignId);

    // Who may decide, and the audit trail; none: everyone, unrecorded.
    void setAccess(Access *access) { m_access = access; }

private:
    Database &m_database;
    TokenLedger &m_ledger;
    const Clock &m_clock;
    DeliveryReportApplier m_deliveryReports;
    Access *m_access = nullptr;
};

} // namespace kengele
