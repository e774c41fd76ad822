// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "BatchCipher.h"
#include "Snapshot.h"

#include <QByteArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <expected>
#include <functional>

namespace kengele {

class Clock;
class Database;
class OrgKeyRing;

// A snapshot checked and decrypted in memory: signature, organisation, writing computer, epoch
// and the FINAL tag all passed. Nothing of it is written yet.
struct OpenedSnapshot {
    SnapshotHeader header;
    QList<QByteArray> segments; // decrypted, still compressed
    qint64 bytes = 0; // the blob's size
};

class SnapshotReader final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotReader)

public:
    // Checks, in order: form; organisation (`org`); the writing computer (known and approved, or
    // removed only after this epoch); the epoch held; the signature over the whole blob; then
    // decrypts every chunk (the prefix bound as additional data) and requires FINAL on the last
    // chunk and nothing after it. Only then does a snapshot come out.
    static std::expected<OpenedSnapshot, SnapshotRefused> open(QByteArrayView blob, const QString &org, const OrgKeyRing &keys,
                                                               const BatchCipher::DeviceLookup &devices);

    // Only the clear header (for the log, or to pick a key before downloading everything).
    static std::optional<SnapshotHeader> peekHeader(QByteArrayView blob);
};

struct SnapshotProgress {
    int partsFetched = 0; // downloading (SnapshotService::restore): parts in so far, of `parts`
    int parts = 0;
    SnapshotCounts total; // in the snapshot
    SnapshotCounts loaded; // so far
    bool contactsReady = false; // the contacts (and their clocks) are in and visible: the lists can show them
    bool done = false;
};

struct SnapshotRestored {
    SnapshotHeader header;
    SnapshotCounts counts;
    qint64 covers = 0; // go on with the relay's changes after this number
    QCborMap engineState; // as the writer was given it
};

// Loads an opened snapshot into a profile whose shared tables are empty (a computer that has just
// joined), fast: prepared statements on the raw handle, on a connection marked as applying (the
// capture triggers do not record the rows as this computer's changes). Contacts and their clocks
// first, in one transaction that is committed as soon as they are in (progress says
// contactsReady: the contact list can show them); then everything else in a second. If that
// second part fails, the first is taken out again: a restore that fails leaves the profile empty,
// as it was. The relay cursor is kept in meta ("sync.snapshot_covers") in the last transaction.
class SnapshotRestorer final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotRestorer)

public:
    using Progress = std::function<void(const SnapshotProgress &)>;

    explicit SnapshotRestorer(Database &database);

    // Whether the profile holds no shared data (nothing a snapshot would overwrite).
    std::expected<bool, SnapshotRefused> isEmpty() const;

    // `progress` (optional) is called every few thousand rows, when the contacts are in and at the end.
    // Runs inside the last transaction, after the rows: the sync engine's own state (the others'
    // progress, the roster, the cursor) is saved with the data or not at all.
    using AlsoInside = std::function<bool(const QSqlDatabase &db, const QCborMap &engineState, qint64 covers)>;
    std::expected<SnapshotRestored, SnapshotRefused> restore(const OpenedSnapshot &snapshot, const Progress &progress = {},
                                                             const AlsoInside &alsoInside = {});

private:
    Database &m_database;
};

} // namespace kengele
