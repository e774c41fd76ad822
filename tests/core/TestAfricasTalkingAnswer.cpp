// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "gateway/AfricasTalkingAnswer.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;
using kengele::AfricasTalkingAnswer;
using kengele::HttpResponse;
using kengele::RecipientResult;
using kengele::SendRequest;
using kengele::SendResult;

using Outcome = RecipientResult::Outcome;
using Kind = SendResult::Kind;
using Failure = HttpResponse::Failure;

Q_DECLARE_METATYPE(SendResult::Kind)
Q_DECLARE_METATYPE(RecipientResult::Outcome)
Q_DECLARE_METATYPE(HttpResponse::Failure)
Q_DECLARE_METATYPE(HttpResponse)

namespace {

const QString kFirst = u"+254712345678"_s;

SendRequest request(QString sender = {})
{
    return SendRequest{u"Karibu"_s, {kFirst}, std::move(sender)};
}

HttpResponse answer(int status, QByteArray body, Failure failure = Failure::None, QByteArray retryAfter = {})
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.failure = failure;
    r.retryAfter = std::move(retryAfter);
    return r;
}

QByteArray oneRecipient(int code, const char *status, const char *messageId = "ATXid_1")
{
    return R"({"SMSMessageData":{"Message":"Sent to 1/1","Recipients":[{"statusCode":)" + QByteArray::number(code)
        + R"(,"number":"+254712345678","status":")" + status + R"(","cost":"KES 0.8000","messageId":")" + messageId
        + R"(","messageParts":1}]}})";
}

QByteArray reasonOnly(const char *reason)
{
    return R"({"SMSMessageData":{"Message":")" + QByteArray(reason) + R"(","Recipients":[]}})";
}

} // namespace

// The answers of Africa's Talking sorted without a network: what each HTTP answer, transport
// failure and per-number status means for the messages.
class TestAfricasTalkingAnswer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendAnswersAreSorted_data();
    void sendAnswersAreSorted();
    void recipientOutcomes_data();
    void recipientOutcomes();
    void answeredCarriesEachNumber();
    void theRefusedSenderIdIsNamed();
    void retryAfterIsReadInSecondsOrAsADate();
    void balanceAnswers();
};

void TestAfricasTalkingAnswer::sendAnswersAreSorted_data()
{
    QTest::addColumn<HttpResponse>("response");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("unreachable");

    QTest::newRow("refused connection") << answer(0, {}, Failure::NotConnected) << Kind::NotTaken << true;
    QTest::newRow("TLS failed") << answer(0, {}, Failure::Tls) << Kind::NotTaken << true;
    QTest::newRow("timed out") << answer(0, {}, Failure::TimedOut) << Kind::Uncertain << false;
    QTest::newRow("broken after sending") << answer(0, {}, Failure::Broken) << Kind::Uncertain << false;
    QTest::newRow("2xx cut off") << answer(201, oneRecipient(101, "Success"), Failure::Broken) << Kind::Uncertain << false;
    QTest::newRow("2xx with recipients") << answer(201, oneRecipient(101, "Success")) << Kind::Answered << false;
    QTest::newRow("2xx not JSON") << answer(201, "<html>oops</html>") << Kind::Uncertain << false;
    QTest::newRow("2xx no recipients, no reason") << answer(201, reasonOnly("")) << Kind::Uncertain << false;
    QTest::newRow("2xx InvalidSenderId") << answer(201, reasonOnly("InvalidSenderId")) << Kind::Refused << false;
    QTest::newRow("2xx InsufficientBalance") << answer(201, reasonOnly("InsufficientBalance")) << Kind::NotTaken << false;
    QTest::newRow("2xx says authentication invalid")
        << answer(200, "The supplied authentication is invalid") << Kind::Refused << false;
    QTest::newRow("401") << answer(401, "The supplied authentication is invalid") << Kind::Refused << false;
    QTest::newRow("403") << answer(403, {}) << Kind::Refused << false;
    QTest::newRow("429") << answer(429, "Too Many Requests") << Kind::NotTaken << false;
    QTest::newRow("500") << answer(500, "Internal Server Error") << Kind::NotTaken << false;
    QTest::newRow("503") << answer(503, {}) << Kind::NotTaken << false;
    QTest::newRow("302") << answer(302, {}) << Kind::Refused << false;
    QTest::newRow("400 plain text") << answer(400, "Request is missing required form field 'to'") << Kind::Refused << false;
    QTest::newRow("409 with recipients") << answer(409, oneRecipient(409, "DoNotDisturbRejection")) << Kind::Answered << false;
}

void TestAfricasTalkingAnswer::sendAnswersAreSorted()
{
    QFETCH(HttpResponse, response);
    QFETCH(Kind, kind);
    QFETCH(bool, unreachable);
    const SendResult result = AfricasTalkingAnswer::send(response, request());
    QCOMPARE(result.kind, kind);
    QCOMPARE(result.unreachable, unreachable);
    QCOMPARE(result.httpStatus, response.status);
    if (kind != Kind::Answered)
        QVERIFY(!result.message.isEmpty()); // people are told what happened
}

void TestAfricasTalkingAnswer::recipientOutcomes_data()
{
    QTest::addColumn<int>("statusCode");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("messageId");
    QTest::addColumn<Outcome>("outcome");

    QTest::newRow("101 Sent") << 101 << u"Success"_s << u"ATXid_1"_s << Outcome::Accepted;
    QTest::newRow("102 Queued") << 102 << u"Queued"_s << u"ATXid_1"_s << Outcome::Accepted;
    QTest::newRow("another 1xx") << 199 << QString() << QString() << Outcome::Accepted;
    QTest::newRow("403 InvalidPhoneNumber") << 403 << u"InvalidPhoneNumber"_s << QString() << Outcome::PermanentFailure;
    QTest::newRow("406 UserInBlacklist") << 406 << u"UserInBlacklist"_s << QString() << Outcome::PermanentFailure;
    QTest::newRow("another 4xx") << 499 << QString() << QString() << Outcome::PermanentFailure;
    QTest::newRow("405 InsufficientBalance") << 405 << u"InsufficientBalance"_s << QString() << Outcome::TransientFailure;
    QTest::newRow("502 RejectedByGateway") << 502 << u"RejectedByGateway"_s << QString() << Outcome::TransientFailure;
    QTest::newRow("another 5xx") << 599 << QString() << QString() << Outcome::TransientFailure;
    QTest::newRow("text Success") << 0 << u"success"_s << QString() << Outcome::Accepted;
    QTest::newRow("text UserInBlacklist") << 0 << u"UserInBlacklist"_s << u"ATXid_1"_s << Outcome::PermanentFailure;
    QTest::newRow("text Could Not Send") << 0 << u"Could Not Send"_s << u"ATXid_1"_s << Outcome::TransientFailure;
    QTest::newRow("unknown text, no id") << 0 << u"Mystery"_s << QString() << Outcome::TransientFailure;
    QTest::newRow("unknown text with an id") << 0 << u"Mystery"_s << u"ATXid_1"_s << Outcome::Accepted;
}

void TestAfricasTalkingAnswer::recipientOutcomes()
{
    QFETCH(int, statusCode);
    QFETCH(QString, status);
    QFETCH(QString, messageId);
    QFETCH(Outcome, outcome);
    QCOMPARE(AfricasTalkingAnswer::recipientOutcome(statusCode, status, messageId), outcome);
}

void TestAfricasTalkingAnswer::answeredCarriesEachNumber()
{
    // Keys in another case and numbers as strings, as AT sometimes writes them; "None" is no id.
    const QByteArray body
        = R"({"smsMessageData":{"message":"Sent to 1/2","recipients":[)"
          R"({"StatusCode":"101","Number":"+254712345678","Status":"Success","Cost":"KES 0.8000","MessageId":"ATXid_9","MessageParts":"2"},)"
          R"({"statusCode":406,"number":"+254733000111","status":"UserInBlacklist","cost":"0","messageId":"None"},)"
          R"({"statusCode":101,"status":"Success","messageId":"ATXid_x"}]}})";
    const SendResult result = AfricasTalkingAnswer::send(answer(201, body), request());
    QCOMPARE(result.kind, Kind::Answered);
    QCOMPARE(result.message, u"Sent to 1/2"_s);
    QCOMPARE(result.recipients.size(), 2); // the one without a number cannot be matched: left out
    QCOMPARE(result.recipients.at(0).phone, kFirst);
    QCOMPARE(result.recipients.at(0).outcome, Outcome::Accepted);
    QCOMPARE(result.recipients.at(0).statusCode, 101);
    QCOMPARE(result.recipients.at(0).messageId, u"ATXid_9"_s);
    QCOMPARE(result.recipients.at(0).cost, u"KES 0.8000"_s);
    QCOMPARE(result.recipients.at(0).parts, 2);
    QCOMPARE(result.recipients.at(1).outcome, Outcome::PermanentFailure);
    QVERIFY(result.recipients.at(1).messageId.isEmpty());
}

void TestAfricasTalkingAnswer::theRefusedSenderIdIsNamed()
{
    const SendResult named = AfricasTalkingAnswer::send(answer(201, reasonOnly("InvalidSenderId")), request(u"KANISA"_s));
    QCOMPARE(named.kind, Kind::Refused);
    QVERIFY(named.message.contains(u"KANISA"_s));
    const SendResult other = AfricasTalkingAnswer::send(answer(201, reasonOnly("SomethingElse")), request());
    QCOMPARE(other.kind, Kind::Refused);
    QVERIFY(other.message.contains(u"SomethingElse"_s));
    const SendResult before = AfricasTalkingAnswer::refusedBeforeSending(u"The message is empty."_s);
    QCOMPARE(before.kind, Kind::Refused);
    QCOMPARE(before.httpStatus, 0);
    QCOMPARE(before.message, u"The message is empty."_s);
}

void TestAfricasTalkingAnswer::retryAfterIsReadInSecondsOrAsADate()
{
    QCOMPARE(AfricasTalkingAnswer::retryAfterMs("7"), std::optional<qint64>(7000));
    QCOMPARE(AfricasTalkingAnswer::retryAfterMs(" -3 "), std::optional<qint64>(0));
    QCOMPARE(AfricasTalkingAnswer::retryAfterMs(""), std::nullopt);
    QCOMPARE(AfricasTalkingAnswer::retryAfterMs("soon"), std::nullopt);
    // Held to a day: a huge number of seconds must neither overflow nor put the retry off for ever.
    QCOMPARE(AfricasTalkingAnswer::retryAfterMs("9223372036854775"), std::optional<qint64>(86'400'000));
    QCOMPARE(AfricasTalkingAnswer::retryAfterMs("Fri, 31 Dec 9999 23:59:59 GMT"), std::optional<qint64>(86'400'000));
    QCOMPARE(AfricasTalkingAnswer::retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT"), std::optional<qint64>(0)); // past
    const QByteArray inAMinute = QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::RFC2822Date).toLatin1();
    const std::optional<qint64> later = AfricasTalkingAnswer::retryAfterMs(inAMinute);
    QVERIFY(later);
    QVERIFY2(*later > 55'000 && *later <= 60'000, QByteArray::number(*later).constData());

    // Read from the answer itself, on 429 and 503 alike.
    const SendResult slowDown = AfricasTalkingAnswer::send(answer(429, {}, Failure::None, "2"), request());
    QCOMPARE(slowDown.retryAfterMs, std::optional<qint64>(2000));
    const SendResult timedOut = AfricasTalkingAnswer::send(answer(0, {}, Failure::TimedOut, "2"), request());
    QCOMPARE(timedOut.retryAfterMs, std::nullopt);
}

void TestAfricasTalkingAnswer::balanceAnswers()
{
    const auto balance = AfricasTalkingAnswer::balance(answer(200, R"({"UserData":{"balance":"KES 1785.50"}})"));
    QVERIFY(balance);
    QCOMPARE(balance->text, u"KES 1785.50"_s);
    QCOMPARE(AfricasTalkingAnswer::balance(answer(200, R"({"userdata":{"Balance":12}})"))->text, u"12"_s);

    QCOMPARE(AfricasTalkingAnswer::balance(answer(0, {}, Failure::NotConnected)).error().code, kengele::ErrorCode::Io);
    QCOMPARE(AfricasTalkingAnswer::balance(answer(200, R"({"UserData":{"balance":"KES 1"}})", Failure::Broken)).error().code,
             kengele::ErrorCode::Io);
    QCOMPARE(AfricasTalkingAnswer::balance(answer(401, {})).error().code, kengele::ErrorCode::InvalidInput);
    QCOMPARE(AfricasTalkingAnswer::balance(answer(500, {})).error().code, kengele::ErrorCode::Io);
    QCOMPARE(AfricasTalkingAnswer::balance(answer(200, "<xml/>")).error().code, kengele::ErrorCode::Unsupported);
    QCOMPARE(AfricasTalkingAnswer::balance(answer(200, R"({"UserData":{}})")).error().code, kengele::ErrorCode::Unsupported);
}

QTEST_GUILESS_MAIN(TestAfricasTalkingAnswer)
#include "TestAfricasTalkingAnswer.moc"
