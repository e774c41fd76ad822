// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Buying tokens with the real programs (docs/cli.md, docs/relay.md): kengele-relay set up with its
// administration commands and serving with the Daraja simulator, kengele-cli buying and syncing, on
// SQLite and PostgreSQL. The desktop side is killed with SIGKILL at the two moments that matter:
//  - `relay sync --once` while it applies the batch that carries the voucher. The relay's access log
//    says when it answered the CLI's GET /v1/events; the CLI is killed on that line, then after
//    longer and longer delays (0, 1, 2, 4 … ms) until one run got its batch committed. That batch
//    holds the voucher and ~500 incoming SMS, so applying it takes a few milliseconds: the early
//    kills land while the CLI reads or applies it, before its one transaction commits (which run
//    landed where is printed; the timing itself is not asserted). After every kill the profile
//    must be whole: the voucher credited exactly when the cursor is past it, the ledger clean.
//  - `tokens buy` right after the relay answered the purchase request (route=purchases 201): the
//    CLI dies before or just after saving the answer; the next sync must still end with the
//    purchase paid, credited, and its tokens added once.
// `relay connect` runs in process (the same CliRunner as kengele-cli) with a fake keychain, as the
// test machine may have none; the other commands get the device token through KENGELE_RELAY_TOKEN.
#include "CliCall.h"
#include "FakeSecretStore.h"
#include "RelayHarness.h"
#include "TestSupport.h"

#include "common/Language.h"
#include "profile/Profile.h"
#include "storage/Database.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTcpServer>
#include <QtTest>

using namespace kengele;
using kengele::test::RelayHarness;

namespace {

constexpr int Wait = 20000;

struct Run {
    int code = -1;
    QByteArray out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

// What a closed profile holds, read in process between the CLI's runs.
struct DeskState {
    qint64 cursor = -1;
    qint64 balance = -1;
    qint64 credits = -1; // ledger credits of one voucher
    QStringList problems;
};

} // namespace

class TestBuyTokensEndToEndProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void cleanup() { m_relay.reset(); }
    void buyThenKillTheDesktopSide();

private:
    Run relayAdmin(const QStringList &arguments);
    Run cli(const QStringList &arguments);
    QProcess *startCli(const QStringList &arguments);
    DeskState desk(const QString &voucher);

    std::unique_ptr<RelayHarness> m_relay;
    QString m_base;
    QTemporaryDir m_dir;
    QString m_profile;
    QString m_token;
    test::FixedClock m_clock;
};

void TestBuyTokensEndToEndProcess::initTestCase_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::addRow("sqlite") << false;
    QTest::addRow("postgres") << true;
}

void TestBuyTokensEndToEndProcess::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("kengele.*.debug=false\nkengele.*.info=false"));
    Language::install(QStringLiteral("en"));
}

Run TestBuyTokensEndToEndProcess::relayAdmin(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(KENGELE_RELAY_BINARY),
                  QStringList{QStringLiteral("--db"), m_relay->databaseLocation(), QStringLiteral("--key-file"),
                              m_relay->keyFile(), QStringLiteral("--public-url"), m_base, QStringLiteral("--json")}
                      + arguments);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(Wait))
        return run;
    run.code = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QProcess *TestBuyTokensEndToEndProcess::startCli(const QStringList &arguments)
{
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KENGELE_RELAY_TOKEN"), m_token);
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(KENGELE_CLI_BINARY), QStringList{QStringLiteral("--profile"), m_profile} + arguments);
    process->closeWriteChannel();
    return process;
}

Run TestBuyTokensEndToEndProcess::cli(const QStringList &arguments)
{
    std::unique_ptr<QProcess> process(startCli(arguments));
    Run run;
    if (!process->waitForFinished(Wait))
        return run;
    run.code = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    run.out = process->readAllStandardOutput();
    run.err = QString::fromUtf8(process->readAllStandardError());
    return run;
}

DeskState TestBuyTokensEndToEndProcess::desk(const QString &voucher)
{
    DeskState state;
    auto opened = Profile::open(m_profile, m_clock);
    if (!opened) {
        state.problems << opened.error().message;
        return state;
    }
    Profile &profile = **opened;
    QSqlQuery q(profile.database().connection());
    if (q.exec(QStringLiteral("SELECT cursor FROM relay_link WHERE id = 1")) && q.next())
        state.cursor = q.value(0).toLongLong();
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM token_transfers WHERE kind = 'purchase' AND reference = ?"));
    q.addBindValue(voucher);
    if (q.exec() && q.next())
        state.credits = q.value(0).toLongLong();
    state.balance = profile.tokens().findAccount(QStringLiteral("Main")).value_or(TokenAccount{}).balance;
    const auto problems = LedgerVerifier(profile.database()).verify();
    if (!problems)
        state.problems << problems.error().message;
    else
        for (const LedgerProblem &problem : *problems)
            state.problems << problem.message;
    return state;
}

void TestBuyTokensEndToEndProcess::buyThenKillTheDesktopSide()
{
    QFETCH_GLOBAL(bool, postgres);
    if (postgres)
        KENGELE_NEED_POSTGRES();
    m_relay = std::make_unique<RelayHarness>(postgres ? RelayHarness::Backend::Postgres : RelayHarness::Backend::Sqlite);
    QString why;
    QVERIFY2(m_relay->open(&why), qPrintable(why));
    quint16 port = 0;
    {
        QTcpServer probe; // a free port for the relay
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    m_profile = m_dir.filePath(postgres ? QStringLiteral("profile-pg") : QStringLiteral("profile"));

    // The operator's steps (docs/relay.md, "Administration").
    const Run created = relayAdmin({QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("St Paul's Church")});
    QVERIFY2(created.code == 0, qPrintable(created.err));
    const QString org = created.json().object().value(QLatin1String("org")).toString();
    QCOMPARE(relayAdmin({QStringLiteral("org"), QStringLiteral("mpesa"), org, QStringLiteral("--simulator")}).code, 0);
    QCOMPARE(
        relayAdmin({QStringLiteral("org"), QStringLiteral("prices"), org, QStringLiteral("--starter"), QStringLiteral("500")})
            .code,
        0);
    const Run code = relayAdmin({QStringLiteral("device"), QStringLiteral("enroll"), org});
    QCOMPARE(code.code, 0);

    QProcess server;
    QByteArray serverLog;
    QProcessEnvironment serverEnv = QProcessEnvironment::systemEnvironment();
    serverEnv.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kengele.*.debug=false"));
    server.setProcessEnvironment(serverEnv);
    server.start(QStringLiteral(KENGELE_RELAY_BINARY),
                 {QStringLiteral("--db"), m_relay->databaseLocation(), QStringLiteral("--key-file"), m_relay->keyFile(),
                  QStringLiteral("--public-url"), m_base, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                  QStringLiteral("--simulator-delay-ms"), QStringLiteral("200"), QStringLiteral("--purchase-scan-ms"),
                  QStringLiteral("50")});
    QVERIFY(server.waitForStarted());
    auto stopServer = qScopeGuard([&server] {
        server.kill();
        server.waitForFinished(5000);
    });
    QTRY_VERIFY_WITH_TIMEOUT(
        (serverLog += server.readAllStandardError()).contains("listening") || server.state() != QProcess::Running, Wait);
    QCOMPARE(server.state(), QProcess::Running);

    // kengele-cli relay connect, in process with a fake keychain.
    {
        test::FakeSecretStore secrets;
        const test::CliOutcome connected
            = test::runCli(m_profile,
                           {QStringLiteral("relay"), QStringLiteral("connect"), m_base, QStringLiteral("--code"),
                            code.json().object().value(QLatin1String("code")).toString()},
                           m_clock, secrets);
        QVERIFY2(connected.code == 0, qPrintable(connected.err));
        QCOMPARE(secrets.values.size(), 1);
        m_token = secrets.values.cbegin().value();
    }

    const Run plans = cli({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("plans")});
    QVERIFY2(plans.code == 0, qPrintable(plans.err));
    QCOMPARE(plans.json().array().at(1).toObject().value(QLatin1String("price_kes")).toInteger(), 500);

    // Bought and waited for: paid and credited, with the demo voucher's 100 before it.
    const Run bought = cli({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("buy"), QStringLiteral("--plan"),
                            QStringLiteral("starter"), QStringLiteral("--phone"), QStringLiteral("0712345678")});
    QVERIFY2(bought.code == 0, qPrintable(bought.err));
    const QJsonObject paid = bought.json().object();
    QCOMPARE(paid.value(QLatin1String("state")).toString(), QStringLiteral("paid"));
    QCOMPARE(paid.value(QLatin1String("credited")).toBool(), true);
    QCOMPARE(paid.value(QLatin1String("tokens")).toInteger(), 1000);
    QVERIFY(paid.value(QLatin1String("receipt")).toString().startsWith(QLatin1String("SIM")));
    const Run check = cli({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("check")});
    QCOMPARE(check.json().object().value(QLatin1String("total")).toInteger(), 1100);

    // A second purchase, not waited for; once its voucher is on the feed, ~500 SMS come after it.
    const Run second
        = cli({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("buy"), QStringLiteral("--plan"),
               QStringLiteral("starter"), QStringLiteral("--phone"), QStringLiteral("0712345678"), QStringLiteral("--no-wait")});
    QVERIFY2(second.code == 0, qPrintable(second.err));
    QCOMPARE(second.json().object().value(QLatin1String("state")).toString(), QStringLiteral("waiting"));
    const QString secondId = second.json().object().value(QLatin1String("purchase")).toString();
    auto relayState = [&](const QString &id) {
        const auto found = m_relay->store().purchase(id);
        return found && *found ? **found : relay::Purchase{};
    };
    QTRY_COMPARE_WITH_TIMEOUT(relayState(secondId).state, QStringLiteral("paid"), Wait);
    const QString voucher = relayState(secondId).voucherId;
    qint64 voucherSeq = 0;
    {
        const auto events = m_relay->store().eventsAfter(org, 0, 1000);
        QVERIFY(events);
        for (const relay::StoredEvent &event : *events) {
            if (event.kind == QLatin1String("voucher") && event.data.contains(voucher.toLatin1()))
                voucherSeq = event.seq;
        }
    }
    QVERIFY(voucherSeq > 0);
    QList<relay::HookEvent> sms;
    for (int i = 0; i < 600; ++i) {
        const QJsonObject data{{QStringLiteral("id"), QStringLiteral("in-%1").arg(i)},
                               {QStringLiteral("from"), QStringLiteral("+2547120%1").arg(i, 5, 10, QLatin1Char('0'))},
                               {QStringLiteral("to"), QStringLiteral("22384")},
                               {QStringLiteral("text"), QStringLiteral("Amen %1").arg(i)}};
        sms.append({org, QStringLiteral("at.inbound"), QStringLiteral("in-%1").arg(i),
                    QJsonDocument(data).toJson(QJsonDocument::Compact), QDateTime::currentMSecsSinceEpoch()});
    }
    QVERIFY(m_relay->store().append(sms, {}));
    const DeskState before = desk(voucher);
    QVERIFY(before.cursor < voucherSeq);
    QCOMPARE(before.balance, 1100);

    // relay sync --once, killed on the relay's answer to its first GET /v1/events, then later.
    QStringList outcomes;
    for (const int delayMs : {0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512}) {
        serverLog += server.readAllStandardError();
        const qsizetype logFrom = serverLog.size();
        std::unique_ptr<QProcess> sync(
            startCli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")}));
        QVERIFY(sync->waitForStarted());
        bool answered = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            (answered = (serverLog += server.readAllStandardError()).indexOf("route=events method=GET status=200", logFrom) >= 0)
                || sync->state() != QProcess::Running,
            Wait);
        if (delayMs > 0)
            QTest::qWait(delayMs);
        const bool exitedByItself = sync->state() != QProcess::Running;
        // (waitForFinished() is false for a process already seen to end: a loaded machine lets it finish first.)
        if (sync->state() != QProcess::NotRunning) {
            sync->kill();
            QVERIFY(sync->waitForFinished(Wait));
        }
        const DeskState after = desk(voucher);
        QVERIFY2(after.problems.isEmpty(), qPrintable(after.problems.join(u'\n')));
        // Whole or nothing: the voucher credited exactly when the cursor passed it, once.
        QCOMPARE(after.credits, after.cursor >= voucherSeq ? 1 : 0);
        QCOMPARE(after.balance, 1100 + 1000 * after.credits);
        outcomes << QStringLiteral("%1 ms: %2")
                        .arg(delayMs)
                        .arg(exitedByItself           ? QStringLiteral("finished before the kill")
                                 : !answered          ? QStringLiteral("killed before an answer")
                                 : after.credits == 0 ? QStringLiteral("killed before the commit")
                                                      : QStringLiteral("killed after the commit"));
        if (after.credits == 1)
            break;
    }
    qInfo().noquote() << "relay sync --once under SIGKILL:" << outcomes.join(QStringLiteral("; "));

    // tokens buy killed on the relay's answer to its purchase request.
    {
        serverLog += server.readAllStandardError();
        const qsizetype logFrom = serverLog.size();
        std::unique_ptr<QProcess> buying(
            startCli({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("buy"), QStringLiteral("--plan"),
                      QStringLiteral("starter"), QStringLiteral("--phone"), QStringLiteral("0712345678")}));
        QVERIFY(buying->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            (serverLog += server.readAllStandardError()).indexOf("route=purchases method=POST status=201", logFrom) >= 0, Wait);
        if (buying->state() != QProcess::NotRunning) {
            buying->kill();
            QVERIFY(buying->waitForFinished(Wait));
        }
    }
    const auto purchases = m_relay->store().purchases(org, 10);
    QVERIFY(purchases && purchases->size() == 3);
    const QString thirdId = purchases->first().id;
    QTRY_COMPARE_WITH_TIMEOUT(relayState(thirdId).state, QStringLiteral("paid"), Wait);

    // The next sync finishes the job: everything credited once, and it says how many tokens it added.
    const qint64 balanceBefore = desk(voucher).balance;
    const Run synced = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(synced.code == 0, qPrintable(synced.err));
    QCOMPARE(synced.json().object().value(QLatin1String("tokens_credited")).toInteger(), 3100 - balanceBefore);
    QCOMPARE(synced.json().object().value(QLatin1String("vouchers_refused")).toInt(), 0);
    const DeskState end = desk(voucher);
    QVERIFY2(end.problems.isEmpty(), qPrintable(end.problems.join(u'\n')));
    QCOMPARE(end.credits, 1);
    QCOMPARE(end.balance, 3100);
    QCOMPARE(desk(relayState(thirdId).voucherId).credits, 1);
    const Run again = cli({QStringLiteral("--json"), QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")});
    QCOMPARE(again.json().object().value(QLatin1String("applied")).toInt(), 0);
    const Run list = cli({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("purchases")});
    QVERIFY2(list.code == 0, qPrintable(list.err));
    const QJsonArray rows = list.json().array();
    QCOMPARE(rows.size(), 3);
    for (const QJsonValue &row : rows) {
        QCOMPARE(row.toObject().value(QLatin1String("state")).toString(), QStringLiteral("paid"));
        QVERIFY2(!row.toObject().value(QLatin1String("credited")).isNull(),
                 qPrintable(QString::fromUtf8(QJsonDocument(row.toObject()).toJson(QJsonDocument::Compact))));
    }
    const Run total = cli({QStringLiteral("--json"), QStringLiteral("tokens"), QStringLiteral("check")});
    QCOMPARE(total.json().object().value(QLatin1String("total")).toInteger(), 3100);
}

QTEST_GUILESS_MAIN(TestBuyTokensEndToEndProcess)
#include "TestBuyTokensEndToEndProcess.moc"
