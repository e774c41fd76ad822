// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace kengele {

// Something LedgerVerifier found wrong with the stored ledger. A healthy ledger has none.
struct LedgerProblem {
    enum class Kind {
        Unbalanced, // a transfer's entries do not sum to zero
        EmptyTransfer, // a transfer without entries
        OrphanEntry, // an entry whose transfer is missing
        WrongAccounts, // tokens moved between kinds of account the transfer's kind does not allow
        NegativeBalance, // a budget (or reserved, spent, expired) account went below zero
        CampaignOverdrawn, // more was spent or released for a campaign than it had reserved
        CampaignAccount, // a campaign's tokens came from, or went back to, different budget accounts
        DuplicatePurchase, // one voucher credited more than once
        LotSplit, // an entry on a budget account is not divided among lots to the token (or one elsewhere is)
        NegativeLot, // a budget account gave away more of a lot than it had
        LotHoldings, // what the accounts hold of each lot (token_lot_holdings) differs from their entries
        CampaignLot, // a campaign gave back more of a lot than it had reserved from it
        SpendSummary, // the spending by hour (token_spend_hours) differs from the spend entries
    };
    Kind kind = Kind::Unbalanced;
    qint64 transferId = 0; // the first transfer where it shows; 0 when not about one
    qint64 accountId = 0;
    qint64 campaignId = 0;
    QString message; // translated, for the "check the ledger" report
};

} // namespace kengele
