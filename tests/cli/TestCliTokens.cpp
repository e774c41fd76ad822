// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCall.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "common/Language.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "profile/Profile.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/RelayEvent.h"
#include "sync/RelayLinkStore.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"
#include "tokens/TokenLot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

// kengele-cli tokens … in-process against a temporary profile (docs/cli.md).
class TestCliTokens final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void badInput_data();
    void badInput();
    void addTransferAndHistory();
    void expireAfterTheValidity();
    void thresholdAlertsAndInsights();
    void usageByDay();
    void renameADepartment();
    void plansLockScriptsAndCharts();

private:
    using Outcome = test::CliOutcome;
    // kengele-cli with these arguments ("a|b|c"), on this test's profile.
    Outcome cli(const char *line);
    // The ledger check of the profile, empty when it is clean.
    QString ledgerProblems();

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FixedClock m_clock;
    test::FakeSecretStore m_secrets;
};

void TestCliTokens::init()
{
    Language::install(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock.set(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC));
}

TestCliTokens::Outcome TestCliTokens::cli(const char *line)
{
    return test::runCli(m_dir->filePath(QStringLiteral("profile")), test::cliLine(QString::fromUtf8(line)), m_clock, m_secrets);
}

QString TestCliTokens::ledgerProblems()
{
    auto profile = Profile::open(m_dir->filePath(QStringLiteral("profile")), m_clock);
    if (!profile)
        return profile.error().message;
    const auto problems = LedgerVerifier((*profile)->database()).verify();
    if (!problems)
        return problems.error().message;
    QStringList lines;
    for (const LedgerProblem &problem : *problems)
        lines << problem.message;
    return lines.join(u'\n');
}

void TestCliTokens::badInput_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QTest::addRow("transfer too many") << "tokens|transfer|--from|Main|--to|Youth|--tokens|900|--reason|Camp" << 1
                                       << "Not enough tokens: the Main account has 500, so 900 tokens cannot be moved from it.";
    QTest::addRow("transfer to nobody") << "tokens|transfer|--from|Main|--to|Choir|--tokens|5|--reason|Camp" << 1
                                        << "There is no token account called “Choir”.";
    QTest::addRow("transfer negative") << "tokens|transfer|--from|Main|--to|Youth|--tokens|-5|--reason|Camp" << 2
                                       << "whole number above zero";
    QTest::addRow("transfer without reason") << "tokens|transfer|--from|Main|--to|Youth|--tokens|5" << 2 << "Say why";
    QTest::addRow("transfer without accounts") << "tokens|transfer|--tokens|5|--reason|Camp" << 2 << "Say which accounts";
    QTest::addRow("transfer to Spent") << "tokens|transfer|--from|Main|--to|Spent|--tokens|5|--reason|Camp" << 1
                                       << "one of the ledger's own accounts";
    QTest::addRow("add negative days") << "tokens|add|--tokens|5|--valid-days|-1" << 2 << "valid";
    QTest::addRow("add too many days") << "tokens|add|--tokens|5|--valid-days|5000" << 2 << "at most 3650 days";
    QTest::addRow("threshold negative") << "tokens|threshold|--account|Youth|--below|-4" << 2 << "0 or more";
    QTest::addRow("threshold of nobody") << "tokens|threshold|--account|Choir|--below|4" << 1 << "no token account";
    QTest::addRow("usage zero days") << "tokens|usage|--days|0" << 2 << "from 1 to 366";
    QTest::addRow("history unknown account") << "tokens|history|--account|Choir" << 1 << "no token account";
    QTest::addRow("history zero lines") << "tokens|history|--limit|0" << 2 << "--limit 50";
    QTest::addRow("expire with an option") << "tokens|expire|--tokens|5" << 2 << "--tokens does not apply";
    QTest::addRow("unknown word") << "tokens|burn" << 2 << "tokens transfer --from NAME";
    QTest::addRow("rename Main") << "tokens|rename|--account|Main|--name|General" << 1 << "keeps its name";
}

void TestCliTokens::badInput()
{
    QFETCH(QString, line);
    QFETCH(int, code);
    QFETCH(QString, says);
    QCOMPARE(cli("tokens|add|--tokens|500").code, 0);
    QCOMPARE(cli("tokens|add|--tokens|5|--account|Youth").code, 0);
    const Outcome outcome = cli(line.toUtf8().constData());
    QCOMPARE(outcome.code, code);
    QVERIFY2(outcome.err.contains(says), qPrintable(outcome.err));
    QVERIFY(outcome.out.isEmpty());
    // Nothing moved.
    const QJsonObject check = cli("--json|tokens|check").json().object();
    QCOMPARE(check.value(QStringLiteral("total")).toInteger(), 505);
    QCOMPARE(ledgerProblems(), QString());
}

void TestCliTokens::addTransferAndHistory()
{
    const Outcome added = cli("--json|tokens|add|--tokens|1000|--valid-days|30|--reason|Starter by hand");
    QVERIFY2(added.code == 0, qPrintable(added.err));
    QCOMPARE(added.json().object().value(QStringLiteral("expires")).toString(), QStringLiteral("2026-03-31T09:00:00.000Z"));
    QCOMPARE(cli("tokens|add|--tokens|50|--account|Youth").code, 0);
    m_clock.set(m_clock.nowUtc().addSecs(60));

    const Outcome moved = cli("--json|tokens|transfer|--from|main|--to|Youth|--tokens|300|--reason|Youth camp");
    QVERIFY2(moved.code == 0, qPrintable(moved.err));
    QCOMPARE(
        moved.json().object(),
        (QJsonObject{{QStringLiteral("from"), QStringLiteral("Main")},
                     {QStringLiteral("to"), QStringLiteral("Youth")},
                     {QStringLiteral("tokens"), 300},
                     {QStringLiteral("balances"), QJsonObject{{QStringLiteral("Main"), 700}, {QStringLiteral("Youth"), 350}}}}));

    const Outcome youth = cli("--json|tokens|history|--account|Youth");
    QVERIFY2(youth.code == 0, qPrintable(youth.err));
    const QJsonArray lines = youth.json().array();
    QCOMPARE(lines.size(), 2);
    const QJsonObject newest = lines.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("transfer"));
    QCOMPARE(newest.value(QStringLiteral("tokens")).toInt(), 300);
    QCOMPARE(newest.value(QStringLiteral("account")).toString(), QStringLiteral("Youth"));
    QCOMPARE(newest.value(QStringLiteral("reason")).toString(), QStringLiteral("Youth camp"));
    QCOMPARE(newest.value(QStringLiteral("time")).toString(), QStringLiteral("2026-03-01T09:01:00.000Z"));
    QVERIFY(newest.contains(QStringLiteral("reference")));
    QVERIFY(newest.contains(QStringLiteral("user")));
    QCOMPARE(lines.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("grant"));

    // Every budget: the transfer shows on both sides, newest first.
    const QJsonArray all = cli("--json|tokens|history").json().array();
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.at(0).toObject().value(QStringLiteral("tokens")).toInt(), -300);
    QCOMPARE(all.at(1).toObject().value(QStringLiteral("tokens")).toInt(), 300);
    QCOMPARE(cli("--json|tokens|history|--limit|1").json().array().size(), 1);
    const Outcome text = cli("tokens|history");
    QVERIFY(text.out.contains(QStringLiteral("Youth camp")));
    QCOMPARE(ledgerProblems(), QString());
}

void TestCliTokens::expireAfterTheValidity()
{
    QCOMPARE(cli("tokens|add|--tokens|100|--valid-days|7").code, 0);
    QCOMPARE(cli("tokens|add|--tokens|20").code, 0);
    QCOMPARE(cli("--json|tokens|expire").json().object().value(QStringLiteral("expired")).toInt(), 0);
    m_clock.set(m_clock.nowUtc().addDays(7));
    const Outcome expired = cli("--json|tokens|expire");
    QVERIFY2(expired.code == 0, qPrintable(expired.err));
    QCOMPARE(expired.json().object(), (QJsonObject{{QStringLiteral("expired"), 100}}));
    QCOMPARE(cli("--json|tokens|expire").json().object().value(QStringLiteral("expired")).toInt(), 0);
    QCOMPARE(cli("--json|tokens|check|--account|Main").json().object().value(QStringLiteral("balance")).toInt(), 20);
    QVERIFY(cli("tokens|expire").out.contains(QStringLiteral("No tokens have reached the end of their validity.")));
    const QJsonArray history = cli("--json|tokens|history").json().array();
    QCOMPARE(history.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("expiry"));
    QCOMPARE(ledgerProblems(), QString());
}

void TestCliTokens::thresholdAlertsAndInsights()
{
    QCOMPARE(cli("tokens|add|--tokens|1200|--valid-days|3").code, 0);
    QCOMPARE(cli("tokens|add|--tokens|300|--account|Youth").code, 0);
    const Outcome set = cli("--json|tokens|threshold|--account|youth|--below|500");
    QVERIFY2(set.code == 0, qPrintable(set.err));
    QCOMPARE(set.json().object(),
             (QJsonObject{{QStringLiteral("account"), QStringLiteral("Youth")},
                          {QStringLiteral("below"), 500},
                          {QStringLiteral("balance"), 300}}));

    const QJsonArray alerts = cli("--json|tokens|alerts").json().array();
    QCOMPARE(alerts.size(), 2);
    // "1,200 tokens" once the English plural forms include this sentence ("token(s)" until then).
    const auto plural = [](const QString &message, const QString &rest) {
        return message.startsWith(QStringLiteral("1,200 token")) && message.endsWith(rest);
    };
    QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("expiring"));
    QCOMPARE(alerts.at(0).toObject().value(QStringLiteral("account")).toString(), QStringLiteral("Main"));
    QVERIFY(plural(alerts.at(0).toObject().value(QStringLiteral("message")).toString(),
                   QStringLiteral(" in Main account expire on 4 March.")));
    QCOMPARE(alerts.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("below_threshold"));
    QCOMPARE(alerts.at(1).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("Youth has 300 tokens left, below its warning level of 500."));

    const Outcome insights = cli("--json|tokens|insights");
    QVERIFY2(insights.code == 0, qPrintable(insights.err));
    const QJsonObject o = insights.json().object();
    QCOMPARE(o.value(QStringLiteral("balance")).toInt(), 1500);
    QCOMPARE(o.value(QStringLiteral("per_day")).toDouble(), 0.0);
    QVERIFY(o.value(QStringLiteral("runs_out")).isNull());
    QCOMPARE(o.value(QStringLiteral("plan")).toString(), QString());
    QCOMPARE(o.value(QStringLiteral("needed_by_scheduled")).toInt(), 0);
    QCOMPARE(o.value(QStringLiteral("expiring")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("account"), QStringLiteral("Main")},
                                     {QStringLiteral("tokens"), 1200},
                                     {QStringLiteral("on"), QStringLiteral("2026-03-04")}}}));
    QVERIFY(plural(o.value(QStringLiteral("messages")).toArray().at(0).toString(), QStringLiteral(" expire on 4 March.")));

    // Off again: no warning.
    QVERIFY(cli("--json|tokens|threshold|--account|Youth|--below|off").json().object().value(QStringLiteral("below")).isNull());
    QCOMPARE(cli("--json|tokens|alerts").json().array().size(), 1);
}

void TestCliTokens::usageByDay()
{
    // Spending comes from campaigns; here straight through the ledger.
    {
        auto profile = Profile::open(m_dir->filePath(QStringLiteral("profile")), m_clock);
        QVERIFY(profile);
        TokenLedger &ledger = (*profile)->tokens();
        const QSqlDatabase db = (*profile)->database().connection();
        QVERIFY(ledger.grant(QStringLiteral("Main"), 100, {}, QStringLiteral("Mary")));
        QVERIFY(ledger.reserveInTransaction(db, 2, 1, 60, QStringLiteral("Mary")));
        QVERIFY(ledger.spendInTransaction(db, 1, 25, QStringLiteral("Mary")));
    }
    m_clock.set(m_clock.nowUtc().addDays(1));
    const Outcome usage = cli("--json|tokens|usage|--days|2");
    QVERIFY2(usage.code == 0, qPrintable(usage.err));
    QCOMPARE(
        usage.json().object(),
        (QJsonObject{
            {QStringLiteral("days"), 2},
            {QStringLiteral("spent"), 25},
            {QStringLiteral("by_day"),
             QJsonArray{QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-03-01")}, {QStringLiteral("tokens"), 25}},
                        QJsonObject{{QStringLiteral("date"), QStringLiteral("2026-03-02")}, {QStringLiteral("tokens"), 0}}}},
            {QStringLiteral("by_account"),
             QJsonArray{QJsonObject{{QStringLiteral("account"), QStringLiteral("Main")}, {QStringLiteral("tokens"), 25}}}}}));
    QCOMPARE(cli("--json|tokens|usage").json().object().value(QStringLiteral("by_day")).toArray().size(), 30);
    const QJsonObject insights = cli("--json|tokens|insights").json().object();
    QCOMPARE(insights.value(QStringLiteral("balance")).toInt(), 40);
    QCOMPARE(insights.value(QStringLiteral("per_day")).toDouble(), 0.83);
    // 25 tokens over 30 days; 40 left last 48 days from today (2 March).
    QCOMPARE(insights.value(QStringLiteral("runs_out")).toString(), QStringLiteral("2026-04-19"));
    QCOMPARE(ledgerProblems(), QString());
}

void TestCliTokens::renameADepartment()
{
    QCOMPARE(cli("tokens|add|--tokens|10|--account|Youth").code, 0);
    const Outcome renamed = cli("--json|tokens|rename|--account|Youth|--name|Youth Ministry");
    QVERIFY2(renamed.code == 0, qPrintable(renamed.err));
    QCOMPARE(renamed.json().object(),
             (QJsonObject{{QStringLiteral("account"), QStringLiteral("Youth Ministry")}, {QStringLiteral("balance"), 10}}));
    QCOMPARE(cli("tokens|check|--account|Youth").code, 1);
    QCOMPARE(cli("tokens|rename|--account|Youth Ministry|--name|main").code, 1);
}

void TestCliTokens::plansLockScriptsAndCharts()
{
    {
        auto profile = Profile::open(m_dir->filePath(QStringLiteral("profile")), m_clock);
        QVERIFY(profile);
        Profile &p = **profile;
        p.settings().setGatewayProvider(GatewayKind::AfricasTalking);
        const auto group = p.groups().create(QStringLiteral("Choir"));
        const auto amina = p.contacts().add({QStringLiteral("Amina"), QStringLiteral("Otieno"), QStringLiteral("0712345678")});
        QVERIFY(group && amina);
        QVERIFY(p.groups().addMembers(group->id, {amina->id}));
        QVERIFY(p.tokens().grant(QStringLiteral("Main"), 100, QStringLiteral("added by hand"), {}));
        RelayLinkStore links(p.database(), m_clock);
        QVERIFY(links.saveEnrolment(RelayEnrolment{QStringLiteral("dev_1"), QStringLiteral("secret"), QStringLiteral("org_a"),
                                                   QStringLiteral("Parish"), QByteArray(32, 'k')}));
        QVERIFY(links.saveOffer(R"({"plans":[],"lock_features":true,"mpesa":"sandbox"})"));
    }
    // Sending from scripts needs the business plan; nothing is queued.
    Outcome send = cli("campaign|send|--group|Choir|--text|Practice at 5|--no-wait");
    QCOMPARE(send.code, 1);
    QVERIFY2(send.err.contains(QStringLiteral("Sending from scripts with kengele-cli"))
                 && send.err.contains(QStringLiteral("Business")),
             qPrintable(send.err));
    QCOMPARE(cli("--json|campaign|list").json().array().size(), 0);
    QCOMPARE(cli("campaign|run").code, 1);
    // Charts and insights need the starter plan; the warnings do not.
    Outcome usage = cli("tokens|usage");
    QCOMPARE(usage.code, 1);
    QVERIFY2(usage.err.contains(QStringLiteral("Starter")), qPrintable(usage.err));
    QCOMPARE(cli("tokens|insights").code, 1);
    QCOMPARE(cli("tokens|alerts").code, 0);

    // With the business plan bought (a voucher credited), both work.
    {
        auto profile = Profile::open(m_dir->filePath(QStringLiteral("profile")), m_clock);
        QVERIFY(profile);
        QVERIFY((*profile)->tokens().purchase(QStringLiteral("Main"), 5000, QStringLiteral("vch_b"), QStringLiteral("Mary"),
                                              LotTerms{QStringLiteral("business"), m_clock.nowUtc().addDays(30)}));
    }
    send = cli("campaign|send|--group|Choir|--text|Practice at 5|--no-wait");
    QVERIFY2(send.code == 0, qPrintable(send.err));
    QCOMPARE(cli("tokens|usage").code, 0);
    QCOMPARE(ledgerProblems(), QString());
}

QTEST_GUILESS_MAIN(TestCliTokens)
#include "TestCliTokens.moc"
