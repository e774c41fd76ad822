// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignListModel.h"

#include "CampaignText.h"
#include "campaigns/CampaignService.h"
#include "widgets/Colours.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>

namespace kengele {

CampaignListModel::CampaignListModel(CampaignService &campaigns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_campaigns(campaigns)
{
    connect(&m_campaigns, &CampaignService::campaignsChanged, this, &CampaignListModel::reload);
    reload();
}

void CampaignListModel::reload()
{
    Result<QList<Campaign>> loaded = m_campaigns.list();
    if (!loaded) {
        Q_EMIT loadFailed(loaded.error().message);
        return;
    }
    bool sameRows = loaded->size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < m_rows.size(); ++i)
        sameRows = loaded->at(i).id == m_rows.at(i).id;
    if (sameRows) {
        // Only details changed: update in place so selections and scroll positions stay.
        m_rows = std::move(*loaded);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(*loaded);
    endResetModel();
}

const Campaign *CampaignListModel::campaignAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int CampaignListModel::rowOf(qint64 campaignId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == campaignId)
            return int(i);
    }
    return -1;
}

int CampaignListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign &c = m_rows.at(index.row());
    // Scheduled and repeating campaigns are known by when they (next) go, a skipped time by when it
    // was due, the others by when they were made.
    const bool repeatingAhead = c.isRepeating() && (c.status == CampaignStatus::Recurring || c.status == CampaignStatus::Paused);
    const QDateTime when = c.status == CampaignStatus::Scheduled || c.status == CampaignStatus::Skipped || repeatingAhead
        ? c.scheduledAt
        : c.createdAt;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case StatusColumn:
            return CampaignText::campaignStatus(c.status);
        case RecipientsColumn:
            return CampaignText::number(c.recipients);
        case WhenColumn:
            return CampaignText::localTime(when);
        }
        break;
    case Qt::ToolTipRole:
        // The whole name (the column is narrow), and whether it was only simulated.
        if (index.column() == NameColumn)
            return CampaignText::isSimulation(c.gateway) ? c.name + u'\n' + CampaignText::simulationLabel() : c.name;
        if (index.column() == StatusColumn && !c.statusReason.isEmpty())
            return c.statusReason;
        if (c.isRepeating() && (index.column() == StatusColumn || index.column() == WhenColumn))
            return repeatingAhead ? tr("%1. Next time: %2").arg(CampaignText::repeats(c), CampaignText::dayAndTime(c.scheduledAt))
                                  : CampaignText::repeats(c);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && (c.status == CampaignStatus::Paused || c.status == CampaignStatus::Skipped))
            return QBrush(Colours::text(Colours::Tone::Error, QGuiApplication::palette(), QPalette::Base));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == RecipientsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return c.id;
    case StatusRole:
        return QVariant::fromValue(c.status);
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return c.name;
        case StatusColumn:
            return toText(c.status); // sorted by the stored word, as it always was
        case RecipientsColumn:
            return c.recipients;
        case WhenColumn:
            return when;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant CampaignListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Campaign");
    case StatusColumn:
        return tr("Status");
    case RecipientsColumn:
        return tr("People");
    case WhenColumn:
        return tr("When");
    }
    return {};
}

} // namespace kengele
