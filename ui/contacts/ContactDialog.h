// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "contacts/Contact.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace kengele {

class ContactService;
class PastoralNotes;

// Add or edit one contact. The number is checked as it is typed; saving goes through
// ContactService, and a refusal is shown in the form, so nothing typed is lost. Given the pastoral
// notes, a pastor or an administrator also sees a confidential notes section: the notes are opened
// only when they ask (each opening is in the audit trail) and saved with the contact.
class ContactDialog final : public QDialog
{
    Q_OBJECT

public:
    // contactId 0 adds a new contact.
    ContactDialog(ContactService &contacts, qint64 contactId, QWidget *parent = nullptr, PastoralNotes *pastoral = nullptr);

    qint64 savedContactId() const { return m_contactId; }

    void accept() override;

private:
    void checkPhone();
    ContactInput input() const;
    QWidget *buildPastoralSection();
    void openPastoralNotes();
    bool savePastoralNotes();

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
    PastoralNotes *m_pastoral = nullptr;
    QLabel *m_pastoralState = nullptr;
    QPushButton *m_pastoralOpen = nullptr;
    QPlainTextEdit *m_pastoralText = nullptr;
    // The notes as read (or empty for none): only a change is written.
    QString m_pastoralRead;
    bool m_pastoralOpened = false;
};

} // namespace kengele
