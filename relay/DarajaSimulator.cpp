// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DarajaSimulator.h"

#include "Secrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace kengele::relay {

namespace {

QString resultDesc(int code)
{
    switch (code) {
    case 0:
        return QStringLiteral("The service request is processed successfully.");
    case 1032:
        return QStringLiteral("Request cancelled by user");
    case 1:
        return QStringLiteral("The balance is insufficient for the transaction.");
    case 1037:
        return QStringLiteral("DS timeout user cannot be reached");
    case 2001:
        return QStringLiteral("The initiator information is invalid.");
    default:
        return QStringLiteral("Simulated failure");
    }
}

} // namespace

DarajaSimulator::DarajaSimulator(int delayMs, Deliver deliver, QObject *parent)
    : QObject(parent)
    , m_delayMs(delayMs)
    , m_deliver(std::move(deliver))
{ }

int DarajaSimulator::outcome(const QString &phone)
{
    const QString last = phone.right(4);
    if (last == QLatin1String("0001"))
        return 1032;
    if (last == QLatin1String("0002"))
        return 1;
    if (last == QLatin1String("0003"))
        return 1037;
    if (last == QLatin1String("0004"))
        return 2001;
    return 0;
}

bool DarajaSimulator::sendsCallback(const QString &phone)
{
    return !phone.endsWith(QLatin1String("0005"));
}

void DarajaSimulator::stkPush(const DarajaAccount &account, const StkPushRequest &request,
                              std::function<void(StkPushResult)> done)
{
    StkPushResult result;
    result.accepted = true;
    const QString stamp = nairobiTimestamp(QDateTime::currentDateTimeUtc());
    result.checkoutRequestId = QStringLiteral("ws_CO_SIM") + stamp + secrets::randomBase32(8).toUpper();
    result.merchantRequestId = QStringLiteral("SIM-") + secrets::randomBase32(10).toUpper();
    if (sendsCallback(request.phone)) {
        const int code = outcome(request.phone);
        QJsonObject callback{{QStringLiteral("MerchantRequestID"), result.merchantRequestId},
                             {QStringLiteral("CheckoutRequestID"), result.checkoutRequestId},
                             {QStringLiteral("ResultCode"), code},
                             {QStringLiteral("ResultDesc"), resultDesc(code)}};
        if (code == 0) {
            const QJsonArray items{
                QJsonObject{{QStringLiteral("Name"), QStringLiteral("Amount")}, {QStringLiteral("Value"), request.amountKes}},
                QJsonObject{{QStringLiteral("Name"), QStringLiteral("MpesaReceiptNumber")},
                            {QStringLiteral("Value"), QString(QStringLiteral("SIM") + secrets::randomBase32(7).toUpper())}},
                QJsonObject{{QStringLiteral("Name"), QStringLiteral("Balance")}},
                QJsonObject{{QStringLiteral("Name"), QStringLiteral("TransactionDate")},
                            {QStringLiteral("Value"), nairobiTimestamp(QDateTime::currentDateTimeUtc()).toLongLong()}},
                QJsonObject{{QStringLiteral("Name"), QStringLiteral("PhoneNumber")},
                            {QStringLiteral("Value"), request.phone.toLongLong()}}};
            callback.insert(QStringLiteral("CallbackMetadata"), QJsonObject{{QStringLiteral("Item"), items}});
        }
        const QByteArray body
            = QJsonDocument(QJsonObject{{QStringLiteral("Body"), QJsonObject{{QStringLiteral("stkCallback"), callback}}}})
                  .toJson(QJsonDocument::Compact);
        QTimer::singleShot(m_delayMs, this, [this, orgId = account.orgId, body] { m_deliver(orgId, body); });
    }
    // Answered on the next turn of the event loop, as a network answer would be.
    QTimer::singleShot(0, this, [result, done = std::move(done)] { done(result); });
}

void DarajaSimulator::stkQuery(const DarajaAccount & /*account*/, const Purchase &purchase,
                               std::function<void(StkQueryResult)> done)
{
    StkQueryResult result;
    if (QDateTime::currentMSecsSinceEpoch() < purchase.requestedAt + m_delayMs) {
        result.kind = StkQueryResult::Kind::Pending;
    } else {
        result.kind = StkQueryResult::Kind::Settled;
        result.resultCode = QString::number(outcome(purchase.phone));
    }
    QTimer::singleShot(0, this, [result, done = std::move(done)] { done(result); });
}

} // namespace kengele::relay
