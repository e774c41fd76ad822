// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayStore's part for several computers of one congregation (docs/relay.md, "Sync between a
// church's computers"): the join mailbox, the change batches, removing a computer, the key grants
// and the snapshots. Every payload is kept as it came (base64 text or ciphertext bytes) and never
// read. Each step locks the organisation's row first (the same order as the event log), so the
// steps of one organisation are serialised, also between relay processes on PostgreSQL.
#include "RelayStore.h"
#include "RelayStoreSql.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QVariant>

namespace kengele::relay {

namespace {

using storesql::conflict;
using storesql::eventData;
using storesql::notFound;
using storesql::storageProblem;

QString digestOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

const char JoinColumns[] = "device_id, org_id, state, commitment, approver, approver_keys, reveal, sealed_grant, version,"
                           " created_at, updated_at";

JoinRecord joinFrom(const QSqlQuery &query)
{
    JoinRecord join;
    join.deviceId = query.value(0).toString();
    join.orgId = query.value(1).toString();
    join.state = query.value(2).toString();
    join.commitment = query.value(3).toString();
    join.approver = query.value(4).toString();
    join.approverKeys = query.value(5).toString();
    join.reveal = query.value(6).toString();
    join.grant = query.value(7).toString();
    join.version = query.value(8).toLongLong();
    join.createdAt = query.value(9).toLongLong();
    join.updatedAt = query.value(10).toLongLong();
    return join;
}

} // namespace

std::expected<void, SyncProblem> RelayStore::beginLocked(const QString &orgId)
{
    QSqlDatabase db = database();
    if (!begin())
        return std::unexpected(storageProblem(error(db.lastError())));
    QSqlQuery lock(db);
    lock.prepare(m_postgres ? QStringLiteral("SELECT id FROM orgs WHERE id = ? FOR UPDATE")
                            : QStringLiteral("SELECT id FROM orgs WHERE id = ?"));
    lock.addBindValue(orgId);
    if (!lock.exec())
        return storesql::rolledBack(db, storageProblem(error(lock)));
    if (!lock.next())
        return storesql::rolledBack(db, notFound(QStringLiteral("There is no organisation %1.").arg(orgId)));
    return {};
}

std::expected<qint64, QString> RelayStore::bumpJoinVersion(const QString &orgId)
{
    QSqlQuery bump(database());
    bump.prepare(QStringLiteral("UPDATE orgs SET join_version = join_version + 1 WHERE id = ?"));
    bump.addBindValue(orgId);
    if (!bump.exec())
        return std::unexpected(error(bump));
    QSqlQuery read(database());
    read.prepare(QStringLiteral("SELECT join_version FROM orgs WHERE id = ?"));
    read.addBindValue(orgId);
    if (!read.exec() || !read.next())
        return std::unexpected(error(read));
    return read.value(0).toLongLong();
}

std::expected<std::optional<JoinRecord>, QString> RelayStore::joinRow(const QString &deviceId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM joins WHERE device_id = ?").arg(QLatin1String(JoinColumns)));
    query.addBindValue(deviceId);
    if (!query.exec())
        return std::unexpected(error(query));
    if (!query.next())
        return std::optional<JoinRecord>();
    return std::optional<JoinRecord>(joinFrom(query));
}

std::expected<void, QString> RelayStore::saveJoin(const JoinRecord &join)
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("INSERT INTO joins (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
                       " state = excluded.state, commitment = excluded.commitment, approver = excluded.approver,"
                       " approver_keys = excluded.approver_keys, reveal = excluded.reveal, sealed_grant = excluded.sealed_grant,"
                       " version = excluded.version, updated_at = excluded.updated_at")
            .arg(QLatin1String(JoinColumns)));
    auto text = [](const QString &value) {
        return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
    };
    query.addBindValue(join.deviceId);
    query.addBindValue(join.orgId);
    query.addBindValue(join.state);
    query.addBindValue(storesql::storable(join.commitment));
    query.addBindValue(text(join.approver));
    query.addBindValue(text(join.approverKeys));
    query.addBindValue(text(join.reveal));
    query.addBindValue(text(join.grant));
    query.addBindValue(join.version);
    query.addBindValue(join.createdAt);
    query.addBindValue(join.updatedAt);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

void RelayStore::notifyOrg(const QString &orgId)
{
    if (!m_postgres)
        return;
    // Delivered to the other relay processes when the transaction commits (their long polls wake).
    QSqlQuery notify(database());
    notify.prepare(QStringLiteral("SELECT pg_notify('kengele_events', ?)"));
    notify.addBindValue(orgId);
    notify.exec();
}

namespace {

// A device of the organisation (any other id, or another organisation's, is not found).
std::optional<Device> deviceInOrg(const QSqlDatabase &db, const QString &orgId, const QString &deviceId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, org_id, name, created_at, last_seen_at, revoked_at, approved_at FROM devices"
                                 " WHERE id = ? AND org_id = ?"));
    query.addBindValue(deviceId);
    query.addBindValue(orgId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Device{query.value(0).toString(),   query.value(1).toString(),   query.value(2).toString(),
                  query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toLongLong(),
                  query.value(6).toLongLong()};
}

} // namespace

std::expected<JoinRecord, SyncProblem> RelayStore::joinCommit(const Device &newcomer, const QString &commitment, qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(newcomer.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    const auto current = deviceInOrg(db, newcomer.orgId, newcomer.id);
    if (!current || current->revokedAt != 0)
        return fail(notFound(QStringLiteral("This computer was removed.")));
    if (current->approved())
        return fail(conflict(QStringLiteral("already_approved"), QStringLiteral("This computer is already approved.")));
    const auto row = joinRow(newcomer.id);
    if (!row)
        return fail(storageProblem(row.error()));
    if (*row && (*row)->commitment == commitment) {
        db.rollback();
        return **row; // the same commitment again: a retry
    }
    if (*row && (*row)->state != QLatin1String("committed"))
        return fail(conflict(QStringLiteral("join_order"),
                             QStringLiteral("An approving computer has already answered this computer's commitment; it "
                                            "cannot be changed now.")));
    JoinRecord join = *row ? **row : JoinRecord{};
    join.deviceId = newcomer.id;
    join.orgId = newcomer.orgId;
    join.state = QStringLiteral("committed");
    join.commitment = commitment;
    if (join.createdAt == 0)
        join.createdAt = now;
    join.updatedAt = now;
    const auto version = bumpJoinVersion(newcomer.orgId);
    if (!version)
        return fail(storageProblem(version.error()));
    join.version = *version;
    if (auto saved = saveJoin(join); !saved)
        return fail(storageProblem(saved.error()));
    const OwnEvent event{QStringLiteral("device.join"), QStringLiteral("join:%1:%2").arg(newcomer.id).arg(join.version),
                         eventData({{QStringLiteral("device"), newcomer.id}})};
    if (auto appended = appendLocked(newcomer.orgId, {event}, now); !appended)
        return fail(storageProblem(appended.error()));
    notifyOrg(newcomer.orgId);
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return join;
}

std::expected<std::optional<JoinRecord>, QString> RelayStore::joinState(const QString &deviceId)
{
    return joinRow(deviceId);
}

std::expected<JoinRecord, SyncProblem> RelayStore::joinKeys(const Device &approver, const QString &deviceId, const QString &keys,
                                                            qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(approver.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    const auto target = deviceInOrg(db, approver.orgId, deviceId);
    if (!target || target->revokedAt != 0)
        return fail(notFound(QStringLiteral("There is no computer %1 waiting to join this organisation.").arg(deviceId)));
    if (target->approved())
        return fail(
            conflict(QStringLiteral("already_approved"), QStringLiteral("Computer %1 is already approved.").arg(deviceId)));
    const auto row = joinRow(deviceId);
    if (!row)
        return fail(storageProblem(row.error()));
    if (!*row)
        return fail(conflict(QStringLiteral("join_order"),
                             QStringLiteral("Computer %1 has not asked to join yet (no commitment).").arg(deviceId)));
    JoinRecord join = **row;
    if (join.state != QLatin1String("committed")) {
        if (join.approver != approver.id)
            return fail(conflict(QStringLiteral("join_taken"),
                                 QStringLiteral("Another computer (%1) is already approving %2.").arg(join.approver, deviceId)));
        if (join.approverKeys == keys) {
            db.rollback();
            return join; // a retry
        }
        return fail(
            conflict(QStringLiteral("join_order"), QStringLiteral("This computer already sent other keys to %1.").arg(deviceId)));
    }
    join.state = QStringLiteral("keys");
    join.approver = approver.id;
    join.approverKeys = keys;
    join.updatedAt = now;
    const auto version = bumpJoinVersion(approver.orgId);
    if (!version)
        return fail(storageProblem(version.error()));
    join.version = *version;
    if (auto saved = saveJoin(join); !saved)
        return fail(storageProblem(saved.error()));
    notifyOrg(approver.orgId);
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return join;
}

std::expected<JoinRecord, SyncProblem> RelayStore::joinReveal(const Device &newcomer, const QString &reveal, qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(newcomer.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    const auto row = joinRow(newcomer.id);
    if (!row)
        return fail(storageProblem(row.error()));
    if (!*row)
        return fail(conflict(QStringLiteral("join_order"), QStringLiteral("Send the commitment first (POST /v1/join).")));
    JoinRecord join = **row;
    if (join.state == QLatin1String("committed"))
        return fail(conflict(QStringLiteral("join_order"),
                             QStringLiteral("No approving computer has sent its keys yet; reveal after it has.")));
    if (join.state != QLatin1String("keys")) {
        if (join.reveal == reveal) {
            db.rollback();
            return join; // a retry
        }
        return fail(conflict(QStringLiteral("join_order"), QStringLiteral("This computer has already revealed its key.")));
    }
    join.state = QStringLiteral("revealed");
    join.reveal = reveal;
    join.updatedAt = now;
    const auto version = bumpJoinVersion(newcomer.orgId);
    if (!version)
        return fail(storageProblem(version.error()));
    join.version = *version;
    if (auto saved = saveJoin(join); !saved)
        return fail(storageProblem(saved.error()));
    notifyOrg(newcomer.orgId);
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return join;
}

std::expected<JoinRecord, SyncProblem> RelayStore::joinApprove(const Device &approver, const QString &deviceId,
                                                               const QString &grant, qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(approver.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    const auto target = deviceInOrg(db, approver.orgId, deviceId);
    if (!target || target->revokedAt != 0)
        return fail(notFound(QStringLiteral("There is no computer %1 waiting to join this organisation.").arg(deviceId)));
    const auto row = joinRow(deviceId);
    if (!row)
        return fail(storageProblem(row.error()));
    if (!*row)
        return fail(conflict(QStringLiteral("join_order"),
                             QStringLiteral("Computer %1 has not asked to join yet (no commitment).").arg(deviceId)));
    JoinRecord join = **row;
    if (join.state == QLatin1String("approved") && join.approver == approver.id && join.grant == grant) {
        db.rollback();
        return join; // a retry
    }
    if (target->approved() || join.state == QLatin1String("approved"))
        return fail(
            conflict(QStringLiteral("already_approved"), QStringLiteral("Computer %1 is already approved.").arg(deviceId)));
    if (join.approver != approver.id && !join.approver.isEmpty())
        return fail(conflict(QStringLiteral("join_taken"),
                             QStringLiteral("Another computer (%1) is approving %2.").arg(join.approver, deviceId)));
    if (join.state != QLatin1String("revealed"))
        return fail(conflict(QStringLiteral("join_order"),
                             join.state == QLatin1String("committed")
                                 ? QStringLiteral("Send this computer's keys to %1 first.").arg(deviceId)
                                 : QStringLiteral("Computer %1 has not revealed its key yet.").arg(deviceId)));
    QSqlQuery approve(db);
    approve.prepare(QStringLiteral("UPDATE devices SET approved_at = ? WHERE id = ? AND approved_at IS NULL"));
    approve.addBindValue(now);
    approve.addBindValue(deviceId);
    if (!approve.exec())
        return fail(storageProblem(error(approve)));
    join.state = QStringLiteral("approved");
    join.grant = grant;
    join.updatedAt = now;
    const auto version = bumpJoinVersion(approver.orgId);
    if (!version)
        return fail(storageProblem(version.error()));
    join.version = *version;
    if (auto saved = saveJoin(join); !saved)
        return fail(storageProblem(saved.error()));
    const OwnEvent event{QStringLiteral("device.approved"), QStringLiteral("approved:") + deviceId,
                         eventData({{QStringLiteral("device"), deviceId}, {QStringLiteral("by"), approver.id}})};
    if (auto appended = appendLocked(approver.orgId, {event}, now); !appended)
        return fail(storageProblem(appended.error()));
    notifyOrg(approver.orgId);
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return join;
}

std::expected<JoinRecord, SyncProblem> RelayStore::joinRefuse(const Device &approver, const QString &deviceId, qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(approver.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    const auto target = deviceInOrg(db, approver.orgId, deviceId);
    if (!target)
        return fail(notFound(QStringLiteral("There is no computer %1 waiting to join this organisation.").arg(deviceId)));
    if (target->approved())
        return fail(conflict(QStringLiteral("already_approved"),
                             QStringLiteral("Computer %1 is already approved; remove it instead.").arg(deviceId)));
    const auto row = joinRow(deviceId);
    if (!row)
        return fail(storageProblem(row.error()));
    JoinRecord join = *row ? **row : JoinRecord{deviceId, approver.orgId, {}, {}, {}, {}, {}, {}, 0, now, now, {}, 0};
    if (target->revokedAt != 0 && join.state == QLatin1String("refused")) {
        db.rollback();
        return join; // a retry
    }
    QSqlQuery revoke(db);
    revoke.prepare(QStringLiteral("UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?"));
    revoke.addBindValue(now);
    revoke.addBindValue(deviceId);
    if (!revoke.exec())
        return fail(storageProblem(error(revoke)));
    join.state = QStringLiteral("refused");
    join.updatedAt = now;
    const auto version = bumpJoinVersion(approver.orgId);
    if (!version)
        return fail(storageProblem(version.error()));
    join.version = *version;
    if (auto saved = saveJoin(join); !saved)
        return fail(storageProblem(saved.error()));
    const OwnEvent event{QStringLiteral("device.refused"), QStringLiteral("refused:") + deviceId,
                         eventData({{QStringLiteral("device"), deviceId}, {QStringLiteral("by"), approver.id}})};
    if (auto appended = appendLocked(approver.orgId, {event}, now); !appended)
        return fail(storageProblem(appended.error()));
    notifyOrg(approver.orgId);
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return join;
}

std::expected<JoinRequestList, QString> RelayStore::joinRequests(const QString &orgId)
{
    JoinRequestList list;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT j.device_id, j.org_id, j.state, j.commitment, j.approver, j.approver_keys, j.reveal,"
                                 " j.sealed_grant, j.version, j.created_at, j.updated_at, d.name, d.created_at"
                                 " FROM joins j JOIN devices d ON d.id = j.device_id WHERE j.org_id = ?"
                                 " AND d.approved_at IS NULL AND d.revoked_at IS NULL ORDER BY j.created_at, j.device_id"));
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    while (query.next()) {
        JoinRecord join = joinFrom(query);
        join.deviceName = query.value(11).toString();
        join.enrolledAt = query.value(12).toLongLong();
        list.requests.append(join);
    }
    QSqlQuery version(database());
    version.prepare(QStringLiteral("SELECT join_version FROM orgs WHERE id = ?"));
    version.addBindValue(orgId);
    if (!version.exec() || !version.next())
        return std::unexpected(error(version));
    list.version = version.value(0).toLongLong();
    return list;
}

std::expected<void, SyncProblem> RelayStore::removeDevice(const Device &by, const QString &deviceId, qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(by.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    const auto target = deviceInOrg(db, by.orgId, deviceId);
    if (!target)
        return fail(notFound(QStringLiteral("There is no computer %1 in this organisation.").arg(deviceId)));
    if (target->revokedAt != 0) {
        db.rollback();
        return {}; // already removed: a retry
    }
    QSqlQuery revoke(db);
    revoke.prepare(QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    revoke.addBindValue(now);
    revoke.addBindValue(deviceId);
    if (!revoke.exec())
        return fail(storageProblem(error(revoke)));
    const OwnEvent event{QStringLiteral("device.removed"), QStringLiteral("removed:") + deviceId,
                         eventData({{QStringLiteral("device"), deviceId}, {QStringLiteral("by"), by.id}})};
    if (auto appended = appendLocked(by.orgId, {event}, now); !appended)
        return fail(storageProblem(appended.error()));
    notifyOrg(by.orgId);
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return {};
}

std::expected<bool, QString> RelayStore::approveDevice(const QString &deviceId, qint64 now)
{
    QSqlDatabase db = database();
    if (!begin())
        return std::unexpected(error(db.lastError()));
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT org_id FROM devices WHERE id = ? AND approved_at IS NULL AND revoked_at IS NULL"));
    find.addBindValue(deviceId);
    if (!find.exec())
        return storesql::rolledBack(db, error(find));
    if (!find.next()) {
        db.rollback();
        return false;
    }
    const QString orgId = find.value(0).toString();
    find.finish();
    QSqlQuery approve(db);
    approve.prepare(QStringLiteral("UPDATE devices SET approved_at = ? WHERE id = ? AND approved_at IS NULL"));
    approve.addBindValue(now);
    approve.addBindValue(deviceId);
    if (!approve.exec())
        return storesql::rolledBack(db, error(approve));
    const OwnEvent event{QStringLiteral("device.approved"), QStringLiteral("approved:") + deviceId,
                         eventData({{QStringLiteral("device"), deviceId}, {QStringLiteral("by"), QStringLiteral("operator")}})};
    if (auto appended = appendLocked(orgId, {event}, now); !appended)
        return storesql::rolledBack(db, appended.error());
    if (!db.commit())
        return storesql::rolledBack(db, error(db.lastError()));
    return true;
}

std::expected<ChangeReceipt, SyncProblem> RelayStore::postChange(const Device &device, qint64 deviceSeq, qint64 epoch,
                                                                 const QByteArray &batch, qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(device.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    QSqlQuery last(db);
    last.prepare(QStringLiteral("SELECT last_device_seq, revoked_at, approved_at FROM devices WHERE id = ?"));
    last.addBindValue(device.id);
    if (!last.exec() || !last.next())
        return fail(storageProblem(error(last)));
    if (last.value(1).toLongLong() != 0 || last.value(2).toLongLong() == 0) // removed meanwhile
        return fail(notFound(QStringLiteral("This computer was removed.")));
    const qint64 lastSeq = last.value(0).toLongLong();
    const QString digest = digestOf(batch);
    if (deviceSeq <= lastSeq) {
        QSqlQuery earlier(db);
        earlier.prepare(
            QStringLiteral("SELECT seq, epoch, digest, received_at FROM changes WHERE device_id = ? AND device_seq = ?"));
        earlier.addBindValue(device.id);
        earlier.addBindValue(deviceSeq);
        if (!earlier.exec())
            return fail(storageProblem(error(earlier)));
        const bool found = earlier.next();
        const ChangeReceipt receipt{found ? earlier.value(0).toLongLong() : 0, deviceSeq, epoch,
                                    found ? earlier.value(3).toLongLong() : 0, !found};
        const bool same = found && earlier.value(2).toString() == digest && earlier.value(1).toLongLong() == epoch;
        earlier.finish();
        db.rollback();
        if (found && !same)
            return std::unexpected(conflict(
                QStringLiteral("seq_conflict"),
                QStringLiteral("Batch %1 of this computer was already received with different contents.").arg(deviceSeq)));
        return receipt; // the same batch again (or one folded into a snapshot since): a retry
    }
    if (deviceSeq != lastSeq + 1)
        return fail(
            conflict(QStringLiteral("seq_gap"),
                     QStringLiteral("The relay expects batch %1 of this computer next, not %2.").arg(lastSeq + 1).arg(deviceSeq),
                     lastSeq + 1));
    QSqlQuery orgSeq(db);
    orgSeq.prepare(QStringLiteral("SELECT last_change_seq FROM orgs WHERE id = ?"));
    orgSeq.addBindValue(device.orgId);
    if (!orgSeq.exec() || !orgSeq.next())
        return fail(storageProblem(error(orgSeq)));
    const qint64 seq = orgSeq.value(0).toLongLong() + 1;
    orgSeq.finish();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO changes (org_id, seq, device_id, device_seq, epoch, batch, digest, received_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(device.orgId);
    insert.addBindValue(seq);
    insert.addBindValue(device.id);
    insert.addBindValue(deviceSeq);
    insert.addBindValue(epoch);
    insert.addBindValue(batch);
    insert.addBindValue(digest);
    insert.addBindValue(now);
    if (!insert.exec())
        return fail(storageProblem(error(insert)));
    QSqlQuery advance(db);
    advance.prepare(QStringLiteral("UPDATE orgs SET last_change_seq = ? WHERE id = ?"));
    advance.addBindValue(seq);
    advance.addBindValue(device.orgId);
    if (!advance.exec())
        return fail(storageProblem(error(advance)));
    QSqlQuery mine(db);
    mine.prepare(QStringLiteral("UPDATE devices SET last_device_seq = ? WHERE id = ?"));
    mine.addBindValue(deviceSeq);
    mine.addBindValue(device.id);
    if (!mine.exec())
        return fail(storageProblem(error(mine)));
    notifyOrg(device.orgId);
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return ChangeReceipt{seq, deviceSeq, epoch, now, false};
}

std::expected<ChangePage, QString> RelayStore::changesAfter(const QString &orgId, qint64 after, int limit, qint64 maxBytes)
{
    ChangePage page;
    QSqlQuery &compacted = prepared(QStringLiteral("SELECT changes_compacted FROM orgs WHERE id = ?"));
    compacted.bindValue(0, orgId);
    if (!compacted.exec())
        return std::unexpected(error(compacted));
    page.compactedThrough = compacted.next() ? compacted.value(0).toLongLong() : 0;
    compacted.finish();
    // First the sizes only, to choose how many fit in the answer; then those batches.
    QSqlQuery &sizes
        = prepared(QStringLiteral("SELECT seq, LENGTH(batch) FROM changes WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?"));
    sizes.bindValue(0, orgId);
    sizes.bindValue(1, after);
    sizes.bindValue(2, limit + 1);
    if (!sizes.exec())
        return std::unexpected(error(sizes));
    qint64 through = after;
    qint64 bytes = 0;
    int count = 0;
    while (sizes.next()) {
        const qint64 size = sizes.value(1).toLongLong();
        if (count == limit || (count > 0 && bytes + size > maxBytes)) {
            page.more = true;
            break;
        }
        bytes += size;
        ++count;
        through = sizes.value(0).toLongLong();
    }
    sizes.finish();
    if (count == 0)
        return page;
    QSqlQuery &rows = prepared(QStringLiteral("SELECT seq, device_id, device_seq, epoch, batch, received_at FROM changes"
                                              " WHERE org_id = ? AND seq > ? AND seq <= ? ORDER BY seq"));
    rows.bindValue(0, orgId);
    rows.bindValue(1, after);
    rows.bindValue(2, through);
    if (!rows.exec())
        return std::unexpected(error(rows));
    while (rows.next())
        page.changes.append({rows.value(0).toLongLong(), rows.value(1).toString(), rows.value(2).toLongLong(),
                             rows.value(3).toLongLong(), rows.value(4).toByteArray(), rows.value(5).toLongLong()});
    rows.finish();
    return page;
}

std::expected<int, SyncProblem> RelayStore::putKeyGrants(const Device &from, qint64 epoch,
                                                         const QList<std::pair<QString, QString>> &grants, qint64 now)
{
    QSqlDatabase db = database();
    if (auto locked = beginLocked(from.orgId); !locked)
        return std::unexpected(locked.error());
    auto fail = [&](SyncProblem problem) {
        return storesql::rolledBack(db, std::move(problem));
    };
    int stored = 0;
    for (const auto &[deviceId, grant] : grants) {
        const auto target = deviceInOrg(db, from.orgId, deviceId);
        if (!target)
            return fail(notFound(QStringLiteral("There is no computer %1 in this organisation.").arg(deviceId)));
        if (target->revokedAt != 0)
            return fail(conflict(QStringLiteral("device_removed"),
                                 QStringLiteral("Computer %1 was removed; it gets no keys.").arg(deviceId)));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO key_grants (device_id, org_id, epoch, from_device, sealed_grant, received_at)"
                                      " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, epoch, from_device) DO NOTHING"));
        insert.addBindValue(deviceId);
        insert.addBindValue(from.orgId);
        insert.addBindValue(epoch);
        insert.addBindValue(from.id);
        insert.addBindValue(grant);
        insert.addBindValue(now);
        if (!insert.exec())
            return fail(storageProblem(error(insert)));
        if (insert.numRowsAffected() == 1) {
            ++stored;
            continue;
        }
        QSqlQuery same(db);
        same.prepare(QStringLiteral("SELECT sealed_grant FROM key_grants WHERE device_id = ? AND epoch = ? AND from_device = ?"));
        same.addBindValue(deviceId);
        same.addBindValue(epoch);
        same.addBindValue(from.id);
        if (!same.exec() || !same.next())
            return fail(storageProblem(error(same)));
        if (same.value(0).toString() != grant)
            return fail(
                conflict(QStringLiteral("grant_conflict"),
                         QStringLiteral("This computer already gave %1 a different key for epoch %2.").arg(deviceId).arg(epoch)));
    }
    const OwnEvent event{QStringLiteral("keys.rotated"), QStringLiteral("keys:%1:%2").arg(epoch).arg(from.id),
                         eventData({{QStringLiteral("epoch"), epoch}, {QStringLiteral("by"), from.id}})};
    if (auto appended = appendLocked(from.orgId, {event}, now); !appended)
        return fail(storageProblem(appended.error()));
    notifyOrg(from.orgId);
    if (!db.commit())
        return fail(storageProblem(error(db.lastError())));
    return stored;
}

std::expected<QList<KeyGrantRecord>, QString> RelayStore::keyGrants(const QString &deviceId, qint64 afterEpoch)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT epoch, from_device, sealed_grant, received_at FROM key_grants WHERE device_id = ?"
                                 " AND epoch > ? ORDER BY epoch, received_at, from_device"));
    query.addBindValue(deviceId);
    query.addBindValue(afterEpoch);
    if (!query.exec())
        return std::unexpected(error(query));
    QList<KeyGrantRecord> grants;
    while (query.next())
        grants.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(), query.value(3).toLongLong()});
    return grants;
}

} // namespace kengele::relay
