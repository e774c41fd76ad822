// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RateLimiter.h"

#include <QElapsedTimer>

#include <cmath>

namespace kengele {

namespace {
qint64 monotonicNs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.nsecsElapsed();
}
} // namespace

RateLimiter::RateLimiter(double ratePerSecond, double burst, MonotonicClock clock)
    : m_clock(clock ? std::move(clock) : MonotonicClock(monotonicNs))
{
    setRate(ratePerSecond, burst);
}

void RateLimiter::setRate(double ratePerSecond, double burst)
{
    m_rate = qMax(0.0, ratePerSecond);
    // By default a bucket holds a tenth of a second's worth (at least one message), which keeps the
    // rate measured over any second within a few percent of the limit.
    m_burst = burst > 0 ? burst : qMax(1.0, m_rate / 10.0);
    m_tokens = m_burst;
    m_lastNs = m_clock();
}

void RateLimiter::refill()
{
    const qint64 now = m_clock();
    const double elapsed = double(now - m_lastNs) / 1e9;
    m_lastNs = now;
    m_tokens = qMin(m_burst, m_tokens + elapsed * m_rate);
}

double RateLimiter::available()
{
    if (isUnlimited())
        return std::numeric_limits<double>::infinity();
    refill();
    return m_tokens;
}

bool RateLimiter::tryAcquire(int n)
{
    if (isUnlimited())
        return true;
    refill();
    // A batch bigger than the bucket may go when the bucket is full, and leaves a debt.
    const double needed = qMin(double(n), m_burst);
    if (m_tokens + 1e-9 < needed)
        return false;
    m_tokens -= n;
    return true;
}

qint64 RateLimiter::msUntilAvailable(int n)
{
    if (isUnlimited())
        return 0;
    refill();
    const double needed = qMin(double(n), m_burst) - m_tokens;
    if (needed <= 0)
        return 0;
    return qint64(std::ceil(needed / m_rate * 1000.0));
}

} // namespace kengele
