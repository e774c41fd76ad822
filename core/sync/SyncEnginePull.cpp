// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sync engine's pull side and where it stands (docs/architecture.md, "Several computers: the
// sync engine"): status, the cursor and each computer's progress; reading
// the relay's change feed page by page, taking in new key epochs, opening and applying other
// computers' batches with their progress and the cursor in one transaction, and parking what
// cannot be opened yet. Joining and pushing stay in SyncEngine.cpp, computers in
// SyncEngineDevices.cpp, snapshots in SyncEngineSnapshots.cpp.

#include "SyncEngine.h"

#include "ChangeLog.h"
#include "KeyGrant.h"
#include "RelayClient.h"
#include "SyncLog.h"
#include "SyncOpCodec.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace kengele {

// --- status ------------------------------------------------------------------------------------

Result<SyncEngineStatus> SyncEngine::status() const
{
    SyncEngineStatus out;
    ChangeLog log(m_database);
    Result<SyncStatus> base = log.status();
    if (!base)
        return std::unexpected(base.error());
    out.pendingOut = base->pendingOut;
    out.lastIn = base->lastIn;
    out.conflicts = base->conflicts;
    out.ready = m_ready;
    out.epoch = m_ring.currentEpoch();
    QSqlQuery q(m_database.connection());
    if (q.exec(u"SELECT waiting, cursor FROM sync_engine WHERE id = 1"_s) && q.next()) {
        out.waitingForApproval = m_waiting || (!m_ready && q.value(0).toInt() == 1);
        out.cursor = q.value(1).toLongLong();
    }
    out.safetyCode = safetyCode();
    if (q.exec(u"SELECT count(*) FROM sync_parked_batches"_s) && q.next())
        out.parked = q.value(0).toLongLong();
    if (q.exec(u"SELECT code, count FROM sync_refusals ORDER BY code"_s)) {
        while (q.next()) {
            out.refusals.insert(q.value(0).toString(), q.value(1).toLongLong());
            out.refused += q.value(1).toLongLong();
        }
    }
    return out;
}

qint64 SyncEngine::cursor() const
{
    QSqlQuery q(m_database.connection());
    if (q.exec(u"SELECT cursor FROM sync_engine WHERE id = 1"_s) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

Status SyncEngine::setCursor(const QSqlDatabase &db, qint64 cursor)
{
    QSqlQuery q(db);
    q.prepare(u"UPDATE sync_engine SET cursor = max(cursor, ?) WHERE id = 1"_s);
    q.addBindValue(cursor);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving how far the changes were read")));
    return {};
}

DeviceProgress SyncEngine::progressOf(const QString &device) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT last_seq, last_epoch FROM sync_peers WHERE device = ?"_s);
    q.addBindValue(device);
    DeviceProgress progress;
    if (q.exec() && q.next()) {
        progress.lastAppliedSeq = quint64(q.value(0).toLongLong());
        progress.lastEpoch = quint32(q.value(1).toLongLong());
    }
    return progress;
}

// --- pull --------------------------------------------------------------------------------------

void SyncEngine::pullUntilCaughtUp(Done done)
{
    QPointer<SyncEngine> self(this);
    pullPage(0, [self, done](Result<bool> more) {
        if (!self)
            return;
        if (!more) {
            done(std::unexpected(more.error()));
            return;
        }
        if (*more) {
            self->pullUntilCaughtUp(done);
            return;
        }
        done({});
    });
}

void SyncEngine::pullPage(int waitSeconds, std::function<void(Result<bool>)> done)
{
    QPointer<SyncEngine> self(this);
    if (m_options.snapshots && !m_snapshotChecked && cursor() == 0) {
        // A computer that has just joined, with nothing yet: from the snapshot, not change by change.
        m_snapshotChecked = true;
        fillFromSnapshot(false, [self, waitSeconds, done](Status filled) {
            if (!self)
                return;
            if (!filled) {
                done(std::unexpected(filled.error()));
                return;
            }
            self->pullPage(waitSeconds, done);
        });
        return;
    }
    m_client.fetchChanges(
        cursor(), waitSeconds, m_options.pageLimit, [self, waitSeconds, done](RelayResult<RelayChangePage> page) {
            if (!self)
                return;
            if (!page && page.error().code == u"compacted"_s && self->m_options.snapshots) {
                // The changes after the cursor were deleted once a snapshot covered them: start from it.
                const qint64 before = self->cursor();
                self->fillFromSnapshot(true, [self, before, waitSeconds, done](Status filled) {
                    if (!self)
                        return;
                    if (!filled) {
                        done(std::unexpected(filled.error()));
                        return;
                    }
                    if (self->cursor() <= before) {
                        done(fail(ErrorCode::Conflict, tr("The relay's snapshot could not be taken in; try again later.")));
                        return;
                    }
                    self->pullPage(waitSeconds, done);
                });
                return;
            }
            if (!page) {
                done(std::unexpected(page.error().toError()));
                return;
            }
            quint32 needed = 0;
            for (const RelayChange &change : page->changes) {
                if (change.device != self->m_deviceId)
                    needed = std::max(needed, quint32(change.epoch));
            }
            auto process = [self, page = *page, done](Status rotated) {
                if (!self)
                    return;
                if (!rotated)
                    qCWarning(lcSync) << "new keys could not be read:" << rotated.error().message;
                int applied = 0;
                for (const RelayChange &change : page.changes) {
                    if (Status processed = self->processChange(change); !processed) {
                        done(std::unexpected(processed.error()));
                        return;
                    }
                    ++applied;
                }
                if (Status retried = self->retryParked(); !retried) {
                    done(std::unexpected(retried.error()));
                    return;
                }
                if (!page.changes.isEmpty())
                    Q_EMIT self->changesApplied();
                done(page.more);
            };
            self->withRotations(needed, process);
        });
}

void SyncEngine::withRotations(quint32 neededEpoch, Done done)
{
    if (neededEpoch <= m_ring.currentEpoch()) {
        done({});
        return;
    }
    QPointer<SyncEngine> self(this);
    m_client.fetchKeyGrants(m_ring.currentEpoch(), [self, done](RelayResult<QList<RelayKeyGrant>> grants) {
        if (!self)
            return;
        if (!grants) {
            done(std::unexpected(grants.error().toError()));
            return;
        }
        const QSqlDatabase db = self->m_database.connection();
        auto lookup = [db](const QString &id) {
            return DeviceRoster::find(db, id);
        };
        bool changed = false;
        for (const RelayKeyGrant &grant : *grants) {
            Result<KeyGrantContents> contents
                = KeyGrant::openRotation(grant.grant, *self->m_identity, self->m_org, self->m_deviceId, lookup);
            if (!contents) {
                qCWarning(lcSync) << "a key grant was refused, from" << grant.from << "epoch" << grant.epoch;
                continue;
            }
            if (Status merged = self->m_ring.merge(contents->ring); !merged) {
                qCWarning(lcSync) << "a key grant conflicts with keys held, epoch" << grant.epoch;
                continue;
            }
            for (const DeviceRecord &record : contents->roster)
                (void)DeviceRoster::merge(db, record, false, self->nowMs());
            changed = true;
        }
        if (changed)
            done(self->m_ring.save(self->m_secrets));
        else
            done({});
    });
}

Status SyncEngine::park(const RelayChange &change, const QString &reason)
{
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status began = transaction.began(tr("Keeping changes for later")); !began)
        return began;
    QSqlQuery q(db);
    q.prepare(
        u"INSERT OR IGNORE INTO sync_parked_batches(cursor, device, seq, epoch, blob, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(change.seq);
    q.addBindValue(change.device);
    q.addBindValue(change.deviceSeq);
    q.addBindValue(change.epoch);
    q.addBindValue(change.batch);
    q.addBindValue(reason);
    q.addBindValue(nowMs());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Keeping changes for later")));
    if (Status moved = setCursor(db, change.seq); !moved)
        return moved;
    qCInfo(lcSync) << "batch parked:" << reason << "from" << change.device << "number" << change.deviceSeq;
    return transaction.commit();
}

Status SyncEngine::processChange(const RelayChange &change)
{
    const QSqlDatabase db = m_database.connection();
    if (change.device == m_deviceId) {
        Transaction transaction(db);
        if (Status began = transaction.began(tr("Saving how far the changes were read")); !began)
            return began;
        if (Status moved = setCursor(db, change.seq); !moved)
            return moved;
        return transaction.commit();
    }
    const std::optional<DeviceRecord> sender = DeviceRoster::find(db, change.device);
    if (!sender)
        return park(change, u"unknown-device"_s);
    const DeviceProgress progress = progressOf(change.device);
    if (quint64(change.deviceSeq) > progress.lastAppliedSeq + 1)
        return park(change, u"gap"_s);
    const BatchLabel label{m_org, change.device, quint64(change.deviceSeq), quint32(change.epoch), change.seq};
    const qint64 at = change.seq;
    QString failure;
    const Outcome outcome = openAndApply(
        label, change.batch, [this, at](const QSqlDatabase &inside) { return setCursor(inside, at); }, &failure);
    if (outcome == Outcome::Failed)
        return fail(ErrorCode::Storage, failure);
    if (outcome == Outcome::Parked)
        return park(change, u"newer"_s);
    return {};
}

SyncEngine::Outcome SyncEngine::openAndApply(const BatchLabel &label, const QByteArray &blob,
                                             const ReplicaApplier::AlsoInside &also, QString *failure)
{
    const QSqlDatabase db = m_database.connection();
    const DeviceProgress progress = progressOf(label.device);
    auto lookup = [db](const QString &id) {
        return DeviceRoster::find(db, id);
    };
    std::expected<QByteArray, BatchRefused> opened = m_cipher->open(label, blob, lookup, progress);
    if (!opened) {
        const char *code = BatchCipher::code(opened.error().reason);
        qCWarning(lcSync) << "batch refused:" << code << "from" << label.device << "number" << label.seq << "epoch"
                          << label.epoch;
        Transaction transaction(db);
        if (Status began = transaction.began(tr("Noting changes that were not taken in")); !began) {
            *failure = began.error().message;
            return Outcome::Failed;
        }
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO sync_refusals(code, count, last_at) VALUES (?, 1, ?) "
                  "ON CONFLICT(code) DO UPDATE SET count = count + 1, last_at = excluded.last_at"_s);
        q.addBindValue(QString::fromLatin1(code));
        q.addBindValue(nowMs());
        if (!q.exec() || !also(db) || !transaction.commit()) {
            *failure = tr("Changes that were not taken in could not be noted.");
            return Outcome::Failed;
        }
        return Outcome::Refused;
    }
    Result<DecodedOps> decoded = SyncOpCodec::decodeOps(*opened);
    if (!decoded) {
        qCWarning(lcSync) << "batch kept for a newer Kengele, from" << label.device << "number" << label.seq;
        return Outcome::Parked;
    }
    QList<SyncOp> data;
    QList<DeviceRecord> roster;
    for (SyncOp &op : decoded->ops) {
        if (op.entity == QLatin1StringView(DeviceRoster::Entity)) {
            if (std::optional<DeviceRecord> record = DeviceRoster::fromOp(op))
                roster.append(*record);
        } else {
            data.append(std::move(op));
        }
    }
    const qint64 now = nowMs();
    Result<ReplicaApplier::Report> applied = m_applier.apply(data, [&](const QSqlDatabase &inside) -> Status {
        for (const DeviceRecord &record : roster) {
            if (Result<bool> merged = DeviceRoster::merge(inside, record, false, now); !merged)
                return std::unexpected(merged.error());
        }
        QSqlQuery q(inside);
        q.prepare(u"INSERT INTO sync_peers(device, last_seq, last_epoch) VALUES (?, ?, ?) ON CONFLICT(device) DO UPDATE SET "
                  "last_seq = max(last_seq, excluded.last_seq), last_epoch = max(last_epoch, excluded.last_epoch)"_s);
        q.addBindValue(label.device);
        q.addBindValue(qint64(label.seq));
        q.addBindValue(qint64(label.epoch));
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Saving changes from another computer")));
        // Who works on that computer, for the list of computers: the author of its latest change.
        // (Changes Kengele makes by itself, such as published message states, have no author.)
        const auto authored = std::find_if(data.crbegin(), data.crend(), [](const SyncOp &op) { return !op.user.isEmpty(); });
        if (authored != data.crend()) {
            QSqlQuery who(inside);
            who.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"_s);
            who.addBindValue(QString(u"sync.user."_s + label.device));
            who.addBindValue(authored->user);
            who.exec();
        }
        // Which computer writes under which replica id (the changes name their writer by it): the
        // batch is that computer's, signed, and carries only its own changes. For people, e.g.
        // "mary on Office laptop" in Recent conflicts.
        if (!data.isEmpty()
            && std::all_of(data.cbegin(), data.cend(), [&](const SyncOp &op) { return op.device == data.first().device; })) {
            QSqlQuery replica(inside);
            replica.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"_s);
            replica.addBindValue(QString(u"sync.replica."_s + data.first().device));
            replica.addBindValue(label.device);
            replica.exec();
        }
        QSqlQuery in(inside);
        in.prepare(u"UPDATE sync_state SET last_in = ? WHERE id = 1"_s);
        in.addBindValue(now);
        in.exec();
        return also(inside);
    });
    if (!applied) {
        *failure = applied.error().message;
        return Outcome::Failed;
    }
    return Outcome::Applied;
}

Status SyncEngine::retryParked()
{
    const QSqlDatabase db = m_database.connection();
    for (bool progressed = true; progressed;) {
        progressed = false;
        struct Row {
            qint64 cursor;
            QString device;
            qint64 seq;
            qint64 epoch;
            QByteArray blob;
        };
        QList<Row> rows;
        {
            QSqlQuery q(db);
            if (!q.exec(u"SELECT cursor, device, seq, epoch, blob FROM sync_parked_batches ORDER BY device, seq, cursor"_s))
                return std::unexpected(Database::storageError(q.lastError(), tr("Reading changes kept for later")));
            while (q.next())
                rows.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                             q.value(4).toByteArray()});
        }
        for (const Row &row : rows) {
            if (!DeviceRoster::find(db, row.device))
                continue;
            if (quint64(row.seq) > progressOf(row.device).lastAppliedSeq + 1)
                continue;
            const qint64 parkedAt = row.cursor;
            auto unpark = [parkedAt](const QSqlDatabase &inside) -> Status {
                QSqlQuery q(inside);
                q.prepare(u"DELETE FROM sync_parked_batches WHERE cursor = ?"_s);
                q.addBindValue(parkedAt);
                if (!q.exec())
                    return fail(ErrorCode::Storage, tr("Changes kept for later could not be taken up."));
                return {};
            };
            QString failure;
            const BatchLabel label{m_org, row.device, quint64(row.seq), quint32(row.epoch), row.cursor};
            const Outcome outcome = openAndApply(label, row.blob, unpark, &failure);
            if (outcome == Outcome::Failed)
                return fail(ErrorCode::Storage, failure);
            if (outcome != Outcome::Parked)
                progressed = true;
        }
    }
    return {};
}

} // namespace kengele
