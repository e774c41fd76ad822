// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GatewayCommand.h"

#include "campaigns/GatewaySetup.h"
#include "common/EventLoopWait.h"
#include "gateway/AfricasTalkingGateway.h"
#include "profile/Profile.h"
#include "security/Access.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"

#include <QJsonObject>

#include <optional>

namespace kengele {

int GatewayCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("set") && words.size() == 1) {
        if (!m_cli.allowOnly({QStringLiteral("provider"), QStringLiteral("username"), QStringLiteral("sender-id"),
                              QStringLiteral("environment"), QStringLiteral("base-url"), QStringLiteral("api-key-stdin"),
                              QStringLiteral("rate"), QStringLiteral("report-url")}))
            return BadUsage;
        const std::optional<GatewayKind> chosen = gatewayKindFromText(m_cli.args().value(QStringLiteral("provider")));
        if (!chosen)
            return m_cli.usage(tr("Choose --provider simulator or --provider africastalking."));
        const GatewayKind provider = *chosen;
        const QString environment = m_cli.args().has(QStringLiteral("environment"))
            ? m_cli.args().value(QStringLiteral("environment"))
            : QStringLiteral("live");
        if (environment != QStringLiteral("live") && environment != QStringLiteral("sandbox"))
            return m_cli.usage(tr("Choose --environment live or --environment sandbox."));
        const QString senderId = m_cli.args().value(QStringLiteral("sender-id"));
        if (!senderId.isEmpty()) {
            if (const Status valid = AfricasTalkingGateway::validateSenderId(senderId); !valid)
                return m_cli.failed(valid.error());
        }
        double rate = -1;
        if (const int code = m_cli.readRate(rate); code != Done)
            return code;
        const QUrl baseUrl(m_cli.args().value(QStringLiteral("base-url")));
        if (m_cli.args().has(QStringLiteral("base-url"))
            && (!baseUrl.isValid() || baseUrl.scheme().isEmpty() || baseUrl.host().isEmpty()))
            return m_cli.usage(tr("“%1” is not a web address. Write it like https://api.africastalking.com")
                                   .arg(m_cli.args().value(QStringLiteral("base-url"))));
        const QString reportUrlText = m_cli.args().value(QStringLiteral("report-url"));
        const QUrl reportUrl(reportUrlText);
        if (!reportUrlText.isEmpty()
            && (!reportUrl.isValid() || !reportUrl.scheme().startsWith(QStringLiteral("http")) || reportUrl.host().isEmpty()))
            return m_cli.usage(tr("“%1” is not a web address. Paste the relay's at_delivery hook address that `kengele-relay org "
                                  "create` printed.")
                                   .arg(reportUrlText));
        if (m_cli.args().has(QStringLiteral("report-url")) && provider != GatewayKind::Simulator)
            return m_cli.usage(
                tr("--report-url is for the simulator: Africa's Talking sends its reports to the address set in its dashboard."));
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        if (Status allowed = m_cli.profile().access().check(Permission::Administer); !allowed)
            return m_cli.failed(allowed.error());
        if (provider == GatewayKind::AfricasTalking) {
            AfricasTalkingGateway::Settings check;
            check.username = m_cli.args().has(QStringLiteral("username")) ? m_cli.args().value(QStringLiteral("username"))
                                                                          : m_cli.profile().settings().gatewayUsername();
            check.apiKey = QStringLiteral("checked separately");
            check.environment = environment == QStringLiteral("sandbox") ? AfricasTalkingGateway::Environment::Sandbox
                                                                         : AfricasTalkingGateway::Environment::Live;
            if (const Status valid = AfricasTalkingGateway::validate(check); !valid)
                return m_cli.failed(valid.error());
        }
        if (m_cli.args().has(QStringLiteral("api-key-stdin"))) {
            const QString key = QString::fromUtf8(m_cli.readInput()).trimmed();
            if (key.isEmpty())
                return m_cli.usage(tr("--api-key-stdin reads the API key from standard input, but it was empty."));
            if (const Status stored = m_cli.secrets().writeNow(QString::fromLatin1(GatewaySetup::ApiKeySecret), key); !stored)
                return m_cli.failed(stored.error());
        }
        Settings &settings = m_cli.profile().settings();
        settings.setGatewayProvider(provider);
        if (m_cli.args().has(QStringLiteral("username")))
            settings.setGatewayUsername(m_cli.args().value(QStringLiteral("username")));
        if (m_cli.args().has(QStringLiteral("sender-id")))
            settings.setGatewaySenderId(senderId);
        settings.setGatewayEnvironment(environment);
        if (m_cli.args().has(QStringLiteral("base-url")))
            settings.setGatewayBaseUrl(baseUrl.toString());
        if (rate >= 0)
            settings.setGatewayRatePerSecond(rate);
        if (m_cli.args().has(QStringLiteral("report-url")))
            settings.setSimulatorReportUrl(reportUrlText);
        settings.sync();
        if (Status recorded = m_cli.profile().access().record(
                {QStringLiteral("gateway.set"), QStringLiteral("gateway"), QStringLiteral("provider %1").arg(toText(provider))});
            !recorded)
            return m_cli.failed(recorded.error());
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("provider"), toText(provider)},
                                        {QStringLiteral("username"), settings.gatewayUsername()},
                                        {QStringLiteral("sender_id"), settings.gatewaySenderId()},
                                        {QStringLiteral("environment"), environment},
                                        {QStringLiteral("report_url"), settings.simulatorReportUrl()}});
        else
            m_cli.out() << (provider == GatewayKind::Simulator
                                ? tr("Messages now go to the simulator: no SMS leaves this computer.")
                                : tr("Messages now go to Africa's Talking (%1).").arg(environment))
                        << Qt::endl;
        return Done;
    }
    if (sub == QStringLiteral("balance") && words.size() == 1) {
        if (!m_cli.allowOnly({}))
            return BadUsage;
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        Settings &settings = m_cli.profile().settings();
        const GatewayKind provider = settings.gatewayProvider();
        const QString key = provider == GatewayKind::AfricasTalking ? GatewaySetup::apiKey(m_cli.secrets()) : QString();
        QString whyNot;
        std::unique_ptr<SmsGateway> gateway(GatewaySetup::factory(settings, key)(provider, &whyNot));
        if (!gateway)
            return m_cli.failed({ErrorCode::InvalidInput, whyNot});
        // The gateway's HTTP client gives up by itself when there is no answer.
        const Result<GatewayBalance> answer
            = EventLoopWait::forAnswer<Result<GatewayBalance>>([&](auto done) { gateway->balance(done); });
        if (!answer)
            return m_cli.failed(answer.error());
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("gateway"), gateway->displayName()},
                                        {QStringLiteral("balance"), answer->text},
                                        {QStringLiteral("simulation"), gateway->isSimulation()}});
        else
            m_cli.out() << tr("%1: balance %2").arg(gateway->displayName(), answer->text) << Qt::endl;
        return Done;
    }
    return m_cli.usage(tr("Use one of: gateway set --provider simulator|africastalking ..., gateway balance."));
}

} // namespace kengele
