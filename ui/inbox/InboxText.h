// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QString>

namespace kengele {

// How the inbox's handling keywords ("inbox", "optout", "prayer") and the filter choices read on
// screen. The store keeps the keywords; people see these words.
class InboxText final
{
    Q_DECLARE_TR_FUNCTIONS(InboxText)

public:
    static const QString Message; // "inbox"
    static const QString OptOut; // "optout"
    static const QString Prayer; // "prayer"

    // "Message", "Opted out", "Prayer request".
    static QString handledAs(const QString &keyword);
    // A sentence saying what Kengele did with such a message.
    static QString handledAsHelp(const QString &keyword);
};

} // namespace kengele
