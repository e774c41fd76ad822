// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sync/BatchCipher.h"
#include "sync/DeviceIdentity.h"
#include "sync/OrgKeyRing.h"

#include <QElapsedTimer>
#include <QTest>

#include <sodium.h>

using namespace kengele;
using namespace Qt::StringLiterals;

// Sealing and opening change batches (BatchCipher): XChaCha20-Poly1305 + Ed25519 sign/verify + the
// padding. Run directly: build/tests/bench/BenchBatchCipher (add -median 5 for steadier figures).
// throughput() prints MB/s and the time per batch for 64 KiB and 1 KiB batches.
class BenchBatchCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void seal64KiB();
    void open64KiB();
    void sealAndOpen1KiB();
    void throughput();

private:
    SealedBatch seal(const QByteArray &plain, quint64 seq) const { return *m_cipher->seal(*m_me, u"dev_bench"_s, seq, plain); }
    bool open(const SealedBatch &batch) const
    {
        return m_cipher->open(batch.label, batch.blob, m_lookup, {batch.label.seq - 1, 0}).has_value();
    }

    QString m_org = u"org_bench"_s;
    OrgKeyRing m_ring;
    std::optional<DeviceIdentity> m_me;
    BatchCipher::DeviceLookup m_lookup;
    std::unique_ptr<BatchCipher> m_cipher;
    QByteArray m_64k;
    QByteArray m_1k;
};

void BenchBatchCipher::initTestCase()
{
    m_ring = OrgKeyRing::createFirst();
    m_me.emplace(DeviceIdentity::generate());
    m_cipher = std::make_unique<BatchCipher>(m_org, m_ring);
    const DeviceRecord record{u"dev_bench"_s, u"Bench"_s, m_me->publicKeys(), DeviceRecord::State::Approved, 0, 0};
    m_lookup = [record](const QString &) {
        return std::optional<DeviceRecord>(record);
    };
    m_64k = QByteArray(64 * 1024, Qt::Uninitialized);
    randombytes_buf(m_64k.data(), size_t(m_64k.size()));
    m_1k = m_64k.left(1024);
}

void BenchBatchCipher::seal64KiB()
{
    quint64 seq = 1;
    QBENCHMARK
    {
        const SealedBatch batch = seal(m_64k, seq++);
        QVERIFY(!batch.blob.isEmpty());
    }
}

void BenchBatchCipher::open64KiB()
{
    const SealedBatch batch = seal(m_64k, 1);
    QBENCHMARK
    {
        QVERIFY(open(batch));
    }
}

void BenchBatchCipher::sealAndOpen1KiB()
{
    quint64 seq = 1;
    QBENCHMARK
    {
        QVERIFY(open(seal(m_1k, seq++)));
    }
}

void BenchBatchCipher::throughput()
{
    for (const QByteArray *plain : {&m_64k, &m_1k}) {
        const int rounds = plain->size() >= 65536 ? 2000 : 10000;
        QList<SealedBatch> sealed;
        sealed.reserve(rounds);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < rounds; ++i)
            sealed.append(seal(*plain, quint64(i) + 1));
        const qint64 sealNs = timer.nsecsElapsed();
        timer.restart();
        for (const SealedBatch &batch : std::as_const(sealed))
            QVERIFY(open(batch));
        const qint64 openNs = timer.nsecsElapsed();
        const double mb = double(plain->size()) * rounds / 1e6;
        qInfo().noquote() << QStringLiteral("%1 B batches x %2: seal %3 MB/s (%4 us/batch), open %5 MB/s (%6 us/batch), "
                                            "seal+open %7 us/batch; %8 bytes on the wire")
                                 .arg(plain->size())
                                 .arg(rounds)
                                 .arg(mb / (double(sealNs) / 1e9), 0, 'f', 1)
                                 .arg(double(sealNs) / rounds / 1e3, 0, 'f', 1)
                                 .arg(mb / (double(openNs) / 1e9), 0, 'f', 1)
                                 .arg(double(openNs) / rounds / 1e3, 0, 'f', 1)
                                 .arg(double(sealNs + openNs) / rounds / 1e3, 0, 'f', 1)
                                 .arg(sealed.first().blob.size());
    }
}

QTEST_GUILESS_MAIN(BenchBatchCipher)
#include "BenchBatchCipher.moc"
