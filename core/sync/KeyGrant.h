// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeviceRecord.h"
#include "OrgKeyRing.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

namespace kengele {

class DeviceIdentity;

enum class KeyGrantKind : quint8 {
    Join = 1, // every epoch, to a computer just approved (JoinApprover::approve)
    Rotation = 2, // one new epoch, to each computer that remains after a removal
};

// What a grant carries: keys, and the list of the organisation's computers as the granting computer
// knows them (ids, names, public keys, states), so the receiver can check the batches it will read.
struct KeyGrantContents {
    OrgKeyRing ring;
    QList<DeviceRecord> roster;
};

// The fields of a grant readable without opening it (not yet checked: only to find the granter).
struct KeyGrantHeader {
    KeyGrantKind kind = KeyGrantKind::Join;
    QString org;
    QString granter;
    QString recipient;
    QByteArray context;
};

struct AddressedGrant {
    QString recipient; // dev_…
    QByteArray blob;
};

// The organisation's keys handed from one computer to another through the relay. The payload is
// sealed to the recipient's X25519 key (crypto_box_seal) — which is anonymous — and the whole is
// signed by the granting computer's Ed25519 key, so the recipient uses keys only from a computer it
// already trusts (for a join: the one whose key its safety code was computed with).
//
// Blob, version 1: version (u8 = 1) ‖ kind (u8) ‖ org ‖ granter id ‖ recipient id ‖ context (each
// u16 length ‖ bytes) ‖ sealed payload (u32 length ‖ bytes) ‖ Ed25519 signature (64) over
// "Kengele grant 1" (16 bytes with its NUL) ‖ everything before the signature, with the recipient's
// X25519 public key inserted before the sealed payload. The context is the join's transcript hash,
// or the rotation's epoch (u32).
// Payload: version (u8 = 1) ‖ OrgKeyRing::serialize() (u32 length ‖ bytes) ‖ roster count (u16) ‖
// per computer: id, name (u16 length ‖ UTF-8) ‖ box key (32) ‖ sign key (32) ‖ state (u8) ‖
// removedAtEpoch (u32) ‖ removedAtCursor (u64).
class KeyGrant final
{
    Q_DECLARE_TR_FUNCTIONS(KeyGrant)

public:
    static constexpr quint8 Version = 1;
    static constexpr qsizetype MaxBytes = 1024 * 1024;
    static constexpr int MaxRoster = 1000;

    struct Address {
        KeyGrantKind kind = KeyGrantKind::Join;
        QString org;
        QString granterId; // this computer
        QString recipientId;
        DevicePublicKeys recipient;
        QByteArray context;
    };
    static Result<QByteArray> make(const DeviceIdentity &granter, const Address &address, const OrgKeyRing &ring,
                                   const QList<DeviceRecord> &roster);

    // Reads the header only. Nothing in it is checked: open() does that.
    static Result<KeyGrantHeader> peek(QByteArrayView blob);

    struct Expect {
        KeyGrantKind kind = KeyGrantKind::Join;
        QString org;
        QString recipientId; // this computer
        QString granterId;
        QByteArray granterSignKey; // the Ed25519 key the grant must be signed with
        QByteArray context;
    };
    // Checks the header against `expect`, the signature against expect.granterSignKey, then opens
    // the payload with `me`. Any failure: nothing is returned.
    static Result<KeyGrantContents> open(QByteArrayView blob, const DeviceIdentity &me, const Expect &expect);

    // After ring.rotate() on this computer: the new epoch (with `roster`, where the removed computer
    // is marked) sealed to each approved computer of `roster` except this one.
    static Result<QList<AddressedGrant>> forRotation(const DeviceIdentity &me, const QString &org, const QString &myId,
                                                     const OrgKeyRing &ring, quint32 epoch, const QList<DeviceRecord> &roster);
    // A rotation grant received: the granter must be an approved computer in `devices` (not removed),
    // and the epoch in the context must be the one in the payload's ring.
    using DeviceLookup = std::function<std::optional<DeviceRecord>(const QString &deviceId)>;
    static Result<KeyGrantContents> openRotation(QByteArrayView blob, const DeviceIdentity &me, const QString &org,
                                                 const QString &myId, const DeviceLookup &devices);
};

} // namespace kengele
