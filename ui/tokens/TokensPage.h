// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "importexport/TokenHistoryExporter.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace kengele {

class Banner;
class Clock;
class EmptyState;
class FeatureLocks;
class RoleGate;
class TokenInsights;
class TokenLedger;
class TokenShop;
class TokenUsageChart;

// The Tokens page: what each budget has (Main account first) and what of it expires when, its
// warning level, the plan in force and its features, budgets running low; buttons to buy tokens with M-Pesa
// (BuyTokensDialog), to move tokens between budgets (TransferDialog) and to add a department's
// budget; the purchases with their state, receipt and amount (TokenShop, refreshed when they
// change and when the relay's feed brings news); and the history of every budget, filtered by
// budget, kind and period, with "Export CSV…"; a usage chart and the insights (TokenUsageChart).
// Without a relay it says to connect one first.
class TokensPage final : public QWidget
{
    Q_OBJECT

public:
    enum Tab { PurchasesTab, HistoryTab, UsageTab };
    // The period filter's choices.
    enum Period { Last30Days, Last90Days, AllTime };

    TokensPage(TokenLedger &ledger, const TokenInsights &insights, const Clock &clock, QWidget *parent = nullptr);

    // The application's shop (it outlives windows); nullptr: none, nothing can be bought.
    void setTokenShop(TokenShop *shop);
    // Greys buying, moving and budgeting tokens for whoever may not (without a gate: nothing).
    void setRoleGate(RoleGate &gate);
    TokenShop *tokenShop() const;
    // What the plan in force allows (the usage chart and insights need the starter plan when the
    // relay's operator locks features); nullptr: nothing is locked.
    void setFeatureLocks(const FeatureLocks *locks);

    // Reads balances, purchases and history again.
    void reload();
    void reloadPurchases();
    // Asks the relay for the purchases' newest states.
    void checkPurchases();

    // The dialogs; `parent` (default: this page) is the window they sit on; `plan` chosen first
    // (the plan a locked feature needs), or the dialog's own choice.
    void buyTokens(QWidget *parent = nullptr, const QString &plan = QString());
    // The Buy dialog showing a purchase of the list as it goes (a double click on it).
    void showPurchase(const QString &requestId);
    void transferTokens();
    void addBudget();
    // For the budget chosen in the list (Main account when none is).
    void renameBudget();
    void setWarningLevel();
    QString chosenBudget() const;
    void chooseBudget(const QString &accountName);
    // Writes the history shown now to `path`; the error in words, or empty.
    QString exportHistory(const QString &path);
    void exportHistoryAs();

    void showTab(Tab tab);
    void setHistoryFilter(const QString &account, int kind, Period period);
    QTreeWidget *budgetsView() const { return m_budgets; }
    QTreeWidget *purchasesView() const { return m_purchases; }
    QTreeWidget *historyView() const { return m_history; }
    TokenUsageChart *usageChart() const { return m_usage; }
    QString planText() const;
    // The usage tab shows that the chart needs a bigger plan instead of the chart.
    bool isUsageLocked() const;
    QString alertsText() const;
    // The history lines shown now (after the filters).
    const QList<TokenHistoryLine> &historyLines() const { return m_lines; }
    bool isEmptyStateShown() const;

Q_SIGNALS:
    // The person wants to connect to a relay (Settings → Relay).
    void relaySettingsRequested();

private:
    QWidget *buildBudgets();
    QWidget *buildPurchases();
    QWidget *buildHistory();
    void reloadBudgets();
    void reloadPlan();
    QWidget *buildPlan();
    void reloadHistory();
    void loadHistory();
    void updateConnection();
    void updateEmptyState();

    TokenLedger &m_ledger;
    const TokenInsights &m_insights;
    const Clock &m_clock;
    QPointer<TokenShop> m_shop;
    const FeatureLocks *m_locks = nullptr;
    QMetaObject::Connection m_shopConnection;
    QMetaObject::Connection m_offerConnection;
    bool m_hasHistory = false;
    bool m_hasPurchases = false;
    bool m_historyStale = true;

    QStackedWidget *m_stack = nullptr;
    EmptyState *m_emptyState = nullptr;
    Banner *m_relayBanner = nullptr;
    Banner *m_problem = nullptr;
    QTreeWidget *m_budgets = nullptr;
    QLabel *m_total = nullptr;
    RoleGate *m_roles = nullptr;
    QPushButton *m_buy = nullptr;
    QPushButton *m_transfer = nullptr;
    QPushButton *m_addBudget = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_warning = nullptr;
    Banner *m_alerts = nullptr;
    QLabel *m_plan = nullptr;
    QStackedWidget *m_usageStack = nullptr;
    EmptyState *m_usageLocked = nullptr;
    QLabel *m_features = nullptr;
    TokenUsageChart *m_usage = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_purchases = nullptr;
    QLabel *m_noPurchases = nullptr;
    QPushButton *m_checkPurchases = nullptr;
    QComboBox *m_historyAccount = nullptr;
    QComboBox *m_historyKind = nullptr;
    QComboBox *m_historyPeriod = nullptr;
    QPushButton *m_export = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_noHistory = nullptr;
    QList<TokenHistoryLine> m_lines;
};

} // namespace kengele
