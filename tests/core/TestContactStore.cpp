// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactStore.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// ContactStore on its own: the SQL of contacts, groups, memberships and opt-outs, without the
// services' rules. What the services make of it is tested in TestContactService and TestGroupService.
class TestContactStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertsAndReadsBack();
    void aStoredNumberCannotBeInsertedAgain();
    void replaceSetsEveryValue();
    void mergeKeepsStoredValuesWhereTheNewOnesAreEmpty();
    void bulkLoadsHoldEveryRow();
    void removesContactsByIdAndBySource();
    void groupsByNameInAnyCase();
    void membersAreCountedOnce();
    void membershipsInBulk();
    void manyMembershipsInBulk();
    void optOutsBelongToTheNumber();
    void failuresSayWhatWasBeingDone();
    void writesBelongToTheCallersTransaction();
};

namespace {

ContactRecord record(const QString &first, const QString &phone)
{
    return ContactRecord{first, u"Njeri"_s, phone, u"0"_s + phone.sliced(4), u"amina@example.org"_s, u"Choir"_s};
}

int rowsIn(test::TempProfile &profile, const QString &table)
{
    QSqlQuery q(profile->database().connection());
    if (!q.exec(u"SELECT count(*) FROM "_s + table) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

void TestContactStore::insertsAndReadsBack()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    const Result<qint64> id = store.insertContact(record(u"Amina"_s, u"+254712345678"_s), u"import", 1000, 2000);
    QVERIFY(id);
    QVERIFY(*id > 0);

    const Result<std::optional<Contact>> read = store.contact(*id);
    QVERIFY(read && *read);
    const Contact &c = **read;
    QCOMPARE(c.firstName, u"Amina"_s);
    QCOMPARE(c.lastName, u"Njeri"_s);
    QCOMPARE(c.name(), u"Amina Njeri"_s);
    QCOMPARE(c.phone, u"+254712345678"_s);
    QCOMPARE(c.phoneRaw, u"0712345678"_s);
    QCOMPARE(c.email, u"amina@example.org"_s);
    QCOMPARE(c.notes, u"Choir"_s);
    QCOMPARE(c.source, u"import"_s);
    QCOMPARE(c.created.toMSecsSinceEpoch(), 1000);
    QCOMPARE(c.updated.toMSecsSinceEpoch(), 2000);
    QVERIFY(!c.optedOut);

    QCOMPARE((*store.contactByPhone(u"+254712345678"))->id, *id);
    QCOMPARE(*store.contactIdByPhone(u"+254712345678"), *id);
    QVERIFY(!*store.contact(*id + 1));
    QVERIFY(!*store.contactByPhone(u"+254700000000"));
    QCOMPARE(*store.contactIdByPhone(u"+254700000000"), 0);
    QCOMPARE(*store.countContacts({}), 1);
    QCOMPARE(store.contacts({}, 0, 10)->size(), 1);
}

void TestContactStore::aStoredNumberCannotBeInsertedAgain()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    QVERIFY(store.insertContact(record(u"Amina"_s, u"+254712345678"_s), u"manual", 0, 0));
    const Result<qint64> again = store.insertContact(record(u"Other"_s, u"+254712345678"_s), u"manual", 0, 0);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Storage);
    // The failed statement is ready for the next row.
    QVERIFY(store.insertContact(record(u"Baraka"_s, u"+254733111222"_s), u"manual", 0, 0));
    QCOMPARE(rowsIn(profile, u"contacts"_s), 2);
    QCOMPARE((*store.contactByPhone(u"+254712345678"))->firstName, u"Amina"_s);
}

void TestContactStore::replaceSetsEveryValue()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    const qint64 id = *store.insertContact(record(u"Amina"_s, u"+254712345678"_s), u"manual", 10, 10);
    const ContactRecord changed{u"Amina"_s, {}, u"+254733111222"_s, u"0733 111 222"_s, {}, {}};
    QCOMPARE(*store.replaceContact(id, changed, 20), true);
    const Contact c = **store.contact(id);
    QCOMPARE(c.lastName, QString());
    QCOMPARE(c.phone, u"+254733111222"_s);
    QCOMPARE(c.phoneRaw, u"0733 111 222"_s);
    QCOMPARE(c.email, QString());
    QCOMPARE(c.notes, QString());
    QCOMPARE(c.created.toMSecsSinceEpoch(), 10);
    QCOMPARE(c.updated.toMSecsSinceEpoch(), 20);
    QCOMPARE(*store.replaceContact(id + 1, changed, 30), false);
}

void TestContactStore::mergeKeepsStoredValuesWhereTheNewOnesAreEmpty()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    const qint64 id = *store.insertContact(record(u"Amina"_s, u"+254712345678"_s), u"manual", 10, 10);
    // The number and the raw number never change in a merge.
    QVERIFY(store.mergeContact(id, ContactRecord{{}, u"Wanjiru"_s, u"+254799999999"_s, u"n/a"_s, {}, u"Ushers"_s}, 20));
    const Contact c = **store.contact(id);
    QCOMPARE(c.firstName, u"Amina"_s);
    QCOMPARE(c.lastName, u"Wanjiru"_s);
    QCOMPARE(c.phone, u"+254712345678"_s);
    QCOMPARE(c.phoneRaw, u"0712345678"_s);
    QCOMPARE(c.email, u"amina@example.org"_s);
    QCOMPARE(c.notes, u"Ushers"_s);
    QCOMPARE(c.updated.toMSecsSinceEpoch(), 20);
}

void TestContactStore::bulkLoadsHoldEveryRow()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    QHash<QString, qint64> expected;
    for (int i = 0; i < 50; ++i) {
        const QString phone = u"+2547120000%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        expected.insert(phone, *store.insertContact(record(u"Member"_s, phone), u"import", 0, 0));
    }
    QCOMPARE(*store.contactIdsByPhone(), expected);

    const qint64 women = *store.insertGroup(u"Wanawake wa Kanisa"_s, {}, 0);
    const qint64 kikuyu = *store.insertGroup(u"ŨTHERI"_s, u"Beyond ASCII"_s, 0);
    const QHash<QString, qint64> groups = *store.groupIdsByFoldedName();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.value(u"wanawake wa kanisa"_s), women);
    QCOMPARE(groups.value(u"ũtheri"_s), kikuyu);
    QVERIFY(!groups.contains(u"ŨTHERI"_s));
}

void TestContactStore::removesContactsByIdAndBySource()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    const qint64 mine = *store.insertContact(record(u"Pastor"_s, u"+254700111222"_s), u"manual", 0, 0);
    const qint64 other = *store.insertContact(record(u"Deacon"_s, u"+254700111333"_s), u"manual", 0, 0);
    for (int i = 0; i < 5; ++i)
        QVERIFY(store.insertContact(record(u"Demo"_s, u"+25471100000%1"_s.arg(i)), u"demo", 0, 0));
    QCOMPARE(*store.removeContactsFrom(u"demo"), 5);
    QCOMPARE(*store.removeContactsFrom(u"demo"), 0);
    QVERIFY(store.removeContacts({other, 424242}));
    QCOMPARE(*store.countContacts({}), 1);
    QVERIFY(*store.contact(mine));
}

void TestContactStore::groupsByNameInAnyCase()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    const qint64 choir = *store.insertGroup(u"Choir"_s, u"Sunday choir"_s, 0);
    const qint64 youth = *store.insertGroup(u"Youth"_s, {}, 0);
    QCOMPARE((*store.groupByName(u"CHOIR"_s))->id, choir);
    QCOMPARE((*store.group(choir))->description, u"Sunday choir"_s);
    QVERIFY(!*store.groupByName(u"Elders"_s));
    QVERIFY(!store.insertGroup(u"choir"_s, {}, 0)); // names are unique in any case

    QCOMPARE(*store.updateGroup(youth, u"Youth Ministry"_s, u"13–30"_s), true);
    QCOMPARE((*store.group(youth))->name, u"Youth Ministry"_s);
    QCOMPARE(*store.updateGroup(424242, u"Nobody"_s, {}), false);

    const QList<Group> groups = *store.groups();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups[0].name, u"Choir"_s);
    QCOMPARE(groups[1].name, u"Youth Ministry"_s);

    QVERIFY(store.removeGroup(choir));
    QCOMPARE(*store.groupExists(choir), false);
    QCOMPARE(*store.groupExists(youth), true);
}

void TestContactStore::membersAreCountedOnce()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    const qint64 choir = *store.insertGroup(u"Choir"_s, {}, 0);
    const qint64 a = *store.insertContact(record(u"A"_s, u"+254700000001"_s), u"manual", 0, 0);
    const qint64 b = *store.insertContact(record(u"B"_s, u"+254700000002"_s), u"manual", 0, 0);
    QCOMPARE(*store.addMembers(choir, {a, b}, 5), 2);
    QCOMPARE(*store.addMembers(choir, {a, b, 424242}, 6), 0); // members already; no such contact
    QCOMPARE((*store.group(choir))->memberCount, 2);
    QCOMPARE((*store.contact(a))->groups, QStringList{u"Choir"_s});
    QCOMPARE(*store.removeMembers(choir, {a, 424242}), 1);
    QCOMPARE(*store.removeMembers(choir, {a}), 0);
    QCOMPARE((*store.group(choir))->memberCount, 1);
}

void TestContactStore::membershipsInBulk()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    const qint64 choir = *store.insertGroup(u"Choir"_s, {}, 0);
    const qint64 youth = *store.insertGroup(u"Youth"_s, {}, 0);
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i)
        ids << *store.insertContact(record(u"Member"_s, u"+25470000000%1"_s.arg(i)), u"import", 0, 0);
    QVERIFY(store.addMembers(choir, {ids[0]}, 0));

    // Out of order, with repeats and one that is stored already.
    const QList<Membership> memberships
        = {{youth, ids[5]}, {choir, ids[3]}, {youth, ids[1]}, {choir, ids[0]}, {choir, ids[3]}, {youth, ids[5]}, {youth, ids[2]}};
    QCOMPARE(*store.addMemberships(memberships, 7), 4);
    QCOMPARE((*store.group(choir))->memberCount, 2);
    QCOMPARE((*store.group(youth))->memberCount, 3);
    QCOMPARE(rowsIn(profile, u"group_members"_s), 5);
    QCOMPARE(*store.addMemberships({}, 7), 0);

    // A contact that does not exist is refused, not ignored: the caller's transaction rolls back.
    const Result<int> missing = store.addMemberships({{choir, ids[4]}, {choir, 424242}}, 7);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::Storage);
    QVERIFY(store.addMemberships({{choir, ids[4]}}, 7)); // and the store carries on
}

void TestContactStore::manyMembershipsInBulk()
{
    // More than one statement's worth (64 rows a statement), with a remainder.
    test::TempProfile profile;
    QSqlDatabase db = profile->database().connection();
    ContactStore store(db, u"Testing"_s);
    const qint64 choir = *store.insertGroup(u"Choir"_s, {}, 0);
    const qint64 youth = *store.insertGroup(u"Youth"_s, {}, 0);
    QList<qint64> ids;
    for (int i = 0; i < 150; ++i)
        ids << *store.insertContact(record(u"Member"_s, u"+254700000%1"_s.arg(i, 3, 10, QLatin1Char('0'))), u"import", 0, 0);
    QVERIFY(store.addMembers(youth, {ids[149], ids[0]}, 0)); // members already

    QList<Membership> memberships;
    for (int i = 149; i >= 0; --i) {
        memberships.append({choir, ids[i]});
        if (i % 2 == 0)
            memberships.append({youth, ids[i]});
    }
    memberships.append({choir, ids[70]}); // twice
    QCOMPARE(*store.addMemberships(memberships, 9), 150 + 75 - 1);
    QCOMPARE((*store.group(choir))->memberCount, 150);
    QCOMPARE((*store.group(youth))->memberCount, 76);
    QSqlQuery q(db);
    QVERIFY(q.exec(u"SELECT count(*) FROM group_members WHERE added_at = 9"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 224);

    // A missing contact among many fails the call; inside a transaction nothing of it stays.
    const qint64 elders = *store.insertGroup(u"Elders"_s, {}, 0);
    QList<Membership> withMissing;
    for (const qint64 id : std::as_const(ids))
        withMissing.append({elders, id});
    withMissing.append({elders, 424242});
    {
        Transaction transaction(db);
        QVERIFY(!store.addMemberships(withMissing, 10));
    }
    QCOMPARE((*store.group(elders))->memberCount, 0);
}

void TestContactStore::optOutsBelongToTheNumber()
{
    test::TempProfile profile;
    ContactStore store(profile->database().connection(), u"Testing"_s);
    const qint64 id = *store.insertContact(record(u"Amina"_s, u"+254712345678"_s), u"manual", 0, 0);
    QVERIFY(store.recordOptOut(u"+254712345678", u"Replied STOP", u"sms", 100));
    QVERIFY(store.recordOptOut(u"+254799000111", u"Not a contact", u"manual", 100));
    QCOMPARE(*store.isOptedOut(u"+254712345678"), true);
    QCOMPARE((*store.contact(id))->optOutReason, u"Replied STOP"_s);

    // Recording it again replaces the reason and the source.
    QVERIFY(store.recordOptOut(u"+254712345678", u"Asked at the door", u"manual", 200));
    QCOMPARE((*store.contact(id))->optOutReason, u"Asked at the door"_s);
    QSqlQuery q(profile->database().connection());
    QVERIFY(q.exec(u"SELECT source, created_at FROM opt_outs WHERE phone = '+254712345678'"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"manual"_s);
    QCOMPARE(q.value(1).toLongLong(), 100);
    QCOMPARE(rowsIn(profile, u"opt_outs"_s), 2);

    QVERIFY(store.removeOptOut(u"+254712345678"));
    QCOMPARE(*store.isOptedOut(u"+254712345678"), false);
    QCOMPARE(*store.isOptedOut(u"+254799000111"), true);
}

void TestContactStore::failuresSayWhatWasBeingDone()
{
    test::TempProfile profile;
    QSqlDatabase db = profile->database().connection();
    ContactStore store(db, u"Saving the test contact"_s);
    const qint64 amina = *store.insertContact(record(u"Amina"_s, u"+254712345678"_s), u"manual", 0, 0);
    const qint64 choir = *store.insertGroup(u"Choir"_s, {}, 0);
    // Tests run as root, where file permissions do not stop writes; query_only refuses them the
    // same way a read-only file does.
    QSqlQuery pragma(db);
    QVERIFY(pragma.exec(u"PRAGMA query_only = ON"_s));
    const Result<qint64> refused = store.insertContact(record(u"Baraka"_s, u"+254733111222"_s), u"manual", 0, 0);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::ReadOnly);
    QVERIFY2(refused.error().message.startsWith(u"Saving the test contact failed"), qPrintable(refused.error().message));
    QCOMPARE(store.addMemberships({{choir, amina}}, 0).error().code, ErrorCode::ReadOnly);
    QVERIFY(pragma.exec(u"PRAGMA query_only = OFF"_s));
    QVERIFY(store.insertContact(record(u"Baraka"_s, u"+254733111222"_s), u"manual", 0, 0));
}

void TestContactStore::writesBelongToTheCallersTransaction()
{
    test::TempProfile profile;
    QSqlDatabase db = profile->database().connection();
    {
        Transaction transaction(db);
        ContactStore store(db, u"Testing"_s);
        const qint64 choir = *store.insertGroup(u"Choir"_s, {}, 0);
        const qint64 id = *store.insertContact(record(u"Amina"_s, u"+254712345678"_s), u"import", 0, 0);
        QCOMPARE(*store.addMemberships({{choir, id}}, 0), 1);
        QVERIFY(store.recordOptOut(u"+254712345678", u"STOP", u"sms", 0));
        // Not committed: the transaction rolls everything back when it ends.
    }
    QCOMPARE(rowsIn(profile, u"contacts"_s), 0);
    QCOMPARE(rowsIn(profile, u"groups"_s), 0);
    QCOMPARE(rowsIn(profile, u"group_members"_s), 0);
    QCOMPARE(rowsIn(profile, u"opt_outs"_s), 0);
}

QTEST_GUILESS_MAIN(TestContactStore)
#include "TestContactStore.moc"
