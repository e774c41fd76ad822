// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayServer.h"

#include "Purchases.h"
#include "Secrets.h"
#include "http/HttpServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QUrlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcRelay, "kengele.relay")
Q_LOGGING_CATEGORY(lcRelayAccess, "kengele.relay.access")

namespace kengele::relay {

namespace {

QString routeName(int route)
{
    static const char *const names[]
        = {"hook",        "enrol",        "events", "device",        "health",  "metrics", "unknown", "purchases", "plans",
           "voucher_key", "audit_anchor", "join",   "join_requests", "changes", "devices", "keys",    "snapshot"};
    return QLatin1String(names[route]);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

RelayServer::RelayServer(RelayStore *store, const RelayConfig &config, QObject *parent)
    : QObject(parent)
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
    // Stopping (SIGTERM): store and answer what has arrived rather than drop it, then close the
    // connections while this handler still exists.
    flushHooks();
    delete m_http;
    m_http = nullptr;
}

quint16 RelayServer::start()
{
    if (!m_key) {
        auto key = MasterKey::loadOrCreate(MasterKey::pathFor(m_config));
        if (!key) {
            qCCritical(lcRelay).noquote() << QLatin1String("master key unavailable: ") + key.error();
            return 0;
        }
        m_key = *key;
        m_purchases = new PurchaseService(
            *m_store, *m_key, m_config,
            [this](const QString &orgId, const QByteArray &body) { deliverSimulatedCallback(orgId, body); }, this);
        connect(m_purchases, &PurchaseService::eventsAppended, this, [this](const QString &orgId) { m_polls.wake(orgId); });
        connect(m_purchases, &PurchaseService::purchaseCounted, this,
                [this](const QString &result) { m_metrics.countPurchase(result); });
        m_purchases->start();
    }
    HttpLimits limits;
    limits.maxBodyBytes = m_config.maxBodyBytes;
    // Sync batches, snapshot parts and key grants are larger than anything else (docs/relay.md).
    auto atLeastDefault = [this](qint64 bytes) {
        return std::max<qint64>(bytes, m_config.maxBodyBytes);
    };
    limits.routeBodyLimits = {{"POST", QStringLiteral("/v1/changes"), atLeastDefault(synclimits::ChangesBodyBytes)},
                              {"PUT", QStringLiteral("/v1/snapshot"), atLeastDefault(synclimits::SnapshotPartBytes)},
                              {"POST", QStringLiteral("/v1/keys"), atLeastDefault(synclimits::KeysBodyBytes)}};
    m_http = new HttpServer(limits, {m_config.requestTimeoutMs, m_config.idleTimeoutMs}, *this, this);
    // Buckets that have refilled are forgotten as time passes, not only when the table is full.
    m_http->setSweepHook([this] {
        m_ipLimiter.sweep();
        m_deviceLimiter.sweep();
    });
    if (!m_http->listen(m_config.listenAddress, m_config.listenPort)) {
        qCCritical(lcRelay).noquote() << QLatin1String("listen failed address=") + m_config.listenText()
                                      << QLatin1String("error=") + m_http->errorString();
        return 0;
    }
    m_port = m_http->port();
    return m_port;
}

void RelayServer::handleRequest(HttpRequest &&request, HttpResponder responder)
{
    const qint64 startedNs = m_clock.nsecsElapsed();
    const QString &path = request.path;
    const HttpMethod method = request.method;
    if (path.startsWith(QLatin1String("/hooks/"))) {
        handleHook(request, responder, startedNs);
    } else if (path == QLatin1String("/v1/events") && method == HttpMethod::Get) {
        handleEvents(request, responder);
    } else if (path == QLatin1String("/v1/enrol") && method == HttpMethod::Post) {
        handleEnrol(request, responder);
    } else if (path == QLatin1String("/v1/device") && method == HttpMethod::Delete) {
        handleDeviceRevoke(request, responder);
    } else if (path == QLatin1String("/v1/purchases") && (method == HttpMethod::Get || method == HttpMethod::Post)) {
        handlePurchases(request, responder, Route::Purchases);
    } else if (path == QLatin1String("/v1/plans") && method == HttpMethod::Get) {
        handlePurchases(request, responder, Route::Plans);
    } else if (path == QLatin1String("/v1/voucher-key") && method == HttpMethod::Get) {
        handlePurchases(request, responder, Route::VoucherKey);
    } else if (path == QLatin1String("/v1/audit-anchor") && (method == HttpMethod::Get || method == HttpMethod::Post)) {
        handleAuditAnchor(request, responder);
    } else if (path == QLatin1String("/v1/device") && method == HttpMethod::Get) {
        handleSync(request, responder, Route::Device);
    } else if (path == QLatin1String("/v1/join") || path.startsWith(QLatin1String("/v1/join/"))) {
        handleSync(request, responder, Route::Join);
    } else if (path == QLatin1String("/v1/join-requests") || path.startsWith(QLatin1String("/v1/join-requests/"))) {
        handleSync(request, responder, Route::JoinRequests);
    } else if (path == QLatin1String("/v1/changes")) {
        handleSync(request, responder, Route::Changes);
    } else if (path == QLatin1String("/v1/devices") || path.startsWith(QLatin1String("/v1/devices/"))) {
        handleSync(request, responder, Route::Devices);
    } else if (path == QLatin1String("/v1/keys")) {
        handleSync(request, responder, Route::Keys);
    } else if (path == QLatin1String("/v1/snapshot") || path.startsWith(QLatin1String("/v1/snapshot/"))) {
        handleSync(request, responder, Route::Snapshot);
    } else if (path == QLatin1String("/v1/health") && method == HttpMethod::Get) {
        handleHealth(request, responder);
    } else if (path == QLatin1String("/metrics") && method == HttpMethod::Get) {
        handleMetrics(request, responder);
    } else {
        notFound(request, responder, Route::Unknown);
    }
}

QString RelayServer::clientAddress(const HttpRequest &request) const
{
    if (m_config.trustProxy) {
        const QByteArray forwarded = request.header("x-forwarded-for");
        if (!forwarded.isEmpty())
            return QString::fromLatin1(forwarded.split(',').last().trimmed().left(64));
    }
    return request.remoteAddress.toString();
}

void RelayServer::reply(HttpResponder &responder, Route route, int status, const QByteArray &contentType, const QByteArray &body,
                        const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    m_metrics.countRequest(routeName(int(route)), status);
    responder.send({status, contentType, body, extra});
}

void RelayServer::replyError(HttpResponder &responder, Route route, int status, const QString &message,
                             const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    const HttpResponse error = httpError(status, message, extra);
    reply(responder, route, status, error.contentType, error.body, error.headers);
}

void RelayServer::logAccess(const HttpRequest &request, Route route, int status, const QString &orgId)
{
    if (!lcRelayAccess().isInfoEnabled())
        return;
    // Never the path itself: it holds the organisation's hook secret.
    qCInfo(lcRelayAccess).noquote() << QStringLiteral("route=%1 method=%2 status=%3 org=%4 client=%5")
                                           .arg(routeName(int(route)), QString::fromLatin1(request.methodText.left(16)),
                                                QString::number(status), orgId.isEmpty() ? QStringLiteral("-") : orgId,
                                                clientAddress(request));
}

void RelayServer::notFound(const HttpRequest &request, HttpResponder &responder, Route route)
{
    if (!m_ipLimiter.tryAcquire(clientAddress(request))) {
        replyError(responder, route, 429, QStringLiteral("Too many requests; wait a moment."), {{"Retry-After", "1"}});
        logAccess(request, route, 429);
        return;
    }
    replyError(responder, route, 404, QStringLiteral("Not found."));
    logAccess(request, route, 404);
}

void RelayServer::unauthorised(const HttpRequest &request, HttpResponder &responder, Route route)
{
    if (!m_ipLimiter.tryAcquire(clientAddress(request))) {
        replyError(responder, route, 429, QStringLiteral("Too many requests; wait a moment."), {{"Retry-After", "1"}});
        logAccess(request, route, 429);
        return;
    }
    replyError(responder, route, 401,
               QStringLiteral("This computer is not enrolled with the relay, or it was removed. Enrol it again."));
    logAccess(request, route, 401);
}

// /hooks/{org}/{secret}/{a}/{b}
void RelayServer::handleHook(const HttpRequest &request, HttpResponder &responder, qint64 startedNs)
{
    // One answer, and the same work, for an unknown organisation, a wrong secret and an unknown
    // hook: neither the answer nor its timing hints which (docs/relay.md). The organisation is
    // looked up and the secret compared on every path.
    const QStringList parts = request.path.split(QLatin1Char('/'));
    const bool wellFormed = parts.size() == 6 && parts.at(0).isEmpty();
    const QString orgId = parts.value(2).left(64);
    const std::optional<HookKind> kind = hookKindFromPath(QString(parts.value(4) + QLatin1Char('/') + parts.value(5)));
    const QByteArray storedHash = m_store->hookSecretHash(orgId);
    static const QByteArray nobody = secrets::sha256(QStringLiteral("no organisation"));
    const bool secretMatches
        = secrets::constantTimeEqual(secrets::sha256(parts.value(3)), storedHash.isEmpty() ? nobody : storedHash);
    if (!wellFormed || !kind || storedHash.isEmpty() || !secretMatches) {
        notFound(request, responder, Route::Hook);
        return;
    }
    if (request.method != HttpMethod::Post) {
        replyError(responder, Route::Hook, 405, QStringLiteral("Providers POST to this address."), {{"Allow", "POST"}});
        logAccess(request, Route::Hook, 405, orgId);
        return;
    }
    const QByteArray &body = request.body;
    PendingHook pending{*kind,
                        false,
                        {},
                        orgId,
                        responder,
                        startedNs,
                        {},
                        {},
                        clientAddress(request),
                        QString::fromLatin1(request.header("content-type").left(200)),
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
    QList<std::pair<QString, QString>> stkStored; // organisation, CheckoutRequestID
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
            replyError(hook.responder, Route::Hook, 400, hook.reason);
        } else if (status == 200) {
            const bool fresh = stored->events.at(itemIndex[i]) == EventOutcome::Stored;
            m_metrics.countHook(kindName, fresh ? QStringLiteral("stored") : QStringLiteral("duplicate"));
            if (fresh)
                touched.insert(hook.orgId);
            // A replay too: the purchase may still wait for a check a crash interrupted.
            if (hook.kind == HookKind::DarajaStk)
                stkStored.append({hook.orgId, hook.parsed.dedupeKey});
            const HookAnswer answer = hookAnswer(hook.kind);
            reply(hook.responder, Route::Hook, 200, answer.contentType, answer.body);
        } else {
            if (stored)
                m_metrics.countHook(kindName, QStringLiteral("failed"));
            replyError(hook.responder, Route::Hook, 503, QStringLiteral("Temporarily unavailable; try again."),
                       {{"Retry-After", "5"}});
        }
        m_metrics.recordHookLatency(double(m_clock.nsecsElapsed() - hook.startedNs) / 1e9);
        if (lcRelayAccess().isInfoEnabled())
            qCInfo(lcRelayAccess).noquote() << QStringLiteral("route=hook kind=%1 org=%2 status=%3 client=%4")
                                                   .arg(kindName, hook.orgId, QString::number(status), hook.remote);
    }
    for (const QString &orgId : std::as_const(touched))
        m_polls.wake(orgId);
    // Stored and answered first; then the purchase it is about is checked with Daraja.
    if (m_purchases) {
        for (const auto &[orgId, checkoutId] : std::as_const(stkStored))
            m_purchases->callbackStored(orgId, checkoutId);
    }
}

void RelayServer::deliverSimulatedCallback(const QString &orgId, const QByteArray &body)
{
    auto parsed = parseHook(HookKind::DarajaStk, body);
    if (!parsed) {
        qCCritical(lcRelay).noquote() << QLatin1String("simulated callback refused org=") + orgId << parsed.error();
        return;
    }
    PendingHook pending{HookKind::DarajaStk,
                        false,
                        {},
                        orgId,
                        HttpResponder(),
                        m_clock.nsecsElapsed(),
                        std::move(*parsed),
                        {},
                        QStringLiteral("simulator"),
                        QStringLiteral("application/json"),
                        nowMs()};
    m_pending.push_back(std::move(pending));
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &RelayServer::flushHooks, Qt::QueuedConnection);
    }
}

std::optional<Device> RelayServer::authenticate(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Bearer ") || header.size() > 200)
        return std::nullopt;
    const QString token = QString::fromLatin1(header.mid(7).trimmed());
    auto device = m_store->deviceByTokenHash(secrets::sha256(token));
    if (!device || device->revokedAt != 0)
        return std::nullopt;
    return device;
}

void RelayServer::handleEnrol(const HttpRequest &request, HttpResponder &responder)
{
    auto fail = [&](int status, const QString &message) {
        replyError(responder, Route::Enrol, status, message,
                   status == 429 ? QList<std::pair<QByteArray, QByteArray>>{{"Retry-After", "1"}}
                                 : QList<std::pair<QByteArray, QByteArray>>{});
        logAccess(request, Route::Enrol, status);
    };
    if (!m_ipLimiter.tryAcquire(clientAddress(request)))
        return fail(429, QStringLiteral("Too many attempts; wait a moment."));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(400, QStringLiteral("Send {\"code\":\"KGL-…\",\"name\":\"…\"} as JSON."));
    const QJsonObject body = document.object();
    const QString code = secrets::normaliseEnrolCode(body.value(QLatin1String("code")).toString());
    const QString name = body.value(QLatin1String("name")).toString(); // the store cleans it
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
                             {QStringLiteral("org_name"), org ? org->name : QString()},
                             {QStringLiteral("voucher_key"), voucherPublicKey()}};
    reply(responder, Route::Enrol, 201, "application/json", QJsonDocument(answer).toJson(QJsonDocument::Compact));
    qCInfo(lcRelay).noquote() << QLatin1String("device enrolled device=") + device->id << QLatin1String("org=") + device->orgId;
    logAccess(request, Route::Enrol, 201, device->orgId);
}

// DELETE /v1/device: a desktop removes itself (it could not keep its token, or is being retired).
void RelayServer::handleDeviceRevoke(const HttpRequest &request, HttpResponder &responder)
{
    const auto device = authenticate(request);
    if (!device)
        return unauthorised(request, responder, Route::Device);
    const auto revoked = m_store->revokeDevice(device->id, nowMs());
    if (!revoked) {
        replyError(responder, Route::Device, 503, QStringLiteral("The relay cannot save right now; try again."),
                   {{"Retry-After", "5"}});
        logAccess(request, Route::Device, 503, device->orgId);
        return;
    }
    m_deviceTouched.remove(device->id);
    // Its polls held elsewhere on this connection or others end now, with 401.
    m_polls.wake(device->orgId);
    reply(responder, Route::Device, 204, {}, {});
    qCInfo(lcRelay).noquote() << QLatin1String("device removed itself device=") + device->id
                              << QLatin1String("org=") + device->orgId;
    logAccess(request, Route::Device, 204, device->orgId);
}

void RelayServer::handleEvents(const HttpRequest &request, HttpResponder &responder)
{
    const auto device = authenticate(request);
    if (!device)
        return unauthorised(request, responder, Route::Events);
    if (refusePending(request, responder, Route::Events, *device))
        return;
    if (!m_deviceLimiter.tryAcquire(device->id)) {
        replyError(responder, Route::Events, 429, QStringLiteral("Too many requests; wait a moment."), {{"Retry-After", "1"}});
        logAccess(request, Route::Events, 429, device->orgId);
        return;
    }
    const QUrlQuery &query = request.query;
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
            responder, Route::Events, 400,
            QStringLiteral("after must be a whole number ≥ 0, wait 0–%1 seconds, limit 1–1000.").arg(m_config.maxWaitSeconds));
        logAccess(request, Route::Events, 400, device->orgId);
        return;
    }
    const qint64 now = nowMs();
    if (now - m_deviceTouched.value(device->id) > 60000) {
        m_deviceTouched.insert(device->id, now);
        m_store->touchDevice(device->id, now);
    }
    LongPollRegistry::Waiter waiter{device->orgId, device->id, *after, int(*limit), now + *wait * 1000, responder};
    if (answerWaiter(waiter, *wait == 0)) {
        logAccess(request, Route::Events, 200, device->orgId);
        return;
    }
    waiter.held = true;
    m_polls.hold(std::move(waiter));
}

bool RelayServer::answerWaiter(LongPollRegistry::Waiter &waiter, bool timedOut)
{
    if (!waiter.responder.isOpen())
        return true; // the client went away: nothing to answer
    if (waiter.held && !m_store->isDeviceActive(waiter.deviceId)) {
        // Removed while its poll was held: it gets nothing more (checked before every answer of
        // a held poll; a new request is checked by authenticate()).
        const Route route = waiter.kind == LongPollRegistry::Kind::Events ? Route::Events
            : waiter.kind == LongPollRegistry::Kind::Changes              ? Route::Changes
            : waiter.kind == LongPollRegistry::Kind::JoinState            ? Route::Join
                                                                          : Route::JoinRequests;
        replyError(waiter.responder, route, 401,
                   QStringLiteral("This computer is not enrolled with the relay, or it was removed. Enrol it again."));
        return true;
    }
    if (waiter.kind != LongPollRegistry::Kind::Events)
        return answerSyncWaiter(waiter, timedOut);
    const auto events = m_store->eventsAfter(waiter.orgId, waiter.after, waiter.limit + 1);
    if (!events) {
        qCCritical(lcRelay).noquote() << QLatin1String("events read failed org=") + waiter.orgId
                                      << QLatin1String("error=") + events.error();
        replyError(waiter.responder, Route::Events, 503, QStringLiteral("Temporarily unavailable; try again."),
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
    reply(waiter.responder, Route::Events, 200, "application/json", body);
    return true;
}

void RelayServer::onNotification(const QString &name, const QVariant &payload, bool fromSelf)
{
    if (name != RelayStore::eventsChannel() || fromSelf)
        return;
    m_polls.wake(payload.toString());
}

void RelayServer::handleHealth(const HttpRequest & /*request*/, HttpResponder &responder)
{
    const bool ok = m_store->ping();
    const QJsonObject body{{QStringLiteral("status"), ok ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                           {QStringLiteral("db"), m_store->isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite")}};
    reply(responder, Route::Health, ok ? 200 : 503, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void RelayServer::handleMetrics(const HttpRequest & /*request*/, HttpResponder &responder)
{
    reply(responder, Route::Metrics, 200, "text/plain; version=0.0.4", metricsText());
}

QByteArray RelayServer::metricsText() const
{
    return m_metrics.text({quint64(m_polls.size()), m_http ? m_http->openConnections() : 0,
                           m_http ? m_http->refusedTooLarge() : 0, m_http ? m_http->droppedSlow() : 0,
                           m_http ? m_http->refusedMalformed() : 0});
}

} // namespace kengele::relay
