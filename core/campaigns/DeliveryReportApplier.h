// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>

namespace kengele {

class Clock;
class Database;
struct DeliveryReport;

// The outbox's last step: delivery reports move sent messages to `delivered` or `failed`.
// Each report is kept (once per message id and status, unknown ids and statuses too) and moves
// its message from `sent` to `delivered` or `failed`; a message already delivered or failed never
// goes back, and a report that is neither final ("Buffered", "Sent") only records the network.
// No tokens move here: they were spent when the gateway accepted the message. OutboxStore hands
// its reports to this class.
class DeliveryReportApplier final
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryReportApplier)

public:
    DeliveryReportApplier(Database &database, const Clock &clock);

    // In a transaction of its own. Returns how many messages changed state.
    Result<int> apply(const QList<DeliveryReport> &reports);
    // The same inside the caller's transaction (the relay sync commits a batch of events and its
    // cursor together).
    Result<int> applyInTransaction(const QList<DeliveryReport> &reports);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace kengele
