// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BudgetWarningDialog.h"

#include "tokens/TokenAccount.h"
#include "tokens/TokenLedger.h"
#include "widgets/Banner.h"
#include "widgets/HintLabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kengele {

BudgetWarningDialog::BudgetWarningDialog(TokenLedger &ledger, const QString &accountName, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
    , m_account(accountName)
{
    setObjectName(QStringLiteral("budgetWarningDialog"));
    setWindowTitle(tr("Warning level of %1").arg(tokenAccountLabel(accountName)));
    m_warn = new QCheckBox(tr("Warn when %1 has fewer tokens than:").arg(tokenAccountLabel(accountName)), this);
    m_warn->setObjectName(QStringLiteral("warnCheck"));
    m_level = new QSpinBox(this);
    m_level->setObjectName(QStringLiteral("warnLevelSpin"));
    m_level->setAccessibleName(tr("Warning level in tokens"));
    m_level->setRange(0, int(TokenLedger::MaxTokensPerTransfer));
    m_level->setGroupSeparatorShown(true);
    m_level->setValue(200);
    connect(m_warn, &QCheckBox::toggled, m_level, &QWidget::setEnabled);
    auto *hint = new HintLabel(tr("Below this level the status bar and the Tokens page say so, so there is time to buy "
                                  "tokens or move some before SMS cannot be sent."),
                               this);
    hint->setObjectName(QStringLiteral("warnHintLabel"));
    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("warnErrorBanner"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &BudgetWarningDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(m_warn);
    row->addWidget(m_level);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    if (const Result<TokenAccount> account = m_ledger.findAccount(accountName); account)
        setLevel(account->alertBelow);
    else
        setLevel(-1);
}

void BudgetWarningDialog::setLevel(qint64 below)
{
    m_warn->setChecked(below >= 0);
    m_level->setEnabled(below >= 0);
    if (below >= 0)
        m_level->setValue(int(qMin<qint64>(below, m_level->maximum())));
}

QString BudgetWarningDialog::problem() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void BudgetWarningDialog::save()
{
    const Result<TokenAccount> saved = m_ledger.setAlertThreshold(m_account, m_warn->isChecked() ? m_level->value() : -1);
    if (!saved) {
        m_error->setText(saved.error().message);
        m_error->show();
        return;
    }
    accept();
}

} // namespace kengele
