// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

#include <functional>

namespace kengele {

// A token bucket: `rate` messages per second on average, bursts of up to `burst`. Rate 0 means no
// limit. Time comes from a monotonic clock in nanoseconds that tests can replace.
class RateLimiter final
{
public:
    using MonotonicClock = std::function<qint64()>;

    explicit RateLimiter(double ratePerSecond = 0, double burst = 0, MonotonicClock clock = {});

    void setRate(double ratePerSecond, double burst = 0);
    double rate() const { return m_rate; }
    double burst() const { return m_burst; } // the most tokens the bucket holds
    bool isUnlimited() const { return m_rate <= 0; }

    // Takes n tokens when they are there; false (and nothing taken) otherwise.
    bool tryAcquire(int n = 1);
    // How long until n tokens will be there (0: now).
    qint64 msUntilAvailable(int n = 1);
    // Tokens available now (capped at the burst).
    double available();

private:
    void refill();

    double m_rate = 0;
    double m_burst = 0;
    double m_tokens = 0;
    qint64 m_lastNs = 0;
    MonotonicClock m_clock;
};

} // namespace kengele
