// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportCommand.h"

#include "common/Clock.h"
#include "profile/Profile.h"
#include "reports/BuiltInReports.h"
#include "reports/ReportJson.h"
#include "reports/ReportRunner.h"
#include "reports/SavedReports.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

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
    return m_cli.usage(tr("Usage: report list | report run NAME [--period P] [--campaign ID] --format json"));
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
    if (!m_cli.allowOnly({QStringLiteral("period"), QStringLiteral("campaign"), QStringLiteral("format")}))
        return BadUsage;
    const QString format = m_cli.args().value(QStringLiteral("format"));
    if (format != u"json" && !(format.isEmpty() && m_cli.json()))
        return m_cli.usage(tr("For now a report is written only as JSON: add --format json (PDF, Excel and CSV come later)."));
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
    m_cli.printJson(ReportJson::document(*document));
    return Done;
}

} // namespace kengele
