// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Sync through the relay (docs/relay.md, "Sync between a church's computers"), in process on
// loopback: POST /v1/changes one batch at a time (latency p50/p95/p99 and batches/s) for 1 KiB and
// 64 KiB batches, how long a batch takes to reach another computer's held GET /v1/changes, and
// reading 1,000 batches back in pages. Client and relay share one thread, so the numbers include the
// client's own work. Runs on SQLite, and on PostgreSQL when KENGELE_TEST_POSTGRES is set.
//   BenchRelaySync [batches=500]
#include "RelayHarness.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kengele;
using namespace kengele::test;

namespace {

QByteArray changeBody(qint64 seq, const QByteArray &batch)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("seq"), seq},
                                     {QStringLiteral("epoch"), 1},
                                     {QStringLiteral("batch"), QString::fromLatin1(batch.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

bool run(RelayHarness::Backend backend, int batches)
{
    const char *name = backend == RelayHarness::Backend::Sqlite ? "sqlite" : "postgres";
    RelayHarness relay(backend);
    QString why;
    relay::RelayConfig config;
    config.deviceRate = 1e6; // measure the relay, not its per-device limit (20/s by default)
    if (!relay.open(&why) || !relay.start(config)) {
        std::fprintf(stderr, "%s: cannot start the relay: %s\n", name, qPrintable(why));
        return false;
    }
    const auto founder = relay.createOrgWithDevice();
    auto laptop = relay.enrolAnother(founder);
    auto post = [&](const QString &path, const QByteArray &body, const RelayHarness::Org &who) {
        return relay.post(relay.url(path), body, "application/json", who.token.toLatin1());
    };
    auto b64 = [](const char *text) {
        return QString::fromLatin1(QByteArray(text).toBase64());
    };
    post(QStringLiteral("/v1/join"), QJsonDocument(QJsonObject{{QStringLiteral("commitment"), b64("c")}}).toJson(), laptop);
    post(QStringLiteral("/v1/join-requests/%1/keys").arg(laptop.deviceId),
         QJsonDocument(QJsonObject{{QStringLiteral("keys"), b64("k")}}).toJson(), founder);
    post(QStringLiteral("/v1/join/reveal"), QJsonDocument(QJsonObject{{QStringLiteral("reveal"), b64("r")}}).toJson(), laptop);
    if (post(QStringLiteral("/v1/join-requests/%1/approve").arg(laptop.deviceId),
             QJsonDocument(QJsonObject{{QStringLiteral("grant"), b64("g")}}).toJson(), founder)
            .status
        != 200) {
        std::fprintf(stderr, "%s: the join failed\n", name);
        return false;
    }

    qint64 seq = 0;
    for (const qsizetype size : {qsizetype(1024), qsizetype(64 * 1024)}) {
        QByteArray batch(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < size; ++i)
            batch[i] = char((i * 131 + 7) & 0xff);
        std::vector<double> latencies;
        QElapsedTimer all;
        all.start();
        const int count = size > 1024 ? std::max(50, batches / 5) : batches;
        for (int i = 0; i < count; ++i) {
            const QByteArray body = changeBody(++seq, batch);
            QElapsedTimer one;
            one.start();
            const auto r = post(QStringLiteral("/v1/changes"), body, founder);
            latencies.push_back(double(one.nsecsElapsed()) / 1e6);
            if (r.status != 200) {
                std::fprintf(stderr, "%s: POST /v1/changes answered %d\n", name, r.status);
                return false;
            }
        }
        const double seconds = double(all.nsecsElapsed()) / 1e9;
        std::printf("%s: POST /v1/changes %lld-byte batches x%d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %.0f batches/s, "
                    "%.1f MB/s\n",
                    name, qlonglong(size), count, percentile(latencies, 0.5), percentile(latencies, 0.95),
                    percentile(latencies, 0.99), count / seconds, double(count) * double(size) / seconds / 1e6);
    }

    // A batch reaching another computer's held long poll.
    QNetworkAccessManager network;
    std::vector<double> reach;
    for (int i = 0; i < 20; ++i) {
        QNetworkRequest request(relay.url(QStringLiteral("/v1/changes?after=%1&wait=10").arg(seq)));
        request.setRawHeader("Authorization", "Bearer " + laptop.token.toLatin1());
        QNetworkReply *held = network.get(request);
        QElapsedTimer settle;
        settle.start();
        while (relay.server()->waitingPolls() < 1 && settle.elapsed() < 5000)
            QTest::qWait(1);
        QElapsedTimer clock;
        clock.start();
        QSignalSpy done(held, &QNetworkReply::finished);
        post(QStringLiteral("/v1/changes"), changeBody(++seq, QByteArray(512, 'x')), founder);
        if (!held->isFinished())
            done.wait(10000);
        reach.push_back(double(clock.nsecsElapsed()) / 1e6);
        held->deleteLater();
    }
    std::printf("%s: a batch reaches another computer's held poll (post + wake + answer) x20: p50 %.2f ms, max %.2f ms\n", name,
                percentile(reach, 0.5), percentile(reach, 1.0));

    // Reading everything back in pages of 1000.
    QElapsedTimer read;
    read.start();
    qint64 after = 0, received = 0;
    for (;;) {
        const auto r
            = relay.get(relay.url(QStringLiteral("/v1/changes?after=%1&limit=1000").arg(after)), laptop.token.toLatin1());
        const QJsonArray changes = r.json().value(QLatin1String("changes")).toArray();
        if (r.status != 200 || changes.isEmpty())
            break;
        received += changes.size();
        after = r.json().value(QLatin1String("next")).toInteger();
        if (!r.json().value(QLatin1String("more")).toBool())
            break;
    }
    std::printf("%s: GET /v1/changes read back %lld batches in %.1f ms\n", name, qlonglong(received),
                double(read.nsecsElapsed()) / 1e6);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kengele.*=false"));
    const int batches = argc > 1 ? std::max(10, QByteArray(argv[1]).toInt()) : 500;
    bool ok = run(RelayHarness::Backend::Sqlite, batches);
    if (!qEnvironmentVariableIsEmpty("KENGELE_TEST_POSTGRES"))
        ok = run(RelayHarness::Backend::Postgres, batches) && ok;
    return ok ? 0 : 1;
}
