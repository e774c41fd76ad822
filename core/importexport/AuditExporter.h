// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "security/AuditLog.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace kengele {

// Writes audit trail entries (AuditLog::list) to a CSV file that Excel opens correctly, like
// ContactExporter: UTF-8 with a byte order mark, CRLF line ends, cells a spreadsheet would run as a
// formula defused, the file replaced only when everything was written. The columns: Id, Time (local
// time, ISO), User, Computer, Action, Object, Summary, Hash. The header and the actions stay
// English: the file is data for spreadsheets and auditors. Entries hold no member names, message
// texts or secrets (AuditLog's rule), so neither does the file.
class AuditExporter final
{
    Q_DECLARE_TR_FUNCTIONS(AuditExporter)

public:
    // Returns how many entries were written.
    static Result<int> exportCsv(const QString &path, const QList<AuditEntry> &entries);
    // The CSV text itself (what exportCsv writes after the byte order mark).
    static QString csv(const QList<AuditEntry> &entries);
};

} // namespace kengele
