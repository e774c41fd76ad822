// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactImportService.h"

#include "security/Access.h"

#include "common/Log.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PhoneNormalizer.h"

#include <QtConcurrentRun>

namespace kengele {

ContactImportService::ContactImportService(Database &database, const PhoneNormalizer &phones, ContactService &contacts,
                                           GroupService &groups, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_phones(phones)
    , m_contacts(contacts)
    , m_groups(groups)
    , m_importer(database, phones, clock)
{ }

QFuture<Result<ImportPreview>> ContactImportService::previewInBackground(const QString &path) const
{
    const PhoneNormalizer &phones = m_phones;
    return QtConcurrent::run([path, &phones] { return ImportPreview::load(path, phones); });
}

QFuture<Result<ImportReport>> ContactImportService::importInBackground(const ImportPreview &preview, const ImportOptions &options)
{
    // Checked here, on the thread where people sign in and out.
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return QtFuture::makeReadyFuture(Result<ImportReport>(std::unexpected(allowed.error())));
    return QtConcurrent::run([this, importer = m_importer, preview, options] {
        Result<ImportReport> report = importer.run(preview, options);
        if (report) {
            recordImport(*report);
            announceChange();
        }
        return report;
    });
}

Result<ImportReport> ContactImportService::import(const QString &path, const ImportOptions &options)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    Result<ImportReport> report = m_importer.run(path, options);
    if (report) {
        recordImport(*report);
        announceChange();
    }
    return report;
}

void ContactImportService::recordImport(const ImportReport &report) const
{
    // The import is one transaction of the importer's own, already committed: should this entry
    // fail to be written (the disk filled up in between), the contacts stay and the log says so.
    if (Status recorded = Access::record(m_access,
                                         {QStringLiteral("contacts.import"), QStringLiteral("contacts"),
                                          QStringLiteral("%1 new, %2 updated").arg(report.created).arg(report.updated)});
        !recorded)
        qCWarning(lcImport) << "the import could not be written to the audit trail:" << recorded.error().message;
}

void ContactImportService::announceChange()
{
    // Direct on this object's thread; from a worker, queued to it (ahead of the future's end).
    QMetaObject::invokeMethod(this, [this] {
        m_contacts.notifyBulkChange();
        m_groups.notifyBulkChange();
    });
}

} // namespace kengele
