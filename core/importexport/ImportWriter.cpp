// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ImportWriter.h"

#include "contacts/ForgottenOptOuts.h"
#include "contacts/Group.h"

namespace kengele {

namespace {

constexpr int MaxListedLines = 10;
// New contacts written together (ContactStore::insertContacts writes this many in one statement).
constexpr qsizetype PendingContacts = 64;

} // namespace

ImportWriter::ImportWriter(const QSqlDatabase &db, qint64 now, ImportReport &report)
    : m_store(db, tr("Importing the contacts"))
    , m_now(now)
    , m_report(report)
{ }

Status ImportWriter::prepare(qint64 rows)
{
    Result<QHash<QString, qint64>> contacts = m_store.contactIdsByPhone();
    if (!contacts)
        return std::unexpected(contacts.error());
    m_contacts = std::move(*contacts);
    m_contacts.reserve(m_contacts.size() + rows);
    Result<QHash<QString, qint64>> groups = m_store.groupIdsByFoldedName();
    if (!groups)
        return std::unexpected(groups.error());
    m_groups = std::move(*groups);
    return {};
}

Result<qint64> ImportWriter::ensureGroup(const QString &name, int line)
{
    if (const auto known = m_groupsAsWritten.constFind(name); known != m_groupsAsWritten.cend())
        return *known;
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return 0;
    if (clean.size() > MaxGroupNameLength) {
        warn(RowWarning::GroupNameTooLong, line);
        return 0;
    }
    const QString key = clean.toCaseFolded();
    qint64 id = m_groups.value(key, 0);
    if (id == 0) {
        const Result<qint64> created = m_store.insertGroup(clean, QStringView(), m_now);
        if (!created)
            return created;
        id = *created;
        m_groups.insert(key, id);
        m_report.groupsCreated.append(clean);
    }
    m_groupsAsWritten.insert(name, id);
    return id;
}

Status ImportWriter::write(ImportRow &row, qint64 targetGroup)
{
    ++m_report.rows;
    if (!row.problem.isEmpty()) {
        m_report.skipped.append({row.line, row.problem});
        return {};
    }
    if (m_forgotten.blocks(row.contact.phone)) {
        m_report.skipped.append({row.line, ForgottenOptOuts::refusal(row.contact.phone)});
        return {};
    }
    checkValues(row);

    // A new number waits in m_pending (its id a negative place holder) and is written with up to 63
    // others in one statement (ContactStore::insertContacts).
    qint64 id = m_contacts.value(row.contact.phone, 0);
    if (id < 0) {
        // The file has this number twice: the first must be written before it can be updated.
        if (Status flushed = flushContacts(); !flushed)
            return flushed;
        id = m_contacts.value(row.contact.phone, 0);
    }
    if (id == 0) {
        m_pending.append(row.contact);
        id = -qint64(m_pending.size());
        m_contacts.insert(row.contact.phone, id);
    } else {
        if (Status merged = m_store.mergeContact(id, row.contact, m_now); !merged)
            return merged;
        ++m_report.updated;
    }

    if (targetGroup > 0)
        m_memberships.append(Membership{targetGroup, id});
    for (const QString &name : std::as_const(row.groups)) {
        const Result<qint64> group = ensureGroup(name, row.line);
        if (!group)
            return std::unexpected(group.error());
        if (*group > 0)
            m_memberships.append(Membership{*group, id});
    }
    if (m_pending.size() >= PendingContacts)
        return flushContacts();
    return {};
}

Status ImportWriter::flushContacts()
{
    if (m_pending.isEmpty())
        return {};
    QList<qint64> ids(m_pending.size(), 0);
    if (const Result<QHash<QString, qint64>> inserted = m_store.insertContacts(m_pending, u"import", m_now, m_now); inserted) {
        for (qsizetype i = 0; i < m_pending.size(); ++i)
            ids[i] = inserted->value(m_pending[i].phone, 0);
        m_report.created += int(m_pending.size());
    } else {
        // Someone else saved one of the numbers since the import began (the failed statement
        // wrote none of them): one at a time, updating the ones stored meanwhile.
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            const ContactRecord &contact = m_pending[i];
            if (const Result<qint64> one = m_store.insertContact(contact, u"import", m_now, m_now); one) {
                ids[i] = *one;
                ++m_report.created;
                continue;
            }
            const Result<qint64> existing = m_store.contactIdByPhone(contact.phone);
            if (!existing)
                return std::unexpected(existing.error());
            if (*existing == 0)
                return std::unexpected(inserted.error());
            if (Status merged = m_store.mergeContact(*existing, contact, m_now); !merged)
                return merged;
            ids[i] = *existing;
            ++m_report.updated;
        }
    }
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (ids[i] <= 0)
            return fail(ErrorCode::Storage,
                        tr("Importing the contacts failed: a new contact was not saved. Nothing was imported."));
        m_contacts.insert(m_pending[i].phone, ids[i]);
    }
    for (qsizetype i = m_membershipsWritten; i < m_memberships.size(); ++i) {
        Membership &membership = m_memberships[i];
        if (membership.contactId < 0)
            membership.contactId = ids[-membership.contactId - 1];
    }
    m_membershipsWritten = m_memberships.size();
    m_pending.clear();
    return {};
}

Status ImportWriter::writeMemberships()
{
    if (Status flushed = flushContacts(); !flushed)
        return flushed;
    const Result<int> added = m_store.addMemberships(m_memberships, m_now);
    m_memberships.clear();
    m_membershipsWritten = 0;
    if (!added)
        return std::unexpected(added.error());
    return {};
}

QStringList ImportWriter::warnings() const
{
    QStringList messages;
    for (auto it = m_warnings.cbegin(); it != m_warnings.cend(); ++it) {
        const QList<int> &lines = it.value();
        QStringList shown;
        for (int i = 0; i < lines.size() && i < MaxListedLines; ++i)
            shown.append(QString::number(lines[i]));
        QString list = shown.join(QStringLiteral(", "));
        if (lines.size() > MaxListedLines)
            list += tr(" and %n more", nullptr, int(lines.size() - MaxListedLines));
        const int count = int(lines.size());
        switch (it.key()) {
        case RowWarning::EmailLeftOut:
            messages << tr("The e-mail address was left out on %n line(s) because it is not a usable address "
                           "(line %1).",
                           nullptr, count)
                            .arg(list);
            break;
        case RowWarning::NameShortened:
            messages << tr("A name longer than %1 characters was shortened on %n line(s) (line %2).", nullptr, count)
                            .arg(MaxContactNameLength)
                            .arg(list);
            break;
        case RowWarning::NotesShortened:
            messages << tr("Notes longer than %1 characters were shortened on %n line(s) (line %2).", nullptr, count)
                            .arg(MaxContactNotesLength)
                            .arg(list);
            break;
        case RowWarning::GroupNameTooLong:
            messages << tr("A group name longer than %1 characters was left out on %n line(s) (line %2).", nullptr, count)
                            .arg(MaxGroupNameLength)
                            .arg(list);
            break;
        }
    }
    return messages;
}

void ImportWriter::warn(RowWarning warning, int line)
{
    QList<int> &lines = m_warnings[warning];
    if (lines.isEmpty() || lines.last() != line)
        lines.append(line);
}

void ImportWriter::checkValues(ImportRow &row)
{
    ContactRecord &contact = row.contact;
    if (contact.firstName.size() > MaxContactNameLength || contact.lastName.size() > MaxContactNameLength) {
        contact.firstName.truncate(MaxContactNameLength);
        contact.lastName.truncate(MaxContactNameLength);
        warn(RowWarning::NameShortened, row.line);
    }
    if (contact.notes.size() > MaxContactNotesLength) {
        contact.notes.truncate(MaxContactNotesLength);
        warn(RowWarning::NotesShortened, row.line);
    }
    const QString &email = contact.email;
    if (!email.isEmpty() && (!email.contains(u'@') || email.contains(u' ') || email.startsWith(u'@') || email.endsWith(u'@'))) {
        contact.email.clear();
        warn(RowWarning::EmailLeftOut, row.line);
    }
}

} // namespace kengele
