// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Hooks.h"
#include "LongPollRegistry.h"
#include "MasterKey.h"
#include "RelayConfig.h"
#include "RelayMetrics.h"
#include "RelayStore.h"
#include "common/KeyedRateLimiter.h"
#include "http/HttpConnection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <vector>

namespace kengele::relay {

class HttpServer;
class PurchaseService;

// The relay's HTTP server (docs/relay.md): provider hooks, the /v1 client API, health and
// metrics. Single-threaded: hooks that arrive in one turn of the event loop are stored in one
// transaction (group commit), then answered; long polls are held until an event arrives for
// their organisation (from this process, or from another one through PostgreSQL notifications).
// The bytes are parsed and the connections watched by HttpServer (strict, bounded: see
// docs/architecture.md), the held polls kept by LongPollRegistry, the counters by RelayMetrics;
// requests that fail to authenticate, enrolments and each device's /v1 calls are limited by token
// buckets (KeyedRateLimiter).
class RelayServer final : public QObject, public HttpRequestHandler
{
    Q_OBJECT

public:
    RelayServer(RelayStore *store, const RelayConfig &config, QObject *parent = nullptr);
    ~RelayServer() override;

    // Listens on the configured address (port 0 = any free port); returns the port, or 0.
    quint16 start();
    quint16 port() const { return m_port; }

    int waitingPolls() const { return m_polls.size(); }
    QByteArray metricsText() const;

    // HttpRequestHandler: a whole, checked request from a connection (the server's own, or a test's).
    void handleRequest(HttpRequest &&request, HttpResponder responder) override;
    // Stores and answers the hooks that have arrived (it runs by itself once per event-loop turn).
    void flushHooks();
    // A callback from the relay's Daraja simulator, taken as if posted to the organisation's daraja/stk hook.
    void deliverSimulatedCallback(const QString &orgId, const QByteArray &body);
    PurchaseService *purchases() { return m_purchases; }

private:
    struct PendingHook {
        HookKind kind;
        bool quarantined = false;
        QString reason; // why quarantined
        QString orgId;
        HttpResponder responder;
        qint64 startedNs = 0;
        ParsedHook parsed; // when not quarantined
        QByteArray body; // when quarantined
        QString remote;
        QString contentType;
        qint64 receivedAt = 0;
    };
    enum class Route {
        Hook,
        Enrol,
        Events,
        Device,
        Health,
        Metrics,
        Unknown,
        Purchases,
        Plans,
        VoucherKey,
        AuditAnchor,
        Join,
        JoinRequests,
        Changes,
        Devices,
        Keys,
        Snapshot
    };

    void handleHook(const HttpRequest &request, HttpResponder &responder, qint64 startedNs);
    void handleEnrol(const HttpRequest &request, HttpResponder &responder);
    void handleEvents(const HttpRequest &request, HttpResponder &responder);
    void handleDeviceRevoke(const HttpRequest &request, HttpResponder &responder);
    void handleHealth(const HttpRequest &request, HttpResponder &responder);
    void handleMetrics(const HttpRequest &request, HttpResponder &responder);
    // Buying tokens (RelayPurchaseRoutes.cpp)
    void handlePurchases(const HttpRequest &request, HttpResponder &responder, Route route);
    QString voucherPublicKey();
    // The desktops' daily audit anchors (RelayAuditRoutes.cpp): POST and GET /v1/audit-anchor.
    void handleAuditAnchor(const HttpRequest &request, HttpResponder &responder);
    // Several computers, one congregation (RelaySyncRoutes.cpp): approval, the join mailbox, change
    // batches, the devices, key grants and snapshots.
    void handleSync(const HttpRequest &request, HttpResponder &responder, Route route);
    void handleJoin(const HttpRequest &request, HttpResponder &responder, const Device &device);
    void handleJoinRequests(const HttpRequest &request, HttpResponder &responder, const Device &device);
    void handleChanges(const HttpRequest &request, HttpResponder &responder, const Device &device);
    void handleDevices(const HttpRequest &request, HttpResponder &responder, const Device &device);
    void handleKeys(const HttpRequest &request, HttpResponder &responder, const Device &device);
    void handleSnapshot(const HttpRequest &request, HttpResponder &responder, const Device &device);
    bool answerSyncWaiter(LongPollRegistry::Waiter &waiter, bool timedOut);
    // A pending device asked for something only approved devices may: 403 waiting_for_approval. True when refused.
    bool refusePending(const HttpRequest &request, HttpResponder &responder, Route route, const Device &device);
    void replyJson(HttpResponder &responder, Route route, int status, const QJsonObject &body,
                   const QList<std::pair<QByteArray, QByteArray>> &extra = {});
    void replyProblem(const HttpRequest &request, HttpResponder &responder, Route route, const Device &device,
                      const SyncProblem &problem);
    void notFound(const HttpRequest &request, HttpResponder &responder, Route route);
    // A request that failed to authenticate: 429 when the address has failed too often, else 401.
    void unauthorised(const HttpRequest &request, HttpResponder &responder, Route route);

    bool answerWaiter(LongPollRegistry::Waiter &waiter, bool timedOut); // true when answered
    void onNotification(const QString &name, const QVariant &payload, bool fromSelf);

    void reply(HttpResponder &responder, Route route, int status, const QByteArray &contentType, const QByteArray &body,
               const QList<std::pair<QByteArray, QByteArray>> &extra = {});
    void replyError(HttpResponder &responder, Route route, int status, const QString &message,
                    const QList<std::pair<QByteArray, QByteArray>> &extra = {});
    QString clientAddress(const HttpRequest &request) const;
    std::optional<Device> authenticate(const HttpRequest &request);
    void logAccess(const HttpRequest &request, Route route, int status, const QString &orgId = {});

    RelayStore *m_store;
    RelayConfig m_config;
    HttpServer *m_http = nullptr;
    quint16 m_port = 0;
    QElapsedTimer m_clock;

    std::vector<PendingHook> m_pending;
    bool m_flushScheduled = false;
    LongPollRegistry m_polls;
    KeyedRateLimiter m_ipLimiter; // per client address: failed authentication and enrolment
    KeyedRateLimiter m_deviceLimiter; // per device: /v1 calls
    QHash<QString, qint64> m_deviceTouched; // device id → last time last_seen_at was written
    RelayMetrics m_metrics;
    std::optional<MasterKey> m_key; // loaded by start()
    PurchaseService *m_purchases = nullptr;
};

} // namespace kengele::relay
