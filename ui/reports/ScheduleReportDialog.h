// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace kengele {

class Banner;
class GroupService;
class ReportSchedules;

// "Send by itself…" on the Reports page: runs one report every day, week or month at a time of
// day, as a PDF saved in a folder and/or the numbers texted to a group (ReportSchedules::create).
// For the SMS it shows what each one costs (people, SMS parts, tokens), as the compose dialog
// works it out. The period covered is the one just ended (yesterday, last week, last month).
class ScheduleReportDialog final : public QDialog
{
    Q_OBJECT

public:
    // reportName: a built-in report's key or a saved report's name; reportTitle: how people know it.
    ScheduleReportDialog(const QString &reportName, const QString &reportTitle, ReportSchedules &schedules, GroupService &groups,
                         QWidget *parent = nullptr);

    // Schedules it; on success the dialog is accepted, else it says why and stays.
    void schedule();
    // Why it was refused (empty when it was not).
    QString problem() const;
    // The schedule made (0 until schedule() succeeded).
    qint64 scheduleId() const { return m_scheduleId; }

private:
    void chooseFolder();
    void update();
    void updateCost();

    QString m_report;
    ReportSchedules &m_schedules;
    GroupService &m_groups;
    qint64 m_scheduleId = 0;
    QComboBox *m_every = nullptr;
    QLabel *m_dayLabel = nullptr;
    QComboBox *m_weekday = nullptr;
    QSpinBox *m_monthDay = nullptr;
    QTimeEdit *m_time = nullptr;
    QLabel *m_covers = nullptr;
    QCheckBox *m_pdf = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_sms = nullptr;
    QComboBox *m_group = nullptr;
    QLabel *m_cost = nullptr;
    Banner *m_error = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace kengele
