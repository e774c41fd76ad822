// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace kengele {

// Rebuilds this computer's own bookkeeping of the token ledger (architecture.md §5): how each
// budget entry divides among lots (token_entry_lots), what each budget holds of each lot
// (token_lot_holdings) and the spending by hour (token_spend_hours), from the entries alone,
// replayed in the order of their clocks (token_transfers.hlc, device, id) by the same rules
// TokenLedger follows when it writes: reserving, transferring and expiring draw on the lot that
// expires first (an expiry on its own lot first), a transfer keeps each lot's expiry, a release
// goes back to the lots its campaign still holds, tokens coming into a budget pay its overdraft
// first. Where a budget gives more than its lots hold (two computers, offline, spent the same
// tokens), the rest comes from the overdraft lot, below zero for that budget.
//
// Called by ReplicaApplier inside its transaction after other computers' transfers arrived (they
// may fall between this computer's own in clock order). A credit without a lot of its own gets
// the lot of a ledger from before lots (id 1) when there is one, else a new lot that never
// expires. Writes nothing else.
class LedgerReplay final
{
    Q_DECLARE_TR_FUNCTIONS(LedgerReplay)

public:
    static Status rebuild(const QSqlDatabase &db);

    // How the lots were counted after other computers' transfers arrived.
    enum class Recount { Appended, Rebuilt };
    // Other computers' transfers were added as rows `firstNewId` and up, and nothing older changed.
    // When every one of them comes after every transfer already here in clock order (computers
    // online, in step: the usual case), only they are replayed, on top of the lots and summaries
    // as they are, with the state of their campaigns read back from the entries; a 1,000,000-entry
    // ledger is not read again for each batch. Otherwise (one of them falls between older ones:
    // a computer that was offline) the whole ledger is recounted as rebuild() does.
    static Result<Recount> append(const QSqlDatabase &db, qint64 firstNewId);
};

} // namespace kengele
