// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/Campaign.h"

#include <QAbstractTableModel>
#include <QList>

namespace kengele {

class CampaignService;

// The campaigns, newest first: name, status, recipients and when. Reloading keeps rows in place when
// only their details changed (a campaign in progress), so the selection in the view stays put.
class CampaignListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, RecipientsColumn, WhenColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole /* a CampaignStatus */, SortRole };

    explicit CampaignListModel(CampaignService &campaigns, QObject *parent = nullptr);

    void reload();
    const Campaign *campaignAt(int row) const;
    int rowOf(qint64 campaignId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    CampaignService &m_campaigns;
    QList<Campaign> m_rows;
};

} // namespace kengele
