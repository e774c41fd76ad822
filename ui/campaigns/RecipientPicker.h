// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace kengele {

struct Contact;
class ContactService;
class GroupService;

// "1. Who gets it" of a campaign: everyone ("All contacts"), or the groups to tick and single
// people found by name or number (for example a visiting pastor) besides them.
class RecipientPicker final : public QWidget
{
    Q_OBJECT

public:
    explicit RecipientPicker(GroupService &groups, ContactService &contacts, QWidget *parent = nullptr);

    // Everyone who has not opted out; groupIds() and contactIds() are then empty (the ticks and
    // people chosen before stay, for when it is unticked).
    bool allContacts() const;
    void setAllContacts(bool all);
    QList<qint64> groupIds() const;
    QList<qint64> contactIds() const;
    // Ticks exactly these groups.
    void setGroups(const QList<qint64> &groupIds);
    // Exactly these single people (ones that no longer exist are left out).
    void setContacts(const QList<qint64> &contactIds);
    // Adds one person unless already chosen; false when nothing was added.
    bool addContact(qint64 contactId);

Q_SIGNALS:
    // "All contacts" was ticked or unticked.
    void allContactsChanged();
    // A group was ticked or unticked.
    void groupsChanged();
    // A single person was added or removed.
    void contactsChanged();

private:
    void searchContacts();
    void addChosenResult();
    void removeChosenContact();
    void addContactItem(const Contact &contact);

    GroupService &m_groupService;
    ContactService &m_contactService;
    void followAllContacts();

    QCheckBox *m_all = nullptr;
    QTimer *m_searchTimer = nullptr;
    QListWidget *m_groups = nullptr;
    QLineEdit *m_contactSearch = nullptr;
    QListWidget *m_contactResults = nullptr;
    QPushButton *m_addContact = nullptr;
    QListWidget *m_chosen = nullptr;
    QPushButton *m_removeContact = nullptr;
};

} // namespace kengele
