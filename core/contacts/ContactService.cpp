// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactService.h"

#include "ContactStore.h"
#include "ForgottenOptOuts.h"
#include "PhoneNormalizer.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "demo/DemoHistory.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

namespace kengele {

namespace {

ContactRecord recordOf(const ContactInput &input, const QString &phone)
{
    return ContactRecord{input.firstName.trimmed(), input.lastName.trimmed(), phone,
                         input.phone.trimmed(),     input.email.trimmed(),    input.notes};
}

} // namespace

ContactService::ContactService(Database &database, const PhoneNormalizer &phones, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_phones(phones)
    , m_clock(clock)
{ }

Result<QString> ContactService::normalizedPhone(QStringView raw) const
{
    return m_phones.normalize(raw);
}

Status ContactService::validate(const ContactInput &input) const
{
    if (input.firstName.trimmed().isEmpty() && input.lastName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please give the contact a name."));
    if (input.firstName.size() > MaxContactNameLength || input.lastName.size() > MaxContactNameLength)
        return fail(ErrorCode::InvalidInput, tr("A name can have at most %1 characters.").arg(MaxContactNameLength));
    if (input.notes.size() > MaxContactNotesLength)
        return fail(ErrorCode::InvalidInput, tr("Notes can have at most %1 characters.").arg(MaxContactNotesLength));
    const QString email = input.email.trimmed();
    if (!email.isEmpty() && (!email.contains(u'@') || email.contains(u' ') || email.endsWith(u'@')))
        return fail(ErrorCode::InvalidInput, tr("“%1” is not an e-mail address.").arg(email));
    return {};
}

Status ContactService::refuseForgotten(const QSqlDatabase &db, const QString &e164) const
{
    if (!m_forgotten)
        return {};
    const Result<ForgottenCheck> check = m_forgotten->check(db);
    if (!check)
        return std::unexpected(check.error());
    if (check->blocks(e164))
        return fail(ErrorCode::Conflict, ForgottenOptOuts::refusal(e164));
    return {};
}

QString ContactService::objectFor(const QString &e164) const
{
    const Result<std::optional<Contact>> found
        = ContactStore(m_database.connection(), tr("Reading the contact")).contactByPhone(e164);
    if (found && *found)
        return QStringLiteral("contact:%1").arg((*found)->id);
    return QStringLiteral("number");
}

Result<Contact> ContactService::add(const ContactInput &input, const QString &source)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    if (Status ok = validate(input); !ok)
        return std::unexpected(ok.error());
    const Result<QString> phone = normalizedPhone(input.phone);
    if (!phone)
        return std::unexpected(phone.error());
    if (const Result<Contact> existing = findByPhone(*phone); existing) {
        return fail(ErrorCode::Conflict, tr("The number %1 already belongs to %2.").arg(*phone, existing->name()));
    }

    const qint64 now = m_clock.nowMs();
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Saving the contact")); !begun)
        return std::unexpected(begun.error());
    if (Status refused = refuseForgotten(db, *phone); !refused)
        return std::unexpected(refused.error());
    ContactStore store(db, tr("Saving the contact"));
    const Result<qint64> id = store.insertContact(recordOf(input, *phone), source, now, now);
    if (!id)
        return std::unexpected(id.error());
    if (Status done = transaction.commit(
            {QStringLiteral("contacts.add"), QStringLiteral("contact:%1").arg(*id), QStringLiteral("from %1").arg(source)});
        !done)
        return std::unexpected(done.error());
    Q_EMIT contactsChanged();
    return get(*id);
}

Result<Contact> ContactService::update(qint64 id, const ContactInput &input)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    if (Status ok = validate(input); !ok)
        return std::unexpected(ok.error());
    const Result<QString> phone = normalizedPhone(input.phone);
    if (!phone)
        return std::unexpected(phone.error());
    if (const Result<Contact> existing = findByPhone(*phone); existing && existing->id != id) {
        return fail(ErrorCode::Conflict, tr("The number %1 already belongs to %2.").arg(*phone, existing->name()));
    }
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Saving the contact")); !begun)
        return std::unexpected(begun.error());
    if (Status refused = refuseForgotten(db, *phone); !refused)
        return std::unexpected(refused.error());
    ContactStore store(db, tr("Saving the contact"));
    const Result<bool> updated = store.replaceContact(id, recordOf(input, *phone), m_clock.nowMs());
    if (!updated)
        return std::unexpected(updated.error());
    if (!*updated)
        return fail(ErrorCode::NotFound, tr("This contact no longer exists; someone may have deleted it."));
    if (Status done = transaction.commit({QStringLiteral("contacts.edit"), QStringLiteral("contact:%1").arg(id), QString()});
        !done)
        return std::unexpected(done.error());
    Q_EMIT contactsChanged();
    return get(id);
}

Status ContactService::remove(const QList<qint64> &ids)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return allowed;
    if (ids.isEmpty())
        return {};
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Deleting contacts")); !begun)
        return std::unexpected(begun.error());
    if (Status removed = ContactStore(db, tr("Deleting contacts")).removeContacts(ids); !removed)
        return removed;
    QList<AuditNote> notes; // one each, so "who deleted contact 42?" has an answer
    for (const qint64 id : ids)
        notes.append({QStringLiteral("contacts.delete"), QStringLiteral("contact:%1").arg(id), QString()});
    if (Status committed = transaction.commit(notes); !committed)
        return committed;
    Q_EMIT contactsChanged();
    return {};
}

Result<Contact> ContactService::get(qint64 id) const
{
    return foundOr(ContactStore(m_database.connection(), tr("Reading the contact")).contact(id),
                   tr("This contact no longer exists; someone may have deleted it."));
}

Result<Contact> ContactService::findByPhone(QStringView phone) const
{
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    return foundOr(ContactStore(m_database.connection(), tr("Reading the contact")).contactByPhone(*e164),
                   tr("No contact has the number %1.").arg(*e164));
}

Result<int> ContactService::count(const ContactQuery &query) const
{
    return ContactStore(m_database.connection(), tr("Counting contacts")).countContacts(query);
}

Result<QList<Contact>> ContactService::fetch(const ContactQuery &query, int offset, int limit) const
{
    return ContactStore(m_database.connection(), tr("Reading contacts")).contacts(query, offset, limit);
}

Status ContactService::optOut(QStringView phone, const QString &reason, const QString &source, Actor by)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts, by); !allowed)
        return allowed;
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Recording the opt-out")); !begun)
        return begun;
    ContactStore store(db, tr("Recording the opt-out"));
    if (Status recorded = store.recordOptOut(*e164, reason.trimmed(), source, m_clock.nowMs()); !recorded)
        return recorded;
    if (Status done
        = transaction.commit({QStringLiteral("contacts.optout"), objectFor(*e164), QStringLiteral("from %1").arg(source), by});
        !done)
        return done;
    qCInfo(lcContacts) << "number opted out, source" << source;
    Q_EMIT contactsChanged();
    return {};
}

Status ContactService::optOutInTransaction(const QSqlDatabase &db, QStringView phone, const QString &reason,
                                           const QString &source)
{
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    ContactStore store(db, tr("Recording the opt-out"));
    if (Status recorded = store.recordOptOut(*e164, reason.trimmed(), source, m_clock.nowMs()); !recorded)
        return recorded;
    if (m_access) {
        if (Status noted = m_access->record(
                db, {QStringLiteral("contacts.optout"), objectFor(*e164), QStringLiteral("from %1").arg(source), Actor::Kengele});
            !noted)
            return noted;
    }
    qCInfo(lcContacts) << "number opted out, source" << source;
    Q_EMIT contactsChanged();
    return {};
}

Status ContactService::allowAgain(QStringView phone, const QString &reason, const QString &userName)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return allowed;
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Say why SMS may be sent to this number again."));
    return allow(phone, reason.trimmed(), userName, true);
}

Status ContactService::optIn(QStringView phone)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return allowed;
    return allow(phone, {}, qEnvironmentVariable("USER"), false); // as before: not opted out is fine
}

Status ContactService::allow(QStringView phone, const QString &reason, const QString &userName, bool mustBeOptedOut)
{
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    const QString what = tr("Allowing SMS again");
    AuditedTransaction transaction(m_access, m_database.connection());
    if (Status begun = transaction.began(what); !begun)
        return begun;
    ContactStore store(m_database.connection(), what);
    const Result<bool> recorded = store.recordOptIn(*e164, reason, userName, m_clock.nowMs());
    if (!recorded)
        return std::unexpected(recorded.error());
    if (!*recorded && !mustBeOptedOut)
        return {};
    if (!*recorded)
        return fail(ErrorCode::InvalidInput, tr("%1 is not opted out: SMS can already be sent to this number.").arg(*e164));
    if (Status removed = store.removeOptOut(*e164); !removed)
        return removed;
    if (Status committed = transaction.commit({QStringLiteral("contacts.optin"), objectFor(*e164), QString()}); !committed)
        return committed;
    qCInfo(lcContacts) << "number allowed SMS again";
    Q_EMIT contactsChanged();
    return {};
}

Result<bool> ContactService::isOptedOut(QStringView phone) const
{
    const Result<QString> e164 = normalizedPhone(phone);
    if (!e164)
        return std::unexpected(e164.error());
    return ContactStore(m_database.connection(), tr("Reading opt-outs")).isOptedOut(*e164);
}

Result<DemoRemoved> ContactService::removeDemoContacts()
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Removing the demo congregation")); !begun)
        return std::unexpected(begun.error());
    DemoRemoved removed;
    const Result<DemoHistoryRemoved> history = DemoHistory::removeInTransaction(db);
    if (!history)
        return std::unexpected(history.error());
    removed.history = *history;
    const Result<int> contacts = ContactStore(db, tr("Removing the demo congregation")).removeContactsFrom(u"demo");
    if (!contacts)
        return std::unexpected(contacts.error());
    removed.contacts = *contacts;
    if (Status done = transaction.commit({QStringLiteral("contacts.delete"), QStringLiteral("demo"),
                                          QStringLiteral("%1 demo contacts, %2 demo campaigns with %3 messages")
                                              .arg(removed.contacts)
                                              .arg(removed.history.campaigns)
                                              .arg(removed.history.messages)});
        !done)
        return std::unexpected(done.error());
    Q_EMIT contactsChanged();
    return removed;
}

} // namespace kengele
