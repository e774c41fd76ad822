// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// POST and GET /v1/audit-anchor (docs/relay.md, "Audit anchors") over real HTTP on loopback, once
// on SQLite and once on PostgreSQL (KENGELE_TEST_POSTGRES; skipped without it): strict
// validation, device authentication, one anchor per device and day, a bounded history.
#include "RelayHarness.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;

namespace {

const QString HashA = QString(64, u'a');
const QString HashB = QStringLiteral("0123456789abcdef").repeated(4);

QByteArray anchorBody(qint64 entries, const QString &hash)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("entries"), entries}, {QStringLiteral("hash"), hash}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestRelayAuditAnchor : public QObject
{
    Q_OBJECT

public:
    explicit TestRelayAuditAnchor(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;
    std::unique_ptr<RelayHarness> m_relay;

    QUrl url() const { return m_relay->baseUrl().resolved(QUrl(QStringLiteral("/v1/audit-anchor"))); }
    RelayHarness::Reply post(const QByteArray &body, const QString &token)
    {
        return m_relay->post(url(), body, "application/json", token.toLatin1());
    }
    QJsonArray anchors(const QString &token)
    {
        const auto r = m_relay->get(url(), token.toLatin1());
        if (r.status != 200)
            qWarning() << "GET /v1/audit-anchor answered" << r.status << r.body;
        return r.json().value(QLatin1String("anchors")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (m_backend == RelayHarness::Backend::Postgres)
            KENGELE_NEED_POSTGRES();
    }

    void init()
    {
        m_relay = std::make_unique<RelayHarness>(m_backend);
        QString why;
        QVERIFY2(m_relay->open(&why), qPrintable(why));
        QVERIFY(m_relay->start());
    }

    void cleanup() { m_relay.reset(); }

    void anAnchorIsKeptAndGivenBack()
    {
        const auto org = m_relay->createOrgWithDevice();
        QVERIFY(!org.token.isEmpty());
        QCOMPARE(anchors(org.token).size(), 0);
        const auto r = post(anchorBody(42, HashA), org.token);
        QCOMPARE(r.status, 200);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QCOMPARE(r.json().value(QLatin1String("entries")).toInteger(), 42);
        QCOMPARE(r.json().value(QLatin1String("hash")).toString(), HashA);
        QVERIFY(r.json().value(QLatin1String("day")).toString() <= today); // UTC midnight may pass meanwhile
        const QJsonArray list = anchors(org.token);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("entries")).toInteger(), 42);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("hash")).toString(), HashA);
        QVERIFY(QDateTime::fromString(list.at(0).toObject().value(QLatin1String("received")).toString(), Qt::ISODateWithMs)
                    .isValid());
        // Another device, of this organisation or another, sees only its own.
        const auto other = m_relay->createOrgWithDevice(QStringLiteral("Other Church"));
        QCOMPARE(anchors(other.token).size(), 0);
        QVERIFY(m_relay->server()->metricsText().contains("route=\"audit_anchor\",status=\"200\""));
    }

    void theSameDayKeepsTheNewest()
    {
        const auto org = m_relay->createOrgWithDevice();
        QCOMPARE(post(anchorBody(10, HashA), org.token).status, 200);
        QCOMPARE(post(anchorBody(12, HashB), org.token).status, 200);
        const QJsonArray list = anchors(org.token);
        // Two answers across a UTC midnight would be two days; the test does not run then.
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("entries")).toInteger(), 12);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("hash")).toString(), HashB);
    }

    void badBodiesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addRow("not json") << QByteArray("entries=3") << 400;
        QTest::addRow("array") << QByteArray("[3]") << 400;
        QTest::addRow("empty") << QByteArray() << 400;
        QTest::addRow("no hash") << QByteArray(R"({"entries":3})") << 400;
        QTest::addRow("extra key") << QByteArray(R"({"entries":3,"hash":")" + HashA.toLatin1() + R"(","name":"x"})") << 400;
        QTest::addRow("short hash") << anchorBody(3, QString(63, u'a')) << 400;
        QTest::addRow("long hash") << anchorBody(3, QString(65, u'a')) << 400;
        QTest::addRow("upper-case hash") << anchorBody(3, QString(64, u'A')) << 400;
        QTest::addRow("not hex") << anchorBody(3, QString(64, u'g')) << 400;
        QTest::addRow("hash a number") << QByteArray(R"({"entries":3,"hash":12})") << 400;
        QTest::addRow("zero entries") << anchorBody(0, HashA) << 400;
        QTest::addRow("negative") << anchorBody(-5, HashA) << 400;
        QTest::addRow("fraction") << QByteArray(R"({"entries":2.5,"hash":")" + HashA.toLatin1() + R"("})") << 400;
        QTest::addRow("entries a string") << QByteArray(R"({"entries":"3","hash":")" + HashA.toLatin1() + R"("})") << 400;
        QTest::addRow("too large a number") << QByteArray(R"({"entries":1e300,"hash":")" + HashA.toLatin1() + R"("})") << 400;
        QTest::addRow("too large a body") << QByteArray(R"({"entries":3,"hash":")" + HashA.toLatin1() + R"(")"
                                                        + QByteArray(600, ' ') + "}")
                                          << 413;
    }

    void badBodiesAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto org = m_relay->createOrgWithDevice();
        const auto r = post(body, org.token);
        QCOMPARE(r.status, status);
        QVERIFY(!r.json().value(QLatin1String("error")).toString().isEmpty());
        QCOMPARE(anchors(org.token).size(), 0);
    }

    void onlyAnEnrolledDeviceMayAnchor()
    {
        const auto org = m_relay->createOrgWithDevice();
        QCOMPARE(post(anchorBody(3, HashA), QString()).status, 401);
        QCOMPARE(post(anchorBody(3, HashA), QStringLiteral("dev_notatoken")).status, 401);
        QCOMPARE(m_relay->get(url(), QByteArray()).status, 401);
        QCOMPARE(m_relay->get(url(), "nonsense").status, 401);
        // A removed device may no longer.
        QCOMPARE(post(anchorBody(3, HashA), org.token).status, 200);
        QVERIFY(m_relay->store().revokeDevice(org.deviceId, QDateTime::currentMSecsSinceEpoch()).value_or(false));
        QCOMPARE(post(anchorBody(4, HashA), org.token).status, 401);
        QCOMPARE(m_relay->get(url(), org.token.toLatin1()).status, 401);
        QCOMPARE(m_relay->get(QUrl(url().toString() + QStringLiteral("?limit=0")), org.token.toLatin1()).status, 401);
    }

    void theLimitIsChecked()
    {
        const auto org = m_relay->createOrgWithDevice();
        for (const char *limit : {"0", "401", "x", "-1"}) {
            const auto r
                = m_relay->get(QUrl(url().toString() + QStringLiteral("?limit=") + QLatin1String(limit)), org.token.toLatin1());
            QCOMPARE(r.status, 400);
        }
        QCOMPARE(m_relay->get(QUrl(url().toString() + QStringLiteral("?limit=400")), org.token.toLatin1()).status, 200);
    }

    // One a day for more than a year: the newest 400 days are kept, older ones removed.
    void theHistoryIsBounded()
    {
        const auto org = m_relay->createOrgWithDevice();
        const QDate first(2025, 1, 1);
        const int days = 405;
        for (int i = 0; i < days; ++i) {
            const relay::AuditAnchorRecord anchor{
                org.deviceId, org.id, first.addDays(i).toString(Qt::ISODate),
                i + 1,        HashA,  QDateTime(first.addDays(i), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch()};
            const auto stored = m_relay->store().putAuditAnchor(anchor, 400);
            QVERIFY2(stored, qPrintable(stored.error()));
        }
        QSqlQuery count(m_relay->store().database());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*), MIN(day), MAX(entries) FROM audit_anchors")) && count.next());
        QCOMPARE(count.value(0).toInt(), 400);
        QCOMPARE(count.value(1).toString(), first.addDays(5).toString(Qt::ISODate));
        QCOMPARE(count.value(2).toLongLong(), days);
        // Newest first, bounded; and today's own anchor over HTTP makes it 400 again, not 401.
        QJsonArray list = anchors(org.token);
        QCOMPARE(list.size(), 400);
        QCOMPARE(list.first().toObject().value(QLatin1String("entries")).toInteger(), days);
        QCOMPARE(post(anchorBody(500, HashB), org.token).status, 200);
        list = anchors(org.token);
        QCOMPARE(list.size(), 400);
        QCOMPARE(list.first().toObject().value(QLatin1String("entries")).toInteger(), 500);
        QCOMPARE(list.last().toObject().value(QLatin1String("day")).toString(), first.addDays(6).toString(Qt::ISODate));
        // An older anchor for a day already held does not replace a newer one (two relay processes).
        const relay::AuditAnchorRecord late{org.deviceId,
                                            org.id,
                                            first.addDays(days - 1).toString(Qt::ISODate),
                                            1,
                                            HashB,
                                            QDateTime(first.addDays(days - 1), QTime(1, 0), Qt::UTC).toMSecsSinceEpoch()};
        QVERIFY(m_relay->store().putAuditAnchor(late, 400));
        const auto kept = m_relay->store().auditAnchors(org.deviceId, 2);
        QVERIFY(kept);
        QCOMPARE(kept->at(1).entries, days);
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestRelayAuditAnchor>(argc, argv);
}

#include "TestRelayAuditAnchor.moc"
