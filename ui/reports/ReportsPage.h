// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "reports/Period.h"
#include "reports/ReportDocument.h"
#include "reports/SavedReports.h"

#include <QPageSize>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPrintPreviewDialog;
class QPushButton;

namespace kengele {

class BuiltInReports;
class CampaignService;
class Clock;
class FeatureLocks;
class GroupService;
class ReportSchedules;
class ScheduleReportDialog;
class ScheduledReportsDialog;
class ReportBuilderDialog;
class ReportPeriodPicker;
class ReportRunner;
class ReportView;
class RoleGate;
class Settings;

// What the Reports page reads and changes.
struct ReportServices {
    const BuiltInReports &builtIn;
    const ReportRunner &runner;
    SavedReports &saved;
    const CampaignService &campaigns; // the campaign report's choice of campaign
    const Settings &settings; // the church's name and logo on paper
    const Clock &clock;
};

// The Reports page: on the left the reports Kengele comes with (each with a line saying what it
// shows), then the saved reports by name, with "New report…", "Edit…" and "Delete…"; on the right
// the chosen report as a document (ReportView: title, charts, tables), its period (and, for the
// campaign report, its campaign), and Print…, Save as PDF… (A4 or Letter), Export to Excel… and
// Export to CSV….
//
// Reports are worked out on a worker thread (QtConcurrent; each service uses that thread's own
// database connection). The report shown stays until the new one arrives; a result that is no
// longer wanted (the person chose another report or period meanwhile) is dropped. The spreadsheet
// and CSV files are written on a worker thread too; the PDF is drawn on this thread, as Qt Charts
// needs (a few hundred milliseconds).
class ReportsPage final : public QWidget
{
    Q_OBJECT

public:
    enum class FileFormat { Csv, Xlsx };

    explicit ReportsPage(const ReportServices &services, QWidget *parent = nullptr);
    // Waits for the reports and files still being worked out (they read the profile's database).
    ~ReportsPage() override;

    // Greys "Delete…" and the builder's "Save" for whoever may not change reports (a viewer).
    void setRoleGate(RoleGate &gate);
    // Reports made by themselves: "Schedule…" for the report shown and "Scheduled reports…" (the
    // groups are the SMS summary's choice). Without it those buttons are hidden.
    void setSchedules(ReportSchedules *schedules, GroupService *groups);
    // Where the relay's operator locks features by plan, reports need the plan with "Charts,
    // reports and insights": without it the page says which plan, and works nothing out.
    void setFeatureLocks(const FeatureLocks *locks) { m_locks = locks; }
    // The dialog that schedules the report shown, or the list of scheduled reports; shown, not
    // modal to the application; nullptr without schedules or report.
    ScheduleReportDialog *scheduleReport();
    ScheduledReportsDialog *showSchedules();

    // Reads the saved reports and the campaigns again, keeping the choice.
    void reload();
    // A built-in report's key ("monthly-summary") or a saved report's name; false when there is none.
    bool selectReport(const QString &keyOrName);
    QString currentReport() const;
    bool isSavedReport() const;
    // The campaign report of this campaign, worked out now.
    void showCampaignReport(qint64 campaignId);
    void setPeriod(const Period &period);
    Period period() const;
    qint64 currentCampaign() const;

    // Works the chosen report out again (on a worker thread).
    void run();
    bool isRunning() const { return m_runSerial != 0; }
    ReportView *view() const { return m_view; }
    QListWidget *reportList() const { return m_list; }

    // The report shown on paper: the preview dialog (not yet shown; it deletes itself when closed).
    QPrintPreviewDialog *printPreview();
    // Writes the report shown as a PDF; the number of pages.
    Result<int> savePdf(const QString &path, QPageSize::PageSizeId paper);
    QPageSize::PageSizeId paper() const;
    // Writes the report shown as a spreadsheet or CSV file on a worker thread; exportFinished() tells.
    void exportFile(const QString &path, FileFormat format);
    bool isExporting() const { return m_exports > 0; }

    // The builder for a new report, or for the saved report chosen; shown (not modal to the
    // application). Saving puts the report in the list and shows it.
    ReportBuilderDialog *newReport();
    ReportBuilderDialog *editReport();
    // Deletes the saved report chosen, after asking.
    void deleteReport();

    // Letter in the United States, else A4.
    static QPageSize::PageSizeId defaultPaper(const QLocale &locale);
    // A one-line description of a built-in report, for the list.
    static QString description(const QString &key);

Q_SIGNALS:
    // A report arrived and is shown (or its error is).
    void reportShown();
    // A file export ended: `ok`, and the file's path or why it failed.
    void exportFinished(bool ok, const QString &pathOrError);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillList();
    void reloadCampaigns();
    void reportChosen();
    void updateControls();
    ReportBuilderDialog *openBuilder(const SavedReport *report);
    void builderSaved(const QString &name);
    void askSavePdf();
    void askExport(FileFormat format);
    QString suggestedPath(const QString &extension) const;
    void showDone(const QString &text);

    const ReportServices m_services;
    RoleGate *m_gate = nullptr;
    QList<SavedReport> m_savedReports;
    int m_runSerial = 0; // the run whose result is wanted; 0: none is on its way
    int m_lastSerial = 0;
    int m_exports = 0;
    bool m_stale = true; // the choice changed while the page was hidden

    QListWidget *m_list = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_periodLabel = nullptr;
    ReportPeriodPicker *m_period = nullptr;
    QLabel *m_campaignLabel = nullptr;
    QComboBox *m_campaign = nullptr;
    ReportView *m_view = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_pdf = nullptr;
    QComboBox *m_paper = nullptr;
    QPushButton *m_excel = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_schedule = nullptr;
    QPushButton *m_schedules = nullptr;
    ReportSchedules *m_reportSchedules = nullptr;
    const FeatureLocks *m_locks = nullptr;
    GroupService *m_groups = nullptr;
    QLabel *m_done = nullptr;
};

} // namespace kengele
