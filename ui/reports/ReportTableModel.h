// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "reports/ReportDocument.h"

#include <QAbstractTableModel>
#include <QLocale>

namespace kengele {

// One report table, read only, for a QTableView: values as the printed report writes them
// (ReportPrinter::valueText: counts with thousands separators, percents with a % sign), numbers
// right-aligned (texts and dates left), and the totals row last, in bold, starting with "Total". Qt::UserRole holds the
// value itself (for sorting and tests).
class ReportTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ReportTableModel(QObject *parent = nullptr);

    void setTable(const ReportTable &table, const QLocale &locale = QLocale());
    const ReportTable &table() const { return m_table; }
    bool hasTotals() const { return !m_table.totals.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ReportTable m_table;
    QLocale m_locale;
};

} // namespace kengele
