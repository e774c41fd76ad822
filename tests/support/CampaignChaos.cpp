// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignChaos.h"

#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "common/Clock.h"
#include "gateway/DeliveryReport.h"
#include "profile/Profile.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace kengele::test {

namespace {

QList<qint64> idsOf(Profile &p, const QString &sql)
{
    QList<qint64> out;
    QSqlQuery q(p.database().connection());
    q.exec(sql);
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

void sendDue(Profile &p, const Clock &clock, QRandomGenerator &random)
{
    const auto batches = p.outbox().claim(int(1 + random.bounded(20)), 100, false);
    if (!batches)
        return;
    QList<Outcome> outcomes;
    QList<DeliveryReport> reports;
    for (const WorkBatch &b : *batches) {
        for (const WorkItem &item : b.items) {
            Outcome o;
            o.outboxId = item.outboxId;
            o.campaignId = b.campaignId;
            o.segments = item.segments;
            o.charged = b.charged;
            const int what = int(random.bounded(10));
            if (what < 5) {
                o.kind = Outcome::Kind::Sent;
                o.messageId = u"ATX-%1-%2"_s.arg(item.outboxId).arg(random.bounded(1000000));
                if (random.bounded(3) != 0) {
                    const bool ok = random.bounded(3) != 0;
                    reports.append({o.messageId, ok ? u"Success"_s : u"Failed"_s, item.phone, u"63902"_s,
                                    ok ? QString() : u"UserInBlacklist"_s, clock.nowUtc()});
                }
            } else if (what < 7) {
                o.kind = Outcome::Kind::Retry;
                o.dueAt = clock.nowMs() + qint64(random.bounded(3000));
            } else if (what < 9) {
                o.kind = Outcome::Kind::Failed;
                o.reason = u"Invalid number"_s;
            } else {
                o.kind = Outcome::Kind::Uncertain;
                o.reason = u"No answer"_s;
            }
            outcomes.append(o);
        }
    }
    (void)p.outbox().apply(outcomes);
    (void)p.outbox().applyDeliveryReports(reports);
    (void)p.outbox().finishCampaigns();
}

} // namespace

void randomCampaignChange(Profile &p, const Clock &clock, QRandomGenerator &random)
{
    const QList<qint64> groups = idsOf(p, u"SELECT id FROM groups ORDER BY id"_s);
    const QList<qint64> campaigns = idsOf(p, u"SELECT id FROM campaigns ORDER BY id"_s);
    const int kind = int(random.bounded(100));
    if (kind < 35) {
        CampaignDraft d;
        d.name = u"Notice %1"_s.arg(random.bounded(100));
        d.body = random.bounded(2) ? u"Choir practice on Thursday"_s : u"Hello {first_name|friend}"_s;
        const QList<qint64> contacts = idsOf(p, u"SELECT id FROM contacts ORDER BY id"_s);
        const int whom = int(random.bounded(3));
        if (whom == 0 && !groups.isEmpty()) {
            d.groupIds = {groups[random.bounded(groups.size())]};
        } else if (whom == 1 && !contacts.isEmpty()) {
            for (int i = 0; i < 3; ++i)
                d.contactIds << contacts[random.bounded(contacts.size())];
        } else {
            d.allContacts = true;
        }
        d.gateway = GatewayKind::Simulator;
        d.chargeTokens = false;
        if (random.bounded(4) == 0)
            d.scheduledAt = clock.nowUtc().addSecs(qint64(5 + random.bounded(60)));
        if (const auto launched = p.campaigns().launch(d); !launched && qEnvironmentVariableIsSet("KENGELE_CHAOS_DEBUG"))
            qWarning("launch: %s", qPrintable(launched.error().message));
    } else if (kind < 80) {
        sendDue(p, clock, random);
    } else if (campaigns.isEmpty()) {
        return;
    } else {
        const qint64 id = campaigns[random.bounded(campaigns.size())];
        if (kind < 86)
            (void)p.outbox().cancel(id);
        else if (kind < 93)
            (void)p.outbox().retryFailed(id);
        else
            (void)p.outbox().resendUncertain(id);
    }
}

QByteArray campaignLinksByName(Profile &p)
{
    QSqlQuery q(p.database().connection());
    if (!q.exec(
            u"SELECT c.uid, coalesce(a.name, '-'), coalesce(t.name, '-'), coalesce(r.uid, '-'), "
            "coalesce((SELECT group_concat(x, ',') FROM (SELECT DISTINCT coalesce('g:' || g.name, 'k:' || k.phone) AS x "
            "FROM campaign_targets ct LEFT JOIN groups g ON g.id = ct.group_id LEFT JOIN contacts k ON k.id = ct.contact_id "
            "WHERE ct.campaign_id = c.id ORDER BY 1)), '') "
            "FROM campaigns c LEFT JOIN token_accounts a ON a.id = c.account_id LEFT JOIN templates t ON t.id = c.template_id "
            "LEFT JOIN campaigns r ON r.id = c.parent_id ORDER BY c.uid"_s))
        return "links: " + q.lastError().text().toUtf8();
    QByteArray out;
    while (q.next()) {
        out += "links";
        for (int i = 0; i < 5; ++i)
            out += ' ' + q.value(i).toString().toUtf8();
        out += '\n';
    }
    return out;
}

} // namespace kengele::test
