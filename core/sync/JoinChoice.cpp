// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JoinChoice.h"

#include "ReplicaSchema.h"
#include "ReplicaSqlFunctions.h"
#include "Snapshot.h"
#include "SyncLog.h"
#include "backup/BackupScheduler.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

constexpr auto ChoiceKey = "sync.join_choice";

qint64 count(const QSqlDatabase &db, const QString &table, bool *ok)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT count(*) FROM %1"_s.arg(table)) || !q.next()) {
        *ok = false;
        return 0;
    }
    return q.value(0).toLongLong();
}

} // namespace

Result<QString> JoinChoices::backUpOwnData(BackupScheduler &backups, const QString &passphrase)
{
    if (passphrase.isEmpty())
        return std::unexpected(Error{ErrorCode::InvalidInput,
                                     tr("This computer's own data is kept in an encrypted backup before it starts from the "
                                        "church's data, and a backup needs a passphrase. Nothing was changed.")});
    Result<BackupCreated> made = backups.backupNow(passphrase);
    if (!made)
        return std::unexpected(made.error());
    qCInfo(lcSync) << "own data kept in a backup before starting from the church's data";
    return made->file;
}

QString OwnSharedData::describe() const
{
    QStringList parts;
    if (contacts > 0)
        parts << JoinChoices::tr("%n contact(s)", nullptr, int(contacts));
    if (groups > 0)
        parts << JoinChoices::tr("%n group(s)", nullptr, int(groups));
    if (templates > 0)
        parts << JoinChoices::tr("%n template(s)", nullptr, int(templates));
    if (optOuts > 0)
        parts << JoinChoices::tr("%n number(s) that asked for no more messages", nullptr, int(optOuts));
    if (staffAccounts > 0)
        parts << JoinChoices::tr("%n staff account(s)", nullptr, int(staffAccounts));
    if (parts.size() <= 1)
        return parts.value(0);
    const QString last = parts.takeLast();
    return JoinChoices::tr("%1 and %2").arg(parts.join(u", "_s), last);
}

Result<OwnSharedData> JoinChoices::ownData(Database &database)
{
    const QSqlDatabase db = database.connection();
    bool ok = true;
    OwnSharedData out;
    out.contacts = count(db, u"contacts"_s, &ok);
    out.groups = count(db, u"groups"_s, &ok);
    out.templates = count(db, u"templates"_s, &ok);
    out.optOuts = count(db, u"opt_outs"_s, &ok);
    out.staffAccounts = count(db, u"staff"_s, &ok);
    if (!ok)
        return fail(ErrorCode::Storage, tr("Reading this computer's data failed."));
    return out;
}

Status JoinChoices::save(Database &database, JoinChoice choice)
{
    QSqlQuery q(database.connection());
    q.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"_s);
    q.addBindValue(QString::fromLatin1(ChoiceKey));
    q.addBindValue(choice == JoinChoice::StartFromChurch ? u"church"_s : u"merge"_s);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Keeping the choice for this computer's data")));
    return {};
}

std::optional<JoinChoice> JoinChoices::load(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    q.addBindValue(QString::fromLatin1(ChoiceKey));
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString() == u"church"_s ? JoinChoice::StartFromChurch : JoinChoice::Merge;
}

Status JoinChoices::clearSharedData(const QSqlDatabase &db)
{
    if (!ReplicaSqlFunctions::setApplying(db, true))
        return fail(ErrorCode::Storage, tr("Setting this computer's data aside failed."));
    // The ledger first, in the order its rows refer to each other; its bookkeeping (lots held,
    // spending by hour) goes too and is recounted from what comes in.
    QStringList statements{u"DELETE FROM token_spend_hours"_s,         u"DELETE FROM token_lot_holdings"_s,
                           u"DELETE FROM token_entry_lots"_s,          u"DELETE FROM token_entries"_s,
                           u"DELETE FROM token_lots WHERE id <> -1"_s, u"DELETE FROM token_transfers"_s,
                           u"DELETE FROM token_transfers_waiting"_s};
    // Then the other shared tables, memberships and the like before the rows they point at. The
    // staff accounts go too: this computer takes the church's (the person at it signs in with
    // their church account once those have come; StaffAccounts::refresh signs out an account the
    // church does not have). Where the church has none, sign-in is no longer asked for here.
    QStringList tables;
    for (const SnapshotTable &table : SnapshotFormat::tables()) {
        const QString name(table.table);
        if (!tables.contains(name) && !name.startsWith(u"token_"_s))
            tables.prepend(name);
    }
    for (const QString &table : std::as_const(tables))
        statements << u"DELETE FROM %1"_s.arg(table);
    // The other computers' audit entries (audit_remote, above) come back with the church's data.
    // This computer's own trail cannot be set aside (it is append-only) and stays its own: its
    // entries stay queued, and all of them go out again (the others keep one copy of each).
    statements << u"DELETE FROM change_log WHERE entity <> 'audit_entry'"_s;
    // The budgets this computer made; the five every profile starts with (World, Main, Reserved,
    // Spent, Expired) have the same uid everywhere and stay.
    statements << u"DELETE FROM token_accounts WHERE uid IS NOT kengele_name_uid('token_account', lower(name))"_s;
    QSqlQuery q(db);
    bool ok = true;
    for (const QString &statement : std::as_const(statements)) {
        if (!q.exec(statement)) {
            qCWarning(lcSync) << "setting shared data aside failed at" << statement << q.lastError().text();
            ok = false;
            break;
        }
    }
    ok = ok && q.exec(u"UPDATE sync_state SET sent_up_to = 0 WHERE id = 1"_s);
    ReplicaSqlFunctions::setApplying(db, false);
    if (!ok)
        return fail(ErrorCode::Storage, tr("Setting this computer's data aside failed; nothing was changed."));
    qCInfo(lcSync) << "this computer's own shared data was set aside: it starts from the church's";
    return {};
}

} // namespace kengele
