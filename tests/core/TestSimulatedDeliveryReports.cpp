// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeRelay.h"
#include "TestSupport.h"
#include "gateway/SimulatedDeliveryReports.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using kengele::DeliveryReport;
using kengele::SimulatedDeliveryReports;

namespace {

DeliveryReport report(const QString &messageId)
{
    DeliveryReport r;
    r.messageId = messageId;
    r.status = u"Success"_s;
    r.phoneNumber = u"+254712345678"_s;
    r.networkCode = u"63902"_s;
    return r;
}

QStringList ids(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &arguments : spy)
        out.append(arguments.at(0).value<DeliveryReport>().messageId);
    return out;
}

} // namespace

// The simulator's delivery reports on their own: held until due, then out through the signal or
// to the callback URL.
class TestSimulatedDeliveryReports final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsGoOutWhenDueInOrder();
    void onlyThroughCallbackNeedsAUrl();
    void anUnreachableCallbackIsGivenUpAfterItsWindow();
    void aRedirectingCallbackIsNotFollowed_data();
    void aRedirectingCallbackIsNotFollowed();
};

void TestSimulatedDeliveryReports::reportsGoOutWhenDueInOrder()
{
    SimulatedDeliveryReports reports;
    QSignalSpy spy(&reports, &SimulatedDeliveryReports::deliveryReport);
    reports.add(report(u"late"_s), 150);
    reports.add(report(u"first"_s), 0);
    reports.add(report(u"second"_s), 0);
    QCOMPARE(reports.pending(), 3);
    QCOMPARE(spy.size(), 0); // nothing before schedule() and the event loop
    reports.schedule();
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 2000);
    QCOMPARE(ids(spy), (QStringList{u"first"_s, u"second"_s})); // same due time: in the order added
    QCOMPARE(reports.pending(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 2000);
    QCOMPARE(ids(spy).last(), u"late"_s);
    QVERIFY(spy.at(2).at(0).value<DeliveryReport>().receivedAt.isValid());
    QCOMPARE(reports.pending(), 0);
    QCOMPARE(reports.counters().produced, 3);
    reports.resetCounters();
    QCOMPARE(reports.counters().produced, 0);
}

void TestSimulatedDeliveryReports::onlyThroughCallbackNeedsAUrl()
{
    SimulatedDeliveryReports reports;
    QSignalSpy spy(&reports, &SimulatedDeliveryReports::deliveryReport);
    reports.setCallback(QUrl(), true, 1000); // no URL: the signal is the only way out
    reports.add(report(u"m1"_s), 0);
    reports.schedule();
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 2000);
    QCOMPARE(reports.counters().callbackRetries, 0);
    QCOMPARE(reports.counters().callbacksAbandoned, 0);
}

void TestSimulatedDeliveryReports::anUnreachableCallbackIsGivenUpAfterItsWindow()
{
    SimulatedDeliveryReports reports;
    QSignalSpy spy(&reports, &SimulatedDeliveryReports::deliveryReport);
    // Nobody listens there; the first retry would wait 1 s, beyond a window of 0.
    reports.setCallback(QUrl(u"http://127.0.0.1:%1/hook"_s.arg(kengele::test::closedPort())), true, 0);
    reports.add(report(u"m1"_s), 0);
    reports.schedule();
    QTRY_COMPARE_WITH_TIMEOUT(reports.counters().callbacksAbandoned, 1, 5000);
    QCOMPARE(reports.counters().callbackRetries, 0);
    QCOMPARE(reports.counters().produced, 1);
    QCOMPARE(spy.size(), 0); // only through the callback
}

void TestSimulatedDeliveryReports::aRedirectingCallbackIsNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::addRow("302") << 302;
    QTest::addRow("307") << 307;
}

void TestSimulatedDeliveryReports::aRedirectingCallbackIsNotFollowed()
{
    // The hook's address sends the report elsewhere: it is not posted there, nor tried again (the
    // hook address is wrong; issue 11, finding 4).
    QFETCH(int, status);
    kengele::test::FakeRelay hook;
    kengele::test::FakeRelay elsewhere;
    QVERIFY(hook.start());
    QVERIFY(elsewhere.start());
    hook.redirectNext(status, elsewhere.url(), 100);
    SimulatedDeliveryReports reports;
    reports.setCallback(hook.url().resolved(QUrl(u"/hooks/org_x/secret/at/delivery"_s)), true, 60'000);
    reports.add(report(u"m1"_s), 0);
    reports.schedule();
    QTRY_COMPARE_WITH_TIMEOUT(reports.counters().callbacksAbandoned, 1, 5000);
    QCOMPARE(hook.requestCount(), 1);
    QCOMPARE(elsewhere.requestCount(), 0);
    QCOMPARE(reports.counters().callbackRetries, 0);
}

QTEST_GUILESS_MAIN(TestSimulatedDeliveryReports)
#include "TestSimulatedDeliveryReports.moc"
