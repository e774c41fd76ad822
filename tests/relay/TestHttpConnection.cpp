// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The relay's HTTP layer without sockets: the strict parser and one connection fed bytes as an
// attacker would send them (issue: "the relay holds against a hostile internet"). Every refusal
// must come before the bytes are buffered, and a refused request must never reach the handler.
#include "MemoryTransport.h"
#include "http/HttpConnection.h"
#include "http/HttpRequestParser.h"

#include <QtTest>

using namespace kengele;
using namespace kengele::relay;
#include <tuple>

using namespace kengele::test;

namespace {

// Keeps every request it is given; answers at once unless told to hold.
class RecordingHandler final : public HttpRequestHandler
{
public:
    void handleRequest(HttpRequest &&request, HttpResponder responder) override
    {
        requests.append(request);
        if (hold) {
            held.append(responder);
            return;
        }
        responder.send({200, "text/plain", "answer " + QByteArray::number(requests.size()), {}});
    }
    void requestRefused(const HttpRefusal &refusal) override { refusals.append(refusal.status); }

    QList<HttpRequest> requests;
    QList<HttpResponder> held;
    QList<int> refusals;
    bool hold = false;
};

struct Fixture {
    explicit Fixture(HttpLimits limits = {})
        : connection(limits, transport, handler, QHostAddress::LocalHost)
    { }
    // Gives the connection the bytes as a socket would: no more than it asks for at a time.
    // Returns how many it took before it stopped asking.
    qsizetype send(const QByteArray &bytes)
    {
        qsizetype at = 0;
        while (at < bytes.size()) {
            const qsizetype wanted = connection.wantsBytes();
            if (wanted <= 0)
                break;
            const qsizetype n = std::min(wanted, bytes.size() - at);
            connection.receive(QByteArrayView(bytes).sliced(at, n));
            at += n;
        }
        return at;
    }
    MemoryTransport transport;
    RecordingHandler handler;
    HttpConnection connection;
};

const QByteArray SmuggledRequest = "GET /metrics HTTP/1.1\r\nHost: relay\r\n\r\n";

} // namespace

class TestHttpConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRequestArrivesByteByByte()
    {
        Fixture f;
        const QByteArray request = "POST /hooks/a/b/at/delivery?x=1 HTTP/1.1\r\nHost: relay\r\nContent-Type: text/plain\r\n"
                                   "Content-Length: 5\r\n\r\nhello";
        for (char c : request)
            f.connection.receive(QByteArrayView(&c, 1));
        QCOMPARE(f.handler.requests.size(), 1);
        const HttpRequest &r = f.handler.requests.first();
        QCOMPARE(r.method, HttpMethod::Post);
        QCOMPARE(r.path, QStringLiteral("/hooks/a/b/at/delivery"));
        QCOMPARE(r.query.queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
        QCOMPARE(r.header("CONTENT-TYPE"), QByteArray("text/plain"));
        QCOMPARE(r.body, QByteArray("hello"));
        QCOMPARE(f.transport.statuses(), QList<int>{200});
        QVERIFY(!f.transport.closed);
    }

    // A route with its own body cap (HttpLimits::routeBodyLimits): larger bodies there, the default
    // everywhere else, the same method only, and refused from Content-Length alone.
    void aRouteMayTakeALargerBody()
    {
        HttpLimits limits;
        limits.maxBodyBytes = 1000;
        limits.routeBodyLimits = {{"POST", QStringLiteral("/v1/big"), 5000}, {"PUT", QStringLiteral("/v1/tree/"), 3000}};
        auto request = [](const char *method, const char *path, qsizetype size) -> QByteArray {
            return QByteArray(method) + ' ' + path + " HTTP/1.1\r\nHost: relay\r\nContent-Length: " + QByteArray::number(size)
                + "\r\n\r\n" + QByteArray(size, 'b');
        };
        {
            Fixture g(limits);
            g.send(request("POST", "/v1/big", 5000));
            QCOMPARE(g.handler.requests.size(), 1);
            QCOMPARE(g.handler.requests.first().body.size(), 5000);
        }
        {
            Fixture f(limits);
            f.send(request("PUT", "/v1/tree/part/2?x=1", 3000));
            QCOMPARE(f.handler.requests.size(), 1);
            QCOMPARE(f.handler.requests.first().method, HttpMethod::Put);
        }
        for (const auto &[method, path, size] :
             {std::tuple{"POST", "/v1/big", 5001}, std::tuple{"GET", "/v1/big", 1001}, std::tuple{"POST", "/v1/bigger", 1001},
              std::tuple{"PUT", "/v1/tree", 1001}, std::tuple{"POST", "/v1/tree/x", 1001}}) {
            Fixture f(limits);
            const QByteArray bytes = request(method, path, size);
            f.send(bytes.left(bytes.indexOf("\r\n\r\n") + 4)); // the header alone is enough to refuse it
            QVERIFY2(f.handler.requests.isEmpty(), path);
            QCOMPARE(f.transport.statuses(), QList<int>{413});
            QCOMPARE(f.handler.refusals, QList<int>{413});
        }
    }

    // Finding 1: headers that never end, bare-LF headers and endless "blank lines" with large
    // chunks behind them. The connection must refuse within its header limit and take no more.
    void endlessHeadersAreRefusedWithinTheLimit_data()
    {
        QTest::addColumn<QByteArray>("start");
        QTest::addColumn<QByteArray>("filler");
        QTest::addColumn<int>("status");
        QTest::newRow("header lines that never end") << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\n")
                                                     << QByteArray("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaa\r\n").repeated(30) << 431;
        QTest::newRow("one endless header line")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nX-Long: ") << QByteArray(1024, 'a') << 431;
        QTest::newRow("bare LF headers") << QByteArray("POST /v1/enrol HTTP/1.1\nHost: relay\n\n") << QByteArray(1024, 'a')
                                         << 400;
        // The first blank line ends a request without a body; what follows is not a request.
        QTest::newRow("no final CRLF, then blank lines and megabytes")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\n\r\n\r\n\r\n") << QByteArray(1024 * 1024, 'a') << 400;
        QTest::newRow("chunked") << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << QByteArray("100000\r\n" + QByteArray(1024 * 1024, 'a') + "\r\n") << 411;
        QTest::newRow("a declared body over the limit")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Length: 100000000\r\n\r\n")
            << QByteArray(1024 * 1024, 'a') << 413;
    }
    void endlessHeadersAreRefusedWithinTheLimit()
    {
        QFETCH(QByteArray, start);
        QFETCH(QByteArray, filler);
        QFETCH(int, status);
        Fixture f;
        qsizetype taken = f.send(start);
        for (int i = 0; i < 2048 && f.connection.wantsBytes() > 0; ++i)
            taken += f.send(filler);
        QVERIFY2(f.connection.wantsBytes() == 0, "the connection still reads");
        const QList<int> statuses = f.transport.statuses();
        QVERIFY(!statuses.isEmpty());
        QCOMPARE(statuses.last(), status);
        QCOMPARE(f.handler.refusals, QList<int>{status});
        QCOMPARE(f.handler.requests.size(), statuses.size() - 1);
        // A refused body within the drain limit is read and dropped, never more: nothing is kept.
        QVERIFY2(taken <= HttpConnection::DrainLimit + 64 * 1024, qPrintable(QString::number(taken)));
    }

    // Finding 5: whatever makes the request's length unclear is refused and the connection closed,
    // so its body can never be read as a second request.
    void ambiguousRequestsAreRefusedAndNothingIsSmuggled_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QByteArray manyHeaders = "POST /v1/enrol HTTP/1.1\r\nHost: relay\r\n";
        for (int i = 0; i < 101; ++i)
            manyHeaders += "X-H" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("101 headers") << manyHeaders + "Content-Length: 38\r\n\r\n" << 431;
        QTest::newRow("invalid header name")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nBad Name: x\r\nContent-Length: 38\r\n\r\n") << 400;
        QTest::newRow("negative Content-Length")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("Content-Length twice, same value")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Length: 38\r\nContent-Length: 38\r\n\r\n") << 400;
        QTest::newRow("Content-Length list")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Length: 38, 38\r\n\r\n") << 400;
        QTest::newRow("Content-Length with chunked")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Length: 38\r\nTransfer-Encoding: chunked\r\n\r\n")
            << 400;
        QTest::newRow("chunked with Content-Length")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nTransfer-Encoding: chunked\r\nContent-Length: 38\r\n\r\n")
            << 400;
        QTest::newRow("NUL in a header value") << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nX-A: a") + '\0'
                + QByteArray("b\r\nContent-Length: 38\r\n\r\n")
                                               << 400;
        QTest::newRow("absolute target") << QByteArray(
            "POST http://other/v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Length: 38\r\n\r\n")
                                         << 400;
        QTest::newRow("HTTP/2.0") << QByteArray("POST /v1/enrol HTTP/2.0\r\nHost: relay\r\nContent-Length: 38\r\n\r\n") << 400;
        QTest::newRow("HTTP/1.2") << QByteArray("POST /v1/enrol HTTP/1.2\r\nHost: relay\r\nContent-Length: 38\r\n\r\n") << 400;
        QTest::newRow("long target") << "GET /" + QByteArray(3000, 'a') + " HTTP/1.1\r\nHost: relay\r\n\r\n" << 414;
        QTest::newRow("space before colon") << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Length : 38\r\n\r\n")
                                            << 400;
        QTest::newRow("unknown expectation")
            << QByteArray("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nExpect: something\r\nContent-Length: 38\r\n\r\n") << 417;
    }
    void ambiguousRequestsAreRefusedAndNothingIsSmuggled()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        QCOMPARE(SmuggledRequest.size(), 38);
        Fixture f;
        f.send(head + SmuggledRequest);
        QCOMPARE(f.transport.statuses(), QList<int>{status});
        QVERIFY(f.handler.requests.isEmpty()); // finding 6: a refused request is never processed
        QVERIFY(f.transport.closed);
        QCOMPARE(f.handler.refusals, QList<int>{status});
        QCOMPARE(f.connection.wantsBytes(), 0);
    }

    void aHundredHeadersAreStillAccepted()
    {
        Fixture f;
        QByteArray head = "GET /v1/health HTTP/1.1\r\n";
        for (int i = 0; i < 100; ++i)
            head += "X-H" + QByteArray::number(i) + ": v\r\n";
        f.send(head + "\r\n");
        QCOMPARE(f.handler.requests.size(), 1);
        QCOMPARE(f.transport.statuses(), QList<int>{200});
    }

    // Finding 9: answers keep the order of the requests; a request behind one that is held (a long
    // poll) is not even read until that one is answered.
    void pipelinedRequestsAreAnsweredInOrder()
    {
        Fixture f;
        f.handler.hold = true;
        f.send("GET /v1/events?wait=30 HTTP/1.1\r\nHost: relay\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: relay\r\n\r\n");
        QCOMPARE(f.handler.requests.size(), 1);
        QCOMPARE(f.connection.wantsBytes(), 0);
        QVERIFY(f.transport.written.isEmpty());
        f.handler.hold = false;
        f.handler.held.first().send({200, "text/plain", "first", {}});
        QCOMPARE(f.handler.requests.size(), 2);
        const auto answers = f.transport.answers();
        QCOMPARE(answers.size(), 2);
        QCOMPARE(answers.at(0).second, QByteArray("first"));
        QCOMPARE(answers.at(1).second, QByteArray("answer 2"));
        // A second send() of the same responder does nothing.
        f.handler.held.first().send({500, "text/plain", "again", {}});
        QCOMPARE(f.transport.answers().size(), 2);
    }

    // Finding 9: "Connection: close" and HTTP/1.0 end the connection after the answer.
    void connectionCloseAndHttp10AreHonoured_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("closes");
        QTest::newRow("HTTP/1.1") << QByteArray("GET /v1/health HTTP/1.1\r\nHost: relay\r\n\r\n") << false;
        QTest::newRow("Connection: close") << QByteArray("GET /v1/health HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n")
                                           << true;
        QTest::newRow("HTTP/1.0") << QByteArray("GET /v1/health HTTP/1.0\r\n\r\n") << true;
        QTest::newRow("HTTP/1.0 keep-alive") << QByteArray("GET /v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << false;
    }
    void connectionCloseAndHttp10AreHonoured()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, closes);
        Fixture f;
        f.send(request + request);
        QCOMPARE(f.transport.closed, closes);
        QCOMPARE(f.handler.requests.size(), closes ? 1 : 2);
        QCOMPARE(f.transport.written.contains("Connection: close\r\n"), closes);
        if (request.contains("HTTP/1.0\r\nConnection: keep-alive"))
            QVERIFY(f.transport.written.contains("Connection: keep-alive\r\n"));
    }

    void expectContinueIsAnswered()
    {
        Fixture f;
        f.send("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        QCOMPARE(f.transport.statuses(), QList<int>{100});
        f.send("{}");
        QCOMPARE(f.transport.statuses(), (QList<int>{100, 200}));
        QCOMPARE(f.handler.requests.first().body, QByteArray("{}"));
    }

    void aSlowRequestTimesOut()
    {
        Fixture f;
        f.send("POST /v1/enrol HTTP/1.1\r\nHost: relay\r\nContent-Le");
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(f.connection.checkTimeouts(now, 10000, 60000), HttpConnection::Timeout::None);
        QCOMPARE(f.connection.checkTimeouts(now + 10001, 10000, 60000), HttpConnection::Timeout::TooSlow);
        QCOMPARE(f.transport.statuses(), QList<int>{408});
        QVERIFY(f.transport.closed);
        QVERIFY(f.handler.requests.isEmpty());
    }

    void aHeldRequestIsNeverIdle()
    {
        Fixture f;
        f.handler.hold = true;
        f.send("GET /v1/events?wait=30 HTTP/1.1\r\nHost: relay\r\n\r\n");
        const qint64 later = QDateTime::currentMSecsSinceEpoch() + 120000;
        QCOMPARE(f.connection.checkTimeouts(later, 10000, 60000), HttpConnection::Timeout::None);
        f.handler.held.first().send({200, "text/plain", "x", {}});
        QCOMPARE(f.connection.checkTimeouts(later, 10000, 60000), HttpConnection::Timeout::Idle);
        QVERIFY(f.transport.closed);
        // A client that neither reads its answer nor goes is dropped after the request timeout.
        QCOMPARE(f.connection.checkTimeouts(later + 5000, 10000, 60000), HttpConnection::Timeout::None);
        QCOMPARE(f.connection.checkTimeouts(later + 10001, 10000, 60000), HttpConnection::Timeout::Stuck);
    }

    void aResponderOutlivesItsConnection()
    {
        HttpResponder responder;
        {
            Fixture f;
            f.handler.hold = true;
            f.send("GET /v1/events HTTP/1.1\r\nHost: relay\r\n\r\n");
            responder = f.handler.held.first();
            QVERIFY(responder.isOpen());
        }
        QVERIFY(!responder.isOpen());
        responder.send({200, "text/plain", "late", {}}); // nothing to write to, and no crash
    }
};

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "TestHttpConnection.moc"
