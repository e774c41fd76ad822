// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/Dispatcher.h"
#include "campaigns/OutboxStore.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "gateway/AfricasTalkingGateway.h"
#include "gateway/GatewaySimulator.h"
#include "storage/Database.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include "gateway/HttpClient.h"
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

// The outbox rules of architecture.md §4 under fire: a child process dispatching a few thousand messages to the simulator is
// killed with SIGKILL at random moments, several times, and started again. The simulator must have
// taken no number twice, and every recipient must end sent/delivered, failed or uncertain.
//
// The child is this same executable, started with KENGELE_CRASH_CHILD=<profile folder> and
// KENGELE_CRASH_GATEWAY=<simulator URL>: it opens the profile and dispatches until killed or done.
class TestCrashRecovery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedAgainAndAgainNeverSendsTwice();
};

namespace {

constexpr int Recipients = 3000;

int runChild(const QString &profileDir, const QUrl &gatewayUrl)
{
    test::FixedClock clock(QDateTime(QDate(2026, 3, 2), QTime(10, 0)).toUTC());
    auto profile = Profile::open(profileDir, clock);
    if (!profile)
        return 3;
    OutboxStore store((*profile)->database(), (*profile)->tokens(), clock);
    HttpClient network;
    auto factory = [&](GatewayKind, QString *) -> SmsGateway * {
        AfricasTalkingGateway::Settings settings;
        settings.username = QStringLiteral("crash");
        settings.apiKey = QStringLiteral("crash-key");
        settings.baseUrl = gatewayUrl;
        settings.requestTimeoutMs = 5000;
        return new AfricasTalkingGateway(settings, network);
    };
    Dispatcher::Options options;
    options.ratePerSecond = 0;
    options.respectQuietHours = false;
    options.claimSize = 64;
    Dispatcher dispatcher(store, factory, clock, options);
    QObject::connect(&dispatcher, &Dispatcher::idle, &dispatcher, [] { QCoreApplication::exit(0); });
    QObject::connect(&dispatcher, &Dispatcher::failed, &dispatcher, [] { QCoreApplication::exit(4); });
    dispatcher.start();
    return QCoreApplication::exec();
}

} // namespace

void TestCrashRecovery::killedAgainAndAgainNeverSendsTwice()
{
    QTemporaryDir dir;
    const QString profileDir = dir.filePath(QStringLiteral("profile"));
    test::FixedClock clock(QDateTime(QDate(2026, 3, 2), QTime(10, 0)).toUTC());
    qint64 campaignId = 0;
    {
        auto profile = Profile::open(profileDir, clock);
        QVERIFY(profile);
        Profile &p = **profile;
        QVERIFY(test::fillContacts(p, Recipients));
        const auto group = p.groups().create(QStringLiteral("Everyone"));
        QList<qint64> ids;
        const auto contacts = p.contacts().fetch({}, 0, Recipients);
        for (const Contact &c : *contacts)
            ids << c.id;
        QVERIFY(p.groups().addMembers(group->id, ids));
        QVERIFY(p.tokens().grant(QStringLiteral("Main"), 10 * Recipients, QStringLiteral("test"), {}));
        CampaignDraft draft;
        draft.body = QStringLiteral("Dear {first_name} {last_name}, see you on Sunday.");
        draft.groupIds = {group->id};
        draft.gateway = GatewayKind::AfricasTalking;
        const auto launched = p.campaigns().launch(draft);
        QVERIFY2(launched, qPrintable(launched ? QString() : launched.error().message));
        campaignId = launched->id;
    }

    // The "provider": answers slowly enough that kills land mid-request.
    SimulatorOptions options;
    options.username = QStringLiteral("crash");
    options.apiKey = QStringLiteral("crash-key");
    options.deliveryReports = false;
    options.answerDelayMs = 3;
    options.seed = 7;
    GatewaySimulator simulator(options);
    QVERIFY(simulator.start());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KENGELE_CRASH_CHILD"), profileDir);
    env.insert(QStringLiteral("KENGELE_CRASH_GATEWAY"), simulator.url().toString());
    QRandomGenerator random(2026);
    int kills = 0;
    for (int round = 0; round < 12; ++round) {
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted(10000));
        const bool lastRound = round == 11;
        if (!lastRound) {
            // Let it send for a while (the simulator keeps answering in this process), then kill -9.
            QTest::qWait(150 + random.bounded(450));
            if (child.state() == QProcess::Running) {
                child.kill();
                ++kills;
            }
            QVERIFY(child.waitForFinished(10000));
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 60000);
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
        }
    }
    QVERIFY2(kills >= 3, "the child finished before it could be killed often enough");

    // No number was taken twice by the provider.
    const QStringList twice = simulator.numbersAcceptedMoreThanOnce();
    QVERIFY2(twice.isEmpty(), qPrintable(QStringLiteral("%1 numbers accepted twice").arg(twice.size())));

    // Every recipient ended in exactly one final state; only killed-in-flight ones are uncertain.
    auto profile = Profile::open(profileDir, clock);
    QVERIFY(profile);
    const auto campaign = (*profile)->campaigns().get(campaignId);
    QCOMPARE(campaign->states.value(MessageState::Queued), 0);
    QCOMPARE(campaign->states.value(MessageState::Submitting), 0);
    const int sent = campaign->states.value(MessageState::Sent) + campaign->states.value(MessageState::Delivered);
    const int failed = campaign->states.value(MessageState::Failed);
    const int uncertain = campaign->states.value(MessageState::Uncertain);
    QCOMPARE(sent + failed + uncertain, Recipients);
    QVERIFY(uncertain > 0); // some were caught mid-request
    QVERIFY(sent > Recipients / 2);
    // Those the provider accepted but we never heard back about are exactly among the uncertain.
    int acceptedByProvider = 0;
    for (auto it = simulator.receivedCounts().cbegin(); it != simulator.receivedCounts().cend(); ++it)
        acceptedByProvider += simulator.timesAccepted(it.key());
    QVERIFY(acceptedByProvider >= sent);
    QVERIFY(acceptedByProvider <= sent + uncertain);
    const auto tokens = (*profile)->tokens().campaignTokens(campaignId);
    QCOMPARE(tokens->reserved, tokens->spent + tokens->released + tokens->held);
    QVERIFY(LedgerVerifier((*profile)->database()).verify()->isEmpty());
    qInfo("%d kills: %d sent, %d failed, %d uncertain; the provider accepted %d", kills, sent, failed, uncertain,
          acceptedByProvider);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString child = qEnvironmentVariable("KENGELE_CRASH_CHILD");
    if (!child.isEmpty())
        return runChild(child, QUrl(qEnvironmentVariable("KENGELE_CRASH_GATEWAY")));
    TestCrashRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestCrashRecovery.moc"
