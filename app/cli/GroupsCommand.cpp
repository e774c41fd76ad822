// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GroupsCommand.h"

#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "profile/Profile.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kengele {

int GroupsCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (sub == QStringLiteral("list")) {
        if (words.size() != 1)
            return m_cli.usage(tr("“groups list” takes no more words."));
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        const auto groups = m_cli.profile().groups().list();
        if (!groups)
            return m_cli.failed(groups.error());
        if (m_cli.json()) {
            QJsonArray array;
            for (const Group &g : *groups) {
                array.append(QJsonObject{{QStringLiteral("id"), g.id},
                                         {QStringLiteral("name"), g.name},
                                         {QStringLiteral("description"), g.description},
                                         {QStringLiteral("members"), g.memberCount},
                                         {QStringLiteral("opted_out"), g.optedOutCount}});
            }
            m_cli.printJson(array);
        } else {
            for (const Group &g : *groups)
                m_cli.out() << CliContext::padded(g.name, 28) << tr("%n member(s)", nullptr, g.memberCount) << '\n';
        }
        return Done;
    }
    if (sub == QStringLiteral("create")) {
        if (words.size() != 2)
            return m_cli.usage(tr("Give the group's name in quotes: groups create \"Women's Fellowship\""));
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        const auto group = m_cli.profile().groups().create(words.at(1));
        if (!group)
            return m_cli.failed(group.error());
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("id"), group->id}, {QStringLiteral("name"), group->name}});
        else
            m_cli.out() << tr("Created the group “%1”.").arg(group->name) << Qt::endl;
        return Done;
    }
    if (sub == QStringLiteral("add") || sub == QStringLiteral("remove")) {
        const bool adding = sub == QStringLiteral("add");
        if (words.size() < 3)
            return m_cli.usage(tr("Give a group and at least one phone number: groups %1 NAME PHONE...").arg(sub));
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        const auto group = m_cli.profile().groups().findByName(words.at(1));
        if (!group)
            return m_cli.failed(group.error());
        QList<qint64> ids;
        QStringList problems;
        for (const QString &phone : words.mid(2)) {
            const auto contact = m_cli.profile().contacts().findByPhone(phone);
            if (!contact)
                problems << contact.error().message;
            else
                ids << contact->id;
        }
        if (!problems.isEmpty()) {
            // Nothing is changed when any number is wrong, so a typo never half-applies a command.
            for (const QString &problem : std::as_const(problems))
                m_cli.err() << problem << Qt::endl;
            m_cli.err() << tr("Nothing was changed.") << Qt::endl;
            return Failed;
        }
        const auto changed = adding ? m_cli.profile().groups().addMembers(group->id, ids)
                                    : m_cli.profile().groups().removeMembers(group->id, ids);
        if (!changed)
            return m_cli.failed(changed.error());
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("group"), group->name},
                                        {adding ? QStringLiteral("added") : QStringLiteral("removed"), *changed}});
        else
            m_cli.out() << (adding ? tr("Added %n contact(s) to “%1”.", nullptr, *changed)
                                   : tr("Removed %n contact(s) from “%1”.", nullptr, *changed))
                               .arg(group->name)
                        << Qt::endl;
        return Done;
    }
    return m_cli.usage(tr("Use one of: groups list, groups create NAME, groups add NAME PHONE..., groups remove NAME PHONE..."));
}

} // namespace kengele
