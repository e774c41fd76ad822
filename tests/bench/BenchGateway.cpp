// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gateway/AfricasTalkingGateway.h"
#include "gateway/GatewaySimulator.h"

#include "gateway/HttpClient.h"
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QtTest>
#include <functional>

using namespace kengele;
using namespace Qt::StringLiterals;

// The production AfricasTalkingGateway against the built-in simulator over loopback HTTP, with a
// bounded number of requests in flight as the dispatcher keeps them:
//   - requests/s with one recipient per request (personalised messages), 16 in flight;
//   - recipients/s with 100 recipients per request (one identical text), 16 in flight.
// Each runs with the simulator on its own thread (as when the dispatcher has a worker thread) and
// on the same thread as the gateway (one core). Delivery reports are off: this measures sending.
// Targets (architecture.md §11, for the whole dispatch path): >= 4,000 messages/s personalised,
// >= 20,000 recipients/s batched.
class BenchGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsPerSecond_data();
    void requestsPerSecond();
    void recipientsPerSecond_data();
    void recipientsPerSecond();

private:
    struct Run {
        int answered = 0;
        int other = 0;
        qint64 elapsedMs = 0;
    };
    void runBench(int requests, int recipientsPerRequest, const char *unit);
    static Run sendAll(SmsGateway &gateway, int requests, int recipientsPerRequest, int inFlight, int offset);
};

namespace {

// A simulator on its own thread or on this one, torn down in the right thread.
class SimulatorRig
{
public:
    explicit SimulatorRig(bool ownThread)
    {
        SimulatorOptions options;
        options.deliveryReports = false;
        m_simulator = new GatewaySimulator(options);
        if (ownThread) {
            m_simulator->moveToThread(&m_thread);
            QObject::connect(&m_thread, &QThread::finished, m_simulator, &QObject::deleteLater);
            m_thread.start();
            QMetaObject::invokeMethod(
                m_simulator, [this] { m_started = bool(m_simulator->start()); }, Qt::BlockingQueuedConnection);
        } else {
            m_started = bool(m_simulator->start());
        }
    }
    ~SimulatorRig()
    {
        if (m_thread.isRunning()) {
            m_thread.quit();
            m_thread.wait();
        } else {
            delete m_simulator;
        }
    }
    bool started() const { return m_started; }
    GatewaySimulator &simulator() { return *m_simulator; }

private:
    QThread m_thread;
    GatewaySimulator *m_simulator = nullptr;
    bool m_started = false;
};

QString phone(int n)
{
    return u"+2547%1"_s.arg(10000000 + n);
}

} // namespace

BenchGateway::Run BenchGateway::sendAll(SmsGateway &gateway, int requests, int recipientsPerRequest, int inFlight, int offset)
{
    Run run;
    int started = 0;
    int finished = 0;
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    std::function<void()> launch = [&] {
        while (started < requests && started - finished < inFlight) {
            const int i = started++;
            SendRequest request;
            request.text = u"Karibu kwenye ibada ya Jumapili saa tatu asubuhi. Mungu akubariki!"_s;
            for (int j = 0; j < recipientsPerRequest; ++j)
                request.phones.append(phone(offset + i * recipientsPerRequest + j));
            gateway.send(request, [&](SendResult result) {
                ++finished;
                if (result.kind == SendResult::Kind::Answered && result.recipients.size() == recipientsPerRequest)
                    ++run.answered;
                else
                    ++run.other;
                if (finished == requests)
                    loop.quit();
                else
                    launch();
            });
        }
    };
    launch();
    if (finished < requests)
        loop.exec();
    run.elapsedMs = std::max<qint64>(1, timer.elapsed());
    return run;
}

void BenchGateway::runBench(int requests, int recipientsPerRequest, const char *unit)
{
    QFETCH(bool, ownThread);
    SimulatorRig rig(ownThread);
    QVERIFY(rig.started());
    HttpClient network;
    auto gateway = rig.simulator().createGateway(network);
    QVERIFY(gateway);

    sendAll(*gateway, 200, recipientsPerRequest, 16, 0); // warm up: connections open, code paths hot
    int round = 0;
    Run run;
    QBENCHMARK
    {
        run = sendAll(*gateway, requests, recipientsPerRequest, 16, ++round * requests * recipientsPerRequest);
    }
    QCOMPARE(run.other, 0);
    QCOMPARE(run.answered, requests);
    const double perSecond = double(requests) * recipientsPerRequest * 1000.0 / double(run.elapsedMs);
    qInfo("%d requests x %d recipient(s), 16 in flight, simulator %s: %lld ms, %.0f %s/s", requests, recipientsPerRequest,
          ownThread ? "on its own thread" : "on the same thread", run.elapsedMs, perSecond, unit);
}

void BenchGateway::requestsPerSecond_data()
{
    QTest::addColumn<bool>("ownThread");
    QTest::addRow("simulator on its own thread") << true;
    QTest::addRow("simulator on the same thread") << false;
}

void BenchGateway::requestsPerSecond()
{
    runBench(4000, 1, "requests");
}

void BenchGateway::recipientsPerSecond_data()
{
    requestsPerSecond_data();
}

void BenchGateway::recipientsPerSecond()
{
    runBench(400, 100, "recipients");
}

QTEST_GUILESS_MAIN(BenchGateway)
#include "BenchGateway.moc"
