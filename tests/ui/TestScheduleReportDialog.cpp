// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "reports/ReportSchedules.h"
#include "reports/ScheduleReportDialog.h"
#include "settings/Settings.h"
#include "tokens/TokenLedger.h"
#include "widgets/Banner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;
using test::find;

class TestScheduleReportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void schedulesAWeeklyPdfAndSms();
    void showsTheDayThatFitsTheCadence();
    void refusalStaysOpenWithTheReason();
    void savesAScreenshot();

private:
    Profile &profile() { return **m_profile; }
    std::unique_ptr<test::TempProfile> m_profile;
    QTemporaryDir m_folder;
    qint64 m_leaders = 0;
};

void TestScheduleReportDialog::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    m_profile->clock().set(QDateTime(QDate(2026, 11, 2), QTime(7, 0), Qt::UTC));
    profile().reportSchedules().setTimeZone(QTimeZone("Africa/Nairobi"));
    profile().settings().setGatewayProvider(GatewayKind::AfricasTalking);
    QVERIFY(profile().tokens().grant(u"Main"_s, 250, u"test"_s, {}));
    profile().groups().create(u"Choir"_s);
    m_leaders = profile().groups().create(u"Leaders"_s)->id;
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i) {
        ContactInput input;
        input.firstName = u"Leader%1"_s.arg(i);
        input.phone = u"07220000%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        ids << profile().contacts().add(input)->id;
    }
    QVERIFY(profile().groups().addMembers(m_leaders, ids));
    QVERIFY(profile().contacts().optOut(u"0722000003"_s, {}));
}

void TestScheduleReportDialog::cleanup()
{
    m_profile.reset();
}

void TestScheduleReportDialog::schedulesAWeeklyPdfAndSms()
{
    ScheduleReportDialog dialog(u"monthly-summary"_s, u"Monthly messaging summary"_s, profile().reportSchedules(),
                                profile().groups());
    dialog.show();
    auto *ok = find<QPushButton>(&dialog, "scheduleButton");
    QVERIFY(!ok->isEnabled()); // nowhere to go yet
    find<QComboBox>(&dialog, "everyComboBox")->setCurrentIndex(1); // every week
    auto *weekday = find<QComboBox>(&dialog, "weekdayComboBox");
    weekday->setCurrentIndex(weekday->findData(3)); // Wednesday
    find<QTimeEdit>(&dialog, "timeEdit")->setTime(QTime(6, 30));
    find<QCheckBox>(&dialog, "pdfCheckBox")->setChecked(true);
    QVERIFY(!ok->isEnabled()); // no folder yet
    QTest::keyClicks(find<QLineEdit>(&dialog, "folderLineEdit"), QDir::toNativeSeparators(m_folder.path()));
    QVERIFY(ok->isEnabled());
    find<QCheckBox>(&dialog, "smsCheckBox")->setChecked(true);
    auto *group = find<QComboBox>(&dialog, "groupComboBox");
    group->setCurrentIndex(group->findData(m_leaders));
    // The cost of each SMS summary: three leaders (one opted out), one part each.
    const QString cost = find<QLabel>(&dialog, "costLabel")->text();
    QVERIFY2(cost.contains(u"3 person"_s) || cost.contains(u"3 people"_s), qPrintable(cost));
    QVERIFY2(cost.contains(u"3 token"_s), qPrintable(cost));
    QVERIFY2(cost.contains(u"250"_s), qPrintable(cost));
    QVERIFY(find<QLabel>(&dialog, "coversLabel")->text().contains(u"Monday to Sunday"_s));
    ok->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.scheduleId() > 0);
    const auto made = profile().reportSchedules().get(dialog.scheduleId());
    QVERIFY(made);
    QCOMPARE(made->cadence.every, ReportCadence::Every::Weekly);
    QCOMPARE(made->cadence.day, 3);
    QCOMPARE(made->cadence.at, QTime(6, 30));
    QCOMPARE(QDir(made->folder), QDir(m_folder.path()));
    QCOMPARE(made->smsGroupId, m_leaders);
    // Wednesday 4 November, 06:30 in Nairobi.
    QCOMPARE(made->nextDueAt, QDateTime(QDate(2026, 11, 4), QTime(3, 30), Qt::UTC));
}

void TestScheduleReportDialog::showsTheDayThatFitsTheCadence()
{
    ScheduleReportDialog dialog(u"opt-outs"_s, u"Opt-outs"_s, profile().reportSchedules(), profile().groups());
    dialog.show();
    auto *every = find<QComboBox>(&dialog, "everyComboBox");
    auto *weekday = find<QComboBox>(&dialog, "weekdayComboBox");
    auto *monthDay = find<QSpinBox>(&dialog, "monthDaySpinBox");
    auto *covers = find<QLabel>(&dialog, "coversLabel");
    every->setCurrentIndex(0);
    QVERIFY(!weekday->isVisible());
    QVERIFY(!monthDay->isVisible());
    QVERIFY(covers->text().contains(u"day before"_s));
    every->setCurrentIndex(2);
    QVERIFY(!weekday->isVisible());
    QVERIFY(monthDay->isVisible());
    QVERIFY(covers->text().contains(u"month before"_s));
    monthDay->setValue(31);
    find<QCheckBox>(&dialog, "pdfCheckBox")->setChecked(true);
    find<QLineEdit>(&dialog, "folderLineEdit")->setText(m_folder.path());
    find<QPushButton>(&dialog, "scheduleButton")->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto made = profile().reportSchedules().get(dialog.scheduleId());
    QCOMPARE(made->cadence.every, ReportCadence::Every::Monthly);
    QCOMPARE(made->cadence.day, 31);
    // 30 November: a month without a 31st goes on its last day.
    QCOMPARE(made->nextDueAt, QDateTime(QDate(2026, 11, 30), QTime(4, 0), Qt::UTC));
}

void TestScheduleReportDialog::refusalStaysOpenWithTheReason()
{
    ScheduleReportDialog dialog(u"monthly-summary"_s, u"Monthly messaging summary"_s, profile().reportSchedules(),
                                profile().groups());
    dialog.show();
    find<QCheckBox>(&dialog, "pdfCheckBox")->setChecked(true);
    find<QLineEdit>(&dialog, "folderLineEdit")->setText(m_folder.filePath(u"not-there"_s));
    find<QPushButton>(&dialog, "scheduleButton")->click();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.scheduleId(), 0);
    QVERIFY(find<Banner>(&dialog, "scheduleErrorBanner")->isVisible());
    QVERIFY(dialog.problem().contains(u"not-there"_s));
    QCOMPARE(profile().reportSchedules().list()->size(), 0);
}

void TestScheduleReportDialog::savesAScreenshot()
{
    ScheduleReportDialog dialog(u"monthly-summary"_s, u"Monthly messaging summary"_s, profile().reportSchedules(),
                                profile().groups());
    find<QCheckBox>(&dialog, "pdfCheckBox")->setChecked(true);
    find<QLineEdit>(&dialog, "folderLineEdit")->setText(u"/home/office/Documents/Reports"_s);
    find<QCheckBox>(&dialog, "smsCheckBox")->setChecked(true);
    auto *group = find<QComboBox>(&dialog, "groupComboBox");
    group->setCurrentIndex(group->findData(m_leaders));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QDir dir(qEnvironmentVariable("KENGELE_SCREENSHOT_DIR", QDir::tempPath() + u"/kengele-screenshots"_s));
    QVERIFY(dir.mkpath(u"."_s));
    const QString path = dir.filePath(u"schedule-report-dialog-en.png"_s);
    QVERIFY(dialog.grab().save(path));
    qInfo() << "saved" << path;
}

QTEST_MAIN(TestScheduleReportDialog)
#include "TestScheduleReportDialog.moc"
