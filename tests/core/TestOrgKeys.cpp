// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "security/ScopedSecretStore.h"
#include "security/SecretBytes.h"
#include "settings/Settings.h"
#include "sync/BatchCipher.h"
#include "sync/DeviceIdentity.h"
#include "sync/JoinApprover.h"
#include "sync/JoinNewcomer.h"
#include "sync/KeyGrant.h"
#include "sync/OrgKeyRing.h"

#include <QDirIterator>
#include <QHash>
#include <QLoggingCategory>
#include <QSettings>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// The organisation's keys on one computer: this computer's key pairs and the key ring by epoch in
// the keychain (DeviceIdentity, OrgKeyRing, SecretBytes); a rotation granted to the computers that
// remain (KeyGrant::forRotation), which a removed computer cannot use; and no secret ever in a log
// line, the settings or the database.
class TestOrgKeys final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretBytesAreWipedCopiesAndNeverPrinted();
    void publicKeysTravelAsBase64();
    void theDeviceKeysAreMadeOnceAndKeptInTheKeychain();
    void aDamagedOrFailingKeychainIsAnError();
    void theRingKeepsEveryEpochAndWritesWithTheNewest();
    void subKeysDifferByEpochAndPurpose();
    void aRingSurvivesTheKeychainAndRefusesDamage();
    void anEpochHeldWithAnotherKeyIsAConflict();
    void aRotationReachesTheComputersThatRemainOnly();
    void aRemovedComputerCannotOpenTheNewEpoch();
    void aRotationGrantFromAComputerNotApprovedOrForgedIsRefused();
    void noSecretInLogsSettingsOrDatabase();
};

namespace {

DeviceRecord record(const QString &id, const DeviceIdentity &identity, DeviceRecord::State state = DeviceRecord::State::Approved)
{
    return DeviceRecord{id, id, identity.publicKeys(), state, 0, 0};
}

KeyGrant::DeviceLookup lookupIn(const QList<DeviceRecord> &roster)
{
    return [roster](const QString &id) -> std::optional<DeviceRecord> {
        for (const DeviceRecord &device : roster)
            if (device.id == id)
                return device;
        return std::nullopt;
    };
}

} // namespace

void TestOrgKeys::secretBytesAreWipedCopiesAndNeverPrinted()
{
    const SecretBytes key = SecretBytes::random(32);
    QCOMPARE(key.size(), 32);
    const SecretBytes copy = key.clone();
    QVERIFY(copy.equals(key));
    QVERIFY(copy.data() != key.data());
    QVERIFY(!SecretBytes::random(32).equals(key));
    QVERIFY(!SecretBytes::random(31).equals(key));

    QByteArray raw = key.view().toByteArray();
    const SecretBytes taken = SecretBytes::takeFrom(raw);
    QVERIFY(taken.equals(key));
    QVERIFY(raw.isEmpty());

    const SecretBytes fromText = SecretBytes::fromBase64(key.toBase64());
    QVERIFY(fromText.equals(key));
    QVERIFY(SecretBytes::fromBase64(u"not base64 !!"_s).isEmpty());

    SecretBytes moved = SecretBytes::random(16);
    SecretBytes target = std::move(moved);
    QCOMPARE(target.size(), 16);
    QCOMPARE(moved.size(), 0); // NOLINT(bugprone-use-after-move): what a move leaves is defined

    QString printed;
    QDebug(&printed) << key;
    QCOMPARE(printed.trimmed(), u"SecretBytes(32 bytes)"_s);

    QByteArray plain("secret");
    wipe(plain);
    QCOMPARE(plain, QByteArray(6, '\0'));
}

void TestOrgKeys::publicKeysTravelAsBase64()
{
    const DeviceIdentity device = DeviceIdentity::generate();
    const DevicePublicKeys &keys = device.publicKeys();
    QCOMPARE(keys.boxBase64().size(), 44);
    QCOMPARE(DevicePublicKeys::fromBase64(keys.boxBase64(), keys.signBase64()), std::optional(keys));
    QVERIFY(!DevicePublicKeys::fromBase64(keys.boxBase64(), u"AAAA"_s).has_value());
    QVERIFY(!DevicePublicKeys::fromBase64(u"not base64!"_s, keys.signBase64()).has_value());
}

void TestOrgKeys::theDeviceKeysAreMadeOnceAndKeptInTheKeychain()
{
    test::FakeSecretStore keychain;
    ScopedSecretStore secrets(keychain, u"profile-1"_s);
    const Result<DeviceIdentity> first = DeviceIdentity::loadOrCreate(secrets);
    QVERIFY(first.has_value());
    QVERIFY(first->publicKeys().isValid());
    QCOMPARE(keychain.values.keys(), QStringList{u"profile-1/sync/device-keys"_s});
    QCOMPARE(QByteArray::fromBase64(keychain.values.begin().value().toLatin1()).size(), 65);

    const Result<DeviceIdentity> again = DeviceIdentity::loadOrCreate(secrets);
    QVERIFY(again.has_value());
    QCOMPARE(again->publicKeys(), first->publicKeys());
    // The same secret key: what one signs, the other's public key verifies, and a key sealed to one
    // opens with the other.
    QCOMPARE(again->sign("x"), first->sign("x"));
    OrgKeyRing ring = OrgKeyRing::createFirst();
    const Result<QByteArray> grant = KeyGrant::make(
        *first, KeyGrant::Address{KeyGrantKind::Rotation, u"org_a"_s, u"dev_a"_s, u"dev_b"_s, again->publicKeys(), {}}, ring, {});
    QVERIFY(grant.has_value());
    QVERIFY(
        KeyGrant::open(*grant, *again,
                       KeyGrant::Expect{KeyGrantKind::Rotation, u"org_a"_s, u"dev_b"_s, u"dev_a"_s, first->publicKeys().sign, {}})
            .has_value());

    // Another profile on the same computer has its own keys.
    ScopedSecretStore other(keychain, u"profile-2"_s);
    const Result<DeviceIdentity> second = DeviceIdentity::loadOrCreate(other);
    QVERIFY(second.has_value());
    QVERIFY(second->publicKeys().box != first->publicKeys().box);
    QVERIFY(second->publicKeys().sign != first->publicKeys().sign);

    // Nothing stored yet: load says so without making keys.
    test::FakeSecretStore empty;
    const Result<std::optional<DeviceIdentity>> none = DeviceIdentity::load(empty);
    QVERIFY(none.has_value());
    QVERIFY(!none->has_value());
    QVERIFY(empty.values.isEmpty());
}

void TestOrgKeys::aDamagedOrFailingKeychainIsAnError()
{
    test::FakeSecretStore keychain;
    keychain.failNext = true;
    QVERIFY(!DeviceIdentity::loadOrCreate(keychain).has_value());

    keychain.refuseWrite = [](const QString &) {
        return true;
    };
    const Result<DeviceIdentity> unsaved = DeviceIdentity::loadOrCreate(keychain);
    QVERIFY(!unsaved.has_value());
    QCOMPARE(unsaved.error().code, ErrorCode::Keychain);
    keychain.refuseWrite = {};

    keychain.values.insert(QString::fromLatin1(DeviceIdentity::SecretName), u"AAAA"_s);
    const Result<DeviceIdentity> damaged = DeviceIdentity::loadOrCreate(keychain);
    QVERIFY(!damaged.has_value());
    QCOMPARE(damaged.error().code, ErrorCode::Keychain);
    QCOMPARE(keychain.values.value(QString::fromLatin1(DeviceIdentity::SecretName)), u"AAAA"_s); // not overwritten

    keychain.values.insert(QString::fromLatin1(OrgKeyRing::SecretName), u"AAAA"_s);
    QVERIFY(!OrgKeyRing::load(keychain).has_value());
}

void TestOrgKeys::theRingKeepsEveryEpochAndWritesWithTheNewest()
{
    OrgKeyRing ring;
    QVERIFY(ring.isEmpty());
    QCOMPARE(ring.currentEpoch(), quint32(0));
    ring = OrgKeyRing::createFirst();
    QCOMPARE(ring.currentEpoch(), quint32(1));
    QCOMPARE(ring.rotate(), quint32(2));
    QCOMPARE(ring.rotate(), quint32(3));
    QCOMPARE(ring.epochs(), (QList<quint32>{1, 2, 3}));
    QVERIFY(ring.hasEpoch(1));
    QVERIFY(!ring.hasEpoch(4));

    const OrgKeyRing one = ring.onlyEpoch(2);
    QCOMPARE(one.epochs(), QList<quint32>{2});
    QVERIFY(one.subKey(2, OrgKeyRing::Purpose::Batch).equals(ring.subKey(2, OrgKeyRing::Purpose::Batch)));
    QVERIFY(ring.onlyEpoch(9).isEmpty());
    QVERIFY(ring.subKey(9, OrgKeyRing::Purpose::Batch).isEmpty());
}

void TestOrgKeys::subKeysDifferByEpochAndPurpose()
{
    OrgKeyRing ring = OrgKeyRing::createFirst();
    ring.rotate();
    const SecretBytes batch1 = ring.subKey(1, OrgKeyRing::Purpose::Batch);
    const SecretBytes batch2 = ring.subKey(2, OrgKeyRing::Purpose::Batch);
    const SecretBytes snapshot1 = ring.subKey(1, OrgKeyRing::Purpose::Snapshot);
    QCOMPARE(batch1.size(), 32);
    QVERIFY(!batch1.equals(batch2));
    QVERIFY(!batch1.equals(snapshot1));
    QVERIFY(batch1.equals(ring.subKey(1, OrgKeyRing::Purpose::Batch))); // the same every time
    // A sub-key is not the key itself.
    const SecretBytes serialized = ring.serialize();
    QVERIFY(!serialized.view().toByteArray().contains(batch1.view().toByteArray()));
}

void TestOrgKeys::aRingSurvivesTheKeychainAndRefusesDamage()
{
    test::FakeSecretStore keychain;
    const Result<std::optional<OrgKeyRing>> none = OrgKeyRing::load(keychain);
    QVERIFY(none.has_value() && !none->has_value());

    OrgKeyRing ring = OrgKeyRing::createFirst();
    ring.rotate();
    QVERIFY(ring.save(keychain).has_value());
    QCOMPARE(keychain.values.keys(), QStringList{QString::fromLatin1(OrgKeyRing::SecretName)});
    Result<std::optional<OrgKeyRing>> loaded = OrgKeyRing::load(keychain);
    QVERIFY(loaded.has_value() && loaded->has_value());
    QCOMPARE((*loaded)->epochs(), (QList<quint32>{1, 2}));
    QVERIFY((*loaded)->subKey(1, OrgKeyRing::Purpose::Batch).equals(ring.subKey(1, OrgKeyRing::Purpose::Batch)));
    QVERIFY((*loaded)->subKey(2, OrgKeyRing::Purpose::Batch).equals(ring.subKey(2, OrgKeyRing::Purpose::Batch)));

    const QByteArray bytes = ring.serialize().view().toByteArray();
    QVERIFY(OrgKeyRing::deserialize(bytes).has_value());
    QVERIFY(!OrgKeyRing::deserialize({}).has_value());
    QVERIFY(!OrgKeyRing::deserialize(bytes.chopped(1)).has_value());
    QVERIFY(!OrgKeyRing::deserialize(QByteArray(bytes + 'x')).has_value());
    QByteArray wrongVersion = bytes;
    wrongVersion[0] = 9;
    QVERIFY(!OrgKeyRing::deserialize(wrongVersion).has_value());
    QByteArray epochZero = bytes;
    epochZero[5] = epochZero[6] = epochZero[7] = epochZero[8] = 0;
    QVERIFY(!OrgKeyRing::deserialize(epochZero).has_value());
    QByteArray twice = bytes;
    twice.replace(5 + 36, 4, QByteArray("\0\0\0\1", 4)); // epoch 2 renamed 1: the same epoch twice
    QVERIFY(!OrgKeyRing::deserialize(twice).has_value());
    QByteArray backwards = bytes; // epochs 2 then 1 (found by FuzzOrgCrypto): one ring, one form
    backwards.replace(5, 4, QByteArray("\0\0\0\2", 4));
    backwards.replace(5 + 36, 4, QByteArray("\0\0\0\1", 4));
    QVERIFY(!OrgKeyRing::deserialize(backwards).has_value());
    QVERIFY(!OrgKeyRing().save(keychain).has_value());
}

void TestOrgKeys::anEpochHeldWithAnotherKeyIsAConflict()
{
    OrgKeyRing mine = OrgKeyRing::createFirst();
    OrgKeyRing copy = mine.clone();
    QVERIFY(copy.merge(mine).has_value()); // the same keys again: nothing changes
    QCOMPARE(copy.epochs(), QList<quint32>{1});
    // Two computers rotated at the same time, each with its own epoch 2.
    mine.rotate();
    copy.rotate();
    const Status merged = copy.merge(mine);
    QVERIFY(!merged.has_value());
    QCOMPARE(merged.error().code, ErrorCode::Conflict);
    QVERIFY(!copy.addEpoch(0, SecretBytes::random(32)).has_value());
    QVERIFY(!copy.addEpoch(5, SecretBytes::random(16)).has_value());
    QVERIFY(copy.addEpoch(5, SecretBytes::random(32)).has_value());
    QCOMPARE(copy.currentEpoch(), quint32(5));
}

void TestOrgKeys::aRotationReachesTheComputersThatRemainOnly()
{
    const DeviceIdentity office = DeviceIdentity::generate();
    const DeviceIdentity laptop = DeviceIdentity::generate();
    const DeviceIdentity old = DeviceIdentity::generate();
    const DeviceIdentity pending = DeviceIdentity::generate();
    OrgKeyRing officeRing = OrgKeyRing::createFirst();
    OrgKeyRing laptopRing = officeRing.clone();

    // The office removes the old computer: a new epoch, granted to the laptop only.
    const quint32 epoch = officeRing.rotate();
    DeviceRecord removed = record(u"dev_old"_s, old, DeviceRecord::State::Removed);
    removed.removedAtEpoch = epoch;
    removed.removedAtCursor = 420;
    const QList<DeviceRecord> roster{record(u"dev_office"_s, office), record(u"dev_laptop"_s, laptop), removed,
                                     record(u"dev_pending"_s, pending, DeviceRecord::State::Pending)};
    const Result<QList<AddressedGrant>> grants
        = KeyGrant::forRotation(office, u"org_a"_s, u"dev_office"_s, officeRing, epoch, roster);
    QVERIFY(grants.has_value());
    QCOMPARE(grants->size(), 1);
    QCOMPARE(grants->first().recipient, u"dev_laptop"_s);

    const Result<KeyGrantContents> received
        = KeyGrant::openRotation(grants->first().blob, laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn(roster));
    QVERIFY2(received.has_value(), received ? "" : qPrintable(received.error().message));
    QCOMPARE(received->ring.epochs(), QList<quint32>{2}); // only the new epoch travels
    QCOMPARE(received->roster, roster); // with the removal in it
    QVERIFY(laptopRing.merge(received->ring).has_value());
    QCOMPARE(laptopRing.epochs(), (QList<quint32>{1, 2}));

    // The laptop now writes with epoch 2, and the office reads it.
    const Result<SealedBatch> batch = BatchCipher(u"org_a"_s, laptopRing).seal(laptop, u"dev_laptop"_s, 1, "after");
    QCOMPARE(batch->label.epoch, quint32(2));
    QCOMPARE(*BatchCipher(u"org_a"_s, officeRing).open(batch->label, batch->blob, lookupIn(roster), {}), QByteArray("after"));
}

void TestOrgKeys::aRemovedComputerCannotOpenTheNewEpoch()
{
    const DeviceIdentity office = DeviceIdentity::generate();
    const DeviceIdentity old = DeviceIdentity::generate();
    OrgKeyRing officeRing = OrgKeyRing::createFirst();
    const OrgKeyRing oldRing = officeRing.clone(); // what the removed computer keeps: epoch 1
    const QList<DeviceRecord> before{record(u"dev_office"_s, office), record(u"dev_old"_s, old)};

    const Result<SealedBatch> earlier = BatchCipher(u"org_a"_s, officeRing).seal(office, u"dev_office"_s, 1, "before");
    const quint32 epoch = officeRing.rotate();
    const Result<SealedBatch> later = BatchCipher(u"org_a"_s, officeRing).seal(office, u"dev_office"_s, 2, "after");
    QCOMPARE(later->label.epoch, epoch);

    // It keeps what it already had...
    QCOMPARE(*BatchCipher(u"org_a"_s, oldRing).open(earlier->label, earlier->blob, lookupIn(before), {}), QByteArray("before"));
    // ...but not what comes after.
    const auto opened = BatchCipher(u"org_a"_s, oldRing).open(later->label, later->blob, lookupIn(before), {1, 1});
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error().reason, BatchRefusal::UnknownEpoch);

    // Nor can it use the new epoch's grant: grants go to the computers that remain, and a grant
    // sealed to another computer does not open, whichever id it claims.
    const DeviceIdentity laptop = DeviceIdentity::generate();
    const QList<DeviceRecord> after{record(u"dev_office"_s, office), record(u"dev_laptop"_s, laptop)};
    const Result<QList<AddressedGrant>> grants
        = KeyGrant::forRotation(office, u"org_a"_s, u"dev_office"_s, officeRing, epoch, after);
    QCOMPARE(grants->size(), 1);
    QVERIFY(!KeyGrant::openRotation(grants->first().blob, old, u"org_a"_s, u"dev_laptop"_s, lookupIn(after)).has_value());
    QVERIFY(!KeyGrant::openRotation(grants->first().blob, old, u"org_a"_s, u"dev_old"_s, lookupIn(after)).has_value());

    // And its batches sealed with what it keeps, sent after its removal, are refused.
    const Result<SealedBatch> fromOld = BatchCipher(u"org_a"_s, oldRing).seal(old, u"dev_old"_s, 7, "still here");
    DeviceRecord removed = record(u"dev_old"_s, old, DeviceRecord::State::Removed);
    removed.removedAtEpoch = epoch;
    removed.removedAtCursor = 100;
    BatchLabel label = fromOld->label;
    label.cursor = 101;
    const auto refused = BatchCipher(u"org_a"_s, officeRing).open(label, fromOld->blob, lookupIn({removed}), {});
    QVERIFY(!refused.has_value());
    QCOMPARE(refused.error().reason, BatchRefusal::DeviceRemoved);
}

void TestOrgKeys::aRotationGrantFromAComputerNotApprovedOrForgedIsRefused()
{
    const DeviceIdentity office = DeviceIdentity::generate();
    const DeviceIdentity laptop = DeviceIdentity::generate();
    const DeviceIdentity intruder = DeviceIdentity::generate();
    OrgKeyRing ring = OrgKeyRing::createFirst();
    const quint32 epoch = ring.rotate();
    const QList<DeviceRecord> roster{record(u"dev_office"_s, office), record(u"dev_laptop"_s, laptop)};
    QByteArray grant = KeyGrant::forRotation(office, u"org_a"_s, u"dev_office"_s, ring, epoch, roster)->first().blob;
    QVERIFY(KeyGrant::openRotation(grant, laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn(roster)).has_value());

    // The office removed in the meantime (or never approved): its grants are not used.
    QList<DeviceRecord> officeGone = roster;
    officeGone[0].state = DeviceRecord::State::Removed;
    QVERIFY(!KeyGrant::openRotation(grant, laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn(officeGone)).has_value());
    officeGone[0].state = DeviceRecord::State::Pending;
    QVERIFY(!KeyGrant::openRotation(grant, laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn(officeGone)).has_value());
    QVERIFY(!KeyGrant::openRotation(grant, laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn({})).has_value());

    // Someone outside who knows the public keys makes a grant in the office's name: bad signature.
    const QList<AddressedGrant> forged
        = *KeyGrant::forRotation(intruder, u"org_a"_s, u"dev_office"_s, OrgKeyRing::createFirst(), 1, roster);
    const Result<KeyGrantContents> refused
        = KeyGrant::openRotation(forged.first().blob, laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn(roster));
    QVERIFY(!refused.has_value());
    QVERIFY(refused.error().message.contains(u"signed"_s));

    // One changed byte anywhere in the real grant: refused.
    for (qsizetype at = 0; at < grant.size(); at += 13) {
        QByteArray bent = grant;
        bent[at] = char(bent[at] ^ 0x04);
        QVERIFY2(!KeyGrant::openRotation(bent, laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn(roster)).has_value(),
                 qPrintable(QString::number(at)));
    }
}

static QStringList s_lines;

void TestOrgKeys::noSecretInLogsSettingsOrDatabase()
{
    // Every category on, every line kept.
    QLoggingCategory::setFilterRules(u"*.debug=true"_s);
    s_lines.clear();
    const QtMessageHandler previous
        = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &context, const QString &text) {
              s_lines << QString::fromLatin1(context.category ? context.category : "") + u' ' + text;
          });
    const auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
    });

    test::TempProfile profile;
    test::FakeSecretStore keychain;
    ScopedSecretStore officeSecrets(keychain, u"office"_s);
    ScopedSecretStore laptopSecrets(keychain, u"laptop"_s);

    // A whole life: keys made and saved, a join, batches (one refused), a rotation.
    const Result<DeviceIdentity> office = DeviceIdentity::loadOrCreate(officeSecrets);
    const Result<DeviceIdentity> laptop = DeviceIdentity::loadOrCreate(laptopSecrets);
    QVERIFY(office && laptop);
    OrgKeyRing ring = OrgKeyRing::createFirst();
    QVERIFY(ring.save(officeSecrets).has_value());
    JoinNewcomer newcomer(*laptop, u"org_a"_s, u"dev_laptop"_s, u"Laptop"_s);
    JoinApprover approver(*office, u"org_a"_s, u"dev_office"_s);
    QVERIFY(approver.reveal(*newcomer.answer(*approver.request(*newcomer.request(), u"dev_laptop"_s))).has_value());
    const QList<DeviceRecord> roster{record(u"dev_office"_s, *office), approver.newcomerRecord()};
    Result<KeyGrantContents> joined = newcomer.grant(*approver.approve(ring, roster));
    QVERIFY(joined.has_value());
    QVERIFY(joined->ring.save(laptopSecrets).has_value());
    const Result<SealedBatch> batch = BatchCipher(u"org_a"_s, ring).seal(*office, u"dev_office"_s, 1, "Mama Wanjiku");
    QVERIFY(BatchCipher(u"org_a"_s, joined->ring).open(batch->label, batch->blob, lookupIn(roster), {}).has_value());
    QVERIFY(!BatchCipher(u"org_a"_s, joined->ring).open(batch->label, batch->blob, lookupIn(roster), {1, 1}).has_value());
    const quint32 epoch = ring.rotate();
    QVERIFY(ring.save(officeSecrets).has_value());
    const Result<QList<AddressedGrant>> grants = KeyGrant::forRotation(*office, u"org_a"_s, u"dev_office"_s, ring, epoch, roster);
    QVERIFY(KeyGrant::openRotation(grants->first().blob, *laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn(roster)).has_value());
    QVERIFY(
        !KeyGrant::openRotation(QByteArray(grants->first().blob + "x"), *laptop, u"org_a"_s, u"dev_laptop"_s, lookupIn(roster))
             .has_value());
    qDebug() << ring.subKey(1, OrgKeyRing::Purpose::Batch) << ring.serialize();

    // The profile writes its settings and database the ordinary way meanwhile.
    profile->settings().setValue(Settings::Key::RelayUrl, u"https://relay.example"_s);

    // What must never show: each secret as base64 (the keychain's form), hex, and the raw bytes.
    QList<QByteArray> secrets;
    for (const QString &value : std::as_const(keychain.values)) {
        const SecretBytes raw = SecretBytes::fromBase64(value);
        secrets << value.toLatin1() << raw.view().toByteArray().toHex() << raw.view().toByteArray();
        // And each key inside (a device's box secret and sign seed, each epoch's key) by itself.
        for (qsizetype at = 1; at + 32 <= raw.size(); at += 32)
            secrets << raw.view().sliced(at, 32).toByteArray().toBase64() << raw.view().sliced(at, 32).toByteArray().toHex();
    }
    for (quint32 e : ring.epochs()) {
        const QByteArray sub = ring.subKey(e, OrgKeyRing::Purpose::Batch).view().toByteArray();
        secrets << sub.toBase64() << sub.toHex() << sub;
    }
    QVERIFY(secrets.size() > 20);

    QVERIFY(!s_lines.isEmpty()); // the refusals and the SecretBytes line were logged
    const QByteArray log = s_lines.join(u'\n').toUtf8();
    for (const QByteArray &secret : std::as_const(secrets))
        QVERIFY2(!log.contains(secret), "a secret in the log");
    QVERIFY(log.contains("SecretBytes(32 bytes)"));
    QVERIFY(!log.contains("Wanjiku"));

    // Nor in any file of the profile (settings.ini, the database) or the application's settings.
    QSettings().sync();
    QStringList files{QSettings().fileName()};
    QDirIterator it(profile.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    QVERIFY(files.size() >= 2);
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        for (const QByteArray &secret : std::as_const(secrets))
            QVERIFY2(!content.contains(secret), qPrintable(path));
    }
}

QTEST_GUILESS_MAIN(TestOrgKeys)
#include "TestOrgKeys.moc"
