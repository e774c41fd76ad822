// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayServer's routes for several computers of one congregation (docs/relay.md, "Sync between a
// church's computers"): a device's approval state, the join mailbox (commit-then-reveal), the
// change batches, the organisation's devices, key grants and snapshots. Every payload is opaque:
// checked for size and base64 and kept, never read. Logs carry ids, sizes and reasons only.
#include "RelayServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>

#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcRelay)

namespace kengele::relay {

namespace {

using Kind = LongPollRegistry::Kind;

constexpr double MaxWhole = 9007199254740991.0; // 2^53 − 1

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue isoOrNull(qint64 ms)
{
    return ms ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// A whole number from JSON within [min, 2^53 − 1].
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 min)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < double(min) || number > MaxWhole || std::floor(number) != number)
        return std::nullopt;
    return qint64(number);
}

// Strict base64 (standard alphabet, padded), decoded non-empty and at most `max` bytes: the
// canonical text (what is stored and compared), or nullopt.
std::optional<QString> base64Text(const QJsonValue &value, qint64 max, QByteArray *decoded = nullptr)
{
    if (!value.isString())
        return std::nullopt;
    const QByteArray text = value.toString().toLatin1();
    if (text.isEmpty() || text.size() > (max + 2) / 3 * 4 || text.size() % 4 != 0)
        return std::nullopt;
    auto bytes = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes || bytes.decoded.isEmpty() || bytes.decoded.size() > max)
        return std::nullopt;
    const QByteArray canonical = bytes.decoded.toBase64();
    if (canonical != text)
        return std::nullopt; // non-zero padding bits: not the one spelling
    if (decoded)
        *decoded = std::move(bytes.decoded);
    return QString::fromLatin1(canonical);
}

std::optional<QJsonObject> jsonObject(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A query item as a whole number in [min, max]; fallback when absent; nullopt when wrong.
std::optional<qint64> queryNumber(const HttpRequest &request, const char *name, qint64 fallback, qint64 min, qint64 max)
{
    const QString text = request.query.queryItemValue(QLatin1String(name));
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

QJsonObject joinStateJson(const std::optional<JoinRecord> &join)
{
    if (!join)
        return {{QStringLiteral("state"), QStringLiteral("none")}, {QStringLiteral("version"), 0}};
    return {{QStringLiteral("state"), join->state},
            {QStringLiteral("approver"), textOrNull(join->approver)},
            {QStringLiteral("keys"), textOrNull(join->approverKeys)},
            {QStringLiteral("grant"), textOrNull(join->grant)},
            {QStringLiteral("version"), join->version}};
}

QJsonObject joinRequestJson(const JoinRecord &join)
{
    return {{QStringLiteral("device"), join.deviceId},
            {QStringLiteral("name"), join.deviceName},
            {QStringLiteral("enrolled"), isoOrNull(join.enrolledAt)},
            {QStringLiteral("state"), join.state},
            {QStringLiteral("commitment"), join.commitment},
            {QStringLiteral("approver"), textOrNull(join.approver)},
            {QStringLiteral("keys"), textOrNull(join.approverKeys)},
            {QStringLiteral("reveal"), textOrNull(join.reveal)},
            {QStringLiteral("version"), join.version}};
}

QJsonObject snapshotJson(const SnapshotRecord &snapshot)
{
    return {{QStringLiteral("snapshot"), snapshot.id},
            {QStringLiteral("device"), snapshot.deviceId},
            {QStringLiteral("covers"), snapshot.covers},
            {QStringLiteral("epoch"), snapshot.epoch},
            {QStringLiteral("parts"), snapshot.parts},
            {QStringLiteral("received"), snapshot.received},
            {QStringLiteral("bytes"), snapshot.bytes},
            {QStringLiteral("complete"), snapshot.completedAt != 0},
            {QStringLiteral("created"), isoOrNull(snapshot.createdAt)},
            {QStringLiteral("completed"), isoOrNull(snapshot.completedAt)}};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void RelayServer::replyJson(HttpResponder &responder, Route route, int status, const QJsonObject &body,
                            const QList<std::pair<QByteArray, QByteArray>> &extra)
{
    reply(responder, route, status, "application/json", compact(body), extra);
}

bool RelayServer::refusePending(const HttpRequest &request, HttpResponder &responder, Route route, const Device &device)
{
    if (device.approved())
        return false;
    replyJson(responder, route, 403,
              {{QStringLiteral("error"),
                QStringLiteral("This computer is waiting for approval: a computer of your church that is already in must "
                               "approve it first.")},
               {QStringLiteral("waiting_for_approval"), true}});
    logAccess(request, route, 403, device.orgId);
    return true;
}

void RelayServer::replyProblem(const HttpRequest &request, HttpResponder &responder, Route route, const Device &device,
                               const SyncProblem &problem)
{
    int status = 503;
    switch (problem.kind) {
    case SyncProblem::Kind::NotFound:
        status = 404;
        break;
    case SyncProblem::Kind::Conflict:
        status = 409;
        break;
    case SyncProblem::Kind::Storage:
        qCCritical(lcRelay).noquote() << QLatin1String("sync store failed device=") + device.id
                                      << QLatin1String("error=") + problem.message;
        replyError(responder, route, 503, QStringLiteral("The relay cannot save right now; try again."), {{"Retry-After", "5"}});
        logAccess(request, route, 503, device.orgId);
        return;
    }
    QJsonObject body{{QStringLiteral("error"), problem.message}, {QStringLiteral("code"), problem.code}};
    if (problem.expected > 0)
        body.insert(QStringLiteral("expected"), problem.expected);
    replyJson(responder, route, status, body);
    qCInfo(lcRelay).noquote() << QLatin1String("sync refused device=") + device.id << QLatin1String("org=") + device.orgId
                              << QLatin1String("status=") + QString::number(status) << QLatin1String("code=") + problem.code;
    logAccess(request, route, status, device.orgId);
}

void RelayServer::handleSync(const HttpRequest &request, HttpResponder &responder, Route route)
{
    const auto device = authenticate(request);
    if (!device)
        return unauthorised(request, responder, route);
    // A pending device may only see its own state, take part in its join and withdraw itself.
    const bool pendingAllowed = route == Route::Device || route == Route::Join;
    if (!pendingAllowed && refusePending(request, responder, route, *device))
        return;
    if (!m_deviceLimiter.tryAcquire(device->id)) {
        replyError(responder, route, 429, QStringLiteral("Too many requests; wait a moment."), {{"Retry-After", "1"}});
        return logAccess(request, route, 429, device->orgId);
    }
    const qint64 now = nowMs();
    if (now - m_deviceTouched.value(device->id) > 60000) {
        m_deviceTouched.insert(device->id, now);
        m_store->touchDevice(device->id, now);
    }
    switch (route) {
    case Route::Device: {
        const QJsonObject body{{QStringLiteral("device"), device->id},
                               {QStringLiteral("name"), device->name},
                               {QStringLiteral("org"), device->orgId},
                               {QStringLiteral("approved"), device->approved()},
                               {QStringLiteral("pending"), !device->approved()},
                               {QStringLiteral("enrolled"), isoOrNull(device->createdAt)},
                               {QStringLiteral("last_seen"), isoOrNull(device->lastSeenAt)}};
        replyJson(responder, route, 200, body);
        return logAccess(request, route, 200, device->orgId);
    }
    case Route::Join:
        return handleJoin(request, responder, *device);
    case Route::JoinRequests:
        return handleJoinRequests(request, responder, *device);
    case Route::Changes:
        return handleChanges(request, responder, *device);
    case Route::Devices:
        return handleDevices(request, responder, *device);
    case Route::Keys:
        return handleKeys(request, responder, *device);
    case Route::Snapshot:
        return handleSnapshot(request, responder, *device);
    default:
        return notFound(request, responder, route);
    }
}

// POST /v1/join {"commitment"} · GET /v1/join[?wait=S&after=V] · POST /v1/join/reveal {"reveal"}
void RelayServer::handleJoin(const HttpRequest &request, HttpResponder &responder, const Device &device)
{
    constexpr Route route = Route::Join;
    auto refuse = [&](int status, const QString &message) {
        replyError(responder, route, status, message);
        logAccess(request, route, status, device.orgId);
    };
    const bool reveal = request.path == QLatin1String("/v1/join/reveal");
    if (!reveal && request.path != QLatin1String("/v1/join"))
        return notFound(request, responder, route);
    if (request.method == HttpMethod::Get && !reveal) {
        const auto wait = queryNumber(request, "wait", 0, 0, m_config.maxWaitSeconds);
        const auto after = queryNumber(request, "after", -1, 0, std::numeric_limits<qint64>::max());
        if (!wait || !after)
            return refuse(400,
                          QStringLiteral("wait must be 0–%1 seconds, after a whole number ≥ 0.").arg(m_config.maxWaitSeconds));
        LongPollRegistry::Waiter waiter{device.orgId, device.id, *after, 0, nowMs() + *wait * 1000, responder};
        waiter.kind = Kind::JoinState;
        // Without after: answer now. With it: hold while the join has not changed since that version.
        if (answerSyncWaiter(waiter, *wait == 0 || *after < 0))
            return logAccess(request, route, 200, device.orgId);
        waiter.held = true;
        m_polls.hold(std::move(waiter));
        return;
    }
    if (request.method != HttpMethod::Post)
        return refuse(405, QStringLiteral("Use GET or POST here."));
    const QString field = reveal ? QStringLiteral("reveal") : QStringLiteral("commitment");
    const auto body = jsonObject(request.body);
    const auto value = body ? base64Text(body->value(field), synclimits::MaxBlobBytes) : std::nullopt;
    if (!value)
        return refuse(400,
                      QStringLiteral("Send {\"%1\":\"BASE64\"} as JSON (at most %2 bytes once decoded).")
                          .arg(field)
                          .arg(synclimits::MaxBlobBytes));
    const qint64 now = nowMs();
    const auto join = reveal ? m_store->joinReveal(device, *value, now) : m_store->joinCommit(device, *value, now);
    if (!join)
        return replyProblem(request, responder, route, device, join.error());
    m_polls.wake(device.orgId);
    replyJson(responder, route, 200, joinStateJson(*join));
    qCInfo(lcRelay).noquote() << QLatin1String("join ") + field + QLatin1String(" device=") + device.id
                              << QLatin1String("org=") + device.orgId << QLatin1String("state=") + join->state;
    logAccess(request, route, 200, device.orgId);
}

// GET /v1/join-requests[?wait=S&after=V] · POST /v1/join-requests/{device}/keys|approve|refuse
void RelayServer::handleJoinRequests(const HttpRequest &request, HttpResponder &responder, const Device &device)
{
    constexpr Route route = Route::JoinRequests;
    auto refuse = [&](int status, const QString &message) {
        replyError(responder, route, status, message);
        logAccess(request, route, status, device.orgId);
    };
    if (request.path == QLatin1String("/v1/join-requests")) {
        if (request.method != HttpMethod::Get)
            return refuse(405, QStringLiteral("Use GET here."));
        const auto wait = queryNumber(request, "wait", 0, 0, m_config.maxWaitSeconds);
        const auto after = queryNumber(request, "after", -1, 0, std::numeric_limits<qint64>::max());
        if (!wait || !after)
            return refuse(400,
                          QStringLiteral("wait must be 0–%1 seconds, after a whole number ≥ 0.").arg(m_config.maxWaitSeconds));
        LongPollRegistry::Waiter waiter{device.orgId, device.id, *after, 0, nowMs() + *wait * 1000, responder};
        waiter.kind = Kind::JoinRequests;
        if (answerSyncWaiter(waiter, *wait == 0 || *after < 0))
            return logAccess(request, route, 200, device.orgId);
        waiter.held = true;
        m_polls.hold(std::move(waiter));
        return;
    }
    // /v1/join-requests/{device}/{step}
    const QStringList parts = request.path.split(QLatin1Char('/'));
    if (parts.size() != 5 || parts.at(3).isEmpty() || parts.at(3).size() > 64)
        return notFound(request, responder, route);
    const QString target = parts.at(3);
    const QString step = parts.at(4);
    if (step != QLatin1String("keys") && step != QLatin1String("approve") && step != QLatin1String("refuse"))
        return notFound(request, responder, route);
    if (request.method != HttpMethod::Post)
        return refuse(405, QStringLiteral("Use POST here."));
    const qint64 now = nowMs();
    std::expected<JoinRecord, SyncProblem> join;
    if (step == QLatin1String("refuse")) {
        join = m_store->joinRefuse(device, target, now);
    } else {
        const QString field = step == QLatin1String("keys") ? QStringLiteral("keys") : QStringLiteral("grant");
        const auto body = jsonObject(request.body);
        const auto value = body ? base64Text(body->value(field), synclimits::MaxBlobBytes) : std::nullopt;
        if (!value)
            return refuse(400,
                          QStringLiteral("Send {\"%1\":\"BASE64\"} as JSON (at most %2 bytes once decoded).")
                              .arg(field)
                              .arg(synclimits::MaxBlobBytes));
        join = step == QLatin1String("keys") ? m_store->joinKeys(device, target, *value, now)
                                             : m_store->joinApprove(device, target, *value, now);
    }
    if (!join)
        return replyProblem(request, responder, route, device, join.error());
    m_polls.wake(device.orgId); // the newcomer's held GET /v1/join (a refused one ends 401)
    if (step == QLatin1String("refuse"))
        m_deviceTouched.remove(target);
    replyJson(
        responder, route, 200,
        {{QStringLiteral("device"), target}, {QStringLiteral("state"), join->state}, {QStringLiteral("version"), join->version}});
    qCInfo(lcRelay).noquote() << QLatin1String("join ") + step + QLatin1String(" device=") + target
                              << QLatin1String("by=") + device.id << QLatin1String("org=") + device.orgId
                              << QLatin1String("state=") + join->state;
    logAccess(request, route, 200, device.orgId);
}

// POST /v1/changes {"seq","epoch","batch"} · GET /v1/changes?after=N&wait=S&limit=L
void RelayServer::handleChanges(const HttpRequest &request, HttpResponder &responder, const Device &device)
{
    constexpr Route route = Route::Changes;
    auto refuse = [&](int status, const QString &message) {
        replyError(responder, route, status, message);
        logAccess(request, route, status, device.orgId);
    };
    if (request.method == HttpMethod::Get) {
        const auto after = queryNumber(request, "after", 0, 0, std::numeric_limits<qint64>::max());
        const auto wait = queryNumber(request, "wait", 0, 0, m_config.maxWaitSeconds);
        const auto limit = queryNumber(request, "limit", 500, 1, 1000);
        if (!after || !wait || !limit)
            return refuse(400,
                          QStringLiteral("after must be a whole number ≥ 0, wait 0–%1 seconds, limit 1–1000.")
                              .arg(m_config.maxWaitSeconds));
        if (const auto noted = m_store->noteChangesSeen(device, *after, nowMs()); !noted)
            qCWarning(lcRelay).noquote() << QLatin1String("noting how far a device read failed device=") + device.id
                                         << QLatin1String("error=") + noted.error();
        LongPollRegistry::Waiter waiter{device.orgId, device.id, *after, int(*limit), nowMs() + *wait * 1000, responder};
        waiter.kind = Kind::Changes;
        if (answerSyncWaiter(waiter, *wait == 0))
            return logAccess(request, route, 200, device.orgId);
        waiter.held = true;
        m_polls.hold(std::move(waiter));
        return;
    }
    if (request.method != HttpMethod::Post)
        return refuse(405, QStringLiteral("Use GET or POST here."));
    const QString shape = QStringLiteral("Send {\"seq\":N,\"epoch\":E,\"batch\":\"BASE64\"} as JSON (N from 1, E from 0, the "
                                         "batch at most %1 bytes once decoded).")
                              .arg(synclimits::MaxBatchBytes);
    const auto body = jsonObject(request.body);
    if (!body)
        return refuse(400, shape);
    const auto seq = wholeNumber(body->value(QLatin1String("seq")), 1);
    const auto epoch = wholeNumber(body->value(QLatin1String("epoch")), 0);
    QByteArray batch;
    const QJsonValue batchValue = body->value(QLatin1String("batch"));
    if (!seq || !epoch || !base64Text(batchValue, synclimits::MaxBatchBytes, &batch)) {
        if (batchValue.isString() && QByteArray::fromBase64(batchValue.toString().toLatin1()).size() > synclimits::MaxBatchBytes)
            return refuse(413, QStringLiteral("A change batch may be at most %1 bytes.").arg(synclimits::MaxBatchBytes));
        return refuse(400, shape);
    }
    const auto receipt = m_store->postChange(device, *seq, *epoch, batch, nowMs());
    if (!receipt)
        return replyProblem(request, responder, route, device, receipt.error());
    if (receipt->seq != 0 && receipt->receivedAt != 0)
        m_polls.wake(device.orgId);
    QJsonObject answer{{QStringLiteral("seq"), receipt->seq},
                       {QStringLiteral("device_seq"), receipt->deviceSeq},
                       {QStringLiteral("epoch"), receipt->epoch},
                       {QStringLiteral("received"), isoOrNull(receipt->receivedAt)}};
    if (receipt->compacted)
        answer.insert(QStringLiteral("compacted"), true);
    replyJson(responder, route, 200, answer);
    qCInfo(lcRelay).noquote() << QLatin1String("change stored device=") + device.id << QLatin1String("org=") + device.orgId
                              << QLatin1String("device_seq=") + QString::number(*seq)
                              << QLatin1String("seq=") + QString::number(receipt->seq)
                              << QLatin1String("bytes=") + QString::number(batch.size());
    logAccess(request, route, 200, device.orgId);
}

// GET /v1/devices · DELETE /v1/devices/{id}
void RelayServer::handleDevices(const HttpRequest &request, HttpResponder &responder, const Device &device)
{
    constexpr Route route = Route::Devices;
    if (request.path == QLatin1String("/v1/devices")) {
        if (request.method != HttpMethod::Get) {
            replyError(responder, route, 405, QStringLiteral("Use GET here."));
            return logAccess(request, route, 405, device.orgId);
        }
        const auto devices = m_store->devices(device.orgId);
        if (!devices)
            return replyProblem(request, responder, route, device, {SyncProblem::Kind::Storage, devices.error(), {}, 0});
        QJsonArray list;
        for (const Device &d : *devices) {
            list.append(QJsonObject{{QStringLiteral("device"), d.id},
                                    {QStringLiteral("name"), d.name},
                                    {QStringLiteral("approved"), d.approved()},
                                    {QStringLiteral("pending"), !d.approved() && d.revokedAt == 0},
                                    {QStringLiteral("revoked"), d.revokedAt != 0},
                                    {QStringLiteral("last_seen"), isoOrNull(d.lastSeenAt)},
                                    {QStringLiteral("enrolled"), isoOrNull(d.createdAt)},
                                    {QStringLiteral("this"), d.id == device.id}});
        }
        replyJson(responder, route, 200, {{QStringLiteral("devices"), list}});
        return logAccess(request, route, 200, device.orgId);
    }
    const QStringList parts = request.path.split(QLatin1Char('/'));
    if (parts.size() != 4 || parts.at(3).isEmpty() || parts.at(3).size() > 64)
        return notFound(request, responder, route);
    if (request.method != HttpMethod::Delete) {
        replyError(responder, route, 405, QStringLiteral("Use DELETE here."));
        return logAccess(request, route, 405, device.orgId);
    }
    const QString target = parts.at(3);
    if (const auto removed = m_store->removeDevice(device, target, nowMs()); !removed)
        return replyProblem(request, responder, route, device, removed.error());
    m_deviceTouched.remove(target);
    m_polls.wake(device.orgId); // its held polls end with 401; the others see device.removed
    reply(responder, route, 204, {}, {});
    qCInfo(lcRelay).noquote() << QLatin1String("device removed device=") + target << QLatin1String("by=") + device.id
                              << QLatin1String("org=") + device.orgId;
    logAccess(request, route, 204, device.orgId);
}

// POST /v1/keys {"epoch","grants":[{"device","grant"}]} · GET /v1/keys?after=E
void RelayServer::handleKeys(const HttpRequest &request, HttpResponder &responder, const Device &device)
{
    constexpr Route route = Route::Keys;
    auto refuse = [&](int status, const QString &message) {
        replyError(responder, route, status, message);
        logAccess(request, route, status, device.orgId);
    };
    if (request.method == HttpMethod::Get) {
        const auto after = queryNumber(request, "after", 0, 0, std::numeric_limits<qint64>::max());
        if (!after)
            return refuse(400, QStringLiteral("after must be a whole number ≥ 0."));
        const auto grants = m_store->keyGrants(device.id, *after);
        if (!grants)
            return replyProblem(request, responder, route, device, {SyncProblem::Kind::Storage, grants.error(), {}, 0});
        QJsonArray list;
        for (const KeyGrantRecord &grant : *grants)
            list.append(QJsonObject{{QStringLiteral("epoch"), grant.epoch},
                                    {QStringLiteral("from"), grant.fromDevice},
                                    {QStringLiteral("grant"), grant.grant},
                                    {QStringLiteral("received"), isoOrNull(grant.receivedAt)}});
        replyJson(responder, route, 200, {{QStringLiteral("grants"), list}});
        return logAccess(request, route, 200, device.orgId);
    }
    if (request.method != HttpMethod::Post)
        return refuse(405, QStringLiteral("Use GET or POST here."));
    const QString shape = QStringLiteral("Send {\"epoch\":E,\"grants\":[{\"device\":\"dev_…\",\"grant\":\"BASE64\"}]} as JSON "
                                         "(E from 1; 1–%1 grants, each at most %2 bytes once decoded, one per computer).")
                              .arg(synclimits::MaxGrants)
                              .arg(synclimits::MaxBlobBytes);
    const auto body = jsonObject(request.body);
    const auto epoch = body ? wholeNumber(body->value(QLatin1String("epoch")), 1) : std::nullopt;
    const QJsonValue grantsValue = body ? body->value(QLatin1String("grants")) : QJsonValue();
    if (!epoch || !grantsValue.isArray() || grantsValue.toArray().isEmpty()
        || grantsValue.toArray().size() > synclimits::MaxGrants)
        return refuse(400, shape);
    QList<std::pair<QString, QString>> grants;
    QSet<QString> seen;
    for (const QJsonValue &item : grantsValue.toArray()) {
        const QJsonObject grant = item.toObject();
        const QString target = grant.value(QLatin1String("device")).toString();
        const auto sealed = base64Text(grant.value(QLatin1String("grant")), synclimits::MaxBlobBytes);
        if (target.isEmpty() || target.size() > 64 || !sealed || seen.contains(target))
            return refuse(400, shape);
        seen.insert(target);
        grants.append({target, *sealed});
    }
    const auto stored = m_store->putKeyGrants(device, *epoch, grants, nowMs());
    if (!stored)
        return replyProblem(request, responder, route, device, stored.error());
    m_polls.wake(device.orgId);
    replyJson(responder, route, 200, {{QStringLiteral("epoch"), *epoch}, {QStringLiteral("stored"), *stored}});
    qCInfo(lcRelay).noquote() << QLatin1String("key grants stored by=") + device.id << QLatin1String("org=") + device.orgId
                              << QLatin1String("epoch=") + QString::number(*epoch)
                              << QLatin1String("grants=") + QString::number(grants.size());
    logAccess(request, route, 200, device.orgId);
}

// PUT /v1/snapshot?part=K&parts=N&covers=S&epoch=E (raw bytes) · GET /v1/snapshot · GET /v1/snapshot/part/K[?snapshot=ID]
void RelayServer::handleSnapshot(const HttpRequest &request, HttpResponder &responder, const Device &device)
{
    constexpr Route route = Route::Snapshot;
    auto refuse = [&](int status, const QString &message) {
        replyError(responder, route, status, message);
        logAccess(request, route, status, device.orgId);
    };
    if (request.path.startsWith(QLatin1String("/v1/snapshot/part/"))) {
        if (request.method != HttpMethod::Get)
            return refuse(405, QStringLiteral("Use GET here."));
        bool ok = false;
        const int part = request.path.mid(18).toInt(&ok);
        const auto wanted = queryNumber(request, "snapshot", 0, 1, std::numeric_limits<qint64>::max());
        if (!ok || part < 1 || part > synclimits::MaxSnapshotParts || !wanted)
            return refuse(400, QStringLiteral("Ask for /v1/snapshot/part/K with K from 1, optionally ?snapshot=ID."));
        qint64 id = *wanted;
        if (id == 0) {
            const auto current = m_store->currentSnapshot(device.orgId);
            if (!current)
                return replyProblem(request, responder, route, device, {SyncProblem::Kind::Storage, current.error(), {}, 0});
            if (!*current)
                return refuse(404, QStringLiteral("There is no snapshot."));
            id = (*current)->id;
        }
        const auto data = m_store->snapshotPart(device.orgId, id, part);
        if (!data)
            return replyProblem(request, responder, route, device, {SyncProblem::Kind::Storage, data.error(), {}, 0});
        if (!*data)
            return refuse(
                404, QStringLiteral("There is no such part of snapshot %1 (a newer snapshot may have replaced it).").arg(id));
        reply(responder, route, 200, "application/octet-stream", **data,
              {{"X-Kengele-Snapshot", QByteArray::number(id)}, {"X-Kengele-Part", QByteArray::number(part)}});
        return logAccess(request, route, 200, device.orgId);
    }
    if (request.path != QLatin1String("/v1/snapshot"))
        return notFound(request, responder, route);
    if (request.method == HttpMethod::Get) {
        const auto current = m_store->currentSnapshot(device.orgId);
        if (!current)
            return replyProblem(request, responder, route, device, {SyncProblem::Kind::Storage, current.error(), {}, 0});
        replyJson(responder, route, 200,
                  {{QStringLiteral("snapshot"), *current ? QJsonValue(snapshotJson(**current)) : QJsonValue()}});
        return logAccess(request, route, 200, device.orgId);
    }
    if (request.method != HttpMethod::Put)
        return refuse(405, QStringLiteral("Use GET or PUT here."));
    const auto parts = queryNumber(request, "parts", -1, 1, synclimits::MaxSnapshotParts);
    const auto part = queryNumber(request, "part", -1, 1, synclimits::MaxSnapshotParts);
    const auto covers = queryNumber(request, "covers", -1, 1, std::numeric_limits<qint64>::max());
    const auto epoch = queryNumber(request, "epoch", -1, 0, std::numeric_limits<qint64>::max());
    if (!parts || !part || !covers || !epoch || *parts < 0 || *part < 0 || *covers < 0 || *epoch < 0 || *part > *parts)
        return refuse(400,
                      QStringLiteral("PUT /v1/snapshot?part=K&parts=N&covers=S&epoch=E with 1 ≤ K ≤ N ≤ %1, S from 1, "
                                     "E from 0, and the part's bytes as the body.")
                          .arg(synclimits::MaxSnapshotParts));
    if (request.body.isEmpty())
        return refuse(400, QStringLiteral("A snapshot part cannot be empty."));
    if (request.body.size() > synclimits::SnapshotPartBytes)
        return refuse(413, QStringLiteral("A snapshot part may be at most %1 bytes.").arg(synclimits::SnapshotPartBytes));
    const auto stored = m_store->putSnapshotPart(device, int(*part), int(*parts), *covers, *epoch, request.body, nowMs());
    if (!stored)
        return replyProblem(request, responder, route, device, stored.error());
    if (stored->completedAt != 0)
        m_polls.wake(device.orgId);
    replyJson(responder, route, 200, snapshotJson(*stored));
    qCInfo(lcRelay).noquote() << QLatin1String("snapshot part stored device=") + device.id << QLatin1String("org=") + device.orgId
                              << QLatin1String("snapshot=") + QString::number(stored->id)
                              << QStringLiteral("part=%1/%2").arg(*part).arg(*parts)
                              << QLatin1String("bytes=") + QString::number(request.body.size())
                              << (stored->completedAt
                                      ? QLatin1String("complete deleted_changes=") + QString::number(stored->deletedChanges)
                                      : QString());
    logAccess(request, route, 200, device.orgId);
}

bool RelayServer::answerSyncWaiter(LongPollRegistry::Waiter &waiter, bool timedOut)
{
    switch (waiter.kind) {
    case Kind::JoinState: {
        const auto join = m_store->joinState(waiter.deviceId);
        if (!join) {
            replyError(waiter.responder, Route::Join, 503, QStringLiteral("Temporarily unavailable; try again."),
                       {{"Retry-After", "5"}});
            return true;
        }
        const qint64 version = *join ? (*join)->version : 0;
        if (!timedOut && version <= waiter.after)
            return false;
        replyJson(waiter.responder, Route::Join, 200, joinStateJson(*join));
        return true;
    }
    case Kind::JoinRequests: {
        const auto list = m_store->joinRequests(waiter.orgId);
        if (!list) {
            replyError(waiter.responder, Route::JoinRequests, 503, QStringLiteral("Temporarily unavailable; try again."),
                       {{"Retry-After", "5"}});
            return true;
        }
        if (!timedOut && list->version <= waiter.after)
            return false;
        QJsonArray requests;
        for (const JoinRecord &join : list->requests)
            requests.append(joinRequestJson(join));
        replyJson(waiter.responder, Route::JoinRequests, 200,
                  {{QStringLiteral("requests"), requests}, {QStringLiteral("version"), list->version}});
        return true;
    }
    case Kind::Changes: {
        const auto page = m_store->changesAfter(waiter.orgId, waiter.after, waiter.limit, synclimits::ChangesAnswerBytes);
        if (!page) {
            qCCritical(lcRelay).noquote() << QLatin1String("changes read failed org=") + waiter.orgId
                                          << QLatin1String("error=") + page.error();
            replyError(waiter.responder, Route::Changes, 503, QStringLiteral("Temporarily unavailable; try again."),
                       {{"Retry-After", "5"}});
            return true;
        }
        if (waiter.after < page->compactedThrough) {
            // Deleted after a snapshot covered them: start again from the snapshot.
            replyJson(waiter.responder, Route::Changes, 410,
                      {{QStringLiteral("error"),
                        QStringLiteral("The changes after %1 up to %2 were folded into a snapshot; fetch the snapshot first.")
                            .arg(waiter.after)
                            .arg(page->compactedThrough)},
                       {QStringLiteral("code"), QStringLiteral("compacted")},
                       {QStringLiteral("compacted_through"), page->compactedThrough}});
            return true;
        }
        if (page->changes.isEmpty() && !timedOut)
            return false;
        QByteArray body;
        qsizetype size = 64;
        for (const StoredChange &change : page->changes)
            size += change.batch.size() * 4 / 3 + 200;
        body.reserve(size);
        body += "{\"changes\":[";
        qint64 next = waiter.after;
        for (qsizetype i = 0; i < page->changes.size(); ++i) {
            const StoredChange &change = page->changes.at(i);
            if (i > 0)
                body += ',';
            body += "{\"seq\":" + QByteArray::number(change.seq) + ",\"device\":\"" + change.deviceId.toLatin1()
                + "\",\"device_seq\":" + QByteArray::number(change.deviceSeq) + ",\"epoch\":" + QByteArray::number(change.epoch)
                + ",\"batch\":\"" + change.batch.toBase64() + "\",\"received\":\""
                + QDateTime::fromMSecsSinceEpoch(change.receivedAt, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1() + "\"}";
            next = change.seq;
        }
        body += "],\"next\":" + QByteArray::number(next) + ",\"more\":" + (page->more ? "true" : "false") + '}';
        reply(waiter.responder, Route::Changes, 200, "application/json", body);
        return true;
    }
    case Kind::Events:
        break;
    }
    return true;
}

} // namespace kengele::relay
