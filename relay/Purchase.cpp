// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Purchase.h"

#include <QDateTime>

namespace kengele::relay {

std::optional<qint64> OrgPrices::price(const QString &plan) const
{
    if (plan == QLatin1String("starter"))
        return starter;
    if (plan == QLatin1String("business"))
        return business;
    if (plan == QLatin1String("enterprise"))
        return enterprise;
    return std::nullopt; // demo is never bought
}

QString Purchase::maskPhone(const QString &phone)
{
    if (phone.size() <= 7)
        return phone;
    return phone.left(4) + QString(phone.size() - 7, QChar(0x2022)) + phone.right(3);
}

QJsonObject Purchase::toJson() const
{
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    };
    return QJsonObject{{QStringLiteral("purchase"), id},
                       {QStringLiteral("request_id"), requestId},
                       {QStringLiteral("plan"), plan},
                       {QStringLiteral("tokens"), tokens},
                       {QStringLiteral("validity_days"), validityDays},
                       {QStringLiteral("amount_kes"), amountKes},
                       {QStringLiteral("phone"), maskPhone(phone)},
                       {QStringLiteral("account"), account},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("result_code"), resultCode},
                       {QStringLiteral("receipt"), receipt},
                       {QStringLiteral("voucher"), voucherId},
                       {QStringLiteral("simulated"), simulated},
                       {QStringLiteral("requested"), iso(requestedAt)},
                       {QStringLiteral("updated"), iso(updatedAt)}};
}

} // namespace kengele::relay
