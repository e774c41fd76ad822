// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenShop.h"

#include "security/Access.h"

#include "PurchaseStore.h"
#include "RelayClient.h"
#include "RelayLinkStore.h"
#include "SyncLog.h"
#include "common/Clock.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace kengele {

std::optional<ShopOffer::Item> ShopOffer::item(const QString &planKey) const
{
    for (const Item &i : items) {
        if (i.plan.key() == planKey)
            return i;
    }
    return std::nullopt;
}

std::optional<ShopOffer> ShopOffer::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject o = document.object();
    if (!o.value(QStringLiteral("plans")).isArray())
        return std::nullopt;
    ShopOffer offer;
    offer.known = true;
    offer.lockFeatures = o.value(QStringLiteral("lock_features")).toBool();
    offer.mpesa = o.value(QStringLiteral("mpesa")).toString(QStringLiteral("none"));
    // One line of plain text at most; anything else the relay sent is not shown.
    offer.supportLine = o.value(QStringLiteral("support_line")).toString().simplified().left(ShopOffer::MaxSupportLine);
    // In the catalogue's order, whatever order the relay wrote; a plan the relay does not list is
    // shown without a price.
    for (const Plan &plan : Plan::all()) {
        Item item{plan, std::nullopt};
        for (const auto &value : o.value(QStringLiteral("plans")).toArray()) {
            const QJsonObject p = value.toObject();
            if (p.value(QStringLiteral("plan")).toString() == plan.key() && p.value(QStringLiteral("price_kes")).isDouble())
                item.priceKes = p.value(QStringLiteral("price_kes")).toInteger();
        }
        offer.items.append(item);
    }
    return offer;
}

TokenShop::TokenShop(Database &database, RelayClient &client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_clock(clock)
{ }

Result<QString> TokenShop::mpesaNumber(const QString &typed)
{
    QString digits;
    for (const QChar c : typed.trimmed()) {
        if (c.isDigit())
            digits += c;
        else if (c != u' ' && c != u'-' && c != u'(' && c != u')' && c != u'.' && !(c == u'+' && digits.isEmpty()))
            digits = QStringLiteral("x"); // a letter: not a number at all
    }
    if (digits.startsWith(QStringLiteral("254")))
        digits = digits.mid(3);
    else if (digits.startsWith(u'0'))
        digits = digits.mid(1);
    if (digits.size() == 9 && (digits.startsWith(u'7') || digits.startsWith(u'1')))
        return QStringLiteral("254") + digits;
    return fail(ErrorCode::InvalidInput,
                tr("“%1” is not a Kenyan mobile number that can pay with M-Pesa. Write it as it is on the phone, like "
                   "0712 345 678.")
                    .arg(typed.trimmed()));
}

Status TokenShop::checkConnected() const
{
    const Result<RelayLink> link = RelayLinkStore(m_database, m_clock).load();
    if (!link)
        return std::unexpected(link.error());
    if (!link->isEnrolled() || !m_client.hasToken() || m_client.baseUrl().isEmpty()) {
        return fail(ErrorCode::InvalidInput,
                    tr("Tokens are bought through your relay, and this computer is not connected to one. Connect to your "
                       "relay first: Settings → Relay."));
    }
    return {};
}

Result<ShopOffer> TokenShop::offer() const
{
    const Result<RelayLink> link = RelayLinkStore(m_database, m_clock).load();
    if (!link)
        return std::unexpected(link.error());
    if (const std::optional<ShopOffer> saved = ShopOffer::fromJson(link->offer))
        return *saved;
    ShopOffer unknown;
    for (const Plan &plan : Plan::all())
        unknown.items.append({plan, std::nullopt});
    unknown.mpesa = QStringLiteral("none");
    return unknown;
}

void TokenShop::refreshOffer(OfferCallback done)
{
    if (Status connected = checkConnected(); !connected) {
        done(std::unexpected(connected.error()));
        return;
    }
    m_client.getJson(QStringLiteral("/v1/plans"), {}, [this, done = std::move(done)](RelayResult<QJsonObject> answer) {
        if (!answer) {
            done(std::unexpected(answer.error().toError()));
            return;
        }
        const QByteArray json = QJsonDocument(*answer).toJson(QJsonDocument::Compact);
        const std::optional<ShopOffer> offer = ShopOffer::fromJson(json);
        if (!offer) {
            done(fail(ErrorCode::Unsupported, tr("The relay's answer about plans and prices could not be read.")));
            return;
        }
        if (Status saved = RelayLinkStore(m_database, m_clock).saveOffer(json); !saved) {
            done(std::unexpected(saved.error()));
            return;
        }
        Q_EMIT offerChanged();
        done(*offer);
    });
}

Error TokenShop::relayRefused(const RelayError &error) const
{
    if (error.code == QStringLiteral("phone_busy"))
        return {ErrorCode::Conflict, tr("A payment is already waiting on this phone. Try again in a minute.")};
    if (error.code == QStringLiteral("mpesa_not_set_up"))
        return {ErrorCode::Unsupported,
                tr("M-Pesa is not set up on your relay yet, so tokens cannot be bought. Ask whoever runs your relay.")};
    if (error.code == QStringLiteral("mpesa_unavailable"))
        return {ErrorCode::Io,
                tr("M-Pesa did not answer the relay, so no payment was asked for and nothing was charged. Try "
                   "again in a few minutes.")};
    if (error.code == QStringLiteral("no_price"))
        return {ErrorCode::Unsupported,
                tr("This plan has no price on your relay, so it cannot be bought. Ask whoever runs your relay.")};
    if (error.code == QStringLiteral("bad_phone"))
        return {ErrorCode::InvalidInput, tr("The relay says this is not a Kenyan mobile number that can pay with M-Pesa.")};
    if (error.kind == RelayError::Kind::Unreachable)
        return {ErrorCode::Io,
                tr("Kengele could not reach your relay, so no payment was asked for. Check the internet "
                   "connection and try again.")};
    return error.toError();
}

void TokenShop::buy(const PurchaseOrder &order, PurchaseCallback done)
{
    if (Status allowed = Access::check(m_access, Permission::ManageTokens); !allowed) {
        done(std::unexpected(allowed.error()));
        return;
    }
    const std::optional<Plan> plan = Plan::find(order.plan);
    if (!plan || plan->tier == PlanTier::Demo) {
        done(fail(ErrorCode::InvalidInput, tr("Choose a plan to buy: starter, business or enterprise.")));
        return;
    }
    if (Status connected = checkConnected(); !connected) {
        done(std::unexpected(connected.error()));
        return;
    }
    const Result<QString> phone = mpesaNumber(order.phone);
    if (!phone) {
        done(std::unexpected(phone.error()));
        return;
    }
    const Result<ShopOffer> known = offer();
    PurchaseRecord request;
    request.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.plan = plan->key();
    request.tokens = plan->tokens;
    request.validityDays = plan->validityDays;
    if (known) {
        if (const std::optional<ShopOffer::Item> item = known->item(plan->key()))
            request.amountKes = item->priceKes;
    }
    request.phone = phone->left(4) + QStringLiteral("•••••") + phone->right(3);
    request.account = order.account.trimmed().isEmpty() ? QStringLiteral("Main") : order.account.trimmed();
    request.user = order.user;
    request.requested = m_clock.nowUtc();
    {
        const QSqlDatabase db = m_database.connection();
        AuditedTransaction transaction(m_access, db);
        if (Status begun = transaction.began(tr("Saving the purchase")); !begun) {
            done(std::unexpected(begun.error()));
            return;
        }
        if (Status saved = PurchaseStore::insertRequest(db, request); !saved) {
            done(std::unexpected(saved.error()));
            return;
        }
        if (Status committed = transaction.commit(
                {QStringLiteral("tokens.buy"), QStringLiteral("purchase:%1").arg(request.requestId),
                 QStringLiteral("%1 plan, KES %2")
                     .arg(request.plan, request.amountKes ? QString::number(*request.amountKes) : QStringLiteral("?"))});
            !committed) {
            done(std::unexpected(committed.error()));
            return;
        }
    }
    Q_EMIT purchasesChanged();
    qCInfo(lcSync) << "asking the relay for a" << request.plan << "purchase";
    const QJsonObject body{{QStringLiteral("plan"), request.plan},
                           {QStringLiteral("phone"), *phone},
                           {QStringLiteral("account"), request.account},
                           {QStringLiteral("request_id"), request.requestId}};
    m_client.postJson(QStringLiteral("/v1/purchases"), body,
                      [this, requestId = request.requestId, done = std::move(done)](RelayResult<QJsonObject> answer) {
                          const QSqlDatabase db = m_database.connection();
                          if (!answer) {
                              const Error why = relayRefused(answer.error());
                              qCInfo(lcSync) << "purchase refused:" << answer.error().code << answer.error().httpStatus;
                              if (Status failed = PurchaseStore::markFailed(db, requestId, why.message, m_clock.nowMs());
                                  !failed) {
                                  done(std::unexpected(failed.error()));
                                  return;
                              }
                              Q_EMIT purchasesChanged();
                              done(std::unexpected(why));
                              return;
                          }
                          const Result<PurchaseRecord> saved = PurchaseStore::saveFromRelay(db, *answer, m_clock.nowMs());
                          Q_EMIT purchasesChanged();
                          done(saved);
                      });
}

void TokenShop::refreshPurchases(ListCallback done)
{
    if (Status connected = checkConnected(); !connected) {
        done(std::unexpected(connected.error()));
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
    m_client.getJson(QStringLiteral("/v1/purchases"), query, [this, done = std::move(done)](RelayResult<QJsonObject> answer) {
        if (!answer) {
            done(std::unexpected(answer.error().toError()));
            return;
        }
        const QSqlDatabase db = m_database.connection();
        Transaction transaction(db);
        if (Status begun = transaction.began(tr("Saving the purchases")); !begun) {
            done(std::unexpected(begun.error()));
            return;
        }
        for (const auto &value : answer->value(QStringLiteral("purchases")).toArray()) {
            if (const Result<PurchaseRecord> saved = PurchaseStore::saveFromRelay(db, value.toObject(), m_clock.nowMs());
                !saved && saved.error().code == ErrorCode::Storage) {
                done(std::unexpected(saved.error()));
                return;
            }
        }
        if (Status committed = transaction.commit(); !committed) {
            done(std::unexpected(committed.error()));
            return;
        }
        Q_EMIT purchasesChanged();
        done(purchases());
    });
}

Result<QList<PurchaseRecord>> TokenShop::purchases(int limit) const
{
    return PurchaseStore::list(m_database.connection(), limit);
}

Result<std::optional<PurchaseRecord>> TokenShop::purchase(const QString &requestId) const
{
    return PurchaseStore::find(m_database.connection(), requestId);
}

Result<int> TokenShop::cleanup(int days)
{
    if (days < 1)
        return fail(ErrorCode::InvalidInput, tr("Give the number of days as a whole number of at least 1."));
    const qint64 before = m_clock.nowMs() - qint64(days) * 24 * 3600 * 1000;
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Removing old purchase attempts")); !begun)
        return std::unexpected(begun.error());
    const Result<int> purchases = PurchaseStore::removeAbandoned(db, before);
    if (!purchases)
        return purchases;
    // The raw payment callbacks the feed carried are kept as received for a while; the purchases
    // and the ledger keep what matters.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE relay_events SET data = '' WHERE handled = 'kept' AND kind LIKE 'daraja.%' AND data <> '' "
                             "AND applied_at < ?"));
    q.addBindValue(before);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Removing old purchase attempts")));
    const int callbacks = q.numRowsAffected();
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (*purchases > 0)
        Q_EMIT purchasesChanged();
    return *purchases + callbacks;
}

} // namespace kengele
