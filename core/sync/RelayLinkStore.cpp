// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayLinkStore.h"

#include "RelayEvent.h"
#include "common/Clock.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

RelayLinkStore::RelayLinkStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

Result<RelayLink> RelayLinkStore::load() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(
            QStringLiteral("SELECT org, org_name, device, cursor, enrolled_at, last_sync_at, voucher_key, offer FROM relay_link "
                           "WHERE id = 1")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the link to the relay")));
    RelayLink link;
    if (q.next()) {
        link.org = q.value(0).toString();
        link.orgName = q.value(1).toString();
        link.device = q.value(2).toString();
        link.cursor = q.value(3).toLongLong();
        link.enrolledAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
        if (!q.value(5).isNull())
            link.lastSync = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
        link.voucherKey = QByteArray::fromBase64(q.value(6).toString().toLatin1());
        link.offer = q.value(7).toString().toUtf8();
    }
    return link;
}

Status RelayLinkStore::saveEnrolment(const RelayEnrolment &enrolment)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO relay_link(id, org, org_name, device, cursor, enrolled_at, voucher_key) "
                             "VALUES (1, ?, ?, ?, 0, ?, ?) "
                             "ON CONFLICT(id) DO UPDATE SET "
                             "cursor = CASE WHEN org = excluded.org THEN cursor ELSE 0 END, "
                             "last_sync_at = CASE WHEN org = excluded.org THEN last_sync_at ELSE NULL END, "
                             "org = excluded.org, org_name = excluded.org_name, device = excluded.device, "
                             "enrolled_at = excluded.enrolled_at, voucher_key = excluded.voucher_key, "
                             "offer = CASE WHEN org = excluded.org THEN offer ELSE '' END"));
    q.addBindValue(enrolment.org);
    q.addBindValue(sqlText(enrolment.orgName));
    q.addBindValue(sqlText(enrolment.device));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(QString::fromLatin1(enrolment.voucherKey.toBase64()));
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the link to the relay")));
    return {};
}

Status RelayLinkStore::pinVoucherKey(const QByteArray &key)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE relay_link SET voucher_key = ? WHERE id = 1 AND voucher_key = ''"));
    q.addBindValue(QString::fromLatin1(key.toBase64()));
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the relay's voucher key")));
    return {};
}

Status RelayLinkStore::saveOffer(const QByteArray &json)
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE relay_link SET offer = ? WHERE id = 1"));
    q.addBindValue(QString::fromUtf8(json));
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the relay's plans and prices")));
    return {};
}

Status RelayLinkStore::advance(const QSqlDatabase &db, const QString &org, qint64 cursor, qint64 nowMs)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE relay_link SET cursor = max(cursor, ?), last_sync_at = ? WHERE id = 1 AND org = ?"));
    q.addBindValue(cursor);
    q.addBindValue(nowMs);
    q.addBindValue(org);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving what came from the relay")));
    if (q.numRowsAffected() != 1)
        return fail(ErrorCode::NotFound, tr("This computer is not connected to that relay any more. Connect it again."));
    return {};
}

} // namespace kengele
