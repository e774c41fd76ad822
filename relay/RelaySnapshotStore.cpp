// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayStore's snapshots and compaction (docs/relay.md, "Snapshots and compaction"): the parts of an
// upload, the organisation's current snapshot, and deleting the changes it covers once every
// approved computer has read them. The join, changes and key grants are in RelaySyncStore.cpp.

#include "RelayStore.h"
#include "RelayStoreSql.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcRelay)

namespace kengele::relay {

namespace {

// Uploads left unfinished this long are dropped (their parts with them).
constexpr qint64 StaleUploadMs = 24LL * 3600 * 1000;

using storesql::conflict;
using storesql::eventData;
using storesql::storageProblem;

} // namespace

std::expected<SnapshotRecord, SyncProblem> RelayStore::putSnapshotPart(const Device &device, int part, int parts, qint64 covers,
                                                                       qint64 epoch, const QByteArray &data, qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(device.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    auto run = [&](QSqlQuery &query) -> bool {
        return query.exec();
    };
    // Uploads left unfinished for a day are dropped (their parts with them).
    {
        QSqlQuery stale(db);
        stale.prepare(QStringLiteral("DELETE FROM snapshots WHERE org_id = ? AND completed_at IS NULL AND created_at < ?"));
        stale.addBindValue(device.orgId);
        stale.addBindValue(now - StaleUploadMs);
        if (!run(stale))
            return fail(storageProblem(error(stale)));
    }
    QSqlQuery org(db);
    org.prepare(QStringLiteral("SELECT last_change_seq, changes_compacted FROM orgs WHERE id = ?"));
    org.addBindValue(device.orgId);
    if (!org.exec() || !org.next())
        return fail(storageProblem(error(org)));
    const qint64 lastChange = org.value(0).toLongLong();
    const qint64 compacted = org.value(1).toLongLong();
    org.finish();
    SnapshotRecord record;
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id, created_at, completed_at FROM snapshots WHERE org_id = ? AND device_id = ?"
                                " AND covers = ? AND epoch = ? AND parts = ? ORDER BY id DESC LIMIT 1"));
    find.addBindValue(device.orgId);
    find.addBindValue(device.id);
    find.addBindValue(covers);
    find.addBindValue(epoch);
    find.addBindValue(parts);
    if (!find.exec())
        return fail(storageProblem(error(find)));
    if (find.next()) {
        record.id = find.value(0).toLongLong();
        record.createdAt = find.value(1).toLongLong();
        record.completedAt = find.value(2).toLongLong();
    }
    find.finish();
    if (record.completedAt != 0) {
        // Already complete: the same part again is a retry; anything else is refused.
        QSqlQuery same(db);
        same.prepare(QStringLiteral("SELECT data FROM snapshot_parts WHERE snapshot_id = ? AND part = ?"));
        same.addBindValue(record.id);
        same.addBindValue(part);
        if (!same.exec())
            return fail(storageProblem(error(same)));
        const bool retry = same.next() && same.value(0).toByteArray() == data;
        same.finish();
        db.rollback();
        if (!retry)
            return std::unexpected(
                conflict(QStringLiteral("snapshot_complete"), QStringLiteral("This snapshot is already complete.")));
        const auto current = currentSnapshot(device.orgId);
        if (current && *current && (*current)->id == record.id)
            return **current;
        return std::unexpected(conflict(QStringLiteral("snapshot_old"), QStringLiteral("A newer snapshot replaced this one.")));
    }
    if (covers > lastChange)
        return fail(conflict(
            QStringLiteral("snapshot_ahead"),
            QStringLiteral("The snapshot says it covers change %1, but the relay has only %2.").arg(covers).arg(lastChange)));
    qint64 newest = compacted;
    if (const auto current = currentSnapshot(device.orgId); current && *current)
        newest = std::max(newest, (*current)->covers);
    if (covers <= newest)
        return fail(conflict(QStringLiteral("snapshot_old"),
                             QStringLiteral("A snapshot covering change %1 is already there.").arg(newest)));
    if (record.id == 0) {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO snapshots (org_id, device_id, covers, epoch, parts, bytes, created_at,"
                                      " completed_at) VALUES (?, ?, ?, ?, ?, 0, ?, NULL)")
                       + (m_postgres ? QStringLiteral(" RETURNING id") : QString()));
        insert.addBindValue(device.orgId);
        insert.addBindValue(device.id);
        insert.addBindValue(covers);
        insert.addBindValue(epoch);
        insert.addBindValue(parts);
        insert.addBindValue(now);
        if (!insert.exec())
            return fail(storageProblem(error(insert)));
        record.id = m_postgres ? (insert.next() ? insert.value(0).toLongLong() : 0) : insert.lastInsertId().toLongLong();
        record.createdAt = now;
        if (record.id == 0)
            return fail(storageProblem(QStringLiteral("no id for the new snapshot")));
    }
    QSqlQuery put(db);
    put.prepare(QStringLiteral("INSERT INTO snapshot_parts (snapshot_id, part, data) VALUES (?, ?, ?)"
                               " ON CONFLICT (snapshot_id, part) DO UPDATE SET data = excluded.data"));
    put.addBindValue(record.id);
    put.addBindValue(part);
    put.addBindValue(data);
    if (!put.exec())
        return fail(storageProblem(error(put)));
    QSqlQuery count(db);
    count.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(LENGTH(data)), 0) FROM snapshot_parts WHERE snapshot_id = ?"));
    count.addBindValue(record.id);
    if (!count.exec() || !count.next())
        return fail(storageProblem(error(count)));
    record.received = count.value(0).toInt();
    record.bytes = count.value(1).toLongLong();
    count.finish();
    record.deviceId = device.id;
    record.covers = covers;
    record.epoch = epoch;
    record.parts = parts;
    QSqlQuery size(db);
    size.prepare(QStringLiteral("UPDATE snapshots SET bytes = ? WHERE id = ?"));
    size.addBindValue(record.bytes);
    size.addBindValue(record.id);
    if (!size.exec())
        return fail(storageProblem(error(size)));
    if (record.received == parts) {
        // Complete: it becomes the organisation's snapshot; older ones go, and so do the changes
        // it covers (a device behind it starts again from this snapshot).
        record.completedAt = now;
        const QList<std::pair<QString, QVariantList>> steps = {
            {QStringLiteral("UPDATE snapshots SET completed_at = ? WHERE id = ?"), {now, record.id}},
            {QStringLiteral("DELETE FROM snapshot_parts WHERE snapshot_id IN (SELECT id FROM snapshots WHERE org_id = ?"
                            " AND id <> ? AND (completed_at IS NOT NULL OR covers <= ?))"),
             {device.orgId, record.id, covers}},
            {QStringLiteral("DELETE FROM snapshots WHERE org_id = ? AND id <> ? AND (completed_at IS NOT NULL OR covers <= ?)"),
             {device.orgId, record.id, covers}},
        };
        for (const auto &[sql, values] : steps) {
            QSqlQuery step(db);
            step.prepare(sql);
            for (const QVariant &value : values)
                step.addBindValue(value);
            if (!step.exec())
                return fail(storageProblem(error(step)));
        }
        const auto deleted = compactChanges(device.orgId, covers, now);
        if (!deleted)
            return fail(storageProblem(deleted.error()));
        record.deletedChanges = *deleted;
        const OwnEvent event{QStringLiteral("snapshot.ready"), QStringLiteral("snapshot:%1").arg(record.id),
                             eventData({{QStringLiteral("snapshot"), record.id},
                                        {QStringLiteral("covers"), covers},
                                        {QStringLiteral("epoch"), epoch},
                                        {QStringLiteral("by"), device.id}})};
        if (auto appended = appendLocked(device.orgId, {event}, now); !appended)
            return fail(storageProblem(appended.error()));
        notifyOrg(device.orgId);
    }
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return record;
}

std::expected<qint64, QString> RelayStore::compactChanges(const QString &orgId, qint64 covers, qint64 now)
{
    QSqlDatabase db = database();
    QSqlQuery slowest(db);
    slowest.prepare(QStringLiteral("SELECT MIN(changes_seen) FROM devices WHERE org_id = ? AND approved_at IS NOT NULL"
                                   " AND revoked_at IS NULL AND changes_seen > 0 AND COALESCE(last_seen_at, 0) >= ?"));
    slowest.addBindValue(orgId);
    slowest.addBindValue(now - HoldCompactionDays * 24 * 3600 * 1000);
    if (!slowest.exec())
        return std::unexpected(error(slowest));
    qint64 through = covers;
    if (slowest.next() && !slowest.value(0).isNull())
        through = std::min(through, slowest.value(0).toLongLong());
    slowest.finish();
    QSqlQuery org(db);
    org.prepare(QStringLiteral("SELECT changes_compacted FROM orgs WHERE id = ?"));
    org.addBindValue(orgId);
    if (!org.exec() || !org.next())
        return std::unexpected(error(org));
    const qint64 compacted = org.value(0).toLongLong();
    org.finish();
    if (through <= compacted)
        return 0;
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM changes WHERE org_id = ? AND seq <= ?"));
    remove.addBindValue(orgId);
    remove.addBindValue(through);
    if (!remove.exec())
        return std::unexpected(error(remove));
    const qint64 deleted = remove.numRowsAffected();
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE orgs SET changes_compacted = ? WHERE id = ?"));
    mark.addBindValue(through);
    mark.addBindValue(orgId);
    if (!mark.exec())
        return std::unexpected(error(mark));
    return deleted;
}

std::expected<void, QString> RelayStore::noteChangesSeen(const Device &device, qint64 after, qint64 now)
{
    QSqlQuery &seen = prepared(QStringLiteral("UPDATE devices SET changes_seen = ? WHERE id = ? AND changes_seen < ?"));
    seen.bindValue(0, after);
    seen.bindValue(1, device.id);
    seen.bindValue(2, after);
    if (!seen.exec())
        return std::unexpected(error(seen));
    const bool moved = seen.numRowsAffected() > 0;
    seen.finish();
    if (!moved)
        return {};
    // Only when a snapshot covers more than has been deleted so far.
    const auto current = currentSnapshot(device.orgId);
    if (!current)
        return std::unexpected(current.error());
    if (!*current)
        return {};
    QSqlDatabase db = database();
    if (auto locked = beginLocked(device.orgId); !locked)
        return std::unexpected(locked.error().message);
    const auto deleted = compactChanges(device.orgId, (*current)->covers, now);
    if (!deleted) {
        db.rollback();
        return std::unexpected(deleted.error());
    }
    if (!db.commit()) {
        const QString why = error(db.lastError());
        db.rollback();
        return std::unexpected(why);
    }
    if (*deleted > 0)
        qCInfo(lcRelay).noquote() << QLatin1String("changes compacted org=") + device.orgId
                                  << QLatin1String("deleted=") + QString::number(*deleted);
    return {};
}

std::expected<std::optional<SnapshotRecord>, QString> RelayStore::currentSnapshot(const QString &orgId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id, device_id, covers, epoch, parts, bytes, created_at, completed_at FROM snapshots"
                                 " WHERE org_id = ? AND completed_at IS NOT NULL ORDER BY covers DESC, id DESC LIMIT 1"));
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    if (!query.next())
        return std::optional<SnapshotRecord>();
    SnapshotRecord record;
    record.id = query.value(0).toLongLong();
    record.deviceId = query.value(1).toString();
    record.covers = query.value(2).toLongLong();
    record.epoch = query.value(3).toLongLong();
    record.parts = query.value(4).toInt();
    record.received = record.parts;
    record.bytes = query.value(5).toLongLong();
    record.createdAt = query.value(6).toLongLong();
    record.completedAt = query.value(7).toLongLong();
    return std::optional<SnapshotRecord>(record);
}

std::expected<std::optional<QByteArray>, QString> RelayStore::snapshotPart(const QString &orgId, qint64 snapshotId, int part)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT p.data FROM snapshot_parts p JOIN snapshots s ON s.id = p.snapshot_id"
                                 " WHERE s.org_id = ? AND s.id = ? AND s.completed_at IS NOT NULL AND p.part = ?"));
    query.addBindValue(orgId);
    query.addBindValue(snapshotId);
    query.addBindValue(part);
    if (!query.exec())
        return std::unexpected(error(query));
    if (!query.next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(query.value(0).toByteArray());
}

} // namespace kengele::relay
