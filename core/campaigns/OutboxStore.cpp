// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OutboxStore.h"

#include "CampaignOrigin.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "storage/Transaction.h"
#include "tokens/TokenLedger.h"

#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace kengele {

namespace {
constexpr int UrgentPriority = 3;

// The campaigns whose messages may go, highest priority first. Every row of a campaign has the
// campaign's priority (written at launch; changing a campaign rewrites its rows), so ordering the
// campaigns orders their rows. A handful of rows: the campaigns table is small. Only this
// computer's campaigns (origin): another computer's are sent by that computer alone.
constexpr const char *ActiveCampaignsSql = "SELECT id, priority, sender_id, gateway, tokens > 0 FROM campaigns "
                                           "WHERE status IN ('queued', 'scheduled', 'sending') "
                                           "AND origin = (SELECT device FROM sync_state WHERE id = 1) ORDER BY priority DESC, id";
// During quiet hours: only urgent campaigns (?1).
constexpr const char *ActiveUrgentCampaignsSql = "SELECT id, priority, sender_id, gateway, tokens > 0 FROM campaigns "
                                                 "WHERE status IN ('queued', 'scheduled', 'sending') AND priority = ?1 "
                                                 "AND origin = (SELECT device FROM sync_state WHERE id = 1) ORDER BY id";
// Due messages of one campaign (?1), oldest first: ?2 now, ?3 how many. Read in index order from
// outbox_queue(campaign_id, state, due_at), so neither sorted nor read beyond what is taken. A row
// whose person was forgotten (phone 'forgotten:ID', ContactForgetter) is never sent: cancelled like
// an opted-out one.
constexpr const char *DueSql
    = "SELECT o.id, o.phone, o.text, o.segments, o.attempts, o.due_at, "
      "substr(o.phone, 1, 10) = 'forgotten:' OR EXISTS (SELECT 1 FROM opt_outs x WHERE x.phone = o.phone) "
      "FROM outbox o WHERE o.campaign_id = ?1 AND o.state = 'queued' AND o.due_at <= ?2 "
      "ORDER BY o.due_at, o.id LIMIT ?3";
// The earliest due time of a queued message of an active campaign, one index lookup per campaign.
constexpr const char *NextDueSql
    = "SELECT min((SELECT min(o.due_at) FROM outbox o WHERE o.campaign_id = c.id AND o.state = 'queued')) "
      "FROM campaigns c WHERE c.status IN ('queued', 'scheduled', 'sending') "
      "AND c.origin = (SELECT device FROM sync_state WHERE id = 1)";
constexpr const char *NextDueUrgentSql
    = "SELECT min((SELECT min(o.due_at) FROM outbox o WHERE o.campaign_id = c.id AND o.state = 'queued')) "
      "FROM campaigns c WHERE c.status IN ('queued', 'scheduled', 'sending') AND c.priority = ?1 "
      "AND c.origin = (SELECT device FROM sync_state WHERE id = 1)";

struct ActiveCampaign {
    qint64 id = 0;
    int priority = 0;
    QString senderId;
    std::optional<GatewayKind> gateway;
    QString unknownGateway; // the stored name when it is none of GatewayKind's
    bool charged = false;
};

ActiveCampaign activeCampaign(const SqliteStatement &c)
{
    ActiveCampaign campaign{c.columnInt64(0), c.columnInt(1), c.columnText(2), std::nullopt, {}, c.columnInt(4) != 0};
    const QString gateway = c.columnText(3);
    campaign.gateway = gatewayKindFromText(gateway);
    if (!campaign.gateway)
        campaign.unknownGateway = gateway;
    return campaign;
}
} // namespace

OutboxStore::OutboxStore(Database &database, TokenLedger &ledger, const Clock &clock)
    : m_database(database)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_deliveryReports(database, ledger, clock)
{ }

Result<int> OutboxStore::recoverInterrupted()
{
    QSqlDatabase db = m_database.connection();
    const QString what = tr("Checking interrupted messages");
    Transaction transaction(db);
    if (Status begun = transaction.began(what); !begun)
        return std::unexpected(begun.error());
    // Every row has its campaign (a foreign key): one index lookup per campaign instead of reading
    // the whole outbox at every start.
    QSqlQuery interrupted(db);
    interrupted.setForwardOnly(true);
    if (!interrupted.exec(
            QStringLiteral("SELECT id FROM outbox WHERE campaign_id IN (SELECT id FROM campaigns) AND state = 'submitting'")))
        return std::unexpected(Database::storageError(interrupted.lastError(), what));
    QList<qint64> ids;
    while (interrupted.next())
        ids.append(interrupted.value(0).toLongLong());
    interrupted.finish();
    if (ids.isEmpty())
        return 0;
    SqliteStatement mark(
        db, "UPDATE outbox SET state = 'uncertain', reason = ?1, updated_at = ?2 WHERE id = ?3 AND state = 'submitting'");
    if (!mark.isValid())
        return std::unexpected(mark.error(what));
    mark.bind(1,
              tr("Kengele stopped while this message was being sent, so it may or may not have gone out. "
                 "It is not sent again unless you choose to."));
    mark.bind(2, m_clock.nowMs());
    for (const qint64 id : std::as_const(ids)) {
        mark.bind(3, id);
        if (!mark.exec())
            return std::unexpected(mark.error(what));
    }
    // A delivery report that came while the message was being sent proves it went out.
    const Result<int> confirmed = m_deliveryReports.confirmUncertainInTransaction(ids);
    if (!confirmed)
        return std::unexpected(confirmed.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (*confirmed > 0)
        m_ledger.notifyBulkChange();
    const int recovered = int(ids.size()) - *confirmed;
    qCWarning(lcCampaigns) << ids.size() << "interrupted messages marked uncertain," << *confirmed
                           << "of them confirmed by a delivery report";
    return recovered;
}

Result<QList<WorkBatch>> OutboxStore::claim(int maxMessages, int maxPerRequest, bool quietHours)
{
    QSqlDatabase db = m_database.connection();
    // Rows become `submitting` durably, not only committed: with the connection's usual
    // synchronous=NORMAL a commit survives the process being killed but may be lost with the
    // power, and the messages would then be sent a second time. FULL flushes the WAL to the disk
    // at this commit (and with it every commit before). It can only change outside a transaction.
    SqliteStatement durable(db, "PRAGMA synchronous = FULL");
    SqliteStatement usual(db, "PRAGMA synchronous = NORMAL");
    if (!durable.exec())
        return std::unexpected(durable.error(tr("Reading the outbox")));
    const auto restore = qScopeGuard([&usual] { usual.exec(); });
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Reading the outbox")); !begun)
        return std::unexpected(begun.error());
    const qint64 now = m_clock.nowMs();
    // The hot path of dispatching: SQLite's own API, statements prepared once per claim.
    QList<ActiveCampaign> active;
    {
        SqliteStatement c(db, quietHours ? ActiveUrgentCampaignsSql : ActiveCampaignsSql);
        if (!c.isValid())
            return std::unexpected(c.error(tr("Reading the outbox")));
        if (quietHours)
            c.bind(1, UrgentPriority);
        while (c.next())
            active.append(activeCampaign(c));
        if (c.failed())
            return std::unexpected(c.error(tr("Reading the outbox")));
    }

    QList<WorkBatch> batches;
    QHash<QPair<qint64, QString>, qsizetype> open; // (campaign, text) → index of its unfilled batch
    struct Cancelled {
        qint64 id;
        qint64 campaignId;
        int segments;
        bool charged;
    };
    QList<Cancelled> optedOut;
    QList<qint64> claimed;
    claimed.reserve(maxMessages);
    QList<qint64> campaigns;
    // Texts repeat (one campaign's identical text): keep one QString per text of this claim.
    QString lastText;
    const auto take = [&](const ActiveCampaign &campaign, const SqliteStatement &row) {
        const qint64 id = row.columnInt64(0);
        if (!campaigns.contains(campaign.id))
            campaigns.append(campaign.id);
        if (row.columnInt(6) != 0) {
            optedOut.append({id, campaign.id, row.columnInt(3), campaign.charged});
            return;
        }
        QString text = row.columnText(2);
        if (text == lastText)
            text = lastText; // shares the data
        else
            lastText = text;
        const auto key = qMakePair(campaign.id, text);
        qsizetype index = open.value(key, -1);
        if (index < 0 || batches.at(index).items.size() >= maxPerRequest) {
            WorkBatch batch;
            batch.campaignId = campaign.id;
            batch.text = text;
            batch.senderId = campaign.senderId;
            batch.gateway = campaign.gateway;
            batch.unknownGateway = campaign.unknownGateway;
            batch.charged = campaign.charged;
            batch.items.reserve(qMin(maxPerRequest, maxMessages));
            batches.append(std::move(batch));
            index = batches.size() - 1;
            open.insert(key, index);
        }
        batches[index].items.append(WorkItem{id, row.columnText(1), row.columnInt(3), row.columnInt(4) + 1});
        claimed.append(id);
    };

    // Highest priority first; within one priority the campaigns' due rows are merged by (due_at,
    // id), the order of the whole queue. Rows read count against maxMessages, opted-out ones too.
    int taken = 0;
    for (qsizetype first = 0; first < active.size() && taken < maxMessages;) {
        qsizetype end = first + 1;
        while (end < active.size() && active.at(end).priority == active.at(first).priority)
            ++end;
        std::vector<std::unique_ptr<SqliteStatement>> cursors;
        std::vector<bool> hasRow;
        for (qsizetype i = first; i < end; ++i) {
            auto rows = std::make_unique<SqliteStatement>(db, DueSql);
            if (!rows->isValid())
                return std::unexpected(rows->error(tr("Reading the outbox")));
            rows->bind(1, active.at(i).id);
            rows->bind(2, now);
            rows->bind(3, maxMessages - taken);
            const bool row = rows->next();
            if (rows->failed())
                return std::unexpected(rows->error(tr("Reading the outbox")));
            cursors.push_back(std::move(rows));
            hasRow.push_back(row);
        }
        while (taken < maxMessages) {
            std::size_t best = cursors.size();
            for (std::size_t i = 0; i < cursors.size(); ++i) {
                if (!hasRow[i])
                    continue;
                if (best == cursors.size()
                    || std::pair(cursors[i]->columnInt64(5), cursors[i]->columnInt64(0))
                        < std::pair(cursors[best]->columnInt64(5), cursors[best]->columnInt64(0)))
                    best = i;
            }
            if (best == cursors.size())
                break;
            take(active.at(first + qsizetype(best)), *cursors[best]);
            ++taken;
            hasRow[best] = cursors[best]->next();
            if (cursors[best]->failed())
                return std::unexpected(cursors[best]->error(tr("Reading the outbox")));
        }
        first = end;
    }

    SqliteStatement mark(
        db, "UPDATE outbox SET state = 'submitting', attempts = attempts + 1, attempted_at = ?1, updated_at = ?1 WHERE id = ?2");
    mark.bind(1, now);
    for (const qint64 id : std::as_const(claimed)) {
        mark.bind(2, id);
        if (!mark.exec())
            return std::unexpected(mark.error(tr("Marking messages as being sent")));
    }
    QHash<qint64, int> release;
    if (!optedOut.isEmpty()) {
        // Opted out after the launch: honoured right before the submit.
        SqliteStatement cancel(db, "UPDATE outbox SET state = 'cancelled', reason = ?1, updated_at = ?2 WHERE id = ?3");
        cancel.bind(1, tr("The person opted out of messages"));
        cancel.bind(2, now);
        for (const Cancelled &c : std::as_const(optedOut)) {
            cancel.bind(3, c.id);
            if (!cancel.exec())
                return std::unexpected(cancel.error(tr("Cancelling opted-out messages")));
            if (c.charged)
                release[c.campaignId] += c.segments;
        }
    }
    for (auto it = release.cbegin(); it != release.cend(); ++it) {
        if (const auto released = m_ledger.releaseInTransaction(db, it.key(), it.value(), tr("Opted out before sending"), {});
            !released)
            return std::unexpected(released.error());
    }
    SqliteStatement sending(db, "UPDATE campaigns SET status = 'sending' WHERE id = ?1 AND status IN ('queued', 'scheduled')");
    for (const qint64 campaignId : std::as_const(campaigns)) {
        sending.bind(1, campaignId);
        if (!sending.exec())
            return std::unexpected(sending.error(tr("Marking the campaign as sending")));
    }
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (!release.isEmpty())
        m_ledger.notifyBulkChange();
    return batches;
}

Status OutboxStore::apply(const QList<Outcome> &outcomes)
{
    if (outcomes.isEmpty())
        return {};
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Recording what was sent")); !begun)
        return std::unexpected(begun.error());
    const qint64 now = m_clock.nowMs();
    // One prepared statement per kind of outcome, one row each: a row that is not `submitting` any
    // more (cancelled meanwhile) changes nothing and moves no tokens.
    SqliteStatement sent(db,
                         "UPDATE outbox SET state = 'sent', message_id = ?1, cost = ?2, reason = '', updated_at = ?3 "
                         "WHERE id = ?4 AND state = 'submitting'");
    if (!sent.isValid())
        return std::unexpected(sent.error(tr("Recording what was sent")));
    sent.bind(3, now);
    std::optional<SqliteStatement> failed;
    std::optional<SqliteStatement> retry;
    std::optional<SqliteStatement> requeue;
    std::optional<SqliteStatement> uncertain;

    QHash<qint64, int> spend;
    QHash<qint64, int> release;
    QList<qint64> becameUncertain;
    for (const Outcome &o : outcomes) {
        SqliteStatement *query = nullptr;
        switch (o.kind) {
        case Outcome::Kind::Sent:
            query = &sent;
            if (o.messageId.isEmpty())
                sent.bindNull(1);
            else
                sent.bind(1, o.messageId);
            sent.bind(2, o.cost);
            sent.bind(4, o.outboxId);
            break;
        case Outcome::Kind::Failed:
            if (!failed)
                failed.emplace(
                    db,
                    "UPDATE outbox SET state = 'failed', reason = ?1, updated_at = ?2 WHERE id = ?3 AND state = 'submitting'");
            query = &*failed;
            failed->bind(1, o.reason);
            failed->bind(2, now);
            failed->bind(3, o.outboxId);
            break;
        case Outcome::Kind::Retry:
            if (!retry)
                retry.emplace(db,
                              "UPDATE outbox SET state = 'queued', due_at = ?1, reason = ?2, updated_at = ?3 "
                              "WHERE id = ?4 AND state = 'submitting'");
            query = &*retry;
            retry->bind(1, o.dueAt);
            retry->bind(2, o.reason);
            retry->bind(3, now);
            retry->bind(4, o.outboxId);
            break;
        case Outcome::Kind::Requeue:
            if (!requeue)
                requeue.emplace(db,
                                "UPDATE outbox SET state = 'queued', due_at = ?1, reason = ?2, attempts = max(attempts - 1, 0), "
                                "updated_at = ?3 WHERE id = ?4 AND state = 'submitting'");
            query = &*requeue;
            requeue->bind(1, o.dueAt);
            requeue->bind(2, o.reason);
            requeue->bind(3, now);
            requeue->bind(4, o.outboxId);
            break;
        case Outcome::Kind::Uncertain:
            if (!uncertain)
                uncertain.emplace(
                    db,
                    "UPDATE outbox SET state = 'uncertain', reason = ?1, updated_at = ?2 WHERE id = ?3 AND state = 'submitting'");
            query = &*uncertain;
            uncertain->bind(1, o.reason);
            uncertain->bind(2, now);
            uncertain->bind(3, o.outboxId);
            break;
        }
        if (!query->exec())
            return std::unexpected(query->error(tr("Recording what was sent")));
        if (query->changes() > 0 && o.kind == Outcome::Kind::Uncertain)
            becameUncertain.append(o.outboxId);
        if (query->changes() == 0 || !o.charged)
            continue;
        if (o.kind == Outcome::Kind::Sent)
            spend[o.campaignId] += o.segments;
        else if (o.kind == Outcome::Kind::Failed)
            release[o.campaignId] += o.segments;
    }
    for (auto it = spend.cbegin(); it != spend.cend(); ++it) {
        if (const auto spent = m_ledger.spendInTransaction(db, it.key(), it.value(), {}); !spent)
            return std::unexpected(spent.error());
    }
    for (auto it = release.cbegin(); it != release.cend(); ++it) {
        if (const auto released = m_ledger.releaseInTransaction(db, it.key(), it.value(), tr("Could not be sent"), {}); !released)
            return std::unexpected(released.error());
    }
    // A delivery report that came before the answer gave up proves the message went out.
    const Result<int> confirmed = m_deliveryReports.confirmUncertainInTransaction(becameUncertain);
    if (!confirmed)
        return std::unexpected(confirmed.error());
    if (Status committed = transaction.commit(); !committed)
        return committed;
    if (!spend.isEmpty() || !release.isEmpty() || *confirmed > 0)
        m_ledger.notifyBulkChange();
    return {};
}

Result<QList<qint64>> OutboxStore::finishCampaigns()
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    // Another computer's campaign has no messages here: it finishes there, and its state comes with it.
    if (!q.exec(QStringLiteral("SELECT c.id FROM campaigns c WHERE c.status = 'sending' "
                               "AND c.origin = (SELECT device FROM sync_state WHERE id = 1) AND NOT EXISTS "
                               "(SELECT 1 FROM outbox o WHERE o.campaign_id = c.id AND o.state IN ('queued', 'submitting'))")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading campaigns")));
    QList<qint64> done;
    while (q.next())
        done.append(q.value(0).toLongLong());
    q.finish();
    QSqlQuery finish(db);
    finish.prepare(QStringLiteral("UPDATE campaigns SET status = 'done', finished_at = ? WHERE id = ? AND status = 'sending'"));
    for (const qint64 id : std::as_const(done)) {
        finish.addBindValue(m_clock.nowMs());
        finish.addBindValue(id);
        if (!finish.exec())
            return std::unexpected(Database::storageError(finish.lastError(), tr("Finishing the campaign")));
    }
    return done;
}

Result<qint64> OutboxStore::nextDue(bool quietHours)
{
    SqliteStatement q(m_database.connection(), quietHours ? NextDueUrgentSql : NextDueSql);
    if (quietHours)
        q.bind(1, UrgentPriority);
    if (!q.next())
        return std::unexpected(q.error(tr("Reading the outbox")));
    return q.columnIsNull(0) ? 0 : q.columnInt64(0);
}

Result<int> OutboxStore::applyDeliveryReports(const QList<DeliveryReport> &reports)
{
    return m_deliveryReports.apply(reports);
}

Result<int> OutboxStore::applyDeliveryReportsInTransaction(const QList<DeliveryReport> &reports, int *confirmed)
{
    return m_deliveryReports.applyInTransaction(reports, confirmed);
}

Result<OutboxStore::WithoutReport> OutboxStore::withoutReport(qint64 campaignId) const
{
    SqliteStatement q(m_database.connection(),
                      "SELECT count(*), coalesce(sum(coalesce(attempted_at, updated_at) >= ?2), 0) FROM outbox "
                      "WHERE campaign_id = ?1 AND state = 'uncertain'");
    if (!q.isValid())
        return std::unexpected(q.error(tr("Reading the campaign")));
    q.bind(1, campaignId);
    q.bind(2, m_clock.nowMs() - DeliveryReportApplier::ConfirmWindowMs);
    if (!q.next())
        return std::unexpected(q.error(tr("Reading the campaign")));
    return WithoutReport{q.columnInt(0), q.columnInt(1)};
}

Result<int> OutboxStore::resendUncertain(qint64 campaignId)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Queuing the messages with no report yet again")); !begun)
        return std::unexpected(begun.error());
    if (Status here = CampaignOrigin::checkSentHere(db, campaignId); !here)
        return std::unexpected(here.error());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', due_at = ?, reason = '', updated_at = ? "
                             "WHERE campaign_id = ? AND state = 'uncertain' AND substr(phone, 1, 10) <> 'forgotten:'"));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Queuing the messages with no report yet again")));
    const int count = q.numRowsAffected();
    QSqlQuery c(db);
    c.prepare(QStringLiteral("UPDATE campaigns SET status = 'sending', finished_at = NULL, status_reason = '' "
                             "WHERE id = ? AND status IN ('done', 'sending')"));
    c.addBindValue(campaignId);
    if (count > 0 && !c.exec())
        return std::unexpected(Database::storageError(c.lastError(), tr("Queuing the messages with no report yet again")));
    if (Status committed = transaction.commit({QStringLiteral("campaigns.resend"), QStringLiteral("campaign:%1").arg(campaignId),
                                               QStringLiteral("%1 with no report").arg(count)});
        !committed)
        return std::unexpected(committed.error());
    return count;
}

Result<int> OutboxStore::retryFailed(qint64 campaignId)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
        return std::unexpected(allowed.error());
    // Failed messages had their tokens released: reserve them again first.
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Queuing failed messages again")); !begun)
        return std::unexpected(begun.error());
    if (Status here = CampaignOrigin::checkSentHere(db, campaignId); !here)
        return std::unexpected(here.error());
    QSqlQuery sum(db);
    sum.prepare(
        QStringLiteral("SELECT coalesce(sum(o.segments), 0), count(*), c.tokens > 0, coalesce(c.account_id, 0) FROM outbox o "
                       "JOIN campaigns c ON c.id = o.campaign_id WHERE o.campaign_id = ? AND o.state = 'failed' "
                       "AND substr(o.phone, 1, 10) <> 'forgotten:'"));
    sum.addBindValue(campaignId);
    if (!sum.exec() || !sum.next())
        return std::unexpected(Database::storageError(sum.lastError(), tr("Queuing failed messages again")));
    const int segments = sum.value(0).toInt();
    const int count = sum.value(1).toInt();
    const bool charged = sum.value(2).toBool();
    const qint64 accountId = sum.value(3).toLongLong();
    sum.finish();
    if (count == 0)
        return 0;
    if (charged) {
        if (const auto reserved = m_ledger.reserveInTransaction(db, accountId, campaignId, segments, {}); !reserved)
            return std::unexpected(reserved.error());
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', attempts = 0, due_at = ?, reason = '', updated_at = ? "
                             "WHERE campaign_id = ? AND state = 'failed' AND substr(phone, 1, 10) <> 'forgotten:'"));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Queuing failed messages again")));
    QSqlQuery c(db);
    c.prepare(QStringLiteral("UPDATE campaigns SET status = 'sending', finished_at = NULL WHERE id = ? AND status = 'done'"));
    c.addBindValue(campaignId);
    if (!c.exec())
        return std::unexpected(Database::storageError(c.lastError(), tr("Queuing failed messages again")));
    if (Status committed = transaction.commit({QStringLiteral("campaigns.retry"), QStringLiteral("campaign:%1").arg(campaignId),
                                               QStringLiteral("%1 failed").arg(count)});
        !committed)
        return std::unexpected(committed.error());
    if (charged)
        m_ledger.notifyBulkChange();
    return count;
}

Result<int> OutboxStore::cancel(qint64 campaignId)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Cancelling the campaign")); !begun)
        return std::unexpected(begun.error());
    if (Status here = CampaignOrigin::checkSentHere(db, campaignId); !here)
        return std::unexpected(here.error());
    QSqlQuery sum(db);
    sum.prepare(QStringLiteral(
        "SELECT coalesce(sum(o.segments), 0), count(*), c.tokens > 0 FROM outbox o JOIN campaigns c ON c.id = o.campaign_id "
        "WHERE o.campaign_id = ? AND o.state IN ('queued', 'uncertain')"));
    sum.addBindValue(campaignId);
    if (!sum.exec() || !sum.next())
        return std::unexpected(Database::storageError(sum.lastError(), tr("Cancelling the campaign")));
    const int segments = sum.value(0).toInt();
    const int count = sum.value(1).toInt();
    const bool charged = sum.value(2).toBool();
    sum.finish();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'cancelled', reason = ?, updated_at = ? "
                             "WHERE campaign_id = ? AND state IN ('queued', 'uncertain')"));
    q.addBindValue(tr("Cancelled before sending"));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Cancelling the campaign")));
    if (charged && segments > 0) {
        if (const auto released = m_ledger.releaseInTransaction(db, campaignId, segments, tr("Campaign cancelled"), {});
            !released)
            return std::unexpected(released.error());
    }
    QSqlQuery c(db);
    c.prepare(QStringLiteral("UPDATE campaigns SET status = 'cancelled', finished_at = ? WHERE id = ? AND status <> 'done'"));
    c.addBindValue(m_clock.nowMs());
    c.addBindValue(campaignId);
    if (!c.exec())
        return std::unexpected(Database::storageError(c.lastError(), tr("Cancelling the campaign")));
    if (Status committed = transaction.commit({QStringLiteral("campaigns.cancel"), QStringLiteral("campaign:%1").arg(campaignId),
                                               QStringLiteral("%1 not sent").arg(count)});
        !committed)
        return std::unexpected(committed.error());
    if (charged && segments > 0)
        m_ledger.notifyBulkChange();
    return count;
}

Status OutboxStore::pause(qint64 campaignId, const QString &reason, Actor by)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns, by); !allowed)
        return allowed;
    QSqlDatabase db = m_database.connection();
    // The dispatcher's pauses are in the campaign's own history; the audit trail is for people.
    AuditedTransaction transaction(by == Actor::Person ? m_access : nullptr, db);
    if (Status begun = transaction.began(tr("Pausing the campaign")); !begun)
        return begun;
    if (Status here = CampaignOrigin::checkSentHere(db, campaignId); !here)
        return here;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE campaigns SET status = 'paused', status_reason = ? "
                             "WHERE id = ? AND status IN ('queued', 'scheduled', 'sending')"));
    q.addBindValue(sqlText(reason));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Pausing the campaign")));
    if (q.numRowsAffected() == 0)
        return {};
    return transaction.commit({QStringLiteral("campaigns.pause"), QStringLiteral("campaign:%1").arg(campaignId), QString()});
}

Status OutboxStore::resume(qint64 campaignId)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
        return allowed;
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Resuming the campaign")); !begun)
        return begun;
    if (Status here = CampaignOrigin::checkSentHere(db, campaignId); !here)
        return here;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE campaigns SET status = 'sending', status_reason = '' WHERE id = ? AND status = 'paused'"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Resuming the campaign")));
    if (q.numRowsAffected() == 0)
        return {};
    return transaction.commit({QStringLiteral("campaigns.resume"), QStringLiteral("campaign:%1").arg(campaignId), QString()});
}

} // namespace kengele
