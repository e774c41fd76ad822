// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DesktopApp.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "backup/BackupScheduler.h"
#include "backup/PendingRestore.h"
#include "campaigns/CampaignService.h"
#include "campaigns/DispatchService.h"
#include "campaigns/GatewaySetup.h"
#include "common/Clock.h"
#include "common/Language.h"
#include "common/Log.h"
#include "contacts/ForgottenOptOuts.h"
#include "contacts/PastoralNotes.h"
#include "demo/DemoCongregation.h"
#include "profile/Profile.h"
#include "reports/ReportPdfWriter.h"
#include "reports/ReportSchedules.h"
#include "security/DataKey.h"
#include "security/KeychainSecretStore.h"
#include "security/SignInDialog.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "sync/AuditAnchor.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelaySyncService.h"
#include "sync/SyncEngine.h"
#include "sync/TokenShop.h"
#include "tokens/TokenExpiryScheduler.h"

#include <QApplication>
#include <QDir>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

#include <optional>

namespace kengele {

// The gateway factory behind the application's one DispatchService, swapped (while the dispatcher
// is stopped) when the gateway settings change. The DispatchService itself is made once: a new one
// could get the old one's address, and with it the name of a database connection that belongs to
// a thread that has ended (Database names connections by thread).
class GatewayFactoryHolder final
{
public:
    void set(Dispatcher::GatewayFactory factory)
    {
        QMutexLocker locker(&m_mutex);
        m_factory = std::move(factory);
    }

    SmsGateway *make(GatewayKind gateway, QString *whyNot)
    {
        Dispatcher::GatewayFactory factory;
        {
            QMutexLocker locker(&m_mutex);
            factory = m_factory;
        }
        return factory ? factory(gateway, whyNot) : nullptr;
    }

private:
    QMutex m_mutex;
    Dispatcher::GatewayFactory m_factory;
};

DesktopApp::DesktopApp(SecretStoreFactory secretStores)
    : m_secretStores(std::move(secretStores))
    , m_factory(std::make_shared<GatewayFactoryHolder>())
{
    if (!m_secretStores) {
        m_secretStores = [](const QString &profileId) -> std::unique_ptr<SecretStore> {
            return std::make_unique<KeychainSecretStore>(QStringLiteral(KENGELE_APP_ID), profileId);
        };
    }
}

DesktopApp::~DesktopApp()
{
    closeProfile();
}

MainWindow *DesktopApp::window() const
{
    return m_window.data();
}

void DesktopApp::closeProfile()
{
    delete m_window;
    // Sending stops before the profile closes; what was not sent waits for the next start.
    m_dispatch.reset();
    ++m_generation;
    // The sync saves each batch with its cursor in one transaction: stopping loses nothing.
    ++m_relayGeneration;
    m_relaySync.reset();
    m_syncEngine.reset();
    m_syncClient.reset();
    m_auditAnchor.reset();
    m_tokenShop.reset();
    m_shopClient.reset();
    m_relayClient.reset();
    m_relayNetwork.reset();
    m_tokenExpiry.reset();
    delete m_offerRefresh;
    m_offerRefresh = nullptr;
    delete m_reportTimer;
    m_reportTimer = nullptr;
    if (m_profile)
        m_profile->reportSchedules().setDocumentWriter({});
    m_relayProblem.reset();
    m_backupScheduler.reset();
    m_dataKey.reset();
    if (m_profile)
        m_profile->forgottenOptOuts().setKeySource({});
    m_secrets.reset();
    m_profile.reset();
    // A keychain read still under way answers into nothing: its callbacks check that this still exists.
}

void DesktopApp::finishRestore()
{
    // Not under a dialog (Settings is closing): the window it belongs to goes.
    if (QApplication::activeModalWidget()) {
        QTimer::singleShot(100, this, &DesktopApp::finishRestore);
        return;
    }
    std::unique_ptr<PendingRestore> pending = m_backupScheduler ? m_backupScheduler->takeStagedRestore() : nullptr;
    if (!pending)
        return;
    const QString directory = m_profile->directory();
    qCInfo(lcUi) << "restoring a backup: closing the profile";
    // The window goes and a new one comes: the application must not end in between.
    const bool quitOnLastWindow = QApplication::quitOnLastWindowClosed();
    QApplication::setQuitOnLastWindowClosed(false);
    closeProfile();
    const Result<QString> previous = pending->swapIn();
    pending.reset();
    const Status started = start(directory);
    QApplication::setQuitOnLastWindowClosed(quitOnLastWindow);
    if (!started) {
        MessageBox::warning(nullptr, QStringLiteral("Kengele"), started.error().message);
        QApplication::quit();
        return;
    }
    if (!previous)
        MessageBox::warning(m_window, tr("Restore a backup"), previous.error().message);
    else
        MessageBox::information(
            m_window, tr("Restore a backup"),
            tr("The backup was restored. The data as it was before is kept in %1.").arg(QDir::toNativeSeparators(*previous)));
}

Status DesktopApp::start(const QString &profileDirectory)
{
    auto opened = Profile::open(profileDirectory, Clock::system());
    if (!opened)
        return std::unexpected(opened.error());
    m_profile = std::move(*opened);
    if (m_profile->isNew()) {
        if (Status seeded = DemoCongregation::populate(*m_profile); !seeded)
            return seeded;
        qCInfo(lcUi) << "created a new profile with the demo congregation";
    }
    m_secrets = m_secretStores(m_profile->settings().profileId());
    loadDataKey();
    Language::install(m_profile->settings().language());
    // With sign-in required, nobody gets past this without a user name and password (Quit ends here).
    const Result<bool> signIn = m_profile->staff().signInRequired();
    if (!signIn)
        return std::unexpected(signIn.error());
    if (*signIn) {
        SignInDialog dialog(m_profile->staff());
        if (dialog.exec() != QDialog::Accepted) {
            m_signInCancelled = true;
            return {};
        }
    }
    m_relayNetwork = std::make_unique<QNetworkAccessManager>();
    // A redirect would take the device token elsewhere (RelayClient refuses them per request too).
    m_relayNetwork->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_relayClient = std::make_unique<RelayClient>(*m_relayNetwork);
    m_relaySync = std::make_unique<RelaySyncService>(m_profile->database(), m_profile->contacts(), m_profile->tokens(),
                                                     *m_relayClient, m_profile->clock());
    m_syncClient = std::make_unique<RelayClient>(*m_relayNetwork);
    m_syncEngine = std::make_unique<SyncEngine>(m_profile->database(), *m_secrets, *m_syncClient, m_profile->clock());
    m_syncEngine->setAccess(&m_profile->access());
    // Staff accounts are shared: a role changed, an account disabled or the first accounts arriving
    // on another computer's changes reach the signed-in person and the window (its sign-in screen).
    connect(m_syncEngine.get(), &SyncEngine::changesApplied, &m_profile->staff(), &StaffAccounts::refresh);
    // Let in after choosing to start from the church's data: this computer's accounts were set aside.
    connect(m_syncEngine.get(), &SyncEngine::joined, &m_profile->staff(), &StaffAccounts::refresh);
    connect(m_syncEngine.get(), &SyncEngine::failed, this,
            [](const QString &reason) { qCInfo(lcUi) << "sharing changes with the other computers:" << reason; });
    m_shopClient = std::make_unique<RelayClient>(*m_relayNetwork);
    m_tokenShop = std::make_unique<TokenShop>(m_profile->database(), *m_shopClient, m_profile->clock());
    m_tokenShop->setAccess(&m_profile->access());
    m_auditAnchor = std::make_unique<AuditAnchor>(m_profile->audit(), m_profile->settings(), *m_shopClient, m_profile->clock());
    m_auditAnchor->follow(*m_relaySync);
    m_tokenExpiry = std::make_unique<TokenExpiryScheduler>(m_profile->tokens(), m_profile->clock());
    m_tokenExpiry->start();
    m_backupScheduler
        = std::make_unique<BackupScheduler>(m_profile->backups(), m_profile->settings(), *m_secrets, m_profile->clock());
    connect(m_backupScheduler.get(), &BackupScheduler::restoreStaged, this, &DesktopApp::finishRestore, Qt::QueuedConnection);
    connect(m_backupScheduler.get(), &BackupScheduler::automaticFailed, this,
            [](const QString &reason) { qCWarning(lcUi) << "automatic backup failed:" << reason; });
    // The relay's operator may change prices or turn feature locks on or off: read the offer when
    // the link starts and every few hours after; a failure only keeps the last answer.
    m_offerRefresh = new QTimer(this);
    m_offerRefresh->setInterval(OfferRefreshMs);
    connect(m_offerRefresh, &QTimer::timeout, this, &DesktopApp::refreshOffer);
    showWindow();
    startDispatch();
    startRelaySync();
    m_backupScheduler->start();
    startReportSchedules();
    return {};
}

void DesktopApp::startReportSchedules()
{
    Settings *settings = &m_profile->settings();
    m_profile->reportSchedules().setDocumentWriter([settings](const QString &path, const ReportDocument &document) {
        return ReportPdfWriter::write(path, document, ReportPageSetup::fromSettings(*settings));
    });
    m_reportTimer = new QTimer(this);
    m_reportTimer->setInterval(ReportCheckMs);
    connect(m_reportTimer, &QTimer::timeout, this, &DesktopApp::runDueReports);
    m_reportTimer->start();
    // Missed ones (the computer was off) run once, as soon as the window is up.
    QTimer::singleShot(0, this, &DesktopApp::runDueReports);
}

void DesktopApp::runDueReports()
{
    if (!m_profile)
        return;
    // Checking is one indexed read; a report that is due is worked out and drawn here (charts
    // need the GUI thread) and its SMS summary queued: tens of milliseconds for a summary report
    // (docs/architecture.md, "Scheduled reports"), once a day at most per schedule.
    ReportSchedules &schedules = m_profile->reportSchedules();
    const Result<qint64> next = schedules.nextDue();
    if (!next || *next == 0 || *next > m_profile->clock().nowMs())
        return;
    const Result<QList<ReportRun>> runs = schedules.runDue(m_profile->clock().nowUtc());
    if (!runs) {
        qCWarning(lcReports) << "scheduled reports could not run:" << runs.error().message;
        return;
    }
    bool sms = false;
    for (const ReportRun &run : *runs)
        sms = sms || run.campaignId > 0;
    // The SMS summaries were queued: the sending thread sends them now.
    if (sms && m_dispatch)
        m_dispatch->wake();
}

void DesktopApp::loadDataKey()
{
    // A state of its own per opened profile: an answer for a profile closed since goes nowhere.
    m_dataKey = std::make_shared<DataKeyState>();
    // Asks the keychain (on the GUI thread only: that is where the keychain's jobs live).
    auto ask = [secrets = m_secrets.get()](const std::shared_ptr<DataKeyState> &state) {
        {
            const QMutexLocker lock(&state->mutex);
            if (state->asking)
                return;
            state->asking = true;
        }
        DataKey::loadOrCreate(*secrets, [weak = std::weak_ptr<DataKeyState>(state)](Result<QByteArray> key) {
            const std::shared_ptr<DataKeyState> answered = weak.lock();
            if (!answered)
                return;
            if (!key)
                qCWarning(lcUi) << "the data key for confidential notes could not be read from the keychain";
            const QMutexLocker lock(&answered->mutex);
            answered->asking = false;
            answered->key = std::move(key);
        });
    };
    ask(m_dataKey);
    // Pastoral notes and the numbers of forgotten people both use it; until the keychain has
    // answered (or after it failed, until it answers again) they say so rather than wait.
    const auto source = [weak = std::weak_ptr<DataKeyState>(m_dataKey), ask]() -> Result<QByteArray> {
        const std::shared_ptr<DataKeyState> state = weak.lock();
        bool askAgain = false;
        if (state) {
            const QMutexLocker lock(&state->mutex);
            if (state->key && *state->key)
                return *state->key;
            askAgain = !state->asking;
        }
        if (askAgain && QThread::currentThread() == QCoreApplication::instance()->thread())
            ask(state);
        return fail(ErrorCode::Keychain,
                    tr("The computer's password store has not given Kengele the key for confidential data yet. Make sure "
                       "it is unlocked, then try again in a moment."));
    };
    m_profile->pastoral().setKeySource(source);
    m_profile->forgottenOptOuts().setKeySource(source);
}

void DesktopApp::showWindow()
{
    QByteArray geometry;
    std::optional<MainWindow::Page> page;
    if (m_window) {
        geometry = m_window->saveGeometry();
        // A new language (Settings, perhaps opened from the welcome page) keeps the page shown.
        page = m_window->currentPage();
        m_window->deleteLater();
    }
    m_window = new MainWindow(*m_profile);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    m_window->setSecretStore(m_secrets.get());
    if (m_dispatch && m_dispatch->isRunning())
        m_window->setDispatchService(m_dispatch.get());
    m_window->setRelaySyncService(m_relaySync.get());
    m_window->setSyncEngine(m_syncEngine.get());
    m_window->setTokenShop(m_tokenShop.get());
    m_window->setBackupScheduler(m_backupScheduler.get());
    if (m_relayProblem)
        m_window->showRelayStatus(*m_relayProblem);
    if (!geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    if (page)
        m_window->showPage(*page);
    connect(m_window, &MainWindow::languageChangeRequested, this, [this] {
        Language::install(m_profile->settings().language());
        // Rebuild after the settings dialog has returned.
        QTimer::singleShot(0, this, &DesktopApp::showWindow);
    });
    connect(m_window, &MainWindow::gatewaySettingsChanged, this, [this] {
        stopDispatch();
        startDispatch();
    });
    connect(m_window, &MainWindow::relayConnected, this, &DesktopApp::startRelaySync);
    connect(m_window, &MainWindow::sendingRateChanged, this, [this](double rate) {
        if (m_dispatch)
            m_dispatch->setRate(rate);
    });
    m_window->show();
}

void DesktopApp::startDispatch()
{
    const quint64 generation = ++m_generation;
    Settings &settings = m_profile->settings();
    if (settings.gatewayProvider() != GatewayKind::AfricasTalking) {
        runDispatch(generation, QString());
        return;
    }
    // QtKeychain's job answers through the event loop: the window is not held up meanwhile.
    GatewaySetup::readApiKey(*m_secrets, [self = QPointer<DesktopApp>(this), generation](const QString &key) {
        if (self)
            self->runDispatch(generation, key);
    });
}

void DesktopApp::runDispatch(quint64 generation, const QString &apiKey)
{
    if (generation != m_generation)
        return;
    Settings &settings = m_profile->settings();
    m_factory->set(GatewaySetup::factory(settings, apiKey));
    if (!m_dispatch) {
        m_dispatch = std::make_unique<DispatchService>(
            m_profile->database(), m_profile->tokens(), m_profile->clock(),
            [holder = m_factory](GatewayKind gateway, QString *whyNot) { return holder->make(gateway, whyNot); },
            GatewaySetup::options(settings));
        connect(m_dispatch.get(), &DispatchService::failed, this,
                [](const QString &message) { qCWarning(lcCampaigns) << "sending stopped:" << message; });
        // New quiet hours (Settings → Sending): the running dispatcher follows at once.
        connect(&settings, &Settings::changed, m_dispatch.get(), [this](Settings::Key key) {
            if (key != Settings::Key::QuietHours)
                return;
            const Dispatcher::Options options = GatewaySetup::options(m_profile->settings());
            m_dispatch->setQuietHours(options.quietHours, options.respectQuietHours);
        });
    }
    m_dispatch->setRate(settings.gatewayRatePerSecond());
    m_dispatch->setCampaignLimits(m_profile->campaigns().limits());
    m_dispatch->start();
    qCInfo(lcCampaigns) << "sending through" << toText(settings.gatewayProvider());
    if (m_window)
        m_window->setDispatchService(m_dispatch.get());
}

void DesktopApp::stopDispatch()
{
    if (m_dispatch)
        m_dispatch->stop();
}

void DesktopApp::startRelaySync()
{
    const quint64 generation = ++m_relayGeneration;
    m_relaySync->stop();
    m_syncEngine->stop();
    m_offerRefresh->stop();
    m_relayProblem.reset();
    Settings &settings = m_profile->settings();
    // Until the new key is read, nothing is bought with the old one.
    m_shopClient->setToken(QString());
    m_shopClient->setBaseUrl(QUrl(settings.relayUrl()));
    m_tokenShop->notifyPurchasesChanged();
    if (settings.relayUrl().isEmpty()) {
        if (m_window)
            m_window->showRelayStatus(m_relaySync->status());
        return;
    }
    if (const QString token = RelayConnector::tokenFromEnvironment(); !token.isEmpty()) {
        runRelaySync(generation, token);
        return;
    }
    m_secrets->read(QString::fromLatin1(RelayConnector::TokenSecret),
                    [self = QPointer<DesktopApp>(this), generation](const Result<QString> &stored) {
                        if (self)
                            self->runRelaySync(generation, stored ? *stored : QString());
                    });
}

void DesktopApp::refreshOffer()
{
    m_tokenShop->refreshOffer([](const Result<ShopOffer> &offer) {
        if (!offer)
            qCInfo(lcUi) << "the relay's plans were not read again:" << offer.error().message;
    });
}

void DesktopApp::runRelaySync(quint64 generation, const QString &token)
{
    if (generation != m_relayGeneration)
        return;
    if (token.isEmpty()) {
        RelaySyncStatus status;
        status.needsEnrolment = true;
        status.lastError = tr("This computer's relay key is missing from the system's password store. Ask your administrator "
                              "for a new enrolment code and connect again in Settings → Relay.");
        m_relayProblem = status;
        qCWarning(lcUi) << "no relay device token in the keychain; sync not started";
        if (m_window)
            m_window->showRelayStatus(status);
        return;
    }
    m_relayClient->setBaseUrl(QUrl(m_profile->settings().relayUrl()));
    m_relayClient->setToken(token);
    m_shopClient->setBaseUrl(QUrl(m_profile->settings().relayUrl()));
    m_shopClient->setToken(token);
    // The Tokens page and an open Buy dialog look again: buying works from now on.
    m_tokenShop->notifyPurchasesChanged();
    m_relaySync->start();
    m_syncClient->setBaseUrl(QUrl(m_profile->settings().relayUrl()));
    m_syncClient->setToken(token);
    m_syncEngine->start();
    m_offerRefresh->start();
    QTimer::singleShot(0, this, &DesktopApp::refreshOffer);
}

} // namespace kengele
