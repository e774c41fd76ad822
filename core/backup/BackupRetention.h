// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace kengele {

struct BackupStamp {
    QString file;
    QDateTime time; // local time: days, weeks and months are the office's
};

// Which automatic backups to keep: the newest of each of the last 7 days that have one, of the
// last 4 weeks (ISO weeks) and of the last 12 months; a backup chosen by any of the three stays.
// Pure, over names and times, so it is tested without files.
class BackupRetention final
{
public:
    static constexpr int Daily = 7;
    static constexpr int Weekly = 4;
    static constexpr int Monthly = 12;

    // The files of `backups` to remove.
    static QStringList toRemove(const QList<BackupStamp> &backups);
    // When an automatic backup was made, from its name (kengele-YYYYMMDD-HHMMSS.kengele-backup, local
    // time); invalid for any other name (those are never removed).
    static QDateTime timeFromName(const QString &fileName);
};

} // namespace kengele
