// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReplicaStatement.h"

#include "SyncLog.h"

#include <sqlite3.h>

namespace kengele {

ReplicaStatement::ReplicaStatement(sqlite3 *db, const QByteArray &sql)
{
    if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcSync) << "could not prepare a statement of the change log:" << sqlite3_errmsg(db);
        m_stmt = nullptr;
    }
}

ReplicaStatement::~ReplicaStatement()
{
    sqlite3_finalize(m_stmt);
}

ReplicaStatement &ReplicaStatement::bind(int i, const QCborValue &v)
{
    if (v.isInteger() || v.isBool())
        sqlite3_bind_int64(m_stmt, i, v.isBool() ? (v.toBool() ? 1 : 0) : v.toInteger());
    else if (v.isDouble())
        sqlite3_bind_double(m_stmt, i, v.toDouble());
    else if (v.isString())
        bindText(i, v.toString());
    else if (v.isNull() || v.isUndefined())
        sqlite3_bind_null(m_stmt, i);
    else
        bindBlob(i, v.toCbor());
    return *this;
}

ReplicaStatement &ReplicaStatement::bind(int i, QLatin1StringView text)
{
    sqlite3_bind_text(m_stmt, i, text.data(), int(text.size()), SQLITE_TRANSIENT);
    return *this;
}

ReplicaStatement &ReplicaStatement::bind(int i, qint64 value)
{
    sqlite3_bind_int64(m_stmt, i, value);
    return *this;
}

ReplicaStatement &ReplicaStatement::bindText(int i, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

ReplicaStatement &ReplicaStatement::bindBlob(int i, const QByteArray &bytes)
{
    sqlite3_bind_blob(m_stmt, i, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

bool ReplicaStatement::next()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = rc;
    return false;
}

bool ReplicaStatement::exec()
{
    while (next()) { }
    sqlite3_reset(m_stmt);
    return m_error == 0;
}

void ReplicaStatement::reset()
{
    sqlite3_reset(m_stmt);
}

qint64 ReplicaStatement::int64(int c) const
{
    return sqlite3_column_int64(m_stmt, c);
}

QString ReplicaStatement::text(int c) const
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c)), sqlite3_column_bytes(m_stmt, c));
}

QByteArray ReplicaStatement::blob(int c) const
{
    return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, c)), sqlite3_column_bytes(m_stmt, c));
}

bool ReplicaStatement::isNull(int c) const
{
    return sqlite3_column_type(m_stmt, c) == SQLITE_NULL;
}

QCborValue ReplicaStatement::value(int c) const
{
    switch (sqlite3_column_type(m_stmt, c)) {
    case SQLITE_INTEGER:
        return QCborValue(sqlite3_column_int64(m_stmt, c));
    case SQLITE_FLOAT:
        return QCborValue(sqlite3_column_double(m_stmt, c));
    case SQLITE_TEXT:
        return QCborValue(text(c));
    case SQLITE_BLOB:
        return QCborValue::fromCbor(blob(c));
    default:
        return QCborValue(QCborValue::Null);
    }
}

} // namespace kengele
