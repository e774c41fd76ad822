// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The relay over real HTTP on loopback, every hook and API route, once on SQLite and once on
// PostgreSQL (KENGELE_TEST_POSTGRES; skipped without it, failed with KENGELE_REQUIRE_POSTGRES=1).
#include "RelayHarness.h"
#include "Secrets.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;

namespace {

const QByteArray DeliveryForm
    = "id=ATXid_1&status=Success&phoneNumber=%2B254712345678&networkCode=63902&failureReason=&retryCount=0";
const QByteArray StkCallback
    = R"({"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925",)"
      R"("ResultCode":0,"ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[)"
      R"({"Name":"Amount","Value":1.00},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},{"Name":"Balance"},)"
      R"({"Name":"TransactionDate","Value":20191219102115},{"Name":"PhoneNumber","Value":254708374149}]}}}})";
const QByteArray C2bBody
    = R"({"TransactionType":"Pay Bill","TransID":"RKL51ZDR4F","TransTime":"20231121121325","TransAmount":"5.00",)"
      R"("BusinessShortCode":"600966","BillRefNumber":"tithe","InvoiceNumber":"","OrgAccountBalance":"25.00",)"
      R"("ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"NAME","MiddleName":"","LastName":""})";

QUrl hook(const RelayHarness::Org &org, const char *key)
{
    return QUrl(org.hooks.value(QLatin1String(key)).toString());
}

// Every organisation's first event is its demo voucher (docs/relay.md): the hooks' events follow it.
constexpr qint64 DemoVoucher = 1;

QJsonArray eventList(const RelayHarness::Reply &reply)
{
    return reply.json().value(QLatin1String("events")).toArray();
}

QByteArray deliveryReport(int i)
{
    return "id=ATXid_batch" + QByteArray::number(i) + "&status=Success&phoneNumber=%2B254712345678&networkCode=63902";
}

// A POST written by hand, to send what a normal client would not (no Content-Type at all).
QByteArray rawPost(const QUrl &url, const QByteArray &body, const QByteArray &contentType)
{
    QByteArray request = "POST " + url.path(QUrl::FullyEncoded).toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!contentType.isNull())
        request += "Content-Type: " + contentType + "\r\n";
    return request + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Sends the requests at once, each on its own connection, so that the relay reads them in one
// turn of its event loop and stores them in one transaction. The statuses, in order (0: none).
QList<int> sendTogether(quint16 port, const QList<QByteArray> &requests)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, port);
        if (!sockets.back()->waitForConnected(5000))
            return {};
    }
    QTest::qWait(50); // the relay accepts them all before any request arrives
    for (qsizetype i = 0; i < requests.size(); ++i)
        sockets[size_t(i)]->write(requests.at(i));
    QList<QByteArray> answers(requests.size());
    auto allAnswered = [&] {
        bool all = true;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            QTcpSocket &socket = *sockets[size_t(i)];
            answers[i] += socket.readAll();
            if (!answers.at(i).contains("\r\n\r\n") && socket.state() == QAbstractSocket::ConnectedState)
                all = false;
        }
        return all;
    };
    QDeadlineTimer deadline(10000);
    while (!allAnswered() && !deadline.hasExpired())
        QTest::qWait(10);
    QList<int> statuses;
    for (const QByteArray &answer : std::as_const(answers))
        statuses.append(answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0);
    return statuses;
}

// The feed as a strict JSON reader sees it: no raw control character inside a string, no NUL.
bool feedIsStrictJson(const RelayHarness::Reply &feed)
{
    QJsonParseError error;
    QJsonDocument::fromJson(feed.body, &error);
    return error.error == QJsonParseError::NoError && !feed.body.contains('\0') && !feed.body.contains("\\u0000")
        && !relay::strictJsonProblem(feed.body);
}

// Collects what the relay logs while it lives (the test's own output still gets it).
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
        s_lines.append(message);
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QStringList s_lines;
};

} // namespace

class TestRelayServer : public QObject
{
    Q_OBJECT

public:
    explicit TestRelayServer(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;
    std::unique_ptr<RelayHarness> m_relay;

    bool isPostgres() const { return m_backend == RelayHarness::Backend::Postgres; }

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
    }

    void cleanup() { m_relay.reset(); }

    void everyHookStoresAndAnswersInTheProvidersShape()
    {
        const auto org = m_relay->createOrgWithDevice();
        QVERIFY(!org.token.isEmpty());

        auto r = m_relay->postForm(hook(org, "at_delivery"), DeliveryForm);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("OK"));
        r = m_relay->postForm(hook(org, "at_inbound"),
                              "date=2026-11-22+06%3A00%3A00&from=%2B254712345678&id=in_1&linkId=&text=PRAY+for+my+mother&to="
                              "22384&networkCode=63902");
        QCOMPARE(r.status, 200);
        r = m_relay->postForm(hook(org, "at_optout"), "senderId=KANISA&phoneNumber=%2B254712345679");
        QCOMPARE(r.status, 200);
        r = m_relay->post(hook(org, "mpesa_stk"), StkCallback, "application/json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("ResultCode")).toInt(-1), 0);
        r = m_relay->post(hook(org, "c2b_validation"), C2bBody, "application/json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("ResultCode")).toString(), QStringLiteral("0"));
        QCOMPARE(r.json().value(QLatin1String("ResultDesc")).toString(), QStringLiteral("Accepted"));
        r = m_relay->post(hook(org, "c2b_confirmation"), C2bBody, "application/json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("ResultDesc")).toString(), QStringLiteral("Success"));

        const auto feed = m_relay->events(org, DemoVoucher);
        QCOMPARE(feed.status, 200);
        const QJsonArray events = eventList(feed);
        QCOMPARE(events.size(), 6);
        const QStringList kinds
            = {QStringLiteral("at.delivery"), QStringLiteral("at.inbound"),        QStringLiteral("at.optout"),
               QStringLiteral("daraja.stk"),  QStringLiteral("daraja.validation"), QStringLiteral("daraja.confirmation")};
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(events.at(i).toObject().value(QLatin1String("seq")).toInteger(), DemoVoucher + i + 1);
            QCOMPARE(events.at(i).toObject().value(QLatin1String("kind")).toString(), kinds.at(i));
        }
        const QJsonObject delivery = events.at(0).toObject().value(QLatin1String("data")).toObject();
        QCOMPARE(delivery.value(QLatin1String("phoneNumber")).toString(), QStringLiteral("+254712345678")); // %2B, not a space
        QCOMPARE(delivery.value(QLatin1String("status")).toString(), QStringLiteral("Success"));
        const QJsonObject inbound = events.at(1).toObject().value(QLatin1String("data")).toObject();
        QCOMPARE(inbound.value(QLatin1String("text")).toString(), QStringLiteral("PRAY for my mother")); // '+' is a space
        // Daraja's numbers are handed on as the provider wrote them, never through a double.
        QVERIFY(feed.body.contains("\"PhoneNumber\",\"Value\":254708374149"));
        QVERIFY(feed.body.contains("\"Value\":1.00"));
        QCOMPARE(feed.json().value(QLatin1String("next")).toInteger(), DemoVoucher + 6);
        QCOMPARE(feed.json().value(QLatin1String("more")).toBool(), false);
    }

    void theSameCallbackTwiceIsOneEvent()
    {
        const auto org = m_relay->createOrgWithDevice();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 200);
            QCOMPARE(m_relay->post(hook(org, "mpesa_stk"), StkCallback, "application/json").status, 200);
            QCOMPARE(m_relay->post(hook(org, "c2b_confirmation"), C2bBody, "application/json").status, 200);
            QCOMPARE(m_relay->postForm(hook(org, "at_inbound"), "from=%2B254712345678&id=in_7&text=Hello").status, 200);
        }
        // The same message with another status is a new event; so is validation vs confirmation.
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), "id=ATXid_1&status=Sent&phoneNumber=%2B254712345678").status, 200);
        QCOMPARE(m_relay->post(hook(org, "c2b_validation"), C2bBody, "application/json").status, 200);
        QCOMPARE(eventList(m_relay->events(org, DemoVoucher)).size(), 6);
        QVERIFY(m_relay->server()->metricsText().contains("result=\"duplicate\"} 2"));
    }

    void outOfOrderReportsAndUnknownIdsAreKept()
    {
        const auto org = m_relay->createOrgWithDevice();
        // Success arrives before Sent, and an id no desktop ever sent: the relay keeps all of them
        // in arrival order; the desktop applies the terminal rule.
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), "id=ATXid_9&status=Success&phoneNumber=%2B254712345678").status,
                 200);
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), "id=ATXid_9&status=Sent&phoneNumber=%2B254712345678").status, 200);
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), "id=never-sent&status=Weird&phoneNumber=%2B254712345678").status,
                 200);
        const QJsonArray events = eventList(m_relay->events(org, DemoVoucher));
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.at(0).toObject().value(QLatin1String("data")).toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("Success"));
        QCOMPARE(events.at(2).toObject().value(QLatin1String("data")).toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("Weird"));
    }

    void aWrongSecretGetsTheSame404AsAnUnknownPath()
    {
        const auto org = m_relay->createOrgWithDevice();
        const auto other = m_relay->createOrgWithDevice(QStringLiteral("Other Church"));
        const QString base = m_relay->baseUrl().toString();
        // The right secret with its last character changed: always a different one.
        QString wrongSecret = org.secret;
        wrongSecret.back() = wrongSecret.back() == u'x' ? u'y' : u'x';
        QVERIFY(wrongSecret != org.secret);
        const QStringList urls = {
            base + QStringLiteral("/hooks/") + org.id + QStringLiteral("/") + wrongSecret + QStringLiteral("/at/delivery"),
            base + QStringLiteral("/hooks/") + org.id + QStringLiteral("/") + other.secret + QStringLiteral("/at/delivery"),
            base + QStringLiteral("/hooks/org_nosuchorg0/") + org.secret + QStringLiteral("/at/delivery"),
            base + QStringLiteral("/hooks/") + org.id + QStringLiteral("/at/delivery"),
            base + QStringLiteral("/hooks/") + org.id + QStringLiteral("/") + org.secret + QStringLiteral("/at/nothing"),
            base + QStringLiteral("/nothing/here"),
        };
        QByteArray first;
        for (const QString &url : urls) {
            const auto r = m_relay->postForm(QUrl(url), DeliveryForm);
            QCOMPARE(r.status, 404);
            if (first.isEmpty())
                first = r.body;
            QCOMPARE(r.body, first);
            QVERIFY(!r.body.contains(org.id.toLatin1()));
        }
        QCOMPARE(eventList(m_relay->events(org, DemoVoucher)).size(), 0);
        QCOMPARE(eventList(m_relay->events(other, DemoVoucher)).size(), 0);
        // The organisation's own secret still works.
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 200);
    }

    void rotatingTheSecretStopsTheOldOneAtOnce()
    {
        const auto org = m_relay->createOrgWithDevice();
        auto rotated = relay::rotateHookSecret(m_relay->store(), m_relay->masterKey(), org.id, m_relay->baseUrl().toString());
        QVERIFY(rotated);
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 404);
        QCOMPARE(m_relay->postForm(QUrl(rotated->hooks.value(QLatin1String("at_delivery")).toString()), DeliveryForm).status,
                 200);
        // Secrets never contain a word Daraja refuses in callback URLs.
        for (int i = 0; i < 2000; ++i) {
            const QString secret = relay::secrets::hookSecret();
            QCOMPARE(secret.size(), 26);
            for (const char *word : {"mpesa", "sql", "exe", "cmd", "query"})
                QVERIFY(!secret.contains(QLatin1String(word)));
        }
    }

    void malformedBodiesGet400AndAreQuarantined()
    {
        const auto org = m_relay->createOrgWithDevice();
        struct Case {
            const char *hook;
            QByteArray body;
            QByteArray contentType;
        };
        const QList<Case> cases = {
            {"at_delivery", "status=Success&phoneNumber=%2B254712345678", "application/x-www-form-urlencoded"}, // no id
            {"at_delivery", "just some words", "application/x-www-form-urlencoded"},
            {"at_delivery", "", "application/x-www-form-urlencoded"},
            {"at_inbound", "id=in_1&text=hi", "application/x-www-form-urlencoded"}, // no from
            {"at_inbound", "id=in_2&from=%FF%FE&text=x", "application/x-www-form-urlencoded"}, // not UTF-8
            {"mpesa_stk", "{\"Body\":", "application/json"},
            {"mpesa_stk", "[1,2,3]", "application/json"},
            {"mpesa_stk", R"({"Body":{"stkCallback":{"ResultCode":0}}})", "application/json"}, // no CheckoutRequestID
            {"c2b_confirmation", R"({"TransAmount":"5.00"})", "application/json"}, // no TransID
            {"c2b_validation", "<xml/>", "application/xml"},
        };
        for (const Case &c : cases) {
            const auto r = m_relay->post(hook(org, c.hook), c.body, c.contentType);
            QVERIFY2(r.status == 400, c.body.constData());
            QVERIFY(!r.json().value(QLatin1String("error")).toString().isEmpty());
        }
        QCOMPARE(eventList(m_relay->events(org, DemoVoucher)).size(), 0);
        const auto kept = m_relay->store().quarantine(org.id, 100);
        QVERIFY(kept);
        QCOMPARE(kept->size(), cases.size());
        QCOMPARE(kept->constLast().body, cases.constFirst().body); // newest first
        QVERIFY(!kept->constLast().reason.isEmpty());
        // The relay still works after all that.
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 200);
    }

    // Issue 11, finding 2: a body without a Content-Type was quarantined with a NULL content type,
    // the NOT NULL column refused it, and the whole batch's transaction rolled back: every
    // delivery report stored with it got 503.
    void oneBadHookInABatchFailsAlone()
    {
        const auto org = m_relay->createOrgWithDevice();
        QList<QByteArray> requests;
        for (int i = 0; i < 10; ++i)
            requests.append(rawPost(hook(org, "at_delivery"), deliveryReport(i), "application/x-www-form-urlencoded"));
        requests.insert(5, rawPost(hook(org, "at_delivery"), "just some words", QByteArray()));
        const QList<int> statuses = sendTogether(quint16(m_relay->baseUrl().port()), requests);
        QCOMPARE(statuses.size(), 11);
        for (int i = 0; i < 11; ++i)
            QCOMPARE(statuses.at(i), i == 5 ? 400 : 200);
        const QJsonArray events = eventList(m_relay->events(org, DemoVoucher));
        QCOMPARE(events.size(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(events.at(i).toObject().value(QLatin1String("seq")).toInteger(), DemoVoucher + i + 1);
        const auto kept = m_relay->store().quarantine(org.id, 10);
        QVERIFY(kept);
        QCOMPARE(kept->size(), 1);
        QVERIFY(kept->constFirst().contentType.isEmpty());
        QCOMPARE(kept->constFirst().body, QByteArray("just some words"));
    }

    // Issue 11, finding 2: a hook the database refuses gets 503 (the provider retries it); the
    // others stored with it get their 200, and the log says why with an error code, not the data.
    void aHookTheDatabaseRefusesFailsAlone()
    {
        const auto org = m_relay->createOrgWithDevice();
        const QString refusal = QStringLiteral("statement fragment 254708374149");
        QVERIFY(m_relay->poisonStore(refusal));
        QList<QByteArray> requests;
        for (int i = 0; i < 10; ++i)
            requests.append(rawPost(hook(org, "at_delivery"), deliveryReport(i), "application/x-www-form-urlencoded"));
        requests.insert(7, rawPost(hook(org, "at_delivery"), "id=poison&status=Success", "application/x-www-form-urlencoded"));
        const LogCapture log;
        const QList<int> statuses = sendTogether(quint16(m_relay->baseUrl().port()), requests);
        QCOMPARE(statuses.size(), 11);
        for (int i = 0; i < 11; ++i)
            QCOMPARE(statuses.at(i), i == 7 ? 503 : 200);
        const QJsonArray events = eventList(m_relay->events(org, DemoVoucher));
        QCOMPARE(events.size(), 10);
        QCOMPARE(events.last().toObject().value(QLatin1String("seq")).toInteger(), DemoVoucher + 10); // no number lost
        QVERIFY2(log.text().contains(QLatin1String("hook not stored")), qPrintable(log.text()));
        QVERIFY2(!log.text().contains(QLatin1String("254708374149")), qPrintable(log.text()));
        QVERIFY(m_relay->server()->metricsText().contains(
            "kengele_relay_hook_events_total{kind=\"at.delivery\",result=\"failed\"} 1"));
        // The provider's retry, once the database takes it, is stored with the next number.
        QSqlQuery query(m_relay->store().database());
        QVERIFY(query.exec(
            QStringLiteral("DROP TRIGGER poison%1").arg(isPostgres() ? QStringLiteral(" ON events") : QStringLiteral("_event"))));
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), "id=poison&status=Success").status, 200);
        QCOMPARE(eventList(m_relay->events(org, DemoVoucher + 10)).first().toObject().value(QLatin1String("seq")).toInteger(),
                 DemoVoucher + 11);
    }

    // Issue 11, finding 3: a NUL in a form field cut PostgreSQL's statement short (the hook and
    // its whole batch failed for ever); SQLite stored it and served it in the feed.
    void aNulInAFormFieldIsRefusedAlone()
    {
        const auto org = m_relay->createOrgWithDevice();
        QList<QByteArray> requests;
        for (int i = 0; i < 10; ++i)
            requests.append(rawPost(hook(org, "at_delivery"), deliveryReport(i), "application/x-www-form-urlencoded"));
        requests.insert(3,
                        rawPost(hook(org, "at_delivery"), "id=ATXid_nul%00&status=Success&phoneNumber=%2B254712345678",
                                "application/x-www-form-urlencoded"));
        const QList<int> statuses = sendTogether(quint16(m_relay->baseUrl().port()), requests);
        QCOMPARE(statuses.size(), 11);
        for (int i = 0; i < 11; ++i)
            QCOMPARE(statuses.at(i), i == 3 ? 400 : 200);
        // The other fields, one at a time.
        const QList<std::pair<const char *, QByteArray>> bad = {
            {"at_delivery", "id=ATXid_2&status=Success%00&phoneNumber=%2B254712345678"},
            {"at_delivery", "id=ATXid_3&status=Success&phoneNumber=%2B2547123%0045678"},
            {"at_delivery", "id=ATXid_4&status=Failed&phoneNumber=%2B254712345678&failureReason=Rejected%00"},
            {"at_delivery", "id=ATXid_5%0A&status=Success&phoneNumber=%2B254712345678"}, // a newline in an id
            {"at_delivery", "id=ATXid_6&status=Success&phoneNumber=%2B254712345678&networkCode=639%1B02"},
            {"at_inbound", "from=%2B254712345678&id=in_1&text=Hello%00there"},
            {"at_optout", "senderId=KANISA%00&phoneNumber=%2B254712345679"},
        };
        for (const auto &[key, body] : bad)
            QVERIFY2(m_relay->postForm(hook(org, key), body).status == 400, body.constData());
        // An inbound message may hold line breaks and tabs.
        QCOMPARE(m_relay->postForm(hook(org, "at_inbound"), "from=%2B254712345678&id=in_2&text=Line+one%0D%0ALine%09two").status,
                 200);
        const auto feed = m_relay->events(org, DemoVoucher);
        QCOMPARE(eventList(feed).size(), 11);
        QVERIFY(feedIsStrictJson(feed));
        QCOMPARE(
            eventList(feed).last().toObject().value(QLatin1String("data")).toObject().value(QLatin1String("text")).toString(),
            QStringLiteral("Line one\r\nLine\ttwo"));
        const auto kept = m_relay->store().quarantine(org.id, 100);
        QVERIFY(kept);
        QCOMPARE(kept->size(), bad.size() + 1);
    }

    void aNulInDarajaJsonIsRefused()
    {
        const auto org = m_relay->createOrgWithDevice();
        QByteArray rawNul = StkCallback;
        rawNul.replace("NLJ7RT61SV", QByteArray("NLJ7\0RT61SV", 11));
        QVERIFY(rawNul.contains('\0'));
        QByteArray escapedNul = StkCallback;
        escapedNul.replace("NLJ7RT61SV", "NLJ7\\u0000RT61SV");
        QByteArray rawNewline = StkCallback;
        rawNewline.replace("NLJ7RT61SV", "NLJ7\nRT61SV");
        QByteArray c2bNul = C2bBody;
        c2bNul.replace("tithe", QByteArray("tit\0he", 7));
        const QList<std::pair<const char *, QByteArray>> bad
            = {{"mpesa_stk", rawNul}, {"mpesa_stk", escapedNul}, {"mpesa_stk", rawNewline}, {"c2b_confirmation", c2bNul}};
        for (const auto &[key, body] : bad) {
            const auto r = m_relay->post(hook(org, key), body, "application/json");
            QVERIFY2(r.status == 400, key);
            QVERIFY(!r.body.contains("NLJ7"));
        }
        QCOMPARE(m_relay->post(hook(org, "mpesa_stk"), StkCallback, "application/json").status, 200);
        const auto feed = m_relay->events(org, DemoVoucher);
        QCOMPARE(eventList(feed).size(), 1);
        QVERIFY(feedIsStrictJson(feed));
        // Quarantine keeps the bodies as they came, NUL bytes included (BYTEA on PostgreSQL).
        const auto kept = m_relay->store().quarantine(org.id, 100);
        QVERIFY(kept);
        QCOMPARE(kept->size(), bad.size());
        QCOMPARE(kept->constLast().body, rawNul);
        QCOMPARE(kept->constFirst().body, c2bNul);
    }

    void anOversizedBodyIsRefusedBeforeItIsRead()
    {
        const auto org = m_relay->createOrgWithDevice();
        const QUrl url = hook(org, "at_delivery");
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_relay->baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray head = "POST " + url.path().toLatin1()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              "Content-Length: 10000000\r\n\r\n";
        socket.write(head + QByteArray(32 * 1024, 'a'));
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT(
            (answer += socket.readAll()).contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState, 5000);
        answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() != QAbstractSocket::ConnectedState, 5000);
        // A body just over the limit with an honest length through a normal client: also 413.
        const auto r = m_relay->postForm(url, "id=1&status=Success&text=" + QByteArray(70 * 1024, 'b'));
        QCOMPARE(r.status, 413);
        QCOMPARE(m_relay->postForm(url, DeliveryForm).status, 200);
    }

    void aSlowClientIsDropped()
    {
        relay::RelayConfig config;
        config.requestTimeoutMs = 300;
        QVERIFY(m_relay->start(config));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_relay->baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /hooks/x/y/at/delivery HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le");
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() != QAbstractSocket::ConnectedState, 5000);
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 408"));
        const auto org = m_relay->createOrgWithDevice();
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 200);
        QVERIFY(m_relay->server()->metricsText().contains("reason=\"too_slow\"} 1"));
    }

    void enrolmentCodesWorkOnceAndExpire()
    {
        auto created = relay::createOrganisation(m_relay->store(), m_relay->masterKey(), QStringLiteral("Kanisa la Neema"),
                                                 m_relay->baseUrl().toString());
        QVERIFY(created);
        auto code = relay::createEnrolCode(m_relay->store(), created->org.id, 24);
        QVERIFY(code);
        QVERIFY(code->code.startsWith(QLatin1String("KGL-")));
        QVERIFY(code->expires > QDateTime::currentDateTimeUtc().addSecs(23 * 3600));
        const QUrl enrol = m_relay->baseUrl().resolved(QUrl(QStringLiteral("/v1/enrol")));
        // Typed in lower case with spaces: still the same code.
        const QByteArray typed = code->code.toLower().replace(QLatin1Char('-'), QLatin1Char(' ')).toUtf8();
        auto r = m_relay->post(enrol, "{\"code\":\"" + typed + "\",\"name\":\"Office PC\"}", "application/json");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QLatin1String("org")).toString(), created->org.id);
        QCOMPARE(r.json().value(QLatin1String("org_name")).toString(), QStringLiteral("Kanisa la Neema"));
        const QString token = r.json().value(QLatin1String("token")).toString();
        QVERIFY(token.size() >= 40);
        r = m_relay->post(enrol, "{\"code\":\"" + code->code.toUtf8() + "\"}", "application/json");
        QCOMPARE(r.status, 401);
        QVERIFY(r.json().value(QLatin1String("error")).toString().contains(QLatin1String("already been used")));
        r = m_relay->post(enrol, R"({"code":"KGL-AAAA-BBBB-CCCC"})", "application/json");
        QCOMPARE(r.status, 401);
        r = m_relay->post(enrol, "not json", "application/json");
        QCOMPARE(r.status, 400);
        // An expired code.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(m_relay->store().addEnrolCode(created->org.id, relay::secrets::sha256(QStringLiteral("KGLOLD0OLD0OLD0")),
                                              now - 1000, now - 90000));
        r = m_relay->post(enrol, R"({"code":"KGL-OLD0-OLD0-OLD0"})", "application/json");
        QCOMPARE(r.status, 401);
        QVERIFY(r.json().value(QLatin1String("error")).toString().contains(QLatin1String("expired")));
        // The token is not stored in clear anywhere in the relay's tables.
        const auto devices = m_relay->store().devices(created->org.id);
        QVERIFY(devices);
        QCOMPARE(devices->size(), 1);
        QCOMPARE(devices->constFirst().name, QStringLiteral("Office PC"));
    }

    void theFeedNeedsAValidDeviceToken()
    {
        const auto org = m_relay->createOrgWithDevice();
        const QUrl url = m_relay->baseUrl().resolved(QUrl(QStringLiteral("/v1/events?after=0")));
        QCOMPARE(m_relay->get(url).status, 401);
        QCOMPARE(m_relay->get(url, "wrong-token").status, 401);
        QCOMPARE(m_relay->get(url, org.token.toLatin1()).status, 200);
        QCOMPARE(
            m_relay->get(m_relay->baseUrl().resolved(QUrl(QStringLiteral("/v1/events?after=-1"))), org.token.toLatin1()).status,
            400);
        QCOMPARE(
            m_relay->get(m_relay->baseUrl().resolved(QUrl(QStringLiteral("/v1/events?wait=999"))), org.token.toLatin1()).status,
            400);
        auto revoked = m_relay->store().revokeDevice(org.deviceId, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(revoked && *revoked);
        QCOMPARE(m_relay->get(url, org.token.toLatin1()).status, 401);
        // Each organisation sees only its own events.
        const auto other = m_relay->createOrgWithDevice(QStringLiteral("Other"));
        QCOMPARE(m_relay->postForm(hook(other, "at_delivery"), DeliveryForm).status, 200);
        const auto third = m_relay->createOrgWithDevice(QStringLiteral("Third"));
        QCOMPARE(eventList(m_relay->events(third, DemoVoucher)).size(), 0);
        QCOMPARE(eventList(m_relay->events(other, DemoVoucher)).size(), 1);
    }

    void theFeedPagesByCursor()
    {
        const auto org = m_relay->createOrgWithDevice();
        for (int i = 0; i < 25; ++i)
            QCOMPARE(m_relay
                         ->postForm(hook(org, "at_delivery"),
                                    "id=m" + QByteArray::number(i) + "&status=Success&phoneNumber=%2B254712345678")
                         .status,
                     200);
        qint64 cursor = DemoVoucher;
        int seen = 0;
        for (int page = 0; page < 3; ++page) {
            const auto r = m_relay->events(org, cursor, 0, 10);
            const QJsonArray events = eventList(r);
            QCOMPARE(events.size(), page < 2 ? 10 : 5);
            QCOMPARE(events.first().toObject().value(QLatin1String("seq")).toInteger(), cursor + 1);
            QCOMPARE(r.json().value(QLatin1String("more")).toBool(), page < 2);
            cursor = r.json().value(QLatin1String("next")).toInteger();
            seen += int(events.size());
        }
        QCOMPARE(seen, 25);
        QCOMPARE(cursor, DemoVoucher + 25);
        QCOMPARE(eventList(m_relay->events(org, cursor)).size(), 0);
    }

    void aLongPollWakesWhenAnEventArrives()
    {
        const auto org = m_relay->createOrgWithDevice();
        QElapsedTimer timer;
        timer.start();
        QTimer::singleShot(300, m_relay->server(), [&] {
            QNetworkAccessManager *network = new QNetworkAccessManager(m_relay->server());
            QNetworkRequest request(hook(org, "at_delivery"));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            network->post(request, DeliveryForm);
        });
        const auto r = m_relay->events(org, DemoVoucher, 10);
        QCOMPARE(r.status, 200);
        QCOMPARE(eventList(r).size(), 1);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(timer.elapsed() >= 250);
        QCOMPARE(m_relay->server()->waitingPolls(), 0);
    }

    void aLongPollWithNothingNewEndsEmptyAfterTheWait()
    {
        const auto org = m_relay->createOrgWithDevice();
        QElapsedTimer timer;
        timer.start();
        const auto r = m_relay->events(org, DemoVoucher, 1);
        QCOMPARE(r.status, 200);
        QCOMPARE(eventList(r).size(), 0);
        QCOMPARE(r.json().value(QLatin1String("next")).toInteger(), DemoVoucher);
        QVERIFY(timer.elapsed() >= 900);
        QVERIFY(timer.elapsed() < 3000);
    }

    void aClientThatHangsUpMidPollIsForgotten()
    {
        const auto org = m_relay->createOrgWithDevice();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_relay->baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /v1/events?after=1&wait=20 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + org.token.toLatin1()
                     + "\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_relay->server()->waitingPolls(), 1, 5000);
        socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_relay->server()->waitingPolls(), 0, 5000);
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 200);
        QCOMPARE(eventList(m_relay->events(org, DemoVoucher, 5)).size(), 1);
    }

    void rateLimitsAnswer429()
    {
        relay::RelayConfig config;
        config.ipRate = 2; // burst 4
        config.deviceRate = 2;
        QVERIFY(m_relay->start(config));
        const auto org = m_relay->createOrgWithDevice(); // enrolment takes one of the address's tokens
        int limited = 0;
        for (int i = 0; i < 8; ++i) {
            const auto r = m_relay->get(m_relay->baseUrl().resolved(QUrl(QStringLiteral("/guessing"))));
            if (r.status == 429) {
                ++limited;
                QCOMPARE(r.header("Retry-After"), QByteArray("1"));
            }
        }
        QVERIFY2(limited >= 3, qPrintable(QString::number(limited)));
        // Real callbacks with the right secret are never limited per address.
        for (int i = 0; i < 20; ++i)
            QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), "id=r" + QByteArray::number(i) + "&status=Success").status, 200);
        int deviceLimited = 0;
        for (int i = 0; i < 8; ++i)
            deviceLimited += m_relay->events(org, DemoVoucher).status == 429 ? 1 : 0;
        QVERIFY(deviceLimited >= 3);
    }

    void healthAndMetrics()
    {
        const auto org = m_relay->createOrgWithDevice();
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 200);
        auto r = m_relay->get(m_relay->baseUrl().resolved(QUrl(QStringLiteral("/v1/health"))));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json().value(QLatin1String("db")).toString(),
                 isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite"));
        r = m_relay->get(m_relay->baseUrl().resolved(QUrl(QStringLiteral("/metrics"))));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("kengele_relay_hook_events_total{kind=\"at.delivery\",result=\"stored\"} 1"));
        QVERIFY(r.body.contains("kengele_relay_hook_duration_seconds_count 1"));
        QVERIFY(r.body.contains("kengele_relay_requests_total{route=\"enrol\",status=\"201\"} 1"));
        QVERIFY(!r.body.contains(org.secret.toLatin1()));
    }

    void eventsSurviveARestart()
    {
        const auto org = m_relay->createOrgWithDevice();
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), DeliveryForm).status, 200);
        m_relay->stop();
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), "id=x&status=Success").status, 0); // nobody listening
        QVERIFY(m_relay->start());
        QCOMPARE(m_relay->postForm(hook(org, "at_delivery"), "id=y&status=Success").status, 200);
        const QJsonArray events = eventList(m_relay->events(org, DemoVoucher));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(1).toObject().value(QLatin1String("seq")).toInteger(), DemoVoucher + 2);
    }

    void aSecondInstanceWakesLongPollsThroughPostgres()
    {
        if (!isPostgres())
            QSKIP("Several relay instances share one database only on PostgreSQL.");
        const auto org = m_relay->createOrgWithDevice();
        // A second relay process, simulated in-process: its own connection and server.
        auto otherStore = m_relay->openExtraStore(QStringLiteral("relay-second"));
        QVERIFY(otherStore);
        relay::RelayConfig config;
        config.listenAddress = QHostAddress::LocalHost;
        config.listenPort = 0;
        config.keyFile = m_relay->keyFile(); // every relay process on one database shares the key file
        relay::RelayServer second(otherStore.get(), config);
        const quint16 port = second.start();
        QVERIFY(port != 0);
        QTimer::singleShot(300, &second, [&] {
            QNetworkAccessManager *network = new QNetworkAccessManager(&second);
            QUrl url = hook(org, "at_delivery");
            url.setPort(port);
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            network->post(request, DeliveryForm);
        });
        QElapsedTimer timer;
        timer.start();
        const auto r = m_relay->events(org, DemoVoucher, 10); // held by the first instance
        QCOMPARE(eventList(r).size(), 1);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestRelayServer>(argc, argv);
}

#include "TestRelayServer.moc"
