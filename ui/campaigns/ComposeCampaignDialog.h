// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/Campaign.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace kengele {

class Banner;
class CampaignCostPanel;
class CampaignService;
class RoleGate;
class Clock;
class ContactService;
class GroupService;
class RecipientPicker;
class ScheduleEditor;
class Settings;
class TemplateEditor;
class TemplateService;
class TokenLedger;

// What writing a campaign uses. `settings` give the gateway, the default sender ID and the quiet
// hours; `tokens` the budget accounts to pay from. The Campaigns page keeps one to open the dialog.
struct ComposeServices {
    CampaignService &campaigns;
    const TemplateService &templates;
    GroupService &groups;
    ContactService &contacts;
    const TokenLedger &tokens;
    const Settings &settings;
    const Clock &clock;
    // Opens the Buy dialog on this parent ("Not enough tokens": "Buy tokens…"), with `plan` chosen
    // first when not empty (the plan a locked feature needs); none: not offered.
    std::function<void(QWidget *parent, const QString &plan)> buyTokens = {};
    // Greys "Buy tokens…" for whoever may not buy them; none: everything is allowed.
    RoleGate *roles = nullptr;
};

// Writing a campaign: who gets it (RecipientPicker: all contacts, or groups and single people), the
// message (a template or free text, with the editor's counter, previewed for the people who get
// it), when (ScheduleEditor), and under a closed "More options" the sender ID, how urgently and who
// pays (closed, it names any choice that is not the usual one). Beside it, before anything is spent, what sending would do
// (CampaignCostPanel). "Send" asks once more with the totals, then launches. A campaign may repeat (every day, every week on
// chosen days, every month) until a last day; then the check says how many times and when the
// first one goes, and the figures are for each time. The same dialog changes a campaign that has
// not gone yet (editCampaign): "Save changes" asks with what changes (CampaignChanges), then
// replaces it.
class ComposeCampaignDialog final : public QDialog
{
    Q_OBJECT

public:
    // How long the preview waits after the last change before it counts again.
    static constexpr int PreviewDelayMs = 250;
    static constexpr int MaxPreviewDelayMs = 1500;
    static constexpr int Samples = 3;

    explicit ComposeCampaignDialog(const ComposeServices &services, QWidget *parent = nullptr);
    ~ComposeCampaignDialog() override;

    // Fills the form from a stored campaign to change it; "Save changes…" then updates it instead of
    // launching a new one. False (and the reason shown) when it cannot be read or changed any more.
    bool editCampaign(qint64 campaignId);
    qint64 editedCampaignId() const { return m_editingId; }

    // What the form says now, as the campaign service takes it.
    CampaignDraft draft() const;
    // Counts again now (otherwise it happens shortly after each change).
    void updatePreview();
    // The last preview that worked, and the reason sending is not possible now (empty: it is).
    const std::optional<CampaignPreview> &preview() const { return m_preview; }
    QString problem() const { return m_problemText; }

    // Ticks these groups (e.g. "send to this group" from elsewhere).
    void setGroups(const QList<qint64> &groupIds);
    void addContact(qint64 contactId);
    // Opens on these groups ticked and these people under "Also these people" ("Send SMS…" from
    // the Contacts or Groups page, or the sidebar with a group or people chosen).
    void preselect(const QList<qint64> &groupIds, const QList<qint64> &contactIds);
    // Practice mode whatever gateway is set (the welcome page's "practise a send"): nothing leaves
    // the computer and no tokens are used.
    void setPracticeMode();
    TemplateEditor *editor() const { return m_editor; }
    // What "More options" says while it is closed: the choices that are not the usual ones.
    QString moreOptionsSummary() const;

    // Asks once more with the totals, then launches (or, editing, updates) the campaign and closes.
    void send();
    // The campaign launched or changed.
    qint64 launchedCampaignId() const { return m_launchedId; }

private:
    QWidget *buildMessage();
    void schedulePreview();
    void chooseTemplate();
    void showProblem(const QString &text, bool offerBuying = false);
    void updateQuietHoursHint();
    void updateSendButton();
    void setAccountName(const QString &name);
    void updateMoreOptions();
    // Tokens this campaign has set aside now (editing a scheduled one: they come back on saving).
    int reservedNow() const;
    QString accountName() const;
    QStringList confirmation(const CampaignDraft &d, const CampaignPreview &p) const;

    CampaignService &m_campaigns;
    const TemplateService &m_templates;
    GroupService &m_groups;
    ContactService &m_contacts;
    const TokenLedger &m_tokens;
    const Settings &m_settings;
    const Clock &m_clock;
    std::function<void(QWidget *, const QString &)> m_buyTokens;
    QPushButton *m_buyButton = nullptr;
    QString m_buyPlan; // the plan a locked feature needs, chosen first in Buy; empty: any
    GatewayKind m_gateway = GatewayKind::Simulator;
    std::optional<CampaignPreview> m_preview;
    QString m_problemText;
    qint64 m_launchedId = 0;
    bool m_launching = false;
    qint64 m_editingId = 0;
    Campaign m_original;
    CampaignDraft m_originalDraft;
    QString m_blocked; // editing: why it cannot be changed any more
    qint64 m_templateId = 0;
    QString m_templateBody;
    QString m_templateName;

    QTimer *m_previewTimer = nullptr;
    Banner *m_simulationBanner = nullptr;
    QLineEdit *m_name = nullptr;
    RecipientPicker *m_recipients = nullptr;
    QComboBox *m_template = nullptr;
    TemplateEditor *m_editor = nullptr;
    QLineEdit *m_senderId = nullptr;
    ScheduleEditor *m_schedule = nullptr;
    QComboBox *m_priority = nullptr;
    QComboBox *m_account = nullptr;
    QString m_usualAccount;
    QToolButton *m_moreButton = nullptr;
    QLabel *m_moreSummary = nullptr;
    QWidget *m_moreOptions = nullptr;
    CampaignCostPanel *m_cost = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace kengele
