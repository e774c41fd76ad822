// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Buying tokens end to end (docs/relay.md, "Buying tokens with M-Pesa"), on loopback: the relay in
// process with its Daraja simulator, and a desktop profile that enrols with it (RelayConnector),
// buys through TokenShop and credits vouchers from the feed (RelaySyncService →
// PurchaseEventApplier → TokenLedger). Every case runs on SQLite and on PostgreSQL (the global data
// rows; PostgreSQL skips without KENGELE_TEST_POSTGRES). After each case the desktop's ledger must
// pass LedgerVerifier: tokens come only from vouchers the relay signed, once per voucher.
#include "FakeDaraja.h"
#include "FakeSecretStore.h"
#include "RelayHarness.h"
#include "TestSupport.h"

#include "VoucherIssuer.h"
#include "storage/Database.h"
#include "sync/PurchaseStore.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelayEventApplier.h"
#include "sync/RelaySyncService.h"
#include "sync/TokenShop.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"
#include "tokens/Voucher.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace kengele;
using kengele::test::RelayHarness;
using kengele::test::TempProfile;

namespace {

// What the desktop logs while a case runs (the reasons vouchers are refused).
class LogCapture
{
public:
    LogCapture()
    {
        s_lines.clear();
        s_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    QStringList lines() const { return s_lines; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        s_lines.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QStringList s_lines;
};

constexpr int Wait = 15000; // generous: the simulator settles a purchase in about 0.1 s

} // namespace

class TestBuyTokensEndToEnd final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void demoThenStarterCreditedOnce();
    void failedPaymentsCreditNothing();
    void forgedCallbackCreditsNothing();
    void forgedVouchersAreRefused();
    void sameRequestTwiceIsOnePurchase();
    void anAnswerLostOnTheWayStillEndsPaidAndCredited();

private:
    relay::RelayConfig quickConfig() const;
    bool restartRelay(relay::RelayConfig config);

    Profile &desk() { return m_profile->profile(); }
    qint64 balance() { return desk().tokens().findAccount(QStringLiteral("Main")).value_or(TokenAccount{}).balance; }
    qint64 scalar(const QString &sql);
    QStringList ledgerProblems();
    PurchaseRecord record(const QString &requestId);
    Result<PurchaseRecord> buy(const QString &phone, const QString &plan = QStringLiteral("starter"));
    Result<RelayApplyReport> syncOnce();
    Result<QJsonObject> post(const QString &path, const QJsonObject &body);
    relay::Purchase relayPurchase(const QString &requestId);

    std::unique_ptr<RelayHarness> m_relay;
    relay::RelayConfig m_config;
    QString m_org;
    QJsonObject m_hooks;
    std::unique_ptr<TempProfile> m_profile;
    test::FakeSecretStore m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RelayClient> m_syncClient; // the desktop's two clients, as DesktopApp has them
    std::unique_ptr<RelayClient> m_shopClient;
    std::unique_ptr<TokenShop> m_shop;
    std::unique_ptr<RelaySyncService> m_sync;
};

void TestBuyTokensEndToEnd::initTestCase_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addRow("sqlite") << false;
    QTest::addRow("postgres") << true;
}

void TestBuyTokensEndToEnd::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("kengele.*.debug=false\nkengele.*.info=false"));
}

relay::RelayConfig TestBuyTokensEndToEnd::quickConfig() const
{
    relay::RelayConfig config;
    config.simulatorDelayMs = 100;
    config.purchaseQueryAfterMs = 600000; // the simulator's callback settles it, never the relay's own query
    config.purchaseScanMs = 50;
    config.purchaseClaimMs = 2000;
    return config;
}

bool TestBuyTokensEndToEnd::restartRelay(relay::RelayConfig config)
{
    config.publicUrl = m_relay->baseUrl().toString();
    m_config = config;
    return m_relay->start(config);
}

void TestBuyTokensEndToEnd::init()
{
    QFETCH_GLOBAL(bool, postgres);
    if (postgres)
        KENGELE_NEED_POSTGRES();

    // The relay: an organisation (with its demo voucher) selling the starter plan through the
    // simulator, as an operator sets it up (org create, org mpesa --simulator, org prices).
    m_relay = std::make_unique<RelayHarness>(postgres ? RelayHarness::Backend::Postgres : RelayHarness::Backend::Sqlite);
    QString why;
    QVERIFY2(m_relay->open(&why), qPrintable(why));
    QVERIFY(m_relay->start()); // the port, for the public URL
    QVERIFY(restartRelay(quickConfig()));
    const auto created = relay::createOrganisation(m_relay->store(), m_relay->masterKey(), QStringLiteral("St Paul's Church"),
                                                   m_relay->baseUrl().toString());
    QVERIFY2(created, qPrintable(created ? QString() : created.error()));
    m_org = created->org.id;
    m_hooks = created->hooks;
    relay::MpesaSetup simulator;
    simulator.simulator = true;
    QVERIFY(relay::setUpMpesa(m_relay->store(), m_relay->masterKey(), m_org, simulator));
    relay::OrgPrices prices;
    prices.starter = 500;
    prices.business = 2000;
    QVERIFY(m_relay->store().setPrices(m_org, prices));
    const auto code = relay::createEnrolCode(m_relay->store(), m_org, 24);
    QVERIFY(code);

    // A fresh desktop profile that connects with the enrolment code.
    m_profile = std::make_unique<TempProfile>();
    m_profile->clock().set(QDateTime::currentDateTimeUtc());
    m_secrets.values.clear();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_syncClient = std::make_unique<RelayClient>(*m_network);
    m_shopClient = std::make_unique<RelayClient>(*m_network);
    RelayConnector connector(desk().settings(), m_secrets, desk().relayLinks(), *m_syncClient);
    std::optional<Result<RelayEnrolment>> enrolled;
    connector.connectDevice(m_relay->baseUrl().toString(), code->code, QStringLiteral("Office PC"),
                            [&](Result<RelayEnrolment> result) { enrolled = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(enrolled.has_value(), Wait);
    QVERIFY2(*enrolled, qPrintable(enrolled->has_value() ? QString() : enrolled->error().message));
    QCOMPARE(desk().relayLinks().load()->voucherKey.size(), 32); // pinned at enrolment
    for (RelayClient *client : {m_syncClient.get(), m_shopClient.get()}) {
        client->setBaseUrl(m_relay->baseUrl());
        client->setToken(RelayConnector::token(m_secrets));
        QVERIFY(client->hasToken());
    }
    m_shop = std::make_unique<TokenShop>(desk().database(), *m_shopClient, m_profile->clock());
    m_sync = std::make_unique<RelaySyncService>(desk().database(), desk().contacts(), desk().tokens(), *m_syncClient,
                                                m_profile->clock());
    RelaySyncService::Options options;
    options.waitSeconds = 2;
    options.firstRetryMs = 100;
    options.maxRetryMs = 500;
    options.minPollIntervalMs = 50;
    m_sync->setOptions(options);
}

void TestBuyTokensEndToEnd::cleanup()
{
    m_sync.reset();
    m_shop.reset();
    m_shopClient.reset();
    m_syncClient.reset();
    m_network.reset();
    m_profile.reset();
    m_relay.reset();
}

qint64 TestBuyTokensEndToEnd::scalar(const QString &sql)
{
    QSqlQuery query(desk().database().connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QStringList TestBuyTokensEndToEnd::ledgerProblems()
{
    const Result<QList<LedgerProblem>> problems = LedgerVerifier(desk().database()).verify();
    if (!problems)
        return {problems.error().message};
    QStringList out;
    for (const LedgerProblem &problem : *problems)
        out << problem.message;
    return out;
}

PurchaseRecord TestBuyTokensEndToEnd::record(const QString &requestId)
{
    const Result<std::optional<PurchaseRecord>> found = m_shop->purchase(requestId);
    return found && *found ? **found : PurchaseRecord{};
}

Result<PurchaseRecord> TestBuyTokensEndToEnd::buy(const QString &phone, const QString &plan)
{
    PurchaseOrder order;
    order.plan = plan;
    order.phone = phone;
    order.user = QStringLiteral("Treasurer");
    std::optional<Result<PurchaseRecord>> answer;
    m_shop->buy(order, [&](Result<PurchaseRecord> result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, Wait))
        return fail(ErrorCode::Io, QStringLiteral("the shop did not answer"));
    return *answer;
}

Result<RelayApplyReport> TestBuyTokensEndToEnd::syncOnce()
{
    std::optional<Result<RelayApplyReport>> answer;
    m_sync->syncUntilCaughtUp([&](Result<RelayApplyReport> result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, Wait))
        return fail(ErrorCode::Io, QStringLiteral("the sync did not answer"));
    return *answer;
}

Result<QJsonObject> TestBuyTokensEndToEnd::post(const QString &path, const QJsonObject &body)
{
    std::optional<RelayResult<QJsonObject>> answer;
    m_shopClient->postJson(path, body, [&](RelayResult<QJsonObject> result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, Wait))
        return fail(ErrorCode::Io, QStringLiteral("the relay did not answer"));
    if (!*answer)
        return std::unexpected(answer->error().toError());
    return **answer;
}

relay::Purchase TestBuyTokensEndToEnd::relayPurchase(const QString &requestId)
{
    const auto found = m_relay->store().purchaseByRequest(m_org, requestId);
    return found && *found ? **found : relay::Purchase{};
}

// 1. The demo voucher on the first sync, then the starter plan bought through TokenShop: paid,
// 1,000 tokens credited once; the same events again (the cursor reset, or the batch under new
// sequence numbers as after a relay restored from a backup) credit nothing more.
void TestBuyTokensEndToEnd::demoThenStarterCreditedOnce()
{
    m_sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(balance(), qint64(100), Wait);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM relay_events WHERE kind = 'voucher' AND handled = 'voucher'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_transfers WHERE kind = 'purchase'")), 1);

    std::optional<Result<ShopOffer>> offer;
    m_shop->refreshOffer([&](Result<ShopOffer> result) { offer = std::move(result); });
    QTRY_VERIFY_WITH_TIMEOUT(offer.has_value(), Wait);
    QVERIFY(*offer);
    QCOMPARE((*offer)->mpesa, QStringLiteral("simulator"));
    QCOMPARE((*offer)->item(QStringLiteral("starter"))->priceKes, std::optional<qint64>(500));
    QCOMPARE((*offer)->item(QStringLiteral("enterprise"))->priceKes, std::nullopt);

    const Result<PurchaseRecord> asked = buy(QStringLiteral("0712 345 678"));
    QVERIFY2(asked, qPrintable(asked ? QString() : asked.error().message));
    QCOMPARE(asked->state, PurchaseState::Waiting);
    QVERIFY(asked->purchase.startsWith(QLatin1String("pur_")));
    QCOMPARE(asked->amountKes, std::optional<qint64>(500));
    QCOMPARE(asked->phone, QStringLiteral("2547•••••678"));

    QTRY_VERIFY_WITH_TIMEOUT(record(asked->requestId).credited.isValid(), Wait);
    const PurchaseRecord paid = record(asked->requestId);
    QCOMPARE(paid.state, PurchaseState::Paid);
    QCOMPARE(paid.tokens, qint64(1000));
    QVERIFY(paid.receipt.startsWith(QLatin1String("SIM")));
    QVERIFY(paid.voucher.startsWith(QLatin1String("vch_")));
    QVERIFY(paid.simulated);
    QCOMPARE(paid.user, QStringLiteral("Treasurer"));
    QCOMPARE(balance(), qint64(1100));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_transfers WHERE kind = 'purchase'")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_transfers WHERE kind = 'purchase' AND reference = '%1' "
                                   "AND user_name = 'Treasurer'")
                        .arg(paid.voucher)),
             1);
    QCOMPARE(relayPurchase(asked->requestId).state, QStringLiteral("paid"));

    // Syncing again: nothing new.
    m_sync->stop();
    Result<RelayApplyReport> again = syncOnce();
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QCOMPARE(again->applied(), 0);

    // The whole feed again from the start: every event is known by its sequence number.
    QSqlQuery reset(desk().database().connection());
    QVERIFY(reset.exec(QStringLiteral("UPDATE relay_link SET cursor = 0 WHERE id = 1")));
    again = syncOnce();
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QCOMPARE(again->events, 4); // the demo voucher, the simulator's daraja.stk callback, the voucher, the purchase
    QCOMPARE(again->duplicates, again->events);
    QVERIFY(again->credited.isEmpty());

    // The same batch under new sequence numbers: the vouchers are known by their ids.
    const auto stored = m_relay->store().eventsAfter(m_org, 0, 1000);
    QVERIFY(stored);
    QList<RelayEvent> batch;
    for (const relay::StoredEvent &event : *stored) {
        batch.append(RelayEvent{event.seq + 1'000'000, event.kind, QDateTime::fromMSecsSinceEpoch(event.receivedAt, Qt::UTC),
                                QJsonDocument::fromJson(event.data).object()});
    }
    RelayEventApplier applier(desk().database(), desk().contacts(), desk().tokens(), m_profile->clock());
    const Result<RelayApplyReport> replayed = applier.apply(m_org, batch, batch.last().seq);
    QVERIFY2(replayed, qPrintable(replayed ? QString() : replayed.error().message));
    QCOMPARE(replayed->applied(), int(batch.size()));
    QVERIFY(replayed->credited.isEmpty());
    QCOMPARE(replayed->vouchersRefused, 0);

    QCOMPARE(balance(), qint64(1100));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_transfers WHERE kind = 'purchase'")), 2);
    QCOMPARE(record(asked->requestId).state, PurchaseState::Paid);
    const QStringList problems = ledgerProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// 2. A payment that M-Pesa did not complete: the purchase fails with the plain reason (translated
// by its result code), and nothing is credited.
void TestBuyTokensEndToEnd::failedPaymentsCreditNothing()
{
    struct Outcome {
        QString phone;
        QString resultCode;
        QString relayReason; // the relay's English
        QString shown; // what the desktop shows
    };
    const QList<Outcome> outcomes{
        {QStringLiteral("0712 340 001"), QStringLiteral("1032"), QStringLiteral("You cancelled the payment on your phone."),
         QStringLiteral("The payment was cancelled on the phone.")},
        {QStringLiteral("0712 340 002"), QStringLiteral("1"), QStringLiteral("There was not enough money in M-Pesa."),
         QStringLiteral("There was not enough money in M-Pesa.")},
        {QStringLiteral("0712 340 003"), QStringLiteral("1037"), QStringLiteral("The phone could not be reached: is it on?"),
         QStringLiteral("The phone could not be reached. Is it switched on?")},
        {QStringLiteral("0712 340 004"), QStringLiteral("2001"), QStringLiteral("The M-Pesa PIN was wrong."),
         QStringLiteral("The M-Pesa PIN was wrong.")},
    };
    m_sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(balance(), qint64(100), Wait);
    QStringList requests;
    for (const Outcome &outcome : outcomes) {
        const Result<PurchaseRecord> asked = buy(outcome.phone);
        QVERIFY2(asked, qPrintable(asked ? QString() : asked.error().message));
        QCOMPARE(asked->state, PurchaseState::Waiting);
        requests << asked->requestId;
    }
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        // A purchase's outcome comes on the feed with (after) its voucher, in one batch: once the
        // desktop knows it failed, it has seen everything the relay will say about it.
        QTRY_COMPARE_WITH_TIMEOUT(record(requests[i]).state, PurchaseState::Failed, Wait);
        const PurchaseRecord failed = record(requests[i]);
        QCOMPARE(failed.resultCode, outcomes[i].resultCode);
        QCOMPARE(failed.reason, outcomes[i].relayReason);
        QCOMPARE(PurchaseStore::reasonText(failed), outcomes[i].shown);
        QVERIFY(!failed.credited.isValid());
        QVERIFY(failed.voucher.isEmpty());
        QCOMPARE(relayPurchase(requests[i]).state, QStringLiteral("failed"));
    }
    QCOMPARE(balance(), qint64(100));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM relay_events WHERE kind = 'voucher'")), 1); // the demo's
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_transfers WHERE kind = 'purchase'")), 1);
    const QStringList problems = ledgerProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// 3. STK callbacks posted straight to the organisation's daraja/stk hook: one for the waiting
// purchase's real CheckoutRequestID saying "paid", one for a checkout nobody started. The relay
// stores both (the desktop sees them as kept daraja.stk events) and asks Daraja's STK Query,
// which says "being processed" (the simulator settles only after its delay): nothing is issued,
// nothing credited.
void TestBuyTokensEndToEnd::forgedCallbackCreditsNothing()
{
    relay::RelayConfig slow = quickConfig();
    slow.simulatorDelayMs = 600000; // no real callback, and queries answer "being processed", while the test runs
    QVERIFY(restartRelay(slow));
    m_sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(balance(), qint64(100), Wait);
    const Result<PurchaseRecord> asked = buy(QStringLiteral("0712 345 678"));
    QVERIFY2(asked, qPrintable(asked ? QString() : asked.error().message));
    const relay::Purchase waiting = relayPurchase(asked->requestId);
    QVERIFY(waiting.checkoutRequestId.startsWith(QLatin1String("ws_CO_SIM")));

    const QUrl hook(m_hooks.value(QLatin1String("mpesa_stk")).toString());
    QCOMPARE(m_relay
                 ->post(hook, test::FakeDaraja::callback(waiting.checkoutRequestId, 0, 500, QStringLiteral("FORGED0001")),
                        "application/json")
                 .status,
             200);
    QCOMPARE(m_relay
                 ->post(hook, test::FakeDaraja::callback(QStringLiteral("ws_CO_FORGED"), 0, 500, QStringLiteral("FORGED0002")),
                        "application/json")
                 .status,
             200);
    // The relay asked Daraja about the real checkout, and the desktop has both callbacks.
    QTRY_VERIFY_WITH_TIMEOUT(relayPurchase(asked->requestId).queryAttempts >= 1, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT COUNT(*) FROM relay_events WHERE kind = 'daraja.stk' AND handled = 'kept'")), qint64(2),
        Wait);
    m_sync->stop();
    const Result<RelayApplyReport> after = syncOnce(); // whatever the relay appended by now
    QVERIFY(after);

    QCOMPARE(relayPurchase(asked->requestId).state, QStringLiteral("waiting"));
    QCOMPARE(record(asked->requestId).state, PurchaseState::Waiting);
    QVERIFY(!record(asked->requestId).credited.isValid());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM relay_events WHERE kind = 'voucher'")), 1); // the demo's
    QCOMPARE(balance(), qint64(100));
    const QStringList problems = ledgerProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// 4. Voucher events the relay did not sign as they stand, appended to the organisation's feed
// through the relay's store: each is refused by the desktop (kept in relay_events as "refused"),
// credits nothing, and the reason is logged (never the voucher itself). A voucher the relay did
// sign, after them, is credited: the refusals are about the vouchers, not the path.
void TestBuyTokensEndToEnd::forgedVouchersAreRefused()
{
    QCOMPARE(syncOnce().value_or(RelayApplyReport{}).credited.size(), 1); // the demo voucher
    QCOMPARE(balance(), qint64(100));

    const auto keys = relay::vouchers::keyPair(m_relay->store(), m_relay->masterKey());
    QVERIFY(keys);
    auto voucher = [&](const QString &org) {
        Voucher v;
        v.id = relay::vouchers::newVoucherId();
        v.org = org;
        v.plan = QStringLiteral("starter");
        v.account = QStringLiteral("Main");
        v.tokens = 1000;
        v.validityDays = 30;
        v.amountKes = 500;
        v.receipt = QStringLiteral("SIMFORGED1");
        v.issued = QDateTime::currentDateTimeUtc();
        v.simulated = true;
        return v;
    };
    QList<QJsonObject> forged;
    // A changed field: more tokens under the relay's genuine signature.
    QJsonObject changed = voucher(m_org).signedEventData(keys->secretKey);
    changed.insert(QStringLiteral("voucher"),
                   changed.value(QLatin1String("voucher"))
                       .toString()
                       .replace(QLatin1String("\"tokens\":1000,"), QLatin1String("\"tokens\":100000,")));
    forged << changed;
    // Signed, but with another key than the one the desktop pinned.
    forged << voucher(m_org).signedEventData(Voucher::generateKeyPair().secretKey);
    // A signature of the right length that is not the relay's.
    QJsonObject badSignature = voucher(m_org).signedEventData(keys->secretKey);
    badSignature.insert(QStringLiteral("signature"), QString::fromLatin1(QByteArray(64, 'x').toBase64()));
    forged << badSignature;
    // No signature at all.
    QJsonObject unsigned_ = voucher(m_org).signedEventData(keys->secretKey);
    unsigned_.remove(QStringLiteral("signature"));
    forged << unsigned_;
    // Genuinely signed by the relay, for another organisation.
    forged << voucher(QStringLiteral("org_someoneelse")).signedEventData(keys->secretKey);

    QList<relay::OwnEvent> events;
    for (qsizetype i = 0; i < forged.size(); ++i) {
        events.append({QStringLiteral("voucher"), QStringLiteral("forged:%1").arg(i),
                       QJsonDocument(forged[i]).toJson(QJsonDocument::Compact)});
    }
    const Voucher genuine = voucher(m_org);
    events.append({QStringLiteral("voucher"), QStringLiteral("control"),
                   QJsonDocument(genuine.signedEventData(keys->secretKey)).toJson(QJsonDocument::Compact)});
    QVERIFY(m_relay->store().appendOwnEvents(m_org, events, QDateTime::currentMSecsSinceEpoch()));

    LogCapture log;
    const Result<RelayApplyReport> report = syncOnce();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->vouchersRefused, int(forged.size()));
    QCOMPARE(report->credited.size(), 1);
    QCOMPARE(report->credited.first().voucher, genuine.id);
    QCOMPARE(balance(), qint64(1100));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM relay_events WHERE kind = 'voucher' AND handled = 'refused' "
                                   "AND data <> ''")),
             qint64(forged.size()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_transfers WHERE kind = 'purchase'")), 2);

    const QStringList refusals = log.lines().filter(QStringLiteral("voucher refused, no tokens added"));
    QCOMPARE(refusals.size(), forged.size());
    QCOMPARE(refusals.filter(QStringLiteral("signature does not match the relay's voucher key")).size(), 3);
    QCOMPARE(refusals.filter(QStringLiteral("no voucher or no signature")).size(), 1);
    QCOMPARE(refusals.filter(QStringLiteral("another organisation")).size(), 1);
    for (const QString &line : log.lines())
        QVERIFY2(!line.contains(QLatin1String("SIMFORGED1")) && !line.contains(QLatin1String("\"tokens\"")), qPrintable(line));
    const QStringList problems = ledgerProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// 5. The same request twice (a double click that got through, a retry after a lost answer, both
// at once): one purchase at the relay, one row here, one voucher, one credit. A second purchase
// with a new request on the same phone while the first waits is refused (phone_busy).
void TestBuyTokensEndToEnd::sameRequestTwiceIsOnePurchase()
{
    relay::RelayConfig config = quickConfig();
    config.simulatorDelayMs = 1500; // the first purchase is still waiting while the others are asked
    QVERIFY(restartRelay(config));
    m_sync->start();
    QTRY_COMPARE_WITH_TIMEOUT(balance(), qint64(100), Wait);
    const Result<PurchaseRecord> asked = buy(QStringLiteral("0712 345 678"));
    QVERIFY2(asked, qPrintable(asked ? QString() : asked.error().message));
    const QJsonObject body{{QStringLiteral("plan"), QStringLiteral("starter")},
                           {QStringLiteral("phone"), QStringLiteral("254712345678")},
                           {QStringLiteral("account"), QStringLiteral("Main")},
                           {QStringLiteral("request_id"), asked->requestId}};
    // Twice more, both in flight together.
    std::optional<RelayResult<QJsonObject>> first, second;
    m_shopClient->postJson(QStringLiteral("/v1/purchases"), body, [&](RelayResult<QJsonObject> r) { first = std::move(r); });
    m_shopClient->postJson(QStringLiteral("/v1/purchases"), body, [&](RelayResult<QJsonObject> r) { second = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value() && second.has_value(), Wait);
    for (const auto *answer : {&first, &second}) {
        QVERIFY2(**answer, qPrintable((*answer)->has_value() ? QString() : (*answer)->error().message));
        QCOMPARE((**answer)->value(QLatin1String("purchase")).toString(), asked->purchase);
        QVERIFY(PurchaseStore::saveFromRelay(desk().database().connection(), ***answer, m_profile->clock().nowMs()));
    }
    // A second click that made a new request: the phone already has a payment waiting.
    const Result<PurchaseRecord> busy = buy(QStringLiteral("0712 345 678"));
    QVERIFY(!busy);
    QCOMPARE(busy.error().message, QStringLiteral("A payment is already waiting on this phone. Try again in a minute."));

    QTRY_VERIFY_WITH_TIMEOUT(record(asked->requestId).credited.isValid(), Wait);
    QCOMPARE(balance(), qint64(1100));
    const auto purchases = m_relay->store().purchases(m_org, 50);
    QVERIFY(purchases);
    int paid = 0;
    for (const relay::Purchase &p : *purchases)
        paid += p.state == QLatin1String("paid") ? 1 : 0;
    QCOMPARE(paid, 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_purchases WHERE purchase = '%1'").arg(asked->purchase)), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_purchases WHERE state = 'paid'")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM relay_events WHERE kind = 'voucher'")), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM token_transfers WHERE kind = 'purchase'")), 2);
    const QStringList problems = ledgerProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

// The relay took the purchase but its answer never reached the desktop (the program was closed or
// killed, or the network dropped, after the request left): the request is saved here before it is
// sent (TokenShop::buy), so the feed must still bring the purchase to "paid" and "credited", with
// the tokens once. Both ways it can be left: still "requesting", or failed here for want of an
// answer ("Kengele could not reach your relay…").
void TestBuyTokensEndToEnd::anAnswerLostOnTheWayStillEndsPaidAndCredited()
{
    QCOMPARE(syncOnce().value_or(RelayApplyReport{}).credited.size(), 1); // the demo voucher
    QStringList requests;
    for (const bool failedHere : {false, true}) {
        PurchaseRecord request;
        request.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        request.plan = QStringLiteral("starter");
        request.tokens = 1000;
        request.validityDays = 30;
        request.amountKes = 500;
        request.phone = QStringLiteral("2547•••••%1").arg(failedHere ? 679 : 678);
        request.account = QStringLiteral("Main");
        request.user = QStringLiteral("Treasurer");
        request.requested = m_profile->clock().nowUtc();
        QVERIFY(PurchaseStore::insertRequest(desk().database().connection(), request));
        const Result<QJsonObject> answer = post(
            QStringLiteral("/v1/purchases"),
            QJsonObject{{QStringLiteral("plan"), QStringLiteral("starter")},
                        {QStringLiteral("phone"), failedHere ? QStringLiteral("0712345679") : QStringLiteral("0712345678")},
                        {QStringLiteral("account"), QStringLiteral("Main")},
                        {QStringLiteral("request_id"), request.requestId}});
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
        // (the answer is dropped)
        if (failedHere) {
            QVERIFY(PurchaseStore::markFailed(desk().database().connection(), request.requestId,
                                              QStringLiteral("Kengele could not reach your relay."), m_profile->clock().nowMs()));
        }
        requests << request.requestId;
    }
    for (const QString &requestId : requests)
        QTRY_COMPARE_WITH_TIMEOUT(relayPurchase(requestId).state, QStringLiteral("paid"), Wait);
    const Result<RelayApplyReport> report = syncOnce();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->credited.size(), 2);
    QCOMPARE(balance(), qint64(2100));
    for (const QString &requestId : requests) {
        const PurchaseRecord r = record(requestId);
        QCOMPARE(PurchaseRecord::stateKey(r.state), QStringLiteral("paid"));
        QVERIFY(r.credited.isValid());
        QCOMPARE(r.purchase, relayPurchase(requestId).id);
        QVERIFY(r.voucher.startsWith(QLatin1String("vch_")));
    }
    const QStringList problems = ledgerProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestBuyTokensEndToEnd)
#include "TestBuyTokensEndToEnd.moc"
