// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Database.h"

#include "Migrations.h"
#include "common/Log.h"
#include "storage/SqliteStatement.h"
#include "sync/ReplicaSqlFunctions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadStorage>
#include <QUuid>

#include <atomic>

namespace kengele {

namespace {

// Read-only as the person meant it: the write bit is off, even for an administrator (root) whom
// the operating system would let write anyway.
bool isWritable(const QFileInfo &info)
{
    if (!info.isWritable())
        return false;
    return !info.permission(QFileDevice::ReadOwner) || info.permission(QFileDevice::WriteOwner);
}

bool looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

void applyConnectionPragmas(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    // WAL with synchronous=NORMAL: a commit is written to the WAL file (the operating system has it)
    // but not flushed to the disk; the WAL is flushed at checkpoints. A committed change therefore
    // survives the process being killed at any moment, but the last commits may be lost when the
    // power fails. The one commit that must survive a power cut too, outbox rows becoming
    // `submitting` before their request goes out (architecture.md §4), is made durable on its own:
    // OutboxStore::claim commits with synchronous=FULL, which also flushes every commit before it.
    query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    // Checkpoint every 8,192 pages (32 MiB) instead of SQLite's 1,000: dispatching rewrites pages
    // of the outbox's indexes in every commit, and each checkpoint copies each changed page once
    // and flushes the disk. The WAL file is cut back to 64 MiB after one.
    query.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 8192"));
    query.exec(QStringLiteral("PRAGMA journal_size_limit = 67108864"));
    // Up to 64 MiB of pages in memory (SQLite's default is 2 MiB): a 100,000-message launch changes
    // more pages than that in one transaction, and spilling them mid-transaction costs time.
    query.exec(QStringLiteral("PRAGMA cache_size = -65536"));
    // Temporary files in memory: a statement that fires the change log's triggers (architecture.md
    // "Several computers: the change log") keeps a statement journal, and SQLite spilled it to a
    // file in /var/tmp, one small write per page: importing 100,000 contacts made 3.4 million
    // writes and took six times as long.
    query.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
}

} // namespace

struct Database::Connections {
    QMutex mutex;
    QStringList names;

    // Forgets the connection and closes it, unless someone else already did.
    void close(const QString &name)
    {
        {
            QMutexLocker locker(&mutex);
            if (!names.removeOne(name))
                return;
        }
        QSqlDatabase::removeDatabase(name);
    }
};

namespace {

std::atomic<quint64> nextThreadSerial{1};

// The connections one thread opened, closed when the thread ends: a later thread (which may get
// the same QThread address) gets connections of its own, never a stale one. Held in QThreadStorage,
// which deletes it as the thread finishes, before QThread::wait() returns.
struct ThreadConnections {
    const quint64 serial = nextThreadSerial.fetch_add(1);
    QList<std::pair<std::weak_ptr<Database::Connections>, QString>> opened;

    ~ThreadConnections()
    {
        for (const auto &[connections, name] : std::as_const(opened)) {
            if (const std::shared_ptr<Database::Connections> alive = connections.lock())
                alive->close(name);
        }
    }
};

QThreadStorage<ThreadConnections *> &threadConnectionsStorage()
{
    static QThreadStorage<ThreadConnections *> storage;
    return storage;
}

ThreadConnections &threadConnections()
{
    QThreadStorage<ThreadConnections *> &storage = threadConnectionsStorage();
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadConnections);
    return *storage.localData();
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(QStringLiteral("kengele-") + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'-')
    , m_connections(std::make_shared<Connections>())
    , m_replica(std::make_shared<ReplicaContext>())
{ }

Database::~Database()
{
    QStringList names;
    {
        QMutexLocker locker(&m_connections->mutex);
        names = std::exchange(m_connections->names, {});
    }
    // Connections of other (worker) threads cannot be closed from here without Qt's thread check
    // complaining; removing them closes them.
    for (const QString &name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

QStringList Database::connectionNames() const
{
    QMutexLocker locker(&m_connections->mutex);
    return m_connections->names;
}

Result<std::shared_ptr<Database>> Database::open(const QString &path)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists() && !dir.mkpath(QStringLiteral("."))) {
        return fail(ErrorCode::ReadOnly,
                    tr("Kengele cannot create its data folder %1. Choose a folder you are allowed to change.")
                        .arg(QDir::toNativeSeparators(dir.absolutePath())));
    }
    if (info.exists()) {
        if (!info.isFile())
            return fail(ErrorCode::Unsupported,
                        tr("%1 is a folder, not a Kengele data file.").arg(QDir::toNativeSeparators(path)));
        if (info.size() > 0 && !looksLikeSqlite(path)) {
            return fail(
                ErrorCode::Unsupported,
                tr("%1 is not a Kengele data file, or it is damaged. Nothing was changed.").arg(QDir::toNativeSeparators(path)));
        }
        if (!isWritable(info)) {
            return fail(ErrorCode::ReadOnly,
                        tr("Kengele cannot save changes to its data file %1 because the file is read-only. "
                           "Ask whoever looks after this computer to allow changes to it, or copy the folder to a "
                           "place you can change. Nothing was changed.")
                            .arg(QDir::toNativeSeparators(path)));
        }
    }
    if (!isWritable(QFileInfo(dir.absolutePath()))) {
        return fail(ErrorCode::ReadOnly,
                    tr("Kengele cannot save changes in the folder %1 because it is read-only. "
                       "Ask whoever looks after this computer to allow changes to it. Nothing was changed.")
                        .arg(QDir::toNativeSeparators(dir.absolutePath())));
    }

    std::shared_ptr<Database> database(new Database(info.absoluteFilePath()));
    if (Status status = database->initialise(); !status)
        return std::unexpected(status.error());
    return database;
}

Status Database::initialise()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return std::unexpected(storageError(db.lastError(), tr("Opening the data file")));

    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return fail(
            ErrorCode::Unsupported,
            tr("%1 is not a Kengele data file, or it is damaged. Nothing was changed.").arg(QDir::toNativeSeparators(m_path)));
    }
    const int version = query.value(0).toInt();
    query.finish();
    if (version > Migrations::latestVersion()) {
        return fail(ErrorCode::NewerSchema,
                    tr("This data was saved by a newer version of Kengele (data version %1; this Kengele reads up to "
                       "version %2). Install the newer Kengele to open it. Nothing was changed.")
                        .arg(version)
                        .arg(Migrations::latestVersion()));
    }
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
        return std::unexpected(storageError(query.lastError(), tr("Opening the data file")));
    }
    query.finish();
    return Migrations::apply(db, version);
}

QSqlDatabase Database::connection() const
{
    const QString name = m_connectionPrefix + QString::number(threadConnections().serial);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (db.open()) {
        // Before anything else: the shared tables' triggers (and migration 15) call these.
        if (!ReplicaSqlFunctions::install(SqliteStatement::handle(db), m_replica))
            qCWarning(lcStorage) << "could not register the change log's functions on a connection";
        applyConnectionPragmas(db);
    } else
        qCWarning(lcStorage) << "could not open database connection:" << db.lastError().text();
    {
        QMutexLocker locker(&m_connections->mutex);
        m_connections->names.append(name);
    }
    auto &opened = threadConnections().opened;
    opened.removeIf([](const auto &entry) { return entry.first.expired(); }); // databases closed since
    opened.append({m_connections, name});
    return db;
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

Error Database::storageError(const QSqlError &error, const QString &what)
{
    const QString native = error.nativeErrorCode();
    // SQLite primary result codes: 8 READONLY, 13 FULL, 5 BUSY, 11 CORRUPT, 26 NOTADB.
    const int code = native.toInt();
    const int primary = code & 0xff;
    qCWarning(lcStorage) << what << "failed:" << error.nativeErrorCode() << error.databaseText();
    switch (primary) {
    case 8:
        return {ErrorCode::ReadOnly,
                tr("%1 failed: the data file is read-only, so nothing was saved. Ask whoever looks after this "
                   "computer to allow changes to it.")
                    .arg(what)};
    case 13:
        return {ErrorCode::Storage,
                tr("%1 failed: the disk is full, so nothing was saved. Free some space and try again.").arg(what)};
    case 5:
    case 6:
        return {ErrorCode::Storage,
                tr("%1 failed: another Kengele window or program is busy with the data file. Try again in a moment.").arg(what)};
    case 11:
    case 26:
        return {ErrorCode::Storage, tr("%1 failed: the data file is damaged. Restore it from a backup.").arg(what)};
    default:
        return {
            ErrorCode::Storage,
            tr("%1 failed because the data file refused the change (%2). Nothing was saved.").arg(what, error.databaseText())};
    }
}

} // namespace kengele
