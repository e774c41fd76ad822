// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "inbox/InboxMessage.h"

#include "PageCache.h"

#include <QAbstractTableModel>
#include <QFont>
#include <QHash>

namespace kengele {

class InboxService;

// The inbox as a table, newest first, for 100,000 messages and more: rowCount() is the count from
// the store and rows are read in pages only when a view asks for them (as ContactTableModel).
// Filtering and search are done by the store.
class InboxTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FromColumn, TextColumn, ReceivedColumn, HandledAsColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole, UnreadRole };
    static constexpr int PageSize = 256;
    static constexpr int CachedPages = 16;
    // Without a text width (setTextWidth) the text column shows at most this many characters on
    // one line; the detail pane shows all.
    static constexpr int ShortTextLength = 120;

    explicit InboxTableModel(InboxService &inbox, QObject *parent = nullptr);

    void setQuery(const InboxQuery &query);
    const InboxQuery &query() const { return m_query; }

    const InboxMessage *messageAt(int row) const;
    qint64 messageId(int row) const;
    // The row of a message among the first rows (new messages come first); -1 when not found there.
    int rowOf(qint64 messageId, int searchRows = 2048) const;
    // Re-reads the count and drops cached rows. When the count stayed the same the rows are only
    // marked changed (a view keeps its selection); otherwise the model is reset.
    void reload();
    // Shows each message whole in the text column, in lines that fit `width` pixels in `font` (bold
    // for unread messages, as they are shown). A tree view measures a row before it knows its
    // columns' widths, so the lines are broken here; when the width changes the rows are laid out
    // again. Lines are broken once per message and width, not at each paint.
    void setTextWidth(int width, const QFont &font);
    int textWidth() const { return m_textWidth; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countChanged(int count);
    void loadFailed(const QString &message);

private:
    InboxService &m_inbox;
    InboxQuery m_query;
    int m_count = 0;
    mutable PageCache<InboxMessage> m_pages{PageSize, CachedPages};
    QString wrappedText(const InboxMessage &message) const;
    int m_textWidth = 0;
    QFont m_textFont;
    mutable QHash<qint64, QString> m_wrapped; // message id → its lines for m_textWidth
};

} // namespace kengele
