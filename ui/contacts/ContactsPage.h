// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "contacts/Contact.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace kengele {

class ContactExporter;
class ContactForgetter;
class ContactImportService;
class ContactService;
class PastoralNotes;
class ContactTableModel;
class EmptyState;
class GroupService;
class RoleGate;
class StaffAccounts;

// The Contacts page: search as you type, sort, filter by group, add/edit/delete, mark as opted out
// or allow SMS again, import and export.
class ContactsPage final : public QWidget
{
    Q_OBJECT

public:
    ContactsPage(ContactService &contacts, GroupService &groups, ContactImportService &imports, const ContactExporter &exporter,
                 QWidget *parent = nullptr);

    // Greys what the person at the computer may not do (without a gate: nothing).
    void setRoleGate(RoleGate &gate);
    // Offers "Forget this person…" to those whose role allows it (pastors and administrators).
    void setForgetter(ContactForgetter *forgetter, const StaffAccounts *staff);

    ContactTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void addContact();
    void editSelected();
    void deleteSelected();
    void forgetSelected();
    // Asks first; the selected people who still get SMS become opted out.
    void markSelectedOptedOut();
    // "Allow SMS again…": the selected people, all opted out, after a confirmation with a reason.
    void allowSmsToSelected();
    void importContacts(const QString &filePath = {});
    void exportContacts();
    // With the pastoral notes, a pastor or an administrator sees them in the contact dialog and may
    // search them ("Search pastoral notes…"); nobody else sees that they exist.
    void setPastoralNotes(PastoralNotes *pastoral);
    void searchPastoralNotes();

Q_SIGNALS:
    // "Send SMS…": the window opens the compose dialog with these people (the selected ones) ticked.
    void sendSmsRequested(const QList<qint64> &contactIds);

private:
    void refreshGroups();
    void updateCountAndState();
    void updateButtons();
    void updatePastoralSearch();
    void showContextMenu(const QPoint &position);
    void addSelectedToGroup(qint64 groupId);
    QList<qint64> selectedIds() const;
    QList<Contact> selectedContacts() const;

    ContactService &m_contacts;
    GroupService &m_groups;
    ContactImportService &m_imports;
    const ContactExporter &m_exporter;
    ContactForgetter *m_forgetter = nullptr;
    const StaffAccounts *m_staff = nullptr;
    ContactTableModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QComboBox *m_groupFilter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_optOut = nullptr;
    QPushButton *m_allow = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_pastoralSearch = nullptr;
    PastoralNotes *m_pastoral = nullptr;
    QPushButton *m_sendSms = nullptr;
    QPushButton *m_emptyAdd = nullptr;
    QPushButton *m_emptyImport = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyState *m_emptyState = nullptr;
};

} // namespace kengele
