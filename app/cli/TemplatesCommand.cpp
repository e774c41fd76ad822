// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TemplatesCommand.h"

#include "SegmentsCommand.h"
#include "messaging/SegmentCounter.h"
#include "profile/Profile.h"
#include "templates/TemplateService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

namespace kengele {

int TemplatesCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("list")) {
        if (!m_cli.allowOnly({}))
            return BadUsage;
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        const auto list = m_cli.profile().templates().list();
        if (!list)
            return m_cli.failed(list.error());
        if (m_cli.json()) {
            QJsonArray array;
            for (const MessageTemplateRecord &t : *list) {
                QJsonObject object = SegmentsCommand::json(SegmentCounter::count(t.body));
                object.insert(QStringLiteral("id"), t.id);
                object.insert(QStringLiteral("name"), t.name);
                object.insert(QStringLiteral("text"), t.body);
                array.append(object);
            }
            m_cli.printJson(array);
        } else {
            for (const MessageTemplateRecord &t : *list) {
                const SegmentInfo info = SegmentCounter::count(t.body);
                m_cli.out() << CliContext::padded(t.name, 30) << tr("%n segment(s)", nullptr, info.segments) << u' '
                            << info.encodingName() << '\n';
            }
        }
        return Done;
    }
    if (sub == QStringLiteral("show") || sub == QStringLiteral("delete")) {
        if (!m_cli.allowOnly({}))
            return BadUsage;
        if (words.size() != 2)
            return m_cli.usage(tr("Give the template's name in quotes: templates %1 \"Sunday service reminder\"").arg(sub));
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        const auto found = m_cli.profile().templates().findByName(words.at(1));
        if (!found)
            return m_cli.failed(found.error());
        if (sub == QStringLiteral("delete")) {
            if (const Status removed = m_cli.profile().templates().remove(found->id); !removed)
                return m_cli.failed(removed.error());
            if (!m_cli.json())
                m_cli.out() << tr("Deleted the template “%1”.").arg(found->name) << Qt::endl;
            else
                m_cli.printJson(QJsonObject{{QStringLiteral("deleted"), found->name}});
            return Done;
        }
        if (m_cli.json()) {
            QJsonObject object = SegmentsCommand::json(SegmentCounter::count(found->body));
            object.insert(QStringLiteral("id"), found->id);
            object.insert(QStringLiteral("name"), found->name);
            object.insert(QStringLiteral("text"), found->body);
            m_cli.printJson(object);
        } else {
            m_cli.out() << found->body << Qt::endl;
        }
        return Done;
    }
    if (sub == QStringLiteral("save")) {
        if (!m_cli.allowOnly({QStringLiteral("text"), QStringLiteral("file")}))
            return BadUsage;
        if (words.size() != 2)
            return m_cli.usage(tr("Give the template's name in quotes: templates save \"Choir practice\" --text \"...\""));
        const bool hasText = m_cli.args().has(QStringLiteral("text"));
        const bool hasFile = m_cli.args().has(QStringLiteral("file"));
        if (hasText == hasFile)
            return m_cli.usage(tr("Give the message with either --text \"...\" or --file FILE."));
        QString body = m_cli.args().value(QStringLiteral("text"));
        if (hasFile) {
            QFile file(m_cli.args().value(QStringLiteral("file")));
            if (!file.open(QIODevice::ReadOnly))
                return m_cli.failed({ErrorCode::Io, tr("Could not read %1: %2").arg(file.fileName(), file.errorString())});
            QStringDecoder decoder(QStringDecoder::Utf8,
                                   QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
            body = decoder.decode(file.readAll());
            if (decoder.hasError())
                return m_cli.failed({ErrorCode::InvalidInput, tr("%1 is not a UTF-8 text file.").arg(file.fileName())});
        }
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        const auto saved = m_cli.profile().templates().save(words.at(1), body);
        if (!saved)
            return m_cli.failed(saved.error());
        const SegmentInfo info = SegmentCounter::count(saved->body);
        if (m_cli.json()) {
            QJsonObject object = SegmentsCommand::json(info);
            object.insert(QStringLiteral("id"), saved->id);
            object.insert(QStringLiteral("name"), saved->name);
            m_cli.printJson(object);
        } else {
            m_cli.out() << tr("Saved the template “%1” (%2, %n SMS part(s) before its fields are filled in).", nullptr,
                              info.segments)
                               .arg(saved->name, info.encodingName())
                        << Qt::endl;
        }
        return Done;
    }
    return m_cli.usage(tr("Use one of: templates list, templates show NAME, templates save NAME, templates delete NAME."));
}

} // namespace kengele
