// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeRelay.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/ComposeCampaignDialog.h"
#include "common/Language.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "sync/RelayClient.h"
#include "sync/RelayLinkStore.h"
#include "sync/RelaySyncService.h"
#include "sync/ReplicaApplier.h"
#include "sync/TokenShop.h"
#include "tokens/BudgetNameDialog.h"
#include "tokens/BudgetWarningDialog.h"
#include "tokens/BuyTokensDialog.h"
#include "tokens/TokenLedger.h"
#include "tokens/TokenUsageChart.h"
#include "tokens/TokensPage.h"
#include "tokens/TransferDialog.h"
#include "tokens/Voucher.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;
using kengele::test::find;

// The Tokens page and the Buy dialog against a fake relay: a purchase waits for the PIN, its
// voucher comes on the feed and credits the tokens once (with the note in the status bar); a
// failed payment says why; without a relay nothing can be bought; a double click is one purchase.
class TestTokensPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void buyWaitsThenTheVoucherCredits();
    void practicePaymentSaysSo();
    void failedPaymentSaysWhy();
    void refusedPurchaseCanBeTriedAgain();
    void doubleClickIsOnePurchase();
    void phoneNumberIsChecked();
    void notConnectedSaysConnectFirst();
    void budgetsTransferHistoryAndExport();
    void composeOffersBuyingWhenShort();
    void expiryPlanWarningsAndUsage();
    void lockedFeaturesSayWhatTheyNeed();
    void overdrawnBudgetSaysSo();

private:
    // The Buy dialog shown, with the relay's prices read, the starter plan and a number chosen.
    std::unique_ptr<BuyTokensDialog> readyDialog(const QString &phone = QStringLiteral("0712 345 678"));
    qint64 mainBalance();

    std::unique_ptr<test::TempProfile> m_profile;
    std::unique_ptr<test::FakeRelay> m_relay;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RelayClient> m_syncClient;
    std::unique_ptr<RelayClient> m_shopClient;
    std::unique_ptr<RelaySyncService> m_sync;
    std::unique_ptr<TokenShop> m_shop;
    std::unique_ptr<MainWindow> m_window;
    Voucher::KeyPair m_keys;
};

void TestTokensPage::initTestCase()
{
    QVERIFY(Language::install(QStringLiteral("en")));
    // Thousands separators as a Kenyan office sees them: "1,000".
    QLocale::setDefault(QLocale(QLocale::English, QLocale::Kenya));
}

void TestTokensPage::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    Profile &p = **m_profile;
    m_keys = Voucher::generateKeyPair();
    m_relay = std::make_unique<test::FakeRelay>();
    QVERIFY(m_relay->start());
    m_relay->voucherKey = m_keys.publicKey;
    m_relay->tokens.insert(QStringLiteral("tok_device"));
    QVERIFY(RelayLinkStore(p.database(), m_profile->clock())
                .saveEnrolment(RelayEnrolment{QStringLiteral("dev_1"), QStringLiteral("tok_device"), m_relay->org,
                                              m_relay->orgName, m_keys.publicKey}));
    p.settings().setRelayUrl(m_relay->url().toString());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_syncClient = std::make_unique<RelayClient>(*m_network);
    m_shopClient = std::make_unique<RelayClient>(*m_network);
    for (RelayClient *client : {m_syncClient.get(), m_shopClient.get()}) {
        client->setBaseUrl(m_relay->url());
        client->setToken(QStringLiteral("tok_device"));
    }
    m_sync = std::make_unique<RelaySyncService>(p.database(), p.contacts(), p.tokens(), *m_syncClient, m_profile->clock());
    RelaySyncService::Options options;
    options.waitSeconds = 2;
    options.minPollIntervalMs = 0;
    m_sync->setOptions(options);
    m_shop = std::make_unique<TokenShop>(p.database(), *m_shopClient, m_profile->clock());
    m_window = std::make_unique<MainWindow>(p);
    m_window->setRelaySyncService(m_sync.get());
    m_window->setTokenShop(m_shop.get());
    m_window->resize(1280, 800);
    m_window->show();
    m_window->showPage(MainWindow::TokensPageIndex);
    m_sync->start();
}

void TestTokensPage::cleanup()
{
    m_window.reset();
    if (m_sync)
        m_sync->stop();
    m_sync.reset();
    m_shop.reset();
    m_shopClient.reset();
    m_syncClient.reset();
    m_network.reset();
    m_relay.reset();
    m_profile.reset();
}

std::unique_ptr<BuyTokensDialog> TestTokensPage::readyDialog(const QString &phone)
{
    auto dialog = std::make_unique<BuyTokensDialog>(*m_shop, (*m_profile)->tokens(), m_window.get());
    dialog->show();
    auto *price = find<QLabel>(dialog.get(), "starterPlanPriceLabel");
    // The relay's prices replace "asking your relay…".
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(price->text(), QStringLiteral("KES 500"), 10000);
    }();
    dialog->choosePlan(QStringLiteral("starter"));
    auto *edit = find<QLineEdit>(dialog.get(), "phoneEdit");
    QTest::keyClicks(edit, phone);
    edit->editingFinished();
    return dialog;
}

qint64 TestTokensPage::mainBalance()
{
    const auto account = (*m_profile)->tokens().findAccount(QStringLiteral("Main"));
    return account ? account->balance : -1;
}

void TestTokensPage::buyWaitsThenTheVoucherCredits()
{
    m_relay->simulatedPayments = false;
    auto dialog = readyDialog();
    QVERIFY(find<QRadioButton>(dialog.get(), "starterPlanRadio")->isChecked());
    auto *buy = find<QPushButton>(dialog.get(), "buyButton");
    QVERIFY(buy->isEnabled());
    QTest::mouseClick(buy, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), BuyTokensDialog::Step::Waiting, 10000);
    QCOMPARE(m_relay->purchaseRequests(), 1);
    QCOMPARE(m_relay->purchases().constFirst().value(QStringLiteral("account")).toString(), QStringLiteral("Main"));
    QCOMPARE(find<QLabel>(dialog.get(), "progressTitleLabel")->text(),
             QStringLiteral("Check your phone and enter your M-Pesa PIN"));
    QVERIFY(find<QLabel>(dialog.get(), "progressTextLabel")->text().contains(QStringLiteral("KES 500")));
    QVERIFY(find<QLabel>(dialog.get(), "closeNoteLabel")->text().contains(QStringLiteral("nothing is lost")));
    QVERIFY(!find<QWidget>(dialog.get(), "practicePaymentBanner")->isVisible());

    // The Tokens page lists the purchase while it waits.
    QTreeWidget *purchases = m_window->tokensPage()->purchasesView();
    QTRY_COMPARE(purchases->topLevelItemCount(), 1);
    QCOMPARE(purchases->topLevelItem(0)->text(5), QStringLiteral("Waiting for the M-Pesa PIN"));
    QCOMPARE(purchases->topLevelItem(0)->text(4), QStringLiteral("KES 500"));

    // M-Pesa says paid, then the voucher comes on the feed.
    m_relay->settlePurchase(dialog->requestId(), QStringLiteral("paid"), QStringLiteral("SIM4K2L9QX"));
    m_relay->addVoucherFor(dialog->requestId(), m_keys.secretKey);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), BuyTokensDialog::Step::Credited, 10000);
    QVERIFY(
        find<QLabel>(dialog.get(), "progressTextLabel")->text().contains(QStringLiteral("1,000 tokens added to Main account.")));
    QVERIFY(find<QLabel>(dialog.get(), "progressTextLabel")->text().contains(QStringLiteral("SIM4K2L9QX")));
    QCOMPARE(mainBalance(), 1000);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("1,000 tokens arrived (M-Pesa receipt SIM4K2L9QX)."));
    QTRY_COMPARE(m_window->tokensPage()->budgetsView()->topLevelItem(0)->text(1), QStringLiteral("1,000"));
    QCOMPARE(purchases->topLevelItem(0)->text(5), QStringLiteral("Paid: tokens added"));
    QCOMPARE(purchases->topLevelItem(0)->text(6), QStringLiteral("SIM4K2L9QX"));

    // The same voucher again adds nothing.
    m_relay->addVoucherFor(dialog->requestId(), m_keys.secretKey);
    const int feed = int(m_relay->feedRequests().size());
    QTRY_VERIFY_WITH_TIMEOUT(m_relay->feedRequests().size() > feed + 1, 10000);
    QCOMPARE(mainBalance(), 1000);
}

void TestTokensPage::practicePaymentSaysSo()
{
    auto dialog = readyDialog();
    QVERIFY(find<QWidget>(dialog.get(), "buyOfferNote")->isVisible()); // "Your relay uses practice M-Pesa…"
    dialog->buy();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), BuyTokensDialog::Step::Waiting, 10000);
    QVERIFY(find<QWidget>(dialog.get(), "practicePaymentBanner")->isVisible());
    m_relay->settlePurchase(dialog->requestId(), QStringLiteral("paid"), QStringLiteral("SIMA1B2C3D"));
    m_relay->addVoucherFor(dialog->requestId(), m_keys.secretKey);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), BuyTokensDialog::Step::Credited, 10000);
    auto *practice = find<QLabel>(dialog.get(), "practicePaymentBanner");
    QVERIFY(practice->isVisible());
    QCOMPARE(practice->text(), QStringLiteral("Practice payment: no money was taken."));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("practice payment")));
    QCOMPARE(mainBalance(), 1000);
}

void TestTokensPage::failedPaymentSaysWhy()
{
    auto dialog = readyDialog(QStringLiteral("0712 340 001"));
    dialog->buy();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), BuyTokensDialog::Step::Waiting, 10000);
    m_relay->settlePurchase(dialog->requestId(), QStringLiteral("failed"), {}, QStringLiteral("1032"),
                            QStringLiteral("You cancelled the payment on your phone."));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), BuyTokensDialog::Step::Failed, 10000);
    const QString text = find<QLabel>(dialog.get(), "progressTextLabel")->text();
    QVERIFY2(text.contains(QStringLiteral("The payment was cancelled on the phone.")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Nothing was charged")));
    QCOMPARE(mainBalance(), 0);
    QTreeWidget *purchases = m_window->tokensPage()->purchasesView();
    QTRY_COMPARE(purchases->topLevelItemCount(), 1);
    QVERIFY(purchases->topLevelItem(0)->text(5).contains(QStringLiteral("cancelled on the phone")));
    // "Try again…" goes back to the choice, with the number kept.
    auto *again = find<QPushButton>(dialog.get(), "tryAgainButton");
    QVERIFY(again->isVisible());
    QTest::mouseClick(again, Qt::LeftButton);
    QCOMPARE(dialog->step(), BuyTokensDialog::Step::Choose);
    QVERIFY(find<QPushButton>(dialog.get(), "buyButton")->isEnabled());
}

void TestTokensPage::refusedPurchaseCanBeTriedAgain()
{
    m_relay->purchaseErrorStatus = 409;
    m_relay->purchaseErrorCode = QStringLiteral("phone_busy");
    auto dialog = readyDialog();
    dialog->buy();
    auto *error = find<QLabel>(dialog.get(), "buyErrorBanner");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QCOMPARE(error->text(), QStringLiteral("A payment is already waiting on this phone. Try again in a minute."));
    QCOMPARE(dialog->step(), BuyTokensDialog::Step::Choose);
    QVERIFY(find<QPushButton>(dialog.get(), "buyButton")->isEnabled());
    QCOMPARE(mainBalance(), 0);
}

void TestTokensPage::doubleClickIsOnePurchase()
{
    auto dialog = readyDialog();
    auto *buy = find<QPushButton>(dialog.get(), "buyButton");
    QTest::mouseDClick(buy, Qt::LeftButton);
    QTest::mouseClick(buy, Qt::LeftButton);
    dialog->buy(); // and once more by the keyboard
    QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), BuyTokensDialog::Step::Waiting, 10000);
    // Give any second request the time to arrive.
    QTest::qWait(300);
    QCOMPARE(m_relay->purchaseRequests(), 1);
    QCOMPARE(m_relay->purchases().size(), 1);
    const auto stored = m_shop->purchases();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
}

void TestTokensPage::phoneNumberIsChecked()
{
    auto dialog = readyDialog(QStringLiteral("0612 34"));
    QVERIFY(dialog->phoneProblem().contains(QStringLiteral("is not a Kenyan mobile number")));
    QVERIFY(find<QLabel>(dialog.get(), "phoneProblemLabel")->isVisible());
    QVERIFY(!find<QPushButton>(dialog.get(), "buyButton")->isEnabled());
    auto *edit = find<QLineEdit>(dialog.get(), "phoneEdit");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("+254 712 345 678"));
    edit->editingFinished();
    QVERIFY(dialog->phoneProblem().isEmpty());
    QVERIFY(find<QPushButton>(dialog.get(), "buyButton")->isEnabled());
    QCOMPARE(m_relay->purchaseRequests(), 0);
}

void TestTokensPage::notConnectedSaysConnectFirst()
{
    // This computer never connected to a relay.
    m_window.reset();
    m_sync->stop();
    test::TempProfile fresh;
    QNetworkAccessManager network;
    RelayClient client(network);
    TokenShop shop(fresh->database(), client, fresh.clock());
    MainWindow window(*fresh);
    window.setTokenShop(&shop);
    window.resize(1280, 800);
    window.show();
    window.showPage(MainWindow::TokensPageIndex);
    TokensPage *page = window.tokensPage();
    QVERIFY(page->isEmptyStateShown());
    QVERIFY(
        find<QLabel>(page, "tokensEmptyLabel")->text().contains(QStringLiteral("Connect to your relay first: Settings → Relay")));
    // The button opens Settings on its Relay tab.
    QString opened;
    QTimer::singleShot(0, &window, [&] {
        if (auto *modal = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            if (auto *tabs = modal->findChild<QTabWidget *>())
                opened = tabs->tabText(tabs->currentIndex());
            modal->reject();
        }
    });
    QTest::mouseClick(find<QPushButton>(page, "tokensEmptyRelaySettingsButton"), Qt::LeftButton);
    QCOMPARE(opened, QStringLiteral("Relay"));

    BuyTokensDialog dialog(shop, fresh->tokens());
    dialog.show();
    auto *banner = find<QLabel>(&dialog, "buyConnectionBanner");
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("Connect to your relay first: Settings → Relay.")));
    QVERIFY(!find<QRadioButton>(&dialog, "starterPlanRadio")->isEnabled());
    QTest::keyClicks(find<QLineEdit>(&dialog, "phoneEdit"), QStringLiteral("0712345678"));
    QVERIFY(!find<QPushButton>(&dialog, "buyButton")->isEnabled());
    dialog.buy();
    QCOMPARE(dialog.step(), BuyTokensDialog::Step::Choose);
    QSignalSpy dialogSettings(&dialog, &BuyTokensDialog::relaySettingsRequested);
    QTest::mouseClick(find<QPushButton>(&dialog, "buyOpenRelaySettingsButton"), Qt::LeftButton);
    QCOMPARE(dialogSettings.size(), 1);
    QVERIFY(shop.purchases()->isEmpty());
}

void TestTokensPage::budgetsTransferHistoryAndExport()
{
    TokenLedger &ledger = (*m_profile)->tokens();
    QVERIFY(ledger.grant(QStringLiteral("Main"), 2000, QStringLiteral("Opening balance"), QStringLiteral("treasurer")));
    TokensPage *page = m_window->tokensPage();
    QVERIFY(!page->isEmptyStateShown());

    BudgetNameDialog add(ledger, page);
    add.setName(QStringLiteral("Youth"));
    add.save();
    QCOMPARE(add.result(), int(QDialog::Accepted));
    BudgetNameDialog again(ledger, page);
    again.setName(QStringLiteral("youth"));
    again.save();
    QVERIFY(!again.problem().isEmpty()); // the name is taken
    page->reload();
    QCOMPARE(page->budgetsView()->topLevelItemCount(), 2);
    QCOMPARE(page->budgetsView()->topLevelItem(0)->text(0), QStringLiteral("Main account"));

    TransferDialog transfer(ledger, page);
    transfer.setAccounts(QStringLiteral("Main"), QStringLiteral("Youth"));
    transfer.setTokens(300);
    // No reason: nothing moves.
    QVERIFY(!find<QPushButton>(&transfer, "moveTokensButton")->isEnabled());
    transfer.setTokens(5000);
    transfer.setReason(QStringLiteral("Youth camp reminders"));
    QVERIFY(!find<QPushButton>(&transfer, "moveTokensButton")->isEnabled()); // more than Main has
    QVERIFY(transfer.problem().contains(QStringLiteral("2,000")));
    transfer.setTokens(300);
    transfer.transfer();
    QCOMPARE(transfer.result(), int(QDialog::Accepted));
    QCOMPARE(ledger.findAccount(QStringLiteral("Youth"))->balance, 300);
    QTRY_COMPARE(page->budgetsView()->topLevelItem(1)->text(1), QStringLiteral("300"));

    page->showTab(TokensPage::HistoryTab);
    page->setHistoryFilter(QStringLiteral("Youth"), -1, TokensPage::AllTime);
    QCOMPARE(page->historyLines().size(), 1);
    QCOMPARE(page->historyView()->topLevelItem(0)->text(5), QStringLiteral("Youth camp reminders"));
    page->setHistoryFilter(QString(), int(TokenTransferKind::Grant), TokensPage::Last30Days);
    QCOMPARE(page->historyLines().size(), 1);
    QCOMPARE(page->historyLines().constFirst().entry.amount, 2000);
    page->setHistoryFilter(QString(), -1, TokensPage::AllTime);
    QCOMPARE(page->historyLines().size(), 3); // the grant, and the transfer out of Main and into Youth

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.csv"));
    QCOMPARE(page->exportHistory(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel reads it as UTF-8
    const QString csv = QString::fromUtf8(bytes.mid(3));
    QVERIFY(csv.startsWith(QStringLiteral("Date,Budget,Kind,Tokens,Balance After,Other Account,Reason,Reference,By\r\n")));
    QVERIFY(csv.contains(QStringLiteral(",Youth,transfer,300,300,Main,Youth camp reminders,")));
    QVERIFY(csv.contains(QStringLiteral(",Main,grant,2000,2000,")));
    QCOMPARE(csv.count(QStringLiteral("\r\n")), 4);
    QVERIFY(!page->exportHistory(dir.filePath(QStringLiteral("missing/history.csv"))).isEmpty());
}

void TestTokensPage::composeOffersBuyingWhenShort()
{
    Profile &p = **m_profile;
    p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
    const auto group = p.groups().create(QStringLiteral("Choir"));
    QVERIFY(group);
    int asked = 0;
    ComposeServices services{p.campaigns(), p.templates(), p.groups(), p.contacts(), p.tokens(), p.settings(), p.clock()};
    services.buyTokens = [&](QWidget *parent, const QString &plan) {
        QVERIFY(plan.isEmpty()); // short of tokens: any plan
        ++asked;
        QVERIFY(parent);
        // As if the tokens had arrived while the Buy dialog was open.
        QVERIFY(p.tokens().grant(QStringLiteral("Main"), 100, QStringLiteral("bought"), {}));
    };
    const auto amina = p.contacts().add({QStringLiteral("Amina"), QStringLiteral("Otieno"), QStringLiteral("0712345678")});
    QVERIFY(amina);
    QVERIFY(p.groups().addMembers(group->id, {amina->id}));
    ComposeCampaignDialog dialog(services);
    dialog.show();
    auto *groups = find<QListWidget>(&dialog, "groupList");
    groups->item(0)->setCheckState(Qt::Checked);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Choir practice on Friday"));
    dialog.updatePreview();
    auto *buy = find<QPushButton>(&dialog, "composeBuyTokensButton");
    QVERIFY(buy->isVisible());
    QVERIFY(find<QLabel>(&dialog, "previewProblemLabel")->text().contains(QStringLiteral("Not enough tokens")));
    QTest::mouseClick(buy, Qt::LeftButton);
    QCOMPARE(asked, 1);
    // The check counts again: now there are enough.
    QVERIFY(!buy->isVisible());
    QVERIFY(!find<QLabel>(&dialog, "previewProblemLabel")->isVisible());
}

void TestTokensPage::expiryPlanWarningsAndUsage()
{
    Profile &p = **m_profile;
    TokenLedger &ledger = p.tokens();
    TokensPage *page = m_window->tokensPage();
    const QDateTime now = m_profile->clock().nowUtc(); // Sunday 1 March 2026, 09:00 UTC
    QVERIFY(ledger.grant(QStringLiteral("Main"), 1000, QStringLiteral("Starter plan"), QStringLiteral("treasurer"),
                         LotTerms{QStringLiteral("starter"), now.addDays(30)}));
    QVERIFY(ledger.grant(QStringLiteral("Main"), 50, QStringLiteral("Gift"), QStringLiteral("treasurer")));
    QTRY_COMPARE(page->budgetsView()->topLevelItem(0)->text(1), QStringLiteral("1,050"));
    QCOMPARE(page->budgetsView()->topLevelItem(0)->text(2), QStringLiteral("1,000 on 31 Mar 2026"));
    QVERIFY2(page->planText().contains(QStringLiteral("The Starter plan, until 31 Mar 2026.")), qPrintable(page->planText()));
    QVERIFY(page->planText().contains(QStringLiteral("Charts, reports and insights")));

    // A department's budget, renamed, with a warning level above what it has.
    QVERIFY(ledger.createBudgetAccount(QStringLiteral("Youth")));
    QVERIFY(ledger.transfer(QStringLiteral("Main"), QStringLiteral("Youth"), 100, QStringLiteral("Camp"), {}));
    page->reload();
    page->chooseBudget(QStringLiteral("Youth"));
    QVERIFY(find<QPushButton>(page, "renameBudgetButton")->isEnabled());
    BudgetNameDialog rename(ledger, page);
    rename.setRenaming(QStringLiteral("Youth"));
    rename.setName(QStringLiteral("Youth Ministry"));
    rename.save();
    QCOMPARE(rename.result(), int(QDialog::Accepted));
    QVERIFY(ledger.findAccount(QStringLiteral("Youth Ministry")));
    BudgetWarningDialog warning(ledger, QStringLiteral("Youth Ministry"), page);
    warning.setLevel(500);
    warning.save();
    QCOMPARE(warning.result(), int(QDialog::Accepted));
    page->reload();
    QCOMPARE(page->budgetsView()->topLevelItem(1)->text(0), QStringLiteral("Youth Ministry"));
    QCOMPARE(page->budgetsView()->topLevelItem(1)->text(3), QStringLiteral("500"));
    QVERIFY2(page->alertsText().contains(QStringLiteral("Youth Ministry")), qPrintable(page->alertsText()));
    auto *alert = find<QLabel>(m_window.get(), "tokenAlertLabel");
    QTRY_VERIFY(alert->isVisible());
    QVERIFY(alert->toolTip().contains(QStringLiteral("Youth Ministry")));

    // Tokens used: the chart shows them by budget, and "no warning" clears the alert.
    const QSqlDatabase db = p.database().connection();
    QVERIFY(ledger.reserveInTransaction(db, ledger.findAccount(QStringLiteral("Main"))->id, 77, 300, {}));
    QVERIFY(ledger.spendInTransaction(db, 77, 120, {}));
    ledger.notifyBulkChange();
    page->showTab(TokensPage::UsageTab);
    QTRY_COMPARE(page->usageChart()->shownTokens(), 120);
    QCOMPARE(page->usageChart()->shownBudgets(), QStringList{QStringLiteral("Main account")});
    page->usageChart()->setDays(90);
    QCOMPARE(page->usageChart()->shownTokens(), 120);
    BudgetWarningDialog none(ledger, QStringLiteral("Youth Ministry"), page);
    none.setLevel(-1);
    none.save();
    QTRY_VERIFY(!alert->isVisible() || !alert->toolTip().contains(QStringLiteral("below its warning level")));
}

void TestTokensPage::lockedFeaturesSayWhatTheyNeed()
{
    Profile &p = **m_profile;
    p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
    // The relay's operator locks features by plan and gives a support line.
    m_relay->plans.insert(QStringLiteral("lock_features"), true);
    m_relay->plans.insert(QStringLiteral("support_line"), QStringLiteral("+254 700 000 000, weekdays 8–17"));
    bool answered = false;
    m_shop->refreshOffer([&](const Result<ShopOffer> &offer) {
        QVERIFY(offer);
        answered = true;
    });
    QTRY_VERIFY(answered);
    TokensPage *page = m_window->tokensPage();
    page->reload();
    page->showTab(TokensPage::UsageTab);
    QVERIFY(page->isUsageLocked());
    auto *locked = find<QLabel>(page, "tokensUsageLockedLabel");
    QVERIFY2(locked->text().contains(QStringLiteral("Starter plan")), qPrintable(locked->text()));
    QVERIFY(find<QPushButton>(page, "tokensUsageBuyButton")->isVisible());
    QVERIFY2(page->planText().contains(QStringLiteral("✗ Scheduled and repeating campaigns (Business plan)")),
             qPrintable(page->planText()));

    // Compose: urgent needs the enterprise plan; Buy offers it, Send waits.
    const auto group = p.groups().create(QStringLiteral("Elders"));
    const auto john = p.contacts().add({QStringLiteral("John"), QStringLiteral("Kamau"), QStringLiteral("0722000111")});
    QVERIFY(group && john);
    QVERIFY(p.groups().addMembers(group->id, {john->id}));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 100, QStringLiteral("added by hand"), {}));
    QString boughtPlan = QStringLiteral("none");
    ComposeServices services{p.campaigns(), p.templates(), p.groups(), p.contacts(), p.tokens(), p.settings(), p.clock()};
    services.buyTokens = [&](QWidget *, const QString &plan) {
        boughtPlan = plan;
    };
    ComposeCampaignDialog dialog(services);
    dialog.show();
    find<QListWidget>(&dialog, "groupList")->item(0)->setCheckState(Qt::Checked);
    QTest::keyClicks(find<QPlainTextEdit>(&dialog, "messageEdit"), QStringLiteral("Elders meet tonight"));
    auto *priority = find<QComboBox>(&dialog, "priorityCombo");
    priority->setCurrentIndex(priority->findData(int(Priority::Urgent)));
    dialog.updatePreview();
    auto *buy = find<QPushButton>(&dialog, "composeBuyTokensButton");
    QTRY_VERIFY(buy->isVisible());
    QVERIFY(!find<QPushButton>(&dialog, "sendButton")->isEnabled());
    buy->click();
    QCOMPARE(boughtPlan, QStringLiteral("enterprise"));
    // Normal priority needs no plan.
    priority->setCurrentIndex(priority->findData(int(Priority::Normal)));
    dialog.updatePreview();
    QTRY_VERIFY(find<QPushButton>(&dialog, "sendButton")->isEnabled());

    // Help → Support: locked, it offers the plan; with the enterprise plan it shows the line.
    auto *support = m_window->findChild<QAction *>(QStringLiteral("supportAction"));
    QVERIFY(support);
    MessageBox::setNextAnswer(QMessageBox::No);
    support->trigger();
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Enterprise plan")), qPrintable(MessageBox::lastText()));
    QVERIFY(!MessageBox::lastText().contains(QStringLiteral("+254 700")));
    QVERIFY(p.tokens().purchase(QStringLiteral("Main"), 20000, QStringLiteral("vch_enterprise"), QStringLiteral("Mary"),
                                LotTerms{QStringLiteral("enterprise"), m_profile->clock().nowUtc().addDays(30)}));
    page->reload();
    QVERIFY(!page->isUsageLocked());
    support->trigger();
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("+254 700 000 000, weekdays 8–17")),
             qPrintable(MessageBox::lastText()));
    MessageBox::setNextAnswer(std::nullopt);
}

// Two computers spent the same tokens offline: after the merge the budget shows the overdraft, in
// the list and in the alerts, in plain words.
void TestTokensPage::overdrawnBudgetSaysSo()
{
    test::TempProfile &mine = *m_profile;
    test::TempProfile other;
    TokenLedger &ledger = mine->tokens();
    QVERIFY(ledger.grant(QStringLiteral("Main"), 100, QStringLiteral("Demo"), QStringLiteral("treasurer")));
    const auto send = [](test::TempProfile &from, test::TempProfile &to) {
        ChangeLog log(from->database());
        const auto out = log.pendingOut(1000);
        QVERIFY(out);
        QVERIFY(ReplicaApplier(to->database(), to.clock()).apply(out->ops));
        QVERIFY(log.markSent(out->upTo));
    };
    send(mine, other);
    QVERIFY(ledger.reserveInTransaction(mine->database().connection(), *ledger.accountId(QStringLiteral("Main")), 1, 80,
                                        QStringLiteral("secretary")));
    TokenLedger &theirs = other->tokens();
    QVERIFY(theirs.reserveInTransaction(other->database().connection(), *theirs.accountId(QStringLiteral("Main")), 1, 60,
                                        QStringLiteral("pastor")));
    send(other, mine);
    TokensPage *page = m_window->tokensPage();
    page->reload();
    QCOMPARE(page->budgetsView()->topLevelItem(0)->text(1), QStringLiteral("Overdrawn by 40"));
    QVERIFY2(page->alertsText().contains(QStringLiteral("budget is overdrawn by 40 token")), qPrintable(page->alertsText()));
    if (const QString dir = qEnvironmentVariable("KENGELE_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/tokens-overdrawn.png")));
}

QTEST_MAIN(TestTokensPage)
#include "TestTokensPage.moc"
