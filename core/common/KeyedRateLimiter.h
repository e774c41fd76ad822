// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RateLimiter.h"

#include <QHash>
#include <QString>

namespace kengele {

// One RateLimiter per key (a client's address, a device id), all with the same rate and burst; a
// key seen for the first time starts with a full bucket. Rate 0 means no limit (and no buckets).
//
// The table bounds itself: at most maxKeys buckets. A bucket that is full again tells nothing a
// new one would not, so it can always be forgotten: sweep() does that (call it from a periodic
// timer), and so does a new key that finds the table full. When the table is still full after
// that, the fullest eighth of the buckets are forgotten (see makeRoom() for why the fullest).
class KeyedRateLimiter final
{
public:
    // About 250 bytes a key: some 12 MB at most, however many addresses a flood uses.
    static constexpr qsizetype DefaultMaxKeys = 50000;

    explicit KeyedRateLimiter(double ratePerSecond = 0, double burst = 0, qsizetype maxKeys = DefaultMaxKeys,
                              RateLimiter::MonotonicClock clock = {});

    bool isUnlimited() const { return m_rate <= 0; }
    // Takes n tokens from the key's bucket when they are there; false (and nothing taken) otherwise.
    bool tryAcquire(const QString &key, int n = 1);
    // Forgets the buckets that are full again (their keys have been idle long enough to refill).
    void sweep();
    // The keys with a bucket now, and the most there may be.
    qsizetype size() const { return m_buckets.size(); }
    qsizetype maxKeys() const { return m_maxKeys; }

private:
    void makeRoom();

    double m_rate = 0;
    double m_burst = 0;
    qsizetype m_maxKeys = 0;
    RateLimiter::MonotonicClock m_clock;
    QHash<QString, RateLimiter> m_buckets;
};

} // namespace kengele
