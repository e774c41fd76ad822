// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Over 700 lines, and not split yet: every merge rule (fields by last writer, deletions, add-wins
// tags, joining rows that claim one number or name, campaign states, ledger transfers) runs inside
// one Session object that owns the transaction, the prepared-statement cache on the raw handle, the
// clock comparisons and the report. Splitting the rules into files means first moving that object
// into a private header; until then one file keeps one transaction's rules readable together.

#include "ReplicaApplier.h"

#include "Hlc.h"
#include "ReplicaSchema.h"
#include "ReplicaSqlFunctions.h"
#include "ReplicaStatement.h"
#include "SyncLog.h"
#include "SyncOpCodec.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "storage/Transaction.h"
#include "tokens/LedgerReplay.h"

#include <QCborArray>
#include <QCborMap>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

// A field's clock: who wrote its current value, when, and what that write replaced.
struct FieldClock {
    bool exists = false;
    quint64 hlc = 0;
    QString device;
    QString user;
    quint64 prev = 0;
    QCborValue value; // kept beside the clock (null when the row holds it)
};

bool newer(quint64 hlc, const QString &device, const FieldClock &than)
{
    if (!than.exists)
        return true;
    return hlc != than.hlc ? hlc > than.hlc : device > than.device;
}

bool newer(const FieldClock &a, const FieldClock &than)
{
    return a.exists && newer(a.hlc, a.device, than);
}

using Clocks = QHash<QString, FieldClock>;

// The clock of a field: its own, or the row's creation ('*') when that is newer.
// A deletion is never older than the row: once deleted (by any uid later found to be the same
// row), deleted, whatever the clocks of its creation or edits say.
FieldClock effective(const Clocks &clocks, const QString &field)
{
    const FieldClock own = clocks.value(field);
    if (field == u"_deleted")
        return own;
    const FieldClock created = clocks.value(u"*"_s);
    return newer(created, own) ? created : own;
}

// One apply() call: the connection, its statements, this computer's clock and device.
class Session final
{
public:
    Session(sqlite3 *db, const Clock &clock, ReplicaApplier::Report &report)
        : m_db(db)
        , m_now(clock.nowMs())
        , m_report(report)
    { }

    bool failed() const { return m_failed; }
    QString failure() const { return m_failure; }

    bool load()
    {
        ReplicaStatement &s = stmt("SELECT hlc, device FROM sync_state WHERE id = 1");
        if (!s.next()) {
            s.reset();
            return fail("sync_state");
        }
        m_hlc = quint64(s.int64(0));
        m_device = s.text(1);
        s.reset();
        return true;
    }

    bool save()
    {
        return exec(stmt("UPDATE sync_state SET hlc = ?1, last_in = CASE WHEN ?2 THEN ?3 ELSE last_in END WHERE id = 1")
                        .bind(1, m_hlc)
                        .bind(2, m_received ? 1 : 0)
                        .bind(3, m_now));
    }

    // Parked operations whose time has come, taken out of the parking table.
    QList<SyncOp> unpark()
    {
        QList<SyncOp> out;
        const quint64 limit = Hlc::pack(m_now + Hlc::MaxAheadMs, Hlc::CounterMask);
        ReplicaStatement &s = stmt("SELECT op FROM sync_parked WHERE hlc <= ?1 ORDER BY hlc");
        s.bind(1, limit);
        while (s.next()) {
            if (std::optional<SyncOp> op = SyncOpCodec::decodeOne(s.blob(0)))
                out.append(std::move(*op));
        }
        s.reset();
        exec(stmt("DELETE FROM sync_parked WHERE hlc <= ?1").bind(1, limit));
        m_report.unparked = int(out.size());
        return out;
    }

    // Other computers' ledger operations arrived: this computer's lots and summaries are counted
    // again afterwards (LedgerReplay), inside the same transaction: from the new transfers on
    // (rows firstNewTransfer() and up) when nothing older changed, else all of them.
    bool ledgerChanged() const { return m_ledger; }
    bool ledgerNeedsRebuild() const { return m_ledgerCleared; }
    qint64 firstNewTransfer() const { return m_firstNewTransfer; }

    void applyAll(QList<SyncOp> ops)
    {
        std::sort(ops.begin(), ops.end());
        ops.erase(std::unique(ops.begin(), ops.end()), ops.end());
        for (const SyncOp &op : std::as_const(ops)) {
            if (op.entity == ReplicaSchema::TokenTransfer)
                m_ledger = true;
            if (op.entity == ReplicaSchema::TokenAccount) {
                // Cleared first: joining two accounts moves their references; all is recounted.
                m_ledger = true;
                clearLots();
                break;
            }
        }
        qsizetype i = 0;
        while (i < ops.size() && !m_failed) {
            // One group: the fields one write of one row changed (same entity, uid, hlc, device).
            qsizetype j = i + 1;
            while (j < ops.size() && ops[j].hlc == ops[i].hlc && ops[j].device == ops[i].device && ops[j].entity == ops[i].entity
                   && ops[j].uid == ops[i].uid)
                ++j;
            const QList<SyncOp> group = ops.mid(i, j - i);
            i = j;
            const SyncOp &first = group.first();
            if (Hlc::tooFarAhead(first.hlc, m_now)) {
                park(group);
                continue;
            }
            m_hlc = Hlc::receive(m_hlc, first.hlc, m_now);
            m_received = true;
            if (first.entity == ReplicaSchema::Staff)
                m_staff = true;
            if (const ReplicaEntity *e = ReplicaSchema::rowEntity(first.entity))
                applyRow(*e, group);
            else if (first.entity == ReplicaSchema::Membership)
                applyMembership(group);
            else if (first.entity == ReplicaSchema::OptOut)
                applyOptOut(group);
            else if (first.entity == ReplicaSchema::CampaignStates)
                applyCampaignStates(group);
            else if (first.entity == ReplicaSchema::TokenTransfer)
                applyTransfer(group);
            else if (first.entity == ReplicaSchema::AuditEntry)
                applyAuditEntry(group);
            else
                keepUnknown(group);
        }
        if (m_ledger)
            retryWaitingTransfers();
        if (m_staff)
            keepAnAdministrator();
    }

private:
    // ---- statements -------------------------------------------------------------------------

    ReplicaStatement &stmt(const QByteArray &sql)
    {
        auto it = m_statements.find(sql);
        if (it == m_statements.end())
            it = m_statements.emplace(sql, std::make_unique<ReplicaStatement>(m_db, sql)).first;
        if (!it->second->ok())
            fail(sql.constData());
        return *it->second;
    }
    ReplicaStatement &stmt(const char *sql) { return stmt(QByteArray(sql)); }
    ReplicaStatement &stmt(const QString &sql) { return stmt(sql.toUtf8()); }

    bool exec(ReplicaStatement &s)
    {
        if (m_failed)
            return false;
        if (!s.exec()) {
            m_failure = QString::fromUtf8(sqlite3_errmsg(m_db));
            s.clearError();
            m_failed = true;
            return false;
        }
        return true;
    }

    bool fail(const char *what)
    {
        if (!m_failed) {
            m_failed = true;
            m_failure = QString::fromUtf8(sqlite3_errmsg(m_db)) + u" ("_s + QString::fromUtf8(what).left(80) + u')';
        }
        return false;
    }

    // ---- helpers ----------------------------------------------------------------------------

    QString resolve(const QString &entity, QString uid)
    {
        for (int hops = 0; hops < 64; ++hops) {
            ReplicaStatement &s = stmt("SELECT canonical FROM sync_aliases WHERE entity = ?1 AND uid = ?2");
            s.bind(1, entity).bind(2, uid);
            if (!s.next()) {
                s.reset();
                return uid;
            }
            uid = s.text(0);
            s.reset();
        }
        return uid;
    }

    Clocks clocksOf(const QString &entity, const QString &uid)
    {
        Clocks clocks;
        ReplicaStatement &s
            = stmt("SELECT field, hlc, device, user, prev, value FROM sync_clocks WHERE entity = ?1 AND uid = ?2");
        s.bind(1, entity).bind(2, uid);
        while (s.next()) {
            FieldClock c;
            c.exists = true;
            c.hlc = quint64(s.int64(1));
            c.device = s.text(2);
            if (c.device.isEmpty())
                c.device = m_device; // written here
            c.user = s.text(3);
            c.prev = quint64(s.int64(4));
            c.value = s.value(5);
            clocks.insert(s.text(0), c);
        }
        s.reset();
        return clocks;
    }

    void putClock(const QString &entity, const QString &uid, const QString &field, const FieldClock &c, const QCborValue &value)
    {
        exec(stmt("INSERT OR REPLACE INTO sync_clocks(entity, uid, field, hlc, device, user, prev, value) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                 .bind(1, entity)
                 .bind(2, uid)
                 .bind(3, field)
                 .bind(4, c.hlc)
                 .bind(5, c.device)
                 .bind(6, c.user)
                 .bind(7, c.prev)
                 .bind(8, value));
    }

    static FieldClock clockOf(const SyncOp &op) { return FieldClock{true, op.hlc, op.device, op.user, op.prev, {}}; }

    std::optional<qint64> rowId(const ReplicaEntity &e, const QString &uid)
    {
        ReplicaStatement &s = stmt(u"SELECT id FROM %1 WHERE uid = ?1"_s.arg(e.table));
        s.bind(1, uid);
        std::optional<qint64> id;
        if (s.next())
            id = s.int64(0);
        s.reset();
        return id;
    }

    QCborValue rowValue(const ReplicaEntity &e, qint64 id, QLatin1StringView field)
    {
        ReplicaStatement &s = stmt(u"SELECT %1 FROM %2 WHERE id = ?1"_s.arg(field, e.table));
        s.bind(1, id);
        QCborValue v;
        if (s.next())
            v = s.value(0);
        s.reset();
        return v;
    }

    // The value of a field of a row: kept beside its clock (a change that could not be written
    // yet), else the row's.
    QCborValue valueOf(const ReplicaEntity &e, const Clocks &clocks, std::optional<qint64> id, QLatin1StringView field)
    {
        const FieldClock own = clocks.value(QString(field));
        // Without a row, the value kept beside the clock is the value, NULL included (a budget
        // without a warning level); with one, a NULL there means the row holds it.
        if (own.exists && !own.value.isUndefined() && (!id || !own.value.isNull()))
            return own.value;
        if (id)
            return rowValue(e, *id, field);
        return {};
    }

    // Another row (its uid) that holds this value in the entity's unique field.
    std::optional<QString> holderOf(const ReplicaEntity &e, const QCborValue &value, const QString &except1,
                                    const QString &except2)
    {
        if (e.uniqueField.isEmpty() || value.isNull() || value.isUndefined())
            return std::nullopt;
        ReplicaStatement &s
            = stmt(u"SELECT uid FROM %1 WHERE %2 = ?1 AND uid <> ?2 AND uid <> ?3 LIMIT 1"_s.arg(e.table, e.uniqueField));
        s.bind(1, value).bind(2, except1).bind(3, except2);
        std::optional<QString> uid;
        if (s.next())
            uid = s.text(0);
        s.reset();
        return uid;
    }

    QCborValue dumpValue(const ReplicaEntity &e, const QString &uid, QLatin1StringView field)
    {
        if (const std::optional<qint64> id = rowId(e, uid))
            return rowValue(e, *id, field);
        return {};
    }

    void conflict(const QString &entity, const QString &uid, const QString &field, QCborValue kept, const FieldClock &keptBy,
                  QCborValue lost, const FieldClock &lostBy)
    {
        if (kept == lost)
            return; // both wrote the same (two computers setting one setting for the first time): nothing lost
        // Recent conflicts says a password was set on two computers, never the hashes.
        if (entity == ReplicaSchema::Staff && field == u"password_hash")
            kept = lost = QCborValue(QCborValue::Null);
        ReplicaStatement &s
            = stmt("INSERT OR IGNORE INTO sync_conflicts(entity, uid, field, kept, kept_user, kept_device, kept_hlc, lost, "
                   "lost_user, lost_device, lost_hlc, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
        s.bind(1, entity)
            .bind(2, uid)
            .bind(3, field)
            .bind(4, kept)
            .bind(5, keptBy.user)
            .bind(6, keptBy.device)
            .bind(7, keptBy.hlc);
        s.bind(8, lost).bind(9, lostBy.user).bind(10, lostBy.device).bind(11, lostBy.hlc).bind(12, m_now);
        if (exec(s) && sqlite3_changes(m_db) > 0)
            ++m_report.conflicts;
    }

    // A write wins or loses against the current value; when its author had not seen the value it
    // beats (the value it replaced there is older than ours), or ours was written without seeing
    // it, the two were concurrent and the loser is listed.
    bool concurrent(const FieldClock &winner, const FieldClock &loser)
    {
        return winner.device != loser.device && winner.prev < loser.hlc;
    }

    void emitAlias(const QString &entity, const QString &alias, const QString &canonical)
    {
        m_hlc = Hlc::send(m_hlc, m_now);
        const QByteArray fields = QJsonDocument(QJsonObject{{u"_alias"_s, canonical}}).toJson(QJsonDocument::Compact);
        exec(stmt("INSERT INTO change_log(entity, uid, fields, prev, hlc, user) VALUES (?1, ?2, ?3, NULL, ?4, '')")
                 .bind(1, entity)
                 .bind(2, alias)
                 .bind(3, QString::fromUtf8(fields))
                 .bind(4, m_hlc));
    }

    // ---- rows -------------------------------------------------------------------------------

    void applyRow(const ReplicaEntity &e, const QList<SyncOp> &group)
    {
        const QString entity = group.first().entity;
        const QString uid = resolve(entity, group.first().uid);
        // "_alias": the author found this row to be the same as another.
        QList<SyncOp> fields;
        for (const SyncOp &op : group) {
            if (op.field == u"_alias") {
                const QString other = resolve(entity, op.value.toString());
                if (other != uid && !other.isEmpty()) {
                    join(e, uid, other, false);
                    ++m_report.applied;
                } else {
                    ++m_report.ignored;
                }
            } else {
                fields.append(op);
            }
        }
        if (fields.isEmpty() || m_failed)
            return;

        const Clocks clocks = clocksOf(entity, uid);
        const bool deleted = clocks.contains(u"_deleted"_s);
        const std::optional<qint64> id = deleted ? std::nullopt : rowId(e, uid);
        std::map<QString, QCborValue> winners;
        bool deletes = false;
        for (const SyncOp &op : fields) {
            const bool known = op.field == u"_deleted" || e.fields.contains(QLatin1StringView(op.field.toLatin1()));
            if (!known) {
                keepUnknown({op});
                continue;
            }
            const FieldClock current = effective(clocks, op.field);
            const FieldClock incoming = clockOf(op);
            if (!newer(op.hlc, op.device, current)) {
                // Already known, or lost to a newer value; listed when the two were concurrent.
                if (current.exists && (current.hlc != op.hlc || current.device != op.device) && !deleted
                    && op.field != u"_deleted" && concurrent(current, incoming)) {
                    conflict(entity, uid, op.field, valueOf(e, clocks, id, QLatin1StringView(op.field.toLatin1())), current,
                             op.value, incoming);
                }
                ++m_report.ignored;
                continue;
            }
            ++m_report.applied;
            if (op.field == u"_deleted") {
                putClock(entity, uid, op.field, incoming, QCborValue(1));
                deletes = true;
                continue;
            }
            if (deleted) {
                // Edits never bring a deleted row back; the clock is kept so the order stays known.
                putClock(entity, uid, op.field, incoming, {});
                continue;
            }
            if (current.exists && concurrent(incoming, current)) {
                conflict(entity, uid, op.field, op.value, incoming,
                         valueOf(e, clocks, id, QLatin1StringView(op.field.toLatin1())), current);
            }
            putClock(entity, uid, op.field, incoming, id ? QCborValue() : op.value);
            winners[op.field] = op.value;
        }
        if (m_failed)
            return;
        if (deletes) {
            if (id)
                exec(stmt(u"DELETE FROM %1 WHERE id = ?1"_s.arg(e.table)).bind(1, *id));
            return;
        }
        if (deleted || winners.empty())
            return;
        if (!id) {
            materialize(e, uid);
            return;
        }
        // The row is here: write the winning values, unless the unique one is another row's.
        if (!e.uniqueField.isEmpty()) {
            const auto unique = winners.find(QString(e.uniqueField));
            if (unique != winners.end()) {
                if (const std::optional<QString> other = holderOf(e, unique->second, uid, uid)) {
                    // Keep the value beside its clock; joining the two rows writes it.
                    FieldClock c = clocksOf(entity, uid).value(unique->first);
                    putClock(entity, uid, unique->first, c, unique->second);
                    winners.erase(unique);
                    writeFields(e, *id, winners);
                    join(e, uid, *other, true);
                    return;
                }
            }
        }
        writeFields(e, *id, winners);
    }

    void writeFields(const ReplicaEntity &e, qint64 id, const std::map<QString, QCborValue> &values)
    {
        if (values.empty())
            return;
        QStringList sets;
        int n = 1;
        for (const auto &[field, value] : values)
            sets << u"%1 = ?%2"_s.arg(field).arg(n++);
        if (e.hasUpdatedAt)
            sets << u"updated_at = ?%1"_s.arg(n++);
        ReplicaStatement &s
            = stmt(u"UPDATE "_s + e.table + u" SET "_s + sets.join(u", "_s) + u" WHERE id = ?"_s + QString::number(n));
        n = 1;
        for (const auto &[field, value] : values)
            s.bind(n++, value);
        if (e.hasUpdatedAt)
            s.bind(n++, m_now);
        s.bind(n, id);
        exec(s);
    }

    // Writes a row that is not here yet from the values kept beside its clocks, once it has what
    // it cannot do without; joins it with the row that already holds its number or name.
    void materialize(const ReplicaEntity &e, const QString &uid)
    {
        const QString entity = QString(e.name);
        const Clocks clocks = clocksOf(entity, uid);
        if (clocks.contains(u"_deleted"_s))
            return;
        std::map<QString, QCborValue> values;
        for (QLatin1StringView f : e.fields) {
            const FieldClock c = clocks.value(QString(f));
            if (c.exists && !c.value.isNull() && !c.value.isUndefined())
                values[QString(f)] = c.value;
        }
        for (QLatin1StringView f : e.required) {
            if (!values.contains(QString(f)))
                return; // waits for its creation
        }
        if (!e.uniqueField.isEmpty()) {
            if (const std::optional<QString> other = holderOf(e, values[QString(e.uniqueField)], uid, uid)) {
                join(e, uid, *other, true);
                return;
            }
        }
        if (!values.contains(u"created_at"_s))
            values[u"created_at"_s] = QCborValue(m_now);
        QStringList columns{u"uid"_s};
        QStringList marks{u"?1"_s};
        int n = 2;
        for (const auto &[field, value] : values) {
            columns << field;
            marks << u"?%1"_s.arg(n++);
        }
        if (e.hasUpdatedAt) {
            columns << u"updated_at"_s;
            marks << u"?%1"_s.arg(n++);
        }
        ReplicaStatement &s = stmt(u"INSERT INTO %1(%2) VALUES (%3)"_s.arg(e.table, columns.join(u", "_s), marks.join(u", "_s)));
        s.bind(1, uid);
        n = 2;
        for (const auto &[field, value] : values)
            s.bind(n++, value);
        if (e.hasUpdatedAt)
            s.bind(n++, m_now);
        if (!exec(s))
            return;
        exec(stmt("UPDATE sync_clocks SET value = NULL WHERE entity = ?1 AND uid = ?2 AND field <> '_deleted'")
                 .bind(1, entity)
                 .bind(2, uid));
        materializeMembers(e, uid);
    }

    void materializeMembers(const ReplicaEntity &e, const QString &uid)
    {
        if (e.table == "contacts"_L1) {
            exec(stmt("INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) "
                      "SELECT g.id, c.id, ?2 FROM sync_tags t JOIN groups g ON g.uid = t.a JOIN contacts c ON c.uid = t.b "
                      "WHERE t.entity = 'membership' AND t.b = ?1 AND t.removed = 0")
                     .bind(1, uid)
                     .bind(2, m_now));
        } else if (e.table == "groups"_L1) {
            exec(stmt("INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) "
                      "SELECT g.id, c.id, ?2 FROM sync_tags t JOIN groups g ON g.uid = t.a JOIN contacts c ON c.uid = t.b "
                      "WHERE t.entity = 'membership' AND t.a = ?1 AND t.removed = 0")
                     .bind(1, uid)
                     .bind(2, m_now));
        }
    }

    // The tables whose column holds this table's integer id (foreign keys, and the plain ones).
    const QList<std::pair<QString, QString>> &referencesTo(const ReplicaEntity &e)
    {
        auto it = m_references.find(QString(e.table));
        if (it != m_references.end())
            return *it;
        QList<std::pair<QString, QString>> refs;
        QStringList tables;
        {
            ReplicaStatement &s = stmt("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            while (s.next())
                tables << s.text(0);
            s.reset();
        }
        for (const QString &table : std::as_const(tables)) {
            ReplicaStatement &s = stmt(u"SELECT \"table\", \"from\" FROM pragma_foreign_key_list('%1')"_s.arg(table));
            while (s.next()) {
                if (s.text(0) == e.table)
                    refs.append({table, s.text(1)});
            }
            s.reset();
        }
        for (const auto &[table, column] : e.plainReferences)
            refs.append({QString(table), QString(column)});
        return *m_references.insert(QString(e.table), refs);
    }

    // Two uids are one row: the smaller is canonical. Merges the larger into it field by field
    // (last writer wins), moves what referred to it, and remembers the alias. `discovered`: this
    // computer found it (and tells the others), rather than hearing it from them.
    void join(const ReplicaEntity &e, const QString &a, const QString &b, bool discovered)
    {
        const QString entity = QString(e.name);
        const QString ra = resolve(entity, a);
        const QString rb = resolve(entity, b);
        if (ra == rb || m_failed)
            return;
        if (++m_joinDepth > 16) {
            --m_joinDepth;
            fail("join depth");
            return;
        }
        const auto depth = qScopeGuard([this] { --m_joinDepth; });
        const QString winner = std::min(ra, rb);
        const QString loser = std::max(ra, rb);
        ++m_report.merged;
        exec(stmt("INSERT OR REPLACE INTO sync_aliases(entity, uid, canonical) VALUES (?1, ?2, ?3)")
                 .bind(1, entity)
                 .bind(2, loser)
                 .bind(3, winner));
        exec(stmt("UPDATE sync_aliases SET canonical = ?3 WHERE entity = ?1 AND canonical = ?2")
                 .bind(1, entity)
                 .bind(2, loser)
                 .bind(3, winner));
        if (discovered)
            emitAlias(entity, loser, winner);

        const Clocks wc = clocksOf(entity, winner);
        const Clocks lc = clocksOf(entity, loser);
        const std::optional<qint64> wId = rowId(e, winner);
        const std::optional<qint64> lId = rowId(e, loser);
        const bool deleted = wc.contains(u"_deleted"_s) || lc.contains(u"_deleted"_s);
        if (lc.contains(u"_deleted"_s) && newer(lc.value(u"_deleted"_s), wc.value(u"_deleted"_s)))
            putClock(entity, winner, u"_deleted"_s, lc.value(u"_deleted"_s), QCborValue(1));
        std::map<QString, QCborValue> merged;
        // Two computers' accounts with one user name: what the one lost to the other is listed
        // (their creation time aside), as for one row changed on two computers.
        const bool listLosers = e.name == ReplicaSchema::Staff && !deleted;
        for (QLatin1StringView f : e.fields) {
            const QString field(f);
            const FieldClock cw = effective(wc, field);
            const FieldClock cl = effective(lc, field);
            if (listLosers && cw.exists && cl.exists && f != "created_at"_L1) {
                const QCborValue lv = valueOf(e, lc, lId, f);
                const QCborValue wv = valueOf(e, wc, wId, f);
                if (lv != wv) {
                    if (newer(cl, cw))
                        conflict(entity, winner, field, lv, cl, wv, cw);
                    else
                        conflict(entity, winner, field, wv, cw, lv, cl);
                }
            }
            if (newer(cl, cw)) {
                const QCborValue lv = valueOf(e, lc, lId, f);
                putClock(entity, winner, field, cl, lv);
                merged[field] = lv;
            } else {
                const QCborValue wv = valueOf(e, wc, wId, f);
                if (cw.exists && !wc.contains(field))
                    putClock(entity, winner, field, cw, wv); // the creation clock, made the field's own
                else if (cw.exists)
                    putClock(entity, winner, field, cw, wv);
                merged[field] = wv;
            }
        }
        exec(stmt("DELETE FROM sync_clocks WHERE entity = ?1 AND uid = ?2").bind(1, entity).bind(2, loser));
        if (e.table == "contacts"_L1)
            exec(stmt("UPDATE sync_tags SET b = ?2 WHERE entity = 'membership' AND b = ?1").bind(1, loser).bind(2, winner));
        else if (e.table == "groups"_L1)
            exec(stmt("UPDATE sync_tags SET a = ?2 WHERE entity = 'membership' AND a = ?1").bind(1, loser).bind(2, winner));
        if (m_failed)
            return;

        if (deleted) {
            for (const std::optional<qint64> &id : {lId, wId}) {
                if (id)
                    exec(stmt(u"DELETE FROM %1 WHERE id = ?1"_s.arg(e.table)).bind(1, *id));
            }
            return;
        }
        // Values not yet written stay beside the clocks until the row is written.
        std::optional<qint64> target = wId;
        if (lId && wId) {
            for (const auto &[table, column] : referencesTo(e)) {
                exec(stmt(u"UPDATE OR IGNORE %1 SET %2 = ?2 WHERE %2 = ?1"_s.arg(table, column)).bind(1, *lId).bind(2, *wId));
            }
            exec(stmt(u"DELETE FROM %1 WHERE id = ?1"_s.arg(e.table)).bind(1, *lId));
        } else if (lId) {
            exec(stmt(u"UPDATE %1 SET uid = ?2 WHERE id = ?1"_s.arg(e.table)).bind(1, *lId).bind(2, winner));
            target = lId;
        }
        if (!target) {
            materialize(e, winner);
            return;
        }
        // A third row may hold the merged number or name: join that one too first.
        if (!e.uniqueField.isEmpty()) {
            const QCborValue unique = merged[QString(e.uniqueField)];
            if (const std::optional<QString> other = holderOf(e, unique, winner, winner)) {
                join(e, winner, *other, true);
                return;
            }
        }
        std::map<QString, QCborValue> present;
        for (const auto &[field, value] : merged) {
            if (!value.isUndefined())
                present[field] = value; // NULL too: the winner has no value there
        }
        writeFields(e, *target, present);
        exec(stmt("UPDATE sync_clocks SET value = NULL WHERE entity = ?1 AND uid = ?2 AND field <> '_deleted'")
                 .bind(1, entity)
                 .bind(2, winner));
        materializeMembers(e, winner);
    }

    // ---- staff accounts ---------------------------------------------------------------------

    // Two computers, apart, can each take a different administrator's rights away (or disable
    // them): each was allowed, as another administrator stayed there. When the merge leaves no
    // administrator who can sign in, one is put back, the same one on every computer that holds
    // the same accounts: the account of whoever last changed a role or disabled an account (an
    // administrator when they did it; an account's making counts too); failing that, the disabled administrator with the smallest
    // uid; failing that, the oldest account. The repair is this computer's own change, so it
    // travels; two computers making it write the same values.
    void keepAnAdministrator()
    {
        if (m_failed)
            return;
        {
            ReplicaStatement &s
                = stmt("SELECT EXISTS (SELECT 1 FROM staff), EXISTS (SELECT 1 FROM staff WHERE role = 'administrator' "
                       "AND disabled = 0)");
            const bool needed = s.next() && s.int64(0) != 0 && s.int64(1) == 0;
            s.reset();
            if (!needed)
                return;
        }
        ReplicaStatement &s
            = stmt("SELECT uid FROM (SELECT 0 AS k1, k.hlc AS k2, CASE k.device WHEN '' THEN (SELECT device FROM sync_state) "
                   "ELSE k.device END AS k3, a.uid AS uid FROM sync_clocks k JOIN staff a ON a.user_name = k.user "
                   "WHERE k.entity = 'staff' AND k.field IN ('*', 'role', 'disabled') AND k.user <> '' "
                   "UNION ALL SELECT 1, 0, '', uid FROM staff WHERE role = 'administrator' "
                   "UNION ALL SELECT 2, -created_at, '', uid FROM staff) "
                   "ORDER BY k1, k2 DESC, k3 DESC, uid COLLATE BINARY LIMIT 1");
        QString uid;
        if (s.next())
            uid = s.text(0);
        s.reset();
        const ReplicaEntity *e = ReplicaSchema::rowEntity(QString(ReplicaSchema::Staff));
        const std::optional<qint64> id = rowId(*e, uid);
        if (!id)
            return;
        const QString entity(ReplicaSchema::Staff);
        const Clocks clocks = clocksOf(entity, uid);
        m_hlc = Hlc::send(m_hlc, m_now);
        QJsonObject fields;
        QJsonObject prev;
        const std::pair<QLatin1StringView, QCborValue> repairs[]
            = {{"role"_L1, QCborValue(u"administrator"_s)}, {"disabled"_L1, QCborValue(0)}};
        for (const auto &[field, value] : repairs) {
            const QCborValue was = rowValue(*e, *id, field);
            if (was == value)
                continue;
            const FieldClock before = effective(clocks, QString(field));
            const FieldClock mine{true, m_hlc, m_device, QString(), before.hlc, {}};
            conflict(entity, uid, QString(field), value, mine, was, before);
            putClock(entity, uid, QString(field), FieldClock{true, m_hlc, QString(), QString(), before.hlc, {}}, {});
            fields.insert(QString(field), value.toJsonValue());
            prev.insert(QString(field), qint64(before.hlc));
        }
        if (fields.isEmpty())
            return;
        exec(stmt("UPDATE staff SET role = 'administrator', disabled = 0, updated_at = ?2 WHERE id = ?1")
                 .bind(1, *id)
                 .bind(2, m_now));
        exec(stmt("INSERT INTO change_log(entity, uid, fields, prev, hlc, user) VALUES (?1, ?2, ?3, ?4, ?5, '')")
                 .bind(1, entity)
                 .bind(2, uid)
                 .bind(3, QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)))
                 .bind(4, QString::fromUtf8(QJsonDocument(prev).toJson(QJsonDocument::Compact)))
                 .bind(5, m_hlc));
        ++m_report.repaired;
        qCInfo(lcSync) << "the merged staff accounts had no administrator who can sign in: one was kept administrator";
    }

    // ---- sets -------------------------------------------------------------------------------

    // Records the adds and removes of one set element; returns whether any add of it is alive.
    bool applyTags(const QString &entity, const QString &a, const QString &b, const QList<SyncOp> &group)
    {
        for (const SyncOp &op : group) {
            if (op.field == u"add") {
                exec(stmt("INSERT OR IGNORE INTO sync_tags(tag, entity, a, b, removed) VALUES (?1, ?2, ?3, ?4, 0)")
                         .bind(1, op.value.toString())
                         .bind(2, entity)
                         .bind(3, a)
                         .bind(4, b));
                (sqlite3_changes(m_db) > 0 ? m_report.applied : m_report.ignored)++;
            } else if (op.field == u"remove") {
                const QCborArray tags = op.value.toArray();
                for (const QCborValue &tag : tags) {
                    exec(stmt("INSERT INTO sync_tags(tag, entity, a, b, removed) VALUES (?1, ?2, ?3, ?4, 1) "
                              "ON CONFLICT(tag) DO UPDATE SET removed = 1 WHERE removed = 0")
                             .bind(1, tag.toString())
                             .bind(2, entity)
                             .bind(3, a)
                             .bind(4, b));
                }
                ++m_report.applied;
            }
        }
        ReplicaStatement &s = stmt("SELECT 1 FROM sync_tags WHERE entity = ?1 AND a = ?2 AND b = ?3 AND removed = 0 LIMIT 1");
        s.bind(1, entity).bind(2, a).bind(3, b);
        const bool alive = s.next();
        s.reset();
        return alive;
    }

    void applyMembership(const QList<SyncOp> &group)
    {
        const QString key = group.first().uid;
        const qsizetype slash = key.indexOf(u'/');
        if (slash < 0) {
            keepUnknown(group);
            return;
        }
        const QString g = resolve(u"group"_s, key.left(slash));
        const QString c = resolve(u"contact"_s, key.mid(slash + 1));
        QList<SyncOp> setOps;
        for (const SyncOp &op : group) {
            if (op.field == u"add" || op.field == u"remove")
                setOps.append(op);
            else
                keepUnknown({op});
        }
        const bool alive = applyTags(ReplicaSchema::Membership, g, c, setOps);
        if (alive) {
            exec(stmt("INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) "
                      "SELECT g.id, c.id, ?3 FROM groups g, contacts c WHERE g.uid = ?1 AND c.uid = ?2")
                     .bind(1, g)
                     .bind(2, c)
                     .bind(3, qint64(Hlc::millis(group.first().hlc))));
        } else {
            exec(stmt("DELETE FROM group_members WHERE group_id = (SELECT id FROM groups WHERE uid = ?1) "
                      "AND contact_id = (SELECT id FROM contacts WHERE uid = ?2)")
                     .bind(1, g)
                     .bind(2, c));
        }
    }

    void applyOptOut(const QList<SyncOp> &group)
    {
        const QString phone = group.first().uid;
        const QString entity(ReplicaSchema::OptOut);
        QList<SyncOp> setOps;
        QList<SyncOp> fieldOps;
        for (const SyncOp &op : group) {
            if (op.field == u"add" || op.field == u"remove")
                setOps.append(op);
            else if (ReplicaSchema::optOutFields().contains(QLatin1StringView(op.field.toLatin1())))
                fieldOps.append(op);
            else
                keepUnknown({op});
        }
        // Fields first (their values are kept beside the clocks), then whether the number is out.
        if (!fieldOps.isEmpty()) {
            const Clocks clocks = clocksOf(entity, phone);
            for (const SyncOp &op : std::as_const(fieldOps)) {
                const FieldClock current = effective(clocks, op.field);
                const FieldClock incoming = clockOf(op);
                if (!newer(op.hlc, op.device, current)) {
                    ++m_report.ignored;
                    continue;
                }
                ++m_report.applied;
                putClock(entity, phone, op.field, incoming, op.value);
                exec(stmt(u"UPDATE opt_outs SET %1 = ?1 WHERE phone = ?2"_s.arg(op.field)).bind(1, op.value).bind(2, phone));
            }
        }
        if (setOps.isEmpty())
            return;
        if (applyTags(entity, phone, QString(), setOps)) {
            const Clocks clocks = clocksOf(entity, phone);
            auto valueOr = [&clocks](const QString &field, const QCborValue &fallback) {
                const QCborValue v = clocks.value(field).value;
                return v.isNull() || v.isUndefined() ? fallback : v;
            };
            exec(stmt("INSERT OR IGNORE INTO opt_outs(phone, reason, source, created_at) VALUES (?1, ?2, ?3, ?4)")
                     .bind(1, phone)
                     .bind(2, valueOr(u"reason"_s, QCborValue(u""_s)))
                     .bind(3, valueOr(u"source"_s, QCborValue(u"manual"_s)))
                     .bind(4, valueOr(u"created_at"_s, QCborValue(qint64(Hlc::millis(group.first().hlc))))));
        } else {
            exec(stmt("DELETE FROM opt_outs WHERE phone = ?1").bind(1, phone));
        }
    }

    // ---- campaign states ----------------------------------------------------------------------

    // Recipients' states as the sending computer published them (CampaignStatePublisher): per
    // phone the larger (version, rank) wins (then the state and reason words, so that even two
    // writers could not make computers differ), whatever order they come in.
    void applyCampaignStates(const QList<SyncOp> &group)
    {
        const QString campaign = group.first().uid;
        for (const SyncOp &op : group) {
            if (op.field != u"states" || !op.value.isMap()) {
                keepUnknown({op});
                continue;
            }
            ReplicaStatement &s = stmt(
                "INSERT INTO campaign_recipients(campaign_uid, phone, version, rank, state, reason) VALUES (?1, ?2, ?3, ?4, ?5, "
                "?6) "
                "ON CONFLICT(campaign_uid, phone) DO UPDATE SET version = excluded.version, rank = excluded.rank, "
                "state = excluded.state, reason = excluded.reason "
                "WHERE (excluded.version, excluded.rank, excluded.state, excluded.reason) > "
                "(campaign_recipients.version, campaign_recipients.rank, campaign_recipients.state, campaign_recipients.reason)");
            bool any = false;
            const QCborMap states = op.value.toMap();
            for (auto it = states.constBegin(); it != states.constEnd() && !m_failed; ++it) {
                const QCborArray a = it.value().toArray();
                if (!it.key().isString() || a.size() < 3 || !a.at(0).isInteger() || !a.at(1).isInteger() || !a.at(2).isString())
                    continue;
                s.bind(1, campaign)
                    .bind(2, it.key().toString())
                    .bind(3, a.at(0).toInteger())
                    .bind(4, a.at(1).toInteger())
                    .bind(5, a.at(2).toString())
                    .bind(6, a.size() > 3 && a.at(3).isString() ? a.at(3).toString() : QString(u""_s));
                if (exec(s) && sqlite3_changes(m_db) > 0)
                    any = true;
            }
            (any ? m_report.applied : m_report.ignored)++;
        }
    }

    // ---- the token ledger -------------------------------------------------------------------

    std::optional<qint64> accountId(const QCborValue &uid)
    {
        ReplicaStatement &s = stmt("SELECT id FROM token_accounts WHERE uid = ?1");
        s.bind(1, resolve(QString(ReplicaSchema::TokenAccount), uid.toString()));
        std::optional<qint64> id;
        if (s.next())
            id = s.int64(0);
        s.reset();
        return id;
    }

    // A transfer is grow-only: written once, with its two entries (and a credit's lot), never
    // edited. The same uid from two computers (a voucher credited on both, a lot expired on both)
    // is one transfer: the write with the smaller clock is kept everywhere. One whose accounts
    // have not arrived yet waits in token_transfers_waiting.
    void applyTransfer(const QList<SyncOp> &group)
    {
        const SyncOp &first = group.first();
        QHash<QString, QCborValue> f;
        QList<SyncOp> unknown;
        for (const SyncOp &op : group) {
            if (ReplicaSchema::tokenTransferFields().contains(QLatin1StringView(op.field.toLatin1())))
                f.insert(op.field, op.value);
            else
                unknown.append(op);
        }
        if (!unknown.isEmpty())
            keepUnknown(unknown);
        const QString kind = f.value(u"kind"_s).toString();
        const qint64 tokens = f.value(u"tokens"_s).toInteger();
        static const QStringList kinds{u"grant"_s,   u"purchase"_s, u"reserve"_s, u"spend"_s,
                                       u"release"_s, u"transfer"_s, u"expiry"_s};
        if (!kinds.contains(kind) || tokens <= 0) {
            keepUnknown(group);
            return;
        }
        const std::optional<qint64> from = accountId(f.value(u"from"_s));
        const std::optional<qint64> to = accountId(f.value(u"to"_s));
        if (!from || !to) {
            exec(stmt("INSERT OR IGNORE INTO token_transfers_waiting(uid, hlc, device, ops) VALUES (?1, ?2, ?3, ?4)")
                     .bind(1, first.uid)
                     .bind(2, first.hlc)
                     .bind(3, first.device)
                     .bindBlob(4, SyncOpCodec::encodeOps(group)));
            ++m_report.parked;
            return;
        }
        std::optional<qint64> id;
        {
            ReplicaStatement &s = stmt("SELECT id, hlc, device FROM token_transfers WHERE uid = ?1");
            s.bind(1, first.uid);
            if (s.next()) {
                id = s.int64(0);
                FieldClock existing{true, quint64(s.int64(1)), s.text(2), {}, 0, {}};
                if (existing.device.isEmpty())
                    existing.device = m_device;
                s.reset();
                if (!newer(existing.hlc, existing.device, FieldClock{true, first.hlc, first.device, {}, 0, {}})) {
                    ++m_report.ignored; // the same transfer again, or a later write of it
                    return;
                }
            } else {
                s.reset();
            }
        }
        const QString campaign = f.value(u"campaign"_s).toString();
        const QString mine = m_device + u'/';
        const QCborValue campaignId
            = campaign.startsWith(mine) ? QCborValue(campaign.mid(mine.size()).toLongLong()) : QCborValue();
        if (id) {
            // The same transfer written earlier elsewhere: that write is kept. An older transfer
            // changes, so all is recounted.
            clearLots();
            exec(stmt("DELETE FROM token_entries WHERE transfer_id = ?1").bind(1, *id));
            exec(stmt("DELETE FROM token_lots WHERE transfer_id = ?1").bind(1, *id));
            exec(stmt("UPDATE token_transfers SET kind = ?2, campaign_id = ?3, campaign_ref = ?4, reference = ?5, reason = ?6, "
                      "user_name = ?7, created_at = ?8, hlc = ?9, device = ?10, lot = ?11 WHERE id = ?1")
                     .bind(1, *id)
                     .bind(2, kind)
                     .bind(3, campaignId)
                     .bind(4, campaign)
                     .bind(5, f.value(u"reference"_s).toString())
                     .bind(6, f.value(u"reason"_s).toString())
                     .bind(7, f.value(u"user_name"_s).toString())
                     .bind(8, f.value(u"created_at"_s).toInteger())
                     .bind(9, first.hlc)
                     .bind(10, first.device)
                     .bind(11, f.value(u"lot"_s).toString()));
        } else {
            exec(
                stmt(
                    "INSERT INTO token_transfers(uid, kind, campaign_id, campaign_ref, reference, reason, user_name, created_at, "
                    "hlc, device, lot) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                    .bind(1, first.uid)
                    .bind(2, kind)
                    .bind(3, campaignId)
                    .bind(4, campaign)
                    .bind(5, f.value(u"reference"_s).toString())
                    .bind(6, f.value(u"reason"_s).toString())
                    .bind(7, f.value(u"user_name"_s).toString())
                    .bind(8, f.value(u"created_at"_s).toInteger())
                    .bind(9, first.hlc)
                    .bind(10, first.device)
                    .bind(11, f.value(u"lot"_s).toString()));
            if (m_failed)
                return;
            id = sqlite3_last_insert_rowid(m_db);
            if (m_firstNewTransfer == 0 || *id < m_firstNewTransfer)
                m_firstNewTransfer = *id;
        }
        ReplicaStatement &entry = stmt("INSERT INTO token_entries(transfer_id, account_id, amount) VALUES (?1, ?2, ?3)");
        exec(entry.bind(1, *id).bind(2, *from).bind(3, -tokens));
        exec(entry.bind(1, *id).bind(2, *to).bind(3, tokens));
        if (kind == u"grant" || kind == u"purchase") {
            const QCborValue expires = f.value(u"expires_at"_s);
            exec(stmt("INSERT INTO token_lots(transfer_id, plan, tokens, credited_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                     .bind(1, *id)
                     .bind(2, f.value(u"plan"_s).toString())
                     .bind(3, tokens)
                     .bind(4, f.value(u"created_at"_s).toInteger())
                     .bind(5, expires.isInteger() ? expires : QCborValue()));
        }
        ++m_report.applied;
    }

    // The lots and summaries emptied, to be recounted from all the entries (LedgerReplay::rebuild).
    void clearLots()
    {
        if (m_ledgerCleared)
            return;
        m_ledgerCleared = true;
        for (const char *sql :
             {"DELETE FROM token_entry_lots", "DELETE FROM token_lot_holdings", "DELETE FROM token_spend_hours"})
            exec(stmt(sql));
    }

    // Transfers that waited for their accounts, tried again until no more can go.
    void retryWaitingTransfers()
    {
        for (int round = 0; round < 8 && !m_failed; ++round) {
            QList<QList<SyncOp>> waiting;
            ReplicaStatement &s = stmt("SELECT ops FROM token_transfers_waiting ORDER BY hlc, device, uid");
            while (s.next()) {
                if (const auto decoded = SyncOpCodec::decodeOps(s.blob(0)); decoded && !decoded->ops.isEmpty())
                    waiting.append(decoded->ops);
            }
            s.reset();
            if (waiting.isEmpty())
                return;
            exec(stmt("DELETE FROM token_transfers_waiting"));
            const int before = int(waiting.size());
            const int parkedBefore = m_report.parked;
            for (const QList<SyncOp> &group : std::as_const(waiting))
                applyTransfer(group);
            const int stillWaiting = m_report.parked - parkedBefore;
            m_report.parked = parkedBefore;
            if (stillWaiting == before)
                return;
        }
    }

    // Another computer's audit entry: grow-only, kept as it arrived in audit_remote (keyed by the
    // computer, the entry's number and its hash: the same entry again is one row, two versions of
    // one number are both kept for AuditLog::verifyComputer to report). The uid must name the
    // computer that wrote the operation; this computer's own entries are never taken in (the
    // table's trigger drops them).
    void applyAuditEntry(const QList<SyncOp> &group)
    {
        const SyncOp &first = group.first();
        QHash<QString, QCborValue> f;
        QList<SyncOp> unknown;
        for (const SyncOp &op : group) {
            if (ReplicaSchema::auditEntryFields().contains(QLatin1StringView(op.field.toLatin1())))
                f.insert(op.field, op.value);
            else
                unknown.append(op);
        }
        const qint64 id = f.value(u"id"_s).toInteger();
        const QString hash = f.value(u"hash"_s).toString();
        static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
        bool whole = id > 0 && first.uid == first.device + u'/' + QString::number(id) && hex.match(hash).hasMatch()
            && f.value(u"at"_s).isInteger();
        for (const char *text : {"user_name", "device_name", "action", "object", "summary"})
            whole = whole && f.value(QString::fromLatin1(text)).isString();
        if (!whole) {
            keepUnknown(group);
            return;
        }
        if (!unknown.isEmpty())
            keepUnknown(unknown);
        exec(
            stmt(
                "INSERT OR IGNORE INTO audit_remote(device, entry_id, hash, at, user_name, device_name, action, object, summary) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .bind(1, first.device)
                .bind(2, id)
                .bind(3, hash)
                .bind(4, f.value(u"at"_s).toInteger())
                .bind(5, f.value(u"user_name"_s).toString())
                .bind(6, f.value(u"device_name"_s).toString())
                .bind(7, f.value(u"action"_s).toString())
                .bind(8, f.value(u"object"_s).toString())
                .bind(9, f.value(u"summary"_s).toString()));
        if (!m_failed && sqlite3_changes(m_db) > 0)
            ++m_report.applied;
        else
            ++m_report.ignored;
    }

    // ---- the rest ---------------------------------------------------------------------------

    void keepUnknown(const QList<SyncOp> &ops)
    {
        for (const SyncOp &op : ops) {
            ReplicaStatement &s = stmt("SELECT hlc, device FROM sync_unknown WHERE entity = ?1 AND uid = ?2 AND field = ?3");
            s.bind(1, op.entity).bind(2, op.uid).bind(3, op.field);
            FieldClock current;
            if (s.next())
                current = FieldClock{true, quint64(s.int64(0)), s.text(1), {}, 0, {}};
            s.reset();
            if (!newer(op.hlc, op.device, current)) {
                ++m_report.ignored;
                continue;
            }
            ++m_report.unknown;
            exec(stmt("INSERT OR REPLACE INTO sync_unknown(entity, uid, field, value, hlc, device, user) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                     .bind(1, op.entity)
                     .bind(2, op.uid)
                     .bind(3, op.field)
                     .bind(4, op.value)
                     .bind(5, op.hlc)
                     .bind(6, op.device)
                     .bind(7, op.user));
        }
    }

    void park(const QList<SyncOp> &ops)
    {
        for (const SyncOp &op : ops) {
            exec(stmt("INSERT OR IGNORE INTO sync_parked(hlc, device, op, parked_at) VALUES (?1, ?2, ?3, ?4)")
                     .bind(1, op.hlc)
                     .bind(2, op.device)
                     .bindBlob(3, SyncOpCodec::encodeOne(op))
                     .bind(4, m_now));
            ++m_report.parked;
        }
        qCWarning(lcSync) << "kept" << ops.size() << "changes from a computer whose clock is"
                          << (Hlc::millis(ops.first().hlc) - m_now) / 1000
                          << "s ahead of this one's; they apply when the time comes";
    }

    sqlite3 *m_db;
    const qint64 m_now;
    ReplicaApplier::Report &m_report;
    quint64 m_hlc = 0;
    QString m_device;
    bool m_received = false;
    bool m_failed = false;
    QString m_failure;
    int m_joinDepth = 0;
    bool m_ledger = false;
    bool m_ledgerCleared = false;
    qint64 m_firstNewTransfer = 0;
    bool m_staff = false;
    std::map<QByteArray, std::unique_ptr<ReplicaStatement>> m_statements;
    QHash<QString, QList<std::pair<QString, QString>>> m_references;
};

} // namespace

ReplicaApplier::ReplicaApplier(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

Result<ReplicaApplier::Report> ReplicaApplier::apply(const QList<SyncOp> &ops, const AlsoInside &alsoInside)
{
    const QSqlDatabase db = m_database.connection();
    sqlite3 *handle = SqliteStatement::handle(db);
    if (!handle)
        return fail(ErrorCode::Storage, tr("Changes from another computer could not be saved: the data file is not open."));
    Transaction transaction(db);
    if (Status began = transaction.began(tr("Saving changes from another computer")); !began)
        return std::unexpected(began.error());
    if (!ReplicaSqlFunctions::setApplying(db, true))
        return fail(ErrorCode::Storage, tr("Changes from another computer could not be saved. Nothing was changed."));
    const auto notApplying = qScopeGuard([&db] { ReplicaSqlFunctions::setApplying(db, false); });

    Report report;
    {
        Session session(handle, m_clock, report);
        if (session.load()) {
            QList<SyncOp> all = session.unpark();
            all.append(ops);
            session.applyAll(std::move(all));
            session.save();
        }
        if (!session.failed() && session.ledgerChanged()) {
            Result<LedgerReplay::Recount> recounted = LedgerReplay::Recount::Rebuilt;
            if (session.ledgerNeedsRebuild()) {
                if (Status rebuilt = LedgerReplay::rebuild(db); !rebuilt)
                    recounted = std::unexpected(rebuilt.error());
            } else if (session.firstNewTransfer() > 0) {
                recounted = LedgerReplay::append(db, session.firstNewTransfer());
            }
            if (!recounted) {
                transaction.rollback();
                return std::unexpected(recounted.error());
            }
            if (session.ledgerNeedsRebuild() || session.firstNewTransfer() > 0) {
                report.ledgerAppended = *recounted == LedgerReplay::Recount::Appended;
                report.ledgerRebuilt = *recounted == LedgerReplay::Recount::Rebuilt;
            }
        }
        if (session.failed()) {
            qCWarning(lcSync) << "applying changes failed:" << session.failure();
            transaction.rollback();
            return fail(ErrorCode::Storage,
                        tr("Changes from another computer could not be saved (%1). Nothing was changed.").arg(session.failure()));
        }
    }
    if (alsoInside) {
        if (Status also = alsoInside(db); !also) {
            transaction.rollback();
            return std::unexpected(also.error());
        }
    }
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (report.applied > 0 || report.unparked > 0 || report.merged > 0)
        m_database.replicaContext().notifySharedDataChanged();
    return report;
}

} // namespace kengele
