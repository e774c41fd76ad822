// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Period.h"
#include "ReportDocument.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QVariant>

namespace kengele {

class Database;

// The numbers behind the dashboard's cards (DESIGN section 8: `dashboard --json`).
struct DashboardNumbers {
    struct Totals {
        qint64 sent = 0;
        qint64 delivered = 0;
        qint64 failed = 0;
        QVariant deliveryRate; // double, 0–100; null when nothing was sent
        qint64 replies = 0;
        qint64 optOuts = 0;
        qint64 contactsAdded = 0;
    };
    struct Network {
        QString network; // "" when no report said
        qint64 sent = 0;
        qint64 delivered = 0;
        qint64 failed = 0;
    };
    struct Reason {
        QString reason;
        qint64 count = 0;
    };
    struct Account {
        qint64 accountId = 0;
        QString account;
        qint64 tokens = 0;
    };
    Period period;
    Totals totals;
    Totals previous; // the period of the same length before, for trends
    QList<Network> byNetwork; // most sent first
    QList<Reason> byReason; // failures, most first
    QList<Account> tokensByAccount; // most used first

    // {"period":{"from","to"},"sent","delivered","failed","delivery_rate","replies","opt_outs",
    //  "by_network":[…],"by_reason":[…],"tokens_by_account":[…],"contacts_added","previous":{…}}
    QJsonObject toJson() const;
};

// The dashboard: its numbers and its charts, from the registry's measures (ReportRunner), on the
// calling thread with that thread's connection.
class DashboardService final
{
    Q_DECLARE_TR_FUNCTIONS(DashboardService)

public:
    explicit DashboardService(const Database &database);

    Result<DashboardNumbers> numbers(const Period &period) const;
    // The charts: delivery rate per campaign, failures by reason, by network, messages received per
    // week, tokens per department per week, contacts added per month; each drills down by its
    // dimension and categoryKeys.
    Result<ReportDocument> document(const Period &period, const QDateTime &now) const;

private:
    Result<DashboardNumbers::Totals> totals(const Period &period) const;

    const Database &m_database;
};

} // namespace kengele
