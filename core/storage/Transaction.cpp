// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Transaction.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

Transaction::Transaction(const QSqlDatabase &db)
    : m_db(db)
{
    QSqlQuery begin(m_db);
    m_active = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_beginError = begin.lastError();
}

Status Transaction::began(const QString &what) const
{
    if (m_active)
        return {};
    return std::unexpected(Database::storageError(m_beginError, what));
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return fail(ErrorCode::Storage, Database::tr("The change could not be started, so nothing was saved."));
    if (!m_db.commit()) {
        const Error error = Database::storageError(m_db.lastError(), Database::tr("Saving the change"));
        m_db.rollback();
        m_active = false;
        return std::unexpected(error);
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (m_active)
        m_db.rollback();
    m_active = false;
}

} // namespace kengele
