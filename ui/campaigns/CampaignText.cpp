#include "CampaignText.h"

#include <QLocale>

namespace kengele {

QStringList CampaignText::messageStates()
{
    return { QStringLiteral("queued"), QStringLiteral("submitting"), QStringLiteral("sent"), QStringLiteral("delivered"),
        QStringLiteral("failed"), QStringLiteral("uncertain"), QStringLiteral("cancelled") };
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

} // namespace kengele
