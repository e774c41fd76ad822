// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportDocument.h"

namespace kengele {

class ReportRunner;

// Charts drawn from the tables ReportRunner::run() writes, with the dimension and category keys a
// click drills down by.
class ReportCharts final
{
public:
    // One series (the table's last column) over the values of its one grouping `dimension`.
    static ReportChart single(const ReportRunner &runner, const ReportTable &table, const QString &dimension,
                              ReportChart::Kind kind, const QString &title, const QString &valueTitle);
    // A table grouped by (dimension, seriesDimension): categories are the values of the first, one
    // series per value of the second (a stacked bar: tokens per department, week by week).
    static ReportChart stacked(const ReportRunner &runner, const ReportTable &table, const QString &dimension,
                               const QString &seriesDimension, const QString &title, const QString &valueTitle);
    // Names the measure the chart's values are of, so a click drills down to its rows; a measure
    // DrillDown has no rows for (DrillDown::supports) leaves the chart without a dimension.
    static void setMeasure(ReportChart &chart, const QString &measure);
    // The column of a grouping's value for people (a campaign's name, not its id) and of its key.
    static int labelColumn(const ReportTable &table, const QString &dimension);
    static int keyColumn(const ReportTable &table, const QString &dimension);
};

} // namespace kengele
