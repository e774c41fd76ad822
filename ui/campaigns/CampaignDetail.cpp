// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What the campaign panel shows (header, counts, cost, schedule, recipients); what its buttons do
// is in CampaignDetailActions.cpp. Slightly over 700 lines: the display is one job, and its parts
// read the same campaign and update together.

#include "CampaignDetail.h"

#include "CampaignText.h"
#include "OutboxTableModel.h"
#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/MessageBubble.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kengele {

namespace {

constexpr int NoteRole = Qt::UserRole + 1;

// Breaks a note into lines that fit `width` pixels (a tree view does not wrap its items by itself:
// it measures rows before it knows their width).
QString wrapped(const QString &text, const QFontMetrics &metrics, int width)
{
    if (width <= 0 || metrics.horizontalAdvance(text) <= width)
        return text;
    QStringList lines;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + u' ' + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > width) {
            lines << line;
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(u'\n');
}

} // namespace

CampaignDetail::CampaignDetail(CampaignService &campaigns, OutboxStore &outbox, QWidget *parent)
    : QWidget(parent)
    , m_campaigns(campaigns)
    , m_outbox(outbox)
{
    setObjectName(QStringLiteral("campaignDetail"));
    m_model = new OutboxTableModel(m_campaigns, this);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("campaignTitleLabel"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("campaignStatusLabel"));

    m_simulation = new Banner(Banner::Kind::Info, CampaignText::simulationLabel(), this);
    m_simulation->setObjectName(QStringLiteral("campaignSimulationLabel"));
    m_simulation->setWordWrap(true);

    m_sentElsewhere = new Banner(Banner::Kind::Info,
                                 tr("Another computer of the church sends this campaign. Its progress comes from that "
                                    "computer; change, pause or cancel it there."),
                                 this);
    m_sentElsewhere->setObjectName(QStringLiteral("sentElsewhereLabel"));
    m_sentElsewhere->setWordWrap(true);

    m_pausedReason = new Banner(Banner::Kind::Error, this);
    m_pausedReason->setObjectName(QStringLiteral("pausedReasonLabel"));
    m_pausedReason->setWordWrap(true);
    m_pausedReason->setTextFormat(Qt::PlainText);

    m_skippedReason = new Banner(Banner::Kind::Warning, this);
    m_skippedReason->setObjectName(QStringLiteral("skippedReasonLabel"));
    m_skippedReason->setWordWrap(true);
    m_skippedReason->setTextFormat(Qt::RichText);

    m_repeatRule = new Banner(Banner::Kind::Info, this);
    m_repeatRule->setObjectName(QStringLiteral("repeatRuleLabel"));
    m_repeatRule->setWordWrap(true);
    m_repeatRule->setTextFormat(Qt::PlainText);

    m_parentLink = new QLabel(this);
    m_parentLink->setObjectName(QStringLiteral("parentCampaignLabel"));
    m_parentLink->setWordWrap(true);
    connect(m_parentLink, &QLabel::linkActivated, this, [this] {
        if (m_campaign.parentId > 0)
            Q_EMIT openCampaignRequested(m_campaign.parentId);
    });

    m_audience = new QLabel(this);
    m_audience->setObjectName(QStringLiteral("campaignAudienceLabel"));
    m_audience->setWordWrap(true);
    m_audience->setTextFormat(Qt::PlainText);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("campaignSummaryLabel"));
    m_summary->setWordWrap(true);
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("campaignCostLabel"));
    m_cost->setWordWrap(true);
    m_cost->setTextFormat(Qt::PlainText);
    m_messageAs = new QLabel(this);
    m_messageAs->setObjectName(QStringLiteral("campaignMessageAsLabel"));
    m_messageAs->setWordWrap(true);
    m_messageAs->setTextFormat(Qt::PlainText);
    m_message = new MessageBubble(this);
    m_message->setObjectName(QStringLiteral("campaignMessageLabel"));
    m_message->setMaximumHeight(m_message->fontMetrics().lineSpacing() * 3 + 20);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("campaignProgressBar"));
    m_progress->setTextVisible(true);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("stateCountsLabel"));
    m_counts->setWordWrap(true);
    // How many have no delivery report yet, and what sending them again would risk and cost.
    m_noReport = new Banner(Banner::Kind::Warning, this);
    m_noReport->setObjectName(QStringLiteral("noReportLabel"));
    m_noReport->setWordWrap(true);
    m_noReport->setTextFormat(Qt::PlainText);

    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setToolTip(tr("Stop sending for now; messages not yet sent wait until you resume."));
    m_resume = new QPushButton(tr("Resume"), this);
    m_resume->setObjectName(QStringLiteral("resumeButton"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_edit->setToolTip(tr("Change the message, the people, the time or how it repeats, before it goes."));
    connect(m_edit, &QPushButton::clicked, this, &CampaignDetail::edit);
    m_report = new QPushButton(tr("Report…"), this);
    m_report->setObjectName(QStringLiteral("campaignReportButton"));
    m_report->setToolTip(tr("This campaign's report: delivery, failures and replies, to print or save."));
    connect(m_report, &QPushButton::clicked, this, [this] {
        if (m_campaign.id > 0)
            Q_EMIT reportRequested(m_campaign.id);
    });
    m_cancel = new QPushButton(tr("Cancel campaign…"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Messages not yet sent are not sent, and their tokens go back to the budget."));
    m_sendNow = new QPushButton(tr("Send now…"), this);
    m_sendNow->setObjectName(QStringLiteral("sendNowButton"));
    connect(m_sendNow, &QPushButton::clicked, this, &CampaignDetail::sendNow);
    m_resendUncertain = new QPushButton(tr("Send again to those with no report…"), this);
    m_resendUncertain->setObjectName(QStringLiteral("resendUncertainButton"));
    m_resendUncertain->setToolTip(CampaignText::messageStateHelp(MessageState::Uncertain));
    m_retryFailed = new QPushButton(tr("Retry failed…"), this);
    m_retryFailed->setObjectName(QStringLiteral("retryFailedButton"));
    m_retryFailed->setToolTip(tr("Try the failed messages once more, for example after a phone was switched back on."));
    connect(m_pause, &QPushButton::clicked, this, &CampaignDetail::pause);
    connect(m_resume, &QPushButton::clicked, this, &CampaignDetail::resume);
    connect(m_cancel, &QPushButton::clicked, this, &CampaignDetail::cancel);
    connect(m_resendUncertain, &QPushButton::clicked, this, &CampaignDetail::resendUncertain);
    connect(m_retryFailed, &QPushButton::clicked, this, &CampaignDetail::retryFailed);

    m_actionResult = new QLabel(this);
    m_actionResult->setObjectName(QStringLiteral("actionResultLabel"));
    m_actionResult->setWordWrap(true);
    m_actionResult->hide();

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("stateFilterCombo"));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filter->addItem(QString(), QVariant()); // every state
    for (const MessageState state : AllMessageStates)
        m_filter->addItem(QString(), QVariant::fromValue(state));
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant state = m_filter->currentData();
        m_model->setStateFilter(state.isValid() ? std::optional(state.value<MessageState>()) : std::nullopt);
    });

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("recipientsView"));
    m_view->setAccessibleName(tr("Messages of this campaign"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    sizeColumns();
    connect(m_model, &OutboxTableModel::loadFailed, this, [this](const QString &message) {
        m_actionResult->setText(message);
        m_actionResult->show();
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_status);
    header->addWidget(m_report);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_sendNow);
    actions->addWidget(m_pause);
    actions->addWidget(m_resume);
    actions->addWidget(m_edit);
    actions->addWidget(m_cancel);
    actions->addStretch();

    m_messagesBox = new QWidget(this);
    // What to do with some of the messages sits with them, below the list (and keeps the campaign's
    // own row short enough for 1280×800 in Kiswahili).
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:"), m_messagesBox));
    filterRow->addWidget(m_filter);
    filterRow->addStretch();
    auto *messageActions = new QHBoxLayout;
    messageActions->addStretch();
    messageActions->addWidget(m_resendUncertain);
    messageActions->addWidget(m_retryFailed);
    auto *messagesLayout = new QVBoxLayout(m_messagesBox);
    messagesLayout->setContentsMargins(0, 0, 0, 0);
    messagesLayout->addLayout(filterRow);
    messagesLayout->addWidget(m_view, 1);
    messagesLayout->addLayout(messageActions);
    // The chosen message's reason in full: the column is narrow at 1280×800, the reason may be long.
    m_messageNote = new QLabel(m_messagesBox);
    m_messageNote->setObjectName(QStringLiteral("messageNoteLabel"));
    m_messageNote->setWordWrap(true);
    m_messageNote->setTextFormat(Qt::PlainText);
    m_messageNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageNote->hide();
    messagesLayout->addWidget(m_messageNote);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CampaignDetail::showMessageNote);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CampaignDetail::showMessageNote);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CampaignDetail::showMessageNote);

    // A repeating campaign: the times it has gone, each a campaign of its own.
    m_occurrencesBox = new QWidget(this);
    m_occurrencesBox->setObjectName(QStringLiteral("occurrencesWidget"));
    m_occurrencesHelp = new QLabel(m_occurrencesBox);
    m_occurrencesHelp->setObjectName(QStringLiteral("occurrencesHelpLabel"));
    m_occurrencesHelp->setWordWrap(true);
    m_occurrences = new QTreeWidget(m_occurrencesBox);
    m_occurrences->setObjectName(QStringLiteral("occurrencesList"));
    m_occurrences->setAccessibleName(tr("Times it was sent"));
    m_occurrences->setRootIsDecorated(false);
    // A skipped time's note is a sentence or two: rows take the lines it is wrapped into
    // (wrapNotes; the view's own word wrap measures rows for a width other than the column's).
    m_occurrences->setUniformRowHeights(false);
    m_occurrences->setWordWrap(false);
    m_occurrences->setAlternatingRowColors(true);
    m_occurrences->setHeaderLabels({tr("When"), tr("Status"), tr("People"), tr("Note")});
    // The note (why a time was skipped) gets the room; the chosen time's note is shown in full below.
    m_occurrences->header()->setStretchLastSection(true);
    for (int column = 0; column < 3; ++column)
        m_occurrences->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    connect(m_occurrences, &QTreeWidget::itemActivated, this, &CampaignDetail::openOccurrence);
    connect(m_occurrences, &QTreeWidget::currentItemChanged, this, &CampaignDetail::showOccurrenceNote);
    connect(m_occurrences->header(), &QHeaderView::sectionResized, m_occurrences, [this](int column) {
        if (column == 3)
            wrapNotes(); // notes are wrapped for the column's width: again when it changes
    });
    m_occurrenceNote = new QLabel(m_occurrencesBox);
    m_occurrenceNote->setObjectName(QStringLiteral("occurrenceNoteLabel"));
    m_occurrenceNote->setWordWrap(true);
    m_occurrenceNote->setTextFormat(Qt::PlainText);
    m_occurrenceNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_occurrenceNote->hide();
    auto *occurrencesLayout = new QVBoxLayout(m_occurrencesBox);
    occurrencesLayout->setContentsMargins(0, 0, 0, 0);
    occurrencesLayout->addWidget(m_occurrencesHelp);
    occurrencesLayout->addWidget(m_occurrences, 1);
    occurrencesLayout->addWidget(m_occurrenceNote);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_simulation);
    layout->addWidget(m_sentElsewhere);
    layout->addWidget(m_pausedReason);
    layout->addWidget(m_skippedReason);
    layout->addWidget(m_repeatRule);
    layout->addWidget(m_parentLink);
    layout->addWidget(m_audience);
    layout->addWidget(m_summary);
    layout->addWidget(m_cost);
    layout->addWidget(m_messageAs);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts);
    layout->addWidget(m_noReport);
    layout->addLayout(actions);
    layout->addWidget(m_actionResult);
    layout->addWidget(m_messagesBox, 1);
    layout->addWidget(m_occurrencesBox, 1);
    // Takes the room when neither list is shown (a skipped time), so the rest stays at the top.
    layout->addStretch();

    showCampaign();
}

CampaignDetail::~CampaignDetail()
{
    disconnect(m_occurrences->header(), nullptr, m_occurrences, nullptr);
}

void CampaignDetail::setCampaign(qint64 campaignId)
{
    if (campaignId == m_campaign.id)
        return;
    m_actionResult->clear();
    m_actionResult->hide();
    m_campaign = Campaign();
    if (campaignId > 0) {
        if (const Result<Campaign> loaded = m_campaigns.get(campaignId); loaded) {
            m_campaign = *loaded;
        } else {
            m_actionResult->setText(loaded.error().message);
            m_actionResult->show();
        }
    }
    {
        // A new campaign starts with every message shown.
        QSignalBlocker blocker(m_filter);
        m_filter->setCurrentIndex(0);
    }
    m_model->setStateFilter(std::nullopt);
    m_model->setCampaign(m_campaign.id);
    showCampaign();
}

void CampaignDetail::refresh()
{
    if (m_campaign.id <= 0)
        return;
    const Result<Campaign> loaded = m_campaigns.get(m_campaign.id);
    if (!loaded) {
        m_actionResult->setText(loaded.error().message);
        m_actionResult->show();
        return;
    }
    m_campaign = *loaded;
    showCampaign();
    // The rows in view are read on the next turn of the event loop, so the window gets to draw in
    // between on a very large campaign.
    if (!m_rowsRefreshPending) {
        m_rowsRefreshPending = true;
        QTimer::singleShot(0, this, [this] {
            m_rowsRefreshPending = false;
            m_model->refresh();
        });
    }
}

void CampaignDetail::setStateFilter(MessageState state)
{
    const int index = m_filter->findData(QVariant::fromValue(state));
    if (index >= 0)
        m_filter->setCurrentIndex(index);
}

void CampaignDetail::showCampaign()
{
    const Campaign &c = m_campaign;
    m_title->setText(c.name);
    m_status->setText(c.id > 0 ? QStringLiteral("<b>%1</b>").arg(CampaignText::campaignStatus(c.status).toHtmlEscaped())
                               : QString());
    m_simulation->setVisible(c.id > 0 && CampaignText::isSimulation(c.gateway));
    m_sentElsewhere->setVisible(c.id > 0 && !c.sentHere);
    const bool paused = c.status == CampaignStatus::Paused;
    m_pausedReason->setText(c.statusReason.isEmpty() ? tr("Paused. Press Resume to go on sending.")
                                                     : tr("Paused: %1").arg(c.statusReason));
    m_pausedReason->setVisible(paused);

    const bool repeating = c.isRepeating();
    const bool skipped = c.status == CampaignStatus::Skipped;
    QStringList facts;
    // Tokens are explained where they first appear on the page.
    const QString noTokens = CampaignText::isSimulation(c.gateway) ? tr("practice messages use no tokens") : tr("no tokens used");
    if (repeating) {
        facts << tr("about %Ln person(s) each time", nullptr, c.recipients);
        facts << tr("%Ln SMS part(s) each time", nullptr, c.segments);
        if (c.tokens == 0)
            facts << noTokens;
        else
            facts << tr("%Ln token(s) each time, taken when it goes (1 token = 1 SMS part to one person)", nullptr, c.tokens);
    } else if (!skipped) {
        facts << tr("%Ln person(s)", nullptr, c.recipients);
        facts << tr("%Ln SMS part(s) in all", nullptr, c.segments);
        if (c.tokens == 0)
            facts << noTokens;
        else
            facts << tr("%Ln token(s) set aside (1 token = 1 SMS part to one person)", nullptr, c.tokens);
    }
    // Only when chosen: the everyday ones say nothing a secretary needs.
    if (c.priority != Priority::Normal)
        facts << tr("priority: %1").arg(CampaignText::priority(c.priority));
    if (!c.senderId.isEmpty())
        facts << tr("sender ID: %1").arg(c.senderId);
    // A repeating campaign: the rule and the next time are in their own line above.
    if (skipped)
        facts << tr("was due %1").arg(CampaignText::localTime(c.scheduledAt));
    else if (c.status == CampaignStatus::Scheduled)
        facts << tr("will be sent at %1").arg(CampaignText::localTime(c.scheduledAt));
    else if (c.launchedAt.isValid())
        facts << tr("started %1")
                     .arg(CampaignText::localTime(c.scheduledAt.isValid() ? qMax(c.scheduledAt, c.launchedAt) : c.launchedAt));
    if (c.finishedAt.isValid() && !skipped)
        facts << tr("ended %1").arg(CampaignText::localTime(c.finishedAt));
    m_summary->setText(c.id > 0 ? facts.join(QStringLiteral("  ·  ")) : QString());
    showAudienceAndMessage();

    int total = 0;
    for (auto it = c.states.cbegin(); it != c.states.cend(); ++it)
        total += it.value();
    const int waiting = c.states.value(MessageState::Queued) + c.states.value(MessageState::Submitting);
    const int handled = total - waiting;
    m_progress->setRange(0, qMax(1, total));
    m_progress->setValue(total > 0 ? handled : 0);
    m_progress->setFormat(
        total > 0 ? tr("%1 of %2 messages handled (%p%)").arg(CampaignText::number(handled), CampaignText::number(total))
                  : tr("No messages"));
    // A repeating campaign and a skipped time have no messages: no empty bar and table.
    const bool hasMessages = c.id > 0 && !repeating && !skipped;
    m_progress->setVisible(hasMessages);

    QStringList counts;
    for (const MessageState state : AllMessageStates) {
        const int count = c.states.value(state);
        if (count > 0)
            counts << tr("%1: <b>%2</b>").arg(CampaignText::messageState(state).toHtmlEscaped(), CampaignText::number(count));
    }
    m_counts->setText(counts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
    m_counts->setVisible(hasMessages);
    m_messagesBox->setVisible(hasMessages || c.id <= 0);
    m_skippedReason->setText(
        QStringLiteral("<b>%1</b> %2").arg(tr("This time was not sent.").toHtmlEscaped(), c.statusReason.toHtmlEscaped()));
    m_skippedReason->setVisible(c.id > 0 && skipped);

    showCostAndNoReport();
    showRepeat();
    updateFilterCounts();
    updateButtons();
}

void CampaignDetail::showRepeat()
{
    const Campaign &c = m_campaign;
    const bool repeating = c.id > 0 && c.isRepeating();
    if (repeating) {
        QString text = CampaignText::repeats(c) + u'.';
        if (const QString progress = CampaignText::repeatProgress(c); !progress.isEmpty())
            text += u' ' + progress;
        m_repeatRule->setText(text);
    }
    m_repeatRule->setVisible(repeating);

    // One time of a repeating campaign links back to it.
    QString parentName;
    if (c.id > 0 && c.parentId > 0) {
        if (const Result<Campaign> parent = m_campaigns.get(c.parentId); parent)
            parentName = parent->name;
    }
    m_parentLink->setText(
        parentName.isEmpty()
            ? QString()
            : tr("One time of the repeating campaign “%1”. <a href=\"parent\">Show it</a>").arg(parentName.toHtmlEscaped()));
    m_parentLink->setVisible(!parentName.isEmpty());

    m_occurrencesBox->setVisible(repeating);
    if (repeating)
        showOccurrences();
    else
        m_occurrences->clear();
}

void CampaignDetail::showOccurrences()
{
    const qint64 current = m_occurrences->currentItem() ? m_occurrences->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
    m_occurrences->clear();
    const Result<QList<Campaign>> all = m_campaigns.list();
    if (!all) {
        m_occurrencesHelp->setText(all.error().message);
        return;
    }
    int count = 0;
    const QBrush skippedBrush(Colours::text(Colours::Tone::Error, m_occurrences->palette(), QPalette::Base));
    for (const Campaign &child : *all) {
        if (child.parentId != m_campaign.id)
            continue;
        ++count;
        const bool skipped = child.status == CampaignStatus::Skipped;
        auto *item = new QTreeWidgetItem(m_occurrences);
        item->setData(0, Qt::UserRole, child.id);
        item->setText(0, CampaignText::localTime(child.scheduledAt.isValid() ? child.scheduledAt : child.createdAt));
        item->setText(1, CampaignText::campaignStatus(child.status));
        item->setText(2, skipped ? QString() : CampaignText::number(child.recipients));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(3, NoteRole, child.statusReason);
        item->setText(3, child.statusReason);
        item->setToolTip(3, child.statusReason);
        if (skipped) {
            item->setForeground(1, skippedBrush);
            item->setForeground(3, skippedBrush);
        }
        if (child.id == current)
            m_occurrences->setCurrentItem(item);
    }
    QString help = tr("A repeating campaign sends its message anew each time, to the members of its groups on that day. "
                      "Nothing is set aside before a time goes.");
    if (count == 0)
        help += u' ' + tr("No time has gone yet.");
    else
        help += u' ' + tr("The times so far, newest first (double-click one to see its messages):");
    m_occurrencesHelp->setText(help);
    m_occurrences->setVisible(count > 0);
    wrapNotes();
    showOccurrenceNote();
}

void CampaignDetail::wrapNotes()
{
    const int width
        = m_occurrences->header()->sectionSize(3) - 2 * m_occurrences->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) - 24;
    const QFontMetrics metrics = m_occurrences->fontMetrics();
    bool changed = false;
    for (int i = 0; i < m_occurrences->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_occurrences->topLevelItem(i);
        const QString text = wrapped(item->data(3, NoteRole).toString(), metrics, width);
        if (item->text(3) != text) {
            item->setText(3, text);
            changed = true;
        }
    }
    // Rows keep the height they were measured at: measure them again for their new lines.
    if (changed)
        m_occurrences->doItemsLayout();
}

void CampaignDetail::showMessageNote()
{
    const QModelIndex current = m_view->currentIndex();
    const OutboxRow *row = current.isValid() ? m_model->rowAt(current.row()) : nullptr;
    QString note;
    if (row && !row->reason.isEmpty()) {
        const QString who = row->name.isEmpty() ? row->phone : tr("%1 (%2)").arg(row->name, row->phone);
        //: The reason a message is in its state, for one person: "Mary Wanjiru (+254…): InvalidPhoneNumber"
        note = tr("%1: %2").arg(who, row->reason);
    }
    m_messageNote->setText(note);
    m_messageNote->setVisible(!note.isEmpty());
}

void CampaignDetail::showOccurrenceNote()
{
    const QTreeWidgetItem *item = m_occurrences->currentItem();
    const QString note = item ? item->data(3, NoteRole).toString() : QString();
    m_occurrenceNote->setText(note);
    m_occurrenceNote->setVisible(!note.isEmpty());
}

void CampaignDetail::showAudienceAndMessage()
{
    const Campaign &c = m_campaign;
    // Read again only when it may have changed (another campaign, or changed, or sent now), not on
    // every refresh while it sends.
    // (A change rewrites launchedAt, or a repeating one's next time.)
    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                            .arg(c.id)
                            .arg(toText(c.status))
                            .arg(c.recipients)
                            .arg(c.states.value(MessageState::Queued) > 0)
                            .arg(c.launchedAt.toMSecsSinceEpoch())
                            .arg(c.scheduledAt.toMSecsSinceEpoch())
                            .arg(c.body);
    if (key == m_audienceKey)
        return;
    m_audienceKey = key;
    QString to;
    QString as;
    QString text;
    if (c.id > 0) {
        if (const Result<CampaignAudience> audience = m_campaigns.audience(c.id); audience) {
            const QString groups = audience->groups.join(QStringLiteral(", "));
            if (audience->allContacts)
                to = tr("To: all contacts");
            else if (!groups.isEmpty() && audience->people > 0)
                //: "To: Choir, Women's Fellowship and 3 people"
                to = tr("To: %1 and %Ln person(s)", nullptr, audience->people).arg(groups);
            else if (!groups.isEmpty())
                to = tr("To: %1").arg(groups);
            else if (audience->people > 0)
                to = tr("To: %Ln person(s)", nullptr, audience->people);
        }
        if (const Result<ReceivedMessage> received = m_campaigns.receivedMessage(c.id); received) {
            text = received->text;
            const bool personal = text != c.body;
            const bool ahead = c.status == CampaignStatus::Scheduled || c.status == CampaignStatus::Queued;
            if (!personal)
                as = tr("The message:");
            else if (received->name.isEmpty())
                as = tr("The message, with the word each field uses when a person's detail is missing:");
            else if (ahead)
                as = tr("The message as %1 will receive it:").arg(received->name);
            else
                as = tr("The message as %1 received it:").arg(received->name);
        } else {
            text = c.body;
        }
    }
    m_audience->setText(to);
    m_audience->setVisible(!to.isEmpty());
    m_messageAs->setText(as);
    m_messageAs->setVisible(!as.isEmpty());
    m_message->setText(text);
    m_message->setToolTip(text);
    m_message->setVisible(c.id > 0);
}

void CampaignDetail::showCostAndNoReport()
{
    const Campaign &c = m_campaign;
    const bool practice = CampaignText::isSimulation(c.gateway);
    QString costText = m_cost->text();
    // Summing the prices reads every message: once it has stopped sending (and for another campaign).
    const QString key = QStringLiteral("%1|%2|%3").arg(c.id).arg(toText(c.status)).arg(isUnderway(c.status) ? 0 : c.recipients);
    if (key != m_costKey) {
        m_costKey = key;
        costText.clear();
        if (c.id > 0 && !c.isRepeating() && !isUnderway(c.status)) {
            if (const Result<MessageCost> cost = m_campaigns.cost(c.id); cost && cost->messages > 0) {
                costText = practice ? tr("Practice mode: nothing was paid. Sent for real, this would have cost about %1.")
                                          .arg(CampaignText::money(*cost))
                                    : tr("Cost: %1 in all, as the SMS provider reported it.").arg(CampaignText::money(*cost));
            }
        }
    }
    m_cost->setText(costText);
    m_cost->setVisible(!costText.isEmpty());

    const int noReport = c.states.value(MessageState::Uncertain);
    QString risk;
    if (c.id > 0 && noReport > 0 && c.status != CampaignStatus::Cancelled) {
        const int tokens = c.tokens > 0 ? c.stateSegments.value(MessageState::Uncertain) : 0;
        risk = tr("No delivery report yet for %Ln message(s).", nullptr, noReport) + u' '
            + (tokens > 0 ? tr("Kengele sent these but never heard back. Some may have arrived; sending again may give those "
                               "people a second copy and costs %Ln token(s).",
                               nullptr, tokens)
                          : tr("Kengele sent these but never heard back. Some may have arrived; sending again may give those "
                               "people a second copy (practice messages use no tokens)."));
    }
    m_noReport->setText(risk);
    m_noReport->setVisible(!risk.isEmpty());
}

void CampaignDetail::sizeColumns()
{
    // Wide enough for their titles and their longest usual text (at 1280×800, in both languages);
    // the reason takes what is left. Fixed sizes: measuring the rows of a very large campaign would
    // read them all.
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics cells = m_view->fontMetrics();
    const QFontMetrics titles = header->fontMetrics();
    // What the cell and the title need around their text, and 2 px of air: at 1280×800 in
    // Kiswahili every column has to fit beside the campaign list, with a scroll bar, without
    // scrolling sideways.
    const int cellPadding = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) + 2;
    const int titlePadding = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + 2;
    auto fit = [&](int column, const QStringList &texts) {
        int width = titles.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + titlePadding;
        for (const QString &text : texts)
            width = qMax(width, cells.horizontalAdvance(text) + cellPadding);
        m_view->setColumnWidth(column, width);
        header->setSectionResizeMode(column, QHeaderView::Interactive);
    };
    QStringList states;
    for (const MessageState state : AllMessageStates)
        states << CampaignText::messageState(state);
    fit(OutboxTableModel::PhoneColumn, {QStringLiteral("+254700000000")});
    // A usual name; a longer one is whole in its tooltip and below the list.
    fit(OutboxTableModel::NameColumn, {QStringLiteral("Chepkoech Rotich")});
    fit(OutboxTableModel::StateColumn, states);
    fit(OutboxTableModel::PartsColumn, {QStringLiteral("10")});
    // Each message's cost is in its row's tooltip; the campaign's total is above the list. The column
    // would leave the others too little room beside the list at 1280×800 in Kiswahili.
    m_view->setColumnHidden(OutboxTableModel::CostColumn, true);
    fit(OutboxTableModel::NetworkColumn,
        {QStringLiteral("Airtel Kenya"), QStringLiteral("Safaricom"), QStringLiteral("Telkom Kenya"), QStringLiteral("Equitel")});
    header->setStretchLastSection(false);
    header->setSectionResizeMode(OutboxTableModel::ReasonColumn, QHeaderView::Stretch);
    // The reason's title stays whole however little room is left (the view scrolls sideways then).
    header->setMinimumSectionSize(
        titles.horizontalAdvance(m_model->headerData(OutboxTableModel::ReasonColumn, Qt::Horizontal).toString()) + titlePadding);
}

void CampaignDetail::updateFilterCounts()
{
    int total = 0;
    for (auto it = m_campaign.states.cbegin(); it != m_campaign.states.cend(); ++it)
        total += it.value();
    m_filter->setItemText(0, tr("Every message (%1)").arg(CampaignText::number(total)));
    for (int i = 1; i < m_filter->count(); ++i) {
        const auto state = m_filter->itemData(i).value<MessageState>();
        m_filter->setItemText(
            i, tr("%1 (%2)").arg(CampaignText::messagesInState(state), CampaignText::number(m_campaign.states.value(state))));
    }
}

} // namespace kengele
