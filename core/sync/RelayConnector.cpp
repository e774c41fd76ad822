// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayConnector.h"

#include "RelayClient.h"
#include "RelayLinkStore.h"
#include "SyncLog.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"

namespace kengele {

RelayConnector::RelayConnector(Settings &settings, SecretStore &secrets, RelayLinkStore &links, RelayClient &client)
    : m_settings(settings)
    , m_secrets(secrets)
    , m_links(links)
    , m_client(client)
{ }

QString RelayConnector::tokenFromEnvironment()
{
    return qEnvironmentVariable(TokenVariable).trimmed();
}

QString RelayConnector::token(SecretStore &secrets)
{
    QString fromEnvironment = tokenFromEnvironment();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const Result<QString> stored = secrets.readNow(QString::fromLatin1(TokenSecret));
    return stored ? *stored : QString();
}

void RelayConnector::connectDevice(const QString &url, const QString &code, const QString &deviceName, Callback done)
{
    const RelayResult<QUrl> parsed = RelayClient::parseUrl(url);
    if (!parsed) {
        done(std::unexpected(parsed.error().toError()));
        return;
    }
    if (code.trimmed().isEmpty()) {
        done(fail(ErrorCode::InvalidInput, tr("Type the enrolment code your administrator gave you (it looks like KGL-…).")));
        return;
    }
    const QUrl &base = *parsed;
    m_client.setBaseUrl(base);
    m_client.enrol(code, deviceName, [this, base, done = std::move(done)](RelayResult<RelayEnrolment> enrolled) mutable {
        if (!enrolled) {
            done(std::unexpected(enrolled.error().toError()));
            return;
        }
        const RelayEnrolment enrolment = *enrolled;
        m_secrets.write(QString::fromLatin1(TokenSecret), enrolment.token,
                        [this, base, enrolment, done = std::move(done)](Status stored) {
                            if (!stored) {
                                done(fail(stored.error().code,
                                          tr("This computer was enrolled, but its key could not be kept in the system's password "
                                             "store: %1 Ask for a new enrolment code and try again.")
                                              .arg(stored.error().message)));
                                return;
                            }
                            if (const Status saved = m_links.saveEnrolment(enrolment); !saved) {
                                done(std::unexpected(saved.error()));
                                return;
                            }
                            m_settings.setRelayUrl(base.toString());
                            m_settings.sync();
                            m_client.setToken(enrolment.token);
                            qCInfo(lcSync) << "connected to the relay as" << enrolment.device;
                            done(enrolment);
                        });
    });
}

} // namespace kengele
