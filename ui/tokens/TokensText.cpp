// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokensText.h"

#include "campaigns/CampaignText.h"
#include "sync/PurchaseEventApplier.h"
#include "sync/PurchaseStore.h"
#include "tokens/TokenAccount.h"

namespace kengele {

QString TokensText::tokens(qint64 count)
{
    //: A number of tokens, with thousands separators: "1,000 tokens"
    return tr("%Ln token(s)", nullptr, int(qBound(qint64(-2'000'000'000), count, qint64(2'000'000'000))));
}

QString TokensText::shillings(qint64 amount)
{
    return tr("KES %1").arg(CampaignText::number(amount));
}

QString TokensText::planSize(const Plan &plan)
{
    //: A plan: "1,000 tokens, for 30 days"
    return tr("%1, for %n day(s)", nullptr, plan.validityDays).arg(tokens(plan.tokens));
}

QString TokensText::purchaseState(const PurchaseRecord &purchase)
{
    switch (purchase.state) {
    case PurchaseState::Requesting:
        return tr("Asking your relay…");
    case PurchaseState::Waiting:
        return tr("Waiting for the M-Pesa PIN");
    case PurchaseState::Paid:
        if (purchase.credited.isValid())
            return purchase.simulated ? tr("Practice payment: tokens added") : tr("Paid: tokens added");
        return tr("Paid: the tokens are on their way");
    case PurchaseState::Failed:
        break;
    }
    const QString why = PurchaseStore::reasonText(purchase);
    return why.isEmpty() ? tr("Not paid") : tr("Not paid: %1").arg(why);
}

QString TokensText::added(qint64 count, const QString &account)
{
    //: "1,000 tokens added to Main account."
    return tr("%1 added to %2.").arg(tokens(count), tokenAccountLabel(account));
}

QString TokensText::arrived(const CreditedVoucher &voucher)
{
    if (voucher.simulated)
        return tr("%1 arrived (practice payment: no money was taken).").arg(tokens(voucher.tokens));
    if (voucher.receipt.isEmpty())
        return tr("%1 arrived.").arg(tokens(voucher.tokens));
    return tr("%1 arrived (M-Pesa receipt %2).").arg(tokens(voucher.tokens), voucher.receipt);
}

QString TokensText::practicePaid()
{
    return tr("Practice payment: no money was taken.");
}

} // namespace kengele
