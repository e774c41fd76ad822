// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RecurringLauncher.h"

#include "CampaignOrigin.h"

#include "CampaignService.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Savepoint.h"
#include "storage/Transaction.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <optional>
#include <utility>

namespace kengele {

namespace {

QString shortDate(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace

RecurringLauncher::RecurringLauncher(Database &database, const Clock &clock, const CampaignService &campaigns,
                                     LaunchOne launchOne)
    : m_database(database)
    , m_clock(clock)
    , m_campaigns(campaigns)
    , m_launchOne(std::move(launchOne))
{ }

Result<qint64> RecurringLauncher::nextDue() const
{
    QSqlQuery q(m_database.connection());
    // Only this computer's repeating campaigns: another computer's are launched there.
    q.prepare(QStringLiteral("SELECT min(scheduled_at) FROM campaigns c WHERE status = ? AND %1")
                  .arg(QLatin1StringView(CampaignOrigin::OwnSql)));
    q.addBindValue(toText(CampaignStatus::Recurring));
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading campaigns")));
    return q.value(0).isNull() ? 0 : q.value(0).toLongLong();
}

Result<RecurringLauncher::Round> RecurringLauncher::launchDue(const QString &userName)
{
    QList<qint64> due;
    {
        QSqlQuery q(m_database.connection());
        q.prepare(
            QStringLiteral("SELECT id FROM campaigns c WHERE status = ? AND scheduled_at <= ? AND %1 ORDER BY scheduled_at, id")
                .arg(QLatin1StringView(CampaignOrigin::OwnSql)));
        q.addBindValue(toText(CampaignStatus::Recurring));
        q.addBindValue(m_clock.nowMs());
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Reading campaigns")));
        while (q.next())
            due.append(q.value(0).toLongLong());
    }
    Round round;
    round.changed = !due.isEmpty();
    for (const qint64 parentId : std::as_const(due)) {
        const Result<qint64> child = launchOccurrence(parentId, userName);
        if (!child)
            return std::unexpected(child.error());
        if (*child != 0)
            round.launched.append(*child);
    }
    return round;
}

Status RecurringLauncher::recordSkipped(const QSqlDatabase &db, const CampaignDraft &parent, qint64 parentId,
                                        const QDateTime &when, const QString &reason)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO campaigns(name, body, sender_id, priority, status, status_reason, gateway, scheduled_at, parent_id, "
        "created_at, finished_at, uid, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, kengele_uuid7(), "
        "(SELECT device FROM sync_state WHERE id = 1))"));
    q.addBindValue(sqlText(tr("%1 — %2").arg(parent.name, shortDate(when)).left(CampaignService::MaxNameLength)));
    q.addBindValue(parent.body);
    q.addBindValue(sqlText(parent.senderId));
    q.addBindValue(int(parent.priority));
    q.addBindValue(toText(CampaignStatus::Skipped));
    q.addBindValue(sqlText(reason));
    q.addBindValue(toText(parent.gateway));
    q.addBindValue(when.toMSecsSinceEpoch());
    q.addBindValue(parentId);
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Recording a skipped message")));
    if (Status linked = CampaignOrigin::publishLinks(db, q.lastInsertId().toLongLong()); !linked)
        return std::unexpected(linked.error());
    qCWarning(lcCampaigns) << "occurrence of campaign" << parentId << "skipped";
    return {};
}

Result<qint64> RecurringLauncher::launchNextNow(qint64 parentId, const QString &userName)
{
    const Result<qint64> child = launchOccurrence(parentId, userName, true);
    if (child && *child == 0)
        return fail(ErrorCode::Conflict,
                    tr("There is no time left to send now: the repeating message has ended, was "
                       "paused or cancelled, or was just sent."));
    return child;
}

Result<qint64> RecurringLauncher::launchOccurrence(qint64 parentId, const QString &userName, bool early)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Sending a repeating message")); !begun)
        return std::unexpected(begun.error());
    const Result<Campaign> parent = m_campaigns.get(parentId);
    if (!parent)
        return std::unexpected(parent.error());
    const qint64 now = m_clock.nowMs();
    // Looked at again inside the transaction: another window or process may have just done it.
    if (parent->status != CampaignStatus::Recurring || !parent->scheduledAt.isValid())
        return qint64(0);
    if (Status here = CampaignOrigin::checkSentHere(db, parentId); !here)
        return std::unexpected(here.error());
    // Sent early only when its time has not come; one already due goes as the dispatcher would send it.
    early = early && parent->scheduledAt.toMSecsSinceEpoch() > now;
    if (!early && parent->scheduledAt.toMSecsSinceEpoch() > now)
        return qint64(0);
    Result<CampaignDraft> d = m_campaigns.draft(parentId);
    if (!d)
        return std::unexpected(d.error());
    const qint64 until = parent->repeatUntil.isValid() ? parent->repeatUntil.toMSecsSinceEpoch() : now;

    // Every occurrence due by now; only the newest may still go, and only if it is not too late.
    // Early: the next one, whose time has not come.
    QList<QDateTime> dueTimes;
    QDateTime next = parent->scheduledAt.toLocalTime();
    const qint64 dueBy = early ? next.toMSecsSinceEpoch() : now;
    while (next.isValid() && next.toMSecsSinceEpoch() <= dueBy && next.toMSecsSinceEpoch() <= until
           && dueTimes.size() < 100'000) {
        dueTimes.append(next);
        next = parent->recurrence.next(next);
    }
    QList<QDateTime> missed = dueTimes;
    std::optional<QDateTime> go;
    if (!dueTimes.isEmpty()
        && (early || now - dueTimes.constLast().toMSecsSinceEpoch() <= m_campaigns.limits().missedOccurrenceGraceMs))
        go = missed.takeLast();
    if (early && !go)
        return qint64(0);
    if (!missed.isEmpty()) {
        QStringList days;
        for (qsizetype i = 0; i < qMin<qsizetype>(missed.size(), 5); ++i)
            days << shortDate(missed.at(i));
        QString list = days.join(QStringLiteral(", "));
        if (missed.size() > 5)
            list = tr("%1 and %n more", nullptr, int(missed.size() - 5)).arg(list);
        if (Status recorded
            = recordSkipped(db, *d, parentId, missed.constLast(),
                            tr("Not sent on %1: Kengele was not running at the time, and it was too late to send.").arg(list));
            !recorded)
            return std::unexpected(recorded.error());
    }
    qint64 childId = 0;
    if (go) {
        CampaignDraft occurrence = *d;
        // Sent early: named by the day it went.
        occurrence.name = tr("%1 — %2")
                              .arg(d->name, shortDate(early ? QDateTime::fromMSecsSinceEpoch(now, Qt::UTC) : *go))
                              .left(CampaignService::MaxNameLength);
        occurrence.scheduledAt = QDateTime();
        occurrence.recurrence = Recurrence();
        occurrence.repeatUntil = QDate();
        Savepoint savepoint(db, QStringLiteral("occurrence"), tr("Sending a repeating message"));
        if (!savepoint.isActive())
            return std::unexpected(savepoint.error());
        const Result<qint64> child = m_launchOne(db, occurrence, parentId, userName);
        if (child) {
            childId = *child;
            if (Status released = savepoint.release(); !released)
                return std::unexpected(released.error());
        } else if (child.error().code == ErrorCode::Storage || early) {
            // A person asked for it now: tell them, and leave the campaign as it was.
            return std::unexpected(child.error());
        } else {
            // This time it cannot go (nobody left, not enough tokens...): say so, keep repeating.
            if (Status undone = savepoint.rollback(); !undone)
                return std::unexpected(undone.error());
            if (Status recorded = recordSkipped(db, *d, parentId, *go, child.error().message); !recorded)
                return std::unexpected(recorded.error());
        }
    }
    QSqlQuery advance(db);
    if (!next.isValid() || next.toMSecsSinceEpoch() > until) {
        advance.prepare(QStringLiteral("UPDATE campaigns SET status = ?, finished_at = ? WHERE id = ?"));
        advance.addBindValue(toText(CampaignStatus::Done));
        advance.addBindValue(now);
    } else {
        advance.prepare(QStringLiteral("UPDATE campaigns SET scheduled_at = ? WHERE id = ?"));
        advance.addBindValue(next.toMSecsSinceEpoch());
    }
    advance.addBindValue(parentId);
    if (!advance.exec())
        return std::unexpected(Database::storageError(advance.lastError(), tr("Sending a repeating message")));
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return childId;
}

} // namespace kengele
