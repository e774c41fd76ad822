// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A newcomer buys tokens in the window, against the real relay with its M-Pesa simulator: a fresh
// demo profile connects with an enrolment code, the first sync brings the demo plan's 100 tokens,
// then Tokens → Buy… with the starter plan and a phone number waits for the PIN and ends with
// 1,000 tokens credited once, the purchase paid with its simulated receipt on the Tokens page, and
// the ledger clean. A second sync from the start of the feed adds nothing.
#include "FakeSecretStore.h"
#include "MainWindow.h"
#include "RelayHarness.h"
#include "TestSupport.h"
#include "common/Language.h"
#include "demo/DemoCongregation.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/PurchaseStore.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelaySyncService.h"
#include "sync/TokenShop.h"
#include "tokens/BuyTokensDialog.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"
#include "tokens/TokensPage.h"

#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlQuery>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;
using kengele::test::find;
using kengele::test::RelayHarness;

class TestBuyInTheWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Language::install(QStringLiteral("en")));
        QLoggingCategory::setFilterRules(
            QStringLiteral("kengele.*.debug=false\nkengele.relay.access=false\nkengele.sync.info=false"));
    }
    void newcomerBuysTheStarterPlan();
};

void TestBuyInTheWindow::newcomerBuysTheStarterPlan()
{
    // The relay: an organisation (with its demo voucher), the M-Pesa simulator, a price.
    RelayHarness relay(RelayHarness::Backend::Sqlite);
    QString why;
    QVERIFY2(relay.open(&why), qPrintable(why));
    relay::RelayConfig config;
    config.simulatorDelayMs = 300;
    config.purchaseScanMs = 100;
    QVERIFY(relay.start(config));
    auto org = relay::createOrganisation(relay.store(), relay.masterKey(), QStringLiteral("St Paul's Church"),
                                         relay.baseUrl().toString());
    QVERIFY(org);
    relay::MpesaSetup mpesa;
    mpesa.simulator = true;
    QVERIFY(relay::setUpMpesa(relay.store(), relay.masterKey(), org->org.id, mpesa));
    relay::OrgPrices prices;
    prices.starter = 500;
    QVERIFY(relay.store().setPrices(org->org.id, prices));
    auto code = relay::createEnrolCode(relay.store(), org->org.id, 24);
    QVERIFY(code);

    // The desktop: a fresh demo profile, connected with the code.
    test::TempProfile profile;
    profile.clock().set(QDateTime::currentDateTimeUtc());
    Profile &p = *profile;
    QVERIFY(DemoCongregation::populate(p));
    const qint64 before = *p.tokens().totalBudgetBalance();
    QNetworkAccessManager network;
    RelayClient syncClient(network);
    RelayClient shopClient(network);
    test::FakeSecretStore secrets;
    RelayConnector connector(p.settings(), secrets, p.relayLinks(), syncClient);
    bool connected = false;
    connector.connectDevice(relay.baseUrl().toString(), code->code, QStringLiteral("Office PC"),
                            [&](Result<RelayEnrolment> result) { connected = result.has_value(); });
    QTRY_VERIFY_WITH_TIMEOUT(connected, 10000);
    for (RelayClient *client : {&syncClient, &shopClient}) {
        client->setBaseUrl(relay.baseUrl());
        client->setToken(RelayConnector::token(secrets));
    }
    RelaySyncService sync(p.database(), p.contacts(), p.tokens(), syncClient, profile.clock());
    RelaySyncService::Options options;
    options.waitSeconds = 1;
    options.firstRetryMs = 200;
    options.maxRetryMs = 1000;
    options.minPollIntervalMs = 50;
    sync.setOptions(options);
    TokenShop shop(p.database(), shopClient, profile.clock());
    MainWindow window(p);
    window.setRelaySyncService(&sync);
    window.setTokenShop(&shop);
    window.resize(1280, 800);
    window.show();
    window.showPage(MainWindow::TokensPageIndex);
    sync.start();

    // The first sync: the demo plan's 100 tokens, once.
    QTRY_COMPARE_WITH_TIMEOUT(*p.tokens().totalBudgetBalance(), before + 100, 15000);

    // Tokens → Buy…: the starter plan, the number that pays.
    BuyTokensDialog dialog(shop, p.tokens(), &window);
    dialog.show();
    auto *buy = find<QPushButton>(&dialog, "buyButton");
    QTRY_VERIFY_WITH_TIMEOUT(find<QRadioButton>(&dialog, "starterPlanRadio")->isEnabled(), 10000);
    dialog.choosePlan(QStringLiteral("starter"));
    dialog.setPhone(QStringLiteral("0712 345 678"));
    QTRY_VERIFY(buy->isEnabled());
    buy->click();
    // A double click is one purchase: the button is off at once.
    buy->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), BuyTokensDialog::Step::Waiting, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.step(), BuyTokensDialog::Step::Credited, 20000);
    QCOMPARE(*p.tokens().totalBudgetBalance(), before + 100 + 1000);

    const Result<QList<PurchaseRecord>> purchases = shop.purchases();
    QVERIFY(purchases);
    QCOMPARE(purchases->size(), 1);
    QCOMPARE(purchases->first().plan, QStringLiteral("starter"));
    QVERIFY2(!purchases->first().receipt.isEmpty(), "the simulated receipt");
    TokensPage *page = window.tokensPage();
    page->reloadPurchases();
    QCOMPARE(page->purchasesView()->topLevelItemCount(), 1);

    // The feed again from its start (as after a crash before the cursor was saved): nothing more.
    sync.stop();
    QSqlQuery rewind(p.database().connection());
    QVERIFY(rewind.exec(QStringLiteral("UPDATE relay_link SET cursor = 0")));
    QVERIFY(rewind.exec(QStringLiteral("DELETE FROM relay_events")));
    sync.start();
    QTRY_VERIFY_WITH_TIMEOUT(p.relayLinks().load()->cursor > 1, 15000);
    QTest::qWait(500);
    sync.stop();
    QCOMPARE(*p.tokens().totalBudgetBalance(), before + 100 + 1000);
    const auto problems = LedgerVerifier(p.database()).verify();
    QVERIFY(problems);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->isEmpty() ? QString() : problems->first().message));
}

QTEST_MAIN(TestBuyInTheWindow)
#include "TestBuyInTheWindow.moc"
