// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Buying tokens through the relay (docs/relay.md, "Buying tokens with M-Pesa"), against a loopback
// Daraja (FakeDaraja) and the relay's own simulator, on SQLite and PostgreSQL.
#include "FakeDaraja.h"
#include "RelayHarness.h"
#include "TestSupport.h"

#include "DarajaApi.h"
#include "Purchases.h"
#include "tokens/Voucher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;

namespace {

// Collects what the relay logs while it lives.
class LogCapture
{
public:
    LogCapture()
    {
        s_lines.clear();
        s_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(s_previous); }
    QString text() const { return s_lines.join(u'\n'); }

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

} // namespace

class TestRelayPurchases : public QObject
{
    Q_OBJECT

public:
    explicit TestRelayPurchases(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;
    std::unique_ptr<RelayHarness> m_relay;
    std::unique_ptr<FakeDaraja> m_daraja;
    RelayHarness::Org m_org;
    relay::RelayConfig m_config;

    bool isPostgres() const { return m_backend == RelayHarness::Backend::Postgres; }

    // The relay restarted with this configuration (its public URL is its loopback address).
    bool restart(relay::RelayConfig config)
    {
        config.publicUrl = m_relay->baseUrl().toString();
        m_config = config;
        return m_relay->start(config);
    }

    relay::RelayConfig quickConfig(int queryAfterMs = 600000)
    {
        relay::RelayConfig config;
        config.purchaseQueryAfterMs = queryAfterMs;
        config.purchaseScanMs = 50;
        config.purchaseClaimMs = 2000;
        config.simulatorDelayMs = 100;
        return config;
    }

    void useFakeDaraja(const QString &till = {})
    {
        relay::MpesaSetup setup;
        setup.shortcode = m_daraja->shortcode;
        setup.till = till;
        m_daraja->till = till;
        setup.environment = QStringLiteral("sandbox");
        setup.baseUrl = m_daraja->baseUrl();
        setup.consumerKey = m_daraja->consumerKey;
        setup.consumerSecret = m_daraja->consumerSecret;
        setup.passkey = m_daraja->passkey;
        QVERIFY(relay::setUpMpesa(m_relay->store(), m_relay->masterKey(), m_org.id, setup));
        relay::OrgPrices prices;
        prices.starter = 500;
        prices.business = 2000;
        QVERIFY(m_relay->store().setPrices(m_org.id, prices));
    }

    QUrl url(const char *path) const { return m_relay->baseUrl().resolved(QUrl(QLatin1String(path))); }

    RelayHarness::Reply buy(const QString &phone, const QString &requestId, const QString &plan = QStringLiteral("starter"))
    {
        const QJsonObject body{{QStringLiteral("plan"), plan},
                               {QStringLiteral("phone"), phone},
                               {QStringLiteral("account"), QStringLiteral("Youth")},
                               {QStringLiteral("request_id"), requestId}};
        return m_relay->post(url("/v1/purchases"), QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                             m_org.token.toLatin1());
    }

    QList<QJsonObject> events(const QString &kind)
    {
        QList<QJsonObject> found;
        const auto feed = m_relay->events(m_org, 0, 0, 1000);
        const QJsonArray all = feed.json().value(QLatin1String("events")).toArray();
        for (const QJsonValue &event : all) {
            if (event.toObject().value(QLatin1String("kind")).toString() == kind)
                found.append(event.toObject().value(QLatin1String("data")).toObject());
        }
        return found;
    }
    // Vouchers of purchases (not the demo voucher), checked against the relay's published key.
    QList<Voucher> paidVouchers()
    {
        const auto key = m_relay->get(url("/v1/voucher-key"), m_org.token.toLatin1());
        const QByteArray publicKey = QByteArray::fromBase64(key.json().value(QLatin1String("public_key")).toString().toLatin1());
        QList<Voucher> result;
        for (const QJsonObject &data : events(QStringLiteral("voucher"))) {
            const auto voucher = Voucher::fromEventData(data, publicKey);
            if (!voucher) {
                qWarning() << "bad voucher:" << voucher.error();
                result.append(Voucher{}); // counted, and fails the test's checks
                continue;
            }
            if (voucher->plan != QLatin1String("demo"))
                result.append(*voucher);
        }
        return result;
    }
    QString stateOf(const QString &purchaseId)
    {
        const auto found = m_relay->store().purchase(purchaseId);
        return found && *found ? (*found)->state : QString();
    }
    RelayHarness::Reply postCallback(const QByteArray &body)
    {
        return m_relay->post(QUrl(m_org.hooks.value(QLatin1String("mpesa_stk")).toString()), body, "application/json");
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (isPostgres())
            KENGELE_NEED_POSTGRES();
    }

    void init()
    {
        m_relay = std::make_unique<RelayHarness>(m_backend);
        QString why;
        QVERIFY2(m_relay->open(&why), qPrintable(why));
        QVERIFY(m_relay->start());
        QVERIFY(restart(quickConfig()));
        m_daraja = std::make_unique<FakeDaraja>();
        QVERIFY(m_daraja->listen() != 0);
        m_org = m_relay->createOrgWithDevice();
        QVERIFY(!m_org.token.isEmpty());
        m_daraja->expectedCallbackUrl = m_org.hooks.value(QLatin1String("mpesa_stk")).toString();
    }

    void cleanup()
    {
        m_relay.reset();
        m_daraja.reset();
    }

    void nairobiTimestampAndPassword()
    {
        const QDateTime utc(QDate(2026, 12, 31), QTime(22, 30, 5), Qt::UTC);
        QCOMPARE(relay::DarajaApi::nairobiTimestamp(utc), QStringLiteral("20270101013005"));
        QCOMPARE(relay::DarajaApi::password(QStringLiteral("174379"), QStringLiteral("pk"), QStringLiteral("20270101013005")),
                 QString::fromLatin1(QByteArray("174379pk20270101013005").toBase64()));
        QCOMPARE(relay::PurchaseService::normalisePhone(QStringLiteral("0712 345 678")).value_or(QString()),
                 QStringLiteral("254712345678"));
        QCOMPARE(relay::PurchaseService::normalisePhone(QStringLiteral("+254112345678")).value_or(QString()),
                 QStringLiteral("254112345678"));
        QVERIFY(!relay::PurchaseService::normalisePhone(QStringLiteral("0812345678")));
        QVERIFY(!relay::PurchaseService::normalisePhone(QStringLiteral("25471234567")));
    }

    void newOrganisationGetsTheDemoVoucherAndTheKey()
    {
        const auto key = m_relay->get(url("/v1/voucher-key"), m_org.token.toLatin1());
        QCOMPARE(key.status, 200);
        const QByteArray publicKey = QByteArray::fromBase64(key.json().value(QLatin1String("public_key")).toString().toLatin1());
        QCOMPARE(publicKey.size(), 32);
        const auto vouchers = events(QStringLiteral("voucher"));
        QCOMPARE(vouchers.size(), 1);
        const auto demo = Voucher::fromEventData(vouchers.first(), publicKey);
        QVERIFY2(demo, qPrintable(demo.error()));
        QCOMPARE(demo->plan, QStringLiteral("demo"));
        QCOMPARE(demo->tokens, 100);
        QCOMPARE(demo->account, QStringLiteral("Main"));
        // The plans before M-Pesa is set up.
        const auto plans = m_relay->get(url("/v1/plans"), m_org.token.toLatin1());
        QCOMPARE(plans.status, 200);
        QCOMPARE(plans.json().value(QLatin1String("mpesa")).toString(), QStringLiteral("none"));
        QCOMPARE(plans.json().value(QLatin1String("plans")).toArray().at(1).toObject().value(QLatin1String("price_kes")),
                 QJsonValue());
        QCOMPARE(buy(QStringLiteral("0712345678"), QStringLiteral("req-00000001")).status, 503);
        QVERIFY(!plans.json().contains(QLatin1String("support_line")));
        // The operator's support line, when the configuration gives one.
        relay::RelayConfig config = quickConfig();
        QVERIFY(config.set(QStringLiteral("support_line"), QStringLiteral(" +254 700 000 000, weekdays ")));
        QVERIFY(!config.set(QStringLiteral("support-line"), QStringLiteral("two\nlines")));
        QVERIFY(restart(config));
        QCOMPARE(m_relay->get(url("/v1/plans"), m_org.token.toLatin1()).json().value(QLatin1String("support_line")).toString(),
                 QStringLiteral("+254 700 000 000, weekdays"));
    }

    void paidOnceWithEveryFieldRight()
    {
        useFakeDaraja();
        const auto answer = buy(QStringLiteral("0712 345 678"), QStringLiteral("req-paid-0001"));
        QCOMPARE(answer.status, 201);
        QVERIFY2(m_daraja->problems.isEmpty(), qPrintable(m_daraja->problems.join(u'\n')));
        const QJsonObject purchase = answer.json();
        QCOMPARE(purchase.value(QLatin1String("state")).toString(), QStringLiteral("waiting"));
        QCOMPARE(purchase.value(QLatin1String("amount_kes")).toInteger(), qint64(500));
        QCOMPARE(purchase.value(QLatin1String("phone")).toString(), QStringLiteral("2547•••••678"));
        QCOMPARE(m_daraja->lastPush.value(QLatin1String("Amount")).toInteger(), qint64(500));
        QCOMPARE(m_daraja->lastPush.value(QLatin1String("PartyA")).toString(), QStringLiteral("254712345678"));
        const QString id = purchase.value(QLatin1String("purchase")).toString();
        QVERIFY(paidVouchers().isEmpty());

        // The callback, then the same callback again (Daraja retries; a replay).
        const QByteArray callback = FakeDaraja::callback(m_daraja->checkouts.value(0), 0, 500.00, QStringLiteral("SGR7ABCDEF"));
        QCOMPARE(postCallback(callback).status, 200);
        QCOMPARE(postCallback(callback).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("paid"), 10000);
        QVERIFY2(m_daraja->problems.isEmpty(), qPrintable(m_daraja->problems.join(u'\n')));
        QVERIFY(m_daraja->queries >= 1);
        const auto vouchers = paidVouchers();
        QCOMPARE(vouchers.size(), 1);
        QCOMPARE(vouchers.first().purchase, id);
        QCOMPARE(vouchers.first().tokens, qint64(1000));
        QCOMPARE(vouchers.first().amountKes, qint64(500));
        QCOMPARE(vouchers.first().receipt, QStringLiteral("SGR7ABCDEF"));
        QCOMPARE(vouchers.first().account, QStringLiteral("Youth"));
        QVERIFY(!vouchers.first().simulated);
        const auto purchases = events(QStringLiteral("purchase"));
        QCOMPARE(purchases.size(), 1);
        QCOMPARE(purchases.first().value(QLatin1String("state")).toString(), QStringLiteral("paid"));
        QCOMPARE(purchases.first().value(QLatin1String("voucher")).toString(), vouchers.first().id);
        QVERIFY(m_relay->server()->metricsText().contains("kengele_relay_purchases_total{result=\"paid\"} 1\n"));
        QVERIFY(m_relay->server()->metricsText().contains("kengele_relay_purchases_total{result=\"started\"} 1\n"));
        // One token for the push and the query: reused, not minted per call.
        QCOMPARE(m_daraja->tokensMinted, 1);
        // The same request again: the same purchase, no second push.
        const auto again = buy(QStringLiteral("0712345678"), QStringLiteral("req-paid-0001"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QLatin1String("purchase")).toString(), id);
        QCOMPARE(m_daraja->pushes, 1);
        const auto listed = m_relay->get(url("/v1/purchases?limit=5"), m_org.token.toLatin1());
        QCOMPARE(listed.json().value(QLatin1String("purchases")).toArray().size(), 1);
    }

    void tillUsesBuyGoods()
    {
        useFakeDaraja(QStringLiteral("5123456"));
        QCOMPARE(buy(QStringLiteral("0112345678"), QStringLiteral("req-till-0001"), QStringLiteral("business")).status, 201);
        QVERIFY2(m_daraja->problems.isEmpty(), qPrintable(m_daraja->problems.join(u'\n')));
        QCOMPARE(m_daraja->lastPush.value(QLatin1String("TransactionType")).toString(), QStringLiteral("CustomerBuyGoodsOnline"));
        QCOMPARE(m_daraja->lastPush.value(QLatin1String("Amount")).toInteger(), qint64(2000));
    }

    void cancelledOnThePhone()
    {
        useFakeDaraja();
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-cancel-01"));
        QCOMPARE(answer.status, 201);
        const QString id = answer.json().value(QLatin1String("purchase")).toString();
        m_daraja->resultCode = QStringLiteral("1032");
        QCOMPARE(postCallback(FakeDaraja::callback(m_daraja->checkouts.value(0), 1032, 0, {})).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("failed"), 10000);
        QVERIFY(paidVouchers().isEmpty());
        const auto purchases = events(QStringLiteral("purchase"));
        QCOMPARE(purchases.size(), 1);
        QCOMPARE(purchases.first().value(QLatin1String("result_code")).toString(), QStringLiteral("1032"));
        QCOMPARE(purchases.first().value(QLatin1String("reason")).toString(),
                 QStringLiteral("You cancelled the payment on your phone."));
    }

    void forgedCallbacksIssueNothing()
    {
        useFakeDaraja();
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-forged-01"));
        QCOMPARE(answer.status, 201);
        const QString id = answer.json().value(QLatin1String("purchase")).toString();
        // Unknown checkout: stored as a daraja.stk event (as before), no purchase touched.
        QCOMPARE(postCallback(FakeDaraja::callback(QStringLiteral("ws_CO_FORGED"), 0, 500, QStringLiteral("FAKE000001"))).status,
                 200);
        // The real checkout, "paid", but Daraja's query says it is still being processed.
        m_daraja->pendingQueries = 1000;
        const int queriesBefore = m_daraja->queries;
        QCOMPARE(postCallback(FakeDaraja::callback(m_daraja->checkouts.value(0), 0, 500, QStringLiteral("FAKE000002"))).status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(m_daraja->queries > queriesBefore, 10000);
        QTest::qWait(300);
        QCOMPARE(stateOf(id), QStringLiteral("waiting"));
        QVERIFY(paidVouchers().isEmpty());
        QVERIFY(events(QStringLiteral("purchase")).isEmpty());
    }

    void amountThatDiffersFails()
    {
        useFakeDaraja();
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-amount-01"));
        const QString id = answer.json().value(QLatin1String("purchase")).toString();
        QCOMPARE(postCallback(FakeDaraja::callback(m_daraja->checkouts.value(0), 0, 5, QStringLiteral("SGR7LOWPAY"))).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("failed"), 10000);
        QVERIFY(paidVouchers().isEmpty());
        QCOMPARE(events(QStringLiteral("purchase")).value(0).value(QLatin1String("result_code")).toString(),
                 QStringLiteral("amount"));
    }

    void noCallbackTheRelayAsksItself()
    {
        QVERIFY(restart(quickConfig(300)));
        useFakeDaraja();
        m_daraja->pendingQueries = 2;
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-silent-01"));
        QCOMPARE(answer.status, 201);
        const QString id = answer.json().value(QLatin1String("purchase")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("paid"), 15000);
        QCOMPARE(m_daraja->queries, 3);
        QCOMPARE(paidVouchers().size(), 1);
        QCOMPARE(paidVouchers().first().receipt, QString()); // the query does not carry the receipt
    }

    void givesUpOnlyWhenNothingDefinite()
    {
        relay::RelayConfig config = quickConfig(100);
        config.purchaseGiveUpMs = 1500;
        QVERIFY(restart(config));
        useFakeDaraja();
        m_daraja->pendingQueries = 1000;
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-giveup-01"));
        const QString id = answer.json().value(QLatin1String("purchase")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("failed"), 15000);
        QVERIFY(events(QStringLiteral("purchase"))
                    .value(0)
                    .value(QLatin1String("reason"))
                    .toString()
                    .startsWith(QLatin1String("No answer from M-Pesa")));
        QVERIFY(paidVouchers().isEmpty());
    }

    void darajaErrorsOnPush_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        QTest::newRow("401") << 401;
        QTest::newRow("400") << 400;
    }

    void darajaErrorsOnPush()
    {
        QFETCH(int, status);
        useFakeDaraja();
        m_daraja->pushStatus = status;
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-down-0001"));
        QCOMPARE(answer.status, 502);
        QCOMPARE(answer.json().value(QLatin1String("code")).toString(), QStringLiteral("mpesa_unavailable"));
        const auto stored = m_relay->store().purchases(m_org.id, 10);
        QVERIFY(stored && stored->size() == 1);
        QCOMPARE(stored->first().state, QStringLiteral("failed"));
        QVERIFY(!stored->first().reason.isEmpty());
        QCOMPARE(events(QStringLiteral("purchase")).size(), 1);
    }

    void badRequestsAndBusyPhones()
    {
        QCOMPARE(
            buy(QStringLiteral("0712345678"), QStringLiteral("req-nosetup-1")).json().value(QLatin1String("code")).toString(),
            QStringLiteral("mpesa_not_set_up"));
        useFakeDaraja();
        auto code = [this](const QString &phone, const QString &request, const QString &plan) {
            const auto answer = buy(phone, request, plan);
            return std::pair(answer.status, answer.json().value(QLatin1String("code")).toString());
        };
        QCOMPARE(code(QStringLiteral("0812345678"), QStringLiteral("req-badphone"), QStringLiteral("starter")),
                 std::pair(400, QStringLiteral("bad_phone")));
        QCOMPARE(code(QStringLiteral("0712345678"), QStringLiteral("req-badplan1"), QStringLiteral("gold")),
                 std::pair(400, QStringLiteral("bad_plan")));
        QCOMPARE(code(QStringLiteral("0712345678"), QStringLiteral("short"), QStringLiteral("starter")),
                 std::pair(400, QStringLiteral("bad_request")));
        QCOMPARE(code(QStringLiteral("0712345678"), QStringLiteral("req-demo-001"), QStringLiteral("demo")),
                 std::pair(409, QStringLiteral("no_price")));
        QCOMPARE(code(QStringLiteral("0712345678"), QStringLiteral("req-enterp-1"), QStringLiteral("enterprise")),
                 std::pair(409, QStringLiteral("no_price")));
        QCOMPARE(m_relay->post(url("/v1/purchases"), "{not json", "application/json", m_org.token.toLatin1()).status, 400);
        QCOMPARE(code(QStringLiteral("0712345678"), QStringLiteral("req-first-01"), QStringLiteral("starter")).first, 201);
        QCOMPARE(code(QStringLiteral("+254712345678"), QStringLiteral("req-second-1"), QStringLiteral("starter")),
                 std::pair(409, QStringLiteral("phone_busy")));
        // Daraja itself says the phone is busy.
        m_daraja->pushBusy = true;
        QCOMPARE(code(QStringLiteral("0722000000"), QStringLiteral("req-third-01"), QStringLiteral("starter")),
                 std::pair(409, QStringLiteral("phone_busy")));
        QCOMPARE(m_relay->post(url("/v1/purchases"), "{}", "application/json").status, 401);
    }

    void tokenRefreshedNearExpiryAndWhenRefused()
    {
        useFakeDaraja();
        m_daraja->expiresIn = QStringLiteral("3599"); // as a string, as some clients model it
        QCOMPARE(buy(QStringLiteral("0712000001"), QStringLiteral("req-token-001")).status, 201);
        QCOMPARE(buy(QStringLiteral("0712000002"), QStringLiteral("req-token-002")).status, 201);
        QCOMPARE(m_daraja->tokensMinted, 1);
        // Someone else minted a token: Daraja refuses ours once; the relay renews it and retries.
        m_daraja->invalidateTokenOnce = true;
        QCOMPARE(buy(QStringLiteral("0712000003"), QStringLiteral("req-token-003")).status, 201);
        QCOMPARE(m_daraja->tokensMinted, 2);
        // A token within five minutes of expiry is renewed before use.
        m_daraja->expiresIn = 200;
        QVERIFY(m_relay->store().forgetDarajaToken(m_org.id));
        QCOMPARE(buy(QStringLiteral("0712000004"), QStringLiteral("req-token-004")).status, 201);
        QCOMPARE(buy(QStringLiteral("0712000005"), QStringLiteral("req-token-005")).status, 201);
        QCOMPARE(m_daraja->tokensMinted, 4);
        // An absurd lifetime is held to a day: it must not overflow into a token already expired.
        m_daraja->expiresIn = QStringLiteral("9000000000000000");
        QVERIFY(m_relay->store().forgetDarajaToken(m_org.id));
        QCOMPARE(buy(QStringLiteral("0712000006"), QStringLiteral("req-token-006")).status, 201);
        QCOMPARE(buy(QStringLiteral("0712000007"), QStringLiteral("req-token-007")).status, 201);
        QCOMPARE(m_daraja->tokensMinted, 5);
        QVERIFY2(m_daraja->problems.isEmpty(), qPrintable(m_daraja->problems.join(u'\n')));
    }

    void secretsStaySealedAndOutOfTheLog()
    {
        LogCapture log;
        QLoggingCategory::setFilterRules(QStringLiteral("kengele.*=true"));
        useFakeDaraja();
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-secret-01"));
        const QString id = answer.json().value(QLatin1String("purchase")).toString();
        QCOMPARE(postCallback(FakeDaraja::callback(m_daraja->checkouts.value(0), 0, 500, QStringLiteral("SGR7SECRET"))).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("paid"), 10000);
        QLoggingCategory::setFilterRules(QStringLiteral("kengele.relay.access=false\nkengele.*.debug=false"));
        const QString text = log.text();
        QVERIFY(text.contains(QLatin1String("purchase paid"))); // the log was captured
        for (const QString &secret : {m_daraja->consumerSecret, m_daraja->passkey, m_daraja->currentToken, m_daraja->consumerKey})
            QVERIFY2(!text.contains(secret), "a secret reached the log");
        // Nor the database in plain text.
        QSqlQuery query(m_relay->store().database());
        QVERIFY(
            query.exec(QStringLiteral("SELECT consumer_key_sealed || consumer_secret_sealed || passkey_sealed FROM org_mpesa")));
        QVERIFY(query.next());
        const QString sealed = query.value(0).toString();
        QVERIFY(!sealed.contains(m_daraja->consumerSecret) && !sealed.contains(m_daraja->passkey));
        QVERIFY(query.exec(QStringLiteral("SELECT token_sealed FROM daraja_tokens")));
        QVERIFY(query.next());
        QVERIFY(!query.value(0).toString().contains(m_daraja->currentToken));
    }

    void twoRelayProcessesIssueOneVoucher()
    {
        useFakeDaraja();
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-twice-001"));
        const QString id = answer.json().value(QLatin1String("purchase")).toString();
        // A second relay on the same database, with the same key file, answering the same callback.
        auto otherStore = m_relay->openExtraStore(QStringLiteral("second-relay"));
        QVERIFY(otherStore);
        relay::RelayConfig config = m_config;
        config.keyFile = m_relay->keyFile();
        config.listenPort = 0;
        relay::RelayServer other(otherStore.get(), config);
        const quint16 port = other.start();
        QVERIFY(port != 0);
        QUrl otherHook(m_org.hooks.value(QLatin1String("mpesa_stk")).toString());
        otherHook.setPort(port);
        const QByteArray callback = FakeDaraja::callback(m_daraja->checkouts.value(0), 0, 500, QStringLiteral("SGR7TWICE1"));
        QCOMPARE(postCallback(callback).status, 200);
        QCOMPARE(m_relay->post(otherHook, callback, "application/json").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("paid"), 10000);
        QTest::qWait(500);
        QCOMPARE(paidVouchers().size(), 1);
        QCOMPARE(events(QStringLiteral("purchase")).size(), 1);
    }

    void twoRelayProcessesMintOneToken()
    {
        useFakeDaraja();
        auto otherStore = m_relay->openExtraStore(QStringLiteral("second-relay"));
        QVERIFY(otherStore);
        relay::RelayConfig config = m_config;
        config.keyFile = m_relay->keyFile();
        config.listenPort = 0;
        relay::RelayServer other(otherStore.get(), config);
        const quint16 port = other.start();
        QVERIFY(port != 0);
        // Two purchases at once, one through each relay, and no token cached yet: one mints, the
        // other waits for its token (a second mint would invalidate the first).
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 2; ++i) {
            QUrl target = url("/v1/purchases");
            if (i == 1)
                target.setPort(port);
            QNetworkRequest request(target);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_org.token.toLatin1());
            const QJsonObject body{{QStringLiteral("plan"), QStringLiteral("starter")},
                                   {QStringLiteral("phone"), QStringLiteral("071234567%1").arg(i)},
                                   {QStringLiteral("account"), QStringLiteral("Main")},
                                   {QStringLiteral("request_id"), QStringLiteral("req-mint-%1-x").arg(i)}};
            replies.append(network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(replies.at(0)->isFinished() && replies.at(1)->isFinished(), 15000);
        for (QNetworkReply *reply : std::as_const(replies)) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
            reply->deleteLater();
        }
        QCOMPARE(m_daraja->pushes, 2);
        QCOMPARE(m_daraja->tokensMinted, 1);
        QVERIFY2(m_daraja->problems.isEmpty(), qPrintable(m_daraja->problems.join(u'\n')));
    }

    void masterKeySealsToItsPlace()
    {
        const auto key = relay::MasterKey::loadOrCreate(m_relay->keyFile()); // the harness's file, read again
        QVERIFY(key);
        const QString sealed = m_relay->masterKey().seal("passkey-123", QStringLiteral("mpesa:org_a:passkey"));
        QVERIFY(!sealed.contains(QLatin1String("passkey-123")));
        QCOMPARE(key->open(sealed, QStringLiteral("mpesa:org_a:passkey")).value_or(QByteArray()), QByteArray("passkey-123"));
        QVERIFY(!key->open(sealed, QStringLiteral("mpesa:org_b:passkey"))); // not movable to another organisation
        QVERIFY(!key->open(sealed, QStringLiteral("mpesa:org_a:consumer_secret")));
        QVERIFY(!relay::MasterKey::random().open(sealed, QStringLiteral("mpesa:org_a:passkey"))); // another key file
        QString tampered = sealed;
        tampered[tampered.size() - 3] = tampered.at(tampered.size() - 3) == u'A' ? u'B' : u'A';
        QVERIFY(!key->open(tampered, QStringLiteral("mpesa:org_a:passkey")));
        QCOMPARE(QFileInfo(m_relay->keyFile()).permissions()
                     & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFileDevice::Permissions());
        // A relay with another key file cannot open this database's voucher key.
        relay::RelayConfig config = m_config;
        QTemporaryDir elsewhere;
        config.keyFile = elsewhere.filePath(QStringLiteral("relay.key"));
        QVERIFY(m_relay->start(config));
        QCOMPARE(m_relay->get(url("/v1/voucher-key"), m_org.token.toLatin1()).status, 503);
    }

    void restartedBetweenCallbackAndVoucher()
    {
        useFakeDaraja();
        const auto answer = buy(QStringLiteral("0712345678"), QStringLiteral("req-crash-001"));
        const QString id = answer.json().value(QLatin1String("purchase")).toString();
        m_relay->stop();
        // The callback was stored, and the relay died before it checked the purchase.
        relay::HookEvent stored{m_org.id, QStringLiteral("daraja.stk"), m_daraja->checkouts.value(0),
                                FakeDaraja::callback(m_daraja->checkouts.value(0), 0, 500, QStringLiteral("SGR7CRASH1")),
                                QDateTime::currentMSecsSinceEpoch()};
        QVERIFY(m_relay->store().append({stored}, {}));
        QCOMPARE(stateOf(id), QStringLiteral("waiting"));
        QVERIFY(restart(m_config));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), QStringLiteral("paid"), 10000);
        QCOMPARE(paidVouchers().size(), 1);
        QCOMPARE(paidVouchers().first().receipt, QStringLiteral("SGR7CRASH1"));
    }

    void simulatorOutcomes()
    {
        QVERIFY(restart(quickConfig(400)));
        relay::MpesaSetup setup;
        setup.simulator = true;
        QVERIFY(relay::setUpMpesa(m_relay->store(), m_relay->masterKey(), m_org.id, setup));
        relay::OrgPrices prices;
        prices.starter = 500;
        QVERIFY(m_relay->store().setPrices(m_org.id, prices));
        const auto plans = m_relay->get(url("/v1/plans"), m_org.token.toLatin1());
        QCOMPARE(plans.json().value(QLatin1String("mpesa")).toString(), QStringLiteral("simulator"));

        const auto paid = buy(QStringLiteral("0712345678"), QStringLiteral("req-sim-paid1"));
        QCOMPARE(paid.status, 201);
        const auto cancelled = buy(QStringLiteral("0700000001"), QStringLiteral("req-sim-1032a"));
        const auto broke = buy(QStringLiteral("0700000002"), QStringLiteral("req-sim-0001b"));
        const auto silent = buy(QStringLiteral("0700000005"), QStringLiteral("req-sim-silent"));
        QCOMPARE(silent.status, 201);
        const QString paidId = paid.json().value(QLatin1String("purchase")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(paidId), QStringLiteral("paid"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(cancelled.json().value(QLatin1String("purchase")).toString()), QStringLiteral("failed"),
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(broke.json().value(QLatin1String("purchase")).toString()), QStringLiteral("failed"),
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(silent.json().value(QLatin1String("purchase")).toString()), QStringLiteral("paid"),
                                  10000);
        const auto vouchers = paidVouchers();
        QCOMPARE(vouchers.size(), 2);
        for (const Voucher &v : vouchers)
            QVERIFY(v.simulated);
        const auto paidRow = m_relay->store().purchase(paidId);
        QVERIFY((*paidRow)->receipt.startsWith(QLatin1String("SIM")));
        QCOMPARE(events(QStringLiteral("daraja.stk")).size(), 3); // no callback for 0005
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestRelayPurchases>(argc, argv);
}

#include "TestRelayPurchases.moc"
