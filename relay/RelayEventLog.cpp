// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayStore's event log: the group commit of hooks (one savepoint per item), the feed a device
// reads, the quarantine, and PostgreSQL's notifications between relay processes. Opening the
// store, organisations and devices are in RelayStore.cpp.
#include "RelayStore.h"
#include "RelayStoreSql.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <functional>

namespace kengele::relay {

using storesql::rolledBack;
using storesql::storable;

namespace {

// One savepoint per item of a group commit (RelayStore::append), so that an item the database
// refuses is undone alone: on PostgreSQL a failed statement otherwise spoils the whole
// transaction, and every hook in the batch would get 503. Each item starts on a savepoint of its
// own. ROLLBACK TO undoes a failed item and keeps the savepoint for the next one; after an item
// that worked, RELEASE keeps its work and SAVEPOINT opens the next one: on PostgreSQL in one round
// trip (its simple protocol runs both statements at once), so that an item costs one round trip
// more than it would without savepoints; on SQLite two prepared statements in the same process,
// which cost next to nothing beside the commit. COMMIT releases the last one.
class ItemSavepoints
{
public:
    using Describe = std::function<QString(const QSqlQuery &)>;

    ItemSavepoints(const QSqlDatabase &db, bool postgres, Describe describe)
        : m_postgres(postgres)
        , m_describe(std::move(describe))
        , m_open(db)
        , m_release(db)
        , m_rollback(db)
    {
        // SQLite prepares them once a batch; PostgreSQL cannot prepare them at all.
        if (!m_postgres) {
            m_open.prepare(QStringLiteral("SAVEPOINT item"));
            m_release.prepare(QStringLiteral("RELEASE SAVEPOINT item"));
            m_rollback.prepare(QStringLiteral("ROLLBACK TO SAVEPOINT item"));
        }
    }

    // Runs one item's statements. The answer is work's own (an error: the item was undone, the
    // transaction goes on), or an error when a savepoint statement failed: the transaction is lost.
    template<typename Work> auto run(Work work) -> std::expected<std::invoke_result_t<Work>, QString>
    {
        if (!start())
            return std::unexpected(m_describe(*m_failed));
        auto answer = work();
        if (answer.has_value()) {
            m_state = State::Used;
        } else {
            if (!exec(m_rollback, QStringLiteral("ROLLBACK TO SAVEPOINT item")))
                return std::unexpected(m_describe(*m_failed));
            m_state = State::Fresh;
        }
        return answer;
    }

private:
    enum class State { None, Fresh, Used };

    bool start()
    {
        switch (m_state) {
        case State::Fresh:
            return true;
        case State::Used:
            if (m_postgres) {
                if (!exec(m_open, QStringLiteral("RELEASE SAVEPOINT item; SAVEPOINT item")))
                    return false;
                m_state = State::Fresh;
                return true;
            }
            if (!exec(m_release, QStringLiteral("RELEASE SAVEPOINT item")))
                return false;
            break;
        case State::None:
            break;
        }
        if (!exec(m_open, QStringLiteral("SAVEPOINT item")))
            return false;
        m_state = State::Fresh;
        return true;
    }

    bool exec(QSqlQuery &query, const QString &sql)
    {
        m_failed = &query;
        return m_postgres ? query.exec(sql) : query.exec();
    }

    bool m_postgres;
    Describe m_describe;
    QSqlQuery m_open, m_release, m_rollback;
    QSqlQuery *m_failed = nullptr;
    State m_state = State::None;
};

} // namespace

QString RelayStore::eventsChannel()
{
    return QStringLiteral("kengele_events");
}

bool RelayStore::subscribeToEvents()
{
    if (!m_postgres)
        return false;
    return database().driver()->subscribeToNotification(eventsChannel());
}

std::expected<AppendOutcome, QString> RelayStore::append(const QList<HookEvent> &events,
                                                         const QList<QuarantinedBody> &quarantined)
{
    QSqlDatabase db = database();
    if (!begin())
        return std::unexpected(error(db.lastError()));
    AppendOutcome outcome;
    outcome.events.fill(EventOutcome::Failed, events.size());
    outcome.quarantined.fill(QuarantineOutcome::Failed, quarantined.size());
    ItemSavepoints savepoints(db, m_postgres, [this](const QSqlQuery &query) { return error(query); });

    // Lock each organisation's row once, for its last sequence number, in a fixed order (two relay
    // processes locking the same organisations in opposite orders would wait for each other). An
    // organisation that cannot be locked fails its own events only.
    QStringList orgIds;
    for (const HookEvent &event : events)
        orgIds.append(event.orgId);
    orgIds.sort();
    orgIds.removeDuplicates();
    QHash<QString, qint64> lastSeq; // organisations locked, with their newest sequence number
    QHash<QString, qint64> firstSeq;
    QHash<QString, QString> lockProblem;
    QSqlQuery &lock = prepared(m_postgres ? QStringLiteral("SELECT last_seq FROM orgs WHERE id = ? FOR UPDATE")
                                          : QStringLiteral("SELECT last_seq FROM orgs WHERE id = ?"));
    for (const QString &orgId : std::as_const(orgIds)) {
        const auto locked = savepoints.run([&]() -> std::expected<qint64, QString> {
            lock.bindValue(0, orgId);
            if (!lock.exec())
                return std::unexpected(error(lock));
            if (!lock.next()) {
                lock.finish();
                return std::unexpected(QStringLiteral("there is no such organisation"));
            }
            const qint64 seq = lock.value(0).toLongLong();
            lock.finish();
            return seq;
        });
        if (!locked)
            return rolledBack(db, locked.error());
        if (*locked) {
            lastSeq.insert(orgId, **locked);
            firstSeq.insert(orgId, **locked);
        } else {
            lockProblem.insert(orgId, locked->error());
        }
    }

    // A duplicate (the provider's retry of a callback already stored) inserts nothing and takes no
    // number; one statement rather than a look-up and an insert.
    QSqlQuery &insert = prepared(
        QStringLiteral("INSERT INTO events (org_id, seq, kind, dedupe_key, received_at, data) VALUES (?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (org_id, kind, dedupe_key) DO NOTHING"));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const HookEvent &event = events.at(i);
        const auto seq = lastSeq.find(event.orgId);
        if (seq == lastSeq.end()) {
            outcome.failures.append(
                QStringLiteral("event %1 org=%2: %3").arg(i).arg(event.orgId, lockProblem.value(event.orgId)));
            continue;
        }
        // A failed event takes no number: the organisation's next event gets the one it would have had.
        const auto stored = savepoints.run([&]() -> std::expected<EventOutcome, QString> {
            insert.bindValue(0, event.orgId);
            insert.bindValue(1, seq.value() + 1);
            insert.bindValue(2, storable(event.kind));
            insert.bindValue(3, storable(event.dedupeKey));
            insert.bindValue(4, event.receivedAt);
            insert.bindValue(5, QString::fromUtf8(event.data));
            if (!insert.exec())
                return std::unexpected(error(insert));
            return insert.numRowsAffected() == 1 ? EventOutcome::Stored : EventOutcome::Duplicate;
        });
        if (!stored)
            return rolledBack(db, stored.error());
        if (!*stored) {
            outcome.failures.append(QStringLiteral("event %1 org=%2: %3").arg(i).arg(event.orgId, stored->error()));
            continue;
        }
        if (**stored == EventOutcome::Stored)
            ++seq.value();
        outcome.events[i] = **stored;
    }
    QSqlQuery &advance = prepared(QStringLiteral("UPDATE orgs SET last_seq = ? WHERE id = ?"));
    for (auto it = lastSeq.cbegin(); it != lastSeq.cend(); ++it) {
        if (it.value() == firstSeq.value(it.key()))
            continue;
        advance.bindValue(0, it.value());
        advance.bindValue(1, it.key());
        if (!advance.exec())
            return rolledBack(db, error(advance));
        if (m_postgres) {
            QSqlQuery &notify = prepared(QStringLiteral("SELECT pg_notify('kengele_events', ?)"));
            notify.bindValue(0, it.key());
            if (!notify.exec())
                return rolledBack(db, error(notify));
            notify.finish();
        }
    }
    if (!quarantined.isEmpty()) {
        QSqlQuery &keep = prepared(QStringLiteral("INSERT INTO quarantine (org_id, kind, reason, content_type, remote, body, "
                                                  "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (qsizetype i = 0; i < quarantined.size(); ++i) {
            const QuarantinedBody &item = quarantined.at(i);
            const auto kept = savepoints.run([&]() -> std::expected<void, QString> {
                keep.bindValue(0, item.orgId.isEmpty() ? QVariant() : QVariant(item.orgId));
                keep.bindValue(1, storable(item.kind));
                keep.bindValue(2, storable(item.reason));
                keep.bindValue(3, storable(item.contentType));
                keep.bindValue(4, storable(item.remote));
                // BYTEA on PostgreSQL, BLOB on SQLite: any bytes, NUL included; an empty body is still kept.
                keep.bindValue(5, item.body.isNull() ? QByteArray("") : item.body);
                keep.bindValue(6, item.receivedAt);
                if (!keep.exec())
                    return std::unexpected(error(keep));
                return {};
            });
            if (!kept)
                return rolledBack(db, kept.error());
            if (!*kept) {
                outcome.failures.append(QStringLiteral("quarantined body %1 org=%2: %3").arg(i).arg(item.orgId, kept->error()));
                continue;
            }
            outcome.quarantined[i] = QuarantineOutcome::Kept;
        }
    }
    if (!db.commit())
        return rolledBack(db, error(db.lastError()));
    return outcome;
}

std::expected<QList<StoredEvent>, QString> RelayStore::eventsAfter(const QString &orgId, qint64 after, int limit)
{
    QSqlQuery &query = prepared(
        QStringLiteral("SELECT seq, kind, received_at, data FROM events WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?"));
    query.bindValue(0, orgId);
    query.bindValue(1, after);
    query.bindValue(2, limit);
    if (!query.exec())
        return std::unexpected(error(query));
    QList<StoredEvent> result;
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toLongLong(),
                       query.value(3).toString().toUtf8()});
    query.finish();
    return result;
}

std::expected<QList<QuarantinedBody>, QString> RelayStore::quarantine(const QString &orgId, int limit)
{
    QSqlQuery query(database());
    if (orgId.isEmpty()) {
        query.prepare(QStringLiteral("SELECT id, org_id, kind, reason, content_type, remote, body, received_at"
                                     " FROM quarantine ORDER BY id DESC LIMIT ?"));
    } else {
        query.prepare(QStringLiteral("SELECT id, org_id, kind, reason, content_type, remote, body, received_at"
                                     " FROM quarantine WHERE org_id = ? ORDER BY id DESC LIMIT ?"));
        query.addBindValue(orgId);
    }
    query.addBindValue(limit);
    if (!query.exec())
        return std::unexpected(error(query));
    QList<QuarantinedBody> result;
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                       query.value(6).toByteArray(), query.value(7).toLongLong()});
    return result;
}

} // namespace kengele::relay
