// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "gateway/DeliveryReport.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <queue>
#include <vector>

class QNetworkAccessManager;

namespace kengele {

// The delivery reports the simulator (GatewaySimulator) still owes, and their way out. Each is
// added with its delay when a message is accepted; when it is due it goes out through the
// deliveryReport() signal and, when a callback URL is set, as a form POST to it, as Africa's
// Talking posts its reports. A callback POST that is not acknowledged (not 2xx) is tried again,
// 1 s doubling to 1 min, for up to the retry window; a 4xx other than 408 and 429 is given up at
// once (a wrong hook address). Reports due at the same time go out in the order they were added.
//
// It lives in the simulator's thread (a child of it, so it moves with it); add(), pending(),
// counters() and setCallback() may be called from any thread, schedule() only in its own.
class SimulatedDeliveryReports final : public QObject
{
    Q_OBJECT

public:
    struct Counters {
        int produced = 0; // reports that fell due and went out
        int callbackRetries = 0; // callback POSTs tried again after a failure
        int callbacksAbandoned = 0; // callback POSTs given up
    };

    explicit SimulatedDeliveryReports(QObject *parent = nullptr);
    ~SimulatedDeliveryReports() override;

    // Where due reports go besides the signal; an empty URL: only the signal. onlyThroughCallback:
    // with a URL, not through the signal at all. Applies to reports going out from now on.
    void setCallback(const QUrl &url, bool onlyThroughCallback, int retryForMs);
    // A report due delayMs from now. schedule() then starts the timer for it.
    void add(DeliveryReport report, qint64 delayMs);
    // Starts (or brings forward) the timer for the earliest report.
    void schedule();
    int pending() const;
    Counters counters() const;
    void resetCounters();

Q_SIGNALS:
    void deliveryReport(const kengele::DeliveryReport &report);

private:
    struct Pending {
        qint64 dueMs = 0;
        quint64 sequence = 0;
        DeliveryReport report;
        bool operator>(const Pending &other) const
        {
            return dueMs != other.dueMs ? dueMs > other.dueMs : sequence > other.sequence;
        }
    };

    void emitDue();
    void postToCallback(const DeliveryReport &report, const QUrl &url, int attempt = 0, qint64 firstTriedMs = -1);

    mutable QMutex m_mutex; // guards everything below up to m_counters
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> m_reports;
    quint64 m_sequence = 0;
    QUrl m_callbackUrl;
    bool m_onlyThroughCallback = false;
    int m_callbackRetryForMs = 0;
    Counters m_counters;

    QNetworkAccessManager *m_callbackNetwork = nullptr;
    QElapsedTimer m_elapsed;
    QTimer m_timer;
    qint64 m_timerDueMs = -1;
};

} // namespace kengele
