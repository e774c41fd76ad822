// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace kengele {

// How a campaign repeats: never, every day, every week on chosen days, or every month on one day
// (in a month without that day, on its last day). Occurrences keep the local time of day of the
// first one. Stored as a small iCalendar-style rule ("FREQ=WEEKLY;BYDAY=SU,WE"); the end date is
// kept beside it.
class Recurrence final
{
    Q_DECLARE_TR_FUNCTIONS(Recurrence)

public:
    enum class Frequency { Once, Daily, Weekly, Monthly };

    Recurrence() = default;
    static Recurrence daily();
    // Days as Qt::DayOfWeek numbers (1 = Monday … 7 = Sunday); duplicates and others are dropped.
    static Recurrence weekly(const QList<int> &days);
    static Recurrence monthly(int dayOfMonth);
    // The stored rule; an empty rule is "once". nullopt: not a rule this version understands.
    static std::optional<Recurrence> fromRule(const QString &rule);

    QString rule() const;
    Frequency frequency() const { return m_frequency; }
    bool isRepeating() const { return m_frequency != Frequency::Once; }
    const QList<int> &weekdays() const { return m_weekdays; }
    int monthDay() const { return m_monthDay; }
    // Weekly with no day chosen, or a month day outside 1–31.
    bool isValid() const;

    // The first occurrence at or after `start` (local time; occurrences keep its time of day).
    QDateTime first(const QDateTime &start) const;
    // The occurrence after `previous` (local time).
    QDateTime next(const QDateTime &previous) const;

    // For people: "every day", "every week on Sunday and Wednesday", "every month on the 31st".
    QString describe() const;

    bool operator==(const Recurrence &other) const = default;

private:
    QDateTime at(const QDate &date, const QDateTime &timeOf) const;

    Frequency m_frequency = Frequency::Once;
    QList<int> m_weekdays; // sorted, Monday first
    int m_monthDay = 0;
};

} // namespace kengele
