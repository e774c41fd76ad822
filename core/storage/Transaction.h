// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace kengele {

// A write transaction: begins on construction, rolls back on destruction unless commit() succeeded.
//
// It takes SQLite's write lock at the start (BEGIN IMMEDIATE), waiting for it as long as the busy
// timeout allows. A deferred transaction would take it only at its first write, and one that reads
// first (a balance, the messages that are due, the campaign it rewrites) could then be refused as
// busy at once when another thread — the sending thread, the importer — committed in between:
// waiting cannot help a reader whose snapshot is already old. Almost every transaction here reads
// before it writes, so all of them begin this way.
class Transaction final
{
public:
    explicit Transaction(const QSqlDatabase &db);
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    // Whether it began; when it did not (the file is read-only, or another writer kept the lock
    // longer than the busy timeout), why, for people: "`what` failed: …". Check it before the first
    // statement: without a transaction each statement would be saved on its own.
    Status began(const QString &what) const;
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    QSqlError m_beginError;
    bool m_active = false;
};

} // namespace kengele
