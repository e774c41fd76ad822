// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sync/RelaySyncStatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace kengele {

// What the window's relay indicator says for a sync status, at a given time:
//   "Relay: not set up", "Relay: connected · last sync 2 min ago",
//   "Relay: offline since 09:14 · trying again at 09:16", "Relay: this computer must be connected again".
class RelayStatusText final
{
    Q_DECLARE_TR_FUNCTIONS(RelayStatusText)

public:
    enum class State { NotSetUp, Connecting, Connected, Offline, NeedsEnrolment, NotConnected };

    struct Indicator {
        State state = State::NotSetUp;
        QString text;
        QString toolTip;
        // Why it is not syncing, in the sync's own words; empty while it syncs or starts.
        QString reason;
        // "must be connected again": offer reconnectText() (a button that opens Settings → Relay).
        bool offersReconnect = false;
    };

    // `linked`: the profile names a relay (Settings::relayUrl), even if the sync has not started.
    static Indicator indicator(const RelaySyncStatus &status, bool linked, const QDateTime &nowUtc);
    // The button beside "must be connected again": "Reconnect…".
    static QString reconnectText();
    // What the relay does for the person, in plain words (Settings → Relay, tooltips).
    static QString whatItDoes();
    // "just now", "2 min ago", "at 09:14", "on 3 Mar at 09:14".
    static QString ago(const QDateTime &thenUtc, const QDateTime &nowUtc);
    // A UTC time as a local clock time ("09:14"), with the day when it is not today.
    static QString clockTime(const QDateTime &utc, const QDateTime &nowUtc);
};

} // namespace kengele
