// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/Campaign.h"
#include "common/Result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace kengele {

class CampaignService;
class OutboxStore;
class OutboxTableModel;
class RoleGate;

// One campaign as it goes: what was sent and to how many, a progress bar, counts by state, the
// messages one per recipient (filtered by state), and what a person may decide: pause, resume,
// cancel, send again to those with no delivery report, retry the failed ones, change it before it
// goes, send it now instead of at its time.
// A repeating campaign has no messages of its own: it shows its rule, its next time and the times
// it has gone (each a campaign of its own); a time that was skipped shows why.
class CampaignDetail final : public QWidget
{
    Q_OBJECT

public:
    // `outbox` carries out a person's decisions on the campaign's messages.
    CampaignDetail(CampaignService &campaigns, OutboxStore &outbox, QWidget *parent = nullptr);
    // Disconnects the occurrences' header first: ~QWidget hides the children after this one's
    // members are gone, and a resize then must not reach wrapNotes() (as in InboxPage).
    ~CampaignDetail() override;

    // Greys pause, resume, edit, cancel, send now and send again for whoever may not send.
    void setRoleGate(RoleGate &gate);
    void setCampaign(qint64 campaignId);
    qint64 campaignId() const { return m_campaign.id; }
    const Campaign &campaign() const { return m_campaign; }
    OutboxTableModel *model() const { return m_model; }

    // Reads the campaign again and updates the rows in view (it moved on).
    void refresh();
    // Empty: every state.
    void setStateFilter(MessageState state);

    void pause();
    void resume();
    void cancel();
    void resendUncertain();
    void retryFailed();
    // A scheduled campaign now instead of at its time, or a repeating campaign's next time now.
    void sendNow();
    // Asks the page to open the campaign in the compose dialog (only while it can be changed).
    void edit();

Q_SIGNALS:
    // A person changed the campaign; `sendNow`: messages may be due (wake the dispatcher).
    void campaignChanged(qint64 campaignId, bool sendNow);
    void editRequested(qint64 campaignId);
    // "Report…": the campaign's report (delivery, failures, replies), to print or save.
    void reportRequested(qint64 campaignId);
    // Show another campaign: one time of a repeating campaign, or the repeating campaign itself.
    void openCampaignRequested(qint64 campaignId);

private:
    void showCampaign();
    void showRepeat();
    void showOccurrences();
    void showOccurrenceNote();
    void showMessageNote();
    void wrapNotes();
    void showAudienceAndMessage();
    void showCostAndNoReport();
    void sizeColumns();
    void openOccurrence(QTreeWidgetItem *item);
    void updateFilterCounts();
    void updateButtons();
    void reportAction(const Result<int> &result, const QString &doneText);

    CampaignService &m_campaigns;
    OutboxStore &m_outbox;
    Campaign m_campaign;
    bool m_rowsRefreshPending = false;
    OutboxTableModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_simulation = nullptr;
    QLabel *m_sentElsewhere = nullptr; // another computer of the church sends it
    QLabel *m_pausedReason = nullptr;
    QLabel *m_skippedReason = nullptr;
    QLabel *m_repeatRule = nullptr;
    QLabel *m_parentLink = nullptr;
    QWidget *m_messagesBox = nullptr;
    QWidget *m_occurrencesBox = nullptr;
    QLabel *m_occurrencesHelp = nullptr;
    QTreeWidget *m_occurrences = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_report = nullptr;
    QLabel *m_occurrenceNote = nullptr;
    QLabel *m_audience = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_cost = nullptr;
    QLabel *m_messageAs = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_noReport = nullptr;
    QLabel *m_messageNote = nullptr;
    QString m_audienceKey; // what the audience and message shown were read for
    QString m_costKey; // what the cost shown was summed for
    QPushButton *m_sendNow = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_actionResult = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_resendUncertain = nullptr;
    QPushButton *m_retryFailed = nullptr;
    QComboBox *m_filter = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace kengele
