// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayClient.h"

#include "SyncLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace kengele {

namespace {

constexpr int EnrolTimeoutMs = 30'000;
// A long-poll is held up to `wait` seconds; the answer may take a little longer to come.
constexpr int PollGraceMs = 15'000;
// Set on a reply given up because its answer was too large (see track()).
constexpr char TooLargeProperty[] = "kengeleTooLarge";

QString hostOf(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
}

QDateTime parseTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

RelayClient::RelayClient(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

RelayClient::~RelayClient()
{
    cancel();
}

RelayResult<QUrl> RelayClient::parseUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QUrl url = QUrl::fromUserInput(trimmed);
    const bool schemeGiven = trimmed.startsWith(QStringLiteral("http://"), Qt::CaseInsensitive)
        || trimmed.startsWith(QStringLiteral("https://"), Qt::CaseInsensitive);
    if (trimmed.isEmpty() || !schemeGiven || !url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment()
        || !url.userInfo().isEmpty()) {
        return std::unexpected(RelayError{RelayError::Kind::InvalidUrl,
                                          tr("“%1” is not the address of a relay. Write it as your administrator gave it, "
                                             "like https://relay.example.org")
                                              .arg(trimmed),
                                          0, 0});
    }
    QUrl clean = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (clean.path() == QStringLiteral("/"))
        clean.setPath(QString());
    return clean;
}

QUrl RelayClient::endpoint(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

QNetworkRequest RelayClient::newRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    // Never follow a redirect, whatever the network manager's policy: a relay address that sends
    // elsewhere would take the enrolment code or the device token with it. A 3xx is an error.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

QNetworkReply *RelayClient::track(QNetworkReply *reply, qint64 answerLimit)
{
    m_replies.removeAll(nullptr);
    m_replies.append(reply);
    // An answer larger than any real one is given up as soon as that is known (its declared
    // length, or what has come so far) instead of being read into memory. abort() answers the
    // call at once through finished.
    auto checkSize = [reply, answerLimit] {
        if (reply->property(TooLargeProperty).toBool() || !reply->isRunning())
            return;
        const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
        if ((declared.isValid() && declared.toLongLong() > answerLimit) || reply->bytesAvailable() > answerLimit) {
            qCWarning(lcSync) << "relay answer larger than" << answerLimit << "bytes; given up";
            reply->setProperty(TooLargeProperty, true);
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, checkSize);
    connect(reply, &QNetworkReply::readyRead, this, checkSize);
    return reply;
}

RelayResult<QByteArray> RelayClient::finish(QNetworkReply *reply, qint64 answerLimit)
{
    m_replies.removeAll(reply);
    reply->deleteLater();
    if (!reply->property(TooLargeProperty).toBool() && reply->bytesAvailable() <= answerLimit)
        return reply->readAll();
    return std::unexpected(
        RelayError{RelayError::Kind::BadAnswer,
                   tr("The answer from %1 was too large to be a relay's answer, so Kengele stopped reading it. Check the relay "
                      "address in Settings → Relay; if it is right, tell the relay's administrator.")
                       .arg(hostOf(m_baseUrl)),
                   reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0});
}

bool RelayClient::isBusy() const
{
    for (const auto &reply : m_replies) {
        if (reply && reply->isRunning())
            return true;
    }
    return false;
}

void RelayClient::cancel()
{
    const auto replies = std::exchange(m_replies, {});
    for (const auto &reply : replies) {
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

RelayError RelayClient::errorOf(QNetworkReply *reply, const QByteArray &body, bool enrolling) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString where = hostOf(m_baseUrl);
    RelayError error;
    error.httpStatus = status;
    if (status == 0) {
        qCInfo(lcSync) << "relay unreachable:" << reply->error();
        error.kind = RelayError::Kind::Unreachable;
        error.message = tr("Kengele cannot reach the relay at %1. Check that this computer is connected to the internet "
                           "and that the address is right; Kengele keeps trying.")
                            .arg(where);
        return error;
    }
    const QJsonObject said = QJsonDocument::fromJson(body).object();
    const QString reason = said.value(QStringLiteral("error")).toString();
    error.code = said.value(QStringLiteral("code")).toString().left(40);
    error.expected
        = said.value(QStringLiteral("expected")).toInteger(said.value(QStringLiteral("compacted_through")).toInteger());
    qCInfo(lcSync) << "relay answered" << status;
    if (status >= 300 && status < 400) {
        // Not followed (newRequest()): trying again will not help, the address has to change.
        error.kind = RelayError::Kind::Refused;
        error.message = tr("The relay at %1 answered with a redirect to another address; Kengele does not follow it, so "
                           "that the enrolment code and this computer's key go nowhere else. Check the relay address in "
                           "Settings → Relay.")
                            .arg(where);
    } else if (status == 401) {
        error.kind = RelayError::Kind::Unauthorized;
        error.message = enrolling ? tr("The relay did not accept this enrolment code. A code works only once and only for a "
                                       "limited time (usually 24 hours). Check that it was typed exactly, or ask your "
                                       "administrator for a new one.")
                                  : tr("The relay no longer accepts this computer (its access may have been withdrawn). "
                                       "Connect it again with a new enrolment code from your administrator.");
    } else if (status == 429) {
        error.kind = RelayError::Kind::RateLimited;
        bool ok = false;
        const qint64 seconds = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
        error.retryAfterMs = ok && seconds > 0 ? qMin<qint64>(seconds, 3600) * 1000 : 0;
        error.message = tr("The relay is busy; Kengele will try again shortly.");
    } else if (status >= 500) {
        error.kind = RelayError::Kind::ServerError;
        error.message = tr("The relay at %1 has a problem (error %2); Kengele will try again. If this lasts, tell the "
                           "relay's administrator.")
                            .arg(where)
                            .arg(status);
    } else if (status == 403 && said.value(QStringLiteral("waiting_for_approval")).toBool()) {
        error.kind = RelayError::Kind::Refused;
        error.waitingForApproval = true;
        error.message = tr("This computer is waiting for approval. On a computer of your church that is already connected, "
                           "approve it and compare the safety code.");
    } else if (status == 410 && error.code == QStringLiteral("compacted")) {
        error.kind = RelayError::Kind::Refused;
        error.message = tr("The relay has folded older changes into a snapshot; this computer fetches the snapshot first.");
    } else if (status == 404 && reason.isEmpty()) {
        error.kind = RelayError::Kind::BadAnswer;
        error.message = tr("There is no Kengele relay at %1. Check the address your administrator gave you.").arg(where);
    } else {
        error.kind = RelayError::Kind::Refused;
        error.message = reason.isEmpty() ? tr("The relay refused the request (error %1).").arg(status)
                                         : tr("The relay refused the request: %1").arg(reason);
    }
    return error;
}

void RelayClient::enrol(const QString &code, const QString &deviceName, EnrolCallback done)
{
    QNetworkRequest request = newRequest(endpoint(QStringLiteral("/v1/enrol")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(EnrolTimeoutMs);
    const QByteArray body
        = QJsonDocument(QJsonObject{{QStringLiteral("code"), code.trimmed()}, {QStringLiteral("name"), deviceName}})
              .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = track(m_network.post(request, body), SmallAnswerLimit);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        const RelayResult<QByteArray> read = finish(reply, SmallAnswerLimit);
        if (!read) {
            done(std::unexpected(read.error()));
            return;
        }
        const QByteArray &answer = *read;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 && status != 201) {
            done(std::unexpected(errorOf(reply, answer, true)));
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(answer).object();
        RelayEnrolment enrolment{object.value(QStringLiteral("device")).toString(),
                                 object.value(QStringLiteral("token")).toString(), object.value(QStringLiteral("org")).toString(),
                                 object.value(QStringLiteral("org_name")).toString(),
                                 QByteArray::fromBase64(object.value(QStringLiteral("voucher_key")).toString().toLatin1())};
        if (enrolment.token.isEmpty() || enrolment.org.isEmpty()) {
            done(std::unexpected(RelayError{
                RelayError::Kind::BadAnswer,
                tr("The answer from %1 could not be read. Is it the address of a Kengele relay?").arg(hostOf(m_baseUrl)), status,
                0}));
            return;
        }
        qCInfo(lcSync) << "enrolled as device" << enrolment.device << "of" << enrolment.org;
        done(std::move(enrolment));
    });
}

void RelayClient::fetchEvents(qint64 after, int waitSeconds, int limit, EventsCallback done)
{
    QUrl url = endpoint(QStringLiteral("/v1/events"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(after));
    query.addQueryItem(QStringLiteral("wait"), QString::number(waitSeconds));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    url.setQuery(query);
    QNetworkRequest request = newRequest(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(waitSeconds * 1000 + PollGraceMs);
    QNetworkReply *reply = track(m_network.get(request), EventsAnswerLimit);
    connect(reply, &QNetworkReply::finished, this, [this, reply, after, done = std::move(done)] {
        const RelayResult<QByteArray> read = finish(reply, EventsAnswerLimit);
        if (!read) {
            done(std::unexpected(read.error()));
            return;
        }
        const QByteArray &answer = *read;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200) {
            done(std::unexpected(errorOf(reply, answer, false)));
            return;
        }
        const RelayError unreadable{
            RelayError::Kind::BadAnswer,
            tr("The answer from %1 could not be read. Is it the address of a Kengele relay?").arg(hostOf(m_baseUrl)), status, 0};
        std::optional<RelayEventBatch> batch = parseEventBatch(answer, after);
        if (!batch) {
            done(std::unexpected(unreadable));
            return;
        }
        done(std::move(*batch));
    });
}

std::optional<RelayEventBatch> RelayClient::parseEventBatch(const QByteArray &answer, qint64 after)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer, &parseError);
    const QJsonObject object = document.object();
    if (parseError.error != QJsonParseError::NoError || !object.value(QStringLiteral("events")).isArray())
        return std::nullopt;
    RelayEventBatch batch;
    batch.more = object.value(QStringLiteral("more")).toBool();
    qint64 last = after;
    for (const auto &value : object.value(QStringLiteral("events")).toArray()) {
        const QJsonObject item = value.toObject();
        RelayEvent event;
        event.seq = item.value(QStringLiteral("seq")).toInteger(-1);
        event.kind = item.value(QStringLiteral("kind")).toString();
        event.received = parseTime(item.value(QStringLiteral("received")).toString());
        event.data = item.value(QStringLiteral("data")).toObject();
        // In order and after the cursor, or the feed cannot be trusted (never skip or repeat).
        if (event.seq <= last || event.kind.isEmpty()) {
            qCWarning(lcSync) << "relay feed out of order: seq" << event.seq << "after" << last;
            return std::nullopt;
        }
        last = event.seq;
        batch.events.append(std::move(event));
    }
    // The last seq received (the relay's "next" says the same); never beyond what was applied.
    batch.next = last;
    return batch;
}

void RelayClient::getJson(const QString &path, const QUrlQuery &query, JsonCallback done, qint64 answerLimit)
{
    QUrl url = endpoint(path);
    url.setQuery(query);
    QNetworkRequest request = newRequest(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(EnrolTimeoutMs);
    answerJson(track(m_network.get(request), answerLimit), std::move(done), answerLimit);
}

void RelayClient::postJson(const QString &path, const QJsonObject &body, JsonCallback done)
{
    QNetworkRequest request = newRequest(endpoint(path));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(EnrolTimeoutMs);
    answerJson(track(m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)), SmallAnswerLimit),
               std::move(done));
}

void RelayClient::answerJson(QNetworkReply *reply, JsonCallback done, qint64 answerLimit)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply, answerLimit, done = std::move(done)] {
        const RelayResult<QByteArray> read = finish(reply, answerLimit);
        if (!read) {
            done(std::unexpected(read.error()));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 && status != 201) {
            done(std::unexpected(errorOf(reply, *read, false)));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(*read, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            done(std::unexpected(RelayError{
                RelayError::Kind::BadAnswer,
                tr("The answer from %1 could not be read. Is it the address of a Kengele relay?").arg(hostOf(m_baseUrl)), status,
                0}));
            return;
        }
        done(document.object());
    });
}

void RelayClient::revokeDevice(const QString &token, RevokeCallback done)
{
    QNetworkRequest request = newRequest(endpoint(QStringLiteral("/v1/device")));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(EnrolTimeoutMs);
    QNetworkReply *reply = track(m_network.deleteResource(request), SmallAnswerLimit);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        const RelayResult<QByteArray> read = finish(reply, SmallAnswerLimit);
        if (!read) {
            done(std::unexpected(read.error()));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 204 && status != 200) {
            done(std::unexpected(errorOf(reply, *read, false)));
            return;
        }
        qCInfo(lcSync) << "device withdrawn from the relay";
        done({});
    });
}

} // namespace kengele
