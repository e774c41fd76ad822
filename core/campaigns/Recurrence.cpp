// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Recurrence.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <array>

namespace kengele {

namespace {

constexpr std::array<const char *, 7> DayCodes = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

int dayFromCode(QStringView code)
{
    for (int i = 0; i < int(DayCodes.size()); ++i) {
        if (code == QLatin1StringView(DayCodes.at(i)))
            return i + 1;
    }
    return 0;
}

QDate dayInMonth(int year, int month, int day)
{
    const QDate firstOfMonth(year, month, 1);
    return QDate(year, month, qMin(day, firstOfMonth.daysInMonth()));
}

} // namespace

Recurrence Recurrence::daily()
{
    Recurrence r;
    r.m_frequency = Frequency::Daily;
    return r;
}

Recurrence Recurrence::weekly(const QList<int> &days)
{
    Recurrence r;
    r.m_frequency = Frequency::Weekly;
    for (const int day : days) {
        if (day >= 1 && day <= 7 && !r.m_weekdays.contains(day))
            r.m_weekdays.append(day);
    }
    std::sort(r.m_weekdays.begin(), r.m_weekdays.end());
    return r;
}

Recurrence Recurrence::monthly(int dayOfMonth)
{
    Recurrence r;
    r.m_frequency = Frequency::Monthly;
    r.m_monthDay = dayOfMonth;
    return r;
}

std::optional<Recurrence> Recurrence::fromRule(const QString &rule)
{
    if (rule.isEmpty())
        return Recurrence();
    QString frequency;
    QStringList byDay;
    int monthDay = 0;
    for (const QString &part : rule.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq <= 0)
            return std::nullopt;
        const QString key = part.left(eq);
        const QString value = part.mid(eq + 1);
        if (key == QStringLiteral("FREQ")) {
            frequency = value;
        } else if (key == QStringLiteral("BYDAY")) {
            byDay = value.split(u',', Qt::SkipEmptyParts);
        } else if (key == QStringLiteral("BYMONTHDAY")) {
            bool ok = false;
            monthDay = value.toInt(&ok);
            if (!ok)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    Recurrence r;
    if (frequency == QStringLiteral("DAILY")) {
        r = daily();
    } else if (frequency == QStringLiteral("WEEKLY")) {
        QList<int> days;
        for (const QString &code : std::as_const(byDay)) {
            const int day = dayFromCode(code);
            if (day == 0)
                return std::nullopt;
            days.append(day);
        }
        r = weekly(days);
    } else if (frequency == QStringLiteral("MONTHLY")) {
        r = monthly(monthDay);
    } else {
        return std::nullopt;
    }
    if (!r.isValid())
        return std::nullopt;
    return r;
}

QString Recurrence::rule() const
{
    switch (m_frequency) {
    case Frequency::Once:
        return {};
    case Frequency::Daily:
        return QStringLiteral("FREQ=DAILY");
    case Frequency::Weekly: {
        QStringList codes;
        for (const int day : m_weekdays)
            codes << QLatin1StringView(DayCodes.at(day - 1));
        return QStringLiteral("FREQ=WEEKLY;BYDAY=") + codes.join(u',');
    }
    case Frequency::Monthly:
        return QStringLiteral("FREQ=MONTHLY;BYMONTHDAY=%1").arg(m_monthDay);
    }
    return {};
}

bool Recurrence::isValid() const
{
    switch (m_frequency) {
    case Frequency::Once:
    case Frequency::Daily:
        return true;
    case Frequency::Weekly:
        return !m_weekdays.isEmpty();
    case Frequency::Monthly:
        return m_monthDay >= 1 && m_monthDay <= 31;
    }
    return false;
}

QDateTime Recurrence::at(const QDate &date, const QDateTime &timeOf) const
{
    return QDateTime(date, timeOf.time(), timeOf.timeSpec() == Qt::UTC ? Qt::LocalTime : timeOf.timeSpec());
}

QDateTime Recurrence::first(const QDateTime &start) const
{
    QDateTime local = start.toLocalTime(); // not const: returned by move
    const QDate day = local.date();
    switch (m_frequency) {
    case Frequency::Once:
    case Frequency::Daily:
        return local;
    case Frequency::Weekly:
        for (int i = 0; i < 7; ++i) {
            if (m_weekdays.contains(day.addDays(i).dayOfWeek()))
                return at(day.addDays(i), local);
        }
        return {};
    case Frequency::Monthly: {
        const QDate thisMonth = dayInMonth(day.year(), day.month(), m_monthDay);
        if (thisMonth >= day)
            return at(thisMonth, local);
        const QDate nextMonth = day.addMonths(1);
        return at(dayInMonth(nextMonth.year(), nextMonth.month(), m_monthDay), local);
    }
    }
    return {};
}

QDateTime Recurrence::next(const QDateTime &previous) const
{
    const QDateTime local = previous.toLocalTime();
    const QDate day = local.date();
    switch (m_frequency) {
    case Frequency::Once:
        return {};
    case Frequency::Daily:
        return at(day.addDays(1), local);
    case Frequency::Weekly:
        for (int i = 1; i <= 7; ++i) {
            if (m_weekdays.contains(day.addDays(i).dayOfWeek()))
                return at(day.addDays(i), local);
        }
        return {};
    case Frequency::Monthly: {
        const QDate nextMonth = QDate(day.year(), day.month(), 1).addMonths(1);
        return at(dayInMonth(nextMonth.year(), nextMonth.month(), m_monthDay), local);
    }
    }
    return {};
}

QString Recurrence::describe() const
{
    switch (m_frequency) {
    case Frequency::Once:
        return tr("once");
    case Frequency::Daily:
        return tr("every day");
    case Frequency::Weekly: {
        if (m_weekdays.size() == 7)
            return tr("every day");
        QStringList names;
        for (const int day : m_weekdays)
            names << QLocale().standaloneDayName(day, QLocale::LongFormat);
        QString days = names.constLast();
        if (names.size() > 1)
            days = tr("%1 and %2").arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.constLast());
        return tr("every week on %1").arg(days);
    }
    case Frequency::Monthly:
        return m_monthDay >= 29 ? tr("every month on day %1 (or the month's last day)").arg(m_monthDay)
                                : tr("every month on day %1").arg(m_monthDay);
    }
    return {};
}

} // namespace kengele
