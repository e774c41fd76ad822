// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "contacts/ContactService.h"
#include "contacts/PhoneNormalizer.h"
#include "profile/Profile.h"
#include "settings/Settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

class TestProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolvesFlagThenEnvironmentThenDefault();
    void firstOpenIsNewThenNot();
    void refusesAFileAsFolder();
    void regionSettingReachesNormaliser();
    void segmentLimitFollowsTheSetting();
};

void TestProfile::resolvesFlagThenEnvironmentThenDefault()
{
    qputenv("KENGELE_PROFILE", "/tmp/from-env");
    QCOMPARE(Profile::resolveDirectory(QStringLiteral("/tmp/from-flag")), QStringLiteral("/tmp/from-flag"));
    QCOMPARE(Profile::resolveDirectory({}), QStringLiteral("/tmp/from-env"));
    qunsetenv("KENGELE_PROFILE");
    QVERIFY(!Profile::resolveDirectory({}).isEmpty());
    QVERIFY(Profile::resolveDirectory({}) != QStringLiteral("/tmp/from-env"));
}

void TestProfile::firstOpenIsNewThenNot()
{
    QTemporaryDir dir;
    test::FixedClock clock;
    const QString folder = dir.filePath(QStringLiteral("church/profile"));
    {
        auto profile = Profile::open(folder, clock);
        QVERIFY(profile);
        QVERIFY((*profile)->isNew());
        QVERIFY(QFile::exists((*profile)->databasePath()));
    }
    auto profile = Profile::open(folder, clock);
    QVERIFY(profile);
    QVERIFY(!(*profile)->isNew());
}

void TestProfile::refusesAFileAsFolder()
{
    QTemporaryDir dir;
    test::FixedClock clock;
    const QString file = dir.filePath(QStringLiteral("afile"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    auto profile = Profile::open(file, clock);
    QVERIFY(!profile);
    QVERIFY(profile.error().message.contains(QStringLiteral("is a file")));
}

void TestProfile::regionSettingReachesNormaliser()
{
    test::TempProfile profile;
    QCOMPARE(profile->settings().phoneRegion(), QStringLiteral("KE"));
    profile->settings().setPhoneRegion(QStringLiteral("ug"));
    ContactInput input;
    input.firstName = QStringLiteral("Okello");
    input.phone = QStringLiteral("0772123456");
    QCOMPARE(profile->contacts().add(input)->phone, QStringLiteral("+256772123456"));
}

void TestProfile::segmentLimitFollowsTheSetting()
{
    test::TempProfile profile;
    QCOMPARE(profile->campaigns().limits().maxSegments, Settings::DefaultMaxSegmentsPerMessage);
    profile->settings().setMaxSegmentsPerMessage(4);
    QCOMPARE(profile->campaigns().limits().maxSegments, 4);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "TestProfile.moc"
