// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Campaign.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace kengele {

// What changes when a campaign that has not gone yet is saved again: the confirmation says
// "What changes: the message, who gets it." before the stored campaign is replaced.
class CampaignChanges final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignChanges)

public:
    enum class Change { Name, Message, Recipients, SenderId, Priority, Recurrence, LastDay, Time, Account };

    // `stored` is the campaign as it is in the database, `before` the draft CampaignService::draft()
    // made of it (a repeating one starts from its next time of day), `after` what the form says now.
    // Unchanged things are not listed; the order is the order of the form.
    static QList<Change> between(const Campaign &stored, const CampaignDraft &before, const CampaignDraft &after);

    // For people: "the name", "who gets it", ...
    static QString describe(Change change);
    static QStringList describe(const QList<Change> &changes);

    CampaignChanges() = delete;
};

} // namespace kengele
