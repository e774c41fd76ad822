// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace kengele {

// A SAVEPOINT on one connection: it joins the caller's open transaction (or, when none is open,
// is a transaction of its own) and, unless released, undoes only its own writes when it goes,
// leaving the caller's earlier work and transaction in place. For a step that may be refused
// halfway inside a larger transaction (a token reservation, one occurrence of a repeating campaign).
//
// `name` is a plain SQL identifier chosen by the code (never user input); savepoints of the same
// name may nest. `what` says what the work is for error messages ("Recording the tokens").
class Savepoint final
{
public:
    Savepoint(const QSqlDatabase &db, const QString &name, const QString &what);
    ~Savepoint();

    Savepoint(const Savepoint &) = delete;
    Savepoint &operator=(const Savepoint &) = delete;

    // Whether it is open: it began and was neither released nor rolled back.
    bool isActive() const { return m_active; }
    // Why it could not begin (when isActive() is false right after construction).
    const Error &error() const { return m_error; }

    // Keeps its writes (part of the caller's transaction, or committed when there was none).
    Status release();
    // Undoes its writes now and closes it.
    Status rollback();
    // Both refuse a savepoint that is not open (it never began, or was already closed).

private:
    Status run(const QString &sql);
    Status notOpen() const;

    QSqlDatabase m_db;
    QString m_name;
    QString m_what;
    bool m_active = false;
    Error m_error{ErrorCode::Storage, {}};
};

} // namespace kengele
