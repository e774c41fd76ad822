// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlError;

namespace kengele {

class ReplicaContext;

// One SQLite file per organisation profile. Opening applies pending migrations in one
// transaction and refuses files written by a newer Kengele. Each thread gets its own
// connection (QtSql connections must not cross threads); connection() hands out the
// calling thread's one. A connection is named after its thread's serial number, unique for the
// life of the process (never the thread's address, which a later thread may reuse), and is
// closed when its thread ends.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    static Result<std::shared_ptr<Database>> open(const QString &path);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    int schemaVersion() const;

    // Turns a QtSql failure into a message for the person at the desk.
    static Error storageError(const QSqlError &error, const QString &what);

    // What the change-capture triggers read on every connection (the signed-in user, the clock of
    // the hybrid logical clock): set them here (architecture.md "Several computers: the change log").
    ReplicaContext &replicaContext() const { return *m_replica; }

    // The connections open now, one per thread that asked (for tests).
    QStringList connectionNames() const;

    // Which connections are open; shared with the threads' own lists, which close theirs when
    // the thread ends.
    struct Connections;

private:
    explicit Database(QString path);
    Status initialise();

    QString m_path;
    QString m_connectionPrefix;
    std::shared_ptr<Connections> m_connections;
    std::shared_ptr<ReplicaContext> m_replica;
};

// QtSql binds a null QString as SQL NULL; text columns here are NOT NULL, so bind through this.
inline QString sqlText(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace kengele
