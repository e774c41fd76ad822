// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The relay's counters and their Prometheus text (GET /metrics, docs/relay.md).
#include "RelayMetrics.h"

#include <QtTest>

using namespace kengele::relay;

class TestRelayMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAtZero();
    void countsRequestsByRouteAndStatus();
    void countsHooksByKindAndResult();
    void theLatencyHistogramIsCumulative();
    void gaugesAndStoreFailures();

private:
    static QByteArrayList samples(const QByteArray &text, const QByteArray &metric);
};

QByteArrayList TestRelayMetrics::samples(const QByteArray &text, const QByteArray &metric)
{
    QByteArrayList lines;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(metric + '{')) || line.startsWith(QByteArray(metric + ' ')))
            lines.append(line);
    }
    return lines;
}

void TestRelayMetrics::startsAtZero()
{
    const RelayMetrics metrics;
    const QByteArray text = metrics.text({});
    QVERIFY(text.endsWith('\n'));
    QVERIFY(samples(text, "kengele_relay_requests_total").isEmpty());
    QVERIFY(samples(text, "kengele_relay_hook_events_total").isEmpty());
    QCOMPARE(samples(text, "kengele_relay_hook_duration_seconds_count"),
             QByteArrayList{"kengele_relay_hook_duration_seconds_count 0"});
    QCOMPARE(samples(text, "kengele_relay_hook_duration_seconds_sum"),
             QByteArrayList{"kengele_relay_hook_duration_seconds_sum 0.000000"});
    QCOMPARE(samples(text, "kengele_relay_hook_duration_seconds_bucket").size(),
             qsizetype(RelayMetrics::LatencyBounds.size() + 1));
    // Every metric is announced with its help and type.
    for (const char *name :
         {"kengele_relay_requests_total", "kengele_relay_hook_events_total", "kengele_relay_hook_duration_seconds",
          "kengele_relay_longpolls_waiting", "kengele_relay_connections_open", "kengele_relay_refused_total",
          "kengele_relay_store_failures_total"}) {
        QVERIFY2(text.contains(QByteArray("# HELP " + QByteArray(name) + ' ')), name);
        QVERIFY2(text.contains(QByteArray("# TYPE " + QByteArray(name) + ' ')), name);
    }
}

void TestRelayMetrics::countsRequestsByRouteAndStatus()
{
    RelayMetrics metrics;
    metrics.countRequest(QStringLiteral("hook"), 200);
    metrics.countRequest(QStringLiteral("events"), 401);
    metrics.countRequest(QStringLiteral("hook"), 200);
    metrics.countRequest(QStringLiteral("hook"), 404);
    metrics.countRequest(QStringLiteral("enrol"), 201);
    // One line per (route, status), sorted.
    QCOMPARE(samples(metrics.text({}), "kengele_relay_requests_total"),
             (QByteArrayList{"kengele_relay_requests_total{route=\"enrol\",status=\"201\"} 1",
                             "kengele_relay_requests_total{route=\"events\",status=\"401\"} 1",
                             "kengele_relay_requests_total{route=\"hook\",status=\"200\"} 2",
                             "kengele_relay_requests_total{route=\"hook\",status=\"404\"} 1"}));
}

void TestRelayMetrics::countsHooksByKindAndResult()
{
    RelayMetrics metrics;
    metrics.countHook(QStringLiteral("at.delivery"), QStringLiteral("stored"));
    metrics.countHook(QStringLiteral("at.delivery"), QStringLiteral("duplicate"));
    metrics.countHook(QStringLiteral("at.delivery"), QStringLiteral("stored"));
    metrics.countHook(QStringLiteral("daraja.stk"), QStringLiteral("quarantined"));
    QCOMPARE(samples(metrics.text({}), "kengele_relay_hook_events_total"),
             (QByteArrayList{"kengele_relay_hook_events_total{kind=\"at.delivery\",result=\"duplicate\"} 1",
                             "kengele_relay_hook_events_total{kind=\"at.delivery\",result=\"stored\"} 2",
                             "kengele_relay_hook_events_total{kind=\"daraja.stk\",result=\"quarantined\"} 1"}));
}

void TestRelayMetrics::theLatencyHistogramIsCumulative()
{
    RelayMetrics metrics;
    metrics.recordHookLatency(0.0015); // in the 2 ms bucket and every one above it
    metrics.recordHookLatency(0.001); // a bound belongs to its own bucket
    metrics.recordHookLatency(0.3);
    metrics.recordHookLatency(2.5); // beyond the last bound: +Inf only
    const QByteArray text = metrics.text({});
    QCOMPARE(samples(text, "kengele_relay_hook_duration_seconds_bucket"),
             (QByteArrayList{"kengele_relay_hook_duration_seconds_bucket{le=\"0.001\"} 1",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"0.002\"} 2",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"0.005\"} 2",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"0.01\"} 2",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"0.02\"} 2",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"0.05\"} 2",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"0.1\"} 2",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"0.25\"} 2",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"0.5\"} 3",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"1\"} 3",
                             "kengele_relay_hook_duration_seconds_bucket{le=\"+Inf\"} 4"}));
    QCOMPARE(samples(text, "kengele_relay_hook_duration_seconds_sum"),
             QByteArrayList{"kengele_relay_hook_duration_seconds_sum 2.802500"});
    QCOMPARE(samples(text, "kengele_relay_hook_duration_seconds_count"),
             QByteArrayList{"kengele_relay_hook_duration_seconds_count 4"});
}

void TestRelayMetrics::gaugesAndStoreFailures()
{
    RelayMetrics metrics;
    metrics.countStoreFailure();
    metrics.countStoreFailure();
    RelayMetrics::Gauges gauges;
    gauges.longPollsWaiting = 3;
    gauges.openConnections = 17;
    gauges.refusedTooLarge = 5;
    gauges.droppedSlow = 1;
    gauges.refusedMalformed = 4;
    const QByteArray text = metrics.text(gauges);
    QCOMPARE(samples(text, "kengele_relay_longpolls_waiting"), QByteArrayList{"kengele_relay_longpolls_waiting 3"});
    QCOMPARE(samples(text, "kengele_relay_connections_open"), QByteArrayList{"kengele_relay_connections_open 17"});
    QCOMPARE(samples(text, "kengele_relay_refused_total"),
             (QByteArrayList{"kengele_relay_refused_total{reason=\"too_large\"} 5",
                             "kengele_relay_refused_total{reason=\"too_slow\"} 1",
                             "kengele_relay_refused_total{reason=\"malformed\"} 4"}));
    QCOMPARE(samples(text, "kengele_relay_store_failures_total"), QByteArrayList{"kengele_relay_store_failures_total 2"});
}

QTEST_GUILESS_MAIN(TestRelayMetrics)
#include "TestRelayMetrics.moc"
