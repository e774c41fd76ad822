// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DarajaApi.h"
#include "RelayConfig.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <expected>
#include <optional>

namespace kengele::relay {

class DarajaClient;
class DarajaSimulator;
class MasterKey;
class RelayStore;

// Buying tokens with M-Pesa (docs/relay.md, "Buying tokens with M-Pesa"): starts purchases with an
// STK push, and settles them. A callback is never trusted alone: a purchase is settled only from
// Daraja's STK Query answer (the callback's amount must also equal the price), by whichever relay
// process claims it first (RelayStore::claimPurchase); paying issues one signed voucher, idempotently.
// Purchases with no callback are queried `purchase-query-after-ms` after the push, then again with
// a growing pause, and given up (failed, "no answer") only after `purchase-give-up-ms` of answers
// that say nothing definite. Everything is in the database: a restarted relay carries on.
class PurchaseService final : public QObject
{
    Q_OBJECT

public:
    // `deliverSimulated`: hands a simulated STK callback to the organisation's daraja/stk hook.
    PurchaseService(RelayStore &store, const MasterKey &key, const RelayConfig &config,
                    std::function<void(const QString &orgId, const QByteArray &body)> deliverSimulated,
                    QObject *parent = nullptr);
    ~PurchaseService() override;

    // Resumes the purchases a previous run left waiting, and starts looking at due ones.
    void start();

    struct Answer {
        int status = 200;
        QJsonObject body;
    };
    // POST /v1/purchases. `done` is called once, maybe later (after Daraja answered the push).
    void create(const QString &orgId, const QByteArray &body, std::function<void(Answer)> done);
    Answer list(const QString &orgId, int limit);
    Answer plans(const QString &orgId);
    // A daraja.stk callback for this checkout was stored: check the purchase with Daraja now.
    void callbackStored(const QString &orgId, const QString &checkoutId);
    // Looks at every due purchase now (the timer does it every purchase-scan-ms).
    void scan();

    // "2547XXXXXXXX" / "2541XXXXXXXX" from what a person typed; nullopt when not a Kenyan mobile.
    static std::optional<QString> normalisePhone(const QString &typed);
    // The plain English reason a Daraja ResultCode stands for (docs/relay.md).
    static QString failureReason(const QString &resultCode);

Q_SIGNALS:
    // Events were appended for this organisation (wake its long polls).
    void eventsAppended(const QString &orgId);
    // For the metrics: "started" (Daraja accepted a push), "paid", "failed".
    void purchaseCounted(const QString &result);

private:
    std::expected<std::optional<DarajaAccount>, QString> account(const QString &orgId);
    DarajaApi &api(const DarajaAccount &account);
    QString callbackUrl(const QString &orgId);
    void check(const Purchase &purchase);
    void settled(const Purchase &purchase, const QString &resultCode);
    void notDefinite(const Purchase &purchase, const QString &why);
    void finish(Purchase purchase, const QList<OwnEvent> &extra);
    qint64 backoff(int attempts) const;

    RelayStore &m_store;
    const MasterKey &m_key;
    RelayConfig m_config;
    DarajaClient *m_daraja;
    DarajaSimulator *m_simulator;
    QTimer m_timer;
    QString m_owner; // this process, for claims
    QSet<QString> m_checking; // purchases this process is asking Daraja about now
};

} // namespace kengele::relay
