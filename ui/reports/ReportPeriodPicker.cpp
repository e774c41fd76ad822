// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportPeriodPicker.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace kengele {

ReportPeriodPicker::ReportPeriodPicker(QDate today, QWidget *parent)
    : QWidget(parent)
    , m_today(today)
{
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("periodCombo"));
    m_combo->setAccessibleName(tr("Period"));
    m_combo->addItem(tr("This month"), int(Period::Kind::ThisMonth));
    m_combo->addItem(tr("Last 3 months"), int(Period::Kind::Last3Months));
    m_combo->addItem(tr("Last 12 months"), int(Period::Kind::Last12Months));
    m_combo->addItem(tr("Custom…"), int(Period::Kind::Custom));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    //: The first day of a report's own period
    m_fromLabel = new QLabel(tr("From"), this);
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_from->setCalendarPopup(true);
    m_fromLabel->setBuddy(m_from);
    //: The last day of a report's own period
    m_toLabel = new QLabel(tr("to"), this);
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_to->setCalendarPopup(true);
    m_toLabel->setBuddy(m_to);
    // Last month, until someone picks other days.
    const QDate firstOfMonth(today.year(), today.month(), 1);
    m_from->setDate(firstOfMonth.addMonths(-1));
    m_to->setDate(firstOfMonth.addDays(-1));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(m_toLabel);
    layout->addWidget(m_to);
    kindChosen();

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        kindChosen();
        Q_EMIT periodChanged();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate from) {
        if (m_to->date() < from) {
            QSignalBlocker blocker(m_to);
            m_to->setDate(from);
        }
        Q_EMIT periodChanged();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this](QDate to) {
        if (m_from->date() > to) {
            QSignalBlocker blocker(m_from);
            m_from->setDate(to);
        }
        Q_EMIT periodChanged();
    });
}

void ReportPeriodPicker::kindChosen()
{
    const bool custom = Period::Kind(m_combo->currentData().toInt()) == Period::Kind::Custom;
    for (QWidget *widget : {static_cast<QWidget *>(m_fromLabel), static_cast<QWidget *>(m_from),
                            static_cast<QWidget *>(m_toLabel), static_cast<QWidget *>(m_to)})
        widget->setVisible(custom);
}

Period ReportPeriodPicker::period() const
{
    const auto kind = Period::Kind(m_combo->currentData().toInt());
    if (kind == Period::Kind::Custom)
        return Period(m_from->date(), m_to->date());
    return Period::ofKind(kind, m_today);
}

void ReportPeriodPicker::setPeriod(const Period &period)
{
    const QSignalBlocker blockCombo(m_combo), blockFrom(m_from), blockTo(m_to);
    m_combo->setCurrentIndex(m_combo->findData(int(period.kind())));
    if (period.kind() == Period::Kind::Custom) {
        m_from->setDate(period.from());
        m_to->setDate(period.to());
    }
    kindChosen();
}

} // namespace kengele
