// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace kengele {

class Access;
class Clock;
class ContactService;
class Database;
class ForgottenOptOuts;
class PhoneNormalizer;
class TokenLedger;

// "Forget this person" (a data subject's request under Kenya's Data Protection Act 2019; docs/
// architecture.md §7 "Forgetting a person" lists table by table what goes and what stays): the
// contact and everything hanging off it, the texts, name and number of every message to and from
// them, their opt-out and opt-in history and prayer requests, in ONE audited transaction. Counts,
// states and token costs stay for the reports; the number is kept only as a keyed hash when it had
// opted out (ForgottenOptOuts), so it is never texted again. Afterwards the file is rebuilt (VACUUM)
// and its write-ahead log emptied, so the removed bytes do not linger in free pages either.
// A privacy action: Permission::ExportContacts (pastors and administrators), like PersonRecord.
class ContactForgetter final
{
    Q_DECLARE_TR_FUNCTIONS(ContactForgetter)

public:
    struct Outcome {
        qint64 contactId = 0; // the contact removed; 0 when the number belonged to no contact
        bool keptBlocked = false; // the number had opted out and is kept as a keyed hash
        int messagesCancelled = 0; // messages to them that were still waiting, cancelled
        bool fileCleaned = true; // false: forgotten, but the file could not be rebuilt just now
    };

    ContactForgetter(Database &database, const PhoneNormalizer &phones, ContactService &contacts, TokenLedger &ledger,
                     ForgottenOptOuts &forgotten, const Clock &clock);

    void setAccess(Access *access) { m_access = access; }

    // Refused: Forbidden/SignIn (role), InvalidInput (not a number), NotFound (Kengele holds nothing
    // about it), Keychain (it had opted out and the data key cannot be had: nothing changes).
    Result<Outcome> forget(const QString &phone);

private:
    // VACUUM and an emptied write-ahead log; false when another connection kept either from finishing.
    bool cleanFile();

    Database &m_database;
    const PhoneNormalizer &m_phones;
    ContactService &m_contacts;
    TokenLedger &m_ledger;
    ForgottenOptOuts &m_forgotten;
    const Clock &m_clock;
    Access *m_access = nullptr;
};

} // namespace kengele
