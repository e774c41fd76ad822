// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenShopCommand.h"

#include "common/EventLoopWait.h"
#include "profile/Profile.h"
#include "sync/PurchaseStore.h"
#include "sync/RelayClient.h"
#include "sync/RelaySyncService.h"
#include "sync/TokenShop.h"
#include "tokens/TokenLedger.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

#include <chrono>

namespace kengele {

namespace {

// `tokens buy` waits this long for the payment by default, then leaves it waiting (exit 0).
constexpr qint64 BuyWaitMs = 3 * 60 * 1000;
constexpr auto PollEvery = std::chrono::milliseconds(1500);

QJsonValue orNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString money(qint64 kes)
{
    return TokenShopCommand::tr("KES %1").arg(QLocale().toString(kes));
}

} // namespace

bool TokenShopCommand::handles(const QString &subcommand)
{
    return subcommand == QStringLiteral("plans") || subcommand == QStringLiteral("buy")
        || subcommand == QStringLiteral("purchases") || subcommand == QStringLiteral("cleanup");
}

int TokenShopCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (words.size() == 1 && sub == QStringLiteral("plans"))
        return plans();
    if (words.size() == 1 && sub == QStringLiteral("buy"))
        return buy();
    if (words.size() == 1 && sub == QStringLiteral("purchases"))
        return purchases();
    if (words.size() == 1 && sub == QStringLiteral("cleanup"))
        return cleanup();
    return m_cli.usage(tr("Use one of: tokens plans, tokens buy --plan P --phone N [--account A] [--no-wait], tokens "
                          "purchases, tokens cleanup --days N."));
}

int TokenShopCommand::plans()
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    RelayClient client(network);
    TokenShop shop(m_cli.profile().database(), client, m_cli.clock());
    shop.setAccess(&m_cli.profile().access());
    // The relay's prices when it answers; what it said last time when it does not. Not connected:
    // the plans without prices, and why (else "no price set on your relay" reads as the relay's word).
    if (Status ready = m_cli.prepareRelayClient(client); ready) {
        const Result<ShopOffer> fresh = EventLoopWait::forAnswer<Result<ShopOffer>>([&](auto done) { shop.refreshOffer(done); });
        if (!fresh)
            m_cli.err() << tr("The relay could not be asked for today's prices (%1); showing what it said last time.")
                               .arg(fresh.error().message)
                        << Qt::endl;
    } else {
        m_cli.err() << ready.error().message << Qt::endl;
    }
    const Result<ShopOffer> offer = shop.offer();
    if (!offer)
        return m_cli.failed(offer.error());
    QJsonArray array;
    for (const ShopOffer::Item &item : offer->items) {
        QJsonArray features;
        for (PlanFeature feature : Plan::features()) {
            if (item.plan.has(feature))
                features.append(Plan::featureKey(feature));
        }
        array.append(QJsonObject{{QStringLiteral("plan"), item.plan.key()},
                                 {QStringLiteral("tokens"), item.plan.tokens},
                                 {QStringLiteral("validity_days"), item.plan.validityDays},
                                 {QStringLiteral("price_kes"), orNull(item.priceKes)},
                                 {QStringLiteral("features"), features}});
        if (!m_cli.json()) {
            const QString price = item.plan.tier == PlanTier::Demo ? tr("given once to a new organisation")
                : item.priceKes                                    ? money(*item.priceKes)
                                                                   : tr("no price set on your relay");
            m_cli.out() << CliContext::padded(PurchaseStore::planName(item.plan.key()), 12)
                        << tr("%1 tokens, valid %2 days: %3")
                               .arg(QLocale().toString(item.plan.tokens))
                               .arg(item.plan.validityDays)
                               .arg(price)
                        << '\n';
        }
    }
    if (m_cli.json())
        m_cli.printJson(array);
    else
        m_cli.out().flush();
    return Done;
}

void TokenShopCommand::printPurchase(const PurchaseRecord &r, bool credited)
{
    if (m_cli.json()) {
        m_cli.printJson(
            QJsonObject{{QStringLiteral("purchase"), r.purchase.isEmpty() ? QJsonValue(QJsonValue::Null) : r.purchase},
                        {QStringLiteral("plan"), r.plan},
                        {QStringLiteral("tokens"), r.tokens},
                        {QStringLiteral("amount_kes"), orNull(r.amountKes)},
                        {QStringLiteral("state"), PurchaseRecord::stateKey(r.state)},
                        {QStringLiteral("reason"), PurchaseStore::reasonText(r)},
                        {QStringLiteral("receipt"), r.receipt},
                        {QStringLiteral("credited"), credited}});
        return;
    }
    switch (r.state) {
    case PurchaseState::Requesting:
    case PurchaseState::Waiting:
        m_cli.out() << tr("Waiting for the payment: check the phone %1 and enter the M-Pesa PIN. The tokens will be added "
                          "when M-Pesa confirms it (run “kengele-cli relay sync”).")
                           .arg(r.phone)
                    << Qt::endl;
        break;
    case PurchaseState::Paid:
        m_cli.out() << (credited ? tr("Paid (M-Pesa receipt %1): %2 tokens were added to %3.")
                                 : tr("Paid (M-Pesa receipt %1): %2 tokens will be added to %3 at the next sync."))
                           .arg(r.receipt, QLocale().toString(r.tokens), r.account)
                    << Qt::endl;
        break;
    case PurchaseState::Failed:
        break;
    }
}

int TokenShopCommand::buy()
{
    if (!m_cli.allowOnly({QStringLiteral("plan"), QStringLiteral("phone"), QStringLiteral("account"), QStringLiteral("no-wait")}))
        return BadUsage;
    if (!m_cli.args().has(QStringLiteral("plan")) || !m_cli.args().has(QStringLiteral("phone")))
        return m_cli.usage(tr("Give the plan and the number that pays: tokens buy --plan starter --phone 0712345678"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    RelayClient client(network);
    if (Status ready = m_cli.prepareRelayClient(client); !ready)
        return m_cli.failed(ready.error());
    TokenShop shop(m_cli.profile().database(), client, m_cli.clock());
    shop.setAccess(&m_cli.profile().access());
    // Today's price for the record; a relay that cannot say is refused at the purchase itself.
    (void)EventLoopWait::forAnswer<Result<ShopOffer>>([&](auto done) { shop.refreshOffer(done); });

    PurchaseOrder order;
    order.plan = m_cli.args().value(QStringLiteral("plan")).trimmed().toLower();
    order.phone = m_cli.args().value(QStringLiteral("phone"));
    if (m_cli.args().has(QStringLiteral("account")))
        order.account = m_cli.args().value(QStringLiteral("account"));
    order.user = qEnvironmentVariable("USER");
    if (order.account != QStringLiteral("Main") && !m_cli.profile().tokens().findAccount(order.account))
        return m_cli.failed({ErrorCode::NotFound, tr("There is no budget called “%1”.").arg(order.account)});
    const Result<PurchaseRecord> asked
        = EventLoopWait::forAnswer<Result<PurchaseRecord>>([&](auto done) { shop.buy(order, done); });
    if (!asked)
        return m_cli.failed(asked.error());
    PurchaseRecord record = *asked;
    if (!m_cli.args().has(QStringLiteral("no-wait"))) {
        if (!m_cli.json())
            m_cli.err() << tr("Check the phone %1 and enter the M-Pesa PIN. Waiting for M-Pesa…").arg(record.phone) << Qt::endl;
        // Syncs with the relay until the voucher is credited or the purchase failed, for at most
        // three minutes; the voucher comes with any later sync if it is slower.
        RelaySyncService sync(m_cli.profile().database(), m_cli.profile().contacts(), m_cli.profile().tokens(), client,
                              m_cli.clock());
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < BuyWaitMs) {
            const Result<RelayApplyReport> synced
                = EventLoopWait::forAnswer<Result<RelayApplyReport>>([&](auto done) { sync.syncUntilCaughtUp(done); });
            if (!synced)
                m_cli.err() << synced.error().message << Qt::endl;
            const Result<std::optional<PurchaseRecord>> now = shop.purchase(record.requestId);
            if (!now)
                return m_cli.failed(now.error());
            if (*now)
                record = **now;
            if (record.credited.isValid() || record.state == PurchaseState::Failed)
                break;
            EventLoopWait pause;
            pause.run(PollEvery); // nothing ends it early: a pause between syncs
        }
    }
    printPurchase(record, record.credited.isValid());
    if (record.state == PurchaseState::Failed) {
        m_cli.err() << tr("The purchase failed: %1 Nothing was charged.").arg(PurchaseStore::reasonText(record)) << Qt::endl;
        return Failed;
    }
    return Done;
}

int TokenShopCommand::purchases()
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    RelayClient client(network);
    TokenShop shop(m_cli.profile().database(), client, m_cli.clock());
    shop.setAccess(&m_cli.profile().access());
    if (m_cli.prepareRelayClient(client)) {
        const Result<QList<PurchaseRecord>> fresh
            = EventLoopWait::forAnswer<Result<QList<PurchaseRecord>>>([&](auto done) { shop.refreshPurchases(done); });
        if (!fresh)
            m_cli.err() << tr("The relay could not be asked (%1); showing what this computer knows.").arg(fresh.error().message)
                        << Qt::endl;
    }
    const Result<QList<PurchaseRecord>> list = shop.purchases();
    if (!list)
        return m_cli.failed(list.error());
    QJsonArray array;
    for (const PurchaseRecord &r : *list) {
        array.append(QJsonObject{{QStringLiteral("purchase"), r.purchase.isEmpty() ? QJsonValue(QJsonValue::Null) : r.purchase},
                                 {QStringLiteral("plan"), r.plan},
                                 {QStringLiteral("state"), PurchaseRecord::stateKey(r.state)},
                                 {QStringLiteral("amount_kes"), orNull(r.amountKes)},
                                 {QStringLiteral("receipt"), r.receipt},
                                 {QStringLiteral("requested"), CliContext::timeOrNull(r.requested)},
                                 {QStringLiteral("credited"), CliContext::timeOrNull(r.credited)}});
        if (!m_cli.json()) {
            QString state = PurchaseRecord::stateKey(r.state);
            if (r.state == PurchaseState::Failed)
                state += QStringLiteral(": ") + PurchaseStore::reasonText(r);
            else if (r.state == PurchaseState::Paid)
                state += QStringLiteral(" ") + r.receipt;
            m_cli.out() << CliContext::padded(CliContext::localTime(r.requested), 18)
                        << CliContext::padded(PurchaseStore::planName(r.plan), 12)
                        << CliContext::padded(r.amountKes ? money(*r.amountKes) : QStringLiteral("—"), 12) << state << '\n';
        }
    }
    if (m_cli.json())
        m_cli.printJson(array);
    else if (list->isEmpty())
        m_cli.out() << tr("No tokens have been bought yet.") << Qt::endl;
    else
        m_cli.out().flush();
    return Done;
}

int TokenShopCommand::cleanup()
{
    if (!m_cli.allowOnly({QStringLiteral("days")}))
        return BadUsage;
    bool ok = false;
    const int days = m_cli.args().value(QStringLiteral("days")).toInt(&ok);
    if (!ok || days < 1)
        return m_cli.usage(tr("Give the age in days as a whole number of at least 1: tokens cleanup --days 90"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    QNetworkAccessManager network;
    RelayClient client(network);
    TokenShop shop(m_cli.profile().database(), client, m_cli.clock());
    shop.setAccess(&m_cli.profile().access());
    const Result<int> removed = shop.cleanup(days);
    if (!removed)
        return m_cli.failed(removed.error());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("removed"), *removed}});
    else
        m_cli.out() << tr("Removed %n old purchase attempt(s) and payment copies; the token history is kept.", nullptr, *removed)
                    << Qt::endl;
    return Done;
}

} // namespace kengele
