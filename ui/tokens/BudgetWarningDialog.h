// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QCheckBox;
class QSpinBox;

namespace kengele {

class Banner;
class TokenLedger;

// "Warning level…": below how many tokens a budget is shown as running low (in the status bar and
// on the Tokens page), or no warning (TokenLedger::setAlertThreshold).
class BudgetWarningDialog final : public QDialog
{
    Q_OBJECT

public:
    BudgetWarningDialog(TokenLedger &ledger, const QString &accountName, QWidget *parent = nullptr);

    // -1: no warning.
    void setLevel(qint64 below);
    void save();
    QString problem() const;

private:
    TokenLedger &m_ledger;
    QString m_account;
    QCheckBox *m_warn = nullptr;
    QSpinBox *m_level = nullptr;
    Banner *m_error = nullptr;
};

} // namespace kengele
