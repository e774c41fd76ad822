// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportDocument.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace kengele {

// How a dimension's values read and sort.
enum class DimensionKind {
    Time, // day, week, month: an ISO date (the day, the week's Monday, the month's 1st), local
    Id, // campaign, group, department: a row id, shown by its name
    Text, // network, reason, state: the text itself
};

struct ReportDimension {
    QString key; // "week", "campaign", "network"
    QString title; // for people, translated
    DimensionKind kind = DimensionKind::Text;
};

// How one source of facts takes one dimension: the SQL of its value (over the source's alias `f`), a
// JOIN it needs when grouped by it (may be empty), and the condition that narrows to one value (one
// `?`; empty: "<value> = ?").
struct DimensionBinding {
    QString value;
    QString join;
    QString filter;
};

// A table (or subquery) of facts with a time: what measures are sums over. time is in the unit
// timeUnitMs says (3,600,000: epoch hours; 1: epoch ms) and seconds the same time in epoch seconds.
struct ReportSource {
    QString key;
    QString from; // "message_stats f", "(SELECT …) f"
    QString time;
    QString seconds;
    qint64 timeUnitMs = 1;
    QHash<QString, DimensionBinding> dimensions; // the time dimensions are added for every source
};

// What can be counted: a measure is an aggregate over a source, with its unit and the dimensions it
// may be grouped and filtered by.
struct ReportMeasure {
    QString key; // "failed"
    QString title; // "Failed", translated
    QString source; // ReportSource::key
    QString value; // aggregate SQL over `f`: "sum(f.messages)"
    QString condition; // extra WHERE over `f` ("" none)
    ReportColumn::Kind unit = ReportColumn::Kind::Count;
    QStringList groupings; // dimension keys allowed in groupBy and filters
    QString note; // what exactly is counted, for people
};

// The one list of measures and dimensions the dashboard, the report builder, the CLI and the
// scheduled reports use (docs/architecture.md, "Reports"). Adding a measure is adding an entry
// here; a new kind of fact (attendance, say, from an `attendance(service_id, contact_id,
// present_at)` table) is a new ReportSource in sources() with the dimensions it can take, and its
// measures ("attendance": count(*) over it, grouped by week and group) in measures(): the runner,
// the builder, the CLI and the dashboard read them from here and need no change.
class ReportRegistry final
{
    Q_DECLARE_TR_FUNCTIONS(ReportRegistry)

public:
    // A reply or an opt-out belongs to the last campaign launched within this many days before it
    // that had a message for its number (and to none, campaign 0, when there is no such campaign).
    static constexpr int AttributionDays = 3;
    // "Active numbers": delivered to within this many days before the period's end.
    static constexpr int ActiveDays = 90;

    static const ReportRegistry &instance();

    const QList<ReportMeasure> &measures() const { return m_measures; }
    const QList<ReportDimension> &dimensions() const { return m_dimensions; }
    const ReportMeasure *measure(const QString &key) const;
    const ReportDimension *dimension(const QString &key) const;
    const ReportSource *source(const QString &key) const;

    // The states a message counts as sent in: it left Kengele (or may have: uncertain).
    static QString sentStates();

private:
    ReportRegistry();
    void addSources();
    void addMeasures();

    QList<ReportDimension> m_dimensions;
    QList<ReportSource> m_sources;
    QList<ReportMeasure> m_measures;
};

} // namespace kengele
