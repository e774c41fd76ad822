// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CsvReader.h"
#include "ImportRow.h"

#include <QList>

namespace kengele {

class ColumnMapping;

// Turns the records of a CSV file into import rows according to the column mapping: names (or
// one full name split in two), the raw number, e-mail, notes from every notes column joined by
// line breaks, and groups from every groups column.
class CsvRows final
{
public:
    CsvRows(const QString &text, const ColumnMapping &mapping);

    // Rows still to come, without moving on.
    int remaining() const { return m_reader.countRemaining(); }
    // The next row (a record that could not be read comes with its problem); false at the end.
    bool next(ImportRow &row);

private:
    CsvReader m_reader;
    CsvRecord m_record;
    int m_firstName, m_lastName, m_fullName, m_phone, m_email;
    QList<int> m_notes, m_groups;
};

} // namespace kengele
