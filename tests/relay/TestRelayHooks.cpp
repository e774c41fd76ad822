// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The provider callbacks' validation (Hooks.h) without a server: what becomes an event, what is
// quarantined, and that an event's data is always strict JSON that PostgreSQL text can hold.
#include "Hooks.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace kengele::relay;

namespace {

const QByteArray StkCallback
    = R"({"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925",)"
      R"("ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[)"
      R"({"Name":"Amount","Value":1.00},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},{"Name":"Balance"},)"
      R"({"Name":"TransactionDate","Value":20191219102115},{"Name":"PhoneNumber","Value":254708374149}]}}}})";

// The STK callback with its receipt number replaced.
QByteArray stkWithReceipt(const QByteArray &receipt)
{
    QByteArray body = StkCallback;
    return body.replace("\"NLJ7RT61SV\"", receipt);
}

// An event's data as a strict reader of the feed needs it.
bool isCleanJson(const QByteArray &data)
{
    QJsonParseError error;
    QJsonDocument::fromJson(data, &error);
    return error.error == QJsonParseError::NoError && !strictJsonProblem(data) && !data.contains('\0')
        && !data.contains("\\u0000");
}

} // namespace

class TestRelayHooks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formFieldsWithNulOrControlCharactersAreMalformed_data();
    void formFieldsWithNulOrControlCharactersAreMalformed();
    void messageTextMayHoldLineBreaks();
    void darajaJsonMustBeStrict_data();
    void darajaJsonMustBeStrict();
    void darajaKeepsTheProvidersBytes();
    void strictJsonAcceptsWhatTheRfcAllows();
};

void TestRelayHooks::formFieldsWithNulOrControlCharactersAreMalformed_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    const int delivery = int(HookKind::AtDelivery);
    QTest::newRow("NUL in id") << delivery << QByteArray("id=ATXid_1%00&status=Success&phoneNumber=%2B254712345678")
                               << QStringLiteral("the field 'id' holds a control character");
    QTest::newRow("NUL in status") << delivery << QByteArray("id=ATXid_1&status=Succ%00ess")
                                   << QStringLiteral("the field 'status' holds a control character");
    QTest::newRow("NUL in phoneNumber") << delivery << QByteArray("id=ATXid_1&status=Success&phoneNumber=%00")
                                        << QStringLiteral("the field 'phoneNumber' holds a control character");
    QTest::newRow("NUL in networkCode") << delivery << QByteArray("id=ATXid_1&status=Success&networkCode=63902%00")
                                        << QStringLiteral("the field 'networkCode' holds a control character");
    QTest::newRow("NUL in failureReason") << delivery << QByteArray("id=ATXid_1&status=Failed&failureReason=%00x")
                                          << QStringLiteral("the field 'failureReason' holds a control character");
    QTest::newRow("line feed in id") << delivery << QByteArray("id=ATXid_1%0A&status=Success")
                                     << QStringLiteral("the field 'id' holds a control character");
    QTest::newRow("carriage return in status") << delivery << QByteArray("id=ATXid_1&status=Success%0D")
                                               << QStringLiteral("the field 'status' holds a control character");
    QTest::newRow("tab in phoneNumber") << delivery << QByteArray("id=ATXid_1&status=Success&phoneNumber=%2B2547%0912")
                                        << QStringLiteral("the field 'phoneNumber' holds a control character");
    QTest::newRow("escape in id") << delivery << QByteArray("id=%1B%5B2J&status=Success")
                                  << QStringLiteral("the field 'id' holds a control character");
    QTest::newRow("DEL in id") << delivery << QByteArray("id=ATX%7F&status=Success")
                               << QStringLiteral("the field 'id' holds a control character");
    QTest::newRow("C1 control in id") << delivery << QByteArray("id=ATX%C2%85&status=Success")
                                      << QStringLiteral("the field 'id' holds a control character");
    QTest::newRow("NUL in an unknown field") << delivery << QByteArray("id=ATXid_1&status=Success&extra=a%00b")
                                             << QStringLiteral("a form field holds a NUL character");
    QTest::newRow("control character in a field's name") << delivery << QByteArray("id=ATXid_1&status=Success&ex%0Atra=1")
                                                         << QStringLiteral("a form field's name holds a control character");
    QTest::newRow("NUL in text") << int(HookKind::AtInbound) << QByteArray("id=in_1&from=%2B254712345678&text=Hi%00")
                                 << QStringLiteral("the field 'text' holds a NUL character");
    QTest::newRow("newline in from") << int(HookKind::AtInbound) << QByteArray("id=in_1&from=%2B2547%0A&text=Hi")
                                     << QStringLiteral("the field 'from' holds a control character");
    QTest::newRow("NUL in senderId") << int(HookKind::AtOptOut) << QByteArray("senderId=KANISA%00&phoneNumber=%2B254712345679")
                                     << QStringLiteral("the field 'senderId' holds a control character");
}

void TestRelayHooks::formFieldsWithNulOrControlCharactersAreMalformed()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    const auto parsed = parseHook(HookKind(kind), body);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error(), reason);
}

void TestRelayHooks::messageTextMayHoldLineBreaks()
{
    const auto parsed
        = parseHook(HookKind::AtInbound, "id=in_1&from=%2B254712345678&text=Line+one%0D%0ALine%09two%1B&extra=a%0Ab");
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    QVERIFY(isCleanJson(parsed->data));
    const QJsonObject data = QJsonDocument::fromJson(parsed->data).object();
    QCOMPARE(data.value(QLatin1String("text")).toString(), QStringLiteral("Line one\r\nLine\ttwo\x1b"));
    QCOMPARE(data.value(QLatin1String("extra")).toString(), QStringLiteral("a\nb"));
    QCOMPARE(parsed->dedupeKey, QStringLiteral("in_1"));
}

void TestRelayHooks::darajaJsonMustBeStrict_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("raw NUL in a string") << stkWithReceipt(QByteArray("\"NLJ7\0RT61SV\"", 13));
    QTest::newRow("raw NUL between tokens") << stkWithReceipt(QByteArray("\"NLJ7RT61SV\"\0", 13));
    QTest::newRow("raw NUL at the end") << StkCallback + QByteArray(1, '\0');
    QTest::newRow("escaped NUL") << stkWithReceipt("\"NLJ7\\u0000RT61SV\"");
    QTest::newRow("raw line feed in a string") << stkWithReceipt("\"NLJ7\nRT61SV\"");
    QTest::newRow("raw tab in a string") << stkWithReceipt("\"NLJ7\tRT61SV\"");
    QTest::newRow("raw escape character in a string") << stkWithReceipt("\"NLJ7\x1bRT61SV\"");
    QTest::newRow("unknown escape") << stkWithReceipt("\"NLJ7\\xRT61SV\"");
    QTest::newRow("short unicode escape") << stkWithReceipt("\"NLJ7\\u12\"");
    QTest::newRow("number ending in a point") << stkWithReceipt("1.");
    QTest::newRow("number starting with a point") << stkWithReceipt(".5");
    QTest::newRow("number with a leading zero") << stkWithReceipt("01");
    QTest::newRow("number with a plus") << stkWithReceipt("+1");
    QTest::newRow("vertical tab as space") << stkWithReceipt("\v\"NLJ7RT61SV\"");
    QTest::newRow("trailing comma") << stkWithReceipt("\"NLJ7RT61SV\",");
    QTest::newRow("garbage after the object") << StkCallback + "x";
    QTest::newRow("too deeply nested") << stkWithReceipt(QByteArray(100, '[') + QByteArray(100, ']'));
}

void TestRelayHooks::darajaJsonMustBeStrict()
{
    QFETCH(QByteArray, body);
    const auto parsed = parseHook(HookKind::DarajaStk, body);
    QVERIFY2(!parsed, parsed ? parsed->data.constData() : "");
    QVERIFY(!parsed.error().isEmpty());
    QVERIFY2(!parsed.error().contains(QLatin1String("NLJ7")), qPrintable(parsed.error())); // never the body
    QVERIFY(strictJsonProblem(body));
}

void TestRelayHooks::darajaKeepsTheProvidersBytes()
{
    // Pretty-printed, with CRLF and tabs between tokens, and escapes inside strings.
    const QByteArray pretty = "{\r\n\t\"TransactionType\": \"Pay Bill\",\r\n\t\"TransID\": \"RKL51ZDR4F\",\r\n"
                              "\t\"TransAmount\": \"5.00\",\r\n\t\"BillRefNumber\": \"tithe \\\"kumi\\\" \\u00e9\\n\",\r\n"
                              "\t\"OrgAccountBalance\": 25.50e0\r\n}\r\n";
    auto parsed = parseHook(HookKind::DarajaConfirmation, pretty);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(parsed->data, pretty.trimmed());
    QCOMPARE(parsed->dedupeKey, QStringLiteral("RKL51ZDR4F"));
    QVERIFY(isCleanJson(parsed->data));
    // A byte order mark is dropped: the feed embeds the data in its own JSON.
    parsed = parseHook(HookKind::DarajaStk, "\xEF\xBB\xBF" + StkCallback);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    QCOMPARE(parsed->data, StkCallback);
    QVERIFY(isCleanJson(parsed->data));
    // An id with a control character (escaped, so the JSON itself is fine).
    QByteArray c2b = pretty;
    parsed = parseHook(HookKind::DarajaConfirmation, c2b.replace("RKL51ZDR4F", "RKL51\\nZDR4F"));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error(), QStringLiteral("the provider's id holds a control character"));
}

void TestRelayHooks::strictJsonAcceptsWhatTheRfcAllows()
{
    const QList<QByteArray> valid = {
        "{}",
        "[]",
        R"({"a":[1,-0,0.5,-1.5e+3,1E-2,2e10,true,false,null,"\u00e9\"\\\/\b\f\n\r\t\uD83D\uDE00",{},[]]})",
        " \t\r\n{ \"a\" : [ 1 , 2 ] } \n",
        "\"text\"",
        "0",
        "{\"\":\"\xc3\xa9\xe2\x82\xac\"}",
    };
    for (const QByteArray &json : valid)
        QVERIFY2(!strictJsonProblem(json),
                 qPrintable(strictJsonProblem(json).value_or(QString()) + u' ' + QString::fromUtf8(json)));
    const QList<QByteArray> invalid
        = {"",  " ",  "{",   "{\"a\"}",     "{\"a\":}", "{a:1}", "[1,]",       "[1 2]",          "nul", "truex",
           "-", "1e", "1e+", "\"\\u00g0\"", "\"abc",    "'a'",   "{\"a\":1}}", "\xEF\xBB\xBF{}", "NaN", "[Infinity]"};
    for (const QByteArray &json : invalid)
        QVERIFY2(strictJsonProblem(json), json.constData());
    QCOMPARE(*strictJsonProblem(QByteArray("{\"a\":\"x\0\"}", 10)),
             QStringLiteral("the body is not valid JSON (a NUL character at byte 7)"));
    QCOMPARE(*strictJsonProblem("{\"a\":\"x\\u0000\"}"),
             QStringLiteral("the body holds the escape \\u0000 (a NUL character) at byte 7"));
}

QTEST_GUILESS_MAIN(TestRelayHooks)
#include "TestRelayHooks.moc"
