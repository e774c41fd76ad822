// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QTimeZone>

namespace kengele {

// The days a report covers, in local time: from the first day's midnight to the end of the last day.
// "this-month" (the 1st to today), "last-3-months" and "last-12-months" (the whole months before
// this one, this month included: 1 March–today for last-3-months on 20 May), or "YYYY-MM-DD..YYYY-MM-DD".
// previous() is the period of the same length just before, for trends.
class Period final
{
    Q_DECLARE_TR_FUNCTIONS(Period)

public:
    enum class Kind { ThisMonth, Last3Months, Last12Months, Custom };

    Period() = default;
    Period(QDate from, QDate to, const QTimeZone &zone = QTimeZone::systemTimeZone(), Kind kind = Kind::Custom);

    // today: the local date now. Refuses words it does not know and a FROM after TO.
    static Result<Period> parse(const QString &text, QDate today, const QTimeZone &zone = QTimeZone::systemTimeZone());
    static Period ofKind(Kind kind, QDate today, const QTimeZone &zone = QTimeZone::systemTimeZone());

    Kind kind() const { return m_kind; }
    QDate from() const { return m_from; } // first day, local
    QDate to() const { return m_to; } // last day, local, included
    const QTimeZone &zone() const { return m_zone; }
    int days() const { return int(m_from.daysTo(m_to)) + 1; }

    qint64 fromMs() const; // UTC epoch ms of the first day's local midnight
    qint64 endMs() const; // UTC epoch ms of the local midnight after the last day (excluded)
    qint64 fromHour() const { return fromMs() / 3600000; }
    qint64 endHour() const { return (endMs() + 3599999) / 3600000; }
    // The zone's offset from UTC in seconds at the period's start (reports group hours by it).
    int utcOffsetSeconds() const;

    Period previous() const;
    // "this-month", …, or "2026-03-01..2026-03-31": what parse() reads back.
    QString key() const;
    // "1 March 2026 – 31 March 2026", for people.
    QString describe() const;

private:
    QDate m_from;
    QDate m_to;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    Kind m_kind = Kind::Custom;
};

} // namespace kengele
