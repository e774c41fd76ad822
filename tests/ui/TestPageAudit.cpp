// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DemoScenes.h"
#include "FakeSecretStore.h"
#include "LayoutAudit.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignsPage.h"
#include "campaigns/ComposeCampaignDialog.h"
#include "campaigns/DispatchService.h"
#include "campaigns/GatewaySetup.h"
#include "campaigns/ScheduleEditor.h"
#include "common/Language.h"
#include "contacts/ContactDialog.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/ImportDialog.h"
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
#include "security/LockScreen.h"
#include "security/SignInDialog.h"
#include "security/StaffAccounts.h"
#include "settings/AuditTrailWidget.h"
#include "settings/Settings.h"
#include "settings/SettingsDialog.h"
#include "settings/StaffAccountDialog.h"
#include "settings/StaffSettingsWidget.h"
#include "sync/ChangeLog.h"
#include "sync/ComputersSettingsWidget.h"
#include "sync/ComputersWatcher.h"
#include "sync/ConflictsDialog.h"
#include "sync/RelayClient.h"
#include "sync/RelaySyncService.h"
#include "sync/TokenShop.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateService.h"
#include "templates/TemplatesPage.h"
#include "tokens/BudgetNameDialog.h"
#include "tokens/BudgetWarningDialog.h"
#include "tokens/BuyTokensDialog.h"
#include "tokens/TokenLedger.h"
#include "tokens/TokensPage.h"
#include "tokens/TransferDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QListWidget>
#include <QMainWindow>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSet>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;
using kengele::test::LayoutAudit;

// Walks every page and the main dialogs of the app on the demo congregation, in English and
// Kiswahili, in a 1280x800 window, the way TestScreenshots takes their pictures, and runs
// LayoutAudit on each: fails, with the whole list, when a text is cut, a control has no
// accessible name or Tab cannot reach it.
class TestPageAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void pages_data();
    void pages();
    // The Reports page with its reports, and the report builder.
    void reports_data();
    void reports();

private:
    // Audits `widget` as shown now; a finding already seen on an earlier step is not repeated.
    void audit(QWidget *widget, const QString &where);

    QStringList m_order;
    QHash<QString, QStringList> m_findings;
    QSet<QString> m_seen;
};

namespace {

// "Queued 0, Submitting 0, Sent 3, …, status 2": what a campaign that did not finish was left with.
QString describeStates(const Result<Campaign> &campaign)
{
    if (!campaign)
        return campaign.error().message;
    QStringList parts;
    for (const MessageState state : AllMessageStates)
        parts << QStringLiteral("%1 %2").arg(toText(state)).arg(campaign->states.value(state));
    parts << QStringLiteral("status %1").arg(int(campaign->status));
    return parts.join(QStringLiteral(", "));
}

} // namespace

void TestPageAudit::init()
{
    m_order.clear();
    m_findings.clear();
    m_seen.clear();
}

void TestPageAudit::audit(QWidget *widget, const QString &where)
{
    // Let pending layouts settle (texts changed just before the look).
    test::settle();
    QStringList lines;
    // The window itself must fit a 1280x800 screen: one that will not shrink so far cuts off all the rest.
    if (auto *window = qobject_cast<QMainWindow *>(widget); window && (window->width() > 1280 || window->height() > 800)) {
        QStringList parts;
        for (QWidget *part : window->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
            parts << QStringLiteral("%1 %2")
                         .arg(part->objectName().isEmpty() ? QString::fromLatin1(part->metaObject()->className())
                                                           : part->objectName())
                         .arg(part->minimumSizeHint().width());
        if (QWidget *central = window->centralWidget()) {
            for (QWidget *part : central->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
                parts << QStringLiteral("%1 %2").arg(part->objectName()).arg(part->minimumSizeHint().width());
            if (auto *stack = central->findChild<QStackedWidget *>()) {
                for (int i = 0; i < stack->count(); ++i)
                    parts << QStringLiteral("%1 %2")
                                 .arg(stack->widget(i)->objectName())
                                 .arg(stack->widget(i)->minimumSizeHint().width());
            }
        }
        lines << QStringLiteral("[too big] the window cannot be made 1280x800: it is %1x%2 (minimum widths: %3)")
                     .arg(window->width())
                     .arg(window->height())
                     .arg(parts.join(QStringLiteral(", ")));
    }
    for (const test::AuditFinding &finding : LayoutAudit::run(widget))
        lines << finding.toString();
    for (const QString &line : std::as_const(lines)) {
        if (m_seen.contains(line))
            continue;
        m_seen.insert(line);
        if (!m_findings.contains(where))
            m_order.append(where);
        m_findings[where].append(line);
    }
}

void TestPageAudit::pages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("English") << "en";
    QTest::addRow("Kiswahili") << "sw";
}

void TestPageAudit::pages()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(language));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    test::TempProfile profile;
    QVERIFY(DemoCongregation::populate(*profile));
    MainWindow window(*profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The dashboard over the demo's year, a drill-down from it, and a new profile's empty dashboard.
    {
        window.showPage(MainWindow::DashboardPageIndex);
        DashboardPage *dashboard = window.dashboardPage();
        dashboard->setPeriodKind(Period::Kind::Last12Months);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->shown() && !dashboard->isLoading(), 20000 * test::timeScale());
        audit(&window, QStringLiteral("dashboard"));
        const QList<ReportSection> &sections = dashboard->shown()->document.sections;
        int network = -1;
        for (int i = 0; i < sections.size(); ++i) {
            if (sections[i].chart && sections[i].chart->dimension == u"network")
                network = i;
        }
        QVERIFY(network >= 0);
        DrillDownDialog *drill = dashboard->openDrillDown(network, 0, 0);
        QVERIFY(drill);
        QTRY_VERIFY(!drill->isLoading());
        audit(drill, QStringLiteral("drill-down"));
        drill->close();
        dashboard->setPeriodKind(Period::Kind::Custom);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard->isLoading(), 20000 * test::timeScale());
        audit(&window, QStringLiteral("dashboard-custom"));
        dashboard->setPeriodKind(Period::Kind::ThisMonth);
    }
    {
        test::TempProfile fresh;
        MainWindow empty(*fresh);
        empty.resize(1280, 800);
        empty.show();
        empty.showPage(MainWindow::DashboardPageIndex);
        QTRY_VERIFY_WITH_TIMEOUT(empty.dashboardPage()->shown() && !empty.dashboardPage()->isLoading(),
                                 20000 * test::timeScale());
        audit(&empty, QStringLiteral("dashboard-empty"));
    }
    window.showPage(MainWindow::ContactsPageIndex);
    audit(&window, QStringLiteral("contacts"));
    window.showPage(MainWindow::GroupsPageIndex);
    audit(&window, QStringLiteral("groups"));
    // Nothing has come in yet, and no relay is set up.
    window.showPage(MainWindow::InboxPageIndex);
    audit(&window, QStringLiteral("inbox-empty"));
    window.showPage(MainWindow::TemplatesPageIndex);
    audit(&window, QStringLiteral("templates"));
    // No relay and no tokens yet: where to start.
    window.showPage(MainWindow::TokensPageIndex);
    audit(&window, QStringLiteral("tokens-empty"));
    window.showPage(MainWindow::TemplatesPageIndex);

    // The editor warning about a character that makes the message cost more.
    auto *edit = window.templatesPage()->editor()->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    edit->setPlainText(QStringLiteral("Dear {first_name|friend}, we’re praying for you – see you on Sunday at 9:00. "
                                      "Tafadhali njoo na rafiki {frist_name}."));
    audit(&window, QStringLiteral("templates-warning"));
    edit->document()->undo();

    ContactDialog dialog(profile->contacts(), 0);
    dialog.show();
    audit(&dialog, QStringLiteral("contact-dialog"));

    // Importing: the column step of a file without a header row, then the result of a file with
    // bad rows, and the message for a file that is not a contact list.
    {
        ImportDialog import(profile->imports(), profile->groups(), test::testDataPath(QStringLiteral("import/headerless.csv")));
        import.show();
        QTRY_VERIFY(import.isReady());
        audit(&import, QStringLiteral("import-columns"));
    }
    {
        ImportDialog import(profile->imports(), profile->groups(), test::testDataPath(QStringLiteral("import/bad_rows.csv")));
        import.show();
        QTRY_VERIFY(import.isReady());
        import.startImport();
        QTRY_VERIFY_WITH_TIMEOUT(import.report().has_value(), 20000);
        audit(&import, QStringLiteral("import-result"));
    }
    {
        ImportDialog import(profile->imports(), profile->groups(),
                            test::testDataPath(QStringLiteral("import/vcard30_folded.vcf"))
                                .replace(QStringLiteral(".vcf"), QStringLiteral(".missing")));
        import.show();
        QTRY_VERIFY(import.isReady());
        audit(&import, QStringLiteral("import-error"));
    }
    test::FakeSecretStore secrets;
    SettingsDialog settings(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    settings.show();
    audit(&settings, QStringLiteral("settings"));
    settings.showTab(SettingsDialog::GatewayTab);
    audit(&settings, QStringLiteral("settings-gateway"));
    settings.showTab(SettingsDialog::SendingTab);
    audit(&settings, QStringLiteral("settings-sending"));
    settings.showTab(SettingsDialog::RelayTab);
    audit(&settings, QStringLiteral("settings-relay"));
    {
        // Settings → Computers without a relay, then with computers and one waiting; Recent conflicts.
        ComputersWatcher computers(nullptr, profile->access());
        const ChangeLog changes(profile->database());
        settings.tabs()->setCurrentIndex(ComputersSettingsWidget::addTo(settings, computers, changes, profile->clock()));
        audit(&settings, QStringLiteral("settings-computers-empty"));
        computers.showState(ComputersWatcher::Stage::Member);
        QList<SyncDeviceEntry> list;
        for (const auto &[id, name, pending] :
             {std::tuple{"dev_a", "Office PC", false}, std::tuple{"dev_b", "Office laptop", true}}) {
            SyncDeviceEntry d;
            d.device = QString::fromLatin1(id);
            d.name = QString::fromLatin1(name);
            d.pending = pending;
            d.approved = !pending;
            d.isThis = !pending;
            d.lastSeen = profile->clock().nowUtc();
            list.append(d);
        }
        computers.showDevices(list);
        computers.showSafetyCode(QStringLiteral("dev_b"), QStringLiteral("4821 1934"));
        audit(&settings, QStringLiteral("settings-computers"));
        ConflictsDialog conflicts(changes, profile->clock());
        conflicts.show();
        audit(&conflicts, QStringLiteral("conflicts-empty"));
        settings.tabs()->removeTab(settings.tabs()->count() - 1);
    }

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
        audit(&compose, QStringLiteral("compose"));
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
        audit(&compose, QStringLiteral("compose-repeat"));
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
    // Usually half a second; under heavy load it has taken 15 s and once 60 s, without the gateway
    // being reported unreachable: the cause is not found yet. The wait is generous, and whenever it
    // takes longer than 5 s the campaign's states as they changed are printed, to find it.
    {
        QElapsedTimer waited;
        waited.start();
        QStringList seen;
        bool done = false;
        while (!done && waited.elapsed() < 180'000) {
            const Result<Campaign> now = profile->campaigns().get(launched->id);
            const QString states = describeStates(now);
            if (seen.isEmpty() || !seen.last().endsWith(states))
                seen << QStringLiteral("%1 ms: %2").arg(waited.elapsed()).arg(states);
            done = now && now->states.value(MessageState::Sent) == 0 && now->status == CampaignStatus::Done;
            if (!done)
                QTest::qWait(50);
        }
        if (waited.elapsed() > 5000 || !done) {
            for (const QString &line : std::as_const(seen))
                qWarning("slow dispatch: %s", qPrintable(line));
        }
        QVERIFY2(done, "the campaign did not finish in 3 minutes; its states are listed above");
    }
    window.campaignsPage()->refresh();
    audit(&window, QStringLiteral("campaigns"));
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
        audit(&edit, QStringLiteral("compose-edit"));
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
    audit(&window, QStringLiteral("campaigns-repeating"));
    qint64 skipped = 0;
    const Result<QList<Campaign>> all = profile->campaigns().list();
    for (const Campaign &c : *all) {
        if (c.parentId == repeating->id && c.status == CampaignStatus::Skipped)
            skipped = c.id;
    }
    QVERIFY(window.campaignsPage()->selectCampaign(skipped));
    audit(&window, QStringLiteral("campaigns-skipped"));

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
    audit(&window, QStringLiteral("inbox"));
    QVERIFY(inbox->selectMessage(inbox->model()->messageId(3)));
    audit(&window, QStringLiteral("inbox-unknown"));
    QVERIFY(inbox->selectMessage(inbox->model()->messageId(1)));
    audit(&window, QStringLiteral("inbox-optout"));

    SettingsDialog relaySettings(profile->settings(), secrets, profile->relayLinks(), profile->clock());
    relaySettings.show();
    relaySettings.showTab(SettingsDialog::RelayTab);
    audit(&relaySettings, QStringLiteral("settings-relay-connected"));

    // Tokens bought with M-Pesa: the page, its history, and the Buy dialog in each state.
    const test::DemoPurchases purchases = test::buyDemoTokens(profile);
    QVERIFY2(purchases.error.isEmpty(), qPrintable(purchases.error));
    RelayClient shopClient(network);
    shopClient.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::closedPort())));
    shopClient.setToken(QStringLiteral("t"));
    TokenShop shop(profile->database(), shopClient, profile.clock());
    window.setTokenShop(&shop);
    window.showPage(MainWindow::TokensPageIndex);
    audit(&window, QStringLiteral("tokens"));
    window.tokensPage()->showTab(TokensPage::HistoryTab);
    audit(&window, QStringLiteral("tokens-history"));
    window.tokensPage()->showTab(TokensPage::UsageTab);
    audit(&window, QStringLiteral("tokens-usage"));
    window.tokensPage()->showTab(TokensPage::PurchasesTab);
    {
        BuyTokensDialog buy(shop, profile->tokens(), &window);
        buy.show();
        buy.choosePlan(QStringLiteral("starter"));
        buy.setPhone(QStringLiteral("0712 345 678"));
        audit(&buy, QStringLiteral("buy-choose"));
        buy.followPurchase(purchases.waiting);
        QCOMPARE(buy.step(), BuyTokensDialog::Step::Waiting);
        audit(&buy, QStringLiteral("buy-waiting"));
        buy.followPurchase(purchases.paid);
        QCOMPARE(buy.step(), BuyTokensDialog::Step::Credited);
        audit(&buy, QStringLiteral("buy-paid"));
        buy.followPurchase(purchases.failed);
        QCOMPARE(buy.step(), BuyTokensDialog::Step::Failed);
        audit(&buy, QStringLiteral("buy-failed"));
    }
    {
        TransferDialog transfer(profile->tokens(), &window);
        transfer.show();
        transfer.setTokens(200);
        transfer.setReason(QStringLiteral("Choir anniversary"));
        audit(&transfer, QStringLiteral("transfer"));
        BudgetNameDialog budget(profile->tokens(), &window);
        budget.show();
        budget.setName(QStringLiteral("Women's Fellowship"));
        audit(&budget, QStringLiteral("add-budget"));
        BudgetNameDialog rename(profile->tokens(), &window);
        rename.setRenaming(QStringLiteral("Youth"));
        rename.show();
        audit(&rename, QStringLiteral("rename-budget"));
        BudgetWarningDialog warning(profile->tokens(), QStringLiteral("Youth"), &window);
        warning.show();
        audit(&warning, QStringLiteral("warning-level"));
    }

    // The status bar while the relay cannot be reached, and when this computer was refused.
    RelaySyncStatus offline;
    offline.configured = offline.running = true;
    offline.offlineSince = profile.clock().nowUtc().addSecs(-16 * 60);
    offline.nextAttempt = profile.clock().nowUtc().addSecs(2 * 60);
    offline.lastError = QStringLiteral("Kengele cannot reach the relay.");
    window.showRelayStatus(offline);
    audit(window.statusBar(), QStringLiteral("statusbar-offline"));
    window.showRelayStatus(relayStatus);
    audit(window.statusBar(), QStringLiteral("statusbar-connected"));
    RelaySyncStatus refused;
    refused.needsEnrolment = true;
    window.showRelayStatus(refused);
    audit(window.statusBar(), QStringLiteral("statusbar-refused"));
    window.showRelayStatus(relayStatus);

    // Staff and roles (off, then on), its dialogs, the sign-in dialog, the lock screen, the audit
    // trail intact and tampered with.
    {
        SettingsDialog staffSettings(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        const auto [staffTab, auditTab]
            = StaffSettingsWidget::addTo(staffSettings, profile->staff(), profile->audit(), profile->settings());
        staffSettings.show();
        staffSettings.tabs()->setCurrentIndex(staffTab);
        audit(&staffSettings, QStringLiteral("staff-roles-off"));
        staffSettings.tabs()->setCurrentIndex(auditTab);
        audit(&staffSettings, QStringLiteral("audit-trail-open"));
        {
            StaffAccountDialog require(profile->staff(), StaffAccountDialog::Mode::RequireSignIn);
            require.show();
            audit(&require, QStringLiteral("require-sign-in"));
        }
        const QString staffProblem = test::addDemoStaff(profile);
        QVERIFY2(staffProblem.isEmpty(), qPrintable(staffProblem));
        staffSettings.tabs()->setCurrentIndex(staffTab);
        staffSettings.findChild<StaffSettingsWidget *>()->selectAccount(QStringLiteral("john"));
        audit(&staffSettings, QStringLiteral("staff-roles"));
        staffSettings.tabs()->setCurrentIndex(auditTab);
        audit(&staffSettings, QStringLiteral("audit-trail"));
        {
            StaffAccountDialog add(profile->staff(), StaffAccountDialog::Mode::Add);
            add.show();
            add.setPasswords(QStringLiteral("a"), QStringLiteral("b"));
            add.submit();
            audit(&add, QStringLiteral("add-staff"));
            const Result<StaffAccount> john = profile->staff().find(QStringLiteral("john"));
            QVERIFY(john);
            StaffAccountDialog role(profile->staff(), StaffAccountDialog::Mode::ChangeRole, *john);
            role.show();
            audit(&role, QStringLiteral("change-role"));
            StaffAccountDialog reset(profile->staff(), StaffAccountDialog::Mode::ResetPassword, *john);
            reset.show();
            audit(&reset, QStringLiteral("reset-password"));
            StaffAccountDialog own(profile->staff(), StaffAccountDialog::Mode::ChangeOwnPassword);
            own.show();
            audit(&own, QStringLiteral("change-own-password"));
        }
        staffSettings.reject();
        profile->staff().lock();
        {
            SignInDialog signIn(profile->staff());
            signIn.show();
            signIn.setUserName(QStringLiteral("mary"));
            signIn.setPassword(QStringLiteral("not it"));
            signIn.signIn();
            audit(&signIn, QStringLiteral("sign-in"));
        }
        QVERIFY(profile->staff().signIn(QStringLiteral("mary"), QString::fromLatin1(test::DemoAdminPassword)));
        window.lock();
        audit(&window, QStringLiteral("lock"));
        window.lockScreen()->signInAsSomeoneElse();
        audit(&window, QStringLiteral("lock-someone-else"));
        window.lockScreen()->setUserName(QStringLiteral("mary"));
        window.lockScreen()->setPassword(QString::fromLatin1(test::DemoAdminPassword));
        window.lockScreen()->unlock();
        QVERIFY(!window.isLocked());
        const QString tampered = test::tamperAuditEntry(profile, 4);
        QVERIFY2(tampered.isEmpty(), qPrintable(tampered));
        SettingsDialog broken(profile->settings(), secrets, profile->relayLinks(), profile->clock());
        broken.tabs()->setCurrentIndex(
            StaffSettingsWidget::addTo(broken, profile->staff(), profile->audit(), profile->settings()).second);
        broken.show();
        audit(&broken, QStringLiteral("audit-tampered"));
    }
    Language::install(QStringLiteral("en"));

    // All of them at once, grouped by where they were seen, so one run gives the whole list.
    QStringList lines;
    for (const QString &where : std::as_const(m_order)) {
        for (const QString &finding : m_findings.value(where))
            lines.append(where + QStringLiteral(": ") + finding);
    }
    // QtTest cuts long failure messages: one line each, then the count.
    for (const QString &line : std::as_const(lines))
        qWarning("%s", qPrintable(line));
    // The first one in the message too: a CI log cut in its middle still shows it.
    QVERIFY2(lines.isEmpty(),
             qPrintable(QStringLiteral("%1 findings in %2, listed above; the first: %3")
                            .arg(lines.size())
                            .arg(language, lines.value(0).left(400))));
}

void TestPageAudit::reports_data()
{
    pages_data();
}

void TestPageAudit::reports()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(language));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
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
    audit(&window, QStringLiteral("reports"));
    for (const QString &report :
         {QStringLiteral("Failures by network"), QStringLiteral("campaign"), QStringLiteral("failed-numbers"),
          QStringLiteral("opt-outs"), QStringLiteral("token-statement")}) {
        QVERIFY(page->selectReport(report));
        QTRY_VERIFY_WITH_TIMEOUT(shown(), 30000);
        audit(&window, QStringLiteral("reports-") + report);
    }
    // A period of one's own.
    page->setPeriod(Period(QDate(2025, 6, 1), QDate(2025, 8, 31)));
    QTRY_VERIFY_WITH_TIMEOUT(shown(), 30000);
    audit(&window, QStringLiteral("reports-custom-period"));

    QPointer<ReportBuilderDialog> builder = page->newReport();
    QVERIFY(builder);
    QVERIFY(QTest::qWaitForWindowExposed(builder));
    builder->setMeasure(QStringLiteral("delivery_rate"));
    builder->setGrouping(QStringLiteral("month"), QStringLiteral("network"));
    builder->setPeriod(year);
    builder->addFilter(QStringLiteral("group"), QString::number(profile->groups().findByName(QStringLiteral("Choir"))->id));
    builder->setName(QStringLiteral("Choir delivery rate"));
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isPreviewing() && !builder->preview()->isBusy() && builder->preview()->hasDocument(),
                             30000);
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isLoadingValues(), 30000);
    audit(builder, QStringLiteral("report-builder"));
    builder->reject();
    Language::install(QStringLiteral("en"));

    QStringList lines;
    for (const QString &where : std::as_const(m_order)) {
        for (const QString &finding : m_findings.value(where))
            lines.append(where + QStringLiteral(": ") + finding);
    }
    for (const QString &line : std::as_const(lines))
        qWarning("%s", qPrintable(line));
    QVERIFY2(lines.isEmpty(),
             qPrintable(QStringLiteral("%1 findings in %2, listed above; the first: %3")
                            .arg(lines.size())
                            .arg(language, lines.value(0).left(400))));
}

QTEST_MAIN(TestPageAudit)
#include "TestPageAudit.moc"
