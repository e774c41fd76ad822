// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "WelcomePage.h"
#include "campaigns/CampaignsPage.h"
#include "common/Language.h"
#include "contacts/ContactsPage.h"
#include "contacts/GroupService.h"
#include "demo/DemoCongregation.h"
#include "groups/GroupsPage.h"
#include "inbox/InboxPage.h"
#include "security/LockScreen.h"
#include "security/RoleGate.h"
#include "security/StaffAccounts.h"
#include "templates/TemplatesPage.h"
#include "tokens/TokensPage.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QtTest>

#include <functional>

using namespace kengele;
using namespace Qt::StringLiterals;

// Every page greys what the person at the computer may not do (docs/architecture.md §7), says why
// in RoleText's words, and follows whoever signs in next, without the window being built again.
class TestRoleGate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void gateFollowsWhatThePageWants();
    void withoutSignInEverythingIsAllowed();
    void everyPageFollowsWhoSignsIn();
    void roleChangedInSettingsIsFollowed();
    void viewerGetsNoComposeDialogNorContactForm();
    void contactsPageOfAViewerScreenshot();

private:
    // What each role may do here, written out rather than read from allows().
    struct Expected {
        bool edit = false;
        bool exportContacts = false;
        bool send = false;
        bool tokens = false;
    };
    StaffAccounts &staff() { return (*m_profile)->staff(); }
    // Sign-in on: Mary (administrator) signed in, Vera (viewer), John (staff), Peter (pastor).
    void requireSignIn();
    // File → Lock, then "someone else" on the lock screen.
    void signInThroughLockScreen(MainWindow &window, const QString &userName, const QString &password);
    // Every gated control of the window and its pages.
    void checkWindow(MainWindow &window, const Expected &expected);
    // Runs `action`; any modal dialog it opens is closed at once and counted.
    int dialogsOpenedBy(const std::function<void()> &action);

    std::unique_ptr<test::TempProfile> m_profile;
};

namespace {

const QString MaryPassword = u"our choir sings at nine"_s;
const QString VeraPassword = u"tea after the service"_s;
const QString JohnPassword = u"bells ring on sunday"_s;
const QString PeterPassword = u"psalm twenty three please"_s;

// `control` can be used exactly when `allowed` (and its page wants it: `wanted`); refused, its
// tooltip gives RoleText's reason.
void expectGate(QWidget *control, bool allowed, Permission permission, bool wanted = true)
{
    QVERIFY(control);
    QVERIFY2(RoleGate::allowed(control) == allowed, qPrintable(control->objectName()));
    if (wanted)
        QVERIFY2(control->isEnabled() == allowed, qPrintable(control->objectName()));
    if (!allowed) {
        QVERIFY2(!control->isEnabled(), qPrintable(control->objectName()));
        QCOMPARE(control->toolTip(), RoleText::refusal(permission));
    } else {
        QVERIFY2(control->toolTip() != RoleText::refusal(permission), qPrintable(control->objectName()));
    }
}

void expectGate(QAction *action, bool allowed, Permission permission)
{
    QVERIFY(action);
    QVERIFY2(action->isEnabled() == allowed, qPrintable(action->objectName()));
    if (!allowed)
        QCOMPARE(action->statusTip(), RoleText::refusal(permission));
}

} // namespace

void TestRoleGate::init()
{
    QVERIFY(Language::install(u"en"_s));
    m_profile = std::make_unique<test::TempProfile>();
    staff().setCost(Passwords::Cost::TestsOnly);
    QVERIFY(DemoCongregation::populate(**m_profile, 24));
    MessageBox::setNextAnswer(std::nullopt);
}

void TestRoleGate::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_profile.reset();
}

void TestRoleGate::requireSignIn()
{
    QVERIFY(staff().requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, MaryPassword));
    QVERIFY(staff().add(u"vera"_s, u"Vera Achieng"_s, Role::Viewer, VeraPassword));
    QVERIFY(staff().add(u"john"_s, u"John Otieno"_s, Role::Staff, JohnPassword));
    QVERIFY(staff().add(u"peter"_s, u"Peter Kamau"_s, Role::Pastor, PeterPassword));
    QCOMPARE(staff().signedIn()->userName, u"mary"_s);
}

void TestRoleGate::signInThroughLockScreen(MainWindow &window, const QString &userName, const QString &password)
{
    window.lock();
    QVERIFY(window.isLocked());
    // Locked, nothing may be done: nobody is at the computer.
    QVERIFY(!window.findChild<QAction *>(u"sendSmsAction"_s)->isEnabled());
    LockScreen *screen = window.lockScreen();
    QTest::mouseClick(test::find<QPushButton>(screen, "someoneElseButton"), Qt::LeftButton);
    screen->setUserName(userName);
    screen->setPassword(password);
    screen->unlock();
    QVERIFY(!window.isLocked());
    QCOMPARE(staff().signedIn()->userName, userName);
}

void TestRoleGate::checkWindow(MainWindow &window, const Expected &e)
{
    const Permission Edit = Permission::EditContacts;
    const Permission Export = Permission::ExportContacts;
    const Permission Send = Permission::SendCampaigns;
    const Permission Tokens = Permission::ManageTokens;

    // The window: File and the sidebar.
    expectGate(window.findChild<QAction *>(u"sendSmsAction"_s), e.send, Send);
    expectGate(window.findChild<QAction *>(u"importContactsAction"_s), e.edit, Edit);
    expectGate(window.findChild<QAction *>(u"exportContactsAction"_s), e.exportContacts, Export);
    expectGate(window.findChild<QAction *>(u"removeDemoAction"_s), e.edit, Edit);
    expectGate(test::find<QPushButton>(&window, "sidebarSendButton"), e.send, Send);
    // Nobody loses what needs no role: Settings, Lock, search.
    QVERIFY(window.findChild<QAction *>(u"settingsAction"_s)->isEnabled());
    QVERIFY(window.findChild<QAction *>(u"searchAction"_s)->isEnabled());
    if (QTest::currentTestFailed())
        return;

    // Contacts, one person selected.
    ContactsPage *contacts = window.contactsPage();
    contacts->view()->clearSelection();
    contacts->view()->selectRow(0);
    for (const char *name : {"addButton", "editButton", "deleteButton", "importButton"})
        expectGate(test::find<QPushButton>(contacts, name), e.edit, Edit);
    // Opting out and allowing again depend on the person chosen too.
    expectGate(test::find<QPushButton>(contacts, "optOutButton"), e.edit, Edit, false);
    expectGate(test::find<QPushButton>(contacts, "allowSmsButton"), e.edit, Edit, false);
    expectGate(test::find<QPushButton>(contacts, "exportButton"), e.exportContacts, Export);
    expectGate(test::find<QPushButton>(contacts, "sendSmsButton"), e.send, Send);
    QCOMPARE(test::find<QPushButton>(contacts, "emptyAddButton")->isHidden(), !e.edit);
    QCOMPARE(test::find<QPushButton>(contacts, "emptyImportButton")->isHidden(), !e.edit);
    QCOMPARE(contacts->view()->dragEnabled(), e.edit);
    // Not held back by any role.
    QVERIFY(test::find<QLineEdit>(contacts, "searchEdit")->isEnabled());
    if (QTest::currentTestFailed())
        return;

    // Groups, one group chosen.
    GroupsPage *groups = window.groupsPage();
    const Result<QList<Group>> list = (*m_profile)->groups().list();
    QVERIFY(list && !list->isEmpty());
    groups->selectGroup(list->first().id);
    for (const char *name : {"newGroupButton", "renameGroupButton", "deleteGroupButton"})
        expectGate(test::find<QPushButton>(groups, name), e.edit, Edit);
    expectGate(test::find<QPushButton>(groups, "removeMembersButton"), e.edit, Edit, false);
    expectGate(test::find<QPushButton>(groups, "addMembersButton"), e.edit, Edit, false);
    expectGate(test::find<QPushButton>(groups, "sendSmsToGroupButton"), e.send, Send);
    QCOMPARE(groups->candidatesView()->dragEnabled(), e.edit);
    QCOMPARE(groups->membersView()->acceptDrops(), e.edit);
    if (QTest::currentTestFailed())
        return;

    // Templates: read-only for whoever may not edit them.
    TemplatesPage *templates = window.templatesPage();
    expectGate(test::find<QPushButton>(templates, "newTemplateButton"), e.edit, Edit);
    expectGate(test::find<QPushButton>(templates, "deleteTemplateButton"), e.edit, Edit, false);
    expectGate(test::find<QPushButton>(templates, "saveTemplateButton"), e.edit, Edit, false);
    QCOMPARE(test::find<QLineEdit>(templates, "templateNameEdit")->isReadOnly(), !e.edit);
    if (QTest::currentTestFailed())
        return;

    // Sent SMS: a new campaign, and what can be done to one.
    CampaignsPage *campaigns = window.campaignsPage();
    expectGate(test::find<QPushButton>(campaigns, "newCampaignButton"), e.send, Send);
    QCOMPARE(test::find<QPushButton>(campaigns, "emptySendButton")->isHidden(), !e.send);
    for (const char *name : {"pauseButton", "resumeButton", "editButton", "cancelButton", "sendNowButton",
                             "resendUncertainButton", "retryFailedButton"})
        expectGate(test::find<QPushButton>(campaigns, name), e.send, Send, false);
    if (QTest::currentTestFailed())
        return;

    // Inbox: the reply, and keeping a sender as a contact.
    InboxPage *inbox = window.inboxPage();
    expectGate(test::find<QGroupBox>(inbox, "replyBox"), e.send, Send);
    expectGate(test::find<QPushButton>(inbox, "addSenderButton"), e.edit, Edit);
    expectGate(test::find<QPushButton>(inbox, "addAfterReplyButton"), e.edit, Edit);
    if (QTest::currentTestFailed())
        return;

    // Tokens: buying, moving and budgets are for administrators.
    TokensPage *tokens = window.tokensPage();
    expectGate(test::find<QPushButton>(tokens, "addBudgetButton"), e.tokens, Tokens);
    expectGate(test::find<QPushButton>(tokens, "warningLevelButton"), e.tokens, Tokens);
    for (const char *name : {"buyTokensButton", "transferButton", "renameBudgetButton", "tokensUsageBuyButton"})
        expectGate(test::find<QPushButton>(tokens, name), e.tokens, Tokens, false);
    if (QTest::currentTestFailed())
        return;

    // The welcome page's first two steps.
    expectGate(test::find<QPushButton>(window.welcomePage(), "welcomeImportButton"), e.edit, Edit);
    expectGate(test::find<QPushButton>(window.welcomePage(), "welcomePractiseButton"), e.send, Send);
}

int TestRoleGate::dialogsOpenedBy(const std::function<void()> &action)
{
    int opened = 0;
    QTimer watcher;
    watcher.setInterval(0);
    connect(&watcher, &QTimer::timeout, this, [&opened] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            ++opened;
            dialog->reject();
        }
    });
    watcher.start();
    action();
    watcher.stop();
    return opened;
}

void TestRoleGate::gateFollowsWhatThePageWants()
{
    // A page without a gate behaves as before.
    QPushButton alone;
    RoleGate::setEnabled(&alone, false);
    QVERIFY(!alone.isEnabled());
    RoleGate::setEnabled(&alone, true);
    QVERIFY(alone.isEnabled());
    QVERIFY(RoleGate::allowed(&alone));
    QVERIFY(RoleGate::check(nullptr, Permission::Administer));

    requireSignIn();
    RoleGate gate(&staff());
    QPushButton edit;
    edit.setToolTip(u"Change the chosen person."_s);
    gate.gate(&edit, Permission::EditContacts);
    QVERIFY(edit.isEnabled());
    // Nothing selected: the page greys it, with its own tooltip.
    RoleGate::setEnabled(&edit, false);
    QVERIFY(!edit.isEnabled());

    QVERIFY(staff().signIn(u"vera"_s, VeraPassword));
    QVERIFY(!gate.may(Permission::EditContacts));
    QVERIFY(!edit.isEnabled());
    QCOMPARE(edit.toolTip(), RoleText::refusal(Permission::EditContacts));
    // A selection does not let a viewer past the gate, nor does the page's own tooltip hide why.
    RoleGate::setEnabled(&edit, true);
    RoleGate::setToolTip(&edit, u"Change this person."_s);
    QVERIFY(!edit.isEnabled());
    QCOMPARE(edit.toolTip(), RoleText::refusal(Permission::EditContacts));

    QVERIFY(staff().signIn(u"john"_s, JohnPassword));
    QVERIFY(edit.isEnabled());
    QCOMPARE(edit.toolTip(), u"Change this person."_s);

    // Locked: nobody may do anything until someone signs in.
    staff().lock();
    QVERIFY(!edit.isEnabled());
    QVERIFY(!gate.check(Permission::View));
    QVERIFY(gate.check(Permission::View).error().code == ErrorCode::SignIn);
    QCOMPARE(edit.toolTip(), gate.check(Permission::EditContacts).error().message);

    // hide() and follow() too.
    QPushButton suggestion;
    gate.hide(&suggestion, Permission::EditContacts);
    QVERIFY(suggestion.isHidden());
    int applied = 0;
    gate.follow(&suggestion, Permission::SendCampaigns, [&applied](const Status &) { ++applied; });
    QCOMPARE(applied, 1);
    QVERIFY(staff().signIn(u"peter"_s, PeterPassword));
    QVERIFY(!suggestion.isHidden());
    QCOMPARE(applied, 2);
}

void TestRoleGate::withoutSignInEverythingIsAllowed()
{
    MainWindow window(**m_profile);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    checkWindow(window, {true, true, true, true});
    if (QTest::currentTestFailed())
        return;
    // Sign-in switched on: the administrator who did it may still do everything.
    requireSignIn();
    checkWindow(window, {true, true, true, true});
}

void TestRoleGate::everyPageFollowsWhoSignsIn()
{
    requireSignIn();
    MainWindow window(**m_profile);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ContactsPage *const contacts = window.contactsPage();
    checkWindow(window, {true, true, true, true});

    struct Step {
        QString user;
        QString password;
        Expected expected;
    };
    const QList<Step> steps = {
        {u"vera"_s, VeraPassword, {false, false, false, false}}, {u"john"_s, JohnPassword, {true, false, true, false}},
        {u"peter"_s, PeterPassword, {true, true, true, false}},  {u"mary"_s, MaryPassword, {true, true, true, true}},
        {u"vera"_s, VeraPassword, {false, false, false, false}},
    };
    for (const Step &step : steps) {
        signInThroughLockScreen(window, step.user, step.password);
        if (QTest::currentTestFailed())
            return;
        checkWindow(window, step.expected);
        if (QTest::currentTestFailed())
            qWarning("signed in as %s", qPrintable(step.user));
        QVERIFY(!QTest::currentTestFailed());
    }
    // The same pages throughout: nothing was built again.
    QCOMPARE(window.contactsPage(), contacts);
}

void TestRoleGate::roleChangedInSettingsIsFollowed()
{
    requireSignIn();
    QVERIFY(staff().add(u"paul"_s, u"Paul Mwangi"_s, Role::Administrator, u"the organ needs tuning"_s));
    MainWindow window(**m_profile);
    window.show();
    checkWindow(window, {true, true, true, true});
    // Mary gives up being an administrator (Settings → Staff and roles): she is a pastor at once.
    QVERIFY(staff().setRole(u"mary"_s, Role::Pastor));
    checkWindow(window, {true, true, true, false});
}

void TestRoleGate::viewerGetsNoComposeDialogNorContactForm()
{
    requireSignIn();
    MainWindow window(**m_profile);
    window.show();
    signInThroughLockScreen(window, u"vera"_s, VeraPassword);

    // "Send SMS…" from anywhere (a shortcut, another page): why not, and no compose dialog.
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QCOMPARE(dialogsOpenedBy([&window] { window.sendSms({}, {}); }), 0);
    QCOMPARE(MessageBox::lastText(), RoleText::refusal(Permission::SendCampaigns));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QCOMPARE(dialogsOpenedBy([&window] { window.campaignsPage()->editCampaign(1); }), 0);
    QCOMPARE(MessageBox::lastText(), RoleText::refusal(Permission::SendCampaigns));
    // A double click on a person opens no form that could only be refused; nor does import.
    window.contactsPage()->view()->selectRow(0);
    QCOMPARE(dialogsOpenedBy([&window] { window.contactsPage()->editSelected(); }), 0);
    QCOMPARE(dialogsOpenedBy([&window] { window.contactsPage()->addContact(); }), 0);

    // The same window for John (staff): the compose dialog opens.
    signInThroughLockScreen(window, u"john"_s, JohnPassword);
    QCOMPARE(dialogsOpenedBy([&window] { window.sendSms({}, {}); }), 1);
    QCOMPARE(dialogsOpenedBy([&window] { window.contactsPage()->editSelected(); }), 1);
}

void TestRoleGate::contactsPageOfAViewerScreenshot()
{
    requireSignIn();
    staff().lock();
    QVERIFY(staff().signIn(u"vera"_s, VeraPassword));
    MainWindow window(**m_profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::ContactsPageIndex);
    window.contactsPage()->view()->selectRow(1);
    test::settle();
    const QImage image = window.grab().toImage();
    QVERIFY(!image.isNull());
    // Saved only when asked for (KENGELE_SCREENSHOT_DIR), for a person to look at.
    const QString folder = qEnvironmentVariable("KENGELE_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(image.save(folder + u"/contacts-viewer.png"_s));
    }
}

QTEST_MAIN(TestRoleGate)
#include "TestRoleGate.moc"
