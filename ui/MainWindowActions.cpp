// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// MainWindow, its menus and what they do: send, search, settings, the demo congregation, help,
// and closing. (The tr() context stays "MainWindow".)
#include "MainWindow.h"

#include "MessageBox.h"
#include "WelcomePage.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignsPage.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/ContactsPage.h"
#include "gateway/GatewayKind.h"
#include "groups/GroupsPage.h"
#include "inbox/InboxPage.h"
#include "profile/Profile.h"
#include "reports/DashboardPage.h"
#include "reports/ReportsPage.h"
#include "security/Access.h"
#include "security/RoleGate.h"
#include "settings/GatewaySettingsWidget.h"
#include "settings/RelaySettingsWidget.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "settings/StaffSettingsWidget.h"
#include "sync/ComputersBanner.h"
#include "sync/ComputersSettingsWidget.h"
#include "sync/FeatureLocks.h"
#include "sync/RelayLinkStore.h"
#include "sync/RelaySyncService.h"
#include "templates/TemplatesPage.h"
#include "tokens/Plan.h"
#include "tokens/TokensPage.h"
#include "widgets/Icons.h"

#include <QBoxLayout>
#include <QCloseEvent>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>

namespace kengele {

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *send = file->addAction(Icons::icon(Icons::Send), tr("&Send SMS…"), this, &MainWindow::sendSmsToSelection);
    send->setObjectName(QStringLiteral("sendSmsAction"));
    send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    file->addSeparator();
    QAction *import = file->addAction(tr("&Import contacts…"), this, [this] {
        showPage(ContactsPageIndex);
        m_contactsPage->importContacts();
    });
    import->setObjectName(QStringLiteral("importContactsAction"));
    QAction *exportContacts = file->addAction(tr("&Export contacts…"), this, [this] {
        showPage(ContactsPageIndex);
        m_contactsPage->exportContacts();
    });
    exportContacts->setObjectName(QStringLiteral("exportContactsAction"));
    file->addSeparator();
    QAction *removeDemo = file->addAction(tr("Remove the &demo congregation…"), this, &MainWindow::removeDemoCongregation);
    removeDemo->setObjectName(QStringLiteral("removeDemoAction"));
    // A greyed item says why when the pointer rests on it.
    file->setToolTipsVisible(true);
    file->addSeparator();
    m_lockAction = file->addAction(tr("&Lock"), this, &MainWindow::lock);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setToolTip(tr("Hide everything until you or someone else signs in again (Ctrl+L)."));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::close);
    quit->setShortcut(QKeySequence::Quit);

    // Ctrl+F has no menu of its own: it goes to the search box of whichever page is shown.
    auto *search = new QAction(tr("Search"), this);
    search->setObjectName(QStringLiteral("searchAction"));
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(search, &QAction::triggered, this, &MainWindow::focusSearch);
    addAction(search);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *settings = tools->addAction(Icons::icon(Icons::Settings), tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *gettingStarted
        = help->addAction(Icons::icon(Icons::Welcome), tr("&Getting started"), this, [this] { showPage(WelcomePageIndex); });
    gettingStarted->setObjectName(QStringLiteral("gettingStartedAction"));
    QAction *support = help->addAction(tr("&Support…"), this, &MainWindow::showSupport);
    support->setObjectName(QStringLiteral("supportAction"));
    QAction *about = help->addAction(tr("&About Kengele"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::gateByRole()
{
    RoleGate &gate = *m_roles;
    gate.gate(findChild<QAction *>(QStringLiteral("sendSmsAction")), Permission::SendCampaigns);
    gate.gate(m_sendButton, Permission::SendCampaigns);
    gate.gate(findChild<QAction *>(QStringLiteral("importContactsAction")), Permission::EditContacts);
    gate.gate(findChild<QAction *>(QStringLiteral("exportContactsAction")), Permission::ExportContacts);
    gate.gate(findChild<QAction *>(QStringLiteral("removeDemoAction")), Permission::EditContacts);
    m_dashboardPage->setRoleGate(gate);
    m_contactsPage->setRoleGate(gate);
    m_groupsPage->setRoleGate(gate);
    m_templatesPage->setRoleGate(gate);
    m_campaignsPage->setRoleGate(gate);
    m_inboxPage->setRoleGate(gate);
    m_tokensPage->setRoleGate(gate);
    m_reportsPage->setRoleGate(gate);
    m_welcomePage->setRoleGate(gate);
}

void MainWindow::sendSms(const QList<qint64> &groupIds, const QList<qint64> &contactIds, bool practice)
{
    if (m_campaignsPage->composeCampaign(groupIds, contactIds, practice) > 0)
        showPage(CampaignsPageIndex);
}

void MainWindow::sendSmsToSelection()
{
    QWidget *shown = m_pages->currentWidget();
    if (shown == m_groupsPage && m_groupsPage->currentGroupId() > 0) {
        sendSms({m_groupsPage->currentGroupId()}, {});
        return;
    }
    if (shown == m_contactsPage) {
        sendSms({}, m_contactsPage->model()->contactIds(m_contactsPage->view()->selectionModel()->selectedRows()));
        return;
    }
    sendSms({}, {});
}

void MainWindow::focusSearch()
{
    // Each page names its search box "…search…" (searchEdit, inboxSearchEdit, candidateSearchEdit).
    QWidget *shown = m_pages->currentWidget();
    for (QLineEdit *edit : shown->findChildren<QLineEdit *>()) {
        if (edit->objectName().contains(QStringLiteral("search"), Qt::CaseInsensitive) && edit->isVisible()
            && edit->isEnabled()) {
            edit->setFocus(Qt::ShortcutFocusReason);
            edit->selectAll();
            return;
        }
    }
}

void MainWindow::openSettings()
{
    openSettingsAt(SettingsDialog::GeneralTab);
}

void MainWindow::openRelaySettings()
{
    openSettingsAt(SettingsDialog::RelayTab);
}

void MainWindow::openComputersSettings()
{
    m_openComputersTab = true;
    openSettingsAt(SettingsDialog::GeneralTab);
}

void MainWindow::openSettingsAt(int tab)
{
    SettingsDialog dialog(m_profile.settings(), secrets(), m_profile.relayLinks(), m_profile.clock(), this);
    if (m_backups)
        dialog.addBackupsTab(*m_backups, m_profile.clock());
    dialog.relaySettings()->setRelaySyncService(m_relaySync);
    StaffSettingsWidget::addTo(dialog, m_profile.staff(), m_profile.audit(), m_profile.settings());
    // The gateway and the relay are for administrators (architecture.md §7): others see them, greyed.
    if (const Status allowed = m_profile.access().check(Permission::Administer); !allowed) {
        for (QWidget *page : {static_cast<QWidget *>(dialog.gatewaySettings()), static_cast<QWidget *>(dialog.relaySettings())}) {
            page->setEnabled(false);
            page->setToolTip(allowed.error().message);
        }
    }
    const int computersTab = ComputersSettingsWidget::addTo(dialog, *m_computers, *m_changeLog, m_profile.clock());
    // Connected in Settings → Relay on a new computer: its safety code shows here at once.
    auto *ownState = new ComputersBanner(*m_computers, &dialog);
    ownState->setScope(ComputersBanner::Scope::ThisComputer);
    if (const Result<RelayLink> link = m_profile.relayLinks().load(); link)
        ownState->setChurchName(link->orgName);
    if (auto *box = qobject_cast<QBoxLayout *>(dialog.layout()))
        box->insertWidget(0, ownState);
    dialog.showTab(SettingsDialog::Tab(tab));
    if (std::exchange(m_openComputersTab, false))
        dialog.tabs()->setCurrentIndex(computersTab);
    // Connecting happens at once, even if the dialog is then cancelled.
    connect(dialog.relaySettings(), &RelaySettingsWidget::connected, this, [this] {
        m_profile.access().record({QStringLiteral("relay.connect"), QStringLiteral("relay"), QString()});
        updateRelayIndicator();
        Q_EMIT relayConnected();
    });
    const int answer = dialog.exec();
    m_tokensPage->reload();
    if (answer != QDialog::Accepted)
        return;
    updateGatewayStatus();
    if (dialog.gatewayChanged()) {
        m_profile.access().record({QStringLiteral("gateway.set"), QStringLiteral("gateway"),
                                   QStringLiteral("provider %1").arg(toText(m_profile.settings().gatewayProvider()))});
        Q_EMIT gatewaySettingsChanged();
    } else if (dialog.gatewayRateChanged())
        Q_EMIT sendingRateChanged(m_profile.settings().gatewayRatePerSecond());
    if (dialog.languageChanged())
        Q_EMIT languageChangeRequested();
}

void MainWindow::removeDemoCongregation()
{
    if (MessageBox::question(this, tr("Remove demo congregation"),
                             tr("Remove the demo people that Kengele created on first start, and their made-up year "
                                "of messages, replies and opt-outs? Contacts you added or imported yourself, and the "
                                "SMS you sent, are kept."))
        != QMessageBox::Yes)
        return;
    const Result<DemoRemoved> removed = m_profile.contacts().removeDemoContacts();
    if (!removed) {
        MessageBox::warning(this, tr("Remove demo congregation"), removed.error().message);
        return;
    }
    MessageBox::information(this, tr("Remove demo congregation"),
                            tr("Removed %n demo contact(s)", nullptr, removed->contacts) + u' '
                                + tr("and %n demo campaign(s) with their messages.", nullptr, removed->history.campaigns));
    // The pages that show messages read them again.
    Q_EMIT m_profile.campaigns().campaignsChanged();
}

void MainWindow::showSupport()
{
    const FeatureLocks &features = m_profile.features();
    const QString line = features.supportLine();
    const QString title = tr("Support");
    const QString own = tr("Help → Getting started shows the three steps to a first SMS; every page says what its "
                           "buttons do.");
    if (line.isEmpty()) {
        MessageBox::information(this, title,
                                own + u'\n' + u'\n'
                                    + tr("For tokens, prices and M-Pesa payments, ask whoever runs your relay: they "
                                         "have not given a support line here."));
        return;
    }
    if (const Status allowed = features.check(PlanFeature::SupportLine); !allowed) {
        if (MessageBox::question(this, title,
                                 allowed.error().message + u'\n' + u'\n' + tr("Open Buy with the Enterprise plan chosen?"))
            == QMessageBox::Yes) {
            showPage(TokensPageIndex);
            m_tokensPage->buyTokens(this, Plan::of(PlanTier::Enterprise).key());
        }
        return;
    }
    MessageBox::information(this, title, tr("Your support line: %1").arg(line) + u'\n' + u'\n' + own);
}

void MainWindow::showAbout()
{
    MessageBox::information(
        this, tr("About Kengele"),
        tr("Kengele %1\nContacts, groups and SMS for the church office.").arg(QStringLiteral(KENGELE_VERSION)) + u'\n' + u'\n'
            + tr("Your data is kept in this folder:\n%1").arg(QDir::toNativeSeparators(m_profile.directory())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_templatesPage->confirmLeave()) {
        event->ignore();
        return;
    }
    // Closing while messages go out is safe (the rest wait for the next start), but say so.
    int sending = 0;
    if (const Result<QList<Campaign>> campaigns = m_profile.campaigns().list(); campaigns) {
        for (const Campaign &campaign : *campaigns) {
            if (campaign.status == CampaignStatus::Queued || campaign.status == CampaignStatus::Sending)
                ++sending;
        }
    }
    if (sending > 0
        && MessageBox::question(this, tr("Messages are being sent"),
                                tr("%n campaign(s) are still sending. If you close Kengele now, the messages not yet sent "
                                   "wait until you open it again. Close anyway?",
                                   nullptr, sending))
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    event->accept();
}

} // namespace kengele
