// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportCommand.h"

#include "common/Clock.h"
#include "importexport/ReportCsvWriter.h"
#include "importexport/ReportXlsxWriter.h"
#include "profile/Profile.h"
#include "reports/BuiltInReports.h"
#include "reports/ReportJson.h"
#include "reports/ReportPdfWriter.h"
#include "reports/ReportPrinter.h"
#include "reports/ReportRunner.h"
#include "reports/SavedReports.h"
#include "settings/Settings.h"
#include "storage/Database.h"

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
    return m_cli.usage(tr("Usage: report list | report run NAME [--period P] [--campaign ID] [--format "
                          "json|csv|xlsx|pdf] [--out FILE] [--paper a4|letter]"));
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

} // namespace kengele
