// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

// How the importer reads the values of a cell (CSV) or property (vCard).
namespace kengele {

// Kengele's export protects cells against spreadsheet formulas with a leading apostrophe
// ('=SUM, '+254...), and Excel users type one to keep a leading zero ('0712...). Drops it; trims.
QString cleanCell(QStringView cell);

// "Choir; Youth", "Choir, Youth", "Choir|Youth": appends each name not in `groups` yet (any case).
void splitGroups(QStringView cell, QStringList &groups);

// "Amina Wanjiru Njeri": the first word is the first name. "Njeri, Amina": surname first.
void splitFullName(const QString &fullName, QString &first, QString &last);

} // namespace kengele
