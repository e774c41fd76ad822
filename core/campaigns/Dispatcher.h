// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "OutboxStore.h"
#include "QuietHours.h"
#include "RetryPolicy.h"
#include "common/RateLimiter.h"
#include "gateway/DeliveryReport.h"

#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <functional>

namespace kengele {

class Clock;
class SmsGateway;
struct SendResult;

// Sends what is due in the outbox (architecture.md §3.1, §4): by priority and time, under a token-bucket rate
// limit, with a bounded number of requests in flight; identical texts go as one request with many
// recipients, personalised ones one request each. It runs in whatever thread it lives in (a worker
// thread in the desktop app, the main thread in kengele-cli), together with its gateways.
class Dispatcher final : public QObject
{
    Q_OBJECT

public:
    struct Options {
        int maxInFlight = 16; // requests waiting for an answer at once (HttpClient keeps up to 16 connections)
        int claimSize = 300; // most messages claimed at a time (whole requests of 100)
        int maxPerRequest = 100; // recipients of one request (capped by the gateway's own limit)
        double ratePerSecond = 0; // messages per second; 0: no limit
        RetryPolicy retry;
        QuietHours quietHours;
        bool respectQuietHours = true;
        // The gateway cannot be reached (no internet...): nothing is claimed until the next try,
        // first after offlineRetryMs, doubling up to maxOfflineRetryMs. No message loses an attempt.
        qint64 offlineRetryMs = 5'000;
        qint64 maxOfflineRetryMs = 5 * 60'000LL;
        int flushAt = 256; // outcomes recorded in one transaction
        int flushIntervalMs = 25;
    };
    // Makes the gateway for a campaign's gateway; nullptr when it cannot (no API key...), with the
    // reason for people in whyNot. The dispatcher owns what it returns.
    using GatewayFactory = std::function<SmsGateway *(GatewayKind gateway, QString *whyNot)>;

    Dispatcher(OutboxStore &store, GatewayFactory factory, const Clock &clock, const Options &options, QObject *parent = nullptr);
    ~Dispatcher() override;

    // Marks interrupted messages uncertain, then sends whatever is due, now and later.
    void start();
    // Stops claiming; what was claimed but not sent goes back to the queue. Answers still arriving
    // for requests in flight are recorded.
    void stop();
    bool isRunning() const { return m_running; }
    // Nothing in flight, nothing claimed, and nothing due before `horizonMs` from now.
    bool isIdle() const;
    // Delivery reports the gateways will still produce by themselves (the simulator's).
    int pendingDeliveryReports() const;
    // Records what is waiting to be recorded now.
    void flushNow() { flush(); }
    void setRate(double ratePerSecond);
    // New quiet hours (Settings → Sending): held messages go as soon as the new hours allow.
    void setQuietHours(const QuietHours &quietHours, bool respect);
    // Something new may be due (a campaign was launched or resumed): look now.
    void wake();

Q_SIGNALS:
    // Some messages changed state (recorded in the store).
    void progress();
    // Nothing more is due now; the dispatcher sleeps until the next due time.
    void idle();
    void campaignPaused(qint64 campaignId, const QString &reason);
    // The gateway could not be reached; sending waits and tries again at retryAtMs (UTC ms).
    void gatewayOffline(const QString &reason, qint64 retryAtMs);
    // A request reached the gateway again after it was offline.
    void gatewayOnline();
    void campaignsFinished(const QList<qint64> &campaignIds);
    // The store refused a write: the dispatcher stopped. The message is for people.
    void failed(const QString &message);

private:
    void pump();
    void send(const WorkBatch &batch);
    void received(const WorkBatch &batch, const SendResult &result);
    void wentOffline(const WorkBatch &batch, const QString &reason);
    void flush();
    void schedulePump(qint64 delayMs);
    void fail(const QString &message);
    SmsGateway *gateway(GatewayKind kind, QString *whyNot);

    OutboxStore &m_store;
    GatewayFactory m_factory;
    const Clock &m_clock;
    Options m_options;
    RateLimiter m_limiter;
    QRandomGenerator m_random;
    QMap<GatewayKind, SmsGateway *> m_gateways;
    QSet<qint64> m_paused; // paused by this dispatcher since it last started or woke
    QList<WorkBatch> m_claimed;
    QList<Outcome> m_outcomes;
    QList<DeliveryReport> m_reports;
    QTimer m_pumpTimer;
    QTimer m_flushTimer;
    int m_inFlight = 0;
    qint64 m_offlineUntil = 0; // 0: online
    qint64 m_offlineDelay = 0; // the current wait between tries while offline
    bool m_running = false;
    bool m_pumping = false;
    bool m_drained = false;
};

} // namespace kengele
