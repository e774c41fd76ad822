// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// kengele-relay: the hosted relay (docs/relay.md, packaging/relay/README.md).
//   kengele-relay [--config FILE] [--listen ADDR:PORT] [--db sqlite:PATH | postgres://...]   serve
//   kengele-relay [--db ...] [--json] org create NAME | org list | org rotate ORG
//   kengele-relay [--db ...] [--json] device enroll ORG [--hours H] | device list ORG | device revoke DEVICE
//   kengele-relay [--db ...] [--json] quarantine list [ORG] [--limit N]
//   kengele-relay [--db ...] after-restore

#include "RelayAdmin.h"
#include "RelayConfig.h"
#include "RelayServer.h"
#include "RelayStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace kengele::relay;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usage(const QString &message)
{
    err() << "kengele-relay: " << message << "\nRun kengele-relay --help for the commands.\n";
    err().flush();
    return 2;
}

int failed(const QString &message)
{
    err() << "kengele-relay: " << message << '\n';
    err().flush();
    return 1;
}

QString iso(qint64 ms)
{
    return ms == 0 ? QString() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

void printJson(const QJsonDocument &document)
{
    out() << document.toJson(QJsonDocument::Indented);
    out().flush();
}

int serve(RelayStore &store, const RelayConfig &config)
{
    RelayServer server(&store, config);
    const quint16 port = server.start();
    if (port == 0)
        return failed(QStringLiteral("cannot listen on %1 (is another program using it?)").arg(config.listenText()));
    qInfo().noquote() << QStringLiteral("kengele-relay listening address=%1 port=%2 db=%3 public_url=%4")
                             .arg(config.listenAddress.toString())
                             .arg(port)
                             .arg(DatabaseLocation::parse(config.database)->describe(), config.effectivePublicUrl());
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &server);
        QObject::connect(notifier, &QSocketNotifier::activated, &server, [] {
            qInfo("kengele-relay stopping");
            QCoreApplication::quit();
        });
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kengele-relay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KENGELE_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzzt} %{type} %{category} %{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Kengele relay: receives Africa's Talking and M-Pesa callbacks and feeds the desktops.\n\n"
                       "Commands:\n"
                       "  (none) | serve                 run the server\n"
                       "  org create NAME                make an organisation; prints its hook URLs\n"
                       "  org list                       list organisations\n"
                       "  org rotate ORG                 new hook secret (update the dashboards)\n"
                       "  device enroll ORG [--hours H]  one-time code for a desktop\n"
                       "  device list ORG                enrolled desktops\n"
                       "  device revoke DEVICE           stop a desktop's access\n"
                       "  quarantine list [ORG]          callbacks refused as malformed\n"
                       "  after-restore                  run once after restoring a backup, before serving"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("INI configuration file ([relay] section)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
    const QCommandLineOption hoursOption(QStringLiteral("hours"), QStringLiteral("How long an enrolment code stays valid."),
                                         QStringLiteral("H"));
    const QCommandLineOption limitOption(QStringLiteral("limit"), QStringLiteral("How many quarantined bodies to list."),
                                         QStringLiteral("N"), QStringLiteral("50"));
    parser.addOption(configOption);
    parser.addOption(jsonOption);
    parser.addOption(hoursOption);
    parser.addOption(limitOption);
    QList<QCommandLineOption> settingOptions;
    for (const QString &key : RelayConfig::keys()) {
        settingOptions.append(
            QCommandLineOption(key, QStringLiteral("Setting %1 (overrides the file).").arg(key), QStringLiteral("VALUE")));
        parser.addOption(settingOptions.constLast());
    }
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See above."));
    if (!parser.parse(QCoreApplication::arguments()))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "kengele-relay " << KENGELE_VERSION << '\n';
        return 0;
    }

    RelayConfig config;
    if (parser.isSet(configOption)) {
        if (auto ok = config.readFile(parser.value(configOption)); !ok)
            return usage(ok.error());
    }
    for (const QCommandLineOption &option : std::as_const(settingOptions)) {
        if (parser.isSet(option)) {
            if (auto ok = config.set(option.names().constFirst(), parser.value(option)); !ok)
                return usage(ok.error());
        }
    }
    const bool json = parser.isSet(jsonOption);
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0, QStringLiteral("serve"));
    const QString sub = args.value(1);
    const QStringList known = {QStringLiteral("serve"), QStringLiteral("org"), QStringLiteral("device"),
                               QStringLiteral("quarantine"), QStringLiteral("after-restore")};
    if (!known.contains(command))
        return usage(QStringLiteral("unknown command \"%1\"").arg(command));

    const auto location = DatabaseLocation::parse(config.database);
    if (!location)
        return usage(location.error());
    if (location->kind == DatabaseLocation::Kind::Sqlite) {
        const QFileInfo file(location->path);
        if (!file.absoluteDir().exists())
            return failed(QStringLiteral("the folder %1 does not exist; create it (owned by the relay's user) or use --db")
                              .arg(file.absolutePath()));
    }
    auto opened = RelayStore::open(*location, QStringLiteral("relay"));
    if (!opened)
        return failed(opened.error());
    RelayStore &store = **opened;

    if (command == QLatin1String("serve")) {
        if (args.size() > 1)
            return usage(QStringLiteral("serve takes no arguments"));
        return serve(store, config);
    }

    if (command == QLatin1String("org")) {
        if (sub == QLatin1String("create") || sub == QLatin1String("rotate")) {
            if (args.size() != 3)
                return usage(QStringLiteral("org %1 needs exactly one %2")
                                 .arg(sub, sub == QLatin1String("create") ? QStringLiteral("NAME") : QStringLiteral("ORG")));
            auto done = sub == QLatin1String("create") ? createOrganisation(store, args.at(2), config.effectivePublicUrl())
                                                       : rotateHookSecret(store, args.at(2), config.effectivePublicUrl());
            if (!done)
                return failed(done.error());
            if (json) {
                printJson(
                    QJsonDocument(QJsonObject{{QStringLiteral("org"), done->org.id}, {QStringLiteral("hooks"), done->hooks}}));
            } else {
                out() << (sub == QLatin1String("create") ? "Organisation " : "New hook secret for ") << done->org.id << " ("
                      << done->org.name << ").\nPaste these addresses into the providers' dashboards; they are shown only now:\n";
                const QStringList keys = done->hooks.keys();
                for (const QString &key : keys)
                    out() << "  " << key.leftJustified(17) << done->hooks.value(key).toString() << '\n';
                out().flush();
            }
            return 0;
        }
        if (sub == QLatin1String("list")) {
            auto orgs = store.organisations();
            if (!orgs)
                return failed(orgs.error());
            QJsonArray array;
            for (const Organisation &org : std::as_const(*orgs))
                array.append(QJsonObject{{QStringLiteral("org"), org.id},
                                         {QStringLiteral("name"), org.name},
                                         {QStringLiteral("events"), org.lastSeq},
                                         {QStringLiteral("created"), iso(org.createdAt)}});
            if (json)
                printJson(QJsonDocument(array));
            else if (orgs->isEmpty())
                out() << "No organisations yet: kengele-relay org create NAME\n";
            else
                for (const Organisation &org : std::as_const(*orgs))
                    out() << org.id << "  " << org.name << "  events: " << org.lastSeq << '\n';
            return 0;
        }
        return usage(QStringLiteral("org takes create, list or rotate"));
    }

    if (command == QLatin1String("device")) {
        if (sub == QLatin1String("enroll") || sub == QLatin1String("enrol")) {
            if (args.size() != 3)
                return usage(QStringLiteral("device enroll needs the organisation id"));
            int hours = config.enrolCodeHours;
            if (parser.isSet(hoursOption)) {
                bool ok = false;
                hours = parser.value(hoursOption).toInt(&ok);
                if (!ok || hours < 1 || hours > 24 * 30)
                    return usage(QStringLiteral("--hours must be 1 to 720"));
            }
            auto code = createEnrolCode(store, args.at(2), hours);
            if (!code)
                return failed(code.error());
            if (json)
                printJson(QJsonDocument(QJsonObject{{QStringLiteral("code"), code->code},
                                                    {QStringLiteral("expires"), code->expires.toString(Qt::ISODate)}}));
            else
                out() << "Enrolment code: " << code->code << "\nValid once, until " << code->expires.toString(Qt::ISODate)
                      << ". Type it in Kengele: Settings → Relay, or kengele-cli relay connect URL --code CODE.\n";
            return 0;
        }
        if (sub == QLatin1String("list")) {
            if (args.size() != 3)
                return usage(QStringLiteral("device list needs the organisation id"));
            if (!store.organisation(args.at(2)))
                return failed(QStringLiteral("There is no organisation %1 (see `kengele-relay org list`).").arg(args.at(2)));
            auto devices = store.devices(args.at(2));
            if (!devices)
                return failed(devices.error());
            QJsonArray array;
            for (const Device &d : std::as_const(*devices))
                array.append(QJsonObject{{QStringLiteral("device"), d.id},
                                         {QStringLiteral("name"), d.name},
                                         {QStringLiteral("enrolled"), iso(d.createdAt)},
                                         {QStringLiteral("last_seen"), iso(d.lastSeenAt)},
                                         {QStringLiteral("revoked"), d.revokedAt ? QJsonValue(iso(d.revokedAt)) : QJsonValue()}});
            if (json)
                printJson(QJsonDocument(array));
            else if (devices->isEmpty())
                out() << "No desktops enrolled yet: kengele-relay device enroll " << args.at(2) << '\n';
            else
                for (const Device &d : std::as_const(*devices))
                    out() << d.id << "  " << d.name << "  last seen " << iso(d.lastSeenAt)
                          << (d.revokedAt ? QStringLiteral("  REVOKED ") + iso(d.revokedAt) : QString()) << '\n';
            return 0;
        }
        if (sub == QLatin1String("revoke")) {
            if (args.size() != 3)
                return usage(QStringLiteral("device revoke needs the device id"));
            auto revoked = store.revokeDevice(args.at(2), QDateTime::currentMSecsSinceEpoch());
            if (!revoked)
                return failed(revoked.error());
            if (!*revoked)
                return failed(QStringLiteral("There is no device %1.").arg(args.at(2)));
            if (json)
                printJson(QJsonDocument(QJsonObject{{QStringLiteral("device"), args.at(2)}, {QStringLiteral("revoked"), true}}));
            else
                out() << "Device " << args.at(2) << " can no longer reach the relay.\n";
            return 0;
        }
        return usage(QStringLiteral("device takes enroll, list or revoke"));
    }

    if (command == QLatin1String("after-restore")) {
        if (args.size() > 1)
            return usage(QStringLiteral("after-restore takes no arguments"));
        // Desktops may have applied events the backup does not have; numbering the new ones far
        // beyond them keeps the feed moving forward for every desktop.
        constexpr qint64 Gap = 1'000'000;
        auto moved = store.advanceSequences(Gap);
        if (!moved)
            return failed(moved.error());
        if (json)
            printJson(
                QJsonDocument(QJsonObject{{QStringLiteral("organisations"), *moved}, {QStringLiteral("advanced_by"), Gap}}));
        else
            out() << "Event numbers of " << *moved << " organisation(s) moved ahead by " << Gap
                  << ": desktops will receive new events again. Events received after the backup was taken are lost;"
                     " check the Africa's Talking and M-Pesa dashboards for that period.\n";
        return 0;
    }

    // quarantine list [ORG]
    if (sub != QLatin1String("list") || args.size() > 3)
        return usage(QStringLiteral("quarantine takes: list [ORG]"));
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit < 1)
        return usage(QStringLiteral("--limit must be a positive number"));
    auto items = store.quarantine(args.value(2), limit);
    if (!items)
        return failed(items.error());
    QJsonArray array;
    for (const QuarantinedBody &q : std::as_const(*items))
        array.append(QJsonObject{{QStringLiteral("id"), q.id},
                                 {QStringLiteral("org"), q.orgId},
                                 {QStringLiteral("kind"), q.kind},
                                 {QStringLiteral("reason"), q.reason},
                                 {QStringLiteral("content_type"), q.contentType},
                                 {QStringLiteral("remote"), q.remote},
                                 {QStringLiteral("received"), iso(q.receivedAt)},
                                 {QStringLiteral("bytes"), q.body.size()}});
    if (json)
        printJson(QJsonDocument(array));
    else if (items->isEmpty())
        out() << "Nothing in quarantine.\n";
    else
        for (const QuarantinedBody &q : std::as_const(*items))
            out() << q.id << "  " << iso(q.receivedAt) << "  " << q.orgId << "  " << q.kind << "  " << q.reason << "  ("
                  << q.body.size() << " bytes from " << q.remote << ")\n";
    return 0;
}
