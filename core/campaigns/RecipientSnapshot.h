// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace kengele {

class ForgottenCheck;
class SmsReachability;
class SqliteStatement;

// Who a campaign goes to, read when it is previewed or launched: the members of the chosen groups,
// then the single contacts; each person once (the first group that names them gives {group});
// opted-out numbers and numbers that cannot receive SMS are left out and counted.
//
// Read through SQLite's own API: 100,000 rows through QSqlQuery (a QVariant per value) take longer
// than rendering them.
class RecipientSnapshot final
{
    Q_DECLARE_TR_FUNCTIONS(RecipientSnapshot)

public:
    struct Recipient {
        qint64 contactId = 0;
        QString firstName;
        QString lastName;
        QString phone; // E.164
        QString group; // the group they were chosen through; empty for a single contact
    };

    // Reads them on `db` (at launch, inside the caller's transaction), replacing any earlier
    // snapshot. `phones` are numbers that are no contact (E.164), taken unless opted out, unable to
    // receive SMS or already chosen. Refused when a chosen group no longer exists (NotFound) and
    // when nobody is left to send to (InvalidInput, saying why).
    Status take(const QSqlDatabase &db, const QList<qint64> &groupIds, const QList<qint64> &contactIds,
                const QStringList &phones = {});
    // Everyone in Contacts, each with the first group they belong to as {group} (empty when none).
    Status takeEveryone(const QSqlDatabase &db);
    // Leaves out, counted as opted out, the numbers that opted out before their person was
    // forgotten (kept only as keyed hashes); refused like take() when nobody is left.
    Status leaveOut(const ForgottenCheck &forgotten, bool everyone);

    const QList<Recipient> &recipients() const { return m_recipients; }
    int duplicates() const { return m_duplicates; } // left out: the same person through several groups
    int optedOut() const { return m_optedOut; } // left out: opted out of messages
    int cannotReceiveSms() const { return m_cannotReceiveSms; } // left out: landlines and other non-mobile numbers
    const QStringList &emptyGroups() const { return m_emptyGroups; } // chosen groups that gave nobody

private:
    // Takes the rows of one query (id, first name, last name, phone, opted out).
    // `groupColumn` >= 0: the group's name is that column of each row instead.
    Status collect(SqliteStatement &query, const QString &groupName, SmsReachability &reachability, int groupColumn = -1);
    Status checkSomebodyLeft(bool everyone = false) const;

    QList<Recipient> m_recipients;
    QSet<qint64> m_seen;
    int m_duplicates = 0;
    int m_optedOut = 0;
    int m_cannotReceiveSms = 0;
    QStringList m_emptyGroups;
};

} // namespace kengele
