// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace kengele {

class Banner;
class TokenLedger;

// "Add budget…" (and "Rename…"): a department's budget (Youth, Women's Fellowship…) with its own tokens, so one
// department cannot use up another's (TokenLedger::createBudgetAccount).
class BudgetNameDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit BudgetNameDialog(TokenLedger &ledger, QWidget *parent = nullptr);

    void setName(const QString &name);
    // Renames this department's budget instead of adding one (TokenLedger::renameBudgetAccount).
    void setRenaming(const QString &accountName);
    // Adds the budget; on success the dialog is accepted, else it says why and stays.
    void save();
    QString problem() const;
    QString savedName() const { return m_saved; }

private:
    TokenLedger &m_ledger;
    QLineEdit *m_name = nullptr;
    Banner *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QString m_saved;
    QString m_renaming;
};

} // namespace kengele
