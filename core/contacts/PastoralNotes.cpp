// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PastoralNotes.h"

#include "common/Clock.h"
#include "security/Access.h"
#include "security/DataKey.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

PastoralNotes::PastoralNotes(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

QByteArray PastoralNotes::context(qint64 contactId)
{
    return "contact:" + QByteArray::number(contactId) + ":pastoral";
}

Result<QByteArray> PastoralNotes::key()
{
    if (!m_key.isEmpty())
        return m_key;
    if (!m_keySource)
        return fail(ErrorCode::Keychain,
                    tr("Pastoral notes need this computer's keychain, and Kengele has no access to it here."));
    Result<QByteArray> loaded = m_keySource();
    if (loaded)
        m_key = *loaded;
    return loaded;
}

Result<QString> PastoralNotes::read(qint64 contactId)
{
    if (Status allowed = Access::check(m_access, Permission::Pastoral); !allowed)
        return std::unexpected(allowed.error());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT sealed FROM pastoral_notes WHERE contact_id = ?"));
    q.addBindValue(contactId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the pastoral notes")));
    if (!q.next())
        return QString();
    const QByteArray sealed = q.value(0).toByteArray();
    q.finish();
    const Result<QByteArray> k = key();
    if (!k)
        return std::unexpected(k.error());
    const Result<QByteArray> plain = DataKey::open(*k, sealed, context(contactId));
    if (!plain)
        return std::unexpected(plain.error());
    // Every opening is recorded; refused ones changed and showed nothing.
    if (Status recorded
        = Access::record(m_access, {QStringLiteral("pastoral.read"), QStringLiteral("contact:%1").arg(contactId), QString()});
        !recorded)
        return std::unexpected(recorded.error());
    return QString::fromUtf8(*plain);
}

Status PastoralNotes::write(qint64 contactId, const QString &text)
{
    if (Status allowed = Access::check(m_access, Permission::Pastoral); !allowed)
        return allowed;
    if (text.size() > MaxLength)
        return fail(ErrorCode::InvalidInput, tr("Pastoral notes can have at most %1 characters.").arg(MaxLength));
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Saving the pastoral notes")); !begun)
        return begun;
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"));
    exists.addBindValue(contactId);
    if (!exists.exec())
        return std::unexpected(Database::storageError(exists.lastError(), tr("Saving the pastoral notes")));
    if (!exists.next())
        return fail(ErrorCode::NotFound, tr("This contact no longer exists; someone may have deleted it."));
    QSqlQuery q(db);
    if (text.trimmed().isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM pastoral_notes WHERE contact_id = ?"));
        q.addBindValue(contactId);
    } else {
        const Result<QByteArray> k = key();
        if (!k)
            return std::unexpected(k.error());
        const Result<QByteArray> sealed = DataKey::seal(*k, text.toUtf8(), context(contactId));
        if (!sealed)
            return std::unexpected(sealed.error());
        q.prepare(
            QStringLiteral("INSERT INTO pastoral_notes(contact_id, sealed, updated_at) VALUES (?, ?, ?) "
                           "ON CONFLICT(contact_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at"));
        q.addBindValue(contactId);
        q.addBindValue(*sealed);
        q.addBindValue(m_clock.nowMs());
    }
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the pastoral notes")));
    return transaction.commit({QStringLiteral("pastoral.edit"), QStringLiteral("contact:%1").arg(contactId),
                               text.trimmed().isEmpty() ? QStringLiteral("removed") : QString()});
}

Result<QList<qint64>> PastoralNotes::search(const QString &text)
{
    if (Status allowed = Access::check(m_access, Permission::Pastoral); !allowed)
        return std::unexpected(allowed.error());
    const QString wanted = text.simplified();
    if (wanted.isEmpty())
        return QList<qint64>();
    const Result<QByteArray> k = key();
    if (!k)
        return std::unexpected(k.error());
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT contact_id, sealed FROM pastoral_notes ORDER BY contact_id")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Searching the pastoral notes")));
    QList<qint64> found;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const Result<QByteArray> plain = DataKey::open(*k, q.value(1).toByteArray(), context(id));
        if (!plain)
            return std::unexpected(plain.error());
        if (QString::fromUtf8(*plain).contains(wanted, Qt::CaseInsensitive))
            found.append(id);
    }
    // What was searched for is itself confidential: only that a search was made, and how many matched.
    if (Status recorded = Access::record(
            m_access,
            {QStringLiteral("pastoral.search"), QStringLiteral("contacts"), QStringLiteral("%1 found").arg(found.size())});
        !recorded)
        return std::unexpected(recorded.error());
    return found;
}

Status PastoralNotes::mayOpen() const
{
    return Access::check(m_access, Permission::Pastoral);
}

Result<bool> PastoralNotes::has(qint64 contactId) const
{
    if (Status allowed = mayOpen(); !allowed)
        return std::unexpected(allowed.error());
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM pastoral_notes WHERE contact_id = ?"));
    q.addBindValue(contactId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the pastoral notes")));
    return q.next();
}

} // namespace kengele
