// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace kengele {

class ContactService;
class PastoralNotes;

// "Search pastoral notes…" for a pastor or an administrator: the people whose confidential notes
// contain the words typed. Each search is recorded in the audit trail (never the words); a person
// found opens in the contact dialog with their notes.
class PastoralSearchDialog final : public QDialog
{
    Q_OBJECT

public:
    PastoralSearchDialog(ContactService &contacts, PastoralNotes &pastoral, QWidget *parent = nullptr);

    void search();

private:
    void openSelected();

    ContactService &m_contacts;
    PastoralNotes &m_pastoral;
    QLineEdit *m_text = nullptr;
    QPushButton *m_searchButton = nullptr;
    QLabel *m_result = nullptr;
    QListWidget *m_found = nullptr;
};

} // namespace kengele
