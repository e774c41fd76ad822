// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignStatus.h"

namespace kengele {

QString toText(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Scheduled:
        return QStringLiteral("scheduled");
    case CampaignStatus::Queued:
        return QStringLiteral("queued");
    case CampaignStatus::Sending:
        return QStringLiteral("sending");
    case CampaignStatus::Paused:
        return QStringLiteral("paused");
    case CampaignStatus::Done:
        return QStringLiteral("done");
    case CampaignStatus::Cancelled:
        return QStringLiteral("cancelled");
    case CampaignStatus::Recurring:
        return QStringLiteral("recurring");
    case CampaignStatus::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

std::optional<CampaignStatus> campaignStatusFromText(QStringView text)
{
    for (const CampaignStatus status : AllCampaignStatuses) {
        if (toText(status) == text)
            return status;
    }
    return std::nullopt;
}

bool isUnderway(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Queued:
    case CampaignStatus::Scheduled:
    case CampaignStatus::Sending:
        return true;
    case CampaignStatus::Paused:
    case CampaignStatus::Done:
    case CampaignStatus::Cancelled:
    case CampaignStatus::Recurring:
    case CampaignStatus::Skipped:
        break;
    }
    return false;
}

} // namespace kengele
