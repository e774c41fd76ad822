// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sync/PurchaseRecord.h"
#include "tokens/Plan.h"

#include <QCoreApplication>
#include <QString>

namespace kengele {

struct CreditedVoucher;

// How plans, features and purchases read on the Tokens page, in the Buy dialog and in the status
// bar, with the glossary's words ("token", "Main account", "practice").
class TokensText final
{
    Q_DECLARE_TR_FUNCTIONS(TokensText)

public:
    // "1,000 tokens" (thousands separators in the interface language).
    static QString tokens(qint64 count);
    // "KES 500".
    static QString shillings(qint64 amount);
    // "1,000 tokens, for 30 days".
    static QString planSize(const Plan &plan);
    // A purchase's state in a list: "Waiting for the M-Pesa PIN", "Paid: tokens added", "Failed: why".
    static QString purchaseState(const PurchaseRecord &purchase);
    // "1,000 tokens added to Main account."
    static QString added(qint64 tokens, const QString &account);
    // The status bar's note when a voucher credited tokens: "1,000 tokens arrived (M-Pesa receipt
    // SIM4K2L9QX)."; a practice payment or the demo plan say so instead of a receipt.
    static QString arrived(const CreditedVoucher &voucher);
    static QString practicePaid();
};

} // namespace kengele
