// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSettings>
#include <QString>
#include <QTime>

namespace kengele {

// Typed per-profile settings, kept in settings.ini inside the profile folder.
// Defaults live here and nowhere else. Secrets never go here (see SecretStore).
class Settings final
{
public:
    explicit Settings(const QString &filePath);

    // Region used to read numbers written without a country code (ISO 3166 alpha-2).
    QString phoneRegion() const;
    void setPhoneRegion(const QString &region);

    // Interface language: "en" or "sw".
    QString language() const;
    void setLanguage(const QString &language);

    // Gateway (DESIGN 3.7). The API key is NOT here: it lives in the OS keychain.
    QString gatewayProvider() const; // "simulator" (default) or "africastalking"
    void setGatewayProvider(const QString &provider);
    QString gatewayUsername() const;
    void setGatewayUsername(const QString &username);
    QString gatewaySenderId() const;
    void setGatewaySenderId(const QString &senderId);
    QString gatewayEnvironment() const; // "live" or "sandbox"
    void setGatewayEnvironment(const QString &environment);
    QString gatewayBaseUrl() const; // empty: the provider's own host
    void setGatewayBaseUrl(const QString &url);
    double gatewayRatePerSecond() const; // messages per second; 0: no limit
    // The simulator's delivery reports go to this address (a relay's at_delivery hook) instead of
    // straight to the outbox, so a demonstration shows the whole path; empty: straight.
    QString simulatorReportUrl() const;
    void setSimulatorReportUrl(const QString &url);
    void setGatewayRatePerSecond(double rate);

    // The relay this profile syncs with (docs/relay.md); empty: none. The device token is NOT here:
    // it lives in the OS keychain.
    QString relayUrl() const;
    void setRelayUrl(const QString &url);

    // Sending rules. Quiet hours: only urgent messages go out from start to end (local time; the
    // window may cross midnight; default 21:00 to 07:00). Equal start and end: no quiet hours.
    QTime quietHoursStart() const;
    QTime quietHoursEnd() const;
    void setQuietHours(const QTime &start, const QTime &end);
    bool hasQuietHours() const;
    // Messages go out at any hour (stored as 00:00 to 00:00).
    void setNoQuietHours();
    int maxSegmentsPerMessage() const;
    void setMaxSegmentsPerMessage(int segments);

    // A stable identity of this profile (made on first use): it names the profile's secrets in the
    // keychain, so two congregations on one computer never share an API key.
    QString profileId();

    void sync();

private:
    void migrate();

    QSettings m_settings;
};

} // namespace kengele
