// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ImportCells.h"

namespace kengele {

QString cleanCell(QStringView cell)
{
    QStringView trimmed = cell.trimmed();
    if (trimmed.size() > 1 && trimmed[0] == u'\'') {
        const QChar next = trimmed[1];
        if (next == u'=' || next == u'+' || next == u'-' || next == u'@' || next.isDigit())
            trimmed = trimmed.sliced(1);
    }
    return trimmed.toString();
}

void splitGroups(QStringView cell, QStringList &groups)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i <= cell.size(); ++i) {
        if (i == cell.size() || cell[i] == u';' || cell[i] == u',' || cell[i] == u'|') {
            const QString name = cell.sliced(start, i - start).toString().simplified();
            if (!name.isEmpty() && !groups.contains(name, Qt::CaseInsensitive))
                groups.append(name);
            start = i + 1;
        }
    }
}

void splitFullName(const QString &fullName, QString &first, QString &last)
{
    const QString simple = fullName.simplified();
    if (const qsizetype comma = simple.indexOf(u','); comma > 0 && comma == simple.lastIndexOf(u',')) {
        last = simple.first(comma).trimmed();
        first = simple.sliced(comma + 1).trimmed();
        if (!first.isEmpty())
            return;
    }
    const qsizetype space = simple.indexOf(u' ');
    if (space < 0) {
        first = simple;
        last.clear();
    } else {
        first = simple.first(space);
        last = simple.sliced(space + 1);
    }
}

} // namespace kengele
