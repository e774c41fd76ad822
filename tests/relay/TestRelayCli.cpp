// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// kengele-relay's administration commands, run as an operator would (docs/relay.md, "Administration").
#include "FakeDaraja.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

class TestRelayCli final : public QObject
{
    Q_OBJECT

private:
    struct Run {
        int code = -1;
        QByteArray out;
        QString err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    };
    Run relay(QStringList arguments, bool withDb = true, const QByteArray &input = {})
    {
        if (withDb)
            arguments = QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--public-url"),
                                    QStringLiteral("https://relay.example.org/")}
                + arguments;
        QProcess process;
        process.start(QStringLiteral(KENGELE_RELAY_BINARY), arguments);
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        Run run;
        if (!process.waitForFinished(30000))
            return run;
        run.code = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QTemporaryDir m_dir;
    QString m_db;

private Q_SLOTS:
    void init()
    {
        m_db = QStringLiteral("sqlite:")
            + m_dir.filePath(QStringLiteral("relay-%1.db").arg(QRandomGenerator::global()->generate()));
    }

    void organisationsAndDevices()
    {
        const Run created = relay(
            {QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("St Paul's Church")});
        QCOMPARE(created.code, 0);
        const QJsonObject org = created.json().object();
        const QString id = org.value(QLatin1String("org")).toString();
        QVERIFY(id.startsWith(QLatin1String("org_")));
        const QJsonObject hooks = org.value(QLatin1String("hooks")).toObject();
        QCOMPARE(
            hooks.keys(),
            (QStringList{QStringLiteral("at_delivery"), QStringLiteral("at_inbound"), QStringLiteral("at_optout"),
                         QStringLiteral("c2b_confirmation"), QStringLiteral("c2b_validation"), QStringLiteral("mpesa_stk")}));
        const QString delivery = hooks.value(QLatin1String("at_delivery")).toString();
        QVERIFY2(delivery.startsWith(QStringLiteral("https://relay.example.org/hooks/") + id + QLatin1Char('/')),
                 qPrintable(delivery));
        QVERIFY(delivery.endsWith(QLatin1String("/at/delivery")));
        // Daraja refuses callback URLs with these words.
        for (const QString &key : hooks.keys()) {
            const QString url = hooks.value(key).toString().toLower();
            for (const char *word : {"mpesa", "m-pesa", "safaricom", "sql", "query", "exec", "cmd"})
                QVERIFY2(!url.contains(QLatin1String(word)), qPrintable(url));
        }

        const Run list = relay({QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QCOMPARE(list.json().array().size(), 1);
        QVERIFY(!list.out.contains(delivery.section(QLatin1Char('/'), 5, 5).toLatin1())); // the secret is never listed

        const Run code = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("enroll"), id});
        QCOMPARE(code.code, 0);
        QVERIFY(code.json().object().value(QLatin1String("code")).toString().startsWith(QLatin1String("KGL-")));
        QVERIFY(QDateTime::fromString(code.json().object().value(QLatin1String("expires")).toString(), Qt::ISODate)
                > QDateTime::currentDateTimeUtc().addSecs(23 * 3600));
        const Run shortCode = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("enroll"), id,
                                     QStringLiteral("--hours"), QStringLiteral("2")});
        QVERIFY(QDateTime::fromString(shortCode.json().object().value(QLatin1String("expires")).toString(), Qt::ISODate)
                < QDateTime::currentDateTimeUtc().addSecs(3 * 3600));

        const Run devices = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("list"), id});
        QCOMPARE(devices.code, 0);
        QCOMPARE(devices.json().array().size(), 0);
        const Run human = relay({QStringLiteral("device"), QStringLiteral("list"), id});
        QVERIFY(human.out.contains("No desktops enrolled yet"));

        const Run rotated = relay({QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("rotate"), id});
        QCOMPARE(rotated.code, 0);
        QVERIFY(rotated.json().object().value(QLatin1String("hooks")).toObject().value(QLatin1String("at_delivery")).toString()
                != delivery);

        const Run restored = relay({QStringLiteral("--json"), QStringLiteral("after-restore")});
        QCOMPARE(restored.code, 0);
        QCOMPARE(restored.json().object().value(QLatin1String("organisations")).toInt(), 1);
        const Run listed = relay({QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("list")});
        QCOMPARE(listed.json().array().at(0).toObject().value(QLatin1String("events")).toInteger(),
                 1'000'001); // the demo voucher, then the jump

        const Run quarantine = relay({QStringLiteral("quarantine"), QStringLiteral("list")});
        QCOMPARE(quarantine.code, 0);
        QVERIFY(quarantine.out.contains("Nothing in quarantine"));
    }

    void mistakesGetClearMessages()
    {
        Run r = relay({QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("org_nosuch")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("no organisation org_nosuch")), qPrintable(r.err));
        r = relay({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("dev_nosuch")});
        QCOMPARE(r.code, 1);
        r = relay({QStringLiteral("org"), QStringLiteral("create")});
        QCOMPARE(r.code, 2);
        r = relay({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown command")));
        r = relay({QStringLiteral("--db"), QStringLiteral("mysql://x"), QStringLiteral("org"), QStringLiteral("list")}, false);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("sqlite:PATH or postgres://")));
        r = relay({QStringLiteral("--db"), QStringLiteral("sqlite:/nonexistent-folder/relay.db"), QStringLiteral("org"),
                   QStringLiteral("list")},
                  false);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("does not exist")), qPrintable(r.err));
        r = relay({QStringLiteral("--listen"), QStringLiteral("nonsense"), QStringLiteral("org"), QStringLiteral("list")});
        QCOMPARE(r.code, 2);
        r = relay({QStringLiteral("--ip-rate"), QStringLiteral("-5"), QStringLiteral("org"), QStringLiteral("list")});
        QCOMPARE(r.code, 2);
    }

    void configurationFileAndFlags()
    {
        QFile file(m_dir.filePath(QStringLiteral("relay.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[relay]\n#listen = 0.0.0.0:8080\ndb=" + m_db.toUtf8()
                   + "\npublic_url=https://from-file.example.org\nmax_body_bytes=65536\n");
        file.close();
        Run r = relay({QStringLiteral("--config"), file.fileName(), QStringLiteral("--json"), QStringLiteral("org"),
                       QStringLiteral("create"), QStringLiteral("A")},
                      false);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("https://from-file.example.org/hooks/"));
        // A flag wins over the file.
        r = relay({QStringLiteral("--config"), file.fileName(), QStringLiteral("--public-url"),
                   QStringLiteral("https://flag.example.org"), QStringLiteral("--json"), QStringLiteral("org"),
                   QStringLiteral("create"), QStringLiteral("B")},
                  false);
        QVERIFY(r.out.contains("https://flag.example.org/hooks/"));
        QVERIFY(file.open(QIODevice::Append));
        file.write("no_such_key=1\n");
        file.close();
        r = relay({QStringLiteral("--config"), file.fileName(), QStringLiteral("org"), QStringLiteral("list")}, false);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("unknown setting")));
    }

    void servesAndStopsOnSigterm()
    {
        QProcess server;
        server.start(QStringLiteral(KENGELE_RELAY_BINARY),
                     {QStringLiteral("--db"), m_db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(server.waitForStarted());
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT(
            (log += server.readAllStandardError()).contains("listening") || server.state() != QProcess::Running, 10000);
        QCOMPARE(server.state(), QProcess::Running);
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    // Tokens bought with M-Pesa, the relay killed with SIGKILL between the callback and the voucher:
    // after a restart the purchase is checked again and exactly one voucher is issued.
    void aPurchaseSurvivesKill9BetweenCallbackAndVoucher()
    {
        kengele::test::FakeDaraja daraja;
        QVERIFY(daraja.listen() != 0);
        quint16 port = 0;
        {
            QTcpServer probe; // a free port for the relay
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        const QStringList serving = {QStringLiteral("--db"),
                                     m_db,
                                     QStringLiteral("--public-url"),
                                     base,
                                     QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:%1").arg(port),
                                     QStringLiteral("--purchase-scan-ms"),
                                     QStringLiteral("50")};
        auto admin = [&](QStringList arguments, const QByteArray &input = {}) {
            return relay(QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--public-url"), base, QStringLiteral("--json")}
                             + arguments,
                         false, input);
        };
        const Run created = admin({QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("St Paul's Church")});
        QCOMPARE(created.code, 0);
        const QString org = created.json().object().value(QLatin1String("org")).toString();
        daraja.expectedCallbackUrl
            = created.json().object().value(QLatin1String("hooks")).toObject().value(QLatin1String("mpesa_stk")).toString();

        const QByteArray credentials
            = (daraja.consumerKey + u'\n' + daraja.consumerSecret + u'\n' + daraja.passkey + u'\n').toUtf8();
        const Run mpesa
            = admin({QStringLiteral("org"), QStringLiteral("mpesa"), org, QStringLiteral("--shortcode"), daraja.shortcode,
                     QStringLiteral("--environment"), QStringLiteral("sandbox"), QStringLiteral("--base-url"), daraja.baseUrl()},
                    credentials);
        QCOMPARE(mpesa.code, 0);
        QCOMPARE(mpesa.json().object(),
                 (QJsonObject{{QStringLiteral("org"), org},
                              {QStringLiteral("mpesa"),
                               QJsonObject{{QStringLiteral("shortcode"), daraja.shortcode},
                                           {QStringLiteral("environment"), QStringLiteral("sandbox")},
                                           {QStringLiteral("simulator"), false}}}}));
        QVERIFY(!mpesa.out.contains(daraja.consumerSecret.toUtf8()) && !mpesa.err.contains(daraja.passkey));
        const Run prices = admin({QStringLiteral("org"), QStringLiteral("prices"), org, QStringLiteral("--starter"),
                                  QStringLiteral("500"), QStringLiteral("--lock-features"), QStringLiteral("on")});
        QCOMPARE(prices.code, 0);
        QCOMPARE(prices.json().object(),
                 (QJsonObject{{QStringLiteral("org"), org},
                              {QStringLiteral("prices"),
                               QJsonObject{{QStringLiteral("demo"), 0},
                                           {QStringLiteral("starter"), 500},
                                           {QStringLiteral("business"), QJsonValue()},
                                           {QStringLiteral("enterprise"), QJsonValue()}}},
                              {QStringLiteral("lock_features"), true}}));
        const Run key = admin({QStringLiteral("voucher-key"), QStringLiteral("show")});
        QCOMPARE(key.code, 0);
        const QString publicKey = key.json().object().value(QLatin1String("public_key")).toString();
        QCOMPARE(QByteArray::fromBase64(publicKey.toLatin1()).size(), 32);
        // A copy of the database alone holds no credential in plain text.
        QFile database(m_db.mid(7));
        QVERIFY(database.open(QIODevice::ReadOnly));
        const QByteArray bytes = database.readAll() + [&] {
            QFile wal(m_db.mid(7) + QStringLiteral("-wal"));
            return wal.open(QIODevice::ReadOnly) ? wal.readAll() : QByteArray();
        }();
        QVERIFY(!bytes.contains(daraja.consumerSecret.toUtf8()) && !bytes.contains(daraja.passkey.toUtf8()));
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("relay.key"))).exists());
        QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("relay.key"))).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
        const QString enrolCode = admin({QStringLiteral("device"), QStringLiteral("enroll"), org})
                                      .json()
                                      .object()
                                      .value(QLatin1String("code"))
                                      .toString();

        QByteArray log;
        QProcess server;
        server.setProcessChannelMode(QProcess::SeparateChannels);
        auto startServer = [&] {
            server.start(QStringLiteral(KENGELE_RELAY_BINARY), serving);
            QVERIFY(server.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(
                (log += server.readAllStandardError()).contains("listening") || server.state() != QProcess::Running, 10000);
            QCOMPARE(server.state(), QProcess::Running);
        };
        startServer();
        QNetworkAccessManager network;
        auto call = [&](const QString &method, const QString &path, const QByteArray &body, const QByteArray &token) {
            QNetworkRequest request(QUrl(base + path));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            if (!token.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + token);
            QNetworkReply *reply = method == QLatin1String("GET") ? network.get(request) : network.post(request, body);
            if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
                reply->abort();
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            return answer;
        };
        QJsonObject enrolled;
        [&] {
            enrolled = call(
                QStringLiteral("POST"), QStringLiteral("/v1/enrol"),
                QJsonDocument(QJsonObject{{QStringLiteral("code"), enrolCode}, {QStringLiteral("name"), QStringLiteral("PC")}})
                    .toJson(),
                {});
        }();
        QCOMPARE(enrolled.value(QLatin1String("voucher_key")).toString(), publicKey);
        const QByteArray token = enrolled.value(QLatin1String("token")).toString().toLatin1();
        QJsonObject bought;
        [&] {
            bought = call(QStringLiteral("POST"), QStringLiteral("/v1/purchases"),
                          R"({"plan":"starter","phone":"0712345678","account":"Main","request_id":"req-kill-0001"})", token);
        }();
        QCOMPARE(bought.value(QLatin1String("state")).toString(), QStringLiteral("waiting"));
        QVERIFY2(daraja.problems.isEmpty(), qPrintable(daraja.problems.join(u'\n')));
        const QString purchase = bought.value(QLatin1String("purchase")).toString();

        // The callback arrives; the relay asks Daraja, which does not answer yet; SIGKILL.
        daraja.holdQueries = true;
        QUrl hook(daraja.expectedCallbackUrl);
        [&] {
            QNetworkRequest request(hook);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = network.post(
                request, kengele::test::FakeDaraja::callback(daraja.checkouts.value(0), 0, 500, QStringLiteral("SGR7KILL99")));
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }();
        QTRY_VERIFY_WITH_TIMEOUT(daraja.queries >= 1, 10000);
        server.kill();
        QVERIFY(server.waitForFinished(10000));
        log += server.readAllStandardError();

        // Restarted: the stored callback makes the purchase due again; Daraja answers now.
        daraja.holdQueries = false;
        startServer();
        auto vouchers = [&] {
            QJsonArray found;
            const QJsonObject feed = call(QStringLiteral("GET"), QStringLiteral("/v1/events?after=0&limit=1000"), {}, token);
            for (const QJsonValue &event : feed.value(QLatin1String("events")).toArray()) {
                if (event.toObject().value(QLatin1String("kind")).toString() == QLatin1String("voucher"))
                    found.append(event);
            }
            return found;
        };
        QTRY_COMPARE_WITH_TIMEOUT(vouchers().size(), 2, 15000); // the demo voucher and the purchase's
        QTest::qWait(300);
        QCOMPARE(vouchers().size(), 2);
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        log += server.readAllStandardError();
        const Run listed = admin({QStringLiteral("purchases"), QStringLiteral("list"), org});
        QCOMPARE(listed.code, 0);
        const QJsonObject row = listed.json().array().at(0).toObject();
        QCOMPARE(row.keys(),
                 (QStringList{QStringLiteral("amount_kes"), QStringLiteral("checkout"), QStringLiteral("plan"),
                              QStringLiteral("purchase"), QStringLiteral("receipt"), QStringLiteral("state"),
                              QStringLiteral("voucher")}));
        QCOMPARE(row.value(QLatin1String("purchase")).toString(), purchase);
        QCOMPARE(row.value(QLatin1String("state")).toString(), QStringLiteral("paid"));
        QCOMPARE(row.value(QLatin1String("receipt")).toString(), QStringLiteral("SGR7KILL99"));
        QVERIFY(row.value(QLatin1String("voucher")).toString().startsWith(QLatin1String("vch_")));
        // The relay's log (both runs) never held a credential or Daraja's token.
        QVERIFY(log.contains("purchase paid"));
        for (const QString &secret : {daraja.consumerSecret, daraja.passkey, daraja.consumerKey, daraja.currentToken})
            QVERIFY2(!log.contains(secret.toUtf8()), "a secret reached the relay's log");
    }
};

QTEST_GUILESS_MAIN(TestRelayCli)
#include "TestRelayCli.moc"
