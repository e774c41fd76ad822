// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ComposeCampaignDialog.h"

#include "CampaignCostPanel.h"
#include "CampaignText.h"
#include "MessageBox.h"
#include "RecipientPicker.h"
#include "ScheduleEditor.h"
#include "campaigns/CampaignChanges.h"
#include "campaigns/CampaignService.h"
#include "campaigns/QuietHours.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "gateway/AfricasTalkingGateway.h"
#include "security/RoleGate.h"
#include "settings/Settings.h"
#include "sync/PurchaseStore.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateService.h"
#include "tokens/Plan.h"
#include "tokens/TokenAccount.h"
#include "tokens/TokenLedger.h"
#include "widgets/Banner.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kengele {

namespace {

// The labels of forms stacked one above the other get one width, so their fields line up.
void alignLabels(const QList<QFormLayout *> &forms)
{
    QList<QWidget *> labels;
    int widest = 0;
    for (const QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (const QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget()) {
                labels << item->widget();
                widest = qMax(widest, item->widget()->sizeHint().width());
            }
        }
    }
    for (QWidget *label : std::as_const(labels))
        label->setMinimumWidth(widest);
}

} // namespace

ComposeCampaignDialog::ComposeCampaignDialog(const ComposeServices &services, QWidget *parent)
    : QDialog(parent)
    , m_campaigns(services.campaigns)
    , m_templates(services.templates)
    , m_groups(services.groups)
    , m_contacts(services.contacts)
    , m_tokens(services.tokens)
    , m_settings(services.settings)
    , m_clock(services.clock)
    , m_buyTokens(services.buyTokens)
    , m_gateway(services.settings.gatewayProvider())
{
    setObjectName(QStringLiteral("composeCampaignDialog"));
    setWindowTitle(tr("New campaign"));

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(PreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &ComposeCampaignDialog::updatePreview);

    m_simulationBanner = new Banner(Banner::Kind::Info, this);
    m_simulationBanner->setObjectName(QStringLiteral("simulationBannerLabel"));
    m_simulationBanner->setWordWrap(true);
    m_simulationBanner->setText(tr("<b>%1.</b> Messages go to Kengele's practice gateway on this computer, which answers like "
                                   "Africa's Talking and reports them delivered. Practice messages use no tokens. Choose "
                                   "Africa's Talking in Tools → Settings → SMS gateway to send real SMS.")
                                    .arg(CampaignText::simulationLabel().toHtmlEscaped()));
    m_simulationBanner->setVisible(CampaignText::isSimulation(m_gateway));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("campaignNameEdit"));
    m_name->setAccessibleName(tr("Name of the campaign"));
    m_name->setPlaceholderText(tr("For example: Sunday service reminder"));
    m_name->setMaxLength(100);

    m_recipients = new RecipientPicker(m_groups, m_contacts, this);
    connect(m_recipients, &RecipientPicker::groupsChanged, this, &ComposeCampaignDialog::schedulePreview);
    connect(m_recipients, &RecipientPicker::contactsChanged, this, &ComposeCampaignDialog::updatePreview);
    connect(m_recipients, &RecipientPicker::allContactsChanged, this, &ComposeCampaignDialog::updatePreview);
    QWidget *messagePane = buildMessage();
    m_cost = new CampaignCostPanel(this);
    if (m_buyTokens) {
        // Not enough tokens: buying them is one click away, and the check counts again afterwards.
        auto *buy = new QPushButton(tr("Buy tokens…"));
        m_buyButton = buy;
        buy->setObjectName(QStringLiteral("composeBuyTokensButton"));
        buy->setToolTip(tr("Buy tokens with M-Pesa without leaving this message."));
        m_cost->setProblemButton(buy);
        if (services.roles)
            services.roles->gate(buy, Permission::ManageTokens);
        connect(buy, &QPushButton::clicked, this, [this] {
            m_buyTokens(this, m_buyPlan);
            updatePreview();
        });
    }

    // The check column scrolls on small screens rather than squeezing the numbers.
    auto *previewScroll = new QScrollArea(this);
    previewScroll->setWidget(m_cost);
    previewScroll->setWidgetResizable(true);
    previewScroll->setFrameShape(QFrame::NoFrame);
    previewScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_recipients);
    splitter->addWidget(messagePane);
    splitter->addWidget(previewScroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({300, 450, 400});

    m_send = new QPushButton(tr("Send…"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setDefault(true);
    m_send->setEnabled(false);
    connect(m_send, &QPushButton::clicked, this, &ComposeCampaignDialog::send);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Cancel);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setAutoDefault(false);
    // The send button launches itself (after asking); the box must not accept on its own.
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(buttons, &QDialogButtonBox::rejected, this, &ComposeCampaignDialog::reject);

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("Name of the campaign:"), this));
    nameRow->addWidget(m_name, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_simulationBanner);
    layout->addLayout(nameRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    resize(1180, 740);
    setMinimumSize(860, 560);
    updatePreview();
}

ComposeCampaignDialog::~ComposeCampaignDialog() = default;

QWidget *ComposeCampaignDialog::buildMessage()
{
    auto *pane = new QWidget(this);
    m_template = new QComboBox(pane);
    m_template->setObjectName(QStringLiteral("templateCombo"));
    m_template->addItem(tr("Write a new message"), qint64(0));
    if (const auto templates = m_templates.list(); templates) {
        for (const MessageTemplateRecord &t : *templates)
            m_template->addItem(t.name, t.id);
    }
    connect(m_template, &QComboBox::currentIndexChanged, this, &ComposeCampaignDialog::chooseTemplate);

    m_editor = new TemplateEditor(m_contacts, m_clock, pane);
    m_editor->setObjectName(QStringLiteral("messageEditor"));
    m_editor->setPreviewPeople(QList<qint64>()); // until the preview says who gets it
    connect(m_editor, &TemplateEditor::textChanged, this, &ComposeCampaignDialog::schedulePreview);

    m_senderId = new QLineEdit(m_settings.gatewaySenderId(), pane);
    m_senderId->setObjectName(QStringLiteral("senderIdEdit"));
    m_senderId->setPlaceholderText(tr("The account's default"));
    m_senderId->setMaxLength(20);
    m_senderId->setToolTip(tr("The name people see as the sender, up to 11 letters, digits and spaces, as registered with "
                              "Africa's Talking. Leave it empty to use your account's default."));
    connect(m_senderId, &QLineEdit::textChanged, this, &ComposeCampaignDialog::schedulePreview);

    m_schedule = new ScheduleEditor(m_clock, pane);
    // One clock for every preview: the editor's {date} is the day the campaign (first) goes, as in
    // the messages the service renders.
    auto followSchedule = [this] {
        m_editor->setSendTime(m_schedule->isLater() ? m_schedule->sendTime() : QDateTime());
    };
    followSchedule();
    connect(m_schedule, &ScheduleEditor::changed, this, followSchedule);
    connect(m_schedule, &ScheduleEditor::changed, this, &ComposeCampaignDialog::schedulePreview);

    m_priority = new QComboBox(pane);
    m_priority->setObjectName(QStringLiteral("priorityCombo"));
    for (const Priority p : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent})
        m_priority->addItem(CampaignText::priority(p), int(p));
    m_priority->setCurrentIndex(m_priority->findData(int(Priority::Normal)));
    m_priority->setItemData(m_priority->findData(int(Priority::Urgent)),
                            tr("Goes before everything else, even during quiet hours at night. For funerals and emergencies."),
                            Qt::ToolTipRole);
    m_priority->setItemData(m_priority->findData(int(Priority::Low)), tr("Goes after other campaigns that are waiting."),
                            Qt::ToolTipRole);
    connect(m_priority, &QComboBox::currentIndexChanged, this, &ComposeCampaignDialog::schedulePreview);

    m_account = new QComboBox(pane);
    m_account->setObjectName(QStringLiteral("accountCombo"));
    if (const auto accounts = m_tokens.budgetAccounts(); accounts) {
        for (const TokenAccount &account : *accounts)
            m_account->addItem(tr("%1 (%Ln token(s))", nullptr, int(qMin<qint64>(account.balance, INT_MAX)))
                                   .arg(tokenAccountLabel(account.name)),
                               account.name);
    }
    if (m_account->count() == 0)
        m_account->addItem(tokenAccountLabel(QStringLiteral("Main")), QStringLiteral("Main"));
    m_usualAccount = m_account->itemData(0).toString();
    m_account->setToolTip(tr("The budget that pays for this campaign."));
    connect(m_account, &QComboBox::currentIndexChanged, this, &ComposeCampaignDialog::schedulePreview);

    // When (the schedule's own rows); then, closed unless opened, the sender ID, how urgently and
    // who pays: most messages need none of them changed.
    m_moreButton = new QToolButton(pane);
    m_moreButton->setObjectName(QStringLiteral("moreOptionsButton"));
    m_moreButton->setText(tr("More options"));
    m_moreButton->setCheckable(true);
    m_moreButton->setChecked(false);
    m_moreButton->setAutoRaise(true);
    m_moreButton->setArrowType(Qt::RightArrow);
    m_moreButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moreButton->setFocusPolicy(Qt::StrongFocus);
    m_moreButton->setToolTip(tr("Sender ID, priority and the budget that pays"));
    m_moreSummary = new QLabel(pane);
    m_moreSummary->setObjectName(QStringLiteral("moreOptionsSummaryLabel"));
    m_moreSummary->setWordWrap(true);
    m_moreOptions = new QWidget(pane);
    m_moreOptions->setObjectName(QStringLiteral("moreOptionsWidget"));
    auto *moreForm = new QFormLayout(m_moreOptions);
    moreForm->setContentsMargins(0, 0, 0, 0);
    moreForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    moreForm->addRow(tr("Sender ID:"), m_senderId);
    moreForm->addRow(tr("Priority:"), m_priority);
    moreForm->addRow(tr("Pay from:"), m_account);
    alignLabels({qobject_cast<QFormLayout *>(m_schedule->layout()), moreForm});
    connect(m_moreButton, &QToolButton::toggled, this, &ComposeCampaignDialog::updateMoreOptions);
    connect(m_senderId, &QLineEdit::textChanged, this, &ComposeCampaignDialog::updateMoreOptions);
    connect(m_priority, &QComboBox::currentIndexChanged, this, &ComposeCampaignDialog::updateMoreOptions);
    connect(m_account, &QComboBox::currentIndexChanged, this, &ComposeCampaignDialog::updateMoreOptions);
    // Tab goes from the button into what it opens (the fields were made before the schedule).
    setTabOrder(m_moreButton, m_senderId);
    setTabOrder(m_senderId, m_priority);
    setTabOrder(m_priority, m_account);
    auto *moreRow = new QHBoxLayout;
    moreRow->addWidget(m_moreButton, 0, Qt::AlignLeft);
    moreRow->addWidget(m_moreSummary, 1);
    updateMoreOptions();

    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(new QLabel(tr("Start from:"), pane));
    templateRow->addWidget(m_template, 1);

    auto *heading = new QLabel(QStringLiteral("<h3>%1</h3>").arg(tr("2. The message").toHtmlEscaped()), pane);
    heading->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(heading);
    layout->addLayout(templateRow);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_schedule);
    layout->addLayout(moreRow);
    layout->addWidget(m_moreOptions);
    return pane;
}

QString ComposeCampaignDialog::moreOptionsSummary() const
{
    QStringList parts;
    if (const QString sender = m_senderId->text().trimmed(); !sender.isEmpty())
        parts << tr("Sender ID: %1").arg(sender);
    if (const auto priority = Priority(m_priority->currentData().toInt()); priority != Priority::Normal)
        parts << tr("Priority: %1").arg(CampaignText::priority(priority));
    if (accountName() != m_usualAccount)
        parts << tr("Pay from: %1").arg(tokenAccountLabel(accountName()));
    return parts.join(QStringLiteral(" · "));
}

void ComposeCampaignDialog::updateMoreOptions()
{
    const bool open = m_moreButton->isChecked();
    m_moreButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    m_moreOptions->setVisible(open);
    // Closed, it names what is not the usual choice, so nothing is changed out of sight.
    const QString summary = open ? QString() : moreOptionsSummary();
    m_moreSummary->setText(summary);
    m_moreSummary->setVisible(!summary.isEmpty());
}

CampaignDraft ComposeCampaignDialog::draft() const
{
    CampaignDraft d;
    d.body = m_editor->text();
    d.templateId = m_templateId > 0 && d.body == m_templateBody ? m_templateId : 0;
    d.name = m_name->text().trimmed();
    if (d.name.isEmpty() && d.templateId > 0)
        d.name = m_templateName;
    d.senderId = m_senderId->text().trimmed();
    d.allContacts = m_recipients->allContacts();
    d.groupIds = m_recipients->groupIds();
    d.contactIds = m_recipients->contactIds();
    d.priority = Priority(m_priority->currentData().toInt());
    d.scheduledAt = m_schedule->scheduledAt();
    d.recurrence = m_schedule->recurrence();
    d.repeatUntil = m_schedule->repeatUntil();
    d.gateway = m_gateway;
    d.accountName = accountName();
    d.chargeTokens = !CampaignText::isSimulation(m_gateway);
    return d;
}

QString ComposeCampaignDialog::accountName() const
{
    return m_account->currentData().toString();
}

void ComposeCampaignDialog::setAccountName(const QString &name)
{
    int index = m_account->findData(name);
    if (index < 0) {
        m_account->addItem(name, name);
        index = m_account->count() - 1;
    }
    m_account->setCurrentIndex(index);
}

int ComposeCampaignDialog::reservedNow() const
{
    if (m_editingId <= 0 || m_original.isRepeating() || m_originalDraft.accountName != accountName())
        return 0;
    return m_original.tokens;
}

bool ComposeCampaignDialog::editCampaign(qint64 campaignId)
{
    const Result<Campaign> campaign = m_campaigns.get(campaignId);
    if (!campaign) {
        m_blocked = campaign.error().message;
        updatePreview();
        return false;
    }
    if (!CampaignService::isEditable(*campaign)) {
        m_blocked = tr("“%1” can no longer be changed: it has started sending or has ended.").arg(campaign->name);
        updatePreview();
        return false;
    }
    const Result<CampaignDraft> loaded = m_campaigns.draft(campaignId);
    if (!loaded) {
        m_blocked = loaded.error().message;
        updatePreview();
        return false;
    }
    const CampaignDraft &d = *loaded;
    m_editingId = campaignId;
    m_original = *campaign;
    m_originalDraft = d;
    setWindowTitle(tr("Change campaign"));
    m_gateway = d.gateway;
    m_simulationBanner->setVisible(CampaignText::isSimulation(m_gateway));

    m_name->setText(d.name);
    m_recipients->setGroups(d.groupIds);
    m_recipients->setContacts(d.contactIds);
    m_recipients->setAllContacts(d.allContacts);
    {
        QSignalBlocker blocker(m_template);
        m_templateId = 0;
        m_templateBody.clear();
        m_templateName.clear();
        const int index = d.templateId > 0 ? m_template->findData(d.templateId) : -1;
        if (index > 0) {
            if (const Result<MessageTemplateRecord> record = m_templates.get(d.templateId); record) {
                m_templateId = d.templateId;
                m_templateBody = record->body;
                m_templateName = record->name;
            }
        }
        m_template->setCurrentIndex(m_templateId > 0 ? index : 0);
    }
    m_editor->setText(d.body);
    m_senderId->setText(d.senderId);
    m_priority->setCurrentIndex(qMax(0, m_priority->findData(int(d.priority))));
    setAccountName(d.accountName);

    // A monthly campaign starts from its next time, so its day of the month stays; the others from
    // the next moment at their time of day (so changing Sunday to Wednesday means this Wednesday).
    const QDateTime start = d.recurrence.frequency() == Recurrence::Frequency::Monthly ? campaign->scheduledAt : d.scheduledAt;
    m_schedule->setSchedule(start, d.recurrence, d.repeatUntil);
    updatePreview();
    return true;
}

void ComposeCampaignDialog::schedulePreview()
{
    m_previewTimer->start();
    updateQuietHoursHint();
}

void ComposeCampaignDialog::setGroups(const QList<qint64> &groupIds)
{
    m_recipients->setGroups(groupIds);
    updatePreview();
}

void ComposeCampaignDialog::addContact(qint64 contactId)
{
    // The picker says when it added someone; the preview follows then.
    m_recipients->addContact(contactId);
}

void ComposeCampaignDialog::preselect(const QList<qint64> &groupIds, const QList<qint64> &contactIds)
{
    QList<qint64> groups = m_recipients->groupIds();
    for (const qint64 id : groupIds) {
        if (!groups.contains(id))
            groups << id;
    }
    m_recipients->setGroups(groups);
    for (const qint64 id : contactIds)
        m_recipients->addContact(id);
    updatePreview();
}

void ComposeCampaignDialog::setPracticeMode()
{
    m_gateway = GatewayKind::Simulator;
    m_simulationBanner->setVisible(true);
    updatePreview();
}

void ComposeCampaignDialog::chooseTemplate()
{
    const qint64 id = m_template->currentData().toLongLong();
    const QString current = m_editor->text();
    // Words the person wrote are not thrown away without asking.
    if (!current.trimmed().isEmpty() && current != m_templateBody
        && MessageBox::question(this, tr("Use template"), tr("Replace the message you wrote with the template?"))
            != QMessageBox::Yes) {
        QSignalBlocker blocker(m_template);
        m_template->setCurrentIndex(qMax(0, m_template->findData(m_templateId)));
        return;
    }
    m_templateId = id;
    m_templateBody.clear();
    m_templateName.clear();
    if (id > 0) {
        if (const Result<MessageTemplateRecord> record = m_templates.get(id); record) {
            m_templateBody = record->body;
            m_templateName = record->name;
        }
    }
    m_editor->setText(m_templateBody);
    m_name->setPlaceholderText(m_templateName.isEmpty() ? tr("For example: Sunday service reminder") : m_templateName);
    updatePreview();
}

void ComposeCampaignDialog::showProblem(const QString &text, bool offerBuying)
{
    m_problemText = text;
    m_cost->showProblem(text);
    if (m_buyButton) {
        // A locked feature names the plan it needs; short of tokens, any plan does.
        m_buyButton->setText(m_buyPlan.isEmpty() ? tr("Buy tokens…")
                                                 : tr("Buy the %1 plan…").arg(PurchaseStore::planName(m_buyPlan)));
    }
    m_cost->showProblemButton(offerBuying && m_buyTokens && !text.isEmpty());
}

void ComposeCampaignDialog::updateQuietHoursHint()
{
    const Settings &settings = m_settings;
    const QuietHours quiet{settings.quietHoursStart(), settings.quietHoursEnd()};
    // A repeating message: when its first time goes.
    const QDateTime at = m_schedule->sendTime();
    const bool urgent = Priority(m_priority->currentData().toInt()) == Priority::Urgent;
    if (urgent || !at.isValid() || !quiet.isQuiet(at)) {
        m_cost->showQuietHours(QString());
        return;
    }
    const QString start = QLocale().toString(quiet.start, QLocale::ShortFormat);
    const QString end = QLocale().toString(quiet.end, QLocale::ShortFormat);
    if (m_schedule->isRepeating())
        m_cost->showQuietHours(tr("Quiet hours (%1 to %2): the first time, the messages wait until %3. Choose another time of "
                                  "day, or the priority Urgent to send them at night anyway.")
                                   .arg(start, end, CampaignText::localTime(quiet.nextAllowed(at).toUTC())));
    else
        m_cost->showQuietHours(tr("Quiet hours (%1 to %2): the messages wait until %3. Choose the priority Urgent to send them "
                                  "at night anyway.")
                                   .arg(start, end, CampaignText::localTime(quiet.nextAllowed(at).toUTC())));
}

void ComposeCampaignDialog::updatePreview()
{
    m_previewTimer->stop();
    updateQuietHoursHint();
    const CampaignDraft d = draft();
    auto clear = [&] {
        m_preview.reset();
        m_cost->clear();
    };

    if (!m_blocked.isEmpty()) {
        clear();
        showProblem(m_blocked);
        updateSendButton();
        return;
    }

    if (const Status sender = AfricasTalkingGateway::validateSenderId(d.senderId); !sender) {
        // The field to correct is shown, not only the reason.
        m_moreButton->setChecked(true);
        clear();
        showProblem(sender.error().message);
        updateSendButton();
        return;
    }
    QElapsedTimer took;
    took.start();
    const Result<CampaignPreview> previewed = m_campaigns.preview(d, Samples);
    // Counting for tens of thousands of people takes a moment: then wait longer after typing
    // before counting again, so typing does not stutter.
    m_previewTimer->setInterval(int(qBound(qint64(PreviewDelayMs), took.elapsed() * 3, qint64(MaxPreviewDelayMs))));
    if (!previewed) {
        clear();
        m_problemText = previewed.error().message;
        // Nothing chosen or written yet is the start, not a mistake: say what to do, calmly.
        const bool nobodyChosen = !d.allContacts && d.groupIds.isEmpty() && d.contactIds.isEmpty();
        const bool incomplete = d.body.trimmed().isEmpty() || nobodyChosen;
        // "Preview for" offers only people who get it: nobody while nobody is chosen; otherwise
        // the last people counted stay while the message is being corrected.
        if (nobodyChosen)
            m_editor->setPreviewPeople(QList<qint64>());
        m_cost->showProblem(m_problemText,
                            incomplete ? CampaignCostPanel::ProblemTone::Notice : CampaignCostPanel::ProblemTone::Mistake);
        updateSendButton();
        return;
    }
    const CampaignPreview &p = *previewed;
    m_preview = p;
    m_editor->setPreviewPeople(p.recipientIds);
    // Editing a scheduled campaign: what it has set aside comes back when the change is saved.
    const int reserved = reservedNow();
    m_cost->showPreview(d, p, reserved);

    // A plan that lacks scheduling or urgent sending: said here, with Buy beside it, before Send.
    Error locked;
    if (const std::optional<PlanFeature> feature = m_campaigns.lockedFeature(d, &locked)) {
        m_buyPlan = Plan::of(Plan::minimumTier(*feature)).key();
        showProblem(locked.message, true);
        updateSendButton();
        return;
    }
    m_buyPlan.clear();
    const qint64 available = qint64(p.balance) + reserved;
    if (d.chargeTokens && p.tokens > available) {
        if (d.recurrence.isRepeating())
            showProblem(
                tr("Not enough tokens for the first time: it needs %1 tokens but %2 has %3. Buy tokens, pay from "
                   "another budget, or send to fewer people.")
                    .arg(CampaignText::number(p.tokens), tokenAccountLabel(d.accountName), CampaignText::number(available)),
                true);
        else
            showProblem(
                tr("Not enough tokens: this campaign needs %1 tokens but %2 has %3. Buy tokens, pay from another "
                   "budget, or send to fewer people.")
                    .arg(CampaignText::number(p.tokens), tokenAccountLabel(d.accountName), CampaignText::number(available)),
                true);
    } else {
        showProblem(QString());
    }
    updateSendButton();
}

void ComposeCampaignDialog::updateSendButton()
{
    const bool ready = m_preview && m_problemText.isEmpty() && !m_launching && m_blocked.isEmpty();
    m_send->setEnabled(ready);
    const int people = m_preview ? m_preview->recipients : 0;
    const bool later = m_schedule->isLater();
    if (m_editingId > 0)
        m_send->setText(tr("Save changes…"));
    else if (!ready)
        m_send->setText(later ? tr("Schedule…") : tr("Send…"));
    else if (later)
        m_send->setText(tr("Schedule for %Ln person(s)…", nullptr, people));
    else
        m_send->setText(tr("Send to %Ln person(s)…", nullptr, people));
}

} // namespace kengele
