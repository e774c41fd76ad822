// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliRunner.h"
#include "profile/Profile.h"
#include "tokens/TokenLedger.h"

#include <QJsonArray>
#include <QJsonObject>

// kengele-cli tokens add | check
namespace kengele {

int CliRunner::tokens(const QStringList &words)
{
    const QString sub = words.value(0);
    if (words.size() != 1)
        return usage(tr("Use one of: tokens add --tokens N [--account NAME] [--reason TEXT], tokens check [--account NAME]."));
    if (sub == QStringLiteral("add")) {
        if (!allowOnly({QStringLiteral("tokens"), QStringLiteral("account"), QStringLiteral("reason")}))
            return BadUsage;
        bool ok = false;
        const qint64 count = m_args.value(QStringLiteral("tokens")).toLongLong(&ok);
        if (!ok || count <= 0)
            return usage(tr("Give the number of tokens to add as a whole number above zero: --tokens 1000"));
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        TokenLedger &ledger = m_profile->tokens();
        const QString account
            = m_args.has(QStringLiteral("account")) ? m_args.value(QStringLiteral("account")) : QStringLiteral("Main");
        if (!ledger.findAccount(account)) {
            if (const auto created = ledger.createBudgetAccount(account); !created)
                return failed(created.error());
        }
        const QString reason
            = m_args.has(QStringLiteral("reason")) ? m_args.value(QStringLiteral("reason")) : tr("Added from the command line");
        const auto granted = ledger.grant(account, count, reason, qEnvironmentVariable("USER"));
        if (!granted)
            return failed(granted.error());
        const auto found = ledger.findAccount(account);
        if (!found)
            return failed(found.error());
        if (m_json)
            printJson(QJsonObject{{QStringLiteral("account"), found->name},
                                  {QStringLiteral("added"), count},
                                  {QStringLiteral("balance"), found->balance}});
        else
            m_out << tr("Added %1 tokens to %2; the balance is now %3.").arg(count).arg(found->name).arg(found->balance)
                  << Qt::endl;
        return Done;
    }
    if (sub == QStringLiteral("check")) {
        if (!allowOnly({QStringLiteral("account")}))
            return BadUsage;
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        TokenLedger &ledger = m_profile->tokens();
        if (m_args.has(QStringLiteral("account"))) {
            const auto found = ledger.findAccount(m_args.value(QStringLiteral("account")));
            if (!found)
                return failed(found.error());
            if (m_json)
                printJson(QJsonObject{{QStringLiteral("account"), found->name}, {QStringLiteral("balance"), found->balance}});
            else
                m_out << tr("%1: %2 tokens").arg(found->name).arg(found->balance) << Qt::endl;
            return Done;
        }
        const auto accounts = ledger.budgetAccounts();
        if (!accounts)
            return failed(accounts.error());
        qint64 total = 0;
        QJsonArray array;
        for (const TokenAccount &a : *accounts) {
            total += a.balance;
            array.append(QJsonObject{{QStringLiteral("account"), a.name}, {QStringLiteral("balance"), a.balance}});
            if (!m_json)
                m_out << tr("%1: %2 tokens").arg(a.name).arg(a.balance) << '\n';
        }
        if (m_json)
            printJson(QJsonObject{{QStringLiteral("accounts"), array}, {QStringLiteral("total"), total}});
        else
            m_out << tr("Total: %1 tokens").arg(total) << Qt::endl;
        return Done;
    }
    return usage(tr("Use one of: tokens add --tokens N [--account NAME] [--reason TEXT], tokens check [--account NAME]."));
}

} // namespace kengele
