// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QEventLoop>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace kengele::test {

// One request as the fake received it.
struct RecordedRequest {
    QByteArray method; // "POST", "GET", ...
    QString path; // "/version1/messaging"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // as received
    QByteArray body; // raw, exactly as sent
    QList<QPair<QString, QString>> form; // the body read as a form, in order ('+' is a space, %2B a '+')

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    bool hasHeader(const QByteArray &name) const;
    QString field(const QString &name) const; // the first form field of that name
    bool hasField(const QString &name) const;
    QStringList fieldNames() const;
};

// What the fake does with the next request.
struct ScriptedAnswer {
    enum class Action {
        Answer, // status, headers, body (after delayMs)
        CloseConnection, // hang up without a word (after delayMs)
        NeverAnswer, // keep the connection open and say nothing
    };
    Action action = Action::Answer;
    int status = 201;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;

    static ScriptedAnswer json(int status, const QByteArray &body);
    static ScriptedAnswer text(int status, const QByteArray &body);
    static ScriptedAnswer html(int status, const QByteArray &body);
    static ScriptedAnswer closeConnection(int delayMs = 0);
    static ScriptedAnswer neverAnswer();
    ScriptedAnswer &withHeader(const QByteArray &name, const QByteArray &value);
    ScriptedAnswer &after(int delayMs);
};

// A scriptable Africa's Talking for integration tests: a real HTTP server on 127.0.0.1 that records
// every request (method, path, headers, raw body, form fields) and answers what the test queued, in
// order. With nothing queued it answers like a happy AT: POST /version1/messaging gets every number
// accepted (201, statusCode 101), GET /version1/user a balance of "KES 100.0000", anything else 404.
class FakeAfricasTalking final : public QObject
{
    Q_OBJECT

public:
    explicit FakeAfricasTalking(QObject *parent = nullptr);
    ~FakeAfricasTalking() override;

    bool start(); // listens on 127.0.0.1, on a free port
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:PORT

    void enqueue(ScriptedAnswer answer);
    int queuedAnswers() const { return int(m_script.size()); }

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    const RecordedRequest &lastRequest() const { return m_requests.last(); }
    void clearRequests() { m_requests.clear(); }

    // {"SMSMessageData":{"Message":"Sent to n/n ...","Recipients":[every number 101 Success]}}
    static QByteArray successBody(const QStringList &numbers);

Q_SIGNALS:
    void requestReceived(int index);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    ScriptedAnswer defaultAnswer(const RecordedRequest &request) const;
    void carryOut(ScriptedAnswer answer, QHttpServerResponder &&responder);

    QHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    QList<ScriptedAnswer> m_script;
    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket *, std::shared_ptr<QHttpServerResponder>> m_silent;
};

// Starts something that answers through a callback and runs an event loop until it does, or until
// timeoutMs pass (then: nullopt). Unlike QTest::qWaitFor, which sleeps 10 ms between looks and so
// makes every loopback round trip cost tens of milliseconds, this wakes as soon as the answer comes.
//   auto result = awaitResult<SendResult>([&](auto done) { gateway.send(request, done); });
template<typename T, typename Start> std::optional<T> awaitResult(Start &&start, int timeoutMs = 5000)
{
    struct State {
        std::optional<T> value;
        QPointer<QEventLoop> loop;
    };
    auto state = std::make_shared<State>();
    QEventLoop loop;
    state->loop = &loop;
    start([state](T value) {
        state->value = std::move(value);
        if (state->loop)
            state->loop->quit();
    });
    if (!state->value) {
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        timeout.start(timeoutMs);
        loop.exec();
    }
    state->loop = nullptr;
    return std::move(state->value);
}

} // namespace kengele::test
