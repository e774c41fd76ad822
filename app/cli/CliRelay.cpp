// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliRunner.h"
#include "common/Clock.h"
#include "inbox/InboxService.h"
#include "profile/Profile.h"
#include "security/KeychainSecretStore.h"
#include "settings/Settings.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelayLinkStore.h"
#include "sync/RelaySyncService.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSysInfo>

#include <memory>
#include <optional>

// kengele-cli relay connect | sync | status, inbox list (docs/cli.md, docs/relay.md).
namespace kengele {

namespace {

// The secret store the CLI was given (tests), else this profile's OS keychain, kept in `owned`.
SecretStore &secretStoreFor(SecretStore *given, Profile &profile, std::unique_ptr<KeychainSecretStore> &owned)
{
    if (given)
        return *given;
    owned = std::make_unique<KeychainSecretStore>(QStringLiteral(KENGELE_APP_ID), profile.settings().profileId());
    return *owned;
}

// Runs an event loop until an asynchronous call answers.
template<typename T, typename Start> T await(Start &&start)
{
    std::optional<T> value;
    QEventLoop loop;
    start([&](T result) {
        value = std::move(result);
        loop.quit();
    });
    if (!value)
        loop.exec();
    return std::move(*value);
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QString localTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

int CliRunner::relay(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("connect"))
        return relayConnect(words.mid(1));
    if (sub == QStringLiteral("sync") && words.size() == 1)
        return relaySync();
    if (sub == QStringLiteral("status") && words.size() == 1)
        return relayStatus();
    return usage(tr("Use one of: relay connect URL --code CODE, relay sync [--once], relay status."));
}

int CliRunner::relayConnect(const QStringList &words)
{
    if (!allowOnly({QStringLiteral("code"), QStringLiteral("name")}))
        return BadUsage;
    if (words.size() != 1)
        return usage(tr("Give the relay's address and the enrolment code: relay connect https://relay.example.org --code KGL-…"));
    if (!m_args.has(QStringLiteral("code")) || m_args.value(QStringLiteral("code")).trimmed().isEmpty())
        return usage(tr("Give the enrolment code your administrator gave you: --code KGL-…"));
    if (const RelayResult<QUrl> url = RelayClient::parseUrl(words.first()); !url)
        return failed(url.error().toError());
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    std::unique_ptr<KeychainSecretStore> keychain;
    SecretStore *secrets = &secretStoreFor(m_secrets, *m_profile, keychain);
    QNetworkAccessManager network;
    RelayClient client(network);
    RelayConnector connector(m_profile->settings(), *secrets, m_profile->database(), client, m_clock);
    const QString name = m_args.has(QStringLiteral("name")) ? m_args.value(QStringLiteral("name")) : QSysInfo::machineHostName();
    const Result<RelayEnrolment> enrolled = await<Result<RelayEnrolment>>(
        [&](auto done) { connector.connectDevice(words.first(), m_args.value(QStringLiteral("code")), name, done); });
    if (!enrolled)
        return failed(enrolled.error());
    const QString url = m_profile->settings().relayUrl();
    if (m_json) {
        printJson(QJsonObject{{QStringLiteral("url"), url},
                              {QStringLiteral("org"), enrolled->org},
                              {QStringLiteral("org_name"), enrolled->orgName},
                              {QStringLiteral("device"), enrolled->device},
                              {QStringLiteral("connected"), true}});
    } else {
        m_out << tr("This computer is now connected to the relay of “%1” (%2). Run “kengele-cli relay sync” to fetch delivery "
                    "reports and incoming SMS.")
                     .arg(enrolled->orgName.isEmpty() ? enrolled->org : enrolled->orgName, url)
              << Qt::endl;
    }
    return Done;
}

int CliRunner::relaySync()
{
    if (!allowOnly({QStringLiteral("once")}))
        return BadUsage;
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    const QString url = m_profile->settings().relayUrl();
    if (url.isEmpty())
        return failed({ErrorCode::NotFound,
                       tr("This data folder is not connected to a relay yet. Connect it first with "
                          "“kengele-cli relay connect URL --code CODE”.")});
    std::unique_ptr<KeychainSecretStore> keychain;
    SecretStore *secrets = &secretStoreFor(m_secrets, *m_profile, keychain);
    const QString token = RelayConnector::token(*secrets);
    if (token.isEmpty())
        return failed({ErrorCode::Keychain,
                       tr("This computer's relay key is missing from the system's password store. Connect it "
                          "again with a new enrolment code (or set KENGELE_RELAY_TOKEN).")});
    QNetworkAccessManager network;
    RelayClient client(network);
    client.setBaseUrl(QUrl(url));
    client.setToken(token);
    RelaySyncService sync(m_profile->database(), m_profile->contacts(), m_profile->tokens(), client, m_clock);

    if (m_args.has(QStringLiteral("once"))) {
        const Result<RelayApplyReport> report = await<Result<RelayApplyReport>>([&](auto done) { sync.syncUntilCaughtUp(done); });
        if (!report)
            return failed(report.error());
        if (m_json) {
            printJson(QJsonObject{{QStringLiteral("applied"), report->applied()},
                                  {QStringLiteral("cursor"), report->cursor},
                                  {QStringLiteral("delivery_reports"), report->deliveryReports},
                                  {QStringLiteral("inbox"), report->inbox},
                                  {QStringLiteral("opt_outs"), report->optOuts},
                                  {QStringLiteral("prayer_requests"), report->prayers},
                                  {QStringLiteral("kept"), report->kept},
                                  {QStringLiteral("duplicates"), report->duplicates}});
        } else {
            m_out << tr("Up to date: %n new event(s) saved", nullptr, report->applied()) << u' '
                  << tr("(%1 delivery reports, %2 messages, %3 opt-outs, %4 prayer requests).")
                         .arg(report->deliveryReports)
                         .arg(report->inbox)
                         .arg(report->optOuts)
                         .arg(report->prayers)
                  << Qt::endl;
        }
        return Done;
    }

    // Until stopped (Ctrl+C): everything saved is committed with its cursor, so stopping at any
    // moment loses nothing.
    QEventLoop loop;
    int code = Done;
    QObject::connect(&sync, &RelaySyncService::statusChanged, &loop, [&](const RelaySyncStatus &status) {
        if (status.needsEnrolment) {
            m_err << status.lastError << Qt::endl;
            code = Failed;
            loop.quit();
        } else if (!status.connected && !status.lastError.isEmpty()) {
            m_err << status.lastError << u' '
                  << tr("Next try at %1.").arg(QLocale().toString(status.nextAttempt.toLocalTime().time(), QLocale::ShortFormat))
                  << Qt::endl;
        }
    });
    QObject::connect(&sync, &RelaySyncService::eventsApplied, &loop, [&](const RelayApplyReport &report) {
        m_err << tr("%n new event(s) saved.", nullptr, report.applied()) << Qt::endl;
    });
    sync.start();
    if (!sync.isRunning())
        return failed({ErrorCode::NotFound, sync.status().lastError});
    m_err << tr("Syncing with %1. Press Ctrl+C to stop.").arg(url) << Qt::endl;
    loop.exec();
    return code;
}

int CliRunner::relayStatus()
{
    if (!allowOnly({}))
        return BadUsage;
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    const QString url = m_profile->settings().relayUrl();
    RelayLinkStore links(m_profile->database(), m_clock);
    const Result<RelayLink> link = links.load();
    if (!link)
        return failed(link.error());
    bool connected = false;
    QString problem;
    if (url.isEmpty() || !link->isEnrolled()) {
        problem = tr("Not connected to a relay. Connect with “kengele-cli relay connect URL --code CODE”.");
    } else {
        std::unique_ptr<KeychainSecretStore> keychain;
        SecretStore *secrets = &secretStoreFor(m_secrets, *m_profile, keychain);
        const QString token = RelayConnector::token(*secrets);
        if (token.isEmpty()) {
            problem = tr("This computer's relay key is missing from the system's password store. Connect it again with a new "
                         "enrolment code.");
        } else {
            // Ask the feed for one event without waiting: it proves the address, the network and the key.
            QNetworkAccessManager network;
            RelayClient client(network);
            client.setBaseUrl(QUrl(url));
            client.setToken(token);
            const RelayResult<RelayEventBatch> probe
                = await<RelayResult<RelayEventBatch>>([&](auto done) { client.fetchEvents(link->cursor, 0, 1, done); });
            connected = probe.has_value();
            if (!probe)
                problem = probe.error().message;
        }
    }
    if (m_json) {
        QJsonObject object{{QStringLiteral("url"), url.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(url)},
                           {QStringLiteral("connected"), connected},
                           {QStringLiteral("cursor"), link->cursor},
                           {QStringLiteral("last_sync"), timeOrNull(link->lastSync)}};
        if (link->isEnrolled()) {
            object.insert(QStringLiteral("org"), link->org);
            object.insert(QStringLiteral("org_name"), link->orgName);
        }
        if (!problem.isEmpty())
            object.insert(QStringLiteral("error"), problem);
        printJson(object);
        return Done;
    }
    if (!url.isEmpty())
        m_out << tr("Relay: %1 (%2)").arg(url, link->orgName.isEmpty() ? link->org : link->orgName) << Qt::endl;
    m_out << (connected ? tr("Connected.") : problem) << Qt::endl;
    m_out << (link->lastSync.isValid() ? tr("Last sync: %1 (up to event %2).").arg(localTime(link->lastSync)).arg(link->cursor)
                                       : tr("Never synchronised."))
          << Qt::endl;
    return Done;
}

int CliRunner::inbox(const QStringList &words)
{
    if (words != QStringList{QStringLiteral("list")})
        return usage(tr("Use: inbox list [--unread] [--search TEXT]"));
    if (!allowOnly({QStringLiteral("unread"), QStringLiteral("search")}))
        return BadUsage;
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    InboxQuery query;
    query.unreadOnly = m_args.has(QStringLiteral("unread"));
    query.search = m_args.value(QStringLiteral("search"));
    const auto messages = m_profile->inbox().list(query, 0, std::numeric_limits<int>::max());
    if (!messages)
        return failed(messages.error());
    if (m_json) {
        QJsonArray array;
        for (const InboxMessage &m : *messages) {
            array.append(QJsonObject{
                {QStringLiteral("id"), m.id},
                {QStringLiteral("from"), m.phone},
                {QStringLiteral("text"), m.text},
                {QStringLiteral("received"), timeOrNull(m.received)},
                {QStringLiteral("contact"), m.contactId > 0 ? QJsonValue(m.contactName) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("handled_as"), m.handledAs},
                {QStringLiteral("read"), m.isRead()}});
        }
        printJson(array);
        return Done;
    }
    for (const InboxMessage &m : *messages) {
        QString note;
        if (m.handledAs == QStringLiteral("optout"))
            note = tr("  [opted out]");
        else if (m.handledAs == QStringLiteral("prayer"))
            note = tr("  [prayer request]");
        m_out << localTime(m.received) << "  " << (m.contactId > 0 ? m.contactName : m.phone) << note << '\n'
              << "    " << m.text << '\n';
    }
    m_err << tr("%n message(s)", nullptr, int(messages->size())) << Qt::endl;
    return Done;
}

} // namespace kengele
