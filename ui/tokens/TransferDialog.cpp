// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TransferDialog.h"

#include "TokensText.h"
#include "tokens/TokenAccount.h"
#include "tokens/TokenLedger.h"
#include "widgets/Banner.h"
#include "widgets/HintLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kengele {

TransferDialog::TransferDialog(TokenLedger &ledger, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Move tokens between budgets"));
    m_from = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("fromCombo"));
    m_to = new QComboBox(this);
    m_to->setObjectName(QStringLiteral("toCombo"));
    if (const Result<QList<TokenAccount>> accounts = m_ledger.budgetAccounts(); accounts) {
        for (const TokenAccount &account : *accounts) {
            const QString label = tr("%1 (%2)").arg(tokenAccountLabel(account.name), TokensText::tokens(account.balance));
            m_from->addItem(label, account.name);
            m_from->setItemData(m_from->count() - 1, account.balance, Qt::UserRole + 1);
            m_to->addItem(tokenAccountLabel(account.name), account.name);
        }
    }
    if (m_to->count() > 1)
        m_to->setCurrentIndex(1);
    m_tokens = new QSpinBox(this);
    m_tokens->setObjectName(QStringLiteral("tokensSpin"));
    m_tokens->setRange(0, int(TokenLedger::MaxTokensPerTransfer));
    m_tokens->setGroupSeparatorShown(true);
    m_available = new HintLabel(QString(), this);
    m_available->setObjectName(QStringLiteral("availableLabel"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setMaxLength(200);
    m_reason->setPlaceholderText(tr("For example: Youth camp reminders"));
    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("transferErrorBanner"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *intro = new QLabel(tr("Tokens moved to a department's budget can only be used by that department's SMS. The "
                                "move is kept in the history with its reason."),
                             this);
    intro->setObjectName(QStringLiteral("transferIntroLabel"));
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("Tokens:"), m_tokens);
    form->addRow(QString(), m_available);
    form->addRow(tr("Why:"), m_reason);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_move = buttons->addButton(tr("Move tokens"), QDialogButtonBox::AcceptRole);
    m_move->setObjectName(QStringLiteral("moveTokensButton"));
    m_move->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TransferDialog::transfer);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_from, &QComboBox::currentIndexChanged, this, &TransferDialog::update);
    connect(m_to, &QComboBox::currentIndexChanged, this, &TransferDialog::update);
    connect(m_tokens, &QSpinBox::valueChanged, this, &TransferDialog::update);
    connect(m_reason, &QLineEdit::textChanged, this, &TransferDialog::update);
    setMinimumWidth(520);
    update();
}

void TransferDialog::setAccounts(const QString &from, const QString &to)
{
    if (const int i = m_from->findData(from); i >= 0)
        m_from->setCurrentIndex(i);
    if (const int i = m_to->findData(to); i >= 0)
        m_to->setCurrentIndex(i);
}

void TransferDialog::setTokens(qint64 tokens)
{
    m_tokens->setValue(int(qBound(qint64(0), tokens, TokenLedger::MaxTokensPerTransfer)));
}

void TransferDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

QString TransferDialog::problem() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TransferDialog::update()
{
    const qint64 available = m_from->currentData(Qt::UserRole + 1).toLongLong();
    m_available->setText(
        tr("%1 has %2.").arg(tokenAccountLabel(m_from->currentData().toString()), TokensText::tokens(available)));
    const bool same = m_from->currentData() == m_to->currentData();
    QString hint;
    if (m_from->count() < 2)
        hint = tr("There is only one budget. Add a department's budget first (“Add budget…”).");
    else if (same)
        hint = tr("Choose two different budgets.");
    else if (m_tokens->value() > available)
        hint = tr("%1 has only %2.").arg(tokenAccountLabel(m_from->currentData().toString()), TokensText::tokens(available));
    m_move->setEnabled(hint.isEmpty() && m_tokens->value() > 0 && !m_reason->text().trimmed().isEmpty());
    m_move->setToolTip(hint.isEmpty() ? tr("Give the number of tokens and the reason.") : hint);
    m_error->setText(hint);
    m_error->setKind(Banner::Kind::Warning);
    m_error->setVisible(!hint.isEmpty());
}

void TransferDialog::transfer()
{
    if (!m_move->isEnabled())
        return;
    const Result<TokenTransfer> moved
        = m_ledger.transfer(m_from->currentData().toString(), m_to->currentData().toString(), m_tokens->value(),
                            m_reason->text().trimmed(), qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")));
    if (!moved) {
        m_error->setKind(Banner::Kind::Error);
        m_error->setText(moved.error().message);
        m_error->show();
        return;
    }
    accept();
}

} // namespace kengele
