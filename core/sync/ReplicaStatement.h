// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QCborValue>
#include <QLatin1StringView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace kengele {

// A prepared statement on a connection's raw SQLite handle for ReplicaApplier, binding and
// reading any value as QCborValue (integers, reals, text, NULL; anything else as a CBOR blob).
// SqliteStatement binds only integers and text; the applier's values come in every kind.
class ReplicaStatement final
{
public:
    ReplicaStatement(sqlite3 *db, const QByteArray &sql);
    ~ReplicaStatement();
    ReplicaStatement(const ReplicaStatement &) = delete;
    ReplicaStatement &operator=(const ReplicaStatement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    ReplicaStatement &bind(int i, const QCborValue &v);
    ReplicaStatement &bind(int i, const QString &text) { return bindText(i, text); }
    ReplicaStatement &bind(int i, QLatin1StringView text);
    ReplicaStatement &bind(int i, qint64 value);
    ReplicaStatement &bind(int i, quint64 value) { return bind(i, qint64(value)); }
    ReplicaStatement &bind(int i, int value) { return bind(i, qint64(value)); }
    ReplicaStatement &bindText(int i, const QString &text);
    ReplicaStatement &bindBlob(int i, const QByteArray &bytes);
    // Steps: true while there is a row. A failure is remembered (error()).
    bool next();
    // Runs it to the end and resets it; false on failure.
    bool exec();
    void reset();
    int error() const { return m_error; }
    void clearError() { m_error = 0; }
    qint64 int64(int c) const;
    QString text(int c) const;
    QByteArray blob(int c) const;
    bool isNull(int c) const;
    QCborValue value(int c) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_error = 0;
};

} // namespace kengele
