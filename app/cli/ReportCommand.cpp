// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportCommand.h"

#include "ForegroundDispatch.h"
#include "common/Clock.h"
#include "contacts/GroupService.h"
#include "importexport/ReportCsvWriter.h"
#include "importexport/ReportXlsxWriter.h"
#include "profile/Profile.h"
#include "reports/BuiltInReports.h"
#include "reports/ReportJson.h"
#include "reports/ReportPdfWriter.h"
#include "reports/ReportPrinter.h"
#include "reports/ReportRunner.h"
#include "reports/ReportSchedules.h"
#include "reports/SavedReports.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/FeatureLocks.h"

#include <QDir>
#include <QFileInfo>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace kengele {

Result<Period> ReportCommand::period(CliContext &cli)
{
    const QDate today = cli.clock().nowUtc().toLocalTime().date();
    return Period::parse(cli.args().value(QStringLiteral("period")), today, QTimeZone::systemTimeZone());
}

int ReportCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == u"list" && words.size() == 1)
        return list();
    if (sub == u"run" && words.size() == 2)
        return runReport(words[1]);
    if (sub == u"save" && words.size() == 2)
        return save(words[1]);
    if (sub == u"delete" && words.size() == 2)
        return remove(words[1]);
    if (sub == u"schedule" && words.size() == 2)
        return schedule(words[1]);
    if (sub == u"schedules" && words.size() == 1)
        return schedules();
    if (sub == u"unschedule" && words.size() == 2)
        return unschedule(words[1]);
    if (sub == u"run-due" && words.size() == 1)
        return runDue();
    return m_cli.usage(tr("Usage: report list | report run NAME [--period P] [--campaign ID] [--format "
                          "json|csv|xlsx|pdf] [--out FILE] [--paper a4|letter] | report save NAME --measure M "
                          "[--group-by DIM[,DIM]] [--period P] [--filter DIM=VALUE]... | report delete NAME | "
                          "report schedule NAME --every "
                          "daily|weekly|monthly [--at HH:MM] [--on DAY] [--period P] [--to-folder DIR] [--sms-to GROUP] "
                          "[--account NAME] | report schedules | report unschedule ID | report run-due [--no-wait] "
                          "[--rate PER_SECOND]"));
}

int ReportCommand::list()
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const SavedReports saved(m_cli.profile().database(), m_cli.clock());
    const Result<QList<SavedReport>> reports = saved.list();
    if (!reports)
        return m_cli.failed(reports.error());
    QJsonArray array;
    for (const BuiltInReports::Entry &entry : BuiltInReports::entries())
        array.append(QJsonObject{{QStringLiteral("name"), entry.key},
                                 {QStringLiteral("title"), entry.title},
                                 {QStringLiteral("kind"), QStringLiteral("built-in")}});
    for (const SavedReport &report : *reports)
        array.append(QJsonObject{{QStringLiteral("name"), report.name},
                                 {QStringLiteral("title"), report.name},
                                 {QStringLiteral("kind"), QStringLiteral("saved")}});
    if (m_cli.json()) {
        m_cli.printJson(array);
        return Done;
    }
    for (const BuiltInReports::Entry &entry : BuiltInReports::entries())
        m_cli.out() << CliContext::padded(entry.key, 24) << entry.title << '\n';
    for (const SavedReport &report : *reports)
        m_cli.out() << CliContext::padded(report.name, 24) << tr("saved report") << '\n';
    m_cli.out() << Qt::flush;
    return Done;
}

int ReportCommand::runReport(const QString &name)
{
    if (!m_cli.allowOnly({QStringLiteral("period"), QStringLiteral("campaign"), QStringLiteral("format"), QStringLiteral("out"),
                          QStringLiteral("paper")}))
        return BadUsage;
    // JSON on stdout unless asked otherwise; the files need a name to go to.
    const QString format = m_cli.args().has(QStringLiteral("format")) ? m_cli.args().value(QStringLiteral("format")).toLower()
                                                                      : QStringLiteral("json");
    const QStringList formats{QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("pdf")};
    if (!formats.contains(format))
        return m_cli.usage(tr("The format is one of json, csv, xlsx or pdf (not \"%1\").").arg(format));
    const QString out = m_cli.args().value(QStringLiteral("out"));
    if (format != u"json" && out.isEmpty())
        return m_cli.usage(tr("Say where the file goes: --out FILE (for example --out report.%1).").arg(format));
    const QString paper = m_cli.args().value(QStringLiteral("paper")).toLower();
    if (!paper.isEmpty() && paper != u"a4" && paper != u"letter")
        return m_cli.usage(tr("The paper is a4 or letter."));
    if (!paper.isEmpty() && format != u"pdf")
        return m_cli.usage(tr("The option --paper is for PDF only."));
    const Result<Period> period = ReportCommand::period(m_cli);
    if (!period)
        return m_cli.usage(period.error().message);
    qint64 campaignId = 0;
    if (name == u"campaign") {
        bool ok = false;
        campaignId = m_cli.args().value(QStringLiteral("campaign")).toLongLong(&ok);
        if (!ok || campaignId <= 0)
            return m_cli.usage(tr("The campaign report needs the campaign's number: --campaign 12"));
    } else if (m_cli.args().has(QStringLiteral("campaign"))) {
        return m_cli.usage(tr("The option --campaign is for the campaign report only."));
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status allowed = m_cli.profile().features().check(PlanFeature::Analytics); !allowed)
        return m_cli.failed(allowed.error());
    const Database &database = m_cli.profile().database();
    Result<ReportDocument> document = fail(ErrorCode::NotFound, QString());
    if (BuiltInReports::isBuiltIn(name)) {
        document = BuiltInReports(database).run(name, *period, m_cli.clock().nowUtc(), campaignId);
    } else {
        const SavedReports saved(database, m_cli.clock());
        const Result<SavedReport> report = saved.find(name);
        if (!report)
            return m_cli.failed(report.error());
        Result<ReportQuery> query = ReportQuery::fromJson(report->query, period->to(), period->zone());
        if (!query)
            return m_cli.failed(query.error());
        if (m_cli.args().has(QStringLiteral("period")))
            query->period = *period;
        document = ReportRunner(database).document(*query, report->name, m_cli.clock().nowUtc());
    }
    if (!document)
        return m_cli.failed(document.error());
    if (format == u"json" && out.isEmpty()) {
        m_cli.printJson(ReportJson::document(*document));
        return Done;
    }
    return writeFile(*document, format, out, paper);
}

int ReportCommand::writeFile(const ReportDocument &document, const QString &format, const QString &out, const QString &paper)
{
    const QString path = QFileInfo(out).absoluteFilePath();
    Result<qint64> written = fail(ErrorCode::InvalidInput, QString());
    QString unit;
    if (format == u"csv") {
        written = ReportCsvWriter::write(path, document);
        unit = QStringLiteral("rows");
    } else if (format == u"xlsx") {
        written = ReportXlsxWriter::write(path, document);
        unit = QStringLiteral("rows");
    } else if (format == u"pdf") {
        ReportPageSetup setup = ReportPageSetup::fromSettings(m_cli.profile().settings());
        if (paper == u"letter")
            setup.pageSize = QPageSize::Letter;
        const Result<int> pages = ReportPdfWriter::write(path, document, setup);
        written = pages ? Result<qint64>(*pages) : std::unexpected(pages.error());
        unit = QStringLiteral("pages");
    } else { // json into a file
        QSaveFile file(path);
        const QByteArray bytes = QJsonDocument(ReportJson::document(document)).toJson(QJsonDocument::Indented);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return m_cli.failed(
                Error{ErrorCode::Io, tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString())});
        written = qint64(bytes.size());
        unit = QStringLiteral("bytes");
    }
    if (!written)
        return m_cli.failed(written.error());
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{{QStringLiteral("file"), path}, {QStringLiteral("format"), format}, {unit, *written}});
    } else {
        m_cli.out() << tr("Written: %1").arg(QDir::toNativeSeparators(path)) << Qt::endl;
    }
    return Done;
}

namespace {

const QStringList DayWords = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
                              QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject scheduleJson(const ReportSchedule &s)
{
    QJsonValue on = QJsonValue::Null;
    if (s.cadence.every == ReportCadence::Every::Weekly)
        on = DayWords.value(s.cadence.day - 1);
    else if (s.cadence.every == ReportCadence::Every::Monthly)
        on = s.cadence.day;
    QJsonObject json{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("report"), s.report},
        {QStringLiteral("every"), s.cadence.word()},
        {QStringLiteral("on"), on},
        {QStringLiteral("at"), s.cadence.at.toString(QStringLiteral("HH:mm"))},
        {QStringLiteral("period"), nullable(s.period)},
        {QStringLiteral("to_folder"), nullable(s.folder)},
        {QStringLiteral("sms_to"), s.smsGroupId > 0 ? QJsonValue(s.smsGroup) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("account"), s.accountName},
        {QStringLiteral("next_due"), CliContext::timeOrNull(s.nextDueAt)},
        {QStringLiteral("last_run"), CliContext::timeOrNull(s.lastRunAt)},
        {QStringLiteral("last_outcome"), QJsonValue::Null},
        {QStringLiteral("last_detail"), nullable(s.lastDetail)},
        {QStringLiteral("last_campaign"), s.lastCampaignId > 0 ? QJsonValue(s.lastCampaignId) : QJsonValue(QJsonValue::Null)}};
    switch (s.lastOutcome) {
    case ReportSchedule::Outcome::Running:
        json.insert(QStringLiteral("last_outcome"), QStringLiteral("running"));
        break;
    case ReportSchedule::Outcome::Done:
        json.insert(QStringLiteral("last_outcome"), QStringLiteral("done"));
        break;
    case ReportSchedule::Outcome::Failed:
        json.insert(QStringLiteral("last_outcome"), QStringLiteral("failed"));
        break;
    case ReportSchedule::Outcome::None:
        break;
    }
    if (s.costPerRun) {
        json.insert(QStringLiteral("cost"),
                    QJsonObject{{QStringLiteral("recipients"), s.costPerRun->recipients},
                                {QStringLiteral("opted_out"), s.costPerRun->optedOut},
                                {QStringLiteral("segments"), s.costPerRun->segments},
                                {QStringLiteral("tokens"), s.costPerRun->tokens},
                                {QStringLiteral("balance"), s.costPerRun->balance},
                                {QStringLiteral("text"), s.costPerRun->text}});
    }
    return json;
}

} // namespace

void ReportCommand::prepareSchedules()
{
    const ReportPageSetup setup = ReportPageSetup::fromSettings(m_cli.profile().settings());
    m_cli.profile().reportSchedules().setDocumentWriter(
        [setup](const QString &path, const ReportDocument &document) { return ReportPdfWriter::write(path, document, setup); });
}

int ReportCommand::schedule(const QString &name)
{
    if (!m_cli.allowOnly({QStringLiteral("every"), QStringLiteral("at"), QStringLiteral("on"), QStringLiteral("period"),
                          QStringLiteral("to-folder"), QStringLiteral("sms-to"), QStringLiteral("account")}))
        return BadUsage;
    ReportScheduleDraft draft;
    draft.report = name;
    const std::optional<ReportCadence::Every> every = ReportCadence::everyFromWord(m_cli.args().value(QStringLiteral("every")));
    if (!every)
        return m_cli.usage(tr("Say how often: --every daily, weekly or monthly."));
    draft.cadence.every = *every;
    if (m_cli.args().has(QStringLiteral("at"))) {
        draft.cadence.at = QTime::fromString(m_cli.args().value(QStringLiteral("at")), QStringLiteral("H:mm"));
        if (!draft.cadence.at.isValid())
            return m_cli.usage(tr("Write the time as HH:MM, e.g. --at 07:00"));
    }
    const QString on = m_cli.args().value(QStringLiteral("on")).trimmed().toLower();
    switch (draft.cadence.every) {
    case ReportCadence::Every::Daily:
        if (!on.isEmpty())
            return m_cli.usage(tr("--on is for weekly (a day of the week) or monthly (a day of the month) reports."));
        draft.cadence.day = 0;
        break;
    case ReportCadence::Every::Weekly: {
        const qsizetype index = on.isEmpty() ? 0 : DayWords.indexOf(on.left(3));
        if (index < 0)
            return m_cli.usage(tr("“%1” is not a day. Write the day like --on mon").arg(on));
        draft.cadence.day = int(index) + 1;
        break;
    }
    case ReportCadence::Every::Monthly: {
        bool number = on.isEmpty();
        draft.cadence.day = on.isEmpty() ? 1 : on.toInt(&number);
        if (!number || draft.cadence.day < 1 || draft.cadence.day > 31)
            return m_cli.usage(tr("Write the day of the month as a number from 1 to 31, e.g. --on 1"));
        break;
    }
    }
    draft.period = m_cli.args().value(QStringLiteral("period"));
    draft.folder = m_cli.args().value(QStringLiteral("to-folder"));
    if (m_cli.args().has(QStringLiteral("to-folder")) && draft.folder.trimmed().isEmpty())
        return m_cli.usage(tr("Say which folder: --to-folder DIR"));
    if (!m_cli.args().has(QStringLiteral("to-folder")) && !m_cli.args().has(QStringLiteral("sms-to")))
        return m_cli.usage(tr("Say where the report goes: --to-folder DIR (a PDF), --sms-to GROUP (an SMS summary), or both."));
    if (m_cli.args().has(QStringLiteral("account")))
        draft.accountName = m_cli.args().value(QStringLiteral("account"));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (m_cli.args().has(QStringLiteral("sms-to"))) {
        const Result<Group> group = m_cli.profile().groups().findByName(m_cli.args().value(QStringLiteral("sms-to")));
        if (!group)
            return m_cli.failed(group.error());
        draft.smsGroupId = group->id;
    }
    ReportSchedules &schedules = m_cli.profile().reportSchedules();
    const Result<ReportSchedule> created = schedules.create(draft, qEnvironmentVariable("USER"));
    if (!created)
        return m_cli.failed(created.error());
    if (created->costPerRun) {
        const ReportScheduleCost &cost = *created->costPerRun;
        if (m_cli.profile().settings().gatewayProvider() == GatewayKind::Simulator)
            m_cli.err() << tr("Practice mode — no SMS leaves this computer.") << Qt::endl;
        m_cli.err() << tr("Each time: %n recipient(s), ", nullptr, cost.recipients)
                    << tr("%n SMS part(s), ", nullptr, cost.segments) << tr("%n token(s).", nullptr, cost.tokens) << Qt::endl;
    }
    if (m_cli.json()) {
        m_cli.printJson(scheduleJson(*created));
        return Done;
    }
    m_cli.out() << tr("Scheduled report %1: %2, next on %3")
                       .arg(created->id)
                       .arg(created->report, CliContext::localTime(created->nextDueAt))
                << Qt::endl;
    return Done;
}

int ReportCommand::schedules()
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const Result<QList<ReportSchedule>> list = m_cli.profile().reportSchedules().list();
    if (!list)
        return m_cli.failed(list.error());
    QJsonArray array;
    for (const ReportSchedule &s : *list) {
        array.append(scheduleJson(s));
        if (!m_cli.json())
            m_cli.out() << QStringLiteral("%1  %2  %3  %4")
                               .arg(s.id, 4)
                               .arg(s.cadence.word(), -8)
                               .arg(CliContext::localTime(s.nextDueAt), -18)
                               .arg(s.report)
                        << '\n';
    }
    if (m_cli.json())
        m_cli.printJson(array);
    m_cli.out().flush();
    return Done;
}

int ReportCommand::save(const QString &name)
{
    if (!m_cli.allowOnly(
            {QStringLiteral("measure"), QStringLiteral("group-by"), QStringLiteral("period"), QStringLiteral("filter")}))
        return BadUsage;
    if (!m_cli.args().has(QStringLiteral("measure")))
        return m_cli.usage(
            tr("Say what to count: --measure sent (docs/cli.md lists the measures and what each may be grouped by)."));
    ReportQuery query;
    query.measure = m_cli.args().value(QStringLiteral("measure"));
    const QString groupBy = m_cli.args().value(QStringLiteral("group-by"));
    if (!groupBy.isEmpty())
        query.groupBy = groupBy.split(u',', Qt::SkipEmptyParts);
    const Result<Period> period = ReportCommand::period(m_cli);
    if (!period)
        return m_cli.usage(period.error().message);
    query.period = *period;
    for (const QString &filter : m_cli.args().values(QStringLiteral("filter"))) {
        const qsizetype equals = filter.indexOf(u'=');
        if (equals <= 0)
            return m_cli.usage(tr("Write a filter as DIMENSION=VALUE: --filter network=Airtel"));
        query.filters.insert(filter.left(equals), filter.mid(equals + 1));
    }
    if (Status valid = ReportRunner::validate(query); !valid)
        return m_cli.usage(valid.error().message);
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const Result<SavedReport> saved = m_cli.profile().savedReports().save(name, query);
    if (!saved)
        return m_cli.failed(saved.error());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("name"), saved->name}, {QStringLiteral("query"), saved->query}});
    else
        m_cli.out() << tr("Report “%1” saved: kengele-cli report run \"%1\" shows it.").arg(saved->name) << Qt::endl;
    return Done;
}

int ReportCommand::remove(const QString &name)
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status removed = m_cli.profile().savedReports().remove(name); !removed)
        return m_cli.failed(removed.error());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("deleted"), name}});
    else
        m_cli.out() << tr("Report “%1” deleted.").arg(name) << Qt::endl;
    return Done;
}

int ReportCommand::unschedule(const QString &idText)
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return m_cli.usage(tr("Give the scheduled report's number, as report schedules shows it."));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status removed = m_cli.profile().reportSchedules().remove(id); !removed)
        return m_cli.failed(removed.error());
    if (m_cli.json())
        m_cli.printJson(QJsonObject{{QStringLiteral("removed"), id}});
    else
        m_cli.out() << tr("Scheduled report %1 removed.").arg(id) << Qt::endl;
    return Done;
}

int ReportCommand::runDue()
{
    if (!m_cli.allowOnly({QStringLiteral("no-wait"), QStringLiteral("rate")}))
        return BadUsage;
    double rate = 0;
    if (const int code = m_cli.readRate(rate); code != Done)
        return code;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    prepareSchedules();
    const Result<QList<ReportRun>> runs = m_cli.profile().reportSchedules().runDue(m_cli.clock().nowUtc());
    if (!runs)
        return m_cli.failed(runs.error());
    QJsonArray array;
    bool sms = false;
    QStringList problems;
    for (const ReportRun &run : *runs) {
        sms = sms || run.campaignId > 0;
        if (!run.ok)
            problems << tr("Scheduled report %1: %2").arg(run.scheduleId).arg(run.problem);
        array.append(QJsonObject{
            {QStringLiteral("schedule"), run.scheduleId},
            {QStringLiteral("due"), CliContext::timeOrNull(run.dueAt)},
            {QStringLiteral("period"),
             QJsonObject{{QStringLiteral("from"), run.period.from().toString(Qt::ISODate)},
                         {QStringLiteral("to"), run.period.to().toString(Qt::ISODate)}}},
            {QStringLiteral("file"), nullable(run.file)},
            {QStringLiteral("campaign"), run.campaignId > 0 ? QJsonValue(run.campaignId) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("ok"), run.ok},
            {QStringLiteral("problem"), nullable(run.problem)}});
    }
    // The SMS summaries go out now, as `campaign run` sends them (unless --no-wait).
    if (sms && !m_cli.args().has(QStringLiteral("no-wait"))) {
        if (const int code = ForegroundDispatch(m_cli).run(rate, m_cli.args().has(QStringLiteral("rate"))); code != Done)
            return code;
    }
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{{QStringLiteral("runs"), array}});
    } else {
        for (const ReportRun &run : *runs) {
            if (!run.file.isEmpty())
                m_cli.out() << tr("Written: %1").arg(QDir::toNativeSeparators(run.file)) << '\n';
            if (run.campaignId > 0)
                m_cli.out() << tr("SMS summary: campaign %1").arg(run.campaignId) << '\n';
        }
        if (runs->isEmpty())
            m_cli.out() << tr("No scheduled report is due.") << '\n';
        m_cli.out().flush();
    }
    for (const QString &problem : std::as_const(problems))
        m_cli.err() << problem << Qt::endl;
    return problems.isEmpty() ? Done : Failed;
}

} // namespace kengele
