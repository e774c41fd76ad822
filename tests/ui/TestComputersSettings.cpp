// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Settings → Computers without a relay: the empty state that says how a computer is added, the list
// of computers with their states in plain words, the buttons for administrators only, and Recent
// conflicts with real conflicts made by two profiles exchanging changes (ChangeLog, ReplicaApplier).

#include "DemoScenes.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "profile/Profile.h"
#include "security/Access.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "sync/ComputersBanner.h"
#include "sync/ComputersSettingsWidget.h"
#include "sync/ComputersWatcher.h"
#include "sync/ConflictsDialog.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaSqlFunctions.h"

#include <QLabel>
#include <QPushButton>
#include <QSqlQuery>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

void deliver(test::TempProfile &from, test::TempProfile &to)
{
    auto out = ChangeLog(from->database()).pendingOut(1'000'000);
    QVERIFY(out);
    QVERIFY(ReplicaApplier(to->database(), to.clock()).apply(out->ops));
}

qint64 onlyContact(test::TempProfile &p)
{
    QSqlQuery q(p->database().connection());
    q.exec(u"SELECT id FROM contacts"_s);
    return q.next() ? q.value(0).toLongLong() : 0;
}

SyncDeviceEntry device(const QString &id, const QString &name, bool approved, bool pending, bool removed, bool isThis)
{
    SyncDeviceEntry d;
    d.device = id;
    d.name = name;
    d.approved = approved;
    d.pending = pending;
    d.removed = removed;
    d.isThis = isThis;
    d.lastSeen = QDateTime::currentDateTimeUtc();
    return d;
}

} // namespace

class TestComputersSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notConnectedSaysHowToAdd()
    {
        test::TempProfile p;
        ComputersWatcher watcher(nullptr, p->access());
        const ChangeLog changes(p->database());
        ComputersSettingsWidget tab(watcher, changes, p.clock());
        tab.show();
        auto *empty = tab.findChild<QLabel *>(u"computersEmptyLabel"_s);
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(u"not connected to a relay"_s));
        QVERIFY(empty->text().contains(u"Settings → Relay"_s));
        QVERIFY(empty->text().contains(u"kengele-relay device enroll"_s));
        QVERIFY(!tab.list()->isVisible());
        QVERIFY(!tab.banner()->isVisible());
    }

    void listsComputersWithTheirStates()
    {
        test::TempProfile p;
        ComputersWatcher watcher(nullptr, p->access());
        const ChangeLog changes(p->database());
        ComputersSettingsWidget tab(watcher, changes, p.clock());
        tab.show();
        watcher.showState(ComputersWatcher::Stage::Member);
        watcher.showDevices({device(u"dev_a"_s, u"Office PC"_s, true, false, false, true),
                             device(u"dev_b"_s, u"Pastor's laptop"_s, true, false, false, false),
                             device(u"dev_c"_s, u"Office laptop"_s, false, true, false, false),
                             device(u"dev_d"_s, u"Old desktop"_s, false, false, true, false)});
        QCOMPARE(tab.list()->topLevelItemCount(), 4);
        QStringList states;
        for (int i = 0; i < 4; ++i)
            states << tab.list()->topLevelItem(i)->text(3);
        QCOMPARE(states, (QStringList{u"This computer"_s, u"In"_s, u"Waiting for approval"_s, u"Removed"_s}));
        QCOMPARE(watcher.otherComputers(), 1);
        // The waiting computer's notice (an administrator: no staff accounts means everyone is one).
        watcher.showSafetyCode(u"dev_c"_s, u"4821 1934"_s);
        auto *ask = tab.banner()->findChild<QLabel *>(u"approveBanner"_s);
        QVERIFY(ask);
        QVERIFY(ask->text().contains(u"4821&nbsp;1934"_s)); // on a line of its own, bold
        QCOMPARE(ask->accessibleName(),
                 u"“Office laptop” wants to join. Safety code 4821 1934 — does “Office laptop” show the same?"_s);
        QVERIFY(tab.banner()->findChild<QPushButton *>(u"letInButton"_s));
        // Remove… is offered for another computer, not for this one nor a removed one.
        auto *remove = tab.findChild<QPushButton *>(u"removeComputerButton"_s);
        auto *letIn = tab.findChild<QPushButton *>(u"letInSelectedButton"_s);
        tab.list()->topLevelItem(0)->setSelected(true);
        QVERIFY(!remove->isEnabled());
        tab.list()->clearSelection();
        tab.list()->topLevelItem(1)->setSelected(true);
        QVERIFY(remove->isEnabled());
        QVERIFY(!letIn->isEnabled());
        tab.list()->clearSelection();
        tab.list()->topLevelItem(2)->setSelected(true);
        QVERIFY(letIn->isEnabled());
        tab.list()->clearSelection();
        tab.list()->topLevelItem(3)->setSelected(true);
        QVERIFY(!remove->isEnabled());

        // The tab shows the other computers' notices only (this computer's own are above the tabs).
        QCOMPARE(tab.banner()->findChildren<QLabel *>(u"newcomerBanner"_s).size(), 0);
        ComputersBanner own(watcher);
        own.setScope(ComputersBanner::Scope::ThisComputer);
        watcher.showState(ComputersWatcher::Stage::Waiting, u"1111 2222"_s);
        QVERIFY(own.findChild<QLabel *>(u"newcomerBanner"_s));
        QVERIFY(!own.findChild<QLabel *>(u"approveBanner"_s));
        QVERIFY(!tab.banner()->findChild<QLabel *>(u"newcomerBanner"_s));
        QVERIFY(tab.banner()->findChild<QLabel *>(u"approveBanner"_s));
        watcher.showState(ComputersWatcher::Stage::Member);

        // "No": the notice goes away (the computer stays in the list, still waiting).
        tab.banner()->findChild<QPushButton *>(u"declineButton"_s)->click();
        QTRY_VERIFY(!tab.banner()->isVisible());
        QCOMPARE(tab.list()->topLevelItem(2)->text(3), u"Waiting for approval"_s);

        // A member of staff sees the computers, but may neither let in nor remove.
        const QString problem = test::addDemoStaff(p);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(p->staff().signIn(u"john"_s, QString::fromLatin1(test::DemoStaffPassword)));
        watcher.showDevices(watcher.devices());
        tab.list()->topLevelItem(1)->setSelected(true);
        QVERIFY(!remove->isEnabled());
        QVERIFY(remove->toolTip().contains(u"Only an administrator"_s));
    }

    void newcomerBannerWords()
    {
        QCOMPARE(ComputersBanner::waitingText(u"4821 1934"_s),
                 u"Waiting for an administrator on another computer to let this computer in. Safety code 4821 1934 — the "
                 "other computer must show the same code."_s);
        QVERIFY(ComputersBanner::joinedText(u"St Paul's Church"_s, -1) == u"This computer is now part of St Paul's Church."_s);
    }

    void conflictsAreListedInPlainWords()
    {
        test::TempProfile a;
        test::TempProfile b;
        {
            const ChangeLog changes(a->database());
            ConflictsDialog empty(changes, a.clock());
            QVERIFY(empty.findChild<QLabel *>(u"conflictsEmptyLabel"_s)->text().startsWith(u"No conflicts:"_s));
            QCOMPARE(empty.list()->topLevelItemCount(), 0);
        }
        auto c = a->contacts().add({u"Asha"_s, u"Wanjiru"_s, u"0712000001"_s, {}, {}});
        QVERIFY(c);
        deliver(a, b);
        a->database().replicaContext().setUser(u"pastor"_s);
        b->database().replicaContext().setUser(u"secretary"_s);
        QVERIFY(a->contacts().update(c->id, {u"Asha"_s, u"Wanjiru"_s, u"0712000001"_s, {}, u"Visit on Tuesday"_s}));
        b.clock().advanceMs(1000);
        QVERIFY(b->contacts().update(onlyContact(b), {u"Asha"_s, u"Wanjiru"_s, u"0712000001"_s, {}, u"Moved to Nakuru"_s}));
        deliver(a, b);
        deliver(b, a);
        const ChangeLog changes(a->database());
        ConflictsDialog dialog(changes, a.clock());
        dialog.show();
        QCOMPARE(dialog.list()->topLevelItemCount(), 1);
        QVERIFY(!dialog.findChild<QLabel *>(u"conflictsEmptyLabel"_s)->isVisible());
        const QTreeWidgetItem *row = dialog.list()->topLevelItem(0);
        QCOMPARE(row->text(1), u"Contact Asha Wanjiru: notes"_s);
        QCOMPARE(row->text(2), u"Moved to Nakuru\nsecretary on another computer"_s);
        QCOMPARE(row->text(3), u"Visit on Tuesday\npastor on this computer"_s);
    }
};

QTEST_MAIN(TestComputersSettings)
#include "TestComputersSettings.moc"
