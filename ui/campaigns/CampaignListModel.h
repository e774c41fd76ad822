// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/Campaign.h"

#include <QAbstractItemModel>
#include <QList>

namespace kengele {

class CampaignService;

// The SMS sent and to be sent, newest first: name, status, recipients and when. A repeating
// campaign holds the times it has gone as its children (by their day), newest first, so they do
// not stand in the list as look-alike rows; it stands where its newest time would. Reloading keeps
// rows in place when only their details changed (a campaign in progress), so the selection in the
// view stays put.
class CampaignListModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, RecipientsColumn, WhenColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole /* a CampaignStatus */, SortRole };

    explicit CampaignListModel(CampaignService &campaigns, QObject *parent = nullptr);

    void reload();
    const Campaign *campaignAt(const QModelIndex &index) const;
    // Invalid when it is not in the list.
    QModelIndex indexOf(qint64 campaignId, int column = NameColumn) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    struct Node {
        Campaign campaign;
        QList<Campaign> runs; // a repeating campaign's times, newest first
    };
    static QList<Node> grouped(const QList<Campaign> &campaigns);
    static bool sameShape(const QList<Node> &a, const QList<Node> &b);

    CampaignService &m_campaigns;
    QList<Node> m_rows;
};

} // namespace kengele
