// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactMergeValues.h"

namespace kengele {

QString mergeDate(const QDate &date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

MergeValues mergeValuesFor(const Contact &contact, const QString &groupName, const QDate &date)
{
    MergeValues values;
    values.firstName = contact.firstName;
    values.lastName = contact.lastName;
    values.name = contact.name();
    values.phone = contact.phone;
    values.group = groupName;
    values.date = mergeDate(date);
    return values;
}

} // namespace kengele
