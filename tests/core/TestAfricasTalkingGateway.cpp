// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeAfricasTalking.h"
#include "TestSupport.h"
#include "gateway/AfricasTalkingGateway.h"
#include "gateway/HttpClient.h"

#include <QElapsedTimer>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using kengele::AfricasTalkingGateway;
using kengele::GatewayBalance;
using kengele::RecipientResult;
using kengele::Result;
using kengele::SendRequest;
using kengele::SendResult;
using kengele::test::closedPort;
using kengele::test::FakeAfricasTalking;
using kengele::test::ScriptedAnswer;

using Outcome = RecipientResult::Outcome;
using Kind = SendResult::Kind;

Q_DECLARE_METATYPE(SendResult::Kind)
Q_DECLARE_METATYPE(RecipientResult::Outcome)
Q_DECLARE_METATYPE(AfricasTalkingGateway::Environment)

namespace {

const QString kKey = u"atsk_test_0123456789abcdef"_s;
const QString kFirst = u"+254712345678"_s;
const QString kSecond = u"+254733000111"_s;

AfricasTalkingGateway::Settings settingsFor(const QUrl &base, int timeoutMs = 5000)
{
    AfricasTalkingGateway::Settings s;
    s.username = u"kanisa"_s;
    s.apiKey = kKey;
    s.baseUrl = base;
    s.requestTimeoutMs = timeoutMs;
    return s;
}

SendRequest request(QStringList phones = {kFirst}, QString text = u"Karibu ibadani Jumapili"_s, QString sender = {})
{
    return SendRequest{std::move(text), std::move(phones), std::move(sender)};
}

// Sends and waits (bounded) for the callback.
std::optional<SendResult> sendAndWait(AfricasTalkingGateway &gateway, const SendRequest &r, int timeoutMs = 5000)
{
    return kengele::test::awaitResult<SendResult>([&](auto done) { gateway.send(r, done); }, timeoutMs);
}

std::optional<Result<GatewayBalance>> balanceAndWait(AfricasTalkingGateway &gateway, int timeoutMs = 5000)
{
    return kengele::test::awaitResult<Result<GatewayBalance>>([&](auto done) { gateway.balance(done); }, timeoutMs);
}

QByteArray recipientsBody(const QByteArray &recipients, const QByteArray &message = "Sent")
{
    return R"({"SMSMessageData":{"Message":")" + message + R"(","Recipients":[)" + recipients + "]}}";
}

QByteArray recipient(int code, const QString &number, const char *status, const char *messageId = "ATXid_abc")
{
    return R"({"statusCode":)" + QByteArray::number(code) + R"(,"number":")" + number.toUtf8() + R"(","status":")" + status
        + R"(","cost":"KES 0.8000","messageId":")" + messageId + R"(","messageParts":1})";
}

} // namespace

class TestAfricasTalkingGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sendsExactFormFieldsAndHeaders();
    void leavesFromOutWithoutSenderId();
    void encodesUnicodeAndReservedCharacters();
    void classifiesAnswers_data();
    void classifiesAnswers();
    void readsRetryAfterAsDate();
    void perRecipientMix();
    void invalidSenderIdComesBackRefused();
    void timeoutIsUncertain();
    void slowAnswerPastTimeoutIsUncertain();
    void closedConnectionIsUncertainAndNotResent();
    void connectionRefusedIsNotTaken();
    void manyRequestsInFlight();
    void sendsSideBySideUpToTheConnectionLimit();
    void destroyingTheGatewayDropsCallbacks();
    void refusesLocallyWithoutSending_data();
    void refusesLocallyWithoutSending();

    void balanceReadsUserDataInAnyCase_data();
    void balanceReadsUserDataInAnyCase();
    void balanceErrors_data();
    void balanceErrors();
    void balanceOnClosedPort();

    void validatesSettings_data();
    void validatesSettings();
    void hostsAndNames();
    void simulationOnlyOnLoopback();
    void validatesSenderIds_data();
    void validatesSenderIds();

private:
    std::unique_ptr<FakeAfricasTalking> m_fake;
    std::unique_ptr<kengele::HttpClient> m_network;
    std::unique_ptr<AfricasTalkingGateway> m_gateway;
    void useTimeout(int timeoutMs);
};

void TestAfricasTalkingGateway::init()
{
    m_fake = std::make_unique<FakeAfricasTalking>();
    QVERIFY(m_fake->start());
    m_network = std::make_unique<kengele::HttpClient>();
    m_gateway = std::make_unique<AfricasTalkingGateway>(settingsFor(m_fake->url()), *m_network);
}

void TestAfricasTalkingGateway::cleanup()
{
    m_gateway.reset();
    m_network.reset();
    m_fake.reset();
}

void TestAfricasTalkingGateway::useTimeout(int timeoutMs)
{
    m_gateway = std::make_unique<AfricasTalkingGateway>(settingsFor(m_fake->url(), timeoutMs), *m_network);
}

void TestAfricasTalkingGateway::sendsExactFormFieldsAndHeaders()
{
    const auto result = sendAndWait(*m_gateway, request({kFirst, kSecond}, u"Karibu ibadani"_s, u"KANISA"_s));
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Answered);
    QCOMPARE(m_fake->requestCount(), 1);

    const auto &r = m_fake->lastRequest();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, u"/version1/messaging"_s);
    QCOMPARE(r.header("apiKey"), kKey.toUtf8());
    QCOMPARE(r.header("Accept"), QByteArray("application/json"));
    QCOMPARE(r.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    // '+' must travel as %2B: a literal '+' in a form body reads as a space.
    QVERIFY2(r.body.contains("to=%2B254712345678%2C%2B254733000111"), r.body.constData());
    QVERIFY(!r.body.contains('+'));
    QCOMPARE(r.fieldNames(), (QStringList{u"username"_s, u"to"_s, u"message"_s, u"from"_s, u"bulkSMSMode"_s, u"enqueue"_s}));
    QCOMPARE(r.field(u"username"_s), u"kanisa"_s);
    QCOMPARE(r.field(u"to"_s), kFirst + u',' + kSecond);
    QCOMPARE(r.field(u"message"_s), u"Karibu ibadani"_s);
    QCOMPARE(r.field(u"from"_s), u"KANISA"_s);
    QCOMPARE(r.field(u"bulkSMSMode"_s), u"1"_s);
    QCOMPARE(r.field(u"enqueue"_s), u"1"_s);
    QCOMPARE(r.body, AfricasTalkingGateway::sendBody(u"kanisa"_s, request({kFirst, kSecond}, u"Karibu ibadani"_s, u"KANISA"_s)));
}

void TestAfricasTalkingGateway::leavesFromOutWithoutSenderId()
{
    QVERIFY(sendAndWait(*m_gateway, request()));
    QCOMPARE(m_fake->lastRequest().fieldNames(),
             (QStringList{u"username"_s, u"to"_s, u"message"_s, u"bulkSMSMode"_s, u"enqueue"_s}));
}

void TestAfricasTalkingGateway::encodesUnicodeAndReservedCharacters()
{
    const QString text = u"1 + 1 = 2 & 100% amani; Mungu akubariki 🙏 {ç}"_s;
    QVERIFY(sendAndWait(*m_gateway, request({kFirst}, text)));
    const auto &r = m_fake->lastRequest();
    QCOMPARE(r.field(u"message"_s), text);
    QVERIFY(r.body.contains("message=1%20%2B%201%20%3D%202%20%26%20100%25"));
}

void TestAfricasTalkingGateway::classifiesAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QList<Outcome>>("outcomes");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<qint64>("retryAfterMs"); // -1: none

    const QByteArray json = "application/json";
    const QByteArray textPlain = "text/plain";
    const auto one = [](int code, const char *status) {
        return recipientsBody(recipient(code, kFirst, status));
    };
    const QString unexpected = u"unexpected format"_s;
    const QString credentials = u"username or API key"_s;

    QTest::addRow("201 Success") << 201 << json << one(101, "Success") << QByteArray() << Kind::Answered
                                 << QList{Outcome::Accepted} << u"Sent"_s << qint64(-1);
    QTest::addRow("200 also fine") << 200 << json << one(101, "Success") << QByteArray() << Kind::Answered
                                   << QList{Outcome::Accepted} << QString() << qint64(-1);
    QTest::addRow("100 Processed") << 201 << json << one(100, "Processed") << QByteArray() << Kind::Answered
                                   << QList{Outcome::Accepted} << QString() << qint64(-1);
    QTest::addRow("102 Queued") << 201 << json << one(102, "Queued") << QByteArray() << Kind::Answered << QList{Outcome::Accepted}
                                << QString() << qint64(-1);
    QTest::addRow("406 UserInBlacklist") << 201 << json << one(406, "UserInBlacklist") << QByteArray() << Kind::Answered
                                         << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("403 InvalidPhoneNumber") << 201 << json << one(403, "InvalidPhoneNumber") << QByteArray() << Kind::Answered
                                            << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("404 UnsupportedNumberType") << 201 << json << one(404, "UnsupportedNumberType") << QByteArray()
                                               << Kind::Answered << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("401 RiskHold") << 201 << json << one(401, "RiskHold") << QByteArray() << Kind::Answered
                                  << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("407 CouldNotRoute") << 201 << json << one(407, "CouldNotRoute") << QByteArray() << Kind::Answered
                                       << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("409 DoNotDisturb in 201") << 201 << json << one(409, "DoNotDisturbRejection") << QByteArray() << Kind::Answered
                                             << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("402 InvalidSenderId") << 201 << json << one(402, "InvalidSenderId") << QByteArray() << Kind::Answered
                                         << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("405 InsufficientBalance") << 201 << json << one(405, "InsufficientBalance") << QByteArray() << Kind::Answered
                                             << QList{Outcome::TransientFailure} << QString() << qint64(-1);
    QTest::addRow("500 InternalServerError") << 201 << json << one(500, "InternalServerError") << QByteArray() << Kind::Answered
                                             << QList{Outcome::TransientFailure} << QString() << qint64(-1);
    QTest::addRow("501 GatewayError") << 201 << json << one(501, "GatewayError") << QByteArray() << Kind::Answered
                                      << QList{Outcome::TransientFailure} << QString() << qint64(-1);
    QTest::addRow("502 RejectedByGateway") << 201 << json << one(502, "RejectedByGateway") << QByteArray() << Kind::Answered
                                           << QList{Outcome::TransientFailure} << QString() << qint64(-1);
    QTest::addRow("statusCode as a string")
        << 201 << json
        << recipientsBody(R"({"statusCode":"101","number":"+254712345678","status":"Success","messageId":"ATXid_1"})")
        << QByteArray() << Kind::Answered << QList{Outcome::Accepted} << QString() << qint64(-1);
    QTest::addRow("no statusCode, Success") << 201 << json
                                            << recipientsBody(
                                                   R"({"number":"+254712345678","status":"Success","messageId":"ATXid_1"})")
                                            << QByteArray() << Kind::Answered << QList{Outcome::Accepted} << QString()
                                            << qint64(-1);
    QTest::addRow("no statusCode, Could Not Send")
        << 201 << json << recipientsBody(R"({"number":"+254712345678","status":"Could Not Send","messageId":"None"})")
        << QByteArray() << Kind::Answered << QList{Outcome::TransientFailure} << QString() << qint64(-1);
    QTest::addRow("no statusCode, UserInBlacklist")
        << 201 << json << recipientsBody(R"({"number":"+254712345678","status":"UserInBlacklist","messageId":"None"})")
        << QByteArray() << Kind::Answered << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("lower-case keys")
        << 201 << json
        << QByteArray(
               R"({"smsMessageData":{"message":"Sent","recipients":[{"statuscode":101,"number":"+254712345678","status":"Success","messageid":"ATXid_1"}]}})")
        << QByteArray() << Kind::Answered << QList{Outcome::Accepted} << QString() << qint64(-1);
    QTest::addRow("InvalidSenderId, no Recipients")
        << 201 << json << QByteArray(R"({"SMSMessageData":{"Message":"InvalidSenderId","Recipients":[]}})") << QByteArray()
        << Kind::Refused << QList<Outcome>{} << u"sender ID"_s << qint64(-1);
    QTest::addRow("InsufficientBalance, no Recipients")
        << 201 << json << QByteArray(R"({"SMSMessageData":{"Message":"InsufficientBalance","Recipients":[]}})") << QByteArray()
        << Kind::NotTaken << QList<Outcome>{} << u"run out of credit"_s << qint64(-1);
    QTest::addRow("other reason, no Recipients")
        << 201 << json << QByteArray(R"({"SMSMessageData":{"Message":"Some New Reason","Recipients":[]}})") << QByteArray()
        << Kind::Refused << QList<Outcome>{} << u"Some New Reason"_s << qint64(-1);
    QTest::addRow("no Recipients, no reason")
        << 201 << json << QByteArray(R"({"SMSMessageData":{"Message":"","Recipients":[]}})") << QByteArray() << Kind::Uncertain
        << QList<Outcome>{} << u"without saying"_s << qint64(-1);
    QTest::addRow("malformed JSON") << 201 << json << QByteArray(R"({"SMSMessageData":{"Message":"Sent to 1/1","Recip)")
                                    << QByteArray() << Kind::Uncertain << QList<Outcome>{} << unexpected << qint64(-1);
    QTest::addRow("JSON of another shape") << 201 << json << QByteArray(R"({"status":"ok"})") << QByteArray() << Kind::Uncertain
                                           << QList<Outcome>{} << unexpected << qint64(-1);
    QTest::addRow("HTML page") << 200 << QByteArray("text/html")
                               << QByteArray("<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>") << QByteArray()
                               << Kind::Uncertain << QList<Outcome>{} << unexpected << qint64(-1);
    QTest::addRow("XML (Accept ignored)")
        << 201 << QByteArray("application/xml")
        << QByteArray("<?xml version=\"1.0\"?><AfricasTalkingResponse><SMSMessageData><Message>Sent to 1/1</Message>"
                      "</SMSMessageData></AfricasTalkingResponse>")
        << QByteArray() << Kind::Uncertain << QList<Outcome>{} << unexpected << qint64(-1);
    QTest::addRow("204 empty") << 204 << QByteArray() << QByteArray() << QByteArray() << Kind::Uncertain << QList<Outcome>{}
                               << unexpected << qint64(-1);
    QTest::addRow("HTTP 401 plain text") << 401 << textPlain << QByteArray("The supplied authentication is invalid")
                                         << QByteArray() << Kind::Refused << QList<Outcome>{} << credentials << qint64(-1);
    QTest::addRow("HTTP 403 empty") << 403 << textPlain << QByteArray() << QByteArray() << Kind::Refused << QList<Outcome>{}
                                    << credentials << qint64(-1);
    QTest::addRow("HTTP 400 with the auth text")
        << 400 << textPlain << QByteArray("The supplied authentication is invalid") << QByteArray() << Kind::Refused
        << QList<Outcome>{} << credentials << qint64(-1);
    QTest::addRow("HTTP 500") << 500 << textPlain << QByteArray("Internal Server Error") << QByteArray() << Kind::NotTaken
                              << QList<Outcome>{} << u"error 500"_s << qint64(-1);
    QTest::addRow("HTTP 502 HTML") << 502 << QByteArray("text/html") << QByteArray("<html>Bad Gateway</html>") << QByteArray()
                                   << Kind::NotTaken << QList<Outcome>{} << u"error 502"_s << qint64(-1);
    QTest::addRow("HTTP 503 Retry-After 7") << 503 << textPlain << QByteArray("busy") << QByteArray("7") << Kind::NotTaken
                                            << QList<Outcome>{} << QString() << qint64(7000);
    QTest::addRow("HTTP 429 Retry-After 3") << 429 << textPlain << QByteArray("Too Many Requests") << QByteArray("3")
                                            << Kind::NotTaken << QList<Outcome>{} << u"slow down"_s << qint64(3000);
    QTest::addRow("HTTP 429 no Retry-After")
        << 429 << textPlain << QByteArray() << QByteArray() << Kind::NotTaken << QList<Outcome>{} << u"slow down"_s << qint64(-1);
    QTest::addRow("HTTP 409 with Recipients") << 409 << json << one(409, "DoNotDisturbRejection") << QByteArray()
                                              << Kind::Answered << QList{Outcome::PermanentFailure} << QString() << qint64(-1);
    QTest::addRow("HTTP 400 plain reason") << 400 << textPlain << QByteArray("Request is missing required form field 'to'")
                                           << QByteArray() << Kind::Refused << QList<Outcome>{}
                                           << u"missing required form field"_s << qint64(-1);
    QTest::addRow("HTTP 400 InvalidSenderId JSON")
        << 400 << json << QByteArray(R"({"SMSMessageData":{"Message":"InvalidSenderId","Recipients":[]}})") << QByteArray()
        << Kind::Refused << QList<Outcome>{} << u"sender ID"_s << qint64(-1);
    QTest::addRow("HTTP 404") << 404 << QByteArray("text/html") << QByteArray("<html>Not Found</html>") << QByteArray()
                              << Kind::Refused << QList<Outcome>{} << u"error 404"_s << qint64(-1);
    QTest::addRow("HTTP 302 redirect") << 302 << textPlain << QByteArray() << QByteArray() << Kind::Refused << QList<Outcome>{}
                                       << u"gateway address"_s << qint64(-1);
}

void TestAfricasTalkingGateway::classifiesAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(Kind, kind);
    QFETCH(QList<Outcome>, outcomes);
    QFETCH(QString, messageContains);
    QFETCH(qint64, retryAfterMs);

    ScriptedAnswer answer;
    answer.status = status;
    answer.body = body;
    if (!contentType.isEmpty())
        answer.withHeader("Content-Type", contentType);
    if (!retryAfter.isEmpty())
        answer.withHeader("Retry-After", retryAfter);
    if (status == 302)
        answer.withHeader("Location", "https://example.org/elsewhere");
    m_fake->enqueue(answer);

    const auto result = sendAndWait(*m_gateway, request());
    QVERIFY(result);
    QCOMPARE(result->kind, kind);
    QCOMPARE(result->httpStatus, status);
    QList<Outcome> got;
    for (const RecipientResult &r : result->recipients)
        got.append(r.outcome);
    QCOMPARE(got, outcomes);
    for (const RecipientResult &r : result->recipients)
        QCOMPARE(r.phone, kFirst);
    if (!messageContains.isEmpty())
        QVERIFY2(result->message.contains(messageContains, Qt::CaseInsensitive), qPrintable(result->message));
    else
        QVERIFY(kind == Kind::Answered || !result->message.isEmpty());
    QCOMPARE(result->retryAfterMs.value_or(-1), retryAfterMs);
    QCOMPARE(m_fake->requestCount(), 1);
}

void TestAfricasTalkingGateway::readsRetryAfterAsDate()
{
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(20);
    const QByteArray date = QLocale::c().toString(when, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
    m_fake->enqueue(ScriptedAnswer::text(503, "busy").withHeader("Retry-After", date));
    const auto result = sendAndWait(*m_gateway, request());
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::NotTaken);
    QVERIFY(!result->unreachable); // it answered: busy, not offline
    QVERIFY2(result->retryAfterMs.has_value(), date.constData());
    QVERIFY2(*result->retryAfterMs > 15'000 && *result->retryAfterMs <= 21'000,
             qPrintable(QString::number(*result->retryAfterMs)));
}

void TestAfricasTalkingGateway::perRecipientMix()
{
    const QString third = u"+254722000333"_s;
    const QString fourth = u"+254700000444"_s;
    const QByteArray body
        = recipientsBody(recipient(101, kFirst, "Success", "ATXid_aaa") + ',' + recipient(406, kSecond, "UserInBlacklist", "None")
                             + ',' + recipient(405, third, "InsufficientBalance", "None"),
                         "Sent to 1/4 Total Cost: KES 0.8000");
    m_fake->enqueue(ScriptedAnswer::json(201, body));
    const auto result = sendAndWait(*m_gateway, request({kFirst, kSecond, third, fourth}));
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Answered);
    QCOMPARE(result->message, u"Sent to 1/4 Total Cost: KES 0.8000"_s);
    // The fourth number is missing from the answer: the dispatcher will treat it as uncertain.
    QCOMPARE(result->recipients.size(), 3);
    const RecipientResult &a = result->recipients[0];
    QCOMPARE(a.phone, kFirst);
    QCOMPARE(a.outcome, Outcome::Accepted);
    QCOMPARE(a.messageId, u"ATXid_aaa"_s);
    QCOMPARE(a.status, u"Success"_s);
    QCOMPARE(a.statusCode, 101);
    QCOMPARE(a.cost, u"KES 0.8000"_s);
    QCOMPARE(a.parts, 1);
    const RecipientResult &b = result->recipients[1];
    QCOMPARE(b.phone, kSecond);
    QCOMPARE(b.outcome, Outcome::PermanentFailure);
    QCOMPARE(b.messageId, QString()); // "None"
    QCOMPARE(b.status, u"UserInBlacklist"_s);
    QCOMPARE(b.statusCode, 406);
    QCOMPARE(result->recipients[2].outcome, Outcome::TransientFailure);
}

void TestAfricasTalkingGateway::invalidSenderIdComesBackRefused()
{
    m_fake->enqueue(ScriptedAnswer::json(201, R"({"SMSMessageData":{"Message":"InvalidSenderId","Recipients":[]}})"));
    const auto result = sendAndWait(*m_gateway, request({kFirst}, u"Habari"_s, u"NEWCHURCH"_s));
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Refused);
    QVERIFY(result->recipients.isEmpty());
    QVERIFY2(result->message.contains(u"“NEWCHURCH”"_s), qPrintable(result->message));
}

void TestAfricasTalkingGateway::timeoutIsUncertain()
{
    useTimeout(300);
    m_fake->enqueue(ScriptedAnswer::neverAnswer());
    QElapsedTimer timer;
    timer.start();
    const auto result = sendAndWait(*m_gateway, request());
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Uncertain);
    QVERIFY(result->recipients.isEmpty());
    QVERIFY2(result->message.contains(u"did not answer in time"_s), qPrintable(result->message));
    QVERIFY(timer.elapsed() < 3000);
    QCOMPARE(m_fake->requestCount(), 1);
}

void TestAfricasTalkingGateway::slowAnswerPastTimeoutIsUncertain()
{
    useTimeout(300);
    m_fake->enqueue(ScriptedAnswer::json(201, recipientsBody(recipient(101, kFirst, "Success"))).after(1500));
    const auto result = sendAndWait(*m_gateway, request());
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Uncertain);
    // A slow answer within the timeout is fine.
    useTimeout(2000);
    m_fake->enqueue(ScriptedAnswer::json(201, recipientsBody(recipient(101, kFirst, "Success"))).after(200));
    const auto second = sendAndWait(*m_gateway, request());
    QVERIFY(second);
    QCOMPARE(second->kind, Kind::Answered);
}

void TestAfricasTalkingGateway::closedConnectionIsUncertainAndNotResent()
{
    m_fake->enqueue(ScriptedAnswer::closeConnection());
    m_fake->enqueue(ScriptedAnswer::closeConnection());
    m_fake->enqueue(ScriptedAnswer::closeConnection());
    const auto result = sendAndWait(*m_gateway, request());
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::Uncertain);
    QVERIFY2(result->message.contains(u"broke"_s), qPrintable(result->message));
    // Qt must not have replayed the POST on a new connection: a member must not get the text twice.
    QTest::qWait(100);
    QCOMPARE(m_fake->requestCount(), 1);

    // Closing after a delay (the request clearly went out) is the same.
    m_fake->clearRequests();
    while (m_fake->queuedAnswers() > 0)
        QVERIFY(sendAndWait(*m_gateway, request())); // drain the script
    m_fake->clearRequests();
    m_fake->enqueue(ScriptedAnswer::closeConnection(100));
    const auto delayed = sendAndWait(*m_gateway, request());
    QVERIFY(delayed);
    QCOMPARE(delayed->kind, Kind::Uncertain);
    QTest::qWait(100);
    QCOMPARE(m_fake->requestCount(), 1);
}

void TestAfricasTalkingGateway::connectionRefusedIsNotTaken()
{
    QUrl closed(u"http://127.0.0.1"_s);
    closed.setPort(closedPort());
    AfricasTalkingGateway gateway(settingsFor(closed), *m_network);
    const auto result = sendAndWait(gateway, request());
    QVERIFY(result);
    QCOMPARE(result->kind, Kind::NotTaken);
    QCOMPARE(result->httpStatus, 0);
    QVERIFY(result->recipients.isEmpty());
    QVERIFY2(result->message.contains(u"could not connect"_s), qPrintable(result->message));
    QVERIFY(result->unreachable); // the dispatcher waits for the connection
}

void TestAfricasTalkingGateway::manyRequestsInFlight()
{
    QList<std::optional<SendResult>> results(24);
    for (int i = 0; i < results.size(); ++i) {
        const QString phone = u"+2547100000%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        m_gateway->send(request({phone}), [&results, i](SendResult r) { results[i] = std::move(r); });
    }
    QCOMPARE(m_gateway->requestsInFlight(), 24);
    QVERIFY(QTest::qWaitFor(
        [&] { return std::all_of(results.cbegin(), results.cend(), [](const auto &r) { return r.has_value(); }); }, 5000));
    for (int i = 0; i < results.size(); ++i) {
        QCOMPARE(results[i]->kind, Kind::Answered);
        QCOMPARE(results[i]->recipients.size(), 1);
        QCOMPARE(results[i]->recipients[0].phone, u"+2547100000%1"_s.arg(i, 2, 10, QLatin1Char('0')));
    }
    QCOMPARE(m_gateway->requestsInFlight(), 0);
    QCOMPARE(m_fake->requestCount(), 24);
}

// Sends to one number each go out side by side, each on a connection of its own, up to the HTTP
// client's limit (16); the rest wait for a connection instead of opening more.
void TestAfricasTalkingGateway::sendsSideBySideUpToTheConnectionLimit()
{
    for (int i = 0; i < 24; ++i)
        m_fake->enqueue(ScriptedAnswer::neverAnswer());
    int called = 0;
    for (int i = 0; i < 24; ++i) {
        const QString phone = u"+2547100000%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        m_gateway->send(request({phone}), [&called](SendResult) { ++called; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->requestCount(), 16, 5000);
    QTest::qWait(300);
    QCOMPARE(m_fake->requestCount(), 16);
    QCOMPARE(m_gateway->requestsInFlight(), 24);
    QCOMPARE(called, 0);
    // Each request went out whole, with its headers.
    QCOMPARE(m_fake->lastRequest().header("apiKey"), kKey.toUtf8());
    QCOMPARE(m_fake->lastRequest().field(u"username"_s), u"kanisa"_s);
}

void TestAfricasTalkingGateway::destroyingTheGatewayDropsCallbacks()
{
    m_fake->enqueue(ScriptedAnswer::neverAnswer());
    bool called = false;
    m_gateway->send(request(), [&called](SendResult) { called = true; });
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->requestCount(), 1, 5000);
    m_gateway.reset();
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestAfricasTalkingGateway::refusesLocallyWithoutSending_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("apiKey");
    QTest::addColumn<QStringList>("phones");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("messageContains");

    QTest::addRow("no API key") << u"kanisa"_s << QString() << QStringList{kFirst} << u"Habari"_s << QString() << u"API key"_s;
    QTest::addRow("no username") << QString() << kKey << QStringList{kFirst} << u"Habari"_s << QString() << u"username"_s;
    QTest::addRow("no numbers") << u"kanisa"_s << kKey << QStringList{} << u"Habari"_s << QString() << u"phone number"_s;
    QTest::addRow("empty text") << u"kanisa"_s << kKey << QStringList{kFirst} << QString() << QString() << u"empty"_s;
    QTest::addRow("bad sender ID") << u"kanisa"_s << kKey << QStringList{kFirst} << u"Habari"_s << u"St. Mark's"_s
                                   << u"not allowed"_s;
}

void TestAfricasTalkingGateway::refusesLocallyWithoutSending()
{
    QFETCH(QString, username);
    QFETCH(QString, apiKey);
    QFETCH(QStringList, phones);
    QFETCH(QString, text);
    QFETCH(QString, sender);
    QFETCH(QString, messageContains);

    auto settings = settingsFor(m_fake->url());
    settings.username = username;
    settings.apiKey = apiKey;
    AfricasTalkingGateway gateway(settings, *m_network);
    bool calledAtOnce = true;
    std::optional<SendResult> result;
    gateway.send(SendRequest{text, phones, sender}, [&result](SendResult r) { result = std::move(r); });
    calledAtOnce = result.has_value();
    QVERIFY2(!calledAtOnce, "the callback must not run inside send()");
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 2000);
    QCOMPARE(result->kind, Kind::Refused);
    QVERIFY2(result->message.contains(messageContains), qPrintable(result->message));
    QCOMPARE(m_fake->requestCount(), 0);
}

void TestAfricasTalkingGateway::balanceReadsUserDataInAnyCase_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("UserData (Node and PHP SDK tests)") << QByteArray(R"({"UserData":{"balance":"KES 1785.50"}})");
    QTest::addRow("userData (docs example)") << QByteArray(R"({"userData":{"balance":"KES 1785.50"}})");
    QTest::addRow("USERDATA") << QByteArray(R"({"USERDATA":{"Balance":"KES 1785.50"}})");
}

void TestAfricasTalkingGateway::balanceReadsUserDataInAnyCase()
{
    QFETCH(QByteArray, body);
    m_fake->enqueue(ScriptedAnswer::json(200, body));
    const auto result = balanceAndWait(*m_gateway);
    QVERIFY(result);
    QVERIFY2(result->has_value(), result->has_value() ? "" : qPrintable(result->error().message));
    QCOMPARE((*result)->text, u"KES 1785.50"_s);
    const auto &r = m_fake->lastRequest();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.path, u"/version1/user"_s);
    QCOMPARE(r.query.queryItemValue(u"username"_s), u"kanisa"_s);
    QCOMPARE(r.header("apiKey"), kKey.toUtf8());
    QCOMPARE(r.header("Accept"), QByteArray("application/json"));
}

void TestAfricasTalkingGateway::balanceErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<kengele::ErrorCode>("code");
    QTest::addRow("bad key") << 401 << QByteArray("The supplied authentication is invalid") << kengele::ErrorCode::InvalidInput;
    QTest::addRow("server error") << 500 << QByteArray("oops") << kengele::ErrorCode::Io;
    QTest::addRow("no UserData") << 200 << QByteArray(R"({"something":"else"})") << kengele::ErrorCode::Unsupported;
    QTest::addRow("HTML") << 200 << QByteArray("<html></html>") << kengele::ErrorCode::Unsupported;
}

void TestAfricasTalkingGateway::balanceErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(kengele::ErrorCode, code);
    m_fake->enqueue(ScriptedAnswer::text(status, body));
    const auto result = balanceAndWait(*m_gateway);
    QVERIFY(result);
    QVERIFY(!result->has_value());
    QCOMPARE(result->error().code, code);
    QVERIFY(!result->error().message.isEmpty());
}

void TestAfricasTalkingGateway::balanceOnClosedPort()
{
    QUrl closed(u"http://127.0.0.1"_s);
    closed.setPort(closedPort());
    AfricasTalkingGateway gateway(settingsFor(closed), *m_network);
    const auto result = balanceAndWait(gateway);
    QVERIFY(result);
    QVERIFY(!result->has_value());
    QCOMPARE(result->error().code, kengele::ErrorCode::Io);
}

void TestAfricasTalkingGateway::validatesSettings_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<AfricasTalkingGateway::Environment>("environment");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("errorContains"); // empty: valid

    using Env = AfricasTalkingGateway::Environment;
    QTest::addRow("live app") << u"kanisa"_s << Env::Live << QString() << QString();
    QTest::addRow("sandbox") << u"sandbox"_s << Env::Sandbox << QString() << QString();
    QTest::addRow("sandbox with the app's name") << u"kanisa"_s << Env::Sandbox << QString() << u"always “sandbox”"_s;
    QTest::addRow("live with sandbox") << u"sandbox"_s << Env::Live << QString() << u"only works in the"_s;
    QTest::addRow("no username") << u"  "_s << Env::Live << QString() << u"username"_s;
    QTest::addRow("base URL") << u"anything"_s << Env::Sandbox << u"http://127.0.0.1:8080"_s << QString();
    QTest::addRow("base URL with a path") << u"anything"_s << Env::Live << u"https://at.example.org/proxy/"_s << QString();
    QTest::addRow("ftp base URL") << u"kanisa"_s << Env::Live << u"ftp://example.org"_s << u"cannot be used"_s;
    QTest::addRow("base URL without host") << u"kanisa"_s << Env::Live << u"http://"_s << u"cannot be used"_s;
}

void TestAfricasTalkingGateway::validatesSettings()
{
    QFETCH(QString, username);
    QFETCH(AfricasTalkingGateway::Environment, environment);
    QFETCH(QString, baseUrl);
    QFETCH(QString, errorContains);
    AfricasTalkingGateway::Settings s;
    s.username = username;
    s.apiKey = kKey;
    s.environment = environment;
    s.baseUrl = QUrl(baseUrl);
    const kengele::Status status = AfricasTalkingGateway::validate(s);
    if (errorContains.isEmpty()) {
        QVERIFY2(status.has_value(), status.has_value() ? "" : qPrintable(status.error().message));
    } else {
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, kengele::ErrorCode::InvalidInput);
        QVERIFY2(status.error().message.contains(errorContains), qPrintable(status.error().message));
    }
}

void TestAfricasTalkingGateway::hostsAndNames()
{
    using Env = AfricasTalkingGateway::Environment;
    QCOMPARE(AfricasTalkingGateway::hostFor(Env::Live), QUrl(u"https://api.africastalking.com"_s));
    QCOMPARE(AfricasTalkingGateway::hostFor(Env::Sandbox), QUrl(u"https://api.sandbox.africastalking.com"_s));

    AfricasTalkingGateway::Settings s;
    s.username = u"kanisa"_s;
    s.apiKey = kKey;
    AfricasTalkingGateway live(s, *m_network);
    QCOMPARE(live.baseUrl(), QUrl(u"https://api.africastalking.com"_s));
    QCOMPARE(live.displayName(), u"Africa's Talking (live)"_s);
    QVERIFY(!live.isSimulation());
    QCOMPARE(live.maxRecipientsPerRequest(), 100);

    s.username = u"sandbox"_s;
    s.environment = Env::Sandbox;
    AfricasTalkingGateway sandbox(s, *m_network);
    QCOMPARE(sandbox.baseUrl(), QUrl(u"https://api.sandbox.africastalking.com"_s));
    QCOMPARE(sandbox.displayName(), u"Africa's Talking (sandbox)"_s);

    QCOMPARE(m_gateway->displayName(), u"Africa's Talking at 127.0.0.1:%1"_s.arg(m_fake->port()));
    QVERIFY(!m_gateway->isSimulation());

    // A base URL with a path prefix keeps it.
    QUrl prefixed = m_fake->url();
    prefixed.setPath(u"/at/"_s);
    AfricasTalkingGateway behindProxy(settingsFor(prefixed), *m_network);
    QVERIFY(sendAndWait(behindProxy, request()));
    QCOMPARE(m_fake->lastRequest().path, u"/at/version1/messaging"_s);
}

void TestAfricasTalkingGateway::simulationOnlyOnLoopback()
{
    auto simulation = AfricasTalkingGateway::createSimulation(m_fake->url(), *m_network);
    QVERIFY(simulation);
    QVERIFY(simulation->isSimulation());
    QCOMPARE(simulation->displayName(), u"Practice mode — no SMS leaves this computer"_s);
    QVERIFY(AfricasTalkingGateway::createSimulation(QUrl(u"http://localhost:1234"_s), *m_network));
    QVERIFY(AfricasTalkingGateway::createSimulation(QUrl(u"http://[::1]:1234"_s), *m_network));
    QVERIFY(!AfricasTalkingGateway::createSimulation(QUrl(u"https://api.africastalking.com"_s), *m_network));
    QVERIFY(!AfricasTalkingGateway::createSimulation(QUrl(u"http://192.168.1.10:8080"_s), *m_network));
}

void TestAfricasTalkingGateway::validatesSenderIds_data()
{
    QTest::addColumn<QString>("senderId");
    QTest::addColumn<QString>("errorContains"); // empty: valid

    QTest::addRow("empty: the default") << QString() << QString();
    QTest::addRow("11 letters") << u"GRACECHURCH"_s << QString();
    QTest::addRow("letters digits spaces") << u"PCEA Kikuyu"_s << QString();
    QTest::addRow("mixed case") << u"StMarks"_s << QString();
    QTest::addRow("short code") << u"20414"_s << QString();
    QTest::addRow("3-digit code") << u"123"_s << QString();
    QTest::addRow("12 characters") << u"GRACE CHURCH"_s << u"at most 11 characters"_s;
    QTest::addRow("2 digits") << u"12"_s << u"3 to 8 digits"_s;
    QTest::addRow("9 digits") << u"254712345"_s << u"3 to 8 digits"_s;
    QTest::addRow("phone number") << u"+254712345678"_s << u"“+” is not allowed"_s;
    QTest::addRow("underscore") << u"KANISA_1"_s << u"“_” is not allowed"_s;
    QTest::addRow("apostrophe") << u"St Mark's"_s << u"“'” is not allowed"_s;
    QTest::addRow("accented letter") << u"Église"_s << u"“É” is not allowed"_s;
    QTest::addRow("emoji") << u"Kanisa🙏"_s << u"“🙏” is not allowed"_s;
    QTest::addRow("leading space") << u" KANISA"_s << u"spaces at the start and end"_s;
}

void TestAfricasTalkingGateway::validatesSenderIds()
{
    QFETCH(QString, senderId);
    QFETCH(QString, errorContains);
    const kengele::Status status = AfricasTalkingGateway::validateSenderId(senderId);
    if (errorContains.isEmpty()) {
        QVERIFY2(status.has_value(), status.has_value() ? "" : qPrintable(status.error().message));
    } else {
        QVERIFY(!status.has_value());
        QCOMPARE(status.error().code, kengele::ErrorCode::InvalidInput);
        QVERIFY2(status.error().message.contains(errorContains), qPrintable(status.error().message));
    }
}

QTEST_GUILESS_MAIN(TestAfricasTalkingGateway)
#include "TestAfricasTalkingGateway.moc"
