// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InboxTableModel.h"

#include "InboxText.h"
#include "campaigns/CampaignText.h"
#include "inbox/InboxService.h"

#include <QFont>
#include <QTextLayout>

namespace kengele {

namespace {

// One line of at most `length` characters: line breaks become spaces, the rest is cut with "…".
QString shortText(const QString &text, int length)
{
    QString line = text.simplified();
    if (line.size() > length) {
        line.truncate(length - 1);
        if (line.back().isHighSurrogate())
            line.chop(1);
        line.append(u'…');
    }
    return line;
}

// `text` in lines that fit `width` pixels: broken between words, and inside a word (a long link)
// only when it is wider than a line by itself.
QString wrapText(const QString &text, const QFont &font, int width)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines.join(u'\n');
}

} // namespace

InboxTableModel::InboxTableModel(InboxService &inbox, QObject *parent)
    : QAbstractTableModel(parent)
    , m_inbox(inbox)
{
    connect(&m_inbox, &InboxService::inboxChanged, this, &InboxTableModel::reload);
    reload();
}

void InboxTableModel::setQuery(const InboxQuery &query)
{
    m_query = query;
    beginResetModel();
    m_pages.clear();
    m_wrapped.clear();
    const Result<int> count = m_inbox.count(m_query);
    m_count = count ? *count : 0;
    endResetModel();
    if (!count)
        Q_EMIT loadFailed(count.error().message);
    Q_EMIT countChanged(m_count);
}

void InboxTableModel::reload()
{
    const Result<int> count = m_inbox.count(m_query);
    const int newCount = count ? *count : 0;
    if (newCount == m_count && m_count > 0) {
        // A layout change, not dataChanged over every row: a view with rows of their own heights
        // would measure all of them (and read every page) for dataChanged; after a layout change
        // it measures the rows it shows.
        Q_EMIT layoutAboutToBeChanged();
        m_pages.clear();
        m_wrapped.clear();
        Q_EMIT layoutChanged();
    } else {
        beginResetModel();
        m_pages.clear();
        m_wrapped.clear();
        m_count = newCount;
        endResetModel();
    }
    if (!count)
        Q_EMIT loadFailed(count.error().message);
    Q_EMIT countChanged(m_count);
}

void InboxTableModel::setTextWidth(int width, const QFont &font)
{
    if (width == m_textWidth && font == m_textFont)
        return;
    Q_EMIT layoutAboutToBeChanged();
    m_textWidth = width;
    m_textFont = font;
    m_wrapped.clear();
    Q_EMIT layoutChanged();
}

QString InboxTableModel::wrappedText(const InboxMessage &message) const
{
    auto found = m_wrapped.constFind(message.id);
    if (found != m_wrapped.cend())
        return *found;
    QFont font = m_textFont;
    font.setBold(!message.isRead());
    return *m_wrapped.insert(message.id, wrapText(message.text.simplified(), font, m_textWidth));
}

const InboxMessage *InboxTableModel::messageAt(int row) const
{
    return m_pages.at(row, m_count, [this](int offset, int limit) -> std::optional<QList<InboxMessage>> {
        Result<QList<InboxMessage>> rows = m_inbox.list(m_query, offset, limit);
        return rows ? std::optional(std::move(*rows)) : std::nullopt;
    });
}

qint64 InboxTableModel::messageId(int row) const
{
    const InboxMessage *message = messageAt(row);
    return message ? message->id : 0;
}

int InboxTableModel::rowOf(qint64 messageId, int searchRows) const
{
    if (messageId <= 0)
        return -1;
    const int rows = qMin(m_count, searchRows);
    for (int row = 0; row < rows; ++row) {
        const InboxMessage *message = messageAt(row);
        if (message && message->id == messageId)
            return row;
    }
    return -1;
}

int InboxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int InboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InboxMessage *message = messageAt(index.row());
    if (!message)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FromColumn:
            return message->contactName.isEmpty() ? message->phone : message->contactName;
        case TextColumn:
            return m_textWidth > 0 ? wrappedText(*message) : shortText(message->text, ShortTextLength);
        case ReceivedColumn:
            return CampaignText::dayAndTime(message->received);
        case HandledAsColumn:
            return InboxText::handledAs(message->handledAs);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FromColumn:
            return message->contactName.isEmpty() ? tr("Not in your contacts") : message->phone;
        case HandledAsColumn:
            return InboxText::handledAsHelp(message->handledAs);
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        // A message of several lines: its sender, day and kind beside its first line.
        if (m_textWidth > 0)
            return QVariant(Qt::AlignLeading | Qt::AlignTop);
        break;
    case Qt::FontRole:
        if (!message->isRead()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case IdRole:
        return message->id;
    case UnreadRole:
        return !message->isRead();
    case SortRole:
        switch (index.column()) {
        case FromColumn:
            return message->contactName.isEmpty() ? message->phone : message->contactName;
        case TextColumn:
            return message->text;
        case ReceivedColumn:
            return message->received;
        case HandledAsColumn:
            return message->handledAs;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant InboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FromColumn:
        return tr("From");
    case TextColumn:
        return tr("Message");
    case ReceivedColumn:
        return tr("Received");
    case HandledAsColumn:
        //: Column: what kind of incoming SMS it is (message, opt-out, prayer request)
        return tr("Type");
    }
    return {};
}

} // namespace kengele
