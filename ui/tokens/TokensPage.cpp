// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokensPage.h"

#include "BudgetNameDialog.h"
#include "BudgetWarningDialog.h"
#include "BuyTokensDialog.h"
#include "MessageBox.h"
#include "TokenUsageChart.h"
#include "TokensText.h"
#include "TransferDialog.h"
#include "campaigns/CampaignText.h"
#include "common/Clock.h"
#include "security/RoleGate.h"
#include "sync/FeatureLocks.h"
#include "sync/PurchaseStore.h"
#include "sync/TokenShop.h"
#include "tokens/Plan.h"
#include "tokens/TokenAccount.h"
#include "tokens/TokenInsights.h"
#include "tokens/TokenLedger.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/EmptyState.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace kengele {

namespace {

// The most lines of one budget's history the page reads (the newest).
constexpr int HistoryLimit = 500;
constexpr int KindRole = Qt::UserRole + 1;

QTreeWidget *table(const QString &objectName, const QString &accessibleName, const QStringList &headers, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRootIsDecorated(false);
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setHeaderLabels(headers);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QLabel *centred(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    return label;
}

} // namespace

TokensPage::TokensPage(TokenLedger &ledger, const TokenInsights &insights, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_insights(insights)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("tokensPage"));

    m_relayBanner = new Banner(Banner::Kind::Warning, this);
    m_relayBanner->setObjectName(QStringLiteral("tokensRelayBanner"));
    m_relayBanner->setWordWrap(true);
    m_relayBanner->setTextFormat(Qt::PlainText);
    auto *openSettings = new QPushButton(tr("Open Settings → Relay"));
    openSettings->setObjectName(QStringLiteral("tokensRelaySettingsButton"));
    m_relayBanner->setButton(openSettings);
    connect(openSettings, &QPushButton::clicked, this, &TokensPage::relaySettingsRequested);
    m_problem = new Banner(Banner::Kind::Error, this);
    m_problem->setObjectName(QStringLiteral("tokensProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();
    // Budgets running low, tokens about to expire (TokenInsights::alerts).
    m_alerts = new Banner(Banner::Kind::Warning, this);
    m_alerts->setObjectName(QStringLiteral("tokensAlertsBanner"));
    m_alerts->setWordWrap(true);
    m_alerts->setTextFormat(Qt::PlainText);
    m_alerts->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tokensTabs"));
    m_tabs->addTab(buildPurchases(), tr("Purchases"));
    m_tabs->addTab(buildHistory(), tr("History"));
    m_usage = new TokenUsageChart(m_insights, this);
    // Locked by the plan: what it needs, and Buy, in the chart's place.
    m_usageLocked = new EmptyState(QStringLiteral("tokensUsageLockedLabel"), this);
    QPushButton *buyStarter = m_usageLocked->addButton(tr("Buy the Starter plan…"));
    buyStarter->setObjectName(QStringLiteral("tokensUsageBuyButton"));
    connect(buyStarter, &QPushButton::clicked, this, [this] { buyTokens(this, Plan::of(PlanTier::Starter).key()); });
    m_usageStack = new QStackedWidget(this);
    m_usageStack->addWidget(m_usage);
    m_usageStack->addWidget(m_usageLocked);
    m_tabs->addTab(m_usageStack, tr("Usage"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == HistoryTab && m_historyStale)
            loadHistory();
    });

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(buildBudgets(), 5);
    top->addWidget(buildPlan(), 2);
    contentLayout->addLayout(top);
    contentLayout->addWidget(m_alerts);
    contentLayout->addWidget(m_tabs, 1);

    m_emptyState = new EmptyState(QStringLiteral("tokensEmptyLabel"), this);
    m_emptyState->setText(tr("<h2>No tokens yet</h2><p>Tokens pay for SMS: one token sends one SMS part to one person. "
                             "They are bought with M-Pesa through your relay.</p>"
                             "<p>Connect to your relay first: Settings → Relay.</p>"));
    QPushButton *emptySettings = m_emptyState->addButton(tr("Open Settings → Relay"));
    emptySettings->setObjectName(QStringLiteral("tokensEmptyRelaySettingsButton"));
    connect(emptySettings, &QPushButton::clicked, this, &TokensPage::relaySettingsRequested);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(content);
    m_stack->addWidget(m_emptyState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h1>Tokens</h1>"), this));
    layout->addWidget(m_relayBanner);
    layout->addWidget(m_problem);
    layout->addWidget(m_stack, 1);

    // Balances change with every batch the dispatcher records: read them again once things settle.
    auto *settle = new QTimer(this);
    settle->setSingleShot(true);
    settle->setInterval(300);
    connect(settle, &QTimer::timeout, this, [this] {
        reloadBudgets();
        reloadHistory();
    });
    connect(&m_ledger, &TokenLedger::balancesChanged, settle, [settle] {
        if (!settle->isActive())
            settle->start();
    });
    reload();
}

QWidget *TokensPage::buildBudgets()
{
    auto *box = new QGroupBox(tr("Budgets"), this);
    box->setObjectName(QStringLiteral("budgetsBox"));
    m_budgets = table(QStringLiteral("budgetsView"), tr("Budgets and their tokens"),
                      {tr("Budget"), tr("Tokens"), tr("Expiring"), tr("Warn below")}, box);
    m_budgets->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_budgets->setMaximumHeight(130);
    m_total = new QLabel(box);
    m_total->setObjectName(QStringLiteral("tokensTotalLabel"));
    m_total->setWordWrap(true);

    m_buy = new QPushButton(tr("Buy tokens…"), box);
    m_buy->setObjectName(QStringLiteral("buyTokensButton"));
    m_buy->setToolTip(tr("Buy tokens with M-Pesa: the phone that pays gets a request for the M-Pesa PIN."));
    connect(m_buy, &QPushButton::clicked, this, [this] { buyTokens(); });
    m_transfer = new QPushButton(tr("Transfer…"), box);
    m_transfer->setObjectName(QStringLiteral("transferButton"));
    m_transfer->setToolTip(tr("Move tokens from one budget to another, with the reason."));
    connect(m_transfer, &QPushButton::clicked, this, &TokensPage::transferTokens);
    m_addBudget = new QPushButton(tr("Add budget…"), box);
    m_addBudget->setObjectName(QStringLiteral("addBudgetButton"));
    m_addBudget->setToolTip(tr("A budget for one department, so one department cannot use up another's tokens."));
    connect(m_addBudget, &QPushButton::clicked, this, &TokensPage::addBudget);

    m_rename = new QPushButton(tr("Rename…"), box);
    m_rename->setObjectName(QStringLiteral("renameBudgetButton"));
    m_rename->setToolTip(tr("Give the chosen department's budget another name."));
    connect(m_rename, &QPushButton::clicked, this, &TokensPage::renameBudget);
    m_warning = new QPushButton(tr("Warning level…"), box);
    m_warning->setObjectName(QStringLiteral("warningLevelButton"));
    m_warning->setToolTip(tr("Below how many tokens the chosen budget is shown as running low."));
    connect(m_warning, &QPushButton::clicked, this, &TokensPage::setWarningLevel);
    connect(m_budgets, &QTreeWidget::itemSelectionChanged, this,
            [this] { RoleGate::setEnabled(m_rename, chosenBudget() != QStringLiteral("Main")); });

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_buy, 0, 0);
    buttons->addWidget(m_transfer, 1, 0);
    buttons->addWidget(m_addBudget, 2, 0);
    buttons->addWidget(m_rename, 0, 1);
    buttons->addWidget(m_warning, 1, 1);
    buttons->setRowStretch(3, 1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_budgets);
    left->addWidget(m_total);
    auto *layout = new QHBoxLayout(box);
    layout->addLayout(left, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget *TokensPage::buildPlan()
{
    auto *box = new QGroupBox(tr("Plan"), this);
    box->setObjectName(QStringLiteral("planBox"));
    box->setMinimumWidth(230);
    m_plan = new QLabel(box);
    m_plan->setObjectName(QStringLiteral("planLabel"));
    m_plan->setWordWrap(true);
    m_plan->setTextFormat(Qt::PlainText);
    m_features = new QLabel(box);
    m_features->setObjectName(QStringLiteral("planFeaturesLabel"));
    m_features->setWordWrap(true);
    m_features->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_plan);
    layout->addWidget(m_features);
    layout->addStretch(1);
    return box;
}

void TokensPage::reloadPlan()
{
    const Result<TokenOutlook> outlook = m_insights.outlook();
    const std::optional<Plan> plan = outlook ? Plan::find(outlook->plan) : std::nullopt;
    if (!plan || plan->tier == PlanTier::Demo) {
        m_plan->setText(
            plan ? tr("The demo plan: its tokens are for trying Kengele out.")
                 : tr("No plan in force: no bought tokens are still valid. Tokens added by hand send SMS like bought ones."));
    } else {
        QDateTime until;
        if (const Result<QList<TokenLot>> lots = m_ledger.purchasedLotsInForce(m_clock.nowUtc()); lots) {
            for (const TokenLot &lot : *lots) {
                if (lot.plan == plan->key() && lot.expires.isValid() && (!until.isValid() || lot.expires > until))
                    until = lot.expires;
            }
        }
        m_plan->setText(until.isValid()
                            ? tr("The %1 plan, until %2.")
                                  .arg(PurchaseStore::planName(plan->key()), CampaignText::day(until.toLocalTime().date()))
                            : tr("The %1 plan.").arg(PurchaseStore::planName(plan->key())));
    }
    const FeatureLocks::State locks = m_locks ? m_locks->state() : FeatureLocks::State{};
    QStringList features;
    for (const PlanFeature feature : Plan::features()) {
        if (!locks.locking) {
            if (plan && plan->has(feature))
                features << QStringLiteral("✓ ") + FeatureLocks::featureName(feature);
        } else if (FeatureLocks::check(feature, locks)) {
            features << QStringLiteral("✓ ") + FeatureLocks::featureName(feature);
        } else {
            //: A feature the plan in force lacks: "Charts, reports and insights (starter plan)"
            features << QStringLiteral("✗ ")
                    + tr("%1 (%2 plan)")
                          .arg(FeatureLocks::featureName(feature),
                               PurchaseStore::planName(Plan::of(Plan::minimumTier(feature)).key()));
        }
    }
    if (!locks.locking)
        features << tr("Your relay does not limit features by plan: every feature works with any tokens.");
    m_features->setText(features.join(u'\n'));

    const Status analytics = FeatureLocks::check(PlanFeature::Analytics, locks);
    if (!analytics)
        m_usageLocked->setText(tr("<h2>Usage charts and insights</h2><p>%1</p>").arg(analytics.error().message.toHtmlEscaped()));
    m_usageStack->setCurrentWidget(analytics ? static_cast<QWidget *>(m_usage) : m_usageLocked);
}

QWidget *TokensPage::buildPurchases()
{
    auto *page = new QWidget(this);
    m_purchases
        = table(QStringLiteral("purchasesView"), tr("Purchases"),
                {tr("Asked on"), tr("Plan"), tr("Tokens"), tr("Budget"), tr("Amount"), tr("State"), tr("M-Pesa receipt")}, page);
    m_purchases->header()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_purchases->setToolTip(tr("Double-click a purchase to follow it."));
    connect(m_purchases, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { showPurchase(item->data(0, Qt::UserRole).toString()); });
    m_noPurchases = centred(QStringLiteral("noPurchasesLabel"), tr("No purchases yet. “Buy tokens…” starts one."), page);
    m_checkPurchases = new QPushButton(tr("Check with the relay"), page);
    m_checkPurchases->setObjectName(QStringLiteral("checkPurchasesButton"));
    m_checkPurchases->setToolTip(tr("Ask your relay for the newest state of every purchase."));
    connect(m_checkPurchases, &QPushButton::clicked, this, &TokensPage::checkPurchases);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_checkPurchases);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_purchases, 1);
    layout->addWidget(m_noPurchases);
    layout->addLayout(row);
    return page;
}

QWidget *TokensPage::buildHistory()
{
    auto *page = new QWidget(this);
    m_historyAccount = new QComboBox(page);
    m_historyAccount->setObjectName(QStringLiteral("historyAccountCombo"));
    m_historyAccount->setAccessibleName(tr("Budget"));
    m_historyKind = new QComboBox(page);
    m_historyKind->setObjectName(QStringLiteral("historyKindCombo"));
    m_historyKind->setAccessibleName(tr("Kind"));
    m_historyKind->addItem(tr("Everything"), -1);
    for (const TokenTransferKind kind :
         {TokenTransferKind::Purchase, TokenTransferKind::Grant, TokenTransferKind::Transfer, TokenTransferKind::Reserve,
          TokenTransferKind::Spend, TokenTransferKind::Release, TokenTransferKind::Expiry})
        m_historyKind->addItem(TokenLedger::kindName(kind), int(kind));
    m_historyPeriod = new QComboBox(page);
    m_historyPeriod->setObjectName(QStringLiteral("historyPeriodCombo"));
    m_historyPeriod->setAccessibleName(tr("Period"));
    m_historyPeriod->addItem(tr("Last 30 days"), int(Last30Days));
    m_historyPeriod->addItem(tr("Last 90 days"), int(Last90Days));
    m_historyPeriod->addItem(tr("All time"), int(AllTime));
    m_historyPeriod->setCurrentIndex(2);
    for (QComboBox *combo : {m_historyAccount, m_historyKind, m_historyPeriod})
        connect(combo, &QComboBox::currentIndexChanged, this, &TokensPage::reloadHistory);
    m_export = new QPushButton(tr("Export CSV…"), page);
    m_export->setObjectName(QStringLiteral("exportHistoryButton"));
    m_export->setToolTip(tr("Save the lines shown as a file that Excel opens."));
    connect(m_export, &QPushButton::clicked, this, &TokensPage::exportHistoryAs);

    m_history = table(QStringLiteral("historyView"), tr("Token history"),
                      {tr("Date"), tr("Budget"), tr("What"), tr("Tokens"), tr("Balance after"), tr("Reason"), tr("By")}, page);
    m_history->header()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_noHistory = centred(QStringLiteral("noHistoryLabel"), tr("Nothing to show for this choice."), page);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Budget:"), page));
    filters->addWidget(m_historyAccount);
    filters->addWidget(new QLabel(tr("Show:"), page));
    filters->addWidget(m_historyKind);
    filters->addWidget(m_historyPeriod);
    filters->addStretch(1);
    filters->addWidget(m_export);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(filters);
    layout->addWidget(m_history, 1);
    layout->addWidget(m_noHistory);
    return page;
}

void TokensPage::setTokenShop(TokenShop *shop)
{
    disconnect(m_shopConnection);
    m_shop = shop;
    disconnect(m_offerConnection);
    if (shop) {
        m_shopConnection = connect(shop, &TokenShop::purchasesChanged, this, &TokensPage::reloadPurchases);
        // Locks the relay's operator turned on or off show at once.
        m_offerConnection = connect(shop, &TokenShop::offerChanged, this, &TokensPage::reloadPlan);
    }
    reload();
}

void TokensPage::setFeatureLocks(const FeatureLocks *locks)
{
    m_locks = locks;
    reloadPlan();
}

bool TokensPage::isUsageLocked() const
{
    return m_usageStack->currentWidget() == m_usageLocked;
}

TokenShop *TokensPage::tokenShop() const
{
    return m_shop;
}

void TokensPage::reload()
{
    reloadBudgets();
    reloadHistory();
    reloadPurchases();
}

void TokensPage::updateEmptyState()
{
    // With no relay, no purchase and no token ever: the empty page says where to start.
    const bool empty = (!m_shop || !m_shop->checkConnected()) && !m_hasPurchases && !m_hasHistory;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_stack->widget(0));
    updateConnection();
}

void TokensPage::updateConnection()
{
    const bool linked = m_shop && m_shop->checkConnected().has_value();
    m_relayBanner->setText(linked ? QString()
                                  : tr("Tokens are bought through your relay. Connect to your relay first: Settings → Relay."));
    m_relayBanner->setVisible(!linked && m_stack->currentWidget() != m_emptyState);
    RoleGate::setEnabled(m_buy, m_shop != nullptr);
    m_checkPurchases->setEnabled(linked);
}

void TokensPage::reloadBudgets()
{
    const Result<QList<TokenAccount>> accounts = m_ledger.budgetAccounts();
    const QString current = m_historyAccount->currentData().toString();
    {
        QSignalBlocker blocker(m_historyAccount);
        m_historyAccount->clear();
        m_historyAccount->addItem(tr("All budgets"), QString());
    }
    if (!accounts) {
        m_problem->setText(accounts.error().message);
        m_problem->show();
        return;
    }
    m_problem->hide();
    const QString chosen = chosenBudget();
    m_budgets->clear();
    // What expires when, per budget (soonest first).
    QHash<qint64, QList<TokenLot>> expiring;
    if (const Result<QList<TokenLot>> lots = m_ledger.lots(); lots) {
        for (const TokenLot &lot : *lots) {
            if (lot.expires.isValid() && lot.remaining > 0)
                expiring[lot.accountId].append(lot);
        }
    }
    qint64 total = 0;
    QStringList overdrawn;
    for (const TokenAccount &account : *accounts) {
        auto *item = new QTreeWidgetItem(m_budgets, {tokenAccountLabel(account.name), CampaignText::number(account.balance)});
        item->setData(0, Qt::UserRole, account.name);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        const QList<TokenLot> lots = expiring.value(account.id);
        if (!lots.isEmpty()) {
            //: The budget list's "Expire" column: "1,000 on 14 Apr 2026"
            item->setText(2,
                          tr("%1 on %2")
                              .arg(CampaignText::number(lots.constFirst().remaining),
                                   CampaignText::day(lots.constFirst().expires.toLocalTime().date())));
            QStringList when;
            for (const TokenLot &lot : lots)
                when << tr("%1 expire on %2")
                            .arg(TokensText::tokens(lot.remaining), CampaignText::day(lot.expires.toLocalTime().date()));
            item->setToolTip(2, when.join(u'\n'));
        } else if (account.balance > 0) {
            item->setText(2, tr("Never"));
            item->setToolTip(2, tr("Tokens added by hand do not expire."));
        }
        item->setText(3, account.alertBelow >= 0 ? CampaignText::number(account.alertBelow) : QString());
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        if (account.alertBelow >= 0 && account.balance < account.alertBelow)
            item->setForeground(1, Colours::text(Colours::Tone::Error, palette(), QPalette::Base));
        if (account.balance < 0) {
            // Computers that were offline together spent more than the budget held (architecture.md §5).
            //: The budget list's balance column for a budget below zero
            item->setText(1, tr("Overdrawn by %1").arg(CampaignText::number(-account.balance)));
            item->setForeground(1, Colours::text(Colours::Tone::Error, palette(), QPalette::Base));
            item->setToolTip(1,
                             tr("Computers that were offline at the same time together spent more than this budget "
                                "held. Nothing can be sent from it until it is topped up."));
            overdrawn << tr("The %1 budget is overdrawn by %2: computers that were offline at the same time together "
                            "spent more than it held. Buy tokens or move some from another budget before sending from it.")
                             .arg(account.name, TokensText::tokens(-account.balance));
        }
        if (account.name == chosen)
            item->setSelected(true);
        total += account.balance;
        QSignalBlocker blocker(m_historyAccount);
        m_historyAccount->addItem(tokenAccountLabel(account.name), account.name);
    }
    {
        QSignalBlocker blocker(m_historyAccount);
        m_historyAccount->setCurrentIndex(qMax(0, m_historyAccount->findData(current)));
    }
    if (total < 0) {
        m_total->setText(
            tr("In all: overdrawn by %1. One token sends one SMS part to one person.").arg(TokensText::tokens(-total)));
    } else {
        m_total->setText(tr("In all: %1. One token sends one SMS part to one person.").arg(TokensText::tokens(total)));
    }
    // Tokens now, or used within the year: not a page to start from scratch.
    const Result<TokenUsageReport> used = m_insights.usage(TokenInsights::MaxDays);
    m_hasHistory = total > 0 || (used && used->spent > 0);
    RoleGate::setEnabled(m_rename, chosenBudget() != QStringLiteral("Main"));
    QStringList alerts = overdrawn;
    if (const Result<QList<TokenAlert>> found = m_insights.alerts(); found) {
        for (const TokenAlert &alert : *found)
            alerts << alert.message;
    }
    m_alerts->setText(alerts.join(u'\n'));
    m_alerts->setVisible(!alerts.isEmpty());
    reloadPlan();
    if (m_usage)
        m_usage->reload();
    RoleGate::setEnabled(m_transfer, accounts->size() > 1);
    RoleGate::setToolTip(m_transfer,
                         accounts->size() > 1 ? tr("Move tokens from one budget to another, with the reason.")
                                              : tr("Add a department's budget first (“Add budget…”)."));
}

void TokensPage::reloadPurchases()
{
    m_purchases->clear();
    QList<PurchaseRecord> purchases;
    if (m_shop) {
        if (const Result<QList<PurchaseRecord>> read = m_shop->purchases(); read)
            purchases = *read;
    }
    for (const PurchaseRecord &p : std::as_const(purchases)) {
        auto *item = new QTreeWidgetItem(m_purchases);
        item->setText(0, CampaignText::shortDayAndTime(p.requested));
        item->setText(1, PurchaseStore::planName(p.plan));
        item->setText(2, CampaignText::number(p.tokens));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(3, tokenAccountLabel(p.account));
        item->setText(4, p.amountKes ? TokensText::shillings(*p.amountKes) : QString());
        item->setText(5, TokensText::purchaseState(p));
        item->setToolTip(5, TokensText::purchaseState(p) + (p.simulated ? u'\n' + TokensText::practicePaid() : QString()));
        item->setText(6, p.receipt);
        item->setData(0, Qt::UserRole, p.requestId);
        if (p.state == PurchaseState::Failed)
            item->setForeground(5, Colours::text(Colours::Tone::Error, palette(), QPalette::Base));
    }
    m_noPurchases->setVisible(purchases.isEmpty());
    m_purchases->setVisible(!purchases.isEmpty());
    m_hasPurchases = !purchases.isEmpty();
    updateEmptyState();
}

void TokensPage::reloadHistory()
{
    // A budget's statement is the slowest read of the page (on a ledger of a million entries, about
    // 35 ms a budget): read only while the History tab shows, or to export.
    if (m_tabs->currentIndex() != HistoryTab) {
        m_historyStale = true;
        return;
    }
    loadHistory();
}

void TokensPage::loadHistory()
{
    m_historyStale = false;
    m_history->clear();
    m_lines.clear();
    const QString chosen = m_historyAccount->currentData().toString();
    const int kind = m_historyKind->currentData().toInt();
    QDateTime since;
    switch (Period(m_historyPeriod->currentData().toInt())) {
    case Last30Days:
        since = m_clock.nowUtc().addDays(-30);
        break;
    case Last90Days:
        since = m_clock.nowUtc().addDays(-90);
        break;
    case AllTime:
        break;
    }
    const Result<QList<TokenAccount>> accounts = m_ledger.budgetAccounts();
    if (accounts) {
        for (const TokenAccount &account : *accounts) {
            if (!chosen.isEmpty() && account.name != chosen)
                continue;
            const Result<QList<TokenHistoryEntry>> entries = m_ledger.history(account.id, HistoryLimit);
            if (!entries)
                continue;
            for (const TokenHistoryEntry &e : *entries) {
                if ((kind >= 0 && int(e.kind) != kind) || (since.isValid() && e.created < since))
                    continue;
                m_lines.append({account.name, e});
            }
        }
    }
    std::stable_sort(m_lines.begin(), m_lines.end(), [](const TokenHistoryLine &a, const TokenHistoryLine &b) {
        return a.entry.created != b.entry.created ? a.entry.created > b.entry.created : a.entry.transferId > b.entry.transferId;
    });
    for (const TokenHistoryLine &line : std::as_const(m_lines)) {
        const TokenHistoryEntry &e = line.entry;
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, CampaignText::shortDayAndTime(e.created));
        item->setText(1, tokenAccountLabel(line.account));
        QString what = TokenLedger::kindName(e.kind);
        if (e.kind == TokenTransferKind::Transfer && !e.counterpart.isEmpty())
            what = (e.amount < 0 ? tr("%1: to %2") : tr("%1: from %2")).arg(what, tokenAccountLabel(e.counterpart));
        item->setText(2, what);
        item->setText(3, (e.amount > 0 ? QStringLiteral("+") : QString()) + CampaignText::number(e.amount));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(4, CampaignText::number(e.balanceAfter));
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(5, e.reason);
        item->setToolTip(5, e.reference.isEmpty() ? e.reason : e.reason + u'\n' + e.reference);
        item->setText(6, e.user);
        item->setData(0, KindRole, int(e.kind));
    }
    m_noHistory->setVisible(m_lines.isEmpty());
    m_history->setVisible(!m_lines.isEmpty());
    m_export->setEnabled(!m_lines.isEmpty());
    updateEmptyState();
}

void TokensPage::checkPurchases()
{
    if (!m_shop)
        return;
    m_checkPurchases->setEnabled(false);
    QPointer<TokensPage> self(this);
    m_shop->refreshPurchases([self](const Result<QList<PurchaseRecord>> &answer) {
        if (!self)
            return;
        self->m_checkPurchases->setEnabled(true);
        if (!answer) {
            self->m_problem->setText(answer.error().message);
            self->m_problem->show();
        } else {
            self->m_problem->hide();
        }
        self->reloadPurchases();
    });
}

QString TokensPage::planText() const
{
    return m_plan->text() + u'\n' + m_features->text();
}

QString TokensPage::alertsText() const
{
    return m_alerts->isHidden() ? QString() : m_alerts->text();
}

QString TokensPage::exportHistory(const QString &path)
{
    if (m_historyStale)
        loadHistory();
    const Result<int> written = TokenHistoryExporter::exportCsv(path, m_lines);
    return written ? QString() : written.error().message;
}

void TokensPage::exportHistoryAs()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export token history"),
                                                      QDir(folder).filePath(tr("token-history.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString problem = exportHistory(path); !problem.isEmpty())
        MessageBox::warning(this, tr("Export token history"), problem);
}

void TokensPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void TokensPage::setHistoryFilter(const QString &account, int kind, Period period)
{
    m_historyAccount->setCurrentIndex(qMax(0, m_historyAccount->findData(account)));
    m_historyKind->setCurrentIndex(qMax(0, m_historyKind->findData(kind)));
    m_historyPeriod->setCurrentIndex(qMax(0, m_historyPeriod->findData(int(period))));
}

bool TokensPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyState;
}

} // namespace kengele
