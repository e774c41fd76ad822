// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeAfricasTalking.h" // awaitResult
#include "TestSupport.h"
#include "gateway/HttpClient.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;
using kengele::HttpClient;
using kengele::HttpRequest;
using kengele::HttpResponse;
using kengele::test::closedPort;

using Failure = HttpResponse::Failure;
using Headers = QList<std::pair<QByteArray, QByteArray>>;

Q_DECLARE_METATYPE(HttpResponse::Failure)

namespace {

// One request exactly as it came over the wire.
struct WireRequest {
    int connection = -1; // which accepted connection (0, 1, ...) it came on
    QByteArray method;
    QByteArray target; // path and query, as sent
    Headers headers;
    QByteArray body;
    QPointer<QTcpSocket> socket;

    QByteArrayList values(QByteArrayView name) const
    {
        QByteArrayList found;
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                found.append(v);
        }
        return found;
    }
    QByteArray header(QByteArrayView name) const { return values(name).value(0); }
    bool hasHeader(QByteArrayView name) const { return !values(name).isEmpty(); }
};

// A bare HTTP/1.1 server on 127.0.0.1: it reads requests off the wire (headers and a
// Content-Length body) and hands each whole one to the test, which decides what goes back:
// an answer, a hang-up, or nothing at all. No HTTP library in between, so nothing is hidden.
class WireServer final
{
public:
    using Handler = std::function<void(const WireRequest &)>;

    WireServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path) const
    {
        QUrl url(u"http://127.0.0.1"_s + path);
        url.setPort(m_server.serverPort());
        return url;
    }
    void onRequest(Handler handler) { m_handler = std::move(handler); }

    const QList<WireRequest> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int connectionCount() const { return int(m_connections.size()); }
    int openConnections() const
    {
        int open = 0;
        for (const auto &socket : m_connections)
            open += socket && socket->state() == QAbstractSocket::ConnectedState ? 1 : 0;
        return open;
    }
    int mostOpenAtOnce() const { return m_mostOpen; }
    qint64 bytesReceived(int connection) const { return m_received.value(connection); }

    static void send(QTcpSocket *socket, const QByteArray &bytes)
    {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            socket->write(bytes);
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            const int index = int(m_connections.size());
            m_connections.append(socket);
            m_mostOpen = std::max(m_mostOpen, openConnections());
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, index] { read(socket, index); });
        }
    }

    void read(QTcpSocket *socket, int index)
    {
        QByteArray &buffer = m_buffers[index];
        const QByteArray bytes = socket->readAll();
        m_received[index] += bytes.size();
        buffer += bytes;
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            WireRequest request;
            request.connection = index;
            request.socket = socket;
            const QByteArrayList lines = buffer.first(end).split('\n');
            const QByteArrayList start = lines.value(0).trimmed().split(' ');
            request.method = start.value(0);
            request.target = start.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray &line = lines.at(i);
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                request.headers.append({line.first(colon), line.sliced(colon + 1).trimmed()});
                if (request.headers.last().first.compare("content-length", Qt::CaseInsensitive) == 0)
                    length = request.headers.last().second.toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return; // the body is still on its way
            request.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            m_requests.append(request);
            if (m_handler)
                m_handler(request);
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
        }
    }

    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_connections; // children of m_server
    QHash<int, QByteArray> m_buffers;
    QHash<int, qint64> m_received;
    QList<WireRequest> m_requests;
    Handler m_handler;
    int m_mostOpen = 0;
};

// A whole HTTP/1.1 answer with a Content-Length: the connection stays open for the next request.
QByteArray answer(int status, const QByteArray &body, const Headers &headers = {})
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " Whatever\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

HttpRequest post(const QUrl &url, const QByteArray &body, int timeoutMs = 3000)
{
    HttpRequest request;
    request.url = url;
    request.post = true;
    request.body = body;
    request.timeoutMs = timeoutMs;
    return request;
}

HttpRequest get(const QUrl &url, int timeoutMs = 3000)
{
    HttpRequest request;
    request.url = url;
    request.timeoutMs = timeoutMs;
    return request;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void postArrivesWhole_data();
    void postArrivesWhole();
    void getHasNoBody();
    void readsRetryAfterInAnyCase_data();
    void readsRetryAfterInAnyCase();
    void brokenReusedConnectionIsNotReplayed_data();
    void brokenReusedConnectionIsNotReplayed();
    void silentServerTimesOut();
    void refusedConnectionIsNotConnected();
    void abortDropsOnlyThatCallback();
    void answersInFlightIndependently();
    void queuesBeyondMaxConnections();
    void cutsOffOversizedAnswer_data();
    void cutsOffOversizedAnswer();
    void callbackStartsAnotherRequest();
    void destroyingDropsCallbacks();
    void abortFromCallbackOfTheSameBatch();
    void destroyingFromCallbackDropsTheRest();
    void redirectsAreNotFollowed_data();
    void redirectsAreNotFollowed();

private:
    std::optional<HttpResponse> run(HttpRequest request, int waitMs = 3000);

    std::unique_ptr<WireServer> m_server;
    std::unique_ptr<HttpClient> m_client;
};

void TestHttpClient::init()
{
    // Misused socket notifiers (two on one descriptor, one on a closed one) show only as Qt warnings.
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_server = std::make_unique<WireServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<HttpClient>();
}

void TestHttpClient::cleanup()
{
    m_client.reset();
    m_server.reset();
}

std::optional<HttpResponse> TestHttpClient::run(HttpRequest request, int waitMs)
{
    return kengele::test::awaitResult<HttpResponse>([&](auto done) { m_client->start(std::move(request), done); }, waitMs);
}

void TestHttpClient::redirectsAreNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("isPost");
    QTest::addRow("302 GET") << 302 << false;
    QTest::addRow("307 POST") << 307 << true;
}

void TestHttpClient::redirectsAreNotFollowed()
{
    // The gateway's address sending the request elsewhere: the API key and the messages go
    // nowhere else (CURLOPT_FOLLOWLOCATION off); the 3xx is the answer (issue 11, finding 4).
    QFETCH(int, status);
    QFETCH(bool, isPost);
    WireServer elsewhere;
    QVERIFY(elsewhere.listen());
    elsewhere.onRequest([](const WireRequest &r) { WireServer::send(r.socket, answer(200, "{}")); });
    const QByteArray target = elsewhere.url(u"/version1/messaging"_s).toEncoded();
    m_server->onRequest([status, target](const WireRequest &r) {
        WireServer::send(r.socket, answer(status, {}, {{"Location", target}}));
    });
    HttpRequest request = isPost ? post(m_server->url(u"/version1/messaging"_s), "to=%2B254712345678&message=Karibu")
                                 : get(m_server->url(u"/version1/user?username=kanisa"_s));
    request.headers = {{"apiKey", "atsk_test_0123456789abcdef"}};
    const auto response = run(request);
    QVERIFY(response);
    QCOMPARE(response->failure, Failure::None);
    QCOMPARE(response->status, status);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(elsewhere.requestCount(), 0);
}

void TestHttpClient::postArrivesWhole_data()
{
    QTest::addColumn<qsizetype>("size");

    // Above a threshold libcurl asks "Expect: 100-continue" and waits for an interim answer
    // before sending the body: 1 KiB in older versions, 1 MiB since 7.87.
    QTest::addRow("3 KB") << qsizetype(3000);
    QTest::addRow("1.1 MiB") << qsizetype(1100 * 1024);
}

void TestHttpClient::postArrivesWhole()
{
    QFETCH(qsizetype, size);
    m_server->onRequest([](const WireRequest &r) { WireServer::send(r.socket, answer(201, R"({"ok":true})")); });

    QByteArray body;
    for (int i = 0; body.size() < size; ++i)
        body += "to=%2B2547" + QByteArray::number(10000000 + i) + "&message=Karibu%20ibadani&";
    HttpRequest request = post(m_server->url(u"/version1/messaging"_s), body);
    request.headers = {{"apiKey", "atsk_test_0123456789abcdef"},
                       {"Accept", "application/json"},
                       {"Content-Type", "application/x-www-form-urlencoded"}};

    const auto response = run(request);
    QVERIFY(response);
    QCOMPARE(response->failure, Failure::None);
    QCOMPARE(response->status, 201);
    QCOMPARE(response->body, QByteArray(R"({"ok":true})"));
    QCOMPARE(response->retryAfter, QByteArray());
    QVERIFY2(response->detail.isEmpty(), qPrintable(response->detail));

    QCOMPARE(m_server->requestCount(), 1);
    const WireRequest &r = m_server->requests().first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.target, QByteArray("/version1/messaging"));
    QCOMPARE(r.values("apiKey"), QByteArrayList{"atsk_test_0123456789abcdef"});
    // Given headers replace libcurl's own ("Accept: */*"), they are not added next to them.
    QCOMPARE(r.values("Accept"), QByteArrayList{"application/json"});
    QCOMPARE(r.values("Content-Type"), QByteArrayList{"application/x-www-form-urlencoded"});
    QCOMPARE(r.values("Content-Length"), QByteArrayList{QByteArray::number(body.size())});
    QVERIFY2(!r.hasHeader("Expect"), r.header("Expect").constData());
    QVERIFY(!r.hasHeader("Transfer-Encoding"));
    QCOMPARE(r.body.size(), body.size());
    QCOMPARE(r.body, body);
}

void TestHttpClient::getHasNoBody()
{
    m_server->onRequest([](const WireRequest &r) { WireServer::send(r.socket, answer(200, "KES 100.0000")); });
    HttpRequest request = get(m_server->url(u"/version1/user?username=kanisa"_s));
    request.headers = {{"apiKey", "secret"}};

    const auto response = run(request);
    QVERIFY(response);
    QCOMPARE(response->failure, Failure::None);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("KES 100.0000"));

    QCOMPARE(m_server->requestCount(), 1);
    const WireRequest &r = m_server->requests().first();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.target, QByteArray("/version1/user?username=kanisa"));
    QCOMPARE(r.header("apiKey"), QByteArray("secret"));
    QVERIFY(!r.hasHeader("Content-Length"));
    QVERIFY(!r.hasHeader("Content-Type"));
    QVERIFY(r.body.isEmpty());
}

void TestHttpClient::readsRetryAfterInAnyCase_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");

    QTest::addRow("canonical") << QByteArray("Retry-After") << QByteArray("120");
    QTest::addRow("lower case") << QByteArray("retry-after") << QByteArray("7");
    QTest::addRow("upper case, a date") << QByteArray("RETRY-AFTER") << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT");
}

void TestHttpClient::readsRetryAfterInAnyCase()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    m_server->onRequest([&](const WireRequest &r) {
        WireServer::send(r.socket,
                         answer(429, "slow down", {{"X-Retry-After", "999"}, {name, value}, {"Retry-After-Extra", "5"}}));
    });

    const auto response = run(post(m_server->url(u"/"_s), "a=1"));
    QVERIFY(response);
    QCOMPARE(response->failure, Failure::None);
    QCOMPARE(response->status, 429);
    QCOMPARE(response->body, QByteArray("slow down"));
    QCOMPARE(response->retryAfter, value);
}

void TestHttpClient::brokenReusedConnectionIsNotReplayed_data()
{
    QTest::addColumn<int>("closeAfterMs");

    QTest::addRow("hangs up at once") << 0;
    QTest::addRow("hangs up after 100 ms") << 100;
}

// The guarantee the gateway relies on: a POST that reached the server is never sent again, even
// when it went out on a kept-alive connection that then broke (where libcurl's own habit is to
// replay the request on a fresh connection). A replay here would text a member twice.
void TestHttpClient::brokenReusedConnectionIsNotReplayed()
{
    QFETCH(int, closeAfterMs);
    m_server->onRequest([&](const WireRequest &r) {
        if (m_server->requestCount() == 1) {
            WireServer::send(r.socket, answer(201, "first"));
            return;
        }
        // The second request was read to its last byte: hang up without a word.
        QTimer::singleShot(closeAfterMs, r.socket, [socket = r.socket] { socket->close(); });
    });

    const auto first = run(post(m_server->url(u"/send"_s), "message=one"));
    QVERIFY(first);
    QCOMPARE(first->failure, Failure::None);
    QCOMPARE(first->body, QByteArray("first"));

    const auto second = run(post(m_server->url(u"/send"_s), "message=two"));
    QVERIFY(second);
    QCOMPARE(second->failure, Failure::Broken);
    QCOMPARE(second->status, 0);
    QVERIFY(second->body.isEmpty());
    QVERIFY(!second->detail.isEmpty());

    // Give libcurl every chance to replay it on a new connection: it must not.
    QTest::qWait(300);
    QCOMPARE(m_server->requestCount(), 2);
    // Both went over the first connection: the second really reused it.
    QCOMPARE(m_server->requests().at(0).connection, 0);
    QCOMPARE(m_server->requests().at(1).connection, 0);
    QCOMPARE(m_server->requests().at(1).body, QByteArray("message=two"));
    // libcurl does open a fresh connection to retry, then gives up before sending anything
    // (it cannot rewind the body): not one byte, not even the request line, may go over it.
    QVERIFY(m_server->connectionCount() <= 2);
    for (int c = 1; c < m_server->connectionCount(); ++c)
        QCOMPARE(m_server->bytesReceived(c), 0);
    QCOMPARE(m_client->inFlight(), 0);

    // The client is not stuck afterwards: the next request goes out on a fresh connection.
    m_server->onRequest([](const WireRequest &r) { WireServer::send(r.socket, answer(200, "third")); });
    const auto third = run(post(m_server->url(u"/send"_s), "message=three"));
    QVERIFY(third);
    QCOMPARE(third->failure, Failure::None);
    QCOMPARE(third->body, QByteArray("third"));
    QCOMPARE(m_server->requestCount(), 3);
    QVERIFY(m_server->requests().at(2).connection != 0);
}

void TestHttpClient::silentServerTimesOut()
{
    // No handler: the server reads the request and says nothing.
    QElapsedTimer clock;
    clock.start();
    const auto response = run(post(m_server->url(u"/send"_s), "message=silence", 300));
    const qint64 elapsed = clock.elapsed();
    QVERIFY(response);
    QCOMPARE(response->failure, Failure::TimedOut);
    QCOMPARE(response->status, 0);
    QVERIFY(!response->detail.isEmpty());
    QVERIFY2(elapsed >= 250 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->requests().first().body, QByteArray("message=silence"));
}

void TestHttpClient::refusedConnectionIsNotConnected()
{
    QUrl closed(u"http://127.0.0.1/send"_s);
    closed.setPort(closedPort());
    bool starting = true;
    const auto response = kengele::test::awaitResult<HttpResponse>([&](auto done) {
        m_client->start(post(closed, "message=nobody"), [&starting, done](HttpResponse r) {
            QVERIFY(!starting); // never from inside start(), even when it fails at once
            done(std::move(r));
        });
        starting = false;
    });
    QVERIFY(response);
    QCOMPARE(response->failure, Failure::NotConnected);
    QCOMPARE(response->status, 0);
    QVERIFY(response->body.isEmpty());
    QVERIFY(!response->detail.isEmpty());
    QCOMPARE(m_client->inFlight(), 0);
}

void TestHttpClient::abortDropsOnlyThatCallback()
{
    // Nothing is answered until both requests are at the server.
    int calledA = 0;
    std::optional<HttpResponse> b;
    const quint64 idA = m_client->start(post(m_server->url(u"/a"_s), "a"), [&calledA](HttpResponse) { ++calledA; });
    const quint64 idB = m_client->start(post(m_server->url(u"/b"_s), "b"), [&b](HttpResponse r) { b = std::move(r); });
    QVERIFY(idA != idB);
    QCOMPARE(m_client->inFlight(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 2, 3000);

    m_client->abort(idA);
    QCOMPARE(m_client->inFlight(), 1);
    m_client->abort(idA); // twice, or an id never given: nothing happens
    m_client->abort(12345);
    QCOMPARE(m_client->inFlight(), 1);

    for (const WireRequest &r : m_server->requests())
        WireServer::send(r.socket, answer(200, "answer " + r.target));
    QTRY_VERIFY_WITH_TIMEOUT(b.has_value(), 3000);
    QCOMPARE(b->failure, Failure::None);
    QCOMPARE(b->body, QByteArray("answer /b"));
    QTest::qWait(100);
    QCOMPARE(calledA, 0);
    QCOMPARE(m_client->inFlight(), 0);
}

void TestHttpClient::answersInFlightIndependently()
{
    // Five requests at once, on five connections. The server answers the last one first, and the
    // next only once the previous callback came: each finishes while the others still wait.
    constexpr int n = 5;
    QHash<QByteArray, QPointer<QTcpSocket>> sockets;
    m_server->onRequest([&](const WireRequest &r) {
        sockets.insert(r.target, r.socket);
        if (sockets.size() == n)
            WireServer::send(sockets.value("/4"), answer(200, "answer /4"));
    });
    QList<int> order;
    QHash<int, HttpResponse> responses;
    for (int i = 0; i < n; ++i) {
        const QByteArray path = '/' + QByteArray::number(i);
        m_client->start(post(m_server->url(QString::fromLatin1(path)), "n=" + QByteArray::number(i)), [&, i](HttpResponse r) {
            order.append(i);
            responses.insert(i, std::move(r));
            if (i > 0) {
                const QByteArray next = '/' + QByteArray::number(i - 1);
                WireServer::send(sockets.value(next), answer(200, "answer " + next));
            }
        });
    }
    QCOMPARE(m_client->inFlight(), n);
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), n, 5000);
    QCOMPARE(order, (QList<int>{4, 3, 2, 1, 0}));
    for (int i = 0; i < n; ++i) {
        QCOMPARE(responses.value(i).failure, Failure::None);
        QCOMPARE(responses.value(i).body, QByteArray("answer /" + QByteArray::number(i)));
    }
    QCOMPARE(m_server->connectionCount(), n);
    for (const WireRequest &r : m_server->requests())
        QCOMPARE(r.body, QByteArray("n=" + r.target.sliced(1)));
}

void TestHttpClient::queuesBeyondMaxConnections()
{
    // Two connections at most: the other requests wait in libcurl's queue, then reuse them.
    m_client = std::make_unique<HttpClient>(2);
    m_server->onRequest([](const WireRequest &r) {
        QTimer::singleShot(20, r.socket, [r] { WireServer::send(r.socket, answer(200, "answer " + r.target)); });
    });
    constexpr int n = 6;
    QHash<int, QByteArray> bodies;
    for (int i = 0; i < n; ++i) {
        m_client->start(post(m_server->url(u"/"_s + QString::number(i)), "x"), [&bodies, i](HttpResponse r) {
            bodies.insert(i, r.failure == Failure::None ? r.body : QByteArray("failed"));
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(bodies.size(), n, 5000);
    for (int i = 0; i < n; ++i)
        QCOMPARE(bodies.value(i), QByteArray("answer /" + QByteArray::number(i)));
    QCOMPARE(m_server->requestCount(), n);
    QVERIFY2(m_server->mostOpenAtOnce() <= 2, qPrintable(QString::number(m_server->mostOpenAtOnce())));
    QCOMPARE(m_server->connectionCount(), 2);
}

void TestHttpClient::cutsOffOversizedAnswer_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<Failure>("failure");

    QTest::addRow("at the limit") << HttpClient::MaxAnswerBytes << Failure::None;
    QTest::addRow("one byte over") << HttpClient::MaxAnswerBytes + 1 << Failure::Broken;
}

void TestHttpClient::cutsOffOversizedAnswer()
{
    QFETCH(qsizetype, size);
    QFETCH(Failure, failure);
    m_server->onRequest([size](const WireRequest &r) { WireServer::send(r.socket, answer(200, QByteArray(size, 'x'))); });

    const auto response = run(get(m_server->url(u"/big"_s)), 5000);
    QVERIFY(response);
    QCOMPARE(response->failure, failure);
    QCOMPARE(response->status, 200);
    QVERIFY(response->body.size() <= HttpClient::MaxAnswerBytes);
    if (failure == Failure::None)
        QCOMPARE(response->body.size(), size);
    else
        QVERIFY(!response->detail.isEmpty());

    // The client goes on working.
    m_server->onRequest([](const WireRequest &r) { WireServer::send(r.socket, answer(200, "small")); });
    const auto next = run(get(m_server->url(u"/small"_s)));
    QVERIFY(next);
    QCOMPARE(next->failure, Failure::None);
    QCOMPARE(next->body, QByteArray("small"));
}

void TestHttpClient::callbackStartsAnotherRequest()
{
    m_server->onRequest([](const WireRequest &r) { WireServer::send(r.socket, answer(200, "answer " + r.target)); });
    std::optional<HttpResponse> first;
    std::optional<HttpResponse> second;
    bool inSecondStart = false;
    m_client->start(get(m_server->url(u"/first"_s)), [&](HttpResponse r) {
        first = std::move(r);
        inSecondStart = true;
        m_client->start(get(m_server->url(u"/second"_s)), [&](HttpResponse r2) {
            QVERIFY(!inSecondStart);
            second = std::move(r2);
        });
        inSecondStart = false;
    });
    QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 3000);
    QVERIFY(first);
    QCOMPARE(first->failure, Failure::None);
    QCOMPARE(first->body, QByteArray("answer /first"));
    QCOMPARE(second->failure, Failure::None);
    QCOMPARE(second->body, QByteArray("answer /second"));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(m_client->inFlight(), 0);
}

void TestHttpClient::destroyingDropsCallbacks()
{
    // Three requests the server sits on, one of them on the connection a first request left open.
    m_server->onRequest([&](const WireRequest &r) {
        if (m_server->requestCount() == 1)
            WireServer::send(r.socket, answer(200, "first"));
    });
    const auto first = run(get(m_server->url(u"/first"_s)));
    QVERIFY(first);
    QCOMPARE(first->failure, Failure::None);

    int called = 0;
    // Each callback holds a copy: when the client lets go of them, only the test's is left.
    const auto token = std::make_shared<int>(0);
    for (int i = 0; i < 3; ++i)
        m_client->start(post(m_server->url(u"/wait"_s), "x"), [&called, token](HttpResponse) { ++called; });
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 4, 3000);
    QCOMPARE(m_client->inFlight(), 3);
    QCOMPARE(token.use_count(), 4);

    m_client.reset();
    QCOMPARE(token.use_count(), 1);
    // Every connection is closed with it.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 2000);
    QTest::qWait(100);
    QCOMPARE(called, 0);
}

// Transfers that finish together have their callbacks called one after the other; an earlier one
// may abort a later one, which then must not be called: for its owner it is still in flight (the
// gateway aborts its requests when it is destroyed, and their callbacks hold a pointer to it).
void TestHttpClient::abortFromCallbackOfTheSameBatch()
{
    quint64 ids[2] = {};
    QList<int> called;
    for (int i = 0; i < 2; ++i) {
        ids[i] = m_client->start(get(m_server->url(u"/silent"_s), 100), [&, i](HttpResponse r) {
            called.append(i);
            QCOMPARE(r.failure, Failure::TimedOut);
            m_client->abort(ids[1 - i]);
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 2, 3000);
    // Keep the event loop busy past both timeouts: libcurl then reports both from one timer event.
    QThread::msleep(250);
    QTRY_VERIFY_WITH_TIMEOUT(!called.isEmpty(), 3000);
    QTest::qWait(100);
    QCOMPARE(called.size(), 1);
    QCOMPARE(m_client->inFlight(), 0);
}

void TestHttpClient::destroyingFromCallbackDropsTheRest()
{
    int called = 0;
    for (int i = 0; i < 3; ++i) {
        m_client->start(get(m_server->url(u"/silent"_s), 100), [&](HttpResponse) {
            ++called;
            m_client.reset();
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 3, 3000);
    QThread::msleep(250); // as above: all three finish in one go
    QTRY_VERIFY_WITH_TIMEOUT(called > 0, 3000);
    QTest::qWait(100);
    QCOMPARE(called, 1);
    QVERIFY(!m_client);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 2000);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "TestHttpClient.moc"
