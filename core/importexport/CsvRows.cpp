// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CsvRows.h"

#include "ColumnMapping.h"
#include "ImportCells.h"

namespace kengele {

CsvRows::CsvRows(const QString &text, const ColumnMapping &mapping)
    : m_reader(text)
    , m_firstName(mapping.columnOf(ImportField::FirstName))
    , m_lastName(mapping.columnOf(ImportField::LastName))
    , m_fullName(mapping.columnOf(ImportField::FullName))
    , m_phone(mapping.columnOf(ImportField::Phone))
    , m_email(mapping.columnOf(ImportField::Email))
    , m_notes(mapping.columnsOf(ImportField::Notes))
    , m_groups(mapping.columnsOf(ImportField::Groups))
{
    if (mapping.firstRowIsHeader())
        m_reader.next(m_record);
}

bool CsvRows::next(ImportRow &row)
{
    if (!m_reader.next(m_record))
        return false;
    row = ImportRow{};
    row.line = m_record.line;
    if (!m_record.isValid()) {
        row.problem = m_record.problem;
        return true;
    }
    const QStringList &fields = m_record.fields;
    const auto cell = [&fields](int column) {
        return column >= 0 && column < fields.size() ? cleanCell(fields[column]) : QString();
    };
    ContactRecord &contact = row.contact;
    contact.firstName = cell(m_firstName).simplified();
    contact.lastName = cell(m_lastName).simplified();
    if (contact.firstName.isEmpty() && contact.lastName.isEmpty() && m_fullName >= 0)
        splitFullName(cell(m_fullName), contact.firstName, contact.lastName);
    contact.phoneRaw = cell(m_phone);
    contact.email = cell(m_email);
    for (const int column : m_notes) {
        const QString note = cell(column);
        if (!note.isEmpty())
            contact.notes = contact.notes.isEmpty() ? note : QString(contact.notes + u'\n' + note);
    }
    for (const int column : m_groups) {
        if (column < fields.size())
            splitGroups(fields[column], row.groups);
    }
    return true;
}

} // namespace kengele
