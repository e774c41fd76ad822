// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/ComposeCampaignDialog.h"
#include "campaigns/OutboxStore.h"
#include "campaigns/ScheduleEditor.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "settings/Settings.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateService.h"
#include "tokens/TokenLedger.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QtTest>

using namespace kengele;
using kengele::test::find;
using kengele::test::TempProfile;

namespace {

// The dialog over the profile's services, as the Campaigns page opens it. (Returned as a prvalue:
// no copy, so a QDialog can be made here.)
ComposeCampaignDialog composeDialog(Profile &p)
{
    return ComposeCampaignDialog({p.campaigns(), p.templates(), p.groups(), p.contacts(), p.tokens(), p.settings(), p.clock()});
}

} // namespace

// Composing a campaign: the preview shows what CampaignService::preview says, the confirmation
// repeats the totals, and only "Yes" launches.
class TestComposeCampaignDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void previewMatchesTheServiceAndSendLaunches();
    void answeringNoSendsNothing();
    void simulationCostsNothing();
    void notEnoughTokensBlocksSending();
    void scheduledTimeIsStoredInUtc();
    void singlePersonTemplateAndPriority();
    void badSenderIdIsExplained();
    void nothingChosenYetSaysWhatToDo();
    void quietHoursAreExplained();
    void weeklyRepeatingCampaignIsScheduled();
    void weeklyWithoutDaysCannotBeSent();
    void monthlyOnTheThirtyFirstSaysLastDay();
    void quietHoursLookAtTheFirstTime();
    void editScheduledCampaign();
    void editRepeatingCampaign();
    void campaignThatStartedMeanwhileCannotBeSaved();
    void everyPreviewDatesTheSendDay();
    void allContactsGoesToEveryoneNotOptedOut();
    void previewForOffersOnlyThoseWhoGetIt();
    void moreOptionsAreClosedButNotHidden();
    void specialCharactersInPlainWords();

private:
    void check(QListWidget *groups, qint64 groupId);

    void chooseRepeat(ComposeCampaignDialog &dialog, ScheduleEditor::RepeatChoice choice);

    std::unique_ptr<TempProfile> m_profile;
    qint64 m_choir = 0;
    qint64 m_youth = 0;
    QList<qint64> m_contacts;
};

void TestComposeCampaignDialog::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    QVERIFY(test::fillContacts(p, 50));
    m_contacts.clear();
    const Result<QList<Contact>> contacts = p.contacts().fetch({}, 0, 100);
    for (const Contact &c : *contacts)
        m_contacts << c.id;
    // Choir: 0..29, Youth: 20..39 (ten people in both); two of the choir stopped messages.
    m_choir = p.groups().create(QStringLiteral("Choir"))->id;
    m_youth = p.groups().create(QStringLiteral("Youth"))->id;
    QVERIFY(p.groups().addMembers(m_choir, m_contacts.mid(0, 30)));
    QVERIFY(p.groups().addMembers(m_youth, m_contacts.mid(20, 20)));
    QVERIFY(p.contacts().optOut(p.contacts().get(m_contacts.at(3))->phone, QStringLiteral("asked")));
    QVERIFY(p.contacts().optOut(p.contacts().get(m_contacts.at(4))->phone, QStringLiteral("asked")));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 1000, QStringLiteral("test"), {}));
    p.settings().setQuietHours(QTime(0, 0), QTime(0, 0));
}

void TestComposeCampaignDialog::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_profile.reset();
}

void TestComposeCampaignDialog::check(QListWidget *groups, qint64 groupId)
{
    for (int i = 0; i < groups->count(); ++i) {
        if (groups->item(i)->data(Qt::UserRole).toLongLong() == groupId)
            groups->item(i)->setCheckState(Qt::Checked);
    }
}

void TestComposeCampaignDialog::previewMatchesTheServiceAndSendLaunches()
{
    Profile &p = **m_profile;
    // A real gateway costs tokens (nothing is sent here: no dispatcher runs).
    p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    QVERIFY(!find<QLabel>(&dialog, "simulationBannerLabel")->isVisible());
    QVERIFY(!find<QPushButton>(&dialog, "sendButton")->isEnabled());

    auto *groups = find<QListWidget>(&dialog, "groupList");
    QCOMPARE(groups->count(), 2);
    check(groups, m_choir);
    check(groups, m_youth);
    QTest::keyClicks(find<QLineEdit>(&dialog, "campaignNameEdit"), QStringLiteral("Harvest"));
    // Long enough that names push some messages into a second part.
    QTest::keyClicks(
        find<QPlainTextEdit>(&dialog, "messageEdit"),
        QStringLiteral("Dear {first_name} {last_name}, the harvest thanksgiving service is this Sunday at 9am. Bring "
                       "your family and friends; lunch follows in the church hall. God bless!"));
    auto *sendButton = find<QPushButton>(&dialog, "sendButton");
    QTRY_VERIFY(sendButton->isEnabled());

    const Result<CampaignPreview> expected = p.campaigns().preview(dialog.draft(), ComposeCampaignDialog::Samples);
    QVERIFY(expected);
    QCOMPARE(expected->recipients, 38); // 40 people, less two who stopped messages
    QCOMPARE(expected->duplicates, 10);
    QCOMPARE(expected->optedOut, 2);
    QVERIFY(dialog.preview());
    QCOMPARE(dialog.preview()->recipients, expected->recipients);
    QCOMPARE(dialog.preview()->tokens, expected->tokens);
    QVERIFY(expected->tokens > 0);
    QVERIFY(find<QLabel>(&dialog, "recipientsValueLabel")->text().contains(QStringLiteral("38")));
    // Who does not get it, and who gets it once although they are in both groups: not "left out".
    QCOMPARE(find<QLabel>(&dialog, "leftOutValueLabel")->text(), QStringLiteral("2 opted out"));
    QCOMPARE(find<QLabel>(&dialog, "countedOnceValueLabel")->text(), QStringLiteral("10"));
    QVERIFY(find<QLabel>(&dialog, "countedOnceValueLabel")->toolTip().contains(QStringLiteral("more than one")));
    QStringList labels;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        labels << label->text();
    QVERIFY(labels.contains(QStringLiteral("Not sent:")));
    QVERIFY(labels.contains(QStringLiteral("Counted once:")));
    QVERIFY(!labels.contains(QStringLiteral("Left out:")));
    // Tokens are explained where they first appear.
    auto *tokenHint = find<QLabel>(&dialog, "tokenHintLabel");
    QVERIFY(tokenHint->isVisible());
    QVERIFY2(tokenHint->text().contains(QStringLiteral("1 token = 1 SMS part to one person")), qPrintable(tokenHint->text()));
    QCOMPARE(find<QLabel>(&dialog, "encodingValueLabel")->text(), QStringLiteral("plain letters (160 per SMS part)"));
    QVERIFY(find<QLabel>(&dialog, "partsPerMessageValueLabel")->text().contains(QString::number(expected->maxSegments)));
    QVERIFY(find<QLabel>(&dialog, "totalPartsValueLabel")->text().contains(QString::number(expected->segments)));
    QVERIFY(find<QLabel>(&dialog, "tokensValueLabel")->text().contains(QString::number(expected->tokens)));
    QVERIFY(find<QLabel>(&dialog, "balanceValueLabel")->text().contains(QStringLiteral("1,000")));
    QVERIFY(find<QLabel>(&dialog, "balanceAfterValueLabel")->text().contains(QString::number(1000 - expected->tokens)));
    const QList<QLabel *> samples = dialog.findChildren<QLabel *>(QStringLiteral("sampleMessageLabel"));
    QCOMPARE(samples.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(samples.at(i)->text(), expected->samples.at(i));
    QVERIFY(samples.first()->text().startsWith(QStringLiteral("Dear ")));
    QVERIFY(samples.first()->text().contains(QStringLiteral(" Member 0000")));
    QVERIFY(sendButton->text().contains(QStringLiteral("38")));

    // The confirmation repeats the totals; "Yes" launches.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(sendButton, Qt::LeftButton);
    const QString asked = MessageBox::lastText();
    QVERIFY(asked.contains(QStringLiteral("38")));
    QVERIFY(asked.contains(QString::number(expected->tokens)));
    QVERIFY(asked.contains(QString::number(1000 - expected->tokens)));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.launchedCampaignId() > 0);
    const Campaign campaign = *p.campaigns().get(dialog.launchedCampaignId());
    QCOMPARE(campaign.name, QStringLiteral("Harvest"));
    QCOMPARE(campaign.recipients, 38);
    QCOMPARE(campaign.tokens, expected->tokens);
    QCOMPARE(campaign.gateway, GatewayKind::AfricasTalking);
    QCOMPARE(campaign.status, CampaignStatus::Queued);
    QCOMPARE(*p.tokens().balance(*p.tokens().accountId(QStringLiteral("Main"))), 1000 - expected->tokens);
    // A second click cannot send it again.
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QCOMPARE(p.campaigns().list()->size(), 1);
}

void TestComposeCampaignDialog::answeringNoSendsNothing()
{
    ComposeCampaignDialog dialog = composeDialog(**m_profile);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Choir practice at 2pm"));
    auto *sendButton = find<QPushButton>(&dialog, "sendButton");
    QTRY_VERIFY(sendButton->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.launchedCampaignId(), 0);
    QVERIFY((*m_profile)->campaigns().list()->isEmpty());
}

void TestComposeCampaignDialog::simulationCostsNothing()
{
    Profile &p = **m_profile;
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    auto *banner = find<QLabel>(&dialog, "simulationBannerLabel");
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("Practice mode — no SMS leaves this computer")));
    QVERIFY2(!banner->text().contains(QStringLiteral("imulat")), qPrintable(banner->text()));
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Choir practice at 2pm"));
    dialog.updatePreview();
    QCOMPARE(dialog.preview()->tokens, 0);
    QCOMPARE(find<QLabel>(&dialog, "tokensValueLabel")->text(), QStringLiteral("nothing (practice mode)"));
    QVERIFY(find<QLabel>(&dialog, "previewWarningsLabel")->text().contains(QStringLiteral("no tokens")));
    QVERIFY(!find<QLabel>(&dialog, "previewWarningsLabel")->text().contains(QStringLiteral("imulat")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.send();
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("no SMS leaves this computer")));
    const Campaign campaign = *p.campaigns().get(dialog.launchedCampaignId());
    QCOMPARE(campaign.gateway, GatewayKind::Simulator);
    QCOMPARE(campaign.tokens, 0);
    QCOMPARE(campaign.recipients, 28);
    QCOMPARE(*p.tokens().balance(*p.tokens().accountId(QStringLiteral("Main"))), 1000);
}

void TestComposeCampaignDialog::notEnoughTokensBlocksSending()
{
    Profile &p = **m_profile;
    p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
    QVERIFY(p.tokens().createBudgetAccount(QStringLiteral("Youth budget")));
    QVERIFY(p.tokens().grant(QStringLiteral("Youth budget"), 5, QStringLiteral("test"), {}));
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_youth);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Youth meeting on Friday"));
    auto *account = find<QComboBox>(&dialog, "accountCombo");
    account->setCurrentIndex(account->findData(QStringLiteral("Youth budget")));
    dialog.updatePreview();
    auto *problem = find<QLabel>(&dialog, "previewProblemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QStringLiteral("Not enough tokens")));
    QVERIFY(problem->text().contains(QStringLiteral("20")));
    QVERIFY(!find<QPushButton>(&dialog, "sendButton")->isEnabled());
    // Paying from Main is fine; the screen calls it "Main account", not by its stored name.
    account->setCurrentIndex(account->findData(QStringLiteral("Main")));
    QVERIFY2(account->currentText().startsWith(QStringLiteral("Main account (")), qPrintable(account->currentText()));
    dialog.updatePreview();
    QVERIFY(!problem->isVisible());
    QVERIFY(find<QPushButton>(&dialog, "sendButton")->isEnabled());
}

void TestComposeCampaignDialog::scheduledTimeIsStoredInUtc()
{
    Profile &p = **m_profile;
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Reminder: Sunday service"));
    auto *when = find<QDateTimeEdit>(&dialog, "scheduleEdit");
    QVERIFY(!when->isEnabled());
    find<QRadioButton>(&dialog, "sendLaterRadio")->setChecked(true);
    QVERIFY(when->isEnabled());
    // Entered in local time.
    const QDateTime local(p.clock().nowUtc().toLocalTime().date().addDays(2), QTime(18, 30), Qt::LocalTime);
    when->setDateTime(local);
    dialog.updatePreview();
    auto *sendButton = find<QPushButton>(&dialog, "sendButton");
    QVERIFY(sendButton->isEnabled());
    QVERIFY(sendButton->text().startsWith(QStringLiteral("Schedule")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.send();
    const Campaign campaign = *p.campaigns().get(dialog.launchedCampaignId());
    QCOMPARE(campaign.status, CampaignStatus::Scheduled);
    QCOMPARE(campaign.scheduledAt.toMSecsSinceEpoch(), local.toUTC().toMSecsSinceEpoch());
    QCOMPARE(campaign.scheduledAt.timeSpec(), Qt::UTC);
}

void TestComposeCampaignDialog::singlePersonTemplateAndPriority()
{
    Profile &p = **m_profile;
    const auto saved
        = p.templates().save(QStringLiteral("Funeral notice"), QStringLiteral("Dear {first_name}, with sorrow we announce..."));
    QVERIFY(saved);
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    // One person found by name, besides no group at all.
    auto *search = find<QLineEdit>(&dialog, "contactSearchEdit");
    QTest::keyClicks(search, QStringLiteral("Member 000045"));
    auto *results = find<QListWidget>(&dialog, "contactResultsList");
    QTRY_VERIFY(results->isVisible() && results->count() == 1);
    QTest::mouseClick(find<QPushButton>(&dialog, "addContactButton"), Qt::LeftButton);
    auto *chosen = find<QListWidget>(&dialog, "chosenContactsList");
    QCOMPARE(chosen->count(), 1);
    QVERIFY(chosen->item(0)->text().contains(QStringLiteral("Member 000045")));
    QVERIFY(search->text().isEmpty());

    auto *templates = find<QComboBox>(&dialog, "templateCombo");
    templates->setCurrentIndex(templates->findData(saved->id));
    QCOMPARE(dialog.editor()->text(), saved->body);
    auto *priority = find<QComboBox>(&dialog, "priorityCombo");
    priority->setCurrentIndex(priority->findData(int(Priority::Urgent)));
    dialog.updatePreview();
    QCOMPARE(dialog.preview()->recipients, 1);
    const CampaignDraft draft = dialog.draft();
    QCOMPARE(draft.templateId, saved->id);
    QCOMPARE(draft.contactIds, QList<qint64>{p.contacts().findByPhone(u"+254710000045")->id});
    QVERIFY(draft.groupIds.isEmpty());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.send();
    const Campaign campaign = *p.campaigns().get(dialog.launchedCampaignId());
    QCOMPARE(campaign.name, QStringLiteral("Funeral notice")); // the template's name when none was typed
    QCOMPARE(campaign.priority, Priority::Urgent);
    QCOMPARE(campaign.recipients, 1);

    // Removing the person again leaves nobody.
    ComposeCampaignDialog second = composeDialog(p);
    second.addContact(m_contacts.at(1));
    auto *secondChosen = find<QListWidget>(&second, "chosenContactsList");
    secondChosen->setCurrentRow(0);
    QTest::mouseClick(find<QPushButton>(&second, "removeContactButton"), Qt::LeftButton);
    QCOMPARE(secondChosen->count(), 0);
    QVERIFY(second.draft().contactIds.isEmpty());
}

void TestComposeCampaignDialog::badSenderIdIsExplained()
{
    ComposeCampaignDialog dialog = composeDialog(**m_profile);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Hello"));
    QTest::keyClicks(find<QLineEdit>(&dialog, "senderIdEdit"), QStringLiteral("KANISA LA MUNGU"));
    dialog.updatePreview();
    auto *problem = find<QLabel>(&dialog, "previewProblemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QStringLiteral("11")));
    QVERIFY(!find<QPushButton>(&dialog, "sendButton")->isEnabled());
}

void TestComposeCampaignDialog::nothingChosenYetSaysWhatToDo()
{
    ComposeCampaignDialog dialog = composeDialog(**m_profile);
    dialog.show();
    QVERIFY(!dialog.preview());
    QVERIFY(!dialog.problem().isEmpty());
    QVERIFY(find<QLabel>(&dialog, "recipientsValueLabel")->text() == QStringLiteral("—"));
    QVERIFY(!find<QPushButton>(&dialog, "sendButton")->isEnabled());
    // Enter on the send button does nothing while it is disabled.
    dialog.send();
    QVERIFY((*m_profile)->campaigns().list()->isEmpty());
}

void TestComposeCampaignDialog::quietHoursAreExplained()
{
    Profile &p = **m_profile;
    // Quiet hours around the (test) clock's local time.
    const QTime now = p.clock().nowUtc().toLocalTime().time();
    p.settings().setQuietHours(now.addSecs(-3600), now.addSecs(3600));
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Hello"));
    dialog.updatePreview();
    auto *quiet = find<QLabel>(&dialog, "quietHoursLabel");
    QVERIFY(quiet->isVisible());
    QVERIFY(quiet->text().contains(QStringLiteral("Urgent")));
    MessageBox::setNextAnswer(QMessageBox::No);
    dialog.send();
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Quiet hours")));
    // Urgent messages go at night too.
    auto *priority = find<QComboBox>(&dialog, "priorityCombo");
    priority->setCurrentIndex(priority->findData(int(Priority::Urgent)));
    QVERIFY(!quiet->isVisible());
}

void TestComposeCampaignDialog::chooseRepeat(ComposeCampaignDialog &dialog, ScheduleEditor::RepeatChoice choice)
{
    auto *repeat = find<QComboBox>(&dialog, "repeatCombo");
    repeat->setCurrentIndex(repeat->findData(int(choice)));
}

void TestComposeCampaignDialog::weeklyRepeatingCampaignIsScheduled()
{
    Profile &p = **m_profile;
    p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QLineEdit>(&dialog, "campaignNameEdit"), QStringLiteral("Sunday reminder"));
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Service at 9am. Karibu!"));
    auto *until = find<QDateEdit>(&dialog, "repeatUntilEdit");
    auto *days = find<QWidget>(&dialog, "repeatDaysWidget");
    QVERIFY(!until->isVisible());
    QVERIFY(!days->isVisible());

    chooseRepeat(dialog, ScheduleEditor::RepeatWeekly);
    // A repeating message starts at a chosen time, on the start's weekday, until three months later.
    QVERIFY(find<QRadioButton>(&dialog, "sendLaterRadio")->isChecked());
    QVERIFY(!find<QRadioButton>(&dialog, "sendNowRadio")->isEnabled());
    QVERIFY(until->isVisible());
    QVERIFY(days->isVisible());
    const QDateTime start = find<QDateTimeEdit>(&dialog, "scheduleEdit")->dateTime();
    QCOMPARE(start.date(), QDate(2026, 3, 1)); // the test clock: Sunday 1 March 2026, 09:00
    QCOMPARE(start.time(), QTime(10, 0));
    QCOMPARE(until->date(), start.date().addMonths(3));
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        QCOMPARE(find<QCheckBox>(&dialog, qPrintable(QStringLiteral("repeatDayCheck%1").arg(day)))->isChecked(),
                 day == Qt::Sunday);

    // Wednesdays too, until the end of March.
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck3"), Qt::LeftButton);
    until->setDate(QDate(2026, 3, 31));
    dialog.updatePreview();
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    const Result<CampaignPreview> expected = p.campaigns().preview(dialog.draft());
    QVERIFY(expected);
    QCOMPARE(expected->occurrences, 9); // Sundays 1, 8, 15, 22, 29 and Wednesdays 4, 11, 18, 25
    QCOMPARE(dialog.preview()->occurrences, 9);
    QCOMPARE(expected->recipients, 28);
    auto *summary = find<QLabel>(&dialog, "repeatSummaryLabel");
    QVERIFY(summary->isVisible());
    QVERIFY2(summary->text().contains(QStringLiteral("Repeats every week on Wednesday and Sunday until 31 Mar 2026: 9 times")),
             qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("1 Mar")));
    QVERIFY(summary->text().contains(QStringLiteral("each time")));
    QVERIFY(find<QLabel>(&dialog, "tokensValueLabel")->text().contains(QStringLiteral("each time")));
    QVERIFY(find<QLabel>(&dialog, "balanceAfterValueLabel")->text().contains(QStringLiteral("after the first time")));
    auto *sendButton = find<QPushButton>(&dialog, "sendButton");
    QVERIFY(sendButton->isEnabled());
    QCOMPARE(sendButton->text(), QStringLiteral("Schedule for 28 people…"));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(sendButton, Qt::LeftButton);
    const QString asked = MessageBox::lastText();
    QVERIFY2(asked.contains(QStringLiteral("every week on Wednesday and Sunday until 31 Mar 2026: 9 times")), qPrintable(asked));
    QVERIFY(asked.contains(QStringLiteral("Each time: 28 people")));
    QVERIFY(asked.contains(QStringLiteral("Cost each time: %1 tokens").arg(expected->tokens)));
    QVERIFY(dialog.launchedCampaignId() > 0);
    const Campaign campaign = *p.campaigns().get(dialog.launchedCampaignId());
    QCOMPARE(campaign.status, CampaignStatus::Recurring);
    QCOMPARE(campaign.recurrence, Recurrence::weekly({Qt::Wednesday, Qt::Sunday}));
    QCOMPARE(campaign.repeatUntil.toLocalTime().date(), QDate(2026, 3, 31));
    QCOMPARE(campaign.scheduledAt.toLocalTime(), QDateTime(QDate(2026, 3, 1), QTime(10, 0)));
    // Nothing is taken before a time goes.
    QCOMPARE(*p.tokens().balance(*p.tokens().accountId(QStringLiteral("Main"))), 1000);
}

void TestComposeCampaignDialog::weeklyWithoutDaysCannotBeSent()
{
    ComposeCampaignDialog dialog = composeDialog(**m_profile);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Hello"));
    chooseRepeat(dialog, ScheduleEditor::RepeatWeekly);
    // Untick the start's day: no day is left.
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck7"), Qt::LeftButton);
    dialog.updatePreview();
    auto *sendButton = find<QPushButton>(&dialog, "sendButton");
    QVERIFY(!sendButton->isEnabled());
    QCOMPARE(sendButton->text(), QStringLiteral("Schedule…"));
    auto *problem = find<QLabel>(&dialog, "previewProblemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("day of the week")), qPrintable(problem->text()));
    // Moving the start no longer changes the days the person chose (none): still refused.
    find<QDateTimeEdit>(&dialog, "scheduleEdit")->setDateTime(QDateTime(QDate(2026, 3, 3), QTime(18, 0)));
    dialog.updatePreview();
    QVERIFY(!sendButton->isEnabled());
    // An end before the first time is refused too.
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck5"), Qt::LeftButton);
    find<QDateEdit>(&dialog, "repeatUntilEdit")->setDate(QDate(2026, 3, 4));
    dialog.updatePreview();
    QVERIFY(!sendButton->isEnabled());
    QVERIFY2(problem->text().contains(QStringLiteral("end date")), qPrintable(problem->text()));
    find<QDateEdit>(&dialog, "repeatUntilEdit")->setDate(QDate(2026, 3, 6));
    dialog.updatePreview();
    QVERIFY(sendButton->isEnabled());
    QCOMPARE(dialog.preview()->occurrences, 1);
    // Back to once: "now" is possible again and nothing repeats.
    chooseRepeat(dialog, ScheduleEditor::RepeatNever);
    QVERIFY(find<QRadioButton>(&dialog, "sendNowRadio")->isEnabled());
    QVERIFY(!find<QDateEdit>(&dialog, "repeatUntilEdit")->isVisible());
    QVERIFY(!dialog.draft().recurrence.isRepeating());
    dialog.updatePreview();
    QVERIFY(!find<QLabel>(&dialog, "repeatSummaryLabel")->isVisible());
}

void TestComposeCampaignDialog::monthlyOnTheThirtyFirstSaysLastDay()
{
    ComposeCampaignDialog dialog = composeDialog(**m_profile);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_youth);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Youth offering this Sunday"));
    chooseRepeat(dialog, ScheduleEditor::RepeatMonthly);
    find<QDateTimeEdit>(&dialog, "scheduleEdit")->setDateTime(QDateTime(QDate(2026, 3, 31), QTime(8, 0)));
    auto *monthDay = find<QLabel>(&dialog, "repeatMonthDayLabel");
    QVERIFY(monthDay->isVisible());
    QVERIFY(monthDay->text().contains(QStringLiteral("31")));
    QVERIFY(monthDay->text().contains(QStringLiteral("last day")));
    QCOMPARE(dialog.draft().recurrence, Recurrence::monthly(31));
    // The last day followed the start: three months after it.
    QCOMPARE(dialog.draft().repeatUntil, QDate(2026, 6, 30));
    dialog.updatePreview();
    QCOMPARE(dialog.preview()->occurrences, 4); // 31 March, 30 April, 31 May, 30 June
}

void TestComposeCampaignDialog::quietHoursLookAtTheFirstTime()
{
    Profile &p = **m_profile;
    p.settings().setQuietHours(QTime(21, 0), QTime(7, 0));
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Hello"));
    chooseRepeat(dialog, ScheduleEditor::RepeatWeekly);
    auto *quiet = find<QLabel>(&dialog, "quietHoursLabel");
    // Sunday 10:00 (the start) is fine.
    dialog.updatePreview();
    QVERIFY(!quiet->isVisible());
    // Starting Sunday at 22:00, but only on Wednesdays: the first time is Wednesday 22:00, at night.
    find<QDateTimeEdit>(&dialog, "scheduleEdit")->setDateTime(QDateTime(QDate(2026, 3, 1), QTime(22, 0)));
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck7"), Qt::LeftButton);
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck3"), Qt::LeftButton);
    dialog.updatePreview();
    QVERIFY(quiet->isVisible());
    QVERIFY2(quiet->text().contains(QStringLiteral("the first time")), qPrintable(quiet->text()));
    QVERIFY(quiet->text().contains(QLocale().toString(QDateTime(QDate(2026, 3, 5), QTime(7, 0)), QLocale::ShortFormat)));
    // At 18:00 it is not quiet any more.
    find<QDateTimeEdit>(&dialog, "scheduleEdit")->setDateTime(QDateTime(QDate(2026, 3, 1), QTime(18, 0)));
    dialog.updatePreview();
    QVERIFY(!quiet->isVisible());
}

void TestComposeCampaignDialog::editScheduledCampaign()
{
    Profile &p = **m_profile;
    CampaignDraft original;
    original.name = QStringLiteral("Harvest");
    original.body = QStringLiteral("Old text");
    original.groupIds = {m_choir};
    original.contactIds = {m_contacts.at(45)};
    original.gateway = GatewayKind::AfricasTalking;
    original.chargeTokens = true;
    original.priority = Priority::High;
    original.senderId = QStringLiteral("KANISA");
    original.scheduledAt = QDateTime(QDate(2026, 3, 3), QTime(18, 30), Qt::UTC);
    const Result<Campaign> launched = p.campaigns().launch(original);
    QVERIFY(launched);
    QCOMPARE(launched->tokens, 29);
    const qint64 main = *p.tokens().accountId(QStringLiteral("Main"));
    QCOMPARE(*p.tokens().balance(main), 971);

    ComposeCampaignDialog dialog = composeDialog(p);
    QVERIFY(dialog.editCampaign(launched->id));
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Change campaign"));
    // Every field as it was.
    QCOMPARE(find<QLineEdit>(&dialog, "campaignNameEdit")->text(), QStringLiteral("Harvest"));
    QCOMPARE(dialog.editor()->text(), QStringLiteral("Old text"));
    QCOMPARE(find<QLineEdit>(&dialog, "senderIdEdit")->text(), QStringLiteral("KANISA"));
    QCOMPARE(find<QComboBox>(&dialog, "priorityCombo")->currentData().toInt(), int(Priority::High));
    QVERIFY(find<QRadioButton>(&dialog, "sendLaterRadio")->isChecked());
    QCOMPARE(find<QDateTimeEdit>(&dialog, "scheduleEdit")->dateTime().toUTC(), original.scheduledAt);
    QCOMPARE(find<QComboBox>(&dialog, "repeatCombo")->currentData().toInt(), int(ScheduleEditor::RepeatNever));
    QCOMPARE(find<QListWidget>(&dialog, "chosenContactsList")->count(), 1);
    QVERIFY(find<QLabel>(&dialog, "simulationBannerLabel")->isHidden());
    CampaignDraft shown = dialog.draft();
    QCOMPARE(shown.groupIds, QList<qint64>{m_choir});
    QCOMPARE(shown.contactIds, QList<qint64>{m_contacts.at(45)});
    QCOMPARE(shown.gateway, GatewayKind::AfricasTalking);
    auto *sendButton = find<QPushButton>(&dialog, "sendButton");
    QCOMPARE(sendButton->text(), QStringLiteral("Save changes…"));
    QVERIFY(sendButton->isEnabled());
    // The tokens set aside now count as available.
    QVERIFY(find<QLabel>(&dialog, "balanceValueLabel")->text().contains(QStringLiteral("29 set aside")));

    // New text, and the youth too.
    auto *edit = find<QPlainTextEdit>(&dialog, "messageEdit");
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("New text"));
    check(find<QListWidget>(&dialog, "groupList"), m_youth);
    dialog.updatePreview();
    QCOMPARE(dialog.preview()->recipients, 39); // 38 in the groups and the single person
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(sendButton, Qt::LeftButton);
    const QString asked = MessageBox::lastText();
    QVERIFY2(asked.contains(QStringLiteral("What changes: the message, who gets it.")), qPrintable(asked));
    QVERIFY(asked.contains(QStringLiteral("Before: 29 people")));
    QVERIFY(asked.contains(QStringLiteral("39 people")));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.launchedCampaignId(), launched->id);

    QCOMPARE(p.campaigns().list()->size(), 1);
    const Campaign changed = *p.campaigns().get(launched->id);
    QCOMPARE(changed.body, QStringLiteral("New text"));
    QCOMPARE(changed.status, CampaignStatus::Scheduled);
    QCOMPARE(changed.recipients, 39);
    QCOMPARE(changed.scheduledAt, original.scheduledAt);
    QCOMPARE(changed.priority, Priority::High);
    QCOMPARE(*p.tokens().balance(main), 1000 - changed.tokens);
}

void TestComposeCampaignDialog::editRepeatingCampaign()
{
    Profile &p = **m_profile;
    CampaignDraft original;
    original.name = QStringLiteral("Sunday reminder");
    original.body = QStringLiteral("Service at 9am");
    original.groupIds = {m_choir};
    original.scheduledAt = QDateTime(QDate(2026, 3, 1), QTime(17, 0), Qt::UTC);
    original.recurrence = Recurrence::weekly({Qt::Sunday});
    original.repeatUntil = QDate(2026, 5, 31);
    const Result<Campaign> launched = p.campaigns().launch(original);
    QVERIFY(launched);
    QCOMPARE(launched->status, CampaignStatus::Recurring);

    ComposeCampaignDialog dialog = composeDialog(p);
    QVERIFY(dialog.editCampaign(launched->id));
    dialog.show();
    QCOMPARE(find<QComboBox>(&dialog, "repeatCombo")->currentData().toInt(), int(ScheduleEditor::RepeatWeekly));
    QVERIFY(find<QCheckBox>(&dialog, "repeatDayCheck7")->isChecked());
    QVERIFY(!find<QCheckBox>(&dialog, "repeatDayCheck3")->isChecked());
    QCOMPARE(find<QDateEdit>(&dialog, "repeatUntilEdit")->date(), QDate(2026, 5, 31));
    QCOMPARE(find<QDateTimeEdit>(&dialog, "scheduleEdit")->time(), QTime(17, 0));
    QCOMPARE(dialog.draft().recurrence, original.recurrence);
    // Wednesday instead of Sunday, until the end of April.
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck7"), Qt::LeftButton);
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck3"), Qt::LeftButton);
    find<QDateEdit>(&dialog, "repeatUntilEdit")->setDate(QDate(2026, 4, 30));
    dialog.updatePreview();
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.send();
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("What changes: how it repeats.")),
             qPrintable(MessageBox::lastText()));
    const Campaign changed = *p.campaigns().get(launched->id);
    QCOMPARE(changed.status, CampaignStatus::Recurring);
    QCOMPARE(changed.recurrence, Recurrence::weekly({Qt::Wednesday}));
    QCOMPARE(changed.repeatUntil.toLocalTime().date(), QDate(2026, 4, 30));
    // This Wednesday, at the same time.
    QCOMPARE(changed.scheduledAt.toLocalTime(), QDateTime(QDate(2026, 3, 4), QTime(17, 0)));
    QCOMPARE(p.campaigns().list()->size(), 1);
}

void TestComposeCampaignDialog::campaignThatStartedMeanwhileCannotBeSaved()
{
    Profile &p = **m_profile;
    CampaignDraft original;
    original.name = QStringLiteral("Harvest");
    original.body = QStringLiteral("Old text");
    original.groupIds = {m_choir};
    original.scheduledAt = p.clock().nowUtc().addDays(1);
    const Result<Campaign> launched = p.campaigns().launch(original);
    QVERIFY(launched);
    ComposeCampaignDialog dialog = composeDialog(p);
    QVERIFY(dialog.editCampaign(launched->id));
    dialog.show();
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral(" and more"));
    dialog.updatePreview();
    auto *sendButton = find<QPushButton>(&dialog, "sendButton");
    QVERIFY(sendButton->isEnabled());
    // Meanwhile, someone cancels it (another window, the command line).
    QVERIFY(OutboxStore(p.database(), p.tokens(), p.clock()).cancel(launched->id));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.send();
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("can no longer be changed")), qPrintable(MessageBox::lastText()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.launchedCampaignId(), 0);
    QVERIFY(!sendButton->isEnabled());
    QVERIFY(find<QLabel>(&dialog, "previewProblemLabel")->text().contains(QStringLiteral("can no longer be changed")));
    QCOMPARE(p.campaigns().get(launched->id)->body, QStringLiteral("Old text"));
    // Opening it again says so at once.
    ComposeCampaignDialog again = composeDialog(p);
    QVERIFY(!again.editCampaign(launched->id));
    QVERIFY(again.problem().contains(QStringLiteral("can no longer be changed")));
}

void TestComposeCampaignDialog::everyPreviewDatesTheSendDay()
{
    Profile &p = **m_profile;
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Harvest service on {date}"));
    // "Preview for" (the editor) and "The first messages as they will read" (the samples) say the
    // same day: the day it goes.
    auto previews = [&dialog] {
        dialog.updatePreview();
        QStringList texts{dialog.editor()->previewText()};
        for (const QLabel *sample : dialog.findChildren<QLabel *>(QStringLiteral("sampleMessageLabel")))
            texts << sample->text();
        texts.removeDuplicates();
        return texts;
    };
    // Now, by the profile's clock: Sunday 1 March 2026.
    QCOMPARE(previews(), QStringList{QStringLiteral("Harvest service on 01/03/2026")});

    // At Wednesday evening.
    find<QRadioButton>(&dialog, "sendLaterRadio")->setChecked(true);
    find<QDateTimeEdit>(&dialog, "scheduleEdit")->setDateTime(QDateTime(QDate(2026, 3, 4), QTime(18, 30)));
    QCOMPARE(previews(), QStringList{QStringLiteral("Harvest service on 04/03/2026")});

    // Every Friday from then on: the first time is Friday.
    chooseRepeat(dialog, ScheduleEditor::RepeatWeekly);
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck3"), Qt::LeftButton); // not Wednesday
    QTest::mouseClick(find<QCheckBox>(&dialog, "repeatDayCheck5"), Qt::LeftButton);
    QCOMPARE(dialog.draft().recurrence, Recurrence::weekly({Qt::Friday}));
    QCOMPARE(previews(), QStringList{QStringLiteral("Harvest service on 06/03/2026")});

    // Back to once, now: today again.
    chooseRepeat(dialog, ScheduleEditor::RepeatNever);
    find<QRadioButton>(&dialog, "sendNowRadio")->setChecked(true);
    QCOMPARE(previews(), QStringList{QStringLiteral("Harvest service on 01/03/2026")});
}

void TestComposeCampaignDialog::allContactsGoesToEveryoneNotOptedOut()
{
    Profile &p = **m_profile;
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    auto *groups = find<QListWidget>(&dialog, "groupList");
    check(groups, m_choir);
    auto *all = find<QCheckBox>(&dialog, "allContactsCheck");
    QVERIFY(all->isVisible());
    QVERIFY(!all->isChecked());
    QVERIFY(all->text().contains(QStringLiteral("All contacts")));
    all->click();
    // Everyone includes the groups and single people: those choices rest until it is unticked.
    QVERIFY(!groups->isEnabled());
    QVERIFY(!find<QLineEdit>(&dialog, "contactSearchEdit")->isEnabled());
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Church picnic on Saturday"));
    dialog.updatePreview();
    const CampaignDraft d = dialog.draft();
    QVERIFY(d.allContacts);
    QVERIFY(d.groupIds.isEmpty() && d.contactIds.isEmpty());
    QVERIFY(dialog.preview());
    QCOMPARE(dialog.preview()->recipients, 48); // 50 people, less two opted out
    QCOMPARE(find<QLabel>(&dialog, "leftOutValueLabel")->text(), QStringLiteral("2 opted out"));
    QCOMPARE(find<QLabel>(&dialog, "countedOnceValueLabel")->text(), QStringLiteral("—"));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.send();
    QVERIFY(dialog.launchedCampaignId() > 0);
    QCOMPARE(p.campaigns().get(dialog.launchedCampaignId())->recipients, 48);
    QVERIFY(p.campaigns().draft(dialog.launchedCampaignId())->allContacts);

    // Unticked, the groups chosen before are back.
    ComposeCampaignDialog again = composeDialog(p);
    check(find<QListWidget>(&again, "groupList"), m_youth);
    find<QCheckBox>(&again, "allContactsCheck")->click();
    find<QCheckBox>(&again, "allContactsCheck")->click();
    QCOMPARE(again.draft().groupIds, QList<qint64>{m_youth});
    QVERIFY(!again.draft().allContacts);

    // Changing an all-contacts campaign shows the choice ticked.
    CampaignDraft later = d;
    later.scheduledAt = QDateTime(QDate(2026, 3, 3), QTime(18, 30), Qt::UTC);
    const Result<Campaign> scheduled = p.campaigns().launch(later);
    QVERIFY(scheduled);
    ComposeCampaignDialog edit = composeDialog(p);
    QVERIFY(edit.editCampaign(scheduled->id));
    QVERIFY(find<QCheckBox>(&edit, "allContactsCheck")->isChecked());
    QVERIFY(edit.draft().allContacts);
}

void TestComposeCampaignDialog::previewForOffersOnlyThoseWhoGetIt()
{
    ComposeCampaignDialog dialog = composeDialog(**m_profile);
    dialog.show();
    auto *people = find<QComboBox>(&dialog, "previewContactCombo");
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Dear {first_name|friend}"));
    dialog.updatePreview();
    // Nobody chosen yet: nobody to preview for.
    QCOMPARE(people->count(), 0);
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    dialog.updatePreview();
    // The choir: 30 people, less the two who opted out; nobody from outside it, no example person.
    QCOMPARE(people->count(), 28);
    QList<qint64> offered;
    for (int i = 0; i < people->count(); ++i)
        offered << people->itemData(i).toLongLong();
    QVERIFY(!offered.contains(m_contacts.at(3)));
    QVERIFY(!offered.contains(m_contacts.at(4)));
    for (const qint64 id : offered)
        QVERIFY(m_contacts.mid(0, 30).contains(id));
    QVERIFY(dialog.editor()->previewText().startsWith(QStringLiteral("Dear ")));
}

void TestComposeCampaignDialog::moreOptionsAreClosedButNotHidden()
{
    Profile &p = **m_profile;
    p.settings().setGatewaySenderId(QStringLiteral("MYCHURCH"));
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    auto *more = find<QToolButton>(&dialog, "moreOptionsButton");
    QVERIFY(more->isVisible());
    QVERIFY(more->isCheckable());
    QVERIFY(!more->isChecked());
    QVERIFY(more->focusPolicy() & Qt::TabFocus);
    auto *sender = find<QLineEdit>(&dialog, "senderIdEdit");
    auto *priority = find<QComboBox>(&dialog, "priorityCombo");
    auto *account = find<QComboBox>(&dialog, "accountCombo");
    QVERIFY(!sender->isVisible() && !priority->isVisible() && !account->isVisible());
    // Closed, it says what is not the usual choice, so nothing is hidden silently.
    auto *summary = find<QLabel>(&dialog, "moreOptionsSummaryLabel");
    QVERIFY(summary->isVisible());
    QCOMPARE(summary->text(), QStringLiteral("Sender ID: MYCHURCH"));
    priority->setCurrentIndex(priority->findData(int(Priority::Urgent)));
    QCOMPARE(summary->text(), QStringLiteral("Sender ID: MYCHURCH · Priority: Urgent"));
    sender->clear();
    priority->setCurrentIndex(priority->findData(int(Priority::Normal)));
    QVERIFY(summary->text().isEmpty());
    QVERIFY(!summary->isVisible());
    // The keyboard opens it.
    more->setFocus();
    QTest::keyClick(more, Qt::Key_Space);
    QVERIFY(more->isChecked());
    QVERIFY(sender->isVisible() && priority->isVisible() && account->isVisible());
    QVERIFY(!summary->isVisible());
    // Tab goes from the button into what it opened, in order.
    QCOMPARE(more->nextInFocusChain(), static_cast<QWidget *>(sender));
    QCOMPARE(sender->nextInFocusChain(), static_cast<QWidget *>(priority));
    QCOMPARE(priority->nextInFocusChain(), static_cast<QWidget *>(account));
}

void TestComposeCampaignDialog::specialCharactersInPlainWords()
{
    Profile &p = **m_profile;
    p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    find<QPlainTextEdit>(&dialog, "messageEdit")->insertPlainText(QStringLiteral("We’re meeting 🙏"));
    dialog.updatePreview();
    QCOMPARE(find<QLabel>(&dialog, "encodingValueLabel")->text(), QStringLiteral("special characters (70 per SMS part)"));
    const QString warnings = find<QLabel>(&dialog, "previewWarningsLabel")->text();
    QVERIFY2(warnings.contains(QStringLiteral("special characters")), qPrintable(warnings));
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        for (const char *word : {"GSM", "UCS", "Unicode", "merge field", "imulat", "..."})
            QVERIFY2(!label->text().contains(QLatin1String(word)), qPrintable(label->text()));
    }
}

QTEST_MAIN(TestComposeCampaignDialog)
#include "TestComposeCampaignDialog.moc"
