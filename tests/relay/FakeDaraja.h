// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

namespace kengele::test {

// Safaricom's Daraja as the relay's tests need it, on loopback (provider-apis B.1, B.2): OAuth
// (checks Basic auth; a new token invalidates the previous one, as Daraja's FAQ says), STK push
// (checks every field: the password formula, the Nairobi timestamp, lengths, types, the callback
// URL; any problem is recorded in problems() and answered 400), and STK query (pending a set
// number of times, then the result the test chose). Answers the relay's errors on demand.
class FakeDaraja final : public QObject
{
    Q_OBJECT

public:
    explicit FakeDaraja(QObject *parent = nullptr);
    quint16 listen();
    QString baseUrl() const;

    QString consumerKey = QStringLiteral("fake-consumer-key");
    QString consumerSecret = QStringLiteral("s3cr3t-consumer-Zq8");
    QString passkey = QStringLiteral("bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919");
    QString shortcode = QStringLiteral("174379");
    QString till; // expected PartyB for buy goods
    QString expectedCallbackUrl;
    QJsonValue expiresIn = 3599; // a number or a string
    int pushStatus = 200; // anything else: that HTTP status with an error body
    bool pushBusy = false; // answer "Unable to lock subscriber"
    bool invalidateTokenOnce = false; // the next push gets 404.001.03 (someone else minted a token)
    int pendingQueries = 0; // queries answer "being processed" this many times per checkout
    bool holdQueries = false; // queries get no answer at all (the connection stays open)
    QString resultCode = QStringLiteral("0"); // then this ResultCode (as a string, as the query sample shows)

    int tokensMinted = 0;
    int pushes = 0;
    int queries = 0;
    QStringList problems; // fields the relay got wrong
    QJsonObject lastPush;
    QStringList checkouts; // CheckoutRequestIDs handed out
    QString currentToken;

    // A callback as Daraja posts it for `checkout` (paid with amount and receipt when code is 0).
    static QByteArray callback(const QString &checkout, int code, double amount, const QString &receipt);

private:
    void serve(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const QByteArray &body);
    void handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target,
                const QHash<QByteArray, QByteArray> &headers, const QByteArray &body);
    void checkPassword(const QJsonObject &body, const char *what);

    QTcpServer m_server;
    QHash<QString, int> m_queried;
};

} // namespace kengele::test
