// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokensCommand.h"

#include "TokenShopCommand.h"

#include "profile/Profile.h"
#include "tokens/TokenLedger.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kengele {

int TokensCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (TokenShopCommand::handles(sub))
        return TokenShopCommand(m_cli).run(words);
    if (words.size() != 1)
        return m_cli.usage(
            tr("Use one of: tokens add --tokens N [--account NAME] [--reason TEXT], tokens check [--account NAME]."));
    if (sub == QStringLiteral("add")) {
        if (!m_cli.allowOnly({QStringLiteral("tokens"), QStringLiteral("account"), QStringLiteral("reason")}))
            return BadUsage;
        bool ok = false;
        const qint64 count = m_cli.args().value(QStringLiteral("tokens")).toLongLong(&ok);
        if (!ok || count <= 0)
            return m_cli.usage(tr("Give the number of tokens to add as a whole number above zero: --tokens 1000"));
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        TokenLedger &ledger = m_cli.profile().tokens();
        const QString account = m_cli.args().has(QStringLiteral("account")) ? m_cli.args().value(QStringLiteral("account"))
                                                                            : QStringLiteral("Main");
        if (!ledger.findAccount(account)) {
            if (const auto created = ledger.createBudgetAccount(account); !created)
                return m_cli.failed(created.error());
        }
        const QString reason = m_cli.args().has(QStringLiteral("reason")) ? m_cli.args().value(QStringLiteral("reason"))
                                                                          : tr("Added from the command line");
        const auto granted = ledger.grant(account, count, reason, qEnvironmentVariable("USER"));
        if (!granted)
            return m_cli.failed(granted.error());
        const auto found = ledger.findAccount(account);
        if (!found)
            return m_cli.failed(found.error());
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("account"), found->name},
                                        {QStringLiteral("added"), count},
                                        {QStringLiteral("balance"), found->balance}});
        else
            m_cli.out() << tr("Added %1 tokens to %2; the balance is now %3.").arg(count).arg(found->name).arg(found->balance)
                        << Qt::endl;
        return Done;
    }
    if (sub == QStringLiteral("check")) {
        if (!m_cli.allowOnly({QStringLiteral("account")}))
            return BadUsage;
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        TokenLedger &ledger = m_cli.profile().tokens();
        if (m_cli.args().has(QStringLiteral("account"))) {
            const auto found = ledger.findAccount(m_cli.args().value(QStringLiteral("account")));
            if (!found)
                return m_cli.failed(found.error());
            if (m_cli.json())
                m_cli.printJson(
                    QJsonObject{{QStringLiteral("account"), found->name}, {QStringLiteral("balance"), found->balance}});
            else
                m_cli.out() << tr("%1: %2 tokens").arg(found->name).arg(found->balance) << Qt::endl;
            return Done;
        }
        const auto accounts = ledger.budgetAccounts();
        if (!accounts)
            return m_cli.failed(accounts.error());
        qint64 total = 0;
        QJsonArray array;
        for (const TokenAccount &a : *accounts) {
            total += a.balance;
            array.append(QJsonObject{{QStringLiteral("account"), a.name}, {QStringLiteral("balance"), a.balance}});
            if (!m_cli.json())
                m_cli.out() << tr("%1: %2 tokens").arg(a.name).arg(a.balance) << '\n';
        }
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("accounts"), array}, {QStringLiteral("total"), total}});
        else
            m_cli.out() << tr("Total: %1 tokens").arg(total) << Qt::endl;
        return Done;
    }
    return m_cli.usage(tr("Use one of: tokens add --tokens N [--account NAME] [--reason TEXT], tokens check [--account NAME]."));
}

} // namespace kengele
