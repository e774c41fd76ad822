// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/DispatchService.h"
#include "campaigns/GatewaySetup.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "settings/Settings.h"

#include <QSignalSpy>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

// The desktop's sending thread: it sends what is due and launches the occurrences of repeating
// campaigns by itself, through the built-in simulator.
class TestDispatchService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repeatingCampaignGoesByItself();
    void stopAndStartAgainKeepsWorking();
};

namespace {

qint64 makeYouth(Profile &p, int members)
{
    const qint64 youth = p.groups().create(QStringLiteral("Youth"))->id;
    QList<qint64> ids;
    for (int i = 0; i < members; ++i) {
        ContactInput input;
        input.firstName = QStringLiteral("Member%1").arg(i);
        input.phone = QStringLiteral("0712%1").arg(i, 6, 10, QLatin1Char('0'));
        ids << p.contacts().add(input)->id;
    }
    if (!p.groups().addMembers(youth, ids))
        return 0;
    return youth;
}

Dispatcher::Options testOptions(Profile &p)
{
    Dispatcher::Options options = GatewaySetup::options(p.settings());
    options.respectQuietHours = false;
    return options;
}

} // namespace

void TestDispatchService::repeatingCampaignGoesByItself()
{
    TempProfile profile;
    Profile &p = *profile;
    const qint64 youth = makeYouth(p, 5);
    QVERIFY(youth);
    CampaignDraft d;
    d.name = QStringLiteral("Daily verse");
    d.body = QStringLiteral("Habari {first_name}, the verse of the day: John 3:16");
    d.groupIds = {youth};
    d.gateway = GatewayKind::Simulator;
    d.chargeTokens = false;
    d.recurrence = Recurrence::daily();
    d.repeatUntil = profile.clock().nowUtc().toLocalTime().date().addDays(1);
    const auto parent = p.campaigns().launch(d); // the first one is due now
    QVERIFY2(parent, qPrintable(parent ? QString() : parent.error().message));

    DispatchService dispatch(p.database(), p.tokens(), profile.clock(), GatewaySetup::factory(p.settings(), {}), testOptions(p));
    QSignalSpy launched(&dispatch, &DispatchService::occurrencesLaunched);
    QSignalSpy finished(&dispatch, &DispatchService::campaignsFinished);
    dispatch.start();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QVERIFY(!launched.isEmpty());
    const QList<qint64> first = launched.first().first().value<QList<qint64>>();
    QCOMPARE(first.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(p.campaigns().get(first.first())->status, CampaignStatus::Done, 10000);
    QCOMPARE(p.campaigns().get(first.first())->states.value(MessageState::Queued), 0);

    // A day later (the window wakes the sender when it changes something): the second and last.
    profile.clock().advanceMs(24 * 3600 * 1000);
    launched.clear();
    finished.clear();
    dispatch.wake();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(p.campaigns().get(parent->id)->status, CampaignStatus::Done, 10000);
    const auto all = p.campaigns().list();
    QCOMPARE(all->size(), 3);
    dispatch.stop();
}

void TestDispatchService::stopAndStartAgainKeepsWorking()
{
    TempProfile profile;
    Profile &p = *profile;
    const qint64 youth = makeYouth(p, 3);
    DispatchService dispatch(p.database(), p.tokens(), profile.clock(), GatewaySetup::factory(p.settings(), {}), testOptions(p));
    for (int round = 0; round < 3; ++round) {
        dispatch.start();
        CampaignDraft d;
        d.body = QStringLiteral("Round %1").arg(round);
        d.groupIds = {youth};
        d.gateway = GatewayKind::Simulator;
        d.chargeTokens = false;
        const auto campaign = p.campaigns().launch(d);
        QVERIFY(campaign);
        dispatch.wake();
        QTRY_COMPARE_WITH_TIMEOUT(p.campaigns().get(campaign->id)->status, CampaignStatus::Done, 10000);
        dispatch.stop();
    }
}

QTEST_GUILESS_MAIN(TestDispatchService)
#include "TestDispatchService.moc"
