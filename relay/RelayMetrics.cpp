// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayMetrics.h"

namespace kengele::relay {

void RelayMetrics::countRequest(const QString &route, int status)
{
    ++m_requests[{route, status}];
}

void RelayMetrics::countHook(const QString &kind, const QString &result)
{
    ++m_hookResults[{kind, result}];
}

void RelayMetrics::recordHookLatency(double seconds)
{
    m_latencySum += seconds;
    ++m_latencyCount;
    for (size_t i = 0; i < LatencyBounds.size(); ++i) {
        if (seconds <= LatencyBounds[i])
            ++m_latencyBuckets[i];
    }
    ++m_latencyBuckets.back();
}

QByteArray RelayMetrics::text(const Gauges &gauges) const
{
    QByteArray out;
    out += "# HELP kengele_relay_requests_total Requests answered, by route and status.\n"
           "# TYPE kengele_relay_requests_total counter\n";
    for (const auto &[key, count] : m_requests)
        out += "kengele_relay_requests_total{route=\"" + key.first.toLatin1() + "\",status=\"" + QByteArray::number(key.second)
            + "\"} " + QByteArray::number(count) + '\n';
    out += "# HELP kengele_relay_hook_events_total Provider callbacks, by event kind and result.\n"
           "# TYPE kengele_relay_hook_events_total counter\n";
    for (const auto &[key, count] : m_hookResults)
        out += "kengele_relay_hook_events_total{kind=\"" + key.first.toLatin1() + "\",result=\"" + key.second.toLatin1() + "\"} "
            + QByteArray::number(count) + '\n';
    out += "# HELP kengele_relay_hook_duration_seconds Time from a callback's arrival to its answer.\n"
           "# TYPE kengele_relay_hook_duration_seconds histogram\n";
    for (size_t i = 0; i < LatencyBounds.size(); ++i)
        out += "kengele_relay_hook_duration_seconds_bucket{le=\"" + QByteArray::number(LatencyBounds[i]) + "\"} "
            + QByteArray::number(m_latencyBuckets[i]) + '\n';
    out += "kengele_relay_hook_duration_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(m_latencyBuckets.back()) + '\n';
    out += "kengele_relay_hook_duration_seconds_sum " + QByteArray::number(m_latencySum, 'f', 6) + '\n';
    out += "kengele_relay_hook_duration_seconds_count " + QByteArray::number(m_latencyCount) + '\n';
    out += "# HELP kengele_relay_longpolls_waiting Event-feed requests held open now.\n"
           "# TYPE kengele_relay_longpolls_waiting gauge\n"
           "kengele_relay_longpolls_waiting "
        + QByteArray::number(gauges.longPollsWaiting) + '\n';
    out += "# HELP kengele_relay_connections_open Client connections open now.\n"
           "# TYPE kengele_relay_connections_open gauge\n"
           "kengele_relay_connections_open "
        + QByteArray::number(gauges.openConnections) + '\n';
    out += "# HELP kengele_relay_refused_total Requests the HTTP layer refused itself (too large, too slow, not valid HTTP).\n"
           "# TYPE kengele_relay_refused_total counter\n"
           "kengele_relay_refused_total{reason=\"too_large\"} "
        + QByteArray::number(gauges.refusedTooLarge) + '\n' + "kengele_relay_refused_total{reason=\"too_slow\"} "
        + QByteArray::number(gauges.droppedSlow) + '\n' + "kengele_relay_refused_total{reason=\"malformed\"} "
        + QByteArray::number(gauges.refusedMalformed) + '\n';
    out += "# HELP kengele_relay_store_failures_total Batches the database refused.\n"
           "# TYPE kengele_relay_store_failures_total counter\n"
           "kengele_relay_store_failures_total "
        + QByteArray::number(m_storeFailures) + '\n';
    out += "# HELP kengele_relay_purchases_total Token purchases by this process: started, paid, failed.\n"
           "# TYPE kengele_relay_purchases_total counter\n";
    for (const char *result : {"started", "paid", "failed"})
        out += "kengele_relay_purchases_total{result=\"" + QByteArray(result) + "\"} "
            + QByteArray::number(m_purchases.count(QLatin1String(result)) ? m_purchases.at(QLatin1String(result)) : 0) + '\n';
    return out;
}

} // namespace kengele::relay
