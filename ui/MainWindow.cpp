// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"

#include "MessageBox.h"
#include "WelcomePage.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignText.h"
#include "campaigns/CampaignsPage.h"
#include "campaigns/DispatchService.h"
#include "common/Clock.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/ContactsPage.h"
#include "contacts/GroupService.h"
#include "groups/GroupsPage.h"
#include "inbox/InboxPage.h"
#include "inbox/InboxService.h"
#include "inbox/RelayStatusText.h"
#include "profile/Profile.h"
#include "security/KeychainSecretStore.h"
#include "settings/BackupStatusLabel.h"
#include "settings/RelaySettingsWidget.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "sync/FeatureLocks.h"
#include "sync/RelaySyncService.h"
#include "sync/TokenShop.h"
#include "templates/TemplatesPage.h"
#include "tokens/Plan.h"
#include "tokens/TokenAccount.h"
#include "tokens/TokenInsights.h"
#include "tokens/TokenLedger.h"
#include "tokens/TokensPage.h"
#include "tokens/TokensText.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/Icons.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kengele {

MainWindow::MainWindow(Profile &profile, QWidget *parent)
    : QMainWindow(parent)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kengele — church office messaging"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kengele.png")));

    m_contactsPage = new ContactsPage(m_profile.contacts(), m_profile.groups(), m_profile.imports(), m_profile.exporter(), this);
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
    m_welcomePage = new WelcomePage(this);
    QWidget *sidebar = buildSidebar();
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_contactsPage);
    m_pages->addWidget(m_groupsPage);
    m_pages->addWidget(m_templatesPage);
    m_pages->addWidget(m_campaignsPage);
    m_pages->addWidget(m_inboxPage);
    m_pages->addWidget(m_tokensPage);
    m_pages->addWidget(m_welcomePage);
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

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

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

    buildMenus();
    updateStatus();
    updateTokenStatus();
    updateGatewayStatus();
    updateRelayIndicator();
    updateInboxLabel();
    m_sidebar->setCurrentRow(ContactsPageIndex);
    // A new profile opens on the three steps to a first send, once; Help → Getting started has them.
    if (!m_profile.settings().welcomeShown()) {
        showPage(WelcomePageIndex);
        m_profile.settings().setWelcomeShown(true);
    }
    resize(1180, 760);
}

namespace {

// The sidebar's rows. The chosen page is a soft tint of the highlight with the normal text colour,
// so it never looks like the "Send SMS…" button above it (solid highlight), and no focus frame is
// drawn inside it: the keyboard's place is the chosen row itself, with a bar at its start while
// the list has the focus.
class SidebarDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor selectionColour(const QPalette &palette)
    {
        const QColor highlight = palette.color(QPalette::Highlight);
        const QColor window = palette.color(QPalette::Window);
        const qreal share = 0.3;
        return QColor::fromRgbF(float(highlight.redF() * share + window.redF() * (1 - share)),
                                float(highlight.greenF() * share + window.greenF() * (1 - share)),
                                float(highlight.blueF() * share + window.blueF() * (1 - share)));
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const bool selected = option.state & QStyle::State_Selected;
        QStyleOptionViewItem plain(option);
        plain.state &= ~QStyle::State_HasFocus;
        if (selected) {
            plain.state &= ~(QStyle::State_Selected | QStyle::State_MouseOver);
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(selectionColour(option.palette));
            painter->drawRoundedRect(QRectF(option.rect), 6, 6);
            painter->restore();
        }
        QStyledItemDelegate::paint(painter, plain, index);
        if (selected && option.widget && option.widget->hasFocus()) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(option.palette.color(QPalette::Highlight));
            const QRectF bar(option.rect.left() + 3, option.rect.top() + 8, 3, option.rect.height() - 16);
            painter->drawRoundedRect(bar, 1.5, 1.5);
            painter->restore();
        }
    }
};

} // namespace

QWidget *MainWindow::buildSidebar()
{
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("sidebar"));

    // The main thing people come for, above the pages.
    m_sendButton = new QPushButton(Icons::icon(Icons::Send, QPalette::HighlightedText), tr("Send SMS…"), column);
    m_sendButton->setObjectName(QStringLiteral("sidebarSendButton"));
    m_sendButton->setIconSize(QSize(20, 20));
    m_sendButton->setToolTip(tr("Write an SMS to a group or to the people you selected (Ctrl+N)."));
    m_sendButton->setStyleSheet(QStringLiteral(
        "QPushButton { background: palette(highlight); color: palette(highlighted-text); border: 2px solid palette(highlight);"
        " border-radius: 6px; padding: 8px 10px; font-size: 11pt; font-weight: bold; text-align: left; }"
        "QPushButton:hover { border-color: palette(dark); }"
        "QPushButton:focus { border-color: palette(text); }"
        "QPushButton:pressed { background: palette(dark); }"));
    connect(m_sendButton, &QPushButton::clicked, this, &MainWindow::sendSmsToSelection);

    m_sidebar = new QListWidget(column);
    m_sidebar->setObjectName(QStringLiteral("sidebarList"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(3);
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    m_sidebar->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setStyleSheet(
        QStringLiteral("QListWidget { border: none; background: palette(window); font-size: 11pt; outline: none; }"
                       "QListWidget::item { padding: 8px; border-radius: 6px; }"
                       "QListWidget::item:hover { background: palette(midlight); }"));
    auto addPage = [this](Icons::Icon icon, const QString &label) {
        auto *item = new QListWidgetItem(Icons::icon(icon), label, m_sidebar);
        item->setSizeHint(QSize(150, 40));
    };
    addPage(Icons::Contact, tr("Contacts"));
    addPage(Icons::Group, tr("Groups"));
    addPage(Icons::Template, tr("Templates"));
    //: The sidebar's page of the SMS sent and scheduled (the campaigns), Kiswahili: "SMS zilizotumwa"
    addPage(Icons::Sent, tr("Sent SMS"));
    addPage(Icons::Inbox, tr("Inbox"));
    addPage(Icons::Tokens, tr("Tokens"));

    m_settingsButton = new QPushButton(Icons::icon(Icons::Settings), tr("Settings"), column);
    m_settingsButton->setObjectName(QStringLiteral("sidebarSettingsButton"));
    m_settingsButton->setIconSize(QSize(22, 22));
    m_settingsButton->setToolTip(tr("The SMS gateway, the language, the relay and the sending hours (Ctrl+,)."));
    m_settingsButton->setStyleSheet(
        QStringLiteral("QPushButton { background: transparent; border: 1px solid transparent; border-radius: 6px;"
                       " padding: 8px; font-size: 11pt; text-align: left; }"
                       "QPushButton:hover { background: palette(midlight); }"
                       "QPushButton:focus { border-color: palette(highlight); }"));
    connect(m_settingsButton, &QPushButton::clicked, this, &MainWindow::openSettings);

    // Wide enough for the longest name in this language, with the Inbox's unread count.
    {
        QFont font = m_sidebar->font();
        font.setPointSize(11);
        const QFontMetrics metrics(font);
        int widest = 0;
        for (const QString &label : {tr("Contacts"), tr("Groups"), tr("Templates"), tr("Sent SMS"), tr("Inbox (%1)").arg(999),
                                     tr("Tokens"), tr("Settings")})
            widest = qMax(widest, metrics.horizontalAdvance(label));
        font.setBold(true);
        widest = qMax(widest, QFontMetrics(font).horizontalAdvance(m_sendButton->text()));
        column->setFixedWidth(qMax(170, widest + 22 + 40));
    }

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_sendButton);
    layout->addSpacing(4);
    layout->addWidget(m_sidebar, 1);
    layout->addWidget(m_settingsButton);
    return column;
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

void MainWindow::updateInboxLabel()
{
    const Result<int> unread = m_profile.inbox().unreadCount();
    QListWidgetItem *item = m_sidebar->item(InboxPageIndex);
    //: The Inbox page in the sidebar, with the number of unread messages: "Inbox (3)"
    item->setText(unread && *unread > 0 ? tr("Inbox (%1)").arg(*unread) : tr("Inbox"));
}

void MainWindow::relayEventsApplied(int inbox, int deliveryReports, int optOuts)
{
    if (inbox > 0)
        m_profile.inbox().notifyNewMessages();
    if (deliveryReports > 0)
        m_campaignsPage->refresh();
    if (optOuts > 0)
        m_contactsPage->model()->reload();
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

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *send = file->addAction(Icons::icon(Icons::Send), tr("&Send SMS…"), this, &MainWindow::sendSmsToSelection);
    send->setObjectName(QStringLiteral("sendSmsAction"));
    send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    file->addSeparator();
    file->addAction(tr("&Import contacts…"), this, [this] {
        showPage(ContactsPageIndex);
        m_contactsPage->importContacts();
    });
    file->addAction(tr("&Export contacts…"), this, [this] {
        showPage(ContactsPageIndex);
        m_contactsPage->exportContacts();
    });
    file->addSeparator();
    file->addAction(tr("Remove the &demo congregation…"), this, &MainWindow::removeDemoCongregation);
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

void MainWindow::showPage(Page page)
{
    if (page == WelcomePageIndex) {
        if (m_pages->currentWidget() == m_templatesPage && !m_templatesPage->confirmLeave())
            return;
        // No row is chosen while it shows, so any row brings its page back.
        QSignalBlocker blocker(m_sidebar);
        m_sidebar->setCurrentRow(-1);
        m_pages->setCurrentWidget(m_welcomePage);
        return;
    }
    m_sidebar->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
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

void MainWindow::openSettings()
{
    openSettingsAt(SettingsDialog::GeneralTab);
}

void MainWindow::openRelaySettings()
{
    openSettingsAt(SettingsDialog::RelayTab);
}

void MainWindow::setBackupScheduler(BackupScheduler *backups)
{
    m_backups = backups;
    if (m_backups)
        statusBar()->addPermanentWidget(new BackupStatusLabel(*m_backups, m_profile.clock(), this));
}

void MainWindow::openSettingsAt(int tab)
{
    SettingsDialog dialog(m_profile.settings(), secrets(), m_profile.relayLinks(), m_profile.clock(), this);
    if (m_backups)
        dialog.addBackupsTab(*m_backups, m_profile.clock());
    dialog.relaySettings()->setRelaySyncService(m_relaySync);
    dialog.showTab(SettingsDialog::Tab(tab));
    // Connecting happens at once, even if the dialog is then cancelled.
    connect(dialog.relaySettings(), &RelaySettingsWidget::connected, this, [this] {
        updateRelayIndicator();
        Q_EMIT relayConnected();
    });
    const int answer = dialog.exec();
    m_tokensPage->reload();
    if (answer != QDialog::Accepted)
        return;
    updateGatewayStatus();
    if (dialog.gatewayChanged())
        Q_EMIT gatewaySettingsChanged();
    else if (dialog.gatewayRateChanged())
        Q_EMIT sendingRateChanged(m_profile.settings().gatewayRatePerSecond());
    if (dialog.languageChanged())
        Q_EMIT languageChangeRequested();
}

void MainWindow::removeDemoCongregation()
{
    if (MessageBox::question(this, tr("Remove demo congregation"),
                             tr("Remove the demo people that Kengele created on first start? Contacts you added or "
                                "imported yourself are kept."))
        != QMessageBox::Yes)
        return;
    const Result<int> removed = m_profile.contacts().removeDemoContacts();
    if (!removed) {
        MessageBox::warning(this, tr("Remove demo congregation"), removed.error().message);
        return;
    }
    MessageBox::information(this, tr("Remove demo congregation"), tr("Removed %n demo contact(s).", nullptr, *removed));
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
