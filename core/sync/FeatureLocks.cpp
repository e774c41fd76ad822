// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FeatureLocks.h"

#include "PurchaseStore.h"
#include "RelayLinkStore.h"
#include "SyncLog.h"
#include "TokenShop.h"
#include "common/Clock.h"
#include "settings/Settings.h"
#include "tokens/TokenLedger.h"

namespace kengele {

FeatureLocks::FeatureLocks(Database &database, const TokenLedger &ledger, const Settings &settings, const Clock &clock)
    : m_database(database)
    , m_ledger(ledger)
    , m_settings(settings)
    , m_clock(clock)
{ }

FeatureLocks::State FeatureLocks::state() const
{
    State state;
    if (m_settings.gatewayProvider() == GatewayKind::Simulator)
        return state; // practice: nothing is locked
    const Result<RelayLink> link = RelayLinkStore(m_database, m_clock).load();
    if (!link) {
        qCWarning(lcSync) << "feature locks: the relay link cannot be read; nothing locked";
        return state;
    }
    const std::optional<ShopOffer> offer = ShopOffer::fromJson(link->offer);
    state.locking = offer && offer->lockFeatures;
    if (!state.locking)
        return state;
    const Result<QList<TokenLot>> lots = m_ledger.purchasedLotsInForce(m_clock.nowUtc());
    if (!lots) {
        qCWarning(lcSync) << "feature locks: the token lots cannot be read; nothing locked";
        state.locking = false;
        return state;
    }
    for (const TokenLot &lot : *lots) {
        const std::optional<Plan> plan = Plan::find(lot.plan);
        if (plan && (!state.inForce || plan->tier > *state.inForce))
            state.inForce = plan->tier;
    }
    return state;
}

QString FeatureLocks::supportLine() const
{
    const Result<RelayLink> link = RelayLinkStore(m_database, m_clock).load();
    if (!link)
        return {};
    const std::optional<ShopOffer> offer = ShopOffer::fromJson(link->offer);
    return offer ? offer->supportLine : QString();
}

Status FeatureLocks::check(PlanFeature feature) const
{
    return check(feature, state());
}

Status FeatureLocks::check(PlanFeature feature, const State &state)
{
    if (!state.locking)
        return {};
    const PlanTier needs = Plan::minimumTier(feature);
    if (needs == PlanTier::Demo || (state.inForce && *state.inForce >= needs))
        return {};
    const QString plan = PurchaseStore::planName(Plan::of(needs).key());
    return fail(ErrorCode::Unsupported,
                tr("“%1” comes with the %2 plan or a bigger one, and your tokens are not from such a plan. Buy the %2 "
                   "plan to use it.")
                    .arg(featureName(feature), plan));
}

QString FeatureLocks::featureName(PlanFeature feature)
{
    switch (feature) {
    case PlanFeature::Sending:
        return tr("Send SMS and see delivery reports");
    case PlanFeature::Analytics:
        return tr("Charts, reports and insights");
    case PlanFeature::Scheduling:
        return tr("Scheduled and repeating campaigns");
    case PlanFeature::Automation:
        return tr("Sending from scripts with kengele-cli");
    case PlanFeature::PrioritySending:
        return tr("Urgent SMS go out during quiet hours");
    case PlanFeature::SupportLine:
        break;
    }
    return tr("A support line of your own, shown in Help");
}

} // namespace kengele
