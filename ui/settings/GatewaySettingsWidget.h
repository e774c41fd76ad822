// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QWidget>
#include <functional>
#include <memory>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace kengele {

class GatewayConnection;
class SecretStore;
class Settings;

// The "SMS gateway" settings: practice mode (the built-in simulator, the default: nothing leaves the
// computer) or Africa's Talking (username, live or sandbox, optional base URL, and the API key,
// which goes to the OS keychain and nowhere else), the sender ID, and a "Test connection" that
// asks the gateway for its balance. For practice mode, an optional relay hook address its delivery
// reports go through (Settings::simulatorReportUrl), to show the whole path in a demonstration.
// The sending speed is on Settings → Sending.
class GatewaySettingsWidget final : public QWidget
{
    Q_OBJECT

public:
    GatewaySettingsWidget(Settings &settings, SecretStore &secrets, QWidget *parent = nullptr);
    ~GatewaySettingsWidget() override;

    // Checks the form; the message says what to change. Also shown under the form.
    Status validate();
    // Stores the API key (when one was typed) in the keychain, then the settings; `done` runs when
    // both are done, or with the keychain's error (then nothing is stored).
    void save(const std::function<void(Status)> &done);
    // After save(): whether anything the sending depends on changed.
    bool gatewayChanged() const { return m_changed; }

    // Asks the gateway the form describes for its balance; the answer appears under the button.
    void testConnection();
    bool isTesting() const { return m_connection != nullptr; }
    QString testResultText() const;
    QString errorText() const;

Q_SIGNALS:
    void testFinished(bool ok);

private:
    enum class KeyState { Unknown, Reading, Saved, Missing, Unreadable };

    bool useAfricasTalking() const;
    void updateVisibility();
    void readKeyState();
    void showKeyState();
    void showError(const QString &text);
    void showTestResult(bool ok, const QString &text);
    void connectAndAsk(const QString &apiKey);
    QString settingsSignature() const;

    Settings &m_settings;
    SecretStore &m_secrets;
    KeyState m_keyState = KeyState::Unknown;
    bool m_changed = false;
    std::unique_ptr<GatewayConnection> m_connection;

    QRadioButton *m_simulator = nullptr;
    QRadioButton *m_africasTalking = nullptr;
    QLabel *m_simulationNotice = nullptr;
    QWidget *m_reportUrlBox = nullptr;
    QLineEdit *m_reportUrl = nullptr;
    QGroupBox *m_atBox = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QLabel *m_keyStateLabel = nullptr;
    QComboBox *m_environment = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_senderId = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace kengele
