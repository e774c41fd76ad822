// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DarkPalette.h"
#include "DemoScenes.h"
#include "FakeSecretStore.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "WelcomePage.h"
#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignsPage.h"
#include "campaigns/ComposeCampaignDialog.h"
#include "campaigns/DispatchService.h"
#include "campaigns/GatewaySetup.h"
#include "campaigns/ScheduleEditor.h"
#include "common/Language.h"
#include "contacts/ContactDialog.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/ContactsPage.h"
#include "contacts/GroupService.h"
#include "contacts/ImportDialog.h"
#include "contacts/PastoralNotes.h"
#include "demo/DemoCongregation.h"
#include "gateway/GatewayConnection.h"
#include "inbox/InboxPage.h"
#include "inbox/InboxService.h"
#include "inbox/InboxTableModel.h"
#include "reports/DashboardPage.h"
#include "reports/DrillDownDialog.h"
#include "reports/ReportBuilderDialog.h"
#include "reports/ReportView.h"
#include "reports/ReportsPage.h"
#include "reports/SavedReports.h"
#include "security/AuditLog.h"
#include "security/DataKey.h"
#include "security/LockScreen.h"
#include "security/Passwords.h"
#include "security/SignInDialog.h"
#include "security/StaffAccounts.h"
#include "settings/AuditTrailWidget.h"
#include "settings/RelaySettingsWidget.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "settings/StaffSettingsWidget.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "sync/ComputersBanner.h"
#include "sync/ComputersSettingsWidget.h"
#include "sync/ComputersWatcher.h"
#include "sync/ConflictsDialog.h"
#include "sync/JoinChoice.h"
#include "sync/RelayClient.h"
#include "sync/RelayLinkStore.h"
#include "sync/RelaySyncService.h"
#include "sync/ReplicaApplier.h"
#include "sync/TokenShop.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateService.h"
#include "templates/TemplatesPage.h"
#include "tokens/BudgetWarningDialog.h"
#include "tokens/BuyTokensDialog.h"
#include "tokens/TokenLedger.h"
#include "tokens/TokenUsageChart.h"
#include "tokens/TokensPage.h"
#include "tokens/TransferDialog.h"

#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPageSize>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSqlQuery>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;

// Takes a picture of every page, in English and Kiswahili, in the light and in a dark theme (Fusion
// with a dark palette), on the demo congregation, and saves it under KENGELE_SCREENSHOT_DIR
// (build/screenshots) so anyone can look at what the app shows: name-language[-dark].png.
class TestScreenshots final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pages_data();
    void pages();
    // The Reports page (a built-in report, its charts, a saved report, a campaign's) and the builder.
    void reports_data();
    void reports();

private:
    void save(QWidget *widget, const QString &name);
};

void TestScreenshots::save(QWidget *widget, const QString &name)
{
    QDir dir(qEnvironmentVariable("KENGELE_SCREENSHOT_DIR", QDir::tempPath() + QStringLiteral("/kengele-screenshots")));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    // Let pending layouts settle (texts changed just before the picture).
    test::settle();
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    // A blank picture would mean nothing was drawn.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, qPrintable(name));
    const QString path = dir.filePath(name + QStringLiteral(".png"));
    QVERIFY(image.save(path));
    qInfo("saved %s", qPrintable(path));
}

void TestScreenshots::pages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("dark");
    QTest::addRow("English") << "en" << false;
    QTest::addRow("Kiswahili") << "sw" << false;
    QTest::addRow("English, dark") << "en" << true;
    QTest::addRow("Kiswahili, dark") << "sw" << true;
}

void TestScreenshots::pages()
{
    QFETCH(QString, language);
    QFETCH(bool, dark);
    QVERIFY(Language::install(language));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(dark ? test::darkPalette() : QApplication::style()->standardPalette());
    const QString suffix = language + (dark ? QStringLiteral("-dark") : QString());
    test::TempProfile profile;
    QVERIFY(DemoCongregation::populate(*profile));
    MainWindow window(*profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A new profile opens on the three steps to a first send.
    QVERIFY(window.welcomePage()->isVisible());
    save(&window, QStringLiteral("welcome-") + suffix);

    // The dashboard over the demo's year: the window, every chart (the page's whole scrolled
    // content) and a drill-down from the failures on one network.
    {
        window.showPage(MainWindow::DashboardPageIndex);
        DashboardPage *dashboard = window.dashboardPage();
        dashboard->setPeriodKind(Period::Kind::Last12Months);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->shown() && !dashboard->isLoading(), 20000 * test::timeScale());
        QVERIFY(!dashboard->isEmptyStateShown());
        save(&window, QStringLiteral("dashboard-") + suffix);
        auto *scroll = dashboard->findChild<QScrollArea *>(QStringLiteral("dashboardScrollArea"));
        QVERIFY(scroll);
        save(scroll->widget(), QStringLiteral("dashboard-charts-") + suffix);
        const QList<ReportSection> &sections = dashboard->shown()->document.sections;
        int network = -1;
        for (int i = 0; i < sections.size(); ++i) {
            if (sections[i].chart && sections[i].chart->dimension == u"network")
                network = i;
        }
        QVERIFY(network >= 0);
        const int failed = int(sections[network].chart->seriesKeys.indexOf(QStringLiteral("failed")));
        QVERIFY(failed >= 0);
        DrillDownDialog *drill = dashboard->openDrillDown(network, failed, 0);
        QVERIFY(drill);
        QTRY_VERIFY(!drill->isLoading());
        save(drill, QStringLiteral("drilldown-") + suffix);
        drill->close();
    }
    // A new profile's dashboard: nothing sent yet.
    {
        test::TempProfile fresh;
        MainWindow empty(*fresh);
        empty.resize(1280, 800);
        empty.show();
        empty.showPage(MainWindow::DashboardPageIndex);
        QTRY_VERIFY_WITH_TIMEOUT(empty.dashboardPage()->shown() && !empty.dashboardPage()->isLoading(),
                                 20000 * test::timeScale());
        QVERIFY(empty.dashboardPage()->isEmptyStateShown());
        save(&empty, QStringLiteral("dashboard-empty-") + suffix);
    }

    window.showPage(MainWindow::ContactsPageIndex);
    save(&window, QStringLiteral("contacts-") + suffix);
    // An opted-out person selected: "Allow SMS again…" asks why before anything changes.
    if (auto *contactsPage = window.findChild<ContactsPage *>()) {
        for (int row = 0; row < contactsPage->model()->rowCount(); ++row) {
            if (const Contact *contact = contactsPage->model()->contactAt(row); contact && contact->optedOut) {
                contactsPage->view()->selectRow(row);
                contactsPage->view()->scrollTo(contactsPage->model()->index(row, 0));
                break;
            }
        }
        save(&window, QStringLiteral("contacts-opted-out-") + suffix);
        QTimer::singleShot(0, &window, [&] {
            if (auto *allow = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                save(allow, QStringLiteral("contacts-allow-sms-") + suffix);
                allow->reject();
            }
        });
        contactsPage->allowSmsToSelected();
        contactsPage->view()->clearSelection();
    }
    window.showPage(MainWindow::GroupsPageIndex);
    save(&window, QStringLiteral("groups-") + suffix);
    // Nothing has come in yet, and no relay is set up.
    window.showPage(MainWindow::InboxPageIndex);
    save(&window, QStringLiteral("inbox-empty-") + suffix);
    window.showPage(MainWindow::TokensPageIndex);
    save(&window, QStringLiteral("tokens-empty-") + suffix);
    window.showPage(MainWindow::TemplatesPageIndex);
    save(&window, QStringLiteral("templates-") + suffix);

    // The editor warning about a character that makes the message cost more.
    auto *edit = window.templatesPage()->editor()->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    edit->setPlainText(QStringLiteral("Dear {first_name|friend}, we’re praying for you – see you on Sunday at 9:00. "
                                      "Tafadhali njoo na rafiki {frist_name}."));
    save(&window, QStringLiteral("templates-warning-") + suffix);
    edit->document()->undo();
    // Kiswahili field names, and "did you mean" for a slip in one.
    edit->setPlainText(QStringLiteral("Habari {jina_la_kwanza|rafiki}, karibu kwenye mkutano wa {kikundi} tarehe {tarehe}. "
                                      "Mungu akubariki, {jina_la_kwnza}."));
    save(&window, QStringLiteral("templates-fields-") + suffix);
    edit->document()->undo();

    ContactDialog dialog(profile->contacts(), 0);
    dialog.show();
    save(&dialog, QStringLiteral("contact-dialog-") + suffix);

    // Importing: the column step of a file without a header row, then the result of a file with
    // bad rows, and the message for a file that is not a contact list.
    {
        ImportDialog import(profile->imports(), profile->groups(), test::testDataPath(QStringLiteral("import/headerless.csv")));
        import.show();
        QTRY_VERIFY(import.isReady());
        save(&import, QStringLiteral("import-columns-") + suffix);
    }
    {
        ImportDialog import(profile->imports(), profile->groups(), test::testDataPath(QStringLiteral("import/bad_rows.csv")));
        import.show();
        QTRY_VERIFY(import.isReady());
        import.startImport();
        QTRY_VERIFY_WITH_TIMEOUT(import.report().has_value(), 20000);
        save(&import, QStringLiteral("import-result-") + suffix);
    }
    {
        ImportDialog import(profile->imports(), profile->groups(),
                            test::testDataPath(QStringLiteral("import/vcard30_folded.vcf"))
                                .replace(QStringLiteral(".vcf"), QStringLiteral(".missing")));
        import.show();
        QTRY_VERIFY(import.isReady());
        save(&import, QStringLiteral("import-error-") + suffix);
    }
    test::FakeSecretStore secrets;
    SettingsDialog settings(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    settings.show();
    save(&settings, QStringLiteral("settings-") + suffix);
    settings.showTab(SettingsDialog::GatewayTab);
    save(&settings, QStringLiteral("settings-gateway-") + suffix);
    settings.showTab(SettingsDialog::SendingTab);
    save(&settings, QStringLiteral("settings-sending-") + suffix);
    settings.showTab(SettingsDialog::RelayTab);
    save(&settings, QStringLiteral("settings-relay-") + suffix);

    // Composing a campaign: two groups and a template, with the check beside it.
    QVERIFY(profile->tokens().grant(QStringLiteral("Main"), 1000, QStringLiteral("demo plan"), {}));
    profile->settings().setQuietHours(QTime(0, 0), QTime(0, 0));
    {
        ComposeCampaignDialog compose({profile->campaigns(), profile->templates(), profile->groups(), profile->contacts(),
                                       profile->tokens(), profile->settings(), profile->clock()});
        compose.show();
        auto *groups = compose.findChild<QListWidget *>(QStringLiteral("groupList"));
        groups->item(0)->setCheckState(Qt::Checked); // Choir (sorted by name)
        groups->item(groups->count() - 1)->setCheckState(Qt::Checked); // Youth
        auto *templates = compose.findChild<QComboBox *>(QStringLiteral("templateCombo"));
        templates->setCurrentIndex(templates->findText(QStringLiteral("Youth camp")));
        compose.updatePreview();
        QVERIFY(compose.preview());
        save(&compose, QStringLiteral("compose-") + suffix);
        // "More options" opened: the sender ID, priority and budget.
        compose.findChild<QToolButton *>(QStringLiteral("moreOptionsButton"))->setChecked(true);
        save(&compose, QStringLiteral("compose-more-options-") + suffix);
    }
    // Everyone, with a sender ID that the closed "More options" names.
    {
        ComposeCampaignDialog compose({profile->campaigns(), profile->templates(), profile->groups(), profile->contacts(),
                                       profile->tokens(), profile->settings(), profile->clock()});
        compose.show();
        compose.findChild<QCheckBox *>(QStringLiteral("allContactsCheck"))->setChecked(true);
        compose.findChild<QLineEdit *>(QStringLiteral("senderIdEdit"))->setText(QStringLiteral("MYCHURCH"));
        auto *templates = compose.findChild<QComboBox *>(QStringLiteral("templateCombo"));
        templates->setCurrentIndex(templates->findText(QStringLiteral("Sunday service reminder")));
        compose.updatePreview();
        QVERIFY2(compose.preview(), qPrintable(compose.problem()));
        save(&compose, QStringLiteral("compose-all-contacts-") + suffix);
    }
    // A repeating campaign: every week on Sunday and Wednesday (the test clock's day is a Sunday).
    {
        ComposeCampaignDialog compose({profile->campaigns(), profile->templates(), profile->groups(), profile->contacts(),
                                       profile->tokens(), profile->settings(), profile->clock()});
        compose.show();
        auto *groups = compose.findChild<QListWidget *>(QStringLiteral("groupList"));
        groups->item(0)->setCheckState(Qt::Checked);
        auto *templates = compose.findChild<QComboBox *>(QStringLiteral("templateCombo"));
        templates->setCurrentIndex(templates->findText(QStringLiteral("Choir practice")));
        auto *repeat = compose.findChild<QComboBox *>(QStringLiteral("repeatCombo"));
        repeat->setCurrentIndex(repeat->findData(int(ScheduleEditor::RepeatWeekly)));
        compose.findChild<QCheckBox *>(QStringLiteral("repeatDayCheck3"))->setChecked(true);
        compose.updatePreview();
        QVERIFY2(compose.problem().isEmpty(), qPrintable(compose.problem()));
        QVERIFY(compose.preview()->occurrences > 1);
        save(&compose, QStringLiteral("compose-repeat-") + suffix);
    }

    // A campaign the simulator has sent, with a few numbers refused and a few not delivered.
    CampaignDraft draft;
    draft.name = QStringLiteral("Sunday service reminder");
    draft.body = profile->templates().findByName(QStringLiteral("Sunday service reminder"))->body;
    draft.chargeTokens = false; // the simulator: as the compose dialog does
    draft.groupIds = {profile->groups().findByName(QStringLiteral("Choir"))->id,
                      profile->groups().findByName(QStringLiteral("Women's Fellowship"))->id};
    const auto launched = profile->campaigns().launch(draft);
    QVERIFY(launched);
    auto factory = [](GatewayKind, QString *whyNot) -> SmsGateway * {
        SimulatorOptions options;
        options.seed = 2026;
        options.blacklistedFraction = 0.03;
        options.undeliverableFraction = 0.04;
        options.reportDelayMinMs = 100;
        options.reportDelayMaxMs = 400;
        return GatewayConnection::simulation(options, whyNot).release();
    };
    Dispatcher::Options options = GatewaySetup::options(profile->settings());
    options.ratePerSecond = 0;
    DispatchService dispatch(profile->database(), profile->tokens(), profile->clock(), factory, options);
    window.setDispatchService(&dispatch);
    dispatch.start();
    // The template edited above for its picture is left without saving.
    MessageBox::setNextAnswer(QMessageBox::Discard);
    window.showPage(MainWindow::CampaignsPageIndex);
    MessageBox::setNextAnswer(std::nullopt);
    QVERIFY(window.campaignsPage()->isVisible());
    window.campaignsPage()->selectCampaign(launched->id);
    QTRY_VERIFY_WITH_TIMEOUT(profile->campaigns().get(launched->id)->states.value(MessageState::Sent) == 0
                                 && profile->campaigns().get(launched->id)->status == CampaignStatus::Done,
                             180000); // as TestPageAudit: usually half a second, up to 60 s seen under heavy load
    window.campaignsPage()->refresh();
    save(&window, QStringLiteral("campaigns-") + suffix);
    dispatch.stop();

    // A repeating campaign: Kengele was off for its first two Sundays (skipped), the third went.
    CampaignDraft weekly = draft;
    weekly.name = QStringLiteral("Weekly service reminder");
    weekly.scheduledAt = QDateTime(QDate(2026, 3, 1), QTime(17, 0), Qt::UTC);
    weekly.recurrence = Recurrence::weekly({Qt::Sunday});
    weekly.repeatUntil = QDate(2026, 5, 31);
    const auto repeating = profile->campaigns().launch(weekly);
    QVERIFY(repeating);
    {
        // Before any time has gone, in the compose dialog to change it.
        ComposeCampaignDialog edit({profile->campaigns(), profile->templates(), profile->groups(), profile->contacts(),
                                    profile->tokens(), profile->settings(), profile->clock()});
        QVERIFY(edit.editCampaign(repeating->id));
        edit.show();
        edit.updatePreview();
        save(&edit, QStringLiteral("compose-edit-") + suffix);
    }
    profile.clock().set(QDateTime(QDate(2026, 3, 9), QTime(9, 0), Qt::UTC));
    QVERIFY(profile->campaigns().launchDueOccurrences());
    profile.clock().set(QDateTime(QDate(2026, 3, 15), QTime(17, 5), Qt::UTC));
    const auto occurrences = profile->campaigns().launchDueOccurrences();
    QVERIFY(occurrences && occurrences->size() == 1);
    const qint64 occurrence = occurrences->constFirst();
    dispatch.start();
    QTRY_VERIFY_WITH_TIMEOUT(profile->campaigns().get(occurrence)->status == CampaignStatus::Done, 60000);
    dispatch.stop();
    window.campaignsPage()->refresh();
    QVERIFY(window.campaignsPage()->selectCampaign(repeating->id));
    auto *times = window.campaignsPage()->findChild<QTreeWidget *>(QStringLiteral("occurrencesList"));
    QCOMPARE(times->topLevelItemCount(), 2);
    save(&window, QStringLiteral("campaigns-repeating-") + suffix);
    qint64 skipped = 0;
    const Result<QList<Campaign>> all = profile->campaigns().list();
    for (const Campaign &c : *all) {
        if (c.parentId == repeating->id && c.status == CampaignStatus::Skipped)
            skipped = c.id;
    }
    QVERIFY(window.campaignsPage()->selectCampaign(skipped));
    save(&window, QStringLiteral("campaigns-skipped-") + suffix);

    // Sent, but the answers never came back: "No report yet", and what sending again would risk.
    CampaignDraft youth = draft;
    youth.name = QStringLiteral("Youth camp");
    youth.body = profile->templates().findByName(QStringLiteral("Youth camp"))->body;
    youth.groupIds = {profile->groups().findByName(QStringLiteral("Youth"))->id};
    const auto noReport = profile->campaigns().launch(youth);
    QVERIFY(noReport);
    {
        auto garbled = [](GatewayKind, QString *whyNot) -> SmsGateway * {
            SimulatorOptions options;
            options.seed = 2026;
            options.malformedFraction = 1; // taken, but the answer cannot be read
            return GatewayConnection::simulation(options, whyNot).release();
        };
        DispatchService unanswered(profile->database(), profile->tokens(), profile->clock(), garbled, options);
        unanswered.start();
        QTRY_VERIFY_WITH_TIMEOUT(profile->campaigns().get(noReport->id)->states.value(MessageState::Uncertain) > 0
                                     && profile->campaigns().get(noReport->id)->states.value(MessageState::Queued) == 0
                                     && profile->campaigns().get(noReport->id)->states.value(MessageState::Submitting) == 0,
                                 60000);
        unanswered.stop();
    }
    window.campaignsPage()->refresh();
    QVERIFY(window.campaignsPage()->selectCampaign(noReport->id));
    // One message chosen: its reason in full below the list.
    auto *messages = window.campaignsPage()->findChild<QTableView *>(QStringLiteral("recipientsView"));
    QVERIFY(messages);
    messages->setCurrentIndex(messages->model()->index(0, 0));
    save(&window, QStringLiteral("campaigns-no-report-") + suffix);
    // A campaign another computer of the church launched (its changes applied here as the sync
    // engine applies them): whom it is for, and that it is changed on that computer.
    {
        test::TempProfile office;
        auto carry = [](test::TempProfile &from, test::TempProfile &to) {
            ChangeLog log(from->database());
            for (;;) {
                const auto out = log.pendingOut(500);
                if (!out || out->ops.isEmpty())
                    return true;
                if (!ReplicaApplier(to->database(), to.clock()).apply(out->ops) || !log.markSent(out->upTo))
                    return false;
            }
        };
        office.clock().set(profile.clock().nowUtc());
        QVERIFY(carry(profile, office));
        CampaignDraft visit = draft;
        visit.name = QStringLiteral("Hospital visits");
        visit.groupIds = {office->groups().findByName(QStringLiteral("Choir"))->id};
        QSqlQuery q(office->database().connection());
        QVERIFY(
            q.exec(QStringLiteral("SELECT name FROM token_accounts WHERE kind = 'budget' AND name <> 'Main' ORDER BY id LIMIT 1"))
            && q.next());
        visit.accountName = q.value(0).toString();
        const auto sent = office->campaigns().launch(visit);
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message));
        QVERIFY(carry(office, profile));
        QSqlQuery here(profile->database().connection());
        QVERIFY(here.exec(QStringLiteral("SELECT id FROM campaigns WHERE uid = '%1'").arg(sent->uid)) && here.next());
        window.campaignsPage()->refresh();
        QVERIFY(window.campaignsPage()->selectCampaign(here.value(0).toLongLong()));
        QVERIFY(window.campaignsPage()->findChild<QLabel *>(QStringLiteral("sentElsewhereLabel"))->isVisible());
        save(&window, QStringLiteral("campaigns-other-computer-") + suffix);
    }

    // Connected to a relay, which brought a few messages: one from a member, a prayer request, an
    // opt-out and one from a number that is not a contact.
    const QString received = test::receiveDemoInbox(profile);
    QVERIFY2(received.isEmpty(), qPrintable(received));
    // A sync that is not started, so the indicator offers "Try again".
    QNetworkAccessManager network;
    RelayClient relayClient(network);
    RelaySyncService relaySync(profile->database(), profile->contacts(), profile->tokens(), relayClient, profile.clock());
    window.setRelaySyncService(&relaySync);
    RelaySyncStatus relayStatus;
    relayStatus.configured = relayStatus.running = relayStatus.connected = true;
    relayStatus.lastSync = profile.clock().nowUtc().addSecs(-130);
    window.showRelayStatus(relayStatus);
    window.showPage(MainWindow::InboxPageIndex);
    InboxPage *inbox = window.inboxPage();
    QVERIFY(inbox->selectMessage(inbox->model()->messageId(0)));
    auto *reply = inbox->findChild<QPlainTextEdit *>(QStringLiteral("replyEdit"));
    reply->setPlainText(QStringLiteral("Yes, the camp is on Saturday. Karibu sana!"));
    save(&window, QStringLiteral("inbox-") + suffix);
    QVERIFY(inbox->selectMessage(inbox->model()->messageId(1)));
    save(&window, QStringLiteral("inbox-optout-") + suffix);
    // A visitor: answered straight away, then "Add to contacts…" is offered.
    QVERIFY(inbox->selectMessage(inbox->model()->messageId(3)));
    reply->setPlainText(QStringLiteral("Karibu! Choir practice is on Saturday at 4 pm in the church hall."));
    save(&window, QStringLiteral("inbox-unknown-") + suffix);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    inbox->sendReply();
    MessageBox::setNextAnswer(std::nullopt);
    save(&window, QStringLiteral("inbox-visitor-replied-") + suffix);

    SettingsDialog relaySettings(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    relaySettings.show();
    relaySettings.showTab(SettingsDialog::RelayTab);
    relaySettings.relaySettings()->showStatus(relayStatus);
    save(&relaySettings, QStringLiteral("settings-relay-connected-") + suffix);

    // Tokens bought with M-Pesa: the page, its history, and the Buy dialog in each state.
    {
        const test::DemoPurchases purchases = test::buyDemoTokens(profile);
        QVERIFY2(purchases.error.isEmpty(), qPrintable(purchases.error));
        RelayClient shopClient(network);
        shopClient.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort())));
        shopClient.setToken(QStringLiteral("t"));
        TokenShop shop(profile->database(), shopClient, profile.clock());
        window.setTokenShop(&shop);
        window.showPage(MainWindow::TokensPageIndex);
        save(&window, QStringLiteral("tokens-") + suffix);
        window.tokensPage()->showTab(TokensPage::HistoryTab);
        save(&window, QStringLiteral("tokens-history-") + suffix);
        window.tokensPage()->showTab(TokensPage::UsageTab);
        save(&window, QStringLiteral("tokens-usage-") + suffix);
        window.tokensPage()->usageChart()->setDays(90);
        save(&window, QStringLiteral("tokens-usage-90-") + suffix);
        window.tokensPage()->usageChart()->setDays(30);
        window.tokensPage()->showTab(TokensPage::PurchasesTab);
        BuyTokensDialog buy(shop, profile->tokens(), &window);
        buy.show();
        buy.choosePlan(QStringLiteral("starter"));
        buy.setPhone(QStringLiteral("0712 345 678"));
        save(&buy, QStringLiteral("buy-choose-") + suffix);
        buy.followPurchase(purchases.waiting);
        save(&buy, QStringLiteral("buy-waiting-") + suffix);
        buy.followPurchase(purchases.paid);
        save(&buy, QStringLiteral("buy-paid-") + suffix);
        buy.followPurchase(purchases.failed);
        save(&buy, QStringLiteral("buy-failed-") + suffix);
        buy.close();
        TransferDialog transfer(profile->tokens(), &window);
        transfer.show();
        transfer.setTokens(200);
        transfer.setReason(QStringLiteral("Choir anniversary"));
        save(&transfer, QStringLiteral("transfer-") + suffix);
        transfer.close();
        BudgetWarningDialog warning(profile->tokens(), QStringLiteral("Youth"), &window);
        warning.show();
        save(&warning, QStringLiteral("warning-level-") + suffix);
        warning.close();

        // The relay's operator locks features by plan (and Africa's Talking is chosen): the starter
        // plan in force has the charts; urgent SMS need the enterprise plan, said before Send.
        const GatewayKind gateway = profile->settings().gatewayProvider();
        profile->settings().setGatewayProvider(GatewayKind::AfricasTalking);
        const QByteArray offer = profile->relayLinks().load()->offer;
        QJsonObject locked = QJsonDocument::fromJson(offer).object();
        locked.insert(QStringLiteral("lock_features"), true);
        QVERIFY(profile->relayLinks().saveOffer(QJsonDocument(locked).toJson(QJsonDocument::Compact)));
        window.tokensPage()->reload();
        save(&window, QStringLiteral("tokens-plan-locks-") + suffix);
        {
            ComposeServices services{profile->campaigns(), profile->templates(), profile->groups(), profile->contacts(),
                                     profile->tokens(),    profile->settings(),  profile->clock()};
            services.buyTokens = [](QWidget *, const QString &) {
            };
            ComposeCampaignDialog compose(services);
            compose.show();
            auto *groups = compose.findChild<QListWidget *>(QStringLiteral("groupList"));
            groups->item(0)->setCheckState(Qt::Checked);
            auto *templates = compose.findChild<QComboBox *>(QStringLiteral("templateCombo"));
            templates->setCurrentIndex(templates->findText(QStringLiteral("Choir practice")));
            compose.findChild<QToolButton *>(QStringLiteral("moreOptionsButton"))->setChecked(true);
            auto *priority = compose.findChild<QComboBox *>(QStringLiteral("priorityCombo"));
            priority->setCurrentIndex(priority->findData(int(Priority::Urgent)));
            compose.updatePreview();
            QVERIFY2(compose.problem().contains(QStringLiteral("Enterprise"))
                         || compose.problem().contains(QCoreApplication::translate("kengele::PurchaseStore", "Enterprise")),
                     qPrintable(compose.problem()));
            save(&compose, QStringLiteral("compose-locked-urgent-") + suffix);
        }
        // Without a plan that has them, the usage chart and insights say what they need.
        profile.clock().set(profile.clock().nowUtc().addDays(40));
        window.tokensPage()->reload();
        window.tokensPage()->showTab(TokensPage::UsageTab);
        QVERIFY(window.tokensPage()->isUsageLocked());
        save(&window, QStringLiteral("tokens-usage-locked-") + suffix);
        profile.clock().set(profile.clock().nowUtc().addDays(-40));
        window.tokensPage()->showTab(TokensPage::PurchasesTab);
        QVERIFY(profile->relayLinks().saveOffer(offer));
        profile->settings().setGatewayProvider(gateway);
        window.tokensPage()->reload();
        window.setTokenShop(nullptr);
    }
    // Refused by the relay: the reason, and "Reconnect…" in the settings and on the inbox.
    RelaySyncStatus refusedSync;
    refusedSync.configured = true;
    refusedSync.needsEnrolment = true;
    refusedSync.lastSync = relayStatus.lastSync;
    // The words RelayClient gives when the relay refuses this computer, in the screen's language.
    refusedSync.lastError
        = QCoreApplication::translate("kengele::RelayClient",
                                      "The relay no longer accepts this computer (its access may have been "
                                      "withdrawn). Connect it again with a new enrolment code from your administrator.");
    relaySettings.relaySettings()->showStatus(refusedSync);
    save(&relaySettings, QStringLiteral("settings-relay-refused-") + suffix);
    window.showRelayStatus(refusedSync);
    save(&window, QStringLiteral("inbox-relay-refused-") + suffix);
    window.showRelayStatus(relayStatus);

    // The status bar while the relay cannot be reached, and when this computer was refused.
    RelaySyncStatus offline;
    offline.configured = offline.running = true;
    offline.offlineSince = profile.clock().nowUtc().addSecs(-16 * 60);
    offline.nextAttempt = profile.clock().nowUtc().addSecs(2 * 60);
    offline.lastError = QStringLiteral("Kengele cannot reach the relay.");
    window.showRelayStatus(offline);
    save(window.statusBar(), QStringLiteral("statusbar-offline-") + suffix);
    window.showRelayStatus(relayStatus);
    save(window.statusBar(), QStringLiteral("statusbar-connected-") + suffix);
    RelaySyncStatus refused;
    refused.needsEnrolment = true;
    window.showRelayStatus(refused);
    save(window.statusBar(), QStringLiteral("statusbar-refused-") + suffix);
    window.showRelayStatus(relayStatus);

    // Several computers (no relay here: the window's watcher is shown the states the engine reports).
    // The newcomer waiting with its safety code, then let in; the administrator's notice of a
    // computer waiting; Settings → Computers (and without a relay); Recent conflicts.
    {
        ComputersWatcher *computers = window.computersWatcher();
        window.showPage(MainWindow::DashboardPageIndex);
        computers->showState(ComputersWatcher::Stage::Waiting, QStringLiteral("4821 1934"));
        save(&window, QStringLiteral("join-waiting-") + suffix);
        save(window.statusBar(), QStringLiteral("statusbar-join-waiting-") + suffix);
        // Let in with a list of its own: merge, or start from the church's data.
        OwnSharedData own;
        own.contacts = 412;
        own.groups = 6;
        own.templates = 3;
        computers->showOwnData(own.describe());
        save(&window, QStringLiteral("join-own-data-") + suffix);
        save(window.statusBar(), QStringLiteral("statusbar-join-own-data-") + suffix);
        computers->showOwnData(QString());
        window.computersBanner()->setChurchName(QStringLiteral("St. Peter's Parish"));
        computers->showState(ComputersWatcher::Stage::Joined);
        save(&window, QStringLiteral("join-joined-") + suffix);
        computers->showState(ComputersWatcher::Stage::Member);
        auto computer = [&profile](const QString &id, const QString &name, const QString &user, int minutesAgo, bool pending,
                                   bool removed, bool isThis) {
            SyncDeviceEntry d;
            d.device = id;
            d.name = name;
            d.user = user;
            d.approved = !pending && !removed;
            d.pending = pending;
            d.removed = removed;
            d.isThis = isThis;
            d.lastSeen = profile.clock().nowUtc().addSecs(-60LL * minutesAgo);
            return d;
        };
        computers->showDevices(
            {computer(QStringLiteral("dev_office"), QStringLiteral("Office PC"), QStringLiteral("mary"), 0, false, false, true),
             computer(QStringLiteral("dev_pastor"), QStringLiteral("Pastor's laptop"), QStringLiteral("grace"), 12, false, false,
                      false),
             computer(QStringLiteral("dev_hall"), QStringLiteral("Church hall PC"), QString(), 3 * 60, false, false, false),
             computer(QStringLiteral("dev_laptop"), QStringLiteral("Office laptop"), QString(), 1, true, false, false),
             computer(QStringLiteral("dev_old"), QStringLiteral("Old desktop"), QString(), 60 * 24 * 40, false, true, false)});
        computers->showSafetyCode(QStringLiteral("dev_laptop"), QStringLiteral("4821 1934"));
        save(&window, QStringLiteral("approve-notice-") + suffix);
        save(window.statusBar(), QStringLiteral("statusbar-computer-waiting-") + suffix);

        const ChangeLog changes(profile->database());
        SettingsDialog computersSettings(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        computersSettings.tabs()->setCurrentIndex(
            ComputersSettingsWidget::addTo(computersSettings, *computers, changes, profile->clock()));
        computersSettings.show();
        save(&computersSettings, QStringLiteral("settings-computers-") + suffix);
        computers->dismiss(QStringLiteral("dev_laptop"));
        computers->showDevices(computers->devices().mid(0, 3));
        save(window.statusBar(), QStringLiteral("statusbar-in-step-") + suffix);
        computersSettings.reject();

        ComputersWatcher unconnected(nullptr, profile->access());
        SettingsDialog emptySettings(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        emptySettings.tabs()->setCurrentIndex(
            ComputersSettingsWidget::addTo(emptySettings, unconnected, changes, profile->clock()));
        emptySettings.show();
        save(&emptySettings, QStringLiteral("settings-computers-empty-") + suffix);
        emptySettings.reject();

        test::TempProfile here;
        test::TempProfile other;
        const QString conflicts = test::makeDemoConflicts(here, other);
        QVERIFY2(conflicts.isEmpty(), qPrintable(conflicts));
        const ChangeLog hereChanges(here->database());
        ConflictsDialog conflictsDialog(hereChanges, here.clock());
        conflictsDialog.show();
        QCOMPARE(conflictsDialog.list()->topLevelItemCount(), 3);
        save(&conflictsDialog, QStringLiteral("conflicts-") + suffix);
        ConflictsDialog noConflicts(changes, profile->clock());
        noConflicts.show();
        save(&noConflicts, QStringLiteral("conflicts-empty-") + suffix);
        computers->showState(ComputersWatcher::Stage::NotConnected);
        computers->showDevices({});
    }

    // Staff, sign-in, the lock and the audit trail: Settings → Staff and roles before and after
    // sign-in is required, the sign-in dialog after a wrong password, the locked window, the trail,
    // and the trail after someone changed an entry in the database file.
    {
        SettingsDialog staffSettings(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        const auto [staffTab, auditTab]
            = StaffSettingsWidget::addTo(staffSettings, profile->staff(), profile->audit(), profile->settings());
        staffSettings.show();
        staffSettings.tabs()->setCurrentIndex(staffTab);
        save(&staffSettings, QStringLiteral("staff-roles-off-") + suffix);
        const QString staffProblem = test::addDemoStaff(profile);
        QVERIFY2(staffProblem.isEmpty(), qPrintable(staffProblem));
        staffSettings.findChild<StaffSettingsWidget *>()->selectAccount(QStringLiteral("john"));
        save(&staffSettings, QStringLiteral("staff-roles-") + suffix);
        staffSettings.tabs()->setCurrentIndex(auditTab);
        save(&staffSettings, QStringLiteral("audit-trail-") + suffix);
        staffSettings.reject();

        profile->staff().lock();
        {
            SignInDialog signIn(profile->staff());
            signIn.show();
            signIn.setUserName(QStringLiteral("mary"));
            signIn.setPassword(QStringLiteral("our choir sings at 9"));
            signIn.signIn();
            QVERIFY(!signIn.errorText().isEmpty());
            save(&signIn, QStringLiteral("signin-") + suffix);
        }
        QVERIFY(profile->staff().signIn(QStringLiteral("mary"), QString::fromLatin1(test::DemoAdminPassword)));
        window.showPage(MainWindow::ContactsPageIndex);
        window.lock();
        QVERIFY(window.isLocked());
        save(&window, QStringLiteral("lock-") + suffix);
        window.lockScreen()->setPassword(QString::fromLatin1(test::DemoAdminPassword));
        window.lockScreen()->unlock();
        QVERIFY(!window.isLocked());

        // Settings → Backups after a first backup, and a pastor's notes opened on a contact.
        {
            profile->backups().setCost(Passwords::Cost::TestsOnly);
            test::FakeSecretStore backupSecrets;
            backupSecrets.values.insert(BackupScheduler::PassphraseKey, QStringLiteral("Mlima wa Sayuni saba"));
            BackupScheduler scheduler(profile->backups(), profile->settings(), backupSecrets, profile.clock());
            QVERIFY(scheduler.setFolder(QDir(profile.path()).filePath(QStringLiteral("backups"))));
            SettingsDialog backups(profile->settings(), secrets, profile->relayLinks(), profile->clock());
            backups.addBackupsTab(scheduler, profile.clock());
            backups.tabs()->setCurrentIndex(backups.tabs()->count() - 1);
            backups.show();
            auto *backUpNow = backups.findChild<QPushButton *>(QStringLiteral("backUpNow"));
            QVERIFY(backUpNow);
            backUpNow->click();
            save(&backups, QStringLiteral("backups-") + suffix);
        }
        {
            profile->pastoral().setKeySource([&secrets] { return DataKey::loadOrCreate(secrets); });
            const auto someone = profile->contacts().fetch({}, 0, 1);
            QVERIFY(someone && !someone->isEmpty());
            QVERIFY(profile->pastoral().write(
                someone->first().id, QStringLiteral("Mother in hospital since Monday; visit on Thursday with the elders.")));
            ContactDialog dialog(profile->contacts(), someone->first().id, nullptr, &profile->pastoral());
            dialog.show();
            save(&dialog, QStringLiteral("contact-pastoral-closed-") + suffix);
            dialog.findChild<QPushButton *>(QStringLiteral("pastoralOpenButton"))->click();
            save(&dialog, QStringLiteral("contact-pastoral-") + suffix);
        }

        const QString tampered = test::tamperAuditEntry(profile, 4);
        QVERIFY2(tampered.isEmpty(), qPrintable(tampered));
        SettingsDialog broken(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        broken.tabs()->setCurrentIndex(
            StaffSettingsWidget::addTo(broken, profile->staff(), profile->audit(), profile->settings()).second);
        broken.show();
        QVERIFY(!broken.findChild<AuditTrailWidget *>()->brokenText().isEmpty());
        save(&broken, QStringLiteral("audit-tampered-") + suffix);
    }
    Language::install(QStringLiteral("en"));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestScreenshots::reports_data()
{
    pages_data();
}

void TestScreenshots::reports()
{
    QFETCH(QString, language);
    QFETCH(bool, dark);
    QVERIFY(Language::install(language));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(dark ? test::darkPalette() : QApplication::style()->standardPalette());
    const QString suffix = language + (dark ? QStringLiteral("-dark") : QString());
    test::TempProfile profile;
    QVERIFY(DemoCongregation::populate(*profile));
    profile->settings().setWelcomeShown(true);
    const Period year = Period::ofKind(Period::Kind::Last12Months, profile.clock().nowUtc().toLocalTime().date());
    QVERIFY(
        profile->savedReports().save(QStringLiteral("Failures by network"),
                                     {QStringLiteral("failed"), {QStringLiteral("month"), QStringLiteral("network")}, year, {}}));
    MainWindow window(*profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::ReportsPageIndex);
    ReportsPage *page = window.reportsPage();
    auto shown = [page] {
        return !page->isRunning() && page->view()->hasDocument();
    };
    page->setPeriod(Period::ofKind(Period::Kind::Last3Months, profile.clock().nowUtc().toLocalTime().date()));
    QTRY_VERIFY_WITH_TIMEOUT(shown(), 30000);
    save(&window, QStringLiteral("reports-") + suffix);
    if (!dark) {
        // The same report on paper: the PDF's first page as a picture (poppler's pdftoppm).
        const QDir dir(qEnvironmentVariable("KENGELE_SCREENSHOT_DIR", QDir::tempPath() + QStringLiteral("/kengele-screenshots")));
        const QString prefix = dir.filePath(QStringLiteral("printed-report-") + suffix);
        const QString pdf = prefix + QStringLiteral(".pdf");
        const Result<int> pages = page->savePdf(pdf, QPageSize::A4);
        QVERIFY2(pages, pages ? "" : qPrintable(pages.error().message));
        QVERIFY(*pages >= 1);
        QFile::remove(prefix + QStringLiteral(".png"));
        QCOMPARE(QProcess::execute(QStringLiteral("pdftoppm"),
                                   {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-f"),
                                    QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-singlefile"),
                                    pdf, prefix}),
                 0);
        QCOMPARE(QImage(prefix + QStringLiteral(".png")).width(), 496); // 210 mm at 60 dpi
        if (language == u"sw") {
            // Every word in the language chosen, the measures' names too (the registry follows it).
            QProcess text;
            text.start(
                QStringLiteral("pdftotext"),
                {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdf, QStringLiteral("-")});
            QVERIFY(text.waitForFinished(60000));
            const QString words = QString::fromUtf8(text.readAllStandardOutput());
            QVERIFY2(!words.contains(QStringLiteral("Active numbers")) && !words.contains(QStringLiteral("Delivered")),
                     qPrintable(words));
        }
        QFile::remove(pdf);
        qInfo("saved %s.png", qPrintable(prefix));
    }
    // Further down: the charts.
    QVERIFY(!page->view()->chartViews().isEmpty());
    test::settle();
    page->view()->ensureWidgetVisible(page->view()->chartViews().constFirst(), 0, 0);
    save(&window, QStringLiteral("reports-charts-") + suffix);
    page->view()->ensureWidgetVisible(page->view()->chartViews().constLast(), 0, 0);
    save(&window, QStringLiteral("reports-charts-more-") + suffix);
    QVERIFY(page->selectReport(QStringLiteral("Failures by network")));
    QTRY_VERIFY_WITH_TIMEOUT(shown(), 30000);
    save(&window, QStringLiteral("reports-saved-") + suffix);
    QVERIFY(page->selectReport(QStringLiteral("campaign")));
    QTRY_VERIFY_WITH_TIMEOUT(shown(), 30000);
    save(&window, QStringLiteral("reports-campaign-") + suffix);
    QVERIFY(page->selectReport(QStringLiteral("token-statement")));
    QTRY_VERIFY_WITH_TIMEOUT(shown(), 30000);
    save(&window, QStringLiteral("reports-tokens-") + suffix);

    QPointer<ReportBuilderDialog> builder = page->newReport();
    QVERIFY(builder);
    QVERIFY(QTest::qWaitForWindowExposed(builder));
    builder->setMeasure(QStringLiteral("delivery_rate"));
    builder->setGrouping(QStringLiteral("month"));
    builder->setPeriod(year);
    builder->addFilter(QStringLiteral("group"), QString::number(profile->groups().findByName(QStringLiteral("Choir"))->id));
    builder->setName(QStringLiteral("Choir delivery rate"));
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isPreviewing() && !builder->preview()->isBusy() && builder->preview()->hasDocument(),
                             30000);
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isLoadingValues(), 30000);
    save(builder, QStringLiteral("report-builder-") + suffix);
    builder->reject();
    Language::install(QStringLiteral("en"));
}

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
