// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DarkPalette.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/CampaignsPage.h"
#include "campaigns/ComposeCampaignDialog.h"
#include "common/Language.h"
#include "contacts/ContactTableModel.h"
#include "contacts/ContactsPage.h"
#include "contacts/GroupService.h"
#include "demo/DemoCongregation.h"
#include "groups/GroupsPage.h"
#include "reports/DashboardPage.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "widgets/Icons.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include <functional>

using namespace kengele;
using kengele::test::find;
using kengele::test::TempProfile;

namespace {
// Clicks the button called `name`; false when there is none.
bool click(QObject *parent, const char *name)
{
    auto *button = parent ? find<QPushButton>(parent, name) : nullptr;
    if (!button)
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}
} // namespace

// The window as a whole: the sidebar (Send SMS, the pages, Settings), the shortcuts, the welcome
// page of a new profile, and what the status bar and Help show.
class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sidebarNamesThePagesForWhatTheyAre();
    void sidebarSendOpensComposeWithTheChosenGroup();
    void sidebarSendOnContactsTicksTheChosenPeople();
    void contactsPageSendSmsTicksTheChosenPeople();
    void groupsPageSendSmsTicksTheGroup();
    void shortcutsForSendSearchAndSettings();
    void ctrlFFocusesTheSearchOfThePage();
    void sidebarSettingsButtonOpensSettings();
    void welcomeIsShownOnceThenFromHelp();
    void welcomePractiseOpensComposeInPracticeMode();
    void welcomeGoLiveOpensTheGatewaySettings();
    void welcomeImportOpensTheImport();
    void dataFolderIsInAboutNotCutInTheStatusBar();
    void groupMemberNamesAreNotCut_data();
    void groupMemberNamesAreNotCut();
    void iconsTakeThePaletteTextColour();
    void selectedSidebarItemHasNoFocusFrame();

private:
    // Runs `check` on the compose dialog the next action opens, then closes it; false: none opened.
    bool onCompose(const std::function<void(ComposeCampaignDialog *)> &check, const std::function<void()> &action);

    std::unique_ptr<TempProfile> m_profile;
};

void TestMainWindow::init()
{
    QVERIFY(Language::install(QStringLiteral("en")));
    m_profile = std::make_unique<TempProfile>();
    QVERIFY(DemoCongregation::populate(**m_profile));
    MessageBox::setNextAnswer(std::nullopt);
}

void TestMainWindow::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_profile.reset();
}

bool TestMainWindow::onCompose(const std::function<void(ComposeCampaignDialog *)> &check, const std::function<void()> &action)
{
    bool seen = false;
    QTimer::singleShot(0, this, [&seen, &check] {
        auto *dialog = qobject_cast<ComposeCampaignDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        check(dialog);
        dialog->reject();
    });
    action();
    return seen;
}

void TestMainWindow::sidebarNamesThePagesForWhatTheyAre()
{
    MainWindow window(**m_profile);
    window.show();
    auto *sidebar = find<QListWidget>(&window, "sidebarList");
    QCOMPARE(sidebar->item(MainWindow::CampaignsPageIndex)->text(), QStringLiteral("Sent SMS"));
    QCOMPARE(sidebar->item(MainWindow::ContactsPageIndex)->text(), QStringLiteral("Contacts"));
    // The dashboard comes first: the page a pastor opens.
    QCOMPARE(int(MainWindow::DashboardPageIndex), 0);
    QCOMPARE(sidebar->item(MainWindow::DashboardPageIndex)->text(), QStringLiteral("Dashboard"));
    QVERIFY(window.currentPage() == MainWindow::DashboardPageIndex || window.currentPage() == MainWindow::WelcomePageIndex);
    // Each page has an icon of its own.
    for (int row = 0; row < sidebar->count(); ++row)
        QVERIFY2(!sidebar->item(row)->icon().isNull(), qPrintable(sidebar->item(row)->text()));
    auto *send = find<QPushButton>(&window, "sidebarSendButton");
    QVERIFY(send);
    QVERIFY(send->isVisible());
    QCOMPARE(send->text(), QStringLiteral("Send SMS…"));
    // The Send SMS button is above the pages, Settings below them.
    auto *settings = find<QPushButton>(&window, "sidebarSettingsButton");
    QVERIFY(settings);
    QVERIFY(settings->isVisible());
    const QPoint sendAt = send->mapTo(&window, QPoint());
    const QPoint listAt = sidebar->mapTo(&window, QPoint());
    const QPoint settingsAt = settings->mapTo(&window, QPoint());
    QVERIFY(sendAt.y() < listAt.y());
    QVERIFY(settingsAt.y() > listAt.y());
}

void TestMainWindow::sidebarSendOpensComposeWithTheChosenGroup()
{
    const qint64 choir = m_profile->profile().groups().findByName(QStringLiteral("Choir"))->id;
    MainWindow window(**m_profile);
    window.show();
    window.showPage(MainWindow::GroupsPageIndex);
    window.groupsPage()->selectGroup(choir);
    QList<qint64> groups;
    QList<qint64> people;
    QVERIFY(onCompose(
        [&](ComposeCampaignDialog *dialog) {
            groups = dialog->draft().groupIds;
            people = dialog->draft().contactIds;
        },
        [&] { QVERIFY(click(&window, "sidebarSendButton")); }));
    QCOMPARE(groups, QList<qint64>{choir});
    QVERIFY(people.isEmpty());
}

void TestMainWindow::sidebarSendOnContactsTicksTheChosenPeople()
{
    MainWindow window(**m_profile);
    window.show();
    window.showPage(MainWindow::ContactsPageIndex);
    QTableView *view = window.contactsPage()->view();
    view->selectRow(0);
    view->selectionModel()->select(view->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QList<qint64> chosen = window.contactsPage()->model()->contactIds(view->selectionModel()->selectedRows());
    QCOMPARE(chosen.size(), 2);
    QList<qint64> people;
    QVERIFY(onCompose([&](ComposeCampaignDialog *dialog) { people = dialog->draft().contactIds; },
                      [&] { QVERIFY(click(&window, "sidebarSendButton")); }));
    std::sort(people.begin(), people.end());
    QList<qint64> expected = chosen;
    std::sort(expected.begin(), expected.end());
    QCOMPARE(people, expected);
}

void TestMainWindow::contactsPageSendSmsTicksTheChosenPeople()
{
    MainWindow window(**m_profile);
    window.show();
    window.showPage(MainWindow::ContactsPageIndex);
    QTableView *view = window.contactsPage()->view();
    view->selectRow(1);
    const QList<qint64> chosen = window.contactsPage()->model()->contactIds(view->selectionModel()->selectedRows());
    QList<qint64> people;
    QList<qint64> groups;
    QVERIFY(onCompose(
        [&](ComposeCampaignDialog *dialog) {
            people = dialog->draft().contactIds;
            groups = dialog->draft().groupIds;
        },
        [&] { QVERIFY(click(window.contactsPage(), "sendSmsButton")); }));
    QCOMPARE(people, chosen);
    QVERIFY(groups.isEmpty());
}

void TestMainWindow::groupsPageSendSmsTicksTheGroup()
{
    const qint64 youth = m_profile->profile().groups().findByName(QStringLiteral("Youth"))->id;
    MainWindow window(**m_profile);
    window.show();
    window.showPage(MainWindow::GroupsPageIndex);
    window.groupsPage()->selectGroup(youth);
    auto *button = find<QPushButton>(window.groupsPage(), "sendSmsToGroupButton");
    QVERIFY(button);
    QVERIFY(button->isVisible() && button->isEnabled());
    QList<qint64> groups;
    QVERIFY(onCompose([&](ComposeCampaignDialog *dialog) { groups = dialog->draft().groupIds; },
                      [&] { QTest::mouseClick(button, Qt::LeftButton); }));
    QCOMPARE(groups, QList<qint64>{youth});
    // Without a group there is nothing to send to from here.
    window.groupsPage()->selectGroup(0);
    QVERIFY(!button->isEnabled());
}

void TestMainWindow::shortcutsForSendSearchAndSettings()
{
    MainWindow window(**m_profile);
    auto actionFor = [&window](const QKeySequence &keys) -> QAction * {
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == keys)
                return action;
        }
        return nullptr;
    };
    QAction *send = actionFor(QKeySequence(Qt::CTRL | Qt::Key_N));
    QVERIFY(send);
    QCOMPARE(send->text().remove(u'&'), QStringLiteral("Send SMS…"));
    QAction *settings = actionFor(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QVERIFY(settings);
    QCOMPARE(settings->text().remove(u'&'), QStringLiteral("Settings…"));
    QVERIFY(actionFor(QKeySequence(Qt::CTRL | Qt::Key_F)));
    // Send SMS is in the File menu.
    QMenu *file = window.menuBar()->actions().first()->menu();
    QVERIFY(file->actions().contains(send));
}

void TestMainWindow::ctrlFFocusesTheSearchOfThePage()
{
    MainWindow window(**m_profile);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // (The Inbox's search shows once something came in.)
    const QList<std::pair<MainWindow::Page, const char *>> pages{{MainWindow::ContactsPageIndex, "searchEdit"},
                                                                 {MainWindow::GroupsPageIndex, "candidateSearchEdit"}};
    for (const auto &[page, name] : pages) {
        window.showPage(page);
        find<QListWidget>(&window, "sidebarList")->setFocus();
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        auto *search = find<QLineEdit>(&window, name);
        QVERIFY(search);
        QTRY_VERIFY2(search->hasFocus(), name);
    }
}

void TestMainWindow::sidebarSettingsButtonOpensSettings()
{
    MainWindow window(**m_profile);
    window.show();
    bool seen = false;
    QTimer::singleShot(0, this, [&seen] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        dialog->reject();
    });
    QVERIFY(click(&window, "sidebarSettingsButton"));
    QVERIFY(seen);
}

void TestMainWindow::welcomeIsShownOnceThenFromHelp()
{
    QVERIFY(!m_profile->profile().settings().welcomeShown());
    {
        MainWindow first(**m_profile);
        first.show();
        QWidget *welcome = find<QWidget>(&first, "welcomePage");
        QVERIFY(welcome && welcome->isVisible());
        QVERIFY(m_profile->profile().settings().welcomeShown());
        QCOMPARE(first.currentPage(), MainWindow::WelcomePageIndex);
        // "Start" leaves it for the contacts.
        QVERIFY(click(welcome, "welcomeDoneButton"));
        QVERIFY(!welcome->isVisible());
        QVERIFY(first.contactsPage()->isVisible());
    }
    MainWindow again(**m_profile);
    again.show();
    QWidget *welcome = find<QWidget>(&again, "welcomePage");
    QVERIFY(welcome);
    QVERIFY(!welcome->isVisible());
    // Later starts open on the dashboard.
    QCOMPARE(again.currentPage(), MainWindow::DashboardPageIndex);
    QVERIFY(again.dashboardPage()->isVisible());
    QAction *gettingStarted = find<QAction>(&again, "gettingStartedAction");
    QVERIFY(gettingStarted);
    QCOMPARE(gettingStarted->text().remove(u'&'), QStringLiteral("Getting started"));
    gettingStarted->trigger();
    QVERIFY(welcome->isVisible());
    QCOMPARE(again.currentPage(), MainWindow::WelcomePageIndex);
    // A page chosen in the sidebar takes its place.
    find<QListWidget>(&again, "sidebarList")->setCurrentRow(MainWindow::GroupsPageIndex);
    QVERIFY(!welcome->isVisible());
    QVERIFY(again.groupsPage()->isVisible());
}

void TestMainWindow::welcomePractiseOpensComposeInPracticeMode()
{
    // Even with the real gateway chosen, practising sends nothing out.
    m_profile->profile().settings().setGatewayProvider(GatewayKind::AfricasTalking);
    MainWindow window(**m_profile);
    window.show();
    QWidget *welcome = find<QWidget>(&window, "welcomePage");
    QVERIFY(welcome);
    QVERIFY(welcome->isVisible());
    GatewayKind gateway = GatewayKind::AfricasTalking;
    bool charged = true;
    bool banner = false;
    QVERIFY(onCompose(
        [&](ComposeCampaignDialog *dialog) {
            gateway = dialog->draft().gateway;
            charged = dialog->draft().chargeTokens;
            banner = dialog->findChild<QWidget *>(QStringLiteral("simulationBannerLabel"))->isVisible();
        },
        [&] { QVERIFY(click(welcome, "welcomePractiseButton")); }));
    QCOMPARE(gateway, GatewayKind::Simulator);
    QVERIFY(!charged);
    QVERIFY(banner);
}

void TestMainWindow::welcomeGoLiveOpensTheGatewaySettings()
{
    MainWindow window(**m_profile);
    window.show();
    QWidget *welcome = find<QWidget>(&window, "welcomePage");
    QVERIFY(welcome);
    auto *text = find<QLabel>(welcome, "welcomeGoLiveLabel");
    QVERIFY(text);
    QVERIFY(text->text().contains(QStringLiteral("africastalking.com")));
    QVERIFY(text->text().contains(QStringLiteral("API key")));
    int tab = -1;
    QTimer::singleShot(0, this, [&tab] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        tab = dialog->findChild<QTabWidget *>()->currentIndex();
        dialog->reject();
    });
    QVERIFY(click(welcome, "welcomeGoLiveButton"));
    QCOMPARE(tab, int(SettingsDialog::GatewayTab));
}

void TestMainWindow::welcomeImportOpensTheImport()
{
    MainWindow window(**m_profile);
    window.show();
    QWidget *welcome = find<QWidget>(&window, "welcomePage");
    QVERIFY(welcome);
    bool seen = false;
    QTimer::singleShot(0, this, [&seen] {
        // The file chooser of the import comes first.
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        seen = true;
        modal->close();
    });
    QVERIFY(click(welcome, "welcomeImportButton"));
    QVERIFY(seen);
    QVERIFY(window.contactsPage()->isVisible());
}

void TestMainWindow::dataFolderIsInAboutNotCutInTheStatusBar()
{
    QVERIFY(Language::install(QStringLiteral("sw")));
    // A profile where people keep their documents: a long path.
    QTemporaryDir home;
    const QString directory = QDir::toNativeSeparators(
        home.path() + QStringLiteral("/Documents/Church office/Kengele/St Andrew's Presbyterian Church, Nairobi West"));
    QVERIFY(QDir().mkpath(directory));
    test::FixedClock clock;
    auto profile = Profile::open(directory, clock);
    QVERIFY(profile);
    MainWindow window(**profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Nothing in the status bar is a part of the path.
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->isVisible())
            QVERIFY2(!label->text().contains(QStringLiteral("Nairobi")), qPrintable(label->text()));
    }
    // Help → About says where the data is, whole.
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QAction *about = find<QAction>(&window, "aboutAction");
    QVERIFY(about);
    about->trigger();
    QVERIFY2(MessageBox::lastText().contains(directory), qPrintable(MessageBox::lastText()));
}

void TestMainWindow::groupMemberNamesAreNotCut_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("English") << "en";
    QTest::addRow("Kiswahili") << "sw";
}

void TestMainWindow::groupMemberNamesAreNotCut()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(language));
    MainWindow window(**m_profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::GroupsPageIndex);
    GroupsPage *page = window.groupsPage();
    // The demo's longest names are in these groups.
    for (const QString &name : {QStringLiteral("Choir"), QStringLiteral("Women's Fellowship")}) {
        page->selectGroup(m_profile->profile().groups().findByName(name)->id);
        QCoreApplication::processEvents();
        for (QTableView *view : {page->membersView(), page->candidatesView()}) {
            const int available = view->columnWidth(ContactTableModel::NameColumn);
            const QFontMetrics metrics(view->font());
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                const QString text = view->model()->index(row, ContactTableModel::NameColumn).data().toString();
                // The text plus the cell's margins (Fusion: 2 × 4 px and the grid line).
                QVERIFY2(metrics.horizontalAdvance(text) + 10 <= available,
                         qPrintable(QStringLiteral("%1 in %2 px (%3)").arg(text).arg(available).arg(view->objectName())));
            }
        }
    }
}

void TestMainWindow::iconsTakeThePaletteTextColour()
{
    const QPalette before = QApplication::palette();
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? test::darkPalette() : QApplication::style()->standardPalette());
        const QColor text = QApplication::palette().color(QPalette::Text);
        const QImage image = Icons::icon(Icons::Contact).pixmap(QSize(48, 48)).toImage();
        QVERIFY(!image.isNull());
        int strokes = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor pixel = image.pixelColor(x, y);
                if (pixel.alpha() < 250)
                    continue;
                ++strokes;
                QCOMPARE(pixel.rgb(), text.rgb());
            }
        }
        QVERIFY(strokes > 40);
        // Selected: the highlighted text's colour.
        const QImage selected = Icons::icon(Icons::Contact).pixmap(QSize(48, 48), QIcon::Selected).toImage();
        const QColor highlighted = QApplication::palette().color(QPalette::HighlightedText);
        bool found = false;
        for (int y = 0; y < selected.height() && !found; ++y) {
            for (int x = 0; x < selected.width() && !found; ++x)
                found = selected.pixelColor(x, y).alpha() >= 250 && selected.pixelColor(x, y).rgb() == highlighted.rgb();
        }
        QVERIFY(found);
    }
    QApplication::setPalette(before);
}

void TestMainWindow::selectedSidebarItemHasNoFocusFrame()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    MainWindow window(**m_profile);
    window.resize(1280, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showPage(MainWindow::ContactsPageIndex);
    auto *sidebar = find<QListWidget>(&window, "sidebarList");
    sidebar->setFocus();
    QTRY_VERIFY(sidebar->hasFocus());
    // Inside the selected item, away from its text and icon, only the selection's colour: no
    // dotted or solid frame of another colour.
    const QRect item = sidebar->visualItemRect(sidebar->item(MainWindow::ContactsPageIndex));
    const QImage image = sidebar->viewport()->grab(item).toImage();
    // The right quarter of the item, clear of its rounded corners, is all one colour.
    const QColor fill = image.pixelColor(image.width() * 3 / 4, image.height() / 2);
    QVERIFY(fill != sidebar->palette().color(QPalette::Window));
    for (int y = 2; y < image.height() - 2; ++y) {
        for (int x = image.width() * 3 / 4; x < image.width() - 7; ++x) {
            const QColor pixel = image.pixelColor(x, y);
            QVERIFY2(pixel.rgb() == fill.rgb(),
                     qPrintable(QStringLiteral("%1 at %2,%3 in the selected item").arg(pixel.name()).arg(x).arg(y)));
        }
    }
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
