// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"

#include "WelcomePage.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignsPage.h"
#include "campaigns/ComposeCampaignDialog.h"
#include "campaigns/DispatchService.h"
#include "contacts/ContactForgetter.h"
#include "contacts/ContactService.h"
#include "contacts/ContactsPage.h"
#include "contacts/GroupService.h"
#include "groups/GroupsPage.h"
#include "inbox/InboxPage.h"
#include "inbox/InboxService.h"
#include "profile/Profile.h"
#include "reports/DashboardPage.h"
#include "reports/ReportsPage.h"
#include "security/KeychainSecretStore.h"
#include "security/RoleGate.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "sync/ChangeLog.h"
#include "sync/ComputersBanner.h"
#include "sync/ComputersWatcher.h"
#include "sync/RelayLinkStore.h"
#include "sync/TokenShop.h"
#include "templates/TemplateService.h"
#include "templates/TemplatesPage.h"
#include "tokens/TokensPage.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace kengele {

MainWindow::MainWindow(Profile &profile, QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kengele — church office messaging"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kengele.png")));

    m_roles = new RoleGate(&m_profile.staff(), this);
    m_dashboardPage = new DashboardPage(m_profile.database(), m_profile.settings(), m_profile.clock(), this);
    m_dashboardPage->setFeatureLocks(&m_profile.features());
    m_contactsPage = new ContactsPage(m_profile.contacts(), m_profile.groups(), m_profile.imports(), m_profile.exporter(), this);
    m_contactsPage->setPastoralNotes(&m_profile.pastoral());
    m_contactsPage->setForgetter(&m_profile.forgetter(), &m_profile.staff());
    m_groupsPage = new GroupsPage(m_profile.groups(), m_profile.contacts(), this);
    m_templatesPage = new TemplatesPage(m_profile.templates(), m_profile.contacts(), m_profile.clock(), this);
    ComposeServices compose{m_profile.campaigns(), m_profile.templates(), m_profile.groups(), m_profile.contacts(),
                            m_profile.tokens(),    m_profile.settings(),  m_profile.clock()};
    // "Not enough tokens" in the compose dialog offers "Buy tokens…".
    compose.buyTokens = [this](QWidget *parent, const QString &plan) {
        m_tokensPage->buyTokens(parent ? parent : this, plan);
    };
    m_campaignsPage = new CampaignsPage(compose, m_profile.outbox(), this);
    m_inboxPage = new InboxPage(m_profile.inbox(), m_profile.contacts(), m_profile.settings(), this);
    m_tokensPage = new TokensPage(m_profile.tokens(), m_profile.insights(), m_profile.clock(), this);
    m_tokensPage->setFeatureLocks(&m_profile.features());
    m_reportsPage = new ReportsPage({m_profile.builtInReports(), m_profile.reportRunner(), m_profile.savedReports(),
                                     m_profile.campaigns(), m_profile.settings(), m_profile.clock()},
                                    this);
    m_reportsPage->setSchedules(&m_profile.reportSchedules(), &m_profile.groups());
    m_reportsPage->setFeatureLocks(&m_profile.features());
    m_welcomePage = new WelcomePage(this);
    QWidget *sidebar = buildSidebar();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_dashboardPage);
    m_pages->addWidget(m_contactsPage);
    m_pages->addWidget(m_groupsPage);
    m_pages->addWidget(m_templatesPage);
    m_pages->addWidget(m_campaignsPage);
    m_pages->addWidget(m_inboxPage);
    m_pages->addWidget(m_tokensPage);
    m_pages->addWidget(m_reportsPage);
    m_pages->addWidget(m_welcomePage);
    connect(m_dashboardPage, &DashboardPage::sendSmsRequested, this, [this] { sendSms({}, {}); });
    // What the dashboard counts changed: it reads again (at once while shown, else when next shown).
    connect(&m_profile.campaigns(), &CampaignService::campaignsChanged, m_dashboardPage, &DashboardPage::refreshSoon);
    connect(&m_profile.contacts(), &ContactService::contactsChanged, m_dashboardPage, &DashboardPage::refreshSoon);
    connect(&m_profile.inbox(), &InboxService::inboxChanged, m_dashboardPage, &DashboardPage::refreshSoon);
    connect(m_contactsPage, &ContactsPage::sendSmsRequested, this,
            [this](const QList<qint64> &contactIds) { sendSms({}, contactIds); });
    connect(m_groupsPage, &GroupsPage::sendSmsRequested, this, [this](qint64 groupId) { sendSms({groupId}, {}); });
    connect(m_welcomePage, &WelcomePage::importRequested, this, [this] {
        showPage(ContactsPageIndex);
        m_contactsPage->importContacts();
    });
    connect(m_welcomePage, &WelcomePage::practiseRequested, this, [this] { sendSms({}, {}, true); });
    connect(m_welcomePage, &WelcomePage::goLiveRequested, this, [this] { openSettingsAt(SettingsDialog::GatewayTab); });
    connect(m_welcomePage, &WelcomePage::doneRequested, this, [this] { showPage(ContactsPageIndex); });
    connect(m_inboxPage, &InboxPage::replySent, this, [this] {
        // The reply is a campaign of one: the Campaigns page lists it and wakes the dispatcher.
        m_campaignsPage->refresh();
        if (DispatchService *dispatch = m_campaignsPage->dispatchService())
            dispatch->wake();
        statusBar()->showMessage(tr("Your reply is on its way. You can follow it on the Sent SMS page."), 8000);
    });
    connect(m_inboxPage, &InboxPage::relaySettingsRequested, this, &MainWindow::openRelaySettings);
    connect(m_tokensPage, &TokensPage::relaySettingsRequested, this, &MainWindow::openRelaySettings);
    // "Report…" on a campaign: its campaign report on the Reports page.
    connect(m_campaignsPage, &CampaignsPage::campaignReportRequested, this, [this](qint64 campaignId) {
        showPage(ReportsPageIndex);
        m_reportsPage->showCampaignReport(campaignId);
    });
    connect(&m_profile.inbox(), &InboxService::inboxChanged, this, &MainWindow::updateInboxLabel);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return; // the welcome page, which has no row
        // Leaving the template editor with unsaved text asks first.
        if (m_pages->currentWidget() == m_templatesPage && row != TemplatesPageIndex && !m_templatesPage->confirmLeave()) {
            QSignalBlocker blocker(m_sidebar);
            m_sidebar->setCurrentRow(TemplatesPageIndex);
            return;
        }
        m_pages->setCurrentIndex(row);
    });

    // The church's computers: a notice above the page while one waits to be let in.
    m_changeLog = std::make_unique<ChangeLog>(m_profile.database());
    m_computers = new ComputersWatcher(nullptr, m_profile.access(), this);
    m_computersBanner = new ComputersBanner(*m_computers, this);
    if (const Result<RelayLink> link = m_profile.relayLinks().load(); link)
        m_computersBanner->setChurchName(link->orgName);
    connect(m_computers, &ComputersWatcher::dataArrived, this, [this] {
        Q_EMIT m_profile.contacts().contactsChanged();
        Q_EMIT m_profile.groups().groupsChanged();
        Q_EMIT m_profile.templates().templatesChanged();
    });
    connect(m_computers, &ComputersWatcher::changed, this, [this] {
        if (m_computers->stage() == ComputersWatcher::Stage::Joined) {
            // Connected after the window opened: the church's name is known now.
            if (const Result<RelayLink> link = m_profile.relayLinks().load(); link)
                m_computersBanner->setChurchName(link->orgName);
            const Result<int> contacts = m_profile.contacts().count();
            m_computersBanner->setContactCount(contacts ? *contacts : 0);
        }
    });
    connect(m_computers, &ComputersWatcher::finished, this,
            [this](const QString &message, bool) { statusBar()->showMessage(message, 15'000); });
    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_computersBanner);
    column->addWidget(m_pages, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(sidebar);
    layout->addLayout(column, 1);
    buildLock(central);

    buildStatusBar();

    buildMenus();
    gateByRole();
    updateStatus();
    updateTokenStatus();
    updateGatewayStatus();
    updateRelayIndicator();
    updateInboxLabel();
    m_sidebar->setCurrentRow(DashboardPageIndex);
    updateLockState();
    // A new profile opens on the three steps to a first send, once; Help → Getting started has them.
    if (!m_profile.settings().welcomeShown()) {
        showPage(WelcomePageIndex);
        m_profile.settings().setWelcomeShown(true);
    }
    resize(1180, 760);
}

MainWindow::~MainWindow() = default;

void MainWindow::setDispatchService(DispatchService *dispatch)
{
    m_campaignsPage->setDispatchService(dispatch);
}

void MainWindow::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
}

void MainWindow::setTokenShop(TokenShop *shop)
{
    m_tokenShop = shop;
    m_tokensPage->setTokenShop(shop);
}

void MainWindow::buyTokens(QWidget *parent)
{
    m_tokensPage->buyTokens(parent ? parent : this);
}

SecretStore &MainWindow::secrets()
{
    if (m_secrets)
        return *m_secrets;
    if (!m_ownSecrets)
        m_ownSecrets = std::make_unique<KeychainSecretStore>(QStringLiteral(KENGELE_APP_ID), m_profile.settings().profileId());
    return *m_ownSecrets;
}

} // namespace kengele
