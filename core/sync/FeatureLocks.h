// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "tokens/Plan.h"

#include <QCoreApplication>
#include <optional>

namespace kengele {

class Clock;
class Database;
class Settings;
class TokenLedger;

// Whether the plan in force allows a feature (architecture.md §5, "Plans"). Plans lock features
// only when the relay's operator asked for it for this organisation (GET /v1/plans, lock_features),
// and never while sending through the simulator (practice). The plan in force is the best plan with
// purchased tokens whose validity has not ended; without one, only what every plan has is allowed.
class FeatureLocks final
{
    Q_DECLARE_TR_FUNCTIONS(FeatureLocks)

public:
    struct State {
        bool locking = false; // the operator locks features and the gateway is a real one
        std::optional<PlanTier> inForce; // none: no plan with unexpired purchased tokens
    };

    FeatureLocks(Database &database, const TokenLedger &ledger, const Settings &settings, const Clock &clock);

    State state() const;
    // Allowed, or why not (ErrorCode::Unsupported) naming the plan the feature comes with and
    // where to buy it.
    Status check(PlanFeature feature) const;
    static Status check(PlanFeature feature, const State &state);

    // The relay operator's support line (GET /v1/plans, support_line) as last heard; empty: none
    // given, or no relay. Whether it may be shown is check(PlanFeature::SupportLine).
    QString supportLine() const;

    // The feature as people know it ("Scheduled and repeating campaigns").
    static QString featureName(PlanFeature feature);

private:
    Database &m_database;
    const TokenLedger &m_ledger;
    const Settings &m_settings;
    const Clock &m_clock;
};

} // namespace kengele
