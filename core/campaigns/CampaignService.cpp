// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignService.h"

#include "CampaignOrigin.h"

#include "OutboxStore.h"
#include "OutboxWriter.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "contacts/ContactMergeValues.h"
#include "contacts/ForgottenOptOuts.h"
#include "messaging/MessageTemplate.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/TokenLedger.h"

#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace kengele {

namespace {

CampaignStatus statusFor(const QDateTime &scheduledAt, qint64 nowMs)
{
    return scheduledAt.isValid() && scheduledAt.toMSecsSinceEpoch() > nowMs ? CampaignStatus::Scheduled : CampaignStatus::Queued;
}

// The database's words (CampaignStatus.h, MessageState.h and GatewayKind.h say why these fallbacks).
CampaignStatus storedStatus(qint64 campaignId, const QString &text)
{
    if (const std::optional<CampaignStatus> status = campaignStatusFromText(text))
        return *status;
    qCWarning(lcCampaigns) << "campaign" << campaignId << "has an unknown status" << text << "- read as cancelled";
    return CampaignStatus::Cancelled;
}

GatewayKind storedGateway(qint64 campaignId, const QString &text)
{
    if (const std::optional<GatewayKind> gateway = gatewayKindFromText(text))
        return *gateway;
    qCWarning(lcCampaigns) << "campaign" << campaignId << "names an unknown gateway" << text << "- shown as the simulator";
    return GatewayKind::Simulator;
}

MessageState storedState(const QString &text)
{
    return messageStateFromText(text).value_or(MessageState::Uncertain);
}

Campaign campaignFromRow(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.body = q.value(2).toString();
    c.senderId = q.value(3).toString();
    c.priority = Priority(q.value(4).toInt());
    c.status = storedStatus(c.id, q.value(5).toString());
    c.gateway = storedGateway(c.id, q.value(6).toString());
    auto time = [&](int column) {
        return q.value(column).isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(q.value(column).toLongLong(), Qt::UTC);
    };
    c.scheduledAt = time(7);
    c.createdAt = time(8);
    c.launchedAt = time(9);
    c.finishedAt = time(10);
    c.recipients = q.value(11).toInt();
    c.segments = q.value(12).toInt();
    c.tokens = q.value(13).toInt();
    c.accountId = q.value(14).toLongLong();
    c.statusReason = q.value(15).toString();
    c.recurrence = Recurrence::fromRule(q.value(16).toString()).value_or(Recurrence());
    c.repeatUntil = time(17);
    c.parentId = q.value(18).toLongLong();
    c.uid = q.value(19).toString();
    c.sentHere = q.value(20).toInt() != 0;
    return c;
}

const QString SelectCampaigns = QStringLiteral(
    "SELECT id, name, body, sender_id, priority, status, gateway, scheduled_at, created_at, launched_at, finished_at, "
    "recipients, segments, tokens, coalesce(account_id, 0), status_reason, recurrence, recur_until, coalesce(parent_id, 0), "
    "coalesce(uid, ''), origin = (SELECT device FROM sync_state WHERE id = 1) "
    "FROM campaigns ");

// Another computer's campaign: its recipients as that computer published them (no messages here).
// Names come from Contacts (the same numbers on every computer).
const QString SelectPublishedRecipients = QStringLiteral(
    "SELECT 0, r.phone, coalesce(trim(coalesce(k.first_name, '') || ' ' || coalesce(k.last_name, '')), ''), r.state, r.reason, "
    "'', 0, 0, '', '', 0, NULL FROM campaign_recipients r LEFT JOIN contacts k ON k.phone = r.phone WHERE r.campaign_uid = ?");

// The last millisecond of a local date.
qint64 endOfDay(const QDate &date)
{
    return QDateTime(date.addDays(1), QTime(0, 0)).toMSecsSinceEpoch() - 1;
}

} // namespace

CampaignService::CampaignService(Database &database, TokenLedger &ledger, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_recurring(database, clock, *this,
                  [this](const QSqlDatabase &db, const CampaignDraft &occurrence, qint64 parentId, const QString &userName) {
                      return write(db, occurrence, userName, 0, parentId);
                  })
{ }

Result<CampaignService::Rendered> CampaignService::render(const CampaignDraft &draft, int samples) const
{
    if (draft.body.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("The message is empty. Write the text or choose a template."));
    const MessageTemplate parsed(draft.body);
    if (Status sendable = parsed.checkSendable(); !sendable)
        return std::unexpected(sendable.error());
    if (draft.allContacts && (!draft.groupIds.isEmpty() || !draft.contactIds.isEmpty() || !draft.phones.isEmpty()))
        return fail(ErrorCode::InvalidInput,
                    tr("“All contacts” already includes every group and person: choose either "
                       "all contacts, or groups and people."));
    if (!draft.allContacts && draft.groupIds.isEmpty() && draft.contactIds.isEmpty() && draft.phones.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Choose at least one group or person to send to."));
    // Numbers without a contact are not kept as targets, so a repeating campaign could not find them again.
    if (!draft.phones.isEmpty() && draft.recurrence.isRepeating())
        return fail(ErrorCode::InvalidInput, tr("A repeating campaign goes to groups and contacts only."));
    if (draft.scheduledAt.isValid() && draft.scheduledAt.toMSecsSinceEpoch() < m_clock.nowMs() - m_limits.pastScheduleGraceMs) {
        return fail(ErrorCode::InvalidInput,
                    tr("The chosen time, %1, has already passed. Choose a later time or send now.")
                        .arg(QLocale().toString(draft.scheduledAt.toLocalTime(), QLocale::ShortFormat)));
    }

    Rendered out;
    const Status taken = draft.allContacts
        ? out.recipients.takeEveryone(m_database.connection())
        : out.recipients.take(m_database.connection(), draft.groupIds, draft.contactIds, draft.phones);
    if (!taken)
        return std::unexpected(taken.error());
    if (m_forgotten) {
        const Result<ForgottenCheck> forgotten = m_forgotten->check(m_database.connection());
        if (!forgotten)
            return std::unexpected(forgotten.error());
        if (Status left = out.recipients.leaveOut(*forgotten, draft.allContacts); !left)
            return std::unexpected(left.error());
    }
    // {date} is the day the message goes: the scheduled day (a repeating one's first time), or today.
    QDateTime sendAt = m_clock.nowUtc();
    if (draft.scheduledAt.isValid() && draft.scheduledAt > sendAt)
        sendAt = draft.scheduledAt;
    if (draft.recurrence.isRepeating() && draft.recurrence.first(sendAt.toLocalTime()).isValid())
        sendAt = draft.recurrence.first(sendAt.toLocalTime());
    out.messages.render(parsed, mergeDate(sendAt.toLocalTime().date()), out.recipients.recipients());

    CampaignPreview &p = out.preview;
    p.recipients = int(out.recipients.recipients().size());
    p.optedOut = out.recipients.optedOut();
    p.duplicates = out.recipients.duplicates();
    p.cannotReceiveSms = out.recipients.cannotReceiveSms();
    p.personalised = out.messages.isPersonalised();
    p.encoding = out.messages.encoding();
    p.segments = out.messages.totalSegments();
    p.maxSegments = out.messages.maxSegments();
    p.tokens = draft.chargeTokens ? p.segments : 0;
    const QStringList &texts = out.messages.texts();
    for (int i = 0; i < qMin(samples, int(texts.size())); ++i)
        p.samples << texts.at(i);
    const QList<RecipientSnapshot::Recipient> &people = out.recipients.recipients();
    p.recipientIds.reserve(qMin(qsizetype(CampaignPreview::PreviewPeople), people.size()));
    for (qsizetype i = 0; i < people.size() && i < CampaignPreview::PreviewPeople; ++i)
        p.recipientIds << people.at(i).contactId;
    if (p.maxSegments > m_limits.maxSegments) {
        return fail(ErrorCode::InvalidInput,
                    tr("The message is too long: %1 SMS parts for one person (at most %2 are allowed). Shorten it, "
                       "or send it as two messages.")
                        .arg(p.maxSegments)
                        .arg(m_limits.maxSegments));
    }
    if (p.maxSegments > m_limits.warnSegments)
        p.warnings << tr("Long message: up to %1 SMS parts per person, each costing one token.").arg(p.maxSegments);
    if (out.messages.needsUnicode())
        p.warnings << tr("The message uses special characters: only 70 characters fit in one SMS part.");
    if (!out.recipients.emptyGroups().isEmpty())
        p.warnings << tr("Nobody to send to in: %1.").arg(out.recipients.emptyGroups().join(QStringLiteral(", ")));
    if (p.cannotReceiveSms > 0)
        p.warnings << tr("Left out: %n number(s) that cannot receive SMS (landlines and other numbers that are not mobile). "
                         "Correct them in Contacts.",
                         nullptr, p.cannotReceiveSms);
    return out;
}

Status CampaignService::checkRepeat(const CampaignDraft &draft, QDateTime *first, int *occurrences) const
{
    if (!draft.recurrence.isRepeating())
        return {};
    if (!draft.recurrence.isValid())
        return fail(ErrorCode::InvalidInput, tr("Choose at least one day of the week for a weekly message."));
    if (!draft.repeatUntil.isValid())
        return fail(ErrorCode::InvalidInput, tr("A repeating message needs an end date. Choose the last day it should go out."));
    const QDateTime start = (draft.scheduledAt.isValid() ? draft.scheduledAt : m_clock.nowUtc()).toLocalTime();
    const QDateTime firstAt = draft.recurrence.first(start);
    const QDateTime end(draft.repeatUntil.addDays(1), QTime(0, 0));
    if (!firstAt.isValid() || firstAt >= end) {
        return fail(ErrorCode::InvalidInput,
                    tr("The end date, %1, comes before the first message (%2). Choose a later end date.")
                        .arg(QLocale().toString(draft.repeatUntil, QLocale::ShortFormat),
                             QLocale().toString(firstAt.isValid() ? firstAt : start, QLocale::ShortFormat)));
    }
    int count = 0;
    for (QDateTime t = firstAt; t.isValid() && t < end && count < 100'000; t = draft.recurrence.next(t))
        ++count;
    if (first)
        *first = firstAt;
    if (occurrences)
        *occurrences = count;
    return {};
}

Result<CampaignPreview> CampaignService::preview(const CampaignDraft &draft, int samples) const
{
    QDateTime first;
    int occurrences = 0;
    if (Status repeat = checkRepeat(draft, &first, &occurrences); !repeat)
        return std::unexpected(repeat.error());
    Result<Rendered> rendered = render(draft, samples);
    if (!rendered)
        return std::unexpected(rendered.error());
    CampaignPreview preview = rendered->preview;
    preview.firstOccurrence = first.isValid() ? first.toUTC() : QDateTime();
    preview.occurrences = occurrences;
    const Result<qint64> account = m_ledger.accountId(draft.accountName);
    if (!account)
        return std::unexpected(account.error());
    const Result<qint64> balance = m_ledger.balance(*account);
    if (!balance)
        return std::unexpected(balance.error());
    preview.balance = int(*balance);
    return preview;
}

Result<qint64> CampaignService::write(const QSqlDatabase &db, const CampaignDraft &draft, const QString &userName,
                                      qint64 existingId, qint64 parentId)
{
    QDateTime first;
    if (Status repeat = checkRepeat(draft, &first, nullptr); !repeat)
        return std::unexpected(repeat.error());
    Result<Rendered> rendered = render(draft, 0);
    if (!rendered)
        return std::unexpected(rendered.error());
    const CampaignPreview &p = rendered->preview;
    const Result<qint64> account = m_ledger.accountId(draft.accountName);
    if (!account)
        return std::unexpected(account.error());

    const bool repeating = draft.recurrence.isRepeating();
    const qint64 now = m_clock.nowMs();
    qint64 due = draft.scheduledAt.isValid() ? qMax(now, draft.scheduledAt.toMSecsSinceEpoch()) : now;
    CampaignStatus status = statusFor(draft.scheduledAt, now);
    if (repeating) {
        // Nothing is reserved until an occurrence goes, but a budget that cannot pay even the first
        // one is said now, not on the morning it should go.
        due = qMax(now, first.toMSecsSinceEpoch());
        status = CampaignStatus::Recurring;
        if (p.tokens > 0) {
            const Result<qint64> balance = m_ledger.balance(*account);
            if (!balance)
                return std::unexpected(balance.error());
            if (*balance < p.tokens) {
                return fail(ErrorCode::InvalidInput,
                            tr("Not enough tokens for the first message: it needs %1 and the %2 account has %3. Add tokens, or "
                               "choose fewer people.")
                                .arg(p.tokens)
                                .arg(draft.accountName)
                                .arg(*balance));
            }
        }
    }
    const QString name = draft.name.simplified().left(MaxNameLength);
    QSqlQuery row(db);
    if (existingId == 0) {
        row.prepare(QStringLiteral(
            "INSERT INTO campaigns(name, body, template_id, sender_id, priority, status, gateway, scheduled_at, "
            "account_id, recipients, segments, tokens, launched_at, recurrence, recur_until, all_contacts, parent_id, "
            "created_at, uid, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, kengele_uuid7(), "
            "(SELECT device FROM sync_state WHERE id = 1))"));
    } else {
        row.prepare(QStringLiteral(
            "UPDATE campaigns SET name = ?, body = ?, template_id = ?, sender_id = ?, priority = ?, status = ?, "
            "gateway = ?, scheduled_at = ?, account_id = ?, recipients = ?, segments = ?, tokens = ?, launched_at = ?, "
            "recurrence = ?, recur_until = ?, all_contacts = ?, status_reason = '' WHERE id = ?"));
    }
    row.addBindValue(
        sqlText(name.isEmpty() ? tr("Message of %1").arg(QLocale().toString(m_clock.nowUtc().toLocalTime(), QLocale::ShortFormat))
                               : name));
    row.addBindValue(draft.body);
    row.addBindValue(draft.templateId > 0 ? QVariant(draft.templateId) : QVariant());
    row.addBindValue(sqlText(draft.senderId.trimmed()));
    row.addBindValue(int(draft.priority));
    row.addBindValue(toText(status));
    row.addBindValue(toText(draft.gateway));
    row.addBindValue(due);
    row.addBindValue(*account);
    row.addBindValue(p.recipients);
    row.addBindValue(p.segments);
    row.addBindValue(p.tokens);
    row.addBindValue(repeating ? QVariant() : QVariant(now));
    row.addBindValue(sqlText(draft.recurrence.rule()));
    row.addBindValue(repeating ? QVariant(endOfDay(draft.repeatUntil)) : QVariant());
    row.addBindValue(draft.allContacts ? 1 : 0);
    if (existingId == 0) {
        row.addBindValue(parentId > 0 ? QVariant(parentId) : QVariant());
        row.addBindValue(now);
    } else {
        row.addBindValue(existingId);
    }
    if (!row.exec())
        return std::unexpected(Database::storageError(row.lastError(), tr("Queuing the campaign")));
    const qint64 campaignId = existingId == 0 ? row.lastInsertId().toLongLong() : existingId;

    QSqlQuery target(db);
    if (existingId != 0) {
        target.prepare(QStringLiteral("DELETE FROM campaign_targets WHERE campaign_id = ?"));
        target.addBindValue(campaignId);
        if (!target.exec())
            return std::unexpected(Database::storageError(target.lastError(), tr("Queuing the campaign")));
    }
    target.prepare(QStringLiteral("INSERT INTO campaign_targets(campaign_id, group_id, contact_id) VALUES (?, ?, ?)"));
    for (const qint64 groupId : draft.groupIds) {
        target.addBindValue(campaignId);
        target.addBindValue(groupId);
        target.addBindValue(QVariant());
        if (!target.exec())
            return std::unexpected(Database::storageError(target.lastError(), tr("Queuing the campaign")));
    }
    for (const qint64 contactId : draft.contactIds) {
        target.addBindValue(campaignId);
        target.addBindValue(QVariant());
        target.addBindValue(contactId);
        if (!target.exec())
            return std::unexpected(Database::storageError(target.lastError(), tr("Queuing the campaign")));
    }
    if (Status linked = CampaignOrigin::publishLinks(db, campaignId); !linked)
        return std::unexpected(linked.error());
    if (repeating)
        return campaignId;

    const QList<RecipientSnapshot::Recipient> &recipients = rendered->recipients.recipients();
    const QStringList &texts = rendered->messages.texts();
    const QList<int> &segments = rendered->messages.segments();
    QList<NewMessage> messages;
    messages.reserve(recipients.size());
    for (qsizetype i = 0; i < recipients.size(); ++i) {
        const RecipientSnapshot::Recipient &r = recipients.at(i);
        messages.append(NewMessage{r.contactId, r.phone, r.lastName.isEmpty() ? r.firstName : r.firstName + u' ' + r.lastName,
                                   texts.at(i), segments.at(i)});
    }
    if (Status written = OutboxWriter::insertQueued(db, campaignId, int(draft.priority), due, now, messages); !written)
        return std::unexpected(written.error());
    if (p.tokens > 0) {
        if (const auto reserved = m_ledger.reserveInTransaction(db, *account, campaignId, p.tokens, userName); !reserved)
            return std::unexpected(reserved.error());
    }
    qCInfo(lcCampaigns) << "launched campaign" << campaignId << "recipients" << p.recipients << "segments" << p.segments;
    return campaignId;
}

std::optional<PlanFeature> CampaignService::lockedFeature(const CampaignDraft &draft, Error *why) const
{
    // Practice messages (the simulator) try everything out: nothing is locked there.
    if (!m_featureGate || draft.gateway == GatewayKind::Simulator)
        return std::nullopt;
    QList<PlanFeature> asked;
    if (draft.recurrence.isRepeating() || (draft.scheduledAt.isValid() && draft.scheduledAt > m_clock.nowUtc()))
        asked << PlanFeature::Scheduling;
    if (draft.priority == Priority::Urgent)
        asked << PlanFeature::PrioritySending;
    for (const PlanFeature feature : std::as_const(asked)) {
        if (Status allowed = m_featureGate(feature); !allowed) {
            if (why)
                *why = allowed.error();
            return feature;
        }
    }
    return std::nullopt;
}

Status CampaignService::checkFeatures(const CampaignDraft &draft) const
{
    Error why;
    if (lockedFeature(draft, &why))
        return std::unexpected(why);
    return {};
}

Result<Campaign> CampaignService::launch(const CampaignDraft &draft, const QString &userName, Actor by)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns, by); !allowed)
        return std::unexpected(allowed.error());
    if (Status allowed = checkFeatures(draft); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    // Reads and writes in one transaction: the snapshot, the outbox and the reservation agree. It
    // holds the write lock from the start, so the dispatcher's commits meanwhile cannot make it busy.
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Queuing the campaign")); !begun)
        return std::unexpected(begun.error());
    const Result<qint64> id = write(db, draft, userName, 0, 0);
    if (!id)
        return std::unexpected(id.error());
    const QString when = draft.recurrence.isRepeating() ? QStringLiteral("repeating")
        : draft.scheduledAt.isValid()                   ? QStringLiteral("scheduled")
                                                        : QStringLiteral("now");
    if (Status committed
        = transaction.commit({QStringLiteral("campaigns.launch"), QStringLiteral("campaign:%1").arg(*id), when, by});
        !committed)
        return std::unexpected(committed.error());
    m_ledger.notifyBulkChange();
    Q_EMIT campaignsChanged();
    return get(*id);
}

Result<CampaignDraft> CampaignService::draft(qint64 id) const
{
    const Result<Campaign> campaign = get(id);
    if (!campaign)
        return std::unexpected(campaign.error());
    CampaignDraft d;
    d.name = campaign->name;
    d.body = campaign->body;
    d.senderId = campaign->senderId;
    d.priority = campaign->priority;
    d.gateway = campaign->gateway;
    d.scheduledAt = campaign->scheduledAt;
    d.recurrence = campaign->recurrence;
    if (campaign->isRepeating() && campaign->scheduledAt.isValid()) {
        // Changed rules start from the next moment at the same time of day that has not passed
        // (so Sunday → Wednesday on a Sunday means this Wednesday, not the one after next).
        const QDateTime now = m_clock.nowUtc().toLocalTime();
        QDateTime start(now.date(), campaign->scheduledAt.toLocalTime().time());
        if (start <= now)
            start = start.addDays(1);
        d.scheduledAt = start.toUTC();
    }
    if (campaign->repeatUntil.isValid())
        d.repeatUntil = campaign->repeatUntil.toLocalTime().date();
    d.chargeTokens = campaign->tokens > 0;
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT coalesce(template_id, 0), all_contacts FROM campaigns WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    d.templateId = q.value(0).toLongLong();
    d.allContacts = q.value(1).toInt() != 0;
    QSqlQuery targets(db);
    targets.prepare(QStringLiteral("SELECT group_id, contact_id FROM campaign_targets WHERE campaign_id = ? ORDER BY rowid"));
    targets.addBindValue(id);
    if (!targets.exec())
        return std::unexpected(Database::storageError(targets.lastError(), tr("Reading the campaign")));
    while (targets.next()) {
        if (!targets.value(0).isNull())
            d.groupIds.append(targets.value(0).toLongLong());
        else
            d.contactIds.append(targets.value(1).toLongLong());
    }
    if (campaign->accountId > 0) {
        const Result<TokenAccount> account = m_ledger.account(campaign->accountId);
        if (!account)
            return std::unexpected(account.error());
        d.accountName = account->name;
    }
    return d;
}

bool CampaignService::isEditable(const Campaign &campaign)
{
    if (campaign.isRepeating())
        return campaign.status == CampaignStatus::Recurring || campaign.status == CampaignStatus::Paused;
    return campaign.status == CampaignStatus::Scheduled;
}

Result<Campaign> CampaignService::update(qint64 id, const CampaignDraft &draft, const QString &userName)
{
    if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
        return std::unexpected(allowed.error());
    if (Status allowed = checkFeatures(draft); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Changing the campaign")); !begun)
        return std::unexpected(begun.error());
    if (Status here = CampaignOrigin::checkSentHere(db, id); !here)
        return std::unexpected(here.error());
    const Result<Campaign> current = get(id);
    if (!current)
        return std::unexpected(current.error());
    if (!isEditable(*current))
        return fail(ErrorCode::Conflict,
                    tr("“%1” can no longer be changed: it has started sending or has ended.").arg(current->name));
    const int started = current->recipients - current->states.value(MessageState::Queued);
    if (!current->isRepeating() && started > 0)
        return fail(ErrorCode::Conflict, tr("“%1” can no longer be changed: it has started sending.").arg(current->name));
    // The old messages and their reservation go; the new ones are written in their place.
    if (const Result<qint64> released = m_ledger.releaseAllInTransaction(db, id, tr("Campaign changed before sending"), userName);
        !released)
        return std::unexpected(released.error());
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM outbox WHERE campaign_id = ?"));
    remove.addBindValue(id);
    if (!remove.exec())
        return std::unexpected(Database::storageError(remove.lastError(), tr("Changing the campaign")));
    const Result<qint64> written = write(db, draft, userName, id, 0);
    if (!written)
        return std::unexpected(written.error());
    // A paused repeating campaign stays paused after a change.
    if (current->isRepeating() && current->status == CampaignStatus::Paused && draft.recurrence.isRepeating()) {
        QSqlQuery keepPaused(db);
        keepPaused.prepare(QStringLiteral("UPDATE campaigns SET status = ?, status_reason = ? WHERE id = ?"));
        keepPaused.addBindValue(toText(CampaignStatus::Paused));
        keepPaused.addBindValue(sqlText(current->statusReason));
        keepPaused.addBindValue(id);
        if (!keepPaused.exec())
            return std::unexpected(Database::storageError(keepPaused.lastError(), tr("Changing the campaign")));
    }
    const QString when = draft.scheduledAt.isValid() ? QStringLiteral("scheduled") : QStringLiteral("now");
    if (Status committed = transaction.commit({QStringLiteral("campaigns.edit"), QStringLiteral("campaign:%1").arg(id), when});
        !committed)
        return std::unexpected(committed.error());
    qCInfo(lcCampaigns) << "campaign" << id << "changed before sending";
    m_ledger.notifyBulkChange();
    Q_EMIT campaignsChanged();
    return get(id);
}

Result<Campaign> CampaignService::get(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(SelectCampaigns + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("There is no campaign number %1.").arg(id));
    Campaign campaign = campaignFromRow(q);
    QSqlQuery states(m_database.connection());
    if (campaign.sentHere) {
        states.prepare(QStringLiteral(
            "SELECT state, count(*), coalesce(sum(segments), 0) FROM outbox WHERE campaign_id = ? GROUP BY state"));
        states.addBindValue(id);
    } else {
        // The SMS parts of another computer's messages are not published: only how many are in each state.
        states.prepare(
            QStringLiteral("SELECT state, count(*), 0 FROM campaign_recipients WHERE campaign_uid = ? GROUP BY state"));
        states.addBindValue(campaign.uid);
    }
    if (!states.exec())
        return std::unexpected(Database::storageError(states.lastError(), tr("Reading the campaign")));
    for (const MessageState state : AllMessageStates) {
        campaign.states.insert(state, 0);
        campaign.stateSegments.insert(state, 0);
    }
    while (states.next()) {
        const MessageState state = storedState(states.value(0).toString());
        campaign.states[state] += states.value(1).toInt();
        campaign.stateSegments[state] += states.value(2).toInt();
    }
    return campaign;
}

Result<QList<Campaign>> CampaignService::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(SelectCampaigns + QStringLiteral("ORDER BY created_at DESC, id DESC")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading campaigns")));
    QList<Campaign> campaigns;
    while (q.next())
        campaigns.append(campaignFromRow(q));
    return campaigns;
}

Result<int> CampaignService::countRecipients(qint64 campaignId, std::optional<MessageState> state) const
{
    QSqlQuery q(m_database.connection());
    if (CampaignOrigin::isSentHere(m_database.connection(), campaignId)) {
        q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ?")
                  + (state ? QStringLiteral(" AND state = ?") : QString()));
    } else {
        q.prepare(QStringLiteral("SELECT count(*) FROM campaign_recipients r JOIN campaigns c ON c.uid = r.campaign_uid "
                                 "WHERE c.id = ?")
                  + (state ? QStringLiteral(" AND r.state = ?") : QString()));
    }
    q.addBindValue(campaignId);
    if (state)
        q.addBindValue(toText(*state));
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    return q.value(0).toInt();
}

Result<QList<OutboxRow>> CampaignService::recipients(qint64 campaignId, std::optional<MessageState> state, int offset,
                                                     int limit) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (CampaignOrigin::isSentHere(m_database.connection(), campaignId)) {
        q.prepare(
            QStringLiteral(
                "SELECT id, phone, name, state, reason, coalesce(message_id, ''), segments, attempts, cost, network, updated_at, "
                "confirmed_at FROM outbox WHERE campaign_id = ?")
            + (state ? QStringLiteral(" AND state = ?") : QString()) + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"));
        q.addBindValue(campaignId);
    } else {
        q.prepare(SelectPublishedRecipients + (state ? QStringLiteral(" AND r.state = ?") : QString())
                  + QStringLiteral(" ORDER BY r.phone LIMIT ? OFFSET ?"));
        const Result<Campaign> campaign = get(campaignId);
        if (!campaign)
            return std::unexpected(campaign.error());
        q.addBindValue(campaign->uid);
    }
    if (state)
        q.addBindValue(toText(*state));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    QList<OutboxRow> rows;
    while (q.next()) {
        OutboxRow r;
        r.id = q.value(0).toLongLong();
        r.phone = q.value(1).toString();
        r.name = q.value(2).toString();
        r.state = storedState(q.value(3).toString());
        r.reason = q.value(4).toString();
        r.messageId = q.value(5).toString();
        r.segments = q.value(6).toInt();
        r.attempts = q.value(7).toInt();
        r.cost = q.value(8).toString();
        r.network = q.value(9).toString();
        r.updated = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
        if (!q.value(11).isNull())
            r.confirmed = QDateTime::fromMSecsSinceEpoch(q.value(11).toLongLong(), Qt::UTC);
        rows.append(r);
    }
    return rows;
}

} // namespace kengele
