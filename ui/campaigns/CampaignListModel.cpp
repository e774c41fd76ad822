// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignListModel.h"

#include "CampaignText.h"
#include "campaigns/CampaignService.h"
#include "widgets/Colours.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QHash>

namespace kengele {

CampaignListModel::CampaignListModel(CampaignService &campaigns, QObject *parent)
    : QAbstractItemModel(parent)
    , m_campaigns(campaigns)
{
    connect(&m_campaigns, &CampaignService::campaignsChanged, this, &CampaignListModel::reload);
    reload();
}

QList<CampaignListModel::Node> CampaignListModel::grouped(const QList<Campaign> &campaigns)
{
    // Newest first already; a repeating campaign takes the place of its newest time.
    QHash<qint64, qsizetype> nodeOf;
    QHash<qint64, qsizetype> listed;
    for (qsizetype i = 0; i < campaigns.size(); ++i)
        listed.insert(campaigns.at(i).id, i);
    QList<Node> nodes;
    for (const Campaign &c : campaigns) {
        const qsizetype parentAt = c.parentId > 0 ? listed.value(c.parentId, -1) : -1;
        if (parentAt >= 0) {
            auto parentNode = nodeOf.constFind(c.parentId);
            if (parentNode == nodeOf.cend()) {
                parentNode = nodeOf.insert(c.parentId, nodes.size());
                nodes.append(Node{campaigns.at(parentAt), {}});
            }
            nodes[*parentNode].runs.append(c);
        } else if (!nodeOf.contains(c.id)) {
            nodeOf.insert(c.id, nodes.size());
            nodes.append(Node{c, {}});
        }
    }
    return nodes;
}

bool CampaignListModel::sameShape(const QList<Node> &a, const QList<Node> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).campaign.id != b.at(i).campaign.id || a.at(i).runs.size() != b.at(i).runs.size())
            return false;
        for (qsizetype j = 0; j < a.at(i).runs.size(); ++j) {
            if (a.at(i).runs.at(j).id != b.at(i).runs.at(j).id)
                return false;
        }
    }
    return true;
}

void CampaignListModel::reload()
{
    Result<QList<Campaign>> loaded = m_campaigns.list();
    if (!loaded) {
        Q_EMIT loadFailed(loaded.error().message);
        return;
    }
    QList<Node> nodes = grouped(std::move(*loaded));
    if (sameShape(nodes, m_rows)) {
        // Only details changed: update in place so selections, open branches and scroll positions stay.
        m_rows = std::move(nodes);
        if (m_rows.isEmpty())
            return;
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        for (int row = 0; row < m_rows.size(); ++row) {
            if (const int runs = int(m_rows.at(row).runs.size()); runs > 0) {
                const QModelIndex parent = index(row, 0);
                Q_EMIT dataChanged(index(0, 0, parent), index(runs - 1, ColumnCount - 1, parent));
            }
        }
        return;
    }
    beginResetModel();
    m_rows = std::move(nodes);
    endResetModel();
}

const Campaign *CampaignListModel::campaignAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (index.internalId() == 0)
        return index.row() < m_rows.size() ? &m_rows.at(index.row()).campaign : nullptr;
    const qsizetype parentRow = qsizetype(index.internalId()) - 1;
    if (parentRow >= m_rows.size() || index.row() >= m_rows.at(parentRow).runs.size())
        return nullptr;
    return &m_rows.at(parentRow).runs.at(index.row());
}

QModelIndex CampaignListModel::indexOf(qint64 campaignId, int column) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Node &node = m_rows.at(i);
        if (node.campaign.id == campaignId)
            return createIndex(int(i), column, quintptr(0));
        for (qsizetype j = 0; j < node.runs.size(); ++j) {
            if (node.runs.at(j).id == campaignId)
                return createIndex(int(j), column, quintptr(i + 1));
        }
    }
    return {};
}

QModelIndex CampaignListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_rows.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    // Only top rows have children (a repeating campaign's times).
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_rows.size()
        || row >= m_rows.at(parent.row()).runs.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex CampaignListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int CampaignListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_rows.size())
        return 0;
    return int(m_rows.at(parent.row()).runs.size());
}

int CampaignListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CampaignListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Campaign *campaign = campaignAt(index);
    if (!campaign)
        return {};
    const Campaign &c = *campaign;
    // One time of a repeating campaign, under it: known by its day.
    const bool run = index.internalId() != 0;
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
            return run ? CampaignText::shortDayAndTime(c.launchedAt.isValid() ? c.launchedAt : when) : c.name;
        case StatusColumn:
            return CampaignText::campaignStatus(c.status);
        case RecipientsColumn:
            return CampaignText::number(c.recipients);
        case WhenColumn:
            // A time's day is its name.
            return run ? QString() : CampaignText::shortDayAndTime(when);
        }
        break;
    case Qt::ToolTipRole:
        // The whole name (the column is narrow), and whether it was only simulated.
        if (index.column() == NameColumn)
            return CampaignText::isSimulation(c.gateway) ? c.name + u'\n' + CampaignText::simulationLabel() : c.name;
        if (index.column() == StatusColumn && !c.statusReason.isEmpty())
            return c.statusReason;
        if (index.column() == WhenColumn && !c.isRepeating() && when.isValid())
            return CampaignText::localTime(when);
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
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("SMS");
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
