// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// kengele-relay's administration commands, run as an operator would (docs/relay.md, "Administration").
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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
    Run relay(QStringList arguments, bool withDb = true)
    {
        if (withDb)
            arguments = QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--public-url"),
                                    QStringLiteral("https://relay.example.org/")}
                + arguments;
        QProcess process;
        process.start(QStringLiteral(KENGELE_RELAY_BINARY), arguments);
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
};

QTEST_GUILESS_MAIN(TestRelayCli)
#include "TestRelayCli.moc"
