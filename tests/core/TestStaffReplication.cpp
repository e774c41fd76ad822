// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Staff accounts shared between a congregation's computers (architecture.md "Who may do what, and
// the audit trail"): an account made on one computer signs in on another, role changes and
// disabling reach the person signed in elsewhere at once, two computers' "mary" are one account,
// a merge never leaves the congregation without an administrator, and wrong passwords are
// counted by each computer on its own. Two profiles, their batches handed over as the relay would
// (without encryption, tested on its own); after each batch StaffAccounts::refresh() runs, as the
// sync engine's changesApplied makes it in the desktop and kengele-cli.

#include "TestSupport.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "sync/JoinChoice.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaSchema.h"
#include "sync/SyncOpCodec.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace kengele;
using namespace kengele::test;
using namespace Qt::StringLiterals;

namespace {

const QString MaryPassword = u"Mlima wa Sayuni 7"_s;
const QString PeterPassword = u"kwaya ya vijana 2026"_s;
const QString JohnPassword = u"Mto wa Yordani 12"_s;

QList<QList<SyncOp>> take(TempProfile &from)
{
    QList<QList<SyncOp>> batches;
    ChangeLog log(from->database());
    for (;;) {
        const auto out = log.pendingOut(100);
        if (!out || out->ops.isEmpty())
            return batches;
        batches.append(out->ops);
        if (!log.markSent(out->upTo))
            return batches;
    }
}

bool give(TempProfile &to, const QList<QList<SyncOp>> &batches)
{
    for (const QList<SyncOp> &ops : batches) {
        const auto decoded = SyncOpCodec::decodeOps(SyncOpCodec::encodeOps(ops));
        if (!decoded || !ReplicaApplier(to->database(), to.clock()).apply(decoded->ops))
            return false;
        to->staff().refresh(); // what SyncEngine::changesApplied starts
    }
    return true;
}

// Both ways until neither has anything new (a join or a repair is one more change).
bool exchange(TempProfile &a, TempProfile &b)
{
    for (int round = 0; round < 6; ++round) {
        const auto fromA = take(a);
        const auto fromB = take(b);
        if (fromA.isEmpty() && fromB.isEmpty())
            return true;
        if (!give(b, fromA) || !give(a, fromB))
            return false;
    }
    return false;
}

QVariant scalar(TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        return QVariant();
    return q.value(0);
}

// The shared data but the audit trails: each computer's own sign-ins are audited there and
// reach the others at the next exchange (TestAuditReplication checks that part).
QByteArray dump(TempProfile &p)
{
    QByteArray out;
    for (const QByteArray &line : ChangeLog(p->database()).canonicalDump().value_or(QByteArray()).split('\n')) {
        if (!line.startsWith("[\"audit_entry\""))
            out += line + '\n';
    }
    return out;
}

QString activeAdministrators(TempProfile &p)
{
    return scalar(p,
                  u"SELECT group_concat(user_name, ',') FROM (SELECT user_name FROM staff WHERE role = 'administrator' "
                  "AND disabled = 0 ORDER BY user_name)"_s)
        .toString();
}

} // namespace

class TestStaffReplication final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void anAccountMadeOnOneComputerSignsInOnAnother();
    void aRoleChangeReachesTheSignedInPersonAtOnce();
    void disablingElsewhereSignsThePersonOut();
    void twoComputersMaryAreOneAccount();
    void twoRemovedAdministratorsLeaveOne_data();
    void twoRemovedAdministratorsLeaveOne();
    void wrongPasswordsAreCountedPerComputer();
    void accountsThereBeforeAreQueuedByTheMigration();
    void startingFromTheChurchsDataTakesItsAccounts();

private:
    // Mary, administrator, and Peter (`peterRole`) on A, handed to B.
    void twoAccountsOnBoth(Role peterRole);

    std::unique_ptr<TempProfile> m_a;
    std::unique_ptr<TempProfile> m_b;
};

void TestStaffReplication::init()
{
    m_a = std::make_unique<TempProfile>();
    m_b = std::make_unique<TempProfile>();
    (*m_a)->staff().setCost(Passwords::Cost::TestsOnly);
    (*m_b)->staff().setCost(Passwords::Cost::TestsOnly);
    m_b->clock().advanceMs(1000);
}

void TestStaffReplication::cleanup()
{
    m_a.reset();
    m_b.reset();
}

void TestStaffReplication::twoAccountsOnBoth(Role peterRole)
{
    StaffAccounts &a = (*m_a)->staff();
    QVERIFY(a.requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, MaryPassword));
    QVERIFY(a.add(u"peter"_s, u"Peter Otieno"_s, peterRole, PeterPassword));
    QVERIFY(exchange(*m_a, *m_b));
}

void TestStaffReplication::anAccountMadeOnOneComputerSignsInOnAnother()
{
    StaffAccounts &b = (*m_b)->staff();
    QCOMPARE(b.signInRequired().value_or(true), false);
    QSignalSpy changed(&b, &StaffAccounts::accountsChanged);
    twoAccountsOnBoth(Role::Staff);
    // Sign-in became required on B: the window follows accountsChanged to its sign-in screen.
    QVERIFY(changed.count() >= 1);
    QCOMPARE(b.signInRequired().value_or(false), true);
    QVERIFY(!b.check(Permission::View));
    QVERIFY(!b.signIn(u"peter"_s, MaryPassword));
    const auto peter = b.signIn(u"peter"_s, PeterPassword);
    QVERIFY2(peter, qPrintable(peter ? QString() : peter.error().message));
    QCOMPARE(peter->role, Role::Staff);
    QCOMPARE(peter->displayName, u"Peter Otieno"_s);
    QVERIFY(b.signIn(u"MARY"_s, MaryPassword));
    QCOMPARE(dump(*m_a), dump(*m_b));
    QVERIFY(dump(*m_a).contains("[\"staff\""));
    // `users list` reads the same accounts on both.
    QCOMPARE(b.list()->size(), 2);
}

void TestStaffReplication::aRoleChangeReachesTheSignedInPersonAtOnce()
{
    twoAccountsOnBoth(Role::Staff);
    StaffAccounts &b = (*m_b)->staff();
    QVERIFY(b.signIn(u"peter"_s, PeterPassword));
    QVERIFY(!b.check(Permission::Pastoral));
    QSignalSpy signedIn(&b, &StaffAccounts::signedInChanged);
    m_a->clock().advanceMs(5000);
    QVERIFY((*m_a)->staff().setRole(u"peter"_s, Role::Pastor));
    QVERIFY(exchange(*m_a, *m_b));
    QCOMPARE(signedIn.count(), 1);
    QVERIFY(b.signedIn());
    QCOMPARE(b.signedIn()->role, Role::Pastor);
    QVERIFY(b.check(Permission::Pastoral));
    QVERIFY(!b.check(Permission::Administer));
    // Made administrator on A: Peter administers on B at once.
    QVERIFY((*m_a)->staff().setRole(u"peter"_s, Role::Administrator));
    QVERIFY(exchange(*m_a, *m_b));
    QVERIFY(b.check(Permission::Administer));
    QVERIFY(b.setRole(u"mary"_s, Role::Viewer));
    QVERIFY(exchange(*m_a, *m_b));
    // Mary, signed in on A, is a viewer now there too.
    QCOMPARE((*m_a)->staff().signedIn()->role, Role::Viewer);
    QVERIFY(!(*m_a)->staff().check(Permission::EditContacts));
    QCOMPARE(dump(*m_a), dump(*m_b));
}

void TestStaffReplication::disablingElsewhereSignsThePersonOut()
{
    twoAccountsOnBoth(Role::Staff);
    StaffAccounts &b = (*m_b)->staff();
    QVERIFY(b.signIn(u"peter"_s, PeterPassword));
    QSignalSpy signedIn(&b, &StaffAccounts::signedInChanged);
    QVERIFY((*m_a)->staff().setDisabled(u"peter"_s, true));
    QVERIFY(exchange(*m_a, *m_b));
    QCOMPARE(signedIn.count(), 1);
    QVERIFY(!b.signedIn());
    QCOMPARE(b.check(Permission::View).error().code, ErrorCode::SignIn);
    QVERIFY(!b.signIn(u"peter"_s, PeterPassword));
    // Enabled again and the password reset on A: Peter signs in on B with the new one.
    QVERIFY((*m_a)->staff().setDisabled(u"peter"_s, false));
    QVERIFY((*m_a)->staff().resetPassword(u"peter"_s, JohnPassword));
    QVERIFY(exchange(*m_a, *m_b));
    QVERIFY(!b.signIn(u"peter"_s, PeterPassword));
    QVERIFY(b.signIn(u"peter"_s, JohnPassword));
}

void TestStaffReplication::twoComputersMaryAreOneAccount()
{
    // Each computer turned sign-in on by itself, both as "mary" (one typed "Mary").
    QVERIFY((*m_a)->staff().requireSignIn(u"mary"_s, u"Mary W."_s, MaryPassword));
    QVERIFY((*m_a)->staff().add(u"john"_s, u"John"_s, Role::Staff, JohnPassword));
    m_b->clock().advanceMs(60'000);
    QVERIFY((*m_b)->staff().requireSignIn(u"Mary"_s, u"Mary Wanjiku"_s, PeterPassword));
    QVERIFY(exchange(*m_a, *m_b));
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM staff WHERE user_name = 'mary'"_s).toInt(), 1);
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM staff"_s).toInt(), 2);
    QCOMPARE(dump(*m_a), dump(*m_b));
    // B's were written later: its name and password were kept, on both.
    QCOMPARE((*m_a)->staff().find(u"mary"_s)->displayName, u"Mary Wanjiku"_s);
    QVERIFY(!(*m_a)->staff().signIn(u"mary"_s, MaryPassword));
    QVERIFY((*m_a)->staff().signIn(u"mary"_s, PeterPassword));
    QVERIFY((*m_b)->staff().signIn(u"mary"_s, PeterPassword));
    // The losing values are in Recent conflicts; the password's are not written down anywhere.
    const auto conflicts = ChangeLog((*m_a)->database()).conflicts(50);
    QVERIFY(conflicts);
    QStringList fields;
    for (const SyncConflict &c : *conflicts) {
        if (c.entity == u"staff")
            fields << c.field;
        QCOMPARE(c.label.toLower(), u"mary"_s);
    }
    QVERIFY2(fields.contains(u"display_name"_s) && fields.contains(u"password_hash"_s), qPrintable(fields.join(u',')));
    for (TempProfile *p : {m_a.get(), m_b.get()}) {
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM sync_conflicts WHERE kept LIKE '%argon2%' OR lost LIKE '%argon2%'"_s).toInt(),
                 0);
    }
}

void TestStaffReplication::twoRemovedAdministratorsLeaveOne_data()
{
    QTest::addColumn<bool>("disable");
    QTest::addRow("roles taken away") << false;
    QTest::addRow("accounts disabled") << true;
}

void TestStaffReplication::twoRemovedAdministratorsLeaveOne()
{
    QFETCH(bool, disable);
    twoAccountsOnBoth(Role::Administrator);
    StaffAccounts &a = (*m_a)->staff();
    StaffAccounts &b = (*m_b)->staff();
    QVERIFY(b.signIn(u"peter"_s, PeterPassword));
    // Apart, each allowed (another administrator stays there): Mary removes Peter on A, and
    // later Peter removes Mary on B.
    m_a->clock().advanceMs(10'000);
    m_b->clock().advanceMs(20'000);
    if (disable) {
        QVERIFY(a.setDisabled(u"peter"_s, true));
        QVERIFY(b.setDisabled(u"mary"_s, true));
    } else {
        QVERIFY(a.setRole(u"peter"_s, Role::Staff));
        QVERIFY(b.setRole(u"mary"_s, Role::Staff));
    }
    QVERIFY(exchange(*m_a, *m_b));
    // The last to act as administrator (Peter, on B) is administrator again, on both.
    QCOMPARE(activeAdministrators(*m_a), u"peter"_s);
    QCOMPARE(activeAdministrators(*m_b), u"peter"_s);
    QCOMPARE(dump(*m_a), dump(*m_b));
    QVERIFY(b.check(Permission::Administer));
    if (disable)
        QVERIFY(!a.signedIn()); // Mary was disabled on B
    else
        QCOMPARE(a.signedIn()->role, Role::Staff);
    // The repair is listed with the conflicts.
    QVERIFY(
        scalar(*m_a, u"SELECT count(*) FROM sync_conflicts WHERE entity = 'staff' AND field IN ('role', 'disabled')"_s).toInt()
        > 0);
    // And it does not come back: an administrator can still change things, and the change travels.
    QVERIFY(b.setRole(u"mary"_s, Role::Administrator));
    if (disable)
        QVERIFY(b.setDisabled(u"mary"_s, false));
    QVERIFY(exchange(*m_a, *m_b));
    QCOMPARE(activeAdministrators(*m_a), u"mary,peter"_s);
    QCOMPARE(dump(*m_a), dump(*m_b));
}

void TestStaffReplication::wrongPasswordsAreCountedPerComputer()
{
    twoAccountsOnBoth(Role::Staff);
    StaffAccounts &b = (*m_b)->staff();
    for (int i = 0; i < StaffAccounts::FreeFailures; ++i)
        QVERIFY(!b.signIn(u"peter"_s, JohnPassword));
    QCOMPARE(scalar(*m_b, u"SELECT failures FROM staff WHERE user_name = 'peter'"_s).toInt(), StaffAccounts::FreeFailures);
    QVERIFY(scalar(*m_b, u"SELECT retry_at FROM staff WHERE user_name = 'peter'"_s).toLongLong() > m_b->clock().nowMs());
    // Nothing of it goes out; A lets Peter in.
    {
        const auto out = ChangeLog((*m_b)->database()).pendingOut(100000);
        QVERIFY(out);
        for (const SyncOp &op : out->ops)
            QVERIFY2(op.entity == ReplicaSchema::AuditEntry, qPrintable(op.entity)); // only the sign-ins' audit entries
    }
    QVERIFY(exchange(*m_a, *m_b));
    QCOMPARE(scalar(*m_a, u"SELECT failures FROM staff WHERE user_name = 'peter'"_s).toInt(), 0);
    QVERIFY((*m_a)->staff().signIn(u"peter"_s, PeterPassword));
    QVERIFY(!b.signIn(u"peter"_s, PeterPassword)); // still waiting on B
    // A password set on A ends B's wait too.
    QVERIFY((*m_a)->staff().signIn(u"mary"_s, MaryPassword));
    QVERIFY((*m_a)->staff().resetPassword(u"peter"_s, JohnPassword));
    QVERIFY(exchange(*m_a, *m_b));
    QCOMPARE(scalar(*m_b, u"SELECT failures FROM staff WHERE user_name = 'peter'"_s).toInt(), 0);
    QVERIFY(b.signIn(u"peter"_s, JohnPassword));
}

void TestStaffReplication::accountsThereBeforeAreQueuedByTheMigration()
{
    // A profile from before version 20 with two accounts: take the sharing off again, then run
    // the step as an older profile would.
    StaffAccounts &a = (*m_a)->staff();
    QVERIFY(a.requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, MaryPassword));
    QVERIFY(a.add(u"peter"_s, u"Peter Otieno"_s, Role::Pastor, PeterPassword));
    QSqlQuery q((*m_a)->database().connection());
    for (const QString &sql :
         {u"DROP TRIGGER sync_capture_staff_insert"_s, u"DROP TRIGGER sync_capture_staff_update"_s,
          u"DROP TRIGGER sync_capture_staff_delete"_s, u"DROP TRIGGER staff_shared_password_ends_wait"_s,
          u"DROP INDEX staff_by_uid"_s, u"ALTER TABLE staff DROP COLUMN uid"_s,
          u"DELETE FROM change_log WHERE entity = 'staff'"_s, u"DELETE FROM sync_clocks WHERE entity = 'staff'"_s})
        QVERIFY2(q.exec(sql), qPrintable(sql + u": "_s + q.lastError().text()));
    for (const QString &sql : ReplicaSchema::staffMigrationStatements())
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM change_log WHERE entity = 'staff' AND hlc = 0"_s).toInt(), 2);
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM staff WHERE uid IS NULL"_s).toInt(), 0);
    QVERIFY(exchange(*m_a, *m_b));
    QVERIFY((*m_b)->staff().signIn(u"peter"_s, PeterPassword));
    QCOMPARE((*m_b)->staff().signedIn()->role, Role::Pastor);
    // And changes after it are captured again.
    QVERIFY(a.setRole(u"peter"_s, Role::Staff));
    QVERIFY(exchange(*m_a, *m_b));
    QCOMPARE((*m_b)->staff().signedIn()->role, Role::Staff);
    QCOMPARE(dump(*m_a), dump(*m_b));
}

void TestStaffReplication::startingFromTheChurchsDataTakesItsAccounts()
{
    // The church (A) has Mary and Peter; B, before joining, had its own John, signed in.
    QVERIFY((*m_a)->staff().requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, MaryPassword));
    QVERIFY((*m_a)->staff().add(u"peter"_s, u"Peter Otieno"_s, Role::Staff, PeterPassword));
    StaffAccounts &b = (*m_b)->staff();
    QVERIFY(b.requireSignIn(u"john"_s, u"John"_s, JohnPassword));
    const auto own = JoinChoices::ownData((*m_b)->database());
    QVERIFY(own && !own->isEmpty());
    QCOMPARE(own->staffAccounts, 1);
    QVERIFY(JoinChoices::clearSharedData((*m_b)->database().connection()));
    QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM staff"_s).toInt(), 0);
    QVERIFY(give(*m_b, take(*m_a)));
    // John is not among the church's accounts: signed out; the church's accounts sign in.
    QVERIFY(!b.signedIn());
    QCOMPARE(b.signInRequired().value_or(false), true);
    QVERIFY(!b.signIn(u"john"_s, JohnPassword));
    QVERIFY(b.signIn(u"peter"_s, PeterPassword));
    QVERIFY(exchange(*m_a, *m_b));
    QCOMPARE(dump(*m_a), dump(*m_b));
    QCOMPARE(scalar(*m_a, u"SELECT count(*) FROM staff"_s).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestStaffReplication)
#include "TestStaffReplication.moc"
