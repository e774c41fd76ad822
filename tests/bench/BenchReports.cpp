// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "reports/BuiltInReports.h"
#include "reports/DashboardService.h"
#include "reports/DrillDown.h"
#include "reports/ReportRunner.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Issue 15's targets, over 1,000,000 outbox rows (200 campaigns of 5,000 over a year, three networks)
// and 300,000 delivery reports: every dashboard query < 100 ms, a drill-down page < 100 ms. Each
// query is timed on its own (best of three, the first run included in the figures printed) and
// printed; the fixture is written with plain SQL in one transaction, through the outbox triggers
// that keep message_stats, so its time is also the triggers' cost on a million inserts.
class BenchReports final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dashboardQueries_data();
    void dashboardQueries();
    void wholeDashboard();
    void drillDown_data();
    void drillDown();
    void builtInReports_data();
    void builtInReports();

private:
    Period period(const QString &word) const;

    std::unique_ptr<test::TempProfile> m_profile;
    QDate m_today;
};

namespace {

constexpr qint64 HourMs = 3600000;
constexpr qint64 DayMs = 24 * HourMs;
constexpr int Campaigns = 200;
constexpr int PerCampaign = 5000;

bool run(QSqlQuery &q, const QString &sql)
{
    if (q.exec(sql))
        return true;
    qWarning() << sql.left(120) << q.lastError().text();
    return false;
}

template<typename F> qint64 bestOfThree(F &&f, qint64 *first = nullptr)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        const qint64 ms = timer.nsecsElapsed() / 1000000;
        if (i == 0 && first)
            *first = ms;
        best = std::min(best, ms);
    }
    return best;
}

} // namespace

Period BenchReports::period(const QString &word) const
{
    return *Period::parse(word, m_today, QTimeZone("Africa/Nairobi"));
}

void BenchReports::initTestCase()
{
    m_profile = std::make_unique<test::TempProfile>();
    const QDateTime now(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
    m_profile->clock().set(now);
    m_today = now.toTimeZone(QTimeZone("Africa/Nairobi")).date();
    const qint64 start = now.toMSecsSinceEpoch() - 365 * DayMs;
    const qint64 step = 365 * DayMs / Campaigns;
    QElapsedTimer timer;
    timer.start();
    const QSqlDatabase db = (*m_profile)->database().connection();
    Transaction transaction(db);
    QVERIFY(transaction.began(u"fixture"_s));
    QSqlQuery q(db);
    QVERIFY(
        run(q, u"INSERT INTO token_accounts(name, kind, created_at) VALUES ('Youth', 'budget', 0), ('Choir', 'budget', 0)"_s));
    QVERIFY(run(q, u"INSERT INTO groups(name, created_at) VALUES ('Everyone', 0), ('Youth', 0)"_s));
    // 50,000 contacts added over the year.
    QVERIFY(run(q,
                u"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999) "
                "INSERT INTO contacts(first_name, last_name, phone, created_at, updated_at) "
                "SELECT 'Member', printf('%05d', i), printf('+2547%08d', i), %1 + i * 630000, 0 FROM n"_s.arg(start)));
    QVERIFY(run(q, u"INSERT INTO group_members(group_id, contact_id, added_at) SELECT 1, id, 0 FROM contacts"_s));
    QVERIFY(
        run(q, u"INSERT INTO group_members(group_id, contact_id, added_at) SELECT 2, id, 0 FROM contacts WHERE id % 5 = 0"_s));
    QVERIFY(run(q,
                u"WITH RECURSIVE n(c) AS (SELECT 1 UNION ALL SELECT c + 1 FROM n WHERE c < %1) "
                "INSERT INTO campaigns(id, name, body, status, gateway, created_at, launched_at, account_id, recipients) "
                "SELECT c, 'Campaign ' || c, 'Karibu', 'done', 'africastalking', %2 + (c - 1) * %3, %2 + (c - 1) * %3, "
                "CASE c % 3 WHEN 0 THEN 2 WHEN 1 THEN 6 ELSE 7 END, %4 FROM n"_s.arg(Campaigns)
                    .arg(start)
                    .arg(step)
                    .arg(PerCampaign)));
    QVERIFY(run(q, u"INSERT INTO campaign_targets(campaign_id, group_id) SELECT id, 1 + (id % 4 = 0) FROM campaigns"_s));
    // 1,000,000 messages: 70 % delivered, 15 % failed (three reasons), 10 % sent, 5 % uncertain.
    QVERIFY(run(q,
                u"WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < %1 - 1) "
                "INSERT INTO outbox(campaign_id, contact_id, phone, name, text, segments, state, due_at, message_id, reason, "
                "cost, network, attempted_at, updated_at) "
                "SELECT c, NULL, printf('+2547%08d', i + (c % 10) * 5000), 'Member', 'Karibu', 1 + (i % 7 = 0), "
                "CASE WHEN i % 20 < 14 THEN 'delivered' WHEN i % 20 < 17 THEN 'failed' WHEN i % 20 < 19 THEN 'sent' "
                "ELSE 'uncertain' END, t, 'm' || x, "
                "CASE WHEN i % 20 BETWEEN 14 AND 16 THEN "
                "  CASE i % 3 WHEN 0 THEN 'Failed: AbsentSubscriber' WHEN 1 THEN 'Rejected: UserInBlacklist' "
                "  ELSE 'Failed: DeliveryFailure' END ELSE '' END, 'KES 0.8000', "
                "CASE i % 3 WHEN 0 THEN 'Safaricom' WHEN 1 THEN 'Airtel Kenya' ELSE 'Telkom Kenya' END, t, t + 60000 "
                "FROM (SELECT x, x / %2 + 1 AS c, x % %2 AS i, %3 + (x / %2) * %4 + (x % %2) * 100 AS t FROM n)"_s
                    .arg(Campaigns * PerCampaign)
                    .arg(PerCampaign)
                    .arg(start)
                    .arg(step)));
    // 300,000 delivery reports, for 3 messages in 10.
    QVERIFY(run(q,
                u"INSERT INTO delivery_reports(message_id, status, failure_reason, network_code, received_at, outbox_id, phone) "
                "SELECT message_id, CASE state WHEN 'failed' THEN 'Failed' ELSE 'Success' END, '', '63902', "
                "updated_at, id, phone FROM outbox WHERE id % 10 < 3"_s));
    // 20,000 messages in (replies, some opt-outs) and 2,000 opt-outs.
    QVERIFY(run(q,
                u"INSERT INTO inbox(provider_id, phone, text, received_at, handled_as) "
                "SELECT 'in' || id, phone, 'Amen', attempted_at + 3600000, CASE WHEN id % 10 = 0 THEN 'optout' ELSE 'inbox' END "
                "FROM outbox WHERE id % 50 = 1"_s));
    QVERIFY(run(q,
                u"INSERT OR IGNORE INTO opt_outs(phone, reason, source, created_at) "
                "SELECT phone, 'STOP', 'sms', received_at FROM inbox WHERE handled_as = 'optout'"_s));
    // Tokens spent per campaign hour, by its department.
    QVERIFY(run(q,
                u"INSERT INTO token_spend_hours(hour, account_id, tokens) SELECT s.hour, c.account_id, sum(s.segments) "
                "FROM message_stats s JOIN campaigns c ON c.id = s.campaign_id GROUP BY 1, 2"_s));
    QVERIFY(transaction.commit());
    QVERIFY(run(q, u"ANALYZE"_s));
    QVERIFY(run(q,
                u"SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM delivery_reports), "
                "(SELECT count(*) FROM message_stats), (SELECT count(*) FROM inbox)"_s)
            && q.next());
    qInfo("fixture: %lld outbox rows, %lld delivery reports, %lld summary rows, %lld inbox rows in %lld ms",
          q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(), timer.elapsed());
}

void BenchReports::dashboardQueries_data()
{
    QTest::addColumn<QString>("word");
    QTest::newRow("this-month") << u"this-month"_s;
    QTest::newRow("last-3-months") << u"last-3-months"_s;
    QTest::newRow("last-12-months") << u"last-12-months"_s;
}

void BenchReports::dashboardQueries()
{
    QFETCH(QString, word);
    const Period p = period(word);
    const ReportRunner runner((*m_profile)->database());
    const QList<ReportQuery> queries = {
        {u"sent"_s, {u"state"_s}, p, {}},
        {u"replies"_s, {}, p, {}},
        {u"opt_outs"_s, {}, p, {}},
        {u"contacts_added"_s, {}, p, {}},
        {u"sent"_s, {u"network"_s, u"state"_s}, p, {}},
        {u"failed"_s, {u"reason"_s}, p, {}},
        {u"tokens"_s, {u"department"_s}, p, {}},
        {u"delivery_rate"_s, {u"campaign"_s}, p, {}},
        {u"inbound"_s, {u"week"_s}, p, {}},
        {u"tokens"_s, {u"week"_s, u"department"_s}, p, {}},
        {u"contacts_added"_s, {u"month"_s}, p, {}},
        {u"replies"_s, {u"campaign"_s}, p, {}},
        {u"cost_per_delivered"_s, {u"month"_s}, p, {}},
        {u"failed"_s, {u"week"_s}, p, {{u"group"_s, u"2"_s}}},
        {u"active_numbers"_s, {}, p, {}},
        {u"stopped_numbers"_s, {}, p, {}},
    };
    qint64 worst = 0;
    for (const ReportQuery &query : queries) {
        qint64 rows = 0, first = 0;
        const qint64 ms = bestOfThree(
            [&] {
                const auto table = runner.run(query);
                QVERIFY(table);
                rows = table->rows.size();
            },
            &first);
        worst = std::max(worst, first);
        qInfo("%-15s %-20s by %-18s %4lld rows  %4lld ms (first run %lld ms)", qPrintable(word), qPrintable(query.measure),
              qPrintable(query.groupBy.join(u'+')), rows, ms, first);
    }
    qInfo("%s: slowest dashboard query, first run: %lld ms (target < 100 ms)", qPrintable(word), worst);
}

void BenchReports::wholeDashboard()
{
    const DashboardService dashboard((*m_profile)->database());
    for (const QString &word : {u"this-month"_s, u"last-12-months"_s}) {
        const Period p = period(word);
        const qint64 numbers = bestOfThree([&] { QVERIFY(dashboard.numbers(p)); });
        const qint64 document = bestOfThree([&] { QVERIFY(dashboard.document(p, m_profile->clock().nowUtc())); });
        qInfo("%-15s dashboard numbers (with the period before) %lld ms, charts document %lld ms", qPrintable(word), numbers,
              document);
    }
}

void BenchReports::drillDown_data()
{
    QTest::addColumn<QString>("measure");
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("dimension");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("offset");
    QTest::newRow("failed on Airtel, 12 months") << u"failed"_s << u"last-12-months"_s << u"network"_s << u"Airtel Kenya"_s << 0;
    QTest::newRow("failed on Airtel, 12 months, page 100")
        << u"failed"_s << u"last-12-months"_s << u"network"_s << u"Airtel Kenya"_s << 10000;
    QTest::newRow("AbsentSubscriber, 3 months")
        << u"failed"_s << u"last-3-months"_s << u"reason"_s << u"Failed: AbsentSubscriber"_s << 0;
    QTest::newRow("delivered, one campaign") << u"delivered"_s << u"last-12-months"_s << u"campaign"_s << u"150"_s << 0;
    QTest::newRow("sent, one week") << u"sent"_s << u"last-12-months"_s << u"week"_s << u"2026-06-01"_s << 0;
    QTest::newRow("replies, 12 months") << u"replies"_s << u"last-12-months"_s << QString() << QString() << 0;
}

void BenchReports::drillDown()
{
    QFETCH(QString, measure);
    QFETCH(QString, word);
    QFETCH(QString, dimension);
    QFETCH(QString, value);
    QFETCH(int, offset);
    const DrillDown drill((*m_profile)->database());
    QMap<QString, QString> filters;
    if (!dimension.isEmpty())
        filters.insert(dimension, value);
    qint64 total = 0, rows = 0, first = 0;
    const qint64 ms = bestOfThree(
        [&] {
            const auto page = drill.rows({measure, {}, period(word), filters}, 100, offset);
            QVERIFY(page);
            total = page->total;
            rows = page->table.rows.size();
        },
        &first);
    QVERIFY(rows > 0);
    qInfo("drill-down %-45s %lld of %lld rows: %lld ms (first run %lld ms; target < 100 ms)", QTest::currentDataTag(), rows,
          total, ms, first);
}

void BenchReports::builtInReports_data()
{
    QTest::addColumn<QString>("key");
    for (const BuiltInReports::Entry &entry : BuiltInReports::entries())
        QTest::newRow(qPrintable(entry.key)) << entry.key;
}

void BenchReports::builtInReports()
{
    QFETCH(QString, key);
    const BuiltInReports reports((*m_profile)->database());
    const Period month = *Period::parse(u"2026-10-01..2026-10-31"_s, m_today, QTimeZone("Africa/Nairobi"));
    const qint64 ms = bestOfThree([&] { QVERIFY(reports.run(key, month, m_profile->clock().nowUtc(), 150)); });
    qInfo("built-in report %-18s (October) %lld ms", qPrintable(key), ms);
}

QTEST_GUILESS_MAIN(BenchReports)
#include "BenchReports.moc"
