// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>

namespace kengele {

class Clock;
class Database;
class TokenLedger;
struct DeliveryReport;

// The outbox's last step: delivery reports move sent messages to `delivered` or `failed`.
// Each report is kept (once per message id and status, unknown ids and statuses too) and moves
// its message from `sent` to `delivered` or `failed`; a message already delivered or failed never
// goes back, and a report that is neither final ("Buffered", "Sent") only records the network.
// No tokens move for a sent message: they were spent when the gateway accepted it. OutboxStore hands
// its reports to this class.
//
// A report also settles a message Kengele never heard back about (`uncertain`: the request left,
// no answer came, so its provider id is unknown). A report for that number, with an id Kengele never
// recorded, received within ConfirmWindowMs after the message's attempt, proves it was sent: the
// report is tied to it, the message takes the id and becomes `sent` (its tokens are spent, as when
// the gateway accepts a message), then moves on with the report like any other; outbox.confirmed_at
// records "confirmed by a delivery report". Only messages without a recorded id, and one message per
// report id: with several waiting for one number, the oldest attempt in the window. Either order
// works: a report that came first stays kept for no message until a message to its number becomes
// uncertain (confirmUncertainInTransaction).
class DeliveryReportApplier final
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryReportApplier)

public:
    // How long after a message's attempt its delivery report may come and still confirm it.
    static constexpr qint64 ConfirmWindowMs = 24LL * 60 * 60 * 1000;
    // A relayed report carries the relay's clock, the attempt this computer's: a report stamped up to
    // this much before the attempt still counts, so a computer clock a few minutes fast loses nothing.
    static constexpr qint64 ClockSkewMs = 10LL * 60 * 1000;

    DeliveryReportApplier(Database &database, TokenLedger &ledger, const Clock &clock);

    // The network a report's code names, as outbox.network keeps it ("63902": "Safaricom"); an
    // unknown code as it is.
    static QString networkName(const QString &code);

    // In a transaction of its own. Returns how many messages changed state.
    Result<int> apply(const QList<DeliveryReport> &reports);
    // The same inside the caller's transaction (the relay sync commits a batch of events and its
    // cursor together). confirmed (optional) is increased by the uncertain messages a report
    // confirmed: tokens moved, so the caller calls TokenLedger::notifyBulkChange() after committing.
    Result<int> applyInTransaction(const QList<DeliveryReport> &reports, int *confirmed = nullptr);

    // Messages that just became uncertain (inside the caller's transaction): each is tied to a report
    // already kept for no message that confirms it, as above. Returns how many were confirmed (tokens
    // moved: call TokenLedger::notifyBulkChange() after committing).
    Result<int> confirmUncertainInTransaction(const QList<qint64> &outboxIds);

private:
    Database &m_database;
    TokenLedger &m_ledger;
    const Clock &m_clock;
};

} // namespace kengele
