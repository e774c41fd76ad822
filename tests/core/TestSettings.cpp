// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "settings/Settings.h"

#include <QFile>
#include <QMetaEnum>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kengele;

// Settings: one table of keys and defaults, the changed() signal, quiet hours as text, and the
// migration ladder from files written by earlier versions.
class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newFileHasDefaultsAndTheCurrentVersion();
    void everyKeyHasItsOwnName();
    void changedIsEmittedOnlyWhenTheValueChanges();
    void emptyTextBringsTheDefaultBack();
    void quietHoursText_data();
    void quietHoursText();
    void quietHoursOffAndOnAgain();
    void migratesAVersion1File();
    void migratesEqualQuietTimesToOff();
    void migratesAFileFromBeforeVersions();
    void leavesAFileFromANewerKengeleAlone();
    void profileIdIsMadeOnceAndKept();
    void providerIsStoredAsItsWord();
    void welcomeShownIsRemembered();
    void idleLockMinutesHasADefaultAndBounds();
    void organisationNameAndLogo();

private:
    QString copyFixture(const QTemporaryDir &dir, const QString &name);
    QString writeFile(const QTemporaryDir &dir, const QByteArray &content);
};

QString TestSettings::copyFixture(const QTemporaryDir &dir, const QString &name)
{
    const QString target = dir.filePath(QStringLiteral("settings.ini"));
    QFile::remove(target);
    if (!QFile::copy(test::testDataPath(QStringLiteral("fixtures/") + name), target))
        return {};
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

QString TestSettings::writeFile(const QTemporaryDir &dir, const QByteArray &content)
{
    const QString target = dir.filePath(QStringLiteral("settings.ini"));
    QFile file(target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(content);
    return target;
}

void TestSettings::newFileHasDefaultsAndTheCurrentVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        Settings settings(path);
        QCOMPARE(settings.openedVersion(), 0);
        QCOMPARE(settings.phoneRegion(), QStringLiteral("KE"));
        QCOMPARE(settings.language(), QStringLiteral("en"));
        QCOMPARE(settings.gatewayProvider(), GatewayKind::Simulator);
        QCOMPARE(settings.gatewayEnvironment(), QStringLiteral("live"));
        QCOMPARE(settings.gatewayRatePerSecond(), 20.0);
        QCOMPARE(settings.maxSegmentsPerMessage(), Settings::DefaultMaxSegmentsPerMessage);
        QVERIFY(settings.quietHoursEnabled());
        QCOMPARE(settings.quietHoursStart(), QTime(21, 0));
        QCOMPARE(settings.quietHoursEnd(), QTime(7, 0));
        QCOMPARE(settings.quietHoursText(), QStringLiteral("21:00-07:00"));
        QVERIFY(settings.relayUrl().isEmpty());
        settings.sync();
    }
    Settings again(path);
    QCOMPARE(again.openedVersion(), Settings::CurrentVersion);
}

void TestSettings::everyKeyHasItsOwnName()
{
    const QMetaEnum keys = QMetaEnum::fromType<Settings::Key>();
    QSet<QString> names;
    for (int i = 0; i < keys.keyCount(); ++i) {
        const QString name = Settings::name(Settings::Key(keys.value(i)));
        QVERIFY2(name.contains(u'/'), qPrintable(name));
        names.insert(name);
    }
    QCOMPARE(names.size(), keys.keyCount());
}

void TestSettings::changedIsEmittedOnlyWhenTheValueChanges()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    QSignalSpy spy(&settings, &Settings::changed);
    settings.setGatewayRatePerSecond(20); // the default: nothing changes
    QCOMPARE(spy.count(), 0);
    settings.setGatewayRatePerSecond(5);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<Settings::Key>(), Settings::Key::GatewayRatePerSecond);
    settings.setGatewayRatePerSecond(5);
    QCOMPARE(spy.count(), 1);
    settings.setPhoneRegion(QStringLiteral("ug"));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<Settings::Key>(), Settings::Key::PhoneRegion);
    QCOMPARE(settings.phoneRegion(), QStringLiteral("UG"));
    settings.setPhoneRegion(QStringLiteral("UG"));
    QCOMPARE(spy.count(), 2);
}

void TestSettings::emptyTextBringsTheDefaultBack()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setSimulatorReportUrl(QStringLiteral("http://127.0.0.1:8080/hooks/1/abc/at/delivery"));
    QCOMPARE(settings.simulatorReportUrl(), QStringLiteral("http://127.0.0.1:8080/hooks/1/abc/at/delivery"));
    settings.setSimulatorReportUrl(QString());
    QVERIFY(settings.simulatorReportUrl().isEmpty());
    settings.setLanguage(QStringLiteral("sw"));
    settings.setLanguage(QString());
    QCOMPARE(settings.language(), QStringLiteral("en"));
}

void TestSettings::quietHoursText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("stored");

    QTest::addRow("evening to morning") << QStringLiteral("21:00-07:00") << true << QStringLiteral("21:00-07:00");
    QTest::addRow("one-digit hour") << QStringLiteral("9:00-17:30") << true << QStringLiteral("09:00-17:30");
    QTest::addRow("spaces") << QStringLiteral(" 22:15 - 06:45 ") << true << QStringLiteral("22:15-06:45");
    QTest::addRow("off") << QStringLiteral("off") << true << QStringLiteral("off");
    QTest::addRow("OFF") << QStringLiteral("OFF") << true << QStringLiteral("off");
    QTest::addRow("no such hour") << QStringLiteral("25:00-07:00") << false << QStringLiteral("21:00-07:00");
    QTest::addRow("same start and end") << QStringLiteral("21:00-21:00") << false << QStringLiteral("21:00-07:00");
    QTest::addRow("hours only") << QStringLiteral("21-07") << false << QStringLiteral("21:00-07:00");
    QTest::addRow("empty") << QString() << false << QStringLiteral("21:00-07:00");
    QTest::addRow("words") << QStringLiteral("night") << false << QStringLiteral("21:00-07:00");
}

void TestSettings::quietHoursText()
{
    QFETCH(QString, input);
    QFETCH(bool, accepted);
    QFETCH(QString, stored);
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    QCOMPARE(settings.setQuietHoursText(input), accepted);
    QCOMPARE(settings.quietHoursText(), stored);
    QCOMPARE(settings.quietHoursEnabled(), stored != QStringLiteral("off"));
}

void TestSettings::quietHoursOffAndOnAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        Settings settings(path);
        QSignalSpy spy(&settings, &Settings::changed);
        settings.setQuietHoursOff();
        QVERIFY(!settings.quietHoursEnabled());
        QVERIFY(!settings.quietHoursStart().isValid());
        QCOMPARE(spy.count(), 1);
        settings.setQuietHours(QTime(8, 0), QTime(8, 0)); // the same time twice: none
        QVERIFY(!settings.quietHoursEnabled());
        QCOMPARE(spy.count(), 1);
        settings.sync();
    }
    Settings settings(path);
    QVERIFY(!settings.quietHoursEnabled());
    settings.setQuietHours(QTime(20, 30), QTime(6, 0));
    QVERIFY(settings.quietHoursEnabled());
    QCOMPARE(settings.quietHoursStart(), QTime(20, 30));
    QCOMPARE(settings.quietHoursEnd(), QTime(6, 0));
}

void TestSettings::migratesAVersion1File()
{
    QTemporaryDir dir;
    const QString path = copyFixture(dir, QStringLiteral("settings-v1.ini"));
    QVERIFY(!path.isEmpty());
    {
        Settings settings(path);
        QCOMPARE(settings.openedVersion(), 1);
        // Quiet hours: two keys become one.
        QVERIFY(settings.quietHoursEnabled());
        QCOMPARE(settings.quietHoursText(), QStringLiteral("22:00-06:30"));
        // Everything else is as it was.
        QCOMPARE(settings.gatewayProvider(), GatewayKind::AfricasTalking);
        QCOMPARE(settings.gatewayUsername(), QStringLiteral("stjohns"));
        QCOMPARE(settings.gatewaySenderId(), QStringLiteral("STJOHNS"));
        QCOMPARE(settings.gatewayEnvironment(), QStringLiteral("sandbox"));
        QCOMPARE(settings.gatewayRatePerSecond(), 5.0);
        QCOMPARE(settings.phoneRegion(), QStringLiteral("UG"));
        QCOMPARE(settings.language(), QStringLiteral("sw"));
        QCOMPARE(settings.relayUrl(), QStringLiteral("https://relay.example.org"));
        QCOMPARE(settings.maxSegmentsPerMessage(), 6);
        QCOMPARE(settings.profileId(), QStringLiteral("0d6c6f1e-8d2b-4d8e-9a55-2f1f3b7a9c01"));
        settings.sync();
    }
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("settingsVersion")).toInt(), Settings::CurrentVersion);
    QVERIFY(!raw.contains(QStringLiteral("sending/quietStart")));
    QVERIFY(!raw.contains(QStringLiteral("sending/quietEnd")));
    QCOMPARE(raw.value(QStringLiteral("sending/quietHours")).toString(), QStringLiteral("22:00-06:30"));
    // Migrating again changes nothing.
    Settings again(path);
    QCOMPARE(again.openedVersion(), Settings::CurrentVersion);
    QCOMPARE(again.quietHoursText(), QStringLiteral("22:00-06:30"));
}

void TestSettings::migratesEqualQuietTimesToOff()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "[General]\nsettingsVersion=1\n\n[sending]\nquietStart=00:00\nquietEnd=00:00\n");
    Settings settings(path);
    QVERIFY(!settings.quietHoursEnabled());
    QCOMPARE(settings.quietHoursText(), QStringLiteral("off"));
}

void TestSettings::migratesAFileFromBeforeVersions()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "[sending]\nquietStart=23:00\n\n[phone]\nregion=TZ\n");
    Settings settings(path);
    QCOMPARE(settings.openedVersion(), 0);
    QCOMPARE(settings.quietHoursText(), QStringLiteral("23:00-07:00")); // the end was the default
    QCOMPARE(settings.phoneRegion(), QStringLiteral("TZ"));
    QVERIFY(settings.welcomeShown());
}

void TestSettings::welcomeShownIsRemembered()
{
    QTemporaryDir dir;
    // A brand-new profile has not seen it; once shown, it is remembered.
    const QString path = dir.filePath(QStringLiteral("new.ini"));
    {
        Settings settings(path);
        QVERIFY(!settings.welcomeShown());
        settings.setWelcomeShown(true);
        settings.sync();
    }
    Settings again(path);
    QVERIFY(again.welcomeShown());

    // A profile already in use before the welcome page came (version 2, or older) is not shown it by
    // itself: the 2 -> 3 step says so.
    const QString used = writeFile(dir, "[General]\nsettingsVersion=2\n\n[ui]\nlanguage=sw\n");
    Settings inUse(used);
    QCOMPARE(inUse.openedVersion(), 2);
    QVERIFY(inUse.welcomeShown());
    QCOMPARE(inUse.language(), QStringLiteral("sw"));
}

void TestSettings::idleLockMinutesHasADefaultAndBounds()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("idle.ini"));
    {
        Settings settings(path);
        QCOMPARE(settings.idleLockMinutes(), 15);
        QCOMPARE(Settings::name(Settings::Key::IdleLockMinutes), QStringLiteral("security/idleLockMinutes"));
        settings.setIdleLockMinutes(5);
        QCOMPARE(settings.idleLockMinutes(), 5);
        settings.setIdleLockMinutes(0); // never by itself
        QCOMPARE(settings.idleLockMinutes(), 0);
        settings.setIdleLockMinutes(100000);
        QCOMPARE(settings.idleLockMinutes(), Settings::MaxIdleLockMinutes);
        settings.setIdleLockMinutes(-3);
        QCOMPARE(settings.idleLockMinutes(), 0);
        settings.setIdleLockMinutes(30);
        settings.sync();
    }
    QCOMPARE(Settings(path).idleLockMinutes(), 30);
    // A word where a number belongs reads as the default.
    const QString odd = writeFile(dir, "[General]\nsettingsVersion=3\n\n[security]\nidleLockMinutes=soon\n");
    QCOMPARE(Settings(odd).idleLockMinutes(), Settings::DefaultIdleLockMinutes);
}

void TestSettings::organisationNameAndLogo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("organisation.ini"));
    {
        Settings settings(path);
        QVERIFY(settings.organisationName().isEmpty());
        QVERIFY(settings.organisationLogo().isEmpty());
        QCOMPARE(Settings::name(Settings::Key::OrganisationName), QStringLiteral("organisation/name"));
        QCOMPARE(Settings::name(Settings::Key::OrganisationLogo), QStringLiteral("organisation/logo"));
        QSignalSpy spy(&settings, &Settings::changed);
        settings.setOrganisationName(QStringLiteral("  St John's   Parish, Nakuru "));
        QCOMPARE(settings.organisationName(), QStringLiteral("St John's Parish, Nakuru"));
        settings.setOrganisationLogo(QStringLiteral(" /srv/church/logo.png "));
        QCOMPARE(settings.organisationLogo(), QStringLiteral("/srv/church/logo.png"));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).value<Settings::Key>(), Settings::Key::OrganisationLogo);
        settings.sync();
    }
    Settings again(path);
    QCOMPARE(again.organisationName(), QStringLiteral("St John's Parish, Nakuru"));
    QCOMPARE(again.organisationLogo(), QStringLiteral("/srv/church/logo.png"));
    again.setOrganisationLogo(QString()); // no logo
    QVERIFY(again.organisationLogo().isEmpty());
}

void TestSettings::providerIsStoredAsItsWord()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "[General]\nsettingsVersion=2\n\n[gateway]\nprovider=carrier-pigeon\n");
    {
        Settings settings(path);
        // A word that names no gateway (a file edited by hand) reads as the simulator (GatewayKind.h).
        QCOMPARE(settings.gatewayProvider(), GatewayKind::Simulator);
        settings.setGatewayProvider(GatewayKind::AfricasTalking);
        QCOMPARE(settings.gatewayProvider(), GatewayKind::AfricasTalking);
        settings.sync();
    }
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("gateway/provider")).toString(), QStringLiteral("africastalking"));
}

void TestSettings::leavesAFileFromANewerKengeleAlone()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "[General]\nsettingsVersion=99\n\n[sending]\nquietStart=23:00\nquietEnd=05:00\n");
    {
        Settings settings(path);
        QCOMPARE(settings.openedVersion(), 99);
        settings.sync();
    }
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("settingsVersion")).toInt(), 99);
    QCOMPARE(raw.value(QStringLiteral("sending/quietStart")).toString(), QStringLiteral("23:00"));
}

void TestSettings::profileIdIsMadeOnceAndKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    QString id;
    {
        Settings settings(path);
        id = settings.profileId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(settings.profileId(), id);
    }
    Settings again(path);
    QCOMPARE(again.profileId(), id);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"
