// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Private to TokenLedger's .cpp files (TokenLedger.cpp, TokenLedgerLots.cpp).

#include "TokenLedger.h"

namespace kengele {

// One transfer about to be written: `tokens` from one account to another. A check may fill in the
// accounts (it runs once the write lock is held) or set tokens to 0 (nothing to do).
struct TokenLedger::Movement {
    TokenTransferKind kind = TokenTransferKind::Grant;
    qint64 transferId = 0; // set by move() before the check runs
    qint64 from = 0;
    qint64 to = 0;
    qint64 tokens = 0;
    qint64 campaignId = 0;
    QString reference;
    QString reason;
    QString user;
    LotShares lotsOut; // the lots leaving a budget account (set by the check)
    LotShares lotsIn; // the lots arriving in a budget account (set by the check)
    qint64 spendAccount = 0; // Spend: the budget account that paid (for the summary by hour)
    QString lot; // an expiry of one lot: its key (LedgerStore::lotKey)
    QString nameSpace; // with `name`: the transfer's name-based uid (LedgerStore::nameTransfer)
    QString name;
};

} // namespace kengele
