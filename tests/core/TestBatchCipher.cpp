// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sync/BatchCipher.h"
#include "sync/DeviceIdentity.h"
#include "sync/OrgKeyRing.h"

#include <QHash>
#include <QRandomGenerator>
#include <QtTest>

#include <sodium.h>

using namespace kengele;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(kengele::BatchRefusal)

// Sealing and opening the organisation's change batches (BatchCipher): the round trip, the padding,
// and every reason a batch is refused — forged, relabelled by the relay, replayed, from a computer
// that is unknown, not approved or removed, with a key not held, cut short, too large, garbage.
class TestBatchCipher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTrip_data();
    void roundTrip();
    void sizesArePaddedToBuckets();
    void sealingUsesTheCurrentEpoch();
    void oneCipherFollowsItsRing();
    void relabelledBatchesAreRefused_data();
    void relabelledBatchesAreRefused();
    void changedBytesAreRefused_data();
    void changedBytesAreRefused();
    void aBatchSignedByAnotherComputerIsForged();
    void replayedSequencesAreRefused();
    void anOlderEpochThanTheDeviceAlreadyUsedIsRefused();
    void unknownAndUnapprovedComputersAreRefused();
    void aRemovedComputersLaterBatchesAreRefused();
    void anotherOrganisationWithTheSameKeyCannotOpen();
    void truncatedInputIsRefused_data();
    void truncatedInputIsRefused();
    void oversizedInputIsRefused();
    void garbageIsRefused();
    void everyReasonHasItsOwnCodeAndWords();
    void refusalsNeverQuoteThePlaintext();

private:
    BatchCipher::DeviceLookup lookup() const
    {
        return [this](const QString &id) -> std::optional<DeviceRecord> {
            if (!m_devices.contains(id))
                return std::nullopt;
            return m_devices.value(id);
        };
    }
    std::expected<QByteArray, BatchRefused> open(const SealedBatch &batch, DeviceProgress progress = {}) const
    {
        return BatchCipher(m_org, m_ring).open(batch.label, batch.blob, lookup(), progress);
    }
    SealedBatch seal(const QByteArray &plain, quint64 seq = 1) const
    {
        Result<SealedBatch> sealed = BatchCipher(m_org, m_ring).seal(*m_alice, u"dev_alice"_s, seq, plain);
        if (!sealed)
            qFatal("seal failed");
        return *sealed;
    }
    void addDevice(const QString &id, const DeviceIdentity &identity, DeviceRecord::State state)
    {
        m_devices.insert(id, DeviceRecord{id, id, identity.publicKeys(), state, 0, 0});
    }

    QString m_org = u"org_stmark"_s;
    OrgKeyRing m_ring;
    std::optional<DeviceIdentity> m_alice;
    std::optional<DeviceIdentity> m_bob;
    QHash<QString, DeviceRecord> m_devices;
};

// What a batch of changes might hold: names and numbers that must never be seen outside.
static const QByteArray Secretive = QByteArrayLiteral("contact Mama Wanjiku +254712345678 prays for her son");

void TestBatchCipher::init()
{
    m_ring = OrgKeyRing::createFirst();
    m_alice.emplace(DeviceIdentity::generate());
    m_bob.emplace(DeviceIdentity::generate());
    m_devices.clear();
    addDevice(u"dev_alice"_s, *m_alice, DeviceRecord::State::Approved);
    addDevice(u"dev_bob"_s, *m_bob, DeviceRecord::State::Approved);
}

void TestBatchCipher::roundTrip_data()
{
    QTest::addColumn<int>("size");
    for (int size : {0, 1, 200, 255, 256, 1000, 4096, 65536, 300000, int(BatchCipher::MaxPlainBytes)})
        QTest::addRow("%d bytes", size) << size;
}

void TestBatchCipher::roundTrip()
{
    QFETCH(int, size);
    QByteArray plain(size, Qt::Uninitialized);
    randombytes_buf(plain.data(), size_t(plain.size()));
    const SealedBatch batch = seal(plain, 7);
    QCOMPARE(batch.label.org, m_org);
    QCOMPARE(batch.label.device, u"dev_alice"_s);
    QCOMPARE(batch.label.seq, quint64(7));
    QCOMPARE(batch.label.epoch, quint32(1));
    QVERIFY(batch.blob.size() <= BatchCipher::MaxBlobBytes);
    QVERIFY(!batch.blob.contains(Secretive));

    const auto opened = open(batch, DeviceProgress{6, 1});
    QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().message));
    QCOMPARE(*opened, plain);
}

void TestBatchCipher::sizesArePaddedToBuckets()
{
    // Small batches all look alike; larger ones show little more than their order of magnitude.
    QCOMPARE(seal(QByteArray(1, 'x')).blob.size(), seal(QByteArray(200, 'x')).blob.size());
    QCOMPARE(seal(QByteArray(10, 'x')).blob.size(), BatchCipher::Overhead + BatchCipher::MinPaddedBytes);
    QCOMPARE(seal(QByteArray(65000, 'x')).blob.size(), seal(QByteArray(65500, 'x')).blob.size());
    for (qsizetype n : {257, 1000, 5000, 65536, 100000, 1000000}) {
        const qsizetype padded = BatchCipher::paddedSize(n);
        QVERIFY2(padded > n, qPrintable(QString::number(n)));
        QVERIFY2(padded <= n + n / 16 + 1, qPrintable(QString::number(n))); // Padmé: at most 6.25 % more
    }
    QCOMPARE(seal(QByteArray(65536, 'x')).blob.size(), BatchCipher::Overhead + BatchCipher::paddedSize(65536));
}

void TestBatchCipher::sealingUsesTheCurrentEpoch()
{
    QCOMPARE(m_ring.rotate(), quint32(2));
    const SealedBatch batch = seal("after the rotation");
    QCOMPARE(batch.label.epoch, quint32(2));
    QVERIFY(open(batch).has_value());
}

void TestBatchCipher::oneCipherFollowsItsRing()
{
    // A cipher kept for long remembers sub-keys; a rotation, or another ring put in the same place,
    // must still be used.
    const BatchCipher cipher(m_org, m_ring);
    const SealedBatch first = *cipher.seal(*m_alice, u"dev_alice"_s, 1, Secretive);
    QVERIFY(cipher.open(first.label, first.blob, lookup(), {}).has_value());
    m_ring.rotate();
    const SealedBatch second = *cipher.seal(*m_alice, u"dev_alice"_s, 2, Secretive);
    QCOMPARE(second.label.epoch, quint32(2));
    QVERIFY(cipher.open(second.label, second.blob, lookup(), {}).has_value());

    m_ring = OrgKeyRing::createFirst(); // another organisation key, epoch 1 again
    QCOMPARE(cipher.open(first.label, first.blob, lookup(), {}).error().reason, BatchRefusal::DecryptionFailed);
    const SealedBatch third = *cipher.seal(*m_alice, u"dev_alice"_s, 3, Secretive);
    QCOMPARE(*BatchCipher(m_org, m_ring).open(third.label, third.blob, lookup(), {}), Secretive);
}

void TestBatchCipher::relabelledBatchesAreRefused_data()
{
    QTest::addColumn<QString>("org");
    QTest::addColumn<QString>("device");
    QTest::addColumn<quint64>("seq");
    QTest::addColumn<quint32>("epoch");
    QTest::addColumn<BatchRefusal>("reason");
    // The batch is sealed as org_stmark / dev_alice / 5 / epoch 1, with epoch 2 also held.
    QTest::addRow("another sequence") << u"org_stmark"_s << u"dev_alice"_s << quint64(6) << quint32(1)
                                      << BatchRefusal::DecryptionFailed;
    QTest::addRow("another computer") << u"org_stmark"_s << u"dev_bob"_s << quint64(5) << quint32(1)
                                      << BatchRefusal::DecryptionFailed;
    QTest::addRow("another epoch held") << u"org_stmark"_s << u"dev_alice"_s << quint64(5) << quint32(2)
                                        << BatchRefusal::DecryptionFailed;
    QTest::addRow("an epoch not held") << u"org_stmark"_s << u"dev_alice"_s << quint64(5) << quint32(9)
                                       << BatchRefusal::UnknownEpoch;
    QTest::addRow("another organisation") << u"org_other"_s << u"dev_alice"_s << quint64(5) << quint32(1)
                                          << BatchRefusal::WrongOrganisation;
    QTest::addRow("an unknown computer") << u"org_stmark"_s << u"dev_nobody"_s << quint64(5) << quint32(1)
                                         << BatchRefusal::UnknownDevice;
}

void TestBatchCipher::relabelledBatchesAreRefused()
{
    QFETCH(QString, org);
    QFETCH(QString, device);
    QFETCH(quint64, seq);
    QFETCH(quint32, epoch);
    QFETCH(BatchRefusal, reason);
    SealedBatch batch = seal(Secretive, 5);
    QVERIFY(open(batch).has_value()); // the untouched batch opens
    m_ring.rotate();
    QVERIFY(open(batch).has_value()); // old epochs stay readable

    batch.label = BatchLabel{org, device, seq, epoch, 0};
    const auto opened = open(batch);
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, reason);
}

void TestBatchCipher::changedBytesAreRefused_data()
{
    QTest::addColumn<int>("offset"); // from the start; negative from the end
    QTest::addColumn<BatchRefusal>("reason");
    QTest::addRow("version") << 0 << BatchRefusal::Malformed;
    QTest::addRow("nonce") << 3 << BatchRefusal::DecryptionFailed;
    QTest::addRow("ciphertext") << 40 << BatchRefusal::DecryptionFailed;
    QTest::addRow("tag") << -(64 + 3) << BatchRefusal::DecryptionFailed;
    QTest::addRow("signature") << -10 << BatchRefusal::BadSignature;
}

void TestBatchCipher::changedBytesAreRefused()
{
    QFETCH(int, offset);
    QFETCH(BatchRefusal, reason);
    SealedBatch batch = seal(Secretive);
    const qsizetype at = offset >= 0 ? offset : batch.blob.size() + offset;
    batch.blob[at] = char(batch.blob[at] ^ 0x01);
    const auto opened = open(batch);
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, reason);
}

void TestBatchCipher::aBatchSignedByAnotherComputerIsForged()
{
    // Bob holds the shared key too: he can make a batch that decrypts as Alice's, but he cannot sign
    // it as Alice.
    Result<SealedBatch> forged = BatchCipher(m_org, m_ring).seal(*m_bob, u"dev_alice"_s, 3, "pay Bob");
    QVERIFY(forged.has_value());
    const auto opened = open(*forged);
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, BatchRefusal::BadSignature);

    // Alice's record with Bob's signing key (a device table the relay fooled) accepts Bob's batch:
    // the check really is the signature.
    m_devices[u"dev_alice"_s].keys.sign = m_bob->publicKeys().sign;
    QVERIFY(open(*forged).has_value());
}

void TestBatchCipher::replayedSequencesAreRefused()
{
    const SealedBatch batch = seal(Secretive, 10);
    QVERIFY(open(batch, {9, 0}).has_value());
    for (quint64 last : {quint64(10), quint64(11), quint64(1000)}) {
        const auto opened = open(batch, {last, 0});
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().reason, BatchRefusal::Replayed);
    }
}

void TestBatchCipher::anOlderEpochThanTheDeviceAlreadyUsedIsRefused()
{
    m_ring.rotate();
    const SealedBatch current = seal(Secretive, 5); // epoch 2
    QVERIFY(open(current, {4, 1}).has_value());
    // Once Alice wrote with epoch 2, a later batch of hers with epoch 1 is not hers to write.
    Result<SealedBatch> resealed = [&] {
        OrgKeyRing onlyOld = m_ring.onlyEpoch(1);
        return BatchCipher(m_org, onlyOld).seal(*m_alice, u"dev_alice"_s, 6, Secretive);
    }();
    QVERIFY(resealed.has_value());
    QCOMPARE(resealed->label.epoch, quint32(1));
    const auto opened = open(*resealed, {5, 2});
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, BatchRefusal::StaleEpoch);
    // Before anything of epoch 2 from her was applied, epoch 1 is still fine (she was offline).
    QVERIFY(open(*resealed, {5, 1}).has_value());
}

void TestBatchCipher::unknownAndUnapprovedComputersAreRefused()
{
    const SealedBatch batch = seal(Secretive);
    m_devices[u"dev_alice"_s].state = DeviceRecord::State::Pending;
    auto opened = open(batch);
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, BatchRefusal::DeviceNotApproved);

    m_devices.remove(u"dev_alice"_s);
    opened = open(batch);
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, BatchRefusal::UnknownDevice);

    opened = BatchCipher(m_org, m_ring).open(batch.label, batch.blob, {}, {});
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, BatchRefusal::UnknownDevice);
}

void TestBatchCipher::aRemovedComputersLaterBatchesAreRefused()
{
    SealedBatch before = seal(Secretive, 1);
    before.label.cursor = 50;
    SealedBatch after = seal(Secretive, 2);
    after.label.cursor = 150;
    m_ring.rotate();
    SealedBatch newEpoch = seal(Secretive, 3); // as if it had the new key
    newEpoch.label.cursor = 40;

    DeviceRecord &alice = m_devices[u"dev_alice"_s];
    alice.state = DeviceRecord::State::Removed;
    alice.removedAtEpoch = 2;
    alice.removedAtCursor = 100;

    QVERIFY(open(before).has_value()); // delivered before its removal, with a key it was given
    for (const SealedBatch &batch : {after, newEpoch}) {
        const auto opened = open(batch);
        QVERIFY(!opened.has_value());
        QCOMPARE(opened.error().reason, BatchRefusal::DeviceRemoved);
    }
    // Where the relay did not say when it came, a removed computer's batch is refused.
    before.label.cursor = 0;
    QCOMPARE(open(before).error().reason, BatchRefusal::DeviceRemoved);
    alice.removedAtCursor = 0;
    before.label.cursor = 50;
    QCOMPARE(open(before).error().reason, BatchRefusal::DeviceRemoved);
}

void TestBatchCipher::anotherOrganisationWithTheSameKeyCannotOpen()
{
    const SealedBatch batch = seal(Secretive);
    const OrgKeyRing copy = m_ring.clone();
    SealedBatch moved = batch;
    moved.label.org = u"org_other"_s;
    const auto opened = BatchCipher(u"org_other"_s, copy).open(moved.label, moved.blob, lookup(), {});
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, BatchRefusal::DecryptionFailed);

    // And a ring that is not the organisation's cannot open it at all.
    const OrgKeyRing stranger = OrgKeyRing::createFirst();
    const auto strangers = BatchCipher(m_org, stranger).open(batch.label, batch.blob, lookup(), {});
    QVERIFY(!strangers.has_value());
    QCOMPARE(strangers.error().reason, BatchRefusal::DecryptionFailed);
}

void TestBatchCipher::truncatedInputIsRefused_data()
{
    QTest::addColumn<int>("keep"); // bytes kept; negative: bytes cut from the end
    QTest::addRow("empty") << 0;
    QTest::addRow("version only") << 1;
    QTest::addRow("header") << 25;
    QTest::addRow("short of the smallest") << int(BatchCipher::Overhead + BatchCipher::MinPaddedBytes - 1);
    QTest::addRow("last byte cut") << -1;
    QTest::addRow("signature cut") << -64;
    QTest::addRow("signature and tag cut") << -80;
}

void TestBatchCipher::truncatedInputIsRefused()
{
    QFETCH(int, keep);
    SealedBatch batch = seal(QByteArray(1000, 'a'));
    batch.blob = keep >= 0 ? batch.blob.left(keep) : batch.blob.chopped(-keep);
    const auto opened = open(batch);
    QVERIFY(!opened.has_value());
    if (keep >= 0)
        QCOMPARE(opened.error().reason, BatchRefusal::Malformed);
    else
        QCOMPARE(opened.error().reason, BatchRefusal::DecryptionFailed);
}

void TestBatchCipher::oversizedInputIsRefused()
{
    const Result<SealedBatch> tooMuch
        = BatchCipher(m_org, m_ring).seal(*m_alice, u"dev_alice"_s, 1, QByteArray(BatchCipher::MaxPlainBytes + 1, 'x'));
    QVERIFY(!tooMuch.has_value());
    QCOMPARE(tooMuch.error().code, ErrorCode::InvalidInput);

    SealedBatch batch = seal(Secretive);
    batch.blob = QByteArray(BatchCipher::MaxBlobBytes + 1, '\x01');
    const auto opened = open(batch);
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, BatchRefusal::TooLarge);
}

void TestBatchCipher::garbageIsRefused()
{
    QRandomGenerator random(16);
    const SealedBatch batch = seal(Secretive);
    // 300 refusals: each is logged; keep them out of the test's output.
    const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    const auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });
    for (int i = 0; i < 300; ++i) {
        QByteArray garbage(random.bounded(0, 3000), Qt::Uninitialized);
        for (char &c : garbage)
            c = char(random.bounded(256));
        if (!garbage.isEmpty() && i % 2 == 0)
            garbage[0] = char(BatchCipher::Version);
        const auto opened = BatchCipher(m_org, m_ring).open(batch.label, garbage, lookup(), {});
        QVERIFY(!opened.has_value());
        QVERIFY(opened.error().reason == BatchRefusal::Malformed || opened.error().reason == BatchRefusal::DecryptionFailed);
    }
}

void TestBatchCipher::everyReasonHasItsOwnCodeAndWords()
{
    QSet<QByteArray> codes;
    QSet<QString> words;
    for (int r = int(BatchRefusal::Malformed); r <= int(BatchRefusal::BadSignature); ++r) {
        codes.insert(BatchCipher::code(BatchRefusal(r)));
        words.insert(BatchCipher::describe(BatchRefusal(r)));
    }
    QCOMPARE(codes.size(), int(BatchRefusal::BadSignature) + 1);
    QCOMPARE(words.size(), int(BatchRefusal::BadSignature) + 1);
    QVERIFY(!codes.contains("unknown"));
    QVERIFY(!words.contains(QString()));
}

static QStringList s_messages;

void TestBatchCipher::refusalsNeverQuoteThePlaintext()
{
    s_messages.clear();
    const QtMessageHandler previous
        = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &text) { s_messages << text; });
    SealedBatch batch = seal(Secretive, 3);
    const auto replayed = open(batch, {3, 0});
    batch.label.seq = 4;
    const auto relabelled = open(batch);
    batch.blob[batch.blob.size() - 1] = char(batch.blob.back() ^ 1);
    batch.label.seq = 3;
    const auto forged = open(batch);
    qInstallMessageHandler(previous);

    QVERIFY(!replayed && !relabelled && !forged);
    QCOMPARE(s_messages.size(), 3); // each refusal is logged once
    QVERIFY(s_messages.join(u'\n').contains(u"replayed"_s));
    QVERIFY(s_messages.join(u'\n').contains(u"bad-signature"_s));
    // The log names the computer (for whoever reads it); the message on screen says why in words.
    for (const QString &text : std::as_const(s_messages))
        QVERIFY(text.contains(u"dev_alice"_s));
    for (const auto &refused : {replayed.error(), relabelled.error(), forged.error()}) {
        QVERIFY(!refused.message.contains(u"dev_alice"_s));
        s_messages << refused.message;
    }
    for (const QString &text : std::as_const(s_messages))
        QVERIFY2(!text.contains(u"Wanjiku"_s) && !text.contains(u"254712345678"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestBatchCipher)
#include "TestBatchCipher.moc"
