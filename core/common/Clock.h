// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>

namespace kengele {

// The time seam: services ask a Clock, tests hand in a fixed one.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const;
    qint64 nowMs() const { return nowUtc().toMSecsSinceEpoch(); }

    static const Clock &system();
};

} // namespace kengele
