// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLabel>

namespace kengele {

class BackupScheduler;
class Clock;

// The status bar's "Last backup: 2 days ago", in the warning colour with a hint after
// BackupScheduler::WarnAfterDays days (or when there was none yet).
class BackupStatusLabel final : public QLabel
{
    Q_OBJECT

public:
    BackupStatusLabel(BackupScheduler &scheduler, const Clock &clock, QWidget *parent = nullptr);

    void update();

private:
    BackupScheduler &m_scheduler;
    const Clock &m_clock;
};

} // namespace kengele
