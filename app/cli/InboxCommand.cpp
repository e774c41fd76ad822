// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InboxCommand.h"

#include "inbox/InboxService.h"
#include "profile/Profile.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kengele {

int InboxCommand::run(const QStringList &words)
{
    if (words != QStringList{QStringLiteral("list")})
        return m_cli.usage(tr("Use: inbox list [--unread] [--search TEXT]"));
    if (!m_cli.allowOnly({QStringLiteral("unread"), QStringLiteral("search")}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    InboxQuery query;
    query.unreadOnly = m_cli.args().has(QStringLiteral("unread"));
    query.search = m_cli.args().value(QStringLiteral("search"));
    const auto messages = m_cli.profile().inbox().list(query, 0, std::numeric_limits<int>::max());
    if (!messages)
        return m_cli.failed(messages.error());
    if (m_cli.json()) {
        QJsonArray array;
        for (const InboxMessage &m : *messages) {
            array.append(QJsonObject{
                {QStringLiteral("id"), m.id},
                {QStringLiteral("from"), m.phone},
                {QStringLiteral("text"), m.text},
                {QStringLiteral("received"), CliContext::timeOrNull(m.received)},
                {QStringLiteral("contact"), m.contactId > 0 ? QJsonValue(m.contactName) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("handled_as"), m.handledAs},
                {QStringLiteral("read"), m.isRead()}});
        }
        m_cli.printJson(array);
        return Done;
    }
    for (const InboxMessage &m : *messages) {
        QString note;
        if (m.handledAs == QStringLiteral("optout"))
            note = tr("  [opted out]");
        else if (m.handledAs == QStringLiteral("prayer"))
            note = tr("  [prayer request]");
        m_cli.out() << CliContext::localTime(m.received) << "  " << (m.contactId > 0 ? m.contactName : m.phone) << note << '\n'
                    << "    " << m.text << '\n';
    }
    m_cli.err() << tr("%n message(s)", nullptr, int(messages->size())) << Qt::endl;
    return Done;
}

} // namespace kengele
