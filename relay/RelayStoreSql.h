// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Small helpers shared by RelayStore's two source files (RelayStore.cpp: opening, organisations,
// devices; RelayEventLog.cpp: the events' group commit, the feed, the quarantine).

#include <QSqlDatabase>
#include <QString>

#include <expected>

namespace kengele::relay::storesql {

// Ends a transaction that failed and hands its problem on as the answer.
template<typename Problem> inline std::unexpected<Problem> rolledBack(QSqlDatabase &db, Problem problem)
{
    db.rollback();
    return std::unexpected(std::move(problem));
}

// A value for a NOT NULL text column. A null QString is bound as SQL NULL (one missing header made
// the row, and the whole batch with it, fail), and PostgreSQL text cannot hold NUL.
inline QString storable(const QString &text)
{
    if (text.isNull())
        return QStringLiteral("");
    if (!text.contains(QChar(0)))
        return text;
    return QString(text).replace(QChar(0), QChar(QChar::ReplacementCharacter));
}

} // namespace kengele::relay::storesql
