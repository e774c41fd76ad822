// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// The real kengele-cli executable, as a script would run it: the GSM 03.38 hard cases through
// `--json segments`, JSON alone on stdout, the exit codes, and --profile / KENGELE_PROFILE.
class TestCliProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void segmentsHardCases_data();
    void segmentsHardCases();
    void profileFromEnvironment();
    void badUsageExitsWithTwo();

private:
    QProcess *start(const QStringList &arguments, const QByteArray &input = {},
                    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
};

QProcess *TestCliProcess::start(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &env)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(env);
    process->start(qEnvironmentVariable("KENGELE_CLI"), arguments);
    if (!process->waitForStarted(10000))
        return process;
    process->write(input);
    process->closeWriteChannel();
    process->waitForFinished(30000);
    return process;
}

void TestCliProcess::segmentsHardCases_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<int>("segments");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("characters");
    const QString a = QStringLiteral("a");
    const QString ucs = QStringLiteral("ç"); // not in GSM-7 (only Ç is)
    const QString emoji = QStringLiteral("🙏");
    QTest::addRow("160 GSM-7") << a.repeated(160) << "GSM-7" << 1 << 160 << 160;
    QTest::addRow("161 GSM-7") << a.repeated(161) << "GSM-7" << 2 << 161 << 161;
    QTest::addRow("153x2") << a.repeated(306) << "GSM-7" << 2 << 306 << 306;
    QTest::addRow("153x2+1") << a.repeated(307) << "GSM-7" << 3 << 307 << 307;
    QTest::addRow("extension char alone") << QStringLiteral("€") << "GSM-7" << 1 << 2 << 1;
    QTest::addRow("159 + extension = 161 septets") << (a.repeated(159) + QStringLiteral("{")) << "GSM-7" << 2 << 161 << 160;
    // 152 + € + 152 = 306 septets, but the escape pair cannot straddle parts 1 and 2.
    QTest::addRow("extension at part boundary")
        << (a.repeated(152) + QStringLiteral("€") + a.repeated(152)) << "GSM-7" << 3 << 306 << 305;
    QTest::addRow("extension just inside") << (a.repeated(151) + QStringLiteral("€") + a.repeated(153)) << "GSM-7" << 2 << 306
                                           << 305;
    QTest::addRow("70 UCS-2") << (ucs + a.repeated(69)) << "UCS-2" << 1 << 70 << 70;
    QTest::addRow("71 UCS-2") << (ucs + a.repeated(70)) << "UCS-2" << 2 << 71 << 71;
    QTest::addRow("67x2") << (ucs + a.repeated(133)) << "UCS-2" << 2 << 134 << 134;
    QTest::addRow("67x2+1") << (ucs + a.repeated(134)) << "UCS-2" << 3 << 135 << 135;
    // 66 units + an emoji (2 units) + 66: 134 units, but the surrogate pair moves to part 2.
    QTest::addRow("emoji at part boundary") << (ucs + a.repeated(65) + emoji + a.repeated(66)) << "UCS-2" << 3 << 134 << 133;
    QTest::addRow("emoji inside a part") << (ucs + a.repeated(64) + emoji + a.repeated(67)) << "UCS-2" << 2 << 134 << 133;
    QTest::addRow("empty") << QString() << "GSM-7" << 0 << 0 << 0;
}

void TestCliProcess::segmentsHardCases()
{
    QFETCH(QString, text);
    QFETCH(QString, encoding);
    QFETCH(int, segments);
    QFETCH(int, units);
    QFETCH(int, characters);
    // Once as an argument, once on stdin.
    for (const bool viaStdin : {false, true}) {
        QProcess *process = viaStdin ? start({QStringLiteral("--json"), QStringLiteral("segments")}, text.toUtf8())
                                     : start({QStringLiteral("--json"), QStringLiteral("segments"), text});
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
        QVERIFY(process->readAllStandardError().isEmpty());
        QJsonParseError error;
        const QJsonObject result = QJsonDocument::fromJson(process->readAllStandardOutput(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(result.value(QStringLiteral("encoding")).toString(), encoding);
        QCOMPARE(result.value(QStringLiteral("segments")).toInt(), segments);
        QCOMPARE(result.value(QStringLiteral("units")).toInt(), units);
        QCOMPARE(result.value(QStringLiteral("characters")).toInt(), characters);
    }
}

void TestCliProcess::profileFromEnvironment()
{
    QTemporaryDir dir;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KENGELE_PROFILE"), dir.filePath(QStringLiteral("from-env")));
    QProcess *created = start({QStringLiteral("groups"), QStringLiteral("create"), QStringLiteral("Choir")}, {}, env);
    QCOMPARE(created->exitCode(), 0);
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("from-env/kengele.sqlite"))));
    // --profile wins over the environment.
    QProcess *other = start({QStringLiteral("--profile"), dir.filePath(QStringLiteral("from-flag")), QStringLiteral("--json"),
                             QStringLiteral("groups"), QStringLiteral("list")},
                            {}, env);
    QCOMPARE(other->exitCode(), 0);
    QCOMPARE(other->readAllStandardOutput().trimmed(), QByteArray("[]"));
}

void TestCliProcess::badUsageExitsWithTwo()
{
    QProcess *process = start({QStringLiteral("--json"), QStringLiteral("segmnts")});
    QCOMPARE(process->exitCode(), 2);
    QVERIFY(process->readAllStandardOutput().isEmpty());
    QVERIFY(process->readAllStandardError().contains("Unknown command"));
}

QTEST_GUILESS_MAIN(TestCliProcess)
#include "TestCliProcess.moc"
