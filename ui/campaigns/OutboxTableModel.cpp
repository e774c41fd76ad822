// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OutboxTableModel.h"

#include "CampaignText.h"
#include "campaigns/CampaignService.h"
#include "widgets/Colours.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>

namespace kengele {

namespace {

QColor stateColour(MessageState state)
{
    // On the list's base colour, light or dark.
    const QPalette palette = QGuiApplication::palette();
    switch (state) {
    case MessageState::Delivered:
        return Colours::text(Colours::Tone::Success, palette, QPalette::Base);
    case MessageState::Failed:
        return Colours::text(Colours::Tone::Error, palette, QPalette::Base);
    case MessageState::Uncertain:
        return Colours::text(Colours::Tone::Warning, palette, QPalette::Base);
    case MessageState::Queued:
    case MessageState::Submitting:
    case MessageState::Sent:
    case MessageState::Cancelled:
        break;
    }
    return {};
}

} // namespace

OutboxTableModel::OutboxTableModel(CampaignService &campaigns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_campaigns(campaigns)
{ }

void OutboxTableModel::setCampaign(qint64 campaignId)
{
    if (m_campaignId == campaignId)
        return;
    m_campaignId = campaignId;
    reload();
}

void OutboxTableModel::setStateFilter(std::optional<MessageState> state)
{
    if (m_state == state)
        return;
    m_state = state;
    reload();
}

int OutboxTableModel::readCount()
{
    if (m_campaignId <= 0)
        return 0;
    const Result<int> count = m_campaigns.countRecipients(m_campaignId, m_state);
    if (!count) {
        Q_EMIT loadFailed(count.error().message);
        return 0;
    }
    return *count;
}

void OutboxTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_count = readCount();
    endResetModel();
    Q_EMIT countChanged(m_count);
}

void OutboxTableModel::refresh()
{
    const int count = readCount();
    m_pages.clear();
    const int before = m_count;
    if (count > before) {
        beginInsertRows({}, before, count - 1);
        m_count = count;
        endInsertRows();
    } else if (count < before) {
        beginRemoveRows({}, count, before - 1);
        m_count = count;
        endRemoveRows();
    }
    // Rows still here may have changed; views only fetch the ones they show.
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_count - 1, ColumnCount - 1));
    if (count != before)
        Q_EMIT countChanged(m_count);
}

const OutboxRow *OutboxTableModel::rowAt(int row) const
{
    return m_pages.at(row, m_count, [this](int offset, int limit) -> std::optional<QList<OutboxRow>> {
        Result<QList<OutboxRow>> rows = m_campaigns.recipients(m_campaignId, m_state, offset, limit);
        return rows ? std::optional(std::move(*rows)) : std::nullopt;
    });
}

int OutboxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int OutboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxRow *row = rowAt(index.row());
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PhoneColumn:
            return row->phone;
        case NameColumn:
            return row->name;
        case StateColumn:
            return CampaignText::messageState(row->state);
        case ReasonColumn:
            return row->reason;
        case PartsColumn:
            return row->segments;
        case CostColumn:
            // The provider reports ten-thousandths ("KES 0.8000"): 2 decimals, as on a receipt.
            return row->cost.isEmpty() ? QString() : CampaignText::money(row->cost);
        case NetworkColumn:
            return row->network;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn)
            return CampaignText::messageStateHelp(row->state);
        if (index.column() == ReasonColumn && !row->reason.isEmpty())
            return row->reason;
        if (index.column() == NameColumn && !row->name.isEmpty())
            return row->name; // the whole name, when the column is narrower
        if (index.column() == CostColumn && !row->cost.isEmpty())
            return tr("As the SMS provider reported it: %1").arg(row->cost);
        {
            QStringList lines;
            if (!row->cost.isEmpty())
                lines << tr("Cost: %1").arg(CampaignText::money(row->cost));
            if (row->updated.isValid())
                lines << tr("Last change: %1").arg(CampaignText::localTime(row->updated));
            if (!lines.isEmpty())
                return lines.join(u'\n');
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn) {
            const QColor colour = stateColour(row->state);
            if (colour.isValid())
                return QBrush(colour);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == PartsColumn || index.column() == CostColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return row->id;
    case StateRole:
        return QVariant::fromValue(row->state);
    default:
        break;
    }
    return {};
}

QVariant OutboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == PartsColumn)
        return tr("SMS parts of this person's message: one token each.");
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PhoneColumn:
        return tr("Number");
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case ReasonColumn:
        return tr("Reason");
    case PartsColumn:
        return tr("Parts");
    case CostColumn:
        return tr("Cost");
    case NetworkColumn:
        return tr("Network");
    }
    return {};
}

} // namespace kengele
