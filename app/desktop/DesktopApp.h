// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "sync/RelaySyncStatus.h"

#include <QCoreApplication>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace kengele {

class AuditAnchor;
class BackupScheduler;
class DispatchService;
class GatewayFactoryHolder;
class MainWindow;
class Profile;
class RelayClient;
class RelaySyncService;
class SyncEngine;
class SecretStore;
class TokenShop;
class TokenExpiryScheduler;

// Owns the open profile, the dispatcher that sends campaigns (on its own thread), the relay sync
// (delivery reports and incoming SMS), the token shop (buying tokens with M-Pesa) and the main window; rebuilds the window when
// the language changes, reconnects the dispatcher when the gateway settings change, and restarts the sync when this computer is
// connected to a relay.
class DesktopApp final : public QObject
{
    Q_OBJECT

public:
    // Where each opened profile keeps its secrets: the system keychain, or a test's store.
    using SecretStoreFactory = std::function<std::unique_ptr<SecretStore>(const QString &profileId)>;

    explicit DesktopApp(SecretStoreFactory secretStores = {});
    ~DesktopApp() override;

    // Opens the profile (creating the demo congregation on first start), shows the window and
    // starts sending what is due.
    Status start(const QString &profileDirectory);
    // The person quit at the sign-in dialog: start() opened nothing more, and the application ends.
    bool signInCancelled() const { return m_signInCancelled; }

    // What is open now (tests drive the application through them); nullptr while nothing is.
    Profile *profile() const { return m_profile.get(); }
    MainWindow *window() const;
    BackupScheduler *backupScheduler() const { return m_backupScheduler.get(); }

private:
    static constexpr int OfferRefreshMs = 6 * 60 * 60 * 1000;
    static constexpr int ReportCheckMs = 60 * 1000;
    // Stops everything that uses the profile, then closes it (at the end, and before a restore).
    void closeProfile();
    // Settings → Backups checked a restore: once no dialog is open, closes the profile, puts the
    // backup in its place and opens the profile again.
    void finishRestore();
    void refreshOffer();
    void showWindow();
    // Reads the API key (asynchronously: the keychain may take a while, or ask to be unlocked), then
    // (re)starts the dispatcher with the gateway the settings name.
    void startDispatch();
    void runDispatch(quint64 generation, const QString &apiKey);
    void stopDispatch();
    // Reads the relay's device token (asynchronously, like the API key), then (re)starts the sync
    // when the profile has a relay and a token.
    void startRelaySync();
    void runRelaySync(quint64 generation, const QString &token);
    // Reads the profile's data key from the keychain (or makes it) without blocking; until it has
    // answered, opening pastoral notes says so. A failed read is tried again at the next opening.
    void loadDataKey();
    // Scheduled reports: those missed while Kengele was closed run once at start, then each is run
    // when due (checked every ReportCheckMs). PDFs are drawn here, on the GUI thread (Qt Charts).
    void startReportSchedules();
    void runDueReports();

    SecretStoreFactory m_secretStores;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<SecretStore> m_secrets;
    std::shared_ptr<GatewayFactoryHolder> m_factory;
    std::unique_ptr<DispatchService> m_dispatch;
    quint64 m_generation = 0;
    std::unique_ptr<QNetworkAccessManager> m_relayNetwork;
    std::unique_ptr<RelayClient> m_relayClient;
    std::unique_ptr<RelaySyncService> m_relaySync;
    // The congregation's shared data between its computers: its own client (its long poll and
    // pushes are not held up behind the event feed's).
    std::unique_ptr<RelayClient> m_syncClient;
    std::unique_ptr<SyncEngine> m_syncEngine;
    // Buying tokens: its own client (a purchase's request is not held up behind the feed's long
    // poll), with the same address and key as the sync's.
    std::unique_ptr<RelayClient> m_shopClient;
    std::unique_ptr<TokenShop> m_tokenShop;
    // Sends the audit trail's head to the relay once a day, after a sync (the shop's client).
    std::unique_ptr<AuditAnchor> m_auditAnchor;
    // Expires the tokens whose validity ended, at start and after each midnight.
    std::unique_ptr<TokenExpiryScheduler> m_tokenExpiry;
    // Reads the relay's plans and feature locks again while connected (OfferRefreshMs).
    QTimer *m_offerRefresh = nullptr;
    // Runs the scheduled reports that are due (ReportCheckMs).
    QTimer *m_reportTimer = nullptr;
    quint64 m_relayGeneration = 0;
    // What the indicator shows when the sync cannot start (the device token is missing).
    std::optional<RelaySyncStatus> m_relayProblem;
    bool m_signInCancelled = false;
    QPointer<MainWindow> m_window;
    // Backups into the backup folder, daily while Kengele runs.
    std::unique_ptr<BackupScheduler> m_backupScheduler;
    // The data key as the keychain last answered (shared with the pastoral notes' key source).
    // Written on the GUI thread when the keychain answers; read by the importer's worker thread too.
    struct DataKeyState {
        QMutex mutex;
        std::optional<Result<QByteArray>> key;
        bool asking = false;
    };
    std::shared_ptr<DataKeyState> m_dataKey;
};

} // namespace kengele
