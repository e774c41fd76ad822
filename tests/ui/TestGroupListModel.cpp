// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactMime.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "groups/GroupListModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace kengele;
using kengele::test::TempProfile;

// The Groups page's list: groups with their member counts, following GroupService, and contacts
// dropped on a group become members. Every change goes through QAbstractItemModelTester.
class TestGroupListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void followsTheServiceUnderTheModelTester();
    void rolesSayWhatEachRowIs();
    void contactsDroppedOnAGroupBecomeMembers();
    void dropOnAGroupThatIsGoneSaysSo();

private:
    std::unique_ptr<TempProfile> m_profile;
    QList<qint64> m_contacts;
};

void TestGroupListModel::init()
{
    m_profile = std::make_unique<TempProfile>();
    QVERIFY(test::fillContacts(**m_profile, 10));
    m_contacts.clear();
    const Result<QList<Contact>> contacts = (*m_profile)->contacts().fetch({}, 0, 10);
    QVERIFY(contacts);
    for (const Contact &c : *contacts)
        m_contacts << c.id;
}

void TestGroupListModel::cleanup()
{
    m_profile.reset();
}

void TestGroupListModel::followsTheServiceUnderTheModelTester()
{
    GroupService &groups = (*m_profile)->groups();
    GroupListModel model(groups);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    const qint64 youth = groups.create(QStringLiteral("Youth"))->id;
    const qint64 choir = groups.create(QStringLiteral("Choir"), QStringLiteral("Sings on Sundays"))->id;
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(choir), 0); // by name
    QCOMPARE(model.rowOf(youth), 1);
    QCOMPARE(model.rowOf(9999), -1);
    QVERIFY(groups.addMembers(youth, m_contacts.mid(0, 4)));
    QCOMPARE(model.data(model.index(model.rowOf(youth), 0)).toString(), QStringLiteral("Youth (4)"));
    QVERIFY(groups.rename(youth, QStringLiteral("Youth fellowship"), {}));
    QCOMPARE(model.groupAt(model.rowOf(youth))->name, QStringLiteral("Youth fellowship"));
    QVERIFY(groups.removeMembers(youth, m_contacts.mid(0, 1)));
    QCOMPARE(model.data(model.index(model.rowOf(youth), 0), GroupListModel::MemberCountRole).toInt(), 3);
    QVERIFY(groups.remove(choir));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(choir), -1);
    QVERIFY(!model.groupAt(1));
    QVERIFY(!model.groupAt(-1));
    // A list has no children.
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestGroupListModel::rolesSayWhatEachRowIs()
{
    Profile &p = **m_profile;
    const qint64 choir = p.groups().create(QStringLiteral("Choir"), QStringLiteral("Sings on Sundays"))->id;
    QVERIFY(p.groups().addMembers(choir, m_contacts.mid(0, 5)));
    QVERIFY(p.contacts().optOut(p.contacts().get(m_contacts.at(2))->phone, QStringLiteral("asked")));
    p.groups().notifyBulkChange();
    GroupListModel model(p.groups());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex row = model.index(0, 0);
    QCOMPARE(model.data(row, GroupListModel::IdRole).toLongLong(), choir);
    QCOMPARE(model.data(row, GroupListModel::NameRole).toString(), QStringLiteral("Choir"));
    QCOMPARE(model.data(row, GroupListModel::MemberCountRole).toInt(), 5);
    const QString tip = model.data(row, Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QStringLiteral("Sings on Sundays")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("opted out")), qPrintable(tip));
    QVERIFY(!model.data(row, Qt::DecorationRole).isValid());
    QVERIFY(model.flags(row) & Qt::ItemIsDropEnabled);
    QVERIFY(!(model.flags(QModelIndex()) & Qt::ItemIsDropEnabled));
}

void TestGroupListModel::contactsDroppedOnAGroupBecomeMembers()
{
    GroupService &groups = (*m_profile)->groups();
    const qint64 choir = groups.create(QStringLiteral("Choir"))->id;
    GroupListModel model(groups);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.mimeTypes(), QStringList{ContactMime::mimeType()});
    QVERIFY(model.supportedDropActions() & Qt::CopyAction);

    std::unique_ptr<QMimeData> dragged(ContactMime::encode(m_contacts.mid(3, 3)));
    // Only onto a group, and only contacts.
    QVERIFY(!model.canDropMimeData(dragged.get(), Qt::CopyAction, -1, -1, QModelIndex()));
    QMimeData text;
    text.setText(QStringLiteral("not contacts"));
    QVERIFY(!model.canDropMimeData(&text, Qt::CopyAction, -1, -1, model.index(0, 0)));
    QVERIFY(!model.dropMimeData(&text, Qt::CopyAction, -1, -1, model.index(0, 0)));

    QVERIFY(model.canDropMimeData(dragged.get(), Qt::CopyAction, -1, -1, model.index(0, 0)));
    QVERIFY(model.dropMimeData(dragged.get(), Qt::MoveAction, -1, -1, model.index(0, 0)));
    QCOMPARE(groups.get(choir)->memberCount, 3);
    QCOMPARE(model.data(model.index(0, 0), GroupListModel::MemberCountRole).toInt(), 3);
}

void TestGroupListModel::dropOnAGroupThatIsGoneSaysSo()
{
    GroupService &groups = (*m_profile)->groups();
    const qint64 choir = groups.create(QStringLiteral("Choir"))->id;
    GroupListModel model(groups);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &GroupListModel::dropFailed);
    {
        // Removed elsewhere (another window, the command line) before this list heard of it.
        const QSignalBlocker quiet(&groups);
        QVERIFY(groups.remove(choir));
    }
    QCOMPARE(model.rowCount(), 1);
    std::unique_ptr<QMimeData> dragged(ContactMime::encode(m_contacts.mid(0, 2)));
    QVERIFY(!model.dropMimeData(dragged.get(), Qt::CopyAction, -1, -1, model.index(0, 0)));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("no longer exists")),
             qPrintable(failed.at(0).at(0).toString()));
    model.reload();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestGroupListModel)
#include "TestGroupListModel.moc"
