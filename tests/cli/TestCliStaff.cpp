// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCall.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "common/Language.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// kengele-cli's staff commands and sign-in (docs/cli.md, "Staff and sign-in"): signin require,
// users …, audit list|verify, and every command refused without --user and the password once
// sign-in is required. Real password hashes (about a second each), so the steps are few.
class TestCliStaff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signInRequiredThenEveryCommandAsksWhoItIs();
    void eachRoleMayDoWhatTheTableSays();
    void forgettingAPerson();

private:
    using Outcome = test::CliOutcome;
    // kengele-cli with these arguments ("a|b|c") and this standard input, on this test's profile.
    Outcome cli(const char *line, const QByteArray &input = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FixedClock m_clock;
    test::FakeSecretStore m_secrets;
};

namespace {
const QByteArray Mary = "Mlima wa Sayuni 7";
const QByteArray John = "kwaya ya vijana 2026";
} // namespace

void TestCliStaff::init()
{
    Language::install(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    qunsetenv("KENGELE_PASSWORD");
}

void TestCliStaff::cleanup()
{
    qunsetenv("KENGELE_PASSWORD");
}

TestCliStaff::Outcome TestCliStaff::cli(const char *line, const QByteArray &input)
{
    return test::runCli(m_dir->filePath(QStringLiteral("profile")), test::cliLine(QString::fromUtf8(line)), m_clock, m_secrets,
                        input);
}

void TestCliStaff::signInRequiredThenEveryCommandAsksWhoItIs()
{
    // A new profile opens for anyone.
    Outcome o = cli("users|list");
    QCOMPARE(o.code, 0);
    QVERIFY2(o.out.contains(QStringLiteral("No staff accounts")), qPrintable(o.out));
    QCOMPARE(cli("groups|create|Choir").code, 0);

    // Bad usage first, nothing made.
    QCOMPARE(cli("signin|require|--user|mary", Mary + '\n').code, 2);
    o = cli("signin|require|--user|mary|--name|Mary Wanjiku", "short\n");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("at least 10")), qPrintable(o.err));

    o = cli("--json|signin|require|--user|mary|--name|Mary Wanjiku", Mary + '\n');
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().object().value(QStringLiteral("role")).toString(), QStringLiteral("administrator"));

    // From now on: who is it?
    o = cli("groups|list");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("--user NAME")), qPrintable(o.err));
    o = cli("groups|list|--user|mary", "not her password\n");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("not right")), qPrintable(o.err));
    o = cli("groups|list|--user|mary", Mary + '\n');
    QCOMPARE(o.code, 0);
    QVERIFY(o.out.contains(QStringLiteral("Choir")));

    // An administrator adds a staff member: her password, then his.
    o = cli("--json|users|add|john|--name|John Otieno|--role|staff|--user|mary", Mary + '\n' + John + '\n');
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().object().value(QStringLiteral("role")).toString(), QStringLiteral("staff"));

    // John may not manage accounts or read the audit trail; the password from the environment.
    qputenv("KENGELE_PASSWORD", John);
    o = cli("users|add|eve|--name|Eve|--role|administrator|--user|john", "Eve's password 123\n");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("Only an administrator")), qPrintable(o.err));
    o = cli("audit|verify|--user|john");
    QCOMPARE(o.code, 1);
    // Nor send the trail's head to the relay: refused before the relay is even looked for.
    o = cli("audit|anchor|--user|john");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("Only an administrator")), qPrintable(o.err));
    qunsetenv("KENGELE_PASSWORD");

    // Mary: the trail holds, and says who did what.
    qputenv("KENGELE_PASSWORD", Mary);
    o = cli("--json|audit|verify|--user|mary");
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().object().value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(o.json().object().value(QStringLiteral("entries")).toInt() >= 8);
    // Not connected to a relay: nothing to compare with, so no "anchored", and no anchor to send.
    QVERIFY(!o.json().object().contains(QStringLiteral("anchored")));
    o = cli("audit|anchor|--user|mary");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("not connected to a relay")), qPrintable(o.err));
    o = cli("--json|audit|verify|--user|mary");
    o = cli("--json|audit|list|--by|john|--user|mary");
    QCOMPARE(o.code, 0);
    QStringList johns;
    for (const QJsonValue &entry : o.json().array())
        johns << entry.toObject().value(QStringLiteral("action")).toString();
    // newest first; the refusals (users add, audit verify, audit anchor) changed nothing
    QCOMPARE(johns, (QStringList{u"signin"_s, u"signin"_s, u"signin"_s}));
    o = cli("--json|audit|list|--action|signin|--user|mary");
    QCOMPARE(o.code, 0);
    const QJsonArray signins = o.json().array();
    QVERIFY(!signins.isEmpty());
    for (const QJsonValue &entry : signins)
        QVERIFY(entry.toObject().value(QStringLiteral("action")).toString().startsWith(QStringLiteral("signin")));
    const QJsonObject first = signins.last().toObject();
    for (const char *key : {"id", "time", "user", "device", "action", "object", "summary"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(cli("audit|list|--since|yesterday|--user|mary").code, 2);

    // Role and disable; John can no longer sign in.
    QCOMPARE(cli("users|role|john|viewer|--user|mary").code, 0);
    QCOMPARE(cli("users|role|john|bishop|--user|mary").code, 2);
    QCOMPARE(cli("users|disable|john|--user|mary").code, 0);
    o = cli("--json|users|list|--user|mary");
    QCOMPARE(o.code, 0);
    const QJsonArray users = o.json().array();
    QCOMPARE(users.size(), 2);
    qunsetenv("KENGELE_PASSWORD");
    o = cli("groups|list|--user|john", John + '\n');
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("disabled")), qPrintable(o.err));
    // Sign-in cannot be required twice.
    o = cli("signin|require|--user|mary|--name|Mary", Mary + '\n' + Mary + '\n');
    QCOMPARE(o.code, 1);
}

void TestCliStaff::eachRoleMayDoWhatTheTableSays()
{
    QCOMPARE(cli("signin|require|--user|mary|--name|Mary Wanjiku", Mary + '\n').code, 0);
    QCOMPARE(cli("users|add|john|--name|John Otieno|--role|staff|--user|mary", Mary + '\n' + John + '\n').code, 0);
    QCOMPARE(cli("users|add|vicky|--name|Vicky|--role|viewer|--user|mary", Mary + '\n' + John + '\n').code, 0);
    const QString exported = m_dir->filePath(QStringLiteral("members.csv"));

    // A viewer looks, and is told why she may not change anything.
    qputenv("KENGELE_PASSWORD", John);
    QCOMPARE(cli("groups|list|--user|vicky").code, 0);
    Outcome o = cli("groups|create|Choir|--user|vicky");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("only look")), qPrintable(o.err));
    QCOMPARE(cli("contacts|add|0712345678|--name|Asha Njeri|--user|vicky").code, 1);

    // Staff change contacts, but export nothing, buy no tokens and leave the gateway alone.
    QCOMPARE(cli("contacts|add|0712345678|--name|Asha Njeri|--user|john").code, 0);
    o = cli(qPrintable(u"contacts|export|%1|--user|john"_s.arg(exported)));
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("pastor or an administrator")), qPrintable(o.err));
    QVERIFY(!QFile::exists(exported));
    o = cli("tokens|add|--tokens|10|--user|john");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("Only an administrator")), qPrintable(o.err));
    QCOMPARE(cli("gateway|set|--provider|simulator|--user|john").code, 1);

    // The administrator may; the trail says who did what, without the member's name.
    qputenv("KENGELE_PASSWORD", Mary);
    QCOMPARE(cli(qPrintable(u"contacts|export|%1|--user|mary"_s.arg(exported))).code, 0);
    QVERIFY(QFile::exists(exported));
    QCOMPARE(cli("gateway|set|--provider|simulator|--user|mary").code, 0);
    o = cli("--json|audit|list|--action|contacts|--user|mary");
    QCOMPARE(o.code, 0);
    QStringList seen;
    for (const QJsonValue &entry : o.json().array())
        seen.prepend(entry.toObject().value(QStringLiteral("user")).toString() + u' '
                     + entry.toObject().value(QStringLiteral("action")).toString());
    QCOMPARE(seen, (QStringList{u"john contacts.add"_s, u"mary contacts.export"_s}));
    QVERIFY(!o.out.contains(QStringLiteral("Asha")));
    o = cli("--json|audit|list|--action|gateway|--user|mary");
    QCOMPARE(o.json().array().size(), 1);

    // Pastoral notes: sealed with a key the keychain keeps; staff are told who may read them.
    o = cli("--json|contacts|notes|0712345678|--text|Visit in hospital on Friday|--user|mary");
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().object().value(QStringLiteral("notes")).toString(), QStringLiteral("Visit in hospital on Friday"));
    bool keyKept = false;
    for (auto it = m_secrets.values.cbegin(); it != m_secrets.values.cend(); ++it)
        keyKept = keyKept || it.key().endsWith(QStringLiteral("data-key"));
    QVERIFY(keyKept);
    o = cli("--json|contacts|notes|--search|hospital|--user|mary");
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().array().size(), 1);
    qputenv("KENGELE_PASSWORD", John);
    o = cli("contacts|notes|0712345678|--user|john");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("pastor")), qPrintable(o.err));
    QVERIFY(!o.out.contains(QStringLiteral("hospital")));
    qunsetenv("KENGELE_PASSWORD");
}

// contacts forget (docs/cli.md): pastors and administrators; the number that opted out stays blocked;
// an unknown number and a missing keychain are plain refusals; the trail names nobody.
void TestCliStaff::forgettingAPerson()
{
    QCOMPARE(cli("signin|require|--user|mary|--name|Mary Wanjiku", Mary + '\n').code, 0);
    QCOMPARE(cli("users|add|john|--name|John Otieno|--role|staff|--user|mary", Mary + '\n' + John + '\n').code, 0);
    qputenv("KENGELE_PASSWORD", Mary);
    QCOMPARE(cli("contacts|add|0712345678|--name|Asha Njeri|--user|mary").code, 0);
    QCOMPARE(cli("contacts|add|0722000111|--name|Baraka Otieno|--user|mary").code, 0);
    QCOMPARE(cli("contacts|optout|0712345678|--user|mary").code, 0);
    QCOMPARE(cli("contacts|optout|0722000111|--user|mary").code, 0);

    qputenv("KENGELE_PASSWORD", John);
    Outcome o = cli("contacts|forget|0712345678|--user|john");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("pastor or an administrator")), qPrintable(o.err));

    qputenv("KENGELE_PASSWORD", Mary);
    o = cli("--json|contacts|forget|0712 345 678|--user|mary");
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().object(), (QJsonObject{{QStringLiteral("forgotten"), true}}));
    o = cli("contacts|list|--user|mary");
    QVERIFY(!o.out.contains(QStringLiteral("Asha")) && o.out.contains(QStringLiteral("Baraka")));
    o = cli("contacts|add|+254712345678|--name|Asha Njeri|--user|mary");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("asked not to receive messages")), qPrintable(o.err));
    o = cli("contacts|forget|0712345678|--user|mary");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("holds nothing about")), qPrintable(o.err));
    o = cli("--json|audit|list|--action|contacts.forget|--user|mary");
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().array().size(), 1);
    QVERIFY(!o.out.contains(QStringLiteral("Asha")) && !o.out.contains(QStringLiteral("712345678")));

    // Without the keychain, an opted-out number cannot be forgotten, and nothing changes.
    m_secrets.failNext = true;
    o = cli("contacts|forget|0722000111|--user|mary");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(QStringLiteral("Nothing was changed")), qPrintable(o.err));
    m_secrets.failNext = false;
    o = cli("contacts|list|--user|mary");
    QVERIFY(o.out.contains(QStringLiteral("Baraka")));
    qunsetenv("KENGELE_PASSWORD");
}

QTEST_GUILESS_MAIN(TestCliStaff)
#include "TestCliStaff.moc"
