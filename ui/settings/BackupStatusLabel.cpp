// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BackupStatusLabel.h"

#include "backup/BackupScheduler.h"
#include "common/Clock.h"
#include "widgets/Colours.h"

namespace kengele {

BackupStatusLabel::BackupStatusLabel(BackupScheduler &scheduler, const Clock &clock, QWidget *parent)
    : QLabel(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("backupStatusLabel"));
    connect(&m_scheduler, &BackupScheduler::statusChanged, this, &BackupStatusLabel::update);
    update();
}

void BackupStatusLabel::update()
{
    const QDateTime last = m_scheduler.lastBackup();
    const QDateTime now = m_clock.nowUtc();
    const bool overdue = BackupScheduler::isOverdue(last, now);
    setText(BackupScheduler::statusText(last, now));
    setToolTip(overdue ? tr("It is a while since the last backup. Make one in Settings → Backups, or turn on automatic "
                            "backups there.")
                       : tr("Backups are in Settings → Backups."));
    Colours::setTone(this, overdue ? Colours::Tone::Warning : Colours::Tone::Normal, overdue);
}

} // namespace kengele
