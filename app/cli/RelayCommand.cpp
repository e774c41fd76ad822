// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayCommand.h"

#include "SyncCommands.h"
#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "common/Clock.h"
#include "common/EventLoopWait.h"
#include "profile/Profile.h"
#include "security/Access.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "sync/AuditAnchor.h"
#include "sync/JoinChoice.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelayLinkStore.h"
#include "sync/RelaySyncService.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSysInfo>

#include <memory>
#include <optional>

namespace kengele {

int RelayCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("connect"))
        return connectDevice(words.mid(1));
    if (sub == QStringLiteral("sync") && words.size() == 1)
        return sync();
    if (sub == QStringLiteral("status") && words.size() == 1)
        return status();
    return m_cli.usage(tr("Use one of: relay connect URL --code CODE, relay sync [--once], relay status."));
}

int RelayCommand::connectDevice(const QStringList &words)
{
    if (!m_cli.allowOnly(
            {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("merge"), QStringLiteral("start-from-church-data")}))
        return BadUsage;
    if (words.size() != 1)
        return m_cli.usage(
            tr("Give the relay's address and the enrolment code: relay connect https://relay.example.org --code KGL-…"));
    if (!m_cli.args().has(QStringLiteral("code")) || m_cli.args().value(QStringLiteral("code")).trimmed().isEmpty())
        return m_cli.usage(tr("Give the enrolment code your administrator gave you: --code KGL-…"));
    if (const RelayResult<QUrl> url = RelayClient::parseUrl(words.first()); !url)
        return m_cli.failed(url.error().toError());
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status allowed = m_cli.profile().access().check(Permission::Administer); !allowed)
        return m_cli.failed(allowed.error());
    QString setAside; // the backup of this computer's own data, when it starts from the church's
    if (const int chosen = chooseForOwnData(&setAside); chosen != Done)
        return chosen;
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // RelayClient refuses them too
    RelayClient client(network);
    RelayConnector connector(m_cli.profile().settings(), m_cli.secrets(), m_cli.profile().relayLinks(), client);
    const QString name
        = m_cli.args().has(QStringLiteral("name")) ? m_cli.args().value(QStringLiteral("name")) : QSysInfo::machineHostName();
    const Result<RelayEnrolment> enrolled = EventLoopWait::forAnswer<Result<RelayEnrolment>>(
        [&](auto done) { connector.connectDevice(words.first(), m_cli.args().value(QStringLiteral("code")), name, done); });
    if (!enrolled)
        return m_cli.failed(enrolled.error());
    if (Status recorded = m_cli.profile().access().record(
            {QStringLiteral("relay.connect"), QStringLiteral("device:%1").arg(enrolled->device), QString()});
        !recorded)
        return m_cli.failed(recorded.error());
    const QString url = m_cli.profile().settings().relayUrl();
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{{QStringLiteral("url"), url},
                                    {QStringLiteral("org"), enrolled->org},
                                    {QStringLiteral("org_name"), enrolled->orgName},
                                    {QStringLiteral("device"), enrolled->device},
                                    {QStringLiteral("connected"), true},
                                    {QStringLiteral("backup"), setAside.isEmpty() ? QJsonValue() : QJsonValue(setAside)}});
    } else {
        if (!setAside.isEmpty())
            m_cli.out() << tr("This computer's own data is kept in the backup %1. Once another computer lets this one "
                              "in, it is replaced by the church's data.")
                               .arg(QDir::toNativeSeparators(setAside))
                        << Qt::endl;
        m_cli.out()
            << tr("This computer is now connected to the relay of “%1” (%2). Run “kengele-cli relay sync” to fetch delivery "
                  "reports and incoming SMS.")
                   .arg(enrolled->orgName.isEmpty() ? enrolled->org : enrolled->orgName, url)
            << Qt::endl;
    }
    return Done;
}

// A computer that already holds contacts, groups or templates of its own may say now what happens
// to them when it is let in (issue 16): --merge, or --start-from-church-data (a backup first).
// Without either, it is asked when another computer lets it in (`sync own-data`).
int RelayCommand::chooseForOwnData(QString *backupFile)
{
    const bool merge = m_cli.args().has(QStringLiteral("merge"));
    const bool replace = m_cli.args().has(QStringLiteral("start-from-church-data"));
    if (merge && replace)
        return m_cli.usage(tr("Choose one: --merge or --start-from-church-data."));
    if (!merge && !replace)
        return Done;
    return SyncCommand::chooseForOwnData(m_cli, merge ? JoinChoice::Merge : JoinChoice::StartFromChurch, backupFile);
}

int RelayCommand::sync()
{
    if (!m_cli.allowOnly({QStringLiteral("once")}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // RelayClient refuses them too
    RelayClient client(network);
    if (Status ready = m_cli.prepareRelayClient(client); !ready)
        return m_cli.failed(ready.error());
    RelaySyncService sync(m_cli.profile().database(), m_cli.profile().contacts(), m_cli.profile().tokens(), client,
                          m_cli.clock());
    // The audit trail's head goes to the relay once a day, after a sync that reached it.
    AuditAnchor anchor(m_cli.profile().audit(), m_cli.profile().settings(), client, m_cli.clock());
    // The congregation's shared data, between its computers (docs/architecture.md).
    SyncEngine changes(m_cli.profile().database(), m_cli.secrets(), client, m_cli.clock());
    // Staff accounts are shared: whoever signed in with --user follows a role change or disabling
    // made on another computer at once.
    QObject::connect(&changes, &SyncEngine::changesApplied, &m_cli.profile().staff(), &StaffAccounts::refresh);

    if (m_cli.args().has(QStringLiteral("once"))) {
        const Result<RelayApplyReport> report
            = EventLoopWait::forAnswer<Result<RelayApplyReport>>([&](auto done) { sync.syncUntilCaughtUp(done); });
        // The shared data after the feed; a computer waiting for approval may not read the feed (403,
        // Forbidden) and goes on with its join. Any other failure of the feed ends here.
        if (!report && report.error().code != ErrorCode::Forbidden)
            return m_cli.failed(report.error());
        const Status shared = EventLoopWait::forAnswer<Status>([&](auto done) { changes.syncOnce(done); });
        if (!shared && !changes.ownDataWaitingForChoice().isEmpty())
            return m_cli.failed(shared.error()); // let in: what happens to its own data must be chosen first
        if (changes.isWaitingForApproval()) {
            // DESIGN §8: a computer not yet let in says so, with its safety code once it can be computed.
            QJsonObject waiting{{QStringLiteral("waiting_for_approval"), true}, {QStringLiteral("device"), changes.deviceId()}};
            if (!changes.safetyCode().isEmpty())
                waiting.insert(QStringLiteral("safety_code"), changes.safetyCode());
            if (m_cli.json()) {
                m_cli.printJson(waiting);
            } else {
                m_cli.out() << tr("This computer is waiting for another computer of the congregation to let it in (its id: %1).")
                                   .arg(changes.deviceId())
                            << Qt::endl;
                if (!changes.safetyCode().isEmpty())
                    m_cli.out() << tr("Safety code: %1 — the other computer must show the same.").arg(changes.safetyCode())
                                << Qt::endl;
            }
            if (!shared)
                m_cli.err() << shared.error().message << Qt::endl;
            return Done;
        }
        if (!report)
            return m_cli.failed(report.error());
        if (!shared)
            m_cli.err() << tr("Changes were not shared with the other computers: %1").arg(shared.error().message) << Qt::endl;
        if (anchor.isDue()) {
            const Result<RelayAnchor> sent
                = EventLoopWait::forAnswer<Result<RelayAnchor>>([&](auto done) { anchor.sendNow(done); });
            if (!sent)
                m_cli.err() << tr("The audit trail's head was not sent to the relay: %1").arg(sent.error().message) << Qt::endl;
        }
        qint64 tokens = 0;
        for (const CreditedVoucher &credited : report->credited)
            tokens += credited.tokens;
        if (m_cli.json()) {
            m_cli.printJson(QJsonObject{{QStringLiteral("applied"), report->applied()},
                                        {QStringLiteral("cursor"), report->cursor},
                                        {QStringLiteral("delivery_reports"), report->deliveryReports},
                                        {QStringLiteral("inbox"), report->inbox},
                                        {QStringLiteral("opt_outs"), report->optOuts},
                                        {QStringLiteral("prayer_requests"), report->prayers},
                                        {QStringLiteral("kept"), report->kept},
                                        {QStringLiteral("duplicates"), report->duplicates},
                                        {QStringLiteral("purchases"), report->purchases},
                                        {QStringLiteral("vouchers_credited"), int(report->credited.size())},
                                        {QStringLiteral("tokens_credited"), tokens},
                                        {QStringLiteral("vouchers_refused"), report->vouchersRefused},
                                        {QStringLiteral("sync"), changes.status() ? changes.status()->toJson() : QJsonObject()}});
        } else {
            m_cli.out() << tr("Up to date: %n new event(s) saved", nullptr, report->applied()) << u' '
                        << tr("(%1 delivery reports, %2 messages, %3 opt-outs, %4 prayer requests).")
                               .arg(report->deliveryReports)
                               .arg(report->inbox)
                               .arg(report->optOuts)
                               .arg(report->prayers)
                        << Qt::endl;
            // What a person waiting for bought tokens looks for.
            if (tokens > 0)
                m_cli.out() << tr("Tokens added: %1.").arg(QLocale().toString(tokens)) << Qt::endl;
            if (report->vouchersRefused > 0)
                m_cli.out() << tr("Vouchers refused, their tokens not added: %1. Tell whoever runs your relay.")
                                   .arg(report->vouchersRefused)
                            << Qt::endl;
        }
        return Done;
    }

    // Until stopped (Ctrl+C): everything saved is committed with its cursor, so stopping at any
    // moment loses nothing.
    EventLoopWait wait;
    int code = Done;
    QObject::connect(&sync, &RelaySyncService::statusChanged, &sync, [&](const RelaySyncStatus &status) {
        if (status.needsEnrolment) {
            m_cli.err() << status.lastError << Qt::endl;
            code = Failed;
            wait.quit();
        } else if (!status.connected && !status.lastError.isEmpty()) {
            m_cli.err()
                << status.lastError << u' '
                << tr("Next try at %1.").arg(QLocale().toString(status.nextAttempt.toLocalTime().time(), QLocale::ShortFormat))
                << Qt::endl;
        }
    });
    QObject::connect(&sync, &RelaySyncService::eventsApplied, &sync, [&](const RelayApplyReport &report) {
        m_cli.err() << tr("%n new event(s) saved.", nullptr, report.applied()) << Qt::endl;
    });
    anchor.follow(sync);
    QObject::connect(&changes, &SyncEngine::waitingForApproval, &changes, [&](const QString &code) {
        m_cli.out() << tr("This computer is waiting for another computer of the congregation to let it in (its id: %1).")
                           .arg(changes.deviceId())
                    << Qt::endl
                    << tr("Safety code: %1 — the other computer must show the same.").arg(code) << Qt::endl;
    });
    QString askedAbout;
    QObject::connect(&changes, &SyncEngine::ownDataChoiceNeeded, &changes, [&](const QString &ownData) {
        if (ownData == askedAbout)
            return;
        askedAbout = ownData;
        m_cli.out() << tr("This computer was let in, and it holds %1 of its own. Choose what happens to them: "
                          "“kengele-cli sync own-data merge” or “kengele-cli sync own-data start-from-church-data”.")
                           .arg(ownData)
                    << Qt::endl;
    });
    QObject::connect(&changes, &SyncEngine::joined, &changes,
                     [&] { m_cli.out() << tr("This computer was let in: it now shares the congregation's data.") << Qt::endl; });
    changes.start();
    sync.start();
    if (!sync.isRunning())
        return m_cli.failed({ErrorCode::NotFound, sync.status().lastError});
    m_cli.err() << tr("Syncing with %1. Press Ctrl+C to stop.").arg(client.baseUrl().toString()) << Qt::endl;
    wait.run(EventLoopWait::NoTimeout);
    return code;
}

int RelayCommand::status()
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const QString url = m_cli.profile().settings().relayUrl();
    const Result<RelayLink> link = m_cli.profile().relayLinks().load();
    if (!link)
        return m_cli.failed(link.error());
    bool connected = false;
    QString problem;
    if (url.isEmpty() || !link->isEnrolled()) {
        problem = tr("Not connected to a relay. Connect with “kengele-cli relay connect URL --code CODE”.");
    } else {
        const QString token = RelayConnector::token(m_cli.secrets());
        if (token.isEmpty()) {
            problem = tr("This computer's relay key is missing from the system's password store. Connect it again with a new "
                         "enrolment code.");
        } else {
            // Ask the feed for one event without waiting: it proves the address, the network and the key.
            QNetworkAccessManager network;
            network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // RelayClient refuses them too
            RelayClient client(network);
            client.setBaseUrl(QUrl(url));
            client.setToken(token);
            const RelayResult<RelayEventBatch> probe = EventLoopWait::forAnswer<RelayResult<RelayEventBatch>>(
                [&](auto done) { client.fetchEvents(link->cursor, 0, 1, done); });
            connected = probe.has_value();
            if (!probe)
                problem = probe.error().message;
        }
    }
    if (m_cli.json()) {
        QJsonObject object{{QStringLiteral("url"), url.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(url)},
                           {QStringLiteral("connected"), connected},
                           {QStringLiteral("cursor"), link->cursor},
                           {QStringLiteral("last_sync"), CliContext::timeOrNull(link->lastSync)}};
        if (link->isEnrolled()) {
            object.insert(QStringLiteral("org"), link->org);
            object.insert(QStringLiteral("org_name"), link->orgName);
        }
        if (!problem.isEmpty())
            object.insert(QStringLiteral("error"), problem);
        m_cli.printJson(object);
        return Done;
    }
    if (!url.isEmpty())
        m_cli.out() << tr("Relay: %1 (%2)").arg(url, link->orgName.isEmpty() ? link->org : link->orgName) << Qt::endl;
    m_cli.out() << (connected ? tr("Connected.") : problem) << Qt::endl;
    m_cli.out() << (link->lastSync.isValid()
                        ? tr("Last sync: %1 (up to event %2).").arg(CliContext::localTime(link->lastSync)).arg(link->cursor)
                        : tr("Never synchronised."))
                << Qt::endl;
    return Done;
}

} // namespace kengele
