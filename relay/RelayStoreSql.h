// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Small helpers shared by RelayStore's source files (RelayStore.cpp: opening, organisations,
// devices; RelayEventLog.cpp: the events' group commit, the feed, the quarantine;
// RelaySyncStore.cpp: the join, changes and key grants; RelaySnapshotStore.cpp: snapshots and
// compaction).

#include "RelaySync.h"

#include <QJsonDocument>
#include <QJsonObject>
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

// Problems of the sync routes (RelaySync.h), as the routes answer them.
inline SyncProblem storageProblem(const QString &why)
{
    return {SyncProblem::Kind::Storage, why, {}, 0};
}

inline SyncProblem conflict(const QString &code, const QString &message, qint64 expected = 0)
{
    return {SyncProblem::Kind::Conflict, message, code, expected};
}

inline SyncProblem notFound(const QString &message)
{
    return {SyncProblem::Kind::NotFound, message, QStringLiteral("not_found"), 0};
}

// An own event's data, as the events table keeps it.
inline QByteArray eventData(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace kengele::relay::storesql
