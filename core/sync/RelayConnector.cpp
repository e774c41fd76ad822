// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayConnector.h"

#include "RelayClient.h"
#include "RelayLinkStore.h"
#include "SyncLog.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"

#include <QUuid>

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
    // The code works once: spent while the keychain cannot keep the token it buys, it would leave
    // an enrolled computer on the relay whose key is lost. So the keychain is tried first.
    probeKeychain([this, base = *parsed, code, deviceName, done = std::move(done)](Status usable) mutable {
        if (!usable) {
            qCWarning(lcSync) << "the keychain cannot save; the enrolment code was not sent";
            done(fail(usable.error().code,
                      tr("Kengele cannot keep this computer's relay key in the system's password store. %1 The enrolment "
                         "code was not used and still works: once the password store works (it may need to be unlocked), "
                         "connect again.")
                          .arg(usable.error().message)));
            return;
        }
        enrol(base, code, deviceName, std::move(done));
    });
}

void RelayConnector::probeKeychain(SecretStore::WriteCallback done)
{
    const QString probe = QString::fromLatin1(ProbeSecret);
    m_secrets.write(probe, QUuid::createUuid().toString(QUuid::WithoutBraces), [this, probe, done](Status written) {
        if (!written) {
            done(written);
            return;
        }
        m_secrets.remove(probe, done);
    });
}

void RelayConnector::enrol(const QUrl &base, const QString &code, const QString &deviceName, Callback done)
{
    m_client.setBaseUrl(base);
    m_client.enrol(code, deviceName, [this, base, deviceName, done = std::move(done)](RelayResult<RelayEnrolment> enrolled) {
        if (!enrolled) {
            done(std::unexpected(enrolled.error().toError()));
            return;
        }
        keep(base, *enrolled, deviceName, done);
    });
}

void RelayConnector::keep(const QUrl &base, const RelayEnrolment &enrolment, const QString &deviceName, Callback done)
{
    m_secrets.write(QString::fromLatin1(TokenSecret), enrolment.token, [this, base, enrolment, deviceName, done](Status stored) {
        if (!stored) {
            withdraw(enrolment, deviceName, stored.error(), done);
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
}

void RelayConnector::withdraw(const RelayEnrolment &enrolment, const QString &deviceName, const Error &why, Callback done)
{
    // The keychain worked a moment ago (connectDevice) but did not keep the token: without it this
    // computer can never use the enrolment, so it withdraws it with the token while it still has it.
    qCWarning(lcSync) << "the device token could not be kept; withdrawing device" << enrolment.device << "from the relay";
    const QString name = deviceName.trimmed().isEmpty() ? enrolment.device : deviceName.trimmed();
    m_client.revokeDevice(enrolment.token, [why, name, done = std::move(done)](RelayResult<void> revoked) {
        if (revoked) {
            done(fail(why.code,
                      tr("Kengele could not keep this computer's relay key in the system's password store. %1 The enrolment "
                         "was undone on the relay, but the enrolment code has been used: once the password store works, ask "
                         "your administrator for a new enrolment code.")
                          .arg(why.message)));
            return;
        }
        qCWarning(lcSync) << "the device could not be withdrawn:" << int(revoked.error().kind);
        done(fail(why.code,
                  tr("Kengele could not keep this computer's relay key in the system's password store. %1 The enrolment "
                     "code has been used, and the relay still lists this computer as “%2” although it has no key. Ask your "
                     "administrator to remove “%2” from the relay and to give you a new enrolment code.")
                      .arg(why.message, name)));
    });
}

} // namespace kengele
