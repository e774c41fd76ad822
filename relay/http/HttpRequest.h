// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace kengele::relay {

// What the relay's HTTP layer accepts before anything is buffered (docs/architecture.md, "The
// relay's HTTP layer"). The request line counts towards maxHeaderBytes.
struct HttpLimits {
    qsizetype maxHeaderBytes = qsizetype(16) * 1024;
    int maxHeaders = 100;
    qsizetype maxTargetBytes = 2048;
    qint64 maxBodyBytes = qint64(64) * 1024;
    // A few routes take larger bodies (sync batches, snapshot parts): their own cap, chosen from
    // the request line before the header is read, so it is still refused from Content-Length
    // alone. Exact path, or a path ending in '/' for everything under it; method as sent.
    struct RouteBodyLimit {
        QByteArray method;
        QString path;
        qint64 maxBodyBytes = 0;
    };
    QList<RouteBodyLimit> routeBodyLimits;

    // The cap for a request to `path` with `method`.
    qint64 bodyLimitFor(QByteArrayView method, const QString &path) const
    {
        for (const RouteBodyLimit &route : routeBodyLimits) {
            const bool matches = route.path.endsWith(u'/') ? path.startsWith(route.path) : path == route.path;
            if (matches && method == route.method)
                return route.maxBodyBytes;
        }
        return maxBodyBytes;
    }
};

enum class HttpMethod { Get, Post, Delete, Put, Other };

// One request, parsed and complete (the body is all there).
struct HttpRequest {
    HttpMethod method = HttpMethod::Other;
    QByteArray methodText;
    QByteArray target; // as sent: /path?query
    QString path; // percent-decoded
    QUrlQuery query;
    int version = 11; // 10 = HTTP/1.0, 11 = HTTP/1.1
    QList<std::pair<QByteArray, QByteArray>> headers; // names in lower case, in the order sent
    QByteArray body;
    QHostAddress remoteAddress;
    bool keepAlive = true;

    // The first value of the header (name in any case); empty when absent.
    QByteArray header(QByteArrayView name) const;
};

// A request the HTTP layer refuses itself: the status and a plain reason. The connection is closed
// after the answer, and the request is never handed to the relay.
struct HttpRefusal {
    enum class Reason { Malformed, TooLarge };
    int status = 400;
    QByteArray message;
    Reason reason = Reason::Malformed;
};

// The answer to a request.
struct HttpResponse {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // more headers (Retry-After, Allow, …)
};

// The status line's reason phrase ("Not Found").
QByteArray httpReasonPhrase(int status);

// The bytes of an answer. Content-Length is always set; "Connection: close" when close is true.
QByteArray serialiseResponse(const HttpResponse &response, bool close);

// A JSON answer {"error": message}.
HttpResponse httpError(int status, const QString &message, QList<std::pair<QByteArray, QByteArray>> headers = {});

} // namespace kengele::relay
