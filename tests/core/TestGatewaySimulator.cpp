// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeAfricasTalking.h"
#include "gateway/AfricasTalkingGateway.h"
#include "gateway/GatewaySimulator.h"

#include "gateway/HttpClient.h"
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using kengele::AfricasTalkingGateway;
using kengele::DeliveryReport;
using kengele::GatewayBalance;
using kengele::GatewaySimulator;
using kengele::RecipientResult;
using kengele::Result;
using kengele::SendRequest;
using kengele::SendResult;
using kengele::SimulatorOptions;
using kengele::test::FakeAfricasTalking;

using Outcome = RecipientResult::Outcome;
using Kind = SendResult::Kind;
using Fault = GatewaySimulator::Fault;

Q_DECLARE_METATYPE(SendResult::Kind)

namespace {

const QString kSafaricom = u"+254712345678"_s;
const QString kAirtel = u"+254733000111"_s;
const QString kTelkom = u"+254770000222"_s;

std::optional<SendResult> sendAndWait(kengele::SmsGateway &gateway, const SendRequest &r, int timeoutMs = 5000)
{
    return kengele::test::awaitResult<SendResult>([&](auto done) { gateway.send(r, done); }, timeoutMs);
}

SendRequest request(QStringList phones, QString text = u"Karibu ibadani Jumapili saa tatu asubuhi"_s)
{
    return SendRequest{std::move(text), std::move(phones), {}};
}

QStringList numbers(int count, int first = 0)
{
    QStringList list;
    for (int i = first; i < first + count; ++i)
        list.append(u"+2547%1"_s.arg(10000000 + i));
    return list;
}

SimulatorOptions fastReports()
{
    SimulatorOptions options;
    options.reportDelayMinMs = 10;
    options.reportDelayMaxMs = 60;
    options.seed = 42;
    return options;
}

// A raw request straight to the simulator, for what the gateway never sends.
struct RawAnswer {
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

RawAnswer raw(QNetworkAccessManager &network, const QUrl &base, const QByteArray &body,
              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = base;
    url.setPath(u"/version1/messaging"_s);
    QNetworkRequest request(url);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    RawAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.contentType = reply->rawHeader("Content-Type");
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

} // namespace

class TestGatewaySimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void theGatewayIsTheRealOneLabelledSimulation();
    void sendsAndAccepts();
    void countsPartsAndCost();
    void perRecipientFailures();
    void fractionOfNumbersFailsTheSameWayEachTime();
    void deliveryReportsCarryTheMessageIds();
    void undeliverableNumbersGetFailureReports();
    void reportsArePostedToTheCallbackUrl();
    void reportsGoOnlyToTheCallbackAndAreRetried();
    void countersShowRepeats();
    void faults_data();
    void faults();
    void neverAnswerIsUncertainButTaken();
    void slowAnswers();
    void randomFaultsByFraction();
    void checksCredentials();
    void answersXmlWithoutAcceptJson();
    void readsHeaderNamesInAnyCase();
    void refusesBadRequests_data();
    void refusesBadRequests();
    void balanceGoesDownWithSpending();
    void networkCodes_data();
    void networkCodes();

private:
    std::unique_ptr<GatewaySimulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network; // raw requests
    std::unique_ptr<kengele::HttpClient> m_http;
    std::unique_ptr<AfricasTalkingGateway> m_gateway;
};

void TestGatewaySimulator::init()
{
    m_simulator = std::make_unique<GatewaySimulator>(fastReports());
    const Result<quint16> port = m_simulator->start();
    QVERIFY2(port.has_value(), port ? "" : qPrintable(port.error().message));
    QVERIFY(*port != 0);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<kengele::HttpClient>();
    m_gateway = m_simulator->createGateway(*m_http);
    QVERIFY(m_gateway);
}

void TestGatewaySimulator::cleanup()
{
    m_gateway.reset();
    m_network.reset();
    m_simulator.reset();
}

void TestGatewaySimulator::theGatewayIsTheRealOneLabelledSimulation()
{
    QVERIFY(m_simulator->isRunning());
    QCOMPARE(m_simulator->url(), QUrl(u"http://127.0.0.1:%1"_s.arg(m_simulator->port())));
    QVERIFY(m_gateway->isSimulation());
    QCOMPARE(m_gateway->displayName(), u"Practice mode — no SMS leaves this computer"_s);
    QCOMPARE(m_gateway->baseUrl(), m_simulator->url());
    GatewaySimulator notStarted;
    QVERIFY(!notStarted.isRunning());
    QVERIFY(!notStarted.createGateway(*m_http));
}

void TestGatewaySimulator::sendsAndAccepts()
{
    const auto result = sendAndWait(*m_gateway, request({kSafaricom, kAirtel, kTelkom}));
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Answered);
    QCOMPARE(result->httpStatus, 201);
    QCOMPARE(result->message, u"Sent to 3/3 Total Cost: KES 2.4000"_s);
    QCOMPARE(result->recipients.size(), 3);
    QSet<QString> ids;
    for (const RecipientResult &r : result->recipients) {
        QCOMPARE(r.outcome, Outcome::Accepted);
        QCOMPARE(r.statusCode, 101);
        QCOMPARE(r.status, u"Success"_s);
        QCOMPARE(r.cost, u"KES 0.8000"_s);
        QCOMPARE(r.parts, 1);
        QVERIFY2(r.messageId.startsWith(u"ATXid_"_s) && r.messageId.size() == 6 + 32, qPrintable(r.messageId));
        ids.insert(r.messageId);
    }
    QCOMPARE(ids.size(), 3);
    QCOMPARE(result->recipients[0].phone, kSafaricom);
    QCOMPARE(result->recipients[2].phone, kTelkom);

    const auto counters = m_simulator->counters();
    QCOMPARE(counters.sendRequests, 1);
    QCOMPARE(counters.takenRequests, 1);
    QCOMPARE(counters.refusedRequests, 0);
    QCOMPARE(counters.recipients, 3);
    QCOMPARE(counters.accepted, 3);
    QCOMPARE(m_simulator->timesReceived(kAirtel), 1);
    QCOMPARE(m_simulator->timesAccepted(kAirtel), 1);
}

void TestGatewaySimulator::countsPartsAndCost()
{
    const QString long160 = QString(160, u'a');
    const QString long161 = QString(161, u'a');
    const QString unicode71 = QString(70, u'a') + u"✓"_s;
    const struct {
        QString text;
        int parts;
        QString cost;
    } cases[] = {{long160, 1, u"KES 0.8000"_s}, {long161, 2, u"KES 1.6000"_s}, {unicode71, 2, u"KES 1.6000"_s}};
    for (const auto &c : cases) {
        const auto result = sendAndWait(*m_gateway, request({kSafaricom}, c.text));
        QVERIFY(result);
        QCOMPARE(result->kind, Kind::Answered);
        QCOMPARE(result->recipients.value(0).parts, c.parts);
        QCOMPARE(result->recipients.value(0).cost, c.cost);
    }
}

void TestGatewaySimulator::perRecipientFailures()
{
    SimulatorOptions options = fastReports();
    options.blacklisted = {kAirtel};
    options.invalidNumbers = {kTelkom};
    m_simulator->setOptions(options);
    const QString noPlus = u"254711000999"_s; // a '+' lost on the way reads as not E.164
    const auto result = sendAndWait(*m_gateway, request({kSafaricom, kAirtel, kTelkom, noPlus}));
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Answered);
    QCOMPARE(result->recipients.size(), 4);
    QCOMPARE(result->recipients[0].outcome, Outcome::Accepted);
    QCOMPARE(result->recipients[1].outcome, Outcome::PermanentFailure);
    QCOMPARE(result->recipients[1].status, u"UserInBlacklist"_s);
    QCOMPARE(result->recipients[1].statusCode, 406);
    QCOMPARE(result->recipients[1].messageId, QString());
    QCOMPARE(result->recipients[1].cost, u"0"_s);
    QCOMPARE(result->recipients[2].status, u"InvalidPhoneNumber"_s);
    QCOMPARE(result->recipients[2].statusCode, 403);
    QCOMPARE(result->recipients[3].phone, noPlus);
    QCOMPARE(result->recipients[3].statusCode, 403);
    QCOMPARE(result->message, u"Sent to 1/4 Total Cost: KES 0.8000"_s);
    QCOMPARE(m_simulator->counters().accepted, 1);
    QCOMPARE(m_simulator->timesReceived(kAirtel), 1);
    QCOMPARE(m_simulator->timesAccepted(kAirtel), 0);
}

void TestGatewaySimulator::fractionOfNumbersFailsTheSameWayEachTime()
{
    SimulatorOptions options = fastReports();
    options.blacklistedFraction = 0.2;
    options.invalidNumberFraction = 0.1;
    options.deliveryReports = false;
    m_simulator->setOptions(options);
    const QStringList all = numbers(1000);
    QHash<QString, Outcome> first;
    int blacklisted = 0;
    int invalid = 0;
    for (int i = 0; i < 10; ++i) {
        const auto result = sendAndWait(*m_gateway, request(all.mid(i * 100, 100)));
        QVERIFY(result);
        QCOMPARE(result->recipients.size(), 100);
        for (const RecipientResult &r : result->recipients) {
            first.insert(r.phone, r.outcome);
            blacklisted += r.statusCode == 406;
            invalid += r.statusCode == 403;
        }
    }
    QVERIFY2(blacklisted > 140 && blacklisted < 260, qPrintable(QString::number(blacklisted)));
    QVERIFY2(invalid > 60 && invalid < 140, qPrintable(QString::number(invalid)));
    // The same numbers again: the same fate.
    const auto again = sendAndWait(*m_gateway, request(all.mid(0, 100)));
    QVERIFY(again);
    for (const RecipientResult &r : again->recipients)
        QCOMPARE(r.outcome, first.value(r.phone));
}

void TestGatewaySimulator::deliveryReportsCarryTheMessageIds()
{
    QSignalSpy reports(m_simulator.get(), &GatewaySimulator::deliveryReport);
    const auto result = sendAndWait(*m_gateway, request({kSafaricom, kAirtel, kTelkom}));
    QVERIFY(result);
    QHash<QString, QString> idByPhone;
    for (const RecipientResult &r : result->recipients)
        idByPhone.insert(r.phone, r.messageId);
    QTRY_COMPARE_WITH_TIMEOUT(reports.count(), 3, 3000);
    QCOMPARE(m_simulator->pendingReports(), 0);
    QCOMPARE(m_simulator->counters().reportsProduced, 3);
    const QHash<QString, QString> networks{{kSafaricom, u"63902"_s}, {kAirtel, u"63903"_s}, {kTelkom, u"63907"_s}};
    for (const QList<QVariant> &args : reports) {
        const auto report = args.at(0).value<DeliveryReport>();
        QCOMPARE(report.messageId, idByPhone.value(report.phoneNumber));
        QCOMPARE(report.status, u"Success"_s);
        QCOMPARE(report.failureReason, QString());
        QCOMPARE(report.networkCode, networks.value(report.phoneNumber));
        QVERIFY(report.receivedAt.isValid());
        QCOMPARE(report.receivedAt.timeSpec(), Qt::UTC);
        idByPhone.remove(report.phoneNumber);
    }
    QVERIFY(idByPhone.isEmpty());
}

void TestGatewaySimulator::undeliverableNumbersGetFailureReports()
{
    SimulatorOptions options = fastReports();
    options.undeliverableFraction = 0.5;
    m_simulator->setOptions(options);
    QSignalSpy reports(m_simulator.get(), &GatewaySimulator::deliveryReport);
    const QStringList all = numbers(100);
    const auto result = sendAndWait(*m_gateway, request(all));
    QVERIFY(result);
    QCOMPARE(result->recipients.size(), 100); // accepted at send time: they fail later
    QTRY_COMPARE_WITH_TIMEOUT(reports.count(), 100, 3000);
    const QSet<QString> failures{u"Failed"_s, u"Rejected"_s, u"AbsentSubscriber"_s, u"Expired"_s};
    int failed = 0;
    for (const QList<QVariant> &args : reports) {
        const auto report = args.at(0).value<DeliveryReport>();
        if (report.status == u"Success"_s)
            continue;
        ++failed;
        QVERIFY2(failures.contains(report.status), qPrintable(report.status));
        const bool hasReason = report.status == u"Failed"_s || report.status == u"Rejected"_s;
        QCOMPARE(!report.failureReason.isEmpty(), hasReason);
    }
    QVERIFY2(failed > 30 && failed < 70, qPrintable(QString::number(failed)));
}

void TestGatewaySimulator::reportsArePostedToTheCallbackUrl()
{
    FakeAfricasTalking relay; // records what arrives, as the relay's hook would
    QVERIFY(relay.start());
    QUrl hook = relay.url();
    hook.setPath(u"/hooks/secret/at/delivery"_s);
    SimulatorOptions options = fastReports();
    options.callbackUrl = hook;
    options.undeliverable = {kAirtel};
    m_simulator->setOptions(options);

    const auto result = sendAndWait(*m_gateway, request({kSafaricom, kAirtel}));
    QVERIFY(result);
    QTRY_COMPARE_WITH_TIMEOUT(relay.requestCount(), 2, 3000);
    QHash<QString, QString> idByPhone;
    for (const RecipientResult &r : result->recipients)
        idByPhone.insert(r.phone, r.messageId);
    for (const auto &posted : relay.requests()) {
        QCOMPARE(posted.method, QByteArray("POST"));
        QCOMPARE(posted.path, u"/hooks/secret/at/delivery"_s);
        QCOMPARE(posted.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        const QString phone = posted.field(u"phoneNumber"_s);
        QVERIFY(posted.body.contains("phoneNumber=%2B254")); // '+' encoded
        QCOMPARE(posted.field(u"id"_s), idByPhone.value(phone));
        if (phone == kAirtel) {
            QCOMPARE(posted.field(u"networkCode"_s), u"63903"_s);
            QVERIFY(posted.field(u"status"_s) != u"Success"_s);
        } else {
            QCOMPARE(posted.fieldNames(), (QStringList{u"id"_s, u"status"_s, u"phoneNumber"_s, u"networkCode"_s}));
            QCOMPARE(posted.field(u"status"_s), u"Success"_s);
            QCOMPARE(posted.field(u"networkCode"_s), u"63902"_s);
        }
    }
}

void TestGatewaySimulator::reportsGoOnlyToTheCallbackAndAreRetried()
{
    // A relay that is down for its first two answers (503), then acknowledges.
    QHttpServer relay;
    int calls = 0;
    QList<QByteArray> acknowledged;
    relay.route(u"/hook"_s, [&](const QHttpServerRequest &request) {
        if (++calls <= 2)
            return QHttpServerResponse(QHttpServerResponder::StatusCode::ServiceUnavailable);
        acknowledged.append(request.body());
        return QHttpServerResponse(QByteArray("OK"));
    });
    const quint16 port = relay.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    SimulatorOptions options = fastReports();
    options.callbackUrl = QUrl(u"http://127.0.0.1:%1/hook"_s.arg(port));
    options.reportsOnlyThroughCallback = true;
    m_simulator->setOptions(options);
    QSignalSpy reports(m_simulator.get(), &GatewaySimulator::deliveryReport);

    QVERIFY(sendAndWait(*m_gateway, request({kSafaricom})));
    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, 10000); // after 1 s and 2 s back-off
    QVERIFY(acknowledged.constFirst().contains("status=Success"));
    QCOMPARE(calls, 3);
    QCOMPARE(reports.count(), 0); // not straight to the outbox: only through the relay
    QCOMPARE(m_simulator->counters().callbackRetries, 2);
    QCOMPARE(m_simulator->counters().callbacksAbandoned, 0);
}

void TestGatewaySimulator::countersShowRepeats()
{
    QVERIFY(sendAndWait(*m_gateway, request({kSafaricom, kAirtel})));
    QVERIFY(m_simulator->numbersAcceptedMoreThanOnce().isEmpty());
    QVERIFY(sendAndWait(*m_gateway, request({kAirtel})));
    QCOMPARE(m_simulator->timesReceived(kAirtel), 2);
    QCOMPARE(m_simulator->timesAccepted(kAirtel), 2);
    QCOMPARE(m_simulator->numbersAcceptedMoreThanOnce(), QStringList{kAirtel});
    QCOMPARE(m_simulator->receivedCounts().value(kSafaricom), 1);
    m_simulator->resetCounters();
    QCOMPARE(m_simulator->timesReceived(kAirtel), 0);
    QCOMPARE(m_simulator->counters().sendRequests, 0);
}

void TestGatewaySimulator::faults_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("taken");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addRow("server error") << Fault::ServerError << Kind::NotTaken << false << qint64(-1);
    QTest::addRow("rate limited") << Fault::RateLimited << Kind::NotTaken << false << qint64(2000);
    QTest::addRow("malformed JSON") << Fault::MalformedJson << Kind::Uncertain << true << qint64(-1);
}

void TestGatewaySimulator::faults()
{
    QFETCH(Fault, fault);
    QFETCH(Kind, kind);
    QFETCH(bool, taken);
    QFETCH(qint64, retryAfterMs);
    SimulatorOptions options = fastReports();
    options.retryAfterSeconds = 2;
    m_simulator->setOptions(options);
    m_simulator->failNextRequests(fault, 2);

    for (int i = 0; i < 2; ++i) {
        const auto result = sendAndWait(*m_gateway, request({kSafaricom}));
        QVERIFY(result);
        QCOMPARE(result->kind, kind);
        QCOMPARE(result->retryAfterMs.value_or(-1), retryAfterMs);
        QVERIFY(!result->message.isEmpty());
    }
    QCOMPARE(m_simulator->timesAccepted(kSafaricom), taken ? 2 : 0);
    // The burst is over: the next one goes through.
    const auto after = sendAndWait(*m_gateway, request({kSafaricom}));
    QVERIFY(after);
    QCOMPARE(after->kind, Kind::Answered);
    const auto counters = m_simulator->counters();
    QCOMPARE(counters.sendRequests, 3);
    QCOMPARE(counters.refusedRequests, taken ? 0 : 2);
}

void TestGatewaySimulator::neverAnswerIsUncertainButTaken()
{
    AfricasTalkingGateway::Settings settings;
    settings.username = u"simulator"_s;
    settings.apiKey = u"key"_s;
    settings.baseUrl = m_simulator->url();
    settings.requestTimeoutMs = 300;
    AfricasTalkingGateway impatient(settings, *m_http);
    QSignalSpy reports(m_simulator.get(), &GatewaySimulator::deliveryReport);
    m_simulator->failNextRequests(Fault::NeverAnswer);
    QElapsedTimer timer;
    timer.start();
    const auto result = sendAndWait(impatient, request({kSafaricom}));
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Uncertain);
    QVERIFY(timer.elapsed() < 3000);
    // It was taken all the same: the report comes, which is how a person settles "uncertain".
    QCOMPARE(m_simulator->timesAccepted(kSafaricom), 1);
    QTRY_COMPARE_WITH_TIMEOUT(reports.count(), 1, 3000);
    // And the simulator carries on answering the next request.
    const auto next = sendAndWait(impatient, request({kAirtel}));
    QVERIFY(next);
    QCOMPARE(next->kind, Kind::Answered);
}

void TestGatewaySimulator::slowAnswers()
{
    SimulatorOptions options = fastReports();
    options.answerDelayMs = 300;
    m_simulator->setOptions(options);
    QElapsedTimer timer;
    timer.start();
    const auto result = sendAndWait(*m_gateway, request({kSafaricom}));
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Answered);
    QVERIFY2(timer.elapsed() >= 250, qPrintable(QString::number(timer.elapsed())));
}

void TestGatewaySimulator::randomFaultsByFraction()
{
    SimulatorOptions options = fastReports();
    options.serverErrorFraction = 0.25;
    options.rateLimitFraction = 0.25;
    options.deliveryReports = false;
    m_simulator->setOptions(options);
    int notTaken = 0;
    int answered = 0;
    for (int i = 0; i < 80; ++i) {
        const auto result = sendAndWait(*m_gateway, request({numbers(1, i).first()}));
        QVERIFY(result);
        notTaken += result->kind == Kind::NotTaken;
        answered += result->kind == Kind::Answered;
    }
    QVERIFY2(notTaken > 20 && notTaken < 60, qPrintable(QString::number(notTaken)));
    QCOMPARE(notTaken + answered, 80);
    QCOMPARE(m_simulator->counters().accepted, answered);
}

void TestGatewaySimulator::checksCredentials()
{
    SimulatorOptions options = fastReports();
    options.username = u"kanisa"_s;
    options.apiKey = u"right-key"_s;
    m_simulator->setOptions(options);

    AfricasTalkingGateway::Settings settings;
    settings.username = u"kanisa"_s;
    settings.apiKey = u"wrong-key"_s;
    settings.baseUrl = m_simulator->url();
    AfricasTalkingGateway wrong(settings, *m_http);
    const auto refused = sendAndWait(wrong, request({kSafaricom}));
    QVERIFY(refused);
    QCOMPARE(refused->kind, Kind::Refused);
    QCOMPARE(refused->httpStatus, 401);
    QVERIFY(refused->message.contains(u"username or API key"_s));

    settings.apiKey = u"right-key"_s;
    AfricasTalkingGateway right(settings, *m_http);
    const auto accepted = sendAndWait(right, request({kSafaricom}));
    QVERIFY(accepted);
    QCOMPARE(accepted->kind, Kind::Answered);
    QCOMPARE(m_simulator->timesAccepted(kSafaricom), 1);
}

void TestGatewaySimulator::answersXmlWithoutAcceptJson()
{
    const RawAnswer answer = raw(*m_network, m_simulator->url(), "username=x&to=%2B254712345678&message=Habari",
                                 {{"apiKey", "k"}, {"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(answer.status, 201);
    QCOMPARE(answer.contentType, QByteArray("application/xml"));
    QVERIFY2(answer.body.startsWith("<?xml"), answer.body.constData());
    QVERIFY(answer.body.contains("<statusCode>101</statusCode>"));
    // ...which the real gateway reads as an answer in an unexpected format.
    QCOMPARE(m_simulator->timesAccepted(kSafaricom), 1);
}

void TestGatewaySimulator::readsHeaderNamesInAnyCase()
{
    // The Node SDK sends "apikey"; header names are case-insensitive on the wire.
    const RawAnswer answer
        = raw(*m_network, m_simulator->url(), "username=x&to=%2B254712345678&message=Habari",
              {{"apikey", "k"}, {"accept", "application/json"}, {"content-type", "application/x-www-form-urlencoded"}});
    QCOMPARE(answer.status, 201);
    QCOMPARE(answer.contentType, QByteArray("application/json"));
    QVERIFY2(answer.body.contains(R"("statusCode":101)"), answer.body.constData());
}

void TestGatewaySimulator::refusesBadRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("apiKey");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answerContains");

    const QByteArray form = "application/x-www-form-urlencoded";
    QTest::addRow("no API key") << QByteArray("username=x&to=%2B254712345678&message=Hi") << QByteArray() << form << 401
                                << QByteArray("The supplied authentication is invalid");
    QTest::addRow("no username") << QByteArray("to=%2B254712345678&message=Hi") << QByteArray("k") << form << 401
                                 << QByteArray("authentication");
    QTest::addRow("no to") << QByteArray("username=x&message=Hi") << QByteArray("k") << form << 400 << QByteArray("'to'");
    QTest::addRow("no message") << QByteArray("username=x&to=%2B254712345678") << QByteArray("k") << form << 400
                                << QByteArray("'message'");
    QTest::addRow("JSON body") << QByteArray(R"({"username":"x"})") << QByteArray("k") << QByteArray("application/json") << 415
                               << QByteArray("form-encoded");
    QTest::addRow("invalid sender ID") << QByteArray("username=x&to=%2B254712345678&message=Hi&from=Bad_Sender%21")
                                       << QByteArray("k") << form << 201 << QByteArray(R"("Message":"InvalidSenderId")");
}

void TestGatewaySimulator::refusesBadRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, apiKey);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QByteArray, answerContains);
    QList<QPair<QByteArray, QByteArray>> headers{{"Accept", "application/json"}, {"Content-Type", contentType}};
    if (!apiKey.isEmpty())
        headers.append({"apiKey", apiKey});
    const RawAnswer answer = raw(*m_network, m_simulator->url(), body, headers);
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.body.contains(answerContains), answer.body.constData());
    QCOMPARE(m_simulator->counters().accepted, 0);
    QCOMPARE(m_simulator->counters().refusedRequests, 1);
    QCOMPARE(m_simulator->timesReceived(kSafaricom), 0);
}

void TestGatewaySimulator::balanceGoesDownWithSpending()
{
    const auto readBalance = [this]() -> QString {
        const auto result = kengele::test::awaitResult<Result<GatewayBalance>>([&](auto done) { m_gateway->balance(done); });
        if (!result || !result->has_value())
            return {};
        return (*result)->text;
    };
    QCOMPARE(readBalance(), u"KES 10000.0000"_s);
    QVERIFY(sendAndWait(*m_gateway, request({kSafaricom, kAirtel})));
    QVERIFY(sendAndWait(*m_gateway, request({kSafaricom}, QString(200, u'x')))); // 2 parts
    QCOMPARE(readBalance(), u"KES 9996.8000"_s); // 2 x 1 part + 1 x 2 parts at KES 0.80
    QCOMPARE(m_simulator->counters().balanceRequests, 2);
}

void TestGatewaySimulator::networkCodes_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("code");
    QTest::addRow("Safaricom 0712") << u"+254712345678"_s << u"63902"_s;
    QTest::addRow("Safaricom 0110") << u"+254110345678"_s << u"63902"_s;
    QTest::addRow("Safaricom 0757") << u"+254757345678"_s << u"63902"_s;
    QTest::addRow("Airtel 0733") << u"+254733345678"_s << u"63903"_s;
    QTest::addRow("Airtel 0750") << u"+254750345678"_s << u"63903"_s;
    QTest::addRow("Airtel 0100") << u"+254100345678"_s << u"63903"_s;
    QTest::addRow("Telkom 0770") << u"+254770345678"_s << u"63907"_s;
    QTest::addRow("Equitel 0763") << u"+254763345678"_s << u"63999"_s;
    QTest::addRow("Uganda") << u"+256772345678"_s << u"64110"_s;
    QTest::addRow("elsewhere") << u"+4420712345678"_s << u"99999"_s;
}

void TestGatewaySimulator::networkCodes()
{
    QFETCH(QString, phone);
    QFETCH(QString, code);
    QCOMPARE(GatewaySimulator::networkCodeFor(phone), code);
}

QTEST_GUILESS_MAIN(TestGatewaySimulator)
#include "TestGatewaySimulator.moc"
