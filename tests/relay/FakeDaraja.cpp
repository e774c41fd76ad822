// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeDaraja.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>

#include <cstdlib>

namespace kengele::test {

FakeDaraja::FakeDaraja(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

quint16 FakeDaraja::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0) ? m_server.serverPort() : 0;
}

QString FakeDaraja::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

QByteArray FakeDaraja::callback(const QString &checkout, int code, double amount, const QString &receipt)
{
    QJsonObject callback{{QStringLiteral("MerchantRequestID"), QStringLiteral("29115-34620561-1")},
                         {QStringLiteral("CheckoutRequestID"), checkout},
                         {QStringLiteral("ResultCode"), code},
                         {QStringLiteral("ResultDesc"),
                          code == 0 ? QStringLiteral("The service request is processed successfully.")
                                    : QStringLiteral("Request cancelled by user")}};
    if (code == 0)
        callback.insert(QStringLiteral("CallbackMetadata"),
                        QJsonObject{{QStringLiteral("Item"),
                                     QJsonArray{QJsonObject{{QStringLiteral("Name"), QStringLiteral("Amount")},
                                                            {QStringLiteral("Value"), amount}},
                                                QJsonObject{{QStringLiteral("Name"), QStringLiteral("MpesaReceiptNumber")},
                                                            {QStringLiteral("Value"), receipt}},
                                                QJsonObject{{QStringLiteral("Name"), QStringLiteral("Balance")}},
                                                QJsonObject{{QStringLiteral("Name"), QStringLiteral("TransactionDate")},
                                                            {QStringLiteral("Value"), 20191219102115LL}},
                                                QJsonObject{{QStringLiteral("Name"), QStringLiteral("PhoneNumber")},
                                                            {QStringLiteral("Value"), 254708374149LL}}}}});
    return QJsonDocument(QJsonObject{{QStringLiteral("Body"), QJsonObject{{QStringLiteral("stkCallback"), callback}}}})
        .toJson(QJsonDocument::Compact);
}

void FakeDaraja::serve(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = headers.value("content-length", "0").toLongLong();
    if (buffer.size() < end + 4 + length)
        return;
    socket->setProperty("buffer", QByteArray());
    handle(socket, requestLine.value(0), requestLine.value(1), headers, buffer.mid(end + 4, length));
}

void FakeDaraja::answer(QTcpSocket *socket, int status, const QByteArray &body)
{
    socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void FakeDaraja::checkPassword(const QJsonObject &body, const char *what)
{
    const QString timestamp = body.value(QLatin1String("Timestamp")).toString();
    static const QRegularExpression fourteen(QStringLiteral("^[0-9]{14}$"));
    if (!fourteen.match(timestamp).hasMatch()) {
        problems << QStringLiteral("%1: Timestamp is not YYYYMMDDHHmmss").arg(QLatin1String(what));
    } else {
        // Nairobi time: UTC+3.
        QDateTime stamp = QDateTime::fromString(timestamp, QStringLiteral("yyyyMMddHHmmss"));
        stamp.setTimeSpec(Qt::UTC);
        const qint64 skew = stamp.addSecs(-3 * 3600).secsTo(QDateTime::currentDateTimeUtc());
        if (std::abs(skew) > 120)
            problems << QStringLiteral("%1: Timestamp is not Nairobi time (off by %2 s)").arg(QLatin1String(what)).arg(skew);
    }
    if (body.value(QLatin1String("BusinessShortCode")).toString() != shortcode)
        problems << QStringLiteral("%1: BusinessShortCode").arg(QLatin1String(what));
    const QString expected = QString::fromLatin1((shortcode + passkey + timestamp).toUtf8().toBase64());
    if (body.value(QLatin1String("Password")).toString() != expected)
        problems << QStringLiteral("%1: Password").arg(QLatin1String(what));
}

void FakeDaraja::handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                        const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)
{
    const QByteArray auth = headers.value("authorization");
    if (target.startsWith("/oauth/v1/generate")) {
        if (method != "GET" || target != "/oauth/v1/generate?grant_type=client_credentials")
            return answer(socket, 400, R"({"errorCode":"400.008.02","errorMessage":"Invalid grant type passed"})");
        if (auth != "Basic " + (consumerKey + QLatin1Char(':') + consumerSecret).toUtf8().toBase64())
            return answer(socket, 400, R"({"errorCode":"400.008.01","errorMessage":"Invalid Authentication passed"})");
        ++tokensMinted;
        currentToken = QStringLiteral("tok%1x%2").arg(tokensMinted).arg(QDateTime::currentMSecsSinceEpoch());
        return answer(
            socket, 200,
            QJsonDocument(QJsonObject{{QStringLiteral("access_token"), currentToken}, {QStringLiteral("expires_in"), expiresIn}})
                .toJson(QJsonDocument::Compact));
    }
    if (method != "POST")
        return answer(socket, 405, R"({"errorCode":"405.001","errorMessage":"Method not allowed"})");
    if (!headers.value("content-type").startsWith("application/json"))
        problems << QStringLiteral("Content-Type is not application/json");
    if (auth != "Bearer " + currentToken.toLatin1() || currentToken.isEmpty())
        return answer(socket, 401, R"({"requestId":"1","errorCode":"404.001.03","errorMessage":"Invalid Access Token"})");
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    if (target == "/mpesa/stkpush/v1/processrequest") {
        ++pushes;
        lastPush = json;
        if (invalidateTokenOnce) {
            invalidateTokenOnce = false;
            currentToken = QStringLiteral("minted-by-someone-else");
            return answer(socket, 401, R"({"requestId":"1","errorCode":"404.001.03","errorMessage":"Invalid Access Token"})");
        }
        const int before = problems.size();
        checkPassword(json, "push");
        const QString type = json.value(QLatin1String("TransactionType")).toString();
        if (type != (till.isEmpty() ? QLatin1String("CustomerPayBillOnline") : QLatin1String("CustomerBuyGoodsOnline")))
            problems << QStringLiteral("push: TransactionType");
        if (json.value(QLatin1String("PartyB")).toString() != (till.isEmpty() ? shortcode : till))
            problems << QStringLiteral("push: PartyB");
        const QJsonValue amount = json.value(QLatin1String("Amount"));
        if (!amount.isDouble() || amount.toDouble() != double(amount.toInteger()) || amount.toInteger() < 1)
            problems << QStringLiteral("push: Amount is not a whole number");
        static const QRegularExpression msisdn(QStringLiteral("^254[17][0-9]{8}$"));
        if (!msisdn.match(json.value(QLatin1String("PartyA")).toString()).hasMatch())
            problems << QStringLiteral("push: PartyA");
        if (json.value(QLatin1String("PhoneNumber")).toString() != json.value(QLatin1String("PartyA")).toString())
            problems << QStringLiteral("push: PhoneNumber");
        if (json.value(QLatin1String("CallBackURL")).toString() != expectedCallbackUrl)
            problems << QStringLiteral("push: CallBackURL");
        static const QRegularExpression reference(QStringLiteral("^[A-Za-z0-9]{1,12}$"));
        if (!reference.match(json.value(QLatin1String("AccountReference")).toString()).hasMatch())
            problems << QStringLiteral("push: AccountReference");
        const QJsonValue desc = json.value(QLatin1String("TransactionDesc"));
        if (!desc.isString() || desc.toString().isEmpty() || desc.toString().size() > 13)
            problems << QStringLiteral("push: TransactionDesc");
        if (problems.size() > before)
            return answer(socket, 400,
                          R"({"requestId":"1","errorCode":"400.002.02","errorMessage":"Bad Request - Invalid field"})");
        if (pushBusy)
            return answer(
                socket, 500,
                R"({"requestId":"1","errorCode":"500.001.1001","errorMessage":"Unable to lock subscriber, a transaction is already in process for the current subscriber"})");
        if (pushStatus != 200)
            return answer(socket, pushStatus, R"({"requestId":"1","errorCode":"500.003.02","errorMessage":"System is busy"})");
        const QString checkout = QStringLiteral("ws_CO_FAKE%1").arg(checkouts.size() + 1);
        checkouts << checkout;
        return answer(
            socket, 200,
            QJsonDocument(
                QJsonObject{{QStringLiteral("MerchantRequestID"), QStringLiteral("29115-1")},
                            {QStringLiteral("CheckoutRequestID"), checkout},
                            {QStringLiteral("ResponseCode"), QStringLiteral("0")},
                            {QStringLiteral("ResponseDescription"), QStringLiteral("Success. Request accepted for processing")},
                            {QStringLiteral("CustomerMessage"), QStringLiteral("Success. Request accepted for processing")}})
                .toJson(QJsonDocument::Compact));
    }
    if (target == "/mpesa/stkpushquery/v1/query") {
        ++queries;
        checkPassword(json, "query");
        if (holdQueries)
            return;
        const QString checkout = json.value(QLatin1String("CheckoutRequestID")).toString();
        if (!checkouts.contains(checkout))
            return answer(
                socket, 400,
                R"({"requestId":"1","errorCode":"400.002.02","errorMessage":"Bad Request - Invalid CheckoutRequestID"})");
        if (m_queried[checkout]++ < pendingQueries)
            return answer(socket, 500,
                          R"({"requestId":"1","errorCode":"500.001.1001","errorMessage":"The transaction is being processed"})");
        return answer(socket, 200,
                      QJsonDocument(QJsonObject{{QStringLiteral("ResponseCode"), QStringLiteral("0")},
                                                {QStringLiteral("ResponseDescription"),
                                                 QStringLiteral("The service request has been accepted successsfully")},
                                                {QStringLiteral("MerchantRequestID"), QStringLiteral("29115-1")},
                                                {QStringLiteral("CheckoutRequestID"), checkout},
                                                {QStringLiteral("ResultCode"), resultCode},
                                                {QStringLiteral("ResultDesc"), QStringLiteral("done")}})
                          .toJson(QJsonDocument::Compact));
    }
    answer(socket, 404, R"({"errorCode":"404.001.01","errorMessage":"Resource not found"})");
}

} // namespace kengele::test
