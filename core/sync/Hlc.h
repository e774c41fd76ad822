// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

namespace kengele {

// A hybrid logical clock (architecture.md "Several computers: the change log"): 64 bits, the upper
// 48 a Unix time in milliseconds and the lower 16 a counter, so SQLite's signed INTEGER sorts it
// (it stays below 2^63 until about the year 6400). The rules are the HLC paper's, as in its
// co-author's TLA+ model: a local change or send stamps max(last + 1 tick, physical time); a
// receive takes the largest of the local clock, the remote stamp and physical time. The counter
// never overflows: past 0xFFFF the milliseconds move on by one instead. Pure functions: the caller
// reads and writes the last stamp in the same transaction as the changes it stamps.
class Hlc final
{
public:
    static constexpr quint64 CounterBits = 16;
    static constexpr quint64 CounterMask = 0xFFFF;
    // A remote stamp further than this ahead of local physical time is parked, not applied.
    static constexpr qint64 MaxAheadMs = 5 * 60 * 1000;

    static constexpr quint64 pack(qint64 ms, quint64 counter) { return (quint64(ms) << CounterBits) | (counter & CounterMask); }
    static constexpr qint64 millis(quint64 hlc) { return qint64(hlc >> CounterBits); }
    static constexpr quint64 counter(quint64 hlc) { return hlc & CounterMask; }

    // The stamp for a local change or a send, given the last stamp and the physical time now.
    static quint64 send(quint64 last, qint64 physicalMs);
    // The local clock after receiving `remote`. The caller checks tooFarAhead() first: such a stamp
    // must not move the clock.
    static quint64 receive(quint64 last, quint64 remote, qint64 physicalMs);
    // Whether a remote stamp is too far in the future to be trusted now (more than MaxAheadMs).
    static bool tooFarAhead(quint64 remote, qint64 physicalMs) { return millis(remote) > physicalMs + MaxAheadMs; }
};

} // namespace kengele
