// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Campaign.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <functional>

class QSqlDatabase;

namespace kengele {

class CampaignService;
class Clock;
class Database;

// Launches the occurrences of repeating campaigns when they are due, each like a one-off campaign
// with the members and balance of that day. One that cannot go (nobody left, not enough tokens), or
// was missed by more than CampaignService::Limits::missedOccurrenceGraceMs (the computer was off),
// is recorded as a `skipped` campaign with the reason; either way the repeating campaign moves on
// to its next occurrence, and is `done` after its last. CampaignService owns one and calls it.
class RecurringLauncher final
{
    Q_DECLARE_TR_FUNCTIONS(RecurringLauncher)

public:
    // Writes one occurrence (a one-off draft) as a child of parentId inside the caller's open
    // transaction on `db`, and returns its id: CampaignService's launch.
    using LaunchOne = std::function<Result<qint64>(const QSqlDatabase &db, const CampaignDraft &occurrence, qint64 parentId,
                                                   const QString &userName)>;

    RecurringLauncher(Database &database, const Clock &clock, const CampaignService &campaigns, LaunchOne launchOne);

    struct Round {
        QList<qint64> launched; // the occurrences that went
        bool changed = false; // a repeating campaign was due: something was launched, skipped or moved on
    };
    // Every occurrence due now, each repeating campaign in its own transaction.
    Result<Round> launchDue(const QString &userName);
    // When the next occurrence of any repeating campaign is due (UTC ms); 0 when none.
    Result<qint64> nextDue() const;
    // A person's "Send now": the next occurrence goes now, before its time; the one after is then
    // the next. One already due goes as launchDue would send it. Refused (nothing changed) when it
    // is not repeating any more or this time cannot go.
    Result<qint64> launchNextNow(qint64 parentId, const QString &userName);

private:
    // Returns the launched occurrence's id; 0 when none went (skipped, or not due after all).
    // `early`: the next occurrence goes now even though its time has not come (launchNextNow).
    Result<qint64> launchOccurrence(qint64 parentId, const QString &userName, bool early = false);
    Status recordSkipped(const QSqlDatabase &db, const CampaignDraft &parent, qint64 parentId, const QDateTime &when,
                         const QString &reason);

    Database &m_database;
    const Clock &m_clock;
    const CampaignService &m_campaigns;
    LaunchOne m_launchOne;
};

} // namespace kengele
