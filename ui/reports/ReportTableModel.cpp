// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportTableModel.h"

#include "ReportPrinter.h"
#include "reports/ReportRunner.h"

#include <QFont>

namespace kengele {

namespace {

// Numbers line up on the right; texts, days, weeks and months read from the left.
bool isNumber(ReportColumn::Kind kind)
{
    using K = ReportColumn::Kind;
    return kind == K::Count || kind == K::Number || kind == K::Percent || kind == K::Money;
}

} // namespace

ReportTableModel::ReportTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ReportTableModel::setTable(const ReportTable &table, const QLocale &locale)
{
    beginResetModel();
    m_table = table;
    m_locale = locale;
    endResetModel();
}

int ReportTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(m_table.rows.size()) + (hasTotals() ? 1 : 0);
}

int ReportTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant ReportTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool totals = index.row() >= m_table.rows.size();
    const QVariantList &row = totals ? m_table.totals : m_table.rows.at(index.row());
    const ReportColumn &column = m_table.columns.at(index.column());
    const QVariant value = row.value(index.column());
    switch (role) {
    case Qt::DisplayRole: {
        // A week or a month reads as one, not as the date it starts on.
        if (column.kind == ReportColumn::Kind::Date && !value.isNull()) {
            if (column.key == u"month")
                return m_locale.toString(value.toDate(), QStringLiteral("MMMM yyyy"));
            if (column.key == u"week")
                return ReportRunner::tr("Week of %1").arg(m_locale.toString(value.toDate(), QLocale::ShortFormat));
        }
        QString text = ReportPrinter::valueText(value, column.kind, m_locale);
        if (totals && index.column() == 0 && text.isEmpty())
            text = ReportPrinter::tr("Total");
        return text;
    }
    case Qt::UserRole:
        return value;
    case Qt::TextAlignmentRole:
        return int(isNumber(column.kind) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (totals) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_table.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_table.columns.at(section).title;
    if (role == Qt::TextAlignmentRole)
        return int(isNumber(m_table.columns.at(section).kind) ? Qt::AlignRight | Qt::AlignVCenter
                                                              : Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

} // namespace kengele
