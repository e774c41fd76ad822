// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "QuietHours.h"

namespace kengele {

bool QuietHours::isQuiet(const QDateTime &localTime) const
{
    if (start == end)
        return false;
    const QTime t = localTime.time();
    if (start < end)
        return t >= start && t < end;
    return t >= start || t < end;
}

QDateTime QuietHours::nextAllowed(const QDateTime &localTime) const
{
    if (!isQuiet(localTime))
        return localTime;
    QDateTime next(localTime.date(), end, localTime.timeSpec());
    if (next <= localTime)
        next = next.addDays(1);
    return next;
}

} // namespace kengele
