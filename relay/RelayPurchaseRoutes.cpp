// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayServer's routes for buying tokens (docs/relay.md, "Buying tokens with M-Pesa"):
// POST/GET /v1/purchases, GET /v1/plans, GET /v1/voucher-key. The work is PurchaseService's.
#include "RelayServer.h"

#include "Purchases.h"
#include "VoucherIssuer.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcRelay)

namespace kengele::relay {

QString RelayServer::voucherPublicKey()
{
    if (!m_key)
        return {};
    const auto keys = vouchers::keyPair(*m_store, *m_key);
    if (!keys) {
        qCCritical(lcRelay).noquote() << QLatin1String("voucher key unavailable: ") + keys.error();
        return {};
    }
    return QString::fromLatin1(keys->publicKey.toBase64());
}

void RelayServer::handlePurchases(const HttpRequest &request, HttpResponder &responder, Route route)
{
    const auto device = authenticate(request);
    if (!device)
        return unauthorised(request, responder, route);
    if (refusePending(request, responder, route, *device))
        return;
    if (!m_purchases) {
        replyError(responder, route, 503, QStringLiteral("Temporarily unavailable; try again."), {{"Retry-After", "5"}});
        return logAccess(request, route, 503, device->orgId);
    }
    if (!m_deviceLimiter.tryAcquire(device->id)) {
        replyError(responder, route, 429, QStringLiteral("Too many requests; wait a moment."), {{"Retry-After", "1"}});
        logAccess(request, route, 429, device->orgId);
        return;
    }
    auto send = [this, request, route, orgId = device->orgId](HttpResponder responder, const PurchaseService::Answer &answer) {
        reply(responder, route, answer.status, "application/json", QJsonDocument(answer.body).toJson(QJsonDocument::Compact));
        logAccess(request, route, answer.status, orgId);
    };
    if (route == Route::VoucherKey) {
        const QString key = voucherPublicKey();
        if (key.isEmpty())
            return send(
                responder,
                {503, QJsonObject{{QStringLiteral("error"), QStringLiteral("The relay has no voucher key yet; try again.")}}});
        return send(responder, {200, QJsonObject{{QStringLiteral("public_key"), key}}});
    }
    if (route == Route::Plans)
        return send(responder, m_purchases->plans(device->orgId));
    if (request.method == HttpMethod::Get) {
        bool ok = true;
        const QString text = request.query.queryItemValue(QStringLiteral("limit"));
        const int limit = text.isEmpty() ? 50 : text.toInt(&ok);
        if (!ok || limit < 1 || limit > 200)
            return send(responder,
                        {400,
                         QJsonObject{{QStringLiteral("error"), QStringLiteral("limit must be 1 to 200.")},
                                     {QStringLiteral("code"), QStringLiteral("bad_request")}}});
        return send(responder, m_purchases->list(device->orgId, limit));
    }
    m_purchases->create(device->orgId, request.body,
                        [send, responder](const PurchaseService::Answer &answer) { send(responder, answer); });
}

} // namespace kengele::relay
