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
};

QTEST_GUILESS_MAIN(TestCliSyncDevices)
#include "TestCliSyncDevices.moc"
