// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BudgetNameDialog.h"

#include "tokens/TokenAccount.h"
#include "tokens/TokenLedger.h"
#include "widgets/Banner.h"
#include "widgets/HintLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kengele {

BudgetNameDialog::BudgetNameDialog(TokenLedger &ledger, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
{
    setObjectName(QStringLiteral("budgetNameDialog"));
    setWindowTitle(tr("Add a department budget"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("budgetNameEdit"));
    m_name->setMaxLength(60);
    m_name->setPlaceholderText(tr("For example: Youth"));
    auto *hint = new HintLabel(tr("A department budget keeps tokens for one department, so one department cannot use up "
                                  "another's. It starts empty: move tokens to it with “Transfer…”, or choose it when you "
                                  "buy."),
                               this);
    hint->setObjectName(QStringLiteral("budgetHintLabel"));
    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("budgetErrorBanner"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Department:"), m_name);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Add budget"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("addBudgetOkButton"));
    m_ok->setDefault(true);
    m_ok->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &BudgetNameDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_ok->setEnabled(!text.trimmed().isEmpty());
        m_error->hide();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void BudgetNameDialog::setRenaming(const QString &accountName)
{
    m_renaming = accountName;
    setWindowTitle(tr("Rename the budget %1").arg(accountName));
    m_ok->setText(tr("Rename"));
    m_name->setText(accountName);
    m_name->selectAll();
}

void BudgetNameDialog::setName(const QString &name)
{
    m_name->setText(name);
}

QString BudgetNameDialog::problem() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void BudgetNameDialog::save()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return;
    const Result<TokenAccount> created
        = m_renaming.isEmpty() ? m_ledger.createBudgetAccount(name) : m_ledger.renameBudgetAccount(m_renaming, name);
    if (!created) {
        m_error->setText(created.error().message);
        m_error->show();
        return;
    }
    m_saved = created->name;
    accept();
}

} // namespace kengele
