// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GatewaySetup.h"

#include "gateway/GatewayConnection.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"

namespace kengele {

QString GatewaySetup::apiKey(SecretStore &secrets)
{
    QString fromEnvironment = qEnvironmentVariable("KENGELE_AT_API_KEY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const Result<QString> stored = secrets.readNow(QString::fromLatin1(ApiKeySecret));
    return stored ? *stored : QString();
}

void GatewaySetup::readApiKey(SecretStore &secrets, std::function<void(const QString &)> done)
{
    const QString fromEnvironment = qEnvironmentVariable("KENGELE_AT_API_KEY");
    if (!fromEnvironment.isEmpty()) {
        done(fromEnvironment);
        return;
    }
    secrets.read(QString::fromLatin1(ApiKeySecret),
                 [done = std::move(done)](const Result<QString> &stored) { done(stored ? *stored : QString()); });
}

Dispatcher::GatewayFactory GatewaySetup::factory(Settings &settings, const QString &apiKey)
{
    AfricasTalkingGateway::Settings at;
    at.username = settings.gatewayUsername();
    at.apiKey = apiKey;
    at.environment = settings.gatewayEnvironment() == QStringLiteral("sandbox") ? AfricasTalkingGateway::Environment::Sandbox
                                                                                : AfricasTalkingGateway::Environment::Live;
    at.baseUrl = QUrl(settings.gatewayBaseUrl());
    SimulatorOptions simulator;
    if (const QUrl reportUrl(settings.simulatorReportUrl()); reportUrl.isValid() && !reportUrl.isEmpty()) {
        // Reports travel as Africa's Talking's do: to the relay's hook, and back through sync.
        simulator.callbackUrl = reportUrl;
        simulator.reportsOnlyThroughCallback = true;
    }
    return [at, simulator](GatewayKind gateway, QString *whyNot) -> SmsGateway * {
        switch (gateway) {
        case GatewayKind::Simulator:
            return GatewayConnection::simulation(simulator, whyNot).release();
        case GatewayKind::AfricasTalking:
            if (at.apiKey.isEmpty()) {
                if (whyNot)
                    *whyNot = tr("There is no Africa's Talking API key on this computer. Enter it in Settings → SMS gateway, "
                                 "then resume the campaign.");
                return nullptr;
            }
            return GatewayConnection::africasTalking(at, whyNot).release();
        }
        return nullptr;
    };
}

Dispatcher::Options GatewaySetup::options(Settings &settings)
{
    Dispatcher::Options options;
    options.ratePerSecond = settings.gatewayRatePerSecond();
    // "No quiet hours" (Settings → Sending, `kengele-cli settings quiet-hours off`): any hour.
    options.respectQuietHours = settings.quietHoursEnabled();
    options.quietHours = options.respectQuietHours ? QuietHours{settings.quietHoursStart(), settings.quietHoursEnd()}
                                                   : QuietHours{QTime(0, 0), QTime(0, 0)}; // equal: none
    return options;
}

} // namespace kengele
