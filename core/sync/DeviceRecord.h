// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace kengele {

// A computer's public keys: X25519 (crypto_box: what keys are sealed to) and Ed25519 (crypto_sign:
// what its batches and grants are signed with). Public: they may be shown, logged and stored.
struct DevicePublicKeys {
    QByteArray box; // 32 bytes
    QByteArray sign; // 32 bytes

    bool isValid() const { return box.size() == 32 && sign.size() == 32; }
    bool operator==(const DevicePublicKeys &) const = default;

    // As they travel in JSON and are stored in the device table.
    QString boxBase64() const { return QString::fromLatin1(box.toBase64()); }
    QString signBase64() const { return QString::fromLatin1(sign.toBase64()); }
    // nullopt unless both are base64 of 32 bytes.
    static std::optional<DevicePublicKeys> fromBase64(const QString &box, const QString &sign)
    {
        auto boxBytes = QByteArray::fromBase64Encoding(box.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        auto signBytes = QByteArray::fromBase64Encoding(sign.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!boxBytes || !signBytes)
            return std::nullopt;
        DevicePublicKeys keys{boxBytes.decoded, signBytes.decoded};
        return keys.isValid() ? std::optional(keys) : std::nullopt;
    }
};

// What this computer knows of one of the organisation's computers, for checking its batches and
// grants. The lead keeps these in the database (they are public) and hands a lookup to BatchCipher.
struct DeviceRecord {
    enum class State : quint8 {
        Pending = 0, // asked to join, not approved: nothing of it is accepted
        Approved = 1,
        Removed = 2,
    };

    QString id; // the relay's device id, dev_…
    QString name; // "Office laptop"
    DevicePublicKeys keys;
    State state = State::Pending;
    // For a removed computer: the first key epoch it was not given (the one its removal made). Its
    // batches sealed with that epoch or a later one are refused.
    quint32 removedAtEpoch = 0;
    // For a removed computer: the relay's feed position of its removal. Its batches the relay
    // delivers after that position are refused (0: unknown, and then all of its batches are refused).
    qint64 removedAtCursor = 0;

    bool operator==(const DeviceRecord &) const = default;
};

} // namespace kengele
