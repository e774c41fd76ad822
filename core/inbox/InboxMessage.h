// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>

namespace kengele {

// One incoming SMS as the Inbox page and `kengele-cli inbox list` show it.
struct InboxMessage {
    qint64 id = 0;
    QString phone; // E.164 when it could be read, else as received
    QString toNumber; // the short code or number it was sent to
    QString text;
    QDateTime received; // UTC
    qint64 contactId = 0; // 0: the number is not a contact
    QString contactName;
    QString handledAs; // "inbox", "optout" (STOP-type: the number was opted out) or "prayer"
    QDateTime readAt; // invalid: unread
    qint64 replyCampaignId = 0; // the last reply sent from the inbox

    bool isRead() const { return readAt.isValid(); }
};

struct InboxQuery {
    QString handledAs; // empty: all
    bool unreadOnly = false;
    qint64 contactId = 0; // 0: everyone
    QString phone; // a number, any format: only messages from it
    QString search; // in the text, the contact's name or the number's digits
};

} // namespace kengele
