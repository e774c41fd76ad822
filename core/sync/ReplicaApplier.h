// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "SyncOp.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <functional>

namespace kengele {

class Clock;
class Database;

// Applies other computers' operations to this profile (architecture.md "Several computers: the
// change log"), all of one call in ONE transaction, on a connection marked as applying so the
// capture triggers do not record them again as this computer's. Idempotent (applying the same
// operations again changes nothing) and independent of order:
// - row fields (contacts, groups, templates, opt-out reasons): last writer wins per field, by
//   (hlc, device); the clocks live in sync_clocks;
// - deletion is the field "_deleted": once deleted, a row stays deleted, later edits are ignored;
// - memberships and opt-outs are add-wins sets: a remove takes back only the adds it had seen, so
//   a STOP on one computer survives a concurrent START elsewhere, and contact edits never touch it;
// - two rows with the same number (contacts) or name (groups, templates) become one: the smaller
//   uid is canonical, the other an alias whose memberships and references move over, fields merged
//   by last writer wins; the discovery goes out as an "_alias" operation so every computer joins
//   the same rows whatever it saw first;
// - a value overwritten (or kept) against a concurrent write is listed in sync_conflicts;
// - an operation stamped more than 5 minutes ahead of this computer's clock is parked and applied
//   by a later call once the time has come; it never moves the clock;
// - unknown entities and fields are kept in sync_unknown (last writer wins), never dropped;
// - staff accounts: when the merged accounts leave no administrator who can sign in, one is made
//   administrator again (keepAnAdministrator, the same one everywhere).
class ReplicaApplier final
{
    Q_DECLARE_TR_FUNCTIONS(ReplicaApplier)

public:
    struct Report {
        int applied = 0; // operations that changed something
        int ignored = 0; // already known, or lost to a newer write
        int parked = 0; // stamped too far ahead; kept for later
        int unparked = 0; // parked earlier and applied now
        int conflicts = 0; // new entries in sync_conflicts
        int merged = 0; // rows found to be the same row as another
        int unknown = 0; // kept for a newer Kengele
        // Other computers' transfers arrived: the lots were counted on from the new ones only
        // (LedgerReplay::append), or the whole ledger was recounted.
        bool ledgerAppended = false;
        bool ledgerRebuilt = false;
        int repaired = 0; // staff accounts made administrator again (no administrator was left)
    };

    ReplicaApplier(Database &database, const Clock &clock);

    // `alsoInside`, when given, runs in the same transaction after the operations (the sync engine
    // saves its progress and cursor there); its failure rolls everything back.
    using AlsoInside = std::function<Status(const QSqlDatabase &db)>;
    Result<Report> apply(const QList<SyncOp> &ops, const AlsoInside &alsoInside = {});
    // Applies the parked operations whose time has come (apply() does this too).
    Result<Report> retryParked() { return apply({}); }

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace kengele
