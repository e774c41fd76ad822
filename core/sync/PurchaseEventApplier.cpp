// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PurchaseEventApplier.h"

#include "PurchaseStore.h"
#include "SyncLog.h"
#include "tokens/LedgerStore.h"
#include "tokens/TokenLedger.h"
#include "tokens/Voucher.h"

#include <QSqlDatabase>

namespace kengele {

PurchaseEventApplier::PurchaseEventApplier(TokenLedger &ledger, qint64 nowMs)
    : m_ledger(ledger)
    , m_nowMs(nowMs)
{ }

Result<PurchaseEventApplier::VoucherOutcome> PurchaseEventApplier::applyVoucher(const QSqlDatabase &db, const QString &org,
                                                                                const QByteArray &pinnedKey,
                                                                                const QJsonObject &data,
                                                                                CreditedVoucher *credited)
{
    const std::expected<Voucher, QString> voucher = Voucher::fromEventData(data, pinnedKey);
    if (!voucher) {
        // The reason names what was wrong (signature, field), never the voucher's content.
        qCWarning(lcSync) << "voucher refused, no tokens added:" << voucher.error();
        return VoucherOutcome::Refused;
    }
    if (voucher->org != org) {
        qCWarning(lcSync) << "voucher refused, no tokens added: it is for another organisation";
        return VoucherOutcome::Refused;
    }
    // The budget the buyer chose, or Main when this computer has no budget of that name (made on a
    // computer that is not in step yet): tokens are never refused for want of a department.
    QString account = voucher->account;
    if (!m_ledger.findAccount(account))
        account = QStringLiteral("Main");
    QString user;
    if (!voucher->purchase.isEmpty()) {
        const Result<QString> buyer = PurchaseStore::userOf(db, voucher->purchase);
        if (!buyer)
            return std::unexpected(buyer.error());
        user = *buyer;
    }
    if (user.isEmpty())
        user = voucher->purchase.isEmpty() ? QStringLiteral("relay") : QStringLiteral("M-Pesa");
    // The tokens are a lot of the voucher's plan that expires with it. A voucher that arrives after
    // its end (this computer was off for weeks) is still credited, as a record, and expires at the
    // ledger's next expiry run.
    const QDateTime soonest = QDateTime::fromMSecsSinceEpoch(m_nowMs + 60'000, Qt::UTC);
    const LotTerms terms{voucher->plan, voucher->expires() > soonest ? voucher->expires() : soonest};
    const Result<TokenPurchase> purchase = m_ledger.purchaseInTransaction(db, account, voucher->tokens, voucher->id, user, terms);
    if (!purchase) {
        if (purchase.error().code == ErrorCode::Storage)
            return std::unexpected(purchase.error());
        qCWarning(lcSync) << "voucher" << voucher->id << "not credited:" << int(purchase.error().code);
        return VoucherOutcome::Refused;
    }
    if (!voucher->purchase.isEmpty()) {
        if (Status marked = PurchaseStore::markCredited(db, voucher->purchase, voucher->id, voucher->receipt, m_nowMs); !marked)
            return std::unexpected(marked.error());
    }
    if (purchase->alreadyCredited)
        return VoucherOutcome::AlreadyCredited;
    qCInfo(lcSync) << "voucher" << voucher->id << "credited:" << voucher->tokens << "tokens of plan" << voucher->plan
                   << (voucher->simulated ? "(simulated)" : "");
    if (credited) {
        *credited = CreditedVoucher{voucher->id,     voucher->plan,      account,           voucher->receipt,
                                    voucher->tokens, voucher->expires(), voucher->simulated};
    }
    return VoucherOutcome::Credited;
}

Result<bool> PurchaseEventApplier::applyPurchase(const QSqlDatabase &db, const QJsonObject &data)
{
    const Result<PurchaseRecord> saved = PurchaseStore::saveFromRelay(db, data, m_nowMs);
    if (!saved) {
        if (saved.error().code == ErrorCode::Storage)
            return std::unexpected(saved.error());
        qCWarning(lcSync) << "a purchase event could not be read; kept";
        return false;
    }
    // The relay puts a purchase's voucher on the feed before its "paid" event. When this computer
    // did not know the purchase's id as the voucher came (the relay's answer to the request was
    // lost, or another computer asked for it), the voucher credited its tokens but found no
    // purchase to mark: it is marked now, if the ledger has that voucher's credit.
    if (saved->credited.isValid() || saved->voucher.isEmpty())
        return true;
    const Result<std::optional<qint64>> credit = LedgerStore(db).earlierPurchase(saved->voucher, 0);
    if (!credit)
        return std::unexpected(credit.error());
    if (*credit) {
        if (Status marked = PurchaseStore::markCredited(db, saved->purchase, saved->voucher, saved->receipt, m_nowMs); !marked)
            return std::unexpected(marked.error());
    }
    return true;
}

} // namespace kengele
