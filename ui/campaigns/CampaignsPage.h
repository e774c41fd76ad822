// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/DispatchService.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace kengele {

class CampaignDetail;
class CampaignListModel;
class CampaignService;
class Clock;
class ContactService;
class EmptyState;
class GroupService;
class OutboxStore;
class Settings;
class TemplateService;
class TokenLedger;

// The Campaigns page: the campaigns, newest first, "New campaign…", and the chosen campaign as it
// goes (CampaignDetail). It follows the dispatcher's news, at most a few times a second, so a
// campaign to 100,000 people never keeps the window busy.
class CampaignsPage final : public QWidget
{
    Q_OBJECT

public:
    // How often at most the page re-reads the store while messages are going out.
    static constexpr int RefreshIntervalMs = 400;
    static constexpr int MaxRefreshIntervalMs = 3000;

    // `campaigns` and `outbox` for the list and the chosen campaign; the rest for the compose dialog
    // (see ComposeCampaignDialog).
    CampaignsPage(CampaignService &campaigns, OutboxStore &outbox, const TemplateService &templates, GroupService &groups,
                  ContactService &contacts, const TokenLedger &tokens, const Settings &settings, const Clock &clock,
                  QWidget *parent = nullptr);

    // The dispatcher that sends (owned by the application); nullptr: nothing is sending.
    void setDispatchService(DispatchService *dispatch);
    DispatchService *dispatchService() const { return m_dispatch; }

    CampaignListModel *listModel() const { return m_listModel; }
    CampaignDetail *detail() const { return m_detail; }
    qint64 currentCampaignId() const;
    bool selectCampaign(qint64 campaignId);

    // Opens the compose dialog; after a launch the new campaign is shown and sending starts.
    void composeCampaign();
    // Opens the compose dialog on a campaign that has not gone yet, to change it.
    void editCampaign(qint64 campaignId);
    // A campaign was launched elsewhere (the compose dialog): show it and wake the dispatcher.
    void campaignLaunched(qint64 campaignId);
    // Re-reads the list and the shown campaign now.
    void refresh();

private:
    void scheduleRefresh();
    void showSelected();
    void showDispatchProblem(const QString &message);
    void showNotice(const QString &text);
    void restartSending();

    CampaignService &m_campaigns;
    const TemplateService &m_templates;
    GroupService &m_groups;
    ContactService &m_contacts;
    const TokenLedger &m_tokens;
    const Settings &m_settings;
    const Clock &m_clock;
    QPointer<DispatchService> m_dispatch;
    CampaignListModel *m_listModel = nullptr;
    QTreeView *m_list = nullptr;
    CampaignDetail *m_detail = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyState *m_emptyState = nullptr;
    QPushButton *m_new = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_retry = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QList<QMetaObject::Connection> m_dispatchConnections;
};

} // namespace kengele
