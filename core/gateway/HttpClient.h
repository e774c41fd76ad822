// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

namespace kengele {

struct HttpRequest {
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers; // added to (or replacing) libcurl's own
    QByteArray body; // sent when post is set
    bool post = false; // a POST, else a GET
    int timeoutMs = 30'000; // the whole exchange, connecting included
};

struct HttpResponse {
    enum class Failure {
        None, // an answer came: status and body
        NotConnected, // no byte of the request left this computer (refused, no such host, timed out connecting)
        Tls, // the secure connection could not be set up: nothing was sent
        TimedOut, // the request went out, but no whole answer came in time
        Broken, // the request went out, then the connection broke (or the answer was cut short)
    };
    Failure failure = Failure::None;
    int status = 0; // HTTP status; 0 when none came
    QByteArray body;
    QByteArray retryAfter; // the Retry-After header, as sent
    QString detail; // libcurl's words for a failure, for the log (never the request)
};

// HTTP over libcurl's multi interface, in the thread this object lives in, driven by that thread's
// event loop (socket notifiers and a timer: no thread of its own). Connections are kept alive and
// reused; at most maxConnections to one host at a time, the rest wait in libcurl's queue.
//
// Why not QNetworkAccessManager: Qt 6.4 reads an answer's status line and headers one byte per
// system call, in a thread of its own, and costs about 400 µs of CPU a request on loopback against
// 40 µs here; personalised texts go one request per message (architecture.md §11: 4,000 a second on 2 cores).
//
// A POST is never sent twice by this class: its body is handed to libcurl by a read callback with
// no way to rewind, so when a reused connection breaks after the request went out libcurl fails
// the transfer (Broken) instead of replaying it on a new connection. A request of which nothing
// went out may be retried by libcurl on a fresh connection; nothing of it reached the server.
//
// Redirects are not followed, no proxy is used (as Kengele's Qt networking), TLS peers are checked
// against the system's certificate store. Callbacks run later from the event loop, never from
// inside get()/post(); a callback may start new requests. Requests in flight when the client is
// destroyed are dropped without their callbacks.
class HttpClient final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(HttpResponse)>;

    explicit HttpClient(int maxConnections = 16, QObject *parent = nullptr);
    ~HttpClient() override;

    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // Returns an id for abort(); the callback gets the answer or the failure.
    quint64 start(HttpRequest request, Callback done);
    // Drops a request still in flight: its callback is not called. Whether it reached the server
    // is not known.
    void abort(quint64 id);
    int inFlight() const { return int(m_transfers.size()); }

    static constexpr qsizetype MaxAnswerBytes = qsizetype(4) * 1024 * 1024;

private:
    struct Transfer;
    struct Socket;

    static int onSocket(void *easy, int fd, int what, void *client, void *socketData);
    static int onTimer(void *multi, long timeoutMs, void *client);
    void watch(int fd, int what);
    void act(int fd, int events);
    void collectFinished();
    void drop(Transfer *transfer);

    void *m_multi = nullptr; // CURLM
    QTimer m_timer;
    QHash<quint64, Transfer *> m_transfers;
    QHash<int, Socket *> m_sockets;
    quint64 m_lastId = 0;
    bool m_closing = false;
};

} // namespace kengele
