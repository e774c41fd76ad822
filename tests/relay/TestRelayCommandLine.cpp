// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// kengele-relay's commands run in-process through RelayCommandLine::run(), with what they print
// and their exit status (docs/relay.md, "Administration"). TestRelayCli runs the binary itself.
#include "RelayAdmin.h"
#include "RelayCommandLine.h"
#include "RelayStore.h"
#include "Secrets.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtTest>

using namespace kengele::relay;

class TestRelayCommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void organisationsAreCreatedListedAndRotated();
    void devicesAreEnrolledListedAndRevoked();
    void deviceNamesAreCleanedAndListedSafely();
    void quarantineAndAfterRestore();
    void badUsageExitsWithTwo_data();
    void badUsageExitsWithTwo();
    void databaseProblems();
    void configurationFileThenFlags();
    void helpAndVersion();
    void mpesaPricesAndPurchases();

private:
    struct Run {
        int code = -1;
        QString out;
        QString err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    };
    Run relay(QStringList arguments, bool withDb = true, const QString &input = {}) const;
    // The operator's database, opened beside the commands (they open and close their own).
    RelayStore &store();
    QString createOrganisation(const QString &name);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<RelayStore> m_store;
};

TestRelayCommandLine::Run TestRelayCommandLine::relay(QStringList arguments, bool withDb, const QString &input) const
{
    if (withDb)
        arguments = QStringList{QStringLiteral("--db"), QStringLiteral("sqlite:") + m_path, QStringLiteral("--public-url"),
                                QStringLiteral("https://relay.example.org/")}
            + arguments;
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    QString stdinText = input;
    QTextStream in(&stdinText, QIODevice::ReadOnly);
    run.code = RelayCommandLine::run(arguments, out, err, &in);
    return run;
}

RelayStore &TestRelayCommandLine::store()
{
    if (!m_store) {
        auto opened = RelayStore::open(*DatabaseLocation::parse(QStringLiteral("sqlite:") + m_path), QStringLiteral("test-side"));
        if (!opened)
            qFatal("cannot open the relay's database: %s", qPrintable(opened.error()));
        m_store = std::move(*opened);
    }
    return *m_store;
}

QString TestRelayCommandLine::createOrganisation(const QString &name)
{
    const Run created = relay({QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("create"), name});
    return created.code == 0 ? created.json().object().value(QLatin1String("org")).toString() : QString();
}

void TestRelayCommandLine::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("relay-%1.db").arg(QRandomGenerator::global()->generate()));
}

void TestRelayCommandLine::cleanup()
{
    m_store.reset();
}

void TestRelayCommandLine::organisationsAreCreatedListedAndRotated()
{
    Run r = relay({QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("No organisations yet: kengele-relay org create NAME\n"));
    r = relay({QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("list")});
    QVERIFY(r.json().isArray());
    QVERIFY(r.json().array().isEmpty());

    r = relay({QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("St Paul's Church")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.err, QString());
    const QRegularExpression header(QStringLiteral("^Organisation (org_[a-z2-7]{10}) \\(St Paul's Church\\)\\.\n"
                                                   "Paste these addresses into the providers' dashboards; they are shown "
                                                   "only now:\n"));
    const auto match = header.match(r.out);
    QVERIFY2(match.hasMatch(), qPrintable(r.out));
    const QString id = match.captured(1);
    // One line per hook, in key order: "  key (17 wide)URL".
    const QStringList lines = r.out.mid(match.capturedLength()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QVERIFY(lines.at(0).startsWith(QLatin1String("  at_delivery      https://relay.example.org/hooks/") + id + u'/'));
    QVERIFY(lines.at(0).endsWith(QLatin1String("/at/delivery")));
    QVERIFY(lines.at(5).startsWith(QLatin1String("  mpesa_stk        https://relay.example.org/hooks/")));
    // The URL holds the secret the store knows by its hash only.
    const QString secret = lines.at(0).section(u'/', 5, 5);
    QCOMPARE(secret.size(), 26);
    QCOMPARE(store().organisation(id)->secretHash, secrets::sha256(secret));

    r = relay({QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(r.out, id + QStringLiteral("  St Paul's Church  events: 1\n")); // its demo voucher
    r = relay({QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(r.json().array().size(), 1);
    const QJsonObject listed = r.json().array().at(0).toObject();
    QCOMPARE(listed.keys(),
             (QStringList{QStringLiteral("created"), QStringLiteral("events"), QStringLiteral("name"), QStringLiteral("org")}));
    QCOMPARE(listed.value(QLatin1String("org")).toString(), id);
    QCOMPARE(listed.value(QLatin1String("events")).toInteger(-1), 1); // its demo voucher
    const QDateTime created = QDateTime::fromString(listed.value(QLatin1String("created")).toString(), Qt::ISODate);
    QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QVERIFY(!r.out.contains(secret));

    r = relay({QStringLiteral("org"), QStringLiteral("rotate"), id});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("New hook secret for ") + id + QStringLiteral(" (St Paul's Church).\n")),
             qPrintable(r.out));
    QVERIFY(store().organisation(id)->secretHash != secrets::sha256(secret)); // the old one stops at once
    r = relay({QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("rotate"), id});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().object().value(QLatin1String("org")).toString(), id);
    const QString rotated
        = r.json().object().value(QLatin1String("hooks")).toObject().value(QLatin1String("at_inbound")).toString();
    QVERIFY(rotated.endsWith(QLatin1String("/at/inbound")));
    QCOMPARE(store().organisation(id)->secretHash, secrets::sha256(rotated.section(u'/', 5, 5)));

    r = relay({QStringLiteral("org"), QStringLiteral("rotate"), QStringLiteral("org_nosuch")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QStringLiteral("kengele-relay: There is no organisation org_nosuch (see `kengele-relay org list`).\n"));
    QCOMPARE(r.out, QString());
    r = relay({QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("   ")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QStringLiteral("kengele-relay: Give the organisation a name.\n"));
}

void TestRelayCommandLine::devicesAreEnrolledListedAndRevoked()
{
    const QString org = createOrganisation(QStringLiteral("Kanisa la Neema"));
    QVERIFY(!org.isEmpty());
    Run r = relay({QStringLiteral("device"), QStringLiteral("list"), org});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("No desktops enrolled yet: kengele-relay device enroll ") + org + u'\n');

    r = relay({QStringLiteral("device"), QStringLiteral("enroll"), org});
    QCOMPARE(r.code, 0);
    const QRegularExpression text(QStringLiteral("^Enrolment code: (KGL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\n"
                                                 "Valid once, until (\\S+)\\. Type it in Kengele: Settings → Relay, or "
                                                 "kengele-cli relay connect URL --code CODE\\.\n$"));
    const auto match = text.match(r.out);
    QVERIFY2(match.hasMatch(), qPrintable(r.out));
    const QDateTime expires = QDateTime::fromString(match.captured(2), Qt::ISODate);
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addSecs(23 * 3600 + 3500)); // enrol-code-hours: 24
    QVERIFY(expires < QDateTime::currentDateTimeUtc().addSecs(24 * 3600 + 60));

    // The code works once at the relay: a desktop enrols with it.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto device = store().enrol(secrets::sha256(secrets::normaliseEnrolCode(match.captured(1))), secrets::deviceId(),
                                      QStringLiteral("Office PC"), secrets::sha256(QStringLiteral("token")), now);
    QVERIFY(device);
    QVERIFY(!store().enrol(secrets::sha256(secrets::normaliseEnrolCode(match.captured(1))), secrets::deviceId(),
                           QStringLiteral("Again"), secrets::sha256(QStringLiteral("token2")), now));

    // "enrol" is accepted too; --hours sets the validity, within 1 to 720.
    r = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("enrol"), org, QStringLiteral("--hours"),
               QStringLiteral("2")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.json().object().value(QLatin1String("code")).toString().startsWith(QLatin1String("KGL-")));
    const QDateTime shortExpiry
        = QDateTime::fromString(r.json().object().value(QLatin1String("expires")).toString(), Qt::ISODate);
    QVERIFY(shortExpiry > QDateTime::currentDateTimeUtc().addSecs(2 * 3600 - 60));
    QVERIFY(shortExpiry < QDateTime::currentDateTimeUtc().addSecs(2 * 3600 + 60));
    for (const QString &hours : {QStringLiteral("0"), QStringLiteral("721"), QStringLiteral("two")}) {
        r = relay({QStringLiteral("device"), QStringLiteral("enroll"), org, QStringLiteral("--hours"), hours});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QLatin1String("kengele-relay: --hours must be 1 to 720\n")), qPrintable(r.err));
    }

    r = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("list"), org});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().array().size(), 1);
    QJsonObject listed = r.json().array().at(0).toObject();
    QCOMPARE(listed.value(QLatin1String("device")).toString(), device->id);
    QCOMPARE(listed.value(QLatin1String("name")).toString(), QStringLiteral("Office PC"));
    QCOMPARE(listed.value(QLatin1String("last_seen")).toString(),
             QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate)); // enrolling is seeing it
    QVERIFY(listed.value(QLatin1String("revoked")).isNull());
    QVERIFY(QDateTime::fromString(listed.value(QLatin1String("enrolled")).toString(), Qt::ISODate).isValid());
    // The organisation's first device is its founder: approved at enrolment.
    QVERIFY(QDateTime::fromString(listed.value(QLatin1String("approved")).toString(), Qt::ISODate).isValid());

    r = relay({QStringLiteral("device"), QStringLiteral("revoke"), device->id});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("Device ") + device->id + QStringLiteral(" can no longer reach the relay.\n"));
    r = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("list"), org});
    listed = r.json().array().at(0).toObject();
    QVERIFY(QDateTime::fromString(listed.value(QLatin1String("revoked")).toString(), Qt::ISODate).isValid());
    r = relay({QStringLiteral("device"), QStringLiteral("list"), org});
    QVERIFY2(r.out.startsWith(device->id + QStringLiteral("  Office PC  last seen ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("  REVOKED 20")));

    const QString other = createOrganisation(QStringLiteral("Other"));
    r = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("list"), other});
    QVERIFY(r.json().array().isEmpty()); // each organisation sees its own desktops

    // The organisation's desktop is gone: the next one to enrol is its founder; the one after waits
    // for approval, and the operator can let it in (`device approve`).
    {
        auto first = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("enroll"), org});
        const auto founder = store().enrol(
            secrets::sha256(secrets::normaliseEnrolCode(first.json().object().value(QLatin1String("code")).toString())),
            secrets::deviceId(), QStringLiteral("New office PC"), secrets::sha256(QStringLiteral("token4")), now + 1);
        QVERIFY(founder);
        QVERIFY(founder->approved());
        auto second = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("enroll"), org});
        const auto waiting = store().enrol(
            secrets::sha256(secrets::normaliseEnrolCode(second.json().object().value(QLatin1String("code")).toString())),
            secrets::deviceId(), QStringLiteral("Laptop"), secrets::sha256(QStringLiteral("token3")), now + 2);
        QVERIFY(waiting);
        QVERIFY(!waiting->approved());
        r = relay({QStringLiteral("device"), QStringLiteral("list"), org});
        QVERIFY2(r.out.contains(waiting->id + QStringLiteral("  Laptop  last seen ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("WAITING FOR APPROVAL")), qPrintable(r.out));
        r = relay({QStringLiteral("device"), QStringLiteral("approve"), waiting->id});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("Device ") + waiting->id + QStringLiteral(" is approved.\n"));
        QVERIFY(store().deviceByTokenHash(secrets::sha256(QStringLiteral("token3")))->approved());
        r = relay({QStringLiteral("device"), QStringLiteral("approve"), waiting->id}); // no longer waiting
        QCOMPARE(r.code, 1);
    }

    r = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("dev_nosuch")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QStringLiteral("kengele-relay: There is no device dev_nosuch.\n"));
    r = relay({QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("org_nosuch")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err, QStringLiteral("kengele-relay: There is no organisation org_nosuch (see `kengele-relay org list`).\n"));
    r = relay({QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("org_nosuch")});
    QCOMPARE(r.code, 1);
}

// Issue 11, finding 12: a desktop names itself at enrolment; a newline or NUL in that name went
// straight to the operator's terminal.
void TestRelayCommandLine::deviceNamesAreCleanedAndListedSafely()
{
    const QString org = createOrganisation(QStringLiteral("Kanisa la Neema"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto enrol = [&](const QString &name) {
        auto code = createEnrolCode(store(), org, 1);
        if (!code)
            return QString();
        auto device = store().enrol(secrets::sha256(secrets::normaliseEnrolCode(code->code)), secrets::deviceId(), name,
                                    secrets::sha256(secrets::deviceToken()), now);
        return device ? device->name : QStringLiteral("(not enrolled)");
    };
    QCOMPARE(enrol(QStringLiteral("Office\nPC") + QChar(0) + QStringLiteral("\x1b[31mred")), QStringLiteral("Office PC [31mred"));
    QCOMPARE(enrol(QStringLiteral("\t  \r\n")), QStringLiteral("Desktop"));
    QCOMPARE(enrol(QString(150, u'x')), QString(100, u'x'));
    QCOMPARE(enrol(QStringLiteral("  Ofisi ya Mchungaji \u0085")), QStringLiteral("Ofisi ya Mchungaji"));
    // A name stored before names were cleaned.
    QSqlQuery query(store().database());
    QVERIFY(query.exec(QStringLiteral("UPDATE devices SET name = 'Old' || char(10) || 'PC' || char(27) || '[2J' || char(0)"
                                      " WHERE name = 'Desktop'")));
    QCOMPARE(query.numRowsAffected(), 1);

    Run r = relay({QStringLiteral("device"), QStringLiteral("list"), org});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    for (const QString &line : lines) {
        for (const QChar c : line)
            QVERIFY2(c.category() != QChar::Other_Control, qPrintable(line));
    }
    QVERIFY2(r.out.contains(QLatin1String("  Old\\x0aPC\\x1b[2J\\x00  last seen")), qPrintable(r.out));
    // JSON escapes the name itself.
    r = relay({QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("list"), org});
    QCOMPARE(r.code, 0);
    QStringList names;
    for (const QJsonValue &device : r.json().array())
        names.append(device.toObject().value(QLatin1String("name")).toString());
    QVERIFY(names.contains(QStringLiteral("Old\nPC\x1b[2J") + QChar(0)));
}

void TestRelayCommandLine::quarantineAndAfterRestore()
{
    Run r = relay({QStringLiteral("quarantine"), QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("Nothing in quarantine.\n"));

    const QString org = createOrganisation(QStringLiteral("St Paul's Church"));
    const qint64 received = QDateTime(QDate(2026, 11, 22), QTime(6, 1, 2), Qt::UTC).toMSecsSinceEpoch();
    QList<QuarantinedBody> bodies;
    for (int i = 0; i < 3; ++i)
        bodies.append({0, org, QStringLiteral("at.delivery"), QStringLiteral("the id is missing"),
                       QStringLiteral("application/x-www-form-urlencoded"), QStringLiteral("203.0.113.9"),
                       "status=Success&n=" + QByteArray::number(i), received + i * 1000});
    QVERIFY(store().append({}, bodies));

    r = relay({QStringLiteral("--json"), QStringLiteral("quarantine"), QStringLiteral("list"), org});
    QCOMPARE(r.code, 0);
    const QJsonArray items = r.json().array();
    QCOMPARE(items.size(), 3);
    const QJsonObject newest = items.at(0).toObject();
    QCOMPARE(
        newest.keys(),
        (QStringList{QStringLiteral("bytes"), QStringLiteral("content_type"), QStringLiteral("id"), QStringLiteral("kind"),
                     QStringLiteral("org"), QStringLiteral("reason"), QStringLiteral("received"), QStringLiteral("remote")}));
    QCOMPARE(newest.value(QLatin1String("org")).toString(), org);
    QCOMPARE(newest.value(QLatin1String("kind")).toString(), QStringLiteral("at.delivery"));
    QCOMPARE(newest.value(QLatin1String("reason")).toString(), QStringLiteral("the id is missing"));
    QCOMPARE(newest.value(QLatin1String("remote")).toString(), QStringLiteral("203.0.113.9"));
    QCOMPARE(newest.value(QLatin1String("received")).toString(), QStringLiteral("2026-11-22T06:01:04Z"));
    QCOMPARE(newest.value(QLatin1String("bytes")).toInt(), 18);

    r = relay({QStringLiteral("quarantine"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(r.code, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+  2026-11-22T06:01:04Z  ") + org
                                + QStringLiteral("  at\\.delivery  the id is missing  \\(18 bytes from 203\\.0\\.113\\.9\\)\n$"))
                 .match(r.out)
                 .hasMatch(),
             qPrintable(r.out));
    r = relay({QStringLiteral("--json"), QStringLiteral("quarantine"), QStringLiteral("list"), QStringLiteral("org_other")});
    QVERIFY(r.json().array().isEmpty());
    for (const QString &limit : {QStringLiteral("0"), QStringLiteral("many")}) {
        r = relay({QStringLiteral("quarantine"), QStringLiteral("list"), QStringLiteral("--limit"), limit});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith(QLatin1String("kengele-relay: --limit must be a positive number\n")));
    }

    // After a restore the numbering jumps a million ahead, each time it is run.
    r = relay({QStringLiteral("after-restore")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(QLatin1String("Event numbers of 1 organisation(s) moved ahead by 1000000: desktops will receive "
                                            "new events again.")),
             qPrintable(r.out));
    r = relay({QStringLiteral("--json"), QStringLiteral("after-restore")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().object(), (QJsonObject{{QStringLiteral("organisations"), 1}, {QStringLiteral("advanced_by"), 1'000'000}}));
    r = relay({QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(r.json().array().at(0).toObject().value(QLatin1String("events")).toInteger(), 2'000'001);
}

void TestRelayCommandLine::badUsageExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("unknown command \"frobnicate\"");
    QTest::addRow("unknown option") << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("org"), QStringLiteral("list")}
                                    << QStringLiteral("Unknown option 'frobnicate'.");
    QTest::addRow("org alone") << QStringList{QStringLiteral("org")}
                               << QStringLiteral("org takes create, list, rotate, mpesa or prices");
    QTest::addRow("org create without a name")
        << QStringList{QStringLiteral("org"), QStringLiteral("create")} << QStringLiteral("org create needs exactly one NAME");
    QTest::addRow("org create with two names")
        << QStringList{QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("A"), QStringLiteral("B")}
        << QStringLiteral("org create needs exactly one NAME");
    QTest::addRow("org rotate without an org")
        << QStringList{QStringLiteral("org"), QStringLiteral("rotate")} << QStringLiteral("org rotate needs exactly one ORG");
    QTest::addRow("device alone") << QStringList{QStringLiteral("device")}
                                  << QStringLiteral("device takes enroll, list, revoke or approve");
    QTest::addRow("device enroll without an org") << QStringList{QStringLiteral("device"), QStringLiteral("enroll")}
                                                  << QStringLiteral("device enroll needs the organisation id");
    QTest::addRow("device list without an org") << QStringList{QStringLiteral("device"), QStringLiteral("list")}
                                                << QStringLiteral("device list needs the organisation id");
    QTest::addRow("device revoke without a device")
        << QStringList{QStringLiteral("device"), QStringLiteral("revoke")} << QStringLiteral("device revoke needs the device id");
    QTest::addRow("quarantine without list")
        << QStringList{QStringLiteral("quarantine")} << QStringLiteral("quarantine takes: list [ORG]");
    QTest::addRow("quarantine list with two orgs")
        << QStringList{QStringLiteral("quarantine"), QStringLiteral("list"), QStringLiteral("a"), QStringLiteral("b")}
        << QStringLiteral("quarantine takes: list [ORG]");
    QTest::addRow("after-restore with an argument") << QStringList{QStringLiteral("after-restore"), QStringLiteral("now")}
                                                    << QStringLiteral("after-restore takes no arguments");
    QTest::addRow("serve with an argument") << QStringList{QStringLiteral("serve"), QStringLiteral("now")}
                                            << QStringLiteral("serve takes no arguments");
    QTest::addRow("bad listen") << QStringList{QStringLiteral("--listen"), QStringLiteral("nonsense"), QStringLiteral("org"),
                                               QStringLiteral("list")}
                                << QStringLiteral("listen must be ADDRESS:PORT, e.g. 127.0.0.1:8080 (got \"nonsense\")");
    QTest::addRow("negative rate") << QStringList{QStringLiteral("--ip-rate"), QStringLiteral("-5"), QStringLiteral("org"),
                                                  QStringLiteral("list")}
                                   << QStringLiteral("ip-rate must be a number from 0 to 1e+06 (got \"-5\")");
}

void TestRelayCommandLine::badUsageExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run r = relay(arguments);
    QCOMPARE(r.code, 2);
    QCOMPARE(r.err,
             QStringLiteral("kengele-relay: ") + message + QStringLiteral("\nRun kengele-relay --help for the commands.\n"));
    QCOMPARE(r.out, QString());
}

void TestRelayCommandLine::databaseProblems()
{
    Run r = relay({QStringLiteral("--db"), QStringLiteral("mysql://x"), QStringLiteral("org"), QStringLiteral("list")}, false);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("sqlite:PATH or postgres://")), qPrintable(r.err));
    r = relay({QStringLiteral("--db"), QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("missing/relay.db")),
               QStringLiteral("org"), QStringLiteral("list")},
              false);
    QCOMPARE(r.code, 1);
    QCOMPARE(r.err,
             QStringLiteral("kengele-relay: the folder ") + m_dir.filePath(QStringLiteral("missing"))
                 + QStringLiteral(" does not exist; create it (owned by the relay's user) or use --db\n"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing"))));
}

void TestRelayCommandLine::configurationFileThenFlags()
{
    const QString path = m_dir.filePath(QStringLiteral("relay-%1.conf").arg(QRandomGenerator::global()->generate()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[relay]\n#listen = 0.0.0.0:8080\ndb=sqlite:" + m_path.toUtf8()
               + "\npublic_url=https://from-file.example.org\nenrol_code_hours=3\n");
    file.close();
    Run r = relay({QStringLiteral("--config"), path, QStringLiteral("--json"), QStringLiteral("org"), QStringLiteral("create"),
                   QStringLiteral("A")},
                  false);
    QCOMPARE(r.code, 0);
    const QString org = r.json().object().value(QLatin1String("org")).toString();
    QVERIFY(r.json()
                .object()
                .value(QLatin1String("hooks"))
                .toObject()
                .value(QLatin1String("at_delivery"))
                .toString()
                .startsWith(QStringLiteral("https://from-file.example.org/hooks/") + org));
    // The file's enrolment validity is the default for --hours.
    r = relay(
        {QStringLiteral("--config"), path, QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("enroll"), org},
        false);
    QCOMPARE(r.code, 0);
    const QDateTime expires = QDateTime::fromString(r.json().object().value(QLatin1String("expires")).toString(), Qt::ISODate);
    QVERIFY(qAbs(expires.secsTo(QDateTime::currentDateTimeUtc().addSecs(3 * 3600))) < 60);
    // A flag wins over the file.
    r = relay({QStringLiteral("--config"), path, QStringLiteral("--public-url"), QStringLiteral("https://flag.example.org"),
               QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("B")},
              false);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("https://flag.example.org/hooks/")), qPrintable(r.out));
    QVERIFY(!r.out.contains(QLatin1String("from-file")));

    QVERIFY(file.open(QIODevice::Append));
    file.write("no_such_key=1\n");
    file.close();
    r = relay({QStringLiteral("--config"), path, QStringLiteral("org"), QStringLiteral("list")}, false);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("unknown setting \"no_such_key\"")), qPrintable(r.err));
    r = relay(
        {QStringLiteral("--config"), m_dir.filePath(QStringLiteral("none.conf")), QStringLiteral("org"), QStringLiteral("list")},
        false);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("cannot read the configuration file")), qPrintable(r.err));
}

void TestRelayCommandLine::helpAndVersion()
{
    Run r = relay({QStringLiteral("--help")}, false);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.err, QString());
    for (const char *line : {"  org create NAME                make an organisation; prints its hook URLs",
                             "  device enroll ORG [--hours H]  one-time code for a desktop",
                             "  after-restore                  run once after restoring a backup, before serving",
                             "--config <FILE>", "--json", "--public-url <VALUE>", "--trust-proxy <VALUE>"})
        QVERIFY2(r.out.contains(QLatin1String(line)), line);
    r = relay({QStringLiteral("--version")}, false);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("kengele-relay " KENGELE_VERSION "\n"));
}

// org mpesa, org prices, purchases list, voucher-key show (docs/relay.md, "Administration").
void TestRelayCommandLine::mpesaPricesAndPurchases()
{
    const QString org = createOrganisation(QStringLiteral("St Paul's Church"));
    const QString json = QStringLiteral("--json");
    Run r = relay({json, QStringLiteral("org"), QStringLiteral("mpesa"), org, QStringLiteral("--simulator")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().object().value(QLatin1String("mpesa")).toObject(),
             (QJsonObject{{QStringLiteral("shortcode"), QStringLiteral("174379")},
                          {QStringLiteral("environment"), QStringLiteral("simulator")},
                          {QStringLiteral("simulator"), true}}));
    // Real credentials: three lines on standard input, sealed, never printed.
    r = relay({QStringLiteral("org"), QStringLiteral("mpesa"), org, QStringLiteral("--shortcode"), QStringLiteral("600977"),
               QStringLiteral("--till"), QStringLiteral("5123456"), QStringLiteral("--environment"), QStringLiteral("live")},
              true, QStringLiteral("ck-visible-1\ncs-secret-2\npk-secret-3\n"));
    QCOMPARE(r.code, 0);
    QVERIFY(!r.out.contains(QLatin1String("secret")) && !r.err.contains(QLatin1String("secret")));
    QVERIFY(r.out.contains(QLatin1String("https://api.safaricom.co.ke")));
    const auto settings = store().mpesaSettings(org);
    QVERIFY(settings && *settings);
    QCOMPARE((*settings)->till, QStringLiteral("5123456"));
    QVERIFY(!(*settings)->passkeySealed.contains(QLatin1String("pk-secret-3")));
    // Missing lines, a bad environment, a bad shortcode: nothing changes.
    r = relay({QStringLiteral("org"), QStringLiteral("mpesa"), org, QStringLiteral("--shortcode"), QStringLiteral("600977"),
               QStringLiteral("--environment"), QStringLiteral("sandbox")},
              true, QStringLiteral("only-one-line\n"));
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("three lines")));
    r = relay({QStringLiteral("org"), QStringLiteral("mpesa"), org, QStringLiteral("--shortcode"), QStringLiteral("600977"),
               QStringLiteral("--environment"), QStringLiteral("prod")},
              true, QStringLiteral("a\nb\nc\n"));
    QCOMPARE(r.code, 1);
    r = relay({QStringLiteral("org"), QStringLiteral("mpesa"), org, QStringLiteral("--shortcode"), QStringLiteral("12"),
               QStringLiteral("--environment"), QStringLiteral("live")},
              true, QStringLiteral("a\nb\nc\n"));
    QCOMPARE(r.code, 1);
    QCOMPARE(relay({QStringLiteral("org"), QStringLiteral("mpesa"), org}).code, 2);
    QCOMPARE(
        relay({QStringLiteral("org"), QStringLiteral("mpesa"), QStringLiteral("org_nobody"), QStringLiteral("--simulator")}).code,
        1);

    r = relay({json, QStringLiteral("org"), QStringLiteral("prices"), org, QStringLiteral("--starter"), QStringLiteral("500"),
               QStringLiteral("--business"), QStringLiteral("2000")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().object(),
             (QJsonObject{{QStringLiteral("org"), org},
                          {QStringLiteral("prices"),
                           QJsonObject{{QStringLiteral("demo"), 0},
                                       {QStringLiteral("starter"), 500},
                                       {QStringLiteral("business"), 2000},
                                       {QStringLiteral("enterprise"), QJsonValue()}}},
                          {QStringLiteral("lock_features"), false}}));
    // Only the prices given change; none takes a plan off sale.
    r = relay({json, QStringLiteral("org"), QStringLiteral("prices"), org, QStringLiteral("--business"), QStringLiteral("none")});
    QCOMPARE(r.json().object().value(QLatin1String("prices")).toObject().value(QLatin1String("starter")).toInt(), 500);
    QVERIFY(r.json().object().value(QLatin1String("prices")).toObject().value(QLatin1String("business")).isNull());
    QCOMPARE(
        relay({QStringLiteral("org"), QStringLiteral("prices"), org, QStringLiteral("--starter"), QStringLiteral("-5")}).code, 2);
    QCOMPARE(
        relay({QStringLiteral("org"), QStringLiteral("prices"), org, QStringLiteral("--lock-features"), QStringLiteral("yes")})
            .code,
        2);

    r = relay({json, QStringLiteral("purchases"), QStringLiteral("list"), org});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json().array().size(), 0);
    r = relay({json, QStringLiteral("voucher-key"), QStringLiteral("show")});
    QCOMPARE(r.code, 0);
    const QString key = r.json().object().value(QLatin1String("public_key")).toString();
    QCOMPARE(QByteArray::fromBase64(key.toLatin1()).size(), 32);
    // The same key every time: made once, kept in the database.
    QCOMPARE(relay({json, QStringLiteral("voucher-key"), QStringLiteral("show")})
                 .json()
                 .object()
                 .value(QLatin1String("public_key"))
                 .toString(),
             key);
}

QTEST_GUILESS_MAIN(TestRelayCommandLine)
#include "TestRelayCommandLine.moc"
