// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "common/Language.h"
#include "contacts/ContactsPage.h"
#include "demo/DemoCongregation.h"
#include "security/AuditLog.h"
#include "security/IdleWatcher.h"
#include "security/LockScreen.h"
#include "security/SignInDialog.h"
#include "security/StaffAccounts.h"
#include "settings/AuditTrailWidget.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "settings/StaffAccountDialog.h"
#include "settings/StaffSettingsWidget.h"
#include "storage/Database.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaSchema.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace kengele;
using namespace Qt::StringLiterals;

// Signing in, locking (by hand and when idle), Settings → Staff and roles following the role, and
// Settings → Audit trail: its entries, its export and print, and the red banner when the database
// was changed behind Kengele's back.
class TestStaffAndAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signInDialogSaysWhyAndSignsIn();
    void windowOpensLockedWhenNobodySignedIn();
    void lockHidesEverythingAndUnlockSignsIn();
    void unlockAsSomeoneElse();
    void idleLockFires();
    void staffPageOffOffersRequireSignIn();
    void staffPageButtonsFollowTheRole();
    void staffDialogsSayWhyTheyRefuse();
    void settingsDialogHasTheTwoTabs();
    void auditPageShowsEntriesAndFilters();
    void auditPageIsForAdministratorsOnly();
    void auditPageShowsARedBannerWhenTampered();
    void auditPageShowsOtherComputers();
    void auditExportAndPrint();

private:
    StaffAccounts &staff() { return (*m_profile)->staff(); }
    // Sign-in on, Mary the administrator signed in, with Vera (viewer) and John (staff).
    void requireSignIn();
    // Runs `action`, answering the modal StaffAccountDialog it opens with `answer`.
    bool onDialog(const std::function<void(StaffAccountDialog *)> &answer, const std::function<void()> &action);
    void tamper(const QString &statement);

    std::unique_ptr<test::TempProfile> m_profile;
};

namespace {
const QString MaryPassword = u"our choir sings at nine"_s;
const QString VeraPassword = u"tea after the service"_s;
const QString JohnPassword = u"bells ring on sunday"_s;
} // namespace

void TestStaffAndAudit::init()
{
    QVERIFY(Language::install(u"en"_s));
    m_profile = std::make_unique<test::TempProfile>();
    staff().setCost(Passwords::Cost::TestsOnly);
    MessageBox::setNextAnswer(std::nullopt);
}

void TestStaffAndAudit::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_profile.reset();
}

void TestStaffAndAudit::requireSignIn()
{
    QVERIFY(staff().requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, MaryPassword));
    QVERIFY(staff().add(u"vera"_s, u"Vera Achieng"_s, Role::Viewer, VeraPassword));
    QVERIFY(staff().add(u"john"_s, u"John Otieno"_s, Role::Staff, JohnPassword));
    QCOMPARE(staff().signedIn()->userName, u"mary"_s);
}

bool TestStaffAndAudit::onDialog(const std::function<void(StaffAccountDialog *)> &answer, const std::function<void()> &action)
{
    bool seen = false;
    QTimer::singleShot(0, this, [&seen, &answer] {
        auto *dialog = qobject_cast<StaffAccountDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        answer(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    action();
    return seen;
}

void TestStaffAndAudit::tamper(const QString &statement)
{
    const QString name = u"tamper"_s;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        raw.setDatabaseName((*m_profile)->databasePath());
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"DROP TRIGGER IF EXISTS audit_log_append_only_update"_s));
        QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestStaffAndAudit::signInDialogSaysWhyAndSignsIn()
{
    requireSignIn();
    QVERIFY(staff().setDisabled(u"john"_s, true));
    staff().lock();
    SignInDialog dialog(staff());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    dialog.signIn(); // no user name
    QVERIFY(!dialog.errorText().isEmpty());
    dialog.setUserName(u"mary"_s);
    dialog.setPassword(u"not the password"_s);
    QTest::mouseClick(test::find<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
    const QString wrong = dialog.errorText();
    QVERIFY(!wrong.isEmpty());
    QVERIFY(dialog.isVisible());
    QVERIFY(!staff().signedIn());
    QVERIFY(test::find<QLineEdit>(&dialog, "passwordEdit")->text().isEmpty());

    dialog.setUserName(u"john"_s);
    dialog.setPassword(JohnPassword);
    dialog.signIn();
    QVERIFY(!dialog.errorText().isEmpty());
    QVERIFY(dialog.errorText() != wrong); // a disabled account says so
    QVERIFY(!staff().signedIn());

    dialog.setUserName(u"mary"_s);
    dialog.setPassword(MaryPassword);
    dialog.signIn();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(staff().signedIn()->userName, u"mary"_s);

    // Too many wrong passwords: the core's "wait" in the dialog.
    staff().lock();
    SignInDialog again(staff());
    again.setUserName(u"vera"_s);
    QString last;
    for (int i = 0; i <= StaffAccounts::FreeFailures; ++i) {
        again.setPassword(u"guess %1 wrong"_s.arg(i));
        again.signIn();
        last = again.errorText();
    }
    QVERIFY(!last.isEmpty());
    QVERIFY2(last != wrong, qPrintable(last));
    again.setPassword(VeraPassword);
    again.signIn(); // still waiting: refused even with the right password
    QVERIFY(!staff().signedIn());
    QVERIFY(!again.errorText().isEmpty());
}

void TestStaffAndAudit::windowOpensLockedWhenNobodySignedIn()
{
    requireSignIn();
    staff().lock();
    MainWindow window(**m_profile);
    window.show();
    QVERIFY(window.isLocked());
    QVERIFY(!window.contactsPage()->isVisible());
    QVERIFY(window.lockScreen()->isVisible());
}

void TestStaffAndAudit::lockHidesEverythingAndUnlockSignsIn()
{
    QVERIFY(DemoCongregation::populate(**m_profile));
    // Without sign-in there is nothing to lock.
    {
        MainWindow window(**m_profile);
        window.show();
        auto *lock = window.findChild<QAction *>(u"lockAction"_s);
        QVERIFY(lock);
        QVERIFY(!lock->isVisible());
        window.lock();
        QVERIFY(!window.isLocked());
    }
    requireSignIn();
    MainWindow window(**m_profile);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *lock = window.findChild<QAction *>(u"lockAction"_s);
    QVERIFY(lock->isVisible());
    QCOMPARE(lock->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
    window.showPage(MainWindow::ContactsPageIndex); // (the window opens on the dashboard)
    QVERIFY(window.contactsPage()->isVisible());

    lock->trigger();
    QVERIFY(window.isLocked());
    QVERIFY(!staff().signedIn());
    QVERIFY(!window.contactsPage()->isVisible());
    QVERIFY(!window.statusBar()->isVisible());
    QVERIFY(!window.findChild<QAction *>(u"settingsAction"_s)->isEnabled());
    QVERIFY(!window.findChild<QAction *>(u"sendSmsAction"_s)->isEnabled());
    QVERIFY(window.lockScreen()->isVisible());
    QVERIFY2(window.lockScreen()->lockedByText().contains(u"Mary Wanjiku"_s), qPrintable(window.lockScreen()->lockedByText()));
    // No member's name anywhere on the screen.
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (label->isVisible())
            QVERIFY2(!label->text().contains(u"Wanjiru"_s) && !label->text().contains(u"contact"_s), qPrintable(label->text()));
    }
    const Result<QList<AuditEntry>> locks = (*m_profile)->audit().list(AuditFilter{{}, {}, u"lock"_s, 0});
    QVERIFY(locks);
    QCOMPARE(locks->size(), 1);
    QCOMPARE(locks->first().user, u"mary"_s);

    window.lockScreen()->setPassword(u"wrong wrong wrong"_s);
    QTest::mouseClick(test::find<QPushButton>(&window, "unlockButton"), Qt::LeftButton);
    QVERIFY(window.isLocked());
    QVERIFY(!window.lockScreen()->errorText().isEmpty());

    window.lockScreen()->setPassword(MaryPassword);
    QTest::mouseClick(test::find<QPushButton>(&window, "unlockButton"), Qt::LeftButton);
    QVERIFY(!window.isLocked());
    QCOMPARE(staff().signedIn()->userName, u"mary"_s);
    QVERIFY(window.contactsPage()->isVisible());
    QVERIFY(window.statusBar()->isVisible());
    QVERIFY(window.findChild<QAction *>(u"settingsAction"_s)->isEnabled());
    QVERIFY(window.idleWatcher()->isActive());
}

void TestStaffAndAudit::unlockAsSomeoneElse()
{
    requireSignIn();
    MainWindow window(**m_profile);
    window.show();
    window.lock();
    LockScreen *screen = window.lockScreen();
    QTest::mouseClick(test::find<QPushButton>(screen, "someoneElseButton"), Qt::LeftButton);
    QVERIFY(test::find<QLineEdit>(screen, "lockUserNameEdit")->isVisible());
    screen->setUserName(u"john"_s);
    screen->setPassword(JohnPassword);
    screen->unlock();
    QVERIFY(!window.isLocked());
    QCOMPARE(staff().signedIn()->userName, u"john"_s);
}

void TestStaffAndAudit::idleLockFires()
{
    requireSignIn();
    QCOMPARE((*m_profile)->settings().idleLockMinutes(), 15);
    MainWindow window(**m_profile);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    IdleWatcher *idle = window.idleWatcher();
    QVERIFY(idle->isActive());
    QCOMPARE(idle->interval(), 15 * 60 * 1000);
    (*m_profile)->settings().setIdleLockMinutes(0); // never
    QVERIFY(!idle->isActive());
    (*m_profile)->settings().setIdleLockMinutes(5);
    QCOMPARE(idle->interval(), 5 * 60 * 1000);
    QVERIFY(idle->isActive());
    QVERIFY(!window.isLocked());

    // Driven: a short interval, then no input.
    idle->setInterval(50);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 10000);
    QVERIFY(!staff().signedIn());
    QVERIFY(!idle->isActive()); // stays quiet while locked
    window.lockScreen()->setPassword(MaryPassword);
    window.lockScreen()->unlock();
    QVERIFY(!window.isLocked());
    QVERIFY(idle->isActive());
}

void TestStaffAndAudit::staffPageOffOffersRequireSignIn()
{
    StaffSettingsWidget page(staff(), (*m_profile)->settings());
    page.show();
    auto *require = test::find<QPushButton>(&page, "requireSignInButton");
    QVERIFY(require->isVisible());

    const bool seen = onDialog(
        [](StaffAccountDialog *dialog) {
            QCOMPARE(dialog->mode(), StaffAccountDialog::Mode::RequireSignIn);
            dialog->setDisplayName(u"Mary Wanjiku"_s);
            dialog->setUserName(u"mary"_s);
            dialog->setPasswords(u"password123"_s, u"password123"_s);
            QVERIFY(!dialog->submit()); // a common password: the core says why
            QVERIFY(!dialog->errorText().isEmpty());
            dialog->setPasswords(MaryPassword, MaryPassword);
            QVERIFY2(dialog->submit(), qPrintable(dialog->errorText()));
        },
        [&] { QTest::mouseClick(require, Qt::LeftButton); });
    QVERIFY(seen);
    QVERIFY(*staff().signInRequired());
    QVERIFY(!require->isVisible());
    QCOMPARE(page.table()->rowCount(), 1);
    QCOMPARE(page.table()->item(0, 2)->text(), RoleText::name(Role::Administrator));
}

void TestStaffAndAudit::staffPageButtonsFollowTheRole()
{
    requireSignIn();
    StaffSettingsWidget page(staff(), (*m_profile)->settings());
    page.show();
    QCOMPARE(page.table()->rowCount(), 3);
    const QStringList adminButtons{u"addStaffButton"_s, u"changeRoleButton"_s, u"disableButton"_s, u"resetPasswordButton"_s};
    for (const QString &name : adminButtons)
        QVERIFY2(page.findChild<QPushButton *>(name)->isVisible(), qPrintable(name));
    QVERIFY(test::find<QSpinBox>(&page, "idleLockSpin")->isEnabled());
    // Role descriptions for people who are not engineers.
    QVERIFY(test::find<QLabel>(&page, "roleDescriptions")->text().contains(RoleText::description(Role::Viewer).toHtmlEscaped()));

    // Disable John: asked first, then the table says so and the button offers Enable.
    QVERIFY(page.selectAccount(u"john"_s));
    auto *disable = test::find<QPushButton>(&page, "disableButton");
    QCOMPARE(disable->text(), u"Disable"_s);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(disable, Qt::LeftButton);
    QVERIFY(staff().find(u"john"_s)->disabled);
    QCOMPARE(disable->text(), u"Enable"_s);
    QTest::mouseClick(disable, Qt::LeftButton);
    QVERIFY(!staff().find(u"john"_s)->disabled);

    // Change Vera's role through its dialog.
    QVERIFY(page.selectAccount(u"vera"_s));
    QVERIFY(onDialog(
        [](StaffAccountDialog *dialog) {
            dialog->setRole(Role::Pastor);
            QVERIFY(dialog->submit());
        },
        [&] { page.changeRole(); }));
    QCOMPARE(staff().find(u"vera"_s)->role, Role::Pastor);
    QVERIFY(page.selectAccount(u"vera"_s));
    QCOMPARE(page.table()->item(page.table()->currentRow(), 2)->text(), RoleText::name(Role::Pastor));
    QVERIFY(staff().setRole(u"vera"_s, Role::Viewer));

    // A viewer: no administrator buttons, the reason instead; their own password still.
    staff().lock();
    QVERIFY(staff().signIn(u"vera"_s, VeraPassword));
    for (const QString &name : adminButtons)
        QVERIFY2(!page.findChild<QPushButton *>(name)->isVisible(), qPrintable(name));
    auto *why = test::find<QLabel>(&page, "adminOnlyLabel");
    QVERIFY(why->isVisible());
    QVERIFY(why->text().contains(RoleText::refusal(Permission::Administer)));
    QVERIFY(!test::find<QSpinBox>(&page, "idleLockSpin")->isEnabled());
    auto *own = test::find<QPushButton>(&page, "changeOwnPasswordButton");
    QVERIFY(own->isVisible() && own->isEnabled());
    const QString newPassword = u"new hymn books arrived"_s;
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(onDialog(
        [&](StaffAccountDialog *dialog) {
            QCOMPARE(dialog->mode(), StaffAccountDialog::Mode::ChangeOwnPassword);
            dialog->setCurrentPassword(VeraPassword);
            dialog->setPasswords(newPassword, newPassword);
            QVERIFY2(dialog->submit(), qPrintable(dialog->errorText()));
        },
        [&] { QTest::mouseClick(own, Qt::LeftButton); }));
    staff().lock();
    QVERIFY(staff().signIn(u"vera"_s, newPassword));
}

void TestStaffAndAudit::staffDialogsSayWhyTheyRefuse()
{
    requireSignIn();
    StaffAccountDialog add(staff(), StaffAccountDialog::Mode::Add);
    add.show();
    add.setDisplayName(u"Grace Njeri"_s);
    add.setUserName(u"grace"_s);
    add.setPasswords(u"singing in the rain"_s, u"singing in the rain!"_s);
    QVERIFY(!add.submit());
    QVERIFY(add.errorText().contains(u"not the same"_s));
    add.setPasswords(u"short"_s, u"short"_s);
    QVERIFY(!add.submit());
    QVERIFY(!add.errorText().isEmpty());
    QVERIFY(!staff().find(u"grace"_s));
    add.setRole(Role::Pastor);
    add.setPasswords(u"singing in the rain"_s, u"singing in the rain"_s);
    QVERIFY2(add.submit(), qPrintable(add.errorText()));
    QCOMPARE(staff().find(u"grace"_s)->role, Role::Pastor);
    QCOMPARE(test::find<QLabel>(&add, "roleDescriptionLabel")->text(), RoleText::description(Role::Pastor));

    // The last administrator cannot be demoted: the core's words.
    Result<StaffAccount> mary = staff().find(u"mary"_s);
    StaffAccountDialog role(staff(), StaffAccountDialog::Mode::ChangeRole, *mary);
    role.setRole(Role::Viewer);
    QVERIFY(!role.submit());
    QVERIFY(!role.errorText().isEmpty());
    QCOMPARE(staff().find(u"mary"_s)->role, Role::Administrator);
}

void TestStaffAndAudit::settingsDialogHasTheTwoTabs()
{
    requireSignIn();
    MainWindow window(**m_profile);
    window.show();
    bool seen = false;
    QTimer::singleShot(0, this, [&seen] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = dialog->findChild<StaffSettingsWidget *>() && dialog->findChild<AuditTrailWidget *>();
        dialog->reject();
    });
    window.openSettings();
    QVERIFY(seen);
}

void TestStaffAndAudit::auditPageShowsEntriesAndFilters()
{
    requireSignIn();
    staff().lock();
    QVERIFY(!staff().signIn(u"john"_s, u"not his password"_s));
    QVERIFY(staff().signIn(u"john"_s, JohnPassword));
    staff().lock();
    QVERIFY(staff().signIn(u"mary"_s, MaryPassword));
    AuditTrailWidget page((*m_profile)->audit(), staff());
    page.show();
    const Result<QList<AuditEntry>> all = (*m_profile)->audit().list();
    QVERIFY(all && all->size() >= 5);
    QCOMPARE(page.table()->rowCount(), int(all->size()));
    QVERIFY2(page.checkText().contains(u"%1 entries, unbroken"_s.arg(all->size())), qPrintable(page.checkText()));
    QVERIFY(page.brokenText().isEmpty());
    // Newest first, in local time, with user, computer, action, object.
    QCOMPARE(page.table()->item(0, 3)->text(), all->first().action);
    QCOMPARE(page.table()->item(0, 1)->text(), u"mary"_s);
    QCOMPARE(page.table()->item(0, 2)->text(), all->first().device);

    page.setActionFamily(u"users"_s);
    QVERIFY(page.table()->rowCount() >= 2);
    for (const AuditEntry &entry : page.entries())
        QVERIFY2(entry.action.startsWith(u"users."_s), qPrintable(entry.action));
    page.setActionFamily(QString());
    page.setUser(u"john"_s);
    QVERIFY(!page.entries().isEmpty());
    for (const AuditEntry &entry : page.entries())
        QCOMPARE(entry.user, u"john"_s);
    page.setUser(QString());
    page.setSince(QDate(2100, 1, 1));
    QCOMPARE(page.table()->rowCount(), 0);
    QVERIFY(test::find<QLabel>(&page, "auditEmptyLabel")->isVisible());
    QVERIFY(!test::find<QPushButton>(&page, "auditExportButton")->isEnabled());
    page.setSince(QDate());
    QCOMPARE(page.table()->rowCount(), int(all->size()));
    // One computer alone: no choice of computer.
    QVERIFY(!test::find<QComboBox>(&page, "auditComputerCombo")->isVisible());
}

void TestStaffAndAudit::auditPageIsForAdministratorsOnly()
{
    requireSignIn();
    staff().lock();
    QVERIFY(staff().signIn(u"john"_s, JohnPassword));
    AuditTrailWidget page((*m_profile)->audit(), staff());
    page.show();
    auto *why = test::find<QLabel>(&page, "auditRefusedLabel");
    QVERIFY(why->isVisible());
    QVERIFY(why->text().contains(RoleText::refusal(Permission::Administer)));
    QVERIFY(!page.table()->isVisible());
    QCOMPARE(page.table()->rowCount(), 0);
    QVERIFY(page.entries().isEmpty());
    // An administrator signing in on the same screen sees it.
    staff().lock();
    QVERIFY(staff().signIn(u"mary"_s, MaryPassword));
    QVERIFY(page.table()->isVisible());
    QVERIFY(page.table()->rowCount() > 0);
}

void TestStaffAndAudit::auditPageShowsARedBannerWhenTampered()
{
    requireSignIn();
    tamper(u"UPDATE audit_log SET summary = 'nothing happened' WHERE id = 2"_s);
    AuditTrailWidget page((*m_profile)->audit(), staff());
    page.show();
    auto *banner = test::find<QLabel>(&page, "auditBrokenBanner");
    QVERIFY(banner->isVisible());
    QVERIFY2(page.brokenText().contains(u"Entry 2 "_s), qPrintable(page.brokenText()));
    const Result<AuditCheck> check = (*m_profile)->audit().verify();
    QVERIFY(check && !check->ok);
    QVERIFY(page.brokenText().contains(check->reason));
    QVERIFY(page.checkText().isEmpty());
    QTest::mouseClick(test::find<QPushButton>(&page, "checkTrailButton"), Qt::LeftButton);
    QVERIFY(banner->isVisible());
}

void TestStaffAndAudit::auditPageShowsOtherComputers()
{
    requireSignIn();
    // Entries 1 and 3 of "Office desktop" arrived (2 is still to come).
    const QString other = u"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"_s;
    QList<SyncOp> ops;
    QString previous = AuditLog::zeroHash();
    for (int id = 1; id <= 3; ++id) {
        AuditEntry e{id,
                     QDateTime::fromMSecsSinceEpoch(m_profile->clock().nowMs() - 60'000 + id, Qt::UTC),
                     u"peter"_s,
                     u"Office desktop"_s,
                     u"contacts.add"_s,
                     u"contact:%1"_s.arg(id),
                     u"Added a contact"_s,
                     {},
                     {}};
        e.hash = AuditLog::chainHash(previous, e);
        previous = e.hash;
        if (id == 2)
            continue;
        const QList<std::pair<QString, QCborValue>> fields{{u"id"_s, e.id},           {u"at"_s, e.time.toMSecsSinceEpoch()},
                                                           {u"user_name"_s, e.user},  {u"device_name"_s, e.device},
                                                           {u"action"_s, e.action},   {u"object"_s, e.object},
                                                           {u"summary"_s, e.summary}, {u"hash"_s, e.hash}};
        for (const auto &[field, value] : fields)
            ops.append(SyncOp{QString(ReplicaSchema::AuditEntry), other + u'/' + QString::number(id), field, value, quint64(id),
                              other, u"peter"_s, 0});
    }
    QVERIFY(ReplicaApplier((*m_profile)->database(), m_profile->clock()).apply(ops));
    AuditTrailWidget page((*m_profile)->audit(), staff());
    page.resize(900, 500);
    page.show();
    const qsizetype own = (*m_profile)->audit().list()->size();
    QCOMPARE(page.table()->rowCount(), int(own)); // this computer's trail first
    auto *choice = test::find<QComboBox>(&page, "auditComputerCombo");
    QVERIFY(choice->isVisible());
    QCOMPARE(choice->count(), 3);
    QCOMPARE(choice->itemText(1), u"Office desktop"_s);

    choice->setCurrentIndex(1);
    QCOMPARE(page.table()->rowCount(), 2);
    QCOMPARE(page.table()->item(0, 2)->text(), u"Office desktop"_s);
    QCOMPARE(page.table()->item(0, 1)->text(), u"peter"_s);
    QVERIFY(page.brokenText().isEmpty());
    QVERIFY2(page.checkText().contains(u"arrived"_s), qPrintable(page.checkText()));
    test::settle();
    page.grab().save(u"/tmp/kengele-audit-other-computer.png"_s);

    page.setComputer(QString(AuditFilter::AllComputers));
    QCOMPARE(page.table()->rowCount(), int(own) + 2);
    QVERIFY2(page.checkText().contains(u"Office desktop"_s), qPrintable(page.checkText()));
    test::settle();
    page.grab().save(u"/tmp/kengele-audit-all-computers.png"_s);

    // A received entry changed in the file: the red banner names that computer.
    tamper(u"DROP TRIGGER audit_remote_append_only_update"_s);
    tamper(u"UPDATE audit_remote SET summary = 'nothing happened' WHERE entry_id = 1"_s);
    page.setComputer(other);
    QVERIFY2(page.brokenText().contains(u"Office desktop"_s), qPrintable(page.brokenText()));
    QVERIFY2(page.brokenText().contains(u"Entry 1 "_s), qPrintable(page.brokenText()));
    page.setComputer(QString());
    QVERIFY(page.brokenText().isEmpty()); // this computer's own trail holds
}

void TestStaffAndAudit::auditExportAndPrint()
{
    requireSignIn();
    AuditTrailWidget page((*m_profile)->audit(), staff());
    page.show();
    page.setActionFamily(u"users"_s);
    const QList<AuditEntry> shown = page.entries();
    QVERIFY(shown.size() >= 2); // Vera and John added
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"audit.csv"_s);
    QCOMPARE(page.exportCsv(csv), QString());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll().mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), shown.size() + 1);
    QCOMPARE(lines.first(), u"Id,Time,User,Computer,Action,Object,Summary,Hash"_s);
    QVERIFY(lines.at(1).startsWith(QString::number(shown.first().id) + u','));
    QVERIFY(lines.join(u'\n').contains(u",users.add,user:vera,"_s));
    for (const QString &line : lines)
        QVERIFY2(!line.contains(MaryPassword) && !line.contains(VeraPassword), "a password in the export");
    QVERIFY(page.exportCsv(dir.filePath(u"no/such/folder/audit.csv"_s)).contains(u"audit.csv"_s));

    const QString pdf = dir.filePath(u"audit.pdf"_s);
    QCOMPARE(page.printToPdf(pdf), QString());
    QFile printed(pdf);
    QVERIFY(printed.open(QIODevice::ReadOnly));
    QVERIFY(printed.read(5) == "%PDF-");
    QVERIFY(printed.size() > 1000);
}

QTEST_MAIN(TestStaffAndAudit)
#include "TestStaffAndAudit.moc"
