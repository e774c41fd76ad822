// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// CampaignService's decisions on repeating and scheduled campaigns: pause and resume a repeating
// one, send the next time now, and launch the occurrences that are due (Kengele's own work, not
// checked against the role). Launching and changing campaigns stay in CampaignService.cpp.
#include "CampaignOrigin.h"
#include "CampaignService.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "tokens/TokenLedger.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

Status CampaignService::pauseRepeating(qint64 id)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Pausing the campaign")); !begun)
        return begun;
    if (Status here = CampaignOrigin::checkSentHere(db, id); !here)
        return here;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE campaigns SET status = ?, status_reason = ? WHERE id = ? AND status = ?"));
    q.addBindValue(toText(CampaignStatus::Paused));
    q.addBindValue(tr("You paused it: no more times go until you resume it."));
    q.addBindValue(id);
    q.addBindValue(toText(CampaignStatus::Recurring));
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Pausing the campaign")));
    if (q.numRowsAffected() == 0)
        return {};
    if (Status done = transaction.commit(
            {QStringLiteral("campaigns.pause"), QStringLiteral("campaign:%1").arg(id), QStringLiteral("repeating")});
        !done)
        return done;
    Q_EMIT campaignsChanged();
    return {};
}

Status CampaignService::resumeRepeating(qint64 id)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Resuming the campaign")); !begun)
        return begun;
    if (Status here = CampaignOrigin::checkSentHere(db, id); !here)
        return here;
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("UPDATE campaigns SET status = ?, status_reason = '' WHERE id = ? AND status = ? AND recurrence <> ''"));
    q.addBindValue(toText(CampaignStatus::Recurring));
    q.addBindValue(id);
    q.addBindValue(toText(CampaignStatus::Paused));
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Resuming the campaign")));
    if (q.numRowsAffected() == 0)
        return {};
    if (Status done = transaction.commit(
            {QStringLiteral("campaigns.resume"), QStringLiteral("campaign:%1").arg(id), QStringLiteral("repeating")});
        !done)
        return done;
    Q_EMIT campaignsChanged();
    return {};
}

Result<qint64> CampaignService::sendNow(qint64 id, const QString &userName)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
        return std::unexpected(allowed.error());
    if (Status here = CampaignOrigin::checkSentHere(m_database.connection(), id); !here)
        return std::unexpected(here.error());
    const Result<Campaign> campaign = get(id);
    if (!campaign)
        return std::unexpected(campaign.error());
    if (campaign->isRepeating()) {
        const Result<qint64> child = m_recurring.launchNextNow(id, userName);
        if (!child)
            return std::unexpected(child.error());
        // The occurrence is written by the launcher in its own transaction; its entry follows.
        if (Status recorded = Access::record(m_access,
                                             {QStringLiteral("campaigns.launch"), QStringLiteral("campaign:%1").arg(*child),
                                              QStringLiteral("next time of campaign:%1, early").arg(id)});
            !recorded)
            qCWarning(lcCampaigns) << "an early occurrence could not be written to the audit trail:" << recorded.error().message;
        m_ledger.notifyBulkChange();
        Q_EMIT campaignsChanged();
        return *child;
    }
    if (campaign->status != CampaignStatus::Scheduled)
        return fail(ErrorCode::Conflict,
                    tr("“%1” is not waiting for its time: it has started sending or has ended.").arg(campaign->name));
    Result<CampaignDraft> now = draft(id);
    if (!now)
        return std::unexpected(now.error());
    now->scheduledAt = QDateTime();
    const Result<Campaign> changed = update(id, *now, userName);
    if (!changed)
        return std::unexpected(changed.error());
    return id;
}

Result<qint64> CampaignService::nextOccurrenceDue() const
{
    return m_recurring.nextDue();
}

Result<QList<qint64>> CampaignService::launchDueOccurrences(const QString &userName)
{
    const Result<RecurringLauncher::Round> round = m_recurring.launchDue(userName);
    if (!round)
        return std::unexpected(round.error());
    if (round->changed) {
        m_ledger.notifyBulkChange();
        Q_EMIT campaignsChanged();
    }
    return round->launched;
}

} // namespace kengele
