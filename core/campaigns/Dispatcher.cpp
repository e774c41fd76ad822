// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Dispatcher.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "gateway/SmsGateway.h"

#include <QHash>

namespace kengele {

Dispatcher::Dispatcher(OutboxStore &store, GatewayFactory factory, const Clock &clock, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_factory(std::move(factory))
    , m_clock(clock)
    , m_options(options)
    , m_limiter(options.ratePerSecond)
    , m_random(QRandomGenerator::securelySeeded())
    , m_pumpTimer(this)
    , m_flushTimer(this)
{
    m_pumpTimer.setSingleShot(true);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_options.flushIntervalMs);
    connect(&m_pumpTimer, &QTimer::timeout, this, &Dispatcher::pump);
    connect(&m_flushTimer, &QTimer::timeout, this, &Dispatcher::flush);
}

Dispatcher::~Dispatcher()
{
    stop();
    qDeleteAll(m_gateways);
}

void Dispatcher::setRate(double ratePerSecond)
{
    m_options.ratePerSecond = ratePerSecond;
    m_limiter.setRate(ratePerSecond);
}

void Dispatcher::setQuietHours(const QuietHours &quietHours, bool respect)
{
    m_options.quietHours = quietHours;
    m_options.respectQuietHours = respect;
    wake();
}

void Dispatcher::wake()
{
    m_drained = false;
    m_paused.clear();
    m_pumpTimer.stop();
    schedulePump(0);
}

void Dispatcher::start()
{
    if (m_running)
        return;
    if (const Result<int> recovered = m_store.recoverInterrupted(); !recovered) {
        fail(recovered.error().message);
        return;
    }
    m_running = true;
    m_paused.clear();
    schedulePump(0);
}

void Dispatcher::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_pumpTimer.stop();
    // Claimed but never sent: back to the queue, as if never claimed.
    const qint64 now = m_clock.nowMs();
    for (const WorkBatch &batch : std::as_const(m_claimed)) {
        for (const WorkItem &item : batch.items)
            m_outcomes.append(
                Outcome{item.outboxId, batch.campaignId, item.segments, batch.charged, Outcome::Kind::Requeue, {}, {}, {}, now});
    }
    m_claimed.clear();
    flush();
}

bool Dispatcher::isIdle() const
{
    return m_inFlight == 0 && m_claimed.isEmpty() && m_outcomes.isEmpty() && m_drained;
}

int Dispatcher::pendingDeliveryReports() const
{
    int pending = int(m_reports.size());
    for (const SmsGateway *g : m_gateways)
        pending += g->pendingDeliveryReports();
    return pending;
}

void Dispatcher::schedulePump(qint64 delayMs)
{
    if (!m_running)
        return;
    const int delay = int(qBound(qint64(0), delayMs, qint64(24 * 3600 * 1000)));
    if (m_pumpTimer.isActive() && m_pumpTimer.remainingTime() <= delay)
        return;
    m_pumpTimer.start(delay);
}

SmsGateway *Dispatcher::gateway(GatewayKind kind, QString *whyNot)
{
    if (SmsGateway *existing = m_gateways.value(kind))
        return existing;
    SmsGateway *made = m_factory ? m_factory(kind, whyNot) : nullptr;
    if (made) {
        made->setParent(nullptr);
        connect(made, &SmsGateway::deliveryReport, this, [this](const DeliveryReport &report) {
            m_reports.append(report);
            if (!m_flushTimer.isActive())
                m_flushTimer.start();
        });
        m_gateways.insert(kind, made);
        m_options.maxPerRequest = qMin(m_options.maxPerRequest, made->maxRecipientsPerRequest());
    }
    return made;
}

void Dispatcher::pump()
{
    if (!m_running || m_pumping)
        return;
    m_pumping = true;
    const auto done = qScopeGuard([this] { m_pumping = false; });
    while (m_running && m_inFlight < m_options.maxInFlight) {
        if (m_offlineUntil > 0) {
            // Offline: when the wait is over, one message tries the way; the rest follow once it
            // got through.
            const qint64 wait = m_offlineUntil - m_clock.nowMs();
            if (wait > 0 || m_inFlight > 0) {
                if (wait > 0)
                    schedulePump(wait);
                return;
            }
        }
        if (m_claimed.isEmpty()) {
            const bool quiet = m_options.respectQuietHours && m_options.quietHours.isQuiet(m_clock.nowUtc().toLocalTime());
            // Claim no more than can go out soon: what is claimed is `submitting` until answered.
            int want = m_offlineUntil > 0 ? 1 : m_options.claimSize;
            if (!m_limiter.isUnlimited() && m_offlineUntil == 0)
                want = qBound(1, int(m_limiter.available()) + m_options.maxPerRequest, m_options.claimSize);
            Result<QList<WorkBatch>> claimed = m_store.claim(want, m_options.maxPerRequest, quiet);
            if (!claimed) {
                fail(claimed.error().message);
                return;
            }
            if (claimed->isEmpty()) {
                if (m_inFlight > 0)
                    return; // answers will pump again
                flush();
                if (Result<QList<qint64>> finished = m_store.finishCampaigns(); finished && !finished->isEmpty())
                    Q_EMIT campaignsFinished(*finished);
                const Result<qint64> next = m_store.nextDue(quiet);
                qint64 wait = 60'000;
                if (next && *next > 0)
                    wait = qMax<qint64>(0, *next - m_clock.nowMs());
                if (quiet) {
                    const QDateTime local = m_clock.nowUtc().toLocalTime();
                    wait = qMin(wait, local.msecsTo(m_options.quietHours.nextAllowed(local)));
                }
                m_drained = wait > 0;
                if (m_drained)
                    Q_EMIT idle();
                schedulePump(qMax<qint64>(wait, 1));
                return;
            }
            m_drained = false;
            m_claimed = std::move(*claimed);
        }
        const WorkBatch &next = m_claimed.constFirst();
        if (!m_limiter.tryAcquire(int(next.items.size()))) {
            schedulePump(qMax<qint64>(1, m_limiter.msUntilAvailable(int(next.items.size()))));
            return;
        }
        send(m_claimed.takeFirst());
    }
}

void Dispatcher::send(const WorkBatch &batch)
{
    QString whyNot;
    SmsGateway *out = nullptr;
    if (batch.gateway)
        out = gateway(*batch.gateway, &whyNot);
    else
        whyNot = tr("Kengele does not know the gateway “%1”.").arg(batch.unknownGateway);
    if (!out) {
        // The gateway cannot be used (no API key, say): the campaign waits for a person.
        const qint64 now = m_clock.nowMs();
        for (const WorkItem &item : batch.items)
            m_outcomes.append(Outcome{
                item.outboxId, batch.campaignId, item.segments, batch.charged, Outcome::Kind::Requeue, {}, whyNot, {}, now});
        flush();
        m_store.pause(batch.campaignId, whyNot, Actor::Kengele);
        Q_EMIT campaignPaused(batch.campaignId, whyNot);
        return;
    }
    SendRequest request;
    request.text = batch.text;
    request.senderId = batch.senderId;
    request.phones.reserve(batch.items.size());
    for (const WorkItem &item : batch.items)
        request.phones.append(item.phone);
    ++m_inFlight;
    out->send(request, [this, batch](const SendResult &result) { received(batch, result); });
}

void Dispatcher::wentOffline(const WorkBatch &batch, const QString &reason)
{
    // Nothing was sent: this batch and everything claimed go back to the queue as they were (no
    // attempt spent), and nothing more is claimed until the next try.
    const qint64 now = m_clock.nowMs();
    auto requeue = [&](const WorkBatch &b) {
        for (const WorkItem &item : b.items)
            m_outcomes.append(
                Outcome{item.outboxId, b.campaignId, item.segments, b.charged, Outcome::Kind::Requeue, {}, reason, {}, now});
    };
    requeue(batch);
    for (const WorkBatch &claimed : std::as_const(m_claimed))
        requeue(claimed);
    m_claimed.clear();
    const bool wasOnline = m_offlineUntil == 0;
    if (wasOnline || now >= m_offlineUntil) {
        m_offlineDelay = wasOnline ? m_options.offlineRetryMs : qMin(m_offlineDelay * 2, m_options.maxOfflineRetryMs);
        // ±20 %: many offices coming back online at once do not all knock at the same second.
        const qint64 jitter = m_offlineDelay / 5;
        const qint64 delay = m_offlineDelay + (jitter > 0 ? qint64(m_random.bounded(2 * jitter + 1)) - jitter : 0);
        m_offlineUntil = now + qMax<qint64>(1, delay);
        qCWarning(lcCampaigns) << "gateway unreachable; next try in" << delay << "ms";
        Q_EMIT gatewayOffline(reason, m_offlineUntil);
    }
}

void Dispatcher::received(const WorkBatch &batch, const SendResult &result)
{
    --m_inFlight;
    const qint64 now = m_clock.nowMs();
    if (m_offlineUntil > 0 && !(result.kind == SendResult::Kind::NotTaken && result.unreachable)) {
        m_offlineUntil = 0;
        m_offlineDelay = 0;
        qCInfo(lcCampaigns) << "gateway reachable again";
        Q_EMIT gatewayOnline();
    }
    auto outcome = [&](const WorkItem &item, Outcome::Kind kind, const QString &reason) {
        Outcome o{item.outboxId, batch.campaignId, item.segments, batch.charged, kind, {}, reason, {}, 0};
        return o;
    };
    auto retryOrFail = [&](const WorkItem &item, const QString &reason, qint64 minimumDelay) {
        if (!m_options.retry.mayRetry(item.attempts))
            return outcome(item, Outcome::Kind::Failed, reason);
        Outcome o = outcome(item, Outcome::Kind::Retry, reason);
        o.dueAt = now + m_options.retry.delayMs(item.attempts, m_random, minimumDelay);
        return o;
    };

    switch (result.kind) {
    case SendResult::Kind::Answered: {
        QHash<QString, const RecipientResult *> byPhone;
        for (const RecipientResult &r : result.recipients)
            byPhone.insert(r.phone, &r);
        for (const WorkItem &item : batch.items) {
            const RecipientResult *r = byPhone.value(item.phone);
            if (!r) {
                m_outcomes.append(
                    outcome(item, Outcome::Kind::Uncertain,
                            tr("The gateway's answer did not mention this number, so it may or may not have been sent.")));
                continue;
            }
            switch (r->outcome) {
            case RecipientResult::Outcome::Accepted: {
                Outcome o = outcome(item, Outcome::Kind::Sent, {});
                o.messageId = r->messageId;
                o.cost = r->cost;
                m_outcomes.append(o);
                break;
            }
            case RecipientResult::Outcome::PermanentFailure:
                m_outcomes.append(outcome(item, Outcome::Kind::Failed, r->status));
                break;
            case RecipientResult::Outcome::TransientFailure:
                m_outcomes.append(retryOrFail(item, r->status, 0));
                break;
            }
        }
        break;
    }
    case SendResult::Kind::NotTaken:
        if (result.unreachable) {
            wentOffline(batch, result.message);
            break;
        }
        for (const WorkItem &item : batch.items)
            m_outcomes.append(retryOrFail(item, result.message, result.retryAfterMs.value_or(0)));
        break;
    case SendResult::Kind::Uncertain:
        for (const WorkItem &item : batch.items)
            m_outcomes.append(outcome(item, Outcome::Kind::Uncertain, result.message));
        break;
    case SendResult::Kind::Refused: {
        // Nothing was taken, and the same request would be refused again (bad key, sender ID):
        // the campaign waits, with the reason, for a person to fix it.
        for (const WorkItem &item : batch.items) {
            Outcome o = outcome(item, Outcome::Kind::Requeue, result.message);
            o.dueAt = now;
            m_outcomes.append(o);
        }
        for (qsizetype i = m_claimed.size() - 1; i >= 0; --i) {
            if (m_claimed.at(i).campaignId != batch.campaignId)
                continue;
            for (const WorkItem &item : m_claimed.at(i).items) {
                Outcome o = outcome(item, Outcome::Kind::Requeue, result.message);
                o.dueAt = now;
                m_outcomes.append(o);
            }
            m_claimed.removeAt(i);
        }
        flush();
        // Requests already in flight for the same campaign are refused too: say it once.
        if (!m_paused.contains(batch.campaignId)) {
            m_paused.insert(batch.campaignId);
            if (Status paused = m_store.pause(batch.campaignId, result.message, Actor::Kengele); !paused) {
                fail(paused.error().message);
                return;
            }
            Q_EMIT campaignPaused(batch.campaignId, result.message);
        }
        break;
    }
    }
    if (m_outcomes.size() >= m_options.flushAt || m_inFlight == 0)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
    pump();
}

void Dispatcher::flush()
{
    m_flushTimer.stop();
    if (m_outcomes.isEmpty() && m_reports.isEmpty())
        return;
    const QList<Outcome> outcomes = std::exchange(m_outcomes, {});
    if (Status applied = m_store.apply(outcomes); !applied) {
        fail(applied.error().message);
        return;
    }
    // Reports after outcomes: a report never overtakes the answer that gave its message id.
    const QList<DeliveryReport> reports = std::exchange(m_reports, {});
    if (Result<int> applied = m_store.applyDeliveryReports(reports); !applied) {
        fail(applied.error().message);
        return;
    }
    Q_EMIT progress();
}

void Dispatcher::fail(const QString &message)
{
    qCWarning(lcCampaigns) << "dispatcher stopped after a storage failure";
    m_running = false;
    m_pumpTimer.stop();
    Q_EMIT failed(message);
}

} // namespace kengele
