// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "security/StaffAccounts.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kengele {

class Banner;

// The dialogs of Settings → Staff and roles, one per job: turning sign-in on (the first account, an
// administrator: your name, user name, password twice), adding an account (with a role), changing
// an account's role, setting a new password for someone, and changing your own. The core decides
// (strength, the last administrator, who may): its reason shows in red and the dialog stays open.
class StaffAccountDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { RequireSignIn, Add, ChangeRole, ResetPassword, ChangeOwnPassword };

    // `account`: whose role or password (ChangeRole, ResetPassword).
    StaffAccountDialog(StaffAccounts &staff, Mode mode, const StaffAccount &account = {}, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setDisplayName(const QString &name);
    void setUserName(const QString &userName);
    void setCurrentPassword(const QString &password);
    void setPasswords(const QString &password, const QString &again);
    void setRole(Role role);

    // Does it: accepts when the core agreed, otherwise shows why and returns false.
    bool submit();
    QString errorText() const;

private:
    QLineEdit *passwordEdit(const char *name, const QString &accessibleName);
    void showError(const QString &text);
    void updateRoleDescription();

    StaffAccounts &m_staff;
    Mode m_mode;
    StaffAccount m_account;
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_again = nullptr;
    QComboBox *m_role = nullptr;
    QLabel *m_roleDescription = nullptr;
    Banner *m_error = nullptr;
};

} // namespace kengele
