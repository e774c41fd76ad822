// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactsCommand.h"

#include "contacts/ContactForgetter.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PastoralNotes.h"
#include "contacts/PersonRecord.h"
#include "contacts/PhoneNormalizer.h"
#include "importexport/ContactExporter.h"
#include "importexport/ContactImportService.h"
#include "importexport/ImportOptions.h"
#include "importexport/ImportReport.h"
#include "profile/Profile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#define isatty _isatty
#define fileno _fileno
#else
#include <unistd.h>
#endif

namespace kengele {

int ContactsCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("import"))
        return contactsImport(words.mid(1));
    if (sub == QStringLiteral("list")) {
        if (!words.mid(1).isEmpty())
            return m_cli.usage(tr("“contacts list” takes no words, only --group NAME or --search TEXT."));
        return contactsList();
    }
    if (sub == QStringLiteral("add"))
        return contactsAdd(words.mid(1));
    if (sub == QStringLiteral("optout"))
        return contactsOptOut(words.mid(1), false);
    if (sub == QStringLiteral("optin"))
        return contactsOptOut(words.mid(1), true);
    if (sub == QStringLiteral("allow"))
        return contactsAllow(words.mid(1));
    if (sub == QStringLiteral("export"))
        return contactsExport(words.mid(1));
    if (sub == QStringLiteral("notes"))
        return contactsNotes(words.mid(1));
    if (sub == QStringLiteral("person"))
        return contactsPerson(words.mid(1));
    if (sub == QStringLiteral("forget"))
        return contactsForget(words.mid(1));
    return m_cli.usage(tr("Use one of: contacts import, list, add, export, optout, allow, optin, notes, person, forget."));
}

int ContactsCommand::contactsList()
{
    if (!m_cli.allowOnly({QStringLiteral("group"), QStringLiteral("search")}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    ContactQuery query;
    query.search = m_cli.args().value(QStringLiteral("search"));
    if (m_cli.args().has(QStringLiteral("group"))) {
        const auto group = m_cli.profile().groups().findByName(m_cli.args().value(QStringLiteral("group")));
        if (!group)
            return m_cli.failed(group.error());
        query.groupId = group->id;
    }
    const auto contacts = m_cli.profile().contacts().fetch(query, 0, std::numeric_limits<int>::max());
    if (!contacts)
        return m_cli.failed(contacts.error());
    if (m_cli.json()) {
        QJsonArray array;
        for (const Contact &c : *contacts) {
            array.append(QJsonObject{{QStringLiteral("id"), c.id},
                                     {QStringLiteral("name"), c.name()},
                                     {QStringLiteral("phone"), c.phone},
                                     {QStringLiteral("groups"), QJsonArray::fromStringList(c.groups)},
                                     {QStringLiteral("opted_out"), c.optedOut}});
        }
        m_cli.printJson(array);
        return Done;
    }
    for (const Contact &c : *contacts) {
        m_cli.out() << CliContext::padded(c.name(), 30) << CliContext::padded(c.phone, 16) << c.groups.join(QStringLiteral(", "))
                    << (c.optedOut ? tr("  [opted out]") : QString()) << '\n';
    }
    m_cli.err() << tr("%n contact(s)", nullptr, int(contacts->size())) << Qt::endl;
    return Done;
}

int ContactsCommand::contactsAdd(const QStringList &words)
{
    if (!m_cli.allowOnly({QStringLiteral("name"), QStringLiteral("first-name"), QStringLiteral("last-name"),
                          QStringLiteral("email"), QStringLiteral("group"), QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1)
        return m_cli.usage(tr("Give exactly one phone number: contacts add PHONE --name NAME"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    ContactInput input;
    input.phone = words.first();
    if (m_cli.args().has(QStringLiteral("name"))) {
        const QString name = m_cli.args().value(QStringLiteral("name")).simplified();
        const qsizetype space = name.indexOf(u' ');
        input.firstName = space < 0 ? name : name.left(space);
        input.lastName = space < 0 ? QString() : name.mid(space + 1);
    }
    if (m_cli.args().has(QStringLiteral("first-name")))
        input.firstName = m_cli.args().value(QStringLiteral("first-name"));
    if (m_cli.args().has(QStringLiteral("last-name")))
        input.lastName = m_cli.args().value(QStringLiteral("last-name"));
    input.email = m_cli.args().value(QStringLiteral("email"));
    const auto added = m_cli.profile().contacts().add(input);
    if (!added)
        return m_cli.failed(added.error());
    for (const QString &groupName : m_cli.args().values(QStringLiteral("group"))) {
        const auto group = m_cli.profile().groups().ensure(groupName);
        if (!group)
            return m_cli.failed(group.error());
        if (const auto ok = m_cli.profile().groups().addMembers(group->id, {added->id}); !ok)
            return m_cli.failed(ok.error());
    }
    if (m_cli.json())
        m_cli.printJson(QJsonObject{
            {QStringLiteral("id"), added->id}, {QStringLiteral("name"), added->name()}, {QStringLiteral("phone"), added->phone}});
    else
        m_cli.out() << tr("Added %1 (%2).").arg(added->name(), added->phone) << Qt::endl;
    return Done;
}

int ContactsCommand::contactsOptOut(const QStringList &words, bool optIn)
{
    if (!m_cli.allowOnly(optIn ? QStringList{QStringLiteral("region")}
                               : QStringList{QStringLiteral("reason"), QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1)
        return m_cli.usage(optIn ? tr("Give exactly one phone number: contacts optin PHONE")
                                 : tr("Give exactly one phone number: contacts optout PHONE [--reason TEXT]"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const Status status = optIn
        ? m_cli.profile().contacts().optIn(words.first())
        : m_cli.profile().contacts().optOut(words.first(), m_cli.args().value(QStringLiteral("reason")), QStringLiteral("cli"));
    if (!status)
        return m_cli.failed(status.error());
    const QString phone = *m_cli.profile().phones().normalize(words.first());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("phone"), phone}, {QStringLiteral("opted_out"), !optIn}});
    else
        m_cli.out() << (optIn ? tr("%1 will receive messages again.") : tr("%1 will not receive any more messages.")).arg(phone)
                    << Qt::endl;
    return Done;
}

int ContactsCommand::contactsAllow(const QStringList &words)
{
    if (!m_cli.allowOnly({QStringLiteral("reason"), QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1 || m_cli.args().value(QStringLiteral("reason")).trimmed().isEmpty())
        return m_cli.usage(tr("Give one phone number and why: contacts allow PHONE --reason TEXT"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const QString reason = m_cli.args().value(QStringLiteral("reason")).trimmed();
    const QString user = qEnvironmentVariable("USER");
    if (const Status allowed = m_cli.profile().contacts().allowAgain(words.first(), reason, user); !allowed)
        return m_cli.failed(allowed.error());
    const QString phone = *m_cli.profile().phones().normalize(words.first());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("phone"), phone},
                                    {QStringLiteral("opted_out"), false},
                                    {QStringLiteral("reason"), reason},
                                    {QStringLiteral("user"), user}});
    else
        m_cli.out() << tr("%1 is no longer opted out: SMS can be sent to this number again.").arg(phone) << Qt::endl;
    return Done;
}

int ContactsCommand::contactsImport(const QStringList &words)
{
    if (!m_cli.allowOnly({QStringLiteral("group"), QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1)
        return m_cli.usage(tr("Give exactly one file: contacts import FILE [--group NAME] [--region CC]"));
    if (m_cli.args().values(QStringLiteral("group")).size() > 1)
        return m_cli.usage(tr("Give at most one --group for an import."));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());

    ImportOptions options;
    options.groupName = m_cli.args().value(QStringLiteral("group"));
    options.region = m_cli.profile().phones().defaultRegion();
    const bool showProgress = isatty(fileno(stderr)) && !m_cli.json();
    if (showProgress) {
        options.progress = [this](qint64 done, qint64 total) {
            m_cli.err() << '\r' << tr("Importing… %1 of %2 rows").arg(done).arg(total) << Qt::flush;
        };
    }
    const Result<ImportReport> report = m_cli.profile().imports().import(words.first(), options);
    if (showProgress)
        m_cli.err() << '\r' << QString(60, u' ') << '\r' << Qt::flush;
    if (!report)
        return m_cli.failed(report.error());
    for (const QString &warning : report->warnings)
        m_cli.err() << warning << Qt::endl;
    if (m_cli.json()) {
        QJsonArray skipped;
        for (const SkippedRow &row : report->skipped)
            skipped.append(QJsonObject{{QStringLiteral("line"), row.line}, {QStringLiteral("reason"), row.reason}});
        m_cli.printJson(QJsonObject{{QStringLiteral("rows"), report->rows},
                                    {QStringLiteral("created"), report->created},
                                    {QStringLiteral("updated"), report->updated},
                                    {QStringLiteral("skipped"), skipped}});
        return Done;
    }
    m_cli.out() << tr("Read %1 rows: %2 new contacts, %3 rows matched a known number and updated it, %4 rows skipped.")
                       .arg(report->rows)
                       .arg(report->created)
                       .arg(report->updated)
                       .arg(report->skipped.size())
                << Qt::endl;
    for (const SkippedRow &row : report->skipped)
        m_cli.out() << tr("  line %1: %2").arg(row.line).arg(row.reason) << '\n';
    return Done;
}

int ContactsCommand::contactsExport(const QStringList &words)
{
    if (!m_cli.allowOnly({QStringLiteral("group")}))
        return BadUsage;
    if (words.size() != 1)
        return m_cli.usage(tr("Give exactly one file to write: contacts export FILE [--group NAME]"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    qint64 groupId = 0;
    if (m_cli.args().has(QStringLiteral("group"))) {
        const auto group = m_cli.profile().groups().findByName(m_cli.args().value(QStringLiteral("group")));
        if (!group)
            return m_cli.failed(group.error());
        groupId = group->id;
    }
    const Result<int> written = m_cli.profile().exporter().exportCsv(words.first(), groupId);
    if (!written)
        return m_cli.failed(written.error());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("file"), QFileInfo(words.first()).absoluteFilePath()},
                                    {QStringLiteral("contacts"), *written}});
    else
        m_cli.out() << tr("Saved %n contact(s) to %1.", nullptr, *written).arg(words.first()) << Qt::endl;
    return Done;
}

int ContactsCommand::contactsNotes(const QStringList &words)
{
    if (!m_cli.allowOnly({QStringLiteral("text"), QStringLiteral("search"), QStringLiteral("region")}))
        return BadUsage;
    const bool searching = m_cli.args().has(QStringLiteral("search"));
    if (searching ? !words.isEmpty() : words.size() != 1)
        return m_cli.usage(tr("Give one phone number: contacts notes PHONE [--text TEXT], or search them: contacts notes "
                              "--search TEXT"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    PastoralNotes &notes = m_cli.profile().pastoral();
    if (searching) {
        const Result<QList<qint64>> found = notes.search(m_cli.args().value(QStringLiteral("search")));
        if (!found)
            return m_cli.failed(found.error());
        QJsonArray list;
        for (const qint64 id : *found) {
            const Result<Contact> contact = m_cli.profile().contacts().get(id);
            if (!contact)
                continue;
            if (m_cli.json())
                list.append(QJsonObject{{QStringLiteral("contact"), id},
                                        {QStringLiteral("name"), contact->name()},
                                        {QStringLiteral("phone"), contact->phone}});
            else
                m_cli.out() << contact->name() << '\t' << contact->phone << Qt::endl;
        }
        if (m_cli.json())
            m_cli.printJson(list);
        return Done;
    }
    const Result<Contact> contact = m_cli.profile().contacts().findByPhone(words.first());
    if (!contact)
        return m_cli.failed(contact.error());
    if (m_cli.args().has(QStringLiteral("text"))) {
        if (Status saved = notes.write(contact->id, m_cli.args().value(QStringLiteral("text"))); !saved)
            return m_cli.failed(saved.error());
    }
    const Result<QString> text = notes.read(contact->id);
    if (!text)
        return m_cli.failed(text.error());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("contact"), contact->id},
                                    {QStringLiteral("phone"), contact->phone},
                                    {QStringLiteral("notes"), *text}});
    else if (text->isEmpty())
        m_cli.out() << tr("There are no pastoral notes on %1.").arg(contact->name()) << Qt::endl;
    else
        m_cli.out() << *text << Qt::endl;
    return Done;
}

int ContactsCommand::contactsPerson(const QStringList &words)
{
    if (!m_cli.allowOnly({QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1)
        return m_cli.usage(tr("Give one phone number: contacts person PHONE"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const Result<QJsonObject> everything = m_cli.profile().person().everything(words.first());
    if (!everything)
        return m_cli.failed(everything.error());
    // JSON either way: it is what the person is given, and it reads well enough as it is.
    m_cli.printJson(*everything);
    return Done;
}

int ContactsCommand::contactsForget(const QStringList &words)
{
    if (!m_cli.allowOnly({QStringLiteral("region")}))
        return BadUsage;
    if (words.size() != 1)
        return m_cli.usage(tr("Give one phone number: contacts forget PHONE"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const Result<ContactForgetter::Outcome> forgotten = m_cli.profile().forgetter().forget(words.first());
    if (!forgotten)
        return m_cli.failed(forgotten.error());
    if (!forgotten->fileCleaned)
        m_cli.err() << tr("Forgotten. The data file could not be tidied just now (another Kengele has it open): the removed "
                          "details can no longer be seen in Kengele, but may remain in the file's unused space for a while.")
                    << Qt::endl;
    // JSON either way, like contacts person.
    m_cli.printJson(QJsonObject{{QStringLiteral("forgotten"), true}});
    return Done;
}

} // namespace kengele
