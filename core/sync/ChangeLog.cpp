// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ChangeLog.h"

#include "ReplicaSchema.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

QCborValue fromJson(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0)
            return QCborValue(qint64(d));
    }
    return QCborValue::fromJsonValue(v);
}

QJsonValue toJson(const QVariant &v)
{
    if (v.isNull())
        return QJsonValue::Null;
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
        return QJsonValue(v.toLongLong());
    if (v.typeId() == QMetaType::QByteArray)
        return QJsonValue(QString::fromLatin1(v.toByteArray().toBase64()));
    return QJsonValue(v.toString());
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

QJsonObject SyncStatus::toJson() const
{
    return {{u"device"_s, device},
            {u"pending_out"_s, pendingOut},
            {u"last_in"_s, lastIn ? QJsonValue(isoTime(*lastIn)) : QJsonValue(QJsonValue::Null)},
            {u"conflicts"_s, conflicts},
            {u"parked"_s, parked}};
}

QJsonObject SyncConflict::toJson() const
{
    return {{u"entity"_s, entity},
            {u"id"_s, uid},
            {u"field"_s, field},
            {u"kept"_s, kept.toJsonValue()},
            {u"lost"_s, lost.toJsonValue()},
            {u"time"_s, isoTime(at)},
            {u"kept_by"_s, keptUser},
            {u"kept_device"_s, keptDevice},
            {u"lost_by"_s, lostUser},
            {u"lost_device"_s, lostDevice},
            {u"kept_computer"_s, keptComputer.isEmpty() ? QJsonValue() : QJsonValue(keptComputer)},
            {u"lost_computer"_s, lostComputer.isEmpty() ? QJsonValue() : QJsonValue(lostComputer)}};
}

ChangeLog::ChangeLog(Database &database)
    : m_database(database)
{ }

Result<OutgoingOps> ChangeLog::pendingOut(int limitRows, qint64 limitBytes) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT seq, entity, uid, fields, prev, hlc, (SELECT device FROM sync_state WHERE id = 1), user FROM change_log "
        "WHERE seq > (SELECT sent_up_to FROM sync_state WHERE id = 1) ORDER BY seq LIMIT ?"_s);
    query.addBindValue(limitRows);
    if (!query.exec())
        return std::unexpected(Database::storageError(query.lastError(), tr("Reading the changes to send")));
    OutgoingOps out;
    qint64 bytes = 0;
    while (query.next()) {
        const QByteArray text = query.value(3).toString().toUtf8();
        // A batch stays well under the relay's limit (a campaign's states are large rows); the
        // first row always goes.
        bytes += text.size();
        if (bytes > limitBytes && out.upTo > 0)
            break;
        out.upTo = query.value(0).toLongLong();
        const QJsonObject fields = QJsonDocument::fromJson(text).object();
        const QJsonObject prev = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
        SyncOp op;
        op.entity = query.value(1).toString();
        op.uid = query.value(2).toString();
        op.hlc = quint64(query.value(5).toLongLong());
        op.device = query.value(6).toString();
        op.user = query.value(7).toString();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            op.field = it.key();
            op.value = fromJson(it.value());
            op.prev = quint64(prev.value(it.key()).toInteger());
            out.ops.append(op);
        }
    }
    return out;
}

Status ChangeLog::markSent(qint64 upTo)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE sync_state SET sent_up_to = max(sent_up_to, ?) WHERE id = 1"_s);
    query.addBindValue(upTo);
    if (!query.exec())
        return std::unexpected(Database::storageError(query.lastError(), tr("Noting the changes sent")));
    return {};
}

Result<SyncStatus> ChangeLog::status() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(
            u"SELECT s.device, (SELECT count(*) FROM change_log WHERE seq > s.sent_up_to), s.last_in, "
            "(SELECT count(*) FROM sync_conflicts), (SELECT count(*) FROM sync_parked) FROM sync_state s WHERE s.id = 1"_s)
        || !query.next())
        return std::unexpected(Database::storageError(query.lastError(), tr("Reading the state of sharing")));
    SyncStatus status;
    status.device = query.value(0).toString();
    status.pendingOut = query.value(1).toLongLong();
    if (!query.value(2).isNull())
        status.lastIn = query.value(2).toLongLong();
    status.conflicts = query.value(3).toLongLong();
    status.parked = query.value(4).toLongLong();
    return status;
}

Result<QList<SyncConflict>> ChangeLog::conflicts(int limit) const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    // The row's name now: a contact by its names (else its number), a group or template by its
    // name, a staff account by its user name, a setting by its key ("sending/quietHours").
    query.prepare(
        u"SELECT c.entity, c.uid, c.field, c.kept, c.kept_user, c.kept_device, c.lost, c.lost_user, c.lost_device, "
        "c.at, CASE c.entity "
        "WHEN 'contact' THEN (SELECT coalesce(nullif(name, ''), phone) FROM contacts WHERE uid = c.uid) "
        "WHEN 'group' THEN (SELECT name FROM groups WHERE uid = c.uid) "
        "WHEN 'template' THEN (SELECT name FROM templates WHERE uid = c.uid) "
        "WHEN 'staff' THEN (SELECT user_name FROM staff WHERE uid = c.uid) "
        "WHEN 'org_setting' THEN (SELECT name FROM org_settings WHERE uid = c.uid) END, "
        "(SELECT device FROM sync_state WHERE id = 1), "
        "(SELECT d.name FROM meta m JOIN sync_devices d ON d.id = m.value WHERE m.key = 'sync.replica.' || c.kept_device), "
        "(SELECT d.name FROM meta m JOIN sync_devices d ON d.id = m.value WHERE m.key = 'sync.replica.' || c.lost_device) "
        "FROM sync_conflicts c ORDER BY c.id DESC LIMIT ?"_s);
    query.addBindValue(limit);
    if (!query.exec())
        return std::unexpected(Database::storageError(query.lastError(), tr("Reading the recent conflicts")));
    QList<SyncConflict> out;
    while (query.next()) {
        SyncConflict c;
        c.entity = query.value(0).toString();
        c.uid = query.value(1).toString();
        c.field = query.value(2).toString();
        c.kept = QCborValue::fromJsonValue(toJson(query.value(3)));
        c.keptUser = query.value(4).toString();
        c.keptDevice = query.value(5).toString();
        c.lost = QCborValue::fromJsonValue(toJson(query.value(6)));
        c.lostUser = query.value(7).toString();
        c.lostDevice = query.value(8).toString();
        c.at = query.value(9).toLongLong();
        c.label = query.value(10).toString();
        const QString here = query.value(11).toString();
        c.keptHere = !here.isEmpty() && c.keptDevice == here;
        c.lostHere = !here.isEmpty() && c.lostDevice == here;
        c.keptComputer = query.value(12).toString();
        c.lostComputer = query.value(13).toString();
        out.append(c);
    }
    return out;
}

Result<QByteArray> ChangeLog::canonicalDump() const
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    QByteArray out;
    auto dump = [&](const QString &kind, const QString &sql, int columns) -> Status {
        if (!query.exec(sql))
            return std::unexpected(Database::storageError(query.lastError(), tr("Reading the shared data")));
        while (query.next()) {
            QJsonArray line{kind};
            for (int i = 0; i < columns; ++i)
                line.append(toJson(query.value(i)));
            out += QJsonDocument(line).toJson(QJsonDocument::Compact);
            out += '\n';
        }
        return {};
    };
    for (const ReplicaEntity &e : ReplicaSchema::rowEntities()) {
        QStringList columns{u"uid"_s};
        for (QLatin1StringView f : e.fields)
            columns << QString(f);
        if (Status ok
            = dump(QString(e.name), u"SELECT %1 FROM %2 ORDER BY uid COLLATE BINARY"_s.arg(columns.join(u", "_s), e.table),
                   int(columns.size()));
            !ok)
            return std::unexpected(ok.error());
    }
    if (Status ok = dump(ReplicaSchema::Membership,
                         u"SELECT g.uid, c.uid FROM group_members m JOIN groups g ON g.id = m.group_id "
                         "JOIN contacts c ON c.id = m.contact_id ORDER BY g.uid COLLATE BINARY, c.uid COLLATE BINARY"_s,
                         2);
        !ok)
        return std::unexpected(ok.error());
    if (Status ok = dump(ReplicaSchema::OptOut,
                         u"SELECT phone, reason, source, created_at FROM opt_outs ORDER BY phone COLLATE BINARY"_s, 4);
        !ok)
        return std::unexpected(ok.error());
    if (Status ok = dump(ReplicaSchema::CampaignStates,
                         u"SELECT campaign_uid, phone, version, rank, state, reason FROM campaign_recipients "
                         "ORDER BY campaign_uid COLLATE BINARY, phone COLLATE BINARY"_s,
                         6);
        !ok)
        return std::unexpected(ok.error());
    // The ledger: each transfer with its accounts (their uids) and its clock; the lots and summaries
    // are each computer's own (recounted from these), not compared.
    if (Status ok
        = dump(ReplicaSchema::TokenTransfer,
               u"SELECT t.uid, t.kind, fa.uid, ta.uid, te.amount, t.campaign_ref, t.reference, t.reason, t.user_name, "
               "t.created_at, t.lot, coalesce(l.plan, ''), l.expires_at, t.hlc, t.device FROM token_transfers t "
               "JOIN token_entries fe ON fe.transfer_id = t.id AND fe.amount < 0 JOIN token_accounts fa ON fa.id = fe.account_id "
               "JOIN token_entries te ON te.transfer_id = t.id AND te.amount > 0 JOIN token_accounts ta ON ta.id = te.account_id "
               "LEFT JOIN token_lots l ON l.transfer_id = t.id ORDER BY t.uid COLLATE BINARY"_s,
               15);
        !ok)
        return std::unexpected(ok.error());
    // Every computer's audit entries: this computer's own trail and the others' as received.
    if (Status ok = dump(ReplicaSchema::AuditEntry,
                         u"SELECT device, entry_id, hash, at, user_name, device_name, action, object, summary FROM audit_entries "
                         "ORDER BY device COLLATE BINARY, entry_id, hash COLLATE BINARY"_s,
                         9);
        !ok)
        return std::unexpected(ok.error());
    if (Status ok = dump(u"unknown"_s, u"SELECT entity, uid, field, value FROM sync_unknown ORDER BY entity, uid, field"_s, 4);
        !ok)
        return std::unexpected(ok.error());
    return out;
}

Status ChangeLog::forgetInTransaction(const QSqlDatabase &db, const QString &contactUid, const QString &e164, const QString &nsn)
{
    const QList<std::pair<QString, QVariantList>> steps{
        {u"DELETE FROM change_log WHERE (entity = 'contact' AND uid = ? AND fields <> '{\"_deleted\":1}') "
         "OR (entity = 'opt_out' AND uid = ?) OR (? <> '' AND instr(fields, ?) > 0)"_s,
         {contactUid, e164, nsn, nsn}},
        {u"DELETE FROM sync_clocks WHERE (entity = 'contact' AND uid = ? AND field <> '_deleted') OR (entity = 'opt_out' AND uid = ?)"_s,
         {contactUid, e164}},
        {u"DELETE FROM sync_tags WHERE entity = 'opt_out' AND a = ?"_s, {e164}},
        {u"DELETE FROM sync_conflicts WHERE (entity = 'contact' AND uid = ?) OR (entity = 'opt_out' AND uid = ?) "
         "OR (? <> '' AND (instr(kept, ?) > 0 OR instr(lost, ?) > 0))"_s,
         {contactUid, e164, nsn, nsn, nsn}},
        {u"DELETE FROM sync_unknown WHERE uid = ? OR uid = ?"_s, {contactUid, e164}},
        // Their messages' states as published here (other computers keep theirs until forgetting
        // travels too).
        {u"DELETE FROM campaign_recipients WHERE phone = ?"_s, {e164}},
    };
    QSqlQuery q(db);
    for (const auto &[sql, binds] : steps) {
        q.prepare(sql);
        for (const QVariant &bind : binds)
            q.addBindValue(bind.toString().isNull() ? QVariant(QString(u""_s)) : bind);
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Forgetting the person in the change log")));
    }
    return {};
}

} // namespace kengele
