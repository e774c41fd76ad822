// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayServer.h"

#include "RelayTcpServer.h"
#include "Secrets.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QSqlDriver>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRelay, "kengele.relay")
Q_LOGGING_CATEGORY(lcRelayAccess, "kengele.relay.access")

namespace kengele::relay {

namespace {

QString routeName(int route)
{
    static const char *const names[] = {"hook", "enrol", "events", "health", "metrics", "unknown"};
    return QLatin1String(names[route]);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

RelayServer::RelayServer(RelayStore *store, const RelayConfig &config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(store)
    , m_config(config)
    , m_polls([this](LongPollRegistry::Waiter &waiter, bool timedOut) { return answerWaiter(waiter, timedOut); })
    // A bucket holds two seconds' worth (at least one request).
    , m_ipLimiter(config.ipRate, std::max(1.0, config.ipRate * 2))
    , m_deviceLimiter(config.deviceRate, std::max(1.0, config.deviceRate * 2))
{
    m_clock.start();
    if (m_store->isPostgres() && m_store->subscribeToEvents()) {
        connect(m_store->database().driver(),
                qOverload<const QString &, QSqlDriver::NotificationSource, const QVariant &>(&QSqlDriver::notification), this,
                [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                    onNotification(name, payload, source == QSqlDriver::SelfSource);
                });
    }
}

RelayServer::~RelayServer()
{
    // Stopping (SIGTERM): store and answer what has arrived rather than drop it.
    flushHooks();
}

quint16 RelayServer::start()
{
    m_tcp = new RelayTcpServer(m_config, this);
    if (!m_tcp->listen(m_config.listenAddress, m_config.listenPort)) {
        qCCritical(lcRelay).noquote() << QLatin1String("listen failed address=") + m_config.listenText()
                                      << QLatin1String("error=") + m_tcp->errorString();
        return 0;
    }
    bind(m_tcp);
    m_port = m_tcp->serverPort();
    return m_port;
}

void RelayServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    notFound(request, socket, Route::Unknown);
}

bool RelayServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const qint64 startedNs = m_clock.nsecsElapsed();
    if (m_tcp)
        m_tcp->requestHandled(socket, false);
    const QString path = request.url().path();
    const auto method = request.method();
    if (path.startsWith(QLatin1String("/hooks/"))) {
        const QStringList parts = path.split(QLatin1Char('/'));
        handleHook(request, socket, parts, startedNs);
    } else if (path == QLatin1String("/v1/events") && method == QHttpServerRequest::Method::Get) {
        handleEvents(request, socket);
    } else if (path == QLatin1String("/v1/enrol") && method == QHttpServerRequest::Method::Post) {
        handleEnrol(request, socket);
    } else if (path == QLatin1String("/v1/health") && method == QHttpServerRequest::Method::Get) {
        handleHealth(request, socket);
    } else if (path == QLatin1String("/metrics") && method == QHttpServerRequest::Method::Get) {
        handleMetrics(request, socket);
    } else {
        notFound(request, socket, Route::Unknown);
    }
    return true;
}

QString RelayServer::clientAddress(const QHttpServerRequest &request) const
{
    if (m_config.trustProxy) {
        const QByteArray forwarded = request.value("X-Forwarded-For");
        if (!forwarded.isEmpty())
            return QString::fromLatin1(forwarded.split(',').last().trimmed());
    }
    return request.remoteAddress().toString();
}

void RelayServer::reply(QHttpServerResponder &responder, QTcpSocket *socket, Route route, int status,
                        const QByteArray &contentType, const QByteArray &body,
                        const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    m_metrics.countRequest(routeName(int(route)), status);
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(body.size()));
    for (const auto &[key, value] : extra)
        responder.writeHeader(key, value);
    responder.writeBody(body);
    if (m_tcp)
        m_tcp->answered(socket);
}

void RelayServer::replyError(QHttpServerResponder &responder, QTcpSocket *socket, Route route, int status, const QString &message,
                             const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    reply(responder, socket, route, status, "application/json",
          QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact), extra);
}

void RelayServer::logAccess(const QHttpServerRequest &request, Route route, int status, const QString &orgId)
{
    if (!lcRelayAccess().isInfoEnabled())
        return;
    // Never the path itself: it holds the organisation's hook secret.
    qCInfo(lcRelayAccess).noquote() << QStringLiteral("route=%1 method=%2 status=%3 org=%4 client=%5")
                                           .arg(routeName(int(route)),
                                                QString::fromLatin1(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(
                                                    int(request.method()))),
                                                QString::number(status), orgId.isEmpty() ? QStringLiteral("-") : orgId,
                                                clientAddress(request));
}

void RelayServer::notFound(const QHttpServerRequest &request, QTcpSocket *socket, Route route)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    if (!m_ipLimiter.tryAcquire(clientAddress(request))) {
        replyError(responder, socket, route, 429, QStringLiteral("Too many requests; wait a moment."), {{"Retry-After", "1"}});
        logAccess(request, route, 429);
        return;
    }
    replyError(responder, socket, route, 404, QStringLiteral("Not found."));
    logAccess(request, route, 404);
}

// /hooks/{org}/{secret}/{a}/{b}
void RelayServer::handleHook(const QHttpServerRequest &request, QTcpSocket *socket, const QStringList &parts, qint64 startedNs)
{
    std::optional<HookKind> kind;
    std::optional<Organisation> org;
    if (parts.size() == 6 && parts.at(0).isEmpty()) {
        kind = hookKindFromPath(QString(parts.at(4) + QLatin1Char('/') + parts.at(5)));
        if (kind)
            org = m_store->organisation(parts.at(2));
    }
    // One answer for an unknown organisation, a wrong secret and an unknown hook: no hint which.
    const QByteArray secretHash = secrets::sha256(parts.value(3));
    // The same work whether or not the organisation exists.
    static const QByteArray nobody = secrets::sha256(QStringLiteral("no organisation"));
    const bool secretMatches = secrets::constantTimeEqual(secretHash, org ? org->secretHash : nobody);
    if (!kind || !org || !secretMatches) {
        notFound(request, socket, Route::Hook);
        return;
    }
    QHttpServerResponder responder = makeResponder(request, socket);
    if (request.method() != QHttpServerRequest::Method::Post) {
        replyError(responder, socket, Route::Hook, 405, QStringLiteral("Providers POST to this address."), {{"Allow", "POST"}});
        logAccess(request, Route::Hook, 405, org->id);
        return;
    }
    const QByteArray body = request.body();
    PendingHook pending{*kind,
                        false,
                        {},
                        org->id,
                        std::move(responder),
                        socket,
                        startedNs,
                        {},
                        {},
                        clientAddress(request),
                        QString::fromLatin1(request.value("Content-Type").left(200)),
                        nowMs()};
    if (body.size() > m_config.maxBodyBytes) {
        pending.quarantined = true;
        pending.reason = QStringLiteral("the body is larger than %1 bytes").arg(m_config.maxBodyBytes);
        pending.body = body.left(m_config.maxBodyBytes);
    } else if (auto parsed = parseHook(*kind, body); !parsed) {
        pending.quarantined = true;
        pending.reason = parsed.error();
        pending.body = body;
    } else {
        pending.parsed = std::move(*parsed);
    }
    m_pending.push_back(std::move(pending));
    if (m_tcp)
        m_tcp->requestHandled(socket, true);
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &RelayServer::flushHooks, Qt::QueuedConnection);
    }
}

void RelayServer::flushHooks()
{
    m_flushScheduled = false;
    if (m_pending.empty())
        return;
    std::vector<PendingHook> batch = std::move(m_pending);
    m_pending.clear();

    QList<HookEvent> events;
    QList<QuarantinedBody> quarantined;
    std::vector<qsizetype> itemIndex(batch.size(), -1); // the hook's place in events or in quarantined
    for (size_t i = 0; i < batch.size(); ++i) {
        const PendingHook &hook = batch[i];
        if (hook.quarantined) {
            itemIndex[i] = quarantined.size();
            quarantined.append(
                {0, hook.orgId, eventKind(hook.kind), hook.reason, hook.contentType, hook.remote, hook.body, hook.receivedAt});
        } else {
            itemIndex[i] = events.size();
            events.append({hook.orgId, eventKind(hook.kind), hook.parsed.dedupeKey, hook.parsed.data, hook.receivedAt});
        }
    }
    const auto stored = m_store->append(events, quarantined);
    if (!stored) {
        m_metrics.countStoreFailure();
        qCCritical(lcRelay).noquote() << QLatin1String("store failed hooks=") + QString::number(batch.size())
                                      << QLatin1String("error=") + stored.error();
    } else {
        // The store's texts carry error codes and ids, never a body.
        for (const QString &failure : stored->failures)
            qCCritical(lcRelay).noquote() << QLatin1String("hook not stored") << failure;
    }
    QSet<QString> touched;
    for (size_t i = 0; i < batch.size(); ++i) {
        PendingHook &hook = batch[i];
        const QString kindName = eventKind(hook.kind);
        // Each hook is answered from its own outcome: one the database refused does not fail the others.
        int status = 503; // not stored: the provider must try again later
        if (stored && hook.quarantined)
            status = stored->quarantined.at(itemIndex[i]) == QuarantineOutcome::Kept ? 400 : 503;
        else if (stored)
            status = stored->events.at(itemIndex[i]) == EventOutcome::Failed ? 503 : 200;
        if (status == 400) {
            m_metrics.countHook(kindName, QStringLiteral("quarantined"));
            qCWarning(lcRelay).noquote() << QLatin1String("hook quarantined org=") + hook.orgId
                                         << QLatin1String("kind=") + kindName
                                         << QLatin1String("reason=\"") + hook.reason + QLatin1Char('"');
            replyError(hook.responder, hook.socket, Route::Hook, 400, hook.reason);
        } else if (status == 200) {
            const bool fresh = stored->events.at(itemIndex[i]) == EventOutcome::Stored;
            m_metrics.countHook(kindName, fresh ? QStringLiteral("stored") : QStringLiteral("duplicate"));
            if (fresh)
                touched.insert(hook.orgId);
            const HookAnswer answer = hookAnswer(hook.kind);
            reply(hook.responder, hook.socket, Route::Hook, 200, answer.contentType, answer.body);
        } else {
            if (stored)
                m_metrics.countHook(kindName, QStringLiteral("failed"));
            replyError(hook.responder, hook.socket, Route::Hook, 503, QStringLiteral("Temporarily unavailable; try again."),
                       {{"Retry-After", "5"}});
        }
        m_metrics.recordHookLatency(double(m_clock.nsecsElapsed() - hook.startedNs) / 1e9);
        if (lcRelayAccess().isInfoEnabled())
            qCInfo(lcRelayAccess).noquote() << QStringLiteral("route=hook kind=%1 org=%2 status=%3 client=%4")
                                                   .arg(kindName, hook.orgId, QString::number(status), hook.remote);
    }
    for (const QString &orgId : std::as_const(touched))
        m_polls.wake(orgId);
}

std::optional<Device> RelayServer::authenticate(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("Authorization");
    if (!header.startsWith("Bearer ") || header.size() > 200)
        return std::nullopt;
    const QString token = QString::fromLatin1(header.mid(7).trimmed());
    auto device = m_store->deviceByTokenHash(secrets::sha256(token));
    if (!device || device->revokedAt != 0)
        return std::nullopt;
    return device;
}

void RelayServer::handleEnrol(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    auto fail = [&](int status, const QString &message) {
        replyError(responder, socket, Route::Enrol, status, message,
                   status == 429 ? QList<std::pair<QByteArray, QByteArray>>{{"Retry-After", "1"}}
                                 : QList<std::pair<QByteArray, QByteArray>>{});
        logAccess(request, Route::Enrol, status);
    };
    if (!m_ipLimiter.tryAcquire(clientAddress(request)))
        return fail(429, QStringLiteral("Too many attempts; wait a moment."));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(400, QStringLiteral("Send {\"code\":\"KGL-…\",\"name\":\"…\"} as JSON."));
    const QJsonObject body = document.object();
    const QString code = secrets::normaliseEnrolCode(body.value(QLatin1String("code")).toString());
    QString name = body.value(QLatin1String("name")).toString().trimmed().left(100);
    if (name.isEmpty())
        name = QStringLiteral("Desktop");
    if (code.isEmpty() || code.size() > 40)
        return fail(400, QStringLiteral("The enrolment code is missing."));
    const QString token = secrets::deviceToken();
    const auto device = m_store->enrol(secrets::sha256(code), secrets::deviceId(), name, secrets::sha256(token), nowMs());
    if (!device) {
        switch (device.error()) {
        case EnrolProblem::UnknownCode:
            return fail(401, QStringLiteral("This enrolment code is not known. Check it, or ask for a new one."));
        case EnrolProblem::UsedCode:
            return fail(401, QStringLiteral("This enrolment code has already been used. Ask for a new one."));
        case EnrolProblem::ExpiredCode:
            return fail(401, QStringLiteral("This enrolment code has expired. Ask for a new one."));
        case EnrolProblem::Storage:
            return fail(503, QStringLiteral("The relay cannot save right now; try again."));
        }
    }
    const auto org = m_store->organisation(device->orgId);
    const QJsonObject answer{{QStringLiteral("device"), device->id},
                             {QStringLiteral("token"), token},
                             {QStringLiteral("org"), device->orgId},
                             {QStringLiteral("org_name"), org ? org->name : QString()}};
    reply(responder, socket, Route::Enrol, 201, "application/json", QJsonDocument(answer).toJson(QJsonDocument::Compact));
    qCInfo(lcRelay).noquote() << QLatin1String("device enrolled device=") + device->id << QLatin1String("org=") + device->orgId;
    logAccess(request, Route::Enrol, 201, device->orgId);
}

void RelayServer::handleEvents(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const auto device = authenticate(request);
    if (!device) {
        if (!m_ipLimiter.tryAcquire(clientAddress(request))) {
            replyError(responder, socket, Route::Events, 429, QStringLiteral("Too many requests; wait a moment."),
                       {{"Retry-After", "1"}});
            logAccess(request, Route::Events, 429);
            return;
        }
        replyError(responder, socket, Route::Events, 401,
                   QStringLiteral("This computer is not enrolled with the relay, or it was removed. Enrol it again."));
        logAccess(request, Route::Events, 401);
        return;
    }
    if (!m_deviceLimiter.tryAcquire(device->id)) {
        replyError(responder, socket, Route::Events, 429, QStringLiteral("Too many requests; wait a moment."),
                   {{"Retry-After", "1"}});
        logAccess(request, Route::Events, 429, device->orgId);
        return;
    }
    const QUrlQuery query(request.url());
    auto integer = [&query](const char *name, qint64 fallback, qint64 min, qint64 max) -> std::optional<qint64> {
        const QString text = query.queryItemValue(QLatin1String(name));
        if (text.isEmpty())
            return fallback;
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (!ok || value < min || value > max)
            return std::nullopt;
        return value;
    };
    const auto after = integer("after", 0, 0, std::numeric_limits<qint64>::max());
    const auto wait = integer("wait", 0, 0, m_config.maxWaitSeconds);
    const auto limit = integer("limit", 500, 1, 1000);
    if (!after || !wait || !limit) {
        replyError(
            responder, socket, Route::Events, 400,
            QStringLiteral("after must be a whole number ≥ 0, wait 0–%1 seconds, limit 1–1000.").arg(m_config.maxWaitSeconds));
        logAccess(request, Route::Events, 400, device->orgId);
        return;
    }
    const qint64 now = nowMs();
    if (now - m_deviceTouched.value(device->id) > 60000) {
        m_deviceTouched.insert(device->id, now);
        m_store->touchDevice(device->id, now);
    }
    LongPollRegistry::Waiter waiter{device->orgId,      device->id,           *after, int(*limit),
                                    now + *wait * 1000, std::move(responder), socket};
    if (answerWaiter(waiter, *wait == 0)) {
        logAccess(request, Route::Events, 200, device->orgId);
        return;
    }
    m_polls.hold(std::move(waiter));
    if (m_tcp)
        m_tcp->requestHandled(socket, true);
}

bool RelayServer::answerWaiter(LongPollRegistry::Waiter &waiter, bool timedOut)
{
    if (!waiter.socket || waiter.socket->state() != QAbstractSocket::ConnectedState)
        return true; // the client went away: nothing to answer
    const auto events = m_store->eventsAfter(waiter.orgId, waiter.after, waiter.limit + 1);
    if (!events) {
        qCCritical(lcRelay).noquote() << QLatin1String("events read failed org=") + waiter.orgId
                                      << QLatin1String("error=") + events.error();
        replyError(waiter.responder, waiter.socket, Route::Events, 503, QStringLiteral("Temporarily unavailable; try again."),
                   {{"Retry-After", "5"}});
        return true;
    }
    if (events->isEmpty() && !timedOut)
        return false;
    const bool more = events->size() > waiter.limit;
    const qsizetype count = std::min<qsizetype>(events->size(), waiter.limit);
    QByteArray body;
    body.reserve(64 + count * 256);
    body += "{\"events\":[";
    qint64 next = waiter.after;
    for (qsizetype i = 0; i < count; ++i) {
        const StoredEvent &event = events->at(i);
        if (i > 0)
            body += ',';
        body += "{\"seq\":" + QByteArray::number(event.seq) + ",\"kind\":\"" + event.kind.toLatin1() + "\",\"received\":\""
            + QDateTime::fromMSecsSinceEpoch(event.receivedAt, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1()
            + "\",\"data\":" + event.data + '}';
        next = event.seq;
    }
    body += "],\"next\":" + QByteArray::number(next) + ",\"more\":" + (more ? "true" : "false") + '}';
    reply(waiter.responder, waiter.socket, Route::Events, 200, "application/json", body);
    return true;
}

void RelayServer::onNotification(const QString &name, const QVariant &payload, bool fromSelf)
{
    if (name != RelayStore::eventsChannel() || fromSelf)
        return;
    m_polls.wake(payload.toString());
}

void RelayServer::handleHealth(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const bool ok = m_store->ping();
    const QJsonObject body{{QStringLiteral("status"), ok ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                           {QStringLiteral("db"), m_store->isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite")}};
    reply(responder, socket, Route::Health, ok ? 200 : 503, "application/json",
          QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void RelayServer::handleMetrics(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    reply(responder, socket, Route::Metrics, 200, "text/plain; version=0.0.4", metricsText());
}

QByteArray RelayServer::metricsText() const
{
    return m_metrics.text({quint64(m_polls.size()), m_tcp ? m_tcp->openConnections() : 0, m_tcp ? m_tcp->refusedTooLarge() : 0,
                           m_tcp ? m_tcp->droppedSlow() : 0});
}

} // namespace kengele::relay
