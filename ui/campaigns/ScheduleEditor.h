// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/Recurrence.h"

#include <QDateTime>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QRadioButton;

namespace kengele {

class Clock;

// When a campaign goes: now or at a chosen day and time, and whether it repeats (every day, every
// week on chosen days, every month) until a last day. The days of a weekly campaign and the last
// day follow the start until the person chooses them.
class ScheduleEditor final : public QWidget
{
    Q_OBJECT

public:
    // The choices of the "Repeat" list, in its order.
    enum RepeatChoice { RepeatNever = 0, RepeatDaily, RepeatWeekly, RepeatMonthly };

    explicit ScheduleEditor(const Clock &clock, QWidget *parent = nullptr);

    // "At" is chosen (a repeating campaign always has a time).
    bool isLater() const;
    // The chosen time in UTC; invalid: now.
    QDateTime scheduledAt() const;
    // The chosen time, or now, in local time.
    QDateTime startLocal() const;
    bool isRepeating() const;
    Recurrence recurrence() const;
    // The last day of a repeating campaign; invalid when it does not repeat.
    QDate repeatUntil() const;
    // When the message goes (a repeating one: its first time), local time.
    QDateTime sendTime() const;

    // Shows a stored campaign's schedule: `start` in UTC (invalid: now).
    void setSchedule(const QDateTime &start, const Recurrence &recurrence, const QDate &until);

Q_SIGNALS:
    void changed();

private:
    void updateRepeatControls();
    void startChanged();
    void showMonthDay(int day);

    const Clock &m_clock;
    bool m_daysTouched = false;
    bool m_untilTouched = false;
    bool m_settingUntil = false;
    QDate m_lastStartDate;

    QFormLayout *m_form = nullptr;
    QRadioButton *m_sendNow = nullptr;
    QRadioButton *m_sendLater = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QComboBox *m_repeat = nullptr;
    QWidget *m_repeatDetail = nullptr;
    QWidget *m_daysBox = nullptr;
    QList<QCheckBox *> m_days; // Monday first (index = Qt::DayOfWeek - 1)
    QLabel *m_monthDay = nullptr;
    QLabel *m_untilLabel = nullptr;
    QDateEdit *m_until = nullptr;
};

} // namespace kengele
