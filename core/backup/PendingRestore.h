// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace kengele {

// A backup that was opened and checked (integrity, schema version, migrations applied, the restore
// already in its audit trail) and waits in the profile folder to replace the store. Nothing has
// changed yet: dropping it removes the waiting copy.
//
// swapIn() needs the store closed everywhere (every Profile on it destroyed): it keeps the store as
// it is aside (kengele.sqlite.before-restore-YYYYMMDD-HHMMSS, with its audit-head) and puts the
// backup in its place with one rename, so the store is whole at every moment.
class PendingRestore final
{
    Q_DECLARE_TR_FUNCTIONS(PendingRestore)

public:
    PendingRestore(QString databasePath, QString waitingPath, QString waitingHeadPath, QDateTime now);
    ~PendingRestore();
    PendingRestore(const PendingRestore &) = delete;
    PendingRestore &operator=(const PendingRestore &) = delete;

    // Where the replaced store will be kept.
    QString previousPath() const { return m_previousPath; }
    // Replaces the store; returns where the old one was kept.
    Result<QString> swapIn();

private:
    void discard();

    QString m_databasePath;
    QString m_waitingPath;
    QString m_waitingHeadPath;
    QString m_previousPath;
    bool m_done = false;
};

} // namespace kengele
