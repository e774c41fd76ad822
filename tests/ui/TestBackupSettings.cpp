// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "common/Language.h"
#include "security/StaffAccounts.h"
#include "settings/BackupSettingsWidget.h"
#include "settings/BackupStatusLabel.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Settings → Backups and the status bar's line: "Back up now" with the passphrase from the keychain
// lists the backup and moves the line to "today"; someone who is not an administrator sees why the
// buttons are off.
class TestBackupSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void backUpNowListsItAndTheStatusLineFollows();
    void onlyAnAdministratorMayUseIt();
};

void TestBackupSettings::backUpNowListsItAndTheStatusLineFollows()
{
    test::TempProfile profile;
    profile->backups().setCost(Passwords::Cost::TestsOnly);
    test::FakeSecretStore secrets;
    BackupScheduler scheduler(profile->backups(), profile->settings(), secrets, profile.clock());
    QVERIFY(scheduler.setFolder(QDir(profile.path()).filePath(u"backups"_s)));
    BackupStatusLabel status(scheduler, profile.clock());
    QCOMPARE(status.text(), u"No backup yet"_s);
    BackupSettingsWidget widget(scheduler, profile.clock());
    widget.show();
    auto *list = test::find<QTreeWidget>(&widget, "backupList");
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 0);
    QVERIFY(test::find<QLabel>(&widget, "passphraseState")->text().contains(u"Not set"_s));

    secrets.values.insert(BackupScheduler::PassphraseKey, u"Mlima wa Sayuni saba"_s);
    test::find<QPushButton>(&widget, "backUpNow")->click();
    QCOMPARE(list->topLevelItemCount(), 1);
    QVERIFY(list->topLevelItem(0)->text(2).endsWith(BackupService::Suffix));
    QVERIFY(test::find<QLabel>(&widget, "backupStatus")->text().startsWith(u"Backup saved"_s));
    QCOMPARE(status.text(), u"Last backup: today"_s);
    profile.clock().set(profile.clock().nowUtc().addDays(9));
    scheduler.checkNow(); // automatic backups are off: only the line moves on
    QVERIFY(status.text().startsWith(u"Last backup: 9 day"_s));
    QCOMPARE(list->topLevelItemCount(), 1);

    auto *automatic = test::find<QCheckBox>(&widget, "automaticBackups");
    automatic->click(); // on: a day was missed, so one is made now
    QVERIFY(scheduler.automatic());
    widget.refresh();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(status.text(), u"Last backup: today"_s);
}

void TestBackupSettings::onlyAnAdministratorMayUseIt()
{
    test::TempProfile profile;
    profile->staff().setCost(Passwords::Cost::TestsOnly);
    QVERIFY(profile->staff().requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, u"Mlima wa Sayuni 7"_s));
    QVERIFY(profile->staff().add(u"john"_s, u"John Otieno"_s, Role::Staff, u"kwaya ya vijana 2026"_s));
    QVERIFY(profile->staff().signIn(u"john"_s, u"kwaya ya vijana 2026"_s));
    test::FakeSecretStore secrets;
    BackupScheduler scheduler(profile->backups(), profile->settings(), secrets, profile.clock());
    BackupSettingsWidget widget(scheduler, profile.clock());
    widget.show();
    QVERIFY(!test::find<QPushButton>(&widget, "backUpNow")->isEnabled());
    QVERIFY(!test::find<QPushButton>(&widget, "restoreBackup")->isEnabled());
    QVERIFY(!test::find<QCheckBox>(&widget, "automaticBackups")->isEnabled());
    QVERIFY(!test::find<QPushButton>(&widget, "setBackupPassphrase")->isEnabled());
}

QTEST_MAIN(TestBackupSettings)
#include "TestBackupSettings.moc"
