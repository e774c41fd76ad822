// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RelayError.h"
#include "RelayEventApplier.h"
#include "RelayLinkStore.h"
#include "RelaySyncStatus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <functional>

namespace kengele {

class RelayClient;

// Pulls the relay's event feed by cursor and applies it (docs/relay.md, "Desktop side"): asks
// GET /v1/events?after=cursor&wait=25, applies the batch together with its new cursor in one
// transaction (RelayEventApplier), and only then asks again; a crash in between re-delivers the
// same events, which are applied once. When the relay cannot be reached it waits and tries again:
// 2 s, doubling up to 5 minutes, with jitter. Its state (connected, last sync, offline since, last
// error) is announced for the window's indicator.
//
// The client must have the relay's URL and the device token set before start(); the profile must
// be enrolled (RelayConnector). Lives on the thread of the database connection it uses.
class RelaySyncService final : public QObject
{
    Q_OBJECT

public:
    struct Options {
        int waitSeconds = 25; // long-poll hold
        int batchLimit = 500;
        qint64 firstRetryMs = 2'000;
        qint64 maxRetryMs = 5 * 60'000LL;
        double jitter = 0.2; // each wait is the delay ± this fraction (never above maxRetryMs)
        qint64 minPollIntervalMs = 1'000; // an empty answer that came back sooner than this waits the rest
    };

    RelaySyncService(Database &database, ContactService &contacts, TokenLedger &ledger, RelayClient &client, const Clock &clock,
                     QObject *parent = nullptr);
    ~RelaySyncService() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    // Keeps pulling until stop(), through failures (with back-off). A refused token stops it
    // (needsEnrolment): a new enrolment code is needed.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Wakes a waiting retry now (the person pressed "Try again", or the network came back).
    void retryNow();

    // Pulls (without holding the request) until nothing more is waiting, then answers with what
    // was applied; the first failure ends it (no back-off). For `kengele-cli relay sync --once`.
    using OnceCallback = std::function<void(Result<RelayApplyReport>)>;
    void syncUntilCaughtUp(OnceCallback done);

    RelaySyncStatus status() const { return m_status; }

    // The wait after `failures` failures in a row (1: the first), for a unit random in [0, 1).
    static qint64 backoffMs(int failures, const Options &options, double unitRandom, qint64 minimumMs = 0);

Q_SIGNALS:
    void statusChanged(const kengele::RelaySyncStatus &status);
    // Events were saved: the inbox, outbox and opt-outs may have changed.
    void eventsApplied(const kengele::RelayApplyReport &report);

private:
    Status loadLink();
    void poll();
    void handleBatch(RelayResult<RelayEventBatch> batch, int waitSeconds);
    void handleFailure(const Error &error, bool transient, bool unauthorized, qint64 minimumMs);
    void pollOnce();
    // Pins the relay's voucher key first when none is pinned yet, then goes on.
    void withVoucherKey(std::function<void()> then, std::function<void(const RelayError &)> failed);
    void finishOnce(Result<RelayApplyReport> result);
    void publish();

    RelayClient &m_client;
    const Clock &m_clock;
    RelayEventApplier m_applier;
    RelayLinkStore m_links;
    Options m_options;
    RelaySyncStatus m_status;
    QString m_org;
    bool m_running = false;
    bool m_voucherKeySettled = false; // a voucher key is pinned, or the relay has none
    int m_failures = 0;
    QTimer m_retryTimer;
    QElapsedTimer m_pollStarted;
    QRandomGenerator m_random;
    OnceCallback m_once;
    RelayApplyReport m_onceReport;
};

} // namespace kengele
