// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCall.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "common/Language.h"
#include "profile/Profile.h"
#include "security/AuditLog.h"
#include "storage/Database.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// kengele-cli's audit commands for other computers' trails (docs/cli.md, "Staff and sign-in"):
// audit computers, audit list --computer NAME|all, audit verify --computer NAME|all. The other
// computer's entries arrive as the relay would hand them over (ReplicaApplier).
class TestCliAuditComputers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listsAndChecksAnotherComputersTrail();

private:
    using Outcome = test::CliOutcome;
    Outcome cli(const char *line, const QByteArray &input = {});
    // Entries 1..count of a computer "Office desktop" (id `OtherId`), without those in `skip`.
    void receive(int count, const QList<int> &skip = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FixedClock m_clock;
    test::FakeSecretStore m_secrets;
};

namespace {
const QString OtherId = u"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"_s;
} // namespace

void TestCliAuditComputers::init()
{
    Language::install(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    qunsetenv("KENGELE_PASSWORD");
}

TestCliAuditComputers::Outcome TestCliAuditComputers::cli(const char *line, const QByteArray &input)
{
    return test::runCli(m_dir->filePath(QStringLiteral("profile")), test::cliLine(QString::fromUtf8(line)), m_clock, m_secrets,
                        input);
}

void TestCliAuditComputers::receive(int count, const QList<int> &skip)
{
    auto profile = Profile::open(m_dir->filePath(QStringLiteral("profile")), m_clock);
    QVERIFY(profile);
    QList<SyncOp> ops;
    QString previous = AuditLog::zeroHash();
    for (int id = 1; id <= count; ++id) {
        AuditEntry e{id,
                     QDateTime::fromMSecsSinceEpoch(m_clock.nowMs() - 3'600'000 + id * 1000, Qt::UTC),
                     u"mary"_s,
                     u"Office desktop"_s,
                     u"contacts.add"_s,
                     u"contact:%1"_s.arg(id),
                     u"Added a contact"_s,
                     {},
                     {}};
        e.hash = AuditLog::chainHash(previous, e);
        previous = e.hash;
        if (skip.contains(id))
            continue;
        const QList<std::pair<QString, QCborValue>> fields{{u"id"_s, e.id},           {u"at"_s, e.time.toMSecsSinceEpoch()},
                                                           {u"user_name"_s, e.user},  {u"device_name"_s, e.device},
                                                           {u"action"_s, e.action},   {u"object"_s, e.object},
                                                           {u"summary"_s, e.summary}, {u"hash"_s, e.hash}};
        for (const auto &[field, value] : fields)
            ops.append(SyncOp{QString(ReplicaSchema::AuditEntry), OtherId + u'/' + QString::number(id), field, value, quint64(id),
                              OtherId, u"mary"_s, 0});
    }
    QVERIFY(ReplicaApplier((*profile)->database(), m_clock).apply(ops));
}

void TestCliAuditComputers::listsAndChecksAnotherComputersTrail()
{
    QCOMPARE(cli("groups|create|Choir").code, 0); // an entry of this computer's own
    receive(3, {2});
    if (QTest::currentTestFailed())
        return;

    Outcome o = cli("--json|audit|computers");
    QCOMPARE(o.code, 0);
    QJsonArray computers = o.json().array();
    QCOMPARE(computers.size(), 2);
    QVERIFY(computers.at(0).toObject().value(u"this"_s).toBool());
    QCOMPARE(computers.at(1).toObject().value(u"name"_s).toString(), u"Office desktop"_s);
    QCOMPARE(computers.at(1).toObject().value(u"computer_id"_s).toString(), OtherId);
    QCOMPARE(computers.at(1).toObject().value(u"entries"_s).toInt(), 2);

    // Without --computer: this computer's trail alone, as before.
    o = cli("--json|audit|list");
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().array().size(), 1);
    QVERIFY(!o.json().array().at(0).toObject().contains(u"computer_id"_s));

    o = cli("--json|audit|list|--computer|office DESKTOP");
    QCOMPARE(o.code, 0);
    QJsonArray entries = o.json().array();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject().value(u"id"_s).toInt(), 3);
    QCOMPARE(entries.at(0).toObject().value(u"device"_s).toString(), u"Office desktop"_s);
    QCOMPARE(entries.at(0).toObject().value(u"computer_id"_s).toString(), OtherId);
    QCOMPARE(entries.at(1).toObject().value(u"id"_s).toInt(), 1);

    o = cli("--json|audit|list|--computer|all");
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().array().size(), 3);
    o = cli("audit|list|--computer|all");
    QCOMPARE(o.code, 0);
    QVERIFY2(o.out.contains(u"Office desktop"_s), qPrintable(o.out));

    QCOMPARE(cli("audit|list|--computer|Vestry PC").code, 2);
    QCOMPARE(cli("audit|verify|--computer").code, 2);

    // Entry 2 has not arrived: not tampering.
    o = cli("--json|audit|verify|--computer|Office desktop");
    QCOMPARE(o.code, 0);
    QJsonObject checked = o.json().object();
    QVERIFY(checked.value(u"ok"_s).toBool());
    QVERIFY(!checked.value(u"complete"_s).toBool());
    QCOMPARE(checked.value(u"missing_from"_s).toInt(), 2);
    QVERIFY(checked.value(u"note"_s).toString().contains(u"arrived"_s));

    receive(3);
    if (QTest::currentTestFailed())
        return;
    o = cli("--json|audit|verify|--computer|all");
    QCOMPARE(o.code, 0);
    QJsonArray all = o.json().array();
    QCOMPARE(all.size(), 2);
    QVERIFY(all.at(1).toObject().value(u"complete"_s).toBool());
    QCOMPARE(all.at(1).toObject().value(u"entries"_s).toInt(), 3);

    // A received entry changed in the file: exit 1, the entry named.
    {
        auto profile = Profile::open(m_dir->filePath(QStringLiteral("profile")), m_clock);
        QVERIFY(profile);
        QSqlQuery q((*profile)->database().connection());
        QVERIFY(q.exec(u"DROP TRIGGER audit_remote_append_only_update"_s));
        QVERIFY(q.exec(u"UPDATE audit_remote SET user_name = 'john' WHERE entry_id = 2"_s));
    }
    o = cli("--json|audit|verify|--computer|Office desktop");
    QCOMPARE(o.code, 1);
    QCOMPARE(o.json().object().value(u"first_bad"_s).toInt(), 2);
    QVERIFY2(o.err.contains(u"Office desktop"_s), qPrintable(o.err));

    // Only an administrator reads other computers' trails too.
    QCOMPARE(cli("--json|signin|require|--user|mary|--name|Mary Wanjiku", "Mlima wa Sayuni 7\n").code, 0);
    QCOMPARE(cli("--json|users|add|john|--name|John Otieno|--role|staff|--user|mary", "Mlima wa Sayuni 7\nkwaya ya vijana 2026\n")
                 .code,
             0);
    qputenv("KENGELE_PASSWORD", "kwaya ya vijana 2026");
    o = cli("audit|list|--computer|all|--user|john");
    qunsetenv("KENGELE_PASSWORD");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(u"administrator"_s), qPrintable(o.err));
}

QTEST_GUILESS_MAIN(TestCliAuditComputers)
#include "TestCliAuditComputers.moc"
