// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeRelay.h"
#include "FakeSecretStore.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "inbox/InboxPage.h"
#include "inbox/RelayStatusText.h"
#include "settings/RelaySettingsWidget.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelayLinkStore.h"
#include "sync/RelaySyncService.h"
#include "widgets/HintLabel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

using namespace kengele;
using kengele::test::FakeRelay;
using kengele::test::FakeSecretStore;
using kengele::test::find;
using kengele::test::TempProfile;

// Settings → Relay (connect with an address and an enrolment code, clear messages when it does
// not work) and the window's relay indicator in each state.
class TestRelaySettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectsWithAnEnrolmentCode();
    void connectFailures_data();
    void connectFailures();
    void indicatorTexts_data();
    void indicatorTexts();
    void indicatorFollowsTheSync();
    void explainsTheRelayInPlainWords();
    void noInternalIdsOnAnySettingsPage();
    void refusedComputerShowsTheReasonAndReconnect();
};

namespace {

// Every text a person can see or hear in `root`: labels, buttons, titles, fields, items, tooltips.
QStringList visibleTexts(QWidget *root)
{
    QStringList texts;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        texts << w->toolTip() << w->accessibleName() << w->windowTitle();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *box = qobject_cast<QGroupBox *>(w))
            texts << box->title();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->text() << edit->placeholderText();
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
        }
    }
    return texts;
}

} // namespace

void TestRelaySettings::connectsWithAnEnrolmentCode()
{
    FakeRelay relay;
    QVERIFY(relay.start());
    relay.addCode(QStringLiteral("KGL-ABCD-1234"));
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    dialog.showTab(SettingsDialog::RelayTab);
    RelaySettingsWidget *widget = dialog.relaySettings();
    QVERIFY(widget->isVisible());
    QVERIFY(!find<QGroupBox>(&dialog, "relayLinkBox")->isVisible());
    QSignalSpy connected(widget, &RelaySettingsWidget::connected);

    QTest::keyClicks(find<QLineEdit>(&dialog, "relayUrlEdit"), relay.url().toString());
    QTest::keyClicks(find<QLineEdit>(&dialog, "enrolmentCodeEdit"), QStringLiteral("KGL-ABCD-1234"));
    find<QLineEdit>(&dialog, "deviceNameEdit")->setText(QStringLiteral("Office PC"));
    auto *connectButton = find<QPushButton>(&dialog, "relayConnectButton");
    QTest::mouseClick(connectButton, Qt::LeftButton);
    // Asynchronous: the window is not held while the relay answers.
    QVERIFY(widget->isConnecting());
    QVERIFY(!connectButton->isEnabled());
    QVERIFY(widget->resultText().startsWith(QStringLiteral("Connecting to")));
    QTRY_COMPARE(connected.size(), 1);
    QVERIFY2(widget->resultText().contains(QStringLiteral("Connected to “St. Test's Parish”")), qPrintable(widget->resultText()));
    QVERIFY(connectButton->isEnabled());
    // The token went to the keychain, the address to the settings.
    QCOMPARE(secrets.values.value(QString::fromLatin1(RelayConnector::TokenSecret)), relay.issuedToken);
    QCOMPARE(profile->settings().relayUrl(), relay.url().toString());
    QVERIFY(find<QGroupBox>(&dialog, "relayLinkBox")->isVisible());
    QVERIFY(widget->connectionText().contains(QStringLiteral("St. Test's Parish")));
    QVERIFY(find<QLineEdit>(&dialog, "enrolmentCodeEdit")->text().isEmpty());

    // A new dialog shows the connection.
    SettingsDialog again(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    QVERIFY(again.relaySettings()->connectionText().contains(QStringLiteral("St. Test's Parish")));
    QCOMPARE(find<QLineEdit>(&again, "relayUrlEdit")->text(), relay.url().toString());
}

void TestRelaySettings::connectFailures_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("expected");
    QTest::addRow("not an address") << "not an address"
                                    << "is not the address of a relay";
    QTest::addRow("used or expired code") << "used code"
                                          << "did not accept this enrolment code";
    QTest::addRow("unreachable") << "down"
                                 << "cannot reach the relay";
    QTest::addRow("no code") << "no code"
                             << "Type the enrolment code";
}

void TestRelaySettings::connectFailures()
{
    QFETCH(QString, how);
    QFETCH(QString, expected);
    FakeRelay relay;
    QVERIFY(relay.start());
    relay.addCode(QStringLiteral("KGL-OTHER"));
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    dialog.showTab(SettingsDialog::RelayTab);
    RelaySettingsWidget *widget = dialog.relaySettings();
    QSignalSpy failed(widget, &RelaySettingsWidget::connectFailed);
    QString url = relay.url().toString();
    QString code = QStringLiteral("KGL-USED-0000");
    if (how == QStringLiteral("not an address"))
        url = QStringLiteral("relay dot example");
    else if (how == QStringLiteral("down"))
        relay.goDown();
    else if (how == QStringLiteral("wrong path"))
        url += QStringLiteral("/somewhere");
    else if (how == QStringLiteral("no code"))
        code.clear();
    find<QLineEdit>(&dialog, "relayUrlEdit")->setText(url);
    find<QLineEdit>(&dialog, "enrolmentCodeEdit")->setText(code);
    QTest::mouseClick(find<QPushButton>(&dialog, "relayConnectButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY2(widget->resultText().contains(expected), qPrintable(widget->resultText()));
    QVERIFY(find<QPushButton>(&dialog, "relayConnectButton")->isEnabled());
    // Nothing was kept.
    QVERIFY(secrets.values.isEmpty());
    QVERIFY(profile->settings().relayUrl().isEmpty());
    QVERIFY(!find<QGroupBox>(&dialog, "relayLinkBox")->isVisible());
}

void TestRelaySettings::indicatorTexts_data()
{
    const QDateTime now(QDate(2026, 3, 1), QTime(6, 30), Qt::UTC); // 09:30 in Nairobi
    QTest::addColumn<RelaySyncStatus>("status");
    QTest::addColumn<bool>("linked");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("text");

    QTest::addRow("not set up") << RelaySyncStatus{} << false << int(RelayStatusText::State::NotSetUp) << "Relay: not set up";
    RelaySyncStatus connected;
    connected.configured = connected.running = connected.connected = true;
    connected.lastSync = now.addSecs(-150);
    QTest::addRow("connected") << connected << true << int(RelayStatusText::State::Connected)
                               << "Relay: connected · last sync 2 min ago";
    connected.lastSync = now.addSecs(-20);
    QTest::addRow("just synced") << connected << true << int(RelayStatusText::State::Connected)
                                 << "Relay: connected · last sync just now";
    RelaySyncStatus offline;
    offline.configured = offline.running = true;
    offline.offlineSince = QDateTime(QDate(2026, 3, 1), QTime(6, 14), Qt::UTC);
    offline.nextAttempt = QDateTime(QDate(2026, 3, 1), QTime(6, 16), Qt::UTC);
    offline.lastError = QStringLiteral("Kengele cannot reach the relay");
    QTest::addRow("offline") << offline << true << int(RelayStatusText::State::Offline)
                             << "Relay: offline since 09:14 · trying again at 09:16";
    RelaySyncStatus refused;
    refused.configured = true;
    refused.needsEnrolment = true;
    QTest::addRow("needs enrolment") << refused << true << int(RelayStatusText::State::NeedsEnrolment)
                                     << "Relay: this computer must be connected again";
    RelaySyncStatus starting;
    QTest::addRow("starting") << starting << true << int(RelayStatusText::State::Connecting) << "Relay: connecting…";
}

void TestRelaySettings::indicatorTexts()
{
    QFETCH(RelaySyncStatus, status);
    QFETCH(bool, linked);
    QFETCH(int, state);
    QFETCH(QString, text);
    const QDateTime now(QDate(2026, 3, 1), QTime(6, 30), Qt::UTC);
    const RelayStatusText::Indicator indicator = RelayStatusText::indicator(status, linked, now);
    QCOMPARE(int(indicator.state), state);
    QCOMPARE(indicator.text, text);

    // The same in the window's status bar (the test profile's clock says 09:00 in Nairobi).
    TempProfile profile;
    profile.clock().set(now);
    if (linked)
        profile->settings().setRelayUrl(QStringLiteral("http://127.0.0.1:9"));
    MainWindow window(*profile);
    window.show();
    window.showRelayStatus(status);
    QCOMPARE(window.relayIndicatorText(), text);
    // "Try again" only while offline, and only with a sync to wake.
    QVERIFY(!find<QToolButton>(&window, "relayRetryButton")->isVisible());
    // The inbox says "must be connected again" too, with "Reconnect…".
    const bool refused = indicator.state == RelayStatusText::State::NeedsEnrolment;
    QCOMPARE(indicator.offersReconnect, refused);
    QCOMPARE(find<QLabel>(&window, "inboxRelayBanner")->isVisibleTo(window.inboxPage()), refused);
    // So does the status bar, beside "Relay: this computer must be connected again".
    QCOMPARE(find<QToolButton>(&window, "relayReconnectButton")->isVisible(), refused);
}

void TestRelaySettings::indicatorFollowsTheSync()
{
    FakeRelay relay;
    QVERIFY(relay.start());
    relay.addCode(QStringLiteral("KGL-1"));
    TempProfile profile;
    FakeSecretStore secrets;
    QNetworkAccessManager network;
    RelayClient client(network);
    RelayConnector connector(profile->settings(), secrets, profile->relayLinks(), client);
    bool enrolled = false;
    connector.connectDevice(relay.url().toString(), QStringLiteral("KGL-1"), QStringLiteral("Office"),
                            [&](Result<RelayEnrolment> result) { enrolled = result.has_value(); });
    QTRY_VERIFY(enrolled);

    RelaySyncService sync(profile->database(), profile->contacts(), profile->tokens(), client, profile.clock());
    RelaySyncService::Options options;
    options.waitSeconds = 1;
    options.firstRetryMs = 60'000;
    sync.setOptions(options);
    MainWindow window(*profile);
    window.show();
    window.setRelaySyncService(&sync);
    auto *indicator = find<QToolButton>(&window, "relayStatusButton");
    auto *retry = find<QToolButton>(&window, "relayRetryButton");
    auto *sidebar = find<QListWidget>(&window, "sidebarList");
    relay.addInbound(QStringLiteral("in-1"), QStringLiteral("+254712000111"), QStringLiteral("PRAY for the harvest"));
    relay.addInbound(QStringLiteral("in-2"), QStringLiteral("+254712000112"), QStringLiteral("STOP"));
    sync.start();
    QTRY_VERIFY(window.relayIndicatorText().startsWith(QStringLiteral("Relay: connected · last sync just now")));
    // The events reached the inbox and the sidebar says so.
    QTRY_COMPARE(sidebar->item(MainWindow::InboxPageIndex)->text(), QStringLiteral("Inbox (2)"));

    // The relay goes away: offline, with "Try again".
    relay.goDown();
    QTRY_VERIFY_WITH_TIMEOUT(window.relayIndicatorText().startsWith(QStringLiteral("Relay: offline since")), 20000);
    QVERIFY(window.relayIndicatorText().contains(QStringLiteral("trying again at")));
    QVERIFY(retry->isVisible());
    QVERIFY(!indicator->toolTip().isEmpty());
    QVERIFY(relay.comeBack());
    const int asked = int(relay.feedRequests().size());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY(relay.feedRequests().size() > asked);
    QTRY_VERIFY(window.relayIndicatorText().startsWith(QStringLiteral("Relay: connected")));
    QVERIFY(!retry->isVisible());

    // The relay refuses this computer: it must be connected again.
    relay.tokens.clear();
    relay.addInbound(QStringLiteral("in-3"), QStringLiteral("+254712000113"), QStringLiteral("Habari"));
    QTRY_VERIFY_WITH_TIMEOUT(window.relayIndicatorText() == QStringLiteral("Relay: this computer must be connected again"),
                             20000);
    QVERIFY(!retry->isVisible());
    sync.stop();
}

void TestRelaySettings::explainsTheRelayInPlainWords()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    dialog.showTab(SettingsDialog::RelayTab);
    auto *explanation = find<QLabel>(&dialog, "relayExplanationLabel");
    QVERIFY(explanation->isVisible());
    QVERIFY2(explanation->text().contains(QStringLiteral(
                 "receives replies and delivery reports for this computer, and passes them on when it is switched on")),
             qPrintable(explanation->text()));
    // Normal text, not a grey hint.
    QVERIFY(!qobject_cast<HintLabel *>(explanation));
    QCOMPARE(explanation->palette().color(QPalette::WindowText), dialog.palette().color(QPalette::WindowText));
}

void TestRelaySettings::noInternalIdsOnAnySettingsPage()
{
    const QRegularExpression internalId(QStringLiteral("\\b(org|dev)_[A-Za-z0-9]"));
    for (const QString &orgName : {QStringLiteral("St. Peter's Parish, Nakuru"), QString()}) {
        TempProfile profile;
        QVERIFY(RelayLinkStore(profile->database(), profile.clock())
                    .saveEnrolment(RelayEnrolment{QStringLiteral("dev_7f3k2"), QStringLiteral("t"),
                                                  QStringLiteral("org_stpeters"), orgName}));
        profile->settings().setRelayUrl(QStringLiteral("https://relay.kengele.org"));
        FakeSecretStore secrets;
        SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        dialog.show();
        dialog.showTab(SettingsDialog::RelayTab);
        QVERIFY(find<QGroupBox>(&dialog, "relayLinkBox")->isVisible());
        if (!orgName.isEmpty())
            QVERIFY(dialog.relaySettings()->connectionText().contains(orgName));
        for (int tab = SettingsDialog::GeneralTab; tab <= SettingsDialog::SendingTab; ++tab) {
            dialog.showTab(SettingsDialog::Tab(tab));
            const QStringList texts = visibleTexts(&dialog);
            for (const QString &text : texts)
                QVERIFY2(!internalId.match(text).hasMatch(), qPrintable(text));
        }
    }
}

void TestRelaySettings::refusedComputerShowsTheReasonAndReconnect()
{
    FakeRelay relay;
    QVERIFY(relay.start());
    relay.addCode(QStringLiteral("KGL-1"));
    TempProfile profile;
    FakeSecretStore secrets;
    QNetworkAccessManager network;
    RelayClient client(network);
    RelayConnector connector(profile->settings(), secrets, profile->relayLinks(), client);
    bool enrolled = false;
    connector.connectDevice(relay.url().toString(), QStringLiteral("KGL-1"), QStringLiteral("Office"),
                            [&](Result<RelayEnrolment> result) { enrolled = result.has_value(); });
    QTRY_VERIFY(enrolled);
    RelaySyncService sync(profile->database(), profile->contacts(), profile->tokens(), client, profile.clock());
    RelaySyncService::Options options;
    options.waitSeconds = 1;
    options.firstRetryMs = 60'000;
    sync.setOptions(options);

    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.relaySettings()->setRelaySyncService(&sync);
    dialog.show();
    dialog.showTab(SettingsDialog::RelayTab);
    auto *state = find<QLabel>(&dialog, "relayStateLabel");
    auto *reconnect = find<QPushButton>(&dialog, "relayReconnectButton");
    auto *reason = find<QLabel>(&dialog, "relayReasonLabel");
    // The relay no longer knows this computer's key.
    relay.tokens.clear();
    sync.start();
    QTRY_VERIFY_WITH_TIMEOUT(sync.status().needsEnrolment, 20000);
    QVERIFY2(state->text().contains(QStringLiteral("must be connected again")), qPrintable(state->text()));
    // The reason, in the sync's own words, in normal text.
    QVERIFY(reason->isVisible());
    QCOMPARE(reason->text(), sync.status().lastError);
    QVERIFY(!reason->text().isEmpty());
    QVERIFY(reconnect->isVisible());
    QCOMPARE(reconnect->text(), QStringLiteral("Reconnect…"));
    // Reconnect: straight to the enrolment code.
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QTRY_VERIFY(find<QLineEdit>(&dialog, "enrolmentCodeEdit")->hasFocus());
    sync.stop();

    // The status bar's indicator says how, and offers the same.
    const RelayStatusText::Indicator indicator = RelayStatusText::indicator(sync.status(), true, profile.clock().nowUtc());
    QVERIFY(indicator.offersReconnect);
    QCOMPARE(indicator.reason, sync.status().lastError);
    QCOMPARE(RelayStatusText::reconnectText(), QStringLiteral("Reconnect…"));
    QVERIFY2(indicator.toolTip.contains(QStringLiteral("reconnect")), qPrintable(indicator.toolTip));
}

QTEST_MAIN(TestRelaySettings)
#include "TestRelaySettings.moc"
