// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace kengele {

class Access;
class Database;

// Writes contacts to a CSV file that Excel opens correctly: UTF-8 with a byte order mark, CRLF line
// ends, the columns First Name, Last Name, Phone, Email, Groups, Opted Out, Notes. Cells that a
// spreadsheet would run as a formula are defused with a leading apostrophe. The file is replaced
// only when everything was written (QSaveFile). Reads straight from the store, so it is fast for
// 100,000 contacts and may run on a worker thread.
class ContactExporter final
{
    Q_DECLARE_TR_FUNCTIONS(ContactExporter)

public:
    explicit ContactExporter(Database &database);

    // Who may export (Permission::ExportContacts: members' data leaves Kengele, a privacy event
    // recorded in the audit trail); none: everyone, unrecorded.
    void setAccess(Access *access) { m_access = access; }

    // All contacts (groupId 0) or the members of one group, sorted by name. Returns how many
    // contacts were written.
    Result<int> exportCsv(const QString &path, qint64 groupId = 0) const;

    // One cell as written: a value starting with '=', '@', tab or carriage return, or with '+' or
    // '-' unless it is a plain number such as +254712345678, gets a leading apostrophe; a value
    // with a comma, semicolon, quote or line break is quoted.
    static QString csvCell(const QString &value);
    static bool isPlainNumber(QStringView value);

private:
    Database &m_database;
    Access *m_access = nullptr;
};

} // namespace kengele
