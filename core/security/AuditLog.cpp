// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditLog.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "sync/ReplicaSqlFunctions.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

void AuditLog::setActor(const QString &userName)
{
    m_actor = userName;
    m_database.replicaContext().setUser(userName);
}

namespace {

constexpr int MaxSummaryLength = 200;

AuditEntry readRow(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    e.user = q.value(2).toString();
    e.device = q.value(3).toString();
    e.action = q.value(4).toString();
    e.object = q.value(5).toString();
    e.summary = q.value(6).toString();
    e.hash = q.value(7).toString();
    e.computer = q.value(8).toString();
    return e;
}

const QString Columns = QStringLiteral("id, at, user_name, device, action, object, summary, hash");
// This computer's entries with its replica id, and every computer's (the view audit_entries).
const QString ColumnsHere
    = QStringLiteral("id, at, user_name, device, action, object, summary, hash, (SELECT device FROM sync_state WHERE id = 1)");
const QString SharedColumns = QStringLiteral("entry_id, at, user_name, device_name, action, object, summary, hash, device");

} // namespace

AuditLog::AuditLog(Database &database, const Clock &clock, QString headFile, QString device)
    : m_database(database)
    , m_clock(clock)
    , m_headFile(std::move(headFile))
    , m_device(std::move(device))
{ }

QString AuditLog::zeroHash()
{
    return QString(64, u'0');
}

QByteArray AuditLog::canonical(const AuditEntry &entry)
{
    const QJsonArray fields{entry.id,     entry.time.toMSecsSinceEpoch(), entry.user, entry.device, entry.action, entry.object,
                            entry.summary};
    return QJsonDocument(fields).toJson(QJsonDocument::Compact);
}

QString AuditLog::chainHash(const QString &previousHash, const AuditEntry &entry)
{
    QCryptographicHash sha(QCryptographicHash::Sha256);
    sha.addData(previousHash.toLatin1());
    sha.addData(QByteArrayView("\n"));
    sha.addData(canonical(entry));
    return QString::fromLatin1(sha.result().toHex());
}

Status AuditLog::record(const QSqlDatabase &db, const QString &action, const QString &object, const QString &summary)
{
    return recordAs(db, m_actor, action, object, summary);
}

Status AuditLog::recordAs(const QSqlDatabase &db, const QString &user, const QString &action, const QString &object,
                          const QString &summary)
{
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")))
        return std::unexpected(Database::storageError(last.lastError(), tr("Writing the audit trail")));
    AuditEntry entry;
    QString previous = zeroHash();
    entry.id = 1;
    if (last.next()) {
        entry.id = last.value(0).toLongLong() + 1;
        previous = last.value(1).toString();
    }
    // Milliseconds as stored, so the hash made now is the hash checked later.
    entry.time = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC);
    entry.user = user;
    entry.device = m_device;
    entry.action = action;
    entry.object = object;
    entry.summary = summary.simplified().left(MaxSummaryLength);
    entry.hash = chainHash(previous, entry);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO audit_log(id, at, user_name, device, action, object, summary, hash) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(entry.id);
    insert.addBindValue(entry.time.toMSecsSinceEpoch());
    insert.addBindValue(sqlText(entry.user));
    insert.addBindValue(sqlText(entry.device));
    insert.addBindValue(sqlText(entry.action));
    insert.addBindValue(sqlText(entry.object));
    insert.addBindValue(sqlText(entry.summary));
    insert.addBindValue(entry.hash);
    if (!insert.exec())
        return std::unexpected(Database::storageError(insert.lastError(), tr("Writing the audit trail")));
    return {};
}

Status AuditLog::record(const QString &action, const QString &object, const QString &summary)
{
    return recordAs(m_actor, action, object, summary);
}

Status AuditLog::recordAs(const QString &user, const QString &action, const QString &object, const QString &summary)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Writing the audit trail")); !begun)
        return begun;
    if (Status recorded = recordAs(db, user, action, object, summary); !recorded)
        return recorded;
    if (Status done = transaction.commit(); !done)
        return done;
    committed();
    return {};
}

void AuditLog::committed()
{
    // Threads of this program (an import's worker and the window, say) may commit at the same time:
    // reading the head, comparing and writing it happen as one, so an older head never overwrites a
    // newer one. Other programs on the profile are covered by "only forward" below.
    static QMutex writing;
    const QMutexLocker locker(&writing);
    const Result<std::pair<qint64, QString>> now = head();
    if (!now || now->first == 0)
        return;
    // Only forward: two programs on this profile may commit in either order.
    if (savedHead().first >= now->first)
        return;
    QSaveFile file(m_headFile);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcSecurity) << "the audit trail's head could not be saved:" << file.errorString();
        return;
    }
    file.write(QByteArray::number(now->first) + ' ' + now->second.toLatin1() + '\n');
    if (!file.commit())
        qCWarning(lcSecurity) << "the audit trail's head could not be saved:" << file.errorString();
}

std::pair<qint64, QString> AuditLog::savedHead() const
{
    QFile file(m_headFile);
    if (!file.open(QIODevice::ReadOnly))
        return {0, QString()};
    const QList<QByteArray> parts = file.readAll().trimmed().split(' ');
    if (parts.size() != 2)
        return {0, QString()};
    return {parts.at(0).toLongLong(), QString::fromLatin1(parts.at(1))};
}

Result<std::pair<qint64, QString>> AuditLog::head() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the audit trail")));
    if (!q.next())
        return std::pair<qint64, QString>{0, zeroHash()};
    return std::pair<qint64, QString>{q.value(0).toLongLong(), q.value(1).toString()};
}

Result<QHash<qint64, QString>> AuditLog::recomputedHashes(const QSet<qint64> &ids) const
{
    QHash<qint64, QString> found;
    if (ids.isEmpty())
        return found;
    qint64 highest = 0;
    for (const qint64 id : ids)
        highest = qMax(highest, id);
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM audit_log WHERE id <= ? ORDER BY id").arg(Columns));
    q.addBindValue(highest);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the audit trail")));
    QString previous = zeroHash();
    while (q.next()) {
        const AuditEntry entry = readRow(q);
        previous = chainHash(previous, entry);
        if (ids.contains(entry.id))
            found.insert(entry.id, previous);
    }
    return found;
}

Result<QList<AuditEntry>> AuditLog::list(const AuditFilter &filter) const
{
    // This computer's trail (by number), every computer's (by time), or another computer's as
    // received (by number; two versions of one number, newest first).
    QString sql;
    QVariantList values;
    QString order = QStringLiteral(" ORDER BY id DESC");
    if (filter.computer.isEmpty()) {
        sql = QStringLiteral("SELECT %1 FROM audit_log WHERE 1 = 1").arg(ColumnsHere);
    } else if (filter.computer == AuditFilter::AllComputers) {
        sql = QStringLiteral("SELECT %1 FROM audit_entries WHERE 1 = 1").arg(SharedColumns);
        order = QStringLiteral(" ORDER BY at DESC, device, entry_id DESC");
    } else {
        sql = QStringLiteral("SELECT %1 FROM audit_entries WHERE device = ?").arg(SharedColumns);
        values << filter.computer;
        order = QStringLiteral(" ORDER BY entry_id DESC, at DESC");
    }
    if (filter.since.isValid()) {
        sql += QStringLiteral(" AND at >= ?");
        values << filter.since.toMSecsSinceEpoch();
    }
    if (!filter.user.isEmpty()) {
        sql += QStringLiteral(" AND user_name = ? COLLATE NOCASE");
        values << filter.user;
    }
    if (!filter.action.isEmpty()) {
        sql += QStringLiteral(" AND (action = ? OR action LIKE ? ESCAPE '\\')");
        QString family = filter.action;
        family.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
        values << filter.action << QString(family + QStringLiteral(".%"));
    }
    sql += order;
    if (filter.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(filter.limit);
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the audit trail")));
    QList<AuditEntry> entries;
    while (q.next())
        entries.append(readRow(q));
    return entries;
}

Result<QString> AuditLog::thisComputer() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT device FROM sync_state WHERE id = 1")) || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the audit trail")));
    return q.value(0).toString();
}

Result<QList<AuditComputer>> AuditLog::computers() const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    // Each other computer by the name its latest entry gives (a computer renamed goes by its new name).
    if (!q.exec(QStringLiteral(
            "SELECT s.device, (SELECT count(*) FROM audit_log), NULL FROM sync_state s WHERE s.id = 1 "
            "UNION ALL SELECT r.device, count(*), (SELECT l.device_name FROM audit_remote l WHERE l.device = r.device "
            "ORDER BY l.entry_id DESC, l.at DESC LIMIT 1) FROM audit_remote r GROUP BY r.device")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the audit trail")));
    QList<AuditComputer> out;
    while (q.next()) {
        AuditComputer c;
        c.id = q.value(0).toString();
        c.entries = q.value(1).toLongLong();
        c.here = out.isEmpty();
        c.name = c.here ? m_device : q.value(2).toString();
        out.append(c);
    }
    if (out.size() > 2) {
        std::sort(out.begin() + 1, out.end(), [](const AuditComputer &a, const AuditComputer &b) {
            const int byName = QString::localeAwareCompare(a.name, b.name);
            return byName != 0 ? byName < 0 : a.id < b.id;
        });
    }
    return out;
}

Result<AuditCheck> AuditLog::verifyComputer(const QString &computer) const
{
    const Result<QString> here = thisComputer();
    if (!here)
        return std::unexpected(here.error());
    if (computer.isEmpty() || computer == *here)
        return verify();
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT entry_id, at, user_name, device_name, action, object, summary, hash FROM audit_remote "
                             "WHERE device = ? ORDER BY entry_id, at, hash"));
    q.addBindValue(computer);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the audit trail")));
    AuditCheck check;
    const auto bad = [&check](qint64 id, const QString &reason) {
        check.ok = false;
        check.firstBad = id;
        check.reason = reason;
    };
    // One number at a time, with every version of it that arrived.
    QString previous = zeroHash();
    qint64 previousId = 0;
    bool linked = true; // the previous entry is here, so this one's link can be checked
    bool restored = false; // a backup restored there set a later version of the trail in place
    QList<AuditEntry> versions;
    const auto checkNumber = [&]() {
        if (versions.isEmpty() || !check.ok)
            return;
        const qint64 id = versions.first().id;
        if (id != previousId + 1) {
            if (check.missingFrom == 0)
                check.missingFrom = previousId + 1;
            linked = false;
        }
        QList<AuditEntry> holding;
        for (const AuditEntry &v : std::as_const(versions)) {
            if (!linked || chainHash(previous, v) == v.hash)
                holding.append(v);
        }
        // Several versions whose links cannot be told apart (after a gap): the newest is followed.
        if (!linked && holding.size() > 1)
            holding = {*std::max_element(holding.cbegin(), holding.cend(),
                                         [](const AuditEntry &a, const AuditEntry &b) { return a.time < b.time; })};
        if (holding.isEmpty() && restored) {
            // Beyond the end of the trail written since the restore: set aside by it (the new
            // entries of this number, when they come, follow the restored trail).
            check.replacedByRestore += versions.size();
            previousId = id;
            return;
        }
        if (holding.isEmpty()) {
            bad(id, tr("This entry was changed, or moved, after it was written."));
            return;
        }
        if (holding.size() > 1) {
            // Two entries under one number, both following the one before: the trail was written anew
            // from here. A backup restored there does that, and says so in its first new entry.
            const AuditEntry newest = *std::max_element(holding.cbegin(), holding.cend(),
                                                        [](const AuditEntry &a, const AuditEntry &b) { return a.time < b.time; });
            if (newest.action != QStringLiteral("backup.restore")) {
                bad(id, tr("That computer's trail was written anew from this entry on: two different entries carry its number."));
                return;
            }
            restored = true;
            check.replacedByRestore += holding.size() - 1;
            holding = {newest};
        } else if (holding.size() < versions.size()) {
            // Versions that do not follow: the entries a restore set aside, or changed ones.
            if (!restored) {
                bad(id, tr("This entry was changed, or moved, after it was written."));
                return;
            }
            check.replacedByRestore += versions.size() - holding.size();
        }
        previous = holding.first().hash;
        previousId = id;
        linked = true;
    };
    while (q.next()) {
        AuditEntry entry = readRow(q);
        entry.computer = computer;
        ++check.entries;
        if (!versions.isEmpty() && versions.first().id != entry.id) {
            checkNumber();
            versions.clear();
        }
        versions.append(entry);
    }
    checkNumber();
    if (check.ok && check.missingFrom > 0)
        check.reason = tr("Not all entries have arrived yet: number %1 is still to come from that computer. This is not "
                          "tampering; they arrive with its next changes.")
                           .arg(check.missingFrom);
    return check;
}

Result<AuditCheck> AuditLog::verify() const
{
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM audit_log ORDER BY id").arg(Columns)))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the audit trail")));
    AuditCheck check;
    QString previous = zeroHash();
    qint64 previousId = 0;
    QHash<qint64, QString> hashes;
    const std::pair<qint64, QString> saved = savedHead();
    const auto bad = [&check](qint64 id, const QString &reason) {
        check.ok = false;
        check.firstBad = id;
        check.reason = reason;
    };
    while (q.next()) {
        const AuditEntry entry = readRow(q);
        ++check.entries;
        if (!check.ok)
            continue; // counted, no longer checked: the first bad entry is what matters
        if (entry.id != previousId + 1) {
            bad(entry.id, tr("Entries before this one were removed (number %1 is missing).").arg(previousId + 1));
        } else if (chainHash(previous, entry) != entry.hash) {
            bad(entry.id, tr("This entry was changed, or moved, after it was written."));
        }
        previous = entry.hash;
        previousId = entry.id;
        if (entry.id == saved.first)
            hashes.insert(entry.id, entry.hash);
    }
    if (check.ok && saved.first > previousId) {
        bad(previousId + 1,
            tr("The trail ends early: entries from number %1 to %2 were removed.").arg(previousId + 1).arg(saved.first));
    } else if (check.ok && saved.first > 0 && hashes.value(saved.first) != saved.second) {
        bad(saved.first, tr("The trail was written anew from this entry on: it no longer matches what was recorded."));
    }
    return check;
}

} // namespace kengele
