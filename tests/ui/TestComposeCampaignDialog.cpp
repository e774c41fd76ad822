#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/ComposeCampaignDialog.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "profile/Settings.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateService.h"
#include "tokens/TokenLedger.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

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

private:
    void check(QListWidget *groups, qint64 groupId);
    template<typename T> T *find(QWidget *parent, const char *name)
    {
        T *child = parent->findChild<T *>(QString::fromLatin1(name));
        if (!child)
            qWarning("no child %s", name);
        return child;
    }

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
    p.settings().setGatewayProvider(QStringLiteral("africastalking"));
    ComposeCampaignDialog dialog(p);
    dialog.show();
    QVERIFY(!find<QLabel>(&dialog, "simulationBannerLabel")->isVisible());
    QVERIFY(!find<QPushButton>(&dialog, "sendButton")->isEnabled());

    auto *groups = find<QListWidget>(&dialog, "groupList");
    QCOMPARE(groups->count(), 2);
    check(groups, m_choir);
    check(groups, m_youth);
    QTest::keyClicks(find<QLineEdit>(&dialog, "campaignNameEdit"), QStringLiteral("Harvest"));
    // Long enough that names push some messages into a second part.
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"),
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
    QVERIFY(find<QLabel>(&dialog, "leftOutValueLabel")->text().contains(QStringLiteral("2")));
    QVERIFY(find<QLabel>(&dialog, "leftOutValueLabel")->text().contains(QStringLiteral("10")));
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
    QCOMPARE(campaign.gateway, QStringLiteral("africastalking"));
    QCOMPARE(campaign.status, QStringLiteral("queued"));
    QCOMPARE(*p.tokens().balance(*p.tokens().accountId(QStringLiteral("Main"))), 1000 - expected->tokens);
    // A second click cannot send it again.
    QTest::mouseClick(sendButton, Qt::LeftButton);
    QCOMPARE(p.campaigns().list()->size(), 1);
}

void TestComposeCampaignDialog::answeringNoSendsNothing()
{
    ComposeCampaignDialog dialog(**m_profile);
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
    ComposeCampaignDialog dialog(p);
    dialog.show();
    auto *banner = find<QLabel>(&dialog, "simulationBannerLabel");
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("Simulation — no SMS leaves this computer")));
    check(find<QListWidget>(&dialog, "groupList"), m_choir);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Choir practice at 2pm"));
    dialog.updatePreview();
    QCOMPARE(dialog.preview()->tokens, 0);
    QVERIFY(find<QLabel>(&dialog, "tokensValueLabel")->text().contains(QStringLiteral("simulation")));
    QVERIFY(find<QLabel>(&dialog, "previewWarningsLabel")->text().contains(QStringLiteral("no tokens")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.send();
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("no SMS leaves this computer")));
    const Campaign campaign = *p.campaigns().get(dialog.launchedCampaignId());
    QCOMPARE(campaign.gateway, QStringLiteral("simulator"));
    QCOMPARE(campaign.tokens, 0);
    QCOMPARE(campaign.recipients, 28);
    QCOMPARE(*p.tokens().balance(*p.tokens().accountId(QStringLiteral("Main"))), 1000);
}

void TestComposeCampaignDialog::notEnoughTokensBlocksSending()
{
    Profile &p = **m_profile;
    p.settings().setGatewayProvider(QStringLiteral("africastalking"));
    QVERIFY(p.tokens().createBudgetAccount(QStringLiteral("Youth budget")));
    QVERIFY(p.tokens().grant(QStringLiteral("Youth budget"), 5, QStringLiteral("test"), {}));
    ComposeCampaignDialog dialog(p);
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
    // Paying from Main is fine.
    account->setCurrentIndex(account->findData(QStringLiteral("Main")));
    dialog.updatePreview();
    QVERIFY(!problem->isVisible());
    QVERIFY(find<QPushButton>(&dialog, "sendButton")->isEnabled());
}

void TestComposeCampaignDialog::scheduledTimeIsStoredInUtc()
{
    Profile &p = **m_profile;
    ComposeCampaignDialog dialog(p);
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
    QCOMPARE(campaign.status, QStringLiteral("scheduled"));
    QCOMPARE(campaign.scheduledAt.toMSecsSinceEpoch(), local.toUTC().toMSecsSinceEpoch());
    QCOMPARE(campaign.scheduledAt.timeSpec(), Qt::UTC);
}

void TestComposeCampaignDialog::singlePersonTemplateAndPriority()
{
    Profile &p = **m_profile;
    const auto saved
        = p.templates().save(QStringLiteral("Funeral notice"), QStringLiteral("Dear {first_name}, with sorrow we announce..."));
    QVERIFY(saved);
    ComposeCampaignDialog dialog(p);
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
    QCOMPARE(draft.contactIds, QList<qint64> { p.contacts().findByPhone(u"+254710000045")->id });
    QVERIFY(draft.groupIds.isEmpty());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.send();
    const Campaign campaign = *p.campaigns().get(dialog.launchedCampaignId());
    QCOMPARE(campaign.name, QStringLiteral("Funeral notice")); // the template's name when none was typed
    QCOMPARE(campaign.priority, Priority::Urgent);
    QCOMPARE(campaign.recipients, 1);

    // Removing the person again leaves nobody.
    ComposeCampaignDialog second(p);
    second.addContact(m_contacts.at(1));
    auto *secondChosen = find<QListWidget>(&second, "chosenContactsList");
    secondChosen->setCurrentRow(0);
    QTest::mouseClick(find<QPushButton>(&second, "removeContactButton"), Qt::LeftButton);
    QCOMPARE(secondChosen->count(), 0);
    QVERIFY(second.draft().contactIds.isEmpty());
}

void TestComposeCampaignDialog::badSenderIdIsExplained()
{
    ComposeCampaignDialog dialog(**m_profile);
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
    ComposeCampaignDialog dialog(**m_profile);
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
    ComposeCampaignDialog dialog(p);
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

QTEST_MAIN(TestComposeCampaignDialog)
#include "TestComposeCampaignDialog.moc"
