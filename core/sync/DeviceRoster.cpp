// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DeviceRoster.h"

#include "storage/Database.h"

#include <QCborMap>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

DeviceRecord readRecord(const QSqlQuery &q)
{
    DeviceRecord r;
    r.id = q.value(0).toString();
    r.name = q.value(1).toString();
    r.keys = DevicePublicKeys::fromBase64(q.value(2).toString(), q.value(3).toString()).value_or(DevicePublicKeys{});
    r.state = DeviceRecord::State(std::clamp(q.value(4).toInt(), 0, 2));
    r.removedAtEpoch = quint32(q.value(5).toLongLong());
    r.removedAtCursor = q.value(6).toLongLong();
    return r;
}

constexpr auto Columns = "id, name, box_key, sign_key, state, removed_at_epoch, removed_at_cursor"_L1;

} // namespace

DeviceRoster::DeviceRoster(Database &database)
    : m_database(database)
{ }

Result<QList<DeviceRecord>> DeviceRoster::all() const
{
    return all(m_database.connection());
}

std::optional<DeviceRecord> DeviceRoster::find(const QString &id) const
{
    return find(m_database.connection(), id);
}

std::optional<DeviceRecord> DeviceRoster::find(const QSqlDatabase &db, const QString &id)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT %1 FROM sync_devices WHERE id = ?"_s.arg(Columns));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readRecord(q);
}

Result<QList<DeviceRecord>> DeviceRoster::all(const QSqlDatabase &db, bool onlyDirty)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT %1 FROM sync_devices %2 ORDER BY id"_s.arg(Columns, onlyDirty ? u"WHERE dirty = 1"_s : QString())))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the list of computers")));
    QList<DeviceRecord> out;
    while (q.next())
        out.append(readRecord(q));
    return out;
}

Result<bool> DeviceRoster::merge(const QSqlDatabase &db, const DeviceRecord &record, bool dirty, qint64 nowMs)
{
    if (record.id.isEmpty() || !record.keys.isValid())
        return false;
    const std::optional<DeviceRecord> old = find(db, record.id);
    DeviceRecord next = record;
    if (old) {
        next.keys = old->keys; // a computer's keys never change once known
        if (int(record.state) < int(old->state))
            return false;
        if (int(record.state) == int(old->state)) {
            if (old->state != DeviceRecord::State::Removed
                || (old->removedAtEpoch == record.removedAtEpoch && old->removedAtCursor == record.removedAtCursor))
                return false;
            // Two computers noted the same removal: keep the stricter limits, the same everywhere.
            next.removedAtEpoch
                = old->removedAtEpoch == 0 ? record.removedAtEpoch : std::min(old->removedAtEpoch, record.removedAtEpoch);
            next.removedAtCursor
                = old->removedAtCursor == 0 ? record.removedAtCursor : std::min(old->removedAtCursor, record.removedAtCursor);
            if (next == *old)
                return false;
        }
        if (next.name.isEmpty())
            next.name = old->name;
    }
    QSqlQuery q(db);
    q.prepare(
        u"INSERT INTO sync_devices(id, name, box_key, sign_key, state, removed_at_epoch, removed_at_cursor, dirty, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, state = excluded.state, "
        "removed_at_epoch = excluded.removed_at_epoch, removed_at_cursor = excluded.removed_at_cursor, "
        "dirty = max(dirty, excluded.dirty), updated_at = excluded.updated_at"_s);
    q.addBindValue(next.id);
    q.addBindValue(next.name);
    q.addBindValue(next.keys.boxBase64());
    q.addBindValue(next.keys.signBase64());
    q.addBindValue(int(next.state));
    q.addBindValue(qint64(next.removedAtEpoch));
    q.addBindValue(next.removedAtCursor);
    q.addBindValue(dirty ? 1 : 0);
    q.addBindValue(nowMs);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the list of computers")));
    return true;
}

SyncOp DeviceRoster::toOp(const DeviceRecord &record, quint64 hlc, const QString &fromDevice)
{
    QCborMap value;
    value.insert(u"name"_s, record.name);
    value.insert(u"box"_s, record.keys.box);
    value.insert(u"sign"_s, record.keys.sign);
    value.insert(u"state"_s, int(record.state));
    value.insert(u"removed_at_epoch"_s, qint64(record.removedAtEpoch));
    value.insert(u"removed_at_cursor"_s, record.removedAtCursor);
    SyncOp op;
    op.entity = QString::fromLatin1(Entity);
    op.uid = record.id;
    op.field = u"record"_s;
    op.value = value;
    op.hlc = hlc;
    op.device = fromDevice;
    return op;
}

std::optional<DeviceRecord> DeviceRoster::fromOp(const SyncOp &op)
{
    if (op.entity != QLatin1StringView(Entity) || op.field != u"record"_s || !op.value.isMap())
        return std::nullopt;
    const QCborMap value = op.value.toMap();
    DeviceRecord r;
    r.id = op.uid;
    r.name = value.value(u"name"_s).toString();
    r.keys.box = value.value(u"box"_s).toByteArray();
    r.keys.sign = value.value(u"sign"_s).toByteArray();
    const qint64 state = value.value(u"state"_s).toInteger(-1);
    if (state < 0 || state > 2 || !r.keys.isValid() || r.id.isEmpty())
        return std::nullopt;
    r.state = DeviceRecord::State(state);
    r.removedAtEpoch = quint32(value.value(u"removed_at_epoch"_s).toInteger());
    r.removedAtCursor = value.value(u"removed_at_cursor"_s).toInteger();
    return r;
}

} // namespace kengele
