// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Period.h"
#include "ReportDocument.h"
#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QTime>
#include <QTimeZone>

#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcReports)

namespace kengele {

class Access;
struct CampaignDraft;
class CampaignService;
class Clock;
class Database;
class Settings;

// How often a scheduled report goes: every day, every week on one day, every month on one day (in
// a month without that day, on its last day), at a local time of day.
struct ReportCadence {
    enum class Every { Daily, Weekly, Monthly };
    Every every = Every::Weekly;
    int day = 1; // weekly: 1 = Monday … 7 = Sunday; monthly: 1–31; daily: not used (0)
    QTime at = QTime(7, 0); // local

    bool isValid() const;
    // The first time of this cadence strictly after `after`, in `zone`.
    QDateTime nextAfter(const QDateTime &after, const QTimeZone &zone) const;
    // The last time of this cadence at or before `moment`, in `zone`.
    QDateTime lastAtOrBefore(const QDateTime &moment, const QTimeZone &zone) const;
    // The period just ended for a run on `runDay` (local): yesterday for daily, the last whole week
    // (Monday–Sunday) before the run's day for weekly, the month before for monthly.
    Period periodBefore(QDate runDay, const QTimeZone &zone) const;
    // "daily", "weekly", "monthly": as stored and as the command line takes them.
    QString word() const;
    static std::optional<Every> everyFromWord(const QString &word);
};

// What a person chooses: which report, how often, and where it goes (a folder for the PDF and/or
// a group that gets the SMS summary).
struct ReportScheduleDraft {
    QString report; // a built-in report's key ("monthly-summary") or a saved report's name
    // Empty: the period just ended matching the cadence (ReportCadence::periodBefore). Otherwise
    // "this-month", "last-3-months" or "last-12-months", counted up to the day before the run.
    QString period;
    ReportCadence cadence;
    QString folder; // empty: no PDF
    qint64 smsGroupId = 0; // 0: no SMS
    QString accountName = QStringLiteral("Main"); // the token budget that pays for the SMS
};

// What an SMS summary costs each time it goes, worked out as `campaign send` and the compose
// dialog do (CampaignService::preview), with the summary as it would read now.
struct ReportScheduleCost {
    int recipients = 0;
    int optedOut = 0;
    int segments = 0; // SMS parts in all
    int tokens = 0; // 0 on the simulator
    int balance = 0;
    QString text; // the summary as it would read for the last period
};

struct ReportSchedule {
    enum class Outcome { None, Running, Done, Failed };
    qint64 id = 0;
    QString report;
    QString period;
    ReportCadence cadence;
    QString folder;
    qint64 smsGroupId = 0;
    QString smsGroup; // its name; empty when none (or when the group was deleted)
    QString accountName;
    QString createdBy;
    QDateTime createdAt;
    QDateTime nextDueAt; // UTC
    QDateTime lastRunAt; // invalid: never ran
    Outcome lastOutcome = Outcome::None;
    QString lastDetail; // the file written, or why it failed, for people
    qint64 lastCampaignId = 0; // the SMS summary's campaign of the last run
    // What each SMS summary costs, as create() worked it out (other calls leave it empty).
    std::optional<ReportScheduleCost> costPerRun;
};

// One schedule's run.
struct ReportRun {
    qint64 scheduleId = 0;
    QDateTime dueAt; // the time it ran for (the latest missed one)
    Period period;
    QString file; // the PDF written (empty: none)
    qint64 campaignId = 0; // the SMS summary's campaign (0: none)
    bool ok = true;
    QString problem; // why not, for people
};

// Scheduled reports (issue 15; docs/architecture.md, "Scheduled reports"): a report written as a
// PDF into a folder and/or a short SMS summary of the numbers sent to a group, daily, weekly or
// monthly at a local time. Creating and removing are audited ("reports.schedule",
// "reports.unschedule"); a folder needs Permission::EditContacts, an SMS needs SendCampaigns.
//
// runDue() is Kengele's own work (not checked, audited as "reports.run" under AutomaticUser): each
// schedule due runs once, however many times were missed, for the latest one missed; its next time
// moves past now in the same transaction that claims it, so two processes never both run it. The
// claim is committed before the work, so a run cut short (a crash) is not repeated: like a message,
// a summary is never sent twice. The SMS goes as a campaign through CampaignService::launch, so
// opt-outs, quiet hours, tokens and budgets apply. The PDF is written by the DocumentWriter the
// front end gives (core draws no charts) to a file beside the target, then renamed over it.
class ReportSchedules final : public QObject
{
    Q_OBJECT

public:
    // Writes `document` as a PDF at `path`; returns the pages written.
    using DocumentWriter = std::function<Result<int>(const QString &path, const ReportDocument &document)>;

    ReportSchedules(Database &database, CampaignService &campaigns, const Settings &settings, const Clock &clock,
                    QObject *parent = nullptr);

    void setAccess(Access *access) { m_access = access; }
    void setDocumentWriter(DocumentWriter writer) { m_writer = std::move(writer); }
    bool hasDocumentWriter() const { return bool(m_writer); }
    // The zone local times are in (the computer's unless a test says otherwise).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    const QTimeZone &timeZone() const { return m_zone; }

    Result<ReportSchedule> create(const ReportScheduleDraft &draft, const QString &userName = {});
    // Oldest first.
    Result<QList<ReportSchedule>> list() const;
    Result<ReportSchedule> get(qint64 id) const;
    Status remove(qint64 id);

    // What one SMS summary to the group would cost now (nothing is queued).
    Result<ReportScheduleCost> smsCost(qint64 groupId, ReportCadence::Every every = ReportCadence::Every::Weekly,
                                       const QString &accountName = QStringLiteral("Main")) const;
    // Runs every schedule due at `now`, once each. Fails only when the store does; a run that
    // failed (no such report, a folder that cannot be written, not enough tokens) is in the list.
    Result<QList<ReportRun>> runDue(const QDateTime &now);
    // When the next schedule is due (UTC ms); 0 when none.
    Result<qint64> nextDue() const;

    // The SMS summary of the dashboard's numbers for a period, in at most 160 GSM-7 characters:
    // "Kengele week 23-29 Nov: 1,204 sent, 1,150 delivered (95.5%), 12 replies, 1 opt-out."
    Result<QString> summaryText(const Period &period, ReportCadence::Every every) const;
    // "Weekly summary 2026-11-30.pdf": the report's title, the run's local date (characters a file
    // name cannot hold become '-').
    static QString fileName(const QString &title, QDate runDay);
    // The report's title for a schedule: a built-in report's ("Weekly summary" for the summary
    // report run weekly), or a saved report's name; NotFound when there is no such report.
    Result<QString> reportTitle(const QString &report, ReportCadence::Every every) const;

Q_SIGNALS:
    void schedulesChanged();
    // After runDue() ran something (each run, ok or not).
    void ran(const QList<ReportRun> &runs);

private:
    Result<ReportDocument> document(const ReportSchedule &schedule, const Period &period, const QDateTime &now) const;
    CampaignDraft summaryDraft(qint64 groupId, const QString &text, const QString &accountName) const;
    Result<Period> periodFor(const ReportSchedule &schedule, const QDateTime &dueAt) const;
    // Claims one due schedule: moves its next time past now. Returns the time it runs for, or an
    // invalid one when it was not due any more (another process ran it).
    Result<QDateTime> claim(qint64 id, const QDateTime &now);
    ReportRun runOne(const ReportSchedule &schedule, const QDateTime &dueAt, const QDateTime &now);
    Result<QString> writePdf(const ReportSchedule &schedule, const Period &period, const QDateTime &dueAt,
                             const QDateTime &now) const;
    Result<qint64> sendSummary(const ReportSchedule &schedule, const Period &period, const QDateTime &dueAt);
    Status recordOutcome(const ReportRun &run);

    Database &m_database;
    CampaignService &m_campaigns;
    const Settings &m_settings;
    const Clock &m_clock;
    Access *m_access = nullptr;
    DocumentWriter m_writer;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace kengele
