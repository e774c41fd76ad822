// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace kengele::relay {

// An organisation's M-Pesa settings as stored: the credentials sealed with the master key
// (MasterKey), never in plain text.
struct MpesaSettings {
    QString orgId;
    QString shortcode; // BusinessShortCode (paybill, or the till's head office / store number)
    QString till; // empty: paybill (CustomerPayBillOnline); else PartyB for CustomerBuyGoodsOnline
    QString environment; // "sandbox" | "live" | "simulator"
    QString baseUrl; // https://sandbox.safaricom.co.ke, https://api.safaricom.co.ke, or the operator's
    bool simulator = false;
    QString consumerKeySealed, consumerSecretSealed, passkeySealed;
    qint64 updatedAt = 0;
};

// What an organisation pays per plan (whole shillings; none = the operator set no price: that
// plan cannot be bought), and whether plans lock features on its desktops.
struct OrgPrices {
    std::optional<qint64> starter, business, enterprise;
    bool lockFeatures = false;
    std::optional<qint64> price(const QString &plan) const;
};

// One attempt to buy a plan with M-Pesa (docs/relay.md, "Buying tokens with M-Pesa").
struct Purchase {
    QString id; // pur_…
    QString orgId;
    QString requestId; // the desktop's, unique per organisation
    QString plan;
    qint64 tokens = 0;
    int validityDays = 0;
    qint64 amountKes = 0;
    QString phone; // 2547…/2541…
    QString account;
    QString state = QStringLiteral("waiting"); // waiting | paid | failed
    QString reason;
    QString resultCode;
    QString receipt;
    QString checkoutRequestId; // empty until Daraja accepted the push
    QString merchantRequestId;
    QString voucherId;
    bool simulated = false;
    qint64 requestedAt = 0;
    qint64 updatedAt = 0;
    bool callbackReceived = false;
    qint64 nextQueryAt = 0;
    int queryAttempts = 0;

    // The wire object (the phone masked: first 4 and last 3 digits).
    QJsonObject toJson() const;
    static QString maskPhone(const QString &phone);
};

// An event written by the relay itself (a voucher, a purchase's outcome), appended together with
// the change that caused it.
struct OwnEvent {
    QString kind;
    QString dedupeKey;
    QByteArray data;
};

} // namespace kengele::relay
