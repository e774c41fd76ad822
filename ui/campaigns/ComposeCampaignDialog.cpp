// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ComposeCampaignDialog.h"

#include "CampaignText.h"
#include "MessageBox.h"
#include "campaigns/CampaignService.h"
#include "campaigns/QuietHours.h"
#include "common/Clock.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "gateway/AfricasTalkingGateway.h"
#include "profile/Profile.h"
#include "settings/Settings.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateService.h"
#include "tokens/TokenLedger.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace kengele {

namespace {

constexpr int ContactResults = 30;
const QString ProblemStyle
    = QStringLiteral("QLabel { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; padding: 6px; }");
const QString WarningStyle
    = QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0b44c; border-radius: 4px; padding: 6px; }");
const QString NoticeStyle
    = QStringLiteral("QLabel { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 4px; padding: 6px; }");

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("<h3>%1</h3>").arg(text.toHtmlEscaped()), parent);
    label->setContentsMargins(0, 0, 0, 0);
    return label;
}

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString userName()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

// Minutes are what a person chooses; seconds do not make a change.
qint64 minutes(const QDateTime &time)
{
    return time.isValid() ? time.toSecsSinceEpoch() / 60 : -1;
}

template<typename T> QList<T> sorted(QList<T> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

ComposeCampaignDialog::ComposeCampaignDialog(Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_gateway(profile.settings().gatewayProvider())
{
    setObjectName(QStringLiteral("composeCampaignDialog"));
    setWindowTitle(tr("New campaign"));

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(PreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &ComposeCampaignDialog::updatePreview);

    m_simulationBanner = new QLabel(this);
    m_simulationBanner->setObjectName(QStringLiteral("simulationBannerLabel"));
    m_simulationBanner->setWordWrap(true);
    m_simulationBanner->setStyleSheet(NoticeStyle);
    m_simulationBanner->setText(tr("<b>%1.</b> Messages go to Kengele's built-in simulator, which answers like Africa's Talking "
                                   "and reports them delivered. Simulated messages use no tokens. Choose Africa's Talking in "
                                   "Tools → Settings → SMS gateway to send real SMS.")
                                    .arg(CampaignText::simulationLabel().toHtmlEscaped()));
    m_simulationBanner->setVisible(CampaignText::isSimulation(m_gateway));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("campaignNameEdit"));
    m_name->setPlaceholderText(tr("For example: Sunday service reminder"));
    m_name->setMaxLength(100);

    auto *recipientsPane = new QWidget(this);
    auto *messagePane = new QWidget(this);
    auto *previewPane = new QWidget(this);
    buildRecipients(recipientsPane);
    buildMessage(messagePane);
    buildPreview(previewPane);

    // The check column scrolls on small screens rather than squeezing the numbers.
    auto *previewScroll = new QScrollArea(this);
    previewScroll->setWidget(previewPane);
    previewScroll->setWidgetResizable(true);
    previewScroll->setFrameShape(QFrame::NoFrame);
    previewScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(recipientsPane);
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

    // Repeating: until three months after the start, unless the person chooses another last day.
    m_lastStartDate = startLocal().date();
    m_settingUntil = true;
    m_until->setMinimumDate(m_lastStartDate);
    m_until->setDate(m_lastStartDate.addMonths(3));
    m_settingUntil = false;
    updateRepeatControls();

    resize(1180, 740);
    setMinimumSize(860, 560);
    updatePreview();
}

ComposeCampaignDialog::~ComposeCampaignDialog() = default;

void ComposeCampaignDialog::buildRecipients(QWidget *pane)
{
    m_groups = new QListWidget(pane);
    m_groups->setObjectName(QStringLiteral("groupList"));
    const Result<QList<Group>> groups = m_profile.groups().list();
    if (groups) {
        for (const Group &group : *groups) {
            auto *item = new QListWidgetItem(tr("%1 (%Ln)", nullptr, group.memberCount).arg(group.name), m_groups);
            item->setData(Qt::UserRole, group.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            if (group.optedOutCount > 0)
                item->setToolTip(tr("%n member(s) stopped messages and will be left out.", nullptr, group.optedOutCount));
        }
    }
    if (m_groups->count() == 0) {
        auto *item = new QListWidgetItem(tr("No groups yet. Make them on the Groups page."), m_groups);
        item->setFlags(Qt::NoItemFlags);
    }
    connect(m_groups, &QListWidget::itemChanged, this, &ComposeCampaignDialog::schedulePreview);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_searchTimer, &QTimer::timeout, this, &ComposeCampaignDialog::searchContacts);
    m_contactSearch = new QLineEdit(pane);
    m_contactSearch->setObjectName(QStringLiteral("contactSearchEdit"));
    m_contactSearch->setPlaceholderText(tr("Type a name or number"));
    m_contactSearch->setClearButtonEnabled(true);
    connect(m_contactSearch, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_contactSearch, &QLineEdit::returnPressed, this, &ComposeCampaignDialog::addChosenResult);
    m_contactResults = new QListWidget(pane);
    m_contactResults->setObjectName(QStringLiteral("contactResultsList"));
    m_contactResults->setMaximumHeight(m_contactResults->fontMetrics().height() * 7);
    m_contactResults->hide();
    connect(m_contactResults, &QListWidget::itemDoubleClicked, this, &ComposeCampaignDialog::addChosenResult);
    m_addContact = new QPushButton(tr("Add"), pane);
    m_addContact->setObjectName(QStringLiteral("addContactButton"));
    m_addContact->setAutoDefault(false);
    connect(m_addContact, &QPushButton::clicked, this, &ComposeCampaignDialog::addChosenResult);

    m_chosen = new QListWidget(pane);
    m_chosen->setObjectName(QStringLiteral("chosenContactsList"));
    m_chosen->setMaximumHeight(m_chosen->fontMetrics().height() * 6);
    m_chosen->hide();
    m_removeContact = new QPushButton(tr("Remove"), pane);
    m_removeContact->setObjectName(QStringLiteral("removeContactButton"));
    m_removeContact->setAutoDefault(false);
    m_removeContact->hide();
    connect(m_removeContact, &QPushButton::clicked, this, &ComposeCampaignDialog::removeChosenContact);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_contactSearch, 1);
    searchRow->addWidget(m_addContact);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(heading(tr("1. Who gets it"), pane));
    layout->addWidget(new QLabel(tr("Groups:"), pane));
    layout->addWidget(m_groups, 1);
    auto *single = new QLabel(tr("Also these people:"), pane);
    single->setToolTip(tr("Add single people, for example a visiting pastor, besides the groups."));
    layout->addWidget(single);
    layout->addLayout(searchRow);
    layout->addWidget(m_contactResults);
    layout->addWidget(m_chosen);
    layout->addWidget(m_removeContact, 0, Qt::AlignRight);
}

void ComposeCampaignDialog::buildMessage(QWidget *pane)
{
    m_template = new QComboBox(pane);
    m_template->setObjectName(QStringLiteral("templateCombo"));
    m_template->addItem(tr("Write a new message"), qint64(0));
    if (const auto templates = m_profile.templates().list(); templates) {
        for (const MessageTemplateRecord &t : *templates)
            m_template->addItem(t.name, t.id);
    }
    connect(m_template, &QComboBox::currentIndexChanged, this, &ComposeCampaignDialog::chooseTemplate);

    m_editor = new TemplateEditor(m_profile.contacts(), pane);
    m_editor->setObjectName(QStringLiteral("messageEditor"));
    connect(m_editor, &TemplateEditor::textChanged, this, &ComposeCampaignDialog::schedulePreview);

    m_senderId = new QLineEdit(m_profile.settings().gatewaySenderId(), pane);
    m_senderId->setObjectName(QStringLiteral("senderIdEdit"));
    m_senderId->setPlaceholderText(tr("The account's default"));
    m_senderId->setMaxLength(20);
    m_senderId->setToolTip(tr("The name people see as the sender, up to 11 letters, digits and spaces, as registered with "
                              "Africa's Talking. Leave it empty to use your account's default."));
    connect(m_senderId, &QLineEdit::textChanged, this, &ComposeCampaignDialog::schedulePreview);

    const QDateTime now = m_profile.clock().nowUtc().toLocalTime();
    m_sendNow = new QRadioButton(tr("Now"), pane);
    m_sendNow->setObjectName(QStringLiteral("sendNowRadio"));
    m_sendNow->setChecked(true);
    m_sendLater = new QRadioButton(tr("At"), pane);
    m_sendLater->setObjectName(QStringLiteral("sendLaterRadio"));
    m_when = new QDateTimeEdit(pane);
    m_when->setObjectName(QStringLiteral("scheduleEdit"));
    m_when->setTimeSpec(Qt::LocalTime);
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    // The next full hour, at least ten minutes away.
    QDateTime next = now.addSecs(3600 + 600);
    next.setTime(QTime(next.time().hour(), 0));
    m_when->setDateTime(next);
    m_when->setMinimumDateTime(now.addSecs(-60));
    m_when->setEnabled(false);
    m_when->setToolTip(tr("Your computer's time (%1).").arg(now.timeZoneAbbreviation()));
    connect(m_sendLater, &QRadioButton::toggled, m_when, &QWidget::setEnabled);
    connect(m_sendLater, &QRadioButton::toggled, this, &ComposeCampaignDialog::startChanged);
    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, &ComposeCampaignDialog::startChanged);

    m_repeat = new QComboBox(pane);
    m_repeat->setObjectName(QStringLiteral("repeatCombo"));
    m_repeat->addItem(tr("Does not repeat"), int(RepeatNever));
    m_repeat->addItem(tr("Every day"), int(RepeatDaily));
    m_repeat->addItem(tr("Every week on…"), int(RepeatWeekly));
    m_repeat->addItem(tr("Every month"), int(RepeatMonthly));
    m_repeat->setToolTip(tr("Send the same message again and again, for example every Sunday, until a last day you choose. "
                            "Each time goes to the members of the groups on that day."));
    connect(m_repeat, &QComboBox::currentIndexChanged, this, &ComposeCampaignDialog::updateRepeatControls);

    // The days of the week in the order of the interface language's calendar.
    m_daysBox = new QWidget(pane);
    m_daysBox->setObjectName(QStringLiteral("repeatDaysWidget"));
    const QLocale locale;
    int widest = 0;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto *check = new QCheckBox(locale.standaloneDayName(day, QLocale::ShortFormat), m_daysBox);
        check->setObjectName(QStringLiteral("repeatDayCheck%1").arg(day));
        check->setToolTip(locale.standaloneDayName(day, QLocale::LongFormat));
        widest = qMax(widest, check->sizeHint().width());
        connect(check, &QCheckBox::clicked, this, [this] { m_daysTouched = true; });
        connect(check, &QCheckBox::toggled, this, &ComposeCampaignDialog::schedulePreview);
        m_days << check;
    }
    // Long day names (Kiswahili's are whole words) go on two lines rather than widening the dialog.
    const int columns = widest * 7 > 420 ? 4 : 7;
    auto *daysLayout = new QGridLayout(m_daysBox);
    daysLayout->setContentsMargins(0, 0, 0, 0);
    daysLayout->setHorizontalSpacing(8);
    daysLayout->setVerticalSpacing(2);
    const int firstDay = int(locale.firstDayOfWeek());
    for (int i = 0; i < 7; ++i) {
        const int day = (firstDay - 1 + i) % 7 + 1;
        daysLayout->addWidget(m_days.at(day - 1), i / columns, i % columns);
    }
    daysLayout->setColumnStretch(columns, 1);

    m_monthDay = new QLabel(pane);
    m_monthDay->setObjectName(QStringLiteral("repeatMonthDayLabel"));
    m_monthDay->setWordWrap(true);

    m_untilLabel = new QLabel(tr("until"), pane);
    m_until = new QDateEdit(pane);
    m_until->setObjectName(QStringLiteral("repeatUntilEdit"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_until->setMinimumWidth(m_until->fontMetrics().horizontalAdvance(QStringLiteral("30 Sep 2026")) + 48);
    m_until->setToolTip(tr("The last day it is sent (that day included)."));
    m_untilLabel->setBuddy(m_until);
    connect(m_until, &QDateEdit::dateChanged, this, [this] {
        if (!m_settingUntil)
            m_untilTouched = true;
        schedulePreview();
    });

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
    if (const auto accounts = m_profile.tokens().budgetAccounts(); accounts) {
        for (const TokenAccount &account : *accounts)
            m_account->addItem(tr("%1 (%Ln token(s))", nullptr, int(qMin<qint64>(account.balance, INT_MAX))).arg(account.name),
                               account.name);
    }
    if (m_account->count() == 0)
        m_account->addItem(QStringLiteral("Main"), QStringLiteral("Main"));
    m_account->setToolTip(tr("The budget that pays for this campaign."));
    connect(m_account, &QComboBox::currentIndexChanged, this, &ComposeCampaignDialog::schedulePreview);

    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_sendNow);
    whenRow->addWidget(m_sendLater);
    whenRow->addWidget(m_when, 1);

    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_repeat);
    repeatRow->addWidget(m_untilLabel);
    repeatRow->addWidget(m_until);
    repeatRow->addStretch();

    m_repeatDetail = new QWidget(pane);
    auto *detailLayout = new QVBoxLayout(m_repeatDetail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_daysBox);
    detailLayout->addWidget(m_monthDay);

    auto *form = new QFormLayout;
    m_whenForm = form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Sender ID:"), m_senderId);
    form->addRow(tr("Send:"), whenRow);
    form->addRow(tr("Repeat:"), repeatRow);
    form->addRow(QString(), m_repeatDetail);
    form->addRow(tr("Priority:"), m_priority);
    form->addRow(tr("Pay from:"), m_account);

    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(new QLabel(tr("Start from:"), pane));
    templateRow->addWidget(m_template, 1);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(heading(tr("2. The message"), pane));
    layout->addLayout(templateRow);
    layout->addWidget(m_editor, 1);
    layout->addLayout(form);
}

void ComposeCampaignDialog::buildPreview(QWidget *pane)
{
    m_recipients = valueLabel(QStringLiteral("recipientsValueLabel"), pane);
    m_leftOut = valueLabel(QStringLiteral("leftOutValueLabel"), pane);
    m_partsEach = valueLabel(QStringLiteral("partsPerMessageValueLabel"), pane);
    m_partsTotal = valueLabel(QStringLiteral("totalPartsValueLabel"), pane);
    m_tokens = valueLabel(QStringLiteral("tokensValueLabel"), pane);
    m_balance = valueLabel(QStringLiteral("balanceValueLabel"), pane);
    m_balanceAfter = valueLabel(QStringLiteral("balanceAfterValueLabel"), pane);
    m_encoding = valueLabel(QStringLiteral("encodingValueLabel"), pane);
    QFont big = m_recipients->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_recipients->setFont(big);
    m_tokens->setFont(big);

    m_problem = valueLabel(QStringLiteral("previewProblemLabel"), pane);
    m_problem->setStyleSheet(ProblemStyle);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();
    m_warnings = valueLabel(QStringLiteral("previewWarningsLabel"), pane);
    m_warnings->setStyleSheet(WarningStyle);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->hide();
    m_repeatSummary = valueLabel(QStringLiteral("repeatSummaryLabel"), pane);
    m_repeatSummary->setStyleSheet(NoticeStyle);
    m_repeatSummary->setTextFormat(Qt::PlainText);
    m_repeatSummary->hide();
    m_quietHours = valueLabel(QStringLiteral("quietHoursLabel"), pane);
    m_quietHours->setStyleSheet(WarningStyle);
    m_quietHours->hide();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("People who get it:"), m_recipients);
    form->addRow(tr("Left out:"), m_leftOut);
    form->addRow(tr("SMS parts per message:"), m_partsEach);
    form->addRow(tr("SMS parts in all:"), m_partsTotal);
    form->addRow(tr("Cost:"), m_tokens);
    form->addRow(tr("Balance now:"), m_balance);
    form->addRow(tr("Balance after:"), m_balanceAfter);
    form->addRow(tr("Characters:"), m_encoding);

    m_samplesBox = new QWidget(pane);
    m_samplesBox->setObjectName(QStringLiteral("samplesWidget"));
    m_samplesLayout = new QVBoxLayout(m_samplesBox);
    m_samplesLayout->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(heading(tr("3. Check before sending"), pane));
    layout->addWidget(m_problem);
    layout->addWidget(m_repeatSummary);
    layout->addLayout(form);
    layout->addWidget(m_warnings);
    layout->addWidget(m_quietHours);
    layout->addWidget(new QLabel(tr("<b>The first messages as they will read:</b>"), pane));
    layout->addWidget(m_samplesBox);
    layout->addStretch();
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
    for (int i = 0; i < m_groups->count(); ++i) {
        const QListWidgetItem *item = m_groups->item(i);
        if (item->checkState() == Qt::Checked)
            d.groupIds << item->data(Qt::UserRole).toLongLong();
    }
    for (int i = 0; i < m_chosen->count(); ++i)
        d.contactIds << m_chosen->item(i)->data(Qt::UserRole).toLongLong();
    d.priority = Priority(m_priority->currentData().toInt());
    if (m_sendLater->isChecked())
        d.scheduledAt = m_when->dateTime().toUTC();
    d.recurrence = recurrence();
    if (d.recurrence.isRepeating())
        d.repeatUntil = m_until->date();
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

QDateTime ComposeCampaignDialog::startLocal() const
{
    return m_sendLater->isChecked() ? m_when->dateTime().toLocalTime() : m_profile.clock().nowUtc().toLocalTime();
}

bool ComposeCampaignDialog::isRepeating() const
{
    return m_repeat->currentData().toInt() != RepeatNever;
}

Recurrence ComposeCampaignDialog::recurrence() const
{
    switch (m_repeat->currentData().toInt()) {
    case RepeatDaily:
        return Recurrence::daily();
    case RepeatWeekly: {
        QList<int> days;
        for (int i = 0; i < m_days.size(); ++i) {
            if (m_days.at(i)->isChecked())
                days << i + 1;
        }
        return Recurrence::weekly(days);
    }
    case RepeatMonthly:
        return Recurrence::monthly(startLocal().date().day());
    default:
        return {};
    }
}

void ComposeCampaignDialog::updateRepeatControls()
{
    const int choice = m_repeat->currentData().toInt();
    const bool repeating = choice != RepeatNever;
    m_untilLabel->setVisible(repeating);
    m_until->setVisible(repeating);
    m_daysBox->setVisible(choice == RepeatWeekly);
    m_monthDay->setVisible(choice == RepeatMonthly);
    m_whenForm->setRowVisible(m_repeatDetail, choice == RepeatWeekly || choice == RepeatMonthly);
    // A repeating message goes at a time of day a person chooses, not at whatever minute it is now.
    if (repeating && m_sendNow->isChecked())
        m_sendLater->setChecked(true);
    m_sendNow->setEnabled(!repeating);
    m_sendNow->setToolTip(repeating ? tr("A repeating message starts at a day and time you choose.") : QString());
    if (choice == RepeatWeekly && !m_daysTouched) {
        bool any = false;
        for (const QCheckBox *check : std::as_const(m_days))
            any = any || check->isChecked();
        if (!any)
            m_days.at(startLocal().date().dayOfWeek() - 1)->setChecked(true);
    }
    const int day = startLocal().date().day();
    m_monthDay->setText(day >= 29 ? tr("on day %1 of each month (or the month's last day)").arg(day)
                                  : tr("on day %1 of each month").arg(day));
    schedulePreview();
}

void ComposeCampaignDialog::startChanged()
{
    const QDate start = startLocal().date();
    if (start != m_lastStartDate) {
        // The days and the last day follow the start until the person chooses them.
        if (m_repeat->currentData().toInt() == RepeatWeekly && !m_daysTouched) {
            for (int i = 0; i < m_days.size(); ++i)
                m_days.at(i)->setChecked(i + 1 == start.dayOfWeek());
        }
        m_settingUntil = true;
        m_until->setMinimumDate(start);
        if (!m_untilTouched)
            m_until->setDate(start.addMonths(3));
        m_settingUntil = false;
        m_lastStartDate = start;
        const int day = start.day();
        m_monthDay->setText(day >= 29 ? tr("on day %1 of each month (or the month's last day)").arg(day)
                                      : tr("on day %1 of each month").arg(day));
    }
    schedulePreview();
}

int ComposeCampaignDialog::reservedNow() const
{
    if (m_editingId <= 0 || m_original.isRepeating() || m_originalDraft.accountName != accountName())
        return 0;
    return m_original.tokens;
}

bool ComposeCampaignDialog::editCampaign(qint64 campaignId)
{
    const Result<Campaign> campaign = m_profile.campaigns().get(campaignId);
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
    const Result<CampaignDraft> loaded = m_profile.campaigns().draft(campaignId);
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
    for (int i = 0; i < m_groups->count(); ++i) {
        QListWidgetItem *item = m_groups->item(i);
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(d.groupIds.contains(item->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
    m_chosen->clear();
    for (const qint64 contactId : d.contactIds) {
        if (const Result<Contact> contact = m_profile.contacts().get(contactId); contact)
            addContactItem(*contact);
    }
    {
        QSignalBlocker blocker(m_template);
        m_templateId = 0;
        m_templateBody.clear();
        m_templateName.clear();
        const int index = d.templateId > 0 ? m_template->findData(d.templateId) : -1;
        if (index > 0) {
            if (const Result<MessageTemplateRecord> record = m_profile.templates().get(d.templateId); record) {
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
    QDateTime start = d.recurrence.frequency() == Recurrence::Frequency::Monthly ? campaign->scheduledAt : d.scheduledAt;
    m_daysTouched = true;
    m_untilTouched = true;
    for (int i = 0; i < m_days.size(); ++i)
        m_days.at(i)->setChecked(d.recurrence.weekdays().contains(i + 1));
    if (start.isValid()) {
        m_sendLater->setChecked(true);
        m_when->setMinimumDateTime(qMin(m_when->minimumDateTime(), start.toLocalTime()));
        m_when->setDateTime(start.toLocalTime());
    }
    int choice = RepeatNever;
    switch (d.recurrence.frequency()) {
    case Recurrence::Frequency::Once:
        break;
    case Recurrence::Frequency::Daily:
        choice = RepeatDaily;
        break;
    case Recurrence::Frequency::Weekly:
        choice = RepeatWeekly;
        break;
    case Recurrence::Frequency::Monthly:
        choice = RepeatMonthly;
        break;
    }
    m_repeat->setCurrentIndex(m_repeat->findData(choice));
    if (d.repeatUntil.isValid()) {
        m_settingUntil = true;
        m_until->setMinimumDate(qMin(m_until->minimumDate(), d.repeatUntil));
        m_until->setDate(d.repeatUntil);
        m_settingUntil = false;
    }
    updateRepeatControls();
    updatePreview();
    return true;
}

QStringList ComposeCampaignDialog::changesFromOriginal(const CampaignDraft &d) const
{
    const CampaignDraft &o = m_originalDraft;
    QStringList changes;
    if (d.name.simplified() != o.name.simplified() && !d.name.isEmpty())
        changes << tr("the name");
    if (d.body != o.body)
        changes << tr("the message");
    if (sorted(d.groupIds) != sorted(o.groupIds) || sorted(d.contactIds) != sorted(o.contactIds))
        changes << tr("who gets it");
    if (d.senderId != o.senderId)
        changes << tr("the sender ID");
    if (d.priority != o.priority)
        changes << tr("the priority");
    if (d.recurrence != o.recurrence)
        changes << tr("how it repeats");
    else if (d.recurrence.isRepeating() && d.repeatUntil != o.repeatUntil)
        changes << tr("the last day");
    const bool timeChanged = d.recurrence.isRepeating() && m_original.isRepeating()
        ? d.scheduledAt.toLocalTime().time().msecsSinceStartOfDay() / 60000
            != m_original.scheduledAt.toLocalTime().time().msecsSinceStartOfDay() / 60000
        : minutes(d.scheduledAt) != minutes(o.scheduledAt);
    if (timeChanged)
        changes << tr("the time");
    if (d.accountName != o.accountName)
        changes << tr("the budget that pays");
    return changes;
}

void ComposeCampaignDialog::schedulePreview()
{
    m_previewTimer->start();
    updateQuietHoursHint();
}

void ComposeCampaignDialog::setGroups(const QList<qint64> &groupIds)
{
    for (int i = 0; i < m_groups->count(); ++i) {
        QListWidgetItem *item = m_groups->item(i);
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(groupIds.contains(item->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
    updatePreview();
}

void ComposeCampaignDialog::searchContacts()
{
    const QString text = m_contactSearch->text().trimmed();
    m_contactResults->clear();
    if (text.isEmpty()) {
        m_contactResults->hide();
        return;
    }
    ContactQuery query;
    query.search = text;
    const Result<QList<Contact>> found = m_profile.contacts().fetch(query, 0, ContactResults);
    if (found) {
        for (const Contact &contact : *found) {
            const QString name = contact.name().isEmpty() ? tr("(no name)") : contact.name();
            QString label = tr("%1 (%2)").arg(name, contact.phone);
            if (contact.optedOut)
                label = tr("%1 — stopped messages").arg(label);
            auto *item = new QListWidgetItem(label, m_contactResults);
            item->setData(Qt::UserRole, contact.id);
            if (contact.optedOut)
                item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    if (m_contactResults->count() == 0) {
        auto *item = new QListWidgetItem(tr("Nobody matches “%1”.").arg(text), m_contactResults);
        item->setFlags(Qt::NoItemFlags);
    } else {
        m_contactResults->setCurrentRow(0);
    }
    m_contactResults->show();
}

void ComposeCampaignDialog::addChosenResult()
{
    if (m_searchTimer->isActive()) {
        m_searchTimer->stop();
        searchContacts();
    }
    const QListWidgetItem *item = m_contactResults->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    addContact(item->data(Qt::UserRole).toLongLong());
    m_contactSearch->clear();
}

void ComposeCampaignDialog::addContact(qint64 contactId)
{
    for (int i = 0; i < m_chosen->count(); ++i) {
        if (m_chosen->item(i)->data(Qt::UserRole).toLongLong() == contactId)
            return;
    }
    const Result<Contact> contact = m_profile.contacts().get(contactId);
    if (!contact)
        return;
    addContactItem(*contact);
    updatePreview();
}

void ComposeCampaignDialog::addContactItem(const Contact &contact)
{
    const QString name = contact.name().isEmpty() ? tr("(no name)") : contact.name();
    auto *item = new QListWidgetItem(tr("%1 (%2)").arg(name, contact.phone), m_chosen);
    item->setData(Qt::UserRole, contact.id);
    m_chosen->show();
    m_removeContact->show();
}

void ComposeCampaignDialog::removeChosenContact()
{
    delete m_chosen->currentItem();
    m_chosen->setVisible(m_chosen->count() > 0);
    m_removeContact->setVisible(m_chosen->count() > 0);
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
        if (const Result<MessageTemplateRecord> record = m_profile.templates().get(id); record) {
            m_templateBody = record->body;
            m_templateName = record->name;
        }
    }
    m_editor->setText(m_templateBody);
    m_name->setPlaceholderText(m_templateName.isEmpty() ? tr("For example: Sunday service reminder") : m_templateName);
    updatePreview();
}

void ComposeCampaignDialog::showProblem(const QString &text)
{
    m_problemText = text;
    m_problem->setText(text);
    m_problem->setStyleSheet(ProblemStyle);
    m_problem->setVisible(!text.isEmpty());
}

void ComposeCampaignDialog::showSamples(const QStringList &samples)
{
    while (QLayoutItem *item = m_samplesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QString &text : samples) {
        auto *bubble = new QLabel(text, m_samplesBox);
        bubble->setObjectName(QStringLiteral("sampleMessageLabel"));
        bubble->setTextFormat(Qt::PlainText);
        bubble->setWordWrap(true);
        bubble->setTextInteractionFlags(Qt::TextSelectableByMouse);
        bubble->setStyleSheet(QStringLiteral("QLabel { background: #e8f5e9; border-radius: 10px; padding: 8px; }"));
        m_samplesLayout->addWidget(bubble);
        bubble->show();
    }
    if (samples.isEmpty()) {
        auto *none = new QLabel(tr("Choose who gets it and write the message to see it here."), m_samplesBox);
        none->setWordWrap(true);
        none->setEnabled(false);
        m_samplesLayout->addWidget(none);
        none->show();
    }
}

void ComposeCampaignDialog::updateQuietHoursHint()
{
    const Settings &settings = m_profile.settings();
    const QuietHours quiet{settings.quietHoursStart(), settings.quietHoursEnd()};
    // A repeating message: when its first time goes.
    const QDateTime at = isRepeating() ? recurrence().first(startLocal()) : startLocal();
    const bool urgent = Priority(m_priority->currentData().toInt()) == Priority::Urgent;
    if (urgent || !at.isValid() || !quiet.isQuiet(at)) {
        m_quietHours->hide();
        return;
    }
    const QString start = QLocale().toString(quiet.start, QLocale::ShortFormat);
    const QString end = QLocale().toString(quiet.end, QLocale::ShortFormat);
    if (isRepeating())
        m_quietHours->setText(tr("Quiet hours (%1 to %2): the first time, the messages wait until %3. Choose another time of "
                                 "day, or the priority Urgent to send them at night anyway.")
                                  .arg(start, end, CampaignText::localTime(quiet.nextAllowed(at).toUTC())));
    else
        m_quietHours->setText(tr("Quiet hours (%1 to %2): the messages wait until %3. Choose the priority Urgent to send them at "
                                 "night anyway.")
                                  .arg(start, end, CampaignText::localTime(quiet.nextAllowed(at).toUTC())));
    m_quietHours->show();
}

void ComposeCampaignDialog::updatePreview()
{
    m_previewTimer->stop();
    updateQuietHoursHint();
    const CampaignDraft d = draft();
    const QString dash = QStringLiteral("—");
    auto clear = [&] {
        m_preview.reset();
        for (QLabel *label :
             {m_recipients, m_leftOut, m_partsEach, m_partsTotal, m_tokens, m_balance, m_balanceAfter, m_encoding})
            label->setText(dash);
        m_warnings->hide();
        m_repeatSummary->hide();
        showSamples({});
    };

    if (!m_blocked.isEmpty()) {
        clear();
        showProblem(m_blocked);
        updateSendButton();
        return;
    }

    if (const Status sender = AfricasTalkingGateway::validateSenderId(d.senderId); !sender) {
        clear();
        showProblem(sender.error().message);
        updateSendButton();
        return;
    }
    QElapsedTimer took;
    took.start();
    const Result<CampaignPreview> previewed = m_profile.campaigns().preview(d, Samples);
    // Counting for tens of thousands of people takes a moment: then wait longer after typing
    // before counting again, so typing does not stutter.
    m_previewTimer->setInterval(int(qBound(qint64(PreviewDelayMs), took.elapsed() * 3, qint64(MaxPreviewDelayMs))));
    if (!previewed) {
        clear();
        showProblem(previewed.error().message);
        // Nothing chosen or written yet is the start, not a mistake: say what to do, calmly.
        const bool incomplete = d.body.trimmed().isEmpty() || (d.groupIds.isEmpty() && d.contactIds.isEmpty());
        m_problem->setStyleSheet(incomplete ? NoticeStyle : ProblemStyle);
        updateSendButton();
        return;
    }
    const CampaignPreview &p = *previewed;
    m_preview = p;

    m_recipients->setText(tr("%Ln person(s)", nullptr, p.recipients));
    QStringList leftOut;
    if (p.optedOut > 0)
        leftOut << tr("%Ln who stopped messages", nullptr, p.optedOut);
    if (p.duplicates > 0)
        leftOut << tr("%Ln in more than one of the groups (they get it once)", nullptr, p.duplicates);
    if (p.cannotReceiveSms > 0)
        leftOut << tr("%Ln with a number that cannot receive SMS (landline)", nullptr, p.cannotReceiveSms);
    m_leftOut->setText(leftOut.isEmpty() ? tr("nobody") : leftOut.join(QStringLiteral("; ")));
    if (p.personalised && p.recipients > 0 && p.maxSegments * p.recipients != p.segments)
        m_partsEach->setText(tr("up to %1 (names change the length)").arg(p.maxSegments));
    else
        m_partsEach->setText(QString::number(p.maxSegments));
    m_partsTotal->setText(CampaignText::number(p.segments));
    const QString account = accountName();
    const bool simulated = !d.chargeTokens;
    const bool repeating = d.recurrence.isRepeating();
    if (simulated)
        m_tokens->setText(tr("nothing (simulation)"));
    else if (repeating)
        m_tokens->setText(tr("%Ln token(s) each time", nullptr, p.tokens));
    else
        m_tokens->setText(tr("%Ln token(s)", nullptr, p.tokens));
    // Editing a scheduled campaign: what it has set aside comes back when the change is saved.
    const int reserved = reservedNow();
    const qint64 available = qint64(p.balance) + reserved;
    if (reserved > 0)
        m_balance->setText(tr("%1 tokens in %2, and %3 set aside for this campaign now")
                               .arg(CampaignText::number(p.balance), account, CampaignText::number(reserved)));
    else
        m_balance->setText(tr("%1 tokens in %2").arg(CampaignText::number(p.balance), account));
    const qint64 after = available - p.tokens;
    if (after < 0)
        m_balanceAfter->setText(tr("%1 tokens short").arg(CampaignText::number(-after)));
    else if (repeating && !simulated)
        m_balanceAfter->setText(tr("%1 tokens after the first time").arg(CampaignText::number(after)));
    else
        m_balanceAfter->setText(tr("%1 tokens").arg(CampaignText::number(after)));
    m_balanceAfter->setStyleSheet(after < 0 ? QStringLiteral("color: #b00020; font-weight: 600;") : QString());
    m_encoding->setText(p.encoding == QStringLiteral("GSM-7")       ? tr("plain (160 per SMS part)")
                            : p.encoding == QStringLiteral("UCS-2") ? tr("Unicode (70 per SMS part)")
                                                                    : tr("plain for some, Unicode for others"));

    QStringList warnings = p.warnings;
    if (simulated)
        warnings.prepend(tr("%1: simulated messages use no tokens.").arg(CampaignText::simulationLabel()));
    m_warnings->setText(warnings.join(u'\n'));
    m_warnings->setVisible(!warnings.isEmpty());
    m_warnings->setStyleSheet(p.warnings.isEmpty() ? NoticeStyle : WarningStyle);
    showSamples(p.samples);

    if (repeating && p.occurrences > 0) {
        QStringList lines;
        //: %1: "Repeats every week on Sunday until 31 Mar 2027"; %2: "Sun 7 Dec 10:00"
        lines << tr("%1: %n time(s), the first on %2.", nullptr, p.occurrences)
                     .arg(CampaignText::repeats(d.recurrence, d.repeatUntil), CampaignText::dayAndTime(p.firstOccurrence));
        if (simulated) {
            lines << tr("The people and SMS parts below are for each time, counted again each time with the members of "
                        "the groups on that day.");
        } else {
            lines << tr("The people, SMS parts and cost below are for each time, counted again each time with the members "
                        "of the groups on that day. Tokens are taken each time it goes; “Balance after” is after the "
                        "first time.");
            if (p.occurrences > 1)
                lines << tr("If the groups stay the same, all %n times together cost %1 tokens.", nullptr, p.occurrences)
                             .arg(CampaignText::number(qint64(p.tokens) * p.occurrences));
        }
        m_repeatSummary->setText(lines.join(u'\n'));
        m_repeatSummary->show();
    } else {
        m_repeatSummary->hide();
    }

    if (!simulated && p.tokens > available) {
        if (repeating)
            showProblem(tr("Not enough tokens for the first time: it needs %1 tokens but %2 has %3. Buy tokens, pay from "
                           "another budget, or send to fewer people.")
                            .arg(CampaignText::number(p.tokens), account, CampaignText::number(available)));
        else
            showProblem(tr("Not enough tokens: this campaign needs %1 tokens but %2 has %3. Buy tokens, pay from another "
                           "budget, or send to fewer people.")
                            .arg(CampaignText::number(p.tokens), account, CampaignText::number(available)));
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
    const bool later = m_sendLater->isChecked() || isRepeating();
    if (m_editingId > 0)
        m_send->setText(tr("Save changes…"));
    else if (!ready)
        m_send->setText(later ? tr("Schedule…") : tr("Send…"));
    else if (later)
        m_send->setText(tr("Schedule for %Ln person(s)…", nullptr, people));
    else
        m_send->setText(tr("Send to %Ln person(s)…", nullptr, people));
}

void ComposeCampaignDialog::send()
{
    if (m_launching || m_launchedId > 0)
        return;
    // Count once more: contacts may have changed since the preview was made.
    updatePreview();
    if (!m_preview || !m_problemText.isEmpty())
        return;
    const CampaignDraft d = draft();
    const CampaignPreview p = *m_preview;
    const bool editing = m_editingId > 0;
    const bool repeating = d.recurrence.isRepeating();
    const QString name = d.name.isEmpty() ? tr("this message") : d.name;
    const qint64 left = qint64(p.balance) + reservedNow() - p.tokens;

    QStringList lines;
    if (editing) {
        lines << tr("Save the changes to “%1”?").arg(m_original.name);
        const QStringList changes = changesFromOriginal(d);
        lines << (changes.isEmpty() ? tr("You changed nothing; the people are counted again.")
                                    : tr("What changes: %1.").arg(changes.join(QStringLiteral(", "))));
        if (m_original.isRepeating())
            lines << tr("Before: %1, about %Ln person(s) each time.", nullptr, m_original.recipients)
                         .arg(CampaignText::repeats(m_original));
        else
            lines << tr("Before: %Ln person(s), %1 SMS parts, %2 tokens set aside.", nullptr, m_original.recipients)
                         .arg(CampaignText::number(m_original.segments), CampaignText::number(m_original.tokens));
        lines << QString();
    }
    if (repeating) {
        if (!editing)
            lines << tr("Schedule “%1”?").arg(name);
        lines << tr("%1: %n time(s), the first on %2.", nullptr, p.occurrences)
                     .arg(CampaignText::repeats(d.recurrence, d.repeatUntil), CampaignText::dayAndTime(p.firstOccurrence));
        lines << QString();
        lines << tr("Each time: %Ln person(s), %1 SMS parts (counted again each time with the members of that day).", nullptr,
                    p.recipients)
                     .arg(CampaignText::number(p.segments));
        if (d.chargeTokens)
            lines << tr("Cost each time: %1 tokens from %2, taken when it goes. After the first time %3 tokens are left.")
                         .arg(CampaignText::number(p.tokens), d.accountName, CampaignText::number(left));
        else
            lines << tr("%1. No tokens are used.").arg(CampaignText::simulationLabel());
    } else {
        if (editing && d.scheduledAt.isValid())
            lines << tr("It will be sent to %Ln person(s) at %1.", nullptr, p.recipients)
                         .arg(CampaignText::localTime(d.scheduledAt));
        else if (editing)
            lines << tr("It will be sent to %Ln person(s) now.", nullptr, p.recipients);
        else if (d.scheduledAt.isValid())
            lines << tr("Send “%1” to %Ln person(s) at %2?", nullptr, p.recipients)
                         .arg(name, CampaignText::localTime(d.scheduledAt));
        else
            lines << tr("Send “%1” to %Ln person(s) now?", nullptr, p.recipients).arg(name);
        lines << QString();
        lines << tr("SMS parts in all: %1").arg(CampaignText::number(p.segments));
        if (d.chargeTokens)
            lines << tr("Cost: %1 tokens from %2, leaving %3 tokens.")
                         .arg(CampaignText::number(p.tokens), d.accountName, CampaignText::number(left));
        else
            lines << tr("%1. No tokens are used.").arg(CampaignText::simulationLabel());
        if (editing && reservedNow() > 0)
            lines << tr("The %1 tokens set aside for it now go back to %2 first.")
                         .arg(CampaignText::number(reservedNow()), m_originalDraft.accountName);
    }
    lines << (d.senderId.isEmpty() ? tr("Sender ID: the account's default") : tr("Sender ID: %1").arg(d.senderId));
    lines << tr("Priority: %1").arg(CampaignText::priority(d.priority));
    if (!m_quietHours->isHidden())
        lines << m_quietHours->text();
    lines << QString();
    if (repeating)
        lines << tr("You can pause, change or stop it on the Campaigns page before any time it goes. A message that has gone "
                    "out cannot be called back.");
    else
        lines << tr("A message that has gone out cannot be called back.");
    const QString title = editing ? tr("Change campaign") : repeating ? tr("Schedule campaign") : tr("Send campaign");
    if (MessageBox::question(this, title, lines.join(u'\n')) != QMessageBox::Yes)
        return;

    m_launching = true;
    updateSendButton();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<Campaign> launched
        = editing ? m_profile.campaigns().update(m_editingId, d, userName()) : m_profile.campaigns().launch(d, userName());
    QApplication::restoreOverrideCursor();
    if (!launched) {
        m_launching = false;
        // It started sending or ended meanwhile: say so and offer no more saving.
        if (editing && launched.error().code == ErrorCode::Conflict)
            m_blocked = launched.error().message;
        MessageBox::warning(this, title, launched.error().message);
        updatePreview();
        return;
    }
    m_launchedId = launched->id;
    accept();
}

} // namespace kengele
