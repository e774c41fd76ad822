// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QTabWidget;

namespace kengele {

class BackupScheduler;
class Clock;
class GatewaySettingsWidget;
class RelayLinkStore;
class RelaySettingsWidget;
class SecretStore;
class SendingSettingsWidget;
class Settings;

// Preferences of this profile: the interface language (the one on screen is the one chosen) and
// the country used for numbers written without a country code, the church's name and logo for
// printed reports (General), how SMS leave the
// computer (SMS gateway), and the relay that brings members' replies and delivery reports (Relay;
// connecting there takes effect at once), and when and how fast SMS go (Sending).
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Tab { GeneralTab, GatewayTab, RelayTab, SendingTab };

    // `secrets` keeps the API key and the relay's device token; `links` and `clock` are for the Relay tab.
    SettingsDialog(Settings &settings, SecretStore &secrets, RelayLinkStore &links, const Clock &clock,
                   QWidget *parent = nullptr);

    void showTab(Tab tab);
    // Settings → Backups (BackupSettingsWidget), last; its changes take effect at once.
    void addBackupsTab(BackupScheduler &scheduler, const Clock &clock);
    GatewaySettingsWidget *gatewaySettings() const { return m_gateway; }
    RelaySettingsWidget *relaySettings() const { return m_relay; }
    // For tabs added after the built-in ones (Staff and roles, Audit trail: StaffSettingsWidget::addTo).
    QTabWidget *tabs() const { return m_tabs; }

    void accept() override;
    // After accept(): whether the chosen language differs from the one on screen.
    bool languageChanged() const { return m_languageChanged; }
    // The gateway the dispatcher uses changed (provider, account or API key).
    bool gatewayChanged() const;
    bool gatewayRateChanged() const;

private:
    Settings &m_settings;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_region = nullptr;
    QLineEdit *m_organisationName = nullptr;
    QLineEdit *m_organisationLogo = nullptr;
    GatewaySettingsWidget *m_gateway = nullptr;
    RelaySettingsWidget *m_relay = nullptr;
    SendingSettingsWidget *m_sending = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_languageChanged = false;
    bool m_saving = false;
};

} // namespace kengele
