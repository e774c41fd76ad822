// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactService.h"

#include "PhoneNormalizer.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace kengele {

namespace {

constexpr int MaxNameLength = 100;
constexpr int MaxNotesLength = 2000;

const QString SelectColumns
    = QStringLiteral("SELECT c.id, c.first_name, c.last_name, c.phone, c.phone_raw, c.email, c.notes, c.source, "
                     "c.created_at, c.updated_at, o.reason IS NOT NULL, coalesce(o.reason, ''), "
                     "(SELECT group_concat(g.name, '\x1f') FROM group_members gm JOIN groups g ON g.id = gm.group_id "
                     " WHERE gm.contact_id = c.id) "
                     "FROM contacts c LEFT JOIN opt_outs o ON o.phone = c.phone ");

Contact contactFromRow(const QSqlQuery &q)
{
    Contact c;
    c.id = q.value(0).toLongLong();
    c.firstName = q.value(1).toString();
    c.lastName = q.value(2).toString();
    c.phone = q.value(3).toString();
    c.phoneRaw = q.value(4).toString();
    c.email = q.value(5).toString();
    c.notes = q.value(6).toString();
    c.source = q.value(7).toString();
    c.created = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    c.updated = QDateTime::fromMSecsSinceEpoch(q.value(9).toLongLong(), Qt::UTC);
    c.optedOut = q.value(10).toBool();
    c.optOutReason = q.value(11).toString();
    const QString groups = q.value(12).toString();
    if (!groups.isEmpty()) {
        c.groups = groups.split(QChar(0x1f));
        c.groups.sort(Qt::CaseInsensitive);
    }
    return c;
}

QString escapeLike(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'%', QStringLiteral("\\%"));
    text.replace(u'_', QStringLiteral("\\_"));
    return text;
}

// Builds the WHERE clause for a query; binds are appended in order. A search made mostly of digits
// looks at phone numbers only ("0712 34" finds +25471234...: a national leading zero is dropped);
// any other search looks at names and e-mail addresses.
QString whereClause(const ContactQuery &query, QVariantList &binds)
{
    QStringList parts;
    const QString search = query.search.simplified();
    if (!search.isEmpty()) {
        QString digits;
        for (const QChar ch : search) {
            if (ch.isDigit())
                digits.append(ch);
        }
        const QString pattern = QString(u'%' + escapeLike(search) + u'%');
        if (digits.size() >= 3 && digits.size() * 2 >= search.size()) {
            QString core = digits;
            while (core.startsWith(u'0'))
                core.remove(0, 1);
            parts << QStringLiteral("(c.phone LIKE ? OR c.phone_raw LIKE ? ESCAPE '\\')");
            binds << QString(u'%' + core + u'%') << pattern;
        } else {
            parts << QStringLiteral("(c.name LIKE ? ESCAPE '\\' OR c.email LIKE ? ESCAPE '\\')");
            binds << pattern << pattern;
        }
    }
    if (query.groupId != 0) {
        parts << QStringLiteral("c.id IN (SELECT contact_id FROM group_members WHERE group_id = ?)");
        binds << query.groupId;
    }
    if (query.notInGroupId > 0) {
        parts << QStringLiteral("c.id NOT IN (SELECT contact_id FROM group_members WHERE group_id = ?)");
        binds << query.notInGroupId;
    }
    if (parts.isEmpty())
        return {};
    return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

QString orderClause(const ContactQuery &query)
{
    const QString dir = query.order == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    switch (query.sort) {
    case ContactSort::Phone:
        return QStringLiteral(" ORDER BY c.phone ") + dir;
    case ContactSort::Groups:
        return QStringLiteral(" ORDER BY (SELECT count(*) FROM group_members gm WHERE gm.contact_id = c.id) ") + dir
            + QStringLiteral(", c.name COLLATE NOCASE ") + dir;
    case ContactSort::OptedOut:
        return QStringLiteral(" ORDER BY (o.phone IS NOT NULL) ") + dir + QStringLiteral(", c.name COLLATE NOCASE ") + dir;
    case ContactSort::Created:
        return QStringLiteral(" ORDER BY c.created_at ") + dir + QStringLiteral(", c.id ") + dir;
    case ContactSort::Name:
        break;
    }
    return QStringLiteral(" ORDER BY c.name COLLATE NOCASE ") + dir + QStringLiteral(", c.id ") + dir;
}

void bindAll(QSqlQuery &q, const QVariantList &binds)
{
    for (const QVariant &value : binds)
        q.addBindValue(value);
}

} // namespace

ContactService::ContactService(Database &database, const PhoneNormalizer &phones, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_phones(phones)
    , m_clock(clock)
{ }

Result<QString> ContactService::normalizedPhone(QStringView raw) const
{
    return m_phones.normalize(raw);
}

Status ContactService::validate(const ContactInput &input) const
{
    if (input.firstName.trimmed().isEmpty() && input.lastName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please give the contact a name."));
    if (input.firstName.size() > MaxNameLength || input.lastName.size() > MaxNameLength)
        return fail(ErrorCode::InvalidInput, tr("A name can have at most %1 characters.").arg(MaxNameLength));
    if (input.notes.size() > MaxNotesLength)
        return fail(ErrorCode::InvalidInput, tr("Notes can have at most %1 characters.").arg(MaxNotesLength));
    const QString email = input.email.trimmed();
    if (!email.isEmpty() && (!email.contains(u'@') || email.contains(u' ') || email.endsWith(u'@')))
        return fail(ErrorCode::InvalidInput, tr("“%1” is not an e-mail address.").arg(email));
    return {};
}

Result<Contact> ContactService::add(const ContactInput &input, const QString &source)
{
    if (Status ok = validate(input); !ok)
        return std::unexpected(ok.error());
    const Result<QString> phone = normalizedPhone(input.phone);
    if (!phone)
        return std::unexpected(phone.error());
    if (const Result<Contact> existing = findByPhone(*phone); existing) {
        return fail(ErrorCode::Conflict, tr("The number %1 already belongs to %2.").arg(*phone, existing->name()));
    }

    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO contacts(first_name, last_name, phone, phone_raw, email, notes, source, "
                             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = m_clock.nowMs();
    q.addBindValue(sqlText(input.firstName.trimmed()));
    q.addBindValue(sqlText(input.lastName.trimmed()));
    q.addBindValue(*phone);
    q.addBindValue(sqlText(input.phone.trimmed()));
    q.addBindValue(sqlText(input.email.trimmed()));
    q.addBindValue(sqlText(input.notes));
    q.addBindValue(source);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the contact")));
    const qint64 id = q.lastInsertId().toLongLong();
    Q_EMIT contactsChanged();
    return get(id);
}

Result<Contact> ContactService::update(qint64 id, const ContactInput &input)
{
    if (Status ok = validate(input); !ok)
        return std::unexpected(ok.error());
    const Result<QString> phone = normalizedPhone(input.phone);
    if (!phone)
        return std::unexpected(phone.error());
    if (const Result<Contact> existing = findByPhone(*phone); existing && existing->id != id) {
        return fail(ErrorCode::Conflict, tr("The number %1 already belongs to %2.").arg(*phone, existing->name()));
    }
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("UPDATE contacts SET first_name = ?, last_name = ?, phone = ?, phone_raw = ?, email = ?, "
                             "notes = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(sqlText(input.firstName.trimmed()));
    q.addBindValue(sqlText(input.lastName.trimmed()));
    q.addBindValue(*phone);
    q.addBindValue(sqlText(input.phone.trimmed()));
    q.addBindValue(sqlText(input.email.trimmed()));
    q.addBindValue(sqlText(input.notes));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the contact")));
    if (q.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, tr("This contact no longer exists; someone may have deleted it."));
    Q_EMIT contactUpdated(id);
    Q_EMIT contactsChanged();
    return get(id);
}

Status ContactService::remove(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM contacts WHERE id = ?"));
    for (const qint64 id : ids) {
        q.addBindValue(id);
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Deleting contacts")));
    }
    if (Status committed = transaction.commit(); !committed)
        return committed;
    Q_EMIT contactsChanged();
    return {};
}

Result<Contact> ContactService::get(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(SelectColumns + QStringLiteral("WHERE c.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the contact")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("This contact no longer exists; someone may have deleted it."));
    return contactFromRow(q);
}

Result<Contact> ContactService::findByPhone(QStringView phone) const
{
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    QSqlQuery q(m_database.connection());
    q.prepare(SelectColumns + QStringLiteral("WHERE c.phone = ?"));
    q.addBindValue(*e164);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the contact")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("No contact has the number %1.").arg(*e164));
    return contactFromRow(q);
}

Result<int> ContactService::count(const ContactQuery &query) const
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT count(*) FROM contacts c") + whereClause(query, binds);
    QSqlQuery q(m_database.connection());
    q.prepare(sql);
    bindAll(q, binds);
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Counting contacts")));
    return q.value(0).toInt();
}

Result<QList<Contact>> ContactService::fetch(const ContactQuery &query, int offset, int limit) const
{
    // The page's ids come first from the (covering) sort index, so a page deep in 100,000 contacts
    // does not build every skipped row; only the page's own rows are read in full.
    QVariantList binds;
    const QString optOutJoin
        = query.sort == ContactSort::OptedOut ? QStringLiteral(" LEFT JOIN opt_outs o ON o.phone = c.phone") : QString();
    const QString sql = SelectColumns + QStringLiteral("WHERE c.id IN (SELECT c.id FROM contacts c") + optOutJoin
        + whereClause(query, binds) + orderClause(query) + QStringLiteral(" LIMIT ? OFFSET ?)") + orderClause(query);
    binds << limit << offset;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    bindAll(q, binds);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading contacts")));
    QList<Contact> result;
    result.reserve(qMin(limit, 4096));
    while (q.next())
        result.append(contactFromRow(q));
    return result;
}

Status ContactService::optOut(QStringView phone, const QString &reason, const QString &source)
{
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("INSERT INTO opt_outs(phone, reason, source, created_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(phone) DO UPDATE SET reason = excluded.reason, source = excluded.source"));
    q.addBindValue(*e164);
    q.addBindValue(sqlText(reason.trimmed()));
    q.addBindValue(source);
    q.addBindValue(m_clock.nowMs());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Recording the opt-out")));
    qCInfo(lcContacts) << "number opted out, source" << source;
    Q_EMIT optOutsChanged();
    Q_EMIT contactsChanged();
    return {};
}

Status ContactService::optIn(QStringView phone)
{
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("DELETE FROM opt_outs WHERE phone = ?"));
    q.addBindValue(*e164);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Removing the opt-out")));
    Q_EMIT optOutsChanged();
    Q_EMIT contactsChanged();
    return {};
}

Result<bool> ContactService::isOptedOut(QStringView phone) const
{
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM opt_outs WHERE phone = ?"));
    q.addBindValue(*e164);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading opt-outs")));
    return q.next();
}

Result<int> ContactService::removeDemoContacts()
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("DELETE FROM contacts WHERE source = 'demo'")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Removing the demo congregation")));
    const int removed = q.numRowsAffected();
    Q_EMIT contactsChanged();
    return removed;
}

} // namespace kengele
