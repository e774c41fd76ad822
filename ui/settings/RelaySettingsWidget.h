// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sync/RelaySyncStatus.h"

#include <QPointer>
#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kengele {

class Clock;
class RelayLinkStore;
class RelaySyncService;
class SecretStore;
class Settings;

// Settings → Relay: the relay's address and the one-time enrolment code an administrator gave,
// and "Connect" (RelayConnector: the code is traded for a device token, which goes to the
// keychain). Asynchronous: the window stays usable while the relay answers. Once connected it
// shows the organisation, this computer's name at the relay and the last sync.
class RelaySettingsWidget final : public QWidget
{
    Q_OBJECT

public:
    // `links` is where the enrolment is kept (and read back to show it).
    RelaySettingsWidget(Settings &settings, SecretStore &secrets, RelayLinkStore &links, const Clock &clock,
                        QWidget *parent = nullptr);
    ~RelaySettingsWidget() override;

    // The application's sync, for its state; nullptr: none is running.
    void setRelaySyncService(RelaySyncService *sync);

    // Connects with what the form says; `connected` or `connectFailed` follows.
    void connectDevice();
    bool isConnecting() const { return m_connecting; }
    QString resultText() const;
    QString connectionText() const;

Q_SIGNALS:
    void connected();
    void connectFailed(const QString &message);

private:
    void showLink();
    void showResult(bool ok, const QString &text);

    Settings &m_settings;
    SecretStore &m_secrets;
    RelayLinkStore &m_links;
    const Clock &m_clock;
    QPointer<RelaySyncService> m_sync;
    QMetaObject::Connection m_syncConnection;
    bool m_connecting = false;

    QGroupBox *m_linkBox = nullptr;
    QLabel *m_organisation = nullptr;
    QLabel *m_device = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_state = nullptr;
    QGroupBox *m_connectBox = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_connect = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace kengele
