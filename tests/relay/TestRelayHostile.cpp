// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The relay on loopback against requests an attacker sends (the findings of a hostile test): each
// test here failed against the relay built on Qt's HTTP server. Once on SQLite and once on
// PostgreSQL (KENGELE_TEST_POSTGRES; skipped without it, failed with KENGELE_REQUIRE_POSTGRES=1).
#include "MemoryTransport.h"
#include "RelayHarness.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QtTest>

#include <algorithm>

using namespace kengele;
using namespace kengele::test;

namespace {

const QByteArray DeliveryForm = "id=ATXid_7&status=Success&phoneNumber=%2B254712345678&networkCode=63902&retryCount=0";
const QByteArray SmuggledRequest = "GET /metrics HTTP/1.1\r\nHost: relay\r\n\r\n";

QUrl hook(const RelayHarness::Org &org, const char *key)
{
    return QUrl(org.hooks.value(QLatin1String(key)).toString());
}

// Resident memory of this process (the relay runs in it), in bytes.
qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toLongLong() * 4096;
}

// A raw client: what it sends is sent as written, and it reads whatever comes back.
class RawClient
{
public:
    explicit RawClient(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }
    bool connected() { return m_socket.waitForConnected(5000); }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    // Keeps sending `chunk` while the relay takes it, up to `total` bytes or `ms`, or until the
    // relay closes. Returns the bytes the socket got rid of.
    qint64 flood(const QByteArray &chunk, qint64 total, int ms)
    {
        QElapsedTimer timer;
        timer.start();
        qint64 written = 0;
        while (written < total && timer.elapsed() < ms && m_socket.state() == QAbstractSocket::ConnectedState) {
            if (m_socket.bytesToWrite() < chunk.size())
                written += m_socket.write(chunk);
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            m_received += m_socket.readAll();
        }
        return written - m_socket.bytesToWrite();
    }
    // Reads until the relay closes the connection or `ms` pass.
    QByteArray readUntilClosed(int ms = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < ms) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            m_received += m_socket.readAll();
        }
        m_received += m_socket.readAll();
        return m_received;
    }
    // Reads until `count` whole answers have come (or `ms` pass).
    QList<std::pair<int, QByteArray>> readAnswers(int count, int ms = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < ms) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            m_received += m_socket.readAll();
            if (parseAnswers(m_received).size() >= count)
                return parseAnswers(m_received);
        }
        return parseAnswers(m_received);
    }
    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    QByteArray received() const { return m_received; }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestRelayHostile : public QObject
{
    Q_OBJECT

public:
    explicit TestRelayHostile(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;
    std::unique_ptr<RelayHarness> m_relay;

    bool isPostgres() const { return m_backend == RelayHarness::Backend::Postgres; }
    quint16 port() const { return quint16(m_relay->baseUrl().port()); }

private Q_SLOTS:
    void initTestCase()
    {
        if (isPostgres())
            KENGELE_NEED_POSTGRES();
    }

    void init()
    {
        m_relay = std::make_unique<RelayHarness>(m_backend);
        QString why;
        QVERIFY2(m_relay->open(&why), qPrintable(why));
        QVERIFY(m_relay->start());
    }

    void cleanup() { m_relay.reset(); }

    // Finding 1: 21 MB → 621 MB without a secret. Each variant floods up to 48 MB; the relay
    // must refuse early and its memory stay put.
    void floodsBehindTheHeadersDoNotTakeMemory_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("then");
        QTest::addColumn<QByteArray>("chunk");
        QTest::newRow("no final CRLF, pause, blank lines, megabytes")
            << QByteArray("POST /anything HTTP/1.1\r\nHost: relay\r\nContent-Type: text/plain\r\n") << QByteArray("\r\n\r\n\r\n")
            << QByteArray(1024 * 1024, 'a');
        QTest::newRow("bare LF") << QByteArray("POST /anything HTTP/1.1\nHost: relay\n") << QByteArray("\n\n\n")
                                 << QByteArray(1024 * 1024, 'a');
        QTest::newRow("chunked") << QByteArray("POST /anything HTTP/1.1\r\nHost: relay\r\nTransfer-Encoding: chunked\r\n")
                                 << QByteArray("\r\n") << QByteArray("100000\r\n" + QByteArray(1024 * 1024, 'a') + "\r\n");
        QTest::newRow("endless header") << QByteArray("POST /anything HTTP/1.1\r\nHost: relay\r\nX-A: ") << QByteArray()
                                        << QByteArray(1024 * 1024, 'a');
    }
    void floodsBehindTheHeadersDoNotTakeMemory()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, then);
        QFETCH(QByteArray, chunk);
        const qint64 before = residentBytes();
        RawClient client(port());
        QVERIFY(client.connected());
        client.send(head);
        client.flood(QByteArray(), 0, 300); // the pause
        client.send(then);
        client.flood(chunk, qint64(48) * 1024 * 1024, 8000);
        const QByteArray answer = client.readUntilClosed();
        const qint64 grown = residentBytes() - before;
        QVERIFY2(answer.startsWith("HTTP/1.1 4"), answer.left(60).constData());
        QVERIFY2(grown < qint64(16) * 1024 * 1024, qPrintable(QStringLiteral("grew %1 MB").arg(grown / (1024 * 1024))));
        QVERIFY(client.isClosed());
        // The relay still serves others.
        QCOMPARE(m_relay->get(QUrl(m_relay->baseUrl().toString() + QStringLiteral("/v1/health"))).status, 200);
    }

    // Finding 5: a body smuggled behind headers Qt 6.4 dropped was answered as a second request.
    void aSmuggledSecondRequestIsNeverAnswered_data()
    {
        QTest::addColumn<QByteArray>("head");
        QByteArray many = "POST /v1/enrol HTTP/1.1\r\nHost: relay\r\n";
        for (int i = 0; i < 101; ++i)
            many += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("101 headers") << many + "Content-Length: 38\r\n\r\n";
        QTest::newRow("invalid header name") << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nBad[Name]: x\r\n"
                                                           "Content-Length: 38\r\n\r\n");
        QTest::newRow("Content-Length -1") << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Length: -1\r\n\r\n");
    }
    void aSmuggledSecondRequestIsNeverAnswered()
    {
        QFETCH(QByteArray, head);
        RawClient client(port());
        QVERIFY(client.connected());
        client.send(head + SmuggledRequest);
        const QByteArray received = client.readUntilClosed();
        QVERIFY2(received.startsWith("HTTP/1.1 4"), received.left(60).constData());
        QCOMPARE(received.count("HTTP/1.1 "), 1);
        QVERIFY(!received.contains("kengele_relay"));
        QVERIFY(client.isClosed());
    }

    // Finding 6: a chunked hook answered 411 was stored all the same.
    void aRefusedHookIsNotStored()
    {
        const auto org = m_relay->createOrgWithDevice();
        RawClient client(port());
        QVERIFY(client.connected());
        client.send("POST " + hook(org, "at_delivery").path().toLatin1()
                    + " HTTP/1.1\r\nHost: relay\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n"
                    + QByteArray::number(DeliveryForm.size(), 16) + "\r\n" + DeliveryForm + "\r\n0\r\n\r\n");
        const QByteArray received = client.readUntilClosed();
        QVERIFY2(received.startsWith("HTTP/1.1 411"), received.left(60).constData());
        QCoreApplication::processEvents(); // a batch, if any, would be stored now
        QTest::qWait(50);
        QCOMPARE(m_relay->events(org, 1).json().value(QLatin1String("events")).toArray().size(), 0); // after the demo voucher
        const auto quarantined = m_relay->store().quarantine(org.id, 10);
        QVERIFY(quarantined);
        QCOMPARE(quarantined->size(), 0);
    }

    // Finding 9: "Connection: close" and HTTP/1.0 held the connection 60 s.
    void connectionCloseAndHttp10CloseAtOnce_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("Connection: close") << QByteArray("GET /v1/health HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n");
        QTest::newRow("HTTP/1.0") << QByteArray("GET /v1/health HTTP/1.0\r\n\r\n");
    }
    void connectionCloseAndHttp10CloseAtOnce()
    {
        QFETCH(QByteArray, request);
        RawClient client(port());
        QVERIFY(client.connected());
        QElapsedTimer timer;
        timer.start();
        client.send(request);
        const QByteArray received = client.readUntilClosed(10000);
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.left(60).constData());
        QVERIFY(client.isClosed());
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

    // Finding 9: a request pipelined behind a long poll was answered before it.
    void aPipelinedRequestIsAnsweredAfterTheLongPollBeforeIt()
    {
        const auto org = m_relay->createOrgWithDevice();
        RawClient client(port());
        QVERIFY(client.connected());
        client.send("GET /v1/events?after=0&wait=1 HTTP/1.1\r\nHost: relay\r\nAuthorization: Bearer " + org.token.toLatin1()
                    + "\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: relay\r\n\r\n");
        const auto answers = client.readAnswers(2, 8000);
        QCOMPARE(answers.size(), 2);
        QVERIFY2(answers.at(0).second.contains("\"events\""), answers.at(0).second.constData());
        QVERIFY2(answers.at(1).second.contains("\"status\""), answers.at(1).second.constData());
    }

    // Finding 8: a removed device's held poll went on receiving new events until it timed out.
    void aRemovedDevicesHeldPollGetsNothingNew()
    {
        const auto org = m_relay->createOrgWithDevice();
        RawClient client(port());
        QVERIFY(client.connected());
        client.send("GET /v1/events?after=1&wait=20 HTTP/1.1\r\nHost: relay\r\nAuthorization: Bearer " + org.token.toLatin1()
                    + "\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_relay->server()->waitingPolls(), 1, 5000);
        // The operator removes it with `kengele-relay device revoke`: another process, the same database.
        auto other = m_relay->openExtraStore(QStringLiteral("revoker"));
        QVERIFY(other);
        QVERIFY(other->revokeDevice(org.deviceId, QDateTime::currentMSecsSinceEpoch()).value_or(false));
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 200);
        const auto answers = client.readAnswers(1, 8000);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().first, 401);
        QVERIFY(!answers.first().second.contains("ATXid_7"));
    }

    // The desktop removes itself when it cannot keep its token (finding 10's other half).
    void aDeviceCanRemoveItself()
    {
        const auto org = m_relay->createOrgWithDevice();
        RawClient client(port());
        QVERIFY(client.connected());
        client.send("DELETE /v1/device HTTP/1.1\r\nHost: relay\r\nAuthorization: Bearer " + org.token.toLatin1() + "\r\n\r\n");
        const auto answers = client.readAnswers(1);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().first, 204);
        QCOMPARE(m_relay->events(org, 0).status, 401);
        RawClient again(port());
        QVERIFY(again.connected());
        again.send("DELETE /v1/device HTTP/1.1\r\nHost: relay\r\nAuthorization: Bearer " + org.token.toLatin1() + "\r\n\r\n");
        QCOMPARE(again.readAnswers(1).value(0).first, 401);
    }

    // Finding 11: an unknown organisation answered ~7 µs sooner than a known one with a wrong
    // secret, an unknown hook kind ~40 µs sooner. The relay now does the same work on every path;
    // timed in-process (no sockets), interleaved, medians compared.
    void everyWrongHookTakesTheSameTime()
    {
        if (isPostgres())
            QSKIP("timed on SQLite only: a PostgreSQL round trip's jitter is larger than what is measured");
        relay::RelayConfig config;
        config.ipRate = 0; // no 429s: every path ends in the same 404
        QVERIFY(m_relay->start(config));
        const auto org = m_relay->createOrgWithDevice();
        QString unknownOrg = org.id;
        std::reverse(unknownOrg.begin() + 4, unknownOrg.end());
        const QByteArray wrongSecret(org.secret.size(), 'x');
        const QList<QByteArray> paths = {
            "/hooks/" + unknownOrg.toLatin1() + '/' + wrongSecret + "/at/delivery",
            "/hooks/" + org.id.toLatin1() + '/' + wrongSecret + "/at/delivery",
            "/hooks/" + org.id.toLatin1() + '/' + wrongSecret + "/at/nothing",
            "/hooks/" + org.id.toLatin1() + '/' + wrongSecret + "/delivery",
        };
        QList<QList<qint64>> samples(paths.size());
        MemoryTransport transport;
        relay::HttpConnection connection({}, transport, *m_relay->server(), QHostAddress::LocalHost);
        QElapsedTimer timer;
        timer.start();
        constexpr int Rounds = 3000;
        for (int round = 0; round < Rounds; ++round) {
            for (qsizetype p = 0; p < paths.size(); ++p) {
                const QByteArray request = "POST " + paths.at(p) + " HTTP/1.1\r\nHost: relay\r\nContent-Length: 2\r\n\r\nx=";
                transport.written.clear();
                const qint64 start = timer.nsecsElapsed();
                connection.receive(request);
                samples[p].append(timer.nsecsElapsed() - start);
                if (round == 0)
                    QVERIFY2(transport.written.startsWith("HTTP/1.1 404"), transport.written.constData());
            }
        }
        QList<double> medians;
        for (QList<qint64> &s : samples) {
            std::sort(s.begin(), s.end());
            medians.append(double(s.at(s.size() / 2)) / 1000.0);
        }
        const auto [low, high] = std::minmax_element(medians.begin(), medians.end());
        qInfo("median µs: unknown org %.2f, wrong secret %.2f, unknown kind %.2f, short path %.2f", medians[0], medians[1],
              medians[2], medians[3]);
#ifdef __SANITIZE_ADDRESS__
        // The paths ran above (the sanitizers saw them), but instrumentation costs differ from path to
        // path by more than the 2 µs measured here (14 µs seen): their times say nothing.
        QSKIP("timing is not comparable under AddressSanitizer");
#endif
        QVERIFY2(*high - *low < 2.0, qPrintable(QStringLiteral("spread %1 µs").arg(*high - *low)));
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestRelayHostile>(argc, argv);
}

#include "TestRelayHostile.moc"
