// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace kengele {

// One delivery report, as Africa's Talking posts it to the delivery-report callback URL
// (form fields id, status, phoneNumber, networkCode, failureReason). The simulator produces the
// same thing; later the relay hands them on. Strings are kept as the provider wrote them: unknown
// statuses are stored, not dropped.
struct DeliveryReport {
    QString messageId; // `id`: the messageId the send answer gave for this recipient
    QString status; // Sent, Submitted, Buffered (not final); Success, Failed, Rejected,
                    // AbsentSubscriber, Expired (final)
    QString phoneNumber; // E.164
    QString networkCode; // e.g. "63902" Safaricom, "63903" Airtel Kenya
    QString failureReason; // only for Failed/Rejected, and not every network gives one
    QDateTime receivedAt; // UTC

    friend bool operator==(const DeliveryReport &, const DeliveryReport &) = default;
};

} // namespace kengele

Q_DECLARE_METATYPE(kengele::DeliveryReport)
