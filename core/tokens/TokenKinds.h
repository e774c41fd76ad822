// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "TokenAccount.h"
#include "TokenTransfer.h"

#include <QString>
#include <optional>

namespace kengele {

// The kinds of account and transfer as the database stores them ("budget", "reserve", ...), and
// which kinds of account each kind of transfer may move tokens between. Shared by TokenLedger,
// which writes the ledger, and LedgerVerifier, which checks it.

QString accountKindKey(TokenAccountKind kind);
// An unknown key reads as Source: the schema's CHECK allows no other, and never a budget by mistake.
TokenAccountKind accountKindFromKey(const QString &key);

QString transferKindKey(TokenTransferKind kind);
std::optional<TokenTransferKind> transferKindFromKey(const QString &key);

// The kinds of account a kind of transfer moves tokens from and to (see TokenTransfer.h), and
// whether it must name a campaign.
struct TransferShape {
    TokenAccountKind from;
    TokenAccountKind to;
    bool campaign;
};
TransferShape transferShape(TokenTransferKind kind);

} // namespace kengele
