// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

namespace kengele::relay {

struct RelayConfig;

// Accepts connections for the HTTP server and watches them before it does: a request whose
// headers announce a body over the limit is refused before the body is read, a request that
// does not arrive whole in time is dropped, and idle keep-alive connections are closed.
class RelayTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    // The configuration is read as it is at each check: it must outlive this server.
    RelayTcpServer(const RelayConfig &config, QObject *parent);

    // The HTTP server took a whole request from the socket; busy: its answer comes later (a long
    // poll, or a callback answered once stored), so the connection is not idle meanwhile.
    void requestHandled(QTcpSocket *socket, bool busy);
    // The answer to the socket's request was written.
    void answered(QTcpSocket *socket);

    quint64 refusedTooLarge() const { return m_refusedTooLarge; }
    quint64 droppedSlow() const { return m_droppedSlow; }
    quint64 openConnections() const { return quint64(m_connections.size()); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection {
        qint64 requestStartedMs = 0; // 0: between requests
        qint64 lastActivityMs = 0;
        bool headersChecked = false;
        bool busy = false; // a long poll or a stored-then-answered hook is pending
        qint64 drainBytes = -1; // refused: body bytes still to read and drop before closing
    };

    void refuse(QTcpSocket *socket, const QByteArray &response);
    void inspect(QTcpSocket *socket);
    void sweep();

    const RelayConfig &m_config;
    QHash<QTcpSocket *, Connection> m_connections;
    QTimer m_sweep;
    quint64 m_refusedTooLarge = 0;
    quint64 m_droppedSlow = 0;
};

} // namespace kengele::relay
