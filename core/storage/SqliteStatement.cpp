// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SqliteStatement.h"

#include "Database.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>
#include <sqlite3.h>

namespace kengele {

sqlite3 *SqliteStatement::handle(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const char *sql)
    : m_db(handle(db))
{
    if (!m_db) {
        m_prepareError = SQLITE_MISUSE;
        return;
    }
    m_prepareError = sqlite3_prepare_v2(m_db, sql, -1, &m_statement, nullptr);
    if (m_prepareError != SQLITE_OK) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        return;
    }
    m_texts.resize(sqlite3_bind_parameter_count(m_statement) + 1);
}

SqliteStatement::~SqliteStatement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int index, qint64 value)
{
    if (m_statement)
        sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, QStringView text)
{
    if (!m_statement || index <= 0 || index >= m_texts.size())
        return;
    // Encoded into the parameter's own buffer, reused from one bind to the next: a statement
    // bound 100,000 times allocates only when a text is longer than any before it.
    QByteArray &kept = m_texts[index];
    const qsizetype space = m_encoder.requiredSpace(text.size());
    if (kept.size() < space)
        kept.resize(space);
    char *start = kept.data();
    const qsizetype length = m_encoder.appendToBuffer(start, text) - start;
    // SQLITE_STATIC: the bytes stay in m_texts until this parameter is bound again. data() of a
    // QByteArray is never a null pointer (an empty one's is ""), so this never binds NULL.
    sqlite3_bind_text(m_statement, index, start, int(length), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int index)
{
    if (m_statement)
        sqlite3_bind_null(m_statement, index);
}

bool SqliteStatement::next()
{
    if (!m_statement) {
        m_failed = true;
        return false;
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    m_failed = rc != SQLITE_DONE;
    return false;
}

bool SqliteStatement::exec()
{
    if (!m_statement) {
        m_failed = true;
        return false;
    }
    int rc = sqlite3_step(m_statement);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_statement);
    m_failed = rc != SQLITE_DONE;
    // sqlite3_reset() repeats the step's error code; the message stays readable until the next call.
    if (!m_failed)
        sqlite3_reset(m_statement);
    return !m_failed;
}

void SqliteStatement::reset()
{
    if (m_statement)
        sqlite3_reset(m_statement);
    m_failed = false;
}

qint64 SqliteStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

int SqliteStatement::columnInt(int column) const
{
    return sqlite3_column_int(m_statement, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column)) : QString();
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

int SqliteStatement::changes() const
{
    return m_db ? sqlite3_changes(m_db) : 0;
}

Error SqliteStatement::error(const QString &what) const
{
    const int code = m_db ? sqlite3_extended_errcode(m_db) : m_prepareError;
    const QString text = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(m_prepareError));
    return Database::storageError(QSqlError(QString(), text, QSqlError::StatementError, QString::number(code)), what);
}

} // namespace kengele
