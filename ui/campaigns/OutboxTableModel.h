// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/Campaign.h"

#include "PageCache.h"

#include <QAbstractTableModel>
#include <QHash>

#include <optional>

namespace kengele {

class CampaignService;

// One campaign's messages (one row per recipient), for 100,000 rows and more: rowCount() is the
// count from the store and rows are read in pages of PageSize only when a view asks for them, as
// ContactTableModel does. Optionally only the messages in one state.
class OutboxTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { PhoneColumn, NameColumn, StateColumn, ReasonColumn, PartsColumn, CostColumn, NetworkColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StateRole /* a MessageState */ };
    static constexpr int PageSize = 256;
    static constexpr int CachedPages = 16;

    explicit OutboxTableModel(CampaignService &campaigns, QObject *parent = nullptr);

    void setCampaign(qint64 campaignId);
    qint64 campaignId() const { return m_campaignId; }
    // nullopt: every state.
    void setStateFilter(std::optional<MessageState> state);
    std::optional<MessageState> stateFilter() const { return m_state; }

    const OutboxRow *rowAt(int row) const;
    // Re-reads everything (another campaign or filter): a reset.
    void reload();
    // The same campaign moved on: re-reads the count and the rows in view without a reset, so the
    // scroll position and selection stay while messages change state.
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countChanged(int count);
    void loadFailed(const QString &message);

private:
    int readCount();

    CampaignService &m_campaigns;
    qint64 m_campaignId = 0;
    std::optional<MessageState> m_state;
    int m_count = 0;
    mutable PageCache<OutboxRow> m_pages{PageSize, CachedPages};
};

} // namespace kengele
