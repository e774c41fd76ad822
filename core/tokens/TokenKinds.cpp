// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenKinds.h"

#include <QCoreApplication>

namespace kengele {

QString tokenAccountLabel(const QString &name)
{
    if (name == QStringLiteral("Main"))
        return QCoreApplication::translate("TokenAccount", "Main account");
    return name;
}

QString accountKindKey(TokenAccountKind kind)
{
    switch (kind) {
    case TokenAccountKind::Source:
        return QStringLiteral("source");
    case TokenAccountKind::Budget:
        return QStringLiteral("budget");
    case TokenAccountKind::Reserved:
        return QStringLiteral("reserved");
    case TokenAccountKind::Spent:
        return QStringLiteral("spent");
    case TokenAccountKind::Expired:
        break;
    }
    return QStringLiteral("expired");
}

TokenAccountKind accountKindFromKey(const QString &key)
{
    for (const TokenAccountKind kind : {TokenAccountKind::Source, TokenAccountKind::Budget, TokenAccountKind::Reserved,
                                        TokenAccountKind::Spent, TokenAccountKind::Expired}) {
        if (accountKindKey(kind) == key)
            return kind;
    }
    return TokenAccountKind::Source; // the schema's CHECK allows no other; never a budget by mistake
}

QString transferKindKey(TokenTransferKind kind)
{
    switch (kind) {
    case TokenTransferKind::Grant:
        return QStringLiteral("grant");
    case TokenTransferKind::Purchase:
        return QStringLiteral("purchase");
    case TokenTransferKind::Reserve:
        return QStringLiteral("reserve");
    case TokenTransferKind::Spend:
        return QStringLiteral("spend");
    case TokenTransferKind::Release:
        return QStringLiteral("release");
    case TokenTransferKind::Transfer:
        return QStringLiteral("transfer");
    case TokenTransferKind::Expiry:
        break;
    }
    return QStringLiteral("expiry");
}

std::optional<TokenTransferKind> transferKindFromKey(const QString &key)
{
    for (const TokenTransferKind kind :
         {TokenTransferKind::Grant, TokenTransferKind::Purchase, TokenTransferKind::Reserve, TokenTransferKind::Spend,
          TokenTransferKind::Release, TokenTransferKind::Transfer, TokenTransferKind::Expiry}) {
        if (transferKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

TransferShape transferShape(TokenTransferKind kind)
{
    switch (kind) {
    case TokenTransferKind::Grant:
    case TokenTransferKind::Purchase:
        return {TokenAccountKind::Source, TokenAccountKind::Budget, false};
    case TokenTransferKind::Reserve:
        return {TokenAccountKind::Budget, TokenAccountKind::Reserved, true};
    case TokenTransferKind::Spend:
        return {TokenAccountKind::Reserved, TokenAccountKind::Spent, true};
    case TokenTransferKind::Release:
        return {TokenAccountKind::Reserved, TokenAccountKind::Budget, true};
    case TokenTransferKind::Transfer:
        return {TokenAccountKind::Budget, TokenAccountKind::Budget, false};
    case TokenTransferKind::Expiry:
        break;
    }
    return {TokenAccountKind::Budget, TokenAccountKind::Expired, false};
}

} // namespace kengele
