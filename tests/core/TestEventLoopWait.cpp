// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "common/EventLoopWait.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QtTest>

#include <functional>

using namespace kengele;
using namespace std::chrono_literals;

// EventLoopWait: the one way the command line and the blocking helpers wait for something
// asynchronous, with a time limit.
class TestEventLoopWait final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answerLater();
    void answerAtOnce();
    void noAnswerInTime();
    void lateAnswerIsDropped();
    void quitBeforeRun();
    void quitFromASignal();
    void runTimesOut();
};

void TestEventLoopWait::answerLater()
{
    QObject context;
    const std::optional<int> answer
        = EventLoopWait::forAnswer<int>([&](auto done) { QTimer::singleShot(10, &context, [done] { done(42); }); }, 5s);
    QCOMPARE(answer, std::optional<int>(42));
    // Without a time limit, for calls that always answer.
    const QString text = EventLoopWait::forAnswer<QString>(
        [&](auto done) { QTimer::singleShot(10, &context, [done] { done(QStringLiteral("habari")); }); });
    QCOMPARE(text, QStringLiteral("habari"));
}

void TestEventLoopWait::answerAtOnce()
{
    QElapsedTimer elapsed;
    elapsed.start();
    const std::optional<int> answer = EventLoopWait::forAnswer<int>([](auto done) { done(7); }, 5s);
    QCOMPARE(answer, std::optional<int>(7));
    QVERIFY2(elapsed.elapsed() < 1000, "an answer given at once must not wait for the timeout");
}

void TestEventLoopWait::noAnswerInTime()
{
    QElapsedTimer elapsed;
    elapsed.start();
    const std::optional<int> answer = EventLoopWait::forAnswer<int>([](auto) {}, 50ms);
    QVERIFY(!answer);
    QVERIFY(elapsed.elapsed() >= 45);
    QVERIFY(elapsed.elapsed() < 5000);
}

void TestEventLoopWait::lateAnswerIsDropped()
{
    std::function<void(int)> kept;
    const std::optional<int> answer = EventLoopWait::forAnswer<int>([&](auto done) { kept = done; }, 20ms);
    QVERIFY(!answer);
    // The caller has given up and its wait is gone: answering now changes nothing and breaks nothing.
    kept(5);
    const std::optional<int> next = EventLoopWait::forAnswer<int>([](auto done) { done(6); }, 1s);
    QCOMPARE(next, std::optional<int>(6));
}

void TestEventLoopWait::quitBeforeRun()
{
    EventLoopWait wait;
    wait.quit();
    QVERIFY(wait.isQuit());
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(wait.run(EventLoopWait::NoTimeout));
    QVERIFY(elapsed.elapsed() < 1000);
}

void TestEventLoopWait::quitFromASignal()
{
    EventLoopWait wait;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &timer, [&wait] { wait.quit(); });
    timer.start(10);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(wait.run(5s));
    QVERIFY(elapsed.elapsed() < 4000);
}

void TestEventLoopWait::runTimesOut()
{
    EventLoopWait wait;
    QVERIFY(!wait.run(30ms));
    QVERIFY(!wait.isQuit());
}

QTEST_GUILESS_MAIN(TestEventLoopWait)
#include "TestEventLoopWait.moc"
