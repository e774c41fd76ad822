// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Campaigns between computers (issue 16): the definition and schedule travel through the change log
// (a field set to NULL too); only the computer that launched a campaign queues, schedules or sends
// it; the states of its messages reach the others as a max-lattice published from the outbox
// (CampaignStatePublisher), whatever order they arrive in; the other computers show them.

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "gateway/DeliveryReport.h"
#include "reports/DashboardService.h"
#include "reports/DrillDown.h"
#include "reports/ReportRunner.h"
#include "storage/Database.h"
#include "sync/CampaignStatePublisher.h"
#include "sync/ChangeLog.h"
#include "sync/Hlc.h"
#include "sync/ReplicaApplier.h"
#include "sync/SyncOpCodec.h"
#include "templates/TemplateService.h"
#include "tokens/TokenLedger.h"

#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace kengele;
using namespace kengele::test;
using namespace Qt::StringLiterals;

namespace {

// A's changes not yet handed out, as the relay would carry them (one list per batch).
QList<QList<SyncOp>> take(TempProfile &from)
{
    QList<QList<SyncOp>> batches;
    ChangeLog log(from->database());
    for (;;) {
        const auto out = log.pendingOut(100);
        if (!out || out->ops.isEmpty())
            return batches;
        batches.append(out->ops);
        if (!log.markSent(out->upTo))
            return batches;
    }
}

bool give(TempProfile &to, const QList<QList<SyncOp>> &batches)
{
    for (const QList<SyncOp> &ops : batches) {
        // Through the codec, as between computers.
        const auto decoded = SyncOpCodec::decodeOps(SyncOpCodec::encodeOps(ops));
        if (!decoded || !ReplicaApplier(to->database(), to.clock()).apply(decoded->ops))
            return false;
    }
    return true;
}

QVariant scalar(TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

qint64 idOf(TempProfile &p, const QString &uid)
{
    QSqlQuery q(p->database().connection());
    q.prepare(u"SELECT id FROM campaigns WHERE uid = ?"_s);
    q.addBindValue(uid);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QByteArray recipientsDump(TempProfile &p)
{
    QByteArray out;
    QSqlQuery q(p->database().connection());
    q.exec(u"SELECT campaign_uid, phone, version, rank, state, reason FROM campaign_recipients ORDER BY 1, 2"_s);
    while (q.next()) {
        for (int i = 0; i < 6; ++i)
            out += q.value(i).toString().toUtf8() + ' ';
        out += '\n';
    }
    return out;
}

// What the outbox holds, the way the other computers should see it: phone -> state.
QMap<QString, QString> outboxStates(TempProfile &p, qint64 campaignId)
{
    QMap<QString, QString> out;
    QSqlQuery q(p->database().connection());
    q.prepare(u"SELECT phone, state FROM outbox WHERE campaign_id = ?"_s);
    q.addBindValue(campaignId);
    q.exec();
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

// The summaries as the reports read them over the day of p's clock (and the days either side):
// "state count" by state, then "day total" of the messages-by-period report, then the
// dashboard's sent/delivered/failed.
QStringList figures(TempProfile &p)
{
    const QDate today = p.clock().nowUtc().toLocalTime().date();
    const Period period(today.addDays(-1), today.addDays(1));
    const ReportRunner runner(p->database());
    QStringList out;
    const auto byState = runner.run({u"sent"_s, {u"state"_s}, period, {}});
    if (!byState)
        return {u"error"_s};
    for (const QVariantList &row : byState->rows)
        out << row.first().toString() + u' ' + row.last().toString();
    out.sort();
    const auto byDay = runner.run({u"sent"_s, {u"day"_s}, period, {}});
    if (!byDay)
        return {u"error"_s};
    qint64 total = 0;
    for (const QVariantList &row : byDay->rows)
        total += row.last().toLongLong();
    out << u"day %1"_s.arg(total);
    const auto numbers = DashboardService(p->database()).numbers(period);
    if (!numbers)
        return {u"error"_s};
    out << u"dashboard %1 %2 %3"_s.arg(numbers->totals.sent).arg(numbers->totals.delivered).arg(numbers->totals.failed);
    return out;
}

// What the outbox of the campaign holds, counted as the summaries count (queued and submitting
// are not counted), in figures()'s form for the states.
QStringList outboxFigures(TempProfile &p, qint64 campaignId)
{
    QStringList out;
    QSqlQuery q(p->database().connection());
    q.prepare(u"SELECT state, count(*) FROM outbox WHERE campaign_id = ? AND state NOT IN ('queued', 'submitting') "
              "GROUP BY state"_s);
    q.addBindValue(campaignId);
    q.exec();
    while (q.next())
        out << q.value(0).toString() + u' ' + q.value(1).toString();
    out.sort();
    return out;
}

// The campaign's links as this computer holds them, in names: its budget, template, repeating
// campaign and targets (groups by name, single contacts by number).
QStringList links(TempProfile &p, const QString &campaignUid)
{
    QStringList out;
    QSqlQuery q(p->database().connection());
    q.prepare(u"SELECT coalesce(a.name, '-'), coalesce(t.name, '-'), coalesce(r.name, '-') FROM campaigns c "
              "LEFT JOIN token_accounts a ON a.id = c.account_id LEFT JOIN templates t ON t.id = c.template_id "
              "LEFT JOIN campaigns r ON r.id = c.parent_id WHERE c.uid = ?"_s);
    q.addBindValue(campaignUid);
    if (!q.exec() || !q.next())
        return {u"no campaign"_s};
    out << u"budget "_s + q.value(0).toString() << u"template "_s + q.value(1).toString()
        << u"repeats "_s + q.value(2).toString();
    q.prepare(u"SELECT coalesce('group ' || g.name, 'contact ' || k.phone) FROM campaign_targets x "
              "JOIN campaigns c ON c.id = x.campaign_id LEFT JOIN groups g ON g.id = x.group_id "
              "LEFT JOIN contacts k ON k.id = x.contact_id WHERE c.uid = ? ORDER BY 1"_s);
    q.addBindValue(campaignUid);
    q.exec();
    while (q.next())
        out << q.value(0).toString();
    return out;
}

// A report grouped by a dimension whose values are this computer's ids, by their names.
QStringList reportBy(TempProfile &p, const QString &measure, const QString &dimension)
{
    const QDate today = p.clock().nowUtc().toLocalTime().date();
    const auto result = ReportRunner(p->database()).run({measure, {dimension}, Period(today.addDays(-1), today.addDays(1)), {}});
    if (!result)
        return {u"error "_s + result.error().message};
    QStringList out;
    for (const QVariantList &row : result->rows)
        out << row.at(1).toString() + u' ' + row.last().toString();
    out.sort();
    return out;
}

} // namespace

class TestCampaignReplication final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempProfile> m_a;
    std::unique_ptr<TempProfile> m_b;
    std::unique_ptr<TempProfile> m_c;
    qint64 m_group = 0;

    // People on A, shared with B and C.
    void people(int n)
    {
        const auto group = (*m_a)->groups().create(u"Choir"_s);
        QVERIFY(group);
        m_group = group->id;
        QList<qint64> ids;
        for (int i = 0; i < n; ++i) {
            const auto c = (*m_a)->contacts().add({u"Member"_s, u"%1"_s.arg(i), u"07123%1"_s.arg(i, 5, 10, QChar(u'0')), {}, {}});
            QVERIFY(c);
            ids << c->id;
        }
        QVERIFY((*m_a)->groups().addMembers(m_group, ids));
        const auto batches = take(*m_a);
        QVERIFY(give(*m_b, batches));
        QVERIFY(give(*m_c, batches));
    }

    CampaignDraft draft(const QString &name) const
    {
        CampaignDraft d;
        d.name = name;
        d.body = u"Choir practice on Thursday"_s;
        d.groupIds = {m_group};
        d.gateway = GatewayKind::Simulator;
        d.chargeTokens = false;
        return d;
    }

    // Sends what is due on A through the real outbox steps: some accepted, some refused, some
    // tried again later, some with no answer; then reports for some of the accepted.
    void sendSome(int seed)
    {
        TempProfile &a = *m_a;
        const auto batches = a->outbox().claim(1000, 100, false);
        QVERIFY(batches);
        QList<Outcome> outcomes;
        QList<DeliveryReport> reports;
        int i = seed;
        for (const WorkBatch &b : *batches) {
            for (const WorkItem &item : b.items) {
                Outcome o;
                o.outboxId = item.outboxId;
                o.campaignId = b.campaignId;
                o.segments = item.segments;
                switch (i++ % 4) {
                case 0:
                case 1:
                    o.kind = Outcome::Kind::Sent;
                    o.messageId = u"ATX-%1"_s.arg(item.outboxId);
                    if (i % 3 != 0)
                        reports.append({o.messageId, i % 2 ? u"Success"_s : u"Failed"_s, item.phone, u"63902"_s,
                                        i % 2 ? QString() : u"UserInBlacklist"_s, a.clock().nowUtc()});
                    break;
                case 2:
                    o.kind = Outcome::Kind::Retry; // back to queued: a new round for its state
                    o.dueAt = a.clock().nowMs();
                    break;
                default:
                    o.kind = Outcome::Kind::Failed;
                    o.reason = u"Invalid number"_s;
                    break;
                }
                outcomes.append(o);
            }
        }
        QVERIFY(a->outbox().apply(outcomes));
        QVERIFY(a->outbox().applyDeliveryReports(reports));
        QVERIFY(a->outbox().finishCampaigns());
    }

private Q_SLOTS:
    void init()
    {
        m_a = std::make_unique<TempProfile>();
        m_b = std::make_unique<TempProfile>();
        m_c = std::make_unique<TempProfile>();
        m_b->clock().advanceMs(1500);
        m_c->clock().advanceMs(-1500);
    }

    void cleanup()
    {
        m_a.reset();
        m_b.reset();
        m_c.reset();
    }

    void definitionTravels()
    {
        people(5);
        CampaignDraft d = draft(u"Practice"_s);
        d.scheduledAt = m_a->clock().nowUtc().addSecs(3600);
        const auto launched = (*m_a)->campaigns().launch(d);
        QVERIFY2(launched, launched ? "" : qPrintable(launched.error().message));
        QVERIFY(launched->sentHere);
        QVERIFY(!launched->uid.isEmpty());
        QVERIFY(give(*m_b, take(*m_a)));
        const qint64 onB = idOf(*m_b, launched->uid);
        QVERIFY(onB > 0);
        const auto seen = (*m_b)->campaigns().get(onB);
        QVERIFY(seen);
        QVERIFY(!seen->sentHere);
        QCOMPARE(seen->name, u"Practice"_s);
        QCOMPARE(seen->body, d.body);
        QCOMPARE(seen->status, CampaignStatus::Scheduled);
        QCOMPARE(seen->scheduledAt, launched->scheduledAt);
        QCOMPARE(seen->recipients, 5);
        QCOMPARE(scalar(*m_b, u"SELECT origin FROM campaigns"_s), scalar(*m_a, u"SELECT device FROM sync_state"_s));
        QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM outbox"_s).toInt(), 0);
        QCOMPARE(*ChangeLog((*m_a)->database()).canonicalDump(), *ChangeLog((*m_b)->database()).canonicalDump());
    }

    // A field set to NULL travels (schema 15's update trigger dropped it).
    void nullTravels()
    {
        people(2);
        const auto launched = (*m_a)->campaigns().launch(draft(u"Practice"_s));
        QVERIFY(launched);
        QVERIFY(give(*m_b, take(*m_a)));
        const qint64 onB = idOf(*m_b, launched->uid);
        QVERIFY(!scalar(*m_b, u"SELECT launched_at FROM campaigns"_s).isNull());
        QSqlQuery q((*m_a)->database().connection());
        QVERIFY(q.exec(u"UPDATE campaigns SET finished_at = 1234, launched_at = NULL, status_reason = 'x'"_s));
        QVERIFY(give(*m_b, take(*m_a)));
        QCOMPARE(scalar(*m_b, u"SELECT finished_at FROM campaigns"_s).toLongLong(), 1234);
        QVERIFY(scalar(*m_b, u"SELECT launched_at FROM campaigns"_s).isNull());
        QVERIFY(q.exec(u"UPDATE campaigns SET finished_at = NULL"_s));
        QVERIFY(give(*m_b, take(*m_a)));
        QVERIFY(scalar(*m_b, u"SELECT finished_at FROM campaigns"_s).isNull());
        QCOMPARE(scalar(*m_b, u"SELECT status_reason FROM campaigns"_s).toString(), u"x"_s);
        // The same for a contact's field (contacts, groups and templates got the new trigger too).
        QVERIFY(q.exec(u"UPDATE contacts SET email = 'a@b.org' WHERE id = 1"_s));
        QVERIFY(give(*m_b, take(*m_a)));
        QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM contacts WHERE email = 'a@b.org'"_s).toInt(), 1);
        if (q.exec(u"UPDATE contacts SET email = NULL WHERE id = 1"_s)) { // when the column takes NULL
            QVERIFY(give(*m_b, take(*m_a)));
            QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM contacts WHERE email IS NULL"_s).toInt(),
                     scalar(*m_a, u"SELECT count(*) FROM contacts WHERE email IS NULL"_s).toInt());
        }
        QVERIFY(onB > 0);
        QCOMPARE(*ChangeLog((*m_a)->database()).canonicalDump(), *ChangeLog((*m_b)->database()).canonicalDump());
    }

    // A campaign replicated to B is never queued, scheduled or sent by B, even when its time comes there.
    void onlyTheOriginSends()
    {
        people(4);
        CampaignDraft later = draft(u"Later"_s);
        later.scheduledAt = m_a->clock().nowUtc().addSecs(3600);
        const auto scheduled = (*m_a)->campaigns().launch(later);
        QVERIFY(scheduled);
        CampaignDraft repeating = draft(u"Every day"_s);
        repeating.recurrence = Recurrence::daily();
        repeating.scheduledAt = m_a->clock().nowUtc().addSecs(1800);
        repeating.repeatUntil = m_a->clock().nowUtc().addDays(5).toLocalTime().date();
        const auto daily = (*m_a)->campaigns().launch(repeating);
        QVERIFY2(daily, daily ? "" : qPrintable(daily.error().message));
        QVERIFY(give(*m_b, take(*m_a)));
        TempProfile &b = *m_b;
        b.clock().advanceMs(61LL * 60 * 1000); // both are due on B
        const auto launchedOnB = b->campaigns().launchDueOccurrences();
        QVERIFY(launchedOnB);
        QVERIFY(launchedOnB->isEmpty());
        const auto claimed = b->outbox().claim(1000, 100, false);
        QVERIFY(claimed);
        QVERIFY(claimed->isEmpty());
        QCOMPARE(b->outbox().nextDue(false).value_or(-1), 0);
        const qint64 laterOnB = idOf(b, scheduled->uid);
        const qint64 dailyOnB = idOf(b, daily->uid);
        QCOMPARE(b->outbox().cancel(laterOnB).error().code, ErrorCode::Conflict);
        QCOMPARE(b->outbox().resendUncertain(laterOnB).error().code, ErrorCode::Conflict);
        QCOMPARE(b->outbox().retryFailed(laterOnB).error().code, ErrorCode::Conflict);
        QCOMPARE(b->outbox().pause(laterOnB, u"why"_s).error().code, ErrorCode::Conflict);
        QCOMPARE(b->campaigns().sendNow(laterOnB).error().code, ErrorCode::Conflict);
        QCOMPARE(b->campaigns().sendNow(dailyOnB).error().code, ErrorCode::Conflict);
        QCOMPARE(b->campaigns().pauseRepeating(dailyOnB).error().code, ErrorCode::Conflict);
        QCOMPARE(b->campaigns().update(laterOnB, later).error().code, ErrorCode::Conflict);
        QVERIFY(b->outbox().finishCampaigns());
        QCOMPARE(scalar(b, u"SELECT count(*) FROM outbox"_s).toInt(), 0);
        QCOMPARE(scalar(b, u"SELECT count(*) FROM campaigns"_s).toInt(), 2);
        QCOMPARE(b->campaigns().get(laterOnB)->status, CampaignStatus::Scheduled);
        QCOMPARE(b->campaigns().get(dailyOnB)->status, CampaignStatus::Recurring);
        QVERIFY(take(b).isEmpty()); // B wrote nothing about them

        // A, the origin, does send them when their time comes (so the checks above can fail).
        TempProfile &a = *m_a;
        a.clock().advanceMs(31LL * 60 * 1000);
        const auto occurrences = a->campaigns().launchDueOccurrences();
        QVERIFY(occurrences);
        QVERIFY(!occurrences->isEmpty());
        const auto claimedOnA = a->outbox().claim(1000, 100, false);
        QVERIFY(claimedOnA);
        QVERIFY(!claimedOnA->isEmpty());
    }

    // The sender's states reach the other computer; its counts and list show them.
    void statesShownElsewhere()
    {
        people(30);
        const auto launched = (*m_a)->campaigns().launch(draft(u"Practice"_s));
        QVERIFY(launched);
        CampaignStatePublisher publisher((*m_a)->database(), m_a->clock());
        for (int round = 0; round < 3; ++round) {
            m_a->clock().advanceMs(1000);
            sendSome(round);
            if (QTest::currentTestFailed())
                return;
            const auto published = publisher.publish();
            QVERIFY(published);
            QVERIFY(published->recipients > 0);
            QVERIFY(give(*m_b, take(*m_a)));
        }
        // Nothing moved: nothing more to share.
        m_a->clock().advanceMs(1000);
        const auto again = publisher.publish();
        QVERIFY(again);
        QCOMPARE(again->recipients, 0);
        QCOMPARE(again->operations, 0);
        QVERIFY(take(*m_a).isEmpty());

        const auto onA = (*m_a)->campaigns().get(launched->id);
        const qint64 idOnB = idOf(*m_b, launched->uid);
        const auto onB = (*m_b)->campaigns().get(idOnB);
        QVERIFY(onA && onB);
        QVERIFY(!onB->sentHere);
        QCOMPARE(onB->states, onA->states);
        QVERIFY(onA->states.value(MessageState::Delivered) > 0);
        QVERIFY(onA->states.value(MessageState::Failed) > 0);
        QVERIFY(onA->states.value(MessageState::Queued) > 0);
        QCOMPARE(onB->status, onA->status);
        QCOMPARE((*m_b)->campaigns().countRecipients(idOnB, MessageState::Failed).value_or(-1),
                 onA->states.value(MessageState::Failed));
        const auto listed = (*m_b)->campaigns().recipients(idOnB, std::nullopt, 0, 100);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 30);
        const QMap<QString, QString> truth = outboxStates(*m_a, launched->id);
        for (const OutboxRow &row : *listed) {
            QCOMPARE(toText(row.state), truth.value(row.phone));
            QVERIFY(row.name.startsWith(u"Member "_s));
        }
        const auto failedOnB = (*m_b)->campaigns().recipients(idOnB, MessageState::Failed, 0, 100);
        QVERIFY(failedOnB && !failedOnB->isEmpty());
        QVERIFY(!failedOnB->first().reason.isEmpty());
        QCOMPARE(*ChangeLog((*m_a)->database()).canonicalDump(), *ChangeLog((*m_b)->database()).canonicalDump());
    }

    // The states are a max-lattice: B gets the batches in order, C backwards and twice; both end
    // with what A published last, which is what A's outbox holds.
    void statesInAnyOrder()
    {
        people(40);
        const auto launched = (*m_a)->campaigns().launch(draft(u"Practice"_s));
        QVERIFY(launched);
        QList<QList<QList<SyncOp>>> rounds;
        rounds.append(take(*m_a)); // the campaign itself
        CampaignStatePublisher publisher((*m_a)->database(), m_a->clock());
        for (int round = 0; round < 5; ++round) {
            m_a->clock().advanceMs(700);
            sendSome(round);
            if (QTest::currentTestFailed())
                return;
            QVERIFY(publisher.publish());
            rounds.append(take(*m_a));
            if (round == 2) {
                // Failed messages queued again: their states go back, in a new round (version).
                const auto retried = (*m_a)->outbox().retryFailed(launched->id);
                QVERIFY(retried);
                QVERIFY(*retried > 0);
            }
        }
        for (const auto &batches : std::as_const(rounds))
            QVERIFY(give(*m_b, batches));
        QVERIFY(give(*m_c, rounds.first()));
        for (qsizetype i = rounds.size() - 1; i > 0; --i)
            QVERIFY(give(*m_c, rounds[i]));
        for (qsizetype i = 1; i < rounds.size(); i += 2)
            QVERIFY(give(*m_c, rounds[i]));
        const QByteArray a = recipientsDump(*m_a);
        QVERIFY(a.count('\n') == 40);
        QCOMPARE(recipientsDump(*m_b), a);
        QCOMPARE(recipientsDump(*m_c), a);
        // A retried message went back to queued, and forward again: its version moved on.
        QVERIFY(scalar(*m_a, u"SELECT max(version) FROM campaign_recipients"_s).toInt() > 1);
        QMap<QString, QString> published;
        QSqlQuery q((*m_c)->database().connection());
        q.exec(u"SELECT phone, state FROM campaign_recipients"_s);
        while (q.next())
            published.insert(q.value(0).toString(), q.value(1).toString());
        QCOMPARE(published, outboxStates(*m_a, launched->id));
        QCOMPARE(*ChangeLog((*m_b)->database()).canonicalDump(), *ChangeLog((*m_c)->database()).canonicalDump());
    }

    // The reports and the Dashboard count the other computers' campaigns (schema 23): what A's
    // outbox sent shows in B's figures as in A's, round after round (messages failing, retried,
    // delivered), without A counting its own twice; C, which gets the states before the campaign
    // and the rounds backwards, ends with the same figures.
    void reportsCountOtherComputers()
    {
        people(30);
        const auto launched = (*m_a)->campaigns().launch(draft(u"Practice"_s));
        QVERIFY(launched);
        QList<QList<QList<SyncOp>>> rounds;
        rounds.append(take(*m_a)); // the campaign itself
        QVERIFY(give(*m_b, rounds.first()));
        const QStringList nothing = figures(*m_b);
        QCOMPARE(nothing.last(), u"dashboard 0 0 0"_s);
        CampaignStatePublisher publisher((*m_a)->database(), m_a->clock());
        for (int round = 0; round < 4; ++round) {
            m_a->clock().advanceMs(1000);
            sendSome(round);
            if (QTest::currentTestFailed())
                return;
            if (round == 2) {
                // Failed messages queued again: they leave the failed count and come back later.
                const auto retried = (*m_a)->outbox().retryFailed(launched->id);
                QVERIFY(retried);
                QVERIFY(*retried > 0);
            }
            QVERIFY(publisher.publish());
            rounds.append(take(*m_a));
            QVERIFY(give(*m_b, rounds.last()));
            const QStringList onA = figures(*m_a);
            // A counts its own messages once: its summaries say what its outbox holds.
            QCOMPARE(onA.mid(0, onA.size() - 2), outboxFigures(*m_a, launched->id));
            QVERIFY(!onA.last().startsWith(u"dashboard 0 "_s));
            QCOMPARE(figures(*m_b), onA);
        }
        const QStringList onA = figures(*m_a);
        // B's drill-down lists A's messages behind the number, with their states, from the states shared.
        {
            const QDate today = m_b->clock().nowUtc().toLocalTime().date();
            const ReportQuery failed{u"failed"_s, {}, Period(today.addDays(-1), today.addDays(1)), {}};
            const auto onB = DrillDown((*m_b)->database()).rows(failed, 100, 0);
            QVERIFY2(onB, onB ? "" : qPrintable(onB.error().message));
            const auto own = DrillDown((*m_a)->database()).rows(failed, 100, 0);
            QVERIFY(own);
            QVERIFY(onB->total > 0);
            QCOMPARE(onB->total, own->total);
            QCOMPARE(onB->table.rows.size(), own->table.rows.size());
            for (const QVariantList &row : std::as_const(onB->table.rows)) {
                QCOMPARE(row.at(2).toString(), u"Practice"_s);
                QCOMPARE(row.at(3).toString(), u"failed"_s);
                QVERIFY(row.at(0).toString().startsWith(u"Member "_s));
            }
            const auto second = DrillDown((*m_b)->database()).rows(failed, 2, 1);
            QVERIFY(second && second->table.rows.size() == 2);
            QCOMPARE(second->table.rows.at(0), onB->table.rows.at(1));
        }
        // States first (no campaign yet: nothing to count), backwards and twice, then the campaign.
        for (qsizetype i = rounds.size() - 1; i > 0; --i)
            QVERIFY(give(*m_c, rounds[i]));
        QCOMPARE(figures(*m_c), nothing);
        for (qsizetype i = 1; i < rounds.size(); i += 2)
            QVERIFY(give(*m_c, rounds[i]));
        QVERIFY(give(*m_c, rounds.first()));
        QCOMPARE(figures(*m_c), onA);
        // A campaign of B's own: B counts it from its outbox, A and C from its states; all agree.
        CampaignDraft d = draft(u"Visit"_s);
        const auto own = (*m_b)->campaigns().launch(d);
        QVERIFY(own);
        const auto claimed = (*m_b)->outbox().claim(1000, 100, false);
        QVERIFY(claimed && !claimed->isEmpty());
        QList<Outcome> outcomes;
        for (const WorkBatch &b : *claimed) {
            for (const WorkItem &item : b.items) {
                Outcome o;
                o.outboxId = item.outboxId;
                o.campaignId = b.campaignId;
                o.segments = item.segments;
                o.messageId = u"B-%1"_s.arg(item.outboxId);
                outcomes.append(o);
            }
        }
        QVERIFY((*m_b)->outbox().apply(outcomes));
        QVERIFY(CampaignStatePublisher((*m_b)->database(), m_b->clock()).publish());
        const auto fromB = take(*m_b);
        QVERIFY(give(*m_a, fromB));
        QVERIFY(give(*m_c, fromB));
        const QStringList both = figures(*m_b);
        QVERIFY(both != onA);
        QCOMPARE(figures(*m_a), both);
        QCOMPARE(figures(*m_c), both);
        // Deleting another computer's campaign here takes its messages out of the figures.
        QSqlQuery q((*m_c)->database().connection());
        QVERIFY(q.exec(u"DELETE FROM campaigns WHERE uid = '%1'"_s.arg(launched->uid)));
        QCOMPARE(
            scalar(*m_c, u"SELECT count(*) FROM message_stats WHERE campaign_id NOT IN (SELECT id FROM campaigns)"_s).toInt(), 0);
    }
    // A campaign's budget, template, groups and single contacts travel by uid (schema 24): the
    // other computers link them to their own rows, at once, or when a group made on a third
    // computer arrives after the campaign; their reports by group and by budget then count it as
    // the sender's do.
    void linksTravel()
    {
        people(6);
        // B makes a group of its own; A hears of it, C not yet.
        const auto youth = (*m_b)->groups().create(u"Youth"_s);
        QVERIFY(youth);
        const qint64 first = scalar(*m_b, u"SELECT id FROM contacts WHERE phone LIKE '%000'"_s).toLongLong();
        const qint64 second = scalar(*m_b, u"SELECT id FROM contacts WHERE phone LIKE '%001'"_s).toLongLong();
        QVERIFY((*m_b)->groups().addMembers(youth->id, {first, second}));
        const auto fromB = take(*m_b);
        QVERIFY(give(*m_a, fromB));
        const auto budget = (*m_a)->tokens().createBudgetAccount(u"Outreach"_s);
        QVERIFY2(budget, budget ? "" : qPrintable(budget.error().message));
        const auto practice = (*m_a)->templates().save(u"Practice"_s, u"Choir practice on Thursday"_s);
        QVERIFY(practice);
        CampaignDraft d = draft(u"Practice"_s);
        d.groupIds = {m_group, scalar(*m_a, u"SELECT id FROM groups WHERE name = 'Youth'"_s).toLongLong()};
        d.contactIds = {scalar(*m_a, u"SELECT id FROM contacts WHERE phone LIKE '%005'"_s).toLongLong()};
        d.templateId = practice->id;
        d.accountName = u"Outreach"_s;
        const auto launched = (*m_a)->campaigns().launch(d);
        QVERIFY2(launched, launched ? "" : qPrintable(launched.error().message));
        const QStringList onA = links(*m_a, launched->uid);
        QCOMPARE(onA,
                 (QStringList{u"budget Outreach"_s, u"template Practice"_s, u"repeats -"_s, u"contact +254712300005"_s,
                              u"group Choir"_s, u"group Youth"_s}));
        sendSome(0);
        QVERIFY(CampaignStatePublisher((*m_a)->database(), m_a->clock()).publish());
        const auto fromA = take(*m_a);
        QVERIFY(give(*m_b, fromA));
        QCOMPARE(links(*m_b, launched->uid), onA);
        const auto seen = (*m_b)->campaigns().get(idOf(*m_b, launched->uid));
        QVERIFY(seen);
        QCOMPARE(seen->accountId, scalar(*m_b, u"SELECT id FROM token_accounts WHERE name = 'Outreach'"_s).toLongLong());
        // C hears A before B: the Youth group is not there yet, and is linked when it comes.
        QVERIFY(give(*m_c, fromA));
        QCOMPARE(links(*m_c, launched->uid),
                 (QStringList{u"budget Outreach"_s, u"template Practice"_s, u"repeats -"_s, u"contact +254712300005"_s,
                              u"group Choir"_s}));
        QCOMPARE(scalar(*m_c, u"SELECT count(*) FROM campaign_links_pending"_s).toInt(), 1);
        QVERIFY(give(*m_c, fromB));
        QCOMPARE(links(*m_c, launched->uid), onA);
        QCOMPARE(scalar(*m_c, u"SELECT count(*) FROM campaign_links_pending"_s).toInt(), 0);
        // The reports by group and by budget agree everywhere.
        const QStringList groupsOnA = reportBy(*m_a, u"sent"_s, u"group"_s);
        QVERIFY2(groupsOnA.size() == 2, qPrintable(groupsOnA.join(u", "_s)));
        const QStringList budgetsOnA = reportBy(*m_a, u"sent"_s, u"department"_s);
        QVERIFY2(budgetsOnA.size() == 1 && budgetsOnA.first().startsWith(u"Outreach "_s), qPrintable(budgetsOnA.join(u", "_s)));
        for (TempProfile *other : {m_b.get(), m_c.get()}) {
            QCOMPARE(reportBy(*other, u"sent"_s, u"group"_s), groupsOnA);
            QCOMPARE(reportBy(*other, u"sent"_s, u"department"_s), budgetsOnA);
        }
        // Changed on A (another budget, the single contact dropped): the others follow.
        const auto main = (*m_a)->tokens().createBudgetAccount(u"Youth work"_s);
        QVERIFY(main);
        CampaignDraft later = draft(u"Later"_s);
        later.scheduledAt = m_a->clock().nowUtc().addSecs(7200);
        later.contactIds = {scalar(*m_a, u"SELECT id FROM contacts WHERE phone LIKE '%004'"_s).toLongLong()};
        const auto scheduled = (*m_a)->campaigns().launch(later);
        QVERIFY(scheduled);
        later.accountName = u"Youth work"_s;
        later.contactIds.clear();
        const auto changed = (*m_a)->campaigns().update(scheduled->id, later);
        QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message));
        const auto again = take(*m_a);
        QVERIFY(give(*m_b, again));
        QVERIFY(give(*m_c, again));
        const QStringList laterOnA = links(*m_a, scheduled->uid);
        QCOMPARE(laterOnA, (QStringList{u"budget Youth work"_s, u"template -"_s, u"repeats -"_s, u"group Choir"_s}));
        QCOMPARE(links(*m_b, scheduled->uid), laterOnA);
        QCOMPARE(links(*m_c, scheduled->uid), laterOnA);
        const QByteArray dump = *ChangeLog((*m_a)->database()).canonicalDump();
        QCOMPARE(*ChangeLog((*m_b)->database()).canonicalDump(), dump);
        QCOMPARE(*ChangeLog((*m_c)->database()).canonicalDump(), dump);
    }

    // C made a "Youth" of its own before B did. A sends to B's Youth; C hears A first, then B,
    // and only then finds B's Youth and its own to be one group (its own uid is kept, so no row
    // arrives): the campaign is linked to C's Youth all the same.
    void linksFollowAGroupJoinedLater()
    {
        people(3);
        const auto own = (*m_c)->groups().create(u"Youth"_s);
        QVERIFY(own);
        m_b->clock().advanceMs(5000);
        const auto theirs = (*m_b)->groups().create(u"Youth"_s);
        QVERIFY(theirs);
        QVERIFY((*m_b)->groups().addMembers(theirs->id, {scalar(*m_b, u"SELECT min(id) FROM contacts"_s).toLongLong()}));
        const auto fromB = take(*m_b);
        QVERIFY(give(*m_a, fromB));
        CampaignDraft d = draft(u"Meeting"_s);
        d.groupIds = {scalar(*m_a, u"SELECT id FROM groups WHERE name = 'Youth'"_s).toLongLong()};
        const auto launched = (*m_a)->campaigns().launch(d);
        QVERIFY2(launched, launched ? "" : qPrintable(launched.error().message));
        QVERIFY(give(*m_c, take(*m_a)));
        QCOMPARE(scalar(*m_c, u"SELECT count(*) FROM campaign_links_pending"_s).toInt(), 1);
        QVERIFY(give(*m_c, fromB));
        QCOMPARE(scalar(*m_c, u"SELECT count(*) FROM groups WHERE name = 'Youth'"_s).toInt(), 1);
        QCOMPARE(links(*m_c, launched->uid).last(), u"group Youth"_s);
        QCOMPARE(scalar(*m_c, u"SELECT count(*) FROM campaign_links_pending"_s).toInt(), 0);
    }

    // A link that is not valid JSON, or names nothing, links nothing and stops nothing.
    void badLinksAreHarmless()
    {
        people(2);
        const auto launched = (*m_a)->campaigns().launch(draft(u"Practice"_s));
        QVERIFY(launched);
        QVERIFY(give(*m_b, take(*m_a)));
        QList<SyncOp> ops;
        for (const auto &[field, value] :
             std::initializer_list<std::pair<QString, QCborValue>>{{u"targets"_s, QCborValue(u"[not json"_s)},
                                                                   {u"account_uid"_s, QCborValue(u"no-such-budget"_s)},
                                                                   {u"parent_uid"_s, QCborValue(launched->uid)}}) {
            SyncOp op;
            op.entity = u"campaign"_s;
            op.uid = launched->uid;
            op.field = field;
            op.value = value;
            op.hlc = Hlc::pack(m_a->clock().nowMs() + 60000, 0);
            op.device = scalar(*m_a, u"SELECT device FROM sync_state"_s).toString();
            ops << op;
        }
        QVERIFY(ReplicaApplier((*m_b)->database(), m_b->clock()).apply(ops));
        QCOMPARE(links(*m_b, launched->uid), (QStringList{u"budget -"_s, u"template -"_s, u"repeats -"_s}));
        QCOMPARE(scalar(*m_b, u"SELECT count(*) FROM campaign_links_pending"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCampaignReplication)
#include "TestCampaignReplication.moc"
