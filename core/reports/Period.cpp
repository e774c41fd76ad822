// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Period.h"

#include <QDateTime>
#include <QLocale>

namespace kengele {

Period::Period(QDate from, QDate to, const QTimeZone &zone, Kind kind)
    : m_from(from)
    , m_to(to)
    , m_zone(zone)
    , m_kind(kind)
{ }

Period Period::ofKind(Kind kind, QDate today, const QTimeZone &zone)
{
    const QDate first(today.year(), today.month(), 1);
    switch (kind) {
    case Kind::ThisMonth:
        return Period(first, today, zone, kind);
    case Kind::Last3Months:
        return Period(first.addMonths(-2), today, zone, kind);
    case Kind::Last12Months:
        return Period(first.addMonths(-11), today, zone, kind);
    case Kind::Custom:
        break;
    }
    return Period(today, today, zone, Kind::Custom);
}

Result<Period> Period::parse(const QString &text, QDate today, const QTimeZone &zone)
{
    const QString word = text.trimmed();
    if (word.isEmpty() || word == u"this-month")
        return ofKind(Kind::ThisMonth, today, zone);
    if (word == u"last-3-months")
        return ofKind(Kind::Last3Months, today, zone);
    if (word == u"last-12-months")
        return ofKind(Kind::Last12Months, today, zone);
    const QStringList parts = word.split(QStringLiteral(".."));
    if (parts.size() == 2) {
        const QDate from = QDate::fromString(parts[0], Qt::ISODate);
        const QDate to = QDate::fromString(parts[1], Qt::ISODate);
        if (from.isValid() && to.isValid()) {
            if (from > to)
                return fail(ErrorCode::InvalidInput, tr("The period starts after it ends: %1.").arg(word));
            return Period(from, to, zone, Kind::Custom);
        }
    }
    return fail(ErrorCode::InvalidInput,
                tr("“%1” is not a period. Use this-month, last-3-months, last-12-months or "
                   "FROM..TO with dates as YYYY-MM-DD.")
                    .arg(word));
}

qint64 Period::fromMs() const
{
    return QDateTime(m_from, QTime(0, 0), m_zone).toMSecsSinceEpoch();
}

qint64 Period::endMs() const
{
    return QDateTime(m_to.addDays(1), QTime(0, 0), m_zone).toMSecsSinceEpoch();
}

int Period::utcOffsetSeconds() const
{
    return m_zone.offsetFromUtc(QDateTime(m_from, QTime(12, 0), m_zone));
}

Period Period::previous() const
{
    // Whole months before whole months (so March's previous is February, not 31 days back);
    // any other period: the same number of days just before.
    if (m_kind != Kind::Custom && m_from.day() == 1) {
        const int months = m_kind == Kind::ThisMonth ? 1 : m_kind == Kind::Last3Months ? 3 : 12;
        const QDate from = m_from.addMonths(-months);
        // this-month up to today: the same days of the month before (to its end when shorter).
        const QDate to
            = m_kind == Kind::ThisMonth ? std::min(from.addDays(m_from.daysTo(m_to)), m_from.addDays(-1)) : m_from.addDays(-1);
        return Period(from, to, m_zone, Kind::Custom);
    }
    // Whole calendar months chosen by hand: as many whole months before.
    if (m_from.day() == 1 && m_to.addDays(1).day() == 1) {
        const int months = (m_to.year() - m_from.year()) * 12 + m_to.month() - m_from.month() + 1;
        return Period(m_from.addMonths(-months), m_from.addDays(-1), m_zone, Kind::Custom);
    }
    return Period(m_from.addDays(-days()), m_from.addDays(-1), m_zone, Kind::Custom);
}

QString Period::key() const
{
    switch (m_kind) {
    case Kind::ThisMonth:
        return QStringLiteral("this-month");
    case Kind::Last3Months:
        return QStringLiteral("last-3-months");
    case Kind::Last12Months:
        return QStringLiteral("last-12-months");
    case Kind::Custom:
        break;
    }
    return m_from.toString(Qt::ISODate) + QStringLiteral("..") + m_to.toString(Qt::ISODate);
}

QString Period::describe() const
{
    const QLocale locale;
    return tr("%1 – %2").arg(locale.toString(m_from, QLocale::LongFormat), locale.toString(m_to, QLocale::LongFormat));
}

} // namespace kengele
