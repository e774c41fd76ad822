// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PastoralSearchDialog.h"

#include "ContactDialog.h"
#include "contacts/ContactService.h"
#include "contacts/PastoralNotes.h"
#include "widgets/Colours.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kengele {

PastoralSearchDialog::PastoralSearchDialog(ContactService &contacts, PastoralNotes &pastoral, QWidget *parent)
    : QDialog(parent)
    , m_contacts(contacts)
    , m_pastoral(pastoral)
{
    setWindowTitle(tr("Search pastoral notes"));
    setObjectName(QStringLiteral("pastoralSearchDialog"));

    auto *intro = new QLabel(tr("Finds the people whose confidential notes contain these words. Each search is recorded in "
                                "the audit trail, without the words searched."),
                             this);
    intro->setWordWrap(true);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("pastoralSearchEdit"));
    m_text->setAccessibleName(tr("Words to find in pastoral notes"));
    m_text->setPlaceholderText(tr("e.g. hospital"));
    m_searchButton = new QPushButton(tr("Search"), this);
    m_searchButton->setObjectName(QStringLiteral("pastoralSearchButton"));
    m_searchButton->setDefault(true);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("pastoralSearchResultLabel"));
    m_result->setWordWrap(true);
    m_found = new QListWidget(this);
    m_found->setObjectName(QStringLiteral("pastoralFoundList"));
    m_found->setAccessibleName(tr("People found"));

    connect(m_searchButton, &QPushButton::clicked, this, &PastoralSearchDialog::search);
    connect(m_text, &QLineEdit::returnPressed, this, &PastoralSearchDialog::search);
    connect(m_found, &QListWidget::itemActivated, this, &PastoralSearchDialog::openSelected);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &PastoralSearchDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_searchButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(m_result);
    layout->addWidget(m_found, 1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

void PastoralSearchDialog::search()
{
    m_found->clear();
    if (m_text->text().trimmed().isEmpty()) {
        m_result->setText(tr("Type the words to look for."));
        Colours::setTone(m_result, Colours::Tone::Normal);
        return;
    }
    const Result<QList<qint64>> ids = m_pastoral.search(m_text->text().trimmed());
    if (!ids) {
        m_result->setText(ids.error().message);
        Colours::setTone(m_result, Colours::Tone::Error);
        return;
    }
    for (const qint64 id : *ids) {
        const Result<Contact> contact = m_contacts.get(id);
        if (!contact)
            continue;
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(contact->name(), contact->phone), m_found);
        item->setData(Qt::UserRole, id);
    }
    m_result->setText(m_found->count()
                          ? tr("%n person(s) found. Double-click one to open their notes.", nullptr, m_found->count())
                          : tr("Nobody's notes contain these words."));
    Colours::setTone(m_result, Colours::Tone::Normal);
}

void PastoralSearchDialog::openSelected()
{
    const QListWidgetItem *item = m_found->currentItem();
    if (!item)
        return;
    ContactDialog dialog(m_contacts, item->data(Qt::UserRole).toLongLong(), this, &m_pastoral);
    dialog.exec();
}

} // namespace kengele
