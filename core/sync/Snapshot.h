// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Encrypted snapshots of a congregation's shared data (docs/architecture.md, "Snapshots"): what the
// writer, the reader and the service share.
//
// Blob, version 1 (everything big-endian):
//   prefix   = "KGLSNAP" 0x01 ‖ header length (u32) ‖ header: a CBOR map, in the clear
//              {"org", "device" (the writing computer's relay id), "epoch", "covers", "created"}
//   stream   = secretstream header (24) ‖ chunks, each: length (u32) ‖ ciphertext
//              crypto_secretstream_xchacha20poly1305 under the epoch's "KglSnap_" sub-key; the first
//              chunk carries `prefix` as additional data; the last (and only the last) is tagged FINAL
//   signature (64): Ed25519 of the writing computer over "Kengele snapshot 1" (with its NUL) ‖
//              BLAKE2b-256 (personal "KglSnapDigest1") of prefix ‖ stream
// A chunk's plaintext is qCompress'd CBOR: a sequence of records (maps: the summary, the start of a
// table with its columns, a checkpoint, the end; arrays: one row of the current table).

#include <QByteArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <functional>

namespace kengele {

struct SnapshotHeader {
    QString org; // org_…
    QString device; // the relay id (dev_…) of the computer that wrote it
    quint32 epoch = 0; // the key epoch it is sealed with
    qint64 covers = 0; // the relay's change numbers it holds (≤)
    qint64 created = 0; // UTC ms
};

// Rows of the shared tables in a snapshot (or loaded from one).
struct SnapshotCounts {
    qint64 contacts = 0;
    qint64 groups = 0;
    qint64 memberships = 0;
    qint64 templates = 0;
    qint64 optOuts = 0;
    qint64 rows = 0; // all rows, clocks and the change log's side tables included
};

// Why a snapshot was not taken in. None quotes anything from inside it.
enum class SnapshotRefusal {
    NoSnapshot, // the relay holds none
    Malformed, // not a snapshot of this version, or garbage
    WrongOrganisation, // labelled with another organisation
    UnknownDevice, // written by a computer this one has never heard of
    DeviceNotApproved, // written by a computer that is not (or no longer) approved
    UnknownEpoch, // sealed with a key epoch this computer does not hold
    BadSignature, // not signed by the computer it names, or changed after signing
    DecryptionFailed, // the key does not open it, or its labels or bytes were changed
    Truncated, // cut short: the stream ends before its FINAL chunk, or goes on after it
    ProfileNotEmpty, // the profile already holds shared data
    Storage, // this computer's data file failed while loading (nothing kept)
    Relay, // the relay could not be reached or refused
};

struct SnapshotRefused {
    SnapshotRefusal reason;
    QString message; // plain words for the person at the desk
};

// One shared table as a snapshot carries it.
struct SnapshotTable {
    QLatin1StringView table;
    QList<QLatin1StringView> columns;
    QLatin1StringView where; // the writer's filter ("" for all rows)
    bool contactsPart = false; // loaded (and committed) first
    QLatin1StringView from = {}; // what the writer reads, when not `table` itself (a view)
};

class SnapshotFormat final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotFormat)

public:
    static constexpr char Magic[8] = {'K', 'G', 'L', 'S', 'N', 'A', 'P', '\x01'};
    static constexpr qsizetype SignatureBytes = 64;
    static constexpr qsizetype StreamHeaderBytes = 24;
    // Raw CBOR collected before a chunk is compressed and sealed (a chunk ends up about 64 KiB).
    static constexpr qsizetype SegmentBytes = 256 * 1024;
    // The largest chunk a reader accepts, and the most one may decompress to.
    static constexpr qsizetype MaxChunkBytes = 4 * 1024 * 1024;
    static constexpr qsizetype MaxSegmentBytes = 16 * 1024 * 1024;
    static constexpr qsizetype MaxHeaderBytes = 4096;

    // What the writing computer signs for a blob whose bytes before the signature are `unsignedPart`.
    static QByteArray signingMessage(QByteArrayView unsignedPart);
    // The prefix (magic, length, header) of a blob with this header.
    static QByteArray prefix(const SnapshotHeader &header);
    // Cuts a blob into the relay's parts (≤ partBytes each).
    static QList<QByteArray> split(const QByteArray &blob, qsizetype partBytes);

    // In the order they are written and loaded: the contacts part first.
    static const QList<SnapshotTable> &tables();

    // "wrong-organisation", …: for the log.
    static const char *code(SnapshotRefusal reason);
    static QString describe(SnapshotRefusal reason);
    static SnapshotRefused refused(SnapshotRefusal reason) { return {reason, describe(reason)}; }
};

} // namespace kengele
