// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QSqlDatabase>

namespace kengele {

// Begins on construction, rolls back on destruction unless commit() succeeded.
class Transaction final
{
public:
    // Deferred: SQLite takes the write lock at the first write. A transaction that reads first and
    // writes later may then be refused as busy at once (another connection wrote in between, and
    // waiting would not help). Immediate takes the write lock at the start, waiting for it as long
    // as the busy timeout allows: for transactions that read what they are about to write.
    enum class Mode { Deferred, Immediate };

    explicit Transaction(const QSqlDatabase &db, Mode mode = Mode::Deferred);
    ~Transaction();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace kengele
