// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayServer's routes for the desktops' daily audit anchors (docs/relay.md, "Audit anchors"):
// POST /v1/audit-anchor {"entries":N,"hash":"64 hex"} keeps the head of a desktop's audit trail
// for the UTC day; GET /v1/audit-anchor gives the device its anchors back, newest first. Only a
// count and a hash: nothing of the congregation's crosses.
#include "RelayServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcRelay)

namespace kengele::relay {

namespace {

// One anchor a day: more than a year of them.
constexpr int KeptAnchors = 400;
// {"entries":9007199254740991,"hash":"…64…"} with room for spaces; anything larger is not an anchor.
constexpr qsizetype MaxAnchorBody = 512;
// The largest whole number a JSON number carries exactly (2^53 − 1).
constexpr double MaxEntries = 9007199254740991.0;

bool isLowerHex64(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QJsonObject anchorJson(const AuditAnchorRecord &anchor)
{
    return QJsonObject{
        {QStringLiteral("day"), anchor.day},
        {QStringLiteral("entries"), anchor.entries},
        {QStringLiteral("hash"), anchor.hash},
        {QStringLiteral("received"), QDateTime::fromMSecsSinceEpoch(anchor.receivedAt, Qt::UTC).toString(Qt::ISODateWithMs)},
    };
}

} // namespace

void RelayServer::handleAuditAnchor(const HttpRequest &request, HttpResponder &responder)
{
    constexpr Route route = Route::AuditAnchor;
    const auto device = authenticate(request);
    if (!device)
        return unauthorised(request, responder, route);
    if (refusePending(request, responder, route, *device))
        return;
    if (!m_deviceLimiter.tryAcquire(device->id)) {
        replyError(responder, route, 429, QStringLiteral("Too many requests; wait a moment."), {{"Retry-After", "1"}});
        return logAccess(request, route, 429, device->orgId);
    }
    auto refuse = [&](int status, const QString &message) {
        replyError(responder, route, status, message);
        logAccess(request, route, status, device->orgId);
    };
    auto unavailable = [&](const QString &why) {
        qCCritical(lcRelay).noquote() << QLatin1String("audit anchor store failed device=") + device->id
                                      << QLatin1String("error=") + why;
        replyError(responder, route, 503, QStringLiteral("The relay cannot save right now; try again."), {{"Retry-After", "5"}});
        logAccess(request, route, 503, device->orgId);
    };

    if (request.method == HttpMethod::Get) {
        bool ok = true;
        const QString text = request.query.queryItemValue(QStringLiteral("limit"));
        const int limit = text.isEmpty() ? KeptAnchors : text.toInt(&ok);
        if (!ok || limit < 1 || limit > KeptAnchors)
            return refuse(400, QStringLiteral("limit must be 1 to %1.").arg(KeptAnchors));
        const auto anchors = m_store->auditAnchors(device->id, limit);
        if (!anchors)
            return unavailable(anchors.error());
        QJsonArray list;
        for (const AuditAnchorRecord &anchor : *anchors)
            list.append(anchorJson(anchor));
        reply(responder, route, 200, "application/json",
              QJsonDocument(QJsonObject{{QStringLiteral("anchors"), list}}).toJson(QJsonDocument::Compact));
        return logAccess(request, route, 200, device->orgId);
    }

    const QString shape = QStringLiteral("Send {\"entries\":N,\"hash\":\"64 lowercase hex digits\"} as JSON.");
    if (request.body.size() > MaxAnchorBody)
        return refuse(413, QStringLiteral("An audit anchor is a count and a hash; this body is too large."));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return refuse(400, shape);
    const QJsonObject body = document.object();
    if (body.size() != 2 || !body.contains(QLatin1String("entries")) || !body.contains(QLatin1String("hash")))
        return refuse(400, shape);
    const QJsonValue entriesValue = body.value(QLatin1String("entries"));
    const double entries = entriesValue.toDouble(-1);
    if (!entriesValue.isDouble() || entries < 1 || entries > MaxEntries || std::floor(entries) != entries)
        return refuse(400, QStringLiteral("entries must be a whole number, 1 or more."));
    const QString hash = body.value(QLatin1String("hash")).toString();
    if (!isLowerHex64(hash))
        return refuse(400, QStringLiteral("hash must be 64 lowercase hex digits (SHA-256)."));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const AuditAnchorRecord anchor{device->id,      device->orgId, now.date().toString(Qt::ISODate),
                                   qint64(entries), hash,          now.toMSecsSinceEpoch()};
    if (const auto stored = m_store->putAuditAnchor(anchor, KeptAnchors); !stored)
        return unavailable(stored.error());
    reply(responder, route, 200, "application/json", QJsonDocument(anchorJson(anchor)).toJson(QJsonDocument::Compact));
    qCInfo(lcRelay).noquote() << QLatin1String("audit anchor stored device=") + device->id
                              << QLatin1String("org=") + device->orgId
                              << QLatin1String("entries=") + QString::number(anchor.entries);
    logAccess(request, route, 200, device->orgId);
}

} // namespace kengele::relay
