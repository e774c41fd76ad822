// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What the Tokens page's buttons do: buy, show a purchase, transfer, and the budget accounts (add,
// rename, warning level). Building and loading the page stay in TokensPage.cpp.
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

void TokensPage::setRoleGate(RoleGate &gate)
{
    m_roles = &gate;
    for (QPushButton *button : {m_buy, m_transfer, m_addBudget, m_rename, m_warning})
        gate.gate(button, Permission::ManageTokens);
    gate.gate(findChild<QPushButton *>(QStringLiteral("tokensUsageBuyButton")), Permission::ManageTokens);
}

void TokensPage::buyTokens(QWidget *parent, const QString &plan)
{
    if (!m_shop)
        return;
    // From elsewhere too (Help → Support, the compose dialog): why not, rather than nothing.
    if (const Status allowed = RoleGate::check(m_roles, Permission::ManageTokens); !allowed) {
        MessageBox::information(parent ? parent : this, tr("Buy tokens"), allowed.error().message);
        return;
    }
    BuyTokensDialog dialog(*m_shop, m_ledger, parent ? parent : this);
    if (!plan.isEmpty())
        dialog.choosePlan(plan);
    connect(&dialog, &BuyTokensDialog::relaySettingsRequested, this, &TokensPage::relaySettingsRequested);
    if (!m_budgets->selectedItems().isEmpty())
        dialog.setAccount(m_budgets->selectedItems().constFirst()->data(0, Qt::UserRole).toString());
    dialog.exec();
    reload();
}

void TokensPage::showPurchase(const QString &requestId)
{
    if (!m_shop || requestId.isEmpty())
        return;
    BuyTokensDialog dialog(*m_shop, m_ledger, this);
    dialog.followPurchase(requestId);
    dialog.exec();
}

void TokensPage::transferTokens()
{
    TransferDialog dialog(m_ledger, this);
    if (!m_budgets->selectedItems().isEmpty()) {
        const QString chosen = m_budgets->selectedItems().constFirst()->data(0, Qt::UserRole).toString();
        if (chosen != QStringLiteral("Main"))
            dialog.setAccounts(QStringLiteral("Main"), chosen);
    }
    dialog.exec();
}

void TokensPage::addBudget()
{
    BudgetNameDialog dialog(m_ledger, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        chooseBudget(dialog.savedName());
    }
}

QString TokensPage::chosenBudget() const
{
    const QList<QTreeWidgetItem *> chosen = m_budgets->selectedItems();
    return chosen.isEmpty() ? QStringLiteral("Main") : chosen.constFirst()->data(0, Qt::UserRole).toString();
}

void TokensPage::chooseBudget(const QString &accountName)
{
    for (int i = 0; i < m_budgets->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_budgets->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == accountName)
            m_budgets->setCurrentItem(item);
    }
}

void TokensPage::renameBudget()
{
    const QString chosen = chosenBudget();
    if (chosen == QStringLiteral("Main"))
        return;
    BudgetNameDialog dialog(m_ledger, this);
    dialog.setRenaming(chosen);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        chooseBudget(dialog.savedName());
    }
}

void TokensPage::setWarningLevel()
{
    const QString chosen = chosenBudget();
    BudgetWarningDialog dialog(m_ledger, chosen, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        chooseBudget(chosen);
    }
}

} // namespace kengele
