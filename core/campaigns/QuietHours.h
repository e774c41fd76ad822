// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QTime>

namespace kengele {

// Hours when only urgent messages go out (default 21:00–07:00 local time). The window may cross
// midnight. Equal start and end means no quiet hours.
struct QuietHours {
    QTime start = QTime(21, 0);
    QTime end = QTime(7, 0);

    bool isQuiet(const QDateTime &localTime) const;
    // The first moment at or after localTime that is outside the window.
    QDateTime nextAllowed(const QDateTime &localTime) const;
};

} // namespace kengele
