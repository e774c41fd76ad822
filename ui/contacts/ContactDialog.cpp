// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactDialog.h"

#include "contacts/ContactService.h"
#include "contacts/PastoralNotes.h"
#include "contacts/PhoneNormalizer.h"
#include "widgets/Colours.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kengele {

ContactDialog::ContactDialog(ContactService &contacts, qint64 contactId, QWidget *parent, PastoralNotes *pastoral)
    : QDialog(parent)
    , m_contacts(contacts)
    , m_contactId(contactId)
    , m_pastoral(pastoral)
{
    setWindowTitle(contactId ? tr("Edit contact") : tr("Add contact"));
    setObjectName(QStringLiteral("contactDialog"));

    m_firstName = new QLineEdit(this);
    m_firstName->setObjectName(QStringLiteral("firstNameEdit"));
    m_lastName = new QLineEdit(this);
    m_lastName->setObjectName(QStringLiteral("lastNameEdit"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_phone->setPlaceholderText(tr("e.g. 0712 345 678"));
    m_phoneHint = new QLabel(this);
    m_phoneHint->setObjectName(QStringLiteral("phoneHintLabel"));
    m_phoneHint->setWordWrap(true);
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(90);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    Colours::setTone(m_error, Colours::Tone::Error, true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("First name:"), m_firstName);
    form->addRow(tr("Last name:"), m_lastName);
    form->addRow(tr("Phone:"), m_phone);
    form->addRow(QString(), m_phoneHint);
    form->addRow(tr("E-mail:"), m_email);
    form->addRow(tr("Notes:"), m_notes);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ContactDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (QWidget *section = buildPastoralSection())
        layout->addWidget(section);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    if (contactId) {
        if (const Result<Contact> contact = m_contacts.get(contactId); contact) {
            m_firstName->setText(contact->firstName);
            m_lastName->setText(contact->lastName);
            m_phone->setText(contact->phoneRaw.isEmpty() ? contact->phone : contact->phoneRaw);
            m_email->setText(contact->email);
            m_notes->setPlainText(contact->notes);
        } else {
            m_error->setText(contact.error().message);
            m_error->show();
            m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        }
    }
    connect(m_phone, &QLineEdit::textChanged, this, &ContactDialog::checkPhone);
    checkPhone();
}

ContactInput ContactDialog::input() const
{
    ContactInput input;
    input.firstName = m_firstName->text();
    input.lastName = m_lastName->text();
    input.phone = m_phone->text();
    input.email = m_email->text();
    input.notes = m_notes->toPlainText();
    return input;
}

void ContactDialog::checkPhone()
{
    const QString text = m_phone->text().trimmed();
    if (text.isEmpty()) {
        m_phoneHint->setText(tr("Numbers without a country code are read as %1 numbers.")
                                 .arg(PhoneNormalizer::regionName(m_contacts.phones().defaultRegion())));
        Colours::setTone(m_phoneHint, Colours::Tone::Normal);
        return;
    }
    const Result<QString> normalized = m_contacts.phones().normalize(text);
    if (normalized) {
        m_phoneHint->setText(tr("✓ Will be saved as %1").arg(*normalized));
        Colours::setTone(m_phoneHint, Colours::Tone::Success);
    } else {
        m_phoneHint->setText(normalized.error().message);
        Colours::setTone(m_phoneHint, Colours::Tone::Error);
    }
}

QWidget *ContactDialog::buildPastoralSection()
{
    // Only for whoever may open them; for anyone else the section is not there at all.
    if (!m_pastoral || !m_pastoral->mayOpen())
        return nullptr;
    auto *box = new QGroupBox(tr("Pastoral notes (confidential)"), this);
    box->setObjectName(QStringLiteral("pastoralBox"));
    m_pastoralState = new QLabel(box);
    m_pastoralState->setObjectName(QStringLiteral("pastoralStateLabel"));
    m_pastoralState->setWordWrap(true);
    m_pastoralOpen = new QPushButton(box);
    m_pastoralOpen->setObjectName(QStringLiteral("pastoralOpenButton"));
    m_pastoralText = new QPlainTextEdit(box);
    m_pastoralText->setObjectName(QStringLiteral("pastoralTextEdit"));
    m_pastoralText->setTabChangesFocus(true);
    m_pastoralText->setAccessibleName(tr("Pastoral notes"));
    m_pastoralText->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_pastoralState, 1);
    row->addWidget(m_pastoralOpen);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(m_pastoralText);
    connect(m_pastoralOpen, &QPushButton::clicked, this, &ContactDialog::openPastoralNotes);

    const QString who = tr("Only pastors and administrators see these notes, and each opening is recorded in the audit trail.");
    const Result<bool> has = m_contactId ? m_pastoral->has(m_contactId) : Result<bool>(false);
    if (!has) {
        m_pastoralState->setText(has.error().message);
        Colours::setTone(m_pastoralState, Colours::Tone::Error);
        m_pastoralOpen->hide();
    } else if (*has) {
        m_pastoralState->setText(tr("This person has pastoral notes.") + u' ' + who);
        m_pastoralOpen->setText(tr("Show notes"));
    } else {
        m_pastoralState->setText(tr("No pastoral notes yet.") + u' ' + who);
        m_pastoralOpen->setText(tr("Add notes"));
    }
    return box;
}

void ContactDialog::openPastoralNotes()
{
    QString text;
    if (m_contactId) {
        const Result<bool> has = m_pastoral->has(m_contactId);
        if (has && *has) {
            const Result<QString> read = m_pastoral->read(m_contactId);
            if (!read) {
                m_pastoralState->setText(read.error().message);
                Colours::setTone(m_pastoralState, Colours::Tone::Error);
                return;
            }
            text = *read;
        }
    }
    m_pastoralRead = text;
    m_pastoralOpened = true;
    m_pastoralText->setPlainText(text);
    m_pastoralText->show();
    m_pastoralOpen->hide();
    m_pastoralState->setText(tr("Confidential: never exported, and kept encrypted on this computer."));
    Colours::setTone(m_pastoralState, Colours::Tone::Normal);
    m_pastoralText->setFocus();
}

bool ContactDialog::savePastoralNotes()
{
    if (!m_pastoralOpened || m_pastoralText->toPlainText() == m_pastoralRead)
        return true;
    if (const Status written = m_pastoral->write(m_contactId, m_pastoralText->toPlainText()); !written) {
        m_error->setText(tr("The contact was saved, but not the pastoral notes: %1").arg(written.error().message));
        m_error->show();
        return false;
    }
    m_pastoralRead = m_pastoralText->toPlainText();
    return true;
}

void ContactDialog::accept()
{
    const Result<Contact> saved = m_contactId ? m_contacts.update(m_contactId, input()) : m_contacts.add(input());
    if (!saved) {
        m_error->setText(saved.error().message);
        m_error->show();
        return;
    }
    m_contactId = saved->id;
    if (!savePastoralNotes())
        return;
    QDialog::accept();
}

} // namespace kengele
