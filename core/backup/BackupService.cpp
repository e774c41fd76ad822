// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BackupService.h"

#include "BackupFile.h"
#include "PendingRestore.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "security/AuditLog.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"
#include "storage/Schema.h"
#include "storage/SqliteStatement.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <sqlite3.h>

namespace kengele {

const QString BackupService::Suffix = QStringLiteral(".kengele-backup");

namespace {

// Removes a file SQLite wrote, with its journal files, when it goes out of scope.
struct RemovedAfterwards {
    QString path;
    ~RemovedAfterwards()
    {
        if (path.isEmpty())
            return;
        for (const char *end : {"", "-journal", "-wal", "-shm"})
            QFile::remove(path + QString::fromLatin1(end));
    }
};

// An empty file with a fresh name in `folder`, for SQLite to write; its path, or empty.
QString reserveFile(const QString &folder, const QString &pattern)
{
    QTemporaryFile file(QDir(folder).filePath(pattern));
    file.setAutoRemove(false);
    if (!file.open())
        return {};
    return file.fileName();
}

struct SqliteHandle {
    sqlite3 *db = nullptr;
    ~SqliteHandle() { sqlite3_close(db); }
};

// One text value of a PRAGMA (or nothing when it failed).
QString pragmaText(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return {};
    QString value;
    if (sqlite3_step(statement) == SQLITE_ROW) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        value = QString::fromUtf8(text ? text : "");
        // integrity_check answers with one row "ok", or one row per problem.
        if (sqlite3_step(statement) == SQLITE_ROW)
            value += QStringLiteral("\n…");
    }
    sqlite3_finalize(statement);
    return value;
}

Error copyFailed(int code)
{
    qCWarning(lcStorage) << "backup copy failed:" << code << sqlite3_errstr(code);
    if (code == SQLITE_FULL)
        return {ErrorCode::Storage, BackupService::tr("The disk is full, so no backup was made. Free some space and try again.")};
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        return {ErrorCode::Storage,
                BackupService::tr("The data was busy for too long, so no backup was made. Try again in a moment.")};
    return {ErrorCode::Storage,
            BackupService::tr("Kengele could not copy its data for the backup (%1). No backup was made.")
                .arg(QString::fromUtf8(sqlite3_errstr(code)))};
}

} // namespace

BackupService::BackupService(Database &database, StaffAccounts &staff, AuditLog &audit, const Clock &clock)
    : m_database(database)
    , m_staff(staff)
    , m_audit(audit)
    , m_clock(clock)
{ }

QString BackupService::passphraseProblem(const QString &passphrase)
{
    if (passphrase.size() < Passwords::MinimumLength)
        return tr("A backup passphrase has at least %n characters. A few words you will remember work well.", nullptr,
                  Passwords::MinimumLength);
    return {};
}

QString BackupService::defaultFolder()
{
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (documents.isEmpty())
        documents = QDir::homePath();
    return QDir(documents).filePath(QStringLiteral("Kengele backups"));
}

QString BackupService::fileNameFor(const QDateTime &time)
{
    return QStringLiteral("kengele-") + time.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) + Suffix;
}

QList<BackupListEntry> BackupService::list(const QString &folder)
{
    QList<BackupListEntry> entries;
    const QFileInfoList files = QDir(folder).entryInfoList({QStringLiteral("*") + Suffix}, QDir::Files);
    for (const QFileInfo &info : files) {
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // Newer backups are listed too (restoring them says why it cannot): the newest schema we
        // could ever meet.
        const Result<BackupHeader> header = BackupFile::readHeader(file, std::numeric_limits<int>::max());
        if (!header && header.error().code != ErrorCode::NewerSchema)
            continue;
        entries.append({info.absoluteFilePath(), header ? header->created : info.lastModified().toUTC(), info.size()});
    }
    std::sort(entries.begin(), entries.end(), [](const BackupListEntry &a, const BackupListEntry &b) {
        return a.time != b.time ? a.time > b.time : a.file > b.file;
    });
    return entries;
}

Status BackupService::checkAllowed() const
{
    return m_staff.check(Permission::Administer);
}

Result<BackupCreated> BackupService::create(const QString &file, const QString &passphrase, Trigger trigger)
{
    if (trigger == Trigger::Person) {
        if (Status allowed = checkAllowed(); !allowed)
            return std::unexpected(allowed.error());
    }
    if (const QString problem = passphraseProblem(passphrase); !problem.isEmpty())
        return fail(ErrorCode::InvalidInput, problem);
    const QFileInfo target(file);
    if (target.exists())
        return fail(ErrorCode::Conflict,
                    tr("%1 already exists. Choose another name for the backup.").arg(QDir::toNativeSeparators(file)));
    if (!QDir().mkpath(target.absolutePath()))
        return fail(ErrorCode::ReadOnly,
                    tr("The folder %1 cannot be made. Choose a folder you are allowed to change.")
                        .arg(QDir::toNativeSeparators(target.absolutePath())));

    // The plain copy stays in the profile folder, beside the store it copies, and goes at once.
    const QString profileFolder = QFileInfo(m_database.path()).absolutePath();
    RemovedAfterwards snapshot{reserveFile(profileFolder, QStringLiteral("kengele.sqlite.backup-XXXXXX"))};
    if (snapshot.path.isEmpty())
        return fail(ErrorCode::ReadOnly, tr("Kengele cannot write in its data folder, so no backup was made."));
    sqlite3 *source = SqliteStatement::handle(m_database.connection());
    if (!source)
        return fail(ErrorCode::Storage, tr("The data is not open, so no backup was made."));
    {
        SqliteHandle copy;
        int code = sqlite3_open_v2(snapshot.path.toUtf8().constData(), &copy.db, SQLITE_OPEN_READWRITE, nullptr);
        if (code != SQLITE_OK)
            return std::unexpected(copyFailed(code));
        sqlite3_backup *backup = sqlite3_backup_init(copy.db, "main", source, "main");
        if (!backup)
            return std::unexpected(copyFailed(sqlite3_errcode(copy.db)));
        // All pages in one step, inside one read transaction: a consistent copy; writers go on (WAL).
        for (int tries = 0; tries < 100; ++tries) {
            code = sqlite3_backup_step(backup, -1);
            if (code != SQLITE_BUSY && code != SQLITE_LOCKED)
                break;
            sqlite3_sleep(50);
        }
        sqlite3_backup_finish(backup);
        if (code != SQLITE_DONE)
            return std::unexpected(copyFailed(code));
    }

    QFile plain(snapshot.path);
    if (!plain.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, tr("The copy of the data could not be read, so no backup was made."));
    QSaveFile sealed(target.absoluteFilePath());
    if (!sealed.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io,
                    tr("The backup cannot be written to %1 (%2). Choose another folder.")
                        .arg(QDir::toNativeSeparators(target.absolutePath()), sealed.errorString()));
    const QDateTime now = m_clock.nowUtc();
    if (Status sealedOk = BackupFile::seal(plain, sealed, passphrase, m_database.schemaVersion(), now, m_cost); !sealedOk)
        return std::unexpected(sealedOk.error());
    if (!sealed.commit())
        return fail(ErrorCode::Io,
                    tr("The backup could not be saved to %1 (%2). Is the disk full or removed?")
                        .arg(QDir::toNativeSeparators(target.absoluteFilePath()), sealed.errorString()));
    const qint64 bytes = QFileInfo(target.absoluteFilePath()).size();
    if (Status recorded = m_audit.record(QStringLiteral("backup.create"), target.fileName(),
                                         (trigger == Trigger::Schedule ? QStringLiteral("automatic encrypted backup of %1 bytes")
                                                                       : QStringLiteral("encrypted backup of %1 bytes"))
                                             .arg(bytes));
        !recorded)
        qCWarning(lcSecurity) << "the backup was made but not recorded in the audit trail";
    qCInfo(lcStorage) << "backup made," << bytes << "bytes";
    return BackupCreated{target.absoluteFilePath(), bytes};
}

Result<std::unique_ptr<PendingRestore>> BackupService::prepareRestore(const QString &file, const QString &passphrase)
{
    if (Status allowed = checkAllowed(); !allowed)
        return std::unexpected(allowed.error());
    QFile sealed(file);
    if (!QFileInfo(file).isFile() || !sealed.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound,
                    tr("The backup file %1 cannot be read. Nothing was restored.").arg(QDir::toNativeSeparators(file)));
    const QString profileFolder = QFileInfo(m_database.path()).absolutePath();
    RemovedAfterwards waiting{reserveFile(profileFolder, QStringLiteral("kengele.sqlite.restoring-XXXXXX"))};
    RemovedAfterwards waitingHead{reserveFile(profileFolder, QStringLiteral("audit-head.restoring-XXXXXX"))};
    if (waiting.path.isEmpty() || waitingHead.path.isEmpty())
        return fail(ErrorCode::ReadOnly, tr("Kengele cannot write in its data folder, so nothing was restored."));
    QFile::remove(waitingHead.path); // the audit trail writes it when the restore is recorded
    {
        QFile plain(waiting.path);
        if (!plain.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(ErrorCode::ReadOnly, tr("Kengele cannot write in its data folder, so nothing was restored."));
        const Result<BackupHeader> opened = BackupFile::open(sealed, plain, passphrase, schema::CurrentVersion);
        if (!opened)
            return std::unexpected(opened.error());
        if (!plain.flush())
            return fail(ErrorCode::Io, tr("The backup could not be opened here (is the disk full?). Nothing was restored."));
    }
    const Error notKengele{ErrorCode::Unsupported,
                           tr("This backup does not hold Kengele data, or the data in it is damaged. Nothing was restored.")};
    {
        QFile check(waiting.path);
        if (!check.open(QIODevice::ReadOnly) || check.read(16) != QByteArray("SQLite format 3\0", 16))
            return std::unexpected(notKengele);
        SqliteHandle db;
        if (sqlite3_open_v2(waiting.path.toUtf8().constData(), &db.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            return std::unexpected(notKengele);
        if (pragmaText(db.db, "PRAGMA integrity_check") != QStringLiteral("ok"))
            return std::unexpected(notKengele);
        bool isNumber = false;
        const int version = pragmaText(db.db, "PRAGMA user_version").toInt(&isNumber);
        if (!isNumber || version < 1)
            return std::unexpected(notKengele);
        if (version > schema::CurrentVersion)
            return fail(ErrorCode::NewerSchema,
                        tr("This backup was made by a newer version of Kengele. Install that version (or a newer one) "
                           "to restore it. Nothing was restored."));
    }

    auto pending = std::make_unique<PendingRestore>(m_database.path(), waiting.path, waitingHead.path, m_clock.nowUtc());
    {
        // Brings the data up to this Kengele's schema, and records the restore in the trail that
        // will be the profile's.
        Result<std::shared_ptr<Database>> restored = Database::open(waiting.path);
        if (!restored)
            return std::unexpected(restored.error());
        AuditLog trail(**restored, m_clock, waitingHead.path, m_audit.device());
        trail.setActor(m_audit.actor());
        if (Status recorded = trail.record(
                QStringLiteral("backup.restore"), QFileInfo(file).fileName(),
                QStringLiteral("restored; the data before kept as %1").arg(QFileInfo(pending->previousPath()).fileName()));
            !recorded)
            return std::unexpected(recorded.error());
    }
    {
        // One file again, whole without a -wal beside it, ready to be renamed into place.
        SqliteHandle db;
        if (sqlite3_open_v2(waiting.path.toUtf8().constData(), &db.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK
            || pragmaText(db.db, "PRAGMA journal_mode = DELETE") != QStringLiteral("delete"))
            return fail(ErrorCode::Storage, tr("The backup could not be made ready in the data folder. Nothing was restored."));
    }
    waiting.path.clear(); // the PendingRestore owns them now
    waitingHead.path.clear();
    return pending;
}

} // namespace kengele
