// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Load benchmark for kengele-relay (architecture.md §11: delivery-report callbacks on loopback,
// >= 3,000/s with p99 < 20 ms on SQLite, 2 cores). Starts the real kengele-relay binary as a child
// process on a free loopback port with a fresh database, creates an organisation with the relay's
// own admin command, then a load generator of our own (keep-alive connections, one request in
// flight per connection, all in this thread) posts Africa's Talking delivery reports with
// distinct ids and measures each callback's latency from the first byte written to the last byte
// of the answer. Bounded: a fixed number of callbacks and a time limit; loopback only.
// Runs on SQLite, and on PostgreSQL when KENGELE_TEST_POSTGRES is set (scripts/dev bench sets it).
//   BenchRelay [callbacks=20000] [connections=16]
#include "TestSupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int TimeLimitMs = 120000;

QString relayBinary()
{
    return QStringLiteral(KENGELE_RELAY_BINARY);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

struct Result {
    bool ok = false;
    QString why;
    int sent = 0;
    int answered200 = 0;
    int otherStatus = 0;
    double seconds = 0;
    std::vector<double> latenciesMs;
};

// One keep-alive connection: sends the next callback as soon as the previous answer is complete.
class Client
{
public:
    Client(quint16 port, QByteArray path, int *nextId, int total, Result *result, QElapsedTimer *clock)
        : m_path(std::move(path))
        , m_nextId(nextId)
        , m_total(total)
        , m_result(result)
        , m_clock(clock)
    {
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this] { sendNext(); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { onReadyRead(); });
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool idle() const { return !m_waiting; }

private:
    void sendNext()
    {
        if (*m_nextId >= m_total) {
            m_waiting = false;
            return;
        }
        const int id = (*m_nextId)++;
        const QByteArray body = "id=ATXid_bench_" + QByteArray::number(id) + "&status=Success&phoneNumber=%2B2547"
            + QByteArray::number(10000000 + id % 89999999) + "&networkCode=63902&failureReason=&retryCount=0";
        const QByteArray request = "POST " + m_path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        m_startedNs = m_clock->nsecsElapsed();
        m_waiting = true;
        ++m_result->sent;
        m_socket.write(request);
    }

    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = m_buffer.left(end).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            const qint64 length = cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (m_buffer.size() < end + 4 + length)
                return;
            const bool ok = head.startsWith("http/1.1 200");
            m_buffer.remove(0, end + 4 + length);
            m_result->latenciesMs.push_back(double(m_clock->nsecsElapsed() - m_startedNs) / 1e6);
            (ok ? m_result->answered200 : m_result->otherStatus)++;
            sendNext();
        }
    }

    QTcpSocket m_socket;
    QByteArray m_path;
    QByteArray m_buffer;
    int *m_nextId;
    int m_total;
    Result *m_result;
    QElapsedTimer *m_clock;
    qint64 m_startedNs = 0;
    bool m_waiting = true;
};

Result runAgainst(const QString &database, int callbacks, int connections)
{
    Result result;
    const quint16 port = freePort();
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(port);
    QProcess admin;
    admin.start(relayBinary(),
                {QStringLiteral("--db"), database, QStringLiteral("--listen"), listen, QStringLiteral("--json"),
                 QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("Bench Church")});
    if (!admin.waitForFinished(30000) || admin.exitCode() != 0) {
        result.why = QStringLiteral("org create failed: ") + QString::fromUtf8(admin.readAllStandardError());
        return result;
    }
    const QJsonObject org = QJsonDocument::fromJson(admin.readAllStandardOutput()).object();
    const QUrl hook(org.value(QLatin1String("hooks")).toObject().value(QLatin1String("at_delivery")).toString());

    QProcess relay;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kengele.relay.access=false"));
    relay.setProcessEnvironment(env);
    relay.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    relay.start(relayBinary(), {QStringLiteral("--db"), database, QStringLiteral("--listen"), listen});
    if (!relay.waitForStarted(10000)) {
        result.why = QStringLiteral("kengele-relay did not start");
        return result;
    }
    // Wait until it answers.
    QElapsedTimer wait;
    wait.start();
    bool up = false;
    while (!up && wait.elapsed() < 10000) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        up = probe.waitForConnected(200);
        if (!up)
            QThread::msleep(50);
    }
    if (!up) {
        result.why = QStringLiteral("kengele-relay does not answer");
        relay.kill();
        return result;
    }

    QElapsedTimer clock;
    clock.start();
    int nextId = 0;
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < connections; ++i)
        clients.push_back(std::make_unique<Client>(port, hook.path().toLatin1(), &nextId, callbacks, &result, &clock));
    QEventLoop loop;
    QTimer check;
    check.setInterval(20);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        const bool done = int(result.latenciesMs.size()) >= callbacks;
        if (done || clock.elapsed() > TimeLimitMs)
            loop.quit();
    });
    check.start();
    loop.exec();
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    clients.clear();
    relay.terminate();
    if (!relay.waitForFinished(10000))
        relay.kill();
    result.ok = int(result.latenciesMs.size()) == callbacks;
    if (!result.ok)
        result.why = QStringLiteral("only %1 of %2 callbacks were answered within %3 s")
                         .arg(result.latenciesMs.size())
                         .arg(callbacks)
                         .arg(TimeLimitMs / 1000);
    return result;
}

void report(const char *name, const Result &r)
{
    if (!r.ok) {
        std::printf("%-10s FAILED: %s\n", name, qPrintable(r.why));
        return;
    }
    std::vector<double> sorted = r.latenciesMs;
    std::sort(sorted.begin(), sorted.end());
    auto pct = [&sorted](double p) {
        return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
    };
    std::printf("%-10s %6d callbacks in %6.2f s = %7.0f/s   latency p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms   (non-200: %d)\n",
                name, int(sorted.size()), r.seconds, double(sorted.size()) / r.seconds, pct(0.50), pct(0.99), sorted.back(),
                r.otherStatus);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int callbacks = args.size() > 1 ? args.at(1).toInt() : 20000;
    const int connections = args.size() > 2 ? args.at(2).toInt() : 16;
    std::printf("BenchRelay: %d Africa's Talking delivery-report callbacks over %d keep-alive connections (loopback)\n",
                callbacks, connections);
    int failures = 0;
    {
        QTemporaryDir dir;
        const Result sqlite
            = runAgainst(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("relay.db")), callbacks, connections);
        report("SQLite", sqlite);
        failures += sqlite.ok ? 0 : 1;
    }
    if (kengele::test::postgresUnavailableReason().isEmpty()) {
        const QString url = kengele::test::createScratchPostgresDatabase(QStringLiteral("relay_bench"));
        const Result postgres = runAgainst(url, callbacks, connections);
        report("PostgreSQL", postgres);
        failures += postgres.ok ? 0 : 1;
        kengele::test::dropScratchPostgresDatabase(url);
    } else {
        std::printf("PostgreSQL skipped: %s\n", qPrintable(kengele::test::postgresUnavailableReason()));
    }
    return failures;
}
