// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BackupScheduler.h"

#include "BackupRetention.h"
#include "PendingRestore.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>

namespace kengele {

const QString BackupScheduler::PassphraseKey = QStringLiteral("backup-passphrase");

BackupScheduler::BackupScheduler(BackupService &backups, Settings &settings, SecretStore &secrets, const Clock &clock,
                                 QObject *parent)
    : QObject(parent)
    , m_backups(backups)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, &BackupScheduler::checkNow);
}

BackupScheduler::~BackupScheduler() = default;

void BackupScheduler::stageRestore(std::unique_ptr<PendingRestore> pending)
{
    m_staged = std::move(pending);
    Q_EMIT restoreStaged();
}

std::unique_ptr<PendingRestore> BackupScheduler::takeStagedRestore()
{
    return std::move(m_staged);
}

QString BackupScheduler::folder() const
{
    const QString chosen = m_settings.value(Settings::Key::BackupFolder).toString();
    return chosen.isEmpty() ? BackupService::defaultFolder() : chosen;
}

Status BackupScheduler::setFolder(const QString &folder)
{
    if (Status allowed = m_backups.checkAllowed(); !allowed)
        return allowed;
    m_settings.setValue(Settings::Key::BackupFolder,
                        QDir::cleanPath(folder) == QDir::cleanPath(BackupService::defaultFolder()) ? QString() : folder);
    return {};
}

bool BackupScheduler::automatic() const
{
    return m_settings.value(Settings::Key::BackupAutomatic).toBool();
}

Status BackupScheduler::setAutomatic(bool on)
{
    if (Status allowed = m_backups.checkAllowed(); !allowed)
        return allowed;
    m_settings.setValue(Settings::Key::BackupAutomatic, on);
    if (on)
        checkNow();
    return {};
}

void BackupScheduler::setPassphrase(const QString &passphrase, std::function<void(Status)> done)
{
    if (Status allowed = m_backups.checkAllowed(); !allowed) {
        done(allowed);
        return;
    }
    if (const QString problem = BackupService::passphraseProblem(passphrase); !problem.isEmpty()) {
        done(fail(ErrorCode::InvalidInput, problem));
        return;
    }
    m_secrets.write(PassphraseKey, passphrase, std::move(done));
}

void BackupScheduler::readPassphrase(std::function<void(Result<QString>)> done)
{
    m_secrets.read(PassphraseKey, [done = std::move(done)](Result<QString> read) {
        if (!read && read.error().code == ErrorCode::NotFound)
            done(QString());
        else
            done(std::move(read));
    });
}

QDateTime BackupScheduler::lastBackup() const
{
    const QString text = m_settings.value(Settings::Key::LastBackup).toString();
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

Result<BackupCreated> BackupScheduler::backupNow(const QString &passphrase)
{
    return backupInto(passphrase, BackupService::Trigger::Person);
}

Result<BackupCreated> BackupScheduler::backupInto(const QString &passphrase, BackupService::Trigger trigger)
{
    const QDateTime now = m_clock.nowUtc();
    const QString file = QDir(folder()).filePath(BackupService::fileNameFor(now));
    Result<BackupCreated> made = m_backups.create(file, passphrase, trigger);
    if (!made)
        return made;
    m_settings.setValue(Settings::Key::LastBackup, now.toString(Qt::ISODateWithMs));
    prune();
    Q_EMIT backedUp(made->file);
    Q_EMIT statusChanged();
    return made;
}

void BackupScheduler::prune()
{
    QList<BackupStamp> automatic;
    const QDir dir(folder());
    const QStringList names = dir.entryList({QStringLiteral("kengele-*") + BackupService::Suffix}, QDir::Files);
    for (const QString &name : names) {
        const QDateTime time = BackupRetention::timeFromName(name);
        if (time.isValid())
            automatic.append({name, time});
    }
    const QStringList old = BackupRetention::toRemove(automatic);
    for (const QString &name : old) {
        if (!QFile::remove(dir.filePath(name)))
            qCWarning(lcStorage) << "an old backup could not be removed:" << name;
    }
    if (!old.isEmpty())
        qCInfo(lcStorage) << "old backups removed:" << old.size();
}

void BackupScheduler::start(std::chrono::milliseconds every)
{
    m_timer.start(every);
    checkNow();
}

void BackupScheduler::checkNow()
{
    Q_EMIT statusChanged();
    if (m_running || !automatic() || !isDue(lastBackup(), m_clock.nowUtc()))
        return;
    m_running = true;
    readPassphrase([self = QPointer<BackupScheduler>(this)](Result<QString> passphrase) {
        if (!self)
            return;
        self->m_running = false;
        if (!passphrase) {
            Q_EMIT self->automaticFailed(passphrase.error().message);
            return;
        }
        if (passphrase->isEmpty()) {
            Q_EMIT self->automaticFailed(
                tr("Automatic backups are on, but no backup passphrase is set. Set one in Settings → Backups."));
            return;
        }
        if (!isDue(self->lastBackup(), self->m_clock.nowUtc()))
            return;
        const Result<BackupCreated> made = self->backupInto(*passphrase, BackupService::Trigger::Schedule);
        if (!made)
            Q_EMIT self->automaticFailed(made.error().message);
    });
}

bool BackupScheduler::isDue(const QDateTime &last, const QDateTime &now)
{
    return !last.isValid() || last.toLocalTime().date() < now.toLocalTime().date();
}

bool BackupScheduler::isOverdue(const QDateTime &last, const QDateTime &now)
{
    return !last.isValid() || last.toLocalTime().date().daysTo(now.toLocalTime().date()) > WarnAfterDays;
}

QString BackupScheduler::statusText(const QDateTime &last, const QDateTime &now)
{
    if (!last.isValid())
        return tr("No backup yet");
    const qint64 days = last.toLocalTime().date().daysTo(now.toLocalTime().date());
    if (days <= 0)
        return tr("Last backup: today");
    if (days == 1)
        return tr("Last backup: yesterday");
    return tr("Last backup: %n day(s) ago", nullptr, int(days));
}

} // namespace kengele
