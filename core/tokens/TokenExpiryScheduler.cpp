// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenExpiryScheduler.h"

#include "TokenLedger.h"

#include "common/Clock.h"
#include "common/Log.h"

namespace kengele {

TokenExpiryScheduler::TokenExpiryScheduler(TokenLedger &ledger, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TokenExpiryScheduler::runNow);
}

void TokenExpiryScheduler::start()
{
    runNow();
}

void TokenExpiryScheduler::stop()
{
    m_timer.stop();
}

qint64 TokenExpiryScheduler::msUntilNextRun() const
{
    const QDateTime now = m_clock.nowUtc().toLocalTime();
    const QDateTime midnight = QDateTime(now.date().addDays(1), QTime(0, 0)); // local time
    return qMax<qint64>(now.msecsTo(midnight), 0) + AfterMidnightMs;
}

qint64 TokenExpiryScheduler::runNow()
{
    const Result<qint64> moved = m_ledger.expireDue(QStringLiteral("Kengele"));
    // The next local midnight; a day at most (QTimer takes an int of milliseconds).
    m_timer.start(std::chrono::milliseconds(qMin<qint64>(msUntilNextRun(), 24LL * 3'600'000 + AfterMidnightMs)));
    if (!moved) {
        qCWarning(lcTokens) << "expiring due tokens failed:" << moved.error().message;
        return -1;
    }
    if (*moved > 0)
        Q_EMIT expired(*moved);
    return *moved;
}

} // namespace kengele
