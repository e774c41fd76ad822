// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DispatchService.h"

#include "common/Clock.h"

namespace kengele {

DispatchService::DispatchService(Database &database, TokenLedger &ledger, const Clock &clock, Dispatcher::GatewayFactory factory,
                                 const Dispatcher::Options &options, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_factory(std::move(factory))
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("kengele-dispatch"));
    m_anchor = new QObject;
    m_anchor->moveToThread(&m_thread);
}

DispatchService::~DispatchService()
{
    stop();
    // The thread has ended: nothing runs in it any more.
    delete m_anchor;
}

void DispatchService::start()
{
    if (m_thread.isRunning())
        return;
    m_store = std::make_unique<OutboxStore>(m_database, m_ledger, m_clock);
    m_thread.start();
    // Made inside the sending thread, so its timers and gateways belong to it.
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            m_dispatcher = new Dispatcher(*m_store, m_factory, m_clock, m_options);
            connect(m_dispatcher, &Dispatcher::progress, this, &DispatchService::progress);
            connect(m_dispatcher, &Dispatcher::idle, this, &DispatchService::idle);
            connect(m_dispatcher, &Dispatcher::campaignPaused, this, &DispatchService::campaignPaused);
            connect(m_dispatcher, &Dispatcher::campaignsFinished, this, &DispatchService::campaignsFinished);
            connect(m_dispatcher, &Dispatcher::failed, this, &DispatchService::failed);
            connect(m_dispatcher, &Dispatcher::gatewayOffline, this, &DispatchService::gatewayOffline);
            connect(m_dispatcher, &Dispatcher::gatewayOnline, this, &DispatchService::gatewayOnline);
            m_campaigns = new CampaignService(m_database, m_ledger, m_clock, m_dispatcher);
            m_campaigns->setLimits(m_limits);
            m_occurrenceTimer = new QTimer(m_dispatcher);
            m_occurrenceTimer->setSingleShot(true);
            connect(m_occurrenceTimer, &QTimer::timeout, m_dispatcher, [this, d = m_dispatcher] { launchOccurrences(d); });
        },
        Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(m_dispatcher, &Dispatcher::start, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_dispatcher, [this, d = m_dispatcher] { launchOccurrences(d); }, Qt::QueuedConnection);
}

void DispatchService::launchOccurrences(Dispatcher *dispatcher)
{
    if (!m_campaigns)
        return;
    const Result<QList<qint64>> launched = m_campaigns->launchDueOccurrences();
    if (!launched) {
        Q_EMIT failed(launched.error().message);
        return;
    }
    if (!launched->isEmpty())
        dispatcher->wake();
    Q_EMIT occurrencesLaunched(*launched);
    // Look again when the next one is due, and at least every minute (a repeating campaign may
    // have been made or changed in the window; the clock may have been changed).
    qint64 wait = 60'000;
    if (const Result<qint64> next = m_campaigns->nextOccurrenceDue(); next && *next > 0)
        wait = qBound<qint64>(0, *next - m_clock.nowMs() + 50, wait);
    m_occurrenceTimer->start(int(wait));
}

void DispatchService::stop()
{
    if (!m_thread.isRunning())
        return;
    // Stop and delete inside the thread (claimed messages go back to the queue), then end it.
    Dispatcher *dispatcher = m_dispatcher;
    m_dispatcher = nullptr;
    QMetaObject::invokeMethod(
        m_anchor,
        [this, dispatcher] {
            dispatcher->stop();
            m_campaigns = nullptr; // the dispatcher owns them
            m_occurrenceTimer = nullptr;
            delete dispatcher;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_store.reset();
}

void DispatchService::wake()
{
    if (!m_dispatcher)
        return;
    QMetaObject::invokeMethod(m_dispatcher, &Dispatcher::wake, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_dispatcher, [this, d = m_dispatcher] { launchOccurrences(d); }, Qt::QueuedConnection);
}

void DispatchService::setRate(double ratePerSecond)
{
    m_options.ratePerSecond = ratePerSecond;
    if (m_dispatcher)
        QMetaObject::invokeMethod(
            m_dispatcher, [d = m_dispatcher, ratePerSecond] { d->setRate(ratePerSecond); }, Qt::QueuedConnection);
}

void DispatchService::setQuietHours(const QuietHours &quietHours, bool respect)
{
    m_options.quietHours = quietHours;
    m_options.respectQuietHours = respect;
    if (m_dispatcher)
        QMetaObject::invokeMethod(
            m_dispatcher, [d = m_dispatcher, quietHours, respect] { d->setQuietHours(quietHours, respect); },
            Qt::QueuedConnection);
}

} // namespace kengele
