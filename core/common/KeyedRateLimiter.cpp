// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KeyedRateLimiter.h"

namespace kengele {

KeyedRateLimiter::KeyedRateLimiter(double ratePerSecond, double burst, qsizetype maxKeys, RateLimiter::MonotonicClock clock)
    : m_rate(qMax(0.0, ratePerSecond))
    , m_burst(burst)
    , m_maxKeys(qMax<qsizetype>(1, maxKeys))
    , m_clock(std::move(clock))
{ }

bool KeyedRateLimiter::tryAcquire(const QString &key, int n)
{
    if (isUnlimited())
        return true;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxKeys)
            m_buckets.clear();
        it = m_buckets.insert(key, RateLimiter(m_rate, m_burst, m_clock));
    }
    return it->tryAcquire(n);
}

} // namespace kengele
