#include "CampaignService.h"

#include "OutboxStore.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "contacts/ContactMergeValues.h"
#include "messaging/MessageTemplate.h"
#include "messaging/SegmentCounter.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/TokenLedger.h"

#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

constexpr int MaxCampaignName = 100;

QString statusFor(const QDateTime &scheduledAt, qint64 nowMs)
{
    return scheduledAt.isValid() && scheduledAt.toMSecsSinceEpoch() > nowMs ? QStringLiteral("scheduled") : QStringLiteral("queued");
}

Campaign campaignFromRow(const QSqlQuery &q)
{
    Campaign c;
    c.id = q.value(0).toLongLong();
    c.name = q.value(1).toString();
    c.body = q.value(2).toString();
    c.senderId = q.value(3).toString();
    c.priority = Priority(q.value(4).toInt());
    c.status = q.value(5).toString();
    c.gateway = q.value(6).toString();
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
    return c;
}

const QString SelectCampaigns = QStringLiteral(
    "SELECT id, name, body, sender_id, priority, status, gateway, scheduled_at, created_at, launched_at, finished_at, "
    "recipients, segments, tokens, coalesce(account_id, 0), status_reason FROM campaigns ");

} // namespace

CampaignService::CampaignService(Database &database, TokenLedger &ledger, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_ledger(ledger)
    , m_clock(clock)
{
}

Result<CampaignService::Rendered> CampaignService::render(const CampaignDraft &draft, int samples) const
{
    if (draft.body.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("The message is empty. Write the text or choose a template."));
    const MessageTemplate parsed(draft.body);
    if (Status sendable = parsed.checkSendable(); !sendable)
        return std::unexpected(sendable.error());
    if (draft.groupIds.isEmpty() && draft.contactIds.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Choose at least one group or person to send to."));
    if (draft.scheduledAt.isValid() && draft.scheduledAt.toMSecsSinceEpoch() < m_clock.nowMs() - m_limits.pastScheduleGraceMs) {
        return fail(ErrorCode::InvalidInput,
                    tr("The chosen time, %1, has already passed. Choose a later time or send now.")
                        .arg(QLocale().toString(draft.scheduledAt.toLocalTime(), QLocale::ShortFormat)));
    }

    // Snapshot the recipients: members of the chosen groups, then the single contacts; each number
    // once (the first group that names a person gives {group}); opted-out numbers left out.
    Rendered out;
    QSqlDatabase db = m_database.connection();
    QHash<qint64, bool> seen;
    QStringList emptyGroups;
    auto collect = [&](QSqlQuery &q, const QString &groupName) -> Status {
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Reading the recipients")));
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (seen.contains(id)) {
                ++out.preview.duplicates;
                continue;
            }
            seen.insert(id, true);
            if (q.value(4).toBool()) {
                ++out.preview.optedOut;
                continue;
            }
            out.recipients.append(Recipient{id, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), groupName});
        }
        return {};
    };
    const QString select = QStringLiteral("SELECT c.id, c.first_name, c.last_name, c.phone, o.phone IS NOT NULL FROM ");
    for (const qint64 groupId : draft.groupIds) {
        QSqlQuery name(db);
        name.prepare(QStringLiteral("SELECT name FROM groups WHERE id = ?"));
        name.addBindValue(groupId);
        if (!name.exec() || !name.next())
            return fail(ErrorCode::NotFound, tr("One of the chosen groups no longer exists."));
        const QString groupName = name.value(0).toString();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(select + QStringLiteral("group_members gm JOIN contacts c ON c.id = gm.contact_id "
                                          "LEFT JOIN opt_outs o ON o.phone = c.phone WHERE gm.group_id = ? ORDER BY c.id"));
        q.addBindValue(groupId);
        const int before = int(out.recipients.size());
        if (Status ok = collect(q, groupName); !ok)
            return std::unexpected(ok.error());
        if (out.recipients.size() == before)
            emptyGroups << groupName;
    }
    for (const qint64 contactId : draft.contactIds) {
        QSqlQuery q(db);
        q.prepare(select + QStringLiteral("contacts c LEFT JOIN opt_outs o ON o.phone = c.phone WHERE c.id = ?"));
        q.addBindValue(contactId);
        if (Status ok = collect(q, QString()); !ok)
            return std::unexpected(ok.error());
    }
    if (out.recipients.isEmpty()) {
        if (out.preview.optedOut > 0)
            return fail(ErrorCode::InvalidInput, tr("Nobody to send to: everyone chosen (%n person(s)) has opted out of messages.", nullptr,
                                                    out.preview.optedOut));
        return fail(ErrorCode::InvalidInput, tr("Nobody to send to: the chosen groups have no members."));
    }

    // Render every message and count its parts: personalised texts differ in length.
    const QString today = mergeDate(m_clock.nowUtc().toLocalTime().date());
    const bool personalised = parsed.isPersonalised();
    out.texts.reserve(out.recipients.size());
    out.segments.reserve(out.recipients.size());
    bool anyUnicode = false;
    bool anyGsm = false;
    QString shared;
    int sharedSegments = 0;
    if (!personalised) {
        shared = parsed.render({});
        const SegmentInfo info = SegmentCounter::count(shared);
        sharedSegments = info.segments;
        anyUnicode = info.isUnicode();
        anyGsm = !anyUnicode;
    }
    MergeValues values;
    values.date = today;
    for (const Recipient &r : std::as_const(out.recipients)) {
        if (!personalised) {
            out.texts.append(shared);
            out.segments.append(sharedSegments);
            continue;
        }
        values.firstName = r.firstName;
        values.lastName = r.lastName;
        values.name = r.lastName.isEmpty() ? r.firstName : r.firstName.isEmpty() ? r.lastName : r.firstName + u' ' + r.lastName;
        values.phone = r.phone;
        values.group = r.group;
        QString text = parsed.render(values);
        const SegmentInfo info = SegmentCounter::count(text);
        anyUnicode = anyUnicode || info.isUnicode();
        anyGsm = anyGsm || !info.isUnicode();
        out.segments.append(info.segments);
        out.texts.append(std::move(text));
    }

    CampaignPreview &p = out.preview;
    p.recipients = int(out.recipients.size());
    p.personalised = personalised;
    p.encoding = anyUnicode && anyGsm ? QStringLiteral("mixed") : anyUnicode ? QStringLiteral("UCS-2") : QStringLiteral("GSM-7");
    for (const int s : std::as_const(out.segments)) {
        p.segments += s;
        p.maxSegments = qMax(p.maxSegments, s);
    }
    p.tokens = draft.chargeTokens ? p.segments : 0;
    for (int i = 0; i < qMin(samples, int(out.texts.size())); ++i)
        p.samples << out.texts.at(i);
    if (p.maxSegments > m_limits.maxSegments) {
        return fail(ErrorCode::InvalidInput,
                    tr("The message is too long: %1 SMS parts for one person (at most %2 are allowed). Shorten it, "
                       "or send it as two messages.")
                        .arg(p.maxSegments)
                        .arg(m_limits.maxSegments));
    }
    if (p.maxSegments > m_limits.warnSegments)
        p.warnings << tr("Long message: up to %1 SMS parts per person, each costing one token.").arg(p.maxSegments);
    if (anyUnicode)
        p.warnings << tr("The message needs Unicode (UCS-2): only 70 characters fit in one SMS part.");
    if (!emptyGroups.isEmpty())
        p.warnings << tr("Nobody to send to in: %1.").arg(emptyGroups.join(QStringLiteral(", ")));
    return out;
}

Result<CampaignPreview> CampaignService::preview(const CampaignDraft &draft, int samples) const
{
    Result<Rendered> rendered = render(draft, samples);
    if (!rendered)
        return std::unexpected(rendered.error());
    CampaignPreview preview = rendered->preview;
    const Result<qint64> account = m_ledger.accountId(draft.accountName);
    if (!account)
        return std::unexpected(account.error());
    const Result<qint64> balance = m_ledger.balance(*account);
    if (!balance)
        return std::unexpected(balance.error());
    preview.balance = int(*balance);
    return preview;
}

Result<Campaign> CampaignService::launch(const CampaignDraft &draft, const QString &userName)
{
    const QString name = draft.name.simplified().left(MaxCampaignName);
    QSqlDatabase db = m_database.connection();
    // Reads and writes in one transaction: the snapshot, the outbox and the reservation agree.
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(ErrorCode::Storage, tr("The data file is busy; nothing was queued. Try again in a moment."));
    Result<Rendered> rendered = render(draft, 0);
    if (!rendered)
        return std::unexpected(rendered.error());
    const CampaignPreview &p = rendered->preview;
    const Result<qint64> account = m_ledger.accountId(draft.accountName);
    if (!account)
        return std::unexpected(account.error());

    const qint64 now = m_clock.nowMs();
    const qint64 due = draft.scheduledAt.isValid() ? qMax(now, draft.scheduledAt.toMSecsSinceEpoch()) : now;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO campaigns(name, body, template_id, sender_id, priority, status, gateway, scheduled_at, "
                                  "account_id, recipients, segments, tokens, created_at, launched_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(sqlText(name.isEmpty() ? tr("Message of %1").arg(QLocale().toString(m_clock.nowUtc().toLocalTime(), QLocale::ShortFormat)) : name));
    insert.addBindValue(draft.body);
    insert.addBindValue(draft.templateId > 0 ? QVariant(draft.templateId) : QVariant());
    insert.addBindValue(sqlText(draft.senderId.trimmed()));
    insert.addBindValue(int(draft.priority));
    insert.addBindValue(statusFor(draft.scheduledAt, now));
    insert.addBindValue(draft.gateway);
    insert.addBindValue(due);
    insert.addBindValue(*account);
    insert.addBindValue(p.recipients);
    insert.addBindValue(p.segments);
    insert.addBindValue(p.tokens);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec())
        return std::unexpected(Database::storageError(insert.lastError(), tr("Queuing the campaign")));
    const qint64 campaignId = insert.lastInsertId().toLongLong();

    QSqlQuery target(db);
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

    QList<NewMessage> messages;
    messages.reserve(rendered->recipients.size());
    for (qsizetype i = 0; i < rendered->recipients.size(); ++i) {
        const Recipient &r = rendered->recipients.at(i);
        messages.append(NewMessage{r.contactId, r.phone, r.lastName.isEmpty() ? r.firstName : r.firstName + u' ' + r.lastName,
                                   rendered->texts.at(i), rendered->segments.at(i)});
    }
    if (Status written = OutboxStore::insertQueued(db, campaignId, int(draft.priority), due, now, messages); !written)
        return std::unexpected(written.error());

    if (p.tokens > 0) {
        if (Status reserved = m_ledger.reserveInTransaction(db, *account, campaignId, p.tokens, userName); !reserved)
            return std::unexpected(reserved.error());
    }
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcCampaigns) << "launched campaign" << campaignId << "recipients" << p.recipients << "segments" << p.segments;
    if (p.tokens > 0)
        m_ledger.notifyBulkChange();
    Q_EMIT campaignsChanged();
    return get(campaignId);
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
    states.prepare(QStringLiteral("SELECT state, count(*) FROM outbox WHERE campaign_id = ? GROUP BY state"));
    states.addBindValue(id);
    if (!states.exec())
        return std::unexpected(Database::storageError(states.lastError(), tr("Reading the campaign")));
    for (const char *state : {"queued", "submitting", "sent", "delivered", "failed", "uncertain", "cancelled"})
        campaign.states.insert(QString::fromLatin1(state), 0);
    while (states.next())
        campaign.states.insert(states.value(0).toString(), states.value(1).toInt());
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

Result<int> CampaignService::countRecipients(qint64 campaignId, const QString &state) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE campaign_id = ?") + (state.isEmpty() ? QString() : QStringLiteral(" AND state = ?")));
    q.addBindValue(campaignId);
    if (!state.isEmpty())
        q.addBindValue(state);
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the campaign")));
    return q.value(0).toInt();
}

Result<QList<OutboxRow>> CampaignService::recipients(qint64 campaignId, const QString &state, int offset, int limit) const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, phone, name, state, reason, coalesce(message_id, ''), segments, attempts, cost, network, updated_at "
                             "FROM outbox WHERE campaign_id = ?")
              + (state.isEmpty() ? QString() : QStringLiteral(" AND state = ?")) + QStringLiteral(" ORDER BY id LIMIT ? OFFSET ?"));
    q.addBindValue(campaignId);
    if (!state.isEmpty())
        q.addBindValue(state);
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
        r.state = q.value(3).toString();
        r.reason = q.value(4).toString();
        r.messageId = q.value(5).toString();
        r.segments = q.value(6).toInt();
        r.attempts = q.value(7).toInt();
        r.cost = q.value(8).toString();
        r.network = q.value(9).toString();
        r.updated = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong(), Qt::UTC);
        rows.append(r);
    }
    return rows;
}

} // namespace kengele
