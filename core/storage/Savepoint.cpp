// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Savepoint.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

Savepoint::Savepoint(const QSqlDatabase &db, const QString &name, const QString &what)
    : m_db(db)
    , m_name(name)
    , m_what(what)
{
    if (Status begun = run(QStringLiteral("SAVEPOINT ") + m_name); begun)
        m_active = true;
    else
        m_error = begun.error();
}

Savepoint::~Savepoint()
{
    if (m_active)
        (void)rollback();
}

Status Savepoint::release()
{
    if (!m_active)
        return notOpen();
    if (Status released = run(QStringLiteral("RELEASE ") + m_name); !released)
        return released;
    m_active = false;
    return {};
}

Status Savepoint::rollback()
{
    if (!m_active)
        return notOpen();
    // ROLLBACK TO undoes the writes but leaves the savepoint open; RELEASE then closes it (tried
    // even when the first failed, so the connection is not left inside it).
    m_active = false;
    const Status undone = run(QStringLiteral("ROLLBACK TO ") + m_name);
    const Status closed = run(QStringLiteral("RELEASE ") + m_name);
    return undone ? closed : undone;
}

Status Savepoint::notOpen() const
{
    if (!m_error.message.isEmpty())
        return std::unexpected(m_error);
    return fail(ErrorCode::Storage, Database::tr("The change could not be started, so nothing was saved."));
}

Status Savepoint::run(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return std::unexpected(Database::storageError(query.lastError(), m_what));
    return {};
}

} // namespace kengele
