// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Dispatcher.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace kengele {

class SecretStore;
class Settings;

// Turns a profile's gateway settings (and the API key from the keychain, or KENGELE_AT_API_KEY)
// into what the dispatcher needs: a gateway factory and its options.
class GatewaySetup final
{
    Q_DECLARE_TR_FUNCTIONS(GatewaySetup)

public:
    static constexpr char ApiKeySecret[] = "africastalking/api-key";

    // KENGELE_AT_API_KEY when set (headless servers, tests), else the keychain; empty when neither
    // has one. Blocks briefly on the keychain: not for the GUI thread.
    static QString apiKey(SecretStore &secrets);
    // The same without blocking (the GUI): `done` gets the key when the keychain answers (at once
    // when KENGELE_AT_API_KEY is set).
    static void readApiKey(SecretStore &secrets, std::function<void(const QString &)> done);
    static Dispatcher::GatewayFactory factory(Settings &settings, const QString &apiKey);
    static Dispatcher::Options options(Settings &settings);
};

} // namespace kengele
