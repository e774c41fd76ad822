// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokensCommand.h"

#include "TokenReportsCommand.h"
#include "TokenShopCommand.h"

#include "common/Clock.h"
#include "profile/Profile.h"
#include "tokens/TokenLedger.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kengele {

namespace {

QString user()
{
    return qEnvironmentVariable("USER");
}

// "Main: 120 tokens", or for a budget that computers offline at the same time overspent:
// "Main: -40 tokens (overdrawn: top it up before sending from it)".
QString balanceLine(const TokenAccount &account)
{
    if (account.balance < 0)
        return TokensCommand::tr("%1: %2 tokens (overdrawn: top it up before sending from it)")
            .arg(account.name)
            .arg(account.balance);
    return TokensCommand::tr("%1: %2 tokens").arg(account.name).arg(account.balance);
}

} // namespace

QString TokensCommand::usageLine()
{
    return tr(
        "Use one of: tokens add --tokens N [--account NAME] [--reason TEXT] [--valid-days N], tokens check [--account NAME], "
        "tokens transfer --from NAME --to NAME --tokens N --reason TEXT, tokens expire, "
        "tokens threshold --account NAME --below N|off, tokens rename --account NAME --name NEW, "
        "tokens usage [--days N], tokens insights, tokens alerts, tokens history [--account NAME] [--limit N].");
}

int TokensCommand::run(const QStringList &words)
{
    // Buying (plans, buy, purchases, cleanup) has its own options and words.
    if (TokenShopCommand::handles(words.value(0)))
        return TokenShopCommand(m_cli).run(words);
    if (words.size() != 1)
        return m_cli.usage(usageLine());
    const QString sub = words.constFirst();
    // Commands of other classes: each names its words.
    if (TokenReportsCommand::words().contains(sub))
        return TokenReportsCommand(m_cli).run(words);

    using Handler = int (TokensCommand::*)();
    static const QList<std::pair<QString, Handler>> own = {
        {QStringLiteral("add"), &TokensCommand::add},
        {QStringLiteral("check"), &TokensCommand::check},
        {QStringLiteral("transfer"), &TokensCommand::transfer},
        {QStringLiteral("expire"), &TokensCommand::expire},
        {QStringLiteral("threshold"), &TokensCommand::threshold},
        {QStringLiteral("rename"), &TokensCommand::rename},
    };
    for (const auto &[word, handler] : own) {
        if (word == sub)
            return (this->*handler)();
    }
    return m_cli.usage(usageLine());
}

int TokensCommand::readCount(const QString &option, qint64 minimum, qint64 &value, const QString &example)
{
    bool ok = false;
    value = m_cli.args().value(option).toLongLong(&ok);
    if (!m_cli.args().has(option) || !ok || value < minimum || value > TokenLedger::MaxTokensPerTransfer)
        return m_cli.usage(example);
    return Done;
}

int TokensCommand::add()
{
    if (!m_cli.allowOnly(
            {QStringLiteral("tokens"), QStringLiteral("account"), QStringLiteral("reason"), QStringLiteral("valid-days")}))
        return BadUsage;
    qint64 count = 0;
    if (readCount(QStringLiteral("tokens"), 1, count,
                  tr("Give the number of tokens to add as a whole number above zero: --tokens 1000"))
        != Done) {
        return BadUsage;
    }
    qint64 validDays = 0;
    if (m_cli.args().has(QStringLiteral("valid-days"))
        && (readCount(QStringLiteral("valid-days"), 1, validDays,
                      tr("Give how many days the tokens stay valid as a whole number above zero: --valid-days 30"))
                != Done
            || validDays > 3650)) {
        return validDays > 3650 ? m_cli.usage(tr("Tokens can stay valid for at most 3650 days (ten years).")) : BadUsage;
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    TokenLedger &ledger = m_cli.profile().tokens();
    const QString account
        = m_cli.args().has(QStringLiteral("account")) ? m_cli.args().value(QStringLiteral("account")) : QStringLiteral("Main");
    if (!ledger.findAccount(account)) {
        if (const auto created = ledger.createBudgetAccount(account); !created)
            return m_cli.failed(created.error());
    }
    const QString reason = m_cli.args().has(QStringLiteral("reason")) ? m_cli.args().value(QStringLiteral("reason"))
                                                                      : tr("Added from the command line");
    LotTerms terms;
    if (validDays > 0)
        terms.expires = m_cli.clock().nowUtc().addDays(validDays);
    const auto granted = ledger.grant(account, count, reason, user(), terms);
    if (!granted)
        return m_cli.failed(granted.error());
    const auto found = ledger.findAccount(account);
    if (!found)
        return m_cli.failed(found.error());
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{{QStringLiteral("account"), found->name},
                                    {QStringLiteral("added"), count},
                                    {QStringLiteral("balance"), found->balance},
                                    {QStringLiteral("expires"), CliContext::timeOrNull(terms.expires)}});
    } else {
        m_cli.out() << tr("Added %1 tokens to %2; the balance is now %3.").arg(count).arg(found->name).arg(found->balance)
                    << Qt::endl;
        if (terms.expires.isValid())
            m_cli.out() << tr("Those not used by %1 expire then.").arg(CliContext::localTime(terms.expires)) << Qt::endl;
    }
    return Done;
}

int TokensCommand::check()
{
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
            m_cli.printJson(QJsonObject{{QStringLiteral("account"), found->name},
                                        {QStringLiteral("balance"), found->balance},
                                        {QStringLiteral("overdrawn"), found->balance < 0}});
        else
            m_cli.out() << balanceLine(*found) << Qt::endl;
        return Done;
    }
    const auto accounts = ledger.budgetAccounts();
    if (!accounts)
        return m_cli.failed(accounts.error());
    qint64 total = 0;
    QJsonArray array;
    for (const TokenAccount &a : *accounts) {
        total += a.balance;
        array.append(QJsonObject{{QStringLiteral("account"), a.name},
                                 {QStringLiteral("balance"), a.balance},
                                 {QStringLiteral("overdrawn"), a.balance < 0}});
        if (!m_cli.json())
            m_cli.out() << balanceLine(a) << '\n';
    }
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("accounts"), array}, {QStringLiteral("total"), total}});
    else
        m_cli.out() << tr("Total: %1 tokens").arg(total) << Qt::endl;
    return Done;
}

int TokensCommand::transfer()
{
    if (!m_cli.allowOnly({QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("tokens"), QStringLiteral("reason")}))
        return BadUsage;
    const QString from = m_cli.args().value(QStringLiteral("from"));
    const QString to = m_cli.args().value(QStringLiteral("to"));
    if (from.trimmed().isEmpty() || to.trimmed().isEmpty())
        return m_cli.usage(tr("Say which accounts the tokens move between: --from Main --to Youth"));
    qint64 count = 0;
    if (readCount(QStringLiteral("tokens"), 1, count,
                  tr("Give the number of tokens to move as a whole number above zero: --tokens 500"))
        != Done) {
        return BadUsage;
    }
    if (m_cli.args().value(QStringLiteral("reason")).trimmed().isEmpty())
        return m_cli.usage(tr("Say why the tokens move: --reason \"Youth camp reminders\""));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    TokenLedger &ledger = m_cli.profile().tokens();
    const auto moved = ledger.transfer(from, to, count, m_cli.args().value(QStringLiteral("reason")), user());
    if (!moved)
        return m_cli.failed(moved.error());
    const auto source = ledger.account(moved->fromAccountId);
    const auto target = ledger.account(moved->toAccountId);
    if (!source || !target)
        return m_cli.failed(source ? target.error() : source.error());
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{
            {QStringLiteral("from"), source->name},
            {QStringLiteral("to"), target->name},
            {QStringLiteral("tokens"), count},
            {QStringLiteral("balances"), QJsonObject{{source->name, source->balance}, {target->name, target->balance}}}});
    } else {
        m_cli.out() << tr("Moved %1 tokens from %2 to %3. %2 now has %4, %3 has %5.")
                           .arg(QString::number(count), source->name, target->name, QString::number(source->balance),
                                QString::number(target->balance))
                    << Qt::endl;
    }
    return Done;
}

int TokensCommand::expire()
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const auto expired = m_cli.profile().tokens().expireDue(user());
    if (!expired)
        return m_cli.failed(expired.error());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("expired"), *expired}});
    else if (*expired == 0)
        m_cli.out() << tr("No tokens have reached the end of their validity.") << Qt::endl;
    else
        m_cli.out() << tr("%1 unused tokens reached the end of their validity and expired.").arg(*expired) << Qt::endl;
    return Done;
}

int TokensCommand::threshold()
{
    if (!m_cli.allowOnly({QStringLiteral("account"), QStringLiteral("below")}))
        return BadUsage;
    const QString account = m_cli.args().value(QStringLiteral("account"));
    if (account.trimmed().isEmpty())
        return m_cli.usage(tr("Say which account to watch: --account Youth --below 500"));
    qint64 below = -1;
    if (m_cli.args().value(QStringLiteral("below")) != QStringLiteral("off")
        && readCount(QStringLiteral("below"), 0, below,
                     tr("Give the warning level as a number of tokens, 0 or more, or off: --below 500"))
            != Done) {
        return BadUsage;
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const auto set = m_cli.profile().tokens().setAlertThreshold(account, below);
    if (!set)
        return m_cli.failed(set.error());
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{{QStringLiteral("account"), set->name},
                                    {QStringLiteral("below"), below >= 0 ? QJsonValue(below) : QJsonValue(QJsonValue::Null)},
                                    {QStringLiteral("balance"), set->balance}});
    } else if (below >= 0) {
        m_cli.out() << tr("Kengele warns when %1 has fewer than %2 tokens (it has %3).")
                           .arg(set->name, QString::number(below), QString::number(set->balance))
                    << Qt::endl;
    } else {
        m_cli.out() << tr("No more warnings about how few tokens %1 has.").arg(set->name) << Qt::endl;
    }
    return Done;
}

int TokensCommand::rename()
{
    if (!m_cli.allowOnly({QStringLiteral("account"), QStringLiteral("name")}))
        return BadUsage;
    const QString account = m_cli.args().value(QStringLiteral("account"));
    const QString name = m_cli.args().value(QStringLiteral("name"));
    if (account.trimmed().isEmpty() || name.trimmed().isEmpty())
        return m_cli.usage(tr("Say which account gets which new name: --account Youth --name \"Youth Ministry\""));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const auto renamed = m_cli.profile().tokens().renameBudgetAccount(account, name);
    if (!renamed)
        return m_cli.failed(renamed.error());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("account"), renamed->name}, {QStringLiteral("balance"), renamed->balance}});
    else
        m_cli.out() << tr("The account is now called %1.").arg(renamed->name) << Qt::endl;
    return Done;
}

} // namespace kengele
