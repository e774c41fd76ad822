// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "SyncOp.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace kengele {

class Database;

// What goes out, and what the change log knows (architecture.md "Several computers: the change
// log"). The capture triggers write change_log; this reads it for the relay and for `sync status`.
struct OutgoingOps {
    QList<SyncOp> ops;
    qint64 upTo = 0; // the last change_log seq included: markSent(upTo) once the relay has them
};

struct SyncStatus {
    QString device; // this computer's replica id
    qint64 pendingOut = 0; // changes not yet handed to the relay
    std::optional<qint64> lastIn; // when another computer's changes were last applied (UTC ms)
    qint64 conflicts = 0;
    qint64 parked = 0; // changes from a computer whose clock is ahead, waiting for their time
    QJsonObject toJson() const;
};

struct SyncConflict {
    QString entity;
    QString uid;
    QString field;
    QCborValue kept;
    QString keptUser;
    QString keptDevice;
    QCborValue lost;
    QString lostUser;
    QString lostDevice;
    qint64 at = 0; // when this computer noticed it (UTC ms)
    // For people (Settings → Computers → Recent conflicts): the row's name as it is now (a contact's
    // name, a group's or template's name; empty when the row is gone), and whether each value was
    // written on this computer, and the other computer's name when its changes have come in
    // (empty when not known: a value that came only inside a snapshot).
    QString label;
    bool keptHere = false;
    bool lostHere = false;
    QString keptComputer;
    QString lostComputer;
    // {"entity","id","field","kept","lost","time"} (+ who and which computer made each)
    QJsonObject toJson() const;
};

class ChangeLog final
{
    Q_DECLARE_TR_FUNCTIONS(ChangeLog)

public:
    explicit ChangeLog(Database &database);

    // This computer's own changes not yet handed to the relay, oldest first: up to `limitRows`
    // changed rows, each as one operation per field (a row's fields always travel together), and
    // no more than about `limitBytes` of their values (at least one row).
    static constexpr qint64 DefaultLimitBytes = 384 * 1024;
    Result<OutgoingOps> pendingOut(int limitRows = 1000, qint64 limitBytes = DefaultLimitBytes) const;
    // The relay has everything up to this seq.
    Status markSent(qint64 upTo);
    Result<SyncStatus> status() const;
    // Newest first.
    Result<QList<SyncConflict>> conflicts(int limit = 100) const;
    // All shared data, deterministic: rows by uid (never integer ids), sorted; one JSON array per
    // line. Two computers that applied the same changes give the same bytes.
    Result<QByteArray> canonicalDump() const;

    // Forgetting a person (ContactForgetter, inside its transaction): removes what the change log
    // holds of them — their contact's changes but its deletion, their number's opt-out changes,
    // clocks, tags and conflicts, and any change whose values mention the number (`nsn`: its
    // national significant number), and their messages' published states. Other computers learn only of the deletion.
    static Status forgetInTransaction(const QSqlDatabase &db, const QString &contactUid, const QString &e164, const QString &nsn);

private:
    Database &m_database;
};

} // namespace kengele
