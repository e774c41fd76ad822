// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"
#include "common/Result.h"
#include "reports/Period.h"
#include "reports/ReportDocument.h"

namespace kengele {

// kengele-cli report list | report run NAME [--period P] [--campaign ID] [--format json|csv|xlsx|pdf]
// [--out FILE] [--paper a4|letter]: the built-in reports and those saved from the report builder
// (BuiltInReports, SavedReports), as JSON on stdout or written to a file; report schedule NAME
// --every daily|weekly|monthly [--at HH:MM] [--on DAY] [--period P] [--to-folder DIR] [--sms-to
// GROUP] [--account NAME] | report schedules | report unschedule ID | report run-due [--no-wait]
// [--rate N]: scheduled reports (ReportSchedules), as the desktop runs them.
class ReportCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;

    // --period, read in the computer's time zone against the clock's today (this month when absent).
    static Result<Period> period(CliContext &cli);

private:
    int list();
    int runReport(const QString &name);
    int writeFile(const ReportDocument &document, const QString &format, const QString &out, const QString &paper);
    // The report builder without a window: save NAME --measure M [--group-by D[,D]] [--period P]
    // [--filter DIM=VALUE]…, and delete NAME.
    int save(const QString &name);
    int remove(const QString &name);
    // Scheduled reports (ReportSchedules): schedule, schedules, unschedule, run-due.
    int schedule(const QString &name);
    int schedules();
    int unschedule(const QString &id);
    int runDue();
    // Gives the profile's schedules the PDF writer (ReportPdfWriter with the settings' paper).
    void prepareSchedules();
};

} // namespace kengele
