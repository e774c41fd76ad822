// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QSqlDatabase;
struct sqlite3;

namespace kengele {

class Clock;

// What the change-capture triggers ask the application while they run (architecture.md "Several
// computers: the change log"): one per profile (Database), shared by all its connections.
class ReplicaContext final
{
public:
    // The person signed in, written into each change as its author ('' before anyone signs in).
    void setUser(const QString &user);
    QString user() const;
    // The clock the hybrid logical clock reads (tests hand in a fake one); the system clock by default.
    void setClock(const Clock *clock) { m_clock.store(clock); }
    const Clock &clock() const;

    // Other computers' changes were saved here (ReplicaApplier, a snapshot loaded, this computer's
    // own shared data set aside): whoever keeps values read from the shared tables (Settings'
    // shared keys) reads them again. `react` runs on `receiver`'s thread (at once when that is
    // the saving thread), never after `receiver` is gone.
    void onSharedDataChanged(QObject *receiver, std::function<void()> react);
    void notifySharedDataChanged() const;

private:
    struct Listener {
        QPointer<QObject> receiver;
        std::function<void()> react;
    };
    mutable QMutex m_mutex;
    QString m_user;
    QList<Listener> m_listeners;
    std::atomic<const Clock *> m_clock{nullptr};
};

// The SQL functions the triggers and migration 15 call, registered on every connection Database
// hands out:
//   kengele_hlc_next(last)      the next local HLC stamp after `last` (Hlc::send, context clock)
//   kengele_uuid7()             a new UUIDv7 for a new shared row
//   kengele_user()              the context's user
//   kengele_sync_applying()     1 while this connection applies other computers' changes (their
//                               writes are not captured again as this computer's), else 0
// A connection without them (another program, the sqlite3 shell) cannot change shared tables at
// all: the triggers fail with "no such function", so no change escapes the log silently.
class ReplicaSqlFunctions final
{
public:
    static bool install(sqlite3 *db, std::shared_ptr<ReplicaContext> context);
    // Marks this connection as applying remote changes (or not). False when the functions are missing.
    static bool setApplying(const QSqlDatabase &db, bool applying);
};

} // namespace kengele
