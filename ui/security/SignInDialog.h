// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace kengele {

class Banner;
class StaffAccounts;

// "Sign in to Kengele": shown at start when sign-in is required. User name and password; the core
// says what went wrong (wrong password, an account that is disabled, "wait N seconds" after too
// many tries) in a red line under them, and the dialog stays until a sign-in works or the person
// quits (rejected: the application ends).
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(StaffAccounts &staff, QWidget *parent = nullptr);

    void setUserName(const QString &userName);
    void setPassword(const QString &password);
    // Tries the user name and password: accepts the dialog when they are right, otherwise shows why.
    void signIn();
    // The reason shown for the last failure; empty when none.
    QString errorText() const;

private:
    StaffAccounts &m_staff;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_password = nullptr;
    Banner *m_error = nullptr;
    QPushButton *m_signIn = nullptr;
};

} // namespace kengele
