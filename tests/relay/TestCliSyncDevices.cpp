// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// kengele-cli against an in-process relay (SQLite), two data folders: the first connects and founds
// the congregation's keys; the second connects and waits; `devices approve` on the first shows the
// safety code, `relay sync` on the second shows the same; approving with it lets the second in, and a
// contact added on either appears on the other after `relay sync --once`. Also `sync status`,
// `sync conflicts` and `devices list`.

#include "CliCall.h"
#include "FakeSecretStore.h"
#include "RelayAdmin.h"
#include "RelayHarness.h"
#include "TestSupport.h"
#include "common/Language.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;
using namespace Qt::StringLiterals;

class TestCliSyncDevices final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RelayHarness> m_relay;
    QTemporaryDir m_dir;
    FakeSecretStore m_secretsA;
    FakeSecretStore m_secretsB;
    FixedClock m_clock;

    CliOutcome cliA(const QStringList &arguments) { return runCli(m_dir.filePath(u"a"_s), arguments, m_clock, m_secretsA); }
    CliOutcome cliB(const QStringList &arguments) { return runCli(m_dir.filePath(u"b"_s), arguments, m_clock, m_secretsB); }
    FakeSecretStore m_secretsC;
    FakeSecretStore m_secretsD;
    CliOutcome cliC(const QStringList &arguments) { return runCli(m_dir.filePath(u"c"_s), arguments, m_clock, m_secretsC); }
    CliOutcome cliD(const QStringList &arguments) { return runCli(m_dir.filePath(u"d"_s), arguments, m_clock, m_secretsD); }

    // The newcomer waits, the approver compares codes and lets it in, the newcomer syncs.
    void letIn(const std::function<CliOutcome(const QStringList &)> &approver,
               const std::function<CliOutcome(const QStringList &)> &newcomer)
    {
        CliOutcome out = newcomer({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        const QString device = out.json().object().value(u"device"_s).toString();
        QVERIFY(!device.isEmpty());
        QCOMPARE(approver({u"--json"_s, u"devices"_s, u"approve"_s, device, u"--wait"_s, u"0"_s}).code, 0);
        out = newcomer({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        const QString code = out.json().object().value(u"safety_code"_s).toString();
        QCOMPARE(code.size(), 9);
        out = approver({u"--json"_s, u"devices"_s, u"approve"_s, device, u"--safety-code"_s, code});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        out = newcomer({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QVERIFY(!out.json().object().contains(u"waiting_for_approval"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Language::install(u"en"_s);
        QLoggingCategory::setFilterRules(u"kengele.relay.access=false\nkengele.*.debug=false\nkengele.*.info=false"_s);
        m_relay = std::make_unique<RelayHarness>(RelayHarness::Backend::Sqlite);
        QString why;
        QVERIFY2(m_relay->open(&why), qPrintable(why));
        QVERIFY(m_relay->start());
    }

    void cleanupTestCase() { m_relay.reset(); }

    void twoComputersJoinAndShare()
    {
        const auto org = relay::createOrganisation(m_relay->store(), m_relay->masterKey(), u"St Paul's Church"_s,
                                                   m_relay->baseUrl().toString());
        QVERIFY(org);
        const auto codeA = relay::createEnrolCode(m_relay->store(), org->org.id, 24);
        const auto codeB = relay::createEnrolCode(m_relay->store(), org->org.id, 24);
        QVERIFY(codeA && codeB);
        const QString url = m_relay->baseUrl().toString();

        CliOutcome out = cliA({u"relay"_s, u"connect"_s, url, u"--code"_s, codeA->code, u"--name"_s, u"Office"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        out = cliA({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QCOMPARE(out.json().object().value(u"sync"_s).toObject().value(u"ready"_s).toBool(), true);

        out = cliB({u"relay"_s, u"connect"_s, url, u"--code"_s, codeB->code, u"--name"_s, u"Laptop"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        out = cliB({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QJsonObject waiting = out.json().object();
        QCOMPARE(waiting.value(u"waiting_for_approval"_s).toBool(), true);
        const QString laptop = waiting.value(u"device"_s).toString();
        QVERIFY(laptop.startsWith(u"dev_"_s));
        out = cliB({u"--json"_s, u"sync"_s, u"status"_s});
        QCOMPARE(out.json().object().value(u"waiting_for_approval"_s).toBool(), true);

        // The approver sends its keys; the laptop has not synced since: no code yet.
        out = cliA({u"--json"_s, u"devices"_s, u"approve"_s, laptop, u"--wait"_s, u"0"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QCOMPARE(out.json().object().value(u"approved"_s).toBool(), false);
        QVERIFY(out.json().object().value(u"safety_code"_s).isNull());
        // The laptop shows its code.
        out = cliB({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        waiting = out.json().object();
        QCOMPARE(waiting.value(u"waiting_for_approval"_s).toBool(), true);
        const QString code = waiting.value(u"safety_code"_s).toString();
        QCOMPARE(code.size(), 9);
        // The approver shows the same code, and does not approve without it.
        out = cliA({u"--json"_s, u"devices"_s, u"approve"_s, laptop, u"--wait"_s, u"5"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QCOMPARE(out.json().object().value(u"safety_code"_s).toString(), code);
        QCOMPARE(out.json().object().value(u"approved"_s).toBool(), false);
        out = cliA(
            {u"devices"_s, u"approve"_s, laptop, u"--safety-code"_s, u"1234 5678"_s == code ? u"8765 4321"_s : u"1234 5678"_s});
        QCOMPARE(out.code, 1);
        out = cliA({u"--json"_s, u"devices"_s, u"approve"_s, laptop, u"--safety-code"_s, code});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QCOMPARE(out.json().object().value(u"approved"_s).toBool(), true);

        // A contact on the first before the laptop takes its keys, one on the laptop after.
        QCOMPARE(cliA({u"contacts"_s, u"add"_s, u"0712345678"_s, u"--name"_s, u"Mary Wanjiku"_s}).code, 0);
        QCOMPARE(cliA({u"relay"_s, u"sync"_s, u"--once"_s}).code, 0);
        out = cliB({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QVERIFY(!out.json().object().contains(u"waiting_for_approval"_s));
        out = cliB({u"--json"_s, u"contacts"_s, u"list"_s});
        QVERIFY2(out.out.contains(u"Mary"_s), qPrintable(out.out));
        QCOMPARE(cliB({u"contacts"_s, u"add"_s, u"0722000111"_s, u"--name"_s, u"John Otieno"_s}).code, 0);
        QCOMPARE(cliB({u"relay"_s, u"sync"_s, u"--once"_s}).code, 0);
        QCOMPARE(cliA({u"relay"_s, u"sync"_s, u"--once"_s}).code, 0);
        out = cliA({u"--json"_s, u"contacts"_s, u"list"_s});
        QVERIFY2(out.out.contains(u"John"_s), qPrintable(out.out));

        out = cliA({u"--json"_s, u"devices"_s, u"list"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        const QJsonArray devices = out.json().array();
        QCOMPARE(devices.size(), 2);
        for (const QJsonValue &d : devices) {
            const QJsonObject o = d.toObject();
            QCOMPARE(o.value(u"approved"_s).toBool(), true);
            QCOMPARE(o.value(u"trusted"_s).toBool(), true);
            QVERIFY(o.contains(u"last_seen"_s) && o.contains(u"user"_s) && o.contains(u"name"_s));
            QCOMPARE(o.value(u"this"_s).toBool(), o.value(u"device"_s).toString() != laptop);
        }
        out = cliA({u"--json"_s, u"sync"_s, u"status"_s});
        const QJsonObject status = out.json().object();
        QCOMPARE(status.value(u"pending_out"_s).toInteger(), 0);
        QCOMPARE(status.value(u"waiting_for_approval"_s).toBool(), false);
        QVERIFY(!status.value(u"last_in"_s).isNull());
        QVERIFY(status.contains(u"conflicts"_s));
        out = cliA({u"--json"_s, u"sync"_s, u"conflicts"_s});
        QCOMPARE(out.code, 0);
        QVERIFY(out.json().isArray());
        // Nothing secret or shared in what the commands print.
        QVERIFY(!out.err.contains(u"0712345678"_s));
    }

    // A computer that kept its own list joins: told what it holds and asked to choose; one starts
    // from the church's data (its own in a backup, never sent), another merges (its contact reaches
    // the church, the church's reaches it).
    void aComputerWithItsOwnDataChooses()
    {
        const auto org = relay::createOrganisation(m_relay->store(), m_relay->masterKey(), u"St Mark's Church"_s,
                                                   m_relay->baseUrl().toString());
        QVERIFY(org);
        const QString url = m_relay->baseUrl().toString();
        auto code = [&] {
            return relay::createEnrolCode(m_relay->store(), org->org.id, 24)->code;
        };
        auto office = [this](const QStringList &a) {
            return runCli(m_dir.filePath(u"office2"_s), a, m_clock, m_secretsA);
        };
        QCOMPARE(office({u"relay"_s, u"connect"_s, url, u"--code"_s, code(), u"--name"_s, u"Office"_s}).code, 0);
        QCOMPARE(office({u"contacts"_s, u"add"_s, u"0712345678"_s, u"--name"_s, u"Mary Wanjiku"_s}).code, 0);
        QCOMPARE(office({u"relay"_s, u"sync"_s, u"--once"_s}).code, 0);

        QCOMPARE(cliC({u"contacts"_s, u"add"_s, u"0733000111"_s, u"--name"_s, u"Peter Own"_s}).code, 0);
        CliOutcome out = cliC({u"relay"_s, u"connect"_s, url, u"--code"_s, code(), u"--name"_s, u"Hall"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        // Let in, it waits for the choice: told what it holds and both choices; nothing taken or sent.
        out = cliC({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        const QString hall = out.json().object().value(u"device"_s).toString();
        QCOMPARE(office({u"--json"_s, u"devices"_s, u"approve"_s, hall, u"--wait"_s, u"0"_s}).code, 0);
        out = cliC({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        const QString safety = out.json().object().value(u"safety_code"_s).toString();
        QVERIFY2(office({u"devices"_s, u"approve"_s, hall, u"--safety-code"_s, safety}).code == 0, "approve");
        out = cliC({u"relay"_s, u"sync"_s, u"--once"_s});
        QCOMPARE(out.code, 1);
        QVERIFY2(out.err.contains(u"1 contact"_s) && out.err.contains(u"own-data"_s), qPrintable(out.err));
        QCOMPARE(cliC({u"--json"_s, u"sync"_s, u"status"_s}).json().object().value(u"waiting_for_approval"_s).toBool(), true);
        QCOMPARE(cliC({u"sync"_s, u"own-data"_s, u"keep"_s}).code, 2);
        QCOMPARE(cliC({u"backup"_s, u"folder"_s, m_dir.filePath(u"backups"_s)}).code, 0);
        qputenv("KENGELE_BACKUP_PASSPHRASE", "harambee choir practice every thursday");
        out = cliC({u"--json"_s, u"sync"_s, u"own-data"_s, u"start-from-church-data"_s});
        qunsetenv("KENGELE_BACKUP_PASSPHRASE");
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QVERIFY(QFile::exists(out.json().object().value(u"backup"_s).toString()));
        out = cliC({u"--json"_s, u"relay"_s, u"sync"_s, u"--once"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        QVERIFY2(!out.json().object().contains(u"waiting_for_approval"_s), qPrintable(out.out + out.err));
        out = cliC({u"--json"_s, u"contacts"_s, u"list"_s});
        QVERIFY2(out.out.contains(u"Mary"_s) && !out.out.contains(u"Peter"_s), qPrintable(out.out));
        QCOMPARE(office({u"relay"_s, u"sync"_s, u"--once"_s}).code, 0);
        QVERIFY(!office({u"--json"_s, u"contacts"_s, u"list"_s}).out.contains(u"Peter"_s));

        QCOMPARE(cliD({u"contacts"_s, u"add"_s, u"0744000222"_s, u"--name"_s, u"Grace Own"_s}).code, 0);
        out = cliD({u"relay"_s, u"connect"_s, url, u"--code"_s, code(), u"--name"_s, u"Vestry"_s, u"--merge"_s});
        QVERIFY2(out.code == 0, qPrintable(out.err));
        letIn(office, [this](const QStringList &a) { return cliD(a); });
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(office({u"relay"_s, u"sync"_s, u"--once"_s}).code, 0);
        QVERIFY(office({u"--json"_s, u"contacts"_s, u"list"_s}).out.contains(u"Grace"_s));
        out = cliD({u"--json"_s, u"contacts"_s, u"list"_s});
        QVERIFY2(out.out.contains(u"Mary"_s) && out.out.contains(u"Grace"_s), qPrintable(out.out));
    }
};

QTEST_GUILESS_MAIN(TestCliSyncDevices)
#include "TestCliSyncDevices.moc"
