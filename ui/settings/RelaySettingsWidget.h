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

// Settings → Relay: what the relay does for them, in plain words; the relay's address and the
// one-time enrolment code an administrator gave, and "Connect" (RelayConnector: the code is traded
// for a device token, which goes to the keychain). Asynchronous: the window stays usable while the
// relay answers. Once connected it shows the organisation, the relay's address, the last sync and
// the sync's state — with its reason when it is not syncing, and "Reconnect…" when this computer
// must be connected again. Internal ids (org_…, dev_…) are never shown.
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
    // Shows this sync state (setRelaySyncService passes each change of the sync here).
    void showStatus(const RelaySyncStatus &status);

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
    void reconnect();

    Settings &m_settings;
    SecretStore &m_secrets;
    RelayLinkStore &m_links;
    const Clock &m_clock;
    QPointer<RelaySyncService> m_sync;
    QMetaObject::Connection m_syncConnection;
    RelaySyncStatus m_status;
    bool m_hasStatus = false;
    bool m_connecting = false;

    QGroupBox *m_linkBox = nullptr;
    QLabel *m_organisation = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_lastSync = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_reason = nullptr;
    QPushButton *m_reconnect = nullptr;
    QGroupBox *m_connectBox = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_connect = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace kengele
