// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Clock.h"

namespace kengele {

QDateTime Clock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

const Clock &Clock::system()
{
    static const Clock clock;
    return clock;
}

} // namespace kengele
