// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"

#include <QSignalSpy>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestGroupService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createListRename();
    void namesAreValidatedAndUnique_data();
    void namesAreValidatedAndUnique();
    void membersAndCounts();
    void deletingGroupKeepsContacts();
    void deletingContactLeavesGroup();
};

void TestGroupService::createListRename()
{
    TempProfile profile;
    auto &groups = profile->groups();
    QSignalSpy changed(&groups, &GroupService::groupsChanged);
    QVERIFY(groups.create(QStringLiteral("Youth")));
    QVERIFY(groups.create(QStringLiteral("  Women's   Fellowship "), QStringLiteral("Women's ministry")));
    QCOMPARE(changed.count(), 2);
    const auto list = groups.list();
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, QStringLiteral("Women's Fellowship"));
    QCOMPARE(list->at(1).name, QStringLiteral("Youth"));
    QVERIFY(groups.rename(list->at(1).id, QStringLiteral("Youth Ministry"), {}));
    QVERIFY(groups.findByName(QStringLiteral("youth ministry")));
    QCOMPARE(groups.ensure(QStringLiteral("YOUTH MINISTRY"))->id, list->at(1).id);
}

void TestGroupService::namesAreValidatedAndUnique_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("code");
    QTest::addRow("empty") << "" << int(ErrorCode::InvalidInput);
    QTest::addRow("spaces") << "   " << int(ErrorCode::InvalidInput);
    QTest::addRow("too long") << QString(61, u'x') << int(ErrorCode::InvalidInput);
    QTest::addRow("same name other case") << "choir" << int(ErrorCode::Conflict);
}

void TestGroupService::namesAreValidatedAndUnique()
{
    QFETCH(QString, name);
    QFETCH(int, code);
    TempProfile profile;
    QVERIFY(profile->groups().create(QStringLiteral("Choir")));
    const auto created = profile->groups().create(name);
    QVERIFY(!created);
    QCOMPARE(int(created.error().code), code);
    QCOMPARE(profile->groups().list()->size(), 1);
}

void TestGroupService::membersAndCounts()
{
    TempProfile profile;
    auto &contacts = profile->contacts();
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ContactInput input;
        input.firstName = QStringLiteral("Person %1").arg(i);
        input.phone = QStringLiteral("07120000%1").arg(i, 2, 10, QLatin1Char('0'));
        ids << contacts.add(input)->id;
    }
    const auto choir = profile->groups().create(QStringLiteral("Choir"));
    QCOMPARE(*profile->groups().addMembers(choir->id, ids.mid(0, 3)), 3);
    QCOMPARE(*profile->groups().addMembers(choir->id, ids.mid(2, 3)), 2); // one was already in
    QCOMPARE(*profile->groups().addMembers(choir->id, {99999}), 0); // unknown contact ignored
    QVERIFY(contacts.optOut(QStringLiteral("0712000001"), {}));
    auto group = profile->groups().get(choir->id);
    QCOMPARE(group->memberCount, 5);
    QCOMPARE(group->optedOutCount, 1);
    QCOMPARE(*profile->groups().removeMembers(choir->id, {ids[0], ids[1]}), 2);
    QCOMPARE(profile->groups().get(choir->id)->memberCount, 3);
    QCOMPARE(profile->groups().addMembers(424242, ids).error().code, ErrorCode::NotFound);
}

void TestGroupService::deletingGroupKeepsContacts()
{
    TempProfile profile;
    ContactInput input;
    input.firstName = QStringLiteral("Mary");
    input.phone = QStringLiteral("0712345678");
    const auto mary = profile->contacts().add(input);
    const auto choir = profile->groups().create(QStringLiteral("Choir"));
    QVERIFY(profile->groups().addMembers(choir->id, {mary->id}));
    QVERIFY(profile->groups().remove(choir->id));
    QCOMPARE(*profile->contacts().count(), 1);
    QVERIFY(profile->contacts().get(mary->id)->groups.isEmpty());
}

void TestGroupService::deletingContactLeavesGroup()
{
    TempProfile profile;
    ContactInput input;
    input.firstName = QStringLiteral("Mary");
    input.phone = QStringLiteral("0712345678");
    const auto mary = profile->contacts().add(input);
    const auto choir = profile->groups().create(QStringLiteral("Choir"));
    QVERIFY(profile->groups().addMembers(choir->id, {mary->id}));
    QVERIFY(profile->contacts().remove({mary->id}));
    QCOMPARE(profile->groups().get(choir->id)->memberCount, 0);
}

QTEST_GUILESS_MAIN(TestGroupService)
#include "TestGroupService.moc"
