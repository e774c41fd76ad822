// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactStore.h"

#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <sqlite3.h>

namespace kengele {

namespace {

// The statements ContactStore prepares once and runs many times, by ContactStore::Statement.
constexpr auto StatementSql = std::to_array<const char *>({
    // InsertContact
    // uid: the contact's global id (architecture.md "Several computers: the change log"), given here
    // so the capture trigger need not write the row a second time.
    "INSERT INTO contacts(first_name, last_name, phone, phone_raw, email, notes, source, created_at, updated_at, uid) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, kengele_uuid7())",
    // ReplaceContact
    "UPDATE contacts SET first_name = ?1, last_name = ?2, phone = ?3, phone_raw = ?4, email = ?5, notes = ?6, "
    "updated_at = ?7 WHERE id = ?8",
    // MergeContact: values from the file replace stored ones only when the file has them.
    "UPDATE contacts SET first_name = coalesce(nullif(?1, ''), first_name), last_name = coalesce(nullif(?2, ''), last_name), "
    "email = coalesce(nullif(?3, ''), email), notes = coalesce(nullif(?4, ''), notes), updated_at = ?5 WHERE id = ?6",
    // ContactIdByPhone
    "SELECT id FROM contacts WHERE phone = ?1",
    // AllContactIds
    "SELECT phone, id FROM contacts",
    // RemoveContact
    "DELETE FROM contacts WHERE id = ?1",
    // RemoveContactsFrom
    "DELETE FROM contacts WHERE source = ?1",
    // RecordOptOut
    "INSERT INTO opt_outs(phone, reason, source, created_at) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT(phone) DO UPDATE SET reason = excluded.reason, source = excluded.source",
    // RemoveOptOut
    "DELETE FROM opt_outs WHERE phone = ?1",
    // IsOptedOut
    "SELECT 1 FROM opt_outs WHERE phone = ?1",
    // GroupExists
    "SELECT 1 FROM groups WHERE id = ?1",
    // AllGroupIds
    "SELECT name, id FROM groups",
    // InsertGroup
    "INSERT INTO groups(name, description, created_at, uid) VALUES (?1, ?2, ?3, kengele_uuid7())",
    // UpdateGroup
    "UPDATE groups SET name = ?1, description = ?2 WHERE id = ?3",
    // RemoveGroup
    "DELETE FROM groups WHERE id = ?1",
    // AddMember: nothing when the contact does not exist (any more) or is a member already.
    "INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) SELECT ?1, id, ?2 FROM contacts WHERE id = ?3",
    // AddMembership: nothing when it is a member already; the foreign keys refuse a missing contact.
    "INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) VALUES (?1, ?3, ?2)",
    // AddMembershipBatch: built by membershipBatchSql().
    nullptr,
    // InsertContactBatch: built by contactBatchSql(ContactBatch).
    nullptr,
    // RemoveMember
    "DELETE FROM group_members WHERE group_id = ?1 AND contact_id = ?2",
});

// Memberships written by one statement in addMemberships(): a statement per row costs about twice
// as much as the row itself.
constexpr int MembershipBatch = 64;

// AddMembership for MembershipBatch rows: ?1 is the time, then a group and a contact per row.
const char *membershipBatchSql()
{
    static const QByteArray sql = [] {
        QByteArray text("INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) VALUES ");
        for (int row = 0; row < MembershipBatch; ++row) {
            if (row > 0)
                text += ", ";
            text += "(?" + QByteArray::number(2 + 2 * row) + ", ?" + QByteArray::number(3 + 2 * row) + ", ?1)";
        }
        return text;
    }();
    return sql.constData();
}

// New contacts written by one statement in insertContacts(). A statement that fires the change
// log's triggers copies each page it touches into the statement journal first, once per
// statement: one contact per statement copied the same pages again for every contact.
constexpr int ContactBatch = 64;

// InsertContact for `rows` rows: ?1 source, ?2 created, ?3 updated, then six values per row. The
// new ids come back with their numbers (RETURNING gives rows in no promised order).
QByteArray contactBatchSql(int rows)
{
    QByteArray text("INSERT INTO contacts(first_name, last_name, phone, phone_raw, email, notes, source, created_at, "
                    "updated_at, uid) VALUES ");
    for (int row = 0; row < rows; ++row) {
        if (row > 0)
            text += ", ";
        text += '(';
        for (int column = 0; column < 6; ++column)
            text += "?" + QByteArray::number(4 + 6 * row + column) + ", ";
        text += "?1, ?2, ?3, kengele_uuid7())";
    }
    text += " RETURNING phone, id";
    return text;
}

const QString SelectContacts
    = QStringLiteral("SELECT c.id, c.first_name, c.last_name, c.phone, c.phone_raw, c.email, c.notes, c.source, "
                     "c.created_at, c.updated_at, o.reason IS NOT NULL, coalesce(o.reason, ''), "
                     "(SELECT group_concat(g.name, '\x1f') FROM group_members gm JOIN groups g ON g.id = gm.group_id "
                     " WHERE gm.contact_id = c.id) "
                     "FROM contacts c LEFT JOIN opt_outs o ON o.phone = c.phone ");

const QString SelectGroups = QStringLiteral("SELECT g.id, g.name, g.description, "
                                            " (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id), "
                                            " (SELECT count(*) FROM group_members gm JOIN contacts c ON c.id = gm.contact_id "
                                            "   JOIN opt_outs o ON o.phone = c.phone WHERE gm.group_id = g.id) "
                                            "FROM groups g ");

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

Group groupFromRow(const QSqlQuery &q)
{
    Group g;
    g.id = q.value(0).toLongLong();
    g.name = q.value(1).toString();
    g.description = q.value(2).toString();
    g.memberCount = q.value(3).toInt();
    g.optedOutCount = q.value(4).toInt();
    return g;
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

ContactStore::ContactStore(const QSqlDatabase &db, QString what)
    : m_db(db)
    , m_what(std::move(what))
{
    static_assert(StatementSql.size() == StatementCount);
}

ContactStore::~ContactStore() = default;

SqliteStatement &ContactStore::statement(Statement which) const
{
    std::unique_ptr<SqliteStatement> &prepared = m_statements[which];
    if (!prepared) {
        static const QByteArray contactBatch = contactBatchSql(ContactBatch);
        const char *sql = which == AddMembershipBatch ? membershipBatchSql()
            : which == InsertContactBatch             ? contactBatch.constData()
                                                      : StatementSql[which];
        prepared = std::make_unique<SqliteStatement>(m_db, sql);
    }
    return *prepared;
}

Error ContactStore::failed(SqliteStatement &statement) const
{
    Error error = statement.error(m_what);
    statement.reset();
    return error;
}

// ---------------------------------------------------------------- contacts

Result<std::optional<Contact>> ContactStore::contact(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(SelectContacts + QStringLiteral("WHERE c.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), m_what));
    if (!q.next())
        return std::nullopt;
    return contactFromRow(q);
}

Result<std::optional<Contact>> ContactStore::contactByPhone(QStringView e164) const
{
    QSqlQuery q(m_db);
    q.prepare(SelectContacts + QStringLiteral("WHERE c.phone = ?"));
    q.addBindValue(e164.toString());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), m_what));
    if (!q.next())
        return std::nullopt;
    return contactFromRow(q);
}

Result<int> ContactStore::countContacts(const ContactQuery &query) const
{
    QVariantList binds;
    const QString sql = QStringLiteral("SELECT count(*) FROM contacts c") + whereClause(query, binds);
    QSqlQuery q(m_db);
    q.prepare(sql);
    bindAll(q, binds);
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), m_what));
    return q.value(0).toInt();
}

Result<QList<Contact>> ContactStore::contacts(const ContactQuery &query, int offset, int limit) const
{
    // The page's ids come first from the (covering) sort index, so a page deep in 100,000 contacts
    // does not build every skipped row; only the page's own rows are read in full.
    QVariantList binds;
    const QString optOutJoin
        = query.sort == ContactSort::OptedOut ? QStringLiteral(" LEFT JOIN opt_outs o ON o.phone = c.phone") : QString();
    const QString sql = SelectContacts + QStringLiteral("WHERE c.id IN (SELECT c.id FROM contacts c") + optOutJoin
        + whereClause(query, binds) + orderClause(query) + QStringLiteral(" LIMIT ? OFFSET ?)") + orderClause(query);
    binds << limit << offset;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    bindAll(q, binds);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), m_what));
    QList<Contact> result;
    result.reserve(qMin(limit, 4096));
    while (q.next())
        result.append(contactFromRow(q));
    return result;
}

Result<qint64> ContactStore::contactIdByPhone(QStringView e164) const
{
    SqliteStatement &find = statement(ContactIdByPhone);
    find.bind(1, e164);
    const qint64 id = find.next() ? find.columnInt64(0) : 0;
    if (find.failed())
        return std::unexpected(failed(find));
    find.reset();
    return id;
}

Result<QHash<QString, qint64>> ContactStore::contactIdsByPhone() const
{
    SqliteStatement &all = statement(AllContactIds);
    QHash<QString, qint64> ids;
    while (all.next())
        ids.insert(all.columnText(0), all.columnInt64(1));
    if (all.failed())
        return std::unexpected(failed(all));
    all.reset();
    return ids;
}

Result<qint64> ContactStore::insertContact(const ContactRecord &contact, QStringView source, qint64 createdAt, qint64 updatedAt)
{
    SqliteStatement &insert = statement(InsertContact);
    insert.bind(1, contact.firstName);
    insert.bind(2, contact.lastName);
    insert.bind(3, contact.phone);
    insert.bind(4, contact.phoneRaw);
    insert.bind(5, contact.email);
    insert.bind(6, contact.notes);
    insert.bind(7, source);
    insert.bind(8, createdAt);
    insert.bind(9, updatedAt);
    if (!insert.exec())
        return std::unexpected(failed(insert));
    return qint64(sqlite3_last_insert_rowid(SqliteStatement::handle(m_db)));
}

Result<QHash<QString, qint64>> ContactStore::insertContacts(const QList<ContactRecord> &contacts, QStringView source,
                                                            qint64 createdAt, qint64 updatedAt)
{
    QHash<QString, qint64> ids;
    ids.reserve(contacts.size());
    const auto run = [&](SqliteStatement &insert, qsizetype first, int rows) -> Status {
        insert.bind(1, source);
        insert.bind(2, createdAt);
        insert.bind(3, updatedAt);
        for (int row = 0; row < rows; ++row) {
            const ContactRecord &contact = contacts[first + row];
            const int base = 4 + 6 * row;
            insert.bind(base, contact.firstName);
            insert.bind(base + 1, contact.lastName);
            insert.bind(base + 2, contact.phone);
            insert.bind(base + 3, contact.phoneRaw);
            insert.bind(base + 4, contact.email);
            insert.bind(base + 5, contact.notes);
        }
        while (insert.next())
            ids.insert(insert.columnText(0), insert.columnInt64(1));
        if (insert.failed())
            return std::unexpected(failed(insert));
        insert.reset();
        return {};
    };
    qsizetype next = 0;
    for (; next + ContactBatch <= contacts.size(); next += ContactBatch) {
        if (Status written = run(statement(InsertContactBatch), next, ContactBatch); !written)
            return std::unexpected(written.error());
    }
    if (next < contacts.size()) {
        SqliteStatement rest(m_db, contactBatchSql(int(contacts.size() - next)).constData());
        if (Status written = run(rest, next, int(contacts.size() - next)); !written)
            return std::unexpected(written.error());
    }
    return ids;
}

Result<bool> ContactStore::replaceContact(qint64 id, const ContactRecord &contact, qint64 updatedAt)
{
    SqliteStatement &update = statement(ReplaceContact);
    update.bind(1, contact.firstName);
    update.bind(2, contact.lastName);
    update.bind(3, contact.phone);
    update.bind(4, contact.phoneRaw);
    update.bind(5, contact.email);
    update.bind(6, contact.notes);
    update.bind(7, updatedAt);
    update.bind(8, id);
    if (!update.exec())
        return std::unexpected(failed(update));
    return update.changes() > 0;
}

Status ContactStore::mergeContact(qint64 id, const ContactRecord &contact, qint64 updatedAt)
{
    SqliteStatement &merge = statement(MergeContact);
    merge.bind(1, contact.firstName);
    merge.bind(2, contact.lastName);
    merge.bind(3, contact.email);
    merge.bind(4, contact.notes);
    merge.bind(5, updatedAt);
    merge.bind(6, id);
    if (!merge.exec())
        return std::unexpected(failed(merge));
    return {};
}

Status ContactStore::removeContacts(const QList<qint64> &ids)
{
    SqliteStatement &remove = statement(RemoveContact);
    for (const qint64 id : ids) {
        remove.bind(1, id);
        if (!remove.exec())
            return std::unexpected(failed(remove));
    }
    return {};
}

Result<int> ContactStore::removeContactsFrom(QStringView source)
{
    SqliteStatement &remove = statement(RemoveContactsFrom);
    remove.bind(1, source);
    if (!remove.exec())
        return std::unexpected(failed(remove));
    return remove.changes();
}

// ---------------------------------------------------------------- opt-outs

Status ContactStore::recordOptOut(QStringView e164, QStringView reason, QStringView source, qint64 at)
{
    SqliteStatement &record = statement(RecordOptOut);
    record.bind(1, e164);
    record.bind(2, reason);
    record.bind(3, source);
    record.bind(4, at);
    if (!record.exec())
        return std::unexpected(failed(record));
    return {};
}

Status ContactStore::removeOptOut(QStringView e164)
{
    SqliteStatement &remove = statement(RemoveOptOut);
    remove.bind(1, e164);
    if (!remove.exec())
        return std::unexpected(failed(remove));
    return {};
}

Result<bool> ContactStore::recordOptIn(QStringView e164, QStringView reason, QStringView userName, qint64 at)
{
    // Rare (a person's decision): prepared per call rather than kept with the bulk statements.
    SqliteStatement record(m_db,
                           "INSERT INTO opt_ins(phone, reason, user_name, opted_out_reason, opted_out_source, opted_out_at, "
                           "created_at) SELECT phone, ?2, ?3, reason, source, created_at, ?4 FROM opt_outs WHERE phone = ?1");
    if (!record.isValid())
        return std::unexpected(record.error(m_what));
    record.bind(1, e164);
    record.bind(2, reason);
    record.bind(3, userName);
    record.bind(4, at);
    if (!record.exec())
        return std::unexpected(record.error(m_what));
    return record.changes() > 0;
}

Result<bool> ContactStore::isOptedOut(QStringView e164) const
{
    SqliteStatement &find = statement(IsOptedOut);
    find.bind(1, e164);
    const bool found = find.next();
    if (find.failed())
        return std::unexpected(failed(find));
    find.reset();
    return found;
}

// ---------------------------------------------------------------- groups

Result<QList<Group>> ContactStore::groups() const
{
    QSqlQuery q(m_db);
    if (!q.exec(SelectGroups + QStringLiteral("ORDER BY g.name COLLATE NOCASE")))
        return std::unexpected(Database::storageError(q.lastError(), m_what));
    QList<Group> groups;
    while (q.next())
        groups.append(groupFromRow(q));
    return groups;
}

Result<std::optional<Group>> ContactStore::group(qint64 id) const
{
    QSqlQuery q(m_db);
    q.prepare(SelectGroups + QStringLiteral("WHERE g.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), m_what));
    if (!q.next())
        return std::nullopt;
    return groupFromRow(q);
}

Result<std::optional<Group>> ContactStore::groupByName(const QString &name) const
{
    QSqlQuery q(m_db);
    q.prepare(SelectGroups + QStringLiteral("WHERE g.name = ?"));
    q.addBindValue(sqlText(name));
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), m_what));
    if (!q.next())
        return std::nullopt;
    return groupFromRow(q);
}

Result<bool> ContactStore::groupExists(qint64 id) const
{
    SqliteStatement &find = statement(GroupExists);
    find.bind(1, id);
    const bool found = find.next();
    if (find.failed())
        return std::unexpected(failed(find));
    find.reset();
    return found;
}

Result<QHash<QString, qint64>> ContactStore::groupIdsByFoldedName() const
{
    SqliteStatement &all = statement(AllGroupIds);
    QHash<QString, qint64> ids;
    while (all.next())
        ids.insert(all.columnText(0).toCaseFolded(), all.columnInt64(1));
    if (all.failed())
        return std::unexpected(failed(all));
    all.reset();
    return ids;
}

Result<qint64> ContactStore::insertGroup(QStringView name, QStringView description, qint64 createdAt)
{
    SqliteStatement &insert = statement(InsertGroup);
    insert.bind(1, name);
    insert.bind(2, description);
    insert.bind(3, createdAt);
    if (!insert.exec())
        return std::unexpected(failed(insert));
    return qint64(sqlite3_last_insert_rowid(SqliteStatement::handle(m_db)));
}

Result<bool> ContactStore::updateGroup(qint64 id, QStringView name, QStringView description)
{
    SqliteStatement &update = statement(UpdateGroup);
    update.bind(1, name);
    update.bind(2, description);
    update.bind(3, id);
    if (!update.exec())
        return std::unexpected(failed(update));
    return update.changes() > 0;
}

Status ContactStore::removeGroup(qint64 id)
{
    SqliteStatement &remove = statement(RemoveGroup);
    remove.bind(1, id);
    if (!remove.exec())
        return std::unexpected(failed(remove));
    return {};
}

// ---------------------------------------------------------------- memberships

Result<int> ContactStore::addMembers(qint64 groupId, const QList<qint64> &contactIds, qint64 addedAt)
{
    SqliteStatement &add = statement(AddMember);
    int added = 0;
    for (const qint64 contactId : contactIds) {
        add.bind(1, groupId);
        add.bind(2, addedAt);
        add.bind(3, contactId);
        if (!add.exec())
            return std::unexpected(failed(add));
        added += add.changes();
    }
    return added;
}

Result<int> ContactStore::addMemberships(QList<Membership> memberships, qint64 addedAt)
{
    // In the primary key's order every row lands next to the one before it.
    std::sort(memberships.begin(), memberships.end());
    memberships.erase(std::unique(memberships.begin(), memberships.end()), memberships.end());
    int added = 0;
    qsizetype next = 0;
    if (memberships.size() >= MembershipBatch) {
        SqliteStatement &batch = statement(AddMembershipBatch);
        for (; next + MembershipBatch <= memberships.size(); next += MembershipBatch) {
            batch.bind(1, addedAt);
            for (int row = 0; row < MembershipBatch; ++row) {
                batch.bind(2 + 2 * row, memberships[next + row].groupId);
                batch.bind(3 + 2 * row, memberships[next + row].contactId);
            }
            if (!batch.exec())
                return std::unexpected(failed(batch));
            added += batch.changes();
        }
    }
    if (next < memberships.size()) {
        SqliteStatement &add = statement(AddMembership);
        for (; next < memberships.size(); ++next) {
            add.bind(1, memberships[next].groupId);
            add.bind(2, addedAt);
            add.bind(3, memberships[next].contactId);
            if (!add.exec())
                return std::unexpected(failed(add));
            added += add.changes();
        }
    }
    return added;
}

Result<int> ContactStore::removeMembers(qint64 groupId, const QList<qint64> &contactIds)
{
    SqliteStatement &remove = statement(RemoveMember);
    int removed = 0;
    for (const qint64 contactId : contactIds) {
        remove.bind(1, groupId);
        remove.bind(2, contactId);
        if (!remove.exec())
            return std::unexpected(failed(remove));
        removed += remove.changes();
    }
    return removed;
}

} // namespace kengele
