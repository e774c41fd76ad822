// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// MainWindow, locking: File → Lock (Ctrl+L) and the idle lock hide the pages behind the lock screen
// until someone signs in again. (The tr() context stays "MainWindow".)
#include "MainWindow.h"

#include "profile/Profile.h"
#include "security/IdleWatcher.h"
#include "security/LockScreen.h"
#include "security/RoleGate.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"

#include <QAction>
#include <QDialog>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace kengele {

void MainWindow::buildLock(QWidget *content)
{
    StaffAccounts &staff = m_profile.staff();
    m_lockScreen = new LockScreen(staff, this);
    m_root = new QStackedWidget(this);
    m_root->setObjectName(QStringLiteral("rootStack"));
    m_root->addWidget(content);
    m_root->addWidget(m_lockScreen);
    setCentralWidget(m_root);
    connect(m_lockScreen, &LockScreen::unlocked, this, &MainWindow::unlock);

    m_idle = new IdleWatcher(this);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lock);
    connect(&m_profile.settings(), &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::IdleLockMinutes)
            updateLockState();
    });
    connect(&staff, &StaffAccounts::accountsChanged, this, &MainWindow::updateLockState);
    // Signed out elsewhere (the core locked): nothing stays on screen.
    connect(&staff, &StaffAccounts::signedInChanged, this, &MainWindow::updateLockState);
}

bool MainWindow::isLocked() const
{
    return m_root->currentWidget() == m_lockScreen;
}

void MainWindow::updateLockState()
{
    StaffAccounts &staff = m_profile.staff();
    const Result<bool> required = staff.signInRequired();
    const bool on = required && *required;
    if (m_lockAction)
        m_lockAction->setVisible(on);
    if (!on) {
        m_idle->stop();
        return;
    }
    // Someone signed in elsewhere (the sign-in dialog, another window): nothing is left to unlock.
    if (isLocked() && staff.signedIn()) {
        unlock();
        return;
    }
    if (!staff.signedIn() && !isLocked()) {
        showLockScreen(QString(), QString());
        return;
    }
    const int minutes = m_profile.settings().idleLockMinutes();
    m_idle->setInterval(minutes * 60 * 1000);
    if (!isLocked())
        m_idle->start();
}

void MainWindow::lock()
{
    StaffAccounts &staff = m_profile.staff();
    const Result<bool> required = staff.signInRequired();
    if (!required || !*required || isLocked())
        return;
    const std::optional<StaffAccount> who = staff.signedIn();
    showLockScreen(who ? who->userName : QString(), who ? who->displayName : QString());
    staff.lock(); // the audit trail has it
}

void MainWindow::showLockScreen(const QString &userName, const QString &displayName)
{
    m_idle->stop();
    // Dialogs open over the window (settings, a contact, sending) close without saving.
    for (QDialog *dialog : findChildren<QDialog *>()) {
        if (dialog->isVisible())
            dialog->reject();
    }
    m_lockScreen->setLockedBy(userName, displayName);
    m_root->setCurrentWidget(m_lockScreen);
    statusBar()->hide();
    menuBar()->setEnabled(false);
    // Their shortcuts too (Ctrl+N, Ctrl+F, Ctrl+,): nothing but the lock screen answers.
    m_lockedActions.clear();
    for (QAction *action : findChildren<QAction *>()) {
        if (action->isEnabled()) {
            action->setEnabled(false);
            m_lockedActions.append(action);
        }
    }
}

void MainWindow::unlock()
{
    // As far as the role of whoever signed in allows.
    for (const QPointer<QAction> &action : std::as_const(m_lockedActions)) {
        if (action)
            RoleGate::setEnabled(action, true);
    }
    m_lockedActions.clear();
    menuBar()->setEnabled(true);
    statusBar()->show();
    m_root->setCurrentIndex(0);
    updateLockState();
}

} // namespace kengele
