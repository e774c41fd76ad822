// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace kengele {

class Banner;
class TokenLedger;

// "Transfer…": moves tokens from one budget to another (TokenLedger::transfer), with the reason
// written down for the treasurer. Never more than the first budget has; the reason is required.
class TransferDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TransferDialog(TokenLedger &ledger, QWidget *parent = nullptr);

    // Pre-selects the budgets (stored names).
    void setAccounts(const QString &from, const QString &to);
    void setTokens(qint64 tokens);
    void setReason(const QString &reason);
    // Moves the tokens; on success the dialog is accepted, else it says why and stays.
    void transfer();
    QString problem() const;

private:
    void update();

    TokenLedger &m_ledger;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QSpinBox *m_tokens = nullptr;
    QLabel *m_available = nullptr;
    QLineEdit *m_reason = nullptr;
    Banner *m_error = nullptr;
    QPushButton *m_move = nullptr;
};

} // namespace kengele
