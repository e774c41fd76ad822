// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SettingsCommand.h"

#include "profile/Profile.h"
#include "settings/Settings.h"

#include <QJsonObject>
#include <QTime>

#include <optional>

namespace kengele {

namespace {

QString hhmm(const QTime &time)
{
    return time.toString(QStringLiteral("HH:mm"));
}

} // namespace

int SettingsCommand::run(const QStringList &words)
{
    if (words.value(0) == QStringLiteral("quiet-hours"))
        return quietHours(words.mid(1));
    return m_cli.usage(tr("Use: settings quiet-hours 21:00-07:00, or settings quiet-hours off."));
}

int SettingsCommand::quietHours(const QStringList &words)
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (words.size() > 1)
        return m_cli.usage(tr("Give the quiet hours as one word, without spaces: settings quiet-hours 21:00-07:00"));
    std::optional<std::pair<QTime, QTime>> range;
    const bool off = words.value(0).compare(QStringLiteral("off"), Qt::CaseInsensitive) == 0;
    if (!words.isEmpty() && !off) {
        range = Settings::parseQuietHours(words.first());
        if (!range)
            return m_cli.usage(tr("“%1” is not a time range. Write the quiet hours as two times of day, e.g. 21:00-07:00 "
                                  "(from 9 in the evening to 7 in the morning), or “off” for no quiet hours.")
                                   .arg(words.first()));
        if (range->first == range->second)
            return m_cli.usage(tr("The quiet hours would start and end at the same time (%1), which leaves no quiet time. "
                                  "Write two different times, e.g. 21:00-07:00, or “off” for no quiet hours.")
                                   .arg(hhmm(range->first)));
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    Settings &settings = m_cli.profile().settings();
    if (off) {
        settings.setQuietHoursOff();
        settings.sync();
    } else if (range) {
        settings.setQuietHours(range->first, range->second);
        settings.sync();
    }
    const QString start = hhmm(settings.quietHoursStart());
    const QString end = hhmm(settings.quietHoursEnd());
    if (m_cli.json()) {
        m_cli.printJson(
            QJsonObject{{QStringLiteral("quiet_hours"),
                         settings.quietHoursEnabled() ? QJsonValue(start + u'-' + end) : QJsonValue(QJsonValue::Null)}});
    } else if (settings.quietHoursEnabled()) {
        m_cli.out() << tr("Quiet hours: %1 to %2. Only urgent messages go out then; the others wait until %2.").arg(start, end)
                    << Qt::endl;
    } else {
        m_cli.out() << tr("No quiet hours: messages go out at any hour of the day or night.") << Qt::endl;
    }
    return Done;
}

} // namespace kengele
