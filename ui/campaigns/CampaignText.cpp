// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignText.h"

#include <QLocale>

namespace kengele {

QStringList CampaignText::messageStates()
{
    return {QStringLiteral("queued"), QStringLiteral("submitting"), QStringLiteral("sent"),     QStringLiteral("delivered"),
            QStringLiteral("failed"), QStringLiteral("uncertain"),  QStringLiteral("cancelled")};
}

QString CampaignText::messageState(const QString &state)
{
    if (state == QStringLiteral("queued"))
        return tr("Waiting");
    if (state == QStringLiteral("submitting"))
        return tr("Sending");
    if (state == QStringLiteral("sent"))
        return tr("Sent");
    if (state == QStringLiteral("delivered"))
        return tr("Delivered");
    if (state == QStringLiteral("failed"))
        return tr("Failed");
    if (state == QStringLiteral("uncertain"))
        return tr("Not sure");
    if (state == QStringLiteral("cancelled"))
        return tr("Cancelled");
    return state;
}

QString CampaignText::messageStateHelp(const QString &state)
{
    if (state == QStringLiteral("queued"))
        return tr("Waiting its turn to be sent.");
    if (state == QStringLiteral("submitting"))
        return tr("Being handed to the SMS gateway right now.");
    if (state == QStringLiteral("sent"))
        return tr("The SMS gateway took the message; the phone has not confirmed it yet.");
    if (state == QStringLiteral("delivered"))
        return tr("The phone received the message.");
    if (state == QStringLiteral("failed"))
        return tr("The message could not be delivered; the reason says why. Its tokens were given back.");
    if (state == QStringLiteral("uncertain"))
        return tr("The connection broke while the message was being sent, so it may or may not have gone out. "
                  "Kengele never sends it again by itself, so nobody gets it twice.");
    if (state == QStringLiteral("cancelled"))
        return tr("Not sent, because the campaign was cancelled or the person stopped messages.");
    return {};
}

QString CampaignText::campaignStatus(const QString &status)
{
    if (status == QStringLiteral("scheduled"))
        return tr("Scheduled");
    if (status == QStringLiteral("queued"))
        return tr("Waiting to send");
    if (status == QStringLiteral("sending"))
        return tr("Sending");
    if (status == QStringLiteral("paused"))
        return tr("Paused");
    if (status == QStringLiteral("done"))
        return tr("Finished");
    if (status == QStringLiteral("cancelled"))
        return tr("Cancelled");
    if (status == QStringLiteral("recurring"))
        return tr("Repeats");
    if (status == QStringLiteral("skipped"))
        return tr("Skipped");
    return status;
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
    return tr("Simulation — no SMS leaves this computer");
}

QString CampaignText::gateway(const QString &gateway)
{
    if (isSimulation(gateway))
        return simulationLabel();
    if (gateway == QStringLiteral("africastalking"))
        return tr("Africa's Talking");
    return gateway;
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

} // namespace kengele
