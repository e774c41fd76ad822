// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayStatusText.h"

#include <QLocale>

namespace kengele {

QString RelayStatusText::clockTime(const QDateTime &utc, const QDateTime &nowUtc)
{
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == nowUtc.toLocalTime().date())
        return time;
    //: A day and a clock time: "3 Mar 09:14"
    return tr("%1 %2").arg(locale.toString(local.date(), QStringLiteral("d MMM")), time);
}

QString RelayStatusText::ago(const QDateTime &thenUtc, const QDateTime &nowUtc)
{
    if (!thenUtc.isValid())
        return tr("never");
    const qint64 seconds = thenUtc.secsTo(nowUtc);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 60LL * 60)
        return tr("%n min ago", nullptr, int(seconds / 60));
    //: When something happened longer than an hour ago: "at 09:14" or "at 3 Mar 09:14"
    return tr("at %1").arg(clockTime(thenUtc, nowUtc));
}

QString RelayStatusText::reconnectText()
{
    //: A button beside "this computer must be connected again": opens Settings → Relay
    return tr("Reconnect…");
}

QString RelayStatusText::whatItDoes()
{
    return tr("The relay receives replies and delivery reports for this computer, and passes them on when it is "
              "switched on.");
}

RelayStatusText::Indicator RelayStatusText::indicator(const RelaySyncStatus &status, bool linked, const QDateTime &nowUtc)
{
    Indicator result;
    if (status.needsEnrolment) {
        result.state = State::NeedsEnrolment;
        result.text = tr("Relay: this computer must be connected again");
        result.reason = status.lastError;
        result.offersReconnect = true;
        const QString how = tr("Click to reconnect: ask your administrator for a new enrolment code and enter it in "
                               "Settings → Relay.");
        result.toolTip = status.lastError.isEmpty() ? how : status.lastError + u' ' + how;
        return result;
    }
    if (!linked && !status.configured) {
        result.state = State::NotSetUp;
        result.text = tr("Relay: not set up");
        result.toolTip = whatItDoes() + u' ' + tr("Click to connect in Settings → Relay.");
        return result;
    }
    if (status.connected) {
        result.state = State::Connected;
        result.text = tr("Relay: connected · last sync %1").arg(ago(status.lastSync, nowUtc));
        result.toolTip = whatItDoes();
        return result;
    }
    if (status.running && status.offlineSince.isValid()) {
        result.state = State::Offline;
        result.text = tr("Relay: offline since %1").arg(clockTime(status.offlineSince, nowUtc));
        if (status.nextAttempt.isValid())
            result.text += QStringLiteral(" · ") + tr("trying again at %1").arg(clockTime(status.nextAttempt, nowUtc));
        result.reason = status.lastError;
        result.toolTip = status.lastError;
        return result;
    }
    if (!status.running && !status.lastError.isEmpty()) {
        result.state = State::NotConnected;
        result.text = tr("Relay: not connected");
        result.reason = status.lastError;
        result.toolTip = status.lastError;
        return result;
    }
    result.state = State::Connecting;
    result.text = tr("Relay: connecting…");
    result.toolTip = status.lastSync.isValid() ? tr("Last sync %1.").arg(ago(status.lastSync, nowUtc)) : QString();
    return result;
}

} // namespace kengele
