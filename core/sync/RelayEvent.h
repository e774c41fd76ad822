// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace kengele {

// One event of the relay's feed (docs/relay.md, GET /v1/events): a provider callback the relay
// stored. data holds the provider's fields as strings, exactly as received.
struct RelayEvent {
    qint64 seq = 0; // dense and increasing per organisation
    QString kind; // at.delivery, at.inbound, at.optout, daraja.stk, ... (unknown kinds too)
    QDateTime received; // when the relay received it (UTC)
    QJsonObject data;
};

// One answer of the feed.
struct RelayEventBatch {
    QList<RelayEvent> events;
    qint64 next = 0; // the cursor to ask after next time
    bool more = false; // more events are waiting beyond this batch
};

// What POST /v1/enrol gives back. The token is a secret: keychain only, never logged or stored.
struct RelayEnrolment {
    QString device; // dev_...
    QString token;
    QString org; // org_...
    QString orgName;
    QByteArray voucherKey; // the relay's Ed25519 public key for vouchers (32 bytes); empty from an older relay
};

} // namespace kengele
