// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignCommand.h"

#include "ForegroundDispatch.h"
#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "campaigns/QuietHours.h"
#include "common/Clock.h"
#include "contacts/GroupService.h"
#include "profile/Profile.h"
#include "settings/Settings.h"
#include "sync/FeatureLocks.h"
#include "templates/TemplateService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <optional>

namespace kengele {

namespace {

std::optional<Priority> priorityFromName(const QString &name)
{
    if (name == QStringLiteral("low"))
        return Priority::Low;
    if (name == QStringLiteral("normal"))
        return Priority::Normal;
    if (name == QStringLiteral("high"))
        return Priority::High;
    if (name == QStringLiteral("urgent"))
        return Priority::Urgent;
    return std::nullopt;
}

// The message counts by state under their words (docs/cli.md), in the order of the words: the
// order `campaign status` has always printed them in.
QMap<QString, int> statesByText(const Campaign &c)
{
    QMap<QString, int> states;
    for (auto it = c.states.cbegin(); it != c.states.cend(); ++it)
        states.insert(toText(it.key()), it.value());
    return states;
}

QJsonObject campaignJson(const Campaign &c)
{
    QJsonObject states;
    const QMap<QString, int> counts = statesByText(c);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        states.insert(it.key(), it.value());
    QJsonObject json{{QStringLiteral("id"), c.id},
                     {QStringLiteral("status"), toText(c.status)},
                     {QStringLiteral("recipients"), c.recipients},
                     {QStringLiteral("segments"), c.segments},
                     {QStringLiteral("tokens"), c.tokens},
                     {QStringLiteral("states"), states}};
    if (c.isRepeating()) {
        json.insert(QStringLiteral("repeat"), c.recurrence.rule());
        json.insert(QStringLiteral("until"), c.repeatUntil.toLocalTime().date().toString(Qt::ISODate));
        json.insert(QStringLiteral("next"), c.status == CampaignStatus::Done ? QString() : c.scheduledAt.toString(Qt::ISODate));
    }
    if (c.parentId > 0)
        json.insert(QStringLiteral("repeat_of"), c.parentId);
    if (!c.statusReason.isEmpty())
        json.insert(QStringLiteral("reason"), c.statusReason);
    return json;
}

} // namespace

int CampaignCommand::printCampaign(qint64 id)
{
    const auto campaign = m_cli.profile().campaigns().get(id);
    if (!campaign)
        return m_cli.failed(campaign.error());
    if (m_cli.json()) {
        m_cli.printJson(campaignJson(*campaign));
        return Done;
    }
    m_cli.out()
        << tr("Campaign %1 “%2”: %3").arg(campaign->id).arg(campaign->name, toText(campaign->status)) << '\n'
        << tr("  %1 recipients, %2 SMS parts, %3 tokens").arg(campaign->recipients).arg(campaign->segments).arg(campaign->tokens)
        << '\n';
    const QMap<QString, int> states = statesByText(*campaign);
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        if (it.value() > 0)
            m_cli.out() << QStringLiteral("  %1: %2").arg(it.key()).arg(it.value()) << '\n';
    }
    if (campaign->isRepeating()) {
        m_cli.out() << tr("  Repeats %1 until %2")
                           .arg(campaign->recurrence.describe(),
                                QLocale().toString(campaign->repeatUntil.toLocalTime().date(), QLocale::ShortFormat))
                    << '\n';
        if (campaign->status == CampaignStatus::Recurring)
            m_cli.out() << tr("  Next: %1").arg(QLocale().toString(campaign->scheduledAt.toLocalTime(), QLocale::ShortFormat))
                        << '\n';
    }
    if (!campaign->statusReason.isEmpty())
        m_cli.out() << tr("  Why: %1").arg(campaign->statusReason) << '\n';
    m_cli.out().flush();
    return Done;
}

int CampaignCommand::applyDraftOptions(CampaignDraft &draft, bool editing)
{
    if (m_cli.args().has(QStringLiteral("text")) && m_cli.args().has(QStringLiteral("template")))
        return m_cli.usage(tr("Give the message with either --text \"...\" or --template NAME, not both."));
    if (m_cli.args().has(QStringLiteral("priority"))) {
        const auto priority = priorityFromName(m_cli.args().value(QStringLiteral("priority")));
        if (!priority)
            return m_cli.usage(tr("Choose --priority low, normal, high or urgent."));
        draft.priority = *priority;
    }
    if (m_cli.args().has(QStringLiteral("at"))) {
        draft.scheduledAt = QDateTime::fromString(m_cli.args().value(QStringLiteral("at")), Qt::ISODate);
        if (!draft.scheduledAt.isValid())
            return m_cli.usage(tr("Write the time as ISO 8601, e.g. --at 2026-12-24T08:00 (local time) or 2026-12-24T05:00Z."));
    }
    if (m_cli.args().has(QStringLiteral("once")) && m_cli.args().has(QStringLiteral("repeat")))
        return m_cli.usage(tr("Give either --repeat or --once, not both."));
    if (m_cli.args().has(QStringLiteral("once"))) {
        draft.recurrence = Recurrence();
        draft.repeatUntil = QDate();
    }
    const QDate startDay = (draft.scheduledAt.isValid() ? draft.scheduledAt : m_cli.clock().nowUtc()).toLocalTime().date();
    if (m_cli.args().has(QStringLiteral("repeat"))) {
        const QString repeat = m_cli.args().value(QStringLiteral("repeat"));
        if (repeat == QStringLiteral("daily")) {
            draft.recurrence = Recurrence::daily();
        } else if (repeat == QStringLiteral("weekly")) {
            draft.recurrence = Recurrence::weekly({startDay.dayOfWeek()});
        } else if (repeat == QStringLiteral("monthly")) {
            draft.recurrence = Recurrence::monthly(startDay.day());
        } else {
            return m_cli.usage(tr("Choose --repeat daily, weekly or monthly."));
        }
    }
    if (m_cli.args().has(QStringLiteral("on"))) {
        if (draft.recurrence.frequency() != Recurrence::Frequency::Weekly)
            return m_cli.usage(tr("--on chooses the days of a weekly message: --repeat weekly --on sun,wed"));
        static const QStringList Days
            = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
               QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
        QList<int> days;
        for (const QString &day : m_cli.args().value(QStringLiteral("on")).toLower().split(u',', Qt::SkipEmptyParts)) {
            const qsizetype index = Days.indexOf(day.trimmed().left(3));
            if (index < 0)
                return m_cli.usage(tr("“%1” is not a day. Write the days like --on sun,wed").arg(day));
            days.append(int(index) + 1);
        }
        draft.recurrence = Recurrence::weekly(days);
    }
    if (m_cli.args().has(QStringLiteral("until"))) {
        draft.repeatUntil = QDate::fromString(m_cli.args().value(QStringLiteral("until")), Qt::ISODate);
        if (!draft.repeatUntil.isValid())
            return m_cli.usage(tr("Write the last day as a date, e.g. --until 2026-12-31"));
        if (!draft.recurrence.isRepeating())
            return m_cli.usage(tr("--until is the last day of a repeating message: add --repeat daily, weekly or monthly."));
    }
    if (m_cli.args().has(QStringLiteral("group"))) {
        draft.groupIds.clear();
        if (editing)
            draft.contactIds.clear();
        for (const QString &name : m_cli.args().values(QStringLiteral("group"))) {
            const auto group = m_cli.profile().groups().findByName(name);
            if (!group)
                return m_cli.failed(group.error());
            draft.groupIds.append(group->id);
        }
    }
    if (m_cli.args().has(QStringLiteral("template"))) {
        const auto found = m_cli.profile().templates().findByName(m_cli.args().value(QStringLiteral("template")));
        if (!found)
            return m_cli.failed(found.error());
        draft.body = found->body;
        draft.templateId = found->id;
        if (!editing)
            draft.name = found->name;
    } else if (m_cli.args().has(QStringLiteral("text"))) {
        draft.body = m_cli.args().value(QStringLiteral("text"));
        draft.templateId = 0;
    }
    if (m_cli.args().has(QStringLiteral("name")))
        draft.name = m_cli.args().value(QStringLiteral("name"));
    if (m_cli.args().has(QStringLiteral("account")))
        draft.accountName = m_cli.args().value(QStringLiteral("account"));
    return Done;
}

int CampaignCommand::send()
{
    if (!m_cli.allowOnly({QStringLiteral("group"), QStringLiteral("text"), QStringLiteral("template"), QStringLiteral("name"),
                          QStringLiteral("at"), QStringLiteral("priority"), QStringLiteral("rate"), QStringLiteral("no-wait"),
                          QStringLiteral("account"), QStringLiteral("repeat"), QStringLiteral("on"), QStringLiteral("until")}))
        return BadUsage;
    if (m_cli.args().values(QStringLiteral("group")).isEmpty())
        return m_cli.usage(tr("Choose who gets the message: --group NAME (several --group options are allowed)."));
    if (m_cli.args().has(QStringLiteral("text")) == m_cli.args().has(QStringLiteral("template")))
        return m_cli.usage(tr("Give the message with either --text \"...\" or --template NAME."));
    if (m_cli.args().has(QStringLiteral("repeat")) && !m_cli.args().has(QStringLiteral("until")))
        return m_cli.usage(tr("A repeating message needs an end date: add --until YYYY-MM-DD (the last day it may go)."));
    double rate = 0;
    if (const int code = m_cli.readRate(rate); code != Done)
        return code;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status allowed = m_cli.profile().features().check(PlanFeature::Automation); !allowed)
        return m_cli.failed(allowed.error());
    CampaignDraft draft;
    if (const int code = applyDraftOptions(draft, false); code != Done)
        return code;
    Settings &settings = m_cli.profile().settings();
    draft.gateway = settings.gatewayProvider();
    draft.senderId = settings.gatewaySenderId();
    draft.chargeTokens = draft.gateway != GatewayKind::Simulator;
    const auto preview = m_cli.profile().campaigns().preview(draft);
    if (!preview)
        return m_cli.failed(preview.error());
    for (const QString &warning : preview->warnings)
        m_cli.err() << warning << Qt::endl;
    if (draft.gateway == GatewayKind::Simulator)
        m_cli.err() << tr("Practice mode — no SMS leaves this computer.") << Qt::endl;
    const QuietHours quiet{settings.quietHoursStart(), settings.quietHoursEnd()};
    const QDateTime sendTime = (preview->firstOccurrence.isValid() ? preview->firstOccurrence
                                    : draft.scheduledAt.isValid()  ? draft.scheduledAt
                                                                   : m_cli.clock().nowUtc())
                                   .toLocalTime();
    if (draft.priority != Priority::Urgent && quiet.isQuiet(sendTime)) {
        m_cli.err() << tr("Quiet hours (%1–%2): the messages wait until %2. Only --priority urgent goes out now.")
                           .arg(quiet.start.toString(QStringLiteral("HH:mm")), quiet.end.toString(QStringLiteral("HH:mm")))
                    << Qt::endl;
    }
    if (draft.recurrence.isRepeating()) {
        m_cli.err() << tr("Repeats %1 until %2: %n message(s), the first on %3. Each one is counted and paid when it goes.",
                          nullptr, preview->occurrences)
                           .arg(draft.recurrence.describe(), QLocale().toString(draft.repeatUntil, QLocale::ShortFormat),
                                QLocale().toString(preview->firstOccurrence.toLocalTime(), QLocale::ShortFormat))
                    << Qt::endl;
    }
    const auto launched = m_cli.profile().campaigns().launch(draft, qEnvironmentVariable("USER"));
    if (!launched)
        return m_cli.failed(launched.error());
    if (!m_cli.args().has(QStringLiteral("no-wait"))) {
        // A repeating campaign whose first occurrence is now goes now.
        if (draft.recurrence.isRepeating()) {
            if (const auto occurrences = m_cli.profile().campaigns().launchDueOccurrences(qEnvironmentVariable("USER"));
                !occurrences)
                return m_cli.failed(occurrences.error());
        }
        if (const int code = ForegroundDispatch(m_cli).run(rate, m_cli.args().has(QStringLiteral("rate"))); code != Done)
            return code;
    }
    return printCampaign(launched->id);
}

int CampaignCommand::edit(qint64 id)
{
    auto draft = m_cli.profile().campaigns().draft(id);
    if (!draft)
        return m_cli.failed(draft.error());
    if (const int code = applyDraftOptions(*draft, true); code != Done)
        return code;
    if (draft->recurrence.isRepeating() && !draft->repeatUntil.isValid())
        return m_cli.usage(tr("A repeating message needs an end date: add --until YYYY-MM-DD (the last day it may go)."));
    const auto changed = m_cli.profile().campaigns().update(id, *draft, qEnvironmentVariable("USER"));
    if (!changed)
        return m_cli.failed(changed.error());
    return printCampaign(id);
}

int CampaignCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("send") && words.size() == 1)
        return send();
    if (sub == QStringLiteral("run") && words.size() == 1) {
        if (!m_cli.allowOnly({QStringLiteral("rate")}))
            return BadUsage;
        double rate = 0;
        if (const int code = m_cli.readRate(rate); code != Done)
            return code;
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        if (Status allowed = m_cli.profile().features().check(PlanFeature::Automation); !allowed)
            return m_cli.failed(allowed.error());
        // Occurrences of repeating campaigns due by now are launched first (or recorded as skipped).
        const auto occurrences = m_cli.profile().campaigns().launchDueOccurrences(qEnvironmentVariable("USER"));
        if (!occurrences)
            return m_cli.failed(occurrences.error());
        if (!occurrences->isEmpty())
            m_cli.err() << tr("%n repeating message(s) launched.", nullptr, int(occurrences->size())) << Qt::endl;
        const int code = ForegroundDispatch(m_cli).run(rate, m_cli.args().has(QStringLiteral("rate")));
        if (code == Done && m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("done"), true}});
        return code;
    }
    if (sub == QStringLiteral("list") && words.size() == 1) {
        if (!m_cli.allowOnly({}))
            return BadUsage;
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        const auto list = m_cli.profile().campaigns().list();
        if (!list)
            return m_cli.failed(list.error());
        QJsonArray array;
        for (const Campaign &c : *list) {
            array.append(QJsonObject{
                {QStringLiteral("id"), c.id},
                {QStringLiteral("name"), c.name},
                {QStringLiteral("status"), toText(c.status)},
                {QStringLiteral("scheduled"), c.scheduledAt.isValid() ? c.scheduledAt.toString(Qt::ISODate) : QString()},
                {QStringLiteral("recipients"), c.recipients},
                {QStringLiteral("repeat"), c.recurrence.rule()}});
            if (!m_cli.json())
                m_cli.out()
                    << QStringLiteral("%1  %2  %3  %4").arg(c.id, 4).arg(toText(c.status), -10).arg(c.recipients, 7).arg(c.name)
                    << '\n';
        }
        if (m_cli.json())
            m_cli.printJson(array);
        m_cli.out().flush();
        return Done;
    }
    const QStringList withId = {QStringLiteral("status"), QStringLiteral("resend-uncertain"),
                                QStringLiteral("cancel"), QStringLiteral("recipients"),
                                QStringLiteral("edit"),   QStringLiteral("pause"),
                                QStringLiteral("resume")};
    if (withId.contains(sub)) {
        const QStringList editOptions
            = {QStringLiteral("group"), QStringLiteral("text"),     QStringLiteral("template"), QStringLiteral("name"),
               QStringLiteral("at"),    QStringLiteral("priority"), QStringLiteral("account"),  QStringLiteral("repeat"),
               QStringLiteral("on"),    QStringLiteral("until"),    QStringLiteral("once")};
        if (!m_cli.allowOnly(sub == QStringLiteral("recipients") ? QStringList{QStringLiteral("state")}
                                 : sub == QStringLiteral("edit") ? editOptions
                                                                 : QStringList{}))
            return BadUsage;
        bool ok = false;
        const qint64 id = words.value(1).toLongLong(&ok);
        if (words.size() != 2 || !ok)
            return m_cli.usage(tr("Give the campaign's number: campaign %1 ID").arg(sub));
        if (Status opened = m_cli.openProfile(); !opened)
            return m_cli.failed(opened.error());
        const Result<Campaign> campaign = m_cli.profile().campaigns().get(id);
        if (!campaign)
            return m_cli.failed(campaign.error());
        if (sub == QStringLiteral("status"))
            return printCampaign(id);
        if (sub == QStringLiteral("edit"))
            return edit(id);
        if (sub == QStringLiteral("pause") || sub == QStringLiteral("resume")) {
            const bool pause = sub == QStringLiteral("pause");
            Status done;
            if (campaign->isRepeating()) {
                done = pause ? m_cli.profile().campaigns().pauseRepeating(id) : m_cli.profile().campaigns().resumeRepeating(id);
            } else {
                OutboxStore &outbox = m_cli.profile().outbox();
                done = pause ? outbox.pause(id, tr("You paused it.")) : outbox.resume(id);
            }
            if (!done)
                return m_cli.failed(done.error());
            return printCampaign(id);
        }
        if (sub == QStringLiteral("recipients")) {
            const QString stateText = m_cli.args().value(QStringLiteral("state"));
            const std::optional<MessageState> state = messageStateFromText(stateText);
            // No --state: every message. A word that names no state matches no message, as it
            // always has (the word used to go to the database as it was).
            const auto rows = !stateText.isEmpty() && !state
                ? Result<QList<OutboxRow>>()
                : m_cli.profile().campaigns().recipients(id, state, 0, std::numeric_limits<int>::max());
            if (!rows)
                return m_cli.failed(rows.error());
            QJsonArray array;
            for (const OutboxRow &r : *rows) {
                array.append(QJsonObject{{QStringLiteral("phone"), r.phone},
                                         {QStringLiteral("name"), r.name},
                                         {QStringLiteral("state"), toText(r.state)},
                                         {QStringLiteral("reason"), r.reason},
                                         {QStringLiteral("message_id"), r.messageId},
                                         {QStringLiteral("segments"), r.segments}});
                if (!m_cli.json())
                    m_cli.out() << QStringLiteral("%1  %2  %3  %4")
                                       .arg(r.phone, -14)
                                       .arg(toText(r.state), -10)
                                       .arg(r.name, -24)
                                       .arg(r.reason)
                                << '\n';
            }
            if (m_cli.json())
                m_cli.printJson(array);
            m_cli.out().flush();
            return Done;
        }
        OutboxStore &outbox = m_cli.profile().outbox();
        const Result<int> changed = sub == QStringLiteral("cancel") ? outbox.cancel(id) : outbox.resendUncertain(id);
        if (!changed)
            return m_cli.failed(changed.error());
        if (sub == QStringLiteral("resend-uncertain")) {
            m_cli.err() << tr("%1 uncertain messages queued again.").arg(*changed) << Qt::endl;
            if (const int code = ForegroundDispatch(m_cli).run(0, false); code != Done)
                return code;
        } else {
            m_cli.err() << tr("%1 messages cancelled; their tokens are back in the budget.").arg(*changed) << Qt::endl;
        }
        return printCampaign(id);
    }
    return m_cli.usage(tr("Use one of: campaign send, run, status ID, list, recipients ID, edit ID, pause ID, resume ID, "
                          "resend-uncertain ID, cancel ID."));
}

} // namespace kengele
