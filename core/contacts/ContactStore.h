// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Contact.h"
#include "Group.h"
#include "common/Result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <array>
#include <memory>
#include <optional>

namespace kengele {

class SqliteStatement;

// The SQL of the contacts, groups, group_members and opt_outs tables, and nothing else: no rules
// (ContactService and GroupService check what people type), no signals, no transactions (a caller
// that writes more than one row begins one). ContactService, GroupService, the importer and the
// demo congregation all write through here.
//
// One store works on one connection, the calling thread's, for one piece of work: `what` says what
// that is in the caller's (translated) words, and a failure's message starts with it ("Saving the
// contact failed: the disk is full ..."). Writes and the bulk loads are prepared once per store
// and run through SQLite's own API (an import writes 100,000 rows through one store); queries that
// are built per call run through QSqlQuery. Let a store go before its connection closes.
class ContactStore final
{
public:
    ContactStore(const QSqlDatabase &db, QString what);
    ~ContactStore();

    ContactStore(const ContactStore &) = delete;
    ContactStore &operator=(const ContactStore &) = delete;

    // Contacts. Lookups give nullopt (or 0 for an id) when there is no such contact.
    Result<std::optional<Contact>> contact(qint64 id) const;
    Result<std::optional<Contact>> contactByPhone(QStringView e164) const;
    Result<int> countContacts(const ContactQuery &query) const;
    Result<QList<Contact>> contacts(const ContactQuery &query, int offset, int limit) const;
    Result<qint64> contactIdByPhone(QStringView e164) const;
    // E.164 number -> id, for every contact.
    Result<QHash<QString, qint64>> contactIdsByPhone() const;

    // Returns the new contact's id; fails when the number is stored already.
    Result<qint64> insertContact(const ContactRecord &contact, QStringView source, qint64 createdAt, qint64 updatedAt);
    // Many new contacts at once (an import), 64 to a statement; returns E.164 number -> new id.
    // The numbers must differ from each other; one stored already fails the call and nothing of
    // the failing statement is written (earlier statements are: the caller's transaction decides).
    Result<QHash<QString, qint64>> insertContacts(const QList<ContactRecord> &contacts, QStringView source, qint64 createdAt,
                                                  qint64 updatedAt);
    // Replaces every value; false when no contact has that id.
    Result<bool> replaceContact(qint64 id, const ContactRecord &contact, qint64 updatedAt);
    // Values that are not empty replace the stored ones; the number and the raw number stay.
    Status mergeContact(qint64 id, const ContactRecord &contact, qint64 updatedAt);
    Status removeContacts(const QList<qint64> &ids);
    // Removes the contacts that came from `source` ('demo'); returns how many.
    Result<int> removeContactsFrom(QStringView source);

    // Opt-outs belong to the number, contact or not. Recording one again replaces its reason and source.
    Status recordOptOut(QStringView e164, QStringView reason, QStringView source, qint64 at);
    Status removeOptOut(QStringView e164);
    // Records that SMS are allowed again to an opted-out number (opt_ins: who, why, and the opt-out
    // it ends), before removeOptOut. false when the number is not opted out.
    Result<bool> recordOptIn(QStringView e164, QStringView reason, QStringView userName, qint64 at);
    Result<bool> isOptedOut(QStringView e164) const;

    // Groups, with their member counts. Names compare without regard to (ASCII) case.
    Result<QList<Group>> groups() const;
    Result<std::optional<Group>> group(qint64 id) const;
    Result<std::optional<Group>> groupByName(const QString &name) const;
    Result<bool> groupExists(qint64 id) const;
    // Case-folded name -> id, for every group.
    Result<QHash<QString, qint64>> groupIdsByFoldedName() const;

    Result<qint64> insertGroup(QStringView name, QStringView description, qint64 createdAt);
    // false when no group has that id.
    Result<bool> updateGroup(qint64 id, QStringView name, QStringView description);
    Status removeGroup(qint64 id);

    // Memberships. Adding a member twice, or a contact that does not exist, changes nothing; both
    // return how many memberships changed.
    Result<int> addMembers(qint64 groupId, const QList<qint64> &contactIds, qint64 addedAt);
    Result<int> removeMembers(qint64 groupId, const QList<qint64> &contactIds);
    // Many groups at once (an import): written in the table's own order, each pair once. Every
    // group and contact must exist: a missing one fails the call, and the caller rolls back.
    Result<int> addMemberships(QList<Membership> memberships, qint64 addedAt);

private:
    enum Statement {
        InsertContact,
        ReplaceContact,
        MergeContact,
        ContactIdByPhone,
        AllContactIds,
        RemoveContact,
        RemoveContactsFrom,
        RecordOptOut,
        RemoveOptOut,
        IsOptedOut,
        GroupExists,
        AllGroupIds,
        InsertGroup,
        UpdateGroup,
        RemoveGroup,
        AddMember,
        AddMembership,
        AddMembershipBatch,
        InsertContactBatch,
        RemoveMember,
        StatementCount
    };

    // The statement, prepared on first use.
    SqliteStatement &statement(Statement which) const;
    // The statement's failure as the person at the desk reads it; resets the statement.
    Error failed(SqliteStatement &statement) const;

    QSqlDatabase m_db;
    QString m_what;
    mutable std::array<std::unique_ptr<SqliteStatement>, StatementCount> m_statements;
};

} // namespace kengele
