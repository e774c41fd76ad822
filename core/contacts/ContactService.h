// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Contact.h"
#include "common/Result.h"
#include "demo/DemoHistory.h"
#include "security/Access.h"

#include <QObject>

namespace kengele {

class Clock;
class Database;
class ForgottenOptOuts;
class PhoneNormalizer;

// Everything that reads or changes contacts and opt-outs, with the rules for what people type and a
// signal for every change. The GUI and the CLI go through here; the SQL is ContactStore's, which the
// import (ContactImportService) and the demo congregation use directly for their bulk writes (and
// then call notifyBulkChange() themselves: their callers have nothing to remember).
// What "Remove the demo congregation" took away.
struct DemoRemoved {
    int contacts = 0;
    DemoHistoryRemoved history;
};

class ContactService final : public QObject
{
    Q_OBJECT

public:
    ContactService(Database &database, const PhoneNormalizer &phones, const Clock &clock, QObject *parent = nullptr);

    // Who may change contacts, and the audit trail (docs/architecture.md §7); none: everyone, unrecorded.
    void setAccess(Access *access) { m_access = access; }
    // Numbers of forgotten people that had opted out: add and change refuse them (none: not checked).
    void setForgottenOptOuts(ForgottenOptOuts *forgotten) { m_forgotten = forgotten; }

    // Changes need Permission::EditContacts and are recorded in the audit trail.
    Result<Contact> add(const ContactInput &input, const QString &source = QStringLiteral("manual"));
    Result<Contact> update(qint64 id, const ContactInput &input);
    Status remove(const QList<qint64> &ids);

    Result<Contact> get(qint64 id) const;
    Result<Contact> findByPhone(QStringView phone) const;

    Result<int> count(const ContactQuery &query = {}) const;
    Result<QList<Contact>> fetch(const ContactQuery &query, int offset, int limit) const;

    // Opt-outs belong to the number, so they work for numbers that are not (or no longer) contacts.
    // by = Actor::Kengele for the member's own STOP reply or the provider's blacklist, which no
    // role may hold back.
    Status optOut(QStringView phone, const QString &reason, const QString &source = QStringLiteral("manual"),
                  Actor by = Actor::Person);
    // The member's own STOP (or the provider's blacklist) inside the caller's open transaction on
    // `db` (a relay batch): Kengele's work, recorded in the audit trail with the batch.
    Status optOutInTransaction(const QSqlDatabase &db, QStringView phone, const QString &reason, const QString &source);
    // Allows SMS again to an opted-out number ("Allow SMS again…"): records who did it and why
    // (opt_ins) and removes the opt-out, together. A reason is required; a number that is not opted
    // out is refused with a plain message. userName: the person at the desk (the OS user, as for
    // other records).
    Status allowAgain(QStringView phone, const QString &reason, const QString &userName);
    // The older form (`kengele-cli contacts optin`): the same without a reason; recorded too.
    Status optIn(QStringView phone);
    Result<bool> isOptedOut(QStringView phone) const;

    // Removes the contacts created by the demo congregation and, in the same audited change, the
    // demo's made-up year of messages (DemoHistory::removeInTransaction).
    Result<DemoRemoved> removeDemoContacts();

    const PhoneNormalizer &phones() const { return m_phones; }

    // Called by the bulk writers (ContactImportService, DemoCongregation) after they commit.
    void notifyBulkChange() { Q_EMIT contactsChanged(); }

Q_SIGNALS:
    void contactsChanged();

private:
    Result<QString> normalizedPhone(QStringView raw) const;
    Status validate(const ContactInput &input) const;
    // Refuses a number that opted out and whose person was forgotten (inside the open transaction).
    Status refuseForgotten(const QSqlDatabase &db, const QString &e164) const;
    Status allow(QStringView phone, const QString &reason, const QString &userName, bool mustBeOptedOut);
    // "contact:42" for the contact with this number, or "number" when it belongs to no contact: the
    // audit trail names no member.
    QString objectFor(const QString &e164) const;

    Database &m_database;
    const PhoneNormalizer &m_phones;
    const Clock &m_clock;
    Access *m_access = nullptr;
    ForgottenOptOuts *m_forgotten = nullptr;
};

} // namespace kengele
