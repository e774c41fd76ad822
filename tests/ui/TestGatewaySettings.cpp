// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeAfricasTalking.h"
#include "FakeSecretStore.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/GatewaySetup.h"
#include "common/Language.h"
#include "settings/GatewaySettingsWidget.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QtTest>

using namespace kengele;
using kengele::test::FakeAfricasTalking;
using kengele::test::FakeSecretStore;
using kengele::test::find;
using kengele::test::TempProfile;

// Settings → SMS gateway: the simulator by default, Africa's Talking with its key in the keychain,
// the sender ID checked, the sandbox's username rule, and "Test connection".
class TestGatewaySettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { MessageBox::setNextAnswer(std::nullopt); }
    void simulatorIsTheDefault();
    void churchNameAndLogoAreSavedFromGeneral();
    void senderIdIsChecked_data();
    void senderIdIsChecked();
    void sandboxNeedsTheSandboxUsername();
    void liveAccountIsStoredWithTheKeyInTheKeychain();
    void savedKeyNeedNotBeTypedAgain();
    void keychainFailureKeepsTheDialogOpen();
    void testConnectionToTheSimulatorShowsItsBalance();
    void testConnectionToAfricasTalkingUsesTheForm();
    void simulatorReportsCanGoThroughTheRelay();
    void practiceModeIsCalledSo();
    void nothingIsCutOff_data();
    void nothingIsCutOff();

private:
    static QString keyName() { return QString::fromLatin1(GatewaySetup::ApiKeySecret); }
};

void TestGatewaySettings::simulatorIsTheDefault()
{
    TempProfile profile;
    FakeSecretStore secrets;
    QCOMPARE(profile->settings().gatewayProvider(), GatewayKind::Simulator);
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    dialog.showTab(SettingsDialog::GatewayTab);
    QVERIFY(find<QRadioButton>(&dialog, "simulatorRadio")->isChecked());
    auto *notice = find<QLabel>(&dialog, "simulationNoticeLabel");
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("Practice mode — no SMS leaves this computer")));
    QVERIFY(!find<QGroupBox>(&dialog, "africasTalkingBox")->isEnabled());
    // Saving without changes keeps the simulator and says nothing changed.
    QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.gatewayChanged());
    QCOMPARE(profile->settings().gatewayProvider(), GatewayKind::Simulator);
}

// Settings → General: the church's name and logo for printed reports (ReportPrinter's header).
void TestGatewaySettings::churchNameAndLogoAreSavedFromGeneral()
{
    TempProfile profile;
    FakeSecretStore secrets;
    profile->settings().setOrganisationName(QStringLiteral("St John's"));
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    dialog.showTab(SettingsDialog::GeneralTab);
    auto *name = find<QLineEdit>(&dialog, "organisationNameEdit");
    auto *logo = find<QLineEdit>(&dialog, "organisationLogoEdit");
    QVERIFY(find<QPushButton>(&dialog, "chooseLogoButton")->isVisible());
    QCOMPARE(name->text(), QStringLiteral("St John's"));
    QVERIFY(logo->text().isEmpty());
    name->setText(QStringLiteral(" St John's Parish,  Nakuru "));
    logo->setText(QStringLiteral("/home/office/logo.png"));
    QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(profile->settings().organisationName(), QStringLiteral("St John's Parish, Nakuru"));
    QCOMPARE(profile->settings().organisationLogo(), QStringLiteral("/home/office/logo.png"));
}

void TestGatewaySettings::senderIdIsChecked_data()
{
    QTest::addColumn<QString>("senderId");
    QTest::addColumn<QString>("explanation"); // empty: accepted
    QTest::addRow("too long") << "KANISA LA MUNGU"
                              << "at most 11";
    QTest::addRow("symbol") << "Kanisa!"
                            << "“!”";
    QTest::addRow("short code too short") << "12"
                                          << "3 to 8 digits";
    QTest::addRow("name") << "KANISA"
                          << "";
    QTest::addRow("with a space") << "St Marks"
                                  << "";
    QTest::addRow("short code") << "20414"
                                << "";
}

void TestGatewaySettings::senderIdIsChecked()
{
    QFETCH(QString, senderId);
    QFETCH(QString, explanation);
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    auto *edit = find<QLineEdit>(&dialog, "senderIdEdit");
    QTest::keyClicks(edit, senderId);
    auto *error = find<QLabel>(&dialog, "gatewayErrorLabel");
    dialog.accept();
    if (explanation.isEmpty()) {
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(profile->settings().gatewaySenderId(), senderId);
        QVERIFY(!error->isVisible());
    } else {
        // The dialog stays open on the gateway tab with a clear message, and nothing is stored.
        QVERIFY(dialog.isVisible());
        QCOMPARE(find<QTabWidget>(&dialog, "settingsTabs")->currentIndex(), int(SettingsDialog::GatewayTab));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(explanation), qPrintable(error->text()));
        QVERIFY(profile->settings().gatewaySenderId().isEmpty());
    }
}

void TestGatewaySettings::sandboxNeedsTheSandboxUsername()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    dialog.showTab(SettingsDialog::GatewayTab);
    find<QRadioButton>(&dialog, "africasTalkingRadio")->setChecked(true);
    QVERIFY(find<QGroupBox>(&dialog, "africasTalkingBox")->isEnabled());
    QVERIFY(!find<QLabel>(&dialog, "simulationNoticeLabel")->isVisible());
    QTest::keyClicks(find<QLineEdit>(&dialog, "usernameEdit"), QStringLiteral("stmarks"));
    QTest::keyClicks(find<QLineEdit>(&dialog, "apiKeyEdit"), QStringLiteral("atsk_sandbox_key"));
    auto *environment = find<QComboBox>(&dialog, "environmentCombo");
    environment->setCurrentIndex(environment->findData(QStringLiteral("sandbox")));
    QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    auto *error = find<QLabel>(&dialog, "gatewayErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("“sandbox”")));
    QCOMPARE(profile->settings().gatewayProvider(), GatewayKind::Simulator);
    QVERIFY(secrets.values.isEmpty());
    // With the sandbox username it is accepted.
    auto *username = find<QLineEdit>(&dialog, "usernameEdit");
    username->clear();
    QTest::keyClicks(username, QStringLiteral("sandbox"));
    QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(profile->settings().gatewayEnvironment(), QStringLiteral("sandbox"));
    QCOMPARE(profile->settings().gatewayUsername(), QStringLiteral("sandbox"));
}

void TestGatewaySettings::liveAccountIsStoredWithTheKeyInTheKeychain()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    find<QRadioButton>(&dialog, "africasTalkingRadio")->setChecked(true);
    QTRY_VERIFY(find<QLabel>(&dialog, "apiKeyStateLabel")->text().contains(QStringLiteral("Paste the API key")));
    QTest::keyClicks(find<QLineEdit>(&dialog, "usernameEdit"), QStringLiteral("stmarks"));
    QTest::keyClicks(find<QLineEdit>(&dialog, "apiKeyEdit"), QStringLiteral("atsk_live_secret_1234"));
    QTest::keyClicks(find<QLineEdit>(&dialog, "senderIdEdit"), QStringLiteral("STMARKS"));
    find<QDoubleSpinBox>(&dialog, "rateSpin")->setValue(10);
    QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.gatewayChanged());
    Settings &settings = profile->settings();
    QCOMPARE(settings.gatewayProvider(), GatewayKind::AfricasTalking);
    QCOMPARE(settings.gatewayUsername(), QStringLiteral("stmarks"));
    QCOMPARE(settings.gatewayEnvironment(), QStringLiteral("live"));
    QCOMPARE(settings.gatewaySenderId(), QStringLiteral("STMARKS"));
    QCOMPARE(settings.gatewayRatePerSecond(), 10.0);
    QVERIFY(settings.gatewayBaseUrl().isEmpty());
    // The key is in the keychain and nowhere in the profile's files.
    QCOMPARE(secrets.values.value(keyName()), QStringLiteral("atsk_live_secret_1234"));
    settings.sync();
    QDir dir(profile.path());
    for (const QString &name : dir.entryList(QDir::Files)) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("atsk_live_secret_1234"), qPrintable(name));
    }
}

void TestGatewaySettings::savedKeyNeedNotBeTypedAgain()
{
    TempProfile profile;
    FakeSecretStore secrets;
    secrets.values.insert(keyName(), QStringLiteral("atsk_saved"));
    profile->settings().setGatewayProvider(GatewayKind::AfricasTalking);
    profile->settings().setGatewayUsername(QStringLiteral("stmarks"));
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    QTRY_VERIFY(find<QLabel>(&dialog, "apiKeyStateLabel")->text().contains(QStringLiteral("is saved")));
    QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.gatewayChanged());
    QCOMPARE(secrets.values.value(keyName()), QStringLiteral("atsk_saved"));

    // Without a saved key, one must be typed.
    secrets.values.clear();
    SettingsDialog again(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    again.show();
    QTRY_VERIFY(find<QLabel>(&again, "apiKeyStateLabel")->text().contains(QStringLiteral("Paste")));
    again.accept();
    QVERIFY(again.isVisible());
    QVERIFY(find<QLabel>(&again, "gatewayErrorLabel")->text().contains(QStringLiteral("API key")));
}

void TestGatewaySettings::keychainFailureKeepsTheDialogOpen()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    find<QRadioButton>(&dialog, "africasTalkingRadio")->setChecked(true);
    QTest::keyClicks(find<QLineEdit>(&dialog, "usernameEdit"), QStringLiteral("stmarks"));
    QTest::keyClicks(find<QLineEdit>(&dialog, "apiKeyEdit"), QStringLiteral("atsk_live"));
    secrets.failNext = true;
    QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(find<QLabel>(&dialog, "gatewayErrorLabel")->text().contains(QStringLiteral("could not be saved")));
    // Nothing was switched over to a gateway without its key.
    QCOMPARE(profile->settings().gatewayProvider(), GatewayKind::Simulator);
}

void TestGatewaySettings::testConnectionToTheSimulatorShowsItsBalance()
{
    TempProfile profile;
    FakeSecretStore secrets;
    GatewaySettingsWidget widget(profile->settings(), secrets);
    widget.show();
    auto *test = find<QPushButton>(&widget, "testConnectionButton");
    QTest::mouseClick(test, Qt::LeftButton);
    auto *result = find<QLabel>(&widget, "connectionResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Balance")), 5000);
    QVERIFY(result->text().contains(QStringLiteral("KES")));
    QVERIFY2(result->text().contains(QStringLiteral("Practice mode")), qPrintable(result->text()));
    QVERIFY(test->isEnabled());
    // The keychain was never asked for the simulator.
    QVERIFY(secrets.values.isEmpty());
}

void TestGatewaySettings::testConnectionToAfricasTalkingUsesTheForm()
{
    TempProfile profile;
    FakeSecretStore secrets;
    FakeAfricasTalking fake;
    QVERIFY(fake.start());
    GatewaySettingsWidget widget(profile->settings(), secrets);
    widget.show();
    find<QRadioButton>(&widget, "africasTalkingRadio")->setChecked(true);
    QTest::keyClicks(find<QLineEdit>(&widget, "usernameEdit"), QStringLiteral("stmarks"));
    QTest::keyClicks(find<QLineEdit>(&widget, "apiKeyEdit"), QStringLiteral("atsk_typed"));
    QTest::keyClicks(find<QLineEdit>(&widget, "baseUrlEdit"), fake.url().toString());
    QSignalSpy finished(&widget, &GatewaySettingsWidget::testFinished);
    widget.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(widget.testResultText().contains(QStringLiteral("KES 100.0000")));
    QCOMPARE(fake.lastRequest().path, QStringLiteral("/version1/user"));
    QCOMPARE(fake.lastRequest().query.queryItemValue(QStringLiteral("username")), QStringLiteral("stmarks"));
    QCOMPARE(QString::fromLatin1(fake.lastRequest().header("apiKey")), QStringLiteral("atsk_typed"));
    // A wrong key: the answer says so.
    fake.enqueue(test::ScriptedAnswer::text(401, "The supplied authentication is invalid"));
    widget.testConnection();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY(widget.testResultText().startsWith(QStringLiteral("Could not connect")));
    // Nothing was stored by testing.
    QVERIFY(secrets.values.isEmpty());
    QCOMPARE(profile->settings().gatewayProvider(), GatewayKind::Simulator);
}

void TestGatewaySettings::simulatorReportsCanGoThroughTheRelay()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    dialog.showTab(SettingsDialog::GatewayTab);
    auto *reportUrl = find<QLineEdit>(&dialog, "simulatorReportUrlEdit");
    QVERIFY(reportUrl->isVisible());
    QVERIFY(reportUrl->text().isEmpty());
    // Not a web address: the dialog stays open and says what to paste.
    QTest::keyClicks(reportUrl, QStringLiteral("relay hook"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.gatewaySettings()->errorText().contains(QStringLiteral("/at/delivery")));
    reportUrl->setText(QStringLiteral("https://relay.example.org/hooks/org_1/abc/at/delivery"));
    QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(profile->settings().simulatorReportUrl(), QStringLiteral("https://relay.example.org/hooks/org_1/abc/at/delivery"));
    // The dispatcher's simulator must be made again with the new address.
    QVERIFY(dialog.gatewayChanged());
    // Only for the simulator: Africa's Talking reports go where its dashboard says.
    find<QRadioButton>(&dialog, "africasTalkingRadio")->setChecked(true);
    QVERIFY(!reportUrl->isVisible());
}

void TestGatewaySettings::practiceModeIsCalledSo()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    dialog.showTab(SettingsDialog::GatewayTab);
    QVERIFY(find<QRadioButton>(&dialog, "simulatorRadio")->text().startsWith(QStringLiteral("Practice mode")));
    // The retired words are nowhere on the page.
    const QRegularExpression retired(QStringLiteral("simulat|uigaji|\\.\\.\\."), QRegularExpression::CaseInsensitiveOption);
    const QList<QWidget *> widgets = dialog.gatewaySettings()->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        QStringList texts{w->toolTip()};
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *box = qobject_cast<QGroupBox *>(w))
            texts << box->title();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->placeholderText();
        for (const QString &text : std::as_const(texts))
            QVERIFY2(!retired.match(text).hasMatch(), qPrintable(text));
    }
}

void TestGatewaySettings::nothingIsCutOff_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("English") << "en";
    QTest::addRow("Kiswahili") << "sw";
}

void TestGatewaySettings::nothingIsCutOff()
{
    // The dialog at the size it opens with on a 1280x800 screen: the whole gateway page fits, and no
    // wrapped text is squeezed shorter than it needs.
    QFETCH(QString, language);
    Language::install(language);
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.height() <= 800 - 60);
    for (const bool africasTalking : {false, true}) {
        find<QRadioButton>(&dialog, africasTalking ? "africasTalkingRadio" : "simulatorRadio")->setChecked(true);
        dialog.showTab(SettingsDialog::GatewayTab);
        // The last line: a mistake in the form, said under it.
        auto *sender = find<QLineEdit>(&dialog, "senderIdEdit");
        sender->setText(africasTalking ? QStringLiteral("ST. PETER'S PARISH NAKURU") : QString());
        QCOMPARE(dialog.gatewaySettings()->errorText().isEmpty(), !africasTalking);
        QTest::qWait(20);
        QWidget *page = dialog.gatewaySettings();
        if (auto *scroll = page->findChild<QScrollArea *>())
            QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);
        const QList<QWidget *> widgets = page->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisible() || qobject_cast<QScrollBar *>(w))
                continue;
            const QRect inPage(w->mapTo(page, QPoint(0, 0)), w->size());
            QVERIFY2(inPage.bottom() <= page->height(),
                     qPrintable(w->objectName() + u' ' + QString::fromLatin1(w->metaObject()->className())));
            QVERIFY2(inPage.right() <= page->width(),
                     qPrintable(w->objectName() + u' ' + QString::fromLatin1(w->metaObject()->className())));
            if (auto *label = qobject_cast<QLabel *>(w); label && label->wordWrap() && !label->text().isEmpty())
                QVERIFY2(label->height() >= label->heightForWidth(label->width()), qPrintable(label->text()));
        }
    }
    Language::install(QStringLiteral("en"));
}

QTEST_MAIN(TestGatewaySettings)
#include "TestGatewaySettings.moc"
