// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "contacts/Contact.h"

#include "PageCache.h"

#include <QAbstractTableModel>
#include <QHash>

namespace kengele {

class ContactService;

// Contacts as a table, for 100,000 rows and more: rowCount() is the total from the store, and rows
// are read in pages of PageSize only when a view asks for them; a handful of pages stay cached.
// Sorting and filtering are done by the store, not by a proxy over loaded rows.
class ContactTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, PhoneColumn, GroupsColumn, StatusColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };
    static constexpr int PageSize = 256;
    static constexpr int CachedPages = 24;

    explicit ContactTableModel(ContactService &contacts, QObject *parent = nullptr);

    void setSearch(const QString &search);
    void setGroupFilter(qint64 groupId);
    void setExcludedGroup(qint64 groupId);
    const ContactQuery &query() const { return m_query; }

    qint64 contactId(int row) const;
    QList<qint64> contactIds(const QModelIndexList &indexes) const;
    const Contact *contactAt(int row) const;
    // Re-reads the count and drops cached rows (after any change in the store).
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

Q_SIGNALS:
    void countChanged(int count);
    void loadFailed(const QString &message);

private:
    ContactService &m_contacts;
    ContactQuery m_query;
    int m_count = 0;
    mutable PageCache<Contact> m_pages{PageSize, CachedPages};
};

} // namespace kengele
