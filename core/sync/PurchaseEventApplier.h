// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

class QSqlDatabase;

namespace kengele {

class TokenLedger;

// Tokens a voucher from the relay added here (for the notification: "1,000 tokens arrived").
struct CreditedVoucher {
    QString voucher;
    QString plan;
    QString account;
    QString receipt;
    qint64 tokens = 0;
    QDateTime expires; // UTC
    bool simulated = false;
};

// The feed's "voucher" and "purchase" events (docs/relay.md, "Buying tokens"), applied inside
// RelayEventApplier's transaction. A voucher credits its tokens only when its signature matches the
// relay's key this computer pinned, it is for this organisation, and its id was never credited
// (TokenLedger::purchaseInTransaction). Anything else credits nothing and is logged with the reason.
class PurchaseEventApplier final
{
    Q_DECLARE_TR_FUNCTIONS(PurchaseEventApplier)

public:
    enum class VoucherOutcome { Credited, AlreadyCredited, Refused };

    PurchaseEventApplier(TokenLedger &ledger, qint64 nowMs);

    Result<VoucherOutcome> applyVoucher(const QSqlDatabase &db, const QString &org, const QByteArray &pinnedKey,
                                        const QJsonObject &data, CreditedVoucher *credited);
    // A purchase's new state; false when it could not be read (kept, nothing changed).
    Result<bool> applyPurchase(const QSqlDatabase &db, const QJsonObject &data);

private:
    TokenLedger &m_ledger;
    qint64 m_nowMs;
};

} // namespace kengele
