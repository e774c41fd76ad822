// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCall.h"
#include "CliCommandTable.h"
#include "CliRunner.h"
#include "FakeAfricasTalking.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "common/Language.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

// Drives kengele-cli's commands in-process against a temporary profile.
class TestCliRunner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void exitCodes_data();
    void exitCodes();
    void helpIsTheCommandTable();
    void contactsLifecycle();
    void contactsAllowNeedsAReason();
    void importReportsEveryRow();
    void groupsAddIsAllOrNothing();
    void templatesSaveRefusesUnknownField();
    void segmentsFromArgumentAndStdin();
    void newerDatabaseIsRefusedClearly();
    void campaignsOnceAndRepeating();
    void simulatorReportsThroughARelayHook();
    void rateMustBeASensibleNumber_data();
    void rateMustBeASensibleNumber();
    void apiKeyGoesToTheSecretStoreOnly();
    void quietHoursAreSetAndShown();
    void quietHoursRefuseWhatIsNotATimeRange_data();
    void quietHoursRefuseWhatIsNotATimeRange();
    void noQuietHoursLetsMessagesGoAtNight();
    void sendKeepsGoingThroughRetries();
    void sendGivesUpAtTheRetryLimit();
    void sendSaysWhenItStopsEarly();

private:
    using Outcome = test::CliOutcome;
    // kengele-cli with these arguments, on this profile; clock: m_clock unless given.
    Outcome cli(QStringList arguments, const QByteArray &input = {}, const Clock *clock = nullptr);
    // A profile that sends through a fake Africa's Talking, with Youth (3 members) and tokens.
    void prepareAfricasTalking(test::FakeAfricasTalking &fake, const Clock &clock);

    // The profile's id, which scopes its keys in the secret store.
    QString profileId() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FixedClock m_clock;
    test::FakeSecretStore m_secrets;
    std::optional<RetryPolicy> m_retry;
};

namespace {

// A clock that moves with real time from a fixed start (Sunday 1 March 2026, 12:00 in Nairobi), so
// the dispatcher's back-offs pass as they do in kengele-cli.
class RunningClock final : public Clock
{
public:
    RunningClock() { m_elapsed.start(); }
    QDateTime nowUtc() const override { return m_start.addMSecs(m_elapsed.elapsed()); }

private:
    QDateTime m_start = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    QElapsedTimer m_elapsed;
};

} // namespace

void TestCliRunner::init()
{
    // As kengele-cli's main() does: English with its plural forms.
    Language::install(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    m_secrets.values.clear();
    m_retry.reset();
}

QString TestCliRunner::profileId() const
{
    return QSettings(m_dir->filePath(QStringLiteral("profile/settings.ini")), QSettings::IniFormat)
        .value(QStringLiteral("profile/id"))
        .toString();
}

TestCliRunner::Outcome TestCliRunner::cli(QStringList arguments, const QByteArray &input, const Clock *clock)
{
    return test::runCli(m_dir->filePath(QStringLiteral("profile")), arguments, clock ? *clock : m_clock, m_secrets, input,
                        [this](CliRunner &runner) {
                            if (m_retry)
                                runner.setRetryPolicy(*m_retry);
                        });
}

void TestCliRunner::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("no command") << QStringList{} << 2 << "";
    QTest::addRow("unknown command") << QStringList{QStringLiteral("fly")} << 2 << "Unknown command";
    QTest::addRow("unknown option") << QStringList{QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--colour")}
                                    << 2 << "--colour";
    QTest::addRow("option of another command")
        << QStringList{QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--reason"), QStringLiteral("x")} << 2
        << "does not apply";
    QTest::addRow("missing value") << QStringList{QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--group")}
                                   << 2 << "needs a value";
    QTest::addRow("help") << QStringList{QStringLiteral("--help")} << 0 << "";
    QTest::addRow("unknown group") << QStringList{QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--group"),
                                                  QStringLiteral("Nobody")}
                                   << 1 << "no group called";
    QTest::addRow("invalid number") << QStringList{QStringLiteral("contacts"), QStringLiteral("optout"), QStringLiteral("123")}
                                    << 1 << "too few digits";
    QTest::addRow("missing file") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"),
                                                 QStringLiteral("/nonexistent/file.csv")}
                                  << 1 << "does not exist";
    QTest::addRow("bad region") << QStringList{QStringLiteral("contacts"), QStringLiteral("import"), QStringLiteral("x.csv"),
                                               QStringLiteral("--region"), QStringLiteral("XX")}
                                << 1 << "not a country code";
}

void TestCliRunner::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Outcome outcome = cli(arguments);
    QCOMPARE(outcome.code, code);
    QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
}

void TestCliRunner::helpIsTheCommandTable()
{
    const Outcome help = cli({QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.startsWith(QStringLiteral("Usage: kengele-cli [--profile DIR] [--json] COMMAND ...\n")));
    QStringList names;
    for (const CliCommandTable::Entry &entry : CliCommandTable::entries()) {
        names << entry.name;
        // Each family's lines under its heading; every line shows the family's own commands.
        QVERIFY2(help.out.contains(entry.heading + u'\n' + entry.help), qPrintable(entry.name));
        QVERIFY2(entry.help.startsWith(QStringLiteral("  ") + entry.name + u' '), qPrintable(entry.name));
        // Every family in the table answers to its name.
        const Outcome called = cli({entry.name, QStringLiteral("no-such-thing")});
        QVERIFY2(!called.err.contains(QStringLiteral("Unknown command")), qPrintable(entry.name));
    }
    QCOMPARE(
        names,
        (QStringList{QStringLiteral("contacts"), QStringLiteral("groups"), QStringLiteral("templates"), QStringLiteral("tokens"),
                     QStringLiteral("segments"), QStringLiteral("gateway"), QStringLiteral("campaign"), QStringLiteral("relay"),
                     QStringLiteral("sync"), QStringLiteral("devices"), QStringLiteral("inbox"), QStringLiteral("settings"),
                     QStringLiteral("signin"), QStringLiteral("users"), QStringLiteral("audit"), QStringLiteral("backup"),
                     QStringLiteral("dashboard"), QStringLiteral("report")}));
    // No command: the help, and exit 2.
    const Outcome none = cli({});
    QCOMPARE(none.code, 2);
    QCOMPARE(none.out, help.out);
}

void TestCliRunner::contactsLifecycle()
{
    QCOMPARE(cli({QStringLiteral("groups"), QStringLiteral("create"), QStringLiteral("Women's Fellowship")}).code, 0);
    QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("0712 345 678"), QStringLiteral("--name"),
                  QStringLiteral("Mary Wanjiku"), QStringLiteral("--group"), QStringLiteral("Women's Fellowship")})
                 .code,
             0);
    const Outcome duplicate = cli({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("+254712345678"),
                                   QStringLiteral("--name"), QStringLiteral("Someone")});
    QCOMPARE(duplicate.code, 1);
    QVERIFY(duplicate.err.contains(QStringLiteral("already belongs to Mary Wanjiku")));
    QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("optout"), QStringLiteral("254712345678"),
                  QStringLiteral("--reason"), QStringLiteral("asked by phone")})
                 .code,
             0);
    const Outcome list = cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("list")});
    QCOMPARE(list.code, 0);
    const QJsonArray contacts = list.json().array();
    QCOMPARE(contacts.size(), 1);
    const QJsonObject mary = contacts.first().toObject();
    QCOMPARE(mary.keys(),
             (QStringList{QStringLiteral("groups"), QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("opted_out"),
                          QStringLiteral("phone")}));
    QCOMPARE(mary.value(QStringLiteral("name")).toString(), QStringLiteral("Mary Wanjiku"));
    QCOMPARE(mary.value(QStringLiteral("phone")).toString(), QStringLiteral("+254712345678"));
    QCOMPARE(mary.value(QStringLiteral("groups")).toArray().first().toString(), QStringLiteral("Women's Fellowship"));
    QVERIFY(mary.value(QStringLiteral("opted_out")).toBool());
    const Outcome byGroup = cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("list"),
                                 QStringLiteral("--group"), QStringLiteral("women's fellowship")});
    QCOMPARE(byGroup.json().array().size(), 1);
}

void TestCliRunner::contactsAllowNeedsAReason()
{
    QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("0712 345 678"), QStringLiteral("--name"),
                  QStringLiteral("Mary Wanjiku")})
                 .code,
             0);
    QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("optout"), QStringLiteral("0712345678")}).code, 0);

    // Without a reason (or an empty one): bad usage, still opted out.
    const Outcome bare = cli({QStringLiteral("contacts"), QStringLiteral("allow"), QStringLiteral("0712345678")});
    QCOMPARE(bare.code, 2);
    QVERIFY2(bare.err.contains(QStringLiteral("contacts allow PHONE --reason TEXT")), qPrintable(bare.err));
    QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("allow"), QStringLiteral("0712345678"), QStringLiteral("--reason"),
                  QStringLiteral(" ")})
                 .code,
             2);
    QVERIFY(cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("list")})
                .json()
                .array()
                .first()
                .toObject()
                .value(QStringLiteral("opted_out"))
                .toBool());

    const Outcome allowed
        = cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("allow"), QStringLiteral("254712345678"),
               QStringLiteral("--reason"), QStringLiteral("asked again at church")});
    QCOMPARE(allowed.code, 0);
    const QJsonObject answer = allowed.json().object();
    QCOMPARE(answer.value(QStringLiteral("phone")).toString(), QStringLiteral("+254712345678"));
    QCOMPARE(answer.value(QStringLiteral("opted_out")).toBool(true), false);
    QCOMPARE(answer.value(QStringLiteral("reason")).toString(), QStringLiteral("asked again at church"));
    QVERIFY(!cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("list")})
                 .json()
                 .array()
                 .first()
                 .toObject()
                 .value(QStringLiteral("opted_out"))
                 .toBool());

    // Once more: nothing to allow, said plainly (exit 1).
    const Outcome again = cli({QStringLiteral("contacts"), QStringLiteral("allow"), QStringLiteral("0712345678"),
                               QStringLiteral("--reason"), QStringLiteral("again")});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(QStringLiteral("is not opted out")), qPrintable(again.err));
}

void TestCliRunner::importReportsEveryRow()
{
    const QString csv = m_dir->filePath(QStringLiteral("members.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "\xEF\xBB\xBFJina;Simu\nMary Wanjiku;0712 345 678\n\"Otieno, John\";+254722000111\nBad;12345\nMary;254712345678\n");
    file.close();
    const Outcome outcome = cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("import"), csv,
                                 QStringLiteral("--group"), QStringLiteral("Youth")});
    QCOMPARE(outcome.code, 0);
    const QJsonObject report = outcome.json().object();
    QCOMPARE(
        report.keys(),
        (QStringList{QStringLiteral("created"), QStringLiteral("rows"), QStringLiteral("skipped"), QStringLiteral("updated")}));
    QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 4);
    QCOMPARE(report.value(QStringLiteral("created")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("updated")).toInt(), 1);
    const QJsonArray skipped = report.value(QStringLiteral("skipped")).toArray();
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped.first().toObject().value(QStringLiteral("line")).toInt(), 4);
    QVERIFY(skipped.first().toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("12345")));
    const Outcome youth = cli({QStringLiteral("--json"), QStringLiteral("groups"), QStringLiteral("list")});
    QCOMPARE(youth.json().array().first().toObject().value(QStringLiteral("members")).toInt(), 2);

    // Exported and read back: the same people.
    const QString out = m_dir->filePath(QStringLiteral("out.csv"));
    QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("export"), out}).code, 0);
    QFile exported(out);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(exported.readAll());
    QVERIFY(text.contains(QStringLiteral("+254712345678")));
    QVERIFY(text.contains(QStringLiteral("Otieno")));
}

void TestCliRunner::groupsAddIsAllOrNothing()
{
    QCOMPARE(cli({QStringLiteral("groups"), QStringLiteral("create"), QStringLiteral("Choir")}).code, 0);
    QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("add"), QStringLiteral("0712345678"), QStringLiteral("--name"),
                  QStringLiteral("Mary")})
                 .code,
             0);
    const Outcome typo = cli({QStringLiteral("groups"), QStringLiteral("add"), QStringLiteral("Choir"),
                              QStringLiteral("0712345678"), QStringLiteral("0799999999")});
    QCOMPARE(typo.code, 1);
    QVERIFY(typo.err.contains(QStringLiteral("Nothing was changed")));
    QCOMPARE(cli({QStringLiteral("--json"), QStringLiteral("groups"), QStringLiteral("list")})
                 .json()
                 .array()
                 .first()
                 .toObject()
                 .value(QStringLiteral("members"))
                 .toInt(),
             0);
    const Outcome ok = cli({QStringLiteral("--json"), QStringLiteral("groups"), QStringLiteral("add"), QStringLiteral("Choir"),
                            QStringLiteral("+254 712 345678")});
    QCOMPARE(ok.code, 0);
    QCOMPARE(ok.json().object().value(QStringLiteral("added")).toInt(), 1);
}

void TestCliRunner::templatesSaveRefusesUnknownField()
{
    const Outcome bad = cli({QStringLiteral("templates"), QStringLiteral("save"), QStringLiteral("Hi"), QStringLiteral("--text"),
                             QStringLiteral("Hello {frist_name}")});
    QCOMPARE(bad.code, 1);
    QVERIFY(bad.err.contains(QStringLiteral("frist_name")));
    QCOMPARE(cli({QStringLiteral("templates"), QStringLiteral("save"), QStringLiteral("Hi")}).code, 2);
    const Outcome good = cli({QStringLiteral("--json"), QStringLiteral("templates"), QStringLiteral("save"), QStringLiteral("Hi"),
                              QStringLiteral("--text"), QStringLiteral("Habari {first_name|ndugu}")});
    QCOMPARE(good.code, 0);
    const Outcome list = cli({QStringLiteral("--json"), QStringLiteral("templates"), QStringLiteral("list")});
    const QJsonObject saved = list.json().array().first().toObject();
    QCOMPARE(saved.value(QStringLiteral("name")).toString(), QStringLiteral("Hi"));
    QCOMPARE(saved.value(QStringLiteral("text")).toString(), QStringLiteral("Habari {first_name|ndugu}"));
    QCOMPARE(saved.value(QStringLiteral("encoding")).toString(), QStringLiteral("GSM-7"));
}

void TestCliRunner::segmentsFromArgumentAndStdin()
{
    const Outcome fromArgument = cli({QStringLiteral("--json"), QStringLiteral("segments"), QString(161, u'a')});
    QCOMPARE(fromArgument.code, 0);
    const QJsonObject object = fromArgument.json().object();
    QCOMPARE(object.keys(),
             (QStringList{QStringLiteral("characters"), QStringLiteral("encoding"), QStringLiteral("segments"),
                          QStringLiteral("units")}));
    QCOMPARE(object.value(QStringLiteral("segments")).toInt(), 2);
    // stdin is taken whole and verbatim, the trailing newline included.
    const Outcome fromStdin
        = cli({QStringLiteral("--json"), QStringLiteral("segments")}, QStringLiteral("Bwana asifiwe 🙏\n").toUtf8());
    const QJsonObject unicode = fromStdin.json().object();
    QCOMPARE(unicode.value(QStringLiteral("encoding")).toString(), QStringLiteral("UCS-2"));
    QCOMPARE(unicode.value(QStringLiteral("units")).toInt(), 17);
    QCOMPARE(unicode.value(QStringLiteral("characters")).toInt(), 16);
    const Outcome invalid = cli({QStringLiteral("segments")}, QByteArray("\xff\xfe bad"));
    QCOMPARE(invalid.code, 1);
}

void TestCliRunner::newerDatabaseIsRefusedClearly()
{
    QCOMPARE(cli({QStringLiteral("groups"), QStringLiteral("list")}).code, 0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("profile/kengele.sqlite")));
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 42"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("poke"));
    const Outcome outcome = cli({QStringLiteral("groups"), QStringLiteral("list")});
    QCOMPARE(outcome.code, 1);
    QVERIFY(outcome.err.contains(QStringLiteral("newer version of Kengele")));
}

void TestCliRunner::campaignsOnceAndRepeating()
{
    // The clock says Sunday 1 March 2026, 12:00 in Nairobi (TZ is set for this test).
    auto args = [](const char *line) {
        return QString::fromUtf8(line).split(u'|');
    };
    QCOMPARE(cli(args("groups|create|Youth")).code, 0);
    QCOMPARE(cli(args("contacts|add|0712000001|--name|Mary W|--group|Youth")).code, 0);
    QCOMPARE(cli(args("contacts|add|0712000002|--name|John K|--group|Youth")).code, 0);

    const Outcome noEnd = cli(args("campaign|send|--group|Youth|--text|Hi|--repeat|daily"));
    QCOMPARE(noEnd.code, 2);
    QVERIFY2(noEnd.err.contains(QStringLiteral("needs an end date")), qPrintable(noEnd.err));
    const Outcome badDay = cli(args("campaign|send|--group|Youth|--text|Hi|--repeat|weekly|--on|sun,funday|--until|2026-03-31"));
    QCOMPARE(badDay.code, 2);
    QVERIFY2(badDay.err.contains(QStringLiteral("funday")), qPrintable(badDay.err));
    const Outcome onWithoutWeekly = cli(args("campaign|send|--group|Youth|--text|Hi|--on|sun"));
    QCOMPARE(onWithoutWeekly.code, 2);
    const Outcome endBeforeStart
        = cli(args("campaign|send|--group|Youth|--text|Hi|--repeat|daily|--at|2026-03-10T08:00|--until|2026-03-09"));
    QCOMPARE(endBeforeStart.code, 1);
    QVERIFY2(endBeforeStart.err.contains(QStringLiteral("comes before the first message")), qPrintable(endBeforeStart.err));

    const Outcome weekly
        = cli(args("--json|campaign|send|--group|Youth|--text|Ibada ya {first_name}|--name|Sunday|--repeat|weekly|--on|sun|"
                   "--at|2026-03-08T10:00|--until|2026-03-31|--no-wait"));
    QCOMPARE(weekly.code, 0);
    const QJsonObject parent = weekly.json().object();
    QCOMPARE(parent.value(QStringLiteral("status")).toString(), QStringLiteral("recurring"));
    QCOMPARE(parent.value(QStringLiteral("repeat")).toString(), QStringLiteral("FREQ=WEEKLY;BYDAY=SU"));
    QCOMPARE(parent.value(QStringLiteral("until")).toString(), QStringLiteral("2026-03-31"));
    QCOMPARE(parent.value(QStringLiteral("next")).toString(), QStringLiteral("2026-03-08T07:00:00Z"));
    QCOMPARE(parent.value(QStringLiteral("recipients")).toInt(), 2);
    QVERIFY2(weekly.err.contains(QStringLiteral("4 messages")), qPrintable(weekly.err)); // 8, 15, 22, 29 March
    const QString id = QString::number(parent.value(QStringLiteral("id")).toInteger());

    // Changed to Wednesdays: the next is the 4th.
    const Outcome edited = cli({QStringLiteral("--json"), QStringLiteral("campaign"), QStringLiteral("edit"), id,
                                QStringLiteral("--on"), QStringLiteral("wed")});
    QCOMPARE(edited.code, 0);
    QCOMPARE(edited.json().object().value(QStringLiteral("next")).toString(), QStringLiteral("2026-03-04T07:00:00Z"));
    QCOMPARE(cli({QStringLiteral("campaign"), QStringLiteral("pause"), id}).code, 0);
    QCOMPARE(cli({QStringLiteral("--json"), QStringLiteral("campaign"), QStringLiteral("status"), id})
                 .json()
                 .object()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("paused"));
    QCOMPARE(cli({QStringLiteral("campaign"), QStringLiteral("resume"), id}).code, 0);

    // Wednesday 10:00:30: `campaign run` launches the occurrence and sends it (simulator).
    m_clock.set(QDateTime(QDate(2026, 3, 4), QTime(10, 0, 30)).toUTC());
    const Outcome run = cli(args("--json|campaign|run"));
    QCOMPARE(run.code, 0);
    const QJsonArray list = cli(args("--json|campaign|list")).json().array();
    QCOMPARE(list.size(), 2);
    const QJsonObject occurrence = list.first().toObject();
    QCOMPARE(occurrence.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
    QVERIFY(occurrence.value(QStringLiteral("name")).toString().startsWith(QStringLiteral("Sunday — ")));
    QCOMPARE(occurrence.value(QStringLiteral("repeat")).toString(), QString());
    const QJsonObject sent = cli({QStringLiteral("--json"), QStringLiteral("campaign"), QStringLiteral("status"),
                                  QString::number(occurrence.value(QStringLiteral("id")).toInteger())})
                                 .json()
                                 .object();
    QCOMPARE(sent.value(QStringLiteral("repeat_of")).toInteger(), parent.value(QStringLiteral("id")).toInteger());
    const QJsonObject states = sent.value(QStringLiteral("states")).toObject();
    QCOMPARE(states.value(QStringLiteral("sent")).toInt() + states.value(QStringLiteral("delivered")).toInt(), 2);
    // The same moment again: nothing new.
    QCOMPARE(cli(args("--json|campaign|run")).code, 0);
    QCOMPARE(cli(args("--json|campaign|list")).json().array().size(), 2);

    // A one-off scheduled for later can be changed; one already sent cannot.
    const Outcome later = cli(args("--json|campaign|send|--group|Youth|--text|Later|--at|2026-03-20T09:00|--no-wait"));
    QCOMPARE(later.code, 0);
    const QString laterId = QString::number(later.json().object().value(QStringLiteral("id")).toInteger());
    const Outcome changed = cli({QStringLiteral("--json"), QStringLiteral("campaign"), QStringLiteral("edit"), laterId,
                                 QStringLiteral("--text"), QString(200, u'a')});
    QCOMPARE(changed.code, 0);
    QCOMPARE(changed.json().object().value(QStringLiteral("segments")).toInt(), 4);
    const Outcome tooLate = cli({QStringLiteral("campaign"), QStringLiteral("edit"),
                                 QString::number(occurrence.value(QStringLiteral("id")).toInteger()), QStringLiteral("--text"),
                                 QStringLiteral("x")});
    QCOMPARE(tooLate.code, 1);
    QVERIFY2(tooLate.err.contains(QStringLiteral("can no longer be changed")), qPrintable(tooLate.err));
}

QTEST_GUILESS_MAIN(TestCliRunner)

void TestCliRunner::simulatorReportsThroughARelayHook()
{
    auto args = [](const char *line) {
        return QString::fromUtf8(line).split(u'|');
    };
    const Outcome set
        = cli(args("--json|gateway|set|--provider|simulator|--report-url|http://127.0.0.1:8080/hooks/org_x/secret/at/delivery"));
    QCOMPARE(set.code, 0);
    QCOMPARE(set.json().object().value(QStringLiteral("report_url")).toString(),
             QStringLiteral("http://127.0.0.1:8080/hooks/org_x/secret/at/delivery"));
    const Outcome bad = cli(args("gateway|set|--provider|simulator|--report-url|not an address"));
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("at_delivery")), qPrintable(bad.err));
    const Outcome forAt = cli(args("gateway|set|--provider|africastalking|--username|church|--report-url|http://x/y"));
    QCOMPARE(forAt.code, 2);
    QVERIFY2(forAt.err.contains(QStringLiteral("dashboard")), qPrintable(forAt.err));
    // An empty address puts reports back on the direct path.
    const Outcome cleared
        = cli(QStringList{QStringLiteral("--json"), QStringLiteral("gateway"), QStringLiteral("set"),
                          QStringLiteral("--provider"), QStringLiteral("simulator"), QStringLiteral("--report-url"), QString()});
    QCOMPARE(cleared.code, 0);
    QCOMPARE(cleared.json().object().value(QStringLiteral("report_url")).toString(), QString());
}

void TestCliRunner::rateMustBeASensibleNumber_data()
{
    QTest::addColumn<QString>("rate");
    QTest::addColumn<int>("code");
    QTest::addRow("no limit") << QStringLiteral("0") << 0;
    QTest::addRow("the slowest") << QStringLiteral("0.1") << 0;
    QTest::addRow("a fraction") << QStringLiteral("2.5") << 0;
    QTest::addRow("the default") << QStringLiteral("20") << 0;
    QTest::addRow("the fastest") << QStringLiteral("1000") << 0;
    QTest::addRow("not a number") << QStringLiteral("nan") << 2;
    QTest::addRow("infinite") << QStringLiteral("inf") << 2;
    QTest::addRow("minus infinite") << QStringLiteral("-inf") << 2;
    QTest::addRow("next to nothing") << QStringLiteral("1e-300") << 2;
    QTest::addRow("too slow") << QStringLiteral("0.05") << 2;
    QTest::addRow("too fast") << QStringLiteral("1001") << 2;
    QTest::addRow("huge") << QStringLiteral("1e300") << 2;
    QTest::addRow("negative") << QStringLiteral("-1") << 2;
    QTest::addRow("a word") << QStringLiteral("fast") << 2;
}

void TestCliRunner::rateMustBeASensibleNumber()
{
    // --rate reaches the dispatcher's rate limiter, which waits 1/rate seconds between messages:
    // nan, inf or 1e-300 would make that wait meaningless (issue 11, finding 12).
    QFETCH(QString, rate);
    QFETCH(int, code);
    const Outcome set = cli({QStringLiteral("gateway"), QStringLiteral("set"), QStringLiteral("--provider"),
                             QStringLiteral("simulator"), QStringLiteral("--rate"), rate});
    QCOMPARE(set.code, code);
    const double stored = QSettings(m_dir->filePath(QStringLiteral("profile/settings.ini")), QSettings::IniFormat)
                              .value(QStringLiteral("gateway/ratePerSecond"), 20.0)
                              .toDouble();
    if (code == 0) {
        QCOMPARE(stored, rate.toDouble());
        return;
    }
    QVERIFY2(set.err.contains(QStringLiteral("between 0.1 and 1000")), qPrintable(set.err));
    QCOMPARE(stored, 20.0); // unchanged
    // campaign send and campaign run read --rate the same way.
    const Outcome run = cli({QStringLiteral("campaign"), QStringLiteral("run"), QStringLiteral("--rate"), rate});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("between 0.1 and 1000")), qPrintable(run.err));
}

void TestCliRunner::apiKeyGoesToTheSecretStoreOnly()
{
    qunsetenv("KENGELE_AT_API_KEY");
    test::FakeAfricasTalking fake;
    QVERIFY(fake.start());
    const QStringList set = {QStringLiteral("gateway"),        QStringLiteral("set"),        QStringLiteral("--provider"),
                             QStringLiteral("africastalking"), QStringLiteral("--username"), QStringLiteral("church"),
                             QStringLiteral("--base-url"),     fake.url().toString(),        QStringLiteral("--api-key-stdin")};
    const QString key = QStringLiteral("atsk_0123456789abcdef");

    const Outcome empty = cli(set, "\n");
    QCOMPARE(empty.code, 2);
    QVERIFY2(empty.err.contains(QStringLiteral("was empty")), qPrintable(empty.err));
    QVERIFY(m_secrets.values.isEmpty());

    const Outcome stored = cli(set, key.toUtf8() + "\n");
    QVERIFY2(stored.code == 0, qPrintable(stored.err));
    QVERIFY(!stored.out.contains(key));
    // In the store it was given, under this profile's name, and nowhere else.
    QCOMPARE(m_secrets.values, (QHash<QString, QString>{{profileId() + QStringLiteral("/africastalking/api-key"), key}}));
    const QDir profile(m_dir->filePath(QStringLiteral("profile")));
    for (const QString &name : profile.entryList(QDir::Files)) {
        QFile file(profile.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(key.toUtf8()), qPrintable(name));
    }

    // The gateway is asked with the stored key...
    const Outcome balance = cli({QStringLiteral("--json"), QStringLiteral("gateway"), QStringLiteral("balance")});
    QVERIFY2(balance.code == 0, qPrintable(balance.err));
    QCOMPARE(fake.requestCount(), 1);
    QCOMPARE(fake.lastRequest().header("apiKey"), key.toUtf8());
    // ...unless KENGELE_AT_API_KEY says otherwise.
    qputenv("KENGELE_AT_API_KEY", "from-the-environment");
    const auto unset = qScopeGuard([] { qunsetenv("KENGELE_AT_API_KEY"); });
    QCOMPARE(cli({QStringLiteral("gateway"), QStringLiteral("balance")}).code, 0);
    QCOMPARE(fake.requestCount(), 2);
    QCOMPARE(fake.lastRequest().header("apiKey"), QByteArray("from-the-environment"));
}

void TestCliRunner::quietHoursAreSetAndShown()
{
    auto args = [](const char *line) {
        return QString::fromUtf8(line).split(u'|');
    };
    // The default, as `settings quiet-hours` without a value shows it.
    Outcome shown = cli(args("--json|settings|quiet-hours"));
    QCOMPARE(shown.code, 0);
    QCOMPARE(shown.json().object(), (QJsonObject{{QStringLiteral("quiet_hours"), QStringLiteral("21:00-07:00")}}));

    const Outcome set = cli(args("--json|settings|quiet-hours|22:30-6:00"));
    QCOMPARE(set.code, 0);
    QCOMPARE(set.json().object(), (QJsonObject{{QStringLiteral("quiet_hours"), QStringLiteral("22:30-06:00")}}));
    // One of the church's settings: in the shared data (it travels to the other computers), not in
    // this computer's settings.ini.
    QSettings stored(m_dir->filePath(QStringLiteral("profile/settings.ini")), QSettings::IniFormat);
    QVERIFY(!stored.contains(QStringLiteral("sending/quietHours")));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("quietHoursCheck"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("profile/kengele.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM org_settings WHERE name = 'sending/quietHours'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("22:30-06:00"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("quietHoursCheck"));

    const Outcome text = cli(args("settings|quiet-hours|21:00–07:00"));
    QCOMPARE(text.code, 0);
    QCOMPARE(text.out,
             QStringLiteral("Quiet hours: 21:00 to 07:00. Only urgent messages go out then; the others wait until "
                            "07:00.\n"));

    const Outcome off = cli(args("--json|settings|quiet-hours|off"));
    QCOMPARE(off.code, 0);
    const QJsonObject none = off.json().object();
    QCOMPARE(none.keys(), QStringList{QStringLiteral("quiet_hours")});
    QVERIFY(none.value(QStringLiteral("quiet_hours")).isNull());
    shown = cli(args("settings|quiet-hours"));
    QCOMPARE(shown.code, 0);
    QVERIFY2(shown.out.startsWith(QStringLiteral("No quiet hours")), qPrintable(shown.out));
    QVERIFY(shown.err.isEmpty());
}

void TestCliRunner::quietHoursRefuseWhatIsNotATimeRange_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString setting = QStringLiteral("quiet-hours");
    QTest::addRow("words") << QStringList{setting, QStringLiteral("9pm-7am")} << "not a time range";
    QTest::addRow("one time") << QStringList{setting, QStringLiteral("21:00")} << "not a time range";
    QTest::addRow("no such hour") << QStringList{setting, QStringLiteral("25:00-07:00")} << "not a time range";
    QTest::addRow("no such minute") << QStringList{setting, QStringLiteral("21:60-07:00")} << "not a time range";
    QTest::addRow("same time") << QStringList{setting, QStringLiteral("21:00-21:00")} << "at the same time (21:00)";
    QTest::addRow("two words") << QStringList{setting, QStringLiteral("21:00"), QStringLiteral("07:00")} << "one word";
    QTest::addRow("other setting") << QStringList{QStringLiteral("colour"), QStringLiteral("blue")} << "settings quiet-hours";
    QTest::addRow("option") << QStringList{setting, QStringLiteral("off"), QStringLiteral("--group"), QStringLiteral("Youth")}
                            << "does not apply";
}

void TestCliRunner::quietHoursRefuseWhatIsNotATimeRange()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.prepend(QStringLiteral("settings"));
    const Outcome outcome = cli(arguments);
    QCOMPARE(outcome.code, 2);
    QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
    QVERIFY(outcome.out.isEmpty());
    // Nothing changed.
    QCOMPARE(cli({QStringLiteral("--json"), QStringLiteral("settings"), QStringLiteral("quiet-hours")})
                 .json()
                 .object()
                 .value(QStringLiteral("quiet_hours"))
                 .toString(),
             QStringLiteral("21:00-07:00"));
}

void TestCliRunner::noQuietHoursLetsMessagesGoAtNight()
{
    auto args = [](const char *line) {
        return QString::fromUtf8(line).split(u'|');
    };
    // 23:00 in Nairobi (TZ is set for this test): inside the default quiet hours.
    m_clock.set(QDateTime(QDate(2026, 3, 1), QTime(23, 0)).toUTC());
    QCOMPARE(cli(args("groups|create|Youth")).code, 0);
    QCOMPARE(cli(args("contacts|add|0712000001|--name|Mary W|--group|Youth")).code, 0);
    auto sentOrDelivered = [](const QJsonObject &campaign) {
        const QJsonObject states = campaign.value(QStringLiteral("states")).toObject();
        return states.value(QStringLiteral("sent")).toInt() + states.value(QStringLiteral("delivered")).toInt();
    };

    const Outcome held = cli(args("--json|campaign|send|--group|Youth|--text|Usiku mwema"));
    QCOMPARE(held.code, 0);
    QVERIFY2(held.err.contains(QStringLiteral("Quiet hours (21:00–07:00)")), qPrintable(held.err));
    QCOMPARE(held.json().object().value(QStringLiteral("states")).toObject().value(QStringLiteral("queued")).toInt(), 1);
    QCOMPARE(sentOrDelivered(held.json().object()), 0);

    QCOMPARE(cli(args("settings|quiet-hours|off")).code, 0);
    // The dispatcher takes its rules from the settings: what waited goes now...
    QCOMPARE(cli(args("campaign|run")).code, 0);
    const QString heldId = QString::number(held.json().object().value(QStringLiteral("id")).toInteger());
    QCOMPARE(sentOrDelivered(
                 cli({QStringLiteral("--json"), QStringLiteral("campaign"), QStringLiteral("status"), heldId}).json().object()),
             1);
    // ...and a new message goes at once, without a word about quiet hours.
    const Outcome night = cli(args("--json|campaign|send|--group|Youth|--text|Bado macho"));
    QCOMPARE(night.code, 0);
    QVERIFY2(!night.err.contains(QStringLiteral("Quiet hours")), qPrintable(night.err));
    QCOMPARE(sentOrDelivered(night.json().object()), 1);
}

void TestCliRunner::prepareAfricasTalking(test::FakeAfricasTalking &fake, const Clock &clock)
{
    qunsetenv("KENGELE_AT_API_KEY");
    QVERIFY(fake.start());
    QCOMPARE(cli({QStringLiteral("gateway"), QStringLiteral("set"), QStringLiteral("--provider"),
                  QStringLiteral("africastalking"), QStringLiteral("--username"), QStringLiteral("church"),
                  QStringLiteral("--base-url"), fake.url().toString(), QStringLiteral("--api-key-stdin")},
                 "atsk_test", &clock)
                 .code,
             0);
    auto args = [](const char *line) {
        return QString::fromUtf8(line).split(u'|');
    };
    QCOMPARE(cli(args("tokens|add|--tokens|100"), {}, &clock).code, 0);
    QCOMPARE(cli(args("groups|create|Youth"), {}, &clock).code, 0);
    QCOMPARE(cli(args("contacts|add|0712000001|--name|Mary W|--group|Youth"), {}, &clock).code, 0);
    QCOMPARE(cli(args("contacts|add|0712000002|--name|John K|--group|Youth"), {}, &clock).code, 0);
    QCOMPARE(cli(args("contacts|add|0712000003|--name|Ruth A|--group|Youth"), {}, &clock).code, 0);
}

void TestCliRunner::sendKeepsGoingThroughRetries()
{
    // Twice "HTTP 500": nothing was taken; the third try goes through. The back-offs are shortened to
    // 150-300 ms and 300-600 ms, still longer than the command took to notice it had nothing to do.
    RunningClock clock;
    test::FakeAfricasTalking fake;
    prepareAfricasTalking(fake, clock);
    m_retry = RetryPolicy{6, 300, 3000};
    fake.enqueue(test::ScriptedAnswer::text(500, "Internal Server Error"));
    fake.enqueue(test::ScriptedAnswer::text(500, "Internal Server Error"));

    const Outcome sent
        = cli(QString::fromUtf8("--json|campaign|send|--group|Youth|--text|Habari za jioni").split(u'|'), {}, &clock);
    QVERIFY2(sent.code == 0, qPrintable(sent.err));
    const QJsonObject states = sent.json().object().value(QStringLiteral("states")).toObject();
    QCOMPARE(states.value(QStringLiteral("sent")).toInt() + states.value(QStringLiteral("delivered")).toInt(), 3);
    QCOMPARE(states.value(QStringLiteral("queued")).toInt(), 0);
    QCOMPARE(sent.json().object().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
    // The two refused requests and at least one that went through (the back-off's jitter may split the retry).
    QVERIFY(fake.requestCount() >= 3);
    // What it waited for was said on stderr; stdout holds only the JSON.
    QVERIFY2(sent.err.contains(QStringLiteral("3 message")), qPrintable(sent.err));
    QVERIFY2(sent.err.contains(QStringLiteral("wait for another try")), qPrintable(sent.err));
    QVERIFY2(!sent.err.contains(QStringLiteral("still wait")), qPrintable(sent.err));
}

void TestCliRunner::sendGivesUpAtTheRetryLimit()
{
    // The gateway never takes them: after the last allowed try the messages are failed, and the command ends.
    RunningClock clock;
    test::FakeAfricasTalking fake;
    prepareAfricasTalking(fake, clock);
    m_retry = RetryPolicy{3, 300, 3000};
    for (int i = 0; i < 9; ++i) // enough for every request, however the back-off's jitter groups them
        fake.enqueue(test::ScriptedAnswer::text(500, "Internal Server Error"));

    const Outcome sent = cli(QString::fromUtf8("--json|campaign|send|--group|Youth|--text|Habari").split(u'|'), {}, &clock);
    QVERIFY2(sent.code == 0, qPrintable(sent.err));
    const QJsonObject states = sent.json().object().value(QStringLiteral("states")).toObject();
    QCOMPARE(states.value(QStringLiteral("failed")).toInt(), 3);
    QCOMPARE(states.value(QStringLiteral("queued")).toInt(), 0);
    // Each number was tried three times, and no more.
    QHash<QString, int> tries;
    for (const test::RecordedRequest &request : fake.requests()) {
        for (const QString &phone : request.field(QStringLiteral("to")).split(u','))
            ++tries[phone];
    }
    QCOMPARE(tries,
             (QHash<QString, int>{{QStringLiteral("+254712000001"), 3},
                                  {QStringLiteral("+254712000002"), 3},
                                  {QStringLiteral("+254712000003"), 3}}));
}

void TestCliRunner::sendSaysWhenItStopsEarly()
{
    // The gateway asks for an hour's pause: the command does not sit there for an hour, it says how
    // many wait, until when, and what to run then.
    RunningClock clock;
    test::FakeAfricasTalking fake;
    prepareAfricasTalking(fake, clock);
    fake.enqueue(test::ScriptedAnswer::text(503, "Service Unavailable").withHeader("Retry-After", "3600"));

    QElapsedTimer elapsed;
    elapsed.start();
    const Outcome sent = cli(QString::fromUtf8("--json|campaign|send|--group|Youth|--text|Habari").split(u'|'), {}, &clock);
    QVERIFY2(sent.code == 0, qPrintable(sent.err));
    QVERIFY(elapsed.elapsed() < 30'000);
    const QJsonObject states = sent.json().object().value(QStringLiteral("states")).toObject();
    QCOMPARE(states.value(QStringLiteral("queued")).toInt(), 3);
    QVERIFY2(sent.err.contains(QStringLiteral("3 message")), qPrintable(sent.err));
    QVERIFY2(sent.err.contains(QStringLiteral("still wait for another try")), qPrintable(sent.err));
    QVERIFY2(sent.err.contains(QStringLiteral("13:00")), qPrintable(sent.err)); // an hour after 12:00 in Nairobi
    QVERIFY2(sent.err.contains(QStringLiteral("kengele-cli campaign run")), qPrintable(sent.err));
}

#include "TestCliRunner.moc"
