// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "reports/Period.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;

namespace kengele {

// The period a report covers, for the Reports page and the report builder: "This month", "Last 3
// months", "Last 12 months" or "Custom…", which shows two dates (from, to; the first never after
// the second).
class ReportPeriodPicker final : public QWidget
{
    Q_OBJECT

public:
    // `today`: the local date now (from the application's clock).
    explicit ReportPeriodPicker(QDate today, QWidget *parent = nullptr);

    Period period() const;
    // Shows `period` (a custom one with its dates), without periodChanged().
    void setPeriod(const Period &period);
    void setToday(QDate today) { m_today = today; }
    QComboBox *combo() const { return m_combo; }

Q_SIGNALS:
    void periodChanged();

private:
    void kindChosen();

    QDate m_today;
    QComboBox *m_combo = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_to = nullptr;
};

} // namespace kengele
