// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SnapshotService through an in-process relay on loopback (SQLite and PostgreSQL): one computer
// uploads its encrypted snapshot in several parts, the relay compacts the changes it covers, and a
// new empty profile fills itself from it (download progress, then the contacts first); the
// result is the same shared data. A profile that holds data is refused before anything is
// downloaded, and with no snapshot on the relay the answer says so.
#include "RelayHarness.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "sync/DeviceIdentity.h"
#include "sync/OrgKeyRing.h"
#include "sync/RelayClient.h"
#include "sync/SnapshotService.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;
using namespace Qt::StringLiterals;

namespace {

template<typename T, typename Start> std::optional<T> answer(Start start, int timeoutMs = 60000)
{
    std::optional<T> result;
    start([&result](T r) { result = std::move(r); });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < timeoutMs)
        QTest::qWait(5);
    return result;
}

QByteArray dump(TempProfile &p)
{
    auto d = ChangeLog(p->database()).canonicalDump();
    return d ? *d : QByteArray();
}

} // namespace

class TestSnapshotRelay : public QObject
{
    Q_OBJECT

public:
    explicit TestSnapshotRelay(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;
    std::unique_ptr<RelayHarness> m_relay;
    QNetworkAccessManager m_network;

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

    void uploadThenRestore()
    {
        const auto org = m_relay->createOrgWithDevice();
        RelayClient client(m_network);
        client.setBaseUrl(m_relay->baseUrl());
        client.setToken(org.token);
        // Two change batches on the relay (what the snapshot covers, and one after it).
        for (qint64 seq = 1; seq <= 2; ++seq) {
            auto receipt = answer<RelayResult<RelayChangeReceipt>>(
                [&](auto done) { client.postChangeBatch(seq, 1, QByteArray("batch-") + QByteArray::number(seq), done); });
            QVERIFY(receipt && *receipt);
        }

        TempProfile office;
        auto choir = office->groups().create(u"Choir"_s);
        QVERIFY(choir);
        QList<qint64> members;
        for (int i = 0; i < 900; ++i) {
            // Notes that do not compress, so the snapshot needs more than one part.
            QByteArray noise(1500, Qt::Uninitialized);
            for (char &ch : noise)
                ch = char(QRandomGenerator::global()->bounded(256));
            auto c = office->contacts().add(
                {u"Member %1"_s.arg(i), {}, u"0712%1"_s.arg(i, 6, 10, QChar(u'0')), {}, QString::fromLatin1(noise.toBase64())});
            QVERIFY(c);
            members.append(c->id);
        }
        QVERIFY(office->groups().addMembers(choir->id, members));

        const OrgKeyRing keys = OrgKeyRing::createFirst();
        const DeviceIdentity me = DeviceIdentity::generate();
        SnapshotService writer(office->database(), client, keys, me, org.id, org.deviceId);
        auto uploaded = answer<std::expected<SnapshotUploaded, SnapshotRefused>>([&](auto done) {
            writer.upload(1, office.clock().nowMs(), QCborMap{{u"cursor"_s, 1}}, done);
        });
        QVERIFY(uploaded);
        QVERIFY2(*uploaded, qPrintable(*uploaded ? QString() : uploaded->error().message));
        QVERIFY((*uploaded)->parts >= 2);
        QCOMPARE((*uploaded)->counts.contacts, 900);

        // The relay compacted what it covers.
        auto page = answer<RelayResult<RelayChangePage>>([&](auto done) { client.fetchChanges(0, 0, 100, done); });
        QVERIFY(page && !*page);
        QCOMPARE(page->error().code, u"compacted"_s);

        // A profile with data is refused before downloading.
        SnapshotService sameComputer(office->database(), client, keys, me, org.id, org.deviceId);
        const auto lookup = [&](const QString &id) -> std::optional<DeviceRecord> {
            if (id != org.deviceId)
                return std::nullopt;
            return DeviceRecord{id, u"Office"_s, me.publicKeys(), DeviceRecord::State::Approved, 0, 0};
        };
        auto refused = answer<std::expected<SnapshotRestored, SnapshotRefused>>(
            [&](auto done) { sameComputer.restore(lookup, {}, done); });
        QVERIFY(refused && !*refused);
        QCOMPARE(refused->error().reason, SnapshotRefusal::ProfileNotEmpty);

        // A new computer (here with the same relay token: the relay's side of joining is tested elsewhere).
        TempProfile laptop;
        SnapshotService reader(laptop->database(), client, keys, me, org.id, org.deviceId);
        int downloads = 0;
        bool contactsReadyFirst = false;
        bool done = false;
        auto restored = answer<std::expected<SnapshotRestored, SnapshotRefused>>([&](auto finished) {
            reader.restore(
                lookup,
                [&](const SnapshotProgress &p) {
                    if (p.partsFetched > 0 && p.total.rows == 0)
                        ++downloads;
                    if (p.contactsReady && !p.done && !done)
                        contactsReadyFirst = p.loaded.contacts == 900 && p.loaded.memberships == 0;
                    done = done || p.done;
                },
                finished);
        });
        QVERIFY(restored);
        QVERIFY2(*restored, qPrintable(*restored ? QString() : restored->error().message));
        QCOMPARE((*restored)->covers, 1);
        QCOMPARE((*restored)->engineState.value(u"cursor"_s).toInteger(), 1);
        QCOMPARE(downloads, (*uploaded)->parts);
        QVERIFY(contactsReadyFirst);
        QVERIFY(done);
        QCOMPARE(dump(laptop), dump(office));
        QCOMPARE(*laptop->contacts().count(), 900);
    }

    void noSnapshotYet()
    {
        const auto org = m_relay->createOrgWithDevice();
        RelayClient client(m_network);
        client.setBaseUrl(m_relay->baseUrl());
        client.setToken(org.token);
        TempProfile laptop;
        const OrgKeyRing keys = OrgKeyRing::createFirst();
        const DeviceIdentity me = DeviceIdentity::generate();
        SnapshotService reader(laptop->database(), client, keys, me, org.id, org.deviceId);
        auto restored = answer<std::expected<SnapshotRestored, SnapshotRefused>>(
            [&](auto done) { reader.restore([](const QString &) { return std::optional<DeviceRecord>(); }, {}, done); });
        QVERIFY(restored && !*restored);
        QCOMPARE(restored->error().reason, SnapshotRefusal::NoSnapshot);
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestSnapshotRelay>(argc, argv);
}

#include "TestSnapshotRelay.moc"
