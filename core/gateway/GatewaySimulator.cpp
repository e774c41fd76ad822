// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GatewaySimulator.h"

#include "common/Log.h"
#include "gateway/AfricasTalkingGateway.h"
#include "gateway/SimulatedDeliveryReports.h"
#include "messaging/SegmentCounter.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

constexpr qint64 kCostPerPart = 8000; // KES 0.8000 in ten-thousandths

QString decodeFormValue(QByteArray value)
{
    value.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(value));
}

// application/x-www-form-urlencoded, as a server reads it ('+' is a space, %2B a plus).
QHash<QString, QString> parseForm(const QByteArray &body)
{
    QHash<QString, QString> fields;
    qsizetype start = 0;
    while (start < body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArray pair = body.mid(start, end - start);
        const qsizetype equals = pair.indexOf('=');
        if (!pair.isEmpty()) {
            if (equals < 0)
                fields.insert(decodeFormValue(pair), QString());
            else
                fields.insert(decodeFormValue(pair.left(equals)), decodeFormValue(pair.mid(equals + 1)));
        }
        start = end + 1;
    }
    return fields;
}

bool isE164(QStringView number)
{
    if (number.size() < 8 || number.size() > 16 || number.front() != u'+' || number.at(1) == u'0')
        return false;
    return std::all_of(number.begin() + 1, number.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// A number's fixed fate: the same number always lands at the same point in [0, 1).
double unitHash(QStringView text, quint64 salt)
{
    quint64 h = 14695981039346656037ull ^ salt;
    for (QChar c : text) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return double(h >> 11) / double(1ull << 53);
}

QString money(qint64 tenThousandths)
{
    const QLatin1StringView sign = tenThousandths < 0 ? "-"_L1 : ""_L1;
    const qint64 v = tenThousandths < 0 ? -tenThousandths : tenThousandths;
    return u"KES "_s + sign + QString::number(v / 10000) + u'.' + u"%1"_s.arg(v % 10000, 4, 10, QLatin1Char('0'));
}

// A JSON string literal, escaped (numbers come from the client and may hold anything). UTF-8
// continuation bytes are all 0x80 or more, so escaping byte by byte is safe.
void appendJsonString(QByteArray &out, QStringView text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

QByteArray xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

void writeAnswer(QHttpServerResponder &responder, int status, const QByteArray &contentType,
                 const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
    if (!contentType.isEmpty())
        responder.writeHeader("Content-Type", contentType);
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(body);
}

QByteArray plainText()
{
    return QByteArrayLiteral("text/plain; charset=utf-8");
}
QByteArray json()
{
    return QByteArrayLiteral("application/json");
}

} // namespace

GatewaySimulator::GatewaySimulator(QObject *parent)
    : GatewaySimulator(SimulatorOptions(), parent)
{ }

GatewaySimulator::GatewaySimulator(SimulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_random(m_options.seed != 0 ? QRandomGenerator(m_options.seed) : QRandomGenerator::securelySeeded())
    , m_server(new QHttpServer(this))
    , m_deliveryReports(new SimulatedDeliveryReports(this))
{
    m_deliveryReports->setCallback(m_options.callbackUrl, m_options.reportsOnlyThroughCallback, m_options.callbackRetryForMs);
    connect(m_deliveryReports, &SimulatedDeliveryReports::deliveryReport, this, &GatewaySimulator::deliveryReport);

    m_server->route(u"/version1/messaging"_s, QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        handleSend(request, std::move(responder));
                    });
    m_server->route(u"/version1/user"_s, QHttpServerRequest::Method::Get,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        handleBalance(request, std::move(responder));
                    });
    m_server->setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        writeAnswer(responder, 404, plainText(), {}, QByteArrayLiteral("Not Found"));
    });
}

GatewaySimulator::~GatewaySimulator() = default;

Result<quint16> GatewaySimulator::start()
{
    if (isRunning())
        return port();
    const quint16 port = m_server->listen(QHostAddress::LocalHost, 0);
    if (port == 0) {
        return fail(ErrorCode::Io,
                    tr("The simulator could not start: this computer did not give it a network port. "
                       "Close Kengele and open it again."));
    }
    m_port.store(port);
    qCDebug(lcGateway) << "simulator listening on 127.0.0.1 port" << port;
    return port;
}

QUrl GatewaySimulator::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

std::unique_ptr<AfricasTalkingGateway> GatewaySimulator::createGateway(HttpClient &http, QObject *parent) const
{
    if (!isRunning())
        return nullptr;
    return AfricasTalkingGateway::createSimulation(url(), http, parent);
}

SimulatorOptions GatewaySimulator::options() const
{
    QMutexLocker lock(&m_mutex);
    return m_options;
}

void GatewaySimulator::setOptions(const SimulatorOptions &options)
{
    QMutexLocker lock(&m_mutex);
    const quint32 oldSeed = m_options.seed;
    m_options = options;
    if (options.seed != 0 && options.seed != oldSeed)
        m_random.seed(options.seed);
    m_deliveryReports->setCallback(options.callbackUrl, options.reportsOnlyThroughCallback, options.callbackRetryForMs);
}

void GatewaySimulator::failNextRequests(Fault fault, int count)
{
    if (count <= 0)
        return;
    QMutexLocker lock(&m_mutex);
    m_faultBursts.append({fault, count});
}

SimulatorCounters GatewaySimulator::counters() const
{
    SimulatorCounters counters;
    {
        QMutexLocker lock(&m_mutex);
        counters = m_counters;
    }
    const SimulatedDeliveryReports::Counters reports = m_deliveryReports->counters();
    counters.reportsProduced = reports.produced;
    counters.callbackRetries = reports.callbackRetries;
    counters.callbacksAbandoned = reports.callbacksAbandoned;
    return counters;
}

int GatewaySimulator::timesReceived(const QString &phone) const
{
    QMutexLocker lock(&m_mutex);
    return m_received.value(phone);
}

int GatewaySimulator::timesAccepted(const QString &phone) const
{
    QMutexLocker lock(&m_mutex);
    return m_accepted.value(phone);
}

QHash<QString, int> GatewaySimulator::receivedCounts() const
{
    QMutexLocker lock(&m_mutex);
    return m_received;
}

QStringList GatewaySimulator::numbersAcceptedMoreThanOnce() const
{
    QMutexLocker lock(&m_mutex);
    QStringList numbers;
    for (auto it = m_accepted.constBegin(); it != m_accepted.constEnd(); ++it) {
        if (it.value() > 1)
            numbers.append(it.key());
    }
    numbers.sort();
    return numbers;
}

int GatewaySimulator::pendingReports() const
{
    return m_deliveryReports->pending();
}

void GatewaySimulator::resetCounters()
{
    QMutexLocker lock(&m_mutex);
    m_counters = {};
    m_received.clear();
    m_accepted.clear();
    m_deliveryReports->resetCounters();
}

QString GatewaySimulator::networkCodeFor(QStringView phone)
{
    const auto startsWithAny = [](QStringView national, std::initializer_list<QStringView> prefixes) {
        return std::any_of(prefixes.begin(), prefixes.end(), [&](QStringView p) { return national.startsWith(p); });
    };
    if (phone.startsWith(u"+254")) {
        const QStringView n = phone.mid(4);
        if (startsWithAny(n, {u"763", u"764", u"765", u"766"}))
            return u"63999"_s; // Equitel
        if (startsWithAny(n, {u"77"}))
            return u"63907"_s; // Telkom (formerly Orange)
        if (startsWithAny(n,
                          {u"73", u"78", u"750", u"751", u"752", u"753", u"754", u"755", u"756", u"762", u"100", u"101", u"102"}))
            return u"63903"_s; // Airtel Kenya
        return u"63902"_s; // Safaricom: 70x 71x 72x 74x 757-759 768 769 79x 110-115, and the rest
    }
    if (phone.startsWith(u"+255"))
        return u"64004"_s; // Vodacom Tanzania
    if (phone.startsWith(u"+256"))
        return u"64110"_s; // MTN Uganda
    if (phone.startsWith(u"+250"))
        return u"63510"_s; // MTN Rwanda
    if (phone.startsWith(u"+234"))
        return u"62130"_s; // MTN Nigeria
    return u"99999"_s;
}

bool GatewaySimulator::authorised(const QHttpServerRequest &request, const QString &username) const
{
    const QByteArray apiKey = request.value(QByteArrayLiteral("apiKey"));
    if (apiKey.isEmpty() || username.isEmpty())
        return false;
    if (!m_options.apiKey.isEmpty() && apiKey != m_options.apiKey.toUtf8())
        return false;
    return m_options.username.isEmpty() || username == m_options.username;
}

std::optional<GatewaySimulator::Fault> GatewaySimulator::nextFault()
{
    if (!m_faultBursts.isEmpty()) {
        auto &burst = m_faultBursts.first();
        const Fault fault = burst.first;
        if (--burst.second <= 0)
            m_faultBursts.removeFirst();
        return fault;
    }
    const double total = m_options.serverErrorFraction + m_options.rateLimitFraction + m_options.malformedFraction
        + m_options.neverAnswerFraction;
    if (total <= 0)
        return std::nullopt;
    double r = m_random.generateDouble();
    const std::pair<double, Fault> table[] = {{m_options.serverErrorFraction, Fault::ServerError},
                                              {m_options.rateLimitFraction, Fault::RateLimited},
                                              {m_options.malformedFraction, Fault::MalformedJson},
                                              {m_options.neverAnswerFraction, Fault::NeverAnswer}};
    for (const auto &[fraction, fault] : table) {
        if (r < fraction)
            return fault;
        r -= fraction;
    }
    return std::nullopt;
}

QByteArray GatewaySimulator::newMessageId()
{
    const quint64 a = m_random.generate64();
    const quint64 b = m_random.generate64();
    char id[40];
    std::snprintf(id, sizeof id, "ATXid_%016llx%016llx", static_cast<unsigned long long>(a), static_cast<unsigned long long>(b));
    return QByteArray(id);
}

void GatewaySimulator::queueReport(const QString &messageId, const QString &phone)
{
    DeliveryReport report;
    report.messageId = messageId;
    report.phoneNumber = phone;
    report.networkCode = networkCodeFor(phone);
    const bool fails = m_options.undeliverable.contains(phone) || unitHash(phone, 0x5eed0003) < m_options.undeliverableFraction;
    if (fails) {
        static const std::pair<const char *, const char *> failures[]
            = {{"Failed", "DeliveryFailure"}, {"Rejected", "UserInBlackList"}, {"AbsentSubscriber", ""}, {"Expired", ""}};
        const auto &[status, reason] = failures[int(unitHash(phone, 0x5eed0004) * 4) % 4];
        report.status = QString::fromLatin1(status);
        report.failureReason = QString::fromLatin1(reason);
    } else {
        report.status = u"Success"_s;
    }
    const int low = std::max(0, std::min(m_options.reportDelayMinMs, m_options.reportDelayMaxMs));
    const int high = std::max(low, std::max(m_options.reportDelayMinMs, m_options.reportDelayMaxMs));
    const qint64 delay = low == high ? low : low + qint64(m_random.bounded(high - low + 1));
    m_deliveryReports->add(std::move(report), delay);
}

GatewaySimulator::Answer GatewaySimulator::processSend(const QHttpServerRequest &request)
{
    ++m_counters.sendRequests;
    const auto refuse = [this](int status, const char *reason) {
        ++m_counters.refusedRequests;
        return Answer{status, plainText(), QByteArray(reason), {}, false};
    };

    if (!request.value(QByteArrayLiteral("Content-Type")).toLower().startsWith("application/x-www-form-urlencoded"))
        return refuse(415, "Unsupported Media Type: send the fields form-encoded");
    const QHash<QString, QString> form = parseForm(request.body());
    if (!authorised(request, form.value(u"username"_s)))
        return refuse(401, "The supplied authentication is invalid");
    const QString to = form.value(u"to"_s);
    const QString message = form.value(u"message"_s);
    if (to.trimmed().isEmpty())
        return refuse(400, "Request is missing required form field 'to'");
    if (message.isEmpty())
        return refuse(400, "Request is missing required form field 'message'");
    const QString from = form.value(u"from"_s);
    if (!AfricasTalkingGateway::validateSenderId(from)) {
        ++m_counters.refusedRequests;
        return Answer{
            201, json(), QByteArrayLiteral(R"({"SMSMessageData":{"Message":"InvalidSenderId","Recipients":[]}})"), {}, false};
    }

    const std::optional<Fault> fault = nextFault();
    if (fault == Fault::ServerError)
        return refuse(500, "Internal Server Error");
    if (fault == Fault::RateLimited) {
        Answer answer = refuse(429, "Too Many Requests");
        answer.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(m_options.retryAfterSeconds)});
        return answer;
    }

    ++m_counters.takenRequests;
    const int parts = std::max(1, SegmentCounter::count(message).segments);
    const QString cost = money(kCostPerPart * parts);
    const QStringList numbers = to.split(u',', Qt::SkipEmptyParts);
    const bool wantsJson = request.value(QByteArrayLiteral("Accept")).contains("application/json");

    // The JSON answer is written by hand, keys in the order QJsonObject would write them
    // (alphabetical): QJsonObject per recipient was most of the simulator's work per message.
    QByteArray jsonRecipients;
    QByteArray xmlRecipients;
    const QByteArray costText = cost.toUtf8();
    const QByteArray partsText = QByteArray::number(parts);
    if (wantsJson)
        jsonRecipients.reserve(160 * numbers.size());
    int acceptedHere = 0;
    for (const QString &raw : numbers) {
        const QString number = raw.trimmed();
        ++m_counters.recipients;
        ++m_received[number];
        int statusCode = 101;
        const char *status = "Success";
        if (!isE164(number) || m_options.invalidNumbers.contains(number)
            || unitHash(number, 0x5eed0001) < m_options.invalidNumberFraction) {
            statusCode = 403;
            status = "InvalidPhoneNumber";
        } else if (m_options.blacklisted.contains(number) || unitHash(number, 0x5eed0002) < m_options.blacklistedFraction) {
            statusCode = 406;
            status = "UserInBlacklist";
        }
        const bool accepted = statusCode == 101;
        const QByteArray messageId = accepted ? newMessageId() : QByteArrayLiteral("None");
        if (accepted) {
            ++acceptedHere;
            ++m_counters.accepted;
            ++m_accepted[number];
            m_spentTenThousandths += kCostPerPart * parts;
            if (m_options.deliveryReports)
                queueReport(QString::fromLatin1(messageId), number);
        }
        if (wantsJson) {
            if (!jsonRecipients.isEmpty())
                jsonRecipients += ',';
            jsonRecipients += "{\"cost\":\"";
            jsonRecipients += accepted ? costText : QByteArrayLiteral("0");
            jsonRecipients += "\",\"messageId\":\"";
            jsonRecipients += messageId;
            jsonRecipients += '"';
            if (accepted) {
                jsonRecipients += ",\"messageParts\":";
                jsonRecipients += partsText;
            }
            jsonRecipients += ",\"number\":";
            appendJsonString(jsonRecipients, number);
            jsonRecipients += ",\"status\":\"";
            jsonRecipients += status;
            jsonRecipients += "\",\"statusCode\":";
            jsonRecipients += QByteArray::number(statusCode);
            jsonRecipients += '}';
        } else {
            xmlRecipients += "<Recipient><number>" + xmlEscaped(number) + "</number><cost>"
                + (accepted ? costText : QByteArrayLiteral("0")) + "</cost><status>" + status + "</status><statusCode>"
                + QByteArray::number(statusCode) + "</statusCode><messageId>" + messageId + "</messageId></Recipient>";
        }
    }
    const QString summary
        = u"Sent to %1/%2 Total Cost: %3"_s.arg(acceptedHere).arg(numbers.size()).arg(money(kCostPerPart * parts * acceptedHere));

    Answer answer;
    answer.status = 201;
    if (wantsJson) {
        // Without Accept: application/json the real service answers in XML; so does this one.
        answer.contentType = json();
        answer.body.reserve(jsonRecipients.size() + 96);
        answer.body += "{\"SMSMessageData\":{\"Message\":";
        appendJsonString(answer.body, summary);
        answer.body += ",\"Recipients\":[";
        answer.body += jsonRecipients;
        answer.body += "]}}";
    } else {
        answer.contentType = QByteArrayLiteral("application/xml");
        answer.body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AfricasTalkingResponse><SMSMessageData><Message>"
            + xmlEscaped(summary) + "</Message><Recipients>" + xmlRecipients
            + "</Recipients></SMSMessageData></AfricasTalkingResponse>";
    }
    if (fault == Fault::MalformedJson)
        answer.body = answer.body.left(answer.body.size() / 2) + "<!-- upstream glitch";
    answer.silent = fault == Fault::NeverAnswer;
    return answer;
}

void GatewaySimulator::handleSend(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Answer answer;
    int delayMs = 0;
    {
        QMutexLocker lock(&m_mutex);
        answer = processSend(request);
        delayMs = m_options.answerDelayMs;
    }
    respond(std::move(responder), std::move(answer), delayMs);
    m_deliveryReports->schedule();
}

void GatewaySimulator::handleBalance(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Answer answer;
    int delayMs = 0;
    {
        QMutexLocker lock(&m_mutex);
        ++m_counters.balanceRequests;
        delayMs = m_options.answerDelayMs;
        const QString username = request.query().queryItemValue(u"username"_s, QUrl::FullyDecoded);
        if (!authorised(request, username)) {
            answer = Answer{401, plainText(), QByteArrayLiteral("The supplied authentication is invalid"), {}, false};
        } else {
            const QString balance = money(m_options.startingBalanceTenThousandths - m_spentTenThousandths);
            answer.status = 200;
            answer.contentType = json();
            answer.body = QJsonDocument(QJsonObject{{"UserData"_L1, QJsonObject{{"balance"_L1, balance}}}})
                              .toJson(QJsonDocument::Compact);
        }
    }
    respond(std::move(responder), std::move(answer), delayMs);
}

void GatewaySimulator::respond(QHttpServerResponder &&responder, Answer answer, int delayMs)
{
    QTcpSocket *socket = responder.socket();
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    if (answer.silent) {
        // Taken, never answered: keep the responder until the client gives up and hangs up.
        m_silent.insert(socket, held);
        connect(
            socket, &QAbstractSocket::disconnected, this, [this, socket] { m_silent.remove(socket); }, Qt::SingleShotConnection);
        return;
    }
    if (delayMs <= 0) {
        writeAnswer(*held, answer.status, answer.contentType, answer.headers, answer.body);
        return;
    }
    QTimer::singleShot(delayMs, this, [held, socket = QPointer<QTcpSocket>(socket), answer = std::move(answer)] {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            writeAnswer(*held, answer.status, answer.contentType, answer.headers, answer.body);
    });
}
} // namespace kengele
