// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportsFixture.h"

#include "profile/Profile.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace kengele::test {

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

} // namespace

bool writeMillionMessages(TempProfile &profile)
{
    const QDateTime now(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
    profile.clock().set(now);
    const qint64 start = now.toMSecsSinceEpoch() - 365 * DayMs;
    const qint64 step = 365 * DayMs / Campaigns;
    QElapsedTimer timer;
    timer.start();
    const QSqlDatabase db = profile->database().connection();
    Transaction transaction(db);
    if (!(transaction.began(u"fixture"_s)))
        return false;
    QSqlQuery q(db);
    if (!(run(q, u"INSERT INTO token_accounts(name, kind, created_at) VALUES ('Youth', 'budget', 0), ('Choir', 'budget', 0)"_s)))
        return false;
    if (!(run(q, u"INSERT INTO groups(name, created_at) VALUES ('Everyone', 0), ('Youth', 0)"_s)))
        return false;
    // 50,000 contacts added over the year.
    if (!(run(q,
              u"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999) "
              "INSERT INTO contacts(first_name, last_name, phone, created_at, updated_at) "
              "SELECT 'Member', printf('%05d', i), printf('+2547%08d', i), %1 + i * 630000, 0 FROM n"_s.arg(start))))
        return false;
    if (!(run(q, u"INSERT INTO group_members(group_id, contact_id, added_at) SELECT 1, id, 0 FROM contacts"_s)))
        return false;
    if (!(run(q, u"INSERT INTO group_members(group_id, contact_id, added_at) SELECT 2, id, 0 FROM contacts WHERE id % 5 = 0"_s)))
        return false;
    if (!(run(q,
              u"WITH RECURSIVE n(c) AS (SELECT 1 UNION ALL SELECT c + 1 FROM n WHERE c < %1) "
              "INSERT INTO campaigns(id, name, body, status, gateway, created_at, launched_at, account_id, recipients) "
              "SELECT c, 'Campaign ' || c, 'Karibu', 'done', 'africastalking', %2 + (c - 1) * %3, %2 + (c - 1) * %3, "
              "CASE c % 3 WHEN 0 THEN 2 WHEN 1 THEN 6 ELSE 7 END, %4 FROM n"_s.arg(Campaigns)
                  .arg(start)
                  .arg(step)
                  .arg(PerCampaign))))
        return false;
    if (!(run(q, u"INSERT INTO campaign_targets(campaign_id, group_id) SELECT id, 1 + (id % 4 = 0) FROM campaigns"_s)))
        return false;
    // 1,000,000 messages: 70 % delivered, 15 % failed (three reasons), 10 % sent, 5 % uncertain.
    if (!(run(q,
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
                  .arg(step))))
        return false;
    // 300,000 delivery reports, for 3 messages in 10.
    if (!(run(q,
              u"INSERT INTO delivery_reports(message_id, status, failure_reason, network_code, received_at, outbox_id, phone) "
              "SELECT message_id, CASE state WHEN 'failed' THEN 'Failed' ELSE 'Success' END, '', '63902', "
              "updated_at, id, phone FROM outbox WHERE id % 10 < 3"_s)))
        return false;
    // 20,000 messages in (replies, some opt-outs) and 2,000 opt-outs.
    if (!(run(q,
              u"INSERT INTO inbox(provider_id, phone, text, received_at, handled_as) "
              "SELECT 'in' || id, phone, 'Amen', attempted_at + 3600000, CASE WHEN id % 10 = 0 THEN 'optout' ELSE 'inbox' END "
              "FROM outbox WHERE id % 50 = 1"_s)))
        return false;
    if (!(run(q,
              u"INSERT OR IGNORE INTO opt_outs(phone, reason, source, created_at) "
              "SELECT phone, 'STOP', 'sms', received_at FROM inbox WHERE handled_as = 'optout'"_s)))
        return false;
    // Tokens spent per campaign hour, by its department.
    if (!(run(q,
              u"INSERT INTO token_spend_hours(hour, account_id, tokens) SELECT s.hour, c.account_id, sum(s.segments) "
              "FROM message_stats s JOIN campaigns c ON c.id = s.campaign_id GROUP BY 1, 2"_s)))
        return false;
    if (!(transaction.commit()))
        return false;
    if (!(run(q, u"ANALYZE"_s)))
        return false;
    if (!(run(q,
              u"SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM delivery_reports), "
              "(SELECT count(*) FROM message_stats), (SELECT count(*) FROM inbox)"_s)
          && q.next()))
        return false;
    qInfo("fixture: %lld outbox rows, %lld delivery reports, %lld summary rows, %lld inbox rows in %lld ms",
          q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(), timer.elapsed());
    return true;
}

} // namespace kengele::test
