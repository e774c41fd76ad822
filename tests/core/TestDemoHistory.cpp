// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "demo/DemoCongregation.h"
#include "demo/DemoHistory.h"
#include "security/AuditLog.h"
#include "storage/Database.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

namespace {

// The first column of every row of `sql`, as text.
QStringList column(Profile &profile, const char *sql)
{
    QSqlQuery q(profile.database().connection());
    if (!q.exec(QString::fromLatin1(sql)))
        qWarning("query failed: %s", sql);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

qint64 number(Profile &profile, const char *sql)
{
    const QStringList values = column(profile, sql);
    return values.isEmpty() ? -1 : values.first().toLongLong();
}

qint64 number(Profile &profile, const QByteArray &sql)
{
    return number(profile, sql.constData());
}

// count(*) per value of the first column: "value=count".
QHash<QString, qint64> counts(Profile &profile, const char *sql)
{
    QSqlQuery q(profile.database().connection());
    if (!q.exec(QString::fromLatin1(sql)))
        qWarning("query failed: %s", sql);
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

// A digest of everything the history wrote, to compare two populates.
QByteArray digest(Profile &profile)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *sql :
         {"SELECT name || '|' || status || '|' || recipients || '|' || tokens || '|' || launched_at FROM campaigns ORDER BY id",
          "SELECT campaign_id || '|' || phone || '|' || text || '|' || state || '|' || reason || '|' || network || '|' || "
          "cost || '|' || updated_at FROM outbox ORDER BY id",
          "SELECT message_id || '|' || status || '|' || received_at FROM delivery_reports ORDER BY id",
          "SELECT phone || '|' || text || '|' || received_at || '|' || handled_as FROM inbox ORDER BY id",
          "SELECT kind || '|' || coalesce(campaign_id, 0) || '|' || created_at FROM token_transfers ORDER BY id"}) {
        for (const QString &row : column(profile, sql))
            hash.addData(row.toUtf8());
    }
    return hash.result();
}

} // namespace

class TestDemoHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aYearOfCampaigns();
    void deliveryLooksReal();
    void repliesAndOptOuts();
    void ledgerAndTrailHold();
    void contactsGrowOverTheYear();
    void isDeterministic();
    void smallCongregation();
    void removingTheDemoTakesItsYearAway();

private:
    void populate(TempProfile &profile, int people = 320, quint32 seed = 2026);
};

void TestDemoHistory::populate(TempProfile &profile, int people, quint32 seed)
{
    QElapsedTimer timer;
    timer.start();
    const Status populated = DemoCongregation::populate(*profile, people, seed);
    QVERIFY2(populated, populated ? "" : qPrintable(populated.error().message));
    qInfo("DemoCongregation::populate(%d people) took %lld ms: %lld campaigns, %lld messages, %lld delivery reports", people,
          timer.elapsed(), number(*profile, "SELECT count(*) FROM campaigns"), number(*profile, "SELECT count(*) FROM outbox"),
          number(*profile, "SELECT count(*) FROM delivery_reports"));
}

void TestDemoHistory::aYearOfCampaigns()
{
    TempProfile profile;
    populate(profile);
    const qint64 now = profile.clock().nowUtc().toMSecsSinceEpoch();
    const qint64 campaigns = number(*profile, "SELECT count(*) FROM campaigns");
    QVERIFY2(campaigns >= 40 && campaigns <= 65, qPrintable(QString::number(campaigns)));
    // All within the year before now, every month has some.
    QCOMPARE(number(*profile,
                    QStringLiteral("SELECT count(*) FROM campaigns WHERE launched_at < %1 OR launched_at >= %2")
                        .arg(now - 366LL * 86'400'000)
                        .arg(now)
                        .toLatin1()
                        .constData()),
             0);
    QVERIFY(number(*profile, "SELECT count(DISTINCT strftime('%Y-%m', launched_at / 1000, 'unixepoch')) FROM campaigns") >= 12);
    // Every message belongs to a campaign, every campaign has messages, and its totals are its messages'.
    QCOMPARE(number(*profile, "SELECT count(*) FROM outbox o LEFT JOIN campaigns c ON c.id = o.campaign_id WHERE c.id IS NULL"),
             0);
    QCOMPARE(
        number(*profile, "SELECT count(*) FROM campaigns c WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.campaign_id = c.id)"),
        0);
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM campaigns c WHERE recipients <> (SELECT count(*) FROM outbox o WHERE "
                    "o.campaign_id = c.id) OR tokens <> (SELECT sum(segments) FROM outbox o WHERE o.campaign_id = c.id) "
                    "OR segments <> tokens"),
             0);
    QVERIFY(number(*profile, "SELECT count(*) FROM outbox") > 5000);
    // Group campaigns name their group; those to everyone are "all contacts".
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM campaigns c WHERE all_contacts = 0 AND NOT EXISTS "
                    "(SELECT 1 FROM campaign_targets t WHERE t.campaign_id = c.id)"),
             0);
    QVERIFY(number(*profile, "SELECT count(*) FROM campaigns WHERE all_contacts = 0") >= 10);
    // Three budget accounts paid for them; Kiswahili texts and multi-part messages among them.
    QCOMPARE(number(*profile, "SELECT count(DISTINCT account_id) FROM campaigns"), 3);
    QVERIFY(number(*profile, "SELECT count(*) FROM campaigns WHERE body LIKE '%Mpendwa%'") >= 3);
    QVERIFY(number(*profile, "SELECT count(*) FROM outbox WHERE segments > 1") > 0);
    const QHash<QString, qint64> status = counts(*profile, "SELECT status, count(*) FROM campaigns GROUP BY status");
    QCOMPARE(status.value(QStringLiteral("cancelled")), 1);
    QCOMPARE(status.value(QStringLiteral("done")), campaigns - 1);
}

void TestDemoHistory::deliveryLooksReal()
{
    TempProfile profile;
    populate(profile);
    const QHash<QString, qint64> states = counts(*profile, "SELECT state, count(*) FROM outbox GROUP BY state");
    const qint64 total = number(*profile, "SELECT count(*) FROM outbox");
    const double delivered = double(states.value(QStringLiteral("delivered"))) / double(total);
    qInfo() << "states" << states;
    QVERIFY2(delivered >= 0.88 && delivered <= 0.97, qPrintable(QString::number(delivered)));
    for (const char *state : {"failed", "uncertain", "cancelled", "sent"})
        QVERIFY2(states.value(QString::fromLatin1(state)) > 0, state);
    QCOMPARE(states.value(QStringLiteral("queued")) + states.value(QStringLiteral("submitting")), 0);
    // Failure reasons as Africa's Talking gives them, at sending and in delivery reports.
    const QHash<QString, qint64> reasons
        = counts(*profile, "SELECT reason, count(*) FROM outbox WHERE state = 'failed' GROUP BY reason");
    qInfo() << "reasons" << reasons;
    for (const char *reason : {"AbsentSubscriber", "Failed: DeliveryFailure", "Failed: UserDoesNotExist",
                               "Failed: InsufficientCredit", "Expired", "UserInBlacklist"})
        QVERIFY2(reasons.value(QString::fromLatin1(reason)) > 0, reason);
    // Three networks, as the delivery reports name them; Safaricom most.
    const QHash<QString, qint64> networks
        = counts(*profile,
                 "SELECT network, count(*) FROM outbox WHERE state IN ('delivered', 'failed') AND message_id IS NOT NULL "
                 "GROUP BY network");
    qInfo() << "networks" << networks;
    QVERIFY(networks.value(QStringLiteral("Safaricom")) > networks.value(QStringLiteral("Airtel Kenya")));
    QVERIFY(networks.value(QStringLiteral("Airtel Kenya")) > 0);
    QVERIFY(networks.value(QStringLiteral("Orange Kenya")) > 0); // Telkom (63907)
    QVERIFY(!networks.contains(QString()));
    // Every report belongs to a message and came after it was sent; most within minutes, a few hours later.
    QCOMPARE(number(*profile, "SELECT count(*) FROM delivery_reports WHERE outbox_id IS NULL"), 0);
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM delivery_reports d JOIN outbox o ON o.id = d.outbox_id "
                    "WHERE d.received_at < o.attempted_at OR d.phone <> o.phone"),
             0);
    const qint64 reports = number(*profile, "SELECT count(*) FROM delivery_reports");
    const qint64 late = number(*profile,
                               "SELECT count(*) FROM delivery_reports d JOIN outbox o ON o.id = d.outbox_id "
                               "WHERE d.received_at > o.attempted_at + 3600000");
    QVERIFY2(late > 0 && late < reports / 10, qPrintable(QString::number(late)));
    QVERIFY(number(*profile, "SELECT count(*) FROM delivery_reports WHERE status = 'Buffered'") > 0);
    // Nothing came after now: a report not yet due leaves its message sent.
    const QByteArray nowMs = QByteArray::number(profile.clock().nowUtc().toMSecsSinceEpoch());
    QCOMPARE(number(*profile, "SELECT count(*) FROM delivery_reports WHERE received_at >= " + nowMs), 0);
    QCOMPARE(number(*profile, "SELECT count(*) FROM outbox WHERE updated_at >= " + nowMs), 0);
    QCOMPARE(number(*profile, "SELECT count(*) FROM inbox WHERE received_at >= " + nowMs + " OR read_at >= " + nowMs), 0);
    // Sent messages carry the provider's id and cost; refused and cancelled ones neither.
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM outbox WHERE state IN ('delivered', 'sent') AND "
                    "(message_id IS NULL OR cost NOT LIKE 'KES %' OR attempted_at IS NULL)"),
             0);
    QCOMPARE(
        number(*profile, "SELECT count(*) FROM outbox WHERE state = 'cancelled' AND (message_id IS NOT NULL OR attempts <> 0)"),
        0);
    QCOMPARE(column(*profile, "SELECT cost FROM outbox WHERE segments = 1 AND cost <> '' LIMIT 1"),
             QStringList{QStringLiteral("KES 0.8000")});
}

void TestDemoHistory::repliesAndOptOuts()
{
    TempProfile profile;
    populate(profile);
    const QHash<QString, qint64> handled = counts(*profile, "SELECT handled_as, count(*) FROM inbox GROUP BY handled_as");
    qInfo() << "inbox" << handled;
    QVERIFY(handled.value(QStringLiteral("inbox")) >= 30);
    // Every STOP by SMS is an opt-out from "sms" at the time it came, unless the person asked to come back.
    const qint64 stops = handled.value(QStringLiteral("optout"));
    QVERIFY(stops >= 3);
    const qint64 optIns = number(*profile, "SELECT count(*) FROM opt_ins");
    QCOMPARE(optIns, 1);
    QCOMPARE(number(*profile, "SELECT count(*) FROM opt_outs WHERE source = 'sms'"), stops - optIns);
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM opt_outs o WHERE NOT EXISTS (SELECT 1 FROM inbox i WHERE i.phone = o.phone "
                    "AND i.handled_as = 'optout' AND i.received_at = o.created_at AND i.text = o.reason)"),
             0);
    QCOMPARE(number(*profile, "SELECT count(*) FROM opt_ins i JOIN opt_outs o ON o.phone = i.phone"), 0);
    // Nobody got a message after opting out (before opting in again).
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM opt_outs o JOIN outbox m ON m.phone = o.phone "
                    "WHERE m.attempted_at > o.created_at"),
             0);
    // Replies come from members, after a message reached them; the last week's are unread.
    QCOMPARE(number(*profile, "SELECT count(*) FROM inbox WHERE contact_id IS NULL"), 0);
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM inbox i WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.phone = i.phone AND "
                    "o.state = 'delivered' AND o.attempted_at < i.received_at)"),
             0);
    QVERIFY(number(*profile, "SELECT count(*) FROM inbox WHERE read_at IS NULL") < handled.value(QStringLiteral("inbox")));
    // The contacts page agrees.
    const auto contacts = profile->contacts().fetch({}, 0, 10000);
    QVERIFY(contacts);
    qint64 optedOut = 0;
    for (const Contact &c : *contacts)
        optedOut += c.optedOut;
    QCOMPARE(optedOut, stops - optIns);
}

void TestDemoHistory::ledgerAndTrailHold()
{
    TempProfile profile;
    const Result<AuditCheck> empty = profile->audit().verify();
    QVERIFY(empty);
    const qint64 trailBefore = empty->entries;
    populate(profile);
    LedgerVerifier verifier(profile->database());
    const Result<QList<LedgerProblem>> problems = verifier.verify();
    QVERIFY(problems);
    for (const LedgerProblem &p : *problems)
        qWarning() << p.message;
    QVERIFY(problems->isEmpty());
    // Three budgets, bought over the year; each campaign reserved its tokens and spent or gave them back.
    const Result<QList<TokenAccount>> budgets = profile->tokens().budgetAccounts();
    QVERIFY(budgets);
    QCOMPARE(budgets->size(), 3);
    QStringList names;
    for (const TokenAccount &a : *budgets) {
        names << a.name;
        // What the made-up purchases left expired at the end: a new profile holds no tokens, as before.
        QCOMPARE(a.balance, 0);
    }
    QVERIFY(names.contains(DemoHistory::youthAccount()) && names.contains(DemoHistory::womenAccount()));
    const QHash<QString, qint64> kinds = counts(*profile, "SELECT kind, count(*) FROM token_transfers GROUP BY kind");
    qInfo() << "transfers" << kinds;
    QVERIFY(kinds.value(QStringLiteral("purchase")) >= 3);
    QVERIFY(kinds.value(QStringLiteral("expiry")) >= 1 && kinds.value(QStringLiteral("expiry")) <= 3);
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM token_transfers WHERE kind = 'expiry' AND created_at <> "
                        + QByteArray::number(profile.clock().nowUtc().toMSecsSinceEpoch())),
             0);
    qInfo() << "tokens bought" << number(*profile, "SELECT sum(tokens) FROM token_lots") << "expired at the end"
            << number(*profile,
                      "SELECT sum(e.amount) FROM token_entries e JOIN token_accounts a ON a.id = e.account_id "
                      "WHERE a.kind = 'expired'");
    const qint64 campaigns = number(*profile, "SELECT count(*) FROM campaigns");
    QCOMPARE(kinds.value(QStringLiteral("reserve")), campaigns);
    QCOMPARE(kinds.value(QStringLiteral("spend")), campaigns);
    // Spent is what the gateway took; released what it refused or was cancelled; held the uncertain ones.
    QCOMPARE(number(*profile,
                    "SELECT sum(e.amount) FROM token_entries e JOIN token_accounts a ON a.id = e.account_id "
                    "WHERE a.kind = 'spent'"),
             number(*profile, "SELECT sum(segments) FROM outbox WHERE message_id IS NOT NULL"));
    QCOMPARE(number(*profile,
                    "SELECT sum(e.amount) FROM token_entries e JOIN token_accounts a ON a.id = e.account_id "
                    "WHERE a.kind = 'reserved'"),
             number(*profile, "SELECT sum(segments) FROM outbox WHERE state = 'uncertain'"));
    // The ledger's times are the campaigns' times, not the moment the demo was made.
    QCOMPARE(number(*profile,
                    "SELECT count(*) FROM token_transfers t JOIN campaigns c ON c.id = t.campaign_id "
                    "WHERE t.created_at < c.launched_at OR t.created_at > c.finished_at"),
             0);
    // Nothing went to the audit trail, and it still holds.
    const Result<AuditCheck> trail = profile->audit().verify();
    QVERIFY(trail && trail->ok);
    QCOMPARE(trail->entries, trailBefore);
}

void TestDemoHistory::contactsGrowOverTheYear()
{
    TempProfile profile;
    populate(profile);
    const qint64 now = profile.clock().nowUtc().toMSecsSinceEpoch();
    const qint64 yearAgo = now - 365LL * 86'400'000;
    const QString before = QStringLiteral("SELECT count(*) FROM contacts WHERE created_at < %1").arg(yearAgo);
    const qint64 old = number(*profile, before.toLatin1().constData());
    QVERIFY2(old > 150 && old < 260, qPrintable(QString::number(old)));
    const QString months
        = QStringLiteral("SELECT count(DISTINCT strftime('%Y-%m', created_at / 1000, 'unixepoch')) FROM contacts "
                         "WHERE created_at >= %1")
              .arg(yearAgo);
    QVERIFY(number(*profile, months.toLatin1().constData()) >= 11);
    // More joined in the last half year than in the first.
    const QString firstHalf = QStringLiteral("SELECT count(*) FROM contacts WHERE created_at >= %1 AND created_at < %2")
                                  .arg(yearAgo)
                                  .arg(yearAgo + 182LL * 86'400'000);
    const QString secondHalf
        = QStringLiteral("SELECT count(*) FROM contacts WHERE created_at >= %1").arg(yearAgo + 182LL * 86'400'000);
    QVERIFY(number(*profile, secondHalf.toLatin1().constData()) > number(*profile, firstHalf.toLatin1().constData()));
    // Nobody got a message before they joined.
    QCOMPARE(
        number(*profile, "SELECT count(*) FROM outbox o JOIN contacts c ON c.id = o.contact_id WHERE o.due_at < c.created_at"),
        0);
}

void TestDemoHistory::isDeterministic()
{
    TempProfile a;
    TempProfile b;
    populate(a);
    populate(b);
    QCOMPARE(digest(*a), digest(*b));
    TempProfile c;
    populate(c, 320, 7);
    QVERIFY(digest(*a) != digest(*c));
}

void TestDemoHistory::smallCongregation()
{
    // The few people UI tests use still get a history that holds together.
    TempProfile profile;
    populate(profile, 24);
    QVERIFY(number(*profile, "SELECT count(*) FROM campaigns") > 0);
    LedgerVerifier verifier(profile->database());
    const Result<QList<LedgerProblem>> problems = verifier.verify();
    QVERIFY(problems && problems->isEmpty());
}

void TestDemoHistory::removingTheDemoTakesItsYearAway()
{
    TempProfile profile;
    populate(profile, 80);
    const Result<AuditCheck> before = profile->audit().verify();
    QVERIFY(before && before->ok);
    // What the office did itself: a campaign of its own to a number of its own that replied and
    // opted out, which must all stay.
    QSqlQuery q(profile->database().connection());
    const qint64 now = profile.clock().nowUtc().toMSecsSinceEpoch();
    QVERIFY(q.exec(QStringLiteral("INSERT INTO campaigns(name, body, status, gateway, created_at, launched_at) "
                                  "VALUES ('Ours', 'Hello', 'done', 'africastalking', %1, %1)")
                       .arg(now - 3600000)));
    const qint64 ours = q.lastInsertId().toLongLong();
    QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox(campaign_id, phone, name, text, segments, state, due_at, message_id, "
                                  "network, updated_at, attempted_at) VALUES (%1, '+254700999001', 'Ours', 'Hello', 1, "
                                  "'delivered', %2, 'ours-1', 'Safaricom', %2, %2)")
                       .arg(ours)
                       .arg(now - 3600000)));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO inbox(provider_id, phone, text, received_at, handled_as) "
                                  "VALUES ('ours-in', '+254700999001', 'STOP', %1, 'optout')")
                       .arg(now - 60000)));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO opt_outs(phone, reason, source, created_at) "
                                  "VALUES ('+254700999001', 'STOP', 'sms', %1)")
                       .arg(now - 60000)));
    q.finish();
    QVERIFY(number(*profile, "SELECT count(*) FROM campaigns WHERE demo = 1") > 10);
    QVERIFY(number(*profile, "SELECT count(*) FROM opt_outs") > 1);
    QCOMPARE(number(*profile, "SELECT campaign_id FROM inbox WHERE provider_id = 'ours-in'"), ours);

    const Result<DemoRemoved> removed = profile->contacts().removeDemoContacts();
    QVERIFY2(removed, removed ? "" : qPrintable(removed.error().message));
    QCOMPARE(removed->contacts, 80);
    QVERIFY(removed->history.campaigns > 10);
    QVERIFY(removed->history.messages > 100);
    QVERIFY(removed->history.received > 0);

    // Only the office's own remain, and the summaries say the same as the rows.
    QCOMPARE(number(*profile, "SELECT count(*) FROM campaigns"), 1);
    QCOMPARE(number(*profile, "SELECT count(*) FROM outbox"), 1);
    QCOMPARE(number(*profile, "SELECT count(*) FROM inbox"), 1);
    QCOMPARE(number(*profile, "SELECT count(*) FROM opt_outs"), 1);
    QCOMPARE(number(*profile, "SELECT count(*) FROM opt_ins"), 0);
    QCOMPARE(number(*profile, "SELECT count(*) FROM delivery_reports"), 0);
    QCOMPARE(number(*profile, "SELECT coalesce(sum(messages), 0) FROM message_stats"), 1);
    QCOMPARE(number(*profile, "SELECT count(*) FROM number_activity"), 1);
    // The ledger is never rewritten and still adds up; the trail records the removal and holds.
    const Result<QList<LedgerProblem>> problems = LedgerVerifier(profile->database()).verify();
    QVERIFY(problems && problems->isEmpty());
    const Result<AuditCheck> after = profile->audit().verify();
    QVERIFY(after && after->ok);
    QCOMPARE(after->entries, before->entries + 1);
}

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "TestDemoHistory.moc"
