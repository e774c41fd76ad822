// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Taking the demo's made-up year away again (File → Remove the demo congregation); DemoHistory.cpp
// writes it.

#include "DemoHistory.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

Result<DemoHistoryRemoved> DemoHistory::removeInTransaction(QSqlDatabase db)
{
    const QString what = tr("Removing the demo congregation's history");
    DemoHistoryRemoved removed;
    QSqlQuery q(db);
    const auto run = [&](const QString &sql) -> Result<int> {
        if (!q.exec(sql))
            return std::unexpected(Database::storageError(q.lastError(), what));
        return int(q.numRowsAffected());
    };
    const QString demoCampaigns = QStringLiteral("(SELECT id FROM campaigns WHERE demo = 1)");
    // The opt-outs and the opt-in the demo's STOP replies recorded: the same number at the same time.
    const QString demoStops = QStringLiteral("SELECT 1 FROM inbox i WHERE i.handled_as = 'optout' AND i.campaign_id IN %1 "
                                             "AND i.phone = %2.phone AND i.received_at = %2.%3");
    const QList<QString> steps = {
        QStringLiteral("DELETE FROM opt_ins WHERE EXISTS (%1)")
            .arg(demoStops.arg(demoCampaigns, QStringLiteral("opt_ins"), QStringLiteral("opted_out_at"))),
        QStringLiteral("DELETE FROM opt_outs WHERE EXISTS (%1)")
            .arg(demoStops.arg(demoCampaigns, QStringLiteral("opt_outs"), QStringLiteral("created_at"))),
    };
    for (const QString &step : steps) {
        if (const Result<int> done = run(step); !done)
            return std::unexpected(done.error());
    }
    const Result<int> received = run(QStringLiteral("DELETE FROM inbox WHERE campaign_id IN %1").arg(demoCampaigns));
    if (!received)
        return std::unexpected(received.error());
    removed.received = *received;
    if (const Result<int> reports = run(QStringLiteral("DELETE FROM delivery_reports WHERE outbox_id IN "
                                                       "(SELECT id FROM outbox WHERE campaign_id IN %1)")
                                            .arg(demoCampaigns));
        !reports)
        return std::unexpected(reports.error());
    const Result<int> messages = run(QStringLiteral("DELETE FROM outbox WHERE campaign_id IN %1").arg(demoCampaigns));
    if (!messages)
        return std::unexpected(messages.error());
    removed.messages = *messages;
    const Result<int> campaigns = run(QStringLiteral("DELETE FROM campaigns WHERE demo = 1"));
    if (!campaigns)
        return std::unexpected(campaigns.error());
    removed.campaigns = *campaigns;
    return removed;
}

} // namespace kengele
