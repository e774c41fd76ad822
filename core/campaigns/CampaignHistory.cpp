// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// CampaignService's reads for the history of a campaign (the Sent SMS page): who it went to, the
// message as a person received it, and what the SMS provider said it cost. Launching and changing
// campaigns stay in CampaignService.cpp.
#include "CampaignService.h"
#include "OutboxStore.h"
#include "common/Clock.h"
#include "contacts/ContactMergeValues.h"
#include "messaging/MessageTemplate.h"
#include "storage/Database.h"
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace kengele {

Result<CampaignAudience> CampaignService::audience(qint64 campaignId) const
{
    QSqlQuery exists(m_database.connection());
    exists.prepare(QStringLiteral("SELECT all_contacts FROM campaigns WHERE id = ?"));
    exists.addBindValue(campaignId);
    if (!exists.exec())
        return std::unexpected(Database::storageError(exists.lastError(), tr("Reading the campaign")));
    if (!exists.next())
        return fail(ErrorCode::NotFound, tr("There is no campaign number %1.").arg(campaignId));
    CampaignAudience audience;
    audience.allContacts = exists.value(0).toBool();
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT g.name, t.contact_id FROM campaign_targets t LEFT JOIN groups g ON g.id = t.group_id "
                             "WHERE t.campaign_id = ? ORDER BY t.rowid"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    while (q.next()) {
        if (!q.value(1).isNull())
            ++audience.people;
        else if (!q.value(0).isNull())
            audience.groups.append(q.value(0).toString());
    }
    // A reply to a visitor names no target (the number is nobody's contact): its messages say who.
    if (!audience.allContacts && audience.groups.isEmpty() && audience.people == 0) {
        QSqlQuery messages(m_database.connection());
        messages.prepare(QStringLiteral("SELECT count(DISTINCT phone) FROM outbox WHERE campaign_id = ?"));
        messages.addBindValue(campaignId);
        if (!messages.exec() || !messages.next())
            return std::unexpected(Database::storageError(messages.lastError(), tr("Reading the campaign")));
        audience.people = messages.value(0).toInt();
    }
    return audience;
}

Result<ReceivedMessage> CampaignService::receivedMessage(qint64 campaignId) const
{
    const Result<Campaign> campaign = get(campaignId);
    if (!campaign)
        return std::unexpected(campaign.error());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT name, phone, text FROM outbox WHERE campaign_id = ? ORDER BY id LIMIT 1"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    if (q.next()) {
        const QString name = q.value(0).toString();
        return ReceivedMessage{name.isEmpty() ? q.value(1).toString() : name, q.value(2).toString()};
    }
    // No messages of its own: every field as for a person the church knows nothing about.
    MergeValues values;
    const QDateTime day = campaign->scheduledAt.isValid() ? campaign->scheduledAt : m_clock.nowUtc();
    values.date = mergeDate(day.toLocalTime().date());
    return ReceivedMessage{QString(), MessageTemplate(campaign->body).render(values)};
}

std::optional<MessageCost> CampaignService::parseCost(QStringView text)
{
    MessageCost cost;
    bool amount = false;
    for (const QStringView word : text.split(u' ', Qt::SkipEmptyParts)) {
        bool isAmount = false;
        const QList<QStringView> parts = word.split(u'.');
        if (parts.size() <= 2 && !parts.first().isEmpty()) {
            bool ok = false;
            const qint64 whole = parts.first().toLongLong(&ok);
            qint64 fraction = 0;
            if (ok && parts.size() == 2) {
                const QStringView digits = parts.at(1);
                ok = !digits.isEmpty() && digits.size() <= 4;
                if (ok)
                    fraction = digits.toLongLong(&ok);
                for (qsizetype i = digits.size(); ok && i < 4; ++i)
                    fraction *= 10;
            }
            if (ok && whole >= 0 && fraction >= 0) {
                cost.tenThousandths = whole * 10'000 + fraction;
                isAmount = !amount;
            }
        }
        if (isAmount) {
            amount = true;
            continue;
        }
        const bool letters = std::all_of(word.begin(), word.end(), [](QChar c) { return c.isLetter(); });
        if (!letters || !cost.currency.isEmpty())
            return std::nullopt;
        cost.currency = word.toString().toUpper();
    }
    if (!amount)
        return std::nullopt;
    return cost;
}

Result<MessageCost> CampaignService::cost(qint64 campaignId) const
{
    // A few distinct prices for a whole campaign (one per number of SMS parts): summed here.
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT cost, count(*) FROM outbox WHERE campaign_id = ? AND cost <> '' GROUP BY cost"));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    QHash<QString, MessageCost> byCurrency;
    while (q.next()) {
        const std::optional<MessageCost> price = parseCost(q.value(0).toString());
        // "0": refused, nothing charged.
        if (!price || price->tenThousandths == 0)
            continue;
        const int count = q.value(1).toInt();
        MessageCost &sum = byCurrency[price->currency];
        sum.currency = price->currency;
        sum.tenThousandths += price->tenThousandths * count;
        sum.messages += count;
    }
    MessageCost most;
    for (const MessageCost &sum : std::as_const(byCurrency)) {
        if (sum.messages > most.messages)
            most = sum;
    }
    return most;
}

} // namespace kengele
