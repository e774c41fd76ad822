// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "storage/Database.h"
#include "sync/PurchaseStore.h"
#include "sync/RelayClient.h"
#include "sync/RelayEventApplier.h"
#include "sync/RelayLinkStore.h"
#include "sync/TokenShop.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/Plan.h"
#include "tokens/TokenLedger.h"
#include "tokens/Voucher.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;

// Vouchers from the relay credit tokens once, only with the pinned key's signature, and purchase
// events keep the purchases' states (docs/relay.md, "Buying tokens").
class TestVoucherCredit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void canonicalTextRoundTrips();
    void tamperedVoucherIsRefused_data();
    void tamperedVoucherIsRefused();
    void paidVoucherCreditsOnce();
    void forgedOrForeignVouchersCreditNothing();
    void voucherForUnknownBudgetGoesToMain();
    void purchaseEventsKeepTheState();
    void lateWaitingDoesNotUndoPaid();
    void voucherBeforeThePurchaseIdIsKnown_data();
    void voucherBeforeThePurchaseIdIsKnown();
    void cleanupKeepsPaidAndLedger();
    void mpesaNumbers_data();
    void mpesaNumbers();
    void planFeatures();

private:
    Voucher voucher(const QString &id, qint64 tokens = 1000) const;
    RelayEvent voucherEvent(qint64 seq, const Voucher &v, const QByteArray &secretKey) const;
    RelayEvent purchaseEvent(qint64 seq, const QString &state, const QString &resultCode = {},
                             const QString &voucherId = {}) const;
    Result<RelayApplyReport> apply(const QList<RelayEvent> &events);
    qint64 balance(const QString &account);
    qint64 scalar(const QString &sql);
    void verifyLedger();

    std::unique_ptr<test::TempProfile> m_profile;
    std::unique_ptr<RelayEventApplier> m_applier;
    Voucher::KeyPair m_keys;
};

void TestVoucherCredit::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    Profile &p = m_profile->profile();
    m_applier = std::make_unique<RelayEventApplier>(p.database(), p.contacts(), p.tokens(), m_profile->clock());
    m_keys = Voucher::generateKeyPair();
    QCOMPARE(m_keys.publicKey.size(), 32);
    RelayLinkStore links(p.database(), m_profile->clock());
    QVERIFY(links.saveEnrolment(RelayEnrolment{QStringLiteral("dev_1"), QStringLiteral("secret"), QStringLiteral("org_a"),
                                               QStringLiteral("Parish"), m_keys.publicKey}));
    QCOMPARE(links.load()->voucherKey, m_keys.publicKey);
}

void TestVoucherCredit::cleanup()
{
    m_applier.reset();
    m_profile.reset();
}

Voucher TestVoucherCredit::voucher(const QString &id, qint64 tokens) const
{
    Voucher v;
    v.id = id;
    v.org = QStringLiteral("org_a");
    v.purchase = QStringLiteral("pur_") + id;
    v.plan = QStringLiteral("starter");
    v.account = QStringLiteral("Main");
    v.tokens = tokens;
    v.validityDays = 30;
    v.amountKes = 500;
    v.receipt = QStringLiteral("SIM4K2L9QX");
    v.issued = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
    v.simulated = true;
    return v;
}

RelayEvent TestVoucherCredit::voucherEvent(qint64 seq, const Voucher &v, const QByteArray &secretKey) const
{
    return RelayEvent{seq, QStringLiteral("voucher"), QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC),
                      v.signedEventData(secretKey)};
}

RelayEvent TestVoucherCredit::purchaseEvent(qint64 seq, const QString &state, const QString &resultCode,
                                            const QString &voucherId) const
{
    return RelayEvent{
        seq, QStringLiteral("purchase"), QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC),
        QJsonObject{{QStringLiteral("purchase"), QStringLiteral("pur_1")},
                    {QStringLiteral("request_id"), QStringLiteral("req-0001")},
                    {QStringLiteral("plan"), QStringLiteral("starter")},
                    {QStringLiteral("tokens"), 1000},
                    {QStringLiteral("validity_days"), 30},
                    {QStringLiteral("amount_kes"), 500},
                    {QStringLiteral("phone"), QStringLiteral("2547•••••678")},
                    {QStringLiteral("account"), QStringLiteral("Main")},
                    {QStringLiteral("state"), state},
                    {QStringLiteral("reason"), resultCode.isEmpty() ? QString() : QStringLiteral("relay words")},
                    {QStringLiteral("result_code"), resultCode},
                    {QStringLiteral("receipt"), state == QStringLiteral("paid") ? QStringLiteral("SIMRCPT001") : QString()},
                    {QStringLiteral("voucher"), voucherId},
                    {QStringLiteral("simulated"), true},
                    {QStringLiteral("requested"), QStringLiteral("2026-03-01T07:59:00.000Z")},
                    {QStringLiteral("updated"), QStringLiteral("2026-03-01T08:00:00.000Z")}}};
}

Result<RelayApplyReport> TestVoucherCredit::apply(const QList<RelayEvent> &events)
{
    return m_applier->apply(QStringLiteral("org_a"), events, events.isEmpty() ? 0 : events.constLast().seq);
}

qint64 TestVoucherCredit::balance(const QString &account)
{
    const auto found = m_profile->profile().tokens().findAccount(account);
    return found ? found->balance : -1;
}

qint64 TestVoucherCredit::scalar(const QString &sql)
{
    QSqlQuery q(m_profile->profile().database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestVoucherCredit::verifyLedger()
{
    const auto problems = LedgerVerifier(m_profile->profile().database()).verify();
    QVERIFY(problems);
    QVERIFY2(problems->isEmpty(), qPrintable(problems->isEmpty() ? QString() : problems->first().message));
}

void TestVoucherCredit::canonicalTextRoundTrips()
{
    const Voucher v = voucher(QStringLiteral("vch_1"));
    const auto parsed = Voucher::parse(v.canonical());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(parsed->canonical(), v.canonical());
    QCOMPARE(parsed->expires(), QDateTime(QDate(2026, 3, 31), QTime(8, 0), Qt::UTC));
    const auto checked = Voucher::fromEventData(v.signedEventData(m_keys.secretKey), m_keys.publicKey);
    QVERIFY(checked);
    QCOMPARE(checked->tokens, 1000);
    QCOMPARE(Voucher::publicKeyOf(m_keys.secretKey), m_keys.publicKey);
}

void TestVoucherCredit::tamperedVoucherIsRefused_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addRow("more tokens") << QStringLiteral("\"tokens\":1000") << QStringLiteral("\"tokens\":9000");
    QTest::addRow("longer validity") << QStringLiteral("\"validity_days\":30") << QStringLiteral("\"validity_days\":300");
    QTest::addRow("another plan") << QStringLiteral("\"plan\":\"starter\"") << QStringLiteral("\"plan\":\"enterprise\"");
    QTest::addRow("another id") << QStringLiteral("\"id\":\"vch_1\"") << QStringLiteral("\"id\":\"vch_2\"");
    QTest::addRow("spacing") << QStringLiteral("\"tokens\":1000") << QStringLiteral("\"tokens\": 1000");
}

void TestVoucherCredit::tamperedVoucherIsRefused()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QJsonObject data = voucher(QStringLiteral("vch_1")).signedEventData(m_keys.secretKey);
    const QString original = data.value(QStringLiteral("voucher")).toString();
    QVERIFY(original.contains(from));
    data.insert(QStringLiteral("voucher"), QString(original).replace(from, to));
    const auto checked = Voucher::fromEventData(data, m_keys.publicKey);
    QVERIFY(!checked);
    QVERIFY(checked.error().contains(QStringLiteral("signature")));

    const auto report = apply({RelayEvent{1, QStringLiteral("voucher"), QDateTime::currentDateTimeUtc(), data}});
    QVERIFY(report);
    QCOMPARE(report->vouchersRefused, 1);
    QVERIFY(report->credited.isEmpty());
    QCOMPARE(balance(QStringLiteral("Main")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM relay_events WHERE handled = 'refused' AND data <> ''")), 1);
    verifyLedger();
}

void TestVoucherCredit::paidVoucherCreditsOnce()
{
    const Voucher v = voucher(QStringLiteral("vch_1"));
    // The same voucher twice in one batch, then again in a later one (a replayed event).
    auto report = apply({voucherEvent(1, v, m_keys.secretKey), voucherEvent(2, v, m_keys.secretKey)});
    QVERIFY(report);
    QCOMPARE(report->credited.size(), 1);
    QCOMPARE(report->credited.first().tokens, 1000);
    QCOMPARE(report->credited.first().receipt, QStringLiteral("SIM4K2L9QX"));
    report = apply({voucherEvent(3, v, m_keys.secretKey)});
    QVERIFY(report);
    QVERIFY(report->credited.isEmpty());
    // The same seq again is a duplicate: nothing is looked at twice.
    report = apply({voucherEvent(3, v, m_keys.secretKey)});
    QVERIFY(report);
    QCOMPARE(report->duplicates, 1);
    QCOMPARE(balance(QStringLiteral("Main")), 1000);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM token_transfers WHERE kind = 'purchase' AND reference = 'vch_1'")), 1);
    verifyLedger();
}

void TestVoucherCredit::forgedOrForeignVouchersCreditNothing()
{
    const Voucher::KeyPair other = Voucher::generateKeyPair();
    Voucher foreign = voucher(QStringLiteral("vch_f"));
    foreign.org = QStringLiteral("org_b");
    const auto report
        = apply({voucherEvent(1, voucher(QStringLiteral("vch_x")), other.secretKey), voucherEvent(2, foreign, m_keys.secretKey),
                 RelayEvent{3, QStringLiteral("voucher"), QDateTime::currentDateTimeUtc(),
                            QJsonObject{{QStringLiteral("voucher"), QStringLiteral("{}")}}}});
    QVERIFY(report);
    QCOMPARE(report->vouchersRefused, 3);
    QCOMPARE(balance(QStringLiteral("Main")), 0);
    verifyLedger();
}

void TestVoucherCredit::voucherForUnknownBudgetGoesToMain()
{
    QVERIFY(m_profile->profile().tokens().createBudgetAccount(QStringLiteral("Youth")));
    Voucher youth = voucher(QStringLiteral("vch_y"));
    youth.account = QStringLiteral("Youth");
    Voucher choir = voucher(QStringLiteral("vch_c"), 5000);
    choir.account = QStringLiteral("Choir");
    const auto report = apply({voucherEvent(1, youth, m_keys.secretKey), voucherEvent(2, choir, m_keys.secretKey)});
    QVERIFY(report);
    QCOMPARE(report->credited.size(), 2);
    QCOMPARE(balance(QStringLiteral("Youth")), 1000);
    QCOMPARE(balance(QStringLiteral("Main")), 5000);
    QCOMPARE(report->credited.at(1).account, QStringLiteral("Main"));
    verifyLedger();
}

void TestVoucherCredit::purchaseEventsKeepTheState()
{
    const QSqlDatabase db = m_profile->profile().database().connection();
    PurchaseRecord asked;
    asked.requestId = QStringLiteral("req-0001");
    asked.plan = QStringLiteral("starter");
    asked.tokens = 1000;
    asked.validityDays = 30;
    asked.account = QStringLiteral("Main");
    asked.user = QStringLiteral("treasurer");
    asked.requested = m_profile->clock().nowUtc();
    QVERIFY(PurchaseStore::insertRequest(db, asked));

    auto report = apply({purchaseEvent(1, QStringLiteral("failed"), QStringLiteral("1032"))});
    QVERIFY(report);
    QCOMPARE(report->purchases, 1);
    auto found = PurchaseStore::find(db, QStringLiteral("req-0001"));
    QVERIFY(found && *found);
    QCOMPARE((*found)->state, PurchaseState::Failed);
    QCOMPARE((*found)->purchase, QStringLiteral("pur_1"));
    QCOMPARE((*found)->user, QStringLiteral("treasurer"));
    QCOMPARE(PurchaseStore::reasonText(**found), QStringLiteral("The payment was cancelled on the phone."));
    QCOMPARE(balance(QStringLiteral("Main")), 0);
}

void TestVoucherCredit::lateWaitingDoesNotUndoPaid()
{
    const QSqlDatabase db = m_profile->profile().database().connection();
    Voucher v = voucher(QStringLiteral("vch_1"));
    v.purchase = QStringLiteral("pur_1");
    auto report = apply({purchaseEvent(1, QStringLiteral("waiting")), voucherEvent(2, v, m_keys.secretKey),
                         purchaseEvent(3, QStringLiteral("paid")), purchaseEvent(4, QStringLiteral("waiting"))});
    QVERIFY(report);
    const auto found = PurchaseStore::find(db, QStringLiteral("req-0001"));
    QVERIFY(found && *found);
    QCOMPARE((*found)->state, PurchaseState::Paid);
    QVERIFY((*found)->credited.isValid());
    QCOMPARE((*found)->voucher, QStringLiteral("vch_1"));
    QCOMPARE((*found)->receipt, QStringLiteral("SIM4K2L9QX"));
    QCOMPARE(balance(QStringLiteral("Main")), 1000);
    verifyLedger();
}

void TestVoucherCredit::voucherBeforeThePurchaseIdIsKnown_data()
{
    QTest::addColumn<bool>("failedHere");
    QTest::addRow("still requesting") << false;
    QTest::addRow("failed here for want of an answer") << true;
}

// The relay's answer to the request was lost, so this computer does not know the purchase's id
// when the voucher comes, just before the purchase's "paid" event (the relay's order): the
// purchase still ends paid and credited, its tokens once.
void TestVoucherCredit::voucherBeforeThePurchaseIdIsKnown()
{
    QFETCH(bool, failedHere);
    const QSqlDatabase db = m_profile->profile().database().connection();
    PurchaseRecord asked;
    asked.requestId = QStringLiteral("req-0001");
    asked.plan = QStringLiteral("starter");
    asked.tokens = 1000;
    asked.validityDays = 30;
    asked.account = QStringLiteral("Main");
    asked.requested = m_profile->clock().nowUtc();
    QVERIFY(PurchaseStore::insertRequest(db, asked));
    if (failedHere)
        QVERIFY(PurchaseStore::markFailed(db, asked.requestId, QStringLiteral("no answer"), m_profile->clock().nowMs()));
    Voucher v = voucher(QStringLiteral("vch_1"));
    v.purchase = QStringLiteral("pur_1");
    const auto report
        = apply({voucherEvent(1, v, m_keys.secretKey), purchaseEvent(2, QStringLiteral("paid"), {}, QStringLiteral("vch_1"))});
    QVERIFY(report);
    QCOMPARE(report->credited.size(), 1);
    const auto found = PurchaseStore::find(db, QStringLiteral("req-0001"));
    QVERIFY(found && *found);
    QCOMPARE((*found)->state, PurchaseState::Paid);
    QVERIFY((*found)->credited.isValid());
    QCOMPARE((*found)->purchase, QStringLiteral("pur_1"));
    QCOMPARE(balance(QStringLiteral("Main")), 1000);
    verifyLedger();
}

void TestVoucherCredit::cleanupKeepsPaidAndLedger()
{
    Voucher v = voucher(QStringLiteral("vch_1"));
    v.purchase = QStringLiteral("pur_1");
    QVERIFY(apply({purchaseEvent(1, QStringLiteral("waiting")), voucherEvent(2, v, m_keys.secretKey)}));
    const QSqlDatabase db = m_profile->profile().database().connection();
    PurchaseRecord abandoned;
    abandoned.requestId = QStringLiteral("req-0002");
    abandoned.plan = QStringLiteral("business");
    abandoned.tokens = 5000;
    abandoned.validityDays = 30;
    abandoned.account = QStringLiteral("Main");
    abandoned.requested = m_profile->clock().nowUtc();
    QVERIFY(PurchaseStore::insertRequest(db, abandoned));
    QVERIFY(PurchaseStore::markFailed(db, QStringLiteral("req-0002"), QStringLiteral("no"), m_profile->clock().nowMs()));

    QNetworkAccessManager network;
    RelayClient client(network);
    TokenShop shop(m_profile->profile().database(), client, m_profile->clock());
    QCOMPARE(*shop.cleanup(30), 0); // not old enough
    m_profile->clock().advanceMs(31LL * 24 * 3600 * 1000);
    QCOMPARE(*shop.cleanup(30), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM token_purchases")), 1);
    QCOMPARE(balance(QStringLiteral("Main")), 1000);
    QVERIFY(!shop.cleanup(0));
    verifyLedger();
}

void TestVoucherCredit::mpesaNumbers_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::addRow("local") << QStringLiteral("0712 345 678") << QStringLiteral("254712345678");
    QTest::addRow("international") << QStringLiteral("+254 712-345678") << QStringLiteral("254712345678");
    QTest::addRow("no plus") << QStringLiteral("254712345678") << QStringLiteral("254712345678");
    QTest::addRow("01 range") << QStringLiteral("0110 123456") << QStringLiteral("254110123456");
    QTest::addRow("nine digits") << QStringLiteral("712345678") << QStringLiteral("254712345678");
    QTest::addRow("landline") << QStringLiteral("020 2345678") << QString();
    QTest::addRow("Uganda") << QStringLiteral("+256 712 345678") << QString();
    QTest::addRow("too short") << QStringLiteral("0712 345") << QString();
    QTest::addRow("letters") << QStringLiteral("07I2345678") << QString();
    QTest::addRow("empty") << QString() << QString();
}

void TestVoucherCredit::mpesaNumbers()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const Result<QString> number = TokenShop::mpesaNumber(typed);
    if (expected.isEmpty()) {
        QVERIFY(!number);
        QVERIFY(number.error().message.contains(QStringLiteral("Kenyan mobile number")));
    } else {
        QVERIFY(number);
        QCOMPARE(*number, expected);
    }
}

void TestVoucherCredit::planFeatures()
{
    QCOMPARE(Plan::all().size(), 4);
    QCOMPARE(Plan::find(QStringLiteral("demo"))->tokens, 100);
    QCOMPARE(Plan::find(QStringLiteral("demo"))->validityDays, 7);
    QCOMPARE(Plan::find(QStringLiteral("enterprise"))->tokens, 20000);
    QVERIFY(!Plan::find(QStringLiteral("gold")));
    QVERIFY(Plan::of(PlanTier::Demo).has(PlanFeature::Sending));
    QVERIFY(!Plan::of(PlanTier::Demo).has(PlanFeature::Analytics));
    QVERIFY(Plan::of(PlanTier::Starter).has(PlanFeature::Analytics));
    QVERIFY(!Plan::of(PlanTier::Starter).has(PlanFeature::Scheduling));
    QVERIFY(Plan::of(PlanTier::Business).has(PlanFeature::Automation));
    QVERIFY(!Plan::of(PlanTier::Business).has(PlanFeature::PrioritySending));
    QVERIFY(Plan::of(PlanTier::Enterprise).has(PlanFeature::SupportLine));
}

QTEST_GUILESS_MAIN(TestVoucherCredit)
#include "TestVoucherCredit.moc"
