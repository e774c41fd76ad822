// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace kengele {

// What the relay indicator shows: "relay: connected, last sync 2 min ago" or "offline since 9:14".
struct RelaySyncStatus {
    bool configured = false; // a relay URL, an enrolment and a device token are there
    bool running = false; // the service is pulling (start() until stop())
    bool connected = false; // the relay's last answer was good
    bool needsEnrolment = false; // the relay refused this computer's token: connect again with a new code
    qint64 cursor = 0;
    QDateTime lastSync; // UTC; invalid: never
    QDateTime offlineSince; // UTC; invalid while connected
    QDateTime nextAttempt; // UTC; when the next try after a failure is due (invalid when none waits)
    QString lastError; // translated, for people; empty while connected
};

} // namespace kengele

Q_DECLARE_METATYPE(kengele::RelaySyncStatus)
