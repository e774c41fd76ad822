// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "reports/ReportSchedules.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace kengele {

class Banner;

// Reports → Scheduled reports…: every report that goes by itself (ReportSchedules), when it goes
// next, where to, and how its last run went; "Stop sending" removes the chosen one (after asking).
class ScheduledReportsDialog final : public QDialog
{
    Q_OBJECT

public:
    // titleOf: how people know a report ("Monthly messaging summary" for "monthly-summary").
    ScheduledReportsDialog(ReportSchedules &schedules, std::function<QString(const QString &)> titleOf,
                           QWidget *parent = nullptr);

    void reload();
    QTreeWidget *list() const { return m_list; }
    // Removes the schedule chosen, after asking (MessageBox).
    void removeChosen();

    // "Every Monday at 07:00", "Every day at 18:30", "On the 1st of each month at 08:00".
    static QString describe(const ReportCadence &cadence);

private:
    void updateButtons();

    ReportSchedules &m_schedules;
    std::function<QString(const QString &)> m_titleOf;
    QTreeWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    Banner *m_error = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace kengele
