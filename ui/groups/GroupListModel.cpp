// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GroupListModel.h"

#include "contacts/ContactMime.h"
#include "contacts/GroupService.h"

#include <QMimeData>

namespace kengele {

GroupListModel::GroupListModel(GroupService &groups, QObject *parent)
    : QAbstractListModel(parent)
    , m_groups(groups)
{
    connect(&m_groups, &GroupService::groupsChanged, this, &GroupListModel::reload);
    reload();
}

void GroupListModel::reload()
{
    Result<QList<Group>> groups = m_groups.list();
    beginResetModel();
    m_rows = groups ? std::move(*groups) : QList<Group>();
    endResetModel();
}

const Group *GroupListModel::groupAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int GroupListModel::rowOf(qint64 groupId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == groupId)
            return row;
    }
    return -1;
}

int GroupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GroupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Group &group = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(group.name).arg(group.memberCount);
    case Qt::ToolTipRole: {
        QString tip = group.description.isEmpty() ? group.name : group.description;
        if (group.optedOutCount > 0)
            tip += u'\n' + tr("%n member(s) receive no messages (opted out)", nullptr, group.optedOutCount);
        return tip;
    }
    case IdRole:
        return group.id;
    case MemberCountRole:
        return group.memberCount;
    case NameRole:
        return group.name;
    default:
        return {};
    }
}

Qt::ItemFlags GroupListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractListModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

QStringList GroupListModel::mimeTypes() const
{
    return {ContactMime::mimeType()};
}

Qt::DropActions GroupListModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

bool GroupListModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    return parent.isValid() && data && data->hasFormat(ContactMime::mimeType());
}

bool GroupListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const Group *group = groupAt(parent.row());
    if (!group)
        return false;
    const auto added = m_groups.addMembers(group->id, ContactMime::decode(data));
    if (!added) {
        Q_EMIT dropFailed(added.error().message);
        return false;
    }
    // A copy: the contacts stay where they were dragged from.
    return true;
}

} // namespace kengele
