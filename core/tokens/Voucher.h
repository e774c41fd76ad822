// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <expected>

namespace kengele {

// A voucher: the relay's signed promise that an organisation paid for a plan (docs/relay.md,
// "Buying tokens"). The relay issues one per paid purchase (and one demo voucher per new
// organisation) as a `voucher` event on the feed; the desktop checks the signature against the
// relay's voucher key it pinned when it connected, and credits the tokens once per voucher id.
//
// The signature (Ed25519, libsodium) covers the voucher's canonical text exactly as it travels: the
// event's data is {"voucher": CANONICAL_TEXT, "signature": BASE64}, so nothing has to be
// re-serialised the same way on both sides before checking.
struct Voucher {
    QString id; // vch_…, once per purchase
    QString org; // org_…
    QString purchase; // pur_…; empty for the demo plan
    QString plan; // Plan::key()
    QString account; // the budget the buyer chose ("Main" when none)
    qint64 tokens = 0;
    int validityDays = 0;
    qint64 amountKes = 0; // what was paid, whole shillings; 0 for the demo plan
    QString receipt; // the M-Pesa receipt; empty for the demo plan
    QDateTime issued; // UTC
    bool simulated = false; // paid through the relay's Daraja simulator: no real money

    QDateTime expires() const { return issued.addDays(validityDays); }

    // Compact JSON with the keys in a fixed order; what is signed.
    QByteArray canonical() const;
    // Reads a canonical text back, checking every field (plan known, tokens and days in range).
    static std::expected<Voucher, QString> parse(const QByteArray &canonical);

    // The feed event's data for this voucher, signed with the relay's secret key.
    QJsonObject signedEventData(const QByteArray &secretKey) const;
    // Checks an event's data against the pinned public key, then parses it. The error says why
    // (for the log; never shown as proof of anything): missing fields, bad signature, bad content.
    static std::expected<Voucher, QString> fromEventData(const QJsonObject &data, const QByteArray &publicKey);

    struct KeyPair {
        QByteArray publicKey; // 32 bytes
        QByteArray secretKey; // 64 bytes (libsodium's seed + public key)
    };
    static KeyPair generateKeyPair();
    static QByteArray publicKeyOf(const QByteArray &secretKey); // empty when the key is not 64 bytes
    static QByteArray sign(const QByteArray &message, const QByteArray &secretKey); // 64 bytes
    static bool verify(const QByteArray &message, const QByteArray &signature, const QByteArray &publicKey);
};

} // namespace kengele
