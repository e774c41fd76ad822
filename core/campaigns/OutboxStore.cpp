#include "OutboxStore.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "gateway/DeliveryReport.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/TokenLedger.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {
constexpr int UrgentPriority = 3;
const QString ActiveCampaign = QStringLiteral("c.status IN ('queued', 'scheduled', 'sending')");
} // namespace

OutboxStore::OutboxStore(Database &database, TokenLedger &ledger, const Clock &clock)
    : m_database(database)
    , m_ledger(ledger)
    , m_clock(clock)
{
}

Status OutboxStore::insertQueued(const QSqlDatabase &db, qint64 campaignId, int priority, qint64 dueAt, qint64 now,
                                 const QList<NewMessage> &messages)
{
    QSqlQuery outbox(db);
    outbox.prepare(QStringLiteral("INSERT INTO outbox(campaign_id, contact_id, phone, name, text, segments, priority, due_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QVariant campaign(campaignId);
    const QVariant priorityValue(priority);
    const QVariant dueValue(dueAt);
    const QVariant updatedAt(now);
    for (const NewMessage &m : messages) {
        outbox.bindValue(0, campaign);
        outbox.bindValue(1, m.contactId > 0 ? QVariant(m.contactId) : QVariant());
        outbox.bindValue(2, m.phone);
        outbox.bindValue(3, sqlText(m.name));
        outbox.bindValue(4, m.text);
        outbox.bindValue(5, m.segments);
        outbox.bindValue(6, priorityValue);
        outbox.bindValue(7, dueValue);
        outbox.bindValue(8, updatedAt);
        if (!outbox.exec())
            return std::unexpected(Database::storageError(outbox.lastError(), tr("Queuing the campaign")));
    }
    return {};
}

Result<int> OutboxStore::recoverInterrupted()
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'uncertain', reason = ?, updated_at = ? WHERE state = 'submitting'"));
    q.addBindValue(tr("Kengele stopped while this message was being sent, so it may or may not have gone out. "
                      "It is not sent again unless you choose to."));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Checking interrupted messages")));
    const int recovered = q.numRowsAffected();
    if (recovered > 0)
        qCWarning(lcCampaigns) << recovered << "interrupted messages marked uncertain";
    return recovered;
}

Result<QList<WorkBatch>> OutboxStore::claim(int maxMessages, int maxPerRequest, bool quietHours)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT o.id, o.campaign_id, o.phone, o.text, o.segments, o.attempts, c.sender_id, c.gateway, "
                             "c.tokens > 0, EXISTS (SELECT 1 FROM opt_outs x WHERE x.phone = o.phone) "
                             "FROM outbox o JOIN campaigns c ON c.id = o.campaign_id "
                             "WHERE o.state = 'queued' AND o.due_at <= ? AND ")
              + ActiveCampaign + (quietHours ? QStringLiteral(" AND o.priority = %1").arg(UrgentPriority) : QString())
              + QStringLiteral(" ORDER BY o.priority DESC, o.due_at, o.id LIMIT ?"));
    q.addBindValue(now);
    q.addBindValue(maxMessages);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the outbox")));

    QList<WorkBatch> batches;
    QHash<QPair<qint64, QString>, qsizetype> open;  // (campaign, text) → index of its unfilled batch
    struct Cancelled {
        qint64 id;
        qint64 campaignId;
        int segments;
        bool charged;
    };
    QList<Cancelled> optedOut;
    QList<qint64> claimed;
    QList<qint64> campaigns;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const qint64 campaignId = q.value(1).toLongLong();
        if (!campaigns.contains(campaignId))
            campaigns.append(campaignId);
        if (q.value(9).toBool()) {
            optedOut.append({id, campaignId, q.value(4).toInt(), q.value(8).toBool()});
            continue;
        }
        const QString text = q.value(3).toString();
        const auto key = qMakePair(campaignId, text);
        qsizetype index = open.value(key, -1);
        if (index < 0 || batches.at(index).items.size() >= maxPerRequest) {
            WorkBatch batch;
            batch.campaignId = campaignId;
            batch.text = text;
            batch.senderId = q.value(6).toString();
            batch.gateway = q.value(7).toString();
            batch.charged = q.value(8).toBool();
            batches.append(batch);
            index = batches.size() - 1;
            open.insert(key, index);
        }
        batches[index].items.append(WorkItem{id, q.value(2).toString(), q.value(4).toInt(), q.value(5).toInt() + 1});
        claimed.append(id);
    }
    q.finish();

    // One statement per few hundred rows (the ids are integers read just above, safe to inline).
    QSqlQuery mark(db);
    constexpr qsizetype Chunk = 500;
    for (qsizetype from = 0; from < claimed.size(); from += Chunk) {
        QStringList ids;
        for (qsizetype i = from; i < qMin(claimed.size(), from + Chunk); ++i)
            ids << QString::number(claimed.at(i));
        if (!mark.exec(QStringLiteral("UPDATE outbox SET state = 'submitting', attempts = attempts + 1, updated_at = %1 WHERE id IN (%2)")
                           .arg(now)
                           .arg(ids.join(u','))))
            return std::unexpected(Database::storageError(mark.lastError(), tr("Marking messages as being sent")));
    }
    // Opted out after the launch: honoured right before the submit.
    QSqlQuery cancel(db);
    cancel.prepare(QStringLiteral("UPDATE outbox SET state = 'cancelled', reason = ?, updated_at = ? WHERE id = ?"));
    QHash<qint64, int> release;
    for (const Cancelled &c : std::as_const(optedOut)) {
        cancel.addBindValue(tr("The person opted out of messages"));
        cancel.addBindValue(now);
        cancel.addBindValue(c.id);
        if (!cancel.exec())
            return std::unexpected(Database::storageError(cancel.lastError(), tr("Cancelling opted-out messages")));
        if (c.charged)
            release[c.campaignId] += c.segments;
    }
    for (auto it = release.cbegin(); it != release.cend(); ++it) {
        if (Status released = m_ledger.releaseInTransaction(db, it.key(), it.value(), tr("Opted out before sending"), {}); !released)
            return std::unexpected(released.error());
    }
    QSqlQuery sending(db);
    sending.prepare(QStringLiteral("UPDATE campaigns SET status = 'sending' WHERE id = ? AND status IN ('queued', 'scheduled')"));
    for (const qint64 campaignId : std::as_const(campaigns)) {
        sending.addBindValue(campaignId);
        if (!sending.exec())
            return std::unexpected(Database::storageError(sending.lastError(), tr("Marking the campaign as sending")));
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
    const qint64 now = m_clock.nowMs();
    QSqlQuery failed(db);
    failed.prepare(QStringLiteral("UPDATE outbox SET state = 'failed', reason = ?, updated_at = ? WHERE id = ? AND state = 'submitting'"));
    QSqlQuery retry(db);
    retry.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', due_at = ?, reason = ?, updated_at = ? "
                                 "WHERE id = ? AND state = 'submitting'"));
    QSqlQuery requeue(db);
    requeue.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', due_at = ?, reason = ?, attempts = max(attempts - 1, 0), "
                                   "updated_at = ? WHERE id = ? AND state = 'submitting'"));
    QSqlQuery uncertain(db);
    uncertain.prepare(QStringLiteral("UPDATE outbox SET state = 'uncertain', reason = ?, updated_at = ? WHERE id = ? AND state = 'submitting'"));

    QHash<qint64, int> spend;
    QHash<qint64, int> release;
    // The common case, accepted messages, in few statements: UPDATE … FROM (VALUES …) with a few
    // hundred rows each. Tokens are counted only for rows that were still `submitting`.
    QList<const Outcome *> accepted;
    for (const Outcome &o : outcomes) {
        if (o.kind == Outcome::Kind::Sent)
            accepted.append(&o);
    }
    // Small enough that the SQLite driver's per-parameter name lookups stay cheap.
    constexpr qsizetype SentChunk = 50;
    for (qsizetype from = 0; from < accepted.size(); from += SentChunk) {
        const qsizetype to = qMin(accepted.size(), from + SentChunk);
        QStringList rows;
        for (qsizetype i = from; i < to; ++i)
            rows << QStringLiteral("(?, ?, ?)");
        QSqlQuery counted(db);
        // Which of these rows are still submitting (and so are really being accepted now).
        QStringList ids;
        for (qsizetype i = from; i < to; ++i)
            ids << QString::number(accepted.at(i)->outboxId);
        if (!counted.exec(QStringLiteral("SELECT id FROM outbox WHERE state = 'submitting' AND id IN (%1)").arg(ids.join(u','))))
            return std::unexpected(Database::storageError(counted.lastError(), tr("Recording what was sent")));
        QSet<qint64> live;
        while (counted.next())
            live.insert(counted.value(0).toLongLong());
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE outbox SET state = 'sent', message_id = v.column2, cost = v.column3, reason = '', updated_at = ? "
                                      "FROM (VALUES %1) AS v WHERE outbox.id = v.column1 AND outbox.state = 'submitting'")
                           .arg(rows.join(u',')));
        update.addBindValue(now);
        for (qsizetype i = from; i < to; ++i) {
            const Outcome &o = *accepted.at(i);
            update.addBindValue(o.outboxId);
            update.addBindValue(o.messageId.isEmpty() ? QVariant() : QVariant(o.messageId));
            update.addBindValue(sqlText(o.cost));
            if (o.charged && live.contains(o.outboxId))
                spend[o.campaignId] += o.segments;
        }
        if (!update.exec())
            return std::unexpected(Database::storageError(update.lastError(), tr("Recording what was sent")));
    }
    for (const Outcome &o : outcomes) {
        QSqlQuery *query = nullptr;
        switch (o.kind) {
        case Outcome::Kind::Sent:
            continue; // done above
        case Outcome::Kind::Failed:
            query = &failed;
            failed.addBindValue(sqlText(o.reason));
            failed.addBindValue(now);
            break;
        case Outcome::Kind::Retry:
            query = &retry;
            retry.addBindValue(o.dueAt);
            retry.addBindValue(sqlText(o.reason));
            retry.addBindValue(now);
            break;
        case Outcome::Kind::Requeue:
            query = &requeue;
            requeue.addBindValue(o.dueAt);
            requeue.addBindValue(sqlText(o.reason));
            requeue.addBindValue(now);
            break;
        case Outcome::Kind::Uncertain:
            query = &uncertain;
            uncertain.addBindValue(sqlText(o.reason));
            uncertain.addBindValue(now);
            break;
        }
        query->addBindValue(o.outboxId);
        if (!query->exec())
            return std::unexpected(Database::storageError(query->lastError(), tr("Recording what was sent")));
        // A row that was not `submitting` any more (cancelled meanwhile) changes nothing, and
        // moves no tokens.
        if (query->numRowsAffected() == 0 || !o.charged)
            continue;
        if (o.kind == Outcome::Kind::Failed)
            release[o.campaignId] += o.segments;
    }
    for (auto it = spend.cbegin(); it != spend.cend(); ++it) {
        if (Status spent = m_ledger.spendInTransaction(db, it.key(), it.value(), {}); !spent)
            return std::unexpected(spent.error());
    }
    for (auto it = release.cbegin(); it != release.cend(); ++it) {
        if (Status released = m_ledger.releaseInTransaction(db, it.key(), it.value(), tr("Could not be sent"), {}); !released)
            return std::unexpected(released.error());
    }
    if (Status committed = transaction.commit(); !committed)
        return committed;
    if (!spend.isEmpty() || !release.isEmpty())
        m_ledger.notifyBulkChange();
    return {};
}

Result<QList<qint64>> OutboxStore::finishCampaigns()
{
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT c.id FROM campaigns c WHERE c.status = 'sending' AND NOT EXISTS "
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
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT min(o.due_at) FROM outbox o JOIN campaigns c ON c.id = o.campaign_id WHERE o.state = 'queued' AND ")
              + ActiveCampaign + (quietHours ? QStringLiteral(" AND o.priority = %1").arg(UrgentPriority) : QString()));
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the outbox")));
    return q.value(0).isNull() ? 0 : q.value(0).toLongLong();
}

namespace {
QString networkName(const QString &code)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("63902"), QStringLiteral("Safaricom")},     {QStringLiteral("63903"), QStringLiteral("Airtel Kenya")},
        {QStringLiteral("63907"), QStringLiteral("Orange Kenya")},  {QStringLiteral("63999"), QStringLiteral("Equitel Kenya")},
        {QStringLiteral("64101"), QStringLiteral("Airtel Uganda")}, {QStringLiteral("64110"), QStringLiteral("MTN Uganda")},
        {QStringLiteral("64002"), QStringLiteral("Tigo Tanzania")}, {QStringLiteral("64004"), QStringLiteral("Vodacom Tanzania")},
        {QStringLiteral("64005"), QStringLiteral("Airtel Tanzania")}, {QStringLiteral("63510"), QStringLiteral("MTN Rwanda")},
        {QStringLiteral("99999"), QStringLiteral("Sandbox")},
    };
    return names.value(code, code);
}
} // namespace

Result<int> OutboxStore::applyDeliveryReports(const QList<DeliveryReport> &reports)
{
    if (reports.isEmpty())
        return 0;
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    QSqlQuery keep(db);
    keep.prepare(QStringLiteral("INSERT OR IGNORE INTO delivery_reports(message_id, status, failure_reason, network_code, received_at, outbox_id) "
                                "VALUES (?, ?, ?, ?, ?, (SELECT id FROM outbox WHERE message_id = ?))"));
    QSqlQuery delivered(db);
    delivered.prepare(QStringLiteral("UPDATE outbox SET state = 'delivered', network = ?, updated_at = ? WHERE message_id = ? AND state = 'sent'"));
    QSqlQuery failed(db);
    failed.prepare(QStringLiteral("UPDATE outbox SET state = 'failed', reason = ?, network = ?, updated_at = ? "
                                  "WHERE message_id = ? AND state = 'sent'"));
    QSqlQuery pending(db);
    pending.prepare(QStringLiteral("UPDATE outbox SET network = ?, updated_at = ? WHERE message_id = ? AND state = 'sent'"));
    const qint64 now = m_clock.nowMs();
    int changed = 0;
    for (const DeliveryReport &report : reports) {
        if (report.messageId.isEmpty())
            continue;
        keep.addBindValue(report.messageId);
        keep.addBindValue(sqlText(report.status));
        keep.addBindValue(sqlText(report.failureReason));
        keep.addBindValue(sqlText(report.networkCode));
        keep.addBindValue(report.receivedAt.isValid() ? report.receivedAt.toMSecsSinceEpoch() : now);
        keep.addBindValue(report.messageId);
        if (!keep.exec())
            return std::unexpected(Database::storageError(keep.lastError(), tr("Recording delivery reports")));
        if (keep.numRowsAffected() == 0)
            continue; // the same report again
        const QString network = networkName(report.networkCode);
        QSqlQuery *query = &pending;
        if (report.status == QStringLiteral("Success")) {
            query = &delivered;
        } else if (report.status == QStringLiteral("Failed") || report.status == QStringLiteral("Rejected")
                   || report.status == QStringLiteral("AbsentSubscriber") || report.status == QStringLiteral("Expired")) {
            query = &failed;
            failed.addBindValue(report.failureReason.isEmpty() ? report.status : report.status + QStringLiteral(": ") + report.failureReason);
        }
        query->addBindValue(network);
        query->addBindValue(now);
        query->addBindValue(report.messageId);
        if (!query->exec())
            return std::unexpected(Database::storageError(query->lastError(), tr("Recording delivery reports")));
        if (query != &pending)
            changed += query->numRowsAffected();
    }
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return changed;
}

Result<int> OutboxStore::resendUncertain(qint64 campaignId)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', due_at = ?, reason = '', updated_at = ? "
                             "WHERE campaign_id = ? AND state = 'uncertain'"));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Queuing the uncertain messages again")));
    const int count = q.numRowsAffected();
    QSqlQuery c(db);
    c.prepare(QStringLiteral("UPDATE campaigns SET status = 'sending', finished_at = NULL, status_reason = '' "
                             "WHERE id = ? AND status IN ('done', 'sending')"));
    c.addBindValue(campaignId);
    if (count > 0 && !c.exec())
        return std::unexpected(Database::storageError(c.lastError(), tr("Queuing the uncertain messages again")));
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return count;
}

Result<int> OutboxStore::retryFailed(qint64 campaignId)
{
    // Failed messages had their tokens released: reserve them again first.
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    QSqlQuery sum(db);
    sum.prepare(QStringLiteral("SELECT coalesce(sum(o.segments), 0), count(*), c.tokens > 0, coalesce(c.account_id, 0) FROM outbox o "
                               "JOIN campaigns c ON c.id = o.campaign_id WHERE o.campaign_id = ? AND o.state = 'failed'"));
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
        if (Status reserved = m_ledger.reserveInTransaction(db, accountId, campaignId, segments, {}); !reserved)
            return std::unexpected(reserved.error());
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', attempts = 0, due_at = ?, reason = '', updated_at = ? "
                             "WHERE campaign_id = ? AND state = 'failed'"));
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
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (charged)
        m_ledger.notifyBulkChange();
    return count;
}

Result<int> OutboxStore::cancel(qint64 campaignId)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    QSqlQuery sum(db);
    sum.prepare(QStringLiteral("SELECT coalesce(sum(o.segments), 0), count(*), c.tokens > 0 FROM outbox o JOIN campaigns c ON c.id = o.campaign_id "
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
        if (Status released = m_ledger.releaseInTransaction(db, campaignId, segments, tr("Campaign cancelled"), {}); !released)
            return std::unexpected(released.error());
    }
    QSqlQuery c(db);
    c.prepare(QStringLiteral("UPDATE campaigns SET status = 'cancelled', finished_at = ? WHERE id = ? AND status <> 'done'"));
    c.addBindValue(m_clock.nowMs());
    c.addBindValue(campaignId);
    if (!c.exec())
        return std::unexpected(Database::storageError(c.lastError(), tr("Cancelling the campaign")));
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (charged && segments > 0)
        m_ledger.notifyBulkChange();
    return count;
}

Status OutboxStore::pause(qint64 campaignId, const QString &reason)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE campaigns SET status = 'paused', status_reason = ? "
                             "WHERE id = ? AND status IN ('queued', 'scheduled', 'sending')"));
    q.addBindValue(sqlText(reason));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Pausing the campaign")));
    return {};
}

Status OutboxStore::resume(qint64 campaignId)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE campaigns SET status = 'sending', status_reason = '' WHERE id = ? AND status = 'paused'"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Resuming the campaign")));
    return {};
}

} // namespace kengele
