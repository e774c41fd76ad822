// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "BackupService.h"
#include "common/Result.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace kengele {

class Clock;
class PendingRestore;
class SecretStore;
class Settings;

// Backups into the backup folder, by hand or by the day (docs/architecture.md §7, "Backups"):
// while automatic backups are on, one a day while Kengele runs, or at the next start when a day
// was missed; after each, the folder keeps 7 daily, 4 weekly and 12 monthly ones
// (BackupRetention). The automatic passphrase is in the keychain (SecretStore), never in settings.
// The folder, on/off and the time of the last backup are settings (settings.ini).
class BackupScheduler final : public QObject
{
    Q_OBJECT

public:
    // The keychain entry of the automatic passphrase (scoped to the profile by the SecretStore given).
    static const QString PassphraseKey;
    // The status bar warns when the last backup is older than this.
    static constexpr int WarnAfterDays = 7;

    BackupScheduler(BackupService &backups, Settings &settings, SecretStore &secrets, const Clock &clock,
                    QObject *parent = nullptr);
    ~BackupScheduler() override;

    QString folder() const;
    // Administrators only (the settings themselves are not secret).
    Status setFolder(const QString &folder);
    bool automatic() const;
    Status setAutomatic(bool on);
    // Stores the automatic passphrase in the keychain; `done` hears how it went.
    void setPassphrase(const QString &passphrase, std::function<void(Status)> done);
    // The automatic passphrase, from the keychain (empty when none was set).
    void readPassphrase(std::function<void(Result<QString>)> done);

    // UTC; invalid when none was made into the folder yet.
    QDateTime lastBackup() const;
    // A backup into the folder now, by a person; then old automatic ones pruned.
    Result<BackupCreated> backupNow(const QString &passphrase);
    QList<BackupListEntry> list() const { return BackupService::list(folder()); }
    BackupService &service() { return m_backups; }

    // A restore that was checked and waits for the store to close: whoever owns the profile (the
    // desktop application) hears restoreStaged(), closes the profile, swaps it in and opens it again.
    void stageRestore(std::unique_ptr<PendingRestore> pending);
    std::unique_ptr<PendingRestore> takeStagedRestore();

    // Starts the daily round: a check now, then one every `every` (an hour in the app).
    void start(std::chrono::milliseconds every = std::chrono::hours(1));
    // Makes the automatic backup when it is on and one is due (reads the passphrase first).
    void checkNow();

    // Due: none yet, or none yet on this (local) day.
    static bool isDue(const QDateTime &last, const QDateTime &now);
    // No backup for more than WarnAfterDays days (or never).
    static bool isOverdue(const QDateTime &last, const QDateTime &now);
    // "Last backup: today" / "Last backup: 2 days ago" / "No backup yet", for the status bar.
    static QString statusText(const QDateTime &last, const QDateTime &now);

Q_SIGNALS:
    void backedUp(const QString &file);
    void automaticFailed(const QString &reason);
    // The last backup changed, or a day went by: the status line may read differently.
    void statusChanged();
    void restoreStaged();

private:
    Result<BackupCreated> backupInto(const QString &passphrase, BackupService::Trigger trigger);
    void prune();

    BackupService &m_backups;
    Settings &m_settings;
    SecretStore &m_secrets;
    const Clock &m_clock;
    QTimer m_timer;
    std::unique_ptr<PendingRestore> m_staged;
    bool m_running = false; // an automatic backup waits for its passphrase
};

} // namespace kengele
