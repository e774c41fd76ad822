// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "VCardRows.h"

#include "ImportCells.h"

namespace kengele {

VCardRows::VCardRows(const QString &text)
    : m_reader(text)
{ }

bool VCardRows::next(ImportRow &row)
{
    if (!m_reader.next(m_card))
        return false;
    row = ImportRow{};
    row.line = m_card.line;
    ContactRecord &contact = row.contact;
    contact.firstName = m_card.firstName;
    contact.lastName = m_card.lastName;
    if (contact.firstName.isEmpty() && contact.lastName.isEmpty())
        splitFullName(m_card.formattedName, contact.firstName, contact.lastName);
    contact.phoneRaw = m_card.phone;
    contact.email = m_card.emails.value(0);
    contact.notes = m_card.notes;
    row.groups = m_card.categories;
    return true;
}

} // namespace kengele
