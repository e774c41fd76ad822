// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ContactImporter.h"
#include "ImportOptions.h"
#include "ImportPreview.h"
#include "ImportReport.h"
#include "common/Result.h"

#include <QFuture>
#include <QObject>

namespace kengele {

class Clock;
class ContactService;
class Database;
class Access;
class ForgottenOptOuts;
class GroupService;
class PhoneNormalizer;

// Importing a contact file, for whoever asks (the Contacts page, kengele-cli): a first look at the
// file, then the import itself through ContactImporter (one transaction, all rows or none). It
// bulk-writes behind ContactService's and GroupService's backs, so once an import has committed it
// tells their listeners itself (ContactService::contactsChanged, GroupService::groupsChanged): no
// caller has anything to remember. A failed or cancelled import changes nothing and says nothing.
//
// Lives on the thread of the services it notifies (the GUI thread); the background variants read
// and write on a worker thread, with that thread's own database connection.
class ContactImportService final : public QObject
{
    Q_OBJECT

public:
    ContactImportService(Database &database, const PhoneNormalizer &phones, ContactService &contacts, GroupService &groups,
                         const Clock &clock, QObject *parent = nullptr);

    // Reads the file and guesses what its columns hold (ImportPreview::load with the profile's
    // phone region), on a worker thread: a large file takes a moment.
    QFuture<Result<ImportPreview>> previewInBackground(const QString &path) const;
    // Imports the previewed file with its (possibly changed) mapping on a worker thread. The
    // callbacks in `options` are called on that thread. After the commit the change signals are
    // queued to this service's thread before the future finishes, so a QFutureWatcher there hears
    // them first.
    QFuture<Result<ImportReport>> importInBackground(const ImportPreview &preview, const ImportOptions &options);
    // The command line's way: here and now, with the columns ImportPreview would guess (fails when
    // no column holds phone numbers). The change signals follow the commit at once.
    Result<ImportReport> import(const QString &path, const ImportOptions &options = {});

    // Who may import (Permission::EditContacts), and the audit trail; none: everyone, unrecorded.
    void setAccess(Access *access) { m_access = access; }
    // Numbers of forgotten people that had opted out are skipped (ContactImporter).
    void setForgottenOptOuts(ForgottenOptOuts *forgotten) { m_importer.setForgottenOptOuts(forgotten); }

private:
    // Tells the services' listeners, on this object's thread, that contacts and groups changed.
    void announceChange();
    // After the import's commit, its line in the audit trail (in a transaction of its own).
    void recordImport(const ImportReport &report) const;

    const PhoneNormalizer &m_phones;
    ContactService &m_contacts;
    GroupService &m_groups;
    ContactImporter m_importer;
    Access *m_access = nullptr;
};

} // namespace kengele
