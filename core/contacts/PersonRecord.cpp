// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PersonRecord.h"

#include "PastoralNotes.h"
#include "PhoneNormalizer.h"
#include "security/Access.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace kengele {

namespace {

QJsonValue timeValue(const QVariant &ms)
{
    if (ms.isNull())
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toString(Qt::ISODate);
}

// Every row of `sql` (with `phone` or the contact id bound) as objects; columns ending in "_at"
// become ISO times.
Result<QJsonArray> rows(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &value : binds)
        q.addBindValue(value);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), PersonRecord::tr("Gathering what Kengele holds")));
    QJsonArray list;
    while (q.next()) {
        QJsonObject row;
        const QSqlRecord record = q.record();
        for (int i = 0; i < record.count(); ++i) {
            const QString column = record.fieldName(i);
            row.insert(column,
                       column.endsWith(QLatin1String("_at")) ? timeValue(q.value(i)) : QJsonValue::fromVariant(q.value(i)));
        }
        list.append(row);
    }
    return list;
}

} // namespace

PersonRecord::PersonRecord(Database &database, const PhoneNormalizer &phones, PastoralNotes &pastoral)
    : m_database(database)
    , m_phones(phones)
    , m_pastoral(pastoral)
{ }

Result<QJsonObject> PersonRecord::everything(const QString &phone)
{
    if (Status allowed = Access::check(m_access, Permission::ExportContacts); !allowed)
        return std::unexpected(allowed.error());
    const Result<QString> e164 = m_phones.normalize(phone);
    if (!e164)
        return std::unexpected(e164.error());
    const QSqlDatabase db = m_database.connection();
    QJsonObject all{{QStringLiteral("phone"), *e164}};

    const Result<QJsonArray> contact
        = rows(db,
               QStringLiteral("SELECT id, first_name, last_name, phone, phone_raw, email, notes, source, created_at, updated_at "
                              "FROM contacts WHERE phone = ?"),
               {*e164});
    if (!contact)
        return std::unexpected(contact.error());
    const qint64 contactId = contact->isEmpty() ? 0 : contact->first().toObject().value(QStringLiteral("id")).toInteger();
    all.insert(QStringLiteral("contact"), contact->isEmpty() ? QJsonValue(QJsonValue::Null) : contact->first());

    struct Part {
        const char *key;
        QString sql;
        QVariantList binds;
    };
    const QList<Part> parts{
        {"groups",
         QStringLiteral("SELECT g.name, gm.added_at FROM group_members gm JOIN groups g ON g.id = gm.group_id "
                        "WHERE gm.contact_id = ? ORDER BY g.name"),
         {contactId}},
        {"messages_sent",
         QStringLiteral("SELECT c.name AS campaign, o.text, o.state, o.reason, o.updated_at FROM outbox o "
                        "JOIN campaigns c ON c.id = o.campaign_id WHERE o.phone = ? ORDER BY o.updated_at, o.id"),
         {*e164}},
        // Messages of campaigns another computer of the church sent (their states as that computer
        // shared them; the text each person got stays on that computer, the campaign's text is here).
        {"messages_sent_elsewhere",
         QStringLiteral("SELECT c.name AS campaign, c.body AS campaign_text, r.state, r.reason, c.launched_at "
                        "FROM campaign_recipients r JOIN campaigns c ON c.uid = r.campaign_uid WHERE r.phone = ? "
                        "AND c.origin <> (SELECT device FROM sync_state WHERE id = 1) ORDER BY c.launched_at, c.id"),
         {*e164}},
        {"messages_received",
         QStringLiteral("SELECT text, handled_as, received_at FROM inbox WHERE phone = ? ORDER BY received_at, id"),
         {*e164}},
        {"opt_out", QStringLiteral("SELECT reason, source, created_at FROM opt_outs WHERE phone = ?"), {*e164}},
        {"opt_in_history",
         QStringLiteral("SELECT reason, user_name, opted_out_reason, opted_out_source, opted_out_at, created_at FROM opt_ins "
                        "WHERE phone = ? ORDER BY created_at, id"),
         {*e164}},
        {"prayer_requests",
         QStringLiteral("SELECT text, status, received_at FROM prayer_intake WHERE phone = ? ORDER BY received_at, id"),
         {*e164}},
    };
    for (const Part &part : parts) {
        const Result<QJsonArray> found = rows(db, part.sql, part.binds);
        if (!found)
            return std::unexpected(found.error());
        if (QLatin1String(part.key) == QLatin1String("opt_out"))
            all.insert(QLatin1String(part.key), found->isEmpty() ? QJsonValue(QJsonValue::Null) : found->first());
        else
            all.insert(QLatin1String(part.key), *found);
    }
    // Pastoral notes only for those who may see them; reading them is recorded by PastoralNotes.
    if (contactId > 0 && Access::check(m_access, Permission::Pastoral)) {
        const Result<QString> notes = m_pastoral.read(contactId);
        if (!notes)
            return std::unexpected(notes.error());
        all.insert(QStringLiteral("pastoral_notes"), *notes);
    }
    const QString object = contactId > 0 ? QStringLiteral("contact:%1").arg(contactId) : QStringLiteral("number");
    if (Status recorded = Access::record(m_access, {QStringLiteral("privacy.export"), object, QStringLiteral("everything held")});
        !recorded)
        return std::unexpected(recorded.error());
    return all;
}

} // namespace kengele
