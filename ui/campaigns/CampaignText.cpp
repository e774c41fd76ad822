// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignText.h"

#include "campaigns/CampaignService.h"

#include <QLocale>

namespace kengele {

QString CampaignText::messageState(MessageState state)
{
    switch (state) {
    case MessageState::Queued:
        return tr("Waiting");
    case MessageState::Submitting:
        return tr("Sending");
    case MessageState::Sent:
        return tr("Sent");
    case MessageState::Delivered:
        return tr("Delivered");
    case MessageState::Failed:
        return tr("Failed");
    case MessageState::Uncertain:
        return tr("No report yet");
    case MessageState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString CampaignText::messagesInState(MessageState state)
{
    switch (state) {
    case MessageState::Queued:
        return tr("Waiting", "messages");
    case MessageState::Submitting:
        return tr("Sending", "messages");
    case MessageState::Sent:
        return tr("Sent", "messages");
    case MessageState::Delivered:
        return tr("Delivered", "messages");
    case MessageState::Failed:
        return tr("Failed", "messages");
    case MessageState::Uncertain:
        return tr("No report yet", "messages");
    case MessageState::Cancelled:
        return tr("Cancelled", "messages");
    }
    return {};
}

QString CampaignText::messageStateHelp(MessageState state)
{
    switch (state) {
    case MessageState::Queued:
        return tr("Waiting its turn to be sent.");
    case MessageState::Submitting:
        return tr("Being handed to the SMS provider right now.");
    case MessageState::Sent:
        return tr("The SMS provider took the message; no delivery report has come from the phone yet.");
    case MessageState::Delivered:
        return tr("The phone received the message.");
    case MessageState::Failed:
        return tr("The message could not be delivered; the reason says why. Its tokens were given back.");
    case MessageState::Uncertain:
        return tr("No delivery report yet: Kengele sent it but never heard back, so it may or may not have gone out. "
                  "Kengele never sends it again by itself, so nobody gets it twice.");
    case MessageState::Cancelled:
        return tr("Not sent, because sending was cancelled or the person opted out.");
    }
    return {};
}

QString CampaignText::campaignStatus(CampaignStatus status)
{
    switch (status) {
    case CampaignStatus::Scheduled:
        return tr("Scheduled");
    case CampaignStatus::Queued:
        return tr("Waiting to send");
    case CampaignStatus::Sending:
        return tr("Sending");
    case CampaignStatus::Paused:
        return tr("Paused");
    case CampaignStatus::Done:
        return tr("Finished");
    case CampaignStatus::Cancelled:
        return tr("Cancelled");
    case CampaignStatus::Recurring:
        return tr("Repeats");
    case CampaignStatus::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString CampaignText::priority(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return tr("Low");
    case Priority::Normal:
        return tr("Normal");
    case Priority::High:
        return tr("High");
    case Priority::Urgent:
        return tr("Urgent");
    }
    return {};
}

QString CampaignText::simulationLabel()
{
    return tr("Practice mode — no SMS leaves this computer");
}

QString CampaignText::gateway(GatewayKind gateway)
{
    switch (gateway) {
    case GatewayKind::Simulator:
        return simulationLabel();
    case GatewayKind::AfricasTalking:
        return tr("Africa's Talking");
    }
    return {};
}

QString CampaignText::money(const MessageCost &cost)
{
    const QString amount = QLocale().toString(double(cost.tenThousandths) / 10'000.0, 'f', 2);
    // "KES 32.00": the currency first, as on a Kenyan receipt in either language.
    return cost.currency.isEmpty() ? amount : cost.currency + u' ' + amount;
}

QString CampaignText::money(const QString &reported)
{
    const std::optional<MessageCost> cost = CampaignService::parseCost(reported);
    return cost ? money(*cost) : reported;
}

QString CampaignText::number(qint64 value)
{
    return QLocale().toString(value);
}

QString CampaignText::localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString CampaignText::day(const QDate &date)
{
    if (!date.isValid())
        return {};
    return QLocale().toString(date, QStringLiteral("d MMM yyyy"));
}

QString CampaignText::dayAndTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    const QString date = locale.toString(local.date(),
                                         local.date().year() == QDate::currentDate().year() ? QStringLiteral("ddd d MMM")
                                                                                            : QStringLiteral("ddd d MMM yyyy"));
    //: A day and a time: "Sun 7 Dec 10:00"
    return tr("%1 %2").arg(date, locale.toString(local.time(), QLocale::ShortFormat));
}

QString CampaignText::shortDayAndTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    const QLocale locale;
    const QString date = locale.toString(local.date(),
                                         local.date().year() == QDate::currentDate().year() ? QStringLiteral("d MMM")
                                                                                            : QStringLiteral("d MMM yyyy"));
    //: A day and a time: "Sun 7 Dec 10:00"
    return tr("%1 %2").arg(date, locale.toString(local.time(), QLocale::ShortFormat));
}

QString CampaignText::repeats(const Recurrence &recurrence, const QDate &until)
{
    if (!recurrence.isRepeating())
        return {};
    //: "Repeats every week on Sunday until 31 Mar 2027"; %1 is the rule, %2 the last day
    return tr("Repeats %1 until %2").arg(recurrence.describe(), day(until));
}

QString CampaignText::repeats(const Campaign &campaign)
{
    return repeats(campaign.recurrence, campaign.repeatUntil.isValid() ? campaign.repeatUntil.toLocalTime().date() : QDate());
}

QString CampaignText::repeatProgress(const Campaign &campaign)
{
    switch (campaign.status) {
    case CampaignStatus::Recurring:
        return tr("Next time: %1.").arg(dayAndTime(campaign.scheduledAt));
    case CampaignStatus::Cancelled:
        return tr("Cancelled: no more times go.");
    case CampaignStatus::Done:
        return tr("The last time has gone.");
    case CampaignStatus::Scheduled:
    case CampaignStatus::Queued:
    case CampaignStatus::Sending:
    case CampaignStatus::Paused:
    case CampaignStatus::Skipped:
        break;
    }
    return {};
}

} // namespace kengele
