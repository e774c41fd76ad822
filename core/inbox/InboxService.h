// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "InboxMessage.h"
#include "campaigns/Campaign.h"
#include "common/Result.h"

#include <QObject>

namespace kengele {

class CampaignService;
class Clock;
class ContactService;
class Database;
class Settings;
struct Campaign;
struct Contact;
struct ContactInput;

// The inbox of incoming SMS (architecture.md §3.2): what the relay sync stored, read by the
// Inbox page and the CLI. A reply is a one-recipient campaign through CampaignService, so it
// follows every rule of the pipeline (opt-outs, tokens, quiet hours, the outbox's crash safety);
// the dispatcher sends it like any campaign.
class InboxService final : public QObject
{
    Q_OBJECT

public:
    InboxService(Database &database, ContactService &contacts, CampaignService &campaigns, Settings &settings, const Clock &clock,
                 QObject *parent = nullptr);

    // Newest first.
    Result<QList<InboxMessage>> list(const InboxQuery &query, int offset, int limit) const;
    Result<int> count(const InboxQuery &query = {}) const;
    Result<int> unreadCount() const;
    Result<InboxMessage> get(qint64 id) const;

    Status markRead(const QList<qint64> &ids, bool read = true);

    // Adds the sender as a contact (source "inbox") and ties their messages, and replies sent to
    // the number before, to it.
    Result<Contact> addSenderAsContact(qint64 messageId, const ContactInput &names);
    // The same ties once the sender's number became a contact another way (the contact dialog).
    Status tieSenderToContact(qint64 messageId);

    // Sends `text` to the message's sender as a campaign of one (named "Reply to ..."), marks the
    // message read and remembers the campaign. The sender may be a contact or a number that is
    // none (a visitor: addSenderAsContact can follow); either way not one who has opted out.
    // Returns the launched campaign: the dispatcher sends it.
    Result<Campaign> reply(qint64 messageId, const QString &text, const QString &userName = {});
    // What reply() would send and cost, counted as CampaignService::preview counts any campaign
    // (the text as rendered, its SMS parts, tokens, and the paying account's balance). Fails for
    // the same reasons reply() does.
    Result<CampaignPreview> previewReply(qint64 messageId, const QString &text) const;

    // The relay sync saved new messages (connect RelaySyncService::eventsApplied here).
    void notifyNewMessages() { Q_EMIT inboxChanged(); }

Q_SIGNALS:
    void inboxChanged();

private:
    // The campaign of one a reply is, once the sender and the text pass the checks.
    Result<CampaignDraft> replyDraft(const InboxMessage &message, const QString &text) const;
    Result<CampaignDraft> replyDraft(qint64 messageId, const QString &text) const;
    Status tieToContact(qint64 contactId, const QString &phone);

    Database &m_database;
    ContactService &m_contacts;
    CampaignService &m_campaigns;
    Settings &m_settings;
    const Clock &m_clock;
};

} // namespace kengele
