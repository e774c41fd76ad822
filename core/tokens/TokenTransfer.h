// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>

namespace kengele {

// Why tokens moved. Each kind moves between fixed kinds of account:
//   Grant, Purchase  source -> budget        (demo plan or manual top-up; an M-Pesa voucher)
//   Transfer         budget -> budget        (between departments, with a reason)
//   Reserve          budget -> reserved      (a campaign is launched)
//   Spend            reserved -> spent       (the gateway took the message)
//   Release          reserved -> budget      (permanent failure or cancel: back where they came from)
//   Expiry           budget -> expired       (unused at the end of the validity period)
enum class TokenTransferKind { Grant, Purchase, Reserve, Spend, Release, Transfer, Expiry };

// One event in the ledger: `tokens` moved from one account to another. Stored as a transfer row and
// two entries (-tokens, +tokens) that sum to zero.
struct TokenTransfer {
    qint64 id = 0;
    TokenTransferKind kind = TokenTransferKind::Grant;
    qint64 fromAccountId = 0;
    qint64 toAccountId = 0;
    qint64 tokens = 0;
    qint64 campaignId = 0; // 0: not about a campaign
    QString reference; // purchase: the voucher id
    QString reason;
    QString user; // who caused it
    QDateTime created; // UTC
};

// What TokenLedger::purchase did: credited the voucher now, or found it credited before, in which
// case `transfer` is that earlier credit and nothing was added.
struct TokenPurchase {
    TokenTransfer transfer;
    bool alreadyCredited = false;
};

// One line of an account's statement (TokenLedger::history, newest first).
struct TokenHistoryEntry {
    qint64 transferId = 0;
    TokenTransferKind kind = TokenTransferKind::Grant;
    qint64 amount = 0; // positive into this account, negative out of it
    qint64 balanceAfter = 0; // the account's balance right after this line
    QString counterpart; // the other account's name
    qint64 campaignId = 0; // 0: not about a campaign
    QString reference;
    QString reason;
    QString user;
    QDateTime created; // UTC
};

} // namespace kengele
