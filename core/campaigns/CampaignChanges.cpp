// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignChanges.h"

#include <algorithm>

namespace kengele {

namespace {

// Minutes are what a person chooses; seconds do not make a change.
qint64 minutes(const QDateTime &time)
{
    return time.isValid() ? time.toSecsSinceEpoch() / 60 : -1;
}

int minuteOfDay(const QDateTime &time)
{
    return time.toLocalTime().time().msecsSinceStartOfDay() / 60000;
}

template<typename T> QList<T> sorted(QList<T> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

QList<CampaignChanges::Change> CampaignChanges::between(const Campaign &stored, const CampaignDraft &before,
                                                        const CampaignDraft &after)
{
    QList<Change> changes;
    // An emptied name keeps the old one (the service names a campaign without one).
    if (after.name.simplified() != before.name.simplified() && !after.name.isEmpty())
        changes << Change::Name;
    if (after.body != before.body)
        changes << Change::Message;
    if (after.allContacts != before.allContacts || sorted(after.groupIds) != sorted(before.groupIds)
        || sorted(after.contactIds) != sorted(before.contactIds))
        changes << Change::Recipients;
    if (after.senderId != before.senderId)
        changes << Change::SenderId;
    if (after.priority != before.priority)
        changes << Change::Priority;
    if (after.recurrence != before.recurrence)
        changes << Change::Recurrence;
    else if (after.recurrence.isRepeating() && after.repeatUntil != before.repeatUntil)
        changes << Change::LastDay;
    // A repeating campaign keeps going at a time of day: only that time counts, not the day the
    // draft starts from.
    const bool timeChanged = after.recurrence.isRepeating() && stored.isRepeating()
        ? minuteOfDay(after.scheduledAt) != minuteOfDay(stored.scheduledAt)
        : minutes(after.scheduledAt) != minutes(before.scheduledAt);
    if (timeChanged)
        changes << Change::Time;
    if (after.accountName != before.accountName)
        changes << Change::Account;
    return changes;
}

QString CampaignChanges::describe(Change change)
{
    switch (change) {
    case Change::Name:
        return tr("the name");
    case Change::Message:
        return tr("the message");
    case Change::Recipients:
        return tr("who gets it");
    case Change::SenderId:
        return tr("the sender ID");
    case Change::Priority:
        return tr("the priority");
    case Change::Recurrence:
        return tr("how it repeats");
    case Change::LastDay:
        return tr("the last day");
    case Change::Time:
        return tr("the time");
    case Change::Account:
        break;
    }
    return tr("the budget that pays");
}

QStringList CampaignChanges::describe(const QList<Change> &changes)
{
    QStringList out;
    out.reserve(changes.size());
    for (const Change change : changes)
        out << describe(change);
    return out;
}

} // namespace kengele
