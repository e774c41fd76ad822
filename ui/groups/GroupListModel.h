// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "contacts/Group.h"

#include <QAbstractListModel>
#include <QList>

namespace kengele {

class GroupService;

// Groups with their member counts. Contacts dropped on a group become members.
class GroupListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, MemberCountRole, NameRole };

    explicit GroupListModel(GroupService &groups, QObject *parent = nullptr);

    void reload();
    const Group *groupAt(int row) const;
    int rowOf(qint64 groupId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

Q_SIGNALS:
    void dropFailed(const QString &message);

private:
    GroupService &m_groups;
    QList<Group> m_rows;
};

} // namespace kengele
