// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BackupCommand.h"

#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "backup/PendingRestore.h"
#include "profile/Profile.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace kengele {

int BackupCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    const bool known = (sub == QStringLiteral("create") && words.size() == 1)
        || (sub == QStringLiteral("restore") && words.size() == 2) || (sub == QStringLiteral("list") && words.size() == 1)
        || (sub == QStringLiteral("folder") && words.size() <= 2);
    if (!known)
        return m_cli.usage(tr("Use: backup create [--to FILE] | backup restore FILE | backup list | backup folder [DIR]."));
    if (!m_cli.allowOnly(sub == QStringLiteral("create") ? QStringList{QStringLiteral("to")} : QStringList{}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    Profile &profile = m_cli.profile();
    BackupService &backups = profile.backups();
    backups.setCost(m_cli.backupCost());
    BackupScheduler folder(backups, profile.settings(), m_cli.secrets(), profile.clock());
    if (Status allowed = backups.checkAllowed(); !allowed) {
        if (allowed.error().code == ErrorCode::Forbidden)
            return m_cli.failed(Error{ErrorCode::Forbidden, tr("Only an administrator may make, list or restore backups.")});
        return m_cli.failed(allowed.error());
    }

    if (sub == QStringLiteral("folder")) {
        if (words.size() == 2) {
            if (Status changed = folder.setFolder(QDir::current().absoluteFilePath(words.at(1))); !changed)
                return m_cli.failed(changed.error());
            profile.settings().sync();
        }
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("folder"), folder.folder()}});
        else
            m_cli.out() << tr("Backups go to %1.").arg(QDir::toNativeSeparators(folder.folder())) << Qt::endl;
        return Done;
    }
    if (sub == QStringLiteral("list")) {
        const QList<BackupListEntry> entries = folder.list();
        if (m_cli.json()) {
            QJsonArray array;
            for (const BackupListEntry &entry : entries) {
                array.append(QJsonObject{{QStringLiteral("file"), entry.file},
                                         {QStringLiteral("time"), CliContext::timeOrNull(entry.time)},
                                         {QStringLiteral("bytes"), entry.bytes}});
            }
            m_cli.printJson(array);
        } else if (entries.isEmpty()) {
            m_cli.out() << tr("No backups in %1 yet.").arg(QDir::toNativeSeparators(folder.folder())) << Qt::endl;
        } else {
            for (const BackupListEntry &entry : entries) {
                m_cli.out() << CliContext::padded(CliContext::localTime(entry.time), 18)
                            << CliContext::padded(QString::number(entry.bytes), 12) << QDir::toNativeSeparators(entry.file)
                            << '\n';
            }
            m_cli.out() << Qt::flush;
        }
        return Done;
    }

    const QString secret = m_cli.backupPassphrase();
    if (secret.isEmpty())
        return Failed;
    if (sub == QStringLiteral("create")) {
        const Result<BackupCreated> made = m_cli.args().has(QStringLiteral("to"))
            ? backups.create(QDir::current().absoluteFilePath(m_cli.args().value(QStringLiteral("to"))), secret)
            : folder.backupNow(secret);
        if (!made)
            return m_cli.failed(made.error());
        profile.settings().sync();
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("file"), made->file}, {QStringLiteral("bytes"), made->bytes}});
        else
            m_cli.out() << tr("Backup saved: %1 (%2 bytes). Keep the passphrase safe: without it the backup cannot be opened.")
                               .arg(QDir::toNativeSeparators(made->file))
                               .arg(made->bytes)
                        << Qt::endl;
        return Done;
    }

    Result<std::unique_ptr<PendingRestore>> pending
        = backups.prepareRestore(QDir::current().absoluteFilePath(words.at(1)), secret);
    if (!pending)
        return m_cli.failed(pending.error());
    // The store must be closed before it is replaced: this run's profile goes first.
    m_cli.closeProfile();
    const Result<QString> previous = (*pending)->swapIn();
    if (!previous)
        return m_cli.failed(previous.error());
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{{QStringLiteral("restored"), true}, {QStringLiteral("previous"), *previous}});
    } else {
        m_cli.out() << tr("Restored from %1.").arg(QDir::toNativeSeparators(words.at(1))) << Qt::endl;
        if (!previous->isEmpty())
            m_cli.out() << tr("The data as it was before is kept in %1.").arg(QDir::toNativeSeparators(*previous)) << Qt::endl;
    }
    return Done;
}

} // namespace kengele
