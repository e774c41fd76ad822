// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpConnection.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>
#include <unordered_map>

class QTcpServer;
class QTcpSocket;

namespace kengele::relay {

// The relay's HTTP/1.1 server: accepts TCP connections, gives each an HttpConnection, feeds it
// the bytes it asks for, and watches the clocks: a request that does not arrive whole in time is
// answered 408, an idle keep-alive connection is closed, a client that stops reading is dropped.
class HttpServer final : public QObject
{
    Q_OBJECT

public:
    struct Timeouts {
        int requestMs = 10000;
        int idleMs = 60000;
    };
    HttpServer(const HttpLimits &limits, Timeouts timeouts, HttpRequestHandler &handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString errorString() const;

    quint64 openConnections() const { return quint64(m_connections.size()); }
    quint64 refusedTooLarge() const { return m_refusedTooLarge; }
    quint64 refusedMalformed() const { return m_refusedMalformed; }
    quint64 droppedSlow() const { return m_droppedSlow; }

    // Called from the sweep timer (4 times a second), after the connections are checked.
    void setSweepHook(std::function<void()> hook) { m_sweepHook = std::move(hook); }

private:
    class SocketConnection;
    void accept();
    void sweep();
    void remove(QTcpSocket *socket);
    void pump(QTcpSocket *socket);
    void countRefusal(const HttpRefusal &refusal);

    HttpLimits m_limits;
    Timeouts m_timeouts;
    HttpRequestHandler &m_handler;
    QTcpServer *m_server;
    std::unordered_map<QTcpSocket *, SocketConnection *> m_connections;
    QTimer m_sweep;
    std::function<void()> m_sweepHook;
    quint64 m_refusedTooLarge = 0;
    quint64 m_refusedMalformed = 0;
    quint64 m_droppedSlow = 0;
};

} // namespace kengele::relay
