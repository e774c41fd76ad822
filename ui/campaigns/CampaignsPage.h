// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ComposeCampaignDialog.h"
#include "campaigns/DispatchService.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace kengele {

class CampaignDetail;
class CampaignListModel;
class EmptyState;
class OutboxStore;
class RoleGate;

// The "Sent SMS" page: the campaigns, newest first (a repeating one with its times under it), "Send
// SMS…", and the chosen campaign as it
// goes (CampaignDetail). It follows the dispatcher's news, at most a few times a second, so a
// campaign to 100,000 people never keeps the window busy.
class CampaignsPage final : public QWidget
{
    Q_OBJECT

public:
    // How often at most the page re-reads the store while messages are going out.
    static constexpr int RefreshIntervalMs = 400;
    static constexpr int MaxRefreshIntervalMs = 3000;

    // `compose.campaigns` and `outbox` for the list and the chosen campaign; all of `compose` for
    // the compose dialog.
    CampaignsPage(const ComposeServices &compose, OutboxStore &outbox, QWidget *parent = nullptr);

    // Greys what the person at the computer may not do (without a gate: nothing); the compose
    // dialog does not open for someone who may not send.
    void setRoleGate(RoleGate &gate);

    // The dispatcher that sends (owned by the application); nullptr: nothing is sending.
    void setDispatchService(DispatchService *dispatch);
    DispatchService *dispatchService() const { return m_dispatch; }

    CampaignListModel *listModel() const { return m_listModel; }
    CampaignDetail *detail() const { return m_detail; }
    qint64 currentCampaignId() const;
    bool selectCampaign(qint64 campaignId);

    // Opens the compose dialog; after a launch the new campaign is shown and sending starts.
    void composeCampaign();
    // The same with these groups ticked and these people added ("Send SMS…" elsewhere); `practice`:
    // in practice mode whatever the gateway. The campaign launched, or 0.
    qint64 composeCampaign(const QList<qint64> &groupIds, const QList<qint64> &contactIds, bool practice = false);
    // Opens the compose dialog on a campaign that has not gone yet, to change it.
    void editCampaign(qint64 campaignId);
    // A campaign was launched elsewhere (the compose dialog): show it and wake the dispatcher.
    void campaignLaunched(qint64 campaignId);
    // Re-reads the list and the shown campaign now.
    void refresh();

Q_SIGNALS:
    // "Report…" on a campaign: the window shows its campaign report.
    void campaignReportRequested(qint64 campaignId);

private:
    // The list pane's width: a usual name, status and day side by side, in the language shown.
    int listWidthForUsualNames() const;
    void scheduleRefresh();
    void showSelected();
    void showDispatchProblem(const QString &message);
    void showNotice(const QString &text);
    void restartSending();
    // False, with why, when the person at the computer may not send.
    bool maySend();

    ComposeServices m_compose;
    CampaignService &m_campaigns; // m_compose.campaigns
    QPointer<DispatchService> m_dispatch;
    CampaignListModel *m_listModel = nullptr;
    QTreeView *m_list = nullptr;
    CampaignDetail *m_detail = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyState *m_emptyState = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_emptySend = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_retry = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QList<QMetaObject::Connection> m_dispatchConnections;
    QSet<qint64> m_expanded; // repeating campaigns open in the list, kept across a reset
};

} // namespace kengele
