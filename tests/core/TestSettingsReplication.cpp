// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The organisation's settings shared between the congregation's computers (architecture.md §7,
// "Shared and per-computer settings"): quiet hours, the sender id, the phone region… set on one
// computer reach the others through the change log, and their Settings announce it; concurrent
// edits end the same everywhere (the later wins, the other is listed); the language, the relay's
// address and the gateway's key stay on each computer; an older profile's settings.ini values
// move into the shared table; a computer filling from a snapshot takes the church's settings.

#include "SchemaRollback.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/PhoneNormalizer.h"
#include "profile/Profile.h"
#include "security/AuditLog.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "sync/ChangeLog.h"
#include "sync/DeviceIdentity.h"
#include "sync/JoinChoice.h"
#include "sync/OrgKeyRing.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaSqlFunctions.h"
#include "sync/SnapshotReader.h"
#include "sync/SnapshotWriter.h"
#include "sync/SyncOpCodec.h"

#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

// Everything `from` has not sent yet, through the wire format, applied on `to`.
bool send(test::TempProfile &from, test::TempProfile &to)
{
    ChangeLog log(from->database());
    const auto out = log.pendingOut(100000);
    if (!out)
        return false;
    const auto decoded = SyncOpCodec::decodeOps(SyncOpCodec::encodeOps(out->ops));
    if (!decoded || !ReplicaApplier(to->database(), to.clock()).apply(decoded->ops))
        return false;
    return bool(log.markSent(out->upTo));
}

// The shared data but the audit trails (each computer's own settings changes are audited there;
// TestAuditReplication checks that part).
QByteArray dump(test::TempProfile &p)
{
    const auto d = ChangeLog(p->database()).canonicalDump();
    if (!d)
        return QByteArray("dump failed");
    QByteArray out;
    for (const QByteArray &line : d->split('\n')) {
        if (!line.startsWith("[\"audit_entry\""))
            out += line + '\n';
    }
    return out;
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QList<Settings::Key> changedKeys(const QSignalSpy &spy)
{
    QList<Settings::Key> out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<Settings::Key>();
    return out;
}

} // namespace

class TestSettingsReplication final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whichSettingsAreShared();
    void quietHoursSetOnOneComputerReachTheOther();
    void concurrentEditsEndTheSameEverywhere();
    void perComputerSettingsStayHome();
    void anOlderProfileMovesItsValuesIntoTheTable();
    void aNewComputerTakesTheChurchsSettingsFromASnapshot();
    void startingFromTheChurchsDataDropsOwnSettings();
    void onlyAnAdministratorChangesTheGatewayAccount();
};

void TestSettingsReplication::whichSettingsAreShared()
{
    using K = Settings::Key;
    for (K key : {K::PhoneRegion, K::QuietHours, K::GatewaySenderId, K::GatewayUsername, K::GatewayEnvironment,
                  K::MaxSegmentsPerMessage, K::OrganisationName})
        QVERIFY2(Settings::isShared(key), qPrintable(Settings::name(key)));
    for (K key : {K::Language, K::RelayUrl, K::GatewayProvider, K::GatewayBaseUrl, K::GatewayRatePerSecond, K::SimulatorReportUrl,
                  K::ProfileId, K::WelcomeShown, K::BackupFolder, K::BackupAutomatic, K::LastBackup, K::IdleLockMinutes,
                  K::AuditAnchorDay, K::OrganisationLogo})
        QVERIFY2(!Settings::isShared(key), qPrintable(Settings::name(key)));
}

void TestSettingsReplication::quietHoursSetOnOneComputerReachTheOther()
{
    test::TempProfile a;
    test::TempProfile b;
    b.clock().advanceMs(2000);
    QVERIFY(a->settings().setQuietHoursText(u"22:00-06:00"_s));
    a->settings().setPhoneRegion(u"ug"_s);
    a->settings().setMaxSegmentsPerMessage(4);
    // One write, one change each, captured in the same transaction as the value.
    QCOMPARE(scalar(a->database().connection(), u"SELECT count(*) FROM change_log WHERE entity = 'org_setting'"_s), 3);
    QCOMPARE(a->settings().quietHoursText(), u"22:00-06:00"_s);

    QSignalSpy changed(&b->settings(), &Settings::changed);
    QVERIFY(send(a, b));
    QCOMPARE(b->settings().quietHoursText(), u"22:00-06:00"_s);
    QCOMPARE(b->settings().phoneRegion(), u"UG"_s);
    QCOMPARE(b->settings().maxSegmentsPerMessage(), 4);
    // Announced like a change made on b itself, so what was built from them follows.
    const QList<Settings::Key> keys = changedKeys(changed);
    QVERIFY(keys.contains(Settings::Key::QuietHours));
    QVERIFY(keys.contains(Settings::Key::PhoneRegion));
    QVERIFY(keys.contains(Settings::Key::MaxSegmentsPerMessage));
    QCOMPARE(b->phones().defaultRegion(), u"UG"_s);
    QCOMPARE(dump(b), dump(a));

    // Turned off on b: off on a as well; the same value again announces nothing.
    b.clock().advanceMs(1000);
    b->settings().setQuietHoursOff();
    QSignalSpy changedOnA(&a->settings(), &Settings::changed);
    QVERIFY(send(b, a));
    QVERIFY(!a->settings().quietHoursEnabled());
    QCOMPARE(changedKeys(changedOnA), QList<Settings::Key>{Settings::Key::QuietHours});
    // Set back to its default (an empty text): the default on both, and no row is deleted.
    a.clock().advanceMs(1000);
    a->settings().setGatewaySenderId(u"STPAULS"_s);
    QVERIFY(send(a, b));
    QCOMPARE(b->settings().gatewaySenderId(), u"STPAULS"_s);
    a->settings().setGatewaySenderId(QString());
    QVERIFY(send(a, b));
    QCOMPARE(b->settings().gatewaySenderId(), QString());
    QCOMPARE(scalar(b->database().connection(), u"SELECT count(*) FROM org_settings WHERE name = 'gateway/senderId'"_s), 1);
    QCOMPARE(dump(b), dump(a));
}

void TestSettingsReplication::concurrentEditsEndTheSameEverywhere()
{
    test::TempProfile a;
    test::TempProfile b;
    b.clock().advanceMs(5000); // b's edit is the later one
    a->settings().setGatewaySenderId(u"ST-PAUL"_s);
    b->settings().setGatewaySenderId(u"STPAULS"_s);
    a->settings().setOrganisationName(u"St Paul's"_s);
    QVERIFY(send(a, b));
    QVERIFY(send(b, a));
    QCOMPARE(a->settings().gatewaySenderId(), u"STPAULS"_s);
    QCOMPARE(b->settings().gatewaySenderId(), u"STPAULS"_s);
    QCOMPARE(b->settings().organisationName(), u"St Paul's"_s);
    QCOMPARE(dump(a), dump(b));
    // One setting, one row, whoever made it first.
    QCOMPARE(scalar(a->database().connection(), u"SELECT count(*) FROM org_settings WHERE name = 'gateway/senderId'"_s), 1);
    QCOMPARE(scalar(a->database().connection(), u"SELECT count(*) FROM sync_aliases"_s), 0);
    // The value that lost is listed on both computers; the name both wrote the same is not.
    for (test::TempProfile *p : {&a, &b}) {
        const auto conflicts = ChangeLog((*p)->database()).conflicts();
        QVERIFY(conflicts);
        QCOMPARE(conflicts->size(), 1);
        QCOMPARE(conflicts->first().entity, u"org_setting"_s);
        QCOMPARE(conflicts->first().field, u"value"_s);
        QCOMPARE(conflicts->first().label, u"gateway/senderId"_s);
        QCOMPARE(conflicts->first().kept.toString(), u"STPAULS"_s);
        QCOMPARE(conflicts->first().lost.toString(), u"ST-PAUL"_s);
    }
    // An edit made after seeing the other's is no conflict.
    a.clock().advanceMs(10'000);
    a->settings().setGatewaySenderId(u"KANISA"_s);
    QVERIFY(send(a, b));
    QCOMPARE(b->settings().gatewaySenderId(), u"KANISA"_s);
    QCOMPARE(ChangeLog(b->database()).conflicts()->size(), 1);
}

void TestSettingsReplication::perComputerSettingsStayHome()
{
    test::TempProfile a;
    test::TempProfile b;
    a->settings().setLanguage(u"sw"_s);
    a->settings().setRelayUrl(u"https://relay.example.org"_s);
    a->settings().setGatewayProvider(GatewayKind::AfricasTalking);
    a->settings().setGatewayBaseUrl(u"https://proxy.example.org"_s);
    a->settings().setIdleLockMinutes(5);
    a->settings().setOrganisationLogo(u"/home/office/logo.png"_s);
    a->settings().setGatewaySenderId(u"STPAULS"_s); // shared, for contrast
    const auto out = ChangeLog(a->database()).pendingOut(100000);
    QVERIFY(out);
    // The sender id's row (name, value, created_at), and the audit entry of that change.
    QList<SyncOp> settings;
    for (const SyncOp &op : out->ops) {
        if (op.entity != u"audit_entry")
            settings.append(op);
    }
    QCOMPARE(settings.size(), 3);
    for (const SyncOp &op : settings)
        QCOMPARE(op.entity, u"org_setting"_s);
    QVERIFY(send(a, b));
    QCOMPARE(b->settings().language(), u"en"_s);
    QCOMPARE(b->settings().relayUrl(), QString());
    QCOMPARE(b->settings().gatewayProvider(), GatewayKind::Simulator);
    QCOMPARE(b->settings().gatewayBaseUrl(), QString());
    QCOMPARE(b->settings().idleLockMinutes(), Settings::DefaultIdleLockMinutes);
    QCOMPARE(b->settings().organisationLogo(), QString());
    QCOMPARE(b->settings().gatewaySenderId(), u"STPAULS"_s);
    // They stay in this computer's settings.ini; the shared ones are no longer there.
    a->settings().sync();
    QSettings ini(a.path() + u"/settings.ini"_s, QSettings::IniFormat);
    QCOMPARE(ini.value(u"ui/language"_s).toString(), u"sw"_s);
    QCOMPARE(ini.value(u"relay/url"_s).toString(), u"https://relay.example.org"_s);
    QVERIFY(!ini.contains(u"gateway/senderId"_s));
    // The gateway's API key is not a setting at all (the keychain holds it): nothing in the shared
    // data names it.
    QVERIFY(!dump(a).contains("apiKey"));
}

void TestSettingsReplication::anOlderProfileMovesItsValuesIntoTheTable()
{
    // A profile from before version 21: its database without org_settings, its settings.ini with
    // the church's values and this computer's own.
    QTemporaryDir dir;
    test::FixedClock clock;
    {
        auto first = Profile::open(dir.path(), clock);
        QVERIFY(first);
    }
    {
        const QString name = u"downgrade"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(dir.filePath(u"kengele.sqlite"_s));
            QVERIFY(db.open());
            QSqlQuery q(db);
            // Versions 23 and 24, which come after it, then 22's audit pieces and 21's settings.
            QVERIFY(test::undoVersionsAfter22(db));
            for (const QString &sql :
                 {u"DROP TRIGGER sync_capture_org_settings_insert"_s, u"DROP TRIGGER sync_capture_org_settings_update"_s,
                  u"DROP TRIGGER sync_capture_org_settings_delete"_s, u"DROP TABLE org_settings"_s,
                  u"DROP TRIGGER sync_capture_audit_log_insert"_s, u"DROP VIEW audit_entries"_s, u"DROP TABLE audit_remote"_s,
                  u"PRAGMA user_version = 20"_s})
                QVERIFY2(q.exec(sql), qPrintable(sql));
        }
        QSqlDatabase::removeDatabase(name);
        QSettings ini(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        ini.setValue(u"sending/quietHours"_s, u"22:30-05:30"_s);
        ini.setValue(u"phone/region"_s, u"TZ"_s);
        ini.setValue(u"sending/maxSegments"_s, 6);
        ini.setValue(u"ui/language"_s, u"sw"_s);
    }
    auto opened = Profile::open(dir.path(), clock);
    QVERIFY(opened);
    Profile &p = **opened;
    QCOMPARE(p.database().schemaVersion(), Migrations::latestVersion());
    QCOMPARE(p.settings().quietHoursText(), u"22:30-05:30"_s);
    QCOMPARE(p.settings().phoneRegion(), u"TZ"_s);
    QCOMPARE(p.settings().maxSegmentsPerMessage(), 6);
    QCOMPARE(p.phones().defaultRegion(), u"TZ"_s);
    const QSqlDatabase db = p.database().connection();
    QCOMPARE(scalar(db, u"SELECT count(*) FROM org_settings WHERE value IS NOT NULL"_s), 3);
    // Queued as this computer's own changes, older than any made since (HLC 0).
    QCOMPARE(scalar(db, u"SELECT count(*) FROM change_log WHERE entity = 'org_setting' AND hlc = 0"_s), 3);
    {
        QSettings ini(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        QVERIFY(!ini.contains(u"sending/quietHours"_s));
        QVERIFY(!ini.contains(u"phone/region"_s));
        QCOMPARE(ini.value(u"ui/language"_s).toString(), u"sw"_s);
    }

    // Another computer's later choice wins over the moved value; the moved one reaches a computer
    // that never chose.
    test::TempProfile other;
    other.clock().set(clock.nowUtc().addSecs(60));
    QVERIFY(other->settings().setQuietHoursText(u"20:00-06:00"_s));
    {
        ChangeLog log(p.database());
        const auto out = log.pendingOut(100000);
        QVERIFY(out);
        QVERIFY(ReplicaApplier(other->database(), other.clock()).apply(out->ops));
        const auto back = ChangeLog(other->database()).pendingOut(100000);
        QVERIFY(back);
        QVERIFY(ReplicaApplier(p.database(), clock).apply(back->ops));
    }
    QCOMPARE(p.settings().quietHoursText(), u"20:00-06:00"_s);
    QCOMPARE(other->settings().quietHoursText(), u"20:00-06:00"_s);
    QCOMPARE(other->settings().phoneRegion(), u"TZ"_s);
    QCOMPARE(*ChangeLog(other->database()).canonicalDump(), *ChangeLog(p.database()).canonicalDump());

    // Opening again moves nothing twice.
    opened->reset();
    auto again = Profile::open(dir.path(), clock);
    QVERIFY(again);
    QCOMPARE((*again)->settings().quietHoursText(), u"20:00-06:00"_s);
    QCOMPARE(
        scalar((*again)->database().connection(), u"SELECT count(*) FROM change_log WHERE hlc = 0 AND entity = 'org_setting'"_s),
        3);
}

void TestSettingsReplication::aNewComputerTakesTheChurchsSettingsFromASnapshot()
{
    test::TempProfile office;
    QVERIFY(office->settings().setQuietHoursText(u"21:30-06:30"_s));
    office->settings().setOrganisationName(u"St Paul's Church"_s);
    office->settings().setLanguage(u"sw"_s);
    QVERIFY(office->contacts().add({u"Asha"_s, {}, u"0712000001"_s, {}, {}}));

    OrgKeyRing keys = OrgKeyRing::createFirst();
    const DeviceIdentity writer = DeviceIdentity::generate();
    const DevicePublicKeys pub = writer.publicKeys();
    const auto lookup = [pub](const QString &id) -> std::optional<DeviceRecord> {
        if (id != u"dev_office"_s)
            return std::nullopt;
        return DeviceRecord{id, u"Office"_s, pub, DeviceRecord::State::Approved, 0, 0};
    };
    auto blob
        = SnapshotWriter(office->database(), keys, writer, u"org_stpauls"_s, u"dev_office"_s).write(3, office.clock().nowMs());
    QVERIFY(blob);

    // The new laptop had its own quiet hours before it joined: not data of its own, and the
    // church's replace them.
    test::TempProfile laptop;
    laptop.clock().advanceMs(60'000);
    QVERIFY(laptop->settings().setQuietHoursText(u"23:00-05:00"_s));
    laptop->settings().setLanguage(u"en"_s);
    QVERIFY(*SnapshotRestorer(laptop->database()).isEmpty());
    QSignalSpy changed(&laptop->settings(), &Settings::changed);
    auto opened = SnapshotReader::open(blob->bytes, u"org_stpauls"_s, keys, lookup);
    QVERIFY(opened);
    QVERIFY(SnapshotRestorer(laptop->database()).restore(*opened));
    QCOMPARE(laptop->settings().quietHoursText(), u"21:30-06:30"_s);
    QCOMPARE(laptop->settings().organisationName(), u"St Paul's Church"_s);
    QCOMPARE(laptop->settings().language(), u"en"_s);
    QVERIFY(changedKeys(changed).contains(Settings::Key::QuietHours));
    QVERIFY(changedKeys(changed).contains(Settings::Key::OrganisationName));
    QCOMPARE(dump(laptop), dump(office));
    // Its own earlier choice does not go out later to overrule the church's.
    QCOMPARE(scalar(laptop->database().connection(), u"SELECT count(*) FROM change_log WHERE entity = 'org_setting'"_s), 0);
}

void TestSettingsReplication::startingFromTheChurchsDataDropsOwnSettings()
{
    test::TempProfile office;
    test::TempProfile laptop;
    laptop.clock().advanceMs(60'000); // later, yet set aside
    office->settings().setGatewaySenderId(u"STPAULS"_s);
    laptop->settings().setGatewaySenderId(u"MYLAPTOP"_s);
    const QSqlDatabase db = laptop->database().connection();
    QVERIFY(JoinChoices::clearSharedData(db));
    laptop->database().replicaContext().notifySharedDataChanged(); // as the engine does once it is saved
    QCOMPARE(laptop->settings().gatewaySenderId(), QString());
    QVERIFY(send(office, laptop));
    QVERIFY(send(laptop, office));
    QCOMPARE(laptop->settings().gatewaySenderId(), u"STPAULS"_s);
    QCOMPARE(office->settings().gatewaySenderId(), u"STPAULS"_s);
}

void TestSettingsReplication::onlyAnAdministratorChangesTheGatewayAccount()
{
    test::TempProfile p;
    StaffAccounts &staff = p->staff();
    QVERIFY(staff.requireSignIn(u"mary"_s, u"Mary"_s, u"Mlima wa Sayuni 7"_s));
    QVERIFY(staff.add(u"john"_s, u"John"_s, Role::Staff, u"kwaya ya vijana 2026"_s));
    p->settings().setGatewaySenderId(u"STPAULS"_s);
    QCOMPARE(p->settings().gatewaySenderId(), u"STPAULS"_s);
    staff.lock();
    QVERIFY(staff.signIn(u"john"_s, u"kwaya ya vijana 2026"_s));
    // The gateway's account is an administrator's (as the SMS gateway page and `gateway set` are);
    // quiet hours are anyone's who may open Settings → Sending, as before.
    p->settings().setGatewaySenderId(u"JOHN"_s);
    p->settings().setGatewayUsername(u"john"_s);
    QCOMPARE(p->settings().gatewaySenderId(), u"STPAULS"_s);
    QCOMPARE(p->settings().gatewayUsername(), QString());
    QVERIFY(p->settings().setQuietHoursText(u"22:00-06:00"_s));
    QCOMPARE(p->settings().quietHoursText(), u"22:00-06:00"_s);
    // Each change in the audit trail, by who made it, without its value.
    const auto entries = p->audit().list();
    QVERIFY(entries);
    QStringList changes;
    for (const AuditEntry &e : *entries) {
        if (e.action == u"settings.change"_s)
            changes << e.user + u' ' + e.object + u' ' + e.summary;
    }
    changes.sort();
    QCOMPARE(changes, (QStringList{u"john setting:sending/quietHours "_s, u"mary setting:gateway/senderId "_s}));
}

QTEST_GUILESS_MAIN(TestSettingsReplication)
#include "TestSettingsReplication.moc"
