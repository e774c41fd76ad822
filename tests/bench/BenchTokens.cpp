// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/LedgerReplay.h"
#include "tokens/TokenInsights.h"
#include "tokens/TokenLedger.h"
#include "tokens/TokensPage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QTreeWidget>
#include <QtTest>

using namespace kengele;

// Issue 13's target: insights and usage over 1,000,000 ledger entries < 100 ms each.
//
// The fixture is written straight into the tables in one transaction (as TokenLedger would have
// written it, summaries included): Main and five departments, each with a lot that never expires
// and four 30-day lots; 2,000 campaigns over the last 120 days, each reserving 300 tokens, spending
// them one message at a time (248 spends) and giving 52 back: 500,000 transfers, 1,000,000 entries.
class BenchTokens final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void outlook();
    void usage_data();
    void usage();
    void alerts();
    void lots();
    // The Tokens page over that ledger: built and filled (balances, expiry, plan, alerts, usage chart,
    // purchases, history), as when it is opened. Target < 100 ms.
    void tokensPage();
    // What another computer's ledger change costs here: the lots and summaries recounted from all
    // 1,000,000 entries (ReplicaApplier runs it for each applied batch with ledger changes).
    void replayAfterARemoteChange();

private:
    std::unique_ptr<test::TempProfile> m_profile;
};

namespace {

constexpr int Departments = 6; // Main and five
constexpr int Campaigns = 2000;
constexpr int SpendsPerCampaign = 248;
constexpr qint64 Reserve = 300;
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 24 * HourMs;

bool exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qWarning() << q.lastError().text();
    return false;
}

} // namespace

void BenchTokens::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    m_profile = std::make_unique<test::TempProfile>();
    TokenLedger &ledger = (*m_profile)->tokens();
    QList<qint64> accounts{2}; // Main
    for (int i = 1; i < Departments; ++i)
        accounts << ledger.createBudgetAccount(QStringLiteral("Department %1").arg(i))->id;
    const qint64 now = m_profile->clock().nowMs();
    const qint64 start = now - 120 * DayMs;

    const QSqlDatabase db = (*m_profile)->database().connection();
    Transaction transaction(db);
    QVERIFY(transaction.began(QStringLiteral("fixture")));
    QSqlQuery transfer(db);
    transfer.prepare(QStringLiteral("INSERT INTO token_transfers(kind, campaign_id, reason, created_at) VALUES (?, ?, '', ?)"));
    QSqlQuery entry(db);
    entry.prepare(QStringLiteral("INSERT INTO token_entries(transfer_id, account_id, amount) VALUES (?, ?, ?)"));
    QSqlQuery lot(db);
    lot.prepare(
        QStringLiteral("INSERT INTO token_lots(transfer_id, plan, tokens, credited_at, expires_at) VALUES (?, ?, ?, ?, ?)"));
    QSqlQuery split(db);
    split.prepare(QStringLiteral("INSERT INTO token_entry_lots(entry_id, lot_id, amount) VALUES (?, ?, ?)"));
    qint64 transferId = 0;
    qint64 entryId = 0;
    // Two entries: returns the id of the first (from) entry.
    const auto write = [&](const QString &kind, qint64 campaign, qint64 at, qint64 from, qint64 to, qint64 tokens) {
        transfer.bindValue(0, kind);
        transfer.bindValue(1, campaign > 0 ? QVariant(campaign) : QVariant());
        transfer.bindValue(2, at);
        if (!exec(transfer))
            return false;
        transferId = transfer.lastInsertId().toLongLong();
        for (const auto &[account, amount] : {std::pair{from, -tokens}, std::pair{to, tokens}}) {
            entry.bindValue(0, transferId);
            entry.bindValue(1, account);
            entry.bindValue(2, amount);
            if (!exec(entry))
                return false;
            entryId = entry.lastInsertId().toLongLong();
        }
        return true;
    };
    const auto splitLast = [&](qint64 entry, qint64 lotId, qint64 amount) {
        split.bindValue(0, entry);
        split.bindValue(1, lotId);
        split.bindValue(2, amount);
        return exec(split);
    };
    QHash<std::pair<qint64, qint64>, qint64> holdings; // (account, lot)
    QHash<std::pair<qint64, qint64>, qint64> spendHours; // (hour, account)
    QHash<qint64, qint64> neverLot; // account -> its lot that never expires
    constexpr qint64 WorldId = 1, ReservedId = 3, SpentId = 4;
    for (const qint64 account : std::as_const(accounts)) {
        for (int month = 0; month <= 4; ++month) {
            const qint64 at = start + month * 30 * DayMs;
            const qint64 tokens = month == 0 ? 10'000'000 : 1000;
            QVERIFY(write(QStringLiteral("grant"), 0, at, WorldId, account, tokens));
            lot.bindValue(0, transferId);
            lot.bindValue(1, month == 0 ? QStringLiteral("") : QStringLiteral("starter"));
            lot.bindValue(2, tokens);
            lot.bindValue(3, at);
            lot.bindValue(4, month == 0 ? QVariant() : QVariant(at + 30 * DayMs));
            QVERIFY(exec(lot));
            const qint64 lotId = lot.lastInsertId().toLongLong();
            if (month == 0)
                neverLot.insert(account, lotId);
            QVERIFY(splitLast(entryId, lotId, tokens));
            holdings[{account, lotId}] += tokens;
        }
    }
    for (int c = 1; c <= Campaigns; ++c) {
        const qint64 account = accounts.at(c % Departments);
        const qint64 lotId = neverLot.value(account);
        qint64 at = start + qint64(c) * (120 * DayMs - DayMs) / Campaigns;
        QVERIFY(write(QStringLiteral("reserve"), c, at, account, ReservedId, Reserve));
        QVERIFY(splitLast(entryId - 1, lotId, -Reserve));
        for (int s = 0; s < SpendsPerCampaign; ++s) {
            at += 1000;
            QVERIFY(write(QStringLiteral("spend"), c, at, ReservedId, SpentId, 1));
            spendHours[{at / HourMs, account}] += 1;
        }
        QVERIFY(write(QStringLiteral("release"), c, at, ReservedId, account, Reserve - SpendsPerCampaign));
        QVERIFY(splitLast(entryId, lotId, Reserve - SpendsPerCampaign));
        holdings[{account, lotId}] -= SpendsPerCampaign;
    }
    QSqlQuery summary(db);
    summary.prepare(QStringLiteral("INSERT INTO token_lot_holdings(account_id, lot_id, tokens) VALUES (?, ?, ?)"));
    for (auto it = holdings.cbegin(); it != holdings.cend(); ++it) {
        summary.bindValue(0, it.key().first);
        summary.bindValue(1, it.key().second);
        summary.bindValue(2, it.value());
        QVERIFY(exec(summary));
    }
    summary.prepare(QStringLiteral("INSERT INTO token_spend_hours(hour, account_id, tokens) VALUES (?, ?, ?)"));
    for (auto it = spendHours.cbegin(); it != spendHours.cend(); ++it) {
        summary.bindValue(0, it.key().first);
        summary.bindValue(1, it.key().second);
        summary.bindValue(2, it.value());
        QVERIFY(exec(summary));
    }
    QVERIFY(transaction.commit());
    QSqlQuery count(db);
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM token_entries")) && count.next());
    qInfo("fixture: %lld ledger entries in %lld ms", count.value(0).toLongLong(), timer.elapsed());
    QVERIFY(count.value(0).toLongLong() >= 1'000'000);
    QVERIFY(QSqlQuery(db).exec(QStringLiteral("ANALYZE")));
}

void BenchTokens::outlook()
{
    const TokenInsights insights((*m_profile)->database(), m_profile->clock());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(insights.outlook());
    QVERIFY2(timer.elapsed() < 100, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    QBENCHMARK
    {
        const Result<TokenOutlook> outlook = insights.outlook();
        QVERIFY(outlook && outlook->balance > 0);
    }
}

void BenchTokens::usage_data()
{
    QTest::addColumn<int>("days");
    QTest::addRow("30 days") << 30;
    QTest::addRow("90 days") << 90;
    QTest::addRow("366 days") << 366;
}

void BenchTokens::usage()
{
    QFETCH(int, days);
    const TokenInsights insights((*m_profile)->database(), m_profile->clock());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(insights.usage(days));
    QVERIFY2(timer.elapsed() < 100, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    QBENCHMARK
    {
        const Result<TokenUsageReport> usage = insights.usage(days);
        QVERIFY(usage && usage->spent > 0);
    }
}

void BenchTokens::alerts()
{
    const TokenInsights insights((*m_profile)->database(), m_profile->clock());
    QBENCHMARK
    {
        QVERIFY(insights.alerts());
    }
}

void BenchTokens::lots()
{
    const TokenLedger &ledger = (*m_profile)->tokens();
    QBENCHMARK
    {
        const Result<QList<TokenLot>> lots = ledger.lots();
        QVERIFY(lots && !lots->isEmpty());
    }
}

void BenchTokens::tokensPage()
{
    Profile &profile = **m_profile;
    QBENCHMARK
    {
        TokensPage page(profile.tokens(), profile.insights(), profile.clock());
        QVERIFY(page.budgetsView()->topLevelItemCount() == Departments);
    }
}

void BenchTokens::replayAfterARemoteChange()
{
    const QSqlDatabase db = (*m_profile)->database().connection();
    for (int round = 0; round < 3; ++round) {
        Transaction transaction(db);
        QVERIFY(transaction.began(QStringLiteral("replay")));
        QElapsedTimer timer;
        timer.start();
        const Status rebuilt = LedgerReplay::rebuild(db);
        QVERIFY2(rebuilt, rebuilt ? "" : qPrintable(rebuilt.error().message));
        qInfo("ledger recount over 1,000,000 entries: %lld ms", timer.elapsed());
        // Rolled back: the fixture stays as it was for the next round.
    }
    // The usual case: another computer's spend arrives after everything here in clock order, and
    // only it is counted (LedgerReplay::append), its campaign's state read back by its reference.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("UPDATE token_transfers SET campaign_ref = 'replica/' || campaign_id "
                                  "WHERE campaign_id IS NOT NULL")));
    for (int round = 0; round < 3; ++round) {
        Transaction transaction(db);
        QVERIFY(transaction.began(QStringLiteral("append")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO token_transfers(kind, campaign_ref, reason, created_at, hlc, device, uid) "
                                      "VALUES ('spend', 'replica/1999', '', 0, 1, 'other', 'u-%1')")
                           .arg(round)));
        const qint64 id = q.lastInsertId().toLongLong();
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO token_entries(transfer_id, account_id, amount) VALUES (%1, 3, -1), (%1, 4, 1)").arg(id)));
        QElapsedTimer timer;
        timer.start();
        const Result<LedgerReplay::Recount> counted = LedgerReplay::append(db, id);
        QVERIFY(counted && *counted == LedgerReplay::Recount::Appended);
        qInfo("ledger count-on of one new transfer over 1,000,000 entries: %lld ms", timer.elapsed());
    }
}

QTEST_MAIN(BenchTokens)
#include "BenchTokens.moc"
