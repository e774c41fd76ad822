// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The relay keeps no congregation data in plain text (issue 16; docs/relay.md, "What the relay sees
// of a church through sync"). Distinctive values — a contact's name, a phone number, a template's
// text, a pastoral note — are put inside change batches and a snapshot encrypted with libsodium's
// XChaCha20-Poly1305 under a random key made here (the desktop's real cipher is the crypto's; the
// relay cannot tell the difference), pushed through the relay, and then looked for in the
// relay's SQLite file and its write-ahead log, in a pg_dump of its PostgreSQL database and in its
// log: none may be found. Two controls show the search can fail: the device's name (plain
// metadata the relay keeps) and one value posted in a batch unencrypted are both found.
#include "RelayHarness.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QtTest>

#include <sodium.h>

using namespace kengele;
using namespace kengele::test;

namespace {

const QList<QByteArray> Planted = {
    QByteArrayLiteral("Wanjiru Nyambura-Kamau"), // a contact
    QByteArrayLiteral("+254722987654"), // a phone number
    QByteArrayLiteral("0722987654"), // the same, as typed
    QByteArrayLiteral("Karibu kwa ibada ya Jumapili saa nne asubuhi"), // a template
    QByteArrayLiteral("Pray for Mzee Otieno before his operation on Thursday"), // a note
    QByteArrayLiteral("Youth Choir Mombasa Road"), // a group
};
const QByteArray DeviceNameControl = QByteArrayLiteral("Secretary desk Q7X");
const QByteArray PlainBatchControl = QByteArrayLiteral("CONTROL-UNENCRYPTED-4242");

QMutex logMutex;
QByteArray capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog += message.toUtf8() + '\n';
    }
    Q_UNUSED(type);
    Q_UNUSED(context);
}

QByteArray encrypt(const QByteArray &plain, const unsigned char *key)
{
    QByteArray out(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
                                               reinterpret_cast<const unsigned char *>(plain.constData()), quint64(plain.size()),
                                               nullptr, 0, nullptr, nonce, key);
    out.resize(qsizetype(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + written));
    return out;
}

QString pgDump()
{
    const QStringList found = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QString best;
    int bestVersion = -1;
    for (const QString &version : found) {
        const QString candidate = QStringLiteral("/usr/lib/postgresql/%1/bin/pg_dump").arg(version);
        if (QFile::exists(candidate) && version.toInt() > bestVersion) {
            best = candidate;
            bestVersion = version.toInt();
        }
    }
    return best.isEmpty() ? QStringLiteral("pg_dump") : best;
}

} // namespace

class TestRelaySyncPlaintext : public QObject
{
    Q_OBJECT

public:
    explicit TestRelaySyncPlaintext(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;

    // Everything the relay wrote down: its database as the engine keeps it, and its log.
    QByteArray everythingStored(RelayHarness &relay)
    {
        QByteArray all;
        if (m_backend == RelayHarness::Backend::Sqlite) {
            const QString path = relay.databaseLocation().mid(QStringLiteral("sqlite:").size());
            for (const QString &file : QStringList{path, path + QStringLiteral("-wal")}) {
                QFile f(file);
                if (f.open(QIODevice::ReadOnly))
                    all += f.readAll();
            }
            if (all.isEmpty())
                qWarning() << "nothing read from" << path;
        } else {
            QProcess dump;
            dump.start(pgDump(), {QStringLiteral("--no-owner"), QStringLiteral("--dbname=") + relay.databaseLocation()});
            if (!dump.waitForFinished(60000) || dump.exitCode() != 0)
                qWarning() << "pg_dump failed:" << dump.readAllStandardError();
            all += dump.readAllStandardOutput();
        }
        QMutexLocker lock(&logMutex);
        all += capturedLog;
        return all;
    }
    // Found as the bytes, or as PostgreSQL's hex for a bytea column.
    static bool holds(const QByteArray &stored, const QByteArray &value)
    {
        return stored.contains(value) || stored.contains(value.toHex());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (m_backend == RelayHarness::Backend::Postgres)
            KENGELE_NEED_POSTGRES();
        QVERIFY(sodium_init() >= 0);
        QLoggingCategory::setFilterRules(QStringLiteral("kengele.relay.access=true\nkengele.relay.info=true"));
        previousHandler = qInstallMessageHandler(captureLog);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QStringLiteral("kengele.relay.access=false\nkengele.*.debug=false"));
    }

    void noPlantedValueReachesTheRelayInPlainText()
    {
        RelayHarness relay(m_backend);
        QString why;
        QVERIFY2(relay.open(&why), qPrintable(why));
        QVERIFY(relay.start());
        const auto founder = relay.createOrgWithDevice();
        const auto second = relay.enrolAnother(founder, QString::fromUtf8(DeviceNameControl));
        QVERIFY(!founder.token.isEmpty() && !second.token.isEmpty());
        unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
        crypto_aead_xchacha20poly1305_ietf_keygen(key);
        auto post = [&](const QString &path, const QJsonObject &body, const RelayHarness::Org &who) {
            return relay.post(relay.url(path), QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                              who.token.toLatin1());
        };
        auto b64 = [](const QByteArray &bytes) {
            return QString::fromLatin1(bytes.toBase64());
        };

        // The join: made-up public keys and a grant sealed with the same key.
        QCOMPARE(post(QStringLiteral("/v1/join"), {{QStringLiteral("commitment"), b64(encrypt("commit", key))}}, second).status,
                 200);
        QCOMPARE(post(QStringLiteral("/v1/join-requests/%1/keys").arg(second.deviceId),
                      {{QStringLiteral("keys"), b64(encrypt("founder public key", key))}}, founder)
                     .status,
                 200);
        QCOMPARE(
            post(QStringLiteral("/v1/join/reveal"), {{QStringLiteral("reveal"), b64(encrypt("laptop public key", key))}}, second)
                .status,
            200);
        QCOMPARE(post(QStringLiteral("/v1/join-requests/%1/approve").arg(second.deviceId),
                      {{QStringLiteral("grant"), b64(encrypt("the organisation key", key))}}, founder)
                     .status,
                 200);

        // Each value in its own batch, and all of them together, from both computers.
        qint64 founderSeq = 0;
        for (const QByteArray &value : Planted) {
            const QByteArray op = QJsonDocument(QJsonObject{{QStringLiteral("entity"), QStringLiteral("contact")},
                                                            {QStringLiteral("value"), QString::fromUtf8(value)}})
                                      .toJson(QJsonDocument::Compact);
            QCOMPARE(post(QStringLiteral("/v1/changes"),
                          {{QStringLiteral("seq"), ++founderSeq},
                           {QStringLiteral("epoch"), 1},
                           {QStringLiteral("batch"), b64(encrypt(op, key))}},
                          founder)
                         .status,
                     200);
        }
        QCOMPARE(post(QStringLiteral("/v1/changes"),
                      {{QStringLiteral("seq"), 1},
                       {QStringLiteral("epoch"), 1},
                       {QStringLiteral("batch"), b64(encrypt(Planted.join('\n'), key))}},
                      second)
                     .status,
                 200);
        // A snapshot of it all, and a key grant.
        QCOMPARE(relay
                     .send("PUT", relay.url(QStringLiteral("/v1/snapshot?part=1&parts=1&covers=2&epoch=1")),
                           encrypt(Planted.join('\t'), key), founder.token.toLatin1(), "application/octet-stream")
                     .status,
                 200);
        QCOMPARE(post(QStringLiteral("/v1/keys"),
                      {{QStringLiteral("epoch"), 2},
                       {QStringLiteral("grants"),
                        QJsonArray{QJsonObject{{QStringLiteral("device"), second.deviceId},
                                               {QStringLiteral("grant"), b64(encrypt("epoch 2 key", key))}}}}},
                      founder)
                     .status,
                 200);
        // The control: one value sent without encryption.
        QCOMPARE(post(QStringLiteral("/v1/changes"),
                      {{QStringLiteral("seq"), ++founderSeq},
                       {QStringLiteral("epoch"), 1},
                       {QStringLiteral("batch"), b64(PlainBatchControl)}},
                      founder)
                     .status,
                 200);
        // The desktops read it all back (the answers pass through the log's reach too).
        QCOMPARE(relay.get(relay.url(QStringLiteral("/v1/changes?after=0")), second.token.toLatin1()).status, 410);
        QCOMPARE(relay.get(relay.url(QStringLiteral("/v1/changes?after=2")), second.token.toLatin1()).status, 200);

        const QByteArray stored = everythingStored(relay);
        QVERIFY(stored.size() > 4096);
        for (const QByteArray &value : Planted)
            QVERIFY2(!holds(stored, value), value.constData());
        // The search can fail: plain metadata and an unencrypted batch are found.
        QVERIFY2(holds(stored, DeviceNameControl), "the device name should be found");
        QVERIFY2(holds(stored, PlainBatchControl), "the unencrypted batch should be found");
        QVERIFY(!capturedLog.contains(PlainBatchControl)); // batches never reach the log
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestRelaySyncPlaintext>(argc, argv);
}

#include "TestRelaySyncPlaintext.moc"
