// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/GroupService.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestContactTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void rowsAreLoadedLazilyInPages();
    void searchFilterAndSortGoToTheStore();
    void followsChangesInTheStore();
    void dragCarriesContactIds();
};

void TestContactTableModel::passesModelTester()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 1000));
    ContactTableModel model(profile->contacts());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1000);
    model.setSearch(QStringLiteral("Grace"));
    QCOMPARE(model.rowCount(), 125);
    model.sort(ContactTableModel::PhoneColumn, Qt::DescendingOrder);
    model.setSearch({});
    ContactInput extra;
    extra.firstName = QStringLiteral("Zawadi");
    extra.phone = QStringLiteral("0799000111");
    QVERIFY(profile->contacts().add(extra));
    QCOMPARE(model.rowCount(), 1001);
}

void TestContactTableModel::rowsAreLoadedLazilyInPages()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 20000));
    ContactTableModel model(profile->contacts());
    QCOMPARE(model.rowCount(), 20000);
    // The last row is reachable at once and correct: "Member 019999" sorts last by name? No: names
    // sort by first name, so check the row's own consistency instead.
    const QModelIndex last = model.index(19999, ContactTableModel::NameColumn);
    QVERIFY(model.data(last).toString().startsWith(QStringLiteral("Wanjiku")));
    const QModelIndex first = model.index(0, ContactTableModel::NameColumn);
    QVERIFY(model.data(first).toString().startsWith(QStringLiteral("Akinyi")));
    QCOMPARE(model.data(model.index(5, ContactTableModel::PhoneColumn)).toString().left(6), QStringLiteral("+25471"));
    QVERIFY(model.contactId(12345) > 0);
}

void TestContactTableModel::searchFilterAndSortGoToTheStore()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 300));
    const auto youth = profile->groups().create(QStringLiteral("Youth"));
    ContactTableModel all(profile->contacts());
    QVERIFY(profile->groups().addMembers(youth->id, {all.contactId(0), all.contactId(1), all.contactId(2)}));
    ContactTableModel model(profile->contacts());
    QSignalSpy counts(&model, &ContactTableModel::countChanged);
    model.setGroupFilter(youth->id);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(counts.last().at(0).toInt(), 3);
    model.setGroupFilter(0);
    model.setSearch(QStringLiteral("0710000012")); // national digits of +254710000012
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, ContactTableModel::PhoneColumn)).toString(), QStringLiteral("+254710000012"));
    model.setSearch({});
    model.sort(ContactTableModel::PhoneColumn, Qt::DescendingOrder);
    QCOMPARE(model.data(model.index(0, ContactTableModel::PhoneColumn)).toString(), QStringLiteral("+254710000299"));
}

void TestContactTableModel::followsChangesInTheStore()
{
    TempProfile profile;
    ContactTableModel model(profile->contacts());
    QCOMPARE(model.rowCount(), 0);
    ContactInput input;
    input.firstName = QStringLiteral("Mary");
    input.phone = QStringLiteral("0712345678");
    const auto mary = profile->contacts().add(input);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(profile->contacts().optOut(QStringLiteral("0712345678"), QStringLiteral("STOP")));
    QCOMPARE(model.data(model.index(0, ContactTableModel::StatusColumn)).toString(), QStringLiteral("Opted out"));
    QVERIFY(
        model.data(model.index(0, ContactTableModel::StatusColumn), Qt::ToolTipRole).toString().contains(QStringLiteral("STOP")));
    QVERIFY(profile->contacts().remove({mary->id}));
    QCOMPARE(model.rowCount(), 0);
}

void TestContactTableModel::dragCarriesContactIds()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 10));
    ContactTableModel model(profile->contacts());
    const QModelIndexList indexes = {model.index(0, 0), model.index(0, 1), model.index(3, 0)};
    std::unique_ptr<QMimeData> data(model.mimeData(indexes));
    QVERIFY(data->hasFormat(model.mimeTypes().first()));
    QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsDragEnabled));
    QCOMPARE(model.contactIds(indexes).size(), 2);
}

QTEST_MAIN(TestContactTableModel)
#include "TestContactTableModel.moc"
