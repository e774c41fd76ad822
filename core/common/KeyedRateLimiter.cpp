// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KeyedRateLimiter.h"

#include <algorithm>
#include <vector>

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
            makeRoom();
        it = m_buckets.insert(key, RateLimiter(m_rate, m_burst, m_clock));
    }
    return it->tryAcquire(n);
}

void KeyedRateLimiter::sweep()
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it->available() + 1e-9 >= it->burst())
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

// The table is full and a new key wants a bucket. First the buckets that are full again go: that
// loses nothing. When that frees too little (a flood of new keys faster than buckets refill), the
// fullest eighth goes too, so that one pass over the table makes room for many new keys.
//
// Why the fullest: forgetting a bucket that is not full gives its key a full one when it comes
// back, so the buckets forgotten first are those that lose the least: the fullest, which are the
// keys used least or longest ago. A key whose bucket is empty - the one being limited - is
// forgotten last. An attacker who cycles through new addresses fills the table with buckets that
// are nearly full (one request each) and pushes out only those; to push out an empty bucket they
// would have to empty more than maxKeys buckets of their own first, within the time a bucket
// takes to refill, which costs far more requests than the one bucket they would get back. The
// price: under such a flood an honest client idle for a while is forgotten sooner (it then
// starts full, which does it no harm), and new keys are never refused.
void KeyedRateLimiter::makeRoom()
{
    sweep();
    if (m_buckets.size() < m_maxKeys)
        return;
    const qsizetype forget = qMax<qsizetype>(1, m_maxKeys / 8);
    std::vector<double> levels;
    levels.reserve(size_t(m_buckets.size()));
    for (RateLimiter &bucket : m_buckets)
        levels.push_back(bucket.available());
    // The level of the forget-th fullest bucket: all above it go, and as many at it as needed.
    const auto cut = levels.end() - forget;
    std::nth_element(levels.begin(), cut, levels.end());
    const double threshold = *cut;
    qsizetype atThreshold
        = forget - qsizetype(std::count_if(cut, levels.end(), [threshold](double level) { return level > threshold; }));
    // A bucket may refill a little between the two passes; then one more goes, which is harmless.
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const double level = it->available();
        if (level > threshold || (level == threshold && atThreshold-- > 0))
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace kengele
