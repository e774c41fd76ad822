// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Hooks.h"
#include "LongPollRegistry.h"
#include "RelayConfig.h"
#include "RelayMetrics.h"
#include "RelayStore.h"
#include "common/KeyedRateLimiter.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerResponder>
#include <QPointer>

#include <vector>

class QTcpSocket;

namespace kengele::relay {

class RelayTcpServer;

// The relay's HTTP server (docs/relay.md): provider hooks, the /v1 client API, health and
// metrics. Single-threaded: hooks that arrive in one turn of the event loop are stored in one
// transaction (group commit), then answered; long polls are held until an event arrives for
// their organisation (from this process, or from another one through PostgreSQL notifications).
// The connections are watched by RelayTcpServer, the held polls kept by LongPollRegistry, the
// counters by RelayMetrics; requests that fail to authenticate, enrolments and each device's /v1
// calls are limited by token buckets (KeyedRateLimiter).
class RelayServer final : public QAbstractHttpServer
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

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct PendingHook {
        HookKind kind;
        bool quarantined = false;
        QString reason; // why quarantined
        QString orgId;
        QHttpServerResponder responder;
        QPointer<QTcpSocket> socket;
        qint64 startedNs = 0;
        ParsedHook parsed; // when not quarantined
        QByteArray body; // when quarantined
        QString remote;
        QString contentType;
        qint64 receivedAt = 0;
    };
    enum class Route { Hook, Enrol, Events, Health, Metrics, Unknown };

    void handleHook(const QHttpServerRequest &request, QTcpSocket *socket, const QStringList &parts, qint64 startedNs);
    void handleEnrol(const QHttpServerRequest &request, QTcpSocket *socket);
    void handleEvents(const QHttpServerRequest &request, QTcpSocket *socket);
    void handleHealth(const QHttpServerRequest &request, QTcpSocket *socket);
    void handleMetrics(const QHttpServerRequest &request, QTcpSocket *socket);
    void notFound(const QHttpServerRequest &request, QTcpSocket *socket, Route route);

    void flushHooks();
    bool answerWaiter(LongPollRegistry::Waiter &waiter, bool timedOut); // true when answered
    void onNotification(const QString &name, const QVariant &payload, bool fromSelf);

    void reply(QHttpServerResponder &responder, QTcpSocket *socket, Route route, int status, const QByteArray &contentType,
               const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &extra = {});
    void replyError(QHttpServerResponder &responder, QTcpSocket *socket, Route route, int status, const QString &message,
                    const QList<std::pair<QByteArray, QByteArray>> &extra = {});
    QString clientAddress(const QHttpServerRequest &request) const;
    std::optional<Device> authenticate(const QHttpServerRequest &request);
    void logAccess(const QHttpServerRequest &request, Route route, int status, const QString &orgId = {});

    RelayStore *m_store;
    RelayConfig m_config;
    RelayTcpServer *m_tcp = nullptr;
    quint16 m_port = 0;
    QElapsedTimer m_clock;

    std::vector<PendingHook> m_pending;
    bool m_flushScheduled = false;
    LongPollRegistry m_polls;
    KeyedRateLimiter m_ipLimiter; // per client address: failed authentication and enrolment
    KeyedRateLimiter m_deviceLimiter; // per device: /v1 calls
    QHash<QString, qint64> m_deviceTouched; // device id → last time last_seen_at was written
    RelayMetrics m_metrics;
};

} // namespace kengele::relay
