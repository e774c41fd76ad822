// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace kengele {

// Which computer sends a campaign (architecture.md "Several computers: campaigns"). A campaign is
// sent only by the computer that launched it (campaigns.origin, its replica id): the others see it
// and its states, and may not queue, resend, retry, pause, resume, change or cancel it.
class CampaignOrigin final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignOrigin)

public:
    // The SQL condition "campaign c is this computer's" (for queries over campaigns aliased c).
    static constexpr const char *OwnSql = "c.origin = (SELECT device FROM sync_state WHERE id = 1)";

    // Refuses (Conflict, in words a secretary understands) when another computer sends the campaign;
    // NotFound when there is no such campaign.
    static Status checkSentHere(const QSqlDatabase &db, qint64 campaignId);
    // Whether this computer sends it (false for an unknown campaign).
    static bool isSentHere(const QSqlDatabase &db, qint64 campaignId);
    // Names the campaign's budget, template, repeating campaign and targets by their uids, for the
    // other computers (ReplicaSchema::campaignLinksUpdate), after its row and targets are written,
    // in the same transaction. Nothing for another computer's campaign.
    static Status publishLinks(const QSqlDatabase &db, qint64 campaignId);
    // The same for every campaign of the demo congregation's year (DemoHistory writes them all).
    static Status publishDemoLinks(const QSqlDatabase &db);
};

} // namespace kengele
