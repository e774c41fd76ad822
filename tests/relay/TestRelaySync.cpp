// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Several computers, one congregation, at the relay (docs/relay.md, "Sync between a church's
// computers") over real HTTP on loopback, once on SQLite and once on PostgreSQL
// (KENGELE_TEST_POSTGRES; skipped without it): approval, the join mailbox in order, change
// batches (idempotent, gaps, conflicts, long polls), the devices and removing one (its held poll
// ends 401), key grants, snapshots and compaction, limits and bad input, metrics, and two relay
// processes on one PostgreSQL database. The payloads are made-up bytes: the relay never reads them.
#include "RelayHarness.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray changeBody(qint64 seq, qint64 epoch, const QByteArray &batch)
{
    return compact({{QStringLiteral("seq"), seq}, {QStringLiteral("epoch"), epoch}, {QStringLiteral("batch"), b64(batch)}});
}

} // namespace

class TestRelaySync : public QObject
{
    Q_OBJECT

public:
    explicit TestRelaySync(RelayHarness::Backend backend)
        : m_backend(backend)
    { }

private:
    RelayHarness::Backend m_backend;
    std::unique_ptr<RelayHarness> m_relay;
    QNetworkAccessManager m_network;

    using Org = RelayHarness::Org;
    using Reply = RelayHarness::Reply;

    Reply post(const QString &path, const QByteArray &body, const Org &who)
    {
        return m_relay->post(m_relay->url(path), body, "application/json", who.token.toLatin1());
    }
    Reply get(const QString &path, const Org &who, int timeoutMs = 10000)
    {
        return m_relay->get(m_relay->url(path), who.token.toLatin1(), timeoutMs);
    }
    // A request left running (a long poll), answered later.
    QNetworkReply *startGet(const QString &path, const Org &who)
    {
        QNetworkRequest request(m_relay->url(path));
        request.setRawHeader("Authorization", "Bearer " + who.token.toLatin1());
        return m_network.get(request);
    }
    static int statusOf(QNetworkReply *reply, QByteArray *body = nullptr, int timeoutMs = 15000)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(timeoutMs);
        }
        const int status = reply->isFinished() ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : -1;
        if (body)
            *body = reply->readAll();
        reply->deleteLater();
        return status;
    }

    // The whole handshake: the newcomer commits, `approver` sends keys, the newcomer reveals, `approver` approves.
    bool approve(const Org &approver, const Org &newcomer)
    {
        const auto b = [](const char *text) {
            return QByteArray(text);
        };
        return post(QStringLiteral("/v1/join"),
                    compact({{QStringLiteral("commitment"), b64(b("commit-") + newcomer.deviceId.toLatin1())}}), newcomer)
                   .status
            == 200
            && post(QStringLiteral("/v1/join-requests/%1/keys").arg(newcomer.deviceId),
                    compact({{QStringLiteral("keys"), b64(b("approver-keys"))}}), approver)
                   .status
            == 200
            && post(QStringLiteral("/v1/join/reveal"), compact({{QStringLiteral("reveal"), b64(b("newcomer-keys"))}}), newcomer)
                   .status
            == 200
            && post(QStringLiteral("/v1/join-requests/%1/approve").arg(newcomer.deviceId),
                    compact({{QStringLiteral("grant"), b64(b("sealed-grant"))}}), approver)
                   .status
            == 200;
    }

    QJsonArray eventKinds(const Org &who)
    {
        QJsonArray kinds;
        const auto events = m_relay->events(who, 0).json().value(QLatin1String("events")).toArray();
        for (const auto &event : events)
            kinds.append(event.toObject().value(QLatin1String("kind")));
        return kinds;
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

    void theFounderIsApprovedAPendingDeviceIsBlocked()
    {
        const Org founder = m_relay->createOrgWithDevice();
        QVERIFY(!founder.token.isEmpty());
        const Reply mine = get(QStringLiteral("/v1/device"), founder);
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json().value(QLatin1String("approved")).toBool(), true);
        QCOMPARE(mine.json().value(QLatin1String("device")).toString(), founder.deviceId);

        const Org laptop = m_relay->enrolAnother(founder);
        QVERIFY(!laptop.token.isEmpty());
        const Reply state = get(QStringLiteral("/v1/device"), laptop);
        QCOMPARE(state.status, 200);
        QCOMPARE(state.json().value(QLatin1String("pending")).toBool(), true);
        QCOMPARE(state.json().value(QLatin1String("name")).toString(), QStringLiteral("Office laptop"));
        // Everything but its own state, its join and withdrawing itself: 403 waiting_for_approval.
        for (const Reply &refused : {m_relay->events(laptop, 0), get(QStringLiteral("/v1/changes"), laptop),
                                     get(QStringLiteral("/v1/devices"), laptop), get(QStringLiteral("/v1/join-requests"), laptop),
                                     get(QStringLiteral("/v1/keys"), laptop), get(QStringLiteral("/v1/snapshot"), laptop),
                                     get(QStringLiteral("/v1/plans"), laptop), get(QStringLiteral("/v1/audit-anchor"), laptop),
                                     post(QStringLiteral("/v1/changes"), changeBody(1, 0, "x"), laptop)}) {
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.json().value(QLatin1String("waiting_for_approval")).toBool(), true);
            QVERIFY(refused.json().value(QLatin1String("error")).toString().contains(QLatin1String("waiting for approval")));
        }
        const Reply join = get(QStringLiteral("/v1/join"), laptop);
        QCOMPARE(join.status, 200);
        QCOMPARE(join.json().value(QLatin1String("state")).toString(), QStringLiteral("none"));
        // It may still withdraw itself.
        QCOMPARE(m_relay->send("DELETE", m_relay->url(QStringLiteral("/v1/device")), {}, laptop.token.toLatin1()).status, 204);
        QCOMPARE(get(QStringLiteral("/v1/device"), laptop).status, 401);
    }

    void theJoinGoesStepByStepInOrder()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        const QString target = QStringLiteral("/v1/join-requests/%1/").arg(laptop.deviceId);
        auto blob = [](const char *text) {
            return b64(QByteArray(text));
        };
        auto expectOrder = [](const Reply &reply) {
            QCOMPARE(reply.status, 409);
            QCOMPARE(reply.json().value(QLatin1String("code")).toString(), QStringLiteral("join_order"));
        };
        // Out of order before anything: reveal, keys, approve.
        expectOrder(post(QStringLiteral("/v1/join/reveal"), compact({{QStringLiteral("reveal"), blob("r")}}), laptop));
        expectOrder(post(target + QStringLiteral("keys"), compact({{QStringLiteral("keys"), blob("k")}}), founder));
        expectOrder(post(target + QStringLiteral("approve"), compact({{QStringLiteral("grant"), blob("g")}}), founder));

        const QByteArray commit = compact({{QStringLiteral("commitment"), blob("hash-of-laptop-key")}});
        Reply r = post(QStringLiteral("/v1/join"), commit, laptop);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("committed"));
        const qint64 committedVersion = r.json().value(QLatin1String("version")).toInteger();
        QVERIFY(committedVersion > 0);
        QCOMPARE(post(QStringLiteral("/v1/join"), commit, laptop).status, 200); // a retry
        // A founder cannot join, nor does its list show itself.
        QCOMPARE(post(QStringLiteral("/v1/join"), commit, founder).json().value(QLatin1String("code")).toString(),
                 QStringLiteral("already_approved"));

        r = get(QStringLiteral("/v1/join-requests"), founder);
        QCOMPARE(r.status, 200);
        QJsonArray requests = r.json().value(QLatin1String("requests")).toArray();
        QCOMPARE(requests.size(), 1);
        QJsonObject request = requests.at(0).toObject();
        QCOMPARE(request.value(QLatin1String("device")).toString(), laptop.deviceId);
        QCOMPARE(request.value(QLatin1String("name")).toString(), QStringLiteral("Office laptop"));
        QCOMPARE(request.value(QLatin1String("commitment")).toString(), blob("hash-of-laptop-key"));
        QVERIFY(request.value(QLatin1String("keys")).isNull());
        QVERIFY(!request.value(QLatin1String("enrolled")).toString().isEmpty());

        expectOrder(post(QStringLiteral("/v1/join/reveal"), compact({{QStringLiteral("reveal"), blob("r")}}), laptop));
        const QByteArray keys = compact({{QStringLiteral("keys"), blob("founder-public-keys")}});
        QCOMPARE(post(target + QStringLiteral("keys"), keys, founder).status, 200);
        QCOMPARE(post(target + QStringLiteral("keys"), keys, founder).status, 200); // a retry
        QCOMPARE(post(target + QStringLiteral("keys"), compact({{QStringLiteral("keys"), blob("other")}}), founder).status, 409);
        // The commitment cannot change once keys came.
        expectOrder(post(QStringLiteral("/v1/join"), compact({{QStringLiteral("commitment"), blob("another")}}), laptop));
        expectOrder(post(target + QStringLiteral("approve"), compact({{QStringLiteral("grant"), blob("g")}}), founder));

        r = get(QStringLiteral("/v1/join"), laptop);
        QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("keys"));
        QCOMPARE(r.json().value(QLatin1String("approver")).toString(), founder.deviceId);
        QCOMPARE(r.json().value(QLatin1String("keys")).toString(), blob("founder-public-keys"));
        QVERIFY(r.json().value(QLatin1String("grant")).isNull());

        const QByteArray reveal = compact({{QStringLiteral("reveal"), blob("laptop-public-keys")}});
        QCOMPARE(post(QStringLiteral("/v1/join/reveal"), reveal, laptop).status, 200);
        QCOMPARE(post(QStringLiteral("/v1/join/reveal"), reveal, laptop).status, 200); // a retry
        requests = get(QStringLiteral("/v1/join-requests"), founder).json().value(QLatin1String("requests")).toArray();
        QCOMPARE(requests.at(0).toObject().value(QLatin1String("reveal")).toString(), blob("laptop-public-keys"));
        QCOMPARE(requests.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("revealed"));

        const QByteArray grant = compact({{QStringLiteral("grant"), blob("sealed-org-key")}});
        r = post(target + QStringLiteral("approve"), grant, founder);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(post(target + QStringLiteral("approve"), grant, founder).status, 200); // a retry
        QCOMPARE(post(target + QStringLiteral("approve"), compact({{QStringLiteral("grant"), blob("other")}}), founder).status,
                 409);

        r = get(QStringLiteral("/v1/join"), laptop);
        QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(r.json().value(QLatin1String("grant")).toString(), blob("sealed-org-key"));
        QCOMPARE(get(QStringLiteral("/v1/device"), laptop).json().value(QLatin1String("approved")).toBool(), true);
        QCOMPARE(m_relay->events(laptop, 0).status, 200);
        QVERIFY(get(QStringLiteral("/v1/join-requests"), founder).json().value(QLatin1String("requests")).toArray().isEmpty());
        const QJsonArray kinds = eventKinds(founder);
        QVERIFY(kinds.contains(QStringLiteral("device.join")));
        QVERIFY(kinds.contains(QStringLiteral("device.approved")));
    }

    void onlyTheApproverCarriesOnAJoin()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org second = m_relay->enrolAnother(founder, QStringLiteral("Pastor's laptop"));
        QVERIFY(approve(founder, second));
        const Org third = m_relay->enrolAnother(founder, QStringLiteral("Treasurer"));
        QCOMPARE(post(QStringLiteral("/v1/join"), compact({{QStringLiteral("commitment"), b64("c")}}), third).status, 200);
        const QString target = QStringLiteral("/v1/join-requests/%1/").arg(third.deviceId);
        QCOMPARE(post(target + QStringLiteral("keys"), compact({{QStringLiteral("keys"), b64("k1")}}), founder).status, 200);
        const Reply taken = post(target + QStringLiteral("keys"), compact({{QStringLiteral("keys"), b64("k2")}}), second);
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.json().value(QLatin1String("code")).toString(), QStringLiteral("join_taken"));
        QCOMPARE(post(QStringLiteral("/v1/join/reveal"), compact({{QStringLiteral("reveal"), b64("r")}}), third).status, 200);
        QCOMPARE(post(target + QStringLiteral("approve"), compact({{QStringLiteral("grant"), b64("g")}}), second)
                     .json()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("join_taken"));
    }

    void theJoinIsLongPolledOnBothSides()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        // The approver waits for requests; the newcomer's commitment wakes it.
        const qint64 before
            = get(QStringLiteral("/v1/join-requests"), founder).json().value(QLatin1String("version")).toInteger();
        QNetworkReply *requests = startGet(QStringLiteral("/v1/join-requests?wait=10&after=%1").arg(before), founder);
        QTRY_COMPARE(m_relay->server()->waitingPolls(), 1);
        const Reply committed = post(QStringLiteral("/v1/join"), compact({{QStringLiteral("commitment"), b64("c")}}), laptop);
        QCOMPARE(committed.status, 200);
        QByteArray body;
        QCOMPARE(statusOf(requests, &body), 200);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QLatin1String("requests")).toArray().size(), 1);

        // The newcomer waits for the approver's keys.
        const qint64 version = committed.json().value(QLatin1String("version")).toInteger();
        QNetworkReply *state = startGet(QStringLiteral("/v1/join?wait=10&after=%1").arg(version), laptop);
        QTRY_COMPARE(m_relay->server()->waitingPolls(), 1);
        QCOMPARE(post(QStringLiteral("/v1/join-requests/%1/keys").arg(laptop.deviceId),
                      compact({{QStringLiteral("keys"), b64("k")}}), founder)
                     .status,
                 200);
        QCOMPARE(statusOf(state, &body), 200);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QLatin1String("state")).toString(), QStringLiteral("keys"));

        // Refused while waiting: the held poll ends 401, and the device is gone.
        const qint64 keysVersion = QJsonDocument::fromJson(body).object().value(QLatin1String("version")).toInteger();
        state = startGet(QStringLiteral("/v1/join?wait=10&after=%1").arg(keysVersion), laptop);
        QTRY_COMPARE(m_relay->server()->waitingPolls(), 1);
        QCOMPARE(post(QStringLiteral("/v1/join-requests/%1/refuse").arg(laptop.deviceId), {}, founder).status, 200);
        QCOMPARE(statusOf(state), 401);
        QCOMPARE(get(QStringLiteral("/v1/join"), laptop).status, 401);
        QVERIFY(eventKinds(founder).contains(QStringLiteral("device.refused")));
    }

    void anotherOrganisationsDeviceIsNotFound()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        QCOMPARE(post(QStringLiteral("/v1/join"), compact({{QStringLiteral("commitment"), b64("c")}}), laptop).status, 200);
        const Org stranger = m_relay->createOrgWithDevice(QStringLiteral("Another church"));
        const QString target = QStringLiteral("/v1/join-requests/%1/").arg(laptop.deviceId);
        QCOMPARE(post(target + QStringLiteral("keys"), compact({{QStringLiteral("keys"), b64("k")}}), stranger).status, 404);
        QCOMPARE(post(target + QStringLiteral("refuse"), {}, stranger).status, 404);
        QCOMPARE(
            m_relay
                ->send("DELETE", m_relay->url(QStringLiteral("/v1/devices/") + founder.deviceId), {}, stranger.token.toLatin1())
                .status,
            404);
        QVERIFY(get(QStringLiteral("/v1/join-requests"), stranger).json().value(QLatin1String("requests")).toArray().isEmpty());
        QCOMPARE(post(QStringLiteral("/v1/keys"),
                      compact({{QStringLiteral("epoch"), 2},
                               {QStringLiteral("grants"),
                                QJsonArray{QJsonObject{{QStringLiteral("device"), founder.deviceId},
                                                       {QStringLiteral("grant"), b64("g")}}}}}),
                      stranger)
                     .status,
                 404);
        // Its changes are not another organisation's either.
        QCOMPARE(post(QStringLiteral("/v1/changes"), changeBody(1, 0, "mine"), founder).status, 200);
        QVERIFY(get(QStringLiteral("/v1/changes"), stranger).json().value(QLatin1String("changes")).toArray().isEmpty());
    }

    void changesAreNumberedAndIdempotent()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        QVERIFY(approve(founder, laptop));
        Reply r = post(QStringLiteral("/v1/changes"), changeBody(1, 0, "cipher-1"), founder);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("seq")).toInteger(), 1);
        QCOMPARE(r.json().value(QLatin1String("device_seq")).toInteger(), 1);
        const QByteArray first = r.body;
        r = post(QStringLiteral("/v1/changes"), changeBody(1, 0, "cipher-1"), founder); // a retry
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, first);
        r = post(QStringLiteral("/v1/changes"), changeBody(1, 0, "cipher-X"), founder);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("seq_conflict"));
        r = post(QStringLiteral("/v1/changes"), changeBody(3, 0, "cipher-3"), founder);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("seq_gap"));
        QCOMPARE(r.json().value(QLatin1String("expected")).toInteger(), 2);
        QCOMPARE(post(QStringLiteral("/v1/changes"), changeBody(2, 1, "cipher-2"), founder).status, 200);
        // The laptop numbers its own from 1.
        r = post(QStringLiteral("/v1/changes"), changeBody(1, 1, "laptop-1"), laptop);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("seq")).toInteger(), 3);

        r = get(QStringLiteral("/v1/changes?after=0"), laptop);
        QCOMPARE(r.status, 200);
        const QJsonArray changes = r.json().value(QLatin1String("changes")).toArray();
        QCOMPARE(changes.size(), 3);
        const QJsonObject second = changes.at(1).toObject();
        QCOMPARE(second.value(QLatin1String("seq")).toInteger(), 2);
        QCOMPARE(second.value(QLatin1String("device")).toString(), founder.deviceId);
        QCOMPARE(second.value(QLatin1String("device_seq")).toInteger(), 2);
        QCOMPARE(second.value(QLatin1String("epoch")).toInteger(), 1);
        QCOMPARE(QByteArray::fromBase64(second.value(QLatin1String("batch")).toString().toLatin1()), QByteArray("cipher-2"));
        QVERIFY(!second.value(QLatin1String("received")).toString().isEmpty());
        QCOMPARE(changes.at(2).toObject().value(QLatin1String("device")).toString(), laptop.deviceId);
        QCOMPARE(r.json().value(QLatin1String("next")).toInteger(), 3);
        QCOMPARE(r.json().value(QLatin1String("more")).toBool(), false);
        r = get(QStringLiteral("/v1/changes?after=1&limit=1"), laptop);
        QCOMPARE(r.json().value(QLatin1String("changes")).toArray().size(), 1);
        QCOMPARE(r.json().value(QLatin1String("next")).toInteger(), 2);
        QCOMPARE(r.json().value(QLatin1String("more")).toBool(), true);

        // A long poll is answered by the next batch, from either device.
        QNetworkReply *held = startGet(QStringLiteral("/v1/changes?after=3&wait=10"), founder);
        QTRY_COMPARE(m_relay->server()->waitingPolls(), 1);
        QCOMPARE(post(QStringLiteral("/v1/changes"), changeBody(2, 1, "laptop-2"), laptop).status, 200);
        QByteArray body;
        QCOMPARE(statusOf(held, &body), 200);
        const QJsonArray woken = QJsonDocument::fromJson(body).object().value(QLatin1String("changes")).toArray();
        QCOMPARE(woken.size(), 1);
        QCOMPARE(woken.at(0).toObject().value(QLatin1String("seq")).toInteger(), 4);
        // Nothing new: an empty answer after the wait.
        r = get(QStringLiteral("/v1/changes?after=4&wait=1"), founder);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value(QLatin1String("changes")).toArray().isEmpty());
        QCOMPARE(r.json().value(QLatin1String("next")).toInteger(), 4);
    }

    void badInputAndSizesAreRefused()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const QString path = QStringLiteral("/v1/changes");
        for (const QByteArray &body :
             {QByteArray("not json"), QByteArray("[1]"), QByteArray("{\"seq\":1,\"epoch\":0,\"batch\":\"@@@@\"}"),
              QByteArray("{\"seq\":1,\"epoch\":0,\"batch\":\"YQ\"}"), QByteArray("{\"seq\":1,\"epoch\":0,\"batch\":\"\"}"),
              QByteArray("{\"seq\":0,\"epoch\":0,\"batch\":\"YWJj\"}"),
              QByteArray("{\"seq\":1.5,\"epoch\":0,\"batch\":\"YWJj\"}"), QByteArray("{\"seq\":1,\"batch\":\"YWJj\"}"),
              QByteArray("{\"seq\":\"1\",\"epoch\":0,\"batch\":\"YWJj\"}")}) {
            const Reply r = post(path, body, founder);
            QVERIFY2(r.status == 400, body.constData());
        }
        // A batch of 1 MiB is taken; one byte more is not (413), nor a body over the route's cap.
        const QByteArray big(1024 * 1024, 'z');
        QCOMPARE(post(path, changeBody(1, 0, big), founder).status, 200);
        QCOMPARE(post(path, changeBody(2, 0, big + 'z'), founder).status, 413);
        QCOMPARE(post(path, QByteArray(2 * 1024 * 1024, ' '), founder).status, 413);
        // The 64 KiB cap stays for every other route.
        const QByteArray padded = "{\"commitment\":\"YWJj\",\"pad\":\"" + QByteArray(70 * 1024, 'p') + "\"}";
        QCOMPARE(post(QStringLiteral("/v1/join"), padded, founder).status, 413);
        // A join payload is at most 4 KiB.
        QCOMPARE(post(QStringLiteral("/v1/join-requests/dev_x/keys"),
                      compact({{QStringLiteral("keys"), b64(QByteArray(4097, 'k'))}}), founder)
                     .status,
                 400);
        QCOMPARE(get(QStringLiteral("/v1/changes?after=-1"), founder).status, 400);
        QCOMPARE(get(QStringLiteral("/v1/changes?limit=0"), founder).status, 400);
        QCOMPARE(get(QStringLiteral("/v1/changes?wait=31"), founder).status, 400);
        QCOMPARE(m_relay->send("PUT", m_relay->url(QStringLiteral("/v1/changes")), "x", founder.token.toLatin1()).status, 405);
        QCOMPARE(get(QStringLiteral("/v1/join-requests/a/b/c"), founder).status, 404);
        // No token, or a wrong one.
        QCOMPARE(m_relay->get(m_relay->url(QStringLiteral("/v1/changes"))).status, 401);
        QCOMPARE(m_relay->get(m_relay->url(QStringLiteral("/v1/devices")), "nonsense").status, 401);
    }

    void devicesAreListedAndARemovedOneIsShutOut()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        QVERIFY(approve(founder, laptop));
        const Org waiting = m_relay->enrolAnother(founder, QStringLiteral("Waiting PC"));
        Reply r = get(QStringLiteral("/v1/devices"), founder);
        QCOMPARE(r.status, 200);
        const QJsonArray devices = r.json().value(QLatin1String("devices")).toArray();
        QCOMPARE(devices.size(), 3);
        const QJsonObject me = devices.at(0).toObject();
        QCOMPARE(me.value(QLatin1String("device")).toString(), founder.deviceId);
        QCOMPARE(me.value(QLatin1String("this")).toBool(), true);
        QCOMPARE(me.value(QLatin1String("approved")).toBool(), true);
        QCOMPARE(me.value(QLatin1String("name")).toString(), QStringLiteral("Office PC"));
        QVERIFY(!me.value(QLatin1String("last_seen")).toString().isEmpty());
        QVERIFY(!me.value(QLatin1String("enrolled")).toString().isEmpty());
        QCOMPARE(devices.at(1).toObject().value(QLatin1String("this")).toBool(), false);
        QCOMPARE(devices.at(2).toObject().value(QLatin1String("pending")).toBool(), true);
        QCOMPARE(devices.at(2).toObject().value(QLatin1String("approved")).toBool(), false);
        QCOMPARE(devices.at(2).toObject().value(QLatin1String("revoked")).toBool(), false);
        QCOMPARE(devices.at(2).toObject().value(QLatin1String("device")).toString(), waiting.deviceId);

        // The laptop holds a long poll; removing it ends the poll with 401 and its token with it.
        QNetworkReply *held = startGet(QStringLiteral("/v1/changes?after=0&wait=10"), laptop);
        QNetworkReply *heldEvents = startGet(QStringLiteral("/v1/events?after=1000&wait=10"), laptop);
        QTRY_COMPARE(m_relay->server()->waitingPolls(), 2);
        const QUrl remove = m_relay->url(QStringLiteral("/v1/devices/") + laptop.deviceId);
        QCOMPARE(m_relay->send("DELETE", remove, {}, founder.token.toLatin1()).status, 204);
        QCOMPARE(statusOf(held), 401);
        QCOMPARE(statusOf(heldEvents), 401);
        QCOMPARE(post(QStringLiteral("/v1/changes"), changeBody(1, 0, "late"), laptop).status, 401);
        QCOMPARE(get(QStringLiteral("/v1/keys"), laptop).status, 401);
        QCOMPARE(m_relay->send("DELETE", remove, {}, founder.token.toLatin1()).status, 204); // a retry
        QCOMPARE(
            m_relay->send("DELETE", m_relay->url(QStringLiteral("/v1/devices/dev_nobody")), {}, founder.token.toLatin1()).status,
            404);
        QVERIFY(eventKinds(founder).contains(QStringLiteral("device.removed")));
        r = get(QStringLiteral("/v1/devices"), founder);
        QCOMPARE(r.json().value(QLatin1String("devices")).toArray().at(1).toObject().value(QLatin1String("revoked")).toBool(),
                 true);
        // A pending device cannot remove anyone.
        QCOMPARE(
            m_relay->send("DELETE", m_relay->url(QStringLiteral("/v1/devices/") + founder.deviceId), {}, waiting.token.toLatin1())
                .status,
            403);
    }

    void keyGrantsReachOnlyTheirDevice()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        QVERIFY(approve(founder, laptop));
        const Org old = m_relay->enrolAnother(founder, QStringLiteral("Old PC"));
        QVERIFY(approve(founder, old));
        QCOMPARE(
            m_relay->send("DELETE", m_relay->url(QStringLiteral("/v1/devices/") + old.deviceId), {}, founder.token.toLatin1())
                .status,
            204);
        auto grants = [](qint64 epoch, const QList<std::pair<QString, QByteArray>> &items) {
            QJsonArray list;
            for (const auto &[device, grant] : items)
                list.append(QJsonObject{{QStringLiteral("device"), device}, {QStringLiteral("grant"), b64(grant)}});
            return compact({{QStringLiteral("epoch"), epoch}, {QStringLiteral("grants"), list}});
        };
        const QByteArray rotation = grants(2, {{founder.deviceId, "for-founder-2"}, {laptop.deviceId, "for-laptop-2"}});
        Reply r = post(QStringLiteral("/v1/keys"), rotation, founder);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("stored")).toInt(), 2);
        QCOMPARE(post(QStringLiteral("/v1/keys"), rotation, founder).status, 200); // a retry
        QCOMPARE(post(QStringLiteral("/v1/keys"), grants(2, {{laptop.deviceId, "different"}}), founder).status, 409);
        // A removed device gets nothing.
        r = post(QStringLiteral("/v1/keys"), grants(3, {{old.deviceId, "for-old"}}), founder);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("device_removed"));
        QCOMPARE(get(QStringLiteral("/v1/keys"), old).status, 401);
        QCOMPARE(post(QStringLiteral("/v1/keys"), grants(3, {{laptop.deviceId, "x"}, {laptop.deviceId, "y"}}), founder).status,
                 400);
        QCOMPARE(post(QStringLiteral("/v1/keys"), grants(0, {{laptop.deviceId, "x"}}), founder).status, 400);

        r = get(QStringLiteral("/v1/keys?after=1"), laptop);
        QCOMPARE(r.status, 200);
        const QJsonArray mine = r.json().value(QLatin1String("grants")).toArray();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.at(0).toObject().value(QLatin1String("epoch")).toInteger(), 2);
        QCOMPARE(mine.at(0).toObject().value(QLatin1String("from")).toString(), founder.deviceId);
        QCOMPARE(QByteArray::fromBase64(mine.at(0).toObject().value(QLatin1String("grant")).toString().toLatin1()),
                 QByteArray("for-laptop-2"));
        QVERIFY(get(QStringLiteral("/v1/keys?after=2"), laptop).json().value(QLatin1String("grants")).toArray().isEmpty());
        QVERIFY(eventKinds(laptop).contains(QStringLiteral("keys.rotated")));
    }

    void aCompleteSnapshotReplacesTheChangesItCovers()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        QVERIFY(approve(founder, laptop));
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(post(QStringLiteral("/v1/changes"), changeBody(i, 1, "c" + QByteArray::number(i)), founder).status, 200);
        auto put = [&](int part, int parts, qint64 covers, const QByteArray &bytes) {
            return m_relay->send(
                "PUT",
                m_relay->url(QStringLiteral("/v1/snapshot?part=%1&parts=%2&covers=%3&epoch=1").arg(part).arg(parts).arg(covers)),
                bytes, founder.token.toLatin1(), "application/octet-stream");
        };
        QCOMPARE(put(1, 2, 9, "ahead").json().value(QLatin1String("code")).toString(), QStringLiteral("snapshot_ahead"));
        QCOMPARE(put(3, 2, 3, "x").status, 400);
        QCOMPARE(put(1, 2, 3, {}).status, 400);
        const QByteArray partOne(1024 * 1024, 'A');
        Reply r = put(1, 2, 3, partOne);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("complete")).toBool(), false);
        QCOMPARE(r.json().value(QLatin1String("received")).toInt(), 1);
        QCOMPARE(put(1, 2, 3, partOne + 'A').status, 413);
        // Not visible until complete.
        QVERIFY(get(QStringLiteral("/v1/snapshot"), laptop).json().value(QLatin1String("snapshot")).isNull());
        QCOMPARE(get(QStringLiteral("/v1/snapshot/part/1"), laptop).status, 404);
        r = put(2, 2, 3, "part-two");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("complete")).toBool(), true);
        QCOMPARE(put(2, 2, 3, "part-two").status, 200); // a retry
        QCOMPARE(put(2, 2, 3, "changed").status, 409);

        const QJsonObject meta = get(QStringLiteral("/v1/snapshot"), laptop).json().value(QLatin1String("snapshot")).toObject();
        QCOMPARE(meta.value(QLatin1String("covers")).toInteger(), 3);
        QCOMPARE(meta.value(QLatin1String("parts")).toInt(), 2);
        QCOMPARE(meta.value(QLatin1String("epoch")).toInteger(), 1);
        QCOMPARE(meta.value(QLatin1String("bytes")).toInteger(), partOne.size() + 8);
        QCOMPARE(meta.value(QLatin1String("device")).toString(), founder.deviceId);
        const qint64 id = meta.value(QLatin1String("snapshot")).toInteger();
        r = get(QStringLiteral("/v1/snapshot/part/1?snapshot=%1").arg(id), laptop);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, partOne);
        QCOMPARE(get(QStringLiteral("/v1/snapshot/part/2"), laptop).body, QByteArray("part-two"));
        QCOMPARE(get(QStringLiteral("/v1/snapshot/part/3"), laptop).status, 404);

        // Changes ≤ 3 are gone: a device behind is told to start from the snapshot.
        r = get(QStringLiteral("/v1/changes?after=0"), laptop);
        QCOMPARE(r.status, 410);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("compacted"));
        QCOMPARE(r.json().value(QLatin1String("compacted_through")).toInteger(), 3);
        r = get(QStringLiteral("/v1/changes?after=3"), laptop);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("changes")).toArray().size(), 2);
        QSqlQuery count(m_relay->store().database());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*), MIN(seq) FROM changes")) && count.next());
        QCOMPARE(count.value(0).toInt(), 2);
        QCOMPARE(count.value(1).toInt(), 4);
        // A retried post of a compacted batch is still answered as received.
        r = post(QStringLiteral("/v1/changes"), changeBody(2, 1, "c2"), founder);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("compacted")).toBool(), true);
        // An older snapshot cannot replace it; a newer one does, and the old one's parts go.
        QCOMPARE(put(1, 1, 3, "again").json().value(QLatin1String("code")).toString(), QStringLiteral("snapshot_old"));
        QCOMPARE(put(1, 1, 5, "newer").json().value(QLatin1String("complete")).toBool(), true);
        QCOMPARE(get(QStringLiteral("/v1/snapshot/part/1?snapshot=%1").arg(id), laptop).status, 404);
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM snapshot_parts")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
        QVERIFY(eventKinds(laptop).contains(QStringLiteral("snapshot.ready")));
    }

    // A snapshot deletes only what every approved computer has read: a computer that has read the
    // changes up to 2 keeps 3 and after on the relay until it reads further; one that never read
    // any (it will fill from the snapshot) and a removed one hold nothing back.
    void compactionWaitsForTheSlowestComputer()
    {
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        const Org hall = m_relay->enrolAnother(founder);
        const Org gone = m_relay->enrolAnother(founder);
        QVERIFY(approve(founder, laptop));
        QVERIFY(approve(founder, hall));
        QVERIFY(approve(founder, gone));
        for (int i = 1; i <= 6; ++i)
            QCOMPARE(post(QStringLiteral("/v1/changes"), changeBody(i, 1, "c" + QByteArray::number(i)), founder).status, 200);
        QCOMPARE(get(QStringLiteral("/v1/changes?after=6"), founder).status, 200);
        QCOMPARE(get(QStringLiteral("/v1/changes?after=2"), laptop).status, 200);
        QCOMPARE(get(QStringLiteral("/v1/changes?after=1"), gone).status, 200);
        QCOMPARE(
            m_relay
                ->send("DELETE", m_relay->url(QStringLiteral("/v1/devices/%1").arg(gone.deviceId)), {}, founder.token.toLatin1())
                .status,
            204);
        const Reply r = m_relay->send("PUT", m_relay->url(QStringLiteral("/v1/snapshot?part=1&parts=1&covers=5&epoch=1")),
                                      "snapshot", founder.token.toLatin1(), "application/octet-stream");
        QCOMPARE(r.json().value(QLatin1String("complete")).toBool(), true);
        auto remaining = [this] {
            QSqlQuery count(m_relay->store().database());
            return count.exec(QStringLiteral("SELECT MIN(seq) FROM changes")) && count.next() ? count.value(0).toInt() : -1;
        };
        QCOMPARE(remaining(), 3);
        QCOMPARE(get(QStringLiteral("/v1/changes?after=2"), laptop).json().value(QLatin1String("changes")).toArray().size(), 4);
        // The hall computer never read any: it starts from the snapshot.
        QCOMPARE(get(QStringLiteral("/v1/changes?after=0"), hall).status, 410);
        // The laptop reads on: what the snapshot covers goes, the rest stays.
        QCOMPARE(get(QStringLiteral("/v1/changes?after=6"), laptop).status, 200);
        QCOMPARE(remaining(), 6);
        QCOMPARE(get(QStringLiteral("/v1/changes?after=2"), laptop).status, 410);
        QCOMPARE(get(QStringLiteral("/v1/changes?after=5"), hall).json().value(QLatin1String("changes")).toArray().size(), 1);
    }

    void metricsNameTheNewRoutes()
    {
        const Org founder = m_relay->createOrgWithDevice();
        QCOMPARE(post(QStringLiteral("/v1/changes"), changeBody(1, 0, "x"), founder).status, 200);
        get(QStringLiteral("/v1/changes"), founder);
        get(QStringLiteral("/v1/join"), founder);
        get(QStringLiteral("/v1/join-requests"), founder);
        get(QStringLiteral("/v1/devices"), founder);
        get(QStringLiteral("/v1/keys"), founder);
        get(QStringLiteral("/v1/snapshot"), founder);
        get(QStringLiteral("/v1/device"), founder);
        const QByteArray metrics = m_relay->server()->metricsText();
        for (const char *route : {"changes", "join", "join_requests", "devices", "keys", "snapshot", "device"})
            QVERIFY2(metrics.contains(QByteArray("route=\"" + QByteArray(route) + "\",status=\"200\"")), route);
    }

    // Two relay processes on one PostgreSQL database: a change posted to one wakes a poll held by the other.
    void twoRelaysShareChanges()
    {
        if (m_backend != RelayHarness::Backend::Postgres)
            QSKIP("PostgreSQL only: SQLite has one relay process.");
        const Org founder = m_relay->createOrgWithDevice();
        const Org laptop = m_relay->enrolAnother(founder);
        QVERIFY(approve(founder, laptop));
        auto otherStore = m_relay->openExtraStore(QStringLiteral("second-relay"));
        QVERIFY(otherStore);
        relay::RelayConfig config;
        config.listenAddress = QHostAddress::LocalHost;
        config.listenPort = 0;
        config.keyFile = m_relay->keyFile();
        relay::RelayServer other(otherStore.get(), config);
        const quint16 port = other.start();
        QVERIFY(port != 0);
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/changes?after=0&wait=10").arg(port)));
        request.setRawHeader("Authorization", "Bearer " + laptop.token.toLatin1());
        QNetworkReply *held = m_network.get(request);
        QTRY_COMPARE(other.waitingPolls(), 1);
        QCOMPARE(post(QStringLiteral("/v1/changes"), changeBody(1, 0, "across"), founder).status, 200);
        QByteArray body;
        QCOMPARE(statusOf(held, &body), 200);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QLatin1String("changes")).toArray().size(), 1);
        // Removed through the first: its poll on the second ends 401.
        held = m_network.get(request);
        QNetworkRequest again(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/changes?after=1&wait=10").arg(port)));
        again.setRawHeader("Authorization", "Bearer " + laptop.token.toLatin1());
        statusOf(held);
        held = m_network.get(again);
        QTRY_COMPARE(other.waitingPolls(), 1);
        QCOMPARE(
            m_relay->send("DELETE", m_relay->url(QStringLiteral("/v1/devices/") + laptop.deviceId), {}, founder.token.toLatin1())
                .status,
            204);
        QCOMPARE(statusOf(held), 401);
    }
};

int main(int argc, char *argv[])
{
    return runOnSqliteAndPostgres<TestRelaySync>(argc, argv);
}

#include "TestRelaySync.moc"
