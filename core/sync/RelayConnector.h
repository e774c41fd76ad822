// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RelayEvent.h"
#include "common/Result.h"
#include "security/SecretStore.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <functional>

namespace kengele {

class RelayClient;
class RelayLinkStore;
class Settings;

// Connects a profile to a relay (docs/relay.md, "Desktop side"): the enrolment code is traded
// for a device token, which goes to the OS keychain; the URL goes to the profile's settings and
// the organisation to the database. The token is never written anywhere else, nor logged.
// The code works only once, so the keychain is tried (a throw-away entry written and removed)
// before it is sent; should the token still not be kept, the new device withdraws itself from the
// relay rather than stay there without a key.
class RelayConnector final
{
    Q_DECLARE_TR_FUNCTIONS(RelayConnector)

public:
    // The keychain key of the device token (namespaced per profile by the SecretStore).
    static constexpr char TokenSecret[] = "relay/device-token";
    // When set, used instead of the keychain (headless servers, tests).
    static constexpr char TokenVariable[] = "KENGELE_RELAY_TOKEN";
    // The throw-away entry that shows the keychain can keep the token before the code is spent.
    static constexpr char ProbeSecret[] = "relay/probe";

    RelayConnector(Settings &settings, SecretStore &secrets, RelayLinkStore &links, RelayClient &client);

    using Callback = std::function<void(Result<RelayEnrolment>)>;
    // Checks the URL and the keychain, enrols, stores token, URL and organisation. On failure
    // nothing is changed (a device enrolled whose token could not be kept is withdrawn again).
    void connectDevice(const QString &url, const QString &code, const QString &deviceName, Callback done);

    // KENGELE_RELAY_TOKEN when set, else the keychain's; empty when neither has one. Blocks
    // briefly on the keychain: not for the GUI thread (use SecretStore::read with TokenSecret there).
    static QString token(SecretStore &secrets);
    static QString tokenFromEnvironment();

private:
    // Writes and removes ProbeSecret: whether the keychain can keep a secret right now.
    void probeKeychain(SecretStore::WriteCallback done);
    void enrol(const QUrl &base, const QString &code, const QString &deviceName, Callback done);
    // The token to the keychain, the organisation and the URL to the profile.
    void keep(const QUrl &base, const RelayEnrolment &enrolment, const QString &deviceName, Callback done);
    void withdraw(const RelayEnrolment &enrolment, const QString &deviceName, const Error &why, Callback done);

    Settings &m_settings;
    SecretStore &m_secrets;
    RelayLinkStore &m_links;
    RelayClient &m_client;
};

} // namespace kengele
