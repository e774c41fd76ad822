// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BackupRetention.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace kengele {

QStringList BackupRetention::toRemove(const QList<BackupStamp> &backups)
{
    QList<BackupStamp> newestFirst = backups;
    std::stable_sort(newestFirst.begin(), newestFirst.end(),
                     [](const BackupStamp &a, const BackupStamp &b) { return a.time > b.time; });
    QSet<QString> kept;
    // Walks from the newest: the first backup of each period is kept, for the `periods` newest periods.
    const auto keep = [&](int periods, const std::function<qint64(const QDate &)> &period) {
        QSet<qint64> seen;
        for (const BackupStamp &backup : std::as_const(newestFirst)) {
            const qint64 key = period(backup.time.date());
            if (seen.contains(key))
                continue;
            if (seen.size() == periods)
                break;
            seen.insert(key);
            kept.insert(backup.file);
        }
    };
    keep(Daily, [](const QDate &day) { return day.toJulianDay(); });
    keep(Weekly, [](const QDate &day) {
        int year = 0;
        const int week = day.weekNumber(&year);
        return qint64(year) * 100 + week;
    });
    keep(Monthly, [](const QDate &day) { return qint64(day.year()) * 100 + day.month(); });
    QStringList removed;
    for (const BackupStamp &backup : std::as_const(newestFirst)) {
        if (!kept.contains(backup.file))
            removed.append(backup.file);
    }
    return removed;
}

QDateTime BackupRetention::timeFromName(const QString &fileName)
{
    static const QRegularExpression pattern(QStringLiteral("^kengele-(\\d{8}-\\d{6})\\.kengele-backup$"));
    const QRegularExpressionMatch match = pattern.match(fileName);
    if (!match.hasMatch())
        return {};
    return QDateTime::fromString(match.captured(1), QStringLiteral("yyyyMMdd-HHmmss"));
}

} // namespace kengele
