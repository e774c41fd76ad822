// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSplitter;
class QPushButton;
class QTableView;

namespace kengele {

class ContactService;
class ContactTableModel;
class GroupListModel;
class GroupService;
class RoleGate;

// The Groups page: the groups on the left; the chosen group's members in the middle; everyone else
// on the right, to add with a button or by dragging (several at once with Ctrl/Shift).
class GroupsPage final : public QWidget
{
    Q_OBJECT

public:
    GroupsPage(GroupService &groups, ContactService &contacts, QWidget *parent = nullptr);

    // Greys what the person at the computer may not do (without a gate: nothing).
    void setRoleGate(RoleGate &gate);

    qint64 currentGroupId() const { return m_currentGroupId; }
    void selectGroup(qint64 groupId);
    void createGroup();
    void renameGroup();
    void deleteGroup();
    void addSelectedCandidates();
    void removeSelectedMembers();
    void addToCurrentGroup(const QList<qint64> &contactIds);

    ContactTableModel *membersModel() const { return m_membersModel; }
    ContactTableModel *candidatesModel() const { return m_candidatesModel; }
    QTableView *candidatesView() const { return m_candidatesView; }
    QTableView *membersView() const { return m_membersView; }

Q_SIGNALS:
    // "Send SMS to this group…": the window opens the compose dialog with the group ticked.
    void sendSmsRequested(qint64 groupId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void currentGroupChanged();
    void updateButtons();
    QTableView *makeContactView(ContactTableModel *model, const QString &objectName);

    GroupService &m_groups;
    ContactService &m_contacts;
    GroupListModel *m_groupModel = nullptr;
    ContactTableModel *m_membersModel = nullptr;
    ContactTableModel *m_candidatesModel = nullptr;
    qint64 m_currentGroupId = 0;

    QListView *m_groupList = nullptr;
    QPushButton *m_newGroup = nullptr;
    QPushButton *m_renameGroup = nullptr;
    QPushButton *m_deleteGroup = nullptr;
    QLabel *m_membersTitle = nullptr;
    QPushButton *m_sendSms = nullptr;
    QTableView *m_membersView = nullptr;
    QPushButton *m_removeMembers = nullptr;
    QLineEdit *m_candidateSearch = nullptr;
    QTableView *m_candidatesView = nullptr;
    QPushButton *m_addMembers = nullptr;
};

} // namespace kengele
