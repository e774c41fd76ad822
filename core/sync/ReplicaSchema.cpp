// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReplicaSchema.h"

#include <array>

// Over 700 lines on purpose: one file for the shared tables' schema, migration by migration (15,
// 17, 18, 20, 21, 22, 24), like Migrations.cpp for the rest. Each step is generated from the same
// trigger builders and entity list, and a released step must keep generating what it generated,
// which is easiest to see with them side by side.

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

using L = QLatin1StringView;

// The HLC stamp of the change a trigger records: the trigger first moves sync_state.hlc on
// (kengele_hlc_next), then reads it back inside the same statement's transaction.
constexpr auto Tick = "UPDATE sync_state SET hlc = kengele_hlc_next(hlc) WHERE id = 1;"_L1;

QString changed(L field)
{
    return u"NEW.%1 IS NOT OLD.%1 COLLATE BINARY"_s.arg(field);
}

// The clock a field's value had before this change: the larger of the row's creation clock ('*')
// and the field's own.
QString prevClock(L entity, const QString &key, L field)
{
    return u"(SELECT max(hlc) FROM sync_clocks WHERE entity = '%1' AND uid = %2 AND field IN ('*', '%3'))"_s.arg(entity, key,
                                                                                                                 field);
}

// The update trigger. Schema 15's (`legacy`) built the changed fields with json_patch('{}', …),
// which drops every key whose value is NULL: a field set to NULL never travelled. Since schema 17
// the changed fields are gathered with json_group_object over one row per changed field, which
// keeps a JSON null.
QString updateTrigger(const ReplicaEntity &e, bool legacy)
{
    QStringList anyChanged;
    QStringList changedValues;
    QStringList changedPrev;
    QStringList valueRows;
    QStringList prevRows;
    QString perField;
    for (L f : e.fields) {
        anyChanged << changed(f);
        changedValues << u"'%1', CASE WHEN %2 THEN NEW.%1 END"_s.arg(f, changed(f));
        changedPrev << u"'%1', CASE WHEN %2 THEN %3 END"_s.arg(f, changed(f), prevClock(e.name, u"NEW.uid"_s, f));
        valueRows << u"SELECT '%1' AS k, NEW.%1 AS v WHERE %2"_s.arg(f, changed(f));
        prevRows << u"SELECT '%1' AS k, %2 AS v WHERE %3"_s.arg(f, prevClock(e.name, u"NEW.uid"_s, f), changed(f));
        perField += uR"(
        INSERT INTO sync_clocks(entity, uid, field, hlc, device, user, prev, value)
            SELECT '%1', NEW.uid, '%2', s.hlc, '', kengele_user(), coalesce(%3, 0), NULL
            FROM sync_state s WHERE s.id = 1 AND %4
            ON CONFLICT(entity, uid, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, user = excluded.user,
                prev = excluded.prev, value = excluded.value;)"_s.arg(e.name, f, prevClock(e.name, u"NEW.uid"_s, f), changed(f));
    }
    const QString fields = legacy ? u"json_patch('{}', json_object(%1))"_s.arg(changedValues.join(u", "_s))
                                  : u"(SELECT json_group_object(k, v) FROM (%1))"_s.arg(valueRows.join(u" UNION ALL "_s));
    const QString prev = legacy ? u"json_patch('{}', json_object(%1))"_s.arg(changedPrev.join(u", "_s))
                                : u"(SELECT json_group_object(k, v) FROM (%1))"_s.arg(prevRows.join(u" UNION ALL "_s));
    return uR"(CREATE TRIGGER sync_capture_%1_update AFTER UPDATE ON %1
        WHEN kengele_sync_applying() = 0 AND OLD.uid IS NOT NULL AND NEW.uid IS OLD.uid AND (%3) BEGIN
        %4
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT '%2', NEW.uid, %5, %6, s.hlc, kengele_user()
            FROM sync_state s WHERE s.id = 1;%7
    END)"_s.arg(e.table, e.name, anyChanged.join(u" OR "_s), Tick, fields, prev, perField);
}

QStringList rowTriggers(const ReplicaEntity &e, bool legacy)
{
    QStringList out;
    QStringList newValues;
    for (L f : e.fields)
        newValues << u"'%1', NEW.%1"_s.arg(f);
    // The services give a new row its uid (kengele_uuid7() in their INSERT); a row inserted
    // without one gets it here.
    out << uR"(CREATE TRIGGER sync_capture_%1_insert AFTER INSERT ON %1 WHEN kengele_sync_applying() = 0 BEGIN
        %3
        UPDATE %1 SET uid = kengele_uuid7() WHERE NEW.uid IS NULL AND id = NEW.id;
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT '%2', coalesce(NEW.uid, (SELECT uid FROM %1 WHERE id = NEW.id)), json_object(%4), NULL, s.hlc, kengele_user()
            FROM sync_state s WHERE s.id = 1;
        INSERT INTO sync_clocks(entity, uid, field, hlc, device, user, prev, value)
            SELECT '%2', coalesce(NEW.uid, (SELECT uid FROM %1 WHERE id = NEW.id)), '*', s.hlc, '', kengele_user(), 0, NULL
            FROM sync_state s WHERE s.id = 1
            ON CONFLICT(entity, uid, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, user = excluded.user,
                prev = excluded.prev, value = excluded.value;
    END)"_s.arg(e.table, e.name, Tick, newValues.join(u", "_s));

    out << updateTrigger(e, legacy);

    out << uR"(CREATE TRIGGER sync_capture_%1_delete AFTER DELETE ON %1
        WHEN kengele_sync_applying() = 0 AND OLD.uid IS NOT NULL BEGIN
        %3
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT '%2', OLD.uid, '{"_deleted":1}', NULL, s.hlc, kengele_user() FROM sync_state s WHERE s.id = 1;
        INSERT INTO sync_clocks(entity, uid, field, hlc, device, user, prev, value)
            SELECT '%2', OLD.uid, '_deleted', s.hlc, '', kengele_user(), 0, 1 FROM sync_state s WHERE s.id = 1
            ON CONFLICT(entity, uid, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, user = excluded.user,
                prev = excluded.prev, value = excluded.value;
    END)"_s.arg(e.table, e.name, Tick);
    return out;
}

// The shared tables a schema version made shared (its migration must not change when a later
// version adds one).
QList<ReplicaEntity> entitiesOf(int version)
{
    QList<ReplicaEntity> out;
    for (const ReplicaEntity &e : ReplicaSchema::rowEntities()) {
        if (e.since != version)
            continue;
        ReplicaEntity then = e;
        if (then.laterSince > version)
            then.fields.removeIf([&e](L f) { return e.laterFields.contains(f); });
        out.append(then);
    }
    return out;
}

QStringList membershipTriggers()
{
    QStringList out;
    out << uR"(CREATE TRIGGER sync_capture_group_members_insert AFTER INSERT ON group_members
        WHEN kengele_sync_applying() = 0 BEGIN
        %1
        INSERT INTO sync_tags(tag, entity, a, b, removed)
            SELECT s.hlc || '@' || s.device, 'membership', g.uid, c.uid, 0
            FROM sync_state s, groups g, contacts c WHERE s.id = 1 AND g.id = NEW.group_id AND c.id = NEW.contact_id;
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT 'membership', g.uid || '/' || c.uid, json_object('add', s.hlc || '@' || s.device), NULL, s.hlc,
                kengele_user()
            FROM sync_state s, groups g, contacts c WHERE s.id = 1 AND g.id = NEW.group_id AND c.id = NEW.contact_id;
    END)"_s.arg(Tick);
    // A remove takes back the adds this computer has seen (their tags), never one it has not.
    // When the group or contact itself is being deleted, its deletion says it all.
    out << uR"(CREATE TRIGGER sync_capture_group_members_delete AFTER DELETE ON group_members
        WHEN kengele_sync_applying() = 0 BEGIN
        %1
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT 'membership', g.uid || '/' || c.uid,
                json_object('remove', json((SELECT json_group_array(tag) FROM sync_tags
                    WHERE entity = 'membership' AND a = g.uid AND b = c.uid AND removed = 0))),
                NULL, s.hlc, kengele_user()
            FROM sync_state s, groups g, contacts c WHERE s.id = 1 AND g.id = OLD.group_id AND c.id = OLD.contact_id;
        UPDATE sync_tags SET removed = 1 WHERE entity = 'membership' AND removed = 0
            AND a = (SELECT uid FROM groups WHERE id = OLD.group_id) AND b = (SELECT uid FROM contacts WHERE id = OLD.contact_id);
    END)"_s.arg(Tick);
    return out;
}

QStringList optOutTriggers()
{
    QStringList out;
    QString fieldClocks;
    QStringList newValues;
    QStringList anyChanged;
    QStringList changedValues;
    QStringList changedPrev;
    QString changedClocks;
    for (L f : ReplicaSchema::optOutFields()) {
        // Opt-out values are kept beside their clocks too: a number that opts out again after a
        // START gets its row back from them, whichever computer wrote them.
        fieldClocks += uR"(
        INSERT INTO sync_clocks(entity, uid, field, hlc, device, user, prev, value)
            SELECT 'opt_out', NEW.phone, '%1', s.hlc, '', kengele_user(), coalesce(%2, 0), NEW.%1
            FROM sync_state s WHERE s.id = 1
            ON CONFLICT(entity, uid, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, user = excluded.user,
                prev = excluded.prev, value = excluded.value;)"_s.arg(f, prevClock("opt_out"_L1, u"NEW.phone"_s, f));
        newValues << u"'%1', NEW.%1"_s.arg(f);
        anyChanged << changed(f);
        changedValues << u"'%1', CASE WHEN %2 THEN NEW.%1 END"_s.arg(f, changed(f));
        changedPrev << u"'%1', CASE WHEN %2 THEN %3 END"_s.arg(f, changed(f), prevClock("opt_out"_L1, u"NEW.phone"_s, f));
        changedClocks += uR"(
        INSERT INTO sync_clocks(entity, uid, field, hlc, device, user, prev, value)
            SELECT 'opt_out', NEW.phone, '%1', s.hlc, '', kengele_user(), coalesce(%2, 0), NEW.%1
            FROM sync_state s WHERE s.id = 1 AND %3
            ON CONFLICT(entity, uid, field) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, user = excluded.user,
                prev = excluded.prev, value = excluded.value;)"_s.arg(f, prevClock("opt_out"_L1, u"NEW.phone"_s, f), changed(f));
    }
    out << uR"(CREATE TRIGGER sync_capture_opt_outs_insert AFTER INSERT ON opt_outs WHEN kengele_sync_applying() = 0 BEGIN
        %1
        INSERT INTO sync_tags(tag, entity, a, b, removed)
            SELECT s.hlc || '@' || s.device, 'opt_out', NEW.phone, '', 0 FROM sync_state s WHERE s.id = 1;
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT 'opt_out', NEW.phone, json_object('add', s.hlc || '@' || s.device, %2), NULL, s.hlc, kengele_user()
            FROM sync_state s WHERE s.id = 1;%3
    END)"_s.arg(Tick, newValues.join(u", "_s), fieldClocks);
    // Opting out again (a second STOP, a new reason) is a new add too: a START elsewhere that had
    // not seen it cannot take it back.
    out << uR"(CREATE TRIGGER sync_capture_opt_outs_update AFTER UPDATE ON opt_outs
        WHEN kengele_sync_applying() = 0 AND NEW.phone IS OLD.phone BEGIN
        %1
        INSERT INTO sync_tags(tag, entity, a, b, removed)
            SELECT s.hlc || '@' || s.device, 'opt_out', NEW.phone, '', 0 FROM sync_state s WHERE s.id = 1;
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT 'opt_out', NEW.phone, json_patch(json_object('add', s.hlc || '@' || s.device), json_object(%2)),
                json_patch('{}', json_object(%3)), s.hlc, kengele_user()
            FROM sync_state s WHERE s.id = 1;%4
    END)"_s.arg(Tick, changedValues.join(u", "_s), changedPrev.join(u", "_s), changedClocks);
    out << uR"(CREATE TRIGGER sync_capture_opt_outs_delete AFTER DELETE ON opt_outs WHEN kengele_sync_applying() = 0 BEGIN
        %1
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT 'opt_out', OLD.phone,
                json_object('remove', json((SELECT json_group_array(tag) FROM sync_tags
                    WHERE entity = 'opt_out' AND a = OLD.phone AND removed = 0))),
                NULL, s.hlc, kengele_user()
            FROM sync_state s WHERE s.id = 1;
        UPDATE sync_tags SET removed = 1 WHERE entity = 'opt_out' AND a = OLD.phone AND removed = 0;
    END)"_s.arg(Tick);
    return out;
}

// A transfer is captured when its second (positive) entry is written: TokenLedger writes the
// transfer row, then -tokens from one account, then +tokens to the other, so by then the whole
// transfer is there, with a credit's lot. The transfer gets its clock (hlc, device: the order in
// which every computer replays the ledger), a uid when it has none (a voucher's credit and a lot's
// expiry were given a name-based one), and its campaign as a value other computers can hold
// (this computer's replica id / the campaign's local id).
QString transferTrigger()
{
    return uR"(CREATE TRIGGER sync_capture_token_entries_insert AFTER INSERT ON token_entries
        WHEN kengele_sync_applying() = 0 AND NEW.amount > 0 BEGIN
        %1
        UPDATE token_transfers SET uid = coalesce(uid, kengele_uuid7()),
            hlc = (SELECT hlc FROM sync_state WHERE id = 1), device = (SELECT device FROM sync_state WHERE id = 1),
            campaign_ref = CASE WHEN campaign_id IS NULL THEN ''
                ELSE (SELECT device FROM sync_state WHERE id = 1) || '/' || campaign_id END
            WHERE id = NEW.transfer_id;
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT 'token_transfer', t.uid, json_object('kind', t.kind, 'from', fa.uid, 'to', ta.uid, 'tokens', NEW.amount,
                'campaign', t.campaign_ref, 'reference', t.reference, 'reason', t.reason, 'user_name', t.user_name,
                'created_at', t.created_at, 'lot', t.lot, 'plan', coalesce(l.plan, ''), 'expires_at', l.expires_at),
                NULL, t.hlc, kengele_user()
            FROM token_transfers t
            JOIN token_entries fe ON fe.transfer_id = t.id AND fe.amount < 0
            JOIN token_accounts fa ON fa.id = fe.account_id
            JOIN token_accounts ta ON ta.id = NEW.account_id
            LEFT JOIN token_lots l ON l.transfer_id = t.id
            WHERE t.id = NEW.transfer_id;
    END)"_s.arg(Tick);
}

} // namespace

const QList<ReplicaEntity> &ReplicaSchema::rowEntities()
{
    static const QList<ReplicaEntity> entities = {
        {"contact"_L1,
         "contacts"_L1,
         {"first_name"_L1, "last_name"_L1, "phone"_L1, "phone_raw"_L1, "email"_L1, "notes"_L1, "source"_L1, "created_at"_L1},
         "phone"_L1,
         {"phone"_L1},
         {},
         true},
        {"group"_L1,
         "groups"_L1,
         {"name"_L1, "description"_L1, "created_at"_L1},
         "name"_L1,
         {"name"_L1},
         {{"report_schedules"_L1, "sms_group_id"_L1}},
         false},
        {"template"_L1, "templates"_L1, {"name"_L1, "body"_L1, "created_at"_L1}, "name"_L1, {"name"_L1, "body"_L1}, {}, true},
        // Campaigns (schema 17): the definition, schedule and state as one computer keeps them;
        // origin is the replica id (sync_state.device) of the computer that launched it, the only
        // one that ever sends it. Since schema 24 its links too, as uids (the budget, template,
        // repeating campaign, and who it was aimed at): each computer keeps its own integer ids
        // (account_id, template_id, parent_id, campaign_targets) from them. Not shared: the outbox.
        {"campaign"_L1,
         "campaigns"_L1,
         {"name"_L1,    "body"_L1,         "sender_id"_L1,    "priority"_L1,    "status"_L1,       "status_reason"_L1,
          "gateway"_L1, "scheduled_at"_L1, "recurrence"_L1,   "recur_until"_L1, "recipients"_L1,   "segments"_L1,
          "tokens"_L1,  "created_at"_L1,   "launched_at"_L1,  "finished_at"_L1, "all_contacts"_L1, "demo"_L1,
          "origin"_L1,  "account_uid"_L1,  "template_uid"_L1, "parent_uid"_L1,  "targets"_L1},
         {},
         {"name"_L1, "body"_L1, "status"_L1, "gateway"_L1, "origin"_L1},
         {},
         false,
         17,
         {"account_uid"_L1, "template_uid"_L1, "parent_uid"_L1, "targets"_L1},
         24},
        // Budget accounts and the ledger's own accounts (World, Reserved, Spent, Expired), merged by
        // name: two computers' "Youth" are one budget.
        {"token_account"_L1,
         "token_accounts"_L1,
         {"name"_L1, "kind"_L1, "alert_below"_L1, "created_at"_L1},
         "name"_L1,
         {"name"_L1, "kind"_L1},
         {},
         false,
         18},
        // Staff accounts (schema 20), merged by user name like groups: the same "mary" made on two
        // computers is one account. Shared: the name, role, whether disabled, the password's
        // Argon2id hash (only ever inside the encrypted batches). Not shared: failures and retry_at
        // (each computer counts wrong passwords on its own). Never deleted.
        {"staff"_L1,
         "staff"_L1,
         {"user_name"_L1, "display_name"_L1, "role"_L1, "disabled"_L1, "password_hash"_L1, "created_at"_L1},
         "user_name"_L1,
         {"user_name"_L1, "display_name"_L1, "role"_L1, "password_hash"_L1},
         {},
         true,
         20},
        // The organisation's settings (schema 21): quiet hours, the sender id, the phone region…
        // (Settings::isShared); one row per setting, its uid made from its name.
        {"org_setting"_L1, "org_settings"_L1, {"name"_L1, "value"_L1, "created_at"_L1}, "name"_L1, {"name"_L1}, {}, false, 21},
    };
    return entities;
}

const ReplicaEntity *ReplicaSchema::rowEntity(QStringView name)
{
    for (const ReplicaEntity &e : rowEntities()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

const QList<QLatin1StringView> &ReplicaSchema::tokenTransferFields()
{
    static const QList<QLatin1StringView> fields
        = {"kind"_L1,   "from"_L1,      "to"_L1,         "tokens"_L1, "campaign"_L1, "reference"_L1,
           "reason"_L1, "user_name"_L1, "created_at"_L1, "lot"_L1,    "plan"_L1,     "expires_at"_L1};
    return fields;
}

const QList<QLatin1StringView> &ReplicaSchema::optOutFields()
{
    static const QList<QLatin1StringView> fields = {"reason"_L1, "source"_L1, "created_at"_L1};
    return fields;
}

QStringList ReplicaSchema::migrationStatements()
{
    QStringList out;
    // A uid column on each shared table rather than a mapping table: the triggers, the applier and
    // the dump find a row by its uid with one index and no join, and a row and its global id can
    // never drift apart (deleting the row deletes its uid). Existing rows get random v7 ids: no
    // other computer knows them yet.
    for (const ReplicaEntity &e : entitiesOf(15)) {
        out << u"ALTER TABLE %1 ADD COLUMN uid TEXT"_s.arg(e.table);
        out << u"UPDATE %1 SET uid = kengele_uuid7()"_s.arg(e.table);
        out << u"CREATE UNIQUE INDEX %1_by_uid ON %1(uid)"_s.arg(e.table);
    }
    // sync_state: one row. hlc: the last HLC stamp this computer gave or saw (read and moved on in
    // the transaction of the changes it stamps, so the desktop and kengele-cli on one profile stay
    // monotone). device: this computer's replica id (ties between equal stamps). sent_up_to: the
    // last change_log seq handed to the relay. last_in: when changes from another computer were
    // last applied (UTC ms).
    out << uR"(CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hlc INTEGER NOT NULL,
        device TEXT NOT NULL,
        sent_up_to INTEGER NOT NULL DEFAULT 0,
        last_in INTEGER))"_s;
    out << u"INSERT INTO sync_state(id, hlc, device) VALUES (1, 0, kengele_uuid7())"_s;
    // change_log: this computer's own changes (its device is sync_state.device), one row per
    // changed row, not per field, to keep bulk imports fast: fields is a JSON object of the changed
    // fields' new values, prev of the clocks those fields had before (for conflicts). user: the
    // person signed in ('' when unknown).
    out << uR"(CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        uid TEXT NOT NULL,
        fields TEXT NOT NULL,
        prev TEXT,
        hlc INTEGER NOT NULL,
        user TEXT NOT NULL))"_s;
    // sync_clocks: the clock of each field's current value (cr-sqlite style); field '*' is a row's
    // creation, covering every field; '_deleted' a tombstone. device '' is this computer (saves
    // 36 bytes a row). value: kept only while the row cannot be written yet (it arrived before
    // its creation), and always for opt-outs.
    out << uR"(CREATE TABLE sync_clocks (
        entity TEXT NOT NULL,
        uid TEXT NOT NULL,
        field TEXT NOT NULL,
        hlc INTEGER NOT NULL,
        device TEXT NOT NULL,
        user TEXT NOT NULL DEFAULT '',
        prev INTEGER NOT NULL DEFAULT 0,
        value,
        PRIMARY KEY (entity, uid, field)) WITHOUT ROWID)"_s;
    // sync_tags: the adds of the add-wins sets: memberships (a = group uid, b = contact uid) and
    // opt-outs (a = number). removed = 1 once a remove that saw the add arrived.
    out << uR"(CREATE TABLE sync_tags (
        tag TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)"_s;
    out << u"CREATE INDEX sync_tags_by_a ON sync_tags(entity, a, b, removed)"_s;
    out << u"CREATE INDEX sync_tags_by_b ON sync_tags(entity, b)"_s;
    // sync_aliases: uids found to be the same row as a smaller one (the same number, the same
    // group or template name); changes to them go to the canonical row.
    out << uR"(CREATE TABLE sync_aliases (
        entity TEXT NOT NULL,
        uid TEXT NOT NULL,
        canonical TEXT NOT NULL,
        PRIMARY KEY (entity, uid)) WITHOUT ROWID)"_s;
    // sync_parked: changes stamped too far in the future (a computer with a wrong clock), kept
    // (CBOR of the operation) and applied once this computer's time catches up.
    out << uR"(CREATE TABLE sync_parked (
        id INTEGER PRIMARY KEY,
        hlc INTEGER NOT NULL,
        device TEXT NOT NULL,
        op BLOB NOT NULL UNIQUE,
        parked_at INTEGER NOT NULL))"_s;
    // sync_unknown: fields and kinds a newer Kengele wrote, kept (last writer wins) for a later
    // version to fold into its columns.
    out << uR"(CREATE TABLE sync_unknown (
        entity TEXT NOT NULL,
        uid TEXT NOT NULL,
        field TEXT NOT NULL,
        value,
        hlc INTEGER NOT NULL,
        device TEXT NOT NULL,
        user TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (entity, uid, field)) WITHOUT ROWID)"_s;
    // sync_conflicts: a value that lost to a concurrent change on another computer (the winner's
    // author had not seen it), with both values and who wrote them ("Recent conflicts").
    out << uR"(CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        uid TEXT NOT NULL,
        field TEXT NOT NULL,
        kept,
        kept_user TEXT NOT NULL,
        kept_device TEXT NOT NULL,
        kept_hlc INTEGER NOT NULL,
        lost,
        lost_user TEXT NOT NULL,
        lost_device TEXT NOT NULL,
        lost_hlc INTEGER NOT NULL,
        at INTEGER NOT NULL,
        UNIQUE (entity, uid, field, kept_hlc, kept_device, lost_hlc, lost_device)))"_s;

    // What this computer already holds is its own change, stamped with HLC 0 (older than any
    // change made since; two computers' rows for the same number tie on it and the device id
    // decides, the same everywhere): it goes out when the computer first joins (the "merge" choice), and another computer's same
    // number or group name merges with it (ReplicaApplier).
    for (const ReplicaEntity &e : entitiesOf(15)) {
        QStringList values;
        for (L f : e.fields)
            values << u"'%1', t.%1"_s.arg(f);
        out << uR"(INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT '%1', t.uid, json_object(%2), NULL, s.hlc, '' FROM %3 t, sync_state s WHERE s.id = 1 ORDER BY t.id)"_s.arg(
            e.name, values.join(u", "_s), e.table);
        out << uR"(INSERT INTO sync_clocks(entity, uid, field, hlc, device, prev)
            SELECT '%1', t.uid, '*', s.hlc, '', 0 FROM %2 t, sync_state s WHERE s.id = 1)"_s.arg(e.name, e.table);
    }
    out << uR"(INSERT INTO sync_tags(tag, entity, a, b, removed)
        SELECT s.device || ':m' || m.group_id || ':' || m.contact_id, 'membership', g.uid, c.uid, 0
        FROM group_members m JOIN groups g ON g.id = m.group_id JOIN contacts c ON c.id = m.contact_id, sync_state s
        WHERE s.id = 1)"_s;
    out << uR"(INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
        SELECT 'membership', t.a || '/' || t.b, json_object('add', t.tag), NULL, s.hlc, ''
        FROM sync_tags t, sync_state s WHERE s.id = 1 AND t.entity = 'membership' ORDER BY t.a, t.b)"_s;
    out << uR"(INSERT INTO sync_tags(tag, entity, a, b, removed)
        SELECT s.device || ':o' || o.phone, 'opt_out', o.phone, '', 0 FROM opt_outs o, sync_state s WHERE s.id = 1)"_s;
    out << uR"(INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
        SELECT 'opt_out', o.phone, json_object('add', t.tag, 'reason', o.reason, 'source', o.source, 'created_at', o.created_at),
            NULL, s.hlc, ''
        FROM opt_outs o JOIN sync_tags t ON t.entity = 'opt_out' AND t.a = o.phone, sync_state s WHERE s.id = 1 ORDER BY o.phone)"_s;
    for (L f : optOutFields()) {
        out << uR"(INSERT INTO sync_clocks(entity, uid, field, hlc, device, prev, value)
            SELECT 'opt_out', o.phone, '%1', s.hlc, '', 0, o.%1 FROM opt_outs o, sync_state s WHERE s.id = 1)"_s.arg(f);
    }

    for (const ReplicaEntity &e : entitiesOf(15))
        out << rowTriggers(e, true);
    out << membershipTriggers();
    out << optOutTriggers();
    return out;
}

QStringList ReplicaSchema::campaignMigrationStatements()
{
    QStringList out;
    out << u"ALTER TABLE campaigns ADD COLUMN uid TEXT"_s;
    out << u"UPDATE campaigns SET uid = kengele_uuid7()"_s;
    out << u"CREATE UNIQUE INDEX campaigns_by_uid ON campaigns(uid)"_s;
    // origin: the replica id (sync_state.device) of the computer that launched the campaign and
    // alone sends it (the dispatcher, the scheduler of repeating campaigns, retries and resends
    // look only at campaigns whose origin is this computer). Existing campaigns are this computer's.
    out << u"ALTER TABLE campaigns ADD COLUMN origin TEXT NOT NULL DEFAULT ''"_s;
    out << u"UPDATE campaigns SET origin = (SELECT device FROM sync_state WHERE id = 1)"_s;
    // campaign_recipients: each recipient's state as its campaign's sending computer published it
    // (CampaignStatePublisher), on every computer, the sender included: the other computers' view
    // of the outbox. version and rank order the states of one recipient (a max-lattice: the
    // larger (version, rank) wins, whatever the order they arrive in); the sender moves version
    // on when its outbox row went back (a retry, a resend). reason: kept for failed messages.
    out << uR"(CREATE TABLE campaign_recipients (
        campaign_uid TEXT NOT NULL,
        phone TEXT NOT NULL,
        version INTEGER NOT NULL,
        rank INTEGER NOT NULL,
        state TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (campaign_uid, phone)) WITHOUT ROWID)"_s;
    out << u"CREATE INDEX campaign_recipients_by_state ON campaign_recipients(campaign_uid, state)"_s;
    // sync_state.states_published_at: the outbox's updated_at up to which this computer's
    // recipients' states have been published; outbox_by_update finds the rows changed since.
    out << u"ALTER TABLE sync_state ADD COLUMN states_published_at INTEGER NOT NULL DEFAULT 0"_s;
    out << u"CREATE INDEX outbox_by_update ON outbox(updated_at)"_s;
    // The campaigns already here are this computer's own changes, stamped HLC 0 (no other
    // computer has them).
    for (const ReplicaEntity &e : entitiesOf(17)) {
        QStringList values;
        for (L f : e.fields)
            values << u"'%1', t.%1"_s.arg(f);
        out << uR"(INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT '%1', t.uid, json_object(%2), NULL, 0, '' FROM %3 t ORDER BY t.id)"_s.arg(e.name, values.join(u", "_s),
                                                                                             e.table);
        out << uR"(INSERT INTO sync_clocks(entity, uid, field, hlc, device, prev)
            SELECT '%1', t.uid, '*', 0, '', 0 FROM %2 t)"_s.arg(e.name, e.table);
        out << rowTriggers(e, false);
    }
    // Schema 15's update triggers could not send a field set to NULL: made anew.
    for (const ReplicaEntity &e : entitiesOf(15)) {
        out << u"DROP TRIGGER sync_capture_%1_update"_s.arg(e.table);
        out << updateTrigger(e, false);
    }
    return out;
}

QStringList ReplicaSchema::ledgerMigrationStatements()
{
    QStringList out;
    const ReplicaEntity &accounts = *rowEntity(QString(TokenAccount));
    // Accounts there before get a uid from their name, so every computer's World, Main, Reserved,
    // Spent and Expired (seeded by version 2) are already the same rows; new ones get v7 ids.
    out << u"ALTER TABLE token_accounts ADD COLUMN uid TEXT"_s;
    out << u"UPDATE token_accounts SET uid = kengele_name_uid('token_account', lower(name))"_s;
    out << u"CREATE UNIQUE INDEX token_accounts_by_uid ON token_accounts(uid)"_s;
    // token_transfers: uid (global id; a voucher's credit: from the voucher id), hlc and device
    // (the clock it was written with: every computer replays the ledger in this order), campaign_ref
    // (the campaign as "<replica id>/<local id>" of the computer that launched it; campaign_id stays
    // this computer's own and is NULL for other computers' campaigns), lot (an expiry: the uid of
    // the credit whose lot expired, '' for the lot of a ledger from before version 7).
    // Transfers there before take their row id as clock: older than anything stamped since, in
    // the order they were written.
    out << u"ALTER TABLE token_transfers ADD COLUMN uid TEXT"_s;
    out << u"ALTER TABLE token_transfers ADD COLUMN hlc INTEGER NOT NULL DEFAULT 0"_s;
    out << u"ALTER TABLE token_transfers ADD COLUMN device TEXT NOT NULL DEFAULT ''"_s;
    out << u"ALTER TABLE token_transfers ADD COLUMN campaign_ref TEXT NOT NULL DEFAULT ''"_s;
    out << u"ALTER TABLE token_transfers ADD COLUMN lot TEXT NOT NULL DEFAULT ''"_s;
    out << uR"(UPDATE token_transfers SET hlc = id, device = (SELECT device FROM sync_state WHERE id = 1),
        campaign_ref = CASE WHEN campaign_id IS NULL THEN '' ELSE (SELECT device FROM sync_state WHERE id = 1) || '/' || campaign_id END,
        uid = CASE WHEN kind = 'purchase' AND reference <> ''
                   AND id = (SELECT min(p.id) FROM token_transfers p WHERE p.kind = 'purchase' AND p.reference = token_transfers.reference)
              THEN kengele_name_uid('voucher', reference) ELSE kengele_uuid7() END)"_s;
    out << u"CREATE UNIQUE INDEX token_transfers_by_uid ON token_transfers(uid)"_s;
    out << u"CREATE INDEX token_transfers_by_clock ON token_transfers(hlc, device, id)"_s;
    // The overdraft lot (id -1): what a budget spent beyond its lots when two computers, offline,
    // together spent more than it held. An account's holding of it may be negative (its debt, paid
    // first by the next tokens that come in) or positive (tokens moved out of an overdrawn budget).
    out << u"INSERT INTO token_lots(id, transfer_id, plan, tokens, credited_at, expires_at) VALUES (-1, NULL, '', 0, 0, NULL)"_s;
    out << uR"(CREATE TABLE token_lot_holdings_17 (
        account_id INTEGER NOT NULL REFERENCES token_accounts(id),
        lot_id INTEGER NOT NULL REFERENCES token_lots(id),
        tokens INTEGER NOT NULL CHECK (tokens >= 0 OR lot_id = -1),
        PRIMARY KEY (account_id, lot_id)) WITHOUT ROWID)"_s;
    out << u"INSERT INTO token_lot_holdings_17(account_id, lot_id, tokens) SELECT account_id, lot_id, tokens FROM token_lot_holdings"_s;
    out << u"DROP TABLE token_lot_holdings"_s;
    out << u"ALTER TABLE token_lot_holdings_17 RENAME TO token_lot_holdings"_s;
    // Another computer's transfer whose accounts have not arrived yet (their batch comes later):
    // kept, as the operations that carried it, until they have.
    out << uR"(CREATE TABLE token_transfers_waiting (
        uid TEXT NOT NULL,
        hlc INTEGER NOT NULL,
        device TEXT NOT NULL,
        ops BLOB NOT NULL,
        PRIMARY KEY (uid, hlc, device)) WITHOUT ROWID)"_s;

    // What this computer holds is its own change (as migration 15 did for contacts): accounts
    // stamped 0, transfers with their clock. The five accounts version 2 seeded, as they were
    // seeded (created_at 0, no warning level), are the same everywhere (same uid, same fields):
    // they stay out, so a new profile has nothing to send.
    QStringList values;
    for (L f : accounts.fields)
        values << u"'%1', t.%1"_s.arg(f);
    const QString changed = u"NOT (t.created_at = 0 AND t.alert_below IS NULL)"_s;
    out << uR"(INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
        SELECT 'token_account', t.uid, json_object(%1), NULL, 0, '' FROM token_accounts t WHERE %2 ORDER BY t.id)"_s.arg(
        values.join(u", "_s), changed);
    out << uR"(INSERT INTO sync_clocks(entity, uid, field, hlc, device, prev)
        SELECT 'token_account', t.uid, '*', 0, '', 0 FROM token_accounts t WHERE %1)"_s.arg(changed);
    out << uR"(INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
        SELECT 'token_transfer', t.uid, json_object('kind', t.kind, 'from', fa.uid, 'to', ta.uid, 'tokens', te.amount,
            'campaign', t.campaign_ref, 'reference', t.reference, 'reason', t.reason, 'user_name', t.user_name,
            'created_at', t.created_at, 'lot', t.lot, 'plan', coalesce(l.plan, ''), 'expires_at', l.expires_at), NULL, t.hlc, ''
        FROM token_transfers t
        JOIN token_entries fe ON fe.transfer_id = t.id AND fe.amount < 0 JOIN token_accounts fa ON fa.id = fe.account_id
        JOIN token_entries te ON te.transfer_id = t.id AND te.amount > 0 JOIN token_accounts ta ON ta.id = te.account_id
        LEFT JOIN token_lots l ON l.transfer_id = t.id
        ORDER BY t.id)"_s;
    out << rowTriggers(accounts, false);
    out << transferTrigger();
    return out;
}

QStringList ReplicaSchema::staffMigrationStatements()
{
    QStringList out;
    const ReplicaEntity &staff = *rowEntity(QString(Staff));
    // Random v7 ids: two computers' "mary" are joined by their user name when they meet.
    out << u"ALTER TABLE staff ADD COLUMN uid TEXT"_s;
    out << u"UPDATE staff SET uid = kengele_uuid7()"_s;
    out << u"CREATE UNIQUE INDEX staff_by_uid ON staff(uid)"_s;
    // The accounts already here are this computer's own changes, stamped HLC 0.
    QStringList values;
    for (L f : staff.fields)
        values << u"'%1', t.%1"_s.arg(f);
    out << uR"(INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
        SELECT 'staff', t.uid, json_object(%1), NULL, 0, '' FROM staff t ORDER BY t.id)"_s.arg(values.join(u", "_s));
    out << u"INSERT INTO sync_clocks(entity, uid, field, hlc, device, prev) SELECT 'staff', t.uid, '*', 0, '', 0 FROM staff t"_s;
    out << rowTriggers(staff, false);
    // A password set on another computer ends this computer's wait after wrong ones, as a reset
    // here does.
    out << uR"(CREATE TRIGGER staff_shared_password_ends_wait AFTER UPDATE OF password_hash ON staff
        WHEN kengele_sync_applying() = 1 AND NEW.password_hash IS NOT OLD.password_hash BEGIN
        UPDATE staff SET failures = 0, retry_at = 0 WHERE id = NEW.id;
    END)"_s;
    return out;
}

QStringList ReplicaSchema::settingsMigrationStatements()
{
    QStringList out;
    // org_settings: the organisation's settings shared by its computers (Settings::isShared). name:
    // the key's name in settings.ini ("sending/quietHours"); value: as text, NULL when set back to
    // the default (a row is never deleted: a deletion would be final). uid: from the name, so the
    // same setting is the same row on every computer.
    out << uR"(CREATE TABLE org_settings (
        id INTEGER PRIMARY KEY,
        uid TEXT,
        name TEXT NOT NULL UNIQUE,
        value TEXT,
        created_at INTEGER NOT NULL DEFAULT 0))"_s;
    out << u"CREATE UNIQUE INDEX org_settings_by_uid ON org_settings(uid)"_s;
    for (const ReplicaEntity &e : entitiesOf(21))
        out << rowTriggers(e, false);
    return out;
}

const QList<QLatin1StringView> &ReplicaSchema::auditEntryFields()
{
    static const QList<QLatin1StringView> fields
        = {"id"_L1, "at"_L1, "user_name"_L1, "device_name"_L1, "action"_L1, "object"_L1, "summary"_L1, "hash"_L1};
    return fields;
}

QStringList ReplicaSchema::auditMigrationStatements()
{
    QStringList out;
    // audit_remote: the other computers' trails as they arrived, one row per entry: device is the
    // writing computer's replica id, entry_id its own number, the rest as it wrote them (device_name:
    // its name then). Keyed with the hash too, so a computer whose trail was written anew from some
    // entry on (a backup restored there, or tampering) shows both versions, whatever arrived first;
    // the same entry again is one row. This computer's own entries never go in (they are audit_log),
    // and what arrived is never changed; only "Start from the church's data" (applying) clears it.
    out << uR"(CREATE TABLE audit_remote (
        device TEXT NOT NULL,
        entry_id INTEGER NOT NULL,
        hash TEXT NOT NULL,
        at INTEGER NOT NULL,
        user_name TEXT NOT NULL,
        device_name TEXT NOT NULL,
        action TEXT NOT NULL,
        object TEXT NOT NULL,
        summary TEXT NOT NULL,
        PRIMARY KEY (device, entry_id, hash)) WITHOUT ROWID)"_s;
    out << u"CREATE INDEX audit_remote_by_time ON audit_remote(at)"_s;
    out << uR"(CREATE TRIGGER audit_remote_not_mine BEFORE INSERT ON audit_remote
        WHEN NEW.device = (SELECT device FROM sync_state WHERE id = 1) BEGIN SELECT RAISE(IGNORE); END)"_s;
    out << uR"(CREATE TRIGGER audit_remote_append_only_update BEFORE UPDATE ON audit_remote
        BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END)"_s;
    out << uR"(CREATE TRIGGER audit_remote_append_only_delete BEFORE DELETE ON audit_remote
        WHEN kengele_sync_applying() = 0 BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END)"_s;
    // Entries that reached this computer before it knew them (kept as unknown by versions before 22), each
    // whole and under the computer that wrote it, are folded in; the rest stays unknown.
    QStringList pick;
    for (L f : auditEntryFields())
        pick << u"max(CASE field WHEN '%1' THEN value END) AS %1"_s.arg(f);
    out << uR"(INSERT OR IGNORE INTO audit_remote(device, entry_id, hash, at, user_name, device_name, action, object, summary)
        SELECT device, id, hash, at, user_name, device_name, action, object, summary FROM (
            SELECT uid, min(device) AS device, count(DISTINCT device) AS devices, count(*) AS fields, %1
            FROM sync_unknown WHERE entity = 'audit_entry' GROUP BY uid)
        WHERE devices = 1 AND fields = 8 AND uid = device || '/' || id AND typeof(id) = 'integer' AND typeof(at) = 'integer'
            AND length(hash) = 64 AND user_name IS NOT NULL AND device_name IS NOT NULL AND action IS NOT NULL
            AND object IS NOT NULL AND summary IS NOT NULL)"_s.arg(pick.join(u", "_s));
    out << uR"(DELETE FROM sync_unknown WHERE entity = 'audit_entry'
        AND EXISTS (SELECT 1 FROM audit_remote r WHERE sync_unknown.uid = r.device || '/' || r.entry_id))"_s;
    // audit_entries: every computer's entries in one shape (this computer's under its replica id),
    // for the list of all computers, the canonical dump and snapshots.
    out << uR"(CREATE VIEW audit_entries AS
        SELECT (SELECT device FROM sync_state WHERE id = 1) AS device, id AS entry_id, hash, at, user_name,
            device AS device_name, action, object, summary FROM audit_log
        UNION ALL
        SELECT device, entry_id, hash, at, user_name, device_name, action, object, summary FROM audit_remote)"_s;
    // Capture: every entry of this computer's trail is one operation, written in the transaction
    // that writes the entry. Not only while not applying: the trail holds nothing but this
    // computer's own entries, so none may stay behind.
    const QString entry = u"json_object('id', %1.id, 'at', %1.at, 'user_name', %1.user_name, 'device_name', %1.device, "
                          "'action', %1.action, 'object', %1.object, 'summary', %1.summary, 'hash', %1.hash)"_s;
    out << uR"(CREATE TRIGGER sync_capture_audit_log_insert AFTER INSERT ON audit_log BEGIN
        %1
        INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
            SELECT 'audit_entry', s.device || '/' || NEW.id, %2, NULL, s.hlc, kengele_user() FROM sync_state s WHERE s.id = 1;
    END)"_s.arg(Tick, entry.arg(u"NEW"_s));
    // The trail so far is this computer's own change, stamped HLC 0 (as the campaigns of 17).
    out << uR"(INSERT INTO change_log(entity, uid, fields, prev, hlc, user)
        SELECT 'audit_entry', s.device || '/' || t.id, %1, NULL, 0, '' FROM audit_log t, sync_state s WHERE s.id = 1
        ORDER BY t.id)"_s.arg(entry.arg(u"t"_s));
    return out;
}

namespace {

// What a campaign can link to, by the entity's name in operations and its table.
struct CampaignLink {
    L kind;
    L table;
};
constexpr std::array<CampaignLink, 5> CampaignLinkKinds{{{"token_account"_L1, "token_accounts"_L1},
                                                         {"template"_L1, "templates"_L1},
                                                         {"campaign"_L1, "campaigns"_L1},
                                                         {"group"_L1, "groups"_L1},
                                                         {"contact"_L1, "contacts"_L1}}};

// A uid as this computer knows it: another computer's row merged into one here is named by the
// uid kept (ReplicaApplier::join).
QString canonical(L kind, const QString &uid)
{
    return u"coalesce((SELECT canonical FROM sync_aliases WHERE entity = '%1' AND uid = %2), %2)"_s.arg(kind, uid);
}

// The elements of a campaign's targets ("group:<uid>" / "contact:<uid>"), whatever the value.
QString targetsOf(const QString &value)
{
    return u"json_each(CASE WHEN json_valid(%1) THEN %1 ELSE '[]' END)"_s.arg(value);
}

// Links another computer's campaign NEW to this computer's rows, and notes what is not here yet.
QString linkRemoteCampaign()
{
    auto idOf = [](L kind, L table, const QString &uid) {
        return u"(SELECT x.id FROM %1 x WHERE x.uid = %2)"_s.arg(table, canonical(kind, uid));
    };
    auto missing = [&idOf](L kind, L table, const QString &uid) {
        return u"%1 IS NOT NULL AND %2 IS NULL AND NOT EXISTS (SELECT 1 FROM sync_clocks WHERE entity = '%3' "
               "AND uid = %4 AND field = '_deleted')"_s.arg(uid, idOf(kind, table, uid), kind, canonical(kind, uid));
    };
    const QString group = u"substr(j.value, 7)"_s;
    const QString contact = u"substr(j.value, 9)"_s;
    return uR"(
        UPDATE campaigns SET account_id = %1, template_id = %2,
            parent_id = (SELECT x.id FROM campaigns x WHERE x.uid = %3 AND x.id <> NEW.id)
        WHERE id = NEW.id;
        DELETE FROM campaign_targets WHERE campaign_id = NEW.id;
        INSERT INTO campaign_targets(campaign_id, group_id, contact_id)
            SELECT NEW.id, g.id, NULL FROM %4 j JOIN groups g ON g.uid = %5
            WHERE j.type = 'text' AND j.value LIKE 'group:%' GROUP BY g.id ORDER BY min(j.key);
        INSERT INTO campaign_targets(campaign_id, group_id, contact_id)
            SELECT NEW.id, NULL, k.id FROM %4 j JOIN contacts k ON k.uid = %6
            WHERE j.type = 'text' AND j.value LIKE 'contact:%' GROUP BY k.id ORDER BY min(j.key);
        DELETE FROM campaign_links_pending WHERE campaign_uid = NEW.uid;
        INSERT OR IGNORE INTO campaign_links_pending(kind, uid, campaign_uid)
            SELECT 'token_account', NEW.account_uid, NEW.uid WHERE %7
            UNION ALL SELECT 'template', NEW.template_uid, NEW.uid WHERE %8
            UNION ALL SELECT 'campaign', NEW.parent_uid, NEW.uid WHERE %9
            UNION ALL SELECT 'group', %5, NEW.uid FROM %4 j WHERE j.type = 'text' AND j.value LIKE 'group:%' AND %10
            UNION ALL SELECT 'contact', %6, NEW.uid FROM %4 j WHERE j.type = 'text' AND j.value LIKE 'contact:%' AND %11;)"_s
        .arg(idOf("token_account"_L1, "token_accounts"_L1, u"NEW.account_uid"_s),
             idOf("template"_L1, "templates"_L1, u"NEW.template_uid"_s), canonical("campaign"_L1, u"NEW.parent_uid"_s),
             targetsOf(u"NEW.targets"_s), canonical("group"_L1, group), canonical("contact"_L1, contact),
             missing("token_account"_L1, "token_accounts"_L1, u"NEW.account_uid"_s),
             missing("template"_L1, "templates"_L1, u"NEW.template_uid"_s),
             missing("campaign"_L1, "campaigns"_L1, u"NEW.parent_uid"_s))
        .arg(missing("group"_L1, "groups"_L1, group), missing("contact"_L1, "contacts"_L1, contact));
}

// Another computer's campaign (a campaign always names its computer; a row without one, written by
// hand, is left alone).
constexpr auto NotMine = "NEW.origin <> '' AND NEW.origin <> (SELECT device FROM sync_state WHERE id = 1)"_L1;

} // namespace

QString ReplicaSchema::campaignLinksUpdate(const QString &where)
{
    return uR"(UPDATE campaigns SET
        account_uid = (SELECT a.uid FROM token_accounts a WHERE a.id = campaigns.account_id),
        template_uid = (SELECT t.uid FROM templates t WHERE t.id = campaigns.template_id),
        parent_uid = (SELECT p.uid FROM campaigns p WHERE p.id = campaigns.parent_id),
        targets = (SELECT nullif(json_group_array(v), '[]') FROM (
            SELECT CASE WHEN t.group_id IS NOT NULL THEN 'group:' || g.uid ELSE 'contact:' || k.uid END AS v
            FROM campaign_targets t LEFT JOIN groups g ON g.id = t.group_id LEFT JOIN contacts k ON k.id = t.contact_id
            WHERE t.campaign_id = campaigns.id AND coalesce(g.uid, k.uid) IS NOT NULL ORDER BY t.rowid))
        WHERE origin = (SELECT device FROM sync_state WHERE id = 1) AND (%1))"_s.arg(where);
}

QStringList ReplicaSchema::campaignLinkMigrationStatements()
{
    QStringList out;
    const ReplicaEntity &campaign = *rowEntity(u"campaign"_s);
    for (L f : campaign.laterFields)
        out << u"ALTER TABLE campaigns ADD COLUMN %1 TEXT"_s.arg(f);
    // campaign_links_pending: links of other computers' campaigns to rows not here yet (a group made
    // on a third computer, whose changes come later); linked when the row arrives. A row deleted
    // for good is not waited for.
    out << uR"(CREATE TABLE campaign_links_pending (
        kind TEXT NOT NULL,
        uid TEXT NOT NULL,
        campaign_uid TEXT NOT NULL,
        PRIMARY KEY (kind, uid, campaign_uid)) WITHOUT ROWID)"_s;
    out << u"CREATE INDEX campaign_links_pending_by_campaign ON campaign_links_pending(campaign_uid)"_s;
    // The capture triggers carry the new fields: made anew (after what is folded in below, which is
    // another computer's change, not this computer's).
    for (const char *event : {"insert", "update", "delete"})
        out << u"DROP TRIGGER IF EXISTS sync_capture_campaigns_%1"_s.arg(QLatin1StringView(event));
    // Another computer's campaign is linked to this computer's rows when it arrives and whenever its
    // links change; not while it waits for them.
    out << uR"(CREATE TRIGGER campaign_links_insert AFTER INSERT ON campaigns WHEN NEW.uid IS NOT NULL AND %1 BEGIN%2
    END)"_s.arg(NotMine, linkRemoteCampaign());
    out << uR"(CREATE TRIGGER campaign_links_update AFTER UPDATE OF account_uid, template_uid, parent_uid, targets, origin, uid
        ON campaigns WHEN NEW.uid IS NOT NULL AND %1 BEGIN%2
    END)"_s.arg(NotMine, linkRemoteCampaign());
    out << uR"(CREATE TRIGGER campaign_links_forget AFTER DELETE ON campaigns BEGIN
        DELETE FROM campaign_links_pending WHERE campaign_uid = OLD.uid;
    END)"_s;
    // A row a campaign waits for arrives (or takes the uid it waits for, when two rows are joined).
    for (const CampaignLink &link : CampaignLinkKinds) {
        const QString relink = uR"(WHEN EXISTS (SELECT 1 FROM campaign_links_pending WHERE kind = '%1') BEGIN
        UPDATE campaigns SET targets = targets WHERE uid IN (SELECT p.campaign_uid FROM campaign_links_pending p
            WHERE p.kind = '%1' AND %2 = NEW.uid);
    END)"_s.arg(link.kind, canonical(link.kind, u"p.uid"_s));
        out << u"CREATE TRIGGER campaign_links_arrive_%1 AFTER INSERT ON %1 %2"_s.arg(link.table, relink);
        out << u"CREATE TRIGGER campaign_links_renamed_%1 AFTER UPDATE OF uid ON %1 %2"_s.arg(link.table, relink);
    }
    // Or is found to be the same as a row here that keeps its own uid (ReplicaApplier::join records
    // the alias; no row arrives or is renamed here).
    const QString aliased = uR"(WHEN EXISTS (SELECT 1 FROM campaign_links_pending WHERE kind = NEW.entity AND uid = NEW.uid) BEGIN
        UPDATE campaigns SET targets = targets WHERE uid IN (SELECT campaign_uid FROM campaign_links_pending
            WHERE kind = NEW.entity AND uid = NEW.uid);
    END)"_s;
    out << u"CREATE TRIGGER campaign_links_alias AFTER INSERT ON sync_aliases "_s + aliased;
    out << u"CREATE TRIGGER campaign_links_alias_moved AFTER UPDATE OF canonical ON sync_aliases "_s + aliased;
    // Links that reached this computer while it was at version 23 (kept as unknown fields) are
    // folded in, with their clocks.
    QStringList fields;
    QStringList assign;
    for (L f : campaign.laterFields) {
        fields << u"'%1'"_s.arg(f);
        assign << u"%1 = (SELECT u.value FROM sync_unknown u WHERE u.entity = 'campaign' AND u.uid = campaigns.uid "
                  "AND u.field = '%1')"_s.arg(f);
    }
    const QString linkFields = fields.join(u", "_s);
    out << uR"(INSERT INTO sync_clocks(entity, uid, field, hlc, device, user, prev, value)
        SELECT 'campaign', u.uid, u.field, u.hlc, u.device, u.user, 0,
            CASE WHEN EXISTS (SELECT 1 FROM campaigns c WHERE c.uid = u.uid) THEN NULL ELSE u.value END
        FROM sync_unknown u WHERE u.entity = 'campaign' AND u.field IN (%1)
        ON CONFLICT(entity, uid, field) DO NOTHING)"_s.arg(linkFields);
    out << uR"(UPDATE campaigns SET %1 WHERE origin <> (SELECT device FROM sync_state WHERE id = 1)
        AND uid IN (SELECT uid FROM sync_unknown WHERE entity = 'campaign' AND field IN (%2)))"_s.arg(assign.join(u", "_s),
                                                                                                      linkFields);
    out << u"DELETE FROM sync_unknown WHERE entity = 'campaign' AND field IN (%1)"_s.arg(linkFields);
    out << rowTriggers(campaign, false);
    // This computer's own campaigns name their links: changes like any other, for the others.
    out << campaignLinksUpdate(u"1"_s);
    return out;
}

} // namespace kengele
