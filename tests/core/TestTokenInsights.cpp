// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/Recurrence.h"
#include "storage/Database.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenInsights.h"
#include "tokens/TokenLedger.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

namespace {

const QString Mary = QStringLiteral("Mary Wanjiku");
constexpr qint64 MainId = 2;
constexpr qint64 DayMs = 24LL * 3'600'000;

template<typename T> QByteArray why(const std::expected<T, Error> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

QString day(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMMM"));
}

bool addCampaign(TempProfile &profile, const QString &status, qint64 accountId, int tokens, qint64 scheduledAt,
                 const QString &rule, qint64 until)
{
    QSqlQuery q(profile->database().connection());
    q.prepare(QStringLiteral("INSERT INTO campaigns(name, body, status, gateway, scheduled_at, account_id, tokens, recurrence, "
                             "recur_until, created_at, origin) VALUES ('Weekly', 'Hi', ?, 'africastalking', ?, ?, ?, ?, ?, 0, "
                             "(SELECT device FROM sync_state))"));
    q.addBindValue(status);
    q.addBindValue(scheduledAt);
    q.addBindValue(accountId);
    q.addBindValue(tokens);
    q.addBindValue(sqlText(rule));
    q.addBindValue(until > 0 ? QVariant(until) : QVariant());
    if (!q.exec())
        qWarning() << q.lastError().text();
    return q.numRowsAffected() == 1;
}

} // namespace

class TestTokenInsights final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageByDayAndAccount();
    void outlookAndAlerts();
    void nothingToSay();
};

// Main's campaign spends 100 two days ago and 50 today, Youth's 60 yesterday; 40 spent ten days ago
// are outside a 3-day chart but inside the 30-day rate.
void TestTokenInsights::usageByDayAndAccount()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QSqlDatabase db = profile->database().connection();
    const QDateTime now = profile.clock().nowUtc();
    const auto youth = ledger.createBudgetAccount(QStringLiteral("Youth"));
    QVERIFY(youth);
    QVERIFY(ledger.grant(QStringLiteral("Main"), 1000, {}, Mary));
    QVERIFY(ledger.grant(QStringLiteral("Youth"), 500, {}, Mary));
    profile.clock().set(now.addDays(-10));
    QVERIFY(ledger.reserveInTransaction(db, MainId, 1, 300, Mary));
    QVERIFY(ledger.spendInTransaction(db, 1, 40, Mary));
    profile.clock().set(now.addDays(-2));
    QVERIFY(ledger.spendInTransaction(db, 1, 100, Mary));
    profile.clock().set(now.addDays(-1));
    QVERIFY(ledger.reserveInTransaction(db, youth->id, 2, 200, Mary));
    QVERIFY(ledger.spendInTransaction(db, 2, 60, Mary));
    profile.clock().set(now);
    QVERIFY(ledger.spendInTransaction(db, 1, 50, Mary));

    TokenInsights insights(profile->database(), profile.clock());
    const auto usage = insights.usage(3);
    QVERIFY2(usage, why(usage));
    QCOMPARE(usage->days, 3);
    QCOMPARE(usage->spent, 210);
    QCOMPARE(usage->byDay.size(), 3);
    const QDate today = now.toLocalTime().date();
    QCOMPARE(usage->byDay.at(0).date, today.addDays(-2));
    QCOMPARE(usage->byDay.at(0).tokens, 100);
    QCOMPARE(usage->byDay.at(1).tokens, 60);
    QCOMPARE(usage->byDay.at(1).byAccount.value(youth->id), 60);
    QCOMPARE(usage->byDay.at(2).date, today);
    QCOMPARE(usage->byDay.at(2).tokens, 50);
    QCOMPARE(usage->byDay.at(2).byAccount.value(MainId), 50);
    QCOMPARE(usage->byAccount.size(), 2);
    QCOMPARE(usage->byAccount.at(0).name, QStringLiteral("Main"));
    QCOMPARE(usage->byAccount.at(0).tokens, 150);
    QCOMPARE(usage->byAccount.at(1).tokens, 60);
    QCOMPARE(insights.usage(30)->spent, 250);
    QCOMPARE(insights.usage(30)->byDay.size(), 30);
    QCOMPARE(insights.usage(0).error().code, ErrorCode::InvalidInput);
    QCOMPARE(insights.usage(367).error().code, ErrorCode::InvalidInput);

    // 250 spent over 30 days: Main 190 (balance 700), Youth 60 (balance 300).
    const auto outlook = insights.outlook();
    QVERIFY2(outlook, why(outlook));
    QCOMPARE(outlook->balance, 1000);
    QCOMPARE(outlook->perDay, 250.0 / 30);
    QCOMPARE(outlook->runsOut, today.addDays(120)); // 1000 / 8.33
    QCOMPARE(outlook->accounts.at(0).balance, 700);
    QCOMPARE(outlook->accounts.at(1).perDay, 2.0);
    QCOMPARE(outlook->accounts.at(1).runsOut, today.addDays(150));
    QVERIFY2(outlook->messages.contains(QStringLiteral("At this rate Youth runs out on %1.").arg(day(today.addDays(150)))),
             qPrintable(outlook->messages.join(u'\n')));
}

void TestTokenInsights::outlookAndAlerts()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QSqlDatabase db = profile->database().connection();
    const QDateTime now = profile.clock().nowUtc();
    const QDate today = now.toLocalTime().date();
    const auto youth = ledger.createBudgetAccount(QStringLiteral("Youth"));
    const auto choir = ledger.createBudgetAccount(QStringLiteral("Choir"));
    QVERIFY(youth && choir);
    QVERIFY(ledger.purchase(QStringLiteral("Main"), 1200, QStringLiteral("vch_1"), Mary,
                            LotTerms{QStringLiteral("starter"), now.addDays(3)}));
    QVERIFY(ledger.purchase(QStringLiteral("Main"), 100, QStringLiteral("vch_0"), Mary,
                            LotTerms{QStringLiteral("demo"), now.addDays(20)}));
    QVERIFY(ledger.grant(QStringLiteral("Youth"), 300, {}, Mary));
    QVERIFY(ledger.setAlertThreshold(QStringLiteral("Youth"), 500));
    // The choir spent its 30 tokens and has 0: it runs out today.
    QVERIFY(ledger.grant(QStringLiteral("Choir"), 30, {}, Mary));
    QVERIFY(ledger.reserveInTransaction(db, choir->id, 7, 30, Mary));
    QVERIFY(ledger.spendInTransaction(db, 7, 30, Mary));
    // A daily campaign for Youth (20 a day over the next 30 days: 600 > 300) and a one-off that holds 40.
    QVERIFY(addCampaign(profile, QStringLiteral("recurring"), youth->id, 20, now.addDays(1).toMSecsSinceEpoch(),
                        Recurrence::daily().rule(), now.addDays(90).toMSecsSinceEpoch()));
    QVERIFY(addCampaign(profile, QStringLiteral("scheduled"), MainId, 40, now.addDays(2).toMSecsSinceEpoch(), {}, 0));

    TokenInsights insights(profile->database(), profile.clock());
    const auto outlook = insights.outlook();
    QVERIFY2(outlook, why(outlook));
    QCOMPARE(outlook->plan, QStringLiteral("starter"));
    QCOMPARE(outlook->balance, 1600);
    QCOMPARE(outlook->expiring.size(), 1); // the demo lot expires after 14 days
    QCOMPARE(outlook->expiring.at(0).account, QStringLiteral("Main"));
    QCOMPARE(outlook->expiring.at(0).tokens, 1200);
    QCOMPARE(outlook->expiring.at(0).on, now.addDays(3).toLocalTime().date());
    QCOMPARE(outlook->neededByScheduled, 600);
    QCOMPARE(outlook->heldByScheduled, 40);
    QCOMPARE(outlook->accounts.at(1).neededByScheduled, 600);
    // "1,200 tokens expire on 4 March." with the English plurals loaded ("token(s)" without them).
    const QString expiring = QCoreApplication::translate("TokenInsights", "%Ln token(s) expire on %1.", nullptr, 1200)
                                 .arg(day(now.addDays(3).toLocalTime().date()));
    QVERIFY2(outlook->messages.contains(expiring), qPrintable(outlook->messages.join(u'\n')));
    QVERIFY(outlook->messages.contains(
        QStringLiteral("Your repeating campaigns need 600 tokens over the next 30 days; you have 1,600.")));

    const auto alerts = insights.alerts();
    QVERIFY2(alerts, why(alerts));
    QStringList seen;
    for (const TokenAlert &alert : *alerts)
        seen << TokenInsights::kindKey(alert.kind) + u' ' + alert.account + u' ' + alert.message;
    QCOMPARE(seen,
             (QStringList{
                 QStringLiteral("expiring Main ")
                     + QCoreApplication::translate("TokenInsights", "%Ln token(s) in %1 expire on %2.", nullptr, 1200)
                           .arg(QStringLiteral("Main account"), day(today.addDays(3))),
                 QStringLiteral("below_threshold Youth Youth has 300 tokens left, below its warning level of 500."),
                 QStringLiteral("scheduled_need Youth Repeating campaigns need 600 tokens from Youth over the next 30 "
                                "days; it has 300."),
                 QStringLiteral("runs_out Choir At this rate Choir runs out on %1.").arg(day(today)),
             }));
    QVERIFY(LedgerVerifier(profile->database()).verify()->isEmpty());
}

void TestTokenInsights::nothingToSay()
{
    TempProfile profile;
    TokenInsights insights(profile->database(), profile.clock());
    const auto outlook = insights.outlook();
    QVERIFY2(outlook, why(outlook));
    QCOMPARE(outlook->balance, 0);
    QVERIFY(!outlook->runsOut.isValid());
    QCOMPARE(outlook->plan, QString());
    QVERIFY(outlook->messages.isEmpty());
    QVERIFY(insights.alerts()->isEmpty());
    QCOMPARE(insights.usage(7)->spent, 0);
    QCOMPARE(insights.usage(7)->byDay.size(), 7);
}

QTEST_GUILESS_MAIN(TestTokenInsights)
#include "TestTokenInsights.moc"
