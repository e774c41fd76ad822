// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayTcpServer.h"

#include "RelayConfig.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

#include <algorithm>

namespace kengele::relay {

namespace {

constexpr qsizetype MaxHeaderBytes = qsizetype(16) * 1024;
constexpr qint64 DrainLimit = qint64(1024) * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray rawResponse(int status, const char *reason, const QByteArray &message)
{
    const QByteArray body
        = QJsonDocument(QJsonObject{{QStringLiteral("error"), QString::fromUtf8(message)}}).toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body;
}

} // namespace

RelayTcpServer::RelayTcpServer(const RelayConfig &config, QObject *parent)
    : QTcpServer(parent)
    , m_config(config)
{
    m_sweep.setInterval(250);
    connect(&m_sweep, &QTimer::timeout, this, &RelayTcpServer::sweep);
    m_sweep.start();
}

void RelayTcpServer::requestHandled(QTcpSocket *socket, bool busy)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->requestStartedMs = 0;
    it->headersChecked = false;
    it->busy = busy;
    it->lastActivityMs = nowMs();
}

void RelayTcpServer::answered(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it != m_connections.end()) {
        it->busy = false;
        it->lastActivityMs = nowMs();
    }
}

void RelayTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    m_connections.insert(socket, Connection{0, nowMs(), false, false, -1});
    // Connected before the HTTP server connects its own handler, so this runs first.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    addPendingConnection(socket);
}

void RelayTcpServer::refuse(QTcpSocket *socket, const QByteArray &response)
{
    socket->setReadBufferSize(1); // read no more of what the client is still sending
    socket->write(response);
    socket->disconnectFromHost();
}

void RelayTcpServer::inspect(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->drainBytes >= 0) {
        it->drainBytes -= socket->read(std::min(it->drainBytes, socket->bytesAvailable())).size();
        if (it->drainBytes <= 0)
            socket->disconnectFromHost();
        return;
    }
    const qint64 now = nowMs();
    it->lastActivityMs = now;
    if (it->requestStartedMs == 0)
        it->requestStartedMs = now;
    if (it->headersChecked)
        return;
    const QByteArray head = socket->peek(MaxHeaderBytes);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= MaxHeaderBytes) {
            ++m_refusedTooLarge;
            refuse(socket, rawResponse(431, "Request Header Fields Too Large", "The request headers are too large."));
        }
        return;
    }
    it->headersChecked = true;
    const QList<QByteArray> lines = head.left(end).split('\n');
    for (const QByteArray &rawLine : lines) {
        const QByteArray line = rawLine.trimmed().toLower();
        if (line.startsWith("content-length:")) {
            bool ok = false;
            const qint64 length = line.mid(15).trimmed().toLongLong(&ok);
            if (!ok || length > m_config.maxBodyBytes) {
                ++m_refusedTooLarge;
                const QByteArray response = rawResponse(413, "Payload Too Large",
                                                        "The request body is larger than this relay accepts ("
                                                            + QByteArray::number(m_config.maxBodyBytes) + " bytes).");
                if (ok && length <= DrainLimit) {
                    // Read and drop a moderately large body, so the client is not reset before
                    // it reads the answer; then close.
                    socket->write(response);
                    socket->read(end + 4); // the headers
                    it->drainBytes = length;
                    inspect(socket);
                } else {
                    refuse(socket, response);
                }
                return;
            }
        } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
            ++m_refusedTooLarge;
            refuse(socket, rawResponse(411, "Length Required", "Send the body with a Content-Length."));
            return;
        }
    }
}

void RelayTcpServer::sweep()
{
    const qint64 now = nowMs();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        const Connection c = m_connections.value(socket);
        if (socket->state() != QAbstractSocket::ConnectedState)
            continue;
        if (c.requestStartedMs != 0 && now - c.requestStartedMs > m_config.requestTimeoutMs) {
            ++m_droppedSlow;
            m_connections[socket].requestStartedMs = 0;
            refuse(socket, rawResponse(408, "Request Timeout", "The request did not arrive in time."));
        } else if (c.requestStartedMs == 0 && !c.busy && now - c.lastActivityMs > m_config.idleTimeoutMs) {
            socket->disconnectFromHost();
        }
    }
}

} // namespace kengele::relay
