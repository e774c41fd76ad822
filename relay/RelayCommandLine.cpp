// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayCommandLine.h"

#include "RelayAdmin.h"
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

namespace kengele::relay {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

QString iso(qint64 ms)
{
    return ms == 0 ? QString() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// A text from the database that others wrote (a desktop's name, a client's address) as one safe
// line in the operator's terminal: control characters - a line break, an escape sequence, NUL -
// are written as \xHH, and a backslash as two, so that nothing shown can be mistaken for them.
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c.category() == QChar::Other_Control) // all below U+0100
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace

int RelayCommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err, QTextStream *in)
{
    RelayCommandLine commandLine(out, err, in);
    return commandLine.execute(arguments);
}

RelayCommandLine::RelayCommandLine(QTextStream &out, QTextStream &err, QTextStream *in)
    : m_out(out)
    , m_err(err)
    , m_in(in)
{ }

int RelayCommandLine::usage(const QString &message)
{
    m_err << "kengele-relay: " << message << "\nRun kengele-relay --help for the commands.\n";
    m_err.flush();
    return 2;
}

int RelayCommandLine::failed(const QString &message)
{
    m_err << "kengele-relay: " << message << '\n';
    m_err.flush();
    return 1;
}

void RelayCommandLine::printJson(const QJsonDocument &document)
{
    m_out << document.toJson(QJsonDocument::Indented);
    m_out.flush();
}

int RelayCommandLine::execute(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Kengele relay: receives Africa's Talking and M-Pesa callbacks and feeds the desktops.\n\n"
                       "Commands:\n"
                       "  (none) | serve                 run the server\n"
                       "  org create NAME                make an organisation; prints its hook URLs\n"
                       "  org list                       list organisations\n"
                       "  org rotate ORG                 new hook secret (update the dashboards)\n"
                       "  org mpesa ORG (--simulator | --shortcode N [--till N] --environment sandbox|live [--base-url URL])\n"
                       "                                 M-Pesa for buying tokens; consumer key, consumer secret and\n"
                       "                                 passkey as three lines on standard input\n"
                       "  org prices ORG [--starter KES] [--business KES] [--enterprise KES] [--lock-features on|off]\n"
                       "  purchases list ORG             token purchases, newest first\n"
                       "  voucher-key show               the public key desktops check vouchers with\n"
                       "  device enroll ORG [--hours H]  one-time code for a desktop\n"
                       "  device list ORG                enrolled desktops\n"
                       "  device revoke DEVICE           stop a desktop's access\n"
                       "  device approve DEVICE          let a waiting desktop in without another desktop\n"
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
    const QCommandLineOption simulatorOption(QStringLiteral("simulator"),
                                             QStringLiteral("org mpesa: the built-in Daraja simulator."));
    parser.addOption(simulatorOption);
    const QStringList valueOptions = {QStringLiteral("shortcode"),  QStringLiteral("till"),         QStringLiteral("environment"),
                                      QStringLiteral("base-url"),   QStringLiteral("starter"),      QStringLiteral("business"),
                                      QStringLiteral("enterprise"), QStringLiteral("lock-features")};
    for (const QString &name : valueOptions)
        parser.addOption(QCommandLineOption(name, QStringLiteral("See the commands above."), QStringLiteral("VALUE")));
    QList<QCommandLineOption> settingOptions;
    for (const QString &key : RelayConfig::keys()) {
        settingOptions.append(
            QCommandLineOption(key, QStringLiteral("Setting %1 (overrides the file).").arg(key), QStringLiteral("VALUE")));
        parser.addOption(settingOptions.constLast());
    }
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See above."));
    // The parser skips the first argument, the program's name.
    if (!parser.parse(QStringList{QStringLiteral("kengele-relay")} + arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        m_out.flush();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        m_out << "kengele-relay " << KENGELE_VERSION << '\n';
        m_out.flush();
        return 0;
    }

    if (parser.isSet(configOption)) {
        if (auto ok = m_config.readFile(parser.value(configOption)); !ok)
            return usage(ok.error());
    }
    for (const QCommandLineOption &option : std::as_const(settingOptions)) {
        if (parser.isSet(option)) {
            if (auto ok = m_config.set(option.names().constFirst(), parser.value(option)); !ok)
                return usage(ok.error());
        }
    }
    m_json = parser.isSet(jsonOption);
    if (parser.isSet(hoursOption))
        m_hours = parser.value(hoursOption);
    m_limit = parser.value(limitOption);
    m_simulator = parser.isSet(simulatorOption);
    for (const QString &name : valueOptions) {
        if (parser.isSet(name))
            m_values.insert(name, parser.value(name));
    }
    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0, QStringLiteral("serve"));
    const QStringList known = {QStringLiteral("serve"),      QStringLiteral("org"),           QStringLiteral("device"),
                               QStringLiteral("quarantine"), QStringLiteral("after-restore"), QStringLiteral("purchases"),
                               QStringLiteral("voucher-key")};
    if (!known.contains(command))
        return usage(QStringLiteral("unknown command \"%1\"").arg(command));

    const auto location = DatabaseLocation::parse(m_config.database);
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
        return serve(store);
    }
    if (command == QLatin1String("org"))
        return organisations(store, args);
    if (command == QLatin1String("device"))
        return devices(store, args);
    if (command == QLatin1String("after-restore"))
        return afterRestore(store, args);
    if (command == QLatin1String("purchases"))
        return purchases(store, args);
    if (command == QLatin1String("voucher-key"))
        return voucherKey(store, args);
    return quarantine(store, args);
}

int RelayCommandLine::serve(RelayStore &store)
{
    if (!masterKey())
        return 1;
    RelayServer server(&store, m_config);
    const quint16 port = server.start();
    if (port == 0)
        return failed(QStringLiteral("cannot listen on %1 (is another program using it?)").arg(m_config.listenText()));
    qInfo().noquote() << QStringLiteral("kengele-relay listening address=%1 port=%2 db=%3 public_url=%4")
                             .arg(m_config.listenAddress.toString())
                             .arg(port)
                             .arg(DatabaseLocation::parse(m_config.database)->describe(), m_config.effectivePublicUrl());
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

// org create NAME | org list | org rotate ORG
int RelayCommandLine::organisations(RelayStore &store, const QStringList &args)
{
    const QString sub = args.value(1);
    if (sub == QLatin1String("create") || sub == QLatin1String("rotate")) {
        if (args.size() != 3)
            return usage(QStringLiteral("org %1 needs exactly one %2")
                             .arg(sub, sub == QLatin1String("create") ? QStringLiteral("NAME") : QStringLiteral("ORG")));
        const auto key = masterKey();
        if (!key)
            return 1;
        auto done = sub == QLatin1String("create") ? createOrganisation(store, *key, args.at(2), m_config.effectivePublicUrl())
                                                   : rotateHookSecret(store, *key, args.at(2), m_config.effectivePublicUrl());
        if (!done)
            return failed(done.error());
        if (m_json) {
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("org"), done->org.id}, {QStringLiteral("hooks"), done->hooks}}));
        } else {
            m_out << (sub == QLatin1String("create") ? "Organisation " : "New hook secret for ") << done->org.id << " ("
                  << done->org.name << ").\nPaste these addresses into the providers' dashboards; they are shown only now:\n";
            const QStringList keys = done->hooks.keys();
            for (const QString &key : keys)
                m_out << "  " << key.leftJustified(17) << done->hooks.value(key).toString() << '\n';
            m_out.flush();
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
        if (m_json)
            printJson(QJsonDocument(array));
        else if (orgs->isEmpty())
            m_out << "No organisations yet: kengele-relay org create NAME\n";
        else
            for (const Organisation &org : std::as_const(*orgs))
                m_out << org.id << "  " << org.name << "  events: " << org.lastSeq << '\n';
        return 0;
    }
    if (sub == QLatin1String("mpesa"))
        return mpesa(store, args);
    if (sub == QLatin1String("prices"))
        return prices(store, args);
    return usage(QStringLiteral("org takes create, list, rotate, mpesa or prices"));
}

// device enroll ORG [--hours H] | device list ORG | device revoke DEVICE | device approve DEVICE
int RelayCommandLine::devices(RelayStore &store, const QStringList &args)
{
    const QString sub = args.value(1);
    if (sub == QLatin1String("enroll") || sub == QLatin1String("enrol")) {
        if (args.size() != 3)
            return usage(QStringLiteral("device enroll needs the organisation id"));
        int hours = m_config.enrolCodeHours;
        if (m_hours) {
            bool ok = false;
            hours = m_hours->toInt(&ok);
            if (!ok || hours < 1 || hours > 24 * 30)
                return usage(QStringLiteral("--hours must be 1 to 720"));
        }
        auto code = createEnrolCode(store, args.at(2), hours);
        if (!code)
            return failed(code.error());
        if (m_json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("code"), code->code},
                                                {QStringLiteral("expires"), code->expires.toString(Qt::ISODate)}}));
        else
            m_out << "Enrolment code: " << code->code << "\nValid once, until " << code->expires.toString(Qt::ISODate)
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
                                     {QStringLiteral("revoked"), d.revokedAt ? QJsonValue(iso(d.revokedAt)) : QJsonValue()},
                                     {QStringLiteral("approved"), d.approved() ? QJsonValue(iso(d.approvedAt)) : QJsonValue()}});
        if (m_json)
            printJson(QJsonDocument(array));
        else if (devices->isEmpty())
            m_out << "No desktops enrolled yet: kengele-relay device enroll " << args.at(2) << '\n';
        else
            for (const Device &d : std::as_const(*devices))
                m_out << d.id << "  " << printable(d.name) << "  last seen " << iso(d.lastSeenAt)
                      << (d.revokedAt        ? QStringLiteral("  REVOKED ") + iso(d.revokedAt)
                              : d.approved() ? QString()
                                             : QStringLiteral("  WAITING FOR APPROVAL"))
                      << '\n';
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
        if (m_json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("device"), args.at(2)}, {QStringLiteral("revoked"), true}}));
        else
            m_out << "Device " << args.at(2) << " can no longer reach the relay.\n";
        return 0;
    }
    if (sub == QLatin1String("approve")) {
        // The operator's way in when no approved desktop is left to approve a new one (the church's
        // only computer was reinstalled without removing itself). The relay cannot give it the
        // organisation's key: it starts a new one, or another computer shares it later.
        if (args.size() != 3)
            return usage(QStringLiteral("device approve needs the device id"));
        auto approved = store.approveDevice(args.at(2), QDateTime::currentMSecsSinceEpoch());
        if (!approved)
            return failed(approved.error());
        if (!*approved)
            return failed(QStringLiteral("There is no device %1 waiting for approval.").arg(args.at(2)));
        if (m_json)
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("device"), args.at(2)}, {QStringLiteral("approved"), true}}));
        else
            m_out << "Device " << args.at(2) << " is approved.\n";
        return 0;
    }
    return usage(QStringLiteral("device takes enroll, list, revoke or approve"));
}

// after-restore
int RelayCommandLine::afterRestore(RelayStore &store, const QStringList &args)
{
    if (args.size() > 1)
        return usage(QStringLiteral("after-restore takes no arguments"));
    // Desktops may have applied events the backup does not have; numbering the new ones far
    // beyond them keeps the feed moving forward for every desktop.
    constexpr qint64 Gap = 1'000'000;
    auto moved = store.advanceSequences(Gap);
    if (!moved)
        return failed(moved.error());
    if (m_json)
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("organisations"), *moved}, {QStringLiteral("advanced_by"), Gap}}));
    else
        m_out << "Event numbers of " << *moved << " organisation(s) moved ahead by " << Gap
              << ": desktops will receive new events again. Events received after the backup was taken are lost;"
                 " check the Africa's Talking and M-Pesa dashboards for that period.\n";
    return 0;
}

// quarantine list [ORG] [--limit N]
int RelayCommandLine::quarantine(RelayStore &store, const QStringList &args)
{
    if (args.value(1) != QLatin1String("list") || args.size() > 3)
        return usage(QStringLiteral("quarantine takes: list [ORG]"));
    bool ok = false;
    const int limit = m_limit.toInt(&ok);
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
    if (m_json)
        printJson(QJsonDocument(array));
    else if (items->isEmpty())
        m_out << "Nothing in quarantine.\n";
    else
        for (const QuarantinedBody &q : std::as_const(*items))
            m_out << q.id << "  " << iso(q.receivedAt) << "  " << printable(q.orgId) << "  " << printable(q.kind) << "  "
                  << printable(q.reason) << "  (" << q.body.size() << " bytes from " << printable(q.remote) << ")\n";
    return 0;
}

} // namespace kengele::relay
