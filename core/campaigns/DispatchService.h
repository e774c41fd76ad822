// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/CampaignService.h"
#include "campaigns/Dispatcher.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <memory>

namespace kengele {

class Clock;
class Database;
class TokenLedger;

// Runs the Dispatcher (and its gateways) on a thread of its own, so the window never waits for
// the network or the outbox, and passes its news back as signals. In the same thread it launches
// the occurrences of repeating campaigns when they are due. The Dispatcher is made inside
// the sending thread, so its timers, gateways and database connection all belong to it. The signals
// below repeat the Dispatcher's on purpose: they are re-emitted in the thread that owns this object,
// so that windows never hold a pointer to an object in the sending thread.
//
// Make one per profile and keep it: stop() and start() reuse the same thread, and with it the
// thread's database connection (Database names connections by thread).
class DispatchService final : public QObject
{
    Q_OBJECT

public:
    DispatchService(Database &database, TokenLedger &ledger, const Clock &clock, Dispatcher::GatewayFactory factory,
                    const Dispatcher::Options &options, QObject *parent = nullptr);
    ~DispatchService() override;

    void start();
    // Stops sending; requests still waiting for an answer are given up, and their messages are
    // shown as "not sure" at the next start (never sent again by themselves).
    void stop();
    // A campaign was launched, resumed or queued again: send what is due now.
    void wake();
    void setRate(double ratePerSecond);
    void setQuietHours(const QuietHours &quietHours, bool respect);
    // Limits for launching occurrences of repeating campaigns (as the profile's campaign service).
    void setCampaignLimits(const CampaignService::Limits &limits) { m_limits = limits; }
    bool isRunning() const { return m_thread.isRunning(); }

Q_SIGNALS:
    void progress();
    void idle();
    void campaignPaused(qint64 campaignId, const QString &reason);
    void gatewayOffline(const QString &reason, qint64 retryAtMs);
    void gatewayOnline();
    void campaignsFinished(const QList<qint64> &campaignIds);
    void failed(const QString &message);
    // Occurrences of repeating campaigns were launched, or skipped and recorded.
    void occurrencesLaunched(const QList<qint64> &campaignIds);

private:
    void launchOccurrences(Dispatcher *dispatcher); // in the sending thread

    Database &m_database;
    TokenLedger &m_ledger;
    const Clock &m_clock;
    Dispatcher::GatewayFactory m_factory;
    Dispatcher::Options m_options;
    QThread m_thread;
    QObject *m_anchor = nullptr; // lives in m_thread: what runs code there
    std::unique_ptr<OutboxStore> m_store;
    Dispatcher *m_dispatcher = nullptr; // lives in m_thread
    CampaignService *m_campaigns = nullptr; // lives in m_thread
    QTimer *m_occurrenceTimer = nullptr; // lives in m_thread
    CampaignService::Limits m_limits;
};

} // namespace kengele
