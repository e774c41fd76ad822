// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// MainWindow, its status bar: counts, practice mode, token balance and warnings, and the relay's
// state with what it offers. (The tr() context stays "MainWindow".)
#include "MainWindow.h"

#include "campaigns/CampaignText.h"
#include "campaigns/CampaignsPage.h"
#include "common/Clock.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/ContactsPage.h"
#include "contacts/GroupService.h"
#include "inbox/InboxPage.h"
#include "inbox/InboxService.h"
#include "inbox/RelayStatusText.h"
#include "profile/Profile.h"
#include "reports/DashboardPage.h"
#include "settings/BackupStatusLabel.h"
#include "settings/Settings.h"
#include "sync/ComputersBanner.h"
#include "sync/ComputersWatcher.h"
#include "sync/RelaySyncService.h"
#include "sync/TokenShop.h"
#include "tokens/TokenAccount.h"
#include "tokens/TokenInsights.h"
#include "tokens/TokenLedger.h"
#include "tokens/TokensPage.h"
#include "tokens/TokensText.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"

#include <QLabel>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace kengele {

void MainWindow::buildStatusBar()
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_status);
    auto *simulation = new Banner(Banner::Kind::Info, CampaignText::simulationLabel(), this);
    simulation->setCompact(true);
    m_simulation = simulation;
    m_simulation->setObjectName(QStringLiteral("simulationStatusLabel"));
    m_simulation->setToolTip(tr("Practice mode: Kengele only pretends to send, and no tokens are used. To send real SMS, choose "
                                "Africa's Talking in Settings → SMS gateway."));
    statusBar()->addPermanentWidget(m_simulation);
    // A budget below its warning level, running out or about to lose tokens to expiry.
    auto *tokenAlert = new Banner(Banner::Kind::Warning, this);
    tokenAlert->setCompact(true);
    tokenAlert->setTextFormat(Qt::PlainText);
    m_tokenAlert = tokenAlert;
    m_tokenAlert->setObjectName(QStringLiteral("tokenAlertLabel"));
    m_tokenAlert->hide();
    statusBar()->addPermanentWidget(m_tokenAlert);
    m_tokens = new QLabel(this);
    m_tokens->setObjectName(QStringLiteral("tokenBalanceLabel"));
    statusBar()->addPermanentWidget(m_tokens);
    m_relay = new QToolButton(this);
    m_relay->setObjectName(QStringLiteral("relayStatusButton"));
    m_relay->setAutoRaise(true);
    m_relay->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_relay, &QToolButton::clicked, this, &MainWindow::openRelaySettings);
    statusBar()->addPermanentWidget(m_relay);
    // The church's other computers: "In step with 2 other computers", "Waiting to be let in".
    m_sync = new QToolButton(this);
    m_sync->setObjectName(QStringLiteral("syncStatusButton"));
    m_sync->setAutoRaise(true);
    m_sync->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_sync->hide();
    connect(m_sync, &QToolButton::clicked, this, &MainWindow::openComputersSettings);
    statusBar()->addPermanentWidget(m_sync);
    m_relayRetry = new QToolButton(this);
    m_relayRetry->setObjectName(QStringLiteral("relayRetryButton"));
    m_relayRetry->setText(tr("Try again"));
    m_relayRetry->setToolTip(tr("Try to reach the relay now instead of waiting."));
    m_relayRetry->hide();
    connect(m_relayRetry, &QToolButton::clicked, this, [this] {
        if (m_relaySync)
            m_relaySync->retryNow();
    });
    statusBar()->addPermanentWidget(m_relayRetry);
    // "Relay: this computer must be connected again" comes with the button that does it.
    m_relayReconnect = new QToolButton(this);
    m_relayReconnect->setObjectName(QStringLiteral("relayReconnectButton"));
    m_relayReconnect->setText(RelayStatusText::reconnectText());
    m_relayReconnect->setToolTip(tr("Enter a new enrolment code from your administrator in Settings → Relay."));
    m_relayReconnect->hide();
    connect(m_relayReconnect, &QToolButton::clicked, this, &MainWindow::openRelaySettings);
    statusBar()->addPermanentWidget(m_relayReconnect);
    // "last sync 2 min ago" grows older by itself.
    m_relayTimer = new QTimer(this);
    m_relayTimer->setInterval(30'000);
    connect(m_relayTimer, &QTimer::timeout, this, &MainWindow::updateRelayIndicator);
    m_relayTimer->start();
    connect(m_computers, &ComputersWatcher::changed, this, &MainWindow::updateSyncIndicator);
    connect(&m_profile.contacts(), &ContactService::contactsChanged, this, &MainWindow::updateStatus);
    connect(&m_profile.groups(), &GroupService::groupsChanged, this, &MainWindow::updateStatus);
    // Balances change with every batch the dispatcher records: show them a few times a second at most.
    m_tokenTimer = new QTimer(this);
    m_tokenTimer->setSingleShot(true);
    m_tokenTimer->setInterval(250);
    connect(m_tokenTimer, &QTimer::timeout, this, &MainWindow::updateTokenStatus);
    connect(&m_profile.tokens(), &TokenLedger::balancesChanged, m_tokenTimer, [this] {
        if (!m_tokenTimer->isActive())
            m_tokenTimer->start();
    });
}

void MainWindow::setRelaySyncService(RelaySyncService *sync)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_relayConnections))
        disconnect(connection);
    m_relayConnections.clear();
    m_relaySync = sync;
    if (sync) {
        m_relayConnections << connect(sync, &RelaySyncService::statusChanged, this, &MainWindow::showRelayStatus)
                           << connect(sync, &RelaySyncService::eventsApplied, this, [this](const RelayApplyReport &report) {
                                  relayEventsApplied(report.inbox + report.optOuts + report.prayers, report.deliveryReports,
                                                     report.optOuts);
                                  tokenEventsApplied(report);
                              });
        m_relayStatus = sync->status();
    } else {
        m_relayStatus = RelaySyncStatus{};
    }
    updateRelayIndicator();
}

void MainWindow::showRelayStatus(const RelaySyncStatus &status)
{
    m_relayStatus = status;
    updateRelayIndicator();
}

QString MainWindow::relayIndicatorText() const
{
    return m_relay->text();
}

void MainWindow::updateRelayIndicator()
{
    const bool linked = !m_profile.settings().relayUrl().isEmpty();
    const RelayStatusText::Indicator indicator = RelayStatusText::indicator(m_relayStatus, linked, m_profile.clock().nowUtc());
    m_relay->setText(indicator.text);
    m_relay->setToolTip(indicator.toolTip);
    m_relayRetry->setVisible(indicator.state == RelayStatusText::State::Offline && m_relaySync);
    m_relayReconnect->setVisible(indicator.offersReconnect);
    const bool warn = indicator.state == RelayStatusText::State::Offline
        || indicator.state == RelayStatusText::State::NeedsEnrolment || indicator.state == RelayStatusText::State::NotConnected;
    Colours::setTone(m_relay, warn ? Colours::Tone::Error : Colours::Tone::Normal);
    m_inboxPage->setRelayConfigured(linked && indicator.state != RelayStatusText::State::NeedsEnrolment);
    m_inboxPage->setRelayIndicator(indicator);
}

void MainWindow::setSyncEngine(SyncEngine *engine)
{
    m_computers->setEngine(engine);
}

QString MainWindow::syncIndicatorText() const
{
    return m_sync->isHidden() ? QString() : m_sync->text();
}

void MainWindow::updateSyncIndicator()
{
    QString text;
    QString tip;
    bool warn = false;
    switch (m_computers->stage()) {
    case ComputersWatcher::Stage::NotConnected:
    case ComputersWatcher::Stage::Starting:
        break;
    case ComputersWatcher::Stage::Waiting:
        if (!m_computers->ownDataToChooseFor().isEmpty()) {
            text = tr("Let in — choose what happens to this computer's own data");
            tip = tr("See the notice at the top of the window.");
            break;
        }
        text = tr("Waiting to be let in");
        tip = ComputersBanner::waitingText(m_computers->newcomerCode());
        break;
    case ComputersWatcher::Stage::Joined:
    case ComputersWatcher::Stage::Member: {
        const int others = m_computers->otherComputers();
        if (m_computers->isOffline()) {
            text = tr("Offline — changes will be shared when the relay is reachable");
            tip = m_computers->lastProblem();
            warn = true;
        } else if (others > 0) {
            text = tr("In step with %n other computer(s)", nullptr, others);
            tip = tr("Contacts, groups and templates are shared with the church's other computers. Click to see them.");
        }
        if (const int waiting = int(m_computers->waitingComputers().size()); waiting > 0) {
            text = tr("%n computer(s) waiting to join", nullptr, waiting);
            tip = tr("Open Settings → Computers to let it in.");
            warn = false;
        }
        break;
    }
    }
    m_sync->setText(text);
    m_sync->setToolTip(tip);
    m_sync->setVisible(!text.isEmpty());
    Colours::setTone(m_sync, warn ? Colours::Tone::Error : Colours::Tone::Normal);
}

void MainWindow::relayEventsApplied(int inbox, int deliveryReports, int optOuts)
{
    if (inbox > 0)
        m_profile.inbox().notifyNewMessages();
    if (deliveryReports > 0)
        m_campaignsPage->refresh();
    if (optOuts > 0)
        m_contactsPage->model()->reload();
    if (inbox > 0 || deliveryReports > 0 || optOuts > 0)
        m_dashboardPage->refreshSoon();
}

void MainWindow::tokenEventsApplied(const RelayApplyReport &report)
{
    if (report.purchases > 0 || !report.credited.isEmpty()) {
        if (m_tokenShop)
            m_tokenShop->notifyPurchasesChanged(); // the Tokens page and an open Buy dialog follow
        else
            m_tokensPage->reloadPurchases();
    }
    if (report.credited.isEmpty())
        return;
    QStringList arrived;
    for (const CreditedVoucher &voucher : report.credited)
        arrived << TokensText::arrived(voucher);
    statusBar()->showMessage(arrived.join(u' '), 30'000);
}

void MainWindow::updateStatus()
{
    const Result<int> contacts = m_profile.contacts().count();
    const auto groups = m_profile.groups().list();
    m_status->setText(tr("%n contact(s)", nullptr, contacts ? *contacts : 0) + QStringLiteral("  ·  ")
                      + tr("%n group(s)", nullptr, groups ? int(groups->size()) : 0));
}

void MainWindow::updateTokenStatus()
{
    const Result<QList<TokenAccount>> accounts = m_profile.tokens().budgetAccounts();
    if (!accounts) {
        m_tokens->setText(tr("Tokens: unknown"));
        m_tokens->setToolTip(accounts.error().message);
        return;
    }
    qint64 total = 0;
    QStringList lines;
    for (const TokenAccount &account : *accounts) {
        total += account.balance;
        lines << tr("%1: %2").arg(tokenAccountLabel(account.name), CampaignText::number(account.balance));
    }
    m_tokens->setText(tr("Tokens: %1").arg(CampaignText::number(total)));
    updateTokenAlerts();
    m_tokens->setToolTip(tr("Tokens left to send SMS (one token is one SMS part to one person):") + u'\n' + lines.join(u'\n'));
}

void MainWindow::updateTokenAlerts()
{
    const Result<QList<TokenAlert>> alerts = m_profile.insights().alerts();
    if (!alerts || alerts->isEmpty()) {
        m_tokenAlert->hide();
        return;
    }
    QStringList all;
    for (const TokenAlert &alert : *alerts)
        all << alert.message;
    // A few words in the bar (it is shared with the relay and practice mode), every sentence in its
    // tooltip and on the Tokens page.
    const TokenAlert &first = alerts->constFirst();
    QString text;
    if (alerts->size() > 1)
        text = tr("%n token warning(s)", nullptr, int(alerts->size()));
    else if (first.kind == TokenAlert::Kind::Expiring)
        text = tr("Tokens expire soon");
    else if (first.kind == TokenAlert::Kind::ScheduledNeed)
        text = tr("Tokens short for campaigns");
    else
        //: The status bar when one budget is below its warning level or runs out soon: "Youth: tokens low"
        text = tr("%1: tokens low").arg(tokenAccountLabel(first.account));
    m_tokenAlert->setText(text);
    m_tokenAlert->setToolTip(all.join(u'\n') + u'\n' + tr("More on the Tokens page."));
    m_tokenAlert->show();
}

void MainWindow::updateGatewayStatus()
{
    m_simulation->setVisible(CampaignText::isSimulation(m_profile.settings().gatewayProvider()));
}

void MainWindow::setBackupScheduler(BackupScheduler *backups)
{
    m_backups = backups;
    m_computers->setBackups(backups);
    if (m_backups)
        statusBar()->addPermanentWidget(new BackupStatusLabel(*m_backups, m_profile.clock(), this));
}

} // namespace kengele
