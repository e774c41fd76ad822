// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliRunner.h"

#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PhoneNormalizer.h"
#include "importexport/ContactExporter.h"
#include "importexport/ContactImporter.h"
#include "importexport/ImportOptions.h"
#include "importexport/ImportReport.h"
#include "messaging/SegmentCounter.h"
#include "profile/Profile.h"
#include "templates/TemplateService.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#define isatty _isatty
#define fileno _fileno
#else
#include <unistd.h>
#endif

namespace kengele {

namespace {

const QStringList ValueOptions
    = {QStringLiteral("profile"),     QStringLiteral("group"),    QStringLiteral("region"),   QStringLiteral("reason"),
       QStringLiteral("text"),        QStringLiteral("file"),     QStringLiteral("name"),     QStringLiteral("first-name"),
       QStringLiteral("last-name"),   QStringLiteral("email"),    QStringLiteral("search"),   QStringLiteral("tokens"),
       QStringLiteral("account"),     QStringLiteral("provider"), QStringLiteral("username"), QStringLiteral("sender-id"),
       QStringLiteral("environment"), QStringLiteral("base-url"), QStringLiteral("template"), QStringLiteral("at"),
       QStringLiteral("priority"),    QStringLiteral("rate"),     QStringLiteral("state"),    QStringLiteral("repeat"),
       QStringLiteral("on"),          QStringLiteral("until"),    QStringLiteral("code"),     QStringLiteral("report-url")};
const QStringList FlagOptions
    = {QStringLiteral("json"),    QStringLiteral("help"), QStringLiteral("version"), QStringLiteral("api-key-stdin"),
       QStringLiteral("no-wait"), QStringLiteral("once"), QStringLiteral("unread")};

QString padded(const QString &text, int width)
{
    return text.size() >= width ? text + u' ' : text.leftJustified(width);
}

QJsonObject segmentJson(const SegmentInfo &info)
{
    return QJsonObject{{QStringLiteral("encoding"), info.encodingName()},
                       {QStringLiteral("segments"), info.segments},
                       {QStringLiteral("units"), info.units},
                       {QStringLiteral("characters"), info.characters}};
}

} // namespace

CliRunner::CliRunner(QTextStream &out, QTextStream &err, QTextStream &in, const Clock &clock)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_clock(clock)
{ }

CliRunner::~CliRunner() = default;

int CliRunner::run(const QStringList &arguments)
{
    m_args = CliArguments::parse(arguments, ValueOptions, FlagOptions);
    if (!m_args.isValid())
        return usage(m_args.error());
    m_json = m_args.has(QStringLiteral("json"));
    const int code = dispatch();
    m_out.flush();
    m_err.flush();
    return code;
}

int CliRunner::dispatch()
{
    if (m_args.has(QStringLiteral("version"))) {
        m_out << "kengele-cli " << KENGELE_VERSION << Qt::endl;
        return Done;
    }
    const QStringList words = m_args.positional();
    if (words.isEmpty() || m_args.has(QStringLiteral("help")) || words.first() == QStringLiteral("help")) {
        printHelp();
        return words.isEmpty() && !m_args.has(QStringLiteral("help")) ? BadUsage : Done;
    }
    const QString command = words.first();
    const QStringList rest = words.mid(1);
    if (command == QStringLiteral("segments"))
        return segments(rest);
    if (command == QStringLiteral("contacts"))
        return contacts(rest);
    if (command == QStringLiteral("groups"))
        return groups(rest);
    if (command == QStringLiteral("templates"))
        return templates(rest);
    if (command == QStringLiteral("tokens"))
        return tokens(rest);
    if (command == QStringLiteral("gateway"))
        return gateway(rest);
    if (command == QStringLiteral("campaign"))
        return campaign(rest);
    if (command == QStringLiteral("relay"))
        return relay(rest);
    if (command == QStringLiteral("inbox"))
        return inbox(rest);
    return usage(tr("Unknown command “%1”.").arg(command));
}

Status CliRunner::openProfile()
{
    const QString directory = Profile::resolveDirectory(m_args.value(QStringLiteral("profile")));
    auto opened = Profile::open(directory, m_clock);
    if (!opened)
        return std::unexpected(opened.error());
    m_profile = std::move(*opened);
    if (m_args.has(QStringLiteral("region"))) {
        const QString region = m_args.value(QStringLiteral("region")).toUpper();
        if (!PhoneNormalizer::isSupportedRegion(region))
            return fail(ErrorCode::InvalidInput, tr("“%1” is not a country code. Use two letters, e.g. KE, UG, TZ.").arg(region));
        m_profile->phones().setDefaultRegion(region);
    }
    return {};
}

bool CliRunner::allowOnly(const QStringList &options)
{
    const QStringList always
        = {QStringLiteral("profile"), QStringLiteral("json"), QStringLiteral("help"), QStringLiteral("version")};
    for (const QString &option : ValueOptions + FlagOptions) {
        if (m_args.has(option) && !options.contains(option) && !always.contains(option)) {
            usage(tr("The option --%1 does not apply to this command.").arg(option));
            return false;
        }
    }
    return true;
}

int CliRunner::usage(const QString &message)
{
    m_err << message << Qt::endl << tr("Run “kengele-cli --help” to see the commands.") << Qt::endl;
    return BadUsage;
}

int CliRunner::failed(const Error &error)
{
    m_err << error.message << Qt::endl;
    return Failed;
}

void CliRunner::printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Compact) << Qt::endl;
}

void CliRunner::printHelp()
{
    m_out << tr("Usage: kengele-cli [--profile DIR] [--json] COMMAND ...\n"
                "\n"
                "  --profile DIR   data folder (or set KENGELE_PROFILE)\n"
                "  --json          machine-readable output\n"
                "\n"
                "Contacts:\n"
                "  contacts import FILE [--group NAME] [--region CC]   import a CSV or vCard file\n"
                "  contacts list [--group NAME] [--search TEXT]\n"
                "  contacts add PHONE --name NAME [--email E]\n"
                "  contacts export FILE [--group NAME]                 write contacts to a CSV file\n"
                "  contacts optout PHONE [--reason TEXT]               stop all messages to a number\n"
                "  contacts optin PHONE                                allow messages again\n"
                "Groups:\n"
                "  groups list | groups create NAME | groups add NAME PHONE... | groups remove NAME PHONE...\n"
                "Templates:\n"
                "  templates list | templates show NAME | templates delete NAME\n"
                "  templates save NAME (--text T | --file F)\n"
                "Tokens:\n"
                "  tokens add --tokens N [--account NAME] [--reason TEXT]   add tokens to a budget\n"
                "  tokens check [--account NAME]                            balances\n"
                "Messages:\n"
                "  segments [TEXT]          encoding and SMS parts of TEXT (or of standard input)\n"
                "Gateway:\n"
                "  gateway set --provider simulator|africastalking [--username U] [--sender-id S]\n"
                "              [--environment live|sandbox] [--base-url URL] [--api-key-stdin]\n"
                "              [--report-url HOOK_URL]  (simulator: reports through the relay; \"\" = straight)\n"
                "  gateway balance\n"
                "Campaigns:\n"
                "  campaign send --group NAME [--group NAME...] (--text T | --template NAME) [--name N]\n"
                "                [--at ISO8601] [--priority low|normal|high|urgent] [--rate PER_SECOND] [--no-wait]\n"
                "                [--repeat daily|weekly|monthly [--on sun,wed] --until YYYY-MM-DD]\n"
                "  campaign run [--rate PER_SECOND]      send everything due (also after a crash)\n"
                "  campaign status ID | campaign list | campaign recipients ID [--state S]\n"
                "  campaign edit ID [the options of send, or --once]   change a campaign before it goes\n"
                "  campaign pause ID | campaign resume ID\n"
                "  campaign resend-uncertain ID | campaign cancel ID\n"
                "Relay (delivery reports and incoming SMS):\n"
                "  relay connect URL --code CODE [--name NAME]   connect this computer with an enrolment code\n"
                "  relay sync [--once]      fetch and save what came in; --once stops when up to date\n"
                "  relay status             the relay's address, whether it answers, the last sync\n"
                "Inbox:\n"
                "  inbox list [--unread] [--search TEXT]   incoming SMS, newest first\n")
          << Qt::flush;
}

// ---------------------------------------------------------------- segments

int CliRunner::segments(const QStringList &words)
{
    if (!allowOnly({}))
        return BadUsage;
    QString text;
    if (!words.isEmpty()) {
        text = words.join(u' ');
    } else {
        const QByteArray bytes = m_in.device() ? m_in.device()->readAll() : m_in.string()->toUtf8();
        QStringDecoder decoder(QStringDecoder::Utf8);
        text = decoder.decode(bytes);
        if (decoder.hasError())
            return failed({ErrorCode::InvalidInput, tr("The text is not valid UTF-8.")});
    }
    const SegmentInfo info = SegmentCounter::count(text);
    if (m_json) {
        printJson(segmentJson(info));
    } else {
        m_out << tr("%1, %n segment(s), %2 units, %3 characters", nullptr, info.segments)
                     .arg(info.encodingName())
                     .arg(info.units)
                     .arg(info.characters)
              << Qt::endl;
    }
    return Done;
}

// ---------------------------------------------------------------- contacts

int CliRunner::contacts(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("import"))
        return contactsImport(words.mid(1));
    if (sub == QStringLiteral("list")) {
        if (!words.mid(1).isEmpty())
            return usage(tr("“contacts list” takes no words, only --group NAME or --search TEXT."));
        return contactsList();
    }
    if (sub == QStringLiteral("add"))
        return contactsAdd(words.mid(1));
    if (sub == QStringLiteral("optout"))
        return contactsOptOut(words.mid(1), false);
    if (sub == QStringLiteral("optin"))
        return contactsOptOut(words.mid(1), true);
    if (sub == QStringLiteral("export"))
        return contactsExport(words.mid(1));
    return usage(tr("Use one of: contacts import, list, add, export, optout, optin."));
}

int CliRunner::contactsList()
{
    if (!allowOnly({QStringLiteral("group"), QStringLiteral("search")}))
        return BadUsage;
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    ContactQuery query;
    query.search = m_args.value(QStringLiteral("search"));
    if (m_args.has(QStringLiteral("group"))) {
        const auto group = m_profile->groups().findByName(m_args.value(QStringLiteral("group")));
        if (!group)
            return failed(group.error());
        query.groupId = group->id;
    }
    const auto contacts = m_profile->contacts().fetch(query, 0, std::numeric_limits<int>::max());
    if (!contacts)
        return failed(contacts.error());
    if (m_json) {
        QJsonArray array;
        for (const Contact &c : *contacts) {
            array.append(QJsonObject{{QStringLiteral("id"), c.id},
                                     {QStringLiteral("name"), c.name()},
                                     {QStringLiteral("phone"), c.phone},
                                     {QStringLiteral("groups"), QJsonArray::fromStringList(c.groups)},
                                     {QStringLiteral("opted_out"), c.optedOut}});
        }
        printJson(array);
        return Done;
    }
    for (const Contact &c : *contacts) {
        m_out << padded(c.name(), 30) << padded(c.phone, 16) << c.groups.join(QStringLiteral(", "))
              << (c.optedOut ? tr("  [opted out]") : QString()) << '\n';
    }
    m_err << tr("%n contact(s)", nullptr, int(contacts->size())) << Qt::endl;
    return Done;
}

int CliRunner::contactsAdd(const QStringList &words)
{
    if (!allowOnly({QStringLiteral("name"), QStringLiteral("first-name"), QStringLiteral("last-name"), QStringLiteral("email"),
                    QStringLiteral("group"), QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1)
        return usage(tr("Give exactly one phone number: contacts add PHONE --name NAME"));
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    ContactInput input;
    input.phone = words.first();
    if (m_args.has(QStringLiteral("name"))) {
        const QString name = m_args.value(QStringLiteral("name")).simplified();
        const qsizetype space = name.indexOf(u' ');
        input.firstName = space < 0 ? name : name.left(space);
        input.lastName = space < 0 ? QString() : name.mid(space + 1);
    }
    if (m_args.has(QStringLiteral("first-name")))
        input.firstName = m_args.value(QStringLiteral("first-name"));
    if (m_args.has(QStringLiteral("last-name")))
        input.lastName = m_args.value(QStringLiteral("last-name"));
    input.email = m_args.value(QStringLiteral("email"));
    const auto added = m_profile->contacts().add(input);
    if (!added)
        return failed(added.error());
    for (const QString &groupName : m_args.values(QStringLiteral("group"))) {
        const auto group = m_profile->groups().ensure(groupName);
        if (!group)
            return failed(group.error());
        if (const auto ok = m_profile->groups().addMembers(group->id, {added->id}); !ok)
            return failed(ok.error());
    }
    if (m_json)
        printJson(QJsonObject{
            {QStringLiteral("id"), added->id}, {QStringLiteral("name"), added->name()}, {QStringLiteral("phone"), added->phone}});
    else
        m_out << tr("Added %1 (%2).").arg(added->name(), added->phone) << Qt::endl;
    return Done;
}

int CliRunner::contactsOptOut(const QStringList &words, bool optIn)
{
    if (!allowOnly(optIn ? QStringList{QStringLiteral("region")}
                         : QStringList{QStringLiteral("reason"), QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1)
        return usage(optIn ? tr("Give exactly one phone number: contacts optin PHONE")
                           : tr("Give exactly one phone number: contacts optout PHONE [--reason TEXT]"));
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    const Status status = optIn
        ? m_profile->contacts().optIn(words.first())
        : m_profile->contacts().optOut(words.first(), m_args.value(QStringLiteral("reason")), QStringLiteral("cli"));
    if (!status)
        return failed(status.error());
    const QString phone = *m_profile->phones().normalize(words.first());
    if (m_json)
        printJson(QJsonObject{{QStringLiteral("phone"), phone}, {QStringLiteral("opted_out"), !optIn}});
    else
        m_out << (optIn ? tr("%1 will receive messages again.") : tr("%1 will not receive any more messages.")).arg(phone)
              << Qt::endl;
    return Done;
}

// ---------------------------------------------------------------- groups

int CliRunner::groups(const QStringList &words)
{
    const QString sub = words.value(0);
    if (!allowOnly({}))
        return BadUsage;
    if (sub == QStringLiteral("list")) {
        if (words.size() != 1)
            return usage(tr("“groups list” takes no more words."));
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        const auto groups = m_profile->groups().list();
        if (!groups)
            return failed(groups.error());
        if (m_json) {
            QJsonArray array;
            for (const Group &g : *groups) {
                array.append(QJsonObject{{QStringLiteral("id"), g.id},
                                         {QStringLiteral("name"), g.name},
                                         {QStringLiteral("description"), g.description},
                                         {QStringLiteral("members"), g.memberCount},
                                         {QStringLiteral("opted_out"), g.optedOutCount}});
            }
            printJson(array);
        } else {
            for (const Group &g : *groups)
                m_out << padded(g.name, 28) << tr("%n member(s)", nullptr, g.memberCount) << '\n';
        }
        return Done;
    }
    if (sub == QStringLiteral("create")) {
        if (words.size() != 2)
            return usage(tr("Give the group's name in quotes: groups create \"Women's Fellowship\""));
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        const auto group = m_profile->groups().create(words.at(1));
        if (!group)
            return failed(group.error());
        if (m_json)
            printJson(QJsonObject{{QStringLiteral("id"), group->id}, {QStringLiteral("name"), group->name}});
        else
            m_out << tr("Created the group “%1”.").arg(group->name) << Qt::endl;
        return Done;
    }
    if (sub == QStringLiteral("add") || sub == QStringLiteral("remove")) {
        const bool adding = sub == QStringLiteral("add");
        if (words.size() < 3)
            return usage(tr("Give a group and at least one phone number: groups %1 NAME PHONE...").arg(sub));
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        const auto group = m_profile->groups().findByName(words.at(1));
        if (!group)
            return failed(group.error());
        QList<qint64> ids;
        QStringList problems;
        for (const QString &phone : words.mid(2)) {
            const auto contact = m_profile->contacts().findByPhone(phone);
            if (!contact)
                problems << contact.error().message;
            else
                ids << contact->id;
        }
        if (!problems.isEmpty()) {
            // Nothing is changed when any number is wrong, so a typo never half-applies a command.
            for (const QString &problem : std::as_const(problems))
                m_err << problem << Qt::endl;
            m_err << tr("Nothing was changed.") << Qt::endl;
            return Failed;
        }
        const auto changed
            = adding ? m_profile->groups().addMembers(group->id, ids) : m_profile->groups().removeMembers(group->id, ids);
        if (!changed)
            return failed(changed.error());
        if (m_json)
            printJson(QJsonObject{{QStringLiteral("group"), group->name},
                                  {adding ? QStringLiteral("added") : QStringLiteral("removed"), *changed}});
        else
            m_out << (adding ? tr("Added %n contact(s) to “%1”.", nullptr, *changed)
                             : tr("Removed %n contact(s) from “%1”.", nullptr, *changed))
                         .arg(group->name)
                  << Qt::endl;
        return Done;
    }
    return usage(tr("Use one of: groups list, groups create NAME, groups add NAME PHONE..., groups remove NAME PHONE..."));
}

// ---------------------------------------------------------------- templates

int CliRunner::templates(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("list")) {
        if (!allowOnly({}))
            return BadUsage;
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        const auto list = m_profile->templates().list();
        if (!list)
            return failed(list.error());
        if (m_json) {
            QJsonArray array;
            for (const MessageTemplateRecord &t : *list) {
                QJsonObject object = segmentJson(SegmentCounter::count(t.body));
                object.insert(QStringLiteral("id"), t.id);
                object.insert(QStringLiteral("name"), t.name);
                object.insert(QStringLiteral("text"), t.body);
                array.append(object);
            }
            printJson(array);
        } else {
            for (const MessageTemplateRecord &t : *list) {
                const SegmentInfo info = SegmentCounter::count(t.body);
                m_out << padded(t.name, 30) << tr("%n segment(s)", nullptr, info.segments) << u' ' << info.encodingName() << '\n';
            }
        }
        return Done;
    }
    if (sub == QStringLiteral("show") || sub == QStringLiteral("delete")) {
        if (!allowOnly({}))
            return BadUsage;
        if (words.size() != 2)
            return usage(tr("Give the template's name in quotes: templates %1 \"Sunday service reminder\"").arg(sub));
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        const auto found = m_profile->templates().findByName(words.at(1));
        if (!found)
            return failed(found.error());
        if (sub == QStringLiteral("delete")) {
            if (const Status removed = m_profile->templates().remove(found->id); !removed)
                return failed(removed.error());
            if (!m_json)
                m_out << tr("Deleted the template “%1”.").arg(found->name) << Qt::endl;
            else
                printJson(QJsonObject{{QStringLiteral("deleted"), found->name}});
            return Done;
        }
        if (m_json) {
            QJsonObject object = segmentJson(SegmentCounter::count(found->body));
            object.insert(QStringLiteral("id"), found->id);
            object.insert(QStringLiteral("name"), found->name);
            object.insert(QStringLiteral("text"), found->body);
            printJson(object);
        } else {
            m_out << found->body << Qt::endl;
        }
        return Done;
    }
    if (sub == QStringLiteral("save")) {
        if (!allowOnly({QStringLiteral("text"), QStringLiteral("file")}))
            return BadUsage;
        if (words.size() != 2)
            return usage(tr("Give the template's name in quotes: templates save \"Choir practice\" --text \"...\""));
        const bool hasText = m_args.has(QStringLiteral("text"));
        const bool hasFile = m_args.has(QStringLiteral("file"));
        if (hasText == hasFile)
            return usage(tr("Give the message with either --text \"...\" or --file FILE."));
        QString body = m_args.value(QStringLiteral("text"));
        if (hasFile) {
            QFile file(m_args.value(QStringLiteral("file")));
            if (!file.open(QIODevice::ReadOnly))
                return failed({ErrorCode::Io, tr("Could not read %1: %2").arg(file.fileName(), file.errorString())});
            QStringDecoder decoder(QStringDecoder::Utf8,
                                   QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
            body = decoder.decode(file.readAll());
            if (decoder.hasError())
                return failed({ErrorCode::InvalidInput, tr("%1 is not a UTF-8 text file.").arg(file.fileName())});
        }
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        const auto saved = m_profile->templates().save(words.at(1), body);
        if (!saved)
            return failed(saved.error());
        const SegmentInfo info = SegmentCounter::count(saved->body);
        if (m_json) {
            QJsonObject object = segmentJson(info);
            object.insert(QStringLiteral("id"), saved->id);
            object.insert(QStringLiteral("name"), saved->name);
            printJson(object);
        } else {
            m_out << tr("Saved the template “%1” (%2, %n segment(s) before merge fields are filled in).", nullptr, info.segments)
                         .arg(saved->name, info.encodingName())
                  << Qt::endl;
        }
        return Done;
    }
    return usage(tr("Use one of: templates list, templates show NAME, templates save NAME, templates delete NAME."));
}

int CliRunner::contactsImport(const QStringList &words)
{
    if (!allowOnly({QStringLiteral("group"), QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1)
        return usage(tr("Give exactly one file: contacts import FILE [--group NAME] [--region CC]"));
    if (m_args.values(QStringLiteral("group")).size() > 1)
        return usage(tr("Give at most one --group for an import."));
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());

    ImportOptions options;
    options.groupName = m_args.value(QStringLiteral("group"));
    options.region = m_profile->phones().defaultRegion();
    const bool showProgress = isatty(fileno(stderr)) && !m_json;
    if (showProgress) {
        options.progress = [this](qint64 done, qint64 total) {
            m_err << '\r' << tr("Importing… %1 of %2 rows").arg(done).arg(total) << Qt::flush;
        };
    }
    const ContactImporter importer(m_profile->database(), m_profile->phones(), m_clock);
    const Result<ImportReport> report = importer.run(words.first(), options);
    if (showProgress)
        m_err << '\r' << QString(60, u' ') << '\r' << Qt::flush;
    if (!report)
        return failed(report.error());
    for (const QString &warning : report->warnings)
        m_err << warning << Qt::endl;
    if (m_json) {
        QJsonArray skipped;
        for (const SkippedRow &row : report->skipped)
            skipped.append(QJsonObject{{QStringLiteral("line"), row.line}, {QStringLiteral("reason"), row.reason}});
        printJson(QJsonObject{{QStringLiteral("rows"), report->rows},
                              {QStringLiteral("created"), report->created},
                              {QStringLiteral("updated"), report->updated},
                              {QStringLiteral("skipped"), skipped}});
        return Done;
    }
    m_out << tr("Read %1 rows: %2 new contacts, %3 rows matched a known number and updated it, %4 rows skipped.")
                 .arg(report->rows)
                 .arg(report->created)
                 .arg(report->updated)
                 .arg(report->skipped.size())
          << Qt::endl;
    for (const SkippedRow &row : report->skipped)
        m_out << tr("  line %1: %2").arg(row.line).arg(row.reason) << '\n';
    return Done;
}

int CliRunner::contactsExport(const QStringList &words)
{
    if (!allowOnly({QStringLiteral("group")}))
        return BadUsage;
    if (words.size() != 1)
        return usage(tr("Give exactly one file to write: contacts export FILE [--group NAME]"));
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    qint64 groupId = 0;
    if (m_args.has(QStringLiteral("group"))) {
        const auto group = m_profile->groups().findByName(m_args.value(QStringLiteral("group")));
        if (!group)
            return failed(group.error());
        groupId = group->id;
    }
    const ContactExporter exporter(m_profile->database());
    const Result<int> written = exporter.exportCsv(words.first(), groupId);
    if (!written)
        return failed(written.error());
    if (m_json)
        printJson(QJsonObject{{QStringLiteral("file"), QFileInfo(words.first()).absoluteFilePath()},
                              {QStringLiteral("contacts"), *written}});
    else
        m_out << tr("Saved %n contact(s) to %1.", nullptr, *written).arg(words.first()) << Qt::endl;
    return Done;
}

} // namespace kengele
