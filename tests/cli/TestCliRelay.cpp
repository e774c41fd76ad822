// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCall.h"
#include "FakeRelay.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "common/Language.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

// kengele-cli relay connect | sync | status and inbox list (docs/cli.md), in-process against
// a fake relay on loopback. The device token goes to a fake keychain.
class TestCliRelay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void connectSyncStatusAndInbox();
    void clearMessagesWhenItCannotConnect_data();
    void clearMessagesWhenItCannotConnect();
    void syncNeedsAConnection();
    void redirectsAreNotFollowed_data();
    void redirectsAreNotFollowed();
    void aPasswordStoreThatCannotSaveKeepsTheCode();
    void aKeyThatCannotBeSavedIsWithdrawnFromTheRelay();
    void aKeyThatCannotBeSavedNorWithdrawnIsSaidPlainly();

private:
    using Outcome = test::CliOutcome;
    Outcome cli(QStringList arguments);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::FakeRelay> m_relay;
    test::FakeSecretStore m_secrets;
    test::FixedClock m_clock;
};

void TestCliRelay::init()
{
    Language::install(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    m_relay = std::make_unique<test::FakeRelay>();
    QVERIFY(m_relay->start());
    m_relay->addCode(QStringLiteral("KGL-GOOD-CODE"));
    m_secrets.values.clear();
    m_secrets.refuseWrite = nullptr;
}

TestCliRelay::Outcome TestCliRelay::cli(QStringList arguments)
{
    return test::runCli(m_dir->filePath(QStringLiteral("profile")), arguments, m_clock, m_secrets);
}

void TestCliRelay::connectSyncStatusAndInbox()
{
    // Not connected yet.
    Outcome status = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("status")});
    QCOMPARE(status.code, 0);
    QJsonObject object = status.json().object();
    QVERIFY(object.value(QStringLiteral("url")).isNull());
    QCOMPARE(object.value(QStringLiteral("connected")).toBool(), false);
    QCOMPARE(object.value(QStringLiteral("cursor")).toInteger(), 0);
    QVERIFY(object.value(QStringLiteral("last_sync")).isNull());

    QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("0712345678"), QStringLiteral("--name"),
                  QStringLiteral("Mary Wanjiku")})
                 .code,
             0);
    const Outcome connected
        = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("connect"), m_relay->url().toString(),
               QStringLiteral("--code"), QStringLiteral("KGL-GOOD-CODE"), QStringLiteral("--name"), QStringLiteral("Office")});
    QVERIFY2(connected.code == 0, qPrintable(connected.err));
    object = connected.json().object();
    QCOMPARE(object.value(QStringLiteral("url")).toString(), m_relay->url().toString());
    QCOMPARE(object.value(QStringLiteral("org")).toString(), QStringLiteral("org_test"));
    QVERIFY(!connected.out.contains(m_relay->issuedToken));
    QCOMPARE(m_secrets.values.size(), 1);

    status = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("status")});
    QCOMPARE(status.code, 0);
    object = status.json().object();
    QCOMPARE(object.value(QStringLiteral("url")).toString(), m_relay->url().toString());
    QCOMPARE(object.value(QStringLiteral("connected")).toBool(), true);
    QCOMPARE(object.value(QStringLiteral("cursor")).toInteger(), 0);

    m_relay->addInbound(QStringLiteral("in1"), QStringLiteral("+254712345678"), QStringLiteral("Asante kwa ujumbe"));
    m_relay->addInbound(QStringLiteral("in2"), QStringLiteral("+254799000111"), QStringLiteral("PRAY for my exams"));
    m_relay->addInbound(QStringLiteral("in3"), QStringLiteral("+254712345678"), QStringLiteral("Acha"));
    m_relay->addDelivery(QStringLiteral("ATXid_unknown"), QStringLiteral("Success"), QStringLiteral("+254712345678"));
    m_relay->addEvent(QStringLiteral("daraja.confirmation"), QJsonObject{{QStringLiteral("TransID"), QStringLiteral("RKT1")}});
    const Outcome synced
        = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(synced.code == 0, qPrintable(synced.err));
    object = synced.json().object();
    QCOMPARE(object.value(QStringLiteral("applied")).toInt(), 5);
    QCOMPARE(object.value(QStringLiteral("cursor")).toInteger(), 5);
    QCOMPARE(object.value(QStringLiteral("inbox")).toInt(), 1);
    QCOMPARE(object.value(QStringLiteral("opt_outs")).toInt(), 1);
    QCOMPARE(object.value(QStringLiteral("prayer_requests")).toInt(), 1);
    QCOMPARE(object.value(QStringLiteral("delivery_reports")).toInt(), 1);
    QCOMPARE(object.value(QStringLiteral("kept")).toInt(), 1);

    status = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("status")});
    object = status.json().object();
    QCOMPARE(object.value(QStringLiteral("cursor")).toInteger(), 5);
    QCOMPARE(object.value(QStringLiteral("last_sync")).toString(), m_clock.nowUtc().toString(Qt::ISODateWithMs));

    const Outcome inbox = cli({QStringLiteral("--json"), QStringLiteral("inbox"), QStringLiteral("list")});
    QCOMPARE(inbox.code, 0);
    const QJsonArray messages = inbox.json().array();
    QCOMPARE(messages.size(), 3);
    // Newest first.
    QJsonObject acha = messages.at(0).toObject();
    QCOMPARE(acha.value(QStringLiteral("from")).toString(), QStringLiteral("+254712345678"));
    QCOMPARE(acha.value(QStringLiteral("text")).toString(), QStringLiteral("Acha"));
    QCOMPARE(acha.value(QStringLiteral("contact")).toString(), QStringLiteral("Mary Wanjiku"));
    QCOMPARE(acha.value(QStringLiteral("handled_as")).toString(), QStringLiteral("optout"));
    QVERIFY(!acha.value(QStringLiteral("received")).toString().isEmpty());
    const QJsonObject pray = messages.at(1).toObject();
    QVERIFY(pray.value(QStringLiteral("contact")).isNull());
    QCOMPARE(pray.value(QStringLiteral("handled_as")).toString(), QStringLiteral("prayer"));
    QCOMPARE(messages.at(2).toObject().value(QStringLiteral("handled_as")).toString(), QStringLiteral("inbox"));

    // ACHA opted Mary out.
    const QJsonArray contacts
        = cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("list")}).json().array();
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(contacts.at(0).toObject().value(QStringLiteral("opted_out")).toBool(), true);

    // Plain text for people.
    const Outcome text
        = cli({QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("exams")});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains(QStringLiteral("PRAY for my exams")));
    QVERIFY(text.out.contains(QStringLiteral("[prayer request]")));
    QVERIFY(!text.out.contains(QStringLiteral("Asante")));
}

void TestCliRelay::clearMessagesWhenItCannotConnect_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("no code") << QStringList{QStringLiteral("relay"), QStringLiteral("connect"),
                                            QStringLiteral("https://relay.example.org")}
                             << 2 << "enrolment code";
    QTest::addRow("no address") << QStringList{QStringLiteral("relay"), QStringLiteral("connect"), QStringLiteral("--code"),
                                               QStringLiteral("X")}
                                << 2 << "relay's address";
    QTest::addRow("bad address") << QStringList{QStringLiteral("relay"), QStringLiteral("connect"),
                                                QStringLiteral("relay example"), QStringLiteral("--code"),
                                                QStringLiteral("KGL-GOOD-CODE")}
                                 << 1 << "is not the address of a relay";
    QTest::addRow("used or expired code") << QStringList{
        QStringLiteral("relay"), QStringLiteral("connect"), QStringLiteral("RELAY"), QStringLiteral("--code"),
        QStringLiteral("KGL-USED")} << 1 << "did not accept this enrolment code";
    QTest::addRow("unreachable") << QStringList{QStringLiteral("relay"), QStringLiteral("connect"),
                                                QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--code"),
                                                QStringLiteral("KGL-GOOD-CODE")}
                                 << 1 << "cannot reach the relay";
    QTest::addRow("unknown sub-command") << QStringList{QStringLiteral("relay"), QStringLiteral("fly")} << 2 << "relay connect";
    QTest::addRow("inbox option") << QStringList{QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--once")} << 2
                                  << "does not apply";
}

void TestCliRelay::clearMessagesWhenItCannotConnect()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    arguments.replaceInStrings(QStringLiteral("RELAY"), m_relay->url().toString());
    const Outcome outcome = cli(arguments);
    QCOMPARE(outcome.code, code);
    QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
    QVERIFY(m_secrets.values.isEmpty());
}

void TestCliRelay::syncNeedsAConnection()
{
    Outcome outcome = cli({QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")});
    QCOMPARE(outcome.code, 1);
    QVERIFY2(outcome.err.contains(QStringLiteral("not connected to a relay")), qPrintable(outcome.err));
    // Connected, but the relay went away: --once says so and fails.
    QCOMPARE(cli({QStringLiteral("relay"), QStringLiteral("connect"), m_relay->url().toString(), QStringLiteral("--code"),
                  QStringLiteral("KGL-GOOD-CODE")})
                 .code,
             0);
    m_relay->goDown();
    outcome = cli({QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")});
    QCOMPARE(outcome.code, 1);
    QVERIFY2(outcome.err.contains(QStringLiteral("cannot reach the relay")), qPrintable(outcome.err));
    const Outcome status = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("status")});
    QCOMPARE(status.code, 0);
    QCOMPARE(status.json().object().value(QStringLiteral("connected")).toBool(), false);
    QVERIFY(status.json().object().value(QStringLiteral("error")).toString().contains(QStringLiteral("cannot reach")));
}

void TestCliRelay::redirectsAreNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::addRow("302") << 302;
    QTest::addRow("307") << 307;
}

void TestCliRelay::redirectsAreNotFollowed()
{
    // The relay's address sends the desktop elsewhere: neither the enrolment code nor the device
    // token may go there (issue 11, finding 4).
    QFETCH(int, status);
    test::FakeRelay other;
    QVERIFY(other.start());
    other.addCode(QStringLiteral("KGL-GOOD-CODE"));
    other.tokens.insert(m_relay->issuedToken);

    m_relay->redirectNext(status, other.url());
    Outcome outcome = cli({QStringLiteral("relay"), QStringLiteral("connect"), m_relay->url().toString(),
                           QStringLiteral("--code"), QStringLiteral("KGL-GOOD-CODE")});
    QCOMPARE(other.requestCount(), 0);
    QCOMPARE(outcome.code, 1);
    QVERIFY2(outcome.err.contains(QStringLiteral("redirect")), qPrintable(outcome.err));
    QVERIFY(m_secrets.values.isEmpty());

    // Connected for real; then the feed's address redirects.
    outcome = cli({QStringLiteral("relay"), QStringLiteral("connect"), m_relay->url().toString(), QStringLiteral("--code"),
                   QStringLiteral("KGL-GOOD-CODE")});
    QVERIFY2(outcome.code == 0, qPrintable(outcome.err));
    m_relay->redirectNext(status, other.url(), 2);
    outcome = cli({QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")});
    QCOMPARE(other.requestCount(), 0);
    QCOMPARE(outcome.code, 1);
    QVERIFY2(outcome.err.contains(QStringLiteral("redirect")), qPrintable(outcome.err));
    const Outcome state = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("status")});
    QCOMPARE(other.requestCount(), 0);
    QCOMPARE(state.json().object().value(QStringLiteral("connected")).toBool(), false);
    QVERIFY(state.json().object().value(QStringLiteral("error")).toString().contains(QStringLiteral("redirect")));
}

void TestCliRelay::aPasswordStoreThatCannotSaveKeepsTheCode()
{
    // No working keychain: the code is not spent on an enrolment whose key would be lost (issue 11,
    // finding 10). The relay is not asked at all, and the code still works afterwards.
    m_secrets.refuseWrite = [](const QString &) {
        return true;
    };
    Outcome outcome = cli({QStringLiteral("relay"), QStringLiteral("connect"), m_relay->url().toString(),
                           QStringLiteral("--code"), QStringLiteral("KGL-GOOD-CODE")});
    QCOMPARE(m_relay->requestCount(), 0);
    QCOMPARE(outcome.code, 1);
    QVERIFY2(outcome.err.contains(QStringLiteral("password store")) && outcome.err.contains(QStringLiteral("not used")),
             qPrintable(outcome.err));
    QVERIFY(m_secrets.values.isEmpty());

    m_secrets.refuseWrite = nullptr;
    outcome = cli({QStringLiteral("relay"), QStringLiteral("connect"), m_relay->url().toString(), QStringLiteral("--code"),
                   QStringLiteral("KGL-GOOD-CODE")});
    QVERIFY2(outcome.code == 0, qPrintable(outcome.err));
    QCOMPARE(m_secrets.values.size(), 1); // the token; the probe left nothing behind
}

void TestCliRelay::aKeyThatCannotBeSavedIsWithdrawnFromTheRelay()
{
    // The keychain takes the probe but refuses the token itself: the device just enrolled is
    // withdrawn with its own token, so no keyless device stays on the relay.
    m_secrets.refuseWrite = [](const QString &key) {
        return key.endsWith(QStringLiteral("relay/device-token"));
    };
    const Outcome outcome = cli({QStringLiteral("relay"), QStringLiteral("connect"), m_relay->url().toString(),
                                 QStringLiteral("--code"), QStringLiteral("KGL-GOOD-CODE")});
    QCOMPARE(outcome.code, 1);
    QCOMPARE(m_relay->enrolRequests(), 1);
    QCOMPARE(m_relay->deletions(), QStringList{m_relay->issuedToken});
    QVERIFY(!m_relay->tokens.contains(m_relay->issuedToken));
    QVERIFY2(outcome.err.contains(QStringLiteral("password store")) && outcome.err.contains(QStringLiteral("new enrolment code")),
             qPrintable(outcome.err));
    QVERIFY(!outcome.err.contains(m_relay->issuedToken));
    QVERIFY(m_secrets.values.isEmpty());
    // Not connected.
    const Outcome status = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("status")});
    QVERIFY(status.json().object().value(QStringLiteral("url")).isNull());
}

void TestCliRelay::aKeyThatCannotBeSavedNorWithdrawnIsSaidPlainly()
{
    m_secrets.refuseWrite = [](const QString &key) {
        return key.endsWith(QStringLiteral("relay/device-token"));
    };
    m_relay->deletionStatus = 503;
    const Outcome outcome
        = cli({QStringLiteral("relay"), QStringLiteral("connect"), m_relay->url().toString(), QStringLiteral("--code"),
               QStringLiteral("KGL-GOOD-CODE"), QStringLiteral("--name"), QStringLiteral("Office")});
    QCOMPARE(outcome.code, 1);
    QCOMPARE(m_relay->deletions(), QStringList{m_relay->issuedToken});
    QVERIFY2(outcome.err.contains(QStringLiteral("code has been used")) && outcome.err.contains(QStringLiteral("“Office”"))
                 && outcome.err.contains(QStringLiteral("new enrolment code")),
             qPrintable(outcome.err));
    QVERIFY(!outcome.err.contains(m_relay->issuedToken));
}

QTEST_GUILESS_MAIN(TestCliRelay)
#include "TestCliRelay.moc"
