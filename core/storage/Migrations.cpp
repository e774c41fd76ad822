// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Over 700 lines on purpose: the one ladder of schema steps, each table documented beside its
// CREATE statement, in version order. Split across files, a reader could no longer see what a
// table looks like after all the steps by reading down one file. The triggers' near-copies (a row
// counted out, then in) are SQL, which has no functions to share them.

#include "Migrations.h"

#include "Database.h"
#include "Schema.h"
#include "common/Log.h"
#include "sync/ReplicaSchema.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

namespace kengele {

namespace {

// Version 1: contacts, groups, opt-outs, templates.
constexpr auto Version1 = std::to_array<const char *>({
    // contacts: phone is E.164 (unique), phone_raw what the person typed or the file held.
    // name is derived and stored, so sorting uses its index and searching does not rebuild it per row.
    R"(CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        name TEXT GENERATED ALWAYS AS (trim(first_name || ' ' || last_name)) STORED,
        phone TEXT NOT NULL UNIQUE,
        phone_raw TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'manual',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    "CREATE INDEX contacts_by_name ON contacts(name COLLATE NOCASE, id)",
    "CREATE INDEX contacts_by_created ON contacts(created_at, id)",
    R"(CREATE TABLE groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL))",
    R"(CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (group_id, contact_id)) WITHOUT ROWID)",
    "CREATE INDEX group_members_by_contact ON group_members(contact_id)",
    // Opt-outs belong to the number, not the contact: they survive deleting and re-importing.
    R"(CREATE TABLE opt_outs (
        phone TEXT PRIMARY KEY,
        reason TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'manual',
        created_at INTEGER NOT NULL) WITHOUT ROWID)",
    R"(CREATE TABLE templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    R"(CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL) WITHOUT ROWID)",
    "INSERT INTO meta(key, value) VALUES ('created_by', 'kengele')",
});

// Version 2: the token ledger, campaigns, the outbox and delivery reports (architecture.md §4, §5).
constexpr auto Version2 = std::to_array<const char *>({
    // Double-entry ledger. An account holds tokens; a transfer is one event (grant, purchase, reserve,
    // spend, release, transfer, expiry) made of entries that sum to zero. Balances are sums of
    // entries, never stored counters. Account kinds: 'source' (where granted and bought tokens come
    // from), 'budget' (the organisation's or a department's tokens), 'reserved' (held for queued
    // messages), 'spent', 'expired'.
    R"(CREATE TABLE token_accounts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind TEXT NOT NULL CHECK (kind IN ('source', 'budget', 'reserved', 'spent', 'expired')),
        created_at INTEGER NOT NULL))",
    R"(CREATE TABLE token_transfers (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('grant', 'purchase', 'reserve', 'spend', 'release', 'transfer', 'expiry')),
        campaign_id INTEGER,
        reference TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        user_name TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL))",
    "CREATE INDEX token_transfers_by_campaign ON token_transfers(campaign_id) WHERE campaign_id IS NOT NULL",
    R"(CREATE TABLE token_entries (
        id INTEGER PRIMARY KEY,
        transfer_id INTEGER NOT NULL REFERENCES token_transfers(id),
        account_id INTEGER NOT NULL REFERENCES token_accounts(id),
        amount INTEGER NOT NULL CHECK (amount <> 0)))",
    "CREATE INDEX token_entries_by_account ON token_entries(account_id, amount)",
    "CREATE INDEX token_entries_by_transfer ON token_entries(transfer_id)",
    "CREATE INDEX token_transfers_by_reference ON token_transfers(reference) WHERE reference <> ''",
    // A campaign: what was chosen and how it is sent. status: scheduled, queued, sending, paused,
    // done, cancelled. priority: 0 low, 1 normal, 2 high, 3 urgent. Times are UTC epoch ms;
    // recurrence is '' (once) or a rule the scheduler reads; gateway 'simulator' or 'africastalking'.
    R"(CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        body TEXT NOT NULL,
        template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL,
        sender_id TEXT NOT NULL DEFAULT '',
        priority INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
        status TEXT NOT NULL,
        status_reason TEXT NOT NULL DEFAULT '',
        gateway TEXT NOT NULL,
        scheduled_at INTEGER,
        recurrence TEXT NOT NULL DEFAULT '',
        recur_until INTEGER,
        parent_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
        account_id INTEGER REFERENCES token_accounts(id),
        recipients INTEGER NOT NULL DEFAULT 0,
        segments INTEGER NOT NULL DEFAULT 0,
        tokens INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        launched_at INTEGER,
        finished_at INTEGER))",
    // Who a campaign was aimed at (groups and single contacts), kept for recurring campaigns.
    R"(CREATE TABLE campaign_targets (
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        group_id INTEGER REFERENCES groups(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
        CHECK ((group_id IS NULL) <> (contact_id IS NULL))))",
    // One message to one number. state: queued, submitting, sent, delivered, failed, uncertain,
    // cancelled (architecture.md §4). A (campaign, phone) pair is unique: nobody gets a campaign twice.
    R"(CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        phone TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        segments INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'submitting', 'sent', 'delivered', 'failed', 'uncertain', 'cancelled')),
        priority INTEGER NOT NULL DEFAULT 1,
        due_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        message_id TEXT,
        reason TEXT NOT NULL DEFAULT '',
        cost TEXT NOT NULL DEFAULT '',
        network TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL,
        UNIQUE (campaign_id, phone)))",
    "CREATE INDEX outbox_due ON outbox(state, priority DESC, due_at)",
    // Counts by state for the campaign page, without reading every row of a large campaign.
    "CREATE INDEX outbox_by_campaign_state ON outbox(campaign_id, state)",
    "CREATE INDEX outbox_by_message ON outbox(message_id) WHERE message_id IS NOT NULL",
    // Delivery reports as they arrived, applied or not (unknown ids and statuses are kept).
    R"(CREATE TABLE delivery_reports (
        id INTEGER PRIMARY KEY,
        message_id TEXT NOT NULL,
        status TEXT NOT NULL,
        failure_reason TEXT NOT NULL DEFAULT '',
        network_code TEXT NOT NULL DEFAULT '',
        received_at INTEGER NOT NULL,
        outbox_id INTEGER REFERENCES outbox(id) ON DELETE SET NULL,
        UNIQUE (message_id, status)))",
    R"(INSERT INTO token_accounts(name, kind, created_at) VALUES
        ('World', 'source', 0), ('Main', 'budget', 0), ('Reserved', 'reserved', 0),
        ('Spent', 'spent', 0), ('Expired', 'expired', 0))",
});

// Version 3: one index for the queue and the counts instead of two, both written by every launch
// and every change of state. Rows of a campaign share its priority (written from the campaign at
// launch), so the dispatcher walks the active campaigns by priority and, within each, the rows of a
// state by due time; the campaign page counts and lists a campaign's rows by state.
constexpr auto Version3 = std::to_array<const char *>({
    "DROP INDEX outbox_due",
    "DROP INDEX outbox_by_campaign_state",
    "CREATE INDEX outbox_queue ON outbox(campaign_id, state, due_at)",
});

// Version 4: the link to the relay and what comes through it (architecture.md §3.2, §8; docs/relay.md).
// The relay's URL is in the profile settings and the device token in the OS keychain, never here.
constexpr auto Version4 = std::to_array<const char *>({
    // The organisation this profile is enrolled with (one row at most), its device id and the event
    // feed's cursor: the last seq applied. The cursor is written in the same transaction as the
    // events' effects, so a crash re-delivers them and never skips one.
    R"(CREATE TABLE relay_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        org TEXT NOT NULL,
        org_name TEXT NOT NULL DEFAULT '',
        device TEXT NOT NULL DEFAULT '',
        cursor INTEGER NOT NULL DEFAULT 0,
        enrolled_at INTEGER NOT NULL,
        last_sync_at INTEGER))",
    // Every event applied from the feed, once per (org, seq): applying a batch again changes nothing.
    // handled: delivery, inbox, optout, prayer, or kept (Daraja payments for later, unknown kinds).
    // data: the event's JSON, kept for kinds nothing handles yet; '' when its content lives in the
    // table that handled it (delivery_reports, inbox).
    R"(CREATE TABLE relay_events (
        id INTEGER PRIMARY KEY,
        org TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        applied_at INTEGER NOT NULL,
        handled TEXT NOT NULL,
        data TEXT NOT NULL DEFAULT '',
        UNIQUE (org, seq)))",
    "CREATE INDEX relay_events_kept ON relay_events(kind, seq) WHERE handled = 'kept'",
    // Incoming SMS, every one (opt-outs and prayer requests too, as handled_as says), once per
    // provider id. phone is E.164 when the number could be read, else as received.
    R"(CREATE TABLE inbox (
        id INTEGER PRIMARY KEY,
        provider_id TEXT NOT NULL UNIQUE,
        phone TEXT NOT NULL,
        to_number TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        handled_as TEXT NOT NULL CHECK (handled_as IN ('inbox', 'optout', 'prayer')),
        link_id TEXT NOT NULL DEFAULT '',
        network_code TEXT NOT NULL DEFAULT '',
        read_at INTEGER,
        reply_campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL))",
    "CREATE INDEX inbox_by_received ON inbox(received_at DESC, id DESC)",
    "CREATE INDEX inbox_by_phone ON inbox(phone, received_at)",
    "CREATE INDEX inbox_by_contact ON inbox(contact_id) WHERE contact_id IS NOT NULL",
    // Prayer requests that came in by SMS (PRAY .../OMBI ...), waiting for the prayer board.
    // text is the message without its keyword. status: new (the board will add its own states).
    R"(CREATE TABLE prayer_intake (
        id INTEGER PRIMARY KEY,
        inbox_id INTEGER REFERENCES inbox(id) ON DELETE SET NULL,
        phone TEXT NOT NULL,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'new'))",
    "CREATE INDEX prayer_intake_by_status ON prayer_intake(status, received_at)",
});

// Version 5: delivery reports find their message by number and id instead of by an index of
// message ids. Africa's Talking's ids are random: that index took a page write per message at every
// commit while a campaign was sent (OutboxStore::applyDeliveryReports). The unique pair becomes
// (phone, campaign_id), so the same index that keeps a number from getting a campaign twice finds a
// number's messages, newest campaign first; it is written once, at launch, in number order.
// SQLite changes a table constraint only by building the table anew (Migrations::apply turns
// foreign keys off meanwhile, so nothing referring to the outbox is touched, and checks them after).
// The new table repeats version 2's columns on purpose: a released step is never edited or shared,
// so that every database, however old, is migrated by exactly the SQL that was tested for it.
constexpr auto Version5 = std::to_array<const char *>({
    R"(CREATE TABLE outbox_v5 (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        phone TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        segments INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'submitting', 'sent', 'delivered', 'failed', 'uncertain', 'cancelled')),
        priority INTEGER NOT NULL DEFAULT 1,
        due_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        message_id TEXT,
        reason TEXT NOT NULL DEFAULT '',
        cost TEXT NOT NULL DEFAULT '',
        network TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL,
        UNIQUE (phone, campaign_id)))",
    "INSERT INTO outbox_v5(id, campaign_id, contact_id, phone, name, text, segments, state, priority, due_at, attempts, "
    "message_id, reason, cost, network, updated_at) "
    "SELECT id, campaign_id, contact_id, phone, name, text, segments, state, priority, due_at, attempts, "
    "message_id, reason, cost, network, updated_at FROM outbox ORDER BY phone, campaign_id",
    "DROP TABLE outbox",
    "ALTER TABLE outbox_v5 RENAME TO outbox",
    "CREATE INDEX outbox_queue ON outbox(campaign_id, state, due_at)",
});

// Version 6 (issue 12): delivery reports confirm messages Kengele never heard back about, and
// allowing an opted-out number again is recorded; a campaign may go to all contacts.
// - outbox.attempted_at: when the message's last request went out (claim). A delivery report for its
//   number within a day of it, with an id Kengele never learnt, proves an uncertain message was sent
//   (DeliveryReportApplier). NULL for rows written before: their updated_at stands in.
// - outbox.confirmed_at: when such a report confirmed it ("confirmed by a delivery report" in its
//   history); NULL for every other message.
// - delivery_reports.phone: the report's number, so a report kept for no message can still be tied
//   when a message to that number becomes uncertain later; the partial index holds only those.
// - opt_ins: each time a person allowed SMS again to an opted-out number: who, why, and the opt-out
//   it ended (opt_outs keeps only numbers that are opted out now).
constexpr auto Version6 = std::to_array<const char *>({
    "ALTER TABLE outbox ADD COLUMN attempted_at INTEGER",
    "ALTER TABLE outbox ADD COLUMN confirmed_at INTEGER",
    "ALTER TABLE delivery_reports ADD COLUMN phone TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX delivery_reports_untied ON delivery_reports(phone, received_at) WHERE outbox_id IS NULL AND phone <> ''",
    R"(CREATE TABLE opt_ins (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL,
        reason TEXT NOT NULL,
        user_name TEXT NOT NULL DEFAULT '',
        opted_out_reason TEXT NOT NULL DEFAULT '',
        opted_out_source TEXT NOT NULL DEFAULT '',
        opted_out_at INTEGER,
        created_at INTEGER NOT NULL))",
    "CREATE INDEX opt_ins_by_phone ON opt_ins(phone, created_at)",
    // campaigns.all_contacts: the campaign goes to everyone in Contacts who has not opted out ("All
    // contacts"), read again each time a repeating one goes; its campaign_targets then stay empty.
    "ALTER TABLE campaigns ADD COLUMN all_contacts INTEGER NOT NULL DEFAULT 0 CHECK (all_contacts IN (0, 1))",
});

// Version 7 (issue 13): every credit is a lot with its own expiry; department alert thresholds; a
// summary of spending by hour (architecture.md §5).
// - token_accounts.alert_below: warn when this budget account holds fewer tokens (NULL: no warning).
// - token_lots: one per credit (grant or purchase, the transfer that credited it): its plan ('' for
//   tokens added by hand, else the plan's key), how many tokens it brought, and when it expires
//   (NULL: never). A profile upgraded from version 6 gets one lot that never expires (transfer_id
//   NULL) holding every budget's balance and every token a campaign then held.
// - token_entry_lots: how each entry on a budget account divides among lots (the amounts sum to
//   the entry's amount); entries on the ledger's own accounts have none. A campaign's reservation
//   says which lots it drew from; its releases go back to those lots.
// - token_lot_holdings: what each budget account holds of each lot now, kept by every write beside
//   the entries (LedgerVerifier checks it against them): read by the Tokens page, insights and
//   expiry without summing the entries.
// - token_spend_hours: tokens spent per UTC hour (epoch ms / 3,600,000) by the budget account that
//   paid, kept by every spend: usage charts and spend rates read it instead of the entries.
constexpr auto Version7 = std::to_array<const char *>({
    "ALTER TABLE token_accounts ADD COLUMN alert_below INTEGER CHECK (alert_below IS NULL OR alert_below >= 0)",
    R"(CREATE TABLE token_lots (
        id INTEGER PRIMARY KEY,
        transfer_id INTEGER REFERENCES token_transfers(id),
        plan TEXT NOT NULL DEFAULT '',
        tokens INTEGER NOT NULL CHECK (tokens >= 0),
        credited_at INTEGER NOT NULL,
        expires_at INTEGER))",
    "CREATE INDEX token_lots_by_transfer ON token_lots(transfer_id) WHERE transfer_id IS NOT NULL",
    R"(CREATE TABLE token_entry_lots (
        entry_id INTEGER NOT NULL REFERENCES token_entries(id),
        lot_id INTEGER NOT NULL REFERENCES token_lots(id),
        amount INTEGER NOT NULL CHECK (amount <> 0),
        PRIMARY KEY (entry_id, lot_id)) WITHOUT ROWID)",
    R"(CREATE TABLE token_lot_holdings (
        account_id INTEGER NOT NULL REFERENCES token_accounts(id),
        lot_id INTEGER NOT NULL REFERENCES token_lots(id),
        tokens INTEGER NOT NULL CHECK (tokens >= 0),
        PRIMARY KEY (account_id, lot_id)) WITHOUT ROWID)",
    R"(CREATE TABLE token_spend_hours (
        hour INTEGER NOT NULL,
        account_id INTEGER NOT NULL REFERENCES token_accounts(id),
        tokens INTEGER NOT NULL,
        PRIMARY KEY (hour, account_id)) WITHOUT ROWID)",
    // What the ledger held before lots: one lot that never expires.
    R"(INSERT INTO token_lots(id, transfer_id, plan, tokens, credited_at, expires_at)
        SELECT 1, NULL, '',
            (SELECT coalesce(sum(e.amount), 0) FROM token_entries e JOIN token_transfers t ON t.id = e.transfer_id
             WHERE t.kind IN ('grant', 'purchase') AND e.amount > 0),
            (SELECT coalesce(min(created_at), 0) FROM token_transfers), NULL
        WHERE EXISTS (SELECT 1 FROM token_entries e JOIN token_accounts a ON a.id = e.account_id WHERE a.kind = 'budget'))",
    R"(INSERT INTO token_entry_lots(entry_id, lot_id, amount)
        SELECT e.id, 1, e.amount FROM token_entries e JOIN token_accounts a ON a.id = e.account_id WHERE a.kind = 'budget')",
    R"(INSERT INTO token_lot_holdings(account_id, lot_id, tokens)
        SELECT e.account_id, 1, max(sum(e.amount), 0) FROM token_entries e JOIN token_accounts a ON a.id = e.account_id
        WHERE a.kind = 'budget' GROUP BY e.account_id)",
    // Past spending, by the account each campaign reserved from first.
    R"(INSERT INTO token_spend_hours(hour, account_id, tokens)
        SELECT t.created_at / 3600000, p.account_id, sum(e.amount)
        FROM token_transfers t JOIN token_entries e ON e.transfer_id = t.id AND e.amount > 0
        JOIN (SELECT r.campaign_id AS campaign_id, re.account_id AS account_id, min(r.id)
              FROM token_transfers r JOIN token_entries re ON re.transfer_id = r.id
              WHERE r.kind = 'reserve' AND re.amount < 0 GROUP BY r.campaign_id) p ON p.campaign_id = t.campaign_id
        WHERE t.kind = 'spend' GROUP BY 1, 2)",
});

// Version 8 (issue 13): tokens bought with M-Pesa through the relay (docs/relay.md, "Buying tokens").
// - relay_link.voucher_key: the relay's Ed25519 public key (base64), pinned when this computer
//   connected (or, for a computer connected before this version, the first time it asked); a voucher
//   whose signature does not match it credits nothing.
// - relay_link.offer: the relay's last answer about plans, prices and whether plans lock features
//   (GET /v1/plans, as JSON), so the Tokens page and the feature locks work offline.
// - token_purchases: each purchase asked for from this organisation, as the relay last told it:
//   one row per request_id (a double click is one purchase). The ledger, not this table, holds the
//   tokens: a purchase's tokens are credited once, by its voucher (token_transfers.reference).
//   state: requesting (sent, no answer yet), waiting (the payer's phone was asked), paid, failed.
//   phone is masked as the relay shows it.
constexpr auto Version8 = std::to_array<const char *>({
    "ALTER TABLE relay_link ADD COLUMN voucher_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE relay_link ADD COLUMN offer TEXT NOT NULL DEFAULT ''",
    R"(CREATE TABLE token_purchases (
        request_id TEXT PRIMARY KEY,
        purchase TEXT NOT NULL DEFAULT '',
        plan TEXT NOT NULL,
        tokens INTEGER NOT NULL,
        validity_days INTEGER NOT NULL,
        amount_kes INTEGER,
        phone TEXT NOT NULL DEFAULT '',
        account TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('requesting', 'waiting', 'paid', 'failed')),
        reason TEXT NOT NULL DEFAULT '',
        result_code TEXT NOT NULL DEFAULT '',
        receipt TEXT NOT NULL DEFAULT '',
        voucher TEXT NOT NULL DEFAULT '',
        simulated INTEGER NOT NULL DEFAULT 0,
        user_name TEXT NOT NULL DEFAULT '',
        requested_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        credited_at INTEGER))",
    "CREATE UNIQUE INDEX token_purchases_by_purchase ON token_purchases(purchase) WHERE purchase <> ''",
});

// Version 9 (issue 14): staff accounts and the audit trail (docs/architecture.md §7).
// - staff: one row per account, never deleted (the audit trail names them). password_hash is
//   libsodium's Argon2id string; failures counts wrong passwords in a row, retry_at (ms) is when the
//   next try is allowed after too many. There being any row at all means sign-in is required.
// - audit_log: append-only (the triggers refuse UPDATE and DELETE), each row's hash chained to the
//   one before (AuditLog::chainHash). It names objects by kind and id, never a member's name.
constexpr auto Version9 = std::to_array<const char *>({
    R"(CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'staff', 'pastor', 'administrator')),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0,
        retry_at INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL))",
    R"(CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        user_name TEXT NOT NULL,
        device TEXT NOT NULL,
        action TEXT NOT NULL,
        object TEXT NOT NULL,
        summary TEXT NOT NULL,
        hash TEXT NOT NULL))",
    "CREATE INDEX audit_log_by_time ON audit_log(at)",
    R"(CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END)",
    R"(CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END)",
});

// Version 10: confidential pastoral notes, one row per contact that has any. `sealed` is the note
// sealed with the profile's data key (DataKey: nonce + XChaCha20-Poly1305 ciphertext, bound to
// "contact:ID:pastoral"); the key is in the keychain, never here. Deleting the contact deletes them.
constexpr auto Version10 = std::to_array<const char *>({
    R"(CREATE TABLE pastoral_notes (
        contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
        sealed BLOB NOT NULL,
        updated_at INTEGER NOT NULL))",
});

// Version 11 (issue 14): people forgotten at their request (ContactForgetter). When such a person's
// number had opted out, the number itself is removed everywhere and only a keyed hash of it is kept
// here, so it is never texted, added or imported again: hash = BLAKE2b-256 (libsodium
// crypto_generichash) of the E.164 number, keyed with DataKey::subkey(key, 1, "optouts_"); without
// the profile's data key (in the keychain) it cannot be turned back into a number. forgotten_at:
// when (UTC ms). meta 'forgotten_optouts_key' holds a keyed check value of that subkey, so a
// keychain holding another key is noticed instead of letting such a number through.
constexpr auto Version11 = std::to_array<const char *>({
    R"(CREATE TABLE forgotten_optouts (
        hash BLOB PRIMARY KEY,
        forgotten_at INTEGER NOT NULL) WITHOUT ROWID)",
});

// Version 12 (issue 15): what the reports read (docs/architecture.md, "Reports").
// - message_stats: the outbox's messages that left the queue (sent, delivered, failed, uncertain,
//   cancelled; not queued or submitting, which no report counts), summed by the UTC hour of each
//   message's send (epoch ms / 3,600,000 of coalesce(attempted_at, updated_at): when its request
//   went out, or, for a message never tried, its last change), its campaign, network, state and,
//   for failed, uncertain and cancelled messages, their reason ('' for the others). messages: how
//   many; segments: their SMS parts; cost_e4: the prices the provider reported, in ten-thousandths
//   of a shilling (the currency is not kept: Kengele sends in KES). For those states each
//   campaign's rows sum to what `campaign status` counts from the outbox. Kept by the triggers
//   below on every insert, change and delete of an outbox row, in the same transaction; launching
//   (rows inserted queued) and claiming (queued to submitting) touch no summary row. Hours are UTC
//   so the reports group them into local days, weeks and months (Africa/Nairobi is a whole number
//   of hours from UTC). Forgetting a person (ContactForgetter) empties a row's number, name and
//   text but keeps its state: the sums stay right.
// - saved_reports: the report builder's saved queries (ReportQuery as JSON), by name.
constexpr auto Version12 = std::to_array<const char *>({
    R"(CREATE TABLE message_stats (
        hour INTEGER NOT NULL,
        campaign_id INTEGER NOT NULL,
        network TEXT NOT NULL,
        state TEXT NOT NULL,
        reason TEXT NOT NULL,
        messages INTEGER NOT NULL,
        segments INTEGER NOT NULL,
        cost_e4 INTEGER NOT NULL,
        PRIMARY KEY (hour, campaign_id, state, network, reason)) WITHOUT ROWID)",
    "CREATE INDEX message_stats_by_campaign ON message_stats(campaign_id, state)",
    R"(CREATE TRIGGER message_stats_insert AFTER INSERT ON outbox
        WHEN new.state NOT IN ('queued', 'submitting') BEGIN
        INSERT INTO message_stats(hour, campaign_id, network, state, reason, messages, segments, cost_e4)
        VALUES (coalesce(new.attempted_at, new.updated_at) / 3600000, new.campaign_id, new.network, new.state,
                CASE WHEN new.state IN ('failed', 'uncertain', 'cancelled') THEN new.reason ELSE '' END, 1, new.segments,
                CAST(round(CAST(substr(new.cost, instr(new.cost, ' ') + 1) AS REAL) * 10000) AS INTEGER))
        ON CONFLICT DO UPDATE SET messages = messages + 1, segments = segments + excluded.segments,
            cost_e4 = cost_e4 + excluded.cost_e4;
        END)",
    R"(CREATE TRIGGER message_stats_delete AFTER DELETE ON outbox
        WHEN old.state NOT IN ('queued', 'submitting') BEGIN
        UPDATE message_stats SET messages = messages - 1, segments = segments - old.segments,
            cost_e4 = cost_e4 - CAST(round(CAST(substr(old.cost, instr(old.cost, ' ') + 1) AS REAL) * 10000) AS INTEGER)
        WHERE hour = coalesce(old.attempted_at, old.updated_at) / 3600000 AND campaign_id = old.campaign_id
            AND state = old.state AND network = old.network
            AND reason = CASE WHEN old.state IN ('failed', 'uncertain', 'cancelled') THEN old.reason ELSE '' END;
        DELETE FROM message_stats WHERE hour = coalesce(old.attempted_at, old.updated_at) / 3600000
            AND campaign_id = old.campaign_id AND state = old.state AND network = old.network
            AND reason = CASE WHEN old.state IN ('failed', 'uncertain', 'cancelled') THEN old.reason ELSE '' END
            AND messages = 0;
        END)",
    // An update is the old row taken out and the new one put in, when anything counted changed.
    R"(CREATE TRIGGER message_stats_update AFTER UPDATE OF campaign_id, state, network, reason, segments, cost,
        attempted_at, updated_at ON outbox
        WHEN (old.state NOT IN ('queued', 'submitting') OR new.state NOT IN ('queued', 'submitting'))
            AND (old.state IS NOT new.state OR old.network IS NOT new.network OR old.campaign_id IS NOT new.campaign_id
            OR old.segments IS NOT new.segments OR old.cost IS NOT new.cost
            OR (new.state IN ('failed', 'uncertain', 'cancelled') AND old.reason IS NOT new.reason)
            OR coalesce(old.attempted_at, old.updated_at) / 3600000 IS NOT coalesce(new.attempted_at, new.updated_at) / 3600000)
        BEGIN
        UPDATE message_stats SET messages = messages - 1, segments = segments - old.segments,
            cost_e4 = cost_e4 - CAST(round(CAST(substr(old.cost, instr(old.cost, ' ') + 1) AS REAL) * 10000) AS INTEGER)
        WHERE hour = coalesce(old.attempted_at, old.updated_at) / 3600000 AND campaign_id = old.campaign_id
            AND state = old.state AND network = old.network
            AND reason = CASE WHEN old.state IN ('failed', 'uncertain', 'cancelled') THEN old.reason ELSE '' END
            AND old.state NOT IN ('queued', 'submitting');
        DELETE FROM message_stats WHERE hour = coalesce(old.attempted_at, old.updated_at) / 3600000
            AND campaign_id = old.campaign_id AND state = old.state AND network = old.network
            AND reason = CASE WHEN old.state IN ('failed', 'uncertain', 'cancelled') THEN old.reason ELSE '' END
            AND messages = 0;
        INSERT INTO message_stats(hour, campaign_id, network, state, reason, messages, segments, cost_e4)
        SELECT coalesce(new.attempted_at, new.updated_at) / 3600000, new.campaign_id, new.network, new.state,
                CASE WHEN new.state IN ('failed', 'uncertain', 'cancelled') THEN new.reason ELSE '' END, 1, new.segments,
                CAST(round(CAST(substr(new.cost, instr(new.cost, ' ') + 1) AS REAL) * 10000) AS INTEGER)
        WHERE new.state NOT IN ('queued', 'submitting')
        ON CONFLICT DO UPDATE SET messages = messages + 1, segments = segments + excluded.segments,
            cost_e4 = cost_e4 + excluded.cost_e4;
        END)",
    // What the outbox already holds.
    R"(INSERT INTO message_stats(hour, campaign_id, network, state, reason, messages, segments, cost_e4)
        SELECT coalesce(attempted_at, updated_at) / 3600000, campaign_id, network, state,
            CASE WHEN state IN ('failed', 'uncertain', 'cancelled') THEN reason ELSE '' END, count(*), sum(segments),
            sum(CAST(round(CAST(substr(cost, instr(cost, ' ') + 1) AS REAL) * 10000) AS INTEGER))
        FROM outbox WHERE state NOT IN ('queued', 'submitting') GROUP BY 1, 2, 3, 4, 5)",
    R"(CREATE TABLE saved_reports (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        query TEXT NOT NULL,
        created_at INTEGER NOT NULL))",
});

// Version 13 (issue 15): faster congregation figures, and the demo's history marked.
// - number_activity: per number, when a message to it was last delivered and last failed
//   (coalesce(attempted_at, updated_at) of the outbox rows, UTC ms; NULL: none). The reports'
//   "active numbers" and "numbers that stopped delivering" read it instead of the outbox when the
//   period reaches the latest of these times (ReportRunner::numbers). Kept by triggers on the outbox
//   in the same transaction: a row that becomes delivered or failed raises its number's time; a row
//   deleted, or its number changed (forgetting a person), works its old number's times out again
//   from that number's rows (the outbox's (phone, campaign_id) index). Forgotten numbers
//   ('forgotten:…') are not kept.
// - inbox.campaign_id: the campaign a message that came in answers: the last one launched within
//   the 3 days (259,200,000 ms; ReportRegistry::AttributionDays) before it that had a message for
//   its number; worked out once when it is stored (trigger), not per report; NULL for none.
// - campaigns.demo: 1 for the demo congregation's made-up year (DemoHistory), which "Remove the
//   demo congregation" takes away with its people.
constexpr auto Version13 = std::to_array<const char *>({
    R"(CREATE TABLE number_activity (
        phone TEXT PRIMARY KEY,
        last_delivered_at INTEGER,
        last_failed_at INTEGER) WITHOUT ROWID)",
    "CREATE INDEX number_activity_by_delivered ON number_activity(last_delivered_at) WHERE last_delivered_at IS NOT NULL",
    "CREATE INDEX number_activity_by_failed ON number_activity(last_failed_at) WHERE last_failed_at IS NOT NULL",
    R"(INSERT INTO number_activity(phone, last_delivered_at, last_failed_at)
        SELECT phone, max(CASE WHEN state = 'delivered' THEN coalesce(attempted_at, updated_at) END),
            max(CASE WHEN state = 'failed' THEN coalesce(attempted_at, updated_at) END)
        FROM outbox WHERE state IN ('delivered', 'failed') AND phone NOT LIKE 'forgotten:%' GROUP BY phone)",
    R"(CREATE TRIGGER number_activity_insert AFTER INSERT ON outbox
        WHEN new.state IN ('delivered', 'failed') AND new.phone NOT LIKE 'forgotten:%' BEGIN
        INSERT INTO number_activity(phone, last_delivered_at, last_failed_at)
        VALUES (new.phone, CASE WHEN new.state = 'delivered' THEN coalesce(new.attempted_at, new.updated_at) END,
                CASE WHEN new.state = 'failed' THEN coalesce(new.attempted_at, new.updated_at) END)
        ON CONFLICT DO UPDATE SET
            last_delivered_at = CASE WHEN excluded.last_delivered_at IS NULL THEN last_delivered_at
                ELSE max(coalesce(last_delivered_at, 0), excluded.last_delivered_at) END,
            last_failed_at = CASE WHEN excluded.last_failed_at IS NULL THEN last_failed_at
                ELSE max(coalesce(last_failed_at, 0), excluded.last_failed_at) END;
        END)",
    // A row that left delivered or failed, or whose number changed: its old number's times again.
    R"(CREATE TRIGGER number_activity_update_old AFTER UPDATE OF state, phone, attempted_at, updated_at ON outbox
        WHEN old.state IN ('delivered', 'failed') AND (old.state IS NOT new.state OR old.phone IS NOT new.phone
            OR coalesce(old.attempted_at, old.updated_at) IS NOT coalesce(new.attempted_at, new.updated_at)) BEGIN
        UPDATE number_activity SET
            last_delivered_at = (SELECT max(coalesce(attempted_at, updated_at)) FROM outbox
                WHERE phone = old.phone AND state = 'delivered'),
            last_failed_at = (SELECT max(coalesce(attempted_at, updated_at)) FROM outbox
                WHERE phone = old.phone AND state = 'failed')
        WHERE phone = old.phone;
        DELETE FROM number_activity WHERE phone = old.phone AND last_delivered_at IS NULL AND last_failed_at IS NULL;
        END)",
    R"(CREATE TRIGGER number_activity_update_new AFTER UPDATE OF state, phone, attempted_at, updated_at ON outbox
        WHEN new.state IN ('delivered', 'failed') AND new.phone NOT LIKE 'forgotten:%'
            AND (old.state IS NOT new.state OR old.phone IS NOT new.phone
            OR coalesce(old.attempted_at, old.updated_at) IS NOT coalesce(new.attempted_at, new.updated_at)) BEGIN
        INSERT INTO number_activity(phone, last_delivered_at, last_failed_at)
        VALUES (new.phone, CASE WHEN new.state = 'delivered' THEN coalesce(new.attempted_at, new.updated_at) END,
                CASE WHEN new.state = 'failed' THEN coalesce(new.attempted_at, new.updated_at) END)
        ON CONFLICT DO UPDATE SET
            last_delivered_at = CASE WHEN excluded.last_delivered_at IS NULL THEN last_delivered_at
                ELSE max(coalesce(last_delivered_at, 0), excluded.last_delivered_at) END,
            last_failed_at = CASE WHEN excluded.last_failed_at IS NULL THEN last_failed_at
                ELSE max(coalesce(last_failed_at, 0), excluded.last_failed_at) END;
        END)",
    R"(CREATE TRIGGER number_activity_delete AFTER DELETE ON outbox
        WHEN old.state IN ('delivered', 'failed') BEGIN
        UPDATE number_activity SET
            last_delivered_at = (SELECT max(coalesce(attempted_at, updated_at)) FROM outbox
                WHERE phone = old.phone AND state = 'delivered'),
            last_failed_at = (SELECT max(coalesce(attempted_at, updated_at)) FROM outbox
                WHERE phone = old.phone AND state = 'failed')
        WHERE phone = old.phone;
        DELETE FROM number_activity WHERE phone = old.phone AND last_delivered_at IS NULL AND last_failed_at IS NULL;
        END)",
    "ALTER TABLE inbox ADD COLUMN campaign_id INTEGER",
    R"(UPDATE inbox SET campaign_id = (SELECT o.campaign_id FROM outbox o JOIN campaigns ac ON ac.id = o.campaign_id
        WHERE o.phone = inbox.phone AND ac.launched_at BETWEEN inbox.received_at - 259200000 AND inbox.received_at
        ORDER BY ac.launched_at DESC LIMIT 1))",
    R"(CREATE TRIGGER inbox_campaign AFTER INSERT ON inbox BEGIN
        UPDATE inbox SET campaign_id = (SELECT o.campaign_id FROM outbox o JOIN campaigns ac ON ac.id = o.campaign_id
            WHERE o.phone = new.phone AND ac.launched_at BETWEEN new.received_at - 259200000 AND new.received_at
            ORDER BY ac.launched_at DESC LIMIT 1)
        WHERE id = new.id;
        END)",
    "ALTER TABLE campaigns ADD COLUMN demo INTEGER NOT NULL DEFAULT 0",
});

// Version 14 (issue 15): scheduled reports (ReportSchedules). report: a built-in report's key or a
// saved report's name; period: '' for the period just ended matching the cadence (yesterday, last
// week Monday–Sunday, last month), else a Period word counted up to the day before the run;
// cadence 'daily' | 'weekly' | 'monthly' with day (weekly 1 = Monday … 7 = Sunday, monthly 1–31,
// daily 0) and at_minute (local minutes after midnight); folder: where the PDF goes ('' none);
// sms_group_id: the group that gets the SMS summary (0 none; not a foreign key, so a deleted group
// shows as a failed run instead of silently turning the summary off), paid from the budget named
// `account`. next_due_at: UTC ms of the next run (moved past now in the transaction that claims a
// run); last_run_at, last_outcome ('' never ran, 'running', 'done', 'failed'), last_detail (the
// file or why it failed) and last_campaign_id (the SMS summary's campaign) describe the last run.
constexpr auto Version14 = std::to_array<const char *>({
    R"(CREATE TABLE report_schedules (
        id INTEGER PRIMARY KEY,
        report TEXT NOT NULL,
        period TEXT NOT NULL DEFAULT '',
        cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekly', 'monthly')),
        day INTEGER NOT NULL DEFAULT 0,
        at_minute INTEGER NOT NULL CHECK (at_minute BETWEEN 0 AND 1439),
        folder TEXT NOT NULL DEFAULT '',
        sms_group_id INTEGER NOT NULL DEFAULT 0,
        account TEXT NOT NULL DEFAULT 'Main',
        created_by TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        next_due_at INTEGER NOT NULL,
        last_run_at INTEGER,
        last_outcome TEXT NOT NULL DEFAULT '',
        last_detail TEXT NOT NULL DEFAULT '',
        last_campaign_id INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX report_schedules_due ON report_schedules(next_due_at)",
});

// Version 15 (issue 16, several computers): the change log. Its statements are built from the
// list of shared tables and their columns (ReplicaSchema::migrationStatements, core/sync, where
// each table is documented), because the capture triggers repeat each column several times.
// The triggers call functions every connection registers (ReplicaSqlFunctions).

// Version 16 (issue 16): the sync engine's own state (SyncEngine, DeviceRoster; core/sync).
// sync_devices: the organisation's computers as this one trusts them: learnt from a key grant or
// from inside an authenticated batch (the "device" entity), never from the relay's word. Public
// keys only (base64). state 0 pending, 1 approved, 2 removed; removed_at_epoch / removed_at_cursor
// as in DeviceRecord. dirty = 1: written here and not yet handed to the relay in a batch.
// sync_peers: per other computer, the last batch number applied and the highest key epoch seen.
// sync_engine: one row. next_seq: this computer's next batch number; cursor: the relay's change
// feed applied up to here; out_*: the batch sealed and not yet accepted by the relay (kept so that
// a crash resends the same bytes under the same number, never other bytes); waiting: 1 while this
// computer waits for approval; join_*: the newcomer's join messages once its reveal went out (all
// public by then), so a later run picks the join up. sync_parked_batches: batches that cannot be opened yet (a number
// missing before them, or a computer not yet in sync_devices), by the relay's change number.
// sync_refusals: batches refused, counted by BatchCipher::code (never their contents).
constexpr auto Version16 = std::to_array<const char *>({
    R"(CREATE TABLE sync_devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        box_key TEXT NOT NULL,
        sign_key TEXT NOT NULL,
        state INTEGER NOT NULL DEFAULT 0,
        removed_at_epoch INTEGER NOT NULL DEFAULT 0,
        removed_at_cursor INTEGER NOT NULL DEFAULT 0,
        dirty INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE TABLE sync_peers (
        device TEXT PRIMARY KEY,
        last_seq INTEGER NOT NULL DEFAULT 0,
        last_epoch INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE TABLE sync_engine (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        next_seq INTEGER NOT NULL DEFAULT 1,
        cursor INTEGER NOT NULL DEFAULT 0,
        out_seq INTEGER NOT NULL DEFAULT 0,
        out_epoch INTEGER NOT NULL DEFAULT 0,
        out_up_to INTEGER NOT NULL DEFAULT 0,
        out_blob BLOB,
        waiting INTEGER NOT NULL DEFAULT 0,
        join_request BLOB,
        join_answer BLOB,
        join_reveal BLOB))",
    "INSERT INTO sync_engine(id) VALUES (1)",
    R"(CREATE TABLE sync_parked_batches (
        cursor INTEGER PRIMARY KEY,
        device TEXT NOT NULL,
        seq INTEGER NOT NULL,
        epoch INTEGER NOT NULL,
        blob BLOB NOT NULL,
        reason TEXT NOT NULL,
        parked_at INTEGER NOT NULL))",
    R"(CREATE TABLE sync_refusals (
        code TEXT PRIMARY KEY,
        count INTEGER NOT NULL DEFAULT 0,
        last_at INTEGER NOT NULL DEFAULT 0))",
});

// Version 18 (issue 16): the token ledger and the budgets shared between computers (docs/
// architecture.md, "Several computers: the change log", "The token ledger"). Built from the
// change log's table list like version 15 (ReplicaSchema::ledgerMigrationStatements, core/sync,
// where each column is documented): uids on token_accounts and token_transfers, the transfers'
// clocks and campaign references, the overdraft lot, the capture triggers.

// Version 19 (issue 16): the lots are counted on from other computers' new transfers instead of
// from the whole ledger (LedgerReplay::append), which reads each named campaign's reserves, spends
// and releases: found by the campaign they name.
constexpr auto Version19 = std::to_array<const char *>({
    "CREATE INDEX token_transfers_by_campaign_ref ON token_transfers(campaign_ref, kind) WHERE campaign_ref <> ''",
});

// Version 23 (issue 16): the summaries count the other computers' campaigns too (docs/
// architecture.md "Reports", "Several computers: campaigns"). Triggers on campaign_recipients (the
// states other computers publish) and on campaigns keep message_stats in the same transaction, for
// campaigns whose origin is another computer only (this computer's own are counted from its outbox;
// the publisher's copy of them in campaign_recipients is left out). Such a message counts at the hour
// its campaign began sending (the later of launched_at, or created_at, and scheduled_at; the states
// carry no time), on network '' (not published), with its campaign's SMS parts per message
// (segments / recipients, rounded, at least 1) and no cost. A campaign that arrives after its
// states, or whose time, parts, uid or origin change, is counted again from its recipients; a
// campaign deleted takes its rows with it. Then what has arrived already is counted.
constexpr auto Version23 = std::to_array<const char *>({
    R"(CREATE TRIGGER message_stats_recipient_insert AFTER INSERT ON campaign_recipients
        WHEN new.state NOT IN ('queued', 'submitting') BEGIN
        INSERT INTO message_stats(hour, campaign_id, network, state, reason, messages, segments, cost_e4)
        SELECT max(coalesce(c.launched_at, c.created_at), coalesce(c.scheduled_at, 0)) / 3600000, c.id, '', new.state,
            CASE WHEN new.state IN ('failed', 'uncertain', 'cancelled') THEN new.reason ELSE '' END, 1,
            max(1, (c.segments + c.recipients / 2) / max(c.recipients, 1)), 0
        FROM campaigns c WHERE c.uid = new.campaign_uid AND c.origin <> (SELECT device FROM sync_state WHERE id = 1)
        ON CONFLICT DO UPDATE SET messages = messages + 1, segments = segments + excluded.segments;
        END)",
    // A state that moved on: out of the old state's row (when it was counted), into the new one's.
    // All of a campaign's messages in a row have the same parts: one takes segments / messages.
    R"(CREATE TRIGGER message_stats_recipient_leave AFTER UPDATE OF state, reason ON campaign_recipients
        WHEN old.state NOT IN ('queued', 'submitting') AND (old.state IS NOT new.state
            OR (new.state IN ('failed', 'uncertain', 'cancelled') AND old.reason IS NOT new.reason)) BEGIN
        UPDATE message_stats SET messages = messages - 1, segments = segments - segments / messages
        FROM (SELECT max(coalesce(c.launched_at, c.created_at), coalesce(c.scheduled_at, 0)) / 3600000 AS hour, c.id AS id
            FROM campaigns c WHERE c.uid = old.campaign_uid AND c.origin <> (SELECT device FROM sync_state WHERE id = 1)) k
        WHERE message_stats.hour = k.hour AND message_stats.campaign_id = k.id AND state = old.state AND network = ''
            AND reason = CASE WHEN old.state IN ('failed', 'uncertain', 'cancelled') THEN old.reason ELSE '' END;
        DELETE FROM message_stats WHERE messages = 0 AND state = old.state AND network = ''
            AND reason = CASE WHEN old.state IN ('failed', 'uncertain', 'cancelled') THEN old.reason ELSE '' END
            AND (hour, campaign_id) = (SELECT max(coalesce(c.launched_at, c.created_at), coalesce(c.scheduled_at, 0)) / 3600000,
                c.id FROM campaigns c WHERE c.uid = old.campaign_uid AND c.origin <> (SELECT device FROM sync_state WHERE id = 1));
        END)",
    R"(CREATE TRIGGER message_stats_recipient_enter AFTER UPDATE OF state, reason ON campaign_recipients
        WHEN new.state NOT IN ('queued', 'submitting') AND (old.state IS NOT new.state
            OR (new.state IN ('failed', 'uncertain', 'cancelled') AND old.reason IS NOT new.reason)) BEGIN
        INSERT INTO message_stats(hour, campaign_id, network, state, reason, messages, segments, cost_e4)
        SELECT max(coalesce(c.launched_at, c.created_at), coalesce(c.scheduled_at, 0)) / 3600000, c.id, '', new.state,
            CASE WHEN new.state IN ('failed', 'uncertain', 'cancelled') THEN new.reason ELSE '' END, 1,
            max(1, (c.segments + c.recipients / 2) / max(c.recipients, 1)), 0
        FROM campaigns c WHERE c.uid = new.campaign_uid AND c.origin <> (SELECT device FROM sync_state WHERE id = 1)
        ON CONFLICT DO UPDATE SET messages = messages + 1, segments = segments + excluded.segments;
        END)",
    R"(CREATE TRIGGER message_stats_recipient_delete AFTER DELETE ON campaign_recipients
        WHEN old.state NOT IN ('queued', 'submitting') BEGIN
        UPDATE message_stats SET messages = messages - 1, segments = segments - segments / messages
        FROM (SELECT max(coalesce(c.launched_at, c.created_at), coalesce(c.scheduled_at, 0)) / 3600000 AS hour, c.id AS id
            FROM campaigns c WHERE c.uid = old.campaign_uid AND c.origin <> (SELECT device FROM sync_state WHERE id = 1)) k
        WHERE message_stats.hour = k.hour AND message_stats.campaign_id = k.id AND state = old.state AND network = ''
            AND reason = CASE WHEN old.state IN ('failed', 'uncertain', 'cancelled') THEN old.reason ELSE '' END;
        DELETE FROM message_stats WHERE messages = 0 AND state = old.state AND network = ''
            AND reason = CASE WHEN old.state IN ('failed', 'uncertain', 'cancelled') THEN old.reason ELSE '' END
            AND (hour, campaign_id) = (SELECT max(coalesce(c.launched_at, c.created_at), coalesce(c.scheduled_at, 0)) / 3600000,
                c.id FROM campaigns c WHERE c.uid = old.campaign_uid AND c.origin <> (SELECT device FROM sync_state WHERE id = 1));
        END)",
    // A campaign that arrives after its states: counted from them.
    R"(CREATE TRIGGER message_stats_campaign_insert AFTER INSERT ON campaigns
        WHEN new.uid IS NOT NULL AND new.origin <> (SELECT device FROM sync_state WHERE id = 1) BEGIN
        INSERT INTO message_stats(hour, campaign_id, network, state, reason, messages, segments, cost_e4)
        SELECT max(coalesce(new.launched_at, new.created_at), coalesce(new.scheduled_at, 0)) / 3600000, new.id, '', r.state,
            CASE WHEN r.state IN ('failed', 'uncertain', 'cancelled') THEN r.reason ELSE '' END, count(*),
            count(*) * max(1, (new.segments + new.recipients / 2) / max(new.recipients, 1)), 0
        FROM campaign_recipients r WHERE r.campaign_uid = new.uid AND r.state NOT IN ('queued', 'submitting')
        GROUP BY r.state, CASE WHEN r.state IN ('failed', 'uncertain', 'cancelled') THEN r.reason ELSE '' END
        ON CONFLICT DO UPDATE SET messages = messages + excluded.messages, segments = segments + excluded.segments;
        END)",
    // Its time, parts, uid or origin changed: counted again.
    R"(CREATE TRIGGER message_stats_campaign_update AFTER UPDATE OF uid, origin, launched_at, created_at, scheduled_at,
        segments, recipients ON campaigns
        WHEN (old.origin <> (SELECT device FROM sync_state WHERE id = 1) OR new.origin <> (SELECT device FROM sync_state WHERE id = 1))
            AND (old.uid IS NOT new.uid OR old.origin IS NOT new.origin OR old.launched_at IS NOT new.launched_at
            OR old.created_at IS NOT new.created_at OR old.scheduled_at IS NOT new.scheduled_at
            OR old.segments IS NOT new.segments OR old.recipients IS NOT new.recipients) BEGIN
        DELETE FROM message_stats WHERE campaign_id = old.id AND old.origin <> (SELECT device FROM sync_state WHERE id = 1);
        INSERT INTO message_stats(hour, campaign_id, network, state, reason, messages, segments, cost_e4)
        SELECT max(coalesce(new.launched_at, new.created_at), coalesce(new.scheduled_at, 0)) / 3600000, new.id, '', r.state,
            CASE WHEN r.state IN ('failed', 'uncertain', 'cancelled') THEN r.reason ELSE '' END, count(*),
            count(*) * max(1, (new.segments + new.recipients / 2) / max(new.recipients, 1)), 0
        FROM campaign_recipients r WHERE new.origin <> (SELECT device FROM sync_state WHERE id = 1)
            AND r.campaign_uid = new.uid AND r.state NOT IN ('queued', 'submitting')
        GROUP BY r.state, CASE WHEN r.state IN ('failed', 'uncertain', 'cancelled') THEN r.reason ELSE '' END
        ON CONFLICT DO UPDATE SET messages = messages + excluded.messages, segments = segments + excluded.segments;
        END)",
    R"(CREATE TRIGGER message_stats_campaign_delete AFTER DELETE ON campaigns
        WHEN old.origin <> (SELECT device FROM sync_state WHERE id = 1) BEGIN
        DELETE FROM message_stats WHERE campaign_id = old.id;
        END)",
    // What has arrived already.
    R"(INSERT INTO message_stats(hour, campaign_id, network, state, reason, messages, segments, cost_e4)
        SELECT max(coalesce(c.launched_at, c.created_at), coalesce(c.scheduled_at, 0)) / 3600000, c.id, '', r.state,
            CASE WHEN r.state IN ('failed', 'uncertain', 'cancelled') THEN r.reason ELSE '' END, count(*),
            count(*) * max(1, (c.segments + c.recipients / 2) / max(c.recipients, 1)), 0
        FROM campaign_recipients r JOIN campaigns c ON c.uid = r.campaign_uid
        WHERE c.origin <> (SELECT device FROM sync_state WHERE id = 1) AND r.state NOT IN ('queued', 'submitting')
        GROUP BY 1, 2, 4, 5
        ON CONFLICT DO UPDATE SET messages = messages + excluded.messages, segments = segments + excluded.segments)",
});

struct Step {
    const char *const *statements;
    std::size_t count;
};

const std::array<Step, 14> Steps = {
    Step{Version1.data(), Version1.size()},   Step{Version2.data(), Version2.size()},   Step{Version3.data(), Version3.size()},
    Step{Version4.data(), Version4.size()},   Step{Version5.data(), Version5.size()},   Step{Version6.data(), Version6.size()},
    Step{Version7.data(), Version7.size()},   Step{Version8.data(), Version8.size()},   Step{Version9.data(), Version9.size()},
    Step{Version10.data(), Version10.size()}, Step{Version11.data(), Version11.size()}, Step{Version12.data(), Version12.size()},
    Step{Version13.data(), Version13.size()}, Step{Version14.data(), Version14.size()},
};

} // namespace

int Migrations::latestVersion()
{
    // Versions 15 to 24 are built in Migrations::apply below.
    static_assert(Steps.size() + 10 == schema::CurrentVersion);
    return int(Steps.size()) + 10;
}

Status Migrations::apply(QSqlDatabase db, int fromVersion)
{
    if (fromVersion >= latestVersion())
        return {};
    // Foreign keys off while tables are built anew (version 5): dropping the old table must not
    // set or delete what refers to it. They are checked before the commit, and on again after.
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    const auto keysOn = qScopeGuard([&db] { QSqlQuery(db).exec(QStringLiteral("PRAGMA foreign_keys = ON")); });
    if (!db.transaction())
        return std::unexpected(Database::storageError(db.lastError(), Database::tr("Preparing the data file")));
    for (int version = fromVersion + 1; version <= latestVersion(); ++version) {
        QStringList statements;
        if (version <= int(Steps.size())) {
            const Step &step = Steps[std::size_t(version - 1)];
            for (std::size_t i = 0; i < step.count; ++i)
                statements << QString::fromUtf8(step.statements[i]);
        } else if (version == 15) {
            statements = ReplicaSchema::migrationStatements();
        } else if (version == 16) {
            for (const char *statement : Version16)
                statements << QString::fromUtf8(statement);
        } else if (version == 17) {
            // Version 17 (issue 16): campaigns shared between the computers
            // (ReplicaSchema::campaignMigrationStatements, core/sync, documents its tables).
            statements = ReplicaSchema::campaignMigrationStatements();
        } else if (version == 18) {
            statements = ReplicaSchema::ledgerMigrationStatements();
        } else if (version == 19) {
            for (const char *statement : Version19)
                statements << QString::fromUtf8(statement);
        } else if (version == 20) {
            // Version 20 (issue 16): staff accounts shared (ReplicaSchema::staffMigrationStatements).
            statements = ReplicaSchema::staffMigrationStatements();
        } else if (version == 21) {
            // Version 21 (issue 16): the organisation's settings shared (ReplicaSchema::settingsMigrationStatements).
            statements = ReplicaSchema::settingsMigrationStatements();
        } else if (version == 22) {
            // Version 22 (issue 16): every computer's audit trail seen on every computer
            // (ReplicaSchema::auditMigrationStatements, core/sync, documents its table).
            statements = ReplicaSchema::auditMigrationStatements();
        } else if (version == 23) {
            for (const char *statement : Version23)
                statements << QString::fromUtf8(statement);
        } else if (version == 24) {
            // Version 24 (issue 16): a campaign's budget, template, repeating campaign and targets
            // travel as uids (ReplicaSchema::campaignLinkMigrationStatements).
            statements = ReplicaSchema::campaignLinkMigrationStatements();
        }
        for (qsizetype i = 0; i < statements.size(); ++i) {
            if (!query.exec(statements[i])) {
                const Error error = Database::storageError(query.lastError(), Database::tr("Updating the data file"));
                qCWarning(lcStorage) << "migration to" << version << "failed at statement" << i << query.lastError().text();
                query.finish();
                db.rollback();
                return std::unexpected(error);
            }
        }
        qCInfo(lcStorage) << "migrated schema to version" << version;
    }
    // The tables built anew, and those that refer to them, still hold together.
    for (const char *table : {"outbox", "delivery_reports"}) {
        if (!query.exec(QStringLiteral("PRAGMA foreign_key_check(%1)").arg(QLatin1StringView(table))) || query.next()) {
            qCWarning(lcStorage) << "migration left a broken reference in" << table;
            query.finish();
            db.rollback();
            return fail(ErrorCode::Storage,
                        Database::tr("Updating the data file failed: some of its records no longer fit "
                                     "together. Nothing was changed."));
        }
    }
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestVersion())) || !db.commit()) {
        const Error error = Database::storageError(db.lastError(), Database::tr("Updating the data file"));
        db.rollback();
        return std::unexpected(error);
    }
    return {};
}

} // namespace kengele
