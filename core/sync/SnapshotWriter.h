// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Snapshot.h"
#include "common/Result.h"

#include <QCborMap>
#include <QCoreApplication>

namespace kengele {

class Database;
class DeviceIdentity;
class OrgKeyRing;

struct SnapshotBlob {
    SnapshotHeader header;
    QByteArray bytes; // the whole signed blob (Snapshot.h)
    SnapshotCounts counts;
    qint64 plainBytes = 0; // the CBOR before compression, for the log and the benchmark
};

// Writes this profile's shared state as an encrypted, signed snapshot (docs/architecture.md,
// "Snapshots"): every replicated row with its uid (contacts, groups, templates, memberships,
// opt-outs), the per-field clocks, the add-wins tags, aliases, unknown fields, parked changes and
// recent conflicts — what ReplicaApplier needs to go on merging — and the HLC. Not this computer's
// own things: the outbox, campaigns it sends, settings, window layout, secrets, the change log
// itself. Read in one read transaction, so it is exactly the state `covers` describes (as long as
// the caller passes the relay cursor of the last change applied before the call).
class SnapshotWriter final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotWriter)

public:
    // `keys` and `me` must outlive the writer. `org` and `device` are the relay's ids of the
    // organisation and of this computer.
    SnapshotWriter(Database &database, const OrgKeyRing &keys, const DeviceIdentity &me, QString org, QString device);

    // Seals with the ring's current epoch. `engineState` is handed back by the reader as it was
    // (the sync engine's own progress, e.g. each computer's last batch applied); keep it small.
    Result<SnapshotBlob> write(qint64 covers, qint64 createdMs, const QCborMap &engineState = {}) const;

private:
    Database &m_database;
    const OrgKeyRing &m_keys;
    const DeviceIdentity &m_me;
    QString m_org;
    QString m_device;
};

} // namespace kengele
