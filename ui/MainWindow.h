// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sync/RelaySyncStatus.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QAction;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;
class QListWidget;
class QStackedWidget;

namespace kengele {

class BackupScheduler;
class CampaignsPage;
class ChangeLog;
class ComputersBanner;
class ComputersWatcher;
class ContactsPage;
class DashboardPage;
class DispatchService;
class GroupsPage;
class IdleWatcher;
class InboxPage;
class LockScreen;
class Profile;
class RoleGate;
class RelaySyncService;
class ReportsPage;
struct RelayApplyReport;
class SecretStore;
class SyncEngine;
class TemplatesPage;
class TokenShop;
class TokensPage;
class WelcomePage;

// The window: a sidebar with "Send SMS…" on top, the pages (Dashboard, Contacts, Groups, Templates,
// Sent SMS, Inbox, Tokens, Reports) and Settings at the bottom; the page itself; and a status bar with the token balance,
// practice mode while the simulator is the gateway, and the relay's state ("Relay: connected · last
// sync 2 min ago"). A new profile opens on the welcome page (WelcomePage), which Help → Getting
// started shows again. Pages appear here only once they work; later ones (Prayer, ...) join the
// sidebar.
// The window is where the GUI is put together: the one widget that takes the Profile, it hands each
// page the services that page uses (docs/architecture.md §10) and never reaches past them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // The sidebar's rows, in order (also the pages' order in the stack); the welcome page has no row.
    // The window opens on the dashboard.
    enum Page {
        DashboardPageIndex,
        ContactsPageIndex,
        GroupsPageIndex,
        TemplatesPageIndex,
        CampaignsPageIndex,
        InboxPageIndex,
        TokensPageIndex,
        ReportsPageIndex,
        WelcomePageIndex
    };

    explicit MainWindow(Profile &profile, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The application's dispatcher (it outlives windows); nullptr while it is not running.
    void setDispatchService(DispatchService *dispatch);
    // Where the settings keep the API key; without one, the OS keychain of this profile.
    void setSecretStore(SecretStore *secrets);
    // The application's relay sync (it outlives windows); nullptr: none. The indicator follows it,
    // and the pages re-read what its events changed.
    void setRelaySyncService(RelaySyncService *sync);
    // The application's token shop (it outlives windows, and its purchases go on after a window
    // closes); nullptr: none, nothing can be bought.
    void setTokenShop(TokenShop *shop);
    // The application's backups (they outlive windows): Settings → Backups and the status bar's line.
    void setBackupScheduler(BackupScheduler *backups);
    // The application's sync between the church's computers (it outlives windows); nullptr: none.
    // The banner (waiting to be let in, another computer waiting), Settings → Computers and the
    // status bar's "In step with 2 other computers" follow it.
    void setSyncEngine(SyncEngine *engine);
    ComputersWatcher *computersWatcher() const { return m_computers; }
    ComputersBanner *computersBanner() const { return m_computersBanner; }
    QString syncIndicatorText() const;
    // Settings → Computers.
    void openComputersSettings();
    // "Buy tokens…" from anywhere (the Tokens page, the compose dialog when tokens are short):
    // the Buy dialog on `parent` (default: this window).
    void buyTokens(QWidget *parent = nullptr);
    // Shows this state in the relay indicator (the sync's own, or one the application knows, such
    // as a device token missing from the keychain).
    void showRelayStatus(const RelaySyncStatus &status);
    QString relayIndicatorText() const;

    void showPage(Page page);
    Page currentPage() const;
    DashboardPage *dashboardPage() const { return m_dashboardPage; }
    ContactsPage *contactsPage() const { return m_contactsPage; }
    GroupsPage *groupsPage() const { return m_groupsPage; }
    TemplatesPage *templatesPage() const { return m_templatesPage; }
    CampaignsPage *campaignsPage() const { return m_campaignsPage; }
    InboxPage *inboxPage() const { return m_inboxPage; }
    TokensPage *tokensPage() const { return m_tokensPage; }
    ReportsPage *reportsPage() const { return m_reportsPage; }
    WelcomePage *welcomePage() const { return m_welcomePage; }
    // What the person at the computer may do: every page greys the rest, and follows who that is.
    RoleGate *roleGate() const { return m_roles; }

    void openSettings();
    void openRelaySettings();
    // "Send SMS…": the compose dialog with these groups and people ticked (`practice`: in practice
    // mode whatever the gateway); after a send, the Sent SMS page shows it.
    void sendSms(const QList<qint64> &groupIds, const QList<qint64> &contactIds, bool practice = false);
    // The sidebar's "Send SMS…": with the group shown on the Groups page, or the people selected on
    // the Contacts page; otherwise with nobody ticked yet.
    void sendSmsToSelection();
    // Ctrl+F: the search box of the page shown.
    void focusSearch();

    // File → Lock (Ctrl+L), and the idle lock: with sign-in required, the pages, the menus and the
    // status bar give way to the lock screen until someone signs in (MainWindowLock.cpp).
    void lock();
    bool isLocked() const;
    LockScreen *lockScreen() const { return m_lockScreen; }
    // Tests set its interval and drive it.
    IdleWatcher *idleWatcher() const { return m_idle; }

Q_SIGNALS:
    // The person chose another interface language; the application rebuilds the window.
    void languageChangeRequested();
    // The gateway settings or the API key changed: the dispatcher must reconnect.
    void gatewaySettingsChanged();
    // Only the sending rate changed.
    void sendingRateChanged(double ratePerSecond);
    // This computer was connected to a relay (Settings → Relay): the sync must start again.
    void relayConnected();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Each in its own file: MainWindowSidebar.cpp, MainWindowActions.cpp, MainWindowStatusBar.cpp.
    QWidget *buildSidebar();
    void buildMenus();
    // Hands the role gate to every page (MainWindowActions.cpp).
    void gateByRole();
    void buildStatusBar();
    void buildLock(QWidget *content);
    // Sign-in turned on or off, someone signed out, the idle time changed: the Lock action, the
    // idle lock and the lock screen follow.
    void updateLockState();
    void showLockScreen(const QString &userName, const QString &displayName);
    void unlock();
    void updateStatus();
    void updateTokenStatus();
    void updateTokenAlerts();
    void updateGatewayStatus();
    void updateRelayIndicator();
    void updateSyncIndicator();
    void updateInboxLabel();
    void relayEventsApplied(int inbox, int deliveryReports, int optOuts);
    // Purchases changed and vouchers credited: the Tokens page follows, the status bar says so.
    void tokenEventsApplied(const RelayApplyReport &report);
    void openSettingsAt(int tab);
    SecretStore &secrets();
    void removeDemoCongregation();
    void showAbout();
    // Help → Support: the relay operator's support line (enterprise plan), or where help is.
    void showSupport();

    Profile &m_profile;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    DashboardPage *m_dashboardPage = nullptr;
    ContactsPage *m_contactsPage = nullptr;
    GroupsPage *m_groupsPage = nullptr;
    TemplatesPage *m_templatesPage = nullptr;
    CampaignsPage *m_campaignsPage = nullptr;
    InboxPage *m_inboxPage = nullptr;
    TokensPage *m_tokensPage = nullptr;
    ReportsPage *m_reportsPage = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    RoleGate *m_roles = nullptr;
    QStackedWidget *m_root = nullptr; // the window's content, or the lock screen
    LockScreen *m_lockScreen = nullptr;
    IdleWatcher *m_idle = nullptr;
    QAction *m_lockAction = nullptr;
    QList<QPointer<QAction>> m_lockedActions; // disabled while locked
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_settingsButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_simulation = nullptr;
    QLabel *m_tokens = nullptr;
    QLabel *m_tokenAlert = nullptr;
    QTimer *m_tokenTimer = nullptr;
    QToolButton *m_relay = nullptr;
    QToolButton *m_sync = nullptr;
    ComputersWatcher *m_computers = nullptr;
    ComputersBanner *m_computersBanner = nullptr;
    std::unique_ptr<ChangeLog> m_changeLog;
    bool m_openComputersTab = false;
    QToolButton *m_relayRetry = nullptr;
    QToolButton *m_relayReconnect = nullptr;
    QTimer *m_relayTimer = nullptr;
    QPointer<RelaySyncService> m_relaySync;
    QPointer<TokenShop> m_tokenShop;
    RelaySyncStatus m_relayStatus;
    BackupScheduler *m_backups = nullptr;
    QList<QMetaObject::Connection> m_relayConnections;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<SecretStore> m_ownSecrets;
};

} // namespace kengele
