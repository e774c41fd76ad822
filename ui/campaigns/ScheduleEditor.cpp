// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScheduleEditor.h"

#include "common/Clock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

namespace kengele {

ScheduleEditor::ScheduleEditor(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("scheduleEditor"));
    const QDateTime now = m_clock.nowUtc().toLocalTime();
    m_sendNow = new QRadioButton(tr("Now"), this);
    m_sendNow->setObjectName(QStringLiteral("sendNowRadio"));
    m_sendNow->setChecked(true);
    m_sendLater = new QRadioButton(tr("At"), this);
    m_sendLater->setObjectName(QStringLiteral("sendLaterRadio"));
    m_when = new QDateTimeEdit(this);
    m_when->setObjectName(QStringLiteral("scheduleEdit"));
    m_when->setAccessibleName(tr("Date and time to send"));
    m_when->setTimeSpec(Qt::LocalTime);
    m_when->setCalendarPopup(true);
    m_when->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    // The next full hour, at least ten minutes away.
    QDateTime next = now.addSecs(3600 + 600);
    next.setTime(QTime(next.time().hour(), 0));
    m_when->setDateTime(next);
    m_when->setMinimumDateTime(now.addSecs(-60));
    m_when->setEnabled(false);
    m_when->setToolTip(tr("Your computer's time (%1).").arg(now.timeZoneAbbreviation()));
    connect(m_sendLater, &QRadioButton::toggled, m_when, &QWidget::setEnabled);
    connect(m_sendLater, &QRadioButton::toggled, this, &ScheduleEditor::startChanged);
    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, &ScheduleEditor::startChanged);

    m_repeat = new QComboBox(this);
    m_repeat->setObjectName(QStringLiteral("repeatCombo"));
    m_repeat->addItem(tr("Does not repeat"), int(RepeatNever));
    m_repeat->addItem(tr("Every day"), int(RepeatDaily));
    m_repeat->addItem(tr("Every week on…"), int(RepeatWeekly));
    m_repeat->addItem(tr("Every month"), int(RepeatMonthly));
    m_repeat->setToolTip(tr("Send the same message again and again, for example every Sunday, until a last day you choose. "
                            "Each time goes to the members of the groups on that day."));
    connect(m_repeat, &QComboBox::currentIndexChanged, this, &ScheduleEditor::updateRepeatControls);

    // The days of the week in the order of the interface language's calendar.
    m_daysBox = new QWidget(this);
    m_daysBox->setObjectName(QStringLiteral("repeatDaysWidget"));
    const QLocale locale;
    int widest = 0;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day) {
        auto *check = new QCheckBox(locale.standaloneDayName(day, QLocale::ShortFormat), m_daysBox);
        check->setObjectName(QStringLiteral("repeatDayCheck%1").arg(day));
        check->setToolTip(locale.standaloneDayName(day, QLocale::LongFormat));
        widest = qMax(widest, check->sizeHint().width());
        connect(check, &QCheckBox::clicked, this, [this] { m_daysTouched = true; });
        connect(check, &QCheckBox::toggled, this, &ScheduleEditor::changed);
        m_days << check;
    }
    // Long day names (Kiswahili's are whole words) go on two lines rather than widening the dialog.
    const int columns = widest * 7 > 420 ? 4 : 7;
    auto *daysLayout = new QGridLayout(m_daysBox);
    daysLayout->setContentsMargins(0, 0, 0, 0);
    daysLayout->setHorizontalSpacing(8);
    daysLayout->setVerticalSpacing(2);
    const int firstDay = int(locale.firstDayOfWeek());
    for (int i = 0; i < 7; ++i) {
        const int day = (firstDay - 1 + i) % 7 + 1;
        daysLayout->addWidget(m_days.at(day - 1), i / columns, i % columns);
    }
    daysLayout->setColumnStretch(columns, 1);

    m_monthDay = new QLabel(this);
    m_monthDay->setObjectName(QStringLiteral("repeatMonthDayLabel"));
    m_monthDay->setWordWrap(true);

    m_untilLabel = new QLabel(tr("until"), this);
    m_until = new QDateEdit(this);
    m_until->setObjectName(QStringLiteral("repeatUntilEdit"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_until->setMinimumWidth(m_until->fontMetrics().horizontalAdvance(QStringLiteral("30 Sep 2026")) + 48);
    m_until->setToolTip(tr("The last day it is sent (that day included)."));
    m_untilLabel->setBuddy(m_until);
    connect(m_until, &QDateEdit::dateChanged, this, [this] {
        if (!m_settingUntil)
            m_untilTouched = true;
        Q_EMIT changed();
    });

    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_sendNow);
    whenRow->addWidget(m_sendLater);
    whenRow->addWidget(m_when, 1);

    auto *repeatRow = new QHBoxLayout;
    repeatRow->addWidget(m_repeat);
    repeatRow->addWidget(m_untilLabel);
    repeatRow->addWidget(m_until);
    repeatRow->addStretch();

    m_repeatDetail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(m_repeatDetail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_daysBox);
    detailLayout->addWidget(m_monthDay);

    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("Send:"), whenRow);
    m_form->addRow(tr("Repeat:"), repeatRow);
    m_form->addRow(QString(), m_repeatDetail);

    // Repeating: until three months after the start, unless the person chooses another last day.
    m_lastStartDate = startLocal().date();
    m_settingUntil = true;
    m_until->setMinimumDate(m_lastStartDate);
    m_until->setDate(m_lastStartDate.addMonths(3));
    m_settingUntil = false;
    updateRepeatControls();
}

bool ScheduleEditor::isLater() const
{
    return m_sendLater->isChecked() || isRepeating();
}

QDateTime ScheduleEditor::scheduledAt() const
{
    return m_sendLater->isChecked() ? m_when->dateTime().toUTC() : QDateTime();
}

QDateTime ScheduleEditor::startLocal() const
{
    return m_sendLater->isChecked() ? m_when->dateTime().toLocalTime() : m_clock.nowUtc().toLocalTime();
}

bool ScheduleEditor::isRepeating() const
{
    return m_repeat->currentData().toInt() != RepeatNever;
}

Recurrence ScheduleEditor::recurrence() const
{
    switch (m_repeat->currentData().toInt()) {
    case RepeatDaily:
        return Recurrence::daily();
    case RepeatWeekly: {
        QList<int> days;
        for (int i = 0; i < m_days.size(); ++i) {
            if (m_days.at(i)->isChecked())
                days << i + 1;
        }
        return Recurrence::weekly(days);
    }
    case RepeatMonthly:
        return Recurrence::monthly(startLocal().date().day());
    default:
        return {};
    }
}

QDate ScheduleEditor::repeatUntil() const
{
    return isRepeating() ? m_until->date() : QDate();
}

QDateTime ScheduleEditor::sendTime() const
{
    return isRepeating() ? recurrence().first(startLocal()) : startLocal();
}

void ScheduleEditor::setSchedule(const QDateTime &start, const Recurrence &recurrence, const QDate &until)
{
    m_daysTouched = true;
    m_untilTouched = true;
    for (int i = 0; i < m_days.size(); ++i)
        m_days.at(i)->setChecked(recurrence.weekdays().contains(i + 1));
    if (start.isValid()) {
        m_sendLater->setChecked(true);
        m_when->setMinimumDateTime(qMin(m_when->minimumDateTime(), start.toLocalTime()));
        m_when->setDateTime(start.toLocalTime());
    }
    int choice = RepeatNever;
    switch (recurrence.frequency()) {
    case Recurrence::Frequency::Once:
        break;
    case Recurrence::Frequency::Daily:
        choice = RepeatDaily;
        break;
    case Recurrence::Frequency::Weekly:
        choice = RepeatWeekly;
        break;
    case Recurrence::Frequency::Monthly:
        choice = RepeatMonthly;
        break;
    }
    m_repeat->setCurrentIndex(m_repeat->findData(choice));
    if (until.isValid()) {
        m_settingUntil = true;
        m_until->setMinimumDate(qMin(m_until->minimumDate(), until));
        m_until->setDate(until);
        m_settingUntil = false;
    }
    updateRepeatControls();
}

void ScheduleEditor::showMonthDay(int day)
{
    m_monthDay->setText(day >= 29 ? tr("on day %1 of each month (or the month's last day)").arg(day)
                                  : tr("on day %1 of each month").arg(day));
}

void ScheduleEditor::updateRepeatControls()
{
    const int choice = m_repeat->currentData().toInt();
    const bool repeating = choice != RepeatNever;
    m_untilLabel->setVisible(repeating);
    m_until->setVisible(repeating);
    m_daysBox->setVisible(choice == RepeatWeekly);
    m_monthDay->setVisible(choice == RepeatMonthly);
    m_form->setRowVisible(m_repeatDetail, choice == RepeatWeekly || choice == RepeatMonthly);
    // A repeating message goes at a time of day a person chooses, not at whatever minute it is now.
    if (repeating && m_sendNow->isChecked())
        m_sendLater->setChecked(true);
    m_sendNow->setEnabled(!repeating);
    m_sendNow->setToolTip(repeating ? tr("A repeating message starts at a day and time you choose.") : QString());
    if (choice == RepeatWeekly && !m_daysTouched) {
        bool any = false;
        for (const QCheckBox *check : std::as_const(m_days))
            any = any || check->isChecked();
        if (!any)
            m_days.at(startLocal().date().dayOfWeek() - 1)->setChecked(true);
    }
    showMonthDay(startLocal().date().day());
    Q_EMIT changed();
}

void ScheduleEditor::startChanged()
{
    const QDate start = startLocal().date();
    if (start != m_lastStartDate) {
        // The days and the last day follow the start until the person chooses them.
        if (m_repeat->currentData().toInt() == RepeatWeekly && !m_daysTouched) {
            for (int i = 0; i < m_days.size(); ++i)
                m_days.at(i)->setChecked(i + 1 == start.dayOfWeek());
        }
        m_settingUntil = true;
        m_until->setMinimumDate(start);
        if (!m_untilTouched)
            m_until->setDate(start.addMonths(3));
        m_settingUntil = false;
        m_lastStartDate = start;
        showMonthDay(start.day());
    }
    Q_EMIT changed();
}

} // namespace kengele
