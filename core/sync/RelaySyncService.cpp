// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelaySyncService.h"

#include "RelayClient.h"
#include "SyncLog.h"

#include "common/Clock.h"
#include <QJsonObject>

#include <cmath>

namespace kengele {

RelaySyncService::RelaySyncService(Database &database, ContactService &contacts, TokenLedger &ledger, RelayClient &client,
                                   const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
    , m_applier(database, contacts, ledger, clock)
    , m_links(database, clock)
    , m_random(QRandomGenerator::global()->generate())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RelaySyncService::poll);
}

RelaySyncService::~RelaySyncService()
{
    m_client.cancel();
}

qint64 RelaySyncService::backoffMs(int failures, const Options &options, double unitRandom, qint64 minimumMs)
{
    const int doublings = qBound(0, failures - 1, 30);
    const double base = qMin(double(options.maxRetryMs), double(options.firstRetryMs) * std::pow(2.0, doublings));
    const double jittered = base * (1.0 + options.jitter * (2.0 * unitRandom - 1.0));
    const qint64 delay = qint64(qMin(double(options.maxRetryMs), jittered));
    return qMax(delay, qMin(minimumMs, options.maxRetryMs));
}

Status RelaySyncService::loadLink()
{
    const Result<RelayLink> link = m_links.load();
    if (!link)
        return std::unexpected(link.error());
    m_org = link->org;
    m_status.cursor = link->cursor;
    m_status.lastSync = link->lastSync;
    m_voucherKeySettled = !link->voucherKey.isEmpty();
    m_status.configured = link->isEnrolled() && m_client.hasToken() && m_client.baseUrl().isValid();
    if (!m_status.configured) {
        return fail(ErrorCode::NotFound,
                    tr("This computer is not connected to a relay yet. Ask your administrator for an "
                       "enrolment code and connect it in the settings."));
    }
    return {};
}

void RelaySyncService::publish()
{
    Q_EMIT statusChanged(m_status);
}

void RelaySyncService::start()
{
    if (m_running)
        return;
    const Status loaded = loadLink();
    if (!loaded) {
        m_status.lastError = loaded.error().message;
        publish();
        return;
    }
    m_running = true;
    m_failures = 0;
    m_status.running = true;
    m_status.needsEnrolment = false;
    qCInfo(lcSync) << "relay sync started at seq" << m_status.cursor;
    publish();
    poll();
}

void RelaySyncService::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_retryTimer.stop();
    m_client.cancel();
    m_status.running = false;
    m_status.connected = false;
    m_status.nextAttempt = {};
    qCInfo(lcSync) << "relay sync stopped";
    publish();
}

void RelaySyncService::retryNow()
{
    if (m_running && m_retryTimer.isActive()) {
        m_retryTimer.stop();
        poll();
    }
}

void RelaySyncService::withVoucherKey(std::function<void()> then, std::function<void(const RelayError &)> failed)
{
    if (m_voucherKeySettled) {
        then();
        return;
    }
    // A computer connected before relays signed vouchers pins the key the first time it asks
    // (vouchers are refused until a key is pinned, so it is pinned before any event is applied).
    m_client.getJson(
        QStringLiteral("/v1/voucher-key"), {},
        [this, then = std::move(then), failed = std::move(failed)](RelayResult<QJsonObject> answer) {
            if (!answer) {
                if (answer.error().httpStatus == 404) {
                    // An older relay without vouchers: it never issues one, so nothing waits on the key.
                    m_voucherKeySettled = true;
                    then();
                    return;
                }
                failed(answer.error());
                return;
            }
            const QByteArray key = QByteArray::fromBase64(answer->value(QStringLiteral("public_key")).toString().toLatin1());
            if (key.size() != 32) {
                failed(RelayError{RelayError::Kind::BadAnswer,
                                  tr("The relay's voucher key could not be read. Tell the relay's administrator."), 200, 0});
                return;
            }
            if (Status pinned = m_links.pinVoucherKey(key); !pinned) {
                failed(RelayError{RelayError::Kind::ServerError, pinned.error().message, 0, 0});
                return;
            }
            m_voucherKeySettled = true;
            qCInfo(lcSync) << "pinned the relay's voucher key";
            then();
        });
}

void RelaySyncService::poll()
{
    if (!m_running)
        return;
    if (!m_voucherKeySettled) {
        withVoucherKey([this] { poll(); },
                       [this](const RelayError &error) {
                           if (m_running)
                               handleFailure(error.toError(), error.isTransient(), error.kind == RelayError::Kind::Unauthorized,
                                             error.retryAfterMs);
                       });
        return;
    }
    m_status.nextAttempt = {};
    m_pollStarted.start();
    // Until the relay has answered (at the start, after a failure) it is asked without holding the
    // request, so the status bar says "connected" within one round trip instead of after a whole
    // hold; from then on each request waits at the relay for the next event.
    const int wait = m_status.connected ? m_options.waitSeconds : 0;
    m_client.fetchEvents(m_status.cursor, wait, m_options.batchLimit,
                         [this, wait](RelayResult<RelayEventBatch> batch) { handleBatch(std::move(batch), wait); });
}

void RelaySyncService::handleBatch(RelayResult<RelayEventBatch> batch, int waitSeconds)
{
    if (!m_running)
        return;
    if (!batch) {
        const RelayError &error = batch.error();
        handleFailure(error.toError(), error.isTransient(), error.kind == RelayError::Kind::Unauthorized, error.retryAfterMs);
        return;
    }
    const Result<RelayApplyReport> applied = m_applier.apply(m_org, batch->events, batch->next);
    if (!applied) {
        // Nothing was saved and the cursor did not move: the same events come again.
        qCWarning(lcSync) << "could not save relay events; will fetch them again";
        handleFailure(applied.error(), applied.error().code == ErrorCode::Storage, false, 0);
        return;
    }
    const bool wasConnected = m_status.connected;
    m_failures = 0;
    m_status.connected = true;
    m_status.offlineSince = {};
    m_status.lastError.clear();
    m_status.cursor = qMax(m_status.cursor, applied->cursor);
    m_status.lastSync = m_clock.nowUtc();
    if (!wasConnected)
        qCInfo(lcSync) << "relay connected";
    publish();
    if (applied->applied() > 0)
        Q_EMIT eventsApplied(*applied);
    if (!m_running)
        return; // a receiver stopped it
    // An empty answer that came back long before the hold ended (a relay or proxy that does not
    // hold requests) must not turn into a busy loop.
    if (batch->events.isEmpty() && waitSeconds > 0 && m_pollStarted.elapsed() < m_options.minPollIntervalMs) {
        m_retryTimer.start(int(m_options.minPollIntervalMs - m_pollStarted.elapsed()));
        return;
    }
    poll();
}

void RelaySyncService::handleFailure(const Error &error, bool transient, bool unauthorized, qint64 minimumMs)
{
    const QDateTime now = m_clock.nowUtc();
    if (m_status.connected || !m_status.offlineSince.isValid())
        m_status.offlineSince = now;
    m_status.connected = false;
    m_status.lastError = error.message;
    if (unauthorized) {
        // Trying again with the same token will not help: a person has to connect again.
        m_status.needsEnrolment = true;
        m_running = false;
        m_status.running = false;
        m_status.nextAttempt = {};
        qCWarning(lcSync) << "the relay refused this device's token; sync stopped";
        publish();
        return;
    }
    ++m_failures;
    // A refusal that is not about the network (a bad request) is tried again slowly.
    const int failures = transient ? m_failures : qMax(m_failures, 30);
    const qint64 delay = backoffMs(failures, m_options, m_random.generateDouble(), minimumMs);
    m_status.nextAttempt = now.addMSecs(delay);
    qCInfo(lcSync) << "relay sync failed" << m_failures << "time(s) in a row; next try in" << delay << "ms";
    publish();
    m_retryTimer.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
}

void RelaySyncService::syncUntilCaughtUp(OnceCallback done)
{
    if (m_running || m_once) {
        done(fail(ErrorCode::Conflict, tr("The relay is already being synchronised.")));
        return;
    }
    if (const Status loaded = loadLink(); !loaded) {
        done(std::unexpected(loaded.error()));
        return;
    }
    m_once = std::move(done);
    m_onceReport = RelayApplyReport{};
    m_onceReport.cursor = m_status.cursor;
    pollOnce();
}

void RelaySyncService::pollOnce()
{
    if (!m_voucherKeySettled) {
        withVoucherKey([this] { pollOnce(); },
                       [this](const RelayError &error) {
                           m_status.connected = false;
                           m_status.lastError = error.message;
                           m_status.needsEnrolment = error.kind == RelayError::Kind::Unauthorized;
                           publish();
                           finishOnce(std::unexpected(error.toError()));
                       });
        return;
    }
    m_client.fetchEvents(m_status.cursor, 0, m_options.batchLimit, [this](RelayResult<RelayEventBatch> batch) {
        if (!batch) {
            const RelayError &error = batch.error();
            m_status.connected = false;
            m_status.lastError = error.message;
            m_status.needsEnrolment = error.kind == RelayError::Kind::Unauthorized;
            publish();
            finishOnce(std::unexpected(error.toError()));
            return;
        }
        const Result<RelayApplyReport> applied = m_applier.apply(m_org, batch->events, batch->next);
        if (!applied) {
            finishOnce(std::unexpected(applied.error()));
            return;
        }
        m_onceReport += *applied;
        m_status.connected = true;
        m_status.lastError.clear();
        m_status.offlineSince = {};
        m_status.cursor = qMax(m_status.cursor, applied->cursor);
        m_status.lastSync = m_clock.nowUtc();
        publish();
        if (applied->applied() > 0)
            Q_EMIT eventsApplied(*applied);
        if (batch->more && !batch->events.isEmpty())
            pollOnce();
        else
            finishOnce(m_onceReport);
    });
}

void RelaySyncService::finishOnce(Result<RelayApplyReport> result)
{
    OnceCallback done = std::exchange(m_once, {});
    if (done)
        done(std::move(result));
}

} // namespace kengele
