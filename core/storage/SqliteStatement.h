// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringEncoder>
#include <QStringView>
#include <QVarLengthArray>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace kengele {

// One prepared statement run through SQLite's own C API on a QtSql connection (the handle behind
// QSqlDatabase, so it shares that connection's transaction). For the outbox's hot paths only:
// QtSql's binding (a name lookup per parameter, a QVariant per value, UTF-16 text) costs more
// than SQLite itself there. Everything else goes through QSqlQuery.
//
// Parameters are numbered from 1, as in SQLite; columns from 0. Text is bound as UTF-8 and kept
// here until the next bind of the same parameter, so a temporary QString is fine. bind(QStringView)
// never binds NULL (text columns are NOT NULL): use bindNull() for that.
//
// Use it on the connection's own thread, and let it go before the connection closes.
class SqliteStatement final
{
public:
    SqliteStatement(const QSqlDatabase &db, const char *sql);
    ~SqliteStatement();

    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // Whether the statement was prepared (the connection is SQLite and the SQL is valid).
    bool isValid() const { return m_statement != nullptr; }

    void bind(int index, qint64 value);
    void bind(int index, QStringView text);
    void bind(int index, const QString &text) { bind(index, QStringView(text)); }
    void bindNull(int index);

    // Steps once: true when a row is there. false at the end or on an error (see failed()).
    bool next();
    // Runs a statement that returns no rows to the end, then resets it for the next binding.
    bool exec();
    // Back to the start, keeping the bindings.
    void reset();
    // The last step failed.
    bool failed() const { return m_failed; }

    qint64 columnInt64(int column) const;
    int columnInt(int column) const;
    QString columnText(int column) const;
    bool columnIsNull(int column) const;

    // Rows changed by the last exec().
    int changes() const;
    // The last error, as the person at the desk should read it (see Database::storageError).
    Error error(const QString &what) const;

    // The SQLite handle of a QtSql connection; nullptr when it is not an open SQLite connection.
    static sqlite3 *handle(const QSqlDatabase &db);

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_prepareError = 0;
    bool m_failed = false;
    QVarLengthArray<QByteArray, 12> m_texts; // bound text, alive until rebound
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
};

} // namespace kengele
