// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ForegroundDispatch.h"

#include "CliContext.h"
#include "campaigns/CampaignService.h"
#include "campaigns/Dispatcher.h"
#include "campaigns/GatewaySetup.h"
#include "campaigns/OutboxStore.h"
#include "common/Clock.h"
#include "common/EventLoopWait.h"
#include "profile/Profile.h"
#include "settings/Settings.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTimer>

namespace kengele {

ForegroundDispatch::ForegroundDispatch(CliContext &cli)
    : m_cli(cli)
{ }

int ForegroundDispatch::run(double rate, bool rateGiven)
{
    Settings &settings = m_cli.profile().settings();
    // The keychain is asked only when Africa's Talking may be used.
    const QString key
        = settings.gatewayProvider() == GatewayKind::AfricasTalking ? GatewaySetup::apiKey(m_cli.secrets()) : QString();
    Dispatcher::Options options = GatewaySetup::options(settings);
    if (rateGiven)
        options.ratePerSecond = rate;
    if (const std::optional<RetryPolicy> &retry = m_cli.retryPolicy())
        options.retry = *retry;
    OutboxStore &store = m_cli.profile().outbox();
    Dispatcher dispatcher(store, GatewaySetup::factory(settings, key), m_cli.clock(), options);
    EventLoopWait wait;
    QString failure;
    QObject::connect(&dispatcher, &Dispatcher::failed, &dispatcher, [&](const QString &message) {
        failure = message;
        wait.quit();
    });
    QObject::connect(&dispatcher, &Dispatcher::campaignPaused, &dispatcher, [this](qint64 id, const QString &reason) {
        m_cli.err() << tr("Campaign %1 paused: %2").arg(id).arg(reason) << Qt::endl;
    });
    // No connection: the messages stay queued (nothing was sent); a later `campaign run` sends them.
    QObject::connect(&dispatcher, &Dispatcher::gatewayOffline, &dispatcher, [&](const QString &reason, qint64) {
        m_cli.err() << reason << Qt::endl
                    << tr("The messages wait in the queue. Run “kengele-cli campaign run” when the connection is back.")
                    << Qt::endl;
        wait.quit();
    });
    // Nothing is due now: messages the gateway did not take may still wait for another try. Wait
    // for them (the dispatcher wakes itself when they are due) unless that is too far away.
    bool retriesPending = false;
    QElapsedTimer waitingForReports;
    QString shownProgress;
    QObject::connect(&dispatcher, &Dispatcher::idle, &dispatcher, [&] {
        const Result<Retries> retries = waitingForRetry(store, options.quietHours, options.respectQuietHours);
        if (!retries) {
            failure = retries.error().message;
            wait.quit();
            return;
        }
        retriesPending = retries->messages > 0;
        if (!retriesPending)
            return;
        waitingForReports.invalidate();
        const QDateTime now = m_cli.clock().nowUtc().toLocalTime();
        const bool soon = retries->next.isValid() && now.msecsTo(retries->next) <= options.retry.maxDelayMs;
        if (!soon) {
            m_cli.err() << tr("%n message(s) still wait for another try, the next at %1. Run “kengele-cli campaign run” then "
                              "to send them.",
                              nullptr, retries->messages)
                               .arg(CliContext::localTime(retries->next.isValid() ? retries->next : now))
                        << Qt::endl;
            wait.quit();
            return;
        }
        const QString progress = tr("%n message(s) wait for another try: the gateway did not take them. The next try is at %1.",
                                    nullptr, retries->messages)
                                     .arg(retries->next.toString(QStringLiteral("HH:mm:ss")));
        if (progress != shownProgress) {
            m_cli.err() << progress << Qt::endl;
            shownProgress = progress;
        }
    });
    // When nothing is due and nothing waits for a retry: a short wait for the simulator's delivery reports.
    QTimer check;
    check.setInterval(100);
    QObject::connect(&check, &QTimer::timeout, &check, [&] {
        if (!dispatcher.isIdle() || retriesPending)
            return;
        if (!waitingForReports.isValid())
            waitingForReports.start();
        if (dispatcher.pendingDeliveryReports() == 0 || waitingForReports.elapsed() > 5000) {
            dispatcher.flushNow();
            wait.quit();
        }
    });
    check.start();
    dispatcher.start();
    wait.run(EventLoopWait::NoTimeout);
    dispatcher.stop();
    if (!failure.isEmpty())
        return m_cli.failed({ErrorCode::Storage, failure});
    return CliContext::Done;
}

Result<ForegroundDispatch::Retries> ForegroundDispatch::waitingForRetry(OutboxStore &store, const QuietHours &quiet,
                                                                        bool respectQuietHours)
{
    CampaignService &campaigns = m_cli.profile().campaigns();
    const auto list = campaigns.list();
    if (!list)
        return std::unexpected(list.error());
    Retries retries;
    for (const Campaign &campaign : *list) {
        // A paused campaign waits for a person, a scheduled one for its time: neither is a retry.
        const bool goingOut = campaign.status == CampaignStatus::Queued || campaign.status == CampaignStatus::Sending;
        if (!goingOut)
            continue;
        const auto queued = campaigns.recipients(campaign.id, MessageState::Queued, 0, std::numeric_limits<int>::max());
        if (!queued)
            return std::unexpected(queued.error());
        for (const OutboxRow &row : *queued)
            retries.messages += row.attempts > 0 ? 1 : 0;
    }
    if (retries.messages == 0)
        return retries;
    // When the dispatcher will send again: the next due message, or the end of the quiet hours.
    const QDateTime now = m_cli.clock().nowUtc().toLocalTime();
    const bool quietNow = respectQuietHours && quiet.isQuiet(now);
    const Result<qint64> next = store.nextDue(quietNow);
    if (!next)
        return std::unexpected(next.error());
    if (*next > 0)
        retries.next = QDateTime::fromMSecsSinceEpoch(*next, Qt::UTC).toLocalTime();
    if (quietNow) {
        const QDateTime quietEnd = quiet.nextAllowed(now);
        if (!retries.next.isValid() || quietEnd < retries.next)
            retries.next = quietEnd;
    }
    return retries;
}

} // namespace kengele
