// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "tokens/TokenExpiryScheduler.h"
#include "tokens/TokenLedger.h"

#include <QSignalSpy>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestTokenExpiryScheduler final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expiresAtStartAndAfterEachMidnight();
    void theTimerRuns();
};

void TestTokenExpiryScheduler::expiresAtStartAndAfterEachMidnight()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QDateTime start = profile.clock().nowUtc();
    const QString main = QStringLiteral("Main");
    QVERIFY(ledger.grant(main, 40, {}, QStringLiteral("Mary"), LotTerms{{}, start.addSecs(60)}));
    QVERIFY(ledger.grant(main, 60, {}, QStringLiteral("Mary"), LotTerms{{}, start.addDays(2)}));
    profile.clock().advanceMs(120'000); // the first lot expired while the app was closed

    TokenExpiryScheduler scheduler(ledger, profile.clock());
    QSignalSpy expired(&scheduler, &TokenExpiryScheduler::expired);
    scheduler.start();
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired.at(0).at(0).toLongLong(), 40);
    QVERIFY(scheduler.isActive());
    const QDateTime now = profile.clock().nowUtc().toLocalTime();
    const qint64 toMidnight = now.msecsTo(QDateTime(now.date().addDays(1), QTime(0, 0)));
    QCOMPARE(scheduler.msUntilNextRun(), toMidnight + TokenExpiryScheduler::AfterMidnightMs);

    // Nothing due: a run moves nothing and says nothing.
    QCOMPARE(scheduler.runNow(), 0);
    QCOMPARE(expired.size(), 1);
    // Two days on, after midnight: the second lot.
    profile.clock().set(start.addDays(2).addSecs(5));
    QCOMPARE(scheduler.runNow(), 60);
    QCOMPARE(expired.size(), 2);
    QCOMPARE(ledger.findAccount(main)->balance, 0);
    QVERIFY(scheduler.isActive());
    scheduler.stop();
    QVERIFY(!scheduler.isActive());
}

// The timer itself calls the run: a clock 50 ms before midnight, so it fires AfterMidnightMs + 50 ms later.
void TestTokenExpiryScheduler::theTimerRuns()
{
    TempProfile profile;
    const QDateTime midnight = QDateTime(QDate(2026, 3, 2), QTime(0, 0)); // local
    profile.clock().set(midnight.addMSecs(-50).toUTC());
    TokenLedger &ledger = profile->tokens();
    QVERIFY(ledger.grant(QStringLiteral("Main"), 7, {}, QStringLiteral("Mary"), LotTerms{{}, midnight.toUTC().addMSecs(-10)}));
    TokenExpiryScheduler scheduler(ledger, profile.clock());
    QSignalSpy expired(&scheduler, &TokenExpiryScheduler::expired);
    scheduler.start();
    QCOMPARE(expired.size(), 0);
    QCOMPARE(scheduler.msUntilNextRun(), TokenExpiryScheduler::AfterMidnightMs + 50);
    profile.clock().set(midnight.addSecs(1).toUTC());
    QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 10'000);
    QCOMPARE(expired.at(0).at(0).toLongLong(), 7);
}

QTEST_GUILESS_MAIN(TestTokenExpiryScheduler)
#include "TestTokenExpiryScheduler.moc"
