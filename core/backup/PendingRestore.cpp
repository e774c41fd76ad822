// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PendingRestore.h"

#include "common/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

namespace kengele {

namespace {

std::filesystem::path fsPath(const QString &path)
{
    return std::filesystem::path(QDir::toNativeSeparators(path).toStdU16String());
}

QString headPathBeside(const QString &databasePath)
{
    return QFileInfo(databasePath).dir().filePath(QStringLiteral("audit-head"));
}

} // namespace

PendingRestore::PendingRestore(QString databasePath, QString waitingPath, QString waitingHeadPath, QDateTime now)
    : m_databasePath(std::move(databasePath))
    , m_waitingPath(std::move(waitingPath))
    , m_waitingHeadPath(std::move(waitingHeadPath))
{
    const QString stamp = now.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    m_previousPath = m_databasePath + QStringLiteral(".before-restore-") + stamp;
    for (int n = 2; QFileInfo::exists(m_previousPath); ++n)
        m_previousPath = m_databasePath + QStringLiteral(".before-restore-") + stamp + u'-' + QString::number(n);
}

PendingRestore::~PendingRestore()
{
    if (!m_done)
        discard();
}

void PendingRestore::discard()
{
    for (const char *end : {"", "-journal", "-wal", "-shm"})
        QFile::remove(m_waitingPath + QString::fromLatin1(end));
    QFile::remove(m_waitingHeadPath);
}

Result<QString> PendingRestore::swapIn()
{
    if (m_done)
        return fail(ErrorCode::Conflict, tr("This backup was restored already."));
    const QString wal = m_databasePath + QStringLiteral("-wal");
    const bool hadStore = QFileInfo::exists(m_databasePath);
    if (hadStore) {
        // Everything committed into the file itself; SQLite removes the -wal when the last connection closes.
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(m_databasePath.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
            sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    if (QFileInfo::exists(wal)) {
        return fail(ErrorCode::Conflict,
                    tr("Kengele's data is still open in another window or program on this computer. Close Kengele "
                       "everywhere else and try again. Nothing was changed."));
    }
    std::error_code error;
    if (hadStore) {
        // The store stays where it is until the rename below replaces it; the copy aside is a second
        // name for the same file (or a copy where the disk cannot do that).
        std::filesystem::create_hard_link(fsPath(m_databasePath), fsPath(m_previousPath), error);
        if (error) {
            error.clear();
            std::filesystem::copy_file(fsPath(m_databasePath), fsPath(m_previousPath), error);
        }
        if (error) {
            QFile::remove(m_previousPath);
            return fail(ErrorCode::Io,
                        tr("The data as it is now could not be kept aside (is the disk full?). Nothing was "
                           "changed."));
        }
    }
    const QString head = headPathBeside(m_databasePath);
    const QString previousHead
        = QFileInfo(m_previousPath)
              .dir()
              .filePath(QStringLiteral("audit-head")
                        + QFileInfo(m_previousPath).fileName().mid(QFileInfo(m_databasePath).fileName().size()));
    if (QFileInfo::exists(head))
        QFile::copy(head, previousHead);
    std::filesystem::rename(fsPath(m_waitingPath), fsPath(m_databasePath), error);
    if (error) {
        qCWarning(lcStorage) << "restore: the rename failed:" << QString::fromStdString(error.message());
        if (hadStore)
            QFile::remove(m_previousPath);
        QFile::remove(previousHead);
        return fail(ErrorCode::Io, tr("The backup could not be put in place. Nothing was changed."));
    }
    m_done = true;
    QFile::remove(m_databasePath + QStringLiteral("-shm"));
    // The trail's head kept outside the store follows the store: the restored trail and its restore entry.
    if (QFileInfo::exists(m_waitingHeadPath)) {
        std::filesystem::rename(fsPath(m_waitingHeadPath), fsPath(head), error);
        if (error)
            qCWarning(lcSecurity) << "restore: the audit trail's head could not be moved in place";
    } else {
        QFile::remove(head);
    }
    discard();
    qCInfo(lcStorage) << "backup restored; the store before kept aside";
    return hadStore ? m_previousPath : QString();
}

} // namespace kengele
