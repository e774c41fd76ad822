// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GroupsPage.h"

#include "GroupListModel.h"
#include "MessageBox.h"
#include "contacts/ContactMime.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/GroupService.h"
#include "security/RoleGate.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace kengele {

GroupsPage::GroupsPage(GroupService &groups, ContactService &contacts, QWidget *parent)
    : QWidget(parent)
    , m_groups(groups)
    , m_contacts(contacts)
{
    setObjectName(QStringLiteral("groupsPage"));
    m_groupModel = new GroupListModel(m_groups, this);
    m_membersModel = new ContactTableModel(m_contacts, this);
    m_candidatesModel = new ContactTableModel(m_contacts, this);
    // Until a group is chosen, the members list is empty and every contact is a candidate.
    m_membersModel->setGroupFilter(-1);

    // Left: the groups.
    m_groupList = new QListView(this);
    m_groupList->setObjectName(QStringLiteral("groupList"));
    m_groupList->setAccessibleName(tr("Groups"));
    m_groupList->setModel(m_groupModel);
    m_groupList->setAcceptDrops(true);
    m_groupList->setDropIndicatorShown(true);
    m_groupList->setDragDropMode(QAbstractItemView::DropOnly);
    m_groupList->setDefaultDropAction(Qt::CopyAction);
    m_groupList->setSpacing(2);
    connect(m_groupModel, &GroupListModel::dropFailed, this,
            [this](const QString &message) { MessageBox::warning(this, tr("Groups"), message); });
    connect(m_groupList->selectionModel(), &QItemSelectionModel::currentChanged, this, &GroupsPage::currentGroupChanged);
    connect(m_groupModel, &GroupListModel::modelReset, this, [this] { selectGroup(m_currentGroupId); });

    m_newGroup = new QPushButton(tr("New group…"), this);
    m_newGroup->setObjectName(QStringLiteral("newGroupButton"));
    m_renameGroup = new QPushButton(tr("Rename…"), this);
    m_renameGroup->setObjectName(QStringLiteral("renameGroupButton"));
    m_deleteGroup = new QPushButton(tr("Delete"), this);
    m_deleteGroup->setObjectName(QStringLiteral("deleteGroupButton"));
    connect(m_newGroup, &QPushButton::clicked, this, &GroupsPage::createGroup);
    connect(m_renameGroup, &QPushButton::clicked, this, &GroupsPage::renameGroup);
    connect(m_deleteGroup, &QPushButton::clicked, this, &GroupsPage::deleteGroup);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Groups</b>"), left));
    leftLayout->addWidget(m_groupList, 1);
    // Two rows of buttons keep the group list narrow, so the member names have the room.
    auto *groupButtons = new QGridLayout;
    groupButtons->addWidget(m_newGroup, 0, 0, 1, 2);
    groupButtons->addWidget(m_renameGroup, 1, 0);
    groupButtons->addWidget(m_deleteGroup, 1, 1);
    leftLayout->addLayout(groupButtons);

    // Middle: members of the chosen group.
    m_membersTitle = new QLabel(this);
    m_membersTitle->setObjectName(QStringLiteral("membersTitleLabel"));
    m_membersView = makeContactView(m_membersModel, QStringLiteral("membersView"));
    m_membersView->setAccessibleName(tr("Members of the group"));
    m_membersView->setAcceptDrops(true);
    m_membersView->viewport()->installEventFilter(this);
    m_removeMembers = new QPushButton(tr("Remove from group"), this);
    m_removeMembers->setObjectName(QStringLiteral("removeMembersButton"));
    connect(m_removeMembers, &QPushButton::clicked, this, &GroupsPage::removeSelectedMembers);
    m_sendSms = new QPushButton(tr("Send SMS to this group…"), this);
    m_sendSms->setObjectName(QStringLiteral("sendSmsToGroupButton"));
    connect(m_sendSms, &QPushButton::clicked, this, [this] {
        if (m_currentGroupId > 0)
            Q_EMIT sendSmsRequested(m_currentGroupId);
    });
    m_membersTitle->setWordWrap(true);
    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_membersTitle, 1);
    titleRow->addWidget(m_sendSms, 0, Qt::AlignBottom);
    middleLayout->addLayout(titleRow);
    middleLayout->addWidget(m_membersView, 1);
    middleLayout->addWidget(m_removeMembers, 0, Qt::AlignLeft);

    // Right: everyone not in the group yet.
    m_candidateSearch = new QLineEdit(this);
    m_candidateSearch->setObjectName(QStringLiteral("candidateSearchEdit"));
    m_candidateSearch->setAccessibleName(tr("Search other contacts"));
    m_candidateSearch->setPlaceholderText(tr("Find people to add"));
    m_candidateSearch->setClearButtonEnabled(true);
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(150);
    connect(m_candidateSearch, &QLineEdit::textChanged, searchTimer, qOverload<>(&QTimer::start));
    connect(searchTimer, &QTimer::timeout, this, [this] { m_candidatesModel->setSearch(m_candidateSearch->text()); });
    m_candidatesView = makeContactView(m_candidatesModel, QStringLiteral("candidatesView"));
    m_candidatesView->setAccessibleName(tr("Other contacts"));
    m_candidatesView->setDragEnabled(true);
    m_candidatesView->setDragDropMode(QAbstractItemView::DragOnly);
    m_addMembers = new QPushButton(tr("← Add to group"), this);
    m_addMembers->setObjectName(QStringLiteral("addMembersButton"));
    connect(m_addMembers, &QPushButton::clicked, this, &GroupsPage::addSelectedCandidates);
    connect(m_candidatesView, &QTableView::doubleClicked, this, &GroupsPage::addSelectedCandidates);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("<b>Other contacts</b> — select and add, or drag onto the members or a group"), right);
    hint->setWordWrap(true);
    rightLayout->addWidget(hint);
    rightLayout->addWidget(m_candidateSearch);
    rightLayout->addWidget(m_candidatesView, 1);
    rightLayout->addWidget(m_addMembers, 0, Qt::AlignLeft);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(middle);
    splitter->addWidget(right);
    // The groups take what their names need; the rest is shared by the two lists of people.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);
    const int groupsWidth = m_groupList->sizeHintForColumn(0) + 2 * m_groupList->frameWidth()
        + m_groupList->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 12;
    splitter->setSizes({qMax(groupsWidth, left->minimumSizeHint().width()), 420, 420});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h1>Groups</h1>"), this));
    layout->addWidget(splitter, 1);

    connect(m_membersView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GroupsPage::updateButtons);
    connect(m_candidatesView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GroupsPage::updateButtons);
    connect(m_membersModel, &ContactTableModel::modelReset, this, &GroupsPage::updateButtons);
    connect(m_candidatesModel, &ContactTableModel::modelReset, this, &GroupsPage::updateButtons);
    connect(&m_groups, &GroupService::membersChanged, this, [this] {
        m_membersModel->reload();
        m_candidatesModel->reload();
    });

    if (m_groupModel->rowCount() > 0)
        selectGroup(m_groupModel->groupAt(0)->id);
    else
        currentGroupChanged();
}

QTableView *GroupsPage::makeContactView(ContactTableModel *model, const QString &objectName)
{
    auto *view = new QTableView(this);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSortingEnabled(true);
    view->sortByColumn(ContactTableModel::NameColumn, Qt::AscendingOrder);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->hideColumn(ContactTableModel::GroupsColumn);
    // The name takes what is left; phone and status keep the width they need.
    view->horizontalHeader()->setStretchLastSection(false);
    view->horizontalHeader()->setSectionResizeMode(ContactTableModel::NameColumn, QHeaderView::Stretch);
    view->setColumnWidth(ContactTableModel::PhoneColumn,
                         view->fontMetrics().horizontalAdvance(QStringLiteral("+254 712 345 678")) + 12);
    view->setColumnWidth(ContactTableModel::StatusColumn, view->fontMetrics().horizontalAdvance(tr("Opted out")) + 24);
    return view;
}

void GroupsPage::selectGroup(qint64 groupId)
{
    const int row = m_groupModel->rowOf(groupId);
    if (row < 0) {
        m_groupList->setCurrentIndex({});
        currentGroupChanged();
        return;
    }
    m_groupList->setCurrentIndex(m_groupModel->index(row));
    currentGroupChanged();
}

void GroupsPage::setRoleGate(RoleGate &gate)
{
    for (QPushButton *button : {m_newGroup, m_renameGroup, m_deleteGroup, m_removeMembers, m_addMembers})
        gate.gate(button, Permission::EditContacts);
    gate.gate(m_sendSms, Permission::SendCampaigns);
    // Dragging people onto the members or onto a group adds them.
    gate.follow(this, Permission::EditContacts, [this](const Status &allowed) {
        m_candidatesView->setDragEnabled(allowed.has_value());
        m_groupList->setDragDropMode(allowed ? QAbstractItemView::DropOnly : QAbstractItemView::NoDragDrop);
        m_membersView->setAcceptDrops(allowed.has_value());
    });
}

void GroupsPage::currentGroupChanged()
{
    const Group *group = m_groupModel->groupAt(m_groupList->currentIndex().row());
    m_currentGroupId = group ? group->id : 0;
    m_membersModel->setGroupFilter(group ? group->id : -1);
    m_candidatesModel->setExcludedGroup(group ? group->id : 0);
    if (group) {
        m_membersTitle->setText(tr("<b>Members of %1</b> (%2)").arg(group->name.toHtmlEscaped()).arg(group->memberCount));
    } else if (m_groupModel->rowCount() == 0) {
        m_membersTitle->setText(tr("<b>No groups yet.</b> Create one with “New group…”, e.g. Youth or Choir."));
    } else {
        m_membersTitle->setText(tr("<b>Choose a group</b> on the left to see its members."));
    }
    updateButtons();
}

void GroupsPage::updateButtons()
{
    const bool hasGroup = m_currentGroupId > 0;
    RoleGate::setEnabled(m_renameGroup, hasGroup);
    RoleGate::setEnabled(m_sendSms, hasGroup);
    RoleGate::setEnabled(m_deleteGroup, hasGroup);
    RoleGate::setEnabled(m_removeMembers, hasGroup && m_membersView->selectionModel()->hasSelection());
    RoleGate::setEnabled(m_addMembers, hasGroup && m_candidatesView->selectionModel()->hasSelection());
    m_candidatesView->setEnabled(hasGroup);
    m_candidateSearch->setEnabled(hasGroup);
}

void GroupsPage::createGroup()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New group"), tr("Name of the new group:"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    const auto created = m_groups.create(name);
    if (!created) {
        MessageBox::warning(this, tr("New group"), created.error().message);
        return;
    }
    selectGroup(created->id);
}

void GroupsPage::renameGroup()
{
    const auto group = m_groups.get(m_currentGroupId);
    if (!group)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename group"), tr("New name for “%1”:").arg(group->name),
                                               QLineEdit::Normal, group->name, &ok);
    if (!ok)
        return;
    if (const Status renamed = m_groups.rename(group->id, name, group->description); !renamed)
        MessageBox::warning(this, tr("Rename group"), renamed.error().message);
}

void GroupsPage::deleteGroup()
{
    const auto group = m_groups.get(m_currentGroupId);
    if (!group)
        return;
    const QString question
        = tr("Delete the group “%1”? Its %n member(s) stay in your contacts.", nullptr, group->memberCount).arg(group->name);
    if (MessageBox::question(this, tr("Delete group"), question) != QMessageBox::Yes)
        return;
    if (const Status removed = m_groups.remove(group->id); !removed)
        MessageBox::warning(this, tr("Delete group"), removed.error().message);
}

void GroupsPage::addToCurrentGroup(const QList<qint64> &contactIds)
{
    // A double click or a drop, too: nothing for someone who may only look.
    if (m_currentGroupId <= 0 || contactIds.isEmpty() || !RoleGate::allowed(m_addMembers))
        return;
    if (const auto added = m_groups.addMembers(m_currentGroupId, contactIds); !added)
        MessageBox::warning(this, tr("Groups"), added.error().message);
}

void GroupsPage::addSelectedCandidates()
{
    addToCurrentGroup(m_candidatesModel->contactIds(m_candidatesView->selectionModel()->selectedRows()));
}

void GroupsPage::removeSelectedMembers()
{
    const QList<qint64> ids = m_membersModel->contactIds(m_membersView->selectionModel()->selectedRows());
    if (ids.isEmpty() || m_currentGroupId <= 0)
        return;
    if (const auto removed = m_groups.removeMembers(m_currentGroupId, ids); !removed)
        MessageBox::warning(this, tr("Groups"), removed.error().message);
}

bool GroupsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_membersView->viewport()) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDropEvent *>(event);
            if (m_currentGroupId > 0 && RoleGate::allowed(m_addMembers) && drag->mimeData()->hasFormat(ContactMime::mimeType())) {
                drag->setDropAction(Qt::CopyAction);
                drag->accept();
                return true;
            }
        } else if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            const QList<qint64> ids = ContactMime::decode(drop->mimeData());
            if (!ids.isEmpty()) {
                drop->setDropAction(Qt::CopyAction);
                drop->accept();
                addToCurrentGroup(ids);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kengele
