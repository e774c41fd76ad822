// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"
#include "MessageBox.h"
#include "ScriptedGateway.h"
#include "TestSupport.h"
#include "campaigns/CampaignDetail.h"
#include "campaigns/CampaignListModel.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignText.h"
#include "campaigns/CampaignsPage.h"
#include "campaigns/ComposeCampaignDialog.h"
#include "campaigns/DispatchService.h"
#include "campaigns/Dispatcher.h"
#include "campaigns/GatewaySetup.h"
#include "campaigns/OutboxStore.h"
#include "campaigns/OutboxTableModel.h"
#include "common/Language.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "tokens/TokenLedger.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;
using kengele::test::find;
using kengele::test::ScriptedGateway;
using kengele::test::TempProfile;

namespace {

// The page over the profile's services, as MainWindow builds it. (Returned as a prvalue: no copy,
// so a QWidget can be made here.)
CampaignsPage campaignsPage(Profile &p)
{
    return CampaignsPage({p.campaigns(), p.templates(), p.groups(), p.contacts(), p.tokens(), p.settings(), p.clock()},
                         p.outbox());
}

// The dialog over the profile's services, as the Campaigns page opens it. (Returned as a prvalue:
// no copy, so a QDialog can be made here.)
ComposeCampaignDialog composeDialog(Profile &p)
{
    return ComposeCampaignDialog({p.campaigns(), p.templates(), p.groups(), p.contacts(), p.tokens(), p.settings(), p.clock()});
}

} // namespace

// The Campaigns page: a campaign goes out through the simulator and the page follows it; filtering
// the messages by state; the decisions a person makes (send "not sure" again, cancel, pause).
class TestCampaignsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyPageInvitesToCompose();
    void newCampaignButtonOpensCompose();
    void simulatedCampaignRunsToDone();
    void filterRecipientsByState();
    void resendUncertainQueuesThemAgain();
    void retryFailedQueuesThemAgain();
    void cancelReleasesTokens();
    void pauseAndResume();
    void sendingThreadRestarts();
    void modelsPassTheTester();
    void statusBarShowsTokensAndSimulation();
    void sendingProblemCanBeRetried();
    void closingWhileSendingAsks();
    void editOnlyWhileItCanBeChanged();
    void repeatingCampaignPauseResumeCancel();
    void skippedTimeShowsWhy();
    void noConnectionIsExplainedAndNothingFails();
    void pageIsCalledSentSms();
    void detailSaysWhoItWentToAndWhatTheyReceived();
    void repeatingRunsAreListedUnderIt();
    void sendNowForScheduledAndRepeating();
    void costInShillingsAndTokensExplained();
    void noReportYetSaysWhatResendingRisks();
    void nothingIsCutOffAt1280x800();
    void kiswahiliListAndMessagesFitAt1280x800();

private:
    qint64 launch(const QString &body, bool scheduledLater = false, bool charged = false);
    qint64 launchRepeating(const Recurrence &recurrence, const QDateTime &start, const QDate &until);
    struct Sent {
        int requests = 0;
        int numbers = 0;
    };
    // Sends everything due through a scripted gateway on this thread, until nothing is due.
    Sent dispatchWith(ScriptedGateway::Script script = {});

    std::unique_ptr<TempProfile> m_profile;
    qint64 m_group = 0;
};

void TestCampaignsPage::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    QVERIFY(test::fillContacts(p, 40));
    m_group = p.groups().create(QStringLiteral("Choir"))->id;
    QList<qint64> ids;
    const Result<QList<Contact>> contacts = p.contacts().fetch({}, 0, 100);
    for (const Contact &c : *contacts)
        ids << c.id;
    QVERIFY(p.groups().addMembers(m_group, ids));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 1000, QStringLiteral("test"), {}));
    // No quiet hours: the test may run at any hour.
    p.settings().setQuietHours(QTime(0, 0), QTime(0, 0));
}

void TestCampaignsPage::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_profile.reset();
}

qint64 TestCampaignsPage::launch(const QString &body, bool scheduledLater, bool charged)
{
    CampaignDraft d;
    d.name = QStringLiteral("Choir practice");
    d.body = body;
    d.groupIds = {m_group};
    d.gateway = GatewayKind::Simulator;
    d.chargeTokens = charged;
    if (scheduledLater)
        d.scheduledAt = m_profile->clock().nowUtc().addDays(1);
    const auto launched = (*m_profile)->campaigns().launch(d);
    if (!launched)
        qWarning() << launched.error().message;
    return launched ? launched->id : 0;
}

qint64 TestCampaignsPage::launchRepeating(const Recurrence &recurrence, const QDateTime &start, const QDate &until)
{
    CampaignDraft d;
    d.name = QStringLiteral("Sunday reminder");
    d.body = QStringLiteral("Service at 9am. Karibu!");
    d.groupIds = {m_group};
    d.chargeTokens = false;
    d.scheduledAt = start;
    d.recurrence = recurrence;
    d.repeatUntil = until;
    const auto launched = (*m_profile)->campaigns().launch(d);
    if (!launched)
        qWarning() << launched.error().message;
    return launched ? launched->id : 0;
}

TestCampaignsPage::Sent TestCampaignsPage::dispatchWith(ScriptedGateway::Script script)
{
    OutboxStore store((*m_profile)->database(), (*m_profile)->tokens(), m_profile->clock());
    Dispatcher::Options options;
    options.respectQuietHours = false;
    // The dispatcher owns its gateways.
    auto *gateway = new ScriptedGateway(std::move(script));
    Dispatcher dispatcher(
        store, [gateway](GatewayKind, QString *) -> SmsGateway * { return gateway; }, m_profile->clock(), options);
    QSignalSpy idle(&dispatcher, &Dispatcher::idle);
    dispatcher.start();
    if (idle.isEmpty())
        idle.wait(5000);
    dispatcher.stop();
    return {int(gateway->requests.size()), int(gateway->timesSent.size())};
}

void TestCampaignsPage::emptyPageInvitesToCompose()
{
    CampaignsPage page = campaignsPage(**m_profile);
    page.show();
    QVERIFY(find<QLabel>(&page, "campaignsEmptyLabel")->isVisible());
    QVERIFY(!page.detail()->isVisible());
    QVERIFY(find<QPushButton>(&page, "newCampaignButton")->isEnabled());
}

void TestCampaignsPage::newCampaignButtonOpensCompose()
{
    CampaignsPage page = campaignsPage(**m_profile);
    page.show();
    bool seen = false;
    QTimer::singleShot(0, this, [&seen] {
        auto *dialog = qobject_cast<ComposeCampaignDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        QCOMPARE(dialog->findChild<QListWidget *>(QStringLiteral("groupList"))->count(), 1);
        dialog->reject();
    });
    QTest::mouseClick(find<QPushButton>(&page, "newCampaignButton"), Qt::LeftButton);
    QVERIFY(seen);
    QCOMPARE(page.listModel()->rowCount(), 0);
}

void TestCampaignsPage::simulatedCampaignRunsToDone()
{
    Profile &p = **m_profile;
    CampaignsPage page = campaignsPage(p);
    page.resize(1100, 700);
    page.show();

    // Compose and launch through the dialog, as a person does.
    ComposeCampaignDialog dialog = composeDialog(p);
    dialog.show();
    QListWidget *groups = find<QListWidget>(&dialog, "groupList");
    groups->item(0)->setCheckState(Qt::Checked);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Choir practice on Saturday at 2pm."));
    dialog.updatePreview();
    QVERIFY(dialog.preview());
    QCOMPARE(dialog.preview()->recipients, 40);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(find<QPushButton>(&dialog, "sendButton"), Qt::LeftButton);
    const qint64 id = dialog.launchedCampaignId();
    QVERIFY(id > 0);

    // The simulator sends it, on the dispatcher's own thread.
    Dispatcher::Options options = GatewaySetup::options(p.settings());
    options.ratePerSecond = 0;
    DispatchService dispatch(p.database(), p.tokens(), p.clock(), GatewaySetup::factory(p.settings(), {}), options);
    page.setDispatchService(&dispatch);
    dispatch.start();
    page.campaignLaunched(id);
    QCOMPARE(page.currentCampaignId(), id);
    QVERIFY(find<QLabel>(&page, "campaignSimulationLabel")->isVisible());

    auto *progress = find<QProgressBar>(&page, "campaignProgressBar");
    auto *status = find<QLabel>(&page, "campaignStatusLabel");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Finished")), 10000);
    QCOMPARE(progress->maximum(), 40);
    QCOMPARE(progress->value(), 40);
    // The simulator reports them delivered a moment later.
    auto *counts = find<QLabel>(&page, "stateCountsLabel");
    QTRY_VERIFY_WITH_TIMEOUT(counts->text().contains(QStringLiteral("Delivered: <b>40</b>")), 10000);
    const Campaign campaign = *p.campaigns().get(id);
    QCOMPARE(campaign.status, CampaignStatus::Done);
    QCOMPARE(campaign.states.value(MessageState::Delivered), 40);
    // The list shows it finished too, and no tokens were used.
    QCOMPARE(page.listModel()->index(0, CampaignListModel::StatusColumn).data().toString(), QStringLiteral("Finished"));
    QCOMPARE(*p.tokens().balance(*p.tokens().accountId(QStringLiteral("Main"))), 1000);
    dispatch.stop();
}

void TestCampaignsPage::sendingThreadRestarts()
{
    // As when the gateway settings change: stop, then start the same sender again.
    Profile &p = **m_profile;
    Dispatcher::Options options = GatewaySetup::options(p.settings());
    DispatchService dispatch(p.database(), p.tokens(), p.clock(), GatewaySetup::factory(p.settings(), {}), options);
    QSignalSpy finished(&dispatch, &DispatchService::campaignsFinished);
    dispatch.start();
    const qint64 first = launch(QStringLiteral("First"));
    dispatch.wake();
    QTRY_COMPARE_WITH_TIMEOUT(p.campaigns().get(first)->status, CampaignStatus::Done, 10000);
    dispatch.stop();
    QVERIFY(!dispatch.isRunning());
    const qint64 second = launch(QStringLiteral("Second"));
    dispatch.start();
    QTRY_COMPARE_WITH_TIMEOUT(p.campaigns().get(second)->status, CampaignStatus::Done, 10000);
    QCOMPARE(p.campaigns().get(second)->states.value(MessageState::Queued), 0);
    // The sending thread saves `done` before its signal reaches this thread: wait for the signal.
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 2, 10000);
    dispatch.stop();
}

void TestCampaignsPage::filterRecipientsByState()
{
    const qint64 id = launch(QStringLiteral("Hello {first_name}"));
    // Numbers ending in 1 are refused (failed), those ending in 7 get no answer (not sure).
    dispatchWith([](const SendRequest &request) {
        SendResult result = ScriptedGateway::acceptAll(request);
        for (RecipientResult &r : result.recipients) {
            if (r.phone.endsWith(u'1')) {
                r.outcome = RecipientResult::Outcome::PermanentFailure;
                r.status = QStringLiteral("InvalidPhoneNumber");
                r.messageId.clear();
            }
        }
        result.recipients.removeIf([](const RecipientResult &r) { return r.phone.endsWith(u'7'); });
        return result;
    });

    CampaignsPage page = campaignsPage(**m_profile);
    page.show();
    QCOMPARE(page.currentCampaignId(), id);
    OutboxTableModel *model = page.detail()->model();
    QCOMPARE(model->rowCount(), 40);
    auto *filter = find<QComboBox>(&page, "stateFilterCombo");
    QVERIFY(filter->itemText(filter->findData(QVariant::fromValue(MessageState::Failed))).contains(QStringLiteral("(4)")));
    filter->setCurrentIndex(filter->findData(QVariant::fromValue(MessageState::Failed)));
    QCOMPARE(model->rowCount(), 4);
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row, OutboxTableModel::StateColumn).data(OutboxTableModel::StateRole).value<MessageState>(),
                 MessageState::Failed);
        QCOMPARE(model->index(row, OutboxTableModel::StateColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model->index(row, OutboxTableModel::ReasonColumn).data().toString(), QStringLiteral("InvalidPhoneNumber"));
        QVERIFY(model->index(row, OutboxTableModel::PhoneColumn).data().toString().endsWith(u'1'));
    }
    // The chosen message's reason is shown in full below the list (its column is narrow).
    auto *note = find<QLabel>(&page, "messageNoteLabel");
    QVERIFY(!note->isVisible());
    find<QTableView>(&page, "recipientsView")->setCurrentIndex(model->index(0, OutboxTableModel::PhoneColumn));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().endsWith(QStringLiteral(": InvalidPhoneNumber")), qPrintable(note->text()));
    filter->setCurrentIndex(filter->findData(QVariant::fromValue(MessageState::Uncertain)));
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(!note->isVisible());
    filter->setCurrentIndex(filter->findData(QVariant::fromValue(MessageState::Sent)));
    QCOMPARE(model->rowCount(), 32);
    QCOMPARE(model->index(0, OutboxTableModel::CostColumn).data().toString(), QStringLiteral("KES 0.80"));
    filter->setCurrentIndex(0);
    QCOMPARE(model->rowCount(), 40);
}

void TestCampaignsPage::resendUncertainQueuesThemAgain()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    dispatchWith([](const SendRequest &) {
        SendResult timeout;
        timeout.kind = SendResult::Kind::Uncertain;
        timeout.message = QStringLiteral("timed out");
        return timeout;
    });

    CampaignsPage page = campaignsPage(**m_profile);
    page.show();
    auto *resend = find<QPushButton>(&page, "resendUncertainButton");
    QVERIFY(resend->isEnabled());
    QVERIFY(resend->text().contains(QStringLiteral("40")));
    // "No" changes nothing.
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(resend, Qt::LeftButton);
    QCOMPARE((*m_profile)->campaigns().get(id)->states.value(MessageState::Uncertain), 40);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("second copy")));
    // "Yes" queues them again, and the page says so.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(resend, Qt::LeftButton);
    const Campaign campaign = *(*m_profile)->campaigns().get(id);
    QCOMPARE(campaign.states.value(MessageState::Uncertain), 0);
    QCOMPARE(campaign.states.value(MessageState::Queued), 40);
    QVERIFY(!resend->isEnabled());
    QVERIFY(find<QLabel>(&page, "actionResultLabel")->text().contains(QStringLiteral("40")));
    QCOMPARE(find<QProgressBar>(&page, "campaignProgressBar")->value(), 0);
    // Then they go out, each once more.
    const Sent again = dispatchWith();
    QCOMPARE(again.requests, 1);
    QCOMPARE(again.numbers, 40);
    page.refresh();
    QCOMPARE(find<QProgressBar>(&page, "campaignProgressBar")->value(), 40);
}

void TestCampaignsPage::retryFailedQueuesThemAgain()
{
    const qint64 id = launch(QStringLiteral("Hello"));
    dispatchWith([](const SendRequest &request) {
        SendResult result = ScriptedGateway::acceptAll(request);
        for (RecipientResult &r : result.recipients) {
            r.outcome = RecipientResult::Outcome::PermanentFailure;
            r.status = QStringLiteral("AbsentSubscriber");
            r.messageId.clear();
        }
        return result;
    });
    CampaignsPage page = campaignsPage(**m_profile);
    page.show();
    auto *retry = find<QPushButton>(&page, "retryFailedButton");
    QVERIFY(retry->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE((*m_profile)->campaigns().get(id)->states.value(MessageState::Queued), 40);
    QVERIFY(!retry->isEnabled());
}

void TestCampaignsPage::cancelReleasesTokens()
{
    Profile &p = **m_profile;
    const qint64 main = *p.tokens().accountId(QStringLiteral("Main"));
    const qint64 id = launch(QStringLiteral("Harvest service next Sunday"), true, true);
    QCOMPARE(*p.tokens().balance(main), 960);
    CampaignsPage page = campaignsPage(p);
    page.show();
    QVERIFY(find<QLabel>(&page, "campaignStatusLabel")->text().contains(QStringLiteral("Scheduled")));
    auto *cancel = find<QPushButton>(&page, "cancelButton");
    QVERIFY(cancel->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Harvest"))
            || MessageBox::lastText().contains(QStringLiteral("Choir practice")));
    const Campaign campaign = *p.campaigns().get(id);
    QCOMPARE(campaign.status, CampaignStatus::Cancelled);
    QCOMPARE(campaign.states.value(MessageState::Cancelled), 40);
    QCOMPARE(*p.tokens().balance(main), 1000);
    QVERIFY(find<QLabel>(&page, "campaignStatusLabel")->text().contains(QStringLiteral("Cancelled")));
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(page.listModel()->index(0, CampaignListModel::StatusColumn).data().toString(), QStringLiteral("Cancelled"));
}

void TestCampaignsPage::pauseAndResume()
{
    const qint64 id = launch(QStringLiteral("Hello"), true);
    CampaignsPage page = campaignsPage(**m_profile);
    page.show();
    auto *pause = find<QPushButton>(&page, "pauseButton");
    auto *resume = find<QPushButton>(&page, "resumeButton");
    QVERIFY(pause->isVisible() && pause->isEnabled());
    QVERIFY(!resume->isVisible());
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE((*m_profile)->campaigns().get(id)->status, CampaignStatus::Paused);
    QVERIFY(resume->isVisible() && resume->isEnabled());
    QVERIFY(find<QLabel>(&page, "pausedReasonLabel")->isVisible());
    QCOMPARE(page.listModel()->index(0, CampaignListModel::StatusColumn).data().toString(), QStringLiteral("Paused"));
    QTest::mouseClick(resume, Qt::LeftButton);
    QCOMPARE((*m_profile)->campaigns().get(id)->status, CampaignStatus::Sending);
    QVERIFY(!find<QLabel>(&page, "pausedReasonLabel")->isVisible());
}

void TestCampaignsPage::modelsPassTheTester()
{
    launch(QStringLiteral("One"));
    const qint64 second = launch(QStringLiteral("Two"), true);
    CampaignListModel list((*m_profile)->campaigns());
    QAbstractItemModelTester listTester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(list.rowCount(), 2);
    QCOMPARE(list.index(0, 0).data(CampaignListModel::IdRole).toLongLong(), second); // newest first
    list.reload();

    OutboxTableModel outbox((*m_profile)->campaigns());
    QAbstractItemModelTester outboxTester(&outbox, QAbstractItemModelTester::FailureReportingMode::QtTest);
    outbox.setCampaign(second);
    QCOMPARE(outbox.rowCount(), 40);
    outbox.setStateFilter(MessageState::Queued);
    QCOMPARE(outbox.rowCount(), 40);
    QVERIFY(OutboxStore((*m_profile)->database(), (*m_profile)->tokens(), m_profile->clock()).cancel(second));
    // A refresh shrinks the rows in place.
    QSignalSpy removed(&outbox, &QAbstractItemModel::rowsRemoved);
    outbox.refresh();
    QCOMPARE(outbox.rowCount(), 0);
    QCOMPARE(removed.count(), 1);
    outbox.setStateFilter(MessageState::Cancelled);
    QCOMPARE(outbox.rowCount(), 40);
}

void TestCampaignsPage::statusBarShowsTokensAndSimulation()
{
    Profile &p = **m_profile;
    {
        MainWindow window(p);
        window.show();
        auto *tokens = find<QLabel>(&window, "tokenBalanceLabel");
        QVERIFY(tokens->text().contains(QStringLiteral("1,000")) || tokens->text().contains(QStringLiteral("1000")));
        QVERIFY(find<QLabel>(&window, "simulationStatusLabel")->isVisible());
        QVERIFY(find<QLabel>(&window, "simulationStatusLabel")->text().contains(QStringLiteral("no SMS leaves this computer")));
        // The balance follows the ledger.
        QVERIFY(p.tokens().grant(QStringLiteral("Main"), 500, QStringLiteral("test"), {}));
        QTRY_VERIFY(tokens->text().contains(QStringLiteral("1,500")) || tokens->text().contains(QStringLiteral("1500")));
        window.showPage(MainWindow::CampaignsPageIndex);
        QVERIFY(window.campaignsPage()->isVisible());
    }
    p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
    MainWindow window(p);
    window.show();
    QVERIFY(!find<QLabel>(&window, "simulationStatusLabel")->isVisible());
}

void TestCampaignsPage::sendingProblemCanBeRetried()
{
    Profile &p = **m_profile;
    DispatchService dispatch(p.database(), p.tokens(), p.clock(), GatewaySetup::factory(p.settings(), {}),
                             GatewaySetup::options(p.settings()));
    CampaignsPage page = campaignsPage(p);
    page.setDispatchService(&dispatch);
    page.show();
    dispatch.start();
    auto *problem = find<QLabel>(&page, "dispatchProblemLabel");
    auto *retry = find<QPushButton>(&page, "retrySendingButton");
    QVERIFY(!problem->isVisible());
    Q_EMIT dispatch.failed(QStringLiteral("The disk is full."));
    QVERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QStringLiteral("The disk is full.")));
    QVERIFY(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(!problem->isVisible());
    QVERIFY(dispatch.isRunning());
    // And it sends.
    const qint64 id = launch(QStringLiteral("After the retry"));
    page.campaignLaunched(id);
    QTRY_COMPARE_WITH_TIMEOUT(p.campaigns().get(id)->status, CampaignStatus::Done, 10000);
    dispatch.stop();
}

void TestCampaignsPage::closingWhileSendingAsks()
{
    launch(QStringLiteral("Still going"));
    MainWindow window(**m_profile);
    window.show();
    MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("still sending")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QVERIFY(window.close());
}

void TestCampaignsPage::editOnlyWhileItCanBeChanged()
{
    Profile &p = **m_profile;
    const qint64 sent = launch(QStringLiteral("Already gone"));
    dispatchWith();
    QCOMPARE(p.campaigns().get(sent)->status, CampaignStatus::Done);
    const qint64 later = launch(QStringLiteral("Old text"), true);
    CampaignsPage page = campaignsPage(p);
    page.resize(1100, 700);
    page.show();
    auto *edit = find<QPushButton>(&page, "editButton");
    QVERIFY(page.selectCampaign(sent));
    QVERIFY(!edit->isVisible());
    QVERIFY(page.selectCampaign(later));
    QVERIFY(edit->isVisible() && edit->isEnabled());

    // "Edit…" opens the compose dialog on it; saving changes it in place.
    bool seen = false;
    QTimer::singleShot(0, this, [&seen] {
        auto *dialog = qobject_cast<ComposeCampaignDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Change campaign"));
        auto *text = dialog->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
        QCOMPARE(text->toPlainText(), QStringLiteral("Old text"));
        text->selectAll();
        QTest::keyClicks(text, QStringLiteral("New text"));
        dialog->updatePreview();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
    });
    QTest::mouseClick(edit, Qt::LeftButton);
    QVERIFY(seen);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("What changes: the message.")));
    QCOMPARE(p.campaigns().list()->size(), 2);
    const Campaign changed = *p.campaigns().get(later);
    QCOMPARE(changed.body, QStringLiteral("New text"));
    QCOMPARE(changed.status, CampaignStatus::Scheduled);
    QCOMPARE(page.currentCampaignId(), later);
    QCOMPARE(find<QLabel>(&page, "campaignMessageLabel")->text(), QStringLiteral("New text"));

    // Once it is paused (or sending) it can no longer be changed.
    QTest::mouseClick(find<QPushButton>(&page, "pauseButton"), Qt::LeftButton);
    QVERIFY(!edit->isVisible());
}

void TestCampaignsPage::repeatingCampaignPauseResumeCancel()
{
    Profile &p = **m_profile;
    // The test clock: Sunday 1 March 2026, 09:00.
    const qint64 id = launchRepeating(Recurrence::weekly({Qt::Sunday}), QDateTime(QDate(2026, 3, 1), QTime(17, 0), Qt::UTC),
                                      QDate(2026, 4, 30));
    QVERIFY(id > 0);
    CampaignsPage page = campaignsPage(p);
    page.resize(1100, 700);
    page.show();
    QCOMPARE(page.currentCampaignId(), id);
    QCOMPARE(page.listModel()->index(0, CampaignListModel::StatusColumn).data().toString(), QStringLiteral("Repeats"));
    QCOMPARE(page.listModel()->index(0, CampaignListModel::WhenColumn).data().toString(),
             CampaignText::shortDayAndTime(QDateTime(QDate(2026, 3, 1), QTime(17, 0), Qt::UTC)));

    auto *rule = find<QLabel>(&page, "repeatRuleLabel");
    QVERIFY(rule->isVisible());
    QVERIFY2(rule->text().startsWith(QStringLiteral("Repeats every week on Sunday until 30 Apr 2026.")),
             qPrintable(rule->text()));
    QVERIFY(rule->text().contains(QStringLiteral("Next time: Sun 1 Mar")));
    // No empty progress bar or message table: an explanation instead.
    QVERIFY(!find<QProgressBar>(&page, "campaignProgressBar")->isVisible());
    QVERIFY(!find<QTableView>(&page, "recipientsView")->isVisible());
    QVERIFY(!find<QPushButton>(&page, "retryFailedButton")->isVisible());
    auto *help = find<QLabel>(&page, "occurrencesHelpLabel");
    QVERIFY(help->isVisible());
    QVERIFY(help->text().contains(QStringLiteral("No time has gone yet")));
    QVERIFY(find<QLabel>(&page, "campaignSummaryLabel")->text().contains(QStringLiteral("each time")));
    QVERIFY(find<QPushButton>(&page, "editButton")->isVisible());

    auto *pause = find<QPushButton>(&page, "pauseButton");
    auto *resume = find<QPushButton>(&page, "resumeButton");
    QVERIFY(pause->isVisible() && pause->isEnabled());
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(p.campaigns().get(id)->status, CampaignStatus::Paused);
    QVERIFY(resume->isVisible() && resume->isEnabled());
    QVERIFY(find<QLabel>(&page, "pausedReasonLabel")->isVisible());
    QCOMPARE(page.listModel()->index(0, CampaignListModel::StatusColumn).data().toString(), QStringLiteral("Paused"));
    // A paused repeating campaign can still be changed.
    QVERIFY(find<QPushButton>(&page, "editButton")->isVisible());
    QTest::mouseClick(resume, Qt::LeftButton);
    QCOMPARE(p.campaigns().get(id)->status, CampaignStatus::Recurring);
    QVERIFY(!find<QLabel>(&page, "pausedReasonLabel")->isVisible());
    QVERIFY(pause->isVisible());

    // Cancelling stops the times to come; the question says what it does not touch.
    auto *cancel = find<QPushButton>(&page, "cancelButton");
    QVERIFY(cancel->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(p.campaigns().get(id)->status, CampaignStatus::Recurring);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Messages already sent by earlier times are not affected")),
             qPrintable(MessageBox::lastText()));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(p.campaigns().get(id)->status, CampaignStatus::Cancelled);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!find<QPushButton>(&page, "editButton")->isVisible());
    QVERIFY(rule->text().contains(QStringLiteral("no more times go")));
}

void TestCampaignsPage::skippedTimeShowsWhy()
{
    Profile &p = **m_profile;
    const qint64 id
        = launchRepeating(Recurrence::daily(), QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC), QDate(2026, 3, 10));
    QVERIFY(id > 0);
    // The computer was off for three days: those times are skipped; the next one goes.
    m_profile->clock().set(QDateTime(QDate(2026, 3, 4), QTime(9, 0), Qt::UTC));
    QVERIFY(p.campaigns().launchDueOccurrences());
    m_profile->clock().set(QDateTime(QDate(2026, 3, 4), QTime(10, 30), Qt::UTC));
    const auto launched = p.campaigns().launchDueOccurrences();
    QVERIFY(launched);
    QCOMPARE(launched->size(), 1);

    CampaignsPage page = campaignsPage(p);
    page.resize(1100, 700);
    page.show();
    QVERIFY(page.selectCampaign(id));
    auto *occurrences = find<QTreeWidget>(&page, "occurrencesList");
    QVERIFY(occurrences->isVisible());
    QCOMPARE(occurrences->topLevelItemCount(), 2);
    QTreeWidgetItem *skipped = nullptr;
    for (int i = 0; i < occurrences->topLevelItemCount(); ++i) {
        if (occurrences->topLevelItem(i)->text(1) == QStringLiteral("Skipped"))
            skipped = occurrences->topLevelItem(i);
    }
    QVERIFY(skipped);
    QVERIFY(skipped->toolTip(3).contains(QStringLiteral("not running")));
    // The note wraps (it is longer than its column), and the chosen time's note is shown in full below.
    QVERIFY2(skipped->text(3).contains(u'\n'), qPrintable(skipped->text(3)));
    QVERIFY(occurrences->visualItemRect(skipped).height()
            >= occurrences->fontMetrics().lineSpacing() * int(skipped->text(3).count(u'\n') + 1));
    for (const QString &line : skipped->text(3).split(u'\n'))
        QVERIFY(occurrences->fontMetrics().horizontalAdvance(line) + 16 < occurrences->header()->sectionSize(3));
    auto *note = find<QLabel>(&page, "occurrenceNoteLabel");
    QVERIFY(!note->isVisible());
    occurrences->setCurrentItem(skipped);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("it was too late to send")), qPrintable(note->text()));

    // Opening it shows the reason at the top, and no empty message list.
    Q_EMIT occurrences->itemActivated(skipped, 0);
    const qint64 skippedId = page.currentCampaignId();
    QVERIFY(skippedId != id);
    QCOMPARE(p.campaigns().get(skippedId)->status, CampaignStatus::Skipped);
    auto *reason = find<QLabel>(&page, "skippedReasonLabel");
    QVERIFY(reason->isVisible());
    QVERIFY2(reason->text().contains(QStringLiteral("Kengele was not running")), qPrintable(reason->text()));
    QVERIFY(!find<QProgressBar>(&page, "campaignProgressBar")->isVisible());
    QVERIFY(!find<QTableView>(&page, "recipientsView")->isVisible());
    QVERIFY(!find<QPushButton>(&page, "editButton")->isVisible());
    QVERIFY(!find<QPushButton>(&page, "cancelButton")->isEnabled());
    QCOMPARE(page.listModel()->indexOf(skippedId, CampaignListModel::StatusColumn).data().toString(), QStringLiteral("Skipped"));
    // And back to the repeating campaign it belongs to.
    auto *parent = find<QLabel>(&page, "parentCampaignLabel");
    QVERIFY(parent->isVisible());
    Q_EMIT parent->linkActivated(QStringLiteral("parent"));
    QCOMPARE(page.currentCampaignId(), id);
}

void TestCampaignsPage::noConnectionIsExplainedAndNothingFails()
{
    Profile &p = **m_profile;
    CampaignsPage page = campaignsPage(p);
    page.resize(1100, 700);
    page.show();
    const qint64 id = launch(QStringLiteral("Choir practice at 2pm"));
    auto factory = [](GatewayKind, QString *) -> SmsGateway * {
        return new test::ScriptedGateway([](const SendRequest &) {
            SendResult down;
            down.kind = SendResult::Kind::NotTaken;
            down.unreachable = true;
            down.message = QStringLiteral("Kengele could not connect to Africa's Talking.");
            return down;
        });
    };
    Dispatcher::Options options = GatewaySetup::options(p.settings());
    options.respectQuietHours = false;
    DispatchService dispatch(p.database(), p.tokens(), p.clock(), factory, options);
    page.setDispatchService(&dispatch);
    dispatch.start();
    dispatch.wake();
    auto *notice = find<QLabel>(&page, "dispatchProblemLabel");
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 10000);
    QVERIFY2(notice->text().contains(QStringLiteral("could not connect")), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(QStringLiteral("Nothing is lost")), qPrintable(notice->text()));
    QVERIFY(find<QPushButton>(&page, "retrySendingButton")->isVisible());
    dispatch.stop();
    // Every message is still waiting, none failed.
    const Campaign campaign = *p.campaigns().get(id);
    QCOMPARE(campaign.states.value(MessageState::Failed), 0);
    QCOMPARE(campaign.states.value(MessageState::Queued), campaign.recipients);
}

void TestCampaignsPage::pageIsCalledSentSms()
{
    launch(QStringLiteral("Hello"));
    CampaignsPage page = campaignsPage(**m_profile);
    page.show();
    QCOMPARE(find<QLabel>(&page, "campaignsTitleLabel")->text(), QStringLiteral("<h1>Sent SMS</h1>"));
    QCOMPARE(find<QPushButton>(&page, "newCampaignButton")->text(), QStringLiteral("Send SMS…"));
    QCOMPARE(page.listModel()->headerData(CampaignListModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("SMS"));
    for (const QLabel *label : page.findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QStringLiteral("ampaign")) || !label->isVisible(), qPrintable(label->text()));
}

void TestCampaignsPage::detailSaysWhoItWentToAndWhatTheyReceived()
{
    Profile &p = **m_profile;
    const qint64 second = p.groups().create(QStringLiteral("Women's Fellowship"))->id;
    const Result<QList<Contact>> contacts = p.contacts().fetch({}, 0, 3);
    QVERIFY(p.groups().addMembers(second, {contacts->at(0).id}));
    CampaignDraft d;
    d.name = QStringLiteral("Invitation");
    d.body = QStringLiteral("Dear {first_name|friend}, join us on Sunday.");
    d.groupIds = {m_group, second};
    d.contactIds = {contacts->at(1).id, contacts->at(2).id};
    d.chargeTokens = false;
    const auto launched = p.campaigns().launch(d);
    QVERIFY(launched);
    const auto first = p.campaigns().recipients(launched->id, std::nullopt, 0, 1);
    QVERIFY(first && !first->isEmpty());
    {
        // Before it goes: as they will receive it.
        CampaignsPage waiting = campaignsPage(p);
        waiting.show();
        QVERIFY(waiting.selectCampaign(launched->id));
        QVERIFY(find<QLabel>(&waiting, "campaignMessageAsLabel")
                    ->text()
                    .contains(QStringLiteral("as %1 will receive it").arg(first->first().name)));
    }
    dispatchWith();
    QVERIFY(first && !first->isEmpty());

    CampaignsPage page = campaignsPage(p);
    page.resize(1280, 800);
    page.show();
    QVERIFY(page.selectCampaign(launched->id));
    auto *to = find<QLabel>(&page, "campaignAudienceLabel");
    QVERIFY(to->isVisible());
    // (English plural forms come from the translation: "people" there, "person(s)" before it has this text.)
    QVERIFY2(to->text().startsWith(QStringLiteral("To: Choir, Women's Fellowship and 2 pe")), qPrintable(to->text()));
    auto *message = find<QLabel>(&page, "campaignMessageLabel");
    QVERIFY2(!message->text().contains(u'{'), qPrintable(message->text()));
    QVERIFY2(message->text().startsWith(QStringLiteral("Dear ") + first->first().name.section(u' ', 0, 0) + u','),
             qPrintable(message->text()));
    auto *as = find<QLabel>(&page, "campaignMessageAsLabel");
    QVERIFY2(as->text().contains(QStringLiteral("as %1 received it").arg(first->first().name)), qPrintable(as->text()));

    // A repeating one: each field's fallback word, and no person named.
    const qint64 repeating = launchRepeating(Recurrence::weekly({Qt::Sunday}),
                                             QDateTime(QDate(2026, 3, 1), QTime(17, 0), Qt::UTC), QDate(2026, 4, 30));
    QVERIFY(p.campaigns().update(repeating, [&] {
        CampaignDraft r = *p.campaigns().draft(repeating);
        r.body = d.body;
        r.groupIds.clear();
        r.contactIds = {contacts->at(1).id};
        return r;
    }()));
    page.refresh();
    QVERIFY(page.selectCampaign(repeating));
    QVERIFY2(to->text().startsWith(QStringLiteral("To: 1 person")), qPrintable(to->text()));
    QCOMPARE(message->text(), QStringLiteral("Dear friend, join us on Sunday."));
    QVERIFY2(!as->text().contains(QStringLiteral("received")), qPrintable(as->text()));
}

void TestCampaignsPage::repeatingRunsAreListedUnderIt()
{
    Profile &p = **m_profile;
    const qint64 once = launch(QStringLiteral("Hello"));
    const qint64 id
        = launchRepeating(Recurrence::daily(), QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC), QDate(2026, 3, 10));
    m_profile->clock().set(QDateTime(QDate(2026, 3, 1), QTime(10, 1), Qt::UTC));
    QCOMPARE(p.campaigns().launchDueOccurrences()->size(), 1);
    m_profile->clock().set(QDateTime(QDate(2026, 3, 2), QTime(10, 1), Qt::UTC));
    const auto second = p.campaigns().launchDueOccurrences();
    QCOMPARE(second->size(), 1);

    CampaignsPage page = campaignsPage(p);
    page.show();
    CampaignListModel *model = page.listModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Two at the top: the repeating one and the one-off; the times under the repeating one.
    QCOMPARE(model->rowCount(), 2);
    const QModelIndex parent = model->indexOf(id);
    QVERIFY(parent.isValid());
    QVERIFY(!parent.parent().isValid());
    QCOMPARE(model->rowCount(parent), 2);
    QCOMPARE(model->rowCount(model->indexOf(once)), 0);
    const QModelIndex newest = model->index(0, CampaignListModel::NameColumn, parent);
    QCOMPARE(newest.data(CampaignListModel::IdRole).toLongLong(), second->first());
    QCOMPARE(newest.parent(), parent);
    // A time is shown by its day, not as another copy of the name.
    QCOMPARE(newest.data().toString(), CampaignText::shortDayAndTime(QDateTime(QDate(2026, 3, 2), QTime(10, 1), Qt::UTC)));
    QCOMPARE(model->indexOf(second->first()), newest);

    // Choosing a time shows it, its repeating campaign opened above it.
    QVERIFY(page.selectCampaign(second->first()));
    QCOMPARE(page.currentCampaignId(), second->first());
    QVERIFY(find<QTreeView>(&page, "campaignList")->isExpanded(parent));
    // Another reload keeps it chosen.
    page.refresh();
    QCOMPARE(page.currentCampaignId(), second->first());
}

void TestCampaignsPage::sendNowForScheduledAndRepeating()
{
    Profile &p = **m_profile;
    const qint64 later = launch(QStringLiteral("Hello"), true);
    CampaignsPage page = campaignsPage(p);
    page.resize(1280, 800);
    page.show();
    QVERIFY(page.selectCampaign(later));
    auto *sendNow = find<QPushButton>(&page, "sendNowButton");
    QVERIFY(sendNow->isVisible() && sendNow->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(sendNow, Qt::LeftButton);
    QCOMPARE(p.campaigns().get(later)->status, CampaignStatus::Scheduled);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(sendNow, Qt::LeftButton);
    QCOMPARE(p.campaigns().get(later)->status, CampaignStatus::Queued);
    QCOMPARE(page.currentCampaignId(), later);
    QVERIFY(!sendNow->isVisible());

    // A repeating one: this time now; the new time is shown.
    const qint64 weekly = launchRepeating(Recurrence::weekly({Qt::Wednesday}),
                                          QDateTime(QDate(2026, 3, 1), QTime(17, 0), Qt::UTC), QDate(2026, 4, 30));
    page.refresh();
    QVERIFY(page.selectCampaign(weekly));
    QVERIFY(sendNow->isVisible() && sendNow->isEnabled());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(sendNow, Qt::LeftButton);
    const qint64 shown = page.currentCampaignId();
    QVERIFY(shown != weekly);
    QCOMPARE(p.campaigns().get(shown)->parentId, weekly);
    QCOMPARE(p.campaigns().get(weekly)->scheduledAt, QDateTime(QDate(2026, 3, 11), QTime(17, 0), Qt::UTC));
    // A time that went has nothing to send now.
    QVERIFY(!sendNow->isVisible());
}

void TestCampaignsPage::costInShillingsAndTokensExplained()
{
    const qint64 id = launch(QStringLiteral("Hello"), false, true);
    Profile &p = **m_profile;
    // Africa's Talking, as the scripted gateway answers: KES 0.8000 each.
    QSqlQuery q(p.database().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE campaigns SET gateway = 'africastalking'")));
    dispatchWith();
    CampaignsPage page = campaignsPage(p);
    page.resize(1280, 800);
    page.show();
    QCOMPARE(page.currentCampaignId(), id);
    auto *summary = find<QLabel>(&page, "campaignSummaryLabel");
    QVERIFY2(summary->text().contains(QStringLiteral("1 token = 1 SMS part to one person")), qPrintable(summary->text()));
    auto *cost = find<QLabel>(&page, "campaignCostLabel");
    QVERIFY(cost->isVisible());
    QVERIFY2(cost->text().contains(QStringLiteral("KES 32.00")), qPrintable(cost->text()));
    QCOMPARE(page.detail()->model()->index(0, OutboxTableModel::CostColumn).data().toString(), QStringLiteral("KES 0.80"));
    // On screen each message's cost is in its row's tooltip.
    const QString tip = page.detail()->model()->index(0, OutboxTableModel::PhoneColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Cost: KES 0.80")), qPrintable(tip));
}

void TestCampaignsPage::noReportYetSaysWhatResendingRisks()
{
    const qint64 id = launch(QString(200, u'a'), false, true); // 2 SMS parts each
    dispatchWith([](const SendRequest &) {
        SendResult timeout;
        timeout.kind = SendResult::Kind::Uncertain;
        timeout.message = QStringLiteral("timed out");
        return timeout;
    });
    Profile &p = **m_profile;
    QSqlQuery q(p.database().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE campaigns SET gateway = 'africastalking'")));
    CampaignsPage page = campaignsPage(p);
    page.resize(1280, 800);
    page.show();
    QCOMPARE(page.currentCampaignId(), id);
    OutboxTableModel *model = page.detail()->model();
    QCOMPARE(model->index(0, OutboxTableModel::StateColumn).data().toString(), QStringLiteral("No report yet"));
    QVERIFY(model->index(0, OutboxTableModel::StateColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("never heard back")));
    auto *resend = find<QPushButton>(&page, "resendUncertainButton");
    QCOMPARE(resend->text(), QStringLiteral("Send again to those with no report (40)…"));
    auto *risk = find<QLabel>(&page, "noReportLabel");
    QVERIFY(risk->isVisible());
    QVERIFY2(risk->text().startsWith(QStringLiteral("No delivery report yet for 40 message")), qPrintable(risk->text()));
    QVERIFY2(risk->text().contains(QStringLiteral("Kengele sent these but never heard back. Some may have arrived; sending "
                                                  "again may give those people a second copy and costs 80 token")),
             qPrintable(risk->text()));
    QVERIFY(find<QLabel>(&page, "stateCountsLabel")->text().contains(QStringLiteral("No report yet: <b>40</b>")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(resend, Qt::LeftButton);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("80 token")), qPrintable(MessageBox::lastText()));
    QVERIFY(!risk->isVisible());
}

void TestCampaignsPage::nothingIsCutOffAt1280x800()
{
    const qint64 id = launch(QStringLiteral("Hello {first_name}"));
    dispatchWith();
    // As the delivery reports name it.
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET network = 'Airtel Kenya'")));
    CampaignsPage page = campaignsPage(**m_profile);
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.currentCampaignId(), id);
    auto *view = find<QTableView>(&page, "recipientsView");
    QAbstractItemModel *model = view->model();
    const QFontMetrics header = view->horizontalHeader()->fontMetrics();
    const QFontMetrics cells = view->fontMetrics();
    for (int column = 0; column < model->columnCount(); ++column) {
        // Each message's cost is in its row's tooltip, not a column of its own.
        if (column == OutboxTableModel::CostColumn) {
            QVERIFY(view->isColumnHidden(column));
            continue;
        }
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(view->columnWidth(column) >= header.horizontalAdvance(title) + 12, qPrintable(title));
        // Names are free text of any length: their column fits a usual one, the tooltip any.
        if (column == OutboxTableModel::NameColumn) {
            QCOMPARE(model->index(0, column).data(Qt::ToolTipRole).toString(), model->index(0, column).data().toString());
            continue;
        }
        for (int row = 0; row < 5; ++row) {
            const QString text = model->index(row, column).data().toString();
            QVERIFY2(view->columnWidth(column) >= cells.horizontalAdvance(text) + 8,
                     qPrintable(QStringLiteral("%1: %2 in %3 px").arg(title, text).arg(view->columnWidth(column))));
        }
    }
    // All the columns fit in the view: no sideways scrolling to find the network.
    QVERIFY(view->horizontalHeader()->length() <= view->viewport()->width());
}

void TestCampaignsPage::kiswahiliListAndMessagesFitAt1280x800()
{
    // Kiswahili's statuses, days and column titles are longer than English ones: the list still
    // shows a usual name whole, and the messages' columns all fit beside it.
    QVERIFY(Language::install(QStringLiteral("sw")));
    const auto english = qScopeGuard([] { Language::install(QStringLiteral("en")); });
    CampaignDraft d;
    d.name = QStringLiteral("Sunday service reminder");
    d.body = QStringLiteral("Service at 9am. Karibu!");
    d.groupIds = {m_group};
    d.gateway = GatewayKind::Simulator;
    const auto launched = (*m_profile)->campaigns().launch(d);
    QVERIFY(launched);
    dispatchWith();
    QSqlQuery q((*m_profile)->database().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET network = 'Airtel Kenya'")));
    MainWindow window(**m_profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::CampaignsPageIndex);
    QVERIFY(window.campaignsPage()->selectCampaign(launched->id));
    test::settle();

    auto *list = find<QTreeView>(window.campaignsPage(), "campaignList");
    const QModelIndex name = list->model()->index(0, CampaignListModel::NameColumn);
    QCOMPARE(name.data().toString(), d.name);
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.rect = list->visualRect(name);
    QVERIFY2(list->itemDelegateForIndex(name)->sizeHint(option, name).width() <= option.rect.width(),
             qPrintable(QStringLiteral("the name has %1 px").arg(option.rect.width())));

    auto *view = find<QTableView>(window.campaignsPage(), "recipientsView");
    QVERIFY2(view->horizontalHeader()->length() <= view->viewport()->width(),
             qPrintable(QStringLiteral("columns take %1 px, the table has %2")
                            .arg(view->horizontalHeader()->length())
                            .arg(view->viewport()->width())));
}

QTEST_MAIN(TestCampaignsPage)
#include "TestCampaignsPage.moc"
