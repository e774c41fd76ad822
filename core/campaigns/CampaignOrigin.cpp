// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignOrigin.h"

#include "storage/Database.h"
#include "sync/ReplicaSchema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

struct Origin {
    bool found = false;
    bool here = false;
    QString name;
};

Result<Origin> originOf(const QSqlDatabase &db, qint64 campaignId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT c.name, %1 FROM campaigns c WHERE c.id = ?").arg(QLatin1StringView(CampaignOrigin::OwnSql)));
    q.addBindValue(campaignId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), CampaignOrigin::tr("Reading the campaign")));
    Origin o;
    if (q.next()) {
        o.found = true;
        o.name = q.value(0).toString();
        o.here = q.value(1).toInt() != 0;
    }
    return o;
}

} // namespace

Status CampaignOrigin::checkSentHere(const QSqlDatabase &db, qint64 campaignId)
{
    const Result<Origin> o = originOf(db, campaignId);
    if (!o)
        return std::unexpected(o.error());
    if (!o->found)
        return fail(ErrorCode::NotFound, tr("There is no campaign number %1.").arg(campaignId));
    if (!o->here)
        return fail(ErrorCode::Conflict,
                    tr("“%1” is sent by another computer of the church. Change, pause, resend or "
                       "cancel it on that computer.")
                        .arg(o->name));
    return {};
}

bool CampaignOrigin::isSentHere(const QSqlDatabase &db, qint64 campaignId)
{
    const Result<Origin> o = originOf(db, campaignId);
    return o && o->here;
}

namespace {

Status runLinksUpdate(QSqlQuery &q)
{
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), CampaignOrigin::tr("Saving the campaign")));
    return {};
}

} // namespace

Status CampaignOrigin::publishLinks(const QSqlDatabase &db, qint64 campaignId)
{
    QSqlQuery q(db);
    q.prepare(ReplicaSchema::campaignLinksUpdate(QStringLiteral("id = ?")));
    q.addBindValue(campaignId);
    return runLinksUpdate(q);
}

Status CampaignOrigin::publishDemoLinks(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(ReplicaSchema::campaignLinksUpdate(QStringLiteral("demo = 1")));
    return runLinksUpdate(q);
}

} // namespace kengele
