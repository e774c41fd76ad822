// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ForegroundDispatch.h"

#include "CliContext.h"
#include "campaigns/Dispatcher.h"
#include "campaigns/GatewaySetup.h"
#include "campaigns/OutboxStore.h"
#include "common/EventLoopWait.h"
#include "profile/Profile.h"
#include "profile/Settings.h"

#include <QElapsedTimer>
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
        = settings.gatewayProvider() == QStringLiteral("africastalking") ? GatewaySetup::apiKey(m_cli.secrets()) : QString();
    Dispatcher::Options options = GatewaySetup::options(settings);
    if (rateGiven)
        options.ratePerSecond = rate;
    OutboxStore store(m_cli.profile().database(), m_cli.profile().tokens(), m_cli.clock());
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
    // Runs until nothing is due now; then waits briefly for the simulator's delivery reports.
    QElapsedTimer waitingForReports;
    QTimer check;
    check.setInterval(100);
    QObject::connect(&check, &QTimer::timeout, &check, [&] {
        if (!dispatcher.isIdle())
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

} // namespace kengele
