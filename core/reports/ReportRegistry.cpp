// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportRegistry.h"

#include <QMutex>
#include <QMutexLocker>

namespace kengele {

namespace {

// The campaign a reply or an opt-out (alias f with f.phone and the time `at`) answers: the last one
// launched within AttributionDays before it that had a message for that number. Reads only the
// outbox's (phone, campaign_id) index (a number's few entries, no row) and campaigns by id.
QString attributedCampaign(const QString &at)
{
    return QStringLiteral("(SELECT o.campaign_id FROM outbox o JOIN campaigns ac ON ac.id = o.campaign_id "
                          "WHERE o.phone = f.phone AND ac.launched_at BETWEEN %1 - %2 AND %1 "
                          "ORDER BY ac.launched_at DESC LIMIT 1)")
        .arg(at)
        .arg(qint64(ReportRegistry::AttributionDays) * 86400000);
}

} // namespace

const ReportRegistry &ReportRegistry::instance()
{
    // Titles and notes are in the language of the moment, which can change while Kengele runs
    // (Settings → Language rebuilds the window): one registry per language, made when first asked
    // for and kept (so references handed out stay good), on any thread.
    static QMutex mutex;
    static QHash<QString, const ReportRegistry *> registries;
    const QString language = tr("Sent");
    const QMutexLocker locker(&mutex);
    const ReportRegistry *&registry = registries[language];
    if (!registry)
        registry = new ReportRegistry; // never deleted: the pages and workers hold references
    return *registry;
}

QString ReportRegistry::sentStates()
{
    return QStringLiteral("('sent', 'delivered', 'failed', 'uncertain')");
}

ReportRegistry::ReportRegistry()
{
    m_dimensions = {
        {QStringLiteral("day"), tr("Day"), DimensionKind::Time},
        {QStringLiteral("week"), tr("Week"), DimensionKind::Time},
        {QStringLiteral("month"), tr("Month"), DimensionKind::Time},
        {QStringLiteral("campaign"), tr("Campaign"), DimensionKind::Id},
        {QStringLiteral("group"), tr("Group"), DimensionKind::Id},
        {QStringLiteral("network"), tr("Network"), DimensionKind::Text},
        {QStringLiteral("reason"), tr("Reason"), DimensionKind::Text},
        {QStringLiteral("state"), tr("State"), DimensionKind::Text},
        {QStringLiteral("department"), tr("Department"), DimensionKind::Id},
    };
    addSources();
    addMeasures();
}

void ReportRegistry::addSources()
{
    // The outbox summed by hour (message_stats, Migrations.cpp version 12): never the outbox itself.
    ReportSource messages{QStringLiteral("messages"),
                          QStringLiteral("message_stats f"),
                          QStringLiteral("f.hour"),
                          QStringLiteral("f.hour * 3600"),
                          3600000,
                          {}};
    messages.dimensions = {
        {QStringLiteral("campaign"), {QStringLiteral("f.campaign_id"), {}, {}}},
        {QStringLiteral("group"),
         {QStringLiteral("gt.group_id"),
          QStringLiteral("JOIN campaign_targets gt ON gt.campaign_id = f.campaign_id AND gt.group_id IS NOT NULL"),
          QStringLiteral("f.campaign_id IN (SELECT campaign_id FROM campaign_targets WHERE group_id = ?)")}},
        {QStringLiteral("network"), {QStringLiteral("f.network"), {}, {}}},
        {QStringLiteral("reason"), {QStringLiteral("f.reason"), {}, {}}},
        {QStringLiteral("state"), {QStringLiteral("f.state"), {}, {}}},
        {QStringLiteral("department"),
         {QStringLiteral("dc.account_id"), QStringLiteral("JOIN campaigns dc ON dc.id = f.campaign_id"),
          QStringLiteral("f.campaign_id IN (SELECT id FROM campaigns WHERE account_id = ?)")}},
    };
    // Messages that came in: every one (inbound), or only those left for the inbox (replies).
    ReportSource inbox{QStringLiteral("inbox"),
                       QStringLiteral("inbox f"),
                       QStringLiteral("f.received_at"),
                       QStringLiteral("f.received_at / 1000"),
                       1,
                       {}};
    inbox.dimensions = {
        // Worked out when the message was stored (inbox.campaign_id, schema 13), as
        // attributedCampaign() would.
        {QStringLiteral("campaign"), {QStringLiteral("f.campaign_id"), {}, {}}},
        {QStringLiteral("group"),
         {QStringLiteral("gm.group_id"), QStringLiteral("JOIN group_members gm ON gm.contact_id = f.contact_id"),
          QStringLiteral("f.contact_id IN (SELECT contact_id FROM group_members WHERE group_id = ?)")}},
    };
    // Opt-outs: those in force (opt_outs) and those since ended by an opt-in (opt_ins keeps when
    // they were made).
    ReportSource optOuts{QStringLiteral("optouts"),
                         QStringLiteral("(SELECT phone, created_at AS at FROM opt_outs UNION ALL "
                                        "SELECT phone, opted_out_at AS at FROM opt_ins WHERE opted_out_at IS NOT NULL) f"),
                         QStringLiteral("f.at"),
                         QStringLiteral("f.at / 1000"),
                         1,
                         {}};
    optOuts.dimensions = {{QStringLiteral("campaign"), {attributedCampaign(QStringLiteral("f.at")), {}, {}}}};
    // Tokens spent, by the budget (department) that paid, per hour (token_spend_hours, version 7).
    ReportSource tokens{QStringLiteral("tokens"),
                        QStringLiteral("token_spend_hours f"),
                        QStringLiteral("f.hour"),
                        QStringLiteral("f.hour * 3600"),
                        3600000,
                        {}};
    tokens.dimensions = {{QStringLiteral("department"), {QStringLiteral("f.account_id"), {}, {}}}};
    ReportSource contacts{QStringLiteral("contacts"),
                          QStringLiteral("contacts f"),
                          QStringLiteral("f.created_at"),
                          QStringLiteral("f.created_at / 1000"),
                          1,
                          {}};
    contacts.dimensions = {
        {QStringLiteral("group"),
         {QStringLiteral("gm.group_id"), QStringLiteral("JOIN group_members gm ON gm.contact_id = f.id"),
          QStringLiteral("f.id IN (SELECT contact_id FROM group_members WHERE group_id = ?)")}},
    };
    m_sources = {messages, inbox, optOuts, tokens, contacts};
}

void ReportRegistry::addMeasures()
{
    const QStringList time = {QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month")};
    const QStringList messageDimensions
        = time + QStringList{QStringLiteral("campaign"), QStringLiteral("group"), QStringLiteral("network"),
                             QStringLiteral("reason"),   QStringLiteral("state"), QStringLiteral("department")};
    const QString sent = QStringLiteral("f.state IN ") + sentStates();
    const QString delivered = QStringLiteral("sum(CASE WHEN f.state = 'delivered' THEN f.messages ELSE 0 END)");
    using Kind = ReportColumn::Kind;
    m_measures = {
        {QStringLiteral("sent"), tr("Sent"), QStringLiteral("messages"), QStringLiteral("sum(f.messages)"), sent, Kind::Count,
         messageDimensions, tr("Messages that left Kengele: sent, delivered, failed or without a report.")},
        {QStringLiteral("delivered"), tr("Delivered"), QStringLiteral("messages"), QStringLiteral("sum(f.messages)"),
         QStringLiteral("f.state = 'delivered'"), Kind::Count, messageDimensions, tr("Messages a delivery report confirmed.")},
        {QStringLiteral("failed"), tr("Failed"), QStringLiteral("messages"), QStringLiteral("sum(f.messages)"),
         QStringLiteral("f.state = 'failed'"), Kind::Count, messageDimensions,
         tr("Messages the provider refused or could not deliver.")},
        {QStringLiteral("uncertain"), tr("Without a report"), QStringLiteral("messages"), QStringLiteral("sum(f.messages)"),
         QStringLiteral("f.state = 'uncertain'"), Kind::Count, messageDimensions,
         tr("Messages Kengele sent but never heard back about.")},
        {QStringLiteral("delivery_rate"), tr("Delivery rate"), QStringLiteral("messages"),
         QStringLiteral("round(100.0 * %1 / nullif(sum(f.messages), 0), 1)").arg(delivered), sent, Kind::Percent,
         messageDimensions, tr("Delivered, out of the messages sent.")},
        {QStringLiteral("segments"), tr("SMS parts"), QStringLiteral("messages"), QStringLiteral("sum(f.segments)"), sent,
         Kind::Count, messageDimensions, tr("The SMS parts of the messages sent.")},
        {QStringLiteral("cost"), tr("Cost"), QStringLiteral("messages"), QStringLiteral("sum(f.cost_e4) / 10000.0"), sent,
         Kind::Money, messageDimensions, tr("What the provider reported the messages cost, in shillings.")},
        {QStringLiteral("cost_per_delivered"), tr("Cost per delivered message"), QStringLiteral("messages"),
         QStringLiteral("round(sum(f.cost_e4) / 10000.0 / nullif(%1, 0), 2)").arg(delivered), sent, Kind::Money,
         messageDimensions, tr("What the messages cost, divided by those delivered.")},
        {QStringLiteral("replies"), tr("Replies"), QStringLiteral("inbox"), QStringLiteral("count(*)"),
         QStringLiteral("f.handled_as = 'inbox'"), Kind::Count,
         time + QStringList{QStringLiteral("campaign"), QStringLiteral("group")},
         tr("Messages that came in for the inbox (not opt-outs or prayer requests). By campaign: the last campaign "
            "launched within %n day(s) before that had a message for that number.",
            nullptr, AttributionDays)},
        {QStringLiteral("inbound"), tr("Messages received"), QStringLiteral("inbox"), QStringLiteral("count(*)"), QString(),
         Kind::Count, time + QStringList{QStringLiteral("campaign"), QStringLiteral("group")},
         tr("Every message that came in, opt-outs and prayer requests included.")},
        {QStringLiteral("opt_outs"), tr("Opt-outs"), QStringLiteral("optouts"), QStringLiteral("count(*)"), QString(),
         Kind::Count, time + QStringList{QStringLiteral("campaign")},
         tr("Numbers that asked for no more SMS, including those allowed again since. By campaign: the last campaign "
            "launched within %n day(s) before that had a message for that number.",
            nullptr, AttributionDays)},
        {QStringLiteral("tokens"), tr("Tokens used"), QStringLiteral("tokens"), QStringLiteral("sum(f.tokens)"), QString(),
         Kind::Count, time + QStringList{QStringLiteral("department")}, tr("Tokens spent on messages, by the budget that paid.")},
        {QStringLiteral("contacts_added"), tr("Contacts added"), QStringLiteral("contacts"), QStringLiteral("count(*)"),
         QString(), Kind::Count, time + QStringList{QStringLiteral("group")},
         tr("Contacts created in the period (by hand or imported).")},
        // Numbers, not messages: worked out by ReportRunner from the outbox of the campaigns the
        // summary names (source "numbers"); they take no grouping.
        {QStringLiteral("active_numbers"),
         tr("Active numbers"),
         QStringLiteral("numbers"),
         QString(),
         QString(),
         Kind::Count,
         {},
         tr("Numbers delivered to within the %n day(s) before the period's end.", nullptr, ActiveDays)},
        {QStringLiteral("stopped_numbers"),
         tr("Numbers that stopped delivering"),
         QStringLiteral("numbers"),
         QString(),
         QString(),
         Kind::Count,
         {},
         tr("Numbers whose messages failed in the period and were delivered to before it, but not since.")},
    };
}

const ReportMeasure *ReportRegistry::measure(const QString &key) const
{
    for (const ReportMeasure &measure : m_measures) {
        if (measure.key == key)
            return &measure;
    }
    return nullptr;
}

const ReportDimension *ReportRegistry::dimension(const QString &key) const
{
    for (const ReportDimension &dimension : m_dimensions) {
        if (dimension.key == key)
            return &dimension;
    }
    return nullptr;
}

const ReportSource *ReportRegistry::source(const QString &key) const
{
    for (const ReportSource &source : m_sources) {
        if (source.key == key)
            return &source;
    }
    return nullptr;
}

} // namespace kengele
