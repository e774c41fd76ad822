// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeAfricasTalking.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace kengele::test {

namespace {

QString decodeFormValue(QByteArray value)
{
    value.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(value));
}

QList<QPair<QString, QString>> parseForm(const QByteArray &body)
{
    QList<QPair<QString, QString>> fields;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            fields.append({decodeFormValue(pair), QString()});
        else
            fields.append({decodeFormValue(pair.left(equals)), decodeFormValue(pair.mid(equals + 1))});
    }
    return fields;
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

void writeAnswer(QHttpServerResponder &responder, const ScriptedAnswer &answer)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(answer.status));
    for (const auto &header : answer.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(answer.body.size()));
    responder.writeBody(answer.body);
}

} // namespace

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QString RecordedRequest::field(const QString &name) const
{
    for (const auto &f : form) {
        if (f.first == name)
            return f.second;
    }
    return {};
}

bool RecordedRequest::hasField(const QString &name) const
{
    return std::any_of(form.cbegin(), form.cend(), [&](const auto &f) { return f.first == name; });
}

QStringList RecordedRequest::fieldNames() const
{
    QStringList names;
    for (const auto &f : form)
        names.append(f.first);
    return names;
}

ScriptedAnswer ScriptedAnswer::json(int status, const QByteArray &body)
{
    ScriptedAnswer a;
    a.status = status;
    a.body = body;
    a.withHeader("Content-Type", "application/json");
    return a;
}

ScriptedAnswer ScriptedAnswer::text(int status, const QByteArray &body)
{
    ScriptedAnswer a;
    a.status = status;
    a.body = body;
    a.withHeader("Content-Type", "text/plain; charset=utf-8");
    return a;
}

ScriptedAnswer ScriptedAnswer::html(int status, const QByteArray &body)
{
    ScriptedAnswer a;
    a.status = status;
    a.body = body;
    a.withHeader("Content-Type", "text/html; charset=utf-8");
    return a;
}

ScriptedAnswer ScriptedAnswer::closeConnection(int delayMs)
{
    ScriptedAnswer a;
    a.action = Action::CloseConnection;
    a.delayMs = delayMs;
    return a;
}

ScriptedAnswer ScriptedAnswer::neverAnswer()
{
    ScriptedAnswer a;
    a.action = Action::NeverAnswer;
    return a;
}

ScriptedAnswer &ScriptedAnswer::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

ScriptedAnswer &ScriptedAnswer::after(int delay)
{
    delayMs = delay;
    return *this;
}

FakeAfricasTalking::FakeAfricasTalking(QObject *parent)
    : QObject(parent)
    , m_server(new QHttpServer(this))
{
    // No routes on purpose: every request, whatever its path and method, lands in one place.
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) { handle(request, std::move(responder)); });
}

FakeAfricasTalking::~FakeAfricasTalking() = default;

bool FakeAfricasTalking::start()
{
    m_port = m_server->listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QUrl FakeAfricasTalking::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

void FakeAfricasTalking::enqueue(ScriptedAnswer answer)
{
    m_script.append(std::move(answer));
}

QByteArray FakeAfricasTalking::successBody(const QStringList &numbers)
{
    QJsonArray recipients;
    int serial = 0;
    for (const QString &number : numbers) {
        recipients.append(QJsonObject{{"statusCode"_L1, 101},
                                      {"number"_L1, number},
                                      {"status"_L1, "Success"_L1},
                                      {"cost"_L1, "KES 0.8000"_L1},
                                      {"messageId"_L1, u"ATXid_fake%1"_s.arg(++serial)},
                                      {"messageParts"_L1, 1}});
    }
    const QJsonObject data{
        {"Message"_L1, u"Sent to %1/%1 Total Cost: KES %2"_s.arg(numbers.size()).arg(0.8 * numbers.size(), 0, 'f', 4)},
        {"Recipients"_L1, recipients}};
    return QJsonDocument(QJsonObject{{"SMSMessageData"_L1, data}}).toJson(QJsonDocument::Compact);
}

ScriptedAnswer FakeAfricasTalking::defaultAnswer(const RecordedRequest &request) const
{
    if (request.method == "POST" && request.path == "/version1/messaging"_L1)
        return ScriptedAnswer::json(201, successBody(request.field(u"to"_s).split(u',', Qt::SkipEmptyParts)));
    if (request.method == "GET" && request.path == "/version1/user"_L1)
        return ScriptedAnswer::json(200, R"({"UserData":{"balance":"KES 100.0000"}})");
    return ScriptedAnswer::text(404, "Not Found");
}

void FakeAfricasTalking::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    RecordedRequest recorded;
    recorded.method = methodName(request.method());
    recorded.path = request.url().path();
    recorded.query = request.query();
    recorded.headers = request.headers();
    recorded.body = request.body();
    if (recorded.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
        recorded.form = parseForm(recorded.body);
    ScriptedAnswer answer = m_script.isEmpty() ? defaultAnswer(recorded) : m_script.takeFirst();
    m_requests.append(std::move(recorded));
    Q_EMIT requestReceived(int(m_requests.size()) - 1);
    carryOut(std::move(answer), std::move(responder));
}

void FakeAfricasTalking::carryOut(ScriptedAnswer answer, QHttpServerResponder &&responder)
{
    QTcpSocket *socket = responder.socket();
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    if (answer.action == ScriptedAnswer::Action::NeverAnswer) {
        m_silent.insert(socket, held);
        connect(
            socket, &QAbstractSocket::disconnected, this, [this, socket] { m_silent.remove(socket); }, Qt::SingleShotConnection);
        return;
    }
    const auto act = [held, socket = QPointer<QTcpSocket>(socket), answer] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (answer.action == ScriptedAnswer::Action::CloseConnection)
            socket->disconnectFromHost();
        else
            writeAnswer(*held, answer);
    };
    if (answer.delayMs <= 0)
        act();
    else
        QTimer::singleShot(answer.delayMs, this, act);
}

} // namespace kengele::test
