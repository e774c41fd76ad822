// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpRequest.h"
#include "HttpRequestParser.h"

#include <QObject>
#include <QPointer>

namespace kengele::relay {

class HttpConnection;

// Where a connection's answers go and where its bytes come from: a TCP socket in the server, a
// buffer in tests and the fuzzing harness.
class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    virtual void write(const QByteArray &bytes) = 0;
    // Bytes written and not yet sent.
    virtual qint64 pendingOutput() const = 0;
    // Sends what was written, then closes.
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    // The connection takes bytes again (after an answer, or when output has drained): offer what
    // the client has sent meanwhile.
    virtual void resumeInput() = 0;
};

// The one answer to one request, to be given now or later (a held long poll). Copies share the
// answer: the first send() wins, later ones and those after the client left do nothing.
class HttpResponder
{
public:
    HttpResponder() = default;
    // The client is still there, waiting for this answer.
    bool isOpen() const;
    void send(const HttpResponse &response);

private:
    friend class HttpConnection;
    HttpResponder(HttpConnection *connection, quint64 serial);
    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

class HttpRequestHandler
{
public:
    virtual ~HttpRequestHandler() = default;
    // A whole request, checked by the HTTP layer. Answer it through the responder, now or later.
    virtual void handleRequest(HttpRequest &&request, HttpResponder responder) = 0;
    // The HTTP layer refused a request itself (the handler never sees it); for the metrics.
    virtual void requestRefused(const HttpRefusal & /*refusal*/) { }
};

// One client connection: bytes in, requests out, answers back in order. One request at a time:
// bytes that follow a request (pipelining) are not even read until it is answered, so answers
// keep the requests' order and a client that never reads its answers stops being read. A refused
// request is answered and the connection closed; the handler never sees it.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    HttpConnection(const HttpLimits &limits, HttpTransport &transport, HttpRequestHandler &handler,
                   const QHostAddress &remoteAddress, QObject *parent = nullptr);

    // How many bytes it takes now (0 while a request waits for its answer, or while the answers
    // not yet sent pass OutputLimit).
    qsizetype wantsBytes() const;
    void receive(QByteArrayView bytes);

    enum class Timeout { None, TooSlow, Idle, Stuck };
    // Checks the clocks (ms since the epoch). TooSlow: a request did not arrive whole within
    // requestTimeoutMs (answered 408 and closed). Idle: nothing for idleTimeoutMs between requests
    // (closed). Stuck: closing for longer than requestTimeoutMs, but the client neither reads its
    // answer nor goes: the caller aborts the connection.
    Timeout checkTimeouts(qint64 nowMs, int requestTimeoutMs, int idleTimeoutMs);

    bool isClosing() const { return m_closing; }

    static constexpr qsizetype ReadChunk = qsizetype(16) * 1024;
    static constexpr qint64 OutputLimit = qint64(256) * 1024;
    // A refused body up to this size is read and dropped, so the client sees the answer rather
    // than a reset connection.
    static constexpr qint64 DrainLimit = qint64(1024) * 1024;

private:
    friend class HttpResponder;
    void process();
    void refuse(const HttpRefusal &refusal);
    void answer(quint64 serial, const HttpResponse &response);
    void startClosing(qint64 now = 0); // 0: now

    HttpLimits m_limits;
    HttpTransport &m_transport;
    HttpRequestHandler &m_handler;
    QHostAddress m_remoteAddress;
    HttpRequestParser m_parser;
    QByteArray m_in; // received, not yet parsed
    quint64 m_serial = 0; // the request being answered
    bool m_awaitingAnswer = false;
    bool m_keepAlive = true;
    int m_version = 11;
    bool m_processing = false;
    bool m_closing = false;
    qint64 m_drain = 0; // refused body bytes still to read and drop
    qint64 m_requestStartedMs = 0; // 0: between requests
    qint64 m_lastActivityMs = 0;
    qint64 m_closingSinceMs = 0;
};

} // namespace kengele::relay
