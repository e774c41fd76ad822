// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RelayStatusText.h"
#include "inbox/InboxMessage.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace kengele {

struct ContactInput;
class ContactService;
class Banner;
class EmptyState;
class InboxService;
class InboxTableModel;
class RoleGate;
class Settings;

// The Inbox page: SMS members sent to the organisation's number (brought by the relay), newest
// first, with a filter (all, unread, opted out, prayer requests) and a search; the chosen message
// in full beside the list (text to read, not a box to type in), with "Add to contacts" for an
// unknown number, read/unread, and a short reply (a campaign of one, through InboxService::reply,
// after a confirmation with its cost) — to a contact or straight to a visitor's number, after
// which adding the visitor to contacts is offered.
class InboxPage final : public QWidget
{
    Q_OBJECT

public:
    // The choices of the filter list, in its order.
    enum Filter { AllFilter, UnreadFilter, OptedOutFilter, PrayerFilter };

    // `settings` tells whether replies go to the simulator.
    InboxPage(InboxService &inbox, ContactService &contacts, const Settings &settings, QWidget *parent = nullptr);
    ~InboxPage() override;

    InboxTableModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    // Whether this computer is connected to a relay (the empty page says how to connect when not).
    // Greys the reply for whoever may not send, and "Add to contacts…" for whoever may not edit.
    void setRoleGate(RoleGate &gate);
    void setRelayConfigured(bool configured);
    // The relay's state as the status bar shows it: when it must be connected again (or stopped
    // with a reason) a note across the page says why, with "Reconnect…".
    void setRelayIndicator(const RelayStatusText::Indicator &indicator);

    void setFilter(Filter filter);
    void setSearch(const QString &text);
    bool selectMessage(qint64 messageId);
    qint64 currentMessageId() const { return m_shownId; }

    // Adds the shown message's sender as a contact with these names.
    bool addSenderAsContact(const ContactInput &names);
    // "Add to contacts…": the contact dialog with the sender's number filled in.
    void askSenderName();
    // Asks once more with the cost, then sends the text in the reply box to the shown message's sender.
    void sendReply();
    // Marks the selected messages read or unread.
    void markSelected(bool read);

    QString replyCounterText() const;
    QString replyHintText() const;

Q_SIGNALS:
    // A reply was queued as this campaign: the dispatcher should send it.
    void replySent(qint64 campaignId);
    // The person wants to connect to a relay (Settings → Relay).
    void relaySettingsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter();
    // Breaks the messages into lines for the text column's width (again when it changes).
    void wrapMessages(int columnWidth);
    void showCurrent();
    void showMessage(const InboxMessage &message);
    void updateReplyState();
    void updateEmptyState();
    void updateCount();
    void showProblem(const QString &text);

    InboxService &m_inbox;
    ContactService &m_contacts;
    const Settings &m_settings;
    InboxTableModel *m_model = nullptr;
    bool m_relayConfigured = false;
    qint64 m_shownId = 0;
    InboxMessage m_shown;
    bool m_replyBlocked = true;

    QComboBox *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_problem = nullptr;
    Banner *m_relayBanner = nullptr;
    QPushButton *m_reconnect = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_content = nullptr;
    EmptyState *m_emptyState = nullptr;
    QPushButton *m_openRelaySettings = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_noMatch = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_nothingChosen = nullptr;
    QWidget *m_detail = nullptr;
    QLabel *m_sender = nullptr;
    QLabel *m_received = nullptr;
    QLabel *m_handledAs = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_addSender = nullptr;
    // After a reply to a visitor: "Add to contacts…".
    Banner *m_addAfterReply = nullptr;
    qint64 m_repliedToVisitor = 0; // the message whose visitor was just answered
    QPushButton *m_markRead = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    QLabel *m_replyCounter = nullptr;
    QLabel *m_replyHint = nullptr;
    QPushButton *m_sendReply = nullptr;
    QWidget *m_replyBox = nullptr;
    QPushButton *m_addAfterReplyButton = nullptr;
};

} // namespace kengele
