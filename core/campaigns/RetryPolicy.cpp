// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RetryPolicy.h"

namespace kengele {

qint64 RetryPolicy::delayMs(int attemptsSoFar, QRandomGenerator &random, qint64 minimumMs) const
{
    const int exponent = qBound(0, attemptsSoFar - 1, 30);
    const qint64 ceiling = qMin(maxDelayMs, baseDelayMs << qMin(exponent, 20));
    // Full jitter between half the ceiling and the ceiling: spread retries, but never retry at once.
    const qint64 delay = ceiling / 2 + qint64(random.bounded(quint64(ceiling / 2 + 1)));
    return qMax(delay, minimumMs);
}

} // namespace kengele
