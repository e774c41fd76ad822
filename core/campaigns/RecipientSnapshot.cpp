// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RecipientSnapshot.h"

#include "contacts/ForgottenCheck.h"
#include "contacts/PhoneNormalizer.h"
#include "storage/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <utility>

namespace kengele {

namespace {

constexpr const char *MembersSql = "SELECT c.id, c.first_name, c.last_name, c.phone, o.phone IS NOT NULL FROM group_members gm "
                                   "JOIN contacts c ON c.id = gm.contact_id LEFT JOIN opt_outs o ON o.phone = c.phone "
                                   "WHERE gm.group_id = ?1 ORDER BY c.id";
// Everyone; the first group (by when it was made) names them, as the first chosen group would.
constexpr const char *EveryoneSql = "SELECT c.id, c.first_name, c.last_name, c.phone, o.phone IS NOT NULL, "
                                    "(SELECT g.name FROM group_members gm JOIN groups g ON g.id = gm.group_id "
                                    "WHERE gm.contact_id = c.id ORDER BY g.id LIMIT 1) "
                                    "FROM contacts c LEFT JOIN opt_outs o ON o.phone = c.phone ORDER BY c.id";
constexpr const char *ContactSql = "SELECT c.id, c.first_name, c.last_name, c.phone, o.phone IS NOT NULL FROM contacts c "
                                   "LEFT JOIN opt_outs o ON o.phone = c.phone WHERE c.id = ?1";

} // namespace

Status RecipientSnapshot::take(const QSqlDatabase &db, const QList<qint64> &groupIds, const QList<qint64> &contactIds,
                               const QStringList &phones)
{
    *this = RecipientSnapshot();
    SmsReachability reachability;
    for (const qint64 groupId : groupIds) {
        QSqlQuery name(db);
        name.prepare(QStringLiteral("SELECT name FROM groups WHERE id = ?"));
        name.addBindValue(groupId);
        if (!name.exec() || !name.next())
            return fail(ErrorCode::NotFound, tr("One of the chosen groups no longer exists."));
        const QString groupName = name.value(0).toString();
        SqliteStatement q(db, MembersSql);
        if (!q.isValid())
            return std::unexpected(q.error(tr("Reading the recipients")));
        q.bind(1, groupId);
        const qsizetype before = m_recipients.size();
        if (Status ok = collect(q, groupName, reachability); !ok)
            return ok;
        if (m_recipients.size() == before)
            m_emptyGroups << groupName;
    }
    if (!contactIds.isEmpty()) {
        SqliteStatement q(db, ContactSql);
        if (!q.isValid())
            return std::unexpected(q.error(tr("Reading the recipients")));
        for (const qint64 contactId : contactIds) {
            q.reset();
            q.bind(1, contactId);
            if (Status ok = collect(q, QString(), reachability); !ok)
                return ok;
        }
    }
    if (!phones.isEmpty()) {
        QSet<QString> chosen;
        for (const Recipient &r : std::as_const(m_recipients))
            chosen.insert(r.phone);
        SqliteStatement q(db, "SELECT 1 FROM opt_outs WHERE phone = ?1");
        if (!q.isValid())
            return std::unexpected(q.error(tr("Reading the recipients")));
        for (const QString &phone : phones) {
            if (chosen.contains(phone)) {
                ++m_duplicates;
                continue;
            }
            chosen.insert(phone);
            q.reset();
            q.bind(1, phone);
            const bool optedOut = q.next();
            if (q.failed())
                return std::unexpected(q.error(tr("Reading the recipients")));
            if (optedOut) {
                ++m_optedOut;
                continue;
            }
            if (!reachability.canReceiveSms(phone)) {
                ++m_cannotReceiveSms;
                continue;
            }
            m_recipients.append(Recipient{0, QString(), QString(), phone, QString()});
        }
    }
    return checkSomebodyLeft();
}

Status RecipientSnapshot::takeEveryone(const QSqlDatabase &db)
{
    *this = RecipientSnapshot();
    SmsReachability reachability;
    SqliteStatement q(db, EveryoneSql);
    if (!q.isValid())
        return std::unexpected(q.error(tr("Reading the recipients")));
    if (Status ok = collect(q, QString(), reachability, 5); !ok)
        return ok;
    return checkSomebodyLeft(true);
}

Status RecipientSnapshot::leaveOut(const ForgottenCheck &forgotten, bool everyone)
{
    if (forgotten.isEmpty())
        return {};
    const qsizetype removed = m_recipients.removeIf([&forgotten](const Recipient &r) { return forgotten.blocks(r.phone); });
    m_optedOut += int(removed);
    return removed > 0 ? checkSomebodyLeft(everyone) : Status{};
}

Status RecipientSnapshot::collect(SqliteStatement &q, const QString &groupName, SmsReachability &reachability, int groupColumn)
{
    while (q.next()) {
        const qint64 id = q.columnInt64(0);
        if (m_seen.contains(id)) {
            ++m_duplicates;
            continue;
        }
        m_seen.insert(id);
        if (q.columnInt(4) != 0) {
            ++m_optedOut;
            continue;
        }
        QString phone = q.columnText(3);
        if (!reachability.canReceiveSms(phone)) {
            ++m_cannotReceiveSms;
            continue;
        }
        m_recipients.append(Recipient{id, q.columnText(1), q.columnText(2), std::move(phone),
                                      groupColumn >= 0 ? q.columnText(groupColumn) : groupName});
    }
    if (q.failed())
        return std::unexpected(q.error(tr("Reading the recipients")));
    return {};
}

Status RecipientSnapshot::checkSomebodyLeft(bool everyone) const
{
    if (!m_recipients.isEmpty())
        return {};
    if (everyone && m_seen.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    tr("Nobody to send to: there are no contacts yet. Add or import them on the "
                       "Contacts page."));
    if (m_cannotReceiveSms > 0 && m_optedOut == 0)
        return fail(ErrorCode::InvalidInput,
                    tr("Nobody to send to: the chosen numbers (%n) cannot receive SMS (landlines and "
                       "other numbers that are not mobile).",
                       nullptr, m_cannotReceiveSms));
    if (m_optedOut > 0 && m_cannotReceiveSms > 0)
        return fail(ErrorCode::InvalidInput,
                    tr("Nobody to send to: of the people chosen, %1 opted out of messages and %2 have numbers "
                       "that cannot receive SMS.")
                        .arg(m_optedOut)
                        .arg(m_cannotReceiveSms));
    if (m_optedOut > 0)
        return fail(ErrorCode::InvalidInput,
                    tr("Nobody to send to: everyone chosen (%n person(s)) has opted out of messages.", nullptr, m_optedOut));
    return fail(ErrorCode::InvalidInput, tr("Nobody to send to: the chosen groups have no members."));
}

} // namespace kengele
