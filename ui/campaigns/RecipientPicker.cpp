// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RecipientPicker.h"

#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "widgets/Colours.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace kengele {

namespace {

constexpr int ContactResults = 30;

} // namespace

RecipientPicker::RecipientPicker(GroupService &groups, ContactService &contacts, QWidget *parent)
    : QWidget(parent)
    , m_groupService(groups)
    , m_contactService(contacts)
{
    setObjectName(QStringLiteral("recipientPicker"));
    m_all = new QCheckBox(tr("All contacts"), this);
    m_all->setObjectName(QStringLiteral("allContactsCheck"));
    m_all->setToolTip(tr("Everyone in Contacts who has not opted out. Someone in several groups gets it once."));
    connect(m_all, &QCheckBox::toggled, this, [this] {
        followAllContacts();
        Q_EMIT allContactsChanged();
    });
    m_groups = new QListWidget(this);
    m_groups->setObjectName(QStringLiteral("groupList"));
    m_groups->setAccessibleName(tr("Groups to send to"));
    Colours::showCheckBoxes(m_groups);
    const Result<QList<Group>> list = m_groupService.list();
    if (list) {
        for (const Group &group : *list) {
            auto *item = new QListWidgetItem(tr("%1 (%Ln)", nullptr, group.memberCount).arg(group.name), m_groups);
            item->setData(Qt::UserRole, group.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            if (group.optedOutCount > 0)
                item->setToolTip(tr("%n member(s) opted out and will be left out.", nullptr, group.optedOutCount));
        }
    }
    if (m_groups->count() == 0) {
        auto *item = new QListWidgetItem(tr("No groups yet. Make them on the Groups page."), m_groups);
        item->setFlags(Qt::NoItemFlags);
    }
    connect(m_groups, &QListWidget::itemChanged, this, &RecipientPicker::groupsChanged);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_searchTimer, &QTimer::timeout, this, &RecipientPicker::searchContacts);
    m_contactSearch = new QLineEdit(this);
    m_contactSearch->setObjectName(QStringLiteral("contactSearchEdit"));
    m_contactSearch->setAccessibleName(tr("Add a person by name or number"));
    m_contactSearch->setPlaceholderText(tr("Type a name or number"));
    m_contactSearch->setClearButtonEnabled(true);
    connect(m_contactSearch, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_contactSearch, &QLineEdit::returnPressed, this, &RecipientPicker::addChosenResult);
    m_contactResults = new QListWidget(this);
    m_contactResults->setObjectName(QStringLiteral("contactResultsList"));
    m_contactResults->setMaximumHeight(m_contactResults->fontMetrics().height() * 7);
    m_contactResults->hide();
    connect(m_contactResults, &QListWidget::itemDoubleClicked, this, &RecipientPicker::addChosenResult);
    m_addContact = new QPushButton(tr("Add"), this);
    m_addContact->setObjectName(QStringLiteral("addContactButton"));
    m_addContact->setAutoDefault(false);
    connect(m_addContact, &QPushButton::clicked, this, &RecipientPicker::addChosenResult);

    m_chosen = new QListWidget(this);
    m_chosen->setObjectName(QStringLiteral("chosenContactsList"));
    m_chosen->setMaximumHeight(m_chosen->fontMetrics().height() * 6);
    m_chosen->hide();
    m_removeContact = new QPushButton(tr("Remove"), this);
    m_removeContact->setObjectName(QStringLiteral("removeContactButton"));
    m_removeContact->setAutoDefault(false);
    m_removeContact->hide();
    connect(m_removeContact, &QPushButton::clicked, this, &RecipientPicker::removeChosenContact);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_contactSearch, 1);
    searchRow->addWidget(m_addContact);

    auto *heading = new QLabel(QStringLiteral("<h3>%1</h3>").arg(tr("1. Who gets it").toHtmlEscaped()), this);
    heading->setContentsMargins(0, 0, 0, 0);
    auto *single = new QLabel(tr("Also these people:"), this);
    single->setToolTip(tr("Add single people, for example a visiting pastor, besides the groups."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(heading);
    layout->addWidget(m_all);
    layout->addWidget(new QLabel(tr("Or these groups:"), this));
    layout->addWidget(m_groups, 1);
    layout->addWidget(single);
    layout->addLayout(searchRow);
    layout->addWidget(m_contactResults);
    layout->addWidget(m_chosen);
    layout->addWidget(m_removeContact, 0, Qt::AlignRight);
}

bool RecipientPicker::allContacts() const
{
    return m_all->isChecked();
}

void RecipientPicker::setAllContacts(bool all)
{
    m_all->setChecked(all);
}

void RecipientPicker::followAllContacts()
{
    // Everyone includes the groups and single people: their choices rest while it is ticked.
    const bool choosing = !m_all->isChecked();
    for (QWidget *widget :
         {static_cast<QWidget *>(m_groups), static_cast<QWidget *>(m_contactSearch), static_cast<QWidget *>(m_contactResults),
          static_cast<QWidget *>(m_addContact), static_cast<QWidget *>(m_chosen), static_cast<QWidget *>(m_removeContact)})
        widget->setEnabled(choosing);
}

QList<qint64> RecipientPicker::groupIds() const
{
    QList<qint64> ids;
    if (m_all->isChecked())
        return ids;
    for (int i = 0; i < m_groups->count(); ++i) {
        const QListWidgetItem *item = m_groups->item(i);
        if (item->checkState() == Qt::Checked)
            ids << item->data(Qt::UserRole).toLongLong();
    }
    return ids;
}

QList<qint64> RecipientPicker::contactIds() const
{
    QList<qint64> ids;
    if (m_all->isChecked())
        return ids;
    for (int i = 0; i < m_chosen->count(); ++i)
        ids << m_chosen->item(i)->data(Qt::UserRole).toLongLong();
    return ids;
}

void RecipientPicker::setGroups(const QList<qint64> &groupIds)
{
    for (int i = 0; i < m_groups->count(); ++i) {
        QListWidgetItem *item = m_groups->item(i);
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(groupIds.contains(item->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
}

void RecipientPicker::setContacts(const QList<qint64> &contactIds)
{
    m_chosen->clear();
    for (const qint64 contactId : contactIds) {
        if (const Result<Contact> contact = m_contactService.get(contactId); contact)
            addContactItem(*contact);
    }
    m_chosen->setVisible(m_chosen->count() > 0);
    m_removeContact->setVisible(m_chosen->count() > 0);
}

bool RecipientPicker::addContact(qint64 contactId)
{
    for (int i = 0; i < m_chosen->count(); ++i) {
        if (m_chosen->item(i)->data(Qt::UserRole).toLongLong() == contactId)
            return false;
    }
    const Result<Contact> contact = m_contactService.get(contactId);
    if (!contact)
        return false;
    addContactItem(*contact);
    Q_EMIT contactsChanged();
    return true;
}

void RecipientPicker::searchContacts()
{
    const QString text = m_contactSearch->text().trimmed();
    m_contactResults->clear();
    if (text.isEmpty()) {
        m_contactResults->hide();
        return;
    }
    ContactQuery query;
    query.search = text;
    const Result<QList<Contact>> found = m_contactService.fetch(query, 0, ContactResults);
    if (found) {
        for (const Contact &contact : *found) {
            const QString name = contact.name().isEmpty() ? tr("(no name)") : contact.name();
            QString label = tr("%1 (%2)").arg(name, contact.phone);
            if (contact.optedOut)
                label = tr("%1 — opted out").arg(label);
            auto *item = new QListWidgetItem(label, m_contactResults);
            item->setData(Qt::UserRole, contact.id);
            if (contact.optedOut)
                item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    if (m_contactResults->count() == 0) {
        auto *item = new QListWidgetItem(tr("Nobody matches “%1”.").arg(text), m_contactResults);
        item->setFlags(Qt::NoItemFlags);
    } else {
        m_contactResults->setCurrentRow(0);
    }
    m_contactResults->show();
}

void RecipientPicker::addChosenResult()
{
    if (m_searchTimer->isActive()) {
        m_searchTimer->stop();
        searchContacts();
    }
    const QListWidgetItem *item = m_contactResults->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    addContact(item->data(Qt::UserRole).toLongLong());
    m_contactSearch->clear();
}

void RecipientPicker::addContactItem(const Contact &contact)
{
    const QString name = contact.name().isEmpty() ? tr("(no name)") : contact.name();
    auto *item = new QListWidgetItem(tr("%1 (%2)").arg(name, contact.phone), m_chosen);
    item->setData(Qt::UserRole, contact.id);
    m_chosen->show();
    m_removeContact->show();
}

void RecipientPicker::removeChosenContact()
{
    delete m_chosen->currentItem();
    m_chosen->setVisible(m_chosen->count() > 0);
    m_removeContact->setVisible(m_chosen->count() > 0);
    Q_EMIT contactsChanged();
}

} // namespace kengele
