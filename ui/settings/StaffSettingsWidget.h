// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

#include <utility>

class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace kengele {

class AuditLog;
class AuditTrailWidget;
class Settings;
class SettingsDialog;
class StaffAccounts;

// Settings → Staff and roles. While sign-in is off it says what that means and offers "Require
// sign-in…". Once on: the accounts (name, user name, role, disabled), what each role may do, and
// for administrators Add…, Change role…, Disable/Enable and Reset password…, plus the minutes
// after which an unused window locks itself; "Change my password…" is for everyone. Every change
// goes through StaffAccounts at once (the dialog's OK/Cancel do not undo it).
class StaffSettingsWidget final : public QWidget
{
    Q_OBJECT

public:
    StaffSettingsWidget(StaffAccounts &staff, Settings &settings, QWidget *parent = nullptr);

    // Adds "Staff and roles" and "Audit trail" to the settings dialog; returns the two tabs' indexes.
    static std::pair<int, int> addTo(SettingsDialog &dialog, StaffAccounts &staff, AuditLog &audit, Settings &settings);

    QTableWidget *table() const { return m_table; }
    // Chooses the row of this account; false when it is not listed.
    bool selectAccount(const QString &userName);

    // The buttons' jobs (each opens its dialog or asks first).
    void requireSignIn();
    void addAccount();
    void changeRole();
    void toggleDisabled();
    void resetPassword();
    void changeOwnPassword();

public Q_SLOTS:
    void reload();

private:
    QWidget *buildOffPage();
    QWidget *buildOnPage();
    void updateButtons();
    QString selectedUser() const;

    StaffAccounts &m_staff;
    Settings &m_settings;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_signedIn = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_role = nullptr;
    QPushButton *m_disable = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_ownPassword = nullptr;
    QLabel *m_adminOnly = nullptr;
    QSpinBox *m_idleMinutes = nullptr;
};

} // namespace kengele
