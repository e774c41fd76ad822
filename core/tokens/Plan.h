// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace kengele {

// The token plans an organisation can buy (architecture.md §5): how many tokens, for how long, and
// which features come with them. Shared by the relay, which sells them and issues vouchers, and the
// desktop, which credits the vouchers and (when the relay's operator asks for it) locks features.
// Prices are not here: each relay's operator sets them per organisation.
enum class PlanTier { Demo = 0, Starter = 1, Business = 2, Enterprise = 3 };

// What a plan brings. A plan has every feature of the plans below it.
enum class PlanFeature {
    Sending, // send SMS and see delivery reports (every plan)
    Analytics, // charts, the dashboard, reports and token insights (starter and up)
    Scheduling, // scheduled and repeating campaigns (business and up)
    Automation, // sending through kengele-cli (business and up)
    PrioritySending, // urgent messages go out during quiet hours (enterprise)
    SupportLine, // the dedicated support line in Help (enterprise)
};

struct Plan {
    PlanTier tier = PlanTier::Demo;
    qint64 tokens = 0;
    int validityDays = 0;

    QString key() const; // "demo", "starter", "business", "enterprise" (wire and database)
    bool has(PlanFeature feature) const { return tier >= minimumTier(feature); }

    static const QList<Plan> &all(); // in tier order
    static std::optional<Plan> find(const QString &key);
    static Plan of(PlanTier tier);
    static PlanTier minimumTier(PlanFeature feature);
    static QString featureKey(PlanFeature feature); // "sending", "analytics", ... (wire, CLI JSON)
    static QList<PlanFeature> features(); // every feature, in the order above
};

} // namespace kengele
