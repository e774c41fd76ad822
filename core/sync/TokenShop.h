// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "PurchaseRecord.h"
#include "common/Result.h"
#include "tokens/Plan.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <functional>
#include <optional>

namespace kengele {

class Access;

class Clock;
class Database;
class RelayClient;
struct RelayError;

// What the relay sells this organisation (GET /v1/plans): each plan with its price, whether plans
// lock features, and how M-Pesa is set up there.
struct ShopOffer {
    struct Item {
        Plan plan;
        std::optional<qint64> priceKes; // none: the relay's operator has set no price for it
    };
    QList<Item> items; // in plan order
    bool lockFeatures = false;
    QString mpesa; // "none", "simulator", "sandbox", "live"
    // The relay operator's support line (a number, the hours), shown in Help when the enterprise
    // plan is in force or plans lock nothing; empty: the operator gave none.
    QString supportLine;
    static constexpr int MaxSupportLine = 200;
    bool known = false; // false: the relay was never asked (offline since connecting)

    std::optional<Item> item(const QString &planKey) const;
    bool canPay() const { return mpesa != QStringLiteral("none") && !mpesa.isEmpty(); }
    static std::optional<ShopOffer> fromJson(const QByteArray &json);
};

// What a person chose in Buy: a plan, the number that pays, the budget the tokens go to.
struct PurchaseOrder {
    QString plan;
    QString phone; // as typed
    QString account = QStringLiteral("Main");
    QString user; // who is buying, for the ledger's record
};

// Buying tokens with M-Pesa through the relay (docs/relay.md, "Buying tokens"): asks the relay for a
// plan (POST /v1/purchases), which asks the payer's phone for the M-Pesa PIN; the relay then issues
// a signed voucher on the feed and RelayEventApplier credits it once. This class only asks and keeps
// the purchases' states (token_purchases); it never adds tokens itself. Closing the window while a
// purchase waits loses nothing: the voucher comes with the next sync.
class TokenShop final : public QObject
{
    Q_OBJECT

public:
    using OfferCallback = std::function<void(Result<ShopOffer>)>;
    using PurchaseCallback = std::function<void(Result<PurchaseRecord>)>;
    using ListCallback = std::function<void(Result<QList<PurchaseRecord>>)>;

    // `client` has the relay's address and this computer's key set (or none: then every call says
    // "connect to your relay first").
    TokenShop(Database &database, RelayClient &client, const Clock &clock, QObject *parent = nullptr);

    // Who may buy (Permission::ManageTokens), and the audit trail; none: everyone, unrecorded.
    void setAccess(Access *access) { m_access = access; }

    // A Kenyan mobile number as M-Pesa wants it (2547… or 2541…), from what a person typed
    // ("0712 345 678", "+254 712 345678"), or why it is not one.
    static Result<QString> mpesaNumber(const QString &typed);

    // The offer as last saved (works offline), and asking the relay again (saved when it answers).
    Result<ShopOffer> offer() const;
    void refreshOffer(OfferCallback done);

    // Starts a purchase. Checked here first (relay connected, plan on sale, number); then the
    // relay's answer: the purchase waiting for the PIN, or why not in plain words. A request the
    // relay never answered is failed here, and comes back by itself (refreshPurchases) if it did
    // reach the relay after all.
    void buy(const PurchaseOrder &order, PurchaseCallback done);
    // Asks the relay for the organisation's purchases and saves what it says.
    void refreshPurchases(ListCallback done);

    Result<QList<PurchaseRecord>> purchases(int limit = 200) const;
    // Whether tokens can be bought from here: this computer is connected to a relay and has its key;
    // else why not, in plain words ("Connect to your relay first: Settings → Relay").
    Status checkConnected() const;
    // Purchases changed in the database behind this class's back (the relay's feed brought a
    // purchase's new state or a voucher): tells whoever shows them.
    void notifyPurchasesChanged() { Q_EMIT purchasesChanged(); }
    Result<std::optional<PurchaseRecord>> purchase(const QString &requestId) const;
    // Removes purchase attempts that failed or were never answered, older than `days` days, and the
    // raw copies of provider payment callbacks kept from the feed. Never a ledger entry.
    Result<int> cleanup(int days);

Q_SIGNALS:
    void purchasesChanged();
    // The relay's plans, prices or feature locks were read again (refreshOffer) and saved.
    void offerChanged();

private:
    Error relayRefused(const RelayError &error) const;

    Database &m_database;
    RelayClient &m_client;
    const Clock &m_clock;
    Access *m_access = nullptr;
};

} // namespace kengele
