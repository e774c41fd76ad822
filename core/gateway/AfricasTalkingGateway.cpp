// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AfricasTalkingGateway.h"

#include "common/Log.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

using Outcome = RecipientResult::Outcome;
using Kind = SendResult::Kind;

constexpr QLatin1StringView kAuthInvalidText = "the supplied authentication is invalid"_L1;

// ---- small JSON helpers: AT is not consistent about key case or about numbers versus strings ----

QJsonValue member(const QJsonObject &object, QLatin1StringView key)
{
    const auto exact = object.constFind(key);
    if (exact != object.constEnd())
        return *exact;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        const qint64 whole = value.toInteger();
        return double(whole) == d ? QString::number(whole) : QString::number(d);
    }
    return {};
}

int integer(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInt();
    if (value.isString()) {
        bool ok = false;
        const int n = value.toString().trimmed().toInt(&ok);
        return ok ? n : 0;
    }
    return 0;
}

// ---- recipients ----

Outcome outcomeForStatusText(const QString &status, const QString &messageId)
{
    static const QStringList accepted = {u"Success"_s, u"Sent"_s, u"Queued"_s, u"Processed"_s};
    static const QStringList permanent
        = {u"UserInBlacklist"_s, u"InvalidPhoneNumber"_s,    u"UnsupportedNumberType"_s, u"RiskHold"_s,
           u"CouldNotRoute"_s,   u"DoNotDisturbRejection"_s, u"InvalidSenderId"_s};
    static const QStringList transient
        = {u"InsufficientBalance"_s, u"InternalServerError"_s, u"GatewayError"_s, u"RejectedByGateway"_s, u"Could Not Send"_s};
    const QString s = status.trimmed();
    if (accepted.contains(s, Qt::CaseInsensitive))
        return Outcome::Accepted;
    if (permanent.contains(s, Qt::CaseInsensitive))
        return Outcome::PermanentFailure;
    if (transient.contains(s, Qt::CaseInsensitive))
        return Outcome::TransientFailure;
    // A status nobody documented. A message id means AT queued it (the delivery report settles it);
    // without one nothing was queued, so trying again later cannot send it twice.
    return messageId.isEmpty() ? Outcome::TransientFailure : Outcome::Accepted;
}

Outcome outcomeFor(int statusCode, const QString &status, const QString &messageId)
{
    switch (statusCode) {
    case 100: // Processed
    case 101: // Sent
    case 102: // Queued
        return Outcome::Accepted;
    case 401: // RiskHold
    case 402: // InvalidSenderId
    case 403: // InvalidPhoneNumber
    case 404: // UnsupportedNumberType
    case 406: // UserInBlacklist
    case 407: // CouldNotRoute
    case 409: // DoNotDisturbRejection
        return Outcome::PermanentFailure;
    case 405: // InsufficientBalance
    case 500: // InternalServerError
    case 501: // GatewayError
    case 502: // RejectedByGateway
        return Outcome::TransientFailure;
    default:
        break;
    }
    if (statusCode >= 100 && statusCode < 200)
        return Outcome::Accepted;
    if (statusCode >= 400 && statusCode < 500)
        return Outcome::PermanentFailure;
    if (statusCode >= 500 && statusCode < 600)
        return Outcome::TransientFailure;
    return outcomeForStatusText(status, messageId);
}

RecipientResult recipientFrom(const QJsonObject &object)
{
    RecipientResult r;
    r.phone = text(member(object, "number"_L1)).trimmed();
    r.status = text(member(object, "status"_L1)).trimmed();
    r.statusCode = integer(member(object, "statusCode"_L1));
    r.cost = text(member(object, "cost"_L1)).trimmed();
    r.parts = integer(member(object, "messageParts"_L1));
    r.messageId = text(member(object, "messageId"_L1)).trimmed();
    if (r.messageId.compare("None"_L1, Qt::CaseInsensitive) == 0)
        r.messageId.clear();
    r.outcome = outcomeFor(r.statusCode, r.status, r.messageId);
    return r;
}

// The SMSMessageData object of an AT answer, when the body is one.
std::optional<QJsonObject> messageData(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonValue data = member(document.object(), "SMSMessageData"_L1);
    if (!data.isObject())
        return std::nullopt;
    return data.toObject();
}

QList<RecipientResult> recipientsFrom(const QJsonObject &data)
{
    QList<RecipientResult> recipients;
    const QJsonArray array = member(data, "Recipients"_L1).toArray();
    recipients.reserve(array.size());
    for (const auto &item : array) {
        if (!item.isObject())
            continue;
        RecipientResult r = recipientFrom(item.toObject());
        // Without a number the result cannot be matched to a message: the dispatcher treats the
        // numbers missing from an answer as uncertain, which is the safe reading.
        if (!r.phone.isEmpty())
            recipients.append(std::move(r));
    }
    return recipients;
}

// ---- whole answers ----

bool saysAuthenticationInvalid(const QByteArray &body)
{
    if (body.size() > 4096)
        return false;
    return QString::fromUtf8(body).contains(kAuthInvalidText, Qt::CaseInsensitive);
}

// A short plain-text reason from a non-JSON error body ("Request is missing required form field 'to'").
QString shortReason(const QByteArray &body)
{
    QString s = QString::fromUtf8(body).simplified();
    if (s.isEmpty() || s.size() > 200 || s.startsWith(u'<') || s.startsWith(u'{'))
        return {};
    return s;
}

std::optional<qint64> parseRetryAfter(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? 0 : seconds * 1000;
    // An HTTP date, "Wed, 21 Oct 2026 07:28:00 GMT"; Qt reads RFC 2822 offsets, not the zone name.
    QString date = QString::fromLatin1(value);
    if (date.endsWith(" GMT"_L1) || date.endsWith(" UTC"_L1))
        date = date.chopped(3) + "+0000"_L1;
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when));
}

QString authenticationMessage()
{
    return AfricasTalkingGateway::tr(
        "Africa's Talking did not accept the username or API key. Check both in the gateway settings "
        "(in the sandbox the username is “sandbox”). A new API key can take a few minutes to start working. "
        "Nothing was sent.");
}

QString unexpectedFormatMessage()
{
    return AfricasTalkingGateway::tr(
        "Africa's Talking answered in an unexpected format, so Kengele cannot tell whether the messages were "
        "sent. They are marked “uncertain” and will not be sent again by themselves: check the delivery "
        "reports before you send them again.");
}

QString noAnswerMessage()
{
    return AfricasTalkingGateway::tr(
        "Africa's Talking did not answer in time. The messages may have been sent, so they are marked "
        "“uncertain” and will not be sent again by themselves: check the delivery reports before you send "
        "them again.");
}

QString brokenConnectionMessage()
{
    return AfricasTalkingGateway::tr(
        "The connection to Africa's Talking broke after the messages were handed over. They may have been "
        "sent, so they are marked “uncertain” and will not be sent again by themselves: check the delivery "
        "reports before you send them again.");
}

SendResult refused(int httpStatus, QString message)
{
    SendResult result;
    result.kind = Kind::Refused;
    result.httpStatus = httpStatus;
    result.message = std::move(message);
    return result;
}

SendResult uncertain(int httpStatus, QString message)
{
    SendResult result;
    result.kind = Kind::Uncertain;
    result.httpStatus = httpStatus;
    result.message = std::move(message);
    return result;
}

// No Recipients, the reason only in Message ("InvalidSenderId").
SendResult reasonOnlyAnswer(int httpStatus, const QString &reason, const SendRequest &request)
{
    if (reason.compare("InvalidSenderId"_L1, Qt::CaseInsensitive) == 0) {
        if (request.senderId.isEmpty()) {
            return refused(httpStatus,
                           AfricasTalkingGateway::tr("Africa's Talking did not accept the default sender ID of "
                                                     "this account. Nothing was sent."));
        }
        return refused(httpStatus,
                       AfricasTalkingGateway::tr("Africa's Talking did not accept the sender ID “%1”. Use a sender ID "
                                                 "registered to your Africa's Talking account, or leave it empty to use "
                                                 "the default. Nothing was sent.")
                           .arg(request.senderId));
    }
    if (reason.compare("InsufficientBalance"_L1, Qt::CaseInsensitive) == 0) {
        SendResult result;
        result.kind = Kind::NotTaken;
        result.httpStatus = httpStatus;
        result.message = AfricasTalkingGateway::tr("Your Africa's Talking account has run out of credit. Nothing was "
                                                   "sent; top the account up and Kengele will try again.");
        return result;
    }
    if (reason.contains(kAuthInvalidText, Qt::CaseInsensitive))
        return refused(httpStatus, authenticationMessage());
    return refused(httpStatus,
                   AfricasTalkingGateway::tr("Africa's Talking refused the messages: %1. Nothing was sent.").arg(reason));
}

SendResult answered(int httpStatus, const QJsonObject &data, QList<RecipientResult> recipients)
{
    SendResult result;
    result.kind = Kind::Answered;
    result.httpStatus = httpStatus;
    result.message = text(member(data, "Message"_L1)).trimmed();
    result.recipients = std::move(recipients);
    return result;
}

SendResult interpretSuccess(int httpStatus, const QByteArray &body, const SendRequest &request)
{
    const std::optional<QJsonObject> data = messageData(body);
    if (!data) {
        if (saysAuthenticationInvalid(body))
            return refused(httpStatus, authenticationMessage());
        return uncertain(httpStatus, unexpectedFormatMessage());
    }
    QList<RecipientResult> recipients = recipientsFrom(*data);
    if (!recipients.isEmpty())
        return answered(httpStatus, *data, std::move(recipients));
    const QString reason = text(member(*data, "Message"_L1)).trimmed();
    if (!reason.isEmpty())
        return reasonOnlyAnswer(httpStatus, reason, request);
    return uncertain(httpStatus,
                     AfricasTalkingGateway::tr("Africa's Talking answered without saying which numbers it "
                                               "took. The messages are marked “uncertain” and will not be "
                                               "sent again by themselves."));
}

SendResult interpretFailure(int httpStatus, const QByteArray &body, const SendRequest &request)
{
    const std::optional<QJsonObject> data = messageData(body);
    if (data) {
        // AT says per number what happened even on some non-2xx answers (409 DoNotDisturbRejection):
        // believe it, it is more precise than the HTTP status.
        QList<RecipientResult> recipients = recipientsFrom(*data);
        if (!recipients.isEmpty())
            return answered(httpStatus, *data, std::move(recipients));
    }
    if (httpStatus == 401 || httpStatus == 403 || saysAuthenticationInvalid(body))
        return refused(httpStatus, authenticationMessage());
    if (httpStatus == 429) {
        SendResult result;
        result.kind = Kind::NotTaken;
        result.httpStatus = httpStatus;
        result.message = AfricasTalkingGateway::tr("Africa's Talking asked Kengele to slow down. Nothing was sent; "
                                                   "Kengele will try again shortly.");
        return result;
    }
    if (httpStatus >= 500) {
        SendResult result;
        result.kind = Kind::NotTaken;
        result.httpStatus = httpStatus;
        result.message = AfricasTalkingGateway::tr("Africa's Talking had a problem on its side (error %1). Nothing was "
                                                   "sent; Kengele will try again shortly.")
                             .arg(httpStatus);
        return result;
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        return refused(httpStatus,
                       AfricasTalkingGateway::tr("The gateway address sent Kengele somewhere else instead of "
                                                 "answering (error %1). Check the gateway address in the "
                                                 "settings. Nothing was sent.")
                           .arg(httpStatus));
    }
    if (data) {
        const QString reason = text(member(*data, "Message"_L1)).trimmed();
        if (!reason.isEmpty())
            return reasonOnlyAnswer(httpStatus, reason, request);
    }
    const QString reason = shortReason(body);
    if (!reason.isEmpty()) {
        return refused(httpStatus,
                       AfricasTalkingGateway::tr("Africa's Talking refused the request (error %1: %2). "
                                                 "Nothing was sent.")
                           .arg(QString::number(httpStatus), reason));
    }
    return refused(
        httpStatus,
        AfricasTalkingGateway::tr("Africa's Talking refused the request (error %1). Nothing was sent.").arg(httpStatus));
}

// A request that got no HTTP answer (or only part of one).
SendResult interpretTransportFailure(const HttpResponse &response)
{
    SendResult result;
    switch (response.failure) {
    case HttpResponse::Failure::NotConnected:
    case HttpResponse::Failure::Tls:
        // Nothing of the request left this computer.
        result.kind = Kind::NotTaken;
        result.unreachable = true;
        result.message = response.failure == HttpResponse::Failure::Tls
            ? AfricasTalkingGateway::tr("Kengele could not open a secure connection to Africa's Talking. Nothing was "
                                        "sent; Kengele will try again shortly.")
            : AfricasTalkingGateway::tr("Kengele could not connect to Africa's Talking. Nothing was sent. Check the "
                                        "internet connection; Kengele will try again shortly.");
        return result;
    case HttpResponse::Failure::TimedOut:
        result.kind = Kind::Uncertain;
        result.message = noAnswerMessage();
        return result;
    case HttpResponse::Failure::None:
    case HttpResponse::Failure::Broken:
        break;
    }
    result.kind = Kind::Uncertain;
    result.message = brokenConnectionMessage();
    return result;
}

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::Answered:
        return "answered";
    case Kind::NotTaken:
        return "not taken";
    case Kind::Uncertain:
        return "uncertain";
    case Kind::Refused:
        return "refused";
    }
    return "?";
}

QString trimmedPath(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

} // namespace

AfricasTalkingGateway::AfricasTalkingGateway(Settings settings, HttpClient &http, QObject *parent)
    : SmsGateway(parent)
    , m_settings(std::move(settings))
    , m_http(http)
{
    m_settings.username = m_settings.username.trimmed();
    m_settings.apiKey = m_settings.apiKey.trimmed(); // pasted keys often carry a trailing newline
    m_valid = validate(m_settings);
}

AfricasTalkingGateway::~AfricasTalkingGateway()
{
    for (const quint64 id : std::as_const(m_inFlight))
        m_http.abort(id);
}

std::unique_ptr<AfricasTalkingGateway> AfricasTalkingGateway::createSimulation(const QUrl &loopbackUrl, HttpClient &http,
                                                                               QObject *parent)
{
    const QString host = loopbackUrl.host();
    const bool loopback = host.compare("localhost"_L1, Qt::CaseInsensitive) == 0 || QHostAddress(host).isLoopback();
    if (!loopbackUrl.isValid() || !loopback)
        return nullptr;
    Settings settings;
    settings.username = u"simulator"_s;
    settings.apiKey = u"simulator"_s; // the simulator only checks that one is sent
    settings.baseUrl = loopbackUrl;
    auto gateway = std::make_unique<AfricasTalkingGateway>(std::move(settings), http, parent);
    gateway->m_simulation = true;
    return gateway;
}

QUrl AfricasTalkingGateway::hostFor(Environment environment)
{
    return environment == Environment::Sandbox ? QUrl(u"https://api.sandbox.africastalking.com"_s)
                                               : QUrl(u"https://api.africastalking.com"_s);
}

QUrl AfricasTalkingGateway::baseUrl() const
{
    return m_settings.baseUrl.isEmpty() ? hostFor(m_settings.environment) : m_settings.baseUrl;
}

QString AfricasTalkingGateway::displayName() const
{
    if (m_simulation)
        return tr("Simulation — no SMS leaves this computer");
    if (!m_settings.baseUrl.isEmpty()) {
        const QUrl &url = m_settings.baseUrl;
        const QString where = url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
        return tr("Africa's Talking at %1").arg(where);
    }
    return m_settings.environment == Environment::Sandbox ? tr("Africa's Talking (sandbox)") : tr("Africa's Talking (live)");
}

Status AfricasTalkingGateway::validate(const Settings &settings)
{
    const QString username = settings.username.trimmed();
    if (username.isEmpty()) {
        return fail(ErrorCode::InvalidInput,
                    tr("Enter the username of your Africa's Talking app. In the sandbox the "
                       "username is “sandbox”."));
    }
    if (settings.apiKey.trimmed().isEmpty()) {
        return fail(ErrorCode::InvalidInput,
                    tr("Enter the API key of your Africa's Talking app. You find it in the "
                       "Africa's Talking dashboard, under Settings, API Key."));
    }
    if (!settings.baseUrl.isEmpty()) {
        const QUrl &url = settings.baseUrl;
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() || (scheme != "https"_L1 && scheme != "http"_L1)) {
            return fail(ErrorCode::InvalidInput,
                        tr("The gateway address “%1” cannot be used. It must be a web address starting with https:// "
                           "(or http:// for a test server).")
                            .arg(url.toDisplayString()));
        }
    } else if (settings.environment == Environment::Sandbox && username != "sandbox"_L1) {
        return fail(ErrorCode::InvalidInput,
                    tr("In the Africa's Talking sandbox the username is always “sandbox”, whatever your app is called. "
                       "Enter “sandbox” as the username, together with the API key of the sandbox app."));
    } else if (settings.environment == Environment::Live && username == "sandbox"_L1) {
        return fail(ErrorCode::InvalidInput,
                    tr("The username “sandbox” only works in the Africa's Talking sandbox. "
                       "Choose the sandbox, or enter the username of your live app."));
    }
    if (settings.requestTimeoutMs <= 0) {
        return fail(ErrorCode::InvalidInput,
                    tr("The time to wait for an answer from Africa's Talking must be more than "
                       "zero seconds."));
    }
    return {};
}

Status AfricasTalkingGateway::validateSenderId(const QString &senderId)
{
    if (senderId.isEmpty())
        return {};
    if (senderId != senderId.trimmed())
        return fail(ErrorCode::InvalidInput, tr("Remove the spaces at the start and end of the sender ID."));
    const bool allDigits = std::all_of(senderId.cbegin(), senderId.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    const int length = int(senderId.size());
    if (allDigits) {
        if (length < 3 || length > 8) {
            return fail(ErrorCode::InvalidInput,
                        tr("A sender ID made of digits must be a short code of 3 to 8 digits, such as 20414; “%1” has "
                           "%n digit(s).",
                           nullptr, length)
                            .arg(senderId));
        }
        return {};
    }
    for (qsizetype i = 0; i < senderId.size(); ++i) {
        const QChar c = senderId.at(i);
        const bool allowed = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u' ';
        if (!allowed) {
            const bool pair = c.isHighSurrogate() && i + 1 < senderId.size() && senderId.at(i + 1).isLowSurrogate();
            return fail(ErrorCode::InvalidInput,
                        tr("A sender ID may only contain the letters A to Z, digits and spaces; “%1” is not allowed.")
                            .arg(senderId.mid(i, pair ? 2 : 1)));
        }
    }
    if (length > MaxSenderIdLength) {
        return fail(ErrorCode::InvalidInput,
                    tr("A sender ID can be at most 11 characters long; “%1” has %n.", nullptr, length).arg(senderId));
    }
    return {};
}

QByteArray AfricasTalkingGateway::sendBody(const QString &username, const SendRequest &request)
{
    QByteArray body;
    body.reserve(64 + request.text.size() * 3 + request.phones.size() * 20);
    const auto add = [&body](const char *name, const QString &value) {
        if (!body.isEmpty())
            body += '&';
        body += name;
        body += '=';
        // Every value percent-encoded by hand: QUrlQuery leaves '+' alone, and a literal '+' in a
        // form body reads as a space (provider-apis A.2).
        body += QUrl::toPercentEncoding(value);
    };
    add("username", username);
    add("to", request.phones.join(u','));
    add("message", request.text);
    if (!request.senderId.isEmpty())
        add("from", request.senderId);
    body += "&bulkSMSMode=1&enqueue=1";
    return body;
}

void AfricasTalkingGateway::startRequest(const QUrl &url, const QByteArray *postBody, std::function<void(HttpResponse)> done)
{
    HttpRequest request;
    request.url = url;
    request.headers = {{"apiKey", m_settings.apiKey.toUtf8()}, {"Accept", "application/json"}}; // without it AT answers in XML
    if (postBody) {
        request.post = true;
        request.body = *postBody;
        request.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/x-www-form-urlencoded"));
    }
    request.timeoutMs = m_settings.requestTimeoutMs;
    // The id is known only once start() returns; the answer always comes later, from the event loop.
    auto id = std::make_shared<quint64>(0);
    *id = m_http.start(std::move(request), [this, id, done = std::move(done)](HttpResponse response) {
        m_inFlight.remove(*id);
        done(std::move(response));
    });
    m_inFlight.insert(*id);
}

void AfricasTalkingGateway::send(const SendRequest &request, SendCallback done)
{
    std::optional<QString> problem;
    if (!m_valid)
        problem = m_valid.error().message;
    else if (request.phones.isEmpty())
        problem = tr("There is no phone number to send to.");
    else if (request.text.isEmpty())
        problem = tr("The message is empty.");
    else if (Status sender = validateSenderId(request.senderId); !sender)
        problem = sender.error().message;
    if (problem) {
        // Answer later, never from inside send(): callers must not be re-entered.
        QMetaObject::invokeMethod(
            this, [done = std::move(done), message = *problem] { done(refused(0, message)); }, Qt::QueuedConnection);
        return;
    }

    QUrl url = baseUrl();
    url.setPath(trimmedPath(url) + "/version1/messaging"_L1);
    url.setQuery(QString());
    const QByteArray body = sendBody(m_settings.username, request);
    startRequest(url, &body,
                 [this, request, done = std::move(done)](const HttpResponse &response) { finishSend(response, request, done); });
}

void AfricasTalkingGateway::finishSend(const HttpResponse &response, const SendRequest &request, const SendCallback &done)
{
    SendResult result;
    if (response.status == 0) {
        result = interpretTransportFailure(response);
    } else {
        const int status = response.status;
        if (status >= 200 && status < 300) {
            // A 2xx whose body was cut off says nothing reliable about the numbers; and the
            // request did reach AT: it answered.
            result = response.failure != HttpResponse::Failure::None ? interpretTransportFailure(response)
                                                                     : interpretSuccess(status, response.body, request);
            if (result.kind == Kind::NotTaken && response.failure != HttpResponse::Failure::None)
                result.kind = Kind::Uncertain;
            result.httpStatus = status;
        } else {
            result = interpretFailure(status, response.body, request);
        }
        if (!response.retryAfter.isEmpty())
            result.retryAfterMs = parseRetryAfter(response.retryAfter);
    }
    qCDebug(lcGateway) << "send to" << int(request.phones.size()) << "number(s):" << kindName(result.kind) << "HTTP"
                       << result.httpStatus << "transport failure" << int(response.failure) << int(result.recipients.size())
                       << "result(s)";
    done(std::move(result));
}

void AfricasTalkingGateway::balance(BalanceCallback done)
{
    if (!m_valid) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error = m_valid.error()] { done(std::unexpected(error)); }, Qt::QueuedConnection);
        return;
    }
    QUrl url = baseUrl();
    url.setPath(trimmedPath(url) + "/version1/user"_L1);
    url.setQuery("username="_L1 + QString::fromLatin1(QUrl::toPercentEncoding(m_settings.username)), QUrl::StrictMode);
    startRequest(url, nullptr, [this, done = std::move(done)](const HttpResponse &response) { finishBalance(response, done); });
}

void AfricasTalkingGateway::finishBalance(const HttpResponse &response, const BalanceCallback &done)
{
    const QByteArray &body = response.body;
    const int status = response.status;
    qCDebug(lcGateway) << "balance: HTTP" << status << "transport failure" << int(response.failure);

    const bool nothingWasSent
        = response.failure == HttpResponse::Failure::NotConnected || response.failure == HttpResponse::Failure::Tls;
    if (status == 0 || (response.failure != HttpResponse::Failure::None && status >= 200 && status < 300)) {
        done(fail(ErrorCode::Io,
                  nothingWasSent ? tr("Kengele could not connect to Africa's Talking to read the balance. Check the "
                                      "internet connection and try again.")
                                 : tr("Africa's Talking did not answer in time with the balance. Try again in a "
                                      "moment.")));
        return;
    }
    if (status == 401 || status == 403 || saysAuthenticationInvalid(body)) {
        done(fail(ErrorCode::InvalidInput,
                  tr("Africa's Talking did not accept the username or API key. Check both in "
                     "the gateway settings (in the sandbox the username is “sandbox”).")));
        return;
    }
    if (status < 200 || status >= 300) {
        done(fail(ErrorCode::Io,
                  tr("Africa's Talking could not give the balance (error %1). Try again in a moment.").arg(status)));
        return;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue userData = document.isObject() ? member(document.object(), "UserData"_L1) : QJsonValue();
    const QString balance = userData.isObject() ? text(member(userData.toObject(), "balance"_L1)).trimmed() : QString();
    if (parseError.error != QJsonParseError::NoError || balance.isEmpty()) {
        done(fail(ErrorCode::Unsupported, tr("Africa's Talking answered the balance question in an unexpected format.")));
        return;
    }
    done(GatewayBalance{balance});
}

} // namespace kengele
