// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace kengele {

// A row of the file that was not imported, and why (translated, for the person at the desk).
struct SkippedRow {
    int line = 0; // physical line in the file, 1-based (a CSV header is line 1)
    QString reason;

    bool operator==(const SkippedRow &other) const = default;
};

// What an import did. rows == created + updated + skipped.size().
struct ImportReport {
    int rows = 0; // records read: CSV rows without the header and blank lines, or vCards
    int created = 0; // new contacts
    int updated = 0; // rows whose number was already stored, or appeared earlier in the file
    QList<SkippedRow> skipped;
    QStringList warnings; // encoding, values left out or shortened (translated)
    QStringList groupsCreated; // groups that did not exist before the import
};

} // namespace kengele
