// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SchemaRollback.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace kengele::test {

bool undoVersionsAfter22(QSqlDatabase db)
{
    QStringList statements;
    // Version 24.
    for (const QString &trigger : {u"insert"_s, u"update"_s, u"forget"_s, u"alias"_s, u"alias_moved"_s})
        statements << u"DROP TRIGGER campaign_links_"_s + trigger;
    for (const QString &table : {u"token_accounts"_s, u"templates"_s, u"campaigns"_s, u"groups"_s, u"contacts"_s})
        statements << u"DROP TRIGGER campaign_links_arrive_"_s + table << u"DROP TRIGGER campaign_links_renamed_"_s + table;
    for (const QString &event : {u"insert"_s, u"update"_s, u"delete"_s})
        statements << u"DROP TRIGGER sync_capture_campaigns_"_s + event;
    statements << u"DROP TABLE campaign_links_pending"_s;
    for (const QString &column : {u"account_uid"_s, u"template_uid"_s, u"parent_uid"_s, u"targets"_s})
        statements << u"ALTER TABLE campaigns DROP COLUMN "_s + column;
    // Version 23.
    for (const QString &trigger : {u"recipient_insert"_s, u"recipient_leave"_s, u"recipient_enter"_s, u"recipient_delete"_s,
                                   u"campaign_insert"_s, u"campaign_update"_s, u"campaign_delete"_s})
        statements << u"DROP TRIGGER message_stats_"_s + trigger;
    QSqlQuery q(db);
    for (const QString &sql : std::as_const(statements)) {
        if (!q.exec(sql)) {
            qWarning("undoing a later schema version: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return false;
        }
    }
    return true;
}

} // namespace kengele::test
