// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AfricasTalkingGateway.h"

#include "common/Log.h"
#include "gateway/AfricasTalkingAnswer.h"

#include <QHostAddress>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

using Kind = SendResult::Kind;

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
        return tr("Practice mode — no SMS leaves this computer");
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
            this, [done = std::move(done), message = *problem] { done(AfricasTalkingAnswer::refusedBeforeSending(message)); },
            Qt::QueuedConnection);
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
    SendResult result = AfricasTalkingAnswer::send(response, request);
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
    qCDebug(lcGateway) << "balance: HTTP" << response.status << "transport failure" << int(response.failure);
    done(AfricasTalkingAnswer::balance(response));
}

} // namespace kengele
