// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayStore's part for the desktops' daily audit anchors (docs/relay.md, "Audit anchors"): one
// row per device and UTC day, a bounded history per device.
#include "RelayStore.h"
#include "RelayStoreSql.h"

#include <QSqlError>
#include <QVariant>

namespace kengele::relay {

using storesql::rolledBack;

std::expected<void, QString> RelayStore::putAuditAnchor(const AuditAnchorRecord &anchor, int keep)
{
    QSqlDatabase db = database();
    if (!begin())
        return std::unexpected(error(db.lastError()));
    {
        // The same day again: the anchor received last replaces the earlier one (two relay
        // processes may store the same device's anchors in either order).
        QSqlQuery put(db);
        put.prepare(QStringLiteral("INSERT INTO audit_anchors (device_id, org_id, day, entries, hash, received_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, day) DO UPDATE"
                                   " SET entries = excluded.entries, hash = excluded.hash, received_at = excluded.received_at"
                                   " WHERE excluded.received_at >= audit_anchors.received_at"));
        put.addBindValue(anchor.deviceId);
        put.addBindValue(anchor.orgId);
        put.addBindValue(anchor.day);
        put.addBindValue(anchor.entries);
        put.addBindValue(anchor.hash);
        put.addBindValue(anchor.receivedAt);
        if (!put.exec())
            return rolledBack(db, error(put));
    }
    {
        QSqlQuery trim(db);
        trim.prepare(QStringLiteral("DELETE FROM audit_anchors WHERE device_id = ? AND day NOT IN"
                                    " (SELECT day FROM audit_anchors WHERE device_id = ? ORDER BY day DESC LIMIT ?)"));
        trim.addBindValue(anchor.deviceId);
        trim.addBindValue(anchor.deviceId);
        trim.addBindValue(keep);
        if (!trim.exec())
            return rolledBack(db, error(trim));
    }
    if (!db.commit())
        return rolledBack(db, error(db.lastError()));
    return {};
}

std::expected<QList<AuditAnchorRecord>, QString> RelayStore::auditAnchors(const QString &deviceId, int limit)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT device_id, org_id, day, entries, hash, received_at FROM audit_anchors"
                                 " WHERE device_id = ? ORDER BY day DESC LIMIT ?"));
    query.addBindValue(deviceId);
    query.addBindValue(limit);
    if (!query.exec())
        return std::unexpected(error(query));
    QList<AuditAnchorRecord> anchors;
    while (query.next())
        anchors.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                        query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toLongLong()});
    return anchors;
}

} // namespace kengele::relay
