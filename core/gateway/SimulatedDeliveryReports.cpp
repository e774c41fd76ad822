// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SimulatedDeliveryReports.h"

#include "common/Log.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <algorithm>

namespace kengele {

namespace {

QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

} // namespace

SimulatedDeliveryReports::SimulatedDeliveryReports(QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    m_elapsed.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedDeliveryReports::emitDue);
}

SimulatedDeliveryReports::~SimulatedDeliveryReports() = default;

void SimulatedDeliveryReports::setCallback(const QUrl &url, bool onlyThroughCallback, int retryForMs)
{
    QMutexLocker lock(&m_mutex);
    m_callbackUrl = url;
    m_onlyThroughCallback = onlyThroughCallback;
    m_callbackRetryForMs = retryForMs;
}

void SimulatedDeliveryReports::add(DeliveryReport report, qint64 delayMs)
{
    QMutexLocker lock(&m_mutex);
    m_reports.push({m_elapsed.elapsed() + delayMs, ++m_sequence, std::move(report)});
}

int SimulatedDeliveryReports::pending() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_reports.size());
}

SimulatedDeliveryReports::Counters SimulatedDeliveryReports::counters() const
{
    QMutexLocker lock(&m_mutex);
    return m_counters;
}

void SimulatedDeliveryReports::resetCounters()
{
    QMutexLocker lock(&m_mutex);
    m_counters = {};
}

void SimulatedDeliveryReports::schedule()
{
    qint64 earliest = -1;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_reports.empty())
            earliest = m_reports.top().dueMs;
    }
    if (earliest < 0) {
        m_timer.stop();
        m_timerDueMs = -1;
        return;
    }
    if (m_timer.isActive() && m_timerDueMs <= earliest)
        return;
    m_timerDueMs = earliest;
    m_timer.start(int(std::clamp<qint64>(earliest - m_elapsed.elapsed(), 0, qint64(24) * 3600 * 1000)));
}

void SimulatedDeliveryReports::emitDue()
{
    QList<DeliveryReport> due;
    QUrl callbackUrl;
    bool onlyCallback = false;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 now = m_elapsed.elapsed();
        while (!m_reports.empty() && m_reports.top().dueMs <= now) {
            due.append(m_reports.top().report);
            m_reports.pop();
        }
        m_counters.produced += int(due.size());
        callbackUrl = m_callbackUrl;
        onlyCallback = m_onlyThroughCallback && callbackUrl.isValid() && !callbackUrl.isEmpty();
    }
    m_timerDueMs = -1;
    const QDateTime receivedAt = QDateTime::currentDateTimeUtc();
    QPointer<SimulatedDeliveryReports> alive(this);
    for (DeliveryReport &report : due) {
        report.receivedAt = receivedAt;
        if (callbackUrl.isValid() && !callbackUrl.isEmpty())
            postToCallback(report, callbackUrl);
        if (onlyCallback)
            continue;
        Q_EMIT deliveryReport(report);
        if (!alive)
            return;
    }
    schedule();
}

void SimulatedDeliveryReports::postToCallback(const DeliveryReport &report, const QUrl &url, int attempt, qint64 firstTriedMs)
{
    if (firstTriedMs < 0)
        firstTriedMs = m_elapsed.elapsed();
    if (!m_callbackNetwork) {
        m_callbackNetwork = new QNetworkAccessManager(this);
        // A hook that redirects is a wrong hook address: the report goes nowhere else (below).
        m_callbackNetwork->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    QByteArray body = formField("id", report.messageId) + '&' + formField("status", report.status) + '&'
        + formField("phoneNumber", report.phoneNumber) + '&' + formField("networkCode", report.networkCode);
    if (!report.failureReason.isEmpty())
        body += '&' + formField("failureReason", report.failureReason);
    QNetworkRequest request(url);
    request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_callbackNetwork->post(request, body);
    // Only the status matters: whatever the hook sends back is dropped as it comes, not kept.
    connect(reply, &QNetworkReply::readyRead, this, [reply] { reply->skip(reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, report, url, attempt, firstTriedMs] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300)
            return;
        if (status >= 300 && status < 400) {
            // Not followed, not tried again: the report would go to an address nobody set (the
            // hook's URL is secret, so it is not logged).
            qCWarning(lcGateway) << "the delivery report hook answered with a redirect (HTTP" << status
                                 << "); Kengele does not follow it. Check the report address (gateway set --report-url).";
            QMutexLocker lock(&m_mutex);
            ++m_counters.callbacksAbandoned;
            return;
        }
        // Not acknowledged (the relay is down or busy): try again, 1 s doubling to 1 min.
        int retryForMs = 0;
        {
            QMutexLocker lock(&m_mutex);
            // NOLINTNEXTLINE(clang-analyzer-core.NullDereference): `this` outlives the reply (it owns the network manager)
            retryForMs = m_callbackRetryForMs;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            QMutexLocker lock(&m_mutex);
            ++m_counters.callbacksAbandoned; // refused for good (a wrong hook address)
            return;
        }
        const int delayMs = int(std::min<qint64>(60000, 1000LL << std::min(attempt, 6)));
        if (m_elapsed.elapsed() + delayMs - firstTriedMs > retryForMs) {
            QMutexLocker lock(&m_mutex);
            ++m_counters.callbacksAbandoned;
            return;
        }
        {
            QMutexLocker lock(&m_mutex);
            ++m_counters.callbackRetries;
        }
        QTimer::singleShot(delayMs, this, [this, report, url, attempt, firstTriedMs] {
            postToCallback(report, url, attempt + 1, firstTriedMs);
        });
    });
}

} // namespace kengele
