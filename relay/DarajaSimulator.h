// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DarajaApi.h"

#include <QObject>

namespace kengele::relay {

// Daraja as the relay's simulator plays it (`org mpesa ORG --simulator`): no Safaricom account,
// no network. A push is accepted at once with a ws_CO_SIM… CheckoutRequestID; `delayMs` later the
// callback is handed to `deliver` (the organisation's daraja/stk hook, in-process). The outcome
// follows the payer number's last four digits (docs/relay.md): 0001 cancelled (1032), 0002 not
// enough money (1), 0003 phone unreachable (1037), 0004 wrong PIN (2001), 0005 no callback ever
// (the query finds it paid), anything else paid. Queries answer from the same rule, so they agree
// with the callbacks after a restart and in every relay process: "being processed" until the
// delay has passed since the purchase was asked for, then the outcome. Receipts start "SIM".
class DarajaSimulator final : public QObject, public DarajaApi
{
    Q_OBJECT

public:
    using Deliver = std::function<void(const QString &orgId, const QByteArray &callbackBody)>;
    DarajaSimulator(int delayMs, Deliver deliver, QObject *parent = nullptr);

    void stkPush(const DarajaAccount &account, const StkPushRequest &request, std::function<void(StkPushResult)> done) override;
    void stkQuery(const DarajaAccount &account, const Purchase &purchase, std::function<void(StkQueryResult)> done) override;

    // The ResultCode the simulator settles a payment from this number with.
    static int outcome(const QString &phone);
    static bool sendsCallback(const QString &phone);

private:
    int m_delayMs;
    Deliver m_deliver;
};

} // namespace kengele::relay
