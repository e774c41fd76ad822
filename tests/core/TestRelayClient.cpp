// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "sync/RelayClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <optional>

using namespace kengele;

namespace {

// An HTTP/1.1 server on 127.0.0.1 that answers each request with the next scripted answer (then
// closes the connection) and keeps what it was asked. A silent answer never comes. A streamed
// answer has no Content-Length and sends `stream` bytes as fast as the client takes them; a
// declared length is sent instead of the body's own (the body may then never come).
class ScriptedServer final
{
public:
    struct Request {
        QByteArray method;
        QByteArray target; // path and query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Answer {
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool silent = false;
        qint64 stream = 0;
        qint64 declaredLength = -1;
    };

    bool start()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url(const QString &path = {}) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    void answer(Answer answer) { m_answers.append(std::move(answer)); }
    void answer(int status, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        answer(Answer{status, body, headers, false});
    }
    void staySilent() { answer(Answer{0, {}, {}, true}); }
    const QList<Request> &requests() const { return m_requests; }
    // Of a streamed answer: the bytes the connection took, and whether all of them went.
    qint64 streamed() const { return m_streamed; }
    bool streamComplete() const { return m_streamComplete; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return; // the body is still coming
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        m_requests.append(request);
        const Answer answer
            = m_answers.isEmpty() ? Answer{500, "{\"error\":\"nothing scripted\"}", {}, false} : m_answers.takeFirst();
        if (answer.silent)
            return;
        QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status)
            + " Scripted\r\nContent-Type: application/json\r\nConnection: close\r\n";
        if (answer.stream == 0)
            response += "Content-Length: "
                + QByteArray::number(answer.declaredLength >= 0 ? answer.declaredLength : answer.body.size()) + "\r\n";
        for (const auto &[name, value] : answer.headers)
            response += name + ": " + value + "\r\n";
        socket->write(response + "\r\n" + answer.body);
        if (answer.stream > 0) {
            m_streamed = 0;
            m_streamComplete = false;
            const qint64 total = answer.stream;
            auto more = [this, socket, total] {
                static const QByteArray chunk(64 * 1024, ' ');
                while (m_streamed < total && socket->bytesToWrite() < 4 * chunk.size()
                       && socket->state() == QAbstractSocket::ConnectedState) {
                    const qint64 written = socket->write(chunk.left(qMin<qint64>(chunk.size(), total - m_streamed)));
                    if (written <= 0)
                        return;
                    m_streamed += written;
                }
                if (m_streamed >= total && !m_streamComplete) {
                    m_streamComplete = true;
                    socket->disconnectFromHost();
                }
            };
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, more);
            more();
            return;
        }
        if (answer.declaredLength < 0)
            socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<Answer> m_answers;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    qint64 m_streamed = 0;
    bool m_streamComplete = false;
};

// Keeps the requests the client makes (with their transfer timeouts); can shorten the timeout so
// a test need not wait for the real one.
class RecordingNetwork final : public QNetworkAccessManager
{
public:
    QList<QNetworkRequest> requests;
    int transferTimeoutOverride = 0;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request, QIODevice *body) override
    {
        requests.append(request);
        QNetworkRequest sent = request;
        if (transferTimeoutOverride > 0)
            sent.setTransferTimeout(transferTimeoutOverride);
        return QNetworkAccessManager::createRequest(operation, sent, body);
    }
};

} // namespace

Q_DECLARE_METATYPE(RelayError::Kind)

// The desktop's HTTP client of the relay (docs/relay.md, /v1) against a scripted server on
// loopback: what it sends, how it reads answers, and what each failure becomes.
class TestRelayClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void parseUrl_data();
    void parseUrl();
    void enrolSendsTheCodeAndReadsTheToken_data();
    void enrolSendsTheCodeAndReadsTheToken();
    void enrolFailures_data();
    void enrolFailures();
    void theFeedIsAskedWithCursorAndToken();
    void anEmptyBatchKeepsTheCursor();
    void aFeedThatCannotBeTrustedIsRefused_data();
    void aFeedThatCannotBeTrustedIsRefused();
    void feedFailures_data();
    void feedFailures();
    void anUnreachableRelay();
    void aSilentRelayTimesOut();
    void cancelDropsTheAnswer();
    void destroyingTheClientDropsTheAnswer();
    void redirectsAreNotFollowed_data();
    void redirectsAreNotFollowed();
    void anAnswerTooLargeIsRefused_data();
    void anAnswerTooLargeIsRefused();
    void aFullPageIsNotTooLarge();
    void revokeSendsTheGivenToken();

private:
    template<typename T> static bool waitFor(const std::optional<T> &result, int ms = 10000)
    {
        return QTest::qWaitFor([&] { return result.has_value(); }, ms);
    }
    RelayResult<RelayEnrolment> enrol(const QString &code = QStringLiteral("KGL-AAAA-BBBB-CCCC"));
    RelayResult<RelayEventBatch> fetch(qint64 after = 0, int wait = 0, int limit = 500);
    // The error of enrol() or fetch(); a success becomes an error that says so.
    RelayError failureOf(bool enrolling);

    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<RecordingNetwork> m_network;
    std::unique_ptr<RelayClient> m_client;
};

void TestRelayClient::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->start());
    m_network = std::make_unique<RecordingNetwork>();
    m_client = std::make_unique<RelayClient>(*m_network);
    m_client->setBaseUrl(m_server->url());
}

void TestRelayClient::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

RelayResult<RelayEnrolment> TestRelayClient::enrol(const QString &code)
{
    std::optional<RelayResult<RelayEnrolment>> result;
    int calls = 0;
    m_client->enrol(code, QStringLiteral("Office PC"), [&](RelayResult<RelayEnrolment> answer) {
        ++calls;
        result = std::move(answer);
    });
    if (!waitFor(result))
        return std::unexpected(RelayError{RelayError::Kind::BadAnswer, QStringLiteral("test: no answer"), -1, 0});
    QTest::qWait(50);
    if (calls != 1)
        return std::unexpected(
            RelayError{RelayError::Kind::BadAnswer, QStringLiteral("test: answered %1 times").arg(calls), -1, 0});
    return *result;
}

RelayResult<RelayEventBatch> TestRelayClient::fetch(qint64 after, int wait, int limit)
{
    std::optional<RelayResult<RelayEventBatch>> result;
    int calls = 0;
    m_client->fetchEvents(after, wait, limit, [&](RelayResult<RelayEventBatch> answer) {
        ++calls;
        result = std::move(answer);
    });
    if (!waitFor(result))
        return std::unexpected(RelayError{RelayError::Kind::BadAnswer, QStringLiteral("test: no answer"), -1, 0});
    QTest::qWait(50);
    if (calls != 1)
        return std::unexpected(
            RelayError{RelayError::Kind::BadAnswer, QStringLiteral("test: answered %1 times").arg(calls), -1, 0});
    return *result;
}

RelayError TestRelayClient::failureOf(bool enrolling)
{
    const RelayError succeeded{RelayError::Kind::Unreachable, QStringLiteral("test: it succeeded"), -1, 0};
    if (enrolling) {
        const auto enrolled = enrol();
        return enrolled ? succeeded : enrolled.error();
    }
    const auto batch = fetch();
    return batch ? succeeded : batch.error();
}

void TestRelayClient::parseUrl_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::addRow("https") << QStringLiteral("https://relay.example.org") << QStringLiteral("https://relay.example.org");
    QTest::addRow("spaces and a trailing slash")
        << QStringLiteral("  https://relay.example.org/  ") << QStringLiteral("https://relay.example.org");
    QTest::addRow("port and path") << QStringLiteral("http://127.0.0.1:8080/kengele/")
                                   << QStringLiteral("http://127.0.0.1:8080/kengele");
    QTest::addRow("scheme in capitals") << QStringLiteral("HTTPS://relay.example.org")
                                        << QStringLiteral("https://relay.example.org");
    QTest::addRow("dot segments") << QStringLiteral("https://relay.example.org/a/../b")
                                  << QStringLiteral("https://relay.example.org/b");
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("no scheme") << QStringLiteral("relay.example.org") << QString();
    QTest::addRow("ftp") << QStringLiteral("ftp://relay.example.org") << QString();
    QTest::addRow("no host") << QStringLiteral("https://") << QString();
    QTest::addRow("a query") << QStringLiteral("https://relay.example.org/?org=1") << QString();
    QTest::addRow("a fragment") << QStringLiteral("https://relay.example.org/#top") << QString();
    QTest::addRow("user and password") << QStringLiteral("https://admin:pw@relay.example.org") << QString();
}

void TestRelayClient::parseUrl()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const RelayResult<QUrl> url = RelayClient::parseUrl(typed);
    if (expected.isEmpty()) {
        QVERIFY2(!url, qPrintable(url ? url->toString() : QString()));
        QCOMPARE(url.error().kind, RelayError::Kind::InvalidUrl);
        QVERIFY(!url.error().isTransient());
        QCOMPARE(url.error().toError().code, ErrorCode::InvalidInput);
        QVERIFY2(url.error().message.contains(u'“' + typed.trimmed() + u'”'), qPrintable(url.error().message));
    } else {
        QVERIFY2(url, qPrintable(url ? QString() : url.error().message));
        QCOMPARE(url->toString(), expected);
    }
}

void TestRelayClient::enrolSendsTheCodeAndReadsTheToken_data()
{
    QTest::addColumn<int>("status");
    QTest::addRow("201 Created") << 201;
    QTest::addRow("200 OK") << 200;
}

void TestRelayClient::enrolSendsTheCodeAndReadsTheToken()
{
    QFETCH(int, status);
    // A relay behind a path, given with a trailing slash.
    m_client->setBaseUrl(m_server->url(QStringLiteral("/kengele/")));
    m_client->setToken(QStringLiteral("tok_old")); // an earlier device token is not sent when enrolling
    m_server->answer(status, R"({"device":"dev_1","token":"tok_new","org":"org_a","org_name":"St Paul's Church"})");
    const auto enrolled = enrol(QStringLiteral("  KGL-AAAA-BBBB-CCCC \n"));
    QVERIFY2(enrolled, qPrintable(enrolled ? QString() : enrolled.error().message));
    QCOMPARE(enrolled->device, QStringLiteral("dev_1"));
    QCOMPARE(enrolled->token, QStringLiteral("tok_new"));
    QCOMPARE(enrolled->org, QStringLiteral("org_a"));
    QCOMPARE(enrolled->orgName, QStringLiteral("St Paul's Church"));

    QCOMPARE(m_server->requests().size(), 1);
    const ScriptedServer::Request &request = m_server->requests().constFirst();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/kengele/v1/enrol"));
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(request.headers.value("accept"), QByteArray("application/json"));
    QVERIFY(!request.headers.contains("authorization"));
    QCOMPARE(QJsonDocument::fromJson(request.body).object(),
             (QJsonObject{{QStringLiteral("code"), QStringLiteral("KGL-AAAA-BBBB-CCCC")},
                          {QStringLiteral("name"), QStringLiteral("Office PC")}}));
    QCOMPARE(m_network->requests.size(), 1);
    QCOMPARE(m_network->requests.constFirst().transferTimeout(), 30'000);
}

void TestRelayClient::enrolFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<RelayError::Kind>("kind");
    QTest::addColumn<QString>("message"); // a part of it
    QTest::addRow("unknown code") << 401 << QByteArray(R"({"error":"This enrolment code is not known."})")
                                  << RelayError::Kind::Unauthorized
                                  << QStringLiteral("The relay did not accept this enrolment code.");
    QTest::addRow("no token in the answer") << 201 << QByteArray(R"({"device":"dev_1","org":"org_a"})")
                                            << RelayError::Kind::BadAnswer << QStringLiteral("could not be read");
    QTest::addRow("no organisation in the answer") << 201 << QByteArray(R"({"device":"dev_1","token":"t"})")
                                                   << RelayError::Kind::BadAnswer << QStringLiteral("could not be read");
    QTest::addRow("a web page") << 200 << QByteArray("<html><body>Welcome</body></html>") << RelayError::Kind::BadAnswer
                                << QStringLiteral("Is it the address of a Kengele relay?");
    QTest::addRow("404 from something else")
        << 404 << QByteArray() << RelayError::Kind::BadAnswer << QStringLiteral("There is no Kengele relay at http://127.0.0.1:");
    QTest::addRow("404 from the relay") << 404 << QByteArray(R"({"error":"Not found."})") << RelayError::Kind::Refused
                                        << QStringLiteral("The relay refused the request: Not found.");
    QTest::addRow("400 with a reason") << 400 << QByteArray(R"({"error":"The enrolment code is missing."})")
                                       << RelayError::Kind::Refused
                                       << QStringLiteral("The relay refused the request: The enrolment code is missing.");
    QTest::addRow("400 without a reason") << 400 << QByteArray() << RelayError::Kind::Refused
                                          << QStringLiteral("The relay refused the request (error 400).");
    QTest::addRow("503") << 503 << QByteArray(R"({"error":"The relay cannot save right now; try again."})")
                         << RelayError::Kind::ServerError << QStringLiteral("has a problem (error 503)");
}

void TestRelayClient::enrolFailures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(RelayError::Kind, kind);
    QFETCH(QString, message);
    m_server->answer(status, body);
    const auto enrolled = enrol();
    QVERIFY(!enrolled);
    QCOMPARE(enrolled.error().kind, kind);
    QCOMPARE(enrolled.error().httpStatus, status);
    QVERIFY2(enrolled.error().message.contains(message), qPrintable(enrolled.error().message));
}

void TestRelayClient::theFeedIsAskedWithCursorAndToken()
{
    m_client->setToken(QStringLiteral("tok_secret"));
    QVERIFY(m_client->hasToken());
    m_server->answer(200,
                     R"({"events":[)"
                     R"({"seq":42,"kind":"at.delivery","received":"2026-11-22T06:01:02.345Z",)"
                     R"("data":{"id":"ATXid_1","status":"Success","phoneNumber":"+254712345678"}},)"
                     R"({"seq":44,"kind":"daraja.stk","received":"2026-11-22T06:01:03Z","data":{"Body":{}}}],)"
                     R"("next":44,"more":true})");
    const auto batch = fetch(41, 25, 100);
    QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
    QCOMPARE(batch->events.size(), 2);
    const RelayEvent &first = batch->events.at(0);
    QCOMPARE(first.seq, 42);
    QCOMPARE(first.kind, QStringLiteral("at.delivery"));
    QCOMPARE(first.received, QDateTime(QDate(2026, 11, 22), QTime(6, 1, 2, 345), Qt::UTC));
    QCOMPARE(first.received.timeSpec(), Qt::UTC);
    QCOMPARE(first.data.value(QLatin1String("phoneNumber")).toString(), QStringLiteral("+254712345678"));
    QCOMPARE(batch->events.at(1).seq, 44); // a gap (after-restore) is fine; going back is not
    QCOMPARE(batch->events.at(1).received, QDateTime(QDate(2026, 11, 22), QTime(6, 1, 3), Qt::UTC));
    QCOMPARE(batch->next, 44);
    QVERIFY(batch->more);

    QCOMPARE(m_server->requests().size(), 1);
    const ScriptedServer::Request &request = m_server->requests().constFirst();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/v1/events?after=41&wait=25&limit=100"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tok_secret"));
    QCOMPARE(request.headers.value("accept"), QByteArray("application/json"));
    // The long poll is held up to `wait` seconds; the client waits 15 s more for the answer.
    QCOMPARE(m_network->requests.constFirst().transferTimeout(), 25'000 + 15'000);
}

void TestRelayClient::anEmptyBatchKeepsTheCursor()
{
    m_client->setToken(QStringLiteral("tok"));
    m_server->answer(200, R"({"events":[],"next":41,"more":false})");
    const auto batch = fetch(41);
    QVERIFY(batch);
    QVERIFY(batch->events.isEmpty());
    QCOMPARE(batch->next, 41);
    QVERIFY(!batch->more);
    QCOMPARE(m_network->requests.constFirst().transferTimeout(), 15'000);
}

void TestRelayClient::aFeedThatCannotBeTrustedIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("not JSON") << QByteArray("<html>Sign in to the Wi-Fi</html>");
    QTest::addRow("no events") << QByteArray(R"({"next":5})");
    QTest::addRow("events not a list") << QByteArray(R"({"events":{"seq":11}})");
    QTest::addRow("out of order") << QByteArray(
        R"({"events":[{"seq":12,"kind":"at.delivery"},{"seq":11,"kind":"at.delivery"}]})");
    QTest::addRow("repeated") << QByteArray(R"({"events":[{"seq":11,"kind":"at.delivery"},{"seq":11,"kind":"at.delivery"}]})");
    QTest::addRow("not after the cursor") << QByteArray(R"({"events":[{"seq":10,"kind":"at.delivery"}]})");
    QTest::addRow("no seq") << QByteArray(R"({"events":[{"kind":"at.delivery"}]})");
    QTest::addRow("no kind") << QByteArray(R"({"events":[{"seq":11}]})");
}

void TestRelayClient::aFeedThatCannotBeTrustedIsRefused()
{
    QFETCH(QByteArray, body);
    // The parse on its own (what FuzzRelayEvents feeds), then through the network.
    QVERIFY(!RelayClient::parseEventBatch(body, 10));
    QVERIFY(RelayClient::parseEventBatch(R"({"events":[{"seq":11,"kind":"at.delivery"}]})", 10));
    m_client->setToken(QStringLiteral("tok"));
    m_server->answer(200, body);
    const auto batch = fetch(10);
    QVERIFY(!batch);
    QCOMPARE(batch.error().kind, RelayError::Kind::BadAnswer);
    QCOMPARE(batch.error().httpStatus, 200);
    QVERIFY(!batch.error().isTransient());
    QCOMPARE(batch.error().toError().code, ErrorCode::Unsupported);
    QVERIFY2(batch.error().message.contains(QLatin1String("could not be read")), qPrintable(batch.error().message));
}

void TestRelayClient::feedFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter"); // empty: no header
    QTest::addColumn<RelayError::Kind>("kind");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<bool>("transient");
    QTest::addColumn<QString>("message");
    QTest::addRow("token refused") << 401 << QByteArray() << RelayError::Kind::Unauthorized << qint64(0) << false
                                   << QStringLiteral("The relay no longer accepts this computer");
    QTest::addRow("rate limited") << 429 << QByteArray("2") << RelayError::Kind::RateLimited << qint64(2000) << true
                                  << QStringLiteral("The relay is busy");
    QTest::addRow("rate limited for too long") << 429 << QByteArray("86400") << RelayError::Kind::RateLimited << qint64(3'600'000)
                                               << true << QStringLiteral("The relay is busy");
    QTest::addRow("rate limited without a time")
        << 429 << QByteArray() << RelayError::Kind::RateLimited << qint64(0) << true << QStringLiteral("The relay is busy");
    QTest::addRow("rate limited with a date")
        << 429 << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT") << RelayError::Kind::RateLimited << qint64(0) << true
        << QStringLiteral("The relay is busy");
    QTest::addRow("server error") << 500 << QByteArray() << RelayError::Kind::ServerError << qint64(0) << true
                                  << QStringLiteral("has a problem (error 500)");
    QTest::addRow("unavailable") << 503 << QByteArray("5") << RelayError::Kind::ServerError << qint64(0) << true
                                 << QStringLiteral("has a problem (error 503)");
    QTest::addRow("bad request") << 400 << QByteArray() << RelayError::Kind::Refused << qint64(0) << false
                                 << QStringLiteral("The relay refused the request: after must be a whole number");
}

void TestRelayClient::feedFailures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(RelayError::Kind, kind);
    QFETCH(qint64, retryAfterMs);
    QFETCH(bool, transient);
    QFETCH(QString, message);
    m_client->setToken(QStringLiteral("tok"));
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!retryAfter.isEmpty())
        headers.append({"Retry-After", retryAfter});
    m_server->answer(status, status == 400 ? QByteArray(R"({"error":"after must be a whole number ≥ 0"})") : QByteArray(),
                     headers);
    const auto batch = fetch(0, 25);
    QVERIFY(!batch);
    QCOMPARE(batch.error().kind, kind);
    QCOMPARE(batch.error().httpStatus, status);
    QCOMPARE(batch.error().retryAfterMs, retryAfterMs);
    QCOMPARE(batch.error().isTransient(), transient);
    QVERIFY2(batch.error().message.contains(message), qPrintable(batch.error().message));
    if (kind == RelayError::Kind::Unauthorized)
        QCOMPARE(batch.error().toError().code, ErrorCode::NotFound);
    if (transient)
        QCOMPARE(batch.error().toError().code, ErrorCode::Io);
}

void TestRelayClient::anUnreachableRelay()
{
    const QUrl nobody(QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort()));
    m_client->setBaseUrl(nobody);
    m_client->setToken(QStringLiteral("tok"));
    const auto batch = fetch();
    QVERIFY(!batch);
    QCOMPARE(batch.error().kind, RelayError::Kind::Unreachable);
    QCOMPARE(batch.error().httpStatus, 0);
    QVERIFY(batch.error().isTransient());
    QVERIFY2(batch.error().message.contains(QStringLiteral("cannot reach the relay at ") + nobody.toString()),
             qPrintable(batch.error().message));
    const auto enrolled = enrol();
    QVERIFY(!enrolled);
    QCOMPARE(enrolled.error().kind, RelayError::Kind::Unreachable);
}

void TestRelayClient::aSilentRelayTimesOut()
{
    // The relay takes the request and never answers: the transfer timeout gives up on it (shortened
    // here from the client's 15 s for wait=0).
    m_network->transferTimeoutOverride = 300;
    m_client->setToken(QStringLiteral("tok"));
    m_server->staySilent();
    QElapsedTimer timer;
    timer.start();
    const auto batch = fetch(0, 0);
    QVERIFY(!batch);
    QCOMPARE(batch.error().kind, RelayError::Kind::Unreachable);
    QVERIFY(batch.error().isTransient());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_server->requests().size(), 1); // it did arrive
    QCOMPARE(m_network->requests.constFirst().transferTimeout(), 15'000);
    QVERIFY(!m_client->isBusy());
}

void TestRelayClient::cancelDropsTheAnswer()
{
    m_client->setToken(QStringLiteral("tok"));
    m_server->staySilent();
    m_server->staySilent();
    int calls = 0;
    m_client->fetchEvents(0, 25, 500, [&](RelayResult<RelayEventBatch>) { ++calls; });
    m_client->enrol(QStringLiteral("KGL-AAAA-BBBB-CCCC"), QStringLiteral("Office PC"),
                    [&](RelayResult<RelayEnrolment>) { ++calls; });
    QVERIFY(m_client->isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, 5000);
    m_client->cancel();
    QVERIFY(!m_client->isBusy());
    QTest::qWait(200);
    QCOMPARE(calls, 0);
    // The client still works afterwards.
    m_server->answer(200, R"({"events":[],"next":0,"more":false})");
    QVERIFY(fetch());
}

void TestRelayClient::destroyingTheClientDropsTheAnswer()
{
    m_client->setToken(QStringLiteral("tok"));
    m_server->staySilent();
    int calls = 0;
    m_client->fetchEvents(0, 25, 500, [&](RelayResult<RelayEventBatch>) { ++calls; });
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 5000);
    m_client.reset();
    QTest::qWait(200);
    QCOMPARE(calls, 0);
}

void TestRelayClient::redirectsAreNotFollowed_data()
{
    QTest::addColumn<bool>("enrolling");
    QTest::addColumn<int>("status");
    QTest::addRow("enrol, 302") << true << 302;
    QTest::addRow("enrol, 307") << true << 307;
    QTest::addRow("enrol, 308") << true << 308;
    QTest::addRow("feed, 302") << false << 302;
    QTest::addRow("feed, 307") << false << 307;
    QTest::addRow("feed, 301") << false << 301;
}

void TestRelayClient::redirectsAreNotFollowed()
{
    // The relay's address answers with a redirect to another server: the code and the token must
    // not go there, nor its answer be taken (issue 11, finding 4).
    QFETCH(bool, enrolling);
    QFETCH(int, status);
    ScriptedServer other;
    QVERIFY(other.start());
    other.answer(200, R"({"device":"dev_x","token":"tok_other","org":"org_x","org_name":"Elsewhere"})");
    other.answer(200, R"({"events":[],"next":0,"more":false})");
    const QByteArray target
        = other.url(enrolling ? QStringLiteral("/v1/enrol") : QStringLiteral("/v1/events?after=0")).toString().toUtf8();
    m_server->answer(status, QByteArray(), {{"Location", target}});
    m_client->setToken(QStringLiteral("tok_secret"));
    const RelayError error = failureOf(enrolling);
    QCOMPARE(other.requests().size(), 0);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(error.kind, RelayError::Kind::Refused);
    QCOMPARE(error.httpStatus, status);
    QVERIFY(!error.isTransient());
    QVERIFY2(error.message.contains(QStringLiteral("redirect")) && error.message.contains(QStringLiteral("does not follow")),
             qPrintable(error.message));
}

void TestRelayClient::anAnswerTooLargeIsRefused_data()
{
    QTest::addColumn<bool>("enrolling");
    QTest::addColumn<qint64>("declared"); // Content-Length, or -1
    QTest::addColumn<qint64>("streamed"); // bytes sent without a Content-Length, or 0
    QTest::addRow("enrol, declared 20 MB") << true << qint64(20'000'000) << qint64(0);
    QTest::addRow("enrol, declared just over 64 KB") << true << qint64(64 * 1024 + 1) << qint64(0);
    QTest::addRow("feed, declared 20 MB") << false << qint64(20'000'000) << qint64(0);
    QTest::addRow("enrol, 20 MB streamed") << true << qint64(-1) << qint64(20'000'000);
    QTest::addRow("feed, 32 MB streamed") << false << qint64(-1) << qint64(32'000'000);
}

void TestRelayClient::anAnswerTooLargeIsRefused()
{
    // A relay (or whatever answers at its address) sends more than any real answer is: it is not
    // read into memory but given up as soon as it is known to be too large (issue 11, finding 12).
    QFETCH(bool, enrolling);
    QFETCH(qint64, declared);
    QFETCH(qint64, streamed);
    ScriptedServer::Answer answer;
    answer.status = 200;
    answer.body = enrolling ? QByteArray(R"({"device":"dev_1","token":"tok","org":"org_a","org_name":")")
                            : QByteArray(R"({"events":[{"seq":1,"kind":"at.inbound","data":{"text":")");
    answer.declaredLength = declared;
    answer.stream = streamed;
    m_server->answer(answer);
    // Without the size check a declared body that never comes would wait for the timeout.
    m_network->transferTimeoutOverride = 5000;
    m_client->setToken(QStringLiteral("tok"));
    QElapsedTimer timer;
    timer.start();
    const RelayError error = failureOf(enrolling);
    QVERIFY2(error.message.contains(QStringLiteral("too large")), qPrintable(error.message));
    QCOMPARE(error.kind, RelayError::Kind::BadAnswer);
    QVERIFY(!error.isTransient());
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    if (streamed > 0) {
        // The client hung up: the rest was never sent.
        QVERIFY(!m_server->streamComplete());
        QVERIFY2(m_server->streamed() < streamed, qPrintable(QString::number(m_server->streamed())));
    }
    QVERIFY(!m_client->isBusy());
}

void TestRelayClient::aFullPageIsNotTooLarge()
{
    // 1000 events (the most a page holds) with long texts: well under the cap.
    QJsonArray events;
    for (int seq = 1; seq <= 1000; ++seq) {
        events.append(QJsonObject{{QStringLiteral("seq"), seq},
                                  {QStringLiteral("kind"), QStringLiteral("at.inbound")},
                                  {QStringLiteral("received"), QStringLiteral("2026-11-22T06:01:02.345Z")},
                                  {QStringLiteral("data"),
                                   QJsonObject{{QStringLiteral("from"), QStringLiteral("+254712345678")},
                                               {QStringLiteral("text"), QString(1600, u'é')}}}});
    }
    const QByteArray body
        = QJsonDocument(
              QJsonObject{{QStringLiteral("events"), events}, {QStringLiteral("next"), 1000}, {QStringLiteral("more"), true}})
              .toJson(QJsonDocument::Compact);
    QVERIFY(body.size() > 3'000'000);
    m_server->answer(200, body);
    m_client->setToken(QStringLiteral("tok"));
    const auto batch = fetch(0, 0, 1000);
    QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
    QCOMPARE(batch->events.size(), 1000);
}

void TestRelayClient::revokeSendsTheGivenToken()
{
    m_client->setBaseUrl(m_server->url(QStringLiteral("/kengele")));
    m_client->setToken(QStringLiteral("tok_old"));
    m_server->answer(204, QByteArray());
    m_server->answer(401, R"({"error":"unknown device token"})");
    const auto revoke = [this] {
        std::optional<RelayResult<void>> result;
        m_client->revokeDevice(QStringLiteral("tok_new"), [&](RelayResult<void> answer) { result = std::move(answer); });
        return waitFor(result) ? *result : std::unexpected(RelayError{RelayError::Kind::BadAnswer, {}, -1, 0});
    };
    QVERIFY(revoke());
    const auto refused = revoke();
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, RelayError::Kind::Unauthorized);
    QCOMPARE(m_server->requests().size(), 2);
    const ScriptedServer::Request &request = m_server->requests().constFirst();
    QCOMPARE(request.method, QByteArray("DELETE"));
    QCOMPARE(request.target, QByteArray("/kengele/v1/device"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tok_new"));
    QCOMPARE(m_network->requests.constFirst().transferTimeout(), 30'000);
}

QTEST_GUILESS_MAIN(TestRelayClient)
#include "TestRelayClient.moc"
