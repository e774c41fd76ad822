// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HttpServer.h"

#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>

#include <sys/socket.h>

#include <vector>

namespace kengele::relay {

// A socket as an HttpConnection's transport, and the server's go-between for its requests.
class HttpServer::SocketConnection final : public HttpTransport, public HttpRequestHandler
{
public:
    SocketConnection(HttpServer &server, QTcpSocket *socket)
        : m_server(server)
        , m_socket(socket)
        , m_http(server.m_limits, *this, *this, socket->peerAddress())
    {
        // Qt reads no further ahead than this: a client that sends faster than the connection
        // takes is held back by TCP, not by memory.
        socket->setReadBufferSize(HttpConnection::ReadChunk * 4);
    }

    HttpConnection &http() { return m_http; }

    // Gives the connection what it asks for of what has arrived.
    void pump()
    {
        m_pumpQueued = false;
        if (m_lingerUntil > 0) {
            linger();
            return;
        }
        for (;;) {
            const qsizetype wanted = m_http.wantsBytes();
            if (wanted <= 0 || !isOpen() || m_socket->bytesAvailable() <= 0)
                return;
            const QByteArray bytes = m_socket->read(wanted);
            if (bytes.isEmpty())
                return;
            m_http.receive(bytes);
        }
    }

    void write(const QByteArray &bytes) override
    {
        if (isOpen())
            m_socket->write(bytes);
    }
    qint64 pendingOutput() const override { return m_socket->bytesToWrite(); }
    void close() override
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            if (m_socket->state() != QAbstractSocket::UnconnectedState)
                m_socket->disconnectFromHost(); // after what was written is sent
            return;
        }
        if (m_lingerUntil > 0)
            return;
        // A lingering close: the answer goes out, then this side says it is done (FIN) while what
        // the client still sends is read and dropped, until it closes too or LingerMs pass. Closing
        // at once with its input unread makes the kernel reset the connection, and a client still
        // sending (a body too large, an endless header) would then lose the 4xx that says why.
        m_lingerUntil = QDateTime::currentMSecsSinceEpoch() + LingerMs;
        m_socket->flush();
        linger();
    }
    bool isOpen() const override { return m_socket->state() == QAbstractSocket::ConnectedState && m_lingerUntil == 0; }

    // Past its lingering time: the socket is closed for good (the server's sweep asks).
    bool lingeredTooLong(qint64 now) const { return m_lingerUntil > 0 && now >= m_lingerUntil; }
    void resumeInput() override
    {
        if (m_pumpQueued)
            return;
        m_pumpQueued = true;
        // Through the server: the connection may be gone when this runs.
        QMetaObject::invokeMethod(
            &m_server, [server = &m_server, socket = m_socket] { server->pump(socket); }, Qt::QueuedConnection);
    }

    void handleRequest(HttpRequest &&request, HttpResponder responder) override
    {
        m_server.m_handler.handleRequest(std::move(request), std::move(responder));
    }
    void requestRefused(const HttpRefusal &refusal) override
    {
        m_server.countRefusal(refusal);
        m_server.m_handler.requestRefused(refusal);
    }

private:
    static constexpr qint64 LingerMs = 2000;
    static constexpr qint64 LingerBytes = qint64(64) * 1024 * 1024;

    void linger()
    {
        // Dropped as it comes: nothing of it is kept.
        while (m_socket->bytesAvailable() > 0) {
            m_discarded += m_socket->skip(m_socket->bytesAvailable());
            if (m_discarded > LingerBytes) {
                m_socket->abort();
                return;
            }
        }
        if (!m_halfClosed && m_socket->bytesToWrite() == 0 && m_socket->state() == QAbstractSocket::ConnectedState) {
            m_halfClosed = true;
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        }
    }

    HttpServer &m_server;
    QTcpSocket *m_socket;
    HttpConnection m_http;
    bool m_pumpQueued = false;
    qint64 m_lingerUntil = 0; // when closing: when to stop waiting for the client (ms since the epoch)
    bool m_halfClosed = false;
    qint64 m_discarded = 0;
};

HttpServer::HttpServer(const HttpLimits &limits, Timeouts timeouts, HttpRequestHandler &handler, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_timeouts(timeouts)
    , m_handler(handler)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::accept);
    m_sweep.setInterval(250);
    connect(&m_sweep, &QTimer::timeout, this, &HttpServer::sweep);
}

HttpServer::~HttpServer()
{
    for (auto &[socket, connection] : m_connections) {
        socket->disconnect(this);
        delete connection;
    }
    m_connections.clear();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return false;
    m_sweep.start();
    return true;
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QString HttpServer::errorString() const
{
    return m_server->errorString();
}

void HttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new SocketConnection(*this, socket);
        m_connections.emplace(socket, connection);
        connect(socket, &QTcpSocket::readyRead, this, [connection] { connection->pump(); });
        connect(socket, &QTcpSocket::bytesWritten, this, [connection] { connection->pump(); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            // Not now: this may be inside the connection's own call (close() → disconnected).
            QMetaObject::invokeMethod(
                this, [this, socket] { remove(socket); }, Qt::QueuedConnection);
        });
        connection->pump();
    }
}

void HttpServer::remove(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    socket->disconnect(this);
    delete it->second; // responders held for it (long polls) now see it closed
    m_connections.erase(it);
    socket->deleteLater();
}

void HttpServer::pump(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it != m_connections.end())
        it->second->pump();
}

void HttpServer::countRefusal(const HttpRefusal &refusal)
{
    if (refusal.reason == HttpRefusal::Reason::TooLarge)
        ++m_refusedTooLarge;
    else
        ++m_refusedMalformed;
}

void HttpServer::sweep()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<QTcpSocket *> stuck;
    for (auto &[socket, connection] : m_connections) {
        if (socket->state() != QAbstractSocket::ConnectedState && socket->state() != QAbstractSocket::ClosingState)
            continue;
        if (connection->lingeredTooLong(now)) {
            stuck.push_back(socket);
            continue;
        }
        switch (connection->http().checkTimeouts(now, m_timeouts.requestMs, m_timeouts.idleMs)) {
        case HttpConnection::Timeout::None:
        case HttpConnection::Timeout::Idle:
            break;
        case HttpConnection::Timeout::TooSlow:
            ++m_droppedSlow;
            break;
        case HttpConnection::Timeout::Stuck:
            stuck.push_back(socket);
            break;
        }
    }
    for (QTcpSocket *socket : stuck)
        socket->abort();
    if (m_sweepHook)
        m_sweepHook();
}

} // namespace kengele::relay
