// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kengele {

class Access;
class Database;
class PastoralNotes;
class PhoneNormalizer;

// "Everything we hold about this person" (a data subject's request under Kenya's Data Protection
// Act 2019): the contact, their groups, every message sent to and received from their number, the
// opt-out and opt-in history, prayer requests that came by SMS, and — for pastors and
// administrators — the pastoral notes. Reading it is a privacy export: it needs
// Permission::ExportContacts and is recorded in the audit trail (without the name or number).
class PersonRecord final
{
    Q_DECLARE_TR_FUNCTIONS(PersonRecord)

public:
    PersonRecord(Database &database, const PhoneNormalizer &phones, PastoralNotes &pastoral);

    void setAccess(Access *access) { m_access = access; }

    // {"phone", "contact"|null, "groups", "messages_sent", "messages_sent_elsewhere" (campaigns another
    //  computer of the church sent), "messages_received", "opt_out"|null,
    //  "opt_in_history", "prayer_requests", "pastoral_notes"|absent when the role may not see them}.
    Result<QJsonObject> everything(const QString &phone);

private:
    Database &m_database;
    const PhoneNormalizer &m_phones;
    PastoralNotes &m_pastoral;
    Access *m_access = nullptr;
};

} // namespace kengele
