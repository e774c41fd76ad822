// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RelayStore's part for buying tokens (docs/relay.md, "Buying tokens with M-Pesa"): M-Pesa
// settings and prices per organisation, purchases, the Daraja token cache and the voucher key.
// Everything secret arrives and leaves sealed with the master key.
#include "RelayStore.h"
#include "RelayStoreSql.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

namespace kengele::relay {

using storesql::rolledBack;
using storesql::storable;

namespace {

const QString PurchaseColumns = QStringLiteral(
    "id, org_id, request_id, plan, tokens, validity_days, amount_kes, phone, account, state, reason, result_code, receipt,"
    " checkout_request_id, merchant_request_id, voucher_id, simulated, requested_at, updated_at, callback_received,"
    " next_query_at, query_attempts");

Purchase purchaseFrom(const QSqlQuery &q)
{
    Purchase p;
    p.id = q.value(0).toString();
    p.orgId = q.value(1).toString();
    p.requestId = q.value(2).toString();
    p.plan = q.value(3).toString();
    p.tokens = q.value(4).toLongLong();
    p.validityDays = q.value(5).toInt();
    p.amountKes = q.value(6).toLongLong();
    p.phone = q.value(7).toString();
    p.account = q.value(8).toString();
    p.state = q.value(9).toString();
    p.reason = q.value(10).toString();
    p.resultCode = q.value(11).toString();
    p.receipt = q.value(12).toString();
    p.checkoutRequestId = q.value(13).toString();
    p.merchantRequestId = q.value(14).toString();
    p.voucherId = q.value(15).toString();
    p.simulated = q.value(16).toInt() != 0;
    p.requestedAt = q.value(17).toLongLong();
    p.updatedAt = q.value(18).toLongLong();
    p.callbackReceived = q.value(19).toInt() != 0;
    p.nextQueryAt = q.value(20).toLongLong();
    p.queryAttempts = q.value(21).toInt();
    return p;
}

QVariant optionalPrice(const std::optional<qint64> &price)
{
    return price ? QVariant(*price) : QVariant(QMetaType(QMetaType::LongLong));
}

std::optional<qint64> priceFrom(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

} // namespace

std::expected<void, QString> RelayStore::setHookSecretSealed(const QString &orgId, const QString &sealed)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE orgs SET hook_secret_sealed = ? WHERE id = ?"));
    query.addBindValue(sealed);
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

QString RelayStore::hookSecretSealed(const QString &orgId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT hook_secret_sealed FROM orgs WHERE id = ?"));
    query.addBindValue(orgId);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

std::expected<void, QString> RelayStore::setMpesaSettings(const MpesaSettings &s)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO org_mpesa (org_id, shortcode, till, environment, base_url, simulator, consumer_key_sealed,"
        " consumer_secret_sealed, passkey_sealed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (org_id) DO UPDATE SET shortcode = excluded.shortcode, till = excluded.till,"
        " environment = excluded.environment, base_url = excluded.base_url, simulator = excluded.simulator,"
        " consumer_key_sealed = excluded.consumer_key_sealed, consumer_secret_sealed = excluded.consumer_secret_sealed,"
        " passkey_sealed = excluded.passkey_sealed, updated_at = excluded.updated_at"));
    for (const QVariant &v :
         {QVariant(s.orgId), QVariant(storable(s.shortcode)), QVariant(storable(s.till)), QVariant(storable(s.environment)),
          QVariant(storable(s.baseUrl)), QVariant(s.simulator ? 1 : 0), QVariant(storable(s.consumerKeySealed)),
          QVariant(storable(s.consumerSecretSealed)), QVariant(storable(s.passkeySealed)), QVariant(s.updatedAt)})
        query.addBindValue(v);
    if (!query.exec())
        return std::unexpected(error(query));
    // New credentials: the cached token belongs to the old ones.
    return forgetDarajaToken(s.orgId);
}

std::expected<std::optional<MpesaSettings>, QString> RelayStore::mpesaSettings(const QString &orgId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT shortcode, till, environment, base_url, simulator, consumer_key_sealed,"
                                 " consumer_secret_sealed, passkey_sealed, updated_at FROM org_mpesa WHERE org_id = ?"));
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    if (!query.next())
        return std::optional<MpesaSettings>();
    MpesaSettings s;
    s.orgId = orgId;
    s.shortcode = query.value(0).toString();
    s.till = query.value(1).toString();
    s.environment = query.value(2).toString();
    s.baseUrl = query.value(3).toString();
    s.simulator = query.value(4).toInt() != 0;
    s.consumerKeySealed = query.value(5).toString();
    s.consumerSecretSealed = query.value(6).toString();
    s.passkeySealed = query.value(7).toString();
    s.updatedAt = query.value(8).toLongLong();
    return std::optional<MpesaSettings>(s);
}

std::expected<void, QString> RelayStore::setPrices(const QString &orgId, const OrgPrices &prices)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO org_prices (org_id, starter_kes, business_kes, enterprise_kes, lock_features)"
                                 " VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET starter_kes = excluded.starter_kes,"
                                 " business_kes = excluded.business_kes, enterprise_kes = excluded.enterprise_kes,"
                                 " lock_features = excluded.lock_features"));
    query.addBindValue(orgId);
    query.addBindValue(optionalPrice(prices.starter));
    query.addBindValue(optionalPrice(prices.business));
    query.addBindValue(optionalPrice(prices.enterprise));
    query.addBindValue(prices.lockFeatures ? 1 : 0);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

std::expected<OrgPrices, QString> RelayStore::prices(const QString &orgId)
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT starter_kes, business_kes, enterprise_kes, lock_features FROM org_prices WHERE org_id = ?"));
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    OrgPrices prices;
    if (query.next()) {
        prices.starter = priceFrom(query.value(0));
        prices.business = priceFrom(query.value(1));
        prices.enterprise = priceFrom(query.value(2));
        prices.lockFeatures = query.value(3).toInt() != 0;
    }
    return prices;
}

std::expected<RelayStore::SealedKeyPair, QString> RelayStore::voucherKey(const std::function<SealedKeyPair()> &make)
{
    auto read = [this]() -> std::expected<std::optional<SealedKeyPair>, QString> {
        QSqlQuery query(database());
        if (!query.exec(QStringLiteral("SELECT public_key, secret_sealed FROM relay_keys WHERE name = 'voucher'")))
            return std::unexpected(error(query));
        if (!query.next())
            return std::optional<SealedKeyPair>();
        return std::optional<SealedKeyPair>(
            SealedKeyPair{QByteArray::fromBase64(query.value(0).toString().toLatin1()), query.value(1).toString()});
    };
    auto existing = read();
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return **existing;
    // The first process to need it makes one; another process's that got in first wins.
    const SealedKeyPair made = make();
    if (made.publicKey.isEmpty() || made.secretSealed.isEmpty())
        return std::unexpected(QStringLiteral("cannot make a voucher key"));
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral("INSERT INTO relay_keys (name, public_key, secret_sealed, created_at)"
                                  " VALUES ('voucher', ?, ?, ?) ON CONFLICT (name) DO NOTHING"));
    insert.addBindValue(QString::fromLatin1(made.publicKey.toBase64()));
    insert.addBindValue(made.secretSealed);
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!insert.exec())
        return std::unexpected(error(insert));
    auto stored = read();
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return std::unexpected(QStringLiteral("the voucher key was not saved"));
    return **stored;
}

std::expected<std::pair<Purchase, bool>, QString> RelayStore::insertPurchase(const Purchase &p)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO purchases (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?,"
                                 " 0, ?, 0) ON CONFLICT (org_id, request_id) DO NOTHING")
                      .arg(PurchaseColumns));
    for (const QVariant &v :
         {QVariant(p.id), QVariant(p.orgId), QVariant(storable(p.requestId)), QVariant(p.plan), QVariant(p.tokens),
          QVariant(p.validityDays), QVariant(p.amountKes), QVariant(storable(p.phone)), QVariant(storable(p.account)),
          QVariant(p.state), QVariant(storable(p.reason)), QVariant(storable(p.resultCode)), QVariant(storable(p.receipt)),
          QVariant(storable(p.merchantRequestId)), QVariant(storable(p.voucherId)), QVariant(p.simulated ? 1 : 0),
          QVariant(p.requestedAt), QVariant(p.updatedAt), QVariant(p.nextQueryAt)})
        query.addBindValue(v);
    if (!query.exec())
        return std::unexpected(error(query));
    if (query.numRowsAffected() == 1)
        return std::pair<Purchase, bool>(p, true);
    QSqlQuery existing(database());
    existing.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE org_id = ? AND request_id = ?").arg(PurchaseColumns));
    existing.addBindValue(p.orgId);
    existing.addBindValue(p.requestId);
    if (!existing.exec())
        return std::unexpected(error(existing));
    if (!existing.next())
        return std::unexpected(QStringLiteral("the purchase was neither stored nor found"));
    return std::pair<Purchase, bool>(purchaseFrom(existing), false);
}

std::expected<std::optional<Purchase>, QString> RelayStore::purchaseByRequest(const QString &orgId, const QString &requestId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE org_id = ? AND request_id = ?").arg(PurchaseColumns));
    query.addBindValue(orgId);
    query.addBindValue(requestId);
    if (!query.exec())
        return std::unexpected(error(query));
    if (!query.next())
        return std::optional<Purchase>();
    return std::optional<Purchase>(purchaseFrom(query));
}

std::expected<bool, QString> RelayStore::phoneBusy(const QString &orgId, const QString &phone, qint64 since)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM purchases WHERE org_id = ? AND phone = ? AND state = 'waiting'"
                                 " AND requested_at > ?"));
    query.addBindValue(orgId);
    query.addBindValue(phone);
    query.addBindValue(since);
    if (!query.exec() || !query.next())
        return std::unexpected(error(query));
    return query.value(0).toLongLong() > 0;
}

std::expected<std::optional<Purchase>, QString> RelayStore::purchase(const QString &id)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE id = ?").arg(PurchaseColumns));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(error(query));
    if (!query.next())
        return std::optional<Purchase>();
    return std::optional<Purchase>(purchaseFrom(query));
}

std::expected<std::optional<Purchase>, QString> RelayStore::purchaseByCheckout(const QString &orgId, const QString &checkoutId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE org_id = ? AND checkout_request_id = ?").arg(PurchaseColumns));
    query.addBindValue(orgId);
    query.addBindValue(checkoutId);
    if (!query.exec())
        return std::unexpected(error(query));
    if (!query.next())
        return std::optional<Purchase>();
    return std::optional<Purchase>(purchaseFrom(query));
}

std::expected<QList<Purchase>, QString> RelayStore::purchases(const QString &orgId, int limit)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE org_id = ? ORDER BY requested_at DESC, id DESC LIMIT ?")
                      .arg(PurchaseColumns));
    query.addBindValue(orgId);
    query.addBindValue(limit);
    if (!query.exec())
        return std::unexpected(error(query));
    QList<Purchase> result;
    while (query.next())
        result.append(purchaseFrom(query));
    return result;
}

std::expected<void, QString> RelayStore::setPushed(const QString &id, const QString &checkoutId, const QString &merchantId,
                                                   qint64 nextQueryAt, qint64 now)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE purchases SET checkout_request_id = ?, merchant_request_id = ?, next_query_at = ?,"
                                 " updated_at = ? WHERE id = ? AND state = 'waiting'"));
    query.addBindValue(checkoutId);
    query.addBindValue(storable(merchantId));
    query.addBindValue(nextQueryAt);
    query.addBindValue(now);
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

std::expected<QString, QString> RelayStore::markCallback(const QString &orgId, const QString &checkoutId, qint64 now)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE purchases SET callback_received = 1, next_query_at = ? WHERE org_id = ?"
                                 " AND checkout_request_id = ? AND state = 'waiting'"));
    query.addBindValue(now);
    query.addBindValue(orgId);
    query.addBindValue(checkoutId);
    if (!query.exec())
        return std::unexpected(error(query));
    if (query.numRowsAffected() != 1)
        return QString();
    auto found = purchaseByCheckout(orgId, checkoutId);
    if (!found)
        return std::unexpected(found.error());
    return *found ? (*found)->id : QString();
}

std::expected<QList<Purchase>, QString> RelayStore::duePurchases(qint64 now, int limit)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM purchases WHERE state = 'waiting' AND checkout_request_id IS NOT NULL"
                                 " AND next_query_at <= ? AND claim_until < ? ORDER BY next_query_at LIMIT ?")
                      .arg(PurchaseColumns));
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(limit);
    if (!query.exec())
        return std::unexpected(error(query));
    QList<Purchase> result;
    while (query.next())
        result.append(purchaseFrom(query));
    return result;
}

std::expected<bool, QString> RelayStore::claimPurchase(const QString &id, const QString &owner, qint64 until, qint64 now)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE purchases SET claim_owner = ?, claim_until = ? WHERE id = ? AND state = 'waiting'"
                                 " AND (claim_until < ? OR claim_owner = ?)"));
    query.addBindValue(owner);
    query.addBindValue(until);
    query.addBindValue(id);
    query.addBindValue(now);
    query.addBindValue(owner);
    if (!query.exec())
        return std::unexpected(error(query));
    return query.numRowsAffected() == 1;
}

std::expected<void, QString> RelayStore::releasePurchase(const QString &id, const QString &owner, qint64 nextQueryAt,
                                                         bool countAttempt)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE purchases SET claim_owner = NULL, claim_until = 0, next_query_at = ?,"
                                 " query_attempts = query_attempts + ? WHERE id = ? AND claim_owner = ?"));
    query.addBindValue(nextQueryAt);
    query.addBindValue(countAttempt ? 1 : 0);
    query.addBindValue(id);
    query.addBindValue(owner);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

std::expected<void, QString> RelayStore::appendLocked(const QString &orgId, const QList<OwnEvent> &events, qint64 now)
{
    QSqlQuery lock(database());
    lock.prepare(m_postgres ? QStringLiteral("SELECT last_seq FROM orgs WHERE id = ? FOR UPDATE")
                            : QStringLiteral("SELECT last_seq FROM orgs WHERE id = ?"));
    lock.addBindValue(orgId);
    if (!lock.exec())
        return std::unexpected(error(lock));
    if (!lock.next())
        return std::unexpected(QStringLiteral("there is no organisation %1").arg(orgId));
    qint64 seq = lock.value(0).toLongLong();
    const qint64 first = seq;
    lock.finish();
    QSqlQuery insert(database());
    insert.prepare(
        QStringLiteral("INSERT INTO events (org_id, seq, kind, dedupe_key, received_at, data) VALUES (?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (org_id, kind, dedupe_key) DO NOTHING"));
    for (const OwnEvent &event : events) {
        insert.bindValue(0, orgId);
        insert.bindValue(1, seq + 1);
        insert.bindValue(2, event.kind);
        insert.bindValue(3, event.dedupeKey);
        insert.bindValue(4, now);
        insert.bindValue(5, QString::fromUtf8(event.data));
        if (!insert.exec())
            return std::unexpected(error(insert));
        if (insert.numRowsAffected() == 1)
            ++seq;
    }
    if (seq == first)
        return {};
    QSqlQuery advance(database());
    advance.prepare(QStringLiteral("UPDATE orgs SET last_seq = ? WHERE id = ?"));
    advance.addBindValue(seq);
    advance.addBindValue(orgId);
    if (!advance.exec())
        return std::unexpected(error(advance));
    if (m_postgres) {
        QSqlQuery notify(database());
        notify.prepare(QStringLiteral("SELECT pg_notify('kengele_events', ?)"));
        notify.addBindValue(orgId);
        if (!notify.exec())
            return std::unexpected(error(notify));
    }
    return {};
}

std::expected<bool, QString> RelayStore::finishPurchase(const Purchase &p, const QList<OwnEvent> &events, qint64 now)
{
    QSqlDatabase db = database();
    if (!begin())
        return std::unexpected(error(db.lastError()));
    // The purchase's row first: a second process finishing the same purchase waits here, then
    // finds it no longer waiting and changes nothing.
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE purchases SET state = ?, reason = ?, result_code = ?, receipt = ?, voucher_id = ?,"
                                  " updated_at = ?, claim_owner = NULL, claim_until = 0 WHERE id = ? AND state = 'waiting'"));
    update.addBindValue(p.state);
    update.addBindValue(storable(p.reason));
    update.addBindValue(storable(p.resultCode));
    update.addBindValue(storable(p.receipt));
    update.addBindValue(storable(p.voucherId));
    update.addBindValue(now);
    update.addBindValue(p.id);
    if (!update.exec())
        return rolledBack(db, error(update));
    if (update.numRowsAffected() != 1) {
        db.rollback();
        return false;
    }
    if (auto ok = appendLocked(p.orgId, events, now); !ok)
        return rolledBack(db, ok.error());
    if (!db.commit())
        return rolledBack(db, error(db.lastError()));
    return true;
}

std::expected<void, QString> RelayStore::appendOwnEvents(const QString &orgId, const QList<OwnEvent> &events, qint64 now)
{
    QSqlDatabase db = database();
    if (!begin())
        return std::unexpected(error(db.lastError()));
    if (auto ok = appendLocked(orgId, events, now); !ok)
        return rolledBack(db, ok.error());
    if (!db.commit())
        return rolledBack(db, error(db.lastError()));
    return {};
}

std::expected<void, QString> RelayStore::resumePurchases(qint64 now)
{
    if (!m_postgres) {
        if (auto ok
            = exec(QStringLiteral("UPDATE purchases SET claim_owner = NULL, claim_until = 0 WHERE claim_owner IS NOT NULL"));
            !ok)
            return ok;
    }
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE purchases SET callback_received = 1, next_query_at = ? WHERE state = 'waiting'"
                                 " AND callback_received = 0 AND EXISTS (SELECT 1 FROM events e WHERE e.org_id = purchases.org_id"
                                 " AND e.kind = 'daraja.stk' AND e.dedupe_key = purchases.checkout_request_id)"));
    query.addBindValue(now);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

QByteArray RelayStore::stkCallback(const QString &orgId, const QString &checkoutId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT data FROM events WHERE org_id = ? AND kind = 'daraja.stk' AND dedupe_key = ?"));
    query.addBindValue(orgId);
    query.addBindValue(checkoutId);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString().toUtf8();
}

std::expected<RelayStore::CachedToken, QString> RelayStore::darajaToken(const QString &orgId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT token_sealed, expires_at, lease_until FROM daraja_tokens WHERE org_id = ?"));
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    CachedToken token;
    if (query.next()) {
        token.sealed = query.value(0).toString();
        token.expiresAt = query.value(1).toLongLong();
        token.leaseUntil = query.value(2).toLongLong();
    }
    return token;
}

std::expected<bool, QString> RelayStore::leaseTokenMint(const QString &orgId, const QString &owner, qint64 until, qint64 now)
{
    QSqlQuery insert(database());
    insert.prepare(QStringLiteral("INSERT INTO daraja_tokens (org_id, token_sealed, expires_at, lease_owner, lease_until)"
                                  " VALUES (?, NULL, 0, NULL, 0) ON CONFLICT (org_id) DO NOTHING"));
    insert.addBindValue(orgId);
    if (!insert.exec())
        return std::unexpected(error(insert));
    // One statement decides: the row's lock makes a second process's UPDATE see the first's lease.
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE daraja_tokens SET lease_owner = ?, lease_until = ? WHERE org_id = ?"
                                 " AND (lease_until < ? OR lease_owner = ?)"));
    query.addBindValue(owner);
    query.addBindValue(until);
    query.addBindValue(orgId);
    query.addBindValue(now);
    query.addBindValue(owner);
    if (!query.exec())
        return std::unexpected(error(query));
    return query.numRowsAffected() == 1;
}

std::expected<void, QString> RelayStore::storeDarajaToken(const QString &orgId, const QString &owner, const QString &sealed,
                                                          qint64 expiresAt)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE daraja_tokens SET token_sealed = ?, expires_at = ?, lease_owner = NULL,"
                                 " lease_until = 0 WHERE org_id = ? AND lease_owner = ?"));
    query.addBindValue(sealed);
    query.addBindValue(expiresAt);
    query.addBindValue(orgId);
    query.addBindValue(owner);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

std::expected<void, QString> RelayStore::releaseTokenLease(const QString &orgId, const QString &owner)
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("UPDATE daraja_tokens SET lease_owner = NULL, lease_until = 0 WHERE org_id = ? AND lease_owner = ?"));
    query.addBindValue(orgId);
    query.addBindValue(owner);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

std::expected<void, QString> RelayStore::forgetDarajaToken(const QString &orgId)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM daraja_tokens WHERE org_id = ?"));
    query.addBindValue(orgId);
    if (!query.exec())
        return std::unexpected(error(query));
    return {};
}

} // namespace kengele::relay
