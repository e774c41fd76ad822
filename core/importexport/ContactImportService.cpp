// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactImportService.h"

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
    return QtConcurrent::run([this, importer = m_importer, preview, options] {
        Result<ImportReport> report = importer.run(preview, options);
        if (report)
            announceChange();
        return report;
    });
}

Result<ImportReport> ContactImportService::import(const QString &path, const ImportOptions &options)
{
    Result<ImportReport> report = m_importer.run(path, options);
    if (report)
        announceChange();
    return report;
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
