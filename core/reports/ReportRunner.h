// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportDocument.h"
#include "ReportQuery.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>

namespace kengele {

class Database;
struct ReportMeasure;
struct ReportSource;

// Works out a ReportQuery from the registry's SQL: on the calling thread, with that thread's
// connection of the Database (so the dashboard and the builder run it on a worker thread). Reads the
// summaries (message_stats, token_spend_hours) and indexed ranges, never the whole outbox.
class ReportRunner final
{
    Q_DECLARE_TR_FUNCTIONS(ReportRunner)

public:
    explicit ReportRunner(const Database &database);

    // A table: one column per grouping (two for a campaign, group or department: its id and its
    // name), then the measure's; rows in time order for a time grouping, else largest first;
    // totals when grouped (the measure over the whole period and filters).
    Result<ReportTable> run(const ReportQuery &query) const;
    // The table with its chart (by the first grouping; stacked by the second), as a document titled
    // `title` (a saved report's name).
    Result<ReportDocument> document(const ReportQuery &query, const QString &title, const QDateTime &now) const;
    // The measure over the period and filters, ungrouped: a qint64 or a double (null: no value, as
    // a rate with nothing sent).
    Result<QVariant> total(const QString &measure, const Period &period, const QMap<QString, QString> &filters = {}) const;

    // Whether the query can be run: the measure exists, its groupings and filters are allowed.
    static Status validate(const ReportQuery &query);
    // A dimension's value for people: a campaign's name, "Unknown network", "Week of 2 Mar 2026".
    QString label(const QString &dimension, const QVariant &key) const;
    // The value a filter takes for the cell run() wrote for a dimension: an id, an ISO date, or the
    // text (a network's or reason's empty value is shown by label() and read back here).
    // SQL of a time dimension's value (an ISO date, local) from a time in epoch seconds.
    static QString timeExpression(const QString &dimension, const QString &seconds, int offsetSeconds);
    QString keyOf(const QString &dimension, const QVariant &cell) const;
    // A provider's failure reason ("AbsentSubscriber", "Failed: UserDoesNotExist") in plain words;
    // empty for one Kengele does not know.
    static QString plainReason(const QString &reason);
    // The same with the provider's words after it in brackets, as tables and charts show a reason.
    static QString reasonLabel(const QString &reason);

private:
    struct Sql {
        QString text;
        QVariantList binds;
    };
    Result<Sql> build(const ReportMeasure &measure, const ReportSource &source, const ReportQuery &query) const;
    Result<QList<QVariantList>> select(const Sql &sql) const;
    Result<QVariant> numbers(const QString &measure, const Period &period) const;
    Result<QHash<qint64, QString>> names(const QString &dimension, const QList<qint64> &ids) const;

    const Database &m_database;
};

} // namespace kengele
