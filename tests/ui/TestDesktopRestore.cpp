// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Restoring a backup in the running desktop application (DesktopApp): Settings → Backups hands a
// checked backup to the application, which closes the window and the profile, puts the backup in
// place, opens the profile again with a new window, and says where the data as it was is kept.
#include "DesktopApp.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "backup/PendingRestore.h"
#include "common/Language.h"
#include "contacts/ContactService.h"
#include "profile/Profile.h"
#include "security/AuditLog.h"

#include <QDir>
#include <QPointer>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

namespace {

// The application makes a secret store for each profile it opens; this one forwards to the test's,
// so that what was saved before the restore is still there after it, as in the keychain.
class ForwardingSecretStore final : public SecretStore
{
public:
    explicit ForwardingSecretStore(SecretStore &target)
        : m_target(target)
    { }
    void read(const QString &key, ReadCallback done) override { m_target.read(key, std::move(done)); }
    void write(const QString &key, const QString &secret, WriteCallback done) override
    {
        m_target.write(key, secret, std::move(done));
    }
    void remove(const QString &key, WriteCallback done) override { m_target.remove(key, std::move(done)); }

private:
    SecretStore &m_target;
};

} // namespace

class TestDesktopRestore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void restoreReplacesTheDataAndOpensANewWindow();

private:
    DesktopApp::SecretStoreFactory secretStores()
    {
        return [this](const QString &) {
            return std::make_unique<ForwardingSecretStore>(m_secrets);
        };
    }
    int contactCount(DesktopApp &app) { return app.profile()->contacts().count().value_or(-1); }

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FakeSecretStore m_secrets;
};

void TestDesktopRestore::init()
{
    Language::install(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_secrets.values.clear();
    MessageBox::setNextAnswer(QMessageBox::Ok);
}

void TestDesktopRestore::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
}

void TestDesktopRestore::restoreReplacesTheDataAndOpensANewWindow()
{
    const QString profileDir = m_dir->filePath(QStringLiteral("profile"));
    const QString backup = m_dir->filePath(QStringLiteral("sunday.kengele-backup"));
    const QString passphrase = QStringLiteral("long enough to keep");

    DesktopApp app(secretStores());
    QVERIFY(app.start(profileDir));
    QPointer<MainWindow> before = app.window();
    QVERIFY(before);
    QVERIFY(QTest::qWaitForWindowExposed(before));
    // The first start made the demo congregation; the backup holds it.
    const int members = contactCount(app);
    QVERIFY(members > 0);
    app.profile()->backups().setCost(Passwords::Cost::TestsOnly);
    const Result<BackupCreated> made = app.profile()->backups().create(backup, passphrase);
    QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
    // Someone added after the backup was made: gone after the restore, kept in the data set aside.
    QVERIFY(app.profile()->contacts().add({QStringLiteral("Baraka Otieno"), QString(), QStringLiteral("+254700999888"), {}, {}}));
    QCOMPARE(contactCount(app), members + 1);

    // What Settings → Backups does once the person has chosen the file, typed the passphrase and said yes.
    Result<std::unique_ptr<PendingRestore>> pending = app.profile()->backups().prepareRestore(backup, passphrase);
    QVERIFY2(pending, qPrintable(pending ? QString() : pending.error().message));
    const QString keptAside = (*pending)->previousPath();
    app.backupScheduler()->stageRestore(std::move(*pending));

    // The old window goes, a new one comes with the backup's data.
    QTRY_VERIFY_WITH_TIMEOUT(before.isNull(), 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(app.window() != nullptr && app.window()->isVisible(), 30'000);
    QVERIFY(app.profile());
    QCOMPARE(contactCount(app), members);
    QVERIFY(!app.profile()->contacts().findByPhone(u"+254700999888"));
    QVERIFY2(MessageBox::lastText().contains(QLatin1String("The backup was restored")), qPrintable(MessageBox::lastText()));
    QVERIFY2(MessageBox::lastText().contains(QDir::toNativeSeparators(keptAside)), qPrintable(MessageBox::lastText()));
    QVERIFY(QFile::exists(keptAside));
    // The restored trail holds and ends with the restore.
    const Result<AuditCheck> holds = app.profile()->audit().verify();
    QVERIFY(holds);
    QVERIFY2(holds->ok, qPrintable(holds->reason));
    AuditFilter restores;
    restores.action = QStringLiteral("backup.restore");
    QCOMPARE(app.profile()->audit().list(restores)->size(), 1);
    // The application goes on working with it: a change is saved in the restored store.
    QVERIFY(app.profile()->contacts().add({QStringLiteral("Baraka Otieno"), QString(), QStringLiteral("+254700999888"), {}, {}}));
    QCOMPARE(contactCount(app), members + 1);
    QVERIFY(app.backupScheduler());
    QVERIFY(app.backupScheduler()->takeStagedRestore() == nullptr);
}

QTEST_MAIN(TestDesktopRestore)

#include "TestDesktopRestore.moc"
