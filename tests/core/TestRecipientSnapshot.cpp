// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/RecipientSnapshot.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "storage/Database.h"

#include <QHash>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

// Youth: Mary, John, Akinyi (opted out). Choir: John, Bartholomew. Office: the church office's
// landline. Empty: nobody. Wanjiku is in no group.
class TestRecipientSnapshot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void groupsThenSingleContactsEachPersonOnce();
    void leftOutAreCounted();
    void aSingleContactAlsoInAChosenGroupComesOnce();
    void aGroupThatIsGoneIsRefused();
    void nobodyLeftSaysWhy_data();
    void nobodyLeftSaysWhy();
    void takingAgainStartsOver();

private:
    qint64 addContact(const QString &firstName, const QString &phone);
    QStringList firstNames(const RecipientSnapshot &snapshot) const;

    std::unique_ptr<TempProfile> m_profile;
    QHash<QString, qint64> m_groups;
    QHash<QString, qint64> m_people;
};

qint64 TestRecipientSnapshot::addContact(const QString &firstName, const QString &phone)
{
    ContactInput input;
    input.firstName = firstName;
    input.phone = phone;
    const auto added = (*m_profile)->contacts().add(input);
    return added ? added->id : 0;
}

QStringList TestRecipientSnapshot::firstNames(const RecipientSnapshot &snapshot) const
{
    QStringList names;
    for (const RecipientSnapshot::Recipient &r : snapshot.recipients())
        names << r.firstName;
    return names;
}

void TestRecipientSnapshot::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    for (const QString &name :
         {QStringLiteral("Youth"), QStringLiteral("Choir"), QStringLiteral("Office"), QStringLiteral("Empty")})
        m_groups.insert(name, p.groups().create(name)->id);
    m_people.insert(QStringLiteral("Mary"), addContact(QStringLiteral("Mary"), QStringLiteral("0712000000")));
    m_people.insert(QStringLiteral("John"), addContact(QStringLiteral("John"), QStringLiteral("0712000001")));
    m_people.insert(QStringLiteral("Akinyi"), addContact(QStringLiteral("Akinyi"), QStringLiteral("0712000002")));
    m_people.insert(QStringLiteral("Bartholomew"), addContact(QStringLiteral("Bartholomew"), QStringLiteral("0712000003")));
    m_people.insert(QStringLiteral("Office"), addContact(QStringLiteral("Office"), QStringLiteral("020 2222222")));
    m_people.insert(QStringLiteral("Wanjiku"), addContact(QStringLiteral("Wanjiku"), QStringLiteral("0712000005")));
    for (const qint64 id : std::as_const(m_people))
        QVERIFY(id > 0);
    QVERIFY(p.groups().addMembers(
        m_groups[QStringLiteral("Youth")],
        {m_people[QStringLiteral("Mary")], m_people[QStringLiteral("John")], m_people[QStringLiteral("Akinyi")]}));
    QVERIFY(p.groups().addMembers(m_groups[QStringLiteral("Choir")],
                                  {m_people[QStringLiteral("John")], m_people[QStringLiteral("Bartholomew")]}));
    QVERIFY(p.groups().addMembers(m_groups[QStringLiteral("Office")], {m_people[QStringLiteral("Office")]}));
    QVERIFY(p.contacts().optOut(QStringLiteral("0712000002"), {}));
}

void TestRecipientSnapshot::cleanup()
{
    m_profile.reset();
}

void TestRecipientSnapshot::groupsThenSingleContactsEachPersonOnce()
{
    RecipientSnapshot snapshot;
    const Status taken = snapshot.take((*m_profile)->database().connection(),
                                       {m_groups[QStringLiteral("Choir")], m_groups[QStringLiteral("Youth")]},
                                       {m_people[QStringLiteral("Wanjiku")]});
    QVERIFY2(taken, qPrintable(taken ? QString() : taken.error().message));
    // The groups in the order chosen (members by id), then the single contacts.
    QCOMPARE(
        firstNames(snapshot),
        (QStringList{QStringLiteral("John"), QStringLiteral("Bartholomew"), QStringLiteral("Mary"), QStringLiteral("Wanjiku")}));
    const QList<RecipientSnapshot::Recipient> &r = snapshot.recipients();
    // John is named by the first chosen group that has him.
    QCOMPARE(r.at(0).group, QStringLiteral("Choir"));
    QCOMPARE(r.at(2).group, QStringLiteral("Youth"));
    QCOMPARE(r.at(3).group, QString());
    QCOMPARE(r.at(3).contactId, m_people[QStringLiteral("Wanjiku")]);
    QCOMPARE(r.at(3).phone, QStringLiteral("+254712000005"));
    QCOMPARE(snapshot.duplicates(), 1); // John through the youth
    QCOMPARE(snapshot.optedOut(), 1); // Akinyi
    QCOMPARE(snapshot.cannotReceiveSms(), 0);
    QVERIFY(snapshot.emptyGroups().isEmpty());
}

void TestRecipientSnapshot::leftOutAreCounted()
{
    RecipientSnapshot snapshot;
    QVERIFY(snapshot.take(
        (*m_profile)->database().connection(),
        {m_groups[QStringLiteral("Youth")], m_groups[QStringLiteral("Office")], m_groups[QStringLiteral("Empty")]}, {}));
    QCOMPARE(firstNames(snapshot), (QStringList{QStringLiteral("Mary"), QStringLiteral("John")}));
    QCOMPARE(snapshot.optedOut(), 1);
    QCOMPARE(snapshot.cannotReceiveSms(), 1); // the office landline
    QCOMPARE(snapshot.duplicates(), 0);
    // Office had a member, but nobody who can receive the message.
    QCOMPARE(snapshot.emptyGroups(), (QStringList{QStringLiteral("Office"), QStringLiteral("Empty")}));
}

void TestRecipientSnapshot::aSingleContactAlsoInAChosenGroupComesOnce()
{
    RecipientSnapshot snapshot;
    QVERIFY(snapshot.take((*m_profile)->database().connection(), {m_groups[QStringLiteral("Choir")]},
                          {m_people[QStringLiteral("Bartholomew")], m_people[QStringLiteral("Mary")]}));
    QCOMPARE(firstNames(snapshot), (QStringList{QStringLiteral("John"), QStringLiteral("Bartholomew"), QStringLiteral("Mary")}));
    QCOMPARE(snapshot.recipients().at(1).group, QStringLiteral("Choir"));
    QCOMPARE(snapshot.duplicates(), 1);
}

void TestRecipientSnapshot::aGroupThatIsGoneIsRefused()
{
    RecipientSnapshot snapshot;
    const Status taken = snapshot.take((*m_profile)->database().connection(), {m_groups[QStringLiteral("Youth")], 9999}, {});
    QVERIFY(!taken);
    QCOMPARE(taken.error().code, ErrorCode::NotFound);
    QVERIFY2(taken.error().message.contains(QStringLiteral("no longer exists")), qPrintable(taken.error().message));
}

void TestRecipientSnapshot::nobodyLeftSaysWhy_data()
{
    QTest::addColumn<QStringList>("groups");
    QTest::addColumn<QStringList>("people");
    QTest::addColumn<QString>("says");

    QTest::addRow("no members") << QStringList{QStringLiteral("Empty")} << QStringList{} << "the chosen groups have no members";
    QTest::addRow("landlines only") << QStringList{QStringLiteral("Office")} << QStringList{}
                                    << "the chosen numbers (1) cannot receive SMS";
    QTest::addRow("opted out only") << QStringList{} << QStringList{QStringLiteral("Akinyi")} << "everyone chosen (1 person";
    QTest::addRow("both") << QStringList{QStringLiteral("Office")} << QStringList{QStringLiteral("Akinyi")}
                          << "1 opted out of messages and 1 have numbers that cannot receive SMS";
    QTest::addRow("a contact that is gone") << QStringList{} << QStringList{QStringLiteral("nobody")}
                                            << "the chosen groups have no members";
}

void TestRecipientSnapshot::nobodyLeftSaysWhy()
{
    QFETCH(QStringList, groups);
    QFETCH(QStringList, people);
    QFETCH(QString, says);

    QList<qint64> groupIds;
    for (const QString &group : groups)
        groupIds << m_groups.value(group);
    QList<qint64> contactIds;
    for (const QString &person : people)
        contactIds << m_people.value(person, 9999);
    RecipientSnapshot snapshot;
    const Status taken = snapshot.take((*m_profile)->database().connection(), groupIds, contactIds);
    QVERIFY(!taken);
    QCOMPARE(taken.error().code, ErrorCode::InvalidInput);
    QVERIFY2(taken.error().message.startsWith(QStringLiteral("Nobody to send to: ")), qPrintable(taken.error().message));
    QVERIFY2(taken.error().message.contains(says), qPrintable(taken.error().message));
    QVERIFY(snapshot.recipients().isEmpty());
}

void TestRecipientSnapshot::takingAgainStartsOver()
{
    RecipientSnapshot snapshot;
    const QSqlDatabase db = (*m_profile)->database().connection();
    QVERIFY(snapshot.take(
        db, {m_groups[QStringLiteral("Youth")], m_groups[QStringLiteral("Choir")], m_groups[QStringLiteral("Empty")]}, {}));
    QCOMPARE(snapshot.recipients().size(), 3);
    QVERIFY(snapshot.take(db, {m_groups[QStringLiteral("Choir")]}, {}));
    QCOMPARE(firstNames(snapshot), (QStringList{QStringLiteral("John"), QStringLiteral("Bartholomew")}));
    QCOMPARE(snapshot.duplicates(), 0);
    QCOMPARE(snapshot.optedOut(), 0);
    QVERIFY(snapshot.emptyGroups().isEmpty());
}

QTEST_GUILESS_MAIN(TestRecipientSnapshot)
#include "TestRecipientSnapshot.moc"
