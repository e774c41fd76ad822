// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TemplateService.h"

#include "common/Clock.h"
#include "messaging/MessageTemplate.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

constexpr int MaxTemplateName = 80;
constexpr int MaxTemplateBody = 4000;

MessageTemplateRecord recordFromRow(const QSqlQuery &q)
{
    MessageTemplateRecord t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.body = q.value(2).toString();
    t.updated = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    return t;
}

const QString SelectTemplates = QStringLiteral("SELECT id, name, body, updated_at FROM templates ");

} // namespace

TemplateService::TemplateService(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{ }

Status TemplateService::validate(const QString &name, const QString &body) const
{
    if (name.simplified().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Please give the template a name."));
    if (name.simplified().size() > MaxTemplateName)
        return fail(ErrorCode::InvalidInput, tr("A template name can have at most %1 characters.").arg(MaxTemplateName));
    if (body.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, tr("The message is empty. Write the text of the template first."));
    if (body.size() > MaxTemplateBody)
        return fail(ErrorCode::InvalidInput, tr("The message is too long: at most %1 characters.").arg(MaxTemplateBody));
    const MessageTemplate parsed(body);
    if (!parsed.problems().isEmpty()) {
        const auto &problem = parsed.problems().constFirst();
        return fail(ErrorCode::InvalidInput, tr("The template was not saved: %1").arg(problem.message));
    }
    return {};
}

Result<QList<MessageTemplateRecord>> TemplateService::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(SelectTemplates + QStringLiteral("ORDER BY name COLLATE NOCASE")))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading templates")));
    QList<MessageTemplateRecord> result;
    while (q.next())
        result.append(recordFromRow(q));
    return result;
}

Result<MessageTemplateRecord> TemplateService::get(qint64 id) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(SelectTemplates + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading templates")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("This template no longer exists."));
    return recordFromRow(q);
}

Result<MessageTemplateRecord> TemplateService::findByName(const QString &name) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(SelectTemplates + QStringLiteral("WHERE name = ?"));
    q.addBindValue(sqlText(name.simplified()));
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading templates")));
    if (!q.next())
        return fail(ErrorCode::NotFound, tr("There is no template called “%1”.").arg(name.simplified()));
    return recordFromRow(q);
}

Result<MessageTemplateRecord> TemplateService::save(const QString &name, const QString &body)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    if (Status ok = validate(name, body); !ok)
        return std::unexpected(ok.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Saving the template")); !begun)
        return std::unexpected(begun.error());
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO templates(name, body, created_at, updated_at, uid) VALUES (?, ?, ?, ?, kengele_uuid7()) "
                       "ON CONFLICT(name) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at"));
    const qint64 now = m_clock.nowMs();
    q.addBindValue(sqlText(name.simplified()));
    q.addBindValue(sqlText(body));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the template")));
    QSqlQuery saved(db);
    saved.prepare(QStringLiteral("SELECT id FROM templates WHERE name = ?"));
    saved.addBindValue(sqlText(name.simplified()));
    if (!saved.exec() || !saved.next())
        return std::unexpected(Database::storageError(saved.lastError(), tr("Saving the template")));
    if (Status done = transaction.commit(
            {QStringLiteral("templates.save"), QStringLiteral("template:%1").arg(saved.value(0).toLongLong()), QString()});
        !done)
        return std::unexpected(done.error());
    Q_EMIT templatesChanged();
    return findByName(name);
}

Result<MessageTemplateRecord> TemplateService::update(qint64 id, const QString &name, const QString &body)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    if (Status ok = validate(name, body); !ok)
        return std::unexpected(ok.error());
    if (const auto existing = findByName(name); existing && existing->id != id)
        return fail(ErrorCode::Conflict, tr("There is already a template called “%1”.").arg(existing->name));
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Saving the template")); !begun)
        return std::unexpected(begun.error());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE templates SET name = ?, body = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(sqlText(name.simplified()));
    q.addBindValue(sqlText(body));
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the template")));
    if (q.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, tr("This template no longer exists."));
    if (Status done = transaction.commit({QStringLiteral("templates.edit"), QStringLiteral("template:%1").arg(id), QString()});
        !done)
        return std::unexpected(done.error());
    Q_EMIT templatesChanged();
    return get(id);
}

Status TemplateService::remove(qint64 id)
{
    if (Status allowed = Access::check(m_access, Permission::EditContacts); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    AuditedTransaction transaction(m_access, db);
    if (Status begun = transaction.began(tr("Deleting the template")); !begun)
        return begun;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM templates WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Deleting the template")));
    if (q.numRowsAffected() == 0)
        return {};
    if (Status done = transaction.commit({QStringLiteral("templates.delete"), QStringLiteral("template:%1").arg(id), QString()});
        !done)
        return done;
    Q_EMIT templatesChanged();
    return {};
}

} // namespace kengele
