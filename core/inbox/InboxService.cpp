// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InboxService.h"

#include "campaigns/CampaignService.h"
#include "common/Clock.h"
#include "contacts/ContactService.h"
#include "contacts/PhoneNormalizer.h"
#include "settings/Settings.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

namespace kengele {

namespace {

// The contact is the one tied when the message came, or one added for the number since.
const char SelectFrom[]
    = "SELECT i.id, i.phone, i.to_number, i.text, i.received_at, coalesce(c.id, c2.id, 0), coalesce(c.name, c2.name, ''), "
      "i.handled_as, i.read_at, coalesce(i.reply_campaign_id, 0) "
      "FROM inbox i LEFT JOIN contacts c ON c.id = i.contact_id "
      "LEFT JOIN contacts c2 ON i.contact_id IS NULL AND c2.phone = i.phone ";

InboxMessage messageFromRow(const QSqlQuery &q)
{
    InboxMessage m;
    m.id = q.value(0).toLongLong();
    m.phone = q.value(1).toString();
    m.toNumber = q.value(2).toString();
    m.text = q.value(3).toString();
    m.received = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    m.contactId = q.value(5).toLongLong();
    m.contactName = q.value(6).toString();
    m.handledAs = q.value(7).toString();
    if (!q.value(8).isNull())
        m.readAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    m.replyCampaignId = q.value(9).toLongLong();
    return m;
}

QString escapeLike(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    return text;
}

} // namespace

InboxService::InboxService(Database &database, ContactService &contacts, CampaignService &campaigns, Settings &settings,
                           const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_contacts(contacts)
    , m_campaigns(campaigns)
    , m_settings(settings)
    , m_clock(clock)
{ }

namespace {

// WHERE clause and its values for a query.
QString whereOf(const InboxQuery &query, const PhoneNormalizer &phones, QVariantList &binds)
{
    QStringList conditions;
    if (!query.handledAs.isEmpty()) {
        conditions << QStringLiteral("i.handled_as = ?");
        binds << query.handledAs;
    }
    if (query.unreadOnly)
        conditions << QStringLiteral("i.read_at IS NULL");
    if (query.contactId > 0) {
        conditions << QStringLiteral("coalesce(c.id, c2.id) = ?");
        binds << query.contactId;
    }
    if (!query.phone.isEmpty()) {
        const Result<QString> e164 = phones.normalize(query.phone);
        conditions << QStringLiteral("i.phone = ?");
        binds << (e164 ? *e164 : query.phone.trimmed());
    }
    const QString search = query.search.trimmed();
    if (!search.isEmpty()) {
        QString digits;
        for (const QChar c : search) {
            if (c.isDigit())
                digits.append(c);
        }
        const QString like = u'%' + escapeLike(search) + u'%';
        QString condition = QStringLiteral("(i.text LIKE ? ESCAPE '\\' OR coalesce(c.name, c2.name, '') LIKE ? ESCAPE '\\'");
        binds << like << like;
        if (digits.size() >= 3) {
            condition += QStringLiteral(" OR i.phone LIKE ?");
            binds << QString(u'%' + digits + u'%');
        }
        conditions << condition + u')';
    }
    return conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND ")) + u' ';
}

void bindAll(QSqlQuery &q, const QVariantList &binds)
{
    for (const QVariant &value : binds)
        q.addBindValue(value);
}

} // namespace

Result<QList<InboxMessage>> InboxService::list(const InboxQuery &query, int offset, int limit) const
{
    QVariantList binds;
    const QString where = whereOf(query, m_contacts.phones(), binds);
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(SelectFrom) + where
              + QStringLiteral("ORDER BY i.received_at DESC, i.id DESC LIMIT ? OFFSET ?"));
    bindAll(q, binds);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the inbox")));
    QList<InboxMessage> messages;
    while (q.next())
        messages.append(messageFromRow(q));
    return messages;
}

Result<int> InboxService::count(const InboxQuery &query) const
{
    QVariantList binds;
    const QString where = whereOf(query, m_contacts.phones(), binds);
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM inbox i LEFT JOIN contacts c ON c.id = i.contact_id "
                             "LEFT JOIN contacts c2 ON i.contact_id IS NULL AND c2.phone = i.phone ")
              + where);
    bindAll(q, binds);
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the inbox")));
    return q.value(0).toInt();
}

Result<int> InboxService::unreadCount() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM inbox WHERE read_at IS NULL")) || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the inbox")));
    return q.value(0).toInt();
}

Result<InboxMessage> InboxService::get(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QString::fromLatin1(SelectFrom) + QStringLiteral("WHERE i.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the inbox")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("That message is no longer in the inbox."));
    return messageFromRow(q);
}

Status InboxService::markRead(const QList<qint64> &ids, bool read)
{
    if (ids.isEmpty())
        return {};
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    q.prepare(read ? QStringLiteral("UPDATE inbox SET read_at = coalesce(read_at, ?) WHERE id = ?")
                   : QStringLiteral("UPDATE inbox SET read_at = NULL WHERE id = ?"));
    const qint64 now = m_clock.nowMs();
    for (const qint64 id : ids) {
        if (read)
            q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Marking messages as read")));
    }
    Q_EMIT inboxChanged();
    return {};
}

Result<Contact> InboxService::addSenderAsContact(qint64 messageId, const ContactInput &names)
{
    const Result<InboxMessage> message = get(messageId);
    if (!message)
        return std::unexpected(message.error());
    if (message->contactId > 0)
        return m_contacts.get(message->contactId);
    ContactInput input = names;
    input.phone = message->phone;
    const Result<Contact> added = m_contacts.add(input, QStringLiteral("inbox"));
    if (!added)
        return added;
    if (Status tied = tieToContact(added->id, added->phone); !tied)
        return std::unexpected(tied.error());
    return added;
}

Status InboxService::tieSenderToContact(qint64 messageId)
{
    const Result<InboxMessage> message = get(messageId);
    if (!message)
        return std::unexpected(message.error());
    if (message->contactId <= 0)
        return fail(ErrorCode::NotFound, tr("%1 is not in your contacts.").arg(message->phone));
    return tieToContact(message->contactId, message->phone);
}

Status InboxService::tieToContact(qint64 contactId, const QString &phone)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE inbox SET contact_id = ? WHERE phone = ? AND contact_id IS NULL"));
    q.addBindValue(contactId);
    q.addBindValue(phone);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Tying the messages to the contact")));
    // A reply sent before the number was a contact is theirs too (the campaign's page shows the name).
    QSqlQuery outbox(m_database.connection());
    outbox.prepare(QStringLiteral("UPDATE outbox SET contact_id = ? WHERE contact_id IS NULL AND phone = ? AND campaign_id IN "
                                  "(SELECT reply_campaign_id FROM inbox WHERE phone = ? AND reply_campaign_id IS NOT NULL)"));
    outbox.addBindValue(contactId);
    outbox.addBindValue(phone);
    outbox.addBindValue(phone);
    if (!outbox.exec())
        return std::unexpected(Database::storageError(outbox.lastError(), tr("Tying the messages to the contact")));
    Q_EMIT inboxChanged();
    return {};
}

Result<CampaignDraft> InboxService::replyDraft(const InboxMessage &message, const QString &text) const
{
    if (text.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Write the reply first."));
    const bool known = message.contactId > 0;
    const QString who = known ? message.contactName : message.phone;
    if (const Result<bool> optedOut = m_contacts.isOptedOut(message.phone); optedOut && *optedOut)
        return fail(ErrorCode::InvalidInput, tr("%1 has opted out, so Kengele sends them no SMS.").arg(who));
    CampaignDraft draft;
    draft.name = tr("Reply to %1").arg(who);
    draft.body = text;
    // A visitor (a number that is no contact) is answered at the number: adding them to contacts
    // can come after the reply.
    if (known)
        draft.contactIds = {message.contactId};
    else
        draft.phones = {message.phone};
    draft.gateway = m_settings.gatewayProvider();
    draft.senderId = m_settings.gatewaySenderId();
    draft.chargeTokens = draft.gateway != GatewayKind::Simulator;
    return draft;
}

Result<CampaignDraft> InboxService::replyDraft(qint64 messageId, const QString &text) const
{
    const Result<InboxMessage> message = get(messageId);
    if (!message)
        return std::unexpected(message.error());
    return replyDraft(*message, text);
}

Result<CampaignPreview> InboxService::previewReply(qint64 messageId, const QString &text) const
{
    const Result<CampaignDraft> draft = replyDraft(messageId, text);
    if (!draft)
        return std::unexpected(draft.error());
    return m_campaigns.preview(*draft, 1);
}

Result<Campaign> InboxService::reply(qint64 messageId, const QString &text, const QString &userName)
{
    const Result<CampaignDraft> draft = replyDraft(messageId, text);
    if (!draft)
        return std::unexpected(draft.error());
    const Result<Campaign> launched = m_campaigns.launch(*draft, userName);
    if (!launched)
        return launched;
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE inbox SET reply_campaign_id = ?, read_at = coalesce(read_at, ?) WHERE id = ?"));
    q.addBindValue(launched->id);
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(messageId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Remembering the reply")));
    Q_EMIT inboxChanged();
    return launched;
}

} // namespace kengele
