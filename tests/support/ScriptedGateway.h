// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "gateway/SmsGateway.h"

#include <QHash>
#include <QList>

#include <functional>

namespace kengele::test {

// An SmsGateway whose answers a test scripts. It answers asynchronously (as a real one does),
// records every request, and remembers how many requests were in flight at most.
class ScriptedGateway final : public SmsGateway
{
    Q_OBJECT

public:
    using Script = std::function<SendResult(const SendRequest &)>;

    explicit ScriptedGateway(Script script = {}, QObject *parent = nullptr);

    void send(const SendRequest &request, SendCallback done) override;
    void balance(BalanceCallback done) override;
    QString displayName() const override { return QStringLiteral("Scripted"); }
    bool isSimulation() const override { return true; }
    int maxRecipientsPerRequest() const override { return m_maxPerRequest; }

    // Everyone accepted, message ids "id-<phone>".
    static SendResult acceptAll(const SendRequest &request);

    Script script;
    int answerDelayMs = 0;
    int m_maxPerRequest = 100;
    QList<SendRequest> requests;
    QHash<QString, int> timesSent; // phone → requests that carried it
    int inFlight = 0;
    int maxInFlight = 0;
};

} // namespace kengele::test
