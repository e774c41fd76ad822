// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayClient's calls for several computers of one congregation (docs/relay.md, "Sync between a
// church's computers"): this computer's state, the join mailbox, change batches, the devices, key
// grants and snapshots. The same rules as the rest of RelayClient: the token only as a Bearer
// header, no redirects, answers larger than the route's largest given up. Payloads are never logged.
#include "RelayClient.h"

#include "SyncLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace kengele {

namespace {

constexpr int CallTimeoutMs = 30'000;
constexpr int PollGraceMs = 15'000;
// The largest a POST /v1/changes answer or a list of devices, requests or grants can be.
constexpr qint64 ListAnswerLimit = 1024LL * 1024;

QDateTime timeOf(const QJsonValue &value)
{
    const QString text = value.toString();
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// A base64 field: its bytes; empty when absent or null. nullopt when it is there but not base64.
std::optional<QByteArray> bytesOf(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QByteArray();
    if (!value.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString pathPart(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

std::optional<RelayDeviceInfo> deviceOf(const QJsonObject &object)
{
    RelayDeviceInfo device;
    device.device = object.value(QStringLiteral("device")).toString();
    if (device.device.isEmpty())
        return std::nullopt;
    device.name = object.value(QStringLiteral("name")).toString();
    device.org = object.value(QStringLiteral("org")).toString();
    device.approved = object.value(QStringLiteral("approved")).toBool();
    device.pending = object.value(QStringLiteral("pending")).toBool();
    device.revoked = object.value(QStringLiteral("revoked")).toBool();
    device.isThis = object.value(QStringLiteral("this")).toBool();
    device.enrolled = timeOf(object.value(QStringLiteral("enrolled")));
    device.lastSeen = timeOf(object.value(QStringLiteral("last_seen")));
    return device;
}

std::optional<RelayJoinState> joinStateOf(const QJsonObject &object)
{
    RelayJoinState state;
    state.state = object.value(QStringLiteral("state")).toString();
    const auto keys = bytesOf(object.value(QStringLiteral("keys")));
    const auto grant = bytesOf(object.value(QStringLiteral("grant")));
    if (state.state.isEmpty() || !keys || !grant)
        return std::nullopt;
    state.approver = object.value(QStringLiteral("approver")).toString();
    state.keys = *keys;
    state.grant = *grant;
    state.version = object.value(QStringLiteral("version")).toInteger();
    return state;
}

std::optional<RelaySnapshotInfo> snapshotOf(const QJsonObject &object)
{
    RelaySnapshotInfo info;
    info.id = object.value(QStringLiteral("snapshot")).toInteger();
    if (info.id <= 0)
        return std::nullopt;
    info.device = object.value(QStringLiteral("device")).toString();
    info.covers = object.value(QStringLiteral("covers")).toInteger();
    info.epoch = object.value(QStringLiteral("epoch")).toInteger();
    info.parts = object.value(QStringLiteral("parts")).toInt();
    info.received = object.value(QStringLiteral("received")).toInt();
    info.bytes = object.value(QStringLiteral("bytes")).toInteger();
    info.complete = object.value(QStringLiteral("complete")).toBool();
    info.completed = timeOf(object.value(QStringLiteral("completed")));
    return info;
}

// A call whose answer has no body worth reading: done or why not. `what` goes to the log when done.
std::function<void(RelayResult<QByteArray>)> toVoid(std::function<void(RelayResult<void>)> done, QString what = {})
{
    return [done = std::move(done), what = std::move(what)](RelayResult<QByteArray> answer) {
        if (!answer) {
            RelayError error = answer.error();
            done(std::unexpected(std::move(error)));
            return;
        }
        if (!what.isEmpty())
            qCInfo(lcSync).noquote() << what;
        done({});
    };
}

} // namespace

RelayError RelayClient::unreadable(int status) const
{
    return RelayError{RelayError::Kind::BadAnswer,
                      tr("The answer from %1 could not be read. Is it the address of a Kengele relay?")
                          .arg(m_baseUrl.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::StripTrailingSlash)),
                      status, 0};
}

void RelayClient::call(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                       const QByteArray &contentType, qint64 answerLimit, int timeoutMs, Callback<QByteArray> done)
{
    QUrl url = endpoint(path);
    url.setQuery(query);
    QNetworkRequest request = newRequest(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *sent = verb == "GET" ? m_network.get(request)
        : verb == "POST"                ? m_network.post(request, body)
        : verb == "PUT"                 ? m_network.put(request, body)
        : verb == "DELETE"              ? m_network.deleteResource(request)
                                        : m_network.sendCustomRequest(request, verb, body);
    QNetworkReply *reply = track(sent, answerLimit);
    connect(reply, &QNetworkReply::finished, this, [this, reply, answerLimit, done = std::move(done)] {
        const RelayResult<QByteArray> read = finish(reply, answerLimit);
        if (!read) {
            done(std::unexpected(read.error()));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 && status != 204) {
            done(std::unexpected(errorOf(reply, *read, false)));
            return;
        }
        done(*read);
    });
}

template<typename T>
void RelayClient::callJson(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
                           qint64 answerLimit, int timeoutMs, std::function<std::optional<T>(const QJsonObject &)> read,
                           Callback<T> done)
{
    call(verb, path, query, body, body.isEmpty() ? QByteArray() : QByteArrayLiteral("application/json"), answerLimit, timeoutMs,
         [this, read = std::move(read), done = std::move(done)](RelayResult<QByteArray> answer) {
             if (!answer) {
                 done(std::unexpected(answer.error()));
                 return;
             }
             QJsonParseError parseError;
             const QJsonDocument document = QJsonDocument::fromJson(*answer, &parseError);
             std::optional<T> value;
             if (parseError.error == QJsonParseError::NoError && document.isObject())
                 value = read(document.object());
             if (!value) {
                 done(std::unexpected(unreadable(200)));
                 return;
             }
             done(std::move(*value));
         });
}

void RelayClient::fetchOwnDevice(Callback<RelayDeviceInfo> done)
{
    callJson<RelayDeviceInfo>("GET", QStringLiteral("/v1/device"), {}, {}, SmallAnswerLimit, CallTimeoutMs, deviceOf,
                              std::move(done));
}

void RelayClient::postJoinCommitment(const QByteArray &commitment, Callback<RelayJoinState> done)
{
    callJson<RelayJoinState>("POST", QStringLiteral("/v1/join"), {}, compact({{QStringLiteral("commitment"), b64(commitment)}}),
                             SmallAnswerLimit, CallTimeoutMs, joinStateOf, std::move(done));
}

void RelayClient::fetchJoinState(qint64 afterVersion, int waitSeconds, Callback<RelayJoinState> done)
{
    QUrlQuery query;
    if (afterVersion >= 0) {
        query.addQueryItem(QStringLiteral("after"), QString::number(afterVersion));
        query.addQueryItem(QStringLiteral("wait"), QString::number(waitSeconds));
    }
    callJson<RelayJoinState>("GET", QStringLiteral("/v1/join"), query, {}, SmallAnswerLimit, waitSeconds * 1000 + PollGraceMs,
                             joinStateOf, std::move(done));
}

void RelayClient::postJoinReveal(const QByteArray &reveal, Callback<RelayJoinState> done)
{
    callJson<RelayJoinState>("POST", QStringLiteral("/v1/join/reveal"), {}, compact({{QStringLiteral("reveal"), b64(reveal)}}),
                             SmallAnswerLimit, CallTimeoutMs, joinStateOf, std::move(done));
}

void RelayClient::fetchJoinRequests(qint64 afterVersion, int waitSeconds, Callback<RelayJoinRequests> done)
{
    QUrlQuery query;
    if (afterVersion >= 0) {
        query.addQueryItem(QStringLiteral("after"), QString::number(afterVersion));
        query.addQueryItem(QStringLiteral("wait"), QString::number(waitSeconds));
    }
    auto read = [](const QJsonObject &object) -> std::optional<RelayJoinRequests> {
        if (!object.value(QStringLiteral("requests")).isArray())
            return std::nullopt;
        RelayJoinRequests list;
        list.version = object.value(QStringLiteral("version")).toInteger();
        for (const QJsonValue &value : object.value(QStringLiteral("requests")).toArray()) {
            const QJsonObject item = value.toObject();
            RelayJoinRequest request;
            request.device = item.value(QStringLiteral("device")).toString();
            request.name = item.value(QStringLiteral("name")).toString();
            request.enrolled = timeOf(item.value(QStringLiteral("enrolled")));
            request.state = item.value(QStringLiteral("state")).toString();
            request.approver = item.value(QStringLiteral("approver")).toString();
            request.version = item.value(QStringLiteral("version")).toInteger();
            const auto commitment = bytesOf(item.value(QStringLiteral("commitment")));
            const auto keys = bytesOf(item.value(QStringLiteral("keys")));
            const auto reveal = bytesOf(item.value(QStringLiteral("reveal")));
            if (request.device.isEmpty() || !commitment || !keys || !reveal)
                return std::nullopt;
            request.commitment = *commitment;
            request.keys = *keys;
            request.reveal = *reveal;
            list.requests.append(request);
        }
        return list;
    };
    callJson<RelayJoinRequests>("GET", QStringLiteral("/v1/join-requests"), query, {}, ListAnswerLimit,
                                waitSeconds * 1000 + PollGraceMs, read, std::move(done));
}

void RelayClient::sendJoinKeys(const QString &device, const QByteArray &keys, Callback<void> done)
{
    call("POST", QStringLiteral("/v1/join-requests/%1/keys").arg(pathPart(device)), {},
         compact({{QStringLiteral("keys"), b64(keys)}}), "application/json", SmallAnswerLimit, CallTimeoutMs,
         toVoid(std::move(done)));
}

void RelayClient::approveJoin(const QString &device, const QByteArray &grant, Callback<void> done)
{
    call("POST", QStringLiteral("/v1/join-requests/%1/approve").arg(pathPart(device)), {},
         compact({{QStringLiteral("grant"), b64(grant)}}), "application/json", SmallAnswerLimit, CallTimeoutMs,
         toVoid(std::move(done), QStringLiteral("approved computer ") + device));
}

void RelayClient::refuseJoin(const QString &device, Callback<void> done)
{
    call("POST", QStringLiteral("/v1/join-requests/%1/refuse").arg(pathPart(device)), {}, {}, {}, SmallAnswerLimit, CallTimeoutMs,
         toVoid(std::move(done)));
}

void RelayClient::postChangeBatch(qint64 seq, qint64 epoch, const QByteArray &batch, Callback<RelayChangeReceipt> done)
{
    auto read = [](const QJsonObject &object) -> std::optional<RelayChangeReceipt> {
        RelayChangeReceipt receipt;
        receipt.seq = object.value(QStringLiteral("seq")).toInteger(-1);
        receipt.deviceSeq = object.value(QStringLiteral("device_seq")).toInteger(-1);
        receipt.epoch = object.value(QStringLiteral("epoch")).toInteger();
        receipt.received = timeOf(object.value(QStringLiteral("received")));
        receipt.compacted = object.value(QStringLiteral("compacted")).toBool();
        if (receipt.seq < 0 || receipt.deviceSeq < 1)
            return std::nullopt;
        return receipt;
    };
    callJson<RelayChangeReceipt>(
        "POST", QStringLiteral("/v1/changes"), {},
        compact({{QStringLiteral("seq"), seq}, {QStringLiteral("epoch"), epoch}, {QStringLiteral("batch"), b64(batch)}}),
        SmallAnswerLimit, CallTimeoutMs * 2, read, std::move(done));
}

std::optional<RelayChangePage> RelayClient::parseChangePage(const QByteArray &answer, qint64 after)
{
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(answer, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !object.value(QStringLiteral("changes")).isArray())
        return std::nullopt;
    RelayChangePage page;
    page.more = object.value(QStringLiteral("more")).toBool();
    qint64 last = after;
    for (const QJsonValue &value : object.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject item = value.toObject();
        RelayChange change;
        change.seq = item.value(QStringLiteral("seq")).toInteger(-1);
        change.device = item.value(QStringLiteral("device")).toString();
        change.deviceSeq = item.value(QStringLiteral("device_seq")).toInteger(-1);
        change.epoch = item.value(QStringLiteral("epoch")).toInteger(-1);
        change.received = timeOf(item.value(QStringLiteral("received")));
        const auto batch = bytesOf(item.value(QStringLiteral("batch")));
        // In order after the cursor, each with its device and bytes, or nothing of it is trusted.
        if (change.seq <= last || change.device.isEmpty() || change.deviceSeq < 1 || change.epoch < 0 || !batch
            || batch->isEmpty()) {
            qCWarning(lcSync) << "relay changes out of order or malformed: seq" << change.seq << "after" << last;
            return std::nullopt;
        }
        change.batch = *batch;
        last = change.seq;
        page.changes.append(std::move(change));
    }
    page.next = last;
    return page;
}

void RelayClient::fetchChanges(qint64 after, int waitSeconds, int limit, Callback<RelayChangePage> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(after));
    query.addQueryItem(QStringLiteral("wait"), QString::number(waitSeconds));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    call("GET", QStringLiteral("/v1/changes"), query, {}, {}, EventsAnswerLimit, waitSeconds * 1000 + PollGraceMs,
         [this, after, done = std::move(done)](RelayResult<QByteArray> answer) {
             if (!answer) {
                 done(std::unexpected(answer.error()));
                 return;
             }
             auto page = parseChangePage(*answer, after);
             if (!page) {
                 done(std::unexpected(unreadable(200)));
                 return;
             }
             done(std::move(*page));
         });
}

void RelayClient::fetchDevices(Callback<QList<RelayDeviceInfo>> done)
{
    auto read = [](const QJsonObject &object) -> std::optional<QList<RelayDeviceInfo>> {
        if (!object.value(QStringLiteral("devices")).isArray())
            return std::nullopt;
        QList<RelayDeviceInfo> devices;
        for (const QJsonValue &value : object.value(QStringLiteral("devices")).toArray()) {
            auto device = deviceOf(value.toObject());
            if (!device)
                return std::nullopt;
            devices.append(*device);
        }
        return devices;
    };
    callJson<QList<RelayDeviceInfo>>("GET", QStringLiteral("/v1/devices"), {}, {}, ListAnswerLimit, CallTimeoutMs, read,
                                     std::move(done));
}

void RelayClient::removeDevice(const QString &device, Callback<void> done)
{
    call("DELETE", QStringLiteral("/v1/devices/") + pathPart(device), {}, {}, {}, SmallAnswerLimit, CallTimeoutMs,
         toVoid(std::move(done), QStringLiteral("removed computer %1 from the relay").arg(device)));
}

void RelayClient::postKeyGrants(qint64 epoch, const QList<std::pair<QString, QByteArray>> &grants, Callback<int> done)
{
    QJsonArray list;
    for (const auto &[device, grant] : grants)
        list.append(QJsonObject{{QStringLiteral("device"), device}, {QStringLiteral("grant"), b64(grant)}});
    auto read = [](const QJsonObject &object) -> std::optional<int> {
        if (!object.value(QStringLiteral("stored")).isDouble())
            return std::nullopt;
        return object.value(QStringLiteral("stored")).toInt();
    };
    callJson<int>("POST", QStringLiteral("/v1/keys"), {},
                  compact({{QStringLiteral("epoch"), epoch}, {QStringLiteral("grants"), list}}), SmallAnswerLimit, CallTimeoutMs,
                  read, std::move(done));
}

void RelayClient::fetchKeyGrants(qint64 afterEpoch, Callback<QList<RelayKeyGrant>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(afterEpoch));
    auto read = [](const QJsonObject &object) -> std::optional<QList<RelayKeyGrant>> {
        if (!object.value(QStringLiteral("grants")).isArray())
            return std::nullopt;
        QList<RelayKeyGrant> grants;
        for (const QJsonValue &value : object.value(QStringLiteral("grants")).toArray()) {
            const QJsonObject item = value.toObject();
            RelayKeyGrant grant;
            grant.epoch = item.value(QStringLiteral("epoch")).toInteger();
            grant.from = item.value(QStringLiteral("from")).toString();
            grant.received = timeOf(item.value(QStringLiteral("received")));
            const auto bytes = bytesOf(item.value(QStringLiteral("grant")));
            if (grant.epoch < 1 || grant.from.isEmpty() || !bytes || bytes->isEmpty())
                return std::nullopt;
            grant.grant = *bytes;
            grants.append(grant);
        }
        return grants;
    };
    callJson<QList<RelayKeyGrant>>("GET", QStringLiteral("/v1/keys"), query, {}, ListAnswerLimit, CallTimeoutMs, read,
                                   std::move(done));
}

void RelayClient::putSnapshotPart(int part, int parts, qint64 covers, qint64 epoch, const QByteArray &bytes,
                                  Callback<RelaySnapshotInfo> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("part"), QString::number(part));
    query.addQueryItem(QStringLiteral("parts"), QString::number(parts));
    query.addQueryItem(QStringLiteral("covers"), QString::number(covers));
    query.addQueryItem(QStringLiteral("epoch"), QString::number(epoch));
    call("PUT", QStringLiteral("/v1/snapshot"), query, bytes, "application/octet-stream", SmallAnswerLimit, CallTimeoutMs * 2,
         [this, done = std::move(done)](RelayResult<QByteArray> answer) {
             if (!answer) {
                 done(std::unexpected(answer.error()));
                 return;
             }
             auto info = snapshotOf(QJsonDocument::fromJson(*answer).object());
             if (!info) {
                 done(std::unexpected(unreadable(200)));
                 return;
             }
             done(*info);
         });
}

void RelayClient::fetchSnapshot(Callback<std::optional<RelaySnapshotInfo>> done)
{
    auto read = [](const QJsonObject &object) -> std::optional<std::optional<RelaySnapshotInfo>> {
        const QJsonValue snapshot = object.value(QStringLiteral("snapshot"));
        if (snapshot.isNull())
            return std::optional<RelaySnapshotInfo>();
        if (!snapshot.isObject())
            return std::nullopt;
        auto info = snapshotOf(snapshot.toObject());
        if (!info)
            return std::nullopt;
        return std::optional<RelaySnapshotInfo>(*info);
    };
    callJson<std::optional<RelaySnapshotInfo>>("GET", QStringLiteral("/v1/snapshot"), {}, {}, SmallAnswerLimit, CallTimeoutMs,
                                               read, std::move(done));
}

void RelayClient::fetchSnapshotPart(qint64 snapshotId, int part, Callback<QByteArray> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("snapshot"), QString::number(snapshotId));
    call("GET", QStringLiteral("/v1/snapshot/part/%1").arg(part), query, {}, {}, SnapshotPartLimit, CallTimeoutMs * 2,
         std::move(done));
}

} // namespace kengele
