// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "security/Passwords.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace kengele {

class AuditLog;
class Clock;
class Database;
class PendingRestore;
class StaffAccounts;

struct BackupCreated {
    QString file; // absolute path
    qint64 bytes = 0;
};

struct BackupListEntry {
    QString file; // absolute path
    QDateTime time; // UTC: when the backup was made (from its header)
    qint64 bytes = 0;
};

// Encrypted backups of a profile's store and their restore (docs/architecture.md §7, "Backups").
// Both need an administrator (Permission::Administer) and both are in the audit trail.
//
// create() copies the open store with SQLite's online backup API (consistent while Kengele runs)
// to a file in the profile folder, seals it with the passphrase (BackupFile) into `file`, and
// removes the copy. prepareRestore() checks a backup and readies it beside the store; nothing
// changes until the caller has closed the store and calls PendingRestore::swapIn().
class BackupService final
{
    Q_DECLARE_TR_FUNCTIONS(BackupService)

public:
    // Backup files end in this; the automatic ones are named kengele-YYYYMMDD-HHMMSS.kengele-backup.
    static const QString Suffix;

    BackupService(Database &database, StaffAccounts &staff, AuditLog &audit, const Clock &clock);

    // How long making the key from the passphrase takes: Moderate (about a second), or TestsOnly.
    void setCost(Passwords::Cost cost) { m_cost = cost; }

    // Who asks: a person (an administrator), or the daily schedule an administrator turned on (it
    // runs whoever is signed in, or nobody).
    enum class Trigger { Person, Schedule };

    Result<BackupCreated> create(const QString &file, const QString &passphrase, Trigger trigger = Trigger::Person);
    Result<std::unique_ptr<PendingRestore>> prepareRestore(const QString &file, const QString &passphrase);

    // Whether whoever is signed in may make backups, restore them and change their settings.
    Status checkAllowed() const;

    // A passphrase people can still type in five years: at least 10 characters. Empty when fine.
    static QString passphraseProblem(const QString &passphrase);
    // Documents/Kengele backups.
    static QString defaultFolder();
    // kengele-YYYYMMDD-HHMMSS.kengele-backup in local time.
    static QString fileNameFor(const QDateTime &time);
    // The backups in `folder`, newest first (files that are not backups are left out).
    static QList<BackupListEntry> list(const QString &folder);

private:
    Database &m_database;
    StaffAccounts &m_staff;
    AuditLog &m_audit;
    const Clock &m_clock;
    Passwords::Cost m_cost = Passwords::Cost::Moderate;
};

} // namespace kengele
