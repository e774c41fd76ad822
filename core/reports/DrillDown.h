// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportDocument.h"
#include "ReportQuery.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace kengele {

class Database;

// One page of the rows behind a number.
struct DrillDownPage {
    ReportTable table; // name, phone, campaign, state, reason, network, time (messages); name, phone, time (others)
    qint64 total = 0; // how many rows there are in all
};

// The rows behind a dashboard or report number: the messages (or replies, opt-outs, contacts) a
// measure counted for a period and filters, a page at a time. For messages it asks the summary
// (message_stats) which campaigns hold such rows, then reads only those campaigns' rows of those
// states through the outbox_queue index (campaign_id, state, due_at): never the whole outbox.
class DrillDown final
{
    Q_DECLARE_TR_FUNCTIONS(DrillDown)

public:
    static constexpr int MaxLimit = 10000;

    explicit DrillDown(const Database &database);

    // Whether rows() can list the rows behind this measure (not for numbers and tokens).
    static bool supports(const QString &measure);

    // query.groupBy is ignored: the filters name the bar or slice clicked (dimension → its key).
    Result<DrillDownPage> rows(const ReportQuery &query, int limit, int offset) const;

private:
    Result<DrillDownPage> messages(const ReportQuery &query, int limit, int offset) const;
    Result<DrillDownPage> others(const ReportQuery &query, int limit, int offset) const;

    const Database &m_database;
};

} // namespace kengele
