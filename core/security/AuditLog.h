// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace kengele {

class Clock;
class Database;

struct AuditEntry {
    qint64 id = 0;
    QDateTime time; // UTC
    QString user; // the staff account's user name; empty while sign-in is not required
    QString device; // this computer's name
    QString action; // "signin.failed", "users.role", … (docs/architecture.md §7)
    QString object; // what it was done to: "user:mary", "contact:42", "campaign:7"
    QString summary; // a few words; never a message text, a password, a secret or a member's name
    QString hash; // SHA-256 (hex) over the previous entry's hash and this entry's canonical form
    QString computer; // the replica id of the computer whose trail holds it (sync_state.device there)
};

struct AuditFilter {
    QDateTime since; // invalid: from the start
    QString user;
    QString action; // an action, or its family before the dot ("users" matches "users.role")
    int limit = 0; // 0: all
    // Whose trail: "" this computer's own, AllComputers every computer's (newest first by time), or
    // another computer's replica id (AuditLog::computers) for its trail as received here.
    QString computer;
    static constexpr QLatin1StringView AllComputers{"*"};
};

// A computer whose audit trail this one holds: itself, and each other computer of the congregation
// whose entries have arrived through the relay (architecture.md "Who may do what, and the audit
// trail").
struct AuditComputer {
    QString id; // its replica id
    QString name; // the name its latest entry gives
    qint64 entries = 0;
    bool here = false; // this computer
};

// What `audit verify` found.
struct AuditCheck {
    qint64 entries = 0;
    bool ok = true;
    qint64 firstBad = 0; // the first entry that does not hold, when !ok
    QString reason; // why, for people
    // Another computer's trail as received: the first number not arrived yet (0: none missing). Not
    // tampering: `ok` stays true and `reason` says that entries are still to come.
    qint64 missingFrom = 0;
    qint64 replacedByRestore = 0; // entries that computer set aside by restoring a backup
};

// The audit trail: who did what, on which computer, and when; append-only (the table refuses
// UPDATE and DELETE) and hash-chained, so that changing, removing or reordering entries in the
// file shows. The head of the chain (last id and hash) is also kept outside the database, in
// `audit-head` in the profile folder, and sent to the relay once a day when connected: a trail
// cut short, or rewritten as a whole, shows against those.
class AuditLog final
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    // Who Kengele's own changes are recorded under (no staff account may take this name).
    static constexpr const char *AutomaticUser = "kengele";

    AuditLog(Database &database, const Clock &clock, QString headFile, QString device);

    // Who is signed in now (every entry carries it, and so does every change the change log
    // records: ReplicaContext::setUser); empty when sign-in is not required.
    void setActor(const QString &userName);
    QString actor() const { return m_actor; }
    QString device() const { return m_device; }

    // Adds an entry inside the caller's transaction (with what it records). Call committed() after
    // that transaction's commit.
    Status record(const QSqlDatabase &db, const QString &action, const QString &object, const QString &summary);
    // Adds an entry in a transaction of its own.
    Status record(const QString &action, const QString &object, const QString &summary);
    // The same under another user name than the signed-in one: AutomaticUser for Kengele's own work.
    Status recordAs(const QSqlDatabase &db, const QString &user, const QString &action, const QString &object,
                    const QString &summary);
    Status recordAs(const QString &user, const QString &action, const QString &object, const QString &summary);
    // The caller's transaction with entries in it was committed: the head kept outside moves on.
    void committed();

    Result<QList<AuditEntry>> list(const AuditFilter &filter = {}) const;
    Result<AuditCheck> verify() const;
    // This computer's replica id (the id its own entries travel under).
    Result<QString> thisComputer() const;
    // This computer first, then the others whose entries have arrived, by name.
    Result<QList<AuditComputer>> computers() const;
    // Checks a computer's trail: this computer's own (verify()), or another's as received here:
    // its hashes chain from its first entry; a number not arrived yet is reported in missingFrom
    // (not as tampering); an entry changed here or there, or a trail written anew from some entry on
    // (two versions of one number), is reported as verify() reports tampering; a trail written anew
    // by a backup restored there (the new version starts with its backup.restore entry) is not,
    // and the entries it set aside are counted.
    Result<AuditCheck> verifyComputer(const QString &computer) const;
    // The last entry's id and hash (0 and the zero hash when there is none).
    Result<std::pair<qint64, QString>> head() const;
    // The chain's hash at each of `ids`, worked out again from the entries themselves (not read from
    // their hash column): what the trail from entry 1 to that one hashes to now. An id the trail does
    // not hold is not in the answer. For the relay's daily anchors (AuditAnchor).
    Result<QHash<qint64, QString>> recomputedHashes(const QSet<qint64> &ids) const;

    // [id, time in ms, user, device, action, object, summary] as compact JSON, the bytes hashed.
    static QByteArray canonical(const AuditEntry &entry);
    static QString chainHash(const QString &previousHash, const AuditEntry &entry);
    static QString zeroHash();

private:
    // The head written outside the database, or {0, ""} when there is none yet.
    std::pair<qint64, QString> savedHead() const;

    Database &m_database;
    const Clock &m_clock;
    QString m_headFile;
    QString m_device;
    QString m_actor;
};

} // namespace kengele
