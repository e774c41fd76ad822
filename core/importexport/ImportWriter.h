// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ImportReport.h"
#include "ImportRow.h"
#include "common/Result.h"
#include "contacts/ContactStore.h"
#include "contacts/ForgottenCheck.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QSqlDatabase>

namespace kengele {

// The database side of one import, inside the caller's transaction: each row becomes a new contact
// or updates the one with its number (stored, or earlier in the file), and joins its groups (made
// when missing). Counts every row in the report (rows = created + updated + skipped) and gathers
// the values it had to shorten or leave out as warnings. Memberships are gathered and written a
// chunk at a time by writeMemberships(), in the table's own order.
class ImportWriter final
{
    Q_DECLARE_TR_FUNCTIONS(ContactImporter)

public:
    ImportWriter(const QSqlDatabase &db, qint64 now, ImportReport &report);

    // Reads the numbers and group names stored so far, with room for `rows` more numbers.
    Status prepare(qint64 rows);
    // Numbers to skip: opted out, and their person forgotten (ForgottenOptOuts::check).
    void setForgotten(ForgottenCheck forgotten) { m_forgotten = std::move(forgotten); }
    // The group's id, creating it when missing; 0 when the name cannot be a group name.
    Result<qint64> ensureGroup(const QString &name, int line);
    // Writes one row (a row with a problem is counted as skipped); `targetGroup` (0: none) is the
    // group every contact joins.
    Status write(ImportRow &row, qint64 targetGroup);
    // Writes the contacts still waiting and the memberships of the rows written since the last call.
    Status writeMemberships();

    // What was shortened or left out, on which lines (translated).
    QStringList warnings() const;

private:
    enum class RowWarning { EmailLeftOut, NameShortened, NotesShortened, GroupNameTooLong };

    void warn(RowWarning warning, int line);
    // Writes the new contacts gathered in m_pending, and gives their memberships the new ids.
    Status flushContacts();
    // The rules ContactService applies to what people type, made gentle: the contact is kept.
    void checkValues(ImportRow &row);

    ContactStore m_store;
    qint64 m_now;
    ImportReport &m_report;
    QHash<QString, qint64> m_contacts; // E.164 -> id, stored and imported so far
    QHash<QString, qint64> m_groups; // case-folded name -> id
    QHash<QString, qint64> m_groupsAsWritten; // a name as the file writes it -> id, once resolved
    QList<Membership> m_memberships; // a negative contact id: the contact at m_pending[-id - 1]
    qsizetype m_membershipsWritten = 0; // m_memberships before this index have their contacts' ids
    QList<ContactRecord> m_pending; // new contacts not written yet
    QMap<RowWarning, QList<int>> m_warnings;
    ForgottenCheck m_forgotten;
};

} // namespace kengele
