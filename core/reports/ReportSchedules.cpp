// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportSchedules.h"

#include "BuiltInReports.h"
#include "DashboardService.h"
#include "ReportRunner.h"
#include "SavedReports.h"
#include "campaigns/CampaignService.h"
#include "common/Clock.h"
#include "security/Access.h"
#include "security/AuditLog.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <filesystem>
#include <system_error>

Q_LOGGING_CATEGORY(lcReports, "kengele.reports")

namespace kengele {

namespace {

// Far enough to find the next time of any cadence (a month on the 31st skips no month: it falls
// back to the last day).
constexpr int SearchDays = 400;

QString outcomeText(ReportSchedule::Outcome outcome)
{
    switch (outcome) {
    case ReportSchedule::Outcome::Running:
        return QStringLiteral("running");
    case ReportSchedule::Outcome::Done:
        return QStringLiteral("done");
    case ReportSchedule::Outcome::Failed:
        return QStringLiteral("failed");
    case ReportSchedule::Outcome::None:
        break;
    }
    return QString();
}

ReportSchedule::Outcome outcomeFromText(const QString &text)
{
    if (text == u"running")
        return ReportSchedule::Outcome::Running;
    if (text == u"done")
        return ReportSchedule::Outcome::Done;
    if (text == u"failed")
        return ReportSchedule::Outcome::Failed;
    return ReportSchedule::Outcome::None;
}

const QString SelectSchedule = QStringLiteral(
    "SELECT s.id, s.report, s.period, s.cadence, s.day, s.at_minute, s.folder, s.sms_group_id, g.name, s.account, "
    "s.created_by, s.created_at, s.next_due_at, s.last_run_at, s.last_outcome, s.last_detail, s.last_campaign_id "
    "FROM report_schedules s LEFT JOIN groups g ON g.id = s.sms_group_id ");

ReportSchedule fromRow(const QSqlQuery &q)
{
    ReportSchedule s;
    s.id = q.value(0).toLongLong();
    s.report = q.value(1).toString();
    s.period = q.value(2).toString();
    s.cadence.every = ReportCadence::everyFromWord(q.value(3).toString()).value_or(ReportCadence::Every::Weekly);
    s.cadence.day = q.value(4).toInt();
    s.cadence.at = QTime(0, 0).addSecs(q.value(5).toInt() * 60);
    s.folder = q.value(6).toString();
    s.smsGroupId = q.value(7).toLongLong();
    s.smsGroup = q.value(8).toString();
    s.accountName = q.value(9).toString();
    s.createdBy = q.value(10).toString();
    s.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(11).toLongLong(), Qt::UTC);
    s.nextDueAt = QDateTime::fromMSecsSinceEpoch(q.value(12).toLongLong(), Qt::UTC);
    if (!q.value(13).isNull())
        s.lastRunAt = QDateTime::fromMSecsSinceEpoch(q.value(13).toLongLong(), Qt::UTC);
    s.lastOutcome = outcomeFromText(q.value(14).toString());
    s.lastDetail = q.value(15).toString();
    s.lastCampaignId = q.value(16).toLongLong();
    return s;
}

QString cadenceWords(ReportCadence::Every every)
{
    switch (every) {
    case ReportCadence::Every::Daily:
        return ReportSchedules::tr("Daily summary");
    case ReportCadence::Every::Weekly:
        return ReportSchedules::tr("Weekly summary");
    case ReportCadence::Every::Monthly:
        break;
    }
    return ReportSchedules::tr("Monthly summary");
}

} // namespace

// --- ReportCadence ---

bool ReportCadence::isValid() const
{
    if (!at.isValid())
        return false;
    switch (every) {
    case Every::Daily:
        return true;
    case Every::Weekly:
        return day >= 1 && day <= 7;
    case Every::Monthly:
        return day >= 1 && day <= 31;
    }
    return false;
}

namespace {

bool falls(const ReportCadence &cadence, QDate date)
{
    switch (cadence.every) {
    case ReportCadence::Every::Daily:
        return true;
    case ReportCadence::Every::Weekly:
        return date.dayOfWeek() == cadence.day;
    case ReportCadence::Every::Monthly:
        return date.day() == qMin(cadence.day, date.daysInMonth());
    }
    return false;
}

} // namespace

QDateTime ReportCadence::nextAfter(const QDateTime &after, const QTimeZone &zone) const
{
    if (!isValid() || !after.isValid())
        return {};
    QDate date = after.toTimeZone(zone).date();
    for (int i = 0; i < SearchDays; ++i, date = date.addDays(1)) {
        if (!falls(*this, date))
            continue;
        const QDateTime time(date, QTime(at.hour(), at.minute()), zone);
        if (time > after)
            return time.toUTC();
    }
    return {};
}

QDateTime ReportCadence::lastAtOrBefore(const QDateTime &moment, const QTimeZone &zone) const
{
    if (!isValid() || !moment.isValid())
        return {};
    QDate date = moment.toTimeZone(zone).date();
    for (int i = 0; i < SearchDays; ++i, date = date.addDays(-1)) {
        if (!falls(*this, date))
            continue;
        const QDateTime time(date, QTime(at.hour(), at.minute()), zone);
        if (time <= moment)
            return time.toUTC();
    }
    return {};
}

Period ReportCadence::periodBefore(QDate runDay, const QTimeZone &zone) const
{
    switch (every) {
    case Every::Daily:
        return Period(runDay.addDays(-1), runDay.addDays(-1), zone);
    case Every::Weekly: {
        // The last Sunday before the run's day closes the last whole week.
        const QDate sunday = runDay.addDays(-runDay.dayOfWeek());
        return Period(sunday.addDays(-6), sunday, zone);
    }
    case Every::Monthly:
        break;
    }
    const QDate first = QDate(runDay.year(), runDay.month(), 1).addMonths(-1);
    return Period(first, first.addDays(first.daysInMonth() - 1), zone);
}

QString ReportCadence::word() const
{
    switch (every) {
    case Every::Daily:
        return QStringLiteral("daily");
    case Every::Weekly:
        return QStringLiteral("weekly");
    case Every::Monthly:
        break;
    }
    return QStringLiteral("monthly");
}

std::optional<ReportCadence::Every> ReportCadence::everyFromWord(const QString &word)
{
    if (word == u"daily")
        return Every::Daily;
    if (word == u"weekly")
        return Every::Weekly;
    if (word == u"monthly")
        return Every::Monthly;
    return std::nullopt;
}

// --- ReportSchedules ---

ReportSchedules::ReportSchedules(Database &database, CampaignService &campaigns, const Settings &settings, const Clock &clock,
                                 QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_campaigns(campaigns)
    , m_settings(settings)
    , m_clock(clock)
{ }

Result<QString> ReportSchedules::reportTitle(const QString &report, ReportCadence::Every every) const
{
    if (report == u"monthly-summary")
        return cadenceWords(every);
    for (const BuiltInReports::Entry &entry : BuiltInReports::entries()) {
        if (entry.key == report)
            return entry.title;
    }
    const SavedReports saved(m_database, m_clock);
    const Result<SavedReport> found = saved.find(report);
    if (!found)
        return std::unexpected(found.error());
    return found->name;
}

QString ReportSchedules::fileName(const QString &title, QDate runDay)
{
    QString name = title.simplified();
    for (QChar &c : name) {
        if (c.unicode() < 0x20 || QStringView(u"/\\:*?\"<>|").contains(c))
            c = u'-';
    }
    // A name starting with a dot is hidden, and is what the file is written as before it is complete.
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    if (name.isEmpty())
        name = tr("Report");
    return name + u' ' + runDay.toString(Qt::ISODate) + QStringLiteral(".pdf");
}

Result<QString> ReportSchedules::summaryText(const Period &period, ReportCadence::Every every) const
{
    const Result<DashboardNumbers> numbers = DashboardService(m_database).numbers(period);
    if (!numbers)
        return std::unexpected(numbers.error());
    const QLocale locale;
    const auto day = [&](QDate date) {
        return QStringLiteral("%1 %2").arg(date.day()).arg(locale.monthName(date.month(), QLocale::ShortFormat));
    };
    QString when;
    const QDate from = period.from(), to = period.to();
    if (from == to) {
        when = day(from);
    } else if (from.day() == 1 && to == from.addDays(from.daysInMonth() - 1)) {
        when = QStringLiteral("%1 %2").arg(locale.monthName(from.month(), QLocale::ShortFormat)).arg(from.year());
    } else if (from.month() == to.month() && from.year() == to.year()) {
        when = QStringLiteral("%1-%2").arg(from.day()).arg(day(to));
    } else {
        when = day(from) + u'-' + day(to);
    }
    if (every == ReportCadence::Every::Weekly && period.days() == 7)
        when = tr("week %1").arg(when);
    const DashboardNumbers::Totals &t = numbers->totals;
    QString delivered = tr("delivered %1").arg(locale.toString(t.delivered));
    if (!t.deliveryRate.isNull())
        delivered += QStringLiteral(" (%1%)").arg(locale.toString(t.deliveryRate.toDouble(), 'f', 1));
    // Plain words and an ASCII hyphen: one GSM-7 SMS part (an en dash would make it Unicode).
    return tr("Kengele %1: sent %2, %3, replies %4, opt-outs %5.")
        .arg(when, locale.toString(t.sent), delivered, locale.toString(t.replies), locale.toString(t.optOuts));
}

CampaignDraft ReportSchedules::summaryDraft(qint64 groupId, const QString &text, const QString &accountName) const
{
    CampaignDraft draft;
    draft.name = tr("SMS summary");
    draft.body = text;
    draft.groupIds = {groupId};
    draft.gateway = m_settings.gatewayProvider();
    draft.senderId = m_settings.gatewaySenderId();
    draft.chargeTokens = draft.gateway != GatewayKind::Simulator;
    draft.accountName = accountName.isEmpty() ? QStringLiteral("Main") : accountName;
    return draft;
}

Result<ReportScheduleCost> ReportSchedules::smsCost(qint64 groupId, ReportCadence::Every every, const QString &accountName) const
{
    ReportCadence cadence;
    cadence.every = every;
    const QDate today = m_clock.nowUtc().toTimeZone(m_zone).date();
    const Result<QString> text = summaryText(cadence.periodBefore(today, m_zone), every);
    if (!text)
        return std::unexpected(text.error());
    const Result<CampaignPreview> preview = m_campaigns.preview(summaryDraft(groupId, *text, accountName), 1);
    if (!preview)
        return std::unexpected(preview.error());
    ReportScheduleCost cost;
    cost.recipients = preview->recipients;
    cost.optedOut = preview->optedOut;
    cost.segments = preview->segments;
    cost.tokens = preview->tokens;
    cost.balance = preview->balance;
    cost.text = *text;
    return cost;
}

Result<ReportSchedule> ReportSchedules::create(const ReportScheduleDraft &draft, const QString &userName)
{
    const bool pdf = !draft.folder.trimmed().isEmpty();
    const bool sms = draft.smsGroupId > 0;
    if (!pdf && !sms)
        return fail(ErrorCode::InvalidInput,
                    tr("Choose where the report goes: a folder for the PDF, a group for the SMS, or both."));
    if (pdf) {
        if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
            return std::unexpected(allowed.error());
    }
    if (sms) {
        if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
            return std::unexpected(allowed.error());
    }
    if (!draft.cadence.isValid())
        return fail(ErrorCode::InvalidInput,
                    draft.cadence.every == ReportCadence::Every::Weekly ? tr("Choose the day of the week the report goes.")
                                                                        : tr("Choose a day of the month from 1 to 31."));
    if (draft.report == u"campaign")
        return fail(ErrorCode::InvalidInput,
                    tr("The campaign report is about one campaign, so it cannot go by itself every day, week or month."));
    const Result<QString> title = reportTitle(draft.report, draft.cadence.every);
    if (!title)
        return std::unexpected(title.error());
    const QString period = draft.period.trimmed();
    if (!period.isEmpty() && period != u"this-month" && period != u"last-3-months" && period != u"last-12-months")
        return fail(ErrorCode::InvalidInput,
                    tr("“%1” is not a period for a scheduled report. Leave it out for the period just ended, or use "
                       "this-month, last-3-months or last-12-months.")
                        .arg(period));
    QString folder;
    if (pdf) {
        const QFileInfo info(draft.folder.trimmed());
        if (!info.isDir())
            return fail(ErrorCode::InvalidInput,
                        tr("There is no folder %1. Choose a folder that exists.").arg(QDir::toNativeSeparators(draft.folder)));
        folder = info.absoluteFilePath();
    }
    const QDateTime now = m_clock.nowUtc();
    const QDateTime next = draft.cadence.nextAfter(now, m_zone);
    std::optional<ReportScheduleCost> cost;
    if (sms) {
        // An SMS that goes by itself later is a scheduled campaign: the plan must allow those
        // (when the relay's operator locks features by plan; never on the simulator).
        CampaignDraft later = summaryDraft(draft.smsGroupId, QString(), draft.accountName);
        later.scheduledAt = next;
        if (Status allowed = m_campaigns.checkFeatures(later); !allowed)
            return std::unexpected(allowed.error());
        Result<ReportScheduleCost> found = smsCost(draft.smsGroupId, draft.cadence.every, draft.accountName);
        if (!found)
            return std::unexpected(found.error());
        cost = *found;
    }
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Scheduling the report")); !begun)
        return std::unexpected(begun.error());
    QSqlQuery q(db);
    if (sms) { // the group still exists now, inside the transaction
        q.prepare(QStringLiteral("SELECT 1 FROM groups WHERE id = ?"));
        q.addBindValue(draft.smsGroupId);
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Scheduling the report")));
        if (!q.next())
            return fail(ErrorCode::NotFound, tr("The group for the SMS was deleted. Choose another group."));
        q.finish();
    }
    q.prepare(QStringLiteral("INSERT INTO report_schedules(report, period, cadence, day, at_minute, folder, sms_group_id, "
                             "account, created_by, created_at, next_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "RETURNING id"));
    q.addBindValue(draft.report);
    q.addBindValue(sqlText(period));
    q.addBindValue(draft.cadence.word());
    q.addBindValue(draft.cadence.every == ReportCadence::Every::Daily ? 0 : draft.cadence.day);
    q.addBindValue(draft.cadence.at.hour() * 60 + draft.cadence.at.minute());
    q.addBindValue(sqlText(folder));
    q.addBindValue(sms ? draft.smsGroupId : qint64(0));
    q.addBindValue(draft.accountName.isEmpty() ? QStringLiteral("Main") : draft.accountName);
    q.addBindValue(sqlText(userName));
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(next.toMSecsSinceEpoch());
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Scheduling the report")));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    QStringList how = {draft.cadence.word()};
    if (pdf)
        how << QStringLiteral("pdf");
    if (sms)
        how << QStringLiteral("sms to group:%1").arg(draft.smsGroupId);
    if (Status done = transaction.commit(
            {QStringLiteral("reports.schedule"), QStringLiteral("report-schedule:%1").arg(id), how.join(QStringLiteral(", "))});
        !done)
        return std::unexpected(done.error());
    qCInfo(lcReports) << "report schedule" << id << "created," << draft.cadence.word();
    Q_EMIT schedulesChanged();
    Result<ReportSchedule> created = get(id);
    if (created)
        created->costPerRun = cost;
    return created;
}

Result<QList<ReportSchedule>> ReportSchedules::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(SelectSchedule + QStringLiteral("ORDER BY s.id")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the scheduled reports")));
    QList<ReportSchedule> schedules;
    while (q.next())
        schedules << fromRow(q);
    return schedules;
}

Result<ReportSchedule> ReportSchedules::get(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(SelectSchedule + QStringLiteral("WHERE s.id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the scheduled reports")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("There is no scheduled report number %1.").arg(id));
    return fromRow(q);
}

Status ReportSchedules::remove(qint64 id)
{
    const Result<ReportSchedule> existing = get(id);
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->folder.isEmpty()) {
        if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
            return allowed;
    }
    if (existing->smsGroupId > 0) {
        if (Status allowed = Access::check(m_access, Permission::SendCampaigns); !allowed)
            return allowed;
    }
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Removing the scheduled report")); !begun)
        return begun;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM report_schedules WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Removing the scheduled report")));
    if (Status done = transaction.commit(
            {QStringLiteral("reports.unschedule"), QStringLiteral("report-schedule:%1").arg(id), existing->report});
        !done)
        return done;
    Q_EMIT schedulesChanged();
    return {};
}

Result<qint64> ReportSchedules::nextDue() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT min(next_due_at) FROM report_schedules")) || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the scheduled reports")));
    return q.value(0).isNull() ? 0 : q.value(0).toLongLong();
}

Result<QDateTime> ReportSchedules::claim(qint64 id, const QDateTime &now)
{
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Running a scheduled report")); !begun)
        return std::unexpected(begun.error());
    // Read again under the write lock: another process (or window) may have just run it.
    const Result<ReportSchedule> schedule = get(id);
    if (!schedule && schedule.error().code == ErrorCode::NotFound)
        return QDateTime(); // removed meanwhile
    if (!schedule)
        return std::unexpected(schedule.error());
    if (schedule->nextDueAt > now)
        return QDateTime();
    // However many times were missed, it runs once, for the latest; the next time is after now.
    QDateTime dueAt = schedule->cadence.lastAtOrBefore(now, m_zone);
    if (!dueAt.isValid() || dueAt < schedule->nextDueAt)
        dueAt = schedule->nextDueAt;
    QDateTime next = schedule->cadence.nextAfter(now, m_zone);
    if (!next.isValid())
        next = now.addDays(1);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE report_schedules SET next_due_at = ?, last_run_at = ?, last_outcome = 'running', "
                             "last_detail = '', last_campaign_id = 0 WHERE id = ? AND next_due_at = ?"));
    q.addBindValue(next.toMSecsSinceEpoch());
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(id);
    q.addBindValue(schedule->nextDueAt.toMSecsSinceEpoch());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Running a scheduled report")));
    if (q.numRowsAffected() != 1)
        return QDateTime();
    if (Status done = transaction.commit({QStringLiteral("reports.run"), QStringLiteral("report-schedule:%1").arg(id),
                                          dueAt.toString(Qt::ISODate), Actor::Kengele});
        !done)
        return std::unexpected(done.error());
    return dueAt;
}

Result<Period> ReportSchedules::periodFor(const ReportSchedule &schedule, const QDateTime &dueAt) const
{
    const QDate runDay = dueAt.toTimeZone(m_zone).date();
    if (schedule.period.isEmpty())
        return schedule.cadence.periodBefore(runDay, m_zone);
    return Period::parse(schedule.period, runDay.addDays(-1), m_zone);
}

Result<ReportDocument> ReportSchedules::document(const ReportSchedule &schedule, const Period &period, const QDateTime &now) const
{
    const Result<QString> title = reportTitle(schedule.report, schedule.cadence.every);
    if (!title)
        return std::unexpected(title.error());
    Result<ReportDocument> document = fail(ErrorCode::NotFound, QString());
    if (BuiltInReports::isBuiltIn(schedule.report)) {
        document = BuiltInReports(m_database).run(schedule.report, period, now);
    } else {
        const SavedReports saved(m_database, m_clock);
        const Result<SavedReport> report = saved.find(schedule.report);
        if (!report)
            return std::unexpected(report.error());
        Result<ReportQuery> query = ReportQuery::fromJson(report->query, period.to(), m_zone);
        if (!query)
            return std::unexpected(query.error());
        query->period = period;
        document = ReportRunner(m_database).document(*query, report->name, now);
    }
    if (document)
        document->title = *title;
    return document;
}

Result<QString> ReportSchedules::writePdf(const ReportSchedule &schedule, const Period &period, const QDateTime &dueAt,
                                          const QDateTime &now) const
{
    if (!m_writer)
        return fail(ErrorCode::Unsupported, tr("This part of Kengele cannot write PDF files."));
    const QDir dir(schedule.folder);
    if (!dir.exists())
        return fail(ErrorCode::Io, tr("The folder %1 is not there any more.").arg(QDir::toNativeSeparators(schedule.folder)));
    const Result<ReportDocument> document = this->document(schedule, period, now);
    if (!document)
        return std::unexpected(document.error());
    const QString name = fileName(document->title, dueAt.toTimeZone(m_zone).date());
    const QString target = dir.filePath(name);
    // Written whole beside the target, then renamed over it: a reader never sees half a file, and
    // a failure leaves the last one as it was.
    const QString partial = dir.filePath(u'.' + name + QStringLiteral(".part"));
    const Result<int> pages = m_writer(partial, *document);
    if (!pages) {
        QFile::remove(partial);
        return std::unexpected(pages.error());
    }
    std::error_code error;
    std::filesystem::rename(std::filesystem::path(partial.toStdU16String()), std::filesystem::path(target.toStdU16String()),
                            error);
    if (error) {
        QFile::remove(partial);
        return fail(ErrorCode::Io,
                    tr("%1 could not be written: %2")
                        .arg(QDir::toNativeSeparators(target), QString::fromLocal8Bit(error.message().c_str())));
    }
    return target;
}

Result<qint64> ReportSchedules::sendSummary(const ReportSchedule &schedule, const Period &period, const QDateTime &dueAt)
{
    if (schedule.smsGroup.isEmpty())
        return fail(ErrorCode::NotFound,
                    tr("The group for the SMS summary was deleted. Schedule the report again with a group."));
    const Result<QString> text = summaryText(period, schedule.cadence.every);
    if (!text)
        return std::unexpected(text.error());
    CampaignDraft draft = summaryDraft(schedule.smsGroupId, *text, schedule.accountName);
    const Result<QString> title = reportTitle(schedule.report, schedule.cadence.every);
    draft.name = tr("SMS summary %1").arg(dueAt.toTimeZone(m_zone).date().toString(Qt::ISODate));
    if (title)
        draft.name = QStringLiteral("%1 %2").arg(*title, dueAt.toTimeZone(m_zone).date().toString(Qt::ISODate));
    draft.name = draft.name.left(CampaignService::MaxNameLength);
    // Kengele's own launch, as a repeating campaign's times are: the person who scheduled it was
    // allowed to send; whoever is signed in now need not be.
    const Result<Campaign> launched = m_campaigns.launch(draft, QString::fromLatin1(AuditLog::AutomaticUser), Actor::Kengele);
    if (!launched)
        return std::unexpected(launched.error());
    return launched->id;
}

ReportRun ReportSchedules::runOne(const ReportSchedule &schedule, const QDateTime &dueAt, const QDateTime &now)
{
    ReportRun run;
    run.scheduleId = schedule.id;
    run.dueAt = dueAt;
    const Result<Period> period = periodFor(schedule, dueAt);
    if (!period) {
        run.ok = false;
        run.problem = period.error().message;
        return run;
    }
    run.period = *period;
    QStringList problems;
    if (!schedule.folder.isEmpty()) {
        const Result<QString> file = writePdf(schedule, *period, dueAt, now);
        if (file)
            run.file = *file;
        else
            problems << file.error().message;
    }
    if (schedule.smsGroupId > 0) {
        const Result<qint64> campaign = sendSummary(schedule, *period, dueAt);
        if (campaign)
            run.campaignId = *campaign;
        else
            problems << campaign.error().message;
    }
    run.ok = problems.isEmpty();
    run.problem = problems.join(u' ');
    return run;
}

Status ReportSchedules::recordOutcome(const ReportRun &run)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Running a scheduled report")); !begun)
        return begun;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE report_schedules SET last_outcome = ?, last_detail = ?, last_campaign_id = ? WHERE id = ?"));
    q.addBindValue(outcomeText(run.ok ? ReportSchedule::Outcome::Done : ReportSchedule::Outcome::Failed));
    q.addBindValue(sqlText(run.ok ? run.file : run.problem));
    q.addBindValue(run.campaignId);
    q.addBindValue(run.scheduleId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Running a scheduled report")));
    return transaction.commit();
}

Result<QList<ReportRun>> ReportSchedules::runDue(const QDateTime &now)
{
    QList<qint64> due;
    {
        QSqlQuery q(m_database.connection());
        q.prepare(QStringLiteral("SELECT id FROM report_schedules WHERE next_due_at <= ? ORDER BY next_due_at, id"));
        q.addBindValue(now.toMSecsSinceEpoch());
        if (!q.exec())
            return std::unexpected(Database::storageError(q.lastError(), tr("Reading the scheduled reports")));
        while (q.next())
            due << q.value(0).toLongLong();
    }
    QList<ReportRun> runs;
    for (const qint64 id : std::as_const(due)) {
        const Result<QDateTime> dueAt = claim(id, now);
        if (!dueAt)
            return std::unexpected(dueAt.error());
        if (!dueAt->isValid())
            continue; // another process ran it
        const Result<ReportSchedule> schedule = get(id);
        if (!schedule)
            return std::unexpected(schedule.error());
        const ReportRun run = runOne(*schedule, *dueAt, now);
        if (run.ok)
            qCInfo(lcReports) << "scheduled report" << id << "ran:" << (run.file.isEmpty() ? "no pdf" : "pdf written")
                              << (run.campaignId > 0 ? "sms summary queued" : "no sms");
        else
            qCWarning(lcReports) << "scheduled report" << id << "failed";
        if (Status recorded = recordOutcome(run); !recorded)
            return std::unexpected(recorded.error());
        runs << run;
    }
    if (!runs.isEmpty()) {
        Q_EMIT ran(runs);
        Q_EMIT schedulesChanged();
    }
    return runs;
}

} // namespace kengele
