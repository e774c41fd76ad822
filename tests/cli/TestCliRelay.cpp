// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliRunner.h"
#include "FakeRelay.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "common/Language.h"

#include <QBuffer>
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

private:
    struct Outcome {
        int code = 0;
        QString out;
        QString err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    };
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
}

TestCliRelay::Outcome TestCliRelay::cli(QStringList arguments)
{
    arguments.prepend(m_dir->filePath(QStringLiteral("profile")));
    arguments.prepend(QStringLiteral("--profile"));
    QString out;
    QString err;
    QByteArray in;
    QBuffer inBuffer(&in);
    inBuffer.open(QIODevice::ReadOnly);
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QTextStream inStream(&inBuffer);
    CliRunner runner(outStream, errStream, inStream, m_clock, m_secrets);
    Outcome outcome;
    outcome.code = runner.run(arguments);
    outStream.flush();
    errStream.flush();
    outcome.out = out;
    outcome.err = err;
    return outcome;
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

QTEST_GUILESS_MAIN(TestCliRelay)
#include "TestCliRelay.moc"
