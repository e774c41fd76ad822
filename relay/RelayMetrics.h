// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <map>
#include <utility>

namespace kengele::relay {

// The relay's counters, and their Prometheus text for GET /metrics (docs/relay.md): requests by
// route and status, provider callbacks by kind and result, the callbacks' latency histogram and
// the store's failures. The gauges (held polls, open connections, refused requests) belong to
// other parts of the server and are handed in when the text is made.
class RelayMetrics final
{
public:
    // Upper bounds (seconds) of the latency histogram's buckets; +Inf comes after them.
    static constexpr std::array<double, 10> LatencyBounds = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0};

    struct Gauges {
        quint64 longPollsWaiting = 0;
        quint64 openConnections = 0;
        quint64 refusedTooLarge = 0;
        quint64 droppedSlow = 0;
        quint64 refusedMalformed = 0;
    };

    void countRequest(const QString &route, int status);
    // result: stored, duplicate or quarantined.
    void countHook(const QString &kind, const QString &result);
    void recordHookLatency(double seconds);
    void countStoreFailure() { ++m_storeFailures; }
    // Token purchases: started, paid, failed (docs/relay.md, "Buying tokens with M-Pesa").
    void countPurchase(const QString &result) { ++m_purchases[result]; }

    QByteArray text(const Gauges &gauges) const;

private:
    std::map<std::pair<QString, int>, quint64> m_requests; // (route, status) → count
    std::map<std::pair<QString, QString>, quint64> m_hookResults; // (kind, result) → count
    std::array<quint64, LatencyBounds.size() + 1> m_latencyBuckets{}; // cumulative per bound in LatencyBounds, then +Inf
    double m_latencySum = 0;
    quint64 m_latencyCount = 0;
    quint64 m_storeFailures = 0;
    std::map<QString, quint64> m_purchases; // result → count
};

} // namespace kengele::relay
