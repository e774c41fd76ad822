// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InboxPage.h"

#include "InboxTableModel.h"
#include "InboxText.h"
#include "MessageBox.h"
#include "campaigns/Campaign.h"
#include "campaigns/CampaignText.h"
#include "contacts/Contact.h"
#include "contacts/ContactDialog.h"
#include "contacts/ContactService.h"
#include "inbox/InboxService.h"
#include "messaging/SegmentCounter.h"
#include "security/RoleGate.h"
#include "settings/Settings.h"
#include "widgets/Banner.h"
#include "widgets/EmptyState.h"
#include "widgets/HintLabel.h"
#include "widgets/MessageBubble.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace kengele {

namespace {

QString userName()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

QLabel *wrappedLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

InboxPage::InboxPage(InboxService &inbox, ContactService &contacts, const Settings &settings, QWidget *parent)
    : QWidget(parent)
    , m_inbox(inbox)
    , m_contacts(contacts)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("inboxPage"));
    m_model = new InboxTableModel(m_inbox, this);

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("inboxFilterCombo"));
    m_filter->addItem(tr("All messages"), int(AllFilter));
    m_filter->addItem(tr("Unread"), int(UnreadFilter));
    m_filter->addItem(tr("Opted out"), int(OptedOutFilter));
    m_filter->addItem(tr("Prayer requests"), int(PrayerFilter));
    connect(m_filter, &QComboBox::currentIndexChanged, this, &InboxPage::applyFilter);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("inboxSearchEdit"));
    m_search->setAccessibleName(tr("Search messages"));
    m_search->setPlaceholderText(tr("Search messages, names or numbers"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &InboxPage::applyFilter);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("inboxCountLabel"));

    m_problem = new Banner(Banner::Kind::Error, this);
    m_problem->setObjectName(QStringLiteral("inboxProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();

    // The relay refused this computer (or stopped): replies and delivery reports no longer come.
    m_relayBanner = new Banner(Banner::Kind::Warning, this);
    m_relayBanner->setObjectName(QStringLiteral("inboxRelayBanner"));
    m_relayBanner->setWordWrap(true);
    m_relayBanner->setTextFormat(Qt::PlainText);
    m_reconnect = new QPushButton(RelayStatusText::reconnectText());
    m_reconnect->setObjectName(QStringLiteral("inboxReconnectButton"));
    m_relayBanner->setButton(m_reconnect);
    connect(m_reconnect, &QPushButton::clicked, this, &InboxPage::relaySettingsRequested);
    m_relayBanner->hide();

    // The list.
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("inboxView"));
    m_view->setAccessibleName(tr("Incoming messages"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    // Each message whole, in as many lines as it takes (the model breaks them for the column).
    m_view->setUniformRowHeights(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(InboxTableModel::FromColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(InboxTableModel::TextColumn, QHeaderView::Stretch);
    // Dates and kinds are short: as wide as they need (the store's rows are read in pages, so
    // the header measures only what is on screen).
    m_view->header()->setResizeContentsPrecision(64);
    m_view->header()->setSectionResizeMode(InboxTableModel::ReceivedColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(InboxTableModel::HandledAsColumn, QHeaderView::ResizeToContents);
    m_view->header()->resizeSection(InboxTableModel::FromColumn, 150);
    m_view->setMinimumWidth(380);
    // The new size from the signal: while the header stretches its sections, sectionSize() may
    // still answer an older one.
    connect(m_view->header(), &QHeaderView::sectionResized, this, [this](int column, int, int size) {
        if (column == InboxTableModel::TextColumn)
            wrapMessages(size);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InboxPage::showCurrent);
    connect(m_model, &InboxTableModel::modelReset, this, [this] {
        // Keep the shown message selected when it is still in the list.
        const int row = m_model->rowOf(m_shownId);
        if (row >= 0) {
            QSignalBlocker blocker(m_view->selectionModel());
            m_view->setCurrentIndex(m_model->index(row, 0));
        }
    });
    connect(m_model, &InboxTableModel::countChanged, this, &InboxPage::updateEmptyState);
    connect(m_model, &InboxTableModel::loadFailed, this, &InboxPage::showProblem);

    m_noMatch = new QLabel(tr("No messages match."), this);
    m_noMatch->setObjectName(QStringLiteral("inboxNoMatchLabel"));
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->hide();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_noMatch);

    // The chosen message.
    m_detail = new QWidget(this);
    m_detail->setObjectName(QStringLiteral("inboxDetail"));
    m_sender = new QLabel(m_detail);
    m_sender->setObjectName(QStringLiteral("inboxSenderLabel"));
    m_sender->setWordWrap(true);
    m_sender->setTextFormat(Qt::RichText);
    m_sender->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_received = wrappedLabel(QStringLiteral("inboxReceivedLabel"), m_detail);
    m_handledAs = wrappedLabel(QStringLiteral("inboxHandledAsLabel"), m_detail);
    // The SMS as it came: text to read and copy, not a box to type in.
    m_text = new MessageBubble(m_detail);
    m_text->setObjectName(QStringLiteral("inboxTextView"));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_addSender = new QPushButton(tr("Add to contacts…"), m_detail);
    m_addSender->setObjectName(QStringLiteral("addSenderButton"));
    m_addSender->setToolTip(tr("Keep this number as a contact, to see their name and add them to groups."));
    connect(m_addSender, &QPushButton::clicked, this, &InboxPage::askSenderName);
    m_markRead = new QPushButton(tr("Mark as unread"), m_detail);
    m_markRead->setObjectName(QStringLiteral("markReadButton"));
    connect(m_markRead, &QPushButton::clicked, this, [this] { markSelected(!m_shown.isRead()); });
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_addSender);
    actions->addWidget(m_markRead);
    actions->addStretch();

    auto *replyBox = new QGroupBox(tr("Reply"), m_detail);
    m_replyBox = replyBox;
    replyBox->setObjectName(QStringLiteral("replyBox"));
    m_reply = new QPlainTextEdit(replyBox);
    m_reply->setObjectName(QStringLiteral("replyEdit"));
    m_reply->setPlaceholderText(tr("Write a short answer…"));
    m_reply->setTabChangesFocus(true);
    m_reply->setFixedHeight(80);
    connect(m_reply, &QPlainTextEdit::textChanged, this, &InboxPage::updateReplyState);
    m_replyCounter = wrappedLabel(QStringLiteral("replyCounterLabel"), replyBox);
    m_replyHint = new HintLabel(QString(), replyBox);
    m_replyHint->setObjectName(QStringLiteral("replyHintLabel"));
    m_replyHint->setTextFormat(Qt::PlainText);
    m_sendReply = new QPushButton(tr("Send reply…"), replyBox);
    m_sendReply->setObjectName(QStringLiteral("sendReplyButton"));
    connect(m_sendReply, &QPushButton::clicked, this, &InboxPage::sendReply);
    auto *replyRow = new QHBoxLayout;
    replyRow->addStretch();
    replyRow->addWidget(m_sendReply);
    auto *replyLayout = new QVBoxLayout(replyBox);
    replyLayout->addWidget(m_reply);
    replyLayout->addWidget(m_replyCounter);
    replyLayout->addWidget(m_replyHint);
    replyLayout->addLayout(replyRow);

    m_addAfterReply = new Banner(Banner::Kind::Info, m_detail);
    m_addAfterReply->setObjectName(QStringLiteral("addAfterReplyBanner"));
    m_addAfterReply->setWordWrap(true);
    m_addAfterReply->setTextFormat(Qt::PlainText);
    auto *addAfterReply = new QPushButton(tr("Add to contacts…"));
    addAfterReply->setObjectName(QStringLiteral("addAfterReplyButton"));
    m_addAfterReply->setButton(addAfterReply);
    m_addAfterReplyButton = addAfterReply;
    connect(addAfterReply, &QPushButton::clicked, this, &InboxPage::askSenderName);
    m_addAfterReply->hide();

    auto *detailLayout = new QVBoxLayout(m_detail);
    detailLayout->setContentsMargins(6, 0, 0, 0);
    detailLayout->addWidget(m_sender);
    detailLayout->addWidget(m_received);
    detailLayout->addWidget(m_handledAs);
    detailLayout->addWidget(m_text);
    detailLayout->addLayout(actions);
    detailLayout->addWidget(replyBox);
    detailLayout->addWidget(m_addAfterReply);
    detailLayout->addStretch(1);

    m_nothingChosen = new QLabel(tr("Choose a message to read it in full and to reply."), this);
    m_nothingChosen->setObjectName(QStringLiteral("inboxNothingChosenLabel"));
    m_nothingChosen->setAlignment(Qt::AlignCenter);
    m_nothingChosen->setWordWrap(true);
    m_detailStack = new QStackedWidget(this);
    m_detailStack->addWidget(m_nothingChosen);
    m_detailStack->addWidget(m_detail);

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({700, 380});

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:"), this));
    filterRow->addWidget(m_filter);
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_count);

    m_content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(filterRow);
    contentLayout->addWidget(splitter, 1);

    // Nothing came yet.
    m_emptyState = new EmptyState(QStringLiteral("inboxEmptyLabel"), this);
    m_openRelaySettings = m_emptyState->addButton(tr("Open Settings → Relay"));
    m_openRelaySettings->setObjectName(QStringLiteral("openRelaySettingsButton"));
    connect(m_openRelaySettings, &QPushButton::clicked, this, &InboxPage::relaySettingsRequested);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_content);
    m_stack->addWidget(m_emptyState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h1>Inbox</h1>"), this));
    layout->addWidget(m_problem);
    layout->addWidget(m_relayBanner);
    layout->addWidget(m_stack, 1);

    // After the model has re-read: the shown message may have changed (a name, read or not).
    connect(&m_inbox, &InboxService::inboxChanged, this, [this] {
        if (m_shownId <= 0)
            return;
        if (const Result<InboxMessage> message = m_inbox.get(m_shownId); message)
            showMessage(*message);
    });
    connect(&m_contacts, &ContactService::contactsChanged, this, [this] {
        // A contact was added, renamed or opted out: names and reply rules follow.
        m_model->reload();
        if (m_shownId > 0) {
            if (const Result<InboxMessage> message = m_inbox.get(m_shownId); message)
                showMessage(*message);
        }
    });

    m_detailStack->setCurrentWidget(m_nothingChosen);
    setRelayConfigured(false);
    updateEmptyState();
}

void InboxPage::wrapMessages(int columnWidth)
{
    // The cell's text is inset by the style's margin on both sides.
    const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
    const int width = columnWidth - 2 * margin;
    m_model->setTextWidth(qMax(width, 1), m_view->font());
}

InboxPage::~InboxPage()
{
    // ~QWidget hides the children of a page that is a window of its own, and the list's header then
    // reports its sections resized: not to this page any more, whose members are gone by then.
    disconnect(m_view->header(), nullptr, this, nullptr);
}

void InboxPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        wrapMessages(m_view->header()->sectionSize(InboxTableModel::TextColumn));
}

void InboxPage::setRoleGate(RoleGate &gate)
{
    // The whole reply box, greyed: the text and its button.
    gate.gate(m_replyBox, Permission::SendCampaigns);
    gate.gate(m_addSender, Permission::EditContacts);
    gate.gate(m_addAfterReplyButton, Permission::EditContacts);
}

void InboxPage::setRelayConfigured(bool configured)
{
    m_relayConfigured = configured;
    if (configured)
        m_emptyState->setText(tr("<h2>No messages yet</h2><p>When members text your number, their messages appear here.</p>"));
    else
        m_emptyState->setText(tr("<h2>No messages yet</h2><p>When members text your number, their messages appear here.</p>"
                                 "<p>Connect to your relay in Settings → Relay.</p>"));
    m_openRelaySettings->setVisible(!configured);
}

void InboxPage::setRelayIndicator(const RelayStatusText::Indicator &indicator)
{
    QString text;
    if (indicator.offersReconnect)
        text = tr("This computer must be connected again before replies and delivery reports can reach it.");
    else if (indicator.state == RelayStatusText::State::NotConnected)
        text = tr("Replies and delivery reports are not reaching this computer.");
    if (!text.isEmpty() && !indicator.reason.isEmpty())
        text += u'\n' + indicator.reason;
    m_relayBanner->setText(text);
    m_reconnect->setVisible(indicator.offersReconnect);
    m_relayBanner->setVisible(!text.isEmpty());
}

void InboxPage::setFilter(Filter filter)
{
    m_filter->setCurrentIndex(qMax(0, m_filter->findData(int(filter))));
}

void InboxPage::setSearch(const QString &text)
{
    m_search->setText(text);
    applyFilter();
}

void InboxPage::applyFilter()
{
    m_searchTimer->stop();
    InboxQuery query;
    switch (Filter(m_filter->currentData().toInt())) {
    case UnreadFilter:
        query.unreadOnly = true;
        break;
    case OptedOutFilter:
        query.handledAs = InboxText::OptOut;
        break;
    case PrayerFilter:
        query.handledAs = InboxText::Prayer;
        break;
    case AllFilter:
        break;
    }
    query.search = m_search->text().trimmed();
    m_model->setQuery(query);
}

void InboxPage::updateEmptyState()
{
    const Result<int> total = m_inbox.count();
    const bool empty = total && *total == 0;
    m_stack->setCurrentWidget(empty ? m_emptyState : m_content);
    m_noMatch->setVisible(!empty && m_model->rowCount() == 0);
    updateCount();
}

void InboxPage::updateCount()
{
    const Result<int> unread = m_inbox.unreadCount();
    QString text = tr("%n message(s)", nullptr, m_model->rowCount());
    if (unread && *unread > 0)
        text += QStringLiteral(" · ") + tr("%n unread", nullptr, *unread);
    m_count->setText(text);
}

bool InboxPage::selectMessage(qint64 messageId)
{
    const int row = m_model->rowOf(messageId);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    return true;
}

void InboxPage::showCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const InboxMessage *message = current.isValid() ? m_model->messageAt(current.row()) : nullptr;
    if (!message)
        return; // keep showing what was shown
    if (message->id != m_shownId)
        m_reply->clear();
    showMessage(*message);
    if (!message->isRead()) {
        // Opened: read. After this selection change has finished (the model re-reads).
        const qint64 id = message->id;
        QPointer<InboxPage> self(this);
        QTimer::singleShot(0, this, [self, id] {
            if (self && self->m_shownId == id && !self->m_shown.isRead()) {
                if (const Status marked = self->m_inbox.markRead({id}); !marked)
                    self->showProblem(marked.error().message);
            }
        });
    }
}

void InboxPage::showMessage(const InboxMessage &message)
{
    m_shownId = message.id;
    m_shown = message;
    const bool known = message.contactId > 0;
    if (known)
        m_sender->setText(tr("<b>%1</b> · %2").arg(message.contactName.toHtmlEscaped(), message.phone.toHtmlEscaped()));
    else
        m_sender->setText(tr("<b>%1</b> · not in your contacts").arg(message.phone.toHtmlEscaped()));
    m_received->setText(tr("Received %1").arg(CampaignText::dayAndTime(message.received)));
    m_handledAs->setText(InboxText::handledAs(message.handledAs) + QStringLiteral(": ")
                         + InboxText::handledAsHelp(message.handledAs));
    m_handledAs->setVisible(message.handledAs != InboxText::Message);
    m_text->setText(message.text);
    if (m_repliedToVisitor != message.id || known)
        m_repliedToVisitor = 0;
    if (m_repliedToVisitor > 0)
        m_addAfterReply->setText(tr("Your reply to %1 is on its way. Add the number to your contacts to see their name "
                                    "here and add them to groups.")
                                     .arg(message.phone));
    m_addAfterReply->setVisible(m_repliedToVisitor > 0);
    // One "Add to contacts…" at a time: the one after the reply says why.
    m_addSender->setVisible(!known && m_repliedToVisitor == 0);
    m_markRead->setText(message.isRead() ? tr("Mark as unread") : tr("Mark as read"));
    m_detailStack->setCurrentWidget(m_detail);
    updateReplyState();
}

void InboxPage::updateReplyState()
{
    QString hint;
    bool blocked = false;
    if (m_shownId <= 0) {
        blocked = true;
    } else if (const Result<bool> optedOut = m_contacts.isOptedOut(m_shown.phone); optedOut && *optedOut) {
        // A visitor is answered at the number, so opted out is the only reason not to reply.
        blocked = true;
        hint = tr("%1 has opted out, so Kengele sends them no SMS.")
                   .arg(m_shown.contactId > 0 ? m_shown.contactName : m_shown.phone);
    }
    m_replyBlocked = blocked;
    m_reply->setEnabled(!blocked);

    const QString text = m_reply->toPlainText();
    const SegmentInfo info = SegmentCounter::count(text);
    const bool simulation = CampaignText::isSimulation(m_settings.gatewayProvider());
    if (blocked || info.segments == 0) {
        m_replyCounter->setText(blocked ? QString()
                                        : tr("Plain letters: 160 per SMS part. Special characters (such as emoji): 70 per "
                                             "SMS part."));
    } else {
        QString counter;
        if (info.segments == 1) {
            const int limit = info.isUnicode() ? SegmentCounter::Ucs2SinglePart : SegmentCounter::Gsm7SinglePart;
            counter = tr("%1 / %2 characters · 1 SMS").arg(info.units).arg(limit);
        } else {
            counter = tr("%1 characters · %n SMS", nullptr, info.segments).arg(info.units);
        }
        // What it costs is the pipeline's count (the text as it will be sent), not this one.
        const Result<CampaignPreview> preview = m_inbox.previewReply(m_shownId, text);
        const int tokens = preview ? preview->tokens : info.segments;
        counter += QStringLiteral(" · ")
            + (simulation ? tr("practice messages use no tokens") : tr("costs %n token(s)", nullptr, tokens));
        if (info.isUnicode())
            counter += u'\n'
                + tr("“%1” is a special character: each SMS part holds 70 characters instead of 160.").arg(info.firstNonGsm);
        m_replyCounter->setText(counter);
    }
    m_replyCounter->setVisible(!m_replyCounter->text().isEmpty());
    m_replyHint->setText(hint);
    m_replyHint->setVisible(!hint.isEmpty());
    m_sendReply->setEnabled(!blocked && !text.trimmed().isEmpty());
}

QString InboxPage::replyCounterText() const
{
    return m_replyCounter->text();
}

QString InboxPage::replyHintText() const
{
    return m_replyHint->isHidden() ? QString() : m_replyHint->text();
}

void InboxPage::sendReply()
{
    if (m_shownId <= 0 || m_replyBlocked)
        return;
    const QString text = m_reply->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    const Result<CampaignPreview> preview = m_inbox.previewReply(m_shownId, text);
    if (!preview) {
        MessageBox::warning(this, tr("Send reply"), preview.error().message);
        return;
    }
    const bool simulation = CampaignText::isSimulation(m_settings.gatewayProvider());
    QStringList lines;
    const bool visitor = m_shown.contactId <= 0;
    lines << (visitor ? tr("Send this reply to %1?").arg(m_shown.phone)
                      : tr("Send this reply to %1 (%2)?").arg(m_shown.contactName, m_shown.phone))
          << QString();
    lines << preview->samples.value(0, text) << QString();
    if (simulation) {
        lines << tr("%n SMS part(s), in practice mode: practice messages use no tokens.", nullptr, preview->segments);
    } else {
        lines << tr("%n SMS part(s), costing %n token(s).", nullptr, preview->tokens) + u' '
                + tr("You have %1 tokens; %2 are left after this reply.")
                      .arg(CampaignText::number(preview->balance), CampaignText::number(preview->balance - preview->tokens));
    }
    lines << tr("A message that has gone out cannot be called back.");
    if (MessageBox::question(this, tr("Send reply"), lines.join(u'\n')) != QMessageBox::Yes)
        return;
    const Result<Campaign> sent = m_inbox.reply(m_shownId, text, userName());
    if (!sent) {
        MessageBox::warning(this, tr("Send reply"), sent.error().message);
        return;
    }
    m_reply->clear();
    m_problem->hide();
    if (visitor) {
        // Answered first, asked second: now offer to keep the number.
        m_repliedToVisitor = m_shownId;
        if (const Result<InboxMessage> message = m_inbox.get(m_shownId); message)
            showMessage(*message);
    }
    Q_EMIT replySent(sent->id);
}

void InboxPage::markSelected(bool read)
{
    QList<qint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (const qint64 id = m_model->messageId(index.row()); id > 0)
            ids.append(id);
    }
    if (ids.isEmpty() && m_shownId > 0)
        ids.append(m_shownId);
    if (const Status marked = m_inbox.markRead(ids, read); !marked)
        showProblem(marked.error().message);
}

void InboxPage::askSenderName()
{
    if (m_shownId <= 0 || m_shown.contactId > 0)
        return;
    const qint64 messageId = m_shownId;
    ContactDialog dialog(m_contacts, 0, this);
    // The number is the sender's: only the name is left to type.
    if (auto *phone = dialog.findChild<QLineEdit *>(QStringLiteral("phoneEdit")))
        phone->setText(m_shown.phone);
    if (auto *first = dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit")))
        first->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Their earlier messages and the reply are theirs now (unless another number was typed).
    const Result<InboxMessage> message = m_inbox.get(messageId);
    if (!message || message->contactId <= 0)
        return;
    if (const Status tied = m_inbox.tieSenderToContact(messageId); !tied)
        showProblem(tied.error().message);
}

bool InboxPage::addSenderAsContact(const ContactInput &names)
{
    if (m_shownId <= 0)
        return false;
    const Result<Contact> added = m_inbox.addSenderAsContact(m_shownId, names);
    if (!added) {
        MessageBox::warning(this, tr("Add to contacts"), added.error().message);
        return false;
    }
    return true;
}

void InboxPage::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

} // namespace kengele
