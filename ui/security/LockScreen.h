// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kengele {

class Banner;
class StaffAccounts;

// What the window shows while it is locked, instead of its pages: Kengele's name, who locked it
// ("Locked by Mary Wanjiku"), a password field and "Sign in as someone else". No data of the
// profile is on it. Unlocking is a sign-in (StaffAccounts::signIn): unlocked() when it worked.
class LockScreen final : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(StaffAccounts &staff, QWidget *parent = nullptr);

    // Who was signed in when the window locked (empty: nobody); their password unlocks it.
    void setLockedBy(const QString &userName, const QString &displayName);
    QString lockedByText() const;

    // For tests and for the buttons: the user name asked for after "Sign in as someone else".
    void setUserName(const QString &userName);
    void setPassword(const QString &password);
    void signInAsSomeoneElse();
    void unlock();
    QString errorText() const;

Q_SIGNALS:
    void unlocked();

private:
    StaffAccounts &m_staff;
    QString m_lockedUser;
    QLabel *m_lockedBy = nullptr;
    QLabel *m_userNameLabel = nullptr;
    QLineEdit *m_userName = nullptr;
    QLineEdit *m_password = nullptr;
    Banner *m_error = nullptr;
    QPushButton *m_unlock = nullptr;
    QPushButton *m_someoneElse = nullptr;
};

} // namespace kengele
