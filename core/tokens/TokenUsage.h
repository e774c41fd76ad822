// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "TokenTransfer.h"

namespace kengele {

// Tokens moved in a period, by kind of transfer (for usage statistics and insights).
struct TokenUsage {
    qint64 granted = 0;
    qint64 purchased = 0;
    qint64 reserved = 0;
    qint64 spent = 0;
    qint64 released = 0;
    qint64 transferred = 0;
    qint64 expired = 0;

    qint64 of(TokenTransferKind kind) const
    {
        switch (kind) {
        case TokenTransferKind::Grant:
            return granted;
        case TokenTransferKind::Purchase:
            return purchased;
        case TokenTransferKind::Reserve:
            return reserved;
        case TokenTransferKind::Spend:
            return spent;
        case TokenTransferKind::Release:
            return released;
        case TokenTransferKind::Transfer:
            return transferred;
        case TokenTransferKind::Expiry:
            break;
        }
        return expired;
    }
};

} // namespace kengele
