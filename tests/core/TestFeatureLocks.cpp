// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/FeatureLocks.h"
#include "sync/RelayEvent.h"
#include "sync/RelayLinkStore.h"
#include "tokens/Plan.h"
#include "tokens/TokenLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;

// Plans lock features only when the relay's operator says so for the organisation, never with the
// practice gateway, and then by the best plan with purchased tokens still valid (architecture.md
// §5, "Plans"). A locked feature refuses with what it needs, and nothing is written.
class TestFeatureLocks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nothingIsLockedByDefault();
    void lockedWithoutAPlan();
    void planInForceDecides_data();
    void planInForceDecides();
    void expiredPlanNoLongerCounts();
    void practiceGatewayLocksNothing();
    void refusedLaunchWritesNothing();
    void supportLineComesFromTheOffer();

private:
    void connectRelay(bool lockFeatures, const QString &supportLine = {});
    void buy(const QString &plan, const QString &voucherId);
    CampaignDraft draft() const;
    int campaigns() const;

    std::unique_ptr<test::TempProfile> m_profile;
    qint64 m_group = 0;
};

void TestFeatureLocks::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    m_profile->clock().set(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    Profile &p = **m_profile;
    p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
    const auto group = p.groups().create(QStringLiteral("Choir"));
    QVERIFY(group);
    m_group = group->id;
    const auto amina = p.contacts().add({QStringLiteral("Amina"), QStringLiteral("Otieno"), QStringLiteral("0712345678")});
    QVERIFY(amina);
    QVERIFY(p.groups().addMembers(m_group, {amina->id}));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 50, QStringLiteral("added by hand"), {}));
}

void TestFeatureLocks::cleanup()
{
    m_profile.reset();
}

void TestFeatureLocks::connectRelay(bool lockFeatures, const QString &supportLine)
{
    Profile &p = **m_profile;
    RelayLinkStore links(p.database(), m_profile->clock());
    QVERIFY(links.saveEnrolment(RelayEnrolment{QStringLiteral("dev_1"), QStringLiteral("secret"), QStringLiteral("org_a"),
                                               QStringLiteral("Parish"), QByteArray(32, 'k')}));
    QJsonObject offer{{QStringLiteral("plans"), QJsonArray{}},
                      {QStringLiteral("lock_features"), lockFeatures},
                      {QStringLiteral("mpesa"), QStringLiteral("sandbox")}};
    if (!supportLine.isEmpty())
        offer.insert(QStringLiteral("support_line"), supportLine);
    QVERIFY(links.saveOffer(QJsonDocument(offer).toJson(QJsonDocument::Compact)));
}

void TestFeatureLocks::buy(const QString &planKey, const QString &voucherId)
{
    const std::optional<Plan> plan = Plan::find(planKey);
    QVERIFY(plan);
    const QDateTime expires = m_profile->clock().nowUtc().addDays(plan->validityDays);
    QVERIFY(
        (*m_profile)
            ->tokens()
            .purchase(QStringLiteral("Main"), plan->tokens, voucherId, QStringLiteral("Mary"), LotTerms{plan->key(), expires}));
}

CampaignDraft TestFeatureLocks::draft() const
{
    CampaignDraft d;
    d.name = QStringLiteral("Choir practice");
    d.body = QStringLiteral("Choir practice on Friday at 5");
    d.groupIds = {m_group};
    d.gateway = GatewayKind::AfricasTalking;
    return d;
}

int TestFeatureLocks::campaigns() const
{
    QSqlQuery q((*m_profile)->database().connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM campaigns")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

void TestFeatureLocks::nothingIsLockedByDefault()
{
    Profile &p = **m_profile;
    // No relay at all, then a relay whose operator does not lock: everything works with any tokens.
    for (const bool connected : {false, true}) {
        if (connected)
            connectRelay(false);
        QVERIFY(!p.features().state().locking);
        for (const PlanFeature feature : Plan::features())
            QVERIFY2(p.features().check(feature), qPrintable(FeatureLocks::featureName(feature)));
        CampaignDraft later = draft();
        later.scheduledAt = m_profile->clock().nowUtc().addDays(1);
        later.priority = Priority::Urgent;
        QVERIFY(p.campaigns().checkFeatures(later));
    }
}

void TestFeatureLocks::lockedWithoutAPlan()
{
    Profile &p = **m_profile;
    connectRelay(true);
    const FeatureLocks::State state = p.features().state();
    QVERIFY(state.locking);
    QVERIFY(!state.inForce); // 50 tokens added by hand carry no plan
    QVERIFY(p.features().check(PlanFeature::Sending));
    const Status analytics = p.features().check(PlanFeature::Analytics);
    QVERIFY(!analytics);
    QCOMPARE(analytics.error().code, ErrorCode::Unsupported);
    QVERIFY2(analytics.error().message.contains(QStringLiteral("Charts, reports and insights"))
                 && analytics.error().message.contains(QStringLiteral("Starter")),
             qPrintable(analytics.error().message));
    // Sending now at normal priority needs no plan.
    QVERIFY(p.campaigns().checkFeatures(draft()));
}

void TestFeatureLocks::planInForceDecides_data()
{
    QTest::addColumn<QString>("plan");
    QTest::addColumn<bool>("analytics");
    QTest::addColumn<bool>("scheduling");
    QTest::addColumn<bool>("urgent");
    QTest::newRow("demo") << QStringLiteral("demo") << false << false << false;
    QTest::newRow("starter") << QStringLiteral("starter") << true << false << false;
    QTest::newRow("business") << QStringLiteral("business") << true << true << false;
    QTest::newRow("enterprise") << QStringLiteral("enterprise") << true << true << true;
}

void TestFeatureLocks::planInForceDecides()
{
    QFETCH(QString, plan);
    QFETCH(bool, analytics);
    QFETCH(bool, scheduling);
    QFETCH(bool, urgent);
    Profile &p = **m_profile;
    connectRelay(true);
    buy(QStringLiteral("demo"), QStringLiteral("vch_demo"));
    if (plan != QStringLiteral("demo"))
        buy(plan, QStringLiteral("vch_") + plan);
    QCOMPARE(p.features().state().inForce, Plan::find(plan)->tier);
    QCOMPARE(bool(p.features().check(PlanFeature::Analytics)), analytics);
    QCOMPARE(bool(p.features().check(PlanFeature::Automation)), scheduling);

    CampaignDraft later = draft();
    later.scheduledAt = m_profile->clock().nowUtc().addDays(1);
    Error why;
    const std::optional<PlanFeature> lockedLater = p.campaigns().lockedFeature(later, &why);
    QCOMPARE(!lockedLater, scheduling);
    if (lockedLater) {
        QCOMPARE(*lockedLater, PlanFeature::Scheduling);
        QVERIFY2(why.message.contains(QStringLiteral("Business")), qPrintable(why.message));
    }
    CampaignDraft weekly = draft();
    weekly.scheduledAt = m_profile->clock().nowUtc().addSecs(3600);
    weekly.recurrence = Recurrence::weekly({Qt::Sunday});
    weekly.repeatUntil = QDate(2026, 6, 1);
    QCOMPARE(bool(p.campaigns().checkFeatures(weekly)), scheduling);

    CampaignDraft urgentNow = draft();
    urgentNow.priority = Priority::Urgent;
    const std::optional<PlanFeature> lockedUrgent = p.campaigns().lockedFeature(urgentNow);
    QCOMPARE(!lockedUrgent, urgent);
    if (lockedUrgent)
        QCOMPARE(*lockedUrgent, PlanFeature::PrioritySending);
}

void TestFeatureLocks::expiredPlanNoLongerCounts()
{
    Profile &p = **m_profile;
    connectRelay(true);
    buy(QStringLiteral("business"), QStringLiteral("vch_b"));
    QVERIFY(p.features().check(PlanFeature::Scheduling));
    m_profile->clock().set(m_profile->clock().nowUtc().addDays(29));
    QVERIFY(p.features().check(PlanFeature::Scheduling));
    // The 30 days are over: the tokens left are expired or not, the plan is no longer in force.
    m_profile->clock().set(m_profile->clock().nowUtc().addDays(2));
    QVERIFY(!p.features().state().inForce);
    QVERIFY(!p.features().check(PlanFeature::Scheduling));
}

void TestFeatureLocks::practiceGatewayLocksNothing()
{
    Profile &p = **m_profile;
    connectRelay(true);
    CampaignDraft urgentLater = draft();
    urgentLater.scheduledAt = m_profile->clock().nowUtc().addDays(1);
    urgentLater.priority = Priority::Urgent;
    QVERIFY(!p.campaigns().checkFeatures(urgentLater));
    // A practice campaign (the simulator) may try everything.
    urgentLater.gateway = GatewayKind::Simulator;
    QVERIFY(p.campaigns().checkFeatures(urgentLater));
    // And with the simulator chosen in Settings nothing is locked at all.
    p.settings().setGatewayProvider(GatewayKind::Simulator);
    QVERIFY(!p.features().state().locking);
    QVERIFY(p.features().check(PlanFeature::Automation));
}

void TestFeatureLocks::refusedLaunchWritesNothing()
{
    Profile &p = **m_profile;
    connectRelay(true);
    CampaignDraft later = draft();
    later.scheduledAt = m_profile->clock().nowUtc().addDays(1);
    const qint64 before = *p.tokens().totalBudgetBalance();
    const Result<Campaign> launched = p.campaigns().launch(later, QStringLiteral("Mary"));
    QVERIFY(!launched);
    QCOMPARE(launched.error().code, ErrorCode::Unsupported);
    QCOMPARE(campaigns(), 0);
    QCOMPARE(*p.tokens().totalBudgetBalance(), before);

    // Sent now it goes; then moving it to tomorrow is refused and it stays as it was.
    const Result<Campaign> now = p.campaigns().launch(draft(), QStringLiteral("Mary"));
    QVERIFY2(now, now ? "" : qPrintable(now.error().message));
    QCOMPARE(campaigns(), 1);

    // With the business plan bought, the same scheduled launch goes through.
    buy(QStringLiteral("business"), QStringLiteral("vch_b"));
    const Result<Campaign> scheduled = p.campaigns().launch(later, QStringLiteral("Mary"));
    QVERIFY2(scheduled, scheduled ? "" : qPrintable(scheduled.error().message));
    QCOMPARE(campaigns(), 2);
}

void TestFeatureLocks::supportLineComesFromTheOffer()
{
    Profile &p = **m_profile;
    QVERIFY(p.features().supportLine().isEmpty());
    connectRelay(true, QStringLiteral("  +254 700 000 000,\n Monday to Friday  "));
    QCOMPARE(p.features().supportLine(), QStringLiteral("+254 700 000 000, Monday to Friday"));
    QVERIFY(!p.features().check(PlanFeature::SupportLine));
    buy(QStringLiteral("enterprise"), QStringLiteral("vch_e"));
    QVERIFY(p.features().check(PlanFeature::SupportLine));
}

QTEST_GUILESS_MAIN(TestFeatureLocks)
#include "TestFeatureLocks.moc"
