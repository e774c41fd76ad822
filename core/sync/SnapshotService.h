// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "BatchCipher.h"
#include "Snapshot.h"
#include "SnapshotReader.h"
#include "common/Result.h"

#include <QCborMap>
#include <QCoreApplication>
#include <QPointer>

#include <expected>
#include <functional>
#include <memory>
#include <optional>

namespace kengele {

class Database;
class DeviceIdentity;
class OrgKeyRing;
class RelayClient;
struct SnapshotUploadState;
struct SnapshotRestoreState;

struct SnapshotUploaded {
    SnapshotHeader header;
    qint64 snapshotId = 0; // the relay's id
    qint64 bytes = 0;
    int parts = 0;
    SnapshotCounts counts;
};

// When a computer should upload a snapshot (docs/architecture.md, "Snapshots"). Pure: the engine
// gathers the facts and asks.
struct SnapshotPolicyInput {
    qint64 changesSinceSnapshot = 0; // relay change numbers after the current snapshot's cover, applied here
    std::optional<qint64> lastSnapshotAt; // when the relay's current snapshot was made (UTC ms); none: never
    qint64 now = 0; // UTC ms
    qint64 pendingOut = 0; // this computer's own changes not yet on the relay
    bool preferred = false; // this is the computer meant to do it (see SnapshotPolicy)
};

class SnapshotPolicy final
{
public:
    static constexpr qint64 ManyChanges = 20'000;
    static constexpr qint64 WeekMs = 7LL * 24 * 3600 * 1000;
    // - never with nothing new to cover, nor while this computer's own changes are not all on the
    //   relay (the snapshot is to cover what the relay has);
    // - the preferred computer (the engine picks the approved computer with the smallest id, so
    //   they do not all upload at once): after ManyChanges changes, or once the snapshot is a week
    //   old and anything changed; the first snapshot only after ManyChanges;
    // - any other computer: only when that is twice overdue (the preferred one is away).
    static bool shouldUpload(const SnapshotPolicyInput &input);
};

// The calls the sync engine, the CLI and the GUI use (asynchronous, through RelayClient): upload
// this profile's snapshot, or fill an empty profile from the relay's. `keys`, `me` and `relay`
// must outlive the service; calls answer once, on the thread that runs the relay client.
class SnapshotService final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotService)

public:
    template<typename T> using Done = std::function<void(std::expected<T, SnapshotRefused>)>;
    using Progress = SnapshotRestorer::Progress;

    // `org` and `device`: the relay's ids of the organisation and of this computer.
    SnapshotService(Database &database, RelayClient &relay, const OrgKeyRing &keys, const DeviceIdentity &me, QString org,
                    QString device);

    // Writes the snapshot (blocking, in this thread) and puts it on the relay part by part.
    // `covers`: the relay's number of the last change this profile has applied (all before it
    // too); `engineState` comes back from restore().
    void upload(qint64 covers, qint64 nowMs, const QCborMap &engineState, Done<SnapshotUploaded> done);

    // Fetches the relay's snapshot, checks and decrypts it (SnapshotReader::open: the writer must
    // be known to `devices`), and loads it into this profile, which must hold no shared data
    // (SnapshotRestorer). `progress` reports the download, then the load (contactsReady: the
    // contact list can be shown). Nothing is written unless every check passed.
    // `alsoInside`: see SnapshotRestorer::restore.
    void restore(BatchCipher::DeviceLookup devices, Progress progress, Done<SnapshotRestored> done,
                 SnapshotRestorer::AlsoInside alsoInside = {});

private:
    void putPart(std::shared_ptr<SnapshotUploadState> state);
    void fetchPart(std::shared_ptr<SnapshotRestoreState> state);

    Database &m_database;
    RelayClient &m_relay;
    const OrgKeyRing &m_keys;
    const DeviceIdentity &m_me;
    QString m_org;
    QString m_device;
};

} // namespace kengele
