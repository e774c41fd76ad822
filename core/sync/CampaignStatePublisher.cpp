// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignStatePublisher.h"

#include "ReplicaSchema.h"
#include "SyncLog.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "storage/Transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

// Rows changed since ?1 of this computer's campaigns, with what was last published of them.
constexpr const char *ChangedSql
    = "SELECT c.uid, o.phone, o.state, o.reason, o.updated_at, r.version, r.rank, r.state "
      "FROM outbox o INDEXED BY outbox_by_update JOIN campaigns c ON c.id = o.campaign_id "
      "LEFT JOIN campaign_recipients r ON r.campaign_uid = c.uid AND r.phone = o.phone "
      "WHERE o.updated_at >= ?1 AND c.uid IS NOT NULL AND c.origin = ?2 AND substr(o.phone, 1, 10) <> 'forgotten:'";
constexpr const char *UpsertSql
    = "INSERT INTO campaign_recipients(campaign_uid, phone, version, rank, state, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT(campaign_uid, phone) DO UPDATE SET version = excluded.version, rank = excluded.rank, "
      "state = excluded.state, reason = excluded.reason";
constexpr const char *TickSql = "UPDATE sync_state SET hlc = kengele_hlc_next(hlc) WHERE id = 1";
constexpr const char *LogSql = "INSERT INTO change_log(entity, uid, fields, prev, hlc, user) "
                               "SELECT ?1, ?2, ?3, NULL, hlc, '' FROM sync_state WHERE id = 1";

} // namespace

CampaignStatePublisher::CampaignStatePublisher(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

int CampaignStatePublisher::rank(QStringView state)
{
    static const QHash<QString, int> ranks{{u"queued"_s, 1}, {u"submitting"_s, 2}, {u"uncertain"_s, 3}, {u"sent"_s, 4},
                                           {u"failed"_s, 5}, {u"delivered"_s, 6},  {u"cancelled"_s, 7}};
    return ranks.value(state.toString(), 0);
}

Result<CampaignStatePublisher::Published> CampaignStatePublisher::publish()
{
    const QSqlDatabase db = m_database.connection();
    const QString what = tr("Sharing the states of the messages sent from this computer");
    Transaction transaction(db);
    if (Status began = transaction.began(what); !began)
        return std::unexpected(began.error());
    qint64 publishedAt = 0;
    QString device;
    {
        SqliteStatement s(db, "SELECT states_published_at, device FROM sync_state WHERE id = 1");
        if (!s.isValid() || !s.next())
            return std::unexpected(s.error(what));
        publishedAt = s.columnInt64(0);
        device = s.columnText(1);
    }
    const qint64 now = m_clock.nowMs();
    // The clock went back behind the last publish: rows changed since carry older times; look at all.
    const qint64 from = now < publishedAt ? 0 : qMax<qint64>(0, publishedAt - MarginMs);

    SqliteStatement changed(db, ChangedSql);
    SqliteStatement upsert(db, UpsertSql);
    SqliteStatement tick(db, TickSql);
    SqliteStatement log(db, LogSql);
    for (const SqliteStatement *s : {&changed, &upsert, &tick, &log}) {
        if (!s->isValid())
            return std::unexpected(s->error(what));
    }
    Published out;
    // Per campaign, the recipients whose state moved (kept in order of their campaign's uid).
    QHash<QString, QList<std::pair<QString, QJsonArray>>> moved;
    changed.bind(1, from);
    changed.bind(2, device);
    while (changed.next()) {
        ++out.scanned;
        const QString state = changed.columnText(2);
        const int r = rank(state);
        qint64 version = 1;
        if (!changed.columnIsNull(5)) {
            const qint64 lastVersion = changed.columnInt64(5);
            const int lastRank = changed.columnInt(6);
            if (r == lastRank && state == changed.columnText(7))
                continue; // published already
            version = r > lastRank ? lastVersion : lastVersion + 1; // went back: a new round
        }
        const QString campaign = changed.columnText(0);
        const QString phone = changed.columnText(1);
        const QString reason = state == u"failed" ? changed.columnText(3) : QString();
        upsert.bind(1, campaign);
        upsert.bind(2, phone);
        upsert.bind(3, version);
        upsert.bind(4, qint64(r));
        upsert.bind(5, state);
        upsert.bind(6, reason);
        if (!upsert.exec())
            return std::unexpected(upsert.error(what));
        QJsonArray value{version, r, state};
        if (!reason.isEmpty())
            value.append(reason);
        moved[campaign].append({phone, value});
        ++out.recipients;
    }
    if (changed.failed())
        return std::unexpected(changed.error(what));

    QStringList campaigns = moved.keys();
    campaigns.sort();
    for (const QString &campaign : std::as_const(campaigns)) {
        QList<std::pair<QString, QJsonArray>> &all = moved[campaign];
        std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonObject chunk;
        auto flush = [&]() -> Status {
            if (chunk.isEmpty())
                return {};
            if (!tick.exec())
                return std::unexpected(tick.error(what));
            log.bind(1, QString(ReplicaSchema::CampaignStates));
            log.bind(2, campaign);
            log.bind(3, QString::fromUtf8(QJsonDocument(QJsonObject{{u"states"_s, chunk}}).toJson(QJsonDocument::Compact)));
            if (!log.exec())
                return std::unexpected(log.error(what));
            ++out.operations;
            chunk = QJsonObject();
            return {};
        };
        for (const auto &[phone, value] : std::as_const(all)) {
            chunk.insert(phone, value);
            if (chunk.size() >= ChunkRecipients) {
                if (Status ok = flush(); !ok)
                    return std::unexpected(ok.error());
            }
        }
        if (Status ok = flush(); !ok)
            return std::unexpected(ok.error());
    }
    SqliteStatement mark(db, "UPDATE sync_state SET states_published_at = ?1 WHERE id = 1");
    mark.bind(1, now);
    if (!mark.exec())
        return std::unexpected(mark.error(what));
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (out.recipients > 0)
        qCInfo(lcSync) << "published the states of" << out.recipients << "messages in" << out.operations << "changes";
    return out;
}

} // namespace kengele
