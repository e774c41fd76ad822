// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AfricasTalkingGateway.h"
#include "GatewaySimulator.h"
#include "SmsGateway.h"

#include <QCoreApplication>

#include <memory>
#include <vector>

namespace kengele {

// A ready-to-use gateway with everything it needs: its own HTTP client (in the thread that creates
// it) and, for the simulation, the simulator server it talks to. This is what the dispatcher's gateway factory hands out.
class GatewayConnection final : public SmsGateway
{
    Q_OBJECT

public:
    // The built-in simulator on loopback: Africa's Talking's wire format, no SMS leaves the computer.
    static std::unique_ptr<GatewayConnection> simulation(const SimulatorOptions &options, QString *whyNot);
    // Africa's Talking itself (live or sandbox, or any base URL).
    static std::unique_ptr<GatewayConnection> africasTalking(const AfricasTalkingGateway::Settings &settings, QString *whyNot);

    ~GatewayConnection() override;

    void send(const SendRequest &request, SendCallback done) override;
    void balance(BalanceCallback done) override;
    QString displayName() const override;
    bool isSimulation() const override;
    int maxRecipientsPerRequest() const override;
    int pendingDeliveryReports() const override;

    GatewaySimulator *simulator() const { return m_simulator.get(); }

private:
    GatewayConnection();

    std::unique_ptr<GatewaySimulator> m_simulator;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<AfricasTalkingGateway> m_gateway;
};

} // namespace kengele
