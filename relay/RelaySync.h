// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What the relay keeps for several computers of one congregation (docs/relay.md, "Sync between a
// church's computers"): the join mailbox, the change batches, the key grants and the snapshots.
// Every payload is opaque to the relay (ciphertext, public keys, commitments): it checks sizes and
// order and keeps the bytes, never reads them.

#include <QByteArray>
#include <QList>
#include <QString>

namespace kengele::relay {

// Limits of the sync routes (docs/relay.md). The HTTP layer's 64 KiB body cap stays for every
// other route; these routes get their own (HttpLimits::routeBodyLimits).
namespace synclimits {
constexpr qint64 MaxBatchBytes = 1024 * 1024; // one change batch, decoded
constexpr qint64 ChangesBodyBytes = (MaxBatchBytes + 2) / 3 * 4 + 1024; // its base64 in JSON
constexpr qint64 SnapshotPartBytes = 1024 * 1024; // one snapshot part (raw bytes)
constexpr qint64 KeysBodyBytes = 1024 * 1024; // POST /v1/keys: one grant per computer
constexpr qint64 MaxBlobBytes = 4096; // a join payload or a key grant, decoded
constexpr qint64 ChangesAnswerBytes = 5LL * 1024 * 1024; // batches in one answer (≈ 6.7 MB as base64)
constexpr int MaxSnapshotParts = 4096;
constexpr int MaxGrants = 500;
} // namespace synclimits

// Why a sync step was refused, for the answer: 404 (no such computer in this organisation), 409
// (out of order, or different bytes under a number already used) or 503 (the database).
struct SyncProblem {
    enum class Kind { NotFound, Conflict, Storage };
    Kind kind = Kind::Storage;
    QString message; // plain English, for the answer and the log (ids and numbers, never payloads)
    QString code; // a word for programs: "join_order", "seq_gap", "seq_conflict", …
    qint64 expected = 0; // seq_gap: the device sequence number the relay expects next
};

// A newcomer's join (commit-then-reveal): committed → keys (an approver's public keys) → revealed →
// approved (a sealed grant for it) or refused (the device is revoked).
struct JoinRecord {
    QString deviceId;
    QString orgId;
    QString state; // "committed", "keys", "revealed", "approved", "refused"
    QString commitment; // base64, as sent
    QString approver; // the approving device, once it sent its keys
    QString approverKeys; // base64
    QString reveal; // base64
    QString grant; // base64, once approved
    qint64 version = 0; // the organisation's join_version when this row last changed
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // For the approvers' list:
    QString deviceName;
    qint64 enrolledAt = 0;
};

struct JoinRequestList {
    QList<JoinRecord> requests; // pending devices with a join under way, oldest first
    qint64 version = 0; // the organisation's join_version
};

struct ChangeReceipt {
    qint64 seq = 0; // the organisation's change sequence number (0 when compacted away)
    qint64 deviceSeq = 0;
    qint64 epoch = 0;
    qint64 receivedAt = 0;
    bool compacted = false; // an earlier post of this seq, already folded into a snapshot
};

struct StoredChange {
    qint64 seq = 0;
    QString deviceId;
    qint64 deviceSeq = 0;
    qint64 epoch = 0;
    QByteArray batch; // ciphertext bytes
    qint64 receivedAt = 0;
};

struct ChangePage {
    QList<StoredChange> changes;
    bool more = false;
    qint64 compactedThrough = 0; // changes ≤ this were deleted after a snapshot covering them
};

struct KeyGrantRecord {
    qint64 epoch = 0;
    QString fromDevice;
    QString grant; // base64, sealed to the receiving device
    qint64 receivedAt = 0;
};

struct SnapshotRecord {
    qint64 id = 0;
    QString deviceId;
    qint64 covers = 0;
    qint64 epoch = 0;
    int parts = 0;
    int received = 0; // parts stored so far
    qint64 bytes = 0;
    qint64 createdAt = 0;
    qint64 completedAt = 0; // 0: still being uploaded (invisible)
    qint64 deletedChanges = 0; // when this upload completed it: changes removed
};

} // namespace kengele::relay
