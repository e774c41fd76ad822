// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Hlc.h"

#include "SyncLog.h"

#include <algorithm>
#include <atomic>

namespace kengele {

namespace {

// The next tick after (l, c): the counter goes up, and past its 16 bits the milliseconds do.
quint64 tick(qint64 l, quint64 c)
{
    if (c >= Hlc::CounterMask)
        return Hlc::pack(l + 1, 0);
    return Hlc::pack(l, c + 1);
}

void noteBackwardJump(qint64 l, qint64 physicalMs)
{
    // The operating system's clock went back (or another computer's was ahead): the clock stays
    // monotone and counts on from its last stamp. A jump of more than a second is noted, once a minute.
    static std::atomic<qint64> lastNoted{0};
    if (l - physicalMs > 1000 && physicalMs - lastNoted.exchange(physicalMs) > 60 * 1000)
        qCInfo(lcSync) << "the computer's clock is" << (l - physicalMs) << "ms behind the last change's; counting on from it";
}

} // namespace

quint64 Hlc::send(quint64 last, qint64 physicalMs)
{
    const qint64 l = millis(last);
    if (l >= physicalMs) {
        noteBackwardJump(l, physicalMs);
        return tick(l, counter(last));
    }
    return pack(physicalMs, 0);
}

quint64 Hlc::receive(quint64 last, quint64 remote, qint64 physicalMs)
{
    const qint64 l = millis(last);
    const qint64 lm = millis(remote);
    const qint64 next = std::max({l, lm, physicalMs});
    if (next == l && next == lm)
        return tick(next, std::max(counter(last), counter(remote)));
    if (next == l)
        return tick(next, counter(last));
    if (next == lm)
        return tick(next, counter(remote));
    return pack(next, 0);
}

} // namespace kengele
