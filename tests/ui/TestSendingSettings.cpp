// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "campaigns/GatewaySetup.h"
#include "common/Language.h"
#include "settings/SendingSettingsWidget.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "sync/OrgSettingsStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTimeEdit>
#include <QtTest>

using namespace kengele;
using kengele::test::FakeSecretStore;
using kengele::test::find;
using kengele::test::TempProfile;

// Settings → Sending: the quiet hours, or none, saved through Settings with the dialog's OK, and
// what the dispatcher then does.
class TestSendingSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheDefaultHours();
    void savesOtherHours();
    void savesNoQuietHours();
    void cancelChangesNothing();
    void sendingSpeedInPlainWords();
    void generalTabShowsTheLanguageInUse();
    void saysWhichSettingsAreShared();

private:
    // Opens the dialog on the Sending tab.
    void open(SettingsDialog &dialog)
    {
        dialog.show();
        auto *tabs = find<QTabWidget>(&dialog, "settingsTabs");
        tabs->setCurrentWidget(find<SendingSettingsWidget>(&dialog, "sendingSettingsWidget"));
    }
};

void TestSendingSettings::showsTheDefaultHours()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    open(dialog);
    auto *tabs = find<QTabWidget>(&dialog, "settingsTabs");
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Sending"));
    QCOMPARE(find<QTimeEdit>(&dialog, "quietStartEdit")->time(), QTime(21, 0));
    QCOMPARE(find<QTimeEdit>(&dialog, "quietEndEdit")->time(), QTime(7, 0));
    QVERIFY(!find<QCheckBox>(&dialog, "noQuietHoursCheck")->isChecked());
    QVERIFY(find<QTimeEdit>(&dialog, "quietStartEdit")->isEnabled());
    QVERIFY2(find<QLabel>(&dialog, "quietHoursExplanationLabel")->text().contains(QStringLiteral("From 21:00 until 07:00")),
             qPrintable(find<QLabel>(&dialog, "quietHoursExplanationLabel")->text()));
}

void TestSendingSettings::savesOtherHours()
{
    TempProfile profile;
    FakeSecretStore secrets;
    {
        SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        open(dialog);
        find<QTimeEdit>(&dialog, "quietStartEdit")->setTime(QTime(22, 30));
        find<QTimeEdit>(&dialog, "quietEndEdit")->setTime(QTime(6, 0));
        QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    Settings &settings = profile->settings();
    QVERIFY(settings.quietHoursEnabled());
    QCOMPARE(settings.quietHoursStart(), QTime(22, 30));
    QCOMPARE(settings.quietHoursEnd(), QTime(6, 0));
    // Saved in the church's shared settings, where kengele-cli, the next start and the church's
    // other computers read it.
    Settings reread(profile.path() + QStringLiteral("/settings.ini"));
    OrgSettingsStore store(profile->database());
    QVERIFY(reread.attachSharedStore(&store));
    QCOMPARE(reread.quietHoursStart(), QTime(22, 30));
    const Dispatcher::Options options = GatewaySetup::options(settings);
    QVERIFY(options.respectQuietHours);
    QVERIFY(options.quietHours.isQuiet(QDateTime(QDate(2026, 3, 1), QTime(23, 0))));
    QVERIFY(!options.quietHours.isQuiet(QDateTime(QDate(2026, 3, 1), QTime(22, 0))));
}

void TestSendingSettings::savesNoQuietHours()
{
    TempProfile profile;
    FakeSecretStore secrets;
    {
        SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        open(dialog);
        auto *none = find<QCheckBox>(&dialog, "noQuietHoursCheck");
        QTest::mouseClick(none, Qt::LeftButton, {}, QPoint(5, none->height() / 2));
        QVERIFY(none->isChecked());
        QVERIFY(!find<QTimeEdit>(&dialog, "quietStartEdit")->isEnabled());
        QVERIFY(!find<QTimeEdit>(&dialog, "quietEndEdit")->isEnabled());
        QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QVERIFY(!profile->settings().quietHoursEnabled());
    // The dispatcher sends at any hour.
    const Dispatcher::Options options = GatewaySetup::options(profile->settings());
    QVERIFY(!options.respectQuietHours);
    QVERIFY(!options.quietHours.isQuiet(QDateTime(QDate(2026, 3, 1), QTime(23, 0))));

    // Opened again: "No quiet hours" is ticked, with the usual hours ready for when they come back.
    SettingsDialog again(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    open(again);
    QVERIFY(find<QCheckBox>(&again, "noQuietHoursCheck")->isChecked());
    QCOMPARE(find<QTimeEdit>(&again, "quietStartEdit")->time(), QTime(21, 0));
    QCOMPARE(find<QTimeEdit>(&again, "quietEndEdit")->time(), QTime(7, 0));
    // Unticked and saved: the quiet hours are back.
    find<QCheckBox>(&again, "noQuietHoursCheck")->setChecked(false);
    QTest::mouseClick(find<QPushButton>(&again, "okButton"), Qt::LeftButton);
    QVERIFY(profile->settings().quietHoursEnabled());
    QCOMPARE(profile->settings().quietHoursStart(), QTime(21, 0));
}

void TestSendingSettings::cancelChangesNothing()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    open(dialog);
    find<QCheckBox>(&dialog, "noQuietHoursCheck")->setChecked(true);
    dialog.reject();
    QVERIFY(profile->settings().quietHoursEnabled());
    QCOMPARE(profile->settings().quietHoursStart(), QTime(21, 0));
    QCOMPARE(profile->settings().quietHoursEnd(), QTime(7, 0));
}

void TestSendingSettings::sendingSpeedInPlainWords()
{
    TempProfile profile;
    FakeSecretStore secrets;
    {
        SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        open(dialog);
        // The speed is a matter of sending: on this page, said plainly.
        auto *page = find<SendingSettingsWidget>(&dialog, "sendingSettingsWidget");
        auto *rate = find<QDoubleSpinBox>(page, "rateSpin");
        QVERIFY(rate->isVisible());
        QCOMPARE(rate->value(), 20.0);
        QVERIFY2(rate->suffix().contains(QStringLiteral("SMS")), qPrintable(rate->suffix()));
        const QString help = find<QLabel>(page, "rateExplanationLabel")->text();
        QVERIFY2(help.contains(QStringLiteral("20 SMS each second")), qPrintable(help));
        QVERIFY2(help.contains(QStringLiteral("1,000 SMS")), qPrintable(help));
        rate->setValue(5);
        QVERIFY2(find<QLabel>(page, "rateExplanationLabel")->text().contains(QStringLiteral("5 SMS each second")),
                 qPrintable(find<QLabel>(page, "rateExplanationLabel")->text()));
        QTest::mouseClick(find<QPushButton>(&dialog, "okButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.gatewayRateChanged());
        QVERIFY(!dialog.gatewayChanged());
    }
    QCOMPARE(profile->settings().gatewayRatePerSecond(), 5.0);
    QCOMPARE(GatewaySetup::options(profile->settings()).ratePerSecond, 5.0);
}

void TestSendingSettings::generalTabShowsTheLanguageInUse()
{
    // The screen is in Kiswahili although the profile's setting still says English (as when the
    // language came from elsewhere): the choice shows what is in use.
    TempProfile profile;
    QCOMPARE(profile->settings().language(), QStringLiteral("en"));
    Language::install(QStringLiteral("sw"));
    FakeSecretStore secrets;
    {
        SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        dialog.show();
        QCOMPARE(find<QComboBox>(&dialog, "languageCombo")->currentText(), QStringLiteral("Kiswahili"));
        QCOMPARE(find<QComboBox>(&dialog, "languageCombo")->currentData().toString(), QStringLiteral("sw"));
        // Saving keeps what is on screen, and nothing has to change.
        dialog.accept();
        QVERIFY(!dialog.languageChanged());
    }
    QCOMPARE(profile->settings().language(), QStringLiteral("sw"));
    Language::install(QStringLiteral("en"));
    SettingsDialog english(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    QCOMPARE(find<QComboBox>(&english, "languageCombo")->currentText(), QStringLiteral("English"));
}

// Each page says which of its settings the church's other computers share (architecture.md §7).
void TestSendingSettings::saysWhichSettingsAreShared()
{
    TempProfile profile;
    FakeSecretStore secrets;
    SettingsDialog dialog(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    dialog.resize(640, 700);
    dialog.show();
    const QString shots = qEnvironmentVariable("KENGELE_SCREENSHOT_DIR");
    const std::pair<int, const char *> pages[] = {
        {SettingsDialog::GeneralTab, "generalSharedHint"},
        {SettingsDialog::GatewayTab, "gatewaySharedHint"},
        {SettingsDialog::SendingTab, "quietHoursSharedHint"},
    };
    for (const auto &[tab, hint] : pages) {
        dialog.showTab(SettingsDialog::Tab(tab));
        test::settle();
        auto *label = find<QLabel>(&dialog, hint);
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(QStringLiteral("same on all the church's computers")));
        if (!shots.isEmpty())
            dialog.grab().save(QStringLiteral("%1/settings-%2.png").arg(shots, QString::fromLatin1(hint)));
    }
}

QTEST_MAIN(TestSendingSettings)
#include "TestSendingSettings.moc"
