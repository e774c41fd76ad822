// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MessageBox.h"
#include "TestSupport.h"
#include "contacts/ContactMime.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/GroupService.h"
#include "groups/GroupsPage.h"

#include <QDropEvent>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestGroupsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { MessageBox::setNextAnswer(std::nullopt); }
    void noGroupsExplainsWhatToDo();
    void addSeveralWithTheButton();
    void dropOnMembersAndOnAGroup();
    void removeMembers();
    void deleteGroupAsksFirst();
};

void TestGroupsPage::noGroupsExplainsWhatToDo()
{
    TempProfile profile;
    GroupsPage page(profile->groups(), profile->contacts());
    page.show();
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("membersTitleLabel"))->text().contains(QStringLiteral("No groups yet")));
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("deleteGroupButton"))->isEnabled());
    QCOMPARE(page.membersModel()->rowCount(), 0);
}

void TestGroupsPage::addSeveralWithTheButton()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 50));
    const auto choir = profile->groups().create(QStringLiteral("Choir"));
    GroupsPage page(profile->groups(), profile->contacts());
    page.show();
    QCOMPARE(page.currentGroupId(), choir->id);
    QCOMPARE(page.membersModel()->rowCount(), 0);
    QCOMPARE(page.candidatesModel()->rowCount(), 50);
    // Multi-select three candidates and add them.
    QItemSelectionModel *selection = page.candidatesView()->selectionModel();
    for (int row : {0, 1, 7})
        selection->select(page.candidatesModel()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("addMembersButton")), Qt::LeftButton);
    QCOMPARE(profile->groups().get(choir->id)->memberCount, 3);
    QCOMPARE(page.membersModel()->rowCount(), 3);
    QCOMPARE(page.candidatesModel()->rowCount(), 47);
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("membersTitleLabel"))->text().contains(QStringLiteral("(3)")));
}

void TestGroupsPage::dropOnMembersAndOnAGroup()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 20));
    const auto choir = profile->groups().create(QStringLiteral("Choir"));
    const auto youth = profile->groups().create(QStringLiteral("Youth"));
    GroupsPage page(profile->groups(), profile->contacts());
    page.show();
    page.selectGroup(choir->id);
    const QList<qint64> ids = {page.candidatesModel()->contactId(2), page.candidatesModel()->contactId(3)};

    // Dropped on the members list: they join the chosen group.
    std::unique_ptr<QMimeData> data(ContactMime::encode(ids));
    QWidget *viewport = page.membersView()->viewport();
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(profile->groups().get(choir->id)->memberCount, 2);

    // Dropped on another group in the list: they join that group, and stay in this one.
    auto *groupList = page.findChild<QListView *>(QStringLiteral("groupList"));
    QAbstractItemModel *groups = groupList->model();
    const QModelIndex youthIndex = groups->index(1, 0);
    QCOMPARE(youthIndex.data().toString(), QStringLiteral("Youth (0)"));
    QVERIFY(groups->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, youthIndex));
    QVERIFY(groups->dropMimeData(data.get(), Qt::CopyAction, -1, -1, youthIndex));
    QCOMPARE(profile->groups().get(youth->id)->memberCount, 2);
    QCOMPARE(profile->groups().get(choir->id)->memberCount, 2);
}

void TestGroupsPage::removeMembers()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 10));
    const auto choir = profile->groups().create(QStringLiteral("Choir"));
    QList<qint64> all;
    const auto contacts = profile->contacts().fetch({}, 0, 10);
    for (const Contact &c : *contacts)
        all << c.id;
    QVERIFY(profile->groups().addMembers(choir->id, all));
    GroupsPage page(profile->groups(), profile->contacts());
    page.show();
    page.membersView()->selectRow(0);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("removeMembersButton")), Qt::LeftButton);
    QCOMPARE(profile->groups().get(choir->id)->memberCount, 9);
    QCOMPARE(*profile->contacts().count(), 10); // still a contact
}

void TestGroupsPage::deleteGroupAsksFirst()
{
    TempProfile profile;
    profile->groups().create(QStringLiteral("Ushers"));
    GroupsPage page(profile->groups(), profile->contacts());
    page.show();
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("deleteGroupButton")), Qt::LeftButton);
    QCOMPARE(profile->groups().list()->size(), 1);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Ushers")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("deleteGroupButton")), Qt::LeftButton);
    QCOMPARE(profile->groups().list()->size(), 0);
}

QTEST_MAIN(TestGroupsPage)
#include "TestGroupsPage.moc"
