// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScriptedGateway.h"

#include <QTimer>

namespace kengele::test {

ScriptedGateway::ScriptedGateway(Script s, QObject *parent)
    : SmsGateway(parent)
    , script(s ? std::move(s) : Script(&ScriptedGateway::acceptAll))
{ }

SendResult ScriptedGateway::acceptAll(const SendRequest &request)
{
    SendResult result;
    for (const QString &phone : request.phones) {
        RecipientResult r;
        r.phone = phone;
        r.messageId = QStringLiteral("id-") + phone;
        r.status = QStringLiteral("Success");
        r.statusCode = 101;
        r.cost = QStringLiteral("KES 0.8000");
        result.recipients.append(r);
    }
    return result;
}

void ScriptedGateway::send(const SendRequest &request, SendCallback done)
{
    requests.append(request);
    for (const QString &phone : request.phones)
        ++timesSent[phone];
    ++inFlight;
    maxInFlight = qMax(maxInFlight, inFlight);
    const SendResult result = script(request);
    QTimer::singleShot(answerDelayMs, this, [this, result, done = std::move(done)] {
        --inFlight;
        done(result);
    });
}

void ScriptedGateway::balance(BalanceCallback done)
{
    done(GatewayBalance{QStringLiteral("KES 100.00")});
}

} // namespace kengele::test
