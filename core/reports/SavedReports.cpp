// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SavedReports.h"

#include "ReportRunner.h"
#include "common/Clock.h"
#include "security/Access.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

SavedReport fromRow(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(), QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(),
            QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC)};
}

} // namespace

SavedReports::SavedReports(const Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

Result<SavedReport> SavedReports::save(const QString &name, const ReportQuery &query)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    const QString simple = name.simplified();
    if (simple.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Give the report a name."));
    if (simple.size() > MaxNameLength)
        return fail(ErrorCode::InvalidInput, tr("A report's name is at most %1 characters.").arg(MaxNameLength));
    if (Status ok = ReportRunner::validate(query); !ok)
        return std::unexpected(ok.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Saving the report")); !begun)
        return std::unexpected(begun.error());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO saved_reports(name, query, created_at) VALUES (?, ?, ?) "
                             "ON CONFLICT(name) DO UPDATE SET query = excluded.query RETURNING id"));
    q.addBindValue(simple);
    q.addBindValue(QString::fromUtf8(QJsonDocument(query.toJson()).toJson(QJsonDocument::Compact)));
    q.addBindValue(m_clock.nowMs());
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the report")));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (Status done = transaction.commit({QStringLiteral("reports.save"), QStringLiteral("report:%1").arg(id), query.measure});
        !done)
        return std::unexpected(done.error());
    return find(simple);
}

Result<QList<SavedReport>> SavedReports::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT id, name, query, created_at FROM saved_reports ORDER BY name COLLATE NOCASE")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the saved reports")));
    QList<SavedReport> reports;
    while (q.next())
        reports << fromRow(q);
    return reports;
}

Result<SavedReport> SavedReports::find(const QString &name) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT id, name, query, created_at FROM saved_reports WHERE name = ?"));
    q.addBindValue(name.simplified());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the saved reports")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("There is no saved report called “%1”.").arg(name.simplified()));
    return fromRow(q);
}

Status SavedReports::remove(const QString &name)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return allowed;
    const Result<SavedReport> existing = find(name);
    if (!existing)
        return std::unexpected(existing.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Deleting the report")); !begun)
        return begun;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM saved_reports WHERE id = ?"));
    q.addBindValue(existing->id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Deleting the report")));
    return transaction.commit({QStringLiteral("reports.delete"), QStringLiteral("report:%1").arg(existing->id), QString()});
}

} // namespace kengele
