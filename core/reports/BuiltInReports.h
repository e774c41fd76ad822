// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Period.h"
#include "ReportDocument.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace kengele {

class Database;
class ReportRunner;

// The reports Kengele comes with, worked out as ReportDocuments from the registry's measures:
// "monthly-summary", "campaign" (one campaign, by its id), "failed-numbers" (to clean up),
// "opt-outs" and "token-statement" (per department). On the calling thread.
class BuiltInReports final
{
    Q_DECLARE_TR_FUNCTIONS(BuiltInReports)

public:
    struct Entry {
        QString key;
        QString title;
    };
    static QList<Entry> entries();
    static bool isBuiltIn(const QString &key);

    explicit BuiltInReports(const Database &database);

    // campaignId: the campaign report's campaign (ignored by the others). The campaign report covers
    // the campaign's whole life, whatever the period.
    Result<ReportDocument> run(const QString &key, const Period &period, const QDateTime &now, qint64 campaignId = 0) const;

private:
    Result<ReportDocument> monthlySummary(const Period &period) const;
    Result<ReportDocument> campaign(qint64 campaignId, QDate today) const;
    Result<ReportDocument> failedNumbers(const Period &period) const;
    Result<ReportDocument> optOuts(const Period &period) const;
    Result<ReportDocument> tokenStatement(const Period &period) const;
    // Each measure's value in the period and the one before (a row per measure).
    Result<ReportTable> totals(const QStringList &measures, const Period &period, const QMap<QString, QString> &filters) const;

    const Database &m_database;
};

} // namespace kengele
