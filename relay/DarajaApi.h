// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Purchase.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace kengele::relay {

// One organisation's M-Pesa account, its credentials opened (in memory only, never logged).
struct DarajaAccount {
    QString orgId;
    QString baseUrl;
    QString shortcode;
    QString till; // empty: paybill
    QString consumerKey, consumerSecret, passkey;
    bool simulator = false;
};

struct StkPushRequest {
    qint64 amountKes = 0;
    QString phone; // 2547…/2541…
    QString accountReference; // at most 12 characters
    QString description; // at most 13 characters
    QString callbackUrl;
};

struct StkPushResult {
    bool accepted = false;
    QString checkoutRequestId, merchantRequestId;
    bool phoneBusy = false; // Daraja: "Unable to lock subscriber, a transaction is already in process"
    QString problem; // for the log: HTTP status and Daraja's error code, never a secret
};

struct StkQueryResult {
    enum class Kind { Pending, Settled, Unreachable };
    Kind kind = Kind::Unreachable;
    QString resultCode; // when Settled, as a string ("0" paid)
    QString problem; // for the log
};

// What the relay asks of Daraja (DarajaClient) or of its simulator (DarajaSimulator).
class DarajaApi
{
public:
    virtual ~DarajaApi() = default;
    virtual void stkPush(const DarajaAccount &account, const StkPushRequest &request, std::function<void(StkPushResult)> done)
        = 0;
    virtual void stkQuery(const DarajaAccount &account, const Purchase &purchase, std::function<void(StkQueryResult)> done) = 0;

    // Daraja's Timestamp: the time in Nairobi (UTC+3 all year, no daylight saving) as YYYYMMDDHHmmss.
    static QString nairobiTimestamp(const QDateTime &time);
    // base64(shortcode + passkey + timestamp)
    static QString password(const QString &shortcode, const QString &passkey, const QString &timestamp);
};

} // namespace kengele::relay
