// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What RelayClient's sync calls answer (docs/relay.md, "Sync between a church's computers"). The
// payloads (commitments, public keys, grants, batches, snapshot parts) are the crypto's business:
// here they are bytes, base64 on the wire, decoded by RelayClient.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace kengele {

// A computer of the organisation as the relay knows it (GET /v1/device, GET /v1/devices).
struct RelayDeviceInfo {
    QString device; // dev_…
    QString name;
    QString org; // GET /v1/device only
    bool approved = false;
    bool pending = false; // enrolled, waiting for an approved computer to let it in
    bool revoked = false;
    bool isThis = false; // the computer asking
    QDateTime enrolled;
    QDateTime lastSeen;
};

// The newcomer's side of its join (GET/POST /v1/join, POST /v1/join/reveal).
struct RelayJoinState {
    QString state; // none, committed, keys, revealed, approved, refused
    QString approver; // the approving computer, once it sent its keys
    QByteArray keys; // the approver's public keys
    QByteArray grant; // the sealed grant, once approved
    qint64 version = 0; // pass back to wait for the next change
};

// One computer waiting to join, as an approved computer sees it (GET /v1/join-requests).
struct RelayJoinRequest {
    QString device;
    QString name;
    QDateTime enrolled;
    QString state; // committed, keys, revealed
    QByteArray commitment;
    QString approver;
    QByteArray keys; // the approver's public keys, once sent
    QByteArray reveal; // the newcomer's public keys, once revealed
    qint64 version = 0;
};

struct RelayJoinRequests {
    QList<RelayJoinRequest> requests;
    qint64 version = 0; // pass back to wait for the next change
};

// POST /v1/changes: where the batch went.
struct RelayChangeReceipt {
    qint64 seq = 0; // the organisation's change number (0 when compacted)
    qint64 deviceSeq = 0;
    qint64 epoch = 0;
    QDateTime received;
    bool compacted = false; // received earlier and since folded into a snapshot
};

struct RelayChange {
    qint64 seq = 0;
    QString device;
    qint64 deviceSeq = 0;
    qint64 epoch = 0;
    QByteArray batch; // ciphertext
    QDateTime received;
};

// GET /v1/changes: in order after the cursor (checked).
struct RelayChangePage {
    QList<RelayChange> changes;
    qint64 next = 0;
    bool more = false;
};

struct RelayKeyGrant {
    qint64 epoch = 0;
    QString from; // the computer that sealed it
    QByteArray grant;
    QDateTime received;
};

struct RelaySnapshotInfo {
    qint64 id = 0;
    QString device; // the computer that made it
    qint64 covers = 0; // the change numbers it holds (≤)
    qint64 epoch = 0;
    int parts = 0;
    int received = 0;
    qint64 bytes = 0;
    bool complete = false;
    QDateTime completed; // when the last part came (invalid while incomplete)
};

} // namespace kengele
