// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HttpConnection.h"

#include <QDateTime>

#include <algorithm>

namespace kengele::relay {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

HttpResponder::HttpResponder(HttpConnection *connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{ }

bool HttpResponder::isOpen() const
{
    return m_connection && m_connection->m_awaitingAnswer && m_connection->m_serial == m_serial && !m_connection->m_closing
        && m_connection->m_transport.isOpen();
}

void HttpResponder::send(const HttpResponse &response)
{
    if (m_connection)
        m_connection->answer(m_serial, response);
}

HttpConnection::HttpConnection(const HttpLimits &limits, HttpTransport &transport, HttpRequestHandler &handler,
                               const QHostAddress &remoteAddress, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_transport(transport)
    , m_handler(handler)
    , m_remoteAddress(remoteAddress)
    , m_parser(limits)
    , m_lastActivityMs(nowMs())
{ }

qsizetype HttpConnection::wantsBytes() const
{
    if (m_closing)
        return m_drain > 0 ? qsizetype(std::min<qint64>(m_drain, ReadChunk)) : 0;
    if (m_awaitingAnswer || m_transport.pendingOutput() >= OutputLimit)
        return 0;
    return ReadChunk;
}

void HttpConnection::receive(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    m_lastActivityMs = nowMs();
    if (m_closing) {
        if (m_drain > 0) {
            m_drain -= bytes.size();
            if (m_drain <= 0)
                m_transport.close();
        }
        return;
    }
    m_in.append(bytes);
    process();
}

void HttpConnection::process()
{
    if (m_processing)
        return; // answered from within handleRequest: the loop below goes on
    m_processing = true;
    while (!m_awaitingAnswer && !m_closing && !m_in.isEmpty() && m_transport.pendingOutput() < OutputLimit) {
        if (m_requestStartedMs == 0)
            m_requestStartedMs = nowMs();
        const qsizetype consumed = m_parser.feed(m_in);
        m_in.remove(0, consumed);
        switch (m_parser.state()) {
        case HttpRequestParser::State::NeedMore:
            m_processing = false;
            return;
        case HttpRequestParser::State::HeaderDone:
            if (m_parser.expectsContinue())
                m_transport.write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            if (m_in.isEmpty()) {
                m_processing = false;
                return;
            }
            break;
        case HttpRequestParser::State::Refused:
            refuse(m_parser.refusal());
            break;
        case HttpRequestParser::State::Complete: {
            HttpRequest request = m_parser.take();
            request.remoteAddress = m_remoteAddress;
            m_requestStartedMs = 0;
            m_keepAlive = request.keepAlive;
            m_version = request.version;
            m_awaitingAnswer = true;
            m_handler.handleRequest(std::move(request), HttpResponder(this, ++m_serial));
            break;
        }
        }
    }
    m_processing = false;
}

void HttpConnection::refuse(const HttpRefusal &refusal)
{
    m_handler.requestRefused(refusal);
    HttpResponse response = httpError(refusal.status, QString::fromUtf8(refusal.message));
    m_transport.write(serialiseResponse(response, true));
    // Read and drop a moderately large refused body (its header is consumed; what follows in
    // m_in is body), so the client reads the answer instead of a reset; then close.
    const qint64 declared = m_parser.declaredBodyLength();
    m_drain = (refusal.status == 413 && declared <= DrainLimit) ? declared - m_in.size() : 0;
    m_in.clear();
    startClosing();
    if (m_drain <= 0)
        m_transport.close();
}

void HttpConnection::answer(quint64 serial, const HttpResponse &response)
{
    if (!m_awaitingAnswer || serial != m_serial || m_closing)
        return;
    m_awaitingAnswer = false;
    m_lastActivityMs = nowMs();
    const bool close = !m_keepAlive;
    QByteArray bytes = serialiseResponse(response, close);
    if (!close && m_version == 10) {
        // An HTTP/1.0 client keeps the connection only when told so.
        bytes.replace(bytes.indexOf("\r\n") + 2, 0, "Connection: keep-alive\r\n");
    }
    m_transport.write(bytes);
    if (close) {
        startClosing();
        m_transport.close();
        return;
    }
    process(); // what the client sent meanwhile
    if (!m_processing)
        m_transport.resumeInput();
}

void HttpConnection::startClosing(qint64 now)
{
    m_closing = true;
    m_awaitingAnswer = false;
    m_closingSinceMs = now != 0 ? now : nowMs();
}

HttpConnection::Timeout HttpConnection::checkTimeouts(qint64 now, int requestTimeoutMs, int idleTimeoutMs)
{
    if (m_closing)
        return now - m_closingSinceMs > requestTimeoutMs ? Timeout::Stuck : Timeout::None;
    if (m_awaitingAnswer)
        return Timeout::None; // the handler answers in its own time (a long poll is bounded)
    if (m_requestStartedMs != 0 && now - m_requestStartedMs > requestTimeoutMs) {
        m_transport.write(serialiseResponse(httpError(408, QStringLiteral("The request did not arrive in time.")), true));
        m_in.clear();
        startClosing(now);
        m_transport.close();
        return Timeout::TooSlow;
    }
    if (m_requestStartedMs == 0 && now - m_lastActivityMs > idleTimeoutMs) {
        startClosing(now);
        m_transport.close();
        return Timeout::Idle;
    }
    return Timeout::None;
}

} // namespace kengele::relay
