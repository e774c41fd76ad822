// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "contacts/Contact.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace kengele {

class ContactService;

// Add or edit one contact. The number is checked as it is typed; saving goes through
// ContactService, and a refusal is shown in the form, so nothing typed is lost.
class ContactDialog final : public QDialog
{
    Q_OBJECT

public:
    // contactId 0 adds a new contact.
    ContactDialog(ContactService &contacts, qint64 contactId, QWidget *parent = nullptr);

    qint64 savedContactId() const { return m_contactId; }

    void accept() override;

private:
    void checkPhone();
    ContactInput input() const;

    ContactService &m_contacts;
    qint64 m_contactId = 0;
    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_phoneHint = nullptr;
    QLineEdit *m_email = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace kengele
