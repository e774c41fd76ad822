// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Purchases.h"

#include "DarajaClient.h"
#include "DarajaSimulator.h"
#include "MasterKey.h"
#include "RelayStore.h"
#include "Secrets.h"
#include "VoucherIssuer.h"
#include "tokens/Plan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcPurchases, "kengele.relay.purchases")

namespace kengele::relay {

namespace {

constexpr qint64 PhoneBusyMs = 60000;
constexpr int ScanBatch = 20;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

PurchaseService::Answer problem(int status, const QString &code, const QString &message)
{
    return {status, QJsonObject{{QStringLiteral("error"), message}, {QStringLiteral("code"), code}}};
}

QString credentialContext(const QString &orgId, const char *which)
{
    return QStringLiteral("mpesa:%1:%2").arg(orgId, QLatin1String(which));
}

// The stored callback's amount and receipt (looked up by Name; any item may be missing).
struct CallbackFacts {
    std::optional<double> amount;
    QString receipt;
};

CallbackFacts callbackFacts(const QByteArray &json)
{
    CallbackFacts facts;
    const QJsonObject callback = QJsonDocument::fromJson(json)
                                     .object()
                                     .value(QLatin1String("Body"))
                                     .toObject()
                                     .value(QLatin1String("stkCallback"))
                                     .toObject();
    const QJsonArray items = callback.value(QLatin1String("CallbackMetadata")).toObject().value(QLatin1String("Item")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        const QString name = o.value(QLatin1String("Name")).toString();
        const QJsonValue value = o.value(QLatin1String("Value"));
        if (name == QLatin1String("Amount") && (value.isDouble() || value.isString())) {
            bool ok = true;
            const double amount = value.isDouble() ? value.toDouble() : value.toString().toDouble(&ok);
            if (ok)
                facts.amount = amount;
        } else if (name == QLatin1String("MpesaReceiptNumber") && value.isString()) {
            facts.receipt = value.toString().left(40);
        }
    }
    return facts;
}

QString transactionDesc(const QString &plan)
{
    // At most 13 characters (B.2).
    if (plan == QLatin1String("enterprise"))
        return QStringLiteral("Enterprise");
    QString name = plan;
    name[0] = name[0].toUpper();
    return QString(name + QStringLiteral(" plan")).left(13);
}

} // namespace

PurchaseService::PurchaseService(RelayStore &store, const MasterKey &key, const RelayConfig &config,
                                 std::function<void(const QString &, const QByteArray &)> deliverSimulated, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_key(key)
    , m_config(config)
    , m_daraja(new DarajaClient(store, key, this))
    , m_simulator(new DarajaSimulator(config.simulatorDelayMs, std::move(deliverSimulated), this))
    , m_owner(QStringLiteral("proc_") + secrets::randomBase32(12))
{
    m_timer.setInterval(config.purchaseScanMs);
    connect(&m_timer, &QTimer::timeout, this, &PurchaseService::scan);
}

PurchaseService::~PurchaseService() = default;

void PurchaseService::start()
{
    if (auto resumed = m_store.resumePurchases(nowMs()); !resumed)
        qCCritical(lcPurchases).noquote() << QLatin1String("cannot resume purchases error=") + resumed.error();
    m_timer.start();
    QMetaObject::invokeMethod(this, &PurchaseService::scan, Qt::QueuedConnection);
}

std::optional<QString> PurchaseService::normalisePhone(const QString &typed)
{
    QString digits;
    for (const QChar c : typed) {
        if (c == u' ' || c == u'-')
            continue;
        digits.append(c);
    }
    static const QRegularExpression local(QStringLiteral("^0([17][0-9]{8})$"));
    static const QRegularExpression international(QStringLiteral("^\\+?254([17][0-9]{8})$"));
    if (const auto m = local.match(digits); m.hasMatch())
        return QStringLiteral("254") + m.captured(1);
    if (const auto m = international.match(digits); m.hasMatch())
        return QStringLiteral("254") + m.captured(1);
    return std::nullopt;
}

QString PurchaseService::failureReason(const QString &resultCode)
{
    if (resultCode == QLatin1String("1032"))
        return QStringLiteral("You cancelled the payment on your phone.");
    if (resultCode == QLatin1String("1"))
        return QStringLiteral("There was not enough money in M-Pesa.");
    if (resultCode == QLatin1String("1037"))
        return QStringLiteral("The phone could not be reached: is it on?");
    if (resultCode == QLatin1String("2001"))
        return QStringLiteral("The M-Pesa PIN was wrong.");
    if (resultCode == QLatin1String("1019"))
        return QStringLiteral("The payment request expired before it was paid.");
    if (resultCode == QLatin1String("amount"))
        return QStringLiteral("M-Pesa reported a different amount than the price.");
    return QStringLiteral("M-Pesa did not complete the payment (code %1).").arg(resultCode);
}

std::expected<std::optional<DarajaAccount>, QString> PurchaseService::account(const QString &orgId)
{
    const auto settings = m_store.mpesaSettings(orgId);
    if (!settings)
        return std::unexpected(settings.error());
    if (!*settings)
        return std::optional<DarajaAccount>();
    const MpesaSettings &s = **settings;
    DarajaAccount account;
    account.orgId = orgId;
    account.baseUrl = s.baseUrl;
    account.shortcode = s.shortcode;
    account.till = s.till;
    account.simulator = s.simulator;
    if (!s.simulator) {
        const auto key = m_key.open(s.consumerKeySealed, credentialContext(orgId, "consumer_key"));
        const auto secret = m_key.open(s.consumerSecretSealed, credentialContext(orgId, "consumer_secret"));
        const auto passkey = m_key.open(s.passkeySealed, credentialContext(orgId, "passkey"));
        if (!key || !secret || !passkey)
            return std::unexpected(QStringLiteral("the M-Pesa credentials cannot be opened with this key file"));
        account.consumerKey = QString::fromUtf8(*key);
        account.consumerSecret = QString::fromUtf8(*secret);
        account.passkey = QString::fromUtf8(*passkey);
    }
    return std::optional<DarajaAccount>(account);
}

DarajaApi &PurchaseService::api(const DarajaAccount &account)
{
    if (account.simulator)
        return *m_simulator;
    return *m_daraja;
}

QString PurchaseService::callbackUrl(const QString &orgId)
{
    const auto secret = m_key.open(m_store.hookSecretSealed(orgId), QStringLiteral("hook-secret:") + orgId);
    if (!secret)
        return {};
    return m_config.effectivePublicUrl() + QStringLiteral("/hooks/") + orgId + QLatin1Char('/') + QString::fromLatin1(*secret)
        + QStringLiteral("/daraja/stk");
}

PurchaseService::Answer PurchaseService::plans(const QString &orgId)
{
    const auto prices = m_store.prices(orgId);
    const auto settings = m_store.mpesaSettings(orgId);
    if (!prices || !settings)
        return problem(503, QStringLiteral("unavailable"),
                       QStringLiteral("The relay cannot read its settings right now; try again."));
    QJsonArray plans;
    for (const Plan &plan : Plan::all()) {
        QJsonValue price = QJsonValue::Null;
        if (plan.tier == PlanTier::Demo)
            price = 0;
        else if (const auto p = prices->price(plan.key()))
            price = *p;
        plans.append(QJsonObject{{QStringLiteral("plan"), plan.key()},
                                 {QStringLiteral("tokens"), plan.tokens},
                                 {QStringLiteral("validity_days"), plan.validityDays},
                                 {QStringLiteral("price_kes"), price}});
    }
    QString mpesa = QStringLiteral("none");
    if (*settings)
        mpesa = (*settings)->simulator ? QStringLiteral("simulator") : (*settings)->environment;
    QJsonObject answer{{QStringLiteral("plans"), plans},
                       {QStringLiteral("lock_features"), prices->lockFeatures},
                       {QStringLiteral("mpesa"), mpesa}};
    if (!m_config.supportLine.isEmpty())
        answer.insert(QStringLiteral("support_line"), m_config.supportLine);
    return {200, answer};
}

PurchaseService::Answer PurchaseService::list(const QString &orgId, int limit)
{
    const auto purchases = m_store.purchases(orgId, limit);
    if (!purchases)
        return problem(503, QStringLiteral("unavailable"),
                       QStringLiteral("The relay cannot read its purchases right now; try again."));
    QJsonArray array;
    for (const Purchase &p : std::as_const(*purchases))
        array.append(p.toJson());
    return {200, QJsonObject{{QStringLiteral("purchases"), array}}};
}

void PurchaseService::create(const QString &orgId, const QByteArray &body, std::function<void(Answer)> done)
{
    const QString badRequest = QStringLiteral("Send {\"plan\",\"phone\",\"account\",\"request_id\"} as JSON: request_id 8-64 "
                                              "letters, digits, - or _; account 1-60 characters.");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return done(problem(400, QStringLiteral("bad_request"), badRequest));
    const QJsonObject json = document.object();
    const QString requestId = json.value(QLatin1String("request_id")).toString();
    const QString accountName = json.value(QLatin1String("account")).toString().trimmed();
    static const QRegularExpression requestIdPattern(QStringLiteral("^[A-Za-z0-9_-]{8,64}$"));
    const bool accountOk = !accountName.isEmpty() && accountName.size() <= 60
        && std::none_of(accountName.cbegin(), accountName.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (!requestIdPattern.match(requestId).hasMatch() || !accountOk || !json.value(QLatin1String("plan")).isString()
        || !json.value(QLatin1String("phone")).isString())
        return done(problem(400, QStringLiteral("bad_request"), badRequest));
    const auto plan = Plan::find(json.value(QLatin1String("plan")).toString());
    if (!plan)
        return done(problem(400, QStringLiteral("bad_plan"),
                            QStringLiteral("There is no such plan: choose starter, business or enterprise.")));
    const auto phone = normalisePhone(json.value(QLatin1String("phone")).toString());
    if (!phone)
        return done(problem(400, QStringLiteral("bad_phone"),
                            QStringLiteral("This is not a Kenyan mobile number: write it as 07XX XXX XXX or 01XX XXX XXX.")));
    const auto mpesa = account(orgId);
    if (!mpesa) {
        qCCritical(lcPurchases).noquote()
            << QStringLiteral("mpesa settings unreadable org=%1 error=%2").arg(orgId, mpesa.error());
        return done(problem(503, QStringLiteral("mpesa_not_set_up"),
                            QStringLiteral("M-Pesa is not set up on this relay. Ask the relay's operator.")));
    }
    if (!*mpesa)
        return done(problem(503, QStringLiteral("mpesa_not_set_up"),
                            QStringLiteral("M-Pesa is not set up on this relay. Ask the relay's operator.")));
    const auto prices = m_store.prices(orgId);
    const std::optional<qint64> price = prices ? prices->price(plan->key()) : std::nullopt;
    if (!price || *price <= 0)
        return done(
            problem(409, QStringLiteral("no_price"),
                    QStringLiteral("This plan cannot be bought from this relay: it has no price for your organisation.")));
    const QString hookUrl = callbackUrl(orgId);
    if (hookUrl.isEmpty()) {
        qCCritical(lcPurchases).noquote() << QStringLiteral("no sealed hook secret org=%1: run org rotate").arg(orgId);
        return done(problem(503, QStringLiteral("mpesa_not_set_up"),
                            QStringLiteral("M-Pesa is not set up on this relay. Ask the relay's operator.")));
    }

    const qint64 now = nowMs();
    Purchase purchase;
    purchase.id = QStringLiteral("pur_") + secrets::randomBase32(10);
    purchase.orgId = orgId;
    purchase.requestId = requestId;
    purchase.plan = plan->key();
    purchase.tokens = plan->tokens;
    purchase.validityDays = plan->validityDays;
    purchase.amountKes = *price;
    purchase.phone = *phone;
    purchase.account = accountName;
    purchase.simulated = (*mpesa)->simulator;
    purchase.requestedAt = now;
    purchase.updatedAt = now;
    purchase.nextQueryAt = now + m_config.purchaseQueryAfterMs;
    // The same request again (a double click, a retry): the purchase it made, not a second one.
    const auto known = m_store.purchaseByRequest(orgId, requestId);
    if (!known)
        return done(problem(503, QStringLiteral("unavailable"), QStringLiteral("The relay cannot save right now; try again.")));
    if (*known)
        return done({200, (*known)->toJson()});
    const auto busy = m_store.phoneBusy(orgId, *phone, now - PhoneBusyMs);
    if (!busy)
        return done(problem(503, QStringLiteral("unavailable"), QStringLiteral("The relay cannot save right now; try again.")));
    if (*busy)
        return done(problem(409, QStringLiteral("phone_busy"),
                            QStringLiteral("A payment is already waiting on this phone. Try again in a minute.")));
    const auto inserted = m_store.insertPurchase(purchase);
    if (!inserted) {
        qCCritical(lcPurchases).noquote() << QStringLiteral("purchase not stored org=%1 error=%2").arg(orgId, inserted.error());
        return done(problem(503, QStringLiteral("unavailable"), QStringLiteral("The relay cannot save right now; try again.")));
    }
    if (!inserted->second)
        return done({200, inserted->first.toJson()});
    qCInfo(lcPurchases).noquote() << QStringLiteral("purchase started purchase=%1 org=%2 plan=%3 amount=%4 simulated=%5")
                                         .arg(purchase.id, orgId, purchase.plan)
                                         .arg(purchase.amountKes)
                                         .arg(purchase.simulated ? QStringLiteral("yes") : QStringLiteral("no"));

    StkPushRequest push{purchase.amountKes, purchase.phone, purchase.id.mid(4).toUpper().left(12), transactionDesc(purchase.plan),
                        hookUrl};
    api(**mpesa).stkPush(
        **mpesa, push, [this, purchase, done = std::move(done)](StkPushResult result) mutable {
            const qint64 at = nowMs();
            if (result.accepted) {
                if (auto ok = m_store.setPushed(purchase.id, result.checkoutRequestId, result.merchantRequestId,
                                                at + m_config.purchaseQueryAfterMs, at);
                    !ok)
                    qCCritical(lcPurchases).noquote()
                        << QStringLiteral("checkout not stored purchase=%1 error=%2").arg(purchase.id, ok.error());
                purchase.checkoutRequestId = result.checkoutRequestId;
                purchase.merchantRequestId = result.merchantRequestId;
                purchase.updatedAt = at;
                qCInfo(lcPurchases).noquote()
                    << QStringLiteral("push accepted purchase=%1 checkout=%2").arg(purchase.id, result.checkoutRequestId);
                Q_EMIT purchaseCounted(QStringLiteral("started"));
                done({201, purchase.toJson()});
                // A callback that overtook the push's answer is already stored: check now.
                if (!m_store.stkCallback(purchase.orgId, purchase.checkoutRequestId).isEmpty())
                    callbackStored(purchase.orgId, purchase.checkoutRequestId);
                return;
            }
            qCWarning(lcPurchases).noquote() << QStringLiteral("push refused purchase=%1 %2").arg(purchase.id, result.problem);
            purchase.state = QStringLiteral("failed");
            if (result.phoneBusy) {
                purchase.reason = QStringLiteral("A payment is already waiting on this phone. Try again in a minute.");
                finish(purchase, {});
                return done(problem(409, QStringLiteral("phone_busy"), purchase.reason));
            }
            purchase.reason = QStringLiteral("M-Pesa could not be reached to start the payment. Try again in a few minutes.");
            finish(purchase, {});
            done(problem(502, QStringLiteral("mpesa_unavailable"),
                         QStringLiteral("M-Pesa is not answering right now. Try again in a few minutes.")));
        });
}

void PurchaseService::finish(Purchase purchase, const QList<OwnEvent> &extra)
{
    const qint64 now = nowMs();
    purchase.updatedAt = now;
    QList<OwnEvent> events = extra;
    events.append(vouchers::purchaseEvent(purchase));
    const auto finished = m_store.finishPurchase(purchase, events, now);
    if (!finished) {
        qCCritical(lcPurchases).noquote()
            << QStringLiteral("purchase not settled purchase=%1 error=%2").arg(purchase.id, finished.error());
        return;
    }
    if (!*finished) {
        qCInfo(lcPurchases).noquote() << QStringLiteral("purchase already settled elsewhere purchase=%1").arg(purchase.id);
        return;
    }
    qCInfo(lcPurchases).noquote() << QStringLiteral("purchase %1 purchase=%2 org=%3 result=%4 voucher=%5")
                                         .arg(purchase.state, purchase.id, purchase.orgId,
                                              purchase.resultCode.isEmpty() ? QStringLiteral("-") : purchase.resultCode,
                                              purchase.voucherId.isEmpty() ? QStringLiteral("-") : purchase.voucherId);
    Q_EMIT purchaseCounted(purchase.state);
    Q_EMIT eventsAppended(purchase.orgId);
}

void PurchaseService::callbackStored(const QString &orgId, const QString &checkoutId)
{
    const auto id = m_store.markCallback(orgId, checkoutId, nowMs());
    if (!id) {
        qCCritical(lcPurchases).noquote() << QStringLiteral("callback not noted org=%1 error=%2").arg(orgId, id.error());
        return;
    }
    if (id->isEmpty()) {
        // Unknown, or already settled: a forged, replayed or late callback changes nothing.
        qCInfo(lcPurchases).noquote() << QStringLiteral("stk callback for no waiting purchase org=%1").arg(orgId);
        return;
    }
    const auto purchase = m_store.purchase(*id);
    if (purchase && *purchase)
        check(**purchase);
}

void PurchaseService::scan()
{
    const auto due = m_store.duePurchases(nowMs(), ScanBatch);
    if (!due) {
        qCCritical(lcPurchases).noquote() << QLatin1String("cannot read waiting purchases error=") + due.error();
        return;
    }
    for (const Purchase &purchase : std::as_const(*due))
        check(purchase);
}

qint64 PurchaseService::backoff(int attempts) const
{
    const qint64 base = std::max<qint64>(250, m_config.purchaseQueryAfterMs / 8);
    return std::min<qint64>(base << std::min(attempts, 3), 60000);
}

void PurchaseService::check(const Purchase &purchase)
{
    if (m_checking.contains(purchase.id))
        return;
    const qint64 now = nowMs();
    const auto claimed = m_store.claimPurchase(purchase.id, m_owner, now + m_config.purchaseClaimMs, now);
    if (!claimed || !*claimed)
        return; // another process is checking it, or it is settled
    // A simulated purchase is asked of the simulator even when the organisation has moved to real
    // M-Pesa since (its ws_CO_SIM… id means nothing to Daraja).
    DarajaAccount simulated;
    simulated.orgId = purchase.orgId;
    simulated.simulator = true;
    const auto mpesa
        = purchase.simulated ? std::expected<std::optional<DarajaAccount>, QString>(simulated) : account(purchase.orgId);
    if (!mpesa || !*mpesa || (*mpesa)->simulator != purchase.simulated) {
        notDefinite(purchase, QStringLiteral("M-Pesa settings missing, unreadable or changed to the simulator"));
        return;
    }
    m_checking.insert(purchase.id);
    api(**mpesa).stkQuery(**mpesa, purchase, [this, purchase](StkQueryResult result) {
        m_checking.remove(purchase.id);
        if (result.kind == StkQueryResult::Kind::Settled)
            settled(purchase, result.resultCode);
        else
            notDefinite(purchase,
                        result.kind == StkQueryResult::Kind::Pending ? QStringLiteral("being processed") : result.problem);
    });
}

void PurchaseService::notDefinite(const Purchase &purchase, const QString &why)
{
    const qint64 now = nowMs();
    if (now - purchase.requestedAt >= m_config.purchaseGiveUpMs) {
        Purchase failed = purchase;
        failed.state = QStringLiteral("failed");
        failed.reason = QStringLiteral("No answer from M-Pesa about this payment. If money left the phone, show the M-Pesa "
                                       "message to the relay's operator.");
        qCWarning(lcPurchases).noquote() << QStringLiteral("giving up purchase=%1 last=%2").arg(purchase.id, why);
        finish(failed, {});
        return;
    }
    const qint64 next = now + backoff(purchase.queryAttempts);
    qCInfo(lcPurchases).noquote()
        << QStringLiteral("purchase still open purchase=%1 (%2); asking again in %3 ms").arg(purchase.id, why).arg(next - now);
    if (auto ok = m_store.releasePurchase(purchase.id, m_owner, next, true); !ok)
        qCCritical(lcPurchases).noquote()
            << QStringLiteral("purchase not released purchase=%1 error=%2").arg(purchase.id, ok.error());
}

void PurchaseService::settled(const Purchase &purchase, const QString &resultCode)
{
    Purchase done = purchase;
    done.resultCode = resultCode;
    if (resultCode != QLatin1String("0")) {
        done.state = QStringLiteral("failed");
        done.reason = failureReason(resultCode);
        finish(done, {});
        return;
    }
    // Paid, says Daraja's own answer. The callback (when one came) must name the price.
    const CallbackFacts facts = callbackFacts(m_store.stkCallback(purchase.orgId, purchase.checkoutRequestId));
    if (facts.amount && std::llround(*facts.amount * 100) != purchase.amountKes * 100) {
        done.state = QStringLiteral("failed");
        done.resultCode = QStringLiteral("amount");
        done.reason = failureReason(done.resultCode);
        qCWarning(lcPurchases).noquote()
            << QStringLiteral("amount differs purchase=%1 expected=%2").arg(purchase.id).arg(purchase.amountKes);
        finish(done, {});
        return;
    }
    const auto keys = vouchers::keyPair(m_store, m_key);
    if (!keys) {
        qCCritical(lcPurchases).noquote() << QStringLiteral("no voucher key purchase=%1 error=%2").arg(purchase.id, keys.error());
        notDefinite(purchase, QStringLiteral("no voucher key"));
        return;
    }
    Voucher voucher;
    voucher.id = vouchers::newVoucherId();
    voucher.org = purchase.orgId;
    voucher.purchase = purchase.id;
    voucher.plan = purchase.plan;
    voucher.account = purchase.account;
    voucher.tokens = purchase.tokens;
    voucher.validityDays = purchase.validityDays;
    voucher.amountKes = purchase.amountKes;
    voucher.receipt = facts.receipt;
    voucher.issued = QDateTime::currentDateTimeUtc();
    voucher.simulated = purchase.simulated;
    done.state = QStringLiteral("paid");
    done.reason.clear();
    done.receipt = facts.receipt;
    done.voucherId = voucher.id;
    finish(done, {vouchers::event(voucher, keys->secretKey)});
}

} // namespace kengele::relay
