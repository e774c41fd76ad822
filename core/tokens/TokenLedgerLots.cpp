// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// TokenLedger: lots, their expiry, and the settings of a department's budget (architecture.md §5).
// The transfers themselves are written by TokenLedger::move (TokenLedger.cpp).

#include "TokenLedger.h"

#include "LedgerStore.h"
#include "LotBook.h"
#include "TokenKinds.h"
#include "TokenLedgerMovement.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/Plan.h"

#include <QLocale>

namespace kengele {

namespace {

constexpr int MaxAccountNameLength = 60;

// Why a lot's rest expired, as its transfer's reason.
QString expiryReason(const TokenLot &lot)
{
    const QString until = QLocale().toString(lot.expires.toLocalTime().date(), QLocale::LongFormat);
    if (lot.plan.isEmpty())
        return TokenLedger::tr("Unused tokens, valid until %1.").arg(until);
    return TokenLedger::tr("Unused tokens of the %1 plan, valid until %2.").arg(lot.plan, until);
}

} // namespace

Result<TokenAccount> TokenLedger::renameBudgetAccount(const QString &name, const QString &rawNewName)
{
    if (Status allowed = Access::check(m_access, Permission::ManageTokens); !allowed)
        return std::unexpected(allowed.error());
    const QString newName = rawNewName.simplified();
    if (newName.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please give the account a name, for example “Youth”."));
    if (newName.size() > MaxAccountNameLength)
        return fail(ErrorCode::InvalidInput, tr("An account name can have at most %1 characters.").arg(MaxAccountNameLength));
    const QSqlDatabase db = m_database.connection();
    const LedgerStore store(db);
    const Result<TokenAccount> account = store.budgetAccountByName(name);
    if (!account)
        return std::unexpected(account.error());
    if (account->name == QStringLiteral("Main"))
        return fail(ErrorCode::InvalidInput, tr("The main account keeps its name. Rename a department's account instead."));
    if (const Result<TokenAccount> existing = store.accountByName(newName); existing && existing->id != account->id)
        return fail(ErrorCode::Conflict, tr("There is already a token account called “%1”.").arg(existing->name));
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Renaming the account")); !begun)
        return std::unexpected(begun.error());
    if (Status renamed = store.renameAccount(account->id, newName); !renamed)
        return std::unexpected(renamed.error());
    if (Status done = transaction.commit(
            {QStringLiteral("tokens.account"), QStringLiteral("account:%1").arg(account->id), QStringLiteral("renamed")});
        !done)
        return std::unexpected(done.error());
    qCInfo(lcTokens) << "renamed budget account" << account->id;
    Q_EMIT balancesChanged();
    return store.account(account->id);
}

Result<TokenAccount> TokenLedger::setAlertThreshold(const QString &accountName, qint64 below)
{
    if (Status allowed = Access::check(m_access, Permission::ManageTokens); !allowed)
        return std::unexpected(allowed.error());
    if (below < -1 || below > MaxTokensPerTransfer)
        return fail(ErrorCode::InvalidInput, tr("Give the warning level as a number of tokens, 0 or more."));
    const QSqlDatabase db = m_database.connection();
    const LedgerStore store(db);
    const Result<TokenAccount> account = store.budgetAccountByName(accountName);
    if (!account)
        return std::unexpected(account.error());
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Saving the warning level")); !begun)
        return std::unexpected(begun.error());
    if (Status saved = store.setAlertBelow(account->id, below); !saved)
        return std::unexpected(saved.error());
    if (Status done = transaction.commit({QStringLiteral("tokens.account"), QStringLiteral("account:%1").arg(account->id),
                                          QStringLiteral("warn below %1").arg(below)});
        !done)
        return std::unexpected(done.error());
    Q_EMIT balancesChanged();
    return store.account(account->id);
}

Result<qint64> TokenLedger::expireDue(const QString &user)
{
    const QSqlDatabase db = m_database.connection();
    // BEGIN IMMEDIATE: what is due is read under the write lock, so two runs at once (the app at
    // midnight, `tokens expire`) cannot both move the same lot.
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Recording the tokens")); !begun)
        return std::unexpected(begun.error());
    const qint64 now = m_clock.nowMs();
    const LedgerStore store(db);
    const Result<qint64> expired = store.systemAccount(TokenAccountKind::Expired);
    if (!expired)
        return std::unexpected(expired.error());
    const Result<QList<TokenLot>> due
        = LotBook(db).holdings(QStringLiteral("AND a.kind = ? AND l.expires_at IS NOT NULL AND l.expires_at <= ?"),
                               {accountKindKey(TokenAccountKind::Budget), now});
    if (!due)
        return std::unexpected(due.error());
    qint64 total = 0;
    for (const TokenLot &lot : *due) {
        Movement movement{TokenTransferKind::Expiry, 0,   lot.accountId, *expired, lot.remaining, 0, lot.reference,
                          expiryReason(lot),         user};
        movement.lotsOut = {LotShare{lot.id, lot.remaining}};
        const Result<QString> key = store.lotKey(lot.id);
        if (!key)
            return std::unexpected(key.error());
        movement.lot = *key;
        const Result<TokenTransfer> moved = move(db, movement, nullptr);
        if (!moved)
            return std::unexpected(moved.error());
        total += lot.remaining;
    }
    if (total == 0)
        return qint64(0); // nothing written; the transaction rolls back
    if (Status committed
        = transaction.commit({QStringLiteral("tokens.expire"), QStringLiteral("lots"),
                              QStringLiteral("%1 tokens of %2 lots, on time").arg(total).arg(due->size()), Actor::Kengele});
        !committed)
        return std::unexpected(committed.error());
    qCInfo(lcTokens) << "expired" << total << "tokens of" << due->size() << "lots";
    Q_EMIT balancesChanged();
    return total;
}

Result<QList<TokenLot>> TokenLedger::lots() const
{
    return LotBook(m_database.connection())
        .holdings(QStringLiteral("AND a.kind = ?"), {accountKindKey(TokenAccountKind::Budget)});
}

Result<QList<TokenLot>> TokenLedger::purchasedLotsInForce(const QDateTime &now) const
{
    if (!now.isValid())
        return fail(ErrorCode::InvalidInput, tr("Choose a moment to look at."));
    return LotBook(m_database.connection()).purchasedInForce(now.toMSecsSinceEpoch());
}

} // namespace kengele
