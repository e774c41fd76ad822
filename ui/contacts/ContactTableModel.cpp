// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactTableModel.h"

#include "ContactMime.h"
#include "contacts/ContactService.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace kengele {

ContactTableModel::ContactTableModel(ContactService &contacts, QObject *parent)
    : QAbstractTableModel(parent)
    , m_contacts(contacts)
{
    connect(&m_contacts, &ContactService::contactsChanged, this, &ContactTableModel::reload);
    reload();
}

void ContactTableModel::setSearch(const QString &search)
{
    if (m_query.search == search)
        return;
    m_query.search = search;
    reload();
}

void ContactTableModel::setGroupFilter(qint64 groupId)
{
    if (m_query.groupId == groupId)
        return;
    m_query.groupId = groupId;
    reload();
}

void ContactTableModel::setExcludedGroup(qint64 groupId)
{
    if (m_query.notInGroupId == groupId)
        return;
    m_query.notInGroupId = groupId;
    reload();
}

void ContactTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    const Result<int> count = m_contacts.count(m_query);
    m_count = count ? *count : 0;
    endResetModel();
    if (!count)
        Q_EMIT loadFailed(count.error().message);
    Q_EMIT countChanged(m_count);
}

const Contact *ContactTableModel::contactAt(int row) const
{
    return m_pages.at(row, m_count, [this](int offset, int limit) -> std::optional<QList<Contact>> {
        Result<QList<Contact>> rows = m_contacts.fetch(m_query, offset, limit);
        return rows ? std::optional(std::move(*rows)) : std::nullopt;
    });
}

qint64 ContactTableModel::contactId(int row) const
{
    const Contact *contact = contactAt(row);
    return contact ? contact->id : 0;
}

QList<qint64> ContactTableModel::contactIds(const QModelIndexList &indexes) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : indexes) {
        const qint64 id = contactId(index.row());
        if (id > 0 && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

int ContactTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int ContactTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Contact *contact = contactAt(index.row());
    if (!contact)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return contact->name().isEmpty() ? tr("(no name)") : contact->name();
        case PhoneColumn:
            return contact->phone;
        case GroupsColumn:
            return contact->groups.join(QStringLiteral(", "));
        case StatusColumn:
            return contact->optedOut ? tr("Opted out") : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && contact->optedOut)
            return contact->optOutReason.isEmpty() ? tr("Receives no messages")
                                                   : tr("Receives no messages: %1").arg(contact->optOutReason);
        if (index.column() == PhoneColumn && contact->phoneRaw != contact->phone)
            return tr("Entered as %1").arg(contact->phoneRaw);
        break;
    case Qt::ForegroundRole:
        if (contact->optedOut)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case IdRole:
        return contact->id;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return contact->name();
        case PhoneColumn:
            return contact->phone;
        case GroupsColumn:
            return contact->groups.size();
        case StatusColumn:
            return contact->optedOut;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ContactTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PhoneColumn:
        return tr("Phone");
    case GroupsColumn:
        return tr("Groups");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

Qt::ItemFlags ContactTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

void ContactTableModel::sort(int column, Qt::SortOrder order)
{
    ContactSort sort = ContactSort::Name;
    switch (column) {
    case PhoneColumn:
        sort = ContactSort::Phone;
        break;
    case GroupsColumn:
        sort = ContactSort::Groups;
        break;
    case StatusColumn:
        sort = ContactSort::OptedOut;
        break;
    default:
        break;
    }
    if (m_query.sort == sort && m_query.order == order)
        return;
    m_query.sort = sort;
    m_query.order = order;
    // Rows move wholesale; a reset is honest and cheap because nothing is loaded until asked for.
    beginResetModel();
    m_pages.clear();
    endResetModel();
}

QStringList ContactTableModel::mimeTypes() const
{
    return {ContactMime::mimeType()};
}

QMimeData *ContactTableModel::mimeData(const QModelIndexList &indexes) const
{
    return ContactMime::encode(contactIds(indexes));
}

Qt::DropActions ContactTableModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace kengele
