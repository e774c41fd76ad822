// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InboxText.h"

namespace kengele {

const QString InboxText::Message = QStringLiteral("inbox");
const QString InboxText::OptOut = QStringLiteral("optout");
const QString InboxText::Prayer = QStringLiteral("prayer");

QString InboxText::handledAs(const QString &keyword)
{
    if (keyword == OptOut)
        //: An incoming SMS that asked for no more SMS (STOP, ACHA...): the number is now opted out
        return tr("Opted out");
    if (keyword == Prayer)
        //: An incoming SMS that starts with PRAY or OMBI
        return tr("Prayer request");
    //: An ordinary incoming SMS
    return tr("Message");
}

QString InboxText::handledAsHelp(const QString &keyword)
{
    if (keyword == OptOut)
        return tr("The sender asked for no more SMS (STOP, UNSUBSCRIBE or ACHA), so Kengele marked the number as opted out at "
                  "once: no SMS goes to it from now on.");
    if (keyword == Prayer)
        return tr("The message starts with PRAY or OMBI. Kengele keeps it as a prayer request for the prayer board.");
    return tr("An ordinary message to your number.");
}

} // namespace kengele
