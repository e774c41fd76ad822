// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RateLimiter.h"

#include <QHash>
#include <QString>

namespace kengele {

// One RateLimiter per key (a client's address, a device id), all with the same rate and burst; a
// key seen for the first time starts with a full bucket. Rate 0 means no limit (and no buckets).
// At most maxKeys buckets are kept: one more forgets them all, so a flood of new keys cannot grow
// the memory without end (a forgotten key starts full again).
class KeyedRateLimiter final
{
public:
    explicit KeyedRateLimiter(double ratePerSecond = 0, double burst = 0, qsizetype maxKeys = 10000,
                              RateLimiter::MonotonicClock clock = {});

    bool isUnlimited() const { return m_rate <= 0; }
    // Takes n tokens from the key's bucket when they are there; false (and nothing taken) otherwise.
    bool tryAcquire(const QString &key, int n = 1);
    // The keys with a bucket now.
    qsizetype size() const { return m_buckets.size(); }

private:
    double m_rate = 0;
    double m_burst = 0;
    qsizetype m_maxKeys = 0;
    RateLimiter::MonotonicClock m_clock;
    QHash<QString, RateLimiter> m_buckets;
};

} // namespace kengele
