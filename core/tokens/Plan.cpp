// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Plan.h"

namespace kengele {

QString Plan::key() const
{
    switch (tier) {
    case PlanTier::Demo:
        return QStringLiteral("demo");
    case PlanTier::Starter:
        return QStringLiteral("starter");
    case PlanTier::Business:
        return QStringLiteral("business");
    case PlanTier::Enterprise:
        break;
    }
    return QStringLiteral("enterprise");
}

const QList<Plan> &Plan::all()
{
    static const QList<Plan> plans{
        {PlanTier::Demo, 100, 7},
        {PlanTier::Starter, 1'000, 30},
        {PlanTier::Business, 5'000, 30},
        {PlanTier::Enterprise, 20'000, 30},
    };
    return plans;
}

std::optional<Plan> Plan::find(const QString &key)
{
    for (const Plan &plan : all()) {
        if (plan.key() == key)
            return plan;
    }
    return std::nullopt;
}

Plan Plan::of(PlanTier tier)
{
    return all().at(static_cast<int>(tier));
}

PlanTier Plan::minimumTier(PlanFeature feature)
{
    switch (feature) {
    case PlanFeature::Sending:
        return PlanTier::Demo;
    case PlanFeature::Analytics:
        return PlanTier::Starter;
    case PlanFeature::Scheduling:
    case PlanFeature::Automation:
        return PlanTier::Business;
    case PlanFeature::PrioritySending:
    case PlanFeature::SupportLine:
        break;
    }
    return PlanTier::Enterprise;
}

QString Plan::featureKey(PlanFeature feature)
{
    switch (feature) {
    case PlanFeature::Sending:
        return QStringLiteral("sending");
    case PlanFeature::Analytics:
        return QStringLiteral("analytics");
    case PlanFeature::Scheduling:
        return QStringLiteral("scheduling");
    case PlanFeature::Automation:
        return QStringLiteral("automation");
    case PlanFeature::PrioritySending:
        return QStringLiteral("priority_sending");
    case PlanFeature::SupportLine:
        break;
    }
    return QStringLiteral("support_line");
}

QList<PlanFeature> Plan::features()
{
    return {PlanFeature::Sending,    PlanFeature::Analytics,       PlanFeature::Scheduling,
            PlanFeature::Automation, PlanFeature::PrioritySending, PlanFeature::SupportLine};
}

} // namespace kengele
