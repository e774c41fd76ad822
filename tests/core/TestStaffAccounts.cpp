// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "security/AuditLog.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Staff accounts and sign-in (architecture.md §7): a profile opens for anyone until sign-in is
// required; then only a signed-in account whose role allows it changes anything, wrong passwords
// make the next try wait, and every step is in the audit trail.
class TestStaffAccounts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roleMatrix();
    void passwordRules_data();
    void passwordRules();
    void moderateHashVerifies();
    void openForAnyoneUntilSignInIsRequired();
    void requireSignInMakesTheFirstAdministratorOnce();
    void badUserNamesAreRefused();
    void signInChecksThePasswordAndTheAccount();
    void wrongPasswordsMakeTheNextTryWait();
    void onlyAnAdministratorManagesAccounts();
    void theLastAdministratorStays();
    void ownPasswordNeedsTheCurrentOne();
    void lockSignsOut();
    void passwordsNeverReachTheDatabaseOrAudit();

private:
    StaffAccounts &staff() { return (*m_profile)->staff(); }
    void makeAdministrator();
    QStringList actions();

    std::unique_ptr<test::TempProfile> m_profile;
};

namespace {
const QString AdminPassword = QStringLiteral("Mlima wa Sayuni 7");
const QString StaffPassword = QStringLiteral("kwaya ya vijana 2026");
} // namespace

void TestStaffAccounts::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    staff().setCost(Passwords::Cost::TestsOnly);
}

void TestStaffAccounts::cleanup()
{
    m_profile.reset();
}

void TestStaffAccounts::makeAdministrator()
{
    const auto admin = staff().requireSignIn(QStringLiteral("mary"), QStringLiteral("Mary Wanjiku"), AdminPassword);
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().message));
}

QStringList TestStaffAccounts::actions()
{
    QStringList list;
    const auto entries = (*m_profile)->audit().list();
    if (entries) {
        for (const AuditEntry &e : *entries)
            list.prepend(e.action);
    }
    return list;
}

void TestStaffAccounts::roleMatrix()
{
    // The table in the issue, row by row: viewer, staff, pastor, administrator.
    const QList<std::pair<Permission, QList<bool>>> rows{
        {Permission::View, {true, true, true, true}},
        {Permission::EditContacts, {false, true, true, true}},
        {Permission::ExportContacts, {false, false, true, true}},
        {Permission::SendCampaigns, {false, true, true, true}},
        {Permission::Pastoral, {false, false, true, true}},
        {Permission::ManageTokens, {false, false, false, true}},
        {Permission::Administer, {false, false, false, true}},
    };
    const QList<Role> roles{Role::Viewer, Role::Staff, Role::Pastor, Role::Administrator};
    for (const auto &[permission, expected] : rows) {
        for (int i = 0; i < roles.size(); ++i)
            QCOMPARE(allows(roles.at(i), permission), expected.at(i));
    }
    for (const Role role : roles)
        QCOMPARE(roleFromText(toText(role)), role);
    QCOMPARE(roleFromText(QStringLiteral("Pastor")), Role::Pastor);
    QVERIFY(!roleFromText(QStringLiteral("bishop")));
}

void TestStaffAccounts::passwordRules_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("good");
    QTest::addRow("too short") << "Sayuni7!" << false;
    QTest::addRow("common digits") << "1234567890" << false;
    QTest::addRow("common, other case") << "PassWord123" << false;
    QTest::addRow("common in church") << "Jesus Loves Me" << false;
    QTest::addRow("contains the user name") << "mary-is-the-secretary" << false;
    QTest::addRow("one character") << "aaaaaaaaaaaa" << false;
    QTest::addRow("a short sentence") << "Mlima wa Sayuni 7" << true;
    QTest::addRow("ten mixed") << "k9#Lw2!pQz" << true;
}

void TestStaffAccounts::passwordRules()
{
    QFETCH(QString, password);
    QFETCH(bool, good);
    QCOMPARE(Passwords::problem(password, QStringLiteral("mary")).isEmpty(), good);
}

void TestStaffAccounts::moderateHashVerifies()
{
    // The cost used for real accounts; once here (about a second), the rest of the suite is quick.
    const auto hash = Passwords::hash(AdminPassword, Passwords::Cost::Moderate);
    QVERIFY(hash);
    QVERIFY(hash->startsWith(QStringLiteral("$argon2id$")));
    QVERIFY(Passwords::verify(*hash, AdminPassword));
    QVERIFY(!Passwords::verify(*hash, AdminPassword + u'.'));
    QVERIFY(!Passwords::needsRehash(*hash, Passwords::Cost::Moderate));
    const auto cheap = Passwords::hash(AdminPassword, Passwords::Cost::TestsOnly);
    QVERIFY(cheap);
    QVERIFY(Passwords::needsRehash(*cheap, Passwords::Cost::Moderate));
}

void TestStaffAccounts::openForAnyoneUntilSignInIsRequired()
{
    QCOMPARE(staff().signInRequired(), false);
    QVERIFY(!staff().signedIn());
    for (const Permission p : {Permission::View, Permission::EditContacts, Permission::ExportContacts, Permission::SendCampaigns,
                               Permission::Pastoral, Permission::ManageTokens, Permission::Administer})
        QVERIFY(staff().may(p));
    QCOMPARE(staff().actor(), QString());
    // Adding an account is for after sign-in is required (which makes the first administrator).
    const auto added = staff().add(QStringLiteral("john"), QStringLiteral("John"), Role::Staff, StaffPassword);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QCOMPARE(staff().list()->size(), 0);
}

void TestStaffAccounts::requireSignInMakesTheFirstAdministratorOnce()
{
    makeAdministrator();
    QCOMPARE(staff().signInRequired(), true);
    QVERIFY(staff().signedIn());
    QCOMPARE(staff().signedIn()->role, Role::Administrator);
    QCOMPARE(staff().actor(), QStringLiteral("mary"));
    QCOMPARE(actions(), QStringList{QStringLiteral("signin.require")});
    const auto audit = (*m_profile)->audit().list();
    QCOMPARE(audit->first().user, QStringLiteral("mary"));
    QCOMPARE(audit->first().object, QStringLiteral("user:mary"));

    // A second time is refused: accounts are added by an administrator now.
    const auto again = staff().requireSignIn(QStringLiteral("peter"), QStringLiteral("Peter"), StaffPassword);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    // Even when nobody is signed in (another program on this profile).
    staff().lock();
    const auto third = staff().requireSignIn(QStringLiteral("peter"), QStringLiteral("Peter"), StaffPassword);
    QVERIFY(!third);
    QCOMPARE(third.error().code, ErrorCode::SignIn);
    QCOMPARE(staff().list()->size(), 1);
}

void TestStaffAccounts::badUserNamesAreRefused()
{
    for (const QString &bad : {QStringLiteral(""), QStringLiteral("m"), QStringLiteral("mary wanjiku"), QStringLiteral(".mary"),
                               QStringLiteral("mary;drop"), QString(33, u'a')}) {
        const auto made = staff().requireSignIn(bad, QStringLiteral("Mary"), AdminPassword);
        QVERIFY2(!made, qPrintable(bad));
        QCOMPARE(made.error().code, ErrorCode::InvalidInput);
    }
    const auto weak = staff().requireSignIn(QStringLiteral("mary"), QStringLiteral("Mary"), QStringLiteral("password123"));
    QVERIFY(!weak);
    QCOMPARE(weak.error().code, ErrorCode::InvalidInput);
    const auto nameless = staff().requireSignIn(QStringLiteral("mary"), QStringLiteral("  "), AdminPassword);
    QVERIFY(!nameless);
    QCOMPARE(staff().signInRequired(), false);
    QVERIFY(actions().isEmpty());
}

void TestStaffAccounts::signInChecksThePasswordAndTheAccount()
{
    makeAdministrator();
    QVERIFY(staff().add(QStringLiteral("john"), QStringLiteral("John Otieno"), Role::Staff, StaffPassword));
    staff().lock();
    QVERIFY(!staff().may(Permission::View));
    QCOMPARE(staff().check(Permission::View).error().code, ErrorCode::SignIn);

    const auto wrong = staff().signIn(QStringLiteral("john"), AdminPassword);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::SignIn);
    const auto nobody = staff().signIn(QStringLiteral("nobody"), AdminPassword);
    QVERIFY(!nobody);
    // Neither says which of the two was wrong.
    QCOMPARE(nobody.error().message, wrong.error().message);

    const auto john = staff().signIn(QStringLiteral("JOHN"), StaffPassword); // user names ignore case
    QVERIFY(john);
    QCOMPARE(john->userName, QStringLiteral("john"));
    QVERIFY(staff().may(Permission::SendCampaigns));
    QCOMPARE(staff().check(Permission::ManageTokens).error().code, ErrorCode::Forbidden);
    QVERIFY(!staff().check(Permission::ManageTokens).error().message.isEmpty());

    // A disabled account cannot sign in, even with the right password.
    staff().lock();
    QVERIFY(staff().signIn(QStringLiteral("mary"), AdminPassword));
    QVERIFY(staff().setDisabled(QStringLiteral("john"), true));
    staff().lock();
    const auto disabled = staff().signIn(QStringLiteral("john"), StaffPassword);
    QVERIFY(!disabled);
    QVERIFY(disabled.error().message.contains(QStringLiteral("disabled")));
    QCOMPARE(actions(),
             (QStringList{u"signin.require"_s, u"users.add"_s, u"lock"_s, u"signin.failed"_s, u"signin.failed"_s, u"signin"_s,
                          u"lock"_s, u"signin"_s, u"users.disable"_s, u"lock"_s, u"signin.failed"_s}));
}

void TestStaffAccounts::wrongPasswordsMakeTheNextTryWait()
{
    makeAdministrator();
    staff().lock();
    for (int i = 0; i < StaffAccounts::FreeFailures - 1; ++i)
        QVERIFY(!staff().signIn(QStringLiteral("mary"), QStringLiteral("wrong password %1").arg(i)));
    // Four wrong ones: the right one still works at once, and the count starts again.
    QVERIFY(staff().signIn(QStringLiteral("mary"), AdminPassword));
    staff().lock();
    for (int i = 0; i < StaffAccounts::FreeFailures; ++i)
        QVERIFY(!staff().signIn(QStringLiteral("mary"), QStringLiteral("wrong password %1").arg(i)));
    // The fifth in a row: now even the right password waits 30 s.
    const auto waiting = staff().signIn(QStringLiteral("mary"), AdminPassword);
    QVERIFY(!waiting);
    QVERIFY2(waiting.error().message.contains(QStringLiteral("30 second")), qPrintable(waiting.error().message));
    m_profile->clock().advanceMs(31'000);
    // One more wrong one doubles the wait.
    QVERIFY(!staff().signIn(QStringLiteral("mary"), QStringLiteral("still wrong")));
    m_profile->clock().advanceMs(31'000);
    const auto longer = staff().signIn(QStringLiteral("mary"), AdminPassword);
    QVERIFY(!longer);
    QVERIFY2(longer.error().message.contains(QStringLiteral("29 second")), qPrintable(longer.error().message));
    m_profile->clock().advanceMs(30'000);
    QVERIFY(staff().signIn(QStringLiteral("mary"), AdminPassword));
    // The waits grow to at most 15 minutes.
    staff().lock();
    for (int i = 0; i < 20; ++i) {
        (void)staff().signIn(QStringLiteral("mary"), QStringLiteral("wrong"));
        m_profile->clock().advanceMs(15 * 60'000);
    }
    QVERIFY(!staff().signIn(QStringLiteral("mary"), QStringLiteral("wrong")));
    const auto capped = staff().signIn(QStringLiteral("mary"), AdminPassword);
    QVERIFY2(capped.error().message.contains(QStringLiteral("15 minute")), qPrintable(capped.error().message));
}

void TestStaffAccounts::onlyAnAdministratorManagesAccounts()
{
    makeAdministrator();
    QVERIFY(staff().add(QStringLiteral("john"), QStringLiteral("John Otieno"), Role::Staff, StaffPassword));
    QVERIFY(staff().add(QStringLiteral("grace"), QStringLiteral("Pastor Grace"), Role::Pastor,
                        QStringLiteral("Zaburi ya 23 ni yangu")));
    const auto duplicate = staff().add(QStringLiteral("John"), QStringLiteral("Another John"), Role::Viewer, StaffPassword);
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code, ErrorCode::Conflict);
    const int entries = int(actions().size());

    for (const auto &[user, password] : {std::pair{QStringLiteral("john"), StaffPassword},
                                         std::pair{QStringLiteral("grace"), QStringLiteral("Zaburi ya 23 ni yangu")}}) {
        staff().lock();
        QVERIFY(staff().signIn(user, password));
        const int before = int(actions().size());
        QCOMPARE(staff().add(QStringLiteral("eve"), QStringLiteral("Eve"), Role::Administrator, StaffPassword).error().code,
                 ErrorCode::Forbidden);
        QCOMPARE(staff().setRole(user, Role::Administrator).error().code, ErrorCode::Forbidden);
        QCOMPARE(staff().setDisabled(QStringLiteral("mary"), true).error().code, ErrorCode::Forbidden);
        QCOMPARE(staff().resetPassword(QStringLiteral("mary"), StaffPassword).error().code, ErrorCode::Forbidden);
        // Nothing changed, nothing recorded.
        QCOMPARE(actions().size(), before);
        QCOMPARE(staff().find(user)->role, user == QStringLiteral("john") ? Role::Staff : Role::Pastor);
        QVERIFY(!staff().find(QStringLiteral("mary"))->disabled);
        QVERIFY(!staff().find(QStringLiteral("eve")));
    }
    staff().lock();
    QVERIFY(staff().signIn(QStringLiteral("mary"), AdminPassword));
    QVERIFY(staff().setRole(QStringLiteral("john"), Role::Viewer));
    QVERIFY(staff().resetPassword(QStringLiteral("john"), QStringLiteral("a new one for Otieno")));
    staff().lock();
    QVERIFY(!staff().signIn(QStringLiteral("john"), StaffPassword));
    const auto john = staff().signIn(QStringLiteral("john"), QStringLiteral("a new one for Otieno"));
    QVERIFY(john);
    QCOMPARE(john->role, Role::Viewer);
    QCOMPARE(staff().check(Permission::EditContacts).error().code, ErrorCode::Forbidden);
    QVERIFY(actions().size() > entries);
    QVERIFY(actions().contains(QStringLiteral("users.role")));
    QVERIFY(actions().contains(QStringLiteral("users.reset")));
}

void TestStaffAccounts::theLastAdministratorStays()
{
    makeAdministrator();
    QVERIFY(staff().add(QStringLiteral("john"), QStringLiteral("John Otieno"), Role::Administrator, StaffPassword));
    QCOMPARE(staff().setDisabled(QStringLiteral("mary"), true).error().code, ErrorCode::InvalidInput); // herself
    QVERIFY(staff().setDisabled(QStringLiteral("john"), true));
    const auto demote = staff().setRole(QStringLiteral("mary"), Role::Staff);
    QVERIFY(!demote);
    QVERIFY(demote.error().message.contains(QStringLiteral("only administrator")));
    QVERIFY(staff().setDisabled(QStringLiteral("john"), false));
    QVERIFY(staff().setRole(QStringLiteral("mary"), Role::Pastor));
    // Mary is a pastor now, at once: she may no longer manage accounts.
    QCOMPARE(staff().signedIn()->role, Role::Pastor);
    QCOMPARE(staff().setRole(QStringLiteral("mary"), Role::Administrator).error().code, ErrorCode::Forbidden);
}

void TestStaffAccounts::ownPasswordNeedsTheCurrentOne()
{
    makeAdministrator();
    const QString next = QStringLiteral("Nuru ya ulimwengu 5");
    QCOMPARE(staff().changeOwnPassword(QStringLiteral("not the current"), next).error().code, ErrorCode::SignIn);
    QCOMPARE(staff().changeOwnPassword(AdminPassword, QStringLiteral("short")).error().code, ErrorCode::InvalidInput);
    QVERIFY(staff().changeOwnPassword(AdminPassword, next));
    staff().lock();
    QVERIFY(!staff().signIn(QStringLiteral("mary"), AdminPassword));
    QVERIFY(staff().signIn(QStringLiteral("mary"), next));
    QVERIFY(actions().contains(QStringLiteral("users.password")));
}

void TestStaffAccounts::lockSignsOut()
{
    makeAdministrator();
    QSignalSpy changed(&staff(), &StaffAccounts::signedInChanged);
    staff().lock();
    QCOMPARE(changed.size(), 1);
    QVERIFY(!staff().signedIn());
    QCOMPARE((*m_profile)->audit().actor(), QString());
    // The lock is recorded under who was signed in.
    const auto entries = (*m_profile)->audit().list();
    QCOMPARE(entries->first().action, QStringLiteral("lock"));
    QCOMPARE(entries->first().user, QStringLiteral("mary"));
}

void TestStaffAccounts::passwordsNeverReachTheDatabaseOrAudit()
{
    makeAdministrator();
    QVERIFY(staff().add(QStringLiteral("john"), QStringLiteral("John Otieno"), Role::Staff, StaffPassword));
    staff().lock();
    QVERIFY(!staff().signIn(QStringLiteral("john"), QStringLiteral("typed in the wrong box")));
    QVERIFY(!staff().signIn(QStringLiteral("Mlima wa Sayuni 7"), AdminPassword)); // the password as a user name
    QByteArray everything;
    const QDir dir(m_profile->path());
    for (const QString &name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        everything += file.readAll();
    }
    QVERIFY(everything.contains("John Otieno")); // the files were read
    for (const QString &secret : {AdminPassword, StaffPassword, QStringLiteral("typed in the wrong box")})
        QVERIFY2(!everything.contains(secret.toUtf8()), qPrintable(secret));
}

QTEST_GUILESS_MAIN(TestStaffAccounts)
#include "TestStaffAccounts.moc"
