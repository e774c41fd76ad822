// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop's RelayClient sync calls (core/sync/RelayClientSync.cpp) against an in-process relay on
// loopback, on SQLite and PostgreSQL: a newcomer's whole join, change batches with a gap refused,
// devices, key grants, a snapshot that compacts the changes, removing a computer; typed answers
// and typed refusals (waiting for approval, seq_gap with the expected number, compacted, 401).
#include "RelayHarness.h"
#include "TestSupport.h"
#include "sync/RelayClient.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;

namespace {

// Runs one asynchronous RelayClient call to its answer.
template<typename T, typename Start> std::optional<RelayResult<T>> answer(Start start)
{
    std::optional<RelayResult<T>> result;
    start([&result](RelayResult<T> r) { result = std::move(r); });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < 20000)
        QTest::qWait(5);
    return result;
}

} // namespace

class TestRelayClientSync : public QObject
{
    Q_OBJECT

public:
    explicit TestRelayClientSync(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;
    std::unique_ptr<RelayHarness> m_relay;
    QNetworkAccessManager m_network;

    std::unique_ptr<RelayClient> clientFor(const RelayHarness::Org &who)
    {
        auto client = std::make_unique<RelayClient>(m_network);
        client->setBaseUrl(m_relay->baseUrl());
        client->setToken(who.token);
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (m_backend == RelayHarness::Backend::Postgres)
            KENGELE_NEED_POSTGRES();
    }

    void init()
    {
        m_relay = std::make_unique<RelayHarness>(m_backend);
        QString why;
        QVERIFY2(m_relay->open(&why), qPrintable(why));
        QVERIFY(m_relay->start());
    }

    void cleanup() { m_relay.reset(); }

    void aComputerJoinsSyncsAndIsRemoved()
    {
        const auto org = m_relay->createOrgWithDevice();
        const auto newcomer = m_relay->enrolAnother(org, QStringLiteral("Pastor's laptop"));
        auto founder = clientFor(org);
        auto laptop = clientFor(newcomer);

        auto own = answer<RelayDeviceInfo>([&](auto done) { laptop->fetchOwnDevice(done); });
        QVERIFY(own && *own);
        QVERIFY((*own)->pending);
        QCOMPARE((*own)->name, QStringLiteral("Pastor's laptop"));
        QCOMPARE((*own)->org, org.id);
        auto blocked = answer<RelayChangePage>([&](auto done) { laptop->fetchChanges(0, 0, 100, done); });
        QVERIFY(blocked && !*blocked);
        QVERIFY(blocked->error().waitingForApproval);
        QCOMPARE(blocked->error().httpStatus, 403);

        // The join, step by step.
        const QByteArray commitment(32, '\x11'), approverKeys(64, '\x22'), reveal(64, '\x33'), grant(120, '\x44');
        auto state = answer<RelayJoinState>([&](auto done) { laptop->postJoinCommitment(commitment, done); });
        QVERIFY(state && *state);
        QCOMPARE((*state)->state, QStringLiteral("committed"));
        auto early = answer<RelayJoinState>([&](auto done) { laptop->postJoinReveal(reveal, done); });
        QVERIFY(early && !*early);
        QCOMPARE(early->error().code, QStringLiteral("join_order"));
        QCOMPARE(early->error().kind, RelayError::Kind::Refused);

        auto requests = answer<RelayJoinRequests>([&](auto done) { founder->fetchJoinRequests(-1, 0, done); });
        QVERIFY(requests && *requests);
        QCOMPARE((*requests)->requests.size(), 1);
        QCOMPARE((*requests)->requests.at(0).device, newcomer.deviceId);
        QCOMPARE((*requests)->requests.at(0).commitment, commitment);
        QCOMPARE((*requests)->requests.at(0).name, QStringLiteral("Pastor's laptop"));
        const qint64 version = (*state)->version;
        // The newcomer waits for the keys (long poll) while the approver sends them.
        std::optional<RelayResult<RelayJoinState>> waited;
        laptop->fetchJoinState(version, 10, [&](RelayResult<RelayJoinState> r) { waited = std::move(r); });
        QTRY_COMPARE(m_relay->server()->waitingPolls(), 1);
        auto sent = answer<void>([&](auto done) { founder->sendJoinKeys(newcomer.deviceId, approverKeys, done); });
        QVERIFY(sent && *sent);
        QTRY_VERIFY(waited.has_value());
        QVERIFY(*waited);
        QCOMPARE((*waited)->state, QStringLiteral("keys"));
        QCOMPARE((*waited)->keys, approverKeys);
        QCOMPARE((*waited)->approver, org.deviceId);
        QVERIFY((answer<RelayJoinState>([&](auto done) { laptop->postJoinReveal(reveal, done); })).value());
        requests = answer<RelayJoinRequests>([&](auto done) { founder->fetchJoinRequests(-1, 0, done); });
        QCOMPARE((*requests)->requests.at(0).reveal, reveal);
        QVERIFY((answer<void>([&](auto done) { founder->approveJoin(newcomer.deviceId, grant, done); })).value());
        state = answer<RelayJoinState>([&](auto done) { laptop->fetchJoinState(-1, 0, done); });
        QCOMPARE((*state)->state, QStringLiteral("approved"));
        QCOMPARE((*state)->grant, grant);

        // Change batches.
        auto receipt = answer<RelayChangeReceipt>([&](auto done) { founder->postChangeBatch(1, 0, "cipher-one", done); });
        QVERIFY(receipt && *receipt);
        QCOMPARE((*receipt)->seq, 1);
        QCOMPARE((*receipt)->deviceSeq, 1);
        QVERIFY((*receipt)->received.isValid());
        auto gap = answer<RelayChangeReceipt>([&](auto done) { founder->postChangeBatch(3, 0, "cipher-three", done); });
        QVERIFY(gap && !*gap);
        QCOMPARE(gap->error().code, QStringLiteral("seq_gap"));
        QCOMPARE(gap->error().expected, 2);
        QVERIFY((answer<RelayChangeReceipt>([&](auto done) { laptop->postChangeBatch(1, 0, "laptop-one", done); })).value());
        auto page = answer<RelayChangePage>([&](auto done) { laptop->fetchChanges(0, 0, 100, done); });
        QVERIFY(page && *page);
        QCOMPARE((*page)->changes.size(), 2);
        QCOMPARE((*page)->changes.at(0).batch, QByteArray("cipher-one"));
        QCOMPARE((*page)->changes.at(0).device, org.deviceId);
        QCOMPARE((*page)->changes.at(1).device, newcomer.deviceId);
        QCOMPARE((*page)->next, 2);
        QVERIFY(!(*page)->more);

        // Devices and keys.
        auto devices = answer<QList<RelayDeviceInfo>>([&](auto done) { founder->fetchDevices(done); });
        QVERIFY(devices && *devices);
        QCOMPARE((*devices)->size(), 2);
        QVERIFY((*devices)->at(0).isThis);
        QVERIFY((*devices)->at(1).approved);
        auto stored = answer<int>([&](auto done) {
            founder->postKeyGrants(2, {{org.deviceId, "grant-founder"}, {newcomer.deviceId, "grant-laptop"}}, done);
        });
        QVERIFY(stored && *stored);
        QCOMPARE(**stored, 2);
        auto grants = answer<QList<RelayKeyGrant>>([&](auto done) { laptop->fetchKeyGrants(0, done); });
        QVERIFY(grants && *grants);
        QCOMPARE((*grants)->size(), 1);
        QCOMPARE((*grants)->at(0).grant, QByteArray("grant-laptop"));
        QCOMPARE((*grants)->at(0).epoch, 2);
        QCOMPARE((*grants)->at(0).from, org.deviceId);

        // A snapshot covering change 1: the laptop is sent to it.
        auto none = answer<std::optional<RelaySnapshotInfo>>([&](auto done) { laptop->fetchSnapshot(done); });
        QVERIFY(none && *none && !**none);
        const QByteArray part(300 * 1024, '\x5a');
        auto upload = answer<RelaySnapshotInfo>([&](auto done) { founder->putSnapshotPart(1, 1, 1, 2, part, done); });
        QVERIFY(upload && *upload);
        QVERIFY((*upload)->complete);
        auto info = answer<std::optional<RelaySnapshotInfo>>([&](auto done) { laptop->fetchSnapshot(done); });
        QVERIFY(info && *info && **info);
        QCOMPARE((**info)->covers, 1);
        QCOMPARE((**info)->bytes, part.size());
        auto bytes = answer<QByteArray>([&](auto done) { laptop->fetchSnapshotPart((**info)->id, 1, done); });
        QVERIFY(bytes && *bytes);
        QCOMPARE(**bytes, part);
        page = answer<RelayChangePage>([&](auto done) { laptop->fetchChanges(0, 0, 100, done); });
        QVERIFY(page && !*page);
        QCOMPARE(page->error().code, QStringLiteral("compacted"));
        QCOMPARE(page->error().expected, 1);
        page = answer<RelayChangePage>([&](auto done) { laptop->fetchChanges(1, 0, 100, done); });
        QCOMPARE((*page)->changes.size(), 1);

        // Removed: the laptop's next call is refused as no longer enrolled.
        QVERIFY((answer<void>([&](auto done) { founder->removeDevice(newcomer.deviceId, done); })).value());
        page = answer<RelayChangePage>([&](auto done) { laptop->fetchChanges(2, 0, 100, done); });
        QVERIFY(page && !*page);
        QCOMPARE(page->error().kind, RelayError::Kind::Unauthorized);
    }

    void aChangePageOutOfOrderIsNotTrusted()
    {
        const QByteArray good
            = R"({"changes":[{"seq":3,"device":"dev_a","device_seq":1,"epoch":0,"batch":"YWJj","received":"2026-12-04T10:00:00.000Z"}],"next":3,"more":false})";
        QVERIFY(RelayClient::parseChangePage(good, 2));
        QCOMPARE(RelayClient::parseChangePage(good, 2)->changes.at(0).batch, QByteArray("abc"));
        QVERIFY(!RelayClient::parseChangePage(good, 3)); // not after the cursor
        QVERIFY(!RelayClient::parseChangePage(R"({"changes":[{"seq":3,"device":"dev_a","device_seq":1,"epoch":0,"batch":"@@"}]})",
                                              0));
        QVERIFY(!RelayClient::parseChangePage(R"({"changes":[{"seq":3,"device_seq":1,"epoch":0,"batch":"YWJj"}]})", 0));
        QVERIFY(!RelayClient::parseChangePage("[]", 0));
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestRelayClientSync>(argc, argv);
}

#include "TestRelayClientSync.moc"
