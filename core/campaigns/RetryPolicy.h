// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

namespace kengele {

// When to try again after a failure that proves the gateway did not take the message (connection
// refused, HTTP 429 or 5xx, a transient per-recipient status): exponential back-off with full
// jitter, up to a limit of attempts, after which the message ends `failed`.
struct RetryPolicy {
    int maxAttempts = 6;
    qint64 baseDelayMs = 2'000;
    qint64 maxDelayMs = 10 * 60'000LL;

    bool mayRetry(int attemptsSoFar) const { return attemptsSoFar < maxAttempts; }
    // Delay before attempt number attemptsSoFar + 1; at least `minimumMs` (e.g. a Retry-After).
    qint64 delayMs(int attemptsSoFar, QRandomGenerator &random, qint64 minimumMs = 0) const;
};

} // namespace kengele
