// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Staff accounts shared between computers, as the window shows it: the first accounts arriving
// from another computer make this one ask for sign-in (the lock screen, with a user name box), an
// account disabled elsewhere locks the window, and a role changed elsewhere greys what the new role
// may not do at once. Another computer's batches are applied as the sync engine applies them, then
// StaffAccounts::refresh() runs, as the desktop connects it to SyncEngine::changesApplied.

#include "MainWindow.h"
#include "TestSupport.h"
#include "common/Language.h"
#include "security/LockScreen.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "sync/ReplicaApplier.h"
#include "sync/SyncOpCodec.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

const QString MaryPassword = u"Mlima wa Sayuni 7"_s;
const QString JohnPassword = u"kwaya ya vijana 2026"_s;

// Everything `from` has not handed out yet, applied on `to`.
bool share(test::TempProfile &from, test::TempProfile &to)
{
    ChangeLog log(from->database());
    for (;;) {
        const auto out = log.pendingOut(100);
        if (!out)
            return false;
        if (out->ops.isEmpty())
            break;
        const auto decoded = SyncOpCodec::decodeOps(SyncOpCodec::encodeOps(out->ops));
        if (!decoded || !ReplicaApplier(to->database(), to.clock()).apply(decoded->ops) || !log.markSent(out->upTo))
            return false;
    }
    to->staff().refresh();
    return true;
}

} // namespace

class TestSharedAccountsInTheWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void accountsArrivingAskForSignIn();
    void disabledElsewhereLocksTheWindow();
    void aRoleChangedElsewhereAppliesAtOnce();

private:
    // The office computer turns sign-in on (Mary) and adds John as staff.
    void officeAccounts();

    std::unique_ptr<test::TempProfile> m_here;
    std::unique_ptr<test::TempProfile> m_office;
};

void TestSharedAccountsInTheWindow::init()
{
    QVERIFY(Language::install(u"en"_s));
    m_here = std::make_unique<test::TempProfile>();
    m_office = std::make_unique<test::TempProfile>();
    (*m_here)->staff().setCost(Passwords::Cost::TestsOnly);
    (*m_office)->staff().setCost(Passwords::Cost::TestsOnly);
}

void TestSharedAccountsInTheWindow::cleanup()
{
    m_here.reset();
    m_office.reset();
}

void TestSharedAccountsInTheWindow::officeAccounts()
{
    StaffAccounts &office = (*m_office)->staff();
    QVERIFY(office.requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, MaryPassword));
    QVERIFY(office.add(u"john"_s, u"John Otieno"_s, Role::Staff, JohnPassword));
}

void TestSharedAccountsInTheWindow::accountsArrivingAskForSignIn()
{
    MainWindow window(**m_here);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.isLocked()); // no accounts here: open for whoever is at the computer
    officeAccounts();
    QVERIFY(share(*m_office, *m_here));
    test::settle();
    QVERIFY(window.isLocked());
    LockScreen *screen = window.lockScreen();
    QVERIFY(screen->isVisible());
    // Nobody was signed in here: the lock screen asks for a user name too.
    QVERIFY(test::find<QLineEdit>(screen, "lockUserNameEdit")->isVisible());
    QVERIFY(!window.findChild<QAction *>(u"settingsAction"_s)->isEnabled());
    if (const QString dir = qEnvironmentVariable("KENGELE_SCREENSHOT_DIR"); !dir.isEmpty())
        window.grab().save(dir + u"/shared-accounts-sign-in.png"_s);
    screen->setUserName(u"mary"_s);
    screen->setPassword(MaryPassword);
    QTest::mouseClick(test::find<QPushButton>(screen, "unlockButton"), Qt::LeftButton);
    QVERIFY2(!window.isLocked(), qPrintable(screen->errorText()));
    QCOMPARE((*m_here)->staff().signedIn()->userName, u"mary"_s);
    QVERIFY(window.findChild<QAction *>(u"lockAction"_s)->isVisible());
}

void TestSharedAccountsInTheWindow::disabledElsewhereLocksTheWindow()
{
    officeAccounts();
    QVERIFY(share(*m_office, *m_here));
    QVERIFY((*m_here)->staff().signIn(u"john"_s, JohnPassword));
    MainWindow window(**m_here);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.isLocked());
    QVERIFY((*m_office)->staff().setDisabled(u"john"_s, true));
    QVERIFY(share(*m_office, *m_here));
    test::settle();
    QVERIFY(window.isLocked());
    QVERIFY(!(*m_here)->staff().signedIn());
    LockScreen *screen = window.lockScreen();
    screen->setUserName(u"john"_s);
    screen->setPassword(JohnPassword);
    screen->unlock();
    QVERIFY(window.isLocked());
    QVERIFY(screen->errorText().contains(u"disabled"_s));
}

void TestSharedAccountsInTheWindow::aRoleChangedElsewhereAppliesAtOnce()
{
    officeAccounts();
    QVERIFY(share(*m_office, *m_here));
    QVERIFY((*m_here)->staff().signIn(u"john"_s, JohnPassword));
    MainWindow window(**m_here);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *send = window.findChild<QAction *>(u"sendSmsAction"_s);
    QVERIFY(send);
    QVERIFY(send->isEnabled()); // staff may send
    QVERIFY((*m_office)->staff().setRole(u"john"_s, Role::Viewer));
    QVERIFY(share(*m_office, *m_here));
    test::settle();
    QVERIFY(!window.isLocked());
    QCOMPARE((*m_here)->staff().signedIn()->role, Role::Viewer);
    QVERIFY(!send->isEnabled());
    QVERIFY((*m_office)->staff().setRole(u"john"_s, Role::Pastor));
    QVERIFY(share(*m_office, *m_here));
    test::settle();
    QVERIFY(send->isEnabled());
}

QTEST_MAIN(TestSharedAccountsInTheWindow)
#include "TestSharedAccountsInTheWindow.moc"
