// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sync engine and the relay's snapshots (docs/architecture.md, "Snapshots"): a new computer
// fills itself from the snapshot instead of replaying every change, and one computer now and then
// uploads a new snapshot so the relay can let old changes go.

#include "SyncEngine.h"

#include "ChangeLog.h"
#include "RelayClient.h"
#include "SnapshotReader.h"
#include "SnapshotService.h"
#include "SyncLog.h"
#include "SyncOpCodec.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QCborArray>
#include <QPointer>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

// How many times uploadSnapshot() reads the feed again when this computer's own batches went out
// while it was reading (the snapshot must cover them, see uploadWhenCaughtUp).
constexpr int CatchUpAttempts = 5;

} // namespace

// The engine's state a snapshot carries, for the computer that fills itself from it:
//   "peers":  [[device, last batch number applied, last epoch seen], …], the writer itself included
//             (its batches up to the snapshot's cover are in it), so the reader knows which batch of
//             each computer comes next;
//   "roster": the computers and their public keys, as the "device" ops batches carry (SyncOpCodec).
QCborMap SyncEngine::engineState() const
{
    QCborArray peers;
    QSqlQuery q(m_database.connection());
    if (q.exec(u"SELECT device, last_seq, last_epoch FROM sync_peers ORDER BY device"_s)) {
        while (q.next())
            peers.append(QCborArray{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    }
    if (q.exec(u"SELECT next_seq - 1 FROM sync_engine WHERE id = 1"_s) && q.next())
        peers.append(QCborArray{m_deviceId, q.value(0).toLongLong(), qint64(m_ring.currentEpoch())});
    QList<SyncOp> roster;
    if (const Result<QList<DeviceRecord>> all = m_roster.all(); all) {
        for (const DeviceRecord &record : *all)
            roster.append(DeviceRoster::toOp(record, 0, m_deviceId));
    }
    QCborMap state;
    state.insert(u"peers"_s, peers);
    state.insert(u"roster"_s, QCborValue(SyncOpCodec::encodeOps(roster)));
    return state;
}

Status SyncEngine::takeEngineState(const QCborMap &state, qint64 covers)
{
    const QSqlDatabase db = m_database.connection();
    const qint64 now = nowMs();
    if (const QByteArray roster = state.value(u"roster"_s).toByteArray(); !roster.isEmpty()) {
        Result<DecodedOps> decoded = SyncOpCodec::decodeOps(roster);
        if (!decoded)
            return std::unexpected(decoded.error());
        for (const SyncOp &op : decoded->ops) {
            const std::optional<DeviceRecord> record = DeviceRoster::fromOp(op);
            if (!record)
                continue;
            if (Result<bool> merged = DeviceRoster::merge(db, *record, false, now); !merged)
                return std::unexpected(merged.error());
        }
    }
    const QCborArray peers = state.value(u"peers"_s).toArray();
    for (const QCborValue &value : peers) {
        const QCborArray peer = value.toArray();
        const QString device = peer.at(0).toString();
        if (device.isEmpty() || device == m_deviceId)
            continue;
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO sync_peers(device, last_seq, last_epoch) VALUES (?, ?, ?) ON CONFLICT(device) DO UPDATE SET "
                  "last_seq = max(last_seq, excluded.last_seq), last_epoch = max(last_epoch, excluded.last_epoch)"_s);
        q.addBindValue(device);
        q.addBindValue(peer.at(1).toInteger());
        q.addBindValue(peer.at(2).toInteger());
        if (!q.exec())
            return fail(ErrorCode::Storage, tr("Saving how far the other computers' changes were read failed."));
    }
    return setCursor(db, covers);
}

void SyncEngine::fillFromSnapshot(bool behindCompaction, Done done)
{
    const auto empty = SnapshotRestorer(m_database).isEmpty();
    if (!empty) {
        done(fail(ErrorCode::Storage, empty.error().message));
        return;
    }
    if (!*empty) {
        if (!behindCompaction) {
            done({}); // data of its own: it merges by reading every change (rows queued at HLC 0 go out too)
            return;
        }
        done(fail(ErrorCode::Conflict,
                  tr("The relay no longer keeps every change this computer needs (the church's older changes are "
                     "in a snapshot), and this computer holds data of its own, which cannot be merged with a "
                     "snapshot. Remove this computer on another one, then connect it again and choose to start "
                     "from the church's data (its own data is kept in a backup).")));
        return;
    }
    auto service = std::make_shared<SnapshotService>(m_database, m_client, m_ring, *m_identity, m_org, m_deviceId);
    const QSqlDatabase db = m_database.connection();
    auto lookup = [db](const QString &id) {
        return DeviceRoster::find(db, id);
    };
    QPointer<SyncEngine> self(this);
    auto progress = [self](const SnapshotProgress &p) {
        if (self && p.partsFetched >= p.parts)
            Q_EMIT self->filling(p.loaded.rows, p.total.rows, p.contactsReady);
    };
    auto alsoInside = [self](const QSqlDatabase &, const QCborMap &state, qint64 covers) {
        if (!self)
            return false;
        const Status taken = self->takeEngineState(state, covers);
        if (!taken)
            qCWarning(lcSync) << "snapshot: the engine's state could not be saved:" << taken.error().message;
        return bool(taken);
    };
    qCInfo(lcSync) << "filling this computer from the relay's snapshot" << (behindCompaction ? "(behind compaction)" : "");
    service->restore(
        lookup, progress,
        [self, service, behindCompaction, done](std::expected<SnapshotRestored, SnapshotRefused> restored) {
            if (!self)
                return;
            if (!restored) {
                if (restored.error().reason == SnapshotRefusal::NoSnapshot && !behindCompaction) {
                    done({}); // none yet: every change is still on the relay
                    return;
                }
                qCWarning(lcSync) << "snapshot not taken in:" << int(restored.error().reason);
                done(fail(ErrorCode::Conflict, restored.error().message));
                return;
            }
            qCInfo(lcSync) << "filled from the snapshot covering change" << restored->covers;
            Q_EMIT self->changesApplied();
            done({});
        },
        alsoInside);
}

void SyncEngine::uploadSnapshot(std::function<void(Result<SnapshotUploaded>)> done)
{
    QPointer<SyncEngine> self(this);
    prepare([self, done](Status prepared) {
        if (!self)
            return;
        if (!prepared) {
            done(std::unexpected(prepared.error()));
            return;
        }
        if (!self->m_ready) {
            done(fail(ErrorCode::Conflict,
                      tr("This computer is not approved yet, so it cannot save the church's data "
                         "on the relay.")));
            return;
        }
        self->uploadWhenCaughtUp(done, CatchUpAttempts);
    });
}

// A snapshot must cover exactly the relay's changes up to its number, this computer's own
// included: everything of its own is sent first, the feed is read to its end (so the cursor has
// passed this computer's own batches), and it is written at once if no batch of its own was
// accepted meanwhile (else the feed is read again).
void SyncEngine::uploadWhenCaughtUp(std::function<void(Result<SnapshotUploaded>)> done, int attempts)
{
    if (m_uploading) {
        done(fail(ErrorCode::Conflict, tr("A snapshot is being saved on the relay already.")));
        return;
    }
    m_uploading = true;
    QPointer<SyncEngine> self(this);
    auto finish = [self, done](Result<SnapshotUploaded> result) {
        if (self)
            self->m_uploading = false;
        done(std::move(result));
    };
    pushNow([self, finish, attempts](Status pushed) {
        if (!self)
            return;
        if (!pushed) {
            finish(std::unexpected(pushed.error()));
            return;
        }
        const qint64 acceptedBefore = self->m_accepted;
        self->pullUntilCaughtUp([self, finish, attempts, acceptedBefore](Status pulled) {
            if (!self)
                return;
            if (!pulled) {
                finish(std::unexpected(pulled.error()));
                return;
            }
            if (self->m_pushing || self->hasOutgoing() || self->m_accepted != acceptedBefore) {
                self->m_uploading = false;
                if (attempts <= 1) {
                    finish(fail(ErrorCode::Conflict, tr("Changes kept coming in; the snapshot will be saved later.")));
                    return;
                }
                self->uploadWhenCaughtUp(finish, attempts - 1);
                return;
            }
            auto service = std::make_shared<SnapshotService>(self->m_database, self->m_client, self->m_ring, *self->m_identity,
                                                             self->m_org, self->m_deviceId);
            const qint64 covers = self->cursor();
            if (covers <= 0) {
                finish(fail(ErrorCode::Conflict, tr("There is nothing on the relay yet for a snapshot to cover.")));
                return;
            }
            service->upload(covers, self->nowMs(), self->engineState(),
                            [self, service, finish](std::expected<SnapshotUploaded, SnapshotRefused> uploaded) {
                                if (!uploaded) {
                                    finish(fail(ErrorCode::Conflict, uploaded.error().message));
                                    return;
                                }
                                qCInfo(lcSync) << "snapshot saved on the relay: covers" << uploaded->header.covers << "parts"
                                               << uploaded->parts << "bytes" << uploaded->bytes;
                                finish(*uploaded);
                            });
        });
    });
}

// Asked after a pull that reached the end of the feed, at most every snapshotCheckMs.
void SyncEngine::maybeUploadSnapshot()
{
    if (!m_options.snapshots || !m_ready || m_uploading)
        return;
    const qint64 now = nowMs();
    if (m_lastPolicyAt != 0 && now - m_lastPolicyAt < m_options.snapshotCheckMs)
        return;
    m_lastPolicyAt = now;
    QPointer<SyncEngine> self(this);
    m_client.fetchSnapshot([self](RelayResult<std::optional<RelaySnapshotInfo>> current) {
        if (!self || !current)
            return;
        SnapshotPolicyInput input;
        input.now = self->nowMs();
        const qint64 covered = *current ? (*current)->covers : 0;
        input.changesSinceSnapshot = self->cursor() - covered;
        if (*current && (*current)->completed.isValid())
            input.lastSnapshotAt = (*current)->completed.toMSecsSinceEpoch();
        input.pendingOut = self->hasOutgoing() ? 1 : 0;
        // The approved computer with the smallest id does it; the others only when it is long overdue.
        QSqlQuery q(self->m_database.connection());
        input.preferred = q.exec(u"SELECT min(id) FROM sync_devices WHERE state = 1"_s) && q.next()
            && q.value(0).toString() == self->m_deviceId;
        if (!SnapshotPolicy::shouldUpload(input))
            return;
        self->uploadSnapshot([](Result<SnapshotUploaded> uploaded) {
            if (!uploaded)
                qCInfo(lcSync) << "snapshot not saved this time:" << uploaded.error().message;
        });
    });
}

Status SyncEngine::chooseForOwnData(JoinChoice choice)
{
    if (Status saved = JoinChoices::save(m_database, choice); !saved)
        return saved;
    m_ownDataChoice.clear();
    scheduleLoop(0);
    return {};
}

} // namespace kengele
