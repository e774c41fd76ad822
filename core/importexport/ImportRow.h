// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "contacts/Contact.h"

#include <QString>
#include <QStringList>

namespace kengele {

// One contact as read from an import file, before and after its number is normalised.
struct ImportRow {
    int line = 0;
    QString problem; // set: the row is skipped for this reason
    ContactRecord contact; // contact.phone is empty until the number is normalised
    QStringList groups;
};

} // namespace kengele
