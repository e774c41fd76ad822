// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactForgetter.h"

#include "ContactService.h"
#include "ForgottenOptOuts.h"
#include "PhoneNormalizer.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "security/Access.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "tokens/TokenLedger.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

// Deleted and overwritten content is zeroed on this connection while a person is forgotten
// (PRAGMA secure_delete), then the setting is put back.
class SecureDelete final
{
public:
    explicit SecureDelete(const QSqlDatabase &db)
        : m_db(db)
    {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA secure_delete")) && q.next())
            m_before = q.value(0).toInt();
        q.finish();
        q.exec(QStringLiteral("PRAGMA secure_delete = 1"));
    }
    ~SecureDelete() { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA secure_delete = %1").arg(m_before)); }
    SecureDelete(const SecureDelete &) = delete;
    SecureDelete &operator=(const SecureDelete &) = delete;

private:
    QSqlDatabase m_db;
    int m_before = 0;
};

// The masked form the relay and the Tokens page keep of an M-Pesa payer's number: the first 4 and
// the last 3 digits (relay/Purchase.cpp, TokenShop).
QString maskedPayer(const QString &e164)
{
    const QString digits = e164.startsWith(u'+') ? e164.mid(1) : e164;
    if (digits.size() <= 7)
        return digits;
    return digits.left(4) + QString(digits.size() - 7, QChar(0x2022)) + digits.right(3);
}

} // namespace

ContactForgetter::ContactForgetter(Database &database, const PhoneNormalizer &phones, ContactService &contacts,
                                   TokenLedger &ledger, ForgottenOptOuts &forgotten, const Clock &clock)
    : m_database(database)
    , m_phones(phones)
    , m_contacts(contacts)
    , m_ledger(ledger)
    , m_forgotten(forgotten)
    , m_clock(clock)
{ }

Result<ContactForgetter::Outcome> ContactForgetter::forget(const QString &phone)
{
    if (Status allowed = Access::check(m_access, Permission::ExportContacts); !allowed) {
        if (allowed.error().code == ErrorCode::Forbidden) // the role's own words speak of exporting
            return fail(ErrorCode::Forbidden, tr("Only a pastor or an administrator may forget a person."));
        return std::unexpected(allowed.error());
    }
    const Result<QString> e164 = m_phones.normalize(phone);
    if (!e164)
        return std::unexpected(e164.error());
    const QString what = tr("Forgetting the person");
    const QSqlDatabase db = m_database.connection();
    const qint64 now = m_clock.nowMs();
    Outcome outcome;
    {
        const SecureDelete secure(db);
        AuditedTransaction transaction(m_access, db);
        if (Status begun = transaction.began(what); !begun)
            return std::unexpected(begun.error());
        QSqlQuery q(db);
        const auto run = [&](const QString &sql, const QVariantList &binds) -> Status {
            q.finish();
            q.prepare(sql);
            for (const QVariant &value : binds)
                q.addBindValue(value);
            if (!q.exec())
                return std::unexpected(Database::storageError(q.lastError(), what));
            return {};
        };

        if (Status ok = run(QStringLiteral("SELECT id, uid FROM contacts WHERE phone = ?"), {*e164}); !ok)
            return std::unexpected(ok.error());
        const bool isContact = q.next();
        outcome.contactId = isContact ? q.value(0).toLongLong() : 0;
        const QString contactUid = isContact ? q.value(1).toString() : QString();
        const QVariantList both{*e164, outcome.contactId}; // for "phone = ? OR contact_id = ?"
        if (Status ok = run(QStringLiteral("SELECT EXISTS (SELECT 1 FROM opt_outs WHERE phone = ?), "
                                           "EXISTS (SELECT 1 FROM outbox WHERE phone = ? OR contact_id = ?) "
                                           "OR EXISTS (SELECT 1 FROM inbox WHERE phone = ? OR contact_id = ?) "
                                           "OR EXISTS (SELECT 1 FROM prayer_intake WHERE phone = ?) "
                                           "OR EXISTS (SELECT 1 FROM opt_ins WHERE phone = ?) "
                                           "OR EXISTS (SELECT 1 FROM delivery_reports WHERE phone = ?)"),
                            {*e164, *e164, outcome.contactId, *e164, outcome.contactId, *e164, *e164, *e164});
            !ok || !q.next())
            return std::unexpected(ok ? Database::storageError(q.lastError(), what) : ok.error());
        outcome.keptBlocked = q.value(0).toBool();
        if (outcome.contactId == 0 && !outcome.keptBlocked && !q.value(1).toBool())
            return fail(ErrorCode::NotFound, tr("Kengele holds nothing about %1: there is nobody to forget.").arg(*e164));

        // An opted-out number stays blocked, as a keyed hash: without the key nothing is changed.
        if (outcome.keptBlocked) {
            if (Status kept = m_forgotten.add(db, *e164, now); !kept)
                return fail(
                    kept.error().code,
                    tr("%1 asked not to receive messages, so forgetting the person keeps the number blocked in a protected "
                       "form, which needs this computer's keychain. Nothing was changed. (%2)")
                        .arg(*e164, kept.error().message));
        }

        // Messages to them still waiting (or never confirmed): cancelled, their tokens back.
        if (Status ok = run(QStringLiteral("SELECT o.campaign_id, sum(o.segments) FROM outbox o JOIN campaigns c ON "
                                           "c.id = o.campaign_id WHERE (o.phone = ? OR o.contact_id = ?) AND o.state IN "
                                           "('queued', 'uncertain') AND c.tokens > 0 GROUP BY o.campaign_id"),
                            both);
            !ok)
            return std::unexpected(ok.error());
        QHash<qint64, qint64> release;
        while (q.next())
            release.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        if (Status ok = run(QStringLiteral("UPDATE outbox SET state = 'cancelled', reason = ?, updated_at = ? "
                                           "WHERE (phone = ? OR contact_id = ?) AND state IN ('queued', 'uncertain')"),
                            {tr("The person was forgotten at their request"), now, *e164, outcome.contactId});
            !ok)
            return std::unexpected(ok.error());
        outcome.messagesCancelled = q.numRowsAffected();
        for (auto it = release.cbegin(); it != release.cend(); ++it) {
            if (const auto released = m_ledger.releaseInTransaction(db, it.key(), it.value(), tr("Person forgotten"), {});
                !released)
                return std::unexpected(released.error());
        }

        const QString nsn = PhoneNormalizer::nationalSignificantNumber(*e164);
        const QList<std::pair<QString, QVariantList>> steps{
            // Campaigns that were only about them: replies to their messages, and campaigns every
            // message of which went to them. Their name and text go; counts and tokens stay.
            {QStringLiteral("UPDATE campaigns SET name = ?, body = '' WHERE id IN (SELECT reply_campaign_id FROM inbox "
                            "WHERE (phone = ? OR contact_id = ?) AND reply_campaign_id IS NOT NULL) "
                            "OR (id IN (SELECT campaign_id FROM outbox WHERE phone = ? OR contact_id = ?) AND NOT EXISTS "
                            "(SELECT 1 FROM outbox x WHERE x.campaign_id = campaigns.id AND x.phone <> ? "
                            "AND (x.contact_id IS NULL OR x.contact_id <> ?)))"),
             {tr("Message to a forgotten person"), *e164, outcome.contactId, *e164, outcome.contactId, *e164, outcome.contactId}},
            // Campaigns are shared: the change log's copies of those names and texts go too (the
            // change above carries the new ones to the other computers).
            {QStringLiteral(
                 "UPDATE change_log SET fields = json_set(fields, '$.name', ?, '$.body', '') WHERE entity = 'campaign' "
                 "AND uid IN (SELECT uid FROM campaigns WHERE name = ? AND body = '') "
                 "AND (json_extract(fields, '$.name') IS NOT NULL OR json_extract(fields, '$.body') IS NOT NULL)"),
             {tr("Message to a forgotten person"), tr("Message to a forgotten person")}},
            // Every message to them stays for the counts and costs, without number, name or text.
            {QStringLiteral("UPDATE outbox SET phone = 'forgotten:' || id, name = '', text = '', contact_id = NULL "
                            "WHERE phone = ? OR contact_id = ?"),
             both},
            {QStringLiteral("UPDATE delivery_reports SET phone = '' WHERE phone = ?"), {*e164}},
            {QStringLiteral("DELETE FROM prayer_intake WHERE phone = ? OR contact_id = ?"), both},
            {QStringLiteral("DELETE FROM inbox WHERE phone = ? OR contact_id = ?"), both},
            {QStringLiteral("DELETE FROM opt_outs WHERE phone = ?"), {*e164}},
            {QStringLiteral("DELETE FROM opt_ins WHERE phone = ?"), {*e164}},
            {QStringLiteral("UPDATE token_purchases SET phone = '' WHERE phone = ?"), {maskedPayer(*e164)}},
            // Events kept as received (payments, unknown kinds) that carry the number in any spelling.
            {QStringLiteral("UPDATE relay_events SET data = '' WHERE ? <> '' AND instr(data, ?) > 0"), {nsn, nsn}},
            // The contact with its groups, pastoral notes and campaign targets (ON DELETE CASCADE).
            {QStringLiteral("DELETE FROM contacts WHERE id = ?"), {outcome.contactId}},
        };
        for (const auto &[sql, binds] : steps) {
            if (Status ok = run(sql, binds); !ok)
                return std::unexpected(ok.error());
        }
        q.finish();
        // The change log's copies (their changes not yet sent, clocks, conflicts): only the
        // deletion of the contact stays.
        if (Status ok = ChangeLog::forgetInTransaction(db, contactUid, *e164, nsn); !ok)
            return std::unexpected(ok.error());
        const QString object
            = outcome.contactId > 0 ? QStringLiteral("contact:%1").arg(outcome.contactId) : QStringLiteral("number");
        const QString summary = outcome.keptBlocked
            ? QStringLiteral("personal data removed; opted-out number kept only as a keyed hash")
            : QStringLiteral("personal data removed");
        if (Status done = transaction.commit({QStringLiteral("contacts.forget"), object, summary}); !done)
            return std::unexpected(done.error());
    }
    qCInfo(lcContacts) << "a person was forgotten at their request";
    m_contacts.notifyBulkChange();
    if (outcome.messagesCancelled > 0)
        m_ledger.notifyBulkChange();
    outcome.fileCleaned = cleanFile();
    return outcome;
}

bool ContactForgetter::cleanFile()
{
    const QSqlDatabase db = m_database.connection();
    const SecureDelete secure(db);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("VACUUM"))) {
        qCWarning(lcContacts) << "could not rebuild the file after forgetting:" << q.lastError().text();
        return false;
    }
    // busy, frames in the log, frames copied: all done and the log emptied when busy is 0.
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !q.next() || q.value(0).toInt() != 0) {
        qCWarning(lcContacts) << "could not empty the write-ahead log after forgetting";
        return false;
    }
    return true;
}

} // namespace kengele
