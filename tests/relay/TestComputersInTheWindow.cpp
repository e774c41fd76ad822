// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Two computers of one church in two windows, with an in-process relay: the newcomer's window says
// it waits and shows its safety code, the administrator's window (its banner and Settings →
// Computers) shows the same code for "Office laptop", "Yes, let it in", and the newcomer's window
// says it is part of the church and has the contacts. Then Settings → Computers removes it.

#include "DemoScenes.h"
#include "FakeSecretStore.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "RelayHarness.h"
#include "TestSupport.h"
#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "contacts/ContactService.h"
#include "profile/Profile.h"
#include "security/Access.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "sync/ChangeLog.h"
#include "sync/ComputersBanner.h"
#include "sync/ComputersSettingsWidget.h"
#include "sync/ComputersWatcher.h"
#include "sync/RelayClient.h"
#include "sync/RelayLinkStore.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace kengele;
using namespace kengele::test;
using namespace Qt::StringLiterals;

namespace {

struct Computer {
    std::unique_ptr<TempProfile> profile;
    FakeSecretStore secrets;
    std::unique_ptr<RelayClient> client;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<MainWindow> window;
    RelayHarness::Org enrolment;
};

QString bannerText(QWidget *root, const QString &name)
{
    const auto *label = root->findChild<QLabel *>(name);
    // The notices with a safety code are rich text; their accessible name has the plain words.
    if (!label || !label->isVisibleTo(root))
        return QString();
    return label->accessibleName().isEmpty() ? label->text() : label->accessibleName();
}

QTreeWidgetItem *row(QTreeWidget *list, const QString &name)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == name)
            return list->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestComputersInTheWindow final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RelayHarness> m_relay;
    QNetworkAccessManager m_network;
    RelayHarness::Org m_org;

    void connectComputer(Computer &c, const RelayHarness::Org &enrolment)
    {
        c.profile = std::make_unique<TempProfile>();
        c.enrolment = enrolment;
        RelayEnrolment e{enrolment.deviceId, enrolment.token, enrolment.id, u"St Paul's Church"_s, {}};
        QVERIFY(c.profile->profile().relayLinks().saveEnrolment(e));
        c.client = std::make_unique<RelayClient>(m_network);
        c.client->setBaseUrl(m_relay->baseUrl());
        c.client->setToken(enrolment.token);
        c.engine = std::make_unique<SyncEngine>(c.profile->profile().database(), c.secrets, *c.client, c.profile->clock());
        SyncEngine::Options options;
        options.waitSeconds = 1;
        options.watchMs = 50;
        options.retryMs = 200;
        options.approveWaitSeconds = 20;
        c.engine->setOptions(options);
        c.engine->setAccess(&c.profile->profile().access());
    }

    void openWindow(Computer &c)
    {
        c.window = std::make_unique<MainWindow>(c.profile->profile());
        c.window->setSyncEngine(c.engine.get());
        c.window->resize(1280, 800);
        c.window->show();
        c.engine->start();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(u"kengele.relay.access=false\nkengele.*.debug=false\nkengele.sync.info=false"_s);
    }

    void init()
    {
        m_relay = std::make_unique<RelayHarness>(RelayHarness::Backend::Sqlite);
        QString why;
        QVERIFY2(m_relay->open(&why), qPrintable(why));
        QVERIFY(m_relay->start());
        m_org = m_relay->createOrgWithDevice();
    }

    void cleanup()
    {
        MessageBox::setNextAnswer(std::nullopt);
        m_relay.reset();
    }

    void joinInTheWindows()
    {
        Computer office;
        connectComputer(office, m_org);
        const QStringList names{u"Asha"_s, u"Baraka"_s, u"Chebet"_s};
        for (int i = 0; i < names.size(); ++i)
            QVERIFY(office.profile->profile().contacts().add({names[i], u"Otieno"_s, u"071200001%1"_s.arg(i), {}, {}}));
        {
            std::optional<Status> founded;
            office.engine->syncOnce([&founded](Status s) { founded = s; });
            QTRY_VERIFY_WITH_TIMEOUT(founded.has_value(), 20000);
            QVERIFY2(*founded, qPrintable(founded->error().message));
        }
        openWindow(office);
        QTRY_COMPARE_WITH_TIMEOUT(office.window->computersWatcher()->stage(), ComputersWatcher::Stage::Member, 10000);

        // The laptop connects with its enrolment code and starts: it waits to be let in.
        Computer laptop;
        connectComputer(laptop, m_relay->enrolAnother(m_org, u"Office laptop"_s));
        openWindow(laptop);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.window->computersWatcher()->stage(), ComputersWatcher::Stage::Waiting, 10000);
        QVERIFY(bannerText(laptop.window.get(), u"newcomerBanner"_s).startsWith(u"Waiting for an administrator"_s));
        QCOMPARE(laptop.window->syncIndicatorText(), u"Waiting to be let in"_s);

        // The office computer notices it at its next look at the list (the window asks once a
        // minute; Settings → Computers asks when it opens), and asks for its safety code.
        const ChangeLog changes(office.profile->profile().database());
        ComputersSettingsWidget tab(*office.window->computersWatcher(), changes, office.profile->clock());
        tab.resize(760, 560);
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(row(tab.list(), u"Office laptop"_s), 10000);
        QCOMPARE(row(tab.list(), u"Office laptop"_s)->text(3), u"Waiting for approval"_s);
        QCOMPARE(tab.list()->topLevelItemCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!laptop.window->computersWatcher()->newcomerCode().isEmpty(), 20000);
        const QString code = laptop.window->computersWatcher()->newcomerCode();
        QVERIFY(bannerText(laptop.window.get(), u"newcomerBanner"_s).contains(u"Safety code "_s + code));
        QTRY_COMPARE_WITH_TIMEOUT(office.window->computersWatcher()->safetyCodeFor(laptop.enrolment.deviceId), code, 20000);
        QTRY_VERIFY(bannerText(office.window.get(), u"approveBanner"_s).contains(code));
        QVERIFY(bannerText(office.window.get(), u"approveBanner"_s).startsWith(u"“Office laptop” wants to join"_s));
        QTRY_VERIFY(bannerText(tab.banner(), u"approveBanner"_s).contains(code));
        // Plurals ("computer(s)") get their English forms from translations/kengele_en.ts.
        QVERIFY(office.window->syncIndicatorText().startsWith(u"1 computer"_s));
        QVERIFY(office.window->syncIndicatorText().endsWith(u"waiting to join"_s));

        // "Yes, let it in" in the office window's banner.
        auto *yes = office.window->computersBanner()->findChild<QPushButton *>(u"letInButton"_s);
        QVERIFY(yes);
        yes->click();
        QTRY_VERIFY_WITH_TIMEOUT(laptop.engine->isReady(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            bannerText(laptop.window.get(), u"joinedBanner"_s).startsWith(u"This computer is now part of St Paul's Church."_s),
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.profile->profile().contacts().count().value_or(-1), 3, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(bannerText(laptop.window.get(), u"joinedBanner"_s).contains(u"3 contact"_s), 10000);
        laptop.window->computersBanner()->findChild<QPushButton *>(u"joinedOkButton"_s)->click();
        QTRY_VERIFY(!laptop.window->computersBanner()->isVisibleTo(laptop.window.get()));

        // The office sees it in, and the banner is gone.
        office.window->computersWatcher()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(row(tab.list(), u"Office laptop"_s)->text(3), u"In"_s, 10000);
        QTRY_VERIFY(bannerText(office.window.get(), u"approveBanner"_s).isEmpty());
        QTRY_VERIFY(office.window->syncIndicatorText().startsWith(u"In step with 1 other computer"_s));

        // Remove… asks first (No keeps it), then removes it.
        row(tab.list(), u"Office laptop"_s)->setSelected(true);
        auto *remove = tab.findChild<QPushButton *>(u"removeComputerButton"_s);
        QVERIFY(remove->isEnabled());
        MessageBox::setNextAnswer(QMessageBox::No);
        remove->click();
        QVERIFY(MessageBox::lastText().contains(u"can no longer read anything"_s));
        QTest::qWait(200);
        QCOMPARE(row(tab.list(), u"Office laptop"_s)->text(3), u"In"_s);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        remove->click();
        QTRY_COMPARE_WITH_TIMEOUT(row(tab.list(), u"Office laptop"_s)->text(3), u"Removed"_s, 20000);
        office.engine->stop();
        laptop.engine->stop();
    }

    // Someone who is not an administrator sees that a computer waits, and cannot let it in.
    // A laptop that kept its own list is let in: its window asks what happens to its contacts
    // before it takes the keys; "Merge with the church's data" and both computers have both lists.
    void ownDataIsMergedFromTheWindow()
    {
        Computer office;
        connectComputer(office, m_org);
        QVERIFY(office.profile->profile().contacts().add({u"Asha"_s, u"Otieno"_s, u"0712000010"_s, {}, {}}));
        {
            std::optional<Status> founded;
            office.engine->syncOnce([&founded](Status s) { founded = s; });
            QTRY_VERIFY_WITH_TIMEOUT(founded.has_value(), 20000);
            QVERIFY2(*founded, qPrintable(founded->error().message));
        }
        openWindow(office);
        Computer laptop;
        connectComputer(laptop, m_relay->enrolAnother(m_org, u"Office laptop"_s));
        QVERIFY(laptop.profile->profile().contacts().add({u"Grace"_s, u"Own"_s, u"0744000222"_s, {}, {}}));
        openWindow(laptop);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.window->computersWatcher()->stage(), ComputersWatcher::Stage::Waiting, 10000);
        const ChangeLog changes(office.profile->profile().database());
        ComputersSettingsWidget tab(*office.window->computersWatcher(), changes, office.profile->clock());
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(!laptop.window->computersWatcher()->newcomerCode().isEmpty(), 20000);
        const QString code = laptop.window->computersWatcher()->newcomerCode();
        QTRY_COMPARE_WITH_TIMEOUT(office.window->computersWatcher()->safetyCodeFor(laptop.enrolment.deviceId), code, 20000);
        QTRY_VERIFY(office.window->computersBanner()->findChild<QPushButton *>(u"letInButton"_s));
        office.window->computersBanner()->findChild<QPushButton *>(u"letInButton"_s)->click();

        QTRY_VERIFY_WITH_TIMEOUT(bannerText(laptop.window.get(), u"ownDataBanner"_s).contains(u"1 contact"_s), 20000);
        QVERIFY(!laptop.engine->isReady()); // no keys taken, nothing sent
        auto *merge = laptop.window->computersBanner()->findChild<QPushButton *>(u"mergeOwnDataButton"_s);
        QVERIFY(merge && merge->isEnabled());
        merge->click();
        QTRY_VERIFY_WITH_TIMEOUT(laptop.engine->isReady(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.profile->profile().contacts().count().value_or(-1), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(office.profile->profile().contacts().count().value_or(-1), 2, 20000);
        QVERIFY(bannerText(laptop.window.get(), u"ownDataBanner"_s).isEmpty());
    }

    // The same laptop chooses "Start from the church's data…": its own contact goes into an
    // encrypted backup first (the saved backup passphrase), then it holds only the church's data,
    // and the other computer never receives the laptop's contact.
    void ownDataStartsFromTheChurchData()
    {
        Computer office;
        connectComputer(office, m_org);
        QVERIFY(office.profile->profile().contacts().add({u"Asha"_s, u"Otieno"_s, u"0712000010"_s, {}, {}}));
        {
            std::optional<Status> founded;
            office.engine->syncOnce([&founded](Status s) { founded = s; });
            QTRY_VERIFY_WITH_TIMEOUT(founded.has_value(), 20000);
            QVERIFY2(*founded, qPrintable(founded->error().message));
        }
        openWindow(office);
        Computer laptop;
        connectComputer(laptop, m_relay->enrolAnother(m_org, u"Office laptop"_s));
        QVERIFY(laptop.profile->profile().contacts().add({u"Grace"_s, u"Own"_s, u"0744000222"_s, {}, {}}));
        laptop.profile->profile().backups().setCost(Passwords::Cost::TestsOnly);
        BackupScheduler backups(laptop.profile->profile().backups(), laptop.profile->profile().settings(), laptop.secrets,
                                laptop.profile->clock());
        const QString folder = QDir(laptop.profile->path()).filePath(u"backups"_s);
        QVERIFY(backups.setFolder(folder));
        laptop.secrets.values.insert(BackupScheduler::PassphraseKey, u"Mlima wa Sayuni saba"_s);
        openWindow(laptop);
        laptop.window->setBackupScheduler(&backups);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.window->computersWatcher()->stage(), ComputersWatcher::Stage::Waiting, 10000);
        const ChangeLog changes(office.profile->profile().database());
        ComputersSettingsWidget tab(*office.window->computersWatcher(), changes, office.profile->clock());
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(!laptop.window->computersWatcher()->newcomerCode().isEmpty(), 20000);
        const QString code = laptop.window->computersWatcher()->newcomerCode();
        QTRY_COMPARE_WITH_TIMEOUT(office.window->computersWatcher()->safetyCodeFor(laptop.enrolment.deviceId), code, 20000);
        QTRY_VERIFY(office.window->computersBanner()->findChild<QPushButton *>(u"letInButton"_s));
        office.window->computersBanner()->findChild<QPushButton *>(u"letInButton"_s)->click();

        QTRY_VERIFY_WITH_TIMEOUT(bannerText(laptop.window.get(), u"ownDataBanner"_s).contains(u"1 contact"_s), 20000);
        // Waiting for the choice is not being offline.
        QTest::qWait(500);
        QCOMPARE(laptop.window->syncIndicatorText(), u"Let in — choose what happens to this computer's own data"_s);
        auto *fresh = laptop.window->computersBanner()->findChild<QPushButton *>(u"startFromChurchButton"_s);
        QVERIFY(fresh && fresh->isEnabled());
        MessageBox::setNextAnswer(QMessageBox::No); // asked first: No changes nothing
        fresh->click();
        QVERIFY(MessageBox::lastText().contains(u"1 contact"_s));
        QVERIFY(QDir(folder).entryList(QDir::Files).isEmpty());
        QVERIFY(!laptop.engine->isReady());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        laptop.window->computersBanner()->findChild<QPushButton *>(u"startFromChurchButton"_s)->click();
        MessageBox::setNextAnswer(std::nullopt);
        QTRY_VERIFY_WITH_TIMEOUT(laptop.engine->isReady(), 20000);
        QCOMPARE(QDir(folder).entryList({u"*"_s + BackupService::Suffix}, QDir::Files).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.profile->profile().contacts().count().value_or(-1), 1, 20000);
        QVERIFY(laptop.profile->profile().contacts().findByPhone(u"+254712000010"_s));
        QVERIFY(!laptop.profile->profile().contacts().findByPhone(u"+254744000222"_s));
        QTest::qWait(1000);
        QCOMPARE(office.profile->profile().contacts().count().value_or(-1), 1);
        office.engine->stop();
        laptop.engine->stop();
    }

    void onlyAdministratorsLetIn()
    {
        Computer office;
        connectComputer(office, m_org);
        {
            std::optional<Status> founded;
            office.engine->syncOnce([&founded](Status s) { founded = s; });
            QTRY_VERIFY_WITH_TIMEOUT(founded.has_value(), 20000);
            QVERIFY(*founded);
        }
        const QString problem = addDemoStaff(*office.profile);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(office.profile->profile().staff().signIn(u"john"_s, QString::fromLatin1(DemoStaffPassword)));
        Computer laptop;
        connectComputer(laptop, m_relay->enrolAnother(m_org, u"Office laptop"_s));
        openWindow(laptop);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.window->computersWatcher()->stage(), ComputersWatcher::Stage::Waiting, 10000);
        openWindow(office);
        QTRY_COMPARE_WITH_TIMEOUT(office.window->computersWatcher()->stage(), ComputersWatcher::Stage::Member, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            bannerText(office.window.get(), u"waitingBanner"_s).contains(u"An administrator must let it in"_s), 10000);
        QVERIFY(!office.window->computersBanner()->findChild<QPushButton *>(u"letInButton"_s));
        QVERIFY(bannerText(office.window.get(), u"approveBanner"_s).isEmpty());
        const ChangeLog changes(office.profile->profile().database());
        ComputersSettingsWidget tab(*office.window->computersWatcher(), changes, office.profile->clock());
        QTRY_VERIFY_WITH_TIMEOUT(row(tab.list(), u"Office laptop"_s), 10000);
        row(tab.list(), u"Office laptop"_s)->setSelected(true);
        QVERIFY(!tab.findChild<QPushButton *>(u"letInSelectedButton"_s)->isEnabled());
        QVERIFY(!tab.findChild<QPushButton *>(u"removeComputerButton"_s)->isEnabled());
        // The watcher never asked for a code: the laptop still has none.
        QTest::qWait(1500);
        QVERIFY(laptop.engine->safetyCode().isEmpty());
        office.engine->stop();
        laptop.engine->stop();
    }
};

QTEST_MAIN(TestComputersInTheWindow)
#include "TestComputersInTheWindow.moc"
