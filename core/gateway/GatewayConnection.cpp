// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GatewayConnection.h"

namespace kengele {

GatewayConnection::GatewayConnection()
    : m_http(std::make_unique<HttpClient>())
{ }

GatewayConnection::~GatewayConnection()
{
    // The gateway's requests go before the client they use, and the server last.
    m_gateway.reset();
    m_http.reset();
    m_simulator.reset();
}

std::unique_ptr<GatewayConnection> GatewayConnection::simulation(const SimulatorOptions &options, QString *whyNot)
{
    std::unique_ptr<GatewayConnection> connection(new GatewayConnection);
    connection->m_simulator = std::make_unique<GatewaySimulator>(options);
    if (const Result<quint16> started = connection->m_simulator->start(); !started) {
        if (whyNot)
            *whyNot = started.error().message;
        return nullptr;
    }
    connection->m_gateway = AfricasTalkingGateway::createSimulation(connection->m_simulator->url(), *connection->m_http);
    GatewayConnection *self = connection.get();
    connect(connection->m_simulator.get(), &GatewaySimulator::deliveryReport, self,
            [self](const DeliveryReport &report) { Q_EMIT self->deliveryReport(report); });
    return connection;
}

std::unique_ptr<GatewayConnection> GatewayConnection::africasTalking(const AfricasTalkingGateway::Settings &settings,
                                                                     QString *whyNot)
{
    if (const Status valid = AfricasTalkingGateway::validate(settings); !valid) {
        if (whyNot)
            *whyNot = valid.error().message;
        return nullptr;
    }
    std::unique_ptr<GatewayConnection> connection(new GatewayConnection);
    connection->m_gateway = std::make_unique<AfricasTalkingGateway>(settings, *connection->m_http);
    return connection;
}

void GatewayConnection::send(const SendRequest &request, SendCallback done)
{
    m_gateway->send(request, std::move(done));
}

void GatewayConnection::balance(BalanceCallback done)
{
    m_gateway->balance(std::move(done));
}

QString GatewayConnection::displayName() const
{
    return m_gateway->displayName();
}

bool GatewayConnection::isSimulation() const
{
    return m_simulator != nullptr;
}

int GatewayConnection::maxRecipientsPerRequest() const
{
    return m_gateway->maxRecipientsPerRequest();
}

int GatewayConnection::pendingDeliveryReports() const
{
    return m_simulator ? m_simulator->pendingReports() : 0;
}

} // namespace kengele
